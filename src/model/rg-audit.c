/* rg-audit.c — the audit log.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rg-audit.h"
#include "rg-roles.h"

void
rg_audit_entry_free (RgAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->what);
  g_free (entry->file);
  g_free (entry->detail);
  g_free (entry);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

gboolean
rg_studio_audit (RgStudio    *self,
                 const char  *action,
                 const char  *what,
                 gint64       rows,
                 const char  *file,
                 const char  *detail,
                 GError     **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  g_return_val_if_fail (action != NULL && *action != '\0', FALSE);

  store = rg_studio_get_store (self);
  if (!rg_store_begin (store, error))
    return FALSE;
  stmt = rg_store_prepare (store,
                           /* No id given: the log's rows are numbered in the
                            * order they were written. */
                           "INSERT INTO audit_log (at, actor, staff_id, action, what, rows, file, detail) "
                           "VALUES (?1, ?2, nullif (?8, 0), ?3, ?4, ?5, ?6, ?7)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rg_store_now ());
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, what);
  if (rows >= 0)
    sqlite3_bind_int64 (stmt, 5, rows);
  else
    sqlite3_bind_null (stmt, 5);
  bind_text_or_null (stmt, 6, file);
  bind_text_or_null (stmt, 7, detail);
  sqlite3_bind_int64 (stmt, 8, rg_studio_get_session_staff (self));
  if (!rg_store_step_done (store, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, rg_stmt_release);
  return rg_store_commit (store, error);

fail:
  g_clear_pointer (&stmt, rg_stmt_release);
  rg_store_rollback (store);
  return FALSE;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
rg_studio_list_audit (RgStudio  *self,
                      guint      limit,
                      GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_audit_entry_free);
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);

  store = rg_studio_get_store (self);
  stmt = rg_store_prepare (store,
                           "SELECT id, at, actor, coalesce(staff_id, 0), action, what, coalesce(rows, -1), file, detail "
                           "FROM audit_log ORDER BY id DESC LIMIT ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgAuditEntry *entry = g_new0 (RgAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = sqlite3_column_int64 (stmt, 1);
      entry->actor = column_text (stmt, 2);
      entry->staff_id = sqlite3_column_int64 (stmt, 3);
      entry->action = column_text (stmt, 4);
      entry->what = column_text (stmt, 5);
      entry->rows = sqlite3_column_int64 (stmt, 6);
      entry->file = column_text (stmt, 7);
      entry->detail = column_text (stmt, 8);
      g_ptr_array_add (entries, entry);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&entries);
}
