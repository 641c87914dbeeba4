/* rg-retention-view.c — the retention dashboard.
 *
 * A month, quarter or year (seen from its last day, or today while it
 * runs); the figures of BRIEF 4 each with how it is counted; the clients
 * by status and segment; a year of existing-client retention, the cohort
 * grid, each master's churn and dependency risk. Counted in a thread
 * (src/analytics), again a moment after commits that touch visits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-retention-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "analytics/rg-counts.h"
#include "model/rg-format.h"
#include "widgets/common/rg-chart-view.h"
#include "widgets/common/rg-recount.h"
#include "rg-retention-view.h"

#define N_FIGURES 12
#define REFRESH_DELAY_MS 1000

struct _RgRetentionView {
  GtkWidget     parent_instance;

  RgStudio     *studio;
  RgRecount    *recount;
  RgDashboard  *result;

  RgPeriodKind  kind;
  RgDate        from;
  RgDate        to;

  /* Template children */
  GtkWidget    *box;
  GtkDropDown  *period_dropdown;
  GtkWidget    *period_label;
  GtkWidget    *spinner;
  GtkWidget    *key_figures;  /* the flow box of the figures' cards */
  GtkWidget    *statuses;
  GtkWidget    *trend;
  GtkWidget    *trend_note;   /* "December so far: 7 of 31 days" */
  GtkWidget    *churn;
  GtkWidget    *dependency;
  GtkWidget    *cohorts;
  GtkWidget    *by_master;          /* the figures, scrolling sideways */
  GtkWidget    *by_service;
  GtkWidget    *by_master_names;    /* the names, kept in view */
  GtkWidget    *by_service_names;

  GtkLabel     *figures[N_FIGURES];
  guint         sync_id;
};

G_DEFINE_FINAL_TYPE (RgRetentionView, rg_retention_view, GTK_TYPE_WIDGET)

static const char *
figure_caption (guint i)
{
  switch (i)
    {
    case 0: return _("Existing-client retention");
    case 1: return _("New-client retention");
    case 2: return _("Churn, last 365 days");
    case 3: return _("Returning share");
    case 4: return _("Revenue from regulars");
    case 5: return _("Average check");
    case 6: return _("Visits per client per year");
    case 7: return _("Annual spend per client");
    case 8: return _("Lifetime value");
    case 9: return _("Relationship length, days");
    case 10: return _("No-show rate");
    case 11: return _("Complaints, last 365 days");
    default: return "";
    }
}

/* BRIEF 4, as the app states it. */
static const char *
figure_help (guint i)
{
  switch (i)
    {
    case 0: return _("Of clients with a visit in the 90 days before the period's start (and a visit before that), the share with a visit in the period.");
    case 1: return _("Of clients whose first visit is in the period, the share with a second visit within 90 days of the first. Only clients whose first visit is at least 90 days ago count.");
    case 2: return _("Of clients with a visit in the 365 days before the last year began, the share with no visit in the last year.");
    case 3: return _("Of clients with a visit in the period, the share who had come before it.");
    case 4: return _("The period's revenue from regulars (3 visits or more, not lost) against all of it; repeat clients usually bring about 65 percent of turnover.");
    case 5: return _("Revenue ÷ visits in the period. A visit is an appointment marked done; revenue is what done visits cost.");
    case 6: return _("Visits in the last 365 days per client who came in them.");
    case 7: return _("Revenue of the last 365 days per client who came in them.");
    case 8: return _("All revenue per client who ever came.");
    case 9: return _("From the first visit to the last, on average, for clients who came.");
    case 10: return _("No-shows ÷ (visits + no-shows) in the period.");
    case 11: return _("Complaints opened in the last 365 days.");
    default: return "";
    }
}

static char *
percent_text (const RgShare *share)
{
  double p = rg_share_percent (share);

  return isnan (p) ? g_strdup ("—") : g_strdup_printf ("%.0f %%", p);
}

static char *
money_text (double minor)
{
  return isnan (minor) ? g_strdup ("—") : rg_format_price ((gint64) llround (minor));
}

/* Visits per client per year, with a decimal. */
static char *
frequency_text (double visits)
{
  return isnan (visits) ? g_strdup ("—") : g_strdup_printf ("%.1f", visits);
}

static char *
days_text (double days)
{
  return isnan (days) ? g_strdup ("—") : g_strdup_printf ("%.0f", days);
}

