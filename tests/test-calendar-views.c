/* test-calendar-views.c — the calendar's day, week and month views on a
 * demo studio: arrows walk the day's bookings; the week shows exactly the
 * store's bookings of its week (for everyone and for one master) and
 * follows the date; a dragged card moves its booking or comes back with an
 * error, and a drop outside working hours asks first; the month's figures
 * equal a direct count; a clicked or activated day is announced; a booking
 * written elsewhere shows in both.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"
#include "test-util-ui.h"

#include <glib/gstdio.h>

#include "demo/rg-generator.h"
#include "model/rg-appointment.h"
#include "model/rg-booking.h"
#include "model/rg-client.h"
#include "model/rg-record-list.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-work-hours.h"
#include "widgets/calendar/rg-appointment-card.h"
#include "widgets/calendar/rg-day-view.h"
#include "widgets/calendar/rg-month-view.h"
#include "widgets/calendar/rg-week-view.h"

#define NOW ((gint64) 1795867200)   /* 2026-11-28 12:00 UTC, a Saturday */

static char *demo_path;

static GtkWindow *
show_in_window (GtkWidget *view,
                gboolean   scrolled)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  if (scrolled)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
      gtk_window_set_child (window, scroller);
    }
  else
    gtk_window_set_child (window, view);

  gtk_window_set_default_size (window, 1300, 800);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
destroy_window (GtkWindow *window,
                gpointer   view)
{
  gpointer weak = view;

  g_object_add_weak_pointer (G_OBJECT (view), &weak);
  gtk_window_destroy (window);
  while (weak)
    g_main_context_iteration (NULL, TRUE);
}

/* The ids of the cards a view shows. */
static GHashTable *
shown_ids (GtkWidget *view)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (view); child; child = gtk_widget_get_next_sibling (child))
    if (RG_IS_APPOINTMENT_CARD (child) && gtk_widget_get_child_visible (child))
      {
        gint64 id = rg_record_get_id (RG_RECORD (rg_appointment_card_get_appointment (RG_APPOINTMENT_CARD (child))));

        g_assert_false (g_hash_table_contains (ids, &id));
        g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
      }
  return ids;
}

/* The ids of the store's bookings (not cancelled, not deleted) that
 * overlap [from, to), of @staff_id or of everyone (0). */
static GHashTable *
store_ids (RgStore *store,
           gint64   from,
           gint64   to,
           gint64   staff_id)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id FROM appointments WHERE starts_at < ?2 AND ends_at > ?1 "
                                             "AND deleted_at IS NULL AND status <> 'cancelled' "
                                             "AND (?3 = 0 OR staff_id = ?3)",
                                             NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  for (;;)
    {
      gboolean row;
      gint64 id;

      g_assert_true (rg_store_step_row (store, stmt, &row, NULL));
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  return ids;
}

static void
assert_same_ids (GHashTable *shown,
                 GHashTable *expected)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (g_hash_table_size (shown), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (shown, key));
}

