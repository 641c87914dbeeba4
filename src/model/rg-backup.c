/* rg-backup.c — backups of a studio, automatic and by hand, and restoring one.
 *
 * Writing: a read-only connection of its own holds one read transaction
 * (one snapshot, which in WAL mode never blocks the window's writes) while
 * SQLite's backup API copies the pages, a few thousand at a time so a
 * cancel is heard, into "<dest>.part" (0600); in the copy the log is
 * turned off (a backup is one file), the photos and backup_info added, it
 * is synced and renamed over <dest>, and the folder synced.
 *
 * Automatic backups go to "backups" beside the studio (0700), named
 * "auto-YYYY-MM-DD-HHMMSS.regulars-backup" in UTC, at most one a day.
 * Rotation (rg_backup_rotation_keep()) keeps, of the automatic backups:
 * the newest of each of the last 7 local days (today and the 6 before),
 * the newest of each of the last 4 ISO weeks (this one and the 3 before),
 * the newest of each of the last 12 months (this one and the 11 before),
 * the newest of all whatever its age, and any dated after now (a clock set
 * back); every other automatic backup is deleted. "before-restore-…"
 * backups are never deleted by rotation.
 *
 * Restoring (rg_backup_restore()), with no connection to the studio open:
 * the backup is checked; the studio as it is is kept as
 * "backups/before-restore-…"; the backup is copied into a temporary file
 * beside the studio, its backup_* tables dropped, checked
 * (integrity_check), synced; the studio's -wal and -shm are removed
 * BEFORE the rename (a crash between the two then leaves the old studio
 * without its log — its last changes are in the before-restore backup —
 * instead of the restored file with a stale log that would be replayed
 * over it); the copy is renamed over the studio and the folder synced.
 * The photos of the backup are written into the photo folder; files there
 * that the backup lacks are moved into "photos-set-aside-<time>" beside
 * it, never deleted. The restored studio is opened (an older format is
 * upgraded) and its audit log gets the restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rg-audit.h"
#include "rg-backup.h"
#include "rg-roles.h"
#include "rg-format.h"

#define PAGES_PER_STEP 4096
#define DAY (24 * 60 * 60)
#define AUTO_PREFIX "auto-"
#define BEFORE_RESTORE_PREFIX "before-restore-"

void
rg_backup_info_clear (RgBackupInfo *info)
{
  if (info == NULL)
    return;
  g_clear_pointer (&info->app_version, g_free);
  g_clear_pointer (&info->source, g_free);
  memset (info, 0, sizeof *info);
}

/* Small helpers ------------------------------------------------------------- */

static gboolean
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *what,
                  GError     **error)
{
  g_debug ("%s: SQLite %d (%s)", what, rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FULL,
                   _("The disk is full: “%s” could not be written. Free some space and try again."), what);
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN,
                   _("Could not write “%s”. Check that the folder exists and that you may write to it."), what);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Regulars backup."), what);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged."), what);
      break;
    default:
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                   _("Could not read or write “%s”. Check the disk and try again."), what);
      break;
    }
  return FALSE;
}

static gboolean
set_errno_error (int          saved,
                 const char  *what,
                 GError     **error)
{
  g_set_error (error, RG_STORE_ERROR, saved == ENOSPC ? RG_STORE_ERROR_FULL : RG_STORE_ERROR_FAILED,
               _("Could not write “%s”: %s"), what, g_strerror (saved));
  return FALSE;
}

static gboolean
fsync_path (const char *path,
            gboolean    directory)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

static gboolean
fsync_dir_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return fsync_path (dir, TRUE);
}

static char *
photo_folder_of (const char *studio_path)
{
  g_autofree char *dir = g_path_get_dirname (studio_path);

  return g_build_filename (dir, "photos", NULL);
}

/* A photo's file name as the studio writes it: no folder, nothing hidden. */
static gboolean
plain_file_name (const char *name)
{
  return name && *name && *name != '.' && strchr (name, '/') == NULL && strchr (name, '\\') == NULL;
}

static char *
utc_stamp (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return g_date_time_format (dt, "%Y-%m-%d-%H%M%S");
}

/* The time in a backup's name ("auto-2026-12-07-103000.regulars-backup"),
 * or -1. */
static gint64
time_of_name (const char *name,
              const char *prefix)
{
  int y, mo, d, h, mi, s;
  char tail[64];
  g_autoptr(GDateTime) dt = NULL;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, RG_BACKUP_SUFFIX))
    return -1;
  if (sscanf (name + strlen (prefix), "%4d-%2d-%2d-%2d%2d%2d%63s", &y, &mo, &d, &h, &mi, &s, tail) != 7 ||
      strcmp (tail, RG_BACKUP_SUFFIX) != 0)
    return -1;
  dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  return dt ? g_date_time_to_unix (dt) : -1;
}

/* Writing ------------------------------------------------------------------- */

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      const char  *what,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (db, sqlite3_extended_errcode (db), what, error);
  return TRUE;
}

static gboolean
put_info (sqlite3     *db,
          const char  *key,
          const char  *value,
          const char  *what,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO backup_info (key, value) VALUES (?1, ?2)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode (db);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, what, error);
  return TRUE;
}

