/* rg-pin-dialog.h — a new PIN, typed twice; the caller's function saves
 * it (a profile made, a PIN reset) and its refusal is said in the dialog.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RG_TYPE_PIN_DIALOG (rg_pin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgPinDialog, rg_pin_dialog, RG, PIN_DIALOG, AdwWindow)

/* Saves @pin; FALSE with @error to keep the dialog open and say why. */
typedef gboolean (*RgPinSaveFunc) (const char  *pin,
                                   gpointer     data,
                                   GError     **error);

/* Shows the dialog over @parent: @title ("Set Marina’s PIN"), @body a
 * line under it; @save called with a valid PIN typed twice; @done (may be
 * NULL) after it closes, with whether it was saved. */
RgPinDialog *rg_pin_dialog_present  (GtkWindow     *parent,
                                     const char    *title,
                                     const char    *body,
                                     RgPinSaveFunc  save,
                                     gpointer       data,
                                     GDestroyNotify data_free);
/* For tests: types both PINs and presses Save. */
void         rg_pin_dialog_enter    (RgPinDialog   *self,
                                     const char    *pin,
                                     const char    *again);
const char  *rg_pin_dialog_get_message (RgPinDialog *self);

G_END_DECLS
