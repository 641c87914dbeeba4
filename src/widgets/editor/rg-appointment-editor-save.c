/* rg-appointment-editor-save.c — saving from the editor: the draft the fields
 * make, the questions asked first (outside working hours; this occurrence
 * or the following ones), and the page that lists the weeks of a series.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-appointment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "widgets/common/rg-accessible.h"
#include "rg-appointment-editor-private.h"

RgBookingDraft *
rg_appointment_editor_build_draft (RgAppointmentEditor  *self,
                                   GError              **error)
{
  g_autoptr(RgBookingDraft) draft = rg_booking_draft_new ();

  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), NULL);

  for (guint i = 0; i < self->service_rows->len; i++)
    {
      GtkEditable *entry = g_object_get_data (self->service_rows->pdata[i], "price");
      gint64 price;

      if (!rg_format_parse_money (gtk_editable_get_text (entry), &price))
        {
          g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                       /* Translators: a price that does not parse, as typed */
                       _("“%s” is not a price. Enter an amount like 1500 or 1500.50."),
                       gtk_editable_get_text (entry));
          gtk_widget_grab_focus (GTK_WIDGET (entry));
          return NULL;
        }
      g_array_index (self->chosen, RgBookingService, i).price = price;
    }

  if (self->price_override &&
      !rg_format_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->total_entry)), &self->price))
    {
      g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                   _("“%s” is not a price. Enter an amount like 1500 or 1500.50."),
                   gtk_editable_get_text (GTK_EDITABLE (self->total_entry)));
      gtk_widget_grab_focus (GTK_WIDGET (self->total_entry));
      return NULL;
    }

  draft->appointment_id = self->appointment ? rg_record_get_id (RG_RECORD (self->appointment)) : 0;
  draft->client_id = self->client ? rg_record_get_id (RG_RECORD (self->client)) : 0;
  draft->staff_id = rg_appointment_editor_get_staff_id (self);
  rg_booking_draft_set_local_start (draft, self->date, rg_appointment_editor_get_start_minute (self));
  g_array_append_vals (draft->services, self->chosen->data, self->chosen->len);
  rg_booking_draft_set_note (draft, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  draft->price_override = self->price_override;
  draft->price = self->price;
  draft->allow_overlap = gtk_switch_get_active (self->overlap_switch);
  return g_steal_pointer (&draft);
}

/* Saves one appointment (@following: and the rest of its series). */
static void
save_one (RgAppointmentEditor *self,
          gboolean             following)
{
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(RgAppointment) saved = NULL;
  g_autoptr(GError) error = NULL;
  RgAppointmentStatus status = rg_appointment_editor_get_chosen_status (self);

  rg_appointment_editor_hide_error (self);
  draft = rg_appointment_editor_build_draft (self, &error);
  if (draft == NULL)
    {
      rg_appointment_editor_show_error (self, error->message);
      return;
    }

  self->became_done = status == RG_APPOINTMENT_DONE &&
                      (self->appointment == NULL || rg_appointment_get_status (self->appointment) != status);

  /* The status is saved with the fields, in one transaction (a
   * cancellation with "This and Following" ends the rest of the series). */
  draft->set_status = TRUE;
  draft->status = status;

  if (following)
    {
      if (rg_booking_save_following (self->studio, draft, NULL, &error))
        saved = g_object_ref (self->appointment);
    }
  else if (self->call && self->appointment == NULL)
    /* Booked in a call: the call is logged with the booking. */
    saved = rg_call_book (self->studio, self->call, draft, &error);
  else
    saved = rg_booking_save (self->studio, draft, &error);

  if (saved == NULL)
    {
      rg_appointment_editor_show_error (self, error->message);
      rg_appointment_editor_revalidate (self);
      return;
    }

  rg_appointment_editor_finish (self, saved);
}

/* A save chosen in a dialog runs after the dialog is gone: the editor
 * closes on success, and a dialog must not outlive the window it is
 * transient for. */
