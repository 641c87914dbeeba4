/* test-money-settings.c — the studio's money settings through the model:
 * products, promotions with their items, the card's tiers, the masters'
 * rates; each refusal writes nothing; the till reads what they wrote.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "model/rg-money-settings.h"
#include "model/rg-product.h"
#include "model/rg-promotion.h"
#include "model/rg-record-list.h"
#include "model/rg-sale.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-staff-schedule.h"
#include "model/rg-studio-settings.h"
#include "util/rg-money.h"
#include "test-util.h"

typedef struct {
  char     *dir;
  RgStudio *studio;
  RgStore  *store;
} Fixture;

static gint64
count (Fixture    *f,
       const char *sql,
       gint64      arg)
{
  return test_sql_int (f->store, sql, arg);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("regulars-money-settings-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  f->store = rg_studio_get_store (f->studio);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_percent_parse (void)
{
  static const struct { const char *text; int bp; } good[] = {
    { "7", 700 }, { "7.5", 750 }, { "7,5", 750 }, { "7.25", 725 }, { " 12 % ", 1200 }, { "0", 0 },
    { "100", 10000 }, { "100.00", 10000 }, { "0.01", 1 }, { "25%", 2500 }, { "007", 700 },
  };
  static const char * const bad[] = {
    "", "abc", "-5", "100.01", "101", "7.125", "7.", ".5", "7..5", "1e2", "7 5", "%", "1000", "7.5.1", "+7",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int bp = -1;

      g_assert_true (rg_percent_parse (good[i].text, &bp, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bp, ==, good[i].bp);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int bp = -1;

      g_assert_false (rg_percent_parse (bad[i], &bp, &error));
      g_assert_error (error, RG_MONEY_ERROR, RG_MONEY_ERROR_INVALID);
      g_assert_cmpint (bp, ==, -1);
    }
}

/* The materials cost and the pay rates read and write as their columns;
 * out of range is refused with a message and nothing written. */
