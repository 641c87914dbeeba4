/* rg-rating-dialog.h — the rating after a visit: five faces, "Why?", and
 * optionally the 0–10 question; and the full questionnaire.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-appointment.h"
#include "model/rg-studio.h"
#include "model/rg-survey.h"

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

/* The questionnaire: after @appointment_id (0: none) for RG_SURVEY_VISIT,
 * or a client's refusal. */
#define RG_TYPE_SURVEY_DIALOG (rg_survey_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgSurveyDialog, rg_survey_dialog, RG, SURVEY_DIALOG, AdwWindow)

RgSurveyDialog *rg_survey_dialog_new       (GtkWindow      *parent,
                                            RgStudio       *studio,
                                            RgSurveyKind    kind,
                                            gint64          client_id,
                                            gint64          appointment_id);
void            rg_survey_dialog_set_answer (RgSurveyDialog *self,
                                             const char     *key,
                                             int             score,
                                             const char     *text);
gboolean        rg_survey_dialog_save      (RgSurveyDialog *self,
                                            GError        **error);

gboolean        rg_studio_offers_questionnaire (RgStudio  *studio);

G_END_DECLS
