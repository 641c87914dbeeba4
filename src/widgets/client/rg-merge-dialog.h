/* rg-merge-dialog.h — choosing the card to merge into the one shown.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-client-merge.h"

G_BEGIN_DECLS

/* @moved on success, @error on failure. */
/* @undo: for rg_client_merge_undo(); NULL with @error. */
typedef void (*RgMergeDone) (const RgMergeCounts *moved,
                             GBytes              *undo,
                             const GError        *error,
                             gpointer             data);

GtkWidget *rg_merge_dialog_present (GtkWindow   *parent,
                                    RgStudio    *studio,
                                    RgClient    *keep,
                                    RgMergeDone  done,
                                    gpointer     done_data);

G_END_DECLS
