/* test-window.c — the real main window on a demo database: typing into the
 * search narrows the list, Enter opens the first client's card, a narrow
 * window folds the card over the list.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"
#include "test-util-ui.h"

#include <glib/gstdio.h>
#include <math.h>

#include "demo/rg-generator.h"
#include "store/rg-search.h"
#include "model/rg-appointment.h"
#include "model/rg-appointment-list.h"
#include "model/rg-booking.h"
#include "model/rg-client-list.h"
#include "model/rg-custom-field.h"
#include "model/rg-interaction.h"
#include "model/rg-photo.h"
#include "model/rg-privacy.h"
#include "widgets/calendar/rg-appointment-card.h"
#include "widgets/calendar/rg-calendar-view.h"
#include "widgets/calendar/rg-calendar-draw.h"
#include "widgets/calendar/rg-day-view.h"
#include "widgets/client/rg-client-card.h"
#include "widgets/client/rg-client-card-private.h"
#include "widgets/client/rg-clients-view.h"
#include "widgets/common/rg-chart-view.h"
#include "widgets/satisfaction/rg-rating-dialog.h"
#include "widgets/satisfaction/rg-survey-dialog.h"
#include "widgets/satisfaction/rg-satisfaction-view.h"
#include "widgets/today/rg-call-dialog.h"
#include "widgets/today/rg-today-view.h"
#include "widgets/retention/rg-retention-view.h"
#include "analytics/rg-dashboard.h"
#include "widgets/editor/rg-appointment-editor.h"
#include "widgets/editor/rg-appointment-editor-private.h"
#include "model/rg-sale.h"
#include "widgets/rg-window.h"
#include "util/rg-phone.h"
#include "widgets/client/rg-new-client.h"
#include "widgets/studio/rg-studio-window.h"
#include "widgets/rg-application.h"
#include "store/rg-schema-private.h"
#include "analytics/rg-retention.h"
#include "analytics/rg-satisfaction.h"
#include "model/rg-format.h"
#include "model/rg-rating.h"
#include "model/rg-record-list.h"
#include "model/rg-service.h"

#define NOW ((gint64) 1795867200)   /* 2026-11-28 12:00 UTC */

static char *demo_path;

/* Types @text into the search entry and runs the main loop until the
 * entry's delayed search has reached the list (or 5 s pass). */
static guint
type_search (GtkWidget  *entry,
             GListModel *model,
             guint       expected,
             const char *text)
{
  gboolean timed_out = FALSE;
  guint id;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  id = g_timeout_add (5000, test_timeout_cb, &timed_out);
  while (!timed_out && g_list_model_get_n_items (model) != expected)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return g_list_model_get_n_items (model);
}

/* Runs the main loop until the window's client list has loaded. */
static void
wait_loaded (GListModel *model)
{
  RgClientList *list = RG_CLIENT_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)));
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, test_timeout_cb, &timed_out);

  while (!timed_out && rg_client_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (rg_client_list_get_loading (list));
  if (!timed_out)
    g_source_remove (id);
}

static guint
count_matches (RgStore    *store,
               const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (rg_search_clients (store, query, 0, ids, &error));
  g_assert_no_error (error);
  return ids->len;
}

static void
test_search_narrows (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  GtkWidget *entry, *list_view, *card;
  GListModel *model;
  RgClient *selected;
  guint total, n, n2;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Ctrl+2: the Clients page; its list fills when first shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Inside the Clients page: other pages have search entries too (the
   * calendar's staff drop-down). */
  entry = test_find_child (test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENTS_VIEW), GTK_TYPE_SEARCH_ENTRY);
  list_view = test_find_child (test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENTS_VIEW), GTK_TYPE_GRID_VIEW);
  card = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD);
  g_assert_nonnull (entry);
  g_assert_nonnull (list_view);
  g_assert_nonnull (card);

  model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list_view)));
  wait_loaded (model);
  total = g_list_model_get_n_items (model);
  g_assert_cmpuint (total, >, 1000);
  g_assert_cmpuint (total, ==, count_matches (store, ""));

  /* Type a few letters, as at the desk: the list narrows as you type. */
  gtk_widget_grab_focus (entry);
  n = type_search (entry, model, count_matches (store, "а"), "а");
  g_assert_cmpuint (n, ==, count_matches (store, "а"));
  g_assert_cmpuint (n, <, total);
  g_assert_cmpuint (n, >, 0);

  n2 = type_search (entry, model, count_matches (store, "ал"), "ал");
  g_assert_cmpuint (n2, ==, count_matches (store, "ал"));
  g_assert_cmpuint (n2, <, n);
  g_assert_cmpuint (n2, >, 0);

  /* Every row shown matches. */
  for (guint i = 0; i < n2; i++)
    {
      g_autoptr(RgClient) client = g_list_model_get_item (model, i);
      g_autofree char *text = g_strconcat (rg_client_get_address_as (client), " ",
                                           rg_client_get_full_name (client) ? rg_client_get_full_name (client) : "",
                                           " ", rg_client_get_notes (client) ? rg_client_get_notes (client) : "",
                                           " ", rg_client_get_preferences (client) ? rg_client_get_preferences (client) : "",
                                           NULL);
      g_autofree char *folded = g_utf8_casefold (text, -1);
      gboolean tagged = FALSE;

      if (!strstr (folded, "ал"))
        {
          g_auto(GStrv) tags = rg_studio_list_client_tags (studio, rg_record_get_id (RG_RECORD (client)), NULL);
          for (guint t = 0; tags && tags[t]; t++)
            {
              g_autofree char *tag = g_utf8_casefold (tags[t], -1);
              tagged |= strstr (tag, "ал") != NULL;
            }
          if (!tagged && !strstr (folded, "ал"))
            g_error ("“%s” does not match “ал”", text);
        }
    }

  /* Enter opens the first client's card. */
  g_signal_emit_by_name (entry, "activate");
  selected = rg_studio_get_selected_client (studio);
  g_assert_nonnull (selected);
  {
    g_autoptr(RgClient) first = g_list_model_get_item (model, 0);
    g_assert_true (selected == first);
  }
  g_assert_true (rg_client_card_get_client (RG_CLIENT_CARD (card)) == selected);
  g_assert_true (gtk_widget_get_mapped (card));

  /* Last four digits of a phone find that client. */
  {
    g_autofree char *digits = g_strdup (rg_client_get_phone_digits (selected));
    const char *last4 = digits + strlen (digits) - 4;
    gboolean found = FALSE;

    type_search (entry, model, count_matches (store, last4), last4);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_matches (store, last4));
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(RgClient) client = g_list_model_get_item (model, i);
        found |= client == selected;
      }
    g_assert_true (found);
    g_assert_cmpuint (g_list_model_get_n_items (model), <, 20);
  }

  /* Escape clears the search: everyone is back. */
  g_signal_emit_by_name (entry, "stop-search");
  test_spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);

  /* A new client written elsewhere shows up by itself. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RgClient) client = rg_client_new ("Ааааа Тестовая", "+7 999 123-45-00");

    g_assert_true (rg_studio_save (studio, client, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, total + 1);
    {
      g_autoptr(RgClient) first = g_list_model_get_item (model, 0);
      g_assert_true (first == client);
    }
  }

  test_destroy_window (window);
}

static void
test_narrow_folds (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  AdwFlap *flap;
  GtkWidget *list_view;
  GListModel *model;
  gboolean timed_out = FALSE;
  guint id;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  flap = ADW_FLAP (test_find_child (GTK_WIDGET (window), ADW_TYPE_FLAP));
  /* The timeout is removed before this frame ends: a stale one would
   * write into whatever a later test keeps at this stack address. */
  id = g_timeout_add (3000, test_timeout_cb, &timed_out);
  while (!timed_out && !adw_flap_get_folded (flap))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));

  /* Choosing a client opens the card over the list; back closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  list_view = test_find_child (test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENTS_VIEW), GTK_TYPE_GRID_VIEW);
  model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list_view)));
  wait_loaded (model);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 3, TRUE);
  g_assert_nonnull (rg_studio_get_selected_client (studio));
  g_assert_true (adw_flap_get_reveal_flap (flap));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.hide-card", NULL));
  g_assert_false (adw_flap_get_reveal_flap (flap));

  test_destroy_window (window);
}

static guint
count_children (GtkWidget *widget,
                GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_child_visible (child))
      n++;
  return n;
}

static guint
store_count (RgStore    *store,
             const char *sql,
             gint64      a,
             gint64      b)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, NULL);
  gboolean row = FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  g_assert_true (rg_store_step_row (store, stmt, &row, NULL) && row);
  return sqlite3_column_int (stmt, 0);
}

/* The calendar's day view shows one column per master on duty and one card
 * per booking of the day, moves a day at a time, selects the client of a
 * card, and follows a cancellation made elsewhere. */
