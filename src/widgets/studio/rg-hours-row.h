/* rg-hours-row.h — one weekday's working hours: works or a day off, and
 * one or more spans (a lunch break makes two).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-schedule.h"

G_BEGIN_DECLS

#define RG_TYPE_HOURS_ROW (rg_hours_row_get_type ())
G_DECLARE_FINAL_TYPE (RgHoursRow, rg_hours_row, RG, HOURS_ROW, AdwExpanderRow)

GtkWidget *rg_hours_row_new         (int            weekday) G_GNUC_WARN_UNUSED_RESULT;
int        rg_hours_row_get_weekday (RgHoursRow    *self);
void       rg_hours_row_set_spans   (RgHoursRow    *self,
                                     const RgSpan  *spans,
                                     guint          n_spans);
GArray    *rg_hours_row_get_spans   (RgHoursRow    *self) G_GNUC_WARN_UNUSED_RESULT;
char      *rg_hours_row_dup_day_name (int           weekday) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
