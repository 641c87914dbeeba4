/* rg-day-view.c — one day of the studio: a column per staff member on duty.
 *
 * Time runs down the side, staff along the top; non-working time is shaded
 * and a line marks "now". The scrolling, the hours and the grid are
 * RgTimeGrid's; the staff names are drawn here. Appointment cards are real
 * widgets placed by size_allocate from RgDayLayout; overlapping ones share
 * their column in lanes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-day-view"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-appointment-list.h"
#include "model/rg-booking.h"
#include "model/rg-day-layout.h"
#include "rg-model-enums.h"
#include "model/rg-record-list.h"
#include "model/rg-schedule.h"
#include "model/rg-roles.h"
#include "model/rg-staff.h"
#include "model/rg-work-hours.h"
#include "rg-appointment-card.h"
#include "rg-calendar-draw.h"
#include "rg-calendar-move.h"
#include "rg-day-view.h"
#include "widgets/satisfaction/rg-rating-dialog.h"

#define GUTTER_WIDTH      RG_TIME_GRID_GUTTER_WIDTH
#define HEADER_HEIGHT     44
/* Columns shrink to this before the view scrolls sideways: a card still
 * reads its time and name (six masters fit a 1200 px window with the card
 * open). */
#define MIN_COLUMN_WIDTH  112
#define MIN_CARD_WIDTH    8
#define MIN_CARD_HEIGHT   18

typedef enum {
  DRAG_NONE,
  DRAG_CREATE,   /* over free time: a new appointment */
  DRAG_MOVE,     /* a card to another time or column */
  DRAG_RESIZE,   /* a card's bottom edge */
} DragMode;

/* One appointment of the day, placed without a widget; cards are bound
 * only to those near the viewport. */
typedef struct {
  RgAppointment *appointment;
  int            column;
  int            start;     /* wall-clock minutes of the day */
  int            end;
  guint          lane;
  guint          n_lanes;
} DayItem;

/* How far beyond the viewport cards are kept bound, in pixels. */
#define VISIBLE_MARGIN  160

#define RESIZE_ZONE     6
#define DRAG_THRESHOLD  4

struct _RgDayView
{
  RgTimeGrid         parent_instance;

  RgStudio          *studio;
  RgDate             date;
  RgRecordList      *staff;        /* every active staff member */
  GPtrArray         *columns;      /* RgStaff who take bookings, in order */
  GPtrArray         *spans;        /* GArray of RgSpan per column */
  RgAppointmentList *appointments;
  GArray            *items;        /* DayItem: every appointment laid out, no widgets */
  GHashTable        *item_of;      /* RgAppointment -> index + 1 into items */
  RgAppointmentDetails *details;   /* services lines, first visits, clients of the day */
  GHashTable        *cards;        /* RgAppointment -> its card, only near the viewport */
  int                last_width;
  int                last_height;
  guint              visible_tick;
  guint              read_ahead_id;  /* the next day, read while idle */
  RgAppointment     *selected;

  gulong             changes_id;

  /* A drag in progress, in content minutes and columns. */
  DragMode           drag_mode;
  gboolean           drag_started;
  double             drag_x;
  double             drag_y;
  RgAppointmentCard *drag_card;
  int                drag_column;
  int                drag_start;
  int                drag_end;
  int                drag_anchor;   /* minutes between the card's start and the pointer */

  GtkWidget         *menu;
};

G_DEFINE_FINAL_TYPE (RgDayView, rg_day_view, RG_TYPE_TIME_GRID)

/* Besides the grid's (appointment-activated, moved, error). */
enum {
  CREATE_REQUESTED,
  STATUS_CHANGED,
  SERIES_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64  instant_of (RgDayView *self,
                           int        minute);

static gboolean
takes_bookings (RgStaff *staff)
{
  RgStaffRole role = rg_staff_get_role (staff);
  return role == RG_STAFF_ROLE_MASTER || role == RG_STAFF_ROLE_RESOURCE;
}

static int
column_of_staff (RgDayView *self,
                 gint64     staff_id)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (rg_record_get_id (self->columns->pdata[i]) == staff_id)
      return i;
  return -1;
}

/* Columns and their working hours --------------------------------------- */

static void
load_spans (RgDayView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgWorkHours) hours = rg_studio_work_hours (self->studio, 0,
                                                     self->date, self->date, &error);

  if (hours == NULL)
    g_warning ("Could not read working hours: %s", error->message);

  g_ptr_array_set_size (self->spans, 0);
  for (guint i = 0; i < self->columns->len; i++)
    g_ptr_array_add (self->spans,
                     hours ? rg_work_hours_staff_spans (hours, rg_record_get_id (self->columns->pdata[i]), self->date)
                           : g_array_new (FALSE, FALSE, sizeof (RgSpan)));
}

/* "Monday, 7 December 2026, 6 staff columns": what a screen reader says
 * the grid is. */
static void
update_accessible_label (RgDayView *self)
{
  g_autoptr(GDateTime) dt = rg_date_valid (self->date)
    ? g_date_time_new_local (self->date.year, self->date.month, self->date.day, 12, 0, 0) : NULL;
  /* Translators: the day the day view shows, see the strftime manual */
  g_autofree char *day = dt ? g_date_time_format (dt, _("%A, %-d %B %Y")) : NULL;
  g_autofree char *label = NULL;
  guint n = self->columns->len;

  /* Translators: the day view's description: "Monday, 7 December 2026, 6 staff columns" */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u staff column", "%s, %u staff columns", n),
                           day ? day : "", n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
load_columns (RgDayView *self)
{
  guint n = self->staff ? g_list_model_get_n_items (G_LIST_MODEL (self->staff)) : 0;

  g_ptr_array_set_size (self->columns, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff), i);

      /* A master signed in: their own column only (the model says). */
      if (takes_bookings (staff) &&
          rg_studio_may_for (self->studio, RG_ACTION_VIEW_CALENDAR, rg_record_get_id (RG_RECORD (staff)), 0))
        g_ptr_array_add (self->columns, g_object_ref (staff));
    }

  rg_time_grid_set_n_columns (RG_TIME_GRID (self), self->columns->len);
  load_spans (self);
  update_accessible_label (self);
}

