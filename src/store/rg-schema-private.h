/* rg-schema-private.h — the ordered list of schema migrations.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#include "rg-store.h"

typedef struct {
  int         version;  /* PRAGMA user_version after this migration */
  const char *sql;      /* run in one transaction together with the version bump */
  /* What SQL alone cannot do, run after it in the same transaction; NULL
   * for none. */
  gboolean  (*fixup) (RgStore *store, GError **error);
} RgMigration;

const RgMigration *rg_schema_get_migrations (guint *n_migrations);

G_END_DECLS
