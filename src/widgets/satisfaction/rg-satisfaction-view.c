/* rg-satisfaction-view.c — the satisfaction panel.
 *
 * A period (week, month, quarter, year or custom days) and filters (master,
 * service); headline figures with how each is counted; the charts of
 * src/chart in RgChartViews; the latest "Why?" comments, worst first, each
 * linking to its client and visit. The figures come from src/analytics in
 * a thread, again whenever a commit touched ratings, visits or complaints,
 * so the panel never blocks and follows the desk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-satisfaction-view"

#include "config.h"

#include <glib/gi18n.h>

#include "analytics/rg-counts.h"
#include "model/rg-format.h"
#include "model/rg-interaction.h"
#include "model/rg-survey.h"
#include "model/rg-record-list.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "report/rg-report-satisfaction.h"
#include "widgets/common/rg-accessible.h"
#include "widgets/common/rg-chart-view.h"
#include "widgets/common/rg-recount.h"
#include "rg-satisfaction-view.h"

#define N_HEADLINES RG_REPORT_SATISFACTION_N_HEADLINES
#define REFRESH_DELAY_MS 300

struct _RgSatisfactionView {
  GtkWidget       parent_instance;

  RgStudio       *studio;
  RgRecordList   *masters;
  RgRecordList   *services;
  RgRecount      *recount;
  RgSatisfaction *result;

  RgPeriodKind    kind;
  RgDate          from;
  RgDate          to;
  gint64          staff_id;
  gint64          service_id;

  /* Template children */
  GtkWidget      *box;
  GtkDropDown    *period_dropdown;
  GtkWidget      *prev_button;
  GtkWidget      *next_button;
  GtkMenuButton  *period_button;
  GtkCalendar    *from_calendar;
  GtkCalendar    *to_calendar;
  GtkDropDown    *master_dropdown;
  GtkDropDown    *service_dropdown;
  GtkWidget      *spinner;
  GtkWidget      *headlines;     /* the flow box of the headline cards */
  GtkWidget      *chart_cards;   /* the flow box of the charts' cards */
  GtkListBox     *comments;
  GtkWidget      *comments_empty;
  GtkListBox     *open_list;
  GtkWidget      *open_heading;
  GtkListBox     *refusals;
  GtkWidget      *refusals_heading;

  GtkLabel       *headline_values[N_HEADLINES];
  GtkWidget      *charts[RG_SATISFACTION_N_CHARTS];
};

G_DEFINE_FINAL_TYPE (RgSatisfactionView, rg_satisfaction_view, GTK_TYPE_WIDGET)

/* Periods ------------------------------------------------------------------- */

static RgDate
month_end (int year,
           int month)
{
  RgDate first = { year, month, 1 };

  if (++first.month > 12)
    {
      first.month = 1;
      first.year++;
    }
  return rg_date_add_days (first, -1);
}

void
rg_period_bounds (RgPeriodKind  kind,
                  RgDate        day,
                  RgDate       *from,
                  RgDate       *to)
{
  switch (kind)
    {
    case RG_PERIOD_WEEK:
      *from = rg_date_week_start (day);
      *to = rg_date_add_days (*from, 6);
      break;
    case RG_PERIOD_QUARTER:
      *from = (RgDate) { day.year, (day.month - 1) / 3 * 3 + 1, 1 };
      *to = month_end (day.year, from->month + 2);
      break;
    case RG_PERIOD_YEAR:
      *from = (RgDate) { day.year, 1, 1 };
      *to = (RgDate) { day.year, 12, 31 };
      break;
    case RG_PERIOD_MONTH:
    case RG_PERIOD_CUSTOM:
    default:
      *from = (RgDate) { day.year, day.month, 1 };
      *to = month_end (day.year, day.month);
      break;
    }
}

static char *
format_date (RgDate      date,
             const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);

  return dt ? g_date_time_format (dt, format) : g_strdup ("");
}