static void
test_calendar_day (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  RgCalendarView *calendar;
  RgDayView *day;
  RgDate date;
  const char *count_sql = "SELECT count(*) FROM appointments WHERE starts_at >= ?1 AND starts_at < ?2 "
                          "AND deleted_at IS NULL AND status <> 'cancelled'";
  guint cards;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  calendar = RG_CALENDAR_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_CALENDAR_VIEW));
  day = rg_calendar_view_get_day_view (calendar);
  g_assert_nonnull (day);
  g_assert_cmpuint (rg_day_view_get_n_columns (day), ==,
                    store_count (store, "SELECT count(*) FROM staff WHERE archived = 0 "
                                        "AND role IN ('master', 'resource') AND ?1 = ?2", 0, 0));

  /* The demo's "today" is NOW: a working day with bookings. */
  date = rg_date_from_time (NOW);
  rg_calendar_view_set_date (calendar, date);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  cards = rg_day_view_get_n_items (day);
  g_assert_cmpuint (cards, >, 0);
  g_assert_cmpuint (cards, ==, store_count (store, count_sql, rg_date_start (date), rg_date_end (date)));
  /* Cards are widgets only near what is on screen. */
  g_assert_cmpuint (count_children (GTK_WIDGET (day), RG_TYPE_APPOINTMENT_CARD), >, 0);
  g_assert_cmpuint (count_children (GTK_WIDGET (day), RG_TYPE_APPOINTMENT_CARD), <=, cards);

  /* The next day, by the action the arrow button uses. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.next", NULL));
  g_assert_cmpint (rg_date_compare (rg_day_view_get_date (day), rg_date_add_days (date, 1)), ==, 0);
  g_assert_cmpuint (rg_day_view_get_n_items (day), ==,
                    store_count (store, count_sql, rg_date_start (rg_date_add_days (date, 1)),
                                 rg_date_end (rg_date_add_days (date, 1))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.previous", NULL));

  /* Selecting a card selects its client for the card pane. */
  {
    GListModel *list = G_LIST_MODEL (rg_day_view_get_appointments (day));
    g_autoptr(RgAppointment) first = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (list) && first == NULL; i++)
      {
        g_autoptr(RgAppointment) a = g_list_model_get_item (list, i);
        /* One still ahead, which can be cancelled (a done one cannot). */
        if (rg_appointment_get_status (a) == RG_APPOINTMENT_BOOKED ||
            rg_appointment_get_status (a) == RG_APPOINTMENT_CONFIRMED)
          first = g_object_ref (a);
      }
    g_assert_nonnull (first);

    rg_day_view_select (day, first);
    g_assert_nonnull (rg_studio_get_selected_client (studio));
    g_assert_cmpint (rg_record_get_id (RG_RECORD (rg_studio_get_selected_client (studio))), ==,
                     rg_appointment_get_client_id (first));

    /* Delete on the selected card cancels it (as the card menu does): the
     * card goes, and undo brings it back with its status. */
    {
      g_autoptr(GError) error = NULL;
      RgAppointmentStatus before = rg_appointment_get_status (first);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "day.cancel", NULL));
      g_assert_cmpint (rg_appointment_get_status (first), ==, RG_APPOINTMENT_CANCELLED);
      g_assert_cmpuint (rg_day_view_get_n_items (day), ==, cards - 1);
      g_assert_cmpuint (store_count (store, count_sql, rg_date_start (date), rg_date_end (date)), ==, cards - 1);

      g_assert_true (rg_booking_undo_status (studio, first, before, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (rg_day_view_get_n_items (day), ==, cards);
    }

    /* Cancelled elsewhere: its card goes too. */
    {
      g_autoptr(GError) error = NULL;

      rg_appointment_set_status (first, RG_APPOINTMENT_CANCELLED);
      g_assert_true (rg_studio_save (studio, first, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (rg_day_view_get_n_items (day), ==, cards - 1);
    }
  }

  /* W and M switch to the week and the month; the month opens a day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.mode", "i", RG_CALENDAR_MODE_WEEK));
  g_assert_cmpint (rg_calendar_view_get_mode (calendar), ==, RG_CALENDAR_MODE_WEEK);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rg_calendar_view_get_week_view (calendar))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.next", NULL));
  g_assert_cmpint (rg_date_days_between (date, rg_calendar_view_get_date (calendar)), ==, 7);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.mode", "i", RG_CALENDAR_MODE_MONTH));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rg_calendar_view_get_month_view (calendar))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.previous", NULL));
  {
    RgDate shown = rg_calendar_view_get_date (calendar);
    RgDate expected = rg_date_add_days (date, 7);

    expected.month = expected.month == 1 ? 12 : expected.month - 1;
    g_assert_cmpint (shown.month, ==, expected.month);
    g_signal_emit_by_name (rg_calendar_view_get_month_view (calendar), "day-activated", &date);
    g_assert_cmpint (rg_calendar_view_get_mode (calendar), ==, RG_CALENDAR_MODE_DAY);
    g_assert_cmpint (rg_date_compare (rg_day_view_get_date (day), date), ==, 0);
  }

  test_destroy_window (window);
}

/* The path at the desk: a new client with only a name and a
 * phone (typed in the domestic form), a note and a custom field value
 * added on the card, and the client found again by four phone digits;
 * typing the number again offers the existing card. */
static void
test_new_client (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgCustomField) hair = rg_custom_field_new ("Тип волос", RG_FIELD_TEXT);
  RgWindow *window = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *card, *row, *entry, *list_view;
  RgClient *client;
  GListModel *model;
  gint64 id;

  g_assert_true (rg_studio_save (studio, hair, &error));
  g_assert_no_error (error);

  window = rg_window_new (NULL, studio, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Shift+Ctrl+N: the dialog; Create waits for a name and a real number. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-client", NULL));
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (dialog), "How to address")), "Зоя Тестова");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (dialog), "Phone")), "12");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  /* The hint's example is a number of the studio's country. */
  {
    g_autofree char *example = rg_phone_example (rg_store_get_phone_country (store));
    /* The label under the rows. */
    GtkWidget *hint = gtk_widget_get_next_sibling (gtk_widget_get_ancestor (test_find_row (GTK_WIDGET (dialog), "Phone"),
                                                                             ADW_TYPE_PREFERENCES_GROUP));

    g_assert_true (GTK_IS_LABEL (hint));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), example));
  }
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (dialog), "Phone")), "8 (999) 123-45-67");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Saved in one form and opened on the card. */
  client = rg_studio_get_selected_client (studio);
  g_assert_nonnull (client);
  g_assert_cmpstr (rg_client_get_address_as (client), ==, "Зоя Тестова");
  g_assert_cmpstr (rg_client_get_phone (client), ==, "+7 999 123-45-67");
  id = rg_record_get_id (RG_RECORD (client));
  card = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  row = test_find_row (card, "Phone");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "+7 999 123-45-67");

  /* A note, in one step. */
  row = test_find_row (card, "Add a note");
  gtk_editable_set_text (GTK_EDITABLE (row), "Пришла по рекомендации подруги");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'note' "
                                        "AND body = 'Пришла по рекомендации подруги'", id), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* A call, chosen in front of the same row. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_find_child (row, GTK_TYPE_DROP_DOWN)), 1);
  gtk_editable_set_text (GTK_EDITABLE (row), "Перенесла на пятницу");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'call'",
                                 id), ==, 1);

  /* The studio's field, shown while filling in details. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_find_child (card, GTK_TYPE_TOGGLE_BUTTON)), TRUE);
  row = test_find_row (card, "Тип волос");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "Кудрявые");
  g_signal_emit_by_name (row, "apply");
  {
    g_autofree char *value = test_sql_text (store, "SELECT value FROM client_fields WHERE client_id = ?1", id);
    g_assert_cmpstr (value, ==, "Кудрявые");
  }

  /* Referred by a client found by her phone; her card opens from the row. */
  {
    gint64 referrer = test_sql_int (store, "SELECT id FROM clients WHERE deleted_at IS NULL AND id <> ?1 "
                                           "ORDER BY id LIMIT 1", id);
    g_autofree char *digits = test_sql_text (store, "SELECT phone_digits FROM clients WHERE id = ?1", referrer);

    row = test_find_row (card, "Referred by (name or phone)");
    gtk_editable_set_text (GTK_EDITABLE (row), digits + 1);
    g_signal_emit_by_name (row, "apply");
    g_assert_cmpint (rg_client_get_referred_by_id (client), ==, referrer);
    g_assert_true (gtk_widget_activate_action (card, "card.open-referrer", NULL));
    g_assert_cmpint (rg_record_get_id (RG_RECORD (rg_studio_get_selected_client (studio))), ==, referrer);
    rg_studio_set_selected_client (studio, client);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_find_child (card, GTK_TYPE_TOGGLE_BUTTON)), TRUE);
  }

  /* Tags typed with commas. */
  row = test_find_row (card, "Tags, separated by commas");
  gtk_editable_set_text (GTK_EDITABLE (row), "новая, по рекомендации");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM client_tags WHERE client_id = ?1", id), ==, 2);

  /* A refused e-mail stays in its row, marked; the stored one is unchanged. */
  row = test_find_row (card, "E-mail");
  gtk_editable_set_text (GTK_EDITABLE (row), "zoya at mail");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_null (rg_client_get_email (client));

  /* Found again by four digits of the number. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  entry = test_find_child (test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENTS_VIEW), GTK_TYPE_SEARCH_ENTRY);
  list_view = test_find_child (test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENTS_VIEW), GTK_TYPE_GRID_VIEW);
  model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list_view)));
  wait_loaded (model);
  type_search (entry, model, count_matches (store, "4567"), "4567");
  {
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(RgClient) item = g_list_model_get_item (model, i);
        found |= rg_record_get_id (RG_RECORD (item)) == id;
      }
    g_assert_true (found);
  }

  /* What was searched goes where it belongs: a name to the name, a whole
   * number to the phone, the last digits of one nowhere. */
  {
    const struct { const char *prefill, *name, *phone; } cases[] = {
      { "4567", "", "" }, { "Вера", "Вера", "" }, { "8 999 555-44-33", "", "8 999 555-44-33" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        GtkWidget *d = rg_new_client_dialog_present (GTK_WINDOW (window), studio, cases[i].prefill);

        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (d, "How to address"))), ==, cases[i].name);
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (d, "Phone"))), ==, cases[i].phone);
        gtk_window_destroy (GTK_WINDOW (d));
      }
  }

  /* The same number again: the dialog offers her card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-client", NULL));
  dialog = test_find_message_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (dialog), "How to address")), "Зоя");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (dialog), "Phone")), "+7 999 1234567");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "open"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "open");
  rg_studio_set_selected_client (studio, NULL);
  adw_message_dialog_response (dialog, "open");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rg_studio_get_selected_client (studio) == client);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE phone_digits = '79991234567'", 0), ==, 1);

  /* Her second card (booked by phone under another number) merged into
   * this one from the card's menu. */
  {
    g_autoptr(RgClient) twin = test_add_client (studio, "Зоя Тестова", "+7 999 765-43-21");
    GtkListBox *list;
    GtkListBoxRow *candidate = NULL;

    g_assert_true (gtk_widget_activate_action (card, "card.merge", NULL));
    dialog = test_find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "merge"));
    list = GTK_LIST_BOX (test_find_child (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
    for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (list)); item; item = gtk_widget_get_next_sibling (item))
      if (g_object_get_data (G_OBJECT (item), "client") == (gpointer) twin)
        candidate = GTK_LIST_BOX_ROW (item);
    g_assert_nonnull (candidate);
    gtk_list_box_select_row (list, candidate);
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "merge"));
    adw_message_dialog_response (dialog, "merge");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_true (rg_record_is_deleted (RG_RECORD (twin)));
    g_assert_cmpstr (rg_client_get_phone2 (client), ==, "+7 999 765-43-21");
  }

  /* A card saved under another name with the same number is offered
   * first, and chosen already. */
  {
    g_autoptr(RgClient) same = test_add_client (studio, "Тестова (звонила)", "+7 999 123 45 67");
    GtkListBox *list;
    GtkListBoxRow *selected;

    g_assert_true (gtk_widget_activate_action (card, "card.merge", NULL));
    dialog = test_find_message_dialog ();
    g_assert_nonnull (dialog);
    list = GTK_LIST_BOX (test_find_child (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
    selected = gtk_list_box_get_selected_row (list);
    g_assert_nonnull (selected);
    g_assert_true (g_object_get_data (G_OBJECT (selected), "client") == (gpointer) same);
    g_assert_true (selected == gtk_list_box_get_row_at_index (list, 0));
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "merge"));
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_false (rg_record_is_deleted (RG_RECORD (same)));
  }

  /* Deleted from the card's menu: gone from the selection and the list. */
  g_assert_true (gtk_widget_activate_action (card, "card.delete", NULL));
  g_assert_true (rg_record_is_deleted (RG_RECORD (client)));
  g_assert_null (rg_studio_get_selected_client (studio));

  test_destroy_window (GTK_WINDOW (window));
}

/* The list sorted by the number of visits and narrowed to one master from
 * the sort and filter popover. */
static void
test_sort_and_filter (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  GtkWidget *view, *popover, *list_view;
  GListModel *model;
  gint64 most, staff_id;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  view = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENTS_VIEW);
  list_view = test_find_child (view, GTK_TYPE_GRID_VIEW);
  model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list_view)));
  wait_loaded (model);
  /* Made when first opened. */
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (test_find_child (view, GTK_TYPE_MENU_BUTTON))));
  gtk_menu_button_popup (GTK_MENU_BUTTON (test_find_child (view, GTK_TYPE_MENU_BUTTON)));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (test_find_child (view, GTK_TYPE_MENU_BUTTON))));
  g_assert_nonnull (popover);

  /* The most visits first (ties by name: the query says who). */
  most = test_sql_int (store, "SELECT c.id FROM clients c JOIN appointments a ON a.client_id = c.id "
                              "WHERE a.status = 'done' AND a.deleted_at IS NULL AND c.deleted_at IS NULL "
                              "GROUP BY c.id ORDER BY count(*) DESC, c.sort_key, c.id LIMIT 1", 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (popover, "Sort by")), RG_CLIENT_SORT_VISITS);
  wait_loaded (model);
  {
    g_autoptr(RgClient) first = g_list_model_get_item (model, 0);
    g_assert_cmpint (rg_record_get_id (RG_RECORD (first)), ==, most);
  }

  /* Booked with one master: exactly the store's count. */
  staff_id = test_sql_int (store, "SELECT id FROM staff WHERE role = 'master' ORDER BY position LIMIT 1", 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (popover, "Booked with")), 1);
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    test_sql_int (store, "SELECT count(DISTINCT a.client_id) FROM appointments a "
                                         "JOIN clients c ON c.id = a.client_id WHERE a.staff_id = ?1 "
                                         "AND a.deleted_at IS NULL AND c.deleted_at IS NULL", staff_id));

  /* The rows show each client's status, counted in a thread once shown. */
  {
    RgClientList *list = RG_CLIENT_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)));
    g_autoptr(RgClient) first = g_list_model_get_item (model, 0);
    g_autoptr(GError) error = NULL;
    gint64 id = rg_record_get_id (RG_RECORD (first));
    gboolean timed_out = FALSE;
    guint source = g_timeout_add (10000, test_timeout_cb, &timed_out);
    RgClientRhythm r;

    while (!timed_out && rg_client_list_get_status (list, id) < 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (source);
    g_assert_true (rg_retention_load_client (store, id, rg_date_today (), &r, &error));
    g_assert_cmpint (rg_client_list_get_status (list, id), ==, r.status);
  }

  /* Due clients only (on today, by BRIEF 4): the analytics' count; with
   * the master filter off. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (popover, "Booked with")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (popover, "Status")), 1);
  wait_loaded (model);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) all = rg_retention_load (store, rg_date_today (), NULL, &error);
    guint due = 0, regular_due = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      {
        RgClientRhythm *r = &g_array_index (all, RgClientRhythm, i);

        due += r->status == RG_CLIENT_DUE;
        regular_due += r->status == RG_CLIENT_DUE && (r->segments & RG_SEGMENT_REGULAR);
      }
    g_assert_cmpuint (due, >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, due);
    {
      g_autoptr(RgClient) first = g_list_model_get_item (model, 0);
      RgClientRhythm r;

      g_assert_true (rg_retention_load_client (store, rg_record_get_id (RG_RECORD (first)), rg_date_today (), &r, &error));
      g_assert_cmpint (r.status, ==, RG_CLIENT_DUE);
    }

    /* And regulars among them. */
    adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (popover, "Segment")), 1);
    wait_loaded (model);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, regular_due);
  }

  gtk_menu_button_popdown (GTK_MENU_BUTTON (test_find_child (view, GTK_TYPE_MENU_BUTTON)));
  test_spin (50);
  test_destroy_window (GTK_WINDOW (window));
}

static guint
count_rows (GtkWidget *root,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, type);
  return n;
}

/* A regular's card: the visit history is made when opened, newest first;
 * the timeline shows the latest entries and the rest on request. */
