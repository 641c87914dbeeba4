/* rg-chart.c — charts drawn on any cairo_t.
 *
 * One chart is a kind, categories along one axis, and one or more named
 * series of values (NAN where there is no value: a gap in a line, no bar).
 * rg_chart_draw() lays it out for the size given — title, value axis with
 * "nice" ticks and gridlines, category labels, a legend when there is more
 * than one series — and draws the data clipped to the plot area. The
 * geometry of what was drawn stays with the chart, so the widget can show
 * the exact value under the pointer (rg_chart_hit()) and tests can check
 * that bars are proportional to their values. Text goes through Pango
 * (Cyrillic included); colours and the font come in as an RgChartTheme.
 * The same chart writes itself to PNG, SVG and PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include <gio/gio.h>
#include "rg-chart.h"

#define PADDING       12.0
#define TICK_GAP       6.0
#define LEGEND_SWATCH 10.0
#define MAX_TICKS      6
#define MAX_BAR       40.0   /* a bar no thicker, however few the categories */

typedef struct {
  char   *name;
  GArray *values;   /* double; NAN: no value */
  guint   color;    /* index into the theme's series colours */
} Series;

struct _RgChart
{
  RgChartKind  kind;
  char        *title;
  char        *empty_text;
  char        *value_format;
  GPtrArray   *categories;   /* char * */
  GPtrArray   *series;       /* Series * */
  gboolean     fixed_range;
  gboolean     integer;
  double       fixed_min, fixed_max;

  /* The last layout. */
  gboolean     drawn;
  RgChartRect  plot;
  double       lo, hi, step;
  GArray      *marks;        /* RgChartRect per (series, index), NAN x when none */
};

#define SERIES_COLOR(self, s) (((Series *) (self)->series->pdata[(s)])->color % RG_CHART_MAX_SERIES)

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->name);
  g_array_unref (s->values);
  g_free (s);
}

/* Colours for paper: dark text, light grid, the GNOME palette. */
void
rg_chart_theme_init_print (RgChartTheme *theme)
{
  static const RgChartColor palette[RG_CHART_MAX_SERIES] = {
    { 0.21, 0.52, 0.89, 1 }, { 0.18, 0.76, 0.49, 1 }, { 0.96, 0.76, 0.07, 1 }, { 0.88, 0.11, 0.14, 1 },
    { 0.57, 0.25, 0.67, 1 }, { 1.00, 0.47, 0.00, 1 }, { 0.60, 0.75, 0.95, 1 }, { 0.39, 0.27, 0.18, 1 },
  };

  g_return_if_fail (theme != NULL);

  theme->background = (RgChartColor) { 1, 1, 1, 1 };
  theme->text = (RgChartColor) { 0.14, 0.14, 0.14, 1 };
  theme->grid = (RgChartColor) { 0.85, 0.85, 0.85, 1 };
  for (guint i = 0; i < RG_CHART_MAX_SERIES; i++)
    theme->series[i] = palette[i];
  theme->font = "Sans 10";
}

RgChart *
rg_chart_new (RgChartKind kind)
{
  RgChart *self = g_new0 (RgChart, 1);

  self->kind = kind;
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->marks = g_array_new (FALSE, TRUE, sizeof (RgChartRect));
  self->value_format = g_strdup ("%g");
  return self;
}

void
rg_chart_free (RgChart *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->empty_text);
  g_free (self->value_format);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
  g_array_unref (self->marks);
  g_free (self);
}