static char *
period_label (RgPeriodKind kind,
              RgDate       from,
              RgDate       to)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  switch (kind)
    {
    case RG_PERIOD_MONTH:
      /* Translators: a month on its own, see the strftime manual (%OB is the month's name standing alone); e.g. "November 2026" */
      return format_date (from, _("%OB %Y"));
    case RG_PERIOD_QUARTER:
      /* Translators: a quarter of a year, e.g. "Q4 2026" */
      return g_strdup_printf (_("Q%d %d"), (from.month - 1) / 3 + 1, from.year);
    case RG_PERIOD_YEAR:
      return g_strdup_printf ("%d", from.year);
    case RG_PERIOD_WEEK:
    case RG_PERIOD_CUSTOM:
    default:
      /* Translators: the first day of a period, see the strftime manual; e.g. "23 November" */
      a = format_date (from, from.year == to.year ? _("%-d %B") : _("%-d %B %Y"));
      /* Translators: the last day of a period, see the strftime manual; e.g. "29 November 2026" */
      b = format_date (to, _("%-d %B %Y"));
      /* Translators: a period between two days */
      return g_strdup_printf (_("%s – %s"), a, b);
    }
}

/* Figures --------------------------------------------------------------------- */

/* "How is this counted": BRIEF 4, as the app states it. */
static const char *
headline_help (guint i)
{
  switch (i)
    {
    case 0: return _("The mean of the 1–5 ratings given for the period's visits.");
    case 1: return _("CSAT: the share of 1–5 ratings that are 4 or 5.");
    case 2: return _("NPS: the percentage of 9–10 answers minus the percentage of 0–6 answers to “How likely are you to recommend us to a friend?” (0–10).");
    case 3: return _("Ratings given for visits in the period. A visit is an appointment with status done; a rating belongs to the period of its visit.");
    case 4: return _("Rated visits ÷ done visits in the period.");
    case 5: return _("Complaints opened by the end of the period that are still open or with the director.");
    default: return "";
    }
}

/* Comments -------------------------------------------------------------------- */

static void
open_client_cb (GtkButton *button,
                gpointer   user_data)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "client-id");

  gtk_widget_activate_action (GTK_WIDGET (button), "win.open-client", "x", *id);
}

static void
open_visit_cb (GtkButton *button,
               gpointer   user_data)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "appointment-id");

  gtk_widget_activate_action (GTK_WIDGET (button), "win.open-visit", "x", *id);
}

static void
comment_activated_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      gpointer       user_data)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "client-id");

  gtk_widget_activate_action (GTK_WIDGET (row), "win.open-client", "x", *id);
}

static GtkWidget *
comment_row (const RgSatisfactionComment *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *client, *visit, *score;
  g_autofree char *date = rg_format_date (c->starts_at);
  g_autofree char *subtitle = NULL;
  g_autofree char *score_text = g_strdup_printf ("%d", c->score);
  gint64 *client_id = g_new (gint64, 1);
  gint64 *appointment_id = g_new (gint64, 1);

  *client_id = c->client_id;
  *appointment_id = c->appointment_id;

  /* Translators: under a rating's comment: the client, the master, the visit's day */
  subtitle = g_strdup_printf (_("%s · %s · %s"), c->client, c->staff, date);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->why);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "client-id", client_id, g_free);

  score = gtk_label_new (score_text);
  gtk_widget_add_css_class (score, "score-badge");
  gtk_widget_add_css_class (score, c->score <= 2 ? "error" : c->score == 3 ? "warning" : "success");
  gtk_widget_set_valign (score, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (score, 28, -1);
  {
    /* Translators: a rating's score for screen readers and tooltips */
    g_autofree char *tip = g_strdup_printf (_("Scored %d of 5"), c->score);
    gtk_widget_set_tooltip_text (score, tip);
  }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), score);

  client = gtk_button_new_from_icon_name ("avatar-default-symbolic");
  gtk_widget_set_tooltip_text (client, _("Open the Client Card"));
  gtk_widget_set_valign (client, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (client, "flat");
  g_object_set_data_full (G_OBJECT (client), "client-id", g_memdup2 (client_id, sizeof *client_id), g_free);
  g_signal_connect (client, "clicked", G_CALLBACK (open_client_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), client);

  visit = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (visit, _("Show the Visit in the Calendar"));
  gtk_widget_set_valign (visit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (visit, "flat");
  g_object_set_data_full (G_OBJECT (visit), "appointment-id", appointment_id, g_free);
  g_signal_connect (visit, "clicked", G_CALLBACK (open_visit_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), visit);

  return row;
}

/* An unresolved complaint or a refusal answer; activating opens the client. */
static GtkWidget *
note_row (const RgSatisfactionNote *n,
          gboolean                  complaint)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow;
  g_autofree char *date = rg_format_date (n->at);
  g_autofree char *subtitle = NULL;
  gint64 *client_id = g_new (gint64, 1);

  *client_id = n->client_id;
  if (complaint)
    {
      const char *status = rg_complaint_status_to_string (rg_complaint_status_from_nick (n->detail));

      subtitle = n->staff ? g_strdup_printf ("%s · %s · %s · %s", n->client, n->staff, date, status)
                          : g_strdup_printf ("%s · %s · %s", n->client, date, status);
      rg_accessible_row_icon (row, "dialog-warning-symbolic", C_("timeline", "Complaint"));
    }
  else
    {
      const RgSurveyQuestion *q = rg_survey_find_question (RG_SURVEY_REFUSAL, n->detail);

      subtitle = g_strdup_printf ("%s · %s · %s", n->client, q ? rg_survey_question_label (q) : n->detail, date);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), n->text ? n->text : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  rg_accessible_describe (arrow, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "client-id", client_id, g_free);
  return row;
}

