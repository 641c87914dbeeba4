/* rg-accessible.h — names for the buttons that show only an icon.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void      rg_accessible_init        (void);
gboolean  rg_accessible_shows_text  (GtkWidget *widget);
void      rg_accessible_describe    (GtkWidget  *image,
                                     const char *meaning);
void      rg_accessible_row_icon    (GtkWidget  *row,
                                     const char *icon_name,
                                     const char *meaning);

G_END_DECLS