void
rg_chart_set_title (RgChart    *self,
                    const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

void
rg_chart_set_categories (RgChart            *self,
                         const char * const *labels,
                         guint               n_labels)
{
  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (self->categories, g_strdup (labels[i] ? labels[i] : ""));
}

/* Adds a series; values past the categories are ignored, missing ones are
 * gaps. Returns its index. */
guint
rg_chart_add_series (RgChart      *self,
                     const char   *name,
                     const double *values,
                     guint         n_values)
{
  Series *s = g_new0 (Series, 1);

  g_return_val_if_fail (self->series->len < RG_CHART_MAX_SERIES, self->series->len);

  s->name = g_strdup (name ? name : "");
  s->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (s->values, values, n_values);
  s->color = self->series->len;
  g_ptr_array_add (self->series, s);
  return self->series->len - 1;
}

/* A fixed value axis (1–5 for a score, 0–100 for a percentage). */
void
rg_chart_set_value_range (RgChart *self,
                          double   min,
                          double   max)
{
  g_return_if_fail (max > min);
  self->fixed_range = TRUE;
  self->fixed_min = min;
  self->fixed_max = max;
}

void
rg_chart_set_empty_text (RgChart    *self,
                         const char *text)
{
  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
}

/* How values read on the axis and in descriptions: a printf format for
 * one double, "%.1f" or "%g%%". */
void
rg_chart_set_value_format (RgChart    *self,
                           const char *printf_format)
{
  g_free (self->value_format);
  self->value_format = g_strdup (printf_format ? printf_format : "%g");
}

static double
value_at (RgChart *self,
          guint    series,
          guint    index)
{
  Series *s = self->series->pdata[series];

  return index < s->values->len ? g_array_index (s->values, double, index) : NAN;
}

gboolean
rg_chart_is_empty (RgChart *self)
{
  for (guint s = 0; s < self->series->len; s++)
    for (guint i = 0; i < self->categories->len; i++)
      if (isfinite (value_at (self, s, i)))
        return FALSE;
  return TRUE;
}

/* A "nice" number near @x: 1, 2 or 5 times a power of ten (rounded, or
 * the next one up). */
static double
nice_number (double   x,
             gboolean round)
{
  double exponent = floor (log10 (x));
  double fraction = x / pow (10, exponent);
  double nice;

  if (round)
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * pow (10, exponent);
}

/* An axis from @lo to @hi in steps of @step, all "nice" numbers, that
 * holds [min, max] with at most @max_ticks ticks or so. */
void
rg_chart_nice_scale (double  min,
                     double  max,
                     guint   max_ticks,
                     double *lo,
                     double *hi,
                     double *step)
{
  double range, s;

  if (!isfinite (min) || !isfinite (max))
    min = max = 0;
  if (max < min)
    {
      double t = min;
      min = max;
      max = t;
    }
  if (max == min)
    {
      if (max == 0)
        max = 1;
      else if (max > 0)
        min = 0;
      else
        max = 0;
    }

  range = nice_number (max - min, FALSE);
  s = nice_number (range / MAX (max_ticks - 1, 1), TRUE);
  *lo = floor (min / s) * s;
  *hi = ceil (max / s) * s;
  *step = s;
}

static void
set_color (cairo_t            *cr,
           const RgChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static PangoLayout *
make_layout (cairo_t            *cr,
             const RgChartTheme *theme,
             const char         *text,
             gboolean            bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (theme->font ? theme->font : "Sans 10");

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static char *
format_value (RgChart *self,
              double   value)
{
  /* A chart's format is the caller's, fixed text: not user input. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (self->value_format, value);
#pragma GCC diagnostic pop
}

static RgChartRect *
mark_at (RgChart *self,
         guint    series,
         guint    index)
{
  return &g_array_index (self->marks, RgChartRect, series * self->categories->len + index);
}

/* The value range of the data, stacked sums included. */
static void
data_range (RgChart *self,
            double  *min,
            double  *max)
{
  *min = 0;
  *max = 0;
  for (guint i = 0; i < self->categories->len; i++)
    {
      double sum = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = value_at (self, s, i);

          if (!isfinite (v))
            continue;
          sum += v;
          *min = MIN (*min, v);
          *max = MAX (*max, v);
        }
      if (self->kind == RG_CHART_STACKED)
        *max = MAX (*max, sum);
    }
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
rg_chart_draw (RgChart            *self,
               cairo_t            *cr,
               const RgChartTheme *theme,
               double              width,
               double              height)
{
  gboolean horizontal = self->kind == RG_CHART_BARS_HORIZONTAL;
  guint n = self->categories->len, n_series = self->series->len;
  double top = PADDING, bottom = height - PADDING, left = PADDING, right = width - PADDING;
  double label_w = 0, label_h = 0, tick_w = 0;
  double lo, hi, step, band;
  int text_h;

  g_return_if_fail (self != NULL && cr != NULL && theme != NULL);

  self->drawn = FALSE;
  g_array_set_size (self->marks, n * n_series);
  for (guint i = 0; i < self->marks->len; i++)
    g_array_index (self->marks, RgChartRect, i) = (RgChartRect) { NAN, NAN, 0, 0 };

  cairo_save (cr);
  if (theme->background.alpha > 0)
    {
      set_color (cr, &theme->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  if (self->title && *self->title)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, theme, self->title, TRUE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, &theme->text);
      draw_text (cr, layout, left, top);
      top += h + PADDING / 2;
    }

  /* Nothing to show: say so, in the middle. */
  if (n == 0 || n_series == 0 || rg_chart_is_empty (self))
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, theme, self->empty_text ? self->empty_text : _("No data yet"), FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, &theme->text);
      draw_text (cr, layout, (width - w) / 2, top + (bottom - top - h) / 2);
      cairo_restore (cr);
      return;
    }

  /* A legend under the plot when the series need names. */
  if (n_series > 1)
    {
      double x = left;
      int row_h = 0;

      for (guint s = 0; s < n_series; s++)
        {
          Series *series = self->series->pdata[s];
          g_autoptr(PangoLayout) layout = make_layout (cr, theme, series->name, FALSE);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          row_h = MAX (row_h, h);
          set_color (cr, &theme->series[SERIES_COLOR (self, s)]);
          cairo_rectangle (cr, x, bottom - h + (h - LEGEND_SWATCH) / 2, LEGEND_SWATCH, LEGEND_SWATCH);
          cairo_fill (cr);
          set_color (cr, &theme->text);
          draw_text (cr, layout, x + LEGEND_SWATCH + 4, bottom - h);
          x += LEGEND_SWATCH + 4 + w + PADDING;
        }
      bottom -= row_h + PADDING / 2;
    }

  /* The value axis. */
  if (self->fixed_range)
    {
      lo = self->fixed_min;
      hi = self->fixed_max;
      rg_chart_nice_scale (lo, hi, MAX_TICKS, &(double) { 0 }, &(double) { 0 }, &step);
    }
  else
    {
      double min, max;

      data_range (self, &min, &max);
      rg_chart_nice_scale (min, max, MAX_TICKS, &lo, &hi, &step);
      /* Counts have whole ticks: 0, 1, 2, not 0, 0.2, 0.4. */
      if (self->integer && step < 1)
        {
          step = 1;
          lo = floor (lo);
          hi = MAX (ceil (hi), lo + 1);
        }
    }
  self->lo = lo;
  self->hi = hi;
  self->step = step;

  /* Room for the tick labels and the category labels. */
  {
    g_autoptr(PangoLayout) probe = make_layout (cr, theme, "0", FALSE);

    pango_layout_get_pixel_size (probe, NULL, &text_h);
  }
  for (double t = lo; t <= hi + step / 2; t += step)
    {
      g_autofree char *text = format_value (self, fabs (t) < step / 1e6 ? 0 : t);
      g_autoptr(PangoLayout) layout = make_layout (cr, theme, text, FALSE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      tick_w = MAX (tick_w, w);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, theme, self->categories->pdata[i], FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      label_w = MAX (label_w, w);
      label_h = MAX (label_h, h);
    }

  if (horizontal)
    {
      left += MIN (label_w, width / 3) + TICK_GAP;
      bottom -= text_h + TICK_GAP;
      right -= tick_w / 2;
    }
  else
    {
      left += tick_w + TICK_GAP;
      bottom -= label_h + TICK_GAP;
      top += text_h / 2;
    }
  self->plot = (RgChartRect) { left, top, MAX (right - left, 1), MAX (bottom - top, 1) };
  band = (horizontal ? self->plot.height : self->plot.width) / n;

  /* Gridlines and tick labels. */
  cairo_set_line_width (cr, 1);
  for (double t = lo; t <= hi + step / 2; t += step)
    {
      double f = (t - lo) / (hi - lo);
      g_autofree char *text = format_value (self, fabs (t) < step / 1e6 ? 0 : t);
      g_autoptr(PangoLayout) layout = make_layout (cr, theme, text, FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, &theme->grid);
      if (horizontal)
        {
          double x = round (self->plot.x + f * self->plot.width) + 0.5;

          cairo_move_to (cr, x, self->plot.y);
          cairo_line_to (cr, x, self->plot.y + self->plot.height);
          cairo_stroke (cr);
          set_color (cr, &theme->text);
          draw_text (cr, layout, x - w / 2.0, self->plot.y + self->plot.height + TICK_GAP);
        }
      else
        {
          double y = round (self->plot.y + self->plot.height - f * self->plot.height) + 0.5;

          cairo_move_to (cr, self->plot.x, y);
          cairo_line_to (cr, self->plot.x + self->plot.width, y);
          cairo_stroke (cr);
          set_color (cr, &theme->text);
          draw_text (cr, layout, self->plot.x - TICK_GAP - w, y - h / 2.0);
        }
    }

  /* Category labels; crowded ones are thinned out, never overlapped. */
  {
    guint every = 1;

    if (!horizontal)
      while (every < n && band * every < label_w + TICK_GAP)
        every++;
    for (guint i = 0; i < n; i += every)
      {
        g_autoptr(PangoLayout) layout = make_layout (cr, theme, self->categories->pdata[i], FALSE);
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        set_color (cr, &theme->text);
        if (horizontal)
          {
            pango_layout_set_width (layout, (int) (MIN (label_w, width / 3) * PANGO_SCALE));
            pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            draw_text (cr, layout, PADDING, self->plot.y + band * i + (band - h) / 2);
          }
        else
          draw_text (cr, layout, self->plot.x + band * i + (band - w) / 2, self->plot.y + self->plot.height + TICK_GAP);
      }
  }

  /* The data, clipped to the plot area. */
  cairo_save (cr);
  cairo_rectangle (cr, self->plot.x, self->plot.y, self->plot.width, self->plot.height);
  cairo_clip (cr);

#define Y_OF(v) (self->plot.y + self->plot.height - ((v) - lo) / (hi - lo) * self->plot.height)
#define X_OF(v) (self->plot.x + ((v) - lo) / (hi - lo) * self->plot.width)

  switch (self->kind)
    {
    case RG_CHART_LINE:
    case RG_CHART_AREA:
      for (guint s = 0; s < n_series; s++)
        {
          RgChartColor color = theme->series[SERIES_COLOR (self, s)];
          double floor_y = Y_OF (MAX (lo, 0));

          /* Each run of values between gaps: the area under it, then the
           * line on top; a gap breaks both. */
          for (int pass = self->kind == RG_CHART_AREA ? 0 : 1; pass < 2; pass++)
            {
              gboolean open = FALSE;
              double first_x = 0, last_x = 0;

              cairo_new_path (cr);
              for (guint i = 0; i <= n; i++)
                {
                  double v = i < n ? value_at (self, s, i) : NAN;
                  double x = self->plot.x + band * (i + 0.5);

                  if (!isfinite (v))
                    {
                      if (open && pass == 0)
                        {
                          cairo_line_to (cr, last_x, floor_y);
                          cairo_line_to (cr, first_x, floor_y);
                          cairo_close_path (cr);
                        }
                      open = FALSE;
                      continue;
                    }
                  if (!open)
                    {
                      if (pass == 0)
                        {
                          cairo_move_to (cr, x, floor_y);
                          cairo_line_to (cr, x, Y_OF (v));
                        }
                      else
                        cairo_move_to (cr, x, Y_OF (v));
                      first_x = x;
                      open = TRUE;
                    }
                  else
                    cairo_line_to (cr, x, Y_OF (v));
                  last_x = x;
                  *mark_at (self, s, i) = (RgChartRect) { x - 3, Y_OF (v) - 3, 6, 6 };
                }

              if (pass == 0)
                {
                  RgChartColor fill = color;

                  fill.alpha *= 0.35;
                  set_color (cr, &fill);
                  cairo_fill (cr);
                }
              else
                {
                  set_color (cr, &color);
                  cairo_set_line_width (cr, 2);
                  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
                  cairo_stroke (cr);
                }
            }

          /* Points, so a lone value between gaps still shows. */
          set_color (cr, &color);
          for (guint i = 0; i < n; i++)
            if (isfinite (value_at (self, s, i)))
              {
                RgChartRect *m = mark_at (self, s, i);

                cairo_arc (cr, m->x + 3, m->y + 3, 3, 0, 2 * G_PI);
                cairo_fill (cr);
              }
        }
      break;

    case RG_CHART_STACKED:
      for (guint i = 0; i < n; i++)
        {
          double base = 0;
          double w = MIN (band * 0.6, MAX_BAR);

          for (guint s = 0; s < n_series; s++)
            {
              double v = value_at (self, s, i);
              double y0, y1;

              if (!isfinite (v) || v <= 0)
                continue;
              y0 = Y_OF (base);
              y1 = Y_OF (base + v);
              *mark_at (self, s, i) = (RgChartRect) { self->plot.x + band * i + (band - w) / 2, y1, w, y0 - y1 };
              set_color (cr, &theme->series[SERIES_COLOR (self, s)]);
              cairo_rectangle (cr, mark_at (self, s, i)->x, y1, w, y0 - y1);
              cairo_fill (cr);
              base += v;
            }
        }
      break;

    case RG_CHART_BARS:
    case RG_CHART_HISTOGRAM:
    case RG_CHART_BARS_HORIZONTAL:
    default:
      {
        double group = self->kind == RG_CHART_HISTOGRAM ? band : MIN (band * 0.8, MAX_BAR * n_series);
        double bar = group / n_series;
        double zero = MAX (lo, MIN (0, hi));

        for (guint i = 0; i < n; i++)
          for (guint s = 0; s < n_series; s++)
            {
              double v = value_at (self, s, i);
              double offset = band * i + (band - group) / 2 + bar * s;
              RgChartRect r;

              if (!isfinite (v))
                continue;
              if (horizontal)
                {
                  double x0 = X_OF (zero), x1 = X_OF (v);

                  r = (RgChartRect) { MIN (x0, x1), self->plot.y + offset, fabs (x1 - x0), bar };
                }
              else
                {
                  double y0 = Y_OF (zero), y1 = Y_OF (v);

                  r = (RgChartRect) { self->plot.x + offset, MIN (y0, y1), bar, fabs (y0 - y1) };
                }
              *mark_at (self, s, i) = r;
              set_color (cr, &theme->series[SERIES_COLOR (self, s)]);
              /* A hair between touching histogram bars. */
              if (self->kind == RG_CHART_HISTOGRAM)
                cairo_rectangle (cr, r.x + 0.5, r.y, MAX (r.width - 1, 1), r.height);
              else
                cairo_rectangle (cr, r.x, r.y, r.width, r.height);
              cairo_fill (cr);
            }
      }
      break;
    }
#undef Y_OF
#undef X_OF

  cairo_restore (cr);
  cairo_restore (cr);
  self->drawn = TRUE;
}

/* Where the data was drawn, after rg_chart_draw(); FALSE for an empty
 * chart or before drawing. */
gboolean
rg_chart_get_plot_area (RgChart     *self,
                        RgChartRect *area)
{
  if (!self->drawn)
    return FALSE;
  *area = self->plot;
  return TRUE;
}

/* The bar, segment or point drawn for a value; FALSE when there is none
 * (a gap, or nothing drawn). */
gboolean
rg_chart_get_mark (RgChart     *self,
                   guint        series,
                   guint        index,
                   RgChartRect *mark)
{
  if (!self->drawn || series >= self->series->len || index >= self->categories->len)
    return FALSE;
  *mark = *mark_at (self, series, index);
  return isfinite (mark->x);
}

/* The value at (@x, @y), for the hover: a bar or segment under it, or the
 * nearest point of a line in its category band. */
gboolean
rg_chart_hit (RgChart *self,
              double   x,
              double   y,
              guint   *series,
              guint   *index)
{
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;

  if (!self->drawn || x < self->plot.x || x > self->plot.x + self->plot.width ||
      y < self->plot.y || y > self->plot.y + self->plot.height)
    return FALSE;

  for (guint s = 0; s < self->series->len; s++)
    for (guint i = 0; i < self->categories->len; i++)
      {
        RgChartRect *m = mark_at (self, s, i);

        if (!isfinite (m->x))
          continue;
        if (self->kind == RG_CHART_LINE || self->kind == RG_CHART_AREA)
          {
            double band = self->plot.width / self->categories->len;
            double d = fabs (y - (m->y + m->height / 2));

            if (fabs (x - (m->x + m->width / 2)) <= band / 2 && d < best)
              {
                best = d;
                *series = s;
                *index = i;
                found = TRUE;
              }
          }
        else if (x >= m->x && x <= m->x + m->width && y >= m->y && y <= m->y + m->height)
          {
            *series = s;
            *index = i;
            return TRUE;
          }
      }
  return found;
}

/* "March · Marina: 4.6", for the tooltip and the screen reader. */
char *
rg_chart_describe_value (RgChart *self,
                         guint    series,
                         guint    index)
{
  Series *s;
  g_autofree char *value = NULL;
  double v;

  g_return_val_if_fail (series < self->series->len && index < self->categories->len, NULL);

  s = self->series->pdata[series];
  v = value_at (self, series, index);
  value = isfinite (v) ? format_value (self, v) : g_strdup (_("no data"));
  if (self->series->len > 1 || (s->name && *s->name))
    return g_strdup_printf ("%s · %s: %s", (const char *) self->categories->pdata[index], s->name, value);
  return g_strdup_printf ("%s: %s", (const char *) self->categories->pdata[index], value);
}

/* The whole chart in words, for an accessible description. */
char *
rg_chart_describe (RgChart *self)
{
  GString *out = g_string_new (self->title ? self->title : "");

  if (rg_chart_is_empty (self))
    {
      if (out->len)
        g_string_append (out, ". ");
      g_string_append (out, self->empty_text ? self->empty_text : _("No data yet"));
      return g_string_free (out, FALSE);
    }
  for (guint s = 0; s < self->series->len; s++)
    for (guint i = 0; i < self->categories->len; i++)
      if (isfinite (value_at (self, s, i)))
        {
          g_autofree char *one = rg_chart_describe_value (self, s, i);

          g_string_append (out, out->len ? "; " : "");
          g_string_append (out, one);
        }
  return g_string_free (out, FALSE);
}

/* Writes the chart as PNG, SVG or PDF at @width × @height (pixels for
 * PNG, points otherwise). */
gboolean
rg_chart_write (RgChart            *self,
                const RgChartTheme *theme,
                RgChartFormat       format,
                const char         *path,
                double              width,
                double              height,
                GError            **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL && theme != NULL && path != NULL, FALSE);

  switch (format)
    {
    case RG_CHART_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case RG_CHART_PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    case RG_CHART_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
      break;
    }

  cr = cairo_create (surface);
  rg_chart_draw (self, cr, theme, width, height);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == RG_CHART_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *basename = g_path_get_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the chart to “%s”: %s"), basename, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* A series drawn in another of the theme's colours than its position's:
 * NPS detractors in red whatever their order. */
void
rg_chart_set_series_color (RgChart *self,
                           guint    series,
                           guint    theme_index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);

  ((Series *) self->series->pdata[series])->color = theme_index % RG_CHART_MAX_SERIES;
}

/* The values are counts: the axis ticks are whole numbers. */
void
rg_chart_set_integer (RgChart  *self,
                      gboolean  integer)
{
  g_return_if_fail (self != NULL);
  self->integer = integer;
}

/* The value axis of the last drawing; FALSE before drawing or when empty. */
gboolean
rg_chart_get_scale (RgChart *self,
                    double  *lo,
                    double  *hi,
                    double  *step)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->drawn)
    return FALSE;
  *lo = self->lo;
  *hi = self->hi;
  *step = self->step;
  return TRUE;
}
