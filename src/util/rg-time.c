/* rg-time.c — local calendar days and wall-clock times over UTC seconds.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-util"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

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

/* Dates as people type them ------------------------------------------------ */

G_DEFINE_QUARK (rg-date-error-quark, rg_date_error)

/* Month names, casefolded, as whole words: Russian in the nominative and
 * the genitive ("март", "марта"; "май", "мая") and their usual short forms,
 * English in full and short ("мар", "Mar." are words too; "мартобря" is
 * not a month). */
static int
month_of_word (const char *word)
{
  static const struct { const char *name; int month; } names[] = {
    { "январь", 1 }, { "января", 1 }, { "янв", 1 },
    { "февраль", 2 }, { "февраля", 2 }, { "фев", 2 }, { "февр", 2 },
    { "март", 3 }, { "марта", 3 }, { "мар", 3 },
    { "апрель", 4 }, { "апреля", 4 }, { "апр", 4 },
    { "май", 5 }, { "мая", 5 },
    { "июнь", 6 }, { "июня", 6 }, { "июн", 6 },
    { "июль", 7 }, { "июля", 7 }, { "июл", 7 },
    { "август", 8 }, { "августа", 8 }, { "авг", 8 },
    { "сентябрь", 9 }, { "сентября", 9 }, { "сен", 9 }, { "сент", 9 },
    { "октябрь", 10 }, { "октября", 10 }, { "окт", 10 },
    { "ноябрь", 11 }, { "ноября", 11 }, { "ноя", 11 }, { "нояб", 11 },
    { "декабрь", 12 }, { "декабря", 12 }, { "дек", 12 },
    { "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 }, { "march", 3 }, { "mar", 3 },
    { "april", 4 }, { "apr", 4 }, { "may", 5 }, { "june", 6 }, { "jun", 6 }, { "july", 7 }, { "jul", 7 },
    { "august", 8 }, { "aug", 8 }, { "september", 9 }, { "sep", 9 }, { "sept", 9 }, { "october", 10 },
    { "oct", 10 }, { "november", 11 }, { "nov", 11 }, { "december", 12 }, { "dec", 12 },
  };
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (folded, names[i].name))
      return names[i].month;
  return 0;
}

/* The parts of a date as typed: numbers and words, and a time after them. */
typedef struct {
  int   number[3];
  guint digits[3];    /* how many digits each number had */
  guint n;
  int   month_word;   /* a month given by name, 0: none */
  guint month_at;     /* among the numbers, where the name stood */
  int   minute;       /* -1: no time */
} Parts;

static gboolean
split_date (const char *text,
            Parts      *parts)
{
  const char *p = text;
  guint marks = 0;   /* the '.', '/' or '-' since the last number or word */

  memset (parts, 0, sizeof *parts);
  parts->minute = -1;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (!(c == '.' || c == '/' || c == '-' || c == ' ' || c == ',' || c == 0xA0 || c == 0x202F || c == 'T'))
        marks = 0;
      if (g_ascii_isdigit (*p))
        {
          int value = 0;
          guint digits = 0;

          while (g_ascii_isdigit (*p) && digits < 9)
            value = value * 10 + (*p++ - '0'), digits++;
          if (g_ascii_isdigit (*p))
            return FALSE;
          /* "14:30" after the date: the time. */
          if (*p == ':' && parts->n >= 2 && digits <= 2 && value < 24 && g_ascii_isdigit (p[1]) &&
              g_ascii_isdigit (p[2]) && (p[3] == '\0' || p[3] == ':' || p[3] == ' '))
            {
              int minutes = (p[1] - '0') * 10 + (p[2] - '0');

              if (minutes > 59)
                return FALSE;
              parts->minute = value * 60 + minutes;
              p += 3;
              if (*p == ':' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
                p += 3;
              while (*p == ' ')
                p++;
              return *p == '\0';
            }
          if (parts->n == 3)
            return FALSE;
          parts->digits[parts->n] = digits;
          parts->number[parts->n++] = value;
        }
      else if (g_unichar_isalpha (c))
        {
          const char *word = p;
          g_autofree char *copy = NULL;

          while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          copy = g_strndup (word, p - word);
          if (parts->month_word == 0 && (parts->month_word = month_of_word (copy)) != 0)
            parts->month_at = parts->n;
          else
            {
              /* "1990 г.", "1990 года": the year's word, and nothing else. */
              g_autofree char *folded = g_utf8_casefold (copy, -1);

              if (!(g_str_equal (folded, "г") || g_str_equal (folded, "года") || g_str_equal (folded, "год")) ||
                  parts->n == 0)
                return FALSE;
            }
        }
      else if (c == '.' || c == '/' || c == '-')
        {
          /* One between two parts ("12.03.1990", "12 мар. 1990"); none
           * before the first ("-12.03.1990"), never two ("12..03"). */
          if (marks > 0 || (parts->n == 0 && parts->month_word == 0))
            return FALSE;
          marks++;
          p++;
          continue;
        }
      else if (c == ' ' || c == ',' || c == 0xA0 || c == 0x202F || c == 'T')
        {
          p = g_utf8_next_char (p);
          continue;
        }
      else
        return FALSE;
    }
  return parts->n > 0;
}

