/* rg-pricing.h — the till's arithmetic: a sale's lines with their discounts,
 * the cap, what each line costs and what its master earns. GLib only, no
 * database: the check-out command fills the inputs from the studio.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Percentages are basis points: 2500 is 25 %. Money is minor units. */
#define RG_PRICING_DEFAULT_CAP   2500
#define RG_PRICING_MAX_PRICE     G_GINT64_CONSTANT (10000000000)  /* per unit: 100,000,000.00 */
#define RG_PRICING_MAX_QUANTITY  1000

typedef enum {
  RG_SALE_LINE_SERVICE,
  RG_SALE_LINE_PRODUCT,
  RG_SALE_LINE_TIP,
  /* Prepaid instruments sold (rg-prepaid.h): no discount, no pay, no cost. */
  RG_SALE_LINE_DEPOSIT,
  RG_SALE_LINE_SUBSCRIPTION,
  RG_SALE_LINE_CERTIFICATE,
} RgSaleLineKind;

/* Whether a line sells a prepaid instrument. */
#define RG_SALE_LINE_IS_PREPAID(kind) \
  ((kind) == RG_SALE_LINE_DEPOSIT || (kind) == RG_SALE_LINE_SUBSCRIPTION || (kind) == RG_SALE_LINE_CERTIFICATE)
/* Whether a line takes no discount: a tip, an instrument sold. */
#define RG_SALE_LINE_IS_UNDISCOUNTED(kind) ((kind) == RG_SALE_LINE_TIP || RG_SALE_LINE_IS_PREPAID (kind))

typedef enum {
  RG_MARGIN_OK,
  RG_MARGIN_BELOW_COST,          /* the line's price is below what it costs the studio */
  RG_MARGIN_BELOW_COST_AND_PAY,  /* it covers the cost, not the cost and its master's pay */
} RgMargin;

typedef enum {
  RG_DISCOUNT_NONE,
  RG_DISCOUNT_PROMOTION,
  RG_DISCOUNT_CARD,
} RgAutoDiscount;

typedef struct {
  /* In */
  const char     *name;            /* for messages */
  RgSaleLineKind  kind;
  gint64          quantity;        /* 1 .. RG_PRICING_MAX_QUANTITY */
  gint64          list_price;      /* per unit */
  gint64          unit_cost;       /* materials (service) or purchase (product), per unit */
  int             promotion;       /* the best promotion covering the item today, or 0 */
  int             one_off;         /* this line's one-off percentage, or 0 */
  gint64          one_off_amount;  /* this line's one-off amount, or 0 */
  int             pay_rate;        /* the master's rate for it (a product's commission) */
  gint64          pay_fixed;       /* added to its pay: the master's fixed amount per visit */

  /* Out */
  gint64          gross;           /* list_price * quantity */
  RgAutoDiscount  auto_kind;       /* which of promotion and card applied */
  gboolean        auto_capped;     /* it was cut down to the cap */
  gint64          discount_promotion;
  gint64          discount_card;
  gint64          discount_one_off;
  gint64          discount;        /* the three together */
  gint64          price;           /* gross - discount: what the client pays for it */
  gint64          cost;            /* unit_cost * quantity */
  gint64          pay;
  RgMargin        margin;
} RgPriceLine;

typedef struct {
  int       card;                  /* the client's card tier, or 0 */
  int       cap;                   /* no line's discounts exceed this share of its gross */
  gboolean  pay_after_discount;    /* pay is counted from the price after the discount */
  int       sale_one_off;          /* a one-off percentage on every line but tips */
  gint64    sale_one_off_amount;   /* a one-off amount spread over the lines */
} RgPriceRules;

gint64    rg_pricing_percent_of   (gint64              amount,
                                   int                 basis_points);
gboolean  rg_pricing_compute      (const RgPriceRules *rules,
                                   RgPriceLine        *lines,
                                   guint               n_lines,
                                   gint64             *total,
                                   GError            **error);
const char *rg_pricing_rule_text  (void);
char     *rg_pricing_format_percent (int               basis_points) G_GNUC_WARN_UNUSED_RESULT;
char     *rg_pricing_describe_tier  (const char       *tier,
                                     int               basis_points) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
