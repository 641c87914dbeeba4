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
#include <string.h>

#include "analytics/rg-studio-figures.h"
#include "analytics/rg-call-list.h"

#include "model/rg-booking.h"
#include "model/rg-roles.h"
#include "model/rg-staff.h"
#include "rg-appointment-card.h"
#include "widgets/editor/rg-appointment-editor.h"
#include "model/rg-record-list.h"
#include "rg-calendar-view.h"
#include "widgets/satisfaction/rg-rating-dialog.h"
#include "model/rg-rating.h"
#include "rg-month-view.h"
#include "rg-week-view.h"
#include "widgets/rg-window.h"

struct _RgCalendarView
{
  AdwBin              parent_instance;

  RgStudio           *studio;
  RgDayView          *day_view;
  RgWeekView         *week_view;
  RgMonthView        *month_view;
  RgCalendarMode      mode;
  RgRecordList       *staff;
  GArray             *staff_ids;     /* gint64 per dropdown row; 0 = everyone */
  gint64              staff_id;      /* week and month: whose calendar */
  gboolean            own_only;      /* a master signed in: their calendar alone */
  RgDate              date;
  gboolean            updating;

  GtkMenuButton      *date_button;
  GtkLabel           *date_label;
  GtkCalendar        *calendar;
  GtkStack           *stack;
  GtkScrolledWindow  *day_scroller;
  GtkScrolledWindow  *week_scroller;
  AdwBin             *month_bin;
  GtkDropDown        *staff_dropdown;
  GtkToggleButton    *day_button;
  GtkToggleButton    *week_button;
  GtkToggleButton    *month_button;
};

G_DEFINE_FINAL_TYPE (RgCalendarView, rg_calendar_view, ADW_TYPE_BIN)

static const char *mode_pages[] = { "day", "week", "month" };

static void ensure_day_view (RgCalendarView *self);

static void
update_state (RgCalendarView *self)
{
  /* Before the day is built, the staff list says whether there are columns. */
  gboolean has_columns = self->day_view ? rg_day_view_get_n_columns (self->day_view) > 0
                                        : self->staff_ids != NULL && self->staff_ids->len > (self->own_only ? 0 : 1);

  gtk_stack_set_visible_child_name (self->stack, has_columns ? mode_pages[self->mode] : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->staff_dropdown),
                          has_columns && self->mode != RG_CALENDAR_MODE_DAY && !self->own_only);
}

static char *
capitalize (const char *text)
{
  char buf[8] = { 0 };

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  /* Weekday and month names are lower case in Russian; a title starts
   * with a capital. */
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), buf);
  return g_strconcat (buf, g_utf8_next_char (text), NULL);
}

static char *
format_date (RgDate      date,
             const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (date.year, date.month, date.day, 12, 0, 0);
  return g_date_time_format (dt, format);
}

static void
update_title (RgCalendarView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *capitalized = NULL;
  /* This year's dates go without it: a narrow window (or Russian month
   * names) then fits the whole date. */
  gboolean this_year = self->date.year == rg_date_today ().year;

  switch (self->mode)
    {
    case RG_CALENDAR_MODE_WEEK:
      {
        RgDate monday = rg_date_week_start (self->date);
        RgDate sunday = rg_date_add_days (monday, 6);
        /* Translators: the first day of a week in the calendar's title, e.g. "23" or "30 November" */
        g_autofree char *first = format_date (monday, monday.month == sunday.month ? _("%-d") : _("%-d %B"));
        /* Translators: the last day of a week in the calendar's title, e.g. "29 November 2026";
         * the second is for this year's weeks, without it */
        g_autofree char *last = format_date (sunday, this_year ? C_("week title", "%-d %B") : _("%-d %B %Y"));

        /* Translators: a week in the calendar's title, e.g. "23–29 November 2026" */
        title = g_strdup_printf (C_("week title", "%s – %s"), first, last);
      }
      break;

    case RG_CALENDAR_MODE_MONTH:
      /* Translators: a month in the calendar's title, see the strftime manual; %OB is the
       * month's name on its own (nominative), e.g. "November 2026", «Ноябрь 2026» */
      title = format_date (self->date, _("%OB %Y"));
      break;

    case RG_CALENDAR_MODE_DAY:
    default:
      /* Translators: the day the calendar shows, see the strftime manual; e.g. "Tue, 24 November 2026",
       * and without the year for a day of this year, "Tue, 24 November" */
      title = format_date (self->date, this_year ? _("%a, %-d %B") : _("%a, %-d %B %Y"));
      break;
    }

  capitalized = capitalize (title);
  gtk_label_set_label (self->date_label, capitalized);

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
  if (self->week_view)
    rg_week_view_set_date (self->week_view, date);
  if (self->month_view && rg_date_compare (rg_month_view_get_date (self->month_view), date) != 0)
    rg_month_view_set_date (self->month_view, date);
  update_title (self);
}

