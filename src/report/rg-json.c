/* rg-json.c — the reports' JSON text.
 *
 * json-glib prints a double with 17 significant digits, so a figure
 * rounded to 55.95 reads 55.950000000000003. The same double is printed
 * here with the fewest digits (up to 15) that read back as exactly it;
 * a number that needs all 17 is left as json-glib wrote it. Strings are
 * copied as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <string.h>

#include "rg-json-private.h"

static void
append_number (GString    *out,
               const char *token,
               gsize       len)
{
  g_autofree char *copy = g_strndup (token, len);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (len <= 16 || strpbrk (copy, ".eE") == NULL)
    {
      g_string_append_len (out, token, (gssize) len);
      return;
    }
  value = g_ascii_strtod (copy, NULL);
  for (int digits = 1; digits <= 15; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        {
          g_string_append (out, buf);
          /* Still a fraction to the reader: 56.0, not 56. */
          if (strpbrk (buf, ".eE") == NULL)
            g_string_append (out, ".0");
          return;
        }
    }
  g_string_append_len (out, token, (gssize) len);
}

/* @root as indented JSON text, numbers as short as they can be. */
char *
rg_json_to_text (JsonNode *root)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;
  GString *out;
  gsize len = 0;
  gboolean in_string = FALSE;

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, &len);
  out = g_string_sized_new (len);

  for (gsize i = 0; i < len;)
    {
      char c = text[i];

      if (in_string)
        {
          g_string_append_c (out, c);
          if (c == '\\' && i + 1 < len)
            g_string_append_c (out, text[++i]);
          else if (c == '"')
            in_string = FALSE;
          i++;
        }
      else if (c == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, c);
          i++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize j = i + 1;

          while (j < len && (g_ascii_isdigit (text[j]) || strchr ("+-.eE", text[j]) != NULL))
            j++;
          append_number (out, text + i, j - i);
          i = j;
        }
      else
        {
          g_string_append_c (out, c);
          i++;
        }
    }
  return g_string_free (out, FALSE);
}
