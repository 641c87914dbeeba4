/* rg-approval-dialog.h — a director's approval at the desk: the director
 * is chosen, then their PIN (so that two equal PINs cannot be confused);
 * rg_studio_grant_override keeps the approval for the next command that
 * needs one.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_APPROVAL_DIALOG (rg_approval_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgApprovalDialog, rg_approval_dialog, RG, APPROVAL_DIALOG, AdwWindow)

/* Asks over @parent, saying @reason; @callback gets TRUE from
 * rg_approval_dialog_ask_finish once a director's PIN was right (the
 * approval is then waiting in the studio), FALSE when cancelled. */
void        rg_approval_dialog_ask          (GtkWindow           *parent,
                                             RgStudio            *studio,
                                             const char          *reason,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    rg_approval_dialog_ask_finish   (GAsyncResult        *result);

/* For tests: choose a director, type a PIN, press Approve; what it says. */
gboolean    rg_approval_dialog_choose       (RgApprovalDialog    *self,
                                             gint64               staff_id);
void        rg_approval_dialog_approve      (RgApprovalDialog    *self,
                                             const char          *pin);
const char *rg_approval_dialog_get_message  (RgApprovalDialog    *self);

G_END_DECLS
