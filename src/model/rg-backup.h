/* rg-backup.h — backups of a studio, automatic and by hand, and restoring one.
 *
 * A backup is one SQLite file: the studio copied page by page with SQLite's
 * online backup API from a read-only connection of its own (so it may run
 * in a thread while the window writes), then, in the copy, the table
 * `backup_photos (file, data)` with every file of the studio's photo
 * folder and `backup_info (key, value)`: made_at, app_version, source,
 * format, kind. The sqlite3 shell opens it like any database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_BACKUP_SUFFIX ".regulars-backup"

/* The error codes a window may tell apart (the store's, under the model's name). */

typedef struct {
  gint64  made_at;       /* Unix seconds; the file's time for a bare studio file */
  int     format;        /* the studio's format (user_version) */
  char   *app_version;   /* of the Regulars that made it, or NULL */
  char   *source;        /* the studio's path when it was made, or NULL */
  gint64  clients;       /* not deleted */
  gint64  visits;        /* appointments done */
  gint64  appointments;  /* not deleted, any status */
  gint64  photos;        /* photo files in the backup */
} RgBackupInfo;

void        rg_backup_info_clear           (RgBackupInfo  *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RgBackupInfo, rg_backup_info_clear)

/* Writing ------------------------------------------------------------------ */

gboolean    rg_backup_write                (const char    *studio_path,
                                            const char    *dest,
                                            const char    *kind,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean    rg_studio_backup_to_file       (RgStudio      *studio,
                                            const char    *path,
                                            GCancellable  *cancellable,
                                            GError       **error);
void        rg_studio_backup_async         (RgStudio            *studio,
                                            const char          *path,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    rg_studio_backup_finish        (RgStudio      *studio,
                                            GAsyncResult  *result,
                                            GError       **error);

/* Automatic backups -------------------------------------------------------- */

char       *rg_backup_folder               (const char    *studio_path) G_GNUC_WARN_UNUSED_RESULT;
char       *rg_backup_auto_due             (const char    *studio_path,
                                            gint64         now) G_GNUC_WARN_UNUSED_RESULT;
gboolean   *rg_backup_rotation_keep        (const gint64  *times,
                                            guint          n,
                                            gint64         now) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rg_backup_rotate               (const char    *folder,
                                            gint64         now,
                                            GError       **error);
gboolean    rg_studio_auto_backup          (RgStudio      *studio,
                                            gint64         now,
                                            char         **made,
                                            GError       **error);
void        rg_studio_auto_backup_async    (RgStudio            *studio,
                                            gint64               now,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    rg_studio_auto_backup_finish   (RgStudio      *studio,
                                            GAsyncResult  *result,
                                            char         **made,
                                            GError       **error);

/* Reading and restoring ---------------------------------------------------- */

gboolean    rg_backup_inspect              (const char    *path,
                                            RgBackupInfo  *info,
                                            GError       **error);
char       *rg_backup_describe             (const RgBackupInfo *info) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rg_backup_restore              (const char    *backup_path,
                                            const char    *studio_path,
                                            char         **kept,
                                            GError       **error);
char       *rg_backup_find_newest_good     (const char    *studio_path,
                                            RgBackupInfo  *info) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rg_backup_studio_in_use        (const char    *studio_path);

/* The whole file checked after opening (quick_check, in a thread for the
 * async form); a damaged studio stops writing. */
gboolean    rg_studio_check                (RgStudio      *studio,
                                            GError       **error);
void        rg_studio_check_async          (RgStudio            *studio,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    rg_studio_check_finish         (RgStudio      *studio,
                                            GAsyncResult  *result,
                                            GError       **error);

/* The command line's --backup and --restore: what was done, to print, or
 * NULL with @error set. */
char       *rg_backup_command              (const char    *studio_path,
                                            const char    *file,
                                            gboolean       restore,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
