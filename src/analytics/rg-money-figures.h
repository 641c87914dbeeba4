/* rg-money-figures.h — the money of a period: what was paid and how, the discounts
 * given, products and tips, and what the masters earned; and the payroll,
 * each master's lines with their sum. Read from the till's tables (sales,
 * sale_lines, payments) and the done visits; no GTK.
 *
 * Definitions (the report states them in words, rg-report-money.c):
 * - a visit counts in the period by its start, a payment by its paid_at,
 *   a sale's lines (discounts, products, tips, pay) by the sale's
 *   created_at; the period is local days, both included;
 * - revenue is the paid amount of done visits: appointments.price of a
 *   done visit is what was paid for its services, discounts and refunds
 *   taken off; products sold and tips are counted apart;
 * - a refund is a sale of its own with its lines negated and negative
 *   payments: every sum here is net of refunds;
 * - money taken in is what was paid in cash, by card, by transfer (or by
 *   a method not recorded, before the till); what was paid from a
 *   deposit, a certificate, a subscription or points is prepaid used, not
 *   money coming in;
 * - deposits topped up, certificates and subscriptions sold are counted
 *   by the lines of the sales made in the period, apart: they are money
 *   the studio owes until used, not revenue;
 * - the renewal rate: of the subscriptions that ran out in the period
 *   (their last visit used, or expired with visits left), the share whose
 *   client bought another after the first one's sale and at most 30 days
 *   after it ran out; one taken back by a refund neither runs out nor
 *   renews. The whole studio's, also with a master.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/rg-store.h"
#include "util/rg-time.h"

G_BEGIN_DECLS

typedef struct {
  RgDate  from;
  RgDate  to;
  gint64  staff_id;    /* 0: the whole studio */
} RgMoneyQuery;

typedef struct {
  char   *method;      /* the payments table's nick: cash, card, transfer, ... */
  gint64  amount;      /* refunds (negative) included */
} RgMoneyMethod;

typedef struct {
  gint64  staff_id;
  char   *name;
  gint64  pay;         /* refunds included */
} RgMoneyPay;

/* What the lines of one kind of instrument (deposit, certificate,
 * subscription) sold in a period. */
typedef struct {
  gint64  count;       /* lines sold, those taken back by a refund taken off */
  gint64  amount;      /* what was paid for them, likewise */
} RgMoneySold;

typedef struct {
  RgDate      from;
  RgDate      to;
  gint64      staff_id;
  gint64      visits;                /* done visits that started in the period */
  gint64      revenue;               /* the sum of their prices */
  gint64      average_check;         /* revenue / visits, rounded half up; 0 without visits */
  GPtrArray  *payments_by_method;    /* of RgMoneyMethod, in the till's order of methods */
  gint64      payments;              /* their sum */
  gint64      refunds;               /* the negative payments, as a positive amount */
  gint64      discount_promotion;    /* net of refunded lines */
  gint64      discount_card;
  gint64      discount_one_off;
  gint64      products_quantity;     /* units sold, net of units taken back */
  gint64      products_amount;       /* what was paid for them */
  gint64      tips;
  GPtrArray  *pay_by_staff;          /* of RgMoneyPay, in the staff's order */

  gint64      money_in;              /* payments in cash, by card, by transfer, not recorded */
  gint64      prepaid_used;          /* payments from a deposit, certificate, subscription, points */
  RgMoneySold deposits_sold;         /* deposits topped up */
  gint64      deposits_withdrawn;    /* deposits given back as money, a positive amount */
  RgMoneySold certificates_sold;
  RgMoneySold subscriptions_sold;
  gint64      subscriptions_ran_out; /* the renewal rate's denominator */
  gint64      subscriptions_renewed; /* and its numerator */
} RgMoneyFigures;

/* Whether a payment method's nick is a prepaid one (deposit, certificate,
 * subscription, points): not money coming in. */
gboolean        rg_money_method_is_prepaid (const char *method);

/* Everything in one read transaction on @store. NULL with @error set. */
RgMoneyFigures *rg_money_figures_compute (RgStore             *store,
                                          const RgMoneyQuery  *query,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void            rg_money_figures_free    (RgMoneyFigures      *money);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgMoneyFigures, rg_money_figures_free)

/* revenue / visits in whole minor units, half away from zero; 0 for no
 * visits. */
gint64          rg_money_figures_average (gint64 revenue,
                                          gint64 visits);

/* The payroll ------------------------------------------------------------- */

typedef struct {
  gint64  sale_id;
  gint64  sale_number;
  gint64  sold_at;       /* the sale's created_at, Unix seconds */
  char   *client;        /* NULL: a walk-in without a card */
  char   *kind;          /* "service", "product", "tip" */
  char   *item;          /* the service's or product's name; NULL for a tip or a line of no service */
  gint64  quantity;      /* negative on a refund */
  gint64  list;          /* list price × quantity: the line before its discount */
  gint64  discount;
  gint64  price;         /* list − discount: what was paid for it */
  gint64  pay;
  gboolean refund;       /* a line taken back: every amount negative */
} RgPayrollLine;

typedef struct {
  gint64      staff_id;
  char       *name;
  GPtrArray  *lines;     /* of RgPayrollLine, by time */
  gint64      list;      /* the sums of the lines */
  gint64      discount;
  gint64      price;
  gint64      pay;
} RgPayrollMaster;

typedef struct {
  RgDate      from;
  RgDate      to;
  gint64      staff_id;
  GPtrArray  *masters;   /* of RgPayrollMaster with lines, in the staff's order */
  gint64      pay;       /* every master's together */
} RgPayroll;

/* What a line is, for a person: "Manicure", "Tip", "Shampoo × 2", with
 * "(refund)" after a line taken back. */
char      *rg_payroll_line_describe (const RgPayrollLine *line) G_GNUC_WARN_UNUSED_RESULT;

/* The lines with a master of the sales created in the period, in one read
 * transaction. NULL with @error set. */
RgPayroll *rg_payroll_compute (RgStore             *store,
                               const RgMoneyQuery  *query,
                               GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void       rg_payroll_free    (RgPayroll           *payroll);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgPayroll, rg_payroll_free)

G_END_DECLS
