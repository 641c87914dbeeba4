/* rg-time-grid.c — the time grid under the day and the week views.
 *
 * Time runs down the side, one column per staff member (the day) or per
 * day (the week) along the top. The grid is GtkScrollable: inside a
 * GtkScrolledWindow it scrolls both ways while the column titles and the
 * hours stay in place (they are drawn on top, at fixed positions). It
 * measures and lays out the columns (RgDayLayout), scrolls to the start
 * of work when asked, draws the shaded free time, the hour lines and the
 * hours, and keeps the appointment cards no column shows for reuse. What
 * the columns are, their cards and their titles are the subclass's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-time-grid"

#include "config.h"

#include "util/rg-time.h"
#include "model/rg-work-hours.h"
#include "rg-calendar-draw.h"
#include "rg-time-grid.h"

typedef struct
{
  RgDayLayout    layout;
  guint          n_columns;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  gboolean       in_allocate;
  gboolean       scroll_pending;  /* scroll to the start of work once allocated */

  GPtrArray     *pool;            /* unbound cards, hidden, kept for reuse */
  guint          now_timeout;
} RgTimeGridPrivate;

static void rg_time_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (RgTimeGrid, rg_time_grid, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (RgTimeGrid)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, rg_time_grid_scrollable_init))

enum {
  APPOINTMENT_ACTIVATED,
  MOVED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

/* Scrolling -------------------------------------------------------------- */

double
rg_time_grid_get_hvalue (RgTimeGrid *self)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  return priv->hadjustment ? gtk_adjustment_get_value (priv->hadjustment) : 0;
}

double
rg_time_grid_get_vvalue (RgTimeGrid *self)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  return priv->vadjustment ? gtk_adjustment_get_value (priv->vadjustment) : 0;
}

/* Sets an adjustment to the content and the viewport, keeping the value
 * within range. */
static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         upper,
                      double         page)
{
  if (adjustment == NULL)
    return;

  upper = MAX (upper, page);
  gtk_adjustment_configure (adjustment, CLAMP (value, 0, upper - page), 0, upper,
                            page * 0.1, page * 0.9, page);
}

static void
adjustment_value_changed_cb (RgTimeGrid *self)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  RG_TIME_GRID_GET_CLASS (self)->scrolled (self, priv->in_allocate);
}

/* The "hadjustment"/"vadjustment" setter: keeps @slot (a new empty
 * adjustment for NULL), follows it as it moves and lets go of the
 * previous one. */
static void
set_adjustment (RgTimeGrid     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_object_unref (*slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
rg_time_grid_real_scrolled (RgTimeGrid *self,
                            gboolean    in_allocate)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Once allocated next, the grid scrolls to the start of work (a new day
 * or week). */
void
rg_time_grid_queue_scroll_to_work (RgTimeGrid *self)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  g_return_if_fail (RG_IS_TIME_GRID (self));
  priv->scroll_pending = TRUE;
}

/* The first minute worth showing: an hour before anyone starts. */
static int
first_working_minute (RgTimeGrid *self)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);
  RgTimeGridClass *klass = RG_TIME_GRID_GET_CLASS (self);
  int first = RG_MINUTES_PER_DAY;

  for (guint c = 0; c < priv->n_columns; c++)
    {
      GArray *spans = klass->column_spans (self, c);

      if (spans && spans->len)
        first = MIN (first, g_array_index (spans, RgSpan, 0).start_minute);
    }

  return first == RG_MINUTES_PER_DAY ? 8 * 60 : MAX (0, first - 60);
}

/* Scrolls the least that shows @minutes from @minute of @column whole (or
 * their top, if taller than the view). */
