/* rg-new-client.h — a new client with just a name and a phone.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

GtkWidget *rg_new_client_dialog_present (GtkWindow  *parent,
                                         RgStudio   *studio,
                                         const char *prefill);

G_END_DECLS
