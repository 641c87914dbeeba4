/* test-store.c — the SQLite store: creating, migrating, refusing files that
 * are not ours, transactions, errors and change notification.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/rg-schema-private.h"
#include "store/rg-store.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("regulars-store-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* Writes a plain SQLite file with the given statements, bypassing RgStore. */
static void
write_raw_sqlite (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "nested", "regulars", NULL);
  g_autofree char *path = g_build_filename (folder, "studio.db", NULL);
  g_autoptr(RgStore) store = NULL;
  GStatBuf st;

  store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (rg_store_get_schema_version (store), ==, rg_store_latest_version ());
  g_assert_cmpint (test_sql_int (store, "PRAGMA user_version", 0), ==, rg_store_latest_version ());
  g_assert_cmpuint ((guint) test_sql_int (store, "PRAGMA application_id", 0), ==, RG_STORE_APPLICATION_ID);
  g_assert_cmpint (test_sql_int (store, "PRAGMA foreign_keys", 0), ==, 1);
  g_assert_cmpint (test_sql_int (store, "PRAGMA synchronous", 0), ==, 2); /* FULL */
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM sqlite_master WHERE name = 'clients_fts'", 0), ==, 1);

  /* Private: the file 0600, the folder Regulars made 0700. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* WAL mode, and its side files are private too. */
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store, "PRAGMA journal_mode", &error);
    gboolean row;
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_true (rg_store_step_row (store, stmt, &row, &error));
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    g_assert_true (rg_store_exec (store, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (1, 'x', 0, 0)", &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* Reopening keeps data and version. */
  g_clear_object (&store);
  store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM tags", 0), ==, 1);
  g_assert_cmpint (rg_store_get_schema_version (store), ==, rg_store_latest_version ());
}

static void
test_no_create (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "missing.db", NULL);
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A file of ours at version 0 (never migrated) is brought up to date. */
static void
test_migrate_from_zero (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(RgStore) store = NULL;

  write_raw_sqlite (path, "PRAGMA application_id = 1380404306;");

  store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (store, "PRAGMA user_version", 0), ==, rg_store_latest_version ());
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM sqlite_master WHERE name = 'appointments'", 0), ==, 1);
}

/* A studio saved in format 1 opens in the latest format with its rows, and
 * the calendar's range queries read only the new index. */
