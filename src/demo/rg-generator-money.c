/* rg-generator-money.c — the till through the simulated history: what every
 * done visit was paid, with which discounts, what its master earned, the
 * products sold from a small shelf, tips, walk-in sales and a few refunds.
 *
 * It runs after the calendar is simulated and before anything is written,
 * on a random stream of its own (so the calendar is the one the same seed
 * gave before the till), in time order:
 *
 * - each done visit gets a sale at its end, whose service lines are the
 *   visit's services at their booked prices, discounted by the till's own
 *   rule (rg_pricing_compute(): the client's card tier from what they had
 *   paid so far, the promotion covering the line that day, now and then a
 *   one-off with a reason); the visit's services then take what was paid
 *   for them, so every revenue figure, which sums appointments.price,
 *   counts the money;
 * - some visits sell products (their master earns the commission) or end
 *   with a tip; some products go to walk-in clients without a visit;
 * - payments are by card, cash (with change sometimes), cash and card, or
 *   transfer, at the sale's time;
 * - a few sales are refunded later: products brought back, an add-on
 *   service charged by mistake, a walk-in's purchase; the visit keeps its
 *   status and its services what stays paid.
 *
 * The studio's settings are the defaults (cap 25 %, pay after the
 * discount); the card tiers are the ones the migration made (for an
 * English studio, their thresholds in pounds: a fiftieth of the roubles).
 *
 * Sales are numbered in time order, and their keys, their lines' and their
 * payments' are the seed's keys sorted and handed out in that order, so
 * each table and its indexes are written from the front to the back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rg-generator-private.h"
#include "model/rg-enums.h"
#include "model/rg-pricing.h"
#include "model/rg-sale.h"
#include "store/rg-store-insert.h"

#define MONEY_SEED         G_GUINT64_CONSTANT (0x6d6f6e6579)   /* "money" */
#define MAX_LINES          6
#define PAY_AFTER_DISCOUNT TRUE            /* the studio setting's default */
#define TIER_POUNDS        50              /* roubles to a pound, for the card's thresholds */

typedef struct {
  gint64      id;
  const char *name;
  guint       categories;
  gint64      price;          /* today's */
  gint64      cost;           /* today's */
  int         commission;
  gint64      stock;
} Product;

typedef struct {
  gint64      id;
  char       *name;
  guint       start;          /* days of the simulation, both included */
  guint       end;
  gint64      created_at;
  int         percent;
  gboolean    all;
  guint8     *services;       /* by service: 1 if covered */
  guint8      products[N_PRODUCTS];
} Promotion;

typedef struct {
  gint64 id;
  gint64 threshold;
  int    percent;
} Tier;

typedef struct {
  gint64  at;
  gint32  appt;               /* NONE: a sale without a visit */
  gint32  client;             /* NONE: a walk-in the desk does not know */
  gint32  refund_of;          /* a sale's index, NONE: a sale */
  guint32 first_line;
  guint32 first_payment;
  guint8  n_lines;
  guint8  n_payments;
  gint16  reason;             /* a one-off's or a refund's, NONE: none */
  guint8  prepaid;            /* paid from prepaid or sold an instrument: never refunded */
  gint32  points;             /* points it earned */
  gint64  goods;              /* what its services and products came to */
} Sale;

typedef struct {
  gint64  list_price;
  gint64  discount_promotion;
  gint64  discount_card;
  gint64  discount_one_off;
  gint64  price;
  gint64  cost;
  gint64  pay;
  gint32  refund_of;          /* a line's index, NONE */
  gint32  item;               /* service or product index; NONE: a tip */
  gint16  promotion;          /* NONE */
  gint16  staff;              /* master index, NONE: the desk */
  gint16  quantity;
  guint8  kind;               /* RgSaleLineKind */
} Line;

typedef struct {
  gint64 amount;
  gint64 tendered;            /* cash handed over; 0: NULL */
  guint8 method;
} Payment;

enum { MOVE_RECEIVED, MOVE_SALE, MOVE_REFUND };

typedef struct {
  gint64  at;
  gint32  line;               /* NONE: goods received */
  guint16 product;
  gint16  quantity;
  guint8  reason;
} Move;

/* A refund to come, by the time the till reaches it. */
typedef struct {
  gint64 at;
  gint32 client;              /* NONE: none */
  gint64 amount;              /* what leaves their paid spend */
  gint32 product;             /* NONE: none */
  gint64 quantity;            /* back on the shelf */
  gint64 points;              /* the client's points taken back */
  gint32 refund;              /* the refund's sale index */
} Pending;

typedef struct {
  gint64  at;
  guint32 index;              /* an appointment, or a walk-in's number */
  guint8  walk_in;
} Event;

/* Prepaid ------------------------------------------------------------------
 *
 * From the loyalty day on (two years before today, or the first day) the
 * studio sells subscriptions, deposits and gift certificates, and gives
 * points: every ledger is simulated here in time order, its balance never
 * below nothing, and written as rows whose sums are the balances. */

#define LOYALTY_DAYS       730
#define N_KINDS            3
#define POINTS_RATE        500        /* basis points of what was paid in money */
#define POINTS_SHARE       3000       /* the most of a sale points pay */
#define POINT_VALUE        100        /* minor units */
#define POINTS_MONTHS      12
#define CERTIFICATE_MONTHS 12

typedef struct {
  gint64  id;
  char   *name;
  guint   service;            /* the one service it covers */
  gint64  visits;
  int     valid_days;
  gint64  price;
} Kind;

typedef struct {
  gint64  deposit;            /* balance */
  gint32  first_lot;          /* the oldest lot with points left, or NONE */
  gint32  last_lot;
  gint32  subscription;       /* the one running, or NONE */
  gint32  certificate;        /* one being used, or NONE */
  guint8  had_subscription;
  guint8  visited;            /* a done visit paid already */
} ClientPrepaid;

typedef struct {
  gint64  sold_at;
  gint64  expires_at;
  gint64  remaining;
  gint32  client;
  gint32  line;
  guint8  kind;
} Subscription;

typedef struct {
  gint64  at;
  gint32  subscription;
  gint32  sale;
  gint32  line;
  gint8   visits;
  guint8  use;                /* 0: sold */
} SubMove;

typedef struct {
  gint64  sold_at;
  gint64  expires_at;
  gint64  amount;
  gint64  balance;
  gint32  buyer;
  gint32  line;
  gint32  next;               /* in the pool */
  guint32 number;
  guint8  unused;             /* never brought */
} Certificate;

typedef struct {
  gint64  at;
  gint64  amount;
  gint32  certificate;
  gint32  sale;
  gint32  client;             /* who paid with it; NONE: sold */
} CertMove;

enum { DEPOSIT_TOP_UP, DEPOSIT_PAYMENT };

typedef struct {
  gint64  at;
  gint64  amount;
  gint32  client;
  gint32  sale;
  gint32  line;               /* a top-up's */
  guint8  reason;
} DepositMove;

enum { POINTS_EARNED, POINTS_SPENT, POINTS_EARNED_BACK, POINTS_EXPIRED, POINTS_REFERRAL };

typedef struct {
  gint64  at;
  gint64  points;
  gint64  expires_at;         /* a lot's; 0: none */
  gint32  client;
  gint32  sale;               /* NONE: none */
  gint32  lot;                /* an expired row's lot (a row index), or NONE */
  guint8  reason;
} PointsMove;

typedef struct {
  gint64  expires_at;
  gint64  left;
  gint32  row;                /* its earned or referral row */
  gint32  next;               /* the client's next lot, or NONE */
} Lot;

typedef struct {
  gint64  at;
  gint32  client;
  gint32  referrer;
  gint32  sale;
} Referral;

struct _GenMoney {
  Rng        rng;
  Product    products[N_PRODUCTS];
  Promotion *promotions;
  guint      n_promotions;
  Tier      *tiers;
  guint      n_tiers;
  GArray    *sales;           /* of Sale, in the order they were made */
  GArray    *lines;           /* of Line */
  GArray    *payments;        /* of Payment */
  GArray    *moves;           /* of Move */
  GArray    *pending;         /* of Pending: refunds to come */
  gint64     next_due;
  guint      n_refunds;
  gint64     cash_note;       /* a banknote most people carry */
  gint64    *sale_ids;        /* by sale index, once written */
  gint64    *line_ids;        /* by line index, once written */

  /* Prepaid: rg-generator-money.c's second half. */
  guint      loyalty_day;     /* the day the studio started its prepaid and points */
  Kind       kinds[N_KINDS];
  guint      n_kinds;
  ClientPrepaid *cp;          /* by client */
  GArray    *subscriptions;   /* of Subscription */
  GArray    *sub_moves;       /* of SubMove */
  GArray    *certificates;    /* of Certificate */
  GArray    *cert_moves;      /* of CertMove */
  GArray    *deposit_moves;   /* of DepositMove */
  GArray    *points_moves;    /* of PointsMove */
  GArray    *lots;            /* of Lot */
  GArray    *referrals;       /* of Referral */
  gint32     pool_head;       /* certificates waiting for whoever brings them */
  gint32     pool_tail;
  gint64     referrer_points;
  gint64     newcomer_points;
};

#define SALE(mo, i)    (&g_array_index ((mo)->sales, Sale, (i)))
#define LINE(mo, i)    (&g_array_index ((mo)->lines, Line, (i)))
#define PAYMENT(mo, i) (&g_array_index ((mo)->payments, Payment, (i)))

void
gen_money_free (GenMoney *mo)
{
  if (mo == NULL)
    return;
  for (guint i = 0; i < mo->n_promotions; i++)
    {
      g_free (mo->promotions[i].name);
      g_free (mo->promotions[i].services);
    }
  g_free (mo->promotions);
  g_free (mo->tiers);
  g_clear_pointer (&mo->sales, g_array_unref);
  g_clear_pointer (&mo->lines, g_array_unref);
  g_clear_pointer (&mo->payments, g_array_unref);
  g_clear_pointer (&mo->moves, g_array_unref);
  g_clear_pointer (&mo->pending, g_array_unref);
  g_free (mo->sale_ids);
  g_free (mo->line_ids);
  for (guint i = 0; i < mo->n_kinds; i++)
    g_free (mo->kinds[i].name);
  g_free (mo->cp);
  g_clear_pointer (&mo->subscriptions, g_array_unref);
  g_clear_pointer (&mo->sub_moves, g_array_unref);
  g_clear_pointer (&mo->certificates, g_array_unref);
  g_clear_pointer (&mo->cert_moves, g_array_unref);
  g_clear_pointer (&mo->deposit_moves, g_array_unref);
  g_clear_pointer (&mo->points_moves, g_array_unref);
  g_clear_pointer (&mo->lots, g_array_unref);
  g_clear_pointer (&mo->referrals, g_array_unref);
  g_free (mo);
}

