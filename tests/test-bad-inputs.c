/* test-bad-inputs.c — the corpus of bad inputs (tests/data/bad/, made by
 * make-corpus.py) through the whole import: read, columns guessed, rows
 * mapped, planned on a studio that already has clients, visits, services
 * and masters, and imported. Each file gives a clear file-level error or
 * at least one row with a problem; a refused file leaves the studio file
 * byte for byte as it was; where rows came in, only the good ones did.
 * Also made here: a 10 MB line, and a CSV of 100,000 rows with every
 * 997th bad.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <string.h>

#include "io/rg-csv.h"
#include "io/rg-import-map.h"
#include "io/rg-vcard.h"
#include "model/rg-booking.h"
#include "model/rg-import.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"
#include "store/rg-store.h"
#include "test-util.h"

typedef struct {
  char     *dir;
  char     *path;
  RgStudio *studio;
  RgStore  *store;
} Fixture;

static void
save (RgStudio *studio,
      gpointer  record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_studio_save (studio, record, &error));
  g_assert_no_error (error);
}

/* A studio with a few of everything: clients (one with the phone the
 * corpus's good rows and visits use), masters, services and past visits. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) anna = rg_staff_new ("Анна", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgStaff) olga = rg_staff_new ("Ольга", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgService) haircut = rg_service_new ("Стрижка", 60, 150000);
  g_autoptr(RgService) manicure = rg_service_new ("Маникюр", 90, 200000);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(RgVisitImport) plan = NULL;
  RgImportCounts counts = { 0 };
  const char *clients[][2] = {
    { "Иванова Мария Петровна", "+7 912 345-67-89" },
    { "Петрова Ольга", "+7 912 555-00-01" },
    { "Сидорова Анна", "+7 912 555-00-02" },
  };

  f->dir = g_dir_make_tmp ("test-bad-inputs-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (f->path, RG_STORE_OPEN_DEFAULT);
  f->store = rg_studio_get_store (f->studio);

  save (f->studio, anna);
  save (f->studio, olga);
  save (f->studio, haircut);
  save (f->studio, manicure);
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autoptr(RgClient) client = test_add_client (f->studio, clients[i][0], clients[i][1]);
    }
  for (guint i = 0; i < 6; i++)
    {
      RgVisitImportRow *row = rg_visit_import_row_new (i + 2);

      row->date = g_strdup_printf ("%02u.02.2025", i + 3);
      row->phone = g_strdup (clients[i % 3][1]);
      row->service = g_strdup (i % 2 ? "Стрижка" : "Маникюр");
      row->master = g_strdup (i % 2 ? "Анна" : "Ольга");
      row->price = g_strdup ("1500");
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_set_free_func (rows, (GDestroyNotify) rg_visit_import_row_free);
  plan = rg_visit_import_new (f->studio, g_steal_pointer (&rows), &error);
  g_assert_no_error (error);
  g_assert_true (rg_studio_import_visits (f->studio, plan, "seed.csv", &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.created, ==, 6);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* What the studio's files hold, as a hash of the database and its log. */
static char *
studio_hash (Fixture *f)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (path, &contents, &len, NULL))
        g_checksum_update (sum, (const guchar *) contents, len);
      g_checksum_update (sum, (const guchar *) "|", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return test_sql_int (f->store, sql, 0);
}

static void
assert_problems (GPtrArray  *problems,
                 const char *name,
                 guint       line)
{
  for (guint i = 0; i < problems->len; i++)
    {
      RgImportProblem *problem = problems->pdata[i];

      if (problem->code == NULL || *problem->code == '\0' || problem->message == NULL || *problem->message == '\0')
        g_error ("%s, line %u: a problem without a code or a message", name, line);
    }
}

/* What became of one file. */
typedef enum {
  OUTCOME_REFUSED,   /* the reader refused it: a file-level error */
  OUTCOME_PROBLEMS,  /* rows with problems; the good ones came in */
  OUTCOME_CLEAN,     /* nothing to say: the corpus file is not bad, or the import misses it */
} Outcome;