static void
test_migrate_from_1 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v1.db", NULL);
  g_autofree char *v1 = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;
  guint n;
  const RgMigration *migrations = rg_schema_get_migrations (&n);

  g_assert_cmpint (migrations[0].version, ==, 1);
  v1 = g_strconcat (migrations[0].sql, "PRAGMA user_version = 1;"
                    "INSERT INTO staff (id, display_name, created_at, updated_at) VALUES (1, 'Marina', 0, 0);"
                    "INSERT INTO clients (id, address_as, phone, phone_digits, sort_key, created_at, updated_at) "
                    "  VALUES (2, 'Olga', '+7 900 000-00-00', '79000000000', 'olga', 0, 0);"
                    "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, created_at, updated_at) "
                    "  VALUES (3, 2, 1, 1000, 4600, 0, 0);"
                    "INSERT INTO clients (id, address_as, phone, phone_digits, phone2, phone2_digits, sort_key, "
                    "  created_at, updated_at) VALUES (4, 'Anna', '8 (912) 345 67 89', '79123456789', "
                    "  '+44 7700 900123', '447700900123', 'anna', 0, 0);"
                    "INSERT INTO clients (id, address_as, phone, phone_digits, sort_key, created_at, updated_at) "
                    "  VALUES (5, 'Olga', 'call her', '0', 'olga', 0, 0);"
                    "INSERT INTO ratings (id, appointment_id, score, rated_at, created_at, updated_at) "
                    "  VALUES (6, 3, 4, 5000, 0, 0);"
                    "INSERT INTO interactions (id, client_id, kind, body, occurred_at, created_at, updated_at) "
                    "  VALUES (7, 2, 'complaint', 'Cold room', 2000, 0, 0);"
                    "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, updated_at) "
                    "  VALUES (8, 2, 1, 8000, 9000, 'done', 500, 0, 0), (9, 2, 1, 3000, 4000, 'done', 700, 0, 0);"
                    "INSERT INTO services (id, name, duration_minutes, created_at, updated_at) VALUES (10, 'Cut', 30, 0, 0),"
                    "  (11, 'Colour', 60, 0, 0);"
                    "INSERT INTO appointment_services (id, appointment_id, service_id, position, duration_minutes, price,"
                    "  created_at, updated_at) VALUES (12, 8, 11, 1, 30, 200, 0, 0), (13, 8, 10, 0, 30, 300, 0, 0),"
                    "  (14, 9, 10, 0, 30, 700, 0, 0), (15, 3, 10, 0, 60, 0, 0, 0);", NULL);
  write_raw_sqlite (path, v1);

  store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_store_get_schema_version (store), ==, rg_store_latest_version ());
  /* The upgrade's pages are in the database, its log emptied. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    GStatBuf st;

    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 0);
  }
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE id = 3", 0), ==, 1);

  /* Format 3 keeps phones in one form; what cannot be read stays. */
  {
    g_autofree char *anna = test_sql_text (store, "SELECT phone || ' ' || phone_digits || ' ' || phone2 || ' ' || "
                                                  "phone2_digits FROM clients WHERE id = ?1", 4);
    g_autofree char *olga = test_sql_text (store, "SELECT phone FROM clients WHERE id = ?1", 5);

    g_assert_cmpstr (anna, ==, "+7 912 345-67-89 79123456789 +44 7700 900123 447700900123");
    g_assert_cmpstr (olga, ==, "call her");
  }
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                        "('appointments_range', 'appointments_client_status', "
                                        "'appointment_services_line', 'staff_days_off_day')", 0), ==, 4);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                        "('appointments_starts', 'appointment_services_appointment')", 0), ==, 0);

  /* Format 5: a complaint written before has a status; format 6: a rating
   * knows its visit's time, and follows the visit when it moves. */
  {
    g_autofree char *status = test_sql_text (store, "SELECT outcome FROM interactions WHERE id = ?1", 7);

    g_assert_cmpstr (status, ==, "open");
  }
  g_assert_cmpint (test_sql_int (store, "SELECT visit_at FROM ratings WHERE id = ?1", 6), ==, 1000);

  /* Formats 8 and 10: the client's visits summed up, with their times and
   * prices in time order and the latest visit. */
  {
    g_autofree char *history = test_sql_text (store, "SELECT visits || ' ' || revenue || ' ' || last_id || ' ' || history"
                                                     " FROM client_visits WHERE client_id = ?1", 2);

    g_assert_cmpstr (history, ==, "2 1200 8 3000 700,8000 500");
  }
  /* Format 11: the visits by client and master, filled from those before. */
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM client_staff WHERE ?1 = ?1", 0), >, 0);
  g_assert_cmpint (test_sql_int (store,
                                 "SELECT count(*) FROM ("
                                 " SELECT client_id, staff_id, count(*), min(starts_at), max(starts_at), total(price)"
                                 "  FROM appointments WHERE status = 'done' AND deleted_at IS NULL"
                                 "  AND ?1 = ?1 GROUP BY client_id, staff_id"
                                 " EXCEPT SELECT client_id, staff_id, visits, first_at, last_at, revenue FROM client_staff)", 0), ==, 0);
  /* Format 12: each visit's lines, and the visits by client and service,
   * filled from those before. */
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM client_service WHERE ?1 = ?1", 0), ==, 2);
  {
    g_autofree char *lines = test_sql_text (store, "SELECT services FROM appointments WHERE id = ?1", 8);

    g_assert_cmpstr (lines, ==, "10:300,11:200");   /* in their order */
  }
  g_assert_cmpint (test_sql_int (store, "SELECT lines * 10000 + revenue FROM client_service WHERE service_id = ?1", 10),
                   ==, 2 * 10000 + 1000);
  g_assert_cmpint (test_sql_int (store,
                                 "SELECT count(*) FROM ("
                                 " SELECT a.client_id, l.service_id, count(*), min(a.starts_at), max(a.starts_at), total(l.price)"
                                 "  FROM appointments a JOIN appointment_services l ON l.appointment_id = a.id"
                                 "  WHERE a.status = 'done' AND a.deleted_at IS NULL AND ?1 = ?1 GROUP BY a.client_id, l.service_id"
                                 " EXCEPT SELECT client_id, service_id, lines, first_at, last_at, revenue FROM client_service)", 0),
                   ==, 0);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE services IS NOT NULL AND ?1 = ?1", 0), >, 0);
  g_assert_cmpint (test_sql_int (store,
                                 "SELECT count(*) FROM appointments a WHERE services IS NOT"
                                 " (SELECT group_concat (service_id || ':' || price, ',') FROM (SELECT service_id, price"
                                 "  FROM appointment_services WHERE appointment_id = a.id AND ?1 = ?1 ORDER BY position, id))", 0),
                   ==, 0);
  g_assert_true (rg_store_exec (store, "UPDATE appointments SET starts_at = 90000, ends_at = 93600 WHERE id = 3", &error));
  g_assert_cmpint (test_sql_int (store, "SELECT visit_at FROM ratings WHERE id = ?1", 6), ==, 90000);

  stmt = rg_store_prepare (store, "EXPLAIN QUERY PLAN "
                                  "SELECT count(*), total(ends_at - starts_at) FROM appointments "
                                  "WHERE starts_at >= ?1 AND starts_at < ?1 + 86400 AND deleted_at IS NULL "
                                  "AND status <> 'cancelled'", &error);
  g_assert_no_error (error);
  while (rg_store_step_row (store, stmt, &row, &error) && row)
    g_string_append_printf (plan, "%s; ", (const char *) sqlite3_column_text (stmt, 3));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (plan->str, "COVERING INDEX appointments_range"));
}

