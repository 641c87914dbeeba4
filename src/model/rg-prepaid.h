/* rg-prepaid.h — prepaid and rewards: a client's deposit, subscriptions,
 * gift certificates, bonus points and referral rewards.
 *
 * Every instrument is a ledger (schema format 16): a balance is the sum of
 * its rows, each with its reason. They change only inside the till's
 * commands (rg-sale.h), in the check-out's or the refund's transaction:
 * - sold by a sale line: RG_SALE_LINE_DEPOSIT (a top-up: list_price is the
 *   amount, a client is needed), RG_SALE_LINE_SUBSCRIPTION (item_id is the
 *   subscription kind; list_price -1 takes the kind's price),
 *   RG_SALE_LINE_CERTIFICATE (item_id 0 and list_price the amount, or
 *   item_id a service and list_price -1 its price today; the line's
 *   reference is the number, NULL for the next free one);
 * - spent by a payment: RG_PAYMENT_DEPOSIT and RG_PAYMENT_POINTS (the
 *   sale's client's), RG_PAYMENT_CERTIFICATE (instrument_id the
 *   certificate, anyone's), RG_PAYMENT_SUBSCRIPTION (instrument_id the
 *   subscription, line the service line it pays: one visit);
 * - a refund gives back to each ledger what the refunded lines took from
 *   it and takes back what they gave (points earned, a deposit topped up,
 *   a certificate or subscription sold).
 * Points are earned on what a sale's services and products were paid in
 * money (cash, card, transfer, deposit), never on points, certificates,
 * subscriptions, tips or instruments sold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

/* A subscription a client holds. */
typedef struct {
  gint64   id;
  gint64   kind_id;          /* 0: its kind was deleted */
  char    *name;
  gint64   client_id;
  char    *client;           /* the client's name */
  gint64   visits;           /* bought */
  gint64   remaining;        /* the sum of its ledger */
  gint64   price;            /* what was paid for it */
  gint64   sold_at;
  gint64   expires_at;       /* exclusive, Unix seconds; 0: runs from its first use, not used yet */
  int      valid_days;
  gboolean from_first_use;
  GArray  *service_ids;      /* of gint64: the services it covers */
  char    *services;         /* their names, "Manicure, Pedicure" */
} RgSubscription;

void rg_subscription_clear (RgSubscription *subscription);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RgSubscription, rg_subscription_clear)

/* A gift certificate. */
typedef struct {
  gint64   id;
  char    *number;
  gint64   amount;           /* its face value */
  gint64   balance;          /* the sum of its ledger */
  gint64   service_id;       /* 0: an amount certificate */
  char    *service;
  gint64   buyer_id;         /* 0: bought without a card */
  char    *buyer;
  gint64   sold_at;
  gint64   expires_at;       /* exclusive, Unix seconds */
} RgCertificate;

void rg_certificate_clear (RgCertificate *certificate);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RgCertificate, rg_certificate_clear)

/* What a client holds, read in one transaction. */
typedef struct {
  gint64      deposit;             /* minor units */
  gint64      points;              /* whole points */
  gint64      point_value;         /* minor units a point is worth */
  gint64      points_expiring;     /* points that expire within 30 days */
  gint64      points_expiring_at;  /* the first of those expiries; 0: none */
  GArray     *subscriptions;       /* of RgSubscription: with visits left and not expired, soonest to expire first */
  GArray     *certificates;        /* of RgCertificate: bought by the client, with a balance and not expired */
  GArray     *reward_discounts;    /* of RgRewardDiscount: not used yet */
  gint64      referred_by_id;      /* 0: none */
  gint64      referral_granted_at; /* the referral reward of this client's own first visit; 0: not yet */
} RgClientBalances;

typedef struct {
  gint64  id;
  int     percent;                 /* basis points */
} RgRewardDiscount;

RgClientBalances *rg_studio_read_balances   (RgStudio          *studio,
                                             gint64             client_id,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;
void              rg_client_balances_free   (RgClientBalances  *balances);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgClientBalances, rg_client_balances_free)

/* Finds a certificate by the number on it (spaces and case ignored).
 * FALSE with RG_STORE_ERROR_NOT_FOUND when no certificate has it. An
 * expired or used one is found: the caller shows why it cannot pay. */
