/* rg-prepaid-lists.c — the studio-wide lists of certificates and of the
 * subscriptions Today warns about. Reads only: every balance is the sum of
 * its ledger's rows, read in the same statement.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-prepaid-lists.h"

#define DAY 86400

static char *
dup_column (RgStmt *stmt,
            int     column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? g_strdup (text) : NULL;
}

/* Certificates ---------------------------------------------------------------- */

const char *
rg_certificate_state_to_string (RgCertificateState state)
{
  switch (state)
    {
    /* Translators: a gift certificate's state: it can still pay */
    case RG_CERTIFICATE_ACTIVE:  return C_("certificate", "Active");
    /* Translators: a gift certificate's state: its whole value was spent */
    case RG_CERTIFICATE_USED:    return C_("certificate", "Used");
    /* Translators: a gift certificate's state: past its date with a balance left */
    case RG_CERTIFICATE_EXPIRED: return C_("certificate", "Expired");
    default:                     return "";
    }
}

void
rg_certificate_entry_clear (RgCertificateEntry *entry)
{
  g_clear_pointer (&entry->number, g_free);
  g_clear_pointer (&entry->service, g_free);
  g_clear_pointer (&entry->buyer, g_free);
}

/* The number as compared: letters and digits only, upper case. */
static char *
fold_number (const char *number)
{
  GString *folded = g_string_new (NULL);

  for (const char *p = number; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (folded, g_unichar_toupper (c));
    }
  return g_string_free (folded, FALSE);
}

GArray *
rg_studio_list_certificates (RgStudio    *studio,
                             const char  *number,
                             gint64       now,
                             GError     **error)
{
  g_autoptr(GArray) list = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *needle = NULL;
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  needle = fold_number (number);
  list = g_array_new (FALSE, TRUE, sizeof (RgCertificateEntry));
  g_array_set_clear_func (list, (GDestroyNotify) rg_certificate_entry_clear);
  /* The numbers' spaces and dashes go before the comparison; the app
   * writes only those besides letters and digits. */
  stmt = rg_store_prepare (store,
                           "SELECT c.id, c.number, c.amount,"
                           " coalesce ((SELECT sum (m.amount) FROM certificate_moves m WHERE m.certificate_id = c.id), 0),"
                           " coalesce (c.service_id, 0), sv.name, coalesce (c.buyer_id, 0), b.address_as,"
                           " c.sold_at, c.expires_at "
                           "FROM certificates c "
                           "LEFT JOIN services sv ON sv.id = c.service_id "
                           "LEFT JOIN clients b ON b.id = c.buyer_id "
                           "WHERE ?1 = '' OR instr (upper (replace (replace (c.number, ' ', ''), '-', '')), ?1) > 0 "
                           "ORDER BY c.sold_at DESC, c.number DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, needle, -1, SQLITE_TRANSIENT);
  for (;;)
    {
      RgCertificateEntry entry = { 0 };
      gboolean row = FALSE;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      entry.id = sqlite3_column_int64 (stmt, 0);
      entry.number = dup_column (stmt, 1);
      entry.amount = sqlite3_column_int64 (stmt, 2);
      entry.balance = sqlite3_column_int64 (stmt, 3);
      entry.service_id = sqlite3_column_int64 (stmt, 4);
      entry.service = dup_column (stmt, 5);
      entry.buyer_id = sqlite3_column_int64 (stmt, 6);
      entry.buyer = dup_column (stmt, 7);
      entry.sold_at = sqlite3_column_int64 (stmt, 8);
      entry.expires_at = sqlite3_column_int64 (stmt, 9);
      entry.state = entry.balance <= 0 ? RG_CERTIFICATE_USED
                  : entry.expires_at <= now ? RG_CERTIFICATE_EXPIRED
                  : RG_CERTIFICATE_ACTIVE;
      g_array_append_val (list, entry);
    }
  return g_steal_pointer (&list);
}

/* Subscriptions ---------------------------------------------------------------- */

void
rg_subscription_alert_clear (RgSubscriptionAlert *alert)
{
  g_clear_pointer (&alert->client, g_free);
  g_clear_pointer (&alert->name, g_free);
}

GArray *
rg_studio_list_subscription_alerts (RgStudio  *studio,
                                    gint64     now,
                                    int        days,
                                    GError   **error)
{
  g_autoptr(GArray) list = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  list = g_array_new (FALSE, TRUE, sizeof (RgSubscriptionAlert));
  g_array_set_clear_func (list, (GDestroyNotify) rg_subscription_alert_clear);
  /* The expiry's index gives the few in the window; their ledgers are
   * summed one by one. One from its first use and not used yet has no
   * expiry: it cannot run out. */
  stmt = rg_store_prepare (store,
                           "SELECT id, client_id, address_as, name, visits, remaining, expires_at FROM ("
                           " SELECT s.id, s.client_id, c.address_as, s.name, s.visits,"
                           "  coalesce ((SELECT sum (m.visits) FROM subscription_moves m WHERE m.subscription_id = s.id), 0)"
                           "   AS remaining,"
                           "  s.expires_at"
                           " FROM subscriptions s JOIN clients c ON c.id = s.client_id AND c.deleted_at IS NULL"
                           " WHERE s.expires_at IS NOT NULL AND s.expires_at >= ?1 - ?3 AND s.expires_at < ?1 + ?2)"
                           "WHERE remaining > 0 "
                           "ORDER BY expires_at < ?1, CASE WHEN expires_at < ?1 THEN -expires_at ELSE expires_at END, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, (gint64) MAX (days, 0) * DAY);
  sqlite3_bind_int64 (stmt, 3, (gint64) RG_SUBSCRIPTION_EXPIRED_DAYS * DAY);
  for (;;)
    {
      RgSubscriptionAlert alert = { 0 };
      gboolean row = FALSE;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      alert.id = sqlite3_column_int64 (stmt, 0);
      alert.client_id = sqlite3_column_int64 (stmt, 1);
      alert.client = dup_column (stmt, 2);
      alert.name = dup_column (stmt, 3);
      alert.visits = sqlite3_column_int64 (stmt, 4);
      alert.remaining = sqlite3_column_int64 (stmt, 5);
      alert.expires_at = sqlite3_column_int64 (stmt, 6);
      alert.expired = alert.expires_at < now;
      g_array_append_val (list, alert);
    }
  return g_steal_pointer (&list);
}
