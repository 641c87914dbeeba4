/* rg-report-retention.c — the retention dashboard's figures (src/analytics)
 * as JSON for scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>

#include "rg-json-private.h"
#include "rg-report-retention.h"

/* JSON ------------------------------------------------------------------------ */

static void
add_share (JsonBuilder   *b,
           const char    *name,
           const RgShare *share)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  rg_json_add_figure (b, "percent", rg_share_percent (share));
  /* Whole numbers: clients, visits, or money in minor units. */
  rg_json_add_int (b, "of", (gint64) share->denominator);
  rg_json_add_int (b, "count", (gint64) share->numerator);
  json_builder_end_object (b);
}

static void
add_breakdown (JsonBuilder *b,
               const char  *name,
               GPtrArray   *rows)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      const RgBreakdown *row = rows->pdata[i];

      json_builder_begin_object (b);
      rg_json_add_int (b, "id", row->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, row->name ? row->name : "");
      rg_json_add_int (b, "clients", row->clients);
      rg_json_add_int (b, "visits", row->visits);
      rg_json_add_int (b, "revenue", row->revenue);
      rg_json_add_figure (b, "average_check", row->average_check);
      add_share (b, "new_client_retention", &row->new_retention);
      add_share (b, "existing_client_retention", &row->existing_retention);
      add_share (b, "returning_share", &row->returning);
      add_share (b, "revenue_from_regulars", &row->regulars_revenue);
      add_share (b, "no_show_rate", &row->no_shows);
      add_share (b, "churn", &row->churn);
      rg_json_add_figure (b, "visit_frequency", row->visit_frequency);
      rg_json_add_figure (b, "annual_spend", row->annual_spend);
      rg_json_add_figure (b, "lifetime_value", row->lifetime_value);
      rg_json_add_figure (b, "relationship_days", row->relationship_days);
      rg_json_add_int (b, "complaints_year", row->complaints_year);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
rg_report_retention_json (const RgDashboard *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  rg_json_add_date (b, "as_of", self->as_of);
  rg_json_add_date (b, "from", self->from);
  rg_json_add_date (b, "to", self->to);
  rg_json_add_int (b, "clients", self->clients);

  json_builder_set_member_name (b, "statuses");
  json_builder_begin_object (b);
  for (guint s = 0; s < RG_CLIENT_N_STATUSES; s++)
    {
      json_builder_set_member_name (b, rg_client_status_to_nick (s));
      json_builder_add_int_value (b, self->statuses[s]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "segments");
  json_builder_begin_object (b);
  rg_json_add_int (b, "regular", self->regulars);
  rg_json_add_int (b, "vip", self->vips);
  rg_json_add_int (b, "one_time", self->one_time);
  json_builder_end_object (b);

  add_share (b, "new_client_retention", &self->new_retention);
  add_share (b, "existing_client_retention", &self->existing_retention);
  add_share (b, "churn", &self->churn);
  add_share (b, "returning_share", &self->returning);
  add_share (b, "revenue_from_regulars", &self->regulars_revenue);
  rg_json_add_figure (b, "revenue_from_regulars_reference", RG_REGULARS_REVENUE_REFERENCE);
  add_share (b, "no_show_rate", &self->no_shows);
  rg_json_add_int (b, "visits", self->visits);
  rg_json_add_int (b, "revenue", self->revenue);
  rg_json_add_figure (b, "average_check", self->average_check);
  rg_json_add_figure (b, "visit_frequency", self->visit_frequency);
  rg_json_add_figure (b, "annual_spend", self->annual_spend);
  rg_json_add_figure (b, "lifetime_value", self->lifetime_value);
  rg_json_add_figure (b, "relationship_days", self->relationship_days);
  rg_json_add_int (b, "complaints_year", self->complaints_year);

  /* The charts: existing-client retention month by month, the cohorts,
   * each master's churn and dependency. */
  json_builder_set_member_name (b, "trend");
  json_builder_begin_array (b);
  for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
    {
      json_builder_begin_object (b);
      rg_json_add_date (b, "month", self->trend_month[m]);
      add_share (b, "existing_client_retention", &self->trend[m]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "cohorts");
  json_builder_begin_array (b);
  for (guint k = 0; k < RG_DASHBOARD_MONTHS; k++)
    {
      const RgCohort *c = &self->cohorts[k];

      json_builder_begin_object (b);
      rg_json_add_date (b, "month", c->month);
      rg_json_add_int (b, "clients", c->clients);
      json_builder_set_member_name (b, "still_coming");
      json_builder_begin_array (b);
      for (guint j = 0; j < RG_DASHBOARD_MONTHS && !isnan (c->share[j]); j++)
        json_builder_add_double_value (b, round (c->share[j] * 100.0) / 100.0);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "masters");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->masters->len; i++)
    {
      const RgMasterRisk *m = self->masters->pdata[i];

      json_builder_begin_object (b);
      rg_json_add_int (b, "id", m->staff_id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, m->name ? m->name : "");
      add_share (b, "churn", &m->churn);
      add_share (b, "dependency", &m->dependency);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_breakdown (b, "by_master", self->by_master);
  add_breakdown (b, "by_service", self->by_service);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return rg_json_to_text (root);
}
