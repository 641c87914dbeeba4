/* rg-booking-series.c — recurring appointments: expanding, planning and
 * booking a series, changing or cancelling an occurrence and the following
 * ones, and the undo of a bulk status change.
 *
 * An appointment repeats every N weeks until a date at most a year
 * after the first, at the same wall-clock time (10:00 stays 10:00 across a
 * daylight-saving change); the occurrences share a series_id. Editing one
 * occurrence is an ordinary save: it stays in the series. "This and
 * following" rewrites every later occurrence that is not done or a no-show
 * (history stays as it happened), each on its own date moved by as many
 * days as this one was moved (none, usually), with the new time of day,
 * staff, services, price and note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-booking-private.h"

static RgDate
add_one_year (RgDate date)
{
  GDate d;
  RgDate out;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, date.day, date.month, date.year);
  g_date_add_years (&d, 1);   /* 29 February becomes 28 February */
  out.year = g_date_get_year (&d);
  out.month = g_date_get_month (&d);
  out.day = g_date_get_day (&d);
  return out;
}

/* The starts of a series: @first_start, then every @every_weeks weeks at
 * the same wall-clock time, up to and including the local date @until (at
 * most a year after the first). An array of gint64. */
GArray *
rg_booking_expand_series (gint64   first_start,
                          int      every_weeks,
                          RgDate   until,
                          GError **error)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  RgDate first = rg_date_from_time (first_start);
  int minute = rg_time_minute_of_day (first_start);
  RgDate limit;

  if (every_weeks < 1 || every_weeks > RG_BOOKING_MAX_EVERY_WEEKS)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("An appointment can repeat every 1 to %d weeks."), RG_BOOKING_MAX_EVERY_WEEKS);
      return NULL;
    }
  if (!rg_date_valid (until) || rg_date_compare (until, first) < 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The repetition must end on or after the first appointment."));
      return NULL;
    }

  limit = add_one_year (first);
  if (rg_date_compare (until, limit) > 0)
    {
      g_autofree char *last = rg_booking_format_day (rg_time_from_local (limit, 12 * 60));

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("An appointment can repeat for at most a year, until %s."), last);
      return NULL;
    }

  g_array_append_val (starts, first_start);
  for (RgDate d = rg_date_add_days (first, 7 * every_weeks);
       rg_date_compare (d, until) <= 0;
       d = rg_date_add_days (d, 7 * every_weeks))
    {
      gint64 start = rg_time_from_local (d, minute);
      g_array_append_val (starts, start);
    }

  return g_steal_pointer (&starts);
}

void
rg_booking_occurrence_free (RgBookingOccurrence *occurrence)
{
  if (occurrence == NULL)
    return;
  g_clear_pointer (&occurrence->conflicts, g_ptr_array_unref);
  g_free (occurrence);
}

/* What booking @draft every @every_weeks weeks until @until would give:
 * each occurrence with its conflicts and whether it is in working hours,
 * as RgBookingOccurrence, so the UI can list them before saving. */
GPtrArray *
rg_booking_plan_series (RgStudio              *studio,
                        const RgBookingDraft  *draft,
                        int                    every_weeks,
                        RgDate                 until,
                        GError               **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_booking_occurrence_free);
  g_autoptr(GArray) starts = NULL;
  RgStore *store;
  gint64 duration;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!rg_booking_validate_draft (draft, error))
    return NULL;
  if (!rg_studio_allowed_booking (studio, draft->appointment_id, draft->staff_id, error))
    return NULL;
  starts = rg_booking_expand_series (draft->starts_at, every_weeks, until, error);
  if (starts == NULL)
    return NULL;

  store = rg_studio_get_store (studio);
  duration = (gint64) rg_booking_draft_get_duration (draft) * 60;

  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(RgBookingOccurrence) o = g_new0 (RgBookingOccurrence, 1);

      o->starts_at = g_array_index (starts, gint64, i);
      o->ends_at = o->starts_at + duration;
      o->conflicts = rg_booking_find_conflicts_in_store (store,
                                                         &(RgBookingSpan) { .appointment_id = draft->appointment_id,
                                                                            .client_id = draft->client_id,
                                                                            .staff_id = draft->staff_id,
                                                                            .starts_at = o->starts_at,
                                                                            .ends_at = o->ends_at,
                                                                            .allow_overlap = draft->allow_overlap },
                                                         FALSE, error);
      if (o->conflicts == NULL)
        return NULL;
      if (!rg_booking_check_hours_in_store (store, draft->staff_id, o->starts_at, o->ends_at,
                                            &o->within_hours, error))
        return NULL;
      g_ptr_array_add (plan, g_steal_pointer (&o));
    }

  return g_steal_pointer (&plan);
}