gboolean rg_studio_find_certificate         (RgStudio          *studio,
                                             const char        *number,
                                             RgCertificate     *certificate,
                                             GError           **error);
gboolean rg_studio_read_certificate         (RgStudio          *studio,
                                             gint64             certificate_id,
                                             RgCertificate     *certificate,
                                             GError           **error);
gboolean rg_studio_read_subscription        (RgStudio          *studio,
                                             gint64             subscription_id,
                                             RgSubscription    *subscription,
                                             GError           **error);
/* A client's subscriptions, all of them (used up and expired too), newest first. */
GArray  *rg_studio_list_client_subscriptions (RgStudio         *studio,
                                              gint64            client_id,
                                              GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* The certificates a client bought or paid with, newest first. */
GArray  *rg_studio_list_client_certificates (RgStudio          *studio,
                                             gint64             client_id,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* Ledgers ------------------------------------------------------------------ */

typedef enum {
  RG_LEDGER_DEPOSIT,        /* owner: the client; minor units */
  RG_LEDGER_POINTS,         /* owner: the client; whole points */
  RG_LEDGER_SUBSCRIPTION,   /* owner: the subscription; visits */
  RG_LEDGER_CERTIFICATE,    /* owner: the certificate; minor units */
} RgLedger;

typedef struct {
  gint64  id;
  gint64  at;
  gint64  amount;           /* signed, in the ledger's unit */
  gint64  balance;          /* after this row */
  char   *reason;           /* the ledger's nick: top_up, payment, earned, use, ... */
  char   *label;            /* the reason in words, translated */
  gint64  sale_id;          /* 0: none */
  gint64  sale_number;
  char   *note;             /* NULL: none */
} RgLedgerRow;

/* The ledger's rows, oldest first, each with the balance after it. */
GArray  *rg_studio_read_ledger              (RgStudio          *studio,
                                             RgLedger           ledger,
                                             gint64             owner_id,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;
const char *rg_ledger_reason_to_string      (RgLedger           ledger,
                                             const char        *reason);  /* translated */

/* Commands ----------------------------------------------------------------- */

/* Gives a client's deposit back as money (@method cash, card or
 * transfer): a sale of one negative deposit line and a negative payment.
 * Refused: more than the balance, no reason. */
gboolean rg_studio_withdraw_deposit         (RgStudio          *studio,
                                             gint64             client_id,
                                             gint64             amount,
                                             int                method,    /* an RgPaymentMethod */
                                             const char        *reason,
                                             gint64            *sale_id,
                                             GError           **error);

/* Corrects a client's points by @points (signed), with a note. Refused:
 * below zero, no note. */
gboolean rg_studio_correct_points           (RgStudio          *studio,
                                             gint64             client_id,
                                             gint64             points,
                                             const char        *note,
                                             GError           **error);

/* Writes off the unspent rest of every lot of points that expired
 * before @now: one row per lot, dated at its expiry. Run when a studio
 * opens and before points pay; idempotent. */
gboolean rg_studio_expire_points            (RgStudio          *studio,
                                             gint64             now,
                                             GError           **error);

/* The next free certificate number ("GC-000123"). */
char    *rg_studio_next_certificate_number  (RgStudio          *studio,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* Subscription kinds --------------------------------------------------------- */

typedef struct {
  gint64   id;               /* 0: new */
  char    *name;
  gint64   visits;
  int      valid_days;
  gboolean from_first_use;
  gint64   price;
  gboolean archived;
  GArray  *service_ids;      /* of gint64 */
} RgSubscriptionKind;

void     rg_subscription_kind_clear         (RgSubscriptionKind *kind);
/* The studio's kinds, in their order (archived ones with @archived). */
GArray  *rg_studio_list_subscription_kinds  (RgStudio           *studio,
                                             gboolean            archived,
                                             GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Saves @kind (a new one gets its id); sold subscriptions keep their terms. */
gboolean rg_studio_save_subscription_kind   (RgStudio           *studio,
                                             RgSubscriptionKind *kind,
                                             GError            **error);

G_END_DECLS
