/* rg-export-dialog.h — "Export Clients…" and "Export Appointments…": the
 * format, or the period and the master; then the file; then the export in
 * a thread and a toast.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

typedef enum {
  RG_EXPORT_DIALOG_CLIENTS,
  RG_EXPORT_DIALOG_APPOINTMENTS,
} RgExportDialogKind;

#define RG_TYPE_EXPORT_DIALOG (rg_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgExportDialog, rg_export_dialog, RG, EXPORT_DIALOG, AdwMessageDialog)

RgExportDialog *rg_export_dialog_new            (GtkWindow          *parent,
                                                 RgStudio           *studio,
                                                 RgExportDialogKind  kind);
/* What the file chooser suggests: "Clients 2026-12-07.csv". */
char           *rg_export_dialog_suggest_name   (RgExportDialog     *self) G_GNUC_WARN_UNUSED_RESULT;
/* Exports what the dialog shows to @file (the file chooser's answer, or a
 * test's); ::finished tells how it went. */
void            rg_export_dialog_export_to      (RgExportDialog     *self,
                                                 GFile              *file);

G_END_DECLS
