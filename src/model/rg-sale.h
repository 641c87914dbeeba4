/* rg-sale.h — the till: checking a visit out, a sale without a visit,
 * refunds, and what a sale looks like on its receipt.
 *
 * Each command checks and writes in one transaction through the store;
 * nothing of a refused sale is written.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "rg-pricing.h"
#include "rg-studio.h"

G_BEGIN_DECLS

typedef enum {
  RG_PAYMENT_CASH,
  RG_PAYMENT_CARD,
  RG_PAYMENT_TRANSFER,
  /* The prepaid methods the loyalty issue brings; the table takes them. */
  RG_PAYMENT_DEPOSIT,
  RG_PAYMENT_SUBSCRIPTION,
  RG_PAYMENT_CERTIFICATE,
  RG_PAYMENT_POINTS,
  /* Visits done before the studio took money in Regulars. */
  RG_PAYMENT_UNRECORDED,
  RG_N_PAYMENT_METHODS
} RgPaymentMethod;

const char *rg_payment_method_to_nick   (RgPaymentMethod method);
gboolean    rg_payment_method_from_nick (const char      *nick,
                                         RgPaymentMethod *method);
const char *rg_payment_method_to_string (RgPaymentMethod method);  /* translated */
const char *rg_sale_line_kind_to_nick   (RgSaleLineKind  kind);

/* One line as the desk enters it. */
typedef struct {
  RgSaleLineKind  kind;
  gint64          item_id;         /* the service or product; 0 for a tip, or a service line of no service */
  gint64          staff_id;        /* the master; 0: none (a product sold by the desk) */
  gint64          quantity;
  gint64          list_price;      /* per unit; -1: the item's own price */
  int             one_off;         /* basis points */
  gint64          one_off_amount;
  char           *one_off_reason;
  char           *reference;       /* a certificate sold: its number; NULL: the next free one */
} RgSaleLineDraft;

typedef struct {
  RgPaymentMethod method;
  gint64          amount;          /* what the client hands over by this method (points: their value) */
  gint64          instrument_id;   /* the certificate or subscription paying; 0 otherwise */
  int             line;            /* a subscription: the index of the service line it pays */
} RgPaymentDraft;

/* A sale being made: the lines, the sale's one-off discount and the
 * payments. */
typedef struct {
  gint64   client_id;              /* 0: an anonymous walk-in */
  gint64   appointment_id;         /* 0: a sale without a visit */
  GArray  *lines;                  /* of RgSaleLineDraft */
  GArray  *payments;               /* of RgPaymentDraft */
  int      one_off;                /* on the whole sale, basis points */
  gint64   one_off_amount;
  char    *one_off_reason;
  gint64   reward_discount_id;     /* a reward's one-off discount taken on the whole sale; 0: none */
  gint64   sold_at;                /* 0: now */
} RgSaleDraft;

RgSaleDraft *rg_sale_draft_new            (gint64              client_id,
                                           gint64              appointment_id);
void         rg_sale_draft_free           (RgSaleDraft        *draft);
void         rg_sale_draft_add_line       (RgSaleDraft        *draft,
                                           RgSaleLineKind      kind,
                                           gint64              item_id,
                                           gint64              staff_id,
                                           gint64              quantity,
                                           gint64              list_price);
RgSaleLineDraft *rg_sale_draft_get_line   (RgSaleDraft        *draft,
                                           guint               index);
void         rg_sale_draft_add_payment    (RgSaleDraft        *draft,
                                           RgPaymentMethod     method,
                                           gint64              amount);
/* A payment from a certificate or a subscription (@line: the service
 * line a subscription's visit pays). */
void         rg_sale_draft_add_instrument (RgSaleDraft        *draft,
                                           RgPaymentMethod     method,
                                           gint64              amount,
                                           gint64              instrument_id,
                                           int                 line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgSaleDraft, rg_sale_draft_free)

/* A visit's draft: its client, its services at their booked prices with
 * its master. */
