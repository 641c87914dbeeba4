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
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-appointment-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/rg-format.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "store/rg-search.h"
#include "store/rg-text.h"
#include "rg-appointment-editor-private.h"
#include "rg-time-spin.h"

#define MAX_MATCHES 8
#define DEFAULT_LENGTH 60
#define DEFAULT_REPEAT_WEEKS 12

G_DEFINE_FINAL_TYPE (RgAppointmentEditor, rg_appointment_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void revalidate (RgAppointmentEditor *self);

/* Formatting ------------------------------------------------------------------ */

static char *
format_clock (int minute)
{
  minute = ((minute % RG_MINUTES_PER_DAY) + RG_MINUTES_PER_DAY) % RG_MINUTES_PER_DAY;
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

static char *
format_length (int minutes)
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

static char *
format_date (RgDate date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);

  /* Translators: a date in the editor, see the strftime manual; e.g. "Tue, 24 November 2026" */
  return dt ? g_date_time_format (dt, _("%a, %-d %B %Y")) : g_strdup ("");
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

static void
show_error (RgAppointmentEditor *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_error (RgAppointmentEditor *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
dismiss_error_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  hide_error (RG_APPOINTMENT_EDITOR (widget));
}

static void
mark_dirty (RgAppointmentEditor *self)
{
  if (!self->updating)
    self->dirty = TRUE;
}

/* Fields ------------------------------------------------------------------------ */

static int
start_minute (RgAppointmentEditor *self)
{
  return (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (self->start_spin));
}

static gint64
starts_at (RgAppointmentEditor *self)
{
  return rg_time_from_local (self->date, start_minute (self));
}

static gint64
staff_id (RgAppointmentEditor *self)
{
  guint position = adw_combo_row_get_selected (self->staff_row);
  g_autoptr(RgStaff) staff = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return 0;
  staff = g_list_model_get_item (G_LIST_MODEL (self->staff), position);
  return staff ? rg_record_get_id (RG_RECORD (staff)) : 0;
}

static const char *
staff_name (RgAppointmentEditor *self)
{
  RgStaff *staff = rg_record_list_find (self->staff, staff_id (self), NULL);

  return staff ? rg_staff_get_display_name (staff) : "";
}

static void
set_staff (RgAppointmentEditor *self,
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

static gint64
services_price (RgAppointmentEditor *self)
{
  gint64 total = 0;

  for (guint i = 0; i < self->chosen->len; i++)
    total += g_array_index (self->chosen, RgBookingService, i).price;
  return total;
}

static RgAppointmentStatus
chosen_status (RgAppointmentEditor *self)
{
  guint position = adw_combo_row_get_selected (self->status_row);

  if (self->statuses == NULL || position >= self->statuses->len)
    return self->appointment ? rg_appointment_get_status (self->appointment) : RG_APPOINTMENT_BOOKED;
  return g_array_index (self->statuses, RgAppointmentStatus, position);
}

static gboolean
repeating (RgAppointmentEditor *self)
{
  return self->appointment == NULL && adw_expander_row_get_enable_expansion (self->repeat_row);
}

static void
update_date_label (RgAppointmentEditor *self)
{
  g_autofree char *text = format_date (self->date);
  g_autofree char *until = format_date (self->until);

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
      g_autofree char *until = format_date (self->until);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u time, until %s",
                                                            "%u times, until %s",
                                                            starts->len),
                                               starts->len, until);
      adw_expander_row_set_subtitle (self->repeat_row, text);
    }
}

static void
revalidate (RgAppointmentEditor *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *length = NULL;
  gint64 start = starts_at (self);
  int minutes = length_minutes (self);
  gint64 staff = staff_id (self);
  gint64 client = self->client ? rg_record_get_id (RG_RECORD (self->client)) : 0;
  gint64 id = self->appointment ? rg_record_get_id (RG_RECORD (self->appointment)) : 0;
  gboolean blocked;
  RgDate end_date;

  if (self->staff == NULL)
    return;

  /* When it ends, and how long it takes. */
  end = format_clock (start_minute (self) + minutes);
  end_date = rg_date_from_time (start + (gint64) minutes * 60);
  if (rg_date_compare (end_date, self->date) != 0)
    /* Translators: the end of an appointment that runs past midnight */
    subtitle = g_strdup_printf (_("Ends at %s the next day"), end);
  else
    /* Translators: the end of an appointment, e.g. "Ends at 15:30" */
    subtitle = g_strdup_printf (_("Ends at %s"), end);
  adw_action_row_set_subtitle (self->time_row, subtitle);

  length = format_length (total_minutes (self));
  adw_action_row_set_subtitle (self->total_row, self->chosen->len ? length : _("Choose one or more services"));

  /* Another appointment in the way. */
  self->has_conflict = FALSE;
  if (staff != 0 && rg_booking_status_is_active (chosen_status (self)))
    {
      conflicts = rg_booking_find_conflicts (self->studio, id, client, staff, start,
                                             start + (gint64) minutes * 60,
                                             gtk_switch_get_active (self->overlap_switch), &error);
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
      g_autofree char *text = g_strdup_printf (_("This is outside %s’s working hours."), staff_name (self));
      gtk_label_set_text (self->hours_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hours_label), !self->within_hours);

  /* A series may still book its free weeks: Save lists them first. */
  blocked = self->has_conflict && !repeating (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !blocked);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               blocked ? _("The time is taken; choose another time or master")
                                       : _("Save (Ctrl+Enter)"));
  update_repeat_summary (self);
}

