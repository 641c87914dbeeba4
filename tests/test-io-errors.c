/* test-io-errors.c — a disk that fills up or fails under a model command:
 * the command fails with a message in words, nothing of it is written,
 * what was saved before is intact, the studio turns read-only (every later
 * write is refused with the same message and reaches no disk), and once
 * opened again it works; the file passes integrity_check when opened by
 * plain SQLite without the shim (tests/vfs-fail.c) after every failure.
 *
 * Each test fails the disk at every write (or sync) the command makes in
 * turn, from the first one on, until the command gets through.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "test-util.h"
#include "vfs-fail.h"

#include "model/rg-appointment.h"
#include "model/rg-booking.h"
#include "model/rg-client-merge.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#ifdef RG_HAVE_IMPORT
#include "model/rg-import.h"
#endif

#define HOUR 3600
/* Monday 2 March 2026, 10:00 UTC. */
#define MONDAY G_GINT64_CONSTANT (1772445600)

static const char *real_vfs_name;

typedef struct {
  char     *path;
  RgStore  *store;
  RgStudio *studio;
  gint64    staff_id;
  gint64    service_id;
  gint64    client_id;
} Fixture;

static gint64
save (Fixture  *f,
      gpointer  record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_studio_save (f->studio, record, &error));
  g_assert_no_error (error);
  return rg_record_get_id (record);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-io-errors-XXXXXX", &error);
  g_autoptr(RgStaff) staff = rg_staff_new ("Marina", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgService) service = rg_service_new ("Manicure", 60, 150000);
  g_autoptr(RgClient) client = rg_client_new ("Olga", "+7 912 345 67 89");

  g_assert_no_error (error);
  f->path = g_build_filename (dir, "studio.db", NULL);
  f->store = rg_store_open (f->path, RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);

  f->staff_id = save (f, staff);
  f->service_id = save (f, service);
  f->client_id = save (f, client);
}

static void
fixture_close (Fixture *f)
{
  if (f->studio)
    {
      g_assert_finalize_object (f->studio);
      g_assert_finalize_object (f->store);
      f->studio = NULL;
      f->store = NULL;
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  vfs_fail_disarm ();
  fixture_close (f);
  test_remove_tree (dir);
  g_free (f->path);
}

static RgAppointment *
book (Fixture  *f,
      gint64    client_id,
      gint64    starts_at,
      GError  **error)
{
  g_autoptr(RgBookingDraft) draft = rg_booking_draft_new ();

  draft->client_id = client_id;
  draft->staff_id = f->staff_id;
  draft->starts_at = starts_at;
  rg_booking_draft_add_service (draft, f->service_id, 60, 150000);
  return rg_booking_save (f->studio, draft, error);
}

static void
assert_no_code (const GError *error)
{
  g_assert_null (strstr (error->message, "SQLite"));
  g_assert_null (strstr (error->message, "SQLITE"));
  g_assert_null (strstr (error->message, "disk I/O error"));
  g_assert_null (strstr (error->message, "database or disk"));
}

/* The message a person reads when the disk is full: words, no code; the
 * last change was not saved, what was saved before is safe. */
static void
assert_disk_full (const GError *error)
{
  g_assert_error (error, RG_STUDIO_ERROR, RG_STORE_ERROR_FULL);
  if (!strstr (error->message, "is full") || !strstr (error->message, "not saved") ||
      !strstr (error->message, "safe"))
    g_error ("“%s” does not say the disk is full, the change was not saved and the rest is safe",
             error->message);
  assert_no_code (error);
}

/* The message for a disk that failed a write: words, the change not saved. */
static void
assert_write_failed (const GError *error)
{
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_FAILED);
  if (!strstr (error->message, "error while saving") || !strstr (error->message, "not saved") ||
      !strstr (error->message, "safe"))
    g_error ("“%s” does not say the disk failed, the change was not saved and the rest is safe",
             error->message);
  assert_no_code (error);
}

