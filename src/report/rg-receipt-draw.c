/* rg-receipt-draw.c — one receipt on a page, with Cairo and Pango.
 *
 * The same drawing serves the printer (the window's print operation hands
 * its page's cairo_t), the PDF and an image. It is laid out for the width
 * it is given: on a till roll (80 mm) each line takes a row for its item,
 * one for its master and one for quantity × price, discount and sum; on a
 * page (A5 and wider) the lines are a table of four columns, the master
 * under the item. A refund's receipt shows what goes back as positive
 * amounts (its rows are stored negated). Every text wraps with Pango, so a long Russian name
 * takes more rows, never runs over the next column. Heights follow the
 * text: rg_receipt_measure() tells how long the receipt is; drawn on a
 * shorter page it is shrunk to fit.
 *
 * The PDF is one A5 page (148 × 210 mm), longer when the receipt needs it:
 * it prints on any office printer and reads on a screen. A till roll's
 * printer gets the same drawing at its own width.
 *
 * Money is in the studio's currency (rg_format_price), the date and time
 * as the rest of the app writes them. The receipt says plainly that it
 * is not a fiscal receipt: Regulars is not a cash register.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "model/rg-format.h"
#include "rg-receipt-draw.h"

#define NARROW_BELOW  340.0   /* points: narrower pages get the roll's layout */

typedef struct {
  cairo_t  *cr;
  gboolean  paint;       /* FALSE: only measure */
  double    left;        /* the content's left edge and width */
  double    width;
  double    y;           /* where the next row starts */
  double    size;        /* the body's font size, points */
  gboolean  narrow;
  int       sign;        /* -1 on a refund's receipt: what goes back reads positive */
} Pen;

typedef enum {
  LEFT = PANGO_ALIGN_LEFT,
  CENTER = PANGO_ALIGN_CENTER,
  RIGHT = PANGO_ALIGN_RIGHT,
} Align;

static const double ink[3] = { 0.0, 0.0, 0.0 };
static const double quiet[3] = { 0.33, 0.33, 0.33 };

/* @markup set in a box @width wide at (@x, pen->y), wrapped; its height. */
static double
put (Pen           *pen,
     const char    *markup,
     double         scale,
     PangoWeight    weight,
     Align          align,
     const double   colour[3],
     double         x,
     double         width)
{
  PangoLayout *layout;
  PangoFontDescription *desc;
  int w, h;

  if (markup == NULL || *markup == '\0')
    return 0;

  layout = pango_cairo_create_layout (pen->cr);
  desc = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (desc, pen->size * scale * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, (PangoAlignment) align);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_size (layout, &w, &h);
  if (pen->paint)
    {
      cairo_set_source_rgb (pen->cr, colour[0], colour[1], colour[2]);
      cairo_move_to (pen->cr, x, pen->y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  pango_font_description_free (desc);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE;
}

/* Plain text (escaped) across the whole width, then the pen moves down. */
static void
row (Pen         *pen,
     const char  *text,
     double       scale,
     PangoWeight  weight,
     Align        align,
     const double colour[3])
{
  g_autofree char *markup = text ? g_markup_escape_text (text, -1) : NULL;

  pen->y += put (pen, markup, scale, weight, align, colour, pen->left, pen->width);
}

/* A discount as taken off: "−£29.40" (a refund's given back reads positive). */
static char *
format_discount (gint64 discount)
{
  g_autofree char *money = rg_format_price (ABS (discount));

  return discount > 0 ? g_strconcat ("−", money, NULL) : g_steal_pointer (&money);
}

/* A label on the left and @money on the right, on one row. */
static void
pair_text (Pen         *pen,
           const char  *label,
           const char  *money,
           double       scale,
           PangoWeight  weight)
{
  g_autofree char *label_markup = g_markup_escape_text (label, -1);
  g_autofree char *money_markup = g_markup_escape_text (money, -1);
  double left = put (pen, label_markup, scale, weight, LEFT, ink, pen->left, pen->width * 0.62);
  double right = put (pen, money_markup, scale, weight, RIGHT, ink,
                      pen->left + pen->width * 0.62, pen->width * 0.38);

  pen->y += MAX (left, right) + pen->size * 0.15;
}

static void
pair (Pen         *pen,
      const char  *label,
      gint64       amount,
      double       scale,
      PangoWeight  weight)
{
  g_autofree char *money = rg_format_price (amount * pen->sign);

  pair_text (pen, label, money, scale, weight);
}

static void
rule (Pen      *pen,
      gboolean  dashed)
{
  double gap = pen->size * 0.6;

  pen->y += gap;
  if (pen->paint)
    {
      double dash[] = { 3.0, 2.0 };

      cairo_save (pen->cr);
      cairo_set_source_rgb (pen->cr, quiet[0], quiet[1], quiet[2]);
      cairo_set_line_width (pen->cr, 0.6);
      cairo_set_dash (pen->cr, dash, dashed ? 2 : 0, 0);
      cairo_move_to (pen->cr, pen->left, pen->y);
      cairo_line_to (pen->cr, pen->left + pen->width, pen->y);
      cairo_stroke (pen->cr);
      cairo_restore (pen->cr);
    }
  pen->y += gap;
}

static char *
format_number (gint64 number)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, number);
}