static void moved_cb               (RgCalendarView *self,
                                    RgAppointment  *appointment,
                                    gint64          old_staff,
                                    gint64          old_start,
                                    gint64          old_end);
static void error_cb               (RgCalendarView *self,
                                    const char     *message);
static void appointment_activated_cb (RgCalendarView *self,
                                      RgAppointment  *appointment);
static void month_day_activated_cb (RgCalendarView *self,
                                    const RgDate   *date);
static void month_date_changed_cb  (RgCalendarView *self);

/* The week and the month are built the first time they are shown: most
 * days the administrator stays on the day, and the window opens sooner. */
static void
ensure_view (RgCalendarView *self,
             RgCalendarMode  mode)
{
  if (self->studio == NULL)
    return;

  if (mode == RG_CALENDAR_MODE_WEEK && self->week_view == NULL)
    {
      self->week_view = rg_week_view_new (self->studio);
      rg_week_view_set_date (self->week_view, self->date);
      rg_week_view_set_staff (self->week_view, self->staff_id);
      gtk_scrolled_window_set_child (self->week_scroller, GTK_WIDGET (self->week_view));
      g_signal_connect_object (self->week_view, "moved", G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->week_view, "error", G_CALLBACK (error_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->week_view, "appointment-activated", G_CALLBACK (appointment_activated_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->week_view, "day-activated", G_CALLBACK (month_day_activated_cb),
                               self, G_CONNECT_SWAPPED);
    }

  if (mode == RG_CALENDAR_MODE_MONTH && self->month_view == NULL)
    {
      self->month_view = rg_month_view_new (self->studio);
      rg_month_view_set_date (self->month_view, self->date);
      rg_month_view_set_staff (self->month_view, self->staff_id);
      adw_bin_set_child (self->month_bin, GTK_WIDGET (self->month_view));
      g_signal_connect_object (self->month_view, "day-activated", G_CALLBACK (month_day_activated_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->month_view, "date-changed", G_CALLBACK (month_date_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

/* Gives the keyboard to the shown grid (the day, the week or the month),
 * so that D, W, M, T and the arrows work at once; on an empty studio, to
 * the page. */
void
rg_calendar_view_focus_content (RgCalendarView *self)
{
  GtkWidget *view = NULL;

  g_return_if_fail (RG_IS_CALENDAR_VIEW (self));

  switch (self->mode)
    {
    case RG_CALENDAR_MODE_DAY:   view = GTK_WIDGET (self->day_view); break;
    case RG_CALENDAR_MODE_WEEK:  view = GTK_WIDGET (self->week_view); break;
    case RG_CALENDAR_MODE_MONTH: view = GTK_WIDGET (self->month_view); break;
    default: break;
    }
  if (view == NULL || !gtk_widget_get_mapped (view) || !gtk_widget_grab_focus (view))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

RgCalendarMode
rg_calendar_view_get_mode (RgCalendarView *self)
{
  g_return_val_if_fail (RG_IS_CALENDAR_VIEW (self), RG_CALENDAR_MODE_DAY);
  return self->mode;
}

void
rg_calendar_view_set_mode (RgCalendarView *self,
                           RgCalendarMode  mode)
{
  GtkToggleButton *buttons[] = { self->day_button, self->week_button, self->month_button };

  g_return_if_fail (RG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (mode <= RG_CALENDAR_MODE_MONTH);

  ensure_view (self, mode);
  self->mode = mode;
  if (!gtk_toggle_button_get_active (buttons[mode]))
    gtk_toggle_button_set_active (buttons[mode], TRUE);
  update_state (self);
  update_title (self);
}

static void
mode_toggled_cb (RgCalendarView  *self,
                 GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->week_button)
    rg_calendar_view_set_mode (self, RG_CALENDAR_MODE_WEEK);
  else if (button == self->month_button)
    rg_calendar_view_set_mode (self, RG_CALENDAR_MODE_MONTH);
  else
    rg_calendar_view_set_mode (self, RG_CALENDAR_MODE_DAY);
}

static void
mode_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rg_calendar_view_set_mode (RG_CALENDAR_VIEW (widget), g_variant_get_int32 (parameter));
}

RgWeekView *
rg_calendar_view_get_week_view (RgCalendarView *self)
{
  g_return_val_if_fail (RG_IS_CALENDAR_VIEW (self), NULL);
  return self->week_view;
}

RgMonthView *
rg_calendar_view_get_month_view (RgCalendarView *self)
{
  g_return_val_if_fail (RG_IS_CALENDAR_VIEW (self), NULL);
  return self->month_view;
}

/* Whose calendar the week and month show ---------------------------------- */

static void
staff_selected_cb (RgCalendarView *self)
{
  guint selected = gtk_drop_down_get_selected (self->staff_dropdown);

  if (self->staff_ids == NULL || selected >= self->staff_ids->len)
    return;

  self->staff_id = g_array_index (self->staff_ids, gint64, selected);
  if (self->week_view)
    rg_week_view_set_staff (self->week_view, self->staff_id);
  if (self->month_view)
    rg_month_view_set_staff (self->month_view, self->staff_id);
}

static void
staff_list_changed_cb (RgCalendarView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));
  guint keep = 0;
  gint64 everyone = 0;

  /* The model scopes a master's calendar to their own column: no "all". */
  self->own_only = rg_studio_has_profiles (self->studio) &&
                   rg_role_allows (rg_studio_get_session_role (self->studio), RG_ACTION_VIEW_CALENDAR) == RG_ALLOW_OWN;
  g_array_set_size (self->staff_ids, 0);
  if (!self->own_only)
    {
      gtk_string_list_append (names, _("All Staff"));
      g_array_append_val (self->staff_ids, everyone);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff), i);
      RgStaffRole role = rg_staff_get_role (staff);
      gint64 id = rg_record_get_id (RG_RECORD (staff));

      if (role != RG_STAFF_ROLE_MASTER && role != RG_STAFF_ROLE_RESOURCE)
        continue;
      if (!rg_studio_may_for (self->studio, RG_ACTION_VIEW_CALENDAR, id, 0))
        continue;
      if (id == self->staff_id)
        keep = self->staff_ids->len;
      gtk_string_list_append (names, rg_staff_get_display_name (staff));
      g_array_append_val (self->staff_ids, id);
    }

  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->staff_dropdown, keep);
  staff_selected_cb (self);
}

RgDayView *
rg_calendar_view_get_day_view (RgCalendarView *self)
{
  g_return_val_if_fail (RG_IS_CALENDAR_VIEW (self), NULL);
  ensure_day_view (self);
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

/* A day, a week or a month back or forward, as the mode shows; a month
 * keeps the day where it can (31 January + 1 month = 28/29 February). */
static RgDate
step (RgCalendarView *self,
      int             direction)
{
  RgDate date = self->date;

  switch (self->mode)
    {
    case RG_CALENDAR_MODE_WEEK:
      return rg_date_add_days (date, 7 * direction);
    case RG_CALENDAR_MODE_MONTH:
      date.month += direction;
      if (date.month < 1)
        {
          date.month = 12;
          date.year--;
        }
      else if (date.month > 12)
        {
          date.month = 1;
          date.year++;
        }
      date.day = MIN (date.day, g_date_get_days_in_month (date.month, date.year));
      return date;
    case RG_CALENDAR_MODE_DAY:
    default:
      return rg_date_add_days (date, direction);
    }
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgCalendarView *self = RG_CALENDAR_VIEW (widget);
  rg_calendar_view_set_date (self, step (self, -1));
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgCalendarView *self = RG_CALENDAR_VIEW (widget);
  rg_calendar_view_set_date (self, step (self, 1));
}

/* Toasts and undo ----------------------------------------------------------- */

typedef struct {
  RgStudio      *studio;
  RgAppointment *appointment;
  gint64         staff_id;
  gint64         starts_at;
  gint64         ends_at;
  int            status;     /* -1: a move */
  GArray        *statuses;   /* of RgBookingStatusChange: a series cancelled */
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_object (&undo->studio);
  g_clear_object (&undo->appointment);
  g_clear_pointer (&undo->statuses, g_array_unref);
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

  if (undo->statuses)
    ok = rg_booking_restore_statuses (undo->studio, undo->statuses, &error);
  else if (undo->status < 0)
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
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  if (RG_IS_WINDOW (root))
    rg_window_add_undo_toast (RG_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
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
  int end = rg_time_minute_of_day (rg_appointment_get_ends_at (appointment));
  g_autofree char *title = NULL;

  undo->studio = g_object_ref (self->studio);
  undo->appointment = g_object_ref (appointment);
  undo->staff_id = old_staff;
  undo->starts_at = old_start;
  undo->ends_at = old_end;
  undo->status = -1;

  /* Translators: "Anna: 14:30–15:15 with Marina", after moving or resizing an appointment */
  title = g_strdup_printf (_("%s: %02d:%02d–%02d:%02d with %s"), name, minute / 60, minute % 60, end / 60, end % 60,
                           staff ? rg_staff_get_display_name (staff) : "");
  add_undo_toast (self, title, undo);
}

/* A visit marked done asks for the client's rating at once (skippable;
 * the card can take it later). */
static void
ask_rating (RgCalendarView *self,
            RgAppointment  *appointment)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(RgRating) rating = NULL;

  if (rg_appointment_get_status (appointment) != RG_APPOINTMENT_DONE)
    return;
  rating = rg_rating_find_for_visit (self->studio, rg_record_get_id (RG_RECORD (appointment)), NULL);
  if (rating != NULL)
    return;
  gtk_window_present (GTK_WINDOW (rg_rating_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                        self->studio, appointment)));
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
  if (previous != RG_APPOINTMENT_DONE)
    ask_rating (self, appointment);
}

static void
series_cancelled_cb (RgCalendarView *self,
                     RgAppointment  *appointment,
                     GArray         *changes)
{
  Undo *undo = g_new0 (Undo, 1);
  g_autofree char *name = client_name (self, appointment);
  g_autofree char *title = NULL;

  undo->studio = g_object_ref (self->studio);
  undo->appointment = g_object_ref (appointment);
  undo->statuses = g_array_ref (changes);

  /* Translators: "Anna: 6 appointments cancelled", after cancelling a repeating appointment
   * and the following ones */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u appointment cancelled",
                                        "%s: %u appointments cancelled", changes->len),
                           name, changes->len);
  add_undo_toast (self, title, undo);
}

