/* rg-prepaid.c — deposits, subscriptions, gift certificates, points and
 * referral rewards: the reads, the commands of their own, and the till's
 * side (rg-prepaid-private.h), all on ledgers whose balance is the sum of
 * their rows (schema format 16). The kinds of subscription the studio
 * sells are in rg-subscription-kinds.c.
 *
 * In order: small helpers; records; subscriptions and certificates (reads);
 * points' lots (what is left of each earned row, spending oldest first,
 * expiry); balances; ledgers; commands of their own (withdraw a deposit,
 * correct points, certificate numbers); the till's side (an instrument
 * sold, prepaid payments checked, what a sale earns, a referral's reward,
 * the ledgers' rows of a sale); refunds (each ledger given back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-permissions.h"
#include "rg-format.h"
#include "rg-prepaid-private.h"
#include "rg-studio-settings.h"

#define DAY (G_GINT64_CONSTANT (86400))

/* Small helpers -------------------------------------------------------------- */

static char *
dup_column (RgStmt *stmt,
            int     column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Local midnight @days days and @months months after the day of @t: a
 * validity ends there (exclusive). */
static gint64
local_midnight_after (gint64 t,
                      int    days,
                      int    months)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (t);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) later = NULL;

  if (at == NULL)
    return t + (gint64) days * DAY;
  day = g_date_time_new_local (g_date_time_get_year (at), g_date_time_get_month (at),
                               g_date_time_get_day_of_month (at), 0, 0, 0);
  later = g_date_time_add_full (day, 0, months, days, 0, 0, 0);
  return later ? g_date_time_to_unix (later) : t + (gint64) days * DAY;
}

/* A validity's last day, as the desk says it: the day before it ends. */
static char *
format_last_day (gint64 expires_at)
{
  return rg_format_date (expires_at - 1);
}

static char *
normalize_number (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = number ? number : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, g_unichar_toupper (c));
    }
  return g_string_free (out, FALSE);
}

/* amount * num / den rounded down, without overflow. */
static gint64
scale (gint64 amount,
       gint64 num,
       gint64 den)
{
  return den > 0 ? (gint64) ((__int128) amount * num / den) : 0;
}

/* Records ------------------------------------------------------------------- */

void
rg_subscription_clear (RgSubscription *subscription)
{
  g_clear_pointer (&subscription->name, g_free);
  g_clear_pointer (&subscription->client, g_free);
  g_clear_pointer (&subscription->service_ids, g_array_unref);
  g_clear_pointer (&subscription->services, g_free);
}

void
rg_certificate_clear (RgCertificate *certificate)
{
  g_clear_pointer (&certificate->number, g_free);
  g_clear_pointer (&certificate->service, g_free);
  g_clear_pointer (&certificate->buyer, g_free);
}

static void
ledger_row_clear (gpointer data)
{
  RgLedgerRow *row = data;

  g_free (row->reason);
  g_free (row->label);
  g_free (row->note);
}

void
rg_client_balances_free (RgClientBalances *balances)
{
  if (balances == NULL)
    return;
  g_clear_pointer (&balances->subscriptions, g_array_unref);
  g_clear_pointer (&balances->certificates, g_array_unref);
  g_clear_pointer (&balances->reward_discounts, g_array_unref);
  g_free (balances);
}

/* Subscriptions and certificates ------------------------------------------- */

#define SUBSCRIPTION_COLUMNS \
  "s.id, coalesce (s.kind_id, 0), s.name, s.client_id, coalesce (c.address_as, ''), s.visits, " \
  "(SELECT coalesce (sum (m.visits), 0) FROM subscription_moves m WHERE m.subscription_id = s.id AND m.occurred_at <= ?9), " \
  "s.price, s.sold_at, coalesce (s.expires_at, 0), s.valid_days, s.from_first_use, " \
  "(SELECT group_concat (v.id) FROM subscription_services x JOIN services v ON v.id = x.service_id " \
  "  WHERE x.subscription_id = s.id), " \
  "(SELECT group_concat (v.name, ', ') FROM subscription_services x JOIN services v ON v.id = x.service_id " \
  "  WHERE x.subscription_id = s.id) " \
  "FROM subscriptions s LEFT JOIN clients c ON c.id = s.client_id "

static void
subscription_from_row (RgStmt         *stmt,
                       RgSubscription *out)
{
  const char *ids = (const char *) sqlite3_column_text (stmt, 12);

  out->id = sqlite3_column_int64 (stmt, 0);
  out->kind_id = sqlite3_column_int64 (stmt, 1);
  out->name = dup_column (stmt, 2);
  out->client_id = sqlite3_column_int64 (stmt, 3);
  out->client = dup_column (stmt, 4);
  out->visits = sqlite3_column_int64 (stmt, 5);
  out->remaining = sqlite3_column_int64 (stmt, 6);
  out->price = sqlite3_column_int64 (stmt, 7);
  out->sold_at = sqlite3_column_int64 (stmt, 8);
  out->expires_at = sqlite3_column_int64 (stmt, 9);
  out->valid_days = sqlite3_column_int (stmt, 10);
  out->from_first_use = sqlite3_column_int (stmt, 11) != 0;
  out->service_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (ids != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (ids, ",", -1);

      for (guint i = 0; parts[i]; i++)
        {
          gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

          g_array_append_val (out->service_ids, id);
        }
    }
  out->services = sqlite3_column_type (stmt, 13) == SQLITE_NULL ? NULL : dup_column (stmt, 13);
}

static gboolean
read_subscription (RgStore         *store,
                   gint64           id,
                   gint64           at,
                   RgSubscription  *out,
                   GError         **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT " SUBSCRIPTION_COLUMNS "WHERE s.id = ?1", error);
  gboolean row = FALSE;

  memset (out, 0, sizeof *out);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 9, at);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("The subscription is not there any more."));
      return FALSE;
    }
  subscription_from_row (stmt, out);
  return TRUE;
}

static GArray *
list_subscriptions (RgStore     *store,
                    gint64       client_id,
                    gboolean     live_only,
                    gint64       now,
                    GError     **error)
{
  /* The live ones soonest to expire first (the card, the till); all of
   * them newest first (the history). */
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             live_only
                                             ? "SELECT " SUBSCRIPTION_COLUMNS "WHERE s.client_id = ?1 "
                                               "ORDER BY coalesce (s.expires_at, 9223372036854775807), s.sold_at DESC, s.id"
                                             : "SELECT " SUBSCRIPTION_COLUMNS "WHERE s.client_id = ?1 "
                                               "ORDER BY s.sold_at DESC, s.id",
                                             error);
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (RgSubscription));
  gboolean row = FALSE, ok;

  g_array_set_clear_func (list, (GDestroyNotify) rg_subscription_clear);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 9, now);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgSubscription item = { 0 };

      subscription_from_row (stmt, &item);
      if (live_only && (item.remaining <= 0 || (item.expires_at && item.expires_at <= now)))
        {
          rg_subscription_clear (&item);
          continue;
        }
      g_array_append_val (list, item);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&list);
}

#define CERTIFICATE_COLUMNS \
  "t.id, t.number, t.amount, " \
  "(SELECT coalesce (sum (m.amount), 0) FROM certificate_moves m WHERE m.certificate_id = t.id AND m.occurred_at <= ?9), " \
  "coalesce (t.service_id, 0), v.name, coalesce (t.buyer_id, 0), c.address_as, t.sold_at, t.expires_at " \
  "FROM certificates t LEFT JOIN services v ON v.id = t.service_id LEFT JOIN clients c ON c.id = t.buyer_id "

static void
certificate_from_row (RgStmt        *stmt,
                      RgCertificate *out)
{
  out->id = sqlite3_column_int64 (stmt, 0);
  out->number = dup_column (stmt, 1);
  out->amount = sqlite3_column_int64 (stmt, 2);
  out->balance = sqlite3_column_int64 (stmt, 3);
  out->service_id = sqlite3_column_int64 (stmt, 4);
  out->service = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? NULL : dup_column (stmt, 5);
  out->buyer_id = sqlite3_column_int64 (stmt, 6);
  out->buyer = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? NULL : dup_column (stmt, 7);
  out->sold_at = sqlite3_column_int64 (stmt, 8);
  out->expires_at = sqlite3_column_int64 (stmt, 9);
}

static gboolean
read_certificate (RgStore        *store,
                  gint64          id,
                  const char     *number,
                  gint64          at,
                  RgCertificate  *out,
                  GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT " CERTIFICATE_COLUMNS
                                             "WHERE (?2 IS NULL AND t.id = ?1) OR t.number = ?2",
                                             error);
  g_autofree char *clean = number ? normalize_number (number) : NULL;
  gboolean row = FALSE;

  memset (out, 0, sizeof *out);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (clean)
    sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, at);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      if (clean)
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                     /* Translators: a gift certificate's number */
                     _("No gift certificate has the number %s."), clean);
      else
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                     _("The gift certificate is not there any more."));
      return FALSE;
    }
  certificate_from_row (stmt, out);
  return TRUE;
}

gboolean
rg_studio_find_certificate (RgStudio       *studio,
                            const char     *number,
                            RgCertificate  *certificate,
                            GError        **error)
{
  RgStore *store;
  gboolean started = FALSE, ok;
  g_autofree char *clean = normalize_number (number);

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (certificate != NULL, FALSE);

  if (*clean == '\0')
    {
      memset (certificate, 0, sizeof *certificate);
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Type the gift certificate’s number."));
      return FALSE;
    }
  store = rg_studio_get_store (studio);
  if (!rg_store_begin_read (store, &started, error))
    return FALSE;
  ok = read_certificate (store, 0, clean, rg_store_now (), certificate, error);
  rg_store_end_read (store, started);
  return ok;
}

