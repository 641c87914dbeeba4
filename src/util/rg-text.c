/* rg-text.c — text folding for search and sorting, phone digits.
 *
 * Search is case-insensitive and treats "ё" as "е" both ways. SQLite's
 * unicode61 tokenizer folds case (Cyrillic too) but not ё/е, so the indexed
 * text is folded in the schema's triggers and queries are folded here.
 * Typographic apostrophes and quotes fold to the ones on the keyboard:
 * "Men’s haircut" is found by "men's", «Релакс» by "релакс".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-util"

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

      switch (c)
        {
        case YO:
        case YO_UPPER:
          c = YE;
          break;
        case 0x2018: /* ‘ */
        case 0x2019: /* ’ */
        case 0x201B: /* ‛ */
        case 0x02BC: /* ʼ */
        case 0x2032: /* ′ */
        case 0x0060: /* ` */
          c = '\'';
          break;
        case 0x201C: /* “ */
        case 0x201D: /* ” */
        case 0x201E: /* „ */
        case 0x00AB: /* « */
        case 0x00BB: /* » */
          c = '"';
          break;
        default:
          break;
        }
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Whether @word occurs in @folded at the start of a word: at the start,
 * or after a space or a sign, but not after an apostrophe ("s" does not
 * start a word in "men's"). Both folded with rg_text_fold(). */
gboolean
rg_text_starts_word (const char *folded,
                     const char *word)
{
  g_return_val_if_fail (folded != NULL && word != NULL, FALSE);

  for (const char *p = strstr (folded, word); p; p = strstr (p + 1, word))
    {
      const char *prev;

      if (p == folded)
        return TRUE;
      prev = g_utf8_find_prev_char (folded, p);
      if (prev && !g_unichar_isalnum (g_utf8_get_char (prev)) && g_utf8_get_char (prev) != '\'')
        return TRUE;
    }
  return FALSE;
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

/* Whether @text can be an e-mail address someone gives at the desk:
 * one "@", a local part without spaces or stray dots, a domain of at
 * least two labels that do not start or end with "-", a top-level label
 * of two characters or more that is not a number. Letters of any script
 * are allowed (internationalized addresses). */
gboolean
rg_text_is_email (const char *text)
{
  g_auto(GStrv) labels = NULL;
  const char *at;
  const char *tld;
  guint n;

  if (text == NULL || *text == '\0' || strlen (text) > 254 || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || (c < 128 && strchr (",;<>()[]\\\"", (int) c)))
        return FALSE;
    }

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (text[0] == '.' || at[-1] == '.' || g_strstr_len (text, at - text, "..") != NULL)
    return FALSE;

  labels = g_strsplit (at + 1, ".", -1);
  n = g_strv_length (labels);
  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (labels[i]);

      if (len == 0 || labels[i][0] == '-' || labels[i][len - 1] == '-')
        return FALSE;
    }

  tld = labels[n - 1];
  if (g_utf8_strlen (tld, -1) < 2 || strspn (tld, "0123456789") == strlen (tld))
    return FALSE;

  return TRUE;
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

gboolean
rg_text_all_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}
