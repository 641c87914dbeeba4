/* rg-store-insert.c — many new rows written straight into one table, each
 * value set by its column's name.
 *
 * For rows in bulk that are not the app's edits: the demo and
 * reference-scale generator. Every write the app makes is a model command,
 * which checks, writes in its own transaction and says what changed; the
 * generator does not go through them: a hundred thousand clients and a
 * million visits, one command and one transaction each, would take many
 * times longer than the minutes a reference studio takes now, and the
 * commands give a row its key and its times from the clock, where the
 * generator's keys come from its seed and its times from a simulated
 * history (the same seed must give the same database, byte for byte).
 *
 * What the generator must not have is a second copy of the schema, so it
 * writes through this inserter, which takes the table from the database
 * the migrations made:
 *
 * - the table's columns are read with PRAGMA table_info when the inserter
 *   is made; a value names its column, and a name the table does not have
 *   is an error, which the next rg_store_insert_row() reports;
 * - the columns the first row sets are the columns of the INSERT (the
 *   first row is held until the statement is prepared), listed in the
 *   schema's order; every later row must set the same ones; the columns no
 *   row sets take their defaults;
 * - when the number of rows to come is known, they go in with multi-row
 *   INSERTs: fewer statements to run, and the full-text index behind the
 *   clients table syncs once per statement rather than once per client.
 *
 * The caller opens and commits the transaction. A column's name is matched
 * quickly when rows set their values in the same order as the first row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-store"

#include "config.h"

#include <string.h>

#include "rg-store-insert.h"

#define BATCH_PARAMETERS 960
#define BATCH_ROWS       64
#define MAX_COLUMNS      64   /* the columns a row has set are bits of a guint64 */

typedef struct {
  int     type;               /* SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT */
  gint64  number;
  char   *text;
} Value;

struct _RgStoreInsert
{
  RgStore  *store;
  char     *table;
  GStrv     columns;          /* the table's, in the schema's order */
  guint     n_columns;

  Value    *first;            /* the first row by column, until the statements exist */
  guint64   row_set;          /* the columns every row sets: the first row's */
  guint64   set;              /* the columns this row has set so far */
  guint     order[MAX_COLUMNS]; /* the columns in the order the first row set them */
  const char *names[MAX_COLUMNS]; /* and the names it gave: addresses, never read */
  guint     n_order;
  guint     n_set;            /* values this row has set so far */
  int       param[MAX_COLUMNS]; /* by column: its place among a row's parameters */
  guint     n_params;         /* columns in a row */

  RgStmt   *many;             /* per_batch rows */
  RgStmt   *one;
  RgStmt   *stmt;             /* of the current row */
  guint     per_batch;
  guint64   n_rows;           /* rows to come; 0: not known, one at a time */
  guint64   done;
  int       offset;           /* parameter index of the current row's first column */

  GError   *error;            /* the first mistake, reported by the next row */
  gboolean  broken;           /* a row failed: so does everything after it */
};

static void
clear_first (RgStoreInsert *self)
{
  if (self->first == NULL)
    return;
  for (guint c = 0; c < self->n_columns; c++)
    g_free (self->first[c].text);
  g_clear_pointer (&self->first, g_free);
}

/* Rows of a batch not yet full are dropped: rg_store_insert_finish() says
 * whether every row promised came. */
void
rg_store_insert_free (RgStoreInsert *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->many, rg_stmt_release);
  g_clear_pointer (&self->one, rg_stmt_release);
  clear_first (self);
  g_clear_error (&self->error);
  g_strfreev (self->columns);
  g_free (self->table);
  g_object_unref (self->store);
  g_free (self);
}

/* Inserts rows into @table of @store, @n_rows of them (0: a number not
 * known in advance). Fails when the database has no such table. */
