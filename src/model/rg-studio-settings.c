/* rg-studio-settings.c — the studio's own choices, through the model.
 *
 * Kept in the settings table; each written by a command that checks the
 * value first and writes in one transaction, as every write of the app
 * does. The analytics read the same keys from the store with the same
 * defaults (rg-call-list.c, rg-retention.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-pricing.h"
#include "rg-permissions.h"
#include "rg-studio-settings.h"

#define KEY_FULL_QUESTIONNAIRE "full-questionnaire"
#define KEY_CALL_SCRIPT        "call-script"

static const struct {
  const char *key;
  gint64      lo, hi, fallback;
} numbers[RG_STUDIO_N_NUMBERS] = {
  [RG_STUDIO_DEFAULT_INTERVAL] = { "default-interval", 1, 3650, 42 },
  [RG_STUDIO_BIRTHDAY_DAYS] = { "birthday-days", 0, 60, 7 },
  [RG_STUDIO_GIFT_THRESHOLD] = { "gift-threshold", 0, G_GINT64_CONSTANT (1000000000), 500000 },
  [RG_STUDIO_DISCOUNT_CAP] = { "discount-cap", 0, 10000, RG_PRICING_DEFAULT_CAP },
  /* Seed 003: in practice the master's share is counted from the price
   * after the discount; the studio can take the discount on itself. */
  [RG_STUDIO_PAY_AFTER_DISCOUNT] = { "pay-after-discount", 0, 1, 1 },
  /* Seed 003: points for both sides of a referral, a share of each check. */
  [RG_STUDIO_POINTS_RATE] = { "points-rate", 0, 10000, 500 },
  [RG_STUDIO_POINTS_SHARE] = { "points-share", 0, 10000, 3000 },
  [RG_STUDIO_POINTS_MONTHS] = { "points-months", 0, 120, 12 },
  [RG_STUDIO_POINT_VALUE] = { "point-value", 1, 100000, 100 },
  [RG_STUDIO_REFERRAL_REWARD] = { "referral-reward", RG_REFERRAL_NONE, RG_REFERRAL_DISCOUNT, RG_REFERRAL_POINTS },
  [RG_STUDIO_REFERRAL_REFERRER] = { "referral-referrer", 0, G_GINT64_CONSTANT (1000000000), 500 },
  [RG_STUDIO_REFERRAL_NEWCOMER] = { "referral-newcomer", 0, G_GINT64_CONSTANT (1000000000), 300 },
  [RG_STUDIO_CERTIFICATE_MONTHS] = { "certificate-months", 1, 60, 12 },
  [RG_STUDIO_EXPIRING_DAYS] = { "expiring-days", 0, 90, 14 },
  [RG_STUDIO_LOCK_MINUTES] = { "lock-minutes", 1, 240, 10 },
  [RG_STUDIO_AUDIT_DISCOUNT] = { "audit-discount", 0, 10000, 1000 },
  [RG_STUDIO_AUDIT_REFUND] = { "audit-refund", 0, G_GINT64_CONSTANT (1000000000), 0 },
};

static gboolean
write_setting (RgStudio    *self,
               const char  *key,
               const char  *value,
               GError     **error)
{
  RgStore *store = rg_studio_get_store (self);

  if (!rg_studio_allowed (self, RG_ACTION_STUDIO_SETTINGS, 0, 0, error) ||
      !rg_store_begin (store, error))
    return FALSE;
  if (!rg_store_set_setting (store, key, value, error) || !rg_store_commit (store, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gint64
rg_studio_number_from_store (RgStore        *store,
                             RgStudioNumber  number)
{
  g_autofree char *value = NULL;
  gint64 n;

  g_return_val_if_fail (RG_IS_STORE (store), 0);
  g_return_val_if_fail (number < RG_STUDIO_N_NUMBERS, 0);

  value = rg_store_get_setting (store, numbers[number].key);
  if (value == NULL)
    return numbers[number].fallback;
  n = g_ascii_strtoll (value, NULL, 10);
  return n >= numbers[number].lo && n <= numbers[number].hi ? n : numbers[number].fallback;
}

gint64
rg_studio_get_number (RgStudio       *self,
                      RgStudioNumber  number)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), 0);
  return rg_studio_number_from_store (rg_studio_get_store (self), number);
}

gboolean
rg_studio_set_number (RgStudio        *self,
                      RgStudioNumber   number,
                      gint64           value,
                      GError         **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  g_return_val_if_fail (number < RG_STUDIO_N_NUMBERS, FALSE);

  if (value < numbers[number].lo || value > numbers[number].hi)
    {
      g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, numbers[number].lo);
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, numbers[number].hi);

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: a setting's value out of its range, e.g. "400 is not between 0 and 60." */
                   _("%s is not between %s and %s."), given, lo, hi);
      return FALSE;
    }
  text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return write_setting (self, numbers[number].key, text, error);
}

/* Whether a rating asks the whole questionnaire, not only the score. */
gboolean
rg_studio_get_full_questionnaire (RgStudio *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  value = rg_store_get_setting (rg_studio_get_store (self), KEY_FULL_QUESTIONNAIRE);
  return g_strcmp0 (value, "1") == 0;
}

gboolean
rg_studio_set_full_questionnaire (RgStudio  *self,
                                  gboolean   full,
                                  GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  return write_setting (self, KEY_FULL_QUESTIONNAIRE, full ? "1" : "0", error);
}

const char *
rg_call_script_default (void)
{
  /* Translators: the call script (seed 004). Keep {name}, {studio},
   * {service}, {master} and {last_visit} as they are: they are filled in
   * ({studio} with the studio's name, or "the salon" without one). */
  return _("Hello, {name}! This is {studio} calling. Do you have a minute?\n\n"
           "You were with us on {last_visit} for {service} with {master}. How are you getting on? "
           "Is everything as you wanted?\n\n"
           "It is about time for your next visit: shall I book you in with {master}? "
           "We also have something new that might suit you.\n\n"
           "When would be a good time to call you back?");
}

char *
rg_call_script_template (RgStore *store)
{
  g_autofree char *text = rg_store_get_setting (store, "call-script");

  if (text != NULL && *g_strstrip (text) != '\0')
    return g_steal_pointer (&text);
  return g_strdup (rg_call_script_default ());
}

/* The call script as the studio wrote it, or the default in the user's
 * language. */
char *
rg_studio_dup_call_script (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  return rg_call_script_template (rg_studio_get_store (self));
}

/* Keeps @text as the call script; the default (or nothing) is not kept,
 * so that it follows the language. */
gboolean
rg_studio_set_call_script (RgStudio    *self,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);

  clean = g_strstrip (g_strdup (text ? text : ""));
  if (!g_utf8_validate (clean, -1, NULL) || g_utf8_strlen (clean, -1) > RG_CALL_SCRIPT_MAX)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %d is a number of characters */
                   _("The call script can be at most %d characters."), RG_CALL_SCRIPT_MAX);
      return FALSE;
    }
  if (*clean == '\0' || g_str_equal (clean, rg_call_script_default ()))
    return write_setting (self, KEY_CALL_SCRIPT, NULL, error);
  return write_setting (self, KEY_CALL_SCRIPT, text, error);
}
