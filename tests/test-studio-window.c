/* test-studio-window.c — the Studio window on a demo database: adding a
 * staff member with a lunch break, editing a service, archiving, reordering,
 * refusing bad input without writing, the empty state, and opening the
 * window from the main window's action.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"
#include "test-util-ui.h"


#include "demo/rg-generator.h"
#include "model/rg-record-list.h"
#include "model/rg-schedule.h"
#include "model/rg-custom-field.h"
#include "model/rg-money-settings.h"
#include "model/rg-product.h"
#include "model/rg-promotion.h"
#include "model/rg-studio-settings.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "widgets/studio/rg-hours-row.h"
#include "widgets/studio/rg-service-editor.h"
#include "widgets/studio/rg-service-row.h"
#include "widgets/studio/rg-staff-editor.h"
#include "widgets/studio/rg-staff-row.h"
#include "widgets/studio/rg-studio-window.h"
#include "model/rg-format.h"
#include "model/rg-studio-identity.h"
#include "widgets/studio/rg-studio-details.h"
#include "widgets/common/rg-spin-wheel.h"
#include "widgets/rg-window.h"

#define NOW ((gint64) 1795867200)   /* 2026-11-28 12:00 UTC */

static char *demo_path;

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static RgStudioWindow *
open_window (RgStudio *studio)
{
  RgStudioWindow *window = rg_studio_window_new (studio);

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* The editor the window shows, once it has slid in. */
static GtkWidget *
shown_editor (RgStudioWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, test_timeout_cb, &timed_out);
  GtkWidget *editor = NULL;

  while (!timed_out &&
         ((editor = rg_studio_window_get_editor (window)) == NULL || !gtk_widget_get_mapped (editor)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  return g_object_ref (editor);
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* The staff rows of a group of the window, in order. */
static GPtrArray *
staff_rows (RgStudioWindow *window,
            const char     *group)
{
  return find_all (template_child (window, RG_TYPE_STUDIO_WINDOW, group), RG_TYPE_STAFF_ROW);
}

static gboolean
has_staff_row (RgStudioWindow *window,
               const char     *group,
               RgStaff        *staff)
{
  g_autoptr(GPtrArray) rows = staff_rows (window, group);

  for (guint i = 0; i < rows->len; i++)
    if (rg_staff_row_get_staff (rows->pdata[i]) == staff)
      return TRUE;
  return FALSE;
}

static void
test_add_staff (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  gint64 n_staff = test_sql_int (store, "SELECT count(*) FROM staff WHERE ?1 = ?1", 0);
  g_autoptr(GPtrArray) hours_rows = NULL;
  g_autoptr(GPtrArray) rows_before = staff_rows (window, "staff_group");
  g_autoptr(GPtrArray) rows_after = NULL;
  g_autoptr(RgStaff) staff = NULL;
  GtkWidget *editor;
  GdkRGBA purple;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.add-staff", NULL));
  editor = shown_editor (window);
  g_assert_true (RG_IS_STAFF_EDITOR (editor));
  staff = g_object_ref (rg_staff_editor_get_staff (RG_STAFF_EDITOR (editor)));
  g_assert_cmpint (rg_record_get_id (RG_RECORD (staff)), ==, 0);

  gtk_editable_set_text (template_child (editor, RG_TYPE_STAFF_EDITOR, "name_row"), "Anna & Co");
  gtk_editable_set_text (template_child (editor, RG_TYPE_STAFF_EDITOR, "phone_row"), "+7 900 111-22-33");
  gdk_rgba_parse (&purple, "#9141ac");
  gtk_color_chooser_set_rgba (template_child (editor, RG_TYPE_STAFF_EDITOR, "color_button"), &purple);
  adw_combo_row_set_selected (template_child (editor, RG_TYPE_STAFF_EDITOR, "role_row"), RG_STAFF_ROLE_MASTER);

  /* Monday 10:00–19:00 by default; a lunch break makes 10:00–14:00 and
   * 15:00–19:00. Sunday is set by hand. */
  hours_rows = find_all (editor, RG_TYPE_HOURS_ROW);
  g_assert_cmpuint (hours_rows->len, ==, 7);
  g_assert_cmpint (rg_hours_row_get_weekday (hours_rows->pdata[0]), ==, 1);
  g_assert_true (gtk_widget_activate_action (hours_rows->pdata[0], "hours.add-break", NULL));
  {
    g_autoptr(GArray) spans = rg_hours_row_get_spans (hours_rows->pdata[0]);

    g_assert_cmpuint (spans->len, ==, 2);
    g_assert_cmpint (g_array_index (spans, RgSpan, 0).start_minute, ==, 600);
    g_assert_cmpint (g_array_index (spans, RgSpan, 0).end_minute, ==, 840);
    g_assert_cmpint (g_array_index (spans, RgSpan, 1).start_minute, ==, 900);
    g_assert_cmpint (g_array_index (spans, RgSpan, 1).end_minute, ==, 1140);
  }
  {
    RgSpan sunday[] = { { 660, 900 } };
    rg_hours_row_set_spans (hours_rows->pdata[6], sunday, G_N_ELEMENTS (sunday));
  }

  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));

  /* The store has the row and its hours. */
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff WHERE ?1 = ?1", 0), ==, n_staff + 1);
  id = rg_record_get_id (RG_RECORD (staff));
  g_assert_cmpint (id, !=, 0);
  {
    g_autofree char *name = test_sql_text (store, "SELECT display_name FROM staff WHERE id = ?1", id);
    g_autofree char *color = test_sql_text (store, "SELECT color FROM staff WHERE id = ?1", id);
    g_autofree char *role = test_sql_text (store, "SELECT role FROM staff WHERE id = ?1", id);
    g_autofree char *phone = test_sql_text (store, "SELECT phone FROM staff WHERE id = ?1", id);

    g_assert_cmpstr (name, ==, "Anna & Co");
    g_assert_cmpstr (color, ==, "#9141ac");
    g_assert_cmpstr (role, ==, "master");
    g_assert_cmpstr (phone, ==, "+7 900 111-22-33");
  }
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_hours WHERE staff_id = ?1 AND weekday = 1", id), ==, 2);
  g_assert_cmpint (test_sql_int (store, "SELECT min(start_minute) FROM staff_hours WHERE staff_id = ?1 AND weekday = 1", id), ==, 600);
  g_assert_cmpint (test_sql_int (store, "SELECT max(end_minute) FROM staff_hours WHERE staff_id = ?1 AND weekday = 1", id), ==, 1140);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_hours WHERE staff_id = ?1 AND weekday = 1 "
                                     "AND start_minute = 600 AND end_minute = 840", id), ==, 1);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_hours WHERE staff_id = ?1 AND weekday = 1 "
                                     "AND start_minute = 900 AND end_minute = 1140", id), ==, 1);
  /* Tuesday..Friday 10–19, Saturday off, Sunday 11–15. */
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_hours WHERE staff_id = ?1", id), ==, 2 + 4 + 1);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_hours WHERE staff_id = ?1 AND weekday = 6", id), ==, 0);
  g_assert_cmpint (test_sql_int (store, "SELECT start_minute FROM staff_hours WHERE staff_id = ?1 AND weekday = 7", id), ==, 660);

  /* The list shows the new person last, live. */
  rows_after = staff_rows (window, "staff_group");
  g_assert_cmpuint (rows_after->len, ==, rows_before->len + 1);
  g_assert_true (rg_staff_row_get_staff (rows_after->pdata[rows_after->len - 1]) == staff);
  g_assert_cmpstr (adw_preferences_row_get_title (rows_after->pdata[rows_after->len - 1]), ==, "Anna & Co");

  /* Edited again, the hours read back as saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.edit-staff", "x", id));
  g_clear_object (&editor);
  editor = shown_editor (window);
  g_clear_pointer (&hours_rows, g_ptr_array_unref);
  hours_rows = find_all (editor, RG_TYPE_HOURS_ROW);
  {
    g_autoptr(GArray) monday = rg_hours_row_get_spans (hours_rows->pdata[0]);
    g_autoptr(GArray) saturday = rg_hours_row_get_spans (hours_rows->pdata[5]);

    g_assert_cmpuint (monday->len, ==, 2);
    g_assert_cmpuint (saturday->len, ==, 0);
  }

  /* Days off ahead: three days of vacation, then one removed. The hours,
   * unchanged, are not written again. */
  {
    gint64 min_hours_id = test_sql_int (store, "SELECT min(id) FROM staff_hours WHERE staff_id = ?1", id);
    gint64 max_hours_id = test_sql_int (store, "SELECT max(id) FROM staff_hours WHERE staff_id = ?1", id);

    GtkCalendar *calendar = template_child (editor, RG_TYPE_STAFF_EDITOR, "day_off_calendar");
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) day = g_date_time_add_days (now, 10);
    RgDate first = { g_date_time_get_year (day), g_date_time_get_month (day), g_date_time_get_day_of_month (day) };
    g_autofree char *iso = rg_date_to_iso (first);

    gtk_calendar_select_day (calendar, day);
    gtk_spin_button_set_value (template_child (editor, RG_TYPE_STAFF_EDITOR, "day_off_length"), 3);
    gtk_editable_set_text (template_child (editor, RG_TYPE_STAFF_EDITOR, "day_off_reason"), "Vacation");
    g_assert_true (gtk_widget_activate_action (editor, "editor.add-days-off", NULL));
    g_assert_true (gtk_widget_activate_action (editor, "editor.remove-days-off", "(ss)", iso, iso));
    g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));

    g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_days_off WHERE staff_id = ?1", id), ==, 2);
    g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_days_off WHERE staff_id = ?1 "
                                       "AND reason = 'Vacation'", id), ==, 2);
    g_assert_cmpint (test_sql_int (store, "SELECT min(id) FROM staff_hours WHERE staff_id = ?1", id), ==, min_hours_id);
    g_assert_cmpint (test_sql_int (store, "SELECT max(id) FROM staff_hours WHERE staff_id = ?1", id), ==, max_hours_id);
  }

  g_clear_object (&editor);
  test_destroy_window (window);
}

