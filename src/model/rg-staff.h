/* rg-staff.h — a member of staff, or a resource (room, equipment) that has
 * its own column in the calendar.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-enums.h"
#include "rg-record.h"

G_BEGIN_DECLS

/* No fixed pay per visit is more: 100,000,000.00. */
#define RG_STAFF_MAX_PAY G_GINT64_CONSTANT (10000000000)

#define RG_TYPE_STAFF (rg_staff_get_type ())
G_DECLARE_FINAL_TYPE (RgStaff, rg_staff, RG, STAFF, RgRecord)

RgStaff     *rg_staff_new               (const char  *display_name,
                                         RgStaffRole  role) G_GNUC_WARN_UNUSED_RESULT;
const char  *rg_staff_get_display_name  (RgStaff     *self);
void         rg_staff_set_display_name  (RgStaff     *self,
                                         const char  *display_name);
RgStaffRole  rg_staff_get_role          (RgStaff     *self);
void         rg_staff_set_role          (RgStaff     *self,
                                         RgStaffRole  role);
const char  *rg_staff_get_color         (RgStaff     *self);
void         rg_staff_set_color         (RgStaff     *self,
                                         const char  *color);
const char  *rg_staff_get_phone         (RgStaff     *self);
void         rg_staff_set_phone         (RgStaff     *self,
                                         const char  *phone);
int          rg_staff_get_position      (RgStaff     *self);
void         rg_staff_set_position      (RgStaff     *self,
                                         int          position);
gboolean     rg_staff_get_archived      (RgStaff     *self);
void         rg_staff_set_archived      (RgStaff     *self,
                                         gboolean     archived);
int          rg_staff_get_pay_rate      (RgStaff     *self);
void         rg_staff_set_pay_rate      (RgStaff     *self,
                                         int          pay_rate);
gint64       rg_staff_get_pay_per_visit (RgStaff     *self);
void         rg_staff_set_pay_per_visit (RgStaff     *self,
                                         gint64       pay_per_visit);

const char  *rg_staff_role_to_label     (RgStaffRole  role);

G_END_DECLS
