/* rg-satisfaction.c — the satisfaction panel's figures for a period.
 *
 * One pass over the period's done visits (the covering range index, each
 * visit's rating from its covering index, the services of rated visits from
 * theirs) fills every tally; complaints and the comments take two small
 * queries more. Buckets are local calendar weeks (from Monday) or months,
 * so a period's boundaries follow the studio's clock, not UTC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/rg-survey.h"
#include "rg-satisfaction.h"

#define DEFAULT_COMMENTS 30

double
rg_score_tally_average (const RgScoreTally *tally)
{
  return tally->ratings ? (double) tally->score_sum / tally->ratings : NAN;
}

double
rg_score_tally_csat (const RgScoreTally *tally)
{
  return tally->ratings ? 100.0 * tally->satisfied / tally->ratings : NAN;
}

double
rg_score_tally_nps (const RgScoreTally *tally)
{
  if (tally->nps_answers == 0)
    return NAN;
  return 100.0 * ((double) tally->promoters - (double) tally->detractors) / tally->nps_answers;
}

double
rg_satisfaction_response_rate (const RgSatisfaction *self)
{
  return self->visits ? 100.0 * self->total.ratings / self->visits : NAN;
}

static void
tally_add (RgScoreTally *tally,
           int           score,
           int           nps)
{
  tally->ratings++;
  tally->score_sum += score;
  if (score >= 4)
    tally->satisfied++;
  if (nps >= 0)
    {
      tally->nps_answers++;
      if (nps >= 9)
        tally->promoters++;
      else if (nps >= 7)
        tally->passives++;
      else
        tally->detractors++;
    }
}

static void
group_free (RgSatisfactionGroup *group)
{
  g_free (group->name);
  g_free (group);
}

static void
comment_free (RgSatisfactionComment *comment)
{
  g_free (comment->client);
  g_free (comment->staff);
  g_free (comment->why);
  g_free (comment);
}

static void
note_free (RgSatisfactionNote *note)
{
  g_free (note->client);
  g_free (note->staff);
  g_free (note->text);
  g_free (note->detail);
  g_free (note);
}

void
rg_satisfaction_free (RgSatisfaction *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->questions, g_array_unref);
  g_clear_pointer (&self->open_list, g_ptr_array_unref);
  g_clear_pointer (&self->refusals, g_ptr_array_unref);
  g_clear_pointer (&self->buckets, g_array_unref);
  g_clear_pointer (&self->by_staff, g_ptr_array_unref);
  g_clear_pointer (&self->by_service, g_ptr_array_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_free (self);
}

/* Buckets ------------------------------------------------------------------- */

static RgDate
bucket_first (RgDate              date,
              RgSatisfactionStep  step)
{
  if (step == RG_SATISFACTION_BY_WEEK)
    return rg_date_week_start (date);
  date.day = 1;
  return date;
}

static RgDate
bucket_next (RgDate              start,
             RgSatisfactionStep  step)
{
  if (step == RG_SATISFACTION_BY_WEEK)
    return rg_date_add_days (start, 7);
  if (++start.month > 12)
    {
      start.month = 1;
      start.year++;
    }
  return start;
}

/* Fills self->buckets; @starts gets each bucket's first second and one
 * more for the end of the period. */
static void
make_buckets (RgSatisfaction *self,
              GArray         *starts)
{
  const RgSatisfactionQuery *q = &self->query;
  RgDate start = bucket_first (q->from, q->step);

  while (rg_date_compare (start, q->to) <= 0)
    {
      RgDate next = bucket_next (start, q->step);
      RgSatisfactionBucket b = { 0 };
      gint64 at;

      b.start = rg_date_compare (start, q->from) < 0 ? q->from : start;
      b.end = rg_date_add_days (next, -1);
      if (rg_date_compare (b.end, q->to) > 0)
        b.end = q->to;
      g_array_append_val (self->buckets, b);
      at = rg_date_start (b.start);
      g_array_append_val (starts, at);
      start = next;
    }

  {
    gint64 end = rg_date_end (q->to);
    g_array_append_val (starts, end);
  }
}

/* The bucket of @at, moving forward from *@cursor (rows come in time order). */
static RgSatisfactionBucket *
bucket_at (RgSatisfaction *self,
           GArray         *starts,
           guint          *cursor,
           gint64          at)
{
  const gint64 *s = (const gint64 *) (gpointer) starts->data;

  if (*cursor >= self->buckets->len || at < s[*cursor])
    *cursor = 0;
  while (*cursor + 1 < self->buckets->len && at >= s[*cursor + 1])
    (*cursor)++;
  return &g_array_index (self->buckets, RgSatisfactionBucket, *cursor);
}

