/* rg-text.c — text folding for search and sorting, phone digits.
 *
 * Search is case-insensitive and treats "ё" as "е" both ways. SQLite's
 * unicode61 tokenizer folds case (Cyrillic too) but not ё/е, so the indexed
 * text is folded in the schema's triggers and queries are folded here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-store"

#include "config.h"

#include <string.h>

#include "rg-text.h"

#define YO       0x0451  /* ё */
#define YO_UPPER 0x0401  /* Ё */
#define YE       0x0435  /* е */

char *
rg_text_fold (const char *text)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (nfc == NULL)  /* invalid UTF-8 */
    return g_strdup ("");

  folded = g_utf8_casefold (nfc, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == YO || c == YO_UPPER)
        c = YE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* A key that sorts names the way people expect in a list: case and ё
 * ignored, surrounding and repeated spaces ignored. Stored with the row. */
char *
rg_text_sort_key (const char *text)
{
  g_autofree char *folded = rg_text_fold (text);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

/* The digits of a phone number, with the Russian domestic forms made
 * international: "8 912 345-45-67" and "912 345 45 67" both give
 * "79123454567". Other numbers keep their digits as entered. */
char *
rg_phone_digits (const char *phone)
{
  GString *digits = g_string_new (NULL);

  if (phone && g_utf8_validate (phone, -1, NULL))
    for (const char *p = phone; *p; p = g_utf8_next_char (p))
      {
        int v = g_unichar_digit_value (g_utf8_get_char (p));

        if (v >= 0)
          g_string_append_c (digits, '0' + v);
      }

  if (digits->len == 11 && digits->str[0] == '8')
    digits->str[0] = '7';
  else if (digits->len == 10 && digits->str[0] == '9')
    g_string_prepend_c (digits, '7');

  return g_string_free (digits, FALSE);
}

gboolean
rg_text_looks_like_phone (const char *text)
{
  gboolean digit = FALSE;

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (!strchr ("+-() .", *p))
        return FALSE;
    }

  return digit;
}