static gboolean
save_this_idle_cb (gpointer data)
{
  save_one (data, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
save_following_idle_cb (gpointer data)
{
  save_one (data, TRUE);
  return G_SOURCE_REMOVE;
}

static void
scope_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   RgAppointmentEditor *self)
{
  if (g_str_equal (response, "this"))
    g_idle_add_full (G_PRIORITY_DEFAULT, save_this_idle_cb, g_object_ref (self), g_object_unref);
  else if (g_str_equal (response, "following"))
    g_idle_add_full (G_PRIORITY_DEFAULT, save_following_idle_cb, g_object_ref (self), g_object_unref);
}

/* An occurrence of a series: this one only, or this and the following? */
static void
ask_scope_and_save (RgAppointmentEditor *self)
{
  GtkWidget *dialog;

  if (self->appointment == NULL || rg_appointment_get_series_id (self->appointment) == 0)
    {
      save_one (self, FALSE);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change a Repeating Appointment?"),
                                   _("This appointment repeats. Change only this one, or this one "
                                     "and the following ones? Visits that took place stay as they were."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "this", _("_Only This One"),
                                    "following", _("This and _Following"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "following", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "this");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (scope_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ask_scope_idle_cb (gpointer data)
{
  ask_scope_and_save (data);
  return G_SOURCE_REMOVE;
}

static void
hours_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   RgAppointmentEditor *self)
{
  if (g_str_equal (response, "book"))
    g_idle_add_full (G_PRIORITY_DEFAULT, ask_scope_idle_cb, g_object_ref (self), g_object_unref);
}

/* The series page ------------------------------------------------------------ */

static GtkWidget *
occurrence_row (const RgBookingOccurrence *o)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  RgDate date = rg_date_from_time (o->starts_at);
  g_autofree char *day = rg_format_day (date);
  g_autofree char *from = rg_format_clock (rg_time_minute_of_day (o->starts_at));
  g_autofree char *to = rg_format_clock (rg_time_minute_of_day (o->ends_at));
  /* Translators: an occurrence of a repeating appointment: the date, the start and the end */
  g_autofree char *title = g_strdup_printf (_("%s, %s–%s"), day, from, to);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  if (o->conflicts->len > 0)
    {
      for (guint i = 0; i < o->conflicts->len; i++)
        {
          const RgBookingConflict *c = g_ptr_array_index (o->conflicts, i);

          if (i > 0)
            g_string_append_c (subtitle, '\n');
          g_string_append (subtitle, c->message);
        }
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("Left out"));
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
      rg_accessible_describe (icon, _("Left out"));
    }
  else if (!o->within_hours)
    {
      g_string_append (subtitle, _("Free, but outside working hours"));
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      rg_accessible_describe (icon, _("Outside working hours"));
    }
  else
    {
      g_string_append (subtitle, _("Free"));
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      rg_accessible_describe (icon, _("Free"));
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static guint
n_free (GPtrArray *plan)
{
  guint n = 0;

  for (guint i = 0; plan && i < plan->len; i++)
    if (((RgBookingOccurrence *) g_ptr_array_index (plan, i))->conflicts->len == 0)
      n++;
  return n;
}

void
rg_appointment_editor_show_form (RgAppointmentEditor *self)
{
  gtk_stack_set_visible_child_name (self->pages, "form");
  gtk_button_set_label (self->cancel_button, _("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "editor.cancel");
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "editor.save");
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  rg_appointment_editor_revalidate (self);
}

static void
show_series (RgAppointmentEditor *self,
             GPtrArray           *plan)
{
  guint free = n_free (plan);
  g_autofree char *description = NULL;
  g_autofree char *book = NULL;

  g_clear_pointer (&self->plan, g_ptr_array_unref);
  self->plan = g_ptr_array_ref (plan);

  rg_appointment_editor_clear_list (self->series_list);
  for (guint i = 0; i < plan->len; i++)
    gtk_list_box_append (self->series_list, occurrence_row (g_ptr_array_index (plan, i)));

  /* Translators: how many of the occurrences of a repeating appointment are free */
  if (free < plan->len)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u of %u is free. The times that are taken will be left out; "
                                                "go back to choose another time or master.",
                                                "%u of %u are free. The times that are taken will be left out; "
                                                "go back to choose another time or master.",
                                                free),
                                   free, plan->len);
  else
    description = g_strdup (_("All are free; those marked are outside the master’s working hours."));
  adw_preferences_group_set_description (self->series_group, description);

  /* Translators: the button that books the free occurrences of a series */
  book = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Book %u", "_Book %u", free), free);
  gtk_button_set_label (self->save_button, book);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "editor.book-free");
  gtk_button_set_label (self->cancel_button, _("_Back"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "editor.back");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.book-free", free > 0);

  gtk_stack_set_visible_child_name (self->pages, "series");
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rg_appointment_editor_show_form (RG_APPOINTMENT_EDITOR (widget));
}

static void
book_free_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;

  rg_appointment_editor_hide_error (self);
  draft = rg_appointment_editor_build_draft (self, &error);
  if (draft && self->call)
    saved = rg_call_book_series (self->studio, self->call, draft, gtk_spin_button_get_value_as_int (self->every_spin),
                                 self->until, RG_BOOKING_SERIES_SKIP_CONFLICTS, &error);
  else if (draft)
    saved = rg_booking_save_series (self->studio, draft, gtk_spin_button_get_value_as_int (self->every_spin),
                                    self->until, RG_BOOKING_SERIES_SKIP_CONFLICTS, &error);
  if (saved == NULL)
    {
      rg_appointment_editor_show_error (self, error->message);
      return;
    }

  rg_appointment_editor_finish (self, g_ptr_array_index (saved, 0));
}

static void
save_series (RgAppointmentEditor *self)
{
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean clean = TRUE;

  draft = rg_appointment_editor_build_draft (self, &error);
  if (draft)
    plan = rg_booking_plan_series (self->studio, draft, gtk_spin_button_get_value_as_int (self->every_spin),
                                   self->until, &error);
  if (plan == NULL)
    {
      rg_appointment_editor_show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < plan->len; i++)
    {
      const RgBookingOccurrence *o = g_ptr_array_index (plan, i);
      clean &= o->conflicts->len == 0 && o->within_hours;
    }

  /* Taken or outside hours: show the weeks first. */
  if (!clean)
    show_series (self, plan);
  else
    book_free_activated (GTK_WIDGET (self), "editor.book-free", NULL);
}

static gboolean
save_again_idle_cb (gpointer data)
{
  gtk_widget_activate_action (data, "editor.save", NULL);
  return G_SOURCE_REMOVE;
}

static void
early_done_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        RgAppointmentEditor *self)
{
  if (!g_str_equal (response, "done"))
    return;
  self->early_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, save_again_idle_cb, g_object_ref (self), g_object_unref);
}

