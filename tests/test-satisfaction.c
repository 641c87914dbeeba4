/* test-satisfaction.c — the satisfaction panel's figures on hand-computed
 * fixtures: no ratings, one rating, NPS with only passives, a mixed month,
 * filters, complaints, comments and local period boundaries.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "analytics/rg-satisfaction.h"
#include "report/rg-report.h"
#include "model/rg-appointment.h"
#include "model/rg-client.h"
#include "model/rg-interaction.h"
#include "model/rg-rating.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"
#include "model/rg-survey.h"
#include "test-util.h"

typedef struct {
  RgStore  *store;
  RgStudio *studio;
  gint64    client, other;
  gint64    anna, olga;     /* masters */
  gint64    cut, colour;    /* services */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new ("Вера", "+7 912 000-00-01");
  g_autoptr(RgClient) other = rg_client_new ("Лида", "+7 912 000-00-02");
  g_autoptr(RgStaff) anna = rg_staff_new ("Анна", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgStaff) olga = rg_staff_new ("Ольга", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgService) cut = rg_service_new ("Стрижка", 60, 150000);
  g_autoptr(RgService) colour = rg_service_new ("Окрашивание", 120, 400000);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Moscow");

  rg_time_set_zone (zone);
  f->store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);
  g_assert_true (rg_studio_save (f->studio, client, &error));
  g_assert_true (rg_studio_save (f->studio, other, &error));
  g_assert_true (rg_studio_save (f->studio, anna, &error));
  g_assert_true (rg_studio_save (f->studio, olga, &error));
  g_assert_true (rg_studio_save (f->studio, cut, &error));
  g_assert_true (rg_studio_save (f->studio, colour, &error));
  g_assert_no_error (error);
  f->client = rg_record_get_id (RG_RECORD (client));
  f->other = rg_record_get_id (RG_RECORD (other));
  f->anna = rg_record_get_id (RG_RECORD (anna));
  f->olga = rg_record_get_id (RG_RECORD (olga));
  f->cut = rg_record_get_id (RG_RECORD (cut));
  f->colour = rg_record_get_id (RG_RECORD (colour));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  g_clear_object (&f->store);
  rg_time_set_zone (NULL);
}

/* Local wall-clock time in Moscow (UTC+3, no daylight saving). */
static gint64
at (int year, int month, int day, int hour, int minute)
{
  RgDate date = { year, month, day };

  return rg_time_from_local (date, hour * 60 + minute);
}

static gint64
visit (Fixture             *f,
       gint64               client,
       gint64               staff,
       gint64               service,
       gint64               starts_at,
       RgAppointmentStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) a = rg_appointment_new (client, staff, starts_at, starts_at + 3600);
  g_autoptr(RgStmt) stmt = NULL;
  gint64 id;

  rg_appointment_set_status (a, status);
  g_assert_true (rg_studio_save (f->studio, a, &error));
  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (a));

  stmt = rg_store_prepare (f->store,
                           "INSERT INTO appointment_services (id, appointment_id, service_id, position,"
                           " duration_minutes, price, created_at, updated_at) VALUES (?1, ?2, ?3, 0, 60, 0, 0, 0)",
                           &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, service);
  g_assert_true (rg_store_step_done (f->store, stmt, &error));
  g_assert_no_error (error);
  return id;
}

static void
rate (Fixture    *f,
      gint64      appointment,
      int         score,
      int         nps,
      const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgRating) r = rg_rating_new (appointment, score);

  g_object_set (r, "nps", nps, "why", why, NULL);
  g_assert_true (rg_studio_save (f->studio, r, &error));
  g_assert_no_error (error);
}

static void
complain (Fixture           *f,
          gint64             client,
          gint64             staff,
          gint64             occurred_at,
          RgComplaintStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgInteraction) i = rg_interaction_new (client, RG_INTERACTION_COMPLAINT, "Долго ждала");

  g_object_set (i, "staff-id", staff, "occurred-at", occurred_at, NULL);
  rg_interaction_set_complaint_status (i, status);
  g_assert_true (rg_studio_save (f->studio, i, &error));
  g_assert_no_error (error);
}

