/* test-appointment-editor.c — the appointment editor on a demo studio,
 * driven through its fields and actions as the desk would: booking an
 * existing client found by phone digits with two services, a new client
 * added inline, a conflict that refuses Save, editing time and status, a
 * weekly series with one week taken, time outside the working hours; and
 * the window's calendar actions creating, moving and cancelling an
 * appointment, checked in the store.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"
#include "test-util-ui.h"

#include <glib/gstdio.h>
#include <string.h>

#include "demo/rg-generator.h"
#include "model/rg-booking.h"
#include "model/rg-format.h"
#include "model/rg-service.h"
#include "store/rg-search.h"
#include "widgets/editor/rg-appointment-editor-private.h"
#include "widgets/calendar/rg-calendar-view.h"
#include "widgets/rg-window.h"

#define NOW ((gint64) 1795867200)   /* 2026-11-28 12:00 UTC */

static char *demo_path;

static gint64
sql_int2 (RgStore    *store,
          const char *sql,
          gint64      a,
          gint64      b)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, NULL);
  gboolean row = FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  g_assert_true (rg_store_step_row (store, stmt, &row, NULL) && row);
  return sqlite3_column_int64 (stmt, 0);
}

/* The n-th service the studio offers. */
static RgService *
service_at (RgStudio *studio,
            guint     n)
{
  g_autoptr(RgRecordList) services = rg_record_list_new_services (studio, FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (services)), >, n);
  return g_list_model_get_item (G_LIST_MODEL (services), n);
}

/* A free slot of @minutes within someone's working hours, some weeks
 * after the demo's bookings (which the client's own conflicts could hit). */
