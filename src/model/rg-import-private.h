/* rg-import-private.h — what the clients and the visits imports share
 * (rg-import.c): rows' problems, cells, the undo's wrapping.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-import.h"
#include "store/rg-store.h"

G_BEGIN_DECLS

#define MAX_SHORT  1024        /* bytes of a name, a phone, an e-mail, a tag list... */
#define MAX_LONG   (64 * 1024) /* bytes of notes */
#define NOON       (12 * 60)
#define NEW_SERVICE_MINUTES 60

void        rg_import_problem_free (gpointer        data);
void        rg_import_add_problem  (GPtrArray      *problems,
                                    gboolean        fatal,
                                    const char     *code,
                                    const char     *column,
                                    const char     *message);
gboolean    rg_import_has_fatal    (GPtrArray      *problems);
char       *rg_import_cell         (const char     *text) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rg_import_too_long     (GPtrArray      *problems,
                                    const char     *text,
                                    gsize           max,
                                    const char     *column);
GBytes     *rg_import_pack_undo    (const char     *what,
                                    const char     *file_name,
                                    gint64          rows,
                                    GBytes         *changes) G_GNUC_WARN_UNUSED_RESULT;
char       *rg_import_given_name   (const char     *full_name,
                                    gboolean        given_first) G_GNUC_WARN_UNUSED_RESULT;
GHashTable *rg_import_load_phones  (RgStore        *store,
                                    GError        **error) G_GNUC_WARN_UNUSED_RESULT;
void        rg_import_count_action (RgImportCounts *counts,
                                    RgImportAction  action,
                                    gboolean        warned);
void        rg_import_bind_text    (RgStmt         *stmt,
                                    int             column,
                                    const char     *text);

G_END_DECLS
