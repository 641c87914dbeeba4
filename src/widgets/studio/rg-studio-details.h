/* rg-studio-details.h — the Studio window's page for the studio's name,
 * address and currency.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_STUDIO_DETAILS (rg_studio_details_get_type ())
G_DECLARE_FINAL_TYPE (RgStudioDetails, rg_studio_details, RG, STUDIO_DETAILS, AdwPreferencesPage)

RgStudioDetails *rg_studio_details_new (RgStudio *studio);

G_END_DECLS
