/* rg-week-view.h — a week of the studio: a column per day.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-appointment-list.h"
#include "model/rg-studio.h"
#include "util/rg-time.h"
#include "rg-time-grid.h"

G_BEGIN_DECLS

#define RG_TYPE_WEEK_VIEW (rg_week_view_get_type ())
G_DECLARE_FINAL_TYPE (RgWeekView, rg_week_view, RG, WEEK_VIEW, RgTimeGrid)

RgWeekView        *rg_week_view_new              (RgStudio      *studio);
RgDate             rg_week_view_get_date         (RgWeekView    *self);
void               rg_week_view_set_date         (RgWeekView    *self,
                                                  RgDate         date);
RgDate             rg_week_view_get_week_start   (RgWeekView    *self);
gint64             rg_week_view_get_staff        (RgWeekView    *self);
void               rg_week_view_set_staff        (RgWeekView    *self,
                                                  gint64         staff_id);
RgAppointmentList *rg_week_view_get_appointments (RgWeekView    *self);
RgAppointment     *rg_week_view_get_selected     (RgWeekView    *self);
void               rg_week_view_select           (RgWeekView    *self,
                                                  RgAppointment *appointment);

gboolean           rg_week_view_get_day_compact (RgWeekView *self,
                                                 int         day);

G_END_DECLS