void
rg_time_grid_scroll_to (RgTimeGrid *self,
                        int         column,
                        int         minute,
                        double      minutes)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);
  RgTimeGridClass *klass = RG_TIME_GRID_GET_CLASS (self);
  double top, bottom, left, right, page;

  if (priv->vadjustment == NULL || priv->hadjustment == NULL)
    return;

  top = rg_day_layout_y_for_minute (&priv->layout, minute) - klass->header_height;
  bottom = top + MAX (klass->min_card_height, minutes * RG_TIME_GRID_PIXELS_PER_MINUTE);
  page = gtk_adjustment_get_page_size (priv->vadjustment) - klass->header_height;
  if (top < rg_time_grid_get_vvalue (self))
    gtk_adjustment_set_value (priv->vadjustment, top - 12);
  else if (bottom > rg_time_grid_get_vvalue (self) + page)
    gtk_adjustment_set_value (priv->vadjustment, MIN (top - 12, bottom - page + 12));

  left = rg_day_layout_x_for_column (&priv->layout, column) - RG_TIME_GRID_GUTTER_WIDTH;
  right = left + priv->layout.column_width;
  page = gtk_adjustment_get_page_size (priv->hadjustment) - RG_TIME_GRID_GUTTER_WIDTH;
  if (left < rg_time_grid_get_hvalue (self))
    gtk_adjustment_set_value (priv->hadjustment, left);
  else if (right > rg_time_grid_get_hvalue (self) + page)
    gtk_adjustment_set_value (priv->hadjustment, right - page);
}

/* Columns ------------------------------------------------------------------ */

/* Where the columns, the hours and the minutes are, as of the last
 * allocation. */
const RgDayLayout *
rg_time_grid_get_layout (RgTimeGrid *self)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  return &priv->layout;
}

void
rg_time_grid_set_n_columns (RgTimeGrid *self,
                            guint       n_columns)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  g_return_if_fail (RG_IS_TIME_GRID (self));
  priv->n_columns = n_columns;
  priv->layout.n_columns = n_columns;
}

/* Whether (@x, @y) is below the titles and right of the hours. */
gboolean
rg_time_grid_in_body (RgTimeGrid *self,
                      double      x,
                      double      y)
{
  return !(y < RG_TIME_GRID_GET_CLASS (self)->header_height || x < RG_TIME_GRID_GUTTER_WIDTH);
}

/* Cards -------------------------------------------------------------------- */

/* The card under (@x, @y), or NULL. */
RgAppointmentCard *
rg_time_grid_card_at (RgTimeGrid *self,
                      double      x,
                      double      y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked && picked != GTK_WIDGET (self) && !RG_IS_APPOINTMENT_CARD (picked))
    picked = gtk_widget_get_parent (picked);

  return RG_IS_APPOINTMENT_CARD (picked) ? RG_APPOINTMENT_CARD (picked) : NULL;
}

/* A card from the pool, or a new one: a child of the grid, unbound. */
RgAppointmentCard *
rg_time_grid_take_card (RgTimeGrid *self,
                        RgStudio   *studio)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);
  RgAppointmentCard *card;

  if (priv->pool->len)
    return g_ptr_array_steal_index_fast (priv->pool, priv->pool->len - 1);

  card = rg_appointment_card_new_empty (studio);
  gtk_widget_set_parent (GTK_WIDGET (card), GTK_WIDGET (self));
  return card;
}

/* Unbinds and hides @card and keeps it for the next rg_time_grid_take_card(). */
void
rg_time_grid_release_card (RgTimeGrid        *self,
                           RgAppointmentCard *card)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  rg_appointment_card_bind (card, NULL, NULL);
  gtk_widget_set_child_visible (GTK_WIDGET (card), FALSE);
  g_ptr_array_add (priv->pool, card);
}

/* Allocates @card in lane @lane of @n_lanes of @column, from @start_minute
 * to @end_minute, where the scroll puts it. */
void
rg_time_grid_place_card (RgTimeGrid *self,
                         GtkWidget  *card,
                         int         column,
                         int         start_minute,
                         int         end_minute,
                         guint       lane,
                         guint       n_lanes)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);
  RgTimeGridClass *klass = RG_TIME_GRID_GET_CLASS (self);
  double lane_width = (priv->layout.column_width - 6) / MAX (n_lanes, 1);
  double x = rg_day_layout_x_for_column (&priv->layout, column) + 2 + lane * lane_width
             - rg_time_grid_get_hvalue (self);
  double y = rg_day_layout_y_for_minute (&priv->layout, start_minute) + 1 - rg_time_grid_get_vvalue (self);
  double h = (end_minute - start_minute) * RG_TIME_GRID_PIXELS_PER_MINUTE - 2;
  GtkAllocation allocation = {
    (int) x, (int) y, (int) MAX (lane_width - 2, klass->min_card_width), (int) MAX (h, klass->min_card_height)
  };

  gtk_widget_size_allocate (card, &allocation, -1);
}