static void
fill_notes (GtkListBox *list,
            GtkWidget  *heading,
            GPtrArray  *notes,
            gboolean    complaints)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
  for (guint i = 0; i < notes->len; i++)
    gtk_list_box_append (list, note_row (notes->pdata[i], complaints));
  gtk_widget_set_visible (GTK_WIDGET (list), notes->len > 0);
  gtk_widget_set_visible (heading, notes->len > 0);
}

/* Showing a result -------------------------------------------------------------- */

static void
show_result (RgSatisfactionView *self)
{
  const RgSatisfaction *s = self->result;
  GtkWidget *child;

  for (guint i = 0; i < N_HEADLINES; i++)
    {
      g_autofree char *value = rg_report_satisfaction_headline_value (s, i);
      gtk_label_set_text (self->headline_values[i], value);
    }

  for (guint i = 0; i < RG_SATISFACTION_N_CHARTS; i++)
    rg_chart_view_set_chart (RG_CHART_VIEW (self->charts[i]), rg_report_satisfaction_chart (s, i, FALSE));

  /* Horizontal bars get the height their names need; the two charts
   * share a line, so they share the height. */
  {
    guint services = 0, masters = 0;
    int height;

    for (guint i = 0; i < s->by_service->len; i++)
      services += ((RgSatisfactionGroup *) s->by_service->pdata[i])->tally.ratings > 0;
    for (guint i = 0; i < s->by_staff->len; i++)
      masters += ((RgSatisfactionGroup *) s->by_staff->pdata[i])->tally.ratings > 0;
    height = MAX (220, 24 * (int) MAX (services, masters) + 50);
    gtk_widget_set_size_request (self->charts[RG_SATISFACTION_CHART_BY_SERVICE], 260, height);
    gtk_widget_set_size_request (self->charts[RG_SATISFACTION_CHART_BY_MASTER], 260, height);
  }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comments))))
    gtk_list_box_remove (self->comments, child);
  for (guint i = 0; i < s->comments->len; i++)
    gtk_list_box_append (self->comments, comment_row (s->comments->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->comments), s->comments->len > 0);
  fill_notes (self->open_list, self->open_heading, s->open_list, TRUE);
  fill_notes (self->refusals, self->refusals_heading, s->refusals, FALSE);
  /* The questionnaire's card (its flow box child) only when answered. */
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (self->charts[RG_SATISFACTION_CHART_QUESTIONNAIRE])),
                          s->questionnaires > 0);
  gtk_widget_set_size_request (self->charts[RG_SATISFACTION_CHART_QUESTIONNAIRE], 260,
                               MAX (220, 24 * (int) s->questions->len + 50));
  gtk_widget_set_visible (self->comments_empty, s->comments->len == 0);
}

static void
counted (GtkWidget *owner,
         gpointer   result)
{
  RgSatisfactionView *self = RG_SATISFACTION_VIEW (owner);

  g_clear_pointer (&self->result, rg_satisfaction_free);
  self->result = result;
  show_result (self);
}

