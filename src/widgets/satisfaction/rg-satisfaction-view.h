/* rg-satisfaction-view.h — the satisfaction panel.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "analytics/rg-satisfaction.h"
#include "chart/rg-chart.h"
#include "model/rg-studio.h"
#include "report/rg-report-satisfaction.h"

G_BEGIN_DECLS

typedef enum {
  RG_PERIOD_WEEK,
  RG_PERIOD_MONTH,
  RG_PERIOD_QUARTER,
  RG_PERIOD_YEAR,
  RG_PERIOD_CUSTOM,
} RgPeriodKind;

#define RG_TYPE_SATISFACTION_VIEW (rg_satisfaction_view_get_type ())
G_DECLARE_FINAL_TYPE (RgSatisfactionView, rg_satisfaction_view, RG, SATISFACTION_VIEW, GtkWidget)

void             rg_satisfaction_view_set_studio   (RgSatisfactionView *self,
                                                    RgStudio           *studio);
void             rg_satisfaction_view_set_period   (RgSatisfactionView *self,
                                                    RgPeriodKind        kind,
                                                    RgDate              from,
                                                    RgDate              to);
void             rg_satisfaction_view_set_filter   (RgSatisfactionView *self,
                                                    gint64              staff_id,
                                                    gint64              service_id);
const RgSatisfaction *rg_satisfaction_view_get_result (RgSatisfactionView *self);
gboolean         rg_satisfaction_view_is_loading   (RgSatisfactionView *self);
GtkWidget       *rg_satisfaction_view_get_chart    (RgSatisfactionView *self,
                                                    RgSatisfactionChart chart);
const char      *rg_satisfaction_view_get_headline (RgSatisfactionView *self,
                                                    guint               index);
guint            rg_satisfaction_view_get_n_comments (RgSatisfactionView *self);

/* The period that holds @day. */
void             rg_period_bounds                  (RgPeriodKind        kind,
                                                    RgDate              day,
                                                    RgDate             *from,
                                                    RgDate             *to);

/* The whole panel on one page: headline figures and every chart. */
gboolean         rg_satisfaction_view_export       (RgSatisfactionView *self,
                                                    RgChartFormat       format,
                                                    const char         *path,
                                                    GError            **error);

G_END_DECLS
