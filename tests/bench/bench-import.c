/* bench-import.c — 100,000 clients from a CSV into a fresh studio, against
 * the sqlite3 shell's `.import` of the same file into a bare table (the
 * baseline, run in the same process's run). Ours reads the file as the
 * dialog does (src/io), checks every row by the card's rules, finds
 * duplicates by phone, keeps the search index and writes one transaction.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-common.h"
#include "io/rg-csv.h"
#include "io/rg-import-map.h"
#include "model/rg-import.h"
#include "model/rg-studio.h"
#include "store/rg-store.h"

#define N_ROWS 100000

static const char * const surnames[] = { "Иванова", "Петрова", "Сидорова", "Смирнова", "Кузнецова", "Попова",
                                         "Волкова", "Соколова", "Лебедева", "Козлова" };
static const char * const given[] = { "Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина",
                                      "Светлана", "Юлия", "Екатерина" };

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "clients.csv", NULL);
  g_autofree char *bare = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = g_string_new ("ФИО;Телефон;E-mail;Дата рождения;Теги\n");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgClientImport) plan = NULL;
  gsize length = 0;
  RgImportCounts counts;
  double t0, baseline, parse, planned, written;
  int status = 0;

  g_assert_no_error (error);
  rg_time_set_zone (NULL);

  /* The file: some rows share a phone (duplicates within the file). */
  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (text, "%s %s %s;8 9%02u %03u-%02u-%02u;client%u@example.ru;%02u.%02u.%u;%s\n",
                            surnames[i % 10], given[(i / 10) % 10], "Петровна",
                            (i % 9973) % 100, (i % 9973 + i / 9973 * 9973) / 100 % 1000, i / 1000 % 100, i % 100,
                            i, i % 28 + 1, i % 12 + 1, 1950 + i % 50, i % 7 ? "" : "VIP");
  g_assert_true (g_file_set_contents (csv, text->str, text->len, &error));

  /* The baseline: the sqlite3 shell's import into a bare table. */
  {
    g_autofree char *import = g_strdup_printf (".import %s clients", csv);
    const char *args[] = { "/usr/bin/sqlite3", bare, "-cmd", ".mode csv", "-cmd", ".separator ;", import, NULL };

    t0 = now_ms ();
    if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error))
      g_error ("sqlite3: %s", error->message);
    baseline = now_ms () - t0;
  }

  store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  studio = rg_studio_new (store);

  /* The file read as the dialog and --import read it: decoded, split by
   * libcsv, its columns guessed from the header, mapped to rows. */
  t0 = now_ms ();
  {
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(RgTable) table = NULL;
    g_autofree RgImportColumn *columns = NULL;
    guint n_columns = 0;
    gboolean header;

    g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
    bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    table = rg_csv_read (bytes, NULL, 0, &error);
    g_assert_no_error (error);
    header = rg_import_guess_has_header (table);
    g_assert_true (header);
    columns = rg_import_guess_columns (table, header, FALSE, NULL, NULL, &n_columns);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rg_import_map_clients (table, header, columns, n_columns);
    g_assert_cmpuint (rows->len, ==, N_ROWS);
  }
  parse = now_ms () - t0;

  t0 = now_ms ();
  plan = rg_client_import_new (studio, g_steal_pointer (&rows), &error);
  g_assert_no_error (error);
  planned = now_ms () - t0;

  t0 = now_ms ();
  if (!rg_studio_import_clients (studio, plan, csv, &counts, NULL, &error))
    g_error ("import: %s", error->message);
  written = now_ms () - t0;

  printf ("# %u rows: %u created, %u duplicates, %u errors; read %.0f ms, plan %.0f ms, write %.0f ms\n",
          counts.rows, counts.created, counts.duplicates, counts.errors, parse, planned, written);
  bench_report ("import 100k clients (read+plan+write)", parse + planned + written, "ms", baseline, 2.0, 0);
  bench_report ("import 100k clients (write alone)", written, "ms", baseline, 0, 0);

  g_clear_pointer (&plan, rg_client_import_free);
  g_clear_object (&studio);
  g_clear_object (&store);
  {
    const char *names[] = { "clients.csv", "bare.db", "studio.db", "studio.db-wal", "studio.db-shm", "studio.db.lock", NULL };

    for (guint i = 0; names[i]; i++)
      {
        g_autofree char *file = g_build_filename (dir, names[i], NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