static RgSatisfaction *
compute (Fixture            *f,
         RgDate              from,
         RgDate              to,
         RgSatisfactionStep  step,
         gint64              staff,
         gint64              service)
{
  g_autoptr(GError) error = NULL;
  RgSatisfactionQuery q = { from, to, staff, service, step, 0 };
  RgSatisfaction *s = rg_satisfaction_compute (f->store, &q, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

#define D(y, m, d) ((RgDate) { y, m, d })
#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static void
test_no_ratings (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RgSatisfaction) s = NULL;

  /* Nothing at all. */
  s = compute (f, D (2026, 3, 1), D (2026, 5, 31), RG_SATISFACTION_BY_MONTH, 0, 0);
  g_assert_cmpuint (s->visits, ==, 0);
  g_assert_cmpuint (s->total.ratings, ==, 0);
  g_assert_true (isnan (rg_score_tally_average (&s->total)));
  g_assert_true (isnan (rg_score_tally_csat (&s->total)));
  g_assert_true (isnan (rg_score_tally_nps (&s->total)));
  g_assert_true (isnan (rg_satisfaction_response_rate (s)));
  g_assert_cmpuint (s->buckets->len, ==, 3);
  g_assert_cmpuint (s->by_staff->len, ==, 0);
  g_assert_cmpuint (s->comments->len, ==, 0);
  g_clear_pointer (&s, rg_satisfaction_free);

  /* Visits but no rating: a response rate of 0, still no scores. */
  visit (f, f->client, f->anna, f->cut, at (2026, 3, 10, 12, 0), RG_APPOINTMENT_DONE);
  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, 0, 0);
  g_assert_cmpuint (s->visits, ==, 1);
  assert_close (rg_satisfaction_response_rate (s), 0.0);
  g_assert_true (isnan (rg_score_tally_average (&s->total)));
  g_assert_cmpuint (s->by_staff->len, ==, 1);
  g_assert_cmpuint (((RgSatisfactionGroup *) s->by_staff->pdata[0])->visits, ==, 1);
}

static void
test_one_rating (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RgSatisfaction) s = NULL;

  rate (f, visit (f, f->client, f->anna, f->cut, at (2026, 3, 10, 12, 0), RG_APPOINTMENT_DONE),
        5, RG_RATING_NO_NPS, NULL);
  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, 0, 0);
  g_assert_cmpuint (s->total.ratings, ==, 1);
  assert_close (rg_score_tally_average (&s->total), 5.0);
  assert_close (rg_score_tally_csat (&s->total), 100.0);
  g_assert_true (isnan (rg_score_tally_nps (&s->total)));   /* the question was not answered */
  assert_close (rg_satisfaction_response_rate (s), 100.0);
  g_assert_cmpuint (s->distribution[4], ==, 1);
  g_assert_cmpuint (s->comments->len, ==, 0);               /* no "why" */
}

/* The NPS edges: 0 and 6 are detractors, 7 and 8 passives, 9 and 10
 * promoters (§4: % of 9–10 minus % of 0–6). */
static void
test_nps_edges (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RgSatisfaction) s = NULL;
  static const int answers[] = { 0, 6, 6, 7, 8, 9, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    rate (f, visit (f, f->client, f->anna, f->cut, at (2026, 3, 2 + i, 12, 0), RG_APPOINTMENT_DONE),
          4, answers[i], NULL);
  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, 0, 0);
  g_assert_cmpuint (s->total.nps_answers, ==, 7);
  g_assert_cmpuint (s->total.detractors, ==, 3);
  g_assert_cmpuint (s->total.passives, ==, 2);
  g_assert_cmpuint (s->total.promoters, ==, 2);
  assert_close (rg_score_tally_nps (&s->total), 100.0 * (2 - 3) / 7);
  g_assert_cmpuint (s->nps_distribution[0], ==, 1);
  g_assert_cmpuint (s->nps_distribution[6], ==, 2);
}

static void
test_nps_only_passives (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RgSatisfaction) s = NULL;

  rate (f, visit (f, f->client, f->anna, f->cut, at (2026, 3, 2, 12, 0), RG_APPOINTMENT_DONE), 4, 7, NULL);
  rate (f, visit (f, f->client, f->anna, f->cut, at (2026, 3, 9, 12, 0), RG_APPOINTMENT_DONE), 3, 8, NULL);
  rate (f, visit (f, f->other, f->olga, f->cut, at (2026, 3, 9, 15, 0), RG_APPOINTMENT_DONE), 4, 7, NULL);
  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, 0, 0);
  g_assert_cmpuint (s->total.nps_answers, ==, 3);
  g_assert_cmpuint (s->total.passives, ==, 3);
  g_assert_cmpuint (s->total.promoters, ==, 0);
  g_assert_cmpuint (s->total.detractors, ==, 0);
  assert_close (rg_score_tally_nps (&s->total), 0.0);
  assert_close (rg_score_tally_average (&s->total), 11.0 / 3.0);
  assert_close (rg_score_tally_csat (&s->total), 200.0 / 3.0);
  g_assert_cmpuint (s->nps_distribution[7], ==, 2);
  g_assert_cmpuint (s->nps_distribution[8], ==, 1);
}

