/* rg-receipt-draw.h — one receipt drawn with Cairo and Pango: on a printer's
 * page, a till roll, an image, or written as a PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "model/rg-sale.h"

G_BEGIN_DECLS

/* Page sizes in points (1/72 inch). */
#define RG_RECEIPT_ROLL_WIDTH  226.77  /* a till roll, 80 mm wide */
#define RG_RECEIPT_A5_WIDTH    419.53  /* 148 × 210 mm, the PDF's page */
#define RG_RECEIPT_A5_HEIGHT   595.28

/* The height the receipt needs at @width, with the fonts of @cr. */
double   rg_receipt_measure   (cairo_t          *cr,
                               const RgReceipt  *receipt,
                               double            width);

/* Draws @receipt on a white page @width × @height from (0, 0) of @cr;
 * shrunk to fit when it needs more than @height (rg_receipt_measure()). */
void     rg_receipt_draw      (cairo_t          *cr,
                               const RgReceipt  *receipt,
                               double            width,
                               double            height);

/* One A5 page (longer when the receipt needs it) at @path. */
gboolean rg_receipt_write_pdf (const RgReceipt  *receipt,
                               const char       *path,
                               GError          **error);

G_END_DECLS