static char *
figure_value (const RgDashboard *d,
              guint              i)
{
  switch (i)
    {
    case 0: return percent_text (&d->existing_retention);
    case 1: return percent_text (&d->new_retention);
    case 2: return percent_text (&d->churn);
    case 3: return percent_text (&d->returning);
    case 4: return percent_text (&d->regulars_revenue);
    case 5: return money_text (d->average_check);
    case 6: return frequency_text (d->visit_frequency);
    case 7: return money_text (d->annual_spend);
    case 8: return money_text (d->lifetime_value);
    case 9: return days_text (d->relationship_days);
    case 10: return percent_text (&d->no_shows);
    case 11: return rg_format_count (d->complaints_year);
    default: return g_strdup ("");
    }
}

/* Charts ------------------------------------------------------------------------ */

static RgChart *
trend_chart (const RgDashboard *d)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double values[RG_DASHBOARD_MONTHS];
  RgChart *chart = rg_chart_new (RG_CHART_LINE);

  for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (d->trend_month[m].year, d->trend_month[m].month, 1, 12, 0, 0);

      /* Translators: a month and year on a chart's axis; e.g. "Nov 26" */
      g_ptr_array_add (labels, g_date_time_format (dt, _("%b %y")));
      values[m] = rg_share_percent (&d->trend[m]);
    }
  rg_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  rg_chart_add_series (chart, _("Existing-client retention"), values, RG_DASHBOARD_MONTHS);
  rg_chart_set_value_range (chart, 0, 100);
  rg_chart_set_value_format (chart, "%.0f %%");
  rg_chart_set_empty_text (chart, _("No returning clients to count yet"));
  return chart;
}

static RgChart *
masters_chart (const RgDashboard *d,
               gboolean           churn)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree double *values = g_new (double, MAX (d->masters->len, 1));
  RgChart *chart = rg_chart_new (RG_CHART_BARS_HORIZONTAL);
  guint n = 0;

  for (guint i = 0; i < d->masters->len; i++)
    {
      const RgMasterRisk *m = d->masters->pdata[i];
      const RgShare *share = churn ? &m->churn : &m->dependency;

      if (share->denominator == 0)
        continue;
      g_ptr_array_add (labels, m->name ? m->name : (char *) "?");
      values[n++] = rg_share_percent (share);
    }
  rg_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  rg_chart_set_series_color (chart, rg_chart_add_series (chart, churn ? _("Churn") : _("Saw nobody else"),
                                                         values, n), churn ? 3 : 2);
  rg_chart_set_value_range (chart, 0, 100);
  rg_chart_set_value_format (chart, "%.0f %%");
  return chart;
}

/* The cohort grid: a row per month of first visits, a column per month
 * since; the darker, the more still coming. */
static void
fill_cohorts (RgRetentionView   *self,
              const RgDashboard *d)
{
  GtkGrid *grid = GTK_GRID (self->cohorts);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->cohorts)))
    gtk_grid_remove (grid, child);

  for (guint j = 0; j < RG_DASHBOARD_MONTHS; j++)
    {
      g_autofree char *text = g_strdup_printf ("+%u", j);
      GtkWidget *head = gtk_label_new (text);

      gtk_widget_add_css_class (head, "dim-label");
      gtk_widget_add_css_class (head, "caption");
      gtk_grid_attach (grid, head, (int) j + 2, 0, 1, 1);
    }
  for (guint k = 0; k < RG_DASHBOARD_MONTHS; k++)
    {
      const RgCohort *cohort = &d->cohorts[k];
      g_autoptr(GDateTime) dt = g_date_time_new_local (cohort->month.year, cohort->month.month, 1, 12, 0, 0);
      g_autofree char *month = g_date_time_format (dt, _("%b %y"));
      g_autofree char *size = g_strdup_printf ("%u", cohort->clients);
      GtkWidget *label = gtk_label_new (month);
      GtkWidget *count = gtk_label_new (size);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_grid_attach (grid, label, 0, (int) k + 1, 1, 1);
      gtk_grid_attach (grid, count, 1, (int) k + 1, 1, 1);
      for (guint j = 0; j < RG_DASHBOARD_MONTHS; j++)
        {
          double share = cohort->share[j];
          g_autofree char *text = NULL;
          g_autofree char *css = NULL;
          g_autofree char *tip = NULL;
          GtkWidget *cell;

          if (isnan (share) || cohort->clients == 0)
            continue;
          text = g_strdup_printf ("%.0f", share);
          cell = gtk_label_new (text);
          css = g_strdup_printf ("cohort-%d", (int) CLAMP (share / 10.0, 0, 10));
          gtk_widget_add_css_class (cell, "cohort-cell");
          gtk_widget_add_css_class (cell, css);
          /* Translators: a cohort cell's tooltip: "45 % of Nov 26's newcomers came in month +2" */
          tip = g_strdup_printf (_("%.0f %% of %s's newcomers came in month +%u"), share, month, j);
          gtk_widget_set_tooltip_text (cell, tip);
          gtk_grid_attach (grid, cell, (int) j + 2, (int) k + 1, 1, 1);
        }
    }
}