/* A migration that fails leaves the file exactly as it was. */
static void
test_migration_rolls_back (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "conflict.db", NULL);
  g_autoptr(RgStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Ours, version 0, but a table in the way of migration 1. */
  write_raw_sqlite (path,
                    "PRAGMA application_id = 1380404306;"
                    "CREATE TABLE clients (precious TEXT);"
                    "INSERT INTO clients VALUES ('keep me');");

  store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "left as it was"));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT count(*) FROM sqlite_master),"
                                           " (SELECT precious FROM clients)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);     /* no half-made staff table */
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "keep me");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
assert_refused (const char   *path,
                RgStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, RG_STORE_ERROR, (int) code);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_nonnull (strstr (error->message, "untouched"));

  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "future.db", NULL);

  write_raw_sqlite (path, "PRAGMA application_id = 1380404306; PRAGMA user_version = 999;"
                          "CREATE TABLE from_the_future (x);");
  assert_refused (path, RG_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_foreign_sqlite (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);

  write_raw_sqlite (path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('borsch');");
  assert_refused (path, RG_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_not_sqlite (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "clients.csv", NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 200; i++)
    g_string_append_printf (text, "Anna %d;+7 912 000 00 %02d\n", i, i % 100);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));

  assert_refused (path, RG_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (f->dir, RG_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_A_DATABASE);
}

/* Change notification ------------------------------------------------------ */

typedef struct {
  GPtrArray *events;  /* "table:kind" strings */
  guint      committed;
} Recorder;

static void
changed_cb (RgStore      *store,
            const char   *table,
            gint64        id,
            RgChangeKind  kind,
            Recorder     *r)
{
  g_ptr_array_add (r->events, g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", table, id,
                                               rg_change_kind_to_string (kind)));
}

static void
committed_cb (RgStore  *store,
              Recorder *r)
{
  r->committed++;
}

