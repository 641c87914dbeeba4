/* bench-satisfaction.c — the satisfaction panel's figures for twelve months
 * on the reference database (ten years, ~290,000 ratings): everything the
 * panel shows (average, CSAT, NPS, response rate, distributions, months,
 * masters, services, complaints, the worst comments) against the bare SQL
 * GROUP BY of the same visits and ratings by month; and rendering one
 * chart against filling its bars with bare cairo. Medians of each.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "analytics/rg-satisfaction.h"
#include "bench-common.h"
#include "chart/rg-chart.h"

#define RUNS        9
#define CHART_RUNS  200

static volatile double sink;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The bare query: the same done visits and their ratings counted by month
 * in plain SQL (visits from their index, ratings from theirs), nothing
 * else: no masters, services, complaints or comments. */
static void
bare_group_by (RgStore *store,
               gint64   from,
               gint64   to)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT month, sum(visits), sum(ratings), sum(score), sum(satisfied),"
                                             " sum(promoters), sum(detractors), sum(answers) FROM ("
                                             " SELECT strftime('%Y-%m', starts_at, 'unixepoch', 'localtime') AS month,"
                                             "  count(*) AS visits, 0 AS ratings, 0 AS score, 0 AS satisfied,"
                                             "  0 AS promoters, 0 AS detractors, 0 AS answers"
                                             "  FROM appointments WHERE starts_at >= ?1 AND starts_at < ?2"
                                             "  AND status = 'done' AND deleted_at IS NULL GROUP BY month"
                                             " UNION ALL"
                                             " SELECT strftime('%Y-%m', r.visit_at, 'unixepoch', 'localtime'),"
                                             "  0, count(*), sum(r.score), sum(r.score >= 4), sum(r.nps >= 9),"
                                             "  sum(r.nps BETWEEN 0 AND 6), count(r.nps)"
                                             "  FROM ratings r JOIN appointments a ON a.id = r.appointment_id"
                                             "  WHERE r.visit_at >= ?1 AND r.visit_at < ?2"
                                             "  AND a.status = 'done' AND a.deleted_at IS NULL GROUP BY 1)"
                                             " GROUP BY month",
                                             NULL);
  gboolean row = TRUE;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while (row && rg_store_step_row (store, stmt, &row, NULL))
    if (row)
      sink += sqlite3_column_double (stmt, 3);
}

static RgChart *
service_chart (guint n)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new (double, n);
  RgChart *chart = rg_chart_new (RG_CHART_BARS_HORIZONTAL);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (labels, g_strdup_printf ("Окрашивание в один тон %u", i + 1));
      values[i] = 3.5 + fmod (i * 0.37, 1.5);
    }
  rg_chart_set_title (chart, "По услугам");
  rg_chart_set_categories (chart, (const char * const *) labels->pdata, n);
  rg_chart_add_series (chart, "Средняя оценка", values, n);
  rg_chart_set_value_range (chart, 0, 5);
  rg_chart_set_value_format (chart, "%.2f");
  return chart;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bench_reference_db ();
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(GArray) panel = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) chart_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cairo_ms = g_array_new (FALSE, FALSE, sizeof (double));
  RgSatisfactionQuery query = { { 2025, 12, 1 }, { 2026, 11, 30 }, 0, 0, RG_SATISFACTION_BY_MONTH, 0 };
  guint ratings = 0, services = 0;
  gint64 from, to;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  from = rg_date_start (query.from);
  to = rg_date_end (query.to);

  /* Warm the cache for both, then alternate. */
  for (int i = 0; i < RUNS + 2; i++)
    {
      g_autoptr(RgSatisfaction) s = NULL;
      double t0 = now_ms (), t1, t2;

      s = rg_satisfaction_compute (store, &query, NULL, &error);
      t1 = now_ms ();
      bare_group_by (store, from, to);
      t2 = now_ms ();
      if (s == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      ratings = s->total.ratings;
      services = s->by_service->len;
      if (i < 2)
        continue;
      g_array_append_val (panel, (double) { t1 - t0 });
      g_array_append_val (bare, (double) { t2 - t1 });
    }
  printf ("# twelve months: %u ratings, %u services\n", ratings, services);
  bench_report ("satisfaction-12-months-p50", bench_percentile (panel, 50), "ms",
                bench_percentile (bare, 50), 1.5, 100);

  /* One chart (the longest: a bar per service) on a 600×300 image. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 300);
    cairo_t *cr = cairo_create (surface);
    g_autoptr(RgChart) chart = service_chart (MAX (services, 25));
    RgChartTheme theme;

    rg_chart_theme_init_print (&theme);
    for (int i = 0; i < CHART_RUNS + 10; i++)
      {
        double t0 = now_ms (), t1, t2;

        rg_chart_draw (chart, cr, &theme, 600, 300);
        t1 = now_ms ();
        /* Bare cairo: a white page and the same number of bars, no text or axes. */
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        cairo_set_source_rgb (cr, 0.2, 0.5, 0.9);
        for (guint b = 0; b < MAX (services, 25); b++)
          cairo_rectangle (cr, 120, 20 + b * 10, 300 + (b % 7) * 10, 8);
        cairo_fill (cr);
        cairo_surface_flush (surface);
        t2 = now_ms ();
        if (i < 10)
          continue;
        g_array_append_val (chart_ms, (double) { t1 - t0 });
        g_array_append_val (cairo_ms, (double) { t2 - t1 });
      }
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  bench_report ("chart-render-p50", bench_percentile (chart_ms, 50), "ms",
                bench_percentile (cairo_ms, 50), 0, 3);
  return 0;
}