static gboolean
save_series_in_transaction (RgStore               *store,
                            const RgBookingDraft  *draft,
                            GArray                *starts,
                            RgBookingSeriesMode    mode,
                            GArray                *ids,
                            GError               **error)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_booking_conflict_free);
  gint64 series_id = rg_store_new_id ();
  gint64 now = rg_store_now ();
  gint64 duration = (gint64) rg_booking_draft_get_duration (draft) * 60;
  gboolean new_for_staff = TRUE;

  if (draft->appointment_id != 0)
    {
      RgBookingRow row;

      if (!rg_booking_load_row (store, draft->appointment_id, &row, error))
        return FALSE;
      if (row.series_id != 0)
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                               _("This appointment already repeats."));
          return FALSE;
        }
      new_for_staff = row.staff_id != draft->staff_id;
    }
  if (!rg_booking_check_parties (store, draft->client_id, draft->staff_id, new_for_staff, error))
    return FALSE;

  for (guint i = 0; i < starts->len; i++)
    {
      gint64 start = g_array_index (starts, gint64, i);
      gboolean existing = i == 0 && draft->appointment_id != 0;
      g_autoptr(GPtrArray) conflicts = NULL;
      gint64 id;

      conflicts = rg_booking_find_conflicts_in_store (store,
                                                      &(RgBookingSpan) { .appointment_id = draft->appointment_id,
                                                                         .client_id = draft->client_id,
                                                                         .staff_id = draft->staff_id,
                                                                         .starts_at = start,
                                                                         .ends_at = start + duration,
                                                                         .allow_overlap = draft->allow_overlap },
                                                      TRUE, error);
      if (conflicts == NULL)
        return FALSE;
      if (conflicts->len > 0)
        {
          if (mode == RG_BOOKING_SERIES_ALL)
            {
              g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                                   ((RgBookingConflict *) g_ptr_array_index (conflicts, 0))->message);
              return FALSE;
            }
          g_ptr_array_add (skipped, g_ptr_array_steal_index (conflicts, 0));
          continue;
        }

      id = existing ? draft->appointment_id : rg_store_new_id ();
      if (!rg_booking_write_appointment (store, id, !existing, draft, start, series_id, now, error) ||
          !rg_booking_replace_services (store, id, draft->services, now, error))
        return FALSE;
      g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                           ((RgBookingConflict *) g_ptr_array_index (skipped, 0))->message);
      return FALSE;
    }

  return TRUE;
}

/* Books @draft every @every_weeks weeks until @until in one transaction,
 * all occurrences sharing a new series_id. With RG_BOOKING_SERIES_ALL a
 * conflict refuses the whole series; with SKIP_CONFLICTS the conflicting
 * occurrences are left out (and it fails only when none is free). When the
 * draft is an existing appointment, it becomes the first occurrence.
 * Returns the live appointments saved, by start. */
GPtrArray *
rg_booking_save_series (RgStudio              *studio,
                        const RgBookingDraft  *draft,
                        int                    every_weeks,
                        RgDate                 until,
                        RgBookingSeriesMode    mode,
                        GError               **error)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!rg_booking_validate_draft (draft, error))
    return NULL;
  starts = rg_booking_expand_series (draft->starts_at, every_weeks, until, error);
  if (starts == NULL)
    return NULL;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return NULL;
  if (!save_series_in_transaction (store, draft, starts, mode, ids, error))
    {
      rg_store_rollback (store);
      return NULL;
    }
  if (!rg_store_commit (store, error))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      RgAppointment *appointment = rg_booking_lookup_appointment (studio, g_array_index (ids, gint64, i), error);

      if (appointment == NULL)
        return NULL;
      g_ptr_array_add (saved, appointment);
    }

  return g_steal_pointer (&saved);
}