static void
refresh (GtkWidget *owner)
{
  RgSatisfactionView *self = RG_SATISFACTION_VIEW (owner);
  RgSatisfactionQuery *query;

  if (self->studio == NULL)
    return;
  query = g_new0 (RgSatisfactionQuery, 1);
  query->from = self->from;
  query->to = self->to;
  query->staff_id = self->staff_id;
  query->service_id = self->service_id;
  query->step = rg_date_days_between (self->from, self->to) > 92 ? RG_SATISFACTION_BY_MONTH
                                                                 : RG_SATISFACTION_BY_WEEK;
  rg_recount_start (self->recount, query, g_free);
}

/* A rating given at the desk shows up a moment later; a hidden panel
 * catches up when it is shown. */
static void
map_cb (RgSatisfactionView *self)
{
  if (rg_recount_is_dirty (self->recount) || self->result == NULL)
    refresh (GTK_WIDGET (self));
}

/* The toolbar --------------------------------------------------------------- */

static void
update_period_label (RgSatisfactionView *self)
{
  g_autofree char *label = period_label (self->kind, self->from, self->to);
  gboolean custom = self->kind == RG_PERIOD_CUSTOM;

  gtk_menu_button_set_label (self->period_button, label);
  gtk_widget_set_sensitive (self->prev_button, !custom);
  gtk_widget_set_sensitive (self->next_button, !custom);
}

void
rg_satisfaction_view_set_period (RgSatisfactionView *self,
                                 RgPeriodKind        kind,
                                 RgDate              from,
                                 RgDate              to)
{
  g_return_if_fail (RG_IS_SATISFACTION_VIEW (self));

  if (kind != RG_PERIOD_CUSTOM)
    rg_period_bounds (kind, from, &from, &to);
  else if (rg_date_compare (from, to) > 0)
    {
      RgDate t = from;
      from = to;
      to = t;
    }

  self->kind = kind;
  self->from = from;
  self->to = to;
  if (gtk_drop_down_get_selected (self->period_dropdown) != (guint) kind)
    gtk_drop_down_set_selected (self->period_dropdown, kind);
  update_period_label (self);
  rg_recount_mark_dirty (self->recount);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (GTK_WIDGET (self));
}

static void
period_kind_changed_cb (RgSatisfactionView *self)
{
  RgPeriodKind kind = gtk_drop_down_get_selected (self->period_dropdown);

  if (kind == self->kind)
    return;
  if (kind == RG_PERIOD_CUSTOM)
    {
      /* Custom days start from what was shown and open the calendars. */
      rg_satisfaction_view_set_period (self, kind, self->from, self->to);
      gtk_menu_button_popup (self->period_button);
      return;
    }
  rg_satisfaction_view_set_period (self, kind, rg_date_today (), rg_date_today ());
}

static void
step_period (RgSatisfactionView *self,
             int                 direction)
{
  RgDate day = direction < 0 ? rg_date_add_days (self->from, -1) : rg_date_add_days (self->to, 1);

  rg_satisfaction_view_set_period (self, self->kind, day, day);
}

static void
prev_clicked_cb (RgSatisfactionView *self)
{
  step_period (self, -1);
}

static void
next_clicked_cb (RgSatisfactionView *self)
{
  step_period (self, 1);
}

static RgDate
calendar_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  return (RgDate) { g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt) };
}

static void
calendar_select (GtkCalendar *calendar,
                 RgDate       date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);

  if (dt)
    gtk_calendar_select_day (calendar, dt);
}

static void
period_popover_shown_cb (RgSatisfactionView *self)
{
  calendar_select (self->from_calendar, self->from);
  calendar_select (self->to_calendar, self->to);
}

static void
apply_custom_cb (GtkButton          *button,
                 RgSatisfactionView *self)
{
  rg_satisfaction_view_set_period (self, RG_PERIOD_CUSTOM,
                                   calendar_date (self->from_calendar), calendar_date (self->to_calendar));
  gtk_menu_button_popdown (self->period_button);
}