/* Six done visits in March (five rated), a cancelled one, one in April:
 *   Anna/cut     5  nps 10  "Прекрасно"       Mar 2
 *   Anna/colour  4  nps 9                     Mar 5
 *   Anna/cut     3  nps 8   "Нормально"       Mar 12
 *   Olga/colour  1  —       "Испортили цвет"  Mar 20
 *   Olga/cut     2  nps 3   "Грубо"           Mar 25
 *   Olga/cut     not rated                    Mar 26
 *   Olga/cut     cancelled, rated 1 (counts nowhere)
 * average 15/5 = 3, CSAT 2/5 = 40 %, NPS (2 − 1)/4 = +25, response 5/6. */
static void
fill_march (Fixture *f)
{
  rate (f, visit (f, f->client, f->anna, f->cut, at (2026, 3, 2, 10, 0), RG_APPOINTMENT_DONE), 5, 10, "Прекрасно");
  rate (f, visit (f, f->other, f->anna, f->colour, at (2026, 3, 5, 10, 0), RG_APPOINTMENT_DONE), 4, 9, "");
  rate (f, visit (f, f->client, f->anna, f->cut, at (2026, 3, 12, 10, 0), RG_APPOINTMENT_DONE), 3, 8, "Нормально");
  rate (f, visit (f, f->other, f->olga, f->colour, at (2026, 3, 20, 10, 0), RG_APPOINTMENT_DONE),
        1, RG_RATING_NO_NPS, "Испортили цвет");
  rate (f, visit (f, f->client, f->olga, f->cut, at (2026, 3, 25, 10, 0), RG_APPOINTMENT_DONE), 2, 3, "Грубо");
  visit (f, f->other, f->olga, f->cut, at (2026, 3, 26, 10, 0), RG_APPOINTMENT_DONE);
  {
    /* Rated while done, then its status changed: it no longer counts. */
    gint64 id = visit (f, f->other, f->olga, f->cut, at (2026, 3, 27, 10, 0), RG_APPOINTMENT_DONE);
    g_autoptr(RgAppointment) a = rg_studio_lookup (f->studio, RG_TYPE_APPOINTMENT, id, NULL);
    g_autoptr(GError) error = NULL;

    rate (f, id, 1, 0, "Отменили");
    rg_appointment_set_status (a, RG_APPOINTMENT_CANCELLED);
    g_assert_true (rg_studio_save (f->studio, a, &error));
    g_assert_no_error (error);
  }
  rate (f, visit (f, f->other, f->olga, f->cut, at (2026, 4, 2, 10, 0), RG_APPOINTMENT_DONE), 5, 10, "Апрель");
}

