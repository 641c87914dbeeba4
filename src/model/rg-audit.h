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
/* Roles and the session (src/model/rg-roles.c). */
#define RG_AUDIT_SIGN_IN         "sign_in"
#define RG_AUDIT_PIN_FAILED      "pin_failed"
#define RG_AUDIT_PROFILE_LOCKED  "profile_locked"
#define RG_AUDIT_PIN_CONFIRMED   "pin_confirmed"     /* a PIN checked for an approval */
#define RG_AUDIT_ROLE_CHANGE     "role_change"
#define RG_AUDIT_PROFILE_CREATED "profile_created"
#define RG_AUDIT_PIN_RESET       "pin_reset"
#define RG_AUDIT_PROFILE_REMOVED "profile_removed"
#define RG_AUDIT_REFUSED         "refused"           /* an attempt the role does not allow */
#define RG_AUDIT_OVERRIDE        "override"          /* a director approved at the desk */
/* What the roles issue audits besides. */
#define RG_AUDIT_ERASE           "erase"             /* a client erased for privacy */
#define RG_AUDIT_MERGE           "merge"             /* two client cards merged */
#define RG_AUDIT_BULK_DELETE     "bulk_delete"
#define RG_AUDIT_REFUND          "refund"            /* above RG_STUDIO_AUDIT_REFUND */
#define RG_AUDIT_DISCOUNT        "discount"          /* above RG_STUDIO_AUDIT_DISCOUNT */
#define RG_AUDIT_MEDICAL_OPENED  "medical_opened"    /* who opened a client's medical card */
#define RG_AUDIT_PHONE_UNMASKED  "phone_unmasked"
#define RG_AUDIT_SUBJECT_ACCESS  "subject_access"    /* everything held about one client, exported */
#define RG_AUDIT_REPORT          "report"            /* a report run from the command line */

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
  char   *staff_name; /* the staff member's name (rg_studio_list_audit_filtered), or NULL */
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

/* What the audit log window shows: each field narrows (zero, NULL or ""
 * does not). */
typedef struct {
  gint64      from;      /* Unix seconds, included; 0: from the first row */
  gint64      to;        /* Unix seconds, excluded; 0: to the last row */
  gint64      staff_id;  /* who; 0: anyone; -1: nobody signed in (the computer's account) */
  const char *action;    /* RG_AUDIT_* */
  const char *text;      /* a part of the account, the staff name, what, file or detail (any case) */
} RgAuditFilter;

/* The newest @limit rows (0: all) that pass @filter (NULL: every row),
 * newest first, of RgAuditEntry with staff_name. Fast on a long log: ask
 * for one row more than shown to know whether there are more. */
GPtrArray *rg_studio_list_audit_filtered (RgStudio            *self,
                                          const RgAuditFilter *filter,
                                          guint                limit,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* The action's name for a person ("Export", "Wrong PIN"), translated; an
 * unknown name as it is. */
const char *rg_audit_action_to_string (const char *action);
/* The words for what an action was done to ("clients", "studio", ...),
 * translated; other text (a staff member's name) as it is. */
const char *rg_audit_what_to_string   (const char *what);
/* Every RG_AUDIT_* name, NULL-terminated, in the order a filter lists them. */
const char * const *rg_audit_actions (void);

G_END_DECLS