/* After a failed write the studio is read-only: it says so, with the
 * message of the failure. */
static void
assert_read_only (Fixture      *f,
                  const GError *failure)
{
  g_assert_true (rg_studio_get_read_only (f->studio));
  g_assert_cmpstr (rg_studio_get_read_only_message (f->studio), ==, failure->message);
}

/* A later write refused by the read-only studio: the same error, and not
 * one write or sync reached the disk (the shim is armed to fail any). */
static void
assert_refused (const GError *failure,
                const GError *error)
{
  g_assert_nonnull (error);
  g_assert_error (error, failure->domain, failure->code);
  g_assert_cmpstr (error->message, ==, failure->message);
  g_assert_cmpuint (vfs_fail_n_failed (), ==, 0);
  g_assert_cmpuint (vfs_fail_n_passed (), ==, 0);
}

/* Arms the shim to fail the first write or sync: with it armed, a write
 * that is refused before it reaches SQLite leaves both counts at 0. */
static void
arm_any_write (void)
{
  vfs_fail_arm (VFS_FAIL_WRITE | VFS_FAIL_SYNC, 0, SQLITE_FULL);
}

/* The file opened by plain SQLite through the real VFS, as after a
 * restart: it passes integrity_check; returns the connection. */
static sqlite3 *
reopen_without_shim (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, real_vfs_name), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return db;
}

static gint64
db_int (sqlite3    *db,
        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
store_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = rg_store_open (f->path, RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);
  g_assert_false (rg_studio_get_read_only (f->studio));
  g_assert_null (rg_studio_get_read_only_message (f->studio));
}

/* Quit and open the studio again, as the message asks, the shim disarmed:
 * in between, plain SQLite finds the file intact. */
static void
fixture_reopen (Fixture *f)
{
  sqlite3 *db;

  vfs_fail_disarm ();
  fixture_close (f);
  db = reopen_without_shim (f->path);
  sqlite3_close (db);
  store_open (f);
}

/* A booking --------------------------------------------------------------------- */

/* @ops fail with @rc from the n-th call on, for n = 0, 1, ... until the
 * booking gets through; each failure leaves the saved booking as it was,
 * adds nothing, and turns the studio read-only: a second booking is
 * refused with the same message and writes nothing; the studio opened
 * again takes the next try. */
static void
booking_fails_at_every_call (Fixture    *f,
                             VfsFailOps  ops,
                             int         rc,
                             void      (*assert_message) (const GError *error))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) saved = book (f, f->client_id, MONDAY, &error);
  gint64 saved_id;
  guint n_ok;

  g_assert_no_error (error);
  saved_id = rg_record_get_id (RG_RECORD (saved));
  g_clear_object (&saved);

  for (n_ok = 0; ; n_ok++)
    {
      g_autoptr(RgAppointment) next = NULL;
      g_autoptr(RgAppointment) again = NULL;
      g_autoptr(GError) refused = NULL;

      g_assert_cmpuint (n_ok, <, 100);
      vfs_fail_arm (ops, n_ok, rc);
      next = book (f, f->client_id, MONDAY + 24 * HOUR, &error);
      vfs_fail_disarm ();
      if (vfs_fail_n_failed () == 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (next);
          g_assert_false (rg_studio_get_read_only (f->studio));
          break;
        }

      g_assert_null (next);
      assert_message (error);
      assert_read_only (f, error);
      g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments", 0), ==, 1);
      g_assert_cmpint (test_sql_int (f->store, "SELECT starts_at FROM appointments WHERE id = ?1", saved_id),
                       ==, MONDAY);

      /* Read-only now: another booking, on another day, is refused. */
      arm_any_write ();
      again = book (f, f->client_id, MONDAY + 48 * HOUR, &refused);
      g_assert_null (again);
      assert_refused (error, refused);
      vfs_fail_disarm ();
      g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments", 0), ==, 1);
      g_clear_error (&error);

      fixture_reopen (f);
      g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments", 0), ==, 1);
    }
  /* The booking needed writes (syncs), and failed at each one of them. */
  g_assert_cmpuint (n_ok, >, 0);
  g_test_message ("the booking took %u calls; it failed at each one", n_ok);

  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments", 0), ==, 2);
  fixture_close (f);

  {
    sqlite3 *db = reopen_without_shim (f->path);

    g_assert_cmpint (db_int (db, "SELECT count(*) FROM appointments"), ==, 2);
    g_assert_cmpint (db_int (db, "SELECT count(*) FROM appointment_services"), ==, 2);
    g_assert_cmpint (db_int (db, "SELECT min(starts_at) FROM appointments"), ==, MONDAY);
    g_assert_cmpint (db_int (db, "SELECT max(starts_at) FROM appointments"), ==, MONDAY + 24 * HOUR);
    sqlite3_close (db);
  }
}

