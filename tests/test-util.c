/* test-util.c — what several tests need: a demo studio in a folder of its
 * own, opening a studio, one value from SQL, and removing a folder.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gstdio.h>

#include "demo/rg-generator.h"
#include "test-util.h"

/* The demo studio as `regulars --demo` makes it, in @language ("ru",
 * "en"), for a fixed @now, in a new temporary folder, but without staff
 * profiles; returns the database's path. */
char *
test_make_demo (const char *name,
                const char *language,
                gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("regulars-%s-XXXXXX", name);
  g_autofree char *dir = g_dir_make_tmp (template, &error);
  char *path;
  RgGeneratorOptions options;

  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.db", NULL);
  rg_generator_options_init_demo (&options, language, now);
  /* The tests act as the studio's owner, with no profiles to sign in to;
   * the generator's own test and the command line's try the profiles. */
  options.profiles = FALSE;
  g_assert_true (rg_generator_write_file (path, &options, NULL, &error));
  g_assert_no_error (error);

  return path;
}

void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

/* Removes the folder test_make_demo() made, with the database's side files. */
void
test_remove_demo (const char *demo_path)
{
  g_autofree char *dir = g_path_get_dirname (demo_path);

  test_remove_tree (dir);
}

/* A studio on the database at @path; the open must succeed. */
RgStudio *
test_open_studio (const char       *path,
                  RgStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (path, flags, &error);

  g_assert_no_error (error);
  return rg_studio_new (store);
}

/* The first row of @sql, which must have one; @arg is bound to ?1 when
 * the statement has a parameter. */
static RgStmt *
first_row (RgStore    *store,
           const char *sql,
           gint64      arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, &error);
  gboolean row = FALSE;

  g_assert_no_error (error);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  g_assert_true (rg_store_step_row (store, stmt, &row, &error));
  g_assert_no_error (error);
  g_assert_true (row);
  return g_steal_pointer (&stmt);
}

/* The integer in the first column of the first row of @sql. */
gint64
test_sql_int (RgStore    *store,
              const char *sql,
              gint64      arg)
{
  g_autoptr(RgStmt) stmt = first_row (store, sql, arg);

  return sqlite3_column_int64 (stmt, 0);
}

/* The text in the first column of the first row of @sql; NULL for NULL. */
char *
test_sql_text (RgStore    *store,
               const char *sql,
               gint64      arg)
{
  g_autoptr(RgStmt) stmt = first_row (store, sql, arg);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

void
test_sql_run (RgStore    *store,
              const char *sql,
              const char *types,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, &error);
  va_list args;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_bind_parameter_count (stmt), ==, (int) strlen (types));
  va_start (args, types);
  for (int i = 0; types[i]; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else
        {
          const char *text = va_arg (args, const char *);

          g_assert_cmpint (types[i], ==, 't');
          if (text == NULL)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
        }
    }
  va_end (args);
  g_assert_true (rg_store_step_done (store, stmt, &error));
  g_assert_no_error (error);
}

/* A client saved in @studio, or the test fails. */
RgClient *
test_add_client (RgStudio   *studio,
                 const char *name,
                 const char *phone)
{
  g_autoptr(GError) error = NULL;
  RgClient *client = rg_client_new (name, phone);

  g_assert_true (rg_studio_save (studio, client, &error));
  g_assert_no_error (error);
  return client;
}
