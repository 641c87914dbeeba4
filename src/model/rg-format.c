/* rg-format.c — how amounts, dates and birthdays read to a person, in the
 * user's language and local time.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-format.h"
#include "util/rg-time.h"

/* Groups thousands as the language does: "1,500,000" in English,
 * "1 500 000" (with a narrow no-break space) in Russian. */
static char *
group_digits (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  /* Translators: the separator between groups of thousands, as in 1,500,000;
   * Russian uses a narrow no-break space (U+202F) */
  const char *separator = C_("number", ",");
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

char *
rg_format_count (guint n)
{
  return group_digits (n);
}

/* Amounts are kept in minor units; whole amounts are shown without them. */
char *
rg_format_money (gint64 minor_units)
{
  guint64 magnitude = minor_units < 0 ? (guint64) -(minor_units + 1) + 1 : (guint64) minor_units;
  g_autofree char *whole = group_digits (magnitude / 100);
  guint cents = magnitude % 100;

  if (cents == 0)
    return g_strdup_printf ("%s%s", minor_units < 0 ? "−" : "", whole);

  /* Translators: the decimal separator of amounts of money */
  return g_strdup_printf ("%s%s%s%02u", minor_units < 0 ? "−" : "", whole, C_("money", "."), cents);
}

/* Currencies ------------------------------------------------------------------ */

static const RgCurrency currencies[] = {
  { "RUB", "₽", FALSE },
  { "GBP", "£", TRUE },
  { "EUR", "€", TRUE },
  { "USD", "$", TRUE },
  { "KZT", "₸", FALSE },
  { "BYN", "Br", FALSE },
  { "UAH", "₴", FALSE },
  { "AMD", "֏", FALSE },
  { "GEL", "₾", FALSE },
  { "UZS", "soʻm", FALSE },
  { "PLN", "zł", FALSE },
  { "CZK", "Kč", FALSE },
  { "CHF", "CHF", TRUE },
  { "SEK", "kr", FALSE },
  { "NOK", "kr", FALSE },
  { "DKK", "kr", FALSE },
  { "TRY", "₺", TRUE },
  { "ILS", "₪", TRUE },
  { "AUD", "A$", TRUE },
  { "CAD", "C$", TRUE },
  { "NZD", "NZ$", TRUE },
};

/* The studio's currency for every amount shown; an index into the table
 * (-1: none), so that readers on other threads never see a freed string. */
static gint current_currency = -1;

const RgCurrency *
rg_currency_list (guint *n)
{
  if (n)
    *n = G_N_ELEMENTS (currencies);
  return currencies;
}

const RgCurrency *
rg_currency_find (const char *code)
{
  for (guint i = 0; code && i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (currencies[i].code, code) == 0)
      return &currencies[i];
  return NULL;
}

/* A studio's likely currency from its phone country, until it says. */
const char *
rg_currency_for_country (int phone_country)
{
  switch (phone_country)
    {
    case 7:   return "RUB";
    case 44:  return "GBP";
    case 1:   return "USD";
    case 375: return "BYN";
    case 380: return "UAH";
    case 374: return "AMD";
    case 995: return "GEL";
    case 998: return "UZS";
    case 48:  return "PLN";
    case 420: return "CZK";
    case 41:  return "CHF";
    case 46:  return "SEK";
    case 47:  return "NOK";
    case 45:  return "DKK";
    case 90:  return "TRY";
    case 972: return "ILS";
    case 61:  return "AUD";
    case 64:  return "NZD";
    case 49: case 43: case 33: case 32: case 31: case 34: case 39: case 353: case 358: case 357:
    case 371: case 370: case 372:
      return "EUR";
    default:  return NULL;
    }
}

/* "£ GBP, pound sterling"-like: the symbol and the code, for a list. */
char *
rg_currency_describe (const RgCurrency *currency)
{
  g_return_val_if_fail (currency != NULL, NULL);
  if (g_str_equal (currency->symbol, currency->code))
    return g_strdup (currency->code);
  return g_strdup_printf ("%s %s", currency->symbol, currency->code);
}

void
rg_format_set_currency (const char *code)
{
  const RgCurrency *currency = rg_currency_find (code);

  g_atomic_int_set (&current_currency, currency ? (gint) (currency - currencies) : -1);
}

/* The code of the currency amounts are shown in, or NULL. */
const char *
rg_format_get_currency (void)
{
  gint i = g_atomic_int_get (&current_currency);

  return i >= 0 ? currencies[i].code : NULL;
}

/* The symbol amounts are shown with ("£", "₽"), or NULL: for a label
 * beside a field that takes an amount. */
const char *
rg_format_currency_symbol (void)
{
  gint i = g_atomic_int_get (&current_currency);

  return i >= 0 ? currencies[i].symbol : NULL;
}

/* An amount with the studio's currency, as everywhere money is shown:
 * "£1,300", "£42.36" in English, "1 300 ₽", "2 433,08 ₽" in Russian;
 * the amount alone while the studio has no currency. Fields that take an
 * amount show rg_format_money(), the amount without the symbol. */
char *
rg_format_price (gint64 minor_units)
{
  g_autofree char *amount = rg_format_money (minor_units);
  gint i = g_atomic_int_get (&current_currency);
  gboolean before;

  if (i < 0)
    return g_steal_pointer (&amount);
  /* Translators: "before" if your language writes the currency symbol as
   * the currency's custom is in English ("£42", but "42 kr"); anything else
   * writes every symbol after the amount, with a space ("42 ₽", "42 £") */
  before = currencies[i].before && g_str_equal (C_("money", "before"), "before");
  if (before)
    return g_strdup_printf ("%s%s", currencies[i].symbol, amount);
  /* A no-break space: the symbol stays with the amount. */
  return g_strdup_printf ("%s\u00a0%s", amount, currencies[i].symbol);
}

/* The studio's currency symbol or code if @p starts with one. */
static const char *
currency_at (const char *p)
{
  gint i = g_atomic_int_get (&current_currency);

  if (i < 0)
    return NULL;
  if (g_str_has_prefix (p, currencies[i].symbol))
    return currencies[i].symbol;
  if (g_str_has_prefix (p, currencies[i].code))
    return currencies[i].code;
  return NULL;
}

/* Reads an amount as a person types it: "1500", "1,500.50" in English,
 * "1 500,50" in Russian. Group separators and spaces are skipped; the
 * language's decimal separator, or a ".", starts at most two digits of minor
 * units. An empty text is 0. FALSE for anything else, or a negative amount. */
gboolean
rg_format_parse_money (const char *text,
                       gint64     *minor_units)
{
  const char *group = C_("number", ",");
  const char *decimal = C_("money", ".");
  gint64 whole = 0, minor = 0;
  int n_minor = -1;   /* digits after the separator; -1 before it */
  gboolean any_digit = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor_units != NULL, FALSE);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x00A0 || c == 0x2009)
        {
          continue;
        }
      else if (currency_at (p))
        {
          /* "£42" or "42 ₽" as the window shows them: the symbol is skipped. */
          p += strlen (currency_at (p)) - 1;
          continue;
        }
      else if (c >= '0' && c <= '9')
        {
          any_digit = TRUE;
          if (n_minor < 0)
            {
              if (whole > (G_MAXINT64 / 100 - 9) / 10)
                return FALSE;
              whole = whole * 10 + (c - '0');
            }
          else if (n_minor < 2)
            {
              minor = minor * 10 + (c - '0');
              n_minor++;
            }
          else
            {
              return FALSE;
            }
        }
      else if (n_minor < 0 &&
               (g_str_has_prefix (p, decimal) ||
                (c == '.' && !g_str_equal (group, "."))))
        {
          n_minor = 0;
          if (g_str_has_prefix (p, decimal))
            p += strlen (decimal) - 1;
        }
      else if (*group && g_str_has_prefix (p, group) && n_minor < 0)
        {
          p += strlen (group) - 1;
        }
      else
        {
          return FALSE;
        }
    }

  if (!any_digit && n_minor >= 0)
    return FALSE;
  if (n_minor == 1)
    minor *= 10;

  *minor_units = whole * 100 + minor;
  return TRUE;
}

