/* rg-subscriptions-page.h — the Studio window's "Subscriptions" page: the
 * kinds of subscription the till sells.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_SUBSCRIPTIONS_PAGE (rg_subscriptions_page_get_type ())
G_DECLARE_FINAL_TYPE (RgSubscriptionsPage, rg_subscriptions_page, RG, SUBSCRIPTIONS_PAGE, AdwPreferencesPage)

RgSubscriptionsPage *rg_subscriptions_page_new (RgStudio *studio);

G_END_DECLS