/* The not deleted appointments of a series from @starts_at on, by start. */
static GArray *
load_following (RgStore  *store,
                gint64    series_id,
                gint64    starts_at,
                GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RgBookingRow));
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT " RG_BOOKING_ROW_COLUMNS " FROM appointments "
                                             "WHERE series_id = ?1 AND starts_at >= ?2 AND deleted_at IS NULL "
                                             "ORDER BY starts_at, id",
                                             error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_int64 (stmt, 2, starts_at);

  for (;;)
    {
      gboolean has_row;
      RgBookingRow row;

      if (!rg_store_step_row (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      rg_booking_row_from_stmt (&row, stmt);
      g_array_append_val (rows, row);
    }

  return g_steal_pointer (&rows);
}

static gboolean
save_following_in_transaction (RgStore               *store,
                               const RgBookingDraft  *draft,
                               guint                 *n_changed,
                               GError               **error)
{
  g_autoptr(GArray) rows = NULL;
  gint64 now = rg_store_now ();
  gint64 duration = (gint64) rg_booking_draft_get_duration (draft) * 60;
  int minute = rg_time_minute_of_day (draft->starts_at);
  gboolean cancel = draft->set_status && draft->status == RG_APPOINTMENT_CANCELLED;
  int shift;
  RgBookingRow self;
  RgAppointmentStatus self_target;

  if (!rg_booking_load_row (store, draft->appointment_id, &self, error))
    return FALSE;
  if (self.series_id == 0)
    {
      gint64 id;

      *n_changed = 1;
      return rg_booking_save_in_transaction (store, draft, &id, error);
    }

  if (!rg_booking_draft_target_status (draft, self.status, &self_target, error) ||
      !rg_booking_check_parties (store, self.client_id != draft->client_id ? draft->client_id : 0,
                                 draft->staff_id, self.staff_id != draft->staff_id, error))
    return FALSE;

  shift = rg_date_days_between (rg_date_from_time (self.starts_at), rg_date_from_time (draft->starts_at));
  rows = load_following (store, self.series_id, self.starts_at, error);
  if (rows == NULL)
    return FALSE;

  *n_changed = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      const RgBookingRow *row = &g_array_index (rows, RgBookingRow, i);
      gboolean is_self = row->id == self.id;
      RgAppointmentStatus target = row->status;
      gint64 start;

      /* What happened stays as it happened. */
      if (!is_self && (row->status == RG_APPOINTMENT_DONE || row->status == RG_APPOINTMENT_NO_SHOW))
        continue;

      /* A status set in the editor is this occurrence's (arrived, done);
       * a cancellation also ends the following ones. */
      if (is_self)
        target = self_target;
      else if (cancel && rg_booking_status_can_change (row->status, RG_APPOINTMENT_CANCELLED))
        target = RG_APPOINTMENT_CANCELLED;

      start = is_self ? draft->starts_at
                      : rg_time_from_local (rg_date_add_days (rg_date_from_time (row->starts_at), shift), minute);
      if (rg_booking_status_is_active (target) &&
          !rg_booking_refuse_conflicts (store,
                                        &(RgBookingSpan) { .appointment_id = row->id,
                                                           .client_id = draft->client_id,
                                                           .staff_id = draft->staff_id,
                                                           .starts_at = start,
                                                           .ends_at = start + duration,
                                                           .allow_overlap = draft->allow_overlap },
                                        TRUE, error))
        return FALSE;

      if (!rg_booking_write_appointment (store, row->id, FALSE, draft, start, 0, now, error) ||
          !rg_booking_replace_services (store, row->id, draft->services, now, error) ||
          (target != row->status && !rg_booking_write_status (store, row->id, target, now, error)))
        return FALSE;
      (*n_changed)++;
    }

  return TRUE;
}

