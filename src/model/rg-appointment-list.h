/* rg-appointment-list.h — the appointments of a time range, live.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rg-appointment.h"
#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_APPOINTMENT_LIST (rg_appointment_list_get_type ())
G_DECLARE_FINAL_TYPE (RgAppointmentList, rg_appointment_list, RG, APPOINTMENT_LIST, GObject)

RgAppointmentList *rg_appointment_list_new        (RgStudio          *studio) G_GNUC_WARN_UNUSED_RESULT;
void               rg_appointment_list_set_range  (RgAppointmentList *self,
                                                   gint64             from,
                                                   gint64             to);
void               rg_appointment_list_get_range  (RgAppointmentList *self,
                                                   gint64            *from,
                                                   gint64            *to);
void               rg_appointment_list_set_staff  (RgAppointmentList *self,
                                                   gint64             staff_id);
gint64             rg_appointment_list_get_staff  (RgAppointmentList *self);
void               rg_appointment_list_read_ahead (RgAppointmentList *self,
                                                   gint64             from,
                                                   gint64             to);

typedef struct _RgAppointmentDetails RgAppointmentDetails;

RgAppointmentDetails *rg_appointment_list_load_details      (RgAppointmentList    *self,
                                                             GError              **error) G_GNUC_WARN_UNUSED_RESULT;
const char           *rg_appointment_details_get_services   (RgAppointmentDetails *details,
                                                             gint64                id);
gboolean              rg_appointment_details_is_first_visit (RgAppointmentDetails *details,
                                                             gint64                id);
const char           *rg_appointment_details_get_conditions (RgAppointmentDetails *details,
                                                             gint64                client_id);
void                  rg_appointment_details_free           (RgAppointmentDetails *details);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgAppointmentDetails, rg_appointment_details_free)

G_END_DECLS
