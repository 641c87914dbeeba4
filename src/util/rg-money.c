/* rg-money.c — prices as people type them into a spreadsheet.
 *
 * "1500", "1 500", "1 500,50", "1500.5", "1500 руб.", "₽1,500.00": read
 * into minor units (kopecks, cents: a hundred to the unit) with integers
 * only, never through a floating-point number.
 *
 * Which mark is the decimal one: with both "." and "," the last is, and
 * the other groups thousands. With one of them once, it groups thousands
 * when exactly three digits follow it ("1,500" and "1.500" are fifteen
 * hundred), else it is the decimal mark ("1500,5", "1500.50"); more than
 * once, it groups thousands ("1,500,000"). Spaces (also no-break ones) and
 * apostrophes group thousands too, and then a single "." or "," is the
 * decimal mark whatever follows it ("1 500,50"; "1 500,505" has three
 * decimals and is refused).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-util"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-money.h"

G_DEFINE_QUARK (rg-money-error-quark, rg_money_error)

#define MAX_MINOR G_GINT64_CONSTANT (100000000000000)   /* a trillion units: no price is more */

static gboolean
refuse (const char  *text,
        GError     **error)
{
  g_set_error (error, RG_MONEY_ERROR, RG_MONEY_ERROR_INVALID,
               /* Translators: a price as it was typed */
               _("“%s” is not a price. Enter it as 1500 or 1 500,50."), text);
  return FALSE;
}

/* A currency's word or sign around the number. */
static gboolean
is_currency_word (const char *word)
{
  static const char * const words[] = {
    "руб", "рублей", "рубля", "рубль", "р", "rub", "rur", "usd", "eur", "gbp", "kzt", "тг", "тенге",
    "byn", "uah", "грн", "коп",
  };
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i]))
      return TRUE;
  return FALSE;
}

/* Reads @text as a price and sets @minor to it in minor units. Refuses a
 * negative price, more than two decimals, and anything that is not a
 * number with a currency, with a translated message. */
gboolean
rg_money_parse (const char  *text,
                gint64      *minor,
                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GString) number = g_string_new (NULL);   /* digits and the marks "." "," only */
  gint64 units = 0, cents = 0;
  int decimal = -1;                                  /* the decimal mark's place in @number */
  guint dots = 0, commas = 0;
  char last_mark = 0;
  gboolean grouped = FALSE;                          /* a space or an apostrophe between digits */

  g_return_val_if_fail (minor != NULL, FALSE);

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, RG_MONEY_ERROR, RG_MONEY_ERROR_INVALID, _("There is no price."));
      return FALSE;
    }
  if (!g_utf8_validate (trimmed, -1, NULL) || strlen (trimmed) > 64)
    return refuse ("?", error);

  for (const char *p = trimmed; *p; )
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
        {
          if (*p == '.' || *p == ',')
            {
              if (number->len == 0 || !g_ascii_isdigit (number->str[number->len - 1]))
                return refuse (trimmed, error);
              dots += *p == '.';
              commas += *p == ',';
              last_mark = *p;
            }
          g_string_append_c (number, *p);
          p++;
        }
      else if (c == '-' || c == 0x2212 || c == '(')
        {
          g_set_error (error, RG_MONEY_ERROR, RG_MONEY_ERROR_INVALID,
                       _("“%s” is negative: a price cannot be."), trimmed);
          return FALSE;
        }
      else if (c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009 || c == '\'' || c == 0x2019)
        {
          /* a thousands' space only between digits */
          p = g_utf8_next_char (p);
          if (number->len > 0 && g_ascii_isdigit (number->str[number->len - 1]) && g_ascii_isdigit (*p))
            grouped = TRUE;
        }
      else if (c == 0x20BD || c == '$' || c == 0x20AC || c == 0xA3 || c == 0x20B8 || c == 0x20B4)
        p = g_utf8_next_char (p);
      else if (g_unichar_isalpha (c))
        {
          const char *word = p;
          g_autofree char *copy = NULL;

          while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          copy = g_strndup (word, p - word);
          if (!is_currency_word (copy))
            return refuse (trimmed, error);
          if (*p == '.')
            p++;
        }
      else
        return refuse (trimmed, error);
    }

  if (number->len == 0 || !g_ascii_isdigit (number->str[number->len - 1]))
    return refuse (trimmed, error);

  /* Which mark is the decimal one (see above). */
  if (dots && commas)
    {
      if ((last_mark == '.' ? dots : commas) > 1)
        return refuse (trimmed, error);
      decimal = strrchr (number->str, last_mark) - number->str;
    }
  else if (dots + commas == 1)
    {
      int at = strchr (number->str, last_mark) - number->str;

      if (number->len - at - 1 != 3 || grouped)
        decimal = at;
    }

  for (guint i = 0; i < number->len; i++)
    {
      char c = number->str[i];

      if ((int) i == decimal)
        {
          guint places = number->len - i - 1;

          if (places > 2)
            return refuse (trimmed, error);
          for (guint k = i + 1; k < number->len; k++)
            cents = cents * 10 + (number->str[k] - '0');
          if (places == 1)
            cents *= 10;
          break;
        }
      if (c == '.' || c == ',')
        {
          /* a thousands' mark: three digits after it */
          guint k = i + 1;

          while (k < number->len && g_ascii_isdigit (number->str[k]))
            k++;
          if (k - i - 1 != 3)
            return refuse (trimmed, error);
          continue;
        }
      units = units * 10 + (c - '0');
      if (units > MAX_MINOR / 100)
        return refuse (trimmed, error);
    }

  *minor = units * 100 + cents;
  return TRUE;
}

