/* rg-pricing.c — the till's arithmetic, in whole minor units.
 *
 * The rule, as the check-out dialog and the README state it:
 *  1. A line takes the larger of the promotion that covers it and the
 *     client's card tier, not both.
 *  2. One-off discounts come on top of that: the line's own (a percentage
 *     of the line, or an amount), then the sale's (a percentage of every
 *     line, or an amount spread over the lines in proportion to what they
 *     cost after the discounts before it).
 *  3. No line's discounts together exceed the studio's cap (25 % by
 *     default) of its list price: a promotion or a tier above the cap is
 *     cut to it; a one-off that would take a line above it is refused.
 *  4. Rounding: each percentage is taken per line and rounded half up to
 *     a minor unit; an amount spread over lines gives each its share
 *     rounded down and the units left over to the first lines; the total
 *     is the sum of the lines. No floating point anywhere.
 *  5. Tips take no discount and go whole to their master.
 *
 * Pay: the master's rate times the line's price after the discount (or
 * before it, as the studio sets), rounded half up, plus the master's fixed
 * amount per visit where the caller puts it; a product's commission the
 * same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-format.h"
#include "rg-pricing.h"
#include "store/rg-store.h"

/* @amount's @basis_points ten-thousandths, rounded half up (for amounts of
 * either sign, half away from zero). */
gint64
rg_pricing_percent_of (gint64 amount,
                       int    basis_points)
{
  gint64 product;

  g_return_val_if_fail (basis_points >= 0 && basis_points <= 10000, 0);
  g_return_val_if_fail (amount > -RG_PRICING_MAX_PRICE * RG_PRICING_MAX_QUANTITY * 10 &&
                        amount < RG_PRICING_MAX_PRICE * RG_PRICING_MAX_QUANTITY * 10, 0);

  product = amount * basis_points;
  if (product >= 0)
    return (product + 5000) / 10000;
  return -((-product + 5000) / 10000);
}

/* "25", "7.5", "12.25": basis points as a person writes the percentage. */
char *
rg_pricing_format_percent (int basis_points)
{
  if (basis_points % 100 == 0)
    return g_strdup_printf ("%d", basis_points / 100);
  if (basis_points % 10 == 0)
    return g_strdup_printf ("%d%s%d", basis_points / 100, C_("money", "."), basis_points % 100 / 10);
  return g_strdup_printf ("%d%s%02d", basis_points / 100, C_("money", "."), basis_points % 100);
}

/* "Silver card, 7 %": a card tier as the till and the client card show it. */
char *
rg_pricing_describe_tier (const char *tier,
                          int         basis_points)
{
  g_autofree char *percent = rg_pricing_format_percent (basis_points);

  /* Translators: the client's card tier and its discount, e.g. "Silver card, 7 %" */
  return g_strdup_printf (_("%s card, %s %%"), tier, percent);
}

const char *
rg_pricing_rule_text (void)
{
  return _("A line takes the larger of its promotion and the client’s card discount, not both. "
           "One-off discounts come on top: the line’s own, then the sale’s. "
           "No line’s discounts together go above the studio’s cap. "
           "Each percentage is rounded half up per line to the smallest coin; "
           "the total is the sum of the lines. Tips take no discount.");
}

static gboolean
check_line (const RgPriceLine  *line,
            guint               index,
            GError            **error)
{
  const char *name = line->name ? line->name : "";

  if (line->quantity < 1 || line->quantity > RG_PRICING_MAX_QUANTITY)
    {
      /* Translators: the line's item, e.g. "The quantity of “Shampoo” must be from 1 to 1000." */
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("The quantity of “%s” must be from 1 to %d."), name, RG_PRICING_MAX_QUANTITY);
      return FALSE;
    }
  if (line->list_price < 0 || line->list_price > RG_PRICING_MAX_PRICE ||
      line->unit_cost < 0 || line->unit_cost > RG_PRICING_MAX_PRICE)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("The price of “%s” must be a sum from 0 to 100,000,000."), name);
      return FALSE;
    }
  if (line->promotion < 0 || line->promotion > 10000 || line->one_off < 0 || line->one_off > 10000 ||
      line->pay_rate < 0 || line->pay_rate > 10000)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A percentage on “%s” must be from 0 to 100."), name);
      return FALSE;
    }
  if (line->one_off_amount < 0 || line->pay_fixed < 0 || line->pay_fixed > RG_PRICING_MAX_PRICE)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A discount or a pay on “%s” cannot be negative."), name);
      return FALSE;
    }
  if (RG_SALE_LINE_IS_UNDISCOUNTED (line->kind) && (line->one_off || line->one_off_amount))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   line->kind == RG_SALE_LINE_TIP ? _("A tip takes no discount.")
                   : _("A deposit, a subscription or a gift certificate takes no discount."));
      return FALSE;
    }
  (void) index;
  return TRUE;
}

/* @amount * @part / @whole, rounded down; @part <= @whole. */
static gint64
share_of (gint64 amount,
          gint64 part,
          gint64 whole)
{
#ifndef __SIZEOF_INT128__
#error "The till's arithmetic needs a compiler with 128-bit integers"
#endif
  return (gint64) ((__int128) amount * part / whole);
}

