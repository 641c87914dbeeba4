/* rg-appointment-editor.c — the window that books and edits an appointment.
 *
 * Made for the front desk with a queue: the client search takes a few
 * letters or the last digits of a phone, arrows and Enter pick; a client
 * who is not in the book yet is added with just a name and a phone. The
 * services add up into the length and the price; the price can be typed
 * over. Every change checks the booking rules (RgBooking) at once: another
 * appointment in the way is named under the time and Save waits until the
 * time is free; time outside the master's working hours is booked only
 * after a question. A repeating booking lists the weeks that are taken
 * before it books the free ones. Nothing typed is lost on an error: the
 * message shows at the top and the fields stay as they were.
 *
 * This file has the fields, the checks as they change, closing and setting
 * up. The client picker is in rg-appointment-editor-client.c, the services
 * in rg-appointment-editor-services.c, and saving with the page that lists
 * a series in rg-appointment-editor-save.c; they share the struct and the
 * helpers of rg-appointment-editor-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-appointment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-roles.h"
#include "model/rg-format.h"
#include "model/rg-staff.h"
#include "rg-appointment-editor-private.h"
#include "widgets/common/rg-time-spin.h"

#define DEFAULT_LENGTH 60
#define DEFAULT_REPEAT_WEEKS 12

G_DEFINE_FINAL_TYPE (RgAppointmentEditor, rg_appointment_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Formatting ------------------------------------------------------------------ */

char *
rg_appointment_editor_format_length (int minutes)
{
  if (minutes < 60)
    /* Translators: a length of time under an hour */
    return g_strdup_printf (_("%d min"), minutes);
  if (minutes % 60 == 0)
    /* Translators: a length of time in whole hours */
    return g_strdup_printf (_("%d h"), minutes / 60);
  /* Translators: a length of time, hours and minutes, e.g. "1 h 30 min" */
  return g_strdup_printf (_("%d h %d min"), minutes / 60, minutes % 60);
}

static void
select_calendar_day (GtkCalendar *calendar,
                     RgDate       date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 0, 0, 0);

  if (dt)
    gtk_calendar_select_day (calendar, dt);
}

static RgDate
calendar_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  RgDate date;

  g_date_time_get_ymd (dt, &date.year, &date.month, &date.day);
  return date;
}

/* The error at the top --------------------------------------------------------- */