/* Every regular file of the photo folder into backup_photos. */
static gboolean
put_photos (sqlite3       *db,
            const char    *studio_path,
            gint64        *n_photos,
            GCancellable  *cancellable,
            const char    *what,
            GError       **error)
{
  g_autofree char *folder = photo_folder_of (studio_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  sqlite3_stmt *stmt = NULL;
  const char *name;
  int rc;

  *n_photos = 0;
  if (dir == NULL)
    return TRUE;

  rc = sqlite3_prepare_v2 (db, "INSERT INTO backup_photos (file, data) VALUES (?1, ?2)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, what, error);

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *data = NULL;
      gsize size = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (!plain_file_name (name) || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (path, &data, &size, NULL))
        {
          g_warning ("Could not read the photo %s; not in the backup", path);
          continue;
        }
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob64 (stmt, 2, data, size, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        {
          rc = sqlite3_extended_errcode (db);
          sqlite3_finalize (stmt);
          return set_sqlite_error (db, rc, what, error);
        }
      (*n_photos)++;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Creates @path for writing, only for its owner; an old one is replaced. */
static gboolean
create_private (const char  *path,
                GError     **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  int fd;

  g_unlink (path);
  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (errno, basename, error);
  close (fd);
  return TRUE;
}

/* Copies the database of @src (one snapshot: the caller holds a read
 * transaction, or nobody writes) into the new file @dest_path. */
static gboolean
copy_pages (sqlite3       *src,
            const char    *dest_path,
            sqlite3      **out,
            GCancellable  *cancellable,
            const char    *what,
            GError       **error)
{
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!create_private (dest_path, error))
    return FALSE;
  rc = sqlite3_open_v2 (dest_path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (dst, rc, what, error);
      sqlite3_close (dst);
      return FALSE;
    }
  sqlite3_extended_result_codes (dst, TRUE);
  /* Nobody reads the copy before it is whole: no journal while it is
   * written, and one sync of the finished file (finish_file()) instead of
   * one per step. */
  sqlite3_exec (dst, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL);

  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      set_sqlite_error (dst, sqlite3_extended_errcode (dst), what, error);
      sqlite3_close (dst);
      return FALSE;
    }
  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (10 * 1000);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sqlite3_close (dst);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (dst, rc == SQLITE_OK ? sqlite3_extended_errcode (dst) : rc, what, error);
      sqlite3_close (dst);
      return FALSE;
    }

  *out = dst;
  return TRUE;
}

static gboolean
finish_file (sqlite3     *dst,
             const char  *tmp,
             const char  *dest,
             const char  *what,
             GError     **error)
{
  if (sqlite3_close (dst) != SQLITE_OK)
    return set_sqlite_error (NULL, SQLITE_IOERR, what, error);
  if (!fsync_path (tmp, FALSE))
    return set_errno_error (errno, what, error);
  if (g_rename (tmp, dest) != 0)
    return set_errno_error (errno, what, error);
  fsync_dir_of (dest);
  return TRUE;
}

/* Writes a backup of @reader's studio (a read-only connection of this
 * thread) to @dest. */
static gboolean
write_from_reader (RgStore       *reader,
                   const char    *dest,
                   const char    *kind,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".part", NULL);
  g_autofree char *what = g_path_get_basename (dest);
  const char *studio_path = rg_store_get_path (reader);
  sqlite3 *dst = NULL;
  gboolean started = FALSE, ok;
  gint64 n_photos = 0;
  char number[32];

  if (!rg_store_begin_read (reader, &started, error))
    return FALSE;
  /* The snapshot starts at the first read. */
  if (!rg_store_exec (reader, "SELECT count(*) FROM sqlite_master", error))
    {
      rg_store_end_read (reader, started);
      return FALSE;
    }
  ok = copy_pages (rg_store_get_db (reader), tmp, &dst, cancellable, what, error);
  rg_store_end_read (reader, started);
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }

  g_snprintf (number, sizeof number, "%d", rg_store_get_schema_version (reader));
  ok = exec (dst, "PRAGMA journal_mode = DELETE; BEGIN;"
                  "CREATE TABLE backup_photos (file TEXT PRIMARY KEY, data BLOB NOT NULL);"
                  "CREATE TABLE backup_info (key TEXT PRIMARY KEY, value);", what, error) &&
       put_photos (dst, studio_path, &n_photos, cancellable, what, error);
  if (ok)
    {
      char made[32], photos[32];

      g_snprintf (made, sizeof made, "%" G_GINT64_FORMAT, rg_store_now ());
      g_snprintf (photos, sizeof photos, "%" G_GINT64_FORMAT, n_photos);
      ok = put_info (dst, "made_at", made, what, error) &&
           put_info (dst, "app_version", PACKAGE_VERSION, what, error) &&
           put_info (dst, "source", studio_path, what, error) &&
           put_info (dst, "format", number, what, error) &&
           put_info (dst, "kind", kind, what, error) &&
           put_info (dst, "photos", photos, what, error) &&
           exec (dst, "COMMIT", what, error);
    }
  if (!ok)
    {
      sqlite3_close (dst);
      g_unlink (tmp);
      return FALSE;
    }
  if (!finish_file (dst, tmp, dest, what, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

/* Writes a backup of the studio at @studio_path to @dest (replaced if it
 * exists), from a read-only connection of its own: callable from any
 * thread, also while the studio is open and written to. @kind goes into
 * backup_info ("manual", "auto", "before-restore"). */
gboolean
rg_backup_write (const char    *studio_path,
                 const char    *dest,
                 const char    *kind,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(RgStore) reader = NULL;

  g_return_val_if_fail (studio_path != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  reader = rg_store_open_read_only (studio_path, error);
  if (reader == NULL)
    return FALSE;
  return write_from_reader (reader, dest, kind ? kind : "manual", cancellable, error);
}

static void
audit_backup (RgStudio   *studio,
              const char *path,
              const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  if (!rg_studio_audit (studio, RG_AUDIT_BACKUP, what, -1, basename, NULL, &error))
    g_warning ("The backup to %s is not in the audit log: %s", path, error->message);
}

/* Backs up @studio to @path on this thread, and notes it in the audit log. */
gboolean
rg_studio_backup_to_file (RgStudio      *studio,
                          const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  const char *studio_path;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_BACKUP, 0, 0, error))
    return FALSE;
  studio_path = rg_studio_get_path (studio);
  if (studio_path == NULL)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("A studio that is not saved in a file has nothing to back up."));
      return FALSE;
    }
  if (!rg_backup_write (studio_path, path, "manual", cancellable, error))
    return FALSE;
  audit_backup (studio, path, "studio");
  return TRUE;
}

