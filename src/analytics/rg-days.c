/* rg-days.c — local days as numbers, and a table of midnights that turns
 * times into local days without a time zone lookup per time.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include "rg-days-private.h"

/* Day numbers: days since 1 January of year 1 (GDate's Julian days),
 * counted in the proleptic Gregorian calendar by arithmetic (H. Hinnant's
 * days_from_civil and civil_from_days) rather than through a GDate: the
 * loaders turn 100,000 dates a run. */
#define JULIAN_1970 G_GINT64_CONSTANT (719163)   /* 1 January 1970 */

gint64
rg_day_number (RgDate date)
{
  gint64 y = date.year - (date.month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468 + JULIAN_1970;
}

RgDate
rg_date_of_number (gint64 number)
{
  gint64 z = number - JULIAN_1970 + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int day = (int) (doy - (153 * mp + 2) / 5 + 1);
  int month = (int) (mp < 10 ? mp + 3 : mp - 9);

  return (RgDate) { (int) (yoe + era * 400 + (month <= 2)), month, day };
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

/* Clients by id ------------------------------------------------------------------ */

static inline guint
slot_of (const ClientIndex *index,
         gint64             id)
{
  return (guint) (((guint64) id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - index->bits));
}

void
rg_client_index_init (ClientIndex *index,
                      GArray      *rhythms)
{
  guint mask;

  index->bits = 4;
  while ((1u << index->bits) < rhythms->len * 2)
    index->bits++;
  mask = (1u << index->bits) - 1;
  index->keys = g_new (gint64, mask + 1);
  index->slots = g_new0 (guint32, mask + 1);
  for (guint i = 0; i < rhythms->len; i++)
    {
      gint64 id = g_array_index (rhythms, RgClientRhythm, i).client_id;
      guint s = slot_of (index, id);

      while (index->slots[s] != 0 && index->keys[s] != id)
        s = (s + 1) & mask;
      index->keys[s] = id;
      index->slots[s] = i + 1;
    }
}

guint32
rg_client_index_find (const ClientIndex *index,
                      gint64             client_id)
{
  guint mask = (1u << index->bits) - 1;

  for (guint s = slot_of (index, client_id); index->slots[s] != 0; s = (s + 1) & mask)
    if (index->keys[s] == client_id)
      return index->slots[s] - 1;
  return G_MAXUINT32;
}

void
rg_client_index_clear (ClientIndex *index)
{
  g_clear_pointer (&index->keys, g_free);
  g_clear_pointer (&index->slots, g_free);
}