static RgService *
first_service (RgStudio *studio)
{
  g_autoptr(RgRecordList) services = rg_record_list_new_services (studio, FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (services)), >, 0);
  return g_list_model_get_item (G_LIST_MODEL (services), 0);
}

static void
test_edit_service (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  g_autoptr(RgService) service = first_service (studio);
  gint64 id = rg_record_get_id (RG_RECORD (service));
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *editor;
  gboolean shown = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.edit-service", "x", id));
  editor = shown_editor (window);
  g_assert_true (RG_IS_SERVICE_EDITOR (editor));
  g_assert_true (rg_service_editor_get_service (RG_SERVICE_EDITOR (editor)) == service);

  gtk_editable_set_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "name_row"), "Renamed <service>");
  gtk_editable_set_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "price_row"), "1,234.50");
  gtk_spin_button_set_value (template_child (editor, RG_TYPE_SERVICE_EDITOR, "duration_spin"), 95);
  gtk_spin_button_set_value (template_child (editor, RG_TYPE_SERVICE_EDITOR, "repeat_spin"), 0);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));

  {
    g_autofree char *name = test_sql_text (store, "SELECT name FROM services WHERE id = ?1", id);

    g_assert_cmpstr (name, ==, "Renamed <service>");
  }
  g_assert_cmpint (test_sql_int (store, "SELECT price FROM services WHERE id = ?1", id), ==, 123450);
  g_assert_cmpint (test_sql_int (store, "SELECT duration_minutes FROM services WHERE id = ?1", id), ==, 95);
  g_assert_cmpint (test_sql_int (store, "SELECT repeat_days IS NULL FROM services WHERE id = ?1", id), ==, 1);
  g_assert_cmpstr (rg_service_get_name (service), ==, "Renamed <service>");

  /* The row shows the new name, as text. */
  rows = find_all (GTK_WIDGET (window), RG_TYPE_SERVICE_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (rg_service_row_get_service (rows->pdata[i]) == service)
      {
        g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==, "Renamed <service>");
        shown = TRUE;
      }
  g_assert_true (shown);

  /* A new category moves it to a group of its own, live. */
  g_clear_object (&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.edit-service", "x", id));
  editor = shown_editor (window);
  g_assert_true (gtk_widget_activate_action (editor, "editor.set-category", "s", "Zzz & more"));
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_spin (100);
  {
    g_autoptr(GPtrArray) groups = find_all (template_child (window, RG_TYPE_STUDIO_WINDOW, "services_page"),
                                            ADW_TYPE_PREFERENCES_GROUP);
    gboolean found = FALSE;

    g_assert_cmpstr (rg_service_get_category (service), ==, "Zzz & more");
    for (guint i = 0; i < groups->len; i++)
      /* The title is markup; what reads back is the text shown. */
      if (g_strcmp0 (adw_preferences_group_get_title (groups->pdata[i]), "Zzz & more") == 0)
        {
          g_autoptr(GPtrArray) in_group = find_all (groups->pdata[i], RG_TYPE_SERVICE_ROW);

          g_assert_cmpuint (in_group->len, ==, 1);
          g_assert_true (rg_service_row_get_service (in_group->pdata[0]) == service);
          found = TRUE;
        }
    g_assert_true (found);
  }

  /* A new service. */
  g_clear_object (&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.add-service", NULL));
  editor = shown_editor (window);
  gtk_editable_set_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "name_row"), "Head massage");
  gtk_editable_set_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "category_row"), "Spa");
  /* Enter in the name or the category goes on to the next field; it does
   * not add the service with a length and price nobody chose. */
  {
    gint64 before = test_sql_int (store, "SELECT count(*) FROM services WHERE ?1 = ?1", 0);
    GtkWidget *focus;

    g_signal_emit_by_name (template_child (editor, RG_TYPE_SERVICE_EDITOR, "name_row"), "entry-activated");
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus && gtk_widget_is_ancestor (focus, template_child (editor, RG_TYPE_SERVICE_EDITOR, "category_row")));
    g_signal_emit_by_name (template_child (editor, RG_TYPE_SERVICE_EDITOR, "category_row"), "entry-activated");
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus && (focus == template_child (editor, RG_TYPE_SERVICE_EDITOR, "duration_spin") ||
                             gtk_widget_is_ancestor (focus, template_child (editor, RG_TYPE_SERVICE_EDITOR, "duration_spin"))));
    g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM services WHERE ?1 = ?1", 0), ==, before);
    g_assert_cmpint (rg_record_get_id (RG_RECORD (rg_service_editor_get_service (RG_SERVICE_EDITOR (editor)))), ==, 0);
  }
  gtk_editable_set_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "price_row"), "700");
  gtk_spin_button_set_value (template_child (editor, RG_TYPE_SERVICE_EDITOR, "duration_spin"), 30);
  gtk_spin_button_set_value (template_child (editor, RG_TYPE_SERVICE_EDITOR, "repeat_spin"), 14);
  /* Enter in the price, the last field, adds it. */
  g_signal_emit_by_name (template_child (editor, RG_TYPE_SERVICE_EDITOR, "price_row"), "entry-activated");
  {
    RgService *added = rg_service_editor_get_service (RG_SERVICE_EDITOR (editor));
    gint64 added_id = rg_record_get_id (RG_RECORD (added));

    g_assert_cmpint (added_id, !=, 0);
    g_assert_cmpint (test_sql_int (store, "SELECT price FROM services WHERE id = ?1", added_id), ==, 70000);
    g_assert_cmpint (test_sql_int (store, "SELECT repeat_days FROM services WHERE id = ?1", added_id), ==, 14);
    g_assert_cmpint (test_sql_int (store, "SELECT duration_minutes FROM services WHERE id = ?1", added_id), ==, 30);
  }

  g_clear_object (&editor);
  test_destroy_window (window);
}

