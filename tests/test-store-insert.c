/* test-store-insert.c — rows in bulk through the store's inserter: values by
 * column name, the columns the schema has, defaults for the rest, batches,
 * and clear errors for what the table does not have.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"

#include <string.h>

#include "store/rg-store-insert.h"

typedef struct {
  char    *dir;
  RgStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("regulars-insert-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
set_service (RgStoreInsert *ins,
             guint          i)
{
  g_autofree char *name = g_strdup_printf ("Service %u", i);

  /* Every other row in another order: the names decide, not the order. */
  if (i % 2 == 0)
    {
      rg_store_insert_int (ins, "id", 1000 + i);
      rg_store_insert_text (ins, "name", name);
      rg_store_insert_int (ins, "duration_minutes", 30 + i);
      if (i % 3 == 0)
        rg_store_insert_null (ins, "repeat_days");
      else
        rg_store_insert_int (ins, "repeat_days", 1 + i);
      rg_store_insert_int (ins, "created_at", 100 + i);
      rg_store_insert_int (ins, "updated_at", 200 + i);
    }
  else
    {
      rg_store_insert_int (ins, "updated_at", 200 + i);
      rg_store_insert_int (ins, "created_at", 100 + i);
      if (i % 3 == 0)
        rg_store_insert_text_static (ins, "repeat_days", NULL);
      else
        rg_store_insert_int (ins, "repeat_days", 1 + i);
      rg_store_insert_int (ins, "duration_minutes", 30 + i);
      rg_store_insert_text (ins, "NAME", name);
      rg_store_insert_int (ins, "id", 1000 + i);
    }
}

static void
check_services (RgStore *store,
                guint    n)
{
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM services WHERE ?1", 1), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Service %u", i);
      g_autofree char *got = test_sql_text (store, "SELECT name FROM services WHERE id = ?1", 1000 + i);

      g_assert_cmpstr (got, ==, name);
      g_assert_cmpint (test_sql_int (store, "SELECT duration_minutes FROM services WHERE id = ?1", 1000 + i),
                       ==, 30 + i);
      g_assert_cmpint (test_sql_int (store, "SELECT ifnull (repeat_days, -1) FROM services WHERE id = ?1",
                                     1000 + i), ==, i % 3 == 0 ? -1 : (int) (1 + i));
      g_assert_cmpint (test_sql_int (store, "SELECT created_at FROM services WHERE id = ?1", 1000 + i),
                       ==, 100 + i);
      g_assert_cmpint (test_sql_int (store, "SELECT updated_at FROM services WHERE id = ?1", 1000 + i),
                       ==, 200 + i);
    }
  /* The columns no row set keep the schema's defaults. */
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM services WHERE category = '' AND price = 0"
                                 " AND position = 0 AND archived = 0 AND ?1", 1), ==, n);
}

/* 150 rows of six columns: two batches of 64 and 22 rows one by one; and
 * rows whose number is not known in advance. */
