/* rg-report-retention.h — the retention figures as text and JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "analytics/rg-dashboard.h"

G_BEGIN_DECLS

char *rg_report_retention_text (const RgDashboard *self) G_GNUC_WARN_UNUSED_RESULT;
char *rg_report_retention_json (const RgDashboard *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
