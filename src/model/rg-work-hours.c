/* rg-work-hours.c — who works when over a few weeks, read in two queries.
 *
 * The week and month views need the working hours of one staff member, or
 * of everyone who takes bookings, for every day they show. Asking the
 * schedule day by day and person by person costs two queries each; this
 * reads the weekly hours of everyone concerned and their days off in the
 * range at once, and answers per date from memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include "rg-work-hours.h"

typedef struct {
  gint64  staff_id;
  GArray *hours[8];           /* RgSpan per ISO weekday 1..7, sorted */
} StaffHours;

struct _RgWorkHours
{
  gint64      staff_id;       /* 0: everyone who takes bookings */
  GPtrArray  *staff;          /* StaffHours */
  GHashTable *days_off;       /* "staff_id YYYY-MM-DD" -> reason ("" without) */
};

static void
staff_hours_free (gpointer data)
{
  StaffHours *s = data;

  for (int i = 0; i < 8; i++)
    g_clear_pointer (&s->hours[i], g_array_unref);
  g_free (s);
}

static char *
day_off_key (gint64      staff_id,
             const char *iso_day)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", staff_id, iso_day);
}

/* Reads the weekly hours of @staff_id (0: every active master and
 * resource) and their days off in [@from, @to]. */
RgWorkHours *
rg_work_hours_load (RgStore  *store,
                    gint64    staff_id,
                    RgDate    from,
                    RgDate    to,
                    GError  **error)
{
  g_autoptr(RgStmt) hours = NULL;
  g_autoptr(RgStmt) off = NULL;
  g_autofree char *a = rg_date_to_iso (from);
  g_autofree char *b = rg_date_to_iso (to);
  RgWorkHours *self;
  StaffHours *current = NULL;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);

  hours = rg_store_prepare (store,
                            "SELECT h.staff_id, h.weekday, h.start_minute, h.end_minute "
                            "FROM staff_hours h JOIN staff s ON s.id = h.staff_id "
                            "WHERE (?1 = 0 AND s.archived = 0 AND s.role IN ('master', 'resource')) "
                            "OR h.staff_id = ?1 "
                            "ORDER BY h.staff_id, h.weekday, h.start_minute",
                            error);
  if (hours == NULL)
    return NULL;
  sqlite3_bind_int64 (hours, 1, staff_id);

  self = g_new0 (RgWorkHours, 1);
  self->staff_id = staff_id;
  self->staff = g_ptr_array_new_with_free_func (staff_hours_free);
  self->days_off = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (;;)
    {
      gboolean row;
      gint64 id;
      int weekday;
      RgSpan span;

      if (!rg_store_step_row (store, hours, &row, error))
        goto fail;
      if (!row)
        break;

      id = sqlite3_column_int64 (hours, 0);
      weekday = sqlite3_column_int (hours, 1);
      span.start_minute = sqlite3_column_int (hours, 2);
      span.end_minute = sqlite3_column_int (hours, 3);
      if (weekday < 1 || weekday > 7)
        continue;

      if (current == NULL || current->staff_id != id)
        {
          current = g_new0 (StaffHours, 1);
          current->staff_id = id;
          for (int i = 1; i <= 7; i++)
            current->hours[i] = g_array_new (FALSE, FALSE, sizeof (RgSpan));
          g_ptr_array_add (self->staff, current);
        }
      g_array_append_val (current->hours[weekday], span);
    }

  off = rg_store_prepare (store,
                          "SELECT d.staff_id, d.day, d.reason "
                          "FROM staff_days_off d JOIN staff s ON s.id = d.staff_id "
                          "WHERE d.day BETWEEN ?2 AND ?3 "
                          "AND ((?1 = 0 AND s.archived = 0 AND s.role IN ('master', 'resource')) "
                          "OR d.staff_id = ?1)",
                          error);
  if (off == NULL)
    goto fail;
  sqlite3_bind_int64 (off, 1, staff_id);
  sqlite3_bind_text (off, 2, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (off, 3, b, -1, SQLITE_TRANSIENT);

  for (;;)
    {
      gboolean row;
      const char *reason;

      if (!rg_store_step_row (store, off, &row, error))
        goto fail;
      if (!row)
        break;

      reason = (const char *) sqlite3_column_text (off, 2);
      g_hash_table_replace (self->days_off,
                            day_off_key (sqlite3_column_int64 (off, 0), (const char *) sqlite3_column_text (off, 1)),
                            g_strdup (reason ? reason : ""));
    }

  return self;

fail:
  rg_work_hours_free (self);
  return NULL;
}

void
rg_work_hours_free (RgWorkHours *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->days_off, g_hash_table_unref);
  g_free (self);
}

