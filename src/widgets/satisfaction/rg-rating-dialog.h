/* rg-rating-dialog.h — the rating after a visit: five faces, "Why?", and
 * optionally the 0–10 question.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-appointment.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_SETTING_FULL_QUESTIONNAIRE "full-questionnaire"

#define RG_TYPE_RATING_DIALOG (rg_rating_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgRatingDialog, rg_rating_dialog, RG, RATING_DIALOG, AdwMessageDialog)

RgRatingDialog *rg_rating_dialog_new       (GtkWindow      *parent,
                                            RgStudio       *studio,
                                            RgAppointment  *appointment);
void            rg_rating_dialog_set_score (RgRatingDialog *self,
                                            int             score);
int             rg_rating_dialog_get_score (RgRatingDialog *self);
void            rg_rating_dialog_set_nps   (RgRatingDialog *self,
                                            int             nps);
void            rg_rating_dialog_set_why   (RgRatingDialog *self,
                                            const char     *why);
gboolean        rg_rating_dialog_save      (RgRatingDialog *self,
                                            GError        **error);

G_END_DECLS
