/* test-backup.c — backups, rotation, restore, a damaged studio, a full disk.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include "model/rg-audit.h"
#include "model/rg-backup.h"
#include "model/rg-client.h"
#include "test-util.h"

#define DAY (24 * 60 * 60)

static char *demo_path;  /* made once; each test copies it */

/* A copy of the demo studio in a folder of its own, with two photos. */
static char *
make_studio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-backup-XXXXXX", &error);
  g_autofree char *photos = g_build_filename (dir, "photos", NULL);
  char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (demo_path);
  g_autoptr(GFile) to = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (photos, 0700), ==, 0);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("%016x.jpg", 0xab00 + i);
      g_autofree char *photo = g_build_filename (photos, name, NULL);
      char bytes[24] = "\xff\xd8\xff\xe0 photo \x00\x01\x02 end";

      bytes[10] = (char) ('0' + i);
      g_assert_true (g_file_set_contents (photo, bytes, 20 + i, &error));
    }
  return path;
}

static void
remove_studio (const char *path)
{
  test_remove_demo (path);
}

static char *
file_sum (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, NULL))
    return g_strdup ("(none)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
}

/* What a studio holds, as one string to compare. */
static char *
studio_digest (const char *path)
{
  g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
  RgStore *store = rg_studio_get_store (studio);
  g_autofree char *clients = test_sql_text (store,
    "SELECT count(*) || ':' || total(id % 1000003) || ':' || total(length(address_as || phone)) FROM clients", 0);
  g_autofree char *appointments = test_sql_text (store,
    "SELECT count(*) || ':' || total(starts_at % 1000003) || ':' || total(price) || ':' || "
    "group_concat(DISTINCT status) FROM appointments", 0);

  return g_strconcat (clients, " / ", appointments, NULL);
}

static gint64
count_clients (const char *path)
{
  g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);

  return test_sql_int (rg_studio_get_store (studio), "SELECT count(*) FROM clients WHERE deleted_at IS NULL", 0);
}