static void
store_committed_cb (RgAppointmentEditor *self)
{
  /* Someone else booked meanwhile: the conflicts may have changed. */
  if (gtk_stack_get_visible_child_name (self->pages) &&
      g_str_equal (gtk_stack_get_visible_child_name (self->pages), "form"))
    revalidate (self);
}

/* Client ------------------------------------------------------------------------ */

static char *
describe_client (RgClient *client)
{
  const char *full_name = rg_client_get_full_name (client);

  if (full_name && *full_name && g_strcmp0 (full_name, rg_client_get_address_as (client)) != 0)
    return g_strdup_printf ("%s · %s", rg_client_get_phone (client), full_name);
  return g_strdup (rg_client_get_phone (client));
}

static void
update_client (RgAppointmentEditor *self)
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
      set_staff (self, rg_client_get_preferred_staff_id (client));
      self->updating = updating;
    }

  update_client (self);
  revalidate (self);
}

RgClient *
rg_appointment_editor_get_client (RgAppointmentEditor *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), NULL);
  return self->client;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
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
  clear_list (self->client_list);

  if (*text == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->client_list), FALSE);
      return;
    }

  if (!rg_search_clients (rg_studio_get_store (self->studio), text, MAX_MATCHES, ids, &error))
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

  mark_dirty (self);
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
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter);

static void
client_stop_search_cb (RgAppointmentEditor *self)
{
  /* Escape clears the search first, then closes as elsewhere. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->client_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->client_entry), "");
  else
    cancel_activated (GTK_WIDGET (self), "editor.cancel", NULL);
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

static void
change_client_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);

  g_clear_object (&self->client);
  gtk_stack_set_visible_child_name (self->client_stack, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->client_entry));
  revalidate (self);
}

/* The client whose main phone has these digits, if any. */
static RgClient *
client_by_digits (RgAppointmentEditor *self,
                  const char          *digits)
{
  RgStore *store = rg_studio_get_store (self->studio);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  if (digits == NULL || *digits == '\0')
    return NULL;

  stmt = rg_store_prepare (store,
                           "SELECT id FROM clients WHERE phone_digits = ?1 AND deleted_at IS NULL "
                           "ORDER BY id LIMIT 1",
                           &error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, digits, -1, SQLITE_TRANSIENT);
  if (!rg_store_step_row (store, stmt, &row, &error) || !row)
    return NULL;

  return rg_studio_lookup (self->studio, RG_TYPE_CLIENT, sqlite3_column_int64 (stmt, 0), NULL);
}

static void
update_duplicate (RgAppointmentEditor *self)
{
  g_autofree char *digits = rg_phone_digits (gtk_editable_get_text (GTK_EDITABLE (self->new_phone_row)));
  g_autoptr(RgClient) client = client_by_digits (self, digits);

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

  mark_dirty (self);
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
      mark_dirty (self);
      rg_appointment_editor_set_client (self, client);
    }
}

