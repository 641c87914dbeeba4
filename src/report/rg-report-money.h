/* rg-report-money.h — the money figures and the payroll as text and JSON
 * for `regulars --report money|payroll`.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "analytics/rg-money-figures.h"

G_BEGIN_DECLS

/* @staff_name: the master the figures are of, for the heading; NULL: the
 * whole studio. */
char *rg_report_money_text   (const RgMoneyFigures *money,
                              const char           *staff_name) G_GNUC_WARN_UNUSED_RESULT;
char *rg_report_money_json   (const RgMoneyFigures *money) G_GNUC_WARN_UNUSED_RESULT;
char *rg_report_payroll_text (const RgPayroll      *payroll,
                              const char           *staff_name) G_GNUC_WARN_UNUSED_RESULT;
char *rg_report_payroll_json (const RgPayroll      *payroll) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
