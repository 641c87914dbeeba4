/* test-prepaid-window.c — prepaid instruments in the real window: the
 * client card's balances (a deposit withdrawn through its dialog, points
 * corrected, a ledger opened, rows that are empty hidden), the Gift
 * Certificates window (its search, a ledger), Today's subscriptions and
 * the Studio window's Loyalty and Subscriptions pages.
 *
 * The ledgers are written with SQL as the till writes them; what the
 * dialogs write is read back from the tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <adwaita.h>

#include "model/rg-format.h"
#include "model/rg-prepaid.h"
#include "model/rg-studio-settings.h"
#include "widgets/client/rg-client-card.h"
#include "widgets/money/rg-certificates-window.h"
#include "widgets/rg-window.h"
#include "widgets/studio/rg-studio-window.h"
#include "widgets/today/rg-today-view.h"
#include "test-util.h"
#include "test-util-ui.h"

#define DAY G_GINT64_CONSTANT (86400)

enum { ANNA = 11, BORIS = 12, CAROL = 13, MANICURE = 31 };

/* Anna, referred by Boris (the reward granted): a deposit of 5,000 less
 * 1,200 paid; 1,250 points, 200 of them expiring in 20 days; "Manicure ×
 * 10" with 3 used, running out in 3 days; a certificate of 5,000 she
 * bought with 2,000 spent. Boris bought a manicure's certificate. Carol
 * has nothing. */