gboolean
rg_pricing_compute (const RgPriceRules *rules,
                    RgPriceLine        *lines,
                    guint               n_lines,
                    gint64             *total,
                    GError            **error)
{
  gint64 sum = 0, base_sum = 0, spread = 0;
  int cap;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);

  cap = rules->cap;
  if (cap < 0 || cap > 10000 || rules->card < 0 || rules->card > 10000 ||
      rules->sale_one_off < 0 || rules->sale_one_off > 10000 || rules->sale_one_off_amount < 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A discount must be from 0 to 100 percent, or a sum that is not negative."));
      return FALSE;
    }

  /* Gross, the automatic discount, the line's own one-off and the sale's
   * percentage. */
  for (guint i = 0; i < n_lines; i++)
    {
      RgPriceLine *line = &lines[i];
      int automatic;

      if (!check_line (line, i, error))
        return FALSE;
      line->gross = line->list_price * line->quantity;
      line->auto_kind = RG_DISCOUNT_NONE;
      line->auto_capped = FALSE;
      line->discount_promotion = line->discount_card = line->discount_one_off = 0;
      line->cost = RG_SALE_LINE_IS_UNDISCOUNTED (line->kind) ? 0 : line->unit_cost * line->quantity;
      line->margin = RG_MARGIN_OK;
      if (RG_SALE_LINE_IS_UNDISCOUNTED (line->kind))
        continue;

      if (line->promotion > 0 && line->promotion >= rules->card)
        line->auto_kind = RG_DISCOUNT_PROMOTION, automatic = line->promotion;
      else if (rules->card > 0)
        line->auto_kind = RG_DISCOUNT_CARD, automatic = rules->card;
      else
        automatic = 0;
      if (automatic > cap)
        line->auto_capped = TRUE, automatic = cap;
      if (line->auto_kind == RG_DISCOUNT_PROMOTION)
        line->discount_promotion = rg_pricing_percent_of (line->gross, automatic);
      else if (line->auto_kind == RG_DISCOUNT_CARD)
        line->discount_card = rg_pricing_percent_of (line->gross, automatic);

      line->discount_one_off = rg_pricing_percent_of (line->gross, line->one_off) + line->one_off_amount +
                               rg_pricing_percent_of (line->gross, rules->sale_one_off);
      base_sum += MAX (line->gross - line->discount_promotion - line->discount_card - line->discount_one_off, 0);
    }

  /* The sale's amount, spread in proportion to what the lines cost now. */
  if (rules->sale_one_off_amount > 0)
    {
      if (rules->sale_one_off_amount > base_sum)
        {
          g_autofree char *amount = rg_format_price (rules->sale_one_off_amount);
          g_autofree char *due = rg_format_price (base_sum);

          /* Translators: "A discount of 5,000 ₽ is more than the sale’s 3,000 ₽." */
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       _("A discount of %s is more than the sale’s %s."), amount, due);
          return FALSE;
        }
      for (guint i = 0; i < n_lines; i++)
        {
          RgPriceLine *line = &lines[i];
          gint64 base;

          if (RG_SALE_LINE_IS_UNDISCOUNTED (line->kind))
            continue;
          base = MAX (line->gross - line->discount_promotion - line->discount_card - line->discount_one_off, 0);
          if (base == 0)
            continue;
          line->discount_one_off += share_of (rules->sale_one_off_amount, base, base_sum);
          spread += share_of (rules->sale_one_off_amount, base, base_sum);
        }
      /* The units the shares rounded away (fewer than the lines that
       * took a share), one each to the first lines that have room. */
      for (guint i = 0; spread < rules->sale_one_off_amount && i < n_lines; i++)
        {
          RgPriceLine *line = &lines[i];

          if (RG_SALE_LINE_IS_UNDISCOUNTED (line->kind) ||
              line->gross - line->discount_promotion - line->discount_card - line->discount_one_off <= 0)
            continue;
          line->discount_one_off++;
          spread++;
        }
    }

  /* The cap, the price, the pay and the margin. */
  for (guint i = 0; i < n_lines; i++)
    {
      RgPriceLine *line = &lines[i];
      gint64 limit, base;

      if (RG_SALE_LINE_IS_UNDISCOUNTED (line->kind))
        {
          /* A tip goes whole to its master; an instrument sold pays nobody. */
          line->discount = 0;
          line->price = line->gross;
          line->pay = line->kind == RG_SALE_LINE_TIP ? line->gross : 0;
          sum += line->price;
          continue;
        }

      line->discount = line->discount_promotion + line->discount_card + line->discount_one_off;
      limit = rg_pricing_percent_of (line->gross, cap);
      if (line->discount > limit)
        {
          g_autofree char *percent = rg_pricing_format_percent (cap);

          if (line->discount > line->gross)
            /* Translators: the line's item */
            g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                         _("The discounts on “%s” come to more than its price."), line->name ? line->name : "");
          else
            /* Translators: the line's item and the studio's cap, e.g. "… on “Manicure” go above the studio’s cap of 25 %." */
            g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                         _("The discounts on “%s” go above the studio’s cap of %s %%."),
                         line->name ? line->name : "", percent);
          return FALSE;
        }
      line->price = line->gross - line->discount;

      base = rules->pay_after_discount ? line->price : line->gross;
      line->pay = rg_pricing_percent_of (base, line->pay_rate) + line->pay_fixed;

      if (line->price < line->cost)
        line->margin = RG_MARGIN_BELOW_COST;
      else if (line->pay > 0 && line->price < line->cost + line->pay)
        line->margin = RG_MARGIN_BELOW_COST_AND_PAY;
      sum += line->price;
    }

  if (total)
    *total = sum;
  return TRUE;
}
