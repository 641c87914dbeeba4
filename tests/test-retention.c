/* test-retention.c — BRIEF 4's definitions on hand-built histories: the
 * typical interval (median, even gaps, service, default), every status at
 * its edges (exactly T, 1.5·T, 3·T, 365 days, 90 days), segments, VIPs,
 * only cancelled or no-show visits, bookings ahead, leap years, local days
 * across a daylight-saving change, and a client merged from two cards.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <math.h>

#include "analytics/rg-call-list.h"
#include "analytics/rg-dashboard.h"
#include "analytics/rg-days-private.h"
#include "report/rg-report.h"
#include "analytics/rg-retention.h"
#include "model/rg-interaction.h"
#include "model/rg-appointment.h"
#include "model/rg-client-merge.h"
#include "model/rg-client.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"
#include "test-util.h"

#define D(y, m, d) ((RgDate) { y, m, d })

static const RgDate TODAY = { 2026, 11, 24 };

/* Visits @ago days before TODAY, oldest first. */
static RgClientRhythm
rhythm_of (const int *ago,
           guint      n,
           int        service,
           gboolean   booked)
{
  g_autofree RgDate *days = g_new (RgDate, MAX (n, 1));
  RgClientRhythm r = { 0 };

  for (guint i = 0; i < n; i++)
    days[i] = rg_date_add_days (TODAY, -ago[i]);
  rg_rhythm_compute (days, n, TODAY, service, RG_DEFAULT_INTERVAL_DAYS, booked, &r);
  return r;
}

/* The median of the gaps against a sort, on random histories: same-day
 * visits (gaps of 0), many equal gaps, odd and even counts, long ones. */
static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
test_interval_random (void)
{
  GRand *rand = g_rand_new_with_seed (20261124);

  for (guint round = 0; round < 3000; round++)
    {
      guint n = g_rand_int_range (rand, 3, round % 10 == 0 ? 400 : 40);
      g_autofree int *ago = g_new (int, n);
      g_autofree int *gaps = g_new (int, n - 1);
      int spread = g_rand_int_range (rand, 1, 60);
      RgClientRhythm r;
      double expected;

      ago[n - 1] = g_rand_int_range (rand, 0, 30);
      for (int i = (int) n - 2; i >= 0; i--)
        ago[i] = ago[i + 1] + (g_rand_boolean (rand) ? g_rand_int_range (rand, 0, spread) : spread / 2);
      for (guint i = 0; i + 1 < n; i++)
        gaps[i] = ago[i] - ago[i + 1];
      qsort (gaps, n - 1, sizeof (int), compare_int);
      expected = (n - 1) % 2 ? gaps[(n - 1) / 2] : (gaps[(n - 1) / 2 - 1] + gaps[(n - 1) / 2]) / 2.0;
      r = rhythm_of (ago, n, 0, FALSE);
      g_assert_cmpfloat (r.interval, ==, expected);
    }
  g_rand_free (rand);
}

static void
test_interval (void)
{
  RgClientRhythm r;

  /* Gaps 10, 20, 10: the median is 10. */
  r = rhythm_of ((int[]) { 40, 30, 10, 0 }, 4, 0, FALSE);
  g_assert_cmpfloat (r.interval, ==, 10);
  g_assert_cmpint (r.interval_source, ==, RG_INTERVAL_MEDIAN);
  g_assert_cmpuint (r.visits, ==, 4);

  /* Gaps 10 and 20: an even number, the mean of the middle two. */
  r = rhythm_of ((int[]) { 30, 20, 0 }, 3, 0, FALSE);
  g_assert_cmpfloat (r.interval, ==, 15);

  /* Gaps 5, 7, 30, 31: the middle two are 7 and 30. */
  r = rhythm_of ((int[]) { 73, 68, 61, 31, 0 }, 5, 0, FALSE);
  g_assert_cmpfloat (r.interval, ==, 18.5);

  /* Fewer than three visits: the main service's interval, else 42. */
  r = rhythm_of ((int[]) { 50, 10 }, 2, 28, FALSE);
  g_assert_cmpfloat (r.interval, ==, 28);
  g_assert_cmpint (r.interval_source, ==, RG_INTERVAL_SERVICE);
  r = rhythm_of ((int[]) { 50, 10 }, 2, 0, FALSE);
  g_assert_cmpfloat (r.interval, ==, RG_DEFAULT_INTERVAL_DAYS);
  g_assert_cmpint (r.interval_source, ==, RG_INTERVAL_DEFAULT);

  /* The expected visit: the last plus T, rounded up to a day. */
  r = rhythm_of ((int[]) { 30, 20, 0 }, 3, 0, FALSE);
  g_assert_cmpint (rg_date_compare (r.expected, rg_date_add_days (TODAY, 15)), ==, 0);
  r = rhythm_of ((int[]) { 73, 68, 61, 31, 0 }, 5, 0, FALSE);
  g_assert_cmpint (rg_date_compare (r.expected, rg_date_add_days (TODAY, 19)), ==, 0);

  /* Visits after the reference day do not count. */
  {
    RgDate days[] = { rg_date_add_days (TODAY, -20), rg_date_add_days (TODAY, -10), rg_date_add_days (TODAY, 5) };

    rg_rhythm_compute (days, 3, TODAY, 0, RG_DEFAULT_INTERVAL_DAYS, FALSE, &r);
    g_assert_cmpuint (r.visits, ==, 2);
    g_assert_cmpint (r.days_since, ==, 10);
  }
}

/* T = 20 (visits every 20 days), the last one @d days ago. */
static RgClientStatus
status_after (int d)
{
  return rhythm_of ((int[]) { d + 40, d + 20, d }, 3, 0, FALSE).status;
}

static void
test_status_edges (void)
{
  g_assert_cmpint (status_after (0), ==, RG_CLIENT_ON_TRACK);
  g_assert_cmpint (status_after (20), ==, RG_CLIENT_ON_TRACK);   /* d = T */
  g_assert_cmpint (status_after (21), ==, RG_CLIENT_DUE);
  g_assert_cmpint (status_after (30), ==, RG_CLIENT_DUE);        /* d = 1.5·T */
  g_assert_cmpint (status_after (31), ==, RG_CLIENT_SLEEPING);
  g_assert_cmpint (status_after (60), ==, RG_CLIENT_SLEEPING);   /* d = 3·T */
  g_assert_cmpint (status_after (61), ==, RG_CLIENT_LOST);

  /* 365 days: T = 200, so only the year decides. */
  g_assert_cmpint (rhythm_of ((int[]) { 765, 565, 365 }, 3, 0, FALSE).status, ==, RG_CLIENT_SLEEPING);
  g_assert_cmpint (rhythm_of ((int[]) { 766, 566, 366 }, 3, 0, FALSE).status, ==, RG_CLIENT_LOST);

  /* One visit: new up to 90 days, then by the default interval (42). */
  g_assert_cmpint (rhythm_of ((int[]) { 90 }, 1, 0, FALSE).status, ==, RG_CLIENT_NEW);
  g_assert_cmpint (rhythm_of ((int[]) { 91 }, 1, 0, FALSE).status, ==, RG_CLIENT_SLEEPING);
  g_assert_cmpint (rhythm_of ((int[]) { 126 }, 1, 0, FALSE).status, ==, RG_CLIENT_SLEEPING);
  g_assert_cmpint (rhythm_of ((int[]) { 127 }, 1, 0, FALSE).status, ==, RG_CLIENT_LOST);
  /* ... or by its service: 28 days. */
  g_assert_cmpint (rhythm_of ((int[]) { 91 }, 1, 28, FALSE).status, ==, RG_CLIENT_LOST);
  g_assert_cmpint (rhythm_of ((int[]) { 50, 29 }, 2, 28, FALSE).status, ==, RG_CLIENT_DUE);

  /* Never visited; and a booking ahead comes first of all. */
  g_assert_cmpint (rhythm_of (NULL, 0, 0, FALSE).status, ==, RG_CLIENT_NEVER_VISITED);
  g_assert_cmpint (rhythm_of (NULL, 0, 0, TRUE).status, ==, RG_CLIENT_BOOKED);
  g_assert_cmpint (rhythm_of ((int[]) { 400 }, 1, 0, TRUE).status, ==, RG_CLIENT_BOOKED);
  g_assert_cmpint (rhythm_of (NULL, 0, 0, FALSE).days_since, ==, -1);
}

static void
test_segments (void)
{
  RgClientRhythm r;
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (RgClientRhythm));

  r = rhythm_of ((int[]) { 40, 20, 0 }, 3, 0, FALSE);
  g_assert_true (r.segments & RG_SEGMENT_REGULAR);
  r = rhythm_of ((int[]) { 100, 80, 61 }, 3, 0, FALSE);   /* lost: not a regular any more */
  g_assert_false (r.segments & RG_SEGMENT_REGULAR);
  r = rhythm_of ((int[]) { 91 }, 1, 0, FALSE);
  g_assert_true (r.segments & RG_SEGMENT_ONE_TIME);
  r = rhythm_of ((int[]) { 90 }, 1, 0, FALSE);
  g_assert_false (r.segments & RG_SEGMENT_ONE_TIME);

  /* VIP: the top 20 % of the eleven clients who are not lost, by the
   * year's revenue: three (the second and third tied); a lost client with
   * more is not one, nor is anyone without revenue. */
  for (int i = 1; i <= 10; i++)
    {
      r = rhythm_of ((int[]) { 40, 20, 0 }, 3, 0, FALSE);
      r.client_id = i;
      r.revenue_365 = i == 8 ? 9000 : i * 1000;
      g_array_append_val (all, r);
    }
  r = rhythm_of ((int[]) { 500 }, 1, 0, FALSE);
  r.client_id = 11;
  r.revenue_365 = 1000000;
  g_array_append_val (all, r);
  r = rhythm_of (NULL, 0, 0, FALSE);
  r.client_id = 12;
  g_array_append_val (all, r);

  rg_rhythm_mark_vip (all);
  for (guint i = 0; i < all->len; i++)
    {
      RgClientRhythm *c = &g_array_index (all, RgClientRhythm, i);
      gboolean expected = c->client_id == 10 || c->client_id == 9 || c->client_id == 8;

      g_assert_cmpint (!!(c->segments & RG_SEGMENT_VIP), ==, expected);
    }
}