static Outcome
import_clients (Fixture    *f,
                const char *name,
                RgTable    *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClientImport) plan = NULL;
  g_autofree RgImportColumn *columns = NULL;
  g_autoptr(GHashTable) created = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rows;
  RgImportCounts counts = { 0 }, done = { 0 };
  gboolean has_header = rg_import_guess_has_header (table);
  guint n_columns = 0, n_problems = 0, n_create = 0;
  gint64 before = count (f, "SELECT count(*) FROM clients");
  gint64 audit = count (f, "SELECT count(*) FROM audit_log");
  g_autofree char *hash = studio_hash (f);

  columns = rg_import_guess_columns (table, has_header, FALSE, NULL, NULL, &n_columns);
  rows = rg_import_map_clients (table, has_header, columns, n_columns);
  if (!rg_import_check_rows (rows, &error))
    {
      g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_EMPTY);
      g_assert_cmpstr (error->message, !=, "");
      g_test_message ("%s: %s", name, error->message);
      g_ptr_array_unref (rows);
      return OUTCOME_REFUSED;
    }
  plan = rg_client_import_new (f->studio, rows, &error);
  g_assert_no_error (error);
  rg_client_import_count (plan, &counts);
  {
    g_autofree char *after_plan = studio_hash (f);
    g_assert_cmpstr (after_plan, ==, hash);
  }

  for (guint i = 0; i < rg_client_import_get_n_rows (plan); i++)
    {
      GPtrArray *problems = rg_client_import_get_problems (plan, i);
      RgImportAction action = rg_client_import_get_action (plan, i);

      assert_problems (problems, name, rg_client_import_get_row (plan, i)->line);
      if (problems->len > 0 || action == RG_IMPORT_ERROR || rg_client_import_is_duplicate (plan, i))
        n_problems++;
      if (action == RG_IMPORT_CREATE)
        {
          n_create++;
          g_hash_table_add (created, (gpointer) rg_client_import_get_name (plan, i));
        }
    }
  g_assert_cmpuint (counts.created, ==, n_create);

  if (n_create == 0)
    {
      /* Nothing to write: the dialog does not offer the import. */
      g_autofree char *after = studio_hash (f);
      g_assert_cmpstr (after, ==, hash);
    }
  else
    {
      g_assert_true (rg_studio_import_clients (f->studio, plan, name, &done, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (done.created, ==, n_create);
      g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, before + n_create);
      g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit + 1);
    }
  g_test_message ("%s: %u rows, %u with problems, %u created", name, rg_client_import_get_n_rows (plan),
                  n_problems, n_create);
  return n_problems > 0 ? OUTCOME_PROBLEMS : OUTCOME_CLEAN;
}

