/* rg-month-view.c — a month of the studio at a glance: the load per day.
 *
 * Weeks as rows from Monday, the days of the neighbour months dimmed. Each
 * day shows how many bookings it has and how many hours they take of the
 * hours somebody works ("12 bookings", "9.5 of 12 h"), and a bar of the booked hours against the hours somebody
 * works that day (against the busiest day when nobody is scheduled). A
 * staff member's days off are marked, or "Closed" when nobody works. A
 * click or Enter on a day emits ::day-activated: the page opens that day.
 *
 * The days are focusable child widgets, one in the tab order (the view's
 * date): arrows move it, across months too. The figures come from one
 * grouped query over the shown weeks plus the working hours (two more),
 * again after any commit that touched appointments or schedules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-month-view"

#include "config.h"

#include "rg-calendar-draw.h"

#include <glib/gi18n.h>

#include "model/rg-record-list.h"
#include "model/rg-staff.h"
#include "rg-month-view.h"
#include "model/rg-day-loads.h"
#include "model/rg-work-hours.h"

#define MAX_WEEKS     6
#define MAX_CELLS     (MAX_WEEKS * 7)
#define HEADER_HEIGHT 30
#define MIN_CELL_WIDTH  64
#define MIN_CELL_HEIGHT 60

typedef struct {
  guint    n_bookings;
  gint64   booked_seconds;
  int      working_minutes;   /* of everyone concerned, added up */
  gboolean day_off;           /* a marked day off (for everyone: all of them) */
  char    *reason;            /* of a marked day off, or NULL */
} DayLoad;

struct _RgMonthView
{
  GtkWidget     parent_instance;

  RgStudio     *studio;
  RgDate        date;               /* the current day: focused, in the tab order */
  RgDate        first;              /* the Monday the grid starts on */
  guint         n_weeks;
  gint64        staff_id;           /* 0: everyone */
  RgRecordList *staff;

  GtkWidget    *cells[MAX_CELLS];
  DayLoad       loads[MAX_CELLS];
  gint64        busiest_seconds;

  RgDate        today;
  guint         tick;
  gulong        changes_id;
};

G_DEFINE_FINAL_TYPE (RgMonthView, rg_month_view, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  DATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void     draw_cell             (RgMonthView *self,
                                       guint        index,
                                       GtkWidget   *cell,
                                       GtkSnapshot *snapshot);
static gboolean cell_query_tooltip_cb (GtkWidget   *cell,
                                       int          x,
                                       int          y,
                                       gboolean     keyboard,
                                       GtkTooltip  *tooltip,
                                       gpointer     data);

/* A day of the grid ------------------------------------------------------------ */

#define RG_TYPE_MONTH_CELL (rg_month_cell_get_type ())
G_DECLARE_FINAL_TYPE (RgMonthCell, rg_month_cell, RG, MONTH_CELL, GtkWidget)

struct _RgMonthCell
{
  GtkWidget    parent_instance;
  RgMonthView *view;    /* the parent */
  guint        index;
};

G_DEFINE_FINAL_TYPE (RgMonthCell, rg_month_cell, GTK_TYPE_WIDGET)

static void
rg_month_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RgMonthCell *cell = RG_MONTH_CELL (widget);

  if (cell->view)
    draw_cell (cell->view, cell->index, widget, snapshot);
}

static void
rg_month_cell_state_flags_changed (GtkWidget     *widget,
                                   GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (rg_month_cell_parent_class)->state_flags_changed (widget, previous);
  gtk_widget_queue_draw (widget);
}