RgSaleDraft *rg_studio_draft_check_out    (RgStudio           *studio,
                                           gint64              appointment_id,
                                           GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* What a draft comes to, line by line, as it would be written. */
typedef struct {
  RgPriceLine  *lines;             /* n_lines, in the draft's order */
  gint64       *promotion_ids;     /* by line: the promotion that applies, or 0 */
  char        **names;             /* each line's item, its master */
  char        **masters;
  guint         n_lines;
  gint64        total;             /* what is due */
  gint64        paid;              /* the payments together */
  gint64        change;            /* cash handed back */
  gint64        still_due;         /* what the payments do not cover yet */
  int           card;              /* the client's tier, basis points (0: none) */
  char         *card_name;         /* NULL: none */
  gint64        spend;             /* the client's paid spend so far */
  char         *next_tier_name;    /* NULL: at the top, or no tiers */
  gint64        to_next_tier;
  int           cap;
  gboolean      pay_after_discount;
  gint64        money;             /* paid in money (cash less the change, card, transfer, deposit) */
  gint64        points_earned;     /* what the sale earns, whole points */
  gint64        points_limit;      /* the most points may pay of it, minor units */
  gint64       *payment_amounts;   /* by payment: what it pays (a subscription's visit or a service
                                    * certificate pays its line's price, whatever the draft says) */
  guint         n_payments;
} RgSaleQuote;

RgSaleQuote *rg_studio_quote_sale         (RgStudio           *studio,
                                           const RgSaleDraft  *draft,
                                           GError            **error) G_GNUC_WARN_UNUSED_RESULT;
void         rg_sale_quote_free           (RgSaleQuote        *quote);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgSaleQuote, rg_sale_quote_free)

/* Whether the signed-in role may not give @draft's discounts by itself: a
 * discount given by hand on a line above rg_role_discount_limit(), or one
 * the margin check warns about (the price below the cost). @why receives
 * the refusal's message ("A discount of 15 % needs a director’s approval:
 * an administrator may give up to 10 %."). A director's discounts, and a
 * studio without profiles, need none. For the till: ask for a director's
 * PIN (rg_studio_grant_override) before rg_studio_check_out, which
 * refuses such a sale with RG_STORE_ERROR_DENIED without an approval, and
 * takes the approval and writes RG_AUDIT_OVERRIDE with one. */
gboolean     rg_studio_sale_needs_approval (RgStudio          *studio,
                                           const RgSaleDraft  *draft,
                                           char              **why);

/* Writes the sale, its lines, payments and stock moves; a visit's services
 * take the sale's lines at what was paid for them and the visit becomes
 * done. Refused (and nothing written): a cancelled or no-show visit, one
 * checked out already, a discount above the cap, payments by card or
 * transfer above what is due, payments short of it. */
gboolean     rg_studio_check_out          (RgStudio           *studio,
                                           const RgSaleDraft  *draft,
                                           gint64             *sale_id,
                                           GError            **error);

/* Takes back @line_ids of sale @sale_id (all its lines not refunded yet
 * when @n_lines is 0), paid back by @method: a refund sale with the lines
 * negated, a negative payment, the products back in stock, the visit's
 * services at what is left paid; with @set_back the visit is no longer
 * done (it becomes "arrived"). Refused: no reason, a line refunded
 * already, more back by @method than was paid by it. */
gboolean     rg_studio_refund             (RgStudio           *studio,
                                           gint64              sale_id,
                                           const gint64       *line_ids,
                                           guint               n_lines,
                                           const char         *reason,
                                           RgPaymentMethod     method,
                                           gboolean            set_back,
                                           gint64             *refund_id,
                                           GError            **error);

/* The sale of a visit that is done without a check-out (the status set to
 * done by a script, an import of past visits): paid in full at its price,
 * by a method not recorded. Inside the caller's transaction; nothing when
 * the visit has a sale. */