/* The week view shows exactly the store's bookings of its week. */
static guint
assert_week_matches (RgWeekView *view,
                     RgStore    *store)
{
  RgDate monday = rg_week_view_get_week_start (view);
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GHashTable) expected = NULL;

  /* Allocate: the view hides what falls outside the week at layout. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  shown = shown_ids (GTK_WIDGET (view));
  /* A compact day shows its bookings by the hour: its cards are bound,
   * not drawn. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (RG_IS_APPOINTMENT_CARD (child) && !gtk_widget_get_child_visible (child) &&
        rg_appointment_card_get_appointment (RG_APPOINTMENT_CARD (child)))
      {
        RgAppointment *a = rg_appointment_card_get_appointment (RG_APPOINTMENT_CARD (child));
        int day = rg_date_days_between (monday, rg_date_from_time (rg_appointment_get_starts_at (a)));
        gint64 id = rg_record_get_id (RG_RECORD (a));

        if (day >= 0 && day < 7 && rg_week_view_get_day_compact (view, day))
          g_hash_table_add (shown, g_memdup2 (&id, sizeof id));
      }
  expected = store_ids (store, rg_date_start (monday), rg_date_start (rg_date_add_days (monday, 7)),
                        rg_week_view_get_staff (view));
  assert_same_ids (shown, expected);
  return g_hash_table_size (shown);
}

static RgAppointmentCard *
card_of (GtkWidget     *view,
         RgAppointment *appointment)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view); child; child = gtk_widget_get_next_sibling (child))
    if (RG_IS_APPOINTMENT_CARD (child) &&
        rg_appointment_card_get_appointment (RG_APPOINTMENT_CARD (child)) == appointment)
      return RG_APPOINTMENT_CARD (child);
  return NULL;
}

static void
appointment_activated_cb (RgWeekView     *view,
                          RgAppointment  *appointment,
                          RgAppointment **out)
{
  *out = appointment;
}

static void
test_week (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWeekView *view = rg_week_view_new (studio);
  GtkWindow *window = show_in_window (GTK_WIDGET (view), TRUE);
  RgDate date = rg_date_from_time (NOW);
  RgDate monday = { 2026, 11, 23 };
  RgAppointment *activated = NULL;
  gint64 staff_id;
  guint all, one;

  g_signal_connect (view, "appointment-activated", G_CALLBACK (appointment_activated_cb), &activated);

  /* Everyone's week. */
  rg_week_view_set_date (view, date);
  g_assert_cmpint (rg_date_compare (rg_week_view_get_date (view), date), ==, 0);
  g_assert_cmpint (rg_date_compare (rg_week_view_get_week_start (view), monday), ==, 0);
  g_assert_cmpint (rg_week_view_get_staff (view), ==, 0);
  all = assert_week_matches (view, store);
  g_assert_cmpuint (all, >, 50);

  /* One master's week: the master of the week's first booking. */
  {
    g_autoptr(RgAppointment) first = g_list_model_get_item (G_LIST_MODEL (rg_week_view_get_appointments (view)), 0);

    staff_id = rg_appointment_get_staff_id (first);
  }
  rg_week_view_set_staff (view, staff_id);
  g_assert_cmpint (rg_week_view_get_staff (view), ==, staff_id);
  one = assert_week_matches (view, store);
  g_assert_cmpuint (one, >, 0);
  g_assert_cmpuint (one, <, all);

  /* The next week, and back to everyone. */
  rg_week_view_set_date (view, rg_date_add_days (date, 7));
  g_assert_cmpint (rg_date_compare (rg_week_view_get_week_start (view), rg_date_add_days (monday, 7)), ==, 0);
  g_assert_cmpuint (assert_week_matches (view, store), >, 0);
  rg_week_view_set_staff (view, 0);
  g_assert_cmpuint (assert_week_matches (view, store), >, 0);
  rg_week_view_set_date (view, date);
  g_assert_cmpuint (assert_week_matches (view, store), ==, all);

  /* Keyboard: Down selects the week's first booking, which selects its
   * client; Enter activates it; Down again the next one. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  g_assert_null (rg_week_view_get_selected (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "week.select-step", "i", 1));
  {
    GListModel *list = G_LIST_MODEL (rg_week_view_get_appointments (view));
    RgAppointment *selected = rg_week_view_get_selected (view);
    RgClient *client = rg_studio_get_selected_client (studio);
    g_autoptr(RgAppointment) first = NULL;
    g_autoptr(RgAppointment) second = NULL;
    guint i = 0;

    while (first == NULL || second == NULL)
      {
        g_autoptr(RgAppointment) a = g_list_model_get_item (list, i++);

        g_assert_nonnull (a);
        if (rg_appointment_get_status (a) == RG_APPOINTMENT_CANCELLED)
          continue;
        if (first == NULL)
          first = g_object_ref (a);
        else
          second = g_object_ref (a);
      }

    g_assert_true (selected == first);
    g_assert_nonnull (client);
    g_assert_cmpint (rg_record_get_id (RG_RECORD (client)), ==, rg_appointment_get_client_id (first));
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card_of (GTK_WIDGET (view), first))));
    g_assert_true (rg_appointment_card_get_selected (card_of (GTK_WIDGET (view), first)));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "week.activate", NULL));
    g_assert_true (activated == first);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "week.select-step", "i", 1));
    g_assert_true (rg_week_view_get_selected (view) == second);
    g_assert_false (rg_appointment_card_get_selected (card_of (GTK_WIDGET (view), first)));

    /* Right: a booking of a later day. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "week.select-day", "i", 1));
    g_assert_cmpint (rg_appointment_get_starts_at (rg_week_view_get_selected (view)), >=,
                     rg_date_end (rg_date_from_time (rg_appointment_get_starts_at (second))));

    rg_week_view_select (view, NULL);
    g_assert_null (rg_week_view_get_selected (view));
  }

  destroy_window (window, view);
}

/* The bookings of @staff_id in the day view's list (cancelled ones aside),
 * in time order. */
static GPtrArray *
day_bookings_of (RgDayView *view,
                 gint64     staff_id)
{
  GListModel *list = G_LIST_MODEL (rg_day_view_get_appointments (view));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RgAppointment) a = g_list_model_get_item (list, i);

      if (rg_appointment_get_staff_id (a) == staff_id &&
          rg_appointment_get_status (a) != RG_APPOINTMENT_CANCELLED)
        g_ptr_array_add (found, g_steal_pointer (&a));
    }
  return found;
}

/* Arrows in the day view: Down starts at the earliest booking in view and
 * walks its master's column in time, Up comes back, Right and Left go to
 * the nearest booking of another master; the selected card has the focus
 * and its client is the studio's selected client. */
static void
test_day_keyboard (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgDayView *view = rg_day_view_new (studio);
  GtkWindow *window = NULL;
  g_autoptr(GPtrArray) column = NULL;
  RgAppointment *first, *selected;
  gint64 staff_id;
  guint index;

  /* A weekday with bookings: the Friday before NOW. */
  rg_day_view_set_date (view, rg_date_add_days (rg_date_from_time (NOW), -1));
  window = show_in_window (GTK_WIDGET (view), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rg_day_view_get_appointments (view))), >, 10);

  /* A visit that happened looks paler than one to come: its own style. */
  {
    guint done = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child;
         child = gtk_widget_get_next_sibling (child))
      if (RG_IS_APPOINTMENT_CARD (child) && rg_appointment_card_get_appointment (RG_APPOINTMENT_CARD (child)))
        {
          RgAppointment *a = rg_appointment_card_get_appointment (RG_APPOINTMENT_CARD (child));

          g_assert_cmpint (gtk_widget_has_css_class (child, "done"), ==,
                           rg_appointment_get_status (a) == RG_APPOINTMENT_DONE);
          done += rg_appointment_get_status (a) == RG_APPOINTMENT_DONE;
        }
    g_assert_cmpuint (done, >, 5);
  }

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  g_assert_null (rg_day_view_get_selected (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.select-step", "i", 1));
  first = rg_day_view_get_selected (view);
  g_assert_nonnull (first);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card_of (GTK_WIDGET (view), first))));
  g_assert_nonnull (rg_studio_get_selected_client (studio));
  g_assert_cmpint (rg_record_get_id (RG_RECORD (rg_studio_get_selected_client (studio))), ==,
                   rg_appointment_get_client_id (first));

  /* Down: the next booking of the same master, or nothing at the end. */
  staff_id = rg_appointment_get_staff_id (first);
  column = day_bookings_of (view, staff_id);
  g_assert_true (g_ptr_array_find (column, first, &index));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.select-step", "i", 1));
  selected = rg_day_view_get_selected (view);
  if (index + 1 < column->len)
    {
      g_assert_true (selected == column->pdata[index + 1]);
      g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card_of (GTK_WIDGET (view), selected))));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.select-step", "i", -1));
      g_assert_true (rg_day_view_get_selected (view) == first);
    }
  else
    g_assert_true (selected == first);

  /* Right: another master's booking; Left: back to the first master. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.select-column", "i", 1));
  selected = rg_day_view_get_selected (view);
  g_assert_nonnull (selected);
  g_assert_cmpint (rg_appointment_get_staff_id (selected), !=, staff_id);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card_of (GTK_WIDGET (view), selected))));
  g_assert_cmpint (rg_record_get_id (RG_RECORD (rg_studio_get_selected_client (studio))), ==,
                   rg_appointment_get_client_id (selected));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.select-column", "i", -1));
  g_assert_cmpint (rg_appointment_get_staff_id (rg_day_view_get_selected (view)), ==, staff_id);

  destroy_window (window, view);
}

static GtkGesture *
find_gesture (GtkWidget *widget,
              GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

static void
error_cb (RgWeekView *view,
          const char *message,
          char      **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
moved_cb (RgWeekView    *view,
          RgAppointment *appointment,
          gint64         previous_staff,
          gint64         previous_start,
          gint64         previous_end,
          gint64        *out)
{
  *out = previous_start;
}

/* Drags the card of @a by whole days and minutes (the view shows 1.25
 * pixels a minute), through the view's own drag gesture. */
