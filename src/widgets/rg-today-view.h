/* rg-today-view.h — the screen the administrator opens first: whom to
 * call today and why, tasks due, birthdays; and the call itself.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "analytics/rg-call-list.h"
#include "model/rg-call.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

/* The calls a section shows before its "Show N More": a first screen, and
 * a row costs some 35 KB (20 rows in each of five sections). */
#define RG_TODAY_VIEW_SECTION_ROWS 20

#define RG_TYPE_TODAY_VIEW (rg_today_view_get_type ())
G_DECLARE_FINAL_TYPE (RgTodayView, rg_today_view, RG, TODAY_VIEW, GtkWidget)

void        rg_today_view_set_studio   (RgTodayView *self,
                                        RgStudio    *studio);
void        rg_today_view_set_day      (RgTodayView *self,
                                        RgDate       day);   /* tests fix "today" */
gboolean    rg_today_view_is_loading   (RgTodayView *self);
GPtrArray  *rg_today_view_get_entries  (RgTodayView *self);  /* RgCallEntry, not owned */

/* The call with its script and one-click outcomes (RgCallOutcome). */
#define RG_TYPE_CALL_DIALOG (rg_call_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgCallDialog, rg_call_dialog, RG, CALL_DIALOG, AdwWindow)

RgCallDialog *rg_call_dialog_new      (GtkWindow     *parent,
                                       RgStudio      *studio,
                                       gint64         client_id,
                                       gint64         task_id);
const char   *rg_call_dialog_get_script (RgCallDialog *self);
/* @when: the call back time (RG_CALL_OUTCOME_CALL_BACK); @reason: why not
 * (RG_CALL_OUTCOME_NOT_INTERESTED). Writes the timeline, closes. Booked
 * opens the editor instead, and the call is written with the booking; a
 * booking not saved brings the call back. */
gboolean      rg_call_dialog_log      (RgCallDialog  *self,
                                       RgCallOutcome  outcome,
                                       gint64         when,
                                       const char    *reason,
                                       GError       **error);

/* Tasks: "call back tomorrow afternoon", from anywhere. */
GtkWidget    *rg_task_dialog_new      (GtkWindow     *parent,
                                       RgStudio      *studio,
                                       gint64         client_id);

G_END_DECLS
