/* rg-call.h — a call to a client and its outcome: the model's door for
 * what the call dialog writes (the timeline entry, a task to call back,
 * the call-back task it answers), and for a booking made in the call.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-booking.h"
#include "rg-studio.h"

G_BEGIN_DECLS

typedef enum {
  RG_CALL_OUTCOME_BOOKED,
  RG_CALL_OUTCOME_CALL_BACK,
  RG_CALL_OUTCOME_NOT_INTERESTED,
  RG_CALL_OUTCOME_NO_ANSWER,
} RgCallOutcome;

/* Who was called, and what for. */
typedef struct {
  gint64 client_id;
  gint64 task_id;     /* the call-back task this call answers, or 0 */
  gint64 staff_id;    /* the client's usual master, noted in the timeline, or 0 */
} RgCall;

gboolean       rg_call_log         (RgStudio              *studio,
                                    const RgCall          *call,
                                    RgCallOutcome          outcome,
                                    gint64                 when,
                                    const char            *reason,
                                    GError               **error);
RgAppointment *rg_call_book        (RgStudio              *studio,
                                    const RgCall          *call,
                                    const RgBookingDraft  *draft,
                                    GError               **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray     *rg_call_book_series (RgStudio              *studio,
                                    const RgCall          *call,
                                    const RgBookingDraft  *draft,
                                    int                    every_weeks,
                                    RgDate                 until,
                                    RgBookingSeriesMode    mode,
                                    GError               **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean       rg_task_create      (RgStudio              *studio,
                                    gint64                 client_id,
                                    const char            *text,
                                    gint64                 due_at,
                                    GError               **error);
gboolean       rg_task_mark_done   (RgStudio              *studio,
                                    gint64                 task_id,
                                    GError               **error);

G_END_DECLS