/* Groups -------------------------------------------------------------------- */

static RgSatisfactionGroup *
group_get (GHashTable *groups,
           GPtrArray  *list,
           gint64      id)
{
  RgSatisfactionGroup *group = g_hash_table_lookup (groups, &id);

  if (group == NULL)
    {
      group = g_new0 (RgSatisfactionGroup, 1);
      group->id = id;
      g_ptr_array_add (list, group);
      g_hash_table_insert (groups, &group->id, group);
    }
  return group;
}

static gboolean
name_groups (RgStore     *store,
             const char  *sql,
             GPtrArray   *list,
             GHashTable  *groups,
             GError     **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  if (list->len == 0)
    return TRUE;

  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      RgSatisfactionGroup *group = g_hash_table_lookup (groups, &id);

      if (group != NULL)
        group->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  if (!ok)
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      RgSatisfactionGroup *group = list->pdata[i];

      if (group->name == NULL)
        group->name = g_strdup ("?");
    }
  return TRUE;
}

static int
group_compare (gconstpointer a,
               gconstpointer b)
{
  const RgSatisfactionGroup *ga = *(RgSatisfactionGroup * const *) a;
  const RgSatisfactionGroup *gb = *(RgSatisfactionGroup * const *) b;
  int c = g_utf8_collate (ga->name, gb->name);

  return c ? c : (ga->id > gb->id) - (ga->id < gb->id);
}

/* Comments ------------------------------------------------------------------ */

typedef struct {
  gint64  rating_id;
  gint64  starts_at;
  int     score;
} Candidate;

static int
candidate_compare (gconstpointer a,
                   gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->score != cb->score)
    return ca->score - cb->score;
  if (ca->starts_at != cb->starts_at)
    return ca->starts_at > cb->starts_at ? -1 : 1;
  return (ca->rating_id > cb->rating_id) - (ca->rating_id < cb->rating_id);
}

/* The worst ratings first, newest first among equals; only those with a
 * "Why?" are comments, so texts are read until enough are found. */
static gboolean
load_comments (RgSatisfaction  *self,
               RgStore         *store,
               GArray          *candidates,
               GError         **error)
{
  guint limit = self->query.max_comments ? self->query.max_comments : DEFAULT_COMMENTS;

  g_array_sort (candidates, candidate_compare);

  for (guint i = 0; i < candidates->len && self->comments->len < limit; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      g_autoptr(RgStmt) stmt = NULL;
      RgSatisfactionComment *comment;
      gboolean row;

      stmt = rg_store_prepare (store,
                               "SELECT r.why, coalesce(r.nps, -1), a.id, a.client_id, c.address_as, s.display_name,"
                               " a.starts_at"
                               " FROM ratings r JOIN appointments a ON a.id = r.appointment_id"
                               " JOIN clients c ON c.id = a.client_id"
                               " JOIN staff s ON s.id = a.staff_id"
                               " WHERE r.id = ?1 AND r.why IS NOT NULL AND length (trim (r.why)) > 0",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->rating_id);
      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        continue;

      comment = g_new0 (RgSatisfactionComment, 1);
      comment->rating_id = c->rating_id;
      comment->score = c->score;
      comment->why = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      comment->nps = sqlite3_column_int (stmt, 1);
      comment->appointment_id = sqlite3_column_int64 (stmt, 2);
      comment->client_id = sqlite3_column_int64 (stmt, 3);
      comment->client = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      comment->staff = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      comment->starts_at = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (self->comments, comment);
    }

  return TRUE;
}

/* Complaints ---------------------------------------------------------------- */

#define VISIT_FILTER \
  " AND (?3 = 0 OR a.staff_id = ?3)" \
  " AND (?4 = 0 OR EXISTS (SELECT 1 FROM appointment_services s" \
  "      WHERE s.appointment_id = a.id AND s.service_id = ?4))"

#define COMPLAINT_FILTER \
  " AND (?3 = 0 OR coalesce(i.staff_id, a.staff_id) = ?3)" \
  " AND (?4 = 0 OR i.service_id = ?4 OR EXISTS (SELECT 1 FROM appointment_services s" \
  "      WHERE s.appointment_id = i.appointment_id AND s.service_id = ?4))"

