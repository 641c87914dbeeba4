/* rg-store-lock.c — keeping the studio's lock while it is open.
 *
 * SQLite's locks on Unix are POSIX record locks, and POSIX drops all of a
 * process's locks on a file when any descriptor of that file is closed in
 * that process, by whoever opened it (SQLite's "How To Corrupt" §2.2). A
 * file chooser that opens the studio to guess its type, a thumbnailer, an
 * import that reads the wrong file: any of them leaves the app without its
 * locks. The next program to open and close the studio (the sqlite3 shell,
 * a backup tool, a second Regulars) then believes it is the last user,
 * writes the log back and deletes the -wal and -shm files, and the app goes
 * on writing to a deleted log: every later change is lost.
 *
 * Two things keep the lock here, both with open-file-description (OFD)
 * locks, which belong to one open of a file and go only when that open is
 * closed, not when some other descriptor of the file is:
 *
 * 1. The -shm file's locks (the write lock, the readers' marks and the
 *    "someone is here" byte) go through one descriptor per process in
 *    SQLite, so an OFD lock on it means just what a POSIX lock means,
 *    between processes as within one. SQLite takes every lock through the
 *    unix VFS's replaceable fcntl(); the one set here turns the -shm file's
 *    locks (all below the database's lock bytes at 1 GiB) into OFD locks.
 *    POSIX and OFD locks exclude each other, so other programs still see
 *    them. The database file's own locks stay POSIX: SQLite takes them on
 *    a descriptor per connection and counts them per process.
 *
 * 2. A guard: while any connection of this process has a studio open, a
 *    descriptor of our own holds an OFD read lock on the database's shared
 *    bytes. Nobody else can then take the exclusive lock that writing the
 *    log back and deleting it needs, whatever happened to the POSIX locks.
 *    The guard's descriptor is closed only after the process's last
 *    connection to that file (closing it earlier would drop the others'
 *    POSIX locks: the very thing guarded against), and its lock is let go
 *    just before that last close, so that close writes the log back and
 *    deletes it.
 *
 * If a lock is lost anyway (a kernel without OFD locks, a tool that deletes
 * the files by hand), the store notices before the next write: see
 * check_files() in rg-store.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rg-store-lock-private.h"
#include "rg-store.h"

/* The database file's lock bytes (SQLite's os.h): the pending byte at
 * 1 GiB, the reserved byte after it, then 510 shared bytes. */
#define PENDING_BYTE 0x40000000
#define SHARED_FIRST (PENDING_BYTE + 2)
#define SHARED_SIZE  510

typedef int (*FcntlFunc) (int, int, ...);

static FcntlFunc real_fcntl;

struct _RgFileGuard
{
  dev_t    dev;
  ino_t    ino;
  int      fd;       /* ours; -1 when the file could not be opened */
  gboolean locked;   /* the OFD read lock is held */
  guint    refs;     /* connections of this process on the file */
};

static GMutex     guards_mutex;
static GPtrArray *guards;  /* of RgFileGuard, at most one per file */

#ifdef F_OFD_SETLK
static gboolean ofd_refused;  /* the kernel or file system has no OFD locks */
#endif

static int
lock_fcntl (int  fd,
            int  cmd,
            ...)
{
  va_list ap;
  void *arg;

  va_start (ap, cmd);
  switch (cmd)
    {
    case F_GETFD:
    case F_SETFD:
    case F_GETFL:
    case F_SETFL:
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
      {
        int value = va_arg (ap, int);

        va_end (ap);
        return real_fcntl (fd, cmd, value);
      }
    default:
      arg = va_arg (ap, void *);
      va_end (ap);
      break;
    }

#ifdef F_OFD_SETLK
  if ((cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK) && !g_atomic_int_get (&ofd_refused))
    {
      struct flock *lock = arg;

      /* The -shm file's bytes 120-128; not the database's "whole file"
       * unlock, which starts at 0 with no length. */
      if (lock->l_whence == SEEK_SET && lock->l_len > 0 && lock->l_start + lock->l_len <= PENDING_BYTE)
        {
          int ofd_cmd = cmd == F_SETLK ? F_OFD_SETLK : cmd == F_SETLKW ? F_OFD_SETLKW : F_OFD_GETLK;
          int rc;

          lock->l_pid = 0;
          rc = real_fcntl (fd, ofd_cmd, lock);
          if (rc == 0 || errno != EINVAL)
            return rc;
          /* No OFD locks here (before Linux 3.15, or a file system without
           * them): every lock stays a POSIX one from now on. */
          g_atomic_int_set (&ofd_refused, TRUE);
        }
    }
#endif

  return real_fcntl (fd, cmd, arg);
}

/* Installs lock_fcntl() in SQLite's unix VFS, once, before the first
 * connection: xSetSystemCall is not safe while connections are open. */
void
rg_store_lock_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

      if (vfs && vfs->iVersion >= 3 && vfs->xSetSystemCall && vfs->xGetSystemCall)
        {
          real_fcntl = (FcntlFunc) vfs->xGetSystemCall (vfs, "fcntl");
          if (real_fcntl == NULL ||
              vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) lock_fcntl) != SQLITE_OK)
            g_debug ("SQLite's unix VFS takes no fcntl(); the -shm file's locks stay POSIX locks");
        }
      g_once_init_leave (&done, 1);
    }
}

