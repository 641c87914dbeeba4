/* test-util.h — what several tests need: a demo studio in a folder of its
 * own, opening a studio, one value from SQL, and removing a folder.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "model/rg-client.h"
#include "model/rg-studio.h"
#include "store/rg-store.h"

G_BEGIN_DECLS

char *test_make_demo   (const char *name,
                        const char *language,
                        gint64      now) G_GNUC_WARN_UNUSED_RESULT;
void  test_remove_demo (const char *demo_path);
void  test_remove_tree (const char *path);

RgClient *test_add_client  (RgStudio         *studio,
                            const char       *name,
                            const char       *phone) G_GNUC_WARN_UNUSED_RESULT;
RgStudio *test_open_studio (const char       *path,
                            RgStoreOpenFlags  flags) G_GNUC_WARN_UNUSED_RESULT;
gint64    test_sql_int     (RgStore          *store,
                            const char       *sql,
                            gint64            arg);
char     *test_sql_text    (RgStore          *store,
                            const char       *sql,
                            gint64            arg) G_GNUC_WARN_UNUSED_RESULT;
/* Runs @sql, one statement that gives no row back, with ?1, ?2, ... bound
 * in order as @types says: 'i' a gint64 (cast a literal: 900 is an int),
 * 't' a string (NULL binds NULL). */
void      test_sql_run     (RgStore          *store,
                            const char       *sql,
                            const char       *types,
                            ...);

G_END_DECLS
