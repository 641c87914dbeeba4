/* rg-time.c — local calendar days and wall-clock times over UTC seconds.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-util"

#include "config.h"

#include <stdio.h>

#include "rg-time.h"

static GTimeZone *zone;   /* set by rg_time_set_zone(), or the local zone */

/* The zone calendar days are computed in; tests set Europe/Berlin, the
 * application keeps the local one, looked up once (GLib parses the zone
 * again on every g_time_zone_new_local(), which shows in a calendar that
 * converts hundreds of times per day shown). NULL goes back to the local
 * zone as it is now. */
void
rg_time_set_zone (GTimeZone *tz)
{
  g_clear_pointer (&zone, g_time_zone_unref);
  if (tz)
    zone = g_time_zone_ref (tz);
}

GTimeZone *
rg_time_get_zone (void)
{
  if (G_UNLIKELY (zone == NULL))
    zone = g_time_zone_new_local ();
  return g_time_zone_ref (zone);
}

static GDateTime *
local_from_unix (gint64 unix_seconds)
{
  g_autoptr(GTimeZone) tz = rg_time_get_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  return utc ? g_date_time_to_timezone (utc, tz) : NULL;
}

RgDate
rg_date_from_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = local_from_unix (unix_seconds);
  RgDate date = { 1970, 1, 1 };

  if (dt)
    g_date_time_get_ymd (dt, &date.year, &date.month, &date.day);
  return date;
}

/* Now, in UTC seconds: the clock every layer reads. */
gint64
rg_time_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

RgDate
rg_date_today (void)
{
  return rg_date_from_time (g_get_real_time () / G_USEC_PER_SEC);
}

gboolean
rg_date_valid (RgDate date)
{
  return date.year >= 1 && date.year <= 9999 &&
         g_date_valid_dmy (date.day, date.month, date.year);
}

static guint32
julian (RgDate date)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, date.day, date.month, date.year);
  return g_date_get_julian (&d);
}

int
rg_date_compare (RgDate a,
                 RgDate b)
{
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  if (a.day != b.day)
    return a.day < b.day ? -1 : 1;
  return 0;
}

RgDate
rg_date_add_days (RgDate date,
                  int    days)
{
  GDate d;
  RgDate out;

  g_return_val_if_fail (rg_date_valid (date), date);

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian (date) + days);
  out.year = g_date_get_year (&d);
  out.month = g_date_get_month (&d);
  out.day = g_date_get_day (&d);
  return out;
}

int
rg_date_days_between (RgDate from,
                      RgDate to)
{
  return (int) julian (to) - (int) julian (from);
}

int
rg_date_weekday (RgDate date)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, date.day, date.month, date.year);
  return g_date_get_weekday (&d);   /* G_DATE_MONDAY = 1 ... G_DATE_SUNDAY = 7 */
}

RgDate
rg_date_week_start (RgDate date)
{
  return rg_date_add_days (date, 1 - rg_date_weekday (date));
}

char *
rg_date_to_iso (RgDate date)
{
  return g_strdup_printf ("%04d-%02d-%02d", date.year, date.month, date.day);
}

gboolean
rg_date_from_iso (const char *text,
                  RgDate     *date)
{
  RgDate d;
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3)
    return FALSE;
  if (!rg_date_valid (d))
    return FALSE;

  *date = d;
  return TRUE;
}

/* The instant of a wall-clock time on a local date. A time that does not
 * exist (skipped by a daylight-saving change) moves forward, as clocks do. */
gint64
rg_time_from_local (RgDate date,
                    int    minute_of_day)
{
  g_autoptr(GTimeZone) tz = rg_time_get_zone ();
  g_autoptr(GDateTime) dt = NULL;
  int days = minute_of_day / RG_MINUTES_PER_DAY;
  int minute = minute_of_day % RG_MINUTES_PER_DAY;

  if (minute < 0)
    {
      minute += RG_MINUTES_PER_DAY;
      days--;
    }
  if (days)
    date = rg_date_add_days (date, days);

  dt = g_date_time_new (tz, date.year, date.month, date.day, minute / 60, minute % 60, 0);
  g_return_val_if_fail (dt != NULL, 0);
  return g_date_time_to_unix (dt);
}

gint64
rg_date_start (RgDate date)
{
  return rg_time_from_local (date, 0);
}

gint64
rg_date_end (RgDate date)
{
  return rg_date_start (rg_date_add_days (date, 1));
}

/* Minutes from local midnight as the clock shows them (10:00 is 600 also
 * on a 23- or 25-hour day). */
int
rg_time_minute_of_day (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = local_from_unix (unix_seconds);

  return dt ? g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt) : 0;
}

/* Rounds to the nearest multiple of @step minutes. */
int
rg_time_snap_minutes (int minutes,
                      int step)
{
  int half = step / 2;

  g_return_val_if_fail (step > 0, minutes);

  if (minutes >= 0)
    return ((minutes + half) / step) * step;
  return -(((-minutes + half) / step) * step);
}