static void
drag_card (RgWeekView    *view,
           RgAppointment *a,
           int            days,
           int            minutes)
{
  GtkGesture *drag = find_gesture (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);
  RgAppointmentCard *card = NULL;
  graphene_rect_t bounds;
  double x, y, dx, dy;

  /* Where the card is now, not where the last drag left it. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  card = card_of (GTK_WIDGET (view), a);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (view), &bounds));
  x = bounds.origin.x + 4;
  y = bounds.origin.y + 4;
  dx = days * ((gtk_widget_get_width (GTK_WIDGET (view)) - 56) / 7.0);
  dy = minutes * 1.25;

  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (drag, "drag-update", dx, dy);
  /* While dragged, the card says where it would go. */
  {
    gint64 to = rg_appointment_get_starts_at (a) + days * 86400 + minutes * 60;
    int m = rg_time_minute_of_day (to);
    g_autofree char *expected = g_strdup_printf ("%02d:%02d–", m / 60, m % 60);

    g_assert_true (g_str_has_prefix (rg_appointment_card_get_time_text (card), expected));
  }
  g_signal_emit_by_name (drag, "drag-end", dx, dy);
}

/* The question a calendar asks in a message dialog, if one is open:
 * answers it with @response and returns TRUE. */
static gboolean
answer_question (const char *response)
{
  AdwMessageDialog *dialog = test_find_message_dialog ();

  if (dialog == NULL)
    return FALSE;
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  return TRUE;
}

static void
day_moved_cb (RgDayView     *view,
              RgAppointment *appointment,
              gint64         previous_staff,
              gint64         previous_start,
              gint64         previous_end,
              gint64        *out)
{
  *out = previous_start;
}

/* A day view card dragged to the night: asked first, kept on "Cancel",
 * moved on "Move Anyway" and announced with where it was. */
static void
test_day_drag (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgDayView *view = rg_day_view_new (studio);
  GtkWindow *window = NULL;
  GtkGesture *drag = NULL;
  RgAppointment *a = NULL;
  gint64 start, previous = 0;
  int to_three;

  /* A working day after NOW: booked appointments. */
  rg_day_view_set_date (view, rg_date_add_days (rg_date_from_time (NOW), 3));
  window = show_in_window (GTK_WIDGET (view), TRUE);
  g_signal_connect (view, "moved", G_CALLBACK (day_moved_cb), &previous);
  drag = find_gesture (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.select-step", "i", 1));
  a = rg_day_view_get_selected (view);
  g_assert_nonnull (a);
  g_assert_true (rg_booking_status_is_active (rg_appointment_get_status (a)));
  start = rg_appointment_get_starts_at (a);
  to_three = 3 * 60 - rg_time_minute_of_day (start);

  for (int round = 0; round < 2; round++)
    {
      graphene_rect_t bounds;

      gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card_of (GTK_WIDGET (view), a)), GTK_WIDGET (view),
                                                &bounds));
      g_signal_emit_by_name (drag, "drag-begin", bounds.origin.x + 10, bounds.origin.y + 10);
      g_signal_emit_by_name (drag, "drag-update", 0.0, to_three * 1.25 / 2);
      g_signal_emit_by_name (drag, "drag-update", 0.0, to_three * 1.25);
      /* While dragged, the card says where it would go. */
      g_assert_true (g_str_has_prefix (rg_appointment_card_get_time_text (card_of (GTK_WIDGET (view), a)), "03:00–"));
      g_signal_emit_by_name (drag, "drag-end", 0.0, to_three * 1.25);

      if (round == 0)
        {
          g_assert_true (answer_question ("cancel"));
          g_assert_cmpint (rg_appointment_get_starts_at (a), ==, start);
          g_assert_cmpint (previous, ==, 0);
          /* Not moved: its own time again. */
          g_assert_false (g_str_has_prefix (rg_appointment_card_get_time_text (card_of (GTK_WIDGET (view), a)),
                                            "03:00–"));
        }
      else
        {
          g_assert_true (answer_question ("move"));
          g_assert_cmpint (rg_appointment_get_starts_at (a), ==, start + to_three * 60);
          g_assert_cmpint (previous, ==, start);
          /* The card that stayed says the new time. */
          g_assert_true (g_str_has_prefix (rg_appointment_card_get_description (card_of (GTK_WIDGET (view), a)),
                                           "03:00"));
        }
    }

  destroy_window (window, view);
}

/* Finds a booking (booked, so it can move) of the week, and a shift of
 * whole days and quarter hours within the same week, to a time its master
 * works and has nothing booked from 45 minutes before to the end. */
