/* rg-report.c — `regulars --report KIND`: the panel's figures for scripts.
 *
 * The same computation as the panel (src/analytics), printed as JSON or as
 * a few lines of text; the options are checked before the store is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "analytics/rg-dashboard.h"
#include "analytics/rg-satisfaction.h"
#include "model/rg-format.h"
#include "model/rg-studio-identity.h"
#include "store/rg-text.h"
#include "rg-report.h"
#include "rg-report-retention.h"
#include "rg-report-satisfaction.h"

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

/* What --staff and --service name: the table, and the words of the errors. */
typedef struct {
  const char *sql;          /* id, name: every row */
  const char *option;
} Kind;

static const Kind staff_kind = { "SELECT id, display_name FROM staff ORDER BY position, id", "--staff" };
static const Kind service_kind = { "SELECT id, name FROM services ORDER BY position, id", "--service" };

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* @text as typed after --staff or --service: a name as the window shows it
 * (any case; a part of it is enough when only one has that part), or the
 * number scripts have from --json. 0 in @id for NULL. */
static gboolean
resolve (RgStore     *store,
         const Kind  *kind,
         const char  *text,
         gint64      *id,
         char       **found_name,
         GError     **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *wanted = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) candidates = g_string_new (NULL);
  gint64 exact = 0, partial = 0;
  g_autofree char *exact_name = NULL;
  g_autofree char *partial_name = NULL;
  g_autofree char *starting_name = NULL;
  gint64 starting = 0;
  guint n_starting = 0;
  guint n_partial = 0;
  gboolean number = text && all_digits (text);

  *id = 0;
  *found_name = NULL;
  if (text == NULL)
    return TRUE;
  wanted = rg_text_sort_key (text);
  stmt = rg_store_prepare (store, kind->sql, error);
  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      gint64 row_id;
      const char *name;
      g_autofree char *folded = NULL;
      gboolean row = FALSE;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      row_id = sqlite3_column_int64 (stmt, 0);
      name = (const char *) sqlite3_column_text (stmt, 1);
      folded = rg_text_sort_key (name);

      g_string_append_printf (names, "%s%s", names->len ? ", " : "", name);
      if ((number && row_id == g_ascii_strtoll (text, NULL, 10)) ||
          (!number && g_strcmp0 (folded, wanted) == 0))
        {
          exact = row_id;
          g_free (exact_name);
          exact_name = g_strdup (name);
        }
      else if (!number && *wanted && strstr (folded, wanted))
        {
          /* A word started ("men" in "Men's haircut") outranks a part
           * inside one ("Women's"). */
          if (rg_text_starts_word (folded, wanted))
            {
              starting = row_id;
              g_free (starting_name);
              starting_name = g_strdup (name);
              n_starting++;
            }
          partial = row_id;
          g_free (partial_name);
          partial_name = g_strdup (name);
          n_partial++;
          g_string_append_printf (candidates, "%s%s", candidates->len ? ", " : "", name);
        }
    }
  if (exact)
    {
      *id = exact;
      *found_name = g_steal_pointer (&exact_name);
    }
  else if (n_partial == 1)
    {
      *id = partial;
      *found_name = g_steal_pointer (&partial_name);
    }
  else if (n_starting == 1)
    {
      *id = starting;
      *found_name = g_steal_pointer (&starting_name);
    }
  else if (n_partial > 1)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %s (1) is an option such as --staff, "%s" (2) what followed it, %s (3) the names */
                   _("%s “%s” could be any of: %s. Type more of the name."), kind->option, text, candidates->str);
      return FALSE;
    }
  else
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s (1) is an option such as --staff, "%s" (2) what followed it, %s (3) the names */
                   _("%s “%s” is not in this studio. It has: %s."), kind->option, text,
                   names->len ? names->str : "—");
      return FALSE;
    }
  return TRUE;
}

/* Figures --------------------------------------------------------------------
 *
 * A report's figures are label–value pairs, printed with the values in one
 * column however long the labels are in the reader's language. */

static void
pair_add (GPtrArray  *pairs,
          const char *label,
          char       *value)
{
  char **pair = g_new0 (char *, 3);

  pair[0] = g_strdup (label);
  pair[1] = value;
  g_ptr_array_add (pairs, pair);
}

/* @decimals: digits after the point; a negative number shows the sign. */
static void
pair_figure (GPtrArray  *pairs,
             const char *label,
             double      value,
             int         decimals)
{
  if (isnan (value))
    pair_add (pairs, label, g_strdup ("—"));
  else if (decimals < 0)
    pair_add (pairs, label, g_strdup_printf ("%+.*f", -decimals - 1, value));
  else
    pair_add (pairs, label, g_strdup_printf ("%.*f", decimals, value));
}

