/* test-sales.c — the till's commands through the model: check-out with a
 * card tier and a split payment, the refusals that write nothing, refunds
 * of lines with stock and the visit's revenue following, a visit done
 * without a check-out, and the upgrade of an older studio.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "model/rg-appointment.h"
#include "model/rg-booking.h"
#include "model/rg-sale.h"
#include "model/rg-studio-settings.h"
#include "store/rg-schema-private.h"
#include "test-util.h"

typedef struct {
  char     *dir;
  RgStudio *studio;
  RgStore  *store;
  gint64    anna, marina, olga, manicure, colouring, conditioner, visit;
} Fixture;

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

/* A done visit two hours ago of Anna with Marina: a manicure at 1,500.00
 * and a colouring at 4,200.00, booked as "arrived". Marina is on 40 %,
 * with 100.00 per visit; her colouring rate is 30 %. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  gint64 now = rg_store_now ();

  f->dir = g_dir_make_tmp ("regulars-sales-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  f->store = rg_studio_get_store (f->studio);
  f->anna = 11, f->marina = 21, f->olga = 22, f->manicure = 31, f->colouring = 32, f->conditioner = 41;
  f->visit = 51;

  sql = g_strdup_printf (
    "INSERT INTO staff (id, display_name, pay_rate, pay_per_visit, created_at, updated_at) VALUES "
    " (21, 'Marina', 4000, 10000, 1, 1), (22, 'Olga', 5000, 0, 1, 1);"
    "INSERT INTO services (id, name, duration_minutes, price, materials_cost, created_at, updated_at) VALUES "
    " (31, 'Manicure', 60, 150000, 10000, 1, 1), (32, 'Colouring', 120, 420000, 60000, 1, 1);"
    "INSERT INTO staff_service_rates (id, staff_id, service_id, pay_rate, created_at, updated_at) VALUES "
    " (61, 21, 32, 3000, 1, 1);"
    "INSERT INTO products (id, name, price, cost, commission, created_at, updated_at) VALUES "
    " (41, 'Conditioner', 39000, 30000, 1000, 1, 1);"
    "INSERT INTO stock_moves (id, product_id, quantity, reason, occurred_at, created_at, updated_at) VALUES "
    " (71, 41, 10, 'received', 1, 1, 1);"
    "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at) VALUES "
    " (11, 'Anna', 'anna', '+7 912 555-00-00', '79125550000', 1, 1);"
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
}

/* Anna has spent 35,000.00 before (a sale of a past visit): silver, 7 %.
 * The visit: 1,500.00 - 7 % = 1,395.00; 4,200.00 - 7 % = 3,906.00;
 * total 5,301.00, paid 3,000.00 by card and 2,500.00 in cash: change
 * 199.00. Marina's pay after the discount: 40 % of 1,395.00 = 558.00 plus
 * 100.00 for the visit; 30 % of 3,906.00 = 1,171.80. */