static guint
count_files (const char *folder,
             const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir && (name = g_dir_read_name (dir)))
    if (prefix == NULL || g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* Writes garbage over the b-tree header of the clients table's root page. */
static void
damage (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int root = 0, page_size = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                                           "FROM sqlite_master WHERE name = 'clients'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  page_size = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (root, >, 1);

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  g_assert_cmpuint (size, >=, (gsize) root * page_size);
  memset (data + (gsize) (root - 1) * page_size, 0xa5, 12);
  g_assert_true (g_file_set_contents (path, data, size, &error));
}

static void
test_round_trip (void)
{
  g_autofree char *path = make_studio ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backup = g_build_filename (dir, "manual" RG_BACKUP_SUFFIX, NULL);
  g_autofree char *photo0 = g_build_filename (dir, "photos", "000000000000ab00.jpg", NULL);
  g_autofree char *photo1 = g_build_filename (dir, "photos", "000000000000ab01.jpg", NULL);
  g_autofree char *extra = g_build_filename (dir, "photos", "later.jpg", NULL);
  g_autofree char *sum0 = file_sum (photo0), *sum1 = file_sum (photo1);
  g_autofree char *before = NULL, *after = NULL, *kept = NULL;
  g_auto(RgBackupInfo) info = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 n_clients;

  before = studio_digest (path);
  n_clients = count_clients (path);
  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
    g_autoptr(GPtrArray) audit = NULL;
    g_autoptr(RgClient) client = NULL;
    RgAuditEntry *entry;

    g_assert_true (rg_studio_backup_to_file (studio, backup, NULL, &error));
    g_assert_no_error (error);
    audit = rg_studio_list_audit (studio, 1, &error);
    g_assert_cmpuint (audit->len, ==, 1);
    entry = g_ptr_array_index (audit, 0);
    g_assert_cmpstr (entry->action, ==, RG_AUDIT_BACKUP);
    g_assert_cmpstr (entry->file, ==, "manual" RG_BACKUP_SUFFIX);

    /* Changes after the backup, which the restore takes back. */
    client = test_add_client (studio, "After the Backup", "+7 912 000-00-01");
    g_assert_true (rg_store_exec (rg_studio_get_store (studio),
                                  "UPDATE appointments SET price = price + 1 WHERE id IN "
                                  "(SELECT id FROM appointments LIMIT 10)", &error));
  }
  g_assert_true (g_file_set_contents (photo1, "changed", -1, &error));
  g_assert_true (g_file_set_contents (extra, "a photo taken later", -1, &error));
  {
    g_autofree char *changed = studio_digest (path);

    g_assert_cmpstr (changed, !=, before);
  }

  g_assert_true (rg_backup_inspect (backup, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.clients, ==, n_clients);
  g_assert_cmpint (info.photos, ==, 2);
  g_assert_cmpint (info.visits, >, 0);
  g_assert_cmpint (info.appointments, >=, info.visits);
  g_assert_cmpint (info.format, ==, rg_store_latest_version ());
  g_assert_cmpint (ABS (info.made_at - rg_store_now ()), <, 60);

  g_assert_true (rg_backup_restore (backup, path, &kept, &error));
  g_assert_no_error (error);

  after = studio_digest (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_clients (path), ==, n_clients);
  {
    g_autofree char *s0 = file_sum (photo0), *s1 = file_sum (photo1);

    g_assert_cmpstr (s0, ==, sum0);
    g_assert_cmpstr (s1, ==, sum1);
  }
  /* The photo the backup lacks is set aside, not deleted. */
  g_assert_false (g_file_test (extra, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir, "photos-set-aside-"), ==, 1);

  /* The studio as it was, kept, with the client added after the backup. */
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (strrchr (kept, '/') + 1, "before-restore-"));
  rg_backup_info_clear (&info);
  g_assert_true (rg_backup_inspect (kept, &info, &error));
  g_assert_cmpint (info.clients, ==, n_clients + 1);
  g_assert_cmpint (info.photos, ==, 3);

  /* The restore, in the restored studio's audit log. */
  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
    g_autoptr(GPtrArray) audit = rg_studio_list_audit (studio, 0, &error);
    RgAuditEntry *entry;

    g_assert_no_error (error);
    g_assert_cmpuint (audit->len, >=, 1);
    entry = g_ptr_array_index (audit, 0);
    g_assert_cmpstr (entry->action, ==, RG_AUDIT_RESTORE);
    g_assert_cmpstr (entry->file, ==, "manual" RG_BACKUP_SUFFIX);
    g_assert_cmpint (entry->rows, ==, n_clients);
    /* The backup's own line was written after the copy: not in it. */
    for (guint i = 0; i < audit->len; i++)
      g_assert_cmpstr (((RgAuditEntry *) g_ptr_array_index (audit, i))->action, !=, RG_AUDIT_BACKUP);
  }

  remove_studio (path);
}

/* A log left beside the studio from before the restore is not replayed
 * over the restored file. Keeping the studio first reads it through
 * SQLite, which writes a log it finds back and removes it; with
 * @file_gone the studio's file was deleted by hand and its log left, so
 * only the restore's own removal stands between the log and the
 * restored file. */