/* By master and by service ------------------------------------------------------- */

typedef enum {
  COL_CLIENTS, COL_VISITS, COL_REVENUE, COL_CHECK, COL_NEW, COL_EXISTING, COL_RETURNING, COL_REGULARS,
  COL_NO_SHOWS, COL_CHURN, COL_FREQUENCY, COL_SPEND, COL_LIFETIME, COL_RELATIONSHIP, COL_COMPLAINTS, N_COLUMNS
} Column;

/* The dashboard's own figures for the same columns: their help. */
static const guint column_figure[N_COLUMNS] = { G_MAXUINT, G_MAXUINT, G_MAXUINT, 5, 1, 0, 3, 4, 10, 2, 6, 7, 8, 9, 11 };

static const char *
column_title (Column c)
{
  switch (c)
    {
    case COL_CLIENTS: return _("Clients");
    case COL_VISITS: return _("Visits");
    case COL_REVENUE: return _("Revenue");
    case COL_CHECK: return _("Average check");
    case COL_NEW: return _("New-client retention");
    case COL_EXISTING: return _("Existing-client retention");
    case COL_RETURNING: return _("Returning share");
    case COL_REGULARS: return _("Revenue from regulars");
    case COL_NO_SHOWS: return _("No-show rate");
    case COL_CHURN: return _("Churn, last 365 days");
    case COL_FREQUENCY: return _("Visits per client per year");
    case COL_SPEND: return _("Annual spend per client");
    case COL_LIFETIME: return _("Lifetime value");
    case COL_RELATIONSHIP: return _("Relationship length, days");
    case COL_COMPLAINTS: return _("Complaints, last 365 days");
    case N_COLUMNS:
    default: return "";
    }
}

static const RgShare *
column_share (const RgBreakdown *row,
              Column             c)
{
  switch (c)
    {
    case COL_NEW: return &row->new_retention;
    case COL_EXISTING: return &row->existing_retention;
    case COL_RETURNING: return &row->returning;
    case COL_REGULARS: return &row->regulars_revenue;
    case COL_NO_SHOWS: return &row->no_shows;
    case COL_CHURN: return &row->churn;
    case COL_CLIENTS:
    case COL_VISITS:
    case COL_REVENUE:
    case COL_CHECK:
    case COL_FREQUENCY:
    case COL_SPEND:
    case COL_LIFETIME:
    case COL_RELATIONSHIP:
    case COL_COMPLAINTS:
    case N_COLUMNS:
    default: return NULL;
    }
}

static GtkWidget *
cell_new (const char *text,
          float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "breakdown-cell");
  return label;
}

/* A row of the names' grid and of the figures' grid, kept the same
 * height: the header's wraps to several lines. */
static void
same_height (GtkWidget *a,
             GtkWidget *b)
{
  g_autoptr(GtkSizeGroup) group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);

  /* Each widget keeps its group alive. */
  gtk_size_group_add_widget (group, a);
  gtk_size_group_add_widget (group, b);
}

/* A table of @rows (RgBreakdown): a row per master or service, a column
 * per figure. The names are a grid of their own beside the figures, so
 * that they stay in view when a narrow window scrolls the figures. */