void
rg_appointment_editor_show_error (RgAppointmentEditor *self,
                                  const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

void
rg_appointment_editor_hide_error (RgAppointmentEditor *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
dismiss_error_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  rg_appointment_editor_hide_error (RG_APPOINTMENT_EDITOR (widget));
}

static void dirty_changed_cb (RgAppointmentEditor *self);

/* A change the user made. The error of the last save speaks of the form
 * as it was: it goes (it covered the client field it asked for). */
void
rg_appointment_editor_mark_dirty (RgAppointmentEditor *self)
{
  if (self->updating)
    return;
  self->dirty = TRUE;
  rg_appointment_editor_hide_error (self);
  adw_preferences_group_set_description (self->when_group, NULL);
  dirty_changed_cb (self);
}

/* Fields ------------------------------------------------------------------------ */

int
rg_appointment_editor_get_start_minute (RgAppointmentEditor *self)
{
  return (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (self->start_spin));
}

static gint64
starts_at (RgAppointmentEditor *self)
{
  return rg_time_from_local (self->date, rg_appointment_editor_get_start_minute (self));
}

gint64
rg_appointment_editor_get_staff_id (RgAppointmentEditor *self)
{
  guint position = adw_combo_row_get_selected (self->staff_row);
  g_autoptr(RgStaff) staff = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return 0;
  staff = g_list_model_get_item (G_LIST_MODEL (self->staff), position);
  return staff ? rg_record_get_id (RG_RECORD (staff)) : 0;
}

const char *
rg_appointment_editor_get_staff_name (RgAppointmentEditor *self)
{
  RgStaff *staff = rg_record_list_find (self->staff, rg_appointment_editor_get_staff_id (self), NULL);

  return staff ? rg_staff_get_display_name (staff) : "";
}

void
rg_appointment_editor_set_staff (RgAppointmentEditor *self,
                                 gint64               id)
{
  guint position;

  if (id != 0 && rg_record_list_find (self->staff, id, &position))
    adw_combo_row_set_selected (self->staff_row, position);
}

static int
total_minutes (RgAppointmentEditor *self)
{
  int total = 0;

  for (guint i = 0; i < self->chosen->len; i++)
    total += g_array_index (self->chosen, RgBookingService, i).duration_minutes;
  return total;
}

static int
length_minutes (RgAppointmentEditor *self)
{
  if (self->chosen->len > 0)
    return total_minutes (self);
  return self->length_hint > 0 ? self->length_hint : DEFAULT_LENGTH;
}

RgAppointmentStatus
rg_appointment_editor_get_chosen_status (RgAppointmentEditor *self)
{
  guint position = adw_combo_row_get_selected (self->status_row);

  if (self->statuses == NULL || position >= self->statuses->len)
    return self->appointment ? rg_appointment_get_status (self->appointment) : RG_APPOINTMENT_BOOKED;
  return g_array_index (self->statuses, RgAppointmentStatus, position);
}

gboolean
rg_appointment_editor_is_repeating (RgAppointmentEditor *self)
{
  return self->appointment == NULL && adw_expander_row_get_enable_expansion (self->repeat_row);
}

static void
update_date_label (RgAppointmentEditor *self)
{
  g_autofree char *text = rg_format_day (self->date);
  g_autofree char *until = rg_format_day (self->until);

  gtk_menu_button_set_label (self->date_button, text);
  gtk_menu_button_set_label (self->until_button, until);
}

/* Keeps the end of a repetition after the first and within a year of it. */
static void
clamp_until (RgAppointmentEditor *self)
{
  RgDate limit = rg_date_add_days (self->date, 365);

  if (!rg_date_valid (self->until) || rg_date_compare (self->until, self->date) < 0)
    self->until = rg_date_add_days (self->date, 7 * DEFAULT_REPEAT_WEEKS);
  if (rg_date_compare (self->until, limit) > 0)
    self->until = limit;
}

static void
set_date (RgAppointmentEditor *self,
          RgDate               date)
{
  gboolean updating = self->updating;

  self->date = date;
  clamp_until (self);
  self->updating = TRUE;
  select_calendar_day (self->date_calendar, self->date);
  select_calendar_day (self->until_calendar, self->until);
  self->updating = updating;
  update_date_label (self);
}

static void
set_start (RgAppointmentEditor *self,
           gint64               unix_seconds)
{
  gboolean updating = self->updating;

  set_date (self, rg_date_from_time (unix_seconds));
  self->updating = TRUE;
  gtk_spin_button_set_value (self->start_spin, rg_time_minute_of_day (unix_seconds));
  self->updating = updating;
}

/* Validation as the fields change ----------------------------------------------- */

static void
update_repeat_summary (RgAppointmentEditor *self)
{
  int every = gtk_spin_button_get_value_as_int (self->every_spin);
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GError) error = NULL;

  gtk_label_set_text (self->every_label, g_dngettext (GETTEXT_PACKAGE, "week", "weeks", every));

  if (!adw_expander_row_get_enable_expansion (self->repeat_row))
    {
      adw_expander_row_set_subtitle (self->repeat_row, _("Keep this time for a regular client"));
      return;
    }

  starts = rg_booking_expand_series (starts_at (self), every, self->until, &error);
  if (starts == NULL)
    adw_expander_row_set_subtitle (self->repeat_row, error->message);
  else
    {
      g_autofree char *until = rg_format_day (self->until);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u time, until %s",
                                                            "%u times, until %s",
                                                            starts->len),
                                               starts->len, until);
      adw_expander_row_set_subtitle (self->repeat_row, text);
    }
}