static void
check_stale_wal (gboolean file_gone)
{
  g_autofree char *path = make_studio ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backup = g_build_filename (dir, "b" RG_BACKUP_SUFFIX, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *saved_wal = g_build_filename (dir, "saved-wal", NULL);
  g_autofree char *before = studio_digest (path);
  g_autoptr(GError) error = NULL;
  gint64 n_clients = count_clients (path);

  g_assert_true (rg_backup_write (path, backup, "manual", NULL, &error));
  g_assert_no_error (error);

  /* Changes that stay in the log (no checkpoint), whose log is kept. */
  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
    RgStore *store = rg_studio_get_store (studio);
    g_autoptr(GFile) from = g_file_new_for_path (wal);
    g_autoptr(GFile) to = g_file_new_for_path (saved_wal);

    g_assert_true (rg_store_exec (store, "PRAGMA wal_autocheckpoint = 0", &error));
    for (int i = 0; i < 20; i++)
      {
        g_autofree char *phone = g_strdup_printf ("+7 912 100-00-%02d", i);
        g_autoptr(RgClient) client = test_add_client (studio, "In the Log", phone);
      }
    g_assert_true (rg_store_exec (store, "DELETE FROM client_tags; UPDATE clients SET notes = 'from the log'", &error));
    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_clients (path), ==, n_clients + 20);
  /* Put back as if the last close had not written it back. */
  {
    g_autoptr(GFile) from = g_file_new_for_path (saved_wal);
    g_autoptr(GFile) to = g_file_new_for_path (wal);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  if (file_gone)
    g_assert_cmpint (g_unlink (path), ==, 0);

  g_assert_true (rg_backup_restore (backup, path, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
    RgStore *store = rg_studio_get_store (studio);
    g_autofree char *check = test_sql_text (store, "PRAGMA integrity_check", 0);

    g_assert_cmpstr (check, ==, "ok");
    g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE notes = 'from the log'", 0), ==, 0);
  }
  g_assert_cmpint (count_clients (path), ==, n_clients);
  {
    g_autofree char *after = studio_digest (path);

    g_assert_cmpstr (after, ==, before);
  }
  remove_studio (path);
}

static void
test_stale_wal (void)
{
  check_stale_wal (FALSE);
}

static void
test_stale_wal_broken (void)
{
  check_stale_wal (TRUE);
}

static void
expect_refused (const char *studio,
                const char *file,
                int         code,
                const char *words)
{
  g_autofree char *dir = g_path_get_dirname (studio);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *sum = file_sum (studio);
  g_autoptr(GError) error = NULL;
  RgBackupInfo info = { 0 };

  g_assert_false (rg_backup_inspect (file, &info, &error));
  g_assert_error (error, RG_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
  g_clear_error (&error);

  g_assert_false (rg_backup_restore (file, studio, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, code);
  {
    g_autofree char *now = file_sum (studio);

    g_assert_cmpstr (now, ==, sum);
  }
  g_assert_cmpuint (count_files (backups, NULL), ==, 0);
}

static void
test_refused (void)
{
  g_autofree char *path = make_studio ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *random = g_build_filename (dir, "random.bin", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged" RG_BACKUP_SUFFIX, NULL);
  g_autofree char *newer = g_build_filename (dir, "newer" RG_BACKUP_SUFFIX, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* Another program's database. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  expect_refused (path, other, RG_STORE_ERROR_NOT_A_DATABASE, "another program");

  /* Not a database at all. */
  {
    g_autofree char *bytes = g_strnfill (8192, 'z');

    g_assert_true (g_file_set_contents (random, bytes, -1, &error));
  }
  expect_refused (path, random, RG_STORE_ERROR_NOT_A_DATABASE, "not a database");

  /* A backup with a damaged page. */
  g_assert_true (rg_backup_write (path, damaged, "manual", NULL, &error));
  g_assert_no_error (error);
  damage (damaged);
  expect_refused (path, damaged, RG_STORE_ERROR_CORRUPT, "damaged");

  /* One of a newer format. */
  g_assert_true (rg_backup_write (path, newer, "manual", NULL, &error));
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", rg_store_latest_version () + 1);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);
  expect_refused (path, newer, RG_STORE_ERROR_TOO_NEW, "newer version");

  /* While the studio is open. */
  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
    g_autofree char *good = g_build_filename (dir, "good" RG_BACKUP_SUFFIX, NULL);

    g_assert_true (rg_backup_write (path, good, "manual", NULL, &error));
    g_assert_true (rg_backup_studio_in_use (path));
    g_assert_false (rg_backup_restore (good, path, NULL, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_BUSY);
    g_clear_error (&error);
  }
  g_assert_false (rg_backup_studio_in_use (path));

  remove_studio (path);
}

/* The expected survivors of a year of daily backups at noon, 2026. */
static const char * const kept_2026[] = {
  "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
  "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30",
  "2026-12-13", "2026-12-20",
  "2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31",
  NULL,
};

static void
test_rotation_pure (void)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 1, 1, 12, 0, 0);
  gint64 start = g_date_time_to_unix (first);
  gint64 times[365];
  g_autofree gboolean *keep = NULL;
  guint n_kept = 0;

  for (int i = 0; i < 365; i++)
    times[i] = start + (gint64) i * DAY;
  keep = rg_backup_rotation_keep (times, 365, times[364]);
  for (int i = 0; i < 365; i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (times[i]);
      g_autofree char *day = g_date_time_format (dt, "%Y-%m-%d");

      g_assert_cmpint (keep[i], ==, g_strv_contains (kept_2026, day));
      n_kept += keep[i];
    }
  g_assert_cmpuint (n_kept, ==, g_strv_length ((char **) kept_2026));

  /* The newest is kept however old; one dated after now too. */
  {
    gint64 two[] = { start - 400 * DAY, start + 10 * DAY };
    g_autofree gboolean *k = rg_backup_rotation_keep (two, 2, start);

    g_assert_true (k[0]);
    g_assert_true (k[1]);
  }
}

/* A year of daily starts on a small studio: the folder at the end. */
/* The same damage, written into the file itself (not a new file renamed
 * over it), so a connection open on it stays attached. */
static void
damage_in_place (const char *path)
{
  g_autofree char *copy = g_strconcat (path, ".damaged", NULL);
  g_autofree char *data = NULL;
  gsize size = 0;
  FILE *file;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_true (g_file_set_contents (copy, data, size, NULL));
  damage (copy);
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (copy, &data, &size, NULL));
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (data, 1, size, file), ==, size);
  fclose (file);
  g_unlink (copy);
}

static void
test_rotation_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-rotation-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 1, 1, 12, 0, 0);
  gint64 start = g_date_time_to_unix (first);
  g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  g_autoptr(RgClient) client = test_add_client (studio, "Anna", "+7 912 555-00-00");
  GStatBuf st;
  guint made = 0;

  for (int i = 0; i < 365; i++)
    {
      g_autofree char *path_made = NULL;

      g_assert_true (rg_studio_auto_backup (studio, start + (gint64) i * DAY, &path_made, &error));
      g_assert_no_error (error);
      g_assert_nonnull (path_made);
      made++;
      /* Once a day: a second start the same day makes none. */
      if (i % 50 == 0)
        {
          g_autofree char *again = NULL;

          g_assert_true (rg_studio_auto_backup (studio, start + (gint64) i * DAY + 3 * 3600, &again, &error));
          g_assert_null (again);
        }
    }
  g_assert_cmpuint (made, ==, 365);

  g_assert_cmpuint (count_files (folder, NULL), ==, g_strv_length ((char **) kept_2026));
  for (guint i = 0; kept_2026[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("auto-%s-120000" RG_BACKUP_SUFFIX, kept_2026[i]);
      g_autofree char *file = g_build_filename (folder, name, NULL);

      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      if (i == 0)
        {
          g_assert_cmpint (g_stat (file, &st), ==, 0);
          g_assert_cmpint (st.st_mode & 0777, ==, 0600);
        }
    }
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* Each in the audit log, as "auto". */
  g_assert_cmpint (test_sql_int (rg_studio_get_store (studio),
                                 "SELECT count(*) FROM audit_log WHERE action = 'backup' AND what = 'auto'", 0),
                   ==, 365);

  g_clear_object (&studio);
  test_remove_tree (dir);
}

/* A studio damaged since the last backup: its automatic backup is checked,
 * not kept, and the rotation does not push out the good ones. */
static void
test_auto_backup_of_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-rotation-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 1, 1, 12, 0, 0);
  gint64 start = g_date_time_to_unix (first);
  g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  g_autoptr(RgClient) client = test_add_client (studio, "Anna", "+7 912 555-00-00");
  g_autofree char *made = NULL;
  guint before;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *path_made = NULL;

      g_assert_true (rg_studio_auto_backup (studio, start + (gint64) i * DAY, &path_made, &error));
      g_assert_no_error (error);
    }
  before = count_files (folder, NULL);
  g_assert_cmpuint (before, >, 7);

  /* Damaged on the disk while the studio is open: the log moved into the
   * file, then bytes of a page overwritten in place. */
  test_sql_int (rg_studio_get_store (studio), "PRAGMA wal_checkpoint(TRUNCATE)", 0);
  damage_in_place (path);
  g_assert_false (rg_studio_auto_backup (studio, start + 40 * DAY, &made, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "not kept"));
  g_assert_null (made);
  /* Nothing rotated away, and no damaged copy left behind. */
  g_assert_cmpuint (count_files (folder, NULL), ==, before);

  g_clear_object (&client);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