static void
test_leap_year (void)
{
  RgDate days[] = { D (2024, 2, 27), D (2024, 2, 28), D (2024, 3, 1) };   /* 29 February between */
  RgClientRhythm r;

  rg_rhythm_compute (days, 3, D (2024, 3, 3), 0, RG_DEFAULT_INTERVAL_DAYS, FALSE, &r);
  g_assert_cmpfloat (r.interval, ==, 1.5);
  g_assert_cmpint (r.days_since, ==, 2);
  g_assert_cmpint (rg_date_compare (r.expected, D (2024, 3, 3)), ==, 0);

  /* A year back across 29 February is 366 days: lost by then. */
  rg_rhythm_compute ((RgDate[]) { D (2023, 3, 1) }, 1, D (2024, 2, 29), 400, 0, FALSE, &r);
  g_assert_cmpint (r.days_since, ==, 365);
  g_assert_cmpint (r.status, ==, RG_CLIENT_ON_TRACK);        /* T = 400 */
  rg_rhythm_compute ((RgDate[]) { D (2023, 3, 1) }, 1, D (2024, 3, 1), 400, 0, FALSE, &r);
  g_assert_cmpint (r.days_since, ==, 366);
  g_assert_cmpint (r.status, ==, RG_CLIENT_LOST);
}

/* The loader, on a store --------------------------------------------------------- */

typedef struct {
  RgStore  *store;
  RgStudio *studio;
  gint64    staff;
  gint64    service;    /* repeats every 28 days */
} Fixture;

static gint64
add_client (Fixture    *f,
            const char *name,
            const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) c = rg_client_new (name, phone);

  g_assert_true (rg_studio_save (f->studio, c, &error));
  g_assert_no_error (error);
  return rg_record_get_id (RG_RECORD (c));
}

static gint64
book (Fixture             *f,
      gint64               client,
      RgDate               day,
      int                  minute,
      RgAppointmentStatus  status,
      gint64               price)
{
  g_autoptr(GError) error = NULL;
  gint64 at = rg_time_from_local (day, minute);
  g_autoptr(RgAppointment) a = rg_appointment_new (client, f->staff, at, at + 3600);
  g_autoptr(RgStmt) stmt = NULL;
  gint64 id;

  rg_appointment_set_status (a, status);
  g_object_set (a, "price", price, NULL);
  g_assert_true (rg_studio_save (f->studio, a, &error));
  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (a));

  stmt = rg_store_prepare (f->store,
                           "INSERT INTO appointment_services (id, appointment_id, service_id, position,"
                           " duration_minutes, price, created_at, updated_at) VALUES (?1, ?2, ?3, 0, 60, 0, 0, 0)",
                           &error);
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, f->service);
  g_assert_true (rg_store_step_done (f->store, stmt, &error));
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) staff = rg_staff_new ("Ольга", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgService) service = rg_service_new ("Маникюр", 60, 150000);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");

  rg_time_set_zone (zone);
  f->store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  f->studio = rg_studio_new (f->store);
  g_object_set (service, "repeat-days", 28, NULL);
  g_assert_true (rg_studio_save (f->studio, staff, &error));
  g_assert_true (rg_studio_save (f->studio, service, &error));
  g_assert_no_error (error);
  f->staff = rg_record_get_id (RG_RECORD (staff));
  f->service = rg_record_get_id (RG_RECORD (service));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  g_clear_object (&f->store);
  rg_time_set_zone (NULL);
}

static const RgClientRhythm *
find (GArray *rhythms,
      gint64  client)
{
  for (guint i = 0; i < rhythms->len; i++)
    if (g_array_index (rhythms, RgClientRhythm, i).client_id == client)
      return &g_array_index (rhythms, RgClientRhythm, i);
  return NULL;
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  gint64 regular = add_client (f, "Анна", "+7 912 000-00-01");
  gint64 cancelled = add_client (f, "Вера", "+7 912 000-00-02");
  gint64 booked = add_client (f, "Галя", "+7 912 000-00-03");
  gint64 two = add_client (f, "Даша", "+7 912 000-00-04");
  gint64 later_today = add_client (f, "Ева", "+7 912 000-00-05");
  gint64 nobody = add_client (f, "Жанна", "+7 912 000-00-06");
  gint64 arrived = add_client (f, "Зоя", "+7 912 000-00-07");
  gint64 yesterday = add_client (f, "Инна", "+7 912 000-00-08");
  RgClientRhythm one;
  const RgClientRhythm *r;

  /* Every 20 days, the last 21 days ago: due; with revenue this year. */
  book (f, regular, rg_date_add_days (TODAY, -61), 600, RG_APPOINTMENT_DONE, 100000);
  book (f, regular, rg_date_add_days (TODAY, -41), 600, RG_APPOINTMENT_DONE, 100000);
  book (f, regular, rg_date_add_days (TODAY, -21), 600, RG_APPOINTMENT_DONE, 150000);
  book (f, regular, rg_date_add_days (TODAY, -10), 600, RG_APPOINTMENT_CANCELLED, 900000);
  /* Only cancelled and no-show: never visited. */
  book (f, cancelled, rg_date_add_days (TODAY, -30), 600, RG_APPOINTMENT_CANCELLED, 0);
  book (f, cancelled, rg_date_add_days (TODAY, -20), 600, RG_APPOINTMENT_NO_SHOW, 0);
  /* A visit long ago and a booking tomorrow: booked. */
  book (f, booked, rg_date_add_days (TODAY, -400), 600, RG_APPOINTMENT_DONE, 50000);
  book (f, booked, rg_date_add_days (TODAY, 1), 600, RG_APPOINTMENT_BOOKED, 50000);
  /* Two visits: the service's 28 days; the last 29 days ago: due. */
  book (f, two, rg_date_add_days (TODAY, -60), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, two, rg_date_add_days (TODAY, -29), 600, RG_APPOINTMENT_DONE, 1000);
  /* Lost by the rules, but booked for later today: booked (§4: an
   * appointment that holds its time starts on D or later). */
  book (f, later_today, rg_date_add_days (TODAY, -95), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, later_today, TODAY, 23 * 60, RG_APPOINTMENT_CONFIRMED, 1000);
  /* In the chair since this morning: booked too. */
  book (f, arrived, rg_date_add_days (TODAY, -95), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, arrived, TODAY, 9 * 60, RG_APPOINTMENT_ARRIVED, 1000);
  /* A booking of yesterday never marked: not booked. */
  book (f, yesterday, rg_date_add_days (TODAY, -95), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, yesterday, rg_date_add_days (TODAY, -1), 23 * 60, RG_APPOINTMENT_BOOKED, 1000);

  all = rg_retention_load (f->store, TODAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 8);

  r = find (all, regular);
  g_assert_cmpuint (r->visits, ==, 3);
  g_assert_cmpfloat (r->interval, ==, 20);
  g_assert_cmpint (r->days_since, ==, 21);
  g_assert_cmpint (r->status, ==, RG_CLIENT_DUE);
  g_assert_cmpint (r->revenue, ==, 350000);
  g_assert_cmpint (r->revenue_365, ==, 350000);
  g_assert_true (r->segments & RG_SEGMENT_REGULAR);
  g_assert_true (r->segments & RG_SEGMENT_VIP);     /* the top 20 % of the four who are not lost */

  g_assert_cmpint (find (all, cancelled)->status, ==, RG_CLIENT_NEVER_VISITED);
  g_assert_cmpint (find (all, nobody)->status, ==, RG_CLIENT_NEVER_VISITED);
  g_assert_cmpint (find (all, booked)->status, ==, RG_CLIENT_BOOKED);
  g_assert_cmpint (find (all, booked)->revenue_365, ==, 0);
  r = find (all, two);
  g_assert_cmpint (r->interval_source, ==, RG_INTERVAL_SERVICE);
  g_assert_cmpfloat (r->interval, ==, 28);
  g_assert_cmpint (r->status, ==, RG_CLIENT_DUE);
  r = find (all, later_today);
  g_assert_cmpint (r->status, ==, RG_CLIENT_BOOKED);
  g_assert_true (r->segments & RG_SEGMENT_ONE_TIME);
  g_assert_cmpint (find (all, arrived)->status, ==, RG_CLIENT_BOOKED);
  g_assert_cmpint (find (all, yesterday)->status, ==, RG_CLIENT_LOST);   /* 95 > 3·28 */
  g_assert_true (rg_retention_load_client (f->store, later_today, TODAY, &one, &error));
  g_assert_cmpint (one.status, ==, RG_CLIENT_BOOKED);
  g_assert_true (rg_retention_load_client (f->store, yesterday, TODAY, &one, &error));
  g_assert_cmpint (one.status, ==, RG_CLIENT_LOST);

  /* One client alone gives the same. */
  g_assert_true (rg_retention_load_client (f->store, regular, TODAY, &one, &error));
  g_assert_cmpint (one.status, ==, RG_CLIENT_DUE);
  g_assert_cmpfloat (one.interval, ==, 20);

  /* The studio's own default interval. */
  g_assert_true (rg_store_set_setting (f->store, "default-interval", "60", &error));
  g_assert_true (rg_store_exec (f->store, "UPDATE services SET repeat_days = NULL", &error));
  g_assert_true (rg_retention_load_client (f->store, two, TODAY, &one, &error));
  g_assert_cmpfloat (one.interval, ==, 60);
  g_assert_cmpint (one.interval_source, ==, RG_INTERVAL_DEFAULT);
  g_assert_cmpint (one.status, ==, RG_CLIENT_ON_TRACK);
}

