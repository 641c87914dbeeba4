/* rg-loyalty-page.h — the Studio window's "Loyalty" page: bonus points,
 * the referral reward, gift certificates' validity and Today's warning of
 * subscriptions running out.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_LOYALTY_PAGE (rg_loyalty_page_get_type ())
G_DECLARE_FINAL_TYPE (RgLoyaltyPage, rg_loyalty_page, RG, LOYALTY_PAGE, AdwPreferencesPage)

RgLoyaltyPage *rg_loyalty_page_new (RgStudio *studio);

G_END_DECLS