typedef struct {
  char    *studio_path;
  char    *dest;         /* NULL for an automatic backup, until one is due */
  gint64   now;
  gboolean automatic;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->studio_path);
  g_free (job->dest);
  g_free (job);
}

static gboolean auto_backup_in_thread (const char *studio_path, gint64 now, char **made,
                                       GCancellable *cancellable, GError **error);

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  BackupJob *job = data;
  GError *error = NULL;
  gboolean ok;

  if (job->automatic)
    ok = auto_backup_in_thread (job->studio_path, job->now, &job->dest, cancellable, &error);
  else
    ok = rg_backup_write (job->studio_path, job->dest, "manual", cancellable, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_backup (RgStudio            *studio,
              BackupJob           *job,
              gpointer             tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (studio, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  if (job->studio_path == NULL)
    {
      g_task_return_new_error (task, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, "%s",
                               _("A studio that is not saved in a file has nothing to back up."));
      return;
    }
  /* Below the window's own work: the copy is disk and memory bound. */
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, backup_thread);
}

/* Backs up @studio to @path in a thread; the window goes on (and may write:
 * the backup is the studio as it was when it started). */
void
rg_studio_backup_async (RgStudio            *studio,
                        const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  BackupJob *job;

  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (path != NULL);

  {
    GError *refused = NULL;

    if (!rg_studio_allowed (studio, RG_ACTION_BACKUP, 0, 0, &refused))
      {
        g_task_report_error (studio, callback, user_data, rg_studio_backup_async, refused);
        return;
      }
  }
  job = g_new0 (BackupJob, 1);
  job->studio_path = g_strdup (rg_studio_get_path (studio));
  job->dest = g_strdup (path);
  start_backup (studio, job, rg_studio_backup_async, cancellable, callback, user_data);
}

/* On the studio's thread: also notes the backup in the audit log. */
gboolean
rg_studio_backup_finish (RgStudio      *studio,
                         GAsyncResult  *result,
                         GError       **error)
{
  BackupJob *job;

  g_return_val_if_fail (g_task_is_valid (result, studio), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  audit_backup (studio, job->dest, "studio");
  return TRUE;
}

/* Automatic backups ---------------------------------------------------------- */

/* The folder of @studio_path's automatic backups. */
char *
rg_backup_folder (const char *studio_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (studio_path != NULL, NULL);
  dir = g_path_get_dirname (studio_path);
  return g_build_filename (dir, "backups", NULL);
}

/* The dated backups of @folder: names (owned by the array) and times. */
static GPtrArray *
list_dated (const char  *folder,
            const char  *prefix,
            GArray     **times)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  *times = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (dir == NULL)
    return names;
  while ((name = g_dir_read_name (dir)))
    {
      gint64 t = time_of_name (name, prefix);

      if (t < 0)
        continue;
      g_ptr_array_add (names, g_strdup (name));
      g_array_append_val (*times, t);
    }
  return names;
}

/* The path of the automatic backup to make now for the studio at
 * @studio_path, or NULL when one was made less than a day before @now. */
char *
rg_backup_auto_due (const char *studio_path,
                    gint64      now)
{
  g_autofree char *folder = rg_backup_folder (studio_path);
  g_autoptr(GArray) times = NULL;
  g_autoptr(GPtrArray) names = list_dated (folder, AUTO_PREFIX, &times);
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; i < times->len; i++)
    {
      gint64 t = g_array_index (times, gint64, i);

      if (t > now - DAY && t <= now)
        return NULL;
    }
  stamp = utc_stamp (now);
  name = g_strconcat (AUTO_PREFIX, stamp, RG_BACKUP_SUFFIX, NULL);
  return g_build_filename (folder, name, NULL);
}

static gint64
day_key (GDateTime *dt)
{
  return g_date_time_get_year (dt) * 10000 + g_date_time_get_month (dt) * 100 + g_date_time_get_day_of_month (dt);
}