/* Services ----------------------------------------------------------------------- */

static void
update_total (RgAppointmentEditor *self)
{
  g_autofree char *text = NULL;

  if (!self->price_override)
    {
      gboolean updating = self->updating;

      text = rg_format_money (services_price (self));
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->total_entry), text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->total_entry), "error");
      self->updating = updating;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reset_price_button), self->price_override);
}

static int
row_index (RgAppointmentEditor *self,
           GtkWidget           *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  guint index;

  if (row && g_ptr_array_find (self->service_rows, row, &index))
    return (int) index;
  return -1;
}

static void
duration_changed_cb (GtkSpinButton       *spin,
                     RgAppointmentEditor *self)
{
  int index = row_index (self, GTK_WIDGET (spin));

  if (index < 0)
    return;
  g_array_index (self->chosen, RgBookingService, index).duration_minutes = gtk_spin_button_get_value_as_int (spin);
  mark_dirty (self);
  revalidate (self);
}

static void
price_changed_cb (GtkEditable         *entry,
                  RgAppointmentEditor *self)
{
  int index = row_index (self, GTK_WIDGET (entry));
  gint64 price;

  if (index < 0 || self->updating)
    return;

  if (rg_format_parse_money (gtk_editable_get_text (entry), &price))
    {
      g_array_index (self->chosen, RgBookingService, index).price = price;
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");

  mark_dirty (self);
  update_total (self);
}

static GtkWidget *
chosen_service_row (RgAppointmentEditor    *self,
                    const RgBookingService *s,
                    guint                   index)
{
  g_autoptr(RgService) service = rg_studio_lookup (self->studio, RG_TYPE_SERVICE, s->service_id, NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (5, RG_BOOKING_MAX_MINUTES, 5);
  GtkWidget *price = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *price_text = rg_format_money (s->price);
  g_autofree char *remove_tooltip = NULL;
  const char *name = service ? rg_service_get_name (service) : "";

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), s->duration_minutes);
  gtk_adjustment_set_page_increment (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), 15);
  rg_time_spin_setup (GTK_SPIN_BUTTON (spin), RG_TIME_SPIN_DURATION);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, _("How long, for this client"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Duration"), -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (duration_changed_cb), self);

  gtk_editable_set_text (GTK_EDITABLE (price), price_text);
  gtk_editable_set_width_chars (GTK_EDITABLE (price), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (price), 7);
  gtk_editable_set_alignment (GTK_EDITABLE (price), 1);
  gtk_entry_set_input_purpose (GTK_ENTRY (price), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (price, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (price, _("Price"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (price), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Price"), -1);
  g_signal_connect (price, "changed", G_CALLBACK (price_changed_cb), self);

  /* Translators: the tooltip of a button that takes a service off the appointment */
  remove_tooltip = g_strdup_printf (_("Remove “%s”"), name);
  gtk_widget_set_tooltip_text (remove, remove_tooltip);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-service");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", index);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), price);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "duration", spin);
  g_object_set_data (G_OBJECT (row), "price", price);
  return row;
}

static void
rebuild_services (RgAppointmentEditor *self)
{
  gboolean updating = self->updating;

  self->updating = TRUE;
  for (guint i = 0; i < self->service_rows->len; i++)
    gtk_list_box_remove (self->services_list, self->service_rows->pdata[i]);
  g_ptr_array_set_size (self->service_rows, 0);

  for (guint i = 0; i < self->chosen->len; i++)
    {
      GtkWidget *row = chosen_service_row (self, &g_array_index (self->chosen, RgBookingService, i), i);

      gtk_list_box_insert (self->services_list, row, (int) i);
      g_ptr_array_add (self->service_rows, row);
    }
  self->updating = updating;

  update_total (self);
  revalidate (self);
}

