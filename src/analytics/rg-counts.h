/* rg-counts.h — the counts the views ask the studio for: each an
 * RgCountFunc (rg_studio_count_async()) that takes its job and gives the
 * figures, on whatever connection and thread the studio counts on.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-studio.h"
#include "rg-call-list.h"
#include "rg-dashboard.h"
#include "rg-liabilities.h"
#include "rg-money-figures.h"
#include "rg-satisfaction.h"

G_BEGIN_DECLS

/* The dashboard of a period, seen on a day (rg_dashboard_compute()). */
typedef struct {
  RgDate from;
  RgDate to;
  RgDate as_of;
} RgDashboardJob;

/* @job: the day (const RgDate *). Every client's rhythm on the day, then
 * the day's call list: a GPtrArray of RgCallEntry. */
gpointer rg_count_calls        (RgStore       *store,
                                gconstpointer  job,
                                GCancellable  *cancellable,
                                GError       **error);
/* @job: const RgDashboardJob *. An RgDashboard. */
gpointer rg_count_dashboard    (RgStore       *store,
                                gconstpointer  job,
                                GCancellable  *cancellable,
                                GError       **error);
/* @job: const RgSatisfactionQuery *. An RgSatisfaction. */
gpointer rg_count_satisfaction (RgStore       *store,
                                gconstpointer  job,
                                GCancellable  *cancellable,
                                GError       **error);

/* @job: const RgMoneyQuery *. An RgPayroll. */
gpointer rg_count_payroll      (RgStore       *store,
                                gconstpointer  job,
                                GCancellable  *cancellable,
                                GError       **error);

/* @job: the day (const RgDate *). An RgLiabilities. */
gpointer rg_count_liabilities  (RgStore       *store,
                                gconstpointer  job,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