void
rg_appointment_editor_revalidate (RgAppointmentEditor *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *length = NULL;
  gint64 start = starts_at (self);
  int minutes = length_minutes (self);
  gint64 staff = rg_appointment_editor_get_staff_id (self);
  gint64 client = self->client ? rg_record_get_id (RG_RECORD (self->client)) : 0;
  gint64 id = self->appointment ? rg_record_get_id (RG_RECORD (self->appointment)) : 0;
  gboolean blocked;
  RgDate end_date;

  if (self->staff == NULL)
    return;

  /* When it ends, and how long it takes. */
  end = rg_format_clock (rg_appointment_editor_get_start_minute (self) + minutes);
  end_date = rg_date_from_time (start + (gint64) minutes * 60);
  if (rg_date_compare (end_date, self->date) != 0)
    /* Translators: the end of an appointment that runs past midnight */
    subtitle = g_strdup_printf (_("Ends at %s the next day"), end);
  else
    /* Translators: the end of an appointment, e.g. "Ends at 15:30" */
    subtitle = g_strdup_printf (_("Ends at %s"), end);
  adw_action_row_set_subtitle (self->time_row, subtitle);

  length = rg_appointment_editor_format_length (total_minutes (self));
  adw_action_row_set_subtitle (self->total_row, self->chosen->len ? length : _("Choose one or more services"));

  /* Another appointment in the way. */
  self->has_conflict = FALSE;
  if (staff != 0 && rg_booking_status_is_active (rg_appointment_editor_get_chosen_status (self)))
    {
      RgBookingSpan span = {
        .appointment_id = id,
        .client_id = client,
        .staff_id = staff,
        .starts_at = start,
        .ends_at = start + (gint64) minutes * 60,
        .allow_overlap = gtk_switch_get_active (self->overlap_switch),
      };

      conflicts = rg_booking_find_conflicts (self->studio, &span, &error);
      if (conflicts == NULL)
        g_warning ("Could not look for conflicts: %s", error->message);
    }

  if (conflicts && conflicts->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < conflicts->len; i++)
        {
          const RgBookingConflict *c = g_ptr_array_index (conflicts, i);

          if (i > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, c->message);
        }
      gtk_label_set_text (self->conflict_label, text->str);
      self->has_conflict = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_label), self->has_conflict);

  /* Outside the working hours: allowed, after a question on Save. */
  self->within_hours = TRUE;
  g_clear_error (&error);
  if (staff != 0 && !rg_booking_check_hours (self->studio, staff, start, start + (gint64) minutes * 60,
                                             &self->within_hours, &error))
    {
      g_warning ("Could not check the working hours: %s", error->message);
      self->within_hours = TRUE;
    }
  if (!self->within_hours)
    {
      /* Translators: the staff member's name */
      g_autofree char *text = g_strdup_printf (_("This is outside %s’s working hours."),
                                               rg_appointment_editor_get_staff_name (self));
      gtk_label_set_text (self->hours_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hours_label), !self->within_hours);

  /* A series may still book its free weeks: Save lists them first. */
  blocked = self->has_conflict && !rg_appointment_editor_is_repeating (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !blocked);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               blocked ? _("The time is taken; choose another time or master")
                                       : _("Save (Ctrl+Enter)"));
  update_repeat_summary (self);
}

static void
changes_cb (RgAppointmentEditor *self,
            RgChanges            changes)
{
  if ((changes & (RG_CHANGES_APPOINTMENTS | RG_CHANGES_SCHEDULE | RG_CHANGES_STAFF)) == 0)
    return;
  /* Someone else booked meanwhile: the conflicts may have changed. */
  if (gtk_stack_get_visible_child_name (self->pages) &&
      g_str_equal (gtk_stack_get_visible_child_name (self->pages), "form"))
    rg_appointment_editor_revalidate (self);
}

/* Lists of rows ------------------------------------------------------------- */

void
rg_appointment_editor_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

/* Moves the highlight of a list driven from a search entry to the next
 * (@delta 1) or previous (-1) row that is shown. */
static void
move_highlight (GtkListBox *list,
                int         delta)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (list);
  int index = selected ? gtk_list_box_row_get_index (selected) : -1;
  GtkListBoxRow *row;

  for (int i = index + delta; (row = gtk_list_box_get_row_at_index (list, i)); i += delta)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)) && gtk_widget_get_visible (GTK_WIDGET (row)))
      {
        gtk_list_box_select_row (list, row);
        return;
      }
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkListBox            *list)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down && keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Up)
    return FALSE;

  /* The highlight moves, typing goes on in the entry. */
  move_highlight (list, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1);
  return TRUE;
}

