/* rg-client-stats.h — figures about one client for the card.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/rg-store.h"

G_BEGIN_DECLS

typedef struct {
  guint   visits;           /* appointments with status done */
  gint64  first_visit_at;   /* 0: none */
  gint64  last_visit_at;    /* 0: none */
  gint64  next_booking_at;  /* 0: nothing booked ahead */
  gint64  total_spent;      /* minor units, over done visits */
} RgClientStats;

gboolean rg_client_stats_compute (RgStore        *store,
                                  gint64          client_id,
                                  gint64          now,
                                  RgClientStats  *stats,
                                  GError        **error);

G_END_DECLS
