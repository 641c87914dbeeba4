/* rg-dashboard.h — the retention dashboard's figures for a period.
 *
 * BRIEF 4, with D the reference day and P the period:
 * - New-client retention (P): of clients whose first visit is in P, the
 *   share with a second visit within 90 days of the first (only clients
 *   whose first visit is at least 90 days before D count).
 * - Existing-client retention (P): of clients with a visit in the 90 days
 *   before P's start (and a visit before that), the share with a visit in P.
 * - Churn (the year up to D): of clients with a visit in the 365 days
 *   before that year's start, the share with no visit in the year.
 * - Returning share: of clients with a visit in P, those who came before P.
 * - Average check: revenue ÷ visits (in P). Visit frequency: visits per
 *   active client per year (the 365 days up to D). Annual spend: revenue of
 *   those 365 days per active client. Lifetime value: all revenue per client
 *   who ever visited. Relationship length: first to last visit, on average.
 * - Share of revenue from regulars: revenue in P of clients who are
 *   regulars on D (3+ visits, not lost), against the seeds' 65 %.
 * - No-show rate: no-shows ÷ (visits + no-shows) in P. Complaints: opened
 *   in the 365 days up to D.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-retention.h"

G_BEGIN_DECLS

#define RG_REGULARS_REVENUE_REFERENCE 65.0   /* % of turnover from repeat clients (002:L418) */

typedef struct {
  double numerator;
  double denominator;
} RgShare;

double rg_share_percent (const RgShare *share);   /* NAN when nothing to divide */

#define RG_DASHBOARD_MONTHS 12

/* Clients by the month of their first visit, and the share still coming
 * each month after (0: the first month itself, always 100 %). */
typedef struct {
  RgDate   month;                      /* the 1st */
  guint    clients;
  double   share[RG_DASHBOARD_MONTHS]; /* percent; NAN: that month is not over yet */
} RgCohort;

/* A master's clients: those who came to them in the year (or its base). */
typedef struct {
  gint64   staff_id;
  char    *name;
  RgShare  churn;                      /* base year clients of this master who did not come back at all */
  RgShare  dependency;                 /* this year's clients who saw no other master */
} RgMasterRisk;

/* One master's or one service's part of the period: the figures above
 * counted on the visits with that master, or with that service. A client
 * counts for a master or service when a visit in question was theirs (the
 * first visit for new-client retention; one in the 90 days before P for
 * existing-client retention; one in the base year for churn); coming back
 * means a visit to the studio, with anyone. Revenue: a master's is their
 * visits' prices, a service's its lines' prices (a visit counts once for a
 * service listed twice in it). Complaints: those naming the master or the
 * service, opened in the 365 days up to D. */
typedef struct {
  gint64   id;
  char    *name;
  guint    clients;                    /* with a visit in P */
  guint    visits;                     /* done, in P */
  gint64   revenue;
  double   average_check;              /* NAN without visits */
  RgShare  new_retention;
  RgShare  existing_retention;
  RgShare  returning;
  RgShare  regulars_revenue;
  RgShare  no_shows;
  RgShare  churn;
  double   visit_frequency;            /* visits with them (with it) in the 365 days up to D per client who came */
  double   annual_spend;               /* those visits' (lines') revenue per such client */
  double   lifetime_value;             /* their visits' (lines') revenue up to D per client who ever came */
  double   relationship_days;          /* first to last visit with them (with it), on average, for those clients */
  guint    complaints_year;
} RgBreakdown;

typedef struct {
  RgDate   from;                       /* P */
  RgDate   to;
  RgDate   as_of;                      /* D */

  guint    clients;                    /* not deleted */
  guint    statuses[RG_CLIENT_N_STATUSES];
  guint    regulars, vips, one_time;

  RgShare  new_retention;
  RgShare  existing_retention;
  RgShare  churn;
  RgShare  returning;
  RgShare  regulars_revenue;          /* money */
  RgShare  no_shows;

  guint    visits;                     /* in P */
  gint64   revenue;                    /* in P */
  double   average_check;              /* NAN without visits */
  double   visit_frequency;            /* visits per active client per year */
  double   annual_spend;               /* per active client, minor units */
  double   lifetime_value;             /* per client who ever visited */
  double   relationship_days;          /* average, first to last visit */
  guint    complaints_year;

  /* Charts */
  RgDate   trend_month[RG_DASHBOARD_MONTHS];     /* the last twelve months up to D's */
  RgShare  trend[RG_DASHBOARD_MONTHS];           /* existing-client retention of each month */
  RgCohort cohorts[RG_DASHBOARD_MONTHS];         /* the last twelve months' newcomers */
  GPtrArray *masters;                            /* RgMasterRisk, by name */

  /* By master and by service: RgBreakdown, the most revenue first. */
  GPtrArray *by_master;
  GPtrArray *by_service;
} RgDashboard;

RgDashboard *rg_dashboard_compute (RgStore        *store,
                                   RgDate          from,
                                   RgDate          to,
                                   RgDate          as_of,
                                   GCancellable   *cancellable,
                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;
RgDashboard *rg_dashboard_compute_with (RgStore     *store,
                                        GArray      *rhythms,
                                        RgDate       from,
                                        RgDate       to,
                                        RgDate       as_of,
                                        GCancellable *cancellable,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
void         rg_dashboard_free    (RgDashboard    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgDashboard, rg_dashboard_free)

G_END_DECLS
