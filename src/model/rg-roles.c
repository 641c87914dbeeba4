/* rg-roles.c — profiles, PINs, the session and the permission check.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-format.h"
#include "rg-permissions.h"
#include "rg-roles.h"

/* The table: what each role may do. Seed 004 and BRIEF 3.7: the director
 * everything; the administrator the desk (calendar, clients, check-out,
 * Today) without exports, bulk deletes, erasure, others' pay or roles; a
 * master their own column and clients, their own pay, no exports and no
 * reports.
 *
 * Which action the commands ask for (rg-permissions.h has the table of
 * records saved through RgStudio):
 * - money going back out of a client's deposit is a refund
 *   (RG_ACTION_REFUND); correcting loyalty points by hand changes what the
 *   studio owes, as its loyalty settings do (RG_ACTION_STUDIO_SETTINGS);
 * - a master's working hours and days off are the studio's schedule, set
 *   with the staff member (RG_ACTION_STUDIO_SETTINGS): a master asks the
 *   director rather than changing their own;
 * - the undo of an import, the one bulk delete there is, is checked as
 *   an import (RG_ACTION_IMPORT, a director's as RG_ACTION_BULK_DELETE is)
 *   and written to the log as "import-undone" with how many rows;
 * - housekeeping the app does by itself (points expiring, the default
 *   medical conditions, automatic backups) asks for nothing. */
static const RgAllow allows[RG_N_ROLES][RG_N_ACTIONS] = {
  [RG_ROLE_DIRECTOR] = {
    [RG_ACTION_VIEW_CALENDAR] = RG_ALLOW_YES, [RG_ACTION_BOOK] = RG_ALLOW_YES,
    [RG_ACTION_VIEW_CLIENTS] = RG_ALLOW_YES, [RG_ACTION_EDIT_CLIENT] = RG_ALLOW_YES,
    [RG_ACTION_SEE_PHONES] = RG_ALLOW_YES, [RG_ACTION_CHECK_OUT] = RG_ALLOW_YES,
    [RG_ACTION_REFUND] = RG_ALLOW_YES, [RG_ACTION_TODAY] = RG_ALLOW_YES,
    [RG_ACTION_EXPORT] = RG_ALLOW_YES, [RG_ACTION_IMPORT] = RG_ALLOW_YES,
    [RG_ACTION_REPORTS] = RG_ALLOW_YES, [RG_ACTION_OWN_PAY] = RG_ALLOW_YES,
    [RG_ACTION_PAYROLL] = RG_ALLOW_YES, [RG_ACTION_BULK_DELETE] = RG_ALLOW_YES,
    [RG_ACTION_MERGE] = RG_ALLOW_YES, [RG_ACTION_ERASE] = RG_ALLOW_YES,
    [RG_ACTION_STUDIO_SETTINGS] = RG_ALLOW_YES, [RG_ACTION_ROLES] = RG_ALLOW_YES,
    [RG_ACTION_AUDIT_LOG] = RG_ALLOW_YES, [RG_ACTION_BACKUP] = RG_ALLOW_YES,
    [RG_ACTION_STOCK] = RG_ALLOW_YES,
  },
  [RG_ROLE_ADMINISTRATOR] = {
    [RG_ACTION_VIEW_CALENDAR] = RG_ALLOW_YES, [RG_ACTION_BOOK] = RG_ALLOW_YES,
    [RG_ACTION_VIEW_CLIENTS] = RG_ALLOW_YES, [RG_ACTION_EDIT_CLIENT] = RG_ALLOW_YES,
    [RG_ACTION_SEE_PHONES] = RG_ALLOW_YES, [RG_ACTION_CHECK_OUT] = RG_ALLOW_YES,
    [RG_ACTION_REFUND] = RG_ALLOW_YES, [RG_ACTION_TODAY] = RG_ALLOW_YES,
    [RG_ACTION_OWN_PAY] = RG_ALLOW_YES, [RG_ACTION_MERGE] = RG_ALLOW_YES,
    [RG_ACTION_BACKUP] = RG_ALLOW_YES, [RG_ACTION_STOCK] = RG_ALLOW_YES,
  },
  [RG_ROLE_MASTER] = {
    [RG_ACTION_VIEW_CALENDAR] = RG_ALLOW_OWN, [RG_ACTION_BOOK] = RG_ALLOW_OWN,
    [RG_ACTION_VIEW_CLIENTS] = RG_ALLOW_OWN, [RG_ACTION_EDIT_CLIENT] = RG_ALLOW_OWN,
    [RG_ACTION_SEE_PHONES] = RG_ALLOW_OWN, [RG_ACTION_OWN_PAY] = RG_ALLOW_YES,
  },
};

