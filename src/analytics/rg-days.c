/* rg-days.c — local days as numbers, and a table of midnights that turns
 * times into local days without a time zone lookup per time.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "rg-days-private.h"

/* Day numbers: days since 1 January of year 1 (GDate's Julian days). */
gint64
rg_day_number (RgDate date)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, date.day, date.month, date.year);
  return g_date_get_julian (&d);
}

RgDate
rg_date_of_number (gint64 number)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, (guint32) number);
  return (RgDate) { g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d) };
}

void
rg_day_table_init (DayTable *t,
                   gint64    first,
                   gint64    last)
{
  t->first = first;
  t->starts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) (last - first + 2));
  for (gint64 n = first; n <= last + 1; n++)
    {
      gint64 at = rg_date_start (rg_date_of_number (n));
      g_array_append_val (t->starts, at);
    }
}

/* The day number of @at, which lies within the table: a guess from a
 * day's length, then a step or two (days of 23 or 25 hours, a zone that
 * changed its offset). After the table: its last day. */
gint64
rg_day_table_lookup (const DayTable *t,
                     gint64          at)
{
  const gint64 *s = (const gint64 *) (gpointer) t->starts->data;
  gint64 last = (gint64) t->starts->len - 2;
  gint64 i;

  if (at < s[0])
    return t->first - 1;
  i = MIN ((at - s[0]) / 86400, last);
  while (i > 0 && s[i] > at)
    i--;
  while (i < last && s[i + 1] <= at)
    i++;
  return t->first + i;
}