/* When, who, how --------------------------------------------------------------- */

static void
staff_selected_cb (RgAppointmentEditor *self)
{
  if (!self->updating)
    {
      self->staff_chosen = TRUE;
      rg_appointment_editor_mark_dirty (self);
    }
  rg_appointment_editor_revalidate (self);
}

static void
date_selected_cb (RgAppointmentEditor *self)
{
  if (self->updating)
    return;
  set_date (self, calendar_date (self->date_calendar));
  gtk_menu_button_popdown (self->date_button);
  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_revalidate (self);
}

static void
until_selected_cb (RgAppointmentEditor *self)
{
  if (self->updating)
    return;
  self->until = calendar_date (self->until_calendar);
  clamp_until (self);
  update_date_label (self);
  gtk_menu_button_popdown (self->until_button);
  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_revalidate (self);
}

static void
start_changed_cb (RgAppointmentEditor *self)
{
  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_revalidate (self);
}

static void
overlap_changed_cb (RgAppointmentEditor *self)
{
  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_revalidate (self);
}

static void
note_changed_cb (RgAppointmentEditor *self)
{
  rg_appointment_editor_mark_dirty (self);
}

static void
status_selected_cb (RgAppointmentEditor *self)
{
  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_revalidate (self);
}

static void
repeat_changed_cb (RgAppointmentEditor *self)
{
  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_revalidate (self);
}

void
rg_appointment_editor_set_status (RgAppointmentEditor *self,
                                  RgAppointmentStatus  status)
{
  g_return_if_fail (RG_IS_APPOINTMENT_EDITOR (self));

  for (guint i = 0; self->statuses && i < self->statuses->len; i++)
    if (g_array_index (self->statuses, RgAppointmentStatus, i) == status)
      adw_combo_row_set_selected (self->status_row, i);
}

void
rg_appointment_editor_set_repeat (RgAppointmentEditor *self,
                                  int                  every_weeks,
                                  RgDate               until)
{
  g_return_if_fail (RG_IS_APPOINTMENT_EDITOR (self));

  adw_expander_row_set_enable_expansion (self->repeat_row, every_weeks > 0);
  if (every_weeks > 0)
    gtk_spin_button_set_value (self->every_spin, every_weeks);
  if (rg_date_valid (until))
    {
      self->until = until;
      clamp_until (self);
      self->updating = TRUE;
      select_calendar_day (self->until_calendar, self->until);
      self->updating = FALSE;
      update_date_label (self);
    }
  rg_appointment_editor_revalidate (self);
}

/* Free slot ------------------------------------------------------------------ */

static void
free_slot_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);
  const char *who = g_variant_get_string (parameter, NULL);
  gint64 staff = g_str_equal (who, "any") ? 0 : rg_appointment_editor_get_staff_id (self);
  gint64 service = self->chosen->len ? g_array_index (self->chosen, RgBookingService, 0).service_id : 0;
  g_autoptr(GError) error = NULL;
  RgBookingSlot slot = { 0 };
  gboolean found = FALSE;

  rg_appointment_editor_hide_error (self);
  if (!rg_booking_find_free_slot (self->studio, service, staff, length_minutes (self),
                                  rg_time_now (), 0, &slot, &found, &error))
    {
      rg_appointment_editor_show_error (self, error->message);
      return;
    }
  if (!found)
    {
      g_autofree char *message = NULL;

      if (staff != 0)
        /* Translators: the staff member's name; the number of days looked at */
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s has no free time of this length in the next %d day.",
                                                "%s has no free time of this length in the next %d days.",
                                                RG_BOOKING_SLOT_DAYS),
                                   rg_appointment_editor_get_staff_name (self), RG_BOOKING_SLOT_DAYS);
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "No one has free time of this length in the next %d day.",
                                                "No one has free time of this length in the next %d days.",
                                                RG_BOOKING_SLOT_DAYS),
                                   RG_BOOKING_SLOT_DAYS);
      rg_appointment_editor_show_error (self, message);
      return;
    }

  self->updating = TRUE;
  rg_appointment_editor_set_staff (self, slot.staff_id);
  set_start (self, slot.starts_at);
  self->updating = FALSE;
  self->staff_chosen = TRUE;
  rg_appointment_editor_mark_dirty (self);
  rg_appointment_editor_revalidate (self);
}