static RgStore *
memory_store (void)
{
  g_autoptr(GError) error = NULL;
  RgStore *store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
add_tag (RgStore    *store,
         gint64      id,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO tags (id, name, created_at, updated_at) VALUES (?1, ?2, 0, 0)",
                                             &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  g_assert_true (rg_store_step_done (store, stmt, &error));
  g_assert_no_error (error);
}

static void
test_changes_after_commit (void)
{
  g_autoptr(RgStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  Recorder r = { g_ptr_array_new_with_free_func (g_free), 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &r);
  g_signal_connect (store, "committed", G_CALLBACK (committed_cb), &r);

  g_assert_true (rg_store_begin (store, &error));
  add_tag (store, 1, "vip");
  add_tag (store, 2, "student");
  g_assert_true (rg_store_exec (store, "UPDATE tags SET name = 'VIP' WHERE id = 1", &error));
  g_assert_true (rg_store_exec (store, "UPDATE tags SET name = 'students' WHERE id = 2", &error));
  g_assert_true (rg_store_exec (store, "DELETE FROM tags WHERE id = 2", &error));
  g_assert_no_error (error);

  /* Nothing is announced before the commit. */
  g_assert_cmpuint (r.events->len, ==, 0);
  g_assert_true (rg_store_commit (store, &error));
  g_assert_no_error (error);

  /* Insert + update is one insert; insert + delete is nothing at all. */
  g_assert_cmpuint (r.events->len, ==, 1);
  g_assert_cmpstr (r.events->pdata[0], ==, "tags:1:insert");
  g_assert_cmpuint (r.committed, ==, 1);

  /* A statement outside a transaction is announced right away. */
  g_assert_true (rg_store_exec (store, "UPDATE tags SET color = '#ff0000' WHERE id = 1", &error));
  g_assert_cmpuint (r.events->len, ==, 2);
  g_assert_cmpstr (r.events->pdata[1], ==, "tags:1:update");
  g_assert_cmpuint (r.committed, ==, 2);

  g_assert_true (rg_store_exec (store, "DELETE FROM tags WHERE id = 1", &error));
  g_assert_cmpstr (r.events->pdata[2], ==, "tags:1:delete");

  g_ptr_array_unref (r.events);
}

static void
test_changes_detail (void)
{
  g_autoptr(RgStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  Recorder r = { g_ptr_array_new_with_free_func (g_free), 0 };

  g_signal_connect (store, "changed::clients", G_CALLBACK (changed_cb), &r);
  add_tag (store, 7, "only tags change");
  g_assert_cmpuint (r.events->len, ==, 0);

  g_assert_true (rg_store_exec (store,
                                "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at)"
                                " VALUES (5, 'Anna', 'anna', '+7 912', '7912', 0, 0)", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.events->len, ==, 1);
  g_assert_cmpstr (r.events->pdata[0], ==, "clients:5:insert");

  g_ptr_array_unref (r.events);
}

static void
test_rollback_forgets (void)
{
  g_autoptr(RgStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  Recorder r = { g_ptr_array_new_with_free_func (g_free), 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &r);

  g_assert_true (rg_store_begin (store, &error));
  add_tag (store, 1, "kept");

  /* A nested transaction (savepoint) rolled back takes only its own rows. */
  g_assert_true (rg_store_begin (store, &error));
  add_tag (store, 2, "dropped");
  rg_store_rollback (store);
  g_assert_true (rg_store_in_transaction (store));

  g_assert_true (rg_store_begin (store, &error));
  add_tag (store, 3, "kept too");
  g_assert_true (rg_store_commit (store, &error));

  g_assert_true (rg_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_false (rg_store_in_transaction (store));

  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM tags", 0), ==, 2);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM tags WHERE id = 2", 0), ==, 0);
  g_assert_cmpuint (r.events->len, ==, 2);
  g_assert_cmpstr (r.events->pdata[0], ==, "tags:1:insert");
  g_assert_cmpstr (r.events->pdata[1], ==, "tags:3:insert");

  /* A whole transaction rolled back: no rows, no signals. */
  g_assert_true (rg_store_begin (store, &error));
  add_tag (store, 4, "gone");
  rg_store_rollback (store);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM tags", 0), ==, 2);
  g_assert_cmpuint (r.events->len, ==, 2);

  g_ptr_array_unref (r.events);
}

static void
test_changes_reset (void)
{
  g_autoptr(RgStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  Recorder r = { g_ptr_array_new_with_free_func (g_free), 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &r);

  g_assert_true (rg_store_begin (store, &error));
  for (int i = 1; i <= 5000; i++)
    {
      g_autofree char *name = g_strdup_printf ("tag %d", i);
      add_tag (store, i, name);
    }
  g_assert_true (rg_store_commit (store, &error));

  /* Too many rows to list: one reset for the table. */
  g_assert_cmpuint (r.events->len, ==, 1);
  g_assert_cmpstr (r.events->pdata[0], ==, "tags:0:reset");

  g_ptr_array_unref (r.events);
}

/* Errors ------------------------------------------------------------------- */

static void
test_constraint_errors (void)
{
  g_autoptr(RgStore) store = memory_store ();
  g_autoptr(GError) error = NULL;

  /* A foreign key to nothing. */
  g_assert_false (rg_store_exec (store,
                                 "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, created_at, updated_at)"
                                 " VALUES (1, 404, 404, 100, 200, 0, 0)", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A CHECK: a staff colour that is not a colour. */
  g_assert_false (rg_store_exec (store,
                                 "INSERT INTO staff (id, display_name, color, created_at, updated_at)"
                                 " VALUES (1, 'Olga', 'blue', 0, 0)", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* NOT NULL and UNIQUE. */
  g_assert_false (rg_store_exec (store,
                                 "INSERT INTO tags (id, name, created_at, updated_at) VALUES (1, NULL, 0, 0)", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  add_tag (store, 1, "vip");
  g_assert_false (rg_store_exec (store,
                                 "INSERT INTO tags (id, name, created_at, updated_at) VALUES (2, 'VIP', 0, 0)", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* An error in the middle of a transaction: roll back, nothing stays. */
  g_assert_true (rg_store_begin (store, &error));
  add_tag (store, 10, "first");
  g_assert_false (rg_store_exec (store, "INSERT INTO ratings (id, appointment_id, score, rated_at, created_at, updated_at)"
                                        " VALUES (1, 1, 9, 0, 0, 0)", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT);
  rg_store_rollback (store);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM tags WHERE id = 10", 0), ==, 0);
}

static void
test_statement_cache (void)
{
  g_autoptr(RgStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  RgStmt *a, *b;

  a = rg_store_prepare (store, "SELECT count(*) FROM clients", &error);
  rg_stmt_release (a);
  b = rg_store_prepare (store, "SELECT count(*) FROM clients", &error);
  rg_stmt_release (b);
  g_assert_true (a == b);
}

static void
test_new_ids (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (int i = 0; i < 10000; i++)
    {
      gint64 id = rg_store_new_id ();

      g_assert_cmpint (id, >, 0);
      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }
}

/* The studio's lock ---------------------------------------------------------- */

/* Runs another program on the studio (tests/sqlite-touch.c: plain SQLite,
 * as the sqlite3 shell or a backup tool): opens, runs @sql (or only reads),
 * closes. Returns whether it succeeded, with what it printed in @out. */
static gboolean
run_touch (const char  *path,
           const char  *sql,
           const char  *wait_ms,
           char       **out)
{
  const char *argv[] = { g_getenv ("RG_SQLITE_TOUCH"), path, sql, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "SQLITE_TOUCH_WAIT_MS", wait_ms, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out, &err, &status, &error));
  g_assert_no_error (error);
  if (out)
    g_strstrip (*out);
  g_test_message ("sqlite-touch %s: %s", sql ? sql : "", err);
  return g_spawn_check_wait_status (status, NULL);
}

static char *
touch_studio (const char *path,
              const char *sql)
{
  char *out = NULL;

  if (!run_touch (path, sql, "5000", &out))
    g_error ("sqlite-touch failed on %s", sql ? sql : "a read");
  if (sql == NULL)
    g_clear_pointer (&out, g_free);
  return out;
}

/* What a file chooser does to guess a file's type, or a thumbnailer: opens
 * it, reads its first bytes, closes it. Closing any descriptor of a file
 * drops every POSIX lock the process holds on it. */
static void
peek_file (const char *path)
{
  char head[64];
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, head, sizeof head), >=, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
test_lock_kept (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "studio.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  g_autofree char *seen = NULL;
  GStatBuf before, after;

  g_assert_no_error (error);
  add_tag (store, 1, "before");
  g_assert_cmpint (g_stat (wal, &before), ==, 0);

  /* Inside the app: the studio's three files opened and closed. */
  peek_file (path);
  peek_file (wal);
  peek_file (shm);

  /* Another program opens and closes the studio: it must not take the
   * log away from under the app. */
  g_free (touch_studio (path, NULL));
  g_assert_cmpint (g_stat (wal, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);

  /* What the app writes now is in the file: another program sees it at
   * once, and so does the app after quitting. */
  add_tag (store, 2, "after");
  seen = touch_studio (path, "SELECT group_concat(name, ',') FROM (SELECT name FROM tags ORDER BY id)");
  g_assert_cmpstr (seen, ==, "before,after");

  g_clear_object (&store);
  store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM tags", 0), ==, 2);

  /* Quitting writes the log back and removes it. */
  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* The log's write lock, on the -shm file, is kept too: the studio in the
 * middle of a write, its -shm opened and closed in the process, and
 * another program that writes must wait; without the lock, both would
 * append to the log at once. */
static void
test_lock_write_kept (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "studio.db", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  g_autofree char *check = NULL;

  g_assert_no_error (error);
  add_tag (store, 1, "first");

  g_assert_true (rg_store_begin (store, &error));
  add_tag (store, 2, "ours");
  peek_file (shm);
  peek_file (path);
  g_assert_false (run_touch (path, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (3, 'theirs', 0, 0)",
                             "300", NULL));
  g_assert_true (rg_store_commit (store, &error));
  g_assert_no_error (error);

  /* Now that the write is over, the other program may write. */
  g_assert_true (run_touch (path, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (3, 'theirs', 0, 0)",
                            "5000", NULL));
  g_clear_object (&store);
  store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  check = test_sql_text (store, "PRAGMA integrity_check", 0);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM tags", 0), ==, 3);
}

static void
count_cb (gpointer  object,
          gpointer  data)
{
  (*(int *) data)++;
}

/* Refused: one write through a statement, one in a transaction. */
static void
assert_writes_refused (RgStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rg_store_exec (store, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (9, 'lost', 0, 0)",
                                 &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DETACHED);
  g_clear_error (&error);
  g_assert_false (rg_store_begin (store, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DETACHED);
  g_assert_false (rg_store_in_transaction (store));
  g_assert_true (rg_store_is_detached (store));
}

/* If the files go anyway (deleted by hand, or a system without the locks
 * above), the store notices before it writes, and refuses: what it wrote
 * to a deleted log would be gone when it closed. */
static void
test_lock_lost_noticed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "studio.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  int told = 0;

  g_assert_no_error (error);
  g_signal_connect (store, "detached", G_CALLBACK (count_cb), &told);
  add_tag (store, 1, "saved");
  g_assert_true (rg_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_false (rg_store_is_detached (store));

  g_assert_cmpint (g_unlink (wal), ==, 0);
  assert_writes_refused (store);
  assert_writes_refused (store);
  g_assert_cmpint (told, ==, 1);
  /* Reading goes on. */
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM tags", 0), ==, 1);

  g_clear_object (&store);
  store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM tags", 0), ==, 1);
  g_assert_false (rg_store_is_detached (store));
  add_tag (store, 2, "again");

  /* The studio replaced by another file (a restore by another program). */
  g_assert_true (rg_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  {
    g_autofree char *contents = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  }
  g_assert_cmpint (g_rename (copy, path), ==, 0);
  assert_writes_refused (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/store/no-create", Fixture, NULL, fixture_set_up, test_no_create, fixture_tear_down);
  g_test_add ("/store/migrate/from-zero", Fixture, NULL, fixture_set_up, test_migrate_from_zero, fixture_tear_down);
  g_test_add ("/store/migrate/from-1", Fixture, NULL, fixture_set_up, test_migrate_from_1, fixture_tear_down);
  g_test_add ("/store/migrate/rolls-back", Fixture, NULL, fixture_set_up, test_migration_rolls_back, fixture_tear_down);
  g_test_add ("/store/refuse/newer", Fixture, NULL, fixture_set_up, test_refuse_newer, fixture_tear_down);
  g_test_add ("/store/refuse/foreign-sqlite", Fixture, NULL, fixture_set_up, test_refuse_foreign_sqlite, fixture_tear_down);
  g_test_add ("/store/refuse/not-sqlite", Fixture, NULL, fixture_set_up, test_refuse_not_sqlite, fixture_tear_down);
  g_test_add ("/store/refuse/folder", Fixture, NULL, fixture_set_up, test_refuse_folder, fixture_tear_down);
  g_test_add_func ("/store/changes/after-commit", test_changes_after_commit);
  g_test_add_func ("/store/changes/detail", test_changes_detail);
  g_test_add_func ("/store/changes/rollback", test_rollback_forgets);
  g_test_add_func ("/store/changes/reset", test_changes_reset);
  g_test_add_func ("/store/errors/constraints", test_constraint_errors);
  g_test_add_func ("/store/statement-cache", test_statement_cache);
  g_test_add_func ("/store/new-ids", test_new_ids);
  g_test_add ("/store/lock/kept", Fixture, NULL, fixture_set_up, test_lock_kept, fixture_tear_down);
  g_test_add ("/store/lock/write-kept", Fixture, NULL, fixture_set_up, test_lock_write_kept, fixture_tear_down);
  g_test_add ("/store/lock/lost-noticed", Fixture, NULL, fixture_set_up, test_lock_lost_noticed, fixture_tear_down);

  return g_test_run ();
}
