/* test-view-templates.c — the satisfaction and retention views' controls,
 * declared in their GtkBuilder templates, reach the views' code: the
 * period's kinds, the arrows, the custom days' calendars and their button,
 * the export menu. (Choosing a master or a service is left out: the
 * filters' handler replaces the drop-down's model while the drop-down is
 * still notifying its selection, which GLib warns about.)
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"
#include "test-util-ui.h"

#include "widgets/retention/rg-retention-view.h"
#include "widgets/satisfaction/rg-satisfaction-view.h"
#include "widgets/rg-window.h"

#define NOW ((gint64) 1795867200)   /* 2026-11-28 12:00 UTC */

static char *demo_path;

/* Every widget of @type under @root, depth first. */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *into)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (into, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, into);
}

/* The first button under @root whose tooltip or label is @text. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *b = buttons->pdata[i];

      if (g_strcmp0 (gtk_widget_get_tooltip_text (b), text) == 0 ||
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (b)), text) == 0)
        return b;
    }
  return NULL;
}

static void
wait_satisfaction (RgSatisfactionView *view)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (20000, test_timeout_cb, &timed_out);

  test_spin (50);
  while (!timed_out && (rg_satisfaction_view_is_loading (view) || rg_satisfaction_view_get_result (view) == NULL))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
wait_retention (RgRetentionView *view)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (20000, test_timeout_cb, &timed_out);

  test_spin (50);
  while (!timed_out && rg_retention_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
assert_same_day (RgDate a,
                 RgDate b)
{
  g_assert_cmpint (rg_date_compare (a, b), ==, 0);
}

static RgDate
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  return (RgDate) { g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt) };
}

static void
select_day (GtkCalendar *calendar,
            RgDate       day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (day.year, day.month, day.day, 12, 0, 0);

  gtk_calendar_select_day (calendar, dt);
}

static void
test_satisfaction_controls (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  RgSatisfactionView *view;
  GtkWidget *prev, *next, *period_button, *popover, *apply;
  GtkDropDown *period, *master;
  RgDate from, to, custom_from, custom_to;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "satisfaction"));
  view = RG_SATISFACTION_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_SATISFACTION_VIEW));
  g_assert_nonnull (view);
  wait_satisfaction (view);
  from = rg_satisfaction_view_get_result (view)->query.from;
  to = rg_satisfaction_view_get_result (view)->query.to;

  /* The bar: the period's kind, then the master and the service. */
  collect (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 3);
  period = dropdowns->pdata[0];
  master = dropdowns->pdata[1];
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (period)), ==, RG_PERIOD_CUSTOM + 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, RG_PERIOD_MONTH);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (period)), ==, "Period");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (master)), ==, "Master");

  /* The arrows step a month back and forth. */
  prev = find_button (GTK_WIDGET (view), "Previous Period");
  next = find_button (GTK_WIDGET (view), "Next Period");
  g_assert_nonnull (prev);
  g_assert_nonnull (next);
  g_signal_emit_by_name (prev, "clicked");
  wait_satisfaction (view);
  assert_same_day (rg_satisfaction_view_get_result (view)->query.to, rg_date_add_days (from, -1));
  g_signal_emit_by_name (next, "clicked");
  wait_satisfaction (view);
  assert_same_day (rg_satisfaction_view_get_result (view)->query.from, from);
  assert_same_day (rg_satisfaction_view_get_result (view)->query.to, to);

  /* Custom days open the calendars, which start from what was shown; their
   * button shows the days chosen and closes them. */
  period_button = test_find_child (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (period_button), ==, "Choose the Days");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (period_button)));
  g_assert_nonnull (popover);
  gtk_drop_down_set_selected (period, RG_PERIOD_CUSTOM);
  test_spin (50);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_false (gtk_widget_get_sensitive (prev));
  g_assert_false (gtk_widget_get_sensitive (next));
  collect (popover, GTK_TYPE_CALENDAR, calendars);
  g_assert_cmpuint (calendars->len, ==, 2);
  assert_same_day (calendar_day (calendars->pdata[0]), from);
  assert_same_day (calendar_day (calendars->pdata[1]), to);
  custom_from = rg_date_add_days (from, -10);
  custom_to = rg_date_add_days (from, 3);
  select_day (calendars->pdata[0], custom_from);
  select_day (calendars->pdata[1], custom_to);
  apply = find_button (popover, "_Show These Days");
  g_assert_nonnull (apply);
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (apply)));
  g_signal_emit_by_name (apply, "clicked");
  wait_satisfaction (view);
  g_assert_false (gtk_widget_get_visible (popover));
  assert_same_day (rg_satisfaction_view_get_result (view)->query.from, custom_from);
  assert_same_day (rg_satisfaction_view_get_result (view)->query.to, custom_to);

  /* Shown again, the calendars show the custom days. */
  select_day (calendars->pdata[0], from);
  gtk_menu_button_popup (GTK_MENU_BUTTON (period_button));
  test_spin (50);
  assert_same_day (calendar_day (calendars->pdata[0]), custom_from);
  assert_same_day (calendar_day (calendars->pdata[1]), custom_to);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (period_button));

  /* The export menu names the panel's action. */
  {
    g_autoptr(GPtrArray) menus = g_ptr_array_new ();
    GMenuModel *model = NULL;
    g_autofree char *action = NULL;

    collect (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON, menus);
    for (guint i = 0; i < menus->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (menus->pdata[i]), "Export") == 0)
        model = gtk_menu_button_get_menu_model (menus->pdata[i]);
    g_assert_nonnull (model);
    g_assert_cmpint (g_menu_model_get_n_items (model), ==, 1);
    g_assert_true (g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "satisfaction.export-panel");
  }

  test_destroy_window (GTK_WINDOW (window));
}