static void
rg_month_cell_class_init (RgMonthCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = rg_month_cell_snapshot;
  widget_class->state_flags_changed = rg_month_cell_state_flags_changed;

  gtk_widget_class_set_css_name (widget_class, "monthday");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
rg_month_cell_init (RgMonthCell *self)
{
}

static GtkWidget *
rg_month_cell_new (RgMonthView *view,
                   guint        index)
{
  RgMonthCell *cell = g_object_new (RG_TYPE_MONTH_CELL, NULL);

  cell->view = view;
  cell->index = index;
  gtk_widget_set_has_tooltip (GTK_WIDGET (cell), TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  return GTK_WIDGET (cell);
}

/* Figures ---------------------------------------------------------------------- */

static RgDate
date_of_cell (RgMonthView *self,
              guint        index)
{
  return rg_date_add_days (self->first, (int) index);
}

/* The cell of @date, or -1 when the grid does not show it. */
static int
cell_of_date (RgMonthView *self,
              RgDate       date)
{
  int index = rg_date_days_between (self->first, date);

  return index >= 0 && index < (int) (self->n_weeks * 7) ? index : -1;
}

static gboolean
in_month (RgMonthView *self,
          RgDate       date)
{
  return date.year == self->date.year && date.month == self->date.month;
}

static void
clear_loads (RgMonthView *self)
{
  for (guint i = 0; i < MAX_CELLS; i++)
    {
      g_clear_pointer (&self->loads[i].reason, g_free);
      memset (&self->loads[i], 0, sizeof self->loads[i]);
    }
  self->busiest_seconds = 0;
}

static gboolean
load_bookings (RgMonthView  *self,
               GError      **error)
{
  guint n = self->n_weeks * 7;
  g_autofree RgDayLoad *counts = g_new0 (RgDayLoad, n);

  if (!rg_booking_day_loads (self->studio, self->first, n, self->staff_id, counts, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      self->loads[i].n_bookings = counts[i].n_bookings;
      self->loads[i].booked_seconds = counts[i].booked_seconds;
      self->busiest_seconds = MAX (self->busiest_seconds, self->loads[i].booked_seconds);
    }
  return TRUE;
}

static gboolean
load_hours (RgMonthView  *self,
            GError      **error)
{
  guint n = self->n_weeks * 7;
  g_autoptr(RgWorkHours) hours = rg_studio_work_hours (self->studio, self->staff_id,
                                                     self->first, date_of_cell (self, n - 1), error);

  if (hours == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      RgDate date = date_of_cell (self, i);
      const char *reason = NULL;

      self->loads[i].working_minutes = rg_work_hours_minutes (hours, date);
      self->loads[i].day_off = rg_work_hours_day_off (hours, date, &reason);
      self->loads[i].reason = g_strdup (reason);
    }

  return TRUE;
}

static char *
format_hours (gint64 seconds)
{
  double hours = seconds / 3600.0;

  /* Whole hours without a decimal; the separator is the language's. */
  if (seconds % 3600 == 0)
    return g_strdup_printf ("%.0f", hours);
  return g_strdup_printf ("%.1f", hours);
}

/* "12 bookings" */
static char *
format_bookings (const DayLoad *load)
{
  /* Translators: a day's bookings in the month view */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking", "%u bookings", load->n_bookings),
                          load->n_bookings);
}

/* "9.5 of 12 h": booked against working hours, what the bar under it
 * shows; "9.5 h booked" on a day nobody was meant to work. */
static char *
format_hours_of (const DayLoad *load)
{
  g_autofree char *hours = format_hours (load->booked_seconds);

  if (load->working_minutes > 0)
    {
      g_autofree char *working = format_hours ((gint64) load->working_minutes * 60);

      /* Translators: booked hours of the working hours in the month view, e.g. "9.5 of 12 h" */
      return g_strdup_printf (C_("month view", "%s of %s h"), hours, working);
    }
  /* Translators: booked hours in the month view on a day off, e.g. "9.5 h booked" */
  return g_strdup_printf (C_("month view", "%s h booked"), hours);
}

static gboolean
is_off (RgMonthView   *self,
        const DayLoad *load)
{
  return load->working_minutes == 0;
}

/* What a day's corner says: nothing on a working day. */
static const char *
off_label (RgMonthView   *self,
           const DayLoad *load)
{
  if (!is_off (self, load))
    return NULL;
  if (self->staff_id == 0)
    /* Translators: nobody works on this day (month view) */
    return C_("month view", "Closed");
  if (load->reason && *load->reason)
    return load->reason;
  return _("Day off");
}

/* What a day says to a screen reader and in its tooltip:
 * "Friday, 20 November, 26 bookings, 30.5 h booked, 87% of working time". */
static char *
describe_day (RgMonthView *self,
              guint        index)
{
  RgDate date = date_of_cell (self, index);
  const DayLoad *load = &self->loads[index];
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);
  /* Translators: a day of the month view for screen readers, see the strftime manual */
  g_autofree char *day = dt ? g_date_time_format (dt, _("%A, %-d %B")) : g_strdup ("");
  GString *label = g_string_new (day);
  const char *off = off_label (self, load);

  if (rg_date_compare (date, self->today) == 0)
    g_string_append_printf (label, ", %s", _("today"));
  if (off)
    g_string_append_printf (label, ", %s", off);
  if (load->n_bookings)
    {
      g_autofree char *hours = format_hours (load->booked_seconds);

      g_string_append (label, ", ");
      /* Translators: a day's load for screen readers and the tooltip: bookings, booked hours */
      g_string_append_printf (label, g_dngettext (GETTEXT_PACKAGE, "%u booking, %s h booked",
                                                  "%u bookings, %s h booked", load->n_bookings),
                              load->n_bookings, hours);
      if (load->working_minutes > 0)
        {
          g_string_append (label, ", ");
          /* Translators: booked hours against working hours in the month view, e.g. "85% of working time" */
          g_string_append_printf (label, _("%d%% of working time"),
                                  (int) (load->booked_seconds / (load->working_minutes * 60.0) * 100 + 0.5));
        }
    }
  else
    g_string_append_printf (label, ", %s", _("no bookings"));

  return g_string_free (label, FALSE);
}

static void
update_cell_labels (RgMonthView *self)
{
  for (guint i = 0; i < self->n_weeks * 7; i++)
    {
      g_autofree char *label = describe_day (self, i);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->cells[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

/* Tooltips are asked for, not set: setting one asks the display where the
 * pointer is, a round trip per cell on X11. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    data)
{
  RgMonthCell *self = RG_MONTH_CELL (cell);
  g_autofree char *text = NULL;

  if (self->view == NULL)
    return FALSE;
  text = describe_day (self->view, self->index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_view_label (RgMonthView *self)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (self->date.year, self->date.month, 1, 12, 0, 0);
  /* Translators: the month the month view shows, see the strftime manual; "%OB" is the month's name on its own */
  g_autofree char *month = dt ? g_date_time_format (dt, _("%OB %Y")) : g_strdup ("");
  RgStaff *staff = self->staff_id && self->staff ? rg_record_list_find (self->staff, self->staff_id, NULL) : NULL;
  g_autofree char *label = NULL;

  if (staff)
    label = g_strdup_printf ("%s, %s", month, rg_staff_get_display_name (staff));
  else
    /* Translators: the month view's description when it shows everyone's bookings */
    label = g_strdup_printf (_("%s, all staff"), month);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
reload (RgMonthView *self)
{
  g_autoptr(GError) error = NULL;

  clear_loads (self);
  if (self->studio && (!load_bookings (self, &error) || !load_hours (self, &error)))
    g_warning ("Could not read the month's load: %s", error->message);

  update_cell_labels (self);
  for (guint i = 0; i < MAX_CELLS; i++)
    gtk_widget_queue_draw (self->cells[i]);
}

/* Live ------------------------------------------------------------------------- */

/* The loads follow each commit to the bookings, the clients (a deleted
 * client's bookings leave the counts), the hours and the staff. */
static void
changes_cb (RgMonthView *self,
            RgChanges    changes)
{
  if ((changes & (RG_CHANGES_APPOINTMENTS | RG_CHANGES_CLIENTS | RG_CHANGES_SCHEDULE | RG_CHANGES_STAFF)) == 0)
    return;
  /* Appointments outside the weeks shown only. */
  if (changes == RG_CHANGES_APPOINTMENTS &&
      !rg_studio_changes_touch_days (self->studio, self->first, rg_date_add_days (self->first, MAX_CELLS - 1), 0))
    return;
  reload (self);
  update_view_label (self);
}

static gboolean
tick_cb (gpointer data)
{
  RgMonthView *self = data;
  RgDate today = rg_date_today ();

  /* Past midnight: another day is today. */
  if (rg_date_compare (today, self->today) != 0)
    {
      self->today = today;
      update_cell_labels (self);
      for (guint i = 0; i < MAX_CELLS; i++)
        gtk_widget_queue_draw (self->cells[i]);
    }
  return G_SOURCE_CONTINUE;
}

/* The grid --------------------------------------------------------------------- */

/* Only the current day takes Tab; arrows move it. */
static void
update_focusable (RgMonthView *self)
{
  int current = cell_of_date (self, self->date);

  for (guint i = 0; i < MAX_CELLS; i++)
    gtk_widget_set_focusable (self->cells[i], (int) i == current);
}

static void
set_month (RgMonthView *self)
{
  RgDate first_of_month = { self->date.year, self->date.month, 1 };
  RgDate next_month = rg_date_add_days (first_of_month, 31);
  int days;

  next_month.day = 1;
  days = rg_date_days_between (first_of_month, next_month);
  self->first = rg_date_week_start (first_of_month);
  self->n_weeks = (rg_date_days_between (self->first, first_of_month) + days + 6) / 7;
  self->n_weeks = CLAMP (self->n_weeks, 4, MAX_WEEKS);

  for (guint i = 0; i < MAX_CELLS; i++)
    gtk_widget_set_child_visible (self->cells[i], i < self->n_weeks * 7);
}

RgDate
rg_month_view_get_date (RgMonthView *self)
{
  g_return_val_if_fail (RG_IS_MONTH_VIEW (self), (RgDate) { 0 });
  return self->date;
}

/* Shows the month of @date with @date as the current day. */
void
rg_month_view_set_date (RgMonthView *self,
                        RgDate       date)
{
  gboolean same_month;

  g_return_if_fail (RG_IS_MONTH_VIEW (self));
  g_return_if_fail (rg_date_valid (date));

  if (rg_date_compare (self->date, date) == 0)
    return;

  same_month = date.year == self->date.year && date.month == self->date.month;
  self->date = date;
  if (!same_month)
    {
      set_month (self);
      reload (self);
      update_view_label (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  update_focusable (self);
  for (guint i = 0; i < MAX_CELLS; i++)
    gtk_widget_queue_draw (self->cells[i]);

  g_signal_emit (self, signals[DATE_CHANGED], 0);
}

gint64
rg_month_view_get_staff (RgMonthView *self)
{
  g_return_val_if_fail (RG_IS_MONTH_VIEW (self), 0);
  return self->staff_id;
}

/* Counts one staff member's bookings and hours, or everyone's with 0. */
void
rg_month_view_set_staff (RgMonthView *self,
                         gint64       staff_id)
{
  g_return_if_fail (RG_IS_MONTH_VIEW (self));

  if (self->staff_id == staff_id)
    return;
  self->staff_id = staff_id;
  reload (self);
  update_view_label (self);
}

/* The figures the view shows for @date, if the grid shows it: bookings
 * (not cancelled) starting that day, their hours, and the working hours
 * they are measured against. */
gboolean
rg_month_view_get_day_load (RgMonthView *self,
                            RgDate       date,
                            guint       *n_bookings,
                            double      *booked_hours,
                            double      *working_hours)
{
  int index;

  g_return_val_if_fail (RG_IS_MONTH_VIEW (self), FALSE);

  index = cell_of_date (self, date);
  if (index < 0)
    return FALSE;

  if (n_bookings)
    *n_bookings = self->loads[index].n_bookings;
  if (booked_hours)
    *booked_hours = self->loads[index].booked_seconds / 3600.0;
  if (working_hours)
    *working_hours = self->loads[index].working_minutes / 60.0;
  return TRUE;
}

/* Moves the current day and focus to @date, turning the month if needed. */
static void
focus_date (RgMonthView *self,
            RgDate       date)
{
  int index;

  rg_month_view_set_date (self, date);
  index = cell_of_date (self, date);
  if (index >= 0)
    gtk_widget_grab_focus (self->cells[index]);
}

static void
activate_day (RgMonthView *self,
              RgDate       date)
{
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, &date);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgMonthView *self = RG_MONTH_VIEW (widget);

  focus_date (self, rg_date_add_days (self->date, g_variant_get_int32 (parameter)));
}

static void
activate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgMonthView *self = RG_MONTH_VIEW (widget);

  activate_day (self, self->date);
}

static int
cell_at (RgMonthView *self,
         double       x,
         double       y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked && picked != GTK_WIDGET (self) && !RG_IS_MONTH_CELL (picked))
    picked = gtk_widget_get_parent (picked);

  return picked && RG_IS_MONTH_CELL (picked) ? (int) RG_MONTH_CELL (picked)->index : -1;
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             RgMonthView     *self)
{
  int index = cell_at (self, x, y);
  RgDate date;

  if (index < 0)
    return;

  date = date_of_cell (self, index);
  focus_date (self, date);
  activate_day (self, date);
}

static gboolean
rg_month_view_grab_focus (GtkWidget *widget)
{
  RgMonthView *self = RG_MONTH_VIEW (widget);
  int index = cell_of_date (self, self->date);

  return index >= 0 && gtk_widget_grab_focus (self->cells[index]);
}

/* Layout ------------------------------------------------------------------------ */

static void
rg_month_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RgMonthView *self = RG_MONTH_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 7 * MIN_CELL_WIDTH;
      *natural = 7 * 130;
    }
  else
    {
      *minimum = HEADER_HEIGHT + self->n_weeks * MIN_CELL_HEIGHT;
      *natural = HEADER_HEIGHT + self->n_weeks * 96;
    }
}

static void
rg_month_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RgMonthView *self = RG_MONTH_VIEW (widget);
  double cw = width / 7.0;
  double ch = (height - HEADER_HEIGHT) / (double) MAX (self->n_weeks, 1);

  for (guint i = 0; i < self->n_weeks * 7; i++)
    {
      guint row = i / 7, column = i % 7;
      int x0 = (int) (column * cw), x1 = (int) ((column + 1) * cw);
      int y0 = HEADER_HEIGHT + (int) (row * ch), y1 = HEADER_HEIGHT + (int) ((row + 1) * ch);

      gtk_widget_size_allocate (self->cells[i], &(GtkAllocation) { x0, y0, x1 - x0, y1 - y0 }, -1);
    }
}