static void
month_day_activated_cb (RgCalendarView *self,
                        const RgDate   *date)
{
  rg_calendar_view_set_date (self, *date);
  rg_calendar_view_set_mode (self, RG_CALENDAR_MODE_DAY);
}

static void
month_date_changed_cb (RgCalendarView *self)
{
  RgDate date = rg_month_view_get_date (self->month_view);

  if (rg_date_compare (date, self->date) != 0)
    rg_calendar_view_set_date (self, date);
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
  rg_day_view_select (rg_calendar_view_get_day_view (self), appointment);

  if (rg_appointment_editor_get_appointment (editor) == NULL)
    /* Translators: after booking, e.g. "Anna booked for 14:30 with Marina" */
    title = g_strdup_printf (_("%s booked for %02d:%02d with %s"), name, minute / 60, minute % 60,
                             staff ? rg_staff_get_display_name (staff) : "");
  else
    title = g_strdup_printf (_("%s: %02d:%02d with %s"), name, minute / 60, minute % 60,
                             staff ? rg_staff_get_display_name (staff) : "");
  add_toast (self, adw_toast_new (title));
  if (rg_appointment_editor_became_done (editor))
    ask_rating (self, appointment);
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

/* The editor for a new booking of @client (or of nobody yet) with a
 * service and master, on the first free time from @from (see
 * rg_appointment_editor_start_first_free()); returns it, not owned, or
 * NULL when the calendar has no studio yet. */
static RgAppointmentEditor *
book_from (RgCalendarView *self,
           RgClient       *client,
           gint64          service_id,
           gint64          staff_id,
           const RgCall   *call,
           gint64          from)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RgAppointmentEditor *editor;

  if (self->studio == NULL)
    return NULL;

  editor = rg_appointment_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->studio, NULL);
  if (client)
    rg_appointment_editor_set_client (editor, client);
  if (service_id != 0)
    rg_appointment_editor_add_service (editor, service_id);
  if (staff_id != 0)
    rg_appointment_editor_prefill (editor, staff_id, 0, 0);
  if (call)
    rg_appointment_editor_set_call (editor, call);
  rg_appointment_editor_start_first_free (editor, from);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/* Opens the editor for @client with a service and master at the first
 * free time from now (made in @call, when a call booked it); returns it,
 * not owned, or NULL when the calendar has no studio yet. */