static gboolean
guard_lock (RgFileGuard *guard,
            short        type)
{
#ifdef F_OFD_SETLK
  struct flock lock = { 0 };

  if (guard->fd < 0)
    return FALSE;
  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = SHARED_FIRST;
  lock.l_len = SHARED_SIZE;
  lock.l_pid = 0;
  return fcntl (guard->fd, F_OFD_SETLK, &lock) == 0;
#else
  return FALSE;
#endif
}

/* Takes the guard of the studio at @path for one connection that has just
 * opened it (and set it to WAL, which needs the exclusive lock this one
 * keeps others from). Never fails: without a guard the store still notices
 * a lost log before it writes. */
RgFileGuard *
rg_file_guard_take (const char *path)
{
  RgFileGuard *guard = NULL;
  GStatBuf st;
  struct stat fst;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    return NULL;

  g_mutex_lock (&guards_mutex);

  if (guards == NULL)
    guards = g_ptr_array_new ();
  for (guint i = 0; i < guards->len; i++)
    {
      RgFileGuard *g = g_ptr_array_index (guards, i);

      if (g->dev == st.st_dev && g->ino == st.st_ino)
        {
          guard = g;
          break;
        }
    }

  if (guard == NULL)
    {
      guard = g_new0 (RgFileGuard, 1);
      guard->dev = st.st_dev;
      guard->ino = st.st_ino;
      /* Opened once, and closed only after the last connection: see above. */
      guard->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (guard->fd >= 0 && (fstat (guard->fd, &fst) != 0 || fst.st_ino != st.st_ino || fst.st_dev != st.st_dev))
        g_debug ("%s was replaced while it was opened; no guard", path);
      g_ptr_array_add (guards, guard);
    }

  if (!guard->locked)
    {
      guard->locked = guard_lock (guard, F_RDLCK);
      if (!guard->locked)
        g_debug ("No OFD lock on %s (%s); a lost lock is only noticed", path, g_strerror (errno));
    }
  guard->refs++;

  g_mutex_unlock (&guards_mutex);

  return guard;
}

/* Closes @db, a connection that took @guard. The last one on the file lets
 * the lock go first, so that it may write the log back and remove it as
 * SQLite does, and the guard's own descriptor is closed after it, when no
 * connection of this process has a lock on the file that closing it could
 * drop. The mutex is held through that last close, so no new connection
 * takes the guard in between. */
void
rg_file_guard_close (RgFileGuard *guard,
                     sqlite3     *db)
{
  gboolean last;

  g_return_if_fail (guard != NULL);

  g_mutex_lock (&guards_mutex);
  g_assert (guard->refs > 0);
  last = --guard->refs == 0;
  if (!last)
    g_mutex_unlock (&guards_mutex);
  else if (guard->locked)
    {
      guard_lock (guard, F_UNLCK);
      guard->locked = FALSE;
    }

  if (db && sqlite3_close (db) != SQLITE_OK)
    g_warning ("Could not close the studio: %s", sqlite3_errmsg (db));

  if (last)
    {
      if (guard->fd >= 0)
        close (guard->fd);
      g_ptr_array_remove_fast (guards, guard);
      g_free (guard);
      g_mutex_unlock (&guards_mutex);
    }
}

/* Whether any connection, of this process or another, has the studio at
 * @path open: an open studio holds a read lock on the database file's
 * shared bytes (SQLite's own while a connection is in WAL mode, and this
 * process's guard), which a test for the write lock sees, whatever the
 * kind of lock (OFD and POSIX locks conflict with each other, also within
 * one process). FALSE for a file that does not exist. */
gboolean
rg_store_is_in_use (const char *path)
{
  struct flock lock = { 0 };
  GStatBuf st;
  int fd;
  gboolean used = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    return FALSE;

  /* A studio this process has open: its guard says so, and opening and
   * closing the file here would drop the connections' POSIX locks. */
  g_mutex_lock (&guards_mutex);
  for (guint i = 0; guards && i < guards->len; i++)
    {
      RgFileGuard *g = g_ptr_array_index (guards, i);

      if (g->dev == st.st_dev && g->ino == st.st_ino)
        used = TRUE;
    }
  if (used)
    {
      g_mutex_unlock (&guards_mutex);
      return TRUE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_mutex_unlock (&guards_mutex);
      return FALSE;
    }
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = PENDING_BYTE;
  lock.l_len = SHARED_FIRST + SHARED_SIZE - PENDING_BYTE;
  lock.l_pid = 0;
#ifdef F_OFD_GETLK
  if (fcntl (fd, F_OFD_GETLK, &lock) == 0)
    used = lock.l_type != F_UNLCK;
  else
#endif
    {
      /* A POSIX test does not see this process's own locks. */
      lock.l_type = F_WRLCK;
      lock.l_start = PENDING_BYTE;
      lock.l_len = SHARED_FIRST + SHARED_SIZE - PENDING_BYTE;
      if (fcntl (fd, F_GETLK, &lock) == 0)
        used = lock.l_type != F_UNLCK;
    }
  /* No connection of this process is on the file (none has its guard,
   * and none takes it while the mutex is held), so closing drops no lock. */
  close (fd);
  g_mutex_unlock (&guards_mutex);
  return used;
}
