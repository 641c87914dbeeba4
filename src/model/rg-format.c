/* rg-format.c — how amounts, dates and birthdays read to a person, in the
 * user's language and local time.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-format.h"

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

char *
rg_format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) dt = utc ? g_date_time_to_local (utc) : NULL;

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a date with the year, see the strftime manual; e.g. "24 November 2026" */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

char *
rg_format_date_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) dt = utc ? g_date_time_to_local (utc) : NULL;

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
