/* rg-certificate-draw.h — a gift certificate drawn with Cairo and Pango: on
 * a printer's page, an image, or written as a PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* An A5 page on its side, in points: the PDF's page. */
#define RG_CERTIFICATE_PAGE_WIDTH   595.28
#define RG_CERTIFICATE_PAGE_HEIGHT  419.53

/* What the certificate says. */
typedef struct {
  const char *studio_name;   /* NULL: the studio has not named itself */
  const char *number;
  gint64      amount;        /* minor units; shown when there is no service */
  const char *service;       /* NULL: an amount certificate */
  gint64      expires_at;    /* exclusive, Unix seconds: valid through the day before */
} RgCertificatePrint;

/* Draws @print on a white page @width × @height from (0, 0) of @cr, shrunk
 * to fit a smaller page. */
void     rg_certificate_draw      (cairo_t                  *cr,
                                   const RgCertificatePrint *print,
                                   double                    width,
                                   double                    height);

/* One page, A5 on its side, at @path. */
gboolean rg_certificate_write_pdf (const RgCertificatePrint *print,
                                   const char               *path,
                                   GError                  **error);

G_END_DECLS