/* A studio damaged while it was closed cleanly opens (the check on opening
 * runs after an unclean end only); the check a moment later finds it, and
 * from then on nothing is written over it. */
static void
test_check_after_opening (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-check-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  g_autoptr(RgClient) anna = test_add_client (studio, "Anna", "+7 912 555-00-00");
  g_autoptr(RgClient) boris = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A sound studio passes and stays writable. */
  g_assert_true (rg_studio_check (studio, &error));
  g_assert_no_error (error);
  g_assert_false (rg_studio_get_read_only (studio));

  test_sql_int (rg_studio_get_store (studio), "PRAGMA wal_checkpoint(TRUNCATE)", 0);
  damage_in_place (path);
  before = file_sum (path);

  g_assert_false (rg_studio_check (studio, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (rg_studio_get_read_only (studio));
  g_assert_nonnull (strstr (rg_studio_get_read_only_message (studio), "damaged"));

  boris = rg_client_new ("Boris", "+7 912 555-00-01");
  g_assert_false (rg_studio_save (studio, boris, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "damaged"));
  after = file_sum (path);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&anna);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GError **error = data;

  g_assert_false (rg_studio_check_finish (RG_STUDIO (source), result, error));
}

static void
passed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_assert_true (rg_studio_check_finish (RG_STUDIO (source), result, NULL));
  *(gboolean *) data = TRUE;
}