static void
test_card_history (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  g_autoptr(RgClient) regular = NULL;
  GtkWidget *card, *history;
  gint64 id, visits, entries;
  guint header;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The client with the most entries among those who came (a client made
   * by an earlier test may tie with them, and has no visits). */
  id = test_sql_int (store, "SELECT client_id FROM interactions WHERE deleted_at IS NULL AND client_id IN"
                            " (SELECT client_id FROM appointments WHERE status = 'done' AND ?1 = ?1)"
                            " GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1", 0);
  visits = test_sql_int (store, "SELECT count(*) FROM appointments WHERE client_id = ?1 AND deleted_at IS NULL", id);
  /* A few more entries than the card shows at first. */
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *body = g_strdup_printf ("Заметка %d", i);
      g_autoptr(RgInteraction) note = rg_interaction_new (id, RG_INTERACTION_NOTE, body);
      g_autoptr(GError) error = NULL;

      g_assert_true (rg_studio_save (studio, note, &error));
    }
  entries = test_sql_int (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND deleted_at IS NULL", id);
  g_assert_cmpint (visits, >, 0);
  regular = rg_studio_lookup (studio, RG_TYPE_CLIENT, id, NULL);
  rg_studio_set_selected_client (studio, regular);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  card = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD);
  history = test_find_row (card, "Visit History");
  g_assert_nonnull (history);
  /* Closed, the expander holds only its own header row. */
  header = count_rows (history, ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (header, <=, 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (history), TRUE);
  g_assert_cmpuint (count_rows (history, ADW_TYPE_ACTION_ROW), ==, header + MIN (visits, 100));

  g_assert_cmpint (entries, >, 5);
    {
      GtkWidget *more = test_find_row (card, "Show Earlier Entries");

      g_assert_nonnull (more);
      g_assert_cmpuint (count_rows (gtk_widget_get_parent (more), ADW_TYPE_ACTION_ROW), ==, 6);
      g_signal_emit_by_name (gtk_widget_get_parent (more), "row-activated", more);
      g_assert_null (test_find_row (card, "Show Earlier Entries"));
    }

  /* Photos of her latest visit, before and after: thumbnails on the card,
   * and the pair side by side when one is opened. */
  {
    static const guint8 png[] = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
      0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
      0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
      0x42, 0x60, 0x82,
    };
    g_autofree char *dir = g_dir_make_tmp ("regulars-card-photos-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "before.png", NULL);
    g_autoptr(GFile) source = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(RgPhoto) before = NULL;
    g_autoptr(RgPhoto) after = NULL;
    gint64 visit = test_sql_int (store, "SELECT id FROM appointments WHERE client_id = ?1 ORDER BY starts_at DESC", id);
    GtkFlowBox *box;
    GtkWidget *first;
    GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */
    GtkWidget *viewer = NULL;
    guint n = 0;

    g_assert_true (g_file_set_contents (path, (const char *) png, sizeof png, &error));
    before = rg_photo_import (studio, id, visit, RG_PHOTO_BEFORE, source, &error);
    after = rg_photo_import (studio, id, visit, RG_PHOTO_AFTER, source, &error);
    g_assert_no_error (error);

    box = GTK_FLOW_BOX (test_find_child (card, GTK_TYPE_FLOW_BOX));
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child; child = gtk_widget_get_next_sibling (child))
      n++;
    g_assert_cmpuint (n, ==, 2);

    first = test_find_child (GTK_WIDGET (box), GTK_TYPE_BUTTON);
    g_signal_emit_by_name (first, "clicked");
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (ADW_IS_WINDOW (w) && !RG_IS_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
          viewer = GTK_WIDGET (w);
      }
    g_assert_nonnull (viewer);
    g_assert_cmpuint (count_rows (viewer, GTK_TYPE_PICTURE), ==, 2);
    gtk_window_destroy (GTK_WINDOW (viewer));

    g_assert_true (rg_photo_erase (studio, before, &error));
    g_assert_true (rg_photo_erase (studio, after, &error));
    g_remove (path);
    g_rmdir (dir);
  }

  test_destroy_window (GTK_WINDOW (window));
}

static void
wait_panel (RgSatisfactionView *view)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, test_timeout_cb, &timed_out);

  test_spin (50);
  while (!timed_out && (rg_satisfaction_view_is_loading (view) || rg_satisfaction_view_get_result (view) == NULL))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* The satisfaction panel against the analytics on the same store; a visit
 * marked done at the desk asks for a rating, which reaches the panel; the
 * panel exports; a complaint's status is changed from the card. */
static void
test_satisfaction (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSatisfaction) direct = NULL;
  g_autoptr(RgAppointment) visit = NULL;
  RgSatisfactionView *view;
  const RgSatisfaction *shown;
  RgDate today = rg_date_from_time (NOW);
  RgSatisfactionQuery query = { 0 };
  guint ratings_before;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "satisfaction"));
  view = RG_SATISFACTION_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_SATISFACTION_VIEW));
  g_assert_nonnull (view);
  rg_satisfaction_view_set_period (view, RG_PERIOD_MONTH, today, today);
  wait_panel (view);

  /* The panel shows what the analytics count. */
  rg_period_bounds (RG_PERIOD_MONTH, today, &query.from, &query.to);
  query.step = RG_SATISFACTION_BY_WEEK;
  direct = rg_satisfaction_compute (store, &query, NULL, &error);
  g_assert_no_error (error);
  shown = rg_satisfaction_view_get_result (view);
  g_assert_cmpuint (direct->total.ratings, >, 0);
  g_assert_cmpuint (shown->total.ratings, ==, direct->total.ratings);
  g_assert_cmpuint (shown->visits, ==, direct->visits);
  {
    g_autofree char *count = rg_format_count (direct->total.ratings);
    g_autofree char *nps = g_strdup_printf ("%+.0f", rg_score_tally_nps (&direct->total));

    g_assert_cmpstr (rg_satisfaction_view_get_headline (view, 3), ==, count);
    g_assert_cmpstr (rg_satisfaction_view_get_headline (view, 2), ==, nps);
  }
  g_assert_cmpuint (rg_satisfaction_view_get_n_comments (view), ==, direct->comments->len);
  for (guint i = 0; i < RG_SATISFACTION_N_CHARTS; i++)
    g_assert_nonnull (rg_chart_view_get_chart (RG_CHART_VIEW (rg_satisfaction_view_get_chart (view, i))));
  g_assert_false (rg_chart_is_empty (rg_chart_view_get_chart (RG_CHART_VIEW (
    rg_satisfaction_view_get_chart (view, RG_SATISFACTION_CHART_SCORE_TREND)))));

  /* Filtered by a master: the panel narrows to their visits. */
  {
    const RgSatisfactionGroup *master = shown->by_staff->pdata[0];
    guint visits = master->visits;

    rg_satisfaction_view_set_filter (view, master->id, 0);
    wait_panel (view);
    g_assert_cmpuint (rg_satisfaction_view_get_result (view)->visits, ==, visits);
    rg_satisfaction_view_set_filter (view, 0, 0);
    wait_panel (view);
  }
  ratings_before = rg_satisfaction_view_get_result (view)->total.ratings;

  /* At the desk: today's visit that can still be marked done. */
  {
    RgCalendarView *calendar;
    RgDayView *day;
    GListModel *list;
    AdwMessageDialog *dialog;
    g_autoptr(RgRating) rating = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
    calendar = RG_CALENDAR_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_CALENDAR_VIEW));
    rg_calendar_view_set_date (calendar, today);
    day = rg_calendar_view_get_day_view (calendar);
    list = G_LIST_MODEL (rg_day_view_get_appointments (day));
    for (guint i = 0; i < g_list_model_get_n_items (list) && visit == NULL; i++)
      {
        g_autoptr(RgAppointment) a = g_list_model_get_item (list, i);
        g_autoptr(RgRating) r = rg_rating_find_for_visit (studio, rg_record_get_id (RG_RECORD (a)), NULL);

        if (rg_appointment_get_status (a) != RG_APPOINTMENT_DONE && r == NULL &&
            rg_booking_status_can_change (rg_appointment_get_status (a), RG_APPOINTMENT_DONE))
          visit = g_object_ref (a);
      }
    g_assert_nonnull (visit);
    g_assert_null (test_find_message_dialog ());

    rg_day_view_select (day, visit);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "day.status", "s", "done"));
    dialog = test_find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_true (RG_IS_RATING_DIALOG (dialog));
    /* Save waits for a face. */
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
    rg_rating_dialog_set_score (RG_RATING_DIALOG (dialog), 2);
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
    rg_rating_dialog_set_why (RG_RATING_DIALOG (dialog), "  Долго ждали  ");
    rg_rating_dialog_set_nps (RG_RATING_DIALOG (dialog), 4);
    test_save_shot (GTK_WIDGET (dialog), "rating-dialog");
    /* As its button does: the response, then the dialog closes. */
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    test_spin (50);
    g_assert_null (test_find_message_dialog ());

    rating = rg_rating_find_for_visit (studio, rg_record_get_id (RG_RECORD (visit)), &error);
    g_assert_no_error (error);
    g_assert_nonnull (rating);
    g_assert_cmpint (rg_rating_get_score (rating), ==, 2);
    g_assert_cmpint (rg_rating_get_nps (rating), ==, 4);
    g_assert_cmpstr (rg_rating_get_why (rating), ==, "Долго ждали");

    /* Later, from the card's menu in the calendar: the same rating, to change. */
    rg_day_view_select (day, visit);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "day.rate", NULL));
    dialog = test_find_message_dialog ();
    g_assert_true (RG_IS_RATING_DIALOG (dialog));
    g_assert_cmpint (rg_rating_dialog_get_score (RG_RATING_DIALOG (dialog)), ==, 2);
    gtk_window_destroy (GTK_WINDOW (dialog));

    /* Changed later (from the card's history): the same rating, its date kept. */
    {
      gint64 rated_at = rg_rating_get_rated_at (rating);
      RgRatingDialog *again = rg_rating_dialog_new (GTK_WINDOW (window), studio, visit);

      g_assert_cmpint (rg_rating_dialog_get_score (again), ==, 2);
      rg_rating_dialog_set_score (again, 3);
      g_assert_true (rg_rating_dialog_save (again, &error));
      g_assert_no_error (error);
      gtk_window_destroy (GTK_WINDOW (again));
      g_assert_cmpint (store_count (store, "SELECT count(*) FROM ratings WHERE appointment_id = ?1 AND ?2 = ?2",
                                    rg_record_get_id (RG_RECORD (visit)), 0), ==, 1);
      g_assert_cmpint (rg_rating_get_score (rating), ==, 3);
      g_assert_cmpint (rg_rating_get_rated_at (rating), ==, rated_at);
    }
  }

  /* The full questionnaire, once the studio offers it. */
  {
    RgRatingDialog *dialog;
    RgSurveyDialog *survey;
    gint64 client = rg_appointment_get_client_id (visit), id = rg_record_get_id (RG_RECORD (visit));

    dialog = rg_rating_dialog_new (GTK_WINDOW (window), studio, visit);
    g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "questionnaire"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_true (rg_store_set_setting (store, RG_SETTING_FULL_QUESTIONNAIRE, "1", &error));
    dialog = rg_rating_dialog_new (GTK_WINDOW (window), studio, visit);
    g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "questionnaire"));
    gtk_window_destroy (GTK_WINDOW (dialog));

    survey = rg_survey_dialog_new (GTK_WINDOW (window), studio, RG_SURVEY_VISIT, client, id);
    gtk_window_present (GTK_WINDOW (survey));
    rg_survey_dialog_set_answer (survey, "comfort", 8, "Уютно");
    rg_survey_dialog_set_answer (survey, "remarks", 0, "Больше мест для парковки");
    test_save_shot (GTK_WIDGET (survey), "questionnaire");
    g_assert_true (rg_survey_dialog_save (survey, &error));
    g_assert_no_error (error);
    gtk_window_destroy (GTK_WINDOW (survey));
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM survey_answers WHERE client_id = ?1 AND appointment_id = ?2",
                                  client, id), ==, 2);

    /* Opened again for the same visit: the answers are there; saved, not doubled. */
    survey = rg_survey_dialog_new (GTK_WINDOW (window), studio, RG_SURVEY_VISIT, client, id);
    g_assert_true (rg_survey_dialog_save (survey, &error));
    gtk_window_destroy (GTK_WINDOW (survey));
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM survey_answers WHERE client_id = ?1 AND appointment_id = ?2",
                                  client, id), ==, 2);
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM survey_answers WHERE question = 'comfort' AND score = 8"
                                         " AND client_id = ?1 AND appointment_id = ?2", client, id), ==, 1);
  }

  /* Back on the panel: the new rating is counted. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "satisfaction"));
  wait_panel (view);
  g_assert_cmpuint (rg_satisfaction_view_get_result (view)->total.ratings, ==, ratings_before + 1);

  /* A rating given elsewhere while the panel is on screen: it follows. */
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "SELECT a.id FROM appointments a WHERE a.status = 'done'"
                                               " AND a.deleted_at IS NULL AND a.starts_at >= ?1 AND a.starts_at < ?2"
                                               " AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.appointment_id = a.id)"
                                               " LIMIT 1", &error);
    gboolean row = FALSE;
    g_autoptr(RgRating) rating = NULL;

    sqlite3_bind_int64 (stmt, 1, rg_date_start (query.from));
    sqlite3_bind_int64 (stmt, 2, rg_date_end (query.to));
    g_assert_true (rg_store_step_row (store, stmt, &row, &error));
    g_assert_true (row);
    rating = rg_rating_new (sqlite3_column_int64 (stmt, 0), 5);
    g_clear_pointer (&stmt, rg_stmt_release);
    g_assert_true (rg_studio_save (studio, rating, &error));
    g_assert_no_error (error);
    wait_panel (view);
    g_assert_cmpuint (rg_satisfaction_view_get_result (view)->total.ratings, ==, ratings_before + 2);
  }

  /* A custom quarter and a half: months on the axis. */
  {
    RgDate from = rg_date_add_days (query.from, -120);

    rg_satisfaction_view_set_period (view, RG_PERIOD_CUSTOM, from, query.to);
    wait_panel (view);
    g_assert_cmpint (rg_date_compare (rg_satisfaction_view_get_result (view)->query.from, from), ==, 0);
    g_assert_cmpint (rg_satisfaction_view_get_result (view)->query.step, ==, RG_SATISFACTION_BY_MONTH);
    g_assert_cmpuint (rg_satisfaction_view_get_result (view)->buckets->len, ==, 5);
    rg_satisfaction_view_set_period (view, RG_PERIOD_MONTH, today, today);
    wait_panel (view);
  }

  test_save_shot (GTK_WIDGET (window), "satisfaction-panel");

  /* Export: a PDF and a PNG of the whole panel. */
  {
    g_autofree char *dir = g_dir_make_tmp ("regulars-export-XXXXXX", &error);
    g_autofree char *pdf = g_build_filename (dir, "panel.pdf", NULL);
    g_autofree char *png = g_build_filename (dir, "panel.png", NULL);
    g_autofree char *head = NULL;
    g_autoptr(GdkTexture) texture = NULL;
    gsize length = 0;

    g_assert_true (rg_satisfaction_view_export (view, RG_CHART_PDF, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &head, &length, &error));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (head, "%PDF"));
    g_assert_true (rg_satisfaction_view_export (view, RG_CHART_PNG, png, &error));
    if (g_getenv ("REGULARS_TEST_SHOTS"))
      {
        g_autofree char *copy = g_build_filename (g_getenv ("REGULARS_TEST_SHOTS"), "export.png", NULL);
        g_autofree char *pdf_copy = g_build_filename (g_getenv ("REGULARS_TEST_SHOTS"), "export.pdf", NULL);
        g_assert_true (rg_satisfaction_view_export (view, RG_CHART_PNG, copy, &error));
        g_assert_true (rg_satisfaction_view_export (view, RG_CHART_PDF, pdf_copy, &error));
      }
    texture = gdk_texture_new_from_filename (png, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 1000);
    test_remove_tree (dir);
  }

  /* A complaint about the visit, passed to the director and resolved from the card. */
  {
    g_autoptr(RgInteraction) complaint = rg_complaint_new (studio, rg_appointment_get_client_id (visit),
                                                           "Мастер опоздал на 20 минут", &error);
    gint64 id;
    GtkWidget *row;
    AdwMessageDialog *dialog;
    RgClientCard *card = RG_CLIENT_CARD (test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD));

    g_assert_no_error (error);
    g_assert_cmpint (rg_interaction_get_appointment_id (complaint), ==, rg_record_get_id (RG_RECORD (visit)));
    g_assert_cmpint (rg_interaction_get_staff_id (complaint), ==, rg_appointment_get_staff_id (visit));
    g_assert_true (rg_studio_save (studio, complaint, &error));
    id = rg_record_get_id (RG_RECORD (complaint));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-client", "x",
                                               rg_appointment_get_client_id (visit)));
    test_spin (50);
    row = test_find_row (GTK_WIDGET (card), "Мастер опоздал на 20 минут");
    g_assert_nonnull (row);
    test_save_shot (GTK_WIDGET (window), "card-complaint");

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.complaint-status", "(xs)", id, "escalated"));
    g_assert_cmpint (rg_interaction_get_complaint_status (complaint), ==, RG_COMPLAINT_ESCALATED);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.complaint-status", "(xs)", id, "resolved"));
    dialog = test_find_message_dialog ();
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Извинились, скидка 10 %");
    adw_message_dialog_response (dialog, "resolve");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_cmpint (rg_interaction_get_complaint_status (complaint), ==, RG_COMPLAINT_RESOLVED);
    g_assert_cmpstr (rg_interaction_get_resolution (complaint), ==, "Извинились, скидка 10 %");
    g_assert_cmpint (rg_interaction_get_done_at (complaint), >, 0);
  }

  /* The visit, shown from the panel's link: the calendar on its day, selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-visit", "x",
                                             rg_record_get_id (RG_RECORD (visit))));
  {
    RgCalendarView *calendar = RG_CALENDAR_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_CALENDAR_VIEW));
    RgDayView *day = rg_calendar_view_get_day_view (calendar);

    g_assert_true (rg_day_view_get_selected (day) == visit);
  }

  test_destroy_window (window);
}

static void
wait_today (RgTodayView *view)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (15000, test_timeout_cb, &timed_out);

  test_spin (50);
  while (!timed_out && rg_today_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
set_true_cb (gboolean *flag)
{
  *flag = TRUE;
}

static RgAppointmentEditor *
find_editor (void)
{
  return (RgAppointmentEditor *) test_find_toplevel (RG_TYPE_APPOINTMENT_EDITOR, NULL);
}

/* A window closed before its first frame: Today, which waits for that
 * frame to start counting, lets go of the frame clock cleanly. */
