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

  AdwToastOverlay *toasts;
  GtkCalendar   *back_day;
  GtkSpinButton *back_time;
  GtkEditable   *reason;
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
}

static void
rg_call_dialog_init (RgCallDialog *self)
{
}

static GtkWidget *
outcome_row (const char *title,
             const char *subtitle,
             const char *icon)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The title says it; the icons are decoration. */
  rg_accessible_row_icon (row, icon, NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  rg_accessible_describe (arrow, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

RgCallDialog *
rg_call_dialog_new (GtkWindow *parent,
                    RgStudio  *studio,
                    gint64     client_id,
                    gint64     task_id)
{
  RgCallDialog *self;
  GtkWidget *box, *header, *page, *group, *row, *label, *button, *expander, *save, *times;
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

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();

  /* The number, to dial from here or by hand. */
  group = adw_preferences_group_new ();
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_client_get_phone (self->client));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Phone"));
  gtk_widget_add_css_class (row, "property");
  button = gtk_button_new_from_icon_name ("call-start-symbolic");
  gtk_widget_set_tooltip_text (button, _("Call"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (dial_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* The script. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What to Say"));
  label = gtk_label_new (self->script);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "card");
  gtk_widget_add_css_class (label, "call-script");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* The outcome, in one click. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("How Did It Go?"));
  row = outcome_row (_("_Booked"), _("Open the calendar with their usual service and master"), "x-office-calendar-symbolic");
  g_signal_connect_swapped (row, "activated", G_CALLBACK (booked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("_Call Back"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (expander), TRUE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("On a day and time they choose: a task"));
  rg_accessible_row_icon (expander, "alarm-symbolic", NULL);
  times = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (times, 6);
  gtk_widget_set_margin_bottom (times, 6);
  gtk_widget_set_margin_start (times, 12);
  gtk_widget_set_margin_end (times, 12);
  self->back_day = GTK_CALENDAR (gtk_calendar_new ());
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

    gtk_calendar_select_day (self->back_day, tomorrow);
  }
  gtk_box_append (GTK_BOX (times), GTK_WIDGET (self->back_day));
  self->back_time = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 24 * 60 - 15, 15));
  rg_time_spin_setup (self->back_time, RG_TIME_SPIN_CLOCK);
  gtk_spin_button_set_value (self->back_time, 15 * 60);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_time), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time"), -1);
  gtk_box_append (GTK_BOX (times), GTK_WIDGET (self->back_time));
  save = gtk_button_new_with_mnemonic (_("_Set the Call Back"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (call_back_cb), self);
  gtk_box_append (GTK_BOX (times), save);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), times);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("_Not Interested"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (expander), TRUE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("With their reason, if they gave one"));
  rg_accessible_row_icon (expander, "action-unavailable-symbolic", NULL);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reason"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "apply", G_CALLBACK (not_interested_cb), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (not_interested_cb), self);
  self->reason = GTK_EDITABLE (row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

  row = outcome_row (_("No _Answer"), _("Try again tomorrow at this time"), "call-missed-symbolic");
  g_signal_connect_swapped (row, "activated", G_CALLBACK (no_answer_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}