static void
bind_period (RgStmt                    *stmt,
             gint64                     from,
             gint64                     to,
             const RgSatisfactionQuery *q)
{
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, q->staff_id);
  sqlite3_bind_int64 (stmt, 4, q->service_id);
}

static gboolean
count_complaints (RgSatisfaction  *self,
                  RgStore         *store,
                  GArray          *starts,
                  GError         **error)
{
  gint64 from = g_array_index (starts, gint64, 0);
  gint64 to = g_array_index (starts, gint64, starts->len - 1);
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;
  guint cursor = 0;

  stmt = rg_store_prepare (store,
                           "SELECT i.occurred_at FROM interactions i"
                           " LEFT JOIN appointments a ON a.id = i.appointment_id"
                           " WHERE i.kind = 'complaint' AND i.occurred_at >= ?1 AND i.occurred_at < ?2"
                           " AND i.deleted_at IS NULL" COMPLAINT_FILTER
                           " ORDER BY i.occurred_at",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, from, to, &self->query);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      self->complaints++;
      bucket_at (self, starts, &cursor, sqlite3_column_int64 (stmt, 0))->complaints++;
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, rg_stmt_release);

  stmt = rg_store_prepare (store,
                           "SELECT count(*) FROM interactions i"
                           " LEFT JOIN appointments a ON a.id = i.appointment_id"
                           " WHERE i.kind = 'complaint' AND i.outcome IN ('open', 'escalated')"
                           " AND i.occurred_at >= ?1 AND i.occurred_at < ?2"
                           " AND i.deleted_at IS NULL" COMPLAINT_FILTER,
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, 0, to, &self->query);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  self->open_complaints = row ? sqlite3_column_int (stmt, 0) : 0;
  return TRUE;
}

/* Unresolved complaints and the questionnaires ---------------------------------- */

#define NOTES_LIMIT 20

static gboolean
load_open_complaints (RgSatisfaction  *self,
                      RgStore         *store,
                      GArray          *starts,
                      GError         **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  stmt = rg_store_prepare (store,
                           "SELECT i.id, i.client_id, i.occurred_at, c.address_as, s.display_name, i.body, i.outcome"
                           " FROM interactions i JOIN clients c ON c.id = i.client_id"
                           " LEFT JOIN appointments a ON a.id = i.appointment_id"
                           " LEFT JOIN staff s ON s.id = coalesce (i.staff_id, a.staff_id)"
                           " WHERE i.kind = 'complaint' AND i.outcome IN ('open', 'escalated')"
                           " AND i.occurred_at >= ?1 AND i.occurred_at < ?2"
                           " AND i.deleted_at IS NULL" COMPLAINT_FILTER
                           " ORDER BY i.occurred_at DESC LIMIT " G_STRINGIFY (NOTES_LIMIT),
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, 0, g_array_index (starts, gint64, starts->len - 1), &self->query);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgSatisfactionNote *note = g_new0 (RgSatisfactionNote, 1);

      note->id = sqlite3_column_int64 (stmt, 0);
      note->client_id = sqlite3_column_int64 (stmt, 1);
      note->at = sqlite3_column_int64 (stmt, 2);
      note->client = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      note->staff = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      note->text = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      note->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (self->open_list, note);
    }
  return ok;
}

/* The visit is read only when a master is chosen (OR stops at ?3 = 0). */
#define SURVEY_FROM \
  " FROM survey_answers q" \
  " WHERE q.survey = 'visit' AND q.score IS NOT NULL" \
  " AND q.answered_at >= ?1 AND q.answered_at < ?2" \
  " AND (?3 = 0 OR EXISTS (SELECT 1 FROM appointments a WHERE a.id = q.appointment_id AND a.staff_id = ?3))" \
  " AND (?4 = 0 OR EXISTS (SELECT 1 FROM appointment_services s" \
  "      WHERE s.appointment_id = q.appointment_id AND s.service_id = ?4))"

/* Answers to the scored questions given in the period; with a master or a
 * service chosen, only those about such a visit. */