/* A visit at 00:30 on the night clocks go forward is that day's, and one at
 * 23:30 the day before is the day before's. */
static void
test_local_days (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 c = add_client (f, "Анна", "+7 912 000-00-01");
  RgClientRhythm r;

  book (f, c, D (2026, 3, 28), 23 * 60 + 30, RG_APPOINTMENT_DONE, 1000);
  book (f, c, D (2026, 3, 29), 30, RG_APPOINTMENT_DONE, 1000);
  book (f, c, D (2026, 4, 8), 9 * 60, RG_APPOINTMENT_DONE, 1000);
  g_assert_true (rg_retention_load_client (f->store, c, D (2026, 4, 10), &r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_date_compare (r.first_visit, D (2026, 3, 28)), ==, 0);
  g_assert_cmpfloat (r.interval, ==, 5.5);   /* gaps 1 and 10 */
  g_assert_cmpint (r.days_since, ==, 2);
}

/* Merged: the kept card has both histories, the other is gone. */
static void
test_merged (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  gint64 keep = add_client (f, "Анна", "+7 912 000-00-01");
  gint64 other = add_client (f, "Аня", "+7 912 000-00-09");
  g_autoptr(RgClient) k = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, keep, NULL);
  g_autoptr(RgClient) o = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, other, NULL);

  book (f, keep, rg_date_add_days (TODAY, -100), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, other, rg_date_add_days (TODAY, -70), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, other, rg_date_add_days (TODAY, -40), 600, RG_APPOINTMENT_DONE, 1000);

  all = rg_retention_load (f->store, TODAY, NULL, &error);
  g_assert_cmpint (find (all, keep)->status, ==, RG_CLIENT_LOST);   /* one visit 100 days ago, T = 28 */
  g_clear_pointer (&all, g_array_unref);

  g_assert_true (rg_client_merge (f->studio, k, o, NULL, NULL, &error));
  g_assert_no_error (error);
  all = rg_retention_load (f->store, TODAY, NULL, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpuint (find (all, keep)->visits, ==, 3);
  g_assert_cmpfloat (find (all, keep)->interval, ==, 30);
  g_assert_cmpint (find (all, keep)->status, ==, RG_CLIENT_DUE);
  g_assert_null (find (all, other));
}

/* The per-client summary the triggers keep equals a fresh count after
 * every kind of change to visits. */