static const char *
lookup_day_off (RgWorkHours *self,
                gint64       staff_id,
                const char  *iso_day)
{
  g_autofree char *key = day_off_key (staff_id, iso_day);

  return g_hash_table_lookup (self->days_off, key);
}

/* The hours a staff member works on @date, or NULL on a day off. */
static GArray *
hours_on (RgWorkHours *self,
          StaffHours  *staff,
          RgDate       date,
          const char  *iso_day)
{
  if (lookup_day_off (self, staff->staff_id, iso_day))
    return NULL;
  return staff->hours[rg_date_weekday (date)];
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const RgSpan *x = a, *y = b;

  if (x->start_minute != y->start_minute)
    return x->start_minute < y->start_minute ? -1 : 1;
  return (x->end_minute > y->end_minute) - (x->end_minute < y->end_minute);
}

/* When somebody works on @date: the staff member's spans, or for everyone
 * the union of all their spans, merged and sorted. */
GArray *
rg_work_hours_spans (RgWorkHours *self,
                     RgDate       date)
{
  g_autofree char *iso_day = rg_date_to_iso (date);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (RgSpan));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (RgSpan));

  g_return_val_if_fail (self != NULL, merged);

  for (guint i = 0; i < self->staff->len; i++)
    {
      GArray *hours = hours_on (self, self->staff->pdata[i], date, iso_day);

      if (hours)
        g_array_append_vals (all, hours->data, hours->len);
    }

  g_array_sort (all, compare_spans);
  for (guint i = 0; i < all->len; i++)
    {
      RgSpan span = g_array_index (all, RgSpan, i);
      RgSpan *last = merged->len ? &g_array_index (merged, RgSpan, merged->len - 1) : NULL;

      if (last && span.start_minute <= last->end_minute)
        last->end_minute = MAX (last->end_minute, span.end_minute);
      else
        g_array_append_val (merged, span);
    }

  return merged;
}

/* The hours staff member @staff_id works on @date, sorted; none on a day
 * off or for someone the hours were not read for. */
GArray *
rg_work_hours_staff_spans (RgWorkHours *self,
                           gint64       staff_id,
                           RgDate       date)
{
  g_autofree char *iso_day = rg_date_to_iso (date);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (RgSpan));

  g_return_val_if_fail (self != NULL, spans);

  for (guint i = 0; i < self->staff->len; i++)
    {
      StaffHours *staff = self->staff->pdata[i];
      GArray *hours;

      if (staff->staff_id != staff_id)
        continue;
      hours = hours_on (self, staff, date, iso_day);
      if (hours)
        g_array_append_vals (spans, hours->data, hours->len);
      break;
    }

  return spans;
}

/* Working minutes on @date, added up over everyone concerned: the
 * capacity that booked time is measured against. */
int
rg_work_hours_minutes (RgWorkHours *self,
                       RgDate       date)
{
  g_autofree char *iso_day = rg_date_to_iso (date);
  int minutes = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->staff->len; i++)
    {
      GArray *hours = hours_on (self, self->staff->pdata[i], date, iso_day);

      for (guint j = 0; hours && j < hours->len; j++)
        minutes += g_array_index (hours, RgSpan, j).end_minute - g_array_index (hours, RgSpan, j).start_minute;
    }

  return minutes;
}

/* Whether @date is a day off marked in the schedule (for one staff member;
 * for everyone, whether all of them have it off). @reason, if given, is
 * set to the reason or NULL. A weekday without hours is not a day off here:
 * it has no spans. */
gboolean
rg_work_hours_day_off (RgWorkHours  *self,
                       RgDate        date,
                       const char  **reason)
{
  g_autofree char *iso_day = rg_date_to_iso (date);
  const char *found = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (reason)
    *reason = NULL;

  if (self->staff_id != 0)
    found = lookup_day_off (self, self->staff_id, iso_day);
  else
    {
      if (self->staff->len == 0)
        return FALSE;
      for (guint i = 0; i < self->staff->len; i++)
        {
          StaffHours *staff = self->staff->pdata[i];

          if (!(found = lookup_day_off (self, staff->staff_id, iso_day)))
            return FALSE;
        }
    }

  if (found && reason && *found)
    *reason = found;
  return found != NULL;
}

/* rg_work_hours_load() for the views, which hold the studio. */
RgWorkHours *
rg_studio_work_hours (RgStudio  *studio,
                      gint64     staff_id,
                      RgDate     from,
                      RgDate     to,
                      GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  return rg_work_hours_load (rg_studio_get_store (studio), staff_id, from, to, error);
}
