/* rg-liabilities.c — what the studio owes on a day (rg-liabilities.h).
 *
 * Three reads in one read transaction: the clients' deposits and points
 * (both ledgers summed by client, the clients' names joined once), the
 * certificates sold by the day with their ledgers' sums, and the
 * subscriptions likewise; each ledger is read through its index on
 * (owner, occurred_at). Sums are SQLite's over integers; a subscription's
 * share of its price is rounded in C, one by one, in integers.
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

/* Deposits and points, by client: both ledgers in one pass, the clients
 * who hold either, by name. */
static gboolean
read_clients (RgStore        *store,
              gint64          end,
              RgLiabilities  *l,
              GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT t.client_id, coalesce (nullif (trim (c.full_name), ''), c.address_as),"
                                             "       t.deposit, t.points"
                                             " FROM (SELECT client_id, sum (deposit) AS deposit, sum (points) AS points"
                                             "       FROM (SELECT client_id, amount AS deposit, 0 AS points"
                                             "             FROM deposit_moves WHERE occurred_at < ?1"
                                             "             UNION ALL"
                                             "             SELECT client_id, 0, points FROM points_moves WHERE occurred_at < ?1)"
                                             "       GROUP BY client_id) t"
                                             " JOIN clients c ON c.id = t.client_id"
                                             " WHERE t.deposit > 0 OR t.points > 0"
                                             " ORDER BY c.sort_key, c.id",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, end);
  for (;;)
    {
      gboolean row = FALSE;
      RgLiabilityClient *client;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      client = g_new0 (RgLiabilityClient, 1);
      client->client_id = sqlite3_column_int64 (stmt, 0);
      client->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      /* A ledger never goes below zero (its trigger); a negative sum
       * would be a damaged file, and is not a debt of the studio. */
      client->deposit = MAX (sqlite3_column_int64 (stmt, 2), 0);
      client->points = MAX (sqlite3_column_int64 (stmt, 3), 0);
      client->points_value = client->points * l->point_value;
      g_ptr_array_add (l->clients, client);

      if (client->deposit > 0)
        {
          l->deposits += client->deposit;
          l->deposit_clients++;
        }
      if (client->points > 0)
        {
          l->points += client->points;
          l->points_clients++;
        }
    }
  l->points_value = l->points * l->point_value;
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

RgLiabilities *
rg_liabilities_compute (RgStore   *store,
                        RgDate     as_of,
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
  ok = read_clients (store, end, l, error) &&
       read_certificates (store, end, l, error) &&
       read_subscriptions (store, end, l, error);
  rg_store_end_read (store, started);
  if (!ok)
    return NULL;
  l->total = l->deposits + l->certificates + l->subscriptions + l->points_value;
  return g_steal_pointer (&l);
}
