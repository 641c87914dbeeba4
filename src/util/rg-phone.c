/* rg-phone.c — phone numbers as people type them, made E.164.
 *
 * An administrator types a number the way the client says it: "8 912
 * 345-67-89", "+7 (912) 345 67 89", "912 3456789", "07700 900123" in a
 * British studio, "00 49 30 1234567" from a German one. The client card
 * keeps one form of it — E.164, "+79123456789" — so the same person typed
 * twice is found as a duplicate and any fragment of the digits finds them.
 *
 * A national number (no "+" and no international prefix) is read in the
 * studio's country: for Russia and Kazakhstan (7) the domestic "8" and a
 * bare ten-digit number; for the North American plan (1) ten digits or a
 * leading 1; elsewhere the trunk "0" is dropped after the country code.
 * Anything with letters, a "+" in the middle, or a digit count no phone
 * plan has (fewer than 8 or more than 15 with the country code) is
 * refused with a message that says what to type.
 *
 * Deliberately small: libphonenumber knows every plan but is C++ with
 * protobuf and is not in the GNOME runtime; the studio needs these forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-util"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-phone.h"

G_DEFINE_QUARK (rg-phone-error-quark, rg_phone_error)

#define MIN_DIGITS 8    /* with the country code: +354 and 7 digits, say */
#define MAX_DIGITS 15   /* E.164 */

/* Country codes of two digits (ITU-T E.164 assignments); the others are
 * one digit (1 and 7) or three. */
static const char * const two_digit_codes[] = {
  "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45",
  "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61",
  "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94",
  "95", "98",
};

/* How many of @digits (an E.164 number without its "+") are the country
 * code. */
guint
rg_phone_country_code_length (const char *digits)
{
  g_return_val_if_fail (digits != NULL, 0);

  if (digits[0] == '1' || digits[0] == '7')
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (two_digit_codes); i++)
    if (strncmp (digits, two_digit_codes[i], 2) == 0)
      return 2;
  return 3;
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
         c == 0x2013 || c == 0x2014 || c == 0x2212 || c == '(' || c == ')' || c == '.' || c == '/';
}

/* A number as a client of a studio in @country_code would give it, for
 * hints: "+44 7700 900123" in the UK, "+7 912 345-67-89" in Russia. The
 * numbers are the ones set aside for examples where a country has them. */
