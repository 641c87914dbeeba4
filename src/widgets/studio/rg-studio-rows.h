/* rg-studio-rows.h — what the Studio window's money pages share: an entry
 * row that forgets its error mark when typed into, and a refusal said in
 * a toast of the window.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwEntryRow *rg_studio_entry_row   (const char   *title,
                                    gboolean      number);
void         rg_studio_error_toast (GtkWidget    *page,
                                    const GError *error);

G_END_DECLS
