/* rg-day-view.h — one day of the studio: a column per staff member on duty.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-appointment-list.h"
#include "model/rg-studio.h"
#include "util/rg-time.h"
#include "rg-time-grid.h"

G_BEGIN_DECLS

#define RG_TYPE_DAY_VIEW (rg_day_view_get_type ())
G_DECLARE_FINAL_TYPE (RgDayView, rg_day_view, RG, DAY_VIEW, RgTimeGrid)

RgDayView         *rg_day_view_new              (RgStudio      *studio);
RgDate             rg_day_view_get_date         (RgDayView     *self);
void               rg_day_view_set_date         (RgDayView     *self,
                                                 RgDate         date);
guint              rg_day_view_get_n_columns    (RgDayView     *self);
guint              rg_day_view_get_n_items      (RgDayView     *self);
RgAppointmentList *rg_day_view_get_appointments (RgDayView     *self);
RgAppointment     *rg_day_view_get_selected     (RgDayView     *self);
void               rg_day_view_select           (RgDayView     *self,
                                                 RgAppointment *appointment);

G_END_DECLS
