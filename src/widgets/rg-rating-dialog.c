/* rg-rating-dialog.c — the rating after a visit and the questionnaires.
 *
 * The rating is compact on purpose: the client is at the desk with a coat
 * on. Five faces, an optional "Why?", and behind an expander the 0–10
 * recommendation question; Skip leaves the visit to be rated later from
 * the card. A rating already given opens for editing and keeps its date.
 * The full questionnaire (when the studio offers it) and the refusal one
 * are a window of questions, each 1–10 with "Why?" or a free answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-rating-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-client.h"
#include "model/rg-format.h"
#include "model/rg-rating.h"
#include "model/rg-staff.h"
#include "model/rg-studio-settings.h"
#include "rg-rating-dialog.h"

gboolean
rg_studio_offers_questionnaire (RgStudio *studio)
{
  return rg_studio_get_full_questionnaire (studio);
}

static void
toast (GtkWidget  *widget,
       const char *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", message);
}

/* A row of linked toggle buttons, one of which may be active. */
static GtkWidget *
scale_buttons (int          from,
               int          to,
               GtkWidget  **buttons,
               const char * const *icons,
               const char * const *tips)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, icons ? 6 : 0);
  GtkToggleButton *group = NULL;

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "rating-scale");
  if (!icons)
    gtk_widget_add_css_class (box, "linked");
  for (int v = from; v <= to; v++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *number = g_strdup_printf ("%d", v);

      if (icons)
        {
          GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          GtkWidget *image = gtk_image_new_from_icon_name (icons[v - from]);

          gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
          gtk_box_append (GTK_BOX (inner), image);
          gtk_box_append (GTK_BOX (inner), gtk_label_new (number));
          gtk_button_set_child (GTK_BUTTON (button), inner);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "rating-face");
        }
      else
        gtk_button_set_label (GTK_BUTTON (button), number);

      if (tips)
        {
          g_autofree char *tip = g_strdup_printf ("%d — %s", v, _(tips[v - from]));
          gtk_widget_set_tooltip_text (button, tip);
        }
      if (group)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (v));
      buttons[v - from] = button;
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static int
scale_value (GtkWidget **buttons,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (buttons[i])))
      return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (buttons[i]), "value"));
  return -1;
}

static void
scale_set (GtkWidget **buttons,
           guint       n,
           int         from,
           int         value)
{
  for (guint i = 0; i < n; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[i]), (int) i + from == value);
}

/* The rating ------------------------------------------------------------------- */

struct _RgRatingDialog {
  AdwMessageDialog  parent_instance;

  RgStudio         *studio;
  RgAppointment    *appointment;
  RgRating         *rating;     /* the one given before, if any */
  GtkWidget        *faces[5];
  GtkWidget        *nps[11];
  GtkWidget        *nps_expander;
  GtkWidget        *why;
};

G_DEFINE_FINAL_TYPE (RgRatingDialog, rg_rating_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update_responses (RgRatingDialog *self)
{
  gboolean chosen = rg_rating_dialog_get_score (self) > 0;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", chosen);
}

int
rg_rating_dialog_get_score (RgRatingDialog *self)
{
  int score;

  g_return_val_if_fail (RG_IS_RATING_DIALOG (self), 0);
  score = scale_value (self->faces, 5);
  return score > 0 ? score : 0;
}

void
rg_rating_dialog_set_score (RgRatingDialog *self,
                            int             score)
{
  g_return_if_fail (RG_IS_RATING_DIALOG (self));
  scale_set (self->faces, 5, 1, score);
}

void
rg_rating_dialog_set_nps (RgRatingDialog *self,
                          int             nps)
{
  g_return_if_fail (RG_IS_RATING_DIALOG (self));
  scale_set (self->nps, 11, 0, nps);
  if (nps >= 0)
    gtk_expander_set_expanded (GTK_EXPANDER (self->nps_expander), TRUE);
}

void
rg_rating_dialog_set_why (RgRatingDialog *self,
                          const char     *why)
{
  g_return_if_fail (RG_IS_RATING_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->why), why ? why : "");
}

gboolean
rg_rating_dialog_save (RgRatingDialog  *self,
                       GError         **error)
{
  g_autoptr(RgRating) rating = NULL;
  g_autofree char *why = NULL;
  int score = rg_rating_dialog_get_score (self);
  int nps = scale_value (self->nps, 11);

  g_return_val_if_fail (RG_IS_RATING_DIALOG (self), FALSE);

  why = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->why))));
  rating = self->rating ? g_object_ref (self->rating)
                        : rg_rating_new (rg_record_get_id (RG_RECORD (self->appointment)), score);
  g_object_set (rating,
                "score", score,
                "nps", nps >= 0 ? nps : RG_RATING_NO_NPS,
                "why", *why ? why : NULL,
                NULL);
  if (!rg_studio_save (self->studio, rating, error))
    return FALSE;
  g_set_object (&self->rating, rating);
  return TRUE;
}