/* In the zone calendar days are kept in (rg_time_get_zone()). */
static GDateTime *
local_time (gint64 unix_seconds)
{
  g_autoptr(GTimeZone) zone = rg_time_get_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  return utc ? g_date_time_to_timezone (utc, zone) : NULL;
}

char *
rg_format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = local_time (unix_seconds);

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a date with the year, see the strftime manual; e.g. "24 November 2026" */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/* A wall-clock time from minutes after midnight: "09:30". */
char *
rg_format_clock (int minute)
{
  minute = ((minute % RG_MINUTES_PER_DAY) + RG_MINUTES_PER_DAY) % RG_MINUTES_PER_DAY;
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

/* A day with its weekday, as the editor and the calendar's questions
 * name it: "Tue, 24 November 2026". */
char *
rg_format_day (RgDate date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);

  /* Translators: a date in the editor, see the strftime manual; e.g. "Tue, 24 November 2026" */
  return dt ? g_date_time_format (dt, _("%a, %-d %B %Y")) : g_strdup ("");
}

char *
rg_format_date_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = local_time (unix_seconds);

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a date and a 24-hour time, see the strftime manual; e.g. "24 November 2026, 14:30" */
  return g_date_time_format (dt, _("%-d %B %Y, %H:%M"));
}

char *
rg_format_birthday (int day,
                    int month,
                    int year)
{
  /* A leap year, so that 29 February without a year is a date. */
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year ? year : 2000, month, day, 0, 0, 0);

  if (dt == NULL)
    return g_strdup ("");

  if (year)
    return g_date_time_format (dt, _("%-d %B %Y"));

  /* Translators: a birthday without the year, see the strftime manual; e.g. "24 November" */
  return g_date_time_format (dt, _("%-d %B"));
}

/* A typical interval in words: "every 4 weeks", "every 10 days". */
char *
rg_format_interval (double days)
{
  int n = (int) (days + 0.5);

  if (n >= 14 && n % 7 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "usually every %d week", "usually every %d weeks", n / 7),
                            n / 7);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "usually every %d day", "usually every %d days", n), n);
}

/* An amount as a field shows it to be edited: "1500" or "1500.50", no
 * grouping, the language's decimal mark; rg_money_parse() reads it back. */
char *
rg_format_money_editable (gint64 minor_units)
{
  const char *sign = minor_units < 0 ? "-" : "";
  guint64 abs_minor = minor_units < 0 ? (guint64) -(minor_units + 1) + 1 : (guint64) minor_units;

  if (abs_minor % 100 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, abs_minor / 100);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%02d", sign, abs_minor / 100,
                          C_("money", "."), (int) (abs_minor % 100));
}
