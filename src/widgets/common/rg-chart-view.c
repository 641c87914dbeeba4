/* rg-chart-view.c — a chart of src/chart in the window.
 *
 * Draws through gtk_snapshot_append_cairo() with libadwaita's named
 * colours (so it follows light, dark and high contrast), shows the exact
 * value under the pointer, and walks the values with the arrow keys when
 * focused; the chart's text description is its accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "widgets/calendar/rg-calendar-draw.h"
#include "rg-chart-view.h"
#include "widgets/calendar/rg-calendar-draw.h"

struct _RgChartView {
  GtkWidget  parent_instance;

  RgChart   *chart;
  gboolean   has_selection;
  guint      series;
  guint      index;
  gboolean   hovering;
};

G_DEFINE_FINAL_TYPE (RgChartView, rg_chart_view, GTK_TYPE_WIDGET)

static void
lookup (GtkStyleContext *context,
        const char      *name,
        const GdkRGBA   *fallback,
        RgChartColor    *color)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (context, name, &rgba))
    rgba = *fallback;
  *color = (RgChartColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

/* @font receives the widget's font, which the theme points to. */
void
rg_chart_view_get_theme (RgChartView  *self,
                         RgChartTheme *theme,
                         char        **font)
{
  /* Series colours: libadwaita's palette, in an order that reads as
   * categories (blue, green, yellow, red...), and stacked NPS charts use
   * red, yellow, green through their own series order. */
  static const char * const names[RG_CHART_MAX_SERIES] = {
    "blue_3", "green_4", "yellow_5", "red_3", "purple_3", "orange_3", "blue_1", "brown_3",
  };
  GtkStyleContext *context;
  PangoFontDescription *desc;
  GdkRGBA fg;
  RgChartTheme print;

  g_return_if_fail (RG_IS_CHART_VIEW (self));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &fg);
  rg_chart_theme_init_print (&print);
  theme->background = (RgChartColor) { 0, 0, 0, 0 };
  theme->text = (RgChartColor) { fg.red, fg.green, fg.blue, fg.alpha };
  theme->grid = (RgChartColor) { fg.red, fg.green, fg.blue, 0.15 };
  for (guint i = 0; i < RG_CHART_MAX_SERIES; i++)
    {
      GdkRGBA fallback = { print.series[i].red, print.series[i].green, print.series[i].blue, 1 };

      lookup (context, names[i], &fallback, &theme->series[i]);
    }
  if (rg_calendar_is_dark (GTK_WIDGET (self)))
    {
      /* Lighter shades read better on a dark background. */
      static const char * const dark[RG_CHART_MAX_SERIES] = {
        "blue_2", "green_2", "yellow_3", "red_1", "purple_2", "orange_2", "blue_1", "brown_1",
      };

      for (guint i = 0; i < RG_CHART_MAX_SERIES; i++)
        {
          GdkRGBA fallback = { theme->series[i].red, theme->series[i].green, theme->series[i].blue, 1 };

          lookup (context, dark[i], &fallback, &theme->series[i]);
        }
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  desc = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  *font = desc ? pango_font_description_to_string (desc) : g_strdup ("Sans 10");
  theme->font = *font;
}

char *
rg_chart_view_get_caption (RgChartView *self)
{
  g_return_val_if_fail (RG_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL || !self->has_selection)
    return NULL;
  return rg_chart_describe_value (self->chart, self->series, self->index);
}

static void
update_accessible (RgChartView *self)
{
  g_autofree char *description = self->chart ? rg_chart_describe (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
draw_caption (RgChartView *self,
              cairo_t     *cr,
              double       width,
              double       height)
{
  g_autofree char *caption = rg_chart_view_get_caption (self);
  g_autoptr(PangoLayout) layout = NULL;
  RgChartRect mark;
  GdkRGBA fg, bg;
  int tw, th;
  double x, y, pad = 6;

  if (caption == NULL || !rg_chart_get_mark (self->chart, self->series, self->index, &mark))
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "popover_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The mark itself, outlined. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, mark.x - 1, mark.y - 1, mark.width + 2, mark.height + 2);
  cairo_stroke (cr);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), caption);
  pango_layout_get_pixel_size (layout, &tw, &th);
  x = CLAMP (mark.x + mark.width / 2 - tw / 2.0 - pad, 0, MAX (0, width - tw - 2 * pad));
  y = mark.y - th - 2 * pad - 4;
  if (y < 0)
    y = MIN (mark.y + mark.height + 4, height - th - 2 * pad);

  cairo_set_source_rgba (cr, bg.red, bg.green, bg.blue, 0.96);
  cairo_rectangle (cr, x, y, tw + 2 * pad, th + 2 * pad);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, layout);
}