gboolean
rg_studio_read_certificate (RgStudio       *studio,
                            gint64          certificate_id,
                            RgCertificate  *certificate,
                            GError        **error)
{
  RgStore *store;
  gboolean started = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  store = rg_studio_get_store (studio);
  if (!rg_store_begin_read (store, &started, error))
    return FALSE;
  ok = read_certificate (store, certificate_id, NULL, rg_store_now (), certificate, error);
  rg_store_end_read (store, started);
  return ok;
}

gboolean
rg_studio_read_subscription (RgStudio        *studio,
                             gint64           subscription_id,
                             RgSubscription  *subscription,
                             GError         **error)
{
  RgStore *store;
  gboolean started = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  store = rg_studio_get_store (studio);
  if (!rg_store_begin_read (store, &started, error))
    return FALSE;
  ok = read_subscription (store, subscription_id, rg_store_now (), subscription, error);
  rg_store_end_read (store, started);
  return ok;
}

GArray *
rg_studio_list_client_subscriptions (RgStudio  *studio,
                                     gint64     client_id,
                                     GError   **error)
{
  RgStore *store;
  gboolean started = FALSE;
  GArray *list;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  store = rg_studio_get_store (studio);
  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  list = list_subscriptions (store, client_id, FALSE, rg_store_now (), error);
  rg_store_end_read (store, started);
  return list;
}

static GArray *
list_certificates (RgStore   *store,
                   gint64     client_id,
                   gboolean   live_only,
                   gint64     now,
                   GError   **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT " CERTIFICATE_COLUMNS
                                             "WHERE t.buyer_id = ?1 OR (NOT ?2 AND t.id IN "
                                             " (SELECT certificate_id FROM certificate_moves WHERE client_id = ?1)) "
                                             "ORDER BY t.sold_at DESC, t.id",
                                             error);
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (RgCertificate));
  gboolean row = FALSE, ok;

  g_array_set_clear_func (list, (GDestroyNotify) rg_certificate_clear);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int (stmt, 2, live_only);
  sqlite3_bind_int64 (stmt, 9, now);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgCertificate item = { 0 };

      certificate_from_row (stmt, &item);
      if (live_only && (item.balance <= 0 || item.expires_at <= now))
        {
          rg_certificate_clear (&item);
          continue;
        }
      g_array_append_val (list, item);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&list);
}

GArray *
rg_studio_list_client_certificates (RgStudio  *studio,
                                    gint64     client_id,
                                    GError   **error)
{
  RgStore *store;
  gboolean started = FALSE;
  GArray *list;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  store = rg_studio_get_store (studio);
  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  list = list_certificates (store, client_id, FALSE, rg_store_now (), error);
  rg_store_end_read (store, started);
  return list;
}

/* Points' lots ---------------------------------------------------------------- */

/* A positive row of a client's points, and what is left of it: spending
 * takes the oldest lots first and never an expired one; an 'expired' row
 * takes its own lot. */
typedef struct {
  gint64 id;
  gint64 at;
  gint64 points;
  gint64 left;
  gint64 expires_at;       /* 0: never */
  gboolean written_off;    /* an 'expired' row names it */
} PointsLot;

static gboolean
read_lots (RgStore  *store,
           gint64    client_id,
           GArray   *lots,
           GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, occurred_at, points, coalesce (expires_at, 0), reason, coalesce (lot_id, 0) "
                                             "FROM points_moves WHERE client_id = ?1 ORDER BY occurred_at, points < 0, id",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 at = sqlite3_column_int64 (stmt, 1);
      gint64 points = sqlite3_column_int64 (stmt, 2);
      const char *reason = (const char *) sqlite3_column_text (stmt, 4);
      gint64 lot_id = sqlite3_column_int64 (stmt, 5);

      if (points > 0)
        {
          PointsLot lot = { .id = sqlite3_column_int64 (stmt, 0), .at = at, .points = points, .left = points,
                            .expires_at = sqlite3_column_int64 (stmt, 3) };

          g_array_append_val (lots, lot);
          continue;
        }
      if (g_strcmp0 (reason, "expired") == 0)
        {
          for (guint i = 0; i < lots->len; i++)
            {
              PointsLot *lot = &g_array_index (lots, PointsLot, i);

              if (lot->id == lot_id)
                {
                  lot->left = MAX (lot->left + points, 0);
                  lot->written_off = TRUE;
                }
            }
          continue;
        }
      /* Spent, taken back, corrected: the oldest lots first, none that
       * had expired by then. */
      for (guint i = 0; i < lots->len && points < 0; i++)
        {
          PointsLot *lot = &g_array_index (lots, PointsLot, i);
          gint64 take;

          if (lot->left <= 0 || (lot->expires_at && lot->expires_at <= at))
            continue;
          take = MIN (lot->left, -points);
          lot->left -= take;
          points += take;
        }
    }
  return ok;
}