RgAppointmentEditor *
rg_calendar_view_book_client (RgCalendarView *self,
                              RgClient       *client,
                              gint64          service_id,
                              gint64          staff_id,
                              const RgCall   *call)
{
  g_return_val_if_fail (RG_IS_CALENDAR_VIEW (self), NULL);
  g_return_val_if_fail (RG_IS_CLIENT (client), NULL);

  return book_from (self, client, service_id, staff_id, call, rg_time_now ());
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

/* Ctrl+N: a new booking on the first free time from now (or from the
 * shown day's start, when it is ahead), for the client whose card is open,
 * with their usual service and master. */
static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RgCalendarView *self = RG_CALENDAR_VIEW (widget);
  RgClient *client = self->studio ? rg_studio_get_selected_client (self->studio) : NULL;
  gint64 from = MAX (rg_time_now (), rg_date_start (self->date));

  if (client && !rg_record_is_deleted (RG_RECORD (client)))
    {
      RgClientUsual usual = { 0 };

      if (!rg_studio_client_usual (self->studio, rg_record_get_id (RG_RECORD (client)),
                                 &usual, NULL))
        memset (&usual, 0, sizeof usual);
      book_from (self, client, usual.service_id, usual.staff_id, NULL, from);
      rg_client_usual_clear (&usual);
      return;
    }
  book_from (self, NULL, 0, 0, NULL, from);
}