static Outcome
import_visits (Fixture    *f,
               const char *name,
               RgTable    *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgVisitImport) plan = NULL;
  g_autofree RgImportColumn *columns = NULL;
  GPtrArray *rows;
  RgImportCounts counts = { 0 }, done = { 0 };
  gboolean has_header = rg_import_guess_has_header (table);
  guint n_columns = 0, n_problems = 0, n_create = 0;
  gint64 before = count (f, "SELECT count(*) FROM appointments");
  g_autofree char *hash = studio_hash (f);

  columns = rg_import_guess_columns (table, has_header, TRUE, NULL, NULL, &n_columns);
  rows = rg_import_map_visits (table, has_header, columns, n_columns);
  if (!rg_import_check_rows (rows, &error))
    {
      g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_EMPTY);
      g_assert_cmpstr (error->message, !=, "");
      g_test_message ("%s: %s", name, error->message);
      g_ptr_array_unref (rows);
      return OUTCOME_REFUSED;
    }
  plan = rg_visit_import_new (f->studio, rows, &error);
  g_assert_no_error (error);
  rg_visit_import_count (plan, &counts);

  for (guint i = 0; i < rg_visit_import_get_n_rows (plan); i++)
    {
      GPtrArray *problems = rg_visit_import_get_problems (plan, i);
      RgImportAction action = rg_visit_import_get_action (plan, i);

      assert_problems (problems, name, rg_visit_import_get_row (plan, i)->line);
      if (problems->len > 0 || action != RG_IMPORT_CREATE)
        n_problems++;
      else
        n_create++;
    }

  if (n_create == 0)
    {
      g_autofree char *after = studio_hash (f);
      g_assert_cmpstr (after, ==, hash);
    }
  else
    {
      g_assert_true (rg_studio_import_visits (f->studio, plan, name, &done, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (done.created, ==, counts.created);
      g_assert_cmpint (count (f, "SELECT count(*) FROM appointments"), ==, before + done.created);
    }
  g_test_message ("%s: %u visits, %u with problems, %u created", name, rg_visit_import_get_n_rows (plan),
                  n_problems, n_create);
  return n_problems > 0 ? OUTCOME_PROBLEMS : OUTCOME_CLEAN;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_corpus (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) clean = g_string_new (NULL);
  guint n_refused = 0, n_problems = 0;
  const char *entry;

  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)))
    if (g_str_has_suffix (entry, ".csv") || g_str_has_suffix (entry, ".vcf"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 200);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *hash = studio_hash (f);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(RgTable) table = NULL;
      g_autoptr(GError) read_error = NULL;
      gsize len = 0;
      Outcome outcome;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      if (g_str_has_suffix (name, ".vcf"))
        table = rg_vcard_read (bytes, &read_error);
      else
        table = rg_csv_read (bytes, NULL, 0, &read_error);

      if (table == NULL)
        {
          g_autofree char *after = studio_hash (f);

          g_assert_nonnull (read_error);
          if (read_error->domain != RG_IO_ERROR || read_error->message[0] == '\0')
            g_error ("%s: refused without a clear error (%s)", name, read_error->message);
          g_test_message ("%s: %s", name, read_error->message);
          g_assert_cmpstr (after, ==, hash);
          n_refused++;
          continue;
        }
      g_assert_no_error (read_error);

      if (g_str_has_prefix (name, "visits-"))
        outcome = import_visits (f, name, table);
      else
        outcome = import_clients (f, name, table);
      {
        g_autofree char *after = studio_hash (f);

        if (outcome == OUTCOME_CLEAN)
          g_string_append_printf (clean, " %s", name);
        else if (outcome == OUTCOME_REFUSED)
          {
            g_assert_cmpstr (after, ==, hash);
            n_refused++;
          }
        else
          n_problems++;
      }
    }

  g_test_message ("%u files: %u refused, %u with problems in rows", names->len, n_refused, n_problems);
  if (clean->len > 0)
    g_error ("these corpus files came in without a problem:%s", clean->str);
}

