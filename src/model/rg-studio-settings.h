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
  RG_STUDIO_POINTS_RATE,        /* points earned on money paid, basis points, 0..10000 (0: no points) */
  RG_STUDIO_POINTS_SHARE,       /* the most of a sale points may pay, basis points, 0..10000 */
  RG_STUDIO_POINTS_MONTHS,      /* points expire this many months after they were earned, 0: never */
  RG_STUDIO_POINT_VALUE,        /* what a point is worth, minor units */
  RG_STUDIO_REFERRAL_REWARD,    /* an RgReferralReward */
  RG_STUDIO_REFERRAL_REFERRER,  /* the reward of who referred: points, minor units or basis points */
  RG_STUDIO_REFERRAL_NEWCOMER,  /* the new client's reward, the same unit */
  RG_STUDIO_CERTIFICATE_MONTHS, /* a gift certificate is valid this many months by default */
  RG_STUDIO_EXPIRING_DAYS,      /* Today lists subscriptions running out within this many days */
  RG_STUDIO_LOCK_MINUTES,       /* the window locks after this many minutes without input, 1..240 */
  RG_STUDIO_AUDIT_DISCOUNT,     /* a discount above this (basis points) is written to the audit log */
  RG_STUDIO_AUDIT_REFUND,       /* a refund above this (minor units) is written to the audit log; 0: every one */
  RG_STUDIO_N_NUMBERS
} RgStudioNumber;

typedef enum {
  RG_REFERRAL_NONE,
  RG_REFERRAL_POINTS,
  RG_REFERRAL_DEPOSIT,
  RG_REFERRAL_DISCOUNT,
} RgReferralReward;

#define RG_CALL_SCRIPT_MAX 4000   /* characters */

const char *rg_call_script_default    (void);
char       *rg_call_script_template   (RgStore        *store) G_GNUC_WARN_UNUSED_RESULT;

gint64    rg_studio_get_number                 (RgStudio        *self,
                                                RgStudioNumber   number);
/* The same number read on @store, for the analytics (which read the
 * store, not the studio): its default when unset or out of range. */
gint64    rg_studio_number_from_store          (RgStore         *store,
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
