/* rg-phone.h — phone numbers as people type them, made E.164.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A number that cannot be read (its message says how to type it). */
#define RG_PHONE_ERROR (rg_phone_error_quark ())
typedef enum {
  RG_PHONE_ERROR_INVALID,
  RG_PHONE_ERROR_NONE,      /* the cell says there is no number: empty, "нет", "-", "0" */
} RgPhoneError;
GQuark   rg_phone_error_quark          (void);

/* Russia (and Kazakhstan): the product's home, and the fallback. */
#define RG_PHONE_DEFAULT_COUNTRY 7

gboolean rg_phone_normalize          (const char  *text,
                                      int          country_code,
                                      char       **e164,
                                      GError     **error);
gboolean rg_phone_read               (const char  *text,
                                      int          country_code,
                                      char       **formatted,
                                      char       **digits,
                                      GError     **error);
gboolean rg_phone_read_cell          (const char  *cell,
                                      int          country_code,
                                      GPtrArray  **numbers,
                                      GError     **error);
char    *rg_phone_format             (const char  *e164) G_GNUC_WARN_UNUSED_RESULT;
char    *rg_phone_example            (int          country_code) G_GNUC_WARN_UNUSED_RESULT;
guint    rg_phone_country_code_length (const char *digits);
int      rg_phone_country_for_locale (const char  *locale);
/* A number for someone who may not see it: the country code, the first
 * digit of the number and its last two, every other digit a "•"
 * ("+7 912 345-67-89" → "+7 9•• •••-••-89"); the separators stay. A
 * number of fewer than five digits after the country code shows none of
 * them. NULL gives NULL. */
char    *rg_phone_mask               (const char  *phone) G_GNUC_WARN_UNUSED_RESULT;
char    *rg_phone_search_digits      (const char  *digits,
                                      int          country_code) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