static gboolean
count_questionnaires (RgSatisfaction  *self,
                      RgStore         *store,
                      GArray          *starts,
                      GError         **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  const RgSurveyQuestion *questions;
  gboolean row = FALSE, ok;
  guint n;

  questions = rg_survey_get_questions (RG_SURVEY_VISIT, &n);
  for (guint i = 0; i < n; i++)
    if (questions[i].scored)
      g_array_append_val (self->questions, ((RgSatisfactionQuestion) { questions[i].key, 0, 0 }));

  stmt = rg_store_prepare (store,
                           "SELECT q.question, count(*), sum(q.score)" SURVEY_FROM " GROUP BY q.question",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, g_array_index (starts, gint64, 0), g_array_index (starts, gint64, starts->len - 1), &self->query);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < self->questions->len; i++)
        {
          RgSatisfactionQuestion *q = &g_array_index (self->questions, RgSatisfactionQuestion, i);

          if (g_strcmp0 (q->key, key) == 0)
            {
              q->answers = sqlite3_column_int (stmt, 1);
              q->score_sum = sqlite3_column_int (stmt, 2);
            }
        }
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, rg_stmt_release);

  /* A questionnaire: one client's answers about one visit. */
  stmt = rg_store_prepare (store,
                           "SELECT count(*) FROM (SELECT DISTINCT q.client_id, coalesce (q.appointment_id, -q.answered_at)"
                           SURVEY_FROM ")",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, g_array_index (starts, gint64, 0), g_array_index (starts, gint64, starts->len - 1), &self->query);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  self->questionnaires = row ? sqlite3_column_int (stmt, 0) : 0;
  return TRUE;
}

/* Why clients left: the refusal questionnaire's answers in the period,
 * newest first. A refusal is about the studio, not a master or a service,
 * so the filters do not apply. */
static gboolean
load_refusals (RgSatisfaction  *self,
               RgStore         *store,
               GArray          *starts,
               GError         **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  stmt = rg_store_prepare (store,
                           "SELECT q.client_id, q.answered_at, c.address_as, q.answer, q.question"
                           " FROM survey_answers q JOIN clients c ON c.id = q.client_id"
                           " WHERE q.survey = 'refusal' AND q.answer IS NOT NULL"
                           " AND q.answered_at >= ?1 AND q.answered_at < ?2"
                           " ORDER BY q.answered_at DESC LIMIT " G_STRINGIFY (NOTES_LIMIT),
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_array_index (starts, gint64, 0));
  sqlite3_bind_int64 (stmt, 2, g_array_index (starts, gint64, starts->len - 1));
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgSatisfactionNote *note = g_new0 (RgSatisfactionNote, 1);

      note->client_id = sqlite3_column_int64 (stmt, 0);
      note->at = sqlite3_column_int64 (stmt, 1);
      note->client = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      note->text = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      note->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (self->refusals, note);
    }
  return ok;
}

/* The pass over the visits --------------------------------------------------- */

typedef struct {
  gint64    appointment_id;
  gint64    rating_id;
  int       score;
  int       nps;
  gboolean  counted;
} Rated;

static int
rated_compare (gconstpointer a,
               gconstpointer b)
{
  const Rated *ra = a, *rb = b;

  return (ra->appointment_id > rb->appointment_id) - (ra->appointment_id < rb->appointment_id);
}

/* A rated visit counts for each of its services. */
static gboolean
add_services (RgStore     *store,
              GHashTable  *services,
              GPtrArray   *list,
              gint64       appointment_id,
              int          score,
              int          nps,
              GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT service_id FROM appointment_services"
                                             " WHERE appointment_id = ?1",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgSatisfactionGroup *service = group_get (services, list, sqlite3_column_int64 (stmt, 0));

      service->visits++;
      tally_add (&service->tally, score, nps);
    }
  return ok;
}

