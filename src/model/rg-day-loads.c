/* rg-day-loads.c — how many bookings, and how many hours, each day has:
 * the month view's figures, read through the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include "rg-day-loads.h"

/* Bookings per shown day in one query: the days' bounds (local midnights,
 * so 23- and 25-hour days count right) go in as one JSON array. A deleted
 * client's appointments do not count (the calendar shows none of them):
 * they are counted apart, from the few deleted clients, and taken off,
 * which costs a tenth of leaving them out row by row. */
static const char month_counts_sql[] =
  "SELECT d.key, count(*), total(a.ends_at - a.starts_at) "
  "FROM json_each(?1) AS d "
  "JOIN appointments a "
  "ON a.starts_at >= json_extract(d.value, '$[0]') "
  "AND a.starts_at < json_extract(d.value, '$[1]') "
  "WHERE a.deleted_at IS NULL AND a.status <> 'cancelled' "
  "AND (?2 = 0 OR a.staff_id = ?2) "
  "GROUP BY d.key";

static const char month_deleted_sql[] =
  "SELECT d.key, count(*), total(a.ends_at - a.starts_at) "
  "FROM clients dc INDEXED BY clients_deleted "
  "CROSS JOIN appointments a INDEXED BY appointments_client_status "
  "CROSS JOIN json_each(?1) AS d "
  /* Each status by name: the index then finds the month's rows alone. */
  "WHERE dc.deleted_at IS NOT NULL AND a.client_id = dc.id "
  "AND a.status IN ('booked', 'confirmed', 'arrived', 'done', 'no_show') AND a.deleted_at IS NULL "
  "AND a.starts_at >= ?3 AND a.starts_at < ?4 "
  "AND a.starts_at >= json_extract(d.value, '$[0]') AND a.starts_at < json_extract(d.value, '$[1]') "
  "AND (?2 = 0 OR a.staff_id = ?2) "
  "GROUP BY d.key";

static gboolean
add_counts (RgStore     *store,
            const char  *sql,
            const char  *days,
            gint64       staff_id,
            gint64       from,
            gint64       to,
            int          sign,
            RgDayLoad   *loads,
            guint        n,
            GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, days, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, staff_id);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    {
      sqlite3_bind_int64 (stmt, 3, from);
      sqlite3_bind_int64 (stmt, 4, to);
    }

  for (;;)
    {
      gboolean row;
      gint64 index;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;

      index = sqlite3_column_int64 (stmt, 0);
      if (index < 0 || index >= (gint64) n)
        continue;
      loads[index].n_bookings += sign * sqlite3_column_int (stmt, 1);
      loads[index].booked_seconds += sign * (gint64) sqlite3_column_double (stmt, 2);
    }

  return TRUE;
}

/* Each of the @n_days days from @first: its bookings (not cancelled, not a
 * deleted client's) and the hours they take, of @staff_id or everyone (0).
 * @loads has @n_days entries, zeroed. */
gboolean
rg_booking_day_loads (RgStudio   *studio,
                      RgDate      first,
                      guint       n_days,
                      gint64      staff_id,
                      RgDayLoad  *loads,
                      GError    **error)
{
  RgStore *store;
  g_autoptr(GString) days = g_string_new ("[");
  gint64 from = rg_date_start (first);
  gint64 start = from;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (loads != NULL || n_days == 0, FALSE);

  store = rg_studio_get_store (studio);
  for (guint i = 0; i < n_days; i++)
    {
      gint64 end = rg_date_start (rg_date_add_days (first, (int) i + 1));

      g_string_append_printf (days, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]", i ? "," : "", start, end);
      start = end;
    }
  g_string_append_c (days, ']');

  return add_counts (store, month_counts_sql, days->str, staff_id, from, start, 1, loads, n_days, error) &&
         add_counts (store, month_deleted_sql, days->str, staff_id, from, start, -1, loads, n_days, error);
}
