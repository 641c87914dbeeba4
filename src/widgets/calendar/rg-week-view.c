/* rg-week-view.c — a week of the studio: a column per day.
 *
 * Monday to Sunday of the week that holds the view's date, time down the
 * side, for one staff member or for everyone (staff 0): then every
 * booking of the day shares the day's column in lanes, each card tinted
 * with its master's colour. Time nobody concerned works is shaded, days
 * off are marked in the header, today's column is tinted and a line marks
 * "now". Like RgDayView it is an RgTimeGrid (scrolling, the hours and the
 * grid) with the days drawn along the top, and the cards are real widgets
 * placed by size_allocate.
 *
 * The week's bookings are read when the view is first mapped (the page may
 * build every view up front), then follow the date, the staff filter and
 * every commit.
 *
 * A card dragged to another time or day lands on the 15-minute grid and
 * goes through rg_calendar_move() (which asks first outside working
 * hours); a refused move reports ::error and the card goes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-week-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "model/rg-booking.h"
#include "model/rg-day-layout.h"
#include "model/rg-record-list.h"
#include "model/rg-staff.h"
#include "rg-appointment-card.h"
#include "rg-calendar-draw.h"
#include "rg-calendar-move.h"
#include "rg-week-view.h"
#include "model/rg-work-hours.h"

#define N_DAYS            7
#define GUTTER_WIDTH      RG_TIME_GRID_GUTTER_WIDTH
#define HEADER_HEIGHT     48
#define MIN_COLUMN_WIDTH  100
#define MIN_CARD_HEIGHT   16
#define MIN_CARD_WIDTH    14   /* the card's own margins need 12 */
#define DRAG_THRESHOLD    6

struct _RgWeekView
{
  RgTimeGrid         parent_instance;

  RgStudio          *studio;
  RgDate             date;
  RgDate             monday;
  gint64             day_start[N_DAYS + 1];   /* local midnights, DST-safe */
  gint64             staff_id;                /* 0: everyone */
  RgRecordList      *staff;                   /* every active staff member */

  GArray            *spans[N_DAYS];           /* RgSpan somebody works */
  char              *off_reason[N_DAYS];      /* a marked day off and why ("" without) */
  guint              counts[N_DAYS];          /* cards per day, from the last allocation */
  /* Everyone's week: a day too busy for readable cards shows, per hour,
   * how many bookings and how many masters busy (from the last allocation). */
  gboolean           compact[N_DAYS];
  guint16            hour_bookings[N_DAYS][24];
  guint8             hour_busy[N_DAYS][24];

  RgAppointmentList *appointments;
  RgAppointmentDetails *details;              /* services lines and first visits of the week */
  GHashTable        *cards;                   /* RgAppointment -> RgAppointmentCard */
  RgAppointment     *selected;
  gboolean           selecting;

  gboolean           loaded;                  /* the week is read when first shown */

  gulong             changes_id;
  gboolean           schedule_dirty;          /* the staff list changed: read the hours again */
  guint              read_ahead_id;           /* the next week, read while idle */

  /* Dragging a card to another time or day. */
  GtkGesture        *drag;
  RgAppointment     *drag_appointment;        /* pressed on; NULL: no drag */
  double             drag_x, drag_y;          /* the press, widget coordinates */
  double             drag_offset_y;           /* from the card's top to the press */
  gboolean           dragging;                /* moved past the threshold */
  int                drag_day;
  int                drag_minute;
};

G_DEFINE_FINAL_TYPE (RgWeekView, rg_week_view, RG_TYPE_TIME_GRID)

/* Besides the grid's (appointment-activated, moved, error). */
enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

/* Narrower than this, a lane's cards cannot be read: the day goes compact. */
#define READABLE_LANE_WIDTH 60

static guint signals[N_SIGNALS];

/* Days and hours ------------------------------------------------------------ */

/* The column of an instant: 0..6, -1 before the week, 7 after it. */
static int
day_of (RgWeekView *self,
        gint64      t)
{
  if (t < self->day_start[0])
    return -1;
  for (int d = 0; d < N_DAYS; d++)
    if (t < self->day_start[d + 1])
      return d;
  return N_DAYS;
}

static void
load_schedule (RgWeekView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgWorkHours) hours = NULL;

  hours = rg_studio_work_hours (self->studio, self->staff_id,
                              self->monday, rg_date_add_days (self->monday, N_DAYS - 1), &error);
  if (hours == NULL)
    g_warning ("Could not read working hours: %s", error->message);

  for (int d = 0; d < N_DAYS; d++)
    {
      RgDate date = rg_date_add_days (self->monday, d);
      const char *reason = NULL;

      g_clear_pointer (&self->spans[d], g_array_unref);
      g_clear_pointer (&self->off_reason[d], g_free);
      if (hours == NULL)
        {
          self->spans[d] = g_array_new (FALSE, FALSE, sizeof (RgSpan));
          continue;
        }
      self->spans[d] = rg_work_hours_spans (hours, date);
      if (rg_work_hours_day_off (hours, date, &reason))
        self->off_reason[d] = g_strdup (reason ? reason : "");
    }
}

static void
set_week (RgWeekView *self,
          RgDate      date)
{
  self->date = date;
  self->monday = rg_date_week_start (date);
  for (int d = 0; d <= N_DAYS; d++)
    self->day_start[d] = rg_date_start (rg_date_add_days (self->monday, d));
}