char *
rg_phone_example (int country_code)
{
  static const struct { int code; const char *e164; } examples[] = {
    { 7, "+79123456789" }, { 44, "+447700900123" }, { 1, "+14155550132" }, { 49, "+4915123456789" },
    { 33, "+33612345678" }, { 380, "+380501234567" }, { 375, "+375291234567" }, { 61, "+61491570156" },
    { 353, "+353851234567" }, { 34, "+34612345678" }, { 39, "+393123456789" }, { 48, "+48512345678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    if (examples[i].code == country_code)
      return rg_phone_format (examples[i].e164);
  if (country_code > 0)
    return g_strdup_printf ("+%d 123 456 789", country_code);
  return rg_phone_format ("+447700900123");
}

static gboolean
refuse (const char  *text,
        int          country_code,
        GError     **error)
{
  g_autofree char *example = rg_phone_example (country_code);

  g_set_error (error, RG_PHONE_ERROR, RG_PHONE_ERROR_INVALID,
               /* Translators: the second %s is an example number in the studio's country */
               _("“%s” does not look like a phone number. Enter it with the area code, "
                 "for example %s."), text, example);
  return FALSE;
}

/* Reads @text as a phone number of the studio in @country_code (7, 44,
 * 1...) and sets @e164 to "+" and its digits. Returns FALSE with a
 * translated message when it cannot be a phone number. */
gboolean
rg_phone_normalize (const char  *text,
                    int          country_code,
                    char       **e164,
                    GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  g_autofree char *country = NULL;
  gboolean plus = FALSE;

  g_return_val_if_fail (e164 != NULL, FALSE);

  *e164 = NULL;
  trimmed = g_strstrip (g_strdup (text ? text : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, RG_PHONE_ERROR, RG_PHONE_ERROR_INVALID, _("Enter a phone number."));
      return FALSE;
    }
  if (!g_utf8_validate (trimmed, -1, NULL))
    return refuse (trimmed, country_code, error);

  /* "+44 (0) 20...": the bracketed trunk 0 is dialled only at home. */
  if (trimmed[0] == '+')
    {
      char *zero = strstr (trimmed, "(0)");

      if (zero)
        memmove (zero, zero + 3, strlen (zero + 3) + 1);
    }

  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value = g_unichar_digit_value (c);

      if (value >= 0)
        g_string_append_c (digits, '0' + value);
      else if ((c == '+' || c == 0xFF0B) && p == trimmed)
        plus = TRUE;
      else if (!is_separator (c))
        {
          g_set_error (error, RG_PHONE_ERROR, RG_PHONE_ERROR_INVALID,
                       _("“%s” is not a phone number: only digits, spaces, brackets, dashes and a "
                         "leading + belong in one."), trimmed);
          return FALSE;
        }
    }

  if (country_code <= 0 || country_code > 999)
    country_code = RG_PHONE_DEFAULT_COUNTRY;
  country = g_strdup_printf ("%d", country_code);

  /* The international prefixes: 00 almost everywhere, 8~10 in Russia. */
  if (!plus && g_str_has_prefix (digits->str, "00"))
    {
      g_string_erase (digits, 0, 2);
      plus = TRUE;
    }
  else if (!plus && country_code == 7 && g_str_has_prefix (digits->str, "810") && digits->len > 11)
    {
      g_string_erase (digits, 0, 3);
      plus = TRUE;
    }

  if (!plus)
    {
      if (country_code == 7)
        {
          /* 8 912 345-67-89, 7 912..., or 912 345-67-89. */
          if (digits->len == 11 && (digits->str[0] == '8' || digits->str[0] == '7'))
            g_string_erase (digits, 0, 1);
          /* Ten digits from "89": no Russian code starts with 89, so this
           * is "8 9xx" with a digit missing, not a number of its own. */
          else if (digits->len == 10 && digits->str[0] == '8' && digits->str[1] == '9')
            return refuse (trimmed, country_code, error);
          if (digits->len != 10)
            return refuse (trimmed, country_code, error);
        }
      else if (country_code == 1)
        {
          if (digits->len == 11 && digits->str[0] == '1')
            g_string_erase (digits, 0, 1);
          if (digits->len != 10)
            return refuse (trimmed, country_code, error);
        }
      else if (digits->str[0] == '0')
        g_string_erase (digits, 0, 1);

      g_string_prepend (digits, country);
    }

  if (digits->len < MIN_DIGITS || digits->len > MAX_DIGITS || digits->str[0] == '0')
    return refuse (trimmed, country_code, error);
  /* +7 and +1 numbers have ten digits after the country code. */
  if ((digits->str[0] == '7' || digits->str[0] == '1') && digits->len != 11)
    return refuse (trimmed, country_code, error);

  *e164 = g_strconcat ("+", digits->str, NULL);
  return TRUE;
}

/* Reads @text like rg_phone_normalize() and gives what a card keeps of
 * it: @formatted, how it reads ("+7 912 345-67-89"), and @digits, its
 * E.164 digits for search and duplicates ("79123456789"). */
gboolean
rg_phone_read (const char  *text,
               int          country_code,
               char       **formatted,
               char       **digits,
               GError     **error)
{
  g_autofree char *e164 = NULL;

  g_return_val_if_fail (formatted != NULL && digits != NULL, FALSE);

  if (!rg_phone_normalize (text, country_code, &e164, error))
    return FALSE;
  *formatted = rg_phone_format (e164);
  *digits = g_strdup (e164 + 1);
  return TRUE;
}

/* How a normalized number reads: "+7 912 345-67-89", "+1 415 555-0132",
 * "+44 7700 900123", elsewhere the national digits in threes (the last
 * group of four rather than one). Anything else comes back as it is. */
char *
rg_phone_format (const char *e164)
{
  const char *digits;
  GString *out;
  guint cc, len;

  if (e164 == NULL || e164[0] != '+' || strlen (e164) < 2)
    return g_strdup (e164 ? e164 : "");
  for (const char *p = e164 + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return g_strdup (e164);

  digits = e164 + 1;
  cc = rg_phone_country_code_length (digits);
  len = strlen (digits + cc);
  out = g_string_new ("+");
  g_string_append_len (out, digits, cc);
  digits += cc;

  if ((cc == 1 && e164[1] == '7' && len == 10))
    g_string_append_printf (out, " %.3s %.3s-%.2s-%.2s", digits, digits + 3, digits + 6, digits + 8);
  else if (cc == 1 && e164[1] == '1' && len == 10)
    g_string_append_printf (out, " %.3s %.3s-%.4s", digits, digits + 3, digits + 6);
  else if (cc == 2 && strncmp (e164 + 1, "44", 2) == 0 && len == 10)
    g_string_append_printf (out, " %.4s %.6s", digits, digits + 4);   /* +44 7700 900123 */
  else
    for (guint i = 0; i < len; )
      {
        guint group = (len - i == 4) ? 4 : MIN (3, len - i);

        g_string_append_c (out, ' ');
        g_string_append_len (out, digits + i, group);
        i += group;
      }

  return g_string_free (out, FALSE);
}

/* The country code of a locale's territory ("ru_RU.UTF-8" → 7, "en_GB" →
 * 44); without one, the language's main country; failing that, 0. */
int
rg_phone_country_for_locale (const char *locale)
{
  static const struct { const char *territory; int code; } territories[] = {
    { "RU", 7 }, { "KZ", 7 }, { "BY", 375 }, { "UA", 380 }, { "UZ", 998 }, { "KG", 996 },
    { "AM", 374 }, { "GE", 995 }, { "AZ", 994 }, { "MD", 373 }, { "LV", 371 }, { "LT", 370 },
    { "EE", 372 }, { "GB", 44 }, { "IE", 353 }, { "US", 1 }, { "CA", 1 }, { "AU", 61 },
    { "NZ", 64 }, { "DE", 49 }, { "AT", 43 }, { "CH", 41 }, { "FR", 33 }, { "BE", 32 },
    { "NL", 31 }, { "ES", 34 }, { "IT", 39 }, { "PL", 48 }, { "CZ", 420 }, { "FI", 358 },
    { "SE", 46 }, { "NO", 47 }, { "DK", 45 }, { "IL", 972 }, { "TR", 90 }, { "CY", 357 },
  };
  static const struct { const char *language; int code; } languages[] = {
    { "ru", 7 }, { "en", 44 }, { "be", 375 }, { "uk", 380 }, { "kk", 7 }, { "de", 49 },
  };
  g_autofree char *copy = NULL;
  char *territory;

  if (locale == NULL || *locale == '\0')
    return 0;

  copy = g_strdup (locale);
  copy[strcspn (copy, ".@")] = '\0';
  territory = strchr (copy, '_');
  if (territory)
    {
      *territory++ = '\0';
      for (guint i = 0; i < G_N_ELEMENTS (territories); i++)
        if (g_ascii_strcasecmp (territory, territories[i].territory) == 0)
          return territories[i].code;
    }
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strcasecmp (copy, languages[i].language) == 0)
      return languages[i].code;

  return 0;
}

/* A run of digits someone searches for, as it would read in the stored
 * E.164 digits when typed in the national form: "8912" → "7912" in
 * Russia, "07700" → "447700" in Britain. NULL when the run has no
 * national form to translate. */
char *
rg_phone_search_digits (const char *digits,
                        int         country_code)
{
  g_return_val_if_fail (digits != NULL, NULL);

  if (strlen (digits) < 4)
    return NULL;
  if (country_code == 7 && digits[0] == '8')
    return g_strconcat ("7", digits + 1, NULL);
  if (country_code != 7 && country_code != 1 && country_code > 0 && digits[0] == '0' && digits[1] != '0')
    return g_strdup_printf ("%d%s", country_code, digits + 1);
  return NULL;
}

/* Cells as spreadsheets leave them ------------------------------------------ */

/* What a cell says when there is no number. */
static gboolean
says_none (const char *cell)
{
  static const char * const none[] = {
    "нет", "не указан", "не указано", "отсутствует", "no", "none", "n/a", "na", "nil", "null", "—", "–",
  };
  g_autofree char *folded = g_utf8_casefold (cell, -1);
  gsize len = strlen (folded);
  gboolean only_marks = TRUE;

  while (len > 0 && (folded[len - 1] == '.' || folded[len - 1] == ' '))
    folded[--len] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    if (g_str_equal (folded, none[i]))
      return TRUE;
  /* "-", "--", "0", "000": a placeholder, not a number. */
  for (const char *p = folded; *p; p++)
    if (*p != '-' && *p != '0' && *p != ' ' && *p != '.')
      only_marks = FALSE;
  return only_marks;
}

/* Excel shows a long number it took for a quantity in scientific notation,
 * "7.91234E+10", and a CSV it writes keeps only what the cell showed: the
 * digits after the mantissa's are lost for good (7.91234E+10 is
 * 79123400000). A mantissa that still holds every digit ("7.9123456789E+10")
 * gives the number back; one with fewer is refused, never guessed. Returns
 * FALSE when @piece is not in that notation; else sets @digits (NULL after
 * an error). */
static gboolean
read_scientific (const char  *piece,
                 char       **digits,
                 GError     **error)
{
  g_autoptr(GString) mantissa = g_string_new (NULL);
  const char *p = piece;
  int fraction = -1, exponent = 0;

  *digits = NULL;
  if (*p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (mantissa, *p);
          if (fraction >= 0)
            fraction++;
        }
      else if ((*p == '.' || *p == ',') && fraction < 0)
        fraction = 0;
      else
        break;
    }
  if (*p != 'e' && *p != 'E')
    return FALSE;
  p++;
  if (*p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p) && exponent < 100; p++)
    exponent = exponent * 10 + (*p - '0');
  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  if (fraction < 0)
    fraction = 0;
  /* The number has (mantissa digits - fraction + exponent) digits; the
   * mantissa gives only its first ones. */
  if (exponent < fraction || (gint) mantissa->len - fraction + exponent > MAX_DIGITS ||
      (gint) mantissa->len - fraction + exponent < MIN_DIGITS)
    {
      g_set_error (error, RG_PHONE_ERROR, RG_PHONE_ERROR_INVALID,
                   _("“%s” is not a phone number."), piece);
      return TRUE;
    }
  if (exponent > fraction)
    {
      g_set_error (error, RG_PHONE_ERROR, RG_PHONE_ERROR_INVALID,
                   /* Translators: %s is a number as Excel showed it, like 7.91234E+10 */
                   _("“%s” lost its last digits when the spreadsheet turned it into a rounded "
                     "number. Format the phone column as text and export the file again."),
                   piece);
      return TRUE;
    }
  *digits = g_string_free (g_steal_pointer (&mantissa), FALSE);
  return TRUE;
}

