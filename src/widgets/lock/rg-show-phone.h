/* rg-show-phone.h — "Show Phone…" on the client card, for a master
 * looking at someone else's client: a director's approval, then the
 * phone unmasked.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

/* A button for a phone row's suffix, hidden until updated. */
GtkWidget *rg_show_phone_button_new     (void);
/* Shown when the session may not see @client_id's phones. */
void       rg_show_phone_button_update  (GtkWidget *button,
                                         RgStudio  *studio,
                                         gint64     client_id);

G_END_DECLS
