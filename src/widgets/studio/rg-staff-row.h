/* rg-staff-row.h — a staff member in the Studio window: colour, name, role.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-staff.h"

G_BEGIN_DECLS

#define RG_TYPE_STAFF_ROW (rg_staff_row_get_type ())
G_DECLARE_FINAL_TYPE (RgStaffRow, rg_staff_row, RG, STAFF_ROW, AdwActionRow)

GtkWidget *rg_staff_row_new           (RgStaff    *staff) G_GNUC_WARN_UNUSED_RESULT;
RgStaff   *rg_staff_row_get_staff     (RgStaffRow *self);
void       rg_staff_row_set_can_move  (RgStaffRow *self,
                                       gboolean    up,
                                       gboolean    down);

G_END_DECLS