gboolean
rg_prepaid_expire_points (RgStore  *store,
                          gint64    client_id,
                          gint64    now,
                          GError  **error)
{
  g_autoptr(RgStmt) clients = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean row = FALSE, ok;

  /* The clients with a lot due and not written off. */
  /* One client's lots through its own index (the till, before every
   * sale: an "OR every client" here would scan every lot of the studio). */
  clients = rg_store_prepare (store,
                              client_id
                              ? "SELECT p.client_id FROM points_moves p WHERE p.client_id = ?1 "
                                "AND p.expires_at IS NOT NULL AND p.expires_at <= ?2 AND p.points > 0 "
                                "AND NOT EXISTS (SELECT 1 FROM points_moves e WHERE e.lot_id = p.id) LIMIT 1"
                              : "SELECT DISTINCT p.client_id FROM points_moves p WHERE p.expires_at IS NOT NULL "
                                "AND p.expires_at <= ?2 AND p.points > 0 "
                                "AND NOT EXISTS (SELECT 1 FROM points_moves e WHERE e.lot_id = p.id)",
                              error);
  if (clients == NULL)
    return FALSE;
  sqlite3_bind_int64 (clients, 1, client_id);
  sqlite3_bind_int64 (clients, 2, now);
  while ((ok = rg_store_step_row (store, clients, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (clients, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return FALSE;

  for (guint c = 0; c < ids->len; c++)
    {
      g_autoptr(GArray) lots = g_array_new (FALSE, TRUE, sizeof (PointsLot));
      gint64 client = g_array_index (ids, gint64, c);

      if (!read_lots (store, client, lots, error))
        return FALSE;
      for (guint i = 0; i < lots->len; i++)
        {
          PointsLot *lot = &g_array_index (lots, PointsLot, i);
          g_autoptr(RgStmt) stmt = NULL;

          if (lot->written_off || lot->expires_at == 0 || lot->expires_at > now || lot->left <= 0)
            continue;
          stmt = rg_store_prepare (store,
                                   "INSERT INTO points_moves (id, client_id, points, reason, lot_id, occurred_at, "
                                   "created_at, updated_at) VALUES (?1, ?2, ?3, 'expired', ?4, ?5, ?6, ?6)",
                                   error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
          sqlite3_bind_int64 (stmt, 2, client);
          sqlite3_bind_int64 (stmt, 3, -lot->left);
          sqlite3_bind_int64 (stmt, 4, lot->id);
          sqlite3_bind_int64 (stmt, 5, lot->expires_at);
          sqlite3_bind_int64 (stmt, 6, now);
          if (!rg_store_step_done (store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
rg_studio_expire_points (RgStudio  *studio,
                         gint64     now,
                         GError   **error)
{
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_prepaid_expire_points (store, 0, now, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return rg_store_commit (store, error);
}

/* Balances -------------------------------------------------------------------- */

RgClientBalances *
rg_studio_read_balances (RgStudio  *studio,
                         gint64     client_id,
                         GError   **error)
{
  RgStore *store;
  g_autoptr(RgClientBalances) balances = g_new0 (RgClientBalances, 1);
  g_autoptr(GArray) lots = g_array_new (FALSE, TRUE, sizeof (PointsLot));
  gboolean started = FALSE, ok = FALSE;
  gint64 now = rg_store_now ();

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  store = rg_studio_get_store (studio);
  balances->point_value = rg_studio_get_number (studio, RG_STUDIO_POINT_VALUE);
  if (!rg_store_begin_read (store, &started, error))
    return NULL;

  if (!rg_store_query_int64 (store, "SELECT coalesce (sum (amount), 0) FROM deposit_moves WHERE client_id = ?1",
                  client_id, 0, &balances->deposit, error) ||
      !read_lots (store, client_id, lots, error))
    goto out;
  /* Lots due and not written off yet count as gone. */
  for (guint i = 0; i < lots->len; i++)
    {
      const PointsLot *lot = &g_array_index (lots, PointsLot, i);

      if (lot->left <= 0)
        continue;
      if (lot->expires_at && lot->expires_at <= now)
        continue;
      balances->points += lot->left;
      if (lot->expires_at && lot->expires_at <= now + 30 * DAY)
        {
          balances->points_expiring += lot->left;
          if (balances->points_expiring_at == 0 || lot->expires_at < balances->points_expiring_at)
            balances->points_expiring_at = lot->expires_at;
        }
    }
  if ((balances->subscriptions = list_subscriptions (store, client_id, TRUE, now, error)) == NULL ||
      (balances->certificates = list_certificates (store, client_id, TRUE, now, error)) == NULL)
    goto out;

  balances->reward_discounts = g_array_new (FALSE, FALSE, sizeof (RgRewardDiscount));
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "SELECT id, percent FROM reward_discounts WHERE client_id = ?1 "
                                               "AND used_sale_id IS NULL ORDER BY created_at, id",
                                               error);
    gboolean row = FALSE, stepped;

    if (stmt == NULL)
      goto out;
    sqlite3_bind_int64 (stmt, 1, client_id);
    while ((stepped = rg_store_step_row (store, stmt, &row, error)) && row)
      {
        RgRewardDiscount discount = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };

        g_array_append_val (balances->reward_discounts, discount);
      }
    if (!stepped)
      goto out;
  }
  if (!rg_store_query_int64 (store, "SELECT coalesce (referred_by_id, 0) FROM clients WHERE id = ?1",
                  client_id, 0, &balances->referred_by_id, error) ||
      !rg_store_query_int64 (store, "SELECT coalesce (max (granted_at), 0) FROM referral_rewards WHERE client_id = ?1",
                  client_id, 0, &balances->referral_granted_at, error))
    goto out;
  ok = TRUE;

out:
  rg_store_end_read (store, started);
  return ok ? g_steal_pointer (&balances) : NULL;
}

/* Ledgers --------------------------------------------------------------------- */

const char *
rg_ledger_reason_to_string (RgLedger    ledger,
                            const char *reason)
{
  static const struct { const char *nick; const char *label; } reasons[] = {
    { "top_up", N_("Topped up") },
    { "payment", N_("Paid a sale") },
    { "payment_back", N_("Refund of a payment") },
    { "withdrawal", N_("Given back in money") },
    { "referral", N_("Referral reward") },
    { "correction", N_("Correction") },
    { "sold", N_("Sold") },
    { "use", N_("Visit") },
    { "use_back", N_("Visit refunded") },
    { "cancelled", N_("Refunded whole") },
    { "redeemed", N_("Paid a sale") },
    { "redeemed_back", N_("Refund of a payment") },
    { "earned", N_("Earned") },
    { "spent", N_("Paid a sale") },
    { "earned_back", N_("Taken back by a refund") },
    { "spent_back", N_("Refund of a payment") },
    { "expired", N_("Expired") },
  };

  (void) ledger;
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (reasons[i].nick, reason) == 0)
      return _(reasons[i].label);
  return reason;
}

GArray *
rg_studio_read_ledger (RgStudio  *studio,
                       RgLedger   ledger,
                       gint64     owner_id,
                       GError   **error)
{
  static const char *const sql[] = {
    [RG_LEDGER_DEPOSIT] = "SELECT m.id, m.occurred_at, m.amount, m.reason, coalesce (m.sale_id, 0), coalesce (s.number, 0), m.note "
                          "FROM deposit_moves m LEFT JOIN sales s ON s.id = m.sale_id WHERE m.client_id = ?1 "
                          "ORDER BY m.occurred_at, m.amount < 0, m.id",
    [RG_LEDGER_POINTS] = "SELECT m.id, m.occurred_at, m.points, m.reason, coalesce (m.sale_id, 0), coalesce (s.number, 0), NULL "
                         "FROM points_moves m LEFT JOIN sales s ON s.id = m.sale_id WHERE m.client_id = ?1 "
                         "ORDER BY m.occurred_at, m.points < 0, m.id",
    [RG_LEDGER_SUBSCRIPTION] = "SELECT m.id, m.occurred_at, m.visits, m.reason, coalesce (m.sale_id, 0), coalesce (s.number, 0), NULL "
                               "FROM subscription_moves m LEFT JOIN sales s ON s.id = m.sale_id WHERE m.subscription_id = ?1 "
                               "ORDER BY m.occurred_at, m.visits < 0, m.id",
    [RG_LEDGER_CERTIFICATE] = "SELECT m.id, m.occurred_at, m.amount, m.reason, coalesce (m.sale_id, 0), coalesce (s.number, 0), "
                              " c.address_as "
                              "FROM certificate_moves m LEFT JOIN sales s ON s.id = m.sale_id "
                              "LEFT JOIN clients c ON c.id = m.client_id WHERE m.certificate_id = ?1 "
                              "ORDER BY m.occurred_at, m.amount < 0, m.id",
  };
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (RgLedgerRow));
  gboolean started = FALSE, row = FALSE, ok = FALSE;
  gint64 balance = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail ((guint) ledger < G_N_ELEMENTS (sql), NULL);

  g_array_set_clear_func (rows, ledger_row_clear);
  store = rg_studio_get_store (studio);
  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  stmt = rg_store_prepare (store, sql[ledger], error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, owner_id);
      while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
        {
          RgLedgerRow item = { .id = sqlite3_column_int64 (stmt, 0), .at = sqlite3_column_int64 (stmt, 1),
                               .amount = sqlite3_column_int64 (stmt, 2), .reason = dup_column (stmt, 3),
                               .sale_id = sqlite3_column_int64 (stmt, 4),
                               .sale_number = sqlite3_column_int64 (stmt, 5) };

          balance += item.amount;
          item.balance = balance;
          item.label = g_strdup (rg_ledger_reason_to_string (ledger, item.reason));
          if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
            item.note = dup_column (stmt, 6);
          g_array_append_val (rows, item);
        }
    }
  g_clear_pointer (&stmt, rg_stmt_release);
  rg_store_end_read (store, started);
  return ok ? g_steal_pointer (&rows) : NULL;
}

/* Commands of their own ----------------------------------------------------------- */

static gboolean
insert_deposit_move (RgStore     *store,
                     gint64       client_id,
                     gint64       amount,
                     const char  *reason,
                     gint64       sale_id,
                     gint64       line_id,
                     const char  *note,
                     gint64       now,
                     GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO deposit_moves (id, client_id, amount, reason, sale_id, sale_line_id, "
                                             "note, occurred_at, created_at, updated_at) "
                                             "VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), nullif (?6, 0), ?7, ?8, ?8, ?8)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, client_id);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, sale_id);
  sqlite3_bind_int64 (stmt, 6, line_id);
  sqlite3_bind_text (stmt, 7, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, now);
  return rg_store_step_done (store, stmt, error);
}

static gboolean
insert_points_move (RgStore     *store,
                    gint64       client_id,
                    gint64       points,
                    const char  *reason,
                    gint64       sale_id,
                    gint64       expires_at,
                    gint64       now,
                    GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO points_moves (id, client_id, points, reason, sale_id, expires_at, "
                                             "occurred_at, created_at, updated_at) "
                                             "VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), nullif (?6, 0), ?7, ?7, ?7)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, client_id);
  sqlite3_bind_int64 (stmt, 3, points);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, sale_id);
  sqlite3_bind_int64 (stmt, 6, expires_at);
  sqlite3_bind_int64 (stmt, 7, now);
  return rg_store_step_done (store, stmt, error);
}

static gboolean
insert_instrument_move (RgStore     *store,
                        const char  *table,       /* subscription_moves or certificate_moves */
                        gint64       owner_id,
                        gint64       amount,
                        const char  *reason,
                        gint64       sale_id,
                        gint64       line_or_client,
                        gint64       now,
                        GError     **error)
{
  const char *sql = g_str_equal (table, "subscription_moves")
                    ? "INSERT INTO subscription_moves (id, subscription_id, visits, reason, sale_id, sale_line_id, "
                      "occurred_at, created_at, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), nullif (?6, 0), ?7, ?7, ?7)"
                    : "INSERT INTO certificate_moves (id, certificate_id, amount, reason, sale_id, client_id, "
                      "occurred_at, created_at, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), nullif (?6, 0), ?7, ?7, ?7)";
  g_autoptr(RgStmt) stmt = NULL;

  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, owner_id);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, sale_id);
  sqlite3_bind_int64 (stmt, 6, line_or_client);
  sqlite3_bind_int64 (stmt, 7, now);
  return rg_store_step_done (store, stmt, error);
}

static gboolean
client_exists (RgStore  *store,
               gint64    client_id,
               GError  **error)
{
  gint64 found = 0;

  if (!rg_store_query_int64 (store, "SELECT count (*) FROM clients WHERE id = ?1 AND deleted_at IS NULL", client_id, 0, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("The client is not there any more."));
      return FALSE;
    }
  return TRUE;
}

gboolean
rg_studio_withdraw_deposit (RgStudio    *studio,
                            gint64       client_id,
                            gint64       amount,
                            int          method,
                            const char  *reason,
                            gint64      *sale_id,
                            GError     **error)
{
  RgStore *store;
  g_autofree char *clean = g_strstrip (g_strdup (reason ? reason : ""));
  gint64 balance = 0, id = rg_store_new_id (), number = 0, line_id = rg_store_new_id (), now = rg_store_now ();

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  /* Money back out of the deposit: a refund. */
  if (!rg_studio_allowed (studio, RG_ACTION_REFUND, 0, client_id, error))
    return FALSE;

  if (*clean == '\0')
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Say why the money goes back."));
      return FALSE;
    }
  if (method != RG_PAYMENT_CASH && method != RG_PAYMENT_CARD && method != RG_PAYMENT_TRANSFER)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("Money goes back in cash, to a card or by a bank transfer."));
      return FALSE;
    }
  if (amount <= 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Give back a sum above zero."));
      return FALSE;
    }

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!client_exists (store, client_id, error) ||
      !rg_store_query_int64 (store, "SELECT coalesce (sum (amount), 0) FROM deposit_moves WHERE client_id = ?1",
                  client_id, 0, &balance, error))
    goto fail;
  if (amount > balance)
    {
      g_autofree char *have = rg_format_price (balance);

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: an amount of money */
                   _("The deposit has only %s."), have);
      goto fail;
    }
  {
    g_autoptr(RgStmt) line = NULL;

    if (!rg_sale_insert_header (store, id, client_id, clean, now, &number, error))
      goto fail;
    line = rg_store_prepare (store,
                             "INSERT INTO sale_lines (id, sale_id, position, kind, quantity, list_price, price, "
                             "created_at, updated_at) VALUES (?1, ?2, 0, 'deposit', -1, ?3, -?3, ?4, ?4)",
                             error);
    if (line == NULL)
      goto fail;
    sqlite3_bind_int64 (line, 1, line_id);
    sqlite3_bind_int64 (line, 2, id);
    sqlite3_bind_int64 (line, 3, amount);
    sqlite3_bind_int64 (line, 4, now);
    if (!rg_store_step_done (store, line, error))
      goto fail;
  }
  if (!rg_sale_insert_payment (store, id, (RgPaymentMethod) method, -amount, NULL, now, error) ||
      !insert_deposit_move (store, client_id, -amount, "withdrawal", id, line_id, clean, now, error))
    goto fail;
  if (!rg_store_commit (store, error))
    return FALSE;
  if (sale_id)
    *sale_id = id;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

