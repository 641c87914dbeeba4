/* test-generator.c — the demo studio and reference-scale databases: sizes,
 * determinism, a calendar without overlaps, consistent money, names and
 * phones, both languages, and files that are never overwritten or left
 * half written.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "demo/rg-generator.h"
#include "model/rg-roles.h"
#include "util/rg-phone.h"
#include "util/rg-text.h"

/* 2026-11-24 12:00 UTC, a Tuesday; the tests run with TZ=UTC. */
#define NOW G_GINT64_CONSTANT (1795521600)
#define N_PRODUCTS_MIN 10

static const char * const tables[] = {
  "staff", "staff_hours", "staff_days_off", "services", "clients", "tags", "client_tags",
  "appointments", "appointment_services", "ratings", "interactions",
  "staff_service_rates", "products", "promotions", "promotion_items", "card_tiers",
  "sales", "sale_lines", "payments", "stock_moves",
  "subscription_kinds", "subscription_kind_services", "subscriptions", "subscription_services",
  "subscription_moves", "certificates", "certificate_moves", "deposit_moves", "points_moves", "referral_rewards",
};

/* Pairs of appointments of one master that overlap, cancelled ones aside. */
#define SELECT_OVERLAPS \
  "SELECT count(*) FROM appointments a JOIN appointments b" \
  " ON b.staff_id = a.staff_id AND b.id != a.id" \
  " AND b.starts_at >= a.starts_at AND b.starts_at < a.ends_at" \
  " WHERE a.status != 'cancelled' AND b.status != 'cancelled'"

