/* rg-report-satisfaction.h — the satisfaction figures as JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "analytics/rg-satisfaction.h"

G_BEGIN_DECLS

char *rg_report_satisfaction_json (const RgSatisfaction *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