static void
make_studio (RgStudio *studio)
{
  g_autoptr(GError) error = NULL;
  RgStore *store = rg_studio_get_store (studio);
  gint64 now = rg_store_now ();
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at) VALUES "
    " (31, 'Manicure', 60, 150000, 1, 1);"
    "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at) VALUES "
    " (12, 'Boris', 'boris', '+7 912 555-00-02', '79125550002', 1, 1),"
    " (13, 'Carol', 'carol', '+7 912 555-00-03', '79125550003', 1, 1);"
    "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, referred_by_id, created_at, updated_at) VALUES "
    " (11, 'Anna', 'anna', '+7 912 555-00-01', '79125550001', 12, 1, 1);"
    "INSERT INTO deposit_moves (client_id, amount, reason, occurred_at, created_at, updated_at) VALUES "
    " (11, 500000, 'top_up', %1$" G_GINT64_FORMAT " - 30 * 86400, 1, 1),"
    " (11, -120000, 'payment', %1$" G_GINT64_FORMAT " - 10 * 86400, 1, 1);"
    "INSERT INTO points_moves (client_id, points, reason, expires_at, occurred_at, created_at, updated_at) VALUES "
    " (11, 200, 'earned', %1$" G_GINT64_FORMAT " + 20 * 86400, %1$" G_GINT64_FORMAT " - 340 * 86400, 1, 1),"
    " (11, 1050, 'earned', NULL, %1$" G_GINT64_FORMAT " - 10 * 86400, 1, 1);"
    "INSERT INTO subscriptions (id, name, client_id, visits, price, valid_days, from_first_use, sold_at, expires_at,"
    " created_at, updated_at) VALUES (41, 'Manicure × 10', 11, 10, 1200000, 90, 0, %1$" G_GINT64_FORMAT " - 87 * 86400,"
    " %1$" G_GINT64_FORMAT " + 3 * 86400, 1, 1);"
    "INSERT INTO subscription_services (subscription_id, service_id, created_at, updated_at) VALUES (41, 31, 1, 1);"
    "INSERT INTO subscription_moves (subscription_id, visits, reason, occurred_at, created_at, updated_at) VALUES "
    " (41, 10, 'sold', %1$" G_GINT64_FORMAT " - 87 * 86400, 1, 1), (41, -1, 'use', %1$" G_GINT64_FORMAT " - 60 * 86400, 1, 1),"
    " (41, -1, 'use', %1$" G_GINT64_FORMAT " - 30 * 86400, 1, 1), (41, -1, 'use', %1$" G_GINT64_FORMAT " - 5 * 86400, 1, 1);"
    "INSERT INTO certificates (id, number, amount, service_id, buyer_id, sold_at, expires_at, created_at, updated_at) VALUES "
    " (51, 'GC-000101', 500000, NULL, 11, %1$" G_GINT64_FORMAT " - 20 * 86400, %1$" G_GINT64_FORMAT " + 345 * 86400, 1, 1),"
    " (52, 'GC-000102', 150000, 31, 12, %1$" G_GINT64_FORMAT " - 2 * 86400, %1$" G_GINT64_FORMAT " + 363 * 86400, 1, 1);"
    "INSERT INTO certificate_moves (certificate_id, amount, reason, occurred_at, created_at, updated_at) VALUES "
    " (51, 500000, 'sold', %1$" G_GINT64_FORMAT " - 20 * 86400, 1, 1), (51, -200000, 'redeemed', %1$" G_GINT64_FORMAT " - 6 * 86400, 1, 1),"
    " (52, 150000, 'sold', %1$" G_GINT64_FORMAT " - 2 * 86400, 1, 1);"
    "INSERT INTO referral_rewards (client_id, referrer_id, reward, referrer_amount, client_amount, granted_at,"
    " created_at, updated_at) VALUES (11, 12, 'points', 500, 500, %1$" G_GINT64_FORMAT " - 300 * 86400, 1, 1);",
    now);

  g_assert_true (rg_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

typedef struct {
  char     *dir;
  RgStudio *studio;
  RgWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("regulars-prepaid-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  make_studio (f->studio);
  f->window = rg_window_new (NULL, f->studio, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1300, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  test_spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *other;

  while ((other = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL)))
    test_destroy_window (other);
  while ((other = test_find_toplevel (RG_TYPE_CERTIFICATES_WINDOW, NULL)))
    test_destroy_window (other);
  while ((other = test_find_toplevel (RG_TYPE_STUDIO_WINDOW, NULL)))
    test_destroy_window (other);
  test_destroy_window (f->window);
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
select_client (Fixture *f,
               gint64   id)
{
  g_autoptr(RgClient) client = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, id, NULL);

  g_assert_nonnull (client);
  rg_studio_set_selected_client (f->studio, client);
  test_spin (100);
}

static const char *
subtitle_of (GtkWidget *row)
{
  g_assert_nonnull (row);
  if (ADW_IS_EXPANDER_ROW (row))
    return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The rows an expander holds (its own header row aside). */
static guint
count_rows_in (GtkWidget *expander)
{
  GtkWidget *list = test_find_child (gtk_widget_get_last_child (gtk_widget_get_first_child (expander)),
                                     GTK_TYPE_LIST_BOX);
  guint n = 0;

  if (list == NULL)
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    n += ADW_IS_ACTION_ROW (child) && gtk_widget_get_visible (child);
  return n;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

/* The check button labelled @label under @root, popovers included. */
static GtkWidget *
find_check (GtkWidget  *root,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), label) == 0)
    return root;
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)))
    {
      GtkWidget *found = find_check (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))), label);

      if (found)
        return found;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check (child, label);

      if (found)
        return found;
    }
  return NULL;
}

/* The message dialog on screen with @heading, or NULL. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The dialog's entries, in order. */
static GtkEditable *
dialog_entry (AdwMessageDialog *dialog,
              guint             index)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child) && i++ == index)
      return GTK_EDITABLE (child);
  g_assert_not_reached ();
  return NULL;
}