static void rebuild_items (RgDayView *self);
static void bind_card (RgDayView         *self,
                       RgAppointmentCard *card,
                       RgAppointment     *a);

static void
staff_changed_cb (RgDayView *self)
{
  GHashTableIter iter;
  gpointer key, card;

  load_columns (self);
  rebuild_items (self);

  /* Colours and columns may have changed. */
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &card))
    bind_card (self, card, key);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void load_details (RgDayView *self);

/* The hours, the cards' details (services, first visits, medical marks)
 * and the clients' names follow each commit that changes them; the
 * appointments themselves come through the day's list. */
static void
changes_cb (RgDayView *self,
            RgChanges  changes)
{
  GHashTableIter iter;
  gpointer key, card;

  /* Someone else signed in: the columns their role sees. */
  if (changes & RG_CHANGES_SESSION)
    staff_changed_cb (self);
  if ((changes & (RG_CHANGES_SCHEDULE | RG_CHANGES_APPOINTMENTS | RG_CHANGES_CLIENTS | RG_CHANGES_SETTINGS)) == 0)
    return;
  /* Appointments of other days only. */
  if (changes == RG_CHANGES_APPOINTMENTS && !rg_studio_changes_touch_days (self->studio, self->date, self->date, 0))
    return;

  load_spans (self);
  load_details (self);
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &card))
    bind_card (self, card, key);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Items and cards ------------------------------------------------------------ */

static void update_visible (RgDayView *self);
static void card_minutes (RgDayView     *self,
                          RgAppointment *a,
                          int           *start,
                          int           *end);

static void
day_item_clear (gpointer data)
{
  g_clear_object (&((DayItem *) data)->appointment);
}

static DayItem *
item_of (RgDayView     *self,
         RgAppointment *appointment)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_of, appointment));

  return index ? &g_array_index (self->items, DayItem, index - 1) : NULL;
}

static void
load_details (RgDayView *self)
{
  rg_calendar_load_details (self->appointments, &self->details);
}

/* Lays out every appointment of the day (columns, minutes, lanes); cheap,
 * no widgets. Cancelled bookings free their time: they leave the grid. */
static void
rebuild_items (RgDayView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->appointments));

  g_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->item_of);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgAppointment) a = g_list_model_get_item (G_LIST_MODEL (self->appointments), i);
      DayItem item = { 0 };

      if (rg_appointment_get_status (a) == RG_APPOINTMENT_CANCELLED)
        continue;
      item.column = column_of_staff (self, rg_appointment_get_staff_id (a));
      if (item.column < 0)
        continue;
      item.appointment = g_steal_pointer (&a);
      card_minutes (self, item.appointment, &item.start, &item.end);
      g_array_append_val (self->items, item);
    }

  /* Lanes per column. */
  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autoptr(GArray) layout = g_array_new (FALSE, TRUE, sizeof (RgDayItem));
      g_autoptr(GArray) index = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < self->items->len; i++)
        {
          DayItem *item = &g_array_index (self->items, DayItem, i);
          RgDayItem placed = { item->start, item->end, 0, 0 };

          if (item->column != (int) c)
            continue;
          g_array_append_val (layout, placed);
          g_array_append_val (index, i);
        }

      rg_day_layout_assign_lanes ((RgDayItem *) (gpointer) layout->data, layout->len);
      for (guint j = 0; j < layout->len; j++)
        {
          DayItem *item = &g_array_index (self->items, DayItem, g_array_index (index, guint, j));
          item->lane = g_array_index (layout, RgDayItem, j).lane;
          item->n_lanes = g_array_index (layout, RgDayItem, j).n_lanes;
        }
    }

  for (guint i = 0; i < self->items->len; i++)
    g_hash_table_insert (self->item_of, g_array_index (self->items, DayItem, i).appointment,
                         GUINT_TO_POINTER (i + 1));

  update_visible (self);
}

static gboolean
read_ahead_cb (gpointer data)
{
  RgDayView *self = data;
  RgDate next = rg_date_add_days (self->date, 1);

  self->read_ahead_id = 0;
  rg_appointment_list_read_ahead (self->appointments, rg_date_start (next), rg_date_end (next));
  return G_SOURCE_REMOVE;
}

static void
appointments_changed_cb (RgDayView *self)
{
  g_autoptr(GHashTable) had = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, card;

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (had, key);

  load_details (self);
  rebuild_items (self);

  /* Cards that stayed show what changed (time, status, note); the new ones
   * were just bound. */
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &card))
    if (g_hash_table_contains (had, key))
      bind_card (self, card, key);

  /* "Next day" is the likeliest step: have it read by then. */
  if (self->read_ahead_id == 0)
    self->read_ahead_id = g_idle_add_full (G_PRIORITY_LOW, read_ahead_cb, self, NULL);
}

static void
bind_card (RgDayView         *self,
           RgAppointmentCard *card,
           RgAppointment     *a)
{
  DayItem *item = item_of (self, a);

  rg_appointment_card_bind (card, a, self->details);
  if (item)
    rg_appointment_card_set_color (card, rg_staff_get_color (self->columns->pdata[item->column]));
  rg_appointment_card_set_selected (card, a == self->selected);
}

