/* rg-certificate-draw.c — a gift certificate on a page, with Cairo and
 * Pango.
 *
 * The same drawing serves the printer (the window's print operation hands
 * its page's cairo_t), the PDF and an image. It is laid out on an A5 page
 * on its side (the PDF's page) and scaled to whatever page it is given,
 * centred: on an A4 sheet it prints at A5 size, to be cut out. From the
 * top: the studio's name, "Gift certificate", what it is worth (an amount
 * in the studio's currency, or the service it pays for), its number large
 * (the desk types it at the till), and the last day it is valid. Every
 * text wraps with Pango, so a long Russian name takes more rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "model/rg-format.h"
#include "rg-certificate-draw.h"

#define W RG_CERTIFICATE_PAGE_WIDTH
#define H RG_CERTIFICATE_PAGE_HEIGHT
#define MARGIN 48.0

static const double ink[3] = { 0.10, 0.10, 0.12 };
static const double quiet[3] = { 0.38, 0.38, 0.40 };
static const double accent[3] = { 0.47, 0.20, 0.36 };   /* a deep plum, dark enough for any printer */

typedef struct {
  cairo_t  *cr;
  gboolean  paint;
  double    y;
} Pen;

/* @text centred across the page's content at pen->y, @size points, wrapped;
 * the pen moves down by its height and @after. */
static void
line (Pen          *pen,
      const char   *text,
      double        size,
      PangoWeight   weight,
      const char   *family,
      const double  colour[3],
      double        after)
{
  PangoLayout *layout;
  PangoFontDescription *desc;
  int w, h;

  if (text == NULL || *text == '\0')
    return;
  layout = pango_cairo_create_layout (pen->cr);
  desc = pango_font_description_from_string (family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) ((W - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  if (pen->paint)
    {
      cairo_set_source_rgb (pen->cr, colour[0], colour[1], colour[2]);
      cairo_move_to (pen->cr, MARGIN, pen->y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  pen->y += (double) h / PANGO_SCALE + after;
  pango_font_description_free (desc);
  g_object_unref (layout);
}

/* A short rule across the middle, as a divider. */
static void
divider (Pen *pen)
{
  pen->y += 6;
  if (pen->paint)
    {
      cairo_save (pen->cr);
      cairo_set_source_rgb (pen->cr, accent[0], accent[1], accent[2]);
      cairo_set_line_width (pen->cr, 0.8);
      cairo_move_to (pen->cr, W / 2 - 60, pen->y);
      cairo_line_to (pen->cr, W / 2 + 60, pen->y);
      cairo_stroke (pen->cr);
      cairo_restore (pen->cr);
    }
  pen->y += 12;
}

/* The texts, from @top; the height they take. */
static double
texts (cairo_t                  *cr,
       const RgCertificatePrint *print,
       double                    top,
       gboolean                  paint)
{
  Pen pen = { cr, paint, top };
  g_autofree char *worth = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *number = NULL;

  if (print->service)
    /* Translators: on a gift certificate for a service: what it pays for */
    worth = g_strdup_printf (_("For: %s"), print->service);
  else
    worth = rg_format_price (print->amount);
  if (print->expires_at > 0)
    {
      /* The expiry is exclusive: the last valid day is the one before. */
      g_autofree char *day = rg_format_date (print->expires_at - 1);

      /* Translators: on a gift certificate; %s is the last day it can pay */
      valid = g_strdup_printf (_("Valid through %s"), day);
    }
  /* Translators: before a gift certificate's number, "No. GC-000123" */
  number = g_strdup_printf (_("No. %s"), print->number ? print->number : "");

  line (&pen, print->studio_name, 15, PANGO_WEIGHT_BOLD, "Sans", ink, 10);
  line (&pen, _("Gift certificate"), 34, PANGO_WEIGHT_BOLD, "Serif", accent, 4);
  divider (&pen);
  line (&pen, worth, print->service ? 22 : 30, PANGO_WEIGHT_BOLD, "Sans", ink, 16);
  line (&pen, number, 24, PANGO_WEIGHT_BOLD, "Monospace", ink, 14);
  line (&pen, valid, 12, PANGO_WEIGHT_NORMAL, "Sans", ink, 6);
  line (&pen, print->service
              ? _("Present it at the studio: it pays for this service, whatever its price on the day.")
              : _("Present it at the studio: it pays for services and products until its balance is spent."),
        9, PANGO_WEIGHT_NORMAL, "Sans", quiet, 0);
  return pen.y - top;
}

static void
frame (cairo_t *cr)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, accent[0], accent[1], accent[2]);
  cairo_set_line_width (cr, 2.0);
  cairo_rectangle (cr, 18, 18, W - 36, H - 36);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, 24, 24, W - 48, H - 48);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
rg_certificate_draw (cairo_t                  *cr,
                     const RgCertificatePrint *print,
                     double                    width,
                     double                    height)
{
  double scale, need;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (print != NULL);
  g_return_if_fail (width > 0 && height > 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* The A5 design, at its size on a larger page, shrunk on a smaller one,
   * in the middle. */
  scale = MIN (1.0, MIN (width / W, height / H));
  cairo_translate (cr, (width - W * scale) / 2, (height - H * scale) / 2);
  cairo_scale (cr, scale, scale);

  frame (cr);
  need = texts (cr, print, 0, FALSE);
  texts (cr, print, MAX (MARGIN, (H - need) / 2), TRUE);
  cairo_restore (cr);
}

gboolean
rg_certificate_write_pdf (const RgCertificatePrint  *print,
                          const char                *path,
                          GError                   **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (print != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, W, H);
  cr = cairo_create (surface);
  if (cairo_status (cr) == CAIRO_STATUS_SUCCESS)
    rg_certificate_draw (cr, print, W, H);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
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