static void
ensure_day_view (RgCalendarView *self)
{
  if (self->day_view != NULL || self->studio == NULL)
    return;

  self->day_view = rg_day_view_new (self->studio);
  rg_day_view_set_date (self->day_view, self->date);
  gtk_scrolled_window_set_child (self->day_scroller, GTK_WIDGET (self->day_view));
  g_signal_connect_object (self->day_view, "moved", G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "status-changed", G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "series-cancelled", G_CALLBACK (series_cancelled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "error", G_CALLBACK (error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "create-requested", G_CALLBACK (create_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "appointment-activated", G_CALLBACK (appointment_activated_cb),
                           self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
columns_changed_cb (RgCalendarView *self,
                    RgChanges       changes)
{
  /* Someone else signed in: whose calendars the week and month offer. */
  if (changes & RG_CHANGES_SESSION)
    staff_list_changed_cb (self);
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
  /* The day is read and laid out when the calendar is first shown (the
   * window opens on Today), or when something asks for it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_day_view (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (ensure_day_view), NULL);

  self->staff = rg_record_list_new_staff (studio, FALSE);
  g_signal_connect_object (self->staff, "items-changed", G_CALLBACK (staff_list_changed_cb), self, G_CONNECT_SWAPPED);
  staff_list_changed_cb (self);

  /* Staff come and go (the studio settings): the empty state follows. */
  g_signal_connect_object (studio, "changes", G_CALLBACK (columns_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
rg_calendar_view_dispose (GObject *object)
{
  RgCalendarView *self = RG_CALENDAR_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_CALENDAR_VIEW);
  self->day_view = NULL;
  self->week_view = NULL;
  self->month_view = NULL;
  g_clear_object (&self->staff);
  g_clear_pointer (&self->staff_ids, g_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, date_label);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, calendar);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, stack);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, day_scroller);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, week_scroller);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, month_bin);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, day_button);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, week_button);
  gtk_widget_class_bind_template_child (widget_class, RgCalendarView, month_button);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, staff_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "calendar.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "calendar.mode", "i", mode_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, 0, "calendar.mode", "i", RG_CALENDAR_MODE_DAY);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, 0, "calendar.mode", "i", RG_CALENDAR_MODE_WEEK);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "calendar.mode", "i", RG_CALENDAR_MODE_MONTH);

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
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

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
