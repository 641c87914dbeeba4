/* rg-schedule.c — when staff work: hours per weekday and days off.
 *
 * Hours are any number of [start, end) spans per ISO weekday (a lunch break
 * is two spans); a day off is a local date. The working spans of a date are
 * the weekday's hours unless the date is a day off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-schedule.h"

static gboolean
check_weekday (int      weekday,
               GError **error)
{
  if (weekday < 1 || weekday > 7)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   "weekday %d out of 1..7", weekday);
      return FALSE;
    }
  return TRUE;
}

GArray *
rg_schedule_get_hours (RgStore  *store,
                       gint64    staff_id,
                       int       weekday,
                       GError  **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RgSpan));
  g_autoptr(RgStmt) stmt = NULL;

  if (!check_weekday (weekday, error))
    return NULL;

  stmt = rg_store_prepare (store,
                           "SELECT start_minute, end_minute FROM staff_hours "
                           "WHERE staff_id = ?1 AND weekday = ?2 ORDER BY start_minute",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_int (stmt, 2, weekday);

  for (;;)
    {
      gboolean row;
      RgSpan span;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      span.start_minute = sqlite3_column_int (stmt, 0);
      span.end_minute = sqlite3_column_int (stmt, 1);
      g_array_append_val (spans, span);
    }

  return g_steal_pointer (&spans);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const RgSpan *x = a, *y = b;
  return x->start_minute - y->start_minute;
}

static GArray *
sort_spans (const RgSpan *spans,
            guint         n_spans)
{
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (RgSpan), n_spans);

  g_array_append_vals (sorted, spans, n_spans);
  g_array_sort (sorted, compare_spans);
  return sorted;
}

static gboolean
check_sorted_spans (GArray  *sorted,
                    GError **error)
{
  for (guint i = 0; i < sorted->len; i++)
    {
      const RgSpan *s = &g_array_index (sorted, RgSpan, i);

      if (s->start_minute < 0 || s->end_minute > RG_MINUTES_PER_DAY || s->end_minute <= s->start_minute ||
          (i > 0 && s->start_minute < g_array_index (sorted, RgSpan, i - 1).end_minute))
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                               _("Working hours must end after they start and must not overlap."));
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether rg_schedule_set_hours() would take these spans, so an editor can
 * refuse a bad day before it writes anything. */
gboolean
rg_schedule_check_hours (const RgSpan  *spans,
                         guint          n_spans,
                         GError       **error)
{
  g_autoptr(GArray) sorted = sort_spans (spans, n_spans);

  return check_sorted_spans (sorted, error);
}

