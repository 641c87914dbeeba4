/* rg-day-layout.h — where things go in a day of the calendar: minutes to
 * pixels and back, staff columns, side-by-side lanes for overlaps.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double gutter_width;       /* the hours down the left */
  double header_height;      /* the staff names along the top */
  double column_width;
  double pixels_per_minute;
  guint  n_columns;
} RgDayLayout;

/* An appointment placed in a column: [start, end) minutes of the day. */
typedef struct {
  int   start_minute;
  int   end_minute;
  guint lane;                /* out: 0..n_lanes-1 */
  guint n_lanes;             /* out: lanes in its overlapping group */
} RgDayItem;

#define RG_DAY_SNAP_MINUTES 15

double rg_day_layout_content_width  (const RgDayLayout *layout);
double rg_day_layout_content_height (const RgDayLayout *layout);
double rg_day_layout_y_for_minute   (const RgDayLayout *layout,
                                     int                minute);
int    rg_day_layout_minute_for_y   (const RgDayLayout *layout,
                                     double             y,
                                     int                snap);
double rg_day_layout_x_for_column   (const RgDayLayout *layout,
                                     guint              column);
int    rg_day_layout_column_for_x   (const RgDayLayout *layout,
                                     double             x);
void   rg_day_layout_assign_lanes   (RgDayItem         *items,
                                     guint              n_items);

G_END_DECLS