static void
append_pairs (GString   *out,
              GPtrArray *pairs)
{
  guint width = 0;

  for (guint i = 0; i < pairs->len; i++)
    width = MAX (width, (guint) g_utf8_strlen (((char **) pairs->pdata[i])[0], -1));
  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = pairs->pdata[i];

      if (*pair[0] == '\0' && *pair[1] == '\0')
        {
          g_string_append_c (out, '\n');   /* a blank line between groups */
          continue;
        }
      g_string_append (out, pair[0]);
      for (guint k = (guint) g_utf8_strlen (pair[0], -1); k < width + 2; k++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s\n", pair[1]);
    }
}

/* Tables ---------------------------------------------------------------------
 *
 * A table is rows of cells, the first row its header. Columns are as wide
 * as their widest cell, counted in characters (printf counts bytes, and
 * names are Cyrillic): the first left-aligned, the numbers right-aligned. */

typedef GPtrArray Table;   /* of GStrv */

static Table *
table_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Adds a row of cells, which it takes; NULL-terminated. */
static void
table_add (Table *table,
           char  *first,
           ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (char *cell = first; cell; cell = va_arg (args, char *))
    g_ptr_array_add (cells, cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (table, g_ptr_array_free (cells, FALSE));
}

static void
table_add_strv (Table  *table,
                GStrv   cells)
{
  g_ptr_array_add (table, cells);
}

static void
append_table (GString    *out,
              const char *title,
              Table      *table)
{
  g_autofree guint *widths = NULL;
  guint n_columns = 0;

  if (table->len < 2)   /* a header and nothing under it */
    return;
  for (guint r = 0; r < table->len; r++)
    n_columns = MAX (n_columns, g_strv_length (table->pdata[r]));
  widths = g_new0 (guint, n_columns);
  for (guint r = 0; r < table->len; r++)
    {
      GStrv cells = table->pdata[r];

      for (guint c = 0; cells[c]; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cells[c], -1));
    }

  g_string_append_printf (out, "\n%s\n", title);
  for (guint r = 0; r < table->len; r++)
    {
      GStrv cells = table->pdata[r];
      gsize line_start = out->len;

      g_string_append (out, "  ");
      for (guint c = 0; cells[c]; c++)
        {
          guint pad = widths[c] - (guint) g_utf8_strlen (cells[c], -1);

          if (c > 0)
            g_string_append (out, "  ");
          if (c == 0)
            {
              g_string_append (out, cells[c]);
              if (cells[c + 1])
                for (guint i = 0; i < pad; i++)
                  g_string_append_c (out, ' ');
            }
          else
            {
              for (guint i = 0; i < pad; i++)
                g_string_append_c (out, ' ');
              g_string_append (out, cells[c]);
            }
        }
      /* No trailing spaces. */
      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

static char *
cell_percent (double percent)
{
  return isnan (percent) ? g_strdup ("—") : g_strdup_printf ("%.1f", percent);
}

static char *
cell_share (const RgShare *share)
{
  return cell_percent (rg_share_percent (share));
}

/* "12 / 40": what a share was counted on. */
static char *
cell_counts (const RgShare *share)
{
  return g_strdup_printf ("%.0f / %.0f", share->numerator, share->denominator);
}

static char *
cell_number (double value,
             int    decimals)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.*f", decimals, value);
}

/* Money as the window shows it: "1,300", "42.50". */
static char *
cell_money (double minor_units)
{
  return isnan (minor_units) ? g_strdup ("—") : rg_format_price ((gint64) llround (minor_units));
}

static char *
cell_month (RgDate month)
{
  return g_strdup_printf ("%04d-%02d", month.year, month.month);
}

/* Satisfaction ----------------------------------------------------------------- */

static char *
satisfaction_text (const RgSatisfaction *s,
                   const char           *staff,
                   const char           *service)
{
  GString *out = g_string_new (NULL);
  g_autofree char *from = rg_date_to_iso (s->query.from);
  g_autofree char *to = rg_date_to_iso (s->query.to);
  g_autoptr(GPtrArray) masters = table_new ();
  g_autoptr(GPtrArray) figures = table_new ();

  /* Translators: the heading of `regulars --report satisfaction`; the dates are YYYY-MM-DD */
  g_string_append_printf (out, _("Satisfaction, %s to %s"), from, to);
  /* Only one master's or one service's visits: say whose. */
  if (staff)
    g_string_append_printf (out, " · %s", staff);
  if (service)
    g_string_append_printf (out, " · %s", service);
  g_string_append (out, "\n\n");
  pair_figure (figures, _("Average score"), rg_score_tally_average (&s->total), 2);
  pair_figure (figures, _("CSAT, %"), rg_score_tally_csat (&s->total), 1);
  pair_figure (figures, _("NPS"), rg_score_tally_nps (&s->total), -1);
  pair_figure (figures, _("Ratings"), s->total.ratings, 0);
  pair_figure (figures, _("Visits"), s->visits, 0);
  pair_figure (figures, _("Response rate, %"), rg_satisfaction_response_rate (s), 1);
  pair_figure (figures, _("Complaints"), s->complaints, 0);
  pair_figure (figures, _("Open complaints"), s->open_complaints, 0);
  append_pairs (out, figures);

  /* Translators: the header row of the satisfaction report's table of masters */
  table_add (masters, g_strdup (C_("report", "Master")), g_strdup (C_("report", "Average")),
             g_strdup (C_("report", "CSAT %")), g_strdup (C_("report", "Ratings")), NULL);
  for (guint i = 0; i < s->by_staff->len; i++)
    {
      const RgSatisfactionGroup *g = s->by_staff->pdata[i];

      table_add (masters, g_strdup (g->name), cell_number (rg_score_tally_average (&g->tally), 2),
                 cell_number (rg_score_tally_csat (&g->tally), 1), g_strdup_printf ("%u", g->tally.ratings), NULL);
    }
  append_table (out, _("By master"), masters);

  return g_string_free (out, FALSE);
}

/* Retention -------------------------------------------------------------------- */

/* @counted: the share is of clients or visits (shown); else of money. */
static void
pair_share (GPtrArray     *pairs,
            const char    *label,
            const RgShare *share,
            gboolean       counted)
{
  double percent = rg_share_percent (share);

  if (isnan (percent))
    pair_add (pairs, label, g_strdup ("—"));
  else if (counted)
    pair_add (pairs, label, g_strdup_printf ("%.1f %% (%.0f / %.0f)", percent, share->numerator, share->denominator));
  else
    pair_add (pairs, label, g_strdup_printf ("%.1f %%", percent));
}

static void
pair_money (GPtrArray  *pairs,
            const char *label,
            double      minor_units)
{
  pair_add (pairs, label, cell_money (minor_units));
}

static Table *
breakdown_table (const char *first_header,
                 GPtrArray  *rows)
{
  Table *table = table_new ();

  table_add (table, g_strdup (first_header),
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

      table_add (table, g_strdup (b->name ? b->name : ""), g_strdup_printf ("%u", b->visits),
                 cell_money (b->revenue), cell_share (&b->new_retention), cell_share (&b->existing_retention),
                 cell_share (&b->returning), cell_share (&b->no_shows), cell_share (&b->churn),
                 cell_number (b->visit_frequency, 1), cell_money (b->annual_spend),
                 cell_money (b->lifetime_value), cell_number (b->relationship_days, 0),
                 g_strdup_printf ("%u", b->complaints_year), NULL);
    }
  return table;
}

/* As the Retention page lists them. */
static const RgClientStatus status_order[] = {
  RG_CLIENT_BOOKED, RG_CLIENT_ON_TRACK, RG_CLIENT_DUE, RG_CLIENT_SLEEPING, RG_CLIENT_LOST, RG_CLIENT_NEW,
  RG_CLIENT_NEVER_VISITED,
};

static char *
retention_text (const RgDashboard *r)
{
  GString *out = g_string_new (NULL);
  g_autofree char *as_of = rg_date_to_iso (r->as_of);
  g_autofree char *from = rg_date_to_iso (r->from);
  g_autofree char *to = rg_date_to_iso (r->to);
  g_autoptr(GPtrArray) figures = table_new ();
  g_autoptr(GPtrArray) statuses = table_new ();
  g_autoptr(GPtrArray) trend = table_new ();
  g_autoptr(GPtrArray) cohorts = table_new ();
  g_autoptr(GPtrArray) masters = table_new ();
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
  pair_figure (figures, _("Clients"), r->clients, 0);
  /* Translators: the segments of clients, as the Retention page names them */
  pair_figure (figures, C_("segment", "Regular"), r->regulars, 0);
  pair_figure (figures, C_("segment", "VIP"), r->vips, 0);
  pair_figure (figures, C_("segment", "One-time"), r->one_time, 0);
  pair_add (figures, "", g_strdup (""));
  pair_share (figures, _("New-client retention"), &r->new_retention, TRUE);
  pair_share (figures, _("Existing-client retention"), &r->existing_retention, TRUE);
  pair_share (figures, _("Churn, last 365 days"), &r->churn, TRUE);
  pair_share (figures, _("Returning share"), &r->returning, TRUE);
  pair_share (figures, _("Revenue from regulars (usually 65 percent)"), &r->regulars_revenue, FALSE);
  pair_share (figures, _("No-show rate"), &r->no_shows, TRUE);
  pair_figure (figures, _("Visits"), r->visits, 0);
  pair_money (figures, _("Revenue"), r->revenue);
  pair_money (figures, _("Average check"), r->average_check);
  pair_figure (figures, _("Visits per client per year"), r->visit_frequency, 2);
  pair_money (figures, _("Annual spend per client"), r->annual_spend);
  pair_money (figures, _("Lifetime value"), r->lifetime_value);
  pair_figure (figures, _("Relationship length, days"), r->relationship_days, 0);
  pair_figure (figures, _("Complaints, last 365 days"), r->complaints_year, 0);
  append_pairs (out, figures);

  table_add (statuses, g_strdup (C_("report", "Status")), g_strdup (C_("report", "Clients")), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    table_add (statuses, g_strdup (rg_client_status_to_string (status_order[i])),
               g_strdup_printf ("%u", r->statuses[status_order[i]]), NULL);
  append_table (out, _("Clients by status"), statuses);

  table_add (trend, g_strdup (C_("report", "Month")), g_strdup (C_("report", "Retention %")),
             g_strdup (C_("report", "Came back / due")), NULL);
  for (guint i = 0; i < RG_DASHBOARD_MONTHS; i++)
    if (r->trend_month[i].year)
      {
        char *month = cell_month (r->trend_month[i]);

        /* The month D is in, unless D is its last day, is not over. */
        if (r->trend_month[i].year == r->as_of.year && r->trend_month[i].month == r->as_of.month &&
            r->as_of.day < g_date_get_days_in_month ((GDateMonth) r->as_of.month, (GDateYear) r->as_of.year))
          {
            /* Translators: after a month in the report's trend that is not over yet */
            char *marked = g_strdup_printf ("%s %s", month, _("(to date)"));

            g_free (month);
            month = marked;
          }
        table_add (trend, month, cell_share (&r->trend[i]), cell_counts (&r->trend[i]), NULL);
      }
  append_table (out, _("Existing-client retention by month"), trend);

  {
    GStrv header = g_new0 (char *, RG_DASHBOARD_MONTHS + 3);

    header[0] = g_strdup (C_("report", "First visit"));
    header[1] = g_strdup (C_("report", "Clients"));
    for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
      header[m + 2] = g_strdup_printf ("+%u", m);
    table_add_strv (cohorts, header);
    for (guint i = 0; i < RG_DASHBOARD_MONTHS; i++)
      {
        const RgCohort *c = &r->cohorts[i];
        GStrv row;

        if (c->month.year == 0)
          continue;
        row = g_new0 (char *, RG_DASHBOARD_MONTHS + 3);
        row[0] = cell_month (c->month);
        row[1] = g_strdup_printf ("%u", c->clients);
        for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
          row[m + 2] = isnan (c->share[m]) ? g_strdup ("") : g_strdup_printf ("%.0f", c->share[m]);
        table_add_strv (cohorts, row);
      }
  }
  /* Translators: the title of the cohort table; "+1" is the month after the first visit */
  append_table (out, _("Cohorts: percent still coming, by months since the first visit"), cohorts);

  table_add (masters, g_strdup (C_("report", "Master")), g_strdup (C_("report", "Churn %")),
             g_strdup (C_("report", "Lost / base")), g_strdup (C_("report", "Only them %")),
             g_strdup (C_("report", "Only them / clients")), NULL);
  for (guint i = 0; r->masters && i < r->masters->len; i++)
    {
      const RgMasterRisk *m = r->masters->pdata[i];

      table_add (masters, g_strdup (m->name ? m->name : ""), cell_share (&m->churn), cell_counts (&m->churn),
                 cell_share (&m->dependency), cell_counts (&m->dependency), NULL);
    }
  append_table (out, _("Masters' churn and dependency (clients who saw no other master)"), masters);

  by_master = breakdown_table (C_("report", "Master"), r->by_master);
  append_table (out, _("By master"), by_master);
  by_service = breakdown_table (C_("report", "Service"), r->by_service);
  append_table (out, _("By service"), by_service);
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
  return options->json ? rg_report_retention_json (result) : retention_text (result);
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
  g_autofree char *staff_name = NULL;
  g_autofree char *service_name = NULL;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  /* Money in the studio's currency, as its window shows it. */
  {
    g_autofree char *currency = rg_store_dup_currency (store);

    rg_format_set_currency (currency);
  }

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

  if (!resolve (store, &staff_kind, options->staff, &query.staff_id, &staff_name, error) ||
      !resolve (store, &service_kind, options->service, &query.service_id, &service_name, error))
    return NULL;

  query.step = rg_date_days_between (query.from, query.to) > 92 ? RG_SATISFACTION_BY_MONTH
                                                                : RG_SATISFACTION_BY_WEEK;
  result = rg_satisfaction_compute (store, &query, NULL, error);
  if (result == NULL)
    return NULL;

  return options->json ? rg_report_satisfaction_json (result) : satisfaction_text (result, staff_name, service_name);
}
