/* fuzz-common.h — what the import fuzz targets share: warnings are crashes,
 * and every table a reader returns is checked and mapped both ways.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

#include "io/rg-import-map.h"
#include "io/rg-table.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A g_warning() or g_critical() (ours, GLib's, EVCard's) aborts, so the
 * fuzzer reports it like a crash and keeps the input (GLib's own fatal
 * warnings stop with SIGTRAP, which libFuzzer does not catch). */
static void
fuzz_log_cb (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        data)
{
  g_printerr ("%s: %s\n", domain ? domain : "", message);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

static inline void
fuzz_init (void)
{
  static gboolean done;

  if (!done)
    {
      g_log_set_default_handler (fuzz_log_cb, NULL);
      done = TRUE;
    }
}

/* A reader either gives a table or a clear error, never both. */
static inline void
fuzz_check_result (RgTable *table,
                   GError  *error)
{
  if (table == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == RG_IO_ERROR);
      g_assert_true (error->message != NULL && *error->message != '\0');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_null (error);
  g_assert_cmpuint (rg_table_get_n_rows (table), >, 0);
  g_assert_nonnull (rg_table_get_encoding (table));
}

static inline void
fuzz_check_table (RgTable *table)
{
  guint n_rows = rg_table_get_n_rows (table);
  guint last_line = 0;
  gboolean has_header;
  const char *custom[] = { "Марка авто", "Телефон", NULL };

  for (guint r = 0; r < n_rows; r++)
    {
      const char * const *row = rg_table_get_row (table, r);
      guint line = rg_table_get_line (table, r);

      g_assert_cmpuint (line, >=, last_line);
      last_line = line;
      g_assert_cmpuint (rg_table_get_row_length (table, r), <=, rg_table_get_n_columns (table));
      for (guint c = 0; row[c]; c++)
        g_assert_true (g_utf8_validate (row[c], -1, NULL));
    }

  has_header = rg_import_guess_has_header (table);
  for (int visits = 0; visits < 2; visits++)
    {
      guint n = 0;
      g_autofree RgImportColumn *columns = rg_import_guess_columns (table, has_header, visits, custom, NULL, &n);
      g_autoptr(GPtrArray) rows = NULL;

      g_assert_cmpuint (n, ==, rg_table_get_n_columns (table));
      for (guint c = 0; c < n; c++)
        g_assert_cmpint (columns[c].field, <, RG_IMPORT_N_FIELDS);
      rows = visits ? rg_import_map_visits (table, has_header, columns, n)
                    : rg_import_map_clients (table, has_header, columns, n);
      g_assert_cmpuint (rows->len, ==, n_rows - (has_header ? 1 : 0));
    }
}
