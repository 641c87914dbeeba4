/* bench-calendar.c — the calendar on the reference database (30 staff,
 * about 300 appointments a day): switching the day view to the next day —
 * model update, layout and snapshot (the render node) — against the bare
 * SQL query for the same day's appointments; and opening the calendar
 * (building the day view with its first layout and snapshot).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-common.h"
#include "model/rg-time.h"
#include "widgets/rg-day-view.h"

#define WIDTH  1600
#define HEIGHT 1000
#define DAYS   60

/* Layout and snapshot of @widget at a fixed size, as a frame would. */
static void
lay_out_and_snapshot (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, WIDTH, &min, &nat, NULL, NULL);
  gtk_widget_size_allocate (widget, &(GtkAllocation) { 0, 0, WIDTH, HEIGHT }, -1);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), WIDTH, HEIGHT);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static guint
bare_day_query (RgStore *store,
                RgDate   date)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, created_at, updated_at, deleted_at, client_id, staff_id, "
                                             "starts_at, ends_at, status, price, note, series_id, allow_overlap "
                                             "FROM appointments WHERE starts_at < ?2 AND starts_at >= ?1 - 86400 "
                                             "AND ends_at > ?1 AND deleted_at IS NULL ORDER BY starts_at, id",
                                             NULL);
  gboolean row = TRUE;
  guint n = 0;

  sqlite3_bind_int64 (stmt, 1, rg_date_start (date));
  sqlite3_bind_int64 (stmt, 2, rg_date_end (date));
  while (row && rg_store_step_row (store, stmt, &row, NULL))
    n += row;
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = bench_reference_db ();
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(GArray) switch_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window, *scroller;
  RgDayView *day;
  RgDate date;
  gint64 t0;
  double open_ms, open_bare_ms;
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
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  scroller = gtk_scrolled_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), scroller);

  /* Opening: the view, its first day, layout and snapshot. */
  t0 = g_get_monotonic_time ();
  day = rg_day_view_new (studio);
  rg_day_view_set_date (day, date);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (day));
  lay_out_and_snapshot (GTK_WIDGET (day));
  open_ms = (g_get_monotonic_time () - t0) / 1000.0;
  t0 = g_get_monotonic_time ();
  bare_day_query (store, date);
  open_bare_ms = (g_get_monotonic_time () - t0) / 1000.0;

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  /* Warm up, then one switch per day for two months. */
  rg_day_view_set_date (day, rg_date_add_days (date, 1));
  lay_out_and_snapshot (GTK_WIDGET (day));

  for (int i = 0; i < DAYS; i++)
    {
      RgDate next = rg_date_add_days (date, i + 2);
      double a, b;

      t0 = g_get_monotonic_time ();
      rg_day_view_set_date (day, next);
      lay_out_and_snapshot (GTK_WIDGET (day));
      a = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      appointments += bare_day_query (store, next);
      b = (g_get_monotonic_time () - t0) / 1000.0;

      g_array_append_val (switch_ms, a);
      g_array_append_val (bare_ms, b);
    }

  printf ("# %u staff columns, %.0f appointments a day on average, %d switches\n",
          rg_day_view_get_n_columns (day), appointments / (double) DAYS, DAYS);
  bench_report ("day-view-next-day-p95", bench_percentile (switch_ms, 95), "ms",
                bench_percentile (bare_ms, 95), 0, 8.0);
  bench_report ("calendar-open", open_ms, "ms", open_bare_ms, 0, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
