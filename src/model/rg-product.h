/* rg-product.h — a product the studio sells at the desk, or a material
 * its services use (dye, gel, wax).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-enums.h"
#include "rg-record.h"

G_BEGIN_DECLS

/* No minimum level is more than a million of the item's units. */
#define RG_PRODUCT_MAX_LEVEL G_GINT64_CONSTANT (1000000)

/* No price or cost is more: 100,000,000.00 (the till's RG_PRICING_MAX_PRICE). */
#define RG_PRODUCT_MAX_MONEY G_GINT64_CONSTANT (10000000000)

#define RG_TYPE_PRODUCT (rg_product_get_type ())
G_DECLARE_FINAL_TYPE (RgProduct, rg_product, RG, PRODUCT, RgRecord)

RgProduct   *rg_product_new            (const char *name,
                                        gint64      price) G_GNUC_WARN_UNUSED_RESULT;
const char  *rg_product_get_name       (RgProduct  *self);
void         rg_product_set_name       (RgProduct  *self,
                                        const char *name);
gint64       rg_product_get_price      (RgProduct  *self);
void         rg_product_set_price      (RgProduct  *self,
                                        gint64      price);
gint64       rg_product_get_cost       (RgProduct  *self);
void         rg_product_set_cost       (RgProduct  *self,
                                        gint64      cost);
int          rg_product_get_commission (RgProduct  *self);
void         rg_product_set_commission (RgProduct  *self,
                                        int         commission);
int          rg_product_get_position   (RgProduct  *self);
void         rg_product_set_position   (RgProduct  *self,
                                        int         position);
gboolean     rg_product_get_archived   (RgProduct  *self);
void         rg_product_set_archived   (RgProduct  *self,
                                        gboolean    archived);
RgProductKind rg_product_get_kind      (RgProduct  *self);
void         rg_product_set_kind       (RgProduct  *self,
                                        RgProductKind kind);
RgProductUnit rg_product_get_unit      (RgProduct  *self);
void         rg_product_set_unit       (RgProduct  *self,
                                        RgProductUnit unit);
gint64       rg_product_get_min_level  (RgProduct  *self);
void         rg_product_set_min_level  (RgProduct  *self,
                                        gint64      min_level);
const char  *rg_product_get_supplier   (RgProduct  *self);
void         rg_product_set_supplier   (RgProduct  *self,
                                        const char *supplier);

G_END_DECLS
