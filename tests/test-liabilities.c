/* test-liabilities.c — what the studio owes on a day, on a small studio
 * whose ledgers are written with SQL, every figure checked against sums
 * done by hand (in the comments); then `--report liabilities` as text and
 * JSON, and its refusals.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "analytics/rg-liabilities.h"
#include "model/rg-format.h"
#include "report/rg-report.h"
#include "report/rg-report-liabilities.h"
#include "test-util.h"

/* The studio -------------------------------------------------------------------
 *
 * Three clients: Olga, Pavel, Rita. 2026 (local days; the tests run with
 * TZ=UTC), a point worth 100 (the default):
 *
 * Deposits   Olga  +5000 1 Nov, −1200 10 Nov 18:00          → 3800 from 10 Nov
 *            Pavel +2000 2 Nov, −2000 3 Nov                  → 0
 *            Rita  +1000 1 Dec                               → 0 in November
 * Points     Pavel +40 3 Nov, −15 20 Nov                     → 25 from 20 Nov
 *            Olga  +10 30 Nov 23:59:59, +7 1 Dec 00:00       → 10 at the end of 30 Nov
 * Certificates
 *            C1 3000 sold 1 Nov, expires 1 Dec 00:00, −1000 15 Nov → 2000, valid on 30 Nov
 *            C2 2000 sold 1 Oct, expires 15 Nov 00:00              → 2000 until 14 Nov
 *            C3 1500 sold 5 Nov, redeemed whole 6 Nov              → 0
 *            C4 1000 sold 2 Dec                                    → not yet in November
 * Subscriptions (visits, price)
 *            S1 Olga  10, 9000 sold 1 Nov, expires 1 Feb 2027; used 8 Nov, 15 Nov, 3 Dec
 *                                → 8 left on 30 Nov: 8 × 9000 / 10 = 7200
 *            S2 Pavel  3, 1000 sold 2 Nov, expires 1 Mar 2027; used 20 Nov
 *                                → 2 left: 2000 / 3 = 666.67 → 667
 *            S3 Rita   6, 5000 sold 25 Nov, from its first use, never used (expires NULL)
 *                                → 6 left: 5000
 *            S4 Olga   5, 4000 sold 1 Aug, expired 1 Nov 00:00, never used → 0 from 1 Nov
 *            S5 Olga   1,  800 sold 3 Nov, used 4 Nov → 0
 *
 * At the end of 30 Nov: deposits 3800 (1 client), certificates 2000 (1),
 * subscriptions 7200 + 667 + 5000 = 12867 (3, 16 visits), points 35 × 100 =
 * 3500 (2 clients); total 22167.
 * At the end of 10 Nov: deposits 3800 (1), certificates C1 3000 + C2 2000 =
 * 5000 (2), subscriptions S1 9 × 900 = 8100 + S2 1000 = 9100 (2, 12 visits),
 * points Pavel's 40 = 4000 (1); total 21900. */

#define OLGA  ((gint64) 201)
#define PAVEL ((gint64) 202)
#define RITA  ((gint64) 203)

typedef struct {
  char     *dir;
  RgStore  *store;
} Fixture;

static gint64
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  return rg_time_from_local ((RgDate) { year, month, day }, hour * 60 + minute);
}

static void
deposit (RgStore    *store,
         gint64      client,
         gint64      amount,
         gint64      when)
{
  test_sql_run (store,
                "INSERT INTO deposit_moves (client_id, amount, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, ?2, CASE WHEN ?2 > 0 THEN 'top_up' ELSE 'payment' END, ?3, ?3, ?3)",
                "iii", client, amount, when);
}

static void
points (RgStore *store,
        gint64   client,
        gint64   n,
        gint64   when)
{
  test_sql_run (store,
                "INSERT INTO points_moves (client_id, points, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, ?2, CASE WHEN ?2 > 0 THEN 'earned' ELSE 'spent' END, ?3, ?3, ?3)",
                "iii", client, n, when);
}

static void
certificate (RgStore    *store,
             gint64      id,
             gint64      amount,
             gint64      sold_at,
             gint64      expires_at)
{
  g_autofree char *number = g_strdup_printf ("GC-%06" G_GINT64_FORMAT, id);

  test_sql_run (store,
                "INSERT INTO certificates (id, number, amount, sold_at, expires_at, created_at, updated_at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?4)",
                "itiii", id, number, amount, sold_at, expires_at);
  test_sql_run (store,
                "INSERT INTO certificate_moves (certificate_id, amount, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, ?2, 'sold', ?3, ?3, ?3)",
                "iii", id, amount, sold_at);
}