static void
test_closed_at_once (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  RgTodayView *view;

  gtk_window_present (GTK_WINDOW (window));
  view = RG_TODAY_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_TODAY_VIEW));
  g_assert_true (rg_today_view_is_loading (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "today"));
  test_destroy_window (window);
}

static void
collect_with_class (GtkWidget  *widget,
                    const char *css_class,
                    GPtrArray  *out)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_with_class (child, css_class, out);
}

/* The first widget of @type under @widget, depth first. */
static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The rows Today shows are the entries, section by section and in order:
 * also after a count again, when the rows are given new entries. */
static void
check_today_rows (RgTodayView *view,
                  const guint *limits)
{
  GPtrArray *entries = rg_today_view_get_entries (view);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  guint section = 0;

  collect_with_class (GTK_WIDGET (view), "boxed-list", lists);
  /* The desk's list of the day's visits comes first, and the lists that
   * are not calls (subscriptions running out); the calls' after. */
  for (guint i = lists->len; i > 0; i--)
    if (gtk_widget_has_css_class (lists->pdata[i - 1], "desk") ||
        gtk_widget_has_css_class (lists->pdata[i - 1], "not-calls"))
      g_ptr_array_remove_index (lists, i - 1);
  for (guint r = 0; r < RG_CALL_N_REASONS; r++)
    {
      GtkWidget *row;
      guint n = 0, rows = 0, more = 0;

      for (guint i = 0; i < entries->len; i++)
        n += ((RgCallEntry *) entries->pdata[i])->reason == r;
      g_assert_cmpuint (section, <, lists->len);
      g_assert_cmpint (gtk_widget_get_visible (lists->pdata[section]), ==, n > 0);
      if (n == 0)
        {
          section++;
          continue;
        }
      row = gtk_widget_get_first_child (lists->pdata[section]);
      for (guint i = 0; i < entries->len && row; i++)
        {
          const RgCallEntry *e = entries->pdata[i];
          g_autofree char *title = NULL;

          if (e->reason != r)
            continue;
          if (gtk_widget_has_css_class (row, "show-more"))
            break;
          title = e->phone ? g_strdup_printf ("%s · %s", e->client, e->phone) : g_strdup (e->client);
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, e->why);
          {
            /* One line, cut when narrow; the whole reason in its tooltip. */
            g_autoptr(GPtrArray) subtitles = g_ptr_array_new ();

            collect_with_class (row, "subtitle", subtitles);
            g_assert_cmpuint (subtitles->len, ==, 1);
            g_assert_false (gtk_label_get_wrap (subtitles->pdata[0]));
            g_assert_cmpstr (gtk_label_get_text (subtitles->pdata[0]), ==, e->why);
            g_assert_true (gtk_widget_get_has_tooltip (subtitles->pdata[0]));
          }
          rows++;
          row = gtk_widget_get_next_sibling (row);
        }
      if (row && gtk_widget_has_css_class (row, "show-more"))
        {
          g_autofree char *title = g_strdup_printf ("%u", n - rows);

          g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title));
          more = 1;
          row = gtk_widget_get_next_sibling (row);
        }
      g_assert_null (row);
      g_assert_cmpuint (rows, ==, MIN (n, limits[r]));
      g_assert_cmpuint (more, ==, n > limits[r]);
      section++;
    }
}

/* The call rows Today has made, in all its sections. */
static guint
count_today_rows (RgTodayView *view)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  guint n = 0;

  collect_with_class (GTK_WIDGET (view), "boxed-list", lists);
  for (guint i = 0; i < lists->len; i++)
    if (!gtk_widget_has_css_class (lists->pdata[i], "desk") &&        /* the day's visits, not calls */
        !gtk_widget_has_css_class (lists->pdata[i], "not-calls"))
      for (GtkWidget *c = gtk_widget_get_first_child (lists->pdata[i]); c; c = gtk_widget_get_next_sibling (c))
        n += !gtk_widget_has_css_class (c, "show-more");
  return n;
}

/* The rows of Today's desk: the day's visits still to check out. */
static guint
count_desk_rows (RgTodayView *view)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  guint n = 0;

  collect_with_class (GTK_WIDGET (view), "desk", lists);
  for (guint i = 0; i < lists->len; i++)
    for (GtkWidget *c = gtk_widget_get_first_child (lists->pdata[i]); c; c = gtk_widget_get_next_sibling (c))
      n++;
  return n;
}

/* Today: the window opens on it; the list is the analytics' list; a call
 * logs its outcome in one click and the client leaves the list. */
