/* rg-calendar-view.c — the Calendar page: navigation and the day view.
 *
 * Today, previous and next day, a date picker, and the keyboard: T goes to
 * today, Page Up/Down (or Alt+Left/Right) move a day. The day view gets the
 * studio when the window has one; a studio without staff who take bookings
 * shows what to do first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-booking.h"
#include "model/rg-staff.h"
#include "rg-appointment-card.h"
#include "rg-appointment-editor.h"
#include "rg-calendar-view.h"
#include "rg-window.h"

struct _RgCalendarView
{
  AdwBin              parent_instance;

  RgStudio           *studio;
  RgDayView          *day_view;
  RgDate              date;
  gboolean            updating;

  GtkMenuButton      *date_button;
  GtkCalendar        *calendar;
  GtkStack           *stack;
  GtkScrolledWindow  *day_scroller;
};

G_DEFINE_FINAL_TYPE (RgCalendarView, rg_calendar_view, ADW_TYPE_BIN)

static void
update_state (RgCalendarView *self)
{
  gboolean has_columns = self->day_view && rg_day_view_get_n_columns (self->day_view) > 0;

  gtk_stack_set_visible_child_name (self->stack, has_columns ? "day" : "empty");
}

static void
update_title (RgCalendarView *self)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (self->date.year, self->date.month, self->date.day, 12, 0, 0);
  /* Translators: the day the calendar shows, see the strftime manual; e.g. "Tuesday, 24 November 2026" */
  g_autofree char *title = g_date_time_format (dt, _("%A, %-d %B %Y"));
  g_autofree char *capitalized = NULL;

  if (title && *title)
    {
      /* Weekday names are lower case in Russian; a title starts with a capital. */
      gunichar first = g_unichar_totitle (g_utf8_get_char (title));
      char buf[8] = { 0 };

      g_unichar_to_utf8 (first, buf);
      capitalized = g_strconcat (buf, g_utf8_next_char (title), NULL);
    }

  gtk_menu_button_set_label (self->date_button, capitalized ? capitalized : "");

  self->updating = TRUE;
  {
    g_autoptr(GDateTime) selected = g_date_time_new_local (self->date.year, self->date.month, self->date.day, 0, 0, 0);
    gtk_calendar_select_day (self->calendar, selected);
  }
  self->updating = FALSE;
}

RgDate
rg_calendar_view_get_date (RgCalendarView *self)
{
  g_return_val_if_fail (RG_IS_CALENDAR_VIEW (self), (RgDate) { 0 });
  return self->date;
}

void
rg_calendar_view_set_date (RgCalendarView *self,
                           RgDate          date)
{
  g_return_if_fail (RG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (rg_date_valid (date));

  self->date = date;
  if (self->day_view)
    rg_day_view_set_date (self->day_view, date);
  update_title (self);
}

RgDayView *
rg_calendar_view_get_day_view (RgCalendarView *self)
{
  g_return_val_if_fail (RG_IS_CALENDAR_VIEW (self), NULL);
  return self->day_view;
}

static void
calendar_day_selected_cb (RgCalendarView *self)
{
  g_autoptr(GDateTime) dt = NULL;
  RgDate date;

  if (self->updating)
    return;

  dt = gtk_calendar_get_date (self->calendar);
  g_date_time_get_ymd (dt, &date.year, &date.month, &date.day);
  rg_calendar_view_set_date (self, date);
  gtk_menu_button_popdown (self->date_button);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  rg_calendar_view_set_date (RG_CALENDAR_VIEW (widget), rg_date_today ());
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgCalendarView *self = RG_CALENDAR_VIEW (widget);
  rg_calendar_view_set_date (self, rg_date_add_days (self->date, -1));
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgCalendarView *self = RG_CALENDAR_VIEW (widget);
  rg_calendar_view_set_date (self, rg_date_add_days (self->date, 1));
}

/* Toasts and undo ----------------------------------------------------------- */

typedef struct {
  RgStudio      *studio;
  RgAppointment *appointment;
  gint64         staff_id;
  gint64         starts_at;
  gint64         ends_at;
  int            status;     /* -1: a move */
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_object (&undo->studio);
  g_clear_object (&undo->appointment);
  g_free (undo);
}

static void
add_toast (RgCalendarView *self,
           AdwToast       *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RG_IS_WINDOW (root))
    rg_window_add_toast (RG_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (RgCalendarView *self,
            const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (self, toast);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (undo->status < 0)
    ok = rg_booking_move_exact (undo->studio, undo->appointment, undo->staff_id,
                          undo->starts_at, undo->ends_at, &error);
  else
    ok = rg_booking_undo_status (undo->studio, undo->appointment, undo->status, &error);

  if (!ok)
    g_warning ("Could not undo: %s", error->message);
}

static void
add_undo_toast (RgCalendarView *self,
                const char     *title,
                Undo           *undo)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  add_toast (self, toast);
}

static char *
client_name (RgCalendarView *self,
             RgAppointment  *appointment)
{
  g_autoptr(RgClient) client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT,
                                                 rg_appointment_get_client_id (appointment), NULL);

  return g_strdup (client ? rg_client_get_address_as (client) : "");
}

