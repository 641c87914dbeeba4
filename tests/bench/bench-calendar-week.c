/* bench-calendar-week.c — the week and month views on the reference
 * database (30 staff, about 300 appointments a day): switching the week
 * view to the next week — model update, layout and snapshot — for one
 * master and for everyone, and the month view to the next month, each
 * against the bare SQL query for the same range.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-calendar-common.h"
#include "bench-common.h"
#include "util/rg-time.h"
#include "widgets/calendar/rg-month-view.h"
#include "widgets/calendar/rg-week-view.h"

#define WEEKS 40
#define WARM_UP_WEEKS 6

static gint64
busiest_master (RgStore *store,
                RgDate   from)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT staff_id FROM appointments WHERE starts_at >= ?1 AND starts_at < ?2 "
                                             "GROUP BY staff_id ORDER BY count(*) DESC LIMIT 1",
                                             NULL);
  gboolean row = FALSE;

  sqlite3_bind_int64 (stmt, 1, rg_date_start (from));
  sqlite3_bind_int64 (stmt, 2, rg_date_start (rg_date_add_days (from, 7)));
  if (!rg_store_step_row (store, stmt, &row, NULL) || !row)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* Switches the week view a week at a time; returns the p95 in ms and the
 * bare query's p95 in @bare. */
static double
bench_weeks (RgWeekView *week,
             RgStore    *store,
             RgDate      monday,
             int         weeks,
             gboolean    idle,
             double     *bare,
             double     *per_week)
{
  g_autoptr(GArray) switch_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint appointments = 0;

  /* Warm up on the weeks before (the card pool fills, SQLite's upper
   * index pages are mapped); every measured week is still read for the
   * first time. */
  for (int i = WARM_UP_WEEKS; i > 0; i--)
    {
      rg_week_view_set_date (week, rg_date_add_days (monday, -7 * i));
      bench_lay_out_and_snapshot (GTK_WIDGET (week));
    }

  for (int i = 0; i < weeks; i++)
    {
      RgDate next = rg_date_add_days (monday, 7 * i);
      gint64 t0;
      double a, b;

      /* With @idle, the main loop runs dry first, as between two clicks:
       * the view reads the next week ahead. */
      while (idle && g_main_context_iteration (NULL, FALSE))
        ;

      t0 = g_get_monotonic_time ();
      rg_week_view_set_date (week, next);
      bench_lay_out_and_snapshot (GTK_WIDGET (week));
      a = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      appointments += bench_bare_appointments (store, rg_date_start (next), rg_date_start (rg_date_add_days (next, 7)),
                                  rg_week_view_get_staff (week));
      b = (g_get_monotonic_time () - t0) / 1000.0;

      g_array_append_val (switch_ms, a);
      g_array_append_val (bare_ms, b);
    }

  *bare = bench_percentile (bare_ms, 95);
  *per_week = appointments / (double) weeks;
  return bench_percentile (switch_ms, 95);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = bench_reference_db ();
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(GArray) month_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) month_bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window, *box, *scroller;
  RgWeekView *week;
  RgMonthView *month;
  RgDate monday;
  gint64 master;
  double one, one_bare, one_n, all, all_bare, all_n, idle, idle_bare, idle_n;

  gtk_init ();
  adw_init ();

  store = rg_store_open (db, RG_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  studio = rg_studio_new (store);

  /* Busy weeks of the reference studio's last year. */
  monday = rg_date_add_days (rg_date_week_start (rg_date_from_time (1795867200)), -7 * (WEEKS + 4));
  master = busiest_master (store, monday);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), BENCH_CALENDAR_WIDTH, BENCH_CALENDAR_HEIGHT);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  scroller = gtk_scrolled_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), scroller);

  week = rg_week_view_new (studio);
  rg_week_view_set_staff (week, master);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (week));
  month = rg_month_view_new (studio);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (month));

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  one = bench_weeks (week, store, monday, WEEKS, FALSE, &one_bare, &one_n);
  /* Earlier weeks, not read yet, each after the view was idle. */
  idle = bench_weeks (week, store, rg_date_add_days (monday, -7 * (2 * WARM_UP_WEEKS + WEEKS)), WEEKS, TRUE,
                      &idle_bare, &idle_n);
  rg_week_view_set_staff (week, 0);
  /* Everyone's week holds some 2,000 cards: fewer rounds. */
  all = bench_weeks (week, store, monday, 4, FALSE, &all_bare, &all_n);

  /* The month view, a month at a time over a year. */
  rg_month_view_set_date (month, monday);
  bench_lay_out_and_snapshot (GTK_WIDGET (month));
  for (int i = 1; i <= 12; i++)
    {
      RgDate next = { monday.year + (monday.month - 1 + i) / 12, (monday.month - 1 + i) % 12 + 1, 1 };
      gint64 t0;
      double a, b;

      t0 = g_get_monotonic_time ();
      rg_month_view_set_date (month, next);
      bench_lay_out_and_snapshot (GTK_WIDGET (month));
      a = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      bench_bare_appointments (store, rg_date_start (rg_date_week_start (next)),
                  rg_date_start (rg_date_add_days (rg_date_week_start (next), 42)), 0);
      b = (g_get_monotonic_time () - t0) / 1000.0;

      g_array_append_val (month_ms, a);
      g_array_append_val (month_bare_ms, b);
    }

  printf ("# week of one master: %.0f appointments on average (%d switches); of everyone: %.0f (4 switches)\n",
          one_n, WEEKS, all_n);
  bench_report ("week-view-next-week-one-master-p95", one, "ms", one_bare, 0, 8.0);
  bench_report ("week-view-next-week-one-master-after-idle-p95", idle, "ms", idle_bare, 0, 8.0);
  bench_report ("week-view-next-week-everyone-p95", all, "ms", all_bare, 0, 0);
  bench_report ("month-view-next-month-p95", bench_percentile (month_ms, 95), "ms",
                bench_percentile (month_bare_ms, 95), 0, 8.0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
