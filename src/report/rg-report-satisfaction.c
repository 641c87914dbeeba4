/* rg-report-satisfaction.c — the satisfaction figures (src/analytics) as
 * text and JSON for `regulars --report satisfaction`, as the panel's
 * headline figures and charts, and as a page: the headline figures and
 * every chart, two to a line, for PDF, PNG and SVG exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "model/rg-format.h"
#include "model/rg-survey.h"
#include "rg-json-private.h"
#include "rg-report-page.h"
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

/* Figures ---------------------------------------------------------------------- */

static char *
format_figure (double      value,
               int         decimals,
               const char *suffix)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.*f%s", decimals, value, suffix ? suffix : "");
}

static char *
format_nps (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%+.0f", value);
}

const char *
rg_report_satisfaction_headline_caption (guint i)
{
  switch (i)
    {
    case 0: return _("Average score");
    case 1: return _("CSAT");
    case 2: return _("NPS");
    case 3: return _("Ratings");
    case 4: return _("Response rate");
    case 5: return _("Open complaints");
    default: return "";
    }
}

char *
rg_report_satisfaction_headline_value (const RgSatisfaction *s,
                                       guint                 i)
{
  switch (i)
    {
    case 0: return format_figure (rg_score_tally_average (&s->total), 2, NULL);
    case 1: return format_figure (rg_score_tally_csat (&s->total), 0, " %");
    case 2: return format_nps (rg_score_tally_nps (&s->total));
    case 3: return rg_format_count (s->total.ratings);
    case 4: return format_figure (rg_satisfaction_response_rate (s), 0, " %");
    case 5: return rg_format_count (s->open_complaints);
    default: return g_strdup ("");
    }
}

/* Charts ----------------------------------------------------------------------- */

static char *
format_date (RgDate      date,
             const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);

  return dt ? g_date_time_format (dt, format) : g_strdup ("");
}

static char *
bucket_label (const RgSatisfaction       *s,
              const RgSatisfactionBucket *b)
{
  if (s->query.step == RG_SATISFACTION_BY_MONTH)
    return format_date (b->start, s->query.from.year == s->query.to.year
                        /* Translators: a month on a chart's axis, see the strftime manual; e.g. "Nov" */
                        ? _("%b")
                        /* Translators: a month and year on a chart's axis; e.g. "Nov 26" */
                        : _("%b %y"));
  /* Translators: a week's first day on a chart's axis, see the strftime manual; e.g. "23.11" */
  return format_date (b->start, _("%d.%m"));
}

const char *
rg_report_satisfaction_chart_title (RgSatisfactionChart which)
{
  switch (which)
    {
    case RG_SATISFACTION_CHART_SCORE_TREND: return _("Average Score");
    case RG_SATISFACTION_CHART_CSAT_TREND: return _("CSAT, %");
    case RG_SATISFACTION_CHART_BY_MASTER: return _("By Master");
    case RG_SATISFACTION_CHART_BY_SERVICE: return _("By Service");
    case RG_SATISFACTION_CHART_DISTRIBUTION: return _("Scores");
    case RG_SATISFACTION_CHART_NPS: return _("Recommend Us (NPS)");
    case RG_SATISFACTION_CHART_COMPLAINTS: return _("Complaints");
    case RG_SATISFACTION_CHART_QUESTIONNAIRE: return _("Questionnaire, 1–10");
    case RG_SATISFACTION_N_CHARTS:
    default: return "";
    }
}