static void
fill_breakdown (GtkWidget  *names,
                GtkWidget  *grid,
                GPtrArray  *rows,
                gboolean    masters)
{
  GtkWidget *child, *name_head;
  int col = 0;

  while ((child = gtk_widget_get_first_child (grid)))
    gtk_grid_remove (GTK_GRID (grid), child);
  while ((child = gtk_widget_get_first_child (names)))
    gtk_grid_remove (GTK_GRID (names), child);

  name_head = cell_new (masters ? _("Master") : _("Service"), 0);
  gtk_widget_add_css_class (name_head, "caption-heading");
  gtk_widget_set_valign (name_head, GTK_ALIGN_END);
  gtk_label_set_yalign (GTK_LABEL (name_head), 1);   /* on the titles' last line, however tall */
  gtk_grid_attach (GTK_GRID (names), name_head, 0, 0, 1, 1);
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *head = cell_new (column_title (c), 1);
      gtk_label_set_wrap (GTK_LABEL (head), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (head), 12);
      gtk_label_set_justify (GTK_LABEL (head), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (head, GTK_ALIGN_END);
      gtk_widget_add_css_class (head, "caption-heading");
      if (column_figure[c] != G_MAXUINT)
        gtk_widget_set_tooltip_text (head, figure_help (column_figure[c]));
      gtk_grid_attach (GTK_GRID (grid), head, col++, 0, 1, 1);
    }
  /* Made as tall as the figures' wrapped headers once they are laid out:
   * see sync_header_heights(). */

  if (rows == NULL || rows->len == 0)
    {
      GtkWidget *empty = cell_new (masters ? _("No master had visits in this period")
                                           : _("No service was done in this period"), 0);

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_grid_attach (GTK_GRID (names), empty, 0, 1, 1, 1);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const RgBreakdown *row = rows->pdata[i];
      GtkWidget *name = cell_new (row->name ? row->name : "?", 0);

      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
      gtk_widget_set_tooltip_text (name, row->name);
      gtk_grid_attach (GTK_GRID (names), name, 0, (int) i + 1, 1, 1);
      col = 0;
      for (Column c = 0; c < N_COLUMNS; c++)
        {
          const RgShare *share = column_share (row, c);
          g_autofree char *text = NULL;
          GtkWidget *cell;

          if (share)
            text = percent_text (share);
          else if (c == COL_CLIENTS)
            text = rg_format_count (row->clients);
          else if (c == COL_VISITS)
            text = rg_format_count (row->visits);
          else if (c == COL_REVENUE)
            text = rg_format_price (row->revenue);
          else if (c == COL_FREQUENCY)
            text = frequency_text (row->visit_frequency);
          else if (c == COL_SPEND)
            text = money_text (row->annual_spend);
          else if (c == COL_LIFETIME)
            text = money_text (row->lifetime_value);
          else if (c == COL_RELATIONSHIP)
            text = days_text (row->relationship_days);
          else if (c == COL_COMPLAINTS)
            text = rg_format_count (row->complaints_year);
          else
            text = money_text (row->average_check);
          cell = cell_new (text, 1);
          gtk_widget_add_css_class (cell, "numeric");
          if (share && share->denominator > 0 && c != COL_REGULARS)
            {
              /* Translators: under a percentage in the table: "12 of 40" */
              g_autofree char *tip = g_strdup_printf (_("%.0f of %.0f"), share->numerator, share->denominator);

              gtk_widget_set_tooltip_text (cell, tip);
            }
          gtk_grid_attach (GTK_GRID (grid), cell, col++, (int) i + 1, 1, 1);
          if (c == 0)
            same_height (name, cell);
        }
    }
}