static void
test_mixed_month (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RgSatisfaction) s = NULL;
  RgSatisfactionGroup *g;
  RgSatisfactionComment *c;

  fill_march (f);
  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_WEEK, 0, 0);

  g_assert_cmpuint (s->visits, ==, 6);
  g_assert_cmpuint (s->total.ratings, ==, 5);
  assert_close (rg_score_tally_average (&s->total), 3.0);
  assert_close (rg_score_tally_csat (&s->total), 40.0);
  assert_close (rg_score_tally_nps (&s->total), 25.0);
  assert_close (rg_satisfaction_response_rate (s), 500.0 / 6.0);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (s->distribution[i], ==, 1);

  /* By master, in name order: Anna 5, 4, 3; Olga 1, 2 (and an unrated visit). */
  g_assert_cmpuint (s->by_staff->len, ==, 2);
  g = s->by_staff->pdata[0];
  g_assert_cmpstr (g->name, ==, "Анна");
  g_assert_cmpuint (g->visits, ==, 3);
  assert_close (rg_score_tally_average (&g->tally), 4.0);
  assert_close (rg_score_tally_csat (&g->tally), 200.0 / 3.0);
  assert_close (rg_score_tally_nps (&g->tally), 200.0 / 3.0);
  g = s->by_staff->pdata[1];
  g_assert_cmpstr (g->name, ==, "Ольга");
  g_assert_cmpuint (g->visits, ==, 3);
  assert_close (rg_score_tally_average (&g->tally), 1.5);
  assert_close (rg_score_tally_nps (&g->tally), -100.0);

  /* By service: colour 4 and 1; cut 5, 3, 2. */
  g_assert_cmpuint (s->by_service->len, ==, 2);
  g = s->by_service->pdata[0];
  g_assert_cmpstr (g->name, ==, "Окрашивание");
  assert_close (rg_score_tally_average (&g->tally), 2.5);
  g = s->by_service->pdata[1];
  g_assert_cmpstr (g->name, ==, "Стрижка");
  assert_close (rg_score_tally_average (&g->tally), 10.0 / 3.0);

  /* Weeks from Monday, the first and last clipped to the month:
   * 1 | 2–8 | 9–15 | 16–22 | 23–29 | 30–31. */
  g_assert_cmpuint (s->buckets->len, ==, 6);
  {
    RgSatisfactionBucket *b0 = &g_array_index (s->buckets, RgSatisfactionBucket, 0);
    RgSatisfactionBucket *b1 = &g_array_index (s->buckets, RgSatisfactionBucket, 1);
    RgSatisfactionBucket *b4 = &g_array_index (s->buckets, RgSatisfactionBucket, 4);
    RgSatisfactionBucket *b5 = &g_array_index (s->buckets, RgSatisfactionBucket, 5);

    g_assert_cmpint (rg_date_compare (b0->start, D (2026, 3, 1)), ==, 0);
    g_assert_cmpint (rg_date_compare (b0->end, D (2026, 3, 1)), ==, 0);
    g_assert_cmpuint (b0->visits, ==, 0);
    g_assert_cmpint (rg_date_compare (b1->start, D (2026, 3, 2)), ==, 0);
    g_assert_cmpint (rg_date_compare (b1->end, D (2026, 3, 8)), ==, 0);
    g_assert_cmpuint (b1->tally.ratings, ==, 2);
    assert_close (rg_score_tally_average (&b1->tally), 4.5);
    g_assert_cmpuint (b4->visits, ==, 2);
    g_assert_cmpuint (b4->tally.ratings, ==, 1);
    g_assert_cmpint (rg_date_compare (b5->end, D (2026, 3, 31)), ==, 0);
    g_assert_cmpuint (b5->visits, ==, 0);
  }

  /* Comments with a "why", worst first: 1, 2, 3, 5 (the empty one is not a comment). */
  g_assert_cmpuint (s->comments->len, ==, 4);
  c = s->comments->pdata[0];
  g_assert_cmpint (c->score, ==, 1);
  g_assert_cmpstr (c->why, ==, "Испортили цвет");
  g_assert_cmpstr (c->client, ==, "Лида");
  g_assert_cmpstr (c->staff, ==, "Ольга");
  g_assert_cmpint (c->nps, ==, -1);
  g_assert_cmpint (((RgSatisfactionComment *) s->comments->pdata[1])->score, ==, 2);
  g_assert_cmpint (((RgSatisfactionComment *) s->comments->pdata[3])->score, ==, 5);
  g_assert_cmpint (((RgSatisfactionComment *) s->comments->pdata[3])->client_id, ==, f->client);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RgSatisfaction) s = NULL;

  fill_march (f);

  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, f->olga, 0);
  g_assert_cmpuint (s->visits, ==, 3);
  g_assert_cmpuint (s->total.ratings, ==, 2);
  assert_close (rg_score_tally_average (&s->total), 1.5);
  g_assert_cmpuint (s->by_staff->len, ==, 1);
  g_clear_pointer (&s, rg_satisfaction_free);

  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, 0, f->colour);
  g_assert_cmpuint (s->visits, ==, 2);
  assert_close (rg_score_tally_average (&s->total), 2.5);
  g_assert_cmpuint (s->by_service->len, ==, 1);
  g_clear_pointer (&s, rg_satisfaction_free);

  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, f->anna, f->colour);
  g_assert_cmpuint (s->visits, ==, 1);
  assert_close (rg_score_tally_average (&s->total), 4.0);
}

/* A visit at 23:30 on 31 March Moscow time is March's (20:30 UTC), one at
 * 00:10 on 1 April is April's although it is still 31 March in UTC. */
