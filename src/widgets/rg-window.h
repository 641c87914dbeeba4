/* rg-window.h — the main window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"
#include "widgets/editor/rg-appointment-editor.h"
#include "widgets/io/rg-import-dialog.h"
#include "rg-application.h"

G_BEGIN_DECLS

#define RG_TYPE_WINDOW (rg_window_get_type ())
G_DECLARE_FINAL_TYPE (RgWindow, rg_window, RG, WINDOW, AdwApplicationWindow)

RgWindow *rg_window_new                     (RgApplication *application,
                                             RgStudio      *studio,
                                             gboolean       demo) G_GNUC_WARN_UNUSED_RESULT;
void      rg_window_quit_after_first_frame  (RgWindow      *self);
/* Whether the page (“today”, “calendar”, “clients”, “satisfaction”,
 * “retention”) is there for the signed-in role. */
gboolean  rg_window_page_shown              (RgWindow      *self,
                                             const char    *page);
void      rg_window_backup_to_file          (RgWindow      *self,
                                             GFile         *file);
void      rg_window_restore_from_file       (RgWindow      *self,
                                             GFile         *file);
RgAppointmentEditor *rg_window_book_client (RgWindow     *self,
                                            RgClient     *client,
                                            gint64        service_id,
                                            gint64        staff_id,
                                            const RgCall *call);
void      rg_window_add_toast               (RgWindow      *self,
                                             AdwToast      *toast);
void      rg_window_add_undo_toast          (RgWindow      *self,
                                             AdwToast      *toast);
void      rg_window_import_file             (RgWindow      *self,
                                             RgImportDialogKind kind,
                                             GFile         *file);
void      rg_window_set_lock_timeout        (RgWindow      *self,
                                             guint          seconds);
gboolean  rg_window_get_locked              (RgWindow      *self);

G_END_DECLS