/* One number of a cell: as typed, or with the "+" a spreadsheet dropped
 * from an international number ("380501234567" in a Russian studio). */
static gboolean
read_piece (const char  *piece,
            int          country_code,
            char       **e164,
            GError     **error)
{
  g_autofree char *digits = NULL;
  g_autoptr(GError) refused = NULL;
  guint n = 0;

  if (read_scientific (piece, &digits, error))
    {
      if (digits == NULL)
        return FALSE;
      piece = digits;
    }

  for (const char *p = piece; *p; p++)
    n += g_ascii_isdigit (*p) ? 1 : 0;

  /* "447700900123" in a British studio: its own country code, the "+"
   * gone (a national number there starts with the trunk 0, which is gone
   * too only when it is as short as "7700900123"). */
  if (country_code != 7 && country_code != 1 && country_code > 0 && n >= 11 && g_ascii_isdigit (piece[0]))
    {
      g_autofree char *code = g_strdup_printf ("%d", country_code);
      g_autofree char *plus = g_strconcat ("+", piece, NULL);

      if (g_str_has_prefix (piece, code) && rg_phone_normalize (plus, country_code, e164, NULL))
        return TRUE;
    }

  if (rg_phone_normalize (piece, country_code, e164, &refused))
    return TRUE;
  if (piece[0] != '+' && n >= 11 && n <= MAX_DIGITS && g_ascii_isdigit (piece[0]) &&
      piece[0] != '0' && !(country_code == 7 && piece[0] == '8'))
    {
      g_autofree char *plus = g_strconcat ("+", piece, NULL);

      if (rg_phone_normalize (plus, country_code, e164, NULL))
        return TRUE;
    }

  g_propagate_error (error, g_steal_pointer (&refused));
  return FALSE;
}