static gint64
week_key (GDateTime *dt)
{
  return g_date_time_get_week_numbering_year (dt) * 100 + g_date_time_get_week_of_year (dt);
}

static gint64
month_key (GDateTime *dt)
{
  return g_date_time_get_year (dt) * 12 + g_date_time_get_month (dt) - 1;
}

static gboolean
key_in (const gint64 *keys,
        guint         n,
        gint64        key)
{
  for (guint i = 0; i < n; i++)
    if (keys[i] == key)
      return TRUE;
  return FALSE;
}

static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const gint64 *times = data;
  gint64 ta = times[*(const guint *) a], tb = times[*(const guint *) b];

  return ta > tb ? -1 : ta < tb ? 1 : 0;
}

/* Which of @n automatic backups made at @times (Unix seconds) rotation
 * keeps at @now (a new array of @n; see the top of this file for the
 * rule). Days, weeks and months are local. */
gboolean *
rg_backup_rotation_keep (const gint64 *times,
                         guint         n,
                         gint64        now)
{
  gboolean *keep = g_new0 (gboolean, n);
  g_autofree guint *order = g_new (guint, n);
  g_autoptr(GDateTime) now_dt = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 days[7], weeks[4], months[12];
  gboolean newest_seen = FALSE;
  int year, month;

  /* From noon, so that a day with a clock change is still one day. */
  noon = g_date_time_new_local (g_date_time_get_year (now_dt), g_date_time_get_month (now_dt),
                                g_date_time_get_day_of_month (now_dt), 12, 0, 0);
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) d = g_date_time_add_days (noon, -i);
      days[i] = day_key (d);
    }
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GDateTime) d = g_date_time_add_days (noon, -7 * i);
      weeks[i] = week_key (d);
    }
  year = g_date_time_get_year (now_dt);
  month = g_date_time_get_month (now_dt);
  for (int i = 0; i < 12; i++)
    months[i] = year * 12 + month - 1 - i;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), newest_first, (gpointer) times);

  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      g_autoptr(GDateTime) dt = NULL;
      gint64 keys[3];

      if (times[i] > now)
        {
          keep[i] = TRUE;
          continue;
        }
      if (!newest_seen)
        keep[i] = newest_seen = TRUE;
      dt = g_date_time_new_from_unix_local (times[i]);
      /* Kinds apart: a day key, a week key and a month key never meet. */
      keys[0] = day_key (dt);
      keys[1] = 100000000 + week_key (dt);
      keys[2] = 200000000 + month_key (dt);
      for (int j = 0; j < 3; j++)
        {
          gboolean window = j == 0 ? key_in (days, 7, keys[0])
                          : j == 1 ? key_in (weeks, 4, keys[1] - 100000000)
                          : key_in (months, 12, keys[2] - 200000000);

          if (g_hash_table_contains (seen, &keys[j]))
            continue;
          g_hash_table_add (seen, g_memdup2 (&keys[j], sizeof (gint64)));
          if (window)
            keep[i] = TRUE;
        }
    }
  return keep;
}

/* Deletes the automatic backups of @folder that rotation does not keep at
 * @now. */
gboolean
rg_backup_rotate (const char  *folder,
                  gint64       now,
                  GError     **error)
{
  g_autoptr(GArray) times = NULL;
  g_autoptr(GPtrArray) names = list_dated (folder, AUTO_PREFIX, &times);
  g_autofree gboolean *keep = NULL;

  keep = rg_backup_rotation_keep ((const gint64 *) (void *) times->data, times->len, now);
  for (guint i = 0; i < names->len; i++)
    if (!keep[i])
      {
        g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

        if (g_unlink (path) != 0 && errno != ENOENT)
          {
            int saved = errno;

            g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                         _("Could not remove the old backup “%s”: %s"),
                         (const char *) g_ptr_array_index (names, i), g_strerror (saved));
            return FALSE;
          }
        g_debug ("Rotated out %s", path);
      }
  return TRUE;
}

static gboolean
make_backup_folder (const char  *folder,
                    GError     **error)
{
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, RG_STORE_ERROR, saved == ENOSPC ? RG_STORE_ERROR_FULL : RG_STORE_ERROR_CANNOT_OPEN,
                   _("Could not make the backup folder “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  /* Whatever the umask: backups hold the clients' data. */
  g_chmod (folder, 0700);
  return TRUE;
}

/* Reads every page of the file at @path on a connection of its own
 * (`PRAGMA quick_check`): FALSE with RG_STORE_ERROR_CORRUPT when something
 * is damaged or the file cannot be read at all. Changes nothing. */
static gboolean
check_file (const char  *path,
            GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT,
                   _("“%s” could not be read."), name);
      sqlite3_close (db);
      return FALSE;
    }
  ok = rg_store_quick_check (db, name, error);
  sqlite3_close (db);
  return ok;
}

