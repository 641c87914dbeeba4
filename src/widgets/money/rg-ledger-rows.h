/* rg-ledger-rows.h — one ledger of a prepaid instrument (a deposit,
 * points, a subscription, a gift certificate) as rows of an expander:
 * the date, the reason in words, the amount, the balance after it, and
 * the receipt's number. Shared by the client card and the Gift
 * Certificates window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-prepaid.h"

G_BEGIN_DECLS

/* An amount of @ledger's unit as shown: money, points or visits; with
 * @sign a "+" before what comes in. */
char    *rg_ledger_format_amount   (RgLedger         ledger,
                                    gint64           amount,
                                    gboolean         sign) G_GNUC_WARN_UNUSED_RESULT;

/* Makes @row an expander whose rows are @owner_id's @ledger, newest first,
 * read when it opens (again at each opening) and dropped when it closes. */
void     rg_ledger_rows_attach     (AdwExpanderRow  *row,
                                    RgStudio        *studio,
                                    RgLedger         ledger,
                                    gint64           owner_id);

/* Reads the ledger into the expander again if it is open (after a change). */
void     rg_ledger_rows_refresh    (AdwExpanderRow  *row);

G_END_DECLS
