/* bench-retention.c — every client's rhythm and status on the reference
 * database (100,000 clients, ten years), against the bare SQL that reads
 * the same visits grouped by client (count, first and last visit, revenue)
 * without any of the rules. Medians. Each run on a reader opened for it,
 * as the window's counts run (RgRecount, the client list's statuses).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <stdio.h>

#include "analytics/rg-call-list.h"
#include "analytics/rg-dashboard.h"
#include "analytics/rg-retention.h"
#include "bench-common.h"

#define RUNS 7

static volatile gint64 sink;

static void
bare_group_by (RgStore *store,
               gint64   end)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT client_id, count(*), min(starts_at), max(starts_at), sum(price)"
                                             " FROM appointments WHERE status = 'done' AND deleted_at IS NULL"
                                             " AND starts_at < ?1 GROUP BY client_id",
                                             NULL);
  gboolean row = TRUE;

  sqlite3_bind_int64 (stmt, 1, end);
  while (row && rg_store_step_row (store, stmt, &row, NULL))
    if (row)
      sink += sqlite3_column_int64 (stmt, 1);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bench_reference_db ();
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(GArray) rules = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  RgDate day = { 2026, 11, 28 };
  guint counts[RG_CLIENT_N_STATUSES] = { 0 };

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int i = 0; i < RUNS + 2; i++)
    {
      g_autoptr(GArray) all = NULL;
      g_autoptr(RgStore) reader = rg_store_open_reader (store, &error);
      gint64 t0 = g_get_monotonic_time (), t1, t2;

      if (reader == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      all = rg_retention_load (reader, day, NULL, &error);
      t1 = g_get_monotonic_time ();
      bare_group_by (reader, rg_date_end (day));
      t2 = g_get_monotonic_time ();
      if (all == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (i == 0)
        for (guint k = 0; k < all->len; k++)
          counts[g_array_index (all, RgClientRhythm, k).status]++;
      /* Today's call list and the month's dashboard on the same rhythms. */
      {
        g_autoptr(RgDashboard) dash = NULL;
        g_autoptr(GPtrArray) calls = NULL;
        gint64 t3 = g_get_monotonic_time ();

        calls = rg_call_list_build (reader, all, day, NULL, &error);
        gint64 t4 = g_get_monotonic_time ();
        dash = rg_dashboard_compute_with (reader, all, (RgDate) { 2026, 11, 1 }, day, day, NULL, &error);
        if (calls == NULL || dash == NULL)
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        if (g_getenv ("BENCH_SPLIT"))
          printf ("# rhythms %.1f call list %.1f dashboard %.1f\n", (t1 - t0) / 1000.0, (t4 - t3) / 1000.0,
                  (g_get_monotonic_time () - t4) / 1000.0);
        if (i >= 2)
          g_array_append_val (whole, (double) { (t1 - t0 + g_get_monotonic_time () - t3) / 1000.0 });
        if (i == 0)
          printf ("# call list %u rows; existing-client retention %.1f %%, churn %.1f %%\n", calls->len,
                  rg_share_percent (&dash->existing_retention), rg_share_percent (&dash->churn));
      }
      if (i < 2)
        continue;
      g_array_append_val (rules, (double) { (t1 - t0) / 1000.0 });
      g_array_append_val (bare, (double) { (t2 - t1) / 1000.0 });
    }

  printf ("#");
  for (guint s = 0; s < RG_CLIENT_N_STATUSES; s++)
    printf (" %s %u", rg_client_status_to_nick (s), counts[s]);
  printf ("\n");
  bench_report ("retention-all-clients-p50", bench_percentile (rules, 50), "ms",
                bench_percentile (bare, 50), 0, 0);
  bench_report ("dashboard-and-call-list-p50", bench_percentile (whole, 50), "ms",
                bench_percentile (bare, 50), 0, 200);
  return 0;
}