/* Tints a card with its master's colour (also one archived since). */
static void
set_card_color (RgWeekView        *self,
                RgAppointmentCard *card,
                gint64             staff_id)
{
  RgStaff *staff = self->staff ? rg_record_list_find (self->staff, staff_id, NULL) : NULL;
  g_autoptr(RgStaff) other = NULL;

  if (staff == NULL && self->studio)
    staff = other = rg_studio_lookup (self->studio, RG_TYPE_STAFF, staff_id, NULL);
  rg_appointment_card_set_color (card, staff ? rg_staff_get_color (staff) : NULL);
}

static void
update_accessible_label (RgWeekView *self)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (self->monday.year, self->monday.month, self->monday.day, 12, 0, 0);
  /* Translators: the first day of the week the week view shows, see the strftime manual */
  g_autofree char *day = dt ? g_date_time_format (dt, _("%-d %B %Y")) : NULL;
  g_autofree char *label = NULL;
  RgStaff *staff = self->staff_id && self->staff ? rg_record_list_find (self->staff, self->staff_id, NULL) : NULL;

  if (staff)
    /* Translators: the week view's description: "Week of 23 November 2026, Anna" */
    label = g_strdup_printf (_("Week of %s, %s"), day ? day : "", rg_staff_get_display_name (staff));
  else
    /* Translators: the week view's description when it shows everyone's bookings */
    label = g_strdup_printf (_("Week of %s, all staff"), day ? day : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Cards --------------------------------------------------------------------- */

static void sync_cards (RgWeekView *self);

static void
staff_changed_cb (RgWeekView *self)
{
  GHashTableIter iter;
  gpointer key, card;

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &card))
    set_card_color (self, card, rg_appointment_get_staff_id (key));
  self->schedule_dirty = TRUE;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
load_details (RgWeekView *self)
{
  rg_calendar_load_details (self->appointments, &self->details);
}

static void
bind_card (RgWeekView        *self,
           RgAppointmentCard *card,
           RgAppointment     *a)
{
  rg_appointment_card_bind (card, a, self->details);
  set_card_color (self, card, rg_appointment_get_staff_id (a));
  rg_appointment_card_set_selected (card, a == self->selected);
}

/* After a commit: the hours (and the staff) if they changed, the cards'
 * details (services, clients, medical marks) if they did. */
static void
changes_cb (RgWeekView *self,
            RgChanges   changes)
{
  if (changes & (RG_CHANGES_SCHEDULE | RG_CHANGES_STAFF))
    self->schedule_dirty = TRUE;
  if (self->schedule_dirty)
    {
      self->schedule_dirty = FALSE;
      load_schedule (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  /* Appointments of other weeks only: the cards' details stand. */
  if (changes == RG_CHANGES_APPOINTMENTS &&
      !rg_studio_changes_touch_days (self->studio, self->monday, rg_date_add_days (self->monday, 6), 0))
    return;
  if (changes & (RG_CHANGES_APPOINTMENTS | RG_CHANGES_CLIENTS | RG_CHANGES_SETTINGS))
    {
      GHashTableIter iter;
      gpointer key, card;

      load_details (self);
      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, &key, &card))
        bind_card (self, card, key);
    }
}

static void
cancel_drag (RgWeekView *self)
{
  RgAppointmentCard *card = self->drag_appointment ? g_hash_table_lookup (self->cards, self->drag_appointment) : NULL;

  /* The card says its booking's time again (the new one once it is saved). */
  if (card)
    rg_appointment_card_set_preview (card, 0, 0);
  g_clear_object (&self->drag_appointment);
  self->dragging = FALSE;
}

/* A card for every appointment of the week (cancelled ones aside), bound
 * afresh: the list reports moved and changed appointments too. Cards of
 * appointments that left go back to the pool. */
static void
sync_cards (RgWeekView *self)
{
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->appointments));
  GHashTableIter iter;
  gpointer key, value;

  load_details (self);

  /* The clients of the week in one query; the cards find them loaded. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgAppointment) a = g_list_model_get_item (G_LIST_MODEL (self->appointments), i);
      gint64 client_id = rg_appointment_get_client_id (a);

      g_array_append_val (client_ids, client_id);
    }
  clients = rg_studio_lookup_many (self->studio, RG_TYPE_CLIENT, (const gint64 *) (gpointer) client_ids->data,
                                   client_ids->len, &error);
  if (clients == NULL)
    g_warning ("Could not read the clients of the week: %s", error->message);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgAppointment) a = g_list_model_get_item (G_LIST_MODEL (self->appointments), i);
      RgAppointmentCard *card;

      /* A cancelled booking frees its time: it leaves the grid. */
      if (rg_appointment_get_status (a) == RG_APPOINTMENT_CANCELLED)
        continue;

      card = g_hash_table_lookup (self->cards, a);
      if (card == NULL)
        {
          card = rg_time_grid_take_card (RG_TIME_GRID (self), self->studio);
          g_hash_table_insert (self->cards, g_object_ref (a), card);
        }
      /* Children in time order: Tab walks the week as it reads. */
      gtk_widget_insert_before (GTK_WIDGET (card), GTK_WIDGET (self), NULL);
      bind_card (self, card, a);
      g_hash_table_add (keep, a);
    }

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (keep, key))
      {
        if (key == (gpointer) self->selected)
          g_clear_object (&self->selected);
        if (key == (gpointer) self->drag_appointment)
          {
            cancel_drag (self);
            gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
          }
        rg_time_grid_release_card (RG_TIME_GRID (self), value);
        g_hash_table_iter_remove (&iter);
      }

  /* The card being dragged stays on top. */
  if (self->dragging && (value = g_hash_table_lookup (self->cards, self->drag_appointment)))
    gtk_widget_insert_before (value, GTK_WIDGET (self), NULL);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
