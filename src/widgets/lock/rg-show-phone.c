/* rg-show-phone.c — "Show Phone…" on the client card.
 *
 * A master sees the phones of their own clients only (the model masks
 * the others: +7 9•• •••-••-67). At the desk a director may show one:
 * the approval dialog takes the director's PIN, then the phone is asked
 * of the model (which writes who unmasked it to the audit log) and shown
 * in a dialog, never kept in the card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-show-phone"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-client.h"
#include "model/rg-permissions.h"
#include "model/rg-roles.h"
#include "rg-approval-dialog.h"
#include "rg-show-phone.h"

typedef struct {
  GtkWidget *button;    /* weak */
  RgStudio  *studio;
  gint64     client_id;
} Asking;

static void
asking_free (Asking *asking)
{
  g_clear_weak_pointer (&asking->button);
  g_clear_object (&asking->studio);
  g_free (asking);
}

static void
approved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Asking *asking = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  GtkWidget *dialog;
  GtkRoot *root;

  if (!rg_approval_dialog_ask_finish (result) || asking->button == NULL)
    {
      asking_free (asking);
      return;
    }
  root = gtk_widget_get_root (asking->button);
  /* The model takes the approval and writes the audit log. */
  if (!rg_studio_unmask_phone (asking->studio, asking->client_id, &phone, &error))
    g_clear_pointer (&phone, g_free);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   phone ? _("The Client’s Phone") : _("The Phone Cannot Be Shown"),
                                   phone ? phone : error ? error->message : _("The client has no phone."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_widget_add_css_class (dialog, "unmasked-phone");
  gtk_window_present (GTK_WINDOW (dialog));
  asking_free (asking);
}

static void
clicked_cb (GtkButton *button)
{
  RgStudio *studio = g_object_get_data (G_OBJECT (button), "rg-studio");
  gint64 *client_id = g_object_get_data (G_OBJECT (button), "rg-client-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  Asking *asking;

  if (studio == NULL || client_id == NULL)
    return;
  asking = g_new0 (Asking, 1);
  g_set_weak_pointer (&asking->button, GTK_WIDGET (button));
  asking->studio = g_object_ref (studio);
  asking->client_id = *client_id;
  rg_approval_dialog_ask (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, studio,
                          _("You see the phones of your own clients. A director can show this one; "
                            "it is written to the audit log."),
                          approved_cb, asking);
}

GtkWidget *
rg_show_phone_button_new (void)
{
  /* An icon beside the masked number, which keeps the row's width. */
  GtkWidget *button = gtk_button_new_from_icon_name ("view-reveal-symbolic");

  gtk_widget_set_tooltip_text (button, _("Show Phone…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Phone…"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (button, FALSE);
  gtk_widget_add_css_class (button, "show-phone");
  g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), NULL);
  return button;
}

void
rg_show_phone_button_update (GtkWidget *button,
                             RgStudio  *studio,
                             gint64     client_id)
{
  gboolean masked;

  g_return_if_fail (GTK_IS_BUTTON (button));

  masked = studio && client_id && rg_studio_has_profiles (studio) &&
           !rg_studio_may_for (studio, RG_ACTION_SEE_PHONES, 0, client_id);
  g_object_set_data_full (G_OBJECT (button), "rg-studio", studio ? g_object_ref (studio) : NULL, g_object_unref);
  g_object_set_data_full (G_OBJECT (button), "rg-client-id", g_memdup2 (&client_id, sizeof client_id), g_free);
  gtk_widget_set_visible (button, masked);
}
