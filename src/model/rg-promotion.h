/* rg-promotion.h — a promotion: a percentage off the services and products
 * it covers, for a period of local days.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-record.h"

G_BEGIN_DECLS

#define RG_TYPE_PROMOTION (rg_promotion_get_type ())
G_DECLARE_FINAL_TYPE (RgPromotion, rg_promotion, RG, PROMOTION, RgRecord)

RgPromotion *rg_promotion_new              (const char  *name,
                                            const char  *starts_on,
                                            const char  *ends_on,
                                            int          percent) G_GNUC_WARN_UNUSED_RESULT;
const char  *rg_promotion_get_name         (RgPromotion *self);
void         rg_promotion_set_name         (RgPromotion *self,
                                            const char  *name);
const char  *rg_promotion_get_starts_on    (RgPromotion *self);
void         rg_promotion_set_starts_on    (RgPromotion *self,
                                            const char  *starts_on);
const char  *rg_promotion_get_ends_on      (RgPromotion *self);
void         rg_promotion_set_ends_on      (RgPromotion *self,
                                            const char  *ends_on);
int          rg_promotion_get_percent      (RgPromotion *self);
void         rg_promotion_set_percent      (RgPromotion *self,
                                            int          percent);
gboolean     rg_promotion_get_all_services (RgPromotion *self);
void         rg_promotion_set_all_services (RgPromotion *self,
                                            gboolean     all_services);
gboolean     rg_promotion_get_all_products (RgPromotion *self);
void         rg_promotion_set_all_products (RgPromotion *self,
                                            gboolean     all_products);
gboolean     rg_promotion_get_archived     (RgPromotion *self);
void         rg_promotion_set_archived     (RgPromotion *self,
                                            gboolean     archived);

G_END_DECLS