static void
test_today (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rhythms = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  RgDate day = rg_date_from_time (NOW);
  RgTodayView *view;
  GPtrArray *shown;
  const RgCallEntry *due = NULL, *other = NULL, *third = NULL;
  gint64 due_client, other_client, third_client;
  guint limits[RG_CALL_N_REASONS] = { RG_TODAY_VIEW_SECTION_ROWS, RG_TODAY_VIEW_SECTION_ROWS, RG_TODAY_VIEW_SECTION_ROWS,
                                      RG_TODAY_VIEW_SECTION_ROWS, RG_TODAY_VIEW_SECTION_ROWS };

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  view = RG_TODAY_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_TODAY_VIEW));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));   /* the first page */
  rg_today_view_set_day (view, day);
  /* The rows come a dozen a frame. */
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add (15000, test_timeout_cb, &timed_out);
    guint wanted = 0;

    while (!timed_out && (rg_today_view_get_entries (view) == NULL || count_today_rows (view) == 0))
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
    shown = rg_today_view_get_entries (view);
    for (guint r = 0; r < RG_CALL_N_REASONS; r++)
      {
        guint n = 0;

        for (guint i = 0; i < shown->len; i++)
          n += ((RgCallEntry *) shown->pdata[i])->reason == r;
        wanted += MIN (n, limits[r]);
      }
    g_assert_cmpuint (wanted, >, 12);
    g_assert_cmpuint (count_today_rows (view), ==, 12);
    g_assert_true (rg_today_view_is_loading (view));
  }
  wait_today (view);
  g_assert_cmpuint (count_today_rows (view), >, 20);
  {
    g_autoptr(GArray) open = rg_studio_list_open_visits (studio, day, &error);

    guint at_desk = 0;

    g_assert_no_error (error);
    /* Those who arrived or whose time comes within the hour, 8 at most
     * and a line for the rest. */
    for (guint i = 0; i < open->len; i++)
      at_desk += g_array_index (open, RgOpenVisit, i).arrived ||
             g_array_index (open, RgOpenVisit, i).starts_at <= rg_time_now () + 3600;
    g_assert_cmpuint (at_desk, >, 0);
    g_assert_cmpuint (count_desk_rows (view), ==, MIN (at_desk, 8) + (at_desk > 8));
  }

  rhythms = rg_retention_load (store, day, NULL, &error);
  expected = rg_call_list_build (store, rhythms, day, NULL, &error);
  g_assert_no_error (error);
  shown = rg_today_view_get_entries (view);
  g_assert_cmpuint (shown->len, ==, expected->len);
  g_assert_cmpuint (shown->len, >, 3);
  for (guint i = 0; i < shown->len; i++)
    {
      const RgCallEntry *e = shown->pdata[i];

      if (e->reason != RG_CALL_DUE)
        continue;
      if (!due)
        due = e;
      else if (!other)
        other = e;
      else if (!third)
        third = e;
    }
  g_assert_nonnull (third);
  due_client = due->client_id;
  other_client = other->client_id;
  third_client = third->client_id;
  check_today_rows (view, limits);
  test_save_shot (GTK_WIDGET (window), "today");

  /* A reason shown whole has no tooltip; one a narrow window cuts has it
   * (a short one: the first due client's). */
  {
    g_autoptr(GPtrArray) subtitles = g_ptr_array_new ();
    g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    g_autofree char *why = NULL;
    g_autofree char *long_why = NULL;
    GtkLabel *label;
    gboolean tip = TRUE;

    collect_with_class (GTK_WIDGET (view), "subtitle", subtitles);
    for (guint i = subtitles->len; i > 0; i--)   /* the calls', not the desk's nor the subscriptions' */
      {
        GtkWidget *list = gtk_widget_get_ancestor (subtitles->pdata[i - 1], GTK_TYPE_LIST_BOX);

        if (list && (gtk_widget_has_css_class (list, "desk") || gtk_widget_has_css_class (list, "not-calls")))
          g_ptr_array_remove_index (subtitles, i - 1);
      }
    g_assert_cmpuint (subtitles->len, >, 1);
    label = subtitles->pdata[1];
    why = g_strdup (gtk_label_get_text (label));
    test_spin (100);   /* laid out */
    g_signal_emit_by_name (label, "query-tooltip", 1, 1, FALSE, tooltip, &tip);
    g_assert_false (tip);
    long_why = g_strnfill (400, 'x');
    gtk_label_set_text (label, long_why);
    test_spin (100);
    g_signal_emit_by_name (label, "query-tooltip", 1, 1, FALSE, tooltip, &tip);
    g_assert_true (tip);
    gtk_label_set_text (label, why);
  }

  /* "Show N More" in the longest section: a hundred rows more, which stay
   * when the list is counted again below. */
  {
    g_autoptr(GPtrArray) mores = g_ptr_array_new ();
    GtkWidget *more, *list;
    RgCallReason reason;

    collect_with_class (GTK_WIDGET (view), "show-more", mores);
    g_assert_cmpuint (mores->len, >, 0);
    more = mores->pdata[0];
    list = gtk_widget_get_parent (more);
    reason = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list), "reason"));
    g_signal_emit_by_name (list, "row-activated", more);
    wait_today (view);
    limits[reason] += 100;
    check_today_rows (view, limits);
  }

  /* No answer: the call and a task for tomorrow in the timeline; the client
   * leaves today's list. */
  {
    RgCallDialog *call = NULL;
    g_autoptr(RgClient) client = rg_studio_lookup (studio, RG_TYPE_CLIENT, due_client, NULL);
    GtkWidget *row = NULL, *button = NULL;

    /* From the row's call button, as at the desk. */
    shown = rg_today_view_get_entries (view);
    for (guint i = 0; i < shown->len && row == NULL; i++)
      {
        const RgCallEntry *e = shown->pdata[i];
        g_autofree char *title = NULL;
        g_autoptr(GPtrArray) rows = g_ptr_array_new ();

        if (e->client_id != due_client || e->reason != RG_CALL_DUE)
          continue;
        title = e->phone ? g_strdup_printf ("%s · %s", e->client, e->phone) : g_strdup (e->client);
        collect_with_class (GTK_WIDGET (view), "activatable", rows);
        for (guint k = 0; k < rows->len && row == NULL; k++)
          if (ADW_IS_ACTION_ROW (rows->pdata[k]) &&
              g_strcmp0 (adw_preferences_row_get_title (rows->pdata[k]), title) == 0)
            row = rows->pdata[k];
      }
    g_assert_nonnull (row);
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      collect_with_class (row, "flat", buttons);
      for (guint k = 0; k < buttons->len; k++)
        if (GTK_IS_BUTTON (buttons->pdata[k]) &&
            g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[k]), "call-start-symbolic") == 0)
          button = buttons->pdata[k];
    }
    g_assert_nonnull (button);
    g_object_ref (row);
    g_signal_emit_by_name (button, "clicked");
    call = (RgCallDialog *) test_find_toplevel (RG_TYPE_CALL_DIALOG, NULL);
    g_assert_nonnull (call);
    g_assert_nonnull (strstr (rg_call_dialog_get_script (call), rg_client_get_address_as (client)));
    g_assert_null (strstr (rg_call_dialog_get_script (call), "{"));
    test_save_shot (GTK_WIDGET (call), "call-dialog");
    {
      /* What the shot does not show: the call back's time, a quarter hour
       * at a time from 15:00 and named for a screen reader. */
      GtkSpinButton *spin = GTK_SPIN_BUTTON (find_of_type (GTK_WIDGET (call), GTK_TYPE_SPIN_BUTTON));
      GtkAdjustment *adj = gtk_spin_button_get_adjustment (spin);

      g_assert_cmpfloat (gtk_adjustment_get_lower (adj), ==, 0);
      g_assert_cmpfloat (gtk_adjustment_get_upper (adj), ==, 24 * 60 - 15);
      g_assert_cmpfloat (gtk_adjustment_get_step_increment (adj), ==, 15);
      g_assert_cmpfloat (gtk_adjustment_get_page_increment (adj), ==, 150);
      g_assert_cmpfloat (gtk_spin_button_get_climb_rate (spin), ==, 15);
      g_assert_cmpuint (gtk_spin_button_get_digits (spin), ==, 0);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "15:00");
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (find_of_type (GTK_WIDGET (call),
                                                                                              ADW_TYPE_EXPANDER_ROW))));
    }
    shown = rg_today_view_get_entries (view);
    g_assert_true (rg_call_dialog_log (call, RG_CALL_OUTCOME_NO_ANSWER, 0, NULL, &error));
    g_assert_no_error (error);
    /* The row leaves with the next frame, before the list is counted
     * again (that gives a new list). */
    {
      gboolean timed_out = FALSE;
      guint id = g_timeout_add (2000, test_timeout_cb, &timed_out);

      while (!timed_out && gtk_widget_get_parent (row) != NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (timed_out);
      g_source_remove (id);
    }
    g_object_unref (row);
    g_assert_true (rg_today_view_get_entries (view) == shown);
    for (guint i = 0; i < shown->len; i++)
      g_assert_false (((RgCallEntry *) shown->pdata[i])->client_id == due_client &&
                      ((RgCallEntry *) shown->pdata[i])->reason == RG_CALL_DUE);
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'call'"
                                         " AND outcome = 'no_answer' AND ?2 = ?2", due_client, 0), ==, 1);
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'task'"
                                         " AND due_at > ?2 AND done_at IS NULL", due_client, rg_store_now ()), ==, 1);
  }
  wait_today (view);
  {
    gboolean still = FALSE;

    shown = rg_today_view_get_entries (view);
    for (guint i = 0; i < shown->len; i++)
      still |= ((RgCallEntry *) shown->pdata[i])->client_id == due_client &&
               ((RgCallEntry *) shown->pdata[i])->reason == RG_CALL_DUE;
    g_assert_false (still);
    check_today_rows (view, limits);
  }

  /* A task done from its row: saved, and the row leaves with the next
   * frame. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *done = NULL, *row;
    gint64 task_id = 0;
    gboolean timed_out = FALSE;
    guint id;

    shown = rg_today_view_get_entries (view);
    for (guint i = 0; i < shown->len && task_id == 0; i++)
      if (((RgCallEntry *) shown->pdata[i])->reason == RG_CALL_TASK)
        task_id = ((RgCallEntry *) shown->pdata[i])->task_id;
    g_assert_cmpint (task_id, !=, 0);
    collect_with_class (GTK_WIDGET (view), "flat", buttons);
    for (guint k = 0; k < buttons->len && done == NULL; k++)
      if (GTK_IS_BUTTON (buttons->pdata[k]) && gtk_widget_get_visible (buttons->pdata[k]) &&
          g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[k]), "object-select-symbolic") == 0)
        done = buttons->pdata[k];
    g_assert_nonnull (done);   /* the first: the tasks come first */
    row = g_object_ref (gtk_widget_get_ancestor (done, ADW_TYPE_ACTION_ROW));
    g_signal_emit_by_name (done, "clicked");
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM interactions WHERE id = ?1 AND done_at IS NOT NULL"
                                         " AND ?2 = ?2", task_id, 0), ==, 1);
    id = g_timeout_add (2000, test_timeout_cb, &timed_out);
    while (!timed_out && gtk_widget_get_parent (row) != NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
    g_object_unref (row);
    for (guint i = 0; i < rg_today_view_get_entries (view)->len; i++)
      g_assert_cmpint (((RgCallEntry *) rg_today_view_get_entries (view)->pdata[i])->task_id, !=, task_id);
    wait_today (view);
    for (guint i = 0; i < rg_today_view_get_entries (view)->len; i++)
      g_assert_cmpint (((RgCallEntry *) rg_today_view_get_entries (view)->pdata[i])->task_id, !=, task_id);
  }

  /* Call back: refused in the past; then a task at the chosen time. */
  {
    RgCallDialog *call = rg_call_dialog_new (GTK_WINDOW (window), studio, other_client, 0);
    gint64 when = rg_time_from_local (rg_date_add_days (rg_date_today (), 2), 16 * 60);

    g_object_ref_sink (call);
    g_assert_false (rg_call_dialog_log (call, RG_CALL_OUTCOME_CALL_BACK, rg_store_now () - 60, NULL, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (rg_call_dialog_log (call, RG_CALL_OUTCOME_CALL_BACK, when, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'task'"
                                         " AND due_at = ?2", other_client, when), ==, 1);
    g_object_unref (call);
  }

  /* Booked: the editor opens for the client, and nothing is logged yet;
   * the editor discarded brings the call back, still to log; a booking
   * saved logs the call with it and closes the call. */
  {
    RgCallDialog *call = rg_call_dialog_new (GTK_WINDOW (window), studio, third_client, 0);
    RgAppointmentEditor *editor;
    gboolean logged = FALSE;
    gpointer weak = call;

    g_object_add_weak_pointer (G_OBJECT (call), &weak);
    g_signal_connect_swapped (call, "logged", G_CALLBACK (set_true_cb), &logged);
    gtk_window_present (GTK_WINDOW (call));
    g_assert_true (rg_call_dialog_log (call, RG_CALL_OUTCOME_BOOKED, 0, NULL, &error));
    g_assert_no_error (error);
    editor = find_editor ();
    g_assert_nonnull (editor);
    g_assert_nonnull (rg_appointment_editor_get_client (editor));
    g_assert_cmpint (rg_record_get_id (RG_RECORD (rg_appointment_editor_get_client (editor))), ==, third_client);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (call)));
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'call'"
                                         " AND outcome = 'booked' AND ?2 = ?2", third_client, 0), ==, 0);

    gtk_window_destroy (GTK_WINDOW (editor));
    g_assert_nonnull (weak);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (call)));
    g_assert_false (logged);
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'call'"
                                         " AND outcome = 'booked' AND ?2 = ?2", third_client, 0), ==, 0);

    g_assert_true (rg_call_dialog_log (call, RG_CALL_OUTCOME_BOOKED, 0, NULL, &error));
    editor = find_editor ();
    g_assert_nonnull (editor);
    if (editor->chosen->len == 0)
      {
        g_autoptr(GListModel) services = G_LIST_MODEL (rg_record_list_new_services (studio, FALSE));
        g_autoptr(RgService) service = g_list_model_get_item (services, 0);

        g_assert_true (rg_appointment_editor_add_service (editor, rg_record_get_id (RG_RECORD (service))));
      }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
    while (weak && test_find_message_dialog ())
      {
        AdwMessageDialog *question = test_find_message_dialog ();

        adw_message_dialog_response (question, "book");
        gtk_window_destroy (GTK_WINDOW (question));
        g_main_context_iteration (NULL, FALSE);
      }
    while (weak)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (logged);
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'call'"
                                         " AND outcome = 'booked' AND ?2 = ?2", third_client, 0), ==, 1);
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM appointments WHERE client_id = ?1 AND starts_at > ?2"
                                         " AND status = 'booked'", third_client, rg_store_now ()), >=, 1);
  }

  /* A task from anywhere: for the client on the card. */
  {
    AdwMessageDialog *dialog;
    g_autoptr(RgClient) client = rg_studio_lookup (studio, RG_TYPE_CLIENT, third_client, NULL);
    gint64 tomorrow = rg_time_from_local (rg_date_add_days (rg_date_today (), 1), 15 * 60);

    rg_studio_set_selected_client (studio, NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-task", NULL));
    g_assert_null (test_find_message_dialog ());        /* nobody chosen: a toast says so */
    rg_studio_set_selected_client (studio, client);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-task", NULL));
    dialog = test_find_message_dialog ();
    g_assert_nonnull (dialog);
    test_save_shot (GTK_WIDGET (dialog), "task-dialog");
    adw_message_dialog_response (dialog, "create");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_cmpint (store_count (store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'task'"
                                         " AND due_at = ?2 AND done_at IS NULL", third_client, tomorrow), ==, 1);
  }

  test_destroy_window (window);
}


