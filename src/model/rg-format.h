/* rg-format.h — how amounts, dates and birthdays read to a person.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "util/rg-time.h"

G_BEGIN_DECLS

char *rg_format_money     (gint64  minor_units) G_GNUC_WARN_UNUSED_RESULT;
char *rg_format_price     (gint64  minor_units) G_GNUC_WARN_UNUSED_RESULT;
char *rg_format_money_editable (gint64 minor_units) G_GNUC_WARN_UNUSED_RESULT;
char *rg_format_date      (gint64  unix_seconds) G_GNUC_WARN_UNUSED_RESULT;
char *rg_format_date_time (gint64  unix_seconds) G_GNUC_WARN_UNUSED_RESULT;
char *rg_format_clock     (int     minute) G_GNUC_WARN_UNUSED_RESULT;
char *rg_format_day       (RgDate  date) G_GNUC_WARN_UNUSED_RESULT;
char *rg_format_birthday  (int     day,
                           int     month,
                           int     year) G_GNUC_WARN_UNUSED_RESULT;
char *rg_format_count     (guint   n) G_GNUC_WARN_UNUSED_RESULT;
char *rg_format_interval  (double  days) G_GNUC_WARN_UNUSED_RESULT;

gboolean rg_format_parse_money (const char *text,
                                gint64     *minor_units);

/* The currencies a studio can keep its money in. */
typedef struct {
  const char *code;       /* ISO 4217: "GBP" */
  const char *symbol;     /* "£" */
  gboolean    before;     /* written before the amount in English: "£42" */
} RgCurrency;

const RgCurrency *rg_currency_list        (guint       *n);
const RgCurrency *rg_currency_find        (const char  *code);
const char       *rg_currency_for_country (int          phone_country);
char             *rg_currency_describe    (const RgCurrency *currency) G_GNUC_WARN_UNUSED_RESULT;
void              rg_format_set_currency  (const char  *code);
const char       *rg_format_get_currency  (void);
const char       *rg_format_currency_symbol (void);

G_END_DECLS
