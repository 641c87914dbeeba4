/* rg-booking-client.c — deleting a client with their bookings: the future
 * bookings are cancelled in the same transaction (their time becomes free,
 * no card of a deleted client stays in the calendar), and the undo brings
 * the client and those bookings back together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-booking-private.h"

/* The client's bookings that hold time from @from on (booked, confirmed,
 * arrived), by start, as RgBookingStatusChange. */
static GArray *
load_future (RgStore  *store,
             gint64    client_id,
             gint64    from,
             gint64   *next,
             GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RgBookingStatusChange));
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT " RG_BOOKING_ROW_COLUMNS " FROM appointments "
                                             "WHERE client_id = ?1 AND starts_at >= ?2 AND deleted_at IS NULL "
                                             "AND status IN ('booked', 'confirmed', 'arrived') "
                                             "ORDER BY starts_at, id",
                                             error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, from);
  if (next)
    *next = 0;

  for (;;)
    {
      gboolean has_row;
      RgBookingRow row;
      RgBookingStatusChange change;

      if (!rg_store_step_row (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      rg_booking_row_from_stmt (&row, stmt);
      if (next && *next == 0)
        *next = row.starts_at;
      change.appointment_id = row.id;
      change.status = row.status;
      g_array_append_val (rows, change);
    }

  return g_steal_pointer (&rows);
}

/* How many bookings @client_id has from @from on, and when the first of
 * them starts (0 without any): what deleting the client would cancel. */
gboolean
rg_booking_count_future (RgStudio  *studio,
                         gint64     client_id,
                         gint64     from,
                         guint     *n,
                         gint64    *next,
                         GError   **error)
{
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (n != NULL, FALSE);

  rows = load_future (rg_studio_get_store (studio), client_id, from, next, error);
  if (rows == NULL)
    return FALSE;
  *n = rows->len;
  return TRUE;
}

/* Deletes @client (softly: the undo restores the card as it was) and
 * cancels their bookings from @from on, in one transaction. @cancelled
 * receives what was cancelled, as RgBookingStatusChange, for
 * rg_booking_restore_client(). */
gboolean
rg_booking_delete_client (RgStudio   *studio,
                          RgClient   *client,
                          gint64      from,
                          GArray    **cancelled,
                          GError    **error)
{
  g_autoptr(GArray) rows = NULL;
  RgStore *store;
  gint64 now = rg_store_now ();

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_CLIENT (client), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, rg_record_get_id (RG_RECORD (client)), error))
    return FALSE;
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;

  rows = load_future (store, rg_record_get_id (RG_RECORD (client)), from, NULL, error);
  if (rows == NULL)
    goto failed;
  for (guint i = 0; i < rows->len; i++)
    if (!rg_booking_write_status (store, g_array_index (rows, RgBookingStatusChange, i).appointment_id,
                                  RG_APPOINTMENT_CANCELLED, now, error))
      goto failed;
  /* Last: the object takes its deleted state before the commit. */
  if (!rg_studio_delete (studio, client, error))
    goto failed;
  if (!rg_store_commit (store, error))
    return FALSE;

  if (cancelled)
    *cancelled = g_steal_pointer (&rows);
  return TRUE;

failed:
  rg_store_rollback (store);
  return FALSE;
}

/* The undo of rg_booking_delete_client(): the card back, and each
 * cancelled booking with its status, in one transaction. A booking whose
 * time was taken meanwhile stays cancelled (counted in @n_lost) rather
 * than keeping the client away. */
gboolean
rg_booking_restore_client (RgStudio  *studio,
                           RgClient  *client,
                           GArray    *cancelled,
                           guint     *n_lost,
                           GError   **error)
{
  RgStore *store;
  guint lost = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_CLIENT (client), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, rg_record_get_id (RG_RECORD (client)), error))
    return FALSE;
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_studio_undelete (studio, client, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }

  for (guint i = 0; cancelled && i < cancelled->len; i++)
    {
      const RgBookingStatusChange *c = &g_array_index (cancelled, RgBookingStatusChange, i);
      g_autoptr(GError) local_error = NULL;

      if (!rg_store_begin (store, error))
        {
          rg_store_rollback (store);
          return FALSE;
        }
      if (rg_booking_change_status (store, c->appointment_id, c->status, FALSE, TRUE, &local_error))
        {
          if (!rg_store_commit (store, error))
            {
              rg_store_rollback (store);
              return FALSE;
            }
          continue;
        }
      rg_store_rollback (store);
      if (!g_error_matches (local_error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT) &&
          !g_error_matches (local_error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          rg_store_rollback (store);
          return FALSE;
        }
      lost++;
    }

  if (!rg_store_commit (store, error))
    return FALSE;
  if (n_lost)
    *n_lost = lost;
  return TRUE;
}
