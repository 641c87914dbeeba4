/* rg-audit-window.h — the audit log, for the director.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-audit.h"

G_BEGIN_DECLS

#define RG_TYPE_AUDIT_WINDOW (rg_audit_window_get_type ())
G_DECLARE_FINAL_TYPE (RgAuditWindow, rg_audit_window, RG, AUDIT_WINDOW, AdwWindow)

/* How many rows the window shows at most (the newest). */
#define RG_AUDIT_WINDOW_MAX_ROWS 1000

RgAuditWindow *rg_audit_window_new        (GtkWindow     *parent,
                                           RgStudio      *studio);
/* For tests: the rows shown, whether more passed the filters than shown,
 * the filters as a person sets them, and the export without its chooser. */
guint          rg_audit_window_get_n_rows (RgAuditWindow *self);
gboolean       rg_audit_window_has_more   (RgAuditWindow *self);
/* "list", "empty" (nothing in the log) or "nothing-found" (the filters). */
const char    *rg_audit_window_get_state  (RgAuditWindow *self);
void           rg_audit_window_set_text   (RgAuditWindow *self,
                                           const char    *text);
void           rg_audit_window_set_action (RgAuditWindow *self,
                                           const char    *action);
void           rg_audit_window_set_staff  (RgAuditWindow *self,
                                           gint64         staff_id);
void           rg_audit_window_set_period (RgAuditWindow *self,
                                           RgDate         from,
                                           RgDate         to);
gint64         rg_audit_window_export     (RgAuditWindow *self,
                                           const char    *path,
                                           GError       **error);

G_END_DECLS
