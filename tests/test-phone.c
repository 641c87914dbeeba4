/* test-phone.c — phone numbers as people type them: the forms a Russian
 * and a British front desk see, refused ones with their messages, the
 * displayed form, the country of a locale, and search fragments typed in
 * the national form.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <string.h>

#include "util/rg-money.h"
#include "util/rg-phone.h"
#include "store/rg-store.h"

typedef struct {
  const char *typed;
  int         country;
  const char *e164;      /* NULL: refused */
} Case;

static const Case cases[] = {
  /* Russian mobile numbers, every way the desk hears them. */
  { "+7 912 345-67-89",        7, "+79123456789" },
  { "+7 (912) 345-67-89",      7, "+79123456789" },
  { "+79123456789",            7, "+79123456789" },
  { "8 912 345-67-89",         7, "+79123456789" },
  { "8 (912) 345 67 89",       7, "+79123456789" },
  { "89123456789",             7, "+79123456789" },
  { "8-912-345-67-89",         7, "+79123456789" },
  { "912 345 67 89",           7, "+79123456789" },
  { "9123456789",              7, "+79123456789" },
  { "7 912 345 67 89",         7, "+79123456789" },
  { "(912) 345-67-89",         7, "+79123456789" },
  { "  +7 912 345–67–89  ",    7, "+79123456789" },   /* en dashes, spaces around */
  { "8\u00a0912\u00a0345\u00a067\u00a089", 7, "+79123456789" },  /* no-break spaces */
  { "+7.912.345.67.89",        7, "+79123456789" },
  /* Russian landlines: the area code is part of the ten digits. */
  { "8 (495) 123-45-67",       7, "+74951234567" },
  { "(812) 123-45-67",         7, "+78121234567" },
  /* Kazakhstan shares +7. */
  { "8 701 234 56 78",         7, "+77012345678" },
  /* International from a Russian desk: +, 00 and the old 8~10. */
  { "+44 7700 900123",         7, "+447700900123" },
  { "+375 29 123-45-67",       7, "+375291234567" },
  { "00 49 30 1234567",        7, "+49301234567" },
  { "8 10 49 30 1234567",      7, "+49301234567" },
  { "+1 (415) 555-0132",       7, "+14155550132" },
  /* A British desk: the trunk 0 goes, the country code comes. */
  { "07700 900123",           44, "+447700900123" },
  { "07700 900 123",          44, "+447700900123" },
  { "+44 (0) 7700 900123",    44, "+447700900123" },   /* the home-only trunk 0 */
  { "020 7946 0018",          44, "+442079460018" },
  { "+7 912 345-67-89",       44, "+79123456789" },
  /* North America. */
  { "(415) 555-0132",          1, "+14155550132" },
  { "1 415 555 0132",          1, "+14155550132" },
  /* Refused: too short, too long, letters, a plus in the middle, empty. */
  { "45-67",                   7, NULL },
  { "123-45-67",               7, NULL },   /* a city number without its area code */
  { "8 912 345-67",            7, NULL },
  { "8 912 345 67 8",          7, NULL },   /* a digit missing: no code starts with 89 */
  { "+7 912 345-67-89-00-11",  7, NULL },
  { "+1234567890123456",       7, NULL },
  { "8 912 ABC-67-89",         7, NULL },
  { "анна",                    7, NULL },
  { "912+3456789",             7, NULL },
  { "",                        7, NULL },
  { "   ",                     7, NULL },
  { "+0 123 456 789",          7, NULL },
  { "555-0132",                1, NULL },
};

static void
test_normalize (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = NULL;
      gboolean ok = rg_phone_normalize (cases[i].typed, cases[i].country, &e164, &error);

      if (cases[i].e164)
        {
          if (!ok)
            g_error ("“%s” (country %d) refused: %s", cases[i].typed, cases[i].country, error->message);
          g_assert_cmpstr (e164, ==, cases[i].e164);
        }
      else
        {
          if (ok)
            g_error ("“%s” (country %d) taken as %s", cases[i].typed, cases[i].country, e164);
          g_assert_error (error, RG_PHONE_ERROR, RG_PHONE_ERROR_INVALID);
          g_assert_null (e164);
          g_assert_cmpuint (strlen (error->message), >, 10);
        }
    }
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 30);
}

