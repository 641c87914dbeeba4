/* rg-rating-dialog.c — the rating after a visit.
 *
 * The rating is compact on purpose: the client is at the desk with a coat
 * on. Five faces, an optional "Why?", and behind an expander the 0–10
 * recommendation question; Skip leaves the visit to be rated later from
 * the card. A rating already given opens for editing and keeps its date.
 * When the studio offers the full questionnaire, its response saves the
 * rating given and opens the questionnaire (rg-survey-dialog).
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
  score = rg_score_buttons_get (self->faces, 5);
  return score > 0 ? score : 0;
}

void
rg_rating_dialog_set_score (RgRatingDialog *self,
                            int             score)
{
  g_return_if_fail (RG_IS_RATING_DIALOG (self));
  rg_score_buttons_set (self->faces, 5, 1, score);
}

void
rg_rating_dialog_set_nps (RgRatingDialog *self,
                          int             nps)
{
  g_return_if_fail (RG_IS_RATING_DIALOG (self));
  rg_score_buttons_set (self->nps, 11, 0, nps);
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
  int nps = rg_score_buttons_get (self->nps, 11);

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
  GtkWidget *faces = rg_score_buttons_new (1, 5, self->faces, icons, tips);
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
  gtk_box_append (GTK_BOX (nps_box), rg_score_buttons_new (0, 10, self->nps, NULL, NULL));
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
  if (rg_studio_get_full_questionnaire (studio))
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