static RgBookingSlot
free_slot (RgStudio *studio,
           gint64    staff_id,
           int       minutes,
           int       days_ahead)
{
  g_autoptr(GError) error = NULL;
  RgBookingSlot slot = { 0 };
  gboolean found = FALSE;
  RgDate day = rg_date_add_days (rg_date_from_time (NOW), days_ahead);

  g_assert_true (rg_booking_find_free_slot (studio, 0, staff_id, minutes, rg_date_start (day), 30,
                                            &slot, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  return slot;
}

static void
saved_cb (RgAppointmentEditor  *editor,
          RgAppointment        *appointment,
          RgAppointment       **out)
{
  g_assert_null (*out);
  *out = g_object_ref (appointment);
}

/* Holds what an editor saved, and the editor while it is open. */
typedef struct {
  RgAppointment       *saved;
  RgAppointmentEditor *editor;
} Session;

static void
session_open (Session       *s,
              RgStudio      *studio,
              RgAppointment *appointment)
{
  s->saved = NULL;
  s->editor = rg_appointment_editor_new (NULL, studio, appointment);
  g_object_add_weak_pointer (G_OBJECT (s->editor), (gpointer *) &s->editor);
  g_signal_connect (s->editor, "saved", G_CALLBACK (saved_cb), &s->saved);
  gtk_window_present (GTK_WINDOW (s->editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (s->editor));
}

static void
session_close (Session *s)
{
  if (s->editor)
    gtk_window_destroy (GTK_WINDOW (s->editor));
  while (s->editor)
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&s->saved);
}

static gboolean
save (Session *s)
{
  gtk_widget_activate_action (GTK_WIDGET (s->editor), "editor.save", NULL);
  /* The editor closes itself on success. */
  return s->saved != NULL && s->editor == NULL;
}

/* The toplevel of @type other than @not, or NULL. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *not)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != not && G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static GtkListBoxRow *
row_of_client (GtkListBox *list,
               RgClient   *client)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    if (g_object_get_data (G_OBJECT (row), "client") == client)
      return row;
  return NULL;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n))
    n++;
  return n;
}

/* A client whose last four phone digits find at most a few clients. */
static RgClient *
client_found_by_digits (RgStudio  *studio,
                        char     **digits_out)
{
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY id LIMIT 100",
                                             NULL);

  for (;;)
    {
      gboolean row = FALSE;
      g_autoptr(RgClient) client = NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      const char *digits;

      g_assert_true (rg_store_step_row (store, stmt, &row, NULL));
      g_assert_true (row);
      client = rg_studio_lookup (studio, RG_TYPE_CLIENT, sqlite3_column_int64 (stmt, 0), NULL);
      digits = rg_client_get_phone_digits (client);
      g_assert_true (rg_search_clients (store, digits + strlen (digits) - 4, 0, ids, NULL));
      if (ids->len <= 4)
        {
          *digits_out = g_strdup (digits + strlen (digits) - 4);
          return g_steal_pointer (&client);
        }
    }
}

/* An existing client found by four phone digits, two services whose
 * durations add up and prices sum, a duration changed for this client and
 * the total typed over: the store has the appointment and its services. */
static void
test_existing_client_two_services (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgService) first = service_at (studio, 0);
  g_autoptr(RgService) second = service_at (studio, 1);
  g_autofree char *digits = NULL;
  g_autoptr(RgClient) client = client_found_by_digits (studio, &digits);
  g_autoptr(RgBookingDraft) draft = NULL;
  int d1 = rg_service_get_duration_minutes (first);
  int d2 = rg_service_get_duration_minutes (second);
  gint64 id, p1 = rg_service_get_price (first), p2 = rg_service_get_price (second);
  g_autofree char *sum = rg_format_money (p1 + p2);
  RgBookingSlot slot = free_slot (studio, 0, d1 + d2 + 15, 60);
  Session s;
  GtkListBoxRow *row;

  session_open (&s, studio, NULL);
  rg_appointment_editor_prefill (s.editor, slot.staff_id, slot.starts_at, 0);

  /* Four digits: the client is among the matches; arrows and Enter pick. */
  gtk_editable_set_text (GTK_EDITABLE (s.editor->client_entry), digits);
  rg_appointment_editor_search_now (s.editor);
  row = row_of_client (s.editor->client_list, client);
  g_assert_nonnull (row);
  g_assert_cmpuint (n_rows (s.editor->client_list), <=, 9);
  gtk_list_box_select_row (s.editor->client_list, row);
  g_signal_emit_by_name (s.editor->client_entry, "activate");
  g_assert_true (rg_appointment_editor_get_client (s.editor) == client);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (s.editor->client_stack), ==, "chosen");

  /* Two services: the lengths add up, the prices sum. */
  g_assert_true (rg_appointment_editor_add_service (s.editor, rg_record_get_id (RG_RECORD (first))));
  g_assert_true (rg_appointment_editor_add_service (s.editor, rg_record_get_id (RG_RECORD (second))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (rg_appointment_editor_get_duration_spin (s.editor, 0)), ==, d1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (s.editor->total_entry)), ==, sum);
  draft = rg_appointment_editor_build_draft (s.editor, NULL);
  g_assert_cmpint (rg_booking_draft_get_ends_at (draft), ==, slot.starts_at + (gint64) (d1 + d2) * 60);
  g_assert_cmpint (rg_booking_draft_get_price (draft), ==, p1 + p2);
  g_assert_false (draft->price_override);
  g_clear_pointer (&draft, rg_booking_draft_free);

  /* This client takes a quarter of an hour longer for the second. */
  gtk_spin_button_set_value (rg_appointment_editor_get_duration_spin (s.editor, 1), d2 + 15);
  {
    int end = rg_time_minute_of_day (slot.starts_at) + d1 + d2 + 15;
    g_autofree char *ends = g_strdup_printf ("Ends at %02d:%02d", end / 60, end % 60);
    g_assert_cmpstr (adw_action_row_get_subtitle (s.editor->time_row), ==, ends);
  }

  /* A discount typed over the total. */
  gtk_editable_set_text (GTK_EDITABLE (s.editor->total_entry), "1234");
  g_assert_true (s.editor->price_override);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (s.editor->reset_price_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (s.editor->conflict_label)));

  g_assert_true (save (&s));
  id = rg_record_get_id (RG_RECORD (s.saved));

  g_assert_cmpint (test_sql_int (store, "SELECT client_id FROM appointments WHERE id = ?1", id), ==,
                   rg_record_get_id (RG_RECORD (client)));
  g_assert_cmpint (test_sql_int (store, "SELECT staff_id FROM appointments WHERE id = ?1", id), ==, slot.staff_id);
  g_assert_cmpint (test_sql_int (store, "SELECT starts_at FROM appointments WHERE id = ?1", id), ==, slot.starts_at);
  g_assert_cmpint (test_sql_int (store, "SELECT ends_at FROM appointments WHERE id = ?1", id), ==,
                   slot.starts_at + (gint64) (d1 + d2 + 15) * 60);
  g_assert_cmpint (test_sql_int (store, "SELECT price FROM appointments WHERE id = ?1", id), ==, 123400);
  {
    g_autofree char *status = test_sql_text (store, "SELECT status FROM appointments WHERE id = ?1", id);
    g_assert_cmpstr (status, ==, "booked");
  }
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointment_services WHERE appointment_id = ?1", id), ==, 2);
  g_assert_cmpint (test_sql_int (store, "SELECT service_id FROM appointment_services WHERE appointment_id = ?1 "
                                   "AND position = 0", id), ==, rg_record_get_id (RG_RECORD (first)));
  g_assert_cmpint (test_sql_int (store, "SELECT duration_minutes FROM appointment_services WHERE appointment_id = ?1 "
                                   "AND position = 1", id), ==, d2 + 15);
  g_assert_cmpint (test_sql_int (store, "SELECT price FROM appointment_services WHERE appointment_id = ?1 "
                                   "AND position = 1", id), ==, p2);

  session_close (&s);
}

