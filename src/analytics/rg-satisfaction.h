/* rg-satisfaction.h — the satisfaction panel's figures for a period.
 *
 * BRIEF 4: CSAT is the share of 1–5 ratings that are 4 or 5; NPS is the
 * percentage of 9–10 minus the percentage of 0–6 on the 0–10 question.
 * A rating belongs to the period of its visit (an appointment with status
 * done), so the response rate is rated visits ÷ done visits of one period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "util/rg-time.h"
#include "store/rg-store.h"

G_BEGIN_DECLS

typedef enum {
  RG_SATISFACTION_BY_WEEK,
  RG_SATISFACTION_BY_MONTH,
} RgSatisfactionStep;

typedef struct {
  RgDate              from;          /* first local day of the period */
  RgDate              to;            /* last local day, included */
  gint64              staff_id;      /* 0: every master */
  gint64              service_id;    /* 0: every service */
  RgSatisfactionStep  step;          /* the trend's buckets */
  guint               max_comments;  /* 0: 30 */
} RgSatisfactionQuery;

typedef struct {
  guint  ratings;
  guint  score_sum;
  guint  satisfied;     /* scores 4 and 5 */
  guint  nps_answers;
  guint  promoters;     /* 9–10 */
  guint  passives;      /* 7–8 */
  guint  detractors;    /* 0–6 */
} RgScoreTally;

/* NAN when there is nothing to divide. */
double  rg_score_tally_average (const RgScoreTally *tally);
double  rg_score_tally_csat    (const RgScoreTally *tally);   /* percent */
double  rg_score_tally_nps     (const RgScoreTally *tally);   /* -100..100 */

typedef struct {
  RgDate        start;        /* the Monday or the 1st; clipped to the period */
  RgDate        end;          /* last day, clipped */
  guint         visits;
  RgScoreTally  tally;
  guint         complaints;   /* opened in the bucket */
} RgSatisfactionBucket;

typedef struct {
  gint64        id;
  char         *name;
  guint         visits;
  RgScoreTally  tally;
} RgSatisfactionGroup;

typedef struct {
  gint64  rating_id;
  gint64  appointment_id;
  gint64  client_id;
  gint64  starts_at;
  int     score;
  int     nps;        /* -1: not answered */
  char   *client;     /* how to address */
  char   *staff;
  char   *why;
} RgSatisfactionComment;

/* A scored question of the full questionnaire. */
typedef struct {
  const char *key;          /* rg-survey's key */
  guint       answers;
  guint       score_sum;    /* 1–10 each */
} RgSatisfactionQuestion;

/* An unresolved complaint, or an answer of the refusal questionnaire. */
typedef struct {
  gint64  id;               /* the complaint's; 0 for a refusal */
  gint64  client_id;
  gint64  at;
  char   *client;
  char   *staff;            /* complaints: the master, if known */
  char   *text;
  char   *detail;           /* a complaint's status nick; a refusal's question key */
} RgSatisfactionNote;

typedef struct {
  RgSatisfactionQuery  query;
  guint                visits;            /* done visits in the period */
  RgScoreTally         total;
  guint                distribution[5];   /* scores 1..5 */
  guint                nps_distribution[11];
  guint                complaints;        /* opened in the period */
  guint                open_complaints;   /* opened by its end, not resolved now */
  GArray              *buckets;           /* RgSatisfactionBucket */
  GPtrArray           *by_staff;          /* RgSatisfactionGroup, masters with a visit */
  GPtrArray           *by_service;        /* RgSatisfactionGroup, services of a visit */
  GPtrArray           *comments;          /* RgSatisfactionComment, worst first, then newest */
  GArray              *questions;         /* RgSatisfactionQuestion: answers in the period, questionnaire order */
  guint                questionnaires;    /* clients' full questionnaires answered in the period */
  GPtrArray           *open_list;         /* RgSatisfactionNote: unresolved complaints, newest first */
  GPtrArray           *refusals;          /* RgSatisfactionNote: why clients left, newest first (no filters) */
} RgSatisfaction;

double            rg_satisfaction_response_rate  (const RgSatisfaction *self);  /* percent, NAN */

RgSatisfaction   *rg_satisfaction_compute        (RgStore                   *store,
                                                  const RgSatisfactionQuery *query,
                                                  GCancellable              *cancellable,
                                                  GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
void              rg_satisfaction_free           (RgSatisfaction            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgSatisfaction, rg_satisfaction_free)

G_END_DECLS
