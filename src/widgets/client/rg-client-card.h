/* rg-client-card.h — the pane that shows the selected client.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_CLIENT_CARD (rg_client_card_get_type ())
G_DECLARE_FINAL_TYPE (RgClientCard, rg_client_card, RG, CLIENT_CARD, AdwBin)

RgStudio *rg_client_card_get_studio (RgClientCard *self);
void      rg_client_card_set_studio (RgClientCard *self,
                                     RgStudio     *studio);
RgClient *rg_client_card_get_client (RgClientCard *self);
/* Whether the signed-in role may change nothing of the shown client (a
 * master and another master's client): no edit button, nothing editable. */
gboolean  rg_client_card_is_read_only (RgClientCard *self);

G_END_DECLS
