/* rg-liabilities.h — what the studio owes on a day: the prepaid money and
 * rewards its clients hold, read from the ledgers of schema format 16; no
 * GTK.
 *
 * Definitions (the report states them in words, rg-report-liabilities.c),
 * as of the end of day D (local time), every ledger row up to then:
 * - deposits: each client's deposit balance (the sum of their deposit
 *   ledger); the clients with a positive one;
 * - certificates: the balance of each gift certificate sold by then and
 *   still valid at the end of D (it expires after D);
 * - subscriptions: of each subscription sold by then and not expired at
 *   the end of D (one that runs from its first use and was never used has
 *   not started, so it has not expired), the visits left × its price ÷ its
 *   visits, rounded half up to the minor unit, subscription by
 *   subscription;
 * - points: each client's points balance × the value of a point (the
 *   studio's setting, today's);
 * - the total of the four.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/rg-store.h"
#include "util/rg-time.h"

G_BEGIN_DECLS

/* A client who holds a deposit or points. */
typedef struct {
  gint64  client_id;
  char   *name;
  gint64  deposit;         /* minor units */
  gint64  points;          /* whole points */
  gint64  points_value;    /* points × the point's value, minor units */
} RgLiabilityClient;

typedef struct {
  RgDate      as_of;
  gint64      point_value;          /* minor units a point is worth */

  gint64      deposits;             /* minor units */
  guint       deposit_clients;      /* clients with a positive deposit */
  gint64      certificates;         /* the balances of valid certificates */
  guint       n_certificates;       /* valid certificates with a balance */
  gint64      subscriptions;        /* unused visits at their price */
  guint       n_subscriptions;      /* subscriptions not expired with visits left */
  gint64      subscription_visits;  /* their visits left */
  gint64      points;               /* whole points */
  gint64      points_value;         /* points × point_value */
  guint       points_clients;       /* clients with points */
  gint64      total;                /* deposits + certificates + subscriptions + points_value */

  GPtrArray  *clients;              /* of RgLiabilityClient with a deposit or points, by name */
} RgLiabilities;

/* Everything in one read transaction on @store. NULL with @error set
 * (an invalid date). */
RgLiabilities *rg_liabilities_compute (RgStore   *store,
                                       RgDate     as_of,
                                       GError   **error) G_GNUC_WARN_UNUSED_RESULT;
/* The figures and counts alone: @clients is empty, no name is read. */
RgLiabilities *rg_liabilities_compute_figures (RgStore   *store,
                                               RgDate     as_of,
                                               GError   **error) G_GNUC_WARN_UNUSED_RESULT;
void           rg_liabilities_free    (RgLiabilities *liabilities);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgLiabilities, rg_liabilities_free)

/* What the unused visits of a subscription are worth: @remaining × @price
 * ÷ @visits, rounded half up; 0 for nothing left. */
gint64         rg_liabilities_unused_value (gint64 remaining,
                                            gint64 price,
                                            gint64 visits);

G_END_DECLS