static void
assert_summary_fresh (Fixture *f)
{
  g_assert_cmpint (test_sql_int (f->store,
                                 "SELECT count(*) FROM ("
                                 " SELECT client_id, visits, first_at, last_at, revenue FROM client_visits"
                                 " EXCEPT"
                                 " SELECT client_id, count(*), min(starts_at), max(starts_at), total(price)"
                                 "  FROM appointments WHERE status = 'done' AND deleted_at IS NULL"
                                 "  AND ?1 = ?1 GROUP BY client_id)", 0), ==, 0);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM client_visits", 0), ==,
                   test_sql_int (f->store, "SELECT count(DISTINCT client_id) FROM appointments"
                                           " WHERE status = 'done' AND deleted_at IS NULL AND ?1 = ?1", 0));
  /* And by master (client_staff): the same both ways. */
  g_assert_cmpint (test_sql_int (f->store,
                                 "SELECT count(*) FROM ("
                                 " SELECT client_id, staff_id, visits, first_at, last_at, revenue FROM client_staff"
                                 " EXCEPT"
                                 " SELECT client_id, staff_id, count(*), min(starts_at), max(starts_at), total(price)"
                                 "  FROM appointments WHERE status = 'done' AND deleted_at IS NULL"
                                 "  AND ?1 = ?1 GROUP BY client_id, staff_id)", 0), ==, 0);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM client_staff", 0), ==,
                   test_sql_int (f->store, "SELECT count(*) FROM (SELECT DISTINCT client_id, staff_id FROM appointments"
                                           " WHERE status = 'done' AND deleted_at IS NULL AND ?1 = ?1)", 0));
  /* And by service (client_service), from the lines of the visits; each
   * appointment carries its lines in order. */
  g_assert_cmpint (test_sql_int (f->store,
                                 "SELECT count(*) FROM ("
                                 " SELECT client_id, service_id, lines, first_at, last_at, revenue FROM client_service"
                                 " EXCEPT"
                                 " SELECT a.client_id, l.service_id, count(*), min(a.starts_at), max(a.starts_at), total(l.price)"
                                 "  FROM appointments a JOIN appointment_services l ON l.appointment_id = a.id"
                                 "  WHERE a.status = 'done' AND a.deleted_at IS NULL AND ?1 = ?1 GROUP BY a.client_id, l.service_id)", 0),
                   ==, 0);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM client_service", 0), ==,
                   test_sql_int (f->store, "SELECT count(*) FROM (SELECT DISTINCT a.client_id, l.service_id"
                                           " FROM appointments a JOIN appointment_services l ON l.appointment_id = a.id"
                                           " WHERE a.status = 'done' AND a.deleted_at IS NULL AND ?1 = ?1)", 0));
  g_assert_cmpint (test_sql_int (f->store,
                                 "SELECT count(*) FROM appointments a WHERE services IS NOT"
                                 " (SELECT group_concat (service_id || ':' || price, ',') FROM (SELECT service_id, price"
                                 "  FROM appointment_services WHERE appointment_id = a.id AND ?1 = ?1 ORDER BY position, id))", 0),
                   ==, 0);
  /* The latest visit, and every visit's time and price (in any order). */
  g_assert_cmpint (test_sql_int (f->store,
                                 "SELECT count(*) FROM client_visits v WHERE last_id IS NOT (SELECT id FROM appointments"
                                 " WHERE client_id = v.client_id AND status = 'done' AND deleted_at IS NULL"
                                 " AND ?1 = ?1 ORDER BY starts_at DESC, id DESC LIMIT 1)", 0), ==, 0);
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (f->store, "SELECT client_id, history FROM client_visits", NULL);
    gboolean row = FALSE;

    while (rg_store_step_row (f->store, stmt, &row, NULL) && row)
      {
        g_autoptr(RgStmt) visits = rg_store_prepare (f->store,
                                                     "SELECT starts_at || ' ' || price FROM appointments"
                                                     " WHERE client_id = ?1 AND status = 'done' AND deleted_at IS NULL",
                                                     NULL);
        g_auto(GStrv) kept = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), ",", -1);
        g_autoptr(GPtrArray) counted = g_ptr_array_new_with_free_func (g_free);
        gboolean vrow = FALSE;

        sqlite3_bind_int64 (visits, 1, sqlite3_column_int64 (stmt, 0));
        while (rg_store_step_row (f->store, visits, &vrow, NULL) && vrow)
          g_ptr_array_add (counted, g_strdup ((const char *) sqlite3_column_text (visits, 0)));
        g_assert_cmpuint (g_strv_length (kept), ==, counted->len);
        for (guint i = 0; i < counted->len; i++)
          g_assert_true (g_strv_contains ((const char * const *) kept, counted->pdata[i]));
      }
  }
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add_client (f, "Анна", "+7 912 000-00-01");
  gint64 b = add_client (f, "Аня", "+7 912 000-00-02");
  g_autoptr(RgAppointment) v = NULL;
  g_autoptr(RgClient) ka = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, a, NULL);
  g_autoptr(RgClient) kb = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, b, NULL);
  gint64 id;

  book (f, a, rg_date_add_days (TODAY, -30), 600, RG_APPOINTMENT_DONE, 1000);
  id = book (f, a, rg_date_add_days (TODAY, -10), 600, RG_APPOINTMENT_BOOKED, 2000);
  book (f, b, rg_date_add_days (TODAY, -5), 600, RG_APPOINTMENT_DONE, 500);
  assert_summary_fresh (f);

  /* Marked done, its price changed, moved in time. */
  v = rg_studio_lookup (f->studio, RG_TYPE_APPOINTMENT, id, &error);
  rg_appointment_set_status (v, RG_APPOINTMENT_DONE);
  g_assert_true (rg_studio_save (f->studio, v, &error));
  assert_summary_fresh (f);
  g_object_set (v, "price", (gint64) 2500, "starts-at", rg_time_from_local (rg_date_add_days (TODAY, -50), 600),
                "ends-at", rg_time_from_local (rg_date_add_days (TODAY, -50), 660), NULL);
  g_assert_true (rg_studio_save (f->studio, v, &error));
  g_assert_no_error (error);
  assert_summary_fresh (f);
  g_assert_cmpint (test_sql_int (f->store, "SELECT revenue FROM client_visits WHERE client_id = ?1", a), ==, 3500);

  /* Its lines: priced, another service added, changed, taken off. */
  {
    g_autoptr(RgService) pedicure = rg_service_new ("Педикюр", 60, 100000);
    g_autoptr(RgStmt) stmt = NULL;

    g_assert_true (rg_studio_save (f->studio, pedicure, &error));
    g_assert_true (rg_store_exec (f->store, "UPDATE appointment_services SET price = 700", &error));
    assert_summary_fresh (f);
    stmt = rg_store_prepare (f->store,
                             "INSERT INTO appointment_services (id, appointment_id, service_id, position,"
                             " duration_minutes, price, created_at, updated_at) VALUES (?1, ?2, ?3, 1, 30, 300, 0, 0)",
                             &error);
    sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
    sqlite3_bind_int64 (stmt, 2, id);
    sqlite3_bind_int64 (stmt, 3, rg_record_get_id (RG_RECORD (pedicure)));
    g_assert_true (rg_store_step_done (f->store, stmt, &error));
    assert_summary_fresh (f);
    g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM client_service WHERE client_id = ?1", a), ==, 2);
    g_assert_true (rg_store_exec (f->store, "UPDATE appointment_services SET service_id = (SELECT min (id) FROM services)"
                                            " WHERE position = 1", &error));
    assert_summary_fresh (f);
    g_assert_true (rg_store_exec (f->store, "UPDATE appointment_services SET position = 2 - position", &error));
    assert_summary_fresh (f);
    g_assert_true (rg_store_exec (f->store, "DELETE FROM appointment_services WHERE price = 300", &error));
    assert_summary_fresh (f);
    g_assert_no_error (error);
  }

  /* Moved to another master: the pairs follow. */
  {
    g_autoptr(RgStaff) irina = rg_staff_new ("Ирина", RG_STAFF_ROLE_MASTER);

    g_assert_true (rg_studio_save (f->studio, irina, &error));
    g_object_set (v, "staff-id", rg_record_get_id (RG_RECORD (irina)), NULL);
    g_assert_true (rg_studio_save (f->studio, v, &error));
    g_assert_no_error (error);
    assert_summary_fresh (f);
    g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM client_staff WHERE client_id = ?1", a), ==, 2);
    /* The master alone changed (the studio writes every column). */
    g_assert_true (rg_store_exec (f->store, "UPDATE appointments SET staff_id = (SELECT min (id) FROM staff)", &error));
    assert_summary_fresh (f);
    g_assert_true (rg_studio_save (f->studio, v, &error));
    assert_summary_fresh (f);
  }

  /* Deleted (softly) and back. */
  g_assert_true (rg_studio_delete (f->studio, v, &error));
  assert_summary_fresh (f);
  g_assert_cmpint (test_sql_int (f->store, "SELECT visits FROM client_visits WHERE client_id = ?1", a), ==, 1);
  g_assert_true (rg_studio_undelete (f->studio, v, &error));
  assert_summary_fresh (f);

  /* Merged: the visits move, the other card's row goes. */
  g_assert_true (rg_client_merge (f->studio, ka, kb, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_summary_fresh (f);
  g_assert_cmpint (test_sql_int (f->store, "SELECT visits FROM client_visits WHERE client_id = ?1", a), ==, 3);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM client_visits WHERE client_id = ?1", b), ==, 0);

  /* Removed for good. */
  g_assert_true (rg_store_exec (f->store, "DELETE FROM appointments", &error));
  assert_summary_fresh (f);
}

/* On a generated studio, the bulk load (which skips the visits of clients
 * lost by the year) says what one client's full count says. */
static void
test_bulk_matches_single (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_make_demo ("retention", "ru", (gint64) 1795867200);
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(GArray) all = NULL;
  RgDate day = { 2026, 11, 28 };
  guint counted = 0, uncounted = 0;

  g_assert_no_error (error);
  all = rg_retention_load (store, day, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 500);
  /* Counted in two halves (a file store): every live client once, in id
   * order, and the VIP mark set on the whole. */
  g_assert_cmpint (all->len, ==, test_sql_int (store, "SELECT count(*) FROM clients WHERE deleted_at IS NULL AND ?1 = ?1", 0));
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (g_array_index (all, RgClientRhythm, i - 1).client_id, <, g_array_index (all, RgClientRhythm, i).client_id);
  {
    g_autoptr(GArray) again = g_array_copy (all);

    for (guint i = 0; i < again->len; i++)
      g_array_index (again, RgClientRhythm, i).segments &= ~RG_SEGMENT_VIP;
    rg_rhythm_mark_vip (again);
    g_assert_cmpmem (again->data, again->len * sizeof (RgClientRhythm), all->data, all->len * sizeof (RgClientRhythm));
  }
  for (guint i = 0; i < all->len; i++)
    {
      const RgClientRhythm *b = &g_array_index (all, RgClientRhythm, i);
      RgClientRhythm one;

      g_assert_true (rg_retention_load_client (store, b->client_id, day, &one, &error));
      g_assert_no_error (error);
      g_assert_cmpint (b->status, ==, one.status);
      g_assert_cmpuint (b->visits, ==, one.visits);
      g_assert_cmpint (b->days_since, ==, one.days_since);
      g_assert_cmpint (b->revenue, ==, one.revenue);
      g_assert_cmpint (b->revenue_365, ==, one.revenue_365);
      g_assert_cmpuint (b->segments & ~RG_SEGMENT_VIP, ==, one.segments);
      if (b->interval_source == RG_INTERVAL_UNCOUNTED)
        {
          uncounted++;
          g_assert_cmpint (b->days_since, >, 365);
        }
      else
        {
          counted++;
          g_assert_cmpfloat (b->interval, ==, one.interval);
          g_assert_cmpint (b->interval_source, ==, one.interval_source);
        }
    }
  g_assert_cmpuint (counted, >, 0);
  g_assert_cmpuint (uncounted, >, 0);

  /* Inside a write, which a reader would not see: counted on the store
   * alone. The last client by id (in the second half) gets a visit. */
  {
    const RgClientRhythm *last = &g_array_index (all, RgClientRhythm, all->len - 1);
    g_autoptr(GArray) writing = NULL;
    g_autoptr(RgStmt) stmt = NULL;
    gint64 at = rg_time_from_local (day, 600);

    g_assert_true (rg_store_begin (store, &error));
    stmt = rg_store_prepare (store,
                             "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price,"
                             " created_at, updated_at) VALUES (?1, ?2, (SELECT min (id) FROM staff), ?3, ?3 + 3600,"
                             " 'done', 100, 0, 0)",
                             &error);
    g_assert_no_error (error);
    sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
    sqlite3_bind_int64 (stmt, 2, last->client_id);
    sqlite3_bind_int64 (stmt, 3, at);
    g_assert_true (rg_store_step_done (store, stmt, &error));
    g_clear_pointer (&stmt, rg_stmt_release);
    writing = rg_retention_load (store, day, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (writing->len, ==, all->len);
    g_assert_cmpuint (g_array_index (writing, RgClientRhythm, all->len - 1).visits, ==, last->visits + 1);
    rg_store_rollback (store);
  }

  /* Read from the visits' index instead of the histories kept with the
   * summaries (as when a history is missing): the same, field by field; and
   * on a day in the past, when the histories hold later visits. */
  {
    g_autoptr(GArray) plain = NULL;
    g_autoptr(GArray) past = NULL;
    RgDate before = { 2026, 3, 1 };

    past = rg_retention_load (store, before, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (rg_store_exec (store, "UPDATE client_visits SET history = NULL", &error));
    plain = rg_retention_load (store, day, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plain->len, ==, all->len);
    g_assert_cmpmem (plain->data, plain->len * sizeof (RgClientRhythm), all->data, all->len * sizeof (RgClientRhythm));
    for (guint i = 0; i < past->len; i += 7)
      {
        const RgClientRhythm *b = &g_array_index (past, RgClientRhythm, i);
        RgClientRhythm one;

        g_assert_true (rg_retention_load_client (store, b->client_id, before, &one, &error));
        g_assert_cmpint (b->status, ==, one.status);
        g_assert_cmpuint (b->visits, ==, one.visits);
        g_assert_cmpint (b->revenue, ==, one.revenue);
      }
  }
  g_clear_object (&store);
  test_remove_demo (path);
}

static const RgCallEntry *
find_call (GPtrArray    *list,
           gint64        client,
           RgCallReason  reason)
{
  for (guint i = 0; i < list->len; i++)
    {
      const RgCallEntry *e = list->pdata[i];

      if (e->client_id == client && e->reason == reason)
        return e;
    }
  return NULL;
}

/* The call list: who is on it, why, in what order; who is not. */
static void
test_call_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rhythms = NULL;
  g_autoptr(GPtrArray) list = NULL;
  RgCallOptions options = { 7, 300000, 7 };
  gint64 due = add_client (f, "Анна", "+7 912 000-00-01");
  gint64 very_due = add_client (f, "Белла", "+7 912 000-00-02");
  gint64 minimal = add_client (f, "Вера", "+7 912 000-00-03");
  gint64 called = add_client (f, "Галя", "+7 912 000-00-04");
  gint64 newbie = add_client (f, "Даша", "+7 912 000-00-05");
  gint64 sleeping = add_client (f, "Ева", "+7 912 000-00-06");
  gint64 birthday = add_client (f, "Жанна", "+7 912 000-00-07");
  gint64 leap = add_client (f, "Зоя", "+7 912 000-00-08");
  const RgCallEntry *e;

  /* Every 20 days: due by 2 days, and by 8 days. */
  for (int i = 0; i < 3; i++)
    {
      book (f, due, rg_date_add_days (TODAY, -(22 + 20 * i)), 600, RG_APPOINTMENT_DONE, 100000);
      book (f, very_due, rg_date_add_days (TODAY, -(28 + 20 * i)), 600, RG_APPOINTMENT_DONE, 100000);
      book (f, minimal, rg_date_add_days (TODAY, -(25 + 20 * i)), 600, RG_APPOINTMENT_DONE, 1000);
      book (f, called, rg_date_add_days (TODAY, -(25 + 20 * i)), 600, RG_APPOINTMENT_DONE, 1000);
      book (f, sleeping, rg_date_add_days (TODAY, -(45 + 20 * i)), 600, RG_APPOINTMENT_DONE, 1000);
    }
  {
    g_autoptr(RgClient) c = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, minimal, NULL);

    g_object_set (c, "minimal-contact", TRUE, NULL);
    g_assert_true (rg_studio_save (f->studio, c, &error));
  }
  {
    g_autoptr(RgInteraction) call = rg_interaction_new (called, RG_INTERACTION_CALL, "Перезвонит сама");

    g_object_set (call, "occurred-at", rg_time_from_local (rg_date_add_days (TODAY, -3), 600), NULL);
    g_assert_true (rg_studio_save (f->studio, call, &error));
  }
  /* Came once 40 days ago; the service says 28. */
  book (f, newbie, rg_date_add_days (TODAY, -40), 600, RG_APPOINTMENT_DONE, 1000);
  /* Birthdays: in three days and a big spender; 29 February in a year without one. */
  {
    g_autoptr(RgClient) c = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, birthday, NULL);
    RgDate on = rg_date_add_days (TODAY, 3);

    rg_client_set_birthday (c, on.day, on.month, 0);
    g_assert_true (rg_studio_save (f->studio, c, &error));
    book (f, birthday, rg_date_add_days (TODAY, -5), 600, RG_APPOINTMENT_DONE, 400000);
  }
  {
    g_autoptr(RgClient) c = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, leap, NULL);

    rg_client_set_birthday (c, 29, 2, 0);
    g_assert_true (rg_studio_save (f->studio, c, &error));
  }
  /* A task for today and an overdue one. */
  {
    g_autoptr(RgInteraction) task = rg_interaction_new (newbie, RG_INTERACTION_TASK, "Перезвонить после обеда");
    g_autoptr(RgInteraction) old = rg_interaction_new (due, RG_INTERACTION_TASK, "Напомнить о записи");

    g_object_set (task, "due-at", rg_time_from_local (TODAY, 15 * 60), NULL);
    g_object_set (old, "due-at", rg_time_from_local (rg_date_add_days (TODAY, -2), 10 * 60), NULL);
    g_assert_true (rg_studio_save (f->studio, task, &error));
    g_assert_true (rg_studio_save (f->studio, old, &error));
    g_assert_no_error (error);
  }

  rhythms = rg_retention_load (f->store, TODAY, NULL, &error);
  g_assert_no_error (error);
  list = rg_call_list_build (f->store, rhythms, TODAY, &options, &error);
  g_assert_no_error (error);

  /* Tasks first, the overdue one before today's. */
  g_assert_cmpint (((RgCallEntry *) list->pdata[0])->reason, ==, RG_CALL_TASK);
  g_assert_cmpint (((RgCallEntry *) list->pdata[0])->client_id, ==, due);
  g_assert_nonnull (strstr (((RgCallEntry *) list->pdata[0])->why, "Напомнить о записи"));
  g_assert_cmpint (((RgCallEntry *) list->pdata[1])->client_id, ==, newbie);

  /* Due: the longest waiting first, saying why. */
  e = find_call (list, very_due, RG_CALL_DUE);
  g_assert_nonnull (e);
  g_assert_cmpint (e->days, ==, 8);
  g_assert_cmpstr (e->why, ==, "Due 8 days ago, usually every 20 days");
  g_assert_nonnull (find_call (list, due, RG_CALL_DUE));
  {
    guint a = 0, b = 0;

    for (guint i = 0; i < list->len; i++)
      {
        if (list->pdata[i] == find_call (list, very_due, RG_CALL_DUE))
          a = i;
        if (list->pdata[i] == find_call (list, due, RG_CALL_DUE))
          b = i;
      }
    g_assert_cmpuint (a, <, b);
  }

  /* Not on it: minimal contact, called three days ago. */
  g_assert_null (find_call (list, minimal, RG_CALL_DUE));
  g_assert_null (find_call (list, called, RG_CALL_DUE));

  e = find_call (list, newbie, RG_CALL_NEW);
  g_assert_nonnull (e);
  g_assert_cmpstr (e->why, ==, "Came once, 40 days ago, and has not come back");
  e = find_call (list, sleeping, RG_CALL_SLEEPING);
  g_assert_nonnull (e);
  g_assert_cmpstr (e->why, ==, "Not seen for 45 days, usually every 20 days");

  e = find_call (list, birthday, RG_CALL_BIRTHDAY);
  g_assert_nonnull (e);
  g_assert_true (e->gift);
  g_assert_cmpint (e->days, ==, 3);
  g_assert_true (e->no_messages);
  /* 29 February falls on 28 February 2027: not within a week of 24 November. */
  g_assert_null (find_call (list, leap, RG_CALL_BIRTHDAY));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* On 25 February 2027 it is within the week, on the 28th. */
  g_clear_pointer (&rhythms, g_array_unref);
  rhythms = rg_retention_load (f->store, D (2027, 2, 25), NULL, &error);
  list = rg_call_list_build (f->store, rhythms, D (2027, 2, 25), &options, &error);
  e = find_call (list, leap, RG_CALL_BIRTHDAY);
  g_assert_nonnull (e);
  g_assert_cmpint (e->days, ==, 3);
  g_assert_false (e->gift);

  /* Across the new year: 2 January seen from 28 December. */
  {
    g_autoptr(RgClient) c = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, leap, NULL);

    rg_client_set_birthday (c, 2, 1, 1990);
    g_assert_true (rg_studio_save (f->studio, c, &error));
    g_clear_pointer (&list, g_ptr_array_unref);
    g_clear_pointer (&rhythms, g_array_unref);
    rhythms = rg_retention_load (f->store, D (2026, 12, 28), NULL, &error);
    list = rg_call_list_build (f->store, rhythms, D (2026, 12, 28), &options, &error);
    e = find_call (list, leap, RG_CALL_BIRTHDAY);
    g_assert_nonnull (e);
    g_assert_cmpint (e->days, ==, 5);
  }
}

