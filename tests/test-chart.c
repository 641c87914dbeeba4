/* test-chart.c — the chart module on image surfaces: nice ticks, bars
 * proportional to their values (grouped, horizontal, stacked), gaps in a
 * line, nothing of the data outside the plot area, the empty state, the
 * hover, Cyrillic labels, and PNG, SVG and PDF files that parse.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "chart/rg-chart.h"

#define W 480
#define H 320

static cairo_surface_t *
render (RgChart            *chart,
        const RgChartTheme *theme)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  rg_chart_draw (chart, cr, theme, W, H);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
is_nice (double step)
{
  double exponent = floor (log10 (step));
  double fraction = step / pow (10, exponent);

  return fabs (fraction - 1) < 1e-9 || fabs (fraction - 2) < 1e-9 || fabs (fraction - 5) < 1e-9 ||
         fabs (fraction - 10) < 1e-9;
}

static void
test_nice_scale (void)
{
  const struct { double min, max; } cases[] = {
    { 0, 87 }, { 0, 1 }, { 1, 5 }, { 0, 0.37 }, { -12, 48 }, { 3, 3 }, { 0, 0 }, { 0, 123456 }, { 4.2, 4.9 },
  };
  double lo, hi, step;

  rg_chart_nice_scale (0, 87, 6, &lo, &hi, &step);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 100);
  g_assert_cmpfloat (step, ==, 20);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      rg_chart_nice_scale (cases[i].min, cases[i].max, 6, &lo, &hi, &step);
      g_assert_true (is_nice (step));
      g_assert_cmpfloat (lo, <=, cases[i].min);
      g_assert_cmpfloat (hi, >=, cases[i].max);
      g_assert_cmpfloat (hi, >, lo);
      g_assert_cmpfloat ((hi - lo) / step, <=, 10.5);
      /* The ends are multiples of the step. */
      g_assert_cmpfloat (fabs (lo / step - round (lo / step)), <, 1e-9);
    }
}

static void
test_bars_proportional (void)
{
  g_autoptr(RgChart) chart = rg_chart_new (RG_CHART_BARS);
  const char *months[] = { "Январь", "Февраль", "Март", "Апрель" };
  const double marina[] = { 10, 20, 40, 5 };
  const double irina[] = { 30, NAN, 15, 25 };
  RgChartTheme theme;
  cairo_surface_t *surface;
  RgChartRect plot, a, b;

  rg_chart_theme_init_print (&theme);
  rg_chart_set_title (chart, "Визиты по мастерам");
  rg_chart_set_categories (chart, months, G_N_ELEMENTS (months));
  rg_chart_add_series (chart, "Марина", marina, G_N_ELEMENTS (marina));
  rg_chart_add_series (chart, "Ирина", irina, G_N_ELEMENTS (irina));
  surface = render (chart, &theme);

  g_assert_true (rg_chart_get_plot_area (chart, &plot));
  g_assert_cmpfloat (plot.width, >, W / 2);
  g_assert_cmpfloat (plot.height, >, H / 3);

  /* 40 is twice 20, eight times 5; every bar stands on the same base. */
  g_assert_true (rg_chart_get_mark (chart, 0, 2, &a));
  g_assert_true (rg_chart_get_mark (chart, 0, 1, &b));
  g_assert_cmpfloat (fabs (a.height - 2 * b.height), <, 0.5);
  g_assert_true (rg_chart_get_mark (chart, 0, 3, &b));
  g_assert_cmpfloat (fabs (a.height - 8 * b.height), <, 0.5);
  g_assert_cmpfloat (fabs ((a.y + a.height) - (b.y + b.height)), <, 0.01);

  /* The missing value has no bar; the groups keep their order. */
  g_assert_false (rg_chart_get_mark (chart, 1, 1, &b));
  g_assert_true (rg_chart_get_mark (chart, 1, 0, &b));
  g_assert_true (rg_chart_get_mark (chart, 0, 0, &a));
  g_assert_cmpfloat (a.x, <, b.x);

  /* Every bar inside the plot area. */
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < 4; i++)
      if (rg_chart_get_mark (chart, s, i, &a))
        {
          g_assert_cmpfloat (a.x, >=, plot.x - 0.01);
          g_assert_cmpfloat (a.y, >=, plot.y - 0.01);
          g_assert_cmpfloat (a.x + a.width, <=, plot.x + plot.width + 0.01);
          g_assert_cmpfloat (a.y + a.height, <=, plot.y + plot.height + 0.01);
        }

  /* The hover finds the bar under the pointer and says its value. */
  {
    guint series, index;
    g_autofree char *text = NULL;

    g_assert_true (rg_chart_get_mark (chart, 0, 2, &a));
    g_assert_true (rg_chart_hit (chart, a.x + a.width / 2, a.y + a.height / 2, &series, &index));
    g_assert_cmpuint (series, ==, 0);
    g_assert_cmpuint (index, ==, 2);
    text = rg_chart_describe_value (chart, series, index);
    g_assert_cmpstr (text, ==, "Март · Марина: 40");
    g_assert_false (rg_chart_hit (chart, 1, 1, &series, &index));
  }

  cairo_surface_destroy (surface);
}

