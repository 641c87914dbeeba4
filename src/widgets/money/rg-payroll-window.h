/* rg-payroll-window.h — what each master earned in a month, line by line.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_PAYROLL_WINDOW (rg_payroll_window_get_type ())
G_DECLARE_FINAL_TYPE (RgPayrollWindow, rg_payroll_window, RG, PAYROLL_WINDOW, AdwWindow)

RgPayrollWindow *rg_payroll_window_new      (GtkWindow       *parent,
                                             RgStudio        *studio);
void             rg_payroll_window_set_month (RgPayrollWindow *self,
                                              int              year,
                                              int              month);
void             rg_payroll_window_save_pdf  (RgPayrollWindow *self,
                                              const char      *path);
/* For tests: whether the month's payroll has been read, its total pay, and
 * the title of the group of master @index. */
gboolean         rg_payroll_window_is_loading (RgPayrollWindow *self);
gint64           rg_payroll_window_get_total  (RgPayrollWindow *self);
const char      *rg_payroll_window_get_master_title (RgPayrollWindow *self,
                                                     guint            index);

G_END_DECLS
