/* rg-month-view.h — a month of the studio at a glance: the load per day.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"
#include "util/rg-time.h"

G_BEGIN_DECLS

#define RG_TYPE_MONTH_VIEW (rg_month_view_get_type ())
G_DECLARE_FINAL_TYPE (RgMonthView, rg_month_view, RG, MONTH_VIEW, GtkWidget)

RgMonthView *rg_month_view_new          (RgStudio    *studio);
RgDate       rg_month_view_get_date     (RgMonthView *self);
void         rg_month_view_set_date     (RgMonthView *self,
                                         RgDate       date);
gint64       rg_month_view_get_staff    (RgMonthView *self);
void         rg_month_view_set_staff    (RgMonthView *self,
                                         gint64       staff_id);
gboolean     rg_month_view_get_day_load (RgMonthView *self,
                                         RgDate       date,
                                         guint       *n_bookings,
                                         double      *booked_hours,
                                         double      *working_hours);

G_END_DECLS