/* The retention dashboard shows the analytics' figures. */
static void
test_retention (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDashboard) direct = NULL;
  RgRetentionView *view;
  const RgDashboard *shown;
  RgDate day = rg_date_add_days (rg_date_today (), -40), from, to;
  gboolean timed_out = FALSE;
  guint id;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "retention"));
  view = RG_RETENTION_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_RETENTION_VIEW));
  g_assert_nonnull (view);
  /* Last month, over: seen from its last day. */
  rg_retention_view_set_period (view, RG_PERIOD_MONTH, day);
  test_spin (50);
  id = g_timeout_add (20000, test_timeout_cb, &timed_out);
  while (!timed_out && rg_retention_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);

  rg_period_bounds (RG_PERIOD_MONTH, day, &from, &to);
  direct = rg_dashboard_compute (store, from, to, to, NULL, &error);
  g_assert_no_error (error);
  shown = rg_retention_view_get_result (view);
  g_assert_cmpfloat (shown->churn.denominator, ==, direct->churn.denominator);
  g_assert_cmpfloat (shown->existing_retention.numerator, ==, direct->existing_retention.numerator);
  g_assert_cmpuint (shown->visits, ==, direct->visits);
  {
    g_autofree char *churn = g_strdup_printf ("%.0f %%", rg_share_percent (&direct->churn));

    g_assert_cmpstr (rg_retention_view_get_figure (view, 2), ==, churn);
  }
  g_assert_cmpuint (direct->masters->len, >, 0);

  /* The tables by master and by service: a row each, the most revenue
   * first, what the analytics say. */
  {
    GPtrArray *tables = g_ptr_array_new ();
    GPtrArray *name_columns = g_ptr_array_new ();
    GPtrArray *expected[2] = { direct->by_master, direct->by_service };

    collect_with_class (GTK_WIDGET (view), "breakdown", tables);
    collect_with_class (GTK_WIDGET (view), "breakdown-names", name_columns);
    g_assert_cmpuint (tables->len, ==, 2);
    g_assert_cmpuint (name_columns->len, ==, 2);
    for (guint t = 0; t < 2; t++)
      {
        GtkGrid *grid = tables->pdata[t];
        GtkGrid *names = name_columns->pdata[t];
        const RgBreakdown *top = expected[t]->pdata[0];
        g_autofree char *revenue = rg_format_price (top->revenue);
        g_autofree char *visits = rg_format_count (top->visits);

        /* The names beside the figures, outside what scrolls sideways. */
        g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (names), GTK_TYPE_SCROLLED_WINDOW) !=
                       gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_SCROLLED_WINDOW));
        g_assert_cmpuint (expected[t]->len, >, 1);
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (names, 0, 1))), ==, top->name);
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 1, 1))), ==, visits);
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 1))), ==, revenue);
        g_assert_nonnull (gtk_grid_get_child_at (names, 0, (int) expected[t]->len));
        g_assert_null (gtk_grid_get_child_at (names, 0, (int) expected[t]->len + 1));
        g_assert_nonnull (gtk_grid_get_child_at (grid, 0, (int) expected[t]->len));
        /* Each name level with its figures, under the wrapped titles (once
         * laid out: the names follow the figures' layout). */
        for (int tries = 0; tries < 40; tries++)
          {
            graphene_point_t name_at, figure_at;

            gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
            test_spin (20);
            g_assert_true (gtk_widget_compute_point (gtk_grid_get_child_at (names, 0, 1), GTK_WIDGET (window),
                                                     &GRAPHENE_POINT_INIT (0, 0), &name_at));
            g_assert_true (gtk_widget_compute_point (gtk_grid_get_child_at (grid, 0, 1), GTK_WIDGET (window),
                                                     &GRAPHENE_POINT_INIT (0, 0), &figure_at));
            if (fabs (name_at.y - figure_at.y) < 1)
              break;
          }
        for (int r = 1; r <= (int) expected[t]->len; r++)
          {
            graphene_point_t name_at, figure_at;

            g_assert_true (gtk_widget_compute_point (gtk_grid_get_child_at (names, 0, r), GTK_WIDGET (window),
                                                     &GRAPHENE_POINT_INIT (0, 0), &name_at));
            g_assert_true (gtk_widget_compute_point (gtk_grid_get_child_at (grid, 0, r), GTK_WIDGET (window),
                                                     &GRAPHENE_POINT_INIT (0, 0), &figure_at));
            g_assert_cmpfloat (fabs (name_at.y - figure_at.y), <, 1);
          }
      }
    /* The same columns for both; the last is the complaints. */
    for (guint t = 0; t < 2; t++)
      {
        const RgBreakdown *top = expected[t]->pdata[0];
        g_autofree char *complaints = rg_format_count (top->complaints_year);
        g_autofree char *spend = rg_format_price ((gint64) llround (top->annual_spend));
        g_autofree char *lifetime = rg_format_price ((gint64) llround (top->lifetime_value));
        double churn_percent = rg_share_percent (&top->churn);
        g_autofree char *churn = isnan (churn_percent) ? g_strdup ("—") : g_strdup_printf ("%.0f %%", churn_percent);

        g_assert_nonnull (gtk_grid_get_child_at (tables->pdata[t], 14, 0));
        g_assert_null (gtk_grid_get_child_at (tables->pdata[t], 15, 0));
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (tables->pdata[t], 14, 1))), ==,
                         complaints);
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (tables->pdata[t], 9, 1))), ==, churn);
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (tables->pdata[t], 11, 1))), ==, spend);
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (tables->pdata[t], 12, 1))), ==, lifetime);
      }
    g_ptr_array_unref (name_columns);
    g_ptr_array_unref (tables);
  }
  test_save_shot (GTK_WIDGET (window), "retention");
  test_destroy_window (window);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* A studio saved by an older version is upgraded in a thread, with a
 * window that says so; the studio then opens at the latest format, and
 * opening it again shares it without a window. */
static void
test_upgrade_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-upgrade-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(RgApplication) app = rg_application_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgStudio) shared = NULL;
  GtkWindow *progress;
  sqlite3 *db = NULL;
  guint n;
  const RgMigration *migrations = rg_schema_get_migrations (&n);
  g_autofree char *v1 = g_strconcat (migrations[0].sql, "PRAGMA user_version = 1;"
                                     "INSERT INTO staff (id, display_name, created_at, updated_at) VALUES (1, 'Marina', 0, 0);",
                                     NULL);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, v1, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (rg_store_peek_version (path), ==, 1);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  rg_application_set_progress_delay (app, 0);

  rg_application_open_studio_async (app, path, FALSE, opened_cb, &result);
  progress = test_find_toplevel (ADW_TYPE_WINDOW, "opening-studio");
  g_assert_nonnull (progress);
  {
    AdwStatusPage *page = ADW_STATUS_PAGE (test_find_child (GTK_WIDGET (progress), ADW_TYPE_STATUS_PAGE));

    g_assert_cmpstr (adw_status_page_get_title (page), ==, "Updating the Studio");
  }
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  studio = rg_application_open_studio_finish (app, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (studio);
  g_assert_null (test_find_toplevel (ADW_TYPE_WINDOW, "opening-studio"));
  g_assert_cmpint (rg_store_get_schema_version (rg_studio_get_store (studio)), ==, rg_store_latest_version ());
  g_assert_cmpint (rg_store_peek_version (path), ==, rg_store_latest_version ());

  rg_application_open_studio_async (app, path, FALSE, opened_cb, &again);
  g_assert_null (test_find_toplevel (ADW_TYPE_WINDOW, "opening-studio"));
  while (again == NULL)
    g_main_context_iteration (NULL, TRUE);
  shared = rg_application_open_studio_finish (app, again, &error);
  g_assert_true (shared == studio);

  /* Not a studio: a clear error, the file left as it was. */
  {
    g_autofree char *other = g_build_filename (dir, "other.db", NULL);
    g_autoptr(GAsyncResult) failed = NULL;
    g_autoptr(RgStudio) none = NULL;

    g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT);", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_assert_cmpint (rg_store_peek_version (other), ==, 0);
    rg_application_open_studio_async (app, other, FALSE, opened_cb, &failed);
    while (failed == NULL)
      g_main_context_iteration (NULL, TRUE);
    none = rg_application_open_studio_finish (app, failed, &error);
    g_assert_null (none);
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_A_DATABASE);
    g_assert_null (test_find_toplevel (ADW_TYPE_WINDOW, "opening-studio"));
    g_unlink (other);
  }

  g_clear_object (&studio);
  g_clear_object (&shared);
  g_clear_object (&app);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* The studio's files removed under the open window (rg-store-lock.c): the
 * next change is refused, and the window says once, plainly, that it
 * stopped saving, and keeps saying it in its title. */
static void
test_saving_stopped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-detached-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (demo_path);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgClient) client = NULL;
  AdwViewSwitcherTitle *title;
  AdwMessageDialog *dialog;
  RgWindow *window;

  g_assert_no_error (error);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
  window = rg_window_new (NULL, studio, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (test_find_message_dialog ());

  g_assert_cmpint (g_unlink (wal), ==, 0);
  client = rg_client_new ("Vera", "+7 912 000-11-22");
  g_assert_false (rg_studio_save (studio, client, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DETACHED);
  g_clear_error (&error);
  g_assert_true (rg_studio_get_detached (studio));

  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  test_save_shot (GTK_WIDGET (dialog), "saving-stopped");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Saving Stopped");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  title = ADW_VIEW_SWITCHER_TITLE (test_find_child (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "Not Saving Changes");

  /* Once: a second refused change asks nothing more. */
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_spin (50);
  g_assert_false (rg_studio_save (studio, client, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DETACHED);
  test_spin (50);
  g_assert_null (test_find_message_dialog ());

  test_destroy_window (window);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

/* Delete Client on a client with bookings to come: the question names how
 * many; the answer deletes the card and cancels them, and the calendar
 * shows none of the client's appointments. */
static void
test_delete_with_bookings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-delete-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (demo_path);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgClient) client = NULL;
  g_autoptr(RgAppointmentList) list = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *dialog;
  RgStore *store;
  RgWindow *window;
  GtkWidget *card;
  gint64 id, first;
  guint n;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
  store = rg_studio_get_store (studio);
  id = test_sql_int (store, "SELECT client_id FROM appointments WHERE starts_at >= ?1 AND deleted_at IS NULL"
                            " AND status IN ('booked', 'confirmed') GROUP BY client_id ORDER BY count(*) DESC LIMIT 1",
                     rg_store_now () + 3600);
  g_assert_cmpint (id, !=, 0);
  n = test_sql_int (store, "SELECT count(*) FROM appointments WHERE client_id = ?1 AND starts_at >= strftime('%s')"
                           " AND deleted_at IS NULL AND status IN ('booked', 'confirmed', 'arrived')", id);
  first = test_sql_int (store, "SELECT min(starts_at) FROM appointments WHERE client_id = ?1 AND starts_at >= strftime('%s')"
                               " AND deleted_at IS NULL AND status IN ('booked', 'confirmed', 'arrived')", id);
  g_assert_cmpuint (n, >, 0);
  client = rg_studio_lookup (studio, RG_TYPE_CLIENT, id, &error);
  g_assert_no_error (error);

  window = rg_window_new (NULL, studio, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rg_studio_set_selected_client (studio, client);
  card = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD);

  /* Asked first; Cancel keeps everything. */
  g_assert_true (gtk_widget_activate_action (card, "card.delete", NULL));
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  test_save_shot (GTK_WIDGET (dialog), "delete-with-bookings");
  expected = g_strdup_printf ("Delete “%s”?", rg_client_get_address_as (client));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, expected);
  g_free (expected);
  expected = g_strdup_printf (" has %u booking", n);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (rg_record_is_deleted (RG_RECORD (client)));

  g_assert_true (gtk_widget_activate_action (card, "card.delete", NULL));
  dialog = test_find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rg_record_is_deleted (RG_RECORD (client)));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM appointments WHERE client_id = ?1"
                                            " AND starts_at >= %" G_GINT64_FORMAT
                                            " AND status IN ('booked', 'confirmed', 'arrived')", first);

    g_assert_cmpint (test_sql_int (store, sql, id), ==, 0);
  }

  /* The calendar's day of the first booking shows none of hers. */
  list = rg_appointment_list_new (studio);
  rg_appointment_list_set_range (list, rg_date_start (rg_date_from_time (first)) - 30 * 86400,
                                 rg_date_end (rg_date_from_time (first)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RgAppointment) a = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (rg_appointment_get_client_id (a), !=, id);
    }

  test_destroy_window (window);
  g_clear_object (&list);
  g_clear_object (&client);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

/* The card's timeline in words: a call's outcome as the user chose it
 * ("Not interested", not not_interested), a resolved complaint no longer
 * warning. */
static void
test_timeline_words (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  g_autoptr(RgClient) client = test_add_client (studio, "Лидия", "+7 999 000-88-99");
  g_autoptr(RgInteraction) call = rg_interaction_new (rg_record_get_id (RG_RECORD (client)), RG_INTERACTION_CALL,
                                                      "Called: not interested");
  g_autoptr(RgInteraction) complaint = rg_interaction_new (rg_record_get_id (RG_RECORD (client)),
                                                           RG_INTERACTION_COMPLAINT, "Долго ждала");
  g_autoptr(GError) error = NULL;
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  RgClientCard *card;
  guint seen = 0;

  g_object_set (call, "outcome", "not_interested", NULL);
  g_assert_true (rg_studio_save (studio, call, &error));
  rg_interaction_set_complaint_status (complaint, RG_COMPLAINT_RESOLVED);
  g_assert_true (rg_studio_save (studio, complaint, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  rg_studio_set_selected_client (studio, client);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  card = RG_CLIENT_CARD (test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (card->timeline_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      g_assert_null (strstr (subtitle, "not_interested"));
      if (g_str_equal (title, "Called: not interested"))
        {
          g_assert_nonnull (strstr (subtitle, " · Not interested"));
          seen++;
        }
      else if (g_str_equal (title, "Долго ждала"))
        {
          g_assert_cmpstr (adw_action_row_get_icon_name (ADW_ACTION_ROW (row)), !=, "dialog-warning-symbolic");
          g_assert_nonnull (strstr (subtitle, "Resolved"));
          seen++;
        }
    }
  g_assert_cmpuint (seen, ==, 2);
  test_destroy_window (window);
}

/* The shortcuts window: General first, and no warnings when it opens
 * (GTK warned about labels' widths with the old layout; the tests make
 * warnings fatal). */
static void
test_shortcuts_window (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  GtkWindow *shortcuts;
  GtkWidget *group;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  shortcuts = test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  g_assert_nonnull (shortcuts);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (shortcuts));
  test_spin (100);
  group = test_find_child (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_GROUP);
  g_assert_nonnull (group);
  {
    g_autofree char *title = NULL;

    g_object_get (group, "title", &title, NULL);
    g_assert_cmpstr (title, ==, "General");
  }
  test_save_shot (GTK_WIDGET (shortcuts), "shortcuts");
  gtk_window_destroy (shortcuts);
  test_destroy_window (window);
}

static gboolean
focus_within (GtkWidget *window,
              GtkWidget *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == page || gtk_widget_is_ancestor (focus, page));
}

/* Ctrl+1..5 (win.show-view) give the keyboard to the page shown: the
 * calendar's grid (its keys work at once), the clients' search, Today's
 * first row; a deleted card gives it back to the page. */
static void
test_focus_follows_page (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  g_autoptr(RgClient) client = test_add_client (studio, "Фокус", "+7 999 000-12-34");
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  GtkWidget *calendar, *clients, *today, *card;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  calendar = test_find_child (GTK_WIDGET (window), RG_TYPE_CALENDAR_VIEW);
  clients = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENTS_VIEW);
  today = test_find_child (GTK_WIDGET (window), RG_TYPE_TODAY_VIEW);
  wait_today (RG_TODAY_VIEW (today));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  g_assert_true (focus_within (GTK_WIDGET (window),
                               GTK_WIDGET (rg_calendar_view_get_day_view (RG_CALENDAR_VIEW (calendar)))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients"));
  g_assert_true (focus_within (GTK_WIDGET (window), clients));
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "today"));
  g_assert_true (focus_within (GTK_WIDGET (window), today));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  g_assert_true (focus_within (GTK_WIDGET (window), calendar));

  /* The card's menu had the focus; the card goes with the client. */
  rg_studio_set_selected_client (studio, client);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  card = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD);
  gtk_widget_child_focus (card, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_within (GTK_WIDGET (window), card));
  g_assert_true (gtk_widget_activate_action (card, "card.delete", NULL));
  g_assert_true (rg_record_is_deleted (RG_RECORD (client)));
  g_assert_true (focus_within (GTK_WIDGET (window), calendar));

  test_destroy_window (window);
}

