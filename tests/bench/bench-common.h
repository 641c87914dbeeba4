/* bench-common.h — shared by the benchmarks: the reference database and
 * the one-line report.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *bench_reference_db   (void);
double  bench_percentile     (GArray     *values_ms,
                              double      percentile);
void    bench_report         (const char *name,
                              double      value,
                              const char *unit,
                              double      baseline,
                              double      goal_ratio,
                              double      goal_value);
void    bench_report_over    (const char *name,
                              double      value,
                              const char *unit,
                              double      baseline,
                              double      goal_over);

typedef struct _RgStore RgStore;
void    bench_card_queries   (RgStore    *store,
                              gint64      client_id);

G_END_DECLS