static void
test_tasks_due (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  gint64 c = add_client (f, "Анна", "+7 912 000-00-01");
  gint64 noon = rg_time_from_local (TODAY, 12 * 60);
  const char *texts[] = { "Раньше", "Ровно в полдень", "Через минуту", "Уже сделано" };
  gint64 at[] = { noon - 3600, noon, noon + 60, noon + 30 };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RgInteraction) task = rg_interaction_new (c, RG_INTERACTION_TASK, texts[i]);

      g_object_set (task, "due-at", at[i], NULL);
      if (i == 3)
        g_object_set (task, "done-at", noon - 10, NULL);
      g_assert_true (rg_studio_save (f->studio, task, &error));
      g_assert_no_error (error);
    }

  /* A reminder window [noon, noon + 2 min): the one at noon and the next; not
   * the earlier one, not the one done. */
  due = rg_tasks_falling_due (f->store, noon, noon + 120, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (((RgTaskDue *) due->pdata[0])->text, ==, "Ровно в полдень");
  g_assert_cmpstr (((RgTaskDue *) due->pdata[1])->text, ==, "Через минуту");
  g_assert_cmpstr (((RgTaskDue *) due->pdata[0])->client, ==, "Анна");

  /* Quick choices, in local time. */
  g_assert_cmpint (rg_task_when_to_time (RG_TASK_TOMORROW_AFTERNOON, noon), ==,
                   rg_time_from_local (rg_date_add_days (TODAY, 1), 15 * 60));
  g_assert_cmpint (rg_task_when_to_time (RG_TASK_TOMORROW_MORNING, noon), ==,
                   rg_time_from_local (rg_date_add_days (TODAY, 1), 10 * 60));
  g_assert_cmpint (rg_task_when_to_time (RG_TASK_THIS_EVENING, noon), ==, rg_time_from_local (TODAY, 18 * 60));
  g_assert_cmpint (rg_task_when_to_time (RG_TASK_THIS_EVENING, rg_time_from_local (TODAY, 19 * 60)), ==,
                   rg_time_from_local (rg_date_add_days (TODAY, 1), 18 * 60));
  g_assert_cmpint (rg_task_when_to_time (RG_TASK_IN_A_WEEK, noon), ==,
                   rg_time_from_local (rg_date_add_days (TODAY, 7), 12 * 60));
}

/* The dashboard on a hand-computed studio. D = 24 November 2026, P = July
 * 2026 (its first visits are at least 90 days before D).
 *   A: 5 Jul, 20 Aug (46 days: retained)       B: 10 Jul, 1 Nov (114: not)
 *   C: 31 Jul (116 days before D: counts, not retained)
 *   E: 1 Oct 2025, 10 Jan, 15 Jun, 20 Jul (3,000) — existing, retained; regular
 *   F: 1 Mar, 20 Jun — existing, not retained
 *   G: 25 Jun only (no visit before: not existing); a no-show on 15 Jul
 *   H: 1 Jun 2025 — in churn's base year, none since: churned
 * Every visit 1,000 unless said. */
