/* crash-common.h — what the crash writer and its driver agree on.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-enums.h"

G_BEGIN_DECLS

/* Appointments land on 15-minute slots from 1 January 2030 (UTC) over five
 * years, so that two random ones rarely meet. */
#define CRASH_FIRST_DAY     G_GINT64_CONSTANT (1893456000)
#define CRASH_SLOT_SECONDS  (15 * 60)
#define CRASH_SLOTS         (5 * 365 * 96)
#define CRASH_MINUTES       60
#define CRASH_PRICE         150000
#define CRASH_IMPORT_MIN    20
#define CRASH_IMPORT_MAX    200

static inline const char *
crash_status_name (RgAppointmentStatus status)
{
  static const char *names[] = { "booked", "confirmed", "arrived", "done", "cancelled", "no_show" };

  g_return_val_if_fail (status <= RG_APPOINTMENT_NO_SHOW, "?");
  return names[status];
}

G_END_DECLS
