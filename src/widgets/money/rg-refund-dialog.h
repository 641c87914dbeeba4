/* rg-refund-dialog.h — money back for a sale, whole or by lines.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "model/rg-sale.h"

G_BEGIN_DECLS

#define RG_TYPE_REFUND_DIALOG (rg_refund_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgRefundDialog, rg_refund_dialog, RG, REFUND_DIALOG, AdwMessageDialog)

/* ::refunded (gint64 refund_id) once written. */
RgRefundDialog *rg_refund_dialog_new        (GtkWindow       *parent,
                                             RgStudio        *studio,
                                             gint64           sale_id,
                                             GError         **error);

/* For tests: a line's check button (by the receipt's line order), the
 * reason, the method chosen, the visit's switch, and the refund itself
 * as the "refund" response does it. */
GtkCheckButton *rg_refund_dialog_get_line   (RgRefundDialog  *self,
                                             guint            index);
GtkEditable    *rg_refund_dialog_get_reason (RgRefundDialog  *self);
void            rg_refund_dialog_set_method (RgRefundDialog  *self,
                                             RgPaymentMethod  method);
void            rg_refund_dialog_set_back   (RgRefundDialog  *self,
                                             gboolean         set_back);
gboolean        rg_refund_dialog_refund     (RgRefundDialog  *self,
                                             GError         **error);
/* After the refund: where it went ("2,000 ₽ back to gift certificate
 * GC-000003, 700 ₽ in cash"); NULL before. Said in the window's toast. */
const char     *rg_refund_dialog_get_summary (RgRefundDialog *self);

G_END_DECLS