static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDashboard) d = NULL;
  g_autofree char *json = NULL;
  struct { const char *name; RgDate days[4]; guint n; } people[] = {
    { "A", { D (2026, 7, 5), D (2026, 8, 20) }, 2 },
    { "B", { D (2026, 7, 10), D (2026, 11, 1) }, 2 },
    { "C", { D (2026, 7, 31) }, 1 },
    { "E", { D (2025, 10, 1), D (2026, 1, 10), D (2026, 6, 15), D (2026, 7, 20) }, 4 },
    { "F", { D (2026, 3, 1), D (2026, 6, 20) }, 2 },
    { "G", { D (2026, 6, 25) }, 1 },
    { "H", { D (2025, 6, 1) }, 1 },
  };
  gint64 ids[G_N_ELEMENTS (people)];

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *phone = g_strdup_printf ("+7 912 000-01-%02u", i);

      ids[i] = add_client (f, people[i].name, phone);
      for (guint k = 0; k < people[i].n; k++)
        book (f, ids[i], people[i].days[k], 600, RG_APPOINTMENT_DONE,
              g_str_equal (people[i].name, "E") && k == 3 ? 3000 : 1000);
    }
  book (f, ids[5], D (2026, 7, 15), 600, RG_APPOINTMENT_NO_SHOW, 1000);
  {
    g_autoptr(RgInteraction) in_year = rg_interaction_new (ids[0], RG_INTERACTION_COMPLAINT, "Долго");
    g_autoptr(RgInteraction) old = rg_interaction_new (ids[0], RG_INTERACTION_COMPLAINT, "Давно");

    g_object_set (in_year, "occurred-at", rg_time_from_local (D (2026, 5, 1), 600), NULL);
    g_object_set (old, "occurred-at", rg_time_from_local (D (2025, 1, 1), 600), NULL);
    g_assert_true (rg_studio_save (f->studio, in_year, &error));
    g_assert_true (rg_studio_save (f->studio, old, &error));
  }

  d = rg_dashboard_compute (f->store, D (2026, 7, 1), D (2026, 7, 31), TODAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d->clients, ==, 7);
  g_assert_cmpfloat (d->new_retention.numerator, ==, 1);
  g_assert_cmpfloat (d->new_retention.denominator, ==, 3);
  g_assert_cmpfloat (d->existing_retention.numerator, ==, 1);
  g_assert_cmpfloat (d->existing_retention.denominator, ==, 2);
  g_assert_cmpfloat (d->churn.numerator, ==, 1);
  g_assert_cmpfloat (d->churn.denominator, ==, 2);
  g_assert_cmpfloat (rg_share_percent (&d->churn), ==, 50);
  g_assert_cmpfloat (d->returning.numerator, ==, 1);
  g_assert_cmpfloat (d->returning.denominator, ==, 4);
  g_assert_cmpuint (d->visits, ==, 4);
  g_assert_cmpint (d->revenue, ==, 6000);
  g_assert_cmpfloat (d->average_check, ==, 1500);
  g_assert_cmpfloat (rg_share_percent (&d->regulars_revenue), ==, 50);
  g_assert_cmpfloat (d->no_shows.numerator, ==, 1);
  g_assert_cmpfloat (d->no_shows.denominator, ==, 5);
  g_assert_cmpuint (d->regulars, ==, 1);
  g_assert_cmpfloat (d->visit_frequency, ==, 11.0 / 6.0);
  g_assert_cmpfloat (d->annual_spend, ==, (11000.0 + 2000.0) / 6.0);
  g_assert_cmpfloat_with_epsilon (d->lifetime_value, 15000.0 / 7.0, 1e-9);   /* 13 visits, E's July one 3,000 */
  g_assert_cmpfloat_with_epsilon (d->relationship_days, 563.0 / 7.0, 1e-9);
  g_assert_cmpuint (d->complaints_year, ==, 1);
  g_assert_cmpuint (d->statuses[RG_CLIENT_LOST], ==, 5);   /* A, C, F, G (the service's 28 days) and H */
  g_assert_cmpuint (d->statuses[RG_CLIENT_ON_TRACK], ==, 1);   /* B */
  g_assert_cmpuint (d->statuses[RG_CLIENT_DUE], ==, 1);        /* E: 127 days, T = 101 */

  /* The charts: July's existing-client retention in the trend, the July
   * cohort (A, B, C) month by month, the one master's churn and how many of
   * her clients see nobody else. */
  g_assert_cmpint (rg_date_compare (d->trend_month[11], D (2026, 11, 1)), ==, 0);
  g_assert_cmpint (rg_date_compare (d->trend_month[7], D (2026, 7, 1)), ==, 0);
  g_assert_cmpfloat (rg_share_percent (&d->trend[7]), ==, 50);
  g_assert_cmpuint (d->cohorts[7].clients, ==, 3);
  g_assert_cmpfloat (d->cohorts[7].share[0], ==, 100);
  g_assert_cmpfloat_with_epsilon (d->cohorts[7].share[1], 100.0 / 3.0, 1e-9);   /* A in August */
  g_assert_cmpfloat (d->cohorts[7].share[2], ==, 0);
  g_assert_cmpfloat_with_epsilon (d->cohorts[7].share[4], 100.0 / 3.0, 1e-9);   /* B in November */
  g_assert_true (isnan (d->cohorts[7].share[5]));                               /* December is ahead */
  g_assert_cmpuint (d->masters->len, ==, 1);
  {
    RgMasterRisk *m = d->masters->pdata[0];

    g_assert_cmpstr (m->name, ==, "Ольга");
    g_assert_cmpfloat (m->churn.numerator, ==, 1);     /* H */
    g_assert_cmpfloat (m->churn.denominator, ==, 2);   /* E, H */
    g_assert_cmpfloat (rg_share_percent (&m->dependency), ==, 100);
    g_assert_cmpfloat (m->dependency.denominator, ==, 6);
  }

  /* No definition divides by nothing: an empty period gives no figure. */
  g_clear_pointer (&d, rg_dashboard_free);
  d = rg_dashboard_compute (f->store, D (2020, 1, 1), D (2020, 1, 31), TODAY, NULL, &error);
  g_assert_true (isnan (rg_share_percent (&d->new_retention)));
  g_assert_true (isnan (d->average_check));

  /* The report prints the same, as JSON. */
  {
    RgReportOptions opts = { "2026-07-01", "2026-07-31", 0, 0, "2026-11-24", TRUE };

    json = rg_report_run (f->store, "retention", &opts, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (json, "\"churn\""));
    g_assert_nonnull (strstr (json, "\"percent\" : 50"));
    opts.as_of = "2026-07-15";   /* before the period's end */
    g_assert_null (rg_report_run (f->store, "retention", &opts, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  }
}

/* Day numbers by arithmetic equal GDate's Julian days, both ways, for
 * every day from 1 January 1 to 31 December 2400. */
static void
test_day_numbers (void)
{
  GDate g;

  g_date_clear (&g, 1);
  g_date_set_dmy (&g, 1, 1, 1);
  for (guint32 n = 1; g_date_get_year (&g) <= 2400; n++, g_date_add_days (&g, 1))
    {
      RgDate d = { g_date_get_year (&g), g_date_get_month (&g), g_date_get_day (&g) };
      RgDate back = rg_date_of_number (n);

      g_assert_cmpint (g_date_get_julian (&g), ==, n);
      g_assert_cmpint (rg_day_number (d), ==, n);
      g_assert_cmpint (back.year, ==, d.year);
      g_assert_cmpint (back.month, ==, d.month);
      g_assert_cmpint (back.day, ==, d.day);
    }
}

/* The table of midnights the loaders turn times into days with: every
 * 97 minutes over eighteen years in zones with daylight saving and with
 * changes of their offset (Moscow: summer time until 2011, +4 until 2014,
 * +3 since), the last second of a day and the first of the next. */
static void
test_day_table (void)
{
  static const char * const zones[] = { "Europe/Moscow", "America/New_York", "Australia/Lord_Howe", "UTC" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zones[z]);
      gint64 first = rg_day_number (D (2009, 1, 1)), last = rg_day_number (D (2027, 1, 1));
      DayTable table;

      g_assert_nonnull (zone);
      rg_time_set_zone (zone);
      rg_day_table_init (&table, first, last);
      for (gint64 at = rg_date_start (D (2009, 1, 1)); at < rg_date_end (D (2027, 1, 1)); at += 97 * 60)
        g_assert_cmpint (rg_day_table_lookup (&table, at), ==, rg_day_number (rg_date_from_time (at)));
      for (gint64 n = first; n <= last; n++)
        {
          RgDate day = rg_date_of_number (n);

          g_assert_cmpint (rg_day_table_lookup (&table, rg_date_start (day)), ==, n);
          g_assert_cmpint (rg_day_table_lookup (&table, rg_date_end (day) - 1), ==, n);
        }
      /* Before the table, and after it. */
      g_assert_cmpint (rg_day_table_lookup (&table, rg_date_start (D (2009, 1, 1)) - 1), ==, first - 1);
      g_assert_cmpint (rg_day_table_lookup (&table, rg_date_end (D (2027, 1, 1)) + 86400 * 3), ==, last);
      g_array_unref (table.starts);
    }
  rg_time_set_zone (NULL);
}

/* A visit with @staff and its services' lines (@lines prices; the
 * appointment's price is their sum). */
static gint64
book_lines (Fixture             *f,
            gint64               client,
            RgDate               day,
            RgAppointmentStatus  status,
            gint64               staff,
            const gint64        *services,
            const gint64        *prices,
            guint                n)
{
  g_autoptr(GError) error = NULL;
  gint64 at = rg_time_from_local (day, 600), total = 0;
  g_autoptr(RgAppointment) a = rg_appointment_new (client, staff, at, at + 3600);
  gint64 id;

  for (guint i = 0; i < n; i++)
    total += prices[i];
  rg_appointment_set_status (a, status);
  g_object_set (a, "price", total, NULL);
  g_assert_true (rg_studio_save (f->studio, a, &error));
  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (a));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStmt) stmt = rg_store_prepare (f->store,
                                                 "INSERT INTO appointment_services (id, appointment_id, service_id, position,"
                                                 " duration_minutes, price, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 30, ?5, 0, 0)",
                                                 &error);

      sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int64 (stmt, 3, services[i]);
      sqlite3_bind_int (stmt, 4, (int) i);
      sqlite3_bind_int64 (stmt, 5, prices[i]);
      g_assert_true (rg_store_step_done (f->store, stmt, &error));
    }
  return id;
}