static RgAppointmentCard *
take_card (RgDayView     *self,
           RgAppointment *a)
{
  RgAppointmentCard *card = rg_time_grid_take_card (RG_TIME_GRID (self), self->studio);

  gtk_widget_set_child_visible (GTK_WIDGET (card), TRUE);
  bind_card (self, card, a);
  g_hash_table_insert (self->cards, g_object_ref (a), card);
  return card;
}

static gboolean
item_near_viewport (RgDayView     *self,
                    const DayItem *item)
{
  RgTimeGrid *grid = RG_TIME_GRID (self);
  const RgDayLayout *layout = rg_time_grid_get_layout (grid);
  double left = rg_time_grid_get_hvalue (grid) - VISIBLE_MARGIN;
  double right = rg_time_grid_get_hvalue (grid) + MAX (self->last_width, 1) + VISIBLE_MARGIN;
  double top = rg_time_grid_get_vvalue (grid) - VISIBLE_MARGIN;
  double bottom = rg_time_grid_get_vvalue (grid) + MAX (self->last_height, 1) + VISIBLE_MARGIN;
  double x = rg_day_layout_x_for_column (layout, item->column);
  double y0 = rg_day_layout_y_for_minute (layout, item->start);
  double y1 = rg_day_layout_y_for_minute (layout, item->end);

  return x + layout->column_width > left && x < right && y1 > top && y0 < bottom;
}

/* Binds cards to the appointments near the viewport (and the selected or
 * dragged one) and returns the others to the pool. Never called from
 * size_allocate: binding changes children. */
static void
update_visible (RgDayView *self)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->items->len; i++)
    {
      DayItem *item = &g_array_index (self->items, DayItem, i);

      if (item->appointment == self->selected ||
          (self->drag_card && rg_appointment_card_get_appointment (self->drag_card) == item->appointment) ||
          item_near_viewport (self, item))
        g_hash_table_add (wanted, item->appointment);
    }

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (wanted, key))
      {
        rg_time_grid_release_card (RG_TIME_GRID (self), value);
        g_hash_table_iter_remove (&iter);
      }

  /* The clients of the new cards, in one query. */
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->cards, key))
      {
        gint64 client_id = rg_appointment_get_client_id (key);

        g_array_append_val (client_ids, client_id);
      }
  clients = rg_studio_lookup_many (self->studio, RG_TYPE_CLIENT, (const gint64 *) (gpointer) client_ids->data,
                                   client_ids->len, &error);
  if (clients == NULL)
    g_warning ("Could not read the clients of the day: %s", error->message);

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      RgAppointmentCard *card = g_hash_table_lookup (self->cards, key);

      if (card == NULL)
        take_card (self, key);
      else
        rg_appointment_card_set_selected (card, key == (gpointer) self->selected);
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
visible_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  RgDayView *self = RG_DAY_VIEW (widget);

  self->visible_tick = 0;
  update_visible (self);
  return G_SOURCE_REMOVE;
}

/* From inside size_allocate: update the cards before the next frame. */
static void
queue_update_visible (RgDayView *self)
{
  if (self->visible_tick == 0)
    self->visible_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), visible_tick_cb, NULL, NULL);
}

/* The number of appointments laid out in the day (cancelled ones aside),
 * whether or not they have a card now. */
guint
rg_day_view_get_n_items (RgDayView *self)
{
  g_return_val_if_fail (RG_IS_DAY_VIEW (self), 0);
  return self->items->len;
}

/* Selection ------------------------------------------------------------------ */

RgAppointment *
rg_day_view_get_selected (RgDayView *self)
{
  g_return_val_if_fail (RG_IS_DAY_VIEW (self), NULL);
  return self->selected;
}

void
rg_day_view_select (RgDayView     *self,
                    RgAppointment *appointment)
{
  GHashTableIter iter;
  gpointer key, card;

  g_return_if_fail (RG_IS_DAY_VIEW (self));

  g_set_object (&self->selected, appointment);
  update_visible (self);

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &card))
    rg_appointment_card_set_selected (card, key == (gpointer) appointment);

  /* Selecting an appointment selects its client, for the card pane. */
  if (appointment && self->studio)
    {
      card = g_hash_table_lookup (self->cards, appointment);
      if (card && rg_appointment_card_get_client (card))
        rg_studio_set_selected_client (self->studio, rg_appointment_card_get_client (card));
      if (card)
        gtk_widget_grab_focus (card);
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            RgDayView       *self)
{
  RgTimeGrid *grid = RG_TIME_GRID (self);
  RgAppointmentCard *card = rg_time_grid_card_at (grid, x, y);

  if (!rg_time_grid_in_body (grid, x, y))
    return;

  rg_day_view_select (self, card ? rg_appointment_card_get_appointment (card) : NULL);
  if (n_press != 2)
    return;

  if (card)
    rg_time_grid_activate_appointment (RG_TIME_GRID (self), rg_appointment_card_get_appointment (card));
  else
    {
      /* A double click on free time books an hour from there. */
      const RgDayLayout *layout = rg_time_grid_get_layout (grid);
      int column = rg_day_layout_column_for_x (layout, x + rg_time_grid_get_hvalue (grid));
      int start = rg_day_layout_minute_for_y (layout, y + rg_time_grid_get_vvalue (grid) - 7, RG_DAY_SNAP_MINUTES);

      if (column >= 0)
        g_signal_emit (self, signals[CREATE_REQUESTED], 0,
                       rg_record_get_id (self->columns->pdata[column]),
                       instant_of (self, start), instant_of (self, MIN (start + 60, RG_MINUTES_PER_DAY)));
    }
}

/* Dragging ----------------------------------------------------------------- */

