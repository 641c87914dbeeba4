/* test-roles.c — profiles, PINs and the permission check: the matrix of
 * every action for every role (written here independently of the
 * model's table), a master's own column and clients, a studio without
 * profiles, PINs stored only as salted hashes, wrong PINs slowed and
 * locked, a director's reset, and every refusal in the audit log.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "model/rg-roles.h"
#include "test-util.h"
#include "util/rg-time.h"

typedef struct {
  char     *dir;
  char     *path;
  RgStudio *studio;
  RgStore  *store;
} Fixture;

enum { DIRECTOR = 21, ADMIN = 22, MASTER = 23, OTHER_MASTER = 24, OWN_CLIENT = 11, OTHER_CLIENT = 12 };

static void
exec (RgStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static gint64
count (Fixture    *f,
       const char *sql,
       gint64      arg)
{
  return test_sql_int (f->store, sql, arg);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("regulars-roles-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (f->path, RG_STORE_OPEN_DEFAULT);
  f->store = rg_studio_get_store (f->studio);
  exec (f->store,
        "INSERT INTO staff (id, display_name, color, created_at, updated_at) VALUES "
        " (21, 'Irina', '#3584e4', 1, 1), (22, 'Olga', '#e66100', 1, 1), (23, 'Marina', '#2ec27e', 1, 1),"
        " (24, 'Sveta', '#9141ac', 1, 1);"
        "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at) VALUES "
        " (11, 'Anna', 'anna', '+7 912 555-00-00', '79125550000', 1, 1),"
        " (12, 'Bella', 'bella', '+7 912 555-00-01', '79125550001', 1, 1);"
        "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, updated_at) "
        " VALUES (51, 11, 23, 1700000000, 1700003600, 'done', 150000, 1, 1),"
        "        (52, 12, 24, 1700000000, 1700003600, 'booked', 150000, 1, 1);");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Director 1234, administrator 2345, masters 3456 and 4567. */
static void
make_profiles (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_studio_save_profile (f->studio, DIRECTOR, RG_ROLE_DIRECTOR, "1234", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_save_profile (f->studio, ADMIN, RG_ROLE_ADMINISTRATOR, "2345", &error));
  g_assert_true (rg_studio_save_profile (f->studio, MASTER, RG_ROLE_MASTER, "3456", &error));
  g_assert_true (rg_studio_save_profile (f->studio, OTHER_MASTER, RG_ROLE_MASTER, "4567", &error));
  g_assert_no_error (error);
  rg_studio_sign_out (f->studio);
}

/* The matrix: D director, A administrator, M master (Y yes, N
 * no, O own only), in RgAction's order. */
