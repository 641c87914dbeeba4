/* vfs-fail.h — a full disk on demand: an SQLite VFS that wraps the default
 * one and makes its writes (and syncs) fail after a countdown, for the tests
 * of what the user sees when a write cannot reach the disk.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the shim as the default VFS of the process, so every
 * connection rg_store_open() makes goes through it; the real default is
 * kept aside and its name is given back. Writes pass until vfs_fail_arm(). */
const char *vfs_fail_install   (void);
/* Gives the default back to the real VFS and unregisters the shim. */
void        vfs_fail_uninstall (void);

typedef enum {
  VFS_FAIL_WRITE = 1 << 0,   /* xWrite */
  VFS_FAIL_SYNC  = 1 << 1,   /* xSync */
} VfsFailOps;

/* After @n_ok more calls of @ops pass, that call and every one after it
 * fails with @rc (SQLITE_FULL: a disk that stays full) until
 * vfs_fail_disarm(). Writes to the shared-memory index are memory and do
 * not count. */
void        vfs_fail_arm       (VfsFailOps ops,
                                guint      n_ok,
                                int        rc);
void        vfs_fail_disarm    (void);
/* How many calls failed since vfs_fail_arm(), and how many of @ops passed. */
guint       vfs_fail_n_failed  (void);
guint       vfs_fail_n_passed  (void);

G_END_DECLS