static void
redeem (RgStore *store,
        gint64   certificate_id,
        gint64   amount,
        gint64   when)
{
  test_sql_run (store,
                "INSERT INTO certificate_moves (certificate_id, amount, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, ?2, 'redeemed', ?3, ?3, ?3)",
                "iii", certificate_id, -amount, when);
}

/* @expires_at 0: runs from its first use, not used yet. */
static void
subscription (RgStore *store,
              gint64   id,
              gint64   client,
              gint64   visits,
              gint64   price,
              gint64   sold_at,
              gint64   expires_at)
{
  test_sql_run (store,
                "INSERT INTO subscriptions (id, name, client_id, visits, price, valid_days, from_first_use, sold_at,"
                " expires_at, created_at, updated_at)"
                " VALUES (?1, 'Visits', ?2, ?3, ?4, 90, ?5 = 0, ?6, nullif (?5, 0), ?6, ?6)",
                "iiiiii", id, client, visits, price, expires_at, sold_at);
  test_sql_run (store,
                "INSERT INTO subscription_moves (subscription_id, visits, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, ?2, 'sold', ?3, ?3, ?3)",
                "iii", id, visits, sold_at);
}

static void
use (RgStore *store,
     gint64   subscription_id,
     gint64   when)
{
  test_sql_run (store,
                "INSERT INTO subscription_moves (subscription_id, visits, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, -1, 'use', ?2, ?2, ?2)",
                "ii", subscription_id, when);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RgStore *s;

  f->dir = g_dir_make_tmp ("regulars-owe-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->store = s = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_store_get_schema_version (s), >=, 16);

  g_assert_true (rg_store_exec (s,
                                "INSERT INTO clients (id, address_as, full_name, sort_key, phone, phone_digits,"
                                " created_at, updated_at)"
                                "  VALUES (201, 'Olga', 'Olga Petrova', 'olga', '+7 900 000-00-01', '79000000001', 0, 0),"
                                "         (202, 'Pavel', NULL, 'pavel', '+7 900 000-00-02', '79000000002', 0, 0),"
                                "         (203, 'Rita', NULL, 'rita', '+7 900 000-00-03', '79000000003', 0, 0);",
                                &error));
  g_assert_no_error (error);

  deposit (s, OLGA, 5000, at (2026, 11, 1, 12, 0));
  deposit (s, OLGA, -1200, at (2026, 11, 10, 18, 0));
  deposit (s, PAVEL, 2000, at (2026, 11, 2, 12, 0));
  deposit (s, PAVEL, -2000, at (2026, 11, 3, 12, 0));
  deposit (s, RITA, 1000, at (2026, 12, 1, 12, 0));

  points (s, PAVEL, 40, at (2026, 11, 3, 12, 0));
  points (s, PAVEL, -15, at (2026, 11, 20, 12, 0));
  points (s, OLGA, 10, at (2026, 11, 30, 23, 59) + 59);
  points (s, OLGA, 7, at (2026, 12, 1, 0, 0));

  certificate (s, 1, 3000, at (2026, 11, 1, 12, 0), at (2026, 12, 1, 0, 0));
  redeem (s, 1, 1000, at (2026, 11, 15, 12, 0));
  certificate (s, 2, 2000, at (2026, 10, 1, 12, 0), at (2026, 11, 15, 0, 0));
  certificate (s, 3, 1500, at (2026, 11, 5, 12, 0), at (2027, 11, 5, 0, 0));
  redeem (s, 3, 1500, at (2026, 11, 6, 12, 0));
  certificate (s, 4, 1000, at (2026, 12, 2, 12, 0), at (2027, 12, 2, 0, 0));

  subscription (s, 11, OLGA, 10, 9000, at (2026, 11, 1, 12, 0), at (2027, 2, 1, 0, 0));
  use (s, 11, at (2026, 11, 8, 12, 0));
  use (s, 11, at (2026, 11, 15, 12, 0));
  use (s, 11, at (2026, 12, 3, 12, 0));
  subscription (s, 12, PAVEL, 3, 1000, at (2026, 11, 2, 12, 0), at (2027, 3, 1, 0, 0));
  use (s, 12, at (2026, 11, 20, 12, 0));
  subscription (s, 13, RITA, 6, 5000, at (2026, 11, 25, 12, 0), 0);
  subscription (s, 14, OLGA, 5, 4000, at (2026, 8, 1, 12, 0), at (2026, 11, 1, 0, 0));
  subscription (s, 15, OLGA, 1, 800, at (2026, 11, 3, 12, 0), at (2027, 11, 3, 0, 0));
  use (s, 15, at (2026, 11, 4, 12, 0));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static RgLiabilities *
owed (Fixture *f,
      int      month,
      int      day)
{
  g_autoptr(GError) error = NULL;
  RgLiabilities *l = rg_liabilities_compute (f->store, (RgDate) { 2026, month, day }, &error);

  g_assert_no_error (error);
  g_assert_nonnull (l);
  return l;
}

static void
test_unused_value (void)
{
  g_assert_cmpint (rg_liabilities_unused_value (8, 9000, 10), ==, 7200);
  g_assert_cmpint (rg_liabilities_unused_value (2, 1000, 3), ==, 667);   /* 666.67 */
  g_assert_cmpint (rg_liabilities_unused_value (1, 1000, 3), ==, 333);   /* 333.33 */
  g_assert_cmpint (rg_liabilities_unused_value (1, 1, 2), ==, 1);        /* 0.5: half up */
  g_assert_cmpint (rg_liabilities_unused_value (1, 999, 2), ==, 500);    /* 499.5 */
  g_assert_cmpint (rg_liabilities_unused_value (0, 1000, 3), ==, 0);
  g_assert_cmpint (rg_liabilities_unused_value (3, 0, 3), ==, 0);
  /* A thousand visits of a large price stay in 64 bits. */
  g_assert_cmpint (rg_liabilities_unused_value (1000, G_GINT64_CONSTANT (100000000000), 1000), ==,
                   G_GINT64_CONSTANT (100000000000));
}

static void
test_end_of_november (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RgLiabilities) l = owed (f, 11, 30);
  const RgLiabilityClient *c;

  g_assert_cmpint (l->point_value, ==, 100);
  g_assert_cmpint (l->deposits, ==, 3800);
  g_assert_cmpuint (l->deposit_clients, ==, 1);
  g_assert_cmpint (l->certificates, ==, 2000);
  g_assert_cmpuint (l->n_certificates, ==, 1);
  g_assert_cmpint (l->subscriptions, ==, 12867);
  g_assert_cmpuint (l->n_subscriptions, ==, 3);
  g_assert_cmpint (l->subscription_visits, ==, 16);
  g_assert_cmpint (l->points, ==, 35);
  g_assert_cmpint (l->points_value, ==, 3500);
  g_assert_cmpuint (l->points_clients, ==, 2);
  g_assert_cmpint (l->total, ==, 22167);

  /* Olga then Pavel, by name; Rita holds nothing in November. */
  g_assert_cmpuint (l->clients->len, ==, 2);
  c = l->clients->pdata[0];
  g_assert_cmpint (c->client_id, ==, OLGA);
  g_assert_cmpstr (c->name, ==, "Olga Petrova");
  g_assert_cmpint (c->deposit, ==, 3800);
  g_assert_cmpint (c->points, ==, 10);
  g_assert_cmpint (c->points_value, ==, 1000);
  c = l->clients->pdata[1];
  g_assert_cmpstr (c->name, ==, "Pavel");
  g_assert_cmpint (c->deposit, ==, 0);
  g_assert_cmpint (c->points, ==, 25);

  /* The figures alone: the same, no list. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RgLiabilities) figures = rg_liabilities_compute_figures (f->store, (RgDate) { 2026, 11, 30 }, &error);

    g_assert_no_error (error);
    g_assert_cmpint (figures->total, ==, l->total);
    g_assert_cmpuint (figures->deposit_clients, ==, 1);
    g_assert_cmpuint (figures->points_clients, ==, 2);
    g_assert_cmpint (figures->points_value, ==, 3500);
    g_assert_cmpuint (figures->clients->len, ==, 0);
  }
}

static void
test_tenth_of_november (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RgLiabilities) l = owed (f, 11, 10);

  g_assert_cmpint (l->deposits, ==, 3800);
  g_assert_cmpuint (l->deposit_clients, ==, 1);
  g_assert_cmpint (l->certificates, ==, 5000);
  g_assert_cmpuint (l->n_certificates, ==, 2);
  g_assert_cmpint (l->subscriptions, ==, 9100);
  g_assert_cmpuint (l->n_subscriptions, ==, 2);
  g_assert_cmpint (l->subscription_visits, ==, 12);
  g_assert_cmpint (l->points_value, ==, 4000);
  g_assert_cmpuint (l->points_clients, ==, 1);
  g_assert_cmpint (l->total, ==, 21900);
}

/* Where each instrument's day ends. */
static void
test_boundaries (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RgLiabilities) oct31 = owed (f, 10, 31);
  g_autoptr(RgLiabilities) nov9 = owed (f, 11, 9);
  g_autoptr(RgLiabilities) dec1 = owed (f, 12, 1);

  /* S4 is still running on 31 Oct (5 × 800), C2 is valid. */
  g_assert_cmpint (oct31->subscriptions, ==, 4000);
  g_assert_cmpint (oct31->certificates, ==, 2000);
  g_assert_cmpint (oct31->deposits, ==, 0);
  g_assert_cmpint (oct31->total, ==, 6000);
  /* Olga's payment at 18:00 on 10 Nov is not in 9 Nov's balance. */
  g_assert_cmpint (nov9->deposits, ==, 5000);
  /* C1 expired at midnight; Rita's top-up and Olga's 7 points of 1 Dec
   * count; S1 has its 3 Dec visit still. */
  g_assert_cmpint (dec1->certificates, ==, 0);
  g_assert_cmpuint (dec1->n_certificates, ==, 0);
  g_assert_cmpint (dec1->deposits, ==, 4800);
  g_assert_cmpuint (dec1->deposit_clients, ==, 2);
  g_assert_cmpint (dec1->points, ==, 42);
  g_assert_cmpint (dec1->subscriptions, ==, 12867);
}

/* The point's value is the studio's setting. */
static void
test_point_value (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLiabilities) l = NULL;

  g_assert_true (rg_store_set_setting (f->store, "point-value", "150", &error));
  g_assert_no_error (error);
  l = owed (f, 11, 30);
  g_assert_cmpint (l->point_value, ==, 150);
  g_assert_cmpint (l->points_value, ==, 35 * 150);
  g_assert_cmpint (((RgLiabilityClient *) l->clients->pdata[1])->points_value, ==, 25 * 150);
  g_assert_cmpint (l->total, ==, 3800 + 2000 + 12867 + 5250);

  /* Out of its range: the default again. */
  g_assert_true (rg_store_set_setting (f->store, "point-value", "0", &error));
  g_clear_pointer (&l, rg_liabilities_free);
  l = owed (f, 11, 30);
  g_assert_cmpint (l->point_value, ==, 100);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-owe-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  g_autoptr(RgLiabilities) l = NULL;

  g_assert_no_error (error);
  l = rg_liabilities_compute (store, (RgDate) { 2026, 11, 30 }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (l->total, ==, 0);
  g_assert_cmpuint (l->clients->len, ==, 0);

  /* A day that is not one. */
  g_clear_pointer (&l, rg_liabilities_free);
  l = rg_liabilities_compute (store, (RgDate) { 2026, 2, 30 }, &error);
  g_assert_null (l);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_object (&store);
  test_remove_tree (dir);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_report_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  RgReportOptions opts = { NULL, NULL, NULL, NULL, "2026-11-30", TRUE };
  g_autofree char *json = rg_report_run (f->store, "liabilities", &opts, &error);
  const char *keys[] = { "deposits", "certificates", "subscriptions", "points", "total" };
  JsonObject *root, *o, *definitions;
  JsonArray *clients;

  g_assert_no_error (error);
  root = parse_object (parser, json);
  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2026-11-30");
  g_assert_cmpstr (json_object_get_string_member (root, "currency"), ==, rg_format_get_currency ());
  g_assert_cmpint (json_object_get_int_member (root, "point_value"), ==, 100);
  o = json_object_get_object_member (root, "deposits");
  g_assert_cmpint (json_object_get_int_member (o, "amount"), ==, 3800);
  g_assert_cmpint (json_object_get_int_member (o, "clients"), ==, 1);
  o = json_object_get_object_member (root, "certificates");
  g_assert_cmpint (json_object_get_int_member (o, "amount"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 1);
  o = json_object_get_object_member (root, "subscriptions");
  g_assert_cmpint (json_object_get_int_member (o, "amount"), ==, 12867);
  g_assert_cmpint (json_object_get_int_member (o, "count"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "visits"), ==, 16);
  o = json_object_get_object_member (root, "points");
  g_assert_cmpint (json_object_get_int_member (o, "amount"), ==, 3500);
  g_assert_cmpint (json_object_get_int_member (o, "points"), ==, 35);
  g_assert_cmpint (json_object_get_int_member (o, "clients"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, 22167);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (root, "total")), ==, G_TYPE_INT64);

  clients = json_object_get_array_member (root, "clients");
  g_assert_cmpuint (json_array_get_length (clients), ==, 2);
  o = json_array_get_object_element (clients, 1);
  g_assert_cmpint (json_object_get_int_member (o, "client_id"), ==, PAVEL);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Pavel");
  g_assert_cmpint (json_object_get_int_member (o, "deposit"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "points"), ==, 25);
  g_assert_cmpint (json_object_get_int_member (o, "points_value"), ==, 2500);

  definitions = json_object_get_object_member (root, "definitions");
  g_assert_cmpuint (json_object_get_size (definitions), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_true (json_object_has_member (root, keys[i]));
      g_assert_cmpuint (strlen (json_object_get_string_member (definitions, keys[i])), >, 40);
    }
  g_assert_nonnull (strstr (json_object_get_string_member (definitions, "subscriptions"), "rounded half up"));
}

static void
test_report_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgReportOptions opts = { NULL, NULL, NULL, NULL, "2026-11-30", FALSE };
  g_autofree char *text = rg_report_run (f->store, "liabilities", &opts, &error);
  g_autofree char *total = rg_format_price (22167);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "What the studio owes, at the end of 2026-11-30\n\n"));
  g_assert_nonnull (strstr (text, total));
  g_assert_nonnull (strstr (text, "(3 subscriptions, 16 visits left)"));
  g_assert_nonnull (strstr (text, "(35 points, 2 clients)"));
  g_assert_nonnull (strstr (text, "\nClients with a deposit or points\n"));
  g_assert_nonnull (strstr (text, "Olga Petrova"));
  g_assert_null (strstr (text, "Rita"));
  g_assert_nonnull (strstr (text, "\nWhat the figures count\n"));
  g_assert_nonnull (strstr (text, "  Gift certificates: "));
}