static gint64
instant_of (RgDayView *self,
            int        minute)
{
  return minute >= RG_MINUTES_PER_DAY ? rg_date_end (self->date) : rg_time_from_local (self->date, minute);
}

static void
card_minutes (RgDayView     *self,
              RgAppointment *a,
              int           *start,
              int           *end)
{
  gint64 s = rg_appointment_get_starts_at (a), e = rg_appointment_get_ends_at (a);

  *start = s < rg_date_start (self->date) ? 0 : rg_time_minute_of_day (s);
  *end = e >= rg_date_end (self->date) ? RG_MINUTES_PER_DAY : rg_time_minute_of_day (e);
  if (*end <= *start)
    *end = MIN (*start + RG_DAY_SNAP_MINUTES, RG_MINUTES_PER_DAY);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               RgDayView      *self)
{
  RgTimeGrid *grid = RG_TIME_GRID (self);
  const RgDayLayout *layout = rg_time_grid_get_layout (grid);
  RgAppointmentCard *card;
  double cx = x + rg_time_grid_get_hvalue (grid), cy = y + rg_time_grid_get_vvalue (grid);

  self->drag_mode = DRAG_NONE;
  self->drag_started = FALSE;
  self->drag_x = x;
  self->drag_y = y;

  if (!rg_time_grid_in_body (grid, x, y) || self->columns->len == 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  card = rg_time_grid_card_at (grid, x, y);
  if (card)
    {
      RgAppointment *a = rg_appointment_card_get_appointment (card);
      graphene_rect_t bounds;
      int pointer = rg_day_layout_minute_for_y (layout, cy, 1);

      if (!gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (self), &bounds))
        return;

      self->drag_card = card;
      self->drag_column = column_of_staff (self, rg_appointment_get_staff_id (a));
      card_minutes (self, a, &self->drag_start, &self->drag_end);
      self->drag_anchor = pointer - self->drag_start;
      self->drag_mode = y >= bounds.origin.y + bounds.size.height - RESIZE_ZONE ? DRAG_RESIZE : DRAG_MOVE;
    }
  else
    {
      self->drag_column = rg_day_layout_column_for_x (layout, cx);
      if (self->drag_column < 0)
        return;
      self->drag_start = rg_day_layout_minute_for_y (layout, cy, RG_DAY_SNAP_MINUTES);
      self->drag_end = MIN (self->drag_start + RG_DAY_SNAP_MINUTES, RG_MINUTES_PER_DAY);
      self->drag_anchor = self->drag_start;
      self->drag_mode = DRAG_CREATE;
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                RgDayView      *self)
{
  RgTimeGrid *grid = RG_TIME_GRID (self);
  const RgDayLayout *layout = rg_time_grid_get_layout (grid);
  double cx = self->drag_x + offset_x + rg_time_grid_get_hvalue (grid);
  double cy = self->drag_y + offset_y + rg_time_grid_get_vvalue (grid);
  int minute = rg_day_layout_minute_for_y (layout, cy, RG_DAY_SNAP_MINUTES);
  int column = rg_day_layout_column_for_x (layout, cx);

  if (self->drag_mode == DRAG_NONE)
    return;
  if (!self->drag_started && ABS (offset_x) < DRAG_THRESHOLD && ABS (offset_y) < DRAG_THRESHOLD)
    return;
  self->drag_started = TRUE;

  switch (self->drag_mode)
    {
    case DRAG_CREATE:
      /* Dragging up from the start works too. */
      self->drag_start = MIN (self->drag_anchor, minute);
      self->drag_end = MAX (self->drag_anchor, minute);
      if (self->drag_end - self->drag_start < RG_DAY_SNAP_MINUTES)
        self->drag_end = MIN (self->drag_start + RG_DAY_SNAP_MINUTES, RG_MINUTES_PER_DAY);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_MOVE:
      {
        int length = self->drag_end - self->drag_start;
        int start = rg_time_snap_minutes (rg_day_layout_minute_for_y (layout, cy, 1) - self->drag_anchor,
                                          RG_DAY_SNAP_MINUTES);

        self->drag_start = CLAMP (start, 0, RG_MINUTES_PER_DAY - length);
        self->drag_end = self->drag_start + length;
        if (column >= 0)
          self->drag_column = column;
        rg_appointment_card_set_preview (self->drag_card, instant_of (self, self->drag_start),
                                         instant_of (self, self->drag_end));
        gtk_widget_queue_allocate (GTK_WIDGET (self));
      }
      break;

    case DRAG_RESIZE:
      self->drag_end = MAX (minute, self->drag_start + RG_DAY_SNAP_MINUTES);
      rg_appointment_card_set_preview (self->drag_card, instant_of (self, self->drag_start),
                                       instant_of (self, self->drag_end));
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             RgDayView      *self)
{
  DragMode mode = self->drag_mode;
  gboolean started = self->drag_started;
  RgAppointmentCard *card = self->drag_card;

  self->drag_mode = DRAG_NONE;
  self->drag_started = FALSE;
  self->drag_card = NULL;
  /* Back to its booking's time until the move is saved (then the new one). */
  if (card)
    rg_appointment_card_set_preview (card, 0, 0);

  if (!started || mode == DRAG_NONE)
    return;

  if (mode == DRAG_CREATE)
    {
      g_signal_emit (self, signals[CREATE_REQUESTED], 0,
                     rg_record_get_id (self->columns->pdata[self->drag_column]),
                     instant_of (self, self->drag_start), instant_of (self, self->drag_end));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  {
    RgAppointment *a = rg_appointment_card_get_appointment (card);
    gint64 old_staff = rg_appointment_get_staff_id (a);
    gint64 old_start = rg_appointment_get_starts_at (a);
    gint64 old_end = rg_appointment_get_ends_at (a);
    gint64 staff = rg_record_get_id (self->columns->pdata[self->drag_column]);
    gint64 start = mode == DRAG_RESIZE ? old_start : instant_of (self, self->drag_start);
    gint64 end = mode == DRAG_RESIZE ? instant_of (self, self->drag_end)
                                     : start + (old_end - old_start);

    /* The card goes back to its booking until the move is saved. */
    gtk_widget_queue_allocate (GTK_WIDGET (self));

    if (staff == old_staff && start == old_start && end == old_end)
      return;

    rg_calendar_move (GTK_WIDGET (self), self->studio, a, staff, start, end);
  }
}

/* Statuses and the card menu --------------------------------------------- */

/* Keyboard selection ----------------------------------------------------------- */

/* Selects and shows @item; its card is bound whatever the scroll (the
 * selected appointment always has one) and takes the focus. */
static void
select_item (RgDayView     *self,
             const DayItem *item)
{
  DayItem copy = *item;

  rg_day_view_select (self, copy.appointment);
  rg_time_grid_scroll_to (RG_TIME_GRID (self), copy.column, copy.start, copy.end - copy.start);
}

/* Without a selection the arrows start from the earliest appointment in
 * view, left to right; failing that, the day's first. */
static const DayItem *
first_in_view (RgDayView *self)
{
  RgTimeGrid *grid = RG_TIME_GRID (self);
  const RgDayLayout *layout = rg_time_grid_get_layout (grid);
  double left = rg_time_grid_get_hvalue (grid), top = rg_time_grid_get_vvalue (grid);
  const DayItem *best = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      const DayItem *item = &g_array_index (self->items, DayItem, i);
      double x = rg_day_layout_x_for_column (layout, item->column) - GUTTER_WIDTH;
      double y = rg_day_layout_y_for_minute (layout, item->start) - HEADER_HEIGHT;

      if (x < left || x >= left + MAX (self->last_width - GUTTER_WIDTH, 1) ||
          y < top || y >= top + MAX (self->last_height - HEADER_HEIGHT, 1))
        continue;
      if (best == NULL || item->column < best->column ||
          (item->column == best->column && item->start < best->start))
        best = item;
    }

  if (best == NULL && self->items->len)
    best = &g_array_index (self->items, DayItem, 0);
  return best;
}

/* Up and Down: the previous or next appointment of the selected one's
 * column, in time. */
static void
select_step_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgDayView *self = RG_DAY_VIEW (widget);
  int step = g_variant_get_int32 (parameter) > 0 ? 1 : -1;
  const DayItem *current = self->selected ? item_of (self, self->selected) : NULL;
  const DayItem *best = NULL;

  if (current == NULL)
    {
      if ((best = first_in_view (self)))
        select_item (self, best);
      return;
    }

  /* Items are in (start, id) order: the neighbour in the column is the
   * nearest item of that column in the list, before or after. */
  for (int i = (int) (current - (DayItem *) (gpointer) self->items->data) + step;
       i >= 0 && i < (int) self->items->len; i += step)
    {
      const DayItem *item = &g_array_index (self->items, DayItem, i);

      if (item->column == current->column)
        {
          best = item;
          break;
        }
    }

  if (best)
    select_item (self, best);
}

/* Left and Right: the appointment nearest in time in the previous or next
 * column that has one. */
static void
select_column_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RgDayView *self = RG_DAY_VIEW (widget);
  int step = g_variant_get_int32 (parameter) > 0 ? 1 : -1;
  const DayItem *current = self->selected ? item_of (self, self->selected) : NULL;

  if (current == NULL)
    {
      const DayItem *first = first_in_view (self);

      if (first)
        select_item (self, first);
      return;
    }

  for (int c = current->column + step; c >= 0 && c < (int) self->columns->len; c += step)
    {
      const DayItem *best = NULL;
      int best_distance = G_MAXINT;

      for (guint i = 0; i < self->items->len; i++)
        {
          const DayItem *item = &g_array_index (self->items, DayItem, i);
          int distance = ABS (item->start - current->start);

          if (item->column == c && distance < best_distance)
            {
              best = item;
              best_distance = distance;
            }
        }
      if (best)
        {
          select_item (self, best);
          return;
        }
    }
}

