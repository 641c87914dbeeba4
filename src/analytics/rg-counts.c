/* rg-counts.c — the counts the views ask the studio for.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include "rg-counts.h"
#include "rg-retention.h"

gpointer
rg_count_calls (RgStore       *store,
                gconstpointer  job,
                GCancellable  *cancellable,
                GError       **error)
{
  const RgDate *day = job;
  g_autoptr(GArray) rhythms = rg_retention_load (store, *day, cancellable, error);

  if (rhythms == NULL)
    return NULL;
  return rg_call_list_build (store, rhythms, *day, NULL, error);
}

gpointer
rg_count_dashboard (RgStore       *store,
                    gconstpointer  job,
                    GCancellable  *cancellable,
                    GError       **error)
{
  const RgDashboardJob *period = job;

  return rg_dashboard_compute (store, period->from, period->to, period->as_of, cancellable, error);
}

gpointer
rg_count_satisfaction (RgStore       *store,
                       gconstpointer  job,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return rg_satisfaction_compute (store, job, cancellable, error);
}

gpointer
rg_count_payroll (RgStore       *store,
                  gconstpointer  job,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return rg_payroll_compute (store, job, error);
}

gpointer
rg_count_liabilities (RgStore       *store,
                      gconstpointer  job,
                      GCancellable  *cancellable,
                      GError       **error)
{
  const RgDate *day = job;

  return rg_liabilities_compute (store, *day, error);
}