RgAllow
rg_role_allows (RgRole   role,
                RgAction action)
{
  if ((guint) role >= RG_N_ROLES || (guint) action >= RG_N_ACTIONS)
    return RG_ALLOW_NO;
  return allows[role][action];
}

static const char *const role_nicks[RG_N_ROLES] = {
  [RG_ROLE_NONE] = "none",
  [RG_ROLE_DIRECTOR] = "director",
  [RG_ROLE_ADMINISTRATOR] = "administrator",
  [RG_ROLE_MASTER] = "master",
};

const char *
rg_role_to_nick (RgRole role)
{
  return (guint) role < RG_N_ROLES ? role_nicks[role] : NULL;
}

gboolean
rg_role_from_nick (const char *nick,
                   RgRole     *role)
{
  for (guint i = RG_ROLE_DIRECTOR; i < RG_N_ROLES; i++)
    if (g_strcmp0 (nick, role_nicks[i]) == 0)
      {
        *role = (RgRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
rg_role_to_string (RgRole role)
{
  switch (role)
    {
    case RG_ROLE_DIRECTOR:
      return C_("role", "Director");
    case RG_ROLE_ADMINISTRATOR:
      return C_("role", "Administrator");
    case RG_ROLE_MASTER:
      return C_("role", "Master");
    case RG_ROLE_NONE:
    case RG_N_ROLES:
    default:
      return C_("role", "Nobody signed in");
    }
}

const char *
rg_action_to_string (RgAction action)
{
  static const char *const names[RG_N_ACTIONS] = {
    [RG_ACTION_VIEW_CALENDAR] = N_("Seeing the calendar"),
    [RG_ACTION_BOOK] = N_("Booking"),
    [RG_ACTION_VIEW_CLIENTS] = N_("Seeing clients"),
    [RG_ACTION_EDIT_CLIENT] = N_("Changing a client’s card"),
    [RG_ACTION_SEE_PHONES] = N_("Seeing phone numbers"),
    [RG_ACTION_CHECK_OUT] = N_("Taking money"),
    [RG_ACTION_REFUND] = N_("Refunds"),
    [RG_ACTION_TODAY] = N_("Today’s calls"),
    [RG_ACTION_EXPORT] = N_("Exports"),
    [RG_ACTION_IMPORT] = N_("Imports"),
    [RG_ACTION_REPORTS] = N_("Reports"),
    [RG_ACTION_OWN_PAY] = N_("One’s own pay"),
    [RG_ACTION_PAYROLL] = N_("The payroll"),
    [RG_ACTION_BULK_DELETE] = N_("Deleting many at once"),
    [RG_ACTION_MERGE] = N_("Merging clients"),
    [RG_ACTION_ERASE] = N_("Erasing a client"),
    [RG_ACTION_STUDIO_SETTINGS] = N_("The studio’s settings"),
    [RG_ACTION_ROLES] = N_("Roles and PINs"),
    [RG_ACTION_AUDIT_LOG] = N_("The audit log"),
    [RG_ACTION_BACKUP] = N_("Backups"),
    [RG_ACTION_STOCK] = N_("Stock"),
  };

  return (guint) action < RG_N_ACTIONS ? _(names[action]) : "";
}

int
rg_role_discount_limit (RgRole role)
{
  switch (role)
    {
    case RG_ROLE_DIRECTOR:
      return 10000;
    case RG_ROLE_ADMINISTRATOR:
      return 1000;
    case RG_ROLE_MASTER:
      return 500;
    case RG_ROLE_NONE:
    case RG_N_ROLES:
    default:
      return 0;
    }
}

gboolean
rg_pin_is_valid (const char *pin)
{
  size_t n = pin ? strlen (pin) : 0;

  if (n < 4 || n > 8)
    return FALSE;
  for (size_t i = 0; i < n; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return TRUE;
}

/* Hashing ----------------------------------------------------------------------- */

static gboolean
sodium_ready (GError **error)
{
  static gsize done = 0;
  static int ok;

  if (g_once_init_enter (&done))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&done, 1);
    }
  if (!ok)
    g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED, _("The PIN cannot be checked: libsodium did not start."));
  return ok;
}

/* Argon2id at libsodium's interactive cost: about a tenth of a second and
 * 64 MiB per PIN checked, so that a stolen file cannot be run through all
 * 10^8 PINs of eight digits in a day on one machine. */
static char *
hash_pin (const char  *pin,
          GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (!sodium_ready (error))
    return NULL;
  if (crypto_pwhash_str (out, pin, strlen (pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED, _("The PIN could not be stored: out of memory."));
      return NULL;
    }
  return g_strdup (out);
}

static gboolean
pin_matches (const char *hash,
             const char *pin)
{
  if (hash == NULL || pin == NULL || sodium_init () < 0)
    return FALSE;
  return crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
}

/* The session ----------------------------------------------------------------------- */

typedef struct {
  gint64 staff_id;
  RgRole role;
  gint64 override_staff;   /* a director's approval waiting for its command */
} Session;

#define SESSION_KEY "rg-session"

static Session *
session_of (RgStudio *studio)
{
  Session *session = g_object_get_data (G_OBJECT (studio), SESSION_KEY);

  if (session == NULL)
    {
      session = g_new0 (Session, 1);
      g_object_set_data_full (G_OBJECT (studio), SESSION_KEY, session, g_free);
    }
  return session;
}

gint64
rg_studio_get_session_staff (RgStudio *studio)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), 0);
  return session_of (studio)->staff_id;
}