static void
test_booking_disk_full (Fixture       *f,
                        gconstpointer  data)
{
  booking_fails_at_every_call (f, VFS_FAIL_WRITE, SQLITE_FULL, assert_disk_full);
}

static void
test_booking_sync_full (Fixture       *f,
                        gconstpointer  data)
{
  booking_fails_at_every_call (f, VFS_FAIL_SYNC, SQLITE_FULL, assert_disk_full);
}

static void
test_booking_write_error (Fixture       *f,
                          gconstpointer  data)
{
  booking_fails_at_every_call (f, VFS_FAIL_WRITE, SQLITE_IOERR_WRITE, assert_write_failed);
}

static void
test_booking_sync_error (Fixture       *f,
                         gconstpointer  data)
{
  booking_fails_at_every_call (f, VFS_FAIL_SYNC, SQLITE_IOERR_FSYNC, assert_write_failed);
}

/* A status change, the same way: the appointment keeps its status, in the
 * file and in the live object the views show; the studio refuses the next
 * change until opened again. */
static void
test_status_disk_full (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;
  g_autoptr(RgAppointment) appointment = book (f, f->client_id, MONDAY, &error);
  gint64 id;

  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (appointment));

  vfs_fail_arm (VFS_FAIL_WRITE, 0, SQLITE_FULL);
  g_assert_false (rg_booking_set_status (f->studio, appointment, RG_APPOINTMENT_CONFIRMED, &error));
  vfs_fail_disarm ();
  assert_disk_full (error);
  assert_read_only (f, error);
  g_assert_cmpint (rg_appointment_get_status (appointment), ==, RG_APPOINTMENT_BOOKED);
  {
    g_autofree char *status = test_sql_text (f->store, "SELECT status FROM appointments WHERE id = ?1", id);
    g_assert_cmpstr (status, ==, "booked");
  }

  /* The same change again in the same studio: refused, nothing written. */
  arm_any_write ();
  g_assert_false (rg_booking_set_status (f->studio, appointment, RG_APPOINTMENT_CONFIRMED, &refused));
  assert_refused (error, refused);
  vfs_fail_disarm ();
  g_assert_cmpint (rg_appointment_get_status (appointment), ==, RG_APPOINTMENT_BOOKED);
  g_clear_error (&error);

  /* Room again, the studio opened again: the same change goes through. */
  g_clear_object (&appointment);
  fixture_reopen (f);
  appointment = rg_studio_lookup (f->studio, RG_TYPE_APPOINTMENT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_status (appointment), ==, RG_APPOINTMENT_BOOKED);
  g_assert_true (rg_booking_set_status (f->studio, appointment, RG_APPOINTMENT_CONFIRMED, &error));
  g_assert_no_error (error);
  g_clear_object (&appointment);
  fixture_close (f);
  {
    sqlite3 *db = reopen_without_shim (f->path);
    g_assert_cmpint (db_int (db, "SELECT count(*) FROM appointments WHERE status = 'confirmed'"), ==, 1);
    sqlite3_close (db);
  }
}