static void
moved_cb (RgCalendarView *self,
          RgAppointment  *appointment,
          gint64          old_staff,
          gint64          old_start,
          gint64          old_end)
{
  Undo *undo = g_new0 (Undo, 1);
  g_autofree char *name = client_name (self, appointment);
  g_autoptr(RgStaff) staff = rg_studio_lookup (self->studio, RG_TYPE_STAFF,
                                               rg_appointment_get_staff_id (appointment), NULL);
  int minute = rg_time_minute_of_day (rg_appointment_get_starts_at (appointment));
  g_autofree char *title = NULL;

  undo->studio = g_object_ref (self->studio);
  undo->appointment = g_object_ref (appointment);
  undo->staff_id = old_staff;
  undo->starts_at = old_start;
  undo->ends_at = old_end;
  undo->status = -1;

  /* Translators: "Anna: 14:30 with Marina", after moving an appointment */
  title = g_strdup_printf (_("%s: %02d:%02d with %s"), name, minute / 60, minute % 60,
                           staff ? rg_staff_get_display_name (staff) : "");
  add_undo_toast (self, title, undo);
}

static void
status_changed_cb (RgCalendarView *self,
                   RgAppointment  *appointment,
                   int             previous)
{
  Undo *undo = g_new0 (Undo, 1);
  g_autofree char *name = client_name (self, appointment);
  g_autofree char *title = NULL;

  undo->studio = g_object_ref (self->studio);
  undo->appointment = g_object_ref (appointment);
  undo->status = previous;

  /* Translators: "Anna: Cancelled", after changing an appointment's status */
  title = g_strdup_printf (_("%s: %s"), name,
                           rg_booking_status_to_string (rg_appointment_get_status (appointment)));
  add_undo_toast (self, title, undo);
}

static void
error_cb (RgCalendarView *self,
          const char     *message)
{
  show_error (self, message);
}

/* The appointment editor ----------------------------------------------------- */

static void
editor_saved_cb (RgCalendarView      *self,
                 RgAppointment       *appointment,
                 RgAppointmentEditor *editor)
{
  g_autofree char *name = client_name (self, appointment);
  g_autoptr(RgStaff) staff = rg_studio_lookup (self->studio, RG_TYPE_STAFF,
                                               rg_appointment_get_staff_id (appointment), NULL);
  gint64 start = rg_appointment_get_starts_at (appointment);
  int minute = rg_time_minute_of_day (start);
  g_autofree char *title = NULL;

  /* Show where it landed. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "calendar");
  rg_calendar_view_set_date (self, rg_date_from_time (start));
  rg_day_view_select (self->day_view, appointment);

  if (rg_appointment_editor_get_appointment (editor) == NULL)
    /* Translators: after booking, e.g. "Anna booked for 14:30 with Marina" */
    title = g_strdup_printf (_("%s booked for %02d:%02d with %s"), name, minute / 60, minute % 60,
                             staff ? rg_staff_get_display_name (staff) : "");
  else
    title = g_strdup_printf (_("%s: %02d:%02d with %s"), name, minute / 60, minute % 60,
                             staff ? rg_staff_get_display_name (staff) : "");
  add_toast (self, adw_toast_new (title));
}

static void
open_editor (RgCalendarView *self,
             RgAppointment  *appointment,
             gint64          staff_id,
             gint64          starts_at,
             gint64          ends_at)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RgAppointmentEditor *editor;

  if (self->studio == NULL)
    return;

  editor = rg_appointment_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->studio, appointment);
  if (appointment == NULL)
    rg_appointment_editor_prefill (editor, staff_id, starts_at, ends_at);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
create_requested_cb (RgCalendarView *self,
                     gint64          staff_id,
                     gint64          starts_at,
                     gint64          ends_at)
{
  open_editor (self, NULL, staff_id, starts_at, ends_at);
}

static void
appointment_activated_cb (RgCalendarView *self,
                          RgAppointment  *appointment)
{
  open_editor (self, appointment, 0, 0, 0);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RgCalendarView *self = RG_CALENDAR_VIEW (widget);

  /* Today the editor starts at the next quarter of an hour; another day
   * at ten in the morning. */
  if (rg_date_compare (self->date, rg_date_today ()) == 0)
    open_editor (self, NULL, 0, 0, 0);
  else
    open_editor (self, NULL, 0, rg_time_from_local (self->date, 10 * 60), 0);
}

static void
columns_changed_cb (RgCalendarView *self)
{
  update_state (self);
}

void
rg_calendar_view_set_studio (RgCalendarView *self,
                             RgStudio       *studio)
{
  g_return_if_fail (RG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (self->studio == NULL);

  self->studio = g_object_ref (studio);
  self->day_view = rg_day_view_new (studio);
  rg_day_view_set_date (self->day_view, self->date);
  gtk_scrolled_window_set_child (self->day_scroller, GTK_WIDGET (self->day_view));
  g_signal_connect_object (self->day_view, "moved", G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "status-changed", G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "error", G_CALLBACK (error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "create-requested", G_CALLBACK (create_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "appointment-activated", G_CALLBACK (appointment_activated_cb),
                           self, G_CONNECT_SWAPPED);

  /* Staff come and go (the studio settings): the empty state follows. */
  g_signal_connect_object (rg_studio_get_store (studio), "committed",
                           G_CALLBACK (columns_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
rg_calendar_view_dispose (GObject *object)
{
  RgCalendarView *self = RG_CALENDAR_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_CALENDAR_VIEW);
  self->day_view = NULL;
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_calendar_view_parent_class)->dispose (object);
}

static void
rg_calendar_view_class_init (RgCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_calendar_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/rg-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, date_button);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, calendar);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, stack);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, day_scroller);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "calendar.new", NULL, new_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "calendar.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "calendar.next", NULL);
}

static void
rg_calendar_view_init (RgCalendarView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+N books while the calendar is shown, wherever the focus is (the
   * class binding covers only a focus inside the page). */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("calendar.new")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->date = rg_date_today ();
  update_title (self);
}