/* Drawing ------------------------------------------------------------------------ */

static PangoLayout *
text_layout (GtkWidget  *widget,
             const char *text,
             double      scale,
             gboolean    bold,
             double      max_width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
append_layout (GtkSnapshot *snapshot,
               PangoLayout *layout,
               double       x,
               double       y,
               GdkRGBA      color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rounded (GtkSnapshot     *snapshot,
                graphene_rect_t *rect,
                double           radius,
                GdkRGBA          color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
draw_cell (RgMonthView *self,
           guint        index,
           GtkWidget   *cell,
           GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (cell);
  int height = gtk_widget_get_height (cell);
  RgDate date = date_of_cell (self, index);
  const DayLoad *load = &self->loads[index];
  gboolean outside = !in_month (self, date);
  gboolean today = rg_date_compare (date, self->today) == 0;
  const char *off = off_label (self, load);
  GdkRGBA fg = rg_calendar_named_color (widget, "view_fg_color", "#000000");
  GdkRGBA accent_bg = rg_calendar_named_color (widget, "accent_bg_color", "#3584e4");
  GdkRGBA accent_fg = rg_calendar_named_color (widget, "accent_fg_color", "#ffffff");
  GdkRGBA accent = rg_calendar_named_color (widget, "accent_color", "#1c71d8");
  GdkRGBA text = rg_calendar_with_alpha (fg, outside ? 0.4 : 1.0);
  GdkRGBA dim = rg_calendar_with_alpha (fg, outside ? 0.35 : 0.65);
  GtkStateFlags state = gtk_widget_get_state_flags (cell);
  char number[4];
  g_autoptr(PangoLayout) day_layout = NULL;
  int number_width, number_height;

  if (off)
    {
      GdkRGBA shade = rg_calendar_with_alpha (fg, 0.05);
      gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }
  if (outside)
    {
      GdkRGBA shade = rg_calendar_with_alpha (fg, 0.03);
      gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }
  if (state & GTK_STATE_FLAG_PRELIGHT)
    {
      GdkRGBA hover = rg_calendar_with_alpha (fg, 0.05);
      gtk_snapshot_append_color (snapshot, &hover, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }

  /* The day's number; today's in an accent circle. */
  g_snprintf (number, sizeof number, "%d", date.day);
  day_layout = text_layout (cell, number, 1.0, today, 0);
  pango_layout_get_pixel_size (day_layout, &number_width, &number_height);
  if (today)
    {
      double d = MAX (number_width, number_height) + 8;
      append_rounded (snapshot, &GRAPHENE_RECT_INIT (6, 5, d, d), d / 2, accent_bg);
      append_layout (snapshot, day_layout, 6 + (d - number_width) / 2, 5 + (d - number_height) / 2, accent_fg);
    }
  else
    append_layout (snapshot, day_layout, 10, 9, text);

  /* Day off, or closed, at the top right. */
  if (off && width > 48)
    {
      double max = width - 44;
      g_autoptr(PangoLayout) layout = text_layout (cell, off, 0.8, FALSE, max);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      append_layout (snapshot, layout, width - 8 - w, 11, dim);
    }

  /* The load: figures, then a bar of booked against working hours. */
  if (load->n_bookings)
    {
      g_autofree char *figures = format_bookings (load);
      g_autofree char *of_hours = format_hours_of (load);
      g_autoptr(PangoLayout) layout = text_layout (cell, figures, height >= 80 ? 1.0 : 0.85, FALSE, width - 16);
      g_autoptr(PangoLayout) hours_layout = height >= 80 ? text_layout (cell, of_hours, 0.8, FALSE, width - 16) : NULL;
      double fraction, bar_width = width - 20;
      gboolean over = FALSE;
      GdkRGBA track = rg_calendar_with_alpha (fg, 0.1);
      GdkRGBA fill = outside ? rg_calendar_with_alpha (accent_bg, 0.45) : accent_bg;
      int w, h;

      if (load->working_minutes > 0)
        fraction = load->booked_seconds / (load->working_minutes * 60.0);
      else
        fraction = self->busiest_seconds > 0 ? load->booked_seconds / (double) self->busiest_seconds : 0;
      if (fraction > 1.0)
        {
          over = TRUE;
          fraction = 1.0;
          fill = rg_calendar_named_color (widget, "warning_color", "#ae7b03");
        }

      /* The bookings, and on a cell tall enough the hours under them. */
      if (hours_layout)
        {
          int hw, hh;

          pango_layout_get_pixel_size (hours_layout, &hw, &hh);
          append_layout (snapshot, hours_layout, 10, height - 15 - hh, over ? fill : dim);
          pango_layout_get_pixel_size (layout, &w, &h);
          append_layout (snapshot, layout, 10, height - 15 - hh - h, text);
        }
      else
        {
          pango_layout_get_pixel_size (layout, &w, &h);
          append_layout (snapshot, layout, 10, height - 16 - h, over ? fill : text);
        }

      if (bar_width > 4)
        {
          append_rounded (snapshot, &GRAPHENE_RECT_INIT (10, height - 11, bar_width, 5), 2.5, track);
          if (fraction > 0)
            append_rounded (snapshot, &GRAPHENE_RECT_INIT (10, height - 11, MAX (5, bar_width * fraction), 5), 2.5, fill);
        }
    }

  if (gtk_widget_has_visible_focus (cell))
    {
      GskRoundedRect outline;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA ring = rg_calendar_with_alpha (accent, 0.6);
      GdkRGBA colors[4] = { ring, ring, ring, ring };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (2, 2, width - 4, height - 4), 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
rg_month_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RgMonthView *self = RG_MONTH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA bg = rg_calendar_named_color (widget, "view_bg_color", "#ffffff");
  GdkRGBA header_bg = rg_calendar_named_color (widget, "window_bg_color", "#fafafa");
  GdkRGBA fg = rg_calendar_named_color (widget, "view_fg_color", "#000000");
  GdkRGBA line = rg_calendar_with_alpha (fg, 0.12);
  GdkRGBA dim = rg_calendar_with_alpha (fg, 0.65);
  double cw = width / 7.0;
  double ch = (height - HEADER_HEIGHT) / (double) MAX (self->n_weeks, 1);

  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &header_bg, &GRAPHENE_RECT_INIT (0, 0, width, HEADER_HEIGHT));

  /* The weekdays along the top. */
  for (int d = 0; d < 7; d++)
    {
      RgDate date = rg_date_add_days (self->first, d);
      g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);
      g_autofree char *name = dt ? g_date_time_format (dt, "%a") : g_strdup ("");
      g_autoptr(PangoLayout) layout = text_layout (widget, name, 0.85, TRUE, cw - 16);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      append_layout (snapshot, layout, (int) (d * cw) + 10, (HEADER_HEIGHT - h) / 2, dim);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);

  /* The grid on top. */
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, width, 1));
  for (guint r = 1; r < self->n_weeks; r++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT + (int) (r * ch), width, 1));
  for (int c = 1; c < 7; c++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT ((int) (c * cw), HEADER_HEIGHT, 1, height - HEADER_HEIGHT));
}

