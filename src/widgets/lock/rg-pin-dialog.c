/* rg-pin-dialog.c — a new PIN, typed twice.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-pin-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-roles.h"
#include "rg-lock-util.h"
#include "rg-pin-dialog.h"

struct _RgPinDialog
{
  AdwWindow             parent_instance;

  RgPinSaveFunc         save;
  gpointer              data;
  GDestroyNotify        data_free;
  AdwPasswordEntryRow  *pin_row;
  AdwPasswordEntryRow  *again_row;
  GtkLabel             *body;
  GtkLabel             *message;
};

G_DEFINE_FINAL_TYPE (RgPinDialog, rg_pin_dialog, ADW_TYPE_WINDOW)

static void
say (RgPinDialog *self,
     const char  *text)
{
  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text && *text);
}

static void
save (RgPinDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->again_row));

  if (!rg_pin_is_valid (pin))
    {
      say (self, _("A PIN is 4 to 8 digits."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return;
    }
  if (g_strcmp0 (pin, again) != 0)
    {
      say (self, _("The two PINs differ: type the same one twice."));
      gtk_editable_set_text (GTK_EDITABLE (self->again_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->again_row));
      return;
    }
  if (self->save && !self->save (pin, self->data, &error))
    {
      say (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
rg_pin_dialog_enter (RgPinDialog *self,
                     const char  *pin,
                     const char  *again)
{
  g_return_if_fail (RG_IS_PIN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), pin);
  gtk_editable_set_text (GTK_EDITABLE (self->again_row), again);
  save (self);
}

const char *
rg_pin_dialog_get_message (RgPinDialog *self)
{
  g_return_val_if_fail (RG_IS_PIN_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : "";
}

static void
rg_pin_dialog_dispose (GObject *object)
{
  RgPinDialog *self = RG_PIN_DIALOG (object);

  if (self->data_free)
    g_clear_pointer (&self->data, self->data_free);
  G_OBJECT_CLASS (rg_pin_dialog_parent_class)->dispose (object);
}

static void
rg_pin_dialog_class_init (RgPinDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rg_pin_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_pin_dialog_init (RgPinDialog *self)
{
  GtkWidget *box, *header, *cancel, *ok, *group, *body;

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 400, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pin-dialog");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  ok = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (ok, "suggested-action");
  g_signal_connect_swapped (ok, "clicked", G_CALLBACK (save), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), ok);
  gtk_box_append (GTK_BOX (box), header);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  self->body = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->body, TRUE);
  gtk_label_set_xalign (self->body, 0);
  gtk_label_set_max_width_chars (self->body, 44);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->body));
  group = adw_preferences_group_new ();
  self->pin_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pin_row), _("New PIN, 4 to 8 digits"));
  rg_lock_digits_only (GTK_EDITABLE (self->pin_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->pin_row));
  self->again_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->again_row), _("The same PIN again"));
  rg_lock_digits_only (GTK_EDITABLE (self->again_row));
  g_signal_connect_swapped (self->again_row, "entry-activated", G_CALLBACK (save), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->again_row));
  gtk_box_append (GTK_BOX (body), group);
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->message));
  gtk_box_append (GTK_BOX (box), body);
  adw_window_set_content (ADW_WINDOW (self), box);
}

RgPinDialog *
rg_pin_dialog_present (GtkWindow      *parent,
                       const char     *title,
                       const char     *body,
                       RgPinSaveFunc   save_func,
                       gpointer        data,
                       GDestroyNotify  data_free)
{
  RgPinDialog *self = g_object_new (RG_TYPE_PIN_DIALOG, NULL);

  self->save = save_func;
  self->data = data;
  self->data_free = data_free;
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_label_set_text (self->body, body ? body : "");
  gtk_widget_set_visible (GTK_WIDGET (self->body), body && *body);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
  return self;
}