static void
test_archive_and_move_staff (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  g_autoptr(GPtrArray) rows = staff_rows (window, "staff_group");
  g_autoptr(RgStaff) first = NULL;
  g_autoptr(RgStaff) second = NULL;
  gint64 id;

  g_assert_cmpuint (rows->len, >=, 3);
  first = g_object_ref (rg_staff_row_get_staff (rows->pdata[0]));
  second = g_object_ref (rg_staff_row_get_staff (rows->pdata[1]));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Down one: the second is first now, in the store and on screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.move-staff-down", "x",
                                             rg_record_get_id (RG_RECORD (first))));
  rows = staff_rows (window, "staff_group");
  g_assert_true (rg_staff_row_get_staff (rows->pdata[0]) == second);
  g_assert_true (rg_staff_row_get_staff (rows->pdata[1]) == first);
  g_assert_cmpint (test_sql_int (store, "SELECT position FROM staff WHERE id = ?1", rg_record_get_id (RG_RECORD (second))),
                   <,
                   test_sql_int (store, "SELECT position FROM staff WHERE id = ?1", rg_record_get_id (RG_RECORD (first))));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Archived: out of the staff group, into the archived one. */
  id = rg_record_get_id (RG_RECORD (first));
  g_assert_true (has_staff_row (window, "staff_group", first));
  g_assert_false (gtk_widget_get_visible (template_child (window, RG_TYPE_STUDIO_WINDOW, "archived_staff_group")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.archive-staff", "x", id));
  g_assert_cmpint (test_sql_int (store, "SELECT archived FROM staff WHERE id = ?1", id), ==, 1);
  g_assert_false (has_staff_row (window, "staff_group", first));
  g_assert_true (has_staff_row (window, "archived_staff_group", first));
  g_assert_true (gtk_widget_get_visible (template_child (window, RG_TYPE_STUDIO_WINDOW, "archived_staff_group")));

  /* Restored (as the toast's Undo does). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.restore-staff", "x", id));
  g_assert_cmpint (test_sql_int (store, "SELECT archived FROM staff WHERE id = ?1", id), ==, 0);
  g_assert_true (has_staff_row (window, "staff_group", first));
  g_assert_false (has_staff_row (window, "archived_staff_group", first));

  /* Archived again; Ctrl+Z (studio.undo) restores, once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.archive-staff", "x", id));
  g_assert_cmpint (test_sql_int (store, "SELECT archived FROM staff WHERE id = ?1", id), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.undo", NULL));
  g_assert_cmpint (test_sql_int (store, "SELECT archived FROM staff WHERE id = ?1", id), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.archive-staff", "x", id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.restore-staff", "x", id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.undo", NULL));
  g_assert_cmpint (test_sql_int (store, "SELECT archived FROM staff WHERE id = ?1", id), ==, 0);

  test_destroy_window (window);
}

/* Answers the confirmation the window put up. */
static void
respond (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        dialog = ADW_MESSAGE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_delete (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  g_autoptr(RgStaff) unused = rg_staff_new ("Added by mistake", RG_STAFF_ROLE_MASTER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RgStaff *busy;
  gint64 unused_id, busy_id;
  RgSpan span = { 600, 1200 };

  g_assert_true (rg_studio_save (studio, unused, &error));
  g_assert_no_error (error);
  unused_id = rg_record_get_id (RG_RECORD (unused));
  g_assert_true (rg_schedule_set_hours (store, unused_id, 1, &span, 1, &error));
  g_assert_no_error (error);
  g_assert_true (has_staff_row (window, "staff_group", unused));

  /* Cancelled, nothing happens; confirmed, the person and their hours go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.delete-staff", "x", unused_id));
  respond ("cancel");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff WHERE id = ?1", unused_id), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.delete-staff", "x", unused_id));
  respond ("delete");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff WHERE id = ?1", unused_id), ==, 0);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_hours WHERE staff_id = ?1", unused_id), ==, 0);
  g_assert_false (has_staff_row (window, "staff_group", unused));

  /* Someone with appointments stays (the toast says to archive). */
  rows = staff_rows (window, "staff_group");
  busy = rg_staff_row_get_staff (rows->pdata[0]);
  busy_id = rg_record_get_id (RG_RECORD (busy));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE staff_id = ?1", busy_id), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.delete-staff", "x", busy_id));
  respond ("delete");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff WHERE id = ?1", busy_id), ==, 1);
  g_assert_true (has_staff_row (window, "staff_group", busy));

  g_clear_pointer (&rows, g_ptr_array_unref);
  test_destroy_window (window);
}

static void
test_refuse_bad_input (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  g_autoptr(RgService) service = first_service (studio);
  gint64 id = rg_record_get_id (RG_RECORD (service));
  g_autofree char *old_name = g_strdup (rg_service_get_name (service));
  gint64 old_updated = test_sql_int (store, "SELECT updated_at FROM services WHERE id = ?1", id);
  gint64 n_staff = test_sql_int (store, "SELECT count(*) FROM staff WHERE ?1 = ?1", 0);
  gint64 n_hours = test_sql_int (store, "SELECT count(*) FROM staff_hours WHERE ?1 = ?1", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hours_rows = NULL;
  GtkWidget *editor, *name_row, *phone_row;

  /* A staff member without a name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.add-staff", NULL));
  editor = shown_editor (window);
  name_row = template_child (editor, RG_TYPE_STAFF_EDITOR, "name_row");
  phone_row = template_child (editor, RG_TYPE_STAFF_EDITOR, "phone_row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "+7 900 000-00-01");
  g_assert_false (rg_staff_editor_save (RG_STAFF_EDITOR (editor), &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff WHERE ?1 = ?1", 0), ==, n_staff);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_hours WHERE ?1 = ?1", 0), ==, n_hours);
  /* Nothing typed is lost; the editor is still open. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone_row)), ==, "+7 900 000-00-01");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_true (rg_studio_window_get_editor (window) == editor);

  /* Overlapping hours: refused before anything is written. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Olga");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  hours_rows = find_all (editor, RG_TYPE_HOURS_ROW);
  {
    RgSpan bad[] = { { 600, 900 }, { 840, 1000 } };
    rg_hours_row_set_spans (hours_rows->pdata[2], bad, G_N_ELEMENTS (bad));
  }
  g_assert_false (rg_staff_editor_save (RG_STAFF_EDITOR (editor), &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff WHERE ?1 = ?1", 0), ==, n_staff);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM staff_hours WHERE ?1 = ?1", 0), ==, n_hours);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Olga");
  g_clear_object (&editor);
  g_clear_pointer (&hours_rows, g_ptr_array_unref);

  /* A service with no duration, and one with a price that is no number:
   * nothing written, the live record as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.edit-service", "x", id));
  editor = shown_editor (window);
  gtk_editable_set_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "name_row"), "Should not be saved");
  gtk_spin_button_set_value (template_child (editor, RG_TYPE_SERVICE_EDITOR, "duration_spin"), 0);
  g_assert_false (rg_service_editor_save (RG_SERVICE_EDITOR (editor), &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rg_service_get_name (service), ==, old_name);
  {
    g_autofree char *name = test_sql_text (store, "SELECT name FROM services WHERE id = ?1", id);
    g_assert_cmpstr (name, ==, old_name);
  }
  g_assert_cmpint (test_sql_int (store, "SELECT updated_at FROM services WHERE id = ?1", id), ==, old_updated);
  g_assert_cmpstr (gtk_editable_get_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "name_row")), ==,
                   "Should not be saved");

  gtk_spin_button_set_value (template_child (editor, RG_TYPE_SERVICE_EDITOR, "duration_spin"), 60);
  gtk_editable_set_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "price_row"), "12.345");
  g_assert_false (rg_service_editor_save (RG_SERVICE_EDITOR (editor), &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rg_service_get_name (service), ==, old_name);
  g_assert_cmpint (test_sql_int (store, "SELECT updated_at FROM services WHERE id = ?1", id), ==, old_updated);

  /* An empty service name too, through the action, as Save does. */
  gtk_editable_set_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "price_row"), "100");
  gtk_editable_set_text (template_child (editor, RG_TYPE_SERVICE_EDITOR, "name_row"), "");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_cmpstr (rg_service_get_name (service), ==, old_name);
  g_assert_cmpint (test_sql_int (store, "SELECT updated_at FROM services WHERE id = ?1", id), ==, old_updated);

  g_clear_object (&editor);
  test_destroy_window (window);
}

static void
test_empty_studio (void)
{
  g_autofree char *dir = g_dir_make_tmp ("regulars-empty-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  RgStudio *studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  RgStudioWindow *window = open_window (studio);

  g_assert_true (gtk_widget_get_visible (template_child (window, RG_TYPE_STUDIO_WINDOW, "staff_empty_group")));
  g_assert_false (gtk_widget_get_visible (template_child (window, RG_TYPE_STUDIO_WINDOW, "staff_group")));
  g_assert_true (gtk_widget_get_visible (template_child (window, RG_TYPE_STUDIO_WINDOW, "services_empty_group")));

  /* The first person written anywhere ends the empty state. */
  {
    g_autoptr(RgStaff) staff = rg_staff_new ("Maria", RG_STAFF_ROLE_MASTER);
    g_autoptr(GError) error = NULL;

    g_assert_true (rg_studio_save (studio, staff, &error));
    g_assert_no_error (error);
  }
  g_assert_false (gtk_widget_get_visible (template_child (window, RG_TYPE_STUDIO_WINDOW, "staff_empty_group")));
  g_assert_true (gtk_widget_get_visible (template_child (window, RG_TYPE_STUDIO_WINDOW, "staff_group")));

  test_destroy_window (window);
  g_assert_finalize_object (studio);

  test_remove_tree (dir);
}

static void
test_opened_from_main_window (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  RgStudioWindow *studio_window = NULL;
  GListModel *toplevels;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.studio", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (RG_IS_STUDIO_WINDOW (item))
        studio_window = RG_STUDIO_WINDOW (item);
    }
  g_assert_nonnull (studio_window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (studio_window)) == GTK_WINDOW (window));
  g_assert_true (rg_studio_window_get_studio (studio_window) == studio);

  test_destroy_window (studio_window);
  test_destroy_window (window);
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

/* The Client Card page: a choice field added (options split at commas)
 * and removed again (archived, its values kept); a contraindication added. */
static void
test_card_settings (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  GtkWidget *page, *row, *trash = NULL;
  gint64 id;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "card");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  g_assert_nonnull (page);

  gtk_editable_set_text (GTK_EDITABLE (test_find_row (page, "Name")), "Тип волос");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (page, "Kind")), RG_FIELD_CHOICE);
  row = test_find_row (page, "Options, separated by commas");
  g_assert_true (gtk_widget_get_visible (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "Прямые, Вьющиеся,Кудрявые");
  g_signal_emit_by_name (find_button (page, "_Add Field"), "clicked");

  id = test_sql_int (store, "SELECT id FROM custom_fields WHERE name = 'Тип волос' AND kind = 'choice'", 0);
  g_assert_cmpint (id, !=, 0);
  {
    g_autofree char *choices = test_sql_text (store, "SELECT choices FROM custom_fields WHERE id = ?1", id);
    g_assert_cmpstr (choices, ==, "Прямые\nВьющиеся\nКудрявые");
  }
  row = test_find_row (page, "Тип волос");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (page, "Name"))), ==, "");

  /* Removed: archived, off the page. */
  trash = test_find_child (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (trash);
  g_signal_emit_by_name (trash, "clicked");
  g_assert_cmpint (test_sql_int (store, "SELECT archived FROM custom_fields WHERE id = ?1", id), ==, 1);
  g_assert_null (test_find_row (page, "Тип волос"));

  /* A contraindication of the studio's own. */
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (page, "New allergy or contraindication")), "Кардиостимулятор");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (gtk_widget_get_parent (test_find_row (page, "New allergy or contraindication")), "Kind")), 1);
  g_signal_emit_by_name (find_button (page, "A_dd"), "clicked");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM conditions WHERE name = 'Кардиостимулятор' "
                                        "AND kind = 'contraindication'", 0), ==, 1);
  g_assert_nonnull (test_find_row (page, "Кардиостимулятор"));

  /* Whom to call: the numbers kept as the studio's settings (money in minor units). */
  {
    GtkSpinButton *gift = GTK_SPIN_BUTTON (test_find_child (test_find_row (page, "Birthday Gift After Spending"),
                                                            GTK_TYPE_SPIN_BUTTON));
    GtkSpinButton *days = GTK_SPIN_BUTTON (test_find_child (test_find_row (page, "Birthdays Ahead, Days"),
                                                            GTK_TYPE_SPIN_BUTTON));
    g_autofree char *gift_value = NULL;
    g_autofree char *days_value = NULL;

    g_assert_cmpfloat (gtk_spin_button_get_value (gift), ==, 5000);
    gtk_spin_button_set_value (gift, 7000);
    gtk_spin_button_set_value (days, 14);
    gift_value = rg_store_get_setting (store, "gift-threshold");
    days_value = rg_store_get_setting (store, "birthday-days");
    g_assert_cmpstr (gift_value, ==, "700000");
    g_assert_cmpstr (days_value, ==, "14");
  }

  /* The call script: changed, kept; the default again, forgotten. */
  {
    GtkTextView *view = GTK_TEXT_VIEW (test_find_child (page, GTK_TYPE_TEXT_VIEW));
    g_autofree char *kept = NULL;

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Здравствуйте, {name}!", -1);
    g_signal_emit_by_name (find_button (page, "_Keep the Script"), "clicked");
    kept = rg_store_get_setting (store, "call-script");
    g_assert_cmpstr (kept, ==, "Здравствуйте, {name}!");
    g_signal_emit_by_name (find_button (page, "_Default Script"), "clicked");
    g_clear_pointer (&kept, g_free);
    kept = rg_store_get_setting (store, "call-script");
    g_assert_null (kept);
  }

  test_destroy_window (GTK_WINDOW (window));
}

