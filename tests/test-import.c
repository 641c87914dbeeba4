/* test-import.c — the import's plan and write: rows checked by the card's
 * rules, duplicates by phone under each choice, one transaction, the audit
 * line, undo, visits, the search over what came in.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "model/rg-audit.h"
#include "model/rg-client.h"
#include "model/rg-custom-field.h"
#include "model/rg-import.h"
#include "model/rg-studio.h"
#include "store/rg-search.h"
#include "store/rg-store.h"
#include "test-util.h"

typedef struct {
  char     *dir;
  RgStudio *studio;
  RgStore  *store;
  guint     announced;
} Fixture;

static void
changes_cb (RgStudio *studio,
            guint     changes,
            Fixture  *fixture)
{
  fixture->announced++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-import-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "studio.db", NULL);
  fixture->studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  fixture->store = rg_studio_get_store (fixture->studio);
  g_signal_connect (fixture->studio, "changes", G_CALLBACK (changes_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->studio);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static RgClientImportRow *
client_row (guint       line,
            const char *full_name,
            const char *phone)
{
  RgClientImportRow *row = rg_client_import_row_new (line);

  row->full_name = g_strdup (full_name);
  row->phone = g_strdup (phone);
  return row;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return test_sql_int (fixture->store, sql, 0);
}

static gint64
clients (Fixture *fixture)
{
  return count (fixture, "SELECT count(*) FROM clients WHERE deleted_at IS NULL");
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *code,
             gboolean    fatal)
{
  for (guint i = 0; i < problems->len; i++)
    {
      RgImportProblem *problem = problems->pdata[i];

      if (g_str_equal (problem->code, code) && problem->fatal == fatal)
        {
          g_assert_nonnull (problem->message);
          g_assert_cmpstr (problem->message, !=, "");
          return TRUE;
        }
    }
  return FALSE;
}

/* Every kind of row and problem; names from ФИО and English. */
static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(RgClientImport) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgCustomField) car = rg_custom_field_new ("Car", RG_FIELD_NUMBER);
  RgClientImportRow *row;
  RgImportCounts counts;
  gint64 car_id;
  g_autofree char *huge = g_malloc (10 * 1024 * 1024 + 1);

  g_assert_true (rg_studio_save (fixture->studio, car, &error));
  car_id = rg_record_get_id (RG_RECORD (car));
  memset (huge, 'a', 10 * 1024 * 1024);
  huge[10 * 1024 * 1024] = '\0';

  g_ptr_array_add (rows, client_row (2, "Иванова Мария Петровна", "8-912-345-67-89"));           /* 0 */
  row = client_row (3, "Mary Smith", "+44 7700 900123");                                          /* 1 */
  row->given_first = TRUE;
  g_ptr_array_add (rows, row);
  g_ptr_array_add (rows, client_row (4, "Анна", "8 (343) 123-45-67, раб. 8 495 123 45 67; 89001112233")); /* 2 */
  row = client_row (5, NULL, "89120000001");                                                       /* 3 */
  row->address_as = g_strdup ("Катюша");
  row->full_name = g_strdup ("Петрова Екатерина");
  row->email = g_strdup ("not an address");
  row->birthday = g_strdup ("31.02.2020");
  row->gender = g_strdup ("?");
  row->fields = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_insert (row->fields, g_memdup2 (&car_id, sizeof car_id), g_strdup ("many"));
  g_ptr_array_add (rows, row);
  g_ptr_array_add (rows, client_row (6, NULL, "89120000002"));                                     /* 4 missing-name */
  g_ptr_array_add (rows, client_row (7, "Ольга", NULL));                                           /* 5 missing-phone */
  g_ptr_array_add (rows, client_row (8, "Ольга", "нет"));                                          /* 6 missing-phone */
  g_ptr_array_add (rows, client_row (9, "Ольга", "7.91234E+10"));                                  /* 7 bad-phone */
  g_ptr_array_add (rows, client_row (10, huge, "89120000003"));                                    /* 8 too-long */
  row = client_row (11, "Сидорова Ольга", "79120000004");                                          /* 9 all good */
  row->email = g_strdup ("olga@example.ru");
  row->birthday = g_strdup ("12 марта 1990");
  row->gender = g_strdup ("ж");
  row->tags = g_strdup ("VIP; постоянная, vip");
  row->notes = g_strdup ("Любит чай");
  row->source = g_strdup ("Instagram");
  row->fields = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_insert (row->fields, g_memdup2 (&car_id, sizeof car_id), g_strdup ("3,5"));
  g_ptr_array_add (rows, row);
  row = client_row (12, "Олег", NULL);                                                              /* 10 phone2 only */
  row->phone2 = g_strdup ("89120000005");
  g_ptr_array_add (rows, row);

  plan = rg_client_import_new (fixture->studio, g_steal_pointer (&rows), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rg_client_import_get_n_rows (plan), ==, 11);

  g_assert_cmpstr (rg_client_import_get_name (plan, 0), ==, "Мария");
  g_assert_cmpstr (rg_client_import_get_phone (plan, 0), ==, "+7 912 345-67-89");
  g_assert_cmpint (rg_client_import_get_action (plan, 0), ==, RG_IMPORT_CREATE);
  g_assert_cmpstr (rg_client_import_get_name (plan, 1), ==, "Mary");
  g_assert_cmpstr (rg_client_import_get_name (plan, 2), ==, "Анна");
  g_assert_cmpstr (rg_client_import_get_name (plan, 3), ==, "Катюша");
  g_assert_cmpint (rg_client_import_get_action (plan, 3), ==, RG_IMPORT_CREATE);
  g_assert_true (has_problem (rg_client_import_get_problems (plan, 3), "bad-email", FALSE));
  g_assert_true (has_problem (rg_client_import_get_problems (plan, 3), "bad-birthday", FALSE));
  g_assert_true (has_problem (rg_client_import_get_problems (plan, 3), "bad-gender", FALSE));
  g_assert_true (has_problem (rg_client_import_get_problems (plan, 3), "bad-field", FALSE));
  g_assert_true (has_problem (rg_client_import_get_problems (plan, 4), "missing-name", TRUE));
  g_assert_cmpint (rg_client_import_get_action (plan, 4), ==, RG_IMPORT_ERROR);
  g_assert_true (has_problem (rg_client_import_get_problems (plan, 5), "missing-phone", TRUE));
  g_assert_true (has_problem (rg_client_import_get_problems (plan, 6), "missing-phone", TRUE));
  g_assert_true (has_problem (rg_client_import_get_problems (plan, 7), "bad-phone", TRUE));
  g_assert_true (has_problem (rg_client_import_get_problems (plan, 8), "too-long", TRUE));
  g_assert_cmpuint (rg_client_import_get_problems (plan, 9)->len, ==, 0);
  g_assert_cmpint (rg_client_import_get_action (plan, 10), ==, RG_IMPORT_CREATE);

  rg_client_import_count (plan, &counts);
  g_assert_cmpuint (counts.rows, ==, 11);
  g_assert_cmpuint (counts.created, ==, 6);
  g_assert_cmpuint (counts.errors, ==, 5);
  g_assert_cmpuint (counts.warnings, ==, 1);
  g_assert_cmpuint (counts.duplicates, ==, 0);

  g_assert_true (rg_studio_import_clients (fixture->studio, plan, "/home/me/base.csv", &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clients (fixture), ==, 6);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM clients WHERE length(address_as) > 1000"), ==, 0);

  /* What the cards hold. */
  {
    g_autofree char *anna = test_sql_text (fixture->store,
                                           "SELECT phone || '|' || phone2 || '|' || notes FROM clients "
                                           "WHERE address_as = 'Анна'", 0);
    g_autofree char *olga = test_sql_text (fixture->store,
                                           "SELECT full_name || '|' || email || '|' || birth_day || '.' || birth_month || '.' || "
                                           "birth_year || '|' || gender || '|' || notes || '|' || source FROM clients "
                                           "WHERE phone_digits = '79120000004'", 0);
    g_autofree char *katya = test_sql_text (fixture->store,
                                            "SELECT full_name || '|' || coalesce (email, '-') || '|' || "
                                            "coalesce (birth_day, '-') || '|' || coalesce (gender, '-') FROM clients "
                                            "WHERE address_as = 'Катюша'", 0);

    g_assert_cmpstr (anna, ==, "+7 343 123-45-67|+7 495 123-45-67|Other phones: +7 900 111-22-33");
    g_assert_cmpstr (olga, ==, "Сидорова Ольга|olga@example.ru|12.3.1990|female|Любит чай|Instagram");
    g_assert_cmpstr (katya, ==, "Петрова Екатерина|-|-|-");
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM client_tags ct JOIN clients c ON c.id = ct.client_id "
                                     "WHERE c.phone_digits = '79120000004'"), ==, 2);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM tags"), ==, 2);
    {
      g_autofree char *value = test_sql_text (fixture->store, "SELECT value FROM client_fields", 0);

      g_assert_cmpstr (value, ==, "3.5");
    }
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM clients WHERE phone_digits = '79120000005'"), ==, 1);
  }

  /* The audit line, with the file's name only. */
  {
    g_autoptr(GPtrArray) audit = rg_studio_list_audit (fixture->studio, 0, &error);
    RgAuditEntry *entry;

    g_assert_no_error (error);
    g_assert_cmpuint (audit->len, ==, 1);
    entry = audit->pdata[0];
    g_assert_cmpstr (entry->action, ==, RG_AUDIT_IMPORT);
    g_assert_cmpstr (entry->what, ==, "clients");
    g_assert_cmpint (entry->rows, ==, 6);
    g_assert_cmpstr (entry->file, ==, "base.csv");
  }
}

