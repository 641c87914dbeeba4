/* test-prepaid.c — deposits, points, gift certificates, subscriptions and
 * referral rewards through the till's commands: hand-computed cases, the
 * refusals that write nothing, refunds giving back to every ledger, two
 * desks redeeming one certificate, points expiring, and a property test
 * over random sequences of top-ups, payments and refunds.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "model/rg-prepaid.h"
#include "model/rg-sale.h"
#include "model/rg-studio-settings.h"
#include "test-util.h"
#include "util/rg-time.h"

typedef struct {
  char     *dir;
  char     *path;
  RgStudio *studio;
  RgStore  *store;
} Fixture;

enum { ANNA = 11, BELLA = 12, MARINA = 21, MANICURE = 31, COLOURING = 32, CONDITIONER = 41, VISIT = 51 };

static void
exec (RgStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static gint64
count (Fixture    *f,
       const char *sql,
       gint64      arg)
{
  return test_sql_int (f->store, sql, arg);
}

/* Anna and Bella; Marina at 40 %; a manicure at 1,500.00, a colouring at
 * 4,200.00, a conditioner at 390.00; a visit of Anna's (both services)
 * that has arrived. No card tiers: no automatic discount gets in the way. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 now = rg_store_now ();

  f->dir = g_dir_make_tmp ("regulars-prepaid-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (f->path, RG_STORE_OPEN_DEFAULT);
  f->store = rg_studio_get_store (f->studio);
  sql = g_strdup_printf (
    "DELETE FROM card_tiers;"
    "INSERT INTO staff (id, display_name, pay_rate, created_at, updated_at) VALUES (21, 'Marina', 4000, 1, 1);"
    "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at) VALUES "
    " (31, 'Manicure', 60, 150000, 1, 1), (32, 'Colouring', 120, 420000, 1, 1);"
    "INSERT INTO products (id, name, price, cost, created_at, updated_at) VALUES (41, 'Conditioner', 39000, 30000, 1, 1);"
    "INSERT INTO stock_moves (id, product_id, quantity, reason, occurred_at, created_at, updated_at) VALUES "
    " (71, 41, 100, 'received', 1, 1, 1);"
    "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at) VALUES "
    " (11, 'Anna', 'anna', '+7 912 555-00-00', '79125550000', 1, 1),"
    " (12, 'Bella', 'bella', '+7 912 555-00-01', '79125550001', 1, 1);"
    "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, updated_at) "
    " VALUES (51, 11, 21, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'arrived', 570000, 1, 1);"
    "INSERT INTO appointment_services (id, appointment_id, service_id, position, duration_minutes, price, "
    " created_at, updated_at) VALUES (81, 51, 31, 0, 60, 150000, 1, 1), (82, 51, 32, 1, 120, 420000, 1, 1);",
    now - 3 * 3600, now - 3600);
  exec (f->store, sql);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
balance_of (Fixture *f,
            gint64   client,
            gboolean points)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClientBalances) balances = rg_studio_read_balances (f->studio, client, &error);

  g_assert_no_error (error);
  return points ? balances->points : balances->deposit;
}

/* A walk-in sale of one line to @client, paid by @method. */
static gint64
sell (Fixture         *f,
      gint64           client,
      RgSaleLineKind   kind,
      gint64           item,
      gint64           price,
      RgPaymentMethod  method,
      gint64           amount,
      GError         **error)
{
  g_autoptr(RgSaleDraft) draft = rg_sale_draft_new (client, 0);
  gint64 sale = 0;

  rg_sale_draft_add_line (draft, kind, item, 0, 1, price);
  if (amount > 0)
    rg_sale_draft_add_payment (draft, method, amount);
  if (!rg_studio_check_out (f->studio, draft, &sale, error))
    return 0;
  return sale;
}

/* Anna tops up 5,000.00 by card: no revenue, no points, a deposit of
 * 5,000.00. Her visit (5,700.00) is paid 5,000.00 from it and 700.00 in
 * cash: the deposit is empty, and she earns 5 % of the 5,700.00 paid in
 * money: 285 points. A second payment from the empty deposit is refused. */