static RgSatisfaction *
compute (RgStore                   *store,
         const RgSatisfactionQuery *query,
         GCancellable              *cancellable,
         GError                   **error)
{
  g_autoptr(RgSatisfaction) self = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GHashTable) staff = NULL;
  g_autoptr(GHashTable) services = NULL;
  g_autoptr(GArray) rated = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;
  guint cursor = 0, n = 0;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!rg_date_valid (query->from) || !rg_date_valid (query->to) ||
      rg_date_compare (query->from, query->to) > 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The period must start on or before the day it ends."));
      return NULL;
    }

  self = g_new0 (RgSatisfaction, 1);
  self->query = *query;
  self->buckets = g_array_new (FALSE, FALSE, sizeof (RgSatisfactionBucket));
  self->by_staff = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->by_service = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) comment_free);
  self->questions = g_array_new (FALSE, TRUE, sizeof (RgSatisfactionQuestion));
  self->open_list = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  self->refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  rated = g_array_new (FALSE, FALSE, sizeof (Rated));
  staff = g_hash_table_new (g_int64_hash, g_int64_equal);
  services = g_hash_table_new (g_int64_hash, g_int64_equal);

  make_buckets (self, starts);

  /* The ratings of visits in the period: a range of ratings by the time of
   * their visit (a covering index), sorted by visit. */
  stmt = rg_store_prepare (store,
                           "SELECT r.appointment_id, r.id, r.score, coalesce(r.nps, -1)"
                           " FROM ratings r WHERE r.visit_at >= ?1 AND r.visit_at < ?2",
                           error);
  if (stmt == NULL)
    return NULL;
  bind_period (stmt, g_array_index (starts, gint64, 0), g_array_index (starts, gint64, starts->len - 1), query);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      Rated r = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                  CLAMP (sqlite3_column_int (stmt, 2), 1, 5), sqlite3_column_int (stmt, 3), FALSE };

      g_array_append_val (rated, r);
    }
  if (!ok)
    return NULL;
  g_clear_pointer (&stmt, rg_stmt_release);
  g_array_sort (rated, rated_compare);

  /* The done visits, in time order: a range of the covering index, no table
   * read. A visit here is done, not deleted and within the filters, so its
   * rating counts. */
  stmt = rg_store_prepare (store,
                           "SELECT a.starts_at, a.staff_id, a.id FROM appointments a"
                           " WHERE a.starts_at >= ?1 AND a.starts_at < ?2"
                           " AND a.status = 'done' AND a.deleted_at IS NULL" VISIT_FILTER
                           " ORDER BY a.starts_at",
                           error);
  if (stmt == NULL)
    return NULL;
  bind_period (stmt, g_array_index (starts, gint64, 0), g_array_index (starts, gint64, starts->len - 1), query);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 at = sqlite3_column_int64 (stmt, 0);
      RgSatisfactionBucket *bucket = bucket_at (self, starts, &cursor, at);
      RgSatisfactionGroup *master = group_get (staff, self->by_staff, sqlite3_column_int64 (stmt, 1));
      Rated key = { sqlite3_column_int64 (stmt, 2) };
      Rated *r;

      if ((++n & 8191) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      self->visits++;
      bucket->visits++;
      master->visits++;

      r = rated->len ? bsearch (&key, rated->data, rated->len, sizeof (Rated), rated_compare) : NULL;
      if (r == NULL)
        continue;
      r->counted = TRUE;
      tally_add (&self->total, r->score, r->nps);
      tally_add (&bucket->tally, r->score, r->nps);
      tally_add (&master->tally, r->score, r->nps);
      self->distribution[r->score - 1]++;
      if (r->nps >= 0 && r->nps <= 10)
        self->nps_distribution[r->nps]++;
      g_array_append_val (candidates, ((Candidate) { r->rating_id, at, r->score }));
    }
  if (!ok)
    return NULL;
  g_clear_pointer (&stmt, rg_stmt_release);

  /* Services of the rated visits, looked up in the order of their index. */
  for (guint i = 0; i < rated->len; i++)
    {
      const Rated *r = &g_array_index (rated, Rated, i);

      if (r->counted && !add_services (store, services, self->by_service, r->appointment_id, r->score, r->nps, error))
        return NULL;
    }

  if (!name_groups (store, "SELECT id, display_name FROM staff", self->by_staff, staff, error) ||
      !name_groups (store, "SELECT id, name FROM services", self->by_service, services, error))
    return NULL;
  g_ptr_array_sort (self->by_staff, group_compare);
  g_ptr_array_sort (self->by_service, group_compare);

  if (!count_complaints (self, store, starts, error) ||
      !load_comments (self, store, candidates, error) ||
      !load_open_complaints (self, store, starts, error) ||
      !count_questionnaires (self, store, starts, error) ||
      !load_refusals (self, store, starts, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* In one read transaction: the queries see one state of the studio, and
 * the thousands of small lookups do not each take and drop a read lock. */
RgSatisfaction *
rg_satisfaction_compute (RgStore                   *store,
                         const RgSatisfactionQuery *query,
                         GCancellable              *cancellable,
                         GError                   **error)
{
  RgSatisfaction *result;
  gboolean started;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  result = compute (store, query, cancellable, error);
  rg_store_end_read (store, started);
  return result;
}