read_ahead_cb (gpointer data)
{
  RgWeekView *self = data;

  self->read_ahead_id = 0;
  rg_appointment_list_read_ahead (self->appointments, self->day_start[N_DAYS],
                                  rg_date_start (rg_date_add_days (self->monday, 2 * N_DAYS)));
  return G_SOURCE_REMOVE;
}

static void
appointments_changed_cb (RgWeekView *self)
{
  sync_cards (self);

  /* "Next week" is the likeliest step: have it read by then. */
  if (self->read_ahead_id == 0)
    self->read_ahead_id = g_idle_add_full (G_PRIORITY_LOW, read_ahead_cb, self, NULL);
}

/* Scrolling ---------------------------------------------------------------- */

static int
start_minute_in_week (RgWeekView    *self,
                      RgAppointment *a,
                      int           *day)
{
  gint64 start = rg_appointment_get_starts_at (a);

  *day = day_of (self, start);
  if (*day < 0)
    {
      *day = 0;
      return 0;
    }
  return rg_time_minute_of_day (start);
}

/* Scrolls so that @a is in sight. */
static void
scroll_to (RgWeekView    *self,
           RgAppointment *a)
{
  int day;
  int minute = start_minute_in_week (self, a, &day);

  if (day >= N_DAYS)
    return;
  rg_time_grid_scroll_to (RG_TIME_GRID (self), day, minute,
                          (rg_appointment_get_ends_at (a) - rg_appointment_get_starts_at (a)) / 60.0);
}

/* Selection ------------------------------------------------------------------ */

RgAppointment *
rg_week_view_get_selected (RgWeekView *self)
{
  g_return_val_if_fail (RG_IS_WEEK_VIEW (self), NULL);
  return self->selected;
}

/* Selects @appointment (NULL: nothing), focuses its card and selects its
 * client in the studio, for the card pane. */
void
rg_week_view_select (RgWeekView    *self,
                     RgAppointment *appointment)
{
  GHashTableIter iter;
  gpointer key, card;

  g_return_if_fail (RG_IS_WEEK_VIEW (self));
  g_return_if_fail (appointment == NULL || RG_IS_APPOINTMENT (appointment));

  g_set_object (&self->selected, appointment);

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &card))
    rg_appointment_card_set_selected (card, key == (gpointer) appointment);

  if (appointment && self->studio)
    {
      card = g_hash_table_lookup (self->cards, appointment);
      if (card && rg_appointment_card_get_client (card))
        rg_studio_set_selected_client (self->studio, rg_appointment_card_get_client (card));
      if (card)
        {
          self->selecting = TRUE;
          gtk_widget_grab_focus (card);
          self->selecting = FALSE;
        }
    }
}

static void
rg_week_view_set_focus_child (GtkWidget *widget,
                              GtkWidget *child)
{
  RgWeekView *self = RG_WEEK_VIEW (widget);

  GTK_WIDGET_CLASS (rg_week_view_parent_class)->set_focus_child (widget, child);

  /* Tab onto a card selects it, as a click does. */
  if (child && RG_IS_APPOINTMENT_CARD (child) && !self->selecting &&
      rg_appointment_card_get_appointment (RG_APPOINTMENT_CARD (child)) != self->selected)
    {
      RgAppointment *a = rg_appointment_card_get_appointment (RG_APPOINTMENT_CARD (child));

      rg_week_view_select (self, a);
      scroll_to (self, a);
    }
}

/* The shown appointments in time order. */
static GPtrArray *
shown_appointments (RgWeekView *self)
{
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->appointments));

  for (guint i = 0; i < n; i++)
    {
      RgAppointment *a = g_list_model_get_item (G_LIST_MODEL (self->appointments), i);

      if (g_hash_table_contains (self->cards, a))
        g_ptr_array_add (shown, a);
      else
        g_object_unref (a);
    }
  return shown;
}

static void
select_and_show (RgWeekView    *self,
                 RgAppointment *a)
{
  rg_week_view_select (self, a);
  scroll_to (self, a);
}

/* Up and Down: the previous or next appointment in time. */
static void
select_step_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgWeekView *self = RG_WEEK_VIEW (widget);
  g_autoptr(GPtrArray) shown = shown_appointments (self);
  int step = g_variant_get_int32 (parameter);
  guint index;

  if (shown->len == 0)
    return;
  if (self->selected == NULL || !g_ptr_array_find (shown, self->selected, &index))
    {
      select_and_show (self, shown->pdata[step > 0 ? 0 : shown->len - 1]);
      return;
    }
  if ((int) index + step >= 0 && (int) index + step < (int) shown->len)
    select_and_show (self, shown->pdata[index + step]);
}