/* A 10 MB line: refused as too long, nothing read. */
static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("ФИО;Телефон;Примечание\r\nИванова;8 912 345-67-89;");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = NULL;

  for (guint i = 0; i < 10 * 1024 * 1024 / 8; i++)
    g_string_append (text, "заметка ");  /* 8 letters, 15 bytes */
  g_string_append (text, "\r\n");
  g_assert_cmpuint (text->len, >, 10 * 1024 * 1024);
  bytes = g_bytes_new (text->str, text->len);

  table = rg_csv_read (bytes, NULL, 0, &error);
  g_assert_null (table);
  g_assert_error (error, RG_IO_ERROR, RG_IO_ERROR_LINE_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

#define N_BIG 100000
#define BAD_EVERY 997

/* 100,000 rows, every 997th bad in turn: no phone (an error), a birthday
 * that never was (a warning: the row comes in without it), a phone "нет"
 * (an error). The plan says exactly that; the import brings the rest. */
static void
test_big_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("ФИО;Телефон;Дата рождения;Примечание\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = NULL;
  g_autoptr(RgClientImport) plan = NULL;
  g_autofree RgImportColumn *columns = NULL;
  RgImportCounts counts = { 0 }, done = { 0 };
  guint n_columns = 0, n_errors = 0, n_warnings = 0;
  gint64 before = count (f, "SELECT count(*) FROM clients");
  GPtrArray *rows;

  for (guint i = 1; i <= N_BIG; i++)
    {
      if (i % BAD_EVERY != 0)
        g_string_append_printf (text, "Клиент %u;+7 950 %07u;12.03.1990;\r\n", i, i);
      else if ((i / BAD_EVERY) % 3 == 0)
        g_string_append_printf (text, "Клиент %u;;12.03.1990;без телефона\r\n", i);
      else if ((i / BAD_EVERY) % 3 == 1)
        g_string_append_printf (text, "Клиент %u;+7 950 %07u;31.02.2020;\r\n", i, i);
      else
        g_string_append_printf (text, "Клиент %u;нет;12.03.1990;\r\n", i);
    }
  bytes = g_bytes_new (text->str, text->len);

  table = rg_csv_read (bytes, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rg_table_get_n_rows (table), ==, N_BIG + 1);
  g_assert_true (rg_import_guess_has_header (table));
  columns = rg_import_guess_columns (table, TRUE, FALSE, NULL, NULL, &n_columns);
  rows = rg_import_map_clients (table, TRUE, columns, n_columns);
  g_assert_true (rg_import_check_rows (rows, NULL));
  plan = rg_client_import_new (f->studio, rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rg_client_import_get_n_rows (plan), ==, N_BIG);

  for (guint i = 1; i <= N_BIG; i++)
    {
      GPtrArray *problems = rg_client_import_get_problems (plan, i - 1);
      RgImportAction action = rg_client_import_get_action (plan, i - 1);

      g_assert_cmpuint (rg_client_import_get_row (plan, i - 1)->line, ==, i + 1);
      if (i % BAD_EVERY != 0)
        {
          if (problems->len != 0 || action != RG_IMPORT_CREATE)
            g_error ("row %u, a good one, has %u problems", i + 1, problems->len);
          continue;
        }
      g_assert_cmpuint (problems->len, ==, 1);
      {
        RgImportProblem *problem = problems->pdata[0];
        /* "нет" is read as saying there is no phone (RG_PHONE_ERROR_NONE). */
        const char *codes[] = { "missing-phone", "bad-birthday", "missing-phone" };
        guint kind = (i / BAD_EVERY) % 3;

        g_assert_cmpstr (problem->code, ==, codes[kind]);
        g_assert_cmpstr (problem->message, !=, "");
        g_assert_cmpint (problem->fatal, ==, kind != 1);
        g_assert_cmpint (action, ==, kind == 1 ? RG_IMPORT_CREATE : RG_IMPORT_ERROR);
        if (kind == 1)
          n_warnings++;
        else
          n_errors++;
      }
    }
  g_assert_cmpuint (n_errors + n_warnings, ==, N_BIG / BAD_EVERY);
  rg_client_import_count (plan, &counts);
  g_assert_cmpuint (counts.rows, ==, N_BIG);
  g_assert_cmpuint (counts.errors, ==, n_errors);
  g_assert_cmpuint (counts.warnings, ==, n_warnings);
  g_assert_cmpuint (counts.duplicates, ==, 0);
  g_assert_cmpuint (counts.created, ==, N_BIG - n_errors);

  g_assert_true (rg_studio_import_clients (f->studio, plan, "big.csv", &done, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done.created, ==, N_BIG - n_errors);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, before + N_BIG - n_errors);
  /* The rows with a bad birthday came in without one. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE birth_month IS NULL"), ==, n_warnings + before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bad-inputs/corpus", Fixture, NULL, fixture_set_up, test_corpus, fixture_tear_down);
  g_test_add_func ("/bad-inputs/long-line", test_long_line);
  g_test_add ("/bad-inputs/big-file", Fixture, NULL, fixture_set_up, test_big_file, fixture_tear_down);

  return g_test_run ();
}