static gboolean
auto_backup_in_thread (const char    *studio_path,
                       gint64         now,
                       char         **made,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *dest = rg_backup_auto_due (studio_path, now);
  g_autofree char *folder = rg_backup_folder (studio_path);
  g_autoptr(RgStore) reader = NULL;

  if (dest == NULL)
    return TRUE;
  if (!make_backup_folder (folder, error))
    return FALSE;
  reader = rg_store_open_read_only (studio_path, error);
  if (reader == NULL || !write_from_reader (reader, dest, "auto", cancellable, error))
    return FALSE;
  g_clear_object (&reader);
  /* The copy is checked before the rotation deletes anything: a studio
   * damaged since yesterday must not push its good backups out. A copy
   * that fails is removed and the folder left as it was. */
  if (!check_file (dest, error))
    {
      g_prefix_error (error, _("The automatic backup was not kept, and older backups were not rotated away: "));
      g_unlink (dest);
      return FALSE;
    }
  if (!rg_backup_rotate (folder, now, error))
    return FALSE;
  *made = g_steal_pointer (&dest);
  return TRUE;
}

/* Makes the automatic backup of @studio when none was made in the day
 * before @now, then rotates the folder; *@made is the new backup's path,
 * or NULL when none was due. On this thread. */
gboolean
rg_studio_auto_backup (RgStudio  *studio,
                       gint64     now,
                       char     **made,
                       GError   **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (made)
    *made = NULL;
  if (rg_studio_get_path (studio) == NULL)
    return TRUE;
  if (!auto_backup_in_thread (rg_studio_get_path (studio), now, &path, NULL, error))
    return FALSE;
  if (path)
    audit_backup (studio, path, "auto");
  if (made)
    *made = g_steal_pointer (&path);
  return TRUE;
}

void
rg_studio_auto_backup_async (RgStudio            *studio,
                             gint64               now,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  BackupJob *job;

  g_return_if_fail (RG_IS_STUDIO (studio));

  job = g_new0 (BackupJob, 1);
  job->studio_path = g_strdup (rg_studio_get_path (studio));
  job->now = now;
  job->automatic = TRUE;
  start_backup (studio, job, rg_studio_auto_backup_async, cancellable, callback, user_data);
}

gboolean
rg_studio_auto_backup_finish (RgStudio      *studio,
                              GAsyncResult  *result,
                              char         **made,
                              GError       **error)
{
  BackupJob *job;

  g_return_val_if_fail (g_task_is_valid (result, studio), FALSE);

  if (made)
    *made = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (job->dest)
    audit_backup (studio, job->dest, "auto");
  if (made)
    *made = g_strdup (job->dest);
  return TRUE;
}

/* Reading -------------------------------------------------------------------- */

static gint64
query_count (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
info_value (sqlite3    *db,
            const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM backup_info WHERE key = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
has_table (sqlite3    *db,
           const char *table)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", -1, &stmt,
                          NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Checks that the file at @path is a backup Regulars can restore — ours
 * (its application_id), whole (`PRAGMA integrity_check`), of a format this
 * version reads (an older one is upgraded when the restored studio is
 * opened) — and, into @info (may be NULL), what it holds. A studio file
 * itself passes too (with no photos; its time is the file's). Reads only:
 * the file is opened immutable, so not even a journal is made beside it. */
gboolean
rg_backup_inspect (const char    *path,
                   RgBackupInfo  *info,
                   GError       **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *made = NULL;
  RgBackupInfo local = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GStatBuf st;
  int app_id, rc;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  basename = g_path_get_basename (path);
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” does not exist or is not a file."), basename);
      return FALSE;
    }

  /* An immutable read: a backup has no log, and a studio file given here
   * by mistake must not have its log written back. */
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return set_sqlite_error (NULL, SQLITE_CANTOPEN, basename, error);
  {
    g_autofree char *full = g_strconcat (uri, "?immutable=1", NULL);

    rc = sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, basename, error);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id), user_version "
                               "FROM pragma_user_version", -1, &stmt, NULL);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Regulars backup: it is not a database at all. Choose a file that Regulars "
                     "made with Back Up Now or from the “backups” folder."), basename);
      goto out;
    }
  app_id = sqlite3_column_int (stmt, 0);
  local.format = sqlite3_column_int (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if ((guint32) app_id != RG_STORE_APPLICATION_ID)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Regulars backup: it is a database of another program."), basename);
      goto out;
    }
  if (local.format > rg_store_latest_version ())
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Regulars (format %d; this version reads up to %d). "
                     "Update Regulars to restore it."),
                   basename, local.format, rg_store_latest_version ());
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_debug ("integrity_check of %s: %s", path,
               stmt && sqlite3_column_text (stmt, 0) ? (const char *) sqlite3_column_text (stmt, 0)
                                                     : sqlite3_errmsg (db));
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged: SQLite’s check of the file found broken pages. "
                     "Choose another backup."), basename);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (has_table (db, "backup_info"))
    {
      made = info_value (db, "made_at");
      local.app_version = info_value (db, "app_version");
      local.source = info_value (db, "source");
    }
  if (made == NULL || !g_ascii_string_to_signed (made, 10, 0, G_MAXINT64, &local.made_at, NULL))
    local.made_at = st.st_mtime;
  local.clients = query_count (db, "SELECT count(*) FROM clients WHERE deleted_at IS NULL");
  local.appointments = query_count (db, "SELECT count(*) FROM appointments WHERE deleted_at IS NULL");
  local.visits = query_count (db, "SELECT count(*) FROM appointments WHERE deleted_at IS NULL AND status = 'done'");
  local.photos = has_table (db, "backup_photos") ? query_count (db, "SELECT count(*) FROM backup_photos") : 0;
  if (local.clients < 0 || local.appointments < 0 || local.visits < 0 || local.photos < 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Regulars backup: it lacks the studio’s tables."), basename);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (ok && info)
    {
      rg_backup_info_clear (info);
      *info = local;
    }
  else
    rg_backup_info_clear (&local);
  return ok;
}