static void
rg_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RgChartView *self = RG_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autofree char *font = NULL;
  RgChartTheme theme;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  rg_chart_view_get_theme (self, &theme, &font);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rg_chart_draw (self->chart, cr, &theme, width, height);
  if (self->has_selection && (self->hovering || gtk_widget_has_focus (widget)))
    draw_caption (self, cr, width, height);
  cairo_destroy (cr);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           RgChartView              *self)
{
  guint series, index;

  if (self->chart == NULL)
    return;
  if (rg_chart_hit (self->chart, x, y, &series, &index))
    {
      if (!self->has_selection || !self->hovering || series != self->series || index != self->index)
        {
          self->has_selection = TRUE;
          self->series = series;
          self->index = index;
          self->hovering = TRUE;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }
  else if (self->hovering)
    {
      self->hovering = FALSE;
      if (!gtk_widget_has_focus (GTK_WIDGET (self)))
        self->has_selection = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *motion,
          RgChartView              *self)
{
  self->hovering = FALSE;
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    self->has_selection = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Walks the values that have a mark: categories with Left/Right, series
 * with Up/Down. */
static gboolean
step (RgChartView *self,
      int          d_index,
      int          d_series)
{
  RgChartRect mark;
  int series = self->has_selection ? (int) self->series : 0;
  int index = self->has_selection ? (int) self->index : -d_index;

  if (self->chart == NULL)
    return FALSE;
  if (!self->has_selection && d_index == 0)
    index = 0;

  for (int tries = 0; tries < 512; tries++)
    {
      index += d_index;
      series += d_series;
      if (index < 0 || series < 0 || index > 4096 || series >= RG_CHART_MAX_SERIES)
        return FALSE;
      if (rg_chart_get_mark (self->chart, series, index, &mark))
        {
          rg_chart_view_select (self, series, index);
          return TRUE;
        }
      if (d_index == 0 && d_series == 0)
        return FALSE;
    }
  return FALSE;
}

static gboolean
key_cb (GtkEventControllerKey *key,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        RgChartView           *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: return step (self, -1, 0);
    case GDK_KEY_Right: case GDK_KEY_KP_Right: return step (self, 1, 0);
    case GDK_KEY_Up: case GDK_KEY_KP_Up: return step (self, 0, 1);
    case GDK_KEY_Down: case GDK_KEY_KP_Down: return step (self, 0, -1);
    case GDK_KEY_Home: self->has_selection = FALSE; return step (self, 1, 0);
    default: return FALSE;
    }
}

static void
focus_enter_cb (GtkEventControllerFocus *focus,
                RgChartView             *self)
{
  if (!self->has_selection)
    {
      self->has_selection = FALSE;
      step (self, 1, 0);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *focus,
                RgChartView             *self)
{
  if (!self->hovering)
    self->has_selection = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (RgChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rg_chart_view_dispose (GObject *object)
{
  RgChartView *self = RG_CHART_VIEW (object);

  g_clear_pointer (&self->chart, rg_chart_free);
  G_OBJECT_CLASS (rg_chart_view_parent_class)->dispose (object);
}

static void
rg_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 420 : 240;
}

static void
rg_chart_view_class_init (RgChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_chart_view_dispose;
  widget_class->snapshot = rg_chart_view_snapshot;
  widget_class->measure = rg_chart_view_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rg_chart_view_init (RgChartView *self)
{
  GtkEventController *controller;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rg_chart_view_new (void)
{
  return g_object_new (RG_TYPE_CHART_VIEW, NULL);
}

void
rg_chart_view_set_chart (RgChartView *self,
                         RgChart     *chart)
{
  g_return_if_fail (RG_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, rg_chart_free);
  self->chart = chart;
  self->has_selection = FALSE;
  self->hovering = FALSE;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

RgChart *
rg_chart_view_get_chart (RgChartView *self)
{
  g_return_val_if_fail (RG_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

gboolean
rg_chart_view_get_selected (RgChartView *self,
                            guint       *series,
                            guint       *index)
{
  g_return_val_if_fail (RG_IS_CHART_VIEW (self), FALSE);

  if (!self->has_selection)
    return FALSE;
  if (series)
    *series = self->series;
  if (index)
    *index = self->index;
  return TRUE;
}

void
rg_chart_view_select (RgChartView *self,
                      guint        series,
                      guint        index)
{
  g_autofree char *caption = NULL;

  g_return_if_fail (RG_IS_CHART_VIEW (self));

  self->has_selection = TRUE;
  self->series = series;
  self->index = index;
  caption = rg_chart_view_get_caption (self);
  /* Read out as the value changes under the keyboard. */
  if (caption)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                    -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
