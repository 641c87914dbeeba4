/* rg-stock-window.h — the studio's stock: what is on hand, what to order,
 * each item's ledger; goods received, counts and write-offs.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"
#include "rg-stock-dialog.h"

G_BEGIN_DECLS

#define RG_TYPE_STOCK_WINDOW (rg_stock_window_get_type ())
G_DECLARE_FINAL_TYPE (RgStockWindow, rg_stock_window, RG, STOCK_WINDOW, AdwWindow)

RgStockWindow *rg_stock_window_new          (GtkWindow         *parent,
                                             RgStudio          *studio);
/* Opens the item's ledger; 0 goes back to the list. */
void           rg_stock_window_show_item    (RgStockWindow     *self,
                                             gint64             product_id);
/* The item whose ledger shows; 0: the list. */
gint64         rg_stock_window_get_item     (RgStockWindow     *self);
/* Presents the dialog for the item shown (or the first) and returns it. */
RgStockDialog *rg_stock_window_open_dialog  (RgStockWindow     *self,
                                             RgStockDialogMode  mode);
void           rg_stock_window_set_search   (RgStockWindow     *self,
                                             const char        *text);
/* For tests: the on-hand text of an item's row ("480 ml"); NULL: no row. */
const char    *rg_stock_window_get_on_hand  (RgStockWindow     *self,
                                             gint64             product_id);
guint          rg_stock_window_count_visible (RgStockWindow    *self);

G_END_DECLS