/* What a backup holds, in one line: "Made 07.12.2026 10:30: 1,204 clients,
 * 8,311 visits, 35 photos." */
char *
rg_backup_describe (const RgBackupInfo *info)
{
  g_autofree char *when = NULL;
  g_autofree char *clients = NULL, *visits = NULL, *photos = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  when = rg_format_date_time (info->made_at);
  {
    g_autofree char *n_clients = g_strdup_printf ("%" G_GINT64_FORMAT, info->clients);
    g_autofree char *n_visits = g_strdup_printf ("%" G_GINT64_FORMAT, info->visits);
    g_autofree char *n_photos = g_strdup_printf ("%" G_GINT64_FORMAT, info->photos);

    /* Translators: %s is a number of clients */
    clients = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s client", "%s clients", info->clients), n_clients);
    /* Translators: %s is a number of visits */
    visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s visit", "%s visits", info->visits), n_visits);
    /* Translators: %s is a number of photos */
    photos = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s photo", "%s photos", info->photos), n_photos);
  }
  /* Translators: a backup: when it was made, then what it holds */
  return g_strdup_printf (_("Made %s: %s, %s, %s."), when, clients, visits, photos);
}

/* Restoring ------------------------------------------------------------------ */

/* Whether a connection (of this process or another: a Regulars window) has
 * the studio at @studio_path open. */
