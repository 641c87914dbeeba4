/* rg-report-retention.c — the retention dashboard's figures (src/analytics)
 * as text and JSON for `regulars --report retention`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rg-json-private.h"
#include "rg-report-retention.h"
#include "rg-report-text-private.h"

/* Text ------------------------------------------------------------------------ */

/* @counted: the share is of clients or visits (shown); else of money. */
static void
pair_share (GPtrArray     *pairs,
            const char    *label,
            const RgShare *share,
            gboolean       counted)
{
  double percent = rg_share_percent (share);

  if (isnan (percent))
    rg_report_pair_add (pairs, label, g_strdup ("—"));
  else if (counted)
    rg_report_pair_add (pairs, label, g_strdup_printf ("%.1f %% (%.0f / %.0f)", percent, share->numerator,
                                                       share->denominator));
  else
    rg_report_pair_add (pairs, label, g_strdup_printf ("%.1f %%", percent));
}

static void
pair_money (GPtrArray  *pairs,
            const char *label,
            double      minor_units)
{
  rg_report_pair_add (pairs, label, rg_report_cell_money (minor_units));
}

static RgReportTable *
breakdown_table (const char *first_header,
                 GPtrArray  *rows)
{
  RgReportTable *table = rg_report_table_new ();

  rg_report_table_add (table, g_strdup (first_header),
                       /* Translators: the header row of the retention report's tables by master and by service;
              * keep them short, the table is wide */
             g_strdup (C_("report", "Visits")), g_strdup (C_("report", "Revenue")),
             g_strdup (C_("report", "New %")), g_strdup (C_("report", "Existing %")),
             g_strdup (C_("report", "Returning %")), g_strdup (C_("report", "No-shows %")),
             g_strdup (C_("report", "Churn %")), g_strdup (C_("report", "Visits/year")),
             g_strdup (C_("report", "Spend/year")), g_strdup (C_("report", "Lifetime")),
             g_strdup (C_("report", "Days")), g_strdup (C_("report", "Complaints")), NULL);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      const RgBreakdown *b = rows->pdata[i];

      rg_report_table_add (table, g_strdup (b->name ? b->name : ""), g_strdup_printf ("%u", b->visits),
                           rg_report_cell_money (b->revenue), rg_report_cell_share (&b->new_retention),
                           rg_report_cell_share (&b->existing_retention), rg_report_cell_share (&b->returning),
                           rg_report_cell_share (&b->no_shows), rg_report_cell_share (&b->churn),
                           rg_report_cell_number (b->visit_frequency, 1), rg_report_cell_money (b->annual_spend),
                           rg_report_cell_money (b->lifetime_value), rg_report_cell_number (b->relationship_days, 0),
                           g_strdup_printf ("%u", b->complaints_year), NULL);
    }
  return table;
}

/* As the Retention page lists them. */
static const RgClientStatus status_order[] = {
  RG_CLIENT_BOOKED, RG_CLIENT_ON_TRACK, RG_CLIENT_DUE, RG_CLIENT_SLEEPING, RG_CLIENT_LOST, RG_CLIENT_NEW,
  RG_CLIENT_NEVER_VISITED,
};