/* Layout ------------------------------------------------------------------- */

static void
rg_time_grid_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  RgTimeGrid *self = RG_TIME_GRID (widget);
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);
  RgTimeGridClass *klass = RG_TIME_GRID_GET_CLASS (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = RG_TIME_GRID_GUTTER_WIDTH + klass->min_column_width;
      *natural = RG_TIME_GRID_GUTTER_WIDTH + MAX (1, priv->n_columns) * klass->min_column_width;
    }
  else
    {
      *minimum = klass->header_height + 120;
      *natural = klass->header_height + RG_MINUTES_PER_DAY * RG_TIME_GRID_PIXELS_PER_MINUTE;
    }
}

/* The columns share the width (down to their minimum: then the grid
 * scrolls sideways) and the adjustments follow; the subclass chains up
 * first, then places its cards. */
static void
rg_time_grid_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  RgTimeGrid *self = RG_TIME_GRID (widget);
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);
  RgTimeGridClass *klass = RG_TIME_GRID_GET_CLASS (self);

  priv->layout.gutter_width = RG_TIME_GRID_GUTTER_WIDTH;
  priv->layout.header_height = klass->header_height;
  priv->layout.pixels_per_minute = RG_TIME_GRID_PIXELS_PER_MINUTE;
  priv->layout.n_columns = priv->n_columns;
  priv->layout.column_width = priv->n_columns
    ? MAX (klass->min_column_width, (width - RG_TIME_GRID_GUTTER_WIDTH) / (double) priv->n_columns)
    : MAX (klass->min_column_width, width - RG_TIME_GRID_GUTTER_WIDTH);

  priv->in_allocate = TRUE;
  configure_adjustment (priv->hadjustment, rg_time_grid_get_hvalue (self),
                        rg_day_layout_content_width (&priv->layout), width);
  configure_adjustment (priv->vadjustment,
                        priv->scroll_pending
                          ? rg_day_layout_y_for_minute (&priv->layout, first_working_minute (self)) - klass->header_height
                          : rg_time_grid_get_vvalue (self),
                        rg_day_layout_content_height (&priv->layout), height);
  priv->in_allocate = FALSE;
  priv->scroll_pending = FALSE;
}

/* Drawing ------------------------------------------------------------------ */

