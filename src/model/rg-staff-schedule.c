/* rg-staff-schedule.c — the Studio window's commands for staff.
 *
 * A staff member is saved with their working hours and the days off ahead
 * in one transaction: all or nothing. Only the weekdays and days off that
 * differ from what is stored are written (each write is a change to sync
 * later). The order of the staff (the calendar's columns) is renumbered
 * 0, 1, 2... in one transaction too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-money-settings.h"
#include "rg-staff-schedule.h"

static gboolean
same_spans (GArray *a,
            GArray *b)
{
  guint n_a = a ? a->len : 0, n_b = b ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  return n_b == 0 || memcmp (a->data, b->data, n_b * sizeof (RgSpan)) == 0;
}

static const RgDayOff *
find_day_off (GArray *days,
              RgDate  date)
{
  for (guint i = 0; days && i < days->len; i++)
    if (rg_date_compare (g_array_index (days, RgDayOff, i).date, date) == 0)
      return &g_array_index (days, RgDayOff, i);
  return NULL;
}

static gboolean
write_schedule (RgStore                *store,
                gint64                  id,
                const RgStaffSchedule  *schedule,
                GError                **error)
{
  for (int wd = 1; wd <= 7; wd++)
    {
      GArray *wanted = schedule->hours[wd - 1];
      g_autoptr(GArray) stored = NULL;

      if (wanted == NULL)
        continue;
      stored = rg_schedule_get_hours (store, id, wd, error);
      if (stored == NULL)
        return FALSE;
      if (!same_spans (wanted, stored) &&
          !rg_schedule_set_hours (store, id, wd, (const RgSpan *) wanted->data, wanted->len, error))
        return FALSE;
    }

  if (schedule->days_off)
    {
      g_autoptr(GArray) stored = rg_schedule_list_days_off (store, id, schedule->from, schedule->to, error);

      if (stored == NULL)
        return FALSE;
      for (guint i = 0; i < stored->len; i++)
        {
          const RgDayOff *was = &g_array_index (stored, RgDayOff, i);

          if (find_day_off (schedule->days_off, was->date) == NULL &&
              !rg_schedule_set_day_off (store, id, was->date, FALSE, NULL, error))
            return FALSE;
        }
      for (guint i = 0; i < schedule->days_off->len; i++)
        {
          const RgDayOff *day = &g_array_index (schedule->days_off, RgDayOff, i);
          const RgDayOff *was = find_day_off (stored, day->date);

          if (was && g_strcmp0 (was->reason, day->reason) == 0)
            continue;
          if (!rg_schedule_set_day_off (store, id, day->date, TRUE, day->reason, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Saves @staff, then @schedule (may be NULL), in one transaction; nothing
 * is written when any of it is refused. The hours are checked first. */
gboolean
rg_staff_save_with_schedule (RgStudio               *studio,
                             RgStaff                *staff,
                             const RgStaffSchedule  *schedule,
                             GError                **error)
{
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_STAFF (staff), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  for (int wd = 1; schedule && wd <= 7; wd++)
    if (schedule->hours[wd - 1] &&
        !rg_schedule_check_hours ((const RgSpan *) schedule->hours[wd - 1]->data, schedule->hours[wd - 1]->len,
                                  error))
      return FALSE;

  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_studio_save (studio, staff, error) ||
      (schedule && !write_schedule (store, rg_record_get_id (RG_RECORD (staff)), schedule, error)) ||
      (schedule && schedule->rates &&
       !rg_studio_set_staff_rates (studio, rg_record_get_id (RG_RECORD (staff)),
                                   (const RgServiceRate *) schedule->rates->data, schedule->rates->len, error)) ||
      !rg_store_commit (store, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

GArray *
rg_staff_load_hours (RgStudio  *studio,
                     gint64     staff_id,
                     int        weekday,
                     GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  return rg_schedule_get_hours (rg_studio_get_store (studio), staff_id, weekday, error);
}

GArray *
rg_staff_load_days_off (RgStudio  *studio,
                        gint64     staff_id,
                        RgDate     from,
                        RgDate     to,
                        GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  return rg_schedule_list_days_off (rg_studio_get_store (studio), staff_id, from, to, error);
}

/* Puts @staff (RgStaff) in this order, numbering them 0, 1, 2...; equal
 * or sparse positions sort themselves out. One transaction; on failure the
 * live records are read back as stored. */
gboolean
rg_staff_set_order (RgStudio   *studio,
                    GPtrArray  *staff,
                    GError    **error)
{
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (staff != NULL, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < staff->len; i++)
    {
      RgStaff *person = staff->pdata[i];

      if (rg_staff_get_position (person) == (int) i)
        continue;
      rg_staff_set_position (person, i);
      if (!rg_studio_save (studio, person, error))
        goto fail;
    }
  if (!rg_store_commit (store, error))
    goto reload;  /* the commit rolled back itself */
  return TRUE;

fail:
  rg_store_rollback (store);
reload:
  for (guint i = 0; i < staff->len; i++)
    rg_record_reload (staff->pdata[i], store, NULL);
  return FALSE;
}
