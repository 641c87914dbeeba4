/* rg-card-settings.h — the Studio window's "Client Card" page.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_CARD_SETTINGS (rg_card_settings_get_type ())
G_DECLARE_FINAL_TYPE (RgCardSettings, rg_card_settings, RG, CARD_SETTINGS, AdwPreferencesPage)

RgCardSettings *rg_card_settings_new (RgStudio *studio);

G_END_DECLS