static void
test_card_balances (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *card = test_find_child (GTK_WIDGET (f->window), RG_TYPE_CLIENT_CARD);
  g_autofree char *deposit = rg_format_price (380000);
  g_autofree char *after = rg_format_price (280000);
  g_autofree char *certificate = rg_format_price (300000);
  GtkWidget *row, *group;
  AdwMessageDialog *dialog;

  g_assert_nonnull (card);
  select_client (f, ANNA);

  row = test_find_row (card, "Deposit");
  g_assert_nonnull (row);
  g_assert_cmpstr (subtitle_of (row), ==, deposit);
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Balances");
  g_assert_true (gtk_widget_get_visible (group));

  g_assert_nonnull (strstr (subtitle_of (test_find_row (card, "Bonus Points")), "1,250 points"));
  g_assert_nonnull (strstr (subtitle_of (test_find_row (card, "Bonus Points")), "200 expire on"));
  g_assert_nonnull (strstr (subtitle_of (test_find_row (card, "Manicure × 10")), "7 of 10 visits left"));
  g_assert_nonnull (strstr (subtitle_of (test_find_row (card, "Manicure × 10")), "Manicure"));
  g_assert_nonnull (strstr (subtitle_of (test_find_row (card, "Gift Certificate GC-000101")), certificate));
  g_assert_nonnull (strstr (subtitle_of (test_find_row (card, "Referred by Boris")), "Reward granted on"));
  /* Boris's certificate is on his card, not Anna's. */
  g_assert_null (test_find_row (card, "Gift Certificate GC-000102"));

  /* The ledger is read when the row opens: newest first. */
  g_assert_cmpuint (count_rows_in (row), ==, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  test_spin (50);
  g_assert_cmpuint (count_rows_in (row), ==, 2);
  g_assert_nonnull (test_find_row (row, rg_ledger_reason_to_string (RG_LEDGER_DEPOSIT, "top_up")));
  test_save_shot (card, "card-balances");

  /* Withdraw… 1,000 in cash with a reason: the deposit goes down, and the
   * row says so, still open on its ledger. */
  g_signal_emit_by_name (find_button (row, "_Withdraw…"), "clicked");
  test_spin (50);
  dialog = find_dialog ("Withdraw from the Deposit?");
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "withdraw") == FALSE);   /* no reason yet */
  gtk_editable_set_text (dialog_entry (dialog, 0), "1000");
  gtk_editable_set_text (dialog_entry (dialog, 1), "Moving away");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "withdraw"));
  gtk_editable_set_text (dialog_entry (dialog, 0), "99999");                             /* more than she has */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "withdraw"));
  gtk_editable_set_text (dialog_entry (dialog, 0), "1000");
  /* What the button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "withdraw");
  test_destroy_window (dialog);
  test_spin (100);
  g_assert_cmpint (test_sql_int (rg_studio_get_store (f->studio),
                                 "SELECT sum (amount) FROM deposit_moves WHERE client_id = ?1", ANNA), ==, 280000);
  row = test_find_row (card, "Deposit");
  g_assert_cmpstr (subtitle_of (row), ==, after);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpuint (count_rows_in (row), ==, 3);

  /* Correct… takes 50 points with a note. */
  g_signal_emit_by_name (find_button (test_find_row (card, "Bonus Points"), "C_orrect…"), "clicked");
  test_spin (50);
  dialog = find_dialog ("Correct the Points?");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (dialog_entry (dialog, 0), "−5000");                             /* below zero */
  gtk_editable_set_text (dialog_entry (dialog, 1), "Wrong visit");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "correct"));
  gtk_editable_set_text (dialog_entry (dialog, 0), "−50");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "correct"));
  adw_message_dialog_response (dialog, "correct");
  test_destroy_window (dialog);
  test_spin (100);
  g_assert_cmpint (test_sql_int (rg_studio_get_store (f->studio),
                                 "SELECT sum (points) FROM points_moves WHERE client_id = ?1", ANNA), ==, 1200);
  g_assert_nonnull (strstr (subtitle_of (test_find_row (card, "Bonus Points")), "1,200 points"));

  /* Carol holds nothing: no group. */
  select_client (f, CAROL);
  g_assert_false (gtk_widget_get_visible (group));
  /* Boris: his certificate, and no deposit row. */
  select_client (f, BORIS);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (test_find_row (card, "Gift Certificate GC-000102"));
  g_assert_null (test_find_row (card, "Deposit"));
  g_assert_null (test_find_row (card, "Bonus Points"));
}