static void
test_local_boundaries (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RgSatisfaction) s = NULL;
  RgSatisfactionBucket *march, *april;

  rate (f, visit (f, f->client, f->anna, f->cut, at (2026, 3, 31, 23, 30), RG_APPOINTMENT_DONE), 5, 10, NULL);
  rate (f, visit (f, f->other, f->anna, f->cut, at (2026, 4, 1, 0, 10), RG_APPOINTMENT_DONE), 1, 0, NULL);
  g_assert_cmpint (at (2026, 4, 1, 0, 10) % 86400, ==, 21 * 3600 + 10 * 60);

  s = compute (f, D (2026, 3, 1), D (2026, 4, 30), RG_SATISFACTION_BY_MONTH, 0, 0);
  g_assert_cmpuint (s->buckets->len, ==, 2);
  march = &g_array_index (s->buckets, RgSatisfactionBucket, 0);
  april = &g_array_index (s->buckets, RgSatisfactionBucket, 1);
  g_assert_cmpuint (march->tally.ratings, ==, 1);
  g_assert_cmpuint (march->tally.score_sum, ==, 5);
  g_assert_cmpuint (april->tally.ratings, ==, 1);
  g_assert_cmpuint (april->tally.score_sum, ==, 1);
  g_clear_pointer (&s, rg_satisfaction_free);

  /* The last day of a period is included whole; the next day's first minute is not. */
  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, 0, 0);
  g_assert_cmpuint (s->total.ratings, ==, 1);
  g_clear_pointer (&s, rg_satisfaction_free);
  s = compute (f, D (2026, 4, 1), D (2026, 4, 1), RG_SATISFACTION_BY_WEEK, 0, 0);
  g_assert_cmpuint (s->total.ratings, ==, 1);
  assert_close (rg_score_tally_nps (&s->total), -100.0);
  g_assert_cmpuint (s->buckets->len, ==, 1);
}

/* A rating follows its visit when the visit is moved to another month. */
static void
test_visit_moved (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSatisfaction) march = NULL;
  g_autoptr(RgSatisfaction) april = NULL;
  g_autoptr(RgAppointment) a = NULL;
  gint64 id = visit (f, f->client, f->anna, f->cut, at (2026, 3, 30, 10, 0), RG_APPOINTMENT_DONE);

  rate (f, id, 4, 9, "Хорошо");
  a = rg_studio_lookup (f->studio, RG_TYPE_APPOINTMENT, id, &error);
  g_object_set (a, "starts-at", at (2026, 4, 2, 10, 0), "ends-at", at (2026, 4, 2, 11, 0), NULL);
  g_assert_true (rg_studio_save (f->studio, a, &error));
  g_assert_no_error (error);

  march = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, 0, 0);
  april = compute (f, D (2026, 4, 1), D (2026, 4, 30), RG_SATISFACTION_BY_MONTH, 0, 0);
  g_assert_cmpuint (march->total.ratings, ==, 0);
  g_assert_cmpuint (march->visits, ==, 0);
  g_assert_cmpuint (april->total.ratings, ==, 1);
  g_assert_cmpuint (april->visits, ==, 1);
  g_assert_cmpint (test_sql_int (f->store, "SELECT visit_at FROM ratings WHERE appointment_id = ?1", id), ==,
                   at (2026, 4, 2, 10, 0));
}

static void
test_complaints (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RgSatisfaction) s = NULL;
  RgSatisfactionBucket *b;

  complain (f, f->client, f->anna, at (2026, 3, 3, 12, 0), RG_COMPLAINT_OPEN);
  complain (f, f->client, f->olga, at (2026, 3, 20, 12, 0), RG_COMPLAINT_RESOLVED);
  complain (f, f->other, f->olga, at (2026, 2, 10, 12, 0), RG_COMPLAINT_ESCALATED);
  complain (f, f->other, f->olga, at (2026, 4, 10, 12, 0), RG_COMPLAINT_OPEN);

  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_WEEK, 0, 0);
  g_assert_cmpuint (s->complaints, ==, 2);
  /* Unresolved by the end of March: the open one and the director's. */
  g_assert_cmpuint (s->open_complaints, ==, 2);
  b = &g_array_index (s->buckets, RgSatisfactionBucket, 1);
  g_assert_cmpuint (b->complaints, ==, 1);
  /* The unresolved ones, newest first, with their master. */
  g_assert_cmpuint (s->open_list->len, ==, 2);
  {
    RgSatisfactionNote *first = s->open_list->pdata[0], *second = s->open_list->pdata[1];

    g_assert_cmpstr (first->staff, ==, "Анна");
    g_assert_cmpstr (first->detail, ==, "open");
    g_assert_cmpstr (first->client, ==, "Вера");
    g_assert_cmpstr (second->detail, ==, "escalated");
    g_assert_cmpint (first->at, >, second->at);
  }
  g_clear_pointer (&s, rg_satisfaction_free);

  s = compute (f, D (2026, 3, 1), D (2026, 3, 31), RG_SATISFACTION_BY_MONTH, f->olga, 0);
  g_assert_cmpuint (s->complaints, ==, 1);
  g_assert_cmpuint (s->open_complaints, ==, 1);
}

