/* rg-call-dialog.c — the call itself.
 *
 * A call opens its script with the client's name, last service, master
 * and visit filled in; one click logs the outcome in the client's
 * timeline: booked (the editor opens with their usual service and master
 * at the first free slot), call back on a day and time (a task), not
 * interested (with a reason), no answer (a task for tomorrow).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-today"

#include "config.h"

#include <glib/gi18n.h>

#include "analytics/rg-call-list.h"
#include "analytics/rg-studio-figures.h"
#include "model/rg-client.h"
#include "model/rg-studio-identity.h"
#include "model/rg-studio-settings.h"
#include "widgets/common/rg-accessible.h"
#include "rg-call-dialog.h"
#include "widgets/common/rg-time-spin.h"
#include "widgets/rg-window.h"
#include "widgets/editor/rg-appointment-editor.h"

static guint call_dialog_logged;

struct _RgCallDialog {
  AdwWindow      parent_instance;

  RgStudio      *studio;
  RgClient      *client;
  gint64         task_id;
  RgClientUsual  usual;
  char          *script;
  gboolean       booked;

  AdwToastOverlay *toasts;         /* template children */
  AdwActionRow  *phone_row;
  GtkLabel      *script_label;
  AdwActionRow  *booked_row;
  GtkImage      *booked_arrow;
  AdwExpanderRow *call_back_row;
  GtkCalendar   *back_day;
  GtkSpinButton *back_time;
  AdwExpanderRow *not_interested_row;
  GtkEditable   *reason;
  AdwActionRow  *no_answer_row;
  GtkImage      *no_answer_arrow;
};

G_DEFINE_FINAL_TYPE (RgCallDialog, rg_call_dialog, ADW_TYPE_WINDOW)

const char *
rg_call_dialog_get_script (RgCallDialog *self)
{
  g_return_val_if_fail (RG_IS_CALL_DIALOG (self), NULL);
  return self->script;
}

static void
fill_call (RgCallDialog *self,
           RgCall       *call)
{
  call->client_id = rg_record_get_id (RG_RECORD (self->client));
  call->task_id = self->task_id;
  call->staff_id = self->usual.staff_id;
}

static void
booking_saved_cb (RgCallDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The editor logged the call with the booking (rg_call_book()). */
  self->booked = TRUE;
  g_signal_emit (self, call_dialog_logged, 0, rg_record_get_id (RG_RECORD (self->client)), self->task_id);
  if (parent)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("The call is in the client’s timeline."));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
booking_closed_cb (RgCallDialog *self)
{
  /* Closed without a booking: nothing was written; the call is still
   * open, to log another way. */
  if (!self->booked)
    gtk_window_present (GTK_WINDOW (self));
}

/* Booked: the editor opens for the client with their usual service and
 * master at the first free time; the call is logged when the booking is
 * saved, in its transaction. */