static RgAppointment *
find_movable (RgWeekView *view,
              RgStudio   *studio,
              int        *days,
              int        *minutes)
{
  RgStore *store = rg_studio_get_store (studio);
  GListModel *list = G_LIST_MODEL (rg_week_view_get_appointments (view));
  RgDate saturday = rg_date_add_days (rg_week_view_get_week_start (view), 5);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RgAppointment) a = g_list_model_get_item (list, i);
      gint64 start = rg_appointment_get_starts_at (a);
      gint64 end = rg_appointment_get_ends_at (a);
      gint64 staff_id = rg_appointment_get_staff_id (a);
      int minute = rg_time_minute_of_day (start);

      if (rg_appointment_get_status (a) != RG_APPOINTMENT_BOOKED ||
          rg_date_compare (rg_date_from_time (start), saturday) >= 0)
        continue;

      for (int d = 1; rg_date_compare (rg_date_from_time (start + d * 86400), rg_date_add_days (saturday, 2)) < 0; d++)
        for (int m = 8 * 60 - minute; m <= 20 * 60 - minute; m += 15)
          {
            gint64 shift = d * 86400 + m * 60;
            g_autoptr(GHashTable) taken = store_ids (store, start + shift - 45 * 60, end + shift, staff_id);
            gboolean within = FALSE;

            g_assert_true (rg_booking_check_hours (studio, staff_id, start + shift - 45 * 60, end + shift,
                                                   &within, NULL));
            if (g_hash_table_size (taken) == 0 && within)
              {
                *days = d;
                *minutes = m;
                return g_steal_pointer (&a);
              }
          }
    }
  return NULL;
}

static void
test_week_drag (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWeekView *view = rg_week_view_new (studio);
  GtkWindow *window = show_in_window (GTK_WIDGET (view), TRUE);
  RgDate date = rg_date_from_time (NOW);
  g_autoptr(RgAppointment) a = NULL;
  g_autofree char *error = NULL;
  gint64 start, end, previous = 0;
  graphene_rect_t before, after;
  int days = 0, minutes = 0;
  gint64 shift;

  g_signal_connect (view, "error", G_CALLBACK (error_cb), &error);
  g_signal_connect (view, "moved", G_CALLBACK (moved_cb), &previous);

  /* A week from the demo's now on (booked appointments), shown for the
   * master of one that can move a day on within the hours. */
  rg_week_view_set_date (view, rg_date_add_days (date, 7));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  a = find_movable (view, studio, &days, &minutes);
  g_assert_nonnull (a);
  rg_week_view_set_staff (view, rg_appointment_get_staff_id (a));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  start = rg_appointment_get_starts_at (a);
  end = rg_appointment_get_ends_at (a);

  /* A small move is a click, not a drag. */
  {
    GtkGesture *drag = find_gesture (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card_of (GTK_WIDGET (view), a)), GTK_WIDGET (view), &bounds));
    g_signal_emit_by_name (drag, "drag-begin", bounds.origin.x + 4, bounds.origin.y + 4);
    g_signal_emit_by_name (drag, "drag-update", 2.0, 2.0);
    g_signal_emit_by_name (drag, "drag-end", 2.0, 2.0);
    g_assert_cmpint (rg_appointment_get_starts_at (a), ==, start);
  }

  /* To a free time some days later: saved, the card follows. */
  shift = days * 86400 + minutes * 60;
  drag_card (view, a, days, minutes);
  g_assert_null (error);
  g_assert_cmpint (previous, ==, start);
  g_assert_cmpint (rg_appointment_get_starts_at (a), ==, start + shift);
  g_assert_cmpint (rg_appointment_get_ends_at (a) - rg_appointment_get_starts_at (a), ==, end - start);
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT starts_at FROM appointments WHERE id = ?1", NULL);
    gboolean row;

    sqlite3_bind_int64 (stmt, 1, rg_record_get_id (RG_RECORD (a)));
    g_assert_true (rg_store_step_row (store, stmt, &row, NULL) && row);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, start + shift);
  }
  assert_week_matches (view, store);

  /* And 45 minutes earlier, on the 15-minute grid. */
  previous = 0;
  drag_card (view, a, 0, -45);
  g_assert_null (error);
  g_assert_cmpint (previous, ==, start + shift);
  g_assert_cmpint (rg_appointment_get_starts_at (a), ==, start + shift - 45 * 60);
  drag_card (view, a, -days, 45 - minutes);
  g_assert_null (error);
  g_assert_false (answer_question ("cancel"));
  g_assert_cmpint (rg_appointment_get_starts_at (a), ==, start);

  /* To 03:00, when nobody works: asked first; "Cancel" keeps it, "Move
   * Anyway" moves it; back within the hours, no question. */
  {
    int to_three = 3 * 60 - rg_time_minute_of_day (start);
    gint64 three = start + to_three * 60;

    previous = 0;
    drag_card (view, a, 0, to_three);
    g_assert_true (answer_question ("cancel"));
    g_assert_null (error);
    g_assert_cmpint (previous, ==, 0);
    g_assert_cmpint (rg_appointment_get_starts_at (a), ==, start);

    drag_card (view, a, 0, to_three);
    g_assert_true (answer_question ("move"));
    g_assert_null (error);
    g_assert_cmpint (previous, ==, start);
    g_assert_cmpint (rg_appointment_get_starts_at (a), ==, three);

    /* Nudged within the same night: asked once already, not again. The
     * card is above the working day the view shows: scroll up to it. */
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), 0);
    drag_card (view, a, 0, 30);
    g_assert_false (answer_question ("cancel"));
    g_assert_cmpint (rg_appointment_get_starts_at (a), ==, three + 30 * 60);

    drag_card (view, a, 0, -to_three - 30);
    g_assert_false (answer_question ("cancel"));
    g_assert_null (error);
    g_assert_cmpint (rg_appointment_get_starts_at (a), ==, start);
  }

  /* Onto another booking of the same master: refused, the card goes back. */
  {
    GListModel *list = G_LIST_MODEL (rg_week_view_get_appointments (view));
    g_autoptr(RgAppointment) other = NULL;
    int offset;

    for (guint i = 0; i < g_list_model_get_n_items (list) && other == NULL; i++)
      {
        g_autoptr(RgAppointment) b = g_list_model_get_item (list, i);

        if (b != a && rg_booking_status_is_active (rg_appointment_get_status (b)) &&
            rg_date_compare (rg_date_from_time (rg_appointment_get_starts_at (b)), rg_date_from_time (start)) == 0)
          other = g_object_ref (b);
      }
    g_assert_nonnull (other);

    gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card_of (GTK_WIDGET (view), a)), GTK_WIDGET (view), &before));
    offset = (int) ((rg_appointment_get_starts_at (other) - start) / 60);
    previous = 0;
    drag_card (view, a, 0, offset);
    g_assert_nonnull (error);
    g_assert_cmpint (previous, ==, 0);
    g_assert_cmpint (rg_appointment_get_starts_at (a), ==, start);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card_of (GTK_WIDGET (view), a)), GTK_WIDGET (view), &after));
    g_assert_true (graphene_rect_equal (&before, &after));
  }

  destroy_window (window, view);
}

