/* rg-schedule.h — when staff work: hours per weekday and days off.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "util/rg-time.h"
#include "store/rg-store.h"

G_BEGIN_DECLS

/* [start, end) in minutes from local midnight. */
typedef struct {
  int start_minute;
  int end_minute;
} RgSpan;

/* A day off and why, e.g. "Vacation"; reason may be NULL. */
typedef struct {
  RgDate  date;
  char   *reason;
} RgDayOff;

gboolean  rg_schedule_check_hours    (const RgSpan *spans,
                                      guint        n_spans,
                                      GError     **error);
GArray   *rg_schedule_get_hours      (RgStore     *store,
                                      gint64       staff_id,
                                      int          weekday,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_schedule_set_hours      (RgStore     *store,
                                      gint64       staff_id,
                                      int          weekday,
                                      const RgSpan *spans,
                                      guint        n_spans,
                                      GError     **error);
gboolean  rg_schedule_is_day_off     (RgStore     *store,
                                      gint64       staff_id,
                                      RgDate       date,
                                      gboolean    *day_off,
                                      GError     **error);
gboolean  rg_schedule_set_day_off    (RgStore     *store,
                                      gint64       staff_id,
                                      RgDate       date,
                                      gboolean     day_off,
                                      const char  *reason,
                                      GError     **error);
GArray   *rg_schedule_list_days_off  (RgStore     *store,
                                      gint64       staff_id,
                                      RgDate       from,
                                      RgDate       to,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
GArray   *rg_schedule_working_spans  (RgStore     *store,
                                      gint64       staff_id,
                                      RgDate       date,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_schedule_spans_cover    (GArray      *spans,
                                      int          start_minute,
                                      int          end_minute);

G_END_DECLS
