/* rg-appointment-card.h — one appointment in the calendar.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-appointment.h"
#include "model/rg-appointment-list.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_APPOINTMENT_CARD (rg_appointment_card_get_type ())
G_DECLARE_FINAL_TYPE (RgAppointmentCard, rg_appointment_card, RG, APPOINTMENT_CARD, GtkWidget)

RgAppointmentCard *rg_appointment_card_new_empty       (RgStudio          *studio);
void               rg_appointment_card_bind            (RgAppointmentCard    *self,
                                                        RgAppointment        *appointment,
                                                        RgAppointmentDetails *details);
RgAppointment     *rg_appointment_card_get_appointment (RgAppointmentCard *self);
RgClient          *rg_appointment_card_get_client      (RgAppointmentCard *self);
void               rg_appointment_card_set_color       (RgAppointmentCard *self,
                                                        const char        *color);
void               rg_appointment_card_set_selected    (RgAppointmentCard *self,
                                                        gboolean           selected);
gboolean           rg_appointment_card_get_selected    (RgAppointmentCard *self);
const char        *rg_appointment_card_get_description (RgAppointmentCard *self);
void               rg_appointment_card_set_preview     (RgAppointmentCard *self,
                                                        gint64             starts_at,
                                                        gint64             ends_at);
const char        *rg_appointment_card_get_time_text   (RgAppointmentCard *self);

G_END_DECLS
