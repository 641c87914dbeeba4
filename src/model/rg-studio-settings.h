/* rg-studio-settings.h — the studio's own choices: whom Today lists, the
 * questionnaire, the call script. Read and written through the model.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

typedef enum {
  RG_STUDIO_DEFAULT_INTERVAL,   /* days between visits when nothing else says, 1..3650 */
  RG_STUDIO_BIRTHDAY_DAYS,      /* how far ahead Today lists birthdays, 0..60 */
  RG_STUDIO_GIFT_THRESHOLD,     /* spent before a birthday gift, minor units */
  RG_STUDIO_DISCOUNT_CAP,       /* no line's discounts go above it, basis points, 0..10000 */
  RG_STUDIO_PAY_AFTER_DISCOUNT, /* 1: a master's pay is counted from the price after the discount; 0: before */
  RG_STUDIO_N_NUMBERS
} RgStudioNumber;

#define RG_CALL_SCRIPT_MAX 4000   /* characters */

const char *rg_call_script_default    (void);
char       *rg_call_script_template   (RgStore        *store) G_GNUC_WARN_UNUSED_RESULT;

gint64    rg_studio_get_number                 (RgStudio        *self,
                                                RgStudioNumber   number);
gboolean  rg_studio_set_number                 (RgStudio        *self,
                                                RgStudioNumber   number,
                                                gint64           value,
                                                GError         **error);
gboolean  rg_studio_get_full_questionnaire     (RgStudio        *self);
gboolean  rg_studio_set_full_questionnaire     (RgStudio        *self,
                                                gboolean         full,
                                                GError         **error);
char     *rg_studio_dup_call_script            (RgStudio        *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_studio_set_call_script            (RgStudio        *self,
                                                const char      *text,
                                                GError         **error);

G_END_DECLS