RgRole
rg_studio_get_session_role (RgStudio *studio)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), RG_ROLE_NONE);
  return session_of (studio)->role;
}

void
rg_studio_sign_out (RgStudio *studio)
{
  Session *session;

  g_return_if_fail (RG_IS_STUDIO (studio));
  session = session_of (studio);
  if (session->staff_id == 0)
    return;
  session->staff_id = 0;
  session->role = RG_ROLE_NONE;
  session->override_staff = 0;
  rg_studio_announce (studio, RG_CHANGES_SESSION);
}

/* Small reads ----------------------------------------------------------------------- */

gboolean
rg_studio_has_profiles (RgStudio *studio)
{
  gint64 n = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  return rg_store_query_int64 (rg_studio_get_store (studio), "SELECT EXISTS (SELECT 1 FROM profiles)", 0, 0, &n, NULL) && n;
}

void
rg_profile_clear (RgProfile *profile)
{
  g_clear_pointer (&profile->name, g_free);
  g_clear_pointer (&profile->color, g_free);
}

GArray *
rg_studio_list_profiles (RgStudio  *studio,
                         GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) profiles = g_array_new (FALSE, TRUE, sizeof (RgProfile));
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_array_set_clear_func (profiles, (GDestroyNotify) rg_profile_clear);
  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT p.staff_id, s.display_name, s.color, p.role, p.pin_hash IS NOT NULL, "
                           " coalesce (p.locked_until, 0) "
                           "FROM profiles p JOIN staff s ON s.id = p.staff_id "
                           "ORDER BY s.position, s.display_name, s.id",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgProfile profile = { .staff_id = sqlite3_column_int64 (stmt, 0),
                            .name = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                            .color = g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
                            .has_pin = sqlite3_column_int (stmt, 4) != 0,
                            .locked_until = sqlite3_column_int64 (stmt, 5) };

      if (!rg_role_from_nick ((const char *) sqlite3_column_text (stmt, 3), &profile.role))
        profile.role = RG_ROLE_MASTER;
      g_array_append_val (profiles, profile);
    }
  return ok ? g_steal_pointer (&profiles) : NULL;
}

/* The audit log's row for an attempt, inside the caller's transaction. */
static gboolean
audit (RgStudio    *studio,
       const char  *action,
       const char  *what,
       gint64       staff_id,
       const char  *detail,
       GError     **error)
{
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO audit_log (at, actor, staff_id, action, what, detail) "
                                             "VALUES (?1, ?2, nullif (?3, 0), ?4, ?5, ?6)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_now ());
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, what, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, detail, -1, SQLITE_TRANSIENT);
  return rg_store_step_done (store, stmt, error);
}

