/* test-cli-roles.c — `regulars --report`, `--export` and `--import` on a
 * studio with staff profiles, as a script runs them: the real binary,
 * without a terminal. No PIN refuses and names --pin-file; a wrong PIN
 * refuses and is in the audit log; the director's works; an
 * administrator's (--as) is refused an export; a studio without profiles
 * needs nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "test-util.h"

#include "demo/rg-generator.h"
#include "io/rg-export.h"
#include "io/rg-sign-in-command.h"
#include "model/rg-audit.h"
#include "model/rg-import.h"
#include "model/rg-roles.h"
#include "report/rg-report.h"

/* 2026-11-24 12:00 UTC */
#define NOW G_GINT64_CONSTANT (1795521600)

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gboolean profiles = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  RgGeneratorOptions options;

  f->dir = g_dir_make_tmp ("regulars-cli-roles-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "studio.db", NULL);
  rg_generator_options_init_demo (&options, "en", NOW);
  options.n_clients = 200;
  options.n_staff = 3;
  options.years = 1;
  options.future_days = 7;
  options.profiles = profiles;
  g_assert_true (rg_generator_write_file (f->db, &options, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Runs regulars with @args (NULL-terminated) after --database, stdin from
 * /dev/null; the exit status, and what it printed. */
static int
run (Fixture     *f,
     char       **out,
     char       **err,
     const char  *first,
     ...)
{
  const char *binary = g_getenv ("RG_REGULARS");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, f->db);
  va_start (args, first);
  for (arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (f->dir, (char **) argv->pdata, NULL, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
pin_file (Fixture    *f,
          const char *name,
          const char *pin,
          int         mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (pin, "\n", NULL);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

/* The audit log's newest row: its action, what, staff (0: none), detail. */
typedef struct {
  char   *action;
  char   *what;
  gint64  staff_id;
  char   *detail;
  guint   n;
} Last;

static void
last_clear (Last *last)
{
  g_clear_pointer (&last->action, g_free);
  g_clear_pointer (&last->what, g_free);
  g_clear_pointer (&last->detail, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Last, last_clear)

static void
read_last (Fixture *f,
           Last    *last)
{
  g_autoptr(RgStudio) studio = test_open_studio (f->db, RG_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rg_studio_list_audit (studio, 0, &error);
  const RgAuditEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  entry = rows->pdata[0];
  last->action = g_strdup (entry->action);
  last->what = g_strdup (entry->what);
  last->staff_id = entry->staff_id;
  last->detail = g_strdup (entry->detail);
  last->n = rows->len;
}

static gint64
staff_id (Fixture    *f,
          const char *role)
{
  g_autoptr(RgStudio) studio = test_open_studio (f->db, RG_STORE_OPEN_DEFAULT);

  return test_sql_int (rg_studio_get_store (studio),
                       "SELECT staff_id FROM profiles WHERE role = 'director' AND ?1 = 0"
                       " UNION ALL SELECT staff_id FROM profiles WHERE role = 'administrator' AND ?1 = 1",
                       g_str_equal (role, "administrator"));
}

static char *
staff_name (Fixture *f,
            gint64   id)
{
  g_autoptr(RgStudio) studio = test_open_studio (f->db, RG_STORE_OPEN_DEFAULT);

  return test_sql_text (rg_studio_get_store (studio), "SELECT display_name FROM staff WHERE id = ?1", id);
}

/* No PIN and no terminal: refused, the message names --pin-file, and the
 * attempt is in the log. Then the director's PIN works and the report is
 * in the log with its period; a wrong one is refused and written. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *good = pin_file (f, "director.pin", RG_GENERATOR_DIRECTOR_PIN, 0600);
  g_autofree char *wrong = pin_file (f, "wrong.pin", "9999", 0600);
  g_autofree char *open = pin_file (f, "open.pin", RG_GENERATOR_DIRECTOR_PIN, 0644);
  gint64 director = staff_id (f, "director");
  g_auto(Last) last = { 0 };

  g_assert_cmpint (run (f, &out, &err, "--report", "money", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "--pin-file"));
  read_last (f, &last);
  g_assert_cmpstr (last.action, ==, RG_AUDIT_REFUSED);
  g_assert_cmpint (last.staff_id, ==, 0);
  last_clear (&last);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A PIN file others can read is not used. */
  g_assert_cmpint (run (f, &out, &err, "--report", "money", "--pin-file", open, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "chmod 600"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (f, &out, &err, "--report", "money", "--from", "2026-11-01", "--to", "2026-11-20",
                        "--pin-file", good, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Revenue"));
  read_last (f, &last);
  g_assert_cmpstr (last.action, ==, RG_AUDIT_REPORT);
  g_assert_cmpstr (last.what, ==, "money");
  g_assert_cmpstr (last.detail, ==, "2026-11-01..2026-11-20");
  g_assert_cmpint (last.staff_id, ==, director);
  last_clear (&last);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --json prints its errors as before: a line on stderr, status 1. */
  g_assert_cmpint (run (f, &out, &err, "--report", "money", "--json", "--pin-file", wrong, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Wrong PIN"));
  read_last (f, &last);
  g_assert_cmpstr (last.action, ==, RG_AUDIT_PIN_FAILED);
  g_assert_cmpint (last.staff_id, ==, director);
}

/* The administrator signs in with --as and their PIN, and is refused an
 * export: nothing written, the refusal in the log under their name. */
static void
test_administrator_export (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *pin = pin_file (f, "admin.pin", RG_GENERATOR_ADMINISTRATOR_PIN, 0600);
  g_autofree char *csv = g_build_filename (f->dir, "clients.csv", NULL);
  gint64 admin = staff_id (f, "administrator");
  g_autofree char *name = staff_name (f, admin);
  g_autofree char *part = g_utf8_strdown (name, -1);   /* the name, in any case */
  g_auto(Last) last = { 0 };

  g_assert_cmpint (run (f, &out, &err, "--export", "clients", csv, "--as", part, "--pin-file", pin, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not allowed"));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  read_last (f, &last);
  g_assert_cmpstr (last.action, ==, RG_AUDIT_REFUSED);
  g_assert_cmpint (last.staff_id, ==, admin);
  last_clear (&last);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Their own pay they may see; everyone's not. */
  g_assert_cmpint (run (f, &out, &err, "--report", "payroll", "--as", part, "--pin-file", pin, NULL), ==, 0);
  read_last (f, &last);
  g_assert_cmpstr (last.action, ==, RG_AUDIT_REPORT);
  g_assert_nonnull (strstr (last.detail, name));
  last_clear (&last);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, &out, &err, "--report", "money", "--as", part, "--pin-file", pin, NULL), ==, 1);
  read_last (f, &last);
  g_assert_cmpstr (last.action, ==, RG_AUDIT_REFUSED);
  last_clear (&last);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --as naming nobody is refused with the profiles' names. */
  g_assert_cmpint (run (f, &out, &err, "--export", "clients", csv, "--as", "Nobody Of That Name",
                        "--pin-file", pin, NULL), ==, 1);
  g_assert_nonnull (strstr (err, name));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

/* The director's import: signed in, it works; without, refused before
 * the file is read. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *pin = pin_file (f, "director.pin", RG_GENERATOR_DIRECTOR_PIN, 0600);
  g_autofree char *csv = g_build_filename (f->dir, "new.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (csv, "Name;Phone\nOlga Newcome;+44 7700 900123\n", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run (f, &out, &err, "--import", "clients", csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--pin-file"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, &out, &err, "--import", "clients", csv, "--pin-file", pin, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Created: 1"));
}

/* A studio without profiles works as before: nothing asked. */
static void
test_no_profiles (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "clients.csv", NULL);
  g_auto(Last) last = { 0 };

  g_assert_cmpint (run (f, &out, &err, "--report", "money", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Revenue"));
  read_last (f, &last);
  g_assert_cmpstr (last.action, ==, RG_AUDIT_REPORT);
  g_assert_cmpint (last.staff_id, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, &out, &err, "--export", "clients", csv, NULL), ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));
}

/* --pin-file and --as go with the three commands only. */
static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (f, &out, &err, "--as", "Anna", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--pin-file and --as go with"));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GError **error = data;

  g_assert_cmpint (rg_export_finish (RG_STUDIO (source), result, error), ==, -1);
}

/* The same checks below the command line, as the window's dialogs meet
 * them: an administrator is refused exports (also in a thread), the
 * import's plan and every report but their own pay, which is forced to
 * theirs; the director is refused nothing. */
static void
test_below_the_ui (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RgStudio) studio = test_open_studio (f->db, RG_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "clients.csv", NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_client_import_row_free);
  g_autofree char *mine = NULL;
  g_autofree char *everyone = NULL;
  g_autofree char *name = NULL;
  gint64 admin = staff_id (f, "administrator");
  gint64 director = staff_id (f, "director");
  RgReportOptions options = { .from = "2026-11-01", .to = "2026-11-20" };
  RgExportPeriod period = { .from = { 2026, 11, 1 }, .to = { 2026, 11, 30 } };
  GError *async_error = NULL;
  gint64 refusals;

  g_assert_true (rg_studio_sign_in_trusted (studio, admin, &error));
  g_assert_no_error (error);
  refusals = test_sql_int (rg_studio_get_store (studio), "SELECT count(*) FROM audit_log WHERE action = 'refused' AND ?1 = ?1", 0);

  g_assert_cmpint (rg_export_clients (studio, csv, RG_EXPORT_CSV, &error), ==, -1);
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (rg_export_payroll (studio, csv, RG_EXPORT_CSV, &period, &error), ==, -1);
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&error);
  rg_export_clients_async (studio, csv, RG_EXPORT_CSV, NULL, exported_cb, &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&async_error);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  g_ptr_array_add (rows, rg_client_import_row_new (2));
  g_assert_null (rg_client_import_new (studio, rows, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_null (rg_report_run_studio (studio, "money", &options, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&error);
  /* Someone else's pay is refused; their own is theirs without asking. */
  name = staff_name (f, director);
  options.staff = name;
  g_assert_null (rg_report_run_studio (studio, "payroll", &options, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&error);
  options.staff = NULL;
  options.json = TRUE;
  mine = rg_report_run_studio (studio, "payroll", &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mine);

  /* Each refusal is in the log. */
  g_assert_cmpint (test_sql_int (rg_studio_get_store (studio), "SELECT count(*) FROM audit_log WHERE action = 'refused' AND ?1 = ?1", 0),
                   ==, refusals + 6);

  rg_studio_sign_out (studio);
  g_assert_true (rg_studio_sign_in_trusted (studio, director, &error));
  everyone = rg_report_run_studio (studio, "payroll", &options, &error);
  g_assert_no_error (error);
  /* The director's payroll has every master's lines; the administrator's
   * only theirs (none: they sell nothing). */
  g_assert_cmpuint (strlen (everyone), >, strlen (mine));
  g_assert_cmpint (rg_export_clients (studio, csv, RG_EXPORT_CSV, &error), >, 0);
  g_assert_no_error (error);
}

/* The PIN file's first line, and what is refused. */
static void
test_read_pin_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-pin-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "pin", NULL);
  g_autofree char *pin = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "  123456\r\nsomething else\n", -1, &error));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  pin = rg_sign_in_read_pin_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pin, ==, "123456");
  g_clear_pointer (&pin, g_free);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_null (rg_sign_in_read_pin_file (path, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "12a4\n", -1, &error));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_null (rg_sign_in_read_pin_file (path, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (rg_sign_in_read_pin_file ("/nonexistent/pin", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-roles/report", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/cli-roles/administrator-export", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_administrator_export, fixture_tear_down);
  g_test_add ("/cli-roles/import", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/cli-roles/no-profiles", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_no_profiles,
              fixture_tear_down);
  g_test_add ("/cli-roles/options", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_options,
              fixture_tear_down);
  g_test_add ("/cli-roles/below-the-ui", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_below_the_ui,
              fixture_tear_down);
  g_test_add_func ("/cli-roles/read-pin-file", test_read_pin_file);
  return g_test_run ();
}
