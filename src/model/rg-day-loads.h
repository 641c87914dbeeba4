/* rg-day-loads.h — how many bookings, and how many hours, each day has.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"
#include "util/rg-time.h"

G_BEGIN_DECLS

typedef struct {
  guint   n_bookings;
  gint64  booked_seconds;
} RgDayLoad;

gboolean rg_booking_day_loads (RgStudio   *studio,
                               RgDate      first,
                               guint       n_days,
                               gint64      staff_id,
                               RgDayLoad  *loads,
                               GError    **error);

G_END_DECLS
