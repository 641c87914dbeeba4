/* rg-liabilities.c — what the studio owes on a day (rg-liabilities.h).
 *
 * In one read transaction: the deposits' and the points' ledgers read
 * once each in table order and summed by client in C (SQLite's GROUP BY
 * would sort the rows, or fetch each through the client index: several
 * times slower on a studio with hundreds of thousands of points rows);
 * for the list, the names of the clients who hold either looked up by
 * key (on the reference studio, 19,000 clients: most of the time); the
 * certificates sold by the day with their ledgers' sums, and the
 * subscriptions likewise, through the ledgers' (owner, occurred_at)
 * index. Integers throughout; a subscription's share of its price is
 * rounded one by one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/rg-studio-settings.h"
#include "rg-liabilities.h"

gint64
rg_liabilities_unused_value (gint64 remaining,
                             gint64 price,
                             gint64 visits)
{
  if (remaining <= 0 || visits <= 0 || price <= 0)
    return 0;
  return (2 * remaining * price + visits) / (2 * visits);
}

static void
client_free (RgLiabilityClient *client)
{
  g_free (client->name);
  g_free (client);
}

void
rg_liabilities_free (RgLiabilities *liabilities)
{
  if (liabilities == NULL)
    return;
  g_clear_pointer (&liabilities->clients, g_ptr_array_unref);
  g_free (liabilities);
}

/* A client's sums while the ledgers are read: an open-addressing table
 * keyed by the client's id (never 0), as the ledgers have hundreds of
 * thousands of rows and a client a few dozen. */
typedef struct {
  gint64  client_id;        /* 0: an empty slot */
  gint64  deposit;
  gint64  points;
} Sums;

typedef struct {
  Sums   *slots;
  gsize   mask;             /* capacity − 1, a power of two minus one */
  gsize   used;
} SumsTable;

static gsize
slot_of (gint64 id,
         gsize  mask)
{
  guint64 h = (guint64) id * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  return (gsize) (h >> 17) & mask;
}

static Sums *
sums_for (SumsTable *t,
          gint64     id)
{
  gsize i;

  if (2 * (t->used + 1) > t->mask + 1)
    {
      Sums *old = t->slots;
      gsize old_size = t->mask + 1;

      t->mask = 2 * old_size - 1;
      t->slots = g_new0 (Sums, t->mask + 1);
      for (gsize k = 0; k < old_size; k++)
        if (old[k].client_id != 0)
          {
            for (i = slot_of (old[k].client_id, t->mask); t->slots[i].client_id != 0; i = (i + 1) & t->mask)
              ;
            t->slots[i] = old[k];
          }
      g_free (old);
    }
  for (i = slot_of (id, t->mask); t->slots[i].client_id != 0; i = (i + 1) & t->mask)
    if (t->slots[i].client_id == id)
      return &t->slots[i];
  t->slots[i].client_id = id;
  t->used++;
  return &t->slots[i];
}

/* Adds a ledger's rows up to @end to each client's sums: one pass over the
 * table in its own order, summed in C (a GROUP BY over the ledger would
 * sort it, or read it row by row through the client index). */
static gboolean
sum_ledger (RgStore     *store,
            const char  *sql,
            gint64       end,
            gboolean     points,
            SumsTable   *table,
            GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, end);
  for (;;)
    {
      gboolean row = FALSE;
      Sums *sums;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      sums = sums_for (table, sqlite3_column_int64 (stmt, 0));
      if (points)
        sums->points += sqlite3_column_int64 (stmt, 1);
      else
        sums->deposit += sqlite3_column_int64 (stmt, 1);
    }
  return TRUE;
}

typedef struct {
  RgLiabilityClient *client;
  char              *sort_key;
} Named;

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  const Named *x = a, *y = b;
  int by_key = g_strcmp0 (x->sort_key, y->sort_key);

  if (by_key != 0)
    return by_key;
  return x->client->client_id < y->client->client_id ? -1 : x->client->client_id > y->client->client_id;
}

/* The holders' names, each looked up by key, and their order by name
 * (the clients' sort key, as their list sorts them). */
