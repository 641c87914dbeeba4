/* bench-backup.c — the automatic backup of the reference studio against
 * `sqlite3 <ref> ".backup <tmp>"` in the same run; the main loop's longest
 * stall while a backup runs in a thread, against the same loop idle; and
 * the quick_check a studio gets on opening, against reading the file.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "model/rg-backup.h"
#include "bench-common.h"

#define RUNS 3
#define TICK_MS 5

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return values[n / 2];
}

static double
ours (const char *ref,
      const char *dest)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!rg_backup_write (ref, dest, "auto", NULL, &error))
    g_error ("backup: %s", error->message);
  return ms_since (start);
}

static double
shell (const char *ref,
       const char *dest)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup_printf (".backup '%s'", dest);
  const char *argv[] = { "/usr/bin/sqlite3", ref, command, NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  g_unlink (dest);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3 .backup: %s", error->message);
  return ms_since (start);
}

/* The main loop's longest gap between ticks of a TICK_MS timer. */
typedef struct {
  gint64    last;
  double    longest_ms;
  gboolean  done;
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  if (ticks->last)
    ticks->longest_ms = MAX (ticks->longest_ms, (now - ticks->last) / 1000.0 - TICK_MS);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

typedef struct {
  const char *ref;
  const char *dest;
  Ticks      *ticks;
} Job;

static gpointer
backup_thread (gpointer data)
{
  Job *job = data;

  ours (job->ref, job->dest);
  g_atomic_int_set (&job->ticks->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static double
longest_stall (const char *ref,
               const char *dest,
               double      idle_ms)
{
  Ticks ticks = { 0 };
  guint id = g_timeout_add (TICK_MS, tick_cb, &ticks);
  Job job = { ref, dest, &ticks };
  GThread *thread = NULL;
  gint64 start = g_get_monotonic_time ();

  if (ref)
    thread = g_thread_new ("backup", backup_thread, &job);
  while (ref ? !g_atomic_int_get (&ticks.done) : ms_since (start) < idle_ms)
    g_main_context_iteration (NULL, TRUE);
  if (thread)
    g_thread_join (thread);
  g_source_remove (id);
  return ticks.longest_ms;
}

static double
read_file (const char *path)
{
  gint64 start = g_get_monotonic_time ();
  char buffer[1 << 16];
  int fd = g_open (path, O_RDONLY, 0);

  while (fd >= 0 && read (fd, buffer, sizeof buffer) > 0)
    ;
  if (fd >= 0)
    close (fd);
  return ms_since (start);
}

static double
quick_check (const char *path)
{
  sqlite3 *db = NULL;
  gint64 start;
  gboolean ok;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  ok = rg_store_quick_check (db, "reference", NULL);
  sqlite3_close (db);
  g_assert_true (ok);
  return ms_since (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *ref = bench_reference_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-bench-backup-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "ours" RG_BACKUP_SUFFIX, NULL);
  g_autofree char *b = g_build_filename (dir, "shell.db", NULL);
  double t_ours[RUNS], t_shell[RUNS];
  double stall, idle, checked, read;

  g_assert_no_error (error);
  /* Warm the cache for both alike. */
  read_file (ref);

  for (int i = 0; i < RUNS; i++)
    {
      t_shell[i] = shell (ref, b);
      t_ours[i] = ours (ref, a);
    }
  bench_report ("backup of the reference studio", median (t_ours, RUNS), "ms",
                median (t_shell, RUNS), 1.2, 0);

  stall = longest_stall (ref, a, 0);
  idle = longest_stall (NULL, NULL, median (t_ours, RUNS));
  bench_report_over ("main loop stall during a backup", stall, "ms", idle, 20);

  read = read_file (ref);
  checked = quick_check (ref);
  printf ("# quick_check on opening: %.0f ms (reading the whole file: %.0f ms)\n", checked, read);
  bench_report ("quick_check on opening", checked, "ms", read, 0, 0);

  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
  return 0;
}
