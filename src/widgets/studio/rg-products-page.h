/* rg-products-page.h — the Studio window's "Products" page: the retail
 * catalogue.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_PRODUCTS_PAGE (rg_products_page_get_type ())
G_DECLARE_FINAL_TYPE (RgProductsPage, rg_products_page, RG, PRODUCTS_PAGE, AdwPreferencesPage)

RgProductsPage *rg_products_page_new (RgStudio *studio);

G_END_DECLS
