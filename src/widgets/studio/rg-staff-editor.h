/* rg-staff-editor.h — the Studio window's page for one staff member: name,
 * colour, role, phone, working hours and days off.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-staff.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_STAFF_EDITOR (rg_staff_editor_get_type ())
G_DECLARE_FINAL_TYPE (RgStaffEditor, rg_staff_editor, RG, STAFF_EDITOR, AdwBin)

GtkWidget *rg_staff_editor_new        (RgStudio      *studio,
                                       RgStaff       *staff) G_GNUC_WARN_UNUSED_RESULT;
RgStaff   *rg_staff_editor_get_staff  (RgStaffEditor *self);
gboolean   rg_staff_editor_save       (RgStaffEditor *self,
                                       GError       **error);

G_END_DECLS
