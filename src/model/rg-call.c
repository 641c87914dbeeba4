/* rg-call.c — a call's outcome, written in one transaction: the call in
 * the client's timeline, a task when they are to be called again, and the
 * call-back task the call answered marked done. "Booked" is written only
 * with the booking itself (rg_call_book()), so a call whose booking is
 * never saved leaves the client on the call list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-call.h"
#include "rg-format.h"
#include "rg-interaction.h"

static gboolean
save_entry (RgStudio           *studio,
            const RgCall       *call,
            RgInteractionKind   kind,
            const char         *body,
            const char         *outcome,
            gint64              due_at,
            GError            **error)
{
  g_autoptr(RgInteraction) entry = rg_interaction_new (call->client_id, kind, body);

  if (outcome)
    g_object_set (entry, "outcome", outcome, NULL);
  if (due_at)
    g_object_set (entry, "due-at", due_at, NULL);
  if (call->staff_id)
    g_object_set (entry, "staff-id", call->staff_id, NULL);
  return rg_studio_save (studio, entry, error);
}

/* Inside the caller's transaction. @booked_at: the start of the booking a
 * "booked" call made. */
static gboolean
log_in_transaction (RgStudio       *studio,
                    const RgCall   *call,
                    RgCallOutcome   outcome,
                    gint64          when,
                    const char     *reason,
                    gint64          booked_at,
                    GError        **error)
{
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  gint64 now = rg_store_now ();
  gboolean ok;

  switch (outcome)
    {
    case RG_CALL_OUTCOME_BOOKED:
      date = rg_format_date_time (booked_at);
      /* Translators: a call's outcome in the timeline; %s is the booking's day and time */
      body = g_strdup_printf (_("Called: booked for %s"), date);
      ok = save_entry (studio, call, RG_INTERACTION_CALL, body, "booked", 0, error);
      break;
    case RG_CALL_OUTCOME_CALL_BACK:
      date = rg_format_date_time (when);
      /* Translators: a call's outcome in the timeline; %s is a day and time */
      body = g_strdup_printf (_("Called: call back on %s"), date);
      ok = save_entry (studio, call, RG_INTERACTION_CALL, body, "call_back", 0, error) &&
           save_entry (studio, call, RG_INTERACTION_TASK, _("Call back"), NULL, when, error);
      break;
    case RG_CALL_OUTCOME_NOT_INTERESTED:
      body = reason && *reason
           /* Translators: a call's outcome in the timeline with the client's reason */
           ? g_strdup_printf (_("Called: not interested — %s"), reason)
           : g_strdup (_("Called: not interested"));
      ok = save_entry (studio, call, RG_INTERACTION_CALL, body, "not_interested", 0, error);
      break;
    case RG_CALL_OUTCOME_NO_ANSWER:
    default:
      /* Tomorrow, at this time. */
      ok = save_entry (studio, call, RG_INTERACTION_CALL, _("Called: no answer"), "no_answer", 0, error) &&
           save_entry (studio, call, RG_INTERACTION_TASK, _("Call again (no answer)"), NULL,
                       rg_time_from_local (rg_date_add_days (rg_date_today (), 1), rg_time_minute_of_day (now)),
                       error);
      break;
    }

  /* The task this call was for is done. */
  if (ok && call->task_id)
    {
      g_autoptr(RgInteraction) task = rg_studio_lookup (studio, RG_TYPE_INTERACTION, call->task_id, NULL);

      if (task)
        {
          g_object_set (task, "done-at", now, NULL);
          ok = rg_studio_save (studio, task, error);
        }
    }

  return ok;
}

/* Logs a call that did not book (@when: the call-back time of
 * RG_CALL_OUTCOME_CALL_BACK, still ahead; @reason: why not, for
 * RG_CALL_OUTCOME_NOT_INTERESTED). A booking is logged with
 * rg_call_book(), when it is saved. */
