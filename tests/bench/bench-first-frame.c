/* bench-first-frame.c — time from launch to the main window's first frame
 * on the reference database, against an empty AdwApplicationWindow started
 * the same way; the median of five launches each, interleaved, after one
 * warm-up launch of each.
 *
 * Usage: bench-first-frame REGULARS EMPTY-WINDOW
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"

#define LAUNCHES 5

static double
launch (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  gint64 started = g_get_monotonic_time ();
  double elapsed = -1;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  if (process == NULL)
    {
      g_printerr ("Could not start %s: %s\n", argv[0], error->message);
      exit (1);
    }

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      if (line == NULL)
        break;
      if (g_str_equal (line, "first-frame"))
        {
          elapsed = (g_get_monotonic_time () - started) / 1000.0;
          break;
        }
    }

  if (!g_subprocess_wait_check (process, NULL, &error) || elapsed < 0)
    {
      g_printerr ("%s did not report its first frame: %s\n", argv[0],
                  error ? error->message : "no output");
      exit (1);
    }

  return elapsed;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_ms = g_array_new (FALSE, FALSE, sizeof (double));

  if (argc != 3)
    {
      g_printerr ("Usage: %s REGULARS EMPTY-WINDOW\n", argv[0]);
      return 2;
    }

  db = bench_reference_db ();
  {
    const char *app_argv[] = { argv[1], "--database", db, "--quit-after-first-frame", NULL };
    const char *empty_argv[] = { argv[2], NULL };

    launch (app_argv);
    launch (empty_argv);
    for (int i = 0; i < LAUNCHES; i++)
      {
        double a = launch (app_argv);
        double e = launch (empty_argv);

        g_array_append_val (app_ms, a);
        g_array_append_val (empty_ms, e);
        printf ("# launch %d: main window %.1f ms, empty window %.1f ms\n", i + 1, a, e);
      }
  }

  bench_report ("first-frame-reference-db",
                bench_percentile (app_ms, 50), "ms",
                bench_percentile (empty_ms, 50), 1.25, 0);
  return 0;
}
