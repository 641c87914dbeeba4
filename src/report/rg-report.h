/* rg-report.h — `regulars --report KIND`: figures for scripts, no window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-studio.h"

G_BEGIN_DECLS

typedef struct {
  const char *from;        /* YYYY-MM-DD; NULL: the first of this month */
  const char *to;          /* YYYY-MM-DD; NULL: today */
  const char *staff;       /* a master's name (or part of it) or number; NULL: every master */
  const char *service;     /* a service's, likewise; NULL: every service */
  const char *as_of;       /* YYYY-MM-DD; NULL: today (retention) */
  gboolean    json;
} RgReportOptions;

char *rg_report_run (RgStore                *store,
                     const char             *kind,
                     const RgReportOptions  *options,
                     GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* The command line's: on a studio with profiles, refused
 * (RG_STUDIO_ERROR_DENIED, the refusal in the audit log) unless the
 * signed-in role may see reports; a payroll without everyone's pay is of
 * the signed-in person alone. Each report run is in the audit log. */
char *rg_report_run_studio (RgStudio               *studio,
                            const char             *kind,
                            const RgReportOptions  *options,
                            GError                **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