/* A change to @subject's profile: written as done by whoever is signed in
 * (nobody, for the first profile), naming the staff member it was done to. */
static gboolean
audit_profile (RgStudio    *studio,
               const char  *action,
               gint64       subject,
               const char  *detail,
               GError     **error)
{
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO audit_log (at, actor, staff_id, action, what, detail) "
                                             "VALUES (?1, ?2, nullif (?3, 0), ?4, "
                                             " (SELECT display_name FROM staff WHERE id = ?5), ?6)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_now ());
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, session_of (studio)->staff_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, subject);
  sqlite3_bind_text (stmt, 6, detail, -1, SQLITE_TRANSIENT);
  return rg_store_step_done (store, stmt, error);
}

/* Profiles ----------------------------------------------------------------------- */

gboolean
rg_studio_save_profile (RgStudio    *studio,
                        gint64       staff_id,
                        RgRole       role,
                        const char  *pin,
                        GError     **error)
{
  RgStore *store;
  g_autofree char *hash = NULL;
  gint64 exists = 0, any = 0, staff = 0, now = rg_store_now ();
  g_autoptr(RgStmt) stmt = NULL;
  gboolean no_pin = pin != NULL && *pin == '\0';

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (role != RG_ROLE_DIRECTOR && role != RG_ROLE_ADMINISTRATOR && role != RG_ROLE_MASTER)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Choose a role: director, administrator or master."));
      return FALSE;
    }
  if (pin != NULL && !no_pin && !rg_pin_is_valid (pin))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("A PIN is 4 to 8 digits."));
      return FALSE;
    }
  if (pin != NULL && !no_pin && (hash = hash_pin (pin, error)) == NULL)
    return FALSE;

  store = rg_studio_get_store (studio);
  /* The check before the transaction, so that a refusal stays in the log. */
  if (rg_studio_has_profiles (studio) && !rg_studio_allowed (studio, RG_ACTION_ROLES, 0, 0, error))
    return FALSE;
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_store_query_int64 (store, "SELECT count (*) FROM staff WHERE id = ?1", staff_id, 0, &staff, error) ||
      !rg_store_query_int64 (store, "SELECT count (*) FROM profiles WHERE staff_id = ?1", staff_id, 0, &exists, error) ||
      !rg_store_query_int64 (store, "SELECT count (*) FROM profiles", 0, 0, &any, error))
    goto fail;
  if (!staff)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("The staff member is not on the list any more."));
      goto fail;
    }
  if (any == 0)
    {
      /* The first profile makes the studio one with roles: a director's,
       * and (outside the demo) with a PIN. */
      if (role != RG_ROLE_DIRECTOR)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       _("The first profile is the director’s: they give everyone else theirs."));
          goto fail;
        }
    }
  else if (rg_studio_get_session_role (studio) != RG_ROLE_DIRECTOR)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED, _("Roles and PINs: sign in as a director first."));
      goto fail;
    }
  if (!exists && pin == NULL)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Give the new profile a PIN."));
      goto fail;
    }
  /* A studio keeps a director who can sign in. */
  if (exists && role != RG_ROLE_DIRECTOR)
    {
      gint64 others = 0;

      if (!rg_store_query_int64 (store, "SELECT count (*) FROM profiles WHERE role = 'director' AND staff_id <> ?1",
                      staff_id, 0, &others, error))
        goto fail;
      if (others == 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       _("The studio’s only director cannot become anything else: make someone else director first."));
          goto fail;
        }
    }

  stmt = rg_store_prepare (store,
                           "INSERT INTO profiles (id, staff_id, role, pin_hash, failures, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5) "
                           "ON CONFLICT (staff_id) DO UPDATE SET role = ?3, "
                           " pin_hash = CASE WHEN ?6 THEN pin_hash ELSE ?4 END, updated_at = ?5",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_text (stmt, 3, rg_role_to_nick (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int (stmt, 6, pin == NULL);
  if (!rg_store_step_done (store, stmt, error))
    goto fail;
  {
    /* In the words of whoever reads the log at the desk. */
    g_autofree char *detail = pin && !no_pin ? g_strdup_printf (_("%s, PIN set"), rg_role_to_string (role))
                                             : g_strdup (rg_role_to_string (role));

    if (!audit_profile (studio, exists ? RG_AUDIT_ROLE_CHANGE : RG_AUDIT_PROFILE_CREATED, staff_id, detail, error))
      goto fail;
  }
  if (!rg_store_commit (store, error))
    return FALSE;
  /* Whoever made the first profile is signed in as its director. */
  if (any == 0)
    {
      session_of (studio)->staff_id = staff_id;
      session_of (studio)->role = role;
    }
  else if (session_of (studio)->staff_id == staff_id)
    session_of (studio)->role = role;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

gboolean
rg_studio_remove_profile (RgStudio  *studio,
                          gint64     staff_id,
                          GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  gint64 others = 0, role_director = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  store = rg_studio_get_store (studio);
  if (!rg_studio_allowed (studio, RG_ACTION_ROLES, 0, 0, error) || !rg_store_begin (store, error))
    return FALSE;
  if (!rg_store_query_int64 (store, "SELECT count (*) FROM profiles WHERE role = 'director' AND staff_id = ?1",
                  staff_id, 0, &role_director, error) ||
      !rg_store_query_int64 (store, "SELECT count (*) FROM profiles WHERE staff_id <> ?1", staff_id, 0, &others, error))
    goto fail;
  if (role_director && others > 0)
    {
      gint64 directors = 0;

      if (!rg_store_query_int64 (store, "SELECT count (*) FROM profiles WHERE role = 'director' AND staff_id <> ?1",
                      staff_id, 0, &directors, error))
        goto fail;
      if (directors == 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       _("The studio’s only director cannot be removed while others have profiles."));
          goto fail;
        }
    }
  stmt = rg_store_prepare (store, "DELETE FROM profiles WHERE staff_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (!rg_store_step_done (store, stmt, error) ||
      !audit_profile (studio, RG_AUDIT_PROFILE_REMOVED, staff_id, NULL, error))
    goto fail;
  if (!rg_store_commit (store, error))
    return FALSE;
  if (session_of (studio)->staff_id == staff_id)
    rg_studio_sign_out (studio);
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

gboolean
rg_studio_reset_pin (RgStudio    *studio,
                     gint64       staff_id,
                     const char  *pin,
                     GError     **error)
{
  RgStore *store;
  g_autofree char *hash = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  if (!rg_pin_is_valid (pin))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("A PIN is 4 to 8 digits."));
      return FALSE;
    }
  if ((hash = hash_pin (pin, error)) == NULL)
    return FALSE;
  store = rg_studio_get_store (studio);
  if (!rg_studio_allowed (studio, RG_ACTION_ROLES, 0, 0, error) || !rg_store_begin (store, error))
    return FALSE;
  stmt = rg_store_prepare (store,
                           "UPDATE profiles SET pin_hash = ?2, failures = 0, locked_until = NULL, updated_at = ?3 "
                           "WHERE staff_id = ?1",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, rg_store_now ());
  if (!rg_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (rg_store_get_db (store)) == 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("That staff member has no profile."));
      goto fail;
    }
  if (!audit_profile (studio, RG_AUDIT_PIN_RESET, staff_id, NULL, error))
    goto fail;
  return rg_store_commit (store, error);

fail:
  rg_store_rollback (store);
  return FALSE;
}

