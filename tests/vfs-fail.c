/* vfs-fail.c — a full disk on demand: an SQLite VFS wrapping the default one.
 *
 * Every file SQLite opens through it (the database, its write-ahead log,
 * a journal) is the real VFS's file behind a thin wrapper whose xWrite and
 * xSync count down and then fail, as write(2) does with ENOSPC (SQLite's
 * own unix VFS turns that into SQLITE_FULL) or fsync(2) with EIO. The rest
 * is passed through. Registered as the default VFS, it needs no change to
 * the store: rg_store_open() opens with the default.
 *
 * Chosen over an LD_PRELOAD of write(2): the countdown is set from the test
 * itself between two model commands, it works the same under the
 * sanitizers (which an LD_PRELOAD shim fights with), and it fails exactly
 * the calls SQLite makes, not those of GLib or the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vfs-fail.h"

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;   /* the real VFS's file, right after this struct */
} FailFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs  fail_vfs;
static GMutex       lock;
static VfsFailOps   armed_ops;
static guint        n_ok_left;
static gboolean     failing;
static int          fail_rc;
static guint        n_failed;
static guint        n_passed;

/* SQLITE_OK, or the error @op fails with now. */
static int
countdown (VfsFailOps op)
{
  int rc = SQLITE_OK;

  g_mutex_lock (&lock);
  if (armed_ops & op)
    {
      if (!failing && n_ok_left > 0)
        {
          n_ok_left--;
          n_passed++;
        }
      else
        {
          failing = TRUE;
          n_failed++;
          rc = fail_rc;
        }
    }
  g_mutex_unlock (&lock);
  return rc;
}

#define REAL(file) (((FailFile *) (file))->real)

static int
fail_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
fail_read (sqlite3_file *file,
           void         *buf,
           int           amount,
           sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
fail_write (sqlite3_file *file,
            const void   *buf,
            int           amount,
            sqlite3_int64 offset)
{
  int rc = countdown (VFS_FAIL_WRITE);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
fail_truncate (sqlite3_file *file,
               sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
fail_sync (sqlite3_file *file,
           int           flags)
{
  int rc = countdown (VFS_FAIL_SYNC);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
fail_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
fail_lock (sqlite3_file *file,
           int           level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
fail_unlock (sqlite3_file *file,
             int           level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
fail_check_reserved_lock (sqlite3_file *file,
                          int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
fail_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
fail_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
fail_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
fail_shm_map (sqlite3_file  *file,
              int            page,
              int            page_size,
              int            extend,
              void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, out);
}

static int
fail_shm_lock (sqlite3_file *file,
               int           offset,
               int           n,
               int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
fail_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
fail_shm_unmap (sqlite3_file *file,
                int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
fail_fetch (sqlite3_file  *file,
            sqlite3_int64  offset,
            int            amount,
            void         **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
fail_unfetch (sqlite3_file  *file,
              sqlite3_int64  offset,
              void          *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

static const sqlite3_io_methods fail_methods = {
  3,
  fail_close,
  fail_read,
  fail_write,
  fail_truncate,
  fail_sync,
  fail_file_size,
  fail_lock,
  fail_unlock,
  fail_check_reserved_lock,
  fail_file_control,
  fail_sector_size,
  fail_device_characteristics,
  fail_shm_map,
  fail_shm_lock,
  fail_shm_barrier,
  fail_shm_unmap,
  fail_fetch,
  fail_unfetch,
};

static int
fail_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  FailFile *f = (FailFile *) file;
  int rc;

  f->real = (sqlite3_file *) &f[1];
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  /* SQLite closes a file whose pMethods is set, even when opening failed. */
  f->base.pMethods = f->real->pMethods ? &fail_methods : NULL;
  return rc;
}

static int
fail_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fail_access (sqlite3_vfs *vfs,
             const char  *name,
             int          flags,
             int         *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fail_full_pathname (sqlite3_vfs *vfs,
                    const char  *name,
                    int          n,
                    char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
fail_dl_open (sqlite3_vfs *vfs,
              const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fail_dl_error (sqlite3_vfs *vfs,
               int          n,
               char        *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*fail_dl_sym (sqlite3_vfs *vfs,
                           void        *handle,
                           const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fail_dl_close (sqlite3_vfs *vfs,
               void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fail_randomness (sqlite3_vfs *vfs,
                 int          n,
                 char        *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
fail_sleep (sqlite3_vfs *vfs,
            int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fail_current_time (sqlite3_vfs *vfs,
                   double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fail_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *out)
{
  return real_vfs->xGetLastError ? real_vfs->xGetLastError (real_vfs, n, out) : 0;
}

static int
fail_current_time_int64 (sqlite3_vfs   *vfs,
                         sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

const char *
vfs_fail_install (void)
{
  g_assert_null (real_vfs);
  g_assert_cmpint (sqlite3_initialize (), ==, SQLITE_OK);
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);

  memset (&fail_vfs, 0, sizeof fail_vfs);
  fail_vfs.iVersion = 2;
  fail_vfs.szOsFile = sizeof (FailFile) + real_vfs->szOsFile;
  fail_vfs.mxPathname = real_vfs->mxPathname;
  fail_vfs.zName = "vfs-fail";
  fail_vfs.xOpen = fail_open;
  fail_vfs.xDelete = fail_delete;
  fail_vfs.xAccess = fail_access;
  fail_vfs.xFullPathname = fail_full_pathname;
  fail_vfs.xDlOpen = fail_dl_open;
  fail_vfs.xDlError = fail_dl_error;
  fail_vfs.xDlSym = fail_dl_sym;
  fail_vfs.xDlClose = fail_dl_close;
  fail_vfs.xRandomness = fail_randomness;
  fail_vfs.xSleep = fail_sleep;
  fail_vfs.xCurrentTime = fail_current_time;
  fail_vfs.xGetLastError = fail_get_last_error;
  fail_vfs.xCurrentTimeInt64 = fail_current_time_int64;

  vfs_fail_disarm ();
  g_assert_cmpint (sqlite3_vfs_register (&fail_vfs, 1), ==, SQLITE_OK);
  return real_vfs->zName;
}

void
vfs_fail_uninstall (void)
{
  g_assert_nonnull (real_vfs);
  sqlite3_vfs_register (real_vfs, 1);
  sqlite3_vfs_unregister (&fail_vfs);
  real_vfs = NULL;
}

void
vfs_fail_arm (VfsFailOps ops,
              guint      n_ok,
              int        rc)
{
  g_mutex_lock (&lock);
  armed_ops = ops;
  n_ok_left = n_ok;
  failing = FALSE;
  fail_rc = rc;
  n_failed = 0;
  n_passed = 0;
  g_mutex_unlock (&lock);
}

void
vfs_fail_disarm (void)
{
  g_mutex_lock (&lock);
  armed_ops = 0;
  failing = FALSE;
  g_mutex_unlock (&lock);
}

guint
vfs_fail_n_failed (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_failed;
  g_mutex_unlock (&lock);
  return n;
}

guint
vfs_fail_n_passed (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_passed;
  g_mutex_unlock (&lock);
  return n;
}