static RgStore *
demo_store (const char       *language,
            guint64           seed,
            RgGeneratorStats *stats)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  RgGeneratorOptions options;

  g_assert_no_error (error);
  rg_generator_options_init_demo (&options, language, NOW);
  if (seed)
    options.seed = seed;

  g_assert_true (rg_generator_fill (store, &options, stats, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static gint64
query_int (RgStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (rg_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static double
query_double (RgStore    *store,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (rg_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
count_rows (RgStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return query_int (store, sql);
}

/* Every row of the table, in key order, as one digest. */
static char *
table_digest (RgStore    *store,
              const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", table);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rg_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      {
        guchar type = (guchar) sqlite3_column_type (stmt, i);
        const guchar *text = sqlite3_column_text (stmt, i);

        g_checksum_update (sum, &type, 1);
        if (text)
          g_checksum_update (sum, text, sqlite3_column_bytes (stmt, i) + 1);
      }
  sqlite3_finalize (stmt);

  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
has_cyrillic (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x400 && c <= 0x4ff)
        return TRUE;
    }

  return FALSE;
}

static void
test_demo_sizes (void)
{
  RgGeneratorStats stats;
  g_autoptr(RgStore) store = demo_store ("ru", 0, &stats);
  gint64 done, ratings, complaints, tagged;

  g_assert_cmpuint (stats.staff, ==, 7);   /* six masters and the administrator */
  g_assert_cmpuint (stats.services, ==, 25);
  g_assert_cmpuint (stats.clients, >=, 1400);
  g_assert_cmpuint (stats.clients, <=, 1500);
  g_assert_cmpuint (stats.appointments, >=, 10000);
  g_assert_cmpuint (stats.appointments, <=, 40000);

  /* The stats are what was written. */
  g_assert_cmpint (count_rows (store, "staff"), ==, stats.staff);
  g_assert_cmpint (count_rows (store, "services"), ==, stats.services);
  g_assert_cmpint (count_rows (store, "clients"), ==, stats.clients);
  g_assert_cmpint (count_rows (store, "appointments"), ==, stats.appointments);
  g_assert_cmpint (count_rows (store, "ratings"), ==, stats.ratings);
  g_assert_cmpint (count_rows (store, "interactions"), ==, stats.interactions);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM interactions WHERE kind = 'complaint'"),
                   ==, stats.complaints);

  /* Statuses: mostly done; a few cancelled and no-shows. */
  done = query_int (store, "SELECT count(*) FROM appointments WHERE status = 'done'");
  g_assert_cmpfloat ((double) done / stats.appointments, >, 0.85);
  g_assert_cmpfloat (query_double (store, "SELECT avg(status = 'cancelled') FROM appointments"), >, 0.03);
  g_assert_cmpfloat (query_double (store, "SELECT avg(status = 'cancelled') FROM appointments"), <, 0.09);
  g_assert_cmpfloat (query_double (store, "SELECT avg(status = 'no_show') FROM appointments"), >, 0.01);
  g_assert_cmpfloat (query_double (store, "SELECT avg(status = 'no_show') FROM appointments"), <, 0.05);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM appointments WHERE status IN ('booked', 'confirmed')"), >, 100);

  /* Ratings on about a third of the visits, mostly fives, worst first in
   * the panel has something to show. */
  ratings = stats.ratings;
  g_assert_cmpfloat ((double) ratings / done, >, 0.2);
  g_assert_cmpfloat ((double) ratings / done, <, 0.4);
  g_assert_cmpfloat (query_double (store, "SELECT avg(score = 5) FROM ratings"), >, 0.5);
  g_assert_cmpfloat (query_double (store, "SELECT avg(score = 5) FROM ratings"), <, 0.7);
  g_assert_cmpfloat (query_double (store, "SELECT avg(score <= 2) FROM ratings"), <, 0.12);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM ratings WHERE score <= 2 AND why IS NOT NULL"), >, 20);
  g_assert_cmpfloat (query_double (store, "SELECT avg(nps IS NOT NULL) FROM ratings"), >, 0.4);
  g_assert_cmpfloat (query_double (store, "SELECT avg(nps IS NOT NULL) FROM ratings"), <, 0.6);
  g_assert_cmpfloat (query_double (store, "SELECT avg(nps) FROM ratings WHERE score = 5"), >,
                     query_double (store, "SELECT avg(nps) FROM ratings WHERE score <= 2") + 4);

  /* A few complaints, calls with their outcomes, and open tasks ahead. */
  complaints = stats.complaints;
  g_assert_cmpint (complaints, >=, 5);
  g_assert_cmpint (complaints, <=, 200);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM interactions WHERE kind = 'complaint'"
                              " AND (appointment_id IS NULL OR staff_id IS NULL OR body IS NULL"
                              "      OR outcome NOT IN ('open', 'resolved', 'escalated'))"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT outcome) FROM interactions WHERE kind = 'call'"), ==, 4);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM interactions WHERE kind = 'call'"
                              " AND outcome NOT IN ('booked', 'call_back', 'not_interested', 'no_answer')"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM interactions WHERE kind = 'task' AND done_at IS NULL"
                              " AND due_at >= 1795521600 - 86400 * 2 AND due_at < 1795521600 + 86400 * 7"), >=, 3);

  /* Tags on about a fifth of the clients. */
  tagged = query_int (store, "SELECT count(DISTINCT client_id) FROM client_tags");
  g_assert_cmpint (count_rows (store, "tags"), ==, 8);
  g_assert_cmpfloat ((double) tagged / stats.clients, >, 0.12);
  g_assert_cmpfloat ((double) tagged / stats.clients, <, 0.3);

  /* Optional fields at realistic fill rates. */
  g_assert_cmpfloat (query_double (store, "SELECT avg(birth_month IS NOT NULL) FROM clients"), >, 0.5);
  g_assert_cmpfloat (query_double (store, "SELECT avg(birth_month IS NOT NULL) FROM clients"), <, 0.7);
  g_assert_cmpfloat (query_double (store, "SELECT avg(email IS NOT NULL) FROM clients"), >, 0.2);
  g_assert_cmpfloat (query_double (store, "SELECT avg(email IS NOT NULL) FROM clients"), <, 0.4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients WHERE referred_by_id IS NOT NULL"), >, 10);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients WHERE deleted_at IS NOT NULL"), <, 15);

  /* Regulars and one-timers both exist. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM (SELECT client_id FROM appointments WHERE status = 'done'"
                              " GROUP BY client_id HAVING count(*) = 1)"), >, 100);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM (SELECT client_id FROM appointments WHERE status = 'done'"
                              " GROUP BY client_id HAVING count(*) >= 10)"), >, 100);
}

static void
test_demo_calendar (void)
{
  g_autoptr(RgStore) store = demo_store ("ru", 0, NULL);

  /* No master has two clients at once (cancelled ones gave their slot away). */
  g_assert_cmpint (query_int (store, SELECT_OVERLAPS), ==, 0);

  /* Nor does a client. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a JOIN appointments b"
                              " ON b.client_id = a.client_id AND b.id != a.id"
                              " AND b.starts_at >= a.starts_at AND b.starts_at < a.ends_at"
                              " WHERE a.status != 'cancelled' AND b.status != 'cancelled'"), ==, 0);

  /* Everything happens in the master's working hours (TZ=UTC), on 15 minutes. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a WHERE NOT EXISTS"
                              " (SELECT 1 FROM staff_hours h WHERE h.staff_id = a.staff_id"
                              "  AND h.weekday = (CAST (strftime ('%w', a.starts_at, 'unixepoch') AS INTEGER) + 6) % 7 + 1"
                              "  AND h.start_minute <= a.starts_at % 86400 / 60"
                              "  AND h.end_minute >= a.starts_at % 86400 / 60 + (a.ends_at - a.starts_at) / 60)"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM appointments WHERE starts_at % 900 != 0 OR ends_at % 900 != 0"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a JOIN staff_days_off o"
                              " ON o.staff_id = a.staff_id AND o.day = date (a.starts_at, 'unixepoch')"
                              " WHERE a.status != 'cancelled'"), ==, 0);

  /* Every master works, takes days off and has their own colour. */
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT staff_id) FROM appointments"), ==, 6);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT color) FROM staff"), ==, 7);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT staff_id) FROM staff_days_off"), ==, 6);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT staff_id) FROM staff_hours"), ==, 6);
  g_assert_cmpint (query_int (store, "SELECT max(position) FROM staff WHERE role = 'master'"), ==, 5);
  /* The administrator at the desk comes last, without a column or hours. */
  g_assert_cmpint (query_int (store, "SELECT position FROM staff WHERE role = 'administrator'"), ==, 6);

  /* History is settled; today is under way; the future is booked. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments WHERE starts_at < 1795478400"
                              " AND status NOT IN ('done', 'cancelled', 'no_show')"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments WHERE starts_at > 1795521600"
                              " AND status NOT IN ('booked', 'confirmed', 'cancelled')"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments WHERE starts_at BETWEEN 1795478400 AND 1795521600"
                              " AND status IN ('done', 'arrived')"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT max(starts_at) FROM appointments"), >, NOW + 14 * 86400);
  g_assert_cmpint (query_int (store, "SELECT max(starts_at) FROM appointments"), <, NOW + 22 * 86400);
  g_assert_cmpint (query_int (store, "SELECT min(starts_at) FROM appointments"), >=, NOW - 731 * 86400 - 43200);

  /* Each appointment lists its services, and its price is their sum. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a WHERE NOT EXISTS"
                              " (SELECT 1 FROM appointment_services s WHERE s.appointment_id = a.id)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a WHERE price !="
                              " (SELECT sum(price) FROM appointment_services s WHERE s.appointment_id = a.id)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a WHERE (ends_at - starts_at) / 60 !="
                              " (SELECT sum(duration_minutes) FROM appointment_services s WHERE s.appointment_id = a.id)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a WHERE"
                              " (SELECT group_concat(position) FROM (SELECT position FROM appointment_services s"
                              "  WHERE s.appointment_id = a.id ORDER BY position)) NOT IN ('0', '0,1')"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM appointment_services WHERE position = 1"), >, 200);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM appointments WHERE price <= 0"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM services WHERE duration_minutes % 15 != 0"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT category) FROM services"), ==, 6);

  /* A man is not booked for a women's haircut, nor a woman for a men's:
   * the call script names a client's last service back to them. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointment_services x JOIN appointments a ON a.id = x.appointment_id"
                              " JOIN clients c ON c.id = a.client_id JOIN services s ON s.id = x.service_id"
                              " WHERE (s.name = 'Женская стрижка' AND c.gender = 'male')"
                              " OR (s.name = 'Мужская стрижка' AND c.gender = 'female')"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointment_services x JOIN appointments a ON a.id = x.appointment_id"
                              " JOIN clients c ON c.id = a.client_id JOIN services s ON s.id = x.service_id"
                              " WHERE s.name = 'Мужская стрижка' AND c.gender = 'male'"), >, 100);

  /* Ratings belong to done visits and come after them. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM ratings r JOIN appointments a ON a.id = r.appointment_id"
                              " WHERE a.status != 'done' OR r.rated_at < a.ends_at OR r.rated_at > 1795521600"), ==, 0);
}

/* What a done visit's services were paid, refunds taken off: its sale's
 * service lines and the lines of the refunds that took them back. */
#define VISIT_PAID \
  "(SELECT sum(l.price) FROM sales s JOIN sale_lines l ON l.sale_id = s.id" \
  " WHERE s.appointment_id = a.id AND l.kind = 'service')"

