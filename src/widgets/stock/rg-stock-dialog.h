/* rg-stock-dialog.h — goods received, a count, a write-off: one dialog.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

typedef enum {
  RG_STOCK_DIALOG_RECEIVE,
  RG_STOCK_DIALOG_COUNT,
  RG_STOCK_DIALOG_WRITE_OFF,
} RgStockDialogMode;

#define RG_TYPE_STOCK_DIALOG (rg_stock_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgStockDialog, rg_stock_dialog, RG, STOCK_DIALOG, AdwMessageDialog)

/* @product_id: the item chosen first; 0: the first one. */
RgStockDialog *rg_stock_dialog_new      (GtkWindow          *parent,
                                         RgStudio           *studio,
                                         RgStockDialogMode   mode,
                                         gint64              product_id);
/* The fields, for tests: "quantity", "cost", "supplier", "date", "reason", "note". */
GtkEditable   *rg_stock_dialog_get_field (RgStockDialog     *self,
                                          const char        *name);
gboolean       rg_stock_dialog_select    (RgStockDialog     *self,
                                          gint64             product_id);
/* What the dialog's main button does; FALSE with @error on a refusal, the
 * fields kept. */
gboolean       rg_stock_dialog_apply     (RgStockDialog     *self,
                                          GError           **error);

G_END_DECLS
