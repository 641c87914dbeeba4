/* rg-client-stats.c — figures about one client for the card.
 *
 * A visit is an appointment with status done (BRIEF 4); what a client spent
 * is the price of their done visits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include <string.h>

#include "rg-client-stats.h"

gboolean
rg_client_stats_compute (RgStore        *store,
                         gint64          client_id,
                         gint64          now,
                         RgClientStats  *stats,
                         GError        **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (RG_IS_STORE (store), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);

  stmt = rg_store_prepare (store,
                           "SELECT"
                           " count(*) FILTER (WHERE status = 'done'),"
                           " min(starts_at) FILTER (WHERE status = 'done'),"
                           " max(starts_at) FILTER (WHERE status = 'done'),"
                           " min(starts_at) FILTER (WHERE status IN ('booked', 'confirmed', 'arrived') AND starts_at >= ?2),"
                           " coalesce(sum(price) FILTER (WHERE status = 'done'), 0),"
                           " count(*)"
                           " FROM appointments WHERE client_id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;

  if (row)
    {
      stats->visits = sqlite3_column_int (stmt, 0);
      stats->first_visit_at = sqlite3_column_int64 (stmt, 1);
      stats->last_visit_at = sqlite3_column_int64 (stmt, 2);
      stats->next_booking_at = sqlite3_column_int64 (stmt, 3);
      stats->total_spent = sqlite3_column_int64 (stmt, 4);
      stats->appointments = sqlite3_column_int (stmt, 5);
    }

  return TRUE;
}

void
rg_visit_free (RgVisit *visit)
{
  if (visit == NULL)
    return;
  g_free (visit->status);
  g_free (visit->staff);
  g_free (visit->services);
  g_free (visit->why);
  g_free (visit);
}

/* A client's appointments (not deleted), newest first, at most @limit,
 * with what the card's history shows of each. */
GPtrArray *
rg_client_history_load (RgStore  *store,
                        gint64    client_id,
                        guint     limit,
                        GError  **error)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_visit_free);
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);

  stmt = rg_store_prepare (store,
                           "SELECT a.id, a.starts_at, a.status, a.price, s.display_name, "
                           "(SELECT group_concat(name, ', ') FROM (SELECT v.name FROM appointment_services x "
                           " JOIN services v ON v.id = x.service_id WHERE x.appointment_id = a.id ORDER BY x.position)), "
                           "r.score, r.why "
                           "FROM appointments a JOIN staff s ON s.id = a.staff_id "
                           "LEFT JOIN ratings r ON r.appointment_id = a.id "
                           "WHERE a.client_id = ?1 AND a.deleted_at IS NULL "
                           "ORDER BY a.starts_at DESC, a.id DESC LIMIT ?2",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgVisit *visit = g_new0 (RgVisit, 1);

      visit->appointment_id = sqlite3_column_int64 (stmt, 0);
      visit->starts_at = sqlite3_column_int64 (stmt, 1);
      visit->status = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      visit->price = sqlite3_column_int64 (stmt, 3);
      visit->staff = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      visit->services = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      visit->score = sqlite3_column_int (stmt, 6);
      visit->why = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (visits, visit);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&visits);
}
