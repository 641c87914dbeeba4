/* rg-report.c — `regulars --report KIND`: the panel's figures for scripts.
 *
 * The same computation as the panel (src/analytics), printed as JSON or as
 * a few lines of text; the options are checked before the store is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "analytics/rg-dashboard.h"
#include "analytics/rg-satisfaction.h"
#include "rg-report.h"

static gboolean
read_day (const char  *text,
          const char  *option,
          RgDate       fallback,
          RgDate      *date,
          GError     **error)
{
  if (text == NULL)
    {
      *date = fallback;
      return TRUE;
    }
  if (!rg_date_from_iso (text, date))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %s is an option such as --from; YYYY-MM-DD stays as is */
                   _("%s takes a date as YYYY-MM-DD, such as 2026-03-01."), option);
      return FALSE;
    }
  return TRUE;
}

/* FALSE with *@exists unset when the query failed. */
static gboolean
row_exists (RgStore     *store,
            const char  *sql,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  *exists = TRUE;
  if (id == 0)
    return TRUE;
  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rg_store_step_row (store, stmt, exists, error);
}

/* @decimals: digits after the point; a negative number shows the sign. */
static void
append_figure (GString    *out,
               const char *label,
               double      value,
               int         decimals)
{
  g_string_append_printf (out, "%-34s ", label);
  if (isnan (value))
    g_string_append (out, "—");
  else if (decimals < 0)
    g_string_append_printf (out, "%+.*f", -decimals - 1, value);
  else
    g_string_append_printf (out, "%.*f", decimals, value);
  g_string_append_c (out, '\n');
}

static char *
satisfaction_text (const RgSatisfaction *s)
{
  GString *out = g_string_new (NULL);
  g_autofree char *from = rg_date_to_iso (s->query.from);
  g_autofree char *to = rg_date_to_iso (s->query.to);

  /* Translators: the heading of `regulars --report satisfaction`; the dates are YYYY-MM-DD */
  g_string_append_printf (out, _("Satisfaction, %s to %s"), from, to);
  g_string_append (out, "\n\n");
  append_figure (out, _("Average score"), rg_score_tally_average (&s->total), 2);
  append_figure (out, _("CSAT, %"), rg_score_tally_csat (&s->total), 1);
  append_figure (out, _("NPS"), rg_score_tally_nps (&s->total), -1);
  append_figure (out, _("Ratings"), s->total.ratings, 0);
  append_figure (out, _("Visits"), s->visits, 0);
  append_figure (out, _("Response rate, %"), rg_satisfaction_response_rate (s), 1);
  append_figure (out, _("Complaints"), s->complaints, 0);
  append_figure (out, _("Open complaints"), s->open_complaints, 0);

  if (s->by_staff->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("By master (average, CSAT %, ratings)"));
      for (guint i = 0; i < s->by_staff->len; i++)
        {
          const RgSatisfactionGroup *g = s->by_staff->pdata[i];

          g_string_append_printf (out, "  %-26s %5.2f %6.1f %6u\n", g->name,
                                  rg_score_tally_average (&g->tally), rg_score_tally_csat (&g->tally),
                                  g->tally.ratings);
        }
    }

  return g_string_free (out, FALSE);
}

/* @counted: the share is of clients or visits (shown); else of money. */
static void
append_share (GString       *out,
              const char    *label,
              const RgShare *share,
              gboolean       counted)
{
  double percent = rg_share_percent (share);

  g_string_append_printf (out, "%-34s ", label);
  if (isnan (percent))
    g_string_append (out, "—");
  else if (counted)
    g_string_append_printf (out, "%.1f %% (%.0f / %.0f)", percent, share->numerator, share->denominator);
  else
    g_string_append_printf (out, "%.1f %%", percent);
  g_string_append_c (out, '\n');
}

static void
append_percent (GString       *out,
                const RgShare *share)
{
  double percent = rg_share_percent (share);

  if (isnan (percent))
    g_string_append (out, "      —");   /* six columns wide, as " %6.1f" */
  else
    g_string_append_printf (out, " %6.1f", percent);
}

static void
append_breakdown (GString    *out,
                  const char *heading,
                  GPtrArray  *rows)
{
  if (rows == NULL || rows->len == 0)
    return;
  g_string_append_printf (out, "\n%s\n", heading);
  for (guint i = 0; i < rows->len; i++)
    {
      const RgBreakdown *b = rows->pdata[i];

      const char *name = b->name ? b->name : "";
      glong width = g_utf8_strlen (name, -1);

      /* Padded by characters: printf's width counts bytes. */
      g_string_append_printf (out, "  %s%*s %6u %12.2f", name, (int) MAX (26 - width, 0), "", b->visits,
                              b->revenue / 100.0);
      append_percent (out, &b->new_retention);
      append_percent (out, &b->existing_retention);
      append_percent (out, &b->returning);
      append_percent (out, &b->no_shows);
      append_percent (out, &b->churn);
      if (isnan (b->visit_frequency))
        g_string_append (out, "     —           —");   /* as " %5.1f %11.2f" */
      else
        g_string_append_printf (out, " %5.1f %11.2f", b->visit_frequency, b->annual_spend / 100.0);
      if (isnan (b->lifetime_value))
        g_string_append (out, "           —     —");   /* as " %11.2f %5.0f" */
      else
        g_string_append_printf (out, " %11.2f %5.0f", b->lifetime_value / 100.0, b->relationship_days);
      g_string_append_printf (out, " %4u", b->complaints_year);
      g_string_append_c (out, '\n');
    }
}