/* The messages say what went wrong in words a person can act on. */
static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = NULL;

  g_assert_false (rg_phone_normalize ("8 912 ABC", 7, &e164, &error));
  g_assert_nonnull (strstr (error->message, "8 912 ABC"));
  g_assert_nonnull (strstr (error->message, "digits"));
  g_clear_error (&error);

  g_assert_false (rg_phone_normalize ("45-67", 7, &e164, &error));
  g_assert_nonnull (strstr (error->message, "area code"));
  g_assert_nonnull (strstr (error->message, "+7 912 345-67-89"));
  g_clear_error (&error);

  /* The example is one of the studio's country: a UK studio gets a UK one. */
  g_assert_false (rg_phone_normalize ("45-67", 44, &e164, &error));
  g_assert_nonnull (strstr (error->message, "for example +44 7700 900123."));
  g_assert_null (strstr (error->message, "+7"));
  g_clear_error (&error);
  {
    const int codes[] = { 7, 44, 1, 49, 33, 380, 375, 61, 353, 34, 39, 48, 998 };

    for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
      {
        g_autofree char *example = rg_phone_example (codes[i]);
        g_autofree char *prefix = g_strdup_printf ("+%d ", codes[i]);
        g_autofree char *back = NULL;

        g_assert_true (g_str_has_prefix (example, prefix));
        /* A number the studio's own check takes. */
        g_assert_true (rg_phone_normalize (example, codes[i], &back, NULL));
      }
  }

  g_assert_false (rg_phone_normalize (NULL, 7, &e164, &error));
  g_assert_cmpstr (error->message, ==, "Enter a phone number.");
}

