/* rg-store-insert.h — many new rows written straight into one table, each
 * value set by its column's name, the columns checked against the schema the
 * migrations made.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-store.h"

G_BEGIN_DECLS

typedef struct _RgStoreInsert RgStoreInsert;

RgStoreInsert *rg_store_insert_new         (RgStore        *store,
                                            const char     *table,
                                            guint64         n_rows,
                                            GError        **error) G_GNUC_WARN_UNUSED_RESULT;
void           rg_store_insert_free        (RgStoreInsert  *self);

void           rg_store_insert_int         (RgStoreInsert  *self,
                                            const char     *column,
                                            gint64          value);
void           rg_store_insert_text        (RgStoreInsert  *self,
                                            const char     *column,
                                            const char     *text);
void           rg_store_insert_text_static (RgStoreInsert  *self,
                                            const char     *column,
                                            const char     *text);
void           rg_store_insert_null        (RgStoreInsert  *self,
                                            const char     *column);

gboolean       rg_store_insert_row         (RgStoreInsert  *self,
                                            GError        **error);
gboolean       rg_store_insert_finish      (RgStoreInsert  *self,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgStoreInsert, rg_store_insert_free)

G_END_DECLS
