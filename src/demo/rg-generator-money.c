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
} Pending;

typedef struct {
  gint64  at;
  guint32 index;              /* an appointment, or a walk-in's number */
  guint8  walk_in;
} Event;

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

  sale->first_payment = mo->payments->len;
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
  sale->n_payments = (guint8) n;
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
          Pending p = { at, NONE, 0, line.item, -line.quantity };

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
      Pending p = { at, r.client, spend, NONE, 0 };

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
  gint64 total = 0, spend = 0;
  Appt *a = NULL;

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

  index = mo->sales->len;
  store_lines (mo, &sale, drafts, n);
  for (guint i = 0; i < n; i++)
    if (drafts[i].price.kind == RG_SALE_LINE_PRODUCT)
      add_move (mo, (guint) drafts[i].item, -drafts[i].price.quantity, MOVE_SALE,
                (gint32) (sale.first_line + i), ev->at);
  pay (mo, &sale, total);
  g_array_append_val (mo->sales, sale);

  /* A few come back: a product brought back within two weeks, an add-on
   * that was not done, a walk-in's purchase. */
  if (n > n_services && drafts[n_services].price.kind == RG_SALE_LINE_PRODUCT &&
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
};

static const char * const line_kind_nicks[] = {
  [RG_SALE_LINE_SERVICE] = "service",
  [RG_SALE_LINE_PRODUCT] = "product",
  [RG_SALE_LINE_TIP] = "tip",
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
  g_autofree gint64 *by_sale = g_new (gint64, MAX (1u, mo->sales->len));
  g_autofree gint64 *by_line = g_new (gint64, MAX (1u, mo->lines->len));
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

gboolean
gen_money_write (Gen      *g,
                 RgStore  *store,
                 GError  **error)
{
  GenMoney *mo = g->money;

  return write_tiers (g, mo, store, error) &&
         write_catalogue (g, mo, store, error) &&
         write_sales (g, mo, store, error) &&
         gen_stock_write (g, store, error);
}
