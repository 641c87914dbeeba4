/* rg-calendar-view.h — the Calendar page: navigation and the day view.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"
#include "util/rg-time.h"
#include "widgets/editor/rg-appointment-editor.h"
#include "rg-day-view.h"
#include "rg-month-view.h"
#include "rg-week-view.h"

G_BEGIN_DECLS

typedef enum {
  RG_CALENDAR_MODE_DAY,
  RG_CALENDAR_MODE_WEEK,
  RG_CALENDAR_MODE_MONTH,
} RgCalendarMode;

#define RG_TYPE_CALENDAR_VIEW (rg_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (RgCalendarView, rg_calendar_view, RG, CALENDAR_VIEW, AdwBin)

void       rg_calendar_view_set_studio   (RgCalendarView *self,
                                          RgStudio       *studio);
RgDate     rg_calendar_view_get_date     (RgCalendarView *self);
void       rg_calendar_view_set_date     (RgCalendarView *self,
                                          RgDate          date);
RgDayView *rg_calendar_view_get_day_view (RgCalendarView *self);
RgWeekView *rg_calendar_view_get_week_view (RgCalendarView *self);
RgMonthView *rg_calendar_view_get_month_view (RgCalendarView *self);
RgCalendarMode rg_calendar_view_get_mode  (RgCalendarView *self);
void       rg_calendar_view_set_mode     (RgCalendarView *self,
                                          RgCalendarMode  mode);

void       rg_calendar_view_focus_content (RgCalendarView *self);
RgAppointmentEditor *rg_calendar_view_book_client (RgCalendarView *self,
                                                  RgClient       *client,
                                                  gint64          service_id,
                                                  gint64          staff_id,
                                                  const RgCall   *call);

G_END_DECLS