/* The Products and Discounts pages and the staff editor's pay, through the
 * widgets, read back through the model: a product added (and one with a
 * price that is not a number refused, what was typed kept), a card tier
 * added (and one with a threshold taken refused), the cap, who pays for a
 * discount, a promotion above the cap, a master's rates. */
static void
test_money_settings (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  g_autoptr(RgRecordList) products = rg_record_list_new_products (studio, TRUE);
  g_autoptr(GArray) tiers = NULL;
  GtkWidget *page, *group, *add;
  RgProduct *product = NULL;
  guint n_products = g_list_model_get_n_items (G_LIST_MODEL (products));
  guint n_tiers;

  /* Products. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "products");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  add = find_button (page, "_Add Product");
  g_assert_nonnull (add);
  group = gtk_widget_get_ancestor (add, ADW_TYPE_PREFERENCES_GROUP);
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Name")), "Кондиционер <Pro>");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Price")), "390");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Purchase Cost")), "300,50");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Sales Commission, %")), "7.5");
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, n_products + 1);
  for (guint i = 0; i < n_products + 1; i++)
    {
      g_autoptr(RgProduct) item = g_list_model_get_item (G_LIST_MODEL (products), i);

      if (g_strcmp0 (rg_product_get_name (item), "Кондиционер <Pro>") == 0)
        product = item;
    }
  g_assert_nonnull (product);
  g_assert_cmpint (rg_product_get_price (product), ==, 39000);
  g_assert_cmpint (rg_product_get_cost (product), ==, 30050);
  g_assert_cmpint (rg_product_get_commission (product), ==, 750);
  g_assert_nonnull (test_find_row (page, "Кондиционер <Pro>"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (group, "Name"))), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Name")), "Шампунь");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Price")), "abc");
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, n_products + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (group, "Name"))), ==, "Шампунь");
  g_assert_true (gtk_widget_has_css_class (test_find_row (group, "Price"), "error"));

  /* Edited in place, then archived (out of the catalogue, in the archived group). */
  {
    GtkWidget *row = test_find_row (page, "Кондиционер <Pro>");

    gtk_editable_set_text (GTK_EDITABLE (test_find_row (row, "Price")), "400");
    g_signal_emit_by_name (find_button (row, "_Save"), "clicked");
    g_assert_cmpint (rg_product_get_price (product), ==, 40000);
    g_assert_cmpint (test_sql_int (store, "SELECT price FROM products WHERE id = ?1",
                                   rg_record_get_id (RG_RECORD (product))), ==, 40000);
    g_signal_emit_by_name (find_button (row, "_Archive"), "clicked");
    g_assert_true (rg_product_get_archived (product));
    g_assert_nonnull (find_button (page, "_Restore"));
  }

  /* Card tiers. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "discounts");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  tiers = rg_studio_list_card_tiers (studio, NULL);
  n_tiers = tiers->len;
  g_clear_pointer (&tiers, g_array_unref);
  add = find_button (page, "Add _Tier");
  group = gtk_widget_get_ancestor (add, ADW_TYPE_PREFERENCES_GROUP);
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Tier Name")), "Diamond");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Spend Threshold")), "250 000");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Tier Discount, %")), "22.5");
  g_signal_emit_by_name (add, "clicked");
  tiers = rg_studio_list_card_tiers (studio, NULL);
  g_assert_cmpuint (tiers->len, ==, n_tiers + 1);
  g_assert_cmpstr (g_array_index (tiers, RgCardTier, tiers->len - 1).name, ==, "Diamond");
  g_assert_cmpint (g_array_index (tiers, RgCardTier, tiers->len - 1).threshold, ==, 25000000);
  g_assert_cmpint (g_array_index (tiers, RgCardTier, tiers->len - 1).percent, ==, 2250);
  g_clear_pointer (&tiers, g_array_unref);
  g_assert_nonnull (test_find_row (page, "Diamond"));

  /* The same threshold again: refused, the list as it was. */
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Tier Name")), "Copy");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Spend Threshold")), "250000");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (group, "Tier Discount, %")), "1");
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM card_tiers", 0), ==, n_tiers + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (group, "Tier Name"))), ==, "Copy");

  /* Silver edited in place: 8 %. */
  {
    GtkWidget *silver = test_find_row (page, "Silver");

    g_assert_nonnull (silver);
    gtk_editable_set_text (GTK_EDITABLE (test_find_row (silver, "Tier Discount, %")), "8");
    g_signal_emit_by_name (find_button (silver, "_Save"), "clicked");
    g_assert_cmpint (test_sql_int (store, "SELECT percent FROM card_tiers WHERE name = 'Silver'", 0), ==, 800);
    g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM card_tiers", 0), ==, n_tiers + 1);
  }

  /* The cap, and who pays for a discount. */
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (page, "Cap on a Line’s Discounts, %")), "12.5");
  g_signal_emit_by_name (test_find_row (page, "Cap on a Line’s Discounts, %"), "apply");
  g_assert_cmpint (rg_studio_get_number (studio, RG_STUDIO_DISCOUNT_CAP), ==, 1250);
  {
    GtkWidget *row = test_find_row (page, "Masters’ Pay Is Counted from the Price After the Discount");
    GtkSwitch *toggle = GTK_SWITCH (test_find_child (row, GTK_TYPE_SWITCH));

    g_assert_true (gtk_switch_get_active (toggle));
    gtk_switch_set_active (toggle, FALSE);
    g_assert_cmpint (rg_studio_get_number (studio, RG_STUDIO_PAY_AFTER_DISCOUNT), ==, 0);
  }

  /* A promotion above the cap: the form says so, and it is kept as typed. */
  {
    GtkWidget *form = test_find_row (page, "New Promotion");
    GtkWidget *note = NULL;
    g_autoptr(GPtrArray) labels = NULL;

    gtk_editable_set_text (GTK_EDITABLE (test_find_row (form, "Name")), "Winter");
    gtk_editable_set_text (GTK_EDITABLE (test_find_row (form, "First Day")), "2026-12-01");
    gtk_editable_set_text (GTK_EDITABLE (test_find_row (form, "Last Day")), "2026-12-31");
    gtk_editable_set_text (GTK_EDITABLE (test_find_row (form, "Discount, %")), "30");
    labels = find_all (form, ADW_TYPE_ACTION_ROW);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_has_css_class (labels->pdata[i], "warning"))
        note = labels->pdata[i];
    g_assert_nonnull (note);
    g_assert_true (gtk_widget_get_visible (note));
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (note)), "12.5"));
    gtk_switch_set_active (GTK_SWITCH (test_find_child (test_find_row (form, "All Services"), GTK_TYPE_SWITCH)), TRUE);
    g_signal_emit_by_name (find_button (form, "_Add Promotion"), "clicked");
    g_assert_cmpint (test_sql_int (store, "SELECT percent FROM promotions WHERE name = 'Winter' AND all_services = 1 "
                                          "AND starts_on = '2026-12-01' AND ends_on = '2026-12-31'", 0), ==, 3000);
    g_assert_nonnull (test_find_row (page, "Winter"));
  }

  /* A master's pay: their rate, a fixed amount, and a rate for one service. */
  {
    g_autoptr(RgRecordList) staff = rg_record_list_new_staff (studio, FALSE);
    g_autoptr(RgStaff) master = g_list_model_get_item (G_LIST_MODEL (staff), 0);
    gint64 id = rg_record_get_id (RG_RECORD (master));
    g_autoptr(GtkWidget) editor = NULL;
    g_autoptr(GArray) rates = NULL;
    g_autoptr(GError) error = NULL;
    GtkWidget *rates_group;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.edit-staff", "x", id));
    editor = shown_editor (window);
    gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, "Pay Rate, %")), "40");
    gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, "Fixed Pay per Visit")), "100");
    rates_group = template_child (editor, RG_TYPE_STAFF_EDITOR, "rates_group");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (test_find_child (rates_group, GTK_TYPE_DROP_DOWN)), 0);
    gtk_editable_set_text (GTK_EDITABLE (test_find_child (test_find_row (rates_group, "Another Rate"), GTK_TYPE_ENTRY)),
                           "30");
    g_assert_true (gtk_widget_activate_action (editor, "editor.add-rate", NULL));
    if (g_getenv ("REGULARS_TEST_SHOTS"))
      {
        gtk_window_set_default_size (GTK_WINDOW (window), 800, 1700);
        test_spin (400);
        test_save_shot (GTK_WIDGET (window), "studio-staff-pay");
      }
    g_assert_true (rg_staff_editor_save (RG_STAFF_EDITOR (editor), &error));
    g_assert_no_error (error);
    g_assert_cmpint (test_sql_int (store, "SELECT pay_rate FROM staff WHERE id = ?1", id), ==, 4000);
    g_assert_cmpint (test_sql_int (store, "SELECT pay_per_visit FROM staff WHERE id = ?1", id), ==, 10000);
    rates = rg_studio_list_staff_rates (studio, id, &error);
    g_assert_cmpuint (rates->len, ==, 1);
    g_assert_cmpint (g_array_index (rates, RgServiceRate, 0).pay_rate, ==, 3000);

    /* A room earns nothing: no pay to fill in. */
    g_assert_true (gtk_widget_get_visible (template_child (editor, RG_TYPE_STAFF_EDITOR, "pay_group")));
    adw_combo_row_set_selected (template_child (editor, RG_TYPE_STAFF_EDITOR, "role_row"), RG_STAFF_ROLE_RESOURCE);
    g_assert_false (gtk_widget_get_visible (template_child (editor, RG_TYPE_STAFF_EDITOR, "pay_group")));
    g_assert_false (gtk_widget_get_visible (rates_group));
    adw_combo_row_set_selected (template_child (editor, RG_TYPE_STAFF_EDITOR, "role_row"), RG_STAFF_ROLE_MASTER);
  }

  /* A service's materials cost. */
  {
    g_autoptr(RgRecordList) services = rg_record_list_new_services (studio, FALSE);
    g_autoptr(RgService) service = g_list_model_get_item (G_LIST_MODEL (services), 0);
    gint64 id = rg_record_get_id (RG_RECORD (service));
    g_autoptr(GtkWidget) editor = NULL;
    gint64 before = test_sql_int (store, "SELECT materials_cost FROM services WHERE id = ?1", id);

    g_assert_cmpint (before, !=, 15025);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.edit-service", "x", id));
    editor = shown_editor (window);
    gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, "Materials Cost")), "-5");
    g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
    g_assert_cmpint (test_sql_int (store, "SELECT materials_cost FROM services WHERE id = ?1", id), ==, before);
    gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, "Materials Cost")), "150.25");
    g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
    g_assert_cmpint (test_sql_int (store, "SELECT materials_cost FROM services WHERE id = ?1", id), ==, 15025);
  }

  /* For a look at the pages: light and dark, 800 pixels wide. */
  if (g_getenv ("REGULARS_TEST_SHOTS"))
    {
      AdwStyleManager *style = adw_style_manager_get_default ();
      static const char * const pages[] = { "products", "discounts" };

      adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (window));
      gtk_window_set_default_size (GTK_WINDOW (window), 800, 1700);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (test_find_row (page, "Winter")), TRUE);
      for (int dark = 0; dark < 2; dark++)
        {
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
          for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
            {
              g_autofree char *name = g_strdup_printf ("studio-%s-%s", pages[i], dark ? "dark" : "light");

              adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), pages[i]);
              test_spin (400);
              test_save_shot (GTK_WIDGET (window), name);
            }
        }
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    }

  test_destroy_window (GTK_WINDOW (window));
}