static void
test_demo_money (void)
{
  RgGeneratorStats stats;
  g_autoptr(RgStore) store = demo_store ("ru", 0, &stats);
  gint64 done = query_int (store, "SELECT count(*) FROM appointments WHERE status = 'done'");

  g_assert_cmpuint (stats.sales, ==, count_rows (store, "sales") - stats.refunds);
  g_assert_cmpuint (stats.refunds, ==, query_int (store, "SELECT count(*) FROM sales WHERE kind = 'refund'"));

  /* Every done visit has exactly one sale, at its end; nothing else has one. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a WHERE status = 'done' AND"
                              " (SELECT count(*) FROM sales s WHERE s.appointment_id = a.id AND s.kind = 'sale') != 1"),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sales s JOIN appointments a ON a.id = s.appointment_id"
                              " WHERE a.status != 'done' OR (s.kind = 'sale' AND s.created_at != a.ends_at)"
                              " OR s.client_id IS NOT a.client_id"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sales s WHERE s.kind = 'sale' AND appointment_id IS NOT NULL"),
                   ==, done);

  /* Numbered 1, 2, 3... in time order. */
  g_assert_cmpint (query_int (store, "SELECT min(number) FROM sales"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT max(number) FROM sales"), ==, count_rows (store, "sales"));
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sales a JOIN sales b ON b.number = a.number + 1"
                              " WHERE b.created_at < a.created_at"), ==, 0);

  /* A sale's lines add up to its payments (change aside), paid at its time. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sales s WHERE"
                              " (SELECT coalesce (sum(price), 0) FROM sale_lines l WHERE l.sale_id = s.id) !="
                              " (SELECT coalesce (sum(amount), 0) FROM payments p WHERE p.sale_id = s.id)"
                              " OR NOT EXISTS (SELECT 1 FROM payments p WHERE p.sale_id = s.id)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM payments p JOIN sales s ON s.id = p.sale_id"
                              " WHERE p.paid_at != s.created_at OR (s.kind = 'sale') != (p.amount > 0)"
                              " OR (p.tendered IS NOT NULL) != (p.method = 'cash' AND p.amount > 0)"), ==, 0);

  /* The visits' prices are what was paid for their services. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a WHERE status = 'done' AND price != " VISIT_PAID),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointment_services x JOIN appointments a ON a.id = x.appointment_id"
                              " WHERE a.status = 'done' AND x.price != (SELECT sum(l.price) FROM sales s"
                              "  JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN sale_lines o ON o.id = l.refund_of_line"
                              "  WHERE s.appointment_id = a.id AND l.kind = 'service'"
                              "  AND coalesce (o.position, l.position) = x.position AND l.service_id = x.service_id)"),
                   ==, 0);
  /* ... which is less than the list price when there was a discount. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments a WHERE status = 'done' AND price < "
                              " (SELECT sum(list_price) FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
                              "  WHERE s.appointment_id = a.id AND s.kind = 'sale' AND l.kind = 'service')"), >, done / 20);

  /* Each line's arithmetic, within the cap of 25 %. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sale_lines WHERE discount != discount_promotion + discount_card + discount_one_off"
                              " OR price != list_price * quantity - discount"
                              " OR abs (discount) * 10000 > abs (list_price * quantity) * 2500 + 5000"
                              " OR (discount_promotion != 0) != (promotion_id IS NOT NULL)"
                              " OR (kind = 'tip' AND (discount != 0 OR pay != price OR staff_id IS NULL))"
                              " OR (kind = 'service' AND (service_id IS NULL OR staff_id IS NULL))"
                              " OR (kind = 'product' AND product_id IS NULL)"), ==, 0);
  /* A line takes its promotion or the card, not both. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sale_lines WHERE discount_promotion != 0 AND discount_card != 0"),
                   ==, 0);
  /* A promotion's discount falls in its period, on what it covers. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sale_lines l JOIN promotions p ON p.id = l.promotion_id"
                              " WHERE date (l.created_at, 'unixepoch') NOT BETWEEN p.starts_on AND p.ends_on"
                              " OR NOT (p.all_services OR p.all_products OR EXISTS (SELECT 1 FROM promotion_items i"
                              "  WHERE i.promotion_id = p.id AND (i.service_id = l.service_id OR i.product_id = l.product_id)))"),
                   ==, 0);

  /* The money has every kind of discount, line and payment. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sale_lines WHERE discount_promotion > 0"), >, 50);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sale_lines WHERE discount_card > 0"), >, 50);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sale_lines WHERE discount_one_off > 0"), >, 50);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sales WHERE discount_reason IS NOT NULL"), >, 50);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sale_lines WHERE kind = 'product'"), >, done / 20);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sale_lines WHERE kind = 'tip'"), >, done / 40);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM payments WHERE method = 'transfer'"), >, done / 40);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM payments WHERE method = 'cash' AND tendered > amount"), >, done / 40);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM (SELECT sale_id FROM payments GROUP BY sale_id"
                              " HAVING count(DISTINCT method) = 2 AND min(amount) > 0)"), >, done / 40);
  g_assert_cmpfloat (query_double (store, "SELECT avg(method = 'card') FROM payments WHERE amount > 0"
                                          " AND method IN ('cash', 'card', 'transfer')"), >, 0.45);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM payments WHERE method NOT IN ('cash', 'card', 'transfer',"
                                     " 'deposit', 'subscription', 'certificate', 'points')"), ==, 0);

  /* Walk-ins buy products without a visit, some of them known clients. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sales s WHERE s.appointment_id IS NULL AND s.kind = 'sale'"
                              " AND NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id AND l.kind != 'product')"),
                   >, 20);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sales WHERE appointment_id IS NULL AND client_id IS NOT NULL"), >, 10);

  /* Masters' pay: their rate of the price after the discount, where
   * they have one of their own for the service that one. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM staff WHERE role = 'master' AND pay_rate NOT BETWEEN 3500 AND 5000"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM staff WHERE pay_per_visit > 0"), >, 0);
  g_assert_cmpint (count_rows (store, "staff_service_rates"), >, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sale_lines l JOIN staff m ON m.id = l.staff_id"
                              " JOIN sales s ON s.id = l.sale_id"
                              " WHERE l.kind = 'service' AND s.kind = 'sale' AND l.pay !="
                              " (coalesce ((SELECT r.pay_rate FROM staff_service_rates r"
                              "   WHERE r.staff_id = m.id AND r.service_id = l.service_id), m.pay_rate) * l.price + 5000) / 10000"
                              " + CASE WHEN l.position = 0 THEN m.pay_per_visit ELSE 0 END"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM services WHERE materials_cost * 100 < price * 4"
                              " OR materials_cost * 100 > price * 21"), ==, 0);

  /* Refunds: a few, each line taken back once and never for more than
   * was paid for it, by the methods it was paid with; stock comes back. */
  g_assert_cmpint (stats.refunds, >, 5);
  g_assert_cmpint (stats.refunds, <, done / 100);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sale_lines r JOIN sales s ON s.id = r.sale_id"
                              " LEFT JOIN sale_lines o ON o.id = r.refund_of_line"
                              " WHERE s.kind = 'refund' AND (o.id IS NULL OR o.sale_id != s.refund_of"
                              "  OR r.price != -o.price OR r.quantity != -o.quantity OR r.pay != -o.pay)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sales r JOIN sales s ON s.id = r.refund_of"
                              " WHERE r.kind = 'refund' AND (r.created_at <= s.created_at OR s.kind != 'sale'"
                              " OR r.reason IS NULL OR r.created_at > 1795521600)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM (SELECT r.refund_of, p.method, -sum(p.amount) back"
                              "  FROM sales r JOIN payments p ON p.sale_id = r.id WHERE r.kind = 'refund'"
                              "  GROUP BY r.refund_of, p.method) b"
                              " WHERE back > (SELECT coalesce (sum(amount), 0) FROM payments p"
                              "  WHERE p.sale_id = b.refund_of AND p.method = b.method)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM (SELECT refund_of_line FROM sale_lines WHERE refund_of_line IS NOT NULL"
                              " GROUP BY refund_of_line HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sales r JOIN sale_lines l ON l.sale_id = r.id"
                              " WHERE r.kind = 'refund' AND l.kind = 'service'"), >, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sales r JOIN sale_lines l ON l.sale_id = r.id"
                              " WHERE r.kind = 'refund' AND l.kind = 'product'"), >, 0);

  /* Stock: received, sold and brought back, never below nothing. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM products WHERE kind = 'product'"), >=, 10);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM products WHERE kind = 'product'"), <=, 15);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sale_lines l WHERE l.kind = 'product' AND NOT EXISTS"
                              " (SELECT 1 FROM stock_moves m WHERE m.sale_line_id = l.id AND m.product_id = l.product_id"
                              "  AND m.quantity = -l.quantity AND m.reason = CASE WHEN l.quantity > 0 THEN 'sale' ELSE 'refund' END)"),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM (SELECT sum(quantity) OVER (PARTITION BY product_id"
                              " ORDER BY occurred_at, quantity DESC ROWS UNBOUNDED PRECEDING) AS stock FROM stock_moves)"
                              " WHERE stock < 0"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stock_moves WHERE reason = 'received'"), >, N_PRODUCTS_MIN);

  /* Materials: what services use, written off once per service line of a
   * sale (and back by a refund of it), delivered with a supplier and a
   * cost; counts that expected what their ledger added up to; and some
   * at or below their minimum today. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM products WHERE kind = 'material' AND min_level > 0"), >=, 8);
  g_assert_cmpint (count_rows (store, "service_materials"), >=, 10);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
                              " JOIN service_materials sm ON sm.service_id = l.service_id"
                              " WHERE l.kind = 'service' AND s.kind = 'sale' AND (SELECT count(*) FROM stock_moves m"
                              "  WHERE m.sale_line_id = l.id AND m.product_id = sm.product_id AND m.reason = 'materials'"
                              "  AND m.quantity = -sm.quantity * l.quantity AND m.occurred_at = s.created_at) != 1"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stock_moves WHERE reason = 'materials'"), >, 1000);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM stock_moves m JOIN products p ON p.id = m.product_id"
                              " WHERE p.kind = 'material' AND m.reason = 'received'"
                              " AND (m.cost IS NULL OR m.cost <= 0 OR m.supplier IS NULL)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stock_moves WHERE reason = 'count'"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stock_moves WHERE reason = 'write_off'"), >, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM stock_moves c WHERE c.reason = 'count' AND c.expected !="
                              " (SELECT coalesce (sum(m.quantity), 0) FROM stock_moves m WHERE m.product_id = c.product_id"
                              "  AND (m.occurred_at < c.occurred_at OR (m.occurred_at = c.occurred_at AND m.id < c.id)))"),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM products p WHERE p.kind = 'material' AND p.min_level >="
                              " (SELECT sum(quantity) FROM stock_moves m WHERE m.product_id = p.id)"), >=, 1);

  /* Promotions in the history, one of them running today. */
  g_assert_cmpint (count_rows (store, "promotions"), >=, 4);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM promotions WHERE starts_on <= '2026-11-24' AND ends_on >= '2026-11-24'"),
                   ==, 1);
  g_assert_cmpint (count_rows (store, "card_tiers"), ==, 4);
}