/* Left and Right: the appointment nearest in time on the previous or next
 * day that has one. */
static void
select_day_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgWeekView *self = RG_WEEK_VIEW (widget);
  g_autoptr(GPtrArray) shown = shown_appointments (self);
  int step = g_variant_get_int32 (parameter) > 0 ? 1 : -1;
  int day, minute;

  if (shown->len == 0)
    return;
  if (self->selected == NULL || !g_ptr_array_find (shown, self->selected, NULL))
    {
      select_and_show (self, shown->pdata[0]);
      return;
    }

  minute = start_minute_in_week (self, self->selected, &day);
  for (int d = day + step; d >= 0 && d < N_DAYS; d += step)
    {
      RgAppointment *best = NULL;
      int best_distance = G_MAXINT;

      for (guint i = 0; i < shown->len; i++)
        {
          int other_day, other = start_minute_in_week (self, shown->pdata[i], &other_day);

          if (other_day == d && ABS (other - minute) < best_distance)
            {
              best = shown->pdata[i];
              best_distance = ABS (other - minute);
            }
        }
      if (best)
        {
          select_and_show (self, best);
          return;
        }
    }
}

static void
activate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgWeekView *self = RG_WEEK_VIEW (widget);

  if (self->selected)
    rg_time_grid_activate_appointment (RG_TIME_GRID (self), self->selected);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            RgWeekView      *self)
{
  RgAppointmentCard *card;

  if (!rg_time_grid_in_body (RG_TIME_GRID (self), x, y))
    return;

  card = rg_time_grid_card_at (RG_TIME_GRID (self), x, y);
  /* A compact day shows no cards: a click opens it in the day view. */
  {
    RgTimeGrid *grid = RG_TIME_GRID (self);
    int day = rg_day_layout_column_for_x (rg_time_grid_get_layout (grid), x + rg_time_grid_get_hvalue (grid));

    if (card == NULL && day >= 0 && day < N_DAYS && self->compact[day])
      {
        RgDate date = rg_date_add_days (self->monday, day);

        g_signal_emit (self, signals[DAY_ACTIVATED], 0, &date);
        return;
      }
  }
  if (card == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  rg_week_view_select (self, card ? rg_appointment_card_get_appointment (card) : NULL);
  if (card && n_press == 2)
    rg_time_grid_activate_appointment (RG_TIME_GRID (self), rg_appointment_card_get_appointment (card));
}

/* Dragging ------------------------------------------------------------------- */

static int
duration_minutes (RgAppointment *a)
{
  return (int) ((rg_appointment_get_ends_at (a) - rg_appointment_get_starts_at (a) + 59) / 60);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               RgWeekView     *self)
{
  RgAppointmentCard *card = NULL;
  int day, minute;

  cancel_drag (self);
  if (rg_time_grid_in_body (RG_TIME_GRID (self), x, y))
    card = rg_time_grid_card_at (RG_TIME_GRID (self), x, y);
  if (card == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_appointment = g_object_ref (rg_appointment_card_get_appointment (card));
  self->drag_x = x;
  self->drag_y = y;
  minute = start_minute_in_week (self, self->drag_appointment, &day);
  self->drag_offset_y = y - (rg_day_layout_y_for_minute (rg_time_grid_get_layout (RG_TIME_GRID (self)), minute)
                             - rg_time_grid_get_vvalue (RG_TIME_GRID (self)));
  self->drag_day = day;
  self->drag_minute = minute;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                RgWeekView     *self)
{
  RgTimeGrid *grid = RG_TIME_GRID (self);
  const RgDayLayout *layout = rg_time_grid_get_layout (grid);
  GtkWidget *card;
  double x, y;
  int day, minute;

  if (self->drag_appointment == NULL)
    return;

  if (!self->dragging)
    {
      if (hypot (offset_x, offset_y) < DRAG_THRESHOLD)
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      if ((card = g_hash_table_lookup (self->cards, self->drag_appointment)))
        gtk_widget_insert_before (card, GTK_WIDGET (self), NULL);
    }

  /* Content coordinates of the pointer and of the card's top. */
  x = self->drag_x + offset_x + rg_time_grid_get_hvalue (grid);
  y = self->drag_y + offset_y - self->drag_offset_y + rg_time_grid_get_vvalue (grid);

  day = rg_day_layout_column_for_x (layout, MAX (x, GUTTER_WIDTH));
  if (day < 0)
    day = N_DAYS - 1;
  minute = rg_day_layout_minute_for_y (layout, y, RG_BOOKING_SNAP_MINUTES);
  minute = CLAMP (minute, 0, MAX (0, RG_MINUTES_PER_DAY - duration_minutes (self->drag_appointment)));

  if (day != self->drag_day || minute != self->drag_minute)
    {
      gint64 starts_at = rg_time_from_local (rg_date_add_days (self->monday, day), minute);

      self->drag_day = day;
      self->drag_minute = minute;
      /* The card says the time it is dragged to. */
      if ((card = g_hash_table_lookup (self->cards, self->drag_appointment)))
        rg_appointment_card_set_preview (RG_APPOINTMENT_CARD (card), starts_at,
                                         starts_at + (gint64) duration_minutes (self->drag_appointment) * 60);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             RgWeekView     *self)
{
  g_autoptr(RgAppointment) a = NULL;
  gint64 starts_at;
  gboolean dragged = self->dragging;
  int day = self->drag_day, minute = self->drag_minute;

  a = g_steal_pointer (&self->drag_appointment);
  cancel_drag (self);
  if (a == NULL || !dragged)
    return;

  gtk_widget_queue_allocate (GTK_WIDGET (self));

  starts_at = rg_time_from_local (rg_date_add_days (self->monday, day), minute);
  if (starts_at == rg_appointment_get_starts_at (a))
    return;

  /* The length stays (0); the staff member stays (0). */
  rg_calendar_move (GTK_WIDGET (self), self->studio, a, 0, starts_at, 0);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RgWeekView            *self)
{
  if (keyval == GDK_KEY_Escape && self->drag_appointment)
    {
      cancel_drag (self);
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Layout --------------------------------------------------------------------- */

static GArray *
rg_week_view_column_spans (RgTimeGrid *grid,
                           guint       column)
{
  RgWeekView *self = RG_WEEK_VIEW (grid);

  return column < N_DAYS ? self->spans[column] : NULL;
}

static void
place_card (RgWeekView *self,
            GtkWidget  *card,
            int         day,
            int         start_minute,
            int         end_minute,
            guint       lane,
            guint       n_lanes)
{
  /* Too narrow for words (many lanes for everyone's week), a card draws
   * only its colour, with the details in its tooltip. */
  gtk_widget_set_child_visible (card, TRUE);
  rg_time_grid_place_card (RG_TIME_GRID (self), card, day, start_minute, end_minute, lane, n_lanes);
}

static void
rg_week_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  RgWeekView *self = RG_WEEK_VIEW (widget);
  const RgDayLayout *layout = rg_time_grid_get_layout (RG_TIME_GRID (self));
  GPtrArray *by_day[N_DAYS];
  GHashTableIter iter;
  gpointer key, value;

  GTK_WIDGET_CLASS (rg_week_view_parent_class)->size_allocate (widget, width, height, baseline);

  for (int d = 0; d < N_DAYS; d++)
    {
      by_day[d] = g_ptr_array_new ();
      self->counts[d] = 0;
    }

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int day;

      start_minute_in_week (self, key, &day);
      if (day >= N_DAYS)
        {
          gtk_widget_set_child_visible (value, FALSE);
          continue;
        }
      self->counts[day]++;
      if (self->dragging && key == (gpointer) self->drag_appointment)
        continue;
      g_ptr_array_add (by_day[day], value);
    }

  /* Each day's cards side by side where they overlap. */
  for (int d = 0; d < N_DAYS; d++)
    {
      GPtrArray *cards = by_day[d];
      g_autofree RgDayItem *items = g_new0 (RgDayItem, MAX (cards->len, 1));

      for (guint i = 0; i < cards->len; i++)
        {
          RgAppointment *a = rg_appointment_card_get_appointment (cards->pdata[i]);
          gint64 end = rg_appointment_get_ends_at (a);
          int day;

          items[i].start_minute = start_minute_in_week (self, a, &day);
          items[i].end_minute = end >= self->day_start[d + 1] ? RG_MINUTES_PER_DAY : rg_time_minute_of_day (end);
          if (items[i].end_minute <= items[i].start_minute)
            items[i].end_minute = MIN (items[i].start_minute + 15, RG_MINUTES_PER_DAY);
        }

      rg_day_layout_assign_lanes (items, cards->len);

      /* Everyone's bookings in lanes too narrow to read: the day shows
       * its load by the hour instead (see compact_hours()). */
      {
        guint max_lanes = 1;

        for (guint i = 0; i < cards->len; i++)
          max_lanes = MAX (max_lanes, items[i].n_lanes);
        self->compact[d] = self->staff_id == 0 && cards->len > 0 &&
                           (layout->column_width - 6) / max_lanes < READABLE_LANE_WIDTH;
      }
      memset (self->hour_bookings[d], 0, sizeof self->hour_bookings[d]);
      memset (self->hour_busy[d], 0, sizeof self->hour_busy[d]);
      if (self->compact[d])
        {
          for (int h = 0; h < 24; h++)
            {
              gint64 staff[64];
              guint n_staff = 0;

              for (guint i = 0; i < cards->len; i++)
                {
                  RgAppointment *a = rg_appointment_card_get_appointment (cards->pdata[i]);
                  gint64 who = rg_appointment_get_staff_id (a);
                  gboolean seen = FALSE;

                  RgAppointmentStatus status = rg_appointment_get_status (a);

                  /* Cancelled and missed bookings keep nobody busy. */
                  if (items[i].start_minute >= (h + 1) * 60 || items[i].end_minute <= h * 60 ||
                      status == RG_APPOINTMENT_CANCELLED || status == RG_APPOINTMENT_NO_SHOW)
                    continue;
                  self->hour_bookings[d][h]++;
                  for (guint k = 0; k < n_staff; k++)
                    seen |= staff[k] == who;
                  if (!seen && n_staff < G_N_ELEMENTS (staff))
                    staff[n_staff++] = who;
                }
              self->hour_busy[d][h] = (guint8) MIN (n_staff, 255);
            }
          for (guint i = 0; i < cards->len; i++)
            gtk_widget_set_child_visible (cards->pdata[i], FALSE);
        }
      else
        for (guint i = 0; i < cards->len; i++)
          place_card (self, cards->pdata[i], d, items[i].start_minute, items[i].end_minute,
                      items[i].lane, items[i].n_lanes);
      g_ptr_array_unref (cards);
    }

  /* The card being dragged, where it would land. */
  if (self->dragging && (value = g_hash_table_lookup (self->cards, self->drag_appointment)))
    place_card (self, value, self->drag_day, self->drag_minute,
                MIN (self->drag_minute + duration_minutes (self->drag_appointment), RG_MINUTES_PER_DAY), 0, 1);
}

/* Drawing -------------------------------------------------------------------- */

/* "Mon 23", or "Tue 1 Dec" on the first of a month. */
static char *
day_title (RgDate date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);
  g_autofree char *title = NULL;

  if (dt == NULL)
    return g_strdup ("");

  if (date.day == 1)
    /* Translators: a day in the week view's header on the first of a month, see the strftime manual */
    title = g_date_time_format (dt, _("%a %-d %b"));
  else
    /* Translators: a day in the week view's header, see the strftime manual; e.g. "Mon 23" */
    title = g_date_time_format (dt, _("%a %-d"));

  return g_steal_pointer (&title);
}

static char *
day_subtitle (RgWeekView *self,
              int         day)
{
  GArray *spans = self->spans[day];

  if (spans == NULL || spans->len == 0)
    {
      if (self->staff_id == 0)
        /* Translators: nobody works on this day (week view) */
        return g_strdup (C_("week view", "Closed"));
      if (self->off_reason[day] && *self->off_reason[day])
        return g_strdup (self->off_reason[day]);
      return g_strdup (_("Day off"));
    }

  if (self->staff_id != 0)
    {
      int s = g_array_index (spans, RgSpan, 0).start_minute;
      int e = g_array_index (spans, RgSpan, spans->len - 1).end_minute;

      return g_strdup_printf ("%02d:%02d–%02d:%02d", s / 60, s % 60, e / 60, e % 60);
    }

  if (self->counts[day] == 0)
    return g_strdup ("");
  /* Translators: the bookings of a day in the week view's header */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking", "%u bookings", self->counts[day]),
                          self->counts[day]);
}

static guint working_masters (RgWeekView *self);

/* Over a compact day: that hour's load, and how to see the bookings. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  RgWeekView *self)
{
  RgTimeGrid *grid = RG_TIME_GRID (self);
  const RgDayLayout *layout = rg_time_grid_get_layout (grid);
  int day, hour;
  g_autofree char *text = NULL;
  g_autofree char *bookings = NULL;

  if (keyboard || !rg_time_grid_in_body (grid, x, y))
    return FALSE;
  day = rg_day_layout_column_for_x (layout, x + rg_time_grid_get_hvalue (grid));
  if (day < 0 || day >= N_DAYS || !self->compact[day])
    return FALSE;
  hour = rg_day_layout_minute_for_y (layout, y + rg_time_grid_get_vvalue (grid), 60) / 60;
  if (hour < 0 || hour > 23 || self->hour_bookings[day][hour] == 0)
    return FALSE;
  /* Translators: in the tooltip of an hour of a busy day in everyone's week */
  bookings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking", "%u bookings", self->hour_bookings[day][hour]),
                              self->hour_bookings[day][hour]);
  /* Translators: an hour of a busy day in everyone's week: "11:00–12:00: 5 bookings, 4 of 6 masters busy.
   * Click to see the day." */
  text = g_strdup_printf (_("%02d:00–%02d:00: %s, %u of %u masters busy. Click to see the day."), hour, hour + 1,
                          bookings, self->hour_busy[day][hour], MAX (working_masters (self), self->hour_busy[day][hour]));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The masters who take bookings, for a compact day's shading. */
