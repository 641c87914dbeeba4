/* rg-appointment-editor.h — the window that books and edits an appointment.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-appointment.h"
#include "model/rg-call.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_APPOINTMENT_EDITOR (rg_appointment_editor_get_type ())
G_DECLARE_FINAL_TYPE (RgAppointmentEditor, rg_appointment_editor, RG, APPOINTMENT_EDITOR, AdwWindow)

RgAppointmentEditor *rg_appointment_editor_new             (GtkWindow           *parent,
                                                            RgStudio            *studio,
                                                            RgAppointment       *appointment);
void                 rg_appointment_editor_prefill         (RgAppointmentEditor *self,
                                                            gint64               staff_id,
                                                            gint64               starts_at,
                                                            gint64               ends_at);
void                 rg_appointment_editor_set_client      (RgAppointmentEditor *self,
                                                            RgClient            *client);
RgClient            *rg_appointment_editor_get_client      (RgAppointmentEditor *self);
gboolean             rg_appointment_editor_add_service     (RgAppointmentEditor *self,
                                                            gint64               service_id);
RgAppointment       *rg_appointment_editor_get_appointment (RgAppointmentEditor *self);
void                 rg_appointment_editor_set_call        (RgAppointmentEditor *self,
                                                            const RgCall        *call);
void                 rg_appointment_editor_start_first_free (RgAppointmentEditor *self,
                                                            gint64               from);

gboolean             rg_appointment_editor_became_done (RgAppointmentEditor *self);

G_END_DECLS
