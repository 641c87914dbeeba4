/* rg-survey.h — the questionnaires: the full one after a visit (BRIEF 3.3,
 * each question scored 1–10 with its "Why?") and the refusal one for a
 * client who leaves. Questions have stable keys in the store and are
 * translated when shown.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

typedef enum {
  RG_SURVEY_VISIT,
  RG_SURVEY_REFUSAL,
} RgSurveyKind;

typedef struct {
  const char *key;        /* stored */
  const char *text;       /* untranslated; show with _() */
  gboolean    scored;     /* 1–10 and "Why?"; else a free answer */
  const char *label;      /* untranslated, short: a chart's axis */
} RgSurveyQuestion;

typedef struct {
  const char *key;
  int         score;      /* 1–10, 0: none */
  const char *answer;     /* "Why?" or the free answer; NULL: none */
} RgSurveyAnswer;

const RgSurveyQuestion *rg_survey_get_questions (RgSurveyKind     kind,
                                                 guint           *n_questions);
const RgSurveyQuestion *rg_survey_find_question (RgSurveyKind     kind,
                                                 const char      *key);
const char             *rg_survey_question_label (const RgSurveyQuestion *question);
const char             *rg_survey_kind_to_nick  (RgSurveyKind     kind);

/* Replaces the client's answers to @kind for @appointment_id (0: none) in
 * one transaction; an answer with neither score nor text is not kept. */
gboolean    rg_survey_save  (RgStudio              *studio,
                             RgSurveyKind           kind,
                             gint64                 client_id,
                             gint64                 appointment_id,
                             const RgSurveyAnswer  *answers,
                             guint                  n_answers,
                             GError               **error);

typedef struct {
  RgSurveyKind  kind;
  gint64        appointment_id;
  char         *key;
  int           score;
  char         *answer;
  gint64        answered_at;
} RgSurveyEntry;

void        rg_survey_entry_free (RgSurveyEntry *entry);

/* The client's answers, newest questionnaire first, questions in order. */
GPtrArray  *rg_survey_load       (RgStudio              *studio,
                                  gint64                 client_id,
                                  GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
