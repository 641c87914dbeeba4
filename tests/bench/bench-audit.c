/* bench-audit.c — the audit log window's reads on a log of 200,000 rows:
 * its first page (the newest 1,001 rows, one more than shown), a period
 * of a month, and a text that matches nothing (every row folded and
 * searched, the worst a keystroke can cost: at most a quarter of a
 * second), each against the bare SQL
 * that steps the same rows, measured in the same run. Medians of 7 runs.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "bench-common.h"
#include "model/rg-audit.h"
#include "store/rg-store.h"

#define RUNS 7
#define PAGE 1001
#define T0 1700000000

static volatile gint64 sink;

static void
bare (RgStore    *store,
      const char *sql,
      gint64      a,
      gint64      b)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, NULL);
  gboolean row = TRUE;

  g_assert (stmt != NULL);
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  while (row && rg_store_step_row (store, stmt, &row, NULL))
    if (row)
      sink += sqlite3_column_int64 (stmt, 0) + sqlite3_column_bytes (stmt, 2) + sqlite3_column_bytes (stmt, 8);
}

static double
median (GArray *values)
{
  return bench_percentile (values, 50);
}

static double
time_filtered (RgStudio            *studio,
               const RgAuditFilter *filter,
               guint                limit)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 t = g_get_monotonic_time ();
      g_autoptr(GPtrArray) entries = rg_studio_list_audit_filtered (studio, filter, limit, NULL);
      double v;

      g_assert (entries != NULL);
      sink += entries->len;
      v = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (ms, v);
    }
  return median (ms);
}

static double
time_bare (RgStore    *store,
           const char *sql,
           gint64      a,
           gint64      b)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 t = g_get_monotonic_time ();
      double v;

      bare (store, sql, a, b);
      v = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (ms, v);
    }
  return median (ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-bench-audit-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgStudio) studio = rg_studio_open (path, RG_STUDIO_OPEN_DEFAULT, &error);
  RgStore *store;
  RgAuditFilter month = { .from = T0 + 60 * 100000, .to = T0 + 60 * (100000 + 43200) };
  RgAuditFilter nothing = { .text = "nothing like this" };

  g_assert_no_error (error);
  store = rg_studio_get_store (studio);
  /* One row a minute: 200,000 rows are some five months of a busy desk
   * that logs every sign-in; a tenth are exports with a file. */
  g_assert (rg_store_exec (store,
                           "INSERT INTO staff (id, display_name, created_at, updated_at) VALUES (21, 'Ирина', 1, 1);"
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
                           "INSERT INTO audit_log (at, actor, staff_id, action, what, rows, file, detail) "
                           "SELECT 1700000000 + 60 * i, 'frontdesk', CASE WHEN i % 2 = 0 THEN 21 END, "
                           "       CASE WHEN i % 10 = 0 THEN 'export' ELSE 'sign_in' END, "
                           "       CASE WHEN i % 10 = 0 THEN 'clients' END, CASE WHEN i % 10 = 0 THEN i END, "
                           "       CASE WHEN i % 10 = 0 THEN 'Clients ' || i || '.csv' END, 'csv' FROM n",
                           &error));
  g_assert_no_error (error);

  bench_report ("audit newest page", time_filtered (studio, NULL, PAGE), "ms",
                time_bare (store, "SELECT id, at, actor, staff_id, action, what, rows, file, detail "
                                  "FROM audit_log ORDER BY id DESC LIMIT 1001", 0, 0),
                0, 50);
  bench_report ("audit a month", time_filtered (studio, &month, PAGE), "ms",
                time_bare (store, "SELECT id, at, actor, staff_id, action, what, rows, file, detail "
                                  "FROM audit_log WHERE at >= ?1 AND at < ?2 ORDER BY id DESC LIMIT 1001",
                           month.from, month.to),
                0, 50);
  bench_report ("audit text, no match", time_filtered (studio, &nothing, PAGE), "ms",
                time_bare (store, "SELECT id, at, actor, staff_id, action, what, rows, file, detail "
                                  "FROM audit_log WHERE detail LIKE '%nothing like this%' ORDER BY id DESC", 0, 0),
                0, 250);

  g_clear_object (&studio);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
  return 0;
}