static void
test_report_refusals (Fixture       *f,
                      gconstpointer  data)
{
  struct {
    RgReportOptions opts;
    const char *says;
  } bad[] = {
    { { NULL, NULL, NULL, NULL, "2026-13-01", FALSE }, "--as-of takes a date as YYYY-MM-DD" },
    { { NULL, NULL, NULL, NULL, "30.11.2026", TRUE }, "--as-of takes a date as YYYY-MM-DD" },
    { { NULL, NULL, NULL, NULL, "2026-02-30", TRUE }, "--as-of takes a date as YYYY-MM-DD" },
    { { "2026-11-01", NULL, NULL, NULL, NULL, FALSE }, "--report liabilities takes --as-of and --json." },
    { { NULL, "2026-11-30", NULL, NULL, NULL, FALSE }, "--report liabilities takes --as-of and --json." },
    { { NULL, NULL, "Anna", NULL, NULL, FALSE }, "--report liabilities takes --as-of and --json." },
    { { NULL, NULL, NULL, "Haircut", "2026-11-30", TRUE }, "--report liabilities takes --as-of and --json." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = rg_report_run (f->store, "liabilities", &bad[i].opts, &error);

      g_assert_null (out);
      g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
      if (strstr (error->message, bad[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, bad[i].says);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/liabilities/unused-value", test_unused_value);
  g_test_add_func ("/liabilities/empty", test_empty);
#define ADD(path, fn) g_test_add ("/liabilities/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("end-of-november", test_end_of_november);
  ADD ("tenth-of-november", test_tenth_of_november);
  ADD ("boundaries", test_boundaries);
  ADD ("point-value", test_point_value);
  ADD ("report/json", test_report_json);
  ADD ("report/text", test_report_text);
  ADD ("report/refusals", test_report_refusals);
#undef ADD
  return g_test_run ();
}
