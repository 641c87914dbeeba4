/* rg-staff-access.h — the Studio window's Staff Access page: each
 * person's role and PIN, the lock's minutes and the audit thresholds.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_STAFF_ACCESS (rg_staff_access_get_type ())
G_DECLARE_FINAL_TYPE (RgStaffAccess, rg_staff_access, RG, STAFF_ACCESS, AdwPreferencesPage)

RgStaffAccess *rg_staff_access_new           (RgStudio      *studio);
/* For tests: @staff_id's role row (an AdwComboRow: none, director,
 * administrator, master) and its Set PIN button. */
AdwComboRow   *rg_staff_access_get_role_row  (RgStaffAccess *self,
                                              gint64         staff_id);
GtkWidget     *rg_staff_access_get_pin_button (RgStaffAccess *self,
                                              gint64         staff_id);

G_END_DECLS