/* The check in a thread holds the writes from the moment it starts: a save
 * made before the thread has read the file waits for it, and is refused
 * when the file turns out damaged; the file keeps its bytes. */
static void
test_check_holds_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) found = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-check-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(RgClient) boris = NULL;

  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
    g_autoptr(RgClient) anna = test_add_client (studio, "Anna", "+7 912 555-00-00");
  }
  damage_in_place (path);
  before = file_sum (path);

  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);

    g_assert_false (rg_studio_get_read_only (studio));
    rg_studio_check_async (studio, NULL, checked_cb, &found);
    /* At once, on this thread, before the check's result has come back. */
    boris = rg_client_new ("Boris", "+7 912 555-00-01");
    g_assert_false (rg_studio_save (studio, boris, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "damaged"));
    g_clear_error (&error);
    g_assert_true (rg_studio_get_read_only (studio));
    g_assert_null (found);

    while (found == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (found, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT);
  }
  after = file_sum (path);
  g_assert_cmpstr (after, ==, before);

  /* A sound studio's writes go through once its check is done. */
  {
    g_autofree char *good = g_build_filename (dir, "good.db", NULL);
    g_autoptr(RgStudio) studio = test_open_studio (good, RG_STORE_OPEN_DEFAULT);
    g_autoptr(RgClient) vera = rg_client_new ("Vera", "+7 912 555-00-02");

    gboolean passed = FALSE;

    rg_studio_check_async (studio, NULL, passed_cb, &passed);
    g_assert_true (rg_studio_save (studio, vera, &error));
    g_assert_no_error (error);
    g_assert_false (rg_studio_get_read_only (studio));
    while (!passed)
      g_main_context_iteration (NULL, TRUE);
  }

  test_remove_tree (dir);
}

