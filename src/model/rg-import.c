/* rg-import.c — bringing a studio's existing base in (see rg-import.h).
 *
 * A plan reads every row by the card's own rules (rg-client-private.h: the
 * same checks rg_studio_save() makes), finds its duplicates by normalized
 * phone — against the studio's cards, whose numbers are read once into a
 * hash table, and against the file's earlier rows — and writes nothing.
 * The write is one transaction: the audit line first, then (when an undo
 * is asked for) a recording of everything after it, so that undoing the
 * import never touches the append-only audit log; new cards go in through
 * the store's bulk inserter (multi-row INSERTs, no object per row), the
 * search index kept by the schema's triggers; cards a row merges into are
 * filled where empty by one UPDATE each, never overwritten. RgStudio
 * announces the commit once (a reset of the clients when it is large).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-roles.h"
#include "rg-client-private.h"
#include "rg-custom-field.h"
#include "rg-import-private.h"
#include "store/rg-store-insert.h"
#include "util/rg-money.h"
#include "util/rg-phone.h"
#include "util/rg-text.h"
#include "util/rg-time.h"


/* --- Problems ----------------------------------------------------------- */

void
rg_import_problem_free (gpointer data)
{
  RgImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

void
rg_import_add_problem (GPtrArray  *problems,
             gboolean    fatal,
             const char *code,
             const char *column,
             const char *message)
{
  RgImportProblem *problem = g_new0 (RgImportProblem, 1);

  problem->fatal = fatal;
  problem->code = code;       /* static strings */
  problem->column = column;
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

gboolean
rg_import_has_fatal (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    if (((RgImportProblem *) problems->pdata[i])->fatal)
      return TRUE;
  return FALSE;
}

/* A cell trimmed, NULL when empty; its bytes made valid UTF-8 (a reader
 * gives UTF-8; what is not becomes U+FFFD rather than being dropped). */
char *
rg_import_cell (const char *text)
{
  char *out;

  if (text == NULL)
    return NULL;
  out = g_strstrip (g_utf8_make_valid (text, -1));
  if (*out == '\0')
    g_clear_pointer (&out, g_free);
  return out;
}

/* The fields' names in a message, as a sentence names them. */
static const struct {
  const char *key;
  const char *label;
} column_labels[] = {
  { "address_as", N_("name to address the client by") },
  { "full_name", N_("full name") },
  { "phone", N_("phone") },
  { "phone2", N_("second phone") },
  { "email", N_("e-mail") },
  { "birthday", N_("birthday") },
  { "gender", N_("gender") },
  { "notes", N_("notes") },
  { "tags", N_("tags") },
  { "source", N_("source") },
  { "field", N_("field value") },
};

/* Whether a cell is longer than any such field can be: the row is
 * refused, the cell never stored. */
gboolean
rg_import_too_long (GPtrArray  *problems,
          const char *text,
          gsize       max,
          const char *column)
{
  g_autofree char *message = NULL;
  const char *label = column;

  if (text == NULL || strlen (text) <= max)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (column_labels); i++)
    if (g_str_equal (column_labels[i].key, column))
      label = _(column_labels[i].label);
  /* Translators: %s is the field's name as the card shows it ("full name", "phone") */
  message = g_strdup_printf (_("The %s is too long (%lu characters) to be one: check the file."),
                             label, (unsigned long) g_utf8_strlen (text, MIN (strlen (text), 16 * 1024 * 1024)));
  rg_import_add_problem (problems, TRUE, "too-long", column, message);
  return TRUE;
}

/* --- Undo --------------------------------------------------------------- */

/* What rg_studio_undo_import() is given: a header (what was imported, from
 * which file, how many rows) and the recorded changeset. */
#define UNDO_MAGIC "RGIMPORT1"

GBytes *
rg_import_pack_undo (const char *what,
           const char *file_name,
           gint64      rows,
           GBytes     *changes)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, rows);
  gsize n = 0;
  gconstpointer data = g_bytes_get_data (changes, &n);

  g_byte_array_append (out, (const guint8 *) UNDO_MAGIC, sizeof UNDO_MAGIC);
  g_byte_array_append (out, (const guint8 *) what, strlen (what) + 1);
  g_byte_array_append (out, (const guint8 *) (file_name ? file_name : ""), strlen (file_name ? file_name : "") + 1);
  g_byte_array_append (out, (const guint8 *) count, strlen (count) + 1);
  g_byte_array_append (out, data, n);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
