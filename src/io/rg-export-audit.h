/* rg-export-audit.h — the audit log, as its window filters it, to CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "io/rg-export.h"
#include "model/rg-audit.h"

G_BEGIN_DECLS

/* Writes the rows that pass @filter (every row: no cap), newest first, to
 * @path as @format (RG_EXPORT_CSV or RG_EXPORT_CSV_COMMA: the clients'
 * CSV dialects), and notes the export itself in the log. Needs
 * RG_ACTION_AUDIT_LOG. Returns the rows written, or -1 with @error set
 * (nothing left at @path). */
gint64 rg_export_audit_log (RgStudio            *studio,
                            const char          *path,
                            RgExportFormat       format,
                            const RgAuditFilter *filter,
                            GError             **error);

G_END_DECLS