/* A large write: a merge that moves many appointments --------------------------- */

/* A failed commit is not rolled back a second time (rg_client_merge and
 * rg-staff-schedule once did, which made rg_store_rollback() warn with a
 * critical): G_DEBUG=fatal-warnings makes any such critical fail the test. */

#define N_MOVED 400

static void
merge_fails_at_every_write (Fixture  *f,
                            gboolean  small_cache)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) other = rg_client_new ("Olga K.", "+7 912 000 00 01");
  gint64 other_id = save (f, other);
  guint n_ok, stride, n_points = 0;

  g_clear_object (&other);

  /* Her appointments, booked through the model in one transaction to be quick. */
  g_assert_true (rg_store_begin (f->store, &error));
  for (int i = 0; i < N_MOVED; i++)
    {
      g_autoptr(RgAppointment) a = book (f, other_id, MONDAY + i * 2 * HOUR, &error);
      g_assert_no_error (error);
    }
  g_assert_true (rg_store_commit (f->store, &error));
  g_assert_no_error (error);

  /* How many writes the merge makes: the countdown finds out as it goes;
   * past the first ones it strides over them to stay quick. */
  stride = 1;
  for (n_ok = 0; ; n_ok += stride)
    {
      g_autoptr(GBytes) undo = NULL;
      g_autoptr(GBytes) undo_again = NULL;
      g_autoptr(GError) refused = NULL;
      g_autoptr(RgClient) keep = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, f->client_id, &error);
      g_autoptr(RgClient) merged = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, other_id, &error);
      RgMergeCounts moved = { 0 };
      gboolean ok;

      g_assert_no_error (error);
      g_assert_cmpuint (n_ok, <, 5000);
      /* A page cache too small for the merge: its pages go to the log while
       * the transaction runs, so the disk fills in the middle of a statement
       * rather than at the commit. */
      if (small_cache)
        g_assert_true (rg_store_exec (f->store, "PRAGMA cache_size = 10", NULL));

      vfs_fail_arm (VFS_FAIL_WRITE, n_ok, SQLITE_FULL);
      ok = rg_client_merge (f->studio, keep, merged, &moved, &undo, &error);
      vfs_fail_disarm ();
      if (vfs_fail_n_failed () == 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (moved.appointments, ==, N_MOVED);
          break;
        }

      n_points++;
      g_assert_false (ok);
      assert_disk_full (error);
      assert_read_only (f, error);
      g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments WHERE client_id = ?1", other_id),
                       ==, N_MOVED);
      g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM clients WHERE deleted_at IS NULL", 0), ==, 2);

      arm_any_write ();
      g_assert_false (rg_client_merge (f->studio, keep, merged, &moved, &undo_again, &refused));
      assert_refused (error, refused);
      vfs_fail_disarm ();
      g_assert_null (undo_again);
      g_clear_error (&error);

      g_clear_object (&keep);
      g_clear_object (&merged);
      fixture_reopen (f);
      g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments WHERE client_id = ?1", other_id),
                       ==, N_MOVED);
      if (n_ok >= 16)
        stride = 7;
    }
  g_test_message ("the merge made about %u writes; it failed at %u points", n_ok, n_points);
  g_assert_cmpuint (n_ok, >, 0);

  fixture_close (f);
  {
    sqlite3 *db = reopen_without_shim (f->path);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM appointments WHERE client_id = %" G_GINT64_FORMAT,
                                            f->client_id);

    g_assert_cmpint (db_int (db, sql), ==, N_MOVED);
    sqlite3_close (db);
  }
}

static void
test_merge_disk_full (Fixture       *f,
                      gconstpointer  data)
{
  merge_fails_at_every_write (f, FALSE);
}

static void
test_merge_disk_full_mid_statement (Fixture       *f,
                                    gconstpointer  data)
{
  merge_fails_at_every_write (f, TRUE);
}