/* Closing -------------------------------------------------------------------- */

void
rg_appointment_editor_finish (RgAppointmentEditor *self,
                              RgAppointment       *appointment)
{
  g_autoptr(RgAppointmentEditor) keep = g_object_ref (self);

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, appointment);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (data);
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     RgAppointmentEditor *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->dirty = FALSE;
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
    }
}

/* Cancel, Escape or the close button: back from the series page, else
 * close, asking first when something was changed. */
void
rg_appointment_editor_cancel (RgAppointmentEditor *self)
{
  GtkWidget *dialog;

  if (g_str_equal (gtk_stack_get_visible_child_name (self->pages), "series"))
    {
      rg_appointment_editor_show_form (self);
      return;
    }

  if (!self->dirty)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   self->appointment ? _("Discard Changes?") : _("Discard the Appointment?"),
                                   _("What you entered here will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rg_appointment_editor_cancel (RG_APPOINTMENT_EDITOR (widget));
}

static gboolean
rg_appointment_editor_close_request (GtkWindow *window)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (window);

  if (self->dirty)
    {
      rg_appointment_editor_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (rg_appointment_editor_parent_class)->close_request (window);
}

/* Setting up ----------------------------------------------------------------- */

/* The till takes the visit as it is saved: the editor closes and the
 * window's check-out opens. */
static void
check_out_clicked_cb (RgAppointmentEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 id = rg_record_get_id (RG_RECORD (self->appointment));

  if (self->dirty || parent == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.check-out", "x", id);
}

static void
dirty_changed_cb (RgAppointmentEditor *self)
{
  GtkWidget *button = adw_preferences_group_get_header_suffix (self->status_group);

  if (button == NULL)
    return;
  gtk_widget_set_sensitive (button, !self->dirty);
  gtk_widget_set_tooltip_text (button, self->dirty ? _("Save the changes first") : _("Take the payment for this visit"));
}

static void
load_statuses (RgAppointmentEditor *self)
{
  static const RgAppointmentStatus order[] = {
    RG_APPOINTMENT_BOOKED, RG_APPOINTMENT_CONFIRMED, RG_APPOINTMENT_ARRIVED,
    RG_APPOINTMENT_DONE, RG_APPOINTMENT_CANCELLED, RG_APPOINTMENT_NO_SHOW,
  };
  RgAppointmentStatus current = rg_appointment_get_status (self->appointment);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  self->statuses = g_array_new (FALSE, FALSE, sizeof (RgAppointmentStatus));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] == current || rg_booking_status_can_change (current, order[i]))
      {
        if (order[i] == current)
          selected = self->statuses->len;
        g_array_append_val (self->statuses, order[i]);
        gtk_string_list_append (labels, rg_booking_status_to_string (order[i]));
      }

  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->status_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), self->statuses->len > 1);
  if (self->statuses->len <= 1)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), _("Final: this visit is over"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), TRUE);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);

  if (current != RG_APPOINTMENT_DONE && rg_booking_status_can_change (current, RG_APPOINTMENT_DONE))
    {
      GtkWidget *check_out = gtk_button_new_with_mnemonic (_("Check _Out…"));

      gtk_widget_add_css_class (check_out, "flat");
      gtk_widget_set_valign (check_out, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (check_out, "clicked", G_CALLBACK (check_out_clicked_cb), self);
      adw_preferences_group_set_header_suffix (self->status_group, check_out);
      dirty_changed_cb (self);
    }
}

