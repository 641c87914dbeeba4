/* rg-promotion.c — a promotion: a percentage off what it covers, for a
 * period.
 *
 * The period is two local days, YYYY-MM-DD, both included (the check-out
 * compares them with the sale's local day). The percentage is in basis
 * points, 1..10000; one above the studio's cap is kept as typed and cut to
 * the cap line by line at the till. What it covers: every service, every
 * product, or the ones chosen (rg_studio_save_promotion(), in
 * rg-money-settings.h, writes a promotion with its chosen items).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-promotion.h"
#include "util/rg-time.h"

struct _RgPromotion
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgPromotion, rg_promotion, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_PERCENT,
  PROP_ALL_SERVICES,
  PROP_ALL_PRODUCTS,
  PROP_ARCHIVED,
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
rg_promotion_prepare_save (RgRecord  *record,
                           RgStore   *store,
                           GError   **error)
{
  RgPromotion *self = RG_PROMOTION (record);
  g_autofree char *name = g_strdup (rg_promotion_get_name (self));
  int percent = rg_promotion_get_percent (self);
  RgDate starts, ends;

  if (name == NULL || *g_strstrip (name) == '\0')
    return refuse (error, _("Enter the name of the promotion."));
  if (!rg_date_from_iso (rg_promotion_get_starts_on (self), &starts))
    return refuse (error, _("Enter the first day of the promotion."));
  if (!rg_date_from_iso (rg_promotion_get_ends_on (self), &ends))
    return refuse (error, _("Enter the last day of the promotion."));
  if (rg_date_compare (ends, starts) < 0)
    return refuse (error, _("The promotion ends before it starts."));
  if (percent < 1 || percent > 10000)
    return refuse (error, _("A promotion takes off from 0.01 % to 100 %."));

  /* Stored as the check-out compares them: zero-padded. */
  {
    g_autofree char *from = rg_date_to_iso (starts);
    g_autofree char *to = rg_date_to_iso (ends);

    rg_record_set_string (record, PROP_STARTS_ON, from);
    rg_record_set_string (record, PROP_ENDS_ON, to);
  }
  rg_record_set_string (record, PROP_NAME, name);
  return TRUE;
}

static void
rg_promotion_class_init (RgPromotionClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  record_class->prepare_save = rg_promotion_prepare_save;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_STARTS_ON] = g_param_spec_string ("starts-on", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_ENDS_ON] = g_param_spec_string ("ends-on", NULL, NULL, NULL, RG_COLUMN);
  /* A wide range: out of bounds is refused by the save with a message. */
  properties[PROP_PERCENT] = g_param_spec_int ("percent", NULL, NULL, G_MININT, G_MAXINT, 0, RG_COLUMN);
  properties[PROP_ALL_SERVICES] = g_param_spec_boolean ("all-services", NULL, NULL, FALSE, RG_COLUMN);
  properties[PROP_ALL_PRODUCTS] = g_param_spec_boolean ("all-products", NULL, NULL, FALSE, RG_COLUMN);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, RG_COLUMN);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "promotions", FALSE);
}

static void
rg_promotion_init (RgPromotion *self)
{
}

/* @starts_on, @ends_on: local days, YYYY-MM-DD, both included;
 * @percent: basis points. */
RgPromotion *
rg_promotion_new (const char *name,
                  const char *starts_on,
                  const char *ends_on,
                  int         percent)
{
  return g_object_new (RG_TYPE_PROMOTION,
                       "name", name,
                       "starts-on", starts_on,
                       "ends-on", ends_on,
                       "percent", percent,
                       NULL);
}

const char *
rg_promotion_get_name (RgPromotion *self)
{
  g_return_val_if_fail (RG_IS_PROMOTION (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_NAME);
}

void
rg_promotion_set_name (RgPromotion *self,
                       const char  *name)
{
  g_return_if_fail (RG_IS_PROMOTION (self));
  rg_record_set_string (RG_RECORD (self), PROP_NAME, name);
}

const char *
rg_promotion_get_starts_on (RgPromotion *self)
{
  g_return_val_if_fail (RG_IS_PROMOTION (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_STARTS_ON);
}

void
rg_promotion_set_starts_on (RgPromotion *self,
                            const char  *starts_on)
{
  g_return_if_fail (RG_IS_PROMOTION (self));
  rg_record_set_string (RG_RECORD (self), PROP_STARTS_ON, starts_on);
}

const char *
rg_promotion_get_ends_on (RgPromotion *self)
{
  g_return_val_if_fail (RG_IS_PROMOTION (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_ENDS_ON);
}

void
rg_promotion_set_ends_on (RgPromotion *self,
                          const char  *ends_on)
{
  g_return_if_fail (RG_IS_PROMOTION (self));
  rg_record_set_string (RG_RECORD (self), PROP_ENDS_ON, ends_on);
}

int
rg_promotion_get_percent (RgPromotion *self)
{
  g_return_val_if_fail (RG_IS_PROMOTION (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_PERCENT);
}

void
rg_promotion_set_percent (RgPromotion *self,
                          int          percent)
{
  g_return_if_fail (RG_IS_PROMOTION (self));
  rg_record_set_int (RG_RECORD (self), PROP_PERCENT, percent);
}

gboolean
rg_promotion_get_all_services (RgPromotion *self)
{
  g_return_val_if_fail (RG_IS_PROMOTION (self), FALSE);
  return rg_record_get_boolean (RG_RECORD (self), PROP_ALL_SERVICES);
}

void
rg_promotion_set_all_services (RgPromotion *self,
                               gboolean     all_services)
{
  g_return_if_fail (RG_IS_PROMOTION (self));
  rg_record_set_boolean (RG_RECORD (self), PROP_ALL_SERVICES, all_services);
}

gboolean
rg_promotion_get_all_products (RgPromotion *self)
{
  g_return_val_if_fail (RG_IS_PROMOTION (self), FALSE);
  return rg_record_get_boolean (RG_RECORD (self), PROP_ALL_PRODUCTS);
}

void
rg_promotion_set_all_products (RgPromotion *self,
                               gboolean     all_products)
{
  g_return_if_fail (RG_IS_PROMOTION (self));
  rg_record_set_boolean (RG_RECORD (self), PROP_ALL_PRODUCTS, all_products);
}

gboolean
rg_promotion_get_archived (RgPromotion *self)
{
  g_return_val_if_fail (RG_IS_PROMOTION (self), FALSE);
  return rg_record_get_boolean (RG_RECORD (self), PROP_ARCHIVED);
}

/* An archived promotion applies no more; sales keep it. */
void
rg_promotion_set_archived (RgPromotion *self,
                           gboolean     archived)
{
  g_return_if_fail (RG_IS_PROMOTION (self));
  rg_record_set_boolean (RG_RECORD (self), PROP_ARCHIVED, archived);
}
