/* rg-search.c — finding clients by name, note, tag or any part of a phone.
 *
 * A query is split into words. Words made of digits (and phone punctuation)
 * match any fragment of a client's phone numbers through the trigram index;
 * other words match the beginning of a word in the name, notes or tags
 * through the unicode61 index. All words must match. A query that is one
 * phone number as a whole ("+7 912 345") is matched as one run of digits, and
 * a leading domestic "8" also finds the international "+7" form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-store"

#include "config.h"

#include <string.h>

#include "util/rg-phone.h"
#include "rg-search.h"
#include "util/rg-text.h"

typedef struct {
  GString   *fts;        /* unicode61 expression, NULL when no words */
  GPtrArray *phones;     /* digit runs of three or more */
  GPtrArray *short_phones; /* digit runs of one or two: matched by LIKE */
} Query;

static void
query_clear (Query *q)
{
  if (q->fts)
    g_string_free (q->fts, TRUE);
  g_clear_pointer (&q->phones, g_ptr_array_unref);
  g_clear_pointer (&q->short_phones, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static void
append_quoted (GString    *out,
               const char *word)
{
  g_string_append_c (out, '"');
  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
add_phone (Query      *q,
           const char *text)
{
  g_autofree char *digits = NULL;
  GString *d = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (d, *p);
  digits = g_string_free (d, FALSE);

  if (*digits == '\0')
    return;

  if (strlen (digits) >= 3)
    g_ptr_array_add (q->phones, g_steal_pointer (&digits));
  else
    g_ptr_array_add (q->short_phones, g_steal_pointer (&digits));
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static void
add_word (Query      *q,
          const char *word)
{
  g_autofree char *folded = rg_text_fold (word);
  gboolean any = FALSE;

  /* Drop punctuation the tokenizer would drop too, so a stray "." does not
   * turn into an empty phrase that matches nothing. */
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    if (is_word_char (g_utf8_get_char (p)))
      any = TRUE;
  if (!any)
    return;

  if (q->fts == NULL)
    q->fts = g_string_new (NULL);
  else
    g_string_append_c (q->fts, ' ');
  append_quoted (q->fts, folded);
  g_string_append_c (q->fts, '*');
}

static void
parse (Query      *q,
       const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  q->fts = NULL;
  q->phones = g_ptr_array_new_with_free_func (g_free);
  q->short_phones = g_ptr_array_new_with_free_func (g_free);

  if (!g_utf8_validate (stripped, -1, NULL))
    return;

  if (rg_text_looks_like_phone (stripped))
    {
      add_phone (q, stripped);
      return;
    }

  {
    g_auto(GStrv) words = g_strsplit_set (stripped, " \t\n", -1);

    for (guint i = 0; words[i]; i++)
      {
        if (*words[i] == '\0')
          continue;
        if (rg_text_looks_like_phone (words[i]))
          add_phone (q, words[i]);
        else
          add_word (q, words[i]);
      }
  }
}

char *
rg_search_fts_expression (const char *query)
{
  g_auto(Query) q = { 0 };

  parse (&q, query);
  return q.fts ? g_strdup (q.fts->str) : NULL;
}

static gboolean
collect (RgStore  *store,
         RgStmt   *stmt,
         GArray   *ids,
         GError  **error)
{
  for (;;)
    {
      gboolean row;
      gint64 id;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        return TRUE;
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
}

/* The trigram expression for digit runs; a run typed in the national
 * form ("8 912...", "07700...") may also be the stored international form
 * of the same number ("7912...", "447700..."). */
static char *
phone_expression (RgStore   *store,
                  GPtrArray *phones)
{
  GString *out = g_string_new (NULL);
  int country = rg_store_get_phone_country (store);

  for (guint i = 0; i < phones->len; i++)
    {
      const char *digits = g_ptr_array_index (phones, i);
      g_autofree char *international = rg_phone_search_digits (digits, country);

      if (out->len)
        g_string_append (out, " AND ");
      if (international)
        g_string_append_printf (out, "(\"%s\" OR \"%s\")", digits, international);
      else
        g_string_append_printf (out, "\"%s\"", digits);
    }

  return g_string_free (out, FALSE);
}

/* Appends the ids of every client (deleted ones included) that match @query,
 * in no particular order. An empty query matches nothing here. */
gboolean
rg_search_match_clients (RgStore     *store,
                         const char  *query,
                         GArray      *ids,
                         GError     **error)
{
  g_auto(Query) q = { 0 };
  g_autofree char *phones = NULL;
  g_autoptr(GString) like = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  parse (&q, query);

  if (q.phones->len)
    phones = phone_expression (store, q.phones);
  for (guint i = 0; i < q.short_phones->len; i++)
    {
      /* One or two digits: rare, and the trigram index cannot help. */
      if (like == NULL)
        like = g_string_new ("%");
      g_string_append (like, g_ptr_array_index (q.short_phones, i));
      g_string_append_c (like, '%');
    }

  if (q.fts == NULL && phones == NULL && like == NULL)
    return TRUE;

  if (q.fts && phones)
    stmt = rg_store_prepare (store,
                             "SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1 "
                             "AND rowid IN (SELECT rowid FROM clients_phone_fts WHERE clients_phone_fts MATCH ?2)",
                             error);
  else if (q.fts)
    stmt = rg_store_prepare (store,
                             "SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1",
                             error);
  else if (phones)
    stmt = rg_store_prepare (store,
                             "SELECT rowid FROM clients_phone_fts WHERE clients_phone_fts MATCH ?2",
                             error);
  else
    stmt = rg_store_prepare (store,
                             "SELECT rowid FROM clients_phone_fts WHERE digits LIKE ?3",
                             error);
  if (stmt == NULL)
    return FALSE;

  if (q.fts)
    sqlite3_bind_text (stmt, 1, q.fts->str, -1, SQLITE_TRANSIENT);
  if (phones)
    sqlite3_bind_text (stmt, 2, phones, -1, SQLITE_TRANSIENT);
  if (like && !q.fts && !phones)
    sqlite3_bind_text (stmt, 3, like->str, -1, SQLITE_TRANSIENT);

  if (!collect (store, stmt, ids, error))
    return FALSE;

  /* Short digit runs next to words or long runs narrow the result here. */
  if (like && (q.fts || phones) && ids->len)
    {
      g_autoptr(RgStmt) check = rg_store_prepare (store,
                                                  "SELECT 1 FROM clients_phone_fts WHERE rowid = ?1 AND digits LIKE ?2",
                                                  error);
      guint kept = 0;

      if (check == NULL)
        return FALSE;

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          gboolean row;

          sqlite3_reset (check);
          sqlite3_bind_int64 (check, 1, id);
          sqlite3_bind_text (check, 2, like->str, -1, SQLITE_TRANSIENT);
          if (!rg_store_step_row (store, check, &row, error))
            return FALSE;
          if (row)
            g_array_index (ids, gint64, kept++) = id;
        }
      g_array_set_size (ids, kept);
    }

  return TRUE;
}

/* Every client that is not deleted, sorted by name. */
gboolean
rg_search_all_clients (RgStore  *store,
                       GArray   *ids,
                       GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id FROM clients WHERE deleted_at IS NULL "
                                             "ORDER BY sort_key, id",
                                             error);

  return stmt != NULL && collect (store, stmt, ids, error);
}

/* The clients matching @query that are not deleted, sorted by name, at most
 * @limit of them (0: no limit). For pickers; the client list keeps its own
 * order (see RgClientList). An empty query lists everyone. */
gboolean
rg_search_clients (RgStore     *store,
                   const char  *query,
                   guint        limit,
                   GArray      *ids,
                   GError     **error)
{
  g_autoptr(GArray) matched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GString) list = g_string_new (NULL);

  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));

  if (*trimmed == '\0')
    {
      stmt = rg_store_prepare (store,
                               "SELECT id FROM clients WHERE deleted_at IS NULL "
                               "ORDER BY sort_key, id LIMIT ?1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, limit ? (gint64) limit : -1);
      return collect (store, stmt, ids, error);
    }

  if (!rg_search_match_clients (store, query, matched, error))
    return FALSE;
  if (matched->len == 0)
    return TRUE;

  /* carray is not in Debian's SQLite; a JSON array binds a list just as well. */
  g_string_append_c (list, '[');
  for (guint i = 0; i < matched->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (matched, gint64, i));
  g_string_append_c (list, ']');

  stmt = rg_store_prepare (store,
                           "SELECT c.id FROM json_each(?1) j JOIN clients c ON c.id = j.value "
                           "WHERE c.deleted_at IS NULL ORDER BY c.sort_key, c.id LIMIT ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit ? (gint64) limit : -1);

  return collect (store, stmt, ids, error);
}
