/* rg-application.h — the application: command line, studios, windows.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_APPLICATION (rg_application_get_type ())
G_DECLARE_FINAL_TYPE (RgApplication, rg_application, RG, APPLICATION, AdwApplication)

RgApplication *rg_application_new         (void) G_GNUC_WARN_UNUSED_RESULT;
void           rg_application_tune_memory (void);
void           rg_application_open_studio_async  (RgApplication        *self,
                                                  const char           *path,
                                                  gboolean              demo,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
RgStudio      *rg_application_open_studio_finish (RgApplication        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void           rg_application_restore_studio (RgApplication       *self,
                                              const char          *studio_path,
                                              const char          *backup_path);
void           rg_application_set_progress_delay (RgApplication        *self,
                                                  guint                 ms);
char          *rg_application_demo_path   (const char     *language,
                                           gint64          now) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
