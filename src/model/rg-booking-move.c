/* rg-booking-move.c — moving and resizing an appointment (a drag in the
 * calendar, or its undo); the conflict rules of a save apply.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-booking-private.h"

/* The shortest a service may become when an appointment is shortened. */
#define MIN_SERVICE_MINUTES 5

/* Makes the services' durations add up to @minutes again after a resize:
 * the last service takes the difference; when shortening, each service
 * from the last backwards gives up time down to MIN_SERVICE_MINUTES. */
static gboolean
fit_services (RgStore  *store,
              gint64    appointment_id,
              int       minutes,
              gint64    now,
              GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) original = NULL;
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, duration_minutes FROM appointment_services "
                                             "WHERE appointment_id = ?1 ORDER BY position, id",
                                             error);
  int total = 0, delta;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  for (;;)
    {
      gboolean row;
      gint64 id;
      int d;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      d = sqlite3_column_int (stmt, 1);
      g_array_append_val (ids, id);
      g_array_append_val (durations, d);
      total += d;
    }

  if (ids->len == 0 || total == minutes)
    return TRUE;

  original = g_array_copy (durations);
  delta = minutes - total;
  if (delta > 0)
    g_array_index (durations, int, durations->len - 1) += delta;
  else
    {
      int need = -delta;

      for (guint i = durations->len; i-- > 0 && need > 0;)
        {
          int *d = &g_array_index (durations, int, i);
          int give = MIN (need, MAX (0, *d - MIN_SERVICE_MINUTES));

          *d -= give;
          need -= give;
        }
      if (need > 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "This appointment has %u service and cannot be shorter than %d minutes.",
                                    "This appointment has %u services and cannot be shorter than %d minutes.",
                                    ids->len),
                       ids->len, (int) ids->len * MIN_SERVICE_MINUTES);
          return FALSE;
        }
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RgStmt) upd = NULL;

      if (g_array_index (durations, int, i) == g_array_index (original, int, i))
        continue;
      upd = rg_store_prepare (store,
                              "UPDATE appointment_services SET duration_minutes = ?2, updated_at = ?3 WHERE id = ?1",
                              error);
      if (upd == NULL)
        return FALSE;
      sqlite3_bind_int64 (upd, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (upd, 2, g_array_index (durations, int, i));
      sqlite3_bind_int64 (upd, 3, now);
      if (!rg_store_step_done (store, upd, error))
        return FALSE;
    }

  return TRUE;
}

/* A time the appointment already has stays as it is (an appointment at
 * 10:05 dragged to another column stays at 10:05); a new one snaps. */
static gint64
snap_changed (gint64 value,
              gint64 current)
{
  return value == current ? value : rg_booking_snap (value);
}

static gboolean
move_in_transaction (RgStore  *store,
                     gint64    id,
                     gint64    staff_id,
                     gint64    starts_at,
                     gint64    ends_at,
                     gboolean  snap,
                     GError  **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gint64 now = rg_store_now ();
  gint64 new_start, new_end, length;
  RgBookingRow row;

  if (!rg_booking_load_row (store, id, &row, error))
    return FALSE;

  if (staff_id == 0)
    staff_id = row.staff_id;
  length = row.ends_at - row.starts_at;

  if (!snap)
    {
      new_start = starts_at;
      new_end = ends_at ? ends_at : starts_at + length;
    }
  else if (ends_at == 0 || ends_at - starts_at == length)
    {
      /* A move keeps the length. */
      new_start = snap_changed (starts_at, row.starts_at);
      new_end = new_start + length;
    }
  else
    {
      new_start = snap_changed (starts_at, row.starts_at);
      new_end = snap_changed (ends_at, row.ends_at);
      if (new_end <= new_start)
        new_end = new_start + RG_BOOKING_SNAP_MINUTES * 60;
    }

  if (new_end <= new_start)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The appointment must end after it starts."));
      return FALSE;
    }

  if (new_end - new_start > (gint64) RG_BOOKING_MAX_MINUTES * 60)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("An appointment cannot last longer than a day."));
      return FALSE;
    }

  if (!rg_booking_check_parties (store, 0, staff_id, staff_id != row.staff_id, error))
    return FALSE;
  if (rg_booking_status_is_active (row.status) &&
      !rg_booking_refuse_conflicts (store,
                                    &(RgBookingSpan) { .appointment_id = id,
                                                       .client_id = row.client_id,
                                                       .staff_id = staff_id,
                                                       .starts_at = new_start,
                                                       .ends_at = new_end,
                                                       .allow_overlap = row.allow_overlap },
                                    FALSE, error))
    return FALSE;

  stmt = rg_store_prepare (store,
                           "UPDATE appointments SET staff_id = ?2, starts_at = ?3, ends_at = ?4, updated_at = ?5 "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_int64 (stmt, 3, new_start);
  sqlite3_bind_int64 (stmt, 4, new_end);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!rg_store_step_done (store, stmt, error))
    return FALSE;

  if (new_end - new_start != row.ends_at - row.starts_at)
    return fit_services (store, id, (int) ((new_end - new_start) / 60), now, error);
  return TRUE;
}

static gboolean
run_move (RgStudio       *studio,
          RgAppointment  *appointment,
          gint64          staff_id,
          gint64          starts_at,
          gint64          ends_at,
          gboolean        snap,
          GError        **error)
{
  RgStore *store = rg_studio_get_store (studio);

  /* The column it leaves and the one it goes to. */
  if (!rg_studio_allowed_booking (studio, rg_record_get_id (RG_RECORD (appointment)), staff_id, error) ||
      !rg_store_begin (store, error))
    return FALSE;
  if (!move_in_transaction (store, rg_record_get_id (RG_RECORD (appointment)),
                            staff_id, starts_at, ends_at, snap, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return rg_store_commit (store, error);
}

/* Moves @appointment to @staff_id (0: the same) at @starts_at, ending at
 * @ends_at (0: keeps its length). A move (the same length, or @ends_at 0)
 * snaps the start to RG_BOOKING_SNAP_MINUTES of wall-clock time and keeps
 * the length; a resize snaps each end that changes. A resize keeps the
 * services adding up (the last one takes the difference). The conflict
 * rules of a save apply. */
gboolean
rg_booking_move (RgStudio       *studio,
                 RgAppointment  *appointment,
                 gint64          staff_id,
                 gint64          starts_at,
                 gint64          ends_at,
                 GError        **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), FALSE);

  return run_move (studio, appointment, staff_id, starts_at, ends_at, TRUE, error);
}

/* Like rg_booking_move() without snapping, for an undo that puts an
 * appointment back exactly where it was (conflicts are still refused). */
gboolean
rg_booking_move_exact (RgStudio       *studio,
                       RgAppointment  *appointment,
                       gint64          staff_id,
                       gint64          starts_at,
                       gint64          ends_at,
                       GError        **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), FALSE);

  return run_move (studio, appointment, staff_id, starts_at, ends_at, FALSE, error);
}