static void
test_check_out (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = NULL;
  g_autoptr(RgSaleQuote) quote = NULL;
  gint64 sale = 0;

  exec (f->store,
        "INSERT INTO sales (id, number, client_id, created_at, updated_at) VALUES (91, 1, 11, 1, 1);"
        "INSERT INTO sale_lines (id, sale_id, kind, product_id, quantity, list_price, price, created_at, updated_at)"
        " VALUES (92, 91, 'product', 41, 1, 3500000, 3500000, 1, 1);");

  g_assert_true (rg_studio_client_has_sales (f->studio, f->anna));
  g_assert_false (rg_studio_client_has_sales (f->studio, f->anna + 1000));
  draft = rg_studio_draft_check_out (f->studio, f->visit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (draft->client_id, ==, f->anna);
  g_assert_cmpuint (draft->lines->len, ==, 2);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CARD, 300000);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 250000);

  quote = rg_studio_quote_sale (f->studio, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quote->card_name, ==, "Silver");
  g_assert_cmpint (quote->card, ==, 700);
  g_assert_cmpstr (quote->next_tier_name, ==, "Gold");
  g_assert_cmpint (quote->to_next_tier, ==, 6000000 - 3500000);
  g_assert_cmpint (quote->lines[0].price, ==, 139500);
  g_assert_cmpint (quote->lines[1].price, ==, 390600);
  g_assert_cmpint (quote->total, ==, 530100);
  g_assert_cmpint (quote->change, ==, 19900);
  g_assert_cmpint (quote->lines[0].pay, ==, 55800 + 10000);
  g_assert_cmpint (quote->lines[1].pay, ==, 117180);

  g_assert_true (rg_studio_check_out (f->studio, draft, &sale, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sale, !=, 0);

  g_assert_cmpint (count (f, "SELECT number FROM sales WHERE id = ?1", sale), ==, 2);
  g_assert_cmpint (count (f, "SELECT sum (price) FROM sale_lines WHERE sale_id = ?1", sale), ==, 530100);
  g_assert_cmpint (count (f, "SELECT sum (discount_card) FROM sale_lines WHERE sale_id = ?1", sale), ==, 10500 + 29400);
  g_assert_cmpint (count (f, "SELECT sum (pay) FROM sale_lines WHERE sale_id = ?1", sale), ==, 65800 + 117180);
  g_assert_cmpint (count (f, "SELECT sum (amount) FROM payments WHERE sale_id = ?1", sale), ==, 530100);
  g_assert_cmpint (count (f, "SELECT amount FROM payments WHERE sale_id = ?1 AND method = 'cash'", sale), ==, 230100);
  g_assert_cmpint (count (f, "SELECT tendered FROM payments WHERE sale_id = ?1 AND method = 'cash'", sale), ==, 250000);
  /* The visit is done and carries what was paid for its services. */
  g_assert_cmpint (count (f, "SELECT status = 'done' FROM appointments WHERE id = ?1", f->visit), ==, 1);
  g_assert_cmpint (count (f, "SELECT price FROM appointments WHERE id = ?1", f->visit), ==, 530100);
  g_assert_cmpint (count (f, "SELECT revenue FROM client_visits WHERE client_id = ?1", f->anna), ==, 530100);
  g_assert_cmpint (count (f, "SELECT count (*) FROM appointment_services WHERE appointment_id = ?1", f->visit), ==, 2);
  g_assert_cmpint (rg_studio_find_visit_sale (f->studio, f->visit, NULL), ==, sale);

  /* The editor may not change what was paid; its note it may. */
  {
    g_autoptr(RgAppointment) visit = rg_studio_lookup (f->studio, RG_TYPE_APPOINTMENT, f->visit, NULL);
    g_autoptr(RgBookingDraft) edit = rg_booking_draft_new_for_appointment (f->studio, visit, &error);
    g_autoptr(RgAppointment) saved = NULL;

    g_assert_no_error (error);
    g_array_index (edit->services, RgBookingService, 0).price = 100;
    g_assert_null (rg_booking_save (f->studio, edit, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "refund"));
    g_clear_error (&error);
    g_array_index (edit->services, RgBookingService, 0).price = 139500;
    g_free (edit->note);
    edit->note = g_strdup ("Prefers almond oil");
    saved = rg_booking_save (f->studio, edit, &error);
    g_assert_no_error (error);
    g_assert_nonnull (saved);
    g_assert_cmpint (count (f, "SELECT price FROM appointments WHERE id = ?1", f->visit), ==, 530100);
  }

  /* A second check-out of the same visit is refused, nothing written. */
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "receipt 2"));
  g_assert_cmpint (count (f, "SELECT count (*) FROM sales", 0), ==, 2);
}