static void
test_certificates_window (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *amount = rg_format_price (500000);
  g_autofree char *first = g_strdup_printf ("GC-000101 · %s", amount);
  RgCertificatesWindow *window;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.certificates", NULL));
  test_spin (100);
  window = (RgCertificatesWindow *) test_find_toplevel (RG_TYPE_CERTIFICATES_WINDOW, NULL);
  g_assert_nonnull (window);
  row = test_find_row (GTK_WIDGET (window), first);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (subtitle_of (row), "Active"));
  g_assert_nonnull (strstr (subtitle_of (row), "bought by Anna"));
  g_assert_nonnull (test_find_row (GTK_WIDGET (window), "GC-000102 · Manicure"));
  test_save_shot (GTK_WIDGET (window), "certificates");

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  test_spin (50);
  g_assert_cmpuint (count_rows_in (row), ==, 2);

  rg_certificates_window_search (window, "gc 0001 02");
  test_spin (50);
  g_assert_null (test_find_row (GTK_WIDGET (window), first));
  g_assert_nonnull (test_find_row (GTK_WIDGET (window), "GC-000102 · Manicure"));
  rg_certificates_window_search (window, "777");
  test_spin (50);
  g_assert_null (test_find_row (GTK_WIDGET (window), "GC-000102 · Manicure"));
  {
    AdwStatusPage *empty = ADW_STATUS_PAGE (test_find_child (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
    g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Certificate Has This Number");
  }
  rg_certificates_window_search (window, NULL);
  test_spin (50);
  g_assert_nonnull (test_find_row (GTK_WIDGET (window), first));
}

static void
test_today_subscriptions (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *view = test_find_child (GTK_WIDGET (f->window), RG_TYPE_TODAY_VIEW);
  GtkWidget *row;
  g_autoptr(RgClient) selected = NULL;

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  row = test_find_row (view, "Anna · Manicure × 10");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_nonnull (strstr (subtitle_of (row), "7 visits left"));

  /* Fewer days than it has left: off the list, when Today reads again. */
  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_EXPIRING_DAYS, 2, NULL));
  test_spin (50);
  g_assert_null (test_find_row (view, "Anna · Manicure × 10"));
  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_EXPIRING_DAYS, 7, NULL));
  test_spin (50);
  row = test_find_row (view, "Anna · Manicure × 10");
  g_assert_nonnull (row);

  /* The row opens her card. */
  g_signal_emit_by_name (row, "activate");
  test_spin (100);
  selected = rg_studio_get_selected_client (f->studio) ? g_object_ref (rg_studio_get_selected_client (f->studio)) : NULL;
  g_assert_nonnull (selected);
  g_assert_cmpint (rg_record_get_id (RG_RECORD (selected)), ==, ANNA);
}