static void
test_complaint_status (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgInteraction) i = rg_interaction_new (f->client, RG_INTERACTION_COMPLAINT, "Холодно в зале");

  /* A new complaint is open; resolving dates it; reopening forgets the date. */
  g_assert_true (rg_studio_save (f->studio, i, &error));
  g_assert_cmpstr (rg_interaction_get_outcome (i), ==, "open");
  g_assert_cmpint (rg_interaction_get_done_at (i), ==, 0);
  rg_interaction_set_complaint_status (i, RG_COMPLAINT_RESOLVED);
  g_object_set (i, "resolution", "Поставили обогреватель", NULL);
  g_assert_true (rg_studio_save (f->studio, i, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_interaction_get_done_at (i), >, 0);
  g_assert_cmpint (test_sql_int (f->store, "SELECT done_at > 0 AND resolution = 'Поставили обогреватель'"
                                           " FROM interactions WHERE id = ?1",
                                 rg_record_get_id (RG_RECORD (i))), ==, 1);
  rg_interaction_set_complaint_status (i, RG_COMPLAINT_ESCALATED);
  g_assert_true (rg_studio_save (f->studio, i, &error));
  g_assert_cmpint (rg_interaction_get_done_at (i), ==, 0);
  g_assert_cmpint (rg_interaction_get_complaint_status (i), ==, RG_COMPLAINT_ESCALATED);
}