/* A damaged studio is not opened (nor written to), and the newest good
 * backup is found. */
static void
test_damaged_studio (void)
{
  g_autofree char *path = make_studio ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *good = NULL, *found = NULL, *sum = NULL;
  g_autofree char *bad = g_build_filename (folder, "auto-2099-01-01-000000" RG_BACKUP_SUFFIX, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_auto(RgBackupInfo) info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) broken = NULL;
  gint64 t0, elapsed;

  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);

    g_assert_true (rg_studio_auto_backup (studio, rg_store_now (), &good, &error));
    g_assert_no_error (error);
    g_assert_nonnull (good);
  }
  /* A newer backup that is damaged itself, to be passed over. */
  {
    g_autoptr(GFile) from = g_file_new_for_path (good);
    g_autoptr(GFile) to = g_file_new_for_path (bad);
    struct utimbuf old = { 1000, 1000 };

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    damage (bad);
    g_assert_cmpint (g_utime (good, &old), ==, 0);
  }

  damage (path);
  /* As a crash leaves it: the log still there, not empty (an empty one is
   * the last checkpoint done to its end: nothing to replay, and the check
   * after opening reads the file then). */
  g_assert_true (g_file_set_contents (wal, "not yet checkpointed", -1, &error));
  sum = file_sum (path);
  t0 = g_get_monotonic_time ();
  broken = rg_studio_open (path, RG_STUDIO_OPEN_EXISTING, &error);
  elapsed = g_get_monotonic_time () - t0;
  g_test_message ("Refusing the damaged studio took %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_null (broken);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  {
    g_autofree char *now = file_sum (path);

    g_assert_cmpstr (now, ==, sum);
  }

  found = rg_backup_find_newest_good (path, &info);
  g_assert_cmpstr (found, ==, good);
  g_assert_cmpint (info.clients, >, 0);

  /* And it restores. */
  g_clear_error (&error);
  g_assert_true (rg_backup_restore (found, path, NULL, &error));
  g_assert_no_error (error);
  broken = rg_studio_open (path, RG_STUDIO_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_nonnull (broken);
  /* The damaged one is kept byte for byte. */
  g_assert_cmpuint (count_files (folder, "before-restore-"), ==, 1);

  remove_studio (path);
}

static void
read_only_cb (RgStudio   *studio,
              GParamSpec *pspec,
              guint      *notified)
{
  (*notified)++;
}

/* A full disk or a file that cannot be written: the write fails in words,
 * what was saved stays, and the studio refuses writes until reopened. */
static void
check_stops_writing (gboolean    full,
                     int         code,
                     const char *words)
{
  g_autofree char *path = make_studio ();
  g_autoptr(GError) error = NULL;
  gint64 n_clients = count_clients (path);
  guint notified = 0, saved = 0;

  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
    RgStore *store = rg_studio_get_store (studio);
    g_autoptr(RgClient) last = NULL;

    g_signal_connect (studio, "notify::read-only", G_CALLBACK (read_only_cb), &notified);
    g_assert_false (rg_studio_get_read_only (studio));
    g_assert_null (rg_studio_get_read_only_message (studio));
    {
      g_autoptr(RgClient) first = test_add_client (studio, "Saved Before", "+7 912 200-00-00");
    }
    {
      g_autofree char *pragma = NULL;

      if (full)
        pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                                  test_sql_int (store, "PRAGMA page_count", 0) + 20);
      else
        pragma = g_strdup ("PRAGMA query_only = ON");
      g_assert_true (rg_store_exec (store, pragma, &error));
      g_assert_no_error (error);
    }

    for (int i = 0; i < 2000 && error == NULL; i++)
      {
        g_autofree char *phone = g_strdup_printf ("+7 913 %03d-%02d-%02d", i / 100, i % 100, 1);
        g_autofree char *notes = g_strnfill (3000, 'n');
        g_autoptr(RgClient) client = rg_client_new ("Filling", phone);

        g_object_set (client, "notes", notes, NULL);
        if (rg_studio_save (studio, client, &error))
          saved++;
      }
    g_assert_error (error, RG_STORE_ERROR, code);
    g_assert_nonnull (strstr (error->message, words));
    g_assert_nonnull (strstr (error->message, "everything saved before it is safe"));
    g_assert_true (rg_studio_get_read_only (studio));
    g_assert_cmpstr (rg_studio_get_read_only_message (studio), ==, error->message);
    g_assert_cmpuint (notified, ==, 1);
    g_clear_error (&error);

    /* A small write is refused now too, with the same words. */
    last = rg_client_new ("Small", "+7 912 300-00-00");
    g_assert_false (rg_studio_save (studio, last, &error));
    g_assert_error (error, RG_STORE_ERROR, code);
    g_assert_cmpuint (notified, ==, 1);
    /* Reads go on. */
    g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE deleted_at IS NULL", 0), ==,
                     n_clients + 1 + saved);
  }
  /* Opened again: nothing that was saved is lost. */
  g_assert_cmpint (count_clients (path), ==, n_clients + 1 + saved);
  remove_studio (path);
}

