/* rg-low-stock.h — Today's "Low Stock": the items at or below their
 * minimum level, each opening the Stock window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_LOW_STOCK (rg_low_stock_get_type ())
G_DECLARE_FINAL_TYPE (RgLowStock, rg_low_stock, RG, LOW_STOCK, GtkBox)

GtkWidget *rg_low_stock_new        (void);
void       rg_low_stock_set_studio (RgLowStock *self,
                                    RgStudio   *studio);
/* The items listed (all of them, also those behind "N more"). */
guint      rg_low_stock_get_count  (RgLowStock *self);

G_END_DECLS