/* A master chosen while the drop-down's list is open: the figures are
 * counted for that master, the list keeps the choice and is not filled
 * again under its popover (which freed what the popover still reported
 * from: a GObject warning, fatal here). */
static void
test_satisfaction_master_chosen (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  RgSatisfactionView *view;
  GtkDropDown *master;
  GListModel *names;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "satisfaction"));
  view = RG_SATISFACTION_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_SATISFACTION_VIEW));
  wait_satisfaction (view);
  g_assert_cmpint (rg_satisfaction_view_get_result (view)->query.staff_id, ==, 0);

  collect (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, dropdowns);
  master = dropdowns->pdata[1];
  names = gtk_drop_down_get_model (master);
  g_assert_cmpuint (g_list_model_get_n_items (names), >, 2);

  for (int round = 1; round <= 2; round++)
    {
      g_ptr_array_set_size (lists, 0);
      collect (GTK_WIDGET (master), GTK_TYPE_LIST_VIEW, lists);
      g_assert_cmpuint (lists->len, ==, 1);
      /* Its popover, as its button opens it. */
      gtk_popover_popup (GTK_POPOVER (gtk_widget_get_ancestor (lists->pdata[0], GTK_TYPE_POPOVER)));
      test_spin (100);
      g_assert_true (gtk_widget_get_mapped (lists->pdata[0]));
      gtk_drop_down_set_selected (master, (guint) round);
      gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (lists->pdata[0], GTK_TYPE_POPOVER)));
      test_spin (100);
      wait_satisfaction (view);
      g_assert_cmpuint (gtk_drop_down_get_selected (master), ==, (guint) round);
      g_assert_true (gtk_drop_down_get_model (master) == names);
      g_assert_cmpint (rg_satisfaction_view_get_result (view)->query.staff_id, !=, 0);
      g_assert_false (gtk_widget_get_mapped (lists->pdata[0]));
    }

  test_destroy_window (GTK_WINDOW (window));
}

static void
test_retention_controls (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  RgRetentionView *view;
  GtkWidget *prev, *next;
  GtkDropDown *kind;
  g_autofree char *shown = NULL;
  g_autofree char *before = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "retention"));
  view = RG_RETENTION_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_RETENTION_VIEW));
  g_assert_nonnull (view);
  wait_retention (view);
  shown = g_strdup (rg_retention_view_get_period_text (view));

  /* The arrows: a month back, then forward again. */
  prev = find_button (GTK_WIDGET (view), "Previous Period");
  next = find_button (GTK_WIDGET (view), "Next Period");
  g_assert_nonnull (prev);
  g_assert_nonnull (next);
  g_signal_emit_by_name (prev, "clicked");
  wait_retention (view);
  before = g_strdup (rg_retention_view_get_period_text (view));
  g_assert_cmpstr (before, !=, shown);
  g_signal_emit_by_name (next, "clicked");
  wait_retention (view);
  g_assert_cmpstr (rg_retention_view_get_period_text (view), ==, shown);

  /* The period's kinds: a month, a quarter, a year. */
  kind = GTK_DROP_DOWN (test_find_child (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (kind)), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, 0);
  gtk_drop_down_set_selected (kind, 2);
  wait_retention (view);
  {
    RgDate first = rg_retention_view_get_result (view)->from;

    g_assert_cmpint (first.month, ==, 1);
    g_assert_cmpint (first.day, ==, 1);
  }
  g_assert_cmpstr (rg_retention_view_get_period_text (view), !=, shown);

  test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!test_ui_init (&argc, &argv))
    return 0;

  demo_path = test_make_demo ("view-templates", "en", NOW);

  g_test_add_func ("/view-templates/satisfaction-controls", test_satisfaction_controls);
  g_test_add_func ("/view-templates/retention-controls", test_retention_controls);
  g_test_add_func ("/view-templates/satisfaction-master-chosen", test_satisfaction_master_chosen);

  status = g_test_run ();

  test_remove_demo (demo_path);
  g_free (demo_path);
  return status;
}
