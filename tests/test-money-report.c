/* test-money-report.c — the money of a period and the payroll on a small
 * studio whose sales, lines and payments are written with SQL, every
 * figure checked against sums done by hand (in the comments); then
 * `--report money|payroll` as text and JSON, its refusals, and
 * `--export payroll FILE`.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "analytics/rg-money-figures.h"
#include "io/rg-export-command.h"
#include "model/rg-format.h"
#include "report/rg-report.h"
#include "report/rg-report-money.h"
#include "test-util.h"

/* The studio -------------------------------------------------------------------
 *
 * Two masters: Anna (pay 40 % of the price after discount), Boris (50 %;
 * 10 % commission on products). Two clients, Olga and Pavel. November 2026
 * (local days; the tests run with TZ=UTC):
 *
 *   V1 03 Nov Olga/Anna    done   Manicure 1000, promotion 10 % −100 → 900; pay 360; card 900
 *   V2 05 Nov Pavel/Boris  done   Haircut 2000, card −100, one-off −100 → 1800; pay 900
 *                                 Shampoo ×2 at 500 → 1000; pay 100;  tip 200 (pay 200)
 *                                 paid cash 2000 + card 1000 = 3000 (1800 + 1000 + 200)
 *   V3 10 Nov Olga/Anna    set back after a refund: Haircut 2000, one-off −200 → 1800; pay 720;
 *                                 card 1800; refunded whole on 12 Nov by card −1800 (pay −720)
 *   V4 31 Oct 23:00 Pavel/Boris done  1500, pay 750; sale made 31 Oct 23:50, paid by transfer
 *                                 at 00:30 on 1 Nov: the payment is November's, the visit and
 *                                 its line October's
 *   V5 30 Nov Olga/Anna    done   Manicure 1005 (no discount); pay 402; cash 1005
 *   V6 01 Dec Anna         done   1000; cash: December's
 *   V7 15 Nov Anna         cancelled 1000; no sale
 *   V8 16 Nov Anna         done but deleted, 1000
 *   S7 25 Nov a walk-in sale to Olga by the desk (no master): Shampoo 500, promotion −50 → 450;
 *                                 card 450
 *   R2 20 Nov one Shampoo of V2 taken back: −500 (pay −50), cash −500 */

#define ANNA   ((gint64) 101)
#define BORIS  ((gint64) 102)
#define OLGA   ((gint64) 201)
#define PAVEL  ((gint64) 202)
#define MANICURE ((gint64) 301)
#define HAIRCUT  ((gint64) 302)
#define SHAMPOO  ((gint64) 401)

typedef struct {
  char     *dir;
  char     *path;
  RgStore  *store;
} Fixture;

static gint64
at (int month,
    int day,
    int hour,
    int minute)
{
  return rg_time_from_local ((RgDate) { 2026, month, day }, hour * 60 + minute);
}

static void
appointment (RgStore    *store,
             gint64      id,
             gint64      client,
             gint64      staff,
             gint64      starts_at,
             const char *status,
             gint64      price)
{
  test_sql_run (store,
                "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price,"
                " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4 + 3600, ?5, ?6, ?4, ?4)",
                "iiiiti", id, client, staff, starts_at, status, price);
}

static void
sale (RgStore    *store,
      gint64      id,
      gint64      number,
      gint64      refund_of,     /* 0: a sale */
      gint64      client,
      gint64      appointment_id,
      gint64      created_at)
{
  test_sql_run (store,
                "INSERT INTO sales (id, number, kind, refund_of, client_id, appointment_id, created_at, updated_at)"
                " VALUES (?1, ?2, CASE WHEN ?3 = 0 THEN 'sale' ELSE 'refund' END, nullif (?3, 0), nullif (?4, 0),"
                " nullif (?5, 0), ?6, ?6)",
                "iiiiii", id, number, refund_of, client, appointment_id, created_at);
}

/* A line as the till writes it: price = list × quantity − the discounts. */
static void
line (RgStore    *store,
      gint64      id,
      gint64      sale_id,
      const char *kind,
      gint64      item,          /* the service or product */
      gint64      staff,         /* 0: none */
      gint64      quantity,
      gint64      list_price,
      gint64      promotion,
      gint64      card,
      gint64      one_off,
      gint64      pay,
      gint64      refund_of_line)
{
  gint64 price = list_price * quantity - (promotion + card + one_off);

  test_sql_run (store,
                "INSERT INTO sale_lines (id, sale_id, position, kind, service_id, product_id, staff_id, quantity,"
                " list_price, discount, discount_promotion, discount_card, discount_one_off, price, pay,"
                " refund_of_line, created_at, updated_at)"
                " VALUES (?1, ?2, ?1 % 10, ?3, CASE WHEN ?3 = 'service' THEN nullif (?4, 0) END,"
                " CASE WHEN ?3 = 'product' THEN ?4 END, nullif (?5, 0), ?6, ?7, ?8 + ?9 + ?10, ?8, ?9, ?10, ?11,"
                " ?12, nullif (?13, 0), 0, 0)",
                "iitiiiiiiiiii", id, sale_id, kind, item, staff, quantity, list_price, promotion, card, one_off,
                price, pay, refund_of_line);
}

