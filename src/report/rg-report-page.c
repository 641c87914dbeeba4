/* rg-report-page.c — a report's page written to a file.
 *
 * The page is drawn by the report (rg-report-satisfaction.c and the others)
 * on whatever surface the format needs: an image for PNG, a vector page for
 * SVG and PDF. A PDF is A4's width in points with the page scaled to it,
 * so it prints as it is; it grows longer than A4 when the page does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "rg-report-page.h"

#define A4_WIDTH   595.28   /* points */
#define A4_HEIGHT  841.89

void
rg_report_page_text (cairo_t    *cr,
                     const char *font,
                     const char *text,
                     double      x,
                     double      y,
                     double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

gboolean
rg_report_page_write (RgChartFormat      format,
                      const char        *path,
                      double             width,
                      double             height,
                      RgReportPageFunc   draw,
                      gpointer           user_data,
                      GError           **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  double scale = A4_WIDTH / width;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  switch (format)
    {
    case RG_CHART_PDF:
      surface = cairo_pdf_surface_create (path, A4_WIDTH, MAX (A4_HEIGHT, height * scale));
      break;
    case RG_CHART_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case RG_CHART_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
      break;
    }

  cr = cairo_create (surface);
  if (format == RG_CHART_PDF)
    cairo_scale (cr, scale, scale);
  draw (cr, user_data);
  cairo_destroy (cr);

  if (format == RG_CHART_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Could not write “%s”. Check that the folder exists and can be written to."), name);
      return FALSE;
    }
  return TRUE;
}