gboolean
rg_studio_correct_points (RgStudio    *studio,
                          gint64       client_id,
                          gint64       points,
                          const char  *note,
                          GError     **error)
{
  RgStore *store;
  g_autofree char *clean = g_strstrip (g_strdup (note ? note : ""));
  g_autoptr(GArray) lots = g_array_new (FALSE, TRUE, sizeof (PointsLot));
  gint64 now = rg_store_now (), balance = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  /* Points are the studio's money: correcting them by hand is a setting's
   * matter, not the desk's. */
  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;

  if (points == 0 || points > G_GINT64_CONSTANT (1000000000) || points < -G_GINT64_CONSTANT (1000000000))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Correct the points by a number other than zero."));
      return FALSE;
    }
  if (*clean == '\0')
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Say why the points change."));
      return FALSE;
    }
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!client_exists (store, client_id, error) ||
      !rg_prepaid_expire_points (store, client_id, now, error) ||
      !rg_store_query_int64 (store, "SELECT coalesce (sum (points), 0) FROM points_moves WHERE client_id = ?1",
                  client_id, 0, &balance, error))
    goto fail;
  if (balance + points < 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The client has only %lld point.", "The client has only %lld points.",
                                (gulong) balance),
                   (long long) balance);
      goto fail;
    }
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "INSERT INTO points_moves (id, client_id, points, reason, occurred_at, "
                                               "created_at, updated_at) VALUES (?1, ?2, ?3, 'correction', ?4, ?4, ?4)",
                                               error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
    sqlite3_bind_int64 (stmt, 2, client_id);
    sqlite3_bind_int64 (stmt, 3, points);
    sqlite3_bind_int64 (stmt, 4, now);
    if (!rg_store_step_done (store, stmt, error))
      goto fail;
  }
  /* The note goes in the client's timeline: the ledger has no room for it. */
  {
    g_autoptr(RgStmt) note_row = rg_store_prepare (store,
                                                   "INSERT INTO interactions (id, client_id, kind, body, occurred_at, created_at, "
                                                   "updated_at) VALUES (?1, ?2, 'system', ?3, ?4, ?4, ?4)",
                                                   error);
    g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Points corrected by %+lld point: %s",
                                                          "Points corrected by %+lld points: %s", (gulong) ABS (points)),
                                             (long long) points, clean);

    if (note_row == NULL)
      goto fail;
    sqlite3_bind_int64 (note_row, 1, rg_store_new_id ());
    sqlite3_bind_int64 (note_row, 2, client_id);
    sqlite3_bind_text (note_row, 3, body, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (note_row, 4, now);
    if (!rg_store_step_done (store, note_row, error))
      goto fail;
  }
  return rg_store_commit (store, error);

fail:
  rg_store_rollback (store);
  return FALSE;
}

static gboolean
next_certificate_number (RgStore  *store,
                         char    **number,
                         GError  **error)
{
  gint64 last = 0;

  if (!rg_store_query_int64 (store,
                  "SELECT coalesce (max (CAST (substr (number, 4) AS INTEGER)), 0) FROM certificates "
                  "WHERE number GLOB 'GC-[0-9]*'",
                  0, 0, &last, error))
    return FALSE;
  *number = g_strdup_printf ("GC-%06" G_GINT64_FORMAT, last + 1);
  return TRUE;
}

char *
rg_studio_next_certificate_number (RgStudio  *studio,
                                   GError   **error)
{
  RgStore *store;
  gboolean started = FALSE;
  char *number = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  store = rg_studio_get_store (studio);
  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  if (!next_certificate_number (store, &number, error))
    number = NULL;
  rg_store_end_read (store, started);
  return number;
}

/* The till's side ----------------------------------------------------------------- */

