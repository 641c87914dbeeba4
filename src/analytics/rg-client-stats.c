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
                           " min(starts_at) FILTER (WHERE status IN ('booked', 'confirmed') AND starts_at >= ?2),"
                           " coalesce(sum(price) FILTER (WHERE status = 'done'), 0)"
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
    }

  return TRUE;
}
