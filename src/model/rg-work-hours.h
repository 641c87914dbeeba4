/* rg-work-hours.h — who works when over a few weeks, read in two queries,
 * for the day, week and month views.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-schedule.h"
#include "rg-studio.h"
#include "util/rg-time.h"
#include "store/rg-store.h"

G_BEGIN_DECLS

typedef struct _RgWorkHours RgWorkHours;

RgWorkHours *rg_work_hours_load       (RgStore      *store,
                                       gint64        staff_id,
                                       RgDate        from,
                                       RgDate        to,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
RgWorkHours *rg_studio_work_hours     (RgStudio     *studio,
                                       gint64        staff_id,
                                       RgDate        from,
                                       RgDate        to,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void         rg_work_hours_free       (RgWorkHours  *self);
GArray      *rg_work_hours_spans      (RgWorkHours  *self,
                                       RgDate        date) G_GNUC_WARN_UNUSED_RESULT;
GArray      *rg_work_hours_staff_spans (RgWorkHours *self,
                                       gint64        staff_id,
                                       RgDate        date) G_GNUC_WARN_UNUSED_RESULT;
int          rg_work_hours_minutes    (RgWorkHours  *self,
                                       RgDate        date);
gboolean     rg_work_hours_day_off    (RgWorkHours  *self,
                                       RgDate        date,
                                       const char  **reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgWorkHours, rg_work_hours_free)

G_END_DECLS
