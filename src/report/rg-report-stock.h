/* rg-report-stock.h — the stock list as text and JSON for
 * `regulars --report stock [--as-of YYYY-MM-DD] [--json]`.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "util/rg-time.h"

G_BEGIN_DECLS

/* @items: a GArray of RgStockItem (model/rg-stock.h), as of @as_of. */
char *rg_report_stock_text (GArray *items,
                            RgDate  as_of) G_GNUC_WARN_UNUSED_RESULT;
char *rg_report_stock_json (GArray *items,
                            RgDate  as_of) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
