/* test-audit.c — the audit log read through the window's filters (period,
 * who, action, a text folded like the clients' search) on a log of
 * 100,000 rows, the actions' names, and its CSV export: what the filters
 * let through, in the clients' Excel dialect, written to the log itself,
 * refused to a master.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "io/rg-export-audit.h"
#include "model/rg-audit.h"
#include "model/rg-roles.h"
#include "test-util.h"

#define N_ROWS 100000
/* The rows' times: one a minute from T0. */
#define T0 1700000000

typedef struct {
  char     *dir;
  RgStudio *studio;
  RgStore  *store;
} Fixture;

enum { IRINA = 21, MARINA = 23 };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("regulars-audit-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  f->store = rg_studio_get_store (f->studio);
  g_assert_true (rg_store_exec (f->store,
                                "INSERT INTO staff (id, display_name, color, created_at, updated_at) VALUES "
                                " (21, 'Ирина', '#3584e4', 1, 1), (23, 'Marina', '#2ec27e', 1, 1);", &error));
  g_assert_no_error (error);
  /* Row n (1..N_ROWS) at T0 + 60 n: every third Irina's, every third
   * Marina's, the rest before profiles; every tenth an export, the rest
   * sign-ins; one row's detail has a word with "ё". */
  g_assert_true (rg_store_exec (f->store,
                                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                                "INSERT INTO audit_log (id, at, actor, staff_id, action, what, rows, file, detail) "
                                "SELECT i, 1700000000 + 60 * i, 'frontdesk', "
                                "       CASE i % 3 WHEN 1 THEN 21 WHEN 2 THEN 23 END, "
                                "       CASE WHEN i % 10 = 0 THEN 'export' ELSE 'sign_in' END, "
                                "       CASE WHEN i % 10 = 0 THEN 'clients' END, "
                                "       CASE WHEN i % 10 = 0 THEN i END, "
                                "       CASE WHEN i % 10 = 0 THEN 'Clients ' || i || '.csv' END, "
                                "       CASE WHEN i = 4242 THEN 'Зелёная папка' END "
                                "FROM n", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static GPtrArray *
list (Fixture             *f,
      const RgAuditFilter *filter,
      guint                limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = rg_studio_list_audit_filtered (f->studio, filter, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

#define ENTRY(a, i) ((RgAuditEntry *) (a)->pdata[i])

static void
test_newest_first (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) all = list (f, NULL, 1001);

  g_assert_cmpuint (all->len, ==, 1001);
  g_assert_cmpint (ENTRY (all, 0)->id, ==, N_ROWS);
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (ENTRY (all, i)->id, ==, ENTRY (all, i - 1)->id - 1);
  /* Row 100,000: 100000 % 3 == 1, Irina's, an export. */
  g_assert_cmpint (ENTRY (all, 0)->staff_id, ==, IRINA);
  g_assert_cmpstr (ENTRY (all, 0)->staff_name, ==, "Ирина");
  g_assert_cmpstr (ENTRY (all, 0)->action, ==, RG_AUDIT_EXPORT);
  g_assert_cmpint (ENTRY (all, 0)->rows, ==, N_ROWS);
  g_assert_cmpstr (ENTRY (all, 0)->file, ==, "Clients 100000.csv");
  /* Row 99,999: before profiles, no name, no rows. */
  g_assert_cmpint (ENTRY (all, 1)->staff_id, ==, 0);
  g_assert_null (ENTRY (all, 1)->staff_name);
  g_assert_cmpint (ENTRY (all, 1)->rows, ==, -1);
  g_assert_cmpstr (ENTRY (all, 1)->actor, ==, "frontdesk");

  {
    g_autoptr(GPtrArray) every = list (f, NULL, 0);

    g_assert_cmpuint (every->len, ==, N_ROWS);
  }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  /* Rows 501..1000 (at T0 + 60 n, n in [501, 1000]). */
  RgAuditFilter period = { .from = T0 + 60 * 501, .to = T0 + 60 * 1001 };
  RgAuditFilter marina = { .staff_id = MARINA };
  RgAuditFilter nobody = { .staff_id = -1, .action = RG_AUDIT_EXPORT };
  RgAuditFilter both = { .from = T0 + 60 * 501, .to = T0 + 60 * 1001, .staff_id = IRINA,
                         .action = RG_AUDIT_EXPORT };
  g_autoptr(GPtrArray) in_period = list (f, &period, 0);
  g_autoptr(GPtrArray) of_marina = list (f, &marina, 10);
  g_autoptr(GPtrArray) of_nobody = list (f, &nobody, 0);
  g_autoptr(GPtrArray) narrow = list (f, &both, 0);

  g_assert_cmpuint (in_period->len, ==, 500);
  g_assert_cmpint (ENTRY (in_period, 0)->id, ==, 1000);
  g_assert_cmpint (ENTRY (in_period, 499)->id, ==, 501);

  g_assert_cmpuint (of_marina->len, ==, 10);
  for (guint i = 0; i < of_marina->len; i++)
    {
      g_assert_cmpint (ENTRY (of_marina, i)->staff_id, ==, MARINA);
      g_assert_cmpstr (ENTRY (of_marina, i)->staff_name, ==, "Marina");
    }

  /* Exports before profiles: i % 10 == 0 and i % 3 == 0, i.e. every 30th. */
  g_assert_cmpuint (of_nobody->len, ==, N_ROWS / 30);
  for (guint i = 0; i < of_nobody->len; i++)
    {
      g_assert_cmpint (ENTRY (of_nobody, i)->staff_id, ==, 0);
      g_assert_cmpint (ENTRY (of_nobody, i)->id % 30, ==, 0);
    }

  /* Irina's exports in 501..1000: i % 30 == 10, i.e. 520, 550, ..., 970, 1000. */
  g_assert_cmpuint (narrow->len, ==, 17);
  for (guint i = 0; i < narrow->len; i++)
    g_assert_cmpint (ENTRY (narrow, i)->id % 30, ==, 10);
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  /* Any case, and "е" finds "ё", as the clients' search. */
  RgAuditFilter green = { .text = "ЗЕЛЕНАЯ" };
  RgAuditFilter file = { .text = "clients 99990.CSV" };
  RgAuditFilter name = { .text = "ирина", .action = RG_AUDIT_EXPORT };
  /* The action's name as the window shows it. */
  RgAuditFilter shown = { .text = "sign-in" };
  RgAuditFilter none = { .text = "no such text" };
  g_autoptr(GPtrArray) by_detail = list (f, &green, 1001);
  g_autoptr(GPtrArray) by_file = list (f, &file, 1001);
  g_autoptr(GPtrArray) by_name = list (f, &name, 5);
  g_autoptr(GPtrArray) by_action = list (f, &shown, 3);
  g_autoptr(GPtrArray) nothing = list (f, &none, 1001);

  g_assert_cmpuint (by_detail->len, ==, 1);
  g_assert_cmpint (ENTRY (by_detail, 0)->id, ==, 4242);
  g_assert_cmpuint (by_file->len, ==, 1);
  g_assert_cmpint (ENTRY (by_file, 0)->id, ==, 99990);
  g_assert_cmpuint (by_name->len, ==, 5);
  g_assert_cmpint (ENTRY (by_name, 0)->id, ==, 100000);
  g_assert_cmpint (ENTRY (by_name, 1)->id, ==, 99970);
  g_assert_cmpuint (by_action->len, ==, 3);
  g_assert_cmpint (ENTRY (by_action, 0)->id, ==, 99999);
  g_assert_cmpuint (nothing->len, ==, 0);
}

static void
test_action_names (void)
{
  const char * const *actions = rg_audit_actions ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *written[] = {
    RG_AUDIT_EXPORT, RG_AUDIT_IMPORT, RG_AUDIT_IMPORT_UNDONE, RG_AUDIT_BACKUP, RG_AUDIT_RESTORE,
    RG_AUDIT_SIGN_IN, RG_AUDIT_PIN_FAILED, RG_AUDIT_PROFILE_LOCKED, RG_AUDIT_PIN_CONFIRMED,
    RG_AUDIT_ROLE_CHANGE, RG_AUDIT_PROFILE_CREATED, RG_AUDIT_PIN_RESET, RG_AUDIT_PROFILE_REMOVED,
    RG_AUDIT_REFUSED, RG_AUDIT_OVERRIDE, RG_AUDIT_ERASE, RG_AUDIT_MERGE, RG_AUDIT_BULK_DELETE,
    RG_AUDIT_REFUND, RG_AUDIT_DISCOUNT, RG_AUDIT_MEDICAL_OPENED, RG_AUDIT_PHONE_UNMASKED,
    RG_AUDIT_SUBJECT_ACCESS, RG_AUDIT_REPORT,
  };

  /* Every name the log writes has words of its own, and the filter lists
   * each once. */
  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    {
      const char *label = rg_audit_action_to_string (written[i]);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, written[i]);
      g_assert_true (g_strv_contains (actions, written[i]));
    }
  for (guint i = 0; actions[i]; i++)
    g_assert_true (g_hash_table_add (seen, (gpointer) actions[i]));
  g_assert_cmpuint (g_hash_table_size (seen), ==, G_N_ELEMENTS (written));
  g_assert_cmpstr (rg_audit_action_to_string ("something-new"), ==, "something-new");
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Audit.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  RgAuditFilter filter = { .staff_id = MARINA, .action = RG_AUDIT_EXPORT, .from = T0 + 60 * 1 };
  gint64 before = test_sql_int (f->store, "SELECT count(*) FROM audit_log", 0);
  gint64 rows;

  rows = rg_export_audit_log (f->studio, path, RG_EXPORT_CSV, &filter, &error);
  g_assert_no_error (error);
  /* Marina's exports: i % 30 == 20. */
  g_assert_cmpint (rows, ==, N_ROWS / 30);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  /* Excel's dialect: a byte order mark, ';', CRLF. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "When;Who;Computer account;Action;What;Rows;File;Detail\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, rows + 2);   /* the header, the rows, the empty end */
  g_assert_true (g_str_has_suffix (lines[1], ";Marina;frontdesk;Export;Clients;99980;Clients 99980.csv;"));
  g_assert_cmpstr (lines[rows + 1], ==, "");

  /* The export is a row of the log. */
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM audit_log", 0), ==, before + 1);
  g_assert_cmpint (test_sql_int (f->store, "SELECT rows FROM audit_log WHERE id = (SELECT max(id) FROM audit_log) "
                                           "AND action = 'export' AND what = 'audit_log' AND file = 'Audit.csv'", 0),
                   ==, rows);
}

/* A master may not read the log: no file, the refusal in the log. */
static void
test_export_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Audit.csv", NULL);

  g_assert_true (rg_studio_save_profile (f->studio, IRINA, RG_ROLE_DIRECTOR, "", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_save_profile (f->studio, MARINA, RG_ROLE_MASTER, "3456", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_sign_in_trusted (f->studio, MARINA, &error));
  g_assert_no_error (error);

  g_assert_cmpint (rg_export_audit_log (f->studio, path, RG_EXPORT_CSV, NULL, &error), ==, -1);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'refused' AND staff_id = ?1",
                                 MARINA), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/audit/newest-first", Fixture, NULL, fixture_set_up, test_newest_first, fixture_tear_down);
  g_test_add ("/audit/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/audit/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add_func ("/audit/action-names", test_action_names);
  g_test_add ("/audit/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/audit/export-refused", Fixture, NULL, fixture_set_up, test_export_refused, fixture_tear_down);

  return g_test_run ();
}