/* Signing in -------------------------------------------------------------------------- */

static gboolean
try_pin (RgStudio    *studio,
         gint64       staff_id,
         const char  *pin,
         RgRole      *role,
         const char  *purpose,
         GError     **error)
{
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *role_nick = NULL;
  gint64 failures, locked_until, now = rg_store_now ();
  gboolean row = FALSE, match;

  if (!rg_store_begin (store, error))
    return FALSE;
  stmt = rg_store_prepare (store,
                           "SELECT pin_hash, failures, coalesce (locked_until, 0), role FROM profiles WHERE staff_id = ?1",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    goto fail;
  if (!row)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("That staff member has no profile."));
      goto fail;
    }
  hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  failures = sqlite3_column_int64 (stmt, 1);
  locked_until = sqlite3_column_int64 (stmt, 2);
  role_nick = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  g_clear_pointer (&stmt, rg_stmt_release);

  if (locked_until > now)
    {
      g_autofree char *when = rg_format_date_time (locked_until);

      if (failures >= RG_ROLES_MAX_FAILURES)
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_BUSY,
                     /* Translators: a time, e.g. "14:35" */
                     _("Too many wrong PINs: this profile is locked until %s, or until a director resets its PIN."), when);
      else
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_BUSY,
                     g_dngettext (GETTEXT_PACKAGE, "Wrong PIN. Try again in %lld second.",
                                  "Wrong PIN. Try again in %lld seconds.", (gulong) (locked_until - now)),
                     (long long) (locked_until - now));
      rg_store_rollback (store);
      return FALSE;
    }

  /* No PIN (the demo's director): any PIN, or none, signs in. */
  match = hash == NULL || pin_matches (hash, pin);
  /* The wait runs from the answer, not from the question. */
  now = rg_store_now ();
  stmt = rg_store_prepare (store,
                           "UPDATE profiles SET failures = ?2, locked_until = nullif (?3, 0), updated_at = ?4 WHERE staff_id = ?1",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (match)
    {
      sqlite3_bind_int64 (stmt, 2, 0);
      sqlite3_bind_int64 (stmt, 3, 0);
    }
  else
    {
      failures++;
      sqlite3_bind_int64 (stmt, 2, failures);
      /* 2, 4, 8, 16 seconds; the fifth locks it. */
      sqlite3_bind_int64 (stmt, 3, failures >= RG_ROLES_MAX_FAILURES ? now + RG_ROLES_LOCK_MINUTES * 60
                                                                      : now + (G_GINT64_CONSTANT (2) << (failures - 1)));
    }
  sqlite3_bind_int64 (stmt, 4, now);
  if (!rg_store_step_done (store, stmt, error) ||
      !audit (studio, match ? purpose : (failures >= RG_ROLES_MAX_FAILURES ? RG_AUDIT_PROFILE_LOCKED : RG_AUDIT_PIN_FAILED),
              NULL, staff_id, NULL, error) ||
      !rg_store_commit (store, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  if (!match)
    {
      if (failures >= RG_ROLES_MAX_FAILURES)
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "Wrong PIN, %d times in a row: this profile is locked for %d minute.",
                                  "Wrong PIN, %d times in a row: this profile is locked for %d minutes.",
                                  RG_ROLES_LOCK_MINUTES),
                     RG_ROLES_MAX_FAILURES, RG_ROLES_LOCK_MINUTES);
      else
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Wrong PIN."));
      return FALSE;
    }
  if (!rg_role_from_nick (role_nick, role))
    *role = RG_ROLE_MASTER;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

gboolean
rg_studio_sign_in (RgStudio    *studio,
                   gint64       staff_id,
                   const char  *pin,
                   GError     **error)
{
  RgRole role = RG_ROLE_NONE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  if (!try_pin (studio, staff_id, pin, &role, RG_AUDIT_SIGN_IN, error))
    return FALSE;
  session_of (studio)->staff_id = staff_id;
  session_of (studio)->role = role;
  session_of (studio)->override_staff = 0;
  rg_studio_announce (studio, RG_CHANGES_SESSION);
  return TRUE;
}

gboolean
rg_studio_sign_in_trusted (RgStudio  *studio,
                           gint64     staff_id,
                           GError   **error)
{
  RgStore *store;
  g_autofree char *role_nick = NULL;
  RgRole role = RG_ROLE_NONE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT role FROM profiles WHERE staff_id = ?1", error);
    gboolean row = FALSE;

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, staff_id);
    if (!rg_store_step_row (store, stmt, &row, error))
      goto fail;
    if (!row)
      {
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("That staff member has no profile."));
        goto fail;
      }
    role_nick = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  if (!audit (studio, RG_AUDIT_SIGN_IN, NULL, staff_id, _("without a PIN"), error) ||
      !rg_store_commit (store, error))
    goto fail;
  if (!rg_role_from_nick (role_nick, &role))
    role = RG_ROLE_MASTER;
  session_of (studio)->staff_id = staff_id;
  session_of (studio)->role = role;
  session_of (studio)->override_staff = 0;
  rg_studio_announce (studio, RG_CHANGES_SESSION);
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

