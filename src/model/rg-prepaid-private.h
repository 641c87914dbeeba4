/* rg-prepaid-private.h — the till's side of the prepaid ledgers: what
 * rg-sale.c calls inside its transactions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-prepaid.h"
#include "rg-sale.h"
#include "store/rg-store.h"

G_BEGIN_DECLS

/* An instrument sold by a line: its name and its list price (a
 * subscription kind's price, a service certificate's service's price). */
gboolean rg_prepaid_read_item      (RgStore                *store,
                                    const RgSaleLineDraft  *line,
                                    char                  **name,
                                    gint64                 *list_price,
                                    GError                **error);

/* Checks the draft's prepaid payments and lines against the ledgers as
 * they stand at @sold_at (inside the caller's transaction) and fills the
 * quote's resolved payment amounts (@amounts, one per payment: a
 * subscription or a service certificate pays its line's price), money,
 * points_earned and points_limit. */
gboolean rg_prepaid_check          (RgStudio               *studio,
                                    RgStore                *store,
                                    const RgSaleDraft      *draft,
                                    RgSaleQuote            *quote,
                                    gint64                 *amounts,
                                    gint64                  sold_at,
                                    GError                **error);

/* What a sale earns in whole points: the studio's rate of what its
 * services and products were paid in money (@money: cash less the change,
 * card, transfer, deposit; @prepaid: what points, certificates and
 * subscriptions paid). */
gint64   rg_prepaid_points_earned  (RgStudio               *studio,
                                    const RgSaleQuote      *quote,
                                    gint64                  money,
                                    gint64                  prepaid);

/* Writes the ledgers' rows of a sale just written: instruments sold by
 * its lines (@line_ids, the lines' ids in the draft's order), the
 * prepaid payments, the points earned, a referral's reward. */
gboolean rg_prepaid_write_sale     (RgStudio               *studio,
                                    RgStore                *store,
                                    const RgSaleDraft      *draft,
                                    const RgSaleQuote      *quote,
                                    const gint64           *amounts,
                                    gint64                  sale_id,
                                    const gint64           *line_ids,
                                    gint64                  client_id,
                                    gint64                  sold_at,
                                    GError                **error);

/* A refund of @sale_id's lines written as @refund_id (its lines in place):
 * gives back to each ledger what those lines took from it, prepaid first,
 * with the refund's negative payments of those methods, and takes back
 * the instruments they sold and the points the sale earned on them.
 * @amount is what the lines come to; @money_left what is still to go back
 * in money. */
gboolean rg_prepaid_refund         (RgStudio               *studio,
                                    RgStore                *store,
                                    gint64                  sale_id,
                                    gint64                  refund_id,
                                    gint64                  amount,
                                    gint64                 *money_left,
                                    gint64                  now,
                                    GError                **error);

/* From rg-sale.c: a payment row, and a sale's header with its number. */
gboolean rg_sale_insert_payment    (RgStore                *store,
                                    gint64                  sale_id,
                                    RgPaymentMethod         method,
                                    gint64                  amount,
                                    const char             *reference,
                                    gint64                  now,
                                    GError                **error);
gboolean rg_sale_insert_header     (RgStore                *store,
                                    gint64                  sale_id,
                                    gint64                  client_id,
                                    const char             *reason,
                                    gint64                  now,
                                    gint64                 *number,
                                    GError                **error);

/* Writes off expired points of @client_id (0: every client). */
gboolean rg_prepaid_expire_points  (RgStore                *store,
                                    gint64                  client_id,
                                    gint64                  now,
                                    GError                **error);

G_END_DECLS
