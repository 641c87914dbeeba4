/* rg-day-layout.c — where things go in a day of the calendar.
 *
 * Content coordinates: x from the left edge (the gutter first, then the
 * columns), y from the top (the header first, then minute 0 of the day).
 * Views add their scroll offsets. Minutes are wall-clock minutes of the
 * local day (see rg_time_minute_of_day), so 10:00 is at the same height
 * on a daylight-saving change day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "rg-day-layout.h"
#include "util/rg-time.h"

double
rg_day_layout_content_width (const RgDayLayout *layout)
{
  return layout->gutter_width + layout->n_columns * layout->column_width;
}

double
rg_day_layout_content_height (const RgDayLayout *layout)
{
  return layout->header_height + RG_MINUTES_PER_DAY * layout->pixels_per_minute;
}

double
rg_day_layout_y_for_minute (const RgDayLayout *layout,
                            int                minute)
{
  return layout->header_height + CLAMP (minute, 0, RG_MINUTES_PER_DAY) * layout->pixels_per_minute;
}

/* The minute at @y, rounded to the nearest multiple of @snap (1: none) and
 * kept within the day. */
int
rg_day_layout_minute_for_y (const RgDayLayout *layout,
                            double             y,
                            int                snap)
{
  int minute = (int) floor ((y - layout->header_height) / layout->pixels_per_minute + 0.5);

  minute = rg_time_snap_minutes (minute, MAX (snap, 1));
  return CLAMP (minute, 0, RG_MINUTES_PER_DAY);
}

double
rg_day_layout_x_for_column (const RgDayLayout *layout,
                            guint              column)
{
  return layout->gutter_width + column * layout->column_width;
}

/* The column under @x, or -1 over the gutter or past the last column. */
int
rg_day_layout_column_for_x (const RgDayLayout *layout,
                            double             x)
{
  double inside = x - layout->gutter_width;
  int column;

  if (inside < 0 || layout->column_width <= 0)
    return -1;
  column = (int) (inside / layout->column_width);
  return column < (int) layout->n_columns ? column : -1;
}

static int
compare_items (const void *a,
               const void *b)
{
  const RgDayItem *x = *(RgDayItem * const *) a, *y = *(RgDayItem * const *) b;

  if (x->start_minute != y->start_minute)
    return x->start_minute - y->start_minute;
  return y->end_minute - x->end_minute;
}

/* Puts overlapping appointments of one column side by side: each gets the
 * first lane free at its start; a group of items that overlap one another
 * directly or through others shares its lane count. */
void
rg_day_layout_assign_lanes (RgDayItem *items,
                            guint      n_items)
{
  g_autofree RgDayItem **sorted = NULL;
  g_autofree int *lane_end = NULL;
  guint group_start = 0, n_lanes = 0;
  int group_end = G_MININT;

  if (n_items == 0)
    return;

  sorted = g_new (RgDayItem *, n_items);
  lane_end = g_new0 (int, n_items);

  for (guint i = 0; i < n_items; i++)
    sorted[i] = &items[i];
  qsort (sorted, n_items, sizeof *sorted, compare_items);

  for (guint i = 0; i < n_items; i++)
    {
      RgDayItem *item = sorted[i];
      guint lane = 0;

      if (item->start_minute >= group_end)
        {
          /* A new group: close the previous one. */
          for (guint j = group_start; j < i; j++)
            sorted[j]->n_lanes = n_lanes;
          group_start = i;
          n_lanes = 0;
        }

      while (lane < n_lanes && lane_end[lane] > item->start_minute)
        lane++;
      if (lane == n_lanes)
        n_lanes++;
      lane_end[lane] = item->end_minute;
      item->lane = lane;
      group_end = MAX (group_end, item->end_minute);
    }

  for (guint j = group_start; j < n_items; j++)
    sorted[j]->n_lanes = n_lanes;
}
