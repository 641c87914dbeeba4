/* rg-staff-schedule.h — the Studio window's commands for staff: a person
 * with their hours and days off in one write, and their order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-schedule.h"
#include "rg-staff.h"
#include "rg-studio.h"

G_BEGIN_DECLS

/* A person's week and days off as edited. */
typedef struct {
  GArray *hours[7];   /* RgSpan per weekday, Monday first; NULL: left as it is */
  GArray *days_off;   /* RgDayOff: every day off from @from to @to; NULL: left as they are */
  RgDate  from;
  RgDate  to;
  GArray *rates;      /* RgServiceRate (rg-money-settings.h): the person's own rates for services; NULL: left as they are */
} RgStaffSchedule;

gboolean  rg_staff_save_with_schedule (RgStudio               *studio,
                                       RgStaff                *staff,
                                       const RgStaffSchedule  *schedule,
                                       GError                **error);
GArray   *rg_staff_load_hours         (RgStudio               *studio,
                                       gint64                  staff_id,
                                       int                     weekday,
                                       GError                **error) G_GNUC_WARN_UNUSED_RESULT;
GArray   *rg_staff_load_days_off      (RgStudio               *studio,
                                       gint64                  staff_id,
                                       RgDate                  from,
                                       RgDate                  to,
                                       GError                **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_staff_set_order          (RgStudio               *studio,
                                       GPtrArray              *staff,
                                       GError                **error);

G_END_DECLS