gboolean
rg_prepaid_read_item (RgStore                *store,
                      const RgSaleLineDraft  *line,
                      char                  **name,
                      gint64                 *list_price,
                      GError                **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  *list_price = 0;
  switch (line->kind)
    {
    case RG_SALE_LINE_DEPOSIT:
      *name = g_strdup (_("Deposit top-up"));
      return TRUE;

    case RG_SALE_LINE_SUBSCRIPTION:
      stmt = rg_store_prepare (store, "SELECT name, price, archived FROM subscription_kinds WHERE id = ?1", error);
      break;

    case RG_SALE_LINE_CERTIFICATE:
      if (line->item_id == 0)
        {
          *name = g_strdup (_("Gift certificate"));
          return TRUE;
        }
      stmt = rg_store_prepare (store, "SELECT name, price, 0 FROM services WHERE id = ?1", error);
      break;

    default:
      g_return_val_if_reached (FALSE);
    }
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line->item_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                   line->kind == RG_SALE_LINE_SUBSCRIPTION ? _("That kind of subscription is not sold any more.")
                                                           : _("A service of the sale is not in the list any more."));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 2))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: a kind of subscription, e.g. "10 manicures" */
                   _("“%s” is not sold any more."), (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  if (line->kind == RG_SALE_LINE_CERTIFICATE)
    *name = g_strdup_printf (_("Gift certificate: %s"), (const char *) sqlite3_column_text (stmt, 0));
  else
    *name = dup_column (stmt, 0);
  *list_price = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static const char *
nonnull (const char *text)
{
  return text ? text : "";
}

/* The usable points of a client at @now: lots left, none expired. */
static gboolean
usable_points (RgStore  *store,
               gint64    client_id,
               gint64    now,
               gint64   *points,
               GError  **error)
{
  g_autoptr(GArray) lots = g_array_new (FALSE, TRUE, sizeof (PointsLot));

  *points = 0;
  if (!read_lots (store, client_id, lots, error))
    return FALSE;
  for (guint i = 0; i < lots->len; i++)
    {
      const PointsLot *lot = &g_array_index (lots, PointsLot, i);

      if (lot->left > 0 && (lot->expires_at == 0 || lot->expires_at > now))
        *points += lot->left;
    }
  return TRUE;
}

gboolean
rg_prepaid_check (RgStudio           *studio,
                  RgStore            *store,
                  const RgSaleDraft  *draft,
                  RgSaleQuote        *quote,
                  gint64             *amounts,
                  gint64              sold_at,
                  GError            **error)
{
  g_autoptr(GHashTable) certificates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) subscriptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree gboolean *line_paid = g_new0 (gboolean, quote->n_lines + 1);
  gint64 goods = 0, sold = 0, deposit = 0, points = 0, prepaid = 0;
  gint64 value = rg_studio_get_number (studio, RG_STUDIO_POINT_VALUE);
  int share = (int) rg_studio_get_number (studio, RG_STUDIO_POINTS_SHARE);

  for (guint i = 0; i < quote->n_lines; i++)
    {
      const RgPriceLine *line = &quote->lines[i];
      const RgSaleLineDraft *in = &g_array_index (draft->lines, RgSaleLineDraft, i);

      if (line->kind == RG_SALE_LINE_SERVICE || line->kind == RG_SALE_LINE_PRODUCT)
        goods += line->price;
      if (!RG_SALE_LINE_IS_PREPAID (line->kind))
        continue;
      sold += line->price;
      if (line->quantity != 1)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       _("A deposit, a subscription or a gift certificate is sold one to a line."));
          return FALSE;
        }
      if (line->price <= 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       /* Translators: a line's item, e.g. "Deposit top-up" */
                       _("Give “%s” an amount above zero."), line->name);
          return FALSE;
        }
      if (line->kind != RG_SALE_LINE_CERTIFICATE && draft->client_id == 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       _("A deposit or a subscription belongs to a client: choose the client first."));
          return FALSE;
        }
      if (line->kind == RG_SALE_LINE_CERTIFICATE && in->reference && *in->reference)
        {
          g_autofree char *number = normalize_number (in->reference);
          gint64 taken = 0;

          {
            g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT count (*) FROM certificates WHERE number = ?1", error);
            gboolean row = FALSE;

            if (stmt == NULL)
              return FALSE;
            sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
            if (!rg_store_step_row (store, stmt, &row, error))
              return FALSE;
            taken = row ? sqlite3_column_int64 (stmt, 0) : 0;
          }
          if (taken)
            {
              g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                           /* Translators: a gift certificate's number */
                           _("A gift certificate numbered %s exists already."), number);
              return FALSE;
            }
        }
    }

  for (guint i = 0; i < draft->payments->len; i++)
    {
      const RgPaymentDraft *payment = &g_array_index (draft->payments, RgPaymentDraft, i);

      amounts[i] = payment->amount;
      switch (payment->method)
        {
        case RG_PAYMENT_CASH:
        case RG_PAYMENT_CARD:
        case RG_PAYMENT_TRANSFER:
          break;

        case RG_PAYMENT_DEPOSIT:
        case RG_PAYMENT_POINTS:
          if (draft->client_id == 0)
            {
              g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("A deposit or points pay only for their client: choose the client first."));
              return FALSE;
            }
          if (payment->amount <= 0)
            {
              g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("A payment must be a sum above zero."));
              return FALSE;
            }
          if (payment->method == RG_PAYMENT_POINTS && payment->amount % value != 0)
            {
              g_autofree char *one = rg_format_price (value);

              g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           /* Translators: what one point is worth, e.g. "1 ₽" */
                           _("Points pay in whole points: one point is %s."), one);
              return FALSE;
            }
          if (payment->method == RG_PAYMENT_DEPOSIT)
            deposit += payment->amount;
          else
            points += payment->amount;
          prepaid += payment->amount;
          break;

        case RG_PAYMENT_CERTIFICATE:
          {
            g_auto(RgCertificate) certificate = { 0 };
            gint64 *taken;

            if (!read_certificate (store, payment->instrument_id, NULL, sold_at, &certificate, error))
              return FALSE;
            if (certificate.expires_at <= sold_at)
              {
                g_autofree char *day = format_last_day (certificate.expires_at);

                g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                             /* Translators: "Gift certificate GC-000012 was valid until 31 May 2026." */
                             _("Gift certificate %s was valid until %s."), certificate.number, day);
                return FALSE;
              }
            taken = g_hash_table_lookup (certificates, &certificate.id);
            if (certificate.balance <= 0 || (taken && certificate.service_id))
              {
                g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                             _("Gift certificate %s is used up."), certificate.number);
                return FALSE;
              }
            if (certificate.service_id)
              {
                /* It pays its service whole, whatever its price today. */
                guint j;

                for (j = 0; j < quote->n_lines; j++)
                  {
                    const RgSaleLineDraft *in = &g_array_index (draft->lines, RgSaleLineDraft, j);

                    if (in->kind == RG_SALE_LINE_SERVICE && in->item_id == certificate.service_id && !line_paid[j] &&
                        quote->lines[j].price > 0)
                      break;
                  }
                if (j == quote->n_lines)
                  {
                    g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                                 /* Translators: "Gift certificate GC-000012 pays for “Manicure”: the sale has none to pay." */
                                 _("Gift certificate %s pays for “%s”: the sale has none to pay."),
                                 certificate.number, nonnull (certificate.service));
                    return FALSE;
                  }
                line_paid[j] = TRUE;
                amounts[i] = quote->lines[j].price;
                taken = g_new (gint64, 1);
                *taken = certificate.balance;
                g_hash_table_insert (certificates, g_memdup2 (&certificate.id, sizeof (gint64)), taken);
              }
            else
              {
                gint64 total;

                if (payment->amount <= 0)
                  {
                    g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("A payment must be a sum above zero."));
                    return FALSE;
                  }
                total = (taken ? *taken : 0) + payment->amount;
                if (total > certificate.balance)
                  {
                    g_autofree char *left = rg_format_price (certificate.balance);

                    g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                                 /* Translators: "Gift certificate GC-000012 has only 1,500 ₽ left." */
                                 _("Gift certificate %s has only %s left."), certificate.number, left);
                    return FALSE;
                  }
                if (taken)
                  *taken = total;
                else
                  {
                    taken = g_new (gint64, 1);
                    *taken = total;
                    g_hash_table_insert (certificates, g_memdup2 (&certificate.id, sizeof (gint64)), taken);
                  }
              }
            prepaid += amounts[i];
          }
          break;

        case RG_PAYMENT_SUBSCRIPTION:
          {
            g_auto(RgSubscription) subscription = { 0 };
            const RgSaleLineDraft *in;
            gint64 *uses;
            gboolean covered = FALSE;

            if (!read_subscription (store, payment->instrument_id, sold_at, &subscription, error))
              return FALSE;
            if (subscription.client_id != draft->client_id)
              {
                g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                             /* Translators: a subscription's name */
                             _("The subscription “%s” is another client’s."), subscription.name);
                return FALSE;
              }
            if (subscription.expires_at && subscription.expires_at <= sold_at)
              {
                g_autofree char *day = format_last_day (subscription.expires_at);

                g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                             /* Translators: "The subscription “10 manicures” was valid until 31 May 2026." */
                             _("The subscription “%s” was valid until %s."), subscription.name, day);
                return FALSE;
              }
            if (payment->line < 0 || (guint) payment->line >= quote->n_lines)
              {
                g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                             _("Choose the service a subscription’s visit pays for."));
                return FALSE;
              }
            in = &g_array_index (draft->lines, RgSaleLineDraft, payment->line);
            for (guint j = 0; in->kind == RG_SALE_LINE_SERVICE && j < subscription.service_ids->len; j++)
              covered |= g_array_index (subscription.service_ids, gint64, j) == in->item_id;
            if (!covered)
              {
                g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                             /* Translators: "“Pedicure” is not in the subscription “10 manicures”." */
                             _("“%s” is not in the subscription “%s”."), quote->lines[payment->line].name,
                             subscription.name);
                return FALSE;
              }
            if (line_paid[payment->line] || quote->lines[payment->line].price <= 0 ||
                quote->lines[payment->line].quantity != 1)
              {
                g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                             /* Translators: a service's name */
                             _("A subscription’s visit pays one “%s” that nothing else pays."),
                             quote->lines[payment->line].name);
                return FALSE;
              }
            line_paid[payment->line] = TRUE;
            uses = g_hash_table_lookup (subscriptions, &subscription.id);
            if (uses == NULL)
              {
                uses = g_new0 (gint64, 1);
                g_hash_table_insert (subscriptions, g_memdup2 (&subscription.id, sizeof (gint64)), uses);
              }
            if (++*uses > subscription.remaining)
              {
                g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "The subscription “%s” has %lld visit left.",
                                          "The subscription “%s” has %lld visits left.",
                                          (gulong) subscription.remaining),
                             subscription.name, (long long) subscription.remaining);
                return FALSE;
              }
            amounts[i] = quote->lines[payment->line].price;
            prepaid += amounts[i];
          }
          break;

        default:
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       /* Translators: a payment method */
                       _("The desk does not take “%s”."), rg_payment_method_to_string (payment->method));
          return FALSE;
        }
    }

  if (deposit > 0)
    {
      gint64 balance = 0;

      if (!rg_store_query_int64 (store, "SELECT coalesce (sum (amount), 0) FROM deposit_moves WHERE client_id = ?1",
                      draft->client_id, 0, &balance, error))
        return FALSE;
      if (deposit > balance)
        {
          g_autofree char *have = rg_format_price (balance);

          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("The deposit has only %s."), have);
          return FALSE;
        }
    }
  quote->points_limit = scale (goods, share, 10000) / value * value;
  if (points > 0)
    {
      gint64 have = 0;

      if (!usable_points (store, draft->client_id, sold_at, &have, error))
        return FALSE;
      if (points / value > have)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE, "The client has only %lld point.", "The client has only %lld points.",
                                    (gulong) have),
                       (long long) have);
          return FALSE;
        }
      if (points > quote->points_limit)
        {
          g_autofree char *limit = rg_format_price (quote->points_limit);

          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       /* Translators: an amount of money */
                       _("Points may pay at most %s of this sale."), limit);
          return FALSE;
        }
    }
  /* More than is due overall is the till's refusal ("Payments other than
   * cash come to…"); here only what prepaid cannot buy. */
  if (sold > 0 && prepaid > quote->total - sold && prepaid <= quote->total)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A deposit, a gift certificate, a subscription or points cannot buy a deposit, a subscription "
                     "or a gift certificate: take money for those."));
      return FALSE;
    }
  return TRUE;
}

/* What a sale earns: the studio's rate of what its services and products
 * were paid in money, in whole points. */
gint64
rg_prepaid_points_earned (RgStudio           *studio,
                          const RgSaleQuote  *quote,
                          gint64              money,
                          gint64              prepaid)
{
  int rate = (int) rg_studio_get_number (studio, RG_STUDIO_POINTS_RATE);
  gint64 value = rg_studio_get_number (studio, RG_STUDIO_POINT_VALUE);
  gint64 goods = 0, base;

  for (guint i = 0; i < quote->n_lines; i++)
    if (quote->lines[i].kind == RG_SALE_LINE_SERVICE || quote->lines[i].kind == RG_SALE_LINE_PRODUCT)
      goods += quote->lines[i].price;
  base = MAX (MIN (money, goods - prepaid), 0);
  return (gint64) ((__int128) base * rate / ((__int128) 10000 * value));
}