/* A client who is not in the book: added inline with a name and a phone
 * (a bad phone is refused inline, a phone that is someone's offers them),
 * then booked. */
static void
test_new_client_inline (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgService) service = service_at (studio, 2);
  RgBookingSlot slot = free_slot (studio, 0, rg_service_get_duration_minutes (service), 61);
  g_autoptr(RgClient) existing = rg_studio_lookup (studio, RG_TYPE_CLIENT,
                                                   test_sql_int (store, "SELECT min(id) FROM clients WHERE ?1 = ?1", 0), NULL);
  RgClient *created;
  gint64 client_id;
  Session s;
  GtkListBoxRow *last;

  session_open (&s, studio, NULL);
  rg_appointment_editor_prefill (s.editor, slot.staff_id, slot.starts_at, slot.ends_at);

  gtk_editable_set_text (GTK_EDITABLE (s.editor->client_entry), "Зинаида Новенькая");
  rg_appointment_editor_search_now (s.editor);
  last = gtk_list_box_get_row_at_index (s.editor->client_list, (int) n_rows (s.editor->client_list) - 1);
  g_assert_true (g_object_get_data (G_OBJECT (last), "new-client") != NULL);
  gtk_list_box_select_row (s.editor->client_list, last);
  g_signal_emit_by_name (s.editor->client_entry, "activate");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (s.editor->client_stack), ==, "create");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (s.editor->new_name_row)), ==, "Зинаида Новенькая");

  /* Not a phone: the model's message, inline. */
  gtk_editable_set_text (GTK_EDITABLE (s.editor->new_phone_row), "12");
  gtk_widget_activate_action (GTK_WIDGET (s.editor), "editor.create-client", NULL);
  g_assert_null (rg_appointment_editor_get_client (s.editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (s.editor->new_client_error)));
  g_assert_nonnull (strstr (gtk_label_get_text (s.editor->new_client_error), "12"));

  /* Someone's phone: that client is offered, no twin is made. */
  gtk_editable_set_text (GTK_EDITABLE (s.editor->new_phone_row), rg_client_get_phone (existing));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (s.editor->duplicate_list)));
  gtk_widget_activate_action (GTK_WIDGET (s.editor), "editor.create-client", NULL);
  g_assert_null (rg_appointment_editor_get_client (s.editor));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE address_as = 'Зинаида Новенькая' AND ?1 = ?1",
                            0), ==, 0);

  /* A new number: the client is added and chosen. */
  gtk_editable_set_text (GTK_EDITABLE (s.editor->new_phone_row), "+7 999 000-11-22");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (s.editor->duplicate_list)));
  gtk_widget_activate_action (GTK_WIDGET (s.editor), "editor.create-client", NULL);
  created = rg_appointment_editor_get_client (s.editor);
  g_assert_nonnull (created);
  g_assert_cmpstr (rg_client_get_address_as (created), ==, "Зинаида Новенькая");
  client_id = rg_record_get_id (RG_RECORD (created));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE id = ?1 AND deleted_at IS NULL", client_id), ==, 1);

  g_assert_true (rg_appointment_editor_add_service (s.editor, rg_record_get_id (RG_RECORD (service))));
  g_assert_true (save (&s));
  g_assert_cmpint (test_sql_int (store, "SELECT client_id FROM appointments WHERE id = ?1",
                            rg_record_get_id (RG_RECORD (s.saved))), ==, client_id);

  session_close (&s);
}

/* A staff member's time that is taken: the other appointment is named,
 * Save is refused; allowing an overlap lifts a staff conflict. */