static RgChart *
trend_chart (const RgSatisfaction *s,
             RgSatisfactionChart   which)
{
  guint n = s->buckets->len;
  g_autofree double *values = g_new (double, MAX (n, 1));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  RgChart *chart;

  for (guint i = 0; i < n; i++)
    {
      const RgSatisfactionBucket *b = &g_array_index (s->buckets, RgSatisfactionBucket, i);

      g_ptr_array_add (labels, bucket_label (s, b));
      switch (which)
        {
        case RG_SATISFACTION_CHART_SCORE_TREND: values[i] = rg_score_tally_average (&b->tally); break;
        case RG_SATISFACTION_CHART_CSAT_TREND: values[i] = rg_score_tally_csat (&b->tally); break;
        case RG_SATISFACTION_CHART_COMPLAINTS: values[i] = b->complaints; break;
        default: values[i] = NAN; break;
        }
    }

  switch (which)
    {
    case RG_SATISFACTION_CHART_SCORE_TREND:
      chart = rg_chart_new (RG_CHART_LINE);
      rg_chart_set_value_range (chart, 1, 5);
      rg_chart_set_value_format (chart, "%.2f");
      break;
    case RG_SATISFACTION_CHART_CSAT_TREND:
      chart = rg_chart_new (RG_CHART_AREA);
      rg_chart_set_value_range (chart, 0, 100);
      rg_chart_set_value_format (chart, "%.0f %%");
      break;
    case RG_SATISFACTION_CHART_COMPLAINTS:
    default:
      chart = rg_chart_new (RG_CHART_BARS);
      rg_chart_set_value_format (chart, "%.0f");
      rg_chart_set_integer (chart, TRUE);
      break;
    }

  rg_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  if (which == RG_SATISFACTION_CHART_COMPLAINTS)
    {
      guint serie = rg_chart_add_series (chart, _("Complaints"), values, n);
      rg_chart_set_series_color (chart, serie, 3);
      if (s->complaints == 0)
        rg_chart_set_empty_text (chart, _("No complaints in this period"));
    }
  else
    {
      guint serie = rg_chart_add_series (chart, which == RG_SATISFACTION_CHART_SCORE_TREND
                                                ? _("Average score") : _("CSAT"), values, n);
      rg_chart_set_series_color (chart, serie, which == RG_SATISFACTION_CHART_SCORE_TREND ? 0 : 1);
    }
  return chart;
}

static RgChart *
group_chart (GPtrArray *groups)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree double *values = g_new (double, MAX (groups->len, 1));
  RgChart *chart = rg_chart_new (RG_CHART_BARS_HORIZONTAL);
  guint n = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      RgSatisfactionGroup *g = groups->pdata[i];

      if (g->tally.ratings == 0)
        continue;
      g_ptr_array_add (labels, g->name);
      values[n++] = rg_score_tally_average (&g->tally);
    }

  rg_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  rg_chart_add_series (chart, _("Average score"), values, n);
  rg_chart_set_value_range (chart, 0, 5);
  rg_chart_set_value_format (chart, "%.2f");
  return chart;
}

static RgChart *
distribution_chart (const RgSatisfaction *s)
{
  static const char * const labels[] = { "1", "2", "3", "4", "5" };
  double values[5];
  RgChart *chart = rg_chart_new (RG_CHART_BARS);

  for (guint i = 0; i < 5; i++)
    values[i] = s->distribution[i];
  rg_chart_set_categories (chart, labels, 5);
  rg_chart_add_series (chart, _("Ratings"), values, 5);
  rg_chart_set_value_format (chart, "%.0f");
  rg_chart_set_integer (chart, TRUE);
  return chart;
}

/* Detractors, passives and promoters per bucket, stacked, in red, yellow
 * and green. */
static RgChart *
nps_chart (const RgSatisfaction *s)
{
  guint n = s->buckets->len;
  g_autofree double *detractors = g_new (double, MAX (n, 1));
  g_autofree double *passives = g_new (double, MAX (n, 1));
  g_autofree double *promoters = g_new (double, MAX (n, 1));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  RgChart *chart = rg_chart_new (RG_CHART_STACKED);

  for (guint i = 0; i < n; i++)
    {
      const RgSatisfactionBucket *b = &g_array_index (s->buckets, RgSatisfactionBucket, i);

      g_ptr_array_add (labels, bucket_label (s, b));
      detractors[i] = b->tally.detractors;
      passives[i] = b->tally.passives;
      promoters[i] = b->tally.promoters;
    }
  rg_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  rg_chart_set_series_color (chart, rg_chart_add_series (chart, _("Detractors (0–6)"), detractors, n), 3);
  rg_chart_set_series_color (chart, rg_chart_add_series (chart, _("Passives (7–8)"), passives, n), 2);
  rg_chart_set_series_color (chart, rg_chart_add_series (chart, _("Promoters (9–10)"), promoters, n), 1);
  rg_chart_set_value_format (chart, "%.0f");
  rg_chart_set_integer (chart, TRUE);
  if (s->total.nps_answers == 0)
    rg_chart_set_empty_text (chart, _("Nobody answered the question in this period"));
  return chart;
}