static void
draw_head (Pen             *pen,
           const RgReceipt *receipt)
{
  g_autofree char *number = format_number (receipt->number);
  g_autofree char *title = NULL;
  g_autofree char *when = rg_format_date_time (receipt->sold_at);

  if (receipt->studio_name)
    row (pen, receipt->studio_name, 1.45, PANGO_WEIGHT_BOLD, CENTER, ink);
  if (receipt->studio_address)
    row (pen, receipt->studio_address, 1.0, PANGO_WEIGHT_NORMAL, CENTER, ink);
  if (receipt->tax_number)
    {
      /* Translators: on a receipt, under the studio's address; %s is its VAT or taxpayer number */
      g_autofree char *tax = g_strdup_printf (_("Tax number: %s"), receipt->tax_number);

      row (pen, tax, 1.0, PANGO_WEIGHT_NORMAL, CENTER, ink);
    }
  if (receipt->studio_name || receipt->studio_address || receipt->tax_number)
    rule (pen, TRUE);

  if (receipt->refund)
    {
      g_autofree char *of = format_number (receipt->refund_of_number);

      /* Translators: the title of a refund's receipt; the first %s is its
       * number, the second the number of the receipt it takes back from */
      title = g_strdup_printf (_("Refund No. %s for receipt %s"), number, of);
    }
  else
    /* Translators: the title of a receipt; %s is its number */
    title = g_strdup_printf (_("Receipt No. %s"), number);
  row (pen, title, 1.2, PANGO_WEIGHT_BOLD, CENTER, ink);
  row (pen, when, 1.0, PANGO_WEIGHT_NORMAL, CENTER, ink);
  if (receipt->refund && receipt->reason)
    {
      /* Translators: on a refund's receipt, why the money went back */
      g_autofree char *reason = g_strdup_printf (_("Reason: %s"), receipt->reason);

      row (pen, reason, 1.0, PANGO_WEIGHT_NORMAL, CENTER, ink);
    }
  if (receipt->client)
    {
      /* Translators: on a receipt; %s is the client's name */
      g_autofree char *client = g_strdup_printf (_("Client: %s"), receipt->client);

      row (pen, client, 1.0, PANGO_WEIGHT_NORMAL, CENTER, ink);
    }
  else
    /* Translators: on a receipt, a sale to nobody the studio knows */
    row (pen, C_("receipt", "Walk-in"), 1.0, PANGO_WEIGHT_NORMAL, CENTER, ink);
}

/* Column edges of the page's table, as shares of the width: item (with its
 * master), quantity × price, discount, sum. */
static const double wide_columns[] = { 0.0, 0.44, 0.68, 0.83, 1.0 };
/* The roll's third row: quantity × price, discount, sum. */
static const double narrow_columns[] = { 0.0, 0.40, 0.68, 1.0 };

static double
cell (Pen          *pen,
      const double *columns,
      guint         column,
      const char   *markup,
      double        scale,
      PangoWeight   weight,
      Align         align,
      const double  colour[3])
{
  double pad = column > 0 ? pen->size * 0.5 : 0;
  double x = pen->left + pen->width * columns[column] + pad;
  double width = pen->width * (columns[column + 1] - columns[column]) - pad;

  return put (pen, markup, scale, weight, align, colour, x, width);
}

static void
draw_table_head (Pen *pen)
{
  g_autofree char *item = g_markup_escape_text (_("Item"), -1);
  g_autofree char *quantity = g_markup_escape_text (_("Qty × price"), -1);
  g_autofree char *discount = g_markup_escape_text (_("Discount"), -1);
  g_autofree char *sum = g_markup_escape_text (C_("receipt", "Sum"), -1);
  double h = 0;

  if (pen->narrow)
    return;
  h = MAX (h, cell (pen, wide_columns, 0, item, 0.85, PANGO_WEIGHT_BOLD, LEFT, quiet));
  h = MAX (h, cell (pen, wide_columns, 1, quantity, 0.85, PANGO_WEIGHT_BOLD, RIGHT, quiet));
  h = MAX (h, cell (pen, wide_columns, 2, discount, 0.85, PANGO_WEIGHT_BOLD, RIGHT, quiet));
  h = MAX (h, cell (pen, wide_columns, 3, sum, 0.85, PANGO_WEIGHT_BOLD, RIGHT, quiet));
  pen->y += h + pen->size * 0.3;
}