static void
test_conflict_refused (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgService) service = service_at (studio, 0);
  g_autoptr(RgClient) client = test_add_client (studio, "Конфликтова", "+7 999 000-22-33");
  g_autoptr(RgAppointment) other = NULL;
  g_autoptr(RgClient) other_client = NULL;
  gint64 before = test_sql_int (store, "SELECT count(*) FROM appointments WHERE ?1 = ?1", 0);
  Session s;

  /* A booking of the demo that holds its time and allows no overlap. */
  other = rg_studio_lookup (studio, RG_TYPE_APPOINTMENT,
                            test_sql_int (store, "SELECT id FROM appointments WHERE starts_at > ?1 AND deleted_at IS NULL "
                                            "AND status = 'booked' AND allow_overlap = 0 ORDER BY starts_at LIMIT 1",
                                     NOW), NULL);
  g_assert_nonnull (other);
  other_client = rg_studio_lookup (studio, RG_TYPE_CLIENT, rg_appointment_get_client_id (other), NULL);

  session_open (&s, studio, NULL);
  rg_appointment_editor_set_client (s.editor, client);
  g_assert_true (rg_appointment_editor_add_service (s.editor, rg_record_get_id (RG_RECORD (service))));
  rg_appointment_editor_prefill (s.editor, rg_appointment_get_staff_id (other),
                                 rg_appointment_get_starts_at (other), 0);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (s.editor->conflict_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (s.editor->conflict_label), rg_client_get_address_as (other_client)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (s.editor->save_button)));

  g_assert_false (save (&s));
  g_assert_nonnull (s.editor);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE ?1 = ?1", 0), ==, before);

  /* This master may take two clients at once. */
  gtk_switch_set_active (s.editor->overlap_switch, TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (s.editor->conflict_label)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (s.editor->save_button)));

  session_close (&s);
}

/* An appointment opened again: a new time and a new status are saved. */
static void
test_edit_time_and_status (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgService) service = service_at (studio, 0);
  g_autoptr(RgClient) client = test_add_client (studio, "Перенесенная", "+7 999 000-33-44");
  int minutes = rg_service_get_duration_minutes (service);
  RgBookingSlot slot = free_slot (studio, 0, minutes + 60, 62);
  g_autoptr(RgBookingDraft) draft = rg_booking_draft_new ();
  g_autoptr(RgAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 id;
  Session s;

  draft->client_id = rg_record_get_id (RG_RECORD (client));
  draft->staff_id = slot.staff_id;
  draft->starts_at = slot.starts_at;
  rg_booking_draft_add_service (draft, rg_record_get_id (RG_RECORD (service)), minutes, 100000);
  appointment = rg_booking_save (studio, draft, &error);
  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (appointment));

  session_open (&s, studio, appointment);
  g_assert_true (rg_appointment_editor_get_client (s.editor) == client);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (s.editor->status_group)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (s.editor->repeat_group)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (s.editor->start_spin), ==,
                   rg_time_minute_of_day (slot.starts_at));

  /* An hour later, and confirmed. */
  gtk_spin_button_set_value (s.editor->start_spin, rg_time_minute_of_day (slot.starts_at) + 60);
  rg_appointment_editor_set_status (s.editor, RG_APPOINTMENT_CONFIRMED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (s.editor->conflict_label)));
  g_assert_true (save (&s));
  g_assert_true (s.saved == appointment);

  g_assert_cmpint (test_sql_int (store, "SELECT starts_at FROM appointments WHERE id = ?1", id), ==, slot.starts_at + 3600);
  g_assert_cmpint (test_sql_int (store, "SELECT ends_at FROM appointments WHERE id = ?1", id), ==,
                   slot.starts_at + 3600 + (gint64) minutes * 60);
  status = test_sql_text (store, "SELECT status FROM appointments WHERE id = ?1", id);
  g_assert_cmpstr (status, ==, "confirmed");
  g_assert_cmpint (test_sql_int (store, "SELECT price FROM appointments WHERE id = ?1", id), ==, 100000);
  session_close (&s);

  /* Only the transitions the rules allow are offered: from confirmed,
   * everything; once done, nothing. */
  g_assert_true (rg_booking_set_status (studio, appointment, RG_APPOINTMENT_DONE, &error));
  g_assert_no_error (error);
  session_open (&s, studio, appointment);
  g_assert_cmpuint (s.editor->statuses->len, ==, 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (s.editor->status_row)));
  session_close (&s);
}