/* Ctrl+N with a client's card open books that client, with their usual
 * service and master, on the first time that is free and within hours,
 * and says so; with no card open, on the first free time of anyone. */
static void
test_new_booking_first_free (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgClient) client = NULL;
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  RgAppointmentEditor *editor;
  GtkWidget *calendar;
  gint64 id;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  calendar = test_find_child (GTK_WIDGET (window), RG_TYPE_CALENDAR_VIEW);

  id = test_sql_int (store, "SELECT client_id FROM appointments WHERE status = 'done' AND deleted_at IS NULL"
                            " AND ?1 = ?1 GROUP BY client_id ORDER BY count(*) DESC LIMIT 1", 0);
  client = rg_studio_lookup (studio, RG_TYPE_CLIENT, id, NULL);
  rg_studio_set_selected_client (studio, client);
  g_assert_true (gtk_widget_activate_action (calendar, "calendar.new", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (rg_appointment_editor_get_client (editor) == client);
  g_assert_cmpuint (editor->chosen->len, ==, 1);
  g_assert_false (editor->has_conflict);
  g_assert_true (editor->within_hours);
  g_assert_cmpint (rg_time_from_local (editor->date, rg_appointment_editor_get_start_minute (editor)), >=,
                   rg_store_now () - 15 * 60);
  test_save_shot (GTK_WIDGET (editor), "new-booking-first-free");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (editor->when_group), "The first free time"));
  gtk_window_destroy (GTK_WINDOW (editor));

  rg_studio_set_selected_client (studio, NULL);
  g_assert_true (gtk_widget_activate_action (calendar, "calendar.new", NULL));
  editor = find_editor ();
  g_assert_null (rg_appointment_editor_get_client (editor));
  g_assert_false (editor->has_conflict);
  g_assert_true (editor->within_hours);
  g_assert_nonnull (adw_preferences_group_get_description (editor->when_group));
  gtk_window_destroy (GTK_WINDOW (editor));

  test_destroy_window (window);
}

/* Whether @widget shows text of its own (a label inside it). */
static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) && *gtk_label_get_text (GTK_LABEL (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_text (child))
      return TRUE;
  return FALSE;
}

/* What a screen reader cannot name: a button with no text of its own and
 * no accessible label, an image neither described nor hidden as
 * decoration, a calendar grid without a label. */
static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || ADW_IS_SPLIT_BUTTON (widget)) &&
      !has_text (widget) &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_ptr_array_add (out, widget);
  /* An image says what it means or is hidden as decoration. */
  if (GTK_IS_IMAGE (widget) &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE) != NULL)
    g_ptr_array_add (out, widget);
  if (gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_GRID) &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, out);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, out);
}

static void
report_unnamed (GPtrArray  *unnamed,
                const char *where)
{
  for (guint i = 0; i < unnamed->len; i++)
    {
      GtkWidget *w = unnamed->pdata[i];
      GtkWidget *p = gtk_widget_get_parent (w);
      const char *icon = GTK_IS_BUTTON (w) ? gtk_button_get_icon_name (GTK_BUTTON (w))
                       : GTK_IS_IMAGE (w) ? gtk_image_get_icon_name (GTK_IMAGE (w)) : NULL;

      g_test_message ("%s: unnamed %s (icon %s, tooltip %s) in %s < %s", where, G_OBJECT_TYPE_NAME (w),
                      icon ? icon : "-", gtk_widget_get_tooltip_text (w) ? gtk_widget_get_tooltip_text (w) : "-",
                      p ? G_OBJECT_TYPE_NAME (p) : "-",
                      p && gtk_widget_get_parent (p) ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (p)) : "-");
    }
}

/* Every page of the window, with a client's card open, and each of the
 * calendar's views: nothing a screen reader cannot name; a button's name
 * follows its tooltip when that changes. */
static void
test_accessible_names (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgClient) client = NULL;
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  static const char * const pages[] = { "today", "calendar", "clients", "satisfaction", "retention" };
  static const int modes[] = { RG_CALENDAR_MODE_WEEK, RG_CALENDAR_MODE_MONTH, RG_CALENDAR_MODE_DAY };
  guint total = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  client = rg_studio_lookup (studio, RG_TYPE_CLIENT,
                             test_sql_int (store, "SELECT client_id FROM interactions WHERE kind = 'complaint'"
                                                  " AND ?1 = ?1 LIMIT 1", 0), NULL);
  rg_studio_set_selected_client (studio, client);
  wait_today (RG_TODAY_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_TODAY_VIEW)));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", pages[i]));
      test_spin (300);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      collect_unnamed (GTK_WIDGET (window), unnamed);
      report_unnamed (unnamed, pages[i]);
      total += unnamed->len;
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();
      RgCalendarView *calendar = RG_CALENDAR_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_CALENDAR_VIEW));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.mode", "i", modes[i]));
      test_spin (300);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      collect_unnamed (GTK_WIDGET (window), unnamed);
      report_unnamed (unnamed, "calendar mode");
      total += unnamed->len;
    }
  {
    RgDayView *day = RG_DAY_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_DAY_VIEW));

    RgDate date = rg_day_view_get_date (day);
    g_autoptr(GDateTime) noon = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);
    g_autofree char *weekday = g_date_time_format (noon, "%A, %-d %B %Y");
    g_autofree char *expected = g_strdup_printf ("%s, %u staff columns", weekday, rg_day_view_get_n_columns (day));

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (day)));
    g_assert_cmpuint (rg_day_view_get_n_columns (day), >, 1);
    g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (day), GTK_ACCESSIBLE_PROPERTY_LABEL, expected));
  }
  /* The Studio window, each of its pages. */
  {
    static const char * const studio_pages[] = { "staff", "services", "card", "studio" };
    RgStudioWindow *studio_window = rg_studio_window_new (studio);

    gtk_window_set_transient_for (GTK_WINDOW (studio_window), GTK_WINDOW (window));
    gtk_window_present (GTK_WINDOW (studio_window));
    for (guint i = 0; i < G_N_ELEMENTS (studio_pages); i++)
      {
        g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();

        adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (studio_window), studio_pages[i]);
        test_spin (300);
        gtk_test_widget_wait_for_draw (GTK_WIDGET (studio_window));
        collect_unnamed (GTK_WIDGET (studio_window), unnamed);
        report_unnamed (unnamed, studio_pages[i]);
        total += unnamed->len;
      }
    gtk_window_destroy (GTK_WINDOW (studio_window));
  }
  g_assert_cmpuint (total, ==, 0);

  /* The name is the tooltip, and follows it. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *call = NULL;
    char *mismatch;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "today"));
    test_spin (300);
    collect_buttons (GTK_WIDGET (window), buttons);
    for (guint i = 0; i < buttons->len && call == NULL; i++)
      if (g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]), "call-start-symbolic") == 0)
        call = buttons->pdata[i];
    g_assert_nonnull (call);
    mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (call), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                   gtk_widget_get_tooltip_text (call));
    g_assert_null (mismatch);
    gtk_widget_set_tooltip_text (call, "Ring Them");
    mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (call), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                   "Ring Them");
    g_assert_null (mismatch);
  }
  test_destroy_window (window);
}

/* The Retention page opens on the last whole month; the month not over
 * yet says it is counted to date, and so does the trend. */
static void
test_retention_to_date (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  RgRetentionView *view;
  RgDate today = rg_date_today ();
  int days = g_date_get_days_in_month ((GDateMonth) today.month, (GDateYear) today.year);
  gboolean timed_out = FALSE;
  guint id;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "retention"));
  view = RG_RETENTION_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_RETENTION_VIEW));
  id = g_timeout_add (20000, test_timeout_cb, &timed_out);
  while (!timed_out && (rg_retention_view_is_loading (view) || rg_retention_view_get_result (view) == NULL))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);

  /* A whole month: seen from its last day, said plainly. */
  g_assert_null (strstr (rg_retention_view_get_period_text (view), "to date"));
  if (today.day < days)
    {
      RgDate last = rg_date_add_days ((RgDate) { today.year, today.month, 1 }, -1);

      g_assert_cmpint (rg_date_compare (rg_retention_view_get_result (view)->as_of, last), ==, 0);
      g_assert_null (rg_retention_view_get_trend_note (view));
    }

  /* This month, to date. */
  rg_retention_view_set_period (view, RG_PERIOD_MONTH, today);
  test_spin (50);
  while (!timed_out && rg_retention_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  if (today.day < days)
    {
      g_autofree char *counted = g_strdup_printf ("to date: %d of %d days", today.day, days);

      g_assert_nonnull (strstr (rg_retention_view_get_period_text (view), counted));
      g_assert_nonnull (rg_retention_view_get_trend_note (view));
      g_assert_nonnull (strstr (rg_retention_view_get_trend_note (view), counted));
    }
  test_destroy_window (window);
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *out)
{
  if (GTK_IS_MENU_BUTTON (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, out);
}

/* The main menu's style switch: light, dark or the system's, saved; the
 * calendar draws with the dark theme's colours once it is dark. */
static void
test_style_switch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgApplication) app = rg_application_new ();
  g_autoptr(GSettings) settings = g_settings_new ("org.regulars.Regulars");
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  RgWindow *window;
  GtkWidget *day;
  GdkRGBA bg;

  /* An id of its own: the upgrade test registers the real one on the bus. */
  g_application_set_application_id (G_APPLICATION (app), "org.regulars.Regulars.StyleTest");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = rg_window_new (app, studio, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  day = test_find_child (GTK_WIDGET (window), RG_TYPE_DAY_VIEW);
  g_assert_nonnull (day);

  /* The menu offers the three. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GMenuModel *model = NULL;
    guint found = 0;

    collect_menu_buttons (GTK_WIDGET (window), buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_menu_button_get_icon_name (buttons->pdata[i]), "open-menu-symbolic") == 0)
        model = gtk_menu_button_get_menu_model (buttons->pdata[i]);
    g_assert_nonnull (model);

    for (int i = 0; i < g_menu_model_get_n_items (model); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

        for (int k = 0; section && k < g_menu_model_get_n_items (section); k++)
          {
            g_autofree char *action = NULL;

            if (g_menu_model_get_item_attribute (section, k, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
                g_strcmp0 (action, "app.style") == 0)
              found++;
          }
      }
    g_assert_cmpuint (found, ==, 3);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.style", "s", "dark"));
  test_spin (100);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  g_assert_cmpstr (g_settings_get_string (settings, "style"), ==, "dark");
  g_assert_true (rg_calendar_is_dark (day));
  bg = rg_calendar_named_color (day, "view_bg_color", "#ffffff");
  g_assert_cmpfloat (bg.red + bg.green + bg.blue, <, 0.6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.style", "s", "light"));
  test_spin (100);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (rg_calendar_is_dark (day));
  bg = rg_calendar_named_color (day, "view_bg_color", "#000000");
  g_assert_cmpfloat (bg.red + bg.green + bg.blue, >, 2.4);

  /* Saved elsewhere (another window, the next start): followed. */
  g_settings_set_string (settings, "style", "system");
  test_spin (50);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  test_destroy_window (window);
  g_settings_reset (settings, "style");
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, out);
}

/* Ctrl+Z (win.undo) undoes the last action, as its toast's Undo would,
 * also once the toast has gone; once. The shortcuts window lists it. */
static void
test_undo_shortcut (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  g_autoptr(RgClient) first = test_add_client (studio, "Undo One", "+44 7700 900111");
  g_autoptr(RgClient) second = test_add_client (studio, "Undo Two", "+44 7700 900112");
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  GtkWidget *card;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* Nothing to undo yet: nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  /* Two cards deleted: Ctrl+Z brings back the second, then nothing more. */
  rg_studio_set_selected_client (studio, first);
  test_spin (50);
  card = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD);
  g_assert_true (gtk_widget_activate_action (card, "card.delete", NULL));
  rg_studio_set_selected_client (studio, second);
  test_spin (50);
  card = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD);
  g_assert_true (gtk_widget_activate_action (card, "card.delete", NULL));
  g_assert_true (rg_record_is_deleted (RG_RECORD (first)));
  g_assert_true (rg_record_is_deleted (RG_RECORD (second)));

  /* At once (the first toast still sliding out), then again long after
   * the toast would have gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  test_spin (50);
  g_assert_false (rg_record_is_deleted (RG_RECORD (second)));
  g_assert_true (rg_record_is_deleted (RG_RECORD (first)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  test_spin (50);
  g_assert_true (rg_record_is_deleted (RG_RECORD (first)));

  /* Listed among the shortcuts. */
  {
    GtkWindow *shortcuts;
    gboolean listed = FALSE;
    g_autoptr(GPtrArray) all = g_ptr_array_new ();

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
    shortcuts = test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
    g_assert_nonnull (shortcuts);
    collect_shortcuts (GTK_WIDGET (shortcuts), all);
    for (guint i = 0; i < all->len; i++)
      {
        g_autofree char *accel = NULL;

        g_object_get (all->pdata[i], "accelerator", &accel, NULL);
        listed |= g_strcmp0 (accel, "<Control>z") == 0;
      }
    g_assert_cmpuint (all->len, >, 5);
    g_assert_true (listed);
    gtk_window_destroy (shortcuts);
  }
  test_destroy_window (window);
}

