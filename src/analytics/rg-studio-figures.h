/* rg-studio-figures.h — the analytics' figures for one client or one
 * moment, asked with the studio: what the widgets call, never holding the
 * store.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-studio.h"
#include "rg-call-list.h"
#include "rg-client-stats.h"
#include "rg-retention.h"

G_BEGIN_DECLS

gboolean   rg_studio_client_stats      (RgStudio        *studio,
                                        gint64           client_id,
                                        gint64           now,
                                        RgClientStats   *stats,
                                        GError         **error);
GPtrArray *rg_studio_client_history    (RgStudio        *studio,
                                        gint64           client_id,
                                        guint            limit,
                                        GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   rg_studio_client_rhythm     (RgStudio        *studio,
                                        gint64           client_id,
                                        RgDate           day,
                                        RgClientRhythm  *rhythm,
                                        GError         **error);
gboolean   rg_studio_client_usual      (RgStudio        *studio,
                                        gint64           client_id,
                                        RgClientUsual   *usual,
                                        GError         **error);
GPtrArray *rg_studio_tasks_falling_due (RgStudio        *studio,
                                        gint64           from,
                                        gint64           to,
                                        GError         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