/* Every week four times, the third week taken: the plan lists it, the
 * other three are booked as one series. */
static void
test_weekly_series (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgService) service = service_at (studio, 0);
  g_autoptr(RgClient) client = test_add_client (studio, "Постоянная", "+7 999 000-44-55");
  g_autoptr(RgClient) blocker = test_add_client (studio, "Занявшая", "+7 999 000-55-66");
  int minutes = rg_service_get_duration_minutes (service);
  RgBookingSlot slot = free_slot (studio, 0, minutes, 63);
  RgDate first = rg_date_from_time (slot.starts_at);
  gint64 third = rg_time_from_local (rg_date_add_days (first, 14), rg_time_minute_of_day (slot.starts_at));
  g_autoptr(GError) error = NULL;
  gint64 series;
  Session s;

  /* Someone else takes the third week's time with the same master. */
  {
    g_autoptr(RgBookingDraft) draft = rg_booking_draft_new ();
    g_autoptr(RgAppointment) taken = NULL;

    draft->client_id = rg_record_get_id (RG_RECORD (blocker));
    draft->staff_id = slot.staff_id;
    draft->starts_at = third;
    rg_booking_draft_add_service (draft, rg_record_get_id (RG_RECORD (service)), minutes, 0);
    taken = rg_booking_save (studio, draft, &error);
    g_assert_no_error (error);
  }

  session_open (&s, studio, NULL);
  rg_appointment_editor_set_client (s.editor, client);
  g_assert_true (rg_appointment_editor_add_service (s.editor, rg_record_get_id (RG_RECORD (service))));
  rg_appointment_editor_prefill (s.editor, slot.staff_id, slot.starts_at, 0);
  rg_appointment_editor_set_repeat (s.editor, 1, rg_date_add_days (first, 21));

  /* Save first lists the weeks. */
  g_assert_false (save (&s));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (s.editor->pages), ==, "series");
  g_assert_cmpuint (s.editor->plan->len, ==, 4);
  g_assert_cmpuint (n_rows (s.editor->series_list), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      RgBookingOccurrence *o = g_ptr_array_index (s.editor->plan, i);
      g_assert_cmpuint (o->conflicts->len, ==, i == 2 ? 1 : 0);
    }
  g_assert_cmpstr (gtk_button_get_label (s.editor->save_button), ==, "_Book 3");

  /* Back keeps everything; then book the free ones. */
  gtk_widget_activate_action (GTK_WIDGET (s.editor), "editor.back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (s.editor->pages), ==, "form");
  g_assert_true (rg_appointment_editor_get_client (s.editor) == client);
  g_assert_false (save (&s));
  gtk_widget_activate_action (GTK_WIDGET (s.editor), "editor.book-free", NULL);
  g_assert_nonnull (s.saved);
  g_assert_null (s.editor);

  series = rg_appointment_get_series_id (s.saved);
  g_assert_cmpint (series, !=, 0);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE series_id = ?1", series), ==, 3);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE client_id = ?1",
                            rg_record_get_id (RG_RECORD (client))), ==, 3);
  g_assert_cmpint (sql_int2 (store, "SELECT count(*) FROM appointments WHERE series_id = ?1 AND starts_at = ?2",
                             series, third), ==, 0);

  /* Editing the first occurrence asks how far the change goes. */
  {
    g_autoptr(RgAppointment) occurrence = g_object_ref (s.saved);
    GtkWindow *dialog;

    session_close (&s);
    session_open (&s, studio, occurrence);
    gtk_editable_set_text (GTK_EDITABLE (s.editor->note_row), "Window seat");
    g_assert_false (save (&s));
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
    g_assert_nonnull (dialog);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "following");
    while (s.editor)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (s.saved == occurrence);
    g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE series_id = ?1 AND note = 'Window seat'",
                              series), ==, 3);
  }

  /* Cancelled on the second occurrence, "This and Following": the second
   * and the third are cancelled, the first stays booked. */
  {
    g_autoptr(RgAppointment) second = NULL;
    GtkWindow *dialog;
    guint cancelled = G_MAXUINT;

    second = rg_studio_lookup (studio, RG_TYPE_APPOINTMENT,
                               sql_int2 (store, "SELECT id FROM appointments WHERE series_id = ?1 AND starts_at > ?2 "
                                                "ORDER BY starts_at LIMIT 1", series, slot.starts_at), &error);
    g_assert_no_error (error);
    session_close (&s);
    session_open (&s, studio, second);
    for (guint i = 0; i < s.editor->statuses->len; i++)
      if (g_array_index (s.editor->statuses, RgAppointmentStatus, i) == RG_APPOINTMENT_CANCELLED)
        cancelled = i;
    g_assert_cmpuint (cancelled, !=, G_MAXUINT);
    adw_combo_row_set_selected (s.editor->status_row, cancelled);
    g_assert_false (save (&s));
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
    g_assert_nonnull (dialog);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "following");
    while (s.editor)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE series_id = ?1 AND status = 'cancelled'",
                                   series), ==, 2);
    g_assert_cmpint (sql_int2 (store, "SELECT status = 'booked' FROM appointments WHERE series_id = ?1 AND starts_at = ?2",
                               series, slot.starts_at), ==, 1);
  }

  /* Done on the first occurrence, weeks ahead: asked first; Cancel keeps
   * the editor open and the visit booked, Mark Done saves it done. */
  {
    g_autoptr(RgAppointment) first_one = rg_studio_lookup (studio, RG_TYPE_APPOINTMENT,
                                                           sql_int2 (store, "SELECT id FROM appointments WHERE series_id = ?1"
                                                                            " AND starts_at = ?2", series, slot.starts_at),
                                                           &error);
    AdwMessageDialog *dialog;
    guint done = G_MAXUINT;

    session_close (&s);
    session_open (&s, studio, first_one);
    for (guint i = 0; i < s.editor->statuses->len; i++)
      if (g_array_index (s.editor->statuses, RgAppointmentStatus, i) == RG_APPOINTMENT_DONE)
        done = i;
    adw_combo_row_set_selected (s.editor->status_row, done);
    g_assert_false (save (&s));
    dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Mark as Done Before It Starts?");
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    test_spin (50);
    g_assert_nonnull (s.editor);
    g_assert_cmpint (rg_appointment_get_status (first_one), ==, RG_APPOINTMENT_BOOKED);

    g_assert_false (save (&s));
    dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
    adw_message_dialog_response (dialog, "done");
    gtk_window_destroy (GTK_WINDOW (dialog));
    /* Then the series question, as for any change of an occurrence. */
    while (s.editor && (dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL))) == NULL)
      g_main_context_iteration (NULL, TRUE);
    if (s.editor)
      {
        adw_message_dialog_response (dialog, "this");
        gtk_window_destroy (GTK_WINDOW (dialog));
      }
    while (s.editor)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (rg_appointment_get_status (first_one), ==, RG_APPOINTMENT_DONE);
  }
  session_close (&s);
  while (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Outside the master's working hours, Save asks first. */
static void
test_outside_hours_asks (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgService) service = service_at (studio, 0);
  g_autoptr(RgClient) client = test_add_client (studio, "Ранняя", "+7 999 000-66-77");
  RgBookingSlot slot = free_slot (studio, 0, rg_service_get_duration_minutes (service), 64);
  RgDate day = rg_date_from_time (slot.starts_at);
  GtkWindow *dialog;
  Session s;

  session_open (&s, studio, NULL);
  rg_appointment_editor_set_client (s.editor, client);
  g_assert_true (rg_appointment_editor_add_service (s.editor, rg_record_get_id (RG_RECORD (service))));
  rg_appointment_editor_prefill (s.editor, slot.staff_id, rg_time_from_local (day, 5 * 60), 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (s.editor->hours_label)));

  g_assert_false (save (&s));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "book");
  while (s.editor)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (s.saved);
  g_assert_cmpint (test_sql_int (store, "SELECT starts_at FROM appointments WHERE id = ?1",
                            rg_record_get_id (RG_RECORD (s.saved))), ==, rg_time_from_local (day, 5 * 60));
  session_close (&s);
  while (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The first free slot fills the master, the date and the time; Cancel
 * then asks before discarding. */
static void
test_free_slot (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  g_autoptr(RgService) service = service_at (studio, 0);
  gint64 start;
  Session s;

  session_open (&s, studio, NULL);
  g_assert_true (rg_appointment_editor_add_service (s.editor, rg_record_get_id (RG_RECORD (service))));
  gtk_widget_activate_action (GTK_WIDGET (s.editor), "editor.free-slot", "s", "any");
  g_assert_false (gtk_revealer_get_reveal_child (s.editor->error_revealer));

  start = rg_time_from_local (s.editor->date, gtk_spin_button_get_value_as_int (s.editor->start_spin));
  g_assert_cmpint (start, >=, rg_store_now () - 15 * 60);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (s.editor->conflict_label)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (s.editor->hours_label)));

  /* Escape with something entered asks before it is lost. */
  gtk_widget_activate_action (GTK_WIDGET (s.editor), "editor.cancel", NULL);
  g_assert_nonnull (s.editor);
  {
    GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);

    g_assert_nonnull (dialog);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  }
  while (s.editor)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (s.saved);
  session_close (&s);
  while (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Through the window: Ctrl+N's action opens the editor, a save selects
 * the new appointment in the day view; it is moved and cancelled, and the
 * store follows each step. */
static void
test_window_create_move_cancel (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgService) service = service_at (studio, 0);
  g_autoptr(RgClient) client = test_add_client (studio, "Оконная", "+7 999 000-77-88");
  int minutes = rg_service_get_duration_minutes (service);
  RgBookingSlot slot = free_slot (studio, 0, minutes + 60, 65);
  RgWindow *window = rg_window_new (NULL, studio, TRUE);
  g_autoptr(RgAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  RgCalendarView *calendar;
  RgDayView *day;
  gint64 id;
  Session s = { NULL, NULL };

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  calendar = RG_CALENDAR_VIEW (test_find_child (GTK_WIDGET (window), RG_TYPE_CALENDAR_VIEW));
  day = rg_calendar_view_get_day_view (calendar);
  rg_calendar_view_set_date (calendar, rg_date_from_time (slot.starts_at));

  /* Create. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.new", NULL));
  s.editor = RG_APPOINTMENT_EDITOR (find_toplevel (RG_TYPE_APPOINTMENT_EDITOR, NULL));
  g_assert_nonnull (s.editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (s.editor)) == GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (s.editor), (gpointer *) &s.editor);
  g_signal_connect (s.editor, "saved", G_CALLBACK (saved_cb), &s.saved);
  g_assert_cmpint (rg_date_compare (s.editor->date, rg_date_from_time (slot.starts_at)), ==, 0);

  rg_appointment_editor_set_client (s.editor, client);
  g_assert_true (rg_appointment_editor_add_service (s.editor, rg_record_get_id (RG_RECORD (service))));
  rg_appointment_editor_prefill (s.editor, slot.staff_id, slot.starts_at, 0);
  g_assert_true (save (&s));
  appointment = g_object_ref (s.saved);
  id = rg_record_get_id (RG_RECORD (appointment));
  g_assert_true (rg_day_view_get_selected (day) == appointment);
  g_assert_cmpint (test_sql_int (store, "SELECT starts_at FROM appointments WHERE id = ?1 AND deleted_at IS NULL", id), ==,
                   slot.starts_at);
  session_close (&s);

  /* Move an hour later. */
  g_assert_true (rg_booking_move (studio, appointment, 0, slot.starts_at + 3600, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (store, "SELECT starts_at FROM appointments WHERE id = ?1", id), ==, slot.starts_at + 3600);
  g_assert_cmpint (test_sql_int (store, "SELECT ends_at FROM appointments WHERE id = ?1", id), ==,
                   slot.starts_at + 3600 + (gint64) minutes * 60);

  /* Cancel from the day view, as Delete does. */
  rg_day_view_select (day, appointment);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (day), "day.cancel", NULL));
  status = test_sql_text (store, "SELECT status FROM appointments WHERE id = ?1", id);
  g_assert_cmpstr (status, ==, "cancelled");

  test_destroy_window (window);
}