static void
payment (RgStore    *store,
         gint64      id,
         gint64      sale_id,
         const char *method,
         gint64      amount,
         gint64      paid_at)
{
  test_sql_run (store,
                "INSERT INTO payments (id, sale_id, method, amount, paid_at, created_at, updated_at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5)",
                "iitii", id, sale_id, method, amount, paid_at);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgStore *s;

  f->dir = g_dir_make_tmp ("regulars-money-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "studio.db", NULL);
  f->store = s = rg_store_open (f->path, RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_store_get_schema_version (s), >=, 15);

  g_assert_true (rg_store_exec (s,
                                "INSERT INTO staff (id, display_name, position, pay_rate, created_at, updated_at)"
                                "  VALUES (101, 'Anna Smirnova', 0, 4000, 0, 0), (102, 'Boris Orlov', 1, 5000, 0, 0);"
                                "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at)"
                                "  VALUES (201, 'Olga', 'olga', '+7 900 000-00-01', '79000000001', 0, 0),"
                                "         (202, 'Pavel', 'pavel', '+7 900 000-00-02', '79000000002', 0, 0);"
                                "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at)"
                                "  VALUES (301, 'Manicure', 60, 1000, 0, 0), (302, 'Haircut', 60, 2000, 0, 0);"
                                "INSERT INTO products (id, name, price, cost, commission, created_at, updated_at)"
                                "  VALUES (401, 'Shampoo', 500, 300, 1000, 0, 0);",
                                &error));
  g_assert_no_error (error);

  appointment (s, 1, OLGA, ANNA, at (11, 3, 10, 0), "done", 900);
  appointment (s, 2, PAVEL, BORIS, at (11, 5, 12, 0), "done", 1800);
  appointment (s, 3, OLGA, ANNA, at (11, 10, 14, 0), "arrived", 0);
  appointment (s, 4, PAVEL, BORIS, at (10, 31, 23, 0), "done", 1500);
  appointment (s, 5, OLGA, ANNA, at (11, 30, 18, 0), "done", 1005);
  appointment (s, 6, OLGA, ANNA, at (12, 1, 9, 0), "done", 1000);
  appointment (s, 7, PAVEL, ANNA, at (11, 15, 9, 0), "cancelled", 1000);
  appointment (s, 8, PAVEL, ANNA, at (11, 16, 9, 0), "done", 1000);
  g_assert_true (rg_store_exec (s, "UPDATE appointments SET deleted_at = 1 WHERE id = 8", &error));
  g_assert_no_error (error);

  /* V1 */
  sale (s, 1001, 1, 0, OLGA, 1, at (11, 3, 11, 0));
  line (s, 10011, 1001, "service", MANICURE, ANNA, 1, 1000, 100, 0, 0, 360, 0);
  payment (s, 1, 1001, "card", 900, at (11, 3, 11, 0));
  /* V2 */
  sale (s, 1002, 2, 0, PAVEL, 2, at (11, 5, 13, 0));
  line (s, 10021, 1002, "service", HAIRCUT, BORIS, 1, 2000, 0, 100, 100, 900, 0);
  line (s, 10022, 1002, "product", SHAMPOO, BORIS, 2, 500, 0, 0, 0, 100, 0);
  line (s, 10023, 1002, "tip", 0, BORIS, 1, 200, 0, 0, 0, 200, 0);
  payment (s, 2, 1002, "cash", 2000, at (11, 5, 13, 0));
  payment (s, 3, 1002, "card", 1000, at (11, 5, 13, 1));
  /* V3 and its refund R1 */
  sale (s, 1003, 3, 0, OLGA, 3, at (11, 10, 15, 0));
  line (s, 10031, 1003, "service", HAIRCUT, ANNA, 1, 2000, 0, 0, 200, 720, 0);
  payment (s, 4, 1003, "card", 1800, at (11, 10, 15, 0));
  sale (s, 1008, 8, 1003, OLGA, 3, at (11, 12, 10, 0));
  line (s, 10081, 1008, "service", HAIRCUT, ANNA, -1, 2000, 0, 0, -200, -720, 10031);
  payment (s, 5, 1008, "card", -1800, at (11, 12, 10, 0));
  /* V4: October's sale, November's payment */
  sale (s, 1004, 4, 0, PAVEL, 4, at (10, 31, 23, 50));
  line (s, 10041, 1004, "service", HAIRCUT, BORIS, 1, 1500, 0, 0, 0, 750, 0);
  payment (s, 6, 1004, "transfer", 1500, at (11, 1, 0, 30));
  /* V5 */
  sale (s, 1005, 5, 0, OLGA, 5, at (11, 30, 19, 0));
  line (s, 10051, 1005, "service", MANICURE, ANNA, 1, 1005, 0, 0, 0, 402, 0);
  payment (s, 7, 1005, "cash", 1005, at (11, 30, 19, 0));
  /* V6: December's */
  sale (s, 1006, 6, 0, OLGA, 6, at (12, 1, 10, 0));
  line (s, 10061, 1006, "service", MANICURE, ANNA, 1, 1000, 0, 0, 0, 400, 0);
  payment (s, 8, 1006, "cash", 1000, at (12, 1, 10, 0));
  /* S7: a walk-in, no master */
  sale (s, 1007, 7, 0, OLGA, 0, at (11, 25, 16, 0));
  line (s, 10071, 1007, "product", SHAMPOO, 0, 1, 500, 50, 0, 0, 0, 0);
  payment (s, 9, 1007, "card", 450, at (11, 25, 16, 0));
  /* R2: one Shampoo of V2 back */
  sale (s, 1009, 9, 1002, PAVEL, 2, at (11, 20, 12, 0));
  line (s, 10091, 1009, "product", SHAMPOO, BORIS, -1, 500, 0, 0, 0, -50, 10022);
  payment (s, 10, 1009, "cash", -500, at (11, 20, 12, 0));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static const RgDate november_first = { 2026, 11, 1 };
static const RgDate november_last = { 2026, 11, 30 };

static RgMoneyFigures *
money_of (Fixture *f,
          gint64   staff_id)
{
  g_autoptr(GError) error = NULL;
  RgMoneyQuery query = { november_first, november_last, staff_id };
  RgMoneyFigures *m = rg_money_figures_compute (f->store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

static gint64
by_method (const RgMoneyFigures *m,
           const char           *nick)
{
  for (guint i = 0; i < m->payments_by_method->len; i++)
    {
      const RgMoneyMethod *method = m->payments_by_method->pdata[i];

      if (g_str_equal (method->method, nick))
        return method->amount;
    }
  return G_MININT64;   /* not there */
}

static void
test_average (void)
{
  g_assert_cmpint (rg_money_figures_average (0, 0), ==, 0);
  g_assert_cmpint (rg_money_figures_average (1000, 0), ==, 0);
  g_assert_cmpint (rg_money_figures_average (3705, 3), ==, 1235);
  g_assert_cmpint (rg_money_figures_average (1905, 2), ==, 953);    /* 952.5 up */
  g_assert_cmpint (rg_money_figures_average (1904, 3), ==, 635);    /* 634.67 */
  g_assert_cmpint (rg_money_figures_average (1903, 3), ==, 634);    /* 634.33 */
  g_assert_cmpint (rg_money_figures_average (-1905, 2), ==, -953);  /* away from zero */
}

static void
test_studio (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RgMoneyFigures) m = money_of (f, 0);
  const RgMoneyPay *pay;

  /* Done, started in November, not deleted: V1, V2, V5 (V3 set back, V4
   * October, V6 December, V7 cancelled, V8 deleted). */
  g_assert_cmpint (m->visits, ==, 3);
  g_assert_cmpint (m->revenue, ==, 900 + 1800 + 1005);      /* 3705 */
  g_assert_cmpint (m->average_check, ==, 1235);             /* 3705 / 3 */

  /* By paid_at: card 900 + 1000 + 1800 − 1800 + 450 = 2350; cash 2000 − 500
   * + 1005 = 2505; transfer 1500 (V4's, paid after midnight into 1 Nov). */
  g_assert_cmpuint (m->payments_by_method->len, ==, 3);
  g_assert_cmpstr (((RgMoneyMethod *) m->payments_by_method->pdata[0])->method, ==, "cash");
  g_assert_cmpstr (((RgMoneyMethod *) m->payments_by_method->pdata[1])->method, ==, "card");
  g_assert_cmpstr (((RgMoneyMethod *) m->payments_by_method->pdata[2])->method, ==, "transfer");
  g_assert_cmpint (by_method (m, "cash"), ==, 2505);
  g_assert_cmpint (by_method (m, "card"), ==, 2350);
  g_assert_cmpint (by_method (m, "transfer"), ==, 1500);
  g_assert_cmpint (m->payments, ==, 6355);
  g_assert_cmpint (m->refunds, ==, 1800 + 500);

  /* Lines of the sales made in November (V4's and V6's are not):
   * promotion 100 (V1) + 50 (S7); card 100 (V2); one-off 100 (V2) + 200 (V3)
   * − 200 (R1). */
  g_assert_cmpint (m->discount_promotion, ==, 150);
  g_assert_cmpint (m->discount_card, ==, 100);
  g_assert_cmpint (m->discount_one_off, ==, 100);
  /* Shampoo: 2 (V2) + 1 (S7) − 1 (R2) units; 1000 + 450 − 500. */
  g_assert_cmpint (m->products_quantity, ==, 2);
  g_assert_cmpint (m->products_amount, ==, 950);
  g_assert_cmpint (m->tips, ==, 200);

  /* Anna 360 + 720 − 720 + 402 = 762; Boris 900 + 100 + 200 − 50 = 1150;
   * in the staff's order; the walk-in's line has no master. */
  g_assert_cmpuint (m->pay_by_staff->len, ==, 2);
  pay = m->pay_by_staff->pdata[0];
  g_assert_cmpint (pay->staff_id, ==, ANNA);
  g_assert_cmpstr (pay->name, ==, "Anna Smirnova");
  g_assert_cmpint (pay->pay, ==, 762);
  pay = m->pay_by_staff->pdata[1];
  g_assert_cmpint (pay->staff_id, ==, BORIS);
  g_assert_cmpint (pay->pay, ==, 1150);
}

static void
test_one_master (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RgMoneyFigures) anna = money_of (f, ANNA);
  g_autoptr(RgMoneyFigures) boris = money_of (f, BORIS);

  /* Anna: V1 900 and V5 1005; 1905 / 2 = 952.5, half up. */
  g_assert_cmpint (anna->visits, ==, 2);
  g_assert_cmpint (anna->revenue, ==, 1905);
  g_assert_cmpint (anna->average_check, ==, 953);
  /* The payments of sales with a line of hers: V1 card 900, V3 card 1800,
   * R1 card −1800, V5 cash 1005. */
  g_assert_cmpuint (anna->payments_by_method->len, ==, 2);
  g_assert_cmpint (by_method (anna, "card"), ==, 900);
  g_assert_cmpint (by_method (anna, "cash"), ==, 1005);
  g_assert_cmpint (anna->refunds, ==, 1800);
  /* Her lines: promotion 100; one-off 200 − 200. */
  g_assert_cmpint (anna->discount_promotion, ==, 100);
  g_assert_cmpint (anna->discount_card, ==, 0);
  g_assert_cmpint (anna->discount_one_off, ==, 0);
  g_assert_cmpint (anna->products_quantity, ==, 0);
  g_assert_cmpint (anna->tips, ==, 0);
  g_assert_cmpuint (anna->pay_by_staff->len, ==, 1);
  g_assert_cmpint (((RgMoneyPay *) anna->pay_by_staff->pdata[0])->pay, ==, 762);

  /* Boris: V2 1800. Payments: V2 cash 2000 + card 1000, R2 cash −500, V4
   * transfer 1500 (paid in November). */
  g_assert_cmpint (boris->visits, ==, 1);
  g_assert_cmpint (boris->revenue, ==, 1800);
  g_assert_cmpint (boris->average_check, ==, 1800);
  g_assert_cmpint (by_method (boris, "cash"), ==, 1500);
  g_assert_cmpint (by_method (boris, "card"), ==, 1000);
  g_assert_cmpint (by_method (boris, "transfer"), ==, 1500);
  g_assert_cmpint (boris->refunds, ==, 500);
  g_assert_cmpint (boris->discount_promotion, ==, 0);
  g_assert_cmpint (boris->discount_card, ==, 100);
  g_assert_cmpint (boris->discount_one_off, ==, 100);
  g_assert_cmpint (boris->products_quantity, ==, 1);       /* 2 − 1 */
  g_assert_cmpint (boris->products_amount, ==, 500);       /* 1000 − 500 */
  g_assert_cmpint (boris->tips, ==, 200);
  g_assert_cmpint (((RgMoneyPay *) boris->pay_by_staff->pdata[0])->pay, ==, 1150);
}

/* A period of one day: V1's only (its payment, its line). */
static void
test_one_day (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgMoneyQuery query = { { 2026, 11, 3 }, { 2026, 11, 3 }, 0 };
  g_autoptr(RgMoneyFigures) m = rg_money_figures_compute (f->store, &query, &error);
  RgMoneyQuery backwards = { { 2026, 11, 3 }, { 2026, 11, 2 }, 0 };

  g_assert_no_error (error);
  g_assert_cmpint (m->visits, ==, 1);
  g_assert_cmpint (m->revenue, ==, 900);
  g_assert_cmpint (m->payments, ==, 900);
  g_assert_cmpint (m->discount_promotion, ==, 100);

  g_assert_null (rg_money_figures_compute (f->store, &backwards, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
}

static const RgPayrollLine *
payroll_line (const RgPayrollMaster *master,
              guint                  i)
{
  g_assert_cmpuint (i, <, master->lines->len);
  return master->lines->pdata[i];
}

static void
test_payroll (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgMoneyQuery query = { november_first, november_last, 0 };
  g_autoptr(RgPayroll) p = rg_payroll_compute (f->store, &query, &error);
  const RgPayrollMaster *anna, *boris;
  const RgPayrollLine *l;
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (p->masters->len, ==, 2);
  anna = p->masters->pdata[0];
  boris = p->masters->pdata[1];
  g_assert_cmpstr (anna->name, ==, "Anna Smirnova");

  /* Anna by time: V1, V3, R1, V5. */
  g_assert_cmpuint (anna->lines->len, ==, 4);
  l = payroll_line (anna, 0);
  g_assert_cmpstr (l->client, ==, "Olga");
  g_assert_cmpstr (l->item, ==, "Manicure");
  g_assert_cmpint (l->list, ==, 1000);
  g_assert_cmpint (l->discount, ==, 100);
  g_assert_cmpint (l->price, ==, 900);
  g_assert_cmpint (l->pay, ==, 360);
  l = payroll_line (anna, 2);
  g_assert_true (l->refund);
  g_assert_cmpint (l->sale_number, ==, 8);
  g_assert_cmpint (l->quantity, ==, -1);
  g_assert_cmpint (l->list, ==, -2000);
  g_assert_cmpint (l->discount, ==, -200);
  g_assert_cmpint (l->price, ==, -1800);
  g_assert_cmpint (l->pay, ==, -720);
  described = rg_payroll_line_describe (l);
  g_assert_cmpstr (described, ==, "Haircut (refund)");
  /* 1000 + 2000 − 2000 + 1005; 100 + 200 − 200; 900 + 1800 − 1800 + 1005;
   * 360 + 720 − 720 + 402. */
  g_assert_cmpint (anna->list, ==, 2005);
  g_assert_cmpint (anna->discount, ==, 100);
  g_assert_cmpint (anna->price, ==, 1905);
  g_assert_cmpint (anna->pay, ==, 762);

  /* Boris: V2's three lines, then R2 (V4's line is October's). */
  g_assert_cmpuint (boris->lines->len, ==, 4);
  l = payroll_line (boris, 1);
  g_clear_pointer (&described, g_free);
  described = rg_payroll_line_describe (l);
  g_assert_cmpstr (described, ==, "Shampoo × 2");
  g_assert_cmpint (l->list, ==, 1000);
  l = payroll_line (boris, 2);
  g_assert_cmpstr (l->kind, ==, "tip");
  g_assert_null (l->item);
  g_clear_pointer (&described, g_free);
  described = rg_payroll_line_describe (l);
  g_assert_cmpstr (described, ==, "Tip");
  l = payroll_line (boris, 3);
  g_assert_true (l->refund);
  g_assert_cmpint (l->price, ==, -500);
  /* 2000 + 1000 + 200 − 500; 200; 1800 + 1000 + 200 − 500; 900 + 100 + 200 − 50. */
  g_assert_cmpint (boris->list, ==, 2700);
  g_assert_cmpint (boris->discount, ==, 200);
  g_assert_cmpint (boris->price, ==, 2500);
  g_assert_cmpint (boris->pay, ==, 1150);
  g_assert_cmpint (p->pay, ==, 762 + 1150);

  /* The same as the money report's pay by master. */
  {
    g_autoptr(RgMoneyFigures) m = money_of (f, 0);

    g_assert_cmpint (((RgMoneyPay *) m->pay_by_staff->pdata[0])->pay, ==, anna->pay);
    g_assert_cmpint (((RgMoneyPay *) m->pay_by_staff->pdata[1])->pay, ==, boris->pay);
  }

  /* One master's. */
  {
    RgMoneyQuery only_boris = { november_first, november_last, BORIS };
    g_autoptr(RgPayroll) b = rg_payroll_compute (f->store, &only_boris, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (b->masters->len, ==, 1);
    g_assert_cmpint (((RgPayrollMaster *) b->masters->pdata[0])->staff_id, ==, BORIS);
    g_assert_cmpint (b->pay, ==, 1150);
  }
}

/* The command line ------------------------------------------------------------- */

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* Prepaid at the till, on top of the studio above (November):
 *   S10  6 Nov Olga tops up her deposit: 5000 by card
 *   S11  7 Nov Pavel buys a certificate 3000 (cash) and a subscription 9000 (card)
 *   S12  8 Nov Olga: Shampoo 500 paid from her deposit 300 and points 200
 *   S13  9 Nov Pavel: Shampoo 500 paid by a certificate 500
 *   S14 12 Nov Olga takes 1000 of her deposit back in cash (a −1 deposit line)
 *   R15 14 Nov S11's certificate taken back: −3000 cash
 * Money in: 6355 (cash 2505, card 2350, transfer 1500) + 5000 + 3000 + 9000
 * − 1000 − 3000 = 19355; paid from prepaid 1000 (deposit 300, points 200,
 * certificate 500); deposits topped up 1 for 5000, 1000 given back;
 * certificates 1 − 1 = 0; subscriptions 1 for 9000; revenue still 3705.
 *
 * Subscriptions, for the renewal rate (visits):
 *   A Olga  2, sold 1 Sep, used 1 Oct and 5 Nov: ran out 5 Nov; B bought 20 Nov → renewed
 *   B Olga  5, sold 20 Nov, unused: running
 *   C Pavel 3, sold 25 Oct, used 26 Oct, expired 10 Nov 00:00: ran out then; D bought
 *           10 Dec 12:00, 30 days and 12 hours later → not renewed (E and G were bought
 *           before C)
 *   D Pavel 4, sold 10 Dec 12:00
 *   E Pavel 1, sold 1 Oct, used 2 Oct: ran out in October; G bought 20 Oct → renewed
 *   F Olga  1, sold 2 Nov, taken back 3 Nov, would have expired 20 Nov: never ran out
 *   G Pavel 2, sold 20 Oct, used 25 and 28 Nov: ran out 28 Nov; C (25 Oct), D (12 days
 *           after) → renewed; H (29 Nov) was taken back, and does not count
 *   H Pavel 1, sold 29 Nov, taken back 30 Nov: does not renew C either
 * Ran out in November: A, C, G; renewed A, G: 66.67 %. */
static void
subscription_with (RgStore     *store,
                   gint64       id,
                   gint64       client,
                   gint64       visits,
                   gint64       sold_at,
                   gint64       expires_at)
{
  test_sql_run (store,
                "INSERT INTO subscriptions (id, name, client_id, visits, price, valid_days, from_first_use, sold_at,"
                " expires_at, created_at, updated_at) VALUES (?1, 'Visits', ?2, ?3, 1000, 90, 0, ?4, ?5, ?4, ?4)",
                "iiiii", id, client, visits, sold_at, expires_at);
  test_sql_run (store,
                "INSERT INTO subscription_moves (subscription_id, visits, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, ?2, 'sold', ?3, ?3, ?3)",
                "iii", id, visits, sold_at);
}

static void
subscription_move (RgStore    *store,
                   gint64      id,
                   gint64      visits,
                   const char *reason,
                   gint64      when)
{
  test_sql_run (store,
                "INSERT INTO subscription_moves (subscription_id, visits, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, ?2, ?3, ?4, ?4, ?4)",
                "iiti", id, visits, reason, when);
}

static void
add_prepaid (RgStore *s)
{
  sale (s, 1010, 10, 0, OLGA, 0, at (11, 6, 12, 0));
  line (s, 10101, 1010, "deposit", 0, 0, 1, 5000, 0, 0, 0, 0, 0);
  payment (s, 110, 1010, "card", 5000, at (11, 6, 12, 0));
  sale (s, 1011, 11, 0, PAVEL, 0, at (11, 7, 12, 0));
  line (s, 10111, 1011, "certificate", 0, 0, 1, 3000, 0, 0, 0, 0, 0);
  line (s, 10112, 1011, "subscription", 0, 0, 1, 9000, 0, 0, 0, 0, 0);
  payment (s, 111, 1011, "cash", 3000, at (11, 7, 12, 0));
  payment (s, 112, 1011, "card", 9000, at (11, 7, 12, 0));
  sale (s, 1012, 12, 0, OLGA, 0, at (11, 8, 12, 0));
  line (s, 10121, 1012, "product", SHAMPOO, 0, 1, 500, 0, 0, 0, 0, 0);
  payment (s, 113, 1012, "deposit", 300, at (11, 8, 12, 0));
  payment (s, 114, 1012, "points", 200, at (11, 8, 12, 0));
  sale (s, 1013, 13, 0, PAVEL, 0, at (11, 9, 12, 0));
  line (s, 10131, 1013, "product", SHAMPOO, 0, 1, 500, 0, 0, 0, 0, 0);
  payment (s, 115, 1013, "certificate", 500, at (11, 9, 12, 0));
  sale (s, 1014, 14, 0, OLGA, 0, at (11, 12, 12, 0));
  line (s, 10141, 1014, "deposit", 0, 0, -1, 1000, 0, 0, 0, 0, 0);
  payment (s, 116, 1014, "cash", -1000, at (11, 12, 12, 0));
  sale (s, 1015, 15, 1011, PAVEL, 0, at (11, 14, 12, 0));
  line (s, 10151, 1015, "certificate", 0, 0, -1, 3000, 0, 0, 0, 0, 10111);
  payment (s, 117, 1015, "cash", -3000, at (11, 14, 12, 0));

  subscription_with (s, 501, OLGA, 2, at (9, 1, 12, 0), at (12, 31, 0, 0) + 90 * 86400);
  subscription_move (s, 501, -1, "use", at (10, 1, 12, 0));
  subscription_move (s, 501, -1, "use", at (11, 5, 12, 0));
  subscription_with (s, 502, OLGA, 5, at (11, 20, 12, 0), at (12, 31, 0, 0) + 90 * 86400);
  subscription_with (s, 503, PAVEL, 3, at (10, 25, 12, 0), at (11, 10, 0, 0));
  subscription_move (s, 503, -1, "use", at (10, 26, 12, 0));
  subscription_with (s, 504, PAVEL, 4, at (12, 10, 12, 0), at (12, 31, 0, 0) + 90 * 86400);
  subscription_with (s, 505, PAVEL, 1, at (10, 1, 12, 0), at (12, 31, 0, 0));
  subscription_move (s, 505, -1, "use", at (10, 2, 12, 0));
  subscription_with (s, 506, OLGA, 1, at (11, 2, 12, 0), at (11, 20, 0, 0));
  subscription_move (s, 506, -1, "cancelled", at (11, 3, 12, 0));
  subscription_with (s, 507, PAVEL, 2, at (10, 20, 12, 0), at (12, 31, 0, 0));
  subscription_move (s, 507, -1, "use", at (11, 25, 12, 0));
  subscription_move (s, 507, -1, "use", at (11, 28, 12, 0));
  subscription_with (s, 508, PAVEL, 1, at (11, 29, 12, 0), at (12, 31, 0, 0));
  subscription_move (s, 508, -1, "cancelled", at (11, 30, 12, 0));
}

static void
test_prepaid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RgMoneyFigures) m = NULL;
  g_autoptr(RgMoneyFigures) october = NULL;
  g_autoptr(GError) error = NULL;
  RgMoneyQuery query = { { 2026, 10, 1 }, { 2026, 10, 31 }, 0 };

  add_prepaid (f->store);
  m = money_of (f, 0);
  g_assert_cmpint (m->revenue, ==, 3705);
  g_assert_cmpint (m->money_in, ==, 19355);
  g_assert_cmpint (m->prepaid_used, ==, 1000);
  g_assert_cmpint (m->payments, ==, 20355);
  g_assert_cmpint (by_method (m, "deposit"), ==, 300);
  g_assert_cmpint (by_method (m, "points"), ==, 200);
  g_assert_cmpint (by_method (m, "certificate"), ==, 500);
  g_assert_cmpint (m->deposits_sold.count, ==, 1);
  g_assert_cmpint (m->deposits_sold.amount, ==, 5000);
  g_assert_cmpint (m->deposits_withdrawn, ==, 1000);
  g_assert_cmpint (m->certificates_sold.count, ==, 0);
  g_assert_cmpint (m->certificates_sold.amount, ==, 0);
  g_assert_cmpint (m->subscriptions_sold.count, ==, 1);
  g_assert_cmpint (m->subscriptions_sold.amount, ==, 9000);
  /* Products: the two Shampoos of S12 and S13 join V2's net one and S7's. */
  g_assert_cmpint (m->products_quantity, ==, 4);
  g_assert_cmpint (m->subscriptions_ran_out, ==, 3);
  g_assert_cmpint (m->subscriptions_renewed, ==, 2);

  /* October: E ran out, renewed by G. */
  october = rg_money_figures_compute (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (october->subscriptions_ran_out, ==, 1);
  g_assert_cmpint (october->subscriptions_renewed, ==, 1);
  g_assert_cmpint (october->money_in, ==, 0);

  /* The report. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    RgReportOptions opts = { "2026-11-01", "2026-11-30", NULL, NULL, NULL, TRUE };
    g_autofree char *json = rg_report_run (f->store, "money", &opts, &error);
    g_autofree char *text = NULL;
    JsonObject *root, *prepaid, *sold;

    g_assert_no_error (error);
    root = parse_object (parser, json);
    g_assert_cmpint (json_object_get_int_member (root, "money_in"), ==, 19355);
    prepaid = json_object_get_object_member (root, "paid_from_prepaid");
    g_assert_cmpint (json_object_get_int_member (prepaid, "total"), ==, 1000);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (prepaid, "by_method"), "points"),
                     ==, 200);
    g_assert_false (json_object_has_member (json_object_get_object_member (prepaid, "by_method"), "cash"));
    /* payments_by_method keeps every method, as before. */
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "payments_by_method"),
                                                 "deposit"), ==, 300);
    sold = json_object_get_object_member (root, "prepaid_sold");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sold, "deposits"), "amount"), ==,
                     5000);
    g_assert_cmpint (json_object_get_int_member (sold, "deposits_withdrawn"), ==, 1000);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sold, "subscriptions"), "count"), ==,
                     1);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "subscription_renewal_rate"), 66.67, 0.001);
    g_assert_cmpint (json_object_get_int_member (root, "subscriptions_ran_out"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (root, "subscriptions_renewed"), ==, 2);
    g_assert_true (json_object_has_member (json_object_get_object_member (root, "definitions"),
                                           "subscription_renewal_rate"));

    opts.json = FALSE;
    text = rg_report_run (f->store, "money", &opts, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Subscription renewal rate  66.7 % (2 / 3)"));
    g_assert_nonnull (strstr (text, "\nPaid from prepaid\n"));
    g_assert_nonnull (strstr (text, "Deposits given back"));
  }

  /* Without subscriptions that ran out, the rate is null. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    RgReportOptions opts = { "2026-12-01", "2026-12-01", NULL, NULL, NULL, TRUE };
    g_autofree char *json = rg_report_run (f->store, "money", &opts, &error);
    JsonObject *root;

    g_assert_no_error (error);
    root = parse_object (parser, json);
    g_assert_true (json_node_is_null (json_object_get_member (root, "subscription_renewal_rate")));
    g_assert_cmpint (json_object_get_int_member (root, "subscriptions_ran_out"), ==, 0);
  }
}

static void
test_report_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  RgReportOptions opts = { "2026-11-01", "2026-11-30", NULL, NULL, NULL, TRUE };
  g_autofree char *json = rg_report_run (f->store, "money", &opts, &error);
  JsonObject *root, *methods, *kinds, *products, *definitions;
  JsonArray *pay;
  const char *keys[] = { "visits", "revenue", "average_check", "payments_by_method", "refunds",
                         "discounts_by_kind", "products", "pay_by_staff" };

  g_assert_no_error (error);
  root = parse_object (parser, json);
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "2026-11-01");
  g_assert_cmpstr (json_object_get_string_member (root, "to"), ==, "2026-11-30");
  g_assert_cmpstr (json_object_get_string_member (root, "currency"), ==, rg_format_get_currency ());
  g_assert_cmpint (json_object_get_int_member (root, "visits"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (root, "revenue"), ==, 3705);
  g_assert_cmpint (json_object_get_int_member (root, "average_check"), ==, 1235);
  g_assert_cmpint (json_object_get_int_member (root, "refunds"), ==, 2300);
  g_assert_cmpint (json_object_get_int_member (root, "tips"), ==, 200);
  methods = json_object_get_object_member (root, "payments_by_method");
  g_assert_cmpuint (json_object_get_size (methods), ==, 3);
  g_assert_cmpint (json_object_get_int_member (methods, "cash"), ==, 2505);
  g_assert_cmpint (json_object_get_int_member (methods, "card"), ==, 2350);
  g_assert_cmpint (json_object_get_int_member (methods, "transfer"), ==, 1500);
  kinds = json_object_get_object_member (root, "discounts_by_kind");
  g_assert_cmpint (json_object_get_int_member (kinds, "promotion"), ==, 150);
  g_assert_cmpint (json_object_get_int_member (kinds, "card"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (kinds, "one_off"), ==, 100);
  products = json_object_get_object_member (root, "products");
  g_assert_cmpint (json_object_get_int_member (products, "quantity"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (products, "amount"), ==, 950);
  pay = json_object_get_array_member (root, "pay_by_staff");
  g_assert_cmpuint (json_array_get_length (pay), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pay, 0), "name"), ==,
                   "Anna Smirnova");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (pay, 0), "staff_id"), ==, ANNA);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (pay, 1), "pay"), ==, 1150);
  /* Money as whole numbers, not fractions. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (root, "revenue")), ==, G_TYPE_INT64);
  definitions = json_object_get_object_member (root, "definitions");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_true (json_object_has_member (root, keys[i]));
      g_assert_cmpuint (strlen (json_object_get_string_member (definitions, keys[i])), >, 20);
    }
  g_assert_nonnull (strstr (json_object_get_string_member (definitions, "revenue"),
                            "paid amount of done visits"));

  /* --staff by a part of the name. */
  {
    RgReportOptions boris = { "2026-11-01", "2026-11-30", "boris", NULL, NULL, TRUE };
    g_autofree char *one = rg_report_run (f->store, "money", &boris, &error);
    g_autoptr(JsonParser) p2 = json_parser_new ();
    JsonObject *r2;

    g_assert_no_error (error);
    r2 = parse_object (p2, one);
    g_assert_cmpint (json_object_get_int_member (r2, "staff_id"), ==, BORIS);
    g_assert_cmpint (json_object_get_int_member (r2, "revenue"), ==, 1800);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r2, "payments_by_method"),
                                                 "transfer"), ==, 1500);
  }

  /* The payroll's JSON. */
  {
    g_autofree char *payroll = rg_report_run (f->store, "payroll", &opts, &error);
    g_autoptr(JsonParser) p3 = json_parser_new ();
    JsonObject *r3;
    JsonArray *masters, *lines;

    g_assert_no_error (error);
    r3 = parse_object (p3, payroll);
    g_assert_cmpint (json_object_get_int_member (r3, "pay"), ==, 1912);
    masters = json_object_get_array_member (r3, "masters");
    g_assert_cmpuint (json_array_get_length (masters), ==, 2);
    lines = json_object_get_array_member (json_array_get_object_element (masters, 0), "lines");
    g_assert_cmpuint (json_array_get_length (lines), ==, 4);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, 2), "date"), ==,
                     "2026-11-12");
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (lines, 2), "refund"));
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lines, 2), "pay"), ==, -720);
  }
}