#ifdef RG_HAVE_IMPORT
/* An import of many clients: all or nothing ------------------------------------- */

#define N_IMPORTED 2000

static RgClientImport *
import_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_client_import_row_free);
  RgClientImport *plan;

  for (guint i = 0; i < N_IMPORTED; i++)
    {
      RgClientImportRow *row = rg_client_import_row_new (i + 2);

      row->full_name = g_strdup_printf ("Imported %u", i);
      row->phone = g_strdup_printf ("+7 913 %03u %04u", i / 100, i);
      row->notes = g_strdup ("imported");
      g_ptr_array_add (rows, row);
    }
  plan = rg_client_import_new (f->studio, rows, &error);
  g_assert_no_error (error);
  return plan;
}

/* The disk fills at several points of an import of 2,000 clients: nothing
 * of it comes in, the studio turns read-only and refuses the same import
 * again without writing; opened again, it takes the whole import. */
static void
test_import_disk_full (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint points[] = { 0, 1, 2, 5, 20, 100, 400 };
  gint64 n_audit = test_sql_int (f->store, "SELECT count(*) FROM audit_log", 0);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(RgClientImport) plan = import_plan (f);
      g_autoptr(GError) refused = NULL;
      g_autoptr(GBytes) undo = NULL;
      RgImportCounts counts = { 0 };
      gboolean ok;

      g_assert_true (rg_store_exec (f->store, "PRAGMA cache_size = 10", NULL));
      vfs_fail_arm (VFS_FAIL_WRITE, points[i], SQLITE_FULL);
      ok = rg_studio_import_clients (f->studio, plan, "clients.csv", &counts, &undo, &error);
      vfs_fail_disarm ();
      /* 400 writes are not enough for 2,000 clients. */
      g_assert_cmpuint (vfs_fail_n_failed (), >, 0);
      g_assert_false (ok);
      g_assert_null (undo);
      assert_disk_full (error);
      assert_read_only (f, error);
      g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM clients", 0), ==, 1);
      g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM audit_log", 0), ==, n_audit);

      arm_any_write ();
      g_assert_false (rg_studio_import_clients (f->studio, plan, "clients.csv", &counts, NULL, &refused));
      assert_refused (error, refused);
      vfs_fail_disarm ();
      g_clear_error (&error);

      g_clear_pointer (&plan, rg_client_import_free);
      fixture_reopen (f);
      g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM clients", 0), ==, 1);
    }

  {
    g_autoptr(RgClientImport) plan = import_plan (f);
    RgImportCounts counts = { 0 };

    g_assert_true (rg_studio_import_clients (f->studio, plan, "clients.csv", &counts, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts.created, ==, N_IMPORTED);
  }
  fixture_close (f);
  {
    sqlite3 *db = reopen_without_shim (f->path);
    g_assert_cmpint (db_int (db, "SELECT count(*) FROM clients"), ==, N_IMPORTED + 1);
    g_assert_cmpint (db_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit + 1);
    sqlite3_close (db);
  }
}
#endif

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  real_vfs_name = vfs_fail_install ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/io-errors/booking/disk-full", test_booking_disk_full);
  ADD ("/io-errors/booking/sync-disk-full", test_booking_sync_full);
  ADD ("/io-errors/booking/write-error", test_booking_write_error);
  ADD ("/io-errors/booking/sync-error", test_booking_sync_error);
  ADD ("/io-errors/status/disk-full", test_status_disk_full);
  ADD ("/io-errors/merge/disk-full", test_merge_disk_full);
  ADD ("/io-errors/merge/disk-full-mid-statement", test_merge_disk_full_mid_statement);
#ifdef RG_HAVE_IMPORT
  ADD ("/io-errors/import/disk-full", test_import_disk_full);
#endif
#undef ADD

  status = g_test_run ();
  vfs_fail_uninstall ();
  return status;
}