static void
fill_filter (GtkDropDown  *dropdown,
             RgRecordList *list,
             gboolean      staff,
             gint64        selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint selected = 0;

  gtk_string_list_append (names, staff ? _("All Masters") : _("All Services"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      gtk_string_list_append (names, staff ? rg_staff_get_display_name (RG_STAFF (record))
                                           : rg_service_get_name (RG_SERVICE (record)));
      if (rg_record_get_id (record) == selected_id)
        selected = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

static gint64
filter_id (GtkDropDown  *dropdown,
           RgRecordList *list)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(RgRecord) record = NULL;

  if (list == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;
  record = g_list_model_get_item (G_LIST_MODEL (list), selected - 1);
  return record ? rg_record_get_id (record) : 0;
}

/* The figures of the master and the service chosen, counted again. */
static void
count_filtered (RgSatisfactionView *self)
{
  rg_recount_mark_dirty (self->recount);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (GTK_WIDGET (self));
}

/* A choice in a drop-down: it shows the choice already. Its list is not
 * filled again here, in the middle of its own notification (that would
 * free the list its popover is still reporting from). */
static void
filter_changed_cb (RgSatisfactionView *self)
{
  gint64 staff = filter_id (self->master_dropdown, self->masters);
  gint64 service = filter_id (self->service_dropdown, self->services);

  if (staff == self->staff_id && service == self->service_id)
    return;
  self->staff_id = staff;
  self->service_id = service;
  count_filtered (self);
}

static void
fill_filters (RgSatisfactionView *self)
{
  g_signal_handlers_block_by_func (self->master_dropdown, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->service_dropdown, filter_changed_cb, self);
  fill_filter (self->master_dropdown, self->masters, TRUE, self->staff_id);
  fill_filter (self->service_dropdown, self->services, FALSE, self->service_id);
  g_signal_handlers_unblock_by_func (self->master_dropdown, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->service_dropdown, filter_changed_cb, self);
}

void
rg_satisfaction_view_set_filter (RgSatisfactionView *self,
                                 gint64              staff_id,
                                 gint64              service_id)
{
  g_return_if_fail (RG_IS_SATISFACTION_VIEW (self));

  self->staff_id = staff_id;
  self->service_id = service_id;
  if (self->masters)
    fill_filters (self);
  count_filtered (self);
}

/* Export ------------------------------------------------------------------------ */

static char *
filter_description (RgSatisfactionView *self)
{
  g_autofree char *period = period_label (self->kind, self->from, self->to);
  const char *master = NULL, *service = NULL;
  GString *text = g_string_new (period);

  if (self->staff_id && self->masters)
    {
      RgStaff *staff = rg_record_list_find (self->masters, self->staff_id, NULL);
      master = staff ? rg_staff_get_display_name (staff) : NULL;
    }
  if (self->service_id && self->services)
    {
      RgService *svc = rg_record_list_find (self->services, self->service_id, NULL);
      service = svc ? rg_service_get_name (svc) : NULL;
    }
  g_string_append_printf (text, " · %s", master ? master : _("All Masters"));
  g_string_append_printf (text, " · %s", service ? service : _("All Services"));
  return g_string_free (text, FALSE);
}

/* The page's layout is the report's (src/report); the panel names the
 * period and the filters. */
gboolean
rg_satisfaction_view_export (RgSatisfactionView *self,
                             RgChartFormat       format,
                             const char         *path,
                             GError            **error)
{
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (RG_IS_SATISFACTION_VIEW (self), FALSE);

  if (self->result == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The figures are still being counted; try again in a moment."));
      return FALSE;
    }

  subtitle = filter_description (self);
  return rg_report_satisfaction_write_page (self->result, subtitle, format, path, error);
}

typedef struct {
  RgSatisfactionView *self;
  int                 chart;    /* -1: the whole panel */
} ExportRequest;

static RgChartFormat
format_for (const char *path,
            GtkFileChooser *chooser)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  GtkFileFilter *filter;

  if (g_str_has_suffix (lower, ".png"))
    return RG_CHART_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return RG_CHART_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return RG_CHART_PDF;
  filter = gtk_file_chooser_get_filter (chooser);
  if (filter)
    {
      const char *name = g_object_get_data (G_OBJECT (filter), "format");
      if (g_strcmp0 (name, "png") == 0)
        return RG_CHART_PNG;
      if (g_strcmp0 (name, "svg") == 0)
        return RG_CHART_SVG;
    }
  return RG_CHART_PDF;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ExportRequest   *request)
{
  RgSatisfactionView *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  RgChartFormat format;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  format = format_for (path, GTK_FILE_CHOOSER (dialog));
  {
    static const char * const ext[] = { [RG_CHART_PNG] = ".png", [RG_CHART_SVG] = ".svg", [RG_CHART_PDF] = ".pdf" };
    g_autofree char *lower = g_ascii_strdown (path, -1);

    if (!g_str_has_suffix (lower, ext[format]))
      {
        char *with = g_strconcat (path, ext[format], NULL);
        g_free (path);
        path = with;
      }
  }

  if (request->chart < 0)
    ok = rg_satisfaction_view_export (self, format, path, &error);
  else
    {
      g_autoptr(RgChart) chart = self->result ? rg_report_satisfaction_chart (self->result, request->chart, TRUE) : NULL;
      RgChartTheme theme;

      rg_chart_theme_init_print (&theme);
      ok = chart != NULL && rg_chart_write (chart, &theme, format, path, 800, 480, &error);
    }

  {
    GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_APPLICATION_WINDOW);
    g_autofree char *name = g_filename_display_basename (path);
    g_autofree char *message = ok
      /* Translators: %s is a file name */
      ? g_strdup_printf (_("Saved “%s”"), name)
      : g_strdup (error ? error->message : _("Could not save the chart."));

    if (window)
      gtk_widget_activate_action (window, "win.toast", "s", message);
  }

out:
  g_object_unref (self);
  g_free (request);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime,
            const char     *format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime);
  g_object_set_data (G_OBJECT (filter), "format", (gpointer) format);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
start_export (RgSatisfactionView *self,
              int                 chart)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  GtkFileChooserNative *dialog;
  ExportRequest *request;
  g_autofree char *from = rg_date_to_iso (self->from);
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (chart < 0 ? _("Export the Panel") : _("Export the Chart"),
                                        GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_filter (GTK_FILE_CHOOSER (dialog), _("PDF Document"), "application/pdf", "pdf");
  add_filter (GTK_FILE_CHOOSER (dialog), _("PNG Image"), "image/png", "png");
  add_filter (GTK_FILE_CHOOSER (dialog), _("SVG Image"), "image/svg+xml", "svg");
  /* Translators: a file name for an export, without extension; %s is the period's first day */
  name = g_strdup_printf (_("satisfaction-%s.pdf"), from);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  request->chart = chart;
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_panel_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  start_export (RG_SATISFACTION_VIEW (widget), -1);
}

static void
export_chart_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  int chart = g_variant_get_int32 (parameter);

  if (chart >= 0 && chart < RG_SATISFACTION_N_CHARTS)
    start_export (RG_SATISFACTION_VIEW (widget), chart);
}

