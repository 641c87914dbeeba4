/* rg-table.c — a table of text cells read from a file.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-io"

#include "config.h"

#include "rg-table.h"

struct _RgTable
{
  gatomicrefcount  ref_count;
  GPtrArray       *rows;       /* of GStrv */
  GArray          *lines;      /* of guint, one per row */
  GArray          *lengths;    /* of guint, one per row: its cells */
  guint            n_columns;
  char            *encoding;
  char             separator;
};

G_DEFINE_QUARK (rg-io-error-quark, rg_io_error)

G_DEFINE_BOXED_TYPE (RgTable, rg_table, rg_table_ref, rg_table_unref)

RgTable *
rg_table_new (void)
{
  RgTable *self = g_new0 (RgTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  self->encoding = g_strdup (RG_IO_ENCODING_UTF8);
  self->separator = ',';
  return self;
}

RgTable *
rg_table_ref (RgTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rg_table_unref (RgTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->rows);
  g_array_unref (self->lines);
  g_array_unref (self->lengths);
  g_free (self->encoding);
  g_free (self);
}

void
rg_table_append_row (RgTable *self,
                     guint    line,
                     GStrv    cells)
{
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cells != NULL);

  n = g_strv_length (cells);
  self->n_columns = MAX (self->n_columns, n);
  g_ptr_array_add (self->rows, cells);
  g_array_append_val (self->lines, line);
  g_array_append_val (self->lengths, n);
}

guint
rg_table_get_n_rows (RgTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
rg_table_get_n_columns (RgTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

const char * const *
rg_table_get_row (RgTable *self,
                  guint    row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, row);
}

guint
rg_table_get_row_length (RgTable *self,
                         guint    row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->lengths, guint, row);
}

const char *
rg_table_get_cell (RgTable *self,
                   guint    row,
                   guint    column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  if (column >= g_array_index (self->lengths, guint, row))
    return NULL;
  return ((char **) g_ptr_array_index (self->rows, row))[column];
}

guint
rg_table_get_line (RgTable *self,
                   guint    row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->lines->len, 0);

  return g_array_index (self->lines, guint, row);
}

const char *
rg_table_get_encoding (RgTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

void
rg_table_set_encoding (RgTable    *self,
                       const char *encoding)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (encoding != NULL);

  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

char
rg_table_get_separator (RgTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->separator;
}

void
rg_table_set_separator (RgTable *self,
                        char     separator)
{
  g_return_if_fail (self != NULL);

  self->separator = separator;
}
