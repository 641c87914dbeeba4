/* rg-report-text.c — the reports' text: label–value pairs and tables,
 * lined up in characters, and the cells they hold (rg-report-text-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <math.h>
#include <stdarg.h>

#include "model/rg-format.h"
#include "rg-report-text-private.h"

/* Figures --------------------------------------------------------------------
 *
 * A report's figures are label–value pairs, printed with the values in one
 * column however long the labels are in the reader's language. */

void
rg_report_pair_add (GPtrArray  *pairs,
                    const char *label,
                    char       *value)
{
  char **pair = g_new0 (char *, 3);

  pair[0] = g_strdup (label);
  pair[1] = value;
  g_ptr_array_add (pairs, pair);
}

/* @decimals: digits after the point; a negative number shows the sign. */
void
rg_report_pair_figure (GPtrArray  *pairs,
                       const char *label,
                       double      value,
                       int         decimals)
{
  if (isnan (value))
    rg_report_pair_add (pairs, label, g_strdup ("—"));
  else if (decimals < 0)
    rg_report_pair_add (pairs, label, g_strdup_printf ("%+.*f", -decimals - 1, value));
  else
    rg_report_pair_add (pairs, label, g_strdup_printf ("%.*f", decimals, value));
}

void
rg_report_append_pairs (GString   *out,
                        GPtrArray *pairs)
{
  guint width = 0;

  for (guint i = 0; i < pairs->len; i++)
    width = MAX (width, (guint) g_utf8_strlen (((char **) pairs->pdata[i])[0], -1));
  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = pairs->pdata[i];

      if (*pair[0] == '\0' && *pair[1] == '\0')
        {
          g_string_append_c (out, '\n');   /* a blank line between groups */
          continue;
        }
      g_string_append (out, pair[0]);
      for (guint k = (guint) g_utf8_strlen (pair[0], -1); k < width + 2; k++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s\n", pair[1]);
    }
}

/* Tables ---------------------------------------------------------------------
 *
 * A table is rows of cells, the first row its header. Columns are as wide
 * as their widest cell, counted in characters (printf counts bytes, and
 * names are Cyrillic): the first left-aligned, the numbers right-aligned. */

RgReportTable *
rg_report_table_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

void
rg_report_table_add (RgReportTable *table,
                     char          *first,
                     ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (char *cell = first; cell; cell = va_arg (args, char *))
    g_ptr_array_add (cells, cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (table, g_ptr_array_free (cells, FALSE));
}

void
rg_report_table_add_strv (RgReportTable *table,
                          GStrv          cells)
{
  g_ptr_array_add (table, cells);
}

void
rg_report_append_table (GString       *out,
                        const char    *title,
                        RgReportTable *table)
{
  rg_report_append_table_left (out, title, table, 1);
}

/* The same with the first @n_left columns left-aligned (words: a date, a
 * name), the others right-aligned (numbers). */
void
rg_report_append_table_left (GString       *out,
                             const char    *title,
                             RgReportTable *table,
                             guint          n_left)
{
  g_autofree guint *widths = NULL;
  guint n_columns = 0;

  if (table->len < 2)   /* a header and nothing under it */
    return;
  for (guint r = 0; r < table->len; r++)
    n_columns = MAX (n_columns, g_strv_length (table->pdata[r]));
  widths = g_new0 (guint, n_columns);
  for (guint r = 0; r < table->len; r++)
    {
      GStrv cells = table->pdata[r];

      for (guint c = 0; cells[c]; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cells[c], -1));
    }

  g_string_append_printf (out, "\n%s\n", title);
  for (guint r = 0; r < table->len; r++)
    {
      GStrv cells = table->pdata[r];
      gsize line_start = out->len;

      g_string_append (out, "  ");
      for (guint c = 0; cells[c]; c++)
        {
          guint pad = widths[c] - (guint) g_utf8_strlen (cells[c], -1);

          if (c > 0)
            g_string_append (out, "  ");
          if (c < n_left)
            {
              g_string_append (out, cells[c]);
              if (cells[c + 1])
                for (guint i = 0; i < pad; i++)
                  g_string_append_c (out, ' ');
            }
          else
            {
              for (guint i = 0; i < pad; i++)
                g_string_append_c (out, ' ');
              g_string_append (out, cells[c]);
            }
        }
      /* No trailing spaces. */
      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

char *
rg_report_cell_percent (double percent)
{
  return isnan (percent) ? g_strdup ("—") : g_strdup_printf ("%.1f", percent);
}

char *
rg_report_cell_share (const RgShare *share)
{
  return rg_report_cell_percent (rg_share_percent (share));
}

/* "12 / 40": what a share was counted on. */
char *
rg_report_cell_counts (const RgShare *share)
{
  return g_strdup_printf ("%.0f / %.0f", share->numerator, share->denominator);
}

char *
rg_report_cell_number (double value,
                       int    decimals)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.*f", decimals, value);
}

/* Money as the window shows it: "1,300", "42.50". */
char *
rg_report_cell_money (double minor_units)
{
  return isnan (minor_units) ? g_strdup ("—") : rg_format_price ((gint64) llround (minor_units));
}

char *
rg_report_cell_month (RgDate month)
{
  return g_strdup_printf ("%04d-%02d", month.year, month.month);
}