/* Building ---------------------------------------------------------------------- */

/* The headline figures' cards, one per figure of the report's table (which
 * the exported page shares), into the template's flow box. */
static void
add_headlines (RgSatisfactionView *self)
{
  GtkFlowBox *flow = GTK_FLOW_BOX (self->headlines);

  gtk_flow_box_set_max_children_per_line (flow, N_HEADLINES);

  for (guint i = 0; i < N_HEADLINES; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("—");
      GtkWidget *caption = gtk_label_new (rg_report_satisfaction_headline_caption (i));

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "headline");
      gtk_widget_add_css_class (value, "title-1");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (card), value);
      gtk_box_append (GTK_BOX (card), caption);
      gtk_widget_set_tooltip_text (card, headline_help (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, headline_help (i), -1);
      self->headline_values[i] = GTK_LABEL (value);
      gtk_flow_box_append (flow, card);
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
}

/* A card per chart of the report's table, into the template's flow box. */
static void
add_chart_cards (RgSatisfactionView *self)
{
  GtkFlowBox *flow = GTK_FLOW_BOX (self->chart_cards);

  for (guint i = 0; i < RG_SATISFACTION_N_CHARTS; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (rg_report_satisfaction_chart_title (i));
      GtkWidget *save = gtk_button_new_from_icon_name ("document-save-symbolic");
      GtkWidget *view = rg_chart_view_new ();

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "chart-card");
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (head), title);
      gtk_widget_add_css_class (save, "flat");
      gtk_widget_set_tooltip_text (save, _("Export the Chart…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "satisfaction.export-chart");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (save), "i", (gint32) i);
      gtk_box_append (GTK_BOX (head), save);
      gtk_box_append (GTK_BOX (card), head);
      gtk_widget_set_size_request (view, 260, 220);
      gtk_widget_set_vexpand (view, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rg_report_satisfaction_chart_title (i), -1);
      gtk_box_append (GTK_BOX (card), view);
      self->charts[i] = view;
      gtk_flow_box_append (flow, card);
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
}

static void
rg_satisfaction_view_dispose (GObject *object)
{
  RgSatisfactionView *self = RG_SATISFACTION_VIEW (object);

  g_clear_pointer (&self->recount, rg_recount_free);
  g_clear_object (&self->masters);
  g_clear_object (&self->services);
  g_clear_object (&self->studio);
  g_clear_pointer (&self->result, rg_satisfaction_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_SATISFACTION_VIEW);
  G_OBJECT_CLASS (rg_satisfaction_view_parent_class)->dispose (object);
}

static void
rg_satisfaction_view_class_init (RgSatisfactionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_satisfaction_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "satisfaction");
  gtk_widget_class_install_action (widget_class, "satisfaction.export-panel", NULL, export_panel_activated);
  gtk_widget_class_install_action (widget_class, "satisfaction.export-chart", "i", export_chart_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-satisfaction-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, box);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, prev_button);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, next_button);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, period_button);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, master_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, service_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, spinner);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, headlines);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, chart_cards);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, comments);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, comments_empty);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, open_list);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, open_heading);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, refusals);
  gtk_widget_class_bind_template_child (widget_class, RgSatisfactionView, refusals_heading);
  gtk_widget_class_bind_template_callback (widget_class, period_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, prev_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_custom_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, comment_activated_cb);
}