static void
test_format (void)
{
  const struct { const char *e164, *shown; } formats[] = {
    { "+79123456789",   "+7 912 345-67-89" },
    { "+74951234567",   "+7 495 123-45-67" },
    { "+14155550132",   "+1 415 555-0132" },
    { "+447700900123",  "+44 7700 900123" },
    { "+49301234567",   "+49 301 234 567" },
    { "+375291234567",  "+375 291 234 567" },
    { "+3531234567",    "+353 123 4567" },
    { "not a number",   "not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *shown = rg_phone_format (formats[i].e164);
      g_assert_cmpstr (shown, ==, formats[i].shown);
    }

  /* What is shown reads back as the same number. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (cases[i].e164)
      {
        g_autofree char *shown = rg_phone_format (cases[i].e164);
        g_autofree char *again = NULL;

        g_assert_true (rg_phone_normalize (shown, 7, &again, NULL));
        g_assert_cmpstr (again, ==, cases[i].e164);
      }

  g_assert_cmpuint (rg_phone_country_code_length ("79123456789"), ==, 1);
  g_assert_cmpuint (rg_phone_country_code_length ("447700900123"), ==, 2);
  g_assert_cmpuint (rg_phone_country_code_length ("375291234567"), ==, 3);
}

static void
test_locale (void)
{
  g_assert_cmpint (rg_phone_country_for_locale ("ru_RU.UTF-8"), ==, 7);
  g_assert_cmpint (rg_phone_country_for_locale ("kk_KZ"), ==, 7);
  g_assert_cmpint (rg_phone_country_for_locale ("en_GB.UTF-8"), ==, 44);
  g_assert_cmpint (rg_phone_country_for_locale ("en_US.UTF-8@euro"), ==, 1);
  g_assert_cmpint (rg_phone_country_for_locale ("be_BY"), ==, 375);
  g_assert_cmpint (rg_phone_country_for_locale ("ru"), ==, 7);
  g_assert_cmpint (rg_phone_country_for_locale ("C.UTF-8"), ==, 0);
  g_assert_cmpint (rg_phone_country_for_locale (NULL), ==, 0);
}

static void
test_search_digits (void)
{
  const struct { const char *typed; int country; const char *stored; } runs[] = {
    { "8912",   7,  "7912" },
    { "89123",  7,  "79123" },
    { "912",    7,  NULL },      /* too short to say */
    { "4567",   7,  NULL },
    { "07700",  44, "447700" },
    { "0049",   44, NULL },      /* an international prefix, not a trunk */
    { "4155",   1,  NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *stored = rg_phone_search_digits (runs[i].typed, runs[i].country);
      g_assert_cmpstr (stored, ==, runs[i].stored);
    }
}

/* The store's country: its setting, else the locale's, else Russia's. */
static void
test_store_country (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  /* The tests run in C.UTF-8 with no LANG territory of use. */
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_assert_cmpint (rg_store_get_phone_country (store), ==, RG_PHONE_DEFAULT_COUNTRY);

  g_assert_true (rg_store_set_setting (store, "phone-country", "44", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_store_get_phone_country (store), ==, 44);
  value = rg_store_get_setting (store, "phone-country");
  g_assert_cmpstr (value, ==, "44");

  /* Set again, then cleared: one row, then none. */
  g_assert_true (rg_store_set_setting (store, "phone-country", "375", &error));
  g_assert_cmpint (rg_store_get_phone_country (store), ==, 375);
  g_assert_true (rg_store_set_setting (store, "phone-country", NULL, &error));
  g_assert_cmpint (rg_store_get_phone_country (store), ==, RG_PHONE_DEFAULT_COUNTRY);

  /* Nonsense in the setting is not a country. */
  g_assert_true (rg_store_set_setting (store, "phone-country", "Russia", &error));
  g_assert_cmpint (rg_store_get_phone_country (store), ==, RG_PHONE_DEFAULT_COUNTRY);
}


/* Cells as Excel and phones leave them: @expected is the numbers joined
 * by " ", NULL when refused with @code. */
typedef struct {
  const char *cell;
  int         country;
  const char *expected;
  int         code;
} CellCase;

static const CellCase cell_cases[] = {
  { "8-912-345-67-89", 7, "+79123456789", 0 },
  { "8-912-345-67-89, раб. 8-343-123-45-67", 7, "+79123456789 +73431234567", 0 },
  { "8-912-345-67-89; 8 (343) 123-45-67", 7, "+79123456789 +73431234567", 0 },
  { "+79123456789 / +79123456780", 7, "+79123456789 +79123456780", 0 },
  { "моб. 89123456789 дом. 8 495 123 45 67", 7, "+79123456789 +74951234567", 0 },
  { "8 343 123-45-67 доб. 123", 7, "+73431234567", 0 },                /* the extension left out */
  { "89123456789, 89123456789", 7, "+79123456789", 0 },               /* once */
  { "79123456789", 7, "+79123456789", 0 },                            /* "+" stripped */
  { "9123456789", 7, "+79123456789", 0 },                             /* ten digits in Russia */
  { "7.9123456789E+10", 7, "+79123456789", 0 },                       /* every digit kept */
  { "7,9123456789E+10", 7, "+79123456789", 0 },                       /* comma decimal */
  { "8 800 555-35-35", 7, "+78005553535", 0 },                        /* toll-free */
  { "8 812 123-45-67", 7, "+78121234567", 0 },                        /* St Petersburg */
  { "88121234567", 7, "+78121234567", 0 },
  { "380501234567", 7, "+380501234567", 0 },                          /* Ukraine, "+" stripped */
  { "447700900123", 44, "+447700900123", 0 },                         /* UK, "+" stripped */
  { "7700900123", 44, "+447700900123", 0 },                           /* UK, "0" stripped */
  { "07700 900123", 44, "+447700900123", 0 },
  { "88121234567", 44, "+4488121234567", 0 },                         /* no blind 8 → 7 elsewhere */
  { "7.91234E+10", 7, NULL, RG_PHONE_ERROR_INVALID },                 /* digits lost */
  { "7,91234567E+10", 7, NULL, RG_PHONE_ERROR_INVALID },
  { "нет", 7, NULL, RG_PHONE_ERROR_NONE },
  { "Нет.", 7, NULL, RG_PHONE_ERROR_NONE },
  { "-", 7, NULL, RG_PHONE_ERROR_NONE },
  { "0", 7, NULL, RG_PHONE_ERROR_NONE },
  { "", 7, NULL, RG_PHONE_ERROR_NONE },
  { "   ", 7, NULL, RG_PHONE_ERROR_NONE },
  { "раб.", 7, NULL, RG_PHONE_ERROR_NONE },
  { "89123456789, 12345", 7, NULL, RG_PHONE_ERROR_INVALID },           /* nothing dropped quietly */
  { "12-34", 7, NULL, RG_PHONE_ERROR_INVALID },
};

static void
test_read_cell (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cell_cases); i++)
    {
      const CellCase *c = &cell_cases[i];
      g_autoptr(GPtrArray) numbers = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok = rg_phone_read_cell (c->cell, c->country, &numbers, &error);

      g_test_message ("%s", c->cell);
      if (c->expected)
        {
          g_autoptr(GString) joined = g_string_new (NULL);

          g_assert_no_error (error);
          g_assert_true (ok);
          for (guint n = 0; n < numbers->len; n++)
            g_string_append_printf (joined, "%s%s", n ? " " : "", (const char *) numbers->pdata[n]);
          g_assert_cmpstr (joined->str, ==, c->expected);
        }
      else
        {
          g_assert_false (ok);
          g_assert_null (numbers);
          g_assert_error (error, RG_PHONE_ERROR, c->code);
          g_assert_cmpuint (strlen (error->message), >, 10);
        }
    }
}