static void
test_deposit (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = NULL;
  g_autoptr(GArray) ledger = NULL;
  gint64 top_up, sale = 0;

  top_up = sell (f, ANNA, RG_SALE_LINE_DEPOSIT, 0, 500000, RG_PAYMENT_CARD, 500000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f, ANNA, FALSE), ==, 500000);
  g_assert_cmpint (balance_of (f, ANNA, TRUE), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM deposit_moves WHERE reason = 'top_up' AND sale_id = ?1", top_up), ==, 1);

  /* A top-up needs a client; a deposit cannot buy a deposit. */
  g_assert_cmpint (sell (f, 0, RG_SALE_LINE_DEPOSIT, 0, 100000, RG_PAYMENT_CASH, 100000, &error), ==, 0);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sell (f, ANNA, RG_SALE_LINE_DEPOSIT, 0, 100000, RG_PAYMENT_DEPOSIT, 100000, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "take money"));
  g_clear_error (&error);

  draft = rg_studio_draft_check_out (f->studio, VISIT, &error);
  g_assert_no_error (error);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_DEPOSIT, 500000);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 70000);
  {
    g_autoptr(RgSaleQuote) quote = rg_studio_quote_sale (f->studio, draft, &error);

    g_assert_no_error (error);
    g_assert_cmpint (quote->total, ==, 570000);
    g_assert_cmpint (quote->money, ==, 570000);
    g_assert_cmpint (quote->points_earned, ==, 285);
    g_assert_cmpint (quote->points_limit, ==, 171000);
  }
  g_assert_true (rg_studio_check_out (f->studio, draft, &sale, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f, ANNA, FALSE), ==, 0);
  g_assert_cmpint (balance_of (f, ANNA, TRUE), ==, 285);
  g_assert_cmpint (count (f, "SELECT price FROM appointments WHERE id = ?1", VISIT), ==, 570000);
  g_assert_cmpint (count (f, "SELECT amount FROM payments WHERE sale_id = ?1 AND method = 'deposit'", sale), ==, 500000);

  ledger = rg_studio_read_ledger (f->studio, RG_LEDGER_DEPOSIT, ANNA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger->len, ==, 2);
  g_assert_cmpstr (g_array_index (ledger, RgLedgerRow, 0).reason, ==, "top_up");
  g_assert_cmpint (g_array_index (ledger, RgLedgerRow, 1).amount, ==, -500000);
  g_assert_cmpint (g_array_index (ledger, RgLedgerRow, 1).balance, ==, 0);

  /* Nothing left to pay with; nothing written by the refusal. */
  g_assert_cmpint (sell (f, ANNA, RG_SALE_LINE_PRODUCT, CONDITIONER, -1, RG_PAYMENT_DEPOSIT, 39000, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "deposit has only"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM sales", 0), ==, 2);

  /* The top-up cannot be refunded now: it was spent. Giving back more
   * than the balance is refused; the refund of the visit puts 5,000.00
   * back on the deposit and 700.00 in cash, and takes the 285 points. */
  g_assert_false (rg_studio_refund (f->studio, top_up, NULL, 0, "changed her mind", RG_PAYMENT_CARD, FALSE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "give back what is left"));
  g_clear_error (&error);
  g_assert_true (rg_studio_refund (f->studio, sale, NULL, 0, "a complaint", RG_PAYMENT_CASH, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f, ANNA, FALSE), ==, 500000);
  g_assert_cmpint (balance_of (f, ANNA, TRUE), ==, 0);
  g_assert_cmpint (count (f, "SELECT -sum (amount) FROM payments WHERE method = 'cash' AND amount < 0", 0), ==, 70000);

  /* Given back in money: 2,000.00 to her card, the rest stays. */
  g_assert_false (rg_studio_withdraw_deposit (f->studio, ANNA, 600000, RG_PAYMENT_CARD, "moving away", NULL, &error));
  g_assert_nonnull (strstr (error->message, "deposit has only"));
  g_clear_error (&error);
  g_assert_true (rg_studio_withdraw_deposit (f->studio, ANNA, 200000, RG_PAYMENT_CARD, "moving away", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f, ANNA, FALSE), ==, 300000);
  g_assert_cmpint (count (f, "SELECT coalesce (sum (amount), 0) FROM deposit_moves WHERE client_id = ?1", ANNA), ==, 300000);
}

/* Points pay at most 30 % of the goods: of a 390.00 conditioner, 117.00
 * (117 points). Paid 117 points and 273.00 in cash, it earns 5 % of the
 * 273.00 paid in money: 13 points (13.65 rounded down). Its refund gives
 * the 117 back and takes the 13. */
static void
test_points (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = rg_sale_draft_new (ANNA, 0);
  gint64 sale = 0;

  g_assert_true (rg_studio_correct_points (f->studio, ANNA, 285, "moved from the paper cards", &error));
  g_assert_no_error (error);
  g_assert_false (rg_studio_correct_points (f->studio, ANNA, -300, "a mistake", &error));
  g_assert_nonnull (strstr (error->message, "only 285 points"));
  g_clear_error (&error);
  g_assert_false (rg_studio_correct_points (f->studio, ANNA, 5, "  ", &error));
  g_clear_error (&error);

  rg_sale_draft_add_line (draft, RG_SALE_LINE_PRODUCT, CONDITIONER, 0, 1, -1);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_POINTS, 11800);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 27200);
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_nonnull (strstr (error->message, "at most"));
  g_clear_error (&error);

  g_array_set_size (draft->payments, 0);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_POINTS, 11750);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 27250);
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_nonnull (strstr (error->message, "whole points"));
  g_clear_error (&error);

  g_array_set_size (draft->payments, 0);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_POINTS, 11700);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 27300);
  g_assert_true (rg_studio_check_out (f->studio, draft, &sale, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f, ANNA, TRUE), ==, 285 - 117 + 13);

  g_assert_true (rg_studio_refund (f->studio, sale, NULL, 0, "wrong shade", RG_PAYMENT_CASH, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f, ANNA, TRUE), ==, 285);
  g_assert_cmpint (count (f, "SELECT -sum (amount) FROM payments WHERE amount < 0 AND method = 'points'", 0), ==, 11700);
  g_assert_cmpint (count (f, "SELECT -sum (amount) FROM payments WHERE amount < 0 AND method = 'cash'", 0), ==, 27300);
  /* Stock came back too. */
  g_assert_cmpint (count (f, "SELECT sum (quantity) FROM stock_moves WHERE product_id = ?1", CONDITIONER), ==, 100);
}