static guint
working_masters (RgWeekView *self)
{
  guint n = self->staff ? g_list_model_get_n_items (G_LIST_MODEL (self->staff)) : 0;
  guint masters = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff), i);
      RgStaffRole role = rg_staff_get_role (staff);

      masters += role == RG_STAFF_ROLE_MASTER || role == RG_STAFF_ROLE_RESOURCE;
    }
  return masters;
}

static int
rg_week_view_today_column (RgTimeGrid *grid)
{
  RgWeekView *self = RG_WEEK_VIEW (grid);
  int today = rg_date_days_between (self->monday, rg_date_today ());

  return today >= 0 && today < N_DAYS ? today : -1;
}

/* Over the grid: the cards, the compact days, now. */
static void
rg_week_view_snapshot_body (RgTimeGrid            *grid,
                            GtkSnapshot           *snapshot,
                            const RgTimeGridFrame *frame)
{
  RgWeekView *self = RG_WEEK_VIEW (grid);
  GtkWidget *widget = GTK_WIDGET (self);
  const RgDayLayout *layout = rg_time_grid_get_layout (grid);
  double cw = layout->column_width;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);

  /* A compact day: each hour's bookings, tinted by how many masters are
   * busy of those who work. */
  for (int d = 0; d < N_DAYS; d++)
    {
      double x = rg_day_layout_x_for_column (layout, d) + frame->dx;
      guint masters = MAX (working_masters (self), 1);

      if (!self->compact[d])
        continue;
      for (int h = 0; h < 24; h++)
        {
          double y0 = rg_day_layout_y_for_minute (layout, h * 60) + frame->dy;
          double y1 = rg_day_layout_y_for_minute (layout, (h + 1) * 60) + frame->dy;
          double load = MIN (1.0, self->hour_busy[d][h] / (double) masters);
          GskRoundedRect box;

          if (self->hour_bookings[d][h] == 0 || y1 < HEADER_HEIGHT || y0 > frame->height)
            continue;
          gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x + 3, y0 + 2, cw - 7, y1 - y0 - 4), 5);
          gtk_snapshot_push_rounded_clip (snapshot, &box);
          {
            GdkRGBA fill = rg_calendar_with_alpha (frame->accent_bg, 0.12 + 0.5 * load);

            gtk_snapshot_append_color (snapshot, &fill, &box.bounds);
          }
          gtk_snapshot_pop (snapshot);
          {
            /* "8 bookings", or "8" in a narrow column. */
            g_autofree char *label = cw >= 96
              ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking", "%u bookings", self->hour_bookings[d][h]),
                                 self->hour_bookings[d][h])
              : g_strdup_printf ("%u", self->hour_bookings[d][h]);

            rg_calendar_draw_text (widget, snapshot, label, x + 10, y0 + (y1 - y0) / 2 - 9, cw - 20, TRUE,
                                   load > 0.6 ? rg_calendar_named_color (widget, "accent_fg_color", "#ffffff") : frame->fg);
          }
        }
    }

  if (frame->today >= 0)
    {
      GdkRGBA now_color = rg_calendar_named_color (widget, "destructive_color", "#e01b24");
      int minute = rg_time_minute_of_day (g_get_real_time () / G_USEC_PER_SEC);
      double x = rg_day_layout_x_for_column (layout, frame->today) + frame->dx;
      double y = rg_day_layout_y_for_minute (layout, minute) + frame->dy;
      GskRoundedRect dot;

      gtk_snapshot_append_color (snapshot, &now_color, &GRAPHENE_RECT_INIT (x, y - 1, cw - 1, 2));
      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 4, y - 4, 8, 8), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &now_color, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