/* Month --------------------------------------------------------------------- */

static void
assert_day_load (RgMonthView *view,
                 RgStore     *store,
                 RgDate       date)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT count(*), total(a.ends_at - a.starts_at) FROM appointments a "
                                             "JOIN clients c ON c.id = a.client_id AND c.deleted_at IS NULL "
                                             "WHERE a.starts_at >= ?1 AND a.starts_at < ?2 "
                                             "AND a.deleted_at IS NULL AND a.status <> 'cancelled' "
                                             "AND (?3 = 0 OR a.staff_id = ?3)",
                                             NULL);
  gboolean row;
  guint n;
  double hours, working;

  sqlite3_bind_int64 (stmt, 1, rg_date_start (date));
  sqlite3_bind_int64 (stmt, 2, rg_date_end (date));
  sqlite3_bind_int64 (stmt, 3, rg_month_view_get_staff (view));
  g_assert_true (rg_store_step_row (store, stmt, &row, NULL) && row);

  g_assert_true (rg_month_view_get_day_load (view, date, &n, &hours, &working));
  g_assert_cmpuint (n, ==, sqlite3_column_int (stmt, 0));
  g_assert_cmpfloat_with_epsilon (hours, sqlite3_column_double (stmt, 1) / 3600.0, 1e-9);
  g_assert_cmpfloat (working, >=, 0);
}