static void
draw_line (Pen                 *pen,
           const RgReceiptLine *line)
{
  g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, line->quantity * pen->sign);
  g_autofree char *list_price = rg_format_price (line->list_price);
  /* Translators: a receipt line's quantity times its price per unit, "2 × £39.00" */
  g_autofree char *times = g_strdup_printf (_("%s × %s"), quantity, list_price);
  g_autofree char *discount = line->discount ? format_discount (line->discount * pen->sign) : NULL;
  g_autofree char *sum = rg_format_price (line->price * pen->sign);
  g_autofree char *name = g_markup_escape_text (line->name ? line->name : "", -1);
  g_autofree char *master = line->master ? g_markup_escape_text (line->master, -1) : NULL;
  g_autofree char *times_markup = g_markup_escape_text (times, -1);
  g_autofree char *discount_markup = discount ? g_markup_escape_text (discount, -1) : NULL;
  g_autofree char *sum_markup = NULL;
  g_autofree char *refunded = NULL;

  /* A line taken back: its sum struck through, and said in words. */
  if (line->refunded)
    {
      g_autofree char *escaped = g_markup_escape_text (sum, -1);
      g_autofree char *word = g_markup_escape_text (_("Refunded"), -1);

      sum_markup = g_strdup_printf ("<s>%s</s>", escaped);
      refunded = g_strdup_printf ("<i>%s</i>", word);
    }
  else
    sum_markup = g_markup_escape_text (sum, -1);

  if (pen->narrow)
    {
      double h;

      pen->y += put (pen, name, 1.0, PANGO_WEIGHT_BOLD, LEFT, ink, pen->left, pen->width);
      if (master)
        pen->y += put (pen, master, 0.9, PANGO_WEIGHT_NORMAL, LEFT, quiet, pen->left, pen->width);
      if (refunded)
        pen->y += put (pen, refunded, 0.9, PANGO_WEIGHT_NORMAL, LEFT, ink, pen->left, pen->width);
      h = cell (pen, narrow_columns, 0, times_markup, 0.95, PANGO_WEIGHT_NORMAL, LEFT, ink);
      h = MAX (h, cell (pen, narrow_columns, 1, discount_markup, 0.95, PANGO_WEIGHT_NORMAL, RIGHT, ink));
      h = MAX (h, cell (pen, narrow_columns, 2, sum_markup, 1.0, PANGO_WEIGHT_BOLD, RIGHT, ink));
      pen->y += h;
    }
  else
    {
      double top = pen->y, item = 0, h = 0;

      item += cell (pen, wide_columns, 0, name, 1.0, PANGO_WEIGHT_NORMAL, LEFT, ink);
      pen->y = top + item;
      item += cell (pen, wide_columns, 0, master, 0.9, PANGO_WEIGHT_NORMAL, LEFT, quiet);
      pen->y = top + item;
      item += cell (pen, wide_columns, 0, refunded, 0.9, PANGO_WEIGHT_NORMAL, LEFT, ink);
      pen->y = top;
      h = MAX (h, cell (pen, wide_columns, 1, times_markup, 1.0, PANGO_WEIGHT_NORMAL, RIGHT, ink));
      h = MAX (h, cell (pen, wide_columns, 2, discount_markup, 1.0, PANGO_WEIGHT_NORMAL, RIGHT, ink));
      h = MAX (h, cell (pen, wide_columns, 3, sum_markup, 1.0, PANGO_WEIGHT_NORMAL, RIGHT, ink));
      pen->y = top + MAX (item, h);
    }
  pen->y += pen->size * 0.45;
}

