/* rg-format.c — how amounts, dates and birthdays read to a person, in the
 * user's language and local time.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-format.h"
#include "rg-time.h"

/* Groups thousands as the language does: "1,500,000" in English,
 * "1 500 000" (with a narrow no-break space) in Russian. */
static char *
group_digits (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  /* Translators: the separator between groups of thousands, as in 1,500,000;
   * Russian uses a narrow no-break space (U+202F) */
  const char *separator = C_("number", ",");
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

char *
rg_format_count (guint n)
{
  return group_digits (n);
}

/* Amounts are kept in minor units; whole amounts are shown without them. */
char *
rg_format_money (gint64 minor_units)
{
  guint64 magnitude = minor_units < 0 ? (guint64) -(minor_units + 1) + 1 : (guint64) minor_units;
  g_autofree char *whole = group_digits (magnitude / 100);
  guint cents = magnitude % 100;

  if (cents == 0)
    return g_strdup_printf ("%s%s", minor_units < 0 ? "−" : "", whole);

  /* Translators: the decimal separator of amounts of money */
  return g_strdup_printf ("%s%s%s%02u", minor_units < 0 ? "−" : "", whole, C_("money", "."), cents);
}

/* Reads an amount as a person types it: "1500", "1,500.50" in English,
 * "1 500,50" in Russian. Group separators and spaces are skipped; the
 * language's decimal separator, or a ".", starts at most two digits of minor
 * units. An empty text is 0. FALSE for anything else, or a negative amount. */
gboolean
rg_format_parse_money (const char *text,
                       gint64     *minor_units)
{
  const char *group = C_("number", ",");
  const char *decimal = C_("money", ".");
  gint64 whole = 0, minor = 0;
  int n_minor = -1;   /* digits after the separator; -1 before it */
  gboolean any_digit = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor_units != NULL, FALSE);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x00A0 || c == 0x2009)
        {
          continue;
        }
      else if (c >= '0' && c <= '9')
        {
          any_digit = TRUE;
          if (n_minor < 0)
            {
              if (whole > (G_MAXINT64 / 100 - 9) / 10)
                return FALSE;
              whole = whole * 10 + (c - '0');
            }
          else if (n_minor < 2)
            {
              minor = minor * 10 + (c - '0');
              n_minor++;
            }
          else
            {
              return FALSE;
            }
        }
      else if (n_minor < 0 &&
               (g_str_has_prefix (p, decimal) ||
                (c == '.' && !g_str_equal (group, "."))))
        {
          n_minor = 0;
          if (g_str_has_prefix (p, decimal))
            p += strlen (decimal) - 1;
        }
      else if (*group && g_str_has_prefix (p, group) && n_minor < 0)
        {
          p += strlen (group) - 1;
        }
      else
        {
          return FALSE;
        }
    }

  if (!any_digit && n_minor >= 0)
    return FALSE;
  if (n_minor == 1)
    minor *= 10;

  *minor_units = whole * 100 + minor;
  return TRUE;
}

/* In the zone calendar days are kept in (rg_time_get_zone()). */
static GDateTime *
local_time (gint64 unix_seconds)
{
  g_autoptr(GTimeZone) zone = rg_time_get_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  return utc ? g_date_time_to_timezone (utc, zone) : NULL;
}

char *
rg_format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = local_time (unix_seconds);

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a date with the year, see the strftime manual; e.g. "24 November 2026" */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/* A wall-clock time from minutes after midnight: "09:30". */
char *
rg_format_clock (int minute)
{
  minute = ((minute % RG_MINUTES_PER_DAY) + RG_MINUTES_PER_DAY) % RG_MINUTES_PER_DAY;
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

/* A day with its weekday, as the editor and the calendar's questions
 * name it: "Tue, 24 November 2026". */
char *
rg_format_day (RgDate date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);

  /* Translators: a date in the editor, see the strftime manual; e.g. "Tue, 24 November 2026" */
  return dt ? g_date_time_format (dt, _("%a, %-d %B %Y")) : g_strdup ("");
}

char *
rg_format_date_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = local_time (unix_seconds);

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a date and a 24-hour time, see the strftime manual; e.g. "24 November 2026, 14:30" */
  return g_date_time_format (dt, _("%-d %B %Y, %H:%M"));
}

char *
rg_format_birthday (int day,
                    int month,
                    int year)
{
  /* A leap year, so that 29 February without a year is a date. */
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year ? year : 2000, month, day, 0, 0, 0);

  if (dt == NULL)
    return g_strdup ("");

  if (year)
    return g_date_time_format (dt, _("%-d %B %Y"));

  /* Translators: a birthday without the year, see the strftime manual; e.g. "24 November" */
  return g_date_time_format (dt, _("%-d %B"));
}

/* A typical interval in words: "every 4 weeks", "every 10 days". */
char *
rg_format_interval (double days)
{
  int n = (int) (days + 0.5);

  if (n >= 14 && n % 7 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "usually every %d week", "usually every %d weeks", n / 7),
                            n / 7);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "usually every %d day", "usually every %d days", n), n);
}
