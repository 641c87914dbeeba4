/* rg-subscription-kinds.c — the kinds of subscription a studio sells (N
 * visits of given services, valid M days from the sale or the first use,
 * a price). A sold subscription keeps a copy of its kind's terms
 * (rg-prepaid.c), so changing a kind changes no subscription sold.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-prepaid.h"

static char *
dup_column (RgStmt *stmt,
            int     column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
rg_subscription_kind_clear (RgSubscriptionKind *kind)
{
  g_clear_pointer (&kind->name, g_free);
  g_clear_pointer (&kind->service_ids, g_array_unref);
}

GArray *
rg_studio_list_subscription_kinds (RgStudio  *studio,
                                   gboolean   archived,
                                   GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) kinds = g_array_new (FALSE, TRUE, sizeof (RgSubscriptionKind));
  gboolean started = FALSE, row = FALSE, ok = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_array_set_clear_func (kinds, (GDestroyNotify) rg_subscription_kind_clear);
  store = rg_studio_get_store (studio);
  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  stmt = rg_store_prepare (store,
                           "SELECT k.id, k.name, k.visits, k.valid_days, k.from_first_use, k.price, k.archived, "
                           " (SELECT group_concat (x.service_id) FROM subscription_kind_services x WHERE x.kind_id = k.id) "
                           "FROM subscription_kinds k WHERE ?1 OR NOT k.archived ORDER BY k.archived, k.position, k.name, k.id",
                           error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, archived);
      while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
        {
          RgSubscriptionKind kind = { .id = sqlite3_column_int64 (stmt, 0), .name = dup_column (stmt, 1),
                                      .visits = sqlite3_column_int64 (stmt, 2),
                                      .valid_days = sqlite3_column_int (stmt, 3),
                                      .from_first_use = sqlite3_column_int (stmt, 4) != 0,
                                      .price = sqlite3_column_int64 (stmt, 5),
                                      .archived = sqlite3_column_int (stmt, 6) != 0,
                                      .service_ids = g_array_new (FALSE, FALSE, sizeof (gint64)) };
          const char *ids = (const char *) sqlite3_column_text (stmt, 7);

          if (ids)
            {
              g_auto(GStrv) parts = g_strsplit (ids, ",", -1);

              for (guint i = 0; parts[i]; i++)
                {
                  gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

                  g_array_append_val (kind.service_ids, id);
                }
            }
          g_array_append_val (kinds, kind);
        }
    }
  g_clear_pointer (&stmt, rg_stmt_release);
  rg_store_end_read (store, started);
  return ok ? g_steal_pointer (&kinds) : NULL;
}

gboolean
rg_studio_save_subscription_kind (RgStudio            *studio,
                                  RgSubscriptionKind  *kind,
                                  GError             **error)
{
  RgStore *store;
  g_autofree char *name = NULL;
  gint64 now = rg_store_now (), id;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;

  name = g_strstrip (g_strdup (kind->name ? kind->name : ""));
  if (*name == '\0')
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Give the subscription a name."));
      return FALSE;
    }
  if (kind->visits < 1 || kind->visits > 1000)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A subscription is for 1 to 1,000 visits."));
      return FALSE;
    }
  if (kind->valid_days < 1 || kind->valid_days > 3650)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A subscription is valid for 1 to 3,650 days."));
      return FALSE;
    }
  if (kind->price < 0 || kind->price > G_GINT64_CONSTANT (10000000000))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("A subscription’s price cannot be negative."));
      return FALSE;
    }
  if (kind->service_ids == NULL || kind->service_ids->len == 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("Choose the services the subscription covers."));
      return FALSE;
    }

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  id = kind->id ? kind->id : rg_store_new_id ();
  stmt = rg_store_prepare (store,
                           "INSERT INTO subscription_kinds (id, name, visits, valid_days, from_first_use, price, archived, "
                           " position, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce (max (position), 0) + 1 FROM subscription_kinds), ?8, ?8) "
                           "ON CONFLICT (id) DO UPDATE SET name = ?2, visits = ?3, valid_days = ?4, from_first_use = ?5, "
                           " price = ?6, archived = ?7, updated_at = ?8",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, kind->visits);
  sqlite3_bind_int (stmt, 4, kind->valid_days);
  sqlite3_bind_int (stmt, 5, kind->from_first_use);
  sqlite3_bind_int64 (stmt, 6, kind->price);
  sqlite3_bind_int (stmt, 7, kind->archived);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!rg_store_step_done (store, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, rg_stmt_release);

  /* Its services: those gone are taken off, new ones added. */
  {
    g_autoptr(GString) ids = g_string_new ("[");

    for (guint i = 0; i < kind->service_ids->len; i++)
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (kind->service_ids, gint64, i));
    g_string_append_c (ids, ']');
    stmt = rg_store_prepare (store,
                             "DELETE FROM subscription_kind_services WHERE kind_id = ?1 "
                             "AND service_id NOT IN (SELECT value FROM json_each (?2))",
                             error);
    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_text (stmt, 2, ids->str, -1, SQLITE_TRANSIENT);
    if (!rg_store_step_done (store, stmt, error))
      goto fail;
    g_clear_pointer (&stmt, rg_stmt_release);
    for (guint i = 0; i < kind->service_ids->len; i++)
      {
        gint64 service_id = g_array_index (kind->service_ids, gint64, i);
        gint64 found = 0;

        if (!rg_store_query_int64 (store, "SELECT count (*) FROM services WHERE id = ?1", service_id, 0, &found, error))
          goto fail;
        if (!found)
          {
            g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                         _("A service of the subscription is not in the list any more."));
            goto fail;
          }
        stmt = rg_store_prepare (store,
                                 "INSERT INTO subscription_kind_services (id, kind_id, service_id, created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (kind_id, service_id) DO NOTHING",
                                 error);
        if (stmt == NULL)
          goto fail;
        sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
        sqlite3_bind_int64 (stmt, 2, id);
        sqlite3_bind_int64 (stmt, 3, service_id);
        sqlite3_bind_int64 (stmt, 4, now);
        if (!rg_store_step_done (store, stmt, error))
          goto fail;
        g_clear_pointer (&stmt, rg_stmt_release);
      }
  }
  if (!rg_store_commit (store, error))
    return FALSE;
  kind->id = id;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}