static void
load_appointment (RgAppointmentEditor *self)
{
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(RgClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  draft = rg_booking_draft_new_for_appointment (self->studio, self->appointment, &error);
  if (draft == NULL)
    {
      rg_appointment_editor_show_error (self, error->message);
      return;
    }

  client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT, draft->client_id, NULL);
  g_set_object (&self->client, client);
  rg_appointment_editor_update_client (self);

  rg_appointment_editor_set_staff (self, draft->staff_id);
  self->staff_chosen = TRUE;
  set_start (self, draft->starts_at);
  g_array_append_vals (self->chosen, draft->services->data, draft->services->len);
  self->price_override = draft->price_override;
  self->price = draft->price;
  gtk_switch_set_active (self->overlap_switch, draft->allow_overlap);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), draft->note ? draft->note : "");

  if (self->price_override)
    {
      g_autofree char *text = rg_format_money (draft->price);
      gtk_editable_set_text (GTK_EDITABLE (self->total_entry), text);
    }

  load_statuses (self);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_group), FALSE);

  adw_window_title_set_title (self->window_title, _("Edit Appointment"));
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Appointment"));
  if (rg_appointment_get_series_id (self->appointment) != 0)
    adw_window_title_set_subtitle (self->window_title, _("Repeats"));
}

static void
rg_appointment_editor_dispose (GObject *object)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (object);

  if (self->studio && self->committed_id)
    g_clear_signal_handler (&self->committed_id, self->studio);

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_APPOINTMENT_EDITOR);

  g_clear_object (&self->client);
  g_clear_pointer (&self->call, g_free);
  g_clear_object (&self->duplicate);
  g_clear_object (&self->appointment);
  g_clear_object (&self->staff);
  g_clear_object (&self->services);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_appointment_editor_parent_class)->dispose (object);
}

static void
rg_appointment_editor_finalize (GObject *object)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (object);

  g_clear_pointer (&self->chosen, g_array_unref);
  g_clear_pointer (&self->service_rows, g_ptr_array_unref);
  g_clear_pointer (&self->statuses, g_array_unref);

  G_OBJECT_CLASS (rg_appointment_editor_parent_class)->finalize (object);
}