gboolean
rg_studio_verify_pin (RgStudio    *studio,
                      gint64       staff_id,
                      const char  *pin,
                      GError     **error)
{
  RgRole role = RG_ROLE_NONE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  return try_pin (studio, staff_id, pin, &role, RG_AUDIT_PIN_CONFIRMED, error);
}

/* A director's approval ------------------------------------------------------------------- */

gboolean
rg_studio_grant_override (RgStudio    *studio,
                          gint64       staff_id,
                          const char  *pin,
                          GError     **error)
{
  RgRole role = RG_ROLE_NONE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  if (!try_pin (studio, staff_id, pin, &role, RG_AUDIT_PIN_CONFIRMED, error))
    return FALSE;
  if (role != RG_ROLE_DIRECTOR)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED, _("Only a director can approve this."));
      return FALSE;
    }
  session_of (studio)->override_staff = staff_id;
  return TRUE;
}

gint64
rg_studio_take_override (RgStudio *studio)
{
  Session *session;
  gint64 staff_id;

  g_return_val_if_fail (RG_IS_STUDIO (studio), 0);
  session = session_of (studio);
  staff_id = session->override_staff;
  session->override_staff = 0;
  return staff_id;
}

gint64
rg_studio_peek_override (RgStudio *studio)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), 0);
  return session_of (studio)->override_staff;
}

