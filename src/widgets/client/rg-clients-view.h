/* rg-clients-view.h — the client list with search as you type.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-client-list.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_CLIENTS_VIEW (rg_clients_view_get_type ())
G_DECLARE_FINAL_TYPE (RgClientsView, rg_clients_view, RG, CLIENTS_VIEW, AdwBin)

RgStudio     *rg_clients_view_get_studio   (RgClientsView *self);
void          rg_clients_view_set_studio   (RgClientsView *self,
                                            RgStudio      *studio);
RgClientList *rg_clients_view_get_list     (RgClientsView *self);
void          rg_clients_view_focus_search (RgClientsView *self);

const char    *rg_clients_view_get_search_text (RgClientsView *self);

G_END_DECLS
