/* test-liabilities-window.c — What the Studio Owes through the real
 * window: opened from the main menu's action, its figures read for today,
 * another day chosen, a points correction at the desk seen at once.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <adwaita.h>

#include "model/rg-prepaid.h"
#include "widgets/money/rg-liabilities-window.h"
#include "widgets/rg-application.h"
#include "widgets/rg-window.h"
#include "test-util.h"
#include "test-util-ui.h"

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Two days ago: Anna topped up 5,000.00 and earned 300 points; Boris
 * earned 120. Yesterday: a certificate of 2,000.00 sold to Vera, and a
 * subscription of 5 visits for 6,000.00 to Anna, one used. Today they
 * owe 5,000.00 + 2,000.00 + 4 × 1,200.00 + 420 × 1.00 = 12,220.00. */
static void
make_studio (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  RgStore *store = rg_studio_get_store (studio);
  gint64 two_days = rg_store_now () - 2 * 86400, yesterday = rg_store_now () - 86400;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO clients (id, address_as, full_name, sort_key, phone, phone_digits, created_at, updated_at) VALUES "
    " (11, 'Anna', 'Anna Volkova', 'anna volkova', '+7 912 555-00-00', '79125550000', 1, 1),"
    " (12, 'Boris', 'Boris Lebedev', 'boris lebedev', '+7 912 555-00-01', '79125550001', 1, 1),"
    " (13, 'Vera', 'Vera Orlova', 'vera orlova', '+7 912 555-00-02', '79125550002', 1, 1);"
    "INSERT INTO deposit_moves (client_id, amount, reason, occurred_at, created_at, updated_at) VALUES"
    " (11, 500000, 'top_up', %1$" G_GINT64_FORMAT ", 1, 1);"
    "INSERT INTO points_moves (client_id, points, reason, occurred_at, created_at, updated_at) VALUES"
    " (11, 300, 'earned', %1$" G_GINT64_FORMAT ", 1, 1), (12, 120, 'earned', %1$" G_GINT64_FORMAT ", 1, 1);"
    "INSERT INTO certificates (id, number, amount, buyer_id, sold_at, expires_at, created_at, updated_at) VALUES"
    " (31, 'GC-000001', 200000, 13, %2$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT " + 365 * 86400, 1, 1);"
    "INSERT INTO certificate_moves (certificate_id, amount, reason, occurred_at, created_at, updated_at) VALUES"
    " (31, 200000, 'sold', %2$" G_GINT64_FORMAT ", 1, 1);"
    "INSERT INTO subscriptions (id, name, client_id, visits, price, valid_days, from_first_use, sold_at, expires_at,"
    " created_at, updated_at) VALUES (41, '5 manicures', 11, 5, 600000, 90, 0, %2$" G_GINT64_FORMAT ","
    " %2$" G_GINT64_FORMAT " + 90 * 86400, 1, 1);"
    "INSERT INTO subscription_moves (subscription_id, visits, reason, occurred_at, created_at, updated_at) VALUES"
    " (41, 5, 'sold', %2$" G_GINT64_FORMAT ", 1, 1), (41, -1, 'use', %2$" G_GINT64_FORMAT " + 3600, 1, 1);",
    two_days, yesterday);

  g_assert_true (rg_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
wait_for (RgLiabilitiesWindow *owe)
{
  while (rg_liabilities_window_is_loading (owe))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_owe (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-owe-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgApplication) app = rg_application_new ();
  g_autoptr(GAsyncResult) result = NULL;
  RgLiabilitiesWindow *owe;
  RgStudio *studio;
  RgWindow *window;
  RgDate today = rg_date_today ();

  make_studio (path);
  g_application_set_application_id (G_APPLICATION (app), "org.regulars.Regulars.OweTest");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  rg_application_open_studio_async (app, path, FALSE, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  studio = rg_application_open_studio_finish (app, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  window = rg_window_new (app, studio, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  test_spin (200);

  /* The main menu's "What the Studio Owes" is this window action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.liabilities", NULL));
  owe = (RgLiabilitiesWindow *) test_find_toplevel (RG_TYPE_LIABILITIES_WINDOW, NULL);
  g_assert_nonnull (owe);
  g_assert_cmpint (rg_date_compare (rg_liabilities_window_get_day (owe), today), ==, 0);
  wait_for (owe);
  g_assert_cmpint (rg_liabilities_window_get_total (owe), ==, 1222000);
  g_assert_cmpuint (rg_liabilities_window_get_n_clients (owe), ==, 2);
  test_spin (100);
  test_save_shot (GTK_WIDGET (owe), "liabilities");

  /* Three days ago nothing was owed. */
  rg_liabilities_window_set_day (owe, rg_date_add_days (today, -3));
  wait_for (owe);
  g_assert_cmpint (rg_liabilities_window_get_total (owe), ==, 0);
  g_assert_cmpuint (rg_liabilities_window_get_n_clients (owe), ==, 0);

  /* Back to today; 80 points given to Vera at the desk show at once. */
  rg_liabilities_window_set_day (owe, today);
  wait_for (owe);
  g_assert_true (rg_studio_correct_points (studio, 13, 80, "A gift for her birthday", &error));
  g_assert_no_error (error);
  test_spin (50);
  wait_for (owe);
  g_assert_cmpint (rg_liabilities_window_get_total (owe), ==, 1222000 + 8000);
  g_assert_cmpuint (rg_liabilities_window_get_n_clients (owe), ==, 3);

  test_destroy_window (owe);
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

  g_test_add_func ("/liabilities-window/owe", test_owe);
  return g_test_run ();
}