static void
test_read_cell_messages (void)
{
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (rg_phone_read_cell ("7.91234E+10", 7, &numbers, &error));
  g_assert_nonnull (strstr (error->message, "7.91234E+10"));
  g_assert_nonnull (strstr (error->message, "text"));   /* says what to do */
  g_clear_error (&error);
  g_assert_false (rg_phone_read_cell ("89123456789, 12345", 7, &numbers, &error));
  g_assert_nonnull (strstr (error->message, "12345"));  /* names the piece */
  g_clear_error (&error);
  g_assert_false (rg_phone_read_cell ("нет", 7, &numbers, &error));
  g_assert_nonnull (strstr (error->message, "нет"));
}

typedef struct {
  const char *text;
  gint64      minor;   /* -1: refused */
} MoneyCase;

static const MoneyCase money_cases[] = {
  { "1500", 150000 }, { "1 500", 150000 }, { "1 500,50", 150050 }, { "1500.5", 150050 },
  { "1500 руб.", 150000 }, { "1500р", 150000 }, { "₽1,500.00", 150000 }, { "1,500", 150000 },
  { "1.500", 150000 }, { "1500,5", 150050 }, { "1,5", 150 }, { "1 500 000", 150000000 },
  { "1,500,000", 150000000 }, { "1.500.000,25", 150000025 }, { "1\u00a0500", 150000 }, { "0", 0 },
  { "$20", 2000 }, { "1'500", 150000 }, { "2 000 RUB", 200000 },
  { "-1500", -1 }, { "−1500", -1 }, { "(1500)", -1 }, { "abc", -1 }, { "", -1 }, { "1500 яблок", -1 },
  { "1.5.0", -1 }, { "1,50,0", -1 }, { "15.005,5.5", -1 }, { "1500.505.", -1 }, { ",5", -1 },
  { "1500.123", 150012300 },   /* one mark, three digits after: thousands */
  { "1 500,505", -1 },         /* spaces group thousands, so the comma is decimal: three places */
  { "1 500.50", 150050 }, { "1'500,5", 150050 }, { "1 500 000", 150000000 },
  { "99999999999999999999", -1 },
};

static void
test_money (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (money_cases); i++)
    {
      const MoneyCase *c = &money_cases[i];
      g_autoptr(GError) error = NULL;
      gint64 minor = -7;
      gboolean ok = rg_money_parse (c->text, &minor, &error);

      g_test_message ("%s", c->text);
      if (c->minor >= 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (minor, ==, c->minor);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, RG_MONEY_ERROR, RG_MONEY_ERROR_INVALID);
          g_assert_cmpint (minor, ==, -7);
        }
    }
}

/* A master sees another master's client as "+7 9•• •••-••-67": the
 * country, the first digit of the number and the last two; nothing of a
 * number too short to hide part of. */
static void
test_mask (void)
{
  static const struct { const char *phone, *masked; } masks[] = {
    { "+7 912 345-67-89",   "+7 9\u2022\u2022 \u2022\u2022\u2022-\u2022\u2022-89" },
    { "+79123456789",       "+79\u2022\u2022\u2022\u2022\u2022\u2022\u202289" },
    { "+44 7700 900123",    "+44 7\u2022\u2022\u2022 \u2022\u2022\u2022\u202223" },
    { "+1 415 555-0132",    "+1 4\u2022\u2022 \u2022\u2022\u2022-\u2022\u202232" },
    { "+380 50 123 45 67",  "+380 5\u2022 \u2022\u2022\u2022 \u2022\u2022 67" },
    { "8 (912) 345-67-89",  "8 (\u2022\u2022\u2022) \u2022\u2022\u2022-\u2022\u2022-89" },
    { "12345",              "1\u2022\u202245" },
    { "1234",               "\u2022\u2022\u2022\u2022" },
    { "+7 123",             "+7 \u2022\u2022\u2022" },
    { "",                   "" },
    { "no phone",           "no phone" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (masks); i++)
    {
      g_autofree char *masked = rg_phone_mask (masks[i].phone);

      g_test_message ("%s", masks[i].phone);
      g_assert_cmpstr (masked, ==, masks[i].masked);
    }
  g_assert_null (rg_phone_mask (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone/normalize", test_normalize);
  g_test_add_func ("/phone/read-cell", test_read_cell);
  g_test_add_func ("/phone/read-cell-messages", test_read_cell_messages);
  g_test_add_func ("/money/parse", test_money);
  g_test_add_func ("/phone/messages", test_messages);
  g_test_add_func ("/phone/format", test_format);
  g_test_add_func ("/phone/locale", test_locale);
  g_test_add_func ("/phone/mask", test_mask);
  g_test_add_func ("/phone/search-digits", test_search_digits);
  g_test_add_func ("/phone/store-country", test_store_country);

  return g_test_run ();
}