static void
show_result (RgRetentionView *self)
{
  const RgDashboard *d = self->result;
  GString *statuses = g_string_new (NULL);
  static const RgClientStatus order[] = {
    RG_CLIENT_BOOKED, RG_CLIENT_ON_TRACK, RG_CLIENT_DUE, RG_CLIENT_SLEEPING, RG_CLIENT_LOST, RG_CLIENT_NEW,
    RG_CLIENT_NEVER_VISITED,
  };

  for (guint i = 0; i < N_FIGURES; i++)
    {
      g_autofree char *value = figure_value (d, i);
      gtk_label_set_text (self->figures[i], value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_string_append_printf (statuses, "%s%s %u", i ? " · " : "", rg_client_status_to_string (order[i]),
                            d->statuses[order[i]]);
  /* Translators: the segments' counts after the statuses' */
  g_string_append_printf (statuses, "\n%s %u · %s %u · %s %u", C_("segment", "Regular"), d->regulars,
                          C_("segment", "VIP"), d->vips, C_("segment", "One-time"), d->one_time);
  gtk_label_set_text (GTK_LABEL (self->statuses), statuses->str);
  g_string_free (statuses, TRUE);

  rg_chart_view_set_chart (RG_CHART_VIEW (self->trend), trend_chart (d));
  {
    /* The chart's last month is D's: not over unless D is its last day. */
    int days = g_date_get_days_in_month ((GDateMonth) d->as_of.month, (GDateYear) d->as_of.year);

    if (d->as_of.day < days)
      {
        g_autoptr(GDateTime) dt = g_date_time_new_local (d->as_of.year, d->as_of.month, 1, 12, 0, 0);
        /* Translators: a month on its own, as in "December so far…"; see the strftime manual */
        g_autofree char *month = g_date_time_format (dt, _("%OB"));
        g_autofree char *note = NULL;

        /* Translators: under the retention trend when its last month is not over */
        note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s is counted to date: %d of %d day.",
                                             "%s is counted to date: %d of %d days.", days),
                                month, d->as_of.day, days);
        gtk_label_set_text (GTK_LABEL (self->trend_note), note);
      }
    gtk_widget_set_visible (self->trend_note, d->as_of.day < days);
  }
  rg_chart_view_set_chart (RG_CHART_VIEW (self->churn), masters_chart (d, TRUE));
  rg_chart_view_set_chart (RG_CHART_VIEW (self->dependency), masters_chart (d, FALSE));
  gtk_widget_set_size_request (self->churn, 260, MAX (200, 24 * (int) d->masters->len + 50));
  gtk_widget_set_size_request (self->dependency, 260, MAX (200, 24 * (int) d->masters->len + 50));
  fill_cohorts (self, d);
  fill_breakdown (self->by_master_names, self->by_master, d->by_master, TRUE);
  fill_breakdown (self->by_service_names, self->by_service, d->by_service, FALSE);
}

/* Computing ----------------------------------------------------------------------- */

static void
counted (GtkWidget *owner,
         gpointer   result)
{
  RgRetentionView *self = RG_RETENTION_VIEW (owner);

  g_clear_pointer (&self->result, rg_dashboard_free);
  self->result = result;
  show_result (self);
}

/* The period up to today (a month not over yet is seen from today). */
static void
refresh (GtkWidget *owner)
{
  RgRetentionView *self = RG_RETENTION_VIEW (owner);
  RgDate today = rg_date_today ();
  RgDashboardJob *job;

  if (self->studio == NULL)
    return;
  job = g_new0 (RgDashboardJob, 1);
  job->from = self->from;
  job->to = rg_date_compare (self->to, today) > 0 ? today : self->to;
  if (rg_date_compare (job->from, job->to) > 0)
    job->to = job->from;
  job->as_of = job->to;
  rg_recount_start (self->recount, job, g_free);
}

static void
map_cb (RgRetentionView *self)
{
  if (rg_recount_is_dirty (self->recount) || self->result == NULL)
    refresh (GTK_WIDGET (self));
}

/* The period ------------------------------------------------------------------------ */

/* A period not over yet is counted to today: its rates are not a whole
 * month's (existing-client retention of seven days reads as a collapse
 * beside whole months), so it says so. */