static void
rg_appointment_editor_class_init (RgAppointmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rg_appointment_editor_dispose;
  object_class->finalize = rg_appointment_editor_finalize;
  window_class->close_request = rg_appointment_editor_close_request;

  /**
   * RgAppointmentEditor::saved:
   * @appointment: the appointment saved (the first of a new series)
   *
   * The appointment was written; the editor closes right after.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RG_TYPE_APPOINTMENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-appointment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, pages);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, client_stack);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, client_entry);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, client_list);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, client_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, client_avatar);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, medical_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, new_phone_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, new_client_error);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, duplicate_list);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, duplicate_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, services_list);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, add_service_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, add_service_button);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, service_popover);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, service_entry);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, service_pick_list);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, total_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, reset_price_button);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, total_entry);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, staff_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, start_spin);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, overlap_switch);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, hours_label);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, when_group);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, every_spin);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, every_label);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, until_button);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, status_group);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, series_group);
  gtk_widget_class_bind_template_child (widget_class, RgAppointmentEditor, series_list);

  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, until_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, overlap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "editor.free-slot", "s", free_slot_activated);
  gtk_widget_class_install_action (widget_class, "editor.dismiss-error", NULL, dismiss_error_activated);

  /* Each section binds its own template callbacks and installs its actions. */
  rg_appointment_editor_client_class_init (widget_class);
  rg_appointment_editor_services_class_init (widget_class);
  rg_appointment_editor_save_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rg_appointment_editor_init (RgAppointmentEditor *self)
{
  GtkEventController *keys;

  self->chosen = g_array_new (FALSE, FALSE, sizeof (RgBookingService));
  self->service_rows = g_ptr_array_new ();
  self->within_hours = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The total takes an amount; the currency beside it says of what. */
  if (rg_format_currency_symbol () && GTK_IS_BOX (gtk_widget_get_parent (GTK_WIDGET (self->total_entry))))
    {
      GtkWidget *symbol = gtk_label_new (rg_format_currency_symbol ());

      gtk_widget_add_css_class (symbol, "dim-label");
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->total_entry))), symbol,
                                  GTK_WIDGET (self->total_entry));
    }
  rg_time_spin_setup (self->start_spin, RG_TIME_SPIN_CLOCK);
  rg_appointment_editor_services_init (self);

  /* Arrows move through the matches while typing goes on. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self->client_list);
  gtk_widget_add_controller (GTK_WIDGET (self->client_entry), keys);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self->service_pick_list);
  gtk_widget_add_controller (GTK_WIDGET (self->service_entry), keys);

  adw_window_title_set_title (self->window_title, _("New Appointment"));
  gtk_window_set_title (GTK_WINDOW (self), _("New Appointment"));
}

static void
setup (RgAppointmentEditor *self)
{
  g_autofree char *staff_sql = NULL;
  gint64 current_staff = self->appointment ? rg_appointment_get_staff_id (self->appointment) : 0;
  g_autoptr(GtkExpression) name = NULL;
  RgDate today = rg_date_today ();
  gint64 now = rg_time_now ();
  int minute;

  /* Who takes bookings; an archived master stays listed on their own
   * appointments. The id is a number, not user text. */
  if (rg_studio_has_profiles (self->studio) &&
      rg_role_allows (rg_studio_get_session_role (self->studio), RG_ACTION_BOOK) == RG_ALLOW_OWN)
    /* A master books in their own column only (the model refuses others). */
    staff_sql = g_strdup_printf ("WHERE id = %" G_GINT64_FORMAT, rg_studio_get_session_staff (self->studio));
  else
    staff_sql = g_strdup_printf ("WHERE (archived = 0 AND role IN ('master', 'resource')) OR id = %" G_GINT64_FORMAT " "
                                 "ORDER BY archived, position, display_name, id",
                                 current_staff);
  self->staff = rg_record_list_new (self->studio, RG_TYPE_STAFF, staff_sql);
  self->services = rg_record_list_new_services (self->studio, FALSE);

  self->updating = TRUE;
  name = gtk_property_expression_new (RG_TYPE_STAFF, NULL, "display-name");
  adw_combo_row_set_expression (self->staff_row, name);
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (self->staff));
  g_signal_connect_swapped (self->staff_row, "notify::selected", G_CALLBACK (staff_selected_cb), self);
  rg_appointment_editor_fill_service_picker (self);
  g_signal_connect_object (self->services, "items-changed", G_CALLBACK (rg_appointment_editor_fill_service_picker),
                           self, G_CONNECT_SWAPPED);

  /* A new appointment starts at the next quarter of an hour today. */
  minute = (rg_time_minute_of_day (now) + RG_BOOKING_SNAP_MINUTES - 1) / RG_BOOKING_SNAP_MINUTES * RG_BOOKING_SNAP_MINUTES;
  minute = MIN (minute, RG_MINUTES_PER_DAY - RG_BOOKING_SNAP_MINUTES);
  set_date (self, today);
  gtk_spin_button_set_value (self->start_spin, minute);

  /* A new booking starts with the client; a change, most often, with
   * the time (never with Cancel, where Enter would lose the change). */
  if (self->appointment)
    {
      load_appointment (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->start_spin));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->client_entry));

  rg_appointment_editor_rebuild_services (self);
  self->updating = FALSE;
  self->dirty = FALSE;

  self->committed_id = g_signal_connect_swapped (self->studio, "changes", G_CALLBACK (changes_cb), self);
  rg_appointment_editor_revalidate (self);
}

/**
 * rg_appointment_editor_new:
 * @parent: (nullable): the main window
 * @studio: the studio
 * @appointment: (nullable): the appointment to edit, or %NULL for a new one
 *
 * Returns: (transfer none): the editor, not yet shown; it owns itself
 *   until closed, like any toplevel.
 */