gboolean
rg_backup_studio_in_use (const char *studio_path)
{
  g_return_val_if_fail (studio_path != NULL, FALSE);
  return rg_store_is_in_use (studio_path);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dst = g_file_new_for_path (to);

  return g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* Keeps the studio at @studio_path as it is in its backup folder; *@kept
 * the copy. A studio SQLite cannot read as one (damaged, not ours) is kept
 * as its files, byte for byte. */
static gboolean
keep_current (const char  *studio_path,
              gint64       now,
              char       **kept,
              GError     **error)
{
  g_autofree char *folder = rg_backup_folder (studio_path);
  g_autofree char *stamp = utc_stamp (now);
  g_autofree char *name = g_strconcat (BEFORE_RESTORE_PREFIX, stamp, RG_BACKUP_SUFFIX, NULL);
  g_autofree char *dest = g_build_filename (folder, name, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *raw = NULL;

  if (!g_file_test (studio_path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!make_backup_folder (folder, error))
    return FALSE;
  if (rg_backup_write (studio_path, dest, "before-restore", NULL, &local_error))
    {
      *kept = g_steal_pointer (&dest);
      return TRUE;
    }
  if (g_error_matches (local_error, RG_STORE_ERROR, RG_STORE_ERROR_FULL))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_debug ("The studio is kept byte for byte: %s", local_error->message);
  raw = g_strconcat (BEFORE_RESTORE_PREFIX, stamp, ".damaged.db", NULL);
  g_free (dest);
  dest = g_build_filename (folder, raw, NULL);
  if (!copy_file (studio_path, dest, error))
    return FALSE;
  g_chmod (dest, 0600);
  {
    g_autofree char *wal = g_strconcat (studio_path, "-wal", NULL);
    g_autofree char *wal_dest = g_strconcat (dest, "-wal", NULL);

    if (g_file_test (wal, G_FILE_TEST_EXISTS) && !copy_file (wal, wal_dest, error))
      return FALSE;
    g_chmod (wal_dest, 0600);
  }
  *kept = g_steal_pointer (&dest);
  return TRUE;
}

/* The backup's photos into the photo folder; files there it lacks are
 * moved aside. */
static gboolean
restore_photos (sqlite3     *backup,
                const char  *studio_path,
                gint64       now,
                GError     **error)
{
  g_autofree char *folder = photo_folder_of (studio_path);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *aside = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *name;
  int rc;

  if (has_table (backup, "backup_photos"))
    {
      if (g_mkdir_with_parents (folder, 0700) != 0)
        return set_errno_error (errno, folder, error);
      rc = sqlite3_prepare_v2 (backup, "SELECT file, data FROM backup_photos", -1, &stmt, NULL);
      while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *file = (const char *) sqlite3_column_text (stmt, 0);
          g_autofree char *path = NULL;

          if (!plain_file_name (file))
            continue;
          path = g_build_filename (folder, file, NULL);
          g_hash_table_add (names, g_strdup (file));
          if (!g_file_set_contents_full (path, sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1),
                                         G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
      sqlite3_finalize (stmt);
    }

  if ((dir = g_dir_open (folder, 0, NULL)) == NULL)
    return TRUE;
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL, *to = NULL;

      if (g_hash_table_contains (names, name))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (aside == NULL)
        {
          g_autofree char *dirname = g_path_get_dirname (studio_path);
          g_autofree char *stamp = utc_stamp (now);
          g_autofree char *base = g_strconcat ("photos-set-aside-", stamp, NULL);

          aside = g_build_filename (dirname, base, NULL);
          if (g_mkdir_with_parents (aside, 0700) != 0)
            return set_errno_error (errno, aside, error);
        }
      to = g_build_filename (aside, name, NULL);
      if (g_rename (path, to) != 0)
        return set_errno_error (errno, path, error);
    }
  return TRUE;
}

static gboolean
remove_if_there (const char  *path,
                 GError     **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_autofree char *basename = g_path_get_basename (path);

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                   _("Could not remove “%s”: %s"), basename, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Replaces the studio at @studio_path with the backup at @backup_path,
 * which no connection may have open (%RG_STORE_ERROR_BUSY otherwise): see
 * the top of this file for the steps. *@kept (may be NULL): where the
 * studio as it was is kept, or NULL when there was none. On an error
 * before the swap the studio is as it was. */
gboolean
rg_backup_restore (const char  *backup_path,
                   const char  *studio_path,
                   char       **kept,
                   GError     **error)
{
  g_autofree char *studio = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *wal = NULL, *shm = NULL, *journal = NULL;
  g_autofree char *kept_path = NULL;
  g_autofree char *what = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *detail = NULL;
  g_auto(RgBackupInfo) info = { 0 };
  g_autoptr(RgStudio) restored = NULL;
  g_autoptr(GError) audit_error = NULL;
  sqlite3 *src = NULL, *dst = NULL;
  gint64 now = rg_store_now ();
  gint64 pages, free_pages;
  int rc;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (studio_path != NULL, FALSE);

  if (kept)
    *kept = NULL;
  studio = g_canonicalize_filename (studio_path, NULL);
  what = g_path_get_basename (studio);
  backup_name = g_path_get_basename (backup_path);

  {
    GStatBuf a, b;

    if (g_stat (backup_path, &a) == 0 && g_stat (studio, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
      {
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                     _("“%s” is the studio itself, not a backup of it. Choose a backup file."), backup_name);
        return FALSE;
      }
  }
  if (!rg_backup_inspect (backup_path, &info, error))
    return FALSE;
  if (rg_store_is_in_use (studio))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_BUSY,
                   _("The studio “%s” is open in Regulars. Close its window first, then restore."), what);
      return FALSE;
    }

  /* 1. The studio as it is. */
  if (!keep_current (studio, now, &kept_path, error))
    return FALSE;

  /* 2. The backup, copied beside the studio and made a studio again. */
  tmp = g_strconcat (studio, ".restoring", NULL);
  journal = g_strconcat (tmp, "-journal", NULL);
  g_unlink (journal);
  {
    g_autofree char *uri = g_filename_to_uri (backup_path, NULL, NULL);
    g_autofree char *full = g_strconcat (uri ? uri : "", "?immutable=1", NULL);

    rc = sqlite3_open_v2 (full, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (src, rc, backup_name, error);
      sqlite3_close (src);
      return FALSE;
    }
  if (!copy_pages (src, tmp, &dst, NULL, what, error))
    {
      sqlite3_close (src);
      g_unlink (tmp);
      return FALSE;
    }
  if (!exec (dst, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;"
                  "DROP TABLE IF EXISTS backup_photos; DROP TABLE IF EXISTS backup_info;", what, error))
    goto fail;
  /* The photos left free pages: give them back when they were many. */
  pages = query_count (dst, "PRAGMA page_count");
  free_pages = query_count (dst, "PRAGMA freelist_count");
  if (free_pages > 256 && free_pages * 4 > pages && !exec (dst, "VACUUM", what, error))
    goto fail;
  {
    sqlite3_stmt *stmt = NULL;
    gboolean whole = sqlite3_prepare_v2 (dst, "PRAGMA integrity_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
                     sqlite3_step (stmt) == SQLITE_ROW &&
                     g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;

    sqlite3_finalize (stmt);
    if (!whole)
      {
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT,
                     _("The copy of the backup “%s” did not pass SQLite’s check; the studio was left as it was."),
                     backup_name);
        goto fail;
      }
  }
  rc = sqlite3_close (dst);
  dst = NULL;
  if (rc != SQLITE_OK || !fsync_path (tmp, FALSE))
    {
      set_sqlite_error (NULL, SQLITE_IOERR, what, error);
      goto fail;
    }

  /* 3. The swap: the old log first (see the top of the file), then the file. */
  wal = g_strconcat (studio, "-wal", NULL);
  shm = g_strconcat (studio, "-shm", NULL);
  if (!remove_if_there (wal, error) || !remove_if_there (shm, error))
    goto fail;
  fsync_dir_of (studio);
  if (g_rename (tmp, studio) != 0)
    {
      set_errno_error (errno, what, error);
      goto fail;
    }
  fsync_dir_of (studio);

  /* 4. The photos. */
  if (!restore_photos (src, studio, now, error))
    {
      g_prefix_error (error, _("The studio was restored, but not all its photos: "));
      sqlite3_close (src);
      if (kept)
        *kept = g_steal_pointer (&kept_path);
      return FALSE;
    }
  sqlite3_close (src);
  src = NULL;

  /* 5. Opened (upgraded when older), and the restore in its audit log. */
  restored = rg_studio_open (studio, RG_STUDIO_OPEN_EXISTING, error);
  if (restored == NULL)
    {
      if (kept)
        *kept = g_steal_pointer (&kept_path);
      return FALSE;
    }
  detail = rg_backup_describe (&info);
  if (!rg_studio_audit (restored, RG_AUDIT_RESTORE, "studio", info.clients, backup_name, detail, &audit_error))
    g_warning ("The restore is not in the audit log: %s", audit_error->message);

  if (kept)
    *kept = g_steal_pointer (&kept_path);
  return TRUE;

fail:
  if (dst)
    sqlite3_close (dst);
  sqlite3_close (src);
  g_unlink (tmp);
  g_unlink (journal);
  return FALSE;
}

static int
newest_mtime_first (gconstpointer a,
                    gconstpointer b)
{
  const char *pa = *(const char * const *) a, *pb = *(const char * const *) b;
  GStatBuf sa, sb;

  if (g_stat (pa, &sa) != 0)
    sa.st_mtime = 0;
  if (g_stat (pb, &sb) != 0)
    sb.st_mtime = 0;
  return sa.st_mtime > sb.st_mtime ? -1 : sa.st_mtime < sb.st_mtime ? 1 : g_strcmp0 (pb, pa);
}

/* The newest backup in the studio's backup folder that passes
 * rg_backup_inspect() (its @info filled), or NULL. */
char *
rg_backup_find_newest_good (const char   *studio_path,
                            RgBackupInfo *info)
{
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (studio_path != NULL, NULL);

  folder = rg_backup_folder (studio_path);
  if ((dir = g_dir_open (folder, 0, NULL)) == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, RG_BACKUP_SUFFIX))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, newest_mtime_first);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *path = g_ptr_array_index (paths, i);

      if (rg_backup_inspect (path, info, &error))
        return g_strdup (path);
      g_debug ("Not a good backup: %s", error->message);
    }
  return NULL;
}

/* The command line ----------------------------------------------------------- */

char *
rg_backup_command (const char  *studio_path,
                   const char  *file,
                   gboolean     restore,
                   GError     **error)
{
  g_autofree char *studio = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (studio_path != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  studio = g_canonicalize_filename (studio_path, NULL);
  name = g_path_get_basename (studio);

  if (!restore)
    {
      g_autoptr(RgStudio) opened = NULL;
      g_auto(RgBackupInfo) info = { 0 };
      g_autofree char *described = NULL;

      opened = rg_studio_open (studio, RG_STUDIO_OPEN_EXISTING, error);
      if (opened == NULL || !rg_studio_backup_to_file (opened, file, NULL, error))
        return NULL;
      if (!rg_backup_inspect (file, &info, error))
        return NULL;
      described = rg_backup_describe (&info);
      return g_strdup_printf (_("Backed up “%s” to %s.\n%s"), name, file, described);
    }
  else
    {
      g_auto(RgBackupInfo) info = { 0 };
      g_autofree char *kept = NULL;
      g_autofree char *described = NULL;
      GString *out;

      if (!rg_backup_inspect (file, &info, error) ||
          !rg_backup_restore (file, studio, &kept, error))
        return NULL;
      described = rg_backup_describe (&info);
      out = g_string_new (NULL);
      g_string_append_printf (out, _("Restored “%s” from %s.\n%s"), name, file, described);
      if (kept)
        g_string_append_printf (out, "\n%s", _("The studio as it was before is kept in:"));
      if (kept)
        g_string_append_printf (out, " %s", kept);
      return g_string_free (out, FALSE);
    }
}

/* --- The check after opening -------------------------------------------- */

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  RgStore *store = rg_studio_get_store (source);
  GError *error = NULL;

  if (check_file (data, &error))
    {
      rg_store_release_writes (store, NULL);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      rg_store_release_writes (store, g_error_matches (error, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT) ? error : NULL);
      g_task_return_error (task, error);
    }
}

/* A studio opened after a clean end was not checked on opening (the check
 * reads the whole file: 1.6 s for 100,000 clients): it is checked now, in
 * a thread. A damaged one stops writing (RgStudio:read-only) with the
 * message, so nothing is written over it; the caller offers a backup.
 * rg_studio_check_async() holds the studio's writes from the moment it is
 * called until the thread has read the file: a write made meanwhile waits
 * for the check, and is refused when it found damage. */
gboolean
rg_studio_check (RgStudio  *studio,
                 GError   **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (rg_studio_get_path (studio) == NULL || check_file (rg_studio_get_path (studio), &local))
    return TRUE;
  rg_store_stop_writing (rg_studio_get_store (studio), local);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

void
rg_studio_check_async (RgStudio            *studio,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RG_IS_STUDIO (studio));

  task = g_task_new (studio, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_studio_check_async);
  g_task_set_priority (task, G_PRIORITY_LOW);
  if (rg_studio_get_path (studio) == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_set_task_data (task, g_strdup (rg_studio_get_path (studio)), g_free);
  rg_store_hold_writes (rg_studio_get_store (studio));
  g_task_run_in_thread (task, check_thread);
}

gboolean
rg_studio_check_finish (RgStudio      *studio,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (g_task_is_valid (result, studio), FALSE);

  if (g_task_propagate_boolean (G_TASK (result), &local))
    return TRUE;
  if (g_error_matches (local, RG_STORE_ERROR, RG_STORE_ERROR_CORRUPT))
    rg_store_stop_writing (rg_studio_get_store (studio), local);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}
