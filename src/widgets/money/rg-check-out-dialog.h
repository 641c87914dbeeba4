/* rg-check-out-dialog.h — the till: a visit's check-out, or a sale
 * without a visit.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "model/rg-sale.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_CHECK_OUT_DIALOG (rg_check_out_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgCheckOutDialog, rg_check_out_dialog, RG, CHECK_OUT_DIALOG, AdwWindow)

/* ::checked-out (gint64 sale_id, gint64 appointment_id) once the sale is
 * written; the dialog closes itself then. */
RgCheckOutDialog *rg_check_out_dialog_new          (GtkWindow        *parent,
                                                    RgStudio         *studio,
                                                    gint64            appointment_id,
                                                    gint64            client_id,
                                                    GError          **error);

/* For tests and the window's keyboard paths: the widgets a person types
 * into, and the button they press. */
GtkEditable      *rg_check_out_dialog_get_payment  (RgCheckOutDialog *self,
                                                    RgPaymentMethod   method);
GtkEditable      *rg_check_out_dialog_get_sale_discount (RgCheckOutDialog *self);
GtkEditable      *rg_check_out_dialog_get_line_discount (RgCheckOutDialog *self,
                                                         guint             line);
GtkWidget        *rg_check_out_dialog_get_check_out_button (RgCheckOutDialog *self);
const RgSaleQuote *rg_check_out_dialog_get_quote   (RgCheckOutDialog *self);
const char       *rg_check_out_dialog_get_error    (RgCheckOutDialog *self);
void              rg_check_out_dialog_add_item     (RgCheckOutDialog *self,
                                                    RgSaleLineKind    kind,
                                                    gint64            item_id);
/* Opens on a first line of @kind: a deposit top-up with its amount
 * focused, the subscription chooser (the one kind added), the gift
 * certificate chooser. */
void              rg_check_out_dialog_start_with   (RgCheckOutDialog *self,
                                                    RgSaleLineKind    kind);

/* Prepaid, for tests: a payment's "The Rest" button (cash, card, transfer,
 * deposit, points, certificate), the switch of the client's subscription
 * @index (as rg_studio_read_balances() lists them) and whether its row
 * shows, the certificate number typed and its Find button, what the
 * certificate's row says (NULL: none looked up), the referral discount's
 * switch (NULL: none), a prepaid line's amount and certificate number,
 * the chooser of what is added. */
GtkWidget        *rg_check_out_dialog_get_rest     (RgCheckOutDialog *self,
                                                    RgPaymentMethod   method);
GtkSwitch        *rg_check_out_dialog_get_subscription (RgCheckOutDialog *self,
                                                        guint             index);
gboolean          rg_check_out_dialog_shows_subscription (RgCheckOutDialog *self,
                                                          guint             index);
GtkEditable      *rg_check_out_dialog_get_certificate_number (RgCheckOutDialog *self);
GtkWidget        *rg_check_out_dialog_get_certificate_find   (RgCheckOutDialog *self);
const char       *rg_check_out_dialog_get_certificate_status (RgCheckOutDialog *self);
GtkSwitch        *rg_check_out_dialog_get_reward   (RgCheckOutDialog *self);
GtkEditable      *rg_check_out_dialog_get_line_amount (RgCheckOutDialog *self,
                                                       guint             line);
GtkEditable      *rg_check_out_dialog_get_line_number (RgCheckOutDialog *self,
                                                       guint             line);
AdwComboRow      *rg_check_out_dialog_get_chooser  (RgCheckOutDialog *self,
                                                    RgSaleLineKind    kind);

G_END_DECLS
