/* test-check-out-window.c — a visit checked out through the real window:
 * the calendar's "Check Out…" action, the client's card tier, a discount
 * above the cap refused, a split payment with cash change, the rating
 * asked for after; the tables read back. Then prepaid through the same
 * window: a gift certificate and a subscription sold, one visit paid with
 * the certificate and points, another with a subscription's visit, a
 * refund giving each back; the ledgers read back.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <adwaita.h>

#include "model/rg-format.h"
#include "model/rg-prepaid.h"
#include "model/rg-sale.h"
#include "widgets/money/rg-check-out-dialog.h"
#include "widgets/money/rg-payroll-window.h"
#include "widgets/money/rg-refund-dialog.h"
#include "widgets/rg-application.h"
#include "widgets/rg-window.h"
#include "widgets/satisfaction/rg-rating-dialog.h"
#include "test-util.h"
#include "test-util-ui.h"

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Anna (spent 35,000.00 before: silver, 7 %) arrived at Marina's for a
 * manicure at 1,500.00 and a colouring at 4,200.00. */
static void
make_studio (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  RgStore *store = rg_studio_get_store (studio);
  gint64 now = rg_store_now ();
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO staff (id, display_name, pay_rate, pay_per_visit, created_at, updated_at) VALUES "
    " (21, 'Marina', 4000, 10000, 1, 1);"
    "INSERT INTO services (id, name, duration_minutes, price, materials_cost, created_at, updated_at) VALUES "
    " (31, 'Manicure', 60, 150000, 10000, 1, 1), (32, 'Colouring', 120, 420000, 60000, 1, 1);"
    "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at) VALUES "
    " (11, 'Anna', 'anna', '+7 912 555-00-00', '79125550000', 1, 1);"
    "INSERT INTO sales (id, number, client_id, created_at, updated_at) VALUES (91, 1, 11, 1, 1);"
    "INSERT INTO sale_lines (id, sale_id, kind, service_id, staff_id, quantity, list_price, price, created_at,"
    " updated_at) VALUES (92, 91, 'service', 31, 21, 1, 3500000, 3500000, 1, 1);"
    "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, updated_at) "
    " VALUES (51, 11, 21, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'arrived', 570000, 1, 1);"
    "INSERT INTO appointment_services (id, appointment_id, service_id, position, duration_minutes, price, "
    " created_at, updated_at) VALUES (81, 51, 31, 0, 60, 150000, 1, 1), (82, 51, 32, 1, 120, 420000, 1, 1);",
    now - 3 * 3600, now - 3600);

  g_assert_true (rg_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
test_check_out (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-check-out-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgApplication) app = rg_application_new ();
  g_autoptr(GAsyncResult) result = NULL;
  const RgSaleQuote *quote;
  RgCheckOutDialog *dialog;
  RgStudio *studio;
  RgStore *store;
  RgWindow *window;

  make_studio (path);
  g_application_set_application_id (G_APPLICATION (app), "org.regulars.Regulars.CheckOutTest");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  rg_application_open_studio_async (app, path, FALSE, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  studio = rg_application_open_studio_finish (app, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  store = rg_studio_get_store (studio);
  window = rg_window_new (app, studio, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  test_spin (200);

  /* The calendar's "Check Out…" is this window action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-out", "x", (gint64) 51));
  dialog = (RgCheckOutDialog *) test_find_toplevel (RG_TYPE_CHECK_OUT_DIALOG, NULL);
  g_assert_nonnull (dialog);
  quote = rg_check_out_dialog_get_quote (dialog);
  g_assert_nonnull (quote);
  g_assert_cmpstr (quote->card_name, ==, "Silver");
  g_assert_cmpint (quote->total, ==, 530100);
  g_assert_false (gtk_widget_get_sensitive (rg_check_out_dialog_get_check_out_button (dialog)));

  /* 20 % more on the whole sale goes above the 25 % cap: said, and the
   * button stays off. */
  gtk_editable_set_text (rg_check_out_dialog_get_sale_discount (dialog), "20%");
  g_assert_nonnull (rg_check_out_dialog_get_error (dialog));
  g_assert_nonnull (strstr (rg_check_out_dialog_get_error (dialog), "25"));   /* the cap, in any language */
  g_assert_false (gtk_widget_get_sensitive (rg_check_out_dialog_get_check_out_button (dialog)));
  gtk_editable_set_text (rg_check_out_dialog_get_sale_discount (dialog), "");
  g_assert_null (rg_check_out_dialog_get_error (dialog));

  /* 3,000.00 by card, 2,500.00 in cash: 199.00 change. */
  gtk_editable_set_text (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_CARD), "3000");
  g_assert_false (gtk_widget_get_sensitive (rg_check_out_dialog_get_check_out_button (dialog)));
  gtk_editable_set_text (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_CASH), "2 500");
  quote = rg_check_out_dialog_get_quote (dialog);
  g_assert_cmpint (quote->change, ==, 19900);
  g_assert_true (gtk_widget_get_sensitive (rg_check_out_dialog_get_check_out_button (dialog)));
  test_save_shot (GTK_WIDGET (dialog), "check-out");

  /* A button's activation shows it pressed for a moment, then clicks. */
  gtk_widget_activate (rg_check_out_dialog_get_check_out_button (dialog));
  test_spin (600);
  g_assert_null (test_find_toplevel (RG_TYPE_CHECK_OUT_DIALOG, NULL));
  g_assert_nonnull (test_find_toplevel (RG_TYPE_RATING_DIALOG, NULL));

  g_assert_cmpint (test_sql_int (store, "SELECT status = 'done' FROM appointments WHERE id = 51", 0), ==, 1);
  g_assert_cmpint (test_sql_int (store, "SELECT price FROM appointments WHERE id = 51", 0), ==, 530100);
  g_assert_cmpint (test_sql_int (store, "SELECT amount FROM payments WHERE method = 'card'", 0), ==, 300000);
  g_assert_cmpint (test_sql_int (store, "SELECT amount FROM payments WHERE method = 'cash'", 0), ==, 230100);
  g_assert_cmpint (test_sql_int (store, "SELECT tendered FROM payments WHERE method = 'cash'", 0), ==, 250000);
  g_assert_cmpint (test_sql_int (store, "SELECT sum (discount_card) FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
                                        " WHERE s.appointment_id = 51", 0), ==, 39900);

  test_destroy_window (test_find_toplevel (RG_TYPE_RATING_DIALOG, NULL));

  /* The manicure goes back to the card, through the refund dialog: the
   * colouring unticked, a reason, the visit stays done with what stays
   * paid. (The colouring could not go back to the card: 3,906.00 is more
   * than the card paid.) */
  {
    gint64 sale = rg_studio_find_visit_sale (studio, 51, NULL);
    RgRefundDialog *refund = rg_refund_dialog_new (GTK_WINDOW (window), studio, sale, &error);

    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (refund));
    gtk_check_button_set_active (rg_refund_dialog_get_line (refund, 1), FALSE);
    gtk_editable_set_text (rg_refund_dialog_get_reason (refund), "Chipped the next day");
    rg_refund_dialog_set_method (refund, RG_PAYMENT_CARD);
    test_save_shot (GTK_WIDGET (refund), "refund");
    g_assert_true (rg_refund_dialog_refund (refund, &error));
    g_assert_no_error (error);
    test_destroy_window (refund);
  }
  g_assert_cmpint (test_sql_int (store, "SELECT amount FROM payments WHERE amount < 0", 0), ==, -139500);
  g_assert_cmpint (test_sql_int (store, "SELECT method = 'card' FROM payments WHERE amount < 0", 0), ==, 1);
  g_assert_cmpint (test_sql_int (store, "SELECT price FROM appointments WHERE id = 51", 0), ==, 390600);
  g_assert_cmpint (test_sql_int (store, "SELECT status = 'done' FROM appointments WHERE id = 51", 0), ==, 1);

  /* The month's payroll: Marina's 40 % of the colouring's 3,906.00; the
   * manicure's pay (558.00 and 100.00 for the visit) went back with it. */
  {
    RgPayrollWindow *payroll = rg_payroll_window_new (GTK_WINDOW (window), studio);
    g_autofree char *pdf = g_build_filename (dir, "payroll.pdf", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    gtk_window_present (GTK_WINDOW (payroll));
    while (rg_payroll_window_is_loading (payroll))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (rg_payroll_window_get_total (payroll), ==, 156240);
    g_assert_cmpstr (rg_payroll_window_get_master_title (payroll, 0), ==, "Marina");
    test_save_shot (GTK_WIDGET (payroll), "payroll");
    rg_payroll_window_save_pdf (payroll, pdf);
    g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
    g_assert_true (length > 4 && memcmp (bytes, "%PDF", 4) == 0);
    test_destroy_window (payroll);
  }

  test_destroy_window (window);
  g_clear_object (&studio);
  test_spin (100);
  test_remove_tree (dir);
}

/* Prepaid ---------------------------------------------------------------- */

/* Anna and Bella; no card tiers; Marina; a manicure at 1,500.00 and a
 * colouring at 4,200.00; Anna's two visits that have arrived: 51 (both
 * services, 5,700.00) and 52 (a manicure). A subscription kind of 5
 * manicures at 6,000.00. Bella has a referral reward's 10 % discount. */
static void
make_prepaid_studio (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (gint64));
  RgSubscriptionKind kind = { .name = (char *) "5 manicures", .visits = 5, .valid_days = 90,
                              .from_first_use = FALSE, .price = 600000 };
  RgStore *store = rg_studio_get_store (studio);
  gint64 now = rg_store_now (), manicure = 31;
  g_autofree char *sql = g_strdup_printf (
    "DELETE FROM card_tiers;"
    "INSERT INTO staff (id, display_name, pay_rate, created_at, updated_at) VALUES (21, 'Marina', 4000, 1, 1);"
    "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at) VALUES "
    " (31, 'Manicure', 60, 150000, 1, 1), (32, 'Colouring', 120, 420000, 1, 1);"
    "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at) VALUES "
    " (11, 'Anna', 'anna', '+7 912 555-00-00', '79125550000', 1, 1),"
    " (12, 'Bella', 'bella', '+7 912 555-00-01', '79125550001', 1, 1);"
    "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, updated_at) "
    " VALUES (51, 11, 21, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'arrived', 570000, 1, 1),"
    " (52, 11, 21, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'arrived', 150000, 1, 1);"
    "INSERT INTO appointment_services (id, appointment_id, service_id, position, duration_minutes, price, "
    " created_at, updated_at) VALUES (81, 51, 31, 0, 60, 150000, 1, 1), (82, 51, 32, 1, 120, 420000, 1, 1),"
    " (83, 52, 31, 0, 60, 150000, 1, 1);"
    "INSERT INTO reward_discounts (id, client_id, percent, created_at, updated_at) VALUES (61, 12, 1000, 1, 1);",
    now - 5 * 3600, now - 3 * 3600, now - 2 * 3600, now - 3600);

  g_assert_true (rg_store_exec (store, sql, &error));
  g_assert_no_error (error);
  g_array_append_val (services, manicure);
  kind.service_ids = services;
  g_assert_true (rg_studio_save_subscription_kind (studio, &kind, &error));
  g_assert_no_error (error);
  g_free (kind.name = NULL);
}

