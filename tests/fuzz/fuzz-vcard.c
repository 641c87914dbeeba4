/* fuzz-vcard.c — libFuzzer target: rg_vcard_read() on any bytes (EVCard
 * behind it, with warnings fatal), then the mapping.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fuzz-common.h"
#include "io/rg-vcard.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTable) table = NULL;

  fuzz_init ();
  table = rg_vcard_read (bytes, &error);
  fuzz_check_result (table, error);
  if (table != NULL)
    {
      g_assert_cmpuint (rg_table_get_row_length (table, 0), ==, RG_VCARD_N_COLUMNS);
      fuzz_check_table (table);
    }
  return 0;
}
