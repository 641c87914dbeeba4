/* test-stock-window.c — stock through the real window: the main menu's
 * Stock, goods received through the dialog and the row's on-hand
 * following, a write-off without a reason refused with what was typed
 * kept, the item's ledger, the search; Today's Low Stock appearing when
 * an item falls to its minimum.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <adwaita.h>

#include "model/rg-format.h"
#include "widgets/rg-application.h"
#include "widgets/rg-window.h"
#include "widgets/stock/rg-low-stock.h"
#include "widgets/stock/rg-stock-dialog.h"
#include "widgets/stock/rg-stock-window.h"
#include "widgets/studio/rg-service-editor.h"
#include "model/rg-service.h"
#include "test-util.h"
#include "test-util-ui.h"

#define DYE 41
#define SHAMPOO 42

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Dye, a material in ml with a minimum of 500, 600 ml of it received
 * yesterday for 960.00; a shampoo on the shelf, no minimum. */
static void
make_studio (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  RgStore *store = rg_studio_get_store (studio);
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO products (id, name, price, cost, kind, unit, min_level, supplier, created_at, updated_at) VALUES "
    " (41, 'Hair dye', 0, 0, 'material', 'ml', 500, 'Colour Ltd', 1, 1),"
    " (42, 'Shampoo', 90000, 40000, 'product', 'pcs', 0, NULL, 1, 1);"
    "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at) VALUES "
    " (32, 'Colouring', 120, 420000, 1, 1);"
    "INSERT INTO stock_moves (id, product_id, quantity, reason, cost, occurred_at, created_at, updated_at) VALUES "
    " (71, 41, 600, 'received', 96000, %" G_GINT64_FORMAT ", 1, 1);",
    rg_store_now () - 86400);

  g_assert_true (rg_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* The plain message over the dialogs (not a stock dialog). */
static AdwMessageDialog *
find_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && !RG_IS_STOCK_DIALOG (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The dialog's main button, pressed as a person would (a response alone
 * does not close the dialog). */
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

static void
press (RgStockDialog *dialog,
       const char    *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  gtk_widget_activate (button);
  test_spin (600);
}

static void
test_stock_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-stock-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgApplication) app = rg_application_new ();
  g_autoptr(GAsyncResult) result = NULL;
  RgStockWindow *stock;
  RgStockDialog *dialog;
  RgLowStock *low;
  RgStudio *studio;
  RgStore *store;
  RgWindow *window;

  make_studio (path);
  g_application_set_application_id (G_APPLICATION (app), "org.regulars.Regulars.StockTest");
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

  /* Nothing is low: Today has no Low Stock. */
  low = (RgLowStock *) test_find_child (GTK_WIDGET (window), RG_TYPE_LOW_STOCK);
  g_assert_nonnull (low);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (low)));

  /* The main menu's Stock. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stock", NULL));
  test_spin (100);
  stock = (RgStockWindow *) test_find_toplevel (RG_TYPE_STOCK_WINDOW, NULL);
  g_assert_nonnull (stock);
  g_assert_cmpstr (rg_stock_window_get_on_hand (stock, DYE), ==, "600 ml");
  g_assert_cmpstr (rg_stock_window_get_on_hand (stock, SHAMPOO), ==, "0 pcs");

  /* 400 ml received for 640.00: the row says 1000 ml. */
  dialog = rg_stock_window_open_dialog (stock, RG_STOCK_DIALOG_RECEIVE);
  g_assert_true (rg_stock_dialog_select (dialog, DYE));
  /* The item's own supplier is offered. */
  g_assert_cmpstr (gtk_editable_get_text (rg_stock_dialog_get_field (dialog, "supplier")), ==, "Colour Ltd");
  gtk_editable_set_text (rg_stock_dialog_get_field (dialog, "quantity"), "400");
  gtk_editable_set_text (rg_stock_dialog_get_field (dialog, "cost"), "640");
  test_save_shot (GTK_WIDGET (dialog), "stock-receive");
  press (dialog, "_Receive");
  g_assert_null (find_message ());
  g_assert_null (test_find_toplevel (RG_TYPE_STOCK_DIALOG, NULL));
  g_assert_cmpstr (rg_stock_window_get_on_hand (stock, DYE), ==, "1000 ml");
  g_assert_cmpint (test_sql_int (store, "SELECT cost FROM stock_moves WHERE quantity = 400 AND reason = 'received'"
                                        " AND supplier = 'Colour Ltd'", 0), ==, 64000);

  /* A write-off without its reason: refused, nothing written, a new
   * dialog keeps the 700 typed and the message says why. */
  dialog = rg_stock_window_open_dialog (stock, RG_STOCK_DIALOG_WRITE_OFF);
  g_assert_true (rg_stock_dialog_select (dialog, DYE));
  gtk_editable_set_text (rg_stock_dialog_get_field (dialog, "quantity"), "700");
  press (dialog, "_Write Off");
  g_assert_nonnull (find_message ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_message ()), "why"));
  dialog = (RgStockDialog *) test_find_toplevel (RG_TYPE_STOCK_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (rg_stock_dialog_get_field (dialog, "quantity")), ==, "700");
  g_assert_cmpint (test_sql_int (store, "SELECT count (*) FROM stock_moves WHERE reason = 'write_off'", 0), ==, 0);
  test_destroy_window (find_message ());

  /* With the reason: 300 ml left, at or below the minimum. */
  gtk_editable_set_text (rg_stock_dialog_get_field (dialog, "reason"), "Past its date");
  press (dialog, "_Write Off");
  g_assert_null (find_message ());
  g_assert_cmpstr (rg_stock_window_get_on_hand (stock, DYE), ==, "300 ml");

  /* The search, and the ledger: received twice, written off once. */
  rg_stock_window_set_search (stock, "SHAMP");
  g_assert_cmpuint (rg_stock_window_count_visible (stock), ==, 1);
  rg_stock_window_set_search (stock, "colour ltd");
  g_assert_cmpuint (rg_stock_window_count_visible (stock), ==, 1);
  rg_stock_window_set_search (stock, "");
  g_assert_cmpuint (rg_stock_window_count_visible (stock), ==, 2);
  test_save_shot (GTK_WIDGET (stock), "stock");
  /* A row opens its ledger. */
  g_assert_cmpint (rg_stock_window_get_item (stock), ==, 0);
  gtk_widget_activate (test_find_row (GTK_WIDGET (stock), "Hair dye"));
  test_spin (100);
  g_assert_cmpint (rg_stock_window_get_item (stock), ==, DYE);
  {
    g_autofree char *today = rg_format_date (rg_store_now ());
    g_autofree char *written_off = g_strdup_printf ("%s · %s", today, "Written off");
    g_autofree char *received = g_strdup_printf ("%s · %s", today, "Goods received");
    GtkWidget *row = test_find_row (GTK_WIDGET (stock), written_off);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Past its date");
    g_assert_nonnull (test_find_row (GTK_WIDGET (stock), received));
  }
  test_save_shot (GTK_WIDGET (stock), "stock-ledger");
  test_destroy_window (stock);

  /* Today lists the dye to order, when it shows. */
  test_spin (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (low)));
  g_assert_cmpuint (rg_low_stock_get_count (low), ==, 1);
  test_save_shot (GTK_WIDGET (window), "today-low-stock");

  /* Its row opens the Stock window at the dye's ledger. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stock-item", "x", (gint64) DYE));
  test_spin (100);
  stock = (RgStockWindow *) test_find_toplevel (RG_TYPE_STOCK_WINDOW, NULL);
  g_assert_nonnull (stock);
  test_destroy_window (stock);

  /* The service editor: 30 ml of dye per colouring, saved with it; its
   * cost at the average purchase cost (1,600.00 for 1,000 ml: 48.00). */
  {
    g_autoptr(RgService) colouring = rg_studio_lookup (studio, RG_TYPE_SERVICE, 32, &error);
    GtkWidget *editor_window = gtk_window_new ();
    GtkWidget *editor;
    GtkSpinButton *spin = NULL;

    g_assert_no_error (error);
    editor = rg_service_editor_new (studio, colouring);
    gtk_window_set_child (GTK_WINDOW (editor_window), editor);
    gtk_window_set_default_size (GTK_WINDOW (editor_window), 600, 900);
    gtk_window_present (GTK_WINDOW (editor_window));
    test_spin (100);
    /* In the page's order: the duration's, the repeat interval's, the
     * material's quantity. */
    {
      g_autoptr(GPtrArray) spins = g_ptr_array_new ();
      GtkWidget *stack[64];
      guint top = 0;

      stack[top++] = editor;
      while (top > 0)
        {
          GtkWidget *w = stack[--top];

          if (GTK_IS_SPIN_BUTTON (w))
            g_ptr_array_add (spins, w);
          for (GtkWidget *c = gtk_widget_get_last_child (w); c && top < G_N_ELEMENTS (stack); c = gtk_widget_get_prev_sibling (c))
            stack[top++] = c;
        }
      g_assert_cmpuint (spins->len, ==, 3);
      spin = spins->pdata[2];
    }
    gtk_spin_button_set_value (spin, 30);
    g_assert_true (gtk_widget_activate_action (editor, "editor.add-material", NULL));
    g_assert_nonnull (test_find_row (editor, "Hair dye"));
    test_save_shot (editor_window, "service-materials");
    g_assert_true (rg_service_editor_save (RG_SERVICE_EDITOR (editor), &error));
    g_assert_no_error (error);
    g_assert_cmpint (test_sql_int (store, "SELECT quantity FROM service_materials WHERE service_id = 32 AND product_id = ?1",
                                   DYE), ==, 30);
    test_destroy_window (editor_window);
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

  g_test_add_func ("/stock-window/receive-and-write-off", test_stock_window);
  return g_test_run ();
}