/* Save without a client: the banner asks for one; choosing the client
 * (or any change) takes the stale banner away. */
static void
test_error_goes (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  g_autoptr(RgService) service = service_at (studio, 0);
  g_autoptr(RgClient) client = test_add_client (studio, "Забытая", "+7 999 000-99-11");
  RgBookingSlot slot = free_slot (studio, 0, rg_service_get_duration_minutes (service), 65);
  Session s;

  session_open (&s, studio, NULL);
  g_assert_true (rg_appointment_editor_add_service (s.editor, rg_record_get_id (RG_RECORD (service))));
  rg_appointment_editor_prefill (s.editor, slot.staff_id, slot.starts_at, 0);
  g_assert_false (save (&s));
  g_assert_true (gtk_revealer_get_reveal_child (s.editor->error_revealer));
  g_assert_cmpstr (gtk_label_get_text (s.editor->error_label), ==, "Choose the client for this appointment.");

  rg_appointment_editor_set_client (s.editor, client);
  g_assert_false (gtk_revealer_get_reveal_child (s.editor->error_revealer));

  /* Any error, then a change by hand: gone too. */
  rg_appointment_editor_show_error (s.editor, "Refused");
  g_assert_true (gtk_revealer_get_reveal_child (s.editor->error_revealer));
  gtk_editable_set_text (GTK_EDITABLE (s.editor->note_row), "x");
  g_assert_false (gtk_revealer_get_reveal_child (s.editor->error_revealer));
  session_close (&s);
  while (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The service picker: typographic apostrophes found by the keyboard's,
 * and services whose words start with the ones typed first. */
static void
test_service_search (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  g_autoptr(RgService) women = rg_service_new ("Women’s haircut", 60, 450000);
  g_autoptr(RgService) men = rg_service_new ("Men’s haircut", 30, 280000);
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  GPtrArray *shown = g_ptr_array_new ();
  Session s;

  /* Women's before men's in the price list: the search reorders them. */
  rg_service_set_position (women, 900);
  rg_service_set_position (men, 901);
  g_assert_true (rg_studio_save (studio, RG_RECORD (women), &error));
  g_assert_true (rg_studio_save (studio, RG_RECORD (men), &error));
  g_assert_no_error (error);

  session_open (&s, studio, NULL);
  gtk_popover_popup (s.editor->service_popover);
  test_spin (100);
  gtk_editable_set_text (GTK_EDITABLE (s.editor->service_entry), "men's h");
  test_spin (100);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (s.editor->service_pick_list, i)); i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      g_ptr_array_add (shown, g_object_get_data (G_OBJECT (row), "service"));
  g_assert_cmpuint (shown->len, ==, 2);
  g_assert_true (shown->pdata[0] == men);
  g_assert_true (shown->pdata[1] == women);
  /* Enter takes the first. */
  row = gtk_list_box_get_selected_row (s.editor->service_pick_list);
  g_assert_nonnull (row);
  g_assert_true (g_object_get_data (G_OBJECT (row), "service") == men);

  /* "men": the one whose word starts so first, wherever the list has it. */
  gtk_editable_set_text (GTK_EDITABLE (s.editor->service_entry), "men");
  test_spin (100);
  row = gtk_list_box_get_selected_row (s.editor->service_pick_list);
  g_assert_true (g_object_get_data (G_OBJECT (row), "service") == men);

  /* Cleared, the price list's order again, women's first. */
  gtk_editable_set_text (GTK_EDITABLE (s.editor->service_entry), "");
  test_spin (100);
  g_ptr_array_set_size (shown, 0);
  {
    g_autoptr(RgRecordList) services = rg_record_list_new_services (studio, FALSE);

    for (int i = 0; (row = gtk_list_box_get_row_at_index (s.editor->service_pick_list, i)); i++)
      {
        g_autoptr(RgService) expected = g_list_model_get_item (G_LIST_MODEL (services), (guint) i);

        g_assert_true (g_object_get_data (G_OBJECT (row), "service") == expected);
        if (expected == men)
          g_assert_true (g_ptr_array_find (shown, women, NULL));
        g_ptr_array_add (shown, expected);
      }
  }
  g_ptr_array_unref (shown);
  gtk_popover_popdown (s.editor->service_popover);
  session_close (&s);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!test_ui_init (&argc, &argv))
    return 0;

  /* The demo studio, as `regulars --demo` makes it. */
  demo_path = test_make_demo ("editor", "ru", NOW);

  g_test_add_func ("/appointment-editor/existing-client-two-services", test_existing_client_two_services);
  g_test_add_func ("/appointment-editor/new-client-inline", test_new_client_inline);
  g_test_add_func ("/appointment-editor/conflict-refused", test_conflict_refused);
  g_test_add_func ("/appointment-editor/edit-time-and-status", test_edit_time_and_status);
  g_test_add_func ("/appointment-editor/weekly-series", test_weekly_series);
  g_test_add_func ("/appointment-editor/outside-hours-asks", test_outside_hours_asks);
  g_test_add_func ("/appointment-editor/free-slot", test_free_slot);
  g_test_add_func ("/appointment-editor/error-goes", test_error_goes);
  g_test_add_func ("/appointment-editor/window-create-move-cancel", test_window_create_move_cancel);
  g_test_add_func ("/appointment-editor/service-search", test_service_search);

  status = g_test_run ();

  test_remove_demo (demo_path);
  g_free (demo_path);

  return status;
}
