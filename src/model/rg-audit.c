/* rg-audit.c — the audit log.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-roles.h"
#include "util/rg-text.h"

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
  g_free (entry->staff_name);
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
  return rg_studio_list_audit_filtered (self, NULL, limit, error);
}

/* The filtered read --------------------------------------------------------- */

/* A text to find, folded, and what it already knows: which actions'
 * names and which staff names hold it (a few, folded once, not per row). */
typedef struct {
  char       *needle;
  gboolean    ascii;       /* the needle is ASCII: so must be what it matches */
  GHashTable *actions;     /* action codes whose name holds it */
  GHashTable *names;       /* staff names (as read) tested: GINT_TO_POINTER (1 + matched) */
  GString    *text;        /* the row's texts, reused */
} Needle;

static gboolean
holds (const char *text,
       const char *needle)
{
  g_autofree char *folded = rg_text_fold (text);

  return strstr (folded, needle) != NULL;
}

static void
needle_init (Needle     *n,
             const char *text)
{
  const char * const *actions = rg_audit_actions ();

  n->needle = rg_text_fold (text);
  n->ascii = TRUE;
  for (const char *p = n->needle; *p; p++)
    n->ascii &= (guchar) *p < 0x80;
  n->actions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; actions[i]; i++)
    if (holds (rg_audit_action_to_string (actions[i]), n->needle) || strstr (actions[i], n->needle))
      g_hash_table_add (n->actions, (gpointer) actions[i]);
  n->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n->text = g_string_sized_new (256);
}

static void
needle_clear (Needle *n)
{
  g_clear_pointer (&n->needle, g_free);
  g_clear_pointer (&n->actions, g_hash_table_unref);
  g_clear_pointer (&n->names, g_hash_table_unref);
  if (n->text)
    g_string_free (g_steal_pointer (&n->text), TRUE);
}

/* Whether the needle is in one of the entry's texts, folded as the
 * clients' search folds. Most rows are ASCII (accounts, file names,
 * codes): those are lowered in place rather than folded. */
static gboolean
entry_matches (Needle             *n,
               const RgAuditEntry *entry)
{
  const char *texts[] = { entry->actor, entry->what, entry->file, entry->detail };
  gboolean ascii = TRUE;

  if (entry->action && g_hash_table_contains (n->actions, entry->action))
    return TRUE;
  if (entry->staff_name)
    {
      gpointer known = g_hash_table_lookup (n->names, entry->staff_name);

      if (known == NULL)
        {
          known = GINT_TO_POINTER (1 + holds (entry->staff_name, n->needle));
          g_hash_table_insert (n->names, g_strdup (entry->staff_name), known);
        }
      if (GPOINTER_TO_INT (known) == 2)
        return TRUE;
    }

  g_string_truncate (n->text, 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i])
      {
        g_string_append (n->text, texts[i]);
        g_string_append_c (n->text, '\n');
      }
  for (gsize i = 0; i < n->text->len && ascii; i++)
    ascii = (guchar) n->text->str[i] < 0x80;
  if (ascii)
    {
      /* Folding ASCII is lowering it; a needle with other letters is not
       * in it. */
      if (!n->ascii)
        return FALSE;
      for (gsize i = 0; i < n->text->len; i++)
        n->text->str[i] = g_ascii_tolower (n->text->str[i]);
      return strstr (n->text->str, n->needle) != NULL;
    }
  return holds (n->text->str, n->needle);
}