/* A day along the top: its date, and its hours, day off or bookings. */
static void
rg_week_view_snapshot_column_header (RgTimeGrid            *grid,
                                     GtkSnapshot           *snapshot,
                                     guint                  column,
                                     double                 x,
                                     const RgTimeGridFrame *frame)
{
  RgWeekView *self = RG_WEEK_VIEW (grid);
  GtkWidget *widget = GTK_WIDGET (self);
  double cw = rg_time_grid_get_layout (grid)->column_width;
  int d = column;
  RgDate date = rg_date_add_days (self->monday, d);
  g_autofree char *title = day_title (date);
  g_autofree char *subtitle = day_subtitle (self, d);
  gboolean off = self->spans[d] == NULL || self->spans[d]->len == 0;

  if (d == frame->today)
    {
      GdkRGBA tint = rg_calendar_with_alpha (frame->accent_bg, 0.14);

      gtk_snapshot_append_color (snapshot, &tint, &GRAPHENE_RECT_INIT (x, 0, cw, HEADER_HEIGHT));
      gtk_snapshot_append_color (snapshot, &frame->accent_bg, &GRAPHENE_RECT_INIT (x, HEADER_HEIGHT - 3, cw, 3));
    }
  else if (off)
    gtk_snapshot_append_color (snapshot, &frame->shade, &GRAPHENE_RECT_INIT (x, 0, cw, HEADER_HEIGHT));

  rg_calendar_draw_text (widget, snapshot, title, x + 8, 6, cw - 14, TRUE, d == frame->today ? frame->accent : frame->fg);
  if (*subtitle)
    rg_calendar_draw_text (widget, snapshot, subtitle, x + 8, 25, cw - 14, FALSE,
                           off ? rg_calendar_with_alpha (frame->fg, 0.75) : frame->dim);
}

