/* rg-client-reads.c — what the client views read, through the model.
 *
 * The client card, the list's filters and the photo import read a few
 * things no record holds: a client's latest visit, open complaints, the
 * timeline, the studio's tags. Widgets ask here and never hold the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include "rg-permissions.h"
#include "rg-client-reads.h"
#include "rg-interaction.h"
#include "store/rg-search.h"

void
rg_tag_name_free (RgTagName *tag)
{
  if (tag == NULL)
    return;
  g_free (tag->name);
  g_free (tag);
}

/* The client's latest visit (not cancelled, not missed) that starts by
 * @before, for a photo taken at the desk; 0 if none. */
gint64
rg_client_latest_visit (RgStudio  *studio,
                        gint64     client_id,
                        gint64     before,
                        GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), 0);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT id FROM appointments WHERE client_id = ?1 AND deleted_at IS NULL "
                           "AND status NOT IN ('cancelled', 'no_show') AND starts_at <= ?2 "
                           "ORDER BY starts_at DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, before);
  if (!rg_store_step_row (store, stmt, &row, error) || !row)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* How many of the client's complaints are open or escalated; @latest (may
 * be NULL) gets the newest one's text. */
guint
rg_client_open_complaints (RgStudio  *studio,
                           gint64     client_id,
                           char     **latest,
                           GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), 0);

  if (latest)
    *latest = NULL;
  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT count(*), (SELECT body FROM interactions WHERE client_id = ?1 AND kind = 'complaint'"
                           "  AND outcome IN ('open', 'escalated') AND deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1)"
                           " FROM interactions WHERE client_id = ?1 AND kind = 'complaint'"
                           " AND outcome IN ('open', 'escalated') AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!rg_store_step_row (store, stmt, &row, error) || !row)
    return 0;
  if (latest)
    *latest = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return (guint) sqlite3_column_int (stmt, 0);
}

/* The client's timeline, newest first, at most @limit entries (the studio's
 * live RgInteraction objects); NULL on error. */
GPtrArray *
rg_client_timeline (RgStudio  *studio,
                    gint64     client_id,
                    guint      limit,
                    GError   **error)
{
  RgStore *store;
  g_autoptr(GTypeClass) klass = g_type_class_ref (RG_TYPE_INTERACTION);
  g_autofree char *sql = g_strconcat (rg_record_class_get_select (RG_RECORD_CLASS (klass)),
                                      " WHERE client_id = ?1 AND deleted_at IS NULL "
                                      "ORDER BY occurred_at DESC, created_at DESC, id LIMIT ?2", NULL);
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  for (;;)
    {
      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (entries, rg_studio_lookup_from_stmt (studio, RG_TYPE_INTERACTION, stmt));
    }
  return g_steal_pointer (&entries);
}

/* The studio's tags (RgTagName), by name. */
GPtrArray *
rg_studio_list_tags (RgStudio  *studio,
                     GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_tag_name_free);
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store, "SELECT id, name FROM tags ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  for (;;)
    {
      RgTagName *tag;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      tag = g_new0 (RgTagName, 1);
      tag->id = sqlite3_column_int64 (stmt, 0);
      tag->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (tags, tag);
    }
  return g_steal_pointer (&tags);
}

/* The country code a phone number without one is read in (7, 44, ...). */
int
rg_studio_get_phone_country (RgStudio *studio)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), 0);
  return rg_store_get_phone_country (rg_studio_get_store (studio));
}

/* The ids of the clients whose name, phone digits, note or tag match
 * @text, best first, at most @limit (rg_search_clients()). */
gboolean
rg_studio_search_clients (RgStudio    *studio,
                          const char  *text,
                          guint        limit,
                          GArray      *ids,
                          GError     **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  if (!rg_search_clients (rg_studio_get_store (studio), text, limit, ids, error))
    return FALSE;
  /* A master finds only their own clients by phone. */
  rg_studio_drop_masked_matches (studio, text, ids);
  return TRUE;
}
