/* rg-client-card-privacy.c — the card's privacy: consent to messages with
 * its date, everything held about the client saved as a PDF or JSON, and
 * erasure for privacy (a director's, behind the client's name typed).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-privacy.h"
#include "model/rg-roles.h"
#include "report/rg-report-client.h"
#include "rg-client-card-private.h"
#include "widgets/rg-window.h"

static void
toast (RgClientCard *self,
       const char   *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RG_IS_WINDOW (root))
    rg_window_add_toast (RG_WINDOW (root), adw_toast_new (text));
}

/* The consent row's subtitle says since when; the menu offers what the
 * role may do, and nothing to an erased card. */
void
rg_client_card_update_privacy (RgClientCard *self)
{
  gboolean erased = self->client != NULL && rg_client_is_erased (self->client);
  GtkWidget *row;
  gint64 since;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.erase",
                                 self->client != NULL && !erased && rg_studio_may (self->studio, RG_ACTION_ERASE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.export-data",
                                 self->client != NULL && rg_studio_may (self->studio, RG_ACTION_EXPORT));
  if (self->client == NULL || self->consent_switch == NULL)
    return;
  /* An erased card has nothing to fill in, call or write to. */
  if (erased)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->suggest_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->contacts_group), FALSE);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_button), !erased);
  /* After rg_client_card_apply_access: only ever takes away. */
  if (erased)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.add-photo", FALSE);

  row = gtk_widget_get_ancestor (GTK_WIDGET (self->consent_switch), ADW_TYPE_ACTION_ROW);
  since = rg_client_get_consent_messages (self->client) ? rg_client_get_messages_consent_at (self->client) : 0;
  if (since > 0)
    {
      g_autofree char *day = rg_format_date (since);
      /* Translators: under "Agrees to receive messages": since which day, such as "8 December 2026" */
      g_autofree char *subtitle = g_strdup_printf (_("Since %s"), day);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Reminders and offers by SMS or messenger"));
}

void
rg_client_card_consent_changed_cb (GtkSwitch    *widget,
                                   GParamSpec   *pspec,
                                   RgClientCard *self)
{
  g_autoptr(GError) error = NULL;

  if (self->client == NULL || self->updating)
    return;
  if (!rg_studio_set_messages_consent (self->studio, rg_record_get_id (RG_RECORD (self->client)),
                                       gtk_switch_get_active (widget), &error))
    {
      rg_client_card_show_error (self, GTK_WIDGET (widget), error->message);
      self->updating = TRUE;
      gtk_switch_set_active (widget, rg_client_get_consent_messages (self->client));
      self->updating = FALSE;
    }
}

/* Everything held about the client ---------------------------------------------- */

typedef struct {
  RgStudio *studio;
  gint64    client_id;
  gpointer  card;      /* weak */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->studio);
  g_clear_weak_pointer (&job->card);
  g_free (job);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ExportJob       *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path && !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".json") &&
          !g_str_has_suffix (path, ".PDF") && !g_str_has_suffix (path, ".JSON"))
        {
          char *with = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with;
        }
      if (path && !rg_report_client_data (job->studio, job->client_id, path, NULL, &error))
        {
          if (job->card)
            rg_client_card_show_error (job->card, NULL, error->message);
        }
      else if (path && job->card)
        {
          g_autofree char *name = g_filename_display_basename (path);
          /* Translators: a toast; %s is a file name */
          g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

          toast (job->card, text);
        }
    }
  g_object_unref (chooser);
  export_job_free (job);
}

void
rg_client_card_export_data_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  ExportJob *job;

  if (self->client == NULL)
    return;
  job = g_new0 (ExportJob, 1);
  job->studio = g_object_ref (self->studio);
  job->client_id = rg_record_get_id (RG_RECORD (self->client));
  g_set_weak_pointer (&job->card, self);

  chooser = gtk_file_chooser_native_new (_("Export Everything About This Client"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF (to read or print)"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (json, _("JSON (for a program)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  /* Translators: the file's name; %s is the client's name */
  name = g_strdup_printf (_("Everything About %s.pdf"), rg_client_get_address_as (self->client));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Erasure --------------------------------------------------------------------------- */

static gboolean
name_matches (const char *typed,
              const char *name)
{
  g_autofree char *a = g_utf8_casefold (typed, -1);
  g_autofree char *b = g_utf8_casefold (name, -1);

  return *g_strstrip (b) != '\0' && g_str_equal (g_strstrip (a), b);
}

static void
typed_cb (GtkEditable      *entry,
          AdwMessageDialog *dialog)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");

  adw_message_dialog_set_response_enabled (dialog, "erase", name_matches (gtk_editable_get_text (entry), name));
}

static void
entry_activate_cb (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "erase"))
    adw_message_dialog_response (dialog, "erase");
}

static void
erase_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   RgClientCard     *self)
{
  g_autoptr(GError) error = NULL;
  gint64 client_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "client-id");

  if (!g_str_equal (response, "erase"))
    return;
  if (!rg_studio_erase_client (self->studio, client_id, &error))
    {
      rg_client_card_show_error (self, NULL, error->message);
      return;
    }
  toast (self, _("The client was erased for privacy"));
}

void
rg_client_card_erase_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RgClientCard *self = RG_CLIENT_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *name;
  AdwMessageDialog *dialog;
  GtkWidget *box, *label, *entry;

  if (self->client == NULL)
    return;
  name = rg_client_get_address_as (self->client);
  /* Translators: the client's name */
  heading = g_strdup_printf (_("Erase “%s” for Privacy?"), name);
  body = g_strdup (_("Removed for good: the name, phones, email, birthday, notes, custom fields, tags, the medical "
                     "card, photos (their files too), and the text of notes, calls, tasks, complaints, ratings "
                     "and answers.\n\nKept without a name: visits, sales, payments and balances, so that the "
                     "studio’s figures stay right.\n\nBackups made before now still hold the client until they "
                     "are deleted. This cannot be undone."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: erases a client for privacy */
                                    "erase", _("_Erase for Good"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "erase", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  /* A slip cannot erase: the name is typed first. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (NULL);
  {
    /* Translators: %s is the client's name */
    g_autofree char *text = g_strdup_printf (_("To confirm, type the client’s name: %s"), name);

    gtk_label_set_text (GTK_LABEL (label), text);
  }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The client’s name"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (name), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "client-id",
                          g_memdup2 (&(gint64) { rg_record_get_id (RG_RECORD (self->client)) }, sizeof (gint64)),
                          g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (typed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