RgStoreInsert *
rg_store_insert_new (RgStore     *store,
                     const char  *table,
                     guint64      n_rows,
                     GError     **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  RgStoreInsert *self;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rg_store_prepare (store, "SELECT name FROM pragma_table_info (?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);

  columns = g_ptr_array_new_with_free_func (g_free);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!ok)
    return NULL;

  if (columns->len == 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "The database has no table “%s” to insert rows into.", table);
      return NULL;
    }
  if (columns->len > MAX_COLUMNS)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "The table “%s” has %u columns; rows are inserted into tables of at most %u.",
                   table, columns->len, MAX_COLUMNS);
      return NULL;
    }

  self = g_new0 (RgStoreInsert, 1);
  self->store = g_object_ref (store);
  self->table = g_strdup (table);
  self->n_columns = columns->len;
  g_ptr_array_add (columns, NULL);
  self->columns = (GStrv) g_ptr_array_free (g_steal_pointer (&columns), FALSE);
  self->first = g_new0 (Value, self->n_columns);
  self->n_rows = n_rows;

  return self;
}

/* Setting values ---------------------------------------------------------- */

static int
find_column (RgStoreInsert *self,
             const char    *column)
{
  /* Rows mostly set their values in the first row's order, with the same
   * string literals. */
  if (self->n_set < self->n_order &&
      (self->names[self->n_set] == column || strcmp (self->columns[self->order[self->n_set]], column) == 0))
    return (int) self->order[self->n_set];

  for (guint c = 0; c < self->n_columns; c++)
    if (g_ascii_strcasecmp (self->columns[c], column) == 0)
      return (int) c;

  return -1;
}

/* The column @column names, after checking that this row may set it; -1
 * when it may not (self->error says why). */
static int
begin_value (RgStoreInsert *self,
             const char    *column)
{
  guint64 bit;
  int c;

  if (self->error)
    return -1;

  c = find_column (self, column);
  if (c < 0)
    {
      g_set_error (&self->error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "The table “%s” has no column “%s”.", self->table, column);
      return -1;
    }

  bit = G_GUINT64_CONSTANT (1) << c;
  if (self->set & bit)
    {
      g_set_error (&self->error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "A row of “%s” sets “%s” twice.", self->table, self->columns[c]);
      return -1;
    }
  if (self->first == NULL && !(self->row_set & bit))
    {
      g_set_error (&self->error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "A row of “%s” sets “%s”, which the first row did not set: "
                   "every row sets the same columns.", self->table, self->columns[c]);
      return -1;
    }

  if (self->first)
    {
      self->order[self->n_order] = (guint) c;
      self->names[self->n_order++] = column;
    }
  self->set |= bit;
  self->n_set++;

  return c;
}

void
rg_store_insert_int (RgStoreInsert *self,
                     const char    *column,
                     gint64         value)
{
  int c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column != NULL);

  if ((c = begin_value (self, column)) < 0)
    return;

  if (self->first)
    {
      self->first[c].type = SQLITE_INTEGER;
      self->first[c].number = value;
    }
  else
    sqlite3_bind_int64 (self->stmt, self->offset + self->param[c], value);
}

static void
set_text (RgStoreInsert           *self,
          const char              *column,
          const char              *text,
          sqlite3_destructor_type  destructor)
{
  int c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column != NULL);

  if ((c = begin_value (self, column)) < 0)
    return;

  if (self->first)
    {
      self->first[c].type = text ? SQLITE_TEXT : SQLITE_NULL;
      self->first[c].text = g_strdup (text);
    }
  else if (text)
    sqlite3_bind_text (self->stmt, self->offset + self->param[c], text, -1, destructor);
  else
    sqlite3_bind_null (self->stmt, self->offset + self->param[c]);
}

/* @text is copied; NULL sets NULL. */
void
rg_store_insert_text (RgStoreInsert *self,
                      const char    *column,
                      const char    *text)
{
  set_text (self, column, text, SQLITE_TRANSIENT);
}

/* For @text that outlives the inserter (not copied); NULL sets NULL. */
void
rg_store_insert_text_static (RgStoreInsert *self,
                             const char    *column,
                             const char    *text)
{
  set_text (self, column, text, SQLITE_STATIC);
}

void
rg_store_insert_null (RgStoreInsert *self,
                      const char    *column)
{
  set_text (self, column, NULL, SQLITE_STATIC);
}

/* Rows -------------------------------------------------------------------- */

static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

