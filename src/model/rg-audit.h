/* rg-audit.h — the audit log: who did what to the studio's data as a whole
 * (exports, imports, backups, restores; later erasures, merges, roles).
 * Append-only: the schema refuses every change to a written row.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

/* The actions written so far; the roles issue adds its own. */
#define RG_AUDIT_EXPORT  "export"
#define RG_AUDIT_IMPORT  "import"
#define RG_AUDIT_IMPORT_UNDONE "import-undone"   /* an import taken back with its undo */
#define RG_AUDIT_BACKUP  "backup"
#define RG_AUDIT_RESTORE "restore"

typedef struct {
  gint64  id;
  gint64  at;        /* Unix time, seconds */
  char   *actor;     /* the account at the computer until staff sign in */
  gint64  staff_id;  /* 0 until staff sign in */
  char   *action;    /* RG_AUDIT_* */
  char   *what;      /* "clients", "appointments", "visits", "studio", ... */
  gint64  rows;      /* -1 where it does not apply */
  char   *file;      /* the file's name, or NULL */
  char   *detail;    /* free text, or NULL */
} RgAuditEntry;

void       rg_audit_entry_free   (RgAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgAuditEntry, rg_audit_entry_free)

/* Writes one row. Inside a caller's transaction it joins it (an import and
 * its line in the log commit or roll back together); else it is one of its
 * own. */
gboolean   rg_studio_audit       (RgStudio     *self,
                                  const char   *action,
                                  const char   *what,
                                  gint64        rows,
                                  const char   *file,
                                  const char   *detail,
                                  GError      **error);

/* The newest @limit rows (0: all), newest first, of RgAuditEntry. */
GPtrArray *rg_studio_list_audit  (RgStudio     *self,
                                  guint         limit,
                                  GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