static void
update_period_label (RgRetentionView *self)
{
  RgDate today = rg_date_today ();
  gboolean partial = rg_date_compare (self->to, today) > 0;
  RgDate last_day = partial ? today : self->to;
  g_autoptr(GDateTime) a = g_date_time_new_local (self->from.year, self->from.month, self->from.day, 12, 0, 0);
  g_autoptr(GDateTime) b = g_date_time_new_local (last_day.year, last_day.month, last_day.day, 12, 0, 0);
  g_autofree char *first = g_date_time_format (a, _("%-d %B %Y"));
  g_autofree char *last = g_date_time_format (b, _("%-d %B %Y"));
  g_autofree char *text = g_strdup_printf (_("%s – %s"), first, last);

  if (partial)
    {
      int counted = rg_date_days_between (self->from, today) + 1;
      int days = rg_date_days_between (self->from, self->to) + 1;
      g_autofree char *whole = g_steal_pointer (&text);

      /* Translators: the retention period when it is not over: "1 December 2026 – 7 December 2026, to date: 7 of 31 days" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, to date: %d of %d day", "%s, to date: %d of %d days",
                                           days), whole, counted, days);
    }
  gtk_label_set_text (GTK_LABEL (self->period_label), text);
}

/* Where the page opens: the last whole month, whose rates compare with
 * the months before; today if it is a month's last day. */
static RgDate
last_whole_month_day (void)
{
  RgDate today = rg_date_today ();

  if (today.day == g_date_get_days_in_month ((GDateMonth) today.month, (GDateYear) today.year))
    return today;
  return rg_date_add_days ((RgDate) { today.year, today.month, 1 }, -1);
}

void
rg_retention_view_set_period (RgRetentionView *self,
                              RgPeriodKind     kind,
                              RgDate           day)
{
  g_return_if_fail (RG_IS_RETENTION_VIEW (self));

  if (kind == RG_PERIOD_WEEK || kind == RG_PERIOD_CUSTOM)
    kind = RG_PERIOD_MONTH;
  self->kind = kind;
  rg_period_bounds (kind, day, &self->from, &self->to);
  update_period_label (self);
  rg_recount_mark_dirty (self->recount);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (GTK_WIDGET (self));
}

static void
kind_changed_cb (RgRetentionView *self)
{
  static const RgPeriodKind kinds[] = { RG_PERIOD_MONTH, RG_PERIOD_QUARTER, RG_PERIOD_YEAR };
  guint i = gtk_drop_down_get_selected (self->period_dropdown);

  if (i < G_N_ELEMENTS (kinds) && kinds[i] != self->kind)
    rg_retention_view_set_period (self, kinds[i], rg_date_today ());
}

static void
prev_cb (RgRetentionView *self)
{
  rg_retention_view_set_period (self, self->kind, rg_date_add_days (self->from, -1));
}

static void
next_cb (RgRetentionView *self)
{
  RgDate next = rg_date_add_days (self->to, 1);

  if (rg_date_compare (next, rg_date_today ()) <= 0)
    rg_retention_view_set_period (self, self->kind, next);
}

/* The widget ------------------------------------------------------------------------- */

/* The names level with their figures: the names' header as tall as the
 * figures' (whose titles wrap to as many lines as their width asks), known
 * only once the figures are laid out, so set after an allocation, for the
 * next. */
static gboolean
sync_header_heights (RgRetentionView *self)
{
  GtkWidget *pairs[][2] = { { self->by_master_names, self->by_master },
                            { self->by_service_names, self->by_service } };
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      GtkWidget *name_head = gtk_grid_get_child_at (GTK_GRID (pairs[i][0]), 0, 0);
      GtkWidget *first_name = gtk_grid_get_child_at (GTK_GRID (pairs[i][0]), 0, 1);
      GtkWidget *first_figure = gtk_grid_get_child_at (GTK_GRID (pairs[i][1]), 0, 1);
      graphene_point_t name_at, figure_at;
      int margin;

      if (name_head == NULL || first_name == NULL || first_figure == NULL || !gtk_widget_get_mapped (first_figure) ||
          !gtk_widget_compute_point (first_name, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &name_at) ||
          !gtk_widget_compute_point (first_figure, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &figure_at))
        continue;
      if (ABS (figure_at.y - name_at.y) < 1)
        continue;
      /* Moved down (or up) by what the first rows are apart: a margin is
       * exact, so one step does it. */
      margin = gtk_widget_get_margin_top (name_head) + (int) lround (figure_at.y - name_at.y);
      gtk_widget_set_margin_top (name_head, MAX (0, margin));
      changed = TRUE;
    }
  return changed;
}

static gboolean
sync_idle (gpointer data)
{
  RgRetentionView *self = RG_RETENTION_VIEW (data);

  self->sync_id = 0;
  sync_header_heights (self);
  return G_SOURCE_REMOVE;
}

/* Measured and allocated by hand, not by a GtkBinLayout: a layout
 * manager's allocation bypasses size_allocate, which follows the tables'
 * header rows. */
static void
rg_retention_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  gtk_widget_measure (RG_RETENTION_VIEW (widget)->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
rg_retention_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RgRetentionView *self = RG_RETENTION_VIEW (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  /* Not during the allocation: a size request queues another. */
  if (self->sync_id == 0)
    self->sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_idle, self, NULL);
}

static void
rg_retention_view_dispose (GObject *object)
{
  RgRetentionView *self = RG_RETENTION_VIEW (object);

  g_clear_handle_id (&self->sync_id, g_source_remove);
  g_clear_pointer (&self->recount, rg_recount_free);
  g_clear_object (&self->studio);
  g_clear_pointer (&self->result, rg_dashboard_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_RETENTION_VIEW);
  G_OBJECT_CLASS (rg_retention_view_parent_class)->dispose (object);
}

static void
rg_retention_view_class_init (RgRetentionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_retention_view_dispose;
  widget_class->measure = rg_retention_view_measure;
  widget_class->size_allocate = rg_retention_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "retention");

  g_type_ensure (RG_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-retention-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, box);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, period_label);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, spinner);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, key_figures);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, statuses);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, trend);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, trend_note);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, churn);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, dependency);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, cohorts);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, by_master_names);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, by_master);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, by_service_names);
  gtk_widget_class_bind_template_child (widget_class, RgRetentionView, by_service);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, prev_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_cb);
}