static const struct {
  RgAction    action;
  const char *roles;   /* D A M */
} matrix[] = {
  { RG_ACTION_VIEW_CALENDAR, "YYO" },
  { RG_ACTION_BOOK, "YYO" },
  { RG_ACTION_VIEW_CLIENTS, "YYO" },
  { RG_ACTION_EDIT_CLIENT, "YYO" },
  { RG_ACTION_SEE_PHONES, "YYO" },
  { RG_ACTION_CHECK_OUT, "YYN" },
  { RG_ACTION_REFUND, "YYN" },
  { RG_ACTION_TODAY, "YYN" },
  { RG_ACTION_EXPORT, "YNN" },
  { RG_ACTION_IMPORT, "YNN" },
  { RG_ACTION_REPORTS, "YNN" },
  { RG_ACTION_OWN_PAY, "YYY" },
  { RG_ACTION_PAYROLL, "YNN" },
  { RG_ACTION_BULK_DELETE, "YNN" },
  { RG_ACTION_MERGE, "YYN" },
  { RG_ACTION_ERASE, "YNN" },
  { RG_ACTION_STUDIO_SETTINGS, "YNN" },
  { RG_ACTION_ROLES, "YNN" },
  { RG_ACTION_AUDIT_LOG, "YNN" },
  { RG_ACTION_BACKUP, "YYN" },
  { RG_ACTION_STOCK, "YYN" },
};

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  static const struct { gint64 staff; const char *pin; } who[] = {
    { DIRECTOR, "1234" }, { ADMIN, "2345" }, { MASTER, "3456" },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (matrix) == RG_N_ACTIONS);
  make_profiles (f);
  for (guint r = 0; r < G_N_ELEMENTS (who); r++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rg_studio_sign_in (f->studio, who[r].staff, who[r].pin, &error));
      g_assert_no_error (error);
      for (guint a = 0; a < G_N_ELEMENTS (matrix); a++)
        {
          char want = matrix[a].roles[r];
          gint64 refusals = count (f, "SELECT count (*) FROM audit_log WHERE action = 'refused'", 0);
          gboolean anywhere = rg_studio_allowed (f->studio, matrix[a].action, 0, 0, &error);

          g_test_message ("role %u, action %d: %c", r, matrix[a].action, want);
          g_assert_cmpint (matrix[a].action, ==, a);
          /* Unscoped, "own" passes: the subject decides. */
          g_assert_cmpint (anywhere, ==, want != 'N');
          if (want == 'N')
            {
              g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED);
              g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'refused'", 0), ==, refusals + 1);
              g_clear_error (&error);
            }
          /* Scoped to another master's column and client. */
          g_assert_cmpint (rg_studio_may_for (f->studio, matrix[a].action, OTHER_MASTER, OTHER_CLIENT), ==, want == 'Y');
          /* Scoped to the signed-in master's own column and client. */
          g_assert_cmpint (rg_studio_may_for (f->studio, matrix[a].action, who[r].staff, OWN_CLIENT), ==,
                           want == 'Y' || (want == 'O'));
        }
      rg_studio_sign_out (f->studio);
    }

  /* Nobody signed in: nothing. */
  for (guint a = 0; a < G_N_ELEMENTS (matrix); a++)
    g_assert_false (rg_studio_may (f->studio, matrix[a].action));
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rg_studio_allowed (f->studio, RG_ACTION_EXPORT, 0, 0, &error));
    g_assert_nonnull (strstr (error->message, "sign in"));
  }
}

/* A studio without profiles works as before; the first profile must be a
 * director's, and then only a director changes roles. */
static void
test_profiles (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) profiles = NULL;

  g_assert_false (rg_studio_has_profiles (f->studio));
  for (guint a = 0; a < RG_N_ACTIONS; a++)
    g_assert_true (rg_studio_may (f->studio, (RgAction) a));

  g_assert_false (rg_studio_save_profile (f->studio, MASTER, RG_ROLE_MASTER, "3456", &error));
  g_assert_nonnull (strstr (error->message, "director"));
  g_clear_error (&error);
  g_assert_false (rg_studio_save_profile (f->studio, DIRECTOR, RG_ROLE_DIRECTOR, "12a4", &error));
  g_assert_nonnull (strstr (error->message, "4 to 8 digits"));
  g_clear_error (&error);
  g_assert_false (rg_studio_save_profile (f->studio, DIRECTOR, RG_ROLE_DIRECTOR, "123", &error));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM profiles", 0), ==, 0);

  make_profiles (f);
  g_assert_true (rg_studio_has_profiles (f->studio));

  /* No PIN in the file: only Argon2id strings, each salted differently. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM profiles WHERE pin_hash LIKE '$argon2id$%'", 0), ==, 4);
  g_assert_cmpint (count (f, "SELECT count (*) FROM profiles WHERE pin_hash LIKE '%1234%' OR pin_hash LIKE '%3456%'", 0), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (DISTINCT pin_hash) FROM profiles", 0), ==, 4);

  profiles = rg_studio_list_profiles (f->studio, &error);
  g_assert_cmpuint (profiles->len, ==, 4);
  g_assert_cmpstr (g_array_index (profiles, RgProfile, 0).name, ==, "Irina");
  g_assert_cmpint (g_array_index (profiles, RgProfile, 0).role, ==, RG_ROLE_DIRECTOR);

  /* An administrator may not give roles; the refusal is logged. */
  g_assert_true (rg_studio_sign_in (f->studio, ADMIN, "2345", &error));
  g_assert_false (rg_studio_save_profile (f->studio, MASTER, RG_ROLE_DIRECTOR, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'refused' AND staff_id = 22", 0), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM profiles WHERE role = 'director'", 0), ==, 1);

  /* The only director stays one. */
  rg_studio_sign_out (f->studio);
  g_assert_true (rg_studio_sign_in (f->studio, DIRECTOR, "1234", &error));
  g_assert_false (rg_studio_save_profile (f->studio, DIRECTOR, RG_ROLE_MASTER, NULL, &error));
  g_assert_nonnull (strstr (error->message, "only director"));
  g_clear_error (&error);
  g_assert_true (rg_studio_save_profile (f->studio, ADMIN, RG_ROLE_DIRECTOR, NULL, &error));
  g_assert_no_error (error);
  /* Written as done by the director, to Olga. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'role_change' AND staff_id = 21 AND what = 'Olga'", 0), ==, 1);
  g_assert_true (rg_studio_remove_profile (f->studio, OTHER_MASTER, &error));
  g_assert_cmpint (count (f, "SELECT count (*) FROM profiles", 0), ==, 3);
}

/* Wrong PINs: waits of 2, 4, 8, 16 s, then the profile locks; a good PIN
 * inside a wait is refused too; a director's reset lifts the lock. Each
 * attempt is in the audit log. */