static gboolean
write_interaction (RgStore     *store,
                   gint64       client_id,
                   const char  *body,
                   gint64       now,
                   GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO interactions (id, client_id, kind, body, occurred_at, created_at, "
                                             "updated_at) VALUES (?1, ?2, 'system', ?3, ?4, ?4, ?4)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, client_id);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now);
  return rg_store_step_done (store, stmt, error);
}

static char *
describe_reward (RgReferralReward  reward,
                 gint64            amount,
                 gint64            point_value)
{
  switch (reward)
    {
    case RG_REFERRAL_POINTS:
      {
        g_autofree char *value = rg_format_price (amount * point_value);

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld point (%s)", "%lld points (%s)", (gulong) amount),
                                (long long) amount, value);
      }
    case RG_REFERRAL_DEPOSIT:
      {
        g_autofree char *money = rg_format_price (amount);

        /* Translators: an amount put on the client's deposit */
        return g_strdup_printf (_("%s on the deposit"), money);
      }
    case RG_REFERRAL_DISCOUNT:
      {
        g_autofree char *percent = rg_pricing_format_percent ((int) amount);

        /* Translators: a one-off discount, e.g. "a one-off discount of 10 %" */
        return g_strdup_printf (_("a one-off discount of %s"), percent);
      }
    case RG_REFERRAL_NONE:
    default:
      return g_strdup ("");
    }
}

static gboolean
give_reward (RgStore           *store,
             RgReferralReward   reward,
             gint64             client_id,
             gint64             amount,
             gint64             referral_id,
             gint64             sale_id,
             gint64             points_expire_at,
             gint64             now,
             GError           **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  if (amount <= 0)
    return TRUE;
  switch (reward)
    {
    case RG_REFERRAL_POINTS:
      return insert_points_move (store, client_id, amount, "referral", sale_id, points_expire_at, now, error);
    case RG_REFERRAL_DEPOSIT:
      return insert_deposit_move (store, client_id, amount, "referral", sale_id, 0, NULL, now, error);
    case RG_REFERRAL_DISCOUNT:
      stmt = rg_store_prepare (store,
                               "INSERT INTO reward_discounts (id, client_id, percent, referral_id, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, client_id);
      sqlite3_bind_int64 (stmt, 3, MIN (amount, 10000));
      sqlite3_bind_int64 (stmt, 4, referral_id);
      sqlite3_bind_int64 (stmt, 5, now);
      return rg_store_step_done (store, stmt, error);
    case RG_REFERRAL_NONE:
    default:
      return TRUE;
    }
}

/* A referred client's first visit, done and paid: both sides get the
 * studio's reward, once (referral_rewards is unique by client). */
static gboolean
grant_referral (RgStudio  *studio,
                RgStore   *store,
                gint64     client_id,
                gint64     appointment_id,
                gint64     sale_id,
                gint64     now,
                GError   **error)
{
  RgReferralReward reward = (RgReferralReward) rg_studio_get_number (studio, RG_STUDIO_REFERRAL_REWARD);
  gint64 referrer_amount = rg_studio_get_number (studio, RG_STUDIO_REFERRAL_REFERRER);
  gint64 newcomer_amount = rg_studio_get_number (studio, RG_STUDIO_REFERRAL_NEWCOMER);
  gint64 point_value = rg_studio_get_number (studio, RG_STUDIO_POINT_VALUE);
  int months = (int) rg_studio_get_number (studio, RG_STUDIO_POINTS_MONTHS);
  gint64 referrer = 0, granted = 0, earlier = 0, id = rg_store_new_id ();
  g_autofree char *referrer_name = NULL;
  g_autofree char *client_name = NULL;
  static const char *const nicks[] = { "", "points", "deposit", "discount" };

  if (reward == RG_REFERRAL_NONE || (referrer_amount <= 0 && newcomer_amount <= 0) || appointment_id == 0)
    return TRUE;
  if (!rg_store_query_int64 (store,
                  "SELECT coalesce ((SELECT r.id FROM clients c JOIN clients r ON r.id = c.referred_by_id "
                  " WHERE c.id = ?1 AND r.deleted_at IS NULL AND r.id <> c.id), 0)",
                  client_id, 0, &referrer, error))
    return FALSE;
  if (referrer == 0)
    return TRUE;
  if (!rg_store_query_int64 (store, "SELECT count (*) FROM referral_rewards WHERE client_id = ?1", client_id, 0, &granted, error) ||
      !rg_store_query_int64 (store, "SELECT count (*) FROM appointments WHERE client_id = ?1 AND status = 'done' "
                  "AND deleted_at IS NULL AND id <> ?2",
                  client_id, appointment_id, &earlier, error))
    return FALSE;
  if (granted || earlier)
    return TRUE;

  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "INSERT INTO referral_rewards (id, client_id, referrer_id, sale_id, reward, "
                                               "referrer_amount, client_amount, granted_at, created_at, updated_at) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?8)",
                                               error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_int64 (stmt, 2, client_id);
    sqlite3_bind_int64 (stmt, 3, referrer);
    sqlite3_bind_int64 (stmt, 4, sale_id);
    sqlite3_bind_text (stmt, 5, nicks[reward], -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 6, MAX (referrer_amount, 0));
    sqlite3_bind_int64 (stmt, 7, MAX (newcomer_amount, 0));
    sqlite3_bind_int64 (stmt, 8, now);
    if (!rg_store_step_done (store, stmt, error))
      return FALSE;
  }
  {
    gint64 expire = months > 0 ? local_midnight_after (now, 1, months) : 0;

    if (!give_reward (store, reward, referrer, referrer_amount, id, sale_id, expire, now, error) ||
        !give_reward (store, reward, client_id, newcomer_amount, id, sale_id, expire, now, error))
      return FALSE;
  }

  /* In both timelines. */
  {
    g_autoptr(RgStmt) names = rg_store_prepare (store,
                                                "SELECT (SELECT address_as FROM clients WHERE id = ?1), "
                                                "(SELECT address_as FROM clients WHERE id = ?2)",
                                                error);
    gboolean row = FALSE;
    g_autofree char *to_referrer = describe_reward (reward, referrer_amount, point_value);
    g_autofree char *to_client = describe_reward (reward, newcomer_amount, point_value);
    g_autofree char *body_referrer = NULL;
    g_autofree char *body_client = NULL;

    if (names == NULL)
      return FALSE;
    sqlite3_bind_int64 (names, 1, referrer);
    sqlite3_bind_int64 (names, 2, client_id);
    if (!rg_store_step_row (store, names, &row, error))
      return FALSE;
    referrer_name = dup_column (names, 0);
    client_name = dup_column (names, 1);
    /* Translators: "Referral reward: 500 points (500 ₽) for bringing Anna" */
    body_referrer = g_strdup_printf (_("Referral reward: %s for bringing %s"), to_referrer, nonnull (client_name));
    /* Translators: "Referral reward: 300 points (300 ₽), referred by Maria" */
    body_client = g_strdup_printf (_("Referral reward: %s, referred by %s"), to_client, nonnull (referrer_name));
    if ((referrer_amount > 0 && !write_interaction (store, referrer, body_referrer, now, error)) ||
        (newcomer_amount > 0 && !write_interaction (store, client_id, body_client, now, error)))
      return FALSE;
  }
  return TRUE;
}

