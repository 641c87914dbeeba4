/* rg-appointment-editor-client.c — the editor's client picker: the search
 * rows (a few letters or the last digits of a phone), and a new client
 * added inline with a name and a phone, unless the phone is someone's.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-appointment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "util/rg-text.h"
#include "model/rg-client-reads.h"
#include "rg-appointment-editor-private.h"

#define MAX_MATCHES 8

static char *
describe_client (RgClient *client)
{
  const char *full_name = rg_client_get_full_name (client);

  if (full_name && *full_name && g_strcmp0 (full_name, rg_client_get_address_as (client)) != 0)
    return g_strdup_printf ("%s · %s", rg_client_get_phone (client), full_name);
  return g_strdup (rg_client_get_phone (client));
}

void
rg_appointment_editor_update_client (RgAppointmentEditor *self)
{
  g_autofree char *subtitle = NULL;
  const char *medical;

  if (self->client == NULL)
    {
      gtk_stack_set_visible_child_name (self->client_stack, "search");
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row), rg_client_get_address_as (self->client));
  subtitle = describe_client (self->client);
  adw_action_row_set_subtitle (self->client_row, subtitle);
  adw_avatar_set_text (self->client_avatar, rg_client_get_address_as (self->client));

  medical = rg_client_get_medical_notes (self->client);
  adw_action_row_set_subtitle (self->medical_row, medical ? medical : "");
  gtk_widget_set_visible (GTK_WIDGET (self->medical_row), medical && *medical);
  gtk_stack_set_visible_child_name (self->client_stack, "chosen");
}

void
rg_appointment_editor_set_client (RgAppointmentEditor *self,
                                  RgClient            *client)
{
  g_return_if_fail (RG_IS_APPOINTMENT_EDITOR (self));
  g_return_if_fail (client == NULL || RG_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  /* The client's own master, unless someone was chosen already. */
  if (client && !self->staff_chosen && self->appointment == NULL)
    {
      gboolean updating = self->updating;

      self->updating = TRUE;
      rg_appointment_editor_set_staff (self, rg_client_get_preferred_staff_id (client));
      self->updating = updating;
    }

  if (client)
    rg_appointment_editor_hide_error (self);
  rg_appointment_editor_update_client (self);
  rg_appointment_editor_revalidate (self);
}

RgClient *
rg_appointment_editor_get_client (RgAppointmentEditor *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), NULL);
  return self->client;
}

static GtkWidget *
client_match_row (RgClient *client)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_client (client);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_client_get_address_as (client));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "client", g_object_ref (client), g_object_unref);
  return row;
}

static GtkWidget *
new_client_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  /* Translators: the last row of the client search; the text typed */
  g_autofree char *title = g_strdup_printf (_("New client “%s”…"), text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add to the client book with a name and a phone"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "new-client", GINT_TO_POINTER (TRUE));
  return row;
}

void
rg_appointment_editor_search_now (RgAppointmentEditor *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkListBoxRow *first;

  g_return_if_fail (RG_IS_APPOINTMENT_EDITOR (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_entry))));
  rg_appointment_editor_clear_list (self->client_list);

  if (*text == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->client_list), FALSE);
      return;
    }

  if (!rg_studio_search_clients (self->studio, text, MAX_MATCHES, ids, &error))
    g_warning ("Could not search the clients: %s", error->message);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) lookup_error = NULL;
      g_autoptr(RgClient) client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT,
                                                     g_array_index (ids, gint64, i), &lookup_error);

      if (client)
        gtk_list_box_append (self->client_list, client_match_row (client));
    }
  gtk_list_box_append (self->client_list, new_client_row (text));

  first = gtk_list_box_get_row_at_index (self->client_list, 0);
  gtk_list_box_select_row (self->client_list, first);
  gtk_widget_set_visible (GTK_WIDGET (self->client_list), TRUE);
}

static void
client_search_changed_cb (RgAppointmentEditor *self)
{
  rg_appointment_editor_search_now (self);
}

