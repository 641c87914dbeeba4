/* rg-money-settings.h — what the till reads from the studio: the card's
 * tiers, the masters' own rates for services, the promotions' items.
 * Each command checks and writes in one transaction.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-promotion.h"
#include "rg-studio.h"

G_BEGIN_DECLS

/* A tier of the cumulative card: a client whose paid spend has reached
 * @threshold (minor units) takes @percent (basis points) off. */
typedef struct {
  char   *name;
  gint64  threshold;
  int     percent;
} RgCardTier;

/* A master's own rate for one service, basis points. */
typedef struct {
  gint64  service_id;
  int     pay_rate;
} RgServiceRate;

GArray   *rg_studio_list_card_tiers     (RgStudio           *studio,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_studio_set_card_tiers      (RgStudio           *studio,
                                         const RgCardTier   *tiers,
                                         guint               n_tiers,
                                         GError            **error);
void      rg_card_tier_clear            (RgCardTier         *tier);

GArray   *rg_studio_list_staff_rates    (RgStudio           *studio,
                                         gint64              staff_id,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_studio_set_staff_rate      (RgStudio           *studio,
                                         gint64              staff_id,
                                         gint64              service_id,
                                         int                 pay_rate,
                                         GError            **error);
gboolean  rg_studio_clear_staff_rate    (RgStudio           *studio,
                                         gint64              staff_id,
                                         gint64              service_id,
                                         GError            **error);
gboolean  rg_studio_set_staff_rates     (RgStudio           *studio,
                                         gint64              staff_id,
                                         const RgServiceRate *rates,
                                         guint               n_rates,
                                         GError            **error);

gboolean  rg_studio_save_promotion      (RgStudio           *studio,
                                         RgPromotion        *promotion,
                                         const gint64       *service_ids,
                                         guint               n_services,
                                         const gint64       *product_ids,
                                         guint               n_products,
                                         GError            **error);
gboolean  rg_studio_list_promotion_items (RgStudio          *studio,
                                          gint64             promotion_id,
                                          GArray           **service_ids,
                                          GArray           **product_ids,
                                          GError           **error);
char     *rg_studio_describe_cap        (RgStudio           *studio,
                                         int                 percent) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