static void
rg_time_grid_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  RgTimeGrid *self = RG_TIME_GRID (widget);
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);
  RgTimeGridClass *klass = RG_TIME_GRID_GET_CLASS (self);
  const RgDayLayout *layout = &priv->layout;
  int header_height = klass->header_height;
  double cw = layout->column_width;
  RgTimeGridFrame frame;

  frame.width = gtk_widget_get_width (widget);
  frame.height = gtk_widget_get_height (widget);
  frame.dx = -rg_time_grid_get_hvalue (self);
  frame.dy = -rg_time_grid_get_vvalue (self);
  frame.columns_right = rg_day_layout_content_width (layout) + frame.dx;
  frame.today = klass->today_column ? klass->today_column (self) : -1;
  frame.bg = rg_calendar_named_color (widget, "view_bg_color", "#ffffff");
  frame.header_bg = rg_calendar_named_color (widget, "window_bg_color", "#fafafa");
  frame.fg = rg_calendar_named_color (widget, "view_fg_color", "#000000");
  frame.accent = rg_calendar_named_color (widget, "accent_color", "#1c71d8");
  frame.accent_bg = rg_calendar_named_color (widget, "accent_bg_color", "#3584e4");
  frame.line = rg_calendar_with_alpha (frame.fg, 0.12);
  frame.faint = rg_calendar_with_alpha (frame.fg, 0.05);
  frame.shade = rg_calendar_with_alpha (frame.fg, 0.045);
  frame.dim = rg_calendar_with_alpha (frame.fg, 0.6);

  gtk_snapshot_append_color (snapshot, &frame.bg, &GRAPHENE_RECT_INIT (0, 0, frame.width, frame.height));

  /* The body: today, the time nobody works shaded, the grid; then the
   * subclass's cards and marks. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (RG_TIME_GRID_GUTTER_WIDTH, header_height,
                                                          MAX (0, frame.width - RG_TIME_GRID_GUTTER_WIDTH),
                                                          MAX (0, frame.height - header_height)));

  for (guint c = 0; c < priv->n_columns; c++)
    {
      GArray *spans = klass->column_spans (self, c);
      double x = rg_day_layout_x_for_column (layout, c) + frame.dx;
      int from = 0;

      if ((int) c == frame.today)
        {
          GdkRGBA today_tint = rg_calendar_with_alpha (frame.accent_bg, 0.06);

          gtk_snapshot_append_color (snapshot, &today_tint, &GRAPHENE_RECT_INIT (x, header_height, cw, frame.height));
        }

      for (guint i = 0; spans && i <= spans->len; i++)
        {
          int to = i < spans->len ? g_array_index (spans, RgSpan, i).start_minute : RG_MINUTES_PER_DAY;

          if (to > from)
            {
              double y0 = rg_day_layout_y_for_minute (layout, from) + frame.dy;
              double y1 = rg_day_layout_y_for_minute (layout, to) + frame.dy;
              gtk_snapshot_append_color (snapshot, &frame.shade, &GRAPHENE_RECT_INIT (x, y0, cw, y1 - y0));
            }
          if (i < spans->len)
            from = g_array_index (spans, RgSpan, i).end_minute;
        }

      gtk_snapshot_append_color (snapshot, &frame.line,
                                 &GRAPHENE_RECT_INIT (x + cw - 1, header_height, 1, frame.height - header_height));
    }

  for (int m = 30; m < RG_MINUTES_PER_DAY; m += 30)
    {
      double y = rg_day_layout_y_for_minute (layout, m) + frame.dy;

      if (y < header_height - 1 || y > frame.height)
        continue;
      gtk_snapshot_append_color (snapshot, m % 60 ? &frame.faint : &frame.line,
                                 &GRAPHENE_RECT_INIT (RG_TIME_GRID_GUTTER_WIDTH, y,
                                                      frame.columns_right - RG_TIME_GRID_GUTTER_WIDTH, 1));
    }

  klass->snapshot_body (self, snapshot, &frame);

  gtk_snapshot_pop (snapshot);

  /* The hours down the side, fixed horizontally. */
  gtk_snapshot_append_color (snapshot, &frame.header_bg,
                             &GRAPHENE_RECT_INIT (0, header_height, RG_TIME_GRID_GUTTER_WIDTH, frame.height));
  gtk_snapshot_append_color (snapshot, &frame.line,
                             &GRAPHENE_RECT_INIT (RG_TIME_GRID_GUTTER_WIDTH - 1, 0, 1, frame.height));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, header_height, RG_TIME_GRID_GUTTER_WIDTH,
                                                          MAX (0, frame.height - header_height)));
  for (int h = 1; h < 24; h++)
    {
      double y = rg_day_layout_y_for_minute (layout, h * 60) + frame.dy;
      char label[8];

      if (y < header_height - 10 || y > frame.height + 10)
        continue;
      g_snprintf (label, sizeof label, "%02d:00", h);
      rg_calendar_draw_text (widget, snapshot, label, 8, y - 8, 0, FALSE, frame.dim);
    }
  gtk_snapshot_pop (snapshot);

  /* The column titles along the top, fixed vertically. */
  gtk_snapshot_append_color (snapshot, &frame.header_bg, &GRAPHENE_RECT_INIT (0, 0, frame.width, header_height));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (RG_TIME_GRID_GUTTER_WIDTH, 0,
                                                          MAX (0, frame.width - RG_TIME_GRID_GUTTER_WIDTH),
                                                          header_height));
  for (guint c = 0; c < priv->n_columns; c++)
    {
      double x = rg_day_layout_x_for_column (layout, c) + frame.dx;

      klass->snapshot_column_header (self, snapshot, c, x, &frame);
      gtk_snapshot_append_color (snapshot, &frame.line, &GRAPHENE_RECT_INIT (x + cw - 1, 0, 1, header_height));
    }
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_color (snapshot, &frame.line, &GRAPHENE_RECT_INIT (0, header_height - 1, frame.width, 1));
}

/* GtkScrollable and the object --------------------------------------------- */