static const RgBreakdown *
breakdown_named (GPtrArray  *rows,
                 const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((RgBreakdown *) rows->pdata[i])->name, name))
      return rows->pdata[i];
  g_assert_not_reached ();
}

#define ASSERT_SHARE(share, num, den) G_STMT_START { \
  g_assert_cmpfloat ((share).numerator, ==, (num)); \
  g_assert_cmpfloat ((share).denominator, ==, (den)); \
} G_STMT_END

/* The figures by master and by service, on July 2026 (hand-counted):
 * A came first in July to Irina for a pedicure and back within 90 days; B
 * first in July to Olga for both services, back only in November; E, a
 * regular, saw Irina in June (before the period) and Olga in July; G, new
 * in June with Irina, missed a pedicure in July. */
static void
test_dashboard_breakdown (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDashboard) d = NULL;
  g_autoptr(RgStaff) irina = rg_staff_new ("Ирина", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgService) pedicure = rg_service_new ("Педикюр", 60, 100000);
  gint64 olga = f->staff, mani = f->service, pedi, iri;
  gint64 a = add_client (f, "A", "+7 912 000-02-01");
  gint64 b = add_client (f, "B", "+7 912 000-02-02");
  gint64 e = add_client (f, "E", "+7 912 000-02-03");
  gint64 g = add_client (f, "G", "+7 912 000-02-04");
  const RgBreakdown *row;

  g_assert_true (rg_studio_save (f->studio, irina, &error));
  g_assert_true (rg_studio_save (f->studio, pedicure, &error));
  iri = rg_record_get_id (RG_RECORD (irina));
  pedi = rg_record_get_id (RG_RECORD (pedicure));

  book_lines (f, a, D (2026, 7, 5), RG_APPOINTMENT_DONE, iri, (gint64[]) { pedi }, (gint64[]) { 1000 }, 1);
  book_lines (f, a, D (2026, 8, 20), RG_APPOINTMENT_DONE, olga, (gint64[]) { mani }, (gint64[]) { 1000 }, 1);
  book_lines (f, b, D (2026, 7, 10), RG_APPOINTMENT_DONE, olga, (gint64[]) { mani, pedi }, (gint64[]) { 600, 400 }, 2);
  book_lines (f, b, D (2026, 11, 1), RG_APPOINTMENT_DONE, olga, (gint64[]) { mani }, (gint64[]) { 1000 }, 1);
  book_lines (f, e, D (2025, 10, 1), RG_APPOINTMENT_DONE, iri, (gint64[]) { mani }, (gint64[]) { 1000 }, 1);
  book_lines (f, e, D (2026, 1, 10), RG_APPOINTMENT_DONE, iri, (gint64[]) { mani }, (gint64[]) { 1000 }, 1);
  book_lines (f, e, D (2026, 6, 15), RG_APPOINTMENT_DONE, iri, (gint64[]) { mani }, (gint64[]) { 1000 }, 1);
  book_lines (f, e, D (2026, 7, 20), RG_APPOINTMENT_DONE, olga, (gint64[]) { mani }, (gint64[]) { 3000 }, 1);
  book_lines (f, g, D (2026, 6, 25), RG_APPOINTMENT_DONE, iri, (gint64[]) { pedi }, (gint64[]) { 1000 }, 1);
  book_lines (f, g, D (2026, 7, 15), RG_APPOINTMENT_NO_SHOW, iri, (gint64[]) { pedi }, (gint64[]) { 1000 }, 1);
  /* Complaints: about Olga's manicure and about Irina in the year up to
   * D, about Irina's pedicure before it. */
  {
    g_autoptr(RgInteraction) olga_mani = rg_interaction_new (b, RG_INTERACTION_COMPLAINT, "Скол через день");
    g_autoptr(RgInteraction) irina_any = rg_interaction_new (g, RG_INTERACTION_COMPLAINT, "Опоздала");
    g_autoptr(RgInteraction) old = rg_interaction_new (e, RG_INTERACTION_COMPLAINT, "Давно");

    g_object_set (olga_mani, "occurred-at", rg_time_from_local (D (2026, 7, 12), 600), "staff-id", olga,
                  "service-id", mani, NULL);
    g_object_set (irina_any, "occurred-at", rg_time_from_local (D (2026, 6, 26), 600), "staff-id", iri, NULL);
    g_object_set (old, "occurred-at", rg_time_from_local (D (2025, 10, 2), 600), "staff-id", iri,
                  "service-id", pedi, NULL);
    g_assert_true (rg_studio_save (f->studio, olga_mani, &error));
    g_assert_true (rg_studio_save (f->studio, irina_any, &error));
    g_assert_true (rg_studio_save (f->studio, old, &error));
  }

  d = rg_dashboard_compute (f->store, D (2026, 7, 1), D (2026, 7, 31), TODAY, NULL, &error);
  g_assert_no_error (error);

  /* By master, the most revenue first. */
  g_assert_cmpuint (d->by_master->len, ==, 2);
  g_assert_cmpstr (((RgBreakdown *) d->by_master->pdata[0])->name, ==, "Ольга");
  row = breakdown_named (d->by_master, "Ольга");
  g_assert_cmpuint (row->clients, ==, 2);
  g_assert_cmpuint (row->visits, ==, 2);
  g_assert_cmpint (row->revenue, ==, 4000);
  g_assert_cmpfloat (row->average_check, ==, 2000);
  ASSERT_SHARE (row->no_shows, 0, 2);
  ASSERT_SHARE (row->returning, 1, 2);             /* E */
  ASSERT_SHARE (row->new_retention, 0, 1);         /* B: back after 114 days */
  ASSERT_SHARE (row->existing_retention, 0, 0);
  ASSERT_SHARE (row->regulars_revenue, 3000, 4000);
  ASSERT_SHARE (row->churn, 0, 0);
  /* The year up to D: A, B twice, E; 1,000 + 2 × 1,000 + 3,000. */
  g_assert_cmpfloat (row->visit_frequency, ==, 4.0 / 3.0);
  g_assert_cmpfloat (row->annual_spend, ==, 6000.0 / 3.0);
  g_assert_cmpuint (row->complaints_year, ==, 1);
  /* Ever: A, B (July to November, 114 days), E. */
  g_assert_cmpfloat (row->lifetime_value, ==, 6000.0 / 3.0);
  g_assert_cmpfloat (row->relationship_days, ==, 114.0 / 3.0);
  row = breakdown_named (d->by_master, "Ирина");
  g_assert_cmpuint (row->clients, ==, 1);
  g_assert_cmpuint (row->visits, ==, 1);
  g_assert_cmpint (row->revenue, ==, 1000);
  ASSERT_SHARE (row->no_shows, 1, 2);              /* G */
  ASSERT_SHARE (row->returning, 0, 1);
  ASSERT_SHARE (row->new_retention, 1, 1);         /* A */
  ASSERT_SHARE (row->existing_retention, 1, 1);    /* E, not G (June was G's first) */
  ASSERT_SHARE (row->regulars_revenue, 0, 1000);
  ASSERT_SHARE (row->churn, 0, 1);                 /* E in the base year, back this year */
  /* A, E in January and June (October 2025 is before the year), G. */
  g_assert_cmpfloat (row->visit_frequency, ==, 4.0 / 3.0);
  g_assert_cmpfloat (row->annual_spend, ==, 4000.0 / 3.0);
  g_assert_cmpuint (row->complaints_year, ==, 1);
  /* Ever: A, E (October 2025 to June, 257 days), G. */
  g_assert_cmpfloat (row->lifetime_value, ==, 5000.0 / 3.0);
  g_assert_cmpfloat (row->relationship_days, ==, 257.0 / 3.0);

  /* By service: a visit counts for each of its services, with its line. */
  g_assert_cmpuint (d->by_service->len, ==, 2);
  g_assert_cmpstr (((RgBreakdown *) d->by_service->pdata[0])->name, ==, "Маникюр");
  row = breakdown_named (d->by_service, "Маникюр");
  g_assert_cmpuint (row->clients, ==, 2);
  g_assert_cmpuint (row->visits, ==, 2);
  g_assert_cmpint (row->revenue, ==, 3600);
  ASSERT_SHARE (row->no_shows, 0, 2);
  ASSERT_SHARE (row->returning, 1, 2);
  ASSERT_SHARE (row->new_retention, 0, 1);
  ASSERT_SHARE (row->regulars_revenue, 3000, 3600);
  ASSERT_SHARE (row->existing_retention, 1, 1);    /* E: June, back in July */
  ASSERT_SHARE (row->churn, 0, 1);                 /* E: October 2025, back this year */
  /* The year up to D: A once, B twice, E three times; their lines'
   * 1,000 + 600 + 1,000 + 3 × 1,000 + 2,000 more in July. */
  g_assert_cmpfloat (row->visit_frequency, ==, 6.0 / 3.0);
  g_assert_cmpfloat (row->annual_spend, ==, 7600.0 / 3.0);
  g_assert_cmpuint (row->complaints_year, ==, 1);
  /* Ever: A (one), B (July to November, 114 days), E (October 2025 to
   * July, 292 days). */
  g_assert_cmpfloat (row->lifetime_value, ==, 8600.0 / 3.0);
  g_assert_cmpfloat (row->relationship_days, ==, 406.0 / 3.0);
  row = breakdown_named (d->by_service, "Педикюр");
  g_assert_cmpuint (row->clients, ==, 2);
  g_assert_cmpuint (row->visits, ==, 2);
  g_assert_cmpint (row->revenue, ==, 1400);
  g_assert_cmpfloat (row->average_check, ==, 700);
  ASSERT_SHARE (row->no_shows, 1, 3);
  ASSERT_SHARE (row->returning, 0, 2);
  ASSERT_SHARE (row->new_retention, 1, 2);         /* A yes, B no */
  ASSERT_SHARE (row->regulars_revenue, 0, 1400);
  ASSERT_SHARE (row->existing_retention, 0, 0);    /* G's June visit was the first */
  ASSERT_SHARE (row->churn, 0, 0);
  /* A, B (their 400), G; G's no-show is no visit. */
  g_assert_cmpfloat (row->visit_frequency, ==, 1);
  g_assert_cmpfloat (row->annual_spend, ==, 800);
  g_assert_cmpfloat (row->lifetime_value, ==, 800);
  g_assert_cmpfloat (row->relationship_days, ==, 0);
  g_assert_cmpuint (row->complaints_year, ==, 0);    /* the year before */
  g_assert_cmpuint (d->complaints_year, ==, 2);

  /* The masters' visits and money add up to the studio's. */
  g_assert_cmpuint (d->visits, ==, 3);
  g_assert_cmpint (d->revenue, ==, 5000);

  /* The report's text has a line per master and per service. */
  {
    RgReportOptions opts = { "2026-07-01", "2026-07-31", 0, 0, "2026-11-24", FALSE };
    g_autofree char *text = rg_report_run (f->store, "retention", &opts, &error);

    g_assert_no_error (error);
    g_test_message ("%s", text);
    /* A table with a header row; money as the window shows it. */
    g_assert_nonnull (strstr (text, "\n  Master  Visits  Revenue  New %  Existing %"));
    g_assert_nonnull (strstr (text, "  Ольга        2     40\u00a0₽    0.0           —         50.0         0.0        —          1.3        20\u00a0₽      20\u00a0₽    38           1\n"));
    g_assert_nonnull (strstr (text, "  Педикюр       2     14\u00a0₽   50.0           —          0.0        33.3        —          1.0         8\u00a0₽       8\u00a0₽     0           0\n"));
    /* Everything the README promises: segments, the trend, cohorts, masters' risk. */
    g_assert_nonnull (strstr (text, "\nVIP "));
    g_assert_nonnull (strstr (text, "\n  2026-07                  100.0            1 / 1\n"));
    g_assert_nonnull (strstr (text, "\n  2026-11 (to date)"));
    g_assert_nonnull (strstr (text, "\n  2026-07            2  100  50   0   0  50\n"));
    g_assert_nonnull (strstr (text, "Only them %"));
    g_assert_null (strstr (text, " \n"));   /* no trailing spaces */
  }

  /* Seen from the end of July: the visits after it do not count. X saw
   * Irina in 2023 (before the window the dashboard reads) and again in
   * September. Olga: B (July only) and E; A came to her in August. */
  {
    g_autoptr(RgDashboard) july = NULL;
    gint64 x = add_client (f, "X", "+7 912 000-02-05");

    book_lines (f, x, D (2023, 1, 10), RG_APPOINTMENT_DONE, iri, (gint64[]) { mani }, (gint64[]) { 1000 }, 1);
    book_lines (f, x, D (2026, 9, 1), RG_APPOINTMENT_DONE, iri, (gint64[]) { mani }, (gint64[]) { 1000 }, 1);
    july = rg_dashboard_compute (f->store, D (2026, 7, 1), D (2026, 7, 31), D (2026, 7, 31), NULL, &error);
    g_assert_no_error (error);
    row = breakdown_named (july->by_master, "Ольга");
    g_assert_cmpfloat (row->lifetime_value, ==, 4000.0 / 2.0);
    g_assert_cmpfloat (row->relationship_days, ==, 0);
    row = breakdown_named (july->by_master, "Ирина");
    g_assert_cmpfloat (row->lifetime_value, ==, 6000.0 / 4.0);     /* A, E, G, X (2023 only) */
    g_assert_cmpfloat (row->relationship_days, ==, 257.0 / 4.0);
    /* Manicures up to July: B (600 of the first), E, X (2023 only); A's
     * came in August. Pedicures: A, B, G. */
    row = breakdown_named (july->by_service, "Маникюр");
    g_assert_cmpfloat (row->lifetime_value, ==, 7600.0 / 3.0);
    g_assert_cmpfloat (row->relationship_days, ==, 292.0 / 3.0);
    row = breakdown_named (july->by_service, "Педикюр");
    g_assert_cmpfloat (row->lifetime_value, ==, 2400.0 / 3.0);
    g_assert_cmpfloat (row->relationship_days, ==, 0);
  }
}