/* A ledger's running balance, in time order (what adds before what takes
 * at the same second), never below nothing. */
#define NEVER_NEGATIVE(table, owner, column) \
  "SELECT count(*) FROM (SELECT sum(" column ") OVER (PARTITION BY " owner " ORDER BY occurred_at, " column " DESC" \
  " ROWS UNBOUNDED PRECEDING) AS balance FROM " table ") WHERE balance < 0"

/* Prepaid in the demo: every ledger consistent with the sales that moved
 * it, balances never negative, each kind of row there. */
static void
test_demo_prepaid (gconstpointer data)
{
  const char *language = data;
  g_autoptr(RgStore) store = demo_store (language, 0, NULL);
  gint64 done = query_int (store, "SELECT count(*) FROM appointments WHERE status = 'done'");

  /* Balances: the sum of the rows, never below zero at any time. */
  g_assert_cmpint (query_int (store, NEVER_NEGATIVE ("deposit_moves", "client_id", "amount")), ==, 0);
  g_assert_cmpint (query_int (store, NEVER_NEGATIVE ("points_moves", "client_id", "points")), ==, 0);
  g_assert_cmpint (query_int (store, NEVER_NEGATIVE ("subscription_moves", "subscription_id", "visits")), ==, 0);
  g_assert_cmpint (query_int (store, NEVER_NEGATIVE ("certificate_moves", "certificate_id", "amount")), ==, 0);

  /* A sale's lines still add up to its payments (the query in
   * test_demo_money), and what each prepaid method paid is what its
   * ledger gave, sale by sale. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sales s WHERE"
                              " (SELECT coalesce (sum(amount), 0) FROM payments WHERE sale_id = s.id AND method = 'deposit') !="
                              " -(SELECT coalesce (sum(amount), 0) FROM deposit_moves WHERE sale_id = s.id AND reason = 'payment')"
                              " OR (SELECT coalesce (sum(amount), 0) FROM payments WHERE sale_id = s.id AND method = 'points') !="
                              " -100 * (SELECT coalesce (sum(points), 0) FROM points_moves WHERE sale_id = s.id AND reason = 'spent')"
                              " OR (SELECT coalesce (sum(amount), 0) FROM payments WHERE sale_id = s.id AND method = 'certificate') !="
                              " -(SELECT coalesce (sum(amount), 0) FROM certificate_moves WHERE sale_id = s.id AND reason = 'redeemed')"
                              " OR (SELECT count(*) FROM payments WHERE sale_id = s.id AND method = 'subscription') !="
                              " -(SELECT coalesce (sum(visits), 0) FROM subscription_moves WHERE sale_id = s.id AND reason = 'use')"),
                   ==, 0);
  /* A visit of a subscription pays its service's line, of a service the
   * subscription covers, while it runs. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM subscription_moves m JOIN subscriptions s ON s.id = m.subscription_id"
                              " JOIN sale_lines l ON l.id = m.sale_line_id WHERE m.reason = 'use' AND ("
                              " m.occurred_at >= s.expires_at OR m.occurred_at <= s.sold_at OR l.kind != 'service'"
                              " OR NOT EXISTS (SELECT 1 FROM subscription_services x WHERE x.subscription_id = s.id"
                              "                AND x.service_id = l.service_id)"
                              " OR NOT EXISTS (SELECT 1 FROM payments p WHERE p.sale_id = m.sale_id"
                              "                AND p.method = 'subscription' AND p.amount = l.price))"),
                   ==, 0);
  /* Instruments sold are lines of their sales, paid in money. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM subscriptions s JOIN sale_lines l ON l.id = s.sale_line_id"
                              " JOIN sales x ON x.id = l.sale_id"
                              " WHERE l.kind != 'subscription' OR l.price != s.price OR x.client_id != s.client_id"
                              " OR x.created_at != s.sold_at OR (SELECT sum(visits) FROM subscription_moves m"
                              "  WHERE m.subscription_id = s.id AND m.reason = 'sold') != s.visits"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sale_lines WHERE kind = 'subscription'"), ==,
                   count_rows (store, "subscriptions"));
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM certificates c JOIN sale_lines l ON l.id = c.sale_line_id"
                              " WHERE l.kind != 'certificate' OR l.price != c.amount OR (SELECT sum(amount)"
                              "  FROM certificate_moves m WHERE m.certificate_id = c.id AND m.reason = 'sold') != c.amount"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sale_lines WHERE kind = 'certificate'"), ==,
                   count_rows (store, "certificates"));
  g_assert_cmpint (query_int (store, "SELECT coalesce (sum(price), 0) FROM sale_lines WHERE kind = 'deposit'"), ==,
                   query_int (store, "SELECT coalesce (sum(amount), 0) FROM deposit_moves WHERE reason = 'top_up'"));
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM deposit_moves m JOIN sale_lines l ON l.id = m.sale_line_id"
                              " WHERE m.reason = 'top_up' AND (l.kind != 'deposit' OR l.price != m.amount)"), ==, 0);
  /* A sale that sold one or was paid from one was never refunded. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM sales r JOIN sales s ON s.id = r.refund_of WHERE"
                              " EXISTS (SELECT 1 FROM payments p WHERE p.sale_id = s.id AND p.method NOT IN ('cash', 'card', 'transfer'))"
                              " OR EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id"
                              "            AND l.kind IN ('deposit', 'subscription', 'certificate'))"), ==, 0);

  /* Points: 5 % of what the goods were paid in money, whole points, a
   * point worth 1.00; spent up to 30 % of a sale; each lot that expired
   * written off once, at its expiry, for what was left of it. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM points_moves m WHERE m.reason = 'earned' AND m.points !="
                              " ((SELECT sum(price) FROM sale_lines WHERE sale_id = m.sale_id AND kind IN ('service', 'product'))"
                              "  - (SELECT coalesce (sum(amount), 0) FROM payments WHERE sale_id = m.sale_id"
                              "     AND method IN ('points', 'certificate', 'subscription'))) * 500 / 1000000"),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM payments p WHERE p.method = 'points' AND p.amount * 10000 >"
                              " 3000 * (SELECT sum(price) FROM sale_lines WHERE sale_id = p.sale_id AND kind IN ('service', 'product'))"),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM points_moves e LEFT JOIN points_moves l ON l.id = e.lot_id"
                              " WHERE e.reason = 'expired' AND (l.id IS NULL OR e.occurred_at != l.expires_at"
                              " OR l.client_id != e.client_id OR -e.points > l.points)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM points_moves WHERE reason IN ('earned', 'referral')"
                              " AND (expires_at IS NULL OR expires_at <= occurred_at)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM points_moves WHERE reason = 'earned'"), >, done / 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM points_moves WHERE reason = 'spent'"), >, 50);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM points_moves WHERE reason = 'expired'"), >, 20);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM points_moves WHERE reason = 'earned_back'"), >, 0);

  /* Subscriptions sold, used and renewed. */
  g_assert_cmpint (count_rows (store, "subscription_kinds"), ==, 3);
  g_assert_cmpint (count_rows (store, "subscriptions"), >, 50);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM subscription_moves WHERE reason = 'use'"), >, 200);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM subscriptions a WHERE EXISTS (SELECT 1 FROM subscriptions b"
                              " WHERE b.client_id = a.client_id AND b.sold_at > a.sold_at)"), >, 10);
  /* Deposits topped up and spent. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM deposit_moves WHERE reason = 'top_up'"), >, 20);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM deposit_moves WHERE reason = 'payment'"), >, 50);
  /* Certificates: some redeemed by someone else, some partly, some expired unused. */
  g_assert_cmpint (count_rows (store, "certificates"), >, 20);
  g_assert_cmpint (query_int (store,
                              "SELECT count(DISTINCT m.certificate_id) FROM certificate_moves m"
                              " JOIN certificates c ON c.id = m.certificate_id"
                              " WHERE m.reason = 'redeemed' AND m.client_id != c.buyer_id"), >, 5);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM certificates c WHERE (SELECT sum(amount) FROM certificate_moves m"
                              " WHERE m.certificate_id = c.id) BETWEEN 1 AND c.amount - 1"), >, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM certificates c WHERE c.expires_at <= 1795521600 AND"
                              " (SELECT count(*) FROM certificate_moves m WHERE m.certificate_id = c.id) = 1"), >, 0);
  /* Referral rewards: once per referred client, at their first visit's
   * sale, both sides' points from the studio's settings. */
  g_assert_cmpint (count_rows (store, "referral_rewards"), >, 10);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM referral_rewards r JOIN clients c ON c.id = r.client_id"
                              " JOIN sales s ON s.id = r.sale_id JOIN appointments a ON a.id = s.appointment_id"
                              " WHERE c.referred_by_id IS NOT r.referrer_id OR s.client_id != r.client_id"
                              " OR EXISTS (SELECT 1 FROM appointments b WHERE b.client_id = a.client_id"
                              "            AND b.status = 'done' AND b.starts_at < a.starts_at)"
                              " OR (SELECT count(*) FROM points_moves p WHERE p.sale_id = r.sale_id AND p.reason = 'referral'"
                              "     AND ((p.client_id = r.referrer_id AND p.points = r.referrer_amount)"
                              "       OR (p.client_id = r.client_id AND p.points = r.client_amount))) != 2"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM referral_rewards WHERE referrer_amount !="
                                     " (SELECT value FROM settings WHERE key = 'referral-referrer')"), ==, 0);
}

