/* rg-roles.h — who may do what: staff profiles with a role and a PIN,
 * the signed-in session, and the one permission check every write and
 * every export goes through.
 *
 * A studio without profiles works as it always has (a solo master on a
 * laptop needs no PIN): everything is allowed. Once a profile exists,
 * nothing is allowed until someone signs in, and then only what their
 * role allows (rg_role_allows, one table).
 *
 * PINs (4 to 8 digits) are kept as libsodium's crypto_pwhash strings
 * (Argon2id, salted), never in plain text. Wrong PINs are slowed down:
 * each failure in a row doubles a wait (2, 4, 8, 16 s) before the next try
 * is taken, and the fifth locks the profile for RG_ROLES_LOCK_MINUTES;
 * a director can reset a PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_ROLES_MAX_FAILURES  5
#define RG_ROLES_LOCK_MINUTES  15

typedef enum {
  RG_ROLE_NONE,              /* not signed in (or no profiles: see rg_studio_has_profiles) */
  RG_ROLE_DIRECTOR,
  RG_ROLE_ADMINISTRATOR,
  RG_ROLE_MASTER,
  RG_N_ROLES
} RgRole;

/* What a person may try. Scoped actions (a master's own column, own
 * clients) are checked with their subject by rg_studio_may_for. */
typedef enum {
  RG_ACTION_VIEW_CALENDAR,        /* the whole calendar; a master: own column */
  RG_ACTION_BOOK,                 /* book, move, change status; a master: own column */
  RG_ACTION_VIEW_CLIENTS,         /* every card; a master: own clients */
  RG_ACTION_EDIT_CLIENT,          /* a master: own clients */
  RG_ACTION_SEE_PHONES,           /* unmasked phones, search by phone; a master: own clients */
  RG_ACTION_CHECK_OUT,            /* the till, sales without a visit */
  RG_ACTION_REFUND,
  RG_ACTION_TODAY,
  RG_ACTION_EXPORT,
  RG_ACTION_IMPORT,
  RG_ACTION_REPORTS,              /* every report and the dashboards */
  RG_ACTION_OWN_PAY,              /* one's own pay */
  RG_ACTION_PAYROLL,              /* everyone's pay */
  RG_ACTION_BULK_DELETE,
  RG_ACTION_MERGE,
  RG_ACTION_ERASE,                /* erase a client for privacy */
  RG_ACTION_STUDIO_SETTINGS,      /* services, staff, prices, discounts, loyalty */
  RG_ACTION_ROLES,                /* profiles, roles, PINs */
  RG_ACTION_AUDIT_LOG,
  RG_ACTION_BACKUP,
  RG_ACTION_STOCK,                /* goods received, counts, write-offs */
  RG_N_ACTIONS
} RgAction;

typedef enum {
  RG_ALLOW_NO,
  RG_ALLOW_YES,
  RG_ALLOW_OWN,                   /* only for their own column, clients or pay */
} RgAllow;

RgAllow      rg_role_allows            (RgRole       role,
                                        RgAction     action);
const char  *rg_role_to_nick           (RgRole       role);
gboolean     rg_role_from_nick         (const char  *nick,
                                        RgRole      *role);
const char  *rg_role_to_string         (RgRole       role);   /* translated */
const char  *rg_action_to_string       (RgAction     action); /* translated, for refusals and the audit log */
/* The most a role may discount by itself, basis points (the director: 10000). */
int          rg_role_discount_limit    (RgRole       role);

/* Profiles ------------------------------------------------------------------- */

typedef struct {
  gint64   staff_id;
  char    *name;          /* the staff member's display name */
  char    *color;         /* their calendar colour, "#rrggbb" */
  RgRole   role;
  gboolean has_pin;
  gint64   locked_until;  /* Unix seconds; 0: not locked */
} RgProfile;

void      rg_profile_clear             (RgProfile   *profile);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RgProfile, rg_profile_clear)