static void
rg_time_grid_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
rg_time_grid_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (RG_TIME_GRID (object));

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, priv->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, priv->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, priv->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, priv->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_time_grid_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RgTimeGrid *self = RG_TIME_GRID (object);
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &priv->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &priv->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      priv->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      priv->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
now_tick_cb (gpointer data)
{
  gtk_widget_queue_draw (GTK_WIDGET (data));
  return G_SOURCE_CONTINUE;
}

static void
rg_time_grid_dispose (GObject *object)
{
  RgTimeGrid *self = RG_TIME_GRID (object);
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  g_clear_handle_id (&priv->now_timeout, g_source_remove);

  if (priv->pool)
    {
      for (guint i = 0; i < priv->pool->len; i++)
        gtk_widget_unparent (priv->pool->pdata[i]);
      g_ptr_array_set_size (priv->pool, 0);
    }

  if (priv->hadjustment)
    g_signal_handlers_disconnect_by_func (priv->hadjustment, adjustment_value_changed_cb, self);
  if (priv->vadjustment)
    g_signal_handlers_disconnect_by_func (priv->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&priv->hadjustment);
  g_clear_object (&priv->vadjustment);

  G_OBJECT_CLASS (rg_time_grid_parent_class)->dispose (object);
}

static void
rg_time_grid_finalize (GObject *object)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (RG_TIME_GRID (object));

  g_clear_pointer (&priv->pool, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_time_grid_parent_class)->finalize (object);
}

static void
rg_time_grid_class_init (RgTimeGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_time_grid_dispose;
  object_class->finalize = rg_time_grid_finalize;
  object_class->get_property = rg_time_grid_get_property;
  object_class->set_property = rg_time_grid_set_property;

  widget_class->measure = rg_time_grid_measure;
  widget_class->size_allocate = rg_time_grid_size_allocate;
  widget_class->snapshot = rg_time_grid_snapshot;

  klass->header_height = 44;
  klass->min_column_width = 100;
  klass->min_card_width = 8;
  klass->min_card_height = 16;
  klass->scrolled = rg_time_grid_real_scrolled;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * RgTimeGrid::appointment-activated:
   *
   * An appointment was double-clicked or activated with Enter.
   */
  signals[APPOINTMENT_ACTIVATED] =
    g_signal_new ("appointment-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RG_TYPE_APPOINTMENT);

  /**
   * RgTimeGrid::moved:
   * @appointment: the appointment a drag moved or resized
   * @previous_staff_id: whose it was
   * @previous_starts_at: where it was, for an undo with rg_booking_move_exact()
   * @previous_ends_at: when it ended before
   *
   * A card was dragged to another time, master or day and the move was
   * saved (rg-calendar-move.c emits it).
   */
  signals[MOVED] =
    g_signal_new ("moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, RG_TYPE_APPOINTMENT, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  /**
   * RgTimeGrid::error:
   * @message: what went wrong, translated, for a toast
   *
   * A change was refused (a conflict, a status that cannot follow); the
   * message names what is in the way.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

/* Opens @appointment (::appointment-activated). */
void
rg_time_grid_activate_appointment (RgTimeGrid    *self,
                                   RgAppointment *appointment)
{
  g_return_if_fail (RG_IS_TIME_GRID (self));
  g_signal_emit (self, signals[APPOINTMENT_ACTIVATED], 0, appointment);
}

/* Whether something opens an activated appointment (the editor). */
gboolean
rg_time_grid_can_activate (RgTimeGrid *self)
{
  g_return_val_if_fail (RG_IS_TIME_GRID (self), FALSE);
  return g_signal_has_handler_pending (self, signals[APPOINTMENT_ACTIVATED], 0, FALSE);
}

/* A change was refused: @message, for a toast (::error). */
void
rg_time_grid_refused (RgTimeGrid *self,
                      const char *message)
{
  g_return_if_fail (RG_IS_TIME_GRID (self));
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
rg_time_grid_init (RgTimeGrid *self)
{
  RgTimeGridPrivate *priv = rg_time_grid_get_instance_private (self);

  priv->pool = g_ptr_array_new ();

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  set_adjustment (self, &priv->hadjustment, NULL);
  set_adjustment (self, &priv->vadjustment, NULL);

  /* The line that marks "now" moves. */
  priv->now_timeout = g_timeout_add_seconds (60, now_tick_cb, self);
}
