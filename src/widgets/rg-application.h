/* rg-application.h — the application: command line, studios, windows.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_APPLICATION (rg_application_get_type ())
G_DECLARE_FINAL_TYPE (RgApplication, rg_application, RG, APPLICATION, AdwApplication)

RgApplication *rg_application_new         (void) G_GNUC_WARN_UNUSED_RESULT;
RgStudio      *rg_application_open_studio (RgApplication  *self,
                                           const char     *path,
                                           gboolean        demo,
                                           GError        **error) G_GNUC_WARN_UNUSED_RESULT;
char          *rg_application_demo_path   (const char     *language,
                                           gint64          now) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