gboolean
rg_appointment_editor_add_service (RgAppointmentEditor *self,
                                   gint64               service_id)
{
  g_autoptr(RgService) service = NULL;

  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), FALSE);

  service = rg_studio_lookup (self->studio, RG_TYPE_SERVICE, service_id, NULL);
  if (service == NULL)
    return FALSE;

  {
    RgBookingService s = {
      service_id,
      MAX (5, rg_service_get_duration_minutes (service)),
      rg_service_get_price (service),
    };

    /* The first service replaces the length drawn in the calendar. */
    g_array_append_val (self->chosen, s);
  }

  mark_dirty (self);
  rebuild_services (self);
  return TRUE;
}

static void
remove_service_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index >= self->chosen->len)
    return;
  g_array_remove_index (self->chosen, index);
  mark_dirty (self);
  rebuild_services (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_service_button));
}

static void
reset_price_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);

  self->price_override = FALSE;
  mark_dirty (self);
  update_total (self);
}

static void
total_changed_cb (RgAppointmentEditor *self)
{
  gint64 price;

  if (self->updating)
    return;

  /* Typed over: the price no longer follows the services. */
  self->price_override = TRUE;
  if (rg_format_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->total_entry)), &price))
    {
      self->price = price;
      gtk_widget_remove_css_class (GTK_WIDGET (self->total_entry), "error");
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->total_entry), "error");
  mark_dirty (self);
  gtk_widget_set_visible (GTK_WIDGET (self->reset_price_button), TRUE);
}

/* The service picker: a search over the studio's services. */

static GtkWidget *
service_pick_row (RgService *service,
                  gpointer   user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (rg_service_get_name (service));
  g_autofree char *length = format_length (rg_service_get_duration_minutes (service));
  g_autofree char *price = rg_format_money (rg_service_get_price (service));
  g_autofree char *detail_text = g_strdup_printf ("%s · %s", length, price);
  GtkWidget *detail = gtk_label_new (detail_text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, rg_service_get_name (service));
  g_object_set_data_full (G_OBJECT (row), "service", g_object_ref (service), g_object_unref);
  return row;
}

/* Not gtk_list_box_bind_model(): a list box with a model does not filter. */
static void
fill_service_picker (RgAppointmentEditor *self)
{
  GListModel *model = G_LIST_MODEL (self->services);

  clear_list (self->service_pick_list);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgService) service = g_list_model_get_item (model, i);
      gtk_list_box_append (self->service_pick_list, service_pick_row (service, NULL));
    }
}

static void
service_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  RgService *service = g_object_get_data (G_OBJECT (row), "service");
  RgService *previous = before ? g_object_get_data (G_OBJECT (before), "service") : NULL;
  const char *category = rg_service_get_category (service);

  if (category && *category &&
      (previous == NULL || g_strcmp0 (category, rg_service_get_category (previous)) != 0))
    {
      GtkWidget *header = gtk_label_new (category);

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_set_margin_start (header, 6);
      gtk_widget_set_margin_top (header, before ? 12 : 0);
      gtk_widget_set_margin_bottom (header, 3);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_list_box_row_set_header (row, header);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static gboolean
service_filter_func (GtkListBoxRow *row,
                     gpointer       user_data)
{
  RgAppointmentEditor *self = user_data;
  RgService *service = g_object_get_data (G_OBJECT (row), "service");
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->service_entry));
  g_autofree char *folded_query = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;

  folded_query = rg_text_fold (query);
  {
    g_autofree char *name = rg_text_fold (rg_service_get_name (service));
    g_autofree char *category = rg_text_fold (rg_service_get_category (service));

    folded = g_strconcat (name, " ", category, NULL);
  }

  words = g_strsplit_set (folded_query, " \t", -1);
  for (guint i = 0; words[i]; i++)
    if (*words[i] && strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static GtkListBoxRow *
first_shown_row (GtkListBox *list)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      return row;
  return NULL;
}

static void
service_search_changed_cb (RgAppointmentEditor *self)
{
  gtk_list_box_invalidate_filter (self->service_pick_list);
  gtk_list_box_select_row (self->service_pick_list, first_shown_row (self->service_pick_list));
}