static void
rg_rating_dialog_response (AdwMessageDialog *dialog,
                           const char       *response)
{
  RgRatingDialog *self = RG_RATING_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "save") || g_str_equal (response, "questionnaire"))
    {
      if (rg_rating_dialog_get_score (self) > 0 && !rg_rating_dialog_save (self, &error))
        toast (GTK_WIDGET (self), error->message);
      else if (g_str_equal (response, "save"))
        toast (GTK_WIDGET (self), _("Thank you! The rating is saved."));
    }

  if (g_str_equal (response, "questionnaire"))
    {
      RgSurveyDialog *survey = rg_survey_dialog_new (parent, self->studio, RG_SURVEY_VISIT,
                                                     rg_appointment_get_client_id (self->appointment),
                                                     rg_record_get_id (RG_RECORD (self->appointment)));
      gtk_window_present (GTK_WINDOW (survey));
    }

  if (ADW_MESSAGE_DIALOG_CLASS (rg_rating_dialog_parent_class)->response)
    ADW_MESSAGE_DIALOG_CLASS (rg_rating_dialog_parent_class)->response (dialog, response);
}

static void
rg_rating_dialog_dispose (GObject *object)
{
  RgRatingDialog *self = RG_RATING_DIALOG (object);

  g_clear_object (&self->rating);
  g_clear_object (&self->appointment);
  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_rating_dialog_parent_class)->dispose (object);
}

static void
rg_rating_dialog_class_init (RgRatingDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rg_rating_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = rg_rating_dialog_response;
}

static void
rg_rating_dialog_init (RgRatingDialog *self)
{
  static const char * const icons[] = {
    "face-sad-symbolic", "face-worried-symbolic", "face-plain-symbolic", "face-smile-symbolic",
    "face-smile-big-symbolic",
  };
  static const char * const tips[] = { N_("Very bad"), N_("Bad"), N_("So-so"), N_("Good"), N_("Excellent") };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *faces = scale_buttons (1, 5, self->faces, icons, tips);
  GtkWidget *nps_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label, *ends;

  for (guint i = 0; i < 5; i++)
    g_signal_connect_swapped (self->faces[i], "toggled", G_CALLBACK (update_responses), self);
  gtk_box_append (GTK_BOX (box), faces);

  self->why = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->why), _("Why? (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->why), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why?"), -1);
  gtk_box_append (GTK_BOX (box), self->why);

  label = gtk_label_new (_("How likely are you to recommend us to a friend?"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (nps_box), label);
  gtk_box_append (GTK_BOX (nps_box), scale_buttons (0, 10, self->nps, NULL, NULL));
  ends = gtk_center_box_new ();
  label = gtk_label_new (_("Not at all"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (ends), label);
  label = gtk_label_new (_("Certainly"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (ends), label);
  gtk_box_append (GTK_BOX (nps_box), ends);
  self->nps_expander = gtk_expander_new_with_mnemonic (_("_Would They Recommend Us?"));
  gtk_expander_set_child (GTK_EXPANDER (self->nps_expander), nps_box);
  gtk_box_append (GTK_BOX (box), self->nps_expander);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("How Was the Visit?"));
}

RgRatingDialog *
rg_rating_dialog_new (GtkWindow     *parent,
                      RgStudio      *studio,
                      RgAppointment *appointment)
{
  RgRatingDialog *self;
  g_autoptr(RgClient) client = NULL;
  g_autoptr(RgStaff) staff = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), NULL);

  self = g_object_new (RG_TYPE_RATING_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->studio = g_object_ref (studio);
  self->appointment = g_object_ref (appointment);
  self->rating = rg_rating_find_for_visit (studio, rg_record_get_id (RG_RECORD (appointment)), NULL);

  client = rg_studio_lookup (studio, RG_TYPE_CLIENT, rg_appointment_get_client_id (appointment), NULL);
  staff = rg_studio_lookup (studio, RG_TYPE_STAFF, rg_appointment_get_staff_id (appointment), NULL);
  date = rg_format_date (rg_appointment_get_starts_at (appointment));
  /* Translators: under "How Was the Visit?": the client, the master, the day */
  body = g_strdup_printf (_("%s with %s, %s. Tap a face; the client may skip."),
                          client ? rg_client_get_address_as (client) : "",
                          staff ? rg_staff_get_display_name (staff) : "", date);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "skip", _("_Skip"));
  if (rg_studio_offers_questionnaire (studio))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "questionnaire", _("_Full Questionnaire…"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "save", _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "skip");

  if (self->rating)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Change the Rating"));
      rg_rating_dialog_set_score (self, rg_rating_get_score (self->rating));
      rg_rating_dialog_set_nps (self, rg_rating_get_nps (self->rating));
      rg_rating_dialog_set_why (self, rg_rating_get_why (self->rating));
    }
  update_responses (self);
  return self;
}

/* The questionnaires ------------------------------------------------------------- */

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
    scale_set (a->buttons, 10, 1, score);
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
      int score = a->question->scored ? scale_value (a->buttons, 10) : 0;

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
          GtkWidget *scale = scale_buttons (1, 10, a.buttons, NULL, NULL);
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