static void
apply_status (RgDayView           *self,
              RgAppointment       *a,
              RgAppointmentStatus  status)
{
  g_autoptr(GError) error = NULL;
  RgAppointmentStatus previous = rg_appointment_get_status (a);

  if (previous == status)
    return;

  if (!rg_booking_set_status (self->studio, a, status, &error))
    {
      rg_time_grid_refused (RG_TIME_GRID (self), error->message);
      return;
    }

  g_signal_emit (self, signals[STATUS_CHANGED], 0, a, (int) previous);
}

static void
early_done_cb (AdwMessageDialog *dialog,
               const char       *response,
               RgDayView        *self)
{
  if (g_str_equal (response, "done"))
    apply_status (self, g_object_get_data (G_OBJECT (dialog), "appointment"), RG_APPOINTMENT_DONE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* The selected appointment's status; Done before the visit has started
 * asks first (most often it is the wrong card). */
static void
set_status (RgDayView           *self,
            RgAppointmentStatus  status)
{
  g_autofree char *early = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (self->selected == NULL)
    return;
  if (status == RG_APPOINTMENT_DONE)
    early = rg_booking_describe_early_done (rg_appointment_get_starts_at (self->selected), rg_time_now ());
  if (early == NULL)
    {
      g_autoptr(RgAppointment) a = g_object_ref (self->selected);

      apply_status (self, a, status);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Mark as Done Before It Starts?"), early));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "done", _("_Mark Done"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "appointment", g_object_ref (self->selected), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (early_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
status_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgDayView *self = RG_DAY_VIEW (widget);
  g_autoptr(GEnumClass) klass = g_type_class_ref (RG_TYPE_APPOINTMENT_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (klass, g_variant_get_string (parameter, NULL));

  if (value)
    set_status (self, value->value);
}

static void
cancel_scope_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 RgDayView        *self)
{
  RgAppointment *a = g_object_get_data (G_OBJECT (dialog), "appointment");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) undo = NULL;

  if (g_str_equal (response, "this"))
    {
      rg_day_view_select (self, a);
      set_status (self, RG_APPOINTMENT_CANCELLED);
    }
  else if (g_str_equal (response, "following"))
    {
      if (!rg_booking_cancel_following (self->studio, a, &undo, &error))
        rg_time_grid_refused (RG_TIME_GRID (self), error->message);
      else
        g_signal_emit (self, signals[SERIES_CANCELLED], 0, a, undo);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Cancel (the menu, Delete): an occurrence of a series asks whether the
 * following ones go too, as the editor does. */
static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgDayView *self = RG_DAY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  RgAppointmentStatus current;

  if (self->selected == NULL)
    return;
  current = rg_appointment_get_status (self->selected);
  if (current == RG_APPOINTMENT_CANCELLED || !rg_booking_status_can_change (current, RG_APPOINTMENT_CANCELLED))
    return;
  if (rg_appointment_get_series_id (self->selected) == 0)
    {
      set_status (self, RG_APPOINTMENT_CANCELLED);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Cancel a Repeating Appointment?"),
                                                       _("This appointment repeats. Cancel only this one, or this "
                                                         "one and all the following ones? Visits that took place "
                                                         "stay as they were.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep"),
                                    "this", _("_Only This One"),
                                    "following", _("This and _Following"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "following", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "this");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data_full (G_OBJECT (dialog), "appointment", g_object_ref (self->selected), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_scope_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgDayView *self = RG_DAY_VIEW (widget);

  if (self->selected)
    rg_time_grid_activate_appointment (RG_TIME_GRID (self), self->selected);
}

/* A done visit's rating, given or changed later. */
static void
rate_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgDayView *self = RG_DAY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->selected == NULL || rg_appointment_get_status (self->selected) != RG_APPOINTMENT_DONE)
    return;
  gtk_window_present (GTK_WINDOW (rg_rating_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                        self->studio, self->selected)));
}

static GMenuModel *
status_menu (RgDayView     *self,
             RgAppointment *a)
{
  static const struct {
    RgAppointmentStatus status;
    const char *label;
  } items[] = {
    { RG_APPOINTMENT_CONFIRMED, N_("_Confirmed") },
    { RG_APPOINTMENT_ARRIVED, N_("Client _Arrived") },
    { RG_APPOINTMENT_DONE, N_("_Done") },
    { RG_APPOINTMENT_NO_SHOW, N_("_No-show") },
    { RG_APPOINTMENT_BOOKED, N_("Back to _Booked") },
  };
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  g_autoptr(GEnumClass) klass = g_type_class_ref (RG_TYPE_APPOINTMENT_STATUS);
  RgAppointmentStatus current = rg_appointment_get_status (a);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *detailed = NULL;

      if (items[i].status == current || !rg_booking_status_can_change (current, items[i].status))
        continue;
      detailed = g_strdup_printf ("day.status::%s", g_enum_get_value (klass, items[i].status)->value_nick);
      g_menu_append (statuses, _(items[i].label), detailed);
    }

  /* The till: a visit that may still become done is checked out. */
  if (current != RG_APPOINTMENT_DONE && rg_booking_status_can_change (current, RG_APPOINTMENT_DONE))
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Check _Out…"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.check-out",
                                               g_variant_new_int64 (rg_record_get_id (RG_RECORD (a))));
      g_menu_prepend_item (statuses, item);
    }

  /* Editing is offered where something opens the editor. */
  if (rg_time_grid_can_activate (RG_TIME_GRID (self)))
    g_menu_append (actions, _("_Edit…"), "day.edit");
  if (current == RG_APPOINTMENT_DONE)
    g_menu_append (actions, _("_Rating…"), "day.rate");
  if (rg_booking_status_can_change (current, RG_APPOINTMENT_CANCELLED) && current != RG_APPOINTMENT_CANCELLED)
    g_menu_append (actions, _("C_ancel Appointment"), "day.cancel");

  g_menu_append_section (menu, NULL, G_MENU_MODEL (statuses));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  return G_MENU_MODEL (menu);
}

