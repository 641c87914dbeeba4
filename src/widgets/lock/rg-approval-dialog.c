/* rg-approval-dialog.c — a director's approval at the desk.
 *
 * A small window over the till (or the card): why an approval is needed,
 * in the caller's words; the directors' profiles in a combo, then the
 * PIN. A wrong PIN is said inline and the window stays; the model slows
 * the next tries down as on the lock screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-approval"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-roles.h"
#include "rg-approval-dialog.h"
#include "rg-lock-util.h"

struct _RgApprovalDialog
{
  AdwWindow             parent_instance;

  RgStudio             *studio;
  GTask                *task;       /* returned once, when the window goes */
  gboolean              approved;
  GArray               *directors;  /* staff ids, in the combo's order */
  AdwComboRow          *director_row;
  AdwPasswordEntryRow  *pin_row;
  GtkLabel             *reason;
  GtkLabel             *message;
  GtkWidget            *approve_button;
};

G_DEFINE_FINAL_TYPE (RgApprovalDialog, rg_approval_dialog, ADW_TYPE_WINDOW)

static void
say (RgApprovalDialog *self,
     const char       *text)
{
  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text && *text);
}

static void
approve (RgApprovalDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin_row)));
  guint selected = adw_combo_row_get_selected (self->director_row);

  if (selected >= self->directors->len)
    {
      say (self, _("Choose the director first."));
      return;
    }
  if (*pin == '\0')
    {
      say (self, _("The director enters their PIN."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  if (!rg_studio_grant_override (self->studio, g_array_index (self->directors, gint64, selected), pin, &error))
    {
      say (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return;
    }
  self->approved = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
rg_approval_dialog_choose (RgApprovalDialog *self,
                           gint64            staff_id)
{
  g_return_val_if_fail (RG_IS_APPROVAL_DIALOG (self), FALSE);

  for (guint i = 0; i < self->directors->len; i++)
    if (g_array_index (self->directors, gint64, i) == staff_id)
      {
        adw_combo_row_set_selected (self->director_row, i);
        return TRUE;
      }
  return FALSE;
}

void
rg_approval_dialog_approve (RgApprovalDialog *self,
                            const char       *pin)
{
  g_return_if_fail (RG_IS_APPROVAL_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), pin);
  approve (self);
}

const char *
rg_approval_dialog_get_message (RgApprovalDialog *self)
{
  g_return_val_if_fail (RG_IS_APPROVAL_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : "";
}

static void
rg_approval_dialog_dispose (GObject *object)
{
  RgApprovalDialog *self = RG_APPROVAL_DIALOG (object);

  if (self->task)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      g_task_return_boolean (task, self->approved);
    }
  g_clear_object (&self->studio);
  g_clear_pointer (&self->directors, g_array_unref);
  G_OBJECT_CLASS (rg_approval_dialog_parent_class)->dispose (object);
}

static void
rg_approval_dialog_class_init (RgApprovalDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_approval_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_approval_dialog_init (RgApprovalDialog *self)
{
  GtkWidget *box, *header, *cancel, *group, *body;

  gtk_window_set_title (GTK_WINDOW (self), _("A Director’s Approval"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "approval-dialog");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->approve_button = gtk_button_new_with_mnemonic (_("_Approve"));
  gtk_widget_add_css_class (self->approve_button, "suggested-action");
  g_signal_connect_swapped (self->approve_button, "clicked", G_CALLBACK (approve), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->approve_button);
  gtk_box_append (GTK_BOX (box), header);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  self->reason = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->reason, TRUE);
  gtk_label_set_xalign (self->reason, 0);
  gtk_label_set_max_width_chars (self->reason, 44);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->reason));

  group = adw_preferences_group_new ();
  self->director_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->director_row), _("Director"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->director_row));
  self->pin_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pin_row), _("Their PIN"));
  rg_lock_digits_only (GTK_EDITABLE (self->pin_row));
  g_signal_connect_swapped (self->pin_row, "entry-activated", G_CALLBACK (approve), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->pin_row));
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

void
rg_approval_dialog_ask (GtkWindow           *parent,
                        RgStudio            *studio,
                        const char          *reason,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  RgApprovalDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) profiles = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RG_IS_STUDIO (studio));

  self = g_object_new (RG_TYPE_APPROVAL_DIALOG, NULL);
  self->studio = g_object_ref (studio);
  self->task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (self->task, rg_approval_dialog_ask);
  self->directors = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_label_set_text (self->reason, reason ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason), reason && *reason);

  profiles = rg_studio_list_profiles (studio, &error);
  for (guint i = 0; profiles && i < profiles->len; i++)
    {
      RgProfile *profile = &g_array_index (profiles, RgProfile, i);

      if (profile->role != RG_ROLE_DIRECTOR)
        continue;
      g_array_append_val (self->directors, profile->staff_id);
      gtk_string_list_append (names, profile->name);
    }
  adw_combo_row_set_model (self->director_row, G_LIST_MODEL (names));
  if (self->directors->len == 0)
    say (self, error ? error->message : _("The studio has no director with a PIN."));
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
}

gboolean
rg_approval_dialog_ask_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), NULL);
}