/* A day off on a day a master has bookings names them at once, and the
 * day's row keeps a warning with them. */
static void
test_day_off_with_bookings (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  g_autoptr(GtkWidget) editor = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *client = NULL;
  g_autofree char *sql = NULL;
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 booking, staff_id, starts_at;
  RgDate date;
  guint n;

  booking = test_sql_int (store, "SELECT id FROM appointments WHERE starts_at > ?1 AND deleted_at IS NULL"
                                 " AND status IN ('booked', 'confirmed') ORDER BY starts_at LIMIT 1",
                          rg_store_now () + 2 * 86400);
  g_assert_cmpint (booking, !=, 0);
  staff_id = test_sql_int (store, "SELECT staff_id FROM appointments WHERE id = ?1", booking);
  starts_at = test_sql_int (store, "SELECT starts_at FROM appointments WHERE id = ?1", booking);
  client = test_sql_text (store, "SELECT c.address_as FROM appointments a JOIN clients c ON c.id = a.client_id"
                                 " WHERE a.id = ?1", booking);
  date = rg_date_from_time (starts_at);
  sql = g_strdup_printf ("SELECT count(*) FROM appointments WHERE staff_id = ?1 AND deleted_at IS NULL"
                         " AND status IN ('booked', 'confirmed', 'arrived') AND starts_at >= %" G_GINT64_FORMAT
                         " AND starts_at < %" G_GINT64_FORMAT, rg_date_start (date), rg_date_end (date));
  n = test_sql_int (store, sql, staff_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.edit-staff", "x", staff_id));
  editor = shown_editor (window);
  day = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);
  gtk_calendar_select_day (template_child (editor, RG_TYPE_STAFF_EDITOR, "day_off_calendar"), day);
  gtk_spin_button_set_value (template_child (editor, RG_TYPE_STAFF_EDITOR, "day_off_length"), 1);
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-days-off", NULL));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        dialog = ADW_MESSAGE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  test_save_shot (GTK_WIDGET (dialog), "day-off-with-bookings");
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), n == 1 ? "Has a Booking" : "Has Bookings"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), client));
  respond ("ok");
  {
    g_autoptr(GPtrArray) rows = find_all (editor, ADW_TYPE_ACTION_ROW);
    guint warned = 0;

    for (guint i = 0; i < rows->len; i++)
      warned += gtk_widget_has_css_class (rows->pdata[i], "has-bookings");
    g_assert_cmpuint (warned, ==, 1);
  }

  /* Saved all the same: a day off does not cancel anyone. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE id = ?1"
                                        " AND status IN ('booked', 'confirmed')", booking), ==, 1);

  test_destroy_window (window);
}

/* The wheel over a spin button scrolls the page unless the keyboard is in
 * the spin button; a time does not change under a scrolling pointer. */
