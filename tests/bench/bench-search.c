/* bench-search.c — search as you type on the reference database (100,000
 * clients): each keystroke of real names and phone fragments is a query of
 * RgClientList (search, order, items-changed), against the bare FTS5 query
 * for the same text (rowids only, unordered); p95 of each.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "analytics/rg-retention.h"
#include "bench-common.h"
#include "model/rg-client-list.h"
#include "store/rg-search.h"
#include "util/rg-text.h"

#define TYPED_CLIENTS 25

/* Rows the bare queries returned, so the loop cannot be optimized away. */
static volatile guint bare_rows;

/* The bare query: what FTS5 itself costs for the same words or digits. */
static void
bare_query (RgStore    *store,
            const char *text)
{
  g_autofree char *expression = rg_search_fts_expression (text);
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *phone = NULL;
  gboolean row = TRUE;
  guint n = 0;

  if (expression)
    {
      stmt = rg_store_prepare (store, "SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1", NULL);
      sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
    }
  else
    {
      g_autoptr(GString) digits = g_string_new (NULL);

      for (const char *p = text; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      phone = g_strdup_printf ("\"%s\"", digits->str);
      stmt = rg_store_prepare (store, "SELECT rowid FROM clients_phone_fts WHERE clients_phone_fts MATCH ?1", NULL);
      sqlite3_bind_text (stmt, 1, phone, -1, SQLITE_TRANSIENT);
    }

  while (row && rg_store_step_row (store, stmt, &row, NULL))
    n += row;
  bare_rows += n;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *signals)
{
  (*signals)++;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = bench_reference_db ();
  g_autoptr(RgStore) store = rg_store_open (db, RG_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgClientList) list = NULL;
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(RgStmt) stmt = NULL;
  guint signals = 0;
  gboolean row = TRUE;
  double list_p95, bare_p95;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  studio = rg_studio_new (store);
  list = rg_client_list_new (studio, rg_retention_load_standings);
  while (rg_client_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &signals);

  /* What an administrator types: the first letters of a name, keystroke
   * by keystroke, then the last digits of a phone. */
  stmt = rg_store_prepare (store,
                           "SELECT address_as, phone_digits FROM clients WHERE deleted_at IS NULL "
                           "ORDER BY id LIMIT ?1", NULL);
  sqlite3_bind_int (stmt, 1, TYPED_CLIENTS);
  while (rg_store_step_row (store, stmt, &row, NULL) && row)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *digits = (const char *) sqlite3_column_text (stmt, 1);
      glong letters = MIN (g_utf8_strlen (name, -1), 4);
      gsize len = strlen (digits);

      for (glong i = 1; i <= letters; i++)
        g_ptr_array_add (queries, g_utf8_substring (name, 0, i));
      g_ptr_array_add (queries, g_strdup (""));
      /* The last four digits, typed from the third one on (the trigram
       * index needs three; one or two digits match nearly everyone). */
      if (len >= 4)
        for (gsize i = 3; i <= 4; i++)
          g_ptr_array_add (queries, g_strndup (digits + len - 4, i));
      g_ptr_array_add (queries, g_strdup (""));
    }
  g_clear_pointer (&stmt, rg_stmt_release);

  /* Warm the caches once. */
  for (guint i = 0; i < queries->len; i++)
    {
      bare_query (store, queries->pdata[i]);
      rg_client_list_set_query (list, queries->pdata[i]);
    }
  rg_client_list_set_query (list, "");

  for (guint i = 0; i < queries->len; i++)
    {
      const char *q = queries->pdata[i];
      gint64 t0, t1, t2;
      double a, b;

      if (*q == '\0')
        {
          rg_client_list_set_query (list, "");
          continue;
        }

      t0 = g_get_monotonic_time ();
      rg_client_list_set_query (list, q);
      t1 = g_get_monotonic_time ();
      bare_query (store, q);
      t2 = g_get_monotonic_time ();

      a = (t1 - t0) / 1000.0;
      b = (t2 - t1) / 1000.0;
      g_array_append_val (list_ms, a);
      g_array_append_val (bare_ms, b);
    }

  printf ("# %u keystrokes on %u clients, %u items-changed signals\n",
          list_ms->len, rg_client_list_get_total (list), signals);

  list_p95 = bench_percentile (list_ms, 95);
  bare_p95 = bench_percentile (bare_ms, 95);
  bench_report ("search-as-you-type-p95", list_p95, "ms", bare_p95, 2.0, 10.0);

  return 0;
}
