/* rg-task-dialog.h — a new task: "call back tomorrow afternoon", from anywhere.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

GtkWidget    *rg_task_dialog_new      (GtkWindow     *parent,
                                       RgStudio      *studio,
                                       gint64         client_id);

G_END_DECLS