/* Bad input: each refused with its message, nothing written. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = rg_studio_draft_check_out (f->studio, f->visit, &error);
  RgSaleLineDraft *line;

  g_assert_no_error (error);

  /* Short of the total (5,700.00). */
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 500000);
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_nonnull (strstr (error->message, "700"));
  g_assert_nonnull (strstr (error->message, "still due"));
  g_clear_error (&error);

  /* A card above what is due. */
  g_array_set_size (draft->payments, 0);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CARD, 600000);
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_nonnull (strstr (error->message, "more than"));
  g_clear_error (&error);

  /* A discount above the cap. */
  g_array_set_size (draft->payments, 0);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CARD, 100000);
  line = rg_sale_draft_get_line (draft, 0);
  line->one_off = 3000;
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Manicure"));
  g_assert_nonnull (strstr (error->message, "25"));
  g_clear_error (&error);
  line->one_off = 0;

  /* A negative price; a deposit the client does not have. */
  line->list_price = -5;
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_clear_error (&error);
  line->list_price = 150000;
  g_array_set_size (draft->payments, 0);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_DEPOSIT, 570000);
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_nonnull (strstr (error->message, "deposit has only"));
  g_clear_error (&error);

  /* A cancelled visit. */
  exec (f->store, "UPDATE appointments SET status = 'cancelled' WHERE id = 51");
  g_array_set_size (draft->payments, 0);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 570000);
  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_assert_nonnull (strstr (error->message, "cancelled"));
  g_clear_error (&error);

  g_assert_cmpint (count (f, "SELECT count (*) FROM sales", 0), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM payments", 0), ==, 0);
  g_assert_cmpint (count (f, "SELECT price FROM appointments WHERE id = 51", 0), ==, 570000);
}

/* A walk-in buys two conditioners on a 30 % promotion (cap 30 %): 273.00
 * each, below their cost of 300.00 — the quote warns; the stock goes
 * from 10 to 8, and back to 10 with the refund, which cannot happen
 * twice and cannot go back by card when cash paid. */