/* The full questionnaire's average per question. */
static RgChart *
questionnaire_chart (const RgSatisfaction *s)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree double *values = g_new (double, MAX (s->questions->len, 1));
  RgChart *chart = rg_chart_new (RG_CHART_BARS_HORIZONTAL);

  for (guint i = 0; i < s->questions->len; i++)
    {
      const RgSatisfactionQuestion *q = &g_array_index (s->questions, RgSatisfactionQuestion, i);
      const RgSurveyQuestion *question = rg_survey_find_question (RG_SURVEY_VISIT, q->key);

      g_ptr_array_add (labels, (gpointer) (question ? rg_survey_question_label (question) : q->key));
      values[i] = q->answers ? (double) q->score_sum / q->answers : NAN;
    }
  rg_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  rg_chart_set_series_color (chart, rg_chart_add_series (chart, _("Average"), values, s->questions->len), 4);
  rg_chart_set_value_range (chart, 0, 10);
  rg_chart_set_value_format (chart, "%.1f");
  if (s->questionnaires == 0)
    rg_chart_set_empty_text (chart, _("No questionnaires in this period"));
  return chart;
}

RgChart *
rg_report_satisfaction_chart (const RgSatisfaction *s,
                              RgSatisfactionChart   which,
                              gboolean              titled)
{
  RgChart *chart;

  switch (which)
    {
    case RG_SATISFACTION_CHART_BY_MASTER: chart = group_chart (s->by_staff); break;
    case RG_SATISFACTION_CHART_BY_SERVICE: chart = group_chart (s->by_service); break;
    case RG_SATISFACTION_CHART_DISTRIBUTION: chart = distribution_chart (s); break;
    case RG_SATISFACTION_CHART_NPS: chart = nps_chart (s); break;
    case RG_SATISFACTION_CHART_QUESTIONNAIRE: chart = questionnaire_chart (s); break;
    case RG_SATISFACTION_CHART_SCORE_TREND:
    case RG_SATISFACTION_CHART_CSAT_TREND:
    case RG_SATISFACTION_CHART_COMPLAINTS:
    case RG_SATISFACTION_N_CHARTS:
    default: chart = trend_chart (s, which); break;
    }

  if (titled)
    rg_chart_set_title (chart, rg_report_satisfaction_chart_title (which));
  if (which != RG_SATISFACTION_CHART_COMPLAINTS && which != RG_SATISFACTION_CHART_NPS &&
      which != RG_SATISFACTION_CHART_QUESTIONNAIRE && s->total.ratings == 0)
    rg_chart_set_empty_text (chart, _("No ratings in this period"));
  return chart;
}

/* Page ------------------------------------------------------------------------ */

#define PAGE_WIDTH   RG_REPORT_SATISFACTION_PAGE_WIDTH
#define PAGE_MARGIN    40.0
#define PAGE_GAP       24.0
#define PAGE_ROW      280.0
#define PAGE_HEADER   110.0

static guint
rated_groups (GPtrArray *groups)
{
  guint n = 0;

  for (guint i = 0; i < groups->len; i++)
    n += ((RgSatisfactionGroup *) groups->pdata[i])->tally.ratings > 0;
  return n;
}

/* The charts of the page, in order: the questionnaire's only when
 * answered. */
static guint
page_charts (const RgSatisfaction *s,
             guint                *charts)
{
  guint n = 0;

  for (guint i = 0; i < RG_SATISFACTION_N_CHARTS; i++)
    if (i != RG_SATISFACTION_CHART_QUESTIONNAIRE || s->questionnaires > 0)
      charts[n++] = i;
  return n;
}

/* A line of two charts; names (masters, services, questions) get the
 * height they need. */