gboolean
rg_call_log (RgStudio       *studio,
             const RgCall   *call,
             RgCallOutcome   outcome,
             gint64          when,
             const char     *reason,
             GError        **error)
{
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (call != NULL && call->client_id != 0, FALSE);
  g_return_val_if_fail (outcome != RG_CALL_OUTCOME_BOOKED, FALSE);

  if (outcome == RG_CALL_OUTCOME_CALL_BACK && when <= rg_store_now ())
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose a day and time to call back that are still ahead."));
      return FALSE;
    }

  if (!rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, call->client_id, error))
    return FALSE;
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!log_in_transaction (studio, call, outcome, when, reason, 0, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return rg_store_commit (store, error);
}

/* Ends the transaction of a booking made in @call: with the booking saved
 * (@saved), the call logged as booked for @booked_at and committed; else
 * rolled back. */
static gboolean
commit_booked (RgStudio      *studio,
               const RgCall  *call,
               gint64         booked_at,
               gboolean       saved,
               GError       **error)
{
  RgStore *store = rg_studio_get_store (studio);

  if (!saved || !log_in_transaction (studio, call, RG_CALL_OUTCOME_BOOKED, 0, NULL, booked_at, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return rg_store_commit (store, error);
}

/* Saves the booking of @draft made in @call and logs the call as booked,
 * in one transaction. */
RgAppointment *
rg_call_book (RgStudio              *studio,
              const RgCall          *call,
              const RgBookingDraft  *draft,
              GError               **error)
{
  g_autoptr(RgAppointment) saved = NULL;
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (call != NULL && call->client_id != 0, NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  /* Checked before the transaction: a refusal inside it would be rolled
   * back with it, and the audit log's row with it. */
  if (!rg_studio_allowed_booking (studio, draft->appointment_id, draft->staff_id, error))
    return NULL;
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return NULL;
  saved = rg_booking_save (studio, draft, error);
  if (!commit_booked (studio, call, saved ? rg_appointment_get_starts_at (saved) : 0, saved != NULL, error))
    return NULL;
  return g_steal_pointer (&saved);
}

/* The same for a repeating booking (rg_booking_save_series()). */
GPtrArray *
rg_call_book_series (RgStudio              *studio,
                     const RgCall          *call,
                     const RgBookingDraft  *draft,
                     int                    every_weeks,
                     RgDate                 until,
                     RgBookingSeriesMode    mode,
                     GError               **error)
{
  g_autoptr(GPtrArray) saved = NULL;
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (call != NULL && call->client_id != 0, NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!rg_studio_allowed_booking (studio, draft->appointment_id, draft->staff_id, error))
    return NULL;
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return NULL;
  saved = rg_booking_save_series (studio, draft, every_weeks, until, mode, error);
  if (!commit_booked (studio, call, saved ? rg_appointment_get_starts_at (g_ptr_array_index (saved, 0)) : 0,
                      saved != NULL, error))
    return NULL;
  return g_steal_pointer (&saved);
}

/* Tasks ------------------------------------------------------------------------ */

/* A task to call @client_id back at @due_at: @text, or "Call back". */
gboolean
rg_task_create (RgStudio    *studio,
                gint64       client_id,
                const char  *text,
                gint64       due_at,
                GError     **error)
{
  g_autoptr(RgInteraction) task = NULL;
  g_autofree char *body = g_strstrip (g_strdup (text ? text : ""));

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (due_at <= 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Choose when the task is due."));
      return FALSE;
    }
  task = rg_interaction_new (client_id, RG_INTERACTION_TASK, *body ? body : _("Call back"));
  g_object_set (task, "due-at", due_at, NULL);
  return rg_studio_save (studio, task, error);
}

/* Marks the task @task_id done now. */
gboolean
rg_task_mark_done (RgStudio  *studio,
                   gint64     task_id,
                   GError   **error)
{
  g_autoptr(RgInteraction) task = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  task = rg_studio_lookup (studio, RG_TYPE_INTERACTION, task_id, error);
  if (task == NULL)
    return FALSE;
  if (rg_interaction_get_kind (task) != RG_INTERACTION_TASK)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Only a task can be marked done."));
      return FALSE;
    }
  g_object_set (task, "done-at", rg_store_now (), NULL);
  return rg_studio_save (studio, task, error);
}