static char *
retention_text (const RgDashboard *r)
{
  GString *out = g_string_new (NULL);
  g_autofree char *as_of = rg_date_to_iso (r->as_of);
  g_autofree char *from = rg_date_to_iso (r->from);
  g_autofree char *to = rg_date_to_iso (r->to);

  /* Translators: the heading of `regulars --report retention`; the dates are YYYY-MM-DD */
  g_string_append_printf (out, _("Retention on %s, period %s to %s"), as_of, from, to);
  g_string_append (out, "\n\n");
  for (guint s = 0; s < RG_CLIENT_N_STATUSES; s++)
    g_string_append_printf (out, "%-34s %u\n", rg_client_status_to_string (s), r->statuses[s]);
  g_string_append_c (out, '\n');
  append_share (out, _("New-client retention"), &r->new_retention, TRUE);
  append_share (out, _("Existing-client retention"), &r->existing_retention, TRUE);
  append_share (out, _("Churn, last 365 days"), &r->churn, TRUE);
  append_share (out, _("Returning share"), &r->returning, TRUE);
  append_share (out, _("Revenue from regulars (usually 65 percent)"), &r->regulars_revenue, FALSE);
  append_share (out, _("No-show rate"), &r->no_shows, TRUE);
  append_figure (out, _("Visits"), r->visits, 0);
  append_figure (out, _("Average check"), r->average_check / 100.0, 2);
  append_figure (out, _("Visits per client per year"), r->visit_frequency, 2);
  append_figure (out, _("Annual spend per client"), r->annual_spend / 100.0, 2);
  append_figure (out, _("Lifetime value"), r->lifetime_value / 100.0, 2);
  append_figure (out, _("Relationship length, days"), r->relationship_days, 0);
  append_figure (out, _("Complaints, last 365 days"), r->complaints_year, 0);
  append_breakdown (out, _("By master (visits, revenue, new-client retention %, existing-client retention %, "
                           "returning %, no-shows %, churn %, visits per client per year, annual spend per client, "
                           "lifetime value, relationship length in days, complaints in 365 days)"), r->by_master);
  append_breakdown (out, _("By service (visits, revenue, new-client retention %, existing-client retention %, "
                           "returning %, no-shows %, churn %, visits per client per year, annual spend per client, "
                           "lifetime value, relationship length in days, complaints in 365 days)"), r->by_service);
  return g_string_free (out, FALSE);
}

static char *
retention_report (RgStore                *store,
                  const RgReportOptions  *options,
                  GError                **error)
{
  RgDate as_of, from, to;
  g_autoptr(RgDashboard) result = NULL;

  if (!read_day (options->as_of, "--as-of", rg_date_today (), &as_of, error) ||
      !read_day (options->from, "--from", (RgDate) { as_of.year, as_of.month, 1 }, &from, error) ||
      !read_day (options->to, "--to", as_of, &to, error))
    return NULL;
  if (rg_date_compare (from, to) > 0 || rg_date_compare (to, as_of) > 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("--from must be on or before --to, and --to on or before --as-of."));
      return NULL;
    }
  result = rg_dashboard_compute (store, from, to, as_of, NULL, error);
  if (result == NULL)
    return NULL;
  return options->json ? rg_dashboard_to_json (result) : retention_text (result);
}

char *
rg_report_run (RgStore                *store,
               const char             *kind,
               const RgReportOptions  *options,
               GError                **error)
{
  RgDate today = rg_date_today ();
  RgDate month_start = { today.year, today.month, 1 };
  RgSatisfactionQuery query = { 0 };
  g_autoptr(RgSatisfaction) result = NULL;
  gboolean exists;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (g_strcmp0 (kind, "retention") == 0)
    return retention_report (store, options, error);
  if (g_strcmp0 (kind, "satisfaction") != 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed after --report */
                   _("There is no report called “%s”. Reports: satisfaction, retention."), kind ? kind : "");
      return NULL;
    }

  if (!read_day (options->from, "--from", month_start, &query.from, error) ||
      !read_day (options->to, "--to", today, &query.to, error))
    return NULL;
  if (rg_date_compare (query.from, query.to) > 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("--from must be on or before --to."));
      return NULL;
    }

  if (!row_exists (store, "SELECT 1 FROM staff WHERE id = ?1", options->staff_id, &exists, error))
    return NULL;
  if (!exists)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, options->staff_id);

      /* Translators: %s is the number given with --staff */
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("There is no master with the number %s."), id);
      return NULL;
    }
  if (!row_exists (store, "SELECT 1 FROM services WHERE id = ?1", options->service_id, &exists, error))
    return NULL;
  if (!exists)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, options->service_id);

      /* Translators: %s is the number given with --service */
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("There is no service with the number %s."), id);
      return NULL;
    }

  query.staff_id = options->staff_id;
  query.service_id = options->service_id;
  query.step = rg_date_days_between (query.from, query.to) > 92 ? RG_SATISFACTION_BY_MONTH
                                                                : RG_SATISFACTION_BY_WEEK;
  result = rg_satisfaction_compute (store, &query, NULL, error);
  if (result == NULL)
    return NULL;

  return options->json ? rg_satisfaction_to_json (result) : satisfaction_text (result);
}