static void
show_new_client (RgAppointmentEditor *self,
                 const char          *text)
{
  gboolean phone = rg_text_looks_like_phone (text);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), phone ? "" : text);
  gtk_editable_set_text (GTK_EDITABLE (self->new_phone_row), phone ? text : "");
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->new_client_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_list), FALSE);
  g_clear_object (&self->duplicate);
  gtk_stack_set_visible_child_name (self->client_stack, "create");
  gtk_widget_grab_focus (GTK_WIDGET (phone ? self->new_name_row : self->new_phone_row));
}

static void
client_row_activated_cb (RgAppointmentEditor *self,
                         GtkListBoxRow       *row)
{
  RgClient *client = g_object_get_data (G_OBJECT (row), "client");

  rg_appointment_editor_mark_dirty (self);
  if (g_object_get_data (G_OBJECT (row), "new-client"))
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_entry))));
      show_new_client (self, text);
      return;
    }

  if (client)
    {
      rg_appointment_editor_set_client (self, client);
      /* On to the services: the next thing to choose. */
      if (self->chosen->len == 0)
        gtk_widget_grab_focus (GTK_WIDGET (self->add_service_button));
    }
}

static void
client_entry_activate_cb (RgAppointmentEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->client_list);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->client_list, 0);
  if (row)
    client_row_activated_cb (self, row);
}

static void
client_stop_search_cb (RgAppointmentEditor *self)
{
  /* Escape clears the search first, then closes as elsewhere. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->client_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->client_entry), "");
  else
    rg_appointment_editor_cancel (self);
}

static void
change_client_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);

  g_clear_object (&self->client);
  gtk_stack_set_visible_child_name (self->client_stack, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->client_entry));
  rg_appointment_editor_revalidate (self);
}

static void
update_duplicate (RgAppointmentEditor *self)
{
  g_autoptr(RgClient) client = rg_studio_find_client_by_phone (self->studio,
                                                              gtk_editable_get_text (GTK_EDITABLE (self->new_phone_row)),
                                                              0);

  g_set_object (&self->duplicate, client);
  if (client)
    {
      /* Translators: the client who already has the phone number typed */
      g_autofree char *title = g_strdup_printf (_("%s has this number"), rg_client_get_address_as (client));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->duplicate_row), title);
      adw_action_row_set_subtitle (self->duplicate_row, rg_client_get_phone (client));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_list), client != NULL);
}

static void
new_client_changed_cb (RgAppointmentEditor *self)
{
  if (self->updating)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->new_client_error), FALSE);
  update_duplicate (self);
}

static void
create_client_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row))));
  g_autofree char *phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_phone_row))));
  g_autoptr(RgClient) client = NULL;
  g_autoptr(GError) error = NULL;

  /* The number is someone's already: offer that client, add no twin. */
  update_duplicate (self);
  if (self->duplicate)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->duplicate_button));
      return;
    }

  client = rg_client_new (name, phone);
  if (!rg_studio_save (self->studio, client, &error))
    {
      gtk_label_set_text (self->new_client_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->new_client_error), TRUE);
      return;
    }

  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_set_client (self, client);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_service_button));
}

static void
new_client_activated_cb (RgAppointmentEditor *self,
                         AdwEntryRow         *row)
{
  /* Enter in the name goes on to the phone; in the phone, adds the client. */
  if (row == self->new_name_row && *gtk_editable_get_text (GTK_EDITABLE (self->new_phone_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->new_phone_row));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.create-client", NULL);
}

static void
book_duplicate_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);
  g_autoptr(RgClient) client = self->duplicate ? g_object_ref (self->duplicate) : NULL;

  if (client)
    {
      rg_appointment_editor_mark_dirty (self);
      rg_appointment_editor_set_client (self, client);
    }
}

void
rg_appointment_editor_client_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, client_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_client_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_client_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.change-client", NULL, change_client_activated);
  gtk_widget_class_install_action (widget_class, "editor.create-client", NULL, create_client_activated);
  gtk_widget_class_install_action (widget_class, "editor.book-duplicate", NULL, book_duplicate_activated);
}