static gboolean
open_booking (RgCallDialog  *self,
              GError       **error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  RgAppointmentEditor *editor;
  RgCall call;

  if (!RG_IS_WINDOW (parent))
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("Open the call from the main window to book."));
      return FALSE;
    }

  fill_call (self, &call);
  editor = rg_window_book_client (RG_WINDOW (parent), self->client, self->usual.service_id, self->usual.staff_id,
                                  &call);
  if (editor == NULL)
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("The calendar cannot book yet: add a master in the studio settings first."));
      return FALSE;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (booking_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (booking_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

gboolean
rg_call_dialog_log (RgCallDialog   *self,
                    RgCallOutcome   outcome,
                    gint64          when,
                    const char     *reason,
                    GError        **error)
{
  RgCall call;

  g_return_val_if_fail (RG_IS_CALL_DIALOG (self), FALSE);

  if (outcome == RG_CALL_OUTCOME_BOOKED)
    return open_booking (self, error);

  fill_call (self, &call);
  if (!rg_call_log (self->studio, &call, outcome, when, reason, error))
    return FALSE;

  g_signal_emit (self, call_dialog_logged, 0, rg_record_get_id (RG_RECORD (self->client)), self->task_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
outcome_done (RgCallDialog  *self,
              RgCallOutcome  outcome,
              gint64         when,
              const char    *reason)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_object_ref (self);
  if (!rg_call_dialog_log (self, outcome, when, reason, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  else if (parent && outcome != RG_CALL_OUTCOME_BOOKED)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("The call is in the client’s timeline."));
  g_object_unref (self);
}

static void
booked_cb (RgCallDialog *self)
{
  outcome_done (self, RG_CALL_OUTCOME_BOOKED, 0, NULL);
}

static void
no_answer_cb (RgCallDialog *self)
{
  outcome_done (self, RG_CALL_OUTCOME_NO_ANSWER, 0, NULL);
}

static void
not_interested_cb (RgCallDialog *self)
{
  outcome_done (self, RG_CALL_OUTCOME_NOT_INTERESTED, 0, gtk_editable_get_text (self->reason));
}

static void
call_back_cb (RgCallDialog *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->back_day);
  RgDate day = { g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt) };

  outcome_done (self, RG_CALL_OUTCOME_CALL_BACK,
                rg_time_from_local (day, gtk_spin_button_get_value_as_int (self->back_time)), NULL);
}

static void
dial_cb (GtkButton    *button,
         RgCallDialog *self)
{
  const char *phone = rg_client_get_phone (self->client);
  g_autoptr(GString) uri = g_string_new ("tel:");

  for (const char *p = phone; p && *p; p++)
    if (g_ascii_isdigit (*p) || *p == '+')
      g_string_append_c (uri, *p);
  gtk_show_uri (GTK_WINDOW (self), uri->str, GDK_CURRENT_TIME);
}

static void
rg_call_dialog_dispose (GObject *object)
{
  RgCallDialog *self = RG_CALL_DIALOG (object);

  rg_client_usual_clear (&self->usual);
  g_clear_pointer (&self->script, g_free);
  g_clear_object (&self->client);
  g_clear_object (&self->studio);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_CALL_DIALOG);
  G_OBJECT_CLASS (rg_call_dialog_parent_class)->dispose (object);
}

static void
rg_call_dialog_class_init (RgCallDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_call_dialog_dispose;

  /* RgCallDialog::logged: (client id, task id or 0) the call's outcome is
   * saved; the dialog closes next. */
  call_dialog_logged = g_signal_new ("logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-call-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, script_label);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, booked_row);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, booked_arrow);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, call_back_row);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, back_day);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, back_time);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, not_interested_row);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, reason);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, no_answer_row);
  gtk_widget_class_bind_template_child (widget_class, RgCallDialog, no_answer_arrow);
  gtk_widget_class_bind_template_callback (widget_class, dial_cb);
  gtk_widget_class_bind_template_callback (widget_class, booked_cb);
  gtk_widget_class_bind_template_callback (widget_class, call_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, not_interested_cb);
  gtk_widget_class_bind_template_callback (widget_class, no_answer_cb);
}

static void
rg_call_dialog_init (RgCallDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The titles say it; the icons are decoration. */
  rg_accessible_row_icon (GTK_WIDGET (self->booked_row), "x-office-calendar-symbolic", NULL);
  rg_accessible_describe (GTK_WIDGET (self->booked_arrow), NULL);
  rg_accessible_row_icon (GTK_WIDGET (self->call_back_row), "alarm-symbolic", NULL);
  rg_accessible_row_icon (GTK_WIDGET (self->not_interested_row), "action-unavailable-symbolic", NULL);
  rg_accessible_row_icon (GTK_WIDGET (self->no_answer_row), "call-missed-symbolic", NULL);
  rg_accessible_describe (GTK_WIDGET (self->no_answer_arrow), NULL);

  gtk_calendar_select_day (self->back_day, tomorrow);
  rg_time_spin_setup (self->back_time, RG_TIME_SPIN_CLOCK);
  gtk_spin_button_set_value (self->back_time, 15 * 60);
}

RgCallDialog *
rg_call_dialog_new (GtkWindow *parent,
                    RgStudio  *studio,
                    gint64     client_id,
                    gint64     task_id)
{
  RgCallDialog *self;
  g_autofree char *template_text = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_CALL_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 560,
                       "default-height", 700,
                       NULL);
  self->studio = g_object_ref (studio);
  self->task_id = task_id;
  self->client = rg_studio_lookup (studio, RG_TYPE_CLIENT, client_id, NULL);
  g_return_val_if_fail (self->client != NULL, self);
  if (!rg_studio_client_usual (studio, client_id, &self->usual, NULL))
    memset (&self->usual, 0, sizeof self->usual);
  template_text = rg_studio_dup_call_script (studio);
  {
    g_autofree char *studio_name = rg_studio_dup_name (studio);

    self->script = rg_call_script_fill (template_text, rg_client_get_address_as (self->client), studio_name,
                                        &self->usual);
  }
  gtk_window_set_title (GTK_WINDOW (self), rg_client_get_address_as (self->client));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->phone_row), rg_client_get_phone (self->client));
  gtk_label_set_text (self->script_label, self->script);
  return self;
}
