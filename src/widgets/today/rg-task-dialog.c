/* rg-task-dialog.c — a new task for a client: what to do and when, from
 * a few usual times or a day and time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-today"

#include "config.h"

#include <glib/gi18n.h>

#include "analytics/rg-call-list.h"
#include "model/rg-call.h"
#include "model/rg-client.h"
#include "model/rg-format.h"
#include "rg-task-dialog.h"
#include "widgets/common/rg-time-spin.h"

typedef struct {
  RgStudio    *studio;
  gint64       client_id;
  GtkEditable *text;
  GtkDropDown *when;
  GtkWidget   *on_day;
  GtkCalendar *day;
  GtkSpinButton *time;
} TaskForm;

static void
task_form_free (TaskForm *form)
{
  g_clear_object (&form->studio);
  g_free (form);
}

static void
when_changed_cb (GtkDropDown *when,
                 GParamSpec  *pspec,
                 TaskForm    *form)
{
  gtk_widget_set_visible (form->on_day, gtk_drop_down_get_selected (when) == 4);
}

static void
task_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  TaskForm         *form)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  guint choice = gtk_drop_down_get_selected (form->when);
  gint64 due;

  if (!g_str_equal (response, "create"))
    return;
  if (choice < 4)
    due = rg_task_when_to_time ((RgTaskWhen) choice, rg_time_now ());
  else
    {
      g_autoptr(GDateTime) dt = gtk_calendar_get_date (form->day);
      RgDate day = { g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt) };

      due = rg_time_from_local (day, gtk_spin_button_get_value_as_int (form->time));
    }
  if (!rg_task_create (form->studio, form->client_id, gtk_editable_get_text (form->text), due, &error))
    {
      if (parent)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", error->message);
      return;
    }
  if (parent)
    {
      g_autofree char *when = rg_format_date_time (due);
      /* Translators: after creating a task; %s is a day and time */
      g_autofree char *message = g_strdup_printf (_("Task set for %s"), when);

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", message);
    }
}

/* "Call back tomorrow afternoon", for @client_id, from anywhere. */
GtkWidget *
rg_task_dialog_new (GtkWindow *parent,
                    RgStudio  *studio,
                    gint64     client_id)
{
  g_autoptr(RgClient) client = rg_studio_lookup (studio, RG_TYPE_CLIENT, client_id, NULL);
  /* Translators: under "New Task": who it is for */
  g_autofree char *body = g_strdup_printf (_("For %s"), client ? rg_client_get_address_as (client) : "");
  GtkWidget *dialog = adw_message_dialog_new (parent, _("New Task"), body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new ((const char *[]) {
    _("This evening, 18:00"), _("Tomorrow morning, 10:00"), _("Tomorrow afternoon, 15:00"), _("In a week"),
    _("On a day…"), NULL });
  TaskForm *form = g_new0 (TaskForm, 1);

  form->studio = g_object_ref (studio);
  form->client_id = client_id;
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Call back"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("What to do"), -1);
  form->text = GTK_EDITABLE (entry);
  gtk_box_append (GTK_BOX (box), entry);
  form->when = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL));
  gtk_drop_down_set_selected (form->when, RG_TASK_TOMORROW_AFTERNOON);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->when));
  form->on_day = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  form->day = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (form->on_day), GTK_WIDGET (form->day));
  form->time = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 24 * 60 - 15, 15));
  rg_time_spin_setup (form->time, RG_TIME_SPIN_CLOCK);
  gtk_spin_button_set_value (form->time, 11 * 60);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->time), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time"), -1);
  gtk_box_append (GTK_BOX (form->on_day), GTK_WIDGET (form->time));
  gtk_widget_set_visible (form->on_day, FALSE);
  gtk_box_append (GTK_BOX (box), form->on_day);
  g_signal_connect (form->when, "notify::selected", G_CALLBACK (when_changed_cb), form);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) task_form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (task_response_cb), form);
  return dialog;
}
