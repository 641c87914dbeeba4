/* rg-liabilities-window.h — what the studio owes its clients on a day.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"
#include "util/rg-time.h"

G_BEGIN_DECLS

#define RG_TYPE_LIABILITIES_WINDOW (rg_liabilities_window_get_type ())
G_DECLARE_FINAL_TYPE (RgLiabilitiesWindow, rg_liabilities_window, RG, LIABILITIES_WINDOW, AdwWindow)

RgLiabilitiesWindow *rg_liabilities_window_new     (GtkWindow           *parent,
                                                    RgStudio            *studio);
void                 rg_liabilities_window_set_day (RgLiabilitiesWindow *self,
                                                    RgDate               day);
RgDate               rg_liabilities_window_get_day (RgLiabilitiesWindow *self);
/* For tests: whether the day's figures are being read, their total (minor
 * units), and how many clients the list shows. */
gboolean             rg_liabilities_window_is_loading  (RgLiabilitiesWindow *self);
gint64               rg_liabilities_window_get_total   (RgLiabilitiesWindow *self);
guint                rg_liabilities_window_get_n_clients (RgLiabilitiesWindow *self);

G_END_DECLS