static void
test_horizontal_and_stacked (void)
{
  g_autoptr(RgChart) horizontal = rg_chart_new (RG_CHART_BARS_HORIZONTAL);
  g_autoptr(RgChart) stacked = rg_chart_new (RG_CHART_STACKED);
  const char *masters[] = { "Марина", "Ирина", "Ольга" };
  const double scores[] = { 4.8, 4.2, 2.4 };
  const char *months[] = { "Янв", "Фев" };
  const double detractors[] = { 10, 5 }, passives[] = { 20, 15 }, promoters[] = { 70, 80 };
  RgChartTheme theme;
  cairo_surface_t *surface;
  RgChartRect a, b, c;

  rg_chart_theme_init_print (&theme);
  rg_chart_set_categories (horizontal, masters, 3);
  rg_chart_add_series (horizontal, NULL, scores, 3);
  rg_chart_set_value_range (horizontal, 0, 5);
  surface = render (horizontal, &theme);
  g_assert_true (rg_chart_get_mark (horizontal, 0, 0, &a));
  g_assert_true (rg_chart_get_mark (horizontal, 0, 2, &b));
  g_assert_cmpfloat (fabs (a.width / b.width - 4.8 / 2.4), <, 0.01);
  g_assert_cmpfloat (fabs (a.x - b.x), <, 0.01);
  cairo_surface_destroy (surface);

  /* NPS: the three segments of a month add up to the whole bar. */
  rg_chart_set_categories (stacked, months, 2);
  rg_chart_add_series (stacked, "Критики", detractors, 2);
  rg_chart_add_series (stacked, "Нейтральные", passives, 2);
  rg_chart_add_series (stacked, "Промоутеры", promoters, 2);
  rg_chart_set_value_range (stacked, 0, 100);
  surface = render (stacked, &theme);
  g_assert_true (rg_chart_get_mark (stacked, 0, 0, &a));
  g_assert_true (rg_chart_get_mark (stacked, 1, 0, &b));
  g_assert_true (rg_chart_get_mark (stacked, 2, 0, &c));
  g_assert_cmpfloat (fabs (b.height - 2 * a.height), <, 0.5);
  g_assert_cmpfloat (fabs (c.height - 7 * a.height), <, 0.5);
  /* Stacked: each starts where the one below ends. */
  g_assert_cmpfloat (fabs ((b.y + b.height) - a.y), <, 0.01);
  g_assert_cmpfloat (fabs ((c.y + c.height) - b.y), <, 0.01);
  cairo_surface_destroy (surface);
}

/* A line stops at a missing value; its colour appears only inside the plot
 * area, even with a value beyond a fixed range. */
static void
test_line_gaps_and_clip (void)
{
  g_autoptr(RgChart) chart = rg_chart_new (RG_CHART_LINE);
  const char *weeks[] = { "1", "2", "3", "4", "5", "6" };
  const double csat[] = { 80, 85, NAN, 90, 130, 70 };
  RgChartTheme theme;
  cairo_surface_t *surface;
  RgChartRect plot, mark;
  guint inside = 0, outside = 0;
  const guint8 *data;
  int stride;

  rg_chart_theme_init_print (&theme);
  theme.series[0] = (RgChartColor) { 1, 0, 1, 1 };   /* a colour nothing else uses */
  rg_chart_set_categories (chart, weeks, 6);
  rg_chart_add_series (chart, "CSAT", csat, 6);
  rg_chart_set_value_range (chart, 0, 100);
  surface = render (chart, &theme);

  g_assert_true (rg_chart_get_plot_area (chart, &plot));
  g_assert_false (rg_chart_get_mark (chart, 0, 2, &mark));
  g_assert_true (rg_chart_get_mark (chart, 0, 3, &mark));

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
        guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (r > 200 && g < 60 && b > 200)
          {
            if (x >= plot.x - 1 && x <= plot.x + plot.width + 1 && y >= plot.y - 1 && y <= plot.y + plot.height + 1)
              inside++;
            else
              outside++;
          }
      }
  g_assert_cmpuint (inside, >, 50);
  g_assert_cmpuint (outside, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(RgChart) chart = rg_chart_new (RG_CHART_BARS);
  const char *months[] = { "Январь" };
  const double none[] = { NAN };
  RgChartTheme theme;
  cairo_surface_t *surface;
  RgChartRect plot;
  g_autofree char *description = NULL;

  rg_chart_theme_init_print (&theme);
  rg_chart_set_title (chart, "Оценки");
  rg_chart_set_categories (chart, months, 1);
  rg_chart_add_series (chart, NULL, none, 1);
  rg_chart_set_empty_text (chart, "Оценок пока нет");
  g_assert_true (rg_chart_is_empty (chart));
  surface = render (chart, &theme);
  g_assert_false (rg_chart_get_plot_area (chart, &plot));
  description = rg_chart_describe (chart);
  g_assert_cmpstr (description, ==, "Оценки. Оценок пока нет");
  cairo_surface_destroy (surface);
}

