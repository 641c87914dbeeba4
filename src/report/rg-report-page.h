/* rg-report-page.h — a report's page, drawn once with Cairo and written as
 * a PDF, PNG or SVG file (or drawn on any cairo_t, such as a printer's).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "chart/rg-chart.h"

G_BEGIN_DECLS

/* Draws a page on @cr, from (0, 0) in the page's own units. */
typedef void (*RgReportPageFunc) (cairo_t  *cr,
                                  gpointer  user_data);

/* One page @width × @height units: a PNG or SVG of that size, a PDF as
 * wide as A4 with the page scaled to it, as long as it needs (at least
 * A4). */
gboolean rg_report_page_write (RgChartFormat      format,
                               const char        *path,
                               double             width,
                               double             height,
                               RgReportPageFunc   draw,
                               gpointer           user_data,
                               GError           **error);

/* @text in @font (a Pango description), wrapped to @width, its top left
 * at @x, @y, in the source colour of @cr. */
void     rg_report_page_text  (cairo_t           *cr,
                               const char        *font,
                               const char        *text,
                               double             x,
                               double             y,
                               double             width);

G_END_DECLS