RgAppointmentEditor *
rg_appointment_editor_new (GtkWindow     *parent,
                           RgStudio      *studio,
                           RgAppointment *appointment)
{
  RgAppointmentEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (appointment == NULL || RG_IS_APPOINTMENT (appointment), NULL);

  self = g_object_new (RG_TYPE_APPOINTMENT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->studio = g_object_ref (studio);
  self->appointment = appointment ? g_object_ref (appointment) : NULL;
  setup (self);
  return self;
}

/* From a drag over free time: the staff member's column (0: keep), the
 * start, and the end as a hint of the length until services are chosen. */
void
rg_appointment_editor_prefill (RgAppointmentEditor *self,
                               gint64               staff,
                               gint64               start,
                               gint64               end)
{
  g_return_if_fail (RG_IS_APPOINTMENT_EDITOR (self));

  self->updating = TRUE;
  if (staff != 0)
    {
      rg_appointment_editor_set_staff (self, staff);
      self->staff_chosen = TRUE;
    }
  if (start != 0)
    set_start (self, start);
  if (end > start && start != 0)
    self->length_hint = (int) MIN ((end - start) / 60, RG_BOOKING_MAX_MINUTES);
  self->updating = FALSE;
  rg_appointment_editor_revalidate (self);
}

/* A new booking opens on time it can use: the first free slot from @from
 * for its services' length, with the master chosen (the client's own, a
 * call's usual one) or, when they have none, with the next free master;
 * the "When" group says where it was put and why. */
void
rg_appointment_editor_start_first_free (RgAppointmentEditor *self,
                                        gint64               from)
{
  gint64 staff = self->staff_chosen ? rg_appointment_editor_get_staff_id (self) : 0;
  gint64 service = self->chosen->len ? g_array_index (self->chosen, RgBookingService, 0).service_id : 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *text = NULL;
  RgBookingSlot slot = { 0 };
  gboolean found = FALSE, other = FALSE;

  g_return_if_fail (RG_IS_APPOINTMENT_EDITOR (self));
  g_return_if_fail (self->appointment == NULL);

  if (!rg_booking_find_free_slot (self->studio, service, staff, length_minutes (self), from, 0,
                                  &slot, &found, &error))
    {
      rg_appointment_editor_show_error (self, error->message);
      return;
    }
  if (!found && staff != 0)
    {
      other = TRUE;
      if (!rg_booking_find_free_slot (self->studio, service, 0, length_minutes (self), from, 0,
                                      &slot, &found, &error))
        {
          rg_appointment_editor_show_error (self, error->message);
          return;
        }
    }
  if (!found)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No one has free time of this length in the next %d day.",
                                           "No one has free time of this length in the next %d days.",
                                           RG_BOOKING_SLOT_DAYS),
                              RG_BOOKING_SLOT_DAYS);
      adw_preferences_group_set_description (self->when_group, text);
      return;
    }

  self->updating = TRUE;
  rg_appointment_editor_set_staff (self, slot.staff_id);
  set_start (self, slot.starts_at);
  self->updating = FALSE;
  self->staff_chosen = TRUE;
  rg_appointment_editor_revalidate (self);

  day = rg_format_day (rg_date_from_time (slot.starts_at));
  clock = rg_format_clock (rg_time_minute_of_day (slot.starts_at));
  if (other)
    /* Translators: where a new booking was put: the master, the day and the time */
    text = g_strdup_printf (_("Their master has no free time ahead: the first free time is with %s, %s at %s."),
                            rg_appointment_editor_get_staff_name (self), day, clock);
  else
    /* Translators: where a new booking was put: the master, the day and the time */
    text = g_strdup_printf (_("The first free time: %s, %s at %s."),
                            rg_appointment_editor_get_staff_name (self), day, clock);
  adw_preferences_group_set_description (self->when_group, text);
}

RgAppointment *
rg_appointment_editor_get_appointment (RgAppointmentEditor *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), NULL);
  return self->appointment;
}

/* A new booking made in @call: saving it logs the call as booked, in the
 * same transaction (rg_call_book()). */
void
rg_appointment_editor_set_call (RgAppointmentEditor *self,
                                const RgCall        *call)
{
  g_return_if_fail (RG_IS_APPOINTMENT_EDITOR (self));
  g_return_if_fail (self->appointment == NULL);

  g_clear_pointer (&self->call, g_free);
  if (call)
    self->call = g_memdup2 (call, sizeof *call);
}

/* After ::saved: whether that save marked the visit done (the calendar
 * then asks for a rating). */
gboolean
rg_appointment_editor_became_done (RgAppointmentEditor *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), FALSE);
  return self->became_done;
}
