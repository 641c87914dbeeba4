/* fuzz-date.c — libFuzzer target: dates and times as a file may hold them.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-fuzz"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "util/rg-time.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_malloc (size + 1);
  int day, month, year, minute;
  RgDate date;

  memcpy (text, data, size);
  text[size] = '\0';

  if (rg_date_parse_birthday (text, &day, &month, &year, NULL))
    g_assert (month >= 1 && month <= 12 && day >= 1 && day <= 31 && (year == 0 || year >= 1900));
  if (rg_date_parse_day (text, &date, &minute, NULL))
    g_assert (rg_date_valid (date) && minute >= -1 && minute < 24 * 60);
  if (rg_time_parse_minute (text, &minute, NULL))
    g_assert (minute >= 0 && minute < 24 * 60);
  return 0;
}