/* The till open now, the last one the test opened. */
static RgCheckOutDialog *
till (void)
{
  RgCheckOutDialog *dialog = (RgCheckOutDialog *) test_find_toplevel (RG_TYPE_CHECK_OUT_DIALOG, NULL);

  g_assert_nonnull (dialog);
  return dialog;
}

static void
press (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Presses the dialog's Check Out (or Sell) and waits for it to close. */
static void
check_out (RgCheckOutDialog *dialog)
{
  g_assert_null (rg_check_out_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_sensitive (rg_check_out_dialog_get_check_out_button (dialog)));
  gtk_widget_activate (rg_check_out_dialog_get_check_out_button (dialog));
  test_spin (600);
  g_assert_null (test_find_toplevel (RG_TYPE_CHECK_OUT_DIALOG, NULL));
  if (test_find_toplevel (RG_TYPE_RATING_DIALOG, NULL))
    test_destroy_window (test_find_toplevel (RG_TYPE_RATING_DIALOG, NULL));
}

/* The payment group in view, for a screenshot. */
static void
scroll_to_payments (RgCheckOutDialog *dialog)
{
  GtkWidget *scrolled = test_find_child (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  test_spin (100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
test_prepaid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-till-prepaid-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *number = NULL;
  g_autoptr(RgApplication) app = rg_application_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(RgCertificate) certificate = { 0 };
  const RgSaleQuote *quote;
  RgCheckOutDialog *dialog;
  RgStudio *studio;
  RgStore *store;
  RgWindow *window;
  gint64 visit_sale;
  /* Sums as the desk sees them; the dialogs are in Russian for screenshots. */
  g_autofree char *two_thousand = rg_format_money (200000);
  g_autofree char *one_thousand = rg_format_money (100000);
  gboolean english = g_getenv ("REGULARS_TEST_SHOTS") == NULL;

  make_prepaid_studio (path);
  g_application_set_application_id (G_APPLICATION (app), "org.regulars.Regulars.TillPrepaidTest");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  rg_application_open_studio_async (app, path, FALSE, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  studio = rg_application_open_studio_finish (app, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  store = rg_studio_get_store (studio);
  window = rg_window_new (app, studio, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  test_spin (200);

  /* A walk-in's till takes only a gift certificate and sells no deposit
   * or subscription. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sell", "x", (gint64) 0));
  dialog = till ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_certificate_number (dialog))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_DEPOSIT))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_POINTS))));
  g_assert_null (rg_check_out_dialog_get_chooser (dialog, RG_SALE_LINE_SUBSCRIPTION));
  g_assert_nonnull (rg_check_out_dialog_get_chooser (dialog, RG_SALE_LINE_CERTIFICATE));
  g_assert_null (rg_check_out_dialog_get_reward (dialog));
  test_destroy_window (dialog);

  /* Bella buys a gift certificate of 2,000.00 in cash: nothing on her
   * deposit or points to pay with; the number is suggested. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sell", "x", (gint64) 12));
  dialog = till ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_DEPOSIT))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_POINTS))));
  adw_combo_row_set_selected (rg_check_out_dialog_get_chooser (dialog, RG_SALE_LINE_CERTIFICATE), 0);
  rg_check_out_dialog_add_item (dialog, RG_SALE_LINE_CERTIFICATE, 0);
  g_assert_null (rg_check_out_dialog_get_line_discount (dialog, 0));   /* no discount on prepaid */
  number = g_strdup (gtk_editable_get_text (rg_check_out_dialog_get_line_number (dialog, 0)));
  g_assert_cmpstr (number, ==, "GC-000001");
  gtk_editable_set_text (rg_check_out_dialog_get_line_amount (dialog, 0), "2 000");
  press (rg_check_out_dialog_get_rest (dialog, RG_PAYMENT_CASH));
  g_assert_cmpstr (gtk_editable_get_text (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_CASH)), ==, two_thousand);
  test_save_shot (GTK_WIDGET (dialog), "till-sell-certificate");
  quote = rg_check_out_dialog_get_quote (dialog);
  g_assert_cmpint (quote->total, ==, 200000);
  g_assert_cmpint (quote->points_earned, ==, 0);   /* a certificate sold earns nothing */
  check_out (dialog);
  g_assert_true (rg_studio_find_certificate (studio, number, &certificate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (certificate.balance, ==, 200000);
  g_assert_cmpint (certificate.buyer_id, ==, 12);
  {
    /* Its receipt's line carries the number the window's toast prints. */
    g_autoptr(RgReceipt) receipt = rg_studio_read_receipt (studio, test_sql_int (store, "SELECT id FROM sales WHERE "
                                                                                 "client_id = 12", 0), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (receipt->n_lines, ==, 1);
    g_assert_cmpstr (receipt->lines[0].reference, ==, number);
  }

  /* Anna's card sells her a subscription: the only kind is on the line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sell-subscription", "x", (gint64) 11));
  dialog = till ();
  quote = rg_check_out_dialog_get_quote (dialog);
  g_assert_nonnull (quote);
  g_assert_cmpint (quote->total, ==, 600000);
  press (rg_check_out_dialog_get_rest (dialog, RG_PAYMENT_CARD));
  check_out (dialog);
  {
    g_autoptr(RgClientBalances) balances = rg_studio_read_balances (studio, 11, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (balances->subscriptions->len, ==, 1);
    g_assert_cmpint (g_array_index (balances->subscriptions, RgSubscription, 0).remaining, ==, 5);
  }
  /* A top-up from the card opens on its amount: 1,000.00 by card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.top-up", "x", (gint64) 11));
  dialog = till ();
  g_assert_nonnull (rg_check_out_dialog_get_error (dialog));   /* no amount yet */
  gtk_editable_set_text (rg_check_out_dialog_get_line_amount (dialog, 0), "1000");
  press (rg_check_out_dialog_get_rest (dialog, RG_PAYMENT_CARD));
  check_out (dialog);
  {
    g_autoptr(RgClientBalances) balances = rg_studio_read_balances (studio, 11, &error);

    g_assert_no_error (error);
    g_assert_cmpint (balances->deposit, ==, 100000);
    g_assert_cmpint (balances->points, ==, 0);   /* a top-up earns nothing */
  }

  /* Bella's referral discount is a switch: 10 % off a manicure. Not sold. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sell", "x", (gint64) 12));
  dialog = till ();
  rg_check_out_dialog_add_item (dialog, RG_SALE_LINE_SERVICE, 31);
  g_assert_cmpint (rg_check_out_dialog_get_quote (dialog)->total, ==, 150000);
  g_assert_nonnull (rg_check_out_dialog_get_reward (dialog));
  gtk_switch_set_active (rg_check_out_dialog_get_reward (dialog), TRUE);
  g_assert_cmpint (rg_check_out_dialog_get_quote (dialog)->total, ==, 135000);
  test_destroy_window (dialog);

  /* 1,000 points moved from paper cards (the card's correction). */
  g_assert_true (rg_studio_correct_points (studio, 11, 1000, "from the paper card", &error));
  g_assert_no_error (error);

  /* Visit 51 (5,700.00): an unknown number is refused in its row, then
   * Bella's certificate pays 2,000.00 (The Rest stops at its balance),
   * points their most (1,000 points, 1,000.00, under the 30 % share),
   * cash the rest. The subscription covers the manicure: shown, off. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-out", "x", (gint64) 51));
  dialog = till ();
  g_assert_true (rg_check_out_dialog_shows_subscription (dialog, 0));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_POINTS))));
  g_assert_null (rg_check_out_dialog_get_reward (dialog));   /* Anna has none */
  gtk_editable_set_text (rg_check_out_dialog_get_certificate_number (dialog), "GC-999999");
  press (rg_check_out_dialog_get_certificate_find (dialog));
  g_assert_nonnull (rg_check_out_dialog_get_certificate_status (dialog));
  g_assert_nonnull (strstr (rg_check_out_dialog_get_certificate_status (dialog), "GC-999999"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_CERTIFICATE))));
  gtk_editable_set_text (rg_check_out_dialog_get_certificate_number (dialog), " gc-000001 ");
  g_assert_null (rg_check_out_dialog_get_certificate_status (dialog));   /* the refusal went with its number */
  press (rg_check_out_dialog_get_certificate_find (dialog));
  g_assert_nonnull (strstr (rg_check_out_dialog_get_certificate_status (dialog), two_thousand));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_CERTIFICATE))));
  press (rg_check_out_dialog_get_rest (dialog, RG_PAYMENT_CERTIFICATE));
  g_assert_cmpstr (gtk_editable_get_text (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_CERTIFICATE)), ==,
                   two_thousand);
  press (rg_check_out_dialog_get_rest (dialog, RG_PAYMENT_POINTS));
  g_assert_cmpstr (gtk_editable_get_text (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_POINTS)), ==,
                   one_thousand);
  /* The deposit's The Rest stops at what is on it; not used here. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_DEPOSIT))));
  press (rg_check_out_dialog_get_rest (dialog, RG_PAYMENT_DEPOSIT));
  g_assert_cmpstr (gtk_editable_get_text (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_DEPOSIT)), ==,
                   one_thousand);
  g_assert_cmpint (rg_check_out_dialog_get_quote (dialog)->still_due, ==, 170000);
  gtk_editable_set_text (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_DEPOSIT), "");
  quote = rg_check_out_dialog_get_quote (dialog);
  g_assert_cmpint (quote->still_due, ==, 270000);
  g_assert_cmpint (quote->points_limit, ==, 171000);
  press (rg_check_out_dialog_get_rest (dialog, RG_PAYMENT_CASH));
  quote = rg_check_out_dialog_get_quote (dialog);
  g_assert_cmpint (quote->still_due, ==, 0);
  g_assert_cmpint (quote->money, ==, 270000);
  g_assert_cmpint (quote->points_earned, ==, 135);   /* 5 % of what was paid in money */
  scroll_to_payments (dialog);
  test_save_shot (GTK_WIDGET (dialog), "till-prepaid");
  if (g_getenv ("REGULARS_TEST_SHOTS"))
    {
      /* A narrow till: the long titles of the payments still read. */
      gtk_window_set_default_size (GTK_WINDOW (dialog), 400, 760);
      scroll_to_payments (dialog);
      test_save_shot (GTK_WIDGET (dialog), "till-prepaid-narrow");
      gtk_window_set_default_size (GTK_WINDOW (dialog), 620, 760);
      test_spin (100);
    }
  check_out (dialog);

  visit_sale = rg_studio_find_visit_sale (studio, 51, NULL);
  g_assert_cmpint (visit_sale, !=, 0);
  rg_certificate_clear (&certificate);
  g_assert_true (rg_studio_find_certificate (studio, number, &certificate, NULL));
  g_assert_cmpint (certificate.balance, ==, 0);
  {
    g_autoptr(RgClientBalances) balances = rg_studio_read_balances (studio, 11, &error);

    g_assert_no_error (error);
    g_assert_cmpint (balances->points, ==, 135);
  }
  g_assert_cmpint (test_sql_int (store, "SELECT amount FROM payments WHERE sale_id = ?1 AND method = 'certificate'",
                                 visit_sale), ==, 200000);
  g_assert_cmpint (test_sql_int (store, "SELECT amount FROM payments WHERE sale_id = ?1 AND method = 'points'",
                                 visit_sale), ==, 100000);
  g_assert_cmpint (test_sql_int (store, "SELECT amount FROM payments WHERE sale_id = ?1 AND method = 'cash'",
                                 visit_sale), ==, 270000);
  g_assert_cmpint (test_sql_int (store, "SELECT price FROM appointments WHERE id = 51", 0), ==, 570000);

  /* Visit 52, a manicure: the subscription's switch pays it whole. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-out", "x", (gint64) 52));
  dialog = till ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rg_check_out_dialog_get_payment (dialog, RG_PAYMENT_CERTIFICATE))));
  g_assert_false (gtk_widget_get_sensitive (rg_check_out_dialog_get_check_out_button (dialog)));
  gtk_switch_set_active (rg_check_out_dialog_get_subscription (dialog, 0), TRUE);
  quote = rg_check_out_dialog_get_quote (dialog);
  g_assert_cmpint (quote->still_due, ==, 0);
  g_assert_cmpint (quote->payment_amounts[0], ==, 150000);
  g_assert_cmpint (quote->points_earned, ==, 0);   /* nothing paid in money */
  scroll_to_payments (dialog);
  test_save_shot (GTK_WIDGET (dialog), "till-subscription");
  check_out (dialog);
  {
    g_autoptr(RgClientBalances) balances = rg_studio_read_balances (studio, 11, &error);

    g_assert_no_error (error);
    g_assert_cmpint (g_array_index (balances->subscriptions, RgSubscription, 0).remaining, ==, 4);
    g_assert_cmpint (balances->points, ==, 135);
  }
  g_assert_cmpint (test_sql_int (store, "SELECT status = 'done' FROM appointments WHERE id = 52", 0), ==, 1);
  g_assert_cmpint (test_sql_int (store, "SELECT price FROM appointments WHERE id = 52", 0), ==, 150000);

  /* Visit 51 refunded whole, in cash: the dialog says the prepaid comes
   * back first; the certificate gets its 2,000.00 back, the points their
   * 1,000 (and the 135 earned go), 2,700.00 in cash; it says so after. */
  {
    RgRefundDialog *refund = rg_refund_dialog_new (GTK_WINDOW (window), studio, visit_sale, &error);
    const char *summary;

    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (refund));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refund)), "GC-000001"));
    gtk_editable_set_text (rg_refund_dialog_get_reason (refund), "Allergy to the dye");
    rg_refund_dialog_set_method (refund, RG_PAYMENT_CASH);
    test_save_shot (GTK_WIDGET (refund), "refund-prepaid");
    g_assert_null (rg_refund_dialog_get_summary (refund));
    g_assert_true (rg_refund_dialog_refund (refund, &error));
    g_assert_no_error (error);
    summary = rg_refund_dialog_get_summary (refund);
    g_assert_nonnull (summary);
    {
      g_autofree char *certificate_back = rg_format_price (200000);
      g_autofree char *points_back = rg_format_price (100000);
      g_autofree char *cash_back = rg_format_price (270000);
      g_autofree char *expected = g_strdup_printf ("%s back in points, %s back to gift certificate GC-000001, %s in cash",
                                                   points_back, certificate_back, cash_back);

      g_assert_nonnull (strstr (summary, certificate_back));
      g_assert_nonnull (strstr (summary, points_back));
      g_assert_nonnull (strstr (summary, cash_back));
      g_assert_nonnull (strstr (summary, "GC-000001"));
      if (english)
        g_assert_cmpstr (summary, ==, expected);
    }
    test_destroy_window (refund);
  }
  rg_certificate_clear (&certificate);
  g_assert_true (rg_studio_find_certificate (studio, number, &certificate, NULL));
  g_assert_cmpint (certificate.balance, ==, 200000);
  {
    g_autoptr(RgClientBalances) balances = rg_studio_read_balances (studio, 11, &error);

    g_assert_no_error (error);
    g_assert_cmpint (balances->points, ==, 1000);
  }

  /* Visit 52's refund gives the subscription its visit back. */
  {
    RgRefundDialog *refund = rg_refund_dialog_new (GTK_WINDOW (window), studio,
                                                   rg_studio_find_visit_sale (studio, 52, NULL), &error);

    g_assert_no_error (error);
    gtk_editable_set_text (rg_refund_dialog_get_reason (refund), "Booked by mistake");
    g_assert_true (rg_refund_dialog_refund (refund, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (rg_refund_dialog_get_summary (refund), "“5 manicures”"));
    if (english)
      g_assert_cmpstr (rg_refund_dialog_get_summary (refund), ==, "a visit back to the subscription “5 manicures”");
    test_destroy_window (refund);
  }
  {
    g_autoptr(RgClientBalances) balances = rg_studio_read_balances (studio, 11, &error);

    g_assert_no_error (error);
    g_assert_cmpint (g_array_index (balances->subscriptions, RgSubscription, 0).remaining, ==, 5);
  }

  test_destroy_window (window);
  g_clear_object (&studio);
  test_spin (100);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/check-out-window/split-payment", test_check_out);
  g_test_add_func ("/check-out-window/prepaid", test_prepaid);
  return g_test_run ();
}
