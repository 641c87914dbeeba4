/* test-clients.c — the client card's model: custom fields (definition,
 * checked values in one form, round trip) and merging two cards (every
 * visit, rating, entry, photo, tag, field and condition moves; nothing is
 * lost; the merge is in the timeline).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "model/rg-appointment.h"
#include "model/rg-client-merge.h"
#include "model/rg-condition.h"
#include "model/rg-custom-field.h"
#include "model/rg-interaction.h"
#include "model/rg-photo.h"
#include "model/rg-rating.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"
#include "store/rg-search.h"

typedef struct {
  RgStore  *store;
  RgStudio *studio;
  gint64    staff_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) staff = rg_staff_new ("Марина", RG_STAFF_ROLE_MASTER);

  f->store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);
  g_assert_true (rg_studio_save (f->studio, staff, &error));
  f->staff_id = rg_record_get_id (RG_RECORD (staff));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->studio);
  g_assert_finalize_object (f->store);
}

static RgCustomField *
add_field (Fixture     *f,
           const char  *name,
           RgFieldKind  kind,
           const char  *choices)
{
  g_autoptr(GError) error = NULL;
  RgCustomField *field = rg_custom_field_new (name, kind);

  if (choices)
    {
      g_auto(GStrv) options = g_strsplit (choices, "|", -1);
      rg_custom_field_set_choices (field, (const char * const *) options);
    }
  g_assert_true (rg_studio_save (f->studio, field, &error));
  g_assert_no_error (error);
  return field;
}

static const char *
value_of (GHashTable    *values,
          RgCustomField *field)
{
  gint64 id = rg_record_get_id (RG_RECORD (field));

  return g_hash_table_lookup (values, &id);
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgCustomField) hair = add_field (f, "Тип волос", RG_FIELD_CHOICE, " Прямые |Вьющиеся| |вьющиеся|Кудрявые");
  g_autoptr(RgCustomField) car = add_field (f, "Марка машины", RG_FIELD_TEXT, NULL);
  g_autoptr(RgCustomField) length = add_field (f, "Длина, см", RG_FIELD_NUMBER, NULL);
  g_autoptr(RgCustomField) since = add_field (f, "Клиент с", RG_FIELD_DATE, NULL);
  g_autoptr(RgCustomField) broken = rg_custom_field_new ("Один вариант", RG_FIELD_CHOICE);
  g_autoptr(RgCustomField) nameless = rg_custom_field_new ("  ", RG_FIELD_TEXT);
  g_autoptr(RgClient) anna = test_add_client (f->studio, "Анна", "+7 912 345-67-89");
  g_autoptr(GHashTable) values = NULL;
  g_auto(GStrv) choices = rg_custom_field_dup_choices (hair);
  gint64 id = rg_record_get_id (RG_RECORD (anna));

  /* Options trimmed, empty and repeated ones left out. */
  g_assert_cmpuint (g_strv_length (choices), ==, 3);
  g_assert_cmpstr (choices[0], ==, "Прямые");
  g_assert_cmpstr (choices[2], ==, "Кудрявые");

  /* A field needs a name; a choice needs two options. */
  g_assert_false (rg_studio_save (f->studio, nameless, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rg_custom_field_set_choices (broken, (const char *[]) { "Да", NULL });
  g_assert_false (rg_studio_save (f->studio, broken, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Values in one form. */
  g_assert_true (rg_client_fields_set (f->studio, id, hair, "  ВЬЮЩИЕСЯ ", &error));
  g_assert_true (rg_client_fields_set (f->studio, id, car, " Škoda Octavia ", &error));
  g_assert_true (rg_client_fields_set (f->studio, id, length, "32,5", &error));
  g_assert_true (rg_client_fields_set (f->studio, id, since, "24.11.2026", &error));
  g_assert_no_error (error);
  values = rg_client_fields_load (f->studio, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (values), ==, 4);
  g_assert_cmpstr (value_of (values, hair), ==, "Вьющиеся");
  g_assert_cmpstr (value_of (values, car), ==, "Škoda Octavia");
  g_assert_cmpstr (value_of (values, length), ==, "32.5");
  g_assert_cmpstr (value_of (values, since), ==, "2026-11-24");
  g_clear_pointer (&values, g_hash_table_unref);

  /* Refused, with the field's name; the old value stays. */
  g_assert_false (rg_client_fields_set (f->studio, id, hair, "Лысый", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Тип волос"));
  g_clear_error (&error);
  g_assert_false (rg_client_fields_set (f->studio, id, length, "длинные", &error));
  g_clear_error (&error);
  g_assert_false (rg_client_fields_set (f->studio, id, since, "31.02.2026", &error));
  g_clear_error (&error);
  g_assert_false (rg_client_fields_set (f->studio, id, since, "2026-13-01", &error));
  g_clear_error (&error);

  /* Changed, and cleared by an empty value. */
  g_assert_true (rg_client_fields_set (f->studio, id, since, "2025-01-31", &error));
  g_assert_true (rg_client_fields_set (f->studio, id, car, "", &error));
  g_assert_no_error (error);
  values = rg_client_fields_load (f->studio, id, &error);
  g_assert_cmpuint (g_hash_table_size (values), ==, 3);
  g_assert_cmpstr (value_of (values, since), ==, "2025-01-31");
  g_assert_cmpstr (value_of (values, hair), ==, "Вьющиеся");
  g_assert_null (value_of (values, car));
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM client_fields WHERE client_id = ?1", id), ==, 3);
}

/* Rows of @table whose @column is @id. */
static gint64
count (Fixture    *f,
       const char *table,
       const char *column,
       gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1", table, column);
  return test_sql_int (f->store, sql, id);
}

static gint64
exec_id (Fixture    *f,
         const char *sql,
         gint64      a,
         gint64      b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_store_prepare (f->store, sql, &error);
  gint64 id = rg_store_new_id ();

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, a);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, b);
  g_assert_true (rg_store_step_done (f->store, stmt, &error));
  g_assert_no_error (error);
  return id;
}

static void
add_visits (Fixture  *f,
            RgClient *client,
            int       n,
            gint64    from)
{
  for (int i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgAppointment) a = rg_appointment_new (rg_record_get_id (RG_RECORD (client)), f->staff_id,
                                                       from + i * 7 * 86400, from + i * 7 * 86400 + 3600);
      g_autoptr(RgRating) r = NULL;

      rg_appointment_set_status (a, RG_APPOINTMENT_DONE);
      g_assert_true (rg_studio_save (f->studio, a, &error));
      r = rg_rating_new (rg_record_get_id (RG_RECORD (a)), 5);
      g_assert_true (rg_studio_save (f->studio, r, &error));
      g_assert_no_error (error);
    }
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) keep = test_add_client (f->studio, "Анна", "+7 912 345-67-89");
  g_autoptr(RgClient) other = test_add_client (f->studio, "Анна Смирнова", "8 903 111-22-33");
  g_autoptr(RgClient) friend = test_add_client (f->studio, "Ольга", "+7 916 000-00-01");
  g_autoptr(RgCustomField) hair = add_field (f, "Тип волос", RG_FIELD_CHOICE, "Прямые|Вьющиеся");
  g_autoptr(RgCustomField) car = add_field (f, "Машина", RG_FIELD_TEXT, NULL);
  g_autoptr(RgInteraction) call = NULL;
  g_autofree char *timeline = NULL;
  RgMergeCounts moved = { 0 };
  gint64 k = rg_record_get_id (RG_RECORD (keep));
  gint64 o = rg_record_get_id (RG_RECORD (other));
  gint64 tag_a, tag_b, allergy, total_appointments, total_ratings, total_interactions;

  /* The kept card: 2 visits, a tag, a field value, a note. */
  add_visits (f, keep, 2, 1790000000);
  rg_client_set_notes (keep, "Кофе без сахара");
  g_assert_true (rg_studio_save (f->studio, keep, &error));
  tag_a = exec_id (f, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (?1, 'VIP', 0, 0)", 0, 0);
  tag_b = exec_id (f, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (?1, 'Блондинка', 0, 0)", 0, 0);
  exec_id (f, "INSERT INTO client_tags (id, client_id, tag_id, created_at, updated_at) VALUES (?1, ?2, ?3, 0, 0)", k, tag_a);
  g_assert_true (rg_client_fields_set (f->studio, k, hair, "Прямые", &error));

  /* The other card: 3 visits, a call, both tags, two field values (one
   * different), an allergy, a photo, a birthday and e-mail, a note, and a
   * friend it referred. */
  add_visits (f, other, 3, 1780000000);
  call = rg_interaction_new (o, RG_INTERACTION_CALL, "Перезвонить в пятницу");
  g_assert_true (rg_studio_save (f->studio, call, &error));
  exec_id (f, "INSERT INTO client_tags (id, client_id, tag_id, created_at, updated_at) VALUES (?1, ?2, ?3, 0, 0)", o, tag_a);
  exec_id (f, "INSERT INTO client_tags (id, client_id, tag_id, created_at, updated_at) VALUES (?1, ?2, ?3, 0, 0)", o, tag_b);
  g_assert_true (rg_client_fields_set (f->studio, o, hair, "Вьющиеся", &error));
  g_assert_true (rg_client_fields_set (f->studio, o, car, "Kia Rio", &error));
  allergy = exec_id (f, "INSERT INTO conditions (id, name, created_at, updated_at) VALUES (?1, 'Латекс', 0, 0)", 0, 0);
  exec_id (f, "INSERT INTO client_conditions (id, client_id, condition_id, note, created_at, updated_at) "
              "VALUES (?1, ?2, ?3, 'сыпь', 0, 0)", o, allergy);
  exec_id (f, "INSERT INTO photos (id, client_id, file, taken_at, created_at, updated_at) "
              "VALUES (?1, ?2, 'a1.jpg', 0, 0, 0)", o, 0);
  exec_id (f, "INSERT INTO survey_answers (id, client_id, survey, question, score, answer, answered_at,"
              " created_at, updated_at) VALUES (?1, ?2, 'refusal', 'staff', NULL, 'Грубили', 0, 0, 0)", o, 0);
  rg_client_set_birthday (other, 12, 3, 0);
  rg_client_set_email (other, "anna@mail.ru");
  rg_client_set_notes (other, "Любит тишину");
  g_assert_true (rg_studio_save (f->studio, other, &error));
  g_object_set (friend, "referred-by-id", o, NULL);
  g_assert_true (rg_studio_save (f->studio, friend, &error));
  g_assert_no_error (error);

  /* Money: a deposit and points on each card, a sale of the other's. */
  exec_id (f, "INSERT INTO deposit_moves (id, client_id, amount, reason, occurred_at, created_at, updated_at) "
              "VALUES (?1, ?2, 100000, 'correction', 0, 0, 0)", k, 0);
  exec_id (f, "INSERT INTO deposit_moves (id, client_id, amount, reason, occurred_at, created_at, updated_at) "
              "VALUES (?1, ?2, 50000, 'correction', 0, 0, 0)", o, 0);
  exec_id (f, "INSERT INTO points_moves (id, client_id, points, reason, occurred_at, created_at, updated_at) "
              "VALUES (?1, ?2, 70, 'correction', 0, 0, 0)", o, 0);
  exec_id (f, "INSERT INTO sales (id, number, client_id, created_at, updated_at) VALUES (?1, 1, ?2, 0, 0)", o, 0);

  total_appointments = test_sql_int (f->store, "SELECT count(*) FROM appointments", 0);
  total_ratings = test_sql_int (f->store, "SELECT count(*) FROM ratings", 0);
  total_interactions = test_sql_int (f->store, "SELECT count(*) FROM interactions", 0);

  /* Refused: a card into itself. */
  g_assert_false (rg_client_merge (f->studio, keep, keep, NULL, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rg_client_merge (f->studio, keep, other, &moved, NULL, &error));
  g_assert_no_error (error);

  /* Counts: what moved, and the totals did not change. */
  g_assert_cmpuint (moved.appointments, ==, 3);
  g_assert_cmpuint (moved.interactions, ==, 1);
  g_assert_cmpuint (moved.photos, ==, 1);
  g_assert_cmpuint (moved.answers, ==, 1);
  g_assert_cmpint (count (f, "survey_answers", "client_id", k), ==, 1);
  g_assert_cmpuint (moved.tags, ==, 1);
  g_assert_cmpuint (moved.fields, ==, 1);
  g_assert_cmpuint (moved.conditions, ==, 1);
  g_assert_cmpuint (moved.referred, ==, 1);
  g_assert_cmpint (count (f, "appointments", "client_id", k), ==, 5);
  g_assert_cmpint (count (f, "appointments", "client_id", o), ==, 0);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments", 0), ==, total_appointments);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM ratings r JOIN appointments a ON a.id = r.appointment_id "
                                           "WHERE a.client_id = ?1", k), ==, total_ratings);
  g_assert_cmpint (count (f, "interactions", "client_id", o), ==, 0);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM interactions", 0), ==, total_interactions + 1);
  g_assert_cmpint (count (f, "photos", "client_id", k), ==, 1);
  g_assert_cmpint (count (f, "client_tags", "client_id", k), ==, 2);
  g_assert_cmpint (count (f, "client_tags", "client_id", o), ==, 0);
  g_assert_cmpint (count (f, "client_conditions", "client_id", k), ==, 1);
  g_assert_cmpint (count (f, "client_fields", "client_id", k), ==, 2);
  g_assert_cmpint (count (f, "client_fields", "client_id", o), ==, 0);
  g_assert_cmpint (count (f, "clients", "referred_by_id", k), ==, 1);
  g_assert_cmpint (test_sql_int (f->store, "SELECT sum (amount) FROM deposit_moves WHERE client_id = ?1", k), ==, 150000);
  g_assert_cmpint (test_sql_int (f->store, "SELECT sum (points) FROM points_moves WHERE client_id = ?1", k), ==, 70);
  g_assert_cmpint (count (f, "sales", "client_id", k), ==, 1);
  g_assert_cmpint (count (f, "deposit_moves", "client_id", o), ==, 0);
  {
    g_autofree char *note = test_sql_text (f->store, "SELECT note FROM client_conditions WHERE client_id = ?1", k);
    g_assert_cmpstr (note, ==, "сыпь");
  }

  /* The kept card took what it lacked, and both notes. */
  {
    int day, month, year;

    rg_client_get_birthday (keep, &day, &month, &year);
    g_assert_cmpint (day, ==, 12);
    g_assert_cmpint (month, ==, 3);
    g_assert_cmpstr (rg_client_get_email (keep), ==, "anna@mail.ru");
    g_assert_cmpstr (rg_client_get_phone2 (keep), ==, "+7 903 111-22-33");
    g_assert_cmpstr (rg_client_get_notes (keep), ==, "Кофе без сахара\n\nЛюбит тишину");
    g_assert_cmpstr (rg_client_get_full_name (keep), ==, NULL);
  }

  /* The other card is gone from the list, pointing at the kept one. */
  g_assert_true (rg_record_is_deleted (RG_RECORD (other)));
  g_assert_cmpint (test_sql_int (f->store, "SELECT merged_into_id FROM clients WHERE id = ?1", o), ==, k);

  /* The timeline says so, with the value that did not fit. */
  timeline = test_sql_text (f->store, "SELECT body FROM interactions WHERE client_id = ?1 AND kind = 'system'", k);
  g_assert_nonnull (timeline);
  g_assert_nonnull (strstr (timeline, "Анна Смирнова"));
  g_assert_nonnull (strstr (timeline, "+7 903 111-22-33"));
  g_assert_nonnull (strstr (timeline, "Тип волос: Вьющиеся"));
  g_assert_nonnull (strstr (timeline, "3"));

  /* A merged card cannot be merged again. */
  g_assert_false (rg_client_merge (f->studio, keep, other, NULL, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
}

/* Every row of every table but the search index's, as text: what an
 * exact undo must give back. */
static char *
dump_tables (RgStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = rg_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'"
                                           /* The audit log keeps the merge's line: append-only. */
                                           " AND name <> 'audit_log' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", (char *) tables->pdata[i]);

      g_string_append_printf (out, "[%s]\n", (char *) tables->pdata[i]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                ? "∅" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Undoing a merge gives back every row as it was, the summaries the
 * triggers keep and the search too; a card changed after the merge makes
 * the undo refuse, with nothing changed. */
static void
test_merge_undo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) keep = test_add_client (f->studio, "Анна", "+7 912 345-67-89");
  g_autoptr(RgClient) other = test_add_client (f->studio, "Анна Смирнова", "8 903 111-22-33");
  g_autoptr(RgCustomField) car = add_field (f, "Машина", RG_FIELD_TEXT, NULL);
  g_autoptr(RgInteraction) call = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *merged = NULL;
  gint64 o = rg_record_get_id (RG_RECORD (other));
  gint64 tag;

  add_visits (f, keep, 2, 1790000000);
  add_visits (f, other, 3, 1780000000);
  call = rg_interaction_new (o, RG_INTERACTION_CALL, "Перезвонить в пятницу");
  g_assert_true (rg_studio_save (f->studio, call, &error));
  tag = exec_id (f, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (?1, 'VIP', 0, 0)", 0, 0);
  exec_id (f, "INSERT INTO client_tags (id, client_id, tag_id, created_at, updated_at) VALUES (?1, ?2, ?3, 0, 0)", o, tag);
  g_assert_true (rg_client_fields_set (f->studio, o, car, "Kia Rio", &error));
  rg_client_set_email (other, "anna@mail.ru");
  g_assert_true (rg_studio_save (f->studio, other, &error));
  g_assert_no_error (error);

  before = dump_tables (f->store);
  g_assert_true (rg_client_merge (f->studio, keep, other, NULL, &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  merged = dump_tables (f->store);
  g_assert_cmpstr (merged, !=, before);

  g_assert_true (rg_client_merge_undo (f->studio, undo, &error));
  g_assert_no_error (error);
  after = dump_tables (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (rg_record_is_deleted (RG_RECORD (other)));
  g_assert_null (rg_client_get_email (keep));
  g_assert_true (rg_search_clients (f->store, "Смирнова", 10, found, &error));
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, o);

  /* Merged again, then the kept card's e-mail (taken from the other in
   * the merge) edited: the undo is refused. */
  g_clear_pointer (&undo, g_bytes_unref);
  g_assert_true (rg_client_merge (f->studio, keep, other, NULL, &undo, &error));
  rg_client_set_email (keep, "anna.s@mail.ru");
  g_assert_true (rg_studio_save (f->studio, keep, &error));
  g_free (merged);
  merged = dump_tables (f->store);
  g_assert_false (rg_client_merge_undo (f->studio, undo, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_free (after);
  after = dump_tables (f->store);
  g_assert_cmpstr (after, ==, merged);
}

/* The cards offered for a merge: the one with the same phone first (the
 * same person saved under another name), then what the name finds. */
static void
test_merge_candidates (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) keep = test_add_client (f->studio, "Анна", "+7 912 345-67-89");
  g_autoptr(RgClient) namesake = test_add_client (f->studio, "Анна", "+7 999 000-00-01");
  g_autoptr(RgClient) same_phone = test_add_client (f->studio, "Смирнова", "8 (912) 345-67-89");
  g_autoptr(RgClient) second = test_add_client (f->studio, "Ирина", "+7 999 000-00-02");
  g_autoptr(GPtrArray) found = NULL;

  rg_client_set_phone2 (second, "+7 912 345 67 89");
  g_assert_true (rg_studio_save (f->studio, second, &error));
  found = rg_client_merge_candidates (f->studio, keep, "Анна", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
  /* The two with the number first (the older first), in either order here:
   * they were made in the same second. */
  for (guint i = 0; i < 2; i++)
    {
      RgClient *c = ((RgMergeCandidate *) found->pdata[i])->client;

      g_assert_true (c == same_phone || c == second);
      g_assert_true (((RgMergeCandidate *) found->pdata[i])->same_phone);
    }
  g_assert_true (((RgMergeCandidate *) found->pdata[0])->client != ((RgMergeCandidate *) found->pdata[1])->client);
  g_assert_true (((RgMergeCandidate *) found->pdata[2])->client == namesake);
  g_assert_false (((RgMergeCandidate *) found->pdata[2])->same_phone);
}

/* The smallest PNG: one transparent pixel. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

/* A photo is copied into the studio's folder (never used where it was),
 * listed for its client, deleted softly and erased with its copy; a file
 * that is not a picture is refused and leaves nothing. */
static void
test_photos (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-photos-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *source_path = g_build_filename (dir, "IMG_0042.PNG", NULL);
  g_autofree char *text_path = g_build_filename (dir, "notes.png", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgClient) client = NULL;
  g_autoptr(RgPhoto) photo = NULL;
  g_autoptr(RgPhoto) refused = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *copy_path = NULL;
  gsize length = 0;
  GStatBuf st;

  g_assert_no_error (error);
  store = rg_store_open (db, RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  studio = rg_studio_new (store);
  client = test_add_client (studio, "Анна", "+7 912 345-67-89");
  g_assert_true (g_file_set_contents (source_path, (const char *) tiny_png, sizeof tiny_png, &error));
  g_assert_true (g_file_set_contents (text_path, "not a picture at all", -1, &error));

  photo = rg_photo_import (studio, rg_record_get_id (RG_RECORD (client)), 0, RG_PHOTO_BEFORE, source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (photo);
  g_assert_cmpint (rg_photo_get_kind (photo), ==, RG_PHOTO_BEFORE);
  g_assert_cmpint (rg_photo_get_client_id (photo), ==, rg_record_get_id (RG_RECORD (client)));
  g_assert_true (g_str_has_suffix (rg_photo_get_file_name (photo), ".png"));
  g_assert_cmpint (rg_photo_get_taken_at (photo), >, 0);

  /* A private copy, byte for byte, that outlives the original. */
  folder = rg_studio_get_photo_folder (studio);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  copy = rg_photo_get_file (studio, photo);
  copy_path = g_file_get_path (copy);
  g_assert_true (g_str_has_prefix (copy_path, folder));
  g_assert_cmpint (g_remove (source_path), ==, 0);
  g_assert_true (g_file_get_contents (copy_path, &contents, &length, &error));
  g_assert_cmpmem (contents, length, tiny_png, sizeof tiny_png);

  /* Not a picture: refused, nothing copied. */
  {
    g_autoptr(GFile) text = g_file_new_for_path (text_path);

    refused = rg_photo_import (studio, rg_record_get_id (RG_RECORD (client)), 0, RG_PHOTO_AFTER, text, &error);
    g_assert_null (refused);
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (count_files (folder), ==, 1);
  }

  listed = rg_photo_list_for_client (studio, rg_record_get_id (RG_RECORD (client)), &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_true (listed->pdata[0] == photo);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Deleted softly (the undo toast keeps the file), then erased. */
  g_assert_true (rg_studio_delete (studio, photo, &error));
  listed = rg_photo_list_for_client (studio, rg_record_get_id (RG_RECORD (client)), &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_true (rg_photo_erase (studio, photo, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM photos", 0), ==, 0);

  g_clear_object (&studio);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* The medical card: the default list once, marks, and the one-line
 * warning with the free text after the conditions. */
static void
test_conditions (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) anna = test_add_client (f->studio, "Анна", "+7 912 345-67-89");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) marked = NULL;
  g_autofree char *summary = NULL;
  gint64 id = rg_record_get_id (RG_RECORD (anna));
  RgCondition *latex = NULL, *pregnancy = NULL;
  guint n;

  g_assert_null (rg_client_medical_summary (f->studio, anna));

  g_assert_true (rg_conditions_ensure_defaults (f->studio, &error));
  g_assert_no_error (error);
  list = rg_conditions_list (f->studio, &error);
  n = list->len;
  g_assert_cmpuint (n, >=, 10);
  /* Allergies first. */
  g_assert_cmpint (rg_condition_get_kind (list->pdata[0]), ==, RG_CONDITION_ALLERGY);
  g_assert_cmpint (rg_condition_get_kind (list->pdata[n - 1]), ==, RG_CONDITION_CONTRAINDICATION);
  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (rg_condition_get_name (list->pdata[i]), "Latex"))
        latex = list->pdata[i];
      if (g_str_equal (rg_condition_get_name (list->pdata[i]), "Pregnancy"))
        pregnancy = list->pdata[i];
    }
  g_assert_nonnull (latex);
  g_assert_nonnull (pregnancy);

  /* Once: a second call, or a studio that edited its list, adds nothing. */
  g_assert_true (rg_conditions_ensure_defaults (f->studio, &error));
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM conditions", 0), ==, n);

  g_assert_true (rg_client_conditions_set (f->studio, id, rg_record_get_id (RG_RECORD (pregnancy)), TRUE, &error));
  g_assert_true (rg_client_conditions_set (f->studio, id, rg_record_get_id (RG_RECORD (latex)), TRUE, &error));
  g_assert_true (rg_client_conditions_set (f->studio, id, rg_record_get_id (RG_RECORD (latex)), TRUE, &error));
  g_assert_no_error (error);
  marked = rg_client_conditions_load (f->studio, id, &error);
  g_assert_cmpuint (marked->len, ==, 2);

  g_object_set (anna, "medical-notes", "Reacted to lidocaine in 2024", NULL);
  g_assert_true (rg_studio_save (f->studio, anna, &error));
  summary = rg_client_medical_summary (f->studio, anna);
  g_assert_cmpstr (summary, ==, "Latex, Pregnancy. Reacted to lidocaine in 2024");

  g_assert_true (rg_client_conditions_set (f->studio, id, rg_record_get_id (RG_RECORD (latex)), FALSE, &error));
  g_clear_pointer (&summary, g_free);
  summary = rg_client_medical_summary (f->studio, anna);
  g_assert_cmpstr (summary, ==, "Pregnancy. Reacted to lidocaine in 2024");
}

/* Tags set from a typed list: new ones made, existing ones reused in the
 * studio's spelling, removed ones let go; the search finds by tag. */
static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) anna = test_add_client (f->studio, "Анна", "+7 912 345-67-89");
  g_autoptr(RgClient) olga = test_add_client (f->studio, "Ольга", "+7 912 345-67-80");
  gint64 a = rg_record_get_id (RG_RECORD (anna)), o = rg_record_get_id (RG_RECORD (olga));
  g_auto(GStrv) tags = NULL;

  g_assert_true (rg_studio_set_client_tags (f->studio, o, (const char *[]) { "VIP", NULL }, &error));
  g_assert_true (rg_studio_set_client_tags (f->studio, a, (const char *[]) { " vip ", "Блондинка", "", "VIP", NULL },
                                            &error));
  g_assert_no_error (error);
  tags = rg_studio_list_client_tags (f->studio, a, &error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "VIP");
  g_assert_cmpstr (tags[1], ==, "Блондинка");
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM tags", 0), ==, 2);

  g_clear_pointer (&tags, g_strfreev);
  g_assert_true (rg_studio_set_client_tags (f->studio, a, (const char *[]) { "Блондинка", NULL }, &error));
  tags = rg_studio_list_client_tags (f->studio, a, &error);
  g_assert_cmpuint (g_strv_length (tags), ==, 1);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM client_tags WHERE client_id = ?1", o), ==, 1);

  g_assert_true (rg_studio_set_client_tags (f->studio, a, NULL, &error));
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM client_tags WHERE client_id = ?1", a), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/clients/fields", Fixture, NULL, fixture_set_up, test_fields, fixture_tear_down);
  g_test_add ("/clients/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/clients/merge-undo", Fixture, NULL, fixture_set_up, test_merge_undo, fixture_tear_down);
  g_test_add ("/clients/merge-candidates", Fixture, NULL, fixture_set_up, test_merge_candidates, fixture_tear_down);
  g_test_add_func ("/clients/photos", test_photos);
  g_test_add ("/clients/tags", Fixture, NULL, fixture_set_up, test_tags, fixture_tear_down);
  g_test_add ("/clients/conditions", Fixture, NULL, fixture_set_up, test_conditions, fixture_tear_down);

  return g_test_run ();
}
