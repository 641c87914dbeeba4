/* bench-calendar.c — the calendar on the reference database (30 staff,
 * about 300 appointments a day): switching the day view to the next day —
 * model update, layout and snapshot (the render node) — against the bare
 * SQL query for the same day's appointments; and opening the calendar
 * (building the day view with its first layout and snapshot).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-calendar-common.h"
#include "bench-common.h"
#include "util/rg-time.h"
#include "widgets/calendar/rg-day-view.h"

#define DAYS 60
#define WARM_UP_DAYS 14

/* Switches @day to each of DAYS days from @first; with @idle, lets the
 * main loop run dry before each switch. Returns the p95 in ms, the bare
 * query's in @bare, and the appointments seen in @appointments. */
static double
bench_days (RgDayView *day,
            RgStore   *store,
            RgDate     first,
            gboolean   idle,
            double    *bare,
            guint     *appointments)
{
  g_autoptr(GArray) switch_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0;

  /* The day before, so that the first switch too comes after a day shown. */
  if (idle)
    {
      rg_day_view_set_date (day, rg_date_add_days (first, -1));
      bench_lay_out_and_snapshot (GTK_WIDGET (day));
    }

  for (int i = 0; i < DAYS; i++)
    {
      RgDate next = rg_date_add_days (first, i);
      gint64 t0;
      double a, b;

      while (idle && g_main_context_iteration (NULL, FALSE))
        ;

      t0 = g_get_monotonic_time ();
      rg_day_view_set_date (day, next);
      bench_lay_out_and_snapshot (GTK_WIDGET (day));
      a = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      n += bench_bare_appointments (store, rg_date_start (next), rg_date_end (next), 0);
      b = (g_get_monotonic_time () - t0) / 1000.0;

      g_array_append_val (switch_ms, a);
      g_array_append_val (bare_ms, b);
    }

  *bare = bench_percentile (bare_ms, 95);
  if (appointments)
    *appointments = n;
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
  GtkWidget *window, *scroller;
  RgDayView *day;
  RgDate date;
  gint64 t0;
  double open_ms, open_bare_ms, cold, cold_bare, warm, warm_bare;
  guint appointments = 0;

  gtk_init ();
  adw_init ();

  store = rg_store_open (db, RG_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  studio = rg_studio_new (store);

  /* A busy weekday of the reference studio's last year. */
  date = rg_date_add_days (rg_date_week_start (rg_date_from_time (1795867200)), -7 * 8 + 1);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), BENCH_CALENDAR_WIDTH, BENCH_CALENDAR_HEIGHT);
  scroller = gtk_scrolled_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), scroller);

  /* Opening: the view, its first day, layout and snapshot. */
  t0 = g_get_monotonic_time ();
  day = rg_day_view_new (studio);
  rg_day_view_set_date (day, date);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (day));
  bench_lay_out_and_snapshot (GTK_WIDGET (day));
  open_ms = (g_get_monotonic_time () - t0) / 1000.0;
  t0 = g_get_monotonic_time ();
  bench_bare_appointments (store, rg_date_start (date), rg_date_end (date), 0);
  open_bare_ms = (g_get_monotonic_time () - t0) / 1000.0;

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  /* Warm up on the two weeks before (the card pool fills, SQLite's upper
   * index pages are mapped), then one switch per day for two months: each
   * day is still read for the first time. */
  for (int i = WARM_UP_DAYS; i > 0; i--)
    {
      rg_day_view_set_date (day, rg_date_add_days (date, -i));
      bench_lay_out_and_snapshot (GTK_WIDGET (day));
    }
  rg_day_view_set_date (day, rg_date_add_days (date, 1));
  bench_lay_out_and_snapshot (GTK_WIDGET (day));

  cold = bench_days (day, store, rg_date_add_days (date, 2), FALSE, &cold_bare, &appointments);
  /* Earlier days, not read yet, each after the view was idle (as between
   * two clicks): the view reads the next day ahead. */
  warm = bench_days (day, store, rg_date_add_days (date, -WARM_UP_DAYS - DAYS - 1), TRUE, &warm_bare, NULL);

  printf ("# %u staff columns, %.0f appointments a day on average, %d switches\n",
          rg_day_view_get_n_columns (day), appointments / (double) DAYS, DAYS);
  bench_report ("day-view-next-day-p95", cold, "ms", cold_bare, 0, 8.0);
  bench_report ("day-view-next-day-after-idle-p95", warm, "ms", warm_bare, 0, 8.0);
  bench_report ("calendar-open", open_ms, "ms", open_bare_ms, 0, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
