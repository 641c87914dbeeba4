/* rg-client-row.h — one client in a list.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-client.h"
#include "model/rg-client-list.h"

G_BEGIN_DECLS

#define RG_TYPE_CLIENT_ROW (rg_client_row_get_type ())
G_DECLARE_FINAL_TYPE (RgClientRow, rg_client_row, RG, CLIENT_ROW, GtkWidget)

RgClient *rg_client_row_get_client (RgClientRow *self);
void      rg_client_row_set_client (RgClientRow *self,
                                    RgClient    *client);

void      rg_client_row_set_list   (RgClientRow  *self,
                                    RgClientList *list);
void      rg_client_row_update_status (RgClientRow *self);
/* Shows the client again as the model gives them (after a sign-in: the
 * phone masked or not). */
void      rg_client_row_refresh    (RgClientRow *self);

G_END_DECLS