/* The same seed gives the same money; another seed, other money. */
static void
test_deterministic_money (void)
{
  static const char * const sums[] = {
    "SELECT sum(amount) FROM payments",
    "SELECT sum(discount_card) * 1000 + sum(discount_promotion) FROM sale_lines",
    "SELECT sum(pay) FROM sale_lines",
    "SELECT count(*) * 100000 + sum(number) FROM sales WHERE kind = 'refund'",
  };
  g_autoptr(RgStore) first = demo_store ("en", 0, NULL);
  g_autoptr(RgStore) second = demo_store ("en", 0, NULL);
  g_autoptr(RgStore) other = demo_store ("en", 7, NULL);
  guint differ = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    {
      g_assert_cmpint (query_int (first, sums[i]), >, 0);
      g_assert_cmpint (query_int (first, sums[i]), ==, query_int (second, sums[i]));
      if (query_int (first, sums[i]) != query_int (other, sums[i]))
        differ++;
    }
  g_assert_cmpuint (differ, ==, G_N_ELEMENTS (sums));

  /* An English studio's card is in pounds. */
  g_assert_cmpint (query_int (first, "SELECT min(threshold) FROM card_tiers"), ==, 20000);
}

static void
test_timestamps_and_keys (void)
{
  g_autoptr(RgStore) store = demo_store ("en", 0, NULL);
  g_autoptr(RgStmt) stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id <= 0"
                                              " OR created_at > %" G_GINT64_FORMAT
                                              " OR updated_at > %" G_GINT64_FORMAT
                                              " OR updated_at < created_at",
                                              tables[i], NOW, NOW);

      g_test_message ("%s", tables[i]);
      g_assert_cmpint (query_int (store, sql), ==, 0);
    }

  /* A client exists from their first booking on. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM clients c WHERE c.created_at >"
                              " (SELECT min(created_at) FROM appointments a WHERE a.client_id = c.id)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM appointments WHERE created_at > starts_at"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM interactions WHERE occurred_at > 1795521600"), ==, 0);

  /* The rows refer to each other correctly. */
  stmt = rg_store_prepare (store, "PRAGMA foreign_key_check", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
test_deterministic (void)
{
  g_autoptr(RgStore) first = demo_store ("ru", 0, NULL);
  g_autoptr(RgStore) second = demo_store ("ru", 0, NULL);
  g_autoptr(RgStore) other = demo_store ("ru", 42, NULL);
  guint differ = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *a = table_digest (first, tables[i]);
      g_autofree char *b = table_digest (second, tables[i]);
      g_autofree char *c = table_digest (other, tables[i]);

      g_test_message ("%s %s", tables[i], a);
      g_assert_cmpstr (a, ==, b);
      if (g_strcmp0 (a, c) != 0)
        differ++;
    }

  /* Another seed is another studio, keys included. */
  g_assert_cmpuint (differ, ==, G_N_ELEMENTS (tables));
  g_assert_cmpint (query_int (first, "SELECT min(id) FROM clients"), !=,
                   query_int (other, "SELECT min(id) FROM clients"));
}