static void
show_menu (RgDayView         *self,
           RgAppointmentCard *card,
           double             x,
           double             y)
{
  g_autoptr(GMenuModel) model = status_menu (self, rg_appointment_card_get_appointment (card));

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      RgDayView       *self)
{
  RgAppointmentCard *card = rg_time_grid_card_at (RG_TIME_GRID (self), x, y);

  if (card == NULL)
    return;

  rg_day_view_select (self, rg_appointment_card_get_appointment (card));
  show_menu (self, card, x, y);
}

static void
menu_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgDayView *self = RG_DAY_VIEW (widget);
  RgAppointmentCard *card = self->selected ? g_hash_table_lookup (self->cards, self->selected) : NULL;
  graphene_rect_t bounds;

  if (card && gtk_widget_compute_bounds (GTK_WIDGET (card), widget, &bounds))
    show_menu (self, card, bounds.origin.x + 16, bounds.origin.y + 16);
}

/* Layout --------------------------------------------------------------------- */

static GArray *
rg_day_view_column_spans (RgTimeGrid *grid,
                          guint       column)
{
  RgDayView *self = RG_DAY_VIEW (grid);

  return column < self->spans->len ? self->spans->pdata[column] : NULL;
}

static void
rg_day_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  RgDayView *self = RG_DAY_VIEW (widget);
  RgTimeGrid *grid = RG_TIME_GRID (self);
  GHashTableIter iter;
  gpointer key, value;
  double h_before, v_before;

  h_before = rg_time_grid_get_hvalue (grid);
  v_before = rg_time_grid_get_vvalue (grid);
  GTK_WIDGET_CLASS (rg_day_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* A new size or scroll position may need other cards. */
  if (width != self->last_width || height != self->last_height ||
      h_before != rg_time_grid_get_hvalue (grid) || v_before != rg_time_grid_get_vvalue (grid))
    {
      self->last_width = width;
      self->last_height = height;
      queue_update_visible (self);
    }

  if (self->menu)
    gtk_popover_present (GTK_POPOVER (self->menu));

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      DayItem *item = item_of (self, key);
      gboolean dragged = self->drag_started && value == (gpointer) self->drag_card;

      if (item == NULL)
        {
          gtk_widget_set_child_visible (value, FALSE);
          continue;
        }

      rg_time_grid_place_card (grid, value,
                               dragged ? self->drag_column : item->column,
                               dragged ? self->drag_start : item->start,
                               dragged ? self->drag_end : item->end,
                               dragged ? 0 : item->lane,
                               dragged ? 1 : MAX (item->n_lanes, 1));
    }
}

