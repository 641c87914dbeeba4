/* test-chart-view.c — the chart widget: it draws what it is given, a value
 * is shown when the keyboard walks the chart, and the pointer finds the
 * bar under it.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util-ui.h"
#include "widgets/common/rg-chart-view.h"

static RgChart *
bars (void)
{
  static const char * const labels[] = { "Oct", "Nov", "Dec" };
  static const double values[] = { 4.0, 2.0, 5.0 };
  RgChart *chart = rg_chart_new (RG_CHART_BARS);

  rg_chart_set_categories (chart, labels, 3);
  rg_chart_add_series (chart, "Average score", values, 3);
  rg_chart_set_value_range (chart, 0, 5);
  rg_chart_set_value_format (chart, "%.1f");
  return chart;
}

static void
test_keyboard_and_hit (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rg_chart_view_new ();
  GtkWidget *button = gtk_button_new_with_label ("before");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  RgChartRect mark;
  guint series, index;
  g_autofree char *caption = NULL;
  g_autofree char *expected = NULL;

  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), view);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 320);
  rg_chart_view_set_chart (RG_CHART_VIEW (view), bars ());
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (view);

  /* Drawn: each bar has its place, the tallest the highest. */
  g_assert_true (rg_chart_get_mark (rg_chart_view_get_chart (RG_CHART_VIEW (view)), 0, 2, &mark));
  {
    RgChartRect low;

    g_assert_true (rg_chart_get_mark (rg_chart_view_get_chart (RG_CHART_VIEW (view)), 0, 1, &low));
    g_assert_cmpfloat (mark.height, >, low.height);
  }
  g_assert_false (rg_chart_view_get_selected (RG_CHART_VIEW (view), NULL, NULL));

  /* Focus shows the first value; the exact figure is its caption. */
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_has_focus (view));
  g_assert_true (rg_chart_view_get_selected (RG_CHART_VIEW (view), &series, &index));
  g_assert_cmpuint (index, ==, 0);
  caption = rg_chart_view_get_caption (RG_CHART_VIEW (view));
  expected = rg_chart_describe_value (rg_chart_view_get_chart (RG_CHART_VIEW (view)), 0, 0);
  g_assert_cmpstr (caption, ==, expected);
  g_assert_nonnull (strstr (caption, "4.0"));

  /* The pointer over the last bar finds it. */
  g_assert_true (rg_chart_hit (rg_chart_view_get_chart (RG_CHART_VIEW (view)),
                               mark.x + mark.width / 2, mark.y + mark.height / 2, &series, &index));
  g_assert_cmpuint (index, ==, 2);
  rg_chart_view_select (RG_CHART_VIEW (view), series, index);
  g_clear_pointer (&caption, g_free);
  caption = rg_chart_view_get_caption (RG_CHART_VIEW (view));
  g_assert_nonnull (strstr (caption, "5.0"));

  /* Focus elsewhere: nothing stays shown. */
  gtk_widget_grab_focus (button);
  g_assert_false (rg_chart_view_get_selected (RG_CHART_VIEW (view), NULL, NULL));

  /* A new chart starts with nothing selected. */
  rg_chart_view_set_chart (RG_CHART_VIEW (view), bars ());
  g_assert_false (rg_chart_view_get_selected (RG_CHART_VIEW (view), NULL, NULL));

  test_destroy_window (window);
}

int
main (int argc, char *argv[])
{
  if (!test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/chart-view/keyboard-and-hit", test_keyboard_and_hit);
  return g_test_run ();
}
