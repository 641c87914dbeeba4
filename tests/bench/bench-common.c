/* bench-common.c — shared by the benchmarks.
 *
 * The reference database (100,000 clients, ten years, 30 staff) is
 * generated once per schema version into the build folder and reused; set
 * REGULARS_REFERENCE_DB to use another file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "demo/rg-generator.h"
#include "store/rg-store.h"

#define REFERENCE_NOW ((gint64) 1795867200)   /* 2026-11-28 12:00 UTC */

char *
bench_reference_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  char *path;
  RgGeneratorOptions options;
  RgGeneratorStats stats = { 0 };
  gint64 started;

  if (g_getenv ("REGULARS_REFERENCE_DB"))
    return g_strdup (g_getenv ("REGULARS_REFERENCE_DB"));

  /* Named by the format and the generator's revision: a studio an older
   * generator made is another studio (another number of visits), and
   * figures measured on it are not comparable. */
  name = g_strdup_printf ("reference-v%d-r%d.db", rg_store_latest_version (), RG_GENERATOR_REVISION);
  path = g_build_filename (BUILD_ROOT, "tests", "bench", name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  rg_generator_options_init_demo (&options, "ru", REFERENCE_NOW);
  options.n_clients = 100000;
  options.n_staff = 0;
  /* Timings of the owner's work, without profiles to sign in to. */
  options.profiles = FALSE;
  options.years = 10;
  options.seed = 1;

  g_printerr ("# generating the reference database %s (once)...\n", path);
  started = g_get_monotonic_time ();
  if (!rg_generator_write_file (path, &options, &stats, &error))
    {
      g_printerr ("Could not generate the reference database: %s\n", error->message);
      exit (1);
    }
  g_printerr ("# %u clients, %u appointments, %u ratings, %u staff in %.1f s\n",
              stats.clients, stats.appointments, stats.ratings, stats.staff,
              (g_get_monotonic_time () - started) / 1e6);

  return path;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of @values_ms (sorted in place). */
double
bench_percentile (GArray *values_ms,
                  double  percentile)
{
  guint rank;

  g_assert (values_ms->len > 0);
  g_array_sort (values_ms, compare_doubles);
  rank = (guint) MAX (1.0, (percentile / 100.0) * values_ms->len + 0.999999);
  return g_array_index (values_ms, double, MIN (rank, values_ms->len) - 1);
}

/* One line per figure: name, value, unit, baseline, ratio, and the goals. */
void
bench_report (const char *name,
              double      value,
              const char *unit,
              double      baseline,
              double      goal_ratio,
              double      goal_value)
{
  double ratio = baseline > 0 ? value / baseline : 0;
  gboolean met = (goal_ratio <= 0 || ratio <= goal_ratio) && (goal_value <= 0 || value <= goal_value);

  printf ("%-32s %10.2f %-3s baseline %10.2f %-3s ratio %5.2f  ",
          name, value, unit, baseline, unit, ratio);
  if (goal_ratio <= 0 && goal_value <= 0)
    {
      printf ("(no goal: for reading)\n");
      fflush (stdout);
      return;
    }
  printf ("goal");
  if (goal_ratio > 0)
    printf (" <= %.2fx", goal_ratio);
  if (goal_value > 0)
    printf (" <= %.0f %s", goal_value, unit);
  printf ("  %s\n", met ? "met" : "MISSED");
  fflush (stdout);
}

/* A figure whose goal is at most @goal_over above its baseline. */
void
bench_report_over (const char *name,
                   double      value,
                   const char *unit,
                   double      baseline,
                   double      goal_over)
{
  gboolean met = value <= baseline + goal_over;

  printf ("%-32s %10.2f %-3s baseline %10.2f %-3s over %+8.2f  goal <= +%.0f %s  %s\n",
          name, value, unit, baseline, unit, value - baseline, goal_over, unit, met ? "met" : "MISSED");
  fflush (stdout);
}

/* The bare queries a client's card runs for @client_id, every row
 * stepped: the baseline of opening a card. */
void
bench_card_queries (RgStore *store,
                    gint64   client_id)
{
  static const char * const queries[] = {
    "SELECT * FROM clients WHERE id = ?1",
    "SELECT count(*), min(starts_at), max(starts_at), total(price) FROM appointments "
    "WHERE client_id = ?1 AND status = 'done' AND deleted_at IS NULL",
    "SELECT a.id, a.starts_at, a.status, a.price, s.display_name, r.score, r.why FROM appointments a "
    "JOIN staff s ON s.id = a.staff_id LEFT JOIN ratings r ON r.appointment_id = a.id "
    "WHERE a.client_id = ?1 AND a.deleted_at IS NULL ORDER BY a.starts_at DESC LIMIT 100",
    "SELECT * FROM interactions WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 50",
    "SELECT field_id, value FROM client_fields WHERE client_id = ?1",
    "SELECT condition_id FROM client_conditions WHERE client_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(RgStmt) stmt = rg_store_prepare (store, queries[i], NULL);
      gboolean row = TRUE;

      sqlite3_bind_int64 (stmt, 1, client_id);
      while (row && rg_store_step_row (store, stmt, &row, NULL))
        ;
    }
}
