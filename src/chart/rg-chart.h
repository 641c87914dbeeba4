/* rg-chart.h — charts drawn on any cairo_t: the satisfaction panel's
 * widget, PNG, SVG and PDF exports. cairo and Pango only, no GTK.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} RgChartColor;

#define RG_CHART_MAX_SERIES 8

/* Colours and font come from outside: the widget passes libadwaita's, the
 * exports print colours. */
typedef struct {
  RgChartColor background;               /* alpha 0: none */
  RgChartColor text;
  RgChartColor grid;
  RgChartColor series[RG_CHART_MAX_SERIES];
  const char  *font;                     /* a Pango description, "Cantarell 10" */
} RgChartTheme;

typedef enum {
  RG_CHART_LINE,
  RG_CHART_AREA,
  RG_CHART_BARS,              /* grouped when there are several series */
  RG_CHART_BARS_HORIZONTAL,
  RG_CHART_STACKED,           /* e.g. NPS: detractors, passives, promoters */
  RG_CHART_HISTOGRAM,         /* one series, bars touching */
} RgChartKind;

typedef enum {
  RG_CHART_PNG,
  RG_CHART_SVG,
  RG_CHART_PDF,
} RgChartFormat;

typedef struct {
  double x, y, width, height;
} RgChartRect;

typedef struct _RgChart RgChart;

void      rg_chart_theme_init_print  (RgChartTheme       *theme);

RgChart  *rg_chart_new               (RgChartKind         kind) G_GNUC_WARN_UNUSED_RESULT;
void      rg_chart_free              (RgChart            *self);
void      rg_chart_set_title         (RgChart            *self,
                                      const char         *title);
void      rg_chart_set_categories    (RgChart            *self,
                                      const char * const *labels,
                                      guint               n_labels);
guint     rg_chart_add_series        (RgChart            *self,
                                      const char         *name,
                                      const double       *values,
                                      guint               n_values);
void      rg_chart_set_series_color  (RgChart            *self,
                                      guint               series,
                                      guint               theme_index);
void      rg_chart_set_integer       (RgChart            *self,
                                      gboolean            integer);
void      rg_chart_set_value_range   (RgChart            *self,
                                      double              min,
                                      double              max);
void      rg_chart_set_empty_text    (RgChart            *self,
                                      const char         *text);
void      rg_chart_set_value_format  (RgChart            *self,
                                      const char         *printf_format);
gboolean  rg_chart_is_empty          (RgChart            *self);

void      rg_chart_draw              (RgChart            *self,
                                      cairo_t            *cr,
                                      const RgChartTheme *theme,
                                      double              width,
                                      double              height);
gboolean  rg_chart_get_scale         (RgChart            *self,
                                      double             *lo,
                                      double             *hi,
                                      double             *step);
gboolean  rg_chart_get_plot_area     (RgChart            *self,
                                      RgChartRect        *area);
gboolean  rg_chart_get_mark          (RgChart            *self,
                                      guint               series,
                                      guint               index,
                                      RgChartRect        *mark);
gboolean  rg_chart_hit               (RgChart            *self,
                                      double              x,
                                      double              y,
                                      guint              *series,
                                      guint              *index);
char     *rg_chart_describe_value    (RgChart            *self,
                                      guint               series,
                                      guint               index) G_GNUC_WARN_UNUSED_RESULT;
char     *rg_chart_describe          (RgChart            *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_chart_write             (RgChart            *self,
                                      const RgChartTheme *theme,
                                      RgChartFormat       format,
                                      const char         *path,
                                      double              width,
                                      double              height,
                                      GError            **error);

void      rg_chart_nice_scale        (double              min,
                                      double              max,
                                      guint               max_ticks,
                                      double             *lo,
                                      double             *hi,
                                      double             *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgChart, rg_chart_free)

G_END_DECLS