char *
rg_report_retention_text (const RgDashboard *r)
{
  GString *out = g_string_new (NULL);
  g_autofree char *as_of = rg_date_to_iso (r->as_of);
  g_autofree char *from = rg_date_to_iso (r->from);
  g_autofree char *to = rg_date_to_iso (r->to);
  g_autoptr(GPtrArray) figures = rg_report_table_new ();
  g_autoptr(GPtrArray) statuses = rg_report_table_new ();
  g_autoptr(GPtrArray) trend = rg_report_table_new ();
  g_autoptr(GPtrArray) cohorts = rg_report_table_new ();
  g_autoptr(GPtrArray) masters = rg_report_table_new ();
  g_autoptr(GPtrArray) by_master = NULL;
  g_autoptr(GPtrArray) by_service = NULL;
  int month_days = g_date_get_days_in_month ((GDateMonth) r->to.month, (GDateYear) r->to.year);
  int counted = rg_date_days_between (r->from, r->to) + 1;

  /* Translators: the heading of `regulars --report retention`; the dates are YYYY-MM-DD */
  g_string_append_printf (out, _("Retention on %s, period %s to %s"), as_of, from, to);
  /* A month not over yet is not a month: say how much of it is counted. */
  if (r->from.day == 1 && r->from.year == r->to.year && r->from.month == r->to.month && r->to.day < month_days)
    {
      g_string_append (out, " (");
      /* Translators: after the report's heading when the period is this month so far */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "to date: %d of %d day", "to date: %d of %d days",
                                                month_days), counted, month_days);
      g_string_append_c (out, ')');
    }
  g_string_append (out, "\n\n");

  /* Translators: in the retention report, the number of clients in the base */
  rg_report_pair_figure (figures, _("Clients"), r->clients, 0);
  /* Translators: the segments of clients, as the Retention page names them */
  rg_report_pair_figure (figures, C_("segment", "Regular"), r->regulars, 0);
  rg_report_pair_figure (figures, C_("segment", "VIP"), r->vips, 0);
  rg_report_pair_figure (figures, C_("segment", "One-time"), r->one_time, 0);
  rg_report_pair_add (figures, "", g_strdup (""));
  pair_share (figures, _("New-client retention"), &r->new_retention, TRUE);
  pair_share (figures, _("Existing-client retention"), &r->existing_retention, TRUE);
  pair_share (figures, _("Churn, last 365 days"), &r->churn, TRUE);
  pair_share (figures, _("Returning share"), &r->returning, TRUE);
  pair_share (figures, _("Revenue from regulars (usually 65 percent)"), &r->regulars_revenue, FALSE);
  pair_share (figures, _("No-show rate"), &r->no_shows, TRUE);
  rg_report_pair_figure (figures, _("Visits"), r->visits, 0);
  pair_money (figures, _("Revenue"), r->revenue);
  pair_money (figures, _("Average check"), r->average_check);
  rg_report_pair_figure (figures, _("Visits per client per year"), r->visit_frequency, 2);
  pair_money (figures, _("Annual spend per client"), r->annual_spend);
  pair_money (figures, _("Lifetime value"), r->lifetime_value);
  rg_report_pair_figure (figures, _("Relationship length, days"), r->relationship_days, 0);
  rg_report_pair_figure (figures, _("Complaints, last 365 days"), r->complaints_year, 0);
  rg_report_append_pairs (out, figures);

  rg_report_table_add (statuses, g_strdup (C_("report", "Status")), g_strdup (C_("report", "Clients")), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    rg_report_table_add (statuses, g_strdup (rg_client_status_to_string (status_order[i])),
                         g_strdup_printf ("%u", r->statuses[status_order[i]]), NULL);
  rg_report_append_table (out, _("Clients by status"), statuses);

  rg_report_table_add (trend, g_strdup (C_("report", "Month")), g_strdup (C_("report", "Retention %")),
                       g_strdup (C_("report", "Came back / due")), NULL);
  for (guint i = 0; i < RG_DASHBOARD_MONTHS; i++)
    if (r->trend_month[i].year)
      {
        char *month = rg_report_cell_month (r->trend_month[i]);

        /* The month D is in, unless D is its last day, is not over. */
        if (r->trend_month[i].year == r->as_of.year && r->trend_month[i].month == r->as_of.month &&
            r->as_of.day < g_date_get_days_in_month ((GDateMonth) r->as_of.month, (GDateYear) r->as_of.year))
          {
            /* Translators: after a month in the report's trend that is not over yet */
            char *marked = g_strdup_printf ("%s %s", month, _("(to date)"));

            g_free (month);
            month = marked;
          }
        rg_report_table_add (trend, month, rg_report_cell_share (&r->trend[i]),
                             rg_report_cell_counts (&r->trend[i]), NULL);
      }
  rg_report_append_table (out, _("Existing-client retention by month"), trend);

  {
    GStrv header = g_new0 (char *, RG_DASHBOARD_MONTHS + 3);

    header[0] = g_strdup (C_("report", "First visit"));
    header[1] = g_strdup (C_("report", "Clients"));
    for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
      header[m + 2] = g_strdup_printf ("+%u", m);
    rg_report_table_add_strv (cohorts, header);
    for (guint i = 0; i < RG_DASHBOARD_MONTHS; i++)
      {
        const RgCohort *c = &r->cohorts[i];
        GStrv row;

        if (c->month.year == 0)
          continue;
        row = g_new0 (char *, RG_DASHBOARD_MONTHS + 3);
        row[0] = rg_report_cell_month (c->month);
        row[1] = g_strdup_printf ("%u", c->clients);
        for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
          row[m + 2] = isnan (c->share[m]) ? g_strdup ("") : g_strdup_printf ("%.0f", c->share[m]);
        rg_report_table_add_strv (cohorts, row);
      }
  }
  /* Translators: the title of the cohort table; "+1" is the month after the first visit */
  rg_report_append_table (out, _("Cohorts: percent still coming, by months since the first visit"), cohorts);

  rg_report_table_add (masters, g_strdup (C_("report", "Master")), g_strdup (C_("report", "Churn %")),
                       g_strdup (C_("report", "Lost / base")), g_strdup (C_("report", "Only them %")),
                       g_strdup (C_("report", "Only them / clients")), NULL);
  for (guint i = 0; r->masters && i < r->masters->len; i++)
    {
      const RgMasterRisk *m = r->masters->pdata[i];

      rg_report_table_add (masters, g_strdup (m->name ? m->name : ""), rg_report_cell_share (&m->churn),
                           rg_report_cell_counts (&m->churn), rg_report_cell_share (&m->dependency),
                           rg_report_cell_counts (&m->dependency), NULL);
    }
  rg_report_append_table (out, _("Masters' churn and dependency (clients who saw no other master)"), masters);

  by_master = breakdown_table (C_("report", "Master"), r->by_master);
  rg_report_append_table (out, _("By master"), by_master);
  by_service = breakdown_table (C_("report", "Service"), r->by_service);
  rg_report_append_table (out, _("By service"), by_service);
  return g_string_free (out, FALSE);
}

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
