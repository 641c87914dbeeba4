/* rg-calendar-move.h — moving a booking by dragging its card.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-appointment.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

/* Called once the move is saved (@error NULL) or refused; not called when
 * the person declines the move. @previous_* are where the booking was. */
typedef void (*RgCalendarMoveDone) (GtkWidget     *view,
                                    RgAppointment *appointment,
                                    gint64         previous_staff_id,
                                    gint64         previous_starts_at,
                                    gint64         previous_ends_at,
                                    const GError  *error);

void rg_calendar_move (GtkWidget          *view,
                       RgStudio           *studio,
                       RgAppointment      *appointment,
                       gint64              staff_id,
                       gint64              starts_at,
                       gint64              ends_at,
                       RgCalendarMoveDone  done);

G_END_DECLS
