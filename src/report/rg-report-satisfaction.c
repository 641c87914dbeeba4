/* rg-report-satisfaction.c — the satisfaction figures (src/analytics) as
 * text and JSON for `regulars --report satisfaction`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rg-json-private.h"
#include "rg-report-satisfaction.h"
#include "rg-report-text-private.h"

/* Text ------------------------------------------------------------------------ */

char *
rg_report_satisfaction_text (const RgSatisfaction *s,
                             const char           *staff,
                             const char           *service)
{
  GString *out = g_string_new (NULL);
  g_autofree char *from = rg_date_to_iso (s->query.from);
  g_autofree char *to = rg_date_to_iso (s->query.to);
  g_autoptr(GPtrArray) masters = rg_report_table_new ();
  g_autoptr(GPtrArray) figures = rg_report_table_new ();

  /* Translators: the heading of `regulars --report satisfaction`; the dates are YYYY-MM-DD */
  g_string_append_printf (out, _("Satisfaction, %s to %s"), from, to);
  /* Only one master's or one service's visits: say whose. */
  if (staff)
    g_string_append_printf (out, " · %s", staff);
  if (service)
    g_string_append_printf (out, " · %s", service);
  g_string_append (out, "\n\n");
  rg_report_pair_figure (figures, _("Average score"), rg_score_tally_average (&s->total), 2);
  rg_report_pair_figure (figures, _("CSAT, %"), rg_score_tally_csat (&s->total), 1);
  rg_report_pair_figure (figures, _("NPS"), rg_score_tally_nps (&s->total), -1);
  rg_report_pair_figure (figures, _("Ratings"), s->total.ratings, 0);
  rg_report_pair_figure (figures, _("Visits"), s->visits, 0);
  rg_report_pair_figure (figures, _("Response rate, %"), rg_satisfaction_response_rate (s), 1);
  rg_report_pair_figure (figures, _("Complaints"), s->complaints, 0);
  rg_report_pair_figure (figures, _("Open complaints"), s->open_complaints, 0);
  rg_report_append_pairs (out, figures);

  /* Translators: the header row of the satisfaction report's table of masters */
  rg_report_table_add (masters, g_strdup (C_("report", "Master")), g_strdup (C_("report", "Average")),
                       g_strdup (C_("report", "CSAT %")), g_strdup (C_("report", "Ratings")), NULL);
  for (guint i = 0; i < s->by_staff->len; i++)
    {
      const RgSatisfactionGroup *g = s->by_staff->pdata[i];

      rg_report_table_add (masters, g_strdup (g->name),
                           rg_report_cell_number (rg_score_tally_average (&g->tally), 2),
                           rg_report_cell_number (rg_score_tally_csat (&g->tally), 1),
                           g_strdup_printf ("%u", g->tally.ratings), NULL);
    }
  rg_report_append_table (out, _("By master"), masters);

  return g_string_free (out, FALSE);
}

/* JSON ----------------------------------------------------------------------- */

static void
add_tally (JsonBuilder        *b,
           const RgScoreTally *t)
{
  rg_json_add_int (b, "ratings", t->ratings);
  rg_json_add_figure (b, "average_score", rg_score_tally_average (t));
  rg_json_add_figure (b, "csat", rg_score_tally_csat (t));
  rg_json_add_int (b, "nps_answers", t->nps_answers);
  rg_json_add_int (b, "promoters", t->promoters);
  rg_json_add_int (b, "passives", t->passives);
  rg_json_add_int (b, "detractors", t->detractors);
  rg_json_add_figure (b, "nps", rg_score_tally_nps (t));
}

