/* rg-call-dialog.h — the call with its script and one-click outcomes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-call.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

/* The call with its script and one-click outcomes (RgCallOutcome). */
#define RG_TYPE_CALL_DIALOG (rg_call_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgCallDialog, rg_call_dialog, RG, CALL_DIALOG, AdwWindow)

RgCallDialog *rg_call_dialog_new      (GtkWindow     *parent,
                                       RgStudio      *studio,
                                       gint64         client_id,
                                       gint64         task_id);
const char   *rg_call_dialog_get_script (RgCallDialog *self);
/* @when: the call back time (RG_CALL_OUTCOME_CALL_BACK); @reason: why not
 * (RG_CALL_OUTCOME_NOT_INTERESTED). Writes the timeline, closes. Booked
 * opens the editor instead, and the call is written with the booking; a
 * booking not saved brings the call back. */
gboolean      rg_call_dialog_log      (RgCallDialog  *self,
                                       RgCallOutcome  outcome,
                                       gint64         when,
                                       const char    *reason,
                                       GError       **error);

G_END_DECLS
