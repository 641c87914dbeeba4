/* rg-survey.c — the questionnaires and their answers.
 *
 * The full questionnaire follows seed 002 (L114–124), the refusal one
 * seed 003 (L469–471). Answers are plain rows of survey_answers, written
 * together so a questionnaire is never half saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-survey.h"

static const RgSurveyQuestion visit_questions[] = {
  { "comfort", N_("How comfortable is our salon?"), TRUE, NC_("question", "Comfort") },
  { "services", N_("How satisfied are you with the services you received?"), TRUE, NC_("question", "Services") },
  { "result", N_("How pleased are you with the result?"), TRUE, NC_("question", "Result") },
  { "staff", N_("How attentive to you were our staff?"), TRUE, NC_("question", "Staff") },
  { "administrators", N_("How would you rate our administrators?"), TRUE, NC_("question", "Administrators") },
  { "service", N_("How would you rate the salon's service overall?"), TRUE, NC_("question", "Service overall") },
  { "news", N_("How useful is the news we send you about offers and events?"), TRUE, NC_("question", "Our news") },
  { "wanted_services", N_("What other services would you like us to offer?"), FALSE, NC_("question", "Services wanted") },
  { "remarks", N_("Any remarks or wishes about our work?"), FALSE, NC_("question", "Remarks") },
};

static const RgSurveyQuestion refusal_questions[] = {
  { "product", N_("What did not suit you in the service?"), FALSE, NC_("question", "The service") },
  { "staff", N_("What did you not like in how the staff worked?"), FALSE, NC_("question", "The staff") },
  { "irritating", N_("What irritated you?"), FALSE, NC_("question", "Irritating") },
};

const RgSurveyQuestion *
rg_survey_get_questions (RgSurveyKind  kind,
                         guint        *n_questions)
{
  if (kind == RG_SURVEY_REFUSAL)
    {
      *n_questions = G_N_ELEMENTS (refusal_questions);
      return refusal_questions;
    }
  *n_questions = G_N_ELEMENTS (visit_questions);
  return visit_questions;
}

const RgSurveyQuestion *
rg_survey_find_question (RgSurveyKind  kind,
                         const char   *key)
{
  guint n;
  const RgSurveyQuestion *q = rg_survey_get_questions (kind, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (q[i].key, key) == 0)
      return &q[i];
  return NULL;
}

/* The short label, translated (its context is "question"). */
const char *
rg_survey_question_label (const RgSurveyQuestion *question)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "question", question->label);
}

const char *
rg_survey_kind_to_nick (RgSurveyKind kind)
{
  return kind == RG_SURVEY_REFUSAL ? "refusal" : "visit";
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

gboolean
rg_survey_save (RgStudio              *studio,
                RgSurveyKind           kind,
                gint64                 client_id,
                gint64                 appointment_id,
                const RgSurveyAnswer  *answers,
                guint                  n_answers,
                GError               **error)
{
  RgStore *store;
  gint64 now = rg_store_now ();

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (n_answers == 0 || answers != NULL, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, client_id, error))
    return FALSE;

  if (client_id == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose the client who answered."));
      return FALSE;
    }
  for (guint i = 0; i < n_answers; i++)
    {
      const RgSurveyQuestion *q = rg_survey_find_question (kind, answers[i].key);

      if (q == NULL || answers[i].score < 0 || answers[i].score > 10 || (!q->scored && answers[i].score))
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                               _("A questionnaire answer is not one of its questions or is not scored 1 to 10."));
          return FALSE;
        }
    }

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;

  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "DELETE FROM survey_answers WHERE client_id = ?1 AND survey = ?2"
                                               " AND appointment_id IS ?3 AND ?3 IS NOT NULL",
                                               error);
    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, client_id);
    sqlite3_bind_text (stmt, 2, rg_survey_kind_to_nick (kind), -1, SQLITE_STATIC);
    if (appointment_id)
      sqlite3_bind_int64 (stmt, 3, appointment_id);
    else
      sqlite3_bind_null (stmt, 3);
    if (!rg_store_step_done (store, stmt, error))
      goto fail;
  }

  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(RgStmt) stmt = NULL;
      g_autofree char *answer = has_text (answers[i].answer) ? g_strstrip (g_strdup (answers[i].answer)) : NULL;

      if (answers[i].score == 0 && answer == NULL)
        continue;
      stmt = rg_store_prepare (store,
                               "INSERT INTO survey_answers (id, client_id, appointment_id, survey, question,"
                               " score, answer, answered_at, created_at, updated_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?8)",
                               error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, client_id);
      if (appointment_id)
        sqlite3_bind_int64 (stmt, 3, appointment_id);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_text (stmt, 4, rg_survey_kind_to_nick (kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, answers[i].key, -1, SQLITE_TRANSIENT);
      if (answers[i].score)
        sqlite3_bind_int (stmt, 6, answers[i].score);
      else
        sqlite3_bind_null (stmt, 6);
      if (answer)
        sqlite3_bind_text (stmt, 7, answer, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 7);
      sqlite3_bind_int64 (stmt, 8, now);
      if (!rg_store_step_done (store, stmt, error))
        goto fail;
    }

  return rg_store_commit (store, error);

fail:
  rg_store_rollback (store);
  return FALSE;
}

void
rg_survey_entry_free (RgSurveyEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->key);
  g_free (entry->answer);
  g_free (entry);
}

static guint
question_position (RgSurveyKind  kind,
                   const char   *key)
{
  const RgSurveyQuestion *q = rg_survey_find_question (kind, key);
  guint n;
  const RgSurveyQuestion *all = rg_survey_get_questions (kind, &n);

  return q ? (guint) (q - all) : n;
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const RgSurveyEntry *ea = *(RgSurveyEntry * const *) a;
  const RgSurveyEntry *eb = *(RgSurveyEntry * const *) b;

  if (ea->answered_at != eb->answered_at)
    return ea->answered_at > eb->answered_at ? -1 : 1;
  if (ea->kind != eb->kind)
    return (int) ea->kind - (int) eb->kind;
  if (ea->appointment_id != eb->appointment_id)
    return ea->appointment_id > eb->appointment_id ? -1 : 1;
  return (int) question_position (ea->kind, ea->key) - (int) question_position (eb->kind, eb->key);
}

GPtrArray *
rg_survey_load (RgStudio  *studio,
                gint64     client_id,
                GError   **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_survey_entry_free);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  stmt = rg_store_prepare (store,
                           "SELECT survey, coalesce(appointment_id, 0), question, coalesce(score, 0), answer, answered_at"
                           " FROM survey_answers WHERE client_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgSurveyEntry *e = g_new0 (RgSurveyEntry, 1);

      e->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "refusal") == 0
              ? RG_SURVEY_REFUSAL : RG_SURVEY_VISIT;
      e->appointment_id = sqlite3_column_int64 (stmt, 1);
      e->key = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      e->score = sqlite3_column_int (stmt, 3);
      e->answer = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e->answered_at = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (entries, e);
    }
  if (!ok)
    return NULL;

  g_ptr_array_sort (entries, entry_compare);
  return g_steal_pointer (&entries);
}