GPtrArray *
rg_studio_list_audit_filtered (RgStudio            *self,
                               const RgAuditFilter *filter,
                               guint                limit,
                               GError             **error)
{
  static const RgAuditFilter everything = { 0 };
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_audit_entry_free);
  Needle needle = { 0 };
  gboolean searching;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);

  if (filter == NULL)
    filter = &everything;
  if (filter->text != NULL && *filter->text != '\0')
    needle_init (&needle, filter->text);
  searching = needle.needle != NULL && *needle.needle != '\0';

  store = rg_studio_get_store (self);
  /* Newest first by the row's number: the period narrows through the
   * index on "at"; a text is matched here, folded as the clients' search
   * folds (SQLite's LIKE folds no Cyrillic), until the page is full. */
  stmt = rg_store_prepare (store,
                           "SELECT a.id, a.at, a.actor, coalesce(a.staff_id, 0), a.action, a.what, "
                           "       coalesce(a.rows, -1), a.file, a.detail, s.display_name "
                           "FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id "
                           "WHERE (?1 = 0 OR a.at >= ?1) AND (?2 = 0 OR a.at < ?2) "
                           "  AND (?3 = 0 OR (?3 = -1 AND a.staff_id IS NULL) OR a.staff_id = ?3) "
                           "  AND (?4 IS NULL OR a.action = ?4) "
                           "ORDER BY a.id DESC LIMIT ?5",
                           error);
  if (stmt == NULL)
    {
      needle_clear (&needle);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, filter->from);
  sqlite3_bind_int64 (stmt, 2, filter->to);
  sqlite3_bind_int64 (stmt, 3, filter->staff_id);
  bind_text_or_null (stmt, 4, filter->action != NULL && *filter->action != '\0' ? filter->action : NULL);
  sqlite3_bind_int64 (stmt, 5, limit > 0 && !searching ? (gint64) limit : -1);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgAuditEntry *entry;

      if (searching)
        {
          /* The row's texts as SQLite holds them: copied only if it matches. */
          const RgAuditEntry seen = {
            .actor = (char *) sqlite3_column_text (stmt, 2),
            .action = (char *) sqlite3_column_text (stmt, 4),
            .what = (char *) sqlite3_column_text (stmt, 5),
            .file = (char *) sqlite3_column_text (stmt, 7),
            .detail = (char *) sqlite3_column_text (stmt, 8),
            .staff_name = (char *) sqlite3_column_text (stmt, 9),
          };

          if (!entry_matches (&needle, &seen))
            continue;
        }
      entry = g_new0 (RgAuditEntry, 1);
      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = sqlite3_column_int64 (stmt, 1);
      entry->actor = column_text (stmt, 2);
      entry->staff_id = sqlite3_column_int64 (stmt, 3);
      entry->action = column_text (stmt, 4);
      entry->what = column_text (stmt, 5);
      entry->rows = sqlite3_column_int64 (stmt, 6);
      entry->file = column_text (stmt, 7);
      entry->detail = column_text (stmt, 8);
      entry->staff_name = column_text (stmt, 9);
      g_ptr_array_add (entries, entry);
      if (limit > 0 && entries->len >= limit)
        break;
    }
  needle_clear (&needle);
  if (!ok)
    return NULL;
  return g_steal_pointer (&entries);
}

/* The actions' names ----------------------------------------------------------- */

static const struct {
  const char *action;
  const char *label;
} action_labels[] = {
  /* Translators: kinds of rows in the audit log */
  { RG_AUDIT_EXPORT, NC_("audit", "Export") },
  { RG_AUDIT_IMPORT, NC_("audit", "Import") },
  { RG_AUDIT_IMPORT_UNDONE, NC_("audit", "Import undone") },
  { RG_AUDIT_BACKUP, NC_("audit", "Backup") },
  { RG_AUDIT_RESTORE, NC_("audit", "Restore") },
  { RG_AUDIT_SIGN_IN, NC_("audit", "Sign-in") },
  { RG_AUDIT_PIN_FAILED, NC_("audit", "Wrong PIN") },
  { RG_AUDIT_PROFILE_LOCKED, NC_("audit", "Profile locked") },
  { RG_AUDIT_PIN_CONFIRMED, NC_("audit", "PIN confirmed") },
  { RG_AUDIT_ROLE_CHANGE, NC_("audit", "Role changed") },
  { RG_AUDIT_PROFILE_CREATED, NC_("audit", "Profile created") },
  { RG_AUDIT_PIN_RESET, NC_("audit", "PIN reset") },
  { RG_AUDIT_PROFILE_REMOVED, NC_("audit", "Profile removed") },
  { RG_AUDIT_REFUSED, NC_("audit", "Refused") },
  { RG_AUDIT_OVERRIDE, NC_("audit", "Director’s approval") },
  { RG_AUDIT_ERASE, NC_("audit", "Erased for privacy") },
  { RG_AUDIT_MERGE, NC_("audit", "Cards merged") },
  { RG_AUDIT_BULK_DELETE, NC_("audit", "Deleted in bulk") },
  { RG_AUDIT_REFUND, NC_("audit", "Refund") },
  { RG_AUDIT_DISCOUNT, NC_("audit", "Discount") },
  { RG_AUDIT_MEDICAL_OPENED, NC_("audit", "Medical card opened") },
  { RG_AUDIT_PHONE_UNMASKED, NC_("audit", "Phone shown") },
  { RG_AUDIT_SUBJECT_ACCESS, NC_("audit", "Client’s data exported") },
  { RG_AUDIT_REPORT, NC_("audit", "Report") },
};

const char *
rg_audit_action_to_string (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
    if (g_strcmp0 (action, action_labels[i].action) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "audit", action_labels[i].label);
  return action;
}

const char * const *
rg_audit_actions (void)
{
  static const char *actions[G_N_ELEMENTS (action_labels) + 1];

  if (actions[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
      actions[i] = action_labels[i].action;
  return actions;
}

const char *
rg_audit_what_to_string (const char *what)
{
  static const struct { const char *code; const char *words; } map[] = {
    { "clients", NC_("audit log: what", "Clients") },
    { "appointments", NC_("audit log: what", "Appointments") },
    { "visits", NC_("audit log: what", "Visits") },
    { "sales", NC_("audit log: what", "Sales") },
    { "payroll", NC_("audit log: what", "Payroll") },
    { "studio", NC_("audit log: what", "The whole studio") },
    { "audit_log", NC_("audit log: what", "The audit log") },
  };

  if (what == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (what, map[i].code))
      return g_dpgettext2 (GETTEXT_PACKAGE, "audit log: what", map[i].words);
  return what;
}