/* The widgets Tab reaches from the focus, in order, once round. */
static GPtrArray *
tab_walk (GtkWindow *window,
          guint      max)
{
  GPtrArray *seen = g_ptr_array_new ();

  for (guint i = 0; i < max; i++)
    {
      GtkWidget *focus;

      /* As GtkWindow moves the focus: at the end, round from the start. */
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          gtk_window_set_focus (window, NULL);
          gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
        }
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (g_getenv ("TAB_WALK") && focus)
        g_printerr ("AT %s in %s\n", G_OBJECT_TYPE_NAME (focus), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)));
      if (focus == NULL || g_ptr_array_find (seen, focus, NULL))
        break;
      g_ptr_array_add (seen, focus);
      if (g_getenv ("TAB_WALK"))
        g_printerr ("TAB %s %s\n", G_OBJECT_TYPE_NAME (focus),
                    gtk_widget_get_tooltip_text (focus) ? gtk_widget_get_tooltip_text (focus) : "");
    }
  return seen;
}

static void
collect_charts (GtkWidget *widget,
                GPtrArray *out)
{
  if (RG_IS_CHART_VIEW (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_charts (child, out);
}

/* The Satisfaction page by keyboard: Tab reaches the period, the export,
 * every chart and its export button, and the lists below. */
static void
test_satisfaction_keyboard (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  g_autoptr(GPtrArray) seen = NULL;
  guint charts = 0, chart_exports = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "satisfaction"));
  {
    RgSatisfactionView *view = RG_SATISFACTION_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_SATISFACTION_VIEW));
    gboolean timed_out = FALSE;
    guint id = g_timeout_add (20000, test_timeout_cb, &timed_out);

    while (!timed_out && (rg_satisfaction_view_is_loading (view) || rg_satisfaction_view_get_result (view) == NULL))
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
  }
  test_spin (100);
  seen = tab_walk (GTK_WINDOW (window), 300);
  for (guint i = 0; i < seen->len; i++)
    {
      GtkWidget *w = seen->pdata[i];

      charts += RG_IS_CHART_VIEW (w);
      chart_exports += GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Export the Chart…") == 0;
    }
  {
    g_autoptr(GPtrArray) shown = g_ptr_array_new ();
    guint n_shown = 0;

    collect_charts (GTK_WIDGET (window), shown);
    for (guint i = 0; i < shown->len; i++)
      n_shown += gtk_widget_get_mapped (shown->pdata[i]);
    g_assert_cmpuint (n_shown, >=, 6);
    g_assert_cmpuint (charts, ==, n_shown);
    g_assert_cmpuint (chart_exports, ==, n_shown);
  }

  /* Retention: past its figures, to its charts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "retention"));
  {
    RgRetentionView *view = RG_RETENTION_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_RETENTION_VIEW));
    gboolean timed_out = FALSE;
    guint id = g_timeout_add (20000, test_timeout_cb, &timed_out);
    g_autoptr(GPtrArray) walked = NULL;

    while (!timed_out && (rg_retention_view_is_loading (view) || rg_retention_view_get_result (view) == NULL))
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
    test_spin (100);
    walked = tab_walk (GTK_WINDOW (window), 300);
    charts = 0;
    for (guint i = 0; i < walked->len; i++)
      charts += RG_IS_CHART_VIEW (walked->pdata[i]);
    g_assert_cmpuint (charts, ==, 3);
  }
  test_destroy_window (window);
}

/* Ticking a condition keeps it under the pointer (the warning it adds at
 * the top of the card does not push the list down) and keeps its row; a
 * new client's timeline entry starts as a note. */
static void
test_card_steady (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgClient) client = test_add_client (studio, "Steady", "+44 7700 900131");
  g_autoptr(RgClient) other = test_add_client (studio, "Other", "+44 7700 900132");
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  RgClientCard *card;
  GtkWidget *row, *check;
  GtkScrolledWindow *scrolled;
  graphene_point_t before, after;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rg_studio_set_selected_client (studio, client);
  test_spin (100);
  card = RG_CLIENT_CARD (test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD));
  /* No bookings at all: no empty history to open. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card->history_row)));
  gtk_toggle_button_set_active (card->edit_button, TRUE);
  adw_expander_row_set_expanded (card->conditions_row, TRUE);
  test_spin (300);
  g_assert_cmpuint (card->condition_rows->len, >, 4);
  row = card->condition_rows->pdata[3];
  check = g_object_get_data (G_OBJECT (row), "check");
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (check, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_compute_point (check, GTK_WIDGET (scrolled), &GRAPHENE_POINT_INIT (0, 0), &before));
  /* Bring it to the middle of the view, as a person would scroll to it. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled),
                            gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled)) + before.y - 400);
  test_spin (100);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_compute_point (check, GTK_WIDGET (scrolled), &GRAPHENE_POINT_INIT (0, 0), &before));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  test_spin (300);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM client_conditions WHERE client_id = ?1",
                                 rg_record_get_id (RG_RECORD (client))), ==, 1);
  /* The same row, where it was. */
  g_assert_true (card->condition_rows->pdata[3] == row);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_compute_point (check, GTK_WIDGET (scrolled), &GRAPHENE_POINT_INIT (0, 0), &after));
  g_assert_cmpfloat (fabs (after.y - before.y), <, 2);

  /* The medical note: all of it, on several lines, and saved from there. */
  {
    const char *note = "Reacted to lidocaine at the dentist in March 2024: swelling for two days.\n"
                       "Ask before any numbing cream; prefers a patch test a day before.";
    g_autofree char *shown = NULL;
    g_autofree char *saved = NULL;
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (rg_text_row_get_view (card->medical_notes_row));

    g_object_set (client, "medical-notes", note, NULL);
    g_assert_true (rg_studio_save (studio, RG_RECORD (client), NULL));
    test_spin (100);
    shown = rg_text_row_get_text (card->medical_notes_row);
    g_assert_cmpstr (shown, ==, note);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card->medical_notes_row)));
    /* The text view lays its lines out from idle: on a loaded machine a
     * moment later than the 100 ms above. */
    for (int waited = 0; waited < 3000 && gtk_widget_get_height (GTK_WIDGET (card->medical_notes_row)) <= 60; waited += 50)
      test_spin (50);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (card->medical_notes_row)), >, 60);   /* not one line */
    gtk_widget_grab_focus (GTK_WIDGET (rg_text_row_get_view (card->medical_notes_row)));
    test_save_shot (GTK_WIDGET (window), "card-medical");
    gtk_text_buffer_set_text (buffer, "Lidocaine: swelling.\nPatch test first.", -1);
    g_signal_emit_by_name (card->medical_notes_row, "apply");
    test_spin (100);
    saved = test_sql_text (store, "SELECT medical_notes FROM clients WHERE id = ?1", rg_record_get_id (RG_RECORD (client)));
    g_assert_cmpstr (saved, ==, "Lidocaine: swelling.\nPatch test first.");
  }

  /* The entry type: back to a note for the next client. */
  gtk_drop_down_set_selected (card->note_kind, 2);
  rg_studio_set_selected_client (studio, other);
  test_spin (100);
  g_assert_cmpuint (gtk_drop_down_get_selected (card->note_kind), ==, 0);
  test_destroy_window (window);
}

/* At 1200 px with a client's card open, the day of six masters fits: the
 * columns narrow before the view scrolls sideways, and the card keeps a
 * sidebar's width. */
static void
test_day_fits (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  g_autoptr(RgClient) client = test_add_client (studio, "Fits", "+44 7700 900141");
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  GtkWidget *calendar, *card;
  RgDayView *day;
  GtkScrollable *scrollable;
  GtkAdjustment *h;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  calendar = test_find_child (GTK_WIDGET (window), RG_TYPE_CALENDAR_VIEW);
  g_assert_true (gtk_widget_activate_action (calendar, "calendar.mode", "i", RG_CALENDAR_MODE_DAY));
  rg_studio_set_selected_client (studio, client);
  test_spin (300);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  card = test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD);
  g_assert_true (gtk_widget_get_mapped (card));
  g_assert_cmpint (gtk_widget_get_width (card), <=, 400);
  day = rg_calendar_view_get_day_view (RG_CALENDAR_VIEW (calendar));
  g_assert_cmpuint (rg_day_view_get_n_columns (day), ==, 6);
  scrollable = GTK_SCROLLABLE (day);
  h = gtk_scrollable_get_hadjustment (scrollable);
  g_assert_nonnull (h);
  /* Nothing to scroll to sideways: every column is in view. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h), <=,
                     gtk_adjustment_get_page_size (h) + 1);
  test_save_shot (GTK_WIDGET (window), "day-1200-card");
  test_destroy_window (window);
}

/* The card's privacy: the consent row says since when; Erase for Privacy
 * asks for the client's name typed before it erases, and the card then
 * shows the anonymous placeholder, with nothing left to erase. */
static void
test_card_privacy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-privacy-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (demo_path);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgClient) client = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  RgClientCard *card;
  RgWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *entry, *row;
  gint64 id;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
  id = test_sql_int (rg_studio_get_store (studio),
                     "SELECT client_id FROM appointments WHERE status = 'done' AND deleted_at IS NULL"
                     " GROUP BY client_id ORDER BY count(*) DESC LIMIT 1", 0);
  client = rg_studio_lookup (studio, RG_TYPE_CLIENT, id, &error);
  g_assert_no_error (error);
  name = g_strdup (rg_client_get_address_as (client));

  window = rg_window_new (NULL, studio, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rg_studio_set_selected_client (studio, client);
  card = RG_CLIENT_CARD (test_find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD));

  /* The switch records the consent with its day, shown under it. */
  g_assert_true (rg_studio_set_messages_consent (studio, id, FALSE, &error));
  g_assert_no_error (error);
  gtk_switch_set_active (card->consent_switch, TRUE);
  g_assert_cmpint (rg_studio_get_messages_consent (studio, id), >, 0);
  row = gtk_widget_get_ancestor (GTK_WIDGET (card->consent_switch), ADW_TYPE_ACTION_ROW);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Since "));
  test_save_shot (GTK_WIDGET (card->about_group), "card-consent");

  /* Asked, with the name to type: a slip cannot erase. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.erase", NULL));
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  heading = g_strdup_printf ("Erase “%s” for Privacy?", name);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "erase"));
  entry = test_find_child (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "someone else");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "erase"));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "erase"));
  test_save_shot (GTK_WIDGET (dialog), "erase-dialog");
  adw_message_dialog_response (dialog, "erase");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The card is the placeholder now; nothing left to erase. */
  g_assert_true (rg_client_is_erased (client));
  g_assert_cmpstr (gtk_label_get_text (card->name_label), ==, "Erased client");
  gtk_widget_activate_action (GTK_WIDGET (card), "card.erase", NULL);
  g_assert_null (test_find_message_dialog ());
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (card->edit_button)));
  test_save_shot (GTK_WIDGET (card), "card-erased");

  test_destroy_window (window);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!test_ui_init (&argc, &argv))
    return 0;

  /* The demo studio, as `regulars --demo` makes it. */
  demo_path = test_make_demo ("window", "ru", NOW);

  g_test_add_func ("/window/search-narrows", test_search_narrows);
  g_test_add_func ("/window/narrow-folds", test_narrow_folds);
  g_test_add_func ("/window/calendar-day", test_calendar_day);
  g_test_add_func ("/window/new-client", test_new_client);
  g_test_add_func ("/window/card-history", test_card_history);
  g_test_add_func ("/window/sort-and-filter", test_sort_and_filter);
  g_test_add_func ("/window/satisfaction", test_satisfaction);
  g_test_add_func ("/window/today", test_today);
  g_test_add_func ("/window/retention", test_retention);
  g_test_add_func ("/window/retention-to-date", test_retention_to_date);
  g_test_add_func ("/window/style-switch", test_style_switch);
  g_test_add_func ("/window/undo-shortcut", test_undo_shortcut);
  g_test_add_func ("/window/satisfaction-keyboard", test_satisfaction_keyboard);
  g_test_add_func ("/window/card-steady", test_card_steady);
  g_test_add_func ("/window/day-fits", test_day_fits);
  g_test_add_func ("/window/closed-at-once", test_closed_at_once);
  g_test_add_func ("/window/upgrade-progress", test_upgrade_progress);
  g_test_add_func ("/window/saving-stopped", test_saving_stopped);
  g_test_add_func ("/window/delete-with-bookings", test_delete_with_bookings);
  g_test_add_func ("/window/timeline-words", test_timeline_words);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/focus-follows-page", test_focus_follows_page);
  g_test_add_func ("/window/new-booking-first-free", test_new_booking_first_free);
  g_test_add_func ("/window/accessible-names", test_accessible_names);
  g_test_add_func ("/window/card-privacy", test_card_privacy);

  status = g_test_run ();

  test_remove_demo (demo_path);
  g_free (demo_path);

  return status;
}
