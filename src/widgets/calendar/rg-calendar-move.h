/* rg-calendar-move.h — moving a booking by dragging its card.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-appointment.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

void rg_calendar_move (GtkWidget     *view,
                       RgStudio      *studio,
                       RgAppointment *appointment,
                       gint64         staff_id,
                       gint64         starts_at,
                       gint64         ends_at);

G_END_DECLS