static void
test_wrong_pins (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = rg_store_now ();

  make_profiles (f);
  g_assert_false (rg_studio_sign_in (f->studio, MASTER, "0000", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT locked_until - ?1 FROM profiles WHERE staff_id = 23", now), >=, 1);
  g_assert_cmpint (rg_studio_get_session_role (f->studio), ==, RG_ROLE_NONE);

  /* Inside the wait even the right PIN waits. */
  g_assert_false (rg_studio_sign_in (f->studio, MASTER, "3456", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_BUSY);
  g_clear_error (&error);

  /* Four more failures, each after its wait (the clock moved by SQL). */
  for (int i = 2; i <= 5; i++)
    {
      exec (f->store, "UPDATE profiles SET locked_until = 1 WHERE staff_id = 23");
      g_assert_false (rg_studio_sign_in (f->studio, MASTER, "9999", &error));
      g_clear_error (&error);
      g_assert_cmpint (count (f, "SELECT failures FROM profiles WHERE staff_id = 23", 0), ==, i);
    }
  g_assert_cmpint (count (f, "SELECT locked_until - ?1 FROM profiles WHERE staff_id = 23", now), >=,
                   RG_ROLES_LOCK_MINUTES * 60 - 5);
  g_assert_false (rg_studio_sign_in (f->studio, MASTER, "3456", &error));
  g_assert_nonnull (strstr (error->message, "locked until"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'pin_failed' AND staff_id = 23", 0), ==, 4);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'profile_locked' AND staff_id = 23", 0), ==, 1);

  /* A master cannot reset; the director can. */
  g_assert_true (rg_studio_sign_in (f->studio, OTHER_MASTER, "4567", &error));
  g_assert_false (rg_studio_reset_pin (f->studio, MASTER, "5555", &error));
  g_clear_error (&error);
  g_assert_true (rg_studio_sign_in (f->studio, DIRECTOR, "1234", &error));
  g_assert_true (rg_studio_reset_pin (f->studio, MASTER, "5555", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_sign_in (f->studio, MASTER, "5555", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_studio_get_session_role (f->studio), ==, RG_ROLE_MASTER);
  g_assert_cmpint (count (f, "SELECT failures FROM profiles WHERE staff_id = 23", 0), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'sign_in' AND staff_id = 23", 0), ==, 1);

  /* The audit log stays append-only. */
  g_assert_false (rg_store_exec (f->store, "DELETE FROM audit_log", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rg_time_set_zone (NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/roles/matrix", test_matrix);
  ADD ("/roles/profiles", test_profiles);
  ADD ("/roles/wrong-pins", test_wrong_pins);
#undef ADD

  return g_test_run ();
}