static void
test_disk_full (void)
{
  /* SQLite's answer when the disk (or here the file's limit) is full. */
  check_stops_writing (TRUE, RG_STORE_ERROR_FULL, "full");
}

static void
test_read_only (void)
{
  /* SQLite's answer for a file it may not write: SQLITE_READONLY. */
  check_stops_writing (FALSE, RG_STORE_ERROR_READ_ONLY, "can no longer be written");
}

static void
test_command_line (void)
{
  g_autofree char *path = make_studio ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backup = g_build_filename (dir, "cli" RG_BACKUP_SUFFIX, NULL);
  g_autofree char *out = NULL, *before = studio_digest (path);
  g_autoptr(GError) error = NULL;

  out = rg_backup_command (path, backup, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Backed up"));
  g_assert_nonnull (strstr (out, "2 photos"));
  g_clear_pointer (&out, g_free);
  {
    g_autoptr(RgStudio) studio = test_open_studio (path, RG_STORE_OPEN_NO_CREATE);
    g_autoptr(RgClient) client = test_add_client (studio, "Later", "+7 912 400-00-00");
  }
  out = rg_backup_command (path, backup, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Restored"));
  g_assert_nonnull (strstr (out, "before-restore-"));
  {
    g_autofree char *after = studio_digest (path);

    g_assert_cmpstr (after, ==, before);
  }
  g_clear_pointer (&out, g_free);
  out = rg_backup_command (path, path, TRUE, &error);
  g_assert_null (out);
  g_assert_nonnull (error);
  remove_studio (path);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  demo_path = test_make_demo ("backup", "en", 1796040000);

  g_test_add_func ("/backup/round-trip", test_round_trip);
  g_test_add_func ("/backup/stale-wal", test_stale_wal);
  g_test_add_func ("/backup/stale-wal-file-gone", test_stale_wal_broken);
  g_test_add_func ("/backup/refused", test_refused);
  g_test_add_func ("/backup/rotation-rule", test_rotation_pure);
  g_test_add_func ("/backup/rotation-year", test_rotation_year);
  g_test_add_func ("/backup/damaged-studio", test_damaged_studio);
  g_test_add_func ("/backup/auto-of-damaged", test_auto_backup_of_damaged);
  g_test_add_func ("/backup/check-after-opening", test_check_after_opening);
  g_test_add_func ("/backup/check-holds-writes", test_check_holds_writes);
  g_test_add_func ("/backup/disk-full", test_disk_full);
  g_test_add_func ("/backup/read-only", test_read_only);
  g_test_add_func ("/backup/command-line", test_command_line);

  result = g_test_run ();
  test_remove_demo (demo_path);
  g_free (demo_path);
  return result;
}