/* Points earned thirteen months ago on a twelve-month expiry are written
 * off once, at their expiry, for what is left of them after spending took
 * the oldest first. */
static void
test_points_expire (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = rg_store_now (), old = now - 400 * 86400, later = now - 300 * 86400;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO points_moves (id, client_id, points, reason, expires_at, occurred_at, created_at, updated_at) VALUES "
    " (1, 11, 100, 'earned', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 1),"
    " (2, 11, 50, 'earned', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 1),"
    " (3, 11, -30, 'spent', NULL, %" G_GINT64_FORMAT ", 1, 1);",
    old + 365 * 86400, old, later + 365 * 86400, later, later + 86400);

  exec (f->store, sql);
  /* Lot 1 (100, spent 30 of it) expired 35 days ago; lot 2 is good. */
  g_assert_cmpint (balance_of (f, ANNA, TRUE), ==, 50);
  g_assert_true (rg_studio_expire_points (f->studio, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT points FROM points_moves WHERE reason = 'expired' AND lot_id = 1", 0), ==, -70);
  g_assert_true (rg_studio_expire_points (f->studio, now, &error));
  g_assert_cmpint (count (f, "SELECT count (*) FROM points_moves WHERE reason = 'expired'", 0), ==, 1);
  g_assert_cmpint (count (f, "SELECT sum (points) FROM points_moves WHERE client_id = 11", 0), ==, 50);
  g_assert_cmpint (balance_of (f, ANNA, TRUE), ==, 50);
}

static gint64
certificate_id (Fixture    *f,
                const char *number)
{
  g_autoptr(GError) error = NULL;
  g_auto(RgCertificate) certificate = { 0 };

  g_assert_true (rg_studio_find_certificate (f->studio, number, &certificate, &error));
  g_assert_no_error (error);
  return certificate.id;
}

/* Anna buys a 3,000.00 certificate (GC-000001) and a manicure
 * certificate; Bella pays 1,000.00 of a sale with the first (2,000.00
 * left). Two desks: both quote the rest, the first writes, the second is
 * refused. An expired one is refused with its date. The manicure
 * certificate pays the visit's manicure whole. */
static void
test_certificates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) other = NULL;
  g_autoptr(RgSaleDraft) a = NULL;
  g_autoptr(RgSaleDraft) b = NULL;
  g_auto(RgCertificate) read = { 0 };
  gint64 gift, sale = 0, gift2;

  g_assert_cmpint (sell (f, ANNA, RG_SALE_LINE_CERTIFICATE, 0, 300000, RG_PAYMENT_CASH, 300000, &error), !=, 0);
  g_assert_no_error (error);
  gift = certificate_id (f, " gc-000001 ");
  g_assert_true (rg_studio_read_certificate (f->studio, gift, &read, &error));
  g_assert_cmpint (read.balance, ==, 300000);
  g_assert_cmpint (read.buyer_id, ==, ANNA);
  g_assert_cmpint (read.expires_at, >, rg_store_now () + 360 * 86400);

  /* Bella pays 1,000.00 of three conditioners (1,170.00) with it. */
  b = rg_sale_draft_new (BELLA, 0);
  rg_sale_draft_add_line (b, RG_SALE_LINE_PRODUCT, CONDITIONER, 0, 3, -1);
  rg_sale_draft_add_instrument (b, RG_PAYMENT_CERTIFICATE, 100000, gift, -1);
  rg_sale_draft_add_payment (b, RG_PAYMENT_CASH, 17000);
  g_assert_true (rg_studio_check_out (f->studio, b, &sale, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT sum (amount) FROM certificate_moves WHERE certificate_id = ?1", gift), ==, 200000);
  g_assert_cmpint (count (f, "SELECT client_id FROM certificate_moves WHERE reason = 'redeemed'", 0), ==, BELLA);

  /* Two desks, each with the 2,000.00 left in its quote. */
  other = test_open_studio (f->path, RG_STORE_OPEN_DEFAULT);
  a = rg_sale_draft_new (ANNA, 0);
  rg_sale_draft_add_line (a, RG_SALE_LINE_SERVICE, MANICURE, MARINA, 1, -1);
  rg_sale_draft_add_instrument (a, RG_PAYMENT_CERTIFICATE, 150000, gift, -1);
  g_array_set_size (b->payments, 0);
  rg_sale_draft_add_instrument (b, RG_PAYMENT_CERTIFICATE, 117000, gift, -1);
  {
    g_autoptr(RgSaleQuote) qa = rg_studio_quote_sale (f->studio, a, &error);
    g_autoptr(RgSaleQuote) qb = rg_studio_quote_sale (other, b, &error);

    g_assert_no_error (error);
    g_assert_cmpint (qa->still_due, ==, 0);
    g_assert_cmpint (qb->still_due, ==, 0);
  }
  g_assert_true (rg_studio_check_out (f->studio, a, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rg_studio_check_out (other, b, NULL, &error));
  g_assert_nonnull (strstr (error->message, "has only"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT sum (amount) FROM certificate_moves WHERE certificate_id = ?1", gift), ==, 50000);

  /* Expired: refused with its date, nothing written. */
  exec (f->store, "UPDATE certificates SET expires_at = 1700000000");
  g_array_set_size (b->payments, 0);
  rg_sale_draft_add_instrument (b, RG_PAYMENT_CERTIFICATE, 10000, gift, -1);
  rg_sale_draft_add_payment (b, RG_PAYMENT_CASH, 107000);
  g_assert_false (rg_studio_check_out (f->studio, b, NULL, &error));
  g_assert_nonnull (strstr (error->message, "valid until"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT sum (amount) FROM certificate_moves WHERE certificate_id = ?1", gift), ==, 50000);

  /* A manicure certificate (1,500.00 today) pays the visit's manicure. */
  g_assert_cmpint (sell (f, ANNA, RG_SALE_LINE_CERTIFICATE, MANICURE, -1, RG_PAYMENT_CARD, 150000, &error), !=, 0);
  g_assert_no_error (error);
  gift2 = certificate_id (f, "GC-000002");
  {
    g_autoptr(RgSaleDraft) visit = rg_studio_draft_check_out (f->studio, VISIT, &error);

    rg_sale_draft_add_instrument (visit, RG_PAYMENT_CERTIFICATE, 0, gift2, -1);
    rg_sale_draft_add_payment (visit, RG_PAYMENT_CARD, 420000);
    g_assert_true (rg_studio_check_out (f->studio, visit, &sale, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count (f, "SELECT sum (amount) FROM certificate_moves WHERE certificate_id = ?1", gift2), ==, 0);
  g_assert_cmpint (count (f, "SELECT amount FROM payments WHERE sale_id = ?1 AND method = 'certificate'", sale), ==, 150000);
  {
    g_autoptr(RgReceipt) receipt = rg_studio_read_receipt (f->studio, sale, &error);
    g_autoptr(RgReceipt) sold = rg_studio_read_receipt (f->studio,
                                                        count (f, "SELECT s.id FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
                                                                  "WHERE l.kind = 'certificate' AND l.list_price = 150000", 0),
                                                        &error);

    g_assert_no_error (error);
    g_assert_cmpuint (receipt->n_payments, ==, 2);
    g_assert_true (g_strcmp0 (receipt->payments[0].label, "Gift certificate GC-000002") == 0 ||
                   g_strcmp0 (receipt->payments[1].label, "Gift certificate GC-000002") == 0);
    g_assert_cmpstr (sold->lines[0].name, ==, "Gift certificate GC-000002");
  }

  /* Its refund restores it whole; the card gets its 4,200.00. */
  g_assert_true (rg_studio_refund (f->studio, sale, NULL, 0, "double booking", RG_PAYMENT_CARD, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT sum (amount) FROM certificate_moves WHERE certificate_id = ?1", gift2), ==, 150000);
  g_assert_cmpint (count (f, "SELECT sum (amount) FROM payments WHERE sale_id IN (SELECT id FROM sales WHERE refund_of = ?1)",
                          sale), ==, -570000);
}

/* "5 manicures" for 6,000.00, 30 days from the first use. Sold to Anna:
 * 5 visits, not started. Her visit's manicure is paid by one visit (4
 * left, 30 days from today); the colouring is not covered. A refund of
 * the manicure line gives the visit back. */
static void
test_subscription (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (gint64));
  RgSubscriptionKind kind = { .name = (char *) "5 manicures", .visits = 5, .valid_days = 30,
                              .from_first_use = TRUE, .price = 600000 };
  g_autoptr(GArray) kinds = NULL;
  g_autoptr(RgSaleDraft) draft = NULL;
  g_autoptr(RgClientBalances) balances = NULL;
  gint64 manicure = MANICURE, subscription, sale = 0, line = 0;

  g_array_append_val (services, manicure);
  g_assert_false (rg_studio_save_subscription_kind (f->studio, &kind, &error));
  g_assert_nonnull (strstr (error->message, "services"));
  g_clear_error (&error);
  kind.service_ids = services;
  g_assert_true (rg_studio_save_subscription_kind (f->studio, &kind, &error));
  g_assert_no_error (error);
  kinds = rg_studio_list_subscription_kinds (f->studio, FALSE, &error);
  g_assert_cmpuint (kinds->len, ==, 1);
  g_assert_cmpint (g_array_index (g_array_index (kinds, RgSubscriptionKind, 0).service_ids, gint64, 0), ==, MANICURE);

  g_assert_cmpint (sell (f, ANNA, RG_SALE_LINE_SUBSCRIPTION, kind.id, -1, RG_PAYMENT_CARD, 600000, &error), !=, 0);
  g_assert_no_error (error);
  balances = rg_studio_read_balances (f->studio, ANNA, &error);
  g_assert_cmpuint (balances->subscriptions->len, ==, 1);
  subscription = g_array_index (balances->subscriptions, RgSubscription, 0).id;
  g_assert_cmpint (g_array_index (balances->subscriptions, RgSubscription, 0).remaining, ==, 5);
  g_assert_cmpint (g_array_index (balances->subscriptions, RgSubscription, 0).expires_at, ==, 0);
  g_assert_cmpint (g_array_index (balances->subscriptions, RgSubscription, 0).price, ==, 600000);

  draft = rg_studio_draft_check_out (f->studio, VISIT, &error);
  rg_sale_draft_add_instrument (draft, RG_PAYMENT_SUBSCRIPTION, 0, subscription, 1);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 570000);
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_nonnull (strstr (error->message, "is not in the subscription"));
  g_clear_error (&error);
  g_array_set_size (draft->payments, 0);
  rg_sale_draft_add_instrument (draft, RG_PAYMENT_SUBSCRIPTION, 0, subscription, 0);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 420000);
  g_assert_true (rg_studio_check_out (f->studio, draft, &sale, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT sum (visits) FROM subscription_moves WHERE subscription_id = ?1", subscription), ==, 4);
  g_assert_cmpint (count (f, "SELECT expires_at - strftime ('%s', 'now') > 29 * 86400 FROM subscriptions WHERE id = ?1",
                          subscription), ==, 1);
  /* Points are earned on the money only: 5 % of 4,200.00 = 210. */
  g_assert_cmpint (balance_of (f, ANNA, TRUE), ==, 210);

  /* The subscription cannot be refunded whole now. */
  g_assert_false (rg_studio_refund (f->studio, count (f, "SELECT sale_id FROM sale_lines WHERE kind = 'subscription'", 0),
                                    NULL, 0, "changed her mind", RG_PAYMENT_CARD, FALSE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "was used"));
  g_clear_error (&error);

  line = count (f, "SELECT id FROM sale_lines WHERE sale_id = ?1 AND service_id = 31", sale);
  g_assert_true (rg_studio_refund (f->studio, sale, &line, 1, "not done well", RG_PAYMENT_CASH, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT sum (visits) FROM subscription_moves WHERE subscription_id = ?1", subscription), ==, 5);
  g_assert_cmpint (count (f, "SELECT count (*) FROM payments WHERE method = 'cash' AND amount < 0", 0), ==, 0);

  /* Expired: refused with its date. */
  exec (f->store, "UPDATE subscriptions SET expires_at = 1700000000");
  {
    g_autoptr(RgSaleDraft) again = rg_sale_draft_new (ANNA, 0);

    rg_sale_draft_add_line (again, RG_SALE_LINE_SERVICE, MANICURE, MARINA, 1, -1);
    rg_sale_draft_add_instrument (again, RG_PAYMENT_SUBSCRIPTION, 0, subscription, 0);
    g_assert_false (rg_studio_check_out (f->studio, again, NULL, &error));
    g_assert_nonnull (strstr (error->message, "valid until"));
    g_clear_error (&error);
  }
}

/* Bella was brought by Anna; the studio gives 500 points to who referred
 * and 300 to the newcomer. Bella's first visit done and paid grants both,
 * once, with a line in each timeline. */
static void
test_referral (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = NULL;
  g_autofree char *sql = g_strdup_printf (
    "UPDATE clients SET referred_by_id = 11 WHERE id = 12;"
    "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, updated_at) "
    " VALUES (52, 12, 21, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'arrived', 150000, 1, 1),"
    "        (53, 12, 21, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'arrived', 150000, 1, 1);"
    "INSERT INTO appointment_services (id, appointment_id, service_id, position, duration_minutes, price, "
    " created_at, updated_at) VALUES (83, 52, 31, 0, 60, 150000, 1, 1), (84, 53, 31, 0, 60, 150000, 1, 1);",
    rg_store_now () - 7200, rg_store_now () - 3600, rg_store_now () - 3000, rg_store_now () - 2000);

  exec (f->store, sql);
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_REFERRAL_REWARD), ==, RG_REFERRAL_POINTS);
  for (gint64 visit = 52; visit <= 53; visit++)
    {
      g_autoptr(RgSaleDraft) d = rg_studio_draft_check_out (f->studio, visit, &error);

      rg_sale_draft_add_payment (d, RG_PAYMENT_CASH, 150000);
      g_assert_true (rg_studio_check_out (f->studio, d, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count (f, "SELECT count (*) FROM referral_rewards", 0), ==, 1);
  g_assert_cmpint (count (f, "SELECT sum (points) FROM points_moves WHERE client_id = 11 AND reason = 'referral'", 0), ==, 500);
  g_assert_cmpint (count (f, "SELECT sum (points) FROM points_moves WHERE client_id = 12 AND reason = 'referral'", 0), ==, 300);
  /* Bella also earned 5 % of two 1,500.00 visits: 75 + 75. */
  g_assert_cmpint (balance_of (f, BELLA, TRUE), ==, 300 + 150);
  g_assert_cmpint (count (f, "SELECT count (*) FROM interactions WHERE kind = 'system' AND body LIKE 'Referral reward%'", 0), ==, 2);

  /* A one-off discount as the reward: the newcomer's next sale takes it once. */
  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_REFERRAL_REWARD, RG_REFERRAL_DISCOUNT, &error));
  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_REFERRAL_NEWCOMER, 1000, &error));
  exec (f->store, "DELETE FROM points_moves; DELETE FROM referral_rewards;"
                  "UPDATE appointments SET status = 'arrived' WHERE id = 53;"
                  "DELETE FROM sale_lines WHERE sale_id IN (SELECT id FROM sales WHERE appointment_id IN (52, 53));"
                  "DELETE FROM payments WHERE sale_id IN (SELECT id FROM sales WHERE appointment_id IN (52, 53));"
                  "DELETE FROM sales WHERE appointment_id IN (52, 53);"
                  "UPDATE appointments SET status = 'arrived' WHERE id = 52;");
  draft = rg_studio_draft_check_out (f->studio, 52, &error);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 150000);
  g_assert_true (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RgClientBalances) balances = rg_studio_read_balances (f->studio, BELLA, &error);
    g_autoptr(RgSaleDraft) next = rg_studio_draft_check_out (f->studio, 53, &error);
    g_autoptr(RgSaleQuote) quote = NULL;

    g_assert_cmpuint (balances->reward_discounts->len, ==, 1);
    next->reward_discount_id = g_array_index (balances->reward_discounts, RgRewardDiscount, 0).id;
    quote = rg_studio_quote_sale (f->studio, next, &error);
    g_assert_no_error (error);
    g_assert_cmpint (quote->total, ==, 135000);
    rg_sale_draft_add_payment (next, RG_PAYMENT_CASH, 135000);
    g_assert_true (rg_studio_check_out (f->studio, next, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count (*) FROM reward_discounts WHERE used_sale_id IS NOT NULL", 0), ==, 1);
  }
}

/* Random sequences of top-ups, payments from the deposit, refunds of
 * either and money given back: after every step the deposit read equals
 * the test's own account, the ledger's last balance and the sum of its
 * rows, never below zero; refused steps write nothing. */
static void
test_property (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) sales = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) effects = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  gint64 expected = 0;

  for (guint step = 0; step < 120; step++)
    {
      g_autoptr(GError) error = NULL;
      guint op = g_rand_int_range (rand, 0, 4);
      gint64 rows = count (f, "SELECT count (*) FROM deposit_moves", 0);
      gint64 amount = g_rand_int_range (rand, 1, 40) * 1000;
      gint64 sale = 0;
      gboolean ok;

      if (op == 0)
        {
          sale = sell (f, ANNA, RG_SALE_LINE_DEPOSIT, 0, amount, RG_PAYMENT_CASH, amount, &error);
          g_assert_no_error (error);
          expected += amount;
          g_array_append_val (sales, sale);
          g_array_append_val (effects, amount);
        }
      else if (op == 1)
        {
          /* A product of 390.00 paid from the deposit as far as it goes. */
          gint64 from_deposit = MIN (amount * 3, 39000);
          g_autoptr(RgSaleDraft) draft = rg_sale_draft_new (ANNA, 0);

          rg_sale_draft_add_line (draft, RG_SALE_LINE_PRODUCT, CONDITIONER, 0, 1, -1);
          rg_sale_draft_add_payment (draft, RG_PAYMENT_DEPOSIT, from_deposit);
          if (from_deposit < 39000)
            rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 39000 - from_deposit);
          ok = rg_studio_check_out (f->studio, draft, &sale, &error);
          g_assert_cmpint (ok, ==, from_deposit <= expected);
          if (ok)
            {
              gint64 effect = -from_deposit;

              expected -= from_deposit;
              g_array_append_val (sales, sale);
              g_array_append_val (effects, effect);
            }
          else
            g_assert_cmpint (count (f, "SELECT count (*) FROM deposit_moves", 0), ==, rows);
        }
      else if (op == 2 && sales->len > 0)
        {
          guint pick = g_rand_int_range (rand, 0, sales->len);
          gint64 effect = g_array_index (effects, gint64, pick);

          ok = rg_studio_refund (f->studio, g_array_index (sales, gint64, pick), NULL, 0, "property", RG_PAYMENT_CASH,
                                 FALSE, NULL, &error);
          /* A top-up goes back while the deposit holds it; a payment's
           * refund always puts its part back. */
          g_assert_cmpint (ok, ==, effect < 0 || effect <= expected);
          if (ok)
            {
              expected -= effect;
              g_array_remove_index (sales, pick);
              g_array_remove_index (effects, pick);
            }
          else
            g_assert_cmpint (count (f, "SELECT count (*) FROM deposit_moves", 0), ==, rows);
        }
      else if (op == 3)
        {
          ok = rg_studio_withdraw_deposit (f->studio, ANNA, amount, RG_PAYMENT_CASH, "property", NULL, &error);
          g_assert_cmpint (ok, ==, amount <= expected);
          if (ok)
            expected -= amount;
        }

      g_assert_cmpint (balance_of (f, ANNA, FALSE), ==, expected);
      g_assert_cmpint (count (f, "SELECT coalesce (sum (amount), 0) FROM deposit_moves WHERE client_id = 11", 0), ==, expected);
      g_assert_cmpint (expected, >=, 0);
      {
        g_autoptr(GArray) ledger = rg_studio_read_ledger (f->studio, RG_LEDGER_DEPOSIT, ANNA, NULL);

        g_assert_cmpint (ledger->len ? g_array_index (ledger, RgLedgerRow, ledger->len - 1).balance : 0, ==, expected);
        for (guint i = 0; i < ledger->len; i++)
          g_assert_cmpint (g_array_index (ledger, RgLedgerRow, i).balance, >=, 0);
      }
      /* Every sale's payments still equal its lines. */
      g_assert_cmpint (count (f, "SELECT count (*) FROM sales s WHERE (SELECT coalesce (sum (price), 0) FROM sale_lines "
                                 "WHERE sale_id = s.id) <> (SELECT coalesce (sum (amount), 0) FROM payments WHERE sale_id = s.id)",
                              0), ==, 0);
    }
  /* The trigger is the last guard: a row below zero is refused. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *sql = g_strdup_printf ("INSERT INTO deposit_moves (id, client_id, amount, reason, occurred_at, "
                                            "created_at, updated_at) VALUES (9, 11, %" G_GINT64_FORMAT ", 'correction', 1, 1, 1)",
                                            -expected - 1);

    g_assert_false (rg_store_exec (f->store, sql, &error));
    g_assert_nonnull (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rg_time_set_zone (NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/prepaid/deposit", test_deposit);
  ADD ("/prepaid/points", test_points);
  ADD ("/prepaid/points-expire", test_points_expire);
  ADD ("/prepaid/certificates", test_certificates);
  ADD ("/prepaid/subscription", test_subscription);
  ADD ("/prepaid/referral", test_referral);
  ADD ("/prepaid/property", test_property);
#undef ADD

  return g_test_run ();
}
