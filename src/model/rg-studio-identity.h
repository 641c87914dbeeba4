/* rg-studio-identity.h — the studio's name, address, tax number and currency.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_STUDIO_NAME_MAX     80     /* characters */
#define RG_STUDIO_ADDRESS_MAX  200
#define RG_STUDIO_TAX_NUMBER_MAX 32   /* letters, digits, spaces and dashes */

char       *rg_studio_dup_name            (RgStudio    *self) G_GNUC_WARN_UNUSED_RESULT;
char       *rg_studio_dup_address         (RgStudio    *self) G_GNUC_WARN_UNUSED_RESULT;
char       *rg_studio_dup_tax_number      (RgStudio    *self) G_GNUC_WARN_UNUSED_RESULT;
char       *rg_studio_dup_currency        (RgStudio    *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rg_studio_check_tax_number    (const char  *tax_number,
                                           GError     **error);
gboolean    rg_studio_set_identity        (RgStudio    *self,
                                           const char  *name,
                                           const char  *address,
                                           const char  *tax_number,
                                           const char  *currency,
                                           GError     **error);
char       *rg_store_dup_currency         (RgStore     *store) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