/* A row per duplicate kind: of an existing card, of an earlier row. */
static RgClientImport *
duplicates_plan (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();
  RgClientImportRow *row;
  g_autoptr(GError) error = NULL;
  RgClientImport *plan;

  row = client_row (2, "Иванова Мария", "8 912 345 67 89");   /* 0: the existing card */
  row->email = g_strdup ("maria@example.ru");
  row->notes = g_strdup ("Из старой базы");
  row->tags = g_strdup ("VIP");
  row->phone2 = g_strdup ("8 912 000 00 09");
  g_ptr_array_add (rows, row);
  g_ptr_array_add (rows, client_row (3, "Петрова Анна", "89120000001"));   /* 1: new */
  row = client_row (4, "Петрова Анна", "+7 912 000-00-01");                /* 2: of row 1 */
  row->birthday = g_strdup ("01.02.1991");
  row->phone2 = g_strdup ("89120000002");
  g_ptr_array_add (rows, row);

  plan = rg_client_import_new (fixture->studio, rows, &error);
  g_assert_no_error (error);
  return plan;
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) maria = test_add_client (fixture->studio, "Маша", "+79123456789");
  gint64 id = rg_record_get_id (RG_RECORD (maria));
  RgImportCounts counts;

  rg_client_set_notes (maria, "Пьёт кофе");
  rg_client_set_email (maria, "");
  g_assert_true (rg_studio_save (fixture->studio, maria, &error));

  /* Skip (the default). */
  {
    g_autoptr(RgClientImport) plan = duplicates_plan (fixture);

    g_assert_true (rg_client_import_is_duplicate (plan, 0));
    g_assert_cmpint (rg_client_import_get_card (plan, 0), ==, id);
    g_assert_cmpint (rg_client_import_get_action (plan, 0), ==, RG_IMPORT_DUPLICATE);
    g_assert_false (rg_client_import_is_duplicate (plan, 1));
    g_assert_true (rg_client_import_is_duplicate (plan, 2));
    g_assert_cmpuint (rg_client_import_get_duplicate_line (plan, 2), ==, 3);
    g_assert_cmpint (rg_client_import_get_card (plan, 2), ==, 0);
    g_assert_cmpint (rg_client_import_get_duplicates (plan, 2), ==, RG_IMPORT_DUPLICATES_SKIP);
    rg_client_import_count (plan, &counts);
    g_assert_cmpuint (counts.created, ==, 1);
    g_assert_cmpuint (counts.duplicates, ==, 2);
    /* Per row. */
    rg_client_import_set_duplicates (plan, 2, RG_IMPORT_DUPLICATES_CREATE);
    g_assert_cmpint (rg_client_import_get_action (plan, 2), ==, RG_IMPORT_CREATE);
    g_assert_cmpint (rg_client_import_get_action (plan, 0), ==, RG_IMPORT_DUPLICATE);
    rg_client_import_set_duplicates (plan, 2, RG_IMPORT_DUPLICATES_SKIP);
    g_assert_true (rg_studio_import_clients (fixture->studio, plan, "a.csv", &counts, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (clients (fixture), ==, 2);
  }

  /* Create anyway, for all. */
  {
    g_autoptr(RgClientImport) plan = duplicates_plan (fixture);

    /* Row 1 is now a duplicate of the card the last import made. */
    rg_client_import_set_duplicates (plan, -1, RG_IMPORT_DUPLICATES_CREATE);
    rg_client_import_count (plan, &counts);
    g_assert_cmpuint (counts.created, ==, 3);
    g_assert_true (rg_studio_import_clients (fixture->studio, plan, "a.csv", &counts, NULL, &error));
    g_assert_cmpint (clients (fixture), ==, 5);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM clients WHERE phone_digits = '79123456789'"), ==, 2);
  }
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) maria = test_add_client (fixture->studio, "Маша", "+79123456789");
  g_autoptr(RgClientImport) plan = NULL;
  g_autoptr(GBytes) undo = NULL;
  RgImportCounts counts;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  const char *card_sql = "SELECT address_as || '|' || coalesce (full_name, '-') || '|' || coalesce (email, '-') || '|' || "
                         "coalesce (phone2, '-') || '|' || coalesce (notes, '-') || '|' || updated_at FROM clients "
                         "WHERE phone_digits = '79123456789'";

  rg_client_set_notes (maria, "Пьёт кофе");
  rg_client_set_full_name (maria, "Иванова Мария Ивановна");
  g_assert_true (rg_studio_save (fixture->studio, maria, &error));
  before = test_sql_text (fixture->store, card_sql, 0);

  plan = duplicates_plan (fixture);
  rg_client_import_set_duplicates (plan, -1, RG_IMPORT_DUPLICATES_MERGE);
  g_assert_cmpint (rg_client_import_get_action (plan, 0), ==, RG_IMPORT_UPDATE);
  g_assert_cmpint (rg_client_import_get_action (plan, 2), ==, RG_IMPORT_UPDATE);
  fixture->announced = 0;
  g_assert_true (rg_studio_import_clients (fixture->studio, plan, "a.csv", &counts, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->announced, ==, 1);
  g_assert_cmpuint (counts.created, ==, 1);
  g_assert_cmpuint (counts.updated, ==, 2);
  g_assert_cmpint (clients (fixture), ==, 2);

  /* Only what was empty is filled; the name and full name stay; notes appended. */
  after = test_sql_text (fixture->store,
                         "SELECT address_as || '|' || full_name || '|' || email || '|' || phone2 || '|' || notes "
                         "FROM clients WHERE phone_digits = '79123456789'", 0);
  g_assert_cmpstr (after, ==, "Маша|Иванова Мария Ивановна|maria@example.ru|+7 912 000-00-09|Пьёт кофе\n\nИз старой базы");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM client_tags"), ==, 1);
  g_assert_cmpstr (rg_client_get_email (maria), ==, "maria@example.ru");   /* the live object follows */
  /* The earlier row's new card took the later one in. */
  g_clear_pointer (&after, g_free);
  after = test_sql_text (fixture->store,
                         "SELECT phone2 || '|' || birth_day || '.' || birth_month || '.' || birth_year FROM clients "
                         "WHERE phone_digits = '79120000001'", 0);
  g_assert_cmpstr (after, ==, "+7 912 000-00-02|1.2.1991");

  /* Undo: the new card gone, the merged one as it was, the log kept. */
  g_assert_true (rg_studio_undo_import (fixture->studio, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clients (fixture), ==, 1);
  restored = test_sql_text (fixture->store, card_sql, 0);
  g_assert_cmpstr (restored, ==, before);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM client_tags"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM tags"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'import-undone'"), ==, 1);
  g_assert_null (rg_client_get_email (maria));
}

static void
test_undo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(RgClientImport) plan = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = NULL;

  g_ptr_array_add (rows, client_row (2, "Анна", "89120000001"));
  g_ptr_array_add (rows, client_row (3, "Ольга", "89120000002"));
  plan = rg_client_import_new (fixture->studio, g_steal_pointer (&rows), &error);
  g_assert_true (rg_studio_import_clients (fixture->studio, plan, "a.csv", NULL, &undo, &error));
  g_assert_no_error (error);

  client = rg_studio_find_client_by_phone (fixture->studio, "89120000002", 0);
  g_assert_nonnull (client);
  rg_client_set_notes (client, "Edited since");
  g_assert_true (rg_studio_save (fixture->studio, client, &error));

  g_assert_false (rg_studio_undo_import (fixture->studio, undo, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_assert_cmpint (clients (fixture), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log"), ==, 1);
}

/* All or nothing: a write that fails midway leaves the studio as it was. */
static void
test_all_or_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(RgClientImport) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) maria = test_add_client (fixture->studio, "Маша", "+79123456789");

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *phone = g_strdup_printf ("8912%07u", 1000 + i);
      RgClientImportRow *row = client_row (i + 2, "Клиент", phone);

      row->tags = g_strdup ("Новые");
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_add (rows, client_row (400, "Маша", "89123456789"));
  plan = rg_client_import_new (fixture->studio, g_steal_pointer (&rows), &error);
  rg_client_import_set_duplicates (plan, -1, RG_IMPORT_DUPLICATES_MERGE);

  g_assert_true (rg_store_exec (fixture->store,
                                "CREATE TEMP TRIGGER fail_midway AFTER INSERT ON client_tags "
                                "WHEN (SELECT count(*) FROM client_tags) >= 200 "
                                "BEGIN SELECT RAISE (ABORT, 'disk on fire'); END;",
                                &error));
  g_assert_false (rg_studio_import_clients (fixture->studio, plan, "a.csv", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (clients (fixture), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM tags"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log"), ==, 0);
  g_assert_false (rg_store_in_transaction (fixture->store));

  /* Without the fault the same plan comes in whole. */
  g_assert_true (rg_store_exec (fixture->store, "DROP TRIGGER fail_midway", &error));
  g_assert_true (rg_studio_import_clients (fixture->studio, plan, "a.csv", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clients (fixture), ==, 301);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(RgClientImport) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_ptr_array_add (rows, client_row (2, "Ёлкина Алёна", "8 912 345 67 89"));
  g_ptr_array_add (rows, client_row (3, "Smith John", "8 912 000 00 01"));
  plan = rg_client_import_new (fixture->studio, g_steal_pointer (&rows), &error);
  g_assert_true (rg_studio_import_clients (fixture->studio, plan, "a.csv", NULL, NULL, &error));

  g_assert_true (rg_search_clients (fixture->store, "елкина", 10, ids, &error));
  g_assert_cmpuint (ids->len, ==, 1);
  g_array_set_size (ids, 0);
  g_assert_true (rg_search_clients (fixture->store, "45678", 10, ids, &error));
  g_assert_cmpuint (ids->len, ==, 1);
  g_array_set_size (ids, 0);
  g_assert_true (rg_search_clients (fixture->store, "John", 10, ids, &error));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_no_error (error);
}

static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(RgClientImport) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) undo = NULL;
  RgImportCounts counts;

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *phone = g_strdup_printf ("8 9%02u %03u-%02u-%02u", i % 100, i / 100, i % 97, i % 89);
      g_autofree char *name = g_strdup_printf ("Клиентова%u Анна Петровна", i);

      RgClientImportRow *row = client_row (i + 2, name, phone);

      row->tags = g_strdup (i % 2 ? "Импорт" : "Импорт; VIP");
      g_ptr_array_add (rows, row);
    }
  plan = rg_client_import_new (fixture->studio, g_steal_pointer (&rows), &error);
  g_assert_no_error (error);
  rg_client_import_count (plan, &counts);
  fixture->announced = 0;
  g_assert_true (rg_studio_import_clients (fixture->studio, plan, "big.csv", &counts, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->announced, ==, 1);
  g_assert_cmpint (clients (fixture), ==, counts.created);
  g_assert_cmpuint (counts.created + counts.duplicates, ==, 10000);
  g_assert_cmpuint (counts.errors, ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM client_tags"), ==, counts.created + (counts.created + 1) / 2);
  g_assert_true (rg_studio_undo_import (fixture->studio, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clients (fixture), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM client_tags"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM tags"), ==, 0);
}

/* --- Visits --------------------------------------------------------------- */

static RgVisitImportRow *
visit_row (guint       line,
           const char *date,
           const char *phone,
           const char *name,
           const char *service,
           const char *master,
           const char *price)
{
  RgVisitImportRow *row = rg_visit_import_row_new (line);

  row->date = g_strdup (date);
  row->phone = g_strdup (phone);
  row->client_name = g_strdup (name);
  row->service = g_strdup (service);
  row->master = g_strdup (master);
  row->price = g_strdup (price);
  return row;
}

static void
add_studio_basics (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_store_exec (fixture->store,
                                "INSERT INTO staff (id, display_name, created_at, updated_at) VALUES (11, 'Ольга', 0, 0);"
                                "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at) "
                                "VALUES (21, 'Стрижка', 45, 150000, 0, 0);",
                                &error));
  g_assert_no_error (error);
}

static GPtrArray *
visit_rows (void)
{
  GPtrArray *rows = g_ptr_array_new ();

  g_ptr_array_add (rows, visit_row (2, "12.03.2024 14:30", "+79123456789", NULL, "стрижка", "ольга", "1 500"));     /* 0 */
  g_ptr_array_add (rows, visit_row (3, "13.03.2024", "89120000001", "Петрова Анна", "Маникюр", "Ирина", "900 руб.")); /* 1 */
  g_ptr_array_add (rows, visit_row (4, "14.03.2024", "89120000001", NULL, "Стрижка", "Ольга", NULL));              /* 2 */
  g_ptr_array_add (rows, visit_row (5, "12.03.2024 14:30", "8 912 345 67 89", NULL, "СТРИЖКА", "Ольга", "1500"));   /* 3 dup of 0 */
  g_ptr_array_add (rows, visit_row (6, "15.03.2024", "89120000009", NULL, "Стрижка", "Ольга", "1500"));             /* 4 unknown-client */
  g_ptr_array_add (rows, visit_row (7, "31.02.2024", "+79123456789", NULL, "Стрижка", "Ольга", "1500"));            /* 5 bad-date */
  g_ptr_array_add (rows, visit_row (8, "16.03.2024", "+79123456789", NULL, "Стрижка", "Ольга", "бесплатно"));       /* 6 bad-price */
  return rows;
}

static void
test_visits (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) maria = test_add_client (fixture->studio, "Маша", "+79123456789");
  g_autoptr(RgVisitImport) plan = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_auto(GStrv) services = NULL;
  g_auto(GStrv) masters = NULL;
  RgImportCounts counts;

  add_studio_basics (fixture);
  plan = rg_visit_import_new (fixture->studio, visit_rows (), &error);
  g_assert_no_error (error);
  services = rg_visit_import_dup_new_services (plan);
  masters = rg_visit_import_dup_new_masters (plan);
  g_assert_cmpstrv (services, ((const char *[]) { "Маникюр", NULL }));
  g_assert_cmpstrv (masters, ((const char *[]) { "Ирина", NULL }));
  g_assert_cmpint (rg_visit_import_get_action (plan, 0), ==, RG_IMPORT_CREATE);
  g_assert_cmpint (rg_visit_import_get_action (plan, 1), ==, RG_IMPORT_CREATE);
  g_assert_cmpint (rg_visit_import_get_action (plan, 2), ==, RG_IMPORT_CREATE);
  g_assert_cmpint (rg_visit_import_get_action (plan, 3), ==, RG_IMPORT_DUPLICATE);
  g_assert_true (has_problem (rg_visit_import_get_problems (plan, 4), "unknown-client", TRUE));
  g_assert_true (has_problem (rg_visit_import_get_problems (plan, 5), "bad-date", TRUE));
  g_assert_true (has_problem (rg_visit_import_get_problems (plan, 6), "bad-price", TRUE));

  /* Unknown ones refused... */
  rg_visit_import_set_create_unknown (plan, FALSE);
  g_assert_cmpint (rg_visit_import_get_action (plan, 1), ==, RG_IMPORT_ERROR);
  g_assert_true (has_problem (rg_visit_import_get_problems (plan, 1), "unknown-service", TRUE));
  g_assert_true (has_problem (rg_visit_import_get_problems (plan, 1), "unknown-master", TRUE));
  rg_visit_import_count (plan, &counts);
  g_assert_cmpuint (counts.created, ==, 2);
  g_assert_cmpuint (counts.errors, ==, 4);
  g_assert_cmpuint (counts.duplicates, ==, 1);
  /* ...or created. */
  rg_visit_import_set_create_unknown (plan, TRUE);
  g_assert_cmpuint (rg_visit_import_get_problems (plan, 1)->len, ==, 0);
  rg_visit_import_count (plan, &counts);
  g_assert_cmpuint (counts.created, ==, 3);

  fixture->announced = 0;
  g_assert_true (rg_studio_import_visits (fixture->studio, plan, "visits.csv", &counts, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->announced, ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM appointments WHERE status = 'done' AND allow_overlap = 1"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM services"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM staff"), ==, 2);
  g_assert_cmpint (clients (fixture), ==, 2);
  {
    g_autofree char *anna = test_sql_text (fixture->store, "SELECT address_as || '|' || full_name FROM clients "
                                                           "WHERE phone_digits = '79120000001'", 0);

    g_assert_cmpstr (anna, ==, "Анна|Петрова Анна");
  }
  /* 12.03.2024 14:30 local (UTC here), the service's 45 minutes, 1 500.00. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM appointments WHERE starts_at = 1710253800 "
                                   "AND ends_at = 1710253800 + 45 * 60 AND price = 150000"), ==, 1);
  /* Noon when no time; the service's price when none. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM appointments WHERE starts_at = 1710417600 AND price = 150000"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM appointment_services"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM client_visits"), ==, 2);   /* the triggers' summaries */
  /* Each past visit was paid in full at its price, by a method not known. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM sales"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT sum(amount) FROM payments WHERE method = 'unrecorded'"), ==,
                   count (fixture, "SELECT sum(price) FROM appointments"));

  /* The same file again: every visit is a duplicate. */
  {
    g_autoptr(RgVisitImport) again = rg_visit_import_new (fixture->studio, visit_rows (), &error);

    rg_visit_import_count (again, &counts);
    g_assert_cmpuint (counts.created, ==, 0);
    g_assert_cmpuint (counts.duplicates, ==, 4);
  }

  g_assert_true (rg_studio_undo_import (fixture->studio, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM appointments"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM sales"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM payments"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM services"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM staff"), ==, 1);
  g_assert_cmpint (clients (fixture), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM client_visits"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE what = 'visits'"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/clients/rows", test_rows);
  ADD ("/import/clients/duplicates", test_duplicates);
  ADD ("/import/clients/merge-and-undo", test_merge);
  ADD ("/import/clients/undo-refused", test_undo_refused);
  ADD ("/import/clients/all-or-nothing", test_all_or_nothing);
  ADD ("/import/clients/search", test_search);
  ADD ("/import/clients/many", test_many);
  ADD ("/import/visits", test_visits);
#undef ADD

  return g_test_run ();
}