/* API -------------------------------------------------------------------------- */

RgDate
rg_week_view_get_date (RgWeekView *self)
{
  g_return_val_if_fail (RG_IS_WEEK_VIEW (self), (RgDate) { 0 });
  return self->date;
}

/* The Monday of the week shown. */
RgDate
rg_week_view_get_week_start (RgWeekView *self)
{
  g_return_val_if_fail (RG_IS_WEEK_VIEW (self), (RgDate) { 0 });
  return self->monday;
}

static void
reload (RgWeekView *self)
{
  self->loaded = TRUE;
  cancel_drag (self);
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
  load_schedule (self);
  rg_appointment_list_set_range (self->appointments, self->day_start[0], self->day_start[N_DAYS]);
  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Shows the week (Monday to Sunday) that holds @date. */
void
rg_week_view_set_date (RgWeekView *self,
                       RgDate      date)
{
  RgDate monday;

  g_return_if_fail (RG_IS_WEEK_VIEW (self));
  g_return_if_fail (rg_date_valid (date));

  monday = rg_date_week_start (date);
  self->date = date;
  if (rg_date_compare (monday, self->monday) == 0)
    return;

  set_week (self, date);
  rg_time_grid_queue_scroll_to_work (RG_TIME_GRID (self));
  if (self->loaded)
    reload (self);
}

gint64
rg_week_view_get_staff (RgWeekView *self)
{
  g_return_val_if_fail (RG_IS_WEEK_VIEW (self), 0);
  return self->staff_id;
}

/* Shows one staff member's week, or everyone's with 0. */
void
rg_week_view_set_staff (RgWeekView *self,
                        gint64      staff_id)
{
  g_return_if_fail (RG_IS_WEEK_VIEW (self));

  if (self->staff_id == staff_id)
    return;

  self->staff_id = staff_id;
  rg_appointment_list_set_staff (self->appointments, staff_id);
  if (self->loaded)
    reload (self);
}

/* The bookings of the week (with cancelled ones, which show no card);
 * empty until the view is first shown. */
RgAppointmentList *
rg_week_view_get_appointments (RgWeekView *self)
{
  g_return_val_if_fail (RG_IS_WEEK_VIEW (self), NULL);
  return self->appointments;
}

RgWeekView *
rg_week_view_new (RgStudio *studio)
{
  RgWeekView *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_WEEK_VIEW, NULL);
  self->studio = g_object_ref (studio);
  self->staff = rg_record_list_new_staff (studio, FALSE);
  g_signal_connect_object (self->staff, "items-changed", G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);

  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);

  self->appointments = rg_appointment_list_new (studio);
  g_signal_connect_object (self->appointments, "items-changed",
                           G_CALLBACK (appointments_changed_cb), self, G_CONNECT_SWAPPED);

  /* The week is read when the view is first shown: a page may build it
   * and set its date and staff long before. */
  set_week (self, rg_date_today ());
  rg_time_grid_queue_scroll_to_work (RG_TIME_GRID (self));
  load_schedule (self);
  update_accessible_label (self);

  return self;
}

