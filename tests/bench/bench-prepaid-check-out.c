/* bench-prepaid-check-out.c — a check-out on the reference studio paid
 * from three instruments (a gift certificate, points and the deposit, the
 * rest in cash) through rg_studio_check_out(), against the same sale paid
 * in cash alone, measured in the same run: each inside a transaction
 * rolled back after it, so the reference studio stays as it was, and
 * neither pays for the final sync. Medians, turn about.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "model/rg-sale.h"
#include "store/rg-store.h"

#define RUNS       21
#define SOLD_AT    ((gint64) 1795867200)   /* the reference studio's now */

static gint64
query_int (RgStore    *store,
           const char *sql,
           gint64      a)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, NULL);
  gboolean row = FALSE;

  g_assert (stmt != NULL);
  sqlite3_bind_int64 (stmt, 1, a);
  if (!rg_store_step_row (store, stmt, &row, NULL) || !row)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    {
      g_printerr ("%s\n", error ? error->message : "failed");
      exit (1);
    }
}

/* One check-out, timed, then undone. */
static double
check_out_once (RgStudio          *studio,
                RgStore           *store,
                const RgSaleDraft *draft)
{
  g_autoptr(GError) error = NULL;
  gint64 t0, sale_id = 0;

  check (rg_store_begin (store, &error), error);
  t0 = g_get_monotonic_time ();
  check (rg_studio_check_out (studio, draft, &sale_id, &error), error);
  {
    double ms = (g_get_monotonic_time () - t0) / 1000.0;

    rg_store_rollback (store);
    return ms;
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bench_reference_db ();
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgSaleDraft) prepaid = NULL;
  g_autoptr(RgSaleDraft) cash = NULL;
  g_autoptr(RgSaleQuote) quote = NULL;
  g_autoptr(GArray) prepaid_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cash_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 client_id, certificate_id, service_id, staff_id, deposit, points, balance;
  gint64 by_certificate, by_points, by_deposit;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  studio = rg_studio_new (store);

  /* A client with a deposit and points, a certificate still valid with
   * money on it, the dearest service and a master. */
  client_id = query_int (store,
                         "SELECT d.client_id FROM"
                         " (SELECT client_id, sum (amount) AS b FROM deposit_moves GROUP BY client_id) d"
                         " JOIN (SELECT client_id, sum (points) AS b FROM points_moves"
                         "       WHERE occurred_at > ?1 - 180 * 86400 GROUP BY client_id) p ON p.client_id = d.client_id"
                         " WHERE d.b >= 100000 AND p.b >= 100 ORDER BY d.client_id LIMIT 1",
                         SOLD_AT);
  certificate_id = query_int (store,
                              "SELECT c.id FROM certificates c WHERE c.sold_at < ?1 AND c.expires_at > ?1 + 86400"
                              " AND (SELECT sum (amount) FROM certificate_moves m WHERE m.certificate_id = c.id) >= 100000"
                              " ORDER BY c.id LIMIT 1",
                              SOLD_AT);
  service_id = query_int (store, "SELECT id FROM services WHERE archived = 0 ORDER BY price DESC, id LIMIT 1", 0);
  staff_id = query_int (store, "SELECT id FROM staff ORDER BY position, id LIMIT 1", 0);
  if (client_id == 0 || certificate_id == 0 || service_id == 0 || staff_id == 0)
    {
      g_printerr ("The reference studio has no client with a deposit and points, or no certificate to pay with "
                  "(made by a generator before revision 5?)\n");
      return 1;
    }
  deposit = query_int (store, "SELECT sum (amount) FROM deposit_moves WHERE client_id = ?1", client_id);
  points = query_int (store, "SELECT sum (points) FROM points_moves WHERE client_id = ?1", client_id);
  balance = query_int (store, "SELECT sum (amount) FROM certificate_moves WHERE certificate_id = ?1", certificate_id);

  cash = rg_sale_draft_new (client_id, 0);
  rg_sale_draft_add_line (cash, RG_SALE_LINE_SERVICE, service_id, staff_id, 1, -1);
  cash->sold_at = SOLD_AT;
  quote = rg_studio_quote_sale (studio, cash, &error);
  check (quote != NULL, error);
  rg_sale_draft_add_payment (cash, RG_PAYMENT_CASH, quote->total);

  /* A quarter by the certificate, what points may pay (up to their share,
   * whole points), a quarter from the deposit, cash for the rest. */
  by_certificate = MIN (balance, quote->total / 4);
  by_points = MIN (MIN (points * 100, quote->points_limit), quote->total / 4) / 100 * 100;
  by_deposit = MIN (deposit, quote->total / 4);
  prepaid = rg_sale_draft_new (client_id, 0);
  rg_sale_draft_add_line (prepaid, RG_SALE_LINE_SERVICE, service_id, staff_id, 1, -1);
  prepaid->sold_at = SOLD_AT;
  rg_sale_draft_add_instrument (prepaid, RG_PAYMENT_CERTIFICATE, by_certificate, certificate_id, -1);
  if (by_points > 0)
    rg_sale_draft_add_payment (prepaid, RG_PAYMENT_POINTS, by_points);
  rg_sale_draft_add_payment (prepaid, RG_PAYMENT_DEPOSIT, by_deposit);
  rg_sale_draft_add_payment (prepaid, RG_PAYMENT_CASH, quote->total - by_certificate - by_points - by_deposit);
  printf ("# a sale of %" G_GINT64_FORMAT ": certificate %" G_GINT64_FORMAT ", points %" G_GINT64_FORMAT
          ", deposit %" G_GINT64_FORMAT ", cash %" G_GINT64_FORMAT "; against it all in cash\n",
          quote->total, by_certificate, by_points, by_deposit,
          quote->total - by_certificate - by_points - by_deposit);

  /* Warm up both. */
  check_out_once (studio, store, cash);
  check_out_once (studio, store, prepaid);
  for (int i = 0; i < RUNS; i++)
    {
      double a, b;

      if (i % 2)
        {
          b = check_out_once (studio, store, cash);
          a = check_out_once (studio, store, prepaid);
        }
      else
        {
          a = check_out_once (studio, store, prepaid);
          b = check_out_once (studio, store, cash);
        }
      g_array_append_val (prepaid_ms, a);
      g_array_append_val (cash_ms, b);
    }

  bench_report ("check-out-three-instruments-p50", bench_percentile (prepaid_ms, 50), "ms",
                bench_percentile (cash_ms, 50), 0, 0);
  return 0;
}