static void
test_loyalty_page (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *studio_window;
  GtkWidget *row, *referrer;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.studio", NULL));
  test_spin (200);
  studio_window = test_find_toplevel (RG_TYPE_STUDIO_WINDOW, NULL);
  g_assert_nonnull (studio_window);

  row = test_find_row (GTK_WIDGET (studio_window), "Points Earned, % of What Is Paid");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "5");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_POINTS_RATE), ==, 500);
  gtk_editable_set_text (GTK_EDITABLE (row), "five");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "five");            /* what was typed stays */
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_POINTS_RATE), ==, 500);

  row = test_find_row (GTK_WIDGET (studio_window), "Points Expire After, Months (0: Never)");
  gtk_editable_set_text (GTK_EDITABLE (row), "12");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_POINTS_MONTHS), ==, 12);

  /* A deposit top-up as the referral reward: its amounts are money. */
  row = test_find_row (GTK_WIDGET (studio_window), "Reward");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), RG_REFERRAL_DEPOSIT);
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_REFERRAL_REWARD), ==, RG_REFERRAL_DEPOSIT);
  {
    g_autofree char *title = g_strdup_printf ("Who Referred Gets on Their Deposit, %s", rg_format_currency_symbol ());

    referrer = test_find_row (GTK_WIDGET (studio_window), title);
  }
  g_assert_nonnull (referrer);
  g_assert_true (gtk_widget_get_visible (referrer));
  gtk_editable_set_text (GTK_EDITABLE (referrer), "500");
  g_signal_emit_by_name (referrer, "apply");
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_REFERRAL_REFERRER), ==, 50000);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), RG_REFERRAL_NONE);
  g_assert_false (gtk_widget_get_visible (referrer));
  /* Points now: 50,000 (the money's minor units) would be read as points;
   * the amounts start again from nothing. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), RG_REFERRAL_POINTS);
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_REFERRAL_REFERRER), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (studio_window),
                                                                       "Who Referred Gets, Points"))), ==, "0");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (studio_window), "loyalty");
  test_spin (100);
  test_save_shot (GTK_WIDGET (studio_window), "loyalty");
}

static void
test_subscription_kinds (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GArray) kinds = NULL;
  GtkWindow *studio_window;
  GtkWidget *form, *save;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.studio", NULL));
  test_spin (200);
  studio_window = test_find_toplevel (RG_TYPE_STUDIO_WINDOW, NULL);
  form = test_find_row (GTK_WIDGET (studio_window), "New Subscription Kind");
  g_assert_nonnull (form);
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (form, "Name")), "Pedicure × 5");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (form, "Visits")), "5");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (form, "Valid, Days")), "0");    /* refused: days from 1 */
  save = find_button (form, "_Add Subscription Kind");
  g_signal_emit_by_name (save, "clicked");
  test_spin (50);
  kinds = rg_studio_list_subscription_kinds (f->studio, TRUE, NULL);
  g_assert_cmpuint (kinds->len, ==, 0);
  g_assert_true (gtk_widget_has_css_class (test_find_row (form, "Valid, Days"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (test_find_row (form, "Valid, Days")), "60");
  {
    g_autofree char *title = g_strdup_printf ("Price, %s", rg_format_currency_symbol ());

    gtk_editable_set_text (GTK_EDITABLE (test_find_row (form, title)), "6000");
  }
  /* No service ticked: the model refuses, nothing is written. */
  g_signal_emit_by_name (save, "clicked");
  test_spin (50);
  g_clear_pointer (&kinds, g_array_unref);
  kinds = rg_studio_list_subscription_kinds (f->studio, TRUE, NULL);
  g_assert_cmpuint (kinds->len, ==, 0);
  /* The services' popover: Manicure ticked. */
  {
    GtkWidget *check = find_check (form, "Manicure");

    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    g_assert_cmpstr (subtitle_of (test_find_row (form, "Services It Covers")), ==, "Manicure");
  }
  g_signal_emit_by_name (save, "clicked");
  test_spin (100);
  g_clear_pointer (&kinds, g_array_unref);
  kinds = rg_studio_list_subscription_kinds (f->studio, TRUE, NULL);
  g_assert_cmpuint (kinds->len, ==, 1);
  g_assert_cmpstr (g_array_index (kinds, RgSubscriptionKind, 0).name, ==, "Pedicure × 5");
  g_assert_cmpint (g_array_index (kinds, RgSubscriptionKind, 0).visits, ==, 5);
  g_assert_cmpint (g_array_index (kinds, RgSubscriptionKind, 0).valid_days, ==, 60);
  g_assert_cmpint (g_array_index (kinds, RgSubscriptionKind, 0).price, ==, 600000);
  g_assert_false (g_array_index (kinds, RgSubscriptionKind, 0).from_first_use);
  g_assert_cmpuint (g_array_index (kinds, RgSubscriptionKind, 0).service_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (g_array_index (kinds, RgSubscriptionKind, 0).service_ids, gint64, 0), ==, MANICURE);
  /* The page shows it, with its terms. */
  g_assert_nonnull (test_find_row (GTK_WIDGET (studio_window), "Pedicure × 5"));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (studio_window), "subscriptions");
  test_spin (100);
  test_save_shot (GTK_WIDGET (studio_window), "subscription-kinds");
}

int
main (int   argc,
      char *argv[])
{
  if (!test_ui_init (&argc, &argv))
    return 0;

  g_test_add ("/prepaid-window/card-balances", Fixture, NULL, fixture_set_up, test_card_balances, fixture_tear_down);
  g_test_add ("/prepaid-window/certificates", Fixture, NULL, fixture_set_up, test_certificates_window,
              fixture_tear_down);
  g_test_add ("/prepaid-window/today-subscriptions", Fixture, NULL, fixture_set_up, test_today_subscriptions,
              fixture_tear_down);
  g_test_add ("/prepaid-window/loyalty", Fixture, NULL, fixture_set_up, test_loyalty_page, fixture_tear_down);
  g_test_add ("/prepaid-window/subscription-kinds", Fixture, NULL, fixture_set_up, test_subscription_kinds,
              fixture_tear_down);
  return g_test_run ();
}
