/* rg-background.h — counting in the background at a lower priority.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Like g_task_run_in_thread(), in a thread of its own whose scheduling
 * priority is lowered (nice 10 on Linux): the analytics that count for a
 * second while the window draws give way to it. The task's callback runs
 * in its context as usual. */
void rg_task_run_in_background (GTask           *task,
                                GTaskThreadFunc  func);
void rg_background_give_back   (void);

G_END_DECLS