static void
test_wheel_scrolls_page (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  g_autoptr(GtkWidget) editor = NULL;
  g_autoptr(GPtrArray) spins = NULL;
  GtkSpinButton *spin = NULL;
  GtkEventController *controller;
  GtkAdjustment *page;
  double value, before;
  gboolean handled = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "studio.edit-staff", "x",
                                             test_sql_int (store, "SELECT min(staff_id) FROM staff_hours"
                                                                  " WHERE ?1 = ?1", 0)));
  editor = shown_editor (window);
  /* Open the first working day's hours. */
  {
    g_autoptr(GPtrArray) days = find_all (editor, RG_TYPE_HOURS_ROW);

    for (guint i = 0; i < days->len; i++)
      if (adw_expander_row_get_enable_expansion (days->pdata[i]))
        {
          adw_expander_row_set_expanded (days->pdata[i], TRUE);
          break;
        }
  }
  /* The row opens with an animation: wait for its spin buttons (a loaded
   * machine takes longer than the animation's 250 ms). */
  for (int waited = 0; spin == NULL && waited < 5000; waited += 50)
    {
      test_spin (50);
      spins = find_all (editor, GTK_TYPE_SPIN_BUTTON);
      for (guint i = 0; i < spins->len && spin == NULL; i++)
        if (gtk_widget_get_mapped (spins->pdata[i]))
          spin = spins->pdata[i];
      g_clear_pointer (&spins, g_ptr_array_unref);
    }
  g_assert_nonnull (spin);
  controller = g_object_get_data (G_OBJECT (spin), RG_SPIN_WHEEL_CONTROLLER);
  g_assert_nonnull (controller);
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (spin),
                                                                                          GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (page) - gtk_adjustment_get_page_size (page), >, 50);
  gtk_adjustment_set_value (page, 0);
  value = gtk_spin_button_get_value (spin);

  /* The pointer over it, the keyboard elsewhere: the page moves. */
  gtk_widget_grab_focus (template_child (editor, RG_TYPE_STAFF_EDITOR, "name_row"));
  before = gtk_adjustment_get_value (page);
  g_signal_emit_by_name (controller, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), >, before);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, value);

  /* Clicked into, the wheel is the spin button's again. */
  gtk_widget_grab_focus (GTK_WIDGET (spin));
  g_signal_emit_by_name (controller, "scroll", 0.0, 1.0, &handled);
  g_assert_false (handled);

  test_destroy_window (window);
}

