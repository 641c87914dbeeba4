/* test-util.c — what several tests need: a demo studio in a folder of its
 * own, and removing such a folder.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "io/rg-generator.h"
#include "test-util.h"

/* The demo studio as `regulars --demo` makes it, in @language ("ru",
 * "en"), for a fixed @now, in a new temporary folder; returns the
 * database's path. */
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