static char *
insert_sql (RgStoreInsert *self,
            guint          n_rows)
{
  GString *sql = g_string_new ("INSERT INTO ");
  gboolean comma = FALSE;

  append_identifier (sql, self->table);
  g_string_append (sql, " (");
  for (guint c = 0; c < self->n_columns; c++)
    if (self->row_set & (G_GUINT64_CONSTANT (1) << c))
      {
        if (comma)
          g_string_append (sql, ", ");
        append_identifier (sql, self->columns[c]);
        comma = TRUE;
      }
  g_string_append (sql, ") VALUES ");

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r ? ", (?" : "(?");
      for (guint p = 1; p < self->n_params; p++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }

  return g_string_free (sql, FALSE);
}

/* Where the next row's values go. */
static void
next_row (RgStoreInsert *self)
{
  guint64 in_batches = self->n_rows - self->n_rows % self->per_batch;

  if (self->many && self->done < in_batches)
    {
      self->stmt = self->many;
      self->offset = (int) (self->done % self->per_batch * self->n_params) + 1;
    }
  else
    {
      self->stmt = self->one;
      self->offset = 1;
    }
}

/* At the end of the first row: the statements for the columns it set, and
 * its values bound. */
static gboolean
prepare (RgStoreInsert  *self,
         GError        **error)
{
  g_autofree char *one = NULL;

  if (self->set == 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "A row of “%s” sets no column.", self->table);
      return FALSE;
    }

  self->row_set = self->set;
  self->n_params = 0;
  for (guint c = 0; c < self->n_columns; c++)
    self->param[c] = self->row_set & (G_GUINT64_CONSTANT (1) << c) ? (int) self->n_params++ : -1;
  self->per_batch = CLAMP (BATCH_PARAMETERS / self->n_params, 1, BATCH_ROWS);

  if (self->n_rows >= self->per_batch)
    {
      g_autofree char *many = insert_sql (self, self->per_batch);

      self->many = rg_store_prepare (self->store, many, error);
      if (self->many == NULL)
        return FALSE;
    }

  one = insert_sql (self, 1);
  self->one = rg_store_prepare (self->store, one, error);
  if (self->one == NULL)
    return FALSE;

  next_row (self);
  for (guint c = 0; c < self->n_columns; c++)
    {
      const Value *v = &self->first[c];
      int index = self->offset + self->param[c];

      if (self->param[c] < 0)
        continue;
      if (v->type == SQLITE_INTEGER)
        sqlite3_bind_int64 (self->stmt, index, v->number);
      else if (v->type == SQLITE_TEXT)
        sqlite3_bind_text (self->stmt, index, v->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (self->stmt, index);
    }
  clear_first (self);

  return TRUE;
}

/* FALSE, with the mistake a value made, or after a row that failed. */
static gboolean
check (RgStoreInsert  *self,
       GError        **error)
{
  if (self->error)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      self->broken = TRUE;
      return FALSE;
    }

  if (self->broken)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "An earlier row of “%s” could not be inserted.", self->table);
      return FALSE;
    }

  return TRUE;
}

/* Ends a row: it is written now, or with the rest of its batch. */
gboolean
rg_store_insert_row (RgStoreInsert  *self,
                     GError        **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check (self, error))
    return FALSE;

  if (self->first)
    {
      if (!prepare (self, error))
        {
          self->broken = TRUE;
          return FALSE;
        }
    }
  else if (self->set != self->row_set)
    {
      guint c = 0;

      while (!(self->row_set & ~self->set & (G_GUINT64_CONSTANT (1) << c)))
        c++;
      g_set_error (&self->error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "A row of “%s” leaves “%s” unset, which the first row set: "
                   "every row sets the same columns.", self->table, self->columns[c]);
      return check (self, error);
    }

  self->done++;
  if (self->stmt == self->one || self->done % self->per_batch == 0)
    {
      ok = rg_store_step_done (self->store, self->stmt, error);
      sqlite3_reset (self->stmt);
    }

  self->set = 0;
  self->n_set = 0;
  next_row (self);

  self->broken = !ok;
  return ok;
}

/* Checks that every row promised came and was written. */
gboolean
rg_store_insert_finish (RgStoreInsert  *self,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check (self, error))
    return FALSE;

  if (self->set != 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "The last row of “%s” was begun and never ended.", self->table);
      return FALSE;
    }

  if (self->done < self->n_rows)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "Only %" G_GUINT64_FORMAT " of the %" G_GUINT64_FORMAT " rows promised for “%s” came.",
                   self->done, self->n_rows, self->table);
      return FALSE;
    }

  return TRUE;
}