/* The studio's own page: name and address saved when applied, the
 * currency when chosen; a refused name says why and keeps the last. */
static void
test_studio_details (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgStudioWindow *window = open_window (studio);
  GtkWidget *page;
  AdwComboRow *currency = NULL;
  g_autoptr(GPtrArray) combos = NULL;
  guint n, gbp = 0;
  const RgCurrency *list = rg_currency_list (&n);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "studio");
  test_spin (100);
  {
    g_autoptr(GPtrArray) pages = find_all (GTK_WIDGET (window), RG_TYPE_STUDIO_DETAILS);

    g_assert_cmpuint (pages->len, ==, 1);
    page = pages->pdata[0];
  }
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (page, "Name")), "Velvet");
  g_signal_emit_by_name (test_find_row (page, "Name"), "apply");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (page, "Address")), "1 High Street");
  g_signal_emit_by_name (test_find_row (page, "Address"), "apply");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (page, "Tax Number")), "GB 123 4567 89");
  g_signal_emit_by_name (test_find_row (page, "Tax Number"), "apply");
  {
    g_autofree char *name = test_sql_text (store, "SELECT value FROM settings WHERE key = 'studio-name' AND ?1 = ?1", 0);
    g_autofree char *address = test_sql_text (store, "SELECT value FROM settings WHERE key = 'studio-address' AND ?1 = ?1", 0);
    g_autofree char *tax_number = test_sql_text (store, "SELECT value FROM settings WHERE key = 'tax-number' AND ?1 = ?1", 0);

    g_assert_cmpstr (name, ==, "Velvet");
    g_assert_cmpstr (address, ==, "1 High Street");
    g_assert_cmpstr (tax_number, ==, "GB 123 4567 89");
  }

  /* A refused tax number says why and keeps the one saved. */
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (page, "Tax Number")), "GB/123");
  g_signal_emit_by_name (test_find_row (page, "Tax Number"), "apply");
  {
    g_autofree char *tax_number = test_sql_text (store, "SELECT value FROM settings WHERE key = 'tax-number' AND ?1 = ?1", 0);

    g_assert_cmpstr (tax_number, ==, "GB 123 4567 89");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (page, "Tax Number"))), ==, "GB 123 4567 89");
  }

  combos = find_all (page, ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (combos->len, ==, 1);
  currency = combos->pdata[0];
  for (guint i = 0; i < n; i++)
    if (g_str_equal (list[i].code, "GBP"))
      gbp = i;
  adw_combo_row_set_selected (currency, gbp);
  test_spin (50);
  {
    g_autofree char *code = test_sql_text (store, "SELECT value FROM settings WHERE key = 'currency' AND ?1 = ?1", 0);
    g_autofree char *price = rg_format_price (4236);

    g_assert_cmpstr (code, ==, "GBP");
    g_assert_cmpstr (price, ==, "£42.36");
  }
  test_save_shot (GTK_WIDGET (window), "studio-details");

  test_destroy_window (window);
  /* The next test's studio opens in its own currency. */
  g_assert_true (rg_studio_set_identity (studio, "", "", "", NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!test_ui_init (&argc, &argv))
    return 0;

  /* The demo studio, as `regulars --demo` makes it. */
  demo_path = test_make_demo ("studio-window", "en", NOW);

  g_test_add_func ("/studio-window/add-staff", test_add_staff);
  g_test_add_func ("/studio-window/edit-service", test_edit_service);
  g_test_add_func ("/studio-window/archive-and-move-staff", test_archive_and_move_staff);
  g_test_add_func ("/studio-window/refuse-bad-input", test_refuse_bad_input);
  g_test_add_func ("/studio-window/delete", test_delete);
  g_test_add_func ("/studio-window/day-off-with-bookings", test_day_off_with_bookings);
  g_test_add_func ("/studio-window/empty-studio", test_empty_studio);
  g_test_add_func ("/studio-window/opened-from-main-window", test_opened_from_main_window);
  g_test_add_func ("/studio-window/card-settings", test_card_settings);
  g_test_add_func ("/studio-window/wheel-scrolls-page", test_wheel_scrolls_page);
  g_test_add_func ("/studio-window/studio-details", test_studio_details);
  g_test_add_func ("/studio-window/money-settings", test_money_settings);

  status = g_test_run ();

  test_remove_demo (demo_path);
  g_free (demo_path);

  return status;
}