static void
service_popover_show_cb (RgAppointmentEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->service_entry), "");
  gtk_list_box_invalidate_filter (self->service_pick_list);
  gtk_list_box_select_row (self->service_pick_list, first_shown_row (self->service_pick_list));
  gtk_widget_grab_focus (GTK_WIDGET (self->service_entry));
}

static void
service_pick_activated_cb (RgAppointmentEditor *self,
                           GtkListBoxRow       *row)
{
  RgService *service = g_object_get_data (G_OBJECT (row), "service");

  gtk_popover_popdown (self->service_popover);
  if (service)
    rg_appointment_editor_add_service (self, rg_record_get_id (RG_RECORD (service)));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_service_button));
}

static void
service_entry_activate_cb (RgAppointmentEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->service_pick_list);

  if (row == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (row)))
    row = first_shown_row (self->service_pick_list);
  if (row)
    service_pick_activated_cb (self, row);
}

/* When, who, how --------------------------------------------------------------- */

static void
staff_selected_cb (RgAppointmentEditor *self)
{
  if (!self->updating)
    {
      self->staff_chosen = TRUE;
      mark_dirty (self);
    }
  revalidate (self);
}

static void
date_selected_cb (RgAppointmentEditor *self)
{
  if (self->updating)
    return;
  set_date (self, calendar_date (self->date_calendar));
  gtk_menu_button_popdown (self->date_button);
  mark_dirty (self);
  revalidate (self);
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
  mark_dirty (self);
  revalidate (self);
}

static void
start_changed_cb (RgAppointmentEditor *self)
{
  mark_dirty (self);
  revalidate (self);
}

static void
overlap_changed_cb (RgAppointmentEditor *self)
{
  mark_dirty (self);
  revalidate (self);
}

static void
note_changed_cb (RgAppointmentEditor *self)
{
  mark_dirty (self);
}

static void
status_selected_cb (RgAppointmentEditor *self)
{
  mark_dirty (self);
  revalidate (self);
}

static void
repeat_changed_cb (RgAppointmentEditor *self)
{
  mark_dirty (self);
  revalidate (self);
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
  revalidate (self);
}

/* Free slot ------------------------------------------------------------------ */

static void
free_slot_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);
  const char *who = g_variant_get_string (parameter, NULL);
  gint64 staff = g_str_equal (who, "any") ? 0 : staff_id (self);
  gint64 service = self->chosen->len ? g_array_index (self->chosen, RgBookingService, 0).service_id : 0;
  g_autoptr(GError) error = NULL;
  RgBookingSlot slot = { 0 };
  gboolean found = FALSE;

  hide_error (self);
  if (!rg_booking_find_free_slot (self->studio, service, staff, length_minutes (self),
                                  rg_store_now (), 0, &slot, &found, &error))
    {
      show_error (self, error->message);
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
                                   staff_name (self), RG_BOOKING_SLOT_DAYS);
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "No one has free time of this length in the next %d day.",
                                                "No one has free time of this length in the next %d days.",
                                                RG_BOOKING_SLOT_DAYS),
                                   RG_BOOKING_SLOT_DAYS);
      show_error (self, message);
      return;
    }

  self->updating = TRUE;
  set_staff (self, slot.staff_id);
  set_start (self, slot.starts_at);
  self->updating = FALSE;
  self->staff_chosen = TRUE;
  mark_dirty (self);
  revalidate (self);
}

/* Saving ------------------------------------------------------------------------ */

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
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
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
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("“%s” is not a price. Enter an amount like 1500 or 1500.50."),
                   gtk_editable_get_text (GTK_EDITABLE (self->total_entry)));
      gtk_widget_grab_focus (GTK_WIDGET (self->total_entry));
      return NULL;
    }

  draft->appointment_id = self->appointment ? rg_record_get_id (RG_RECORD (self->appointment)) : 0;
  draft->client_id = self->client ? rg_record_get_id (RG_RECORD (self->client)) : 0;
  draft->staff_id = staff_id (self);
  rg_booking_draft_set_local_start (draft, self->date, start_minute (self));
  g_array_append_vals (draft->services, self->chosen->data, self->chosen->len);
  rg_booking_draft_set_note (draft, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  draft->price_override = self->price_override;
  draft->price = self->price;
  draft->allow_overlap = gtk_switch_get_active (self->overlap_switch);
  return g_steal_pointer (&draft);
}