/* Drawing -------------------------------------------------------------------- */

/* Over the grid: the cards, the appointment being drawn, now. */
static void
rg_day_view_snapshot_body (RgTimeGrid            *grid,
                           GtkSnapshot           *snapshot,
                           const RgTimeGridFrame *frame)
{
  RgDayView *self = RG_DAY_VIEW (grid);
  GtkWidget *widget = GTK_WIDGET (self);
  const RgDayLayout *layout = rg_time_grid_get_layout (grid);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (child != (GtkWidget *) self->drag_card && child != self->menu)
      gtk_widget_snapshot_child (widget, child, snapshot);
  if (self->drag_card)
    gtk_widget_snapshot_child (widget, GTK_WIDGET (self->drag_card), snapshot);

  /* The appointment being drawn over free time. */
  if (self->drag_started && self->drag_mode == DRAG_CREATE)
    {
      GdkRGBA accent = frame->accent_bg;
      GdkRGBA fill = rg_calendar_with_alpha (accent, 0.3);
      double x = rg_day_layout_x_for_column (layout, self->drag_column) + frame->dx + 2;
      double y0 = rg_day_layout_y_for_minute (layout, self->drag_start) + frame->dy + 1;
      double y1 = rg_day_layout_y_for_minute (layout, self->drag_end) + frame->dy - 1;
      GskRoundedRect box;
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA colors[4] = { accent, accent, accent, accent };
      char label[32];

      gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, y0, layout->column_width - 6, y1 - y0), 6);
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, &fill, &box.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &box, widths, colors);
      g_snprintf (label, sizeof label, "%02d:%02d–%02d:%02d", self->drag_start / 60, self->drag_start % 60,
                  self->drag_end / 60, self->drag_end % 60);
      rg_calendar_draw_text (widget, snapshot, label, x + 8, y0 + 2, layout->column_width - 20, TRUE, frame->fg);
    }

  if (rg_date_compare (self->date, rg_date_today ()) == 0)
    {
      GdkRGBA now_color = rg_calendar_named_color (widget, "destructive_color", "#e01b24");
      int minute = rg_time_minute_of_day (g_get_real_time () / G_USEC_PER_SEC);
      double y = rg_day_layout_y_for_minute (layout, minute) + frame->dy;

      gtk_snapshot_append_color (snapshot, &now_color,
                                 &GRAPHENE_RECT_INIT (GUTTER_WIDTH, y - 1, frame->columns_right - GUTTER_WIDTH, 2));
    }
}

/* A staff member along the top: their colour, their name and a day off. */
static void
rg_day_view_snapshot_column_header (RgTimeGrid            *grid,
                                    GtkSnapshot           *snapshot,
                                    guint                  column,
                                    double                 x,
                                    const RgTimeGridFrame *frame)
{
  RgDayView *self = RG_DAY_VIEW (grid);
  GtkWidget *widget = GTK_WIDGET (self);
  double column_width = rg_time_grid_get_layout (grid)->column_width;
  RgStaff *staff = self->columns->pdata[column];
  GArray *spans = self->spans->pdata[column];
  GdkRGBA color;

  if (!gdk_rgba_parse (&color, rg_staff_get_color (staff)))
    gdk_rgba_parse (&color, "#3584e4");

  gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x + 8, 8, 4, HEADER_HEIGHT - 16));
  /* A name too long for the column goes on two lines when the master
   * works (a day off's second line says so). */
  if (spans->len && !rg_calendar_text_fits (widget, rg_staff_get_display_name (staff), column_width - 26, TRUE))
    rg_calendar_draw_text_lines (widget, snapshot, rg_staff_get_display_name (staff), x + 18, 4,
                                 column_width - 26, 2, TRUE, frame->fg);
  else
    rg_calendar_draw_text (widget, snapshot, rg_staff_get_display_name (staff), x + 18,
                           spans->len ? 12 : 5, column_width - 26, TRUE, frame->fg);
  if (spans->len == 0)
    rg_calendar_draw_text (widget, snapshot, _("Day off"), x + 18, 23, column_width - 26, FALSE, frame->dim);
}

/* API -------------------------------------------------------------------------- */

RgDate
rg_day_view_get_date (RgDayView *self)
{
  g_return_val_if_fail (RG_IS_DAY_VIEW (self), (RgDate) { 0 });
  return self->date;
}

