/* rg-booking-slots.c — the free-slot finder: the first time a staff member
 * (or anyone who takes bookings) is free for a given length.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-booking-private.h"
#include "rg-schedule.h"

#define DAY_SECONDS (24 * 60 * 60)

typedef struct {
  gint64  staff_id;
  GArray *busy;   /* of gint64 pairs: starts_at, ends_at, by start */
  guint   first;  /* busy intervals before this one cannot reach the day looked at */
} Candidate;

static void
candidate_clear (Candidate *c)
{
  g_clear_pointer (&c->busy, g_array_unref);
}

static int
ceil_to_grid (int minute)
{
  int step = RG_BOOKING_SNAP_MINUTES;

  return ((minute + step - 1) / step) * step;
}

static gboolean
load_busy (RgStore   *store,
           Candidate *c,
           gint64     from,
           gint64     to,
           GError   **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT starts_at, ends_at FROM appointments "
                                             "WHERE staff_id = ?1 AND starts_at < ?3 AND starts_at >= ?2 - 86400 "
                                             "AND ends_at > ?2 AND deleted_at IS NULL AND " RG_BOOKING_ACTIVE_SQL " "
                                             "ORDER BY starts_at",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->staff_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);

  c->busy = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (;;)
    {
      gboolean row;
      gint64 pair[2];

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      pair[0] = sqlite3_column_int64 (stmt, 0);
      pair[1] = sqlite3_column_int64 (stmt, 1);
      g_array_append_vals (c->busy, pair, 2);
    }

  return TRUE;
}

/* The end of the first busy interval of @c that overlaps [start, end), or 0. */
static gint64
busy_until (Candidate *c,
            gint64     start,
            gint64     end)
{
  const gint64 *busy = (const gint64 *) (gpointer) c->busy->data;
  guint n = c->busy->len / 2;

  for (guint i = c->first; i < n && busy[2 * i] < end; i++)
    if (busy[2 * i + 1] > start)
      return busy[2 * i + 1];
  return 0;
}

/* The earliest free start of @c on @date at or after @from, or 0. */
static gint64
first_free_on (RgStore   *store,
               Candidate *c,
               RgDate     date,
               gint64     from,
               int        minutes,
               GError   **error)
{
  g_autoptr(GArray) spans = rg_schedule_working_spans (store, c->staff_id, date, error);
  gint64 day_start = rg_date_start (date);
  const gint64 *busy;

  if (spans == NULL)
    return -1;

  /* Intervals that ended before this day cannot matter again. */
  busy = (const gint64 *) (gpointer) c->busy->data;
  while (c->first < c->busy->len / 2 && busy[2 * c->first] < day_start - DAY_SECONDS)
    c->first++;

  for (guint s = 0; s < spans->len; s++)
    {
      const RgSpan *span = &g_array_index (spans, RgSpan, s);
      int minute = ceil_to_grid (span->start_minute);

      while (minute < span->end_minute)
        {
          gint64 start = rg_time_from_local (date, minute);
          gint64 end = start + (gint64) minutes * 60;
          RgDate start_date;
          int start_minute, end_minute;
          gint64 until;

          if (start < from)
            {
              minute += RG_BOOKING_SNAP_MINUTES;
              continue;
            }

          rg_booking_wall_clock_span (start, end, &start_date, &start_minute, &end_minute);
          if (start_minute != minute || !rg_schedule_spans_cover (spans, start_minute, end_minute))
            {
              /* Skipped by a clock change, or runs past the working hours. */
              minute += RG_BOOKING_SNAP_MINUTES;
              continue;
            }

          until = busy_until (c, start, end);
          if (until == 0)
            return start;

          /* Jump past the appointment in the way. */
          if (rg_date_compare (rg_date_from_time (until), date) != 0)
            break;
          minute = MAX (minute + RG_BOOKING_SNAP_MINUTES, ceil_to_grid (rg_time_minute_of_day (until)));
        }
    }

  return 0;
}

static gboolean
list_candidates (RgStore  *store,
                 gint64    staff_id,
                 GArray   *candidates,
                 GError  **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  if (staff_id != 0)
    {
      Candidate c = { staff_id, NULL, 0 };
      g_array_append_val (candidates, c);
      return TRUE;
    }

  stmt = rg_store_prepare (store,
                           "SELECT id FROM staff WHERE archived = 0 AND role IN ('master', 'resource') "
                           "ORDER BY position, display_name, id",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      gboolean row;
      Candidate c = { 0, NULL, 0 };

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      c.staff_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (candidates, c);
    }

  return TRUE;
}

/* Finds the first free slot of @length_minutes (0: the service's duration)
 * with @staff_id, or with any staff member who is a master or a resource
 * (@staff_id 0; the first in the staff order wins a tie), from @from on,
 * within working hours, on the 15-minute grid, over nothing that holds
 * time, looking @max_days days ahead (0: RG_BOOKING_SLOT_DAYS). *found is
 * FALSE when there is none. */
gboolean
rg_booking_find_free_slot (RgStudio       *studio,
                           gint64          service_id,
                           gint64          staff_id,
                           int             length_minutes,
                           gint64          from,
                           int             max_days,
                           RgBookingSlot  *slot,
                           gboolean       *found,
                           GError        **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  RgStore *store;
  RgDate first;
  gint64 window_end;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  store = rg_studio_get_store (studio);
  *found = FALSE;
  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);

  if (length_minutes <= 0 && service_id != 0)
    {
      g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT duration_minutes FROM services WHERE id = ?1", error);
      gboolean row = FALSE;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, service_id);
      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (row)
        length_minutes = sqlite3_column_int (stmt, 0);
    }
  if (length_minutes <= 0 || length_minutes > RG_BOOKING_MAX_MINUTES)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose a service or a length between a minute and a day."));
      return FALSE;
    }
  if (max_days <= 0)
    max_days = RG_BOOKING_SLOT_DAYS;

  if (!list_candidates (store, staff_id, candidates, error))
    return FALSE;

  first = rg_date_from_time (from);
  window_end = rg_date_start (rg_date_add_days (first, max_days));
  for (guint i = 0; i < candidates->len; i++)
    if (!load_busy (store, &g_array_index (candidates, Candidate, i), from, window_end, error))
      return FALSE;

  for (int d = 0; d < max_days; d++)
    {
      RgDate date = rg_date_add_days (first, d);

      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, i);
          gint64 start = first_free_on (store, c, date, from, length_minutes, error);

          if (start < 0)
            return FALSE;
          if (start > 0 && (!*found || start < slot->starts_at))
            {
              *found = TRUE;
              slot->staff_id = c->staff_id;
              slot->starts_at = start;
              slot->ends_at = start + (gint64) length_minutes * 60;
            }
        }

      /* Days go forward, so the first day with a slot has the earliest. */
      if (*found)
        return TRUE;
    }

  return TRUE;
}
