/* rg-retention-view.h — the retention dashboard.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "analytics/rg-dashboard.h"
#include "model/rg-studio.h"
#include "widgets/satisfaction/rg-satisfaction-view.h"

G_BEGIN_DECLS

#define RG_TYPE_RETENTION_VIEW (rg_retention_view_get_type ())
G_DECLARE_FINAL_TYPE (RgRetentionView, rg_retention_view, RG, RETENTION_VIEW, GtkWidget)

void               rg_retention_view_set_studio  (RgRetentionView *self,
                                                  RgStudio        *studio);
void               rg_retention_view_set_period  (RgRetentionView *self,
                                                  RgPeriodKind     kind,
                                                  RgDate           day);
gboolean           rg_retention_view_is_loading  (RgRetentionView *self);
const RgDashboard *rg_retention_view_get_result  (RgRetentionView *self);
const char        *rg_retention_view_get_figure  (RgRetentionView *self,
                                                  guint            index);
const char        *rg_retention_view_get_period_text (RgRetentionView *self);
const char        *rg_retention_view_get_trend_note  (RgRetentionView *self);

G_END_DECLS
