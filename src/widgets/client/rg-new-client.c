/* rg-new-client.c — a new client with just a name and a phone.
 *
 * What the administrator needs while the person stands at the desk: how to
 * address them and a phone, nothing else (the card suggests the rest over
 * later visits). The number is read as it is typed; when somebody already
 * has it, the dialog offers that card instead — twins and a mother who
 * books for her son still get "Create Anyway". Create stays off until the
 * name and the number can be saved, so nothing typed is lost to a refusal.
 * The new client becomes the selected one: the card opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-new-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "util/rg-phone.h"
#include "model/rg-client-reads.h"
#include "rg-new-client.h"

typedef struct {
  RgStudio    *studio;
  AdwEntryRow *name_row;
  AdwEntryRow *phone_row;
  GtkLabel    *hint;
  RgClient    *existing;
} NewClient;

static void
new_client_free (NewClient *data)
{
  g_clear_object (&data->studio);
  g_clear_object (&data->existing);
  g_free (data);
}

static void
changed_cb (AdwMessageDialog *dialog)
{
  NewClient *data = g_object_get_data (G_OBJECT (dialog), "new-client");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->name_row))));
  const char *phone = gtk_editable_get_text (GTK_EDITABLE (data->phone_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = NULL;
  gboolean phone_ok;

  phone_ok = rg_phone_normalize (phone, rg_studio_get_phone_country (data->studio),
                                 &e164, &error);
  g_clear_object (&data->existing);
  if (phone_ok)
    data->existing = rg_studio_find_client_by_phone (data->studio, phone, 0);

  if (data->existing)
    {
      /* Translators: somebody already has the phone number typed */
      g_autofree char *text = g_strdup_printf (_("%s already has this number (%s)."),
                                               rg_client_get_address_as (data->existing),
                                               rg_client_get_phone (data->existing));
      gtk_label_set_text (data->hint, text);
    }
  else if (*phone && !phone_ok)
    gtk_label_set_text (data->hint, error->message);
  else
    gtk_label_set_text (data->hint, "");
  gtk_widget_set_visible (GTK_WIDGET (data->hint), *gtk_label_get_text (data->hint) != '\0');

  adw_message_dialog_set_response_enabled (dialog, "create", *name != '\0' && phone_ok);
  adw_message_dialog_set_response_enabled (dialog, "open", data->existing != NULL);
  adw_message_dialog_set_response_label (dialog, "create",
                                         data->existing ? _("Create _Anyway") : _("_Create"));
  adw_message_dialog_set_response_appearance (dialog, "create",
                                              data->existing ? ADW_RESPONSE_DEFAULT : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, data->existing ? "open" : "create");
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             NewClient        *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = NULL;
  g_autofree char *name = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "open") && data->existing)
    {
      rg_studio_set_selected_client (data->studio, data->existing);
      return;
    }
  if (!g_str_equal (response, "create"))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->name_row))));
  client = rg_client_new (name, gtk_editable_get_text (GTK_EDITABLE (data->phone_row)));
  if (!rg_studio_save (data->studio, client, &error))
    {
      /* Checked as typed, so only the studio can refuse now: say so. */
      GtkWidget *alert = adw_message_dialog_new (parent, _("Could Not Add the Client"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }
  rg_studio_set_selected_client (data->studio, client);
}

/* Asks for a new client's name and phone (@prefill goes to the phone when
 * it looks like one, else to the name) and selects the client made. */
GtkWidget *
rg_new_client_dialog_present (GtkWindow  *parent,
                              RgStudio   *studio,
                              const char *prefill)
{
  GtkWidget *dialog;
  GtkWidget *box, *group;
  NewClient *data;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  data = g_new0 (NewClient, 1);
  data->studio = g_object_ref (studio);

  dialog = adw_message_dialog_new (parent, _("New Client"),
                                   _("How to address them and a phone are enough: the card asks for the rest "
                                     "over the next visits."));
  g_object_set_data_full (G_OBJECT (dialog), "new-client", data, (GDestroyNotify) new_client_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = adw_preferences_group_new ();
  data->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->name_row), _("How to address"));
  data->phone_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->phone_row), _("Phone"));
  adw_entry_row_set_input_purpose (data->phone_row, GTK_INPUT_PURPOSE_PHONE);
  adw_entry_row_set_activates_default (data->name_row, TRUE);
  adw_entry_row_set_activates_default (data->phone_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (data->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (data->phone_row));
  gtk_box_append (GTK_BOX (box), group);

  data->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->hint, TRUE);
  gtk_label_set_xalign (data->hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (data->hint), "warning");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->hint));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open That Card"),
                                    "create", _("_Create"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* What was searched: a name goes to the name; a whole phone number to
   * the phone. Digits that are not one (the last four, searched for) are
   * no one's name and no one's number: left out. */
  if (prefill && *prefill)
    {
      gboolean digits = TRUE;

      for (const char *p = prefill; *p; p++)
        if (!g_ascii_isdigit (*p) && !strchr ("+-() ", *p))
          digits = FALSE;
      if (!digits)
        gtk_editable_set_text (GTK_EDITABLE (data->name_row), prefill);
      else
        {
          g_autofree char *e164 = NULL;

          if (rg_phone_normalize (prefill, rg_studio_get_phone_country (studio), &e164, NULL))
            gtk_editable_set_text (GTK_EDITABLE (data->phone_row), prefill);
        }
    }

  g_signal_connect_swapped (data->name_row, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect_swapped (data->phone_row, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), data);
  changed_cb (ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_editable_get_text (GTK_EDITABLE (data->name_row))[0] ? data->phone_row
                                                                                                : data->name_row));
  return dialog;
}