/* Replaces a weekday's hours; the spans must not overlap. */
gboolean
rg_schedule_set_hours (RgStore       *store,
                       gint64         staff_id,
                       int            weekday,
                       const RgSpan  *spans,
                       guint          n_spans,
                       GError       **error)
{
  g_autoptr(GArray) sorted = NULL;
  gint64 now = rg_store_now ();

  if (!check_weekday (weekday, error))
    return FALSE;

  sorted = sort_spans (spans, n_spans);
  if (!check_sorted_spans (sorted, error))
    return FALSE;

  if (!rg_store_begin (store, error))
    return FALSE;

  {
    g_autoptr(RgStmt) del = rg_store_prepare (store, "DELETE FROM staff_hours WHERE staff_id = ?1 AND weekday = ?2",
                                              error);
    if (del == NULL)
      goto fail;
    sqlite3_bind_int64 (del, 1, staff_id);
    sqlite3_bind_int (del, 2, weekday);
    if (!rg_store_step_done (store, del, error))
      goto fail;
  }

  for (guint i = 0; i < sorted->len; i++)
    {
      const RgSpan *s = &g_array_index (sorted, RgSpan, i);
      g_autoptr(RgStmt) ins = rg_store_prepare (store,
                                                "INSERT INTO staff_hours (id, staff_id, weekday, start_minute, end_minute, "
                                                "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                                                error);
      if (ins == NULL)
        goto fail;
      sqlite3_bind_int64 (ins, 1, rg_store_new_id ());
      sqlite3_bind_int64 (ins, 2, staff_id);
      sqlite3_bind_int (ins, 3, weekday);
      sqlite3_bind_int (ins, 4, s->start_minute);
      sqlite3_bind_int (ins, 5, s->end_minute);
      sqlite3_bind_int64 (ins, 6, now);
      if (!rg_store_step_done (store, ins, error))
        goto fail;
    }

  return rg_store_commit (store, error);

fail:
  rg_store_rollback (store);
  return FALSE;
}

gboolean
rg_schedule_is_day_off (RgStore   *store,
                        gint64     staff_id,
                        RgDate     date,
                        gboolean  *day_off,
                        GError   **error)
{
  g_autofree char *day = rg_date_to_iso (date);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT 1 FROM staff_days_off WHERE staff_id = ?1 AND day = ?2",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  return rg_store_step_row (store, stmt, day_off, error);
}

gboolean
rg_schedule_set_day_off (RgStore     *store,
                         gint64       staff_id,
                         RgDate       date,
                         gboolean     day_off,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *day = rg_date_to_iso (date);
  g_autoptr(RgStmt) stmt = NULL;
  gint64 now = rg_store_now ();

  if (day_off)
    stmt = rg_store_prepare (store,
                             "INSERT INTO staff_days_off (id, staff_id, day, reason, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                             "ON CONFLICT (staff_id, day) DO UPDATE SET reason = ?4, updated_at = ?5",
                             error);
  else
    stmt = rg_store_prepare (store, "DELETE FROM staff_days_off WHERE staff_id = ?2 AND day = ?3", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  if (day_off)
    {
      if (reason && *reason)
        sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, now);
    }

  return rg_store_step_done (store, stmt, error);
}

static void
clear_day_off (gpointer data)
{
  RgDayOff *day_off = data;

  g_clear_pointer (&day_off->reason, g_free);
}

/* The days off of a staff member in [from, to] with their reasons, as
 * RgDayOff in date order; the array frees the reasons. */
GArray *
rg_schedule_list_days_off (RgStore  *store,
                           gint64    staff_id,
                           RgDate    from,
                           RgDate    to,
                           GError  **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (RgDayOff));
  g_autofree char *a = rg_date_to_iso (from);
  g_autofree char *b = rg_date_to_iso (to);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT day, reason FROM staff_days_off WHERE staff_id = ?1 "
                                             "AND day BETWEEN ?2 AND ?3 ORDER BY day",
                                             error);

  g_array_set_clear_func (days, clear_day_off);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_TRANSIENT);

  for (;;)
    {
      gboolean row;
      RgDayOff day_off = { { 0 }, NULL };

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      if (!rg_date_from_iso ((const char *) sqlite3_column_text (stmt, 0), &day_off.date))
        continue;
      day_off.reason = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_array_append_val (days, day_off);
    }

  return g_steal_pointer (&days);
}

/* When a staff member works on a date: the weekday's hours, or nothing on
 * a day off. */
GArray *
rg_schedule_working_spans (RgStore  *store,
                           gint64    staff_id,
                           RgDate    date,
                           GError  **error)
{
  gboolean day_off = FALSE;

  if (!rg_schedule_is_day_off (store, staff_id, date, &day_off, error))
    return NULL;
  if (day_off)
    return g_array_new (FALSE, FALSE, sizeof (RgSpan));

  return rg_schedule_get_hours (store, staff_id, rg_date_weekday (date), error);
}

/* Whether [start, end) lies within the spans (which may touch). */
gboolean
rg_schedule_spans_cover (GArray *spans,
                         int     start_minute,
                         int     end_minute)
{
  int reached = start_minute;

  for (guint i = 0; i < spans->len && reached < end_minute; i++)
    {
      const RgSpan *s = &g_array_index (spans, RgSpan, i);

      if (s->start_minute <= reached && s->end_minute > reached)
        reached = s->end_minute;
    }

  return reached >= end_minute;
}
