/* rg-store-lock-private.h — keeping the studio's lock while it is open.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _RgFileGuard RgFileGuard;

void         rg_store_lock_init   (void);
RgFileGuard *rg_file_guard_take   (const char  *path);
void         rg_file_guard_close  (RgFileGuard *guard,
                                   sqlite3     *db);

G_END_DECLS
