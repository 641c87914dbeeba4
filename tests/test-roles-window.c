/* test-roles-window.c — the real main window for each role of a studio
 * with a director, an administrator and two masters: a master sees only
 * their calendar column, another master's client read-only (with a
 * masked phone), no Export, no Retention, and
 * their own pay alone; the administrator every column and phone but no
 * Export and no Audit Log; the director everything. Then the audit log
 * window: its filters, its empty state and its CSV export.
 *
 * With REGULARS_TEST_SHOTS set, a master's window and the audit log are
 * saved there (REGULARS_TEST_DARK: in the dark style).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"
#include "test-util-ui.h"

#include "model/rg-audit.h"
#include "model/rg-client-list.h"
#include "model/rg-roles.h"
#include "util/rg-time.h"
#include "widgets/audit/rg-audit-window.h"
#include "widgets/calendar/rg-calendar-view.h"
#include "widgets/calendar/rg-day-view.h"
#include "widgets/calendar/rg-week-view.h"
#include "widgets/client/rg-client-card.h"
#include "widgets/client/rg-client-card-private.h"
#include "widgets/client/rg-clients-view.h"
#include "widgets/editor/rg-appointment-editor.h"
#include "widgets/editor/rg-appointment-editor-private.h"
#include "widgets/money/rg-payroll-window.h"
#include "widgets/rg-window.h"

enum { DIRECTOR = 21, ADMIN = 22, MASTER = 23, OTHER_MASTER = 24, OWN_CLIENT = 11, OTHER_CLIENT = 12 };

#define OTHER_PHONE "+7 912 555-00-01"

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
  RgStore *store;
  gint64 ten = rg_time_from_local (rg_date_today (), 10 * 60);

  f->dir = g_dir_make_tmp ("regulars-roles-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  store = rg_studio_get_store (f->studio);
  test_sql_run (store,
                "INSERT INTO staff (id, display_name, role, color, position, created_at, updated_at) VALUES "
                " (21, 'Irina', 'director', '#3584e4', 0, 1, 1), (22, 'Olga', 'administrator', '#e66100', 1, 1, 1),"
                " (23, 'Marina', 'master', '#2ec27e', 2, 1, 1), (24, 'Sveta', 'master', '#9141ac', 3, 1, 1)", "");
  test_sql_run (store,
                "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at) VALUES "
                " (11, 'Anna', 'anna', '+7 912 555-00-00', '79125550000', 1, 1),"
                " (12, 'Bella', 'bella', ?1, '79125550001', 1, 1)", "t", OTHER_PHONE);
  /* Anna is Marina's client, Bella Sveta's; both today at 10:00. */
  test_sql_run (store,
                "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, "
                "                          updated_at) "
                " VALUES (51, 11, 23, ?1, ?1 + 3600, 'booked', 150000, 1, 1),"
                "        (52, 12, 24, ?1, ?1 + 3600, 'booked', 150000, 1, 1)", "i", ten);

  /* Director 1234, administrator 2345, masters 3456 and 4567. */
  g_assert_true (rg_studio_save_profile (f->studio, DIRECTOR, RG_ROLE_DIRECTOR, "1234", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_save_profile (f->studio, ADMIN, RG_ROLE_ADMINISTRATOR, "2345", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_save_profile (f->studio, MASTER, RG_ROLE_MASTER, "3456", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_save_profile (f->studio, OTHER_MASTER, RG_ROLE_MASTER, "4567", &error));
  g_assert_no_error (error);

  if (g_getenv ("REGULARS_TEST_DARK"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  f->window = rg_window_new (NULL, f->studio, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_destroy_window (f->window);
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
sign_in (Fixture    *f,
         gint64      staff_id,
         const char *pin)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_studio_sign_in (f->studio, staff_id, pin, &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* Whether the window's action is enabled, as a button bound to it sees
 * it (the menu's items and the shortcuts follow the same state). */
static gboolean
action_enabled (Fixture    *f,
                const char *name)
{
  GtkWidget *header = test_find_child (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  /* The window's actions with a parameter: a target of its type. */
  if (g_str_equal (name, "win.import"))
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (probe), g_variant_new_string ("clients"));
  else if (g_str_equal (name, "win.sell"))
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (probe), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), name);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), probe);
  enabled = gtk_widget_get_sensitive (probe);
  adw_header_bar_remove (ADW_HEADER_BAR (header), probe);
  return enabled;
}

static RgCalendarView *
calendar (Fixture *f)
{
  return RG_CALENDAR_VIEW (test_find_child (GTK_WIDGET (f->window), RG_TYPE_CALENDAR_VIEW));
}

static RgClientCard *
show_client (Fixture *f,
             gint64   client_id)
{
  g_autoptr(RgClient) client = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, client_id, NULL);

  g_assert_nonnull (client);
  rg_studio_set_selected_client (f->studio, client);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  return RG_CLIENT_CARD (test_find_child (GTK_WIDGET (f->window), RG_TYPE_CLIENT_CARD));
}

/* Every label's text under @widget, joined by newlines. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
clients_page_text (Fixture *f)
{
  GtkWidget *view = test_find_child (GTK_WIDGET (f->window), RG_TYPE_CLIENTS_VIEW);
  RgClientList *list = rg_clients_view_get_list (RG_CLIENTS_VIEW (view));
  GString *out = g_string_new (NULL);
  gboolean timed_out = FALSE;
  guint id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "clients"));
  id = g_timeout_add (5000, test_timeout_cb, &timed_out);
  while (!timed_out && (rg_client_list_get_loading (list) || g_list_model_get_n_items (G_LIST_MODEL (list)) < 2))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  collect_labels (view, out);
  return g_string_free (out, FALSE);
}

static void
test_master (Fixture       *f,
             gconstpointer  data)
{
  RgCalendarView *cal = calendar (f);
  g_autoptr(RgClient) other = NULL;
  g_autofree char *page = NULL;
  RgClientCard *card;
  const char *shown_phone;

  sign_in (f, MASTER, "3456");

  /* Pages: the calendar is where a master lands; no Today, no reports. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (test_find_child (GTK_WIDGET (f->window),
                                                                                           ADW_TYPE_VIEW_STACK))),
                   ==, "calendar");
  g_assert_false (rg_window_page_shown (f->window, "today"));
  g_assert_true (rg_window_page_shown (f->window, "calendar"));
  g_assert_true (rg_window_page_shown (f->window, "clients"));
  g_assert_false (rg_window_page_shown (f->window, "satisfaction"));
  g_assert_false (rg_window_page_shown (f->window, "retention"));
  /* Ctrl+5 to the Retention page does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "retention");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (test_find_child (GTK_WIDGET (f->window),
                                                                                           ADW_TYPE_VIEW_STACK))),
                   ==, "calendar");

  /* Actions: no Export, Import, Studio, Audit Log, Sell; their own pay. */
  g_assert_false (action_enabled (f, "win.export-clients"));
  g_assert_false (action_enabled (f, "win.export-appointments"));
  g_assert_false (action_enabled (f, "win.import"));
  g_assert_false (action_enabled (f, "win.studio"));
  g_assert_false (action_enabled (f, "win.audit-log"));
  g_assert_false (action_enabled (f, "win.sell"));
  g_assert_false (action_enabled (f, "win.backup"));
  g_assert_true (action_enabled (f, "win.payroll"));

  /* The calendar: Marina's column alone, day and week. */
  g_assert_cmpuint (rg_day_view_get_n_columns (rg_calendar_view_get_day_view (cal)), ==, 1);
  g_assert_cmpuint (rg_day_view_get_n_items (rg_calendar_view_get_day_view (cal)), ==, 1);
  rg_calendar_view_set_mode (cal, RG_CALENDAR_MODE_WEEK);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (rg_week_view_get_staff (rg_calendar_view_get_week_view (cal)), ==, MASTER);
  g_assert_false (gtk_widget_get_visible (test_find_child (GTK_WIDGET (cal), GTK_TYPE_DROP_DOWN)));
  rg_calendar_view_set_mode (cal, RG_CALENDAR_MODE_DAY);

  /* Sveta's client: the card offers nothing to change or call. */
  card = show_client (f, OTHER_CLIENT);
  g_assert_true (rg_client_card_is_read_only (card));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (card->phone_row)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (card->consent_switch)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card->medical_group)));
  /* Marina's own client: hers to edit. */
  card = show_client (f, OWN_CLIENT);
  g_assert_false (rg_client_card_is_read_only (card));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (card->phone_row)));
  card = show_client (f, OTHER_CLIENT);

  /* The phones: what the model gives, in the card and the list: another
   * master's client's phone masked, its last two digits kept. */
  other = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, OTHER_CLIENT, NULL);
  shown_phone = rg_client_get_phone (other);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (card->phone_row)), ==, shown_phone);
  page = clients_page_text (f);
  g_assert_nonnull (strstr (page, "Bella"));
  g_assert_nonnull (strstr (page, shown_phone));
  g_assert_cmpstr (shown_phone, !=, OTHER_PHONE);
  g_assert_nonnull (strstr (shown_phone, "•"));
  g_assert_true (g_str_has_suffix (shown_phone, OTHER_PHONE + strlen (OTHER_PHONE) - 2));
  g_assert_null (strstr (page, OTHER_PHONE));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "calendar"));
  test_save_shot (GTK_WIDGET (f->window), g_getenv ("REGULARS_TEST_DARK") ? "master-dark" : "master");

  /* The main menu: what she may do, nothing greyed out. */
  if (g_getenv ("REGULARS_TEST_SHOTS"))
    {
      GtkWidget *header = test_find_child (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);
      GtkMenuButton *menu = GTK_MENU_BUTTON (test_find_child (header, GTK_TYPE_MENU_BUTTON));

      gtk_menu_button_popup (menu);
      test_save_shot (GTK_WIDGET (gtk_menu_button_get_popover (menu)),
                      g_getenv ("REGULARS_TEST_DARK") ? "master-menu-dark" : "master-menu");
      gtk_menu_button_popdown (menu);
    }

  /* Booking her own client: her column is the only one to choose. */
  {
    g_autoptr(RgClient) own = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, OWN_CLIENT, NULL);
    RgAppointmentEditor *editor = rg_window_book_client (f->window, own, 0, 0, NULL);

    g_assert_nonnull (editor);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (editor->staff)), ==, 1);
    g_assert_cmpint (rg_appointment_editor_get_staff_id (editor), ==, MASTER);
    test_destroy_window (editor);
  }

  /* The payroll: Marina's own, no total of everyone. */
  {
    RgPayrollWindow *payroll = rg_payroll_window_new (GTK_WINDOW (f->window), f->studio);

    gtk_window_present (GTK_WINDOW (payroll));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (payroll));
    g_assert_nonnull (test_find_row (GTK_WIDGET (payroll), g_dgettext (GETTEXT_PACKAGE, "All Masters’ Pay")));
    g_assert_false (gtk_widget_is_visible (test_find_row (GTK_WIDGET (payroll), g_dgettext (GETTEXT_PACKAGE, "All Masters’ Pay"))));
    test_destroy_window (payroll);
  }
}

