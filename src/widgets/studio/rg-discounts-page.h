/* rg-discounts-page.h — the Studio window's "Discounts" page: the cap, who
 * pays for a discount, the card's tiers and the promotions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_DISCOUNTS_PAGE (rg_discounts_page_get_type ())
G_DECLARE_FINAL_TYPE (RgDiscountsPage, rg_discounts_page, RG, DISCOUNTS_PAGE, AdwPreferencesPage)

RgDiscountsPage *rg_discounts_page_new (RgStudio *studio);

G_END_DECLS