static gboolean
name_clients (RgStore        *store,
              GArray         *holders,     /* of Named */
              GError        **error)
{
  g_autoptr(RgStmt) names = rg_store_prepare (store,
                                              "SELECT sort_key, coalesce (nullif (trim (full_name), ''), address_as)"
                                              " FROM clients WHERE id = ?1",
                                              error);

  if (names == NULL)
    return FALSE;
  for (guint i = 0; i < holders->len; i++)
    {
      Named *n = &g_array_index (holders, Named, i);
      gboolean row = FALSE;

      sqlite3_reset (names);
      sqlite3_bind_int64 (names, 1, n->client->client_id);
      if (!rg_store_step_row (store, names, &row, error))
        return FALSE;
      /* A ledger's client is always there (a client with rows of theirs
       * is never deleted for good); none found sorts first, unnamed. */
      n->sort_key = g_strdup (row ? (const char *) sqlite3_column_text (names, 0) : "");
      n->client->name = g_strdup (row ? (const char *) sqlite3_column_text (names, 1) : "");
    }
  g_array_sort (holders, compare_named);
  return TRUE;
}

static void
named_clear (Named *n)
{
  g_free (n->sort_key);
}

/* Deposits and points, by client; with @list, the clients who hold either,
 * by name. */
static gboolean read_clients_listed (RgStore *store, gint64 end, RgLiabilities *l, GError **error);

/* A ledger's total of the positive balances by client, and how many
 * clients hold one, summed by SQLite from the ledger's (client, time,
 * amount) index without reading its rows. */
static gboolean
sum_positive (RgStore     *store,
              const char  *sql,
              gint64       end,
              gint64      *sum,
              guint       *clients,
              GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, end);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  *clients = row ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  *sum = row ? sqlite3_column_int64 (stmt, 1) : 0;
  return TRUE;
}

static gboolean
read_clients (RgStore        *store,
              gint64          end,
              gboolean        list,
              RgLiabilities  *l,
              GError        **error)
{
  if (!list)
    {
      gboolean ok =
        sum_positive (store,
                      "SELECT count (*), coalesce (sum (b), 0) FROM (SELECT sum (amount) AS b FROM deposit_moves "
                      "INDEXED BY deposit_moves_client WHERE occurred_at < ?1 GROUP BY client_id) WHERE b > 0",
                      end, &l->deposits, &l->deposit_clients, error) &&
        sum_positive (store,
                      "SELECT count (*), coalesce (sum (b), 0) FROM (SELECT sum (points) AS b FROM points_moves "
                      "INDEXED BY points_moves_client WHERE occurred_at < ?1 GROUP BY client_id) WHERE b > 0",
                      end, &l->points, &l->points_clients, error);

      l->points_value = l->points * l->point_value;
      return ok;
    }
  return read_clients_listed (store, end, l, error);
}

static gboolean
read_clients_listed (RgStore        *store,
                     gint64          end,
                     RgLiabilities  *l,
                     GError        **error)
{
  gboolean list = TRUE;
  SumsTable table = { g_new0 (Sums, 1024), 1023, 0 };
  g_autoptr(GArray) holders = g_array_new (FALSE, FALSE, sizeof (Named));
  gboolean ok;

  g_array_set_clear_func (holders, (GDestroyNotify) named_clear);
  ok = sum_ledger (store, "SELECT client_id, amount FROM deposit_moves WHERE occurred_at < ?1", end, FALSE,
                   &table, error) &&
       sum_ledger (store, "SELECT client_id, points FROM points_moves WHERE occurred_at < ?1", end, TRUE,
                   &table, error);

  /* A ledger never goes below zero (its trigger); a negative sum would
   * be a damaged file, and is not a debt of the studio. */
  for (gsize i = 0; ok && i <= table.mask; i++)
    {
      const Sums *sums = &table.slots[i];

      if (sums->client_id == 0 || (sums->deposit <= 0 && sums->points <= 0))
        continue;
      if (sums->deposit > 0)
        {
          l->deposits += sums->deposit;
          l->deposit_clients++;
        }
      if (sums->points > 0)
        {
          l->points += sums->points;
          l->points_clients++;
        }
      if (list)
        {
          Named n = { g_new0 (RgLiabilityClient, 1), NULL };

          n.client->client_id = sums->client_id;
          n.client->deposit = MAX (sums->deposit, 0);
          n.client->points = MAX (sums->points, 0);
          n.client->points_value = n.client->points * l->point_value;
          g_ptr_array_add (l->clients, n.client);
          g_array_append_val (holders, n);
        }
    }
  g_free (table.slots);
  l->points_value = l->points * l->point_value;
  if (!ok || !list)
    return ok;

  if (!name_clients (store, holders, error))
    return FALSE;
  /* The list in the names' order. */
  g_ptr_array_set_free_func (l->clients, NULL);
  g_ptr_array_set_size (l->clients, 0);
  g_ptr_array_set_free_func (l->clients, (GDestroyNotify) client_free);
  for (guint i = 0; i < holders->len; i++)
    g_ptr_array_add (l->clients, g_array_index (holders, Named, i).client);
  return TRUE;
}