/* Reads a spreadsheet's or a phone's cell that holds one phone number or
 * several ("8-912-345-67-89, раб. 8-343-123-45-67": separated by "," ";"
 * "/" or a new line, or labelled with words such as "раб.", "моб.",
 * "доб."), in the studio's country @country_code. A run of at most six
 * digits after "доб." or "ext" is an extension, which E.164 has no place
 * for: it is left out. Besides the forms rg_phone_normalize() reads, a
 * number Excel took for a quantity: without its leading "+" or "0", or in
 * scientific notation (see read_scientific()). Sets @numbers to the E.164
 * numbers in their order, each once. Fails with RG_PHONE_ERROR_NONE when
 * the cell says there is no number ("", "нет", "-", "0") and with
 * RG_PHONE_ERROR_INVALID, naming the piece, when any part of it cannot be
 * read: nothing of a cell is dropped without a word. */
gboolean
rg_phone_read_cell (const char  *cell,
                    int          country_code,
                    GPtrArray  **numbers,
                    GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) piece = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  gboolean extension = FALSE;   /* the piece being read follows "доб." or "ext" */
  gboolean next_extension = FALSE;

  g_return_val_if_fail (numbers != NULL, FALSE);

  *numbers = NULL;
  trimmed = g_strstrip (g_strdup (cell ? cell : ""));
  if (*trimmed == '\0' || says_none (trimmed))
    {
      if (*trimmed == '\0')
        g_set_error_literal (error, RG_PHONE_ERROR, RG_PHONE_ERROR_NONE, _("There is no phone number."));
      else
        g_set_error (error, RG_PHONE_ERROR, RG_PHONE_ERROR_NONE,
                     _("“%s” says there is no phone number."), trimmed);
      return FALSE;
    }
  if (!g_utf8_validate (trimmed, -1, NULL))
    return refuse ("?", country_code, error);

  for (const char *p = trimmed; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean letter = c != 0 && g_unichar_isalpha (c) &&
                        !((c == 'e' || c == 'E') && piece->len > 0 && g_ascii_isdigit (piece->str[piece->len - 1]) &&
                          (g_ascii_isdigit (p[1]) || p[1] == '+'));

      if (c == 0 || c == ',' || c == ';' || c == '/' || c == '\n' || c == '\r' || c == '|' || letter)
        {
          /* "7,91234567E+10": a comma inside Excel's notation is its decimal. */
          if (c == ',' && piece->len > 0 && g_ascii_isdigit (piece->str[piece->len - 1]) &&
              g_ascii_isdigit (p[1]))
            {
              const char *q = p + 1;

              while (g_ascii_isdigit (*q))
                q++;
              if (*q == 'e' || *q == 'E')
                {
                  g_string_append_c (piece, ',');
                  continue;
                }
            }

          if (letter)
            {
              /* A word: a label such as "раб." or "mobile:". */
              const char *word = p;
              g_autofree char *folded = NULL;

              while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
                p = g_utf8_next_char (p);
              folded = g_utf8_casefold (word, p - word);
              next_extension = g_str_equal (folded, "доб") || g_str_equal (folded, "ext") ||
                               g_str_equal (folded, "x") || g_str_equal (folded, "вн");
              while (*p == '.' || *p == ':')
                p++;
              p = g_utf8_prev_char (p);   /* the loop steps over it */
            }

          g_strstrip (piece->str);
          piece->len = strlen (piece->str);
          if (piece->len > 0)
            {
              guint digits = 0;
              gboolean only_digits = TRUE;

              for (const char *d = piece->str; *d; d++)
                {
                  if (g_ascii_isdigit (*d))
                    digits++;
                  else if (*d != ' ' && *d != '-')
                    only_digits = FALSE;
                }
              if (digits == 0)
                ; /* punctuation between labels */
              else if (extension && only_digits && digits <= 6)
                ; /* an extension */
              else
                {
                  char *e164 = NULL;

                  if (!read_piece (piece->str, country_code, &e164, error))
                    return FALSE;
                  if (!g_ptr_array_find_with_equal_func (out, e164, g_str_equal, NULL))
                    g_ptr_array_add (out, e164);
                  else
                    g_free (e164);
                }
              extension = FALSE;
            }
          g_string_truncate (piece, 0);
          if (letter)
            extension = next_extension;
          if (c == 0)
            break;
          continue;
        }
      g_string_append_unichar (piece, c);
    }

  if (out->len == 0)
    {
      g_set_error (error, RG_PHONE_ERROR, RG_PHONE_ERROR_NONE,
                   _("“%s” holds no phone number."), trimmed);
      return FALSE;
    }
  *numbers = g_steal_pointer (&out);
  return TRUE;
}

char *
rg_phone_mask (const char *phone)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  GString *out;
  guint cc = 0, n, seen = 0;
  const char *p;

  if (phone == NULL)
    return NULL;
  for (p = phone; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  n = digits->len;

  /* The country code: the digits after a "+" up to the first separator,
   * or as long as the code's first digits say when they run on. */
  p = phone;
  while (*p == ' ')
    p++;
  if (*p == '+')
    {
      const char *q = p + 1;

      while (g_ascii_isdigit (*q))
        q++;
      cc = (guint) (q - p - 1);
      if (*q == '\0' || cc > 3)
        cc = n > 0 ? MIN (rg_phone_country_code_length (digits->str), n) : 0;
    }

  out = g_string_sized_new (strlen (phone) * 3);
  for (p = phone; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (seen < cc ||
          (n - cc >= 5 && (seen == cc || seen + 2 >= n)))
        g_string_append_c (out, *p);
      else
        g_string_append (out, "\u2022");
      seen++;
    }
  return g_string_free (out, FALSE);
}
