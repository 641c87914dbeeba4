/* rg-report-satisfaction.h — the satisfaction figures as text, JSON, the
 * panel's headline figures and charts, and a page (PDF, PNG, SVG, print).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "analytics/rg-satisfaction.h"
#include "chart/rg-chart.h"

G_BEGIN_DECLS

/* The charts, in the panel's order. */
typedef enum {
  RG_SATISFACTION_CHART_SCORE_TREND,
  RG_SATISFACTION_CHART_CSAT_TREND,
  RG_SATISFACTION_CHART_BY_MASTER,
  RG_SATISFACTION_CHART_BY_SERVICE,
  RG_SATISFACTION_CHART_DISTRIBUTION,
  RG_SATISFACTION_CHART_NPS,
  RG_SATISFACTION_CHART_COMPLAINTS,
  RG_SATISFACTION_CHART_QUESTIONNAIRE,   /* shown when answered */
  RG_SATISFACTION_N_CHARTS,
} RgSatisfactionChart;

/* Average score, CSAT, NPS, ratings, response rate, open complaints. */
#define RG_REPORT_SATISFACTION_N_HEADLINES 6

/* The page's width in its own units; its height follows the figures. */
#define RG_REPORT_SATISFACTION_PAGE_WIDTH 1000.0

/* @staff, @service: the master and the service the figures were counted
 * for, named in the heading; NULL for every one. */
char       *rg_report_satisfaction_text             (const RgSatisfaction  *self,
                                                     const char            *staff,
                                                     const char            *service) G_GNUC_WARN_UNUSED_RESULT;
char       *rg_report_satisfaction_json             (const RgSatisfaction  *self) G_GNUC_WARN_UNUSED_RESULT;

const char *rg_report_satisfaction_headline_caption (guint                  index);
char       *rg_report_satisfaction_headline_value   (const RgSatisfaction  *self,
                                                     guint                  index) G_GNUC_WARN_UNUSED_RESULT;

const char *rg_report_satisfaction_chart_title      (RgSatisfactionChart    which);
/* @titled: exports carry the title in the chart; the panel's cards have
 * their own heading. */
RgChart    *rg_report_satisfaction_chart            (const RgSatisfaction  *self,
                                                     RgSatisfactionChart    which,
                                                     gboolean               titled) G_GNUC_WARN_UNUSED_RESULT;

/* The page: a title, @subtitle (the period and the filters, as the panel
 * names them), the headline figures and every chart, two to a line. */
double      rg_report_satisfaction_page_height      (const RgSatisfaction  *self);
void        rg_report_satisfaction_draw_page        (const RgSatisfaction  *self,
                                                     const char            *subtitle,
                                                     cairo_t               *cr);
gboolean    rg_report_satisfaction_write_page       (const RgSatisfaction  *self,
                                                     const char            *subtitle,
                                                     RgChartFormat          format,
                                                     const char            *path,
                                                     GError               **error);

G_END_DECLS