/* Construction ---------------------------------------------------------------- */

RgMonthView *
rg_month_view_new (RgStudio *studio)
{
  RgMonthView *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_MONTH_VIEW, NULL);
  self->studio = g_object_ref (studio);
  self->staff = rg_record_list_new_staff (studio, FALSE);

  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);

  reload (self);
  update_view_label (self);
  return self;
}

static void
rg_month_view_dispose (GObject *object)
{
  RgMonthView *self = RG_MONTH_VIEW (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  for (guint i = 0; i < MAX_CELLS; i++)
    if (self->cells[i])
      {
        RG_MONTH_CELL (self->cells[i])->view = NULL;
        g_clear_pointer (&self->cells[i], gtk_widget_unparent);
      }
  g_clear_object (&self->staff);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_month_view_parent_class)->dispose (object);
}

static void
rg_month_view_finalize (GObject *object)
{
  RgMonthView *self = RG_MONTH_VIEW (object);

  clear_loads (self);

  G_OBJECT_CLASS (rg_month_view_parent_class)->finalize (object);
}

static void
rg_month_view_class_init (RgMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_month_view_dispose;
  object_class->finalize = rg_month_view_finalize;

  widget_class->measure = rg_month_view_measure;
  widget_class->size_allocate = rg_month_view_size_allocate;
  widget_class->snapshot = rg_month_view_snapshot;
  widget_class->grab_focus = rg_month_view_grab_focus;

  /**
   * RgMonthView::day-activated:
   * @date: (type gpointer): the day, a `const RgDate *`
   *
   * A day was clicked or activated with Enter: the page opens it.
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * RgMonthView::date-changed:
   *
   * The current day moved (by the arrows, across months too, or by
   * rg_month_view_set_date()); the page updates its title.
   */
  signals[DATE_CHANGED] =
    g_signal_new ("date-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "month.move", "i", move_activated);
  gtk_widget_class_install_action (widget_class, "month.activate", NULL, activate_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "month.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "month.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "month.move", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "month.move", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "month.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "month.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "month.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
rg_month_view_init (RgMonthView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  for (guint i = 0; i < MAX_CELLS; i++)
    {
      self->cells[i] = rg_month_cell_new (self, i);
      gtk_widget_set_parent (self->cells[i], GTK_WIDGET (self));
    }

  self->today = rg_date_today ();
  self->date = self->today;
  set_month (self);
  update_focusable (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->tick = g_timeout_add_seconds (60, tick_cb, self);
}
