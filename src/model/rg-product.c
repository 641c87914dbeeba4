/* rg-product.c — a product the studio sells at the desk, or a material its
 * services use.
 *
 * The price is what a client pays for one; the cost is what the studio paid
 * its supplier for one (the check-out warns when a discounted price does
 * not cover it); the commission is the seller's share of the price, in
 * basis points. Money is in minor units. A product once sold is archived,
 * not deleted: its sales keep it.
 *
 * A material (kind) is used in services and may cost the client nothing
 * (price 0). Stock is counted in the unit (pieces, millilitres, grams);
 * the minimum level is where the stock list asks to order more; the
 * supplier is whom to order from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-model-enums.h"
#include "rg-product.h"

struct _RgProduct
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgProduct, rg_product, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PRICE,
  PROP_COST,
  PROP_COMMISSION,
  PROP_POSITION,
  PROP_ARCHIVED,
  PROP_KIND,
  PROP_UNIT,
  PROP_MIN_LEVEL,
  PROP_SUPPLIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
rg_product_prepare_save (RgRecord  *record,
                         RgStore   *store,
                         GError   **error)
{
  RgProduct *self = RG_PRODUCT (record);
  g_autofree char *name = g_strdup (rg_product_get_name (self));
  gint64 price = rg_product_get_price (self);
  gint64 cost = rg_product_get_cost (self);
  int commission = rg_product_get_commission (self);
  gint64 min_level = rg_product_get_min_level (self);
  g_autofree char *supplier = g_strdup (rg_product_get_supplier (self));

  if (name == NULL || *g_strstrip (name) == '\0')
    return refuse (error, _("Enter the name of the product."));
  if (price < 0)
    return refuse (error, _("The price of a product cannot be negative."));
  if (price > RG_PRODUCT_MAX_MONEY)
    return refuse (error, _("The price of the product is too large."));
  if (cost < 0)
    return refuse (error, _("The purchase cost of a product cannot be negative."));
  if (cost > RG_PRODUCT_MAX_MONEY)
    return refuse (error, _("The purchase cost of the product is too large."));
  if (commission < 0 || commission > 10000)
    return refuse (error, _("The sales commission is a percentage from 0 to 100."));
  if (min_level < 0)
    return refuse (error, _("The minimum stock level cannot be negative."));
  if (min_level > RG_PRODUCT_MAX_LEVEL)
    return refuse (error, _("The minimum stock level is too large."));

  rg_record_set_string (record, PROP_NAME, name);
  if (supplier != NULL && *g_strstrip (supplier) == '\0')
    g_clear_pointer (&supplier, g_free);
  rg_record_set_string (record, PROP_SUPPLIER, supplier);
  return TRUE;
}

static void
rg_product_class_init (RgProductClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  record_class->prepare_save = rg_product_prepare_save;

  /* Wide ranges: a value out of bounds is refused by the save with a
   * message, not by GObject with a warning. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_PRICE] = g_param_spec_int64 ("price", NULL, NULL, G_MININT64, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_COST] = g_param_spec_int64 ("cost", NULL, NULL, G_MININT64, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_COMMISSION] = g_param_spec_int ("commission", NULL, NULL, G_MININT, G_MAXINT, 0, RG_COLUMN);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, RG_COLUMN);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, RG_COLUMN);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, RG_TYPE_PRODUCT_KIND, RG_PRODUCT_RETAIL, RG_COLUMN);
  properties[PROP_UNIT] = g_param_spec_enum ("unit", NULL, NULL, RG_TYPE_PRODUCT_UNIT, RG_UNIT_PIECES, RG_COLUMN);
  properties[PROP_MIN_LEVEL] = g_param_spec_int64 ("min-level", NULL, NULL, G_MININT64, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_SUPPLIER] = g_param_spec_string ("supplier", NULL, NULL, NULL, RG_COLUMN);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "products", FALSE);
}

static void
rg_product_init (RgProduct *self)
{
}

RgProduct *
rg_product_new (const char *name,
                gint64      price)
{
  return g_object_new (RG_TYPE_PRODUCT, "name", name, "price", price, NULL);
}

const char *
rg_product_get_name (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_NAME);
}

void
rg_product_set_name (RgProduct  *self,
                     const char *name)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_string (RG_RECORD (self), PROP_NAME, name);
}

gint64
rg_product_get_price (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_PRICE);
}

void
rg_product_set_price (RgProduct *self,
                      gint64     price)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_int64 (RG_RECORD (self), PROP_PRICE, price);
}

gint64
rg_product_get_cost (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_COST);
}

void
rg_product_set_cost (RgProduct *self,
                     gint64     cost)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_int64 (RG_RECORD (self), PROP_COST, cost);
}

int
rg_product_get_commission (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_COMMISSION);
}

/* @commission: the seller's share of the price, basis points 0..10000. */
void
rg_product_set_commission (RgProduct *self,
                           int        commission)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_int (RG_RECORD (self), PROP_COMMISSION, commission);
}

int
rg_product_get_position (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_POSITION);
}

void
rg_product_set_position (RgProduct *self,
                         int        position)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_int (RG_RECORD (self), PROP_POSITION, position);
}

gboolean
rg_product_get_archived (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), FALSE);
  return rg_record_get_boolean (RG_RECORD (self), PROP_ARCHIVED);
}

/* An archived product keeps its sales but is no longer offered. */
void
rg_product_set_archived (RgProduct *self,
                         gboolean   archived)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_boolean (RG_RECORD (self), PROP_ARCHIVED, archived);
}

RgProductKind
rg_product_get_kind (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), RG_PRODUCT_RETAIL);
  return rg_record_get_enum (RG_RECORD (self), PROP_KIND);
}

/* A material is used in services rather than sold. */
void
rg_product_set_kind (RgProduct     *self,
                     RgProductKind  kind)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_enum (RG_RECORD (self), PROP_KIND, kind);
}

RgProductUnit
rg_product_get_unit (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), RG_UNIT_PIECES);
  return rg_record_get_enum (RG_RECORD (self), PROP_UNIT);
}

void
rg_product_set_unit (RgProduct     *self,
                     RgProductUnit  unit)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_enum (RG_RECORD (self), PROP_UNIT, unit);
}

gint64
rg_product_get_min_level (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_MIN_LEVEL);
}

/* @min_level: in the product's unit; 0: never asked to order. */
void
rg_product_set_min_level (RgProduct *self,
                          gint64     min_level)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_int64 (RG_RECORD (self), PROP_MIN_LEVEL, min_level);
}

const char *
rg_product_get_supplier (RgProduct *self)
{
  g_return_val_if_fail (RG_IS_PRODUCT (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_SUPPLIER);
}

/* @supplier: whom it is ordered from; NULL or blank: not said. */
void
rg_product_set_supplier (RgProduct  *self,
                         const char *supplier)
{
  g_return_if_fail (RG_IS_PRODUCT (self));
  rg_record_set_string (RG_RECORD (self), PROP_SUPPLIER, supplier);
}
