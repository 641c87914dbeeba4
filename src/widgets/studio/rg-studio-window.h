/* rg-studio-window.h — studio setup: staff and services.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_STUDIO_WINDOW (rg_studio_window_get_type ())
G_DECLARE_FINAL_TYPE (RgStudioWindow, rg_studio_window, RG, STUDIO_WINDOW, AdwPreferencesWindow)

RgStudioWindow *rg_studio_window_new         (RgStudio       *studio) G_GNUC_WARN_UNUSED_RESULT;
RgStudio       *rg_studio_window_get_studio  (RgStudioWindow *self);
GtkWidget      *rg_studio_window_get_editor  (RgStudioWindow *self);

void            rg_studio_window_close_page  (GtkWidget      *page);
void            rg_studio_window_show_error  (GtkWidget      *page,
                                              const GError   *error);

G_END_DECLS
