/* fuzz-csv.c — libFuzzer target: rg_csv_read() on any bytes, detecting
 * everything and with the dialog's overrides, then the mapping.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fuzz-common.h"
#include "io/rg-csv.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  static const struct {
    const char *encoding;
    char        separator;
  } choices[] = {
    { NULL, 0 },
    { "windows-1251", ';' },
    { "UTF-16LE", '\t' },
  };

  fuzz_init ();
  /* Every input is read as detected; one in four also as chosen. */
  for (guint i = 0; i < (size % 4 == 0 ? G_N_ELEMENTS (choices) : 1); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgTable) table = rg_csv_read (bytes, choices[i].encoding, choices[i].separator, &error);

      fuzz_check_result (table, error);
      if (table != NULL)
        fuzz_check_table (table);
    }
  return 0;
}