static gboolean
read_certificates (RgStore        *store,
                   gint64          end,
                   RgLiabilities  *l,
                   GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT count (*), coalesce (sum (balance), 0) FROM"
                                             " (SELECT (SELECT sum (m.amount) FROM certificate_moves m"
                                             "          WHERE m.certificate_id = c.id AND m.occurred_at < ?1) AS balance"
                                             "  FROM certificates c WHERE c.sold_at < ?1 AND c.expires_at >= ?1)"
                                             " WHERE balance > 0",
                                             error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, end);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  l->n_certificates = (guint) sqlite3_column_int64 (stmt, 0);
  l->certificates = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
read_subscriptions (RgStore        *store,
                    gint64          end,
                    RgLiabilities  *l,
                    GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT remaining, price, visits FROM"
                                             " (SELECT s.price, s.visits,"
                                             "         (SELECT sum (m.visits) FROM subscription_moves m"
                                             "          WHERE m.subscription_id = s.id AND m.occurred_at < ?1) AS remaining"
                                             "  FROM subscriptions s"
                                             "  WHERE s.sold_at < ?1 AND (s.expires_at IS NULL OR s.expires_at >= ?1))"
                                             " WHERE remaining > 0",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, end);
  for (;;)
    {
      gboolean row = FALSE;
      gint64 remaining;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      remaining = sqlite3_column_int64 (stmt, 0);
      l->subscriptions += rg_liabilities_unused_value (remaining, sqlite3_column_int64 (stmt, 1),
                                                       sqlite3_column_int64 (stmt, 2));
      l->subscription_visits += remaining;
      l->n_subscriptions++;
    }
  return TRUE;
}

static RgLiabilities *
compute (RgStore   *store,
         RgDate     as_of,
         gboolean   list,
         GError   **error)
{
  g_autoptr(RgLiabilities) l = NULL;
  gboolean started = FALSE;
  gboolean ok;
  gint64 end;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);

  if (!rg_date_valid (as_of))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("That day is not in the calendar. Choose the day again."));
      return NULL;
    }
  end = rg_date_end (as_of);
  l = g_new0 (RgLiabilities, 1);
  l->as_of = as_of;
  l->clients = g_ptr_array_new_with_free_func ((GDestroyNotify) client_free);

  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  l->point_value = rg_studio_number_from_store (store, RG_STUDIO_POINT_VALUE);
  ok = read_clients (store, end, list, l, error) &&
       read_certificates (store, end, l, error) &&
       read_subscriptions (store, end, l, error);
  rg_store_end_read (store, started);
  if (!ok)
    return NULL;
  l->total = l->deposits + l->certificates + l->subscriptions + l->points_value;
  return g_steal_pointer (&l);
}

RgLiabilities *
rg_liabilities_compute (RgStore   *store,
                        RgDate     as_of,
                        GError   **error)
{
  return compute (store, as_of, TRUE, error);
}

RgLiabilities *
rg_liabilities_compute_figures (RgStore   *store,
                                RgDate     as_of,
                                GError   **error)
{
  return compute (store, as_of, FALSE, error);
}
