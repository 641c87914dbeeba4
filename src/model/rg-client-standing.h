/* rg-client-standing.h — where a client stands on a day: their status in
 * their rhythm of visits and the segments they belong to (BRIEF 4). The
 * analytics count them (rg_retention_load_standings()); the model's lists
 * are given that count, so that the model does not reach up into the
 * analytics.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "util/rg-time.h"
#include "rg-types.h"

G_BEGIN_DECLS

typedef enum {
  RG_CLIENT_BOOKED,
  RG_CLIENT_NEVER_VISITED,
  RG_CLIENT_NEW,
  RG_CLIENT_LOST,
  RG_CLIENT_ON_TRACK,
  RG_CLIENT_DUE,
  RG_CLIENT_SLEEPING,
  RG_CLIENT_N_STATUSES,
} RgClientStatus;

typedef enum {
  RG_SEGMENT_REGULAR  = 1 << 0,
  RG_SEGMENT_VIP      = 1 << 1,
  RG_SEGMENT_ONE_TIME = 1 << 2,
} RgClientSegments;

/* Every client's standing, about 10 bytes a client: their ids in
 * ascending order and a byte each of status and segments. */
typedef struct {
  GArray *ids;        /* gint64, ascending */
  guint8 *status;     /* RgClientStatus, one per id */
  guint8 *segments;   /* RgClientSegments, one per id */
  guint   capacity;   /* of status and segments */
} RgClientStandings;

RgClientStandings *rg_client_standings_new  (guint              n_reserved);
void               rg_client_standings_add  (RgClientStandings *self,
                                             gint64             client_id,
                                             RgClientStatus     status,
                                             guint              segments);
void               rg_client_standings_free (RgClientStandings *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgClientStandings, rg_client_standings_free)

/* Every client's standing on @day (clients not deleted), or NULL with
 * @error set. Runs on whatever connection and thread it is given. */
typedef RgClientStandings *(*RgStandingsFunc) (RgStore       *store,
                                               RgDate         day,
                                               GCancellable  *cancellable,
                                               GError       **error);

G_END_DECLS
