/* rg-interaction.h — one entry of a client's timeline.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-enums.h"
#include "rg-record.h"

G_BEGIN_DECLS

#define RG_TYPE_INTERACTION (rg_interaction_get_type ())
G_DECLARE_FINAL_TYPE (RgInteraction, rg_interaction, RG, INTERACTION, RgRecord)

RgInteraction     *rg_interaction_new                (gint64              client_id,
                                                      RgInteractionKind   kind,
                                                      const char         *body) G_GNUC_WARN_UNUSED_RESULT;
gint64             rg_interaction_get_client_id      (RgInteraction      *self);
gint64             rg_interaction_get_appointment_id (RgInteraction      *self);
RgInteractionKind  rg_interaction_get_kind           (RgInteraction      *self);
const char        *rg_interaction_get_body           (RgInteraction      *self);
const char        *rg_interaction_get_outcome        (RgInteraction      *self);
gint64             rg_interaction_get_occurred_at    (RgInteraction      *self);
gint64             rg_interaction_get_due_at         (RgInteraction      *self);
gint64             rg_interaction_get_done_at        (RgInteraction      *self);
gint64             rg_interaction_get_staff_id       (RgInteraction      *self);
const char        *rg_interaction_get_resolution     (RgInteraction      *self);

/* A complaint's status is kept in its outcome. */
RgComplaintStatus  rg_interaction_get_complaint_status (RgInteraction    *self);
void               rg_interaction_set_complaint_status (RgInteraction    *self,
                                                        RgComplaintStatus status);
const char        *rg_complaint_status_to_nick       (RgComplaintStatus   status);
RgComplaintStatus  rg_complaint_status_from_nick     (const char         *nick);
const char        *rg_complaint_status_to_string     (RgComplaintStatus   status);
const char        *rg_interaction_outcome_to_string  (const char         *outcome);

RgInteraction     *rg_complaint_new                  (RgStudio           *studio,
                                                      gint64              client_id,
                                                      const char         *body,
                                                      GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