static double
page_row_height (const RgSatisfaction *s,
                 const guint          *charts,
                 guint                 n,
                 guint                 line)
{
  double height = PAGE_ROW;

  for (guint i = line * 2; i < MIN (n, line * 2 + 2); i++)
    {
      guint rows = 0;

      if (charts[i] == RG_SATISFACTION_CHART_BY_MASTER)
        rows = rated_groups (s->by_staff);
      else if (charts[i] == RG_SATISFACTION_CHART_BY_SERVICE)
        rows = rated_groups (s->by_service);
      else if (charts[i] == RG_SATISFACTION_CHART_QUESTIONNAIRE)
        rows = s->questions->len;
      height = MAX (height, 20.0 * rows + 70);
    }
  return height;
}

double
rg_report_satisfaction_page_height (const RgSatisfaction *s)
{
  guint charts[RG_SATISFACTION_N_CHARTS];
  guint n = page_charts (s, charts);
  double height = PAGE_MARGIN + PAGE_HEADER + PAGE_MARGIN;

  for (guint line = 0; line < (n + 1) / 2; line++)
    height += page_row_height (s, charts, n, line) + PAGE_GAP;
  return height;
}

void
rg_report_satisfaction_draw_page (const RgSatisfaction *s,
                                  const char           *subtitle,
                                  cairo_t              *cr)
{
  GString *figures = g_string_new (NULL);
  guint charts[RG_SATISFACTION_N_CHARTS];
  guint n = page_charts (s, charts);
  RgChartTheme theme;
  double col = (PAGE_WIDTH - 2 * PAGE_MARGIN - PAGE_GAP) / 2;
  double y;

  rg_chart_theme_init_print (&theme);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, theme.text.red, theme.text.green, theme.text.blue);
  rg_report_page_text (cr, "Sans Bold 20", _("Satisfaction"), PAGE_MARGIN, PAGE_MARGIN, PAGE_WIDTH - 2 * PAGE_MARGIN);
  rg_report_page_text (cr, "Sans 11", subtitle, PAGE_MARGIN, PAGE_MARGIN + 34, PAGE_WIDTH - 2 * PAGE_MARGIN);

  for (guint i = 0; i < RG_REPORT_SATISFACTION_N_HEADLINES; i++)
    {
      g_autofree char *value = rg_report_satisfaction_headline_value (s, i);
      g_string_append_printf (figures, "%s%s: %s", i ? "   ·   " : "",
                              rg_report_satisfaction_headline_caption (i), value);
    }
  rg_report_page_text (cr, "Sans 11", figures->str, PAGE_MARGIN, PAGE_MARGIN + 62, PAGE_WIDTH - 2 * PAGE_MARGIN);
  g_string_free (figures, TRUE);

  y = PAGE_MARGIN + PAGE_HEADER;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgChart) chart = rg_report_satisfaction_chart (s, charts[i], TRUE);
      double height = page_row_height (s, charts, n, i / 2);
      double x = PAGE_MARGIN + (i % 2) * (col + PAGE_GAP);
      double w = col;

      /* The last chart alone on its line takes the whole width. */
      if (i == n - 1 && i % 2 == 0)
        w = PAGE_WIDTH - 2 * PAGE_MARGIN;
      cairo_save (cr);
      cairo_translate (cr, x, y);
      rg_chart_draw (chart, cr, &theme, w, height);
      cairo_restore (cr);
      if (i % 2 == 1)
        y += height + PAGE_GAP;
    }
}

typedef struct {
  const RgSatisfaction *figures;
  const char           *subtitle;
} Page;

static void
draw_page_cb (cairo_t  *cr,
              gpointer  user_data)
{
  Page *page = user_data;

  rg_report_satisfaction_draw_page (page->figures, page->subtitle, cr);
}

gboolean
rg_report_satisfaction_write_page (const RgSatisfaction  *s,
                                   const char            *subtitle,
                                   RgChartFormat          format,
                                   const char            *path,
                                   GError               **error)
{
  Page page = { s, subtitle };

  g_return_val_if_fail (s != NULL, FALSE);
  g_return_val_if_fail (subtitle != NULL, FALSE);

  return rg_report_page_write (format, path, PAGE_WIDTH, rg_report_satisfaction_page_height (s),
                               draw_page_cb, &page, error);
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
