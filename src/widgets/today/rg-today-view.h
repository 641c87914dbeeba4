/* rg-today-view.h — the screen the administrator opens first: whom to
 * call today and why, tasks due, birthdays.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "analytics/rg-call-list.h"
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

G_END_DECLS
