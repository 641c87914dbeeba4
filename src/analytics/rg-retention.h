/* rg-retention.h — each client's rhythm and status on a reference day.
 *
 * BRIEF 4 is the contract, stated here once:
 * - A visit is an appointment with status done; days are local calendar
 *   days; visits count up to and including day D.
 * - Typical interval T: with 3 visits or more, the median of the gaps in
 *   days between consecutive visits (the mean of the two middle gaps when
 *   their number is even); else the recommended repeat interval of the main
 *   service (the first listed) of the last visit; else the studio default,
 *   42 days.
 * - Status on day D, the first rule that applies, d = days from the last
 *   visit to D: booked (a booked or confirmed appointment starts after day
 *   D); never visited (no visit up to D); new (exactly one visit, at most 90
 *   days before D); lost (d > 3·T or d > 365); on track (d ≤ T); due
 *   (T < d ≤ 1.5·T); sleeping otherwise.
 * - Segments: regular (3 visits or more, not lost); VIP (the top 20 % of
 *   clients who are not lost, by revenue in the 365 days up to D);
 *   one-time (exactly one visit, more than 90 days before D).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/rg-client-standing.h"
#include "util/rg-time.h"
#include "store/rg-store.h"

G_BEGIN_DECLS

#define RG_DEFAULT_INTERVAL_DAYS 42

typedef enum {
  RG_INTERVAL_MEDIAN,     /* from the client's own visits */
  RG_INTERVAL_SERVICE,    /* the last visit's main service */
  RG_INTERVAL_DEFAULT,    /* the studio's */
  RG_INTERVAL_UNCOUNTED,  /* rg_retention_load(): lost by the 365-day rule, not needed */
} RgIntervalSource;

typedef struct {
  gint64            client_id;
  guint             visits;           /* up to and including D */
  RgDate            first_visit;      /* valid when visits > 0 */
  RgDate            last_visit;
  double            interval;         /* T, days */
  RgIntervalSource  interval_source;
  int               days_since;       /* d; -1 without a visit */
  RgDate            expected;         /* last visit + T, rounded up; valid when visits > 0 */
  RgClientStatus    status;
  guint             segments;         /* RgClientSegments */
  gint64            revenue_365;      /* done visits in the 365 days up to D, minor units */
  gint64            revenue;          /* all done visits up to D */
} RgClientRhythm;

/* The rules on one client's visits: @visit_days sorted, local days of done
 * visits up to D (later ones are ignored). @service_interval is the repeat
 * interval of the last visit's main service (0: none); @booked_after, a
 * booked or confirmed appointment after D. Segments other than VIP (which
 * needs everyone) are filled in. */
void        rg_rhythm_compute           (const RgDate   *visit_days,
                                         guint           n_visits,
                                         RgDate          day,
                                         int             service_interval,
                                         int             default_interval,
                                         gboolean        booked_after,
                                         RgClientRhythm *rhythm);

/* Marks the VIPs among @rhythms (RgClientRhythm): the top 20 % of the
 * clients who are not lost by revenue_365; clients tied with the last one
 * in count as well; a client with no revenue is never a VIP. */
void        rg_rhythm_mark_vip          (GArray         *rhythms);

/* Every client who is not deleted, on @day. The visits are read only for
 * clients whose status needs them: a client whose last visit is more than
 * 365 days before @day is lost whatever the interval, which is then left
 * uncounted (RG_INTERVAL_UNCOUNTED, expected unset) — the card's
 * rg_retention_load_client() always counts it. */
GArray     *rg_retention_load           (RgStore        *store,
                                         RgDate          day,
                                         GCancellable   *cancellable,
                                         GError        **error) G_GNUC_WARN_UNUSED_RESULT;
RgClientStandings *rg_retention_load_standings (RgStore        *store,
                                         RgDate          day,
                                         GCancellable   *cancellable,
                                         GError        **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rg_retention_load_client    (RgStore        *store,
                                         gint64          client_id,
                                         RgDate          day,
                                         RgClientRhythm *rhythm,
                                         GError        **error);

const char *rg_client_status_to_string  (RgClientStatus  status);
const char *rg_client_status_to_nick    (RgClientStatus  status);
/* "How is this counted", for each status. */
const char *rg_client_status_explain    (RgClientStatus  status);

G_END_DECLS
