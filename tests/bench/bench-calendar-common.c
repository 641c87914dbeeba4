/* bench-calendar-common.c — shared by the calendar benchmarks.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include "bench-calendar-common.h"

/* Layout and snapshot of @widget at the bench size, as a frame would. */
void
bench_lay_out_and_snapshot (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, BENCH_CALENDAR_WIDTH, &min, &nat, NULL, NULL);
  gtk_widget_size_allocate (widget,
                            &(GtkAllocation) { 0, 0, BENCH_CALENDAR_WIDTH, BENCH_CALENDAR_HEIGHT }, -1);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), BENCH_CALENDAR_WIDTH, BENCH_CALENDAR_HEIGHT);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The baseline: the bare SQL for the appointments over [from, to) (of
 * @staff_id, or everyone's for 0), every row stepped, nothing built.
 * Returns the number of rows. */
guint
bench_bare_appointments (RgStore *store,
                         gint64   from,
                         gint64   to,
                         gint64   staff_id)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, created_at, updated_at, deleted_at, client_id, staff_id, "
                                             "starts_at, ends_at, status, price, note, series_id, allow_overlap "
                                             "FROM appointments WHERE starts_at < ?2 AND starts_at >= ?1 - 86400 "
                                             "AND ends_at > ?1 AND deleted_at IS NULL AND (?3 = 0 OR staff_id = ?3) "
                                             "ORDER BY starts_at, id",
                                             NULL);
  gboolean row = TRUE;
  guint n = 0;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  while (row && rg_store_step_row (store, stmt, &row, NULL))
    n += row;
  return n;
}