static void
rg_week_view_map (GtkWidget *widget)
{
  RgWeekView *self = RG_WEEK_VIEW (widget);

  if (!self->loaded && self->studio)
    reload (self);

  GTK_WIDGET_CLASS (rg_week_view_parent_class)->map (widget);
}

static void
rg_week_view_dispose (GObject *object)
{
  RgWeekView *self = RG_WEEK_VIEW (object);

  g_clear_handle_id (&self->read_ahead_id, g_source_remove);
  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);

  rg_calendar_unparent_cards (self->cards);

  cancel_drag (self);
  g_clear_object (&self->selected);
  g_clear_object (&self->appointments);
  g_clear_object (&self->staff);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_week_view_parent_class)->dispose (object);
}

static void
rg_week_view_finalize (GObject *object)
{
  RgWeekView *self = RG_WEEK_VIEW (object);

  for (int d = 0; d < N_DAYS; d++)
    {
      g_clear_pointer (&self->spans[d], g_array_unref);
      g_clear_pointer (&self->off_reason[d], g_free);
    }
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->details, rg_appointment_details_free);

  G_OBJECT_CLASS (rg_week_view_parent_class)->finalize (object);
}

static void
rg_week_view_class_init (RgWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RgTimeGridClass *grid_class = RG_TIME_GRID_CLASS (klass);

  object_class->dispose = rg_week_view_dispose;
  object_class->finalize = rg_week_view_finalize;

  widget_class->size_allocate = rg_week_view_size_allocate;
  widget_class->set_focus_child = rg_week_view_set_focus_child;
  widget_class->map = rg_week_view_map;

  grid_class->header_height = HEADER_HEIGHT;
  grid_class->min_column_width = MIN_COLUMN_WIDTH;
  grid_class->min_card_width = MIN_CARD_WIDTH;
  grid_class->min_card_height = MIN_CARD_HEIGHT;
  grid_class->column_spans = rg_week_view_column_spans;
  grid_class->today_column = rg_week_view_today_column;
  grid_class->snapshot_body = rg_week_view_snapshot_body;
  grid_class->snapshot_column_header = rg_week_view_snapshot_column_header;

  /**
   * RgWeekView::day-activated:
   * @date: (type gpointer): the day, a `const RgDate *`
   *
   * A compact day of everyone's week was clicked: the page opens the day.
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_install_action (widget_class, "week.activate", NULL, activate_activated);
  gtk_widget_class_install_action (widget_class, "week.select-step", "i", select_step_activated);
  gtk_widget_class_install_action (widget_class, "week.select-day", "i", select_day_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "week.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "week.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "week.select-step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "week.select-step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "week.select-day", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "week.select-day", "i", 1);

  gtk_widget_class_set_css_name (widget_class, "weekview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
rg_week_view_init (RgWeekView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->cards = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  set_week (self, rg_date_today ());
  rg_time_grid_set_n_columns (RG_TIME_GRID (self), N_DAYS);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* Whether @day (0: Monday) of everyone's week shows its load by the hour
 * instead of cards too narrow to read. */
gboolean
rg_week_view_get_day_compact (RgWeekView *self,
                              int         day)
{
  g_return_val_if_fail (RG_IS_WEEK_VIEW (self), FALSE);
  g_return_val_if_fail (day >= 0 && day < N_DAYS, FALSE);
  return self->compact[day];
}