static void
test_invalid_period (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgSatisfactionQuery q = { D (2026, 4, 1), D (2026, 3, 1), 0, 0, RG_SATISFACTION_BY_MONTH, 0 };

  g_assert_null (rg_satisfaction_compute (f->store, &q, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  RgReportOptions opts = { "2026-03-01", "2026-03-31", 0, 0, NULL, TRUE };
  JsonObject *root, *first;

  fill_march (f);
  json = rg_report_run (f->store, "satisfaction", &opts, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "visits"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (root, "ratings"), ==, 5);
  assert_close (json_object_get_double_member (root, "average_score"), 3.0);
  assert_close (json_object_get_double_member (root, "csat"), 40.0);
  assert_close (json_object_get_double_member (root, "nps"), 25.0);
  assert_close (json_object_get_double_member (root, "response_rate"), 83.33);
  g_assert_true (json_object_get_null_member (root, "staff_id"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "by_staff")), ==, 2);
  first = json_array_get_object_element (json_object_get_array_member (root, "comments"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "why"), ==, "Испортили цвет");
  g_assert_true (json_object_get_null_member (first, "nps"));
  g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2026-03-20");
  g_assert_cmpstr (json_object_get_string_member (root, "trend_step"), ==, "week");

  /* Options are checked before anything is read. */
  opts.from = "01.03.2026";
  g_assert_null (rg_report_run (f->store, "satisfaction", &opts, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  opts.from = "2026-03-01";
  opts.staff = "12345";
  g_assert_null (rg_report_run (f->store, "satisfaction", &opts, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A name nobody has: the error names who there is. */
  opts.staff = "Мария";
  g_assert_null (rg_report_run (f->store, "satisfaction", &opts, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Анна"));
  g_assert_nonnull (strstr (error->message, "Ольга"));
  g_clear_error (&error);
  /* A part two names share: the one whose name starts so ("а" is in
   * both, but starts only Анна); with two such, neither. */
  {
    g_autofree char *anna_only = NULL;
    g_autoptr(RgStaff) anastasia = rg_staff_new ("Анастасия", RG_STAFF_ROLE_MASTER);
    g_autoptr(JsonParser) p = json_parser_new ();

    opts.staff = "а";
    anna_only = rg_report_run (f->store, "satisfaction", &opts, &error);
    g_assert_no_error (error);
    g_assert_true (json_parser_load_from_data (p, anna_only, -1, &error));
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (p)), "staff_id"), ==,
                     f->anna);
    g_assert_true (rg_studio_save (f->studio, anastasia, &error));
    opts.staff = "ан";
    g_assert_null (rg_report_run (f->store, "satisfaction", &opts, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Анастасия"));
    g_clear_error (&error);
  }
  /* A name as the window shows it, in any case, or a part only one has. */
  {
    const char *as_typed[] = { "ольга", "ОЛЬ", " Ольга " };

    for (guint i = 0; i < G_N_ELEMENTS (as_typed); i++)
      {
        g_autofree char *by_name = NULL;
        g_autoptr(JsonParser) p = json_parser_new ();

        opts.staff = as_typed[i];
        by_name = rg_report_run (f->store, "satisfaction", &opts, &error);
        g_assert_no_error (error);
        g_assert_true (json_parser_load_from_data (p, by_name, -1, &error));
        g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (p)), "staff_id"), ==,
                         test_sql_int (f->store, "SELECT id FROM staff WHERE display_name = 'Ольга' AND ?1 = ?1", 0));
      }
  }
  opts.staff = NULL;
  g_assert_null (rg_report_run (f->store, "takings", &opts, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The text form carries the same figures. */
  opts.json = FALSE;
  text = rg_report_run (f->store, "satisfaction", &opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "3.00"));
  g_assert_nonnull (strstr (text, "+25"));
}

static void
test_survey (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 v = visit (f, f->client, f->anna, f->cut, at (2026, 3, 2, 10, 0), RG_APPOINTMENT_DONE);
  RgSurveyAnswer full[] = {
    { "result", 9, "Ровно как хотела" },
    { "comfort", 7, NULL },
    { "news", 0, "   " },                   /* neither score nor text: not kept */
    { "remarks", 0, "  Музыку потише  " },
  };
  RgSurveyAnswer again[] = { { "comfort", 10, "Новые кресла" } };
  RgSurveyAnswer refusal[] = { { "staff", 0, "Мастер опаздывал" } };
  RgSurveyAnswer bad_score[] = { { "comfort", 11, NULL } };
  RgSurveyAnswer bad_key[] = { { "weather", 5, NULL } };
  RgSurveyAnswer scored_free[] = { { "remarks", 5, "x" } };
  RgSurveyEntry *e;
  guint n;

  rg_survey_get_questions (RG_SURVEY_VISIT, &n);
  g_assert_cmpuint (n, ==, 9);
  rg_survey_get_questions (RG_SURVEY_REFUSAL, &n);
  g_assert_cmpuint (n, ==, 3);

  g_assert_true (rg_survey_save (f->studio, RG_SURVEY_VISIT, f->client, v, full, G_N_ELEMENTS (full), &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM survey_answers WHERE client_id = ?1", f->client), ==, 3);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM survey_answers WHERE answer = 'Музыку потише'", 0), ==, 1);

  /* Refused whole: nothing of it is written. */
  g_assert_false (rg_survey_save (f->studio, RG_SURVEY_VISIT, f->client, v, bad_score, 1, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_survey_save (f->studio, RG_SURVEY_VISIT, f->client, v, bad_key, 1, &error));
  g_clear_error (&error);
  g_assert_false (rg_survey_save (f->studio, RG_SURVEY_VISIT, f->client, v, scored_free, 1, &error));
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM survey_answers", 0), ==, 3);

  /* The same visit again replaces its answers; a refusal is its own. */
  g_assert_true (rg_survey_save (f->studio, RG_SURVEY_VISIT, f->client, v, again, 1, &error));
  g_assert_true (rg_survey_save (f->studio, RG_SURVEY_REFUSAL, f->client, 0, refusal, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM survey_answers", 0), ==, 2);

  entries = rg_survey_load (f->studio, f->client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  e = entries->pdata[0];
  g_assert_cmpint (e->kind, ==, RG_SURVEY_VISIT);   /* same second: visit before refusal */
  g_assert_cmpstr (e->key, ==, "comfort");
  g_assert_cmpint (e->score, ==, 10);
  g_assert_cmpint (e->appointment_id, ==, v);
  e = entries->pdata[1];
  g_assert_cmpint (e->kind, ==, RG_SURVEY_REFUSAL);
  g_assert_cmpstr (e->answer, ==, "Мастер опаздывал");
  g_assert_cmpint (e->appointment_id, ==, 0);

  /* In the panel's figures for this month (answers are dated today). */
  {
    g_autoptr(RgSatisfaction) s = NULL;
    RgDate today = rg_date_today ();
    RgSatisfactionQuestion *comfort = NULL;

    s = compute (f, (RgDate) { today.year, today.month, 1 }, today, RG_SATISFACTION_BY_WEEK, 0, 0);
    g_assert_cmpuint (s->questionnaires, ==, 1);
    for (guint i = 0; i < s->questions->len; i++)
      {
        RgSatisfactionQuestion *q = &g_array_index (s->questions, RgSatisfactionQuestion, i);

        if (g_str_equal (q->key, "comfort"))
          comfort = q;
        else
          g_assert_cmpuint (q->answers, ==, 0);
      }
    g_assert_nonnull (comfort);
    g_assert_cmpuint (comfort->answers, ==, 1);
    g_assert_cmpuint (comfort->score_sum, ==, 10);
    g_assert_cmpuint (s->questions->len, ==, 7);   /* the scored ones */
    g_assert_cmpuint (s->refusals->len, ==, 1);
    g_assert_cmpstr (((RgSatisfactionNote *) s->refusals->pdata[0])->text, ==, "Мастер опаздывал");
    g_assert_cmpstr (((RgSatisfactionNote *) s->refusals->pdata[0])->detail, ==, "staff");
    g_clear_pointer (&s, rg_satisfaction_free);

    /* A master chosen: the answers about another master's visit are not theirs. */
    s = compute (f, (RgDate) { today.year, today.month, 1 }, today, RG_SATISFACTION_BY_WEEK, f->olga, 0);
    g_assert_cmpuint (s->questionnaires, ==, 0);
  }
}

/* The panel's path (RgRecount): a thread on a reader connection gives the
 * same figures. */
typedef struct {
  RgStore             *reader;
  RgSatisfactionQuery  query;
} Job;

static gpointer
count_in_thread (gpointer data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  RgSatisfaction *s = rg_satisfaction_compute (job->reader, &job->query, NULL, &error);

  g_assert_no_error (error);
  return s;
}

static void
test_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-satisfaction-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Moscow");
  g_autoptr(RgSatisfaction) s = NULL;
  RgSatisfactionQuery q = { D (2026, 3, 1), D (2026, 3, 31), 0, 0, RG_SATISFACTION_BY_MONTH, 0 };
  Fixture f = { 0 };

  rg_time_set_zone (zone);
  f.store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f.studio = rg_studio_new (f.store);
  {
    g_autoptr(RgClient) client = rg_client_new ("Вера", "+7 912 000-00-01");
    g_autoptr(RgStaff) anna = rg_staff_new ("Анна", RG_STAFF_ROLE_MASTER);
    g_autoptr(RgService) cut = rg_service_new ("Стрижка", 60, 150000);

    g_assert_true (rg_studio_save (f.studio, client, &error));
    g_assert_true (rg_studio_save (f.studio, anna, &error));
    g_assert_true (rg_studio_save (f.studio, cut, &error));
    f.client = f.other = rg_record_get_id (RG_RECORD (client));
    f.anna = f.olga = rg_record_get_id (RG_RECORD (anna));
    f.cut = f.colour = rg_record_get_id (RG_RECORD (cut));
  }
  rate (&f, visit (&f, f.client, f.anna, f.cut, at (2026, 3, 2, 10, 0), RG_APPOINTMENT_DONE), 4, 9, "Хорошо");
  rate (&f, visit (&f, f.client, f.anna, f.cut, at (2026, 3, 9, 10, 0), RG_APPOINTMENT_DONE), 2, 5, "Плохо");

  {
    Job job = { rg_store_open_reader (f.store, &error), q };

    g_assert_no_error (error);
    s = g_thread_join (g_thread_new ("count", count_in_thread, &job));
    g_object_unref (job.reader);
  }
  g_assert_nonnull (s);
  g_assert_cmpuint (s->total.ratings, ==, 2);
  assert_close (rg_score_tally_average (&s->total), 3.0);
  assert_close (rg_score_tally_nps (&s->total), 0.0);
  g_assert_cmpstr (((RgSatisfactionComment *) s->comments->pdata[0])->why, ==, "Плохо");

  fixture_tear_down (&f, NULL);
  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/satisfaction/no-ratings", test_no_ratings);
  ADD ("/satisfaction/one-rating", test_one_rating);
  ADD ("/satisfaction/nps-only-passives", test_nps_only_passives);
  ADD ("/satisfaction/nps-edges", test_nps_edges);
  ADD ("/satisfaction/mixed-month", test_mixed_month);
  ADD ("/satisfaction/filters", test_filters);
  ADD ("/satisfaction/local-boundaries", test_local_boundaries);
  ADD ("/satisfaction/visit-moved", test_visit_moved);
  ADD ("/satisfaction/complaints", test_complaints);
  ADD ("/satisfaction/complaint-status", test_complaint_status);
  ADD ("/satisfaction/invalid-period", test_invalid_period);
  ADD ("/satisfaction/json", test_json);
  ADD ("/satisfaction/survey", test_survey);
#undef ADD
  g_test_add_func ("/satisfaction/async", test_async);

  return g_test_run ();
}