/* The edges of §4, each a day off on either side in a wrong copy:
 *   Y: visits 609, 487 and exactly 365 days before D (T = 122): d = 365 is
 *      not more than a year and not more than 3·T: sleeping, in the bulk
 *      load's quick "lost by the year" path as one at a time;
 *   N: first visit exactly 90 days before D, in P, and a second exactly 90
 *      days after it (on D): in the cohort, and retained — by master and
 *      by service too;
 *   H: only visit exactly on D−365: in churn's base year, churned;
 *   K: on D−365 and D−364: in the base year and in the year: stays. */
static void
test_boundaries (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(RgDashboard) d = NULL;
  gint64 y = add_client (f, "Y", "+7 912 000-03-01");
  gint64 n = add_client (f, "N", "+7 912 000-03-02");
  gint64 h = add_client (f, "H", "+7 912 000-03-03");
  gint64 k = add_client (f, "K", "+7 912 000-03-04");
  RgClientRhythm one;
  const RgBreakdown *row;

  book (f, y, rg_date_add_days (TODAY, -609), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, y, rg_date_add_days (TODAY, -487), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, y, rg_date_add_days (TODAY, -365), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, n, rg_date_add_days (TODAY, -90), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, n, TODAY, 600, RG_APPOINTMENT_DONE, 1000);
  book (f, h, rg_date_add_days (TODAY, -365), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, k, rg_date_add_days (TODAY, -365), 600, RG_APPOINTMENT_DONE, 1000);
  book (f, k, rg_date_add_days (TODAY, -364), 600, RG_APPOINTMENT_DONE, 1000);

  all = rg_retention_load (f->store, TODAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find (all, y)->days_since, ==, 365);
  g_assert_cmpfloat (find (all, y)->interval, ==, 122);
  g_assert_cmpint (find (all, y)->status, ==, RG_CLIENT_SLEEPING);
  g_assert_true (rg_retention_load_client (f->store, y, TODAY, &one, &error));
  g_assert_cmpint (one.status, ==, RG_CLIENT_SLEEPING);
  /* A day later it is more than a year: lost, both ways. */
  g_clear_pointer (&all, g_array_unref);
  all = rg_retention_load (f->store, rg_date_add_days (TODAY, 1), NULL, &error);
  g_assert_cmpint (find (all, y)->status, ==, RG_CLIENT_LOST);
  g_assert_true (rg_retention_load_client (f->store, y, rg_date_add_days (TODAY, 1), &one, &error));
  g_assert_cmpint (one.status, ==, RG_CLIENT_LOST);

  d = rg_dashboard_compute (f->store, rg_date_add_days (TODAY, -100), rg_date_add_days (TODAY, -80), TODAY,
                            NULL, &error);
  g_assert_no_error (error);
  ASSERT_SHARE (d->new_retention, 1, 1);           /* N */
  ASSERT_SHARE (d->churn, 2, 3);                   /* Y, H of Y, H, K */
  row = breakdown_named (d->by_master, "Ольга");
  ASSERT_SHARE (row->new_retention, 1, 1);
  ASSERT_SHARE (row->churn, 2, 3);
  row = breakdown_named (d->by_service, "Маникюр");
  ASSERT_SHARE (row->new_retention, 1, 1);
  ASSERT_SHARE (row->churn, 2, 3);
  g_assert_cmpuint (d->masters->len, ==, 1);
  g_assert_cmpfloat (((RgMasterRisk *) d->masters->pdata[0])->churn.numerator, ==, 2);
  g_assert_cmpfloat (((RgMasterRisk *) d->masters->pdata[0])->churn.denominator, ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/retention/interval", test_interval);
  g_test_add_func ("/retention/interval-random", test_interval_random);
  g_test_add_func ("/retention/status-edges", test_status_edges);
  g_test_add_func ("/retention/segments", test_segments);
  g_test_add_func ("/retention/leap-year", test_leap_year);
  g_test_add_func ("/retention/day-numbers", test_day_numbers);
  g_test_add_func ("/retention/day-table", test_day_table);
  g_test_add ("/retention/load", Fixture, NULL, fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/retention/local-days", Fixture, NULL, fixture_set_up, test_local_days, fixture_tear_down);
  g_test_add ("/retention/merged", Fixture, NULL, fixture_set_up, test_merged, fixture_tear_down);
  g_test_add ("/retention/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add_func ("/retention/bulk-matches-single", test_bulk_matches_single);
  g_test_add ("/retention/call-list", Fixture, NULL, fixture_set_up, test_call_list, fixture_tear_down);
  g_test_add ("/retention/tasks-due", Fixture, NULL, fixture_set_up, test_tasks_due, fixture_tear_down);
  g_test_add ("/retention/dashboard", Fixture, NULL, fixture_set_up, test_dashboard, fixture_tear_down);
  g_test_add ("/retention/boundaries", Fixture, NULL, fixture_set_up, test_boundaries, fixture_tear_down);
  g_test_add ("/retention/dashboard-breakdown", Fixture, NULL, fixture_set_up, test_dashboard_breakdown, fixture_tear_down);

  return g_test_run ();
}
