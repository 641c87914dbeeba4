/* rg-calendar-move.c — moving a booking by dragging its card.
 *
 * A drop is saved at once when it lands within the master's working hours.
 * Outside them the calendar asks first, as the editor does — unless the
 * booking was already outside the hours of the same master on the same
 * day (someone agreed to that once; nudging it is no news). Declining
 * leaves the booking where it was: the view lays the card out from the
 * unchanged appointment.
 *
 * The outcome is told through the view's own signals, which the day and
 * week views share: ::moved (appointment, previous staff, start and end)
 * once saved, ::error (a message) when the rules refuse the move.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-calendar"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-booking.h"
#include "model/rg-format.h"
#include "model/rg-staff.h"
#include "util/rg-time.h"
#include "rg-calendar-move.h"

typedef struct {
  GtkWidget          *view;
  RgStudio           *studio;
  RgAppointment      *appointment;
  gint64              staff_id;    /* 0: the same */
  gint64              starts_at;
  gint64              ends_at;     /* 0: the same length */
  gint64              previous_staff_id;
  gint64              previous_starts_at;
  gint64              previous_ends_at;
} Move;

static void
move_free (Move *move)
{
  g_clear_object (&move->view);
  g_clear_object (&move->studio);
  g_clear_object (&move->appointment);
  g_free (move);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Move, move_free)

static void
save (Move *move)
{
  g_autoptr(GError) error = NULL;

  if (rg_booking_move (move->studio, move->appointment, move->staff_id, move->starts_at, move->ends_at, &error))
    g_signal_emit_by_name (move->view, "moved", move->appointment, move->previous_staff_id,
                           move->previous_starts_at, move->previous_ends_at);
  else
    g_signal_emit_by_name (move->view, "error", error->message);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Move             *move)
{
  if (g_str_equal (response, "move") && gtk_widget_get_root (move->view))
    save (move);
}

/* Whether [start, end) is within @staff_id's hours; errors count as yes
 * (a question nobody can answer is not asked). */
static gboolean
within_hours (RgStudio *studio,
              gint64    staff_id,
              gint64    start,
              gint64    end)
{
  g_autoptr(GError) error = NULL;
  gboolean within = TRUE;

  if (!rg_booking_check_hours (studio, staff_id, start, end, &within, &error))
    {
      g_warning ("Could not check the working hours: %s", error->message);
      return TRUE;
    }
  return within;
}

/* Moves @appointment to @staff_id (0: the same) at [@starts_at, @ends_at)
 * (@ends_at 0: the same length), asking first when that is outside the
 * master's working hours; @view's ::moved or ::error tells the outcome. */
void
rg_calendar_move (GtkWidget     *view,
                  RgStudio      *studio,
                  RgAppointment *appointment,
                  gint64         staff_id,
                  gint64         starts_at,
                  gint64         ends_at)
{
  g_autoptr(Move) move = g_new0 (Move, 1);
  g_autoptr(RgStaff) staff = NULL;
  g_autofree char *date = NULL, *from = NULL, *to = NULL;
  gint64 target_staff, target_end;
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (RG_IS_APPOINTMENT (appointment));

  move->view = g_object_ref (view);
  move->studio = g_object_ref (studio);
  move->appointment = g_object_ref (appointment);
  move->staff_id = staff_id;
  move->starts_at = starts_at;
  move->ends_at = ends_at;
  move->previous_staff_id = rg_appointment_get_staff_id (appointment);
  move->previous_starts_at = rg_appointment_get_starts_at (appointment);
  move->previous_ends_at = rg_appointment_get_ends_at (appointment);

  target_staff = staff_id ? staff_id : move->previous_staff_id;
  target_end = ends_at ? ends_at : starts_at + (move->previous_ends_at - move->previous_starts_at);
  root = gtk_widget_get_root (view);

  /* Within the hours; a booking that no longer counts; already outside the
   * same master's hours that day; or nowhere to ask: no question. */
  if (!rg_booking_status_is_active (rg_appointment_get_status (appointment)) ||
      within_hours (studio, target_staff, starts_at, target_end) ||
      (target_staff == move->previous_staff_id &&
       rg_date_compare (rg_date_from_time (starts_at), rg_date_from_time (move->previous_starts_at)) == 0 &&
       !within_hours (studio, move->previous_staff_id, move->previous_starts_at, move->previous_ends_at)) ||
      !GTK_IS_WINDOW (root))
    {
      save (move);
      return;
    }

  staff = rg_studio_lookup (studio, RG_TYPE_STAFF, target_staff, NULL);
  date = rg_format_day (rg_date_from_time (starts_at));
  from = rg_format_clock (rg_time_minute_of_day (starts_at));
  to = rg_format_clock (rg_time_minute_of_day (target_end));

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Move Outside Working Hours?"), NULL);
  /* Translators: the staff member, the date, the start and the end */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s does not work on %s at %s–%s according to the schedule."),
                                  staff ? rg_staff_get_display_name (staff) : "", date, from, to);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), g_steal_pointer (&move),
                         (GClosureNotify) (void (*) (void)) move_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