static gboolean
refuse_percent (const char  *text,
                GError     **error)
{
  g_set_error (error, RG_MONEY_ERROR, RG_MONEY_ERROR_INVALID,
               /* Translators: a percentage as it was typed */
               _("“%s” is not a percentage. Enter a number from 0 to 100, such as 7 or 7.5."), text);
  return FALSE;
}

/**
 * rg_percent_parse:
 * @text: what was typed: "7", "7.5", "7,25", "12 %"
 * @basis_points: (out): the percentage in hundredths of a percent (750 for 7.5)
 *
 * Reads a percentage from 0 to 100 with at most two decimals, "." or ","
 * for the decimal mark and an optional "%" after it, with integers only.
 * Refuses anything else (a negative number, more than 100, words, more
 * decimals than a basis point holds) with a translated message.
 */
gboolean
rg_percent_parse (const char  *text,
                  int         *basis_points,
                  GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *p;
  int units = 0, hundredths = 0, n_units = 0, n_decimals = 0;
  gboolean mark = FALSE;
  gsize len;

  g_return_val_if_fail (basis_points != NULL, FALSE);

  len = strlen (trimmed);
  if (len > 0 && trimmed[len - 1] == '%')
    {
      trimmed[len - 1] = '\0';
      g_strchomp (trimmed);
    }
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, RG_MONEY_ERROR, RG_MONEY_ERROR_INVALID,
                           _("Enter a percentage from 0 to 100, such as 7 or 7.5."));
      return FALSE;
    }

  for (p = trimmed; *p; p++)
    {
      if (*p == '.' || *p == ',')
        {
          if (mark || n_units == 0)
            return refuse_percent (text, error);
          mark = TRUE;
        }
      else if (g_ascii_isdigit (*p))
        {
          if (!mark)
            {
              if (++n_units > 3)
                return refuse_percent (text, error);
              units = units * 10 + (*p - '0');
            }
          else
            {
              if (++n_decimals > 2)
                return refuse_percent (text, error);
              hundredths = hundredths * 10 + (*p - '0');
            }
        }
      else
        return refuse_percent (text, error);
    }
  if (mark && n_decimals == 0)
    return refuse_percent (text, error);
  if (n_decimals == 1)
    hundredths *= 10;
  if (units * 100 + hundredths > 10000)
    {
      g_set_error (error, RG_MONEY_ERROR, RG_MONEY_ERROR_INVALID,
                   /* Translators: a percentage as it was typed */
                   _("“%s” is more than 100 %%."), text);
      return FALSE;
    }

  *basis_points = units * 100 + hundredths;
  return TRUE;
}
