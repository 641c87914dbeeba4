/* rg-report-satisfaction.h — the satisfaction figures as text and JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "analytics/rg-satisfaction.h"

G_BEGIN_DECLS

/* @staff, @service: the master and the service the figures were counted
 * for, named in the heading; NULL for every one. */
char *rg_report_satisfaction_text (const RgSatisfaction *self,
                                   const char           *staff,
                                   const char           *service) G_GNUC_WARN_UNUSED_RESULT;
char *rg_report_satisfaction_json (const RgSatisfaction *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