gboolean     rg_sale_write_in_full        (RgStore            *store,
                                           gint64              appointment_id,
                                           gint64              paid_at,
                                           GError            **error);

/* The client's cumulative card: their paid spend (tips apart, refunds
 * taken off), the tier it reaches and what is left to the next one. */
typedef struct {
  gint64  spend;
  char   *tier;             /* NULL: none yet */
  int     percent;
  char   *next_tier;        /* NULL: at the top, or no tiers */
  gint64  to_next_tier;
} RgClientCardTier;

gboolean     rg_studio_read_card_tier     (RgStudio           *studio,
                                           gint64              client_id,
                                           RgClientCardTier   *tier,
                                           GError            **error);
void         rg_client_card_tier_clear    (RgClientCardTier   *tier);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RgClientCardTier, rg_client_card_tier_clear)

/* The visits of @day still to be checked out (booked, confirmed or arrived),
 * in time order: the desk's list on Today. */
typedef struct {
  gint64               appointment_id;
  gint64               client_id;
  gint64               starts_at;
  char                *client;
  char                *master;
  char                *services;     /* "Manicure, Pedicure"; NULL: none */
  char                *status;       /* translated */
  gboolean             arrived;
} RgOpenVisit;

GArray      *rg_studio_list_open_visits   (RgStudio           *studio,
                                           RgDate              day,
                                           GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* The receipt ------------------------------------------------------------- */

typedef struct {
  RgSaleLineKind  kind;
  gint64          id;
  char           *name;            /* the service or product ("Tip") */
  char           *master;          /* NULL: none */
  gint64          quantity;
  gint64          list_price;      /* per unit */
  gint64          discount;
  gint64          price;           /* the line's sum */
  gint64          pay;
  gboolean        refunded;        /* taken back by a later refund */
  char           *reference;       /* a certificate sold: its number; a subscription: its name; NULL: none */
} RgReceiptLine;

typedef struct {
  RgPaymentMethod method;
  gint64          amount;
  gint64          tendered;        /* cash handed over; 0: not cash */
  char           *label;           /* the method in words, with the certificate or subscription it names */
  char           *reference;       /* the certificate's number, the subscription's name; NULL: none */
} RgReceiptPayment;

typedef struct {
  gint64            id;
  gint64            number;
  gboolean          refund;        /* a refund's receipt */
  gint64            refund_of_number;
  char             *reason;        /* a refund's */
  gint64            sold_at;
  gint64            client_id;
  char             *client;        /* NULL: a walk-in */
  char             *client_phone;
  gint64            appointment_id;
  char             *studio_name;
  char             *studio_address;
  char             *tax_number;
  RgReceiptLine    *lines;
  guint             n_lines;
  RgReceiptPayment *payments;
  guint             n_payments;
  gint64            total;
  gint64            discount;      /* the lines' discounts together */
  gint64            change;
} RgReceipt;

RgReceipt   *rg_studio_read_receipt       (RgStudio           *studio,
                                           gint64              sale_id,
                                           GError            **error) G_GNUC_WARN_UNUSED_RESULT;
void         rg_receipt_free              (RgReceipt          *receipt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgReceipt, rg_receipt_free)

/* A client's sales and refunds, newest first. */
typedef struct {
  gint64   id;
  gint64   number;
  gboolean refund;
  gint64   sold_at;
  gint64   total;
  gint64   appointment_id;
  gboolean refunded;               /* a sale all of whose lines were taken back */
} RgSaleSummary;

GArray      *rg_studio_list_client_sales  (RgStudio           *studio,
                                           gint64              client_id,
                                           GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Whether the client has a sale or a refund (a receipt to show). */
gboolean     rg_studio_client_has_sales   (RgStudio           *studio,
                                           gint64              client_id);
/* The sale of a visit that was not refunded whole, or 0. */
gint64       rg_studio_find_visit_sale    (RgStudio           *studio,
                                           gint64              appointment_id,
                                           GError            **error);

G_END_DECLS
