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
  guint   appointments;     /* any status: what the visit history lists */
} RgClientStats;

gboolean rg_client_stats_compute (RgStore        *store,
                                  gint64          client_id,
                                  gint64          now,
                                  RgClientStats  *stats,
                                  GError        **error);

/* One visit in a client's history. */
typedef struct {
  gint64  appointment_id;
  gint64  starts_at;
  char   *status;           /* the stored nick: booked, done, cancelled... */
  gint64  price;
  char   *staff;            /* the master's name */
  char   *services;         /* "Haircut, Styling" */
  int     score;            /* 1..5, 0: not rated */
  char   *why;              /* the rating's comment */
} RgVisit;

void       rg_visit_free              (RgVisit        *visit);
GPtrArray *rg_client_history_load     (RgStore        *store,
                                       gint64          client_id,
                                       guint           limit,
                                       GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgVisit, rg_visit_free)

G_END_DECLS