/* The E.164 digits of a stored phone, which must read back as itself. */
static char *
normalized_digits (const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = NULL;
  g_autofree char *shown = NULL;

  g_assert_true (rg_phone_normalize (phone, 7, &e164, &error));
  g_assert_no_error (error);
  shown = rg_phone_format (e164);
  g_assert_cmpstr (shown, ==, phone);
  return g_strdup (e164 + 1);
}

static void
check_clients (RgStore  *store,
               gboolean  russian)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT address_as, full_name, sort_key, phone, phone_digits,"
                                             " phone2, phone2_digits FROM clients",
                                             NULL);
  g_autoptr(GHashTable) phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint cyrillic = 0, n = 0;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *address_as = (const char *) sqlite3_column_text (stmt, 0);
      const char *full_name = (const char *) sqlite3_column_text (stmt, 1);
      const char *phone2 = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *sort_key = rg_text_sort_key (address_as);
      g_autofree char *digits = normalized_digits ((const char *) sqlite3_column_text (stmt, 3));

      g_assert_cmpstr (sort_key, ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpstr (digits, ==, (const char *) sqlite3_column_text (stmt, 4));
      if (phone2)
        {
          g_autofree char *digits2 = normalized_digits (phone2);

          g_assert_cmpstr (digits2, ==, (const char *) sqlite3_column_text (stmt, 6));
        }
      else
        g_assert_null (sqlite3_column_text (stmt, 6));

      /* Everybody has their own number. */
      g_assert_true (g_hash_table_add (phones, g_strdup (digits)));

      if (russian)
        g_assert_cmpuint (strlen (digits), ==, 11);
      if (has_cyrillic (address_as) || has_cyrillic (full_name))
        cyrillic++;
      n++;
    }

  g_assert_cmpuint (n, >, 1000);
  if (russian)
    g_assert_cmpuint (cyrillic, ==, n);
  else
    g_assert_cmpuint (cyrillic, ==, 0);
}