unpack_undo (GBytes      *undo,
             const char **what,
             const char **file_name,
             gint64      *rows,
             GBytes     **changes)
{
  gsize n = 0;
  const char *data = g_bytes_get_data (undo, &n);
  const char *parts[4];
  gsize at = 0;

  for (guint i = 0; i < 4; i++)
    {
      const char *end = at < n ? memchr (data + at, '\0', n - at) : NULL;

      if (end == NULL)
        return FALSE;
      parts[i] = data + at;
      at = end - data + 1;
    }
  if (!g_str_equal (parts[0], UNDO_MAGIC))
    return FALSE;
  *what = parts[1];
  *file_name = parts[2];
  *rows = g_ascii_strtoll (parts[3], NULL, 10);
  *changes = g_bytes_new_from_bytes (undo, at, n - at);
  return TRUE;
}

/* Undoes an import: every row it wrote goes, every card it merged into is
 * as it was. Refused (RG_STORE_ERROR_CONFLICT, nothing changed) when
 * anything the import wrote was changed since — an imported card edited,
 * a merged card changed again; that is what rg_store_revert_changes()
 * checks. The audit log keeps the import's line and gains one that says
 * it was undone. */
gboolean
rg_studio_undo_import (RgStudio  *studio,
                       GBytes    *undo,
                       GError   **error)
{
  g_autoptr(GBytes) changes = NULL;
  const char *what, *file_name;
  RgStore *store;
  gint64 rows;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!unpack_undo (undo, &what, &file_name, &rows, &changes))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("This is not the undo of an import."));
      return FALSE;
    }

  if (!rg_studio_allowed (studio, RG_ACTION_IMPORT, 0, 0, error))
    return FALSE;
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_store_revert_changes (store, changes, error) ||
      !rg_studio_audit (studio, RG_AUDIT_IMPORT_UNDONE, what, rows, *file_name ? file_name : NULL, NULL, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return rg_store_commit (store, error);
}


/* The given name in a full name: "Иванова Мария Петровна" (surname, given
 * name, patronymic) → "Мария"; "Mary Smith" (@given_first) → "Mary"; a
 * single word → itself. */
char *
rg_import_given_name (const char *full_name,
            gboolean    given_first)
{
  g_auto(GStrv) words = g_strsplit_set (full_name, " \t\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_ptr_array_add (kept, words[i]);
  if (kept->len == 0)
    return NULL;
  if (given_first || kept->len == 1)
    return g_strdup (kept->pdata[0]);
  return g_strdup (kept->pdata[1]);
}

/* Every live card's numbers, digits → its id (the oldest card's). */
GHashTable *
rg_import_load_phones (RgStore  *store,
             GError  **error)
{
  g_autoptr(GHashTable) phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, phone_digits, phone2_digits FROM clients "
                                             "WHERE deleted_at IS NULL ORDER BY created_at, id",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return NULL;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (int c = 1; c <= 2; c++)
        {
          const char *digits = (const char *) sqlite3_column_text (stmt, c);

          if (digits && *digits && !g_hash_table_contains (phones, digits))
            g_hash_table_insert (phones, g_strdup (digits), g_memdup2 (&id, sizeof id));
        }
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&phones);
}

void
rg_import_count_action (RgImportCounts *counts,
              RgImportAction  action,
              gboolean        warned)
{
  counts->rows++;
  switch (action)
    {
    case RG_IMPORT_CREATE:    counts->created++; break;
    case RG_IMPORT_UPDATE:    counts->updated++; break;
    case RG_IMPORT_DUPLICATE: counts->duplicates++; break;
    case RG_IMPORT_ERROR:     counts->errors++; break;
    default: break;
    }
  if (warned && action != RG_IMPORT_ERROR)
    counts->warnings++;
}

void
rg_import_bind_text (RgStmt     *stmt,
           int         column,
           const char *text)
{
  if (text && *text)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}
