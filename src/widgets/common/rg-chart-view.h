/* rg-chart-view.h — a chart of src/chart in the window: libadwaita's
 * colours, exact values on hover and on keyboard focus, an accessible
 * description.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "chart/rg-chart.h"

G_BEGIN_DECLS

#define RG_TYPE_CHART_VIEW (rg_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (RgChartView, rg_chart_view, RG, CHART_VIEW, GtkWidget)

GtkWidget  *rg_chart_view_new            (void);
void        rg_chart_view_set_chart      (RgChartView  *self,
                                          RgChart      *chart);   /* takes it */
RgChart    *rg_chart_view_get_chart      (RgChartView  *self);
void        rg_chart_view_get_theme      (RgChartView  *self,
                                          RgChartTheme *theme,
                                          char        **font);
/* The value shown on hover or focus; FALSE when none. */
gboolean    rg_chart_view_get_selected   (RgChartView  *self,
                                          guint        *series,
                                          guint        *index);
void        rg_chart_view_select         (RgChartView  *self,
                                          guint         series,
                                          guint         index);
char       *rg_chart_view_get_caption    (RgChartView  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
