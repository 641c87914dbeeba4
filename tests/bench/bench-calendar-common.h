/* bench-calendar-common.h — shared by the calendar benchmarks: a frame of
 * a view at the bench size, and the bare query a switch is measured against.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/rg-store.h"

G_BEGIN_DECLS

#define BENCH_CALENDAR_WIDTH  1600
#define BENCH_CALENDAR_HEIGHT 1000

void  bench_lay_out_and_snapshot (GtkWidget *widget);
guint bench_bare_appointments    (RgStore   *store,
                                  gint64     from,
                                  gint64     to,
                                  gint64     staff_id);

G_END_DECLS
