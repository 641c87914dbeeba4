/* rg-appointment.h — a booking of a client with a member of staff.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-enums.h"
#include "rg-record.h"

G_BEGIN_DECLS

/* SQL: the appointment @a (an alias of appointments) is not of a deleted
 * client; the calendar shows none of a deleted client's appointments. The
 * deleted clients are few: their set is read once from their own index. */
#define RG_APPOINTMENT_CLIENT_LIVE_SQL(a) \
  a ".client_id NOT IN (SELECT id FROM clients INDEXED BY clients_deleted WHERE deleted_at IS NOT NULL)"

#define RG_TYPE_APPOINTMENT (rg_appointment_get_type ())
G_DECLARE_FINAL_TYPE (RgAppointment, rg_appointment, RG, APPOINTMENT, RgRecord)

RgAppointment       *rg_appointment_new            (gint64          client_id,
                                                    gint64          staff_id,
                                                    gint64          starts_at,
                                                    gint64          ends_at) G_GNUC_WARN_UNUSED_RESULT;
gint64               rg_appointment_get_client_id  (RgAppointment  *self);
gint64               rg_appointment_get_staff_id   (RgAppointment  *self);
gint64               rg_appointment_get_starts_at  (RgAppointment  *self);
gint64               rg_appointment_get_ends_at    (RgAppointment  *self);
RgAppointmentStatus  rg_appointment_get_status     (RgAppointment  *self);
void                 rg_appointment_set_status     (RgAppointment  *self,
                                                    RgAppointmentStatus status);
gint64               rg_appointment_get_price      (RgAppointment  *self);
const char          *rg_appointment_get_note       (RgAppointment  *self);
gint64               rg_appointment_get_series_id  (RgAppointment  *self);
gboolean             rg_appointment_get_allow_overlap (RgAppointment *self);

G_END_DECLS