static void
rg_satisfaction_view_init (RgSatisfactionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_headlines (self);
  add_chart_cards (self);

  self->kind = RG_PERIOD_MONTH;
  rg_period_bounds (self->kind, rg_date_today (), &self->from, &self->to);
  update_period_label (self);
  {
    RgChanges watch = RG_CHANGES_RATINGS | RG_CHANGES_APPOINTMENTS | RG_CHANGES_TIMELINE | RG_CHANGES_STAFF |
                      RG_CHANGES_SERVICES | RG_CHANGES_CLIENTS;

    self->recount = rg_recount_new (GTK_WIDGET (self), watch, REFRESH_DELAY_MS, rg_count_satisfaction,
                                    (GDestroyNotify) rg_satisfaction_free, refresh, counted, NULL);
    rg_recount_set_spinner (self->recount, self->spinner);
  }
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

void
rg_satisfaction_view_set_studio (RgSatisfactionView *self,
                                 RgStudio           *studio)
{
  g_return_if_fail (RG_IS_SATISFACTION_VIEW (self));
  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (self->studio == NULL);

  self->studio = g_object_ref (studio);
  rg_recount_set_studio (self->recount, studio);

  self->masters = rg_record_list_new_staff (studio, FALSE);
  self->services = rg_record_list_new_services (studio, FALSE);
  g_signal_connect_swapped (self->masters, "items-changed", G_CALLBACK (fill_filters), self);
  g_signal_connect_swapped (self->services, "items-changed", G_CALLBACK (fill_filters), self);
  fill_filters (self);
  rg_recount_mark_dirty (self->recount);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (GTK_WIDGET (self));
}

const RgSatisfaction *
rg_satisfaction_view_get_result (RgSatisfactionView *self)
{
  g_return_val_if_fail (RG_IS_SATISFACTION_VIEW (self), NULL);
  return self->result;
}

gboolean
rg_satisfaction_view_is_loading (RgSatisfactionView *self)
{
  g_return_val_if_fail (RG_IS_SATISFACTION_VIEW (self), FALSE);
  return rg_recount_is_busy (self->recount);
}

GtkWidget *
rg_satisfaction_view_get_chart (RgSatisfactionView  *self,
                                RgSatisfactionChart  chart)
{
  g_return_val_if_fail (RG_IS_SATISFACTION_VIEW (self), NULL);
  g_return_val_if_fail (chart < RG_SATISFACTION_N_CHARTS, NULL);
  return self->charts[chart];
}

const char *
rg_satisfaction_view_get_headline (RgSatisfactionView *self,
                                   guint               index)
{
  g_return_val_if_fail (RG_IS_SATISFACTION_VIEW (self), NULL);
  g_return_val_if_fail (index < N_HEADLINES, NULL);
  return gtk_label_get_text (self->headline_values[index]);
}

guint
rg_satisfaction_view_get_n_comments (RgSatisfactionView *self)
{
  guint n = 0;

  g_return_val_if_fail (RG_IS_SATISFACTION_VIEW (self), 0);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->comments)); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}