/* 0 is NULL */
static void
insert_opt_id (RgStoreInsert *ins,
               const char    *column,
               gint64         value)
{
  if (value != 0)
    rg_store_insert_int (ins, column, value);
  else
    rg_store_insert_null (ins, column);
}

/* @amount rounded half up to a multiple of @unit. */
static gint64
round_to (gint64 amount,
          gint64 unit)
{
  return (amount + unit / 2) / unit * unit;
}

/* @base * @part / @whole, rounded half up: today's cost at another price. */
static gint64
scaled (gint64 base,
        gint64 part,
        gint64 whole)
{
  return whole > 0 ? (base * part + whole / 2) / whole : 0;
}

/* The day of the simulation @at falls on. */
static guint
day_of (Gen    *g,
        gint64  at)
{
  guint lo = 0, hi = g->n_days;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g->day_base[mid] <= at)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The studio's card --------------------------------------------------------- */

static gboolean
read_tiers (Gen       *g,
            GenMoney  *mo,
            RgStore   *store,
            GError   **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT id, threshold, percent FROM card_tiers ORDER BY threshold",
                                             error);
  g_autoptr(GArray) tiers = g_array_new (FALSE, FALSE, sizeof (Tier));
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      Tier t;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      t.id = sqlite3_column_int64 (stmt, 0);
      t.threshold = sqlite3_column_int64 (stmt, 1);
      t.percent = sqlite3_column_int (stmt, 2);
      if (!g->lang->russian)
        t.threshold /= TIER_POUNDS;
      g_array_append_val (tiers, t);
    }

  mo->n_tiers = tiers->len;
  mo->tiers = (Tier *) g_array_free (g_steal_pointer (&tiers), FALSE);
  return TRUE;
}

static int
tier_percent (GenMoney *mo,
              gint64    spend)
{
  int percent = 0;

  for (guint i = 0; i < mo->n_tiers && mo->tiers[i].threshold <= spend; i++)
    percent = mo->tiers[i].percent;
  return percent;
}

/* Rates, the shelf and the promotions ------------------------------------ */

static void
setup_catalogue (Gen      *g,
                 GenMoney *mo)
{
  static const int materials[N_CATEGORIES] = {
    [CAT_HAIR] = 900, [CAT_NAILS] = 1100, [CAT_BROWS] = 1000,
    [CAT_COSMETOLOGY] = 1500, [CAT_MASSAGE] = 600, [CAT_SPA] = 1500,
  };
  gint64 unit = g->lang->russian ? 100 : 10;   /* costs in whole roubles, ten pence */
  guint def, d;

  /* Materials: 5–20 % of a service's price. */
  for (guint s = 0; s < g->n_services; s++)
    {
      Service *service = &g->services[s];
      int share = CLAMP (materials[service->category] + rng_range (&mo->rng, -4, 5) * 100, 500, 2000);

      service->materials_cost = MAX (unit, round_to (rg_pricing_percent_of (service->price, share), unit));
    }

  /* Pay: 35–50 % of the price; a third of the masters have a fixed amount
   * per visit too, and some a rate of their own for one service. */
  for (guint m = 0; m < g->n_masters; m++)
    {
      Master *master = &g->masters[m];

      master->pay_rate = 3500 + 250 * rng_range (&mo->rng, 0, 6);
      master->pay_per_visit = m % 3 == 1 ? rng_range (&mo->rng, 2, 6) * (g->lang->russian ? 5000 : 50) : 0;
      master->rates = g_new0 (guint16, g->n_services);
      if (master->services->len > 0 && rng_chance (&mo->rng, 0.5))
        {
          guint s = g_array_index (master->services, guint, rng_below (&mo->rng, master->services->len));
          int rate = master->pay_rate + (rng_chance (&mo->rng, 0.7) ? 1 : -1) * 250 * rng_range (&mo->rng, 2, 4);

          master->rates[s] = (guint16) CLAMP (rate, 2000, 6000);
        }
    }

  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      const ProductDef *def_p = &gen_product_defs[p];
      Product *product = &mo->products[p];

      product->name = g->lang->russian ? def_p->name_ru : def_p->name_en;
      product->categories = def_p->categories;
      product->price = g->lang->russian ? (gint64) def_p->price_ru * 100 : def_p->price_en;
      product->cost = round_to (rg_pricing_percent_of (product->price, def_p->cost), unit);
      product->commission = def_p->commission;
      product->stock = 0;
    }

  /* A promotion every three or four months, two to four weeks long, and
   * one running today. */
  mo->promotions = g_new0 (Promotion, g->today / 80 + 2);
  def = rng_below (&mo->rng, N_PROMOTION_DEFS);
  d = (guint) rng_range (&mo->rng, 20, 60);
  for (;;)
    {
      guint length = (guint) rng_range (&mo->rng, 14, 28);
      Promotion *promo;
      const PromotionDef *pd;
      GDate date;

      if (d + length >= g->today)
        {
          /* The one of today. */
          d = g->today - MIN (g->today, (guint) rng_range (&mo->rng, 3, 10));
          if (mo->n_promotions > 0 && mo->promotions[mo->n_promotions - 1].end >= d)
            {
              if (mo->promotions[mo->n_promotions - 1].end >= g->today)
                break;
              d = mo->promotions[mo->n_promotions - 1].end + 1;
            }
          length = g->today - d + (guint) rng_range (&mo->rng, 7, 20);
        }

      promo = &mo->promotions[mo->n_promotions++];
      pd = &gen_promotion_defs[def % N_PROMOTION_DEFS];
      def++;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, g->first_julian + d);
      promo->name = g_strdup_printf ("%s %d", g->lang->russian ? pd->name_ru : pd->name_en,
                                     g_date_get_year (&date));
      promo->start = d;
      promo->end = d + length - 1;
      promo->percent = pd->percent;
      promo->all = pd->all;
      promo->created_at = CLAMP (g->day_base[d] - rng_range (&mo->rng, 3, 14) * SECONDS_PER_DAY + 11 * 3600,
                                 g->staff_created_at, g->now);
      promo->services = g_new0 (guint8, g->n_services);
      if (pd->all)
        {
          memset (promo->services, 1, g->n_services);
          memset (promo->products, 1, N_PRODUCTS);
        }
      else if (pd->category != NONE)
        {
          for (guint s = 0; s < g->n_services; s++)
            promo->services[s] = g->services[s].category == pd->category;
        }
      else
        for (int k = 0; k < 3; k++)
          promo->products[rng_below (&mo->rng, N_PRODUCTS)] = 1;

      if (promo->end >= g->today)
        break;
      d += (guint) rng_range (&mo->rng, 80, 130);
    }
}

/* The best promotion that covers the item on @day, or NONE. */
static int
best_promotion (GenMoney *mo,
                guint     day,
                gboolean  product,
                guint     item)
{
  int best = NONE;

  for (guint i = 0; i < mo->n_promotions; i++)
    {
      const Promotion *promo = &mo->promotions[i];

      if (day < promo->start || day > promo->end)
        continue;
      if (!(product ? promo->products[item] : promo->services[item]))
        continue;
      if (best == NONE || promo->percent > mo->promotions[best].percent)
        best = (int) i;
    }
  return best;
}

/* Stock ------------------------------------------------------------------ */

static void
add_move (GenMoney *mo,
          guint     product,
          gint64    quantity,
          guint8    reason,
          gint32    line,
          gint64    at)
{
  Move move = { at, line, (guint16) product, (gint16) quantity, reason };

  g_array_append_val (mo->moves, move);
}

/* Enough on the shelf for @quantity of @product at @at: a delivery that
 * morning when it ran out. */
static void
take_stock (Gen      *g,
            GenMoney *mo,
            guint     product,
            gint64    quantity,
            guint     day,
            gint64    at)
{
  Product *p = &mo->products[product];

  if (p->stock < quantity)
    {
      gint64 received = rng_range (&mo->rng, 12, 30) + quantity;

      add_move (mo, product, received, MOVE_RECEIVED, NONE, MIN (g->day_base[day] + 9 * 3600, at - 60));
      p->stock += received;
    }
  p->stock -= quantity;
}

/* Sales ------------------------------------------------------------------ */

typedef struct {
  RgPriceLine price;
  gint32      item;
  gint16      promotion;
  gint16      staff;
} Draft;

static void
draft_service (Gen      *g,
               Draft    *line,
               guint     service,
               guint     master,
               gint64    list_price,
               gboolean  first,
               guint     day)
{
  const Service *s = &g->services[service];
  const Master *ms = &g->masters[master];
  int promo = best_promotion (g->money, day, FALSE, service);

  memset (line, 0, sizeof *line);
  line->price.kind = RG_SALE_LINE_SERVICE;
  line->price.quantity = 1;
  line->price.list_price = list_price;
  line->price.unit_cost = scaled (s->materials_cost, list_price, s->price);
  line->price.promotion = promo != NONE ? g->money->promotions[promo].percent : 0;
  line->price.pay_rate = ms->rates[service] ? ms->rates[service] : ms->pay_rate;
  line->price.pay_fixed = first ? ms->pay_per_visit : 0;
  line->item = (gint32) service;
  line->promotion = (gint16) promo;
  line->staff = (gint16) master;
}

/* A product at the price it had on @day's date: prices rise a few percent
 * a year, as the services' do. */
static void
draft_product (Gen    *g,
               Draft  *line,
               guint   product,
               gint32  master,
               gint64  quantity,
               gint64  at,
               guint   day)
{
  const Product *p = &g->money->products[product];
  double years = (double) (g->now - at) / SECONDS_PER_YEAR;
  double factor = MAX (0.35, 1.0 - 0.06 * MAX (0.0, years));
  gint64 unit = g->lang->russian ? 1000 : 10;
  gint64 list = MAX (unit, (gint64) (p->price * factor / unit + 0.5) * unit);
  int promo = best_promotion (g->money, day, TRUE, product);

  memset (line, 0, sizeof *line);
  line->price.kind = RG_SALE_LINE_PRODUCT;
  line->price.quantity = quantity;
  line->price.list_price = list;
  line->price.unit_cost = scaled (p->cost, list, p->price);
  line->price.promotion = promo != NONE ? g->money->promotions[promo].percent : 0;
  line->price.pay_rate = master != NONE ? p->commission : 0;
  line->item = (gint32) product;
  line->promotion = (gint16) promo;
  line->staff = (gint16) master;
}

/* A product that suits a visit for @category (NONE: a walk-in). */
static guint
pick_product (GenMoney *mo,
              int       category,
              int       other)
{
  guint candidates[N_PRODUCTS];
  guint n = 0;

  for (guint p = 0; p < N_PRODUCTS; p++)
    if ((int) p != other &&
        (category == NONE || mo->products[p].categories == 0 ||
         (mo->products[p].categories & (1u << category))))
      candidates[n++] = p;

  return n > 0 ? candidates[rng_below (&mo->rng, n)] : 0;
}