static void
test_service_and_staff (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RgService) service = rg_service_new ("Manicure", 60, 150000);
  g_autoptr(RgStaff) staff = rg_staff_new ("Marina", RG_STAFF_ROLE_MASTER);
  g_autoptr(GError) error = NULL;

  rg_service_set_materials_cost (service, 10000);
  g_assert_true (rg_studio_save (f->studio, service, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT materials_cost FROM services WHERE id = ?1",
                          rg_record_get_id (RG_RECORD (service))), ==, 10000);

  rg_service_set_materials_cost (service, -1);
  g_assert_false (rg_studio_save (f->studio, service, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT materials_cost FROM services WHERE id = ?1",
                          rg_record_get_id (RG_RECORD (service))), ==, 10000);

  rg_staff_set_pay_rate (staff, 4000);
  rg_staff_set_pay_per_visit (staff, 10000);
  g_assert_true (rg_studio_save (f->studio, staff, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT pay_rate FROM staff WHERE id = ?1", rg_record_get_id (RG_RECORD (staff))), ==, 4000);
  g_assert_cmpint (count (f, "SELECT pay_per_visit FROM staff WHERE id = ?1", rg_record_get_id (RG_RECORD (staff))), ==,
                   10000);

  rg_staff_set_pay_rate (staff, 10001);
  g_assert_false (rg_studio_save (f->studio, staff, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  rg_staff_set_pay_rate (staff, 4000);
  rg_staff_set_pay_per_visit (staff, -100);
  g_assert_false (rg_studio_save (f->studio, staff, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT pay_per_visit FROM staff WHERE id = ?1", rg_record_get_id (RG_RECORD (staff))), ==,
                   10000);
}

static void
test_products (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RgRecordList) list = rg_record_list_new_products (f->studio, FALSE);
  g_autoptr(RgProduct) product = rg_product_new ("  Conditioner ", 39000);
  g_autoptr(RgProduct) nameless = rg_product_new ("  ", 100);
  g_autoptr(GError) error = NULL;
  gint64 id;

  rg_product_set_cost (product, 30000);
  rg_product_set_commission (product, 1000);
  g_assert_true (rg_studio_save (f->studio, product, &error));
  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (product));
  g_assert_cmpint (count (f, "SELECT price FROM products WHERE id = ?1", id), ==, 39000);
  g_assert_cmpint (count (f, "SELECT cost FROM products WHERE id = ?1", id), ==, 30000);
  g_assert_cmpint (count (f, "SELECT commission FROM products WHERE id = ?1", id), ==, 1000);
  g_assert_cmpstr (rg_product_get_name (product), ==, "Conditioner");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_assert_false (rg_studio_save (f->studio, nameless, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);

  rg_product_set_price (product, -1);
  g_assert_false (rg_studio_save (f->studio, product, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  rg_studio_reload (f->studio, product, NULL);
  rg_product_set_cost (product, -5);
  g_assert_false (rg_studio_save (f->studio, product, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  rg_studio_reload (f->studio, product, NULL);
  rg_product_set_commission (product, 10001);
  g_assert_false (rg_studio_save (f->studio, product, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  rg_studio_reload (f->studio, product, NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM products", 0), ==, 1);
  g_assert_cmpint (count (f, "SELECT price + cost + commission FROM products WHERE id = ?1", id), ==,
                   39000 + 30000 + 1000);

  /* Archived: out of the list of what is offered. */
  rg_product_set_archived (product, TRUE);
  g_assert_true (rg_studio_save (f->studio, product, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
test_promotions (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RgService) manicure = rg_service_new ("Manicure", 60, 150000);
  g_autoptr(RgService) pedicure = rg_service_new ("Pedicure", 60, 200000);
  g_autoptr(RgProduct) conditioner = rg_product_new ("Conditioner", 39000);
  g_autoptr(RgPromotion) promotion = rg_promotion_new ("Spring", "2026-3-1", "2026-03-31", 1500);
  g_autoptr(RgPromotion) backwards = rg_promotion_new ("Back", "2026-03-31", "2026-03-01", 1500);
  g_autoptr(RgRecordList) list = rg_record_list_new_promotions (f->studio, FALSE);
  g_autoptr(GArray) services = NULL;
  g_autoptr(GArray) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gint64 ids[2], product_ids[1], missing[1] = { 12345 };
  gint64 id;

  g_assert_true (rg_studio_save (f->studio, manicure, NULL));
  g_assert_true (rg_studio_save (f->studio, pedicure, NULL));
  g_assert_true (rg_studio_save (f->studio, conditioner, NULL));
  ids[0] = rg_record_get_id (RG_RECORD (manicure));
  ids[1] = rg_record_get_id (RG_RECORD (pedicure));
  product_ids[0] = rg_record_get_id (RG_RECORD (conditioner));

  g_assert_true (rg_studio_save_promotion (f->studio, promotion, ids, 1, product_ids, 1, &error));
  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (promotion));
  g_assert_cmpstr (rg_promotion_get_starts_on (promotion), ==, "2026-03-01");
  g_assert_cmpint (count (f, "SELECT count(*) FROM promotion_items WHERE promotion_id = ?1", id), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* Items replaced as a whole. */
  g_assert_true (rg_studio_save_promotion (f->studio, promotion, ids, 2, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_list_promotion_items (f->studio, id, &services, &products, &error));
  g_assert_cmpuint (services->len, ==, 2);
  g_assert_cmpuint (products->len, ==, 0);

  /* A missing item refuses the whole: the name stays, the items too. */
  rg_promotion_set_name (promotion, "Spring sale");
  g_assert_false (rg_studio_save_promotion (f->studio, promotion, missing, 1, NULL, 0, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (rg_promotion_get_name (promotion), ==, "Spring");
  g_assert_cmpint (count (f, "SELECT count(*) FROM promotion_items WHERE promotion_id = ?1", id), ==, 2);

  /* All services: the chosen ones are not kept. */
  rg_promotion_set_all_services (promotion, TRUE);
  g_assert_true (rg_studio_save_promotion (f->studio, promotion, ids, 2, product_ids, 1, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM promotion_items WHERE promotion_id = ?1 AND service_id IS NOT NULL",
                          id), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM promotion_items WHERE promotion_id = ?1 AND product_id IS NOT NULL",
                          id), ==, 1);

  /* Refusals write nothing. */
  g_assert_false (rg_studio_save_promotion (f->studio, backwards, NULL, 0, NULL, 0, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rg_record_get_id (RG_RECORD (backwards)), ==, 0);
  rg_promotion_set_ends_on (backwards, "2026-04-31");
  g_assert_false (rg_studio_save_promotion (f->studio, backwards, NULL, 0, NULL, 0, &error));
  g_clear_error (&error);
  rg_promotion_set_ends_on (backwards, "2026-04-30");
  rg_promotion_set_percent (backwards, 0);
  g_assert_false (rg_studio_save_promotion (f->studio, backwards, NULL, 0, NULL, 0, &error));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM promotions", 0), ==, 1);

  /* Above the cap: saved, and said. */
  rg_promotion_set_percent (backwards, 3000);
  g_assert_true (rg_studio_save_promotion (f->studio, backwards, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);
  note = rg_studio_describe_cap (f->studio, 3000);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "25"));
  g_assert_null (rg_studio_describe_cap (f->studio, 2500));
}

static void
test_card_tiers (Fixture       *f,
                 gconstpointer  data)
{
  RgCardTier tiers[] = {
    { (char *) "Gold", 6000000, 1000 }, { (char *) " Bronze ", 1000000, 500 }, { (char *) "Silver", 3000000, 750 },
  };
  RgCardTier same[] = { { (char *) "A", 100, 100 }, { (char *) "B", 100, 200 } };
  RgCardTier nameless[] = { { (char *) "A", 100, 100 }, { (char *) " ", 200, 200 } };
  RgCardTier negative[] = { { (char *) "A", -1, 100 } };
  RgCardTier too_much[] = { { (char *) "A", 0, 10001 } };
  g_autoptr(GArray) read = NULL;
  g_autoptr(GError) error = NULL;

  /* The defaults of format 15. */
  read = rg_studio_list_card_tiers (f->studio, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 4);
  g_assert_cmpstr (g_array_index (read, RgCardTier, 0).name, ==, "Bronze");
  g_assert_cmpstr (g_array_index (read, RgCardTier, 3).name, ==, "Platinum");
  g_clear_pointer (&read, g_array_unref);

  g_assert_true (rg_studio_set_card_tiers (f->studio, tiers, G_N_ELEMENTS (tiers), &error));
  g_assert_no_error (error);
  read = rg_studio_list_card_tiers (f->studio, &error);
  g_assert_cmpuint (read->len, ==, 3);
  g_assert_cmpstr (g_array_index (read, RgCardTier, 0).name, ==, "Bronze");
  g_assert_cmpint (g_array_index (read, RgCardTier, 1).percent, ==, 750);
  g_assert_cmpint (g_array_index (read, RgCardTier, 2).threshold, ==, 6000000);
  g_clear_pointer (&read, g_array_unref);

  /* Each refusal leaves the three. */
  g_assert_false (rg_studio_set_card_tiers (f->studio, same, 2, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_studio_set_card_tiers (f->studio, nameless, 2, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_studio_set_card_tiers (f->studio, negative, 1, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_studio_set_card_tiers (f->studio, too_much, 1, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM card_tiers", 0), ==, 3);
  g_assert_cmpint (count (f, "SELECT sum(percent) FROM card_tiers", 0), ==, 500 + 750 + 1000);

  /* None: no card discount. */
  g_assert_true (rg_studio_set_card_tiers (f->studio, NULL, 0, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM card_tiers", 0), ==, 0);
}

static void
test_staff_rates (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RgService) manicure = rg_service_new ("Manicure", 60, 150000);
  g_autoptr(RgService) colouring = rg_service_new ("Colouring", 120, 420000);
  g_autoptr(RgStaff) marina = rg_staff_new ("Marina", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgStaff) olga = rg_staff_new ("Olga", RG_STAFF_ROLE_MASTER);
  g_autoptr(GArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  gint64 m, c, s;

  g_assert_true (rg_studio_save (f->studio, manicure, NULL));
  g_assert_true (rg_studio_save (f->studio, colouring, NULL));
  g_assert_true (rg_studio_save (f->studio, marina, NULL));
  m = rg_record_get_id (RG_RECORD (manicure));
  c = rg_record_get_id (RG_RECORD (colouring));
  s = rg_record_get_id (RG_RECORD (marina));

  g_assert_true (rg_studio_set_staff_rate (f->studio, s, c, 3000, &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_set_staff_rate (f->studio, s, c, 3500, &error));
  g_assert_true (rg_studio_set_staff_rate (f->studio, s, m, 4500, &error));
  rates = rg_studio_list_staff_rates (f->studio, s, &error);
  g_assert_cmpuint (rates->len, ==, 2);
  g_assert_cmpint (count (f, "SELECT pay_rate FROM staff_service_rates WHERE service_id = ?1", c), ==, 3500);
  g_clear_pointer (&rates, g_array_unref);

  g_assert_false (rg_studio_set_staff_rate (f->studio, s, m, 10001, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_studio_set_staff_rate (f->studio, s, 999, 100, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT pay_rate FROM staff_service_rates WHERE service_id = ?1", m), ==, 4500);

  g_assert_true (rg_studio_clear_staff_rate (f->studio, s, m, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM staff_service_rates WHERE staff_id = ?1", s), ==, 1);

  /* With the person, in one transaction: a refused rate keeps the name. */
  {
    RgStaffSchedule schedule = { { NULL } };
    g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (RgServiceRate));
    RgServiceRate r1 = { m, 2000 }, r2 = { c, 20000 };

    g_array_append_val (list, r1);
    g_array_append_val (list, r2);
    schedule.rates = list;
    rg_staff_set_display_name (marina, "Marina K.");
    g_assert_false (rg_staff_save_with_schedule (f->studio, marina, &schedule, &error));
    g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
    g_clear_error (&error);
    rg_studio_reload (f->studio, marina, NULL);
    g_assert_cmpstr (rg_staff_get_display_name (marina), ==, "Marina");
    g_assert_cmpint (count (f, "SELECT pay_rate FROM staff_service_rates WHERE service_id = ?1", c), ==, 3500);

    /* Accepted: the list replaces theirs. */
    g_array_index (list, RgServiceRate, 1).pay_rate = 2500;
    g_array_remove_index (list, 1);
    schedule.rates = list;
    g_assert_true (rg_staff_save_with_schedule (f->studio, marina, &schedule, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM staff_service_rates WHERE staff_id = ?1", s), ==, 1);
    g_assert_cmpint (count (f, "SELECT pay_rate FROM staff_service_rates WHERE service_id = ?1", m), ==, 2000);

    /* A new person saved with their rates. */
    schedule.rates = list;
    g_assert_true (rg_staff_save_with_schedule (f->studio, olga, &schedule, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM staff_service_rates WHERE staff_id = ?1",
                            rg_record_get_id (RG_RECORD (olga))), ==, 1);
  }
}

/* What the commands write is what the till reads: a tier, a promotion, a
 * product's cost and a master's rate in one quote. */
static void
test_till_reads (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RgService) manicure = rg_service_new ("Manicure", 60, 150000);
  g_autoptr(RgStaff) marina = rg_staff_new ("Marina", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgProduct) conditioner = rg_product_new ("Conditioner", 39000);
  g_autoptr(RgPromotion) promotion = NULL;
  g_autoptr(RgSaleDraft) draft = NULL;
  g_autoptr(RgSaleQuote) quote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rg_date_to_iso (rg_date_today ());
  RgCardTier tiers[] = { { (char *) "Everyone", 0, 700 } };
  gint64 product_id;

  rg_service_set_materials_cost (manicure, 10000);
  rg_staff_set_pay_rate (marina, 4000);
  rg_product_set_cost (conditioner, 30000);
  g_assert_true (rg_studio_save (f->studio, manicure, NULL));
  g_assert_true (rg_studio_save (f->studio, marina, NULL));
  g_assert_true (rg_studio_save (f->studio, conditioner, NULL));
  g_assert_true (rg_studio_set_staff_rate (f->studio, rg_record_get_id (RG_RECORD (marina)),
                                           rg_record_get_id (RG_RECORD (manicure)), 3000, NULL));
  g_assert_true (rg_studio_set_card_tiers (f->studio, tiers, 1, NULL));
  product_id = rg_record_get_id (RG_RECORD (conditioner));
  promotion = rg_promotion_new ("Conditioner week", today, today, 3000);
  g_assert_true (rg_studio_save_promotion (f->studio, promotion, NULL, 0, &product_id, 1, NULL));

  {
    g_autoptr(RgClient) anna = test_add_client (f->studio, "Anna", "+7 912 555-00-00");

    draft = rg_sale_draft_new (rg_record_get_id (RG_RECORD (anna)), 0);
  }
  rg_sale_draft_add_line (draft, RG_SALE_LINE_SERVICE, rg_record_get_id (RG_RECORD (manicure)),
                          rg_record_get_id (RG_RECORD (marina)), 1, -1);
  rg_sale_draft_add_line (draft, RG_SALE_LINE_PRODUCT, product_id, 0, 1, -1);
  quote = rg_studio_quote_sale (f->studio, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (quote);
  g_assert_cmpint (quote->card, ==, 700);
  /* Manicure: 7 % of 1,500.00 = 105.00; pay 30 % of 1,395.00 = 418.50. */
  g_assert_cmpint (quote->lines[0].discount_card, ==, 10500);
  g_assert_cmpint (quote->lines[0].cost, ==, 10000);
  g_assert_cmpint (quote->lines[0].pay, ==, 41850);
  /* Conditioner: 30 % promotion cut to the 25 % cap: 97.50 off 390.00;
   * 292.50 is below its cost of 300.00. */
  g_assert_cmpint (quote->lines[1].discount_promotion, ==, 9750);
  g_assert_true (quote->lines[1].auto_capped);
  g_assert_cmpint (quote->lines[1].margin, ==, RG_MARGIN_BELOW_COST);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money-settings/percent-parse", test_percent_parse);
  g_test_add ("/money-settings/service-and-staff", Fixture, NULL, fixture_set_up, test_service_and_staff,
              fixture_tear_down);
  g_test_add ("/money-settings/products", Fixture, NULL, fixture_set_up, test_products, fixture_tear_down);
  g_test_add ("/money-settings/promotions", Fixture, NULL, fixture_set_up, test_promotions, fixture_tear_down);
  g_test_add ("/money-settings/card-tiers", Fixture, NULL, fixture_set_up, test_card_tiers, fixture_tear_down);
  g_test_add ("/money-settings/staff-rates", Fixture, NULL, fixture_set_up, test_staff_rates, fixture_tear_down);
  g_test_add ("/money-settings/till-reads", Fixture, NULL, fixture_set_up, test_till_reads, fixture_tear_down);

  return g_test_run ();
}