gboolean
rg_prepaid_write_sale (RgStudio           *studio,
                       RgStore            *store,
                       const RgSaleDraft  *draft,
                       const RgSaleQuote  *quote,
                       const gint64       *amounts,
                       gint64              sale_id,
                       const gint64       *line_ids,
                       gint64              client_id,
                       gint64              sold_at,
                       GError            **error)
{
  gint64 value = rg_studio_get_number (studio, RG_STUDIO_POINT_VALUE);
  int months = (int) rg_studio_get_number (studio, RG_STUDIO_POINTS_MONTHS);
  int certificate_months = (int) rg_studio_get_number (studio, RG_STUDIO_CERTIFICATE_MONTHS);

  /* Instruments sold. */
  for (guint i = 0; i < quote->n_lines; i++)
    {
      const RgSaleLineDraft *in = &g_array_index (draft->lines, RgSaleLineDraft, i);
      const RgPriceLine *line = &quote->lines[i];
      g_autoptr(RgStmt) stmt = NULL;
      gint64 id = rg_store_new_id ();

      switch (in->kind)
        {
        case RG_SALE_LINE_DEPOSIT:
          if (!insert_deposit_move (store, client_id, line->price, "top_up", sale_id, line_ids[i], NULL, sold_at, error))
            return FALSE;
          break;

        case RG_SALE_LINE_SUBSCRIPTION:
          stmt = rg_store_prepare (store,
                                   "INSERT INTO subscriptions (id, kind_id, name, client_id, sale_line_id, visits, price, "
                                   " valid_days, from_first_use, sold_at, expires_at, created_at, updated_at) "
                                   "SELECT ?1, id, name, ?2, ?3, visits, ?4, valid_days, from_first_use, ?5, "
                                   " CASE WHEN from_first_use THEN NULL ELSE ?6 END, ?5, ?5 "
                                   "FROM subscription_kinds WHERE id = ?7",
                                   error);
          if (stmt == NULL)
            return FALSE;
          {
            gint64 valid_days = 0, visits = 0;
            g_autoptr(RgStmt) terms = rg_store_prepare (store, "SELECT valid_days, visits FROM subscription_kinds WHERE id = ?1",
                                                        error);
            gboolean found = FALSE;

            if (terms == NULL)
              return FALSE;
            sqlite3_bind_int64 (terms, 1, in->item_id);
            if (!rg_store_step_row (store, terms, &found, error))
              return FALSE;
            if (found)
              valid_days = sqlite3_column_int64 (terms, 0), visits = sqlite3_column_int64 (terms, 1);
            sqlite3_bind_int64 (stmt, 1, id);
            sqlite3_bind_int64 (stmt, 2, client_id);
            sqlite3_bind_int64 (stmt, 3, line_ids[i]);
            sqlite3_bind_int64 (stmt, 4, line->price);
            sqlite3_bind_int64 (stmt, 5, sold_at);
            sqlite3_bind_int64 (stmt, 6, local_midnight_after (sold_at, (int) valid_days, 0));
            sqlite3_bind_int64 (stmt, 7, in->item_id);
            if (!rg_store_step_done (store, stmt, error))
              return FALSE;
            g_clear_pointer (&stmt, rg_stmt_release);
            stmt = rg_store_prepare (store,
                                     "INSERT INTO subscription_services (id, subscription_id, service_id, created_at, updated_at) "
                                     "SELECT " "(1 + (random () & 9223372036854775806))" ", ?1, service_id, ?2, ?2 "
                                     "FROM subscription_kind_services WHERE kind_id = ?3",
                                     error);
            if (stmt == NULL)
              return FALSE;
            sqlite3_bind_int64 (stmt, 1, id);
            sqlite3_bind_int64 (stmt, 2, sold_at);
            sqlite3_bind_int64 (stmt, 3, in->item_id);
            if (!rg_store_step_done (store, stmt, error) ||
                !insert_instrument_move (store, "subscription_moves", id, visits, "sold", sale_id, line_ids[i], sold_at, error))
              return FALSE;
          }
          break;

        case RG_SALE_LINE_CERTIFICATE:
          {
            g_autofree char *number = NULL;

            if (in->reference && *in->reference)
              number = normalize_number (in->reference);
            else if (!next_certificate_number (store, &number, error))
              return FALSE;
            stmt = rg_store_prepare (store,
                                     "INSERT INTO certificates (id, number, amount, service_id, buyer_id, sale_line_id, sold_at, "
                                     " expires_at, created_at, updated_at) "
                                     "VALUES (?1, ?2, ?3, nullif (?4, 0), nullif (?5, 0), ?6, ?7, ?8, ?7, ?7)",
                                     error);
            if (stmt == NULL)
              return FALSE;
            sqlite3_bind_int64 (stmt, 1, id);
            sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64 (stmt, 3, line->price);
            sqlite3_bind_int64 (stmt, 4, in->item_id);
            sqlite3_bind_int64 (stmt, 5, client_id);
            sqlite3_bind_int64 (stmt, 6, line_ids[i]);
            sqlite3_bind_int64 (stmt, 7, sold_at);
            sqlite3_bind_int64 (stmt, 8, local_midnight_after (sold_at, 1, certificate_months));
            if (!rg_store_step_done (store, stmt, error) ||
                !insert_instrument_move (store, "certificate_moves", id, line->price, "sold", sale_id, client_id, sold_at, error))
              return FALSE;
          }
          break;

        default:
          break;
        }
    }

  /* Prepaid payments. */
  for (guint i = 0; i < draft->payments->len; i++)
    {
      const RgPaymentDraft *payment = &g_array_index (draft->payments, RgPaymentDraft, i);

      switch (payment->method)
        {
        case RG_PAYMENT_DEPOSIT:
          if (!insert_deposit_move (store, client_id, -amounts[i], "payment", sale_id, 0, NULL, sold_at, error))
            return FALSE;
          break;

        case RG_PAYMENT_POINTS:
          if (!insert_points_move (store, client_id, -(amounts[i] / value), "spent", sale_id, 0, sold_at, error))
            return FALSE;
          break;

        case RG_PAYMENT_CERTIFICATE:
          {
            g_auto(RgCertificate) certificate = { 0 };

            if (!read_certificate (store, payment->instrument_id, NULL, sold_at, &certificate, error) ||
                !insert_instrument_move (store, "certificate_moves", certificate.id,
                                         certificate.service_id ? -certificate.balance : -amounts[i],
                                         "redeemed", sale_id, client_id, sold_at, error))
              return FALSE;
          }
          break;

        case RG_PAYMENT_SUBSCRIPTION:
          {
            g_autoptr(RgStmt) start = NULL;
            gint64 valid_days = 0;

            if (!insert_instrument_move (store, "subscription_moves", payment->instrument_id, -1, "use", sale_id,
                                         line_ids[payment->line], sold_at, error) ||
                !rg_store_query_int64 (store, "SELECT valid_days FROM subscriptions WHERE id = ?1 AND expires_at IS NULL",
                            payment->instrument_id, 0, &valid_days, error))
              return FALSE;
            /* Its validity runs from this first use. */
            if (valid_days > 0)
              {
                start = rg_store_prepare (store, "UPDATE subscriptions SET expires_at = ?2, updated_at = ?3 WHERE id = ?1", error);
                if (start == NULL)
                  return FALSE;
                sqlite3_bind_int64 (start, 1, payment->instrument_id);
                sqlite3_bind_int64 (start, 2, local_midnight_after (sold_at, (int) valid_days, 0));
                sqlite3_bind_int64 (start, 3, sold_at);
                if (!rg_store_step_done (store, start, error))
                  return FALSE;
              }
          }
          break;

        default:
          break;
        }
    }

  /* Points earned; a reward's discount used; a referral's reward. */
  if (client_id && quote->points_earned > 0 &&
      !insert_points_move (store, client_id, quote->points_earned, "earned", sale_id,
                           months > 0 ? local_midnight_after (sold_at, 1, months) : 0, sold_at, error))
    return FALSE;
  if (draft->reward_discount_id)
    {
      g_autoptr(RgStmt) use = rg_store_prepare (store,
                                                "UPDATE reward_discounts SET used_sale_id = ?3, updated_at = ?4 "
                                                "WHERE id = ?1 AND client_id = ?2 AND used_sale_id IS NULL",
                                                error);

      if (use == NULL)
        return FALSE;
      sqlite3_bind_int64 (use, 1, draft->reward_discount_id);
      sqlite3_bind_int64 (use, 2, client_id);
      sqlite3_bind_int64 (use, 3, sale_id);
      sqlite3_bind_int64 (use, 4, sold_at);
      if (!rg_store_step_done (store, use, error))
        return FALSE;
      if (sqlite3_changes (rg_store_get_db (store)) != 1)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT, _("That reward’s discount was used already."));
          return FALSE;
        }
    }
  return client_id == 0 || grant_referral (studio, store, client_id, draft->appointment_id, sale_id, sold_at, error);
}

/* Refunds ----------------------------------------------------------------------- */

typedef struct {
  gint64          id;          /* the refund's line */
  gint64          original;    /* the line it takes back */
  RgSaleLineKind  kind;
  gint64          price;       /* the original line's, positive for a sale */
} BackLine;

static gboolean
read_back_lines (RgStore  *store,
                 gint64    refund_id,
                 GArray   *lines,
                 GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, refund_of_line, kind, -price FROM sale_lines WHERE sale_id = ?1 "
                                             "ORDER BY position, id",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, refund_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);
      BackLine line = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), RG_SALE_LINE_SERVICE,
                        sqlite3_column_int64 (stmt, 3) };

      if (g_strcmp0 (kind, "deposit") == 0)
        line.kind = RG_SALE_LINE_DEPOSIT;
      else if (g_strcmp0 (kind, "subscription") == 0)
        line.kind = RG_SALE_LINE_SUBSCRIPTION;
      else if (g_strcmp0 (kind, "certificate") == 0)
        line.kind = RG_SALE_LINE_CERTIFICATE;
      else if (g_strcmp0 (kind, "product") == 0)
        line.kind = RG_SALE_LINE_PRODUCT;
      else if (g_strcmp0 (kind, "tip") == 0)
        line.kind = RG_SALE_LINE_TIP;
      g_array_append_val (lines, line);
    }
  return ok;
}

/* What @method paid of @sale_id, its refunds taken off (@reference: only
 * the payments naming it). */