static gboolean
price_sale (RgPriceRules  *rules,
            Draft         *drafts,
            guint          n,
            gint64        *total,
            GError       **error)
{
  RgPriceLine lines[MAX_LINES];

  for (guint i = 0; i < n; i++)
    lines[i] = drafts[i].price;
  if (!rg_pricing_compute (rules, lines, n, total, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    drafts[i].price = lines[i];
  return TRUE;
}

/* How the client paid @total: mostly by card or in cash (with change for
 * a banknote sometimes), now and then part each, or a transfer. */
static void
pay (GenMoney *mo,
     Sale     *sale,
     gint64    total)
{
  static const double methods[] = { 0.55, 0.30, 0.08, 0.07 };   /* card, cash, both, transfer */
  Payment p[2] = { { 0 } };
  guint n = 1;

  if (total == 0)
    return;
  switch (rng_choose (&mo->rng, methods, G_N_ELEMENTS (methods)))
    {
    case 1:
      p[0].method = RG_PAYMENT_CASH;
      p[0].amount = total;
      p[0].tendered = total;
      if (rng_chance (&mo->rng, 0.5))
        {
          gint64 note = mo->cash_note / (rng_chance (&mo->rng, 0.5) ? 2 : 1) * (rng_chance (&mo->rng, 0.2) ? 5 : 1);

          p[0].tendered = (total / note + 1) * note;
        }
      break;

    case 2:
      if (total > 2 * mo->cash_note)
        {
          p[0].method = RG_PAYMENT_CASH;
          p[0].amount = rng_range (&mo->rng, 1, (int) MIN (20, (total - 1) / mo->cash_note)) * mo->cash_note;
          p[0].tendered = p[0].amount;
          p[1].method = RG_PAYMENT_CARD;
          p[1].amount = total - p[0].amount;
          n = 2;
          break;
        }
      G_GNUC_FALLTHROUGH;
    case 0:
      p[0].method = RG_PAYMENT_CARD;
      p[0].amount = total;
      break;

    default:
      p[0].method = RG_PAYMENT_TRANSFER;
      p[0].amount = total;
      break;
    }

  g_array_append_vals (mo->payments, p, n);
  sale->n_payments += (guint8) n;
}

static void
store_lines (GenMoney *mo,
             Sale     *sale,
             Draft    *drafts,
             guint     n)
{
  sale->first_line = mo->lines->len;
  sale->n_lines = (guint8) n;
  for (guint i = 0; i < n; i++)
    {
      const RgPriceLine *pl = &drafts[i].price;
      Line line;

      line.list_price = pl->list_price;
      line.discount_promotion = pl->discount_promotion;
      line.discount_card = pl->discount_card;
      line.discount_one_off = pl->discount_one_off;
      line.price = pl->price;
      line.cost = pl->cost;
      line.pay = pl->pay;
      line.refund_of = NONE;
      line.item = drafts[i].item;
      line.promotion = pl->auto_kind == RG_DISCOUNT_PROMOTION ? drafts[i].promotion : NONE;
      line.staff = drafts[i].staff;
      line.quantity = (gint16) pl->quantity;
      line.kind = (guint8) pl->kind;
      g_array_append_val (mo->lines, line);
    }
}


/* Prepaid: the simulation ------------------------------------------------------ */

/* Local midnight @days days and @months months after the day of @at. */
static gint64
midnight_after (Gen    *g,
                gint64  at,
                int     days,
                int     months)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, g->tz);
  g_autoptr(GDateTime) day = g_date_time_new (g->tz, g_date_time_get_year (local), g_date_time_get_month (local),
                                              g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_full (day, 0, months, days, 0, 0, 0);

  return g_date_time_to_unix (later);
}

/* A subscription for the most asked-for service of nails, massage and
 * hair: ten or five visits at a tenth off. */
static void
setup_kinds (Gen      *g,
             GenMoney *mo)
{
  static const struct { int category; int visits; int days; } defs[N_KINDS] = {
    { CAT_NAILS, 10, 365 }, { CAT_MASSAGE, 5, 180 }, { CAT_HAIR, 5, 270 },
  };
  gint64 unit = MAX (1, g->lang->price_unit);

  for (guint d = 0; d < N_KINDS; d++)
    {
      int best = NONE;
      Kind *k;

      for (guint sv = 0; sv < g->n_services; sv++)
        if (g->services[sv].category == defs[d].category && g->services[sv].repeat_days > 0 &&
            (best == NONE || g->services[sv].weight > g->services[best].weight))
          best = (int) sv;
      if (best == NONE)
        continue;
      k = &mo->kinds[mo->n_kinds++];
      k->service = (guint) best;
      k->visits = defs[d].visits;
      k->valid_days = defs[d].days;
      k->price = MAX (unit, round_to (g->services[best].price * defs[d].visits * 9 / 10, unit));
      k->name = g_strdup_printf ("%s × %d", g->services[best].name, defs[d].visits);
    }
}

static int
kind_for (GenMoney *mo,
          guint     service)
{
  for (guint k = 0; k < mo->n_kinds; k++)
    if (mo->kinds[k].service == service)
      return (int) k;
  return NONE;
}

#define LOT(mo, i) (&g_array_index ((mo)->lots, Lot, (i)))
#define POINTS_ROW(mo, i) (&g_array_index ((mo)->points_moves, PointsMove, (i)))

static gint32
add_points_row (GenMoney *mo,
                gint32    client,
                gint64    points,
                guint8    reason,
                gint32    sale,
                gint64    expires_at,
                gint32    lot,
                gint64    at)
{
  PointsMove row = { at, points, expires_at, client, sale, lot, reason };

  g_array_append_val (mo->points_moves, row);
  return (gint32) mo->points_moves->len - 1;
}

/* A lot of points earned (or given for a referral) at @at. */
static void
add_lot (Gen      *g,
         GenMoney *mo,
         gint32    client,
         gint64    points,
         guint8    reason,
         gint32    sale,
         gint64    at)
{
  ClientPrepaid *cp = &mo->cp[client];
  gint64 expires_at = midnight_after (g, at, 1, POINTS_MONTHS);
  Lot lot = { expires_at, points, add_points_row (mo, client, points, reason, sale, expires_at, NONE, at), NONE };

  g_array_append_val (mo->lots, lot);
  if (cp->first_lot == NONE)
    cp->first_lot = cp->last_lot = (gint32) mo->lots->len - 1;
  else
    {
      LOT (mo, cp->last_lot)->next = (gint32) mo->lots->len - 1;
      cp->last_lot = (gint32) mo->lots->len - 1;
    }
}

/* Writes off what is left of the client's lots that expired by @at, each
 * dated at its expiry. */
static void
expire_lots (GenMoney *mo,
             gint32    client,
             gint64    at)
{
  ClientPrepaid *cp = &mo->cp[client];

  for (gint32 i = cp->first_lot; i != NONE; i = LOT (mo, i)->next)
    {
      Lot *lot = LOT (mo, i);

      if (lot->expires_at > at)
        break;
      if (lot->left > 0)
        {
          add_points_row (mo, client, -lot->left, POINTS_EXPIRED, NONE, 0, lot->row, lot->expires_at);
          lot->left = 0;
        }
    }
  while (cp->first_lot != NONE && LOT (mo, cp->first_lot)->left == 0)
    cp->first_lot = LOT (mo, cp->first_lot)->next;
  if (cp->first_lot == NONE)
    cp->last_lot = NONE;
}

/* Points the client can spend at @at: lots given by then, not expired. */
static gint64
points_available (GenMoney *mo,
                  gint32    client,
                  gint64    at)
{
  gint64 sum = 0;

  for (gint32 i = mo->cp[client].first_lot; i != NONE; i = LOT (mo, i)->next)
    {
      const Lot *lot = LOT (mo, i);

      if (POINTS_ROW (mo, lot->row)->at <= at && lot->expires_at > at)
        sum += lot->left;
    }
  return sum;
}

/* Takes @points from the oldest lots first. */
static void
take_points (GenMoney *mo,
             gint32    client,
             gint64    points,
             gint64    at)
{
  for (gint32 i = mo->cp[client].first_lot; i != NONE && points > 0; i = LOT (mo, i)->next)
    {
      Lot *lot = LOT (mo, i);
      gint64 take;

      if (POINTS_ROW (mo, lot->row)->at > at || lot->expires_at <= at)
        continue;
      take = MIN (lot->left, points);
      lot->left -= take;
      points -= take;
    }
  g_assert (points == 0);
}

static void
add_payment (GenMoney *mo,
             Sale     *sale,
             guint8    method,
             gint64    amount)
{
  Payment p = { amount, 0, method };

  g_array_append_val (mo->payments, p);
  sale->n_payments++;
}

/* An instrument the client buys at this visit, as a line after the priced
 * ones: a subscription for the visit's service, a deposit, a gift
 * certificate. RG_SALE_LINE_SERVICE: none. */
static RgSaleLineKind
choose_instrument (Gen        *g,
                   GenMoney   *mo,
                   const Appt *a,
                   gint32      client,
                   gint64     *amount,
                   int        *kind)
{
  ClientPrepaid *cp = &mo->cp[client];
  const Client *cl = CLIENT (g, client);
  static const int deposits_ru[] = { 5000, 10000, 20000 }, deposits_en[] = { 50, 100, 200 };
  static const int certificates_ru[] = { 3000, 5000, 10000 }, certificates_en[] = { 25, 50, 100 };
  gboolean ru = g->lang->russian;

  *kind = kind_for (mo, a->service[0]);
  if (*kind != NONE && cp->subscription == NONE &&
      rng_chance (&mo->rng, cp->had_subscription ? 0.55 : (cl->loyalty >= LOYALTY_REGULAR ? 0.06 : 0.015)))
    {
      *amount = mo->kinds[*kind].price;
      return RG_SALE_LINE_SUBSCRIPTION;
    }
  if (cp->deposit == 0 && cl->loyalty >= LOYALTY_REGULAR && rng_chance (&mo->rng, 0.015))
    {
      *amount = (gint64) (ru ? deposits_ru[rng_below (&mo->rng, 3)] : deposits_en[rng_below (&mo->rng, 3)]) * 100;
      return RG_SALE_LINE_DEPOSIT;
    }
  if (rng_chance (&mo->rng, 0.008))
    {
      *amount = (gint64) (ru ? certificates_ru[rng_below (&mo->rng, 3)]
                             : certificates_en[rng_below (&mo->rng, 3)]) * 100;
      return RG_SALE_LINE_CERTIFICATE;
    }
  return RG_SALE_LINE_SERVICE;
}

static void
add_instrument_line (Draft          *line,
                     RgSaleLineKind  kind,
                     gint64          amount,
                     int             item)
{
  memset (line, 0, sizeof *line);
  line->price.kind = kind;
  line->price.quantity = 1;
  line->price.list_price = amount;
  line->price.price = amount;
  line->item = item;
  line->promotion = NONE;
  line->staff = NONE;
}

/* The instrument a sale's line sold, from the sale's time. */
static void
open_instrument (Gen            *g,
                 GenMoney       *mo,
                 const Sale     *sale,
                 gint32          index,
                 guint           line,
                 RgSaleLineKind  kind,
                 gint64          amount,
                 int             kind_index)
{
  ClientPrepaid *cp = &mo->cp[sale->client];

  if (kind == RG_SALE_LINE_SUBSCRIPTION)
    {
      const Kind *k = &mo->kinds[kind_index];
      Subscription sub = { sale->at, midnight_after (g, sale->at, k->valid_days, 0), k->visits, sale->client,
                           (gint32) line, (guint8) kind_index };
      SubMove move = { sale->at, (gint32) mo->subscriptions->len, index, (gint32) line, (gint8) k->visits, 0 };

      g_array_append_val (mo->subscriptions, sub);
      g_array_append_val (mo->sub_moves, move);
      cp->subscription = (gint32) mo->subscriptions->len - 1;
    }
  else if (kind == RG_SALE_LINE_DEPOSIT)
    {
      DepositMove move = { sale->at, amount, sale->client, index, (gint32) line, DEPOSIT_TOP_UP };

      g_array_append_val (mo->deposit_moves, move);
      cp->deposit += amount;
    }
  else if (kind == RG_SALE_LINE_CERTIFICATE)
    {
      Certificate c = { sale->at, midnight_after (g, sale->at, 0, CERTIFICATE_MONTHS), amount, amount, sale->client,
                        (gint32) line, NONE, mo->certificates->len + 1, rng_chance (&mo->rng, 0.15) };
      CertMove move = { sale->at, amount, (gint32) mo->certificates->len, index, sale->client };
      gint32 ci = (gint32) mo->certificates->len;

      g_array_append_val (mo->certificates, c);
      g_array_append_val (mo->cert_moves, move);
      if (!c.unused)
        {
          if (mo->pool_head == NONE)
            mo->pool_head = ci;
          else
            g_array_index (mo->certificates, Certificate, mo->pool_tail).next = ci;
          mo->pool_tail = ci;
        }
    }
}

/* What prepaid pays of a sale's services and products (@goods), in the
 * till's order: a subscription's visit, a certificate, the deposit,
 * points. Returns what is left to pay in money for the goods. */
static gint64
pay_prepaid (Gen      *g,
             GenMoney *mo,
             Sale     *sale,
             gint32    index,
             Draft    *drafts,
             guint     n_services,
             gint64    goods,
             gint64   *base)
{
  ClientPrepaid *cp = &mo->cp[sale->client];
  gint64 at = sale->at, left = goods, paid_prepaid = 0;

  /* A subscription's visit pays its service's line. */
  if (cp->subscription != NONE)
    {
      Subscription *sub = &g_array_index (mo->subscriptions, Subscription, cp->subscription);

      if (sub->expires_at <= at || sub->remaining <= 0)
        {
          cp->subscription = NONE;
          cp->had_subscription = 1;
        }
      else if (sub->sold_at < at)
        for (guint i = 0; i < n_services; i++)
          if ((guint) drafts[i].item == mo->kinds[sub->kind].service && drafts[i].price.price > 0)
            {
              SubMove move = { at, cp->subscription, index, (gint32) (sale->first_line + i), -1, 1 };

              add_payment (mo, sale, RG_PAYMENT_SUBSCRIPTION, drafts[i].price.price);
              g_array_append_val (mo->sub_moves, move);
              left -= drafts[i].price.price;
              paid_prepaid += drafts[i].price.price;
              if (--sub->remaining == 0)
                {
                  cp->subscription = NONE;
                  cp->had_subscription = 1;
                }
              break;
            }
    }

  /* A certificate: the one the client holds, or one brought to the desk. */
  if (cp->certificate == NONE && mo->pool_head != NONE && rng_chance (&mo->rng, 0.04))
    {
      Certificate *c = &g_array_index (mo->certificates, Certificate, mo->pool_head);

      if (c->sold_at < at - SECONDS_PER_DAY)
        {
          gint32 ci = mo->pool_head;

          mo->pool_head = c->next;
          if (c->expires_at > at)
            cp->certificate = ci;
        }
    }
  if (cp->certificate != NONE && left > 0)
    {
      Certificate *c = &g_array_index (mo->certificates, Certificate, cp->certificate);

      if (c->expires_at <= at)
        cp->certificate = NONE;
      else
        {
          gint64 take = MIN (c->balance, left);
          CertMove move = { at, -take, cp->certificate, index, sale->client };

          add_payment (mo, sale, RG_PAYMENT_CERTIFICATE, take);
          g_array_append_val (mo->cert_moves, move);
          c->balance -= take;
          left -= take;
          paid_prepaid += take;
          if (c->balance == 0)
            cp->certificate = NONE;
        }
    }

  /* The deposit. */
  if (cp->deposit > 0 && left > 0)
    {
      gint64 take = MIN (cp->deposit, left);
      DepositMove move = { at, -take, sale->client, index, NONE, DEPOSIT_PAYMENT };

      add_payment (mo, sale, RG_PAYMENT_DEPOSIT, take);
      g_array_append_val (mo->deposit_moves, move);
      cp->deposit -= take;
      left -= take;
    }

  /* Points, up to the studio's share of the sale, now and then. */
  if (left > 0)
    {
      gint64 cap = MIN (goods * POINTS_SHARE / 10000, left) / POINT_VALUE;
      gint64 points = MIN (points_available (mo, sale->client, at), cap);

      if (points * POINT_VALUE * 10 >= goods && rng_chance (&mo->rng, 0.4))
        {
          add_payment (mo, sale, RG_PAYMENT_POINTS, points * POINT_VALUE);
          take_points (mo, sale->client, points, at);
          add_points_row (mo, sale->client, -points, POINTS_SPENT, index, 0, NONE, at);
          left -= points * POINT_VALUE;
          paid_prepaid += points * POINT_VALUE;
        }
    }

  sale->prepaid = sale->n_payments > 0;
  *base = goods - paid_prepaid;
  return left;
}

/* A referred client's first visit, done and paid: both sides get their
 * points, once. */
static void
reward_referral (Gen      *g,
                 GenMoney *mo,
                 gint32    client,
                 gint32    index,
                 gint64    at)
{
  gint32 referrer = CLIENT (g, client)->referrer;
  Referral r = { at, client, referrer, index };

  if (referrer == NONE || referrer == client)
    return;
  g_array_append_val (mo->referrals, r);
  expire_lots (mo, referrer, at);
  if (mo->referrer_points > 0)
    add_lot (g, mo, referrer, mo->referrer_points, POINTS_REFERRAL, index, at);
  if (mo->newcomer_points > 0)
    add_lot (g, mo, client, mo->newcomer_points, POINTS_REFERRAL, index, at);
}

/* The points a refund takes back, when the till reaches it: what the sale
 * earned on what is refunded, no more than the client still has. */
static void
take_back_points (GenMoney *mo,
                  gint32    client,
                  gint64    points,
                  gint32    refund,
                  gint64    at)
{
  gint64 have;

  expire_lots (mo, client, at);
  have = points_available (mo, client, at);
  points = MIN (points, have);
  if (points <= 0)
    return;
  take_points (mo, client, points, at);
  add_points_row (mo, client, -points, POINTS_EARNED_BACK, refund, 0, NONE, at);
}

/* What a client has paid so far leaves out the refunds made by @at, and
 * what they brought back is on the shelf again. */
static void
settle_refunds (Gen      *g,
                GenMoney *mo,
                gint64    at)
{
  gint64 next = G_MAXINT64;

  if (at < mo->next_due)
    return;
  for (guint i = 0; i < mo->pending->len;)
    {
      Pending *p = &g_array_index (mo->pending, Pending, i);

      if (p->at <= at)
        {
          if (p->client != NONE)
            CLIENT (g, p->client)->spent -= p->amount;
          if (p->client != NONE && p->points > 0)
            take_back_points (mo, p->client, p->points, p->refund, p->at);
          if (p->product != NONE)
            mo->products[p->product].stock += p->quantity;
          g_array_remove_index_fast (mo->pending, i);
          continue;
        }
      next = MIN (next, p->at);
      i++;
    }
  mo->next_due = next;
}

/* Takes back lines @first .. @first + @n - 1 of sale @index at @at: a
 * refund sale with the lines negated, paid back by the sale's methods in
 * their order, the products back on the shelf. */
static void
refund (Gen      *g,
        GenMoney *mo,
        guint     index,
        guint     first,
        guint     n,
        gint64    at)
{
  Sale r = { 0 };
  gint64 amount = 0, spend = 0, left;
  const Sale *sale;

  r.at = at;
  sale = SALE (mo, index);
  r.appt = sale->appt;
  r.client = sale->client;
  r.refund_of = (gint32) index;
  r.reason = (gint16) rng_pick_index (&mo->rng, &g->lang->refund_reasons[LINE (mo, sale->first_line + first)->kind ==
                                                                         RG_SALE_LINE_SERVICE]);
  r.first_line = mo->lines->len;
  r.n_lines = (guint8) n;

  for (guint i = 0; i < n; i++)
    {
      guint k = SALE (mo, index)->first_line + first + i;
      Line line = *LINE (mo, k);

      line.discount_promotion = -line.discount_promotion;
      line.discount_card = -line.discount_card;
      line.discount_one_off = -line.discount_one_off;
      line.price = -line.price;
      line.cost = -line.cost;
      line.pay = -line.pay;
      line.quantity = (gint16) -line.quantity;
      line.refund_of = (gint32) k;
      g_array_append_val (mo->lines, line);

      amount += -line.price;
      if (line.kind != RG_SALE_LINE_TIP)
        spend += -line.price;
      if (line.kind == RG_SALE_LINE_PRODUCT)
        {
          Pending p = { at, NONE, 0, line.item, -line.quantity, 0, NONE };

          add_move (mo, (guint) line.item, -line.quantity, MOVE_REFUND, (gint32) (mo->lines->len - 1), at);
          g_array_append_val (mo->pending, p);
          mo->next_due = MIN (mo->next_due, at);
        }
      else if (line.kind == RG_SALE_LINE_SERVICE && r.appt != NONE)
        {
          /* The visit's service keeps what stays paid for it. */
          Appt *a = APPT (g, r.appt);
          guint pos = first + i;

          g_assert (pos < a->n_services);
          a->price[pos] += (gint32) line.price;
        }
    }

  r.first_payment = mo->payments->len;
  sale = SALE (mo, index);
  left = amount;
  for (guint i = 0; i < sale->n_payments && left > 0; i++)
    {
      const Payment *paid = PAYMENT (mo, sale->first_payment + i);
      Payment back = { -MIN (left, paid->amount), 0, paid->method };

      g_array_append_val (mo->payments, back);
      left += back.amount;
      r.n_payments++;
    }
  g_assert (left == 0);

  g_array_append_val (mo->sales, r);
  mo->n_refunds++;

  if (r.client != NONE && spend > 0)
    {
      const Sale *sold = SALE (mo, index);
      /* The points it earned on what comes back, rounded down. */
      gint64 points = sold->goods > 0 ? sold->points * MIN (spend, sold->goods) / sold->goods : 0;
      Pending p = { at, r.client, spend, NONE, 0, points, (gint32) mo->sales->len - 1 };

      g_array_append_val (mo->pending, p);
      mo->next_due = MIN (mo->next_due, at);
    }
}

/* A time in opening hours @days after @day, or 0 when it is not past yet. */
static gint64
later (Gen      *g,
       GenMoney *mo,
       guint     day,
       gint64    after,
       int       days)
{
  guint d = day + (guint) days;
  gint64 at;

  if (d >= g->n_days)
    return 0;
  at = gen_time (g, d, rng_range (&mo->rng, 10 * 60, 19 * 60));
  if (at <= after)
    at = after + rng_range (&mo->rng, 10, 90) * 60;
  return at <= g->now - 600 ? at : 0;
}

static gboolean
sell (Gen            *g,
      GenMoney       *mo,
      const Event    *ev,
      GError        **error)
{
  Draft drafts[MAX_LINES];
  RgPriceRules rules = { 0 };
  Sale sale = { 0 };
  guint n = 0, n_services = 0, index, day;
  gint32 client = NONE, master = NONE;
  int category = NONE;
  gint64 total = 0, spend = 0, instrument_amount = 0;
  Appt *a = NULL;
  gboolean loyal;
  RgSaleLineKind instrument = RG_SALE_LINE_SERVICE;
  guint instrument_line = 0;
  int kind_index = NONE;

  sale.at = ev->at;
  sale.appt = NONE;
  sale.refund_of = NONE;
  sale.reason = NONE;
  day = day_of (g, ev->at);
  settle_refunds (g, mo, ev->at);

  if (!ev->walk_in)
    {
      a = APPT (g, ev->index);
      sale.appt = (gint32) ev->index;
      client = a->client;
      master = a->master;
      category = g->services[a->service[0]].category;
      for (guint pos = 0; pos < a->n_services; pos++)
        draft_service (g, &drafts[n++], a->service[pos], a->master, a->price[pos], pos == 0, day);
      n_services = n;
    }
  else
    client = (gint32) ev->index - 1;   /* 0: nobody the desk knows */
  sale.client = client;

  /* Products: at a tenth of the visits; every walk-in buys one or two. */
  if (ev->walk_in || rng_chance (&mo->rng, 0.10))
    {
      guint product = pick_product (mo, category, NONE);
      gint64 quantity = rng_chance (&mo->rng, 0.1) ? 2 : 1;

      take_stock (g, mo, product, quantity, day, ev->at);
      draft_product (g, &drafts[n++], product, master, quantity, ev->at, day);
      if (rng_chance (&mo->rng, 0.2))
        {
          guint second = pick_product (mo, category, (int) product);

          take_stock (g, mo, second, 1, day, ev->at);
          draft_product (g, &drafts[n++], second, master, 1, ev->at, day);
        }
    }

  /* A tip for the master, now and then. */
  if (!ev->walk_in && rng_chance (&mo->rng, 0.07))
    {
      gint64 tip = g->lang->russian ? rng_range (&mo->rng, 2, 10) * 5000 : rng_range (&mo->rng, 4, 20) * 50;

      memset (&drafts[n], 0, sizeof drafts[n]);
      drafts[n].price.kind = RG_SALE_LINE_TIP;
      drafts[n].price.quantity = 1;
      drafts[n].price.list_price = tip;
      drafts[n].item = NONE;
      drafts[n].promotion = NONE;
      drafts[n].staff = (gint16) master;
      n++;
    }

  rules.card = client != NONE ? tier_percent (mo, CLIENT (g, client)->spent) : 0;
  rules.cap = RG_PRICING_DEFAULT_CAP;
  rules.pay_after_discount = PAY_AFTER_DISCOUNT;

  /* A one-off from the desk, on a visit now and then, within the cap. */
  if (!ev->walk_in && rng_chance (&mo->rng, 0.025))
    {
      int automatic = rules.card;

      for (guint i = 0; i < n; i++)
        automatic = MAX (automatic, drafts[i].price.promotion);
      rules.sale_one_off = MIN (500 * rng_range (&mo->rng, 1, 3), rules.cap - MIN (automatic, rules.cap)) / 500 * 500;
      if (rules.sale_one_off > 0)
        sale.reason = (gint16) rng_pick_index (&mo->rng, &g->lang->one_off_reasons);
    }

  if (!price_sale (&rules, drafts, n, &total, error))
    {
      /* The one-off and a rounding took a line a unit above the cap. */
      if (rules.sale_one_off == 0)
        return FALSE;
      g_clear_error (error);
      rules.sale_one_off = 0;
      sale.reason = NONE;
      if (!price_sale (&rules, drafts, n, &total, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (drafts[i].price.kind != RG_SALE_LINE_TIP)
        spend += drafts[i].price.price;
      if (i < n_services)
        a->price[i] = (gint32) drafts[i].price.price;
    }
  if (client != NONE)
    CLIENT (g, client)->spent += spend;

  /* Prepaid, from the loyalty day: an instrument bought at a visit, paid
   * in money with it. */
  loyal = client != NONE && day >= mo->loyalty_day;
  if (loyal)
    expire_lots (mo, client, ev->at);
  if (loyal && !ev->walk_in && n < MAX_LINES)
    {
      gint64 amount = 0;

      instrument = choose_instrument (g, mo, a, client, &amount, &kind_index);
      if (instrument != RG_SALE_LINE_SERVICE)
        {
          instrument_line = n;
          instrument_amount = amount;
          add_instrument_line (&drafts[n++], instrument, amount, kind_index);
          total += amount;
        }
    }

  index = mo->sales->len;
  store_lines (mo, &sale, drafts, n);
  for (guint i = 0; i < n; i++)
    if (drafts[i].price.kind == RG_SALE_LINE_PRODUCT)
      add_move (mo, (guint) drafts[i].item, -drafts[i].price.quantity, MOVE_SALE,
                (gint32) (sale.first_line + i), ev->at);
  sale.first_payment = mo->payments->len;
  sale.n_payments = 0;
  sale.goods = spend;
  {
    gint64 goods_left = spend, base = spend;

    if (loyal)
      goods_left = pay_prepaid (g, mo, &sale, (gint32) index, drafts, n_services, spend, &base);
    pay (mo, &sale, goods_left + (total - spend));
    if (instrument != RG_SALE_LINE_SERVICE)
      {
        open_instrument (g, mo, &sale, (gint32) index, sale.first_line + instrument_line, instrument,
                         instrument_amount, kind_index);
        sale.prepaid = 1;
      }
    /* Points on what the goods were paid in money (the deposit is money). */
    if (loyal && base > 0)
      {
        gint64 points = base * POINTS_RATE / (10000 * POINT_VALUE);

        if (points > 0)
          {
            add_lot (g, mo, client, points, POINTS_EARNED, (gint32) index, ev->at);
            sale.points = (gint32) points;
          }
      }
  }
  if (!ev->walk_in && !mo->cp[client].visited)
    {
      mo->cp[client].visited = 1;
      if (loyal)
        reward_referral (g, mo, client, (gint32) index, ev->at);
    }
  g_array_append_val (mo->sales, sale);

  /* A few come back: a product brought back within two weeks, an add-on
   * that was not done, a walk-in's purchase. */
  if (sale.prepaid)
    ;   /* Paid from prepaid or sold one: taken back at the desk, not here. */
  else if (n > n_services && drafts[n_services].price.kind == RG_SALE_LINE_PRODUCT &&
           rng_chance (&mo->rng, ev->walk_in ? 0.04 : 0.012))
    {
      guint products = 0;
      gint64 at;

      while (n_services + products < n && drafts[n_services + products].price.kind == RG_SALE_LINE_PRODUCT)
        products++;
      if ((at = later (g, mo, day, ev->at, rng_range (&mo->rng, 1, 14))) != 0)
        refund (g, mo, index, n_services, products, at);
    }
  else if (n_services == 2 && rng_chance (&mo->rng, 0.008))
    {
      gint64 at = later (g, mo, day, ev->at, rng_range (&mo->rng, 0, 3));

      if (at != 0)
        refund (g, mo, index, 1, 1, at);
    }

  return TRUE;
}

static int
event_compare (const void *a,
               const void *b)
{
  const Event *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  if (x->walk_in != y->walk_in)
    return x->walk_in < y->walk_in ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* A client the desk knows who drops in on @day at @at: somebody who came
 * before and still comes. NONE: a stranger. */
static gint32
pick_walk_in (Gen      *g,
              GenMoney *mo,
              guint     day,
              gint64    at)
{
  if (g->clients->len == 0 || !rng_chance (&mo->rng, 0.6))
    return NONE;

  for (int tries = 0; tries < 6; tries++)
    {
      guint c = rng_below (&mo->rng, g->clients->len);
      const Client *cl = CLIENT (g, c);

      if (cl->visits > 0 && (guint) cl->first_day < day && cl->last_end >= at)
        return (gint32) c;
    }
  return NONE;
}

gboolean
gen_money_run (Gen      *g,
               RgStore  *store,
               GError  **error)
{
  GenMoney *mo = g_new0 (GenMoney, 1);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  guint n_walk_ins;

  g->money = mo;
  rng_seed (&mo->rng, g->options->seed ^ MONEY_SEED);
  mo->sales = g_array_new (FALSE, FALSE, sizeof (Sale));
  mo->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  mo->payments = g_array_new (FALSE, FALSE, sizeof (Payment));
  mo->moves = g_array_new (FALSE, FALSE, sizeof (Move));
  mo->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  mo->next_due = G_MAXINT64;
  mo->cash_note = g->lang->russian ? 100000 : 1000;

  if (!read_tiers (g, mo, store, error))
    return FALSE;
  setup_catalogue (g, mo);

  mo->subscriptions = g_array_new (FALSE, FALSE, sizeof (Subscription));
  mo->sub_moves = g_array_new (FALSE, FALSE, sizeof (SubMove));
  mo->certificates = g_array_new (FALSE, FALSE, sizeof (Certificate));
  mo->cert_moves = g_array_new (FALSE, FALSE, sizeof (CertMove));
  mo->deposit_moves = g_array_new (FALSE, FALSE, sizeof (DepositMove));
  mo->points_moves = g_array_new (FALSE, FALSE, sizeof (PointsMove));
  mo->lots = g_array_new (FALSE, FALSE, sizeof (Lot));
  mo->referrals = g_array_new (FALSE, FALSE, sizeof (Referral));
  mo->cp = g_new (ClientPrepaid, MAX (1u, g->clients->len));
  for (guint i = 0; i < g->clients->len; i++)
    mo->cp[i] = (ClientPrepaid) { 0, NONE, NONE, NONE, NONE, 0, 0 };
  mo->pool_head = mo->pool_tail = NONE;
  mo->loyalty_day = g->today > LOYALTY_DAYS ? g->today - LOYALTY_DAYS : 0;
  /* The studio's referral reward in points: its defaults for roubles, a
   * pound's worth for an English one (written with the settings). */
  mo->referrer_points = g->lang->russian ? 500 : 25;
  mo->newcomer_points = g->lang->russian ? 300 : 15;
  setup_kinds (g, mo);

  /* The shelf when the studio opened. */
  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      mo->products[p].stock = rng_range (&mo->rng, 8, 30);
      add_move (mo, p, mo->products[p].stock, MOVE_RECEIVED, NONE, g->staff_created_at);
    }

  for (guint i = 0; i < g->appts->len; i++)
    {
      const Appt *a = APPT (g, i);

      if (a->status == RG_APPOINTMENT_DONE)
        {
          Event ev = { a->starts_at + (gint64) a->minutes * 60, i, 0 };

          g_array_append_val (events, ev);
        }
    }

  /* Walk-ins: about one a month per master. */
  n_walk_ins = (guint) (g->today * g->n_masters * 0.03);
  for (guint i = 0; i < n_walk_ins; i++)
    {
      guint day = rng_below (&mo->rng, g->today + 1);
      gint64 at = gen_time (g, day, rng_range (&mo->rng, 10 * 60, 20 * 60 - 1));
      Event ev;

      if (at > g->now - 600)
        continue;
      ev.at = at;
      ev.index = (guint32) (pick_walk_in (g, mo, day, at) + 1);
      ev.walk_in = 1;
      g_array_append_val (events, ev);
    }
  qsort (events->data, events->len, sizeof (Event), event_compare);

  /* What they paid is what the till says from now on. */
  for (guint i = 0; i < g->clients->len; i++)
    CLIENT (g, i)->spent = 0;

  for (guint i = 0; i < events->len; i++)
    if (!sell (g, mo, &g_array_index (events, Event, i), error))
      return FALSE;
  settle_refunds (g, mo, G_MAXINT64 - 1);
  /* Points that expired by now are written off, as the app does when it
   * opens the studio. */
  for (guint i = 0; i < g->clients->len; i++)
    expire_lots (mo, (gint32) i, g->now);

  g_debug ("The till: %u sales, %u lines, %u payments, %u refunds, %u stock moves",
           mo->sales->len, mo->lines->len, mo->payments->len, mo->n_refunds, mo->moves->len);
  return TRUE;
}

void
gen_money_stats (Gen   *g,
                 guint *sales,
                 guint *refunds)
{
  *sales = g->money ? g->money->sales->len - g->money->n_refunds : 0;
  *refunds = g->money ? g->money->n_refunds : 0;
}

/* Writing ---------------------------------------------------------------- */

static const char * const method_nicks[] = {
  [RG_PAYMENT_CASH] = "cash",
  [RG_PAYMENT_CARD] = "card",
  [RG_PAYMENT_TRANSFER] = "transfer",
  [RG_PAYMENT_DEPOSIT] = "deposit",
  [RG_PAYMENT_SUBSCRIPTION] = "subscription",
  [RG_PAYMENT_CERTIFICATE] = "certificate",
  [RG_PAYMENT_POINTS] = "points",
};

static const char * const line_kind_nicks[] = {
  [RG_SALE_LINE_SERVICE] = "service",
  [RG_SALE_LINE_PRODUCT] = "product",
  [RG_SALE_LINE_TIP] = "tip",
  [RG_SALE_LINE_DEPOSIT] = "deposit",
  [RG_SALE_LINE_SUBSCRIPTION] = "subscription",
  [RG_SALE_LINE_CERTIFICATE] = "certificate",
};

static const char * const move_nicks[] = {
  [MOVE_RECEIVED] = "received",
  [MOVE_SALE] = "sale",
  [MOVE_REFUND] = "refund",
};

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* @n of the seed's keys, in ascending order. */
static gint64 *
sorted_ids (Gen   *g,
            guint  n)
{
  gint64 *ids = g_new (gint64, MAX (1u, n));

  for (guint i = 0; i < n; i++)
    ids[i] = gen_new_id (g);
  qsort (ids, n, sizeof (gint64), compare_gint64);
  return ids;
}

typedef struct {
  gint64  at;
  guint32 index;
} Order;

static int
order_compare (const void *a,
               const void *b)
{
  const Order *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static char *
format_day (Gen   *g,
            guint  day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, g->first_julian + day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The card the migration made, as this studio set it up: keys from the
 * seed, its times the studio's, an English studio's thresholds in pounds. */
static gboolean
write_tiers (Gen      *g,
             GenMoney *mo,
             RgStore  *store,
             GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "UPDATE card_tiers SET id = ?, threshold = ?, created_at = ?, updated_at = ?"
                                             " WHERE id = ?",
                                             error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < mo->n_tiers; i++)
    {
      gint64 id = gen_new_id (g);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, mo->tiers[i].threshold);
      sqlite3_bind_int64 (stmt, 3, g->staff_created_at);
      sqlite3_bind_int64 (stmt, 4, g->staff_created_at);
      sqlite3_bind_int64 (stmt, 5, mo->tiers[i].id);
      if (!rg_store_step_done (store, stmt, error))
        return FALSE;
      mo->tiers[i].id = id;
    }
  return TRUE;
}

static gboolean
write_catalogue (Gen      *g,
                 GenMoney *mo,
                 RgStore  *store,
                 GError  **error)
{
  g_autoptr(RgStoreInsert) rates = NULL;
  g_autoptr(RgStoreInsert) products = NULL;
  g_autoptr(RgStoreInsert) promotions = NULL;
  g_autoptr(RgStoreInsert) items = NULL;

  if ((rates = rg_store_insert_new (store, "staff_service_rates", 0, error)) == NULL)
    return FALSE;
  for (guint m = 0; m < g->n_masters; m++)
    for (guint s = 0; s < g->n_services; s++)
      if (g->masters[m].rates[s])
        {
          rg_store_insert_int (rates, "id", gen_new_id (g));
          rg_store_insert_int (rates, "staff_id", g->masters[m].id);
          rg_store_insert_int (rates, "service_id", g->services[s].id);
          rg_store_insert_int (rates, "pay_rate", g->masters[m].rates[s]);
          rg_store_insert_int (rates, "created_at", g->staff_created_at);
          rg_store_insert_int (rates, "updated_at", g->staff_created_at);
          if (!rg_store_insert_row (rates, error))
            return FALSE;
        }
  if (!rg_store_insert_finish (rates, error) ||
      (products = rg_store_insert_new (store, "products", N_PRODUCTS, error)) == NULL)
    return FALSE;

  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      Product *product = &mo->products[p];

      product->id = gen_new_id (g);
      rg_store_insert_int (products, "id", product->id);
      rg_store_insert_text_static (products, "name", product->name);
      rg_store_insert_int (products, "price", product->price);
      rg_store_insert_int (products, "cost", product->cost);
      rg_store_insert_int (products, "commission", product->commission);
      rg_store_insert_int (products, "position", p);
      rg_store_insert_int (products, "created_at", g->staff_created_at);
      rg_store_insert_int (products, "updated_at", g->staff_created_at);
      if (!rg_store_insert_row (products, error))
        return FALSE;
    }
  if (!rg_store_insert_finish (products, error) ||
      (promotions = rg_store_insert_new (store, "promotions", mo->n_promotions, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < mo->n_promotions; i++)
    {
      Promotion *promo = &mo->promotions[i];
      g_autofree char *starts = format_day (g, promo->start);
      g_autofree char *ends = format_day (g, promo->end);

      promo->id = gen_new_id (g);
      rg_store_insert_int (promotions, "id", promo->id);
      rg_store_insert_text_static (promotions, "name", promo->name);
      rg_store_insert_text (promotions, "starts_on", starts);
      rg_store_insert_text (promotions, "ends_on", ends);
      rg_store_insert_int (promotions, "percent", promo->percent);
      rg_store_insert_int (promotions, "all_services", promo->all);
      rg_store_insert_int (promotions, "all_products", promo->all);
      rg_store_insert_int (promotions, "created_at", promo->created_at);
      rg_store_insert_int (promotions, "updated_at", promo->created_at);
      if (!rg_store_insert_row (promotions, error))
        return FALSE;
    }
  if (!rg_store_insert_finish (promotions, error) ||
      (items = rg_store_insert_new (store, "promotion_items", 0, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < mo->n_promotions; i++)
    {
      const Promotion *promo = &mo->promotions[i];

      if (promo->all)
        continue;
      for (guint k = 0; k < g->n_services + N_PRODUCTS; k++)
        {
          gboolean service = k < g->n_services;

          if (!(service ? promo->services[k] : promo->products[k - g->n_services]))
            continue;
          rg_store_insert_int (items, "id", gen_new_id (g));
          rg_store_insert_int (items, "promotion_id", promo->id);
          if (service)
            {
              rg_store_insert_int (items, "service_id", g->services[k].id);
              rg_store_insert_null (items, "product_id");
            }
          else
            {
              rg_store_insert_null (items, "service_id");
              rg_store_insert_int (items, "product_id", mo->products[k - g->n_services].id);
            }
          rg_store_insert_int (items, "created_at", promo->created_at);
          rg_store_insert_int (items, "updated_at", promo->created_at);
          if (!rg_store_insert_row (items, error))
            return FALSE;
        }
    }

  return rg_store_insert_finish (items, error);
}

static const char *
refund_reason (Gen        *g,
               GenMoney   *mo,
               const Sale *refund)
{
  gboolean service = LINE (mo, refund->first_line)->kind == RG_SALE_LINE_SERVICE;

  return g->lang->refund_reasons[service].items[refund->reason];
}

static gboolean
write_sales (Gen      *g,
             GenMoney *mo,
             RgStore  *store,
             GError  **error)
{
  g_autoptr(RgStoreInsert) sales = NULL;
  g_autoptr(RgStoreInsert) lines = NULL;
  g_autoptr(RgStoreInsert) payments = NULL;
  g_autoptr(RgStoreInsert) moves = NULL;
  g_autofree Order *order = g_new (Order, MAX (1u, mo->sales->len));
  g_autofree Order *move_order = g_new (Order, MAX (1u, mo->moves->len));
  g_autofree gint64 *sale_ids = NULL;
  g_autofree gint64 *line_ids = NULL;
  g_autofree gint64 *payment_ids = NULL;
  g_autofree gint64 *move_ids = NULL;
  gint64 *by_sale = mo->sale_ids = g_new (gint64, MAX (1u, mo->sales->len));
  gint64 *by_line = mo->line_ids = g_new (gint64, MAX (1u, mo->lines->len));
  guint k;

  /* In time order: the numbers, and the keys in ascending order. */
  for (guint i = 0; i < mo->sales->len; i++)
    order[i] = (Order) { SALE (mo, i)->at, i };
  qsort (order, mo->sales->len, sizeof (Order), order_compare);

  sale_ids = sorted_ids (g, mo->sales->len);
  line_ids = sorted_ids (g, mo->lines->len);
  payment_ids = sorted_ids (g, mo->payments->len);
  k = 0;
  for (guint i = 0; i < mo->sales->len; i++)
    {
      const Sale *sale = SALE (mo, order[i].index);

      by_sale[order[i].index] = sale_ids[i];
      for (guint l = 0; l < sale->n_lines; l++)
        by_line[sale->first_line + l] = line_ids[k++];
    }

  if ((sales = rg_store_insert_new (store, "sales", mo->sales->len, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < mo->sales->len; i++)
    {
      const Sale *sale = SALE (mo, order[i].index);
      gboolean is_refund = sale->refund_of != NONE;

      rg_store_insert_int (sales, "id", by_sale[order[i].index]);
      rg_store_insert_int (sales, "number", i + 1);
      rg_store_insert_text_static (sales, "kind", is_refund ? "refund" : "sale");
      insert_opt_id (sales, "refund_of", is_refund ? by_sale[sale->refund_of] : 0);
      insert_opt_id (sales, "client_id", sale->client != NONE ? CLIENT (g, sale->client)->id : 0);
      insert_opt_id (sales, "appointment_id", sale->appt != NONE ? APPT (g, sale->appt)->id : 0);
      rg_store_insert_text_static (sales, "discount_reason",
                                   !is_refund && sale->reason != NONE ? g->lang->one_off_reasons.items[sale->reason] : NULL);
      rg_store_insert_text_static (sales, "reason",
                                   is_refund ? refund_reason (g, mo, sale) : NULL);
      rg_store_insert_int (sales, "created_at", sale->at);
      rg_store_insert_int (sales, "updated_at", sale->at);
      if (!rg_store_insert_row (sales, error))
        return FALSE;
    }
  if (!rg_store_insert_finish (sales, error) ||
      (lines = rg_store_insert_new (store, "sale_lines", mo->lines->len, error)) == NULL)
    return FALSE;

  k = 0;
  for (guint i = 0; i < mo->sales->len; i++)
    {
      const Sale *sale = SALE (mo, order[i].index);

      for (guint l = 0; l < sale->n_lines; l++)
        {
          const Line *line = LINE (mo, sale->first_line + l);

          g_assert (by_line[sale->first_line + l] == line_ids[k]);
          rg_store_insert_int (lines, "id", line_ids[k++]);
          rg_store_insert_int (lines, "sale_id", by_sale[order[i].index]);
          rg_store_insert_int (lines, "position", l);
          rg_store_insert_text_static (lines, "kind", line_kind_nicks[line->kind]);
          insert_opt_id (lines, "service_id", line->kind == RG_SALE_LINE_SERVICE ? g->services[line->item].id : 0);
          insert_opt_id (lines, "product_id", line->kind == RG_SALE_LINE_PRODUCT ? mo->products[line->item].id : 0);
          insert_opt_id (lines, "staff_id", line->staff != NONE ? g->masters[line->staff].id : 0);
          rg_store_insert_int (lines, "quantity", line->quantity);
          rg_store_insert_int (lines, "list_price", line->list_price);
          rg_store_insert_int (lines, "discount",
                               line->discount_promotion + line->discount_card + line->discount_one_off);
          rg_store_insert_int (lines, "discount_promotion", line->discount_promotion);
          rg_store_insert_int (lines, "discount_card", line->discount_card);
          rg_store_insert_int (lines, "discount_one_off", line->discount_one_off);
          insert_opt_id (lines, "promotion_id", line->promotion != NONE ? mo->promotions[line->promotion].id : 0);
          rg_store_insert_int (lines, "price", line->price);
          rg_store_insert_int (lines, "cost", line->cost);
          rg_store_insert_int (lines, "pay", line->pay);
          insert_opt_id (lines, "refund_of_line", line->refund_of != NONE ? by_line[line->refund_of] : 0);
          rg_store_insert_int (lines, "created_at", sale->at);
          rg_store_insert_int (lines, "updated_at", sale->at);
          if (!rg_store_insert_row (lines, error))
            return FALSE;
        }
    }
  if (!rg_store_insert_finish (lines, error) ||
      (payments = rg_store_insert_new (store, "payments", mo->payments->len, error)) == NULL)
    return FALSE;

  k = 0;
  for (guint i = 0; i < mo->sales->len; i++)
    {
      const Sale *sale = SALE (mo, order[i].index);

      for (guint p = 0; p < sale->n_payments; p++)
        {
          const Payment *payment = PAYMENT (mo, sale->first_payment + p);

          rg_store_insert_int (payments, "id", payment_ids[k++]);
          rg_store_insert_int (payments, "sale_id", by_sale[order[i].index]);
          rg_store_insert_text_static (payments, "method", method_nicks[payment->method]);
          rg_store_insert_int (payments, "amount", payment->amount);
          insert_opt_id (payments, "tendered", payment->tendered);
          rg_store_insert_int (payments, "paid_at", sale->at);
          rg_store_insert_int (payments, "created_at", sale->at);
          rg_store_insert_int (payments, "updated_at", sale->at);
          if (!rg_store_insert_row (payments, error))
            return FALSE;
        }
    }
  if (!rg_store_insert_finish (payments, error) ||
      (moves = rg_store_insert_new (store, "stock_moves", mo->moves->len, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < mo->moves->len; i++)
    move_order[i] = (Order) { g_array_index (mo->moves, Move, i).at, i };
  qsort (move_order, mo->moves->len, sizeof (Order), order_compare);
  move_ids = sorted_ids (g, mo->moves->len);
  for (guint i = 0; i < mo->moves->len; i++)
    {
      const Move *move = &g_array_index (mo->moves, Move, move_order[i].index);

      rg_store_insert_int (moves, "id", move_ids[i]);
      rg_store_insert_int (moves, "product_id", mo->products[move->product].id);
      rg_store_insert_int (moves, "quantity", move->quantity);
      rg_store_insert_text_static (moves, "reason", move_nicks[move->reason]);
      insert_opt_id (moves, "sale_line_id", move->line != NONE ? by_line[move->line] : 0);
      rg_store_insert_text_static (moves, "note", move->reason == MOVE_RECEIVED ? g->lang->delivery : NULL);
      rg_store_insert_int (moves, "occurred_at", move->at);
      rg_store_insert_int (moves, "created_at", move->at);
      rg_store_insert_int (moves, "updated_at", move->at);
      if (!rg_store_insert_row (moves, error))
        return FALSE;
    }

  return rg_store_insert_finish (moves, error);
}


/* Prepaid: the rows ------------------------------------------------------------ */

static int
compare_gint64_pair (const void *a,
                     const void *b)
{
  const gint64 *x = a, *y = b;

  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* The rows' order for writing: by time, a row that adds before one that
 * takes at the same second (the ledgers' triggers sum as rows come), then
 * as they were made. Returns the indexes in that order. */
static guint32 *
ledger_order (GArray  *rows,
              gsize    at_offset,
              gsize    amount_offset)
{
  guint32 *order = g_new (guint32, MAX (1u, rows->len));
  g_autofree gint64 *triples = g_new (gint64, 3 * MAX (1u, rows->len));

  for (guint i = 0; i < rows->len; i++)
    {
      const char *row = rows->data + (gsize) i * g_array_get_element_size (rows);
      gint64 at = *(const gint64 *) (row + at_offset);
      gint64 amount = *(const gint64 *) (row + amount_offset);

      triples[3 * i] = at;
      triples[3 * i + 1] = (amount < 0 ? G_GINT64_CONSTANT (1) << 32 : 0) + i;
      triples[3 * i + 2] = i;
    }
  qsort (triples, rows->len, 3 * sizeof (gint64), compare_gint64_pair);
  for (guint i = 0; i < rows->len; i++)
    order[i] = (guint32) triples[3 * i + 2];
  return order;
}

static void
stamps (RgStoreInsert *ins,
        gint64         at)
{
  rg_store_insert_int (ins, "created_at", at);
  rg_store_insert_int (ins, "updated_at", at);
}

static gboolean
write_kinds (Gen      *g,
             GenMoney *mo,
             RgStore  *store,
             GError  **error)
{
  g_autoptr(RgStoreInsert) kinds = rg_store_insert_new (store, "subscription_kinds", mo->n_kinds, error);
  g_autoptr(RgStoreInsert) services = NULL;
  gint64 at = MIN (g->now, MAX (g->staff_created_at, g->day_base[mo->loyalty_day] - 7 * SECONDS_PER_DAY));

  if (kinds == NULL)
    return FALSE;
  for (guint k = 0; k < mo->n_kinds; k++)
    {
      Kind *kind = &mo->kinds[k];

      kind->id = gen_new_id (g);
      rg_store_insert_int (kinds, "id", kind->id);
      rg_store_insert_text_static (kinds, "name", kind->name);
      rg_store_insert_int (kinds, "visits", kind->visits);
      rg_store_insert_int (kinds, "valid_days", kind->valid_days);
      rg_store_insert_int (kinds, "from_first_use", 0);
      rg_store_insert_int (kinds, "price", kind->price);
      rg_store_insert_int (kinds, "position", k);
      stamps (kinds, at);
      if (!rg_store_insert_row (kinds, error))
        return FALSE;
    }
  if (!rg_store_insert_finish (kinds, error) ||
      (services = rg_store_insert_new (store, "subscription_kind_services", mo->n_kinds, error)) == NULL)
    return FALSE;
  for (guint k = 0; k < mo->n_kinds; k++)
    {
      rg_store_insert_int (services, "id", gen_new_id (g));
      rg_store_insert_int (services, "kind_id", mo->kinds[k].id);
      rg_store_insert_int (services, "service_id", g->services[mo->kinds[k].service].id);
      stamps (services, at);
      if (!rg_store_insert_row (services, error))
        return FALSE;
    }
  return rg_store_insert_finish (services, error);
}

static gboolean
write_subscriptions (Gen      *g,
                     GenMoney *mo,
                     RgStore  *store,
                     GError  **error)
{
  g_autoptr(RgStoreInsert) subs = rg_store_insert_new (store, "subscriptions", mo->subscriptions->len, error);
  g_autoptr(RgStoreInsert) services = NULL;
  g_autoptr(RgStoreInsert) moves = NULL;
  g_autofree gint64 *ids = sorted_ids (g, mo->subscriptions->len);
  g_autofree gint64 *move_ids = NULL;

  if (subs == NULL)
    return FALSE;
  /* Made in time order: the keys ascend with them. */
  for (guint i = 0; i < mo->subscriptions->len; i++)
    {
      const Subscription *sub = &g_array_index (mo->subscriptions, Subscription, i);
      const Kind *kind = &mo->kinds[sub->kind];

      rg_store_insert_int (subs, "id", ids[i]);
      rg_store_insert_int (subs, "kind_id", kind->id);
      rg_store_insert_text_static (subs, "name", kind->name);
      rg_store_insert_int (subs, "client_id", CLIENT (g, sub->client)->id);
      rg_store_insert_int (subs, "sale_line_id", mo->line_ids[sub->line]);
      rg_store_insert_int (subs, "visits", kind->visits);
      rg_store_insert_int (subs, "price", kind->price);
      rg_store_insert_int (subs, "valid_days", kind->valid_days);
      rg_store_insert_int (subs, "from_first_use", 0);
      rg_store_insert_int (subs, "sold_at", sub->sold_at);
      rg_store_insert_int (subs, "expires_at", sub->expires_at);
      stamps (subs, sub->sold_at);
      if (!rg_store_insert_row (subs, error))
        return FALSE;
    }
  if (!rg_store_insert_finish (subs, error) ||
      (services = rg_store_insert_new (store, "subscription_services", mo->subscriptions->len, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < mo->subscriptions->len; i++)
    {
      const Subscription *sub = &g_array_index (mo->subscriptions, Subscription, i);

      rg_store_insert_int (services, "id", gen_new_id (g));
      rg_store_insert_int (services, "subscription_id", ids[i]);
      rg_store_insert_int (services, "service_id", g->services[mo->kinds[sub->kind].service].id);
      stamps (services, sub->sold_at);
      if (!rg_store_insert_row (services, error))
        return FALSE;
    }
  if (!rg_store_insert_finish (services, error) ||
      (moves = rg_store_insert_new (store, "subscription_moves", mo->sub_moves->len, error)) == NULL)
    return FALSE;

  move_ids = sorted_ids (g, mo->sub_moves->len);
  for (guint i = 0; i < mo->sub_moves->len; i++)
    {
      const SubMove *move = &g_array_index (mo->sub_moves, SubMove, i);

      /* Made in time order too, as the sales were. */
      rg_store_insert_int (moves, "id", move_ids[i]);
      rg_store_insert_int (moves, "subscription_id", ids[move->subscription]);
      rg_store_insert_int (moves, "visits", move->visits);
      rg_store_insert_text_static (moves, "reason", move->use ? "use" : "sold");
      rg_store_insert_int (moves, "sale_id", mo->sale_ids[move->sale]);
      rg_store_insert_int (moves, "sale_line_id", mo->line_ids[move->line]);
      rg_store_insert_int (moves, "occurred_at", move->at);
      stamps (moves, move->at);
      if (!rg_store_insert_row (moves, error))
        return FALSE;
    }
  return rg_store_insert_finish (moves, error);
}

static gboolean
write_certificates (Gen      *g,
                    GenMoney *mo,
                    RgStore  *store,
                    GError  **error)
{
  g_autoptr(RgStoreInsert) certs = rg_store_insert_new (store, "certificates", mo->certificates->len, error);
  g_autoptr(RgStoreInsert) moves = NULL;
  g_autofree gint64 *ids = sorted_ids (g, mo->certificates->len);
  g_autofree gint64 *move_ids = NULL;

  if (certs == NULL)
    return FALSE;
  for (guint i = 0; i < mo->certificates->len; i++)
    {
      const Certificate *c = &g_array_index (mo->certificates, Certificate, i);
      g_autofree char *number = g_strdup_printf ("GC-%06u", c->number);

      rg_store_insert_int (certs, "id", ids[i]);
      rg_store_insert_text (certs, "number", number);
      rg_store_insert_int (certs, "amount", c->amount);
      rg_store_insert_null (certs, "service_id");
      rg_store_insert_int (certs, "buyer_id", CLIENT (g, c->buyer)->id);
      rg_store_insert_int (certs, "sale_line_id", mo->line_ids[c->line]);
      rg_store_insert_int (certs, "sold_at", c->sold_at);
      rg_store_insert_int (certs, "expires_at", c->expires_at);
      stamps (certs, c->sold_at);
      if (!rg_store_insert_row (certs, error))
        return FALSE;
    }
  if (!rg_store_insert_finish (certs, error) ||
      (moves = rg_store_insert_new (store, "certificate_moves", mo->cert_moves->len, error)) == NULL)
    return FALSE;
  move_ids = sorted_ids (g, mo->cert_moves->len);
  for (guint i = 0; i < mo->cert_moves->len; i++)
    {
      const CertMove *move = &g_array_index (mo->cert_moves, CertMove, i);

      rg_store_insert_int (moves, "id", move_ids[i]);
      rg_store_insert_int (moves, "certificate_id", ids[move->certificate]);
      rg_store_insert_int (moves, "amount", move->amount);
      rg_store_insert_text_static (moves, "reason", move->amount > 0 ? "sold" : "redeemed");
      rg_store_insert_int (moves, "client_id", CLIENT (g, move->client)->id);
      rg_store_insert_int (moves, "sale_id", mo->sale_ids[move->sale]);
      rg_store_insert_int (moves, "occurred_at", move->at);
      stamps (moves, move->at);
      if (!rg_store_insert_row (moves, error))
        return FALSE;
    }
  return rg_store_insert_finish (moves, error);
}

static gboolean
write_deposits (Gen      *g,
                GenMoney *mo,
                RgStore  *store,
                GError  **error)
{
  g_autoptr(RgStoreInsert) moves = rg_store_insert_new (store, "deposit_moves", mo->deposit_moves->len, error);
  g_autofree gint64 *ids = sorted_ids (g, mo->deposit_moves->len);

  if (moves == NULL)
    return FALSE;
  for (guint i = 0; i < mo->deposit_moves->len; i++)
    {
      const DepositMove *move = &g_array_index (mo->deposit_moves, DepositMove, i);

      rg_store_insert_int (moves, "id", ids[i]);
      rg_store_insert_int (moves, "client_id", CLIENT (g, move->client)->id);
      rg_store_insert_int (moves, "amount", move->amount);
      rg_store_insert_text_static (moves, "reason", move->reason == DEPOSIT_TOP_UP ? "top_up" : "payment");
      rg_store_insert_int (moves, "sale_id", mo->sale_ids[move->sale]);
      insert_opt_id (moves, "sale_line_id", move->line != NONE ? mo->line_ids[move->line] : 0);
      rg_store_insert_null (moves, "note");
      rg_store_insert_int (moves, "occurred_at", move->at);
      stamps (moves, move->at);
      if (!rg_store_insert_row (moves, error))
        return FALSE;
    }
  return rg_store_insert_finish (moves, error);
}

static gboolean
write_points (Gen      *g,
              GenMoney *mo,
              RgStore  *store,
              GError  **error)
{
  static const char * const reasons[] = {
    [POINTS_EARNED] = "earned", [POINTS_SPENT] = "spent", [POINTS_EARNED_BACK] = "earned_back",
    [POINTS_EXPIRED] = "expired", [POINTS_REFERRAL] = "referral",
  };
  g_autoptr(RgStoreInsert) moves = rg_store_insert_new (store, "points_moves", mo->points_moves->len, error);
  g_autofree guint32 *order = ledger_order (mo->points_moves, G_STRUCT_OFFSET (PointsMove, at),
                                            G_STRUCT_OFFSET (PointsMove, points));
  g_autofree gint64 *ids = sorted_ids (g, mo->points_moves->len);
  g_autofree gint64 *by_row = g_new (gint64, MAX (1u, mo->points_moves->len));

  if (moves == NULL)
    return FALSE;
  for (guint i = 0; i < mo->points_moves->len; i++)
    by_row[order[i]] = ids[i];
  for (guint i = 0; i < mo->points_moves->len; i++)
    {
      const PointsMove *move = POINTS_ROW (mo, order[i]);

      rg_store_insert_int (moves, "id", ids[i]);
      rg_store_insert_int (moves, "client_id", CLIENT (g, move->client)->id);
      rg_store_insert_int (moves, "points", move->points);
      rg_store_insert_text_static (moves, "reason", reasons[move->reason]);
      insert_opt_id (moves, "sale_id", move->sale != NONE ? mo->sale_ids[move->sale] : 0);
      insert_opt_id (moves, "expires_at", move->expires_at);
      insert_opt_id (moves, "lot_id", move->lot != NONE ? by_row[move->lot] : 0);
      rg_store_insert_int (moves, "occurred_at", move->at);
      stamps (moves, move->at);
      if (!rg_store_insert_row (moves, error))
        return FALSE;
    }
  return rg_store_insert_finish (moves, error);
}

static gboolean
write_referrals (Gen      *g,
                 GenMoney *mo,
                 RgStore  *store,
                 GError  **error)
{
  g_autoptr(RgStoreInsert) rows = rg_store_insert_new (store, "referral_rewards", mo->referrals->len, error);
  g_autofree gint64 *ids = sorted_ids (g, mo->referrals->len);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < mo->referrals->len; i++)
    {
      const Referral *r = &g_array_index (mo->referrals, Referral, i);

      rg_store_insert_int (rows, "id", ids[i]);
      rg_store_insert_int (rows, "client_id", CLIENT (g, r->client)->id);
      rg_store_insert_int (rows, "referrer_id", CLIENT (g, r->referrer)->id);
      rg_store_insert_int (rows, "sale_id", mo->sale_ids[r->sale]);
      rg_store_insert_text_static (rows, "reward", "points");
      rg_store_insert_int (rows, "referrer_amount", mo->referrer_points);
      rg_store_insert_int (rows, "client_amount", mo->newcomer_points);
      rg_store_insert_int (rows, "granted_at", r->at);
      stamps (rows, r->at);
      if (!rg_store_insert_row (rows, error))
        return FALSE;
    }
  return rg_store_insert_finish (rows, error);
}

/* The studio's loyalty settings, as the generator used them. */
static gboolean
write_settings (Gen      *g,
                GenMoney *mo,
                RgStore  *store,
                GError  **error)
{
  g_autofree char *referrer = g_strdup_printf ("%" G_GINT64_FORMAT, mo->referrer_points);
  g_autofree char *newcomer = g_strdup_printf ("%" G_GINT64_FORMAT, mo->newcomer_points);

  return rg_store_set_setting (store, "referral-referrer", referrer, error) &&
         rg_store_set_setting (store, "referral-newcomer", newcomer, error);
}

gboolean
gen_money_write (Gen      *g,
                 RgStore  *store,
                 GError  **error)
{
  GenMoney *mo = g->money;

  return write_tiers (g, mo, store, error) &&
         write_catalogue (g, mo, store, error) &&
         write_sales (g, mo, store, error) &&
         write_settings (g, mo, store, error) &&
         write_kinds (g, mo, store, error) &&
         write_subscriptions (g, mo, store, error) &&
         write_certificates (g, mo, store, error) &&
         write_deposits (g, mo, store, error) &&
         write_points (g, mo, store, error) &&
         write_referrals (g, mo, store, error) &&
         gen_stock_write (g, store, error);
}