/* A year of two digits: up to this year's last two digits this century,
 * else the last. */
static int
full_year (int   year,
           guint digits)
{
  int now = rg_date_from_time (rg_time_now ()).year;

  if (digits > 2)
    return year;
  return year <= now % 100 ? now - now % 100 + year : now - now % 100 - 100 + year;
}

/* Excel's serial day: 1 is 1 January 1900, and Excel counts a 29 February
 * 1900 that never was, so from 61 on the days count from 30 December 1899. */
static gboolean
from_serial (int     serial,
             RgDate *date)
{
  RgDate epoch = { 1899, 12, serial >= 61 ? 30 : 31 };

  if (serial < 1 || serial > 2958465)
    return FALSE;
  *date = rg_date_add_days (epoch, serial);
  return TRUE;
}

static gboolean
refuse_date (const char  *text,
             GError     **error)
{
  g_set_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID,
               /* Translators: a date as it was typed; keep the example's order of day and month */
               _("“%s” is not a date. Enter it as 12.03.1990."), text);
  return FALSE;
}

/* Reads @text into day, month and year (0 when not given) and checks they
 * make a date; @need_year refuses a date without one. @minute, when not
 * NULL, receives a time typed after the date (-1: none). */
static gboolean
parse_date (const char  *text,
            gboolean     need_year,
            gboolean     birthday,
            int         *day,
            int         *month,
            int         *year,
            int         *minute,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  RgDate today = rg_date_from_time (rg_time_now ());
  Parts parts;
  int d = 0, m = 0, y = 0;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID, _("There is no date."));
      return FALSE;
    }
  if (!g_utf8_validate (trimmed, -1, NULL) || strlen (trimmed) > 64 || !split_date (trimmed, &parts))
    return refuse_date (g_utf8_validate (trimmed, -1, NULL) && strlen (trimmed) <= 64 ? trimmed : "?", error);
  if (minute)
    *minute = parts.minute;
  else if (parts.minute >= 0)
    return refuse_date (trimmed, error);

  if (parts.month_word)
    {
      /* "12 марта 1990", "March 12, 1990", "12 March". */
      if (parts.n == 0 || parts.n > 2)
        return refuse_date (trimmed, error);
      m = parts.month_word;
      if (parts.n == 2 && parts.digits[0] == 4)
        return refuse_date (trimmed, error);
      d = parts.number[0];
      if (parts.n == 2)
        y = full_year (parts.number[1], parts.digits[1]);
      else if (parts.digits[0] > 2)
        return refuse_date (trimmed, error);
    }
  else if (parts.n == 1)
    {
      RgDate serial;

      /* Excel's serial number of a day: "32944" is 12 March 1990. */
      /* Five digits: 1927 to 2173; four would be a bare year ("1990"). */
      if (parts.digits[0] != 5 || !from_serial (parts.number[0], &serial))
        return refuse_date (trimmed, error);
      d = serial.day, m = serial.month, y = serial.year;
    }
  else if (parts.digits[0] == 4)
    {
      /* 1990-03-12 */
      if (parts.n != 3)
        return refuse_date (trimmed, error);
      y = parts.number[0], m = parts.number[1], d = parts.number[2];
    }
  else
    {
      /* 12.03.1990, 12/03/90, 12.03: the day first, as in Russia and Britain. */
      if (parts.digits[0] > 2 || parts.digits[1] > 2 || (parts.n == 3 && parts.digits[2] != 2 && parts.digits[2] != 4))
        return refuse_date (trimmed, error);
      d = parts.number[0], m = parts.number[1];
      if (parts.n == 3)
        y = full_year (parts.number[2], parts.digits[2]);
    }

  if (m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y ? y : 2000))
    {
      g_set_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID,
                   /* Translators: a date as it was typed, like 31.02.2020 */
                   _("“%s” is not a real date: that month has no such day."), trimmed);
      return FALSE;
    }
  if (y == 0 && need_year)
    {
      g_set_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID,
                   _("“%s” has no year. Enter the date as 12.03.2024."), trimmed);
      return FALSE;
    }
  if (y != 0 && y < 1900)
    {
      g_set_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID,
                   _("“%s” is before 1900: check the year."), trimmed);
      return FALSE;
    }
  if (y != 0 && (birthday ? rg_date_compare ((RgDate) { y, m, d }, today) > 0 : y > 2200))
    {
      g_set_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID,
                   _("“%s” is in the future: check the year."), trimmed);
      return FALSE;
    }

  *day = d, *month = m, *year = y;
  return TRUE;
}

