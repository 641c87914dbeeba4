/* rg-import-dialog.h — bringing a base in: a file's columns mapped, every
 * row checked and shown, nothing written until the user confirms.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

typedef enum {
  RG_IMPORT_DIALOG_CLIENTS,
  RG_IMPORT_DIALOG_VISITS,
} RgImportDialogKind;

#define RG_TYPE_IMPORT_DIALOG (rg_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgImportDialog, rg_import_dialog, RG, IMPORT_DIALOG, AdwWindow)

/* Reads @file; NULL with @error set when it cannot be read at all (an
 * empty file, a picture, a broken encoding): nothing to preview. */
RgImportDialog *rg_import_dialog_new          (GtkWindow          *parent,
                                               RgStudio           *studio,
                                               RgImportDialogKind  kind,
                                               GFile              *file,
                                               GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* For tests: what the dialog would do, and doing it as the Import button. */
guint           rg_import_dialog_get_n_rows   (RgImportDialog     *self);
guint           rg_import_dialog_get_n_columns (RgImportDialog    *self);
int             rg_import_dialog_get_column_field (RgImportDialog *self,
                                               guint               column);
void            rg_import_dialog_set_column_field (RgImportDialog *self,
                                               guint               column,
                                               int                 field);
void            rg_import_dialog_set_duplicates (RgImportDialog   *self,
                                               int                 choice);
char           *rg_import_dialog_dup_summary  (RgImportDialog     *self) G_GNUC_WARN_UNUSED_RESULT;
char           *rg_import_dialog_dup_row_status (RgImportDialog   *self,
                                               guint               index) G_GNUC_WARN_UNUSED_RESULT;
gboolean        rg_import_dialog_run_import   (RgImportDialog     *self,
                                               GError            **error);

G_END_DECLS