static void
day_activated_cb (RgMonthView  *view,
                  const RgDate *date,
                  RgDate       *out)
{
  *out = *date;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_month (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgMonthView *view = rg_month_view_new (studio);
  GtkWindow *window = show_in_window (GTK_WIDGET (view), FALSE);
  RgDate date = rg_date_from_time (NOW);
  RgDate days[] = { date, { 2026, 11, 1 }, { 2026, 11, 16 }, { 2026, 11, 30 }, { 2026, 10, 26 }, { 2026, 12, 6 } };
  RgDate activated = { 0, 0, 0 };
  guint changes = 0, n;
  gint64 staff_id;

  g_signal_connect (view, "day-activated", G_CALLBACK (day_activated_cb), &activated);
  g_signal_connect (view, "date-changed", G_CALLBACK (count_cb), &changes);

  rg_month_view_set_date (view, date);
  g_assert_cmpint (rg_date_compare (rg_month_view_get_date (view), date), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    assert_day_load (view, store, days[i]);
  g_assert_true (rg_month_view_get_day_load (view, date, &n, NULL, NULL));
  g_assert_cmpuint (n, >, 0);
  /* The grid runs Monday 26 October to Sunday 6 December. */
  g_assert_false (rg_month_view_get_day_load (view, (RgDate) { 2026, 10, 25 }, NULL, NULL, NULL));
  g_assert_false (rg_month_view_get_day_load (view, (RgDate) { 2026, 12, 7 }, NULL, NULL, NULL));

  /* A deleted client's appointments leave the counts (the calendar shows
   * none of them), and come back with the client. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RgClient) gone = NULL;
    g_autofree char *sql = g_strdup_printf ("SELECT client_id FROM appointments WHERE starts_at >= %" G_GINT64_FORMAT
                                            " AND starts_at < %" G_GINT64_FORMAT " AND status <> 'cancelled'"
                                            " AND deleted_at IS NULL AND ?1 = ?1 LIMIT 1",
                                            rg_date_start (date), rg_date_end (date));
    guint before, after;

    gone = rg_studio_lookup (studio, RG_TYPE_CLIENT, test_sql_int (store, sql, 0), &error);
    g_assert_no_error (error);
    g_assert_true (rg_month_view_get_day_load (view, date, &before, NULL, NULL));
    g_assert_true (rg_studio_delete (studio, gone, &error));
    g_assert_true (rg_month_view_get_day_load (view, date, &after, NULL, NULL));
    g_assert_cmpuint (after, <, before);
    assert_day_load (view, store, date);
    g_assert_true (rg_studio_undelete (studio, gone, &error));
    g_assert_true (rg_month_view_get_day_load (view, date, &after, NULL, NULL));
    g_assert_cmpuint (after, ==, before);
  }

  /* One master's month. */
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT staff_id FROM appointments WHERE starts_at >= ?1 LIMIT 1", NULL);
    gboolean row;

    sqlite3_bind_int64 (stmt, 1, rg_date_start (date));
    g_assert_true (rg_store_step_row (store, stmt, &row, NULL) && row);
    staff_id = sqlite3_column_int64 (stmt, 0);
  }
  rg_month_view_set_staff (view, staff_id);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    assert_day_load (view, store, days[i]);
  {
    guint one;

    g_assert_true (rg_month_view_get_day_load (view, date, &one, NULL, NULL));
    g_assert_cmpuint (one, <, n);
  }
  rg_month_view_set_staff (view, 0);

  /* Keyboard: focusable, arrows move the day, Enter opens it. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (view)));
  changes = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "month.move", "i", 1));
  g_assert_cmpint (rg_date_compare (rg_month_view_get_date (view), rg_date_add_days (date, 1)), ==, 0);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "month.activate", NULL));
  g_assert_cmpint (rg_date_compare (activated, rg_date_add_days (date, 1)), ==, 0);

  /* Down from 29 November goes to 6 December: the next month. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "month.move", "i", 7));
  g_assert_cmpint (rg_date_compare (rg_month_view_get_date (view), (RgDate) { 2026, 12, 6 }), ==, 0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (view)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  assert_day_load (view, store, (RgDate) { 2026, 12, 24 });
  g_assert_false (rg_month_view_get_day_load (view, (RgDate) { 2026, 11, 29 }, NULL, NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "month.move", "i", -7));
  g_assert_cmpint (rg_date_compare (rg_month_view_get_date (view), (RgDate) { 2026, 11, 29 }), ==, 0);

  /* A click on a day opens it: the eleventh cell of the grid is 5 November. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  {
    GtkGesture *click = find_gesture (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);
    GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (view));
    graphene_rect_t bounds;

    for (int i = 0; i < 10; i++)
      cell = gtk_widget_get_next_sibling (cell);
    g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (view), &bounds));
    g_signal_emit_by_name (click, "released", 1, bounds.origin.x + bounds.size.width / 2,
                           bounds.origin.y + bounds.size.height / 2);
    g_assert_cmpint (rg_date_compare (activated, (RgDate) { 2026, 11, 5 }), ==, 0);
    g_assert_cmpint (rg_date_compare (rg_month_view_get_date (view), (RgDate) { 2026, 11, 5 }), ==, 0);
    g_assert_true (gtk_widget_has_focus (cell));
  }

  destroy_window (window, view);
}

/* Live ---------------------------------------------------------------------- */

static void
test_live_insert (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  RgWeekView *week = rg_week_view_new (studio);
  RgMonthView *month = rg_month_view_new (studio);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWindow *window;
  RgDate date = rg_date_from_time (NOW);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) added = NULL;
  gint64 client_id, staff_id;
  guint cards, n, n2;
  double hours, hours2;

  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (week));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (month));
  window = show_in_window (box, FALSE);

  rg_week_view_set_date (week, date);
  rg_month_view_set_date (month, date);
  cards = assert_week_matches (week, store);
  g_assert_true (rg_month_view_get_day_load (month, date, &n, &hours, NULL));

  /* A late booking written elsewhere (nobody works at 22:00). */
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT client_id, staff_id FROM appointments LIMIT 1", NULL);
    gboolean row;

    g_assert_true (rg_store_step_row (store, stmt, &row, NULL) && row);
    client_id = sqlite3_column_int64 (stmt, 0);
    staff_id = sqlite3_column_int64 (stmt, 1);
  }
  added = rg_appointment_new (client_id, staff_id, rg_time_from_local (date, 22 * 60), rg_time_from_local (date, 23 * 60 + 30));
  g_assert_true (rg_studio_save (studio, added, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (assert_week_matches (week, store), ==, cards + 1);
  g_assert_nonnull (card_of (GTK_WIDGET (week), added));
  g_assert_true (rg_month_view_get_day_load (month, date, &n2, &hours2, NULL));
  g_assert_cmpuint (n2, ==, n + 1);
  g_assert_cmpfloat_with_epsilon (hours2, hours + 1.5, 1e-9);
  assert_day_load (month, store, date);

  /* Cancelled: gone from both. */
  rg_appointment_set_status (added, RG_APPOINTMENT_CANCELLED);
  g_assert_true (rg_studio_save (studio, added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assert_week_matches (week, store), ==, cards);
  g_assert_null (card_of (GTK_WIDGET (week), added));
  g_assert_true (rg_month_view_get_day_load (month, date, &n2, &hours2, NULL));
  g_assert_cmpuint (n2, ==, n);
  g_assert_cmpfloat_with_epsilon (hours2, hours, 1e-9);

  g_object_ref (month);
  destroy_window (window, week);
  g_assert_finalize_object (month);
}

static void
series_cancelled_cb (RgDayView      *view,
                     RgAppointment  *appointment,
                     GArray         *changes,
                     GArray        **out)
{
  g_clear_pointer (out, g_array_unref);
  *out = g_array_ref (changes);
}

/* Cancel from the menu or the Delete key on an occurrence of a series asks
 * how far it goes, as the editor's Save does: the following ones, with an
 * undo for all, or only this one. */
static void
test_day_cancel_series (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  g_autoptr(RgClient) client = test_add_client (studio, "Еженедельная", "+7 999 000-77-88");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GArray) undo = NULL;
  RgBookingSlot slot = { 0 };
  gboolean found = FALSE;
  RgDayView *view = rg_day_view_new (studio);
  GtkWindow *window;

  g_assert_true (rg_booking_find_free_slot (studio, 0, 0, 60, rg_date_start (rg_date_add_days (rg_date_from_time (NOW), 70)),
                                            30, &slot, &found, &error));
  g_assert_true (found);
  {
    g_autoptr(RgBookingDraft) draft = rg_booking_draft_new ();
    g_autoptr(RgService) service = NULL;
    g_autoptr(GListModel) services = G_LIST_MODEL (rg_record_list_new_services (studio, FALSE));

    service = g_list_model_get_item (services, 0);
    draft->client_id = rg_record_get_id (RG_RECORD (client));
    draft->staff_id = slot.staff_id;
    draft->starts_at = slot.starts_at;
    rg_booking_draft_add_service (draft, rg_record_get_id (RG_RECORD (service)), 60, 0);
    series = rg_booking_save_series (studio, draft, 1, rg_date_add_days (rg_date_from_time (slot.starts_at), 21),
                                     RG_BOOKING_SERIES_SKIP_CONFLICTS, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (series->len, >=, 3);
  }

  rg_day_view_set_date (view, rg_date_from_time (slot.starts_at));
  g_signal_connect (view, "series-cancelled", G_CALLBACK (series_cancelled_cb), &undo);
  window = show_in_window (GTK_WIDGET (view), TRUE);

  /* The second occurrence on: this and the following. */
  rg_day_view_set_date (view, rg_date_from_time (rg_appointment_get_starts_at (series->pdata[1])));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  rg_day_view_select (view, series->pdata[1]);
  g_assert_null (test_find_message_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.cancel", NULL));
  g_assert_nonnull (test_find_message_dialog ());
  test_save_shot (GTK_WIDGET (test_find_message_dialog ()), "cancel-series");
  g_assert_cmpstr (adw_message_dialog_get_heading (test_find_message_dialog ()), ==, "Cancel a Repeating Appointment?");
  g_assert_true (answer_question ("following"));
  g_assert_cmpint (rg_appointment_get_status (series->pdata[0]), ==, RG_APPOINTMENT_BOOKED);
  for (guint i = 1; i < series->len; i++)
    g_assert_cmpint (rg_appointment_get_status (series->pdata[i]), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_nonnull (undo);
  g_assert_cmpuint (undo->len, ==, series->len - 1);

  /* Undone together. */
  g_assert_true (rg_booking_restore_statuses (studio, undo, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < series->len; i++)
    g_assert_cmpint (rg_appointment_get_status (series->pdata[i]), ==, RG_APPOINTMENT_BOOKED);

  /* Only this one; "Keep" changes nothing. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  rg_day_view_select (view, series->pdata[1]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.cancel", NULL));
  g_assert_true (answer_question ("keep"));
  g_assert_cmpint (rg_appointment_get_status (series->pdata[1]), ==, RG_APPOINTMENT_BOOKED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.cancel", NULL));
  g_assert_true (answer_question ("this"));
  g_assert_cmpint (rg_appointment_get_status (series->pdata[1]), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_cmpint (rg_appointment_get_status (series->pdata[2]), ==, RG_APPOINTMENT_BOOKED);

  /* Done on a visit weeks ahead asks first: No keeps it booked. */
  rg_day_view_set_date (view, rg_date_from_time (rg_appointment_get_starts_at (series->pdata[2])));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  rg_day_view_select (view, series->pdata[2]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.status", "s", "done"));
  g_assert_nonnull (test_find_message_dialog ());
  test_save_shot (GTK_WIDGET (test_find_message_dialog ()), "early-done");
  g_assert_cmpstr (adw_message_dialog_get_heading (test_find_message_dialog ()), ==, "Mark as Done Before It Starts?");
  g_assert_true (answer_question ("cancel"));
  g_assert_cmpint (rg_appointment_get_status (series->pdata[2]), ==, RG_APPOINTMENT_BOOKED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.status", "s", "done"));
  g_assert_true (answer_question ("done"));
  g_assert_cmpint (rg_appointment_get_status (series->pdata[2]), ==, RG_APPOINTMENT_DONE);
  /* Confirmed asks nothing. */
  rg_day_view_select (view, series->pdata[0]);
  rg_day_view_set_date (view, rg_date_from_time (rg_appointment_get_starts_at (series->pdata[0])));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  rg_day_view_select (view, series->pdata[0]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "day.status", "s", "confirmed"));
  g_assert_null (test_find_message_dialog ());
  g_assert_cmpint (rg_appointment_get_status (series->pdata[0]), ==, RG_APPOINTMENT_CONFIRMED);

  destroy_window (window, view);
}

static void
week_day_activated_cb (RgWeekView   *view,
                       const RgDate *date,
                       RgDate       *out)
{
  *out = *date;
}

/* Everyone's week in a narrow window: a day too busy for readable cards
 * shows its load by the hour, its cards hidden; a click opens the day. A
 * master's own week never goes compact. */
static void
test_week_compact (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  RgWeekView *view = rg_week_view_new (studio);
  GtkWindow *window;
  RgDate activated = { 0 };
  int compact = -1;

  rg_week_view_set_date (view, rg_date_from_time (NOW));
  window = show_in_window (GTK_WIDGET (view), TRUE);
  gtk_window_set_default_size (window, 760, 700);
  test_spin (200);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_signal_connect (view, "day-activated", G_CALLBACK (week_day_activated_cb), &activated);

  for (int d = 0; d < 7 && compact < 0; d++)
    if (rg_week_view_get_day_compact (view, d))
      compact = d;
  g_assert_cmpint (compact, >=, 0);
  /* Its cards are not drawn. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (RG_IS_APPOINTMENT_CARD (child) && gtk_widget_get_child_visible (child))
      {
        RgAppointment *a = rg_appointment_card_get_appointment (RG_APPOINTMENT_CARD (child));
        RgDate day = rg_date_from_time (rg_appointment_get_starts_at (a));

        g_assert_cmpint (rg_date_days_between (rg_date_week_start (rg_date_from_time (NOW)), day), !=, compact);
      }

  /* A click in it opens it. */
  {
    GtkGesture *click = find_gesture (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);
    double cw = (gtk_widget_get_width (GTK_WIDGET (view)) - 56) / 7.0;

    g_signal_emit_by_name (click, "pressed", 1, 56 + cw * compact + cw / 2, 400.0);
    g_assert_cmpint (rg_date_compare (activated,
                                      rg_date_add_days (rg_date_week_start (rg_date_from_time (NOW)), compact)), ==, 0);
  }

  /* One master's week: cards, whatever the width. */
  rg_week_view_set_staff (view, test_sql_int (rg_studio_get_store (studio),
                                              "SELECT min(id) FROM staff WHERE role = 'master' AND ?1 = ?1", 0));
  test_spin (100);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  for (int d = 0; d < 7; d++)
    g_assert_false (rg_week_view_get_day_compact (view, d));
  destroy_window (window, view);
}

/* The minute the grid scrolls to for @from..@to: an hour before the first
 * start of work, of @staff_ids (NULL: of everyone). */
static int
expected_first_minute (RgStudio *studio,
                       RgDate    from,
                       RgDate    to,
                       GArray   *staff_ids)
{
  g_autoptr(RgWorkHours) hours = rg_studio_work_hours (studio, 0, from, to, NULL);
  int first = RG_MINUTES_PER_DAY;

  g_assert_nonnull (hours);
  for (RgDate d = from; rg_date_compare (d, to) <= 0; d = rg_date_add_days (d, 1))
    for (guint i = 0; i < (staff_ids ? staff_ids->len : 1); i++)
      {
        g_autoptr(GArray) spans = staff_ids
          ? rg_work_hours_staff_spans (hours, g_array_index (staff_ids, gint64, i), d)
          : rg_work_hours_spans (hours, d);

        if (spans->len)
          first = MIN (first, g_array_index (spans, RgSpan, 0).start_minute);
      }
  return first == RG_MINUTES_PER_DAY ? 8 * 60 : MAX (0, first - 60);
}

/* The time grid under both views: scrollable, its size, and the scroll to
 * an hour before work starts, first shown and on a new date. */
static void
test_time_grid (void)
{
  g_autoptr(RgStudio) studio = test_open_studio (demo_path, RG_STORE_OPEN_NO_CREATE);
  g_autoptr(RgRecordList) staff = rg_record_list_new_staff (studio, FALSE);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (gint64));
  RgDate today = rg_date_from_time (NOW);
  RgDayView *day = rg_day_view_new (studio);
  RgWeekView *week = rg_week_view_new (studio);
  GtkAdjustment *vadjustment, *hadjustment;
  GtkWindow *window;
  int min, nat;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (staff)); i++)
    {
      g_autoptr(RgStaff) s = g_list_model_get_item (G_LIST_MODEL (staff), i);
      gint64 id = rg_record_get_id (RG_RECORD (s));

      if (rg_staff_get_role (s) == RG_STAFF_ROLE_MASTER || rg_staff_get_role (s) == RG_STAFF_ROLE_RESOURCE)
        g_array_append_val (columns, id);
    }
  g_assert_cmpuint (columns->len, >, 1);

  /* The day: a column per master, 112 px at least, beside 56 px of hours. */
  g_assert_true (RG_IS_TIME_GRID (day));
  g_assert_true (GTK_IS_SCROLLABLE (day));
  g_assert_cmpuint (rg_day_view_get_n_columns (day), ==, columns->len);
  gtk_widget_measure (GTK_WIDGET (day), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 56 + 112);
  g_assert_cmpint (nat, ==, 56 + columns->len * 112);
  gtk_widget_measure (GTK_WIDGET (day), GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 44 + 120);
  g_assert_cmpint (nat, ==, 44 + 24 * 60 * 1.25);

  rg_day_view_set_date (day, today);
  window = show_in_window (GTK_WIDGET (day), TRUE);
  test_spin (100);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (day));
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (day));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), ==, 44 + 24 * 60 * 1.25);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >=, 56 + columns->len * 112);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==,
                     expected_first_minute (studio, today, today, columns) * 1.25);

  /* Scrolled away, a new day scrolls back to its start of work. */
  gtk_adjustment_set_value (vadjustment, 0);
  rg_day_view_set_date (day, rg_date_add_days (today, 2));
  test_spin (50);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==,
                     expected_first_minute (studio, rg_date_add_days (today, 2), rg_date_add_days (today, 2), columns)
                     * 1.25);
  destroy_window (window, day);

  /* The week: seven days, 100 px at least. */
  g_assert_true (RG_IS_TIME_GRID (week));
  g_assert_true (GTK_IS_SCROLLABLE (week));
  gtk_widget_measure (GTK_WIDGET (week), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 56 + 100);
  g_assert_cmpint (nat, ==, 56 + 7 * 100);
  gtk_widget_measure (GTK_WIDGET (week), GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 48 + 120);
  g_assert_cmpint (nat, ==, 48 + 24 * 60 * 1.25);

  rg_week_view_set_date (week, today);
  window = show_in_window (GTK_WIDGET (week), TRUE);
  test_spin (100);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (week));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), ==, 48 + 24 * 60 * 1.25);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==,
                     expected_first_minute (studio, rg_date_week_start (today),
                                            rg_date_add_days (rg_date_week_start (today), 6), NULL) * 1.25);

  gtk_adjustment_set_value (vadjustment, 0);
  rg_week_view_set_date (week, rg_date_add_days (today, 7));
  test_spin (50);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==,
                     expected_first_minute (studio, rg_date_week_start (rg_date_add_days (today, 7)),
                                            rg_date_add_days (rg_date_week_start (rg_date_add_days (today, 7)), 6),
                                            NULL) * 1.25);
  destroy_window (window, week);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!test_ui_init (&argc, &argv))
    return 0;

  /* The demo studio, as `regulars --demo` makes it. */
  demo_path = test_make_demo ("views", "en", NOW);

  g_test_add_func ("/calendar-views/day-keyboard", test_day_keyboard);
  g_test_add_func ("/calendar-views/day-drag", test_day_drag);
  g_test_add_func ("/calendar-views/day-cancel-series", test_day_cancel_series);
  g_test_add_func ("/calendar-views/week", test_week);
  g_test_add_func ("/calendar-views/week-drag", test_week_drag);
  g_test_add_func ("/calendar-views/week-compact", test_week_compact);
  g_test_add_func ("/calendar-views/month", test_month);
  g_test_add_func ("/calendar-views/live-insert", test_live_insert);
  g_test_add_func ("/calendar-views/time-grid", test_time_grid);

  status = g_test_run ();

  test_remove_demo (demo_path);
  g_free (demo_path);

  return status;
}