static void
draw_money (Pen             *pen,
            const RgReceipt *receipt)
{
  if (receipt->discount != 0)
    {
      g_autofree char *discount = format_discount (receipt->discount * pen->sign);

      pair (pen, _("Before discounts"), receipt->total + receipt->discount, 1.0, PANGO_WEIGHT_NORMAL);
      pair_text (pen, _("Discounts"), discount, 1.0, PANGO_WEIGHT_NORMAL);
    }
  pair (pen, receipt->refund ? _("Total refunded") : C_("receipt", "Total"), receipt->total, 1.25, PANGO_WEIGHT_BOLD);

  if (receipt->n_payments > 0)
    {
      pen->y += pen->size * 0.4;
      row (pen, receipt->refund ? _("Paid back") : _("Paid"), 0.85, PANGO_WEIGHT_BOLD, LEFT, quiet);
    }
  for (guint i = 0; i < receipt->n_payments; i++)
    {
      const RgReceiptPayment *payment = &receipt->payments[i];

      pair (pen, payment->label ? payment->label : rg_payment_method_to_string (payment->method), payment->amount, 1.0, PANGO_WEIGHT_NORMAL);
      if (payment->tendered > 0)
        {
          g_autofree char *tendered = rg_format_price (payment->tendered);

          pair_text (pen, _("Cash tendered"), tendered, 1.0, PANGO_WEIGHT_NORMAL);
        }
    }
  if (receipt->change > 0)
    {
      g_autofree char *change = rg_format_price (receipt->change);

      /* Translators: on a receipt, the cash handed back to the client */
      pair_text (pen, _("Change"), change, 1.0, PANGO_WEIGHT_BOLD);
    }
}

/* "This is not a fiscal receipt." in a box of its own. */
static void
draw_foot (Pen *pen)
{
  g_autofree char *markup = g_markup_escape_text (_("This is not a fiscal receipt."), -1);
  double pad = pen->size * 0.5, top, h;

  pen->y += pen->size;
  top = pen->y;
  pen->y += pad;
  h = put (pen, markup, 1.1, PANGO_WEIGHT_BOLD, CENTER, ink, pen->left + pad, pen->width - 2 * pad);
  pen->y += h + pad;
  if (pen->paint)
    {
      cairo_save (pen->cr);
      cairo_set_source_rgb (pen->cr, ink[0], ink[1], ink[2]);
      cairo_set_line_width (pen->cr, 1.0);
      cairo_rectangle (pen->cr, pen->left, top, pen->width, pen->y - top);
      cairo_stroke (pen->cr);
      cairo_restore (pen->cr);
    }
}

/* Lays the receipt out at @width (painting it when @paint); its height. */
static double
lay_out (cairo_t         *cr,
         const RgReceipt *receipt,
         double           width,
         gboolean         paint)
{
  Pen pen = { cr, paint, 0, 0, 0, 0, width < NARROW_BELOW, receipt->refund ? -1 : 1 };
  double margin = pen.narrow ? MIN (12.0, width * 0.06) : MIN (36.0, width * 0.08);

  pen.size = pen.narrow ? 8.5 : 10.0;
  pen.left = margin;
  pen.width = MAX (1.0, width - 2 * margin);
  pen.y = margin;

  draw_head (&pen, receipt);
  rule (&pen, FALSE);
  draw_table_head (&pen);
  for (guint i = 0; i < receipt->n_lines; i++)
    draw_line (&pen, &receipt->lines[i]);
  rule (&pen, FALSE);
  draw_money (&pen, receipt);
  draw_foot (&pen);
  return pen.y + margin;
}

double
rg_receipt_measure (cairo_t         *cr,
                    const RgReceipt *receipt,
                    double           width)
{
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (receipt != NULL, 0);
  g_return_val_if_fail (width > 0, 0);

  return lay_out (cr, receipt, width, FALSE);
}

void
rg_receipt_draw (cairo_t         *cr,
                 const RgReceipt *receipt,
                 double           width,
                 double           height)
{
  double need;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (receipt != NULL);
  g_return_if_fail (width > 0 && height > 0);

  need = rg_receipt_measure (cr, receipt, width);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  if (need > height)
    {
      double scale = height / need;

      /* Shrunk to the page's height, in the middle of its width. */
      cairo_translate (cr, width * (1 - scale) / 2, 0);
      cairo_scale (cr, scale, scale);
    }
  lay_out (cr, receipt, width, TRUE);
  cairo_restore (cr);
}

gboolean
rg_receipt_write_pdf (const RgReceipt  *receipt,
                      const char       *path,
                      GError          **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  double height = RG_RECEIPT_A5_HEIGHT;
  cairo_t *cr;

  g_return_val_if_fail (receipt != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, RG_RECEIPT_A5_WIDTH, RG_RECEIPT_A5_HEIGHT);
  cr = cairo_create (surface);
  if (cairo_status (cr) == CAIRO_STATUS_SUCCESS)
    {
      /* A5, or as long as the receipt: set before anything is drawn. */
      height = MAX (height, rg_receipt_measure (cr, receipt, RG_RECEIPT_A5_WIDTH));
      cairo_pdf_surface_set_size (surface, RG_RECEIPT_A5_WIDTH, height);
      rg_receipt_draw (cr, receipt, RG_RECEIPT_A5_WIDTH, height);
    }
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