static void
test_report_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgReportOptions opts = { "2026-11-01", "2026-11-30", NULL, NULL, NULL, FALSE };
  g_autofree char *text = rg_report_run (f->store, "money", &opts, &error);
  g_autofree char *payroll = NULL;
  g_autofree char *revenue = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "Money, 2026-11-01 to 2026-11-30\n\n"));
  revenue = rg_format_price (3705);
  g_assert_nonnull (strstr (text, revenue));
  g_assert_nonnull (strstr (text, "\nPayments by method\n"));
  g_assert_nonnull (strstr (text, "Bank transfer"));
  g_assert_nonnull (strstr (text, "\nDiscounts given\n"));
  g_assert_nonnull (strstr (text, "\nPay by master\n"));
  /* Each figure's definition. */
  g_assert_nonnull (strstr (text, "\nWhat the figures count\n"));
  g_assert_nonnull (strstr (text, "  Revenue: Revenue is the paid amount of done visits"));
  g_assert_nonnull (strstr (text, "  Tips: "));

  opts.staff = "101";
  payroll = rg_report_run (f->store, "payroll", &opts, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (payroll, "Payroll, 2026-11-01 to 2026-11-30 · Anna Smirnova\n"));
  g_assert_nonnull (strstr (payroll, "Haircut (refund)"));
  g_assert_null (strstr (payroll, "Boris"));
}