gboolean  rg_studio_has_profiles       (RgStudio    *studio);
/* The profiles in the staff's order (for the lock screen). */
GArray   *rg_studio_list_profiles      (RgStudio    *studio,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Creates or changes @staff_id's profile. The first profile must be a
 * director's with a PIN; later ones need a signed-in director. @pin NULL
 * keeps the PIN (a new profile needs one, except a director of the demo:
 * @pin "" means none). */
gboolean  rg_studio_save_profile       (RgStudio    *studio,
                                        gint64       staff_id,
                                        RgRole       role,
                                        const char  *pin,
                                        GError     **error);
gboolean  rg_studio_remove_profile     (RgStudio    *studio,
                                        gint64       staff_id,
                                        GError     **error);
/* A director sets a new PIN for someone (and lifts a lock). */
gboolean  rg_studio_reset_pin          (RgStudio    *studio,
                                        gint64       staff_id,
                                        const char  *pin,
                                        GError     **error);
/* Whether @pin is a PIN: 4 to 8 digits. */
gboolean  rg_pin_is_valid              (const char  *pin);

/* The session ------------------------------------------------------------------ */

/* Signs @staff_id in with @pin. Refused: a wrong PIN (RG_STORE_ERROR_INVALID,
 * the failure counted and written to the audit log), a profile locked or
 * still waiting after a failure (RG_STORE_ERROR_BUSY, the message says
 * until when). */
gboolean  rg_studio_sign_in            (RgStudio    *studio,
                                        gint64       staff_id,
                                        const char  *pin,
                                        GError     **error);
void      rg_studio_sign_out           (RgStudio    *studio);
/* The signed-in staff member (0: nobody) and their role. */
gint64    rg_studio_get_session_staff  (RgStudio    *studio);
RgRole    rg_studio_get_session_role   (RgStudio    *studio);
/* Signs @staff_id in without a PIN: only for the demo studio (which opens
 * signed in as its director) and for tests. Written to the audit log. */
gboolean  rg_studio_sign_in_trusted    (RgStudio    *studio,
                                        gint64       staff_id,
                                        GError     **error);
/* Checks a PIN of @staff_id without signing in (a director's PIN for a
 * bigger discount at the desk); counted like a sign-in. */
gboolean  rg_studio_verify_pin         (RgStudio    *studio,
                                        gint64       staff_id,
                                        const char  *pin,
                                        GError     **error);

/* A director's approval at the desk: the profile is chosen, then its PIN
 * (so that two equal PINs cannot be confused). @staff_id must be a
 * director's. The approval is kept for the next command that needs one
 * (a discount above the role's limit, or one the margin check warns
 * about), which takes it (rg_studio_take_override) and writes who approved
 * to the audit log; rg_studio_drop_override forgets an unused one. */
gboolean  rg_studio_grant_override     (RgStudio    *studio,
                                        gint64       staff_id,
                                        const char  *pin,
                                        GError     **error);
/* The director who approved (0: none), and the approval is gone. */
gint64    rg_studio_take_override      (RgStudio    *studio);
/* Whether an approval is waiting, without taking it. */
gint64    rg_studio_peek_override      (RgStudio    *studio);
void      rg_studio_drop_override      (RgStudio    *studio);

/* The check ---------------------------------------------------------------------- */

/* Whether @client_id is one of the signed-in master's clients (a visit or
 * a booking with them). TRUE for every client when the role is not
 * scoped (a director, an administrator, or no profiles). */
gboolean  rg_studio_is_own_client      (RgStudio    *studio,
                                        gint64       client_id);

/* Whether the session may do @action at all (an RG_ALLOW_OWN action
 * counts as allowed: check the subject with rg_studio_may_for). */
gboolean  rg_studio_may                (RgStudio    *studio,
                                        RgAction     action);
/* Whether the session may do @action on a master's column (@staff_id) or
 * a client (@client_id); 0 for none. */
gboolean  rg_studio_may_for            (RgStudio    *studio,
                                        RgAction     action,
                                        gint64       staff_id,
                                        gint64       client_id);
/* The check commands make, before their transaction: FALSE with
 * RG_STORE_ERROR_DENIED and a translated message, the refusal written to
 * the audit log (in a transaction of its own: a caller's rollback would
 * take it away). */
gboolean  rg_studio_allowed            (RgStudio    *studio,
                                        RgAction     action,
                                        gint64       staff_id,
                                        gint64       client_id,
                                        GError     **error);

G_END_DECLS
