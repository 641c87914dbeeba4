/* bench-money.c — the money report for twelve months of the reference
 * studio (December 2025 to November 2026) against the bare SQL sums of the
 * same figures (the done visits' count and revenue, the payments by method
 * and the refunds, the discounts, products, tips and pay of the lines),
 * measured in the same run; and the payroll of the same months, for
 * reading. Medians, each run on a reader opened for it.
 *
 * A reference studio made at format 15 before the generator writes sales
 * has none; one made at format 14 and opened here has a sale paid in full
 * for each done visit (the upgrade's): either runs.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <stdio.h>

#include "analytics/rg-money-figures.h"
#include "bench-common.h"

#define RUNS 7

static volatile gint64 sink;

static void
bare_sum (RgStore    *store,
          const char *sql,
          gint64      start,
          gint64      end)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, NULL);
  gboolean row = TRUE;

  g_assert (stmt != NULL);
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  while (row && rg_store_step_row (store, stmt, &row, NULL))
    if (row)
      sink += sqlite3_column_int64 (stmt, 1);
}

static void
bare_sums (RgStore *store,
           gint64   start,
           gint64   end)
{
  static const char * const queries[] = {
    "SELECT count(*), sum (price) FROM appointments"
    " WHERE starts_at >= ?1 AND starts_at < ?2 AND status = 'done' AND deleted_at IS NULL",
    "SELECT method, sum (amount) FROM payments WHERE paid_at >= ?1 AND paid_at < ?2 GROUP BY method",
    "SELECT 0, sum (-amount) FROM payments WHERE paid_at >= ?1 AND paid_at < ?2 AND amount < 0",
    "SELECT sum (l.discount_promotion), sum (l.discount_card), sum (l.discount_one_off)"
    " FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.created_at >= ?1 AND s.created_at < ?2",
    "SELECT sum (l.quantity), sum (l.price) FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
    " WHERE s.created_at >= ?1 AND s.created_at < ?2 AND l.kind = 'product'",
    "SELECT 0, sum (l.price) FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
    " WHERE s.created_at >= ?1 AND s.created_at < ?2 AND l.kind = 'tip'",
    "SELECT l.staff_id, sum (l.pay) FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
    " WHERE s.created_at >= ?1 AND s.created_at < ?2 GROUP BY l.staff_id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    bare_sum (store, queries[i], start, end);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bench_reference_db ();
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(GArray) report = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) payroll = g_array_new (FALSE, FALSE, sizeof (double));
  RgMoneyQuery query = { { 2025, 12, 1 }, { 2026, 11, 30 }, 0 };
  gint64 start = rg_date_start (query.from), end = rg_date_end (query.to);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int i = 0; i < RUNS + 2; i++)
    {
      g_autoptr(RgStore) reader = rg_store_open_reader (store, &error);
      g_autoptr(RgMoneyFigures) money = NULL;
      g_autoptr(RgPayroll) lines = NULL;
      gint64 t0, t1, t2, t3;

      if (reader == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* Turn about, so neither always reads from a cache the other warmed. */
      t0 = g_get_monotonic_time ();
      if (i % 2)
        bare_sums (reader, start, end);
      t1 = g_get_monotonic_time ();
      money = rg_money_figures_compute (reader, &query, &error);
      t2 = g_get_monotonic_time ();
      if (i % 2 == 0)
        bare_sums (reader, start, end);
      t3 = g_get_monotonic_time ();
      if (money == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      {
        gint64 t4 = g_get_monotonic_time ();

        lines = rg_payroll_compute (reader, &query, &error);
        if (lines == NULL)
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        if (i >= 2)
          g_array_append_val (payroll, (double) { (g_get_monotonic_time () - t4) / 1000.0 });
      }
      if (i == 0)
        {
          guint n_lines = 0;

          for (guint k = 0; k < lines->masters->len; k++)
            n_lines += ((RgPayrollMaster *) lines->masters->pdata[k])->lines->len;
          printf ("# 12 months: %" G_GINT64_FORMAT " visits, revenue %" G_GINT64_FORMAT ", payments %"
                  G_GINT64_FORMAT " by %u methods, %u masters paid, %u payroll lines\n",
                  money->visits, money->revenue, money->payments, money->payments_by_method->len,
                  money->pay_by_staff->len, n_lines);
        }
      if (i < 2)
        continue;
      g_array_append_val (report, (double) { (t2 - t1) / 1000.0 });
      g_array_append_val (bare, (double) { (i % 2 ? t1 - t0 : t3 - t2) / 1000.0 });
    }

  bench_report ("money-report-12-months-p50", bench_percentile (report, 50), "ms",
                bench_percentile (bare, 50), 1.5, 0);
  bench_report ("payroll-12-months-p50", bench_percentile (payroll, 50), "ms",
                bench_percentile (bare, 50), 0, 0);
  return 0;
}