static void
add_groups (JsonBuilder *b,
            const char  *name,
            GPtrArray   *groups)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < groups->len; i++)
    {
      const RgSatisfactionGroup *g = groups->pdata[i];

      json_builder_begin_object (b);
      rg_json_add_int (b, "id", g->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, g->name);
      rg_json_add_int (b, "visits", g->visits);
      add_tally (b, &g->tally);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_id_or_null (JsonBuilder *b,
                const char  *name,
                gint64       id)
{
  json_builder_set_member_name (b, name);
  if (id == 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, id);
}

static void
add_notes (JsonBuilder *b,
           const char  *name,
           GPtrArray   *notes,
           gboolean     complaints)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < notes->len; i++)
    {
      const RgSatisfactionNote *n = notes->pdata[i];

      json_builder_begin_object (b);
      if (complaints)
        rg_json_add_int (b, "id", n->id);
      rg_json_add_date (b, "date", rg_date_from_time (n->at));
      rg_json_add_int (b, "client_id", n->client_id);
      json_builder_set_member_name (b, "client");
      json_builder_add_string_value (b, n->client);
      if (complaints)
        {
          json_builder_set_member_name (b, "staff");
          if (n->staff)
            json_builder_add_string_value (b, n->staff);
          else
            json_builder_add_null_value (b);
        }
      json_builder_set_member_name (b, complaints ? "status" : "question");
      json_builder_add_string_value (b, n->detail);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, n->text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
rg_report_satisfaction_json (const RgSatisfaction *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  rg_json_add_date (b, "from", self->query.from);
  rg_json_add_date (b, "to", self->query.to);
  add_id_or_null (b, "staff_id", self->query.staff_id);
  add_id_or_null (b, "service_id", self->query.service_id);
  rg_json_add_int (b, "visits", self->visits);
  add_tally (b, &self->total);
  rg_json_add_figure (b, "response_rate", rg_satisfaction_response_rate (self));
  rg_json_add_int (b, "complaints", self->complaints);
  rg_json_add_int (b, "open_complaints", self->open_complaints);

  json_builder_set_member_name (b, "score_distribution");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (self->distribution); i++)
    json_builder_add_int_value (b, self->distribution[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "nps_distribution");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (self->nps_distribution); i++)
    json_builder_add_int_value (b, self->nps_distribution[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "trend_step");
  json_builder_add_string_value (b, self->query.step == RG_SATISFACTION_BY_WEEK ? "week" : "month");
  json_builder_set_member_name (b, "trend");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->buckets->len; i++)
    {
      const RgSatisfactionBucket *bk = &g_array_index (self->buckets, RgSatisfactionBucket, i);

      json_builder_begin_object (b);
      rg_json_add_date (b, "from", bk->start);
      rg_json_add_date (b, "to", bk->end);
      rg_json_add_int (b, "visits", bk->visits);
      add_tally (b, &bk->tally);
      rg_json_add_int (b, "complaints", bk->complaints);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_groups (b, "by_staff", self->by_staff);
  add_groups (b, "by_service", self->by_service);

  json_builder_set_member_name (b, "comments");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->comments->len; i++)
    {
      const RgSatisfactionComment *c = self->comments->pdata[i];

      json_builder_begin_object (b);
      rg_json_add_date (b, "date", rg_date_from_time (c->starts_at));
      rg_json_add_int (b, "appointment_id", c->appointment_id);
      rg_json_add_int (b, "client_id", c->client_id);
      json_builder_set_member_name (b, "client");
      json_builder_add_string_value (b, c->client);
      json_builder_set_member_name (b, "staff");
      json_builder_add_string_value (b, c->staff);
      rg_json_add_int (b, "score", c->score);
      json_builder_set_member_name (b, "nps");
      if (c->nps < 0)
        json_builder_add_null_value (b);
      else
        json_builder_add_int_value (b, c->nps);
      json_builder_set_member_name (b, "why");
      json_builder_add_string_value (b, c->why);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "questionnaire");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->questions->len; i++)
    {
      const RgSatisfactionQuestion *q = &g_array_index (self->questions, RgSatisfactionQuestion, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "question");
      json_builder_add_string_value (b, q->key);
      rg_json_add_int (b, "answers", q->answers);
      rg_json_add_figure (b, "average", q->answers ? (double) q->score_sum / q->answers : NAN);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  rg_json_add_int (b, "questionnaires", self->questionnaires);

  add_notes (b, "open_complaint_list", self->open_list, TRUE);
  add_notes (b, "refusals", self->refusals, FALSE);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return rg_json_to_text (root);
}
