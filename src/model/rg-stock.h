/* rg-stock.h — products and materials in stock: goods received, counts,
 * write-offs, the materials each service uses. Stock is the sum of an
 * item's moves (stock_moves), never a number kept.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/rg-store.h"

G_BEGIN_DECLS

/* Inside the caller's transaction ------------------------------------------ */

/* Writes off the materials of sale @sale_id's service lines (each
 * service's materials times the line's quantity), once per line. */
gboolean rg_stock_use_materials        (RgStore  *store,
                                        gint64    sale_id,
                                        gint64    now,
                                        GError  **error);
/* Puts back what refund @refund_id's service lines had written off. */
gboolean rg_stock_return_materials     (RgStore  *store,
                                        gint64    refund_id,
                                        gint64    now,
                                        GError  **error);
/* What one service's materials cost the studio: each material's
 * quantity at its average purchase cost (its receipts' cost over their
 * quantity; the item's own cost where nothing was received), rounded
 * half up, in minor units. */
gboolean rg_stock_service_materials_cost (RgStore  *store,
                                          gint64    service_id,
                                          gint64   *cost,
                                          GError  **error);

G_END_DECLS