static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  guint64 promised = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStoreInsert) ins = NULL;

  g_assert_true (rg_store_begin (f->store, &error));
  ins = rg_store_insert_new (f->store, "services", promised, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 150; i++)
    {
      set_service (ins, i);
      g_assert_true (rg_store_insert_row (ins, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rg_store_insert_finish (ins, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ins, rg_store_insert_free);
  g_assert_true (rg_store_commit (f->store, &error));
  g_assert_no_error (error);

  check_services (f->store, 150);
}

static void
test_unknown_table (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgStoreInsert *ins = rg_store_insert_new (f->store, "servicez", 3, &error);

  g_assert_null (ins);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“servicez”"));
}

/* A value for a column the table does not have fails the row, with the
 * table and the column named, and nothing is written. */
static void
test_unknown_column (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStoreInsert) ins = NULL;

  g_assert_true (rg_store_begin (f->store, &error));
  ins = rg_store_insert_new (f->store, "services", 0, &error);
  g_assert_no_error (error);

  set_service (ins, 0);
  g_assert_true (rg_store_insert_row (ins, &error));
  set_service (ins, 1);
  rg_store_insert_int (ins, "duration", 45);
  g_assert_false (rg_store_insert_row (ins, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“services”"));
  g_assert_nonnull (strstr (error->message, "“duration”"));
  g_clear_error (&error);

  /* Whatever comes after fails too. */
  set_service (ins, 2);
  g_assert_false (rg_store_insert_row (ins, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_store_insert_finish (ins, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);

  rg_store_rollback (f->store);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM services WHERE ?1", 1), ==, 0);
}

typedef enum {
  MISTAKE_FIRST_UNKNOWN,
  MISTAKE_TWICE,
  MISTAKE_MISSING,
  MISTAKE_EXTRA,
  MISTAKE_FEWER_ROWS,
  MISTAKE_UNENDED,
} Mistake;

/* Every row sets the columns of the first, once each; the rows promised
 * all come. */
static void
test_mistakes (Fixture       *f,
               gconstpointer  data)
{
  Mistake mistake = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStoreInsert) ins = NULL;
  const char *column = NULL;
  gboolean ok;

  g_assert_true (rg_store_begin (f->store, &error));
  ins = rg_store_insert_new (f->store, "services", 130, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 100; i++)
    {
      set_service (ins, i);
      if (i == 0 && mistake == MISTAKE_FIRST_UNKNOWN)
        rg_store_insert_int (ins, column = "cost", 1);
      if (i == 70 && mistake == MISTAKE_TWICE)
        rg_store_insert_int (ins, column = "created_at", 1);
      if (i == 70 && mistake == MISTAKE_EXTRA)
        rg_store_insert_int (ins, column = "price", 1);
      if (i == 70 && mistake == MISTAKE_MISSING)
        {
          /* A row that stops short. */
          g_assert_true (rg_store_insert_row (ins, &error));
          rg_store_insert_int (ins, "id", 5000);
          rg_store_insert_text (ins, "name", "Short");
          column = "duration_minutes";
        }
      ok = rg_store_insert_row (ins, &error);
      if (column)
        {
          g_assert_false (ok);
          g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, column));
          rg_store_rollback (f->store);
          return;
        }
      g_assert_true (ok);
      g_assert_no_error (error);
    }

  if (mistake == MISTAKE_UNENDED)
    for (guint i = 100; i < 130; i++)
      {
        set_service (ins, i);
        if (i < 129)
          g_assert_true (rg_store_insert_row (ins, &error));
      }

  g_assert_false (rg_store_insert_finish (ins, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“services”"));
  rg_store_rollback (f->store);
}

/* A row the schema refuses fails with the store's own error. */
static void
test_constraint (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStoreInsert) ins = NULL;

  g_assert_true (rg_store_begin (f->store, &error));
  ins = rg_store_insert_new (f->store, "services", 0, &error);
  g_assert_no_error (error);
  set_service (ins, 0);
  g_assert_true (rg_store_insert_row (ins, &error));
  set_service (ins, 0);
  g_assert_false (rg_store_insert_row (ins, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT);
  rg_store_rollback (f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, GINT_TO_POINTER (data), fixture_set_up, func, fixture_tear_down)

  ADD ("/store-insert/rows/in-batches", test_rows, 150);
  ADD ("/store-insert/rows/one-by-one", test_rows, 0);
  ADD ("/store-insert/rows/more-than-promised", test_rows, 70);
  ADD ("/store-insert/unknown-table", test_unknown_table, 0);
  ADD ("/store-insert/unknown-column", test_unknown_column, 0);
  ADD ("/store-insert/mistakes/unknown-in-first-row", test_mistakes, MISTAKE_FIRST_UNKNOWN);
  ADD ("/store-insert/mistakes/set-twice", test_mistakes, MISTAKE_TWICE);
  ADD ("/store-insert/mistakes/column-missing", test_mistakes, MISTAKE_MISSING);
  ADD ("/store-insert/mistakes/column-extra", test_mistakes, MISTAKE_EXTRA);
  ADD ("/store-insert/mistakes/fewer-rows", test_mistakes, MISTAKE_FEWER_ROWS);
  ADD ("/store-insert/mistakes/row-not-ended", test_mistakes, MISTAKE_UNENDED);
  ADD ("/store-insert/constraint", test_constraint, 0);

  return g_test_run ();
}
