/* test-pricing.c — the till's arithmetic, each case computed by hand.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "model/rg-pricing.h"
#include "store/rg-store.h"

static RgPriceLine
service (const char *name,
         gint64      list_price)
{
  return (RgPriceLine) { .name = name, .kind = RG_SALE_LINE_SERVICE, .quantity = 1, .list_price = list_price };
}

static void
test_percent_of (void)
{
  /* Half up in minor units. */
  g_assert_cmpint (rg_pricing_percent_of (150000, 500), ==, 7500);
  g_assert_cmpint (rg_pricing_percent_of (999, 500), ==, 50);     /* 49.95 -> 50 */
  g_assert_cmpint (rg_pricing_percent_of (990, 500), ==, 50);     /* 49.5 -> 50 */
  g_assert_cmpint (rg_pricing_percent_of (989, 500), ==, 49);     /* 49.45 -> 49 */
  g_assert_cmpint (rg_pricing_percent_of (-990, 500), ==, -50);
  g_assert_cmpint (rg_pricing_percent_of (12345, 0), ==, 0);
  g_assert_cmpint (rg_pricing_percent_of (12345, 10000), ==, 12345);
}

/* The card and a promotion do not add up: the larger one applies. */
static void
test_card_or_promotion (void)
{
  RgPriceRules rules = { .card = 700, .cap = 2500 };
  RgPriceLine lines[] = { service ("Manicure", 150000), service ("Colouring", 420000) };
  gint64 total = 0;

  lines[1].promotion = 1500;
  g_assert_true (rg_pricing_compute (&rules, lines, 2, &total, NULL));
  /* 7 % of 1,500.00 = 105.00; 15 % of 4,200.00 = 630.00 (the card's 7 % loses). */
  g_assert_cmpint (lines[0].auto_kind, ==, RG_DISCOUNT_CARD);
  g_assert_cmpint (lines[0].discount_card, ==, 10500);
  g_assert_cmpint (lines[0].price, ==, 139500);
  g_assert_cmpint (lines[1].auto_kind, ==, RG_DISCOUNT_PROMOTION);
  g_assert_cmpint (lines[1].discount_promotion, ==, 63000);
  g_assert_cmpint (lines[1].discount_card, ==, 0);
  g_assert_cmpint (lines[1].price, ==, 357000);
  g_assert_cmpint (total, ==, 139500 + 357000);
}

/* One-offs add to the automatic discount; the cap refuses a line above it
 * and cuts an automatic one down to it. */