static void
finish (RgAppointmentEditor *self,
        RgAppointment       *appointment)
{
  g_autoptr(RgAppointmentEditor) keep = g_object_ref (self);

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, appointment);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Saves one appointment (@following: and the rest of its series). */
static void
save_one (RgAppointmentEditor *self,
          gboolean             following)
{
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(RgAppointment) saved = NULL;
  g_autoptr(GError) error = NULL;
  RgAppointmentStatus status = chosen_status (self);
  gboolean status_first;

  hide_error (self);
  draft = rg_appointment_editor_build_draft (self, &error);
  if (draft == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* Ending an appointment frees its time: change the status before the
   * fields, so a save does not trip over what it gives up. */
  status_first = self->appointment && status != rg_appointment_get_status (self->appointment) &&
                 !rg_booking_status_is_active (status);
  if (status_first && !rg_booking_set_status (self->studio, self->appointment, status, &error))
    {
      show_error (self, error->message);
      return;
    }

  if (following)
    {
      if (rg_booking_save_following (self->studio, draft, NULL, &error))
        saved = g_object_ref (self->appointment);
    }
  else
    saved = rg_booking_save (self->studio, draft, &error);

  if (saved == NULL)
    {
      show_error (self, error->message);
      revalidate (self);
      return;
    }

  if (!status_first && status != rg_appointment_get_status (saved) &&
      !rg_booking_set_status (self->studio, saved, status, &error))
    {
      show_error (self, error->message);
      return;
    }

  finish (self, saved);
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
  g_autofree char *day = format_date (date);
  g_autofree char *from = format_clock (rg_time_minute_of_day (o->starts_at));
  g_autofree char *to = format_clock (rg_time_minute_of_day (o->ends_at));
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
    }
  else if (!o->within_hours)
    {
      g_string_append (subtitle, _("Free, but outside working hours"));
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
    }
  else
    {
      g_string_append (subtitle, _("Free"));
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
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

static void
show_form (RgAppointmentEditor *self)
{
  gtk_stack_set_visible_child_name (self->pages, "form");
  gtk_button_set_label (self->cancel_button, _("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "editor.cancel");
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "editor.save");
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  revalidate (self);
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

  clear_list (self->series_list);
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
  show_form (RG_APPOINTMENT_EDITOR (widget));
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

  hide_error (self);
  draft = rg_appointment_editor_build_draft (self, &error);
  if (draft)
    saved = rg_booking_save_series (self->studio, draft, gtk_spin_button_get_value_as_int (self->every_spin),
                                    self->until, RG_BOOKING_SERIES_SKIP_CONFLICTS, &error);
  if (saved == NULL)
    {
      show_error (self, error->message);
      return;
    }

  finish (self, g_ptr_array_index (saved, 0));
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
      show_error (self, error->message);
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

  hide_error (self);
  revalidate (self);
  if (repeating (self))
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
      show_error (self, error->message);
      return;
    }
  if (self->within_hours || draft->staff_id == 0 || draft->client_id == 0 || draft->services->len == 0 ||
      !rg_booking_status_is_active (chosen_status (self)))
    {
      ask_scope_and_save (self);
      return;
    }

  start = draft->starts_at;
  end = rg_booking_draft_get_ends_at (draft);
  day = rg_date_from_time (start);
  date = format_date (day);
  from = format_clock (rg_time_minute_of_day (start));
  to = format_clock (rg_time_minute_of_day (end));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Book Outside Working Hours?"), NULL);
  /* Translators: the staff member, the date, the start and the end */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s does not work on %s at %s–%s according to the schedule."),
                                  staff_name (self), date, from, to);
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

/* Closing -------------------------------------------------------------------- */

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

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (widget);
  GtkWidget *dialog;

  if (g_str_equal (gtk_stack_get_visible_child_name (self->pages), "series"))
    {
      show_form (self);
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

static gboolean
rg_appointment_editor_close_request (GtkWindow *window)
{
  RgAppointmentEditor *self = RG_APPOINTMENT_EDITOR (window);

  if (self->dirty)
    {
      cancel_activated (GTK_WIDGET (self), "editor.cancel", NULL);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (rg_appointment_editor_parent_class)->close_request (window);
}

/* Setting up ----------------------------------------------------------------- */

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
      show_error (self, error->message);
      return;
    }

  client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT, draft->client_id, NULL);
  g_set_object (&self->client, client);
  update_client (self);

  set_staff (self, draft->staff_id);
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
    g_clear_signal_handler (&self->committed_id, rg_studio_get_store (self->studio));

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_APPOINTMENT_EDITOR);

  g_clear_object (&self->client);
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

  gtk_widget_class_bind_template_callback (widget_class, client_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_client_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_client_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, service_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, service_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, service_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, service_pick_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, total_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, until_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, overlap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "editor.book-free", NULL, book_free_activated);
  gtk_widget_class_install_action (widget_class, "editor.change-client", NULL, change_client_activated);
  gtk_widget_class_install_action (widget_class, "editor.create-client", NULL, create_client_activated);
  gtk_widget_class_install_action (widget_class, "editor.book-duplicate", NULL, book_duplicate_activated);
  gtk_widget_class_install_action (widget_class, "editor.remove-service", "u", remove_service_activated);
  gtk_widget_class_install_action (widget_class, "editor.reset-price", NULL, reset_price_activated);
  gtk_widget_class_install_action (widget_class, "editor.free-slot", "s", free_slot_activated);
  gtk_widget_class_install_action (widget_class, "editor.dismiss-error", NULL, dismiss_error_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rg_appointment_editor_init (RgAppointmentEditor *self)
{
  GtkEventController *keys;
  GtkWidget *placeholder;

  self->chosen = g_array_new (FALSE, FALSE, sizeof (RgBookingService));
  self->service_rows = g_ptr_array_new ();
  self->within_hours = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  rg_time_spin_setup (self->start_spin, RG_TIME_SPIN_CLOCK);
  gtk_list_box_set_header_func (self->service_pick_list, service_header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->service_pick_list, service_filter_func, self, NULL);
  placeholder = gtk_label_new (_("No service matches"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->service_pick_list, placeholder);

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
  gint64 now = rg_store_now ();
  int minute;

  /* Who takes bookings; an archived master stays listed on their own
   * appointments. The id is a number, not user text. */
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
  fill_service_picker (self);
  g_signal_connect_object (self->services, "items-changed", G_CALLBACK (fill_service_picker), self, G_CONNECT_SWAPPED);

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

  rebuild_services (self);
  self->updating = FALSE;
  self->dirty = FALSE;

  self->committed_id = g_signal_connect_swapped (rg_studio_get_store (self->studio), "committed",
                                                 G_CALLBACK (store_committed_cb), self);
  revalidate (self);
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
      set_staff (self, staff);
      self->staff_chosen = TRUE;
    }
  if (start != 0)
    set_start (self, start);
  if (end > start && start != 0)
    self->length_hint = (int) MIN ((end - start) / 60, RG_BOOKING_MAX_MINUTES);
  self->updating = FALSE;
  revalidate (self);
}

RgAppointment *
rg_appointment_editor_get_appointment (RgAppointmentEditor *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), NULL);
  return self->appointment;
}

GtkSpinButton *
rg_appointment_editor_get_duration_spin (RgAppointmentEditor *self,
                                         guint                index)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->service_rows->len, NULL);
  return g_object_get_data (self->service_rows->pdata[index], "duration");
}

GtkEditable *
rg_appointment_editor_get_price_entry (RgAppointmentEditor *self,
                                       guint                index)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->service_rows->len, NULL);
  return g_object_get_data (self->service_rows->pdata[index], "price");
}
