/* rg-service-editor.h — the Studio window's page for one service: name,
 * category, duration, price and recommended repeat interval.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-service.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_SERVICE_EDITOR (rg_service_editor_get_type ())
G_DECLARE_FINAL_TYPE (RgServiceEditor, rg_service_editor, RG, SERVICE_EDITOR, AdwBin)

GtkWidget *rg_service_editor_new          (RgStudio        *studio,
                                           RgService       *service) G_GNUC_WARN_UNUSED_RESULT;
RgService *rg_service_editor_get_service  (RgServiceEditor *self);
gboolean   rg_service_editor_save         (RgServiceEditor *self,
                                           GError         **error);

G_END_DECLS