static void
rg_retention_view_init (RgRetentionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The key figures' cards, from the table the tables' headers share. */
  for (guint i = 0; i < N_FIGURES; i++)
    {
      GtkWidget *fig = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("—");
      GtkWidget *caption = gtk_label_new (figure_caption (i));

      gtk_widget_add_css_class (fig, "card");
      gtk_widget_add_css_class (fig, "headline");
      gtk_widget_add_css_class (value, "title-2");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_add_css_class (caption, "caption");
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (fig), value);
      gtk_box_append (GTK_BOX (fig), caption);
      gtk_widget_set_tooltip_text (fig, figure_help (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (fig), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, figure_help (i), -1);
      self->figures[i] = GTK_LABEL (value);
      gtk_flow_box_append (GTK_FLOW_BOX (self->key_figures), fig);
      gtk_widget_set_focusable (gtk_widget_get_parent (fig), FALSE);
    }

  self->kind = RG_PERIOD_MONTH;
  rg_period_bounds (self->kind, last_whole_month_day (), &self->from, &self->to);
  update_period_label (self);
  {
    RgChanges watch = RG_CHANGES_APPOINTMENTS | RG_CHANGES_TIMELINE | RG_CHANGES_CLIENTS | RG_CHANGES_STAFF |
                      RG_CHANGES_SERVICES;

    self->recount = rg_recount_new (GTK_WIDGET (self), watch, REFRESH_DELAY_MS, rg_count_dashboard,
                                    (GDestroyNotify) rg_dashboard_free, refresh, counted, NULL);
    rg_recount_set_spinner (self->recount, self->spinner);
  }
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

void
rg_retention_view_set_studio (RgRetentionView *self,
                              RgStudio        *studio)
{
  g_return_if_fail (RG_IS_RETENTION_VIEW (self));
  g_return_if_fail (self->studio == NULL);

  self->studio = g_object_ref (studio);
  rg_recount_set_studio (self->recount, studio);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (GTK_WIDGET (self));
}

gboolean
rg_retention_view_is_loading (RgRetentionView *self)
{
  g_return_val_if_fail (RG_IS_RETENTION_VIEW (self), FALSE);
  return rg_recount_is_busy (self->recount) || self->result == NULL;
}

const RgDashboard *
rg_retention_view_get_result (RgRetentionView *self)
{
  g_return_val_if_fail (RG_IS_RETENTION_VIEW (self), NULL);
  return self->result;
}

const char *
rg_retention_view_get_figure (RgRetentionView *self,
                              guint            index)
{
  g_return_val_if_fail (RG_IS_RETENTION_VIEW (self), NULL);
  g_return_val_if_fail (index < N_FIGURES, NULL);
  return gtk_label_get_text (self->figures[index]);
}

/* What the period says above the figures. */
const char *
rg_retention_view_get_period_text (RgRetentionView *self)
{
  g_return_val_if_fail (RG_IS_RETENTION_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->period_label));
}

/* The note under the trend when its last month is not over; NULL when it
 * is not shown. */
const char *
rg_retention_view_get_trend_note (RgRetentionView *self)
{
  g_return_val_if_fail (RG_IS_RETENTION_VIEW (self), NULL);
  if (!gtk_widget_get_visible (self->trend_note))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->trend_note));
}