/* Saves @draft (an occurrence of a series) and applies the same to the
 * following occurrences that are not done or no-shows, in one transaction:
 * each keeps its own date (moved by as many days as this one was) and takes
 * the new time of day, staff, services, price, note and overlap. A status
 * in the draft is this occurrence's, except a cancellation, which cancels
 * the following ones too. A conflict of any of them refuses the whole
 * change, naming the date. For an appointment outside a series it is
 * rg_booking_save(). */
gboolean
rg_booking_save_following (RgStudio              *studio,
                           const RgBookingDraft  *draft,
                           guint                 *n_changed,
                           GError               **error)
{
  RgStore *store;
  guint changed = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);
  g_return_val_if_fail (draft->appointment_id != 0, FALSE);

  if (!rg_booking_validate_draft (draft, error) ||
      !rg_studio_allowed_booking (studio, draft->appointment_id, draft->staff_id, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!save_following_in_transaction (store, draft, &changed, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  if (!rg_store_commit (store, error))
    return FALSE;

  if (n_changed)
    *n_changed = changed;
  return TRUE;
}

static gboolean
cancel_following_in_transaction (RgStore        *store,
                                 RgAppointment  *appointment,
                                 GArray         *undo,
                                 GError        **error)
{
  g_autoptr(GArray) rows = NULL;
  gint64 now = rg_store_now ();
  RgBookingRow self;

  if (!rg_booking_load_row (store, rg_record_get_id (RG_RECORD (appointment)), &self, error))
    return FALSE;

  if (self.series_id != 0)
    {
      rows = load_following (store, self.series_id, self.starts_at, error);
      if (rows == NULL)
        return FALSE;
    }
  else
    {
      rows = g_array_new (FALSE, FALSE, sizeof (RgBookingRow));
      g_array_append_val (rows, self);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const RgBookingRow *row = &g_array_index (rows, RgBookingRow, i);
      RgBookingStatusChange change = { row->id, row->status };

      if (row->status == RG_APPOINTMENT_CANCELLED ||
          !rg_booking_status_can_change (row->status, RG_APPOINTMENT_CANCELLED))
        continue;
      if (!rg_booking_write_status (store, row->id, RG_APPOINTMENT_CANCELLED, now, error))
        return FALSE;
      g_array_append_val (undo, change);
    }

  return TRUE;
}

/* Cancels @appointment and, in a series, every following occurrence that
 * can still be cancelled (not done, no-show or already cancelled), in one
 * transaction. @undo receives the RgBookingStatusChange list to hand to
 * rg_booking_restore_statuses(). */
gboolean
rg_booking_cancel_following (RgStudio       *studio,
                             RgAppointment  *appointment,
                             GArray        **undo,
                             GError        **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (RgBookingStatusChange));
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), FALSE);

  if (!rg_studio_allowed_booking (studio, rg_record_get_id (RG_RECORD (appointment)), 0, error))
    return FALSE;
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!cancel_following_in_transaction (store, appointment, changes, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  if (!rg_store_commit (store, error))
    return FALSE;

  if (undo)
    *undo = g_steal_pointer (&changes);
  return TRUE;
}

/* Puts back the statuses of a bulk change (an array of
 * RgBookingStatusChange), all or none; refused with RG_STORE_ERROR_CONFLICT
 * when an appointment's time was taken meanwhile. */
gboolean
rg_booking_restore_statuses (RgStudio  *studio,
                             GArray    *changes,
                             GError   **error)
{
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  for (guint i = 0; i < changes->len; i++)
    if (!rg_studio_allowed_booking (studio, g_array_index (changes, RgBookingStatusChange, i).appointment_id, 0, error))
      return FALSE;
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      const RgBookingStatusChange *c = &g_array_index (changes, RgBookingStatusChange, i);

      if (!rg_booking_change_status (store, c->appointment_id, c->status, FALSE, TRUE, error))
        {
          rg_store_rollback (store);
          return FALSE;
        }
    }

  return rg_store_commit (store, error);
}
