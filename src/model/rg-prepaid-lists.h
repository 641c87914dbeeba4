/* rg-prepaid-lists.h — the studio-wide lists of prepaid instruments: every
 * gift certificate with its balance and state (the Gift Certificates
 * window), and the subscriptions Today warns about (running out soon with
 * visits left, or expired unused lately).
 *
 * Reads only; balances are the sums of their ledgers (schema format 16).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

typedef enum {
  RG_CERTIFICATE_ACTIVE,    /* a balance left, not expired */
  RG_CERTIFICATE_USED,      /* nothing left */
  RG_CERTIFICATE_EXPIRED,   /* a balance left, past its expiry */
} RgCertificateState;

const char *rg_certificate_state_to_string (RgCertificateState state);   /* translated */

/* One certificate in the studio's list. */
typedef struct {
  gint64              id;
  char               *number;
  gint64              amount;       /* its face value, minor units */
  gint64              balance;      /* the sum of its ledger */
  gint64              service_id;   /* 0: an amount certificate */
  char               *service;      /* the service's name, NULL for an amount */
  gint64              buyer_id;     /* 0: bought without a card */
  char               *buyer;
  gint64              sold_at;
  gint64              expires_at;   /* exclusive, Unix seconds */
  RgCertificateState  state;        /* at the time asked */
} RgCertificateEntry;

void     rg_certificate_entry_clear        (RgCertificateEntry *entry);

/* Every certificate, newest sold first, with its state at @now; with
 * @number (not NULL nor empty) only those whose number contains it,
 * spaces, dashes and case ignored ("gc 000 123" finds "GC-000123"). An array of
 * RgCertificateEntry that clears its elements. */
GArray  *rg_studio_list_certificates       (RgStudio           *studio,
                                            const char         *number,
                                            gint64              now,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* A subscription Today lists. */
typedef struct {
  gint64    id;
  gint64    client_id;
  char     *client;       /* how the client is addressed */
  char     *name;
  gint64    visits;       /* bought */
  gint64    remaining;    /* visits left */
  gint64    expires_at;   /* exclusive, Unix seconds */
  gboolean  expired;      /* before @now: ran out unused */
} RgSubscriptionAlert;

void     rg_subscription_alert_clear       (RgSubscriptionAlert *alert);

/* The subscriptions with visits left that expire within @days days from
 * @now (soonest first), then those that expired in the 30 days before
 * @now with visits left (latest first); a deleted client's are left out.
 * An array of RgSubscriptionAlert that clears its elements. */
#define RG_SUBSCRIPTION_EXPIRED_DAYS 30
GArray  *rg_studio_list_subscription_alerts (RgStudio          *studio,
                                             gint64             now,
                                             int                days,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