void
rg_studio_drop_override (RgStudio *studio)
{
  g_return_if_fail (RG_IS_STUDIO (studio));
  session_of (studio)->override_staff = 0;
}

/* The check ------------------------------------------------------------------------------ */

gboolean
rg_studio_is_own_client (RgStudio *studio,
                         gint64    client_id)
{
  return rg_studio_may_for (studio, RG_ACTION_SEE_PHONES, 0, client_id);
}

gboolean
rg_studio_may (RgStudio *studio,
               RgAction  action)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  if (!rg_studio_has_profiles (studio))
    return TRUE;
  return rg_role_allows (session_of (studio)->role, action) != RG_ALLOW_NO;
}

gboolean
rg_studio_may_for (RgStudio *studio,
                   RgAction  action,
                   gint64    staff_id,
                   gint64    client_id)
{
  Session *session;
  RgAllow allow;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  if (!rg_studio_has_profiles (studio))
    return TRUE;
  session = session_of (studio);
  allow = rg_role_allows (session->role, action);
  if (allow != RG_ALLOW_OWN)
    return allow == RG_ALLOW_YES;
  if (staff_id && staff_id != session->staff_id)
    return FALSE;
  /* A master's clients: those with a visit or a booking with them. */
  if (client_id && !rg_studio_staff_has_client (studio, session->staff_id, client_id))
    return FALSE;
  return TRUE;
}

gboolean
rg_studio_allowed (RgStudio  *studio,
                 RgAction   action,
                 gint64     staff_id,
                 gint64     client_id,
                 GError   **error)
{
  RgStore *store;
  Session *session;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  if (rg_studio_may_for (studio, action, staff_id, client_id))
    return TRUE;

  session = session_of (studio);
  if (session->role == RG_ROLE_NONE)
    g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED,
                 /* Translators: an action, e.g. "Exports" */
                 _("%s: sign in first."), rg_action_to_string (action));
  else if (rg_role_allows (session->role, action) == RG_ALLOW_OWN)
    g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED,
                 /* Translators: an action, e.g. "Booking" */
                 _("%s is allowed for a master only in their own column and with their own clients."),
                 rg_action_to_string (action));
  else
    g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED,
                 /* Translators: "Exports are not allowed for an administrator." */
                 _("%s: not allowed for the role “%s”."), rg_action_to_string (action),
                 rg_role_to_string (session->role));

  /* The refusal is written like any other attempt. */
  store = rg_studio_get_store (studio);
  if (rg_store_begin (store, NULL))
    {
      if (audit (studio, RG_AUDIT_REFUSED, rg_action_to_string (action), session->staff_id, NULL, NULL))
        rg_store_commit (store, NULL);
      else
        rg_store_rollback (store);
    }
  return FALSE;
}
