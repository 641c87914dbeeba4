/* rg-service-row.h — a service in the Studio window: name, length, price.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-service.h"

G_BEGIN_DECLS

#define RG_TYPE_SERVICE_ROW (rg_service_row_get_type ())
G_DECLARE_FINAL_TYPE (RgServiceRow, rg_service_row, RG, SERVICE_ROW, AdwActionRow)

GtkWidget *rg_service_row_new          (RgService    *service) G_GNUC_WARN_UNUSED_RESULT;
RgService *rg_service_row_get_service  (RgServiceRow *self);
char      *rg_service_row_format_duration (int        minutes) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
