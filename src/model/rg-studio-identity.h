/* rg-studio-identity.h — the studio's name, address and currency.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_STUDIO_NAME_MAX     80     /* characters */
#define RG_STUDIO_ADDRESS_MAX  200

char       *rg_studio_dup_name            (RgStudio    *self) G_GNUC_WARN_UNUSED_RESULT;
char       *rg_studio_dup_address         (RgStudio    *self) G_GNUC_WARN_UNUSED_RESULT;
char       *rg_studio_dup_currency        (RgStudio    *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rg_studio_set_identity        (RgStudio    *self,
                                           const char  *name,
                                           const char  *address,
                                           const char  *currency,
                                           GError     **error);
char       *rg_store_dup_currency         (RgStore     *store) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