static gboolean
net_paid (RgStore     *store,
          gint64       sale_id,
          const char  *method,
          const char  *reference,
          gint64      *paid,
          GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT coalesce (sum (amount), 0) FROM payments WHERE method = ?2 "
                                             "AND (?3 IS NULL OR reference = ?3) "
                                             "AND sale_id IN (SELECT id FROM sales WHERE id = ?1 OR refund_of = ?1)",
                                             error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  sqlite3_bind_text (stmt, 2, method, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, reference, -1, SQLITE_TRANSIENT);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  *paid = row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
take_back_instrument (RgStore         *store,
                      const BackLine  *line,
                      gint64           client_id,
                      gint64           refund_id,
                      gint64           now,
                      GError         **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  if (line->price < 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A deposit given back cannot be refunded: top it up again."));
      return FALSE;
    }
  switch (line->kind)
    {
    case RG_SALE_LINE_DEPOSIT:
      {
        gint64 balance = 0;

        if (!rg_store_query_int64 (store, "SELECT coalesce (sum (amount), 0) FROM deposit_moves WHERE client_id = ?1",
                        client_id, 0, &balance, error))
          return FALSE;
        if (balance < line->price)
          {
            g_autofree char *have = rg_format_price (balance);
            g_autofree char *topped = rg_format_price (line->price);

            g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                         /* Translators: "The deposit has only 1,000 ₽ left of the 5,000 ₽ topped up: refund that much by giving the deposit back." */
                         _("The deposit has only %s left of the %s topped up: give back what is left instead."),
                         have, topped);
            return FALSE;
          }
        return insert_deposit_move (store, client_id, -line->price, "withdrawal", refund_id, line->id, NULL, now, error);
      }

    case RG_SALE_LINE_SUBSCRIPTION:
      stmt = rg_store_prepare (store,
                               "SELECT s.id, s.name, "
                               " (SELECT coalesce (sum (visits), 0) FROM subscription_moves m WHERE m.subscription_id = s.id), "
                               " (SELECT coalesce (-sum (visits), 0) FROM subscription_moves m WHERE m.subscription_id = s.id "
                               "  AND m.reason IN ('use', 'use_back')) "
                               "FROM subscriptions s WHERE s.sale_line_id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line->original);
      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        return TRUE;
      if (sqlite3_column_int64 (stmt, 3) > 0)
        {
          gint64 used = sqlite3_column_int64 (stmt, 3);

          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%lld visit of the subscription “%s” was used: it cannot be refunded whole.",
                                    "%lld visits of the subscription “%s” were used: it cannot be refunded whole.",
                                    (gulong) used),
                       (long long) used, (const char *) sqlite3_column_text (stmt, 1));
          return FALSE;
        }
      return sqlite3_column_int64 (stmt, 2) <= 0 ||
             insert_instrument_move (store, "subscription_moves", sqlite3_column_int64 (stmt, 0),
                                     -sqlite3_column_int64 (stmt, 2), "cancelled", refund_id, line->id, now, error);

    case RG_SALE_LINE_CERTIFICATE:
      stmt = rg_store_prepare (store,
                               "SELECT t.id, t.number, t.amount, "
                               " (SELECT coalesce (sum (amount), 0) FROM certificate_moves m WHERE m.certificate_id = t.id) "
                               "FROM certificates t WHERE t.sale_line_id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line->original);
      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        return TRUE;
      if (sqlite3_column_int64 (stmt, 3) < sqlite3_column_int64 (stmt, 2))
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       /* Translators: a gift certificate's number */
                       _("Gift certificate %s was used in part: it cannot be refunded."),
                       (const char *) sqlite3_column_text (stmt, 1));
          return FALSE;
        }
      return sqlite3_column_int64 (stmt, 3) <= 0 ||
             insert_instrument_move (store, "certificate_moves", sqlite3_column_int64 (stmt, 0),
                                     -sqlite3_column_int64 (stmt, 3), "cancelled", refund_id, client_id, now, error);

    default:
      return TRUE;
    }
}

gboolean
rg_prepaid_refund (RgStudio  *studio,
                   RgStore   *store,
                   gint64     sale_id,
                   gint64     refund_id,
                   gint64     amount,
                   gint64    *money_left,
                   gint64     now,
                   GError   **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (BackLine));
  gint64 client_id = 0, left = amount;

  (void) studio;
  if (!rg_store_query_int64 (store, "SELECT coalesce (client_id, 0) FROM sales WHERE id = ?1", sale_id, 0, &client_id, error) ||
      !read_back_lines (store, refund_id, lines, error))
    return FALSE;

  /* Instruments the lines sold go back whole, unused. */
  for (guint i = 0; i < lines->len; i++)
    if (RG_SALE_LINE_IS_PREPAID (g_array_index (lines, BackLine, i).kind) &&
        !take_back_instrument (store, &g_array_index (lines, BackLine, i), client_id, refund_id, now, error))
      return FALSE;

  /* A subscription's visit that paid a line comes back with it. */
  for (guint i = 0; i < lines->len; i++)
    {
      const BackLine *line = &g_array_index (lines, BackLine, i);
      g_autoptr(RgStmt) stmt = NULL;
      gboolean row = FALSE;

      if (line->kind != RG_SALE_LINE_SERVICE)
        continue;
      stmt = rg_store_prepare (store,
                               "SELECT m.subscription_id, s.name FROM subscription_moves m "
                               "JOIN subscriptions s ON s.id = m.subscription_id "
                               "WHERE m.sale_line_id = ?1 AND m.reason = 'use'",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line->original);
      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        continue;
      if (!insert_instrument_move (store, "subscription_moves", sqlite3_column_int64 (stmt, 0), 1, "use_back",
                                   refund_id, line->id, now, error) ||
          (line->price > 0 &&
           !rg_sale_insert_payment (store, refund_id, RG_PAYMENT_SUBSCRIPTION, -line->price,
                                    (const char *) sqlite3_column_text (stmt, 1), now, error)))
        return FALSE;
      left -= MIN (line->price, left);
    }

  /* Points, certificates, the deposit: back first, up to what each paid. */
  if (left > 0 && client_id)
    {
      gint64 paid = 0, orig_paid = 0, orig_points = 0;

      if (!net_paid (store, sale_id, "points", NULL, &paid, error) ||
          !rg_store_query_int64 (store, "SELECT coalesce (sum (amount), 0) FROM payments WHERE sale_id = ?1 AND method = 'points'",
                      sale_id, 0, &orig_paid, error) ||
          !rg_store_query_int64 (store, "SELECT coalesce (-sum (points), 0) FROM points_moves WHERE sale_id = ?1 AND reason = 'spent'",
                      sale_id, 0, &orig_points, error))
        return FALSE;
      if (paid > 0 && orig_points > 0)
        {
          gint64 value = MAX (orig_paid / orig_points, 1);
          gint64 points = MIN (left, paid) / value;

          if (points > 0 &&
              (!insert_points_move (store, client_id, points, "spent_back", refund_id, 0, now, error) ||
               !rg_sale_insert_payment (store, refund_id, RG_PAYMENT_POINTS, -points * value, NULL, now, error)))
            return FALSE;
          left -= points * value;
        }
    }
  if (left > 0)
    {
      g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                                 "SELECT t.id, t.number, "
                                                 " -(SELECT sum (m.amount) FROM certificate_moves m WHERE m.certificate_id = t.id "
                                                 "   AND m.reason IN ('redeemed', 'redeemed_back') "
                                                 "   AND m.sale_id IN (SELECT id FROM sales WHERE id = ?1 OR refund_of = ?1)) "
                                                 "FROM certificates t WHERE t.id IN (SELECT certificate_id FROM certificate_moves "
                                                 " WHERE sale_id = ?1 AND reason = 'redeemed') ORDER BY t.number",
                                                 error);
      gboolean row = FALSE, ok;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, sale_id);
      while (left > 0 && (ok = rg_store_step_row (store, stmt, &row, error)) && row)
        {
          const char *number = (const char *) sqlite3_column_text (stmt, 1);
          gint64 taken = sqlite3_column_int64 (stmt, 2), paid = 0, back, back_move;

          if (!net_paid (store, sale_id, "certificate", number, &paid, error))
            return FALSE;
          if (paid <= 0 || taken <= 0)
            continue;
          back = MIN (left, paid);
          back_move = back == paid ? taken : scale (taken, back, paid);
          if ((back_move > 0 &&
               !insert_instrument_move (store, "certificate_moves", sqlite3_column_int64 (stmt, 0), back_move,
                                        "redeemed_back", refund_id, client_id, now, error)) ||
              !rg_sale_insert_payment (store, refund_id, RG_PAYMENT_CERTIFICATE, -back, number, now, error))
            return FALSE;
          left -= back;
        }
      if (left > 0 && !ok)
        return FALSE;
    }
  if (left > 0 && client_id)
    {
      gint64 paid = 0;

      if (!net_paid (store, sale_id, "deposit", NULL, &paid, error))
        return FALSE;
      if (paid > 0)
        {
          gint64 back = MIN (left, paid);

          if (!insert_deposit_move (store, client_id, back, "payment_back", refund_id, 0, NULL, now, error) ||
              !rg_sale_insert_payment (store, refund_id, RG_PAYMENT_DEPOSIT, -back, NULL, now, error))
            return FALSE;
          left -= back;
        }
    }

  /* The points the sale earned, in proportion to what goes back (all that
   * is left of them when nothing of the sale stays), at most the client's
   * balance. */
  if (client_id)
    {
      gint64 earned = 0, earned_net = 0, total = 0, stays = 0, have = 0, take;

      if (!rg_store_query_int64 (store, "SELECT coalesce (sum (points), 0) FROM points_moves WHERE sale_id = ?1 AND reason = 'earned'",
                      sale_id, 0, &earned, error))
        return FALSE;
      if (earned > 0)
        {
          if (!rg_store_query_int64 (store,
                          "SELECT coalesce (sum (points), 0) FROM points_moves WHERE reason IN ('earned', 'earned_back') "
                          "AND sale_id IN (SELECT id FROM sales WHERE id = ?1 OR refund_of = ?1)",
                          sale_id, 0, &earned_net, error) ||
              !rg_store_query_int64 (store, "SELECT coalesce (sum (price), 0) FROM sale_lines WHERE sale_id = ?1",
                          sale_id, 0, &total, error) ||
              !rg_store_query_int64 (store,
                          "SELECT count (*) FROM sale_lines l WHERE l.sale_id = ?1 "
                          "AND NOT EXISTS (SELECT 1 FROM sale_lines r WHERE r.refund_of_line = l.id)",
                          sale_id, 0, &stays, error) ||
              !rg_prepaid_expire_points (store, client_id, now, error) ||
              !usable_points (store, client_id, now, &have, error))
            return FALSE;
          take = stays == 0 ? earned_net : MIN (scale (earned, amount, total), earned_net);
          take = MIN (take, have);
          if (take > 0 && !insert_points_move (store, client_id, -take, "earned_back", refund_id, 0, now, error))
            return FALSE;
        }
    }

  *money_left = left;
  return TRUE;
}
