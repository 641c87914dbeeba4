/* rg-schema-private.h — the ordered list of schema migrations.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int         version;  /* PRAGMA user_version after this migration */
  const char *sql;      /* run in one transaction together with the version bump */
} RgMigration;

const RgMigration *rg_schema_get_migrations (guint *n_migrations);

G_END_DECLS
