/* rg-report-liabilities.h — what the studio owes on a day as text and
 * JSON for `regulars --report liabilities`, each figure with what it
 * counts in words (the window shows the same words).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "analytics/rg-liabilities.h"

G_BEGIN_DECLS

typedef enum {
  RG_LIABILITY_DEPOSITS,
  RG_LIABILITY_CERTIFICATES,
  RG_LIABILITY_SUBSCRIPTIONS,
  RG_LIABILITY_POINTS,
  RG_LIABILITY_TOTAL,
  RG_N_LIABILITIES
} RgLiability;

const char *rg_liability_label      (RgLiability liability);   /* translated: "Deposits" */
const char *rg_liability_definition (RgLiability liability);   /* translated: what it counts */
/* How many it counts, in words: "3 clients", "4 subscriptions, 17 visits"
 * (translated; NULL for the total). */
char       *rg_liability_counts     (const RgLiabilities *liabilities,
                                     RgLiability          liability) G_GNUC_WARN_UNUSED_RESULT;
gint64      rg_liability_amount     (const RgLiabilities *liabilities,
                                     RgLiability          liability);

char *rg_report_liabilities_text (const RgLiabilities *liabilities) G_GNUC_WARN_UNUSED_RESULT;
char *rg_report_liabilities_json (const RgLiabilities *liabilities) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