/* Done chosen for a visit that has not started: asked first (most often
 * the wrong appointment). TRUE when the question is up. */
static gboolean
ask_early_done (RgAppointmentEditor  *self,
                const RgBookingDraft *draft)
{
  g_autofree char *early = NULL;
  GtkWidget *dialog;

  if (self->early_confirmed)
    {
      self->early_confirmed = FALSE;
      return FALSE;
    }
  if (rg_appointment_editor_get_chosen_status (self) != RG_APPOINTMENT_DONE ||
      (self->appointment && rg_appointment_get_status (self->appointment) == RG_APPOINTMENT_DONE))
    return FALSE;
  early = rg_booking_describe_early_done (draft->starts_at, rg_time_now ());
  if (early == NULL)
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Mark as Done Before It Starts?"), early);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "done", _("_Mark Done"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (early_done_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  gint64 start, end;
  RgDate day;
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  rg_appointment_editor_hide_error (self);
  rg_appointment_editor_revalidate (self);
  if (rg_appointment_editor_is_repeating (self))
    {
      save_series (self);
      return;
    }
  if (self->has_conflict)
    return;

  /* Nothing is asked about a draft the rules refuse anyway. */
  draft = rg_appointment_editor_build_draft (self, &error);
  if (draft == NULL)
    {
      rg_appointment_editor_show_error (self, error->message);
      return;
    }
  if (ask_early_done (self, draft))
    return;
  if (self->within_hours || draft->staff_id == 0 || draft->client_id == 0 || draft->services->len == 0 ||
      !rg_booking_status_is_active (rg_appointment_editor_get_chosen_status (self)))
    {
      ask_scope_and_save (self);
      return;
    }

  start = draft->starts_at;
  end = rg_booking_draft_get_ends_at (draft);
  day = rg_date_from_time (start);
  date = rg_format_day (day);
  from = rg_format_clock (rg_time_minute_of_day (start));
  to = rg_format_clock (rg_time_minute_of_day (end));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Book Outside Working Hours?"), NULL);
  /* Translators: the staff member, the date, the start and the end */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s does not work on %s at %s–%s according to the schedule."),
                                  rg_appointment_editor_get_staff_name (self), date, from, to);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "book", self->appointment ? _("_Save Anyway") : _("_Book Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "book", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "book");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (hours_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
rg_appointment_editor_save_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "editor.book-free", NULL, book_free_activated);
}
