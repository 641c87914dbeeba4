/* rg-survey-dialog.c — the questionnaires: the full one after a visit
 * (when the studio offers it) and the one for a client who left.
 *
 * A window of questions, each 1–10 with "Why?" or a free answer; answers
 * given before for the same visit (or the last refusal) come back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-rating-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-client.h"
#include "rg-score-buttons.h"
#include "rg-survey-dialog.h"

static void
toast (GtkWidget  *widget,
       const char *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", message);
}

typedef struct {
  const RgSurveyQuestion *question;
  GtkWidget              *buttons[10];
  GtkWidget              *entry;
} Answer;

struct _RgSurveyDialog {
  AdwWindow        parent_instance;

  RgStudio        *studio;
  RgSurveyKind     kind;
  gint64           client_id;
  gint64           appointment_id;
  GArray          *answers;   /* Answer */
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (RgSurveyDialog, rg_survey_dialog, ADW_TYPE_WINDOW)

static Answer *
find_answer (RgSurveyDialog *self,
             const char     *key)
{
  for (guint i = 0; i < self->answers->len; i++)
    {
      Answer *a = &g_array_index (self->answers, Answer, i);

      if (g_str_equal (a->question->key, key))
        return a;
    }
  return NULL;
}

void
rg_survey_dialog_set_answer (RgSurveyDialog *self,
                             const char     *key,
                             int             score,
                             const char     *text)
{
  Answer *a;

  g_return_if_fail (RG_IS_SURVEY_DIALOG (self));
  a = find_answer (self, key);
  g_return_if_fail (a != NULL);

  if (a->question->scored)
    rg_score_buttons_set (a->buttons, 10, 1, score);
  gtk_editable_set_text (GTK_EDITABLE (a->entry), text ? text : "");
}

gboolean
rg_survey_dialog_save (RgSurveyDialog  *self,
                       GError         **error)
{
  g_autofree RgSurveyAnswer *answers = g_new0 (RgSurveyAnswer, MAX (1, self->answers->len));

  g_return_val_if_fail (RG_IS_SURVEY_DIALOG (self), FALSE);

  for (guint i = 0; i < self->answers->len; i++)
    {
      Answer *a = &g_array_index (self->answers, Answer, i);
      int score = a->question->scored ? rg_score_buttons_get (a->buttons, 10) : 0;

      answers[i].key = a->question->key;
      answers[i].score = MAX (score, 0);
      answers[i].answer = gtk_editable_get_text (GTK_EDITABLE (a->entry));
    }
  return rg_survey_save (self->studio, self->kind, self->client_id, self->appointment_id,
                         answers, self->answers->len, error);
}

static void
save_clicked_cb (RgSurveyDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!rg_survey_dialog_save (self, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  toast (GTK_WIDGET (self), _("The answers are saved."));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rg_survey_dialog_dispose (GObject *object)
{
  RgSurveyDialog *self = RG_SURVEY_DIALOG (object);

  g_clear_object (&self->studio);
  g_clear_pointer (&self->answers, g_array_unref);
  G_OBJECT_CLASS (rg_survey_dialog_parent_class)->dispose (object);
}

static void
rg_survey_dialog_class_init (RgSurveyDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_survey_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_survey_dialog_init (RgSurveyDialog *self)
{
  self->answers = g_array_new (FALSE, TRUE, sizeof (Answer));
}

RgSurveyDialog *
rg_survey_dialog_new (GtkWindow    *parent,
                      RgStudio     *studio,
                      RgSurveyKind  kind,
                      gint64        client_id,
                      gint64        appointment_id)
{
  RgSurveyDialog *self;
  GtkWidget *box, *header, *cancel, *save, *page, *intro;
  const RgSurveyQuestion *questions;
  g_autoptr(RgClient) client = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  guint n;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_SURVEY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 560,
                       "default-height", 720,
                       "title", kind == RG_SURVEY_REFUSAL ? _("Why Did They Leave?") : _("Questionnaire"),
                       NULL);
  self->studio = g_object_ref (studio);
  self->kind = kind;
  self->client_id = client_id;
  self->appointment_id = appointment_id;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  client = rg_studio_lookup (studio, RG_TYPE_CLIENT, client_id, NULL);
  intro = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (intro), client ? rg_client_get_address_as (client) : "");
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (intro),
                                         kind == RG_SURVEY_REFUSAL
                                         ? _("Ask kindly and write down what the client says; every answer is optional.")
                                         : _("Each question is scored from 1 (poor) to 10 (excellent), with “Why?”. Every answer is optional."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (intro));

  questions = rg_survey_get_questions (kind, &n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      Answer a = { &questions[i], { NULL }, NULL };

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(questions[i].text));
      if (questions[i].scored)
        {
          GtkWidget *scale = rg_score_buttons_new (1, 10, a.buttons, NULL, NULL);
          GtkWidget *row = adw_preferences_row_new ();

          /* A row of the boxed list, above its "Why?". */
          gtk_widget_set_margin_top (scale, 8);
          gtk_widget_set_margin_bottom (scale, 8);
          gtk_widget_set_margin_start (scale, 8);
          gtk_widget_set_margin_end (scale, 8);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), scale);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(questions[i].text));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      a.entry = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (a.entry),
                                     questions[i].scored ? _("Why?") : _("Answer"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), a.entry);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
      g_array_append_val (self->answers, a);
    }

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);

  /* Answers given before for this visit (or the last refusal) come back. */
  previous = kind == RG_SURVEY_VISIT && appointment_id ? rg_survey_load (studio, client_id, NULL) : NULL;
  if (previous)
    {
      gint64 answered = 0;

      for (guint i = 0; i < previous->len; i++)
        {
          RgSurveyEntry *e = previous->pdata[i];

          if (e->kind != kind || (kind == RG_SURVEY_VISIT && e->appointment_id != appointment_id))
            continue;
          if (answered && e->answered_at != answered)
            break;
          answered = e->answered_at;
          if (find_answer (self, e->key))
            rg_survey_dialog_set_answer (self, e->key, e->score, e->answer);
        }
    }

  return self;
}
