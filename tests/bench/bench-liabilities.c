/* bench-liabilities.c — what the reference studio owes at the end of its
 * last day: the four figures with their counts (rg_liabilities_compute_
 * figures(): the report's figures) against the bare SQL sums of the same
 * four ledgers, measured in the same run (the deposits' and the points'
 * sums, the valid certificates' moves, the running subscriptions' visits
 * left with their price); and, for reading, the whole report with the
 * list of the clients who hold a deposit or points by name
 * (rg_liabilities_compute()). The counts need each client's balance, so
 * every row of the points ledger comes out of SQLite to be summed by
 * client, where the bare sum stays inside it. Medians, each run on a
 * reader opened for it, turn about.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <stdio.h>

#include "analytics/rg-liabilities.h"
#include "bench-common.h"
#include "store/rg-store.h"

#define RUNS 7

static volatile gint64 sink;

static void
bare_sum (RgStore    *store,
          const char *sql,
          gint64      end)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, NULL);
  gboolean row = TRUE;

  g_assert (stmt != NULL);
  sqlite3_bind_int64 (stmt, 1, end);
  while (row && rg_store_step_row (store, stmt, &row, NULL))
    if (row)
      sink += sqlite3_column_int64 (stmt, 0);
}

static void
bare_sums (RgStore *store,
           gint64   end)
{
  static const char * const queries[] = {
    "SELECT sum (amount) FROM deposit_moves WHERE occurred_at < ?1",
    "SELECT sum (points) FROM points_moves WHERE occurred_at < ?1",
    "SELECT sum (m.amount) FROM certificates c JOIN certificate_moves m ON m.certificate_id = c.id"
    " WHERE c.sold_at < ?1 AND c.expires_at >= ?1 AND m.occurred_at < ?1",
    /* A subscription's share of its price is rounded one by one. */
    "SELECT sum (m.visits) * s.price / s.visits FROM subscriptions s"
    " JOIN subscription_moves m ON m.subscription_id = s.id"
    " WHERE s.sold_at < ?1 AND (s.expires_at IS NULL OR s.expires_at >= ?1) AND m.occurred_at < ?1"
    " GROUP BY s.id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    bare_sum (store, queries[i], end);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bench_reference_db ();
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(GArray) report = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (double));
  RgDate day = { 2026, 11, 28 };   /* the reference studio's today */
  gint64 end = rg_date_end (day);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int i = 0; i < RUNS + 2; i++)
    {
      g_autoptr(RgStore) reader = rg_store_open_reader (store, &error);
      g_autoptr(RgLiabilities) owed = NULL;
      gint64 t0, t1, t2, t3;

      if (reader == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* Turn about, so neither always reads from a cache the other warmed. */
      t0 = g_get_monotonic_time ();
      if (i % 2)
        bare_sums (reader, end);
      t1 = g_get_monotonic_time ();
      owed = rg_liabilities_compute_figures (reader, day, &error);
      t2 = g_get_monotonic_time ();
      if (i % 2 == 0)
        bare_sums (reader, end);
      t3 = g_get_monotonic_time ();
      if (owed == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      {
        g_autoptr(RgStore) other = rg_store_open_reader (store, &error);
        gint64 t4 = g_get_monotonic_time ();

        g_clear_pointer (&owed, rg_liabilities_free);
        owed = other ? rg_liabilities_compute (other, day, &error) : NULL;
        if (owed == NULL)
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        if (i >= 2)
          g_array_append_val (listed, (double) { (g_get_monotonic_time () - t4) / 1000.0 });
      }
      if (i == 0)
        printf ("# owed %" G_GINT64_FORMAT ": deposits %" G_GINT64_FORMAT " (%u clients), certificates %"
                G_GINT64_FORMAT " (%u), subscriptions %" G_GINT64_FORMAT " (%u, %" G_GINT64_FORMAT
                " visits), points %" G_GINT64_FORMAT " (%u clients); %u clients listed\n",
                owed->total, owed->deposits, owed->deposit_clients, owed->certificates, owed->n_certificates,
                owed->subscriptions, owed->n_subscriptions, owed->subscription_visits, owed->points_value,
                owed->points_clients, owed->clients->len);
      if (i < 2)
        continue;
      g_array_append_val (report, (double) { (t2 - t1) / 1000.0 });
      g_array_append_val (bare, (double) { (i % 2 ? t1 - t0 : t3 - t2) / 1000.0 });
    }

  bench_report ("liabilities-p50", bench_percentile (report, 50), "ms", bench_percentile (bare, 50), 1.5, 0);
  bench_report ("liabilities-with-clients-p50", bench_percentile (listed, 50), "ms", bench_percentile (bare, 50), 0, 0);
  return 0;
}