static void
test_languages (void)
{
  g_autoptr(RgStore) ru = demo_store ("ru", 0, NULL);
  g_autoptr(RgStore) en = demo_store ("en", 0, NULL);
  const char *text_columns[][2] = {
    { "staff", "display_name" }, { "services", "name" }, { "services", "category" },
    { "tags", "name" }, { "ratings", "why" }, { "interactions", "body" },
    { "appointments", "note" }, { "clients", "preferences" }, { "clients", "notes" },
    { "clients", "source" }, { "staff_days_off", "reason" }, { "products", "name" }, { "promotions", "name" },
    { "sales", "discount_reason" }, { "sales", "reason" }, { "stock_moves", "note" },
  };

  check_clients (ru, TRUE);
  check_clients (en, FALSE);

  /* Russian names come with patronymics sometimes, and with ё (search
   * folds ё to е). */
  g_assert_cmpint (query_int (ru, "SELECT count(*) FROM clients WHERE full_name LIKE '%вна'"), >, 100);
  g_assert_cmpint (query_int (ru, "SELECT count(*) FROM clients WHERE address_as LIKE '% %вна'"), >, 20);
  g_assert_cmpint (query_int (ru, "SELECT count(*) FROM clients WHERE address_as || full_name LIKE '%ё%'"), >, 20);
  /* Typed in every form, kept in one: the studio's country is set. */
  g_assert_cmpint (query_int (ru, "SELECT count(*) FROM clients WHERE phone NOT GLOB "
                                  "'+7 [0-9][0-9][0-9] [0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"), ==, 0);
  g_assert_cmpint (query_int (en, "SELECT count(*) FROM clients WHERE phone NOT LIKE '+44 %'"), ==, 0);
  g_assert_cmpint (query_int (ru, "SELECT value FROM settings WHERE key = 'phone-country'"), ==, 7);
  g_assert_cmpint (query_int (en, "SELECT value FROM settings WHERE key = 'phone-country'"), ==, 44);

  /* Nothing Russian leaks into the English studio, and the Russian studio
   * speaks Russian. */
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s IS NOT NULL",
                                              text_columns[i][1], text_columns[i][0], text_columns[i][1]);
      g_autoptr(RgStmt) stmt = rg_store_prepare (en, sql, NULL);
      g_autoptr(RgStmt) ru_stmt = NULL;
      guint n = 0, cyrillic = 0;

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_assert_false (has_cyrillic ((const char *) sqlite3_column_text (stmt, 0)));

      ru_stmt = rg_store_prepare (ru, sql, NULL);
      while (sqlite3_step (ru_stmt) == SQLITE_ROW)
        {
          n++;
          if (has_cyrillic ((const char *) sqlite3_column_text (ru_stmt, 0)))
            cyrillic++;
        }
      g_test_message ("%s.%s: %u of %u Russian", text_columns[i][0], text_columns[i][1], cyrillic, n);
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (cyrillic, >, 0);
    }

  /* "{m}" became the master's name. */
  g_assert_cmpint (query_int (ru, "SELECT count(*) FROM ratings WHERE why LIKE '%{m}%'"), ==, 0);
  g_assert_cmpint (query_int (en, "SELECT count(*) FROM interactions WHERE body LIKE '%{m}%'"), ==, 0);
}

static void
test_language_for_locale (void)
{
  g_setenv ("LANGUAGE", "ru_RU:en", TRUE);
  g_assert_cmpstr (rg_generator_language_for_locale (), ==, "ru");
  g_setenv ("LANGUAGE", "de_DE", TRUE);
  g_assert_cmpstr (rg_generator_language_for_locale (), ==, "en");
  g_unsetenv ("LANGUAGE");
}

