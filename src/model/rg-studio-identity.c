/* rg-studio-identity.c — the studio's name, address, tax number and currency.
 *
 * What the call script says ("This is Velvet calling"), what receipts
 * print at their head (name, address, tax number), and the currency every
 * amount is shown in. Kept in the studio's settings; written together, in
 * one transaction, through rg_studio_set_identity(), which checks them
 * first. Until the studio says, its currency is its phone country's
 * ("+44": pounds).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-format.h"
#include "rg-studio-identity.h"

#define KEY_NAME        "studio-name"
#define KEY_ADDRESS     "studio-address"
#define KEY_TAX_NUMBER  "tax-number"
#define KEY_CURRENCY    "currency"

static char *
dup_setting (RgStudio   *self,
             const char *key)
{
  g_autofree char *value = rg_store_get_setting (rg_studio_get_store (self), key);

  if (value == NULL || *g_strstrip (value) == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

/* The studio's name as it calls itself, or NULL. */
char *
rg_studio_dup_name (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  return dup_setting (self, KEY_NAME);
}

char *
rg_studio_dup_address (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  return dup_setting (self, KEY_ADDRESS);
}

/* The studio's tax number (a VAT or taxpayer number), or NULL. */
char *
rg_studio_dup_tax_number (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  return dup_setting (self, KEY_TAX_NUMBER);
}

/* The ISO code of the studio's currency: the one it chose, else its phone
 * country's; NULL when neither says. */
char *
rg_store_dup_currency (RgStore *store)
{
  g_autofree char *value = NULL;
  const char *guess;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);

  value = rg_store_get_setting (store, KEY_CURRENCY);
  if (value && rg_currency_find (value))
    return g_steal_pointer (&value);
  guess = rg_currency_for_country (rg_store_get_phone_country (store));
  return g_strdup (guess);
}

char *
rg_studio_dup_currency (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  return rg_store_dup_currency (rg_studio_get_store (self));
}

static char *
clean (const char *text)
{
  return text ? g_strstrip (g_strdup (text)) : g_strdup ("");
}

/* A tax number as the receipt prints it: optional (NULL or blank is none),
 * at most RG_STUDIO_TAX_NUMBER_MAX characters of letters, digits, spaces
 * and dashes ("GB 123 4567 89", "7707083893"). */
gboolean
rg_studio_check_tax_number (const char  *tax_number,
                            GError     **error)
{
  g_autofree char *text = clean (tax_number);
  gboolean valid = g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= RG_STUDIO_TAX_NUMBER_MAX;

  for (const char *p = text; valid && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      valid = g_unichar_isalnum (c) || c == ' ' || c == '-';
    }
  if (!valid)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %d is a number of characters */
                   _("A tax number is at most %d letters, digits, spaces or dashes."),
                   RG_STUDIO_TAX_NUMBER_MAX);
      return FALSE;
    }
  return TRUE;
}

/* Checks and saves the studio's name, address, tax number and currency
 * (ISO code) together; an empty name, address or tax number is none.
 * Amounts show the new currency at once; "identity-changed" tells the
 * views. */
gboolean
rg_studio_set_identity (RgStudio    *self,
                        const char  *name,
                        const char  *address,
                        const char  *tax_number,
                        const char  *currency,
                        GError     **error)
{
  RgStore *store;
  g_autofree char *clean_name = clean (name);
  g_autofree char *clean_address = clean (address);
  g_autofree char *clean_tax_number = clean (tax_number);
  const RgCurrency *found = currency && *currency ? rg_currency_find (currency) : NULL;

  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);

  if (!rg_studio_allowed (self, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;
  store = rg_studio_get_store (self);

  if (!g_utf8_validate (clean_name, -1, NULL) || g_utf8_strlen (clean_name, -1) > RG_STUDIO_NAME_MAX)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %d is a number of characters */
                   _("The studio’s name can be at most %d characters."), RG_STUDIO_NAME_MAX);
      return FALSE;
    }
  if (!g_utf8_validate (clean_address, -1, NULL) || g_utf8_strlen (clean_address, -1) > RG_STUDIO_ADDRESS_MAX)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %d is a number of characters */
                   _("The address can be at most %d characters."), RG_STUDIO_ADDRESS_MAX);
      return FALSE;
    }
  if (!rg_studio_check_tax_number (clean_tax_number, error))
    return FALSE;
  if (currency && *currency && found == NULL)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %s is what was given as a currency */
                   _("“%s” is not a currency Regulars knows."), currency);
      return FALSE;
    }

  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_store_set_setting (store, KEY_NAME, *clean_name ? clean_name : NULL, error) ||
      !rg_store_set_setting (store, KEY_ADDRESS, *clean_address ? clean_address : NULL, error) ||
      !rg_store_set_setting (store, KEY_TAX_NUMBER, *clean_tax_number ? clean_tax_number : NULL, error) ||
      !rg_store_set_setting (store, KEY_CURRENCY, found ? found->code : NULL, error) ||
      !rg_store_commit (store, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }

  {
    g_autofree char *shown = rg_studio_dup_currency (self);

    rg_format_set_currency (shown);
  }
  g_signal_emit_by_name (self, "identity-changed");
  return TRUE;
}