/* Balanced XML with an <svg> root. */
static void
start_element_cb (GMarkupParseContext *context,
                  const char          *element,
                  const char         **names,
                  const char         **values,
                  gpointer             data,
                  GError             **error)
{
  if (*(const char **) data == NULL)
    *(const char **) data = g_intern_string (element);
}

static void
test_files (void)
{
  g_autoptr(RgChart) chart = rg_chart_new (RG_CHART_AREA);
  const char *months[] = { "Сен", "Окт", "Ноя" };
  const double score[] = { 4.5, 4.7, 4.6 };
  g_autofree char *dir = g_dir_make_tmp ("regulars-chart-XXXXXX", NULL);
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf" };
  RgChartTheme theme;

  rg_chart_theme_init_print (&theme);
  rg_chart_set_title (chart, "Средняя оценка");
  rg_chart_set_categories (chart, months, 3);
  rg_chart_add_series (chart, "Оценка", score, 3);
  rg_chart_set_value_format (chart, "%.1f");

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, names[f], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (rg_chart_write (chart, &theme, (RgChartFormat) f, path, 480, 320, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_cmpuint (length, >, 100);

      if (f == RG_CHART_PNG)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 480);
          cairo_surface_destroy (png);
        }
      else if (f == RG_CHART_SVG)
        {
          const GMarkupParser parser = { start_element_cb, NULL, NULL, NULL, NULL };
          const char *root = NULL;
          g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &root, NULL);

          g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
          g_assert_true (g_markup_parse_context_end_parse (context, &error));
          g_assert_no_error (error);
          g_assert_cmpstr (root, ==, "svg");
        }
      else
        {
          gboolean eof = FALSE;

          /* A PDF starts with its version and ends with its trailer. */
          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
          for (gsize i = length > 32 ? length - 32 : 0; i + 5 <= length; i++)
            eof |= memcmp (contents + i, "%%EOF", 5) == 0;
          g_assert_true (eof);
        }
      g_remove (path);
    }
  g_rmdir (dir);

  /* A path that cannot be written: an error, not a crash. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rg_chart_write (chart, &theme, RG_CHART_PNG, "/nonexistent/folder/chart.png", 100, 100, &error));
    g_assert_nonnull (error);
  }
}

/* Counts get whole ticks, however small they are. */
static void
test_integer_ticks (void)
{
  static const char * const labels[] = { "Oct", "Nov", "Dec" };
  static const double values[] = { 0, 1, 0 };
  g_autoptr(RgChart) chart = rg_chart_new (RG_CHART_BARS);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  RgChartTheme theme;
  double lo, hi, step;

  rg_chart_theme_init_print (&theme);
  rg_chart_set_categories (chart, labels, 3);
  rg_chart_add_series (chart, "Complaints", values, 3);
  rg_chart_draw (chart, cr, &theme, 400, 300);
  g_assert_true (rg_chart_get_scale (chart, &lo, &hi, &step));
  g_assert_cmpfloat (step, <, 1);               /* a plain chart divides 0..1 */

  rg_chart_set_integer (chart, TRUE);
  rg_chart_draw (chart, cr, &theme, 400, 300);
  g_assert_true (rg_chart_get_scale (chart, &lo, &hi, &step));
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/nice-scale", test_nice_scale);
  g_test_add_func ("/chart/bars-proportional", test_bars_proportional);
  g_test_add_func ("/chart/horizontal-and-stacked", test_horizontal_and_stacked);
  g_test_add_func ("/chart/line-gaps-and-clip", test_line_gaps_and_clip);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/files", test_files);

  g_test_add_func ("/chart/integer-ticks", test_integer_ticks);

  return g_test_run ();
}
