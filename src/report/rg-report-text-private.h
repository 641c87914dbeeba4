/* rg-report-text-private.h — what every report's text is made of.
 *
 * A report's figures are label–value pairs, printed with the values in one
 * column however long the labels are in the reader's language. A table is
 * rows of cells, the first row its header; its columns are as wide as their
 * widest cell in characters, the first left-aligned, the numbers
 * right-aligned. A cell is a new string; "—" stands for nothing to count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "analytics/rg-dashboard.h"
#include "util/rg-time.h"

G_BEGIN_DECLS

/* Pairs: rows of two in an rg_report_table_new() array; an empty label
 * and value make a blank line between groups. */
void           rg_report_pair_add       (GPtrArray     *pairs,
                                         const char    *label,
                                         char          *value);
/* @decimals: digits after the point; a negative number shows the sign. */
void           rg_report_pair_figure    (GPtrArray     *pairs,
                                         const char    *label,
                                         double         value,
                                         int            decimals);
void           rg_report_append_pairs   (GString       *out,
                                         GPtrArray     *pairs);

typedef GPtrArray RgReportTable;   /* of GStrv */

RgReportTable *rg_report_table_new      (void);
/* Adds a row of cells, which it takes; NULL-terminated. */
void           rg_report_table_add      (RgReportTable *table,
                                         char          *first,
                                         ...) G_GNUC_NULL_TERMINATED;
void           rg_report_table_add_strv (RgReportTable *table,
                                         GStrv          cells);
/* A blank line, @title and the table; nothing for a header alone. */
void           rg_report_append_table   (GString       *out,
                                         const char    *title,
                                         RgReportTable *table);
/* The same with the first @n_left columns left-aligned. */
void           rg_report_append_table_left (GString       *out,
                                            const char    *title,
                                            RgReportTable *table,
                                            guint          n_left);

char          *rg_report_cell_percent   (double         percent);
char          *rg_report_cell_share     (const RgShare *share);
/* "12 / 40": what a share was counted on. */
char          *rg_report_cell_counts    (const RgShare *share);
char          *rg_report_cell_number    (double         value,
                                         int            decimals);
/* Money as the window shows it: "1,300", "42.50". */
char          *rg_report_cell_money     (double         minor_units);
/* "2026-11" */
char          *rg_report_cell_month     (RgDate         month);

G_END_DECLS