static void
test_report_refusals (Fixture       *f,
                      gconstpointer  data)
{
  struct {
    const char *kind;
    RgReportOptions opts;
    int code;
    const char *says;
  } bad[] = {
    { "money", { "2026-13-01", NULL, NULL, NULL, NULL, FALSE }, RG_STORE_ERROR_INVALID,
      "--from takes a date as YYYY-MM-DD" },
    { "payroll", { NULL, "30.11.2026", NULL, NULL, NULL, TRUE }, RG_STORE_ERROR_INVALID,
      "--to takes a date as YYYY-MM-DD" },
    { "money", { "2026-11-30", "2026-11-01", NULL, NULL, NULL, FALSE }, RG_STORE_ERROR_INVALID,
      "--from must be on or before --to" },
    { "payroll", { "2026-11-01", "2026-11-30", "Zed", NULL, NULL, FALSE }, RG_STORE_ERROR_NOT_FOUND,
      "--staff “Zed” is not in this studio. It has: Anna Smirnova, Boris Orlov." },
    { "money", { "2026-11-01", "2026-11-30", "r", NULL, NULL, FALSE }, RG_STORE_ERROR_INVALID,
      "could be any of" },
    { "money", { "2026-11-01", "2026-11-30", NULL, "Haircut", NULL, FALSE }, RG_STORE_ERROR_INVALID,
      "--report money takes --from, --to, --staff and --json." },
    { "payroll", { NULL, NULL, NULL, NULL, "2026-11-30", FALSE }, RG_STORE_ERROR_INVALID,
      "--report payroll takes" },
    { "takings", { 0 }, RG_STORE_ERROR_INVALID, "Reports: satisfaction, retention, money, payroll, liabilities, stock." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = rg_report_run (f->store, bad[i].kind, &bad[i].opts, &error);

      g_assert_null (out);
      g_assert_error (error, RG_STORE_ERROR, bad[i].code);
      if (strstr (error->message, bad[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, bad[i].says);
    }
}

/* `--export payroll FILE`: CSV for Excel (';', a BOM, decimal commas), a row
 * per line and a total per master, noted in the audit log. */
static void
test_export_payroll (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) studio = rg_studio_new (f->store);
  g_autofree char *file = g_build_filename (f->dir, "Payroll.csv", NULL);
  g_autofree char *said = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) rows = NULL;
  RgExportCommand command = { "payroll", file, NULL, "2026-11-01", "2026-11-30", NULL, FALSE };

  said = rg_export_command_run (studio, &command, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (said, "Exported 8 payroll lines to Payroll.csv"));
  g_assert_true (g_file_get_contents (file, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFMaster;Date;Sale number;Client;Service or product;"
                                             "Quantity;List price;Discount;Price;Pay\r\n"));
  rows = g_strsplit (contents, "\r\n", -1);
  /* A header, Anna's 4 lines and total, Boris's 4 and total, the last
   * CRLF's empty tail. */
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + 5 + 5 + 1);
  g_assert_cmpstr (rows[1], ==, "Anna Smirnova;2026-11-03;1;Olga;Manicure;1;10;1;9;3,60");
  g_assert_cmpstr (rows[3], ==, "Anna Smirnova;2026-11-12;8;Olga;Haircut (refund);-1;-20;-2;-18;-7,20");
  g_assert_cmpstr (rows[4], ==, "Anna Smirnova;2026-11-30;5;Olga;Manicure;1;10,05;0;10,05;4,02");
  g_assert_cmpstr (rows[5], ==, "Anna Smirnova;Total;;;;;20,05;1;19,05;7,62");
  g_assert_cmpstr (rows[10], ==, "Boris Orlov;Total;;;;;27;2;25;11,50");
  g_assert_cmpstr (rows[11], ==, "");
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                           " AND what = 'payroll' AND rows = 8", 0), ==, 1);

  /* With commas, one master, by a part of the name. */
  command.format = "csv-comma";
  command.staff = "bor";
  g_clear_pointer (&said, g_free);
  said = rg_export_command_run (studio, &command, &error);
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (file, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "Master,Date,"));
  g_assert_nonnull (strstr (contents, "\r\nBoris Orlov,Total,,,,,27,2,25,11.50\r\n"));
  g_assert_null (strstr (contents, "Anna"));

  /* Refused: not CSV. */
  command.format = "ics";
  g_clear_pointer (&said, g_free);
  said = rg_export_command_run (studio, &command, &error);
  g_assert_null (said);
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The payroll is exported as CSV.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/average", test_average);
#define ADD(path, fn) g_test_add ("/money/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("studio", test_studio);
  ADD ("one-master", test_one_master);
  ADD ("one-day", test_one_day);
  ADD ("payroll", test_payroll);
  ADD ("report/json", test_report_json);
  ADD ("report/text", test_report_text);
  ADD ("report/refusals", test_report_refusals);
  ADD ("export-payroll", test_export_payroll);
  ADD ("prepaid", test_prepaid);
#undef ADD
  return g_test_run ();
}
