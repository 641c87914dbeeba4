/* fuzz-phone.c — libFuzzer target: a phone cell and a price as a file may
 * hold them.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-fuzz"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "util/rg-money.h"
#include "util/rg-phone.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(GPtrArray) numbers = NULL;
  g_autofree char *e164 = NULL;
  gint64 minor = 0;

  memcpy (text, data, size);
  text[size] = '\0';

  if (rg_phone_read_cell (text, 7, &numbers, NULL))
    g_assert (numbers->len > 0);
  g_clear_pointer (&numbers, g_ptr_array_unref);
  if (rg_phone_read_cell (text, 44, &numbers, NULL))
    for (guint i = 0; i < numbers->len; i++)
      g_assert (((const char *) numbers->pdata[i])[0] == '+');
  if (rg_phone_normalize (text, 7, &e164, NULL))
    g_assert (e164[0] == '+');
  if (rg_money_parse (text, &minor, NULL))
    g_assert (minor >= 0);
  return 0;
}
