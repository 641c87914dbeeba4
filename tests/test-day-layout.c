/* test-day-layout.c — minutes to pixels and back, snapping, columns, lanes.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "model/rg-day-layout.h"

static const RgDayLayout layout = {
  .gutter_width = 56,
  .header_height = 40,
  .column_width = 180,
  .pixels_per_minute = 1.0,
  .n_columns = 3,
};

static void
test_mapping (void)
{
  g_assert_cmpfloat (rg_day_layout_y_for_minute (&layout, 0), ==, 40);
  g_assert_cmpfloat (rg_day_layout_y_for_minute (&layout, 600), ==, 640);
  g_assert_cmpfloat (rg_day_layout_y_for_minute (&layout, 24 * 60 + 30), ==, 40 + 1440);
  g_assert_cmpfloat (rg_day_layout_y_for_minute (&layout, -10), ==, 40);
  g_assert_cmpfloat (rg_day_layout_content_width (&layout), ==, 56 + 3 * 180);
  g_assert_cmpfloat (rg_day_layout_content_height (&layout), ==, 40 + 1440);

  /* Round trip for every minute at a few zoom levels. */
  for (double ppm = 0.5; ppm <= 2.0; ppm += 0.25)
    {
      RgDayLayout l = layout;

      l.pixels_per_minute = ppm;
      for (int m = 0; m <= 24 * 60; m++)
        g_assert_cmpint (rg_day_layout_minute_for_y (&l, rg_day_layout_y_for_minute (&l, m), 1), ==, m);
    }
}

static void
test_snapping (void)
{
  /* 10:07 snaps to 10:00, 10:08 to 10:15, on a 15-minute grid. */
  g_assert_cmpint (rg_day_layout_minute_for_y (&layout, 40 + 607, 15), ==, 600);
  g_assert_cmpint (rg_day_layout_minute_for_y (&layout, 40 + 608, 15), ==, 615);
  g_assert_cmpint (rg_day_layout_minute_for_y (&layout, 40 + 607.6, 15), ==, 615);
  /* Above the day and below it stay within it. */
  g_assert_cmpint (rg_day_layout_minute_for_y (&layout, 0, 15), ==, 0);
  g_assert_cmpint (rg_day_layout_minute_for_y (&layout, 5000, 15), ==, 24 * 60);
}

static void
test_columns (void)
{
  g_assert_cmpint (rg_day_layout_column_for_x (&layout, 10), ==, -1);
  g_assert_cmpint (rg_day_layout_column_for_x (&layout, 56), ==, 0);
  g_assert_cmpint (rg_day_layout_column_for_x (&layout, 56 + 179.9), ==, 0);
  g_assert_cmpint (rg_day_layout_column_for_x (&layout, 56 + 180), ==, 1);
  g_assert_cmpint (rg_day_layout_column_for_x (&layout, 56 + 3 * 180 - 1), ==, 2);
  g_assert_cmpint (rg_day_layout_column_for_x (&layout, 56 + 3 * 180), ==, -1);
  g_assert_cmpfloat (rg_day_layout_x_for_column (&layout, 2), ==, 56 + 360);
}

static void
test_lanes (void)
{
  /* 10-11 and 10:30-11:30 overlap: two lanes; 11:30-12 touches the second
   * only at its end, so it reuses lane 0 in the same group; 13-14 is alone. */
  RgDayItem items[] = {
    { 600, 660 }, { 630, 690 }, { 690, 720 }, { 780, 840 }, { 600, 660 },
  };

  rg_day_layout_assign_lanes (items, G_N_ELEMENTS (items));

  g_assert_cmpuint (items[0].n_lanes, ==, 3);
  g_assert_cmpuint (items[1].n_lanes, ==, 3);
  g_assert_cmpuint (items[4].n_lanes, ==, 3);
  g_assert_cmpuint (items[0].lane != items[4].lane, ==, TRUE);
  g_assert_cmpuint (items[1].lane, !=, items[0].lane);
  g_assert_cmpuint (items[1].lane, !=, items[4].lane);
  /* 11:30 starts when the group (which ends at 11:30) is over. */
  g_assert_cmpuint (items[2].n_lanes, ==, 1);
  g_assert_cmpuint (items[2].lane, ==, 0);
  g_assert_cmpuint (items[3].n_lanes, ==, 1);

  /* Nothing to place is fine. */
  rg_day_layout_assign_lanes (NULL, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/day-layout/mapping", test_mapping);
  g_test_add_func ("/day-layout/snapping", test_snapping);
  g_test_add_func ("/day-layout/columns", test_columns);
  g_test_add_func ("/day-layout/lanes", test_lanes);

  return g_test_run ();
}
