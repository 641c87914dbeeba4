/* rg-store.h — the SQLite store: one connection, migrations, transactions,
 * cached statements and change notification.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

/* The session extension's API (changesets for undo and sync). */
#ifndef SQLITE_ENABLE_SESSION
# define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
# define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_STORE_ERROR (rg_store_error_quark ())

typedef enum {
  RG_STORE_ERROR_FAILED,
  RG_STORE_ERROR_CANNOT_OPEN,     /* missing folder, no permission, ... */
  RG_STORE_ERROR_NOT_A_DATABASE,  /* not SQLite at all, or another program's database */
  RG_STORE_ERROR_TOO_NEW,         /* written by a newer Regulars */
  RG_STORE_ERROR_CORRUPT,
  RG_STORE_ERROR_READ_ONLY,
  RG_STORE_ERROR_BUSY,
  RG_STORE_ERROR_FULL,
  RG_STORE_ERROR_CONSTRAINT,      /* a write broke a rule of the schema */
  RG_STORE_ERROR_NOT_FOUND,
  RG_STORE_ERROR_INVALID,         /* refused before it reached SQL */
  RG_STORE_ERROR_CONFLICT,        /* overlaps another appointment (a booking rule) */
  RG_STORE_ERROR_DETACHED,        /* the files on disk were removed or replaced under the store */
  RG_STORE_ERROR_DENIED,          /* the signed-in role may not do it (rg-roles.h) */
} RgStoreError;

typedef enum {
  RG_CHANGE_INSERT,
  RG_CHANGE_UPDATE,
  RG_CHANGE_DELETE,
  RG_CHANGE_RESET,                /* many rows of the table changed: reload it */
} RgChangeKind;

typedef enum {
  RG_STORE_OPEN_DEFAULT   = 0,
  RG_STORE_OPEN_NO_CREATE = 1 << 0, /* refuse a path that does not exist */
  RG_STORE_OPEN_PRIVATE   = 1 << 1, /* a file being built that nobody else opens (the
                                     * generator's): no guard on its lock, no watch on
                                     * its log, so it may leave WAL mode for a while */
} RgStoreOpenFlags;

/* "RGLR" in the database header: marks a file as ours. */
#define RG_STORE_APPLICATION_ID 0x52474c52

/* A cached statement lent by rg_store_prepare(); g_autoptr(RgStmt) resets it
 * and hands it back to the cache (it is never finalized by the caller). */
typedef sqlite3_stmt RgStmt;
void rg_stmt_release (RgStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgStmt, rg_stmt_release)

#define RG_TYPE_STORE (rg_store_get_type ())
G_DECLARE_FINAL_TYPE (RgStore, rg_store, RG, STORE, GObject)

GQuark    rg_store_error_quark          (void);
int       rg_store_latest_version       (void);
int       rg_store_peek_version         (const char        *path);
gboolean  rg_store_next_line            (const char       **p,
                                         gint64            *service_id,
                                         gint64            *price);
char     *rg_store_default_path         (void) G_GNUC_WARN_UNUSED_RESULT;

RgStore  *rg_store_open                 (const char        *path,
                                         RgStoreOpenFlags   flags,
                                         GError           **error) G_GNUC_WARN_UNUSED_RESULT;
RgStore  *rg_store_open_reader          (RgStore           *self,
                                         GError           **error) G_GNUC_WARN_UNUSED_RESULT;
RgStore  *rg_store_open_helper          (RgStore           *self) G_GNUC_WARN_UNUSED_RESULT;
RgStore  *rg_store_open_read_only       (const char        *path,
                                         GError           **error) G_GNUC_WARN_UNUSED_RESULT;
const char *rg_store_get_path           (RgStore           *self);
int       rg_store_get_schema_version   (RgStore           *self);
sqlite3  *rg_store_get_db               (RgStore           *self);

RgStmt   *rg_store_prepare              (RgStore           *self,
                                         const char        *sql,
                                         GError           **error);
gboolean  rg_store_step_done            (RgStore           *self,
                                         RgStmt            *stmt,
                                         GError           **error);
gboolean  rg_store_step_row             (RgStore           *self,
                                         RgStmt            *stmt,
                                         gboolean          *has_row,
                                         GError           **error);
/* The first column of the first row of @sql with ?1 = @a and ?2 = @b
 * bound (when @sql names them); 0 when there is no row. */
gboolean  rg_store_query_int64          (RgStore           *self,
                                         const char        *sql,
                                         gint64             a,
                                         gint64             b,
                                         gint64            *value,
                                         GError           **error);
gboolean  rg_store_exec                 (RgStore           *self,
                                         const char        *sql,
                                         GError           **error);

gboolean  rg_store_begin                (RgStore           *self,
                                         GError           **error);
gboolean  rg_store_begin_read           (RgStore           *self,
                                         gboolean          *started,
                                         GError           **error);
void      rg_store_end_read             (RgStore           *self,
                                         gboolean           started);
gboolean  rg_store_commit               (RgStore           *self,
                                         GError           **error);
void      rg_store_rollback             (RgStore           *self);
gboolean  rg_store_in_transaction       (RgStore           *self);
gboolean  rg_store_is_detached          (RgStore           *self);
gboolean  rg_store_is_read_only         (RgStore           *self);
void      rg_store_hold_writes          (RgStore           *self);
void      rg_store_release_writes       (RgStore           *self,
                                         const GError      *damage);
void      rg_store_stop_writing         (RgStore           *self,
                                         const GError      *why);
const GError *rg_store_get_read_only_error (RgStore        *self);
gboolean  rg_store_quick_check          (sqlite3           *db,
                                         const char        *name,
                                         GError           **error);
gboolean  rg_store_is_in_use            (const char        *path);

/* A transaction's changes, recorded for an exact undo. */
typedef struct _RgStoreRecording RgStoreRecording;
RgStoreRecording *rg_store_record_changes (RgStore           *self,
                                           GError           **error);
GBytes   *rg_store_recording_finish     (RgStoreRecording  *recording,
                                         GError           **error) G_GNUC_WARN_UNUSED_RESULT;
void      rg_store_recording_free       (RgStoreRecording  *recording);
gboolean  rg_store_revert_changes       (RgStore           *self,
                                         GBytes            *changes,
                                         GError           **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgStoreRecording, rg_store_recording_free)

gboolean  rg_store_set_error            (RgStore           *self,
                                         int                rc,
                                         GError           **error);

gint64    rg_store_new_id               (void);

char     *rg_store_get_setting          (RgStore           *self,
                                         const char        *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_store_set_setting          (RgStore           *self,
                                         const char        *key,
                                         const char        *value,
                                         GError           **error);
int       rg_store_get_phone_country    (RgStore           *self);
gint64    rg_store_now                  (void);

const char *rg_change_kind_to_string    (RgChangeKind       kind);

G_END_DECLS
