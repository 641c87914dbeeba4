/* rg-studio.h — the model's context: the store, one live object per row,
 * and the selection every view shares.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rg-client.h"
#include "rg-record.h"
#include "store/rg-store.h"
#include "util/rg-time.h"

G_BEGIN_DECLS

#define RG_TYPE_STUDIO (rg_studio_get_type ())
G_DECLARE_FINAL_TYPE (RgStudio, rg_studio, RG, STUDIO, GObject)

/* A count of figures (src/analytics) on @store, which may be a read-only
 * connection in another thread: returns the result, or NULL with @error
 * set. */
typedef gpointer (*RgCountFunc) (RgStore       *store,
                                 gconstpointer  job,
                                 GCancellable  *cancellable,
                                 GError       **error);

RgStudio   *rg_studio_new                  (RgStore      *store) G_GNUC_WARN_UNUSED_RESULT;
RgStore    *rg_studio_get_store            (RgStudio     *self);
gboolean    rg_studio_get_detached         (RgStudio     *self);
gboolean    rg_studio_get_read_only        (RgStudio     *self);
const char *rg_studio_get_read_only_message (RgStudio    *self);

gpointer    rg_studio_lookup               (RgStudio     *self,
                                            GType         type,
                                            gint64        id,
                                            GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gpointer    rg_studio_lookup_cached        (RgStudio     *self,
                                            GType         type,
                                            gint64        id);
GPtrArray  *rg_studio_lookup_many          (RgStudio     *self,
                                            GType         type,
                                            const gint64 *ids,
                                            guint         n_ids,
                                            GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gpointer    rg_studio_lookup_from_stmt     (RgStudio     *self,
                                            GType         type,
                                            sqlite3_stmt *stmt) G_GNUC_WARN_UNUSED_RESULT;
guint       rg_studio_count_live           (RgStudio     *self,
                                            GType         type);
gboolean    rg_studio_save                 (RgStudio     *self,
                                            gpointer      record,
                                            GError      **error);
gboolean    rg_studio_reload               (RgStudio     *self,
                                            gpointer      record,
                                            GError      **error);
gboolean    rg_studio_delete               (RgStudio     *self,
                                            gpointer      record,
                                            GError      **error);
gboolean    rg_studio_undelete             (RgStudio     *self,
                                            gpointer      record,
                                            GError      **error);

RgClient   *rg_studio_get_selected_client  (RgStudio     *self);
void        rg_studio_set_selected_client  (RgStudio     *self,
                                            RgClient     *client);

RgClient   *rg_studio_find_client_by_phone (RgStudio     *self,
                                            const char   *phone,
                                            gint64        except_id) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rg_studio_set_client_tags      (RgStudio           *self,
                                            gint64              client_id,
                                            const char * const *tags,
                                            GError            **error);
GStrv       rg_studio_list_client_tags     (RgStudio     *self,
                                            gint64        client_id,
                                            GError      **error) G_GNUC_WARN_UNUSED_RESULT;

RgChanges   rg_changes_for_table           (const char   *table);
/* Announces @changes that no commit made (who is signed in), as
 * RgStudio::changes, touching every day. */
void        rg_studio_announce             (RgStudio     *self,
                                            RgChanges     changes);
gboolean    rg_studio_changes_touch_days   (RgStudio     *self,
                                            RgDate        from,
                                            RgDate        to,
                                            gint64        staff_id);

/* The errors of the studio's commands and reads, for the layers above the
 * model: the store's domain and codes, under the model's name. */
#define RG_STUDIO_ERROR            RG_STORE_ERROR
#define RG_STUDIO_ERROR_FAILED     RG_STORE_ERROR_FAILED
#define RG_STUDIO_ERROR_INVALID    RG_STORE_ERROR_INVALID
#define RG_STUDIO_ERROR_NOT_FOUND  RG_STORE_ERROR_NOT_FOUND
#define RG_STUDIO_ERROR_CONFLICT   RG_STORE_ERROR_CONFLICT
#define RG_STUDIO_ERROR_CONSTRAINT RG_STORE_ERROR_CONSTRAINT
#define RG_STUDIO_ERROR_DETACHED   RG_STORE_ERROR_DETACHED
#define RG_STUDIO_ERROR_CORRUPT        RG_STORE_ERROR_CORRUPT
#define RG_STUDIO_ERROR_NOT_A_DATABASE RG_STORE_ERROR_NOT_A_DATABASE
#define RG_STUDIO_ERROR_TOO_NEW        RG_STORE_ERROR_TOO_NEW
#define RG_STUDIO_ERROR_BUSY           RG_STORE_ERROR_BUSY
#define RG_STUDIO_ERROR_DENIED         RG_STORE_ERROR_DENIED

typedef enum {
  RG_STUDIO_OPEN_DEFAULT  = 0,
  RG_STUDIO_OPEN_EXISTING = 1 << 0,  /* refuse a path where no studio is */
} RgStudioOpenFlags;

RgStudio   *rg_studio_open                 (const char        *path,
                                            RgStudioOpenFlags  flags,
                                            GError          **error) G_GNUC_WARN_UNUSED_RESULT;
const char *rg_studio_get_path             (RgStudio     *self);
void        rg_studio_count_async          (RgStudio            *self,
                                            RgCountFunc          count,
                                            gpointer             job,
                                            GDestroyNotify       job_free,
                                            GDestroyNotify       result_free,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gpointer    rg_studio_count_finish         (RgStudio            *self,
                                            GAsyncResult        *result,
                                            GError             **error);
char       *rg_studio_default_path         (void) G_GNUC_WARN_UNUSED_RESULT;
int         rg_studio_peek_version         (const char   *path);
int         rg_studio_latest_version       (void);

G_END_DECLS