void
rg_day_view_set_date (RgDayView *self,
                      RgDate     date)
{
  g_return_if_fail (RG_IS_DAY_VIEW (self));
  g_return_if_fail (rg_date_valid (date));

  if (rg_date_compare (self->date, date) == 0 && self->appointments)
    return;

  self->date = date;
  rg_time_grid_queue_scroll_to_work (RG_TIME_GRID (self));
  if (self->studio)
    {
      load_spans (self);
      rg_appointment_list_set_range (self->appointments, rg_date_start (date), rg_date_end (date));
    }
  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
rg_day_view_get_n_columns (RgDayView *self)
{
  g_return_val_if_fail (RG_IS_DAY_VIEW (self), 0);
  return self->columns->len;
}

RgAppointmentList *
rg_day_view_get_appointments (RgDayView *self)
{
  g_return_val_if_fail (RG_IS_DAY_VIEW (self), NULL);
  return self->appointments;
}

RgDayView *
rg_day_view_new (RgStudio *studio)
{
  RgDayView *self;
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_DAY_VIEW, NULL);
  self->studio = g_object_ref (studio);
  self->staff = rg_record_list_new_staff (studio, FALSE);
  g_signal_connect_object (self->staff, "items-changed", G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);

  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);

  load_columns (self);
  rg_time_grid_queue_scroll_to_work (RG_TIME_GRID (self));

  /* Listen after the first load, and take it in once. */
  self->appointments = rg_appointment_list_new (studio);
  rg_appointment_list_set_range (self->appointments, rg_date_start (self->date), rg_date_end (self->date));
  g_signal_connect_object (self->appointments, "items-changed",
                           G_CALLBACK (appointments_changed_cb), self, G_CONNECT_SWAPPED);
  appointments_changed_cb (self);

  return self;
}

/* Scrolling binds the cards that come into view (before the next frame
 * when the allocation scrolled). */
static void
rg_day_view_scrolled (RgTimeGrid *grid,
                      gboolean    in_allocate)
{
  RgDayView *self = RG_DAY_VIEW (grid);

  if (in_allocate)
    queue_update_visible (self);
  else
    update_visible (self);
}

static void
rg_day_view_dispose (GObject *object)
{
  RgDayView *self = RG_DAY_VIEW (object);

  g_clear_handle_id (&self->read_ahead_id, g_source_remove);
  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);

  if (self->visible_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->visible_tick);
  self->visible_tick = 0;
  rg_calendar_unparent_cards (self->cards);
  if (self->items)
    {
      g_hash_table_remove_all (self->item_of);
      g_array_set_size (self->items, 0);
    }

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->selected);
  g_clear_object (&self->appointments);
  g_clear_object (&self->staff);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_day_view_parent_class)->dispose (object);
}

static void
rg_day_view_finalize (GObject *object)
{
  RgDayView *self = RG_DAY_VIEW (object);

  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->item_of, g_hash_table_unref);
  g_clear_pointer (&self->details, rg_appointment_details_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_day_view_parent_class)->finalize (object);
}

static void
rg_day_view_class_init (RgDayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RgTimeGridClass *grid_class = RG_TIME_GRID_CLASS (klass);

  object_class->dispose = rg_day_view_dispose;
  object_class->finalize = rg_day_view_finalize;

  widget_class->size_allocate = rg_day_view_size_allocate;

  grid_class->header_height = HEADER_HEIGHT;
  grid_class->min_column_width = MIN_COLUMN_WIDTH;
  grid_class->min_card_width = MIN_CARD_WIDTH;
  grid_class->min_card_height = MIN_CARD_HEIGHT;
  grid_class->column_spans = rg_day_view_column_spans;
  grid_class->scrolled = rg_day_view_scrolled;
  grid_class->snapshot_body = rg_day_view_snapshot_body;
  grid_class->snapshot_column_header = rg_day_view_snapshot_column_header;

  /**
   * RgDayView::create-requested:
   * @staff_id: the column's staff member
   * @starts_at: @ends_at: the time drawn or double-clicked (UTC seconds)
   *
   * The user asked for a new appointment here; the page opens the editor.
   */
  signals[CREATE_REQUESTED] =
    g_signal_new ("create-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  /**
   * RgDayView::status-changed:
   *
   * The menu changed an appointment's status; the argument is the old one.
   */
  signals[STATUS_CHANGED] =
    g_signal_new ("status-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RG_TYPE_APPOINTMENT, G_TYPE_INT);

  /**
   * RgDayView::series-cancelled:
   *
   * An occurrence of a series and the following ones were cancelled; the
   * array of RgBookingStatusChange is for rg_booking_restore_statuses().
   */
  signals[SERIES_CANCELLED] =
    g_signal_new ("series-cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RG_TYPE_APPOINTMENT, G_TYPE_ARRAY);

  gtk_widget_class_install_action (widget_class, "day.status", "s", status_activated);
  gtk_widget_class_install_action (widget_class, "day.rate", NULL, rate_activated);
  gtk_widget_class_install_action (widget_class, "day.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "day.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "day.menu", NULL, menu_activated);
  gtk_widget_class_install_action (widget_class, "day.select-step", "i", select_step_activated);
  gtk_widget_class_install_action (widget_class, "day.select-column", "i", select_column_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "day.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "day.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "day.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "day.select-step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "day.select-step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "day.select-column", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "day.select-column", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "day.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "dayview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
rg_day_view_init (RgDayView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag;

  self->date = rg_date_today ();
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->cards = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->items = g_array_new (FALSE, TRUE, sizeof (DayItem));
  g_array_set_clear_func (self->items, day_item_clear);
  self->item_of = g_hash_table_new (NULL, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}