static void
test_cap (void)
{
  RgPriceRules rules = { .card = 2000, .cap = 2500 };
  RgPriceLine lines[] = { service ("Pedicure", 200000) };
  GError *error = NULL;
  gint64 total = 0;

  /* 20 % card + 5 % one-off = 25 %: at the cap, allowed. */
  lines[0].one_off = 500;
  g_assert_true (rg_pricing_compute (&rules, lines, 1, &total, NULL));
  g_assert_cmpint (lines[0].discount, ==, 50000);
  g_assert_cmpint (total, ==, 150000);

  /* One coin more is refused, with the line and the cap named. */
  lines[0].one_off_amount = 1;
  g_assert_false (rg_pricing_compute (&rules, lines, 1, &total, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Pedicure"));
  g_assert_nonnull (strstr (error->message, "25"));
  g_clear_error (&error);

  /* A 30 % promotion is cut to the 25 % cap without a word. */
  lines[0].one_off = 0, lines[0].one_off_amount = 0, lines[0].promotion = 3000;
  g_assert_true (rg_pricing_compute (&rules, lines, 1, &total, NULL));
  g_assert_true (lines[0].auto_capped);
  g_assert_cmpint (lines[0].discount_promotion, ==, 50000);

  /* A cap of 22.5 % reads as people write it. */
  rules.cap = 2250;
  lines[0].promotion = 0, lines[0].one_off = 300;
  g_assert_false (rg_pricing_compute (&rules, lines, 1, &total, &error));
  g_assert_nonnull (strstr (error->message, "22.5"));
  g_clear_error (&error);
}

/* A sale's amount spreads in proportion; the coins rounded away go to the
 * first lines; the total is the sum of the lines. */
static void
test_spread (void)
{
  RgPriceRules rules = { .cap = 10000, .sale_one_off_amount = 100 };
  RgPriceLine lines[] = { service ("A", 100), service ("B", 100), service ("C", 100) };
  gint64 total = 0;

  g_assert_true (rg_pricing_compute (&rules, lines, 3, &total, NULL));
  /* 100 / 3 = 33 each, the coin left to the first. */
  g_assert_cmpint (lines[0].discount_one_off, ==, 34);
  g_assert_cmpint (lines[1].discount_one_off, ==, 33);
  g_assert_cmpint (lines[2].discount_one_off, ==, 33);
  g_assert_cmpint (total, ==, 200);

  /* In proportion to what the lines cost after their own discounts:
   * 3,000 and 1,000 share 1,000 as 750 and 250. */
  {
    RgPriceLine two[] = { service ("Colouring", 400000), service ("Cut", 100000) };

    two[0].one_off_amount = 100000;
    rules.sale_one_off_amount = 100000;
    g_assert_true (rg_pricing_compute (&rules, two, 2, &total, NULL));
    g_assert_cmpint (two[0].discount_one_off, ==, 100000 + 75000);
    g_assert_cmpint (two[1].discount_one_off, ==, 25000);
    g_assert_cmpint (total, ==, 500000 - 200000);
  }
}

/* Seed 003's conditioner: cost 300, price 390, 30 % off is 273, a loss of
 * 27 each; and a manicure whose price covers its materials but not its
 * master's 40 %. */
static void
test_margin (void)
{
  RgPriceRules rules = { .cap = 3000, .pay_after_discount = TRUE };
  RgPriceLine lines[] = {
    { .name = "Conditioner", .kind = RG_SALE_LINE_PRODUCT, .quantity = 2, .list_price = 39000, .unit_cost = 30000,
      .promotion = 3000 },
    { .name = "Manicure", .kind = RG_SALE_LINE_SERVICE, .quantity = 1, .list_price = 50000, .unit_cost = 5000,
      .one_off = 2000, .pay_rate = 4000 },
  };
  gint64 total = 0;

  g_assert_true (rg_pricing_compute (&rules, lines, 2, &total, NULL));
  g_assert_cmpint (lines[0].price, ==, 2 * 27300);
  g_assert_cmpint (lines[0].cost, ==, 2 * 30000);
  g_assert_cmpint (lines[0].cost - lines[0].price, ==, 2 * 2700);
  g_assert_cmpint (lines[0].margin, ==, RG_MARGIN_BELOW_COST);
  /* 500 - 20 % = 400; pay after the discount 40 % = 160; 50 + 160 > 400? no. */
  g_assert_cmpint (lines[1].price, ==, 40000);
  g_assert_cmpint (lines[1].pay, ==, 16000);
  g_assert_cmpint (lines[1].margin, ==, RG_MARGIN_OK);

  /* A master on 95 %: materials 50 and pay 380 are more than 400. */
  lines[1].pay_rate = 9500;
  g_assert_true (rg_pricing_compute (&rules, lines, 2, &total, NULL));
  g_assert_cmpint (lines[1].pay, ==, 38000);
  g_assert_cmpint (lines[1].margin, ==, RG_MARGIN_BELOW_COST_AND_PAY);
}

/* Who pays for a discount: the master's pay from the price before it, or
 * after it (seed 003: 40 % of a 500 manicure, 400 after the discount). */
static void
test_pay_before_after (void)
{
  RgPriceRules rules = { .cap = 2500 };
  RgPriceLine line = service ("Manicure", 50000);
  gint64 total = 0;

  line.one_off_amount = 10000;
  line.pay_rate = 4000;
  line.pay_fixed = 5000;

  rules.pay_after_discount = TRUE;
  g_assert_true (rg_pricing_compute (&rules, &line, 1, &total, NULL));
  g_assert_cmpint (line.pay, ==, 16000 + 5000);

  rules.pay_after_discount = FALSE;
  g_assert_true (rg_pricing_compute (&rules, &line, 1, &total, NULL));
  g_assert_cmpint (line.pay, ==, 20000 + 5000);
  g_assert_cmpint (total, ==, 40000);
}

/* Tips: no discount, whole to the master, in the total. */
static void
test_tip (void)
{
  RgPriceRules rules = { .card = 1000, .cap = 2500, .sale_one_off = 500 };
  RgPriceLine lines[] = {
    service ("Haircut", 200000),
    { .name = "Tip", .kind = RG_SALE_LINE_TIP, .quantity = 1, .list_price = 30000 },
  };
  GError *error = NULL;
  gint64 total = 0;

  g_assert_true (rg_pricing_compute (&rules, lines, 2, &total, NULL));
  g_assert_cmpint (lines[0].discount, ==, 30000);   /* 10 % card + 5 % sale */
  g_assert_cmpint (lines[1].discount, ==, 0);
  g_assert_cmpint (lines[1].pay, ==, 30000);
  g_assert_cmpint (total, ==, 170000 + 30000);

  lines[1].one_off = 1000;
  g_assert_false (rg_pricing_compute (&rules, lines, 2, &total, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_bad_input (void)
{
  RgPriceRules rules = { .cap = 2500 };
  RgPriceLine line = service ("Manicure", -1);
  GError *error = NULL;
  gint64 total = 0;

  g_assert_false (rg_pricing_compute (&rules, &line, 1, &total, &error));
  g_assert_nonnull (strstr (error->message, "Manicure"));
  g_clear_error (&error);

  line.list_price = 100, line.quantity = 0;
  g_assert_false (rg_pricing_compute (&rules, &line, 1, &total, &error));
  g_clear_error (&error);

  line.quantity = 1;
  rules.sale_one_off_amount = 101;
  g_assert_false (rg_pricing_compute (&rules, &line, 1, &total, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pricing/percent-of", test_percent_of);
  g_test_add_func ("/pricing/card-or-promotion", test_card_or_promotion);
  g_test_add_func ("/pricing/cap", test_cap);
  g_test_add_func ("/pricing/spread", test_spread);
  g_test_add_func ("/pricing/margin", test_margin);
  g_test_add_func ("/pricing/pay-before-after", test_pay_before_after);
  g_test_add_func ("/pricing/tip", test_tip);
  g_test_add_func ("/pricing/bad-input", test_bad_input);

  return g_test_run ();
}