static void
test_options (void)
{
  RgGeneratorOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  RgGeneratorStats stats;

  g_assert_no_error (error);

  rg_generator_options_init_demo (&options, "ru_RU.UTF-8", NOW);
  g_assert_cmpstr (options.language, ==, "ru");
  g_assert_cmpuint (options.n_clients, ==, 1500);
  g_assert_cmpuint (options.n_staff, ==, 6);
  g_assert_cmpuint (options.n_services, ==, 25);
  g_assert_cmpuint (options.years, ==, 2);
  g_assert_cmpuint (options.future_days, ==, 21);
  g_assert_cmpint (options.now, ==, NOW);

  /* Nonsense is refused before anything is written. */
  options.n_clients = 0;
  g_assert_false (rg_generator_fill (store, &options, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  options.n_clients = 100;
  options.years = 0;
  g_assert_false (rg_generator_fill (store, &options, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "staff"), ==, 0);

  /* Staff and services follow the size when not given. */
  options.years = 3;
  options.n_staff = 0;
  options.n_services = 0;
  options.future_days = 7;
  options.n_clients = 24000;
  g_assert_true (rg_generator_fill (store, &options, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.staff, ==, 8);   /* and the administrator */
  g_assert_cmpuint (stats.services, ==, 25);
  g_assert_cmpuint (stats.clients, >, 23500);
  g_assert_cmpuint (stats.clients, <=, 24000);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT staff_id) FROM appointments"), ==, 7);
  g_assert_cmpint (query_int (store, SELECT_OVERLAPS), ==, 0);
}

/* More clients than one master can see in a year: they are all in the base
 * all the same, the calendar still without overlaps. */
static void
test_overbooked (void)
{
  RgGeneratorOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  RgGeneratorStats stats;

  g_assert_no_error (error);
  rg_generator_options_init_demo (&options, "en", NOW);
  options.n_clients = 4000;
  options.n_staff = 1;
  options.n_services = 5;
  options.years = 1;
  g_assert_true (rg_generator_fill (store, &options, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.clients, ==, 4000);
  g_assert_cmpuint (stats.staff, ==, 2);   /* the master (the director) and the administrator */
  g_assert_cmpuint (stats.services, ==, 5);
  g_assert_cmpint (query_int (store, SELECT_OVERLAPS), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM clients c WHERE NOT EXISTS"
                              " (SELECT 1 FROM appointments a WHERE a.client_id = c.id)"), <, 200);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  RgGeneratorOptions options;

  g_assert_no_error (error);
  g_assert_true (rg_store_exec (store,
                                "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits,"
                                " created_at, updated_at)"
                                " VALUES (1, 'Анна', 'анна', '+7 912 345-67-89', '79123456789', 1, 1)",
                                &error));
  g_assert_no_error (error);

  rg_generator_options_init_demo (&options, "ru", NOW);
  g_assert_false (rg_generator_fill (store, &options, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (store, "clients"), ==, 1);
  g_assert_cmpint (count_rows (store, "staff"), ==, 0);
  g_assert_false (rg_store_in_transaction (store));
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir))
    n++;

  return n;
}

static void
small_options (RgGeneratorOptions *options)
{
  rg_generator_options_init_demo (options, "en", NOW);
  options->n_clients = 400;
  options->n_staff = 3;
  options->years = 1;
  options->future_days = 7;
}

/* Every staff member has a profile: the first master the director, the
 * administrator at the desk, the rest masters, with the README's PINs
 * (rg-generator.h), each hash with its own salt. */
static void
test_profiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(GArray) profiles = NULL;
  RgGeneratorOptions options;
  RgGeneratorStats stats;
  guint masters = 0;

  g_assert_no_error (error);
  small_options (&options);
  g_assert_true (options.profiles);
  g_assert_true (rg_generator_fill (store, &options, &stats, &error));
  g_assert_no_error (error);
  studio = rg_studio_new (store);

  g_assert_true (rg_studio_has_profiles (studio));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM staff WHERE id NOT IN (SELECT staff_id FROM profiles)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM profiles"), ==, stats.staff);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM profiles WHERE role = 'director'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM profiles WHERE role = 'administrator'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT pin_hash) FROM profiles"), ==, stats.staff);
  /* The director is the first master, the owner who also works. */
  g_assert_cmpint (query_int (store, "SELECT s.position FROM profiles p JOIN staff s ON s.id = p.staff_id"
                                     " WHERE p.role = 'director'"), ==, 0);

  profiles = rg_studio_list_profiles (studio, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, stats.staff);
  for (guint i = 0; i < profiles->len; i++)
    {
      const RgProfile *profile = &g_array_index (profiles, RgProfile, i);
      g_autofree char *pin = NULL;

      g_assert_true (profile->has_pin);
      if (profile->role == RG_ROLE_DIRECTOR)
        pin = g_strdup (RG_GENERATOR_DIRECTOR_PIN);
      else if (profile->role == RG_ROLE_ADMINISTRATOR)
        pin = g_strdup (RG_GENERATOR_ADMINISTRATOR_PIN);
      else
        pin = g_strdup_printf ("%u", RG_GENERATOR_MASTER_PIN_BASE + ++masters);
      g_assert_true (rg_studio_verify_pin (studio, profile->staff_id, pin, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (masters, ==, options.n_staff - 1);
  /* The README's PINs, as it lists them. */
  g_assert_cmpstr (RG_GENERATOR_DIRECTOR_PIN, ==, "1111");
  g_assert_cmpstr (RG_GENERATOR_ADMINISTRATOR_PIN, ==, "2222");
  g_assert_cmpuint (RG_GENERATOR_MASTER_PIN_BASE + 1, ==, 3331);

  /* A wrong PIN is wrong. */
  {
    const RgProfile *director = &g_array_index (profiles, RgProfile, 0);

    g_assert_cmpint (director->role, ==, RG_ROLE_DIRECTOR);
    g_assert_false (rg_studio_verify_pin (studio, director->staff_id, RG_GENERATOR_ADMINISTRATOR_PIN, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  }
}

/* Without profiles (the tests' own demo), nothing to sign in to. */
static void
test_no_profiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  RgGeneratorOptions options;
  RgGeneratorStats stats;

  g_assert_no_error (error);
  small_options (&options);
  options.profiles = FALSE;
  g_assert_true (rg_generator_fill (store, &options, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.staff, ==, options.n_staff);
  g_assert_cmpint (count_rows (store, "profiles"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM staff WHERE role <> 'master'"), ==, 0);
}

static void
test_write_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-generator-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RgGeneratorOptions options;
  RgGeneratorStats stats;

  g_assert_no_error (error);
  small_options (&options);

  /* A leftover of an interrupted run is no obstacle. */
  g_assert_true (g_file_set_contents (partial, "half a database", -1, NULL));

  g_assert_true (rg_generator_write_file (path, &options, &stats, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_cmpuint (stats.clients, >, 300);

  {
    g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
    g_autoptr(RgStmt) check = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (count_rows (store, "clients"), ==, stats.clients);
    g_assert_cmpint (count_rows (store, "appointments"), ==, stats.appointments);
    g_assert_cmpint (count_rows (store, "ratings"), ==, stats.ratings);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients_fts"), ==, stats.clients);

    /* Written with the foreign keys off: they hold all the same. */
    check = rg_store_prepare (store, "PRAGMA foreign_key_check", NULL);
    g_assert_cmpint (sqlite3_step (check), ==, SQLITE_DONE);
    g_clear_pointer (&check, rg_stmt_release);

    check = rg_store_prepare (store, "PRAGMA journal_mode", NULL);
    g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "wal");
  }

  /* An existing file is never overwritten. */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_false (rg_generator_write_file (path, &options, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "studio.db"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpmem (before, strlen (before), after, strlen (after));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* Nor any other file. */
  g_assert_true (g_file_set_contents (path, "my notes", -1, NULL));
  g_assert_false (rg_generator_write_file (path, &options, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "my notes");
  g_assert_cmpuint (count_files (dir), ==, 1);

  test_remove_tree (dir);
}

/* The disk fills up half way: the error says so and nothing is left behind. */
static void
test_write_file_fails_cleanly (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      const char *target = g_getenv ("RG_TEST_TARGET");
      struct rlimit limit = { 512 * 1024, 512 * 1024 };
      RgGeneratorOptions options;
      g_autofree char *partial = g_strconcat (target, ".partial", NULL);
      g_autofree char *target_dir = g_path_get_dirname (target);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      small_options (&options);
      g_assert_false (rg_generator_write_file (target, &options, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (target_dir), ==, 0);
      return;
    }

  dir = g_dir_make_tmp ("regulars-generator-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "studio.db", NULL);

  g_setenv ("RG_TEST_TARGET", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("RG_TEST_TARGET");

  g_assert_cmpuint (count_files (dir), ==, 0);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/generator/demo/sizes", test_demo_sizes);
  g_test_add_func ("/generator/demo/calendar", test_demo_calendar);
  g_test_add_func ("/generator/demo/money", test_demo_money);
  g_test_add_data_func ("/generator/demo/prepaid/ru", "ru", test_demo_prepaid);
  g_test_add_data_func ("/generator/demo/prepaid/en", "en", test_demo_prepaid);
  g_test_add_func ("/generator/demo/timestamps-and-keys", test_timestamps_and_keys);
  g_test_add_func ("/generator/deterministic", test_deterministic);
  g_test_add_func ("/generator/deterministic/money", test_deterministic_money);
  g_test_add_func ("/generator/languages", test_languages);
  g_test_add_func ("/generator/language-for-locale", test_language_for_locale);
  g_test_add_func ("/generator/options", test_options);
  g_test_add_func ("/generator/overbooked", test_overbooked);
  g_test_add_func ("/generator/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/generator/profiles", test_profiles);
  g_test_add_func ("/generator/no-profiles", test_no_profiles);
  g_test_add_func ("/generator/write-file", test_write_file);
  g_test_add_func ("/generator/write-file/fails-cleanly", test_write_file_fails_cleanly);

  return g_test_run ();
}