static void
test_sale_and_refund (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = rg_sale_draft_new (0, 0);
  g_autoptr(RgSaleQuote) quote = NULL;
  gint64 sale = 0, refund = 0, line = 0;
  g_autofree char *sql = NULL;
  RgDate today = rg_date_today ();

  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_DISCOUNT_CAP, 3000, &error));
  sql = g_strdup_printf ("INSERT INTO promotions (id, name, starts_on, ends_on, percent, all_products, created_at, "
                         "updated_at) VALUES (95, 'Spring', '%04d-01-01', '%04d-12-31', 3000, 1, 1, 1)",
                         today.year, today.year);
  exec (f->store, sql);

  rg_sale_draft_add_line (draft, RG_SALE_LINE_PRODUCT, f->conditioner, 0, 2, -1);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 60000);
  quote = rg_studio_quote_sale (f->studio, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quote->lines[0].price, ==, 54600);
  g_assert_cmpint (quote->lines[0].margin, ==, RG_MARGIN_BELOW_COST);
  g_assert_cmpint (quote->lines[0].cost - quote->lines[0].price, ==, 5400);
  g_assert_cmpint (quote->promotion_ids[0], ==, 95);
  g_assert_cmpint (quote->change, ==, 5400);

  g_assert_true (rg_studio_check_out (f->studio, draft, &sale, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT sum (quantity) FROM stock_moves WHERE product_id = 41", 0), ==, 8);
  g_assert_cmpint (count (f, "SELECT promotion_id FROM sale_lines WHERE sale_id = ?1", sale), ==, 95);
  line = count (f, "SELECT id FROM sale_lines WHERE sale_id = ?1", sale);

  /* No reason; back by card when cash paid. */
  g_assert_false (rg_studio_refund (f->studio, sale, NULL, 0, "  ", RG_PAYMENT_CASH, FALSE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "why"));
  g_clear_error (&error);
  g_assert_false (rg_studio_refund (f->studio, sale, &line, 1, "Allergy", RG_PAYMENT_CARD, FALSE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Card"));
  g_clear_error (&error);

  g_assert_true (rg_studio_refund (f->studio, sale, &line, 1, "Allergy", RG_PAYMENT_CASH, FALSE, &refund, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT sum (quantity) FROM stock_moves WHERE product_id = 41", 0), ==, 10);
  g_assert_cmpint (count (f, "SELECT amount FROM payments WHERE sale_id = ?1", refund), ==, -54600);
  g_assert_cmpint (count (f, "SELECT refund_of FROM sales WHERE id = ?1", refund), ==, sale);
  g_assert_cmpint (count (f, "SELECT sum (price) FROM sale_lines WHERE sale_id IN (SELECT id FROM sales)", 0), ==, 0);

  g_assert_false (rg_studio_refund (f->studio, sale, &line, 1, "Again", RG_PAYMENT_CASH, FALSE, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (rg_studio_refund (f->studio, sale, NULL, 0, "Again", RG_PAYMENT_CASH, FALSE, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM sales", 0), ==, 2);
}

/* A refund of one service of a visit: the visit's revenue follows what is
 * still paid, Marina's pay of the line is taken back; setting the visit
 * back takes it out of the figures. */
static void
test_refund_visit_line (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = rg_studio_draft_check_out (f->studio, f->visit, &error);
  gint64 sale = 0, line;

  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_PAY_AFTER_DISCOUNT, 0, &error));
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CARD, 570000);
  g_assert_true (rg_studio_check_out (f->studio, draft, &sale, &error));
  g_assert_no_error (error);
  /* No discounts: 40 % of 1,500.00 + 100.00, 30 % of 4,200.00. */
  g_assert_cmpint (count (f, "SELECT sum (pay) FROM sale_lines WHERE sale_id = ?1", sale), ==, 60000 + 10000 + 126000);

  line = count (f, "SELECT id FROM sale_lines WHERE sale_id = ?1 AND service_id = 32", sale);
  g_assert_true (rg_studio_refund (f->studio, sale, &line, 1, "Colour did not take", RG_PAYMENT_CARD, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT price FROM appointments WHERE id = ?1", f->visit), ==, 150000);
  g_assert_cmpint (count (f, "SELECT revenue FROM client_visits WHERE client_id = ?1", f->anna), ==, 150000);
  g_assert_cmpint (count (f, "SELECT sum (pay) FROM sale_lines WHERE staff_id = 21", 0), ==, 70000);
  g_assert_cmpint (count (f, "SELECT sum (amount) FROM payments", 0), ==, 150000);
  g_assert_cmpint (count (f, "SELECT status = 'done' FROM appointments WHERE id = ?1", f->visit), ==, 1);

  /* The rest, with the visit set back. */
  g_assert_true (rg_studio_refund (f->studio, sale, NULL, 0, "Unhappy", RG_PAYMENT_CARD, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT status = 'arrived' FROM appointments WHERE id = ?1", f->visit), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM client_visits WHERE client_id = ?1 AND visits > 0", f->anna), ==, 0);
  g_assert_cmpint (count (f, "SELECT sum (amount) FROM payments", 0), ==, 0);
  g_assert_cmpint (rg_studio_find_visit_sale (f->studio, f->visit, NULL), ==, 0);
}

/* A visit done without a check-out (a script, an import) gets its sale
 * paid in full at its price, once. */
static void
test_done_without_check_out (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) visit = rg_studio_lookup (f->studio, RG_TYPE_APPOINTMENT, f->visit, &error);

  g_assert_no_error (error);
  g_assert_true (rg_booking_set_status (f->studio, visit, RG_APPOINTMENT_DONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM sales WHERE appointment_id = ?1", f->visit), ==, 1);
  g_assert_cmpint (count (f, "SELECT amount FROM payments WHERE method = 'unrecorded'", 0), ==, 570000);
  g_assert_cmpint (count (f, "SELECT sum (price) FROM sale_lines", 0), ==, 570000);
  g_assert_cmpint (count (f, "SELECT count (*) FROM sale_lines", 0), ==, 2);
}

/* An older studio (format 14) with done visits: after the upgrade each has
 * one sale paid in full at its price, numbered in time order, and every
 * revenue figure is what it was. */
static void
test_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-upgrade-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(RgStore) store = NULL;
  const RgMigration *migrations;
  guint n = 0;
  gint64 before;
  sqlite3 *db = NULL;

  migrations = rg_schema_get_migrations (&n);
  g_assert_cmpint (migrations[n - 1].version, >=, 15);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && migrations[i].version <= 14; i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", migrations[i].version);

      g_assert_cmpint (sqlite3_exec (db, migrations[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, bump, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO staff (id, display_name, created_at, updated_at) VALUES (1, 'Marina', 1, 1);"
                                 "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at) VALUES "
                                 " (2, 'Manicure', 60, 150000, 1, 1);"
                                 "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at)"
                                 " VALUES (3, 'Anna', 'anna', '+7 912', '7912', 1, 1);"
                                 "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price,"
                                 " created_at, updated_at) VALUES (10, 3, 1, 2000, 5600, 'done', 150000, 1, 1),"
                                 " (11, 3, 1, 1000, 4600, 'done', 90000, 1, 1), (12, 3, 1, 9000, 12600, 'booked', 150000, 1, 1),"
                                 " (13, 3, 1, 20000, 23600, 'done', 0, 1, 1);"
                                 "INSERT INTO appointment_services (id, appointment_id, service_id, position, duration_minutes,"
                                 " price, created_at, updated_at) VALUES (20, 10, 2, 0, 60, 150000, 1, 1),"
                                 " (21, 12, 2, 0, 60, 150000, 1, 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  before = 150000 + 90000;
  g_assert_cmpint (test_sql_int (store, "SELECT revenue FROM client_visits WHERE client_id = 3", 0), ==, before);
  g_assert_cmpint (test_sql_int (store, "SELECT count (*) FROM sales", 0), ==, 3);
  /* In time order: visit 11 first. */
  g_assert_cmpint (test_sql_int (store, "SELECT number FROM sales WHERE appointment_id = 11", 0), ==, 1);
  g_assert_cmpint (test_sql_int (store, "SELECT number FROM sales WHERE appointment_id = 10", 0), ==, 2);
  g_assert_cmpint (test_sql_int (store, "SELECT number FROM sales WHERE appointment_id = 13", 0), ==, 3);
  g_assert_cmpint (test_sql_int (store, "SELECT sum (amount) FROM payments WHERE method = 'unrecorded'", 0), ==, before);
  g_assert_cmpint (test_sql_int (store, "SELECT count (*) FROM payments", 0), ==, 2);
  /* The visit with no services has one line at its price. */
  g_assert_cmpint (test_sql_int (store, "SELECT list_price FROM sale_lines WHERE sale_id ="
                                        " (SELECT id FROM sales WHERE appointment_id = 11)", 0), ==, 90000);
  g_assert_cmpint (test_sql_int (store, "SELECT sum (price) FROM sale_lines", 0), ==, before);
  g_assert_cmpint (test_sql_int (store, "SELECT count (*) FROM card_tiers", 0), ==, 4);

  g_clear_object (&store);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rg_time_set_zone (NULL);

  g_test_add ("/sales/check-out", Fixture, NULL, fixture_set_up, test_check_out, fixture_tear_down);
  g_test_add ("/sales/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/sales/sale-and-refund", Fixture, NULL, fixture_set_up, test_sale_and_refund, fixture_tear_down);
  g_test_add ("/sales/refund-visit-line", Fixture, NULL, fixture_set_up, test_refund_visit_line, fixture_tear_down);
  g_test_add ("/sales/done-without-check-out", Fixture, NULL, fixture_set_up, test_done_without_check_out,
              fixture_tear_down);
  g_test_add_func ("/sales/upgrade", test_upgrade);

  return g_test_run ();
}