/* Reads a birthday as people type it: 12.03.1990, 12.03 (no year: 29.02
 * is then a birthday too), 12/03/1990, 1990-03-12, 12.03.90 (a year of two
 * digits is this century's up to this year, else the last one's), "12
 * марта 1990", "12 March 1990", or Excel's serial number of the day
 * ("32944"). Refuses a day the month does not have, a year before 1900
 * and a date in the future, with a translated message. @year is 0 when
 * not given. */
gboolean
rg_date_parse_birthday (const char  *text,
                        int         *day,
                        int         *month,
                        int         *year,
                        GError     **error)
{
  int d, m, y;

  g_return_val_if_fail (day != NULL && month != NULL && year != NULL, FALSE);

  if (!parse_date (text, FALSE, TRUE, &d, &m, &y, NULL, error))
    return FALSE;
  *day = d, *month = m, *year = y;
  return TRUE;
}

/* Reads the day of a visit in the same forms as rg_date_parse_birthday(),
 * the year required, and a time after it ("12.03.2024 14:30"): sets
 * @minute_of_day (may be NULL, when a time is refused) to it or -1. */
gboolean
rg_date_parse_day (const char  *text,
                   RgDate      *date,
                   int         *minute_of_day,
                   GError     **error)
{
  int d, m, y, minute = -1;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!parse_date (text, TRUE, FALSE, &d, &m, &y, minute_of_day ? &minute : NULL, error))
    return FALSE;
  date->year = y, date->month = m, date->day = d;
  if (minute_of_day)
    *minute_of_day = minute;
  return TRUE;
}

/* Reads a time of day: "14:30", "9:05", "14.30", "14:30:00", "14" (the
 * hour). */
gboolean
rg_time_parse_minute (const char  *text,
                      int         *minute_of_day,
                      GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  int hour = -1, minute = 0, second = 0;
  char tail = 0;
  int n;

  g_return_val_if_fail (minute_of_day != NULL, FALSE);

  n = sscanf (trimmed, "%2d%*[:.]%2d%*[:.]%2d%c", &hour, &minute, &second, &tail);
  if (n < 1 || tail != 0 || !g_ascii_isdigit (trimmed[0]) || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59 || second < 0 || second > 59 || strlen (trimmed) > 8)
    {
      g_set_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID,
                   _("“%s” is not a time of day. Enter it as 14:30."),
                   g_utf8_validate (trimmed, -1, NULL) ? trimmed : "?");
      return FALSE;
    }
  /* sscanf stops quietly: what it did not read must be nothing. */
  {
    guint i = 0;

    while (g_ascii_isdigit (trimmed[i]) || trimmed[i] == ':' || trimmed[i] == '.')
      i++;
    if (trimmed[i] != '\0' || (n == 1 && i > 2))
      {
        g_set_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID,
                     _("“%s” is not a time of day. Enter it as 14:30."),
                     g_utf8_validate (trimmed, -1, NULL) ? trimmed : "?");
        return FALSE;
      }
  }
  *minute_of_day = hour * 60 + minute;
  return TRUE;
}