static void
test_administrator (Fixture       *f,
                    gconstpointer  data)
{
  RgCalendarView *cal = calendar (f);
  g_autofree char *page = NULL;
  RgClientCard *card;

  sign_in (f, ADMIN, "2345");

  g_assert_true (rg_window_page_shown (f->window, "today"));
  g_assert_false (rg_window_page_shown (f->window, "retention"));
  g_assert_false (rg_window_page_shown (f->window, "satisfaction"));
  g_assert_false (action_enabled (f, "win.export-clients"));
  g_assert_false (action_enabled (f, "win.audit-log"));
  g_assert_false (action_enabled (f, "win.studio"));
  g_assert_true (action_enabled (f, "win.sell"));
  g_assert_true (action_enabled (f, "win.stock"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "calendar"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (rg_day_view_get_n_columns (rg_calendar_view_get_day_view (cal)), ==, 2);
  g_assert_cmpuint (rg_day_view_get_n_items (rg_calendar_view_get_day_view (cal)), ==, 2);

  card = show_client (f, OTHER_CLIENT);
  g_assert_false (rg_client_card_is_read_only (card));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (card->phone_row)), ==, OTHER_PHONE);
  page = clients_page_text (f);
  g_assert_nonnull (strstr (page, OTHER_PHONE));
}

