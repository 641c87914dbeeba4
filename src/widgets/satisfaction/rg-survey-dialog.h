/* rg-survey-dialog.h — the full questionnaire after a visit, and the one
 * for a client who left.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"
#include "model/rg-survey.h"

G_BEGIN_DECLS

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

G_END_DECLS