static void
test_director (Fixture       *f,
               gconstpointer  data)
{
  RgCalendarView *cal = calendar (f);
  const char *pages[] = { "today", "calendar", "clients", "satisfaction", "retention" };
  const char *actions[] = { "win.export-clients", "win.export-appointments", "win.import", "win.studio",
                            "win.audit-log", "win.sell", "win.backup", "win.restore", "win.payroll",
                            "win.liabilities", "win.stock" };

  /* A master first, then the director: the window follows each sign-in. */
  sign_in (f, MASTER, "3456");
  g_assert_false (action_enabled (f, "win.export-clients"));
  sign_in (f, DIRECTOR, "1234");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_true (rg_window_page_shown (f->window, pages[i]));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (action_enabled (f, actions[i]));
  g_assert_cmpuint (rg_day_view_get_n_columns (rg_calendar_view_get_day_view (cal)), ==, 2);
  g_assert_false (rg_client_card_is_read_only (show_client (f, OTHER_CLIENT)));
}

/* The log's window: the rows, the filters, the empty state, the export
 * (which is a row itself). */
static void
test_audit_window (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "audit.csv", NULL);
  g_autofree char *text = NULL;
  RgAuditWindow *audit;
  guint n_all;

  sign_in (f, MASTER, "3456");
  /* A refusal is a row of the log. */
  g_assert_false (rg_studio_allowed (f->studio, RG_ACTION_EXPORT, 0, 0, NULL));
  sign_in (f, DIRECTOR, "1234");
  g_assert_true (rg_studio_audit (f->studio, RG_AUDIT_BACKUP, "studio", -1, "Зелёная копия.regulars", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.audit-log", NULL));
  audit = RG_AUDIT_WINDOW (test_find_toplevel (RG_TYPE_AUDIT_WINDOW, NULL));
  g_assert_nonnull (audit);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (audit));

  /* Every row: the profiles made, the sign-ins, the refusal, the backup. */
  n_all = rg_audit_window_get_n_rows (audit);
  g_assert_cmpuint (n_all, >=, 4 + 2 + 1 + 1);
  g_assert_cmpint (n_all, ==, test_sql_int (rg_studio_get_store (f->studio), "SELECT count(*) FROM audit_log", 0));
  g_assert_false (rg_audit_window_has_more (audit));
  g_assert_cmpstr (rg_audit_window_get_state (audit), ==, "list");
  test_save_shot (GTK_WIDGET (audit), g_getenv ("REGULARS_TEST_DARK") ? "audit-log-dark" : "audit-log");

  rg_audit_window_set_action (audit, RG_AUDIT_REFUSED);
  g_assert_cmpuint (rg_audit_window_get_n_rows (audit), ==, 1);
  rg_audit_window_set_action (audit, NULL);
  rg_audit_window_set_staff (audit, MASTER);
  /* Her sign-in and refusal, and whatever else was written in her name. */
  g_assert_cmpuint (rg_audit_window_get_n_rows (audit), >=, 2);
  g_assert_cmpint (rg_audit_window_get_n_rows (audit), ==,
                   test_sql_int (rg_studio_get_store (f->studio), "SELECT count(*) FROM audit_log WHERE staff_id = ?1",
                                 MASTER));
  g_assert_cmpint (rg_audit_window_get_n_rows (audit), <, n_all);
  rg_audit_window_set_staff (audit, 0);
  rg_audit_window_set_text (audit, "зеленая");
  g_assert_cmpuint (rg_audit_window_get_n_rows (audit), ==, 1);

  /* What the filters show goes to the file, and is noted. */
  g_assert_cmpint (rg_audit_window_export (audit, csv, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Зелёная копия.regulars"));
  rg_audit_window_set_text (audit, NULL);
  g_assert_cmpuint (rg_audit_window_get_n_rows (audit), ==, n_all + 1);

  /* Nothing matches: the empty state instead of an empty list. */
  rg_audit_window_set_text (audit, "no such row");
  g_assert_cmpuint (rg_audit_window_get_n_rows (audit), ==, 0);
  g_assert_cmpstr (rg_audit_window_get_state (audit), ==, "nothing-found");

  /* A master signs in: the log's window goes. */
  {
    gpointer weak = audit;

    g_object_add_weak_pointer (G_OBJECT (audit), &weak);
    sign_in (f, MASTER, "3456");
    test_spin (50);
    g_assert_null (weak);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!test_ui_init (&argc, &argv))
    return 77;

  g_test_add ("/roles-window/master", Fixture, NULL, fixture_set_up, test_master, fixture_tear_down);
  g_test_add ("/roles-window/administrator", Fixture, NULL, fixture_set_up, test_administrator, fixture_tear_down);
  g_test_add ("/roles-window/director", Fixture, NULL, fixture_set_up, test_director, fixture_tear_down);
  g_test_add ("/roles-window/audit-log", Fixture, NULL, fixture_set_up, test_audit_window, fixture_tear_down);

  return g_test_run ();
}
