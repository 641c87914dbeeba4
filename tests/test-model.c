/* test-model.c — records, validation, the studio's live objects, formats.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"

#include <string.h>

#include "model/rg-appointment.h"
#include "model/rg-audit.h"
#include "model/rg-client.h"
#include "model/rg-format.h"
#include "model/rg-interaction.h"
#include "model/rg-rating.h"
#include "model/rg-service.h"
#include "analytics/rg-call-list.h"
#include "model/rg-studio-identity.h"
#include "model/rg-studio-settings.h"
#include "model/rg-call.h"
#include "model/rg-staff-schedule.h"
#include "model/rg-client-reads.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"

typedef struct {
  RgStore  *store;
  RgStudio *studio;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->studio);
  g_assert_finalize_object (f->store);
}

static void
assert_refused (Fixture    *f,
                RgClient   *client,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rg_studio_save (f->studio, client, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  if (fragment && !strstr (error->message, fragment))
    g_error ("“%s” does not mention “%s”", error->message, fragment);
  g_assert_cmpint (rg_record_get_id (RG_RECORD (client)), ==, 0);
}

static void
test_client_validation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new ("  ", "+7 912 345-67-89");

  assert_refused (f, client, "address");
  rg_client_set_address_as (client, "Анна");
  rg_client_set_phone (client, "");
  assert_refused (f, client, "phone");
  rg_client_set_phone (client, "12");
  assert_refused (f, client, "“12”");
  rg_client_set_phone (client, "call me maybe");
  assert_refused (f, client, "phone");
  rg_client_set_phone (client, "+7 912 345-67-89");
  rg_client_set_email (client, "anna at mail");
  assert_refused (f, client, "e-mail");
  rg_client_set_email (client, "anna@mail.ru");
  rg_client_set_birthday (client, 30, 2, 0);
  assert_refused (f, client, "birthday");
  rg_client_set_birthday (client, 29, 2, 2001);
  assert_refused (f, client, "birthday");
  /* Without a year, 29 February is a birthday. */
  rg_client_set_birthday (client, 29, 2, 0);
  rg_client_set_phone2 (client, "x");
  assert_refused (f, client, "phone");
  rg_client_set_phone2 (client, NULL);

  g_assert_true (rg_studio_save (f->studio, client, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_record_get_id (RG_RECORD (client)), >, 0);
}

/* The same person typed twice is found by any form of either number;
 * the card being edited, and deleted cards, are not a duplicate. */
static void
test_find_by_phone (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) anna = rg_client_new ("Анна", "+7 912 345-67-89");
  g_autoptr(RgClient) olga = rg_client_new ("Ольга", "8 (903) 111-22-33");
  g_autoptr(RgClient) found = NULL;

  rg_client_set_phone2 (olga, "+44 7700 900123");
  g_assert_true (rg_studio_save (f->studio, anna, &error));
  g_assert_true (rg_studio_save (f->studio, olga, &error));
  g_assert_no_error (error);

  found = rg_studio_find_client_by_phone (f->studio, "8 912 3456789", 0);
  g_assert_true (found == anna);
  g_clear_object (&found);
  found = rg_studio_find_client_by_phone (f->studio, "9123456789", 0);
  g_assert_true (found == anna);
  g_clear_object (&found);
  found = rg_studio_find_client_by_phone (f->studio, "00 44 7700 900 123", 0);
  g_assert_true (found == olga);
  g_clear_object (&found);

  /* Not the card itself; not a number nobody has; not a non-number. */
  g_assert_null (rg_studio_find_client_by_phone (f->studio, "+79123456789", rg_record_get_id (RG_RECORD (anna))));
  g_assert_null (rg_studio_find_client_by_phone (f->studio, "+7 912 345-67-80", 0));
  g_assert_null (rg_studio_find_client_by_phone (f->studio, "анна", 0));
  g_assert_null (rg_studio_find_client_by_phone (f->studio, NULL, 0));

  /* A deleted card is not in the way. */
  g_assert_true (rg_studio_delete (f->studio, anna, &error));
  g_assert_null (rg_studio_find_client_by_phone (f->studio, "+79123456789", 0));
}

static void
test_client_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new ("  Алёна Игоревна ", "8 (912) 345-45-67");
  g_autoptr(RgClient) loaded = NULL;
  g_autofree char *gender = NULL;
  g_autofree char *full_name = NULL;
  gint64 id, created;
  int day, month, year;

  rg_client_set_full_name (client, "");          /* empty: stored as NULL */
  rg_client_set_email (client, " alyona@example.org ");
  rg_client_set_birthday (client, 12, 3, 0);
  rg_client_set_gender (client, RG_GENDER_FEMALE);
  rg_client_set_notes (client, "Café & <tea>");
  g_assert_true (rg_studio_save (f->studio, client, &error));
  g_assert_no_error (error);

  id = rg_record_get_id (RG_RECORD (client));
  created = rg_record_get_created_at (RG_RECORD (client));
  g_assert_cmpint (created, >, 0);
  g_assert_cmpint (rg_record_get_updated_at (RG_RECORD (client)), ==, created);

  /* Trimmed, and the derived columns filled. */
  g_assert_cmpstr (rg_client_get_address_as (client), ==, "Алёна Игоревна");
  g_assert_cmpstr (rg_client_get_email (client), ==, "alyona@example.org");
  g_assert_cmpstr (rg_client_get_phone_digits (client), ==, "79123454567");
  g_assert_cmpstr (rg_client_get_full_name (client), ==, NULL);
  /* The phone as typed ("8 (912) 345-45-67") is kept in one form. */
  g_assert_cmpstr (rg_client_get_phone (client), ==, "+7 912 345-45-67");

  /* What the row holds. */
  gender = test_sql_text (f->store, "SELECT gender FROM clients WHERE id = ?1", id);
  g_assert_cmpstr (gender, ==, "female");
  full_name = test_sql_text (f->store, "SELECT full_name FROM clients WHERE id = ?1", id);
  g_assert_cmpstr (full_name, ==, NULL);
  {
    g_autofree char *key = test_sql_text (f->store, "SELECT sort_key FROM clients WHERE id = ?1", id);
    g_autofree char *year_text = test_sql_text (f->store, "SELECT birth_year FROM clients WHERE id = ?1", id);
    g_assert_cmpstr (key, ==, "алена игоревна");
    g_assert_cmpstr (year_text, ==, NULL);
  }

  /* A fresh load (bypassing the studio) gives the same values. */
  loaded = RG_CLIENT (rg_record_load (RG_TYPE_CLIENT, f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rg_client_get_address_as (loaded), ==, "Алёна Игоревна");
  g_assert_cmpstr (rg_client_get_notes (loaded), ==, "Café & <tea>");
  g_assert_cmpint (rg_client_get_gender (loaded), ==, RG_GENDER_FEMALE);
  rg_client_get_birthday (loaded, &day, &month, &year);
  g_assert_cmpint (day, ==, 12);
  g_assert_cmpint (month, ==, 3);
  g_assert_cmpint (year, ==, 0);
  g_assert_cmpint (rg_record_get_created_at (RG_RECORD (loaded)), ==, created);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_notify_on_change_only (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RgClient) client = rg_client_new ("Анна", "+7 912 000-00-00");
  guint count = 0;

  g_signal_connect (client, "notify::address-as", G_CALLBACK (count_notify_cb), &count);
  rg_client_set_address_as (client, "Анна");
  g_assert_cmpuint (count, ==, 0);
  g_object_set (client, "address-as", "Анна", NULL);
  g_assert_cmpuint (count, ==, 0);
  rg_client_set_address_as (client, "Аня");
  g_assert_cmpuint (count, ==, 1);
  /* Same text in another Unicode form is the same text. */
  rg_client_set_address_as (client, "Алёна");
  rg_client_set_address_as (client, "Але\xcc\x88на");
  g_assert_cmpuint (count, ==, 2);
}

static void
test_live_objects (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new ("Ирина", "+7 912 111-11-11");
  g_autoptr(RgClient) again = NULL;
  guint notified = 0;
  gint64 id;

  g_assert_true (rg_studio_save (f->studio, client, &error));
  id = rg_record_get_id (RG_RECORD (client));

  /* One object per row. */
  again = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, id, &error);
  g_assert_no_error (error);
  g_assert_true (again == client);
  g_assert_cmpuint (rg_studio_count_live (f->studio, RG_TYPE_CLIENT), ==, 1);

  /* A write that does not go through the object still reaches it. */
  g_signal_connect (client, "notify::notes", G_CALLBACK (count_notify_cb), &notified);
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (f->store,
                                               "UPDATE clients SET notes = 'Пришла с подругой', updated_at = 99 WHERE id = ?1",
                                               &error);
    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_true (rg_store_step_done (f->store, stmt, &error));
  }
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (rg_client_get_notes (client), ==, "Пришла с подругой");
  g_assert_cmpint (rg_record_get_updated_at (RG_RECORD (client)), ==, 99);

  /* Objects nobody holds are forgotten. */
  g_clear_object (&again);
  g_assert_finalize_object (g_steal_pointer (&client));
  g_assert_cmpuint (rg_studio_count_live (f->studio, RG_TYPE_CLIENT), ==, 0);

  /* A missing row is an error, not a crash. */
  g_assert_null (rg_studio_lookup (f->studio, RG_TYPE_CLIENT, 12345, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND);
}

/* Many rows at once: live ones as they are, the others in one query,
 * duplicates and missing ids left out. */
static void
test_lookup_many (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) held = rg_client_new ("Ирина", "+7 912 111-11-11");
  g_autoptr(RgClient) other = rg_client_new ("Ольга", "+7 912 222-22-22");
  g_autoptr(GPtrArray) found = NULL;
  gint64 ids[5];
  gboolean saw_held = FALSE, saw_other = FALSE;

  g_assert_true (rg_studio_save (f->studio, held, &error));
  g_assert_true (rg_studio_save (f->studio, other, &error));
  g_assert_no_error (error);
  ids[0] = rg_record_get_id (RG_RECORD (other));
  ids[1] = rg_record_get_id (RG_RECORD (held));
  ids[2] = ids[0];
  ids[3] = 12345;   /* no such row */
  ids[4] = 0;
  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_cmpuint (rg_studio_count_live (f->studio, RG_TYPE_CLIENT), ==, 1);

  found = rg_studio_lookup_many (f->studio, RG_TYPE_CLIENT, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      RgClient *client = found->pdata[i];

      if (client == held)
        saw_held = TRUE;
      else if (rg_record_get_id (RG_RECORD (client)) == ids[0])
        {
          g_assert_cmpstr (rg_client_get_address_as (client), ==, "Ольга");
          saw_other = TRUE;
        }
    }
  g_assert_true (saw_held && saw_other);
  g_assert_cmpuint (rg_studio_count_live (f->studio, RG_TYPE_CLIENT), ==, 2);

  /* Nothing to load: no query, an empty array. */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = rg_studio_lookup_many (f->studio, RG_TYPE_CLIENT, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Every column of a client row, as one text. */
#define WHOLE_CLIENT_ROW \
  "SELECT json_array(id, address_as, sort_key, phone, phone_digits, full_name, phone2, phone2_digits, email, " \
  "birth_day, birth_month, birth_year, gender, call_time, preferred_staff_id, referred_by_id, source, " \
  "consent_messages, minimal_contact, preferences, medical_notes, notes, deleted_at, created_at, updated_at) " \
  "FROM clients"

static void
test_delete_undelete_erase (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new ("Ольга", "+7 912 222-22-22");
  g_autoptr(RgStaff) staff = rg_staff_new ("Марина", RG_STAFF_ROLE_MASTER);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (rg_studio_save (f->studio, client, &error));
  rg_studio_set_selected_client (f->studio, client);

  /* Last changed long ago: the undo must not make it "changed now". */
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (f->store, "UPDATE clients SET updated_at = 1000000 WHERE id = ?1",
                                               &error);
    sqlite3_bind_int64 (stmt, 1, rg_record_get_id (RG_RECORD (client)));
    g_assert_true (rg_store_step_done (f->store, stmt, &error));
  }
  g_assert_cmpint (rg_record_get_updated_at (RG_RECORD (client)), ==, 1000000);

  before = test_sql_text (f->store, WHOLE_CLIENT_ROW " WHERE id = ?1", rg_record_get_id (RG_RECORD (client)));

  /* Clients delete softly; the selection lets go of them. */
  g_assert_true (rg_studio_delete (f->studio, client, &error));
  g_assert_no_error (error);
  g_assert_true (rg_record_is_deleted (RG_RECORD (client)));
  g_assert_null (rg_studio_get_selected_client (f->studio));
  {
    g_autofree char *deleted = test_sql_text (f->store, "SELECT deleted_at FROM clients WHERE id = ?1",
                                           rg_record_get_id (RG_RECORD (client)));
    g_assert_nonnull (deleted);
  }

  /* Undo brings back exactly what was there. */
  g_assert_true (rg_studio_undelete (f->studio, client, &error));
  g_assert_false (rg_record_is_deleted (RG_RECORD (client)));
  after = test_sql_text (f->store, WHOLE_CLIENT_ROW " WHERE id = ?1", rg_record_get_id (RG_RECORD (client)));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (rg_record_get_updated_at (RG_RECORD (client)), ==, 1000000);

  /* Staff have no soft delete: delete erases. */
  g_assert_true (rg_studio_save (f->studio, staff, &error));
  g_assert_true (rg_studio_delete (f->studio, staff, &error));
  g_assert_no_error (error);
  g_assert_true (rg_record_is_deleted (RG_RECORD (staff)));
  g_assert_null (rg_studio_lookup (f->studio, RG_TYPE_STAFF, 1, &error));
  g_clear_error (&error);

  /* Saving a record whose row is gone says so. */
  rg_staff_set_display_name (staff, "Марина К.");
  g_assert_false (rg_studio_save (f->studio, staff, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND);
}

static void
test_other_records (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new ("Вера", "+7 912 333-33-33");
  g_autoptr(RgStaff) staff = rg_staff_new ("Светлана", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgService) service = rg_service_new ("Маникюр", 60, 150000);
  g_autoptr(RgAppointment) appointment = NULL;
  g_autoptr(RgRating) rating = NULL;
  g_autoptr(RgInteraction) call = NULL;
  g_autoptr(RgAppointment) reloaded = NULL;
  gint64 appointment_id;

  g_assert_true (rg_studio_save (f->studio, client, &error));
  g_assert_true (rg_studio_save (f->studio, staff, &error));
  g_assert_true (rg_studio_save (f->studio, service, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rg_staff_get_color (staff), ==, "#3584e4");
  g_assert_cmpint (rg_service_get_repeat_days (service), ==, 0);

  /* Bad staff and services are refused before SQL. */
  {
    g_autoptr(RgStaff) nameless = rg_staff_new (" ", RG_STAFF_ROLE_MASTER);
    g_autoptr(RgService) instant = rg_service_new ("Взгляд", 1, 0);

    g_assert_false (rg_studio_save (f->studio, nameless, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (rg_studio_save (f->studio, instant, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  appointment = rg_appointment_new (rg_record_get_id (RG_RECORD (client)),
                                    rg_record_get_id (RG_RECORD (staff)), 3600, 1800);
  g_assert_false (rg_studio_save (f->studio, appointment, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (appointment, "ends-at", (gint64) 7200, "price", (gint64) 150000, NULL);
  rg_appointment_set_status (appointment, RG_APPOINTMENT_NO_SHOW);
  g_assert_true (rg_studio_save (f->studio, appointment, &error));
  g_assert_no_error (error);
  appointment_id = rg_record_get_id (RG_RECORD (appointment));
  {
    g_autofree char *status = test_sql_text (f->store, "SELECT status FROM appointments WHERE id = ?1", appointment_id);
    g_assert_cmpstr (status, ==, "no_show");
  }
  reloaded = RG_APPOINTMENT (rg_record_load (RG_TYPE_APPOINTMENT, f->store, appointment_id, &error));
  g_assert_cmpint (rg_appointment_get_status (reloaded), ==, RG_APPOINTMENT_NO_SHOW);
  g_assert_cmpint (rg_appointment_get_series_id (reloaded), ==, 0);

  /* A visit that did not take place is not rated. */
  rating = rg_rating_new (appointment_id, 5);
  g_assert_false (rg_studio_save (f->studio, rating, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rg_appointment_set_status (appointment, RG_APPOINTMENT_DONE);
  g_assert_true (rg_studio_save (f->studio, appointment, &error));

  /* A rating without NPS stores NULL; 0 is a real answer. */
  g_assert_true (rg_studio_save (f->studio, rating, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_rating_get_nps (rating), ==, RG_RATING_NO_NPS);
  g_assert_cmpint (rg_rating_get_rated_at (rating), >, 0);
  {
    g_autofree char *nps = test_sql_text (f->store, "SELECT nps FROM ratings WHERE id = ?1",
                                       rg_record_get_id (RG_RECORD (rating)));
    g_assert_cmpstr (nps, ==, NULL);
  }
  g_object_set (rating, "nps", 0, NULL);
  g_assert_true (rg_studio_save (f->studio, rating, &error));
  {
    g_autofree char *nps = test_sql_text (f->store, "SELECT nps FROM ratings WHERE id = ?1",
                                       rg_record_get_id (RG_RECORD (rating)));
    g_assert_cmpstr (nps, ==, "0");
  }

  /* One rating per visit. */
  {
    g_autoptr(RgRating) second = rg_rating_new (appointment_id, 4);
    g_autoptr(RgRating) found = NULL;
    gint64 rated_at = rg_rating_get_rated_at (rating);

    g_assert_false (rg_studio_save (f->studio, second, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_clear_error (&error);

    /* The visit's rating is found; editing it keeps its date. */
    found = rg_rating_find_for_visit (f->studio, appointment_id, &error);
    g_assert_no_error (error);
    g_assert_true (found == rating);
    g_object_set (found, "score", 3, "why", "Долго", NULL);
    g_assert_true (rg_studio_save (f->studio, found, &error));
    g_assert_cmpint (rg_rating_get_rated_at (found), ==, rated_at);
    g_assert_null (rg_rating_find_for_visit (f->studio, appointment_id + 1, &error));
    g_assert_no_error (error);
  }

  call = rg_interaction_new (rg_record_get_id (RG_RECORD (client)), RG_INTERACTION_CALL, "Перезвонить");
  g_object_set (call, "outcome", "call_back", "due-at", (gint64) 100000, NULL);
  g_assert_true (rg_studio_save (f->studio, call, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_interaction_get_occurred_at (call), >, 0);
  g_assert_cmpint (rg_interaction_get_kind (call), ==, RG_INTERACTION_CALL);
  g_assert_cmpint (rg_interaction_get_due_at (call), ==, 100000);
  g_assert_cmpint (rg_interaction_get_done_at (call), ==, 0);
}

static void
test_formats (void)
{
  g_autofree char *whole = rg_format_money (150000);
  g_autofree char *cents = rg_format_money (123456789);
  g_autofree char *negative = rg_format_money (-5050);
  g_autofree char *count = rg_format_count (100000);
  g_autofree char *birthday = rg_format_birthday (29, 2, 0);
  g_autofree char *birthday_year = rg_format_birthday (1, 12, 1990);
  g_autofree char *date = rg_format_date (1795867200);   /* 2026-11-28 12:00 UTC */

  g_assert_cmpstr (whole, ==, "1,500");
  g_assert_cmpstr (cents, ==, "1,234,567.89");
  g_assert_cmpstr (negative, ==, "−50.50");
  g_assert_cmpstr (count, ==, "100,000");
  g_assert_cmpstr (birthday, ==, "29 February");
  g_assert_cmpstr (birthday_year, ==, "1 December 1990");
  g_assert_cmpstr (date, ==, "28 November 2026");
}

static void
test_parse_money (void)
{
  static const struct { const char *text; gboolean ok; gint64 minor; } cases[] = {
    { "1500", TRUE, 150000 },
    { " 1,500 ", TRUE, 150000 },
    { "1,500.5", TRUE, 150050 },
    { "1 500.05", TRUE, 150005 },
    { "0.99", TRUE, 99 },
    { ".5", TRUE, 50 },
    { "", TRUE, 0 },
    { "12.345", FALSE, 0 },
    { "-5", FALSE, 0 },
    { "1.2.3", FALSE, 0 },
    { "abc", FALSE, 0 },
    { ".", FALSE, 0 },
    { "99999999999999999999", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 minor = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (rg_format_parse_money (cases[i].text, &minor), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (minor, ==, cases[i].minor);
    }
}

/* What the service picker finds, and in which order. */
static void
test_service_match (void)
{
  g_autoptr(RgService) women = rg_service_new ("Women\u2019s haircut", 60, 450000);
  g_autoptr(RgService) men = rg_service_new ("Men\u2019s haircut", 30, 280000);
  g_autoptr(RgService) spa = rg_service_new ("SPA-программа «Релакс»", 120, 950000);

  rg_service_set_category (women, "Hair");
  g_assert_cmpint (rg_service_match (men, "men's h"), ==, RG_SERVICE_MATCH_WORD_START);
  g_assert_cmpint (rg_service_match (men, "MEN\u2019S"), ==, RG_SERVICE_MATCH_WORD_START);
  g_assert_cmpint (rg_service_match (women, "men's h"), ==, RG_SERVICE_MATCH_INSIDE);
  g_assert_cmpint (rg_service_match (women, "men"), ==, RG_SERVICE_MATCH_INSIDE);
  g_assert_cmpint (rg_service_match (women, "hair wom"), ==, RG_SERVICE_MATCH_WORD_START);
  g_assert_cmpint (rg_service_match (women, "s haircut"), ==, RG_SERVICE_MATCH_INSIDE);
  g_assert_cmpint (rg_service_match (women, "colour"), ==, RG_SERVICE_MATCH_NONE);
  g_assert_cmpint (rg_service_match (women, ""), ==, RG_SERVICE_MATCH_WORD_START);
  g_assert_cmpint (rg_service_match (spa, "релакс"), ==, RG_SERVICE_MATCH_WORD_START);
  g_assert_cmpint (rg_service_match (spa, "\"релакс\""), ==, RG_SERVICE_MATCH_WORD_START);
  g_assert_cmpint (rg_service_match (spa, "программа"), ==, RG_SERVICE_MATCH_WORD_START);
}

/* Amounts with the studio's currency, the way every view shows them; the
 * same read back when typed with the symbol. */
static void
test_price (void)
{
  gint64 minor = 0;

  rg_format_set_currency ("GBP");
  {
    g_autofree char *whole = rg_format_price (130000);
    g_autofree char *cents = rg_format_price (4236);

    g_assert_cmpstr (whole, ==, "£1,300");
    g_assert_cmpstr (cents, ==, "£42.36");
  }
  g_assert_true (rg_format_parse_money ("£42.36", &minor));
  g_assert_cmpint (minor, ==, 4236);
  rg_format_set_currency ("RUB");
  {
    g_autofree char *whole = rg_format_price (130000);

    g_assert_cmpstr (whole, ==, "1,300\u00a0₽");
  }
  g_assert_true (rg_format_parse_money ("1 300 ₽", &minor));
  g_assert_cmpint (minor, ==, 130000);
  g_assert_false (rg_format_parse_money ("1 300 $", &minor));
  rg_format_set_currency (NULL);
  {
    g_autofree char *plain = rg_format_price (130000);

    g_assert_cmpstr (plain, ==, "1,300");
  }
  g_assert_cmpstr (rg_currency_for_country (44), ==, "GBP");
  g_assert_cmpstr (rg_currency_for_country (7), ==, "RUB");
  g_assert_cmpstr (rg_currency_for_country (49), ==, "EUR");
  g_assert_null (rg_currency_for_country (0));
}

static void
identity_changed_cb (RgStudio *studio,
                     guint    *count)
{
  (*count)++;
}

/* The studio's name, address and currency: checked, saved together,
 * and the currency every amount shows from then on. */
static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (RG_STUDIO_NAME_MAX + 1, 'x');
  guint changed = 0;

  g_signal_connect (f->studio, "identity-changed", G_CALLBACK (identity_changed_cb), &changed);

  /* Until it says, the phone country's currency, and no name. */
  g_assert_true (rg_store_set_setting (f->store, "phone-country", "44", NULL));
  {
    g_autofree char *currency = rg_studio_dup_currency (f->studio);
    g_autofree char *name = rg_studio_dup_name (f->studio);

    g_assert_cmpstr (currency, ==, "GBP");
    g_assert_null (name);
  }

  g_assert_true (rg_studio_set_identity (f->studio, "  Velvet  ", "1 High Street, Bath", " GB 123-4567 89 ", "EUR", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  {
    g_autofree char *name = rg_studio_dup_name (f->studio);
    g_autofree char *address = rg_studio_dup_address (f->studio);
    g_autofree char *tax_number = rg_studio_dup_tax_number (f->studio);
    g_autofree char *currency = rg_studio_dup_currency (f->studio);
    g_autofree char *price = rg_format_price (4236);

    g_assert_cmpstr (name, ==, "Velvet");
    g_assert_cmpstr (address, ==, "1 High Street, Bath");
    g_assert_cmpstr (tax_number, ==, "GB 123-4567 89");
    g_assert_cmpstr (currency, ==, "EUR");
    g_assert_cmpstr (rg_format_get_currency (), ==, "EUR");
    g_assert_cmpstr (price, ==, "€42.36");
  }

  /* Refused before anything is written: all three stay. */
  g_assert_false (rg_studio_set_identity (f->studio, long_name, "", NULL, "GBP", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_studio_set_identity (f->studio, "Velvet", "", NULL, "XYZ", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A tax number of letters, digits, spaces and dashes, at most 32. */
  g_assert_false (rg_studio_set_identity (f->studio, "Velvet", "", "GB/123", "GBP", &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *long_tax = g_strnfill (RG_STUDIO_TAX_NUMBER_MAX + 1, '7');
    g_autofree char *longest_tax = g_strnfill (RG_STUDIO_TAX_NUMBER_MAX, '7');

    g_assert_false (rg_studio_set_identity (f->studio, "Velvet", "", long_tax, "GBP", &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (rg_studio_check_tax_number (longest_tax, NULL));
    g_assert_true (rg_studio_check_tax_number ("ИНН 7707083893", NULL));
    g_assert_true (rg_studio_check_tax_number (NULL, NULL));
  }
  g_assert_cmpuint (changed, ==, 1);
  {
    g_autofree char *address = rg_studio_dup_address (f->studio);
    g_autofree char *tax_number = rg_studio_dup_tax_number (f->studio);
    g_autofree char *currency = rg_studio_dup_currency (f->studio);

    g_assert_cmpstr (address, ==, "1 High Street, Bath");
    g_assert_cmpstr (tax_number, ==, "GB 123-4567 89");
    g_assert_cmpstr (currency, ==, "EUR");
  }

  /* The call script says the name, or "the salon" without one. */
  {
    g_autofree char *named = rg_call_script_fill (rg_call_script_default (), "Anna", "Velvet", NULL);
    g_autofree char *unnamed = rg_call_script_fill (rg_call_script_default (), "Anna", NULL, NULL);

    g_assert_nonnull (strstr (named, "This is Velvet calling"));
    g_assert_nonnull (strstr (unnamed, "This is the salon calling"));
  }

  /* Cleared: no name, the phone country's currency again. */
  g_assert_true (rg_studio_set_identity (f->studio, "", "", "", NULL, &error));
  {
    g_autofree char *name = rg_studio_dup_name (f->studio);
    g_autofree char *tax_number = rg_studio_dup_tax_number (f->studio);

    g_assert_null (tax_number);
    g_autofree char *currency = rg_studio_dup_currency (f->studio);

    g_assert_null (name);
    g_assert_cmpstr (currency, ==, "GBP");
  }
  rg_format_set_currency (NULL);
}

/* The studio's own choices: checked, kept, read back with their defaults. */
static void
test_studio_settings (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_script = g_strnfill (RG_CALL_SCRIPT_MAX + 1, 'x');

  /* Defaults until set. */
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_DEFAULT_INTERVAL), ==, 42);
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_BIRTHDAY_DAYS), ==, 7);
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_GIFT_THRESHOLD), ==, 500000);
  g_assert_false (rg_studio_get_full_questionnaire (f->studio));

  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_BIRTHDAY_DAYS, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_BIRTHDAY_DAYS), ==, 0);
  g_assert_false (rg_studio_set_number (f->studio, RG_STUDIO_BIRTHDAY_DAYS, 61, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rg_studio_get_number (f->studio, RG_STUDIO_BIRTHDAY_DAYS), ==, 0);
  g_assert_false (rg_studio_set_number (f->studio, RG_STUDIO_DEFAULT_INTERVAL, 0, &error));
  g_clear_error (&error);

  g_assert_true (rg_studio_set_full_questionnaire (f->studio, TRUE, &error));
  g_assert_true (rg_studio_get_full_questionnaire (f->studio));

  /* The script: kept as written; the default is not kept (it follows the
   * language); too long is refused. */
  g_assert_true (rg_studio_set_call_script (f->studio, "Hello, {name}!", &error));
  {
    g_autofree char *script = rg_studio_dup_call_script (f->studio);
    g_autofree char *kept = rg_store_get_setting (f->store, "call-script");

    g_assert_cmpstr (script, ==, "Hello, {name}!");
    g_assert_cmpstr (kept, ==, "Hello, {name}!");
  }
  g_assert_true (rg_studio_set_call_script (f->studio, rg_call_script_default (), &error));
  {
    g_autofree char *kept = rg_store_get_setting (f->store, "call-script");
    g_autofree char *script = rg_studio_dup_call_script (f->studio);

    g_assert_null (kept);
    g_assert_cmpstr (script, ==, rg_call_script_default ());
  }
  g_assert_false (rg_studio_set_call_script (f->studio, long_script, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
}

/* Tasks through the model: made with a due time, marked done; a note is
 * not a task. */
static void
test_tasks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new ("Вера", "+7 912 000-00-07");
  g_autoptr(RgInteraction) note = NULL;
  gint64 task_id;

  g_assert_true (rg_studio_save (f->studio, client, &error));
  g_assert_false (rg_task_create (f->studio, rg_record_get_id (RG_RECORD (client)), "Call", 0, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rg_task_create (f->studio, rg_record_get_id (RG_RECORD (client)), "  ", 1900000000, &error));
  g_assert_no_error (error);
  task_id = test_sql_int (f->store, "SELECT id FROM interactions WHERE kind = 'task' AND due_at = ?1", 1900000000);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM interactions WHERE id = ?1 AND body = 'Call back'",
                                 task_id), ==, 1);
  g_assert_true (rg_task_mark_done (f->studio, task_id, &error));
  g_assert_cmpint (test_sql_int (f->store, "SELECT done_at IS NOT NULL FROM interactions WHERE id = ?1", task_id), ==, 1);

  note = rg_interaction_new (rg_record_get_id (RG_RECORD (client)), RG_INTERACTION_NOTE, "A note");
  g_assert_true (rg_studio_save (f->studio, note, &error));
  g_assert_false (rg_task_mark_done (f->studio, rg_record_get_id (RG_RECORD (note)), &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
}

/* A staff member with their hours and days off: one write, all or
 * nothing; only what differs is written; the order renumbered. */
static void
test_staff_schedule (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) anna = rg_staff_new ("Anna", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgStaff) olga = rg_staff_new ("Olga", RG_STAFF_ROLE_MASTER);
  g_autoptr(GArray) monday = g_array_new (FALSE, FALSE, sizeof (RgSpan));
  g_autoptr(GArray) bad = g_array_new (FALSE, FALSE, sizeof (RgSpan));
  g_autoptr(GArray) days_off = g_array_new (FALSE, FALSE, sizeof (RgDayOff));
  RgSpan nine_to_six = { 9 * 60, 18 * 60 }, backwards = { 18 * 60, 9 * 60 };
  RgDayOff vacation = { { 2031, 3, 2 }, (char *) "Vacation" };
  RgStaffSchedule schedule = { { NULL }, NULL, { 2031, 3, 1 }, { 2031, 3, 31 } };
  gint64 id;

  g_array_append_val (monday, nine_to_six);
  g_array_append_val (bad, backwards);
  g_array_append_val (days_off, vacation);

  /* Refused hours: not even the person is written. */
  schedule.hours[0] = bad;
  g_assert_false (rg_staff_save_with_schedule (f->studio, anna, &schedule, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM staff WHERE ?1 = ?1", 0), ==, 0);

  schedule.hours[0] = monday;
  schedule.days_off = days_off;
  g_assert_true (rg_staff_save_with_schedule (f->studio, anna, &schedule, &error));
  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (anna));
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM staff_hours WHERE staff_id = ?1 AND weekday = 1", id),
                   ==, 1);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM staff_days_off WHERE staff_id = ?1", id), ==, 1);

  /* The day off taken back: removed; Monday as it was: left alone. */
  {
    g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (RgDayOff));
    /* A rewrite would give the row a new (random) id. */
    gint64 row = test_sql_int (f->store, "SELECT max(id) FROM staff_hours WHERE staff_id = ?1", id);

    schedule.days_off = none;
    g_assert_true (rg_staff_save_with_schedule (f->studio, anna, &schedule, &error));
    g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM staff_days_off WHERE staff_id = ?1", id), ==, 0);
    g_assert_cmpint (test_sql_int (f->store, "SELECT max(id) FROM staff_hours WHERE staff_id = ?1", id), ==, row);
    {
      g_autoptr(GArray) back = rg_staff_load_hours (f->studio, id, 1, &error);

      g_assert_cmpuint (back->len, ==, 1);
      g_assert_cmpint (g_array_index (back, RgSpan, 0).end_minute, ==, 18 * 60);
    }
  }

  /* The order: Olga first, then Anna. */
  g_assert_true (rg_studio_save (f->studio, olga, &error));
  {
    g_autoptr(GPtrArray) order = g_ptr_array_new ();

    g_ptr_array_add (order, olga);
    g_ptr_array_add (order, anna);
    g_assert_true (rg_staff_set_order (f->studio, order, &error));
    g_assert_cmpint (test_sql_int (f->store, "SELECT position FROM staff WHERE id = ?1",
                                   rg_record_get_id (RG_RECORD (olga))), ==, 0);
    g_assert_cmpint (test_sql_int (f->store, "SELECT position FROM staff WHERE id = ?1", id), ==, 1);
  }
}

/* What the client views read through the model: open complaints, the
 * timeline newest first, the tags. */
static void
test_client_reads (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new ("Вера", "+7 912 000-00-08");
  g_autoptr(RgInteraction) old = NULL;
  g_autoptr(RgInteraction) fresh = NULL;
  g_autoptr(RgInteraction) note = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autofree char *latest = NULL;
  gint64 id;

  g_assert_true (rg_studio_save (f->studio, client, &error));
  id = rg_record_get_id (RG_RECORD (client));
  g_assert_cmpuint (rg_client_open_complaints (f->studio, id, &latest, &error), ==, 0);
  g_assert_null (latest);

  old = rg_complaint_new (f->studio, id, "Cold water", &error);
  g_object_set (old, "occurred-at", (gint64) 1700000000, NULL);
  g_assert_true (rg_studio_save (f->studio, old, &error));
  fresh = rg_complaint_new (f->studio, id, "Late start", &error);
  g_object_set (fresh, "occurred-at", (gint64) 1700100000, NULL);
  g_assert_true (rg_studio_save (f->studio, fresh, &error));
  note = rg_interaction_new (id, RG_INTERACTION_NOTE, "Likes tea");
  g_object_set (note, "occurred-at", (gint64) 1700200000, NULL);
  g_assert_true (rg_studio_save (f->studio, note, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rg_client_open_complaints (f->studio, id, &latest, &error), ==, 2);
  g_assert_cmpstr (latest, ==, "Late start");
  rg_interaction_set_complaint_status (fresh, RG_COMPLAINT_RESOLVED);
  g_assert_true (rg_studio_save (f->studio, fresh, &error));
  g_clear_pointer (&latest, g_free);
  g_assert_cmpuint (rg_client_open_complaints (f->studio, id, &latest, &error), ==, 1);
  g_assert_cmpstr (latest, ==, "Cold water");

  timeline = rg_client_timeline (f->studio, id, 2, &error);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (timeline->len, ==, 2);
  g_assert_true (timeline->pdata[0] == note);     /* the live objects, newest first */
  g_assert_true (timeline->pdata[1] == fresh);

  g_assert_true (rg_studio_set_client_tags (f->studio, id, (const char *[]) { "VIP", "bride", NULL }, &error));
  tags = rg_studio_list_tags (f->studio, &error);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_cmpstr (((RgTagName *) tags->pdata[0])->name, ==, "bride");
  g_assert_cmpint (rg_client_latest_visit (f->studio, id, 2000000000, &error), ==, 0);
}

static void
changes_cb (RgStudio *studio,
            guint     changes,
            GArray   *seen)
{
  g_array_append_val (seen, changes);
}

/* RgStudio::changes: once per commit, in the model's terms. */
static void
test_typed_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(RgClient) client = rg_client_new ("Вера", "+7 912 000-00-09");
  g_autoptr(RgStaff) anna = rg_staff_new ("Anna", RG_STAFF_ROLE_MASTER);
  g_autoptr(GArray) monday = g_array_new (FALSE, FALSE, sizeof (RgSpan));
  RgSpan nine_to_six = { 9 * 60, 18 * 60 };
  RgStaffSchedule schedule = { { NULL }, NULL, { 2031, 3, 1 }, { 2031, 3, 31 } };

  g_signal_connect (f->studio, "changes", G_CALLBACK (changes_cb), seen);

  g_assert_true (rg_studio_save (f->studio, client, &error));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpuint (g_array_index (seen, guint, 0), ==, RG_CHANGES_CLIENTS);

  /* A person with their hours: one commit, one signal, both named. */
  g_array_append_val (monday, nine_to_six);
  schedule.hours[0] = monday;
  g_assert_true (rg_staff_save_with_schedule (f->studio, anna, &schedule, &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (g_array_index (seen, guint, 1), ==, RG_CHANGES_STAFF | RG_CHANGES_SCHEDULE);

  /* The studio's settings. */
  g_assert_true (rg_studio_set_full_questionnaire (f->studio, TRUE, &error));
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpuint (g_array_index (seen, guint, 2), ==, RG_CHANGES_SETTINGS);

  /* Nothing written: nothing said. */
  g_assert_false (rg_studio_set_number (f->studio, RG_STUDIO_BIRTHDAY_DAYS, 400, &error));
  g_assert_cmpuint (seen->len, ==, 3);

  g_assert_cmpuint (rg_changes_for_table ("appointment_services"), ==, RG_CHANGES_APPOINTMENTS);
  g_assert_cmpuint (rg_changes_for_table ("no such table"), ==, RG_CHANGES_NONE);
  g_signal_handlers_disconnect_by_func (f->studio, changes_cb, seen);
}

/* A studio opened by path: created where there is none (unless asked to
 * open an existing one only), named by its file, at the latest format. */
static void
test_studio_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-open-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgStudio) missing = NULL;
  g_autoptr(RgStudio) studio = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rg_studio_peek_version (path), ==, 0);
  missing = rg_studio_open (path, RG_STUDIO_OPEN_EXISTING, &error);
  g_assert_null (missing);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  studio = rg_studio_open (path, RG_STUDIO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (RG_IS_STUDIO (studio));
  g_assert_cmpstr (rg_studio_get_path (studio), ==, path);
  g_clear_object (&studio);
  g_assert_cmpint (rg_studio_peek_version (path), ==, rg_studio_latest_version ());
  g_assert_cmpint (rg_studio_latest_version (), >, 1);

  studio = rg_studio_open (path, RG_STUDIO_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_nonnull (studio);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

/* The audit log takes rows and keeps them: no row can be changed or
 * removed, and a row written inside a transaction that rolls back is gone
 * with it. */
static void
test_audit_log (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  RgAuditEntry *entry;

  g_assert_true (rg_studio_audit (f->studio, RG_AUDIT_EXPORT, "clients", 42, "clients.csv", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_audit (f->studio, RG_AUDIT_BACKUP, "studio", -1, NULL, "automatic", &error));
  g_assert_no_error (error);

  g_assert_true (rg_store_begin (f->store, &error));
  g_assert_true (rg_studio_audit (f->studio, RG_AUDIT_IMPORT, "clients", 3, "gone.csv", NULL, &error));
  rg_store_rollback (f->store);

  entries = rg_studio_list_audit (f->studio, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 1);  /* newest first: the export is older */
  g_assert_cmpstr (entry->action, ==, "export");
  g_assert_cmpstr (entry->what, ==, "clients");
  g_assert_cmpint (entry->rows, ==, 42);
  g_assert_cmpstr (entry->file, ==, "clients.csv");
  g_assert_cmpstr (entry->actor, ==, g_get_user_name ());
  g_assert_cmpint (entry->at, >, 0);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "backup");
  g_assert_cmpint (entry->rows, ==, -1);
  g_assert_null (entry->file);
  g_assert_cmpstr (entry->detail, ==, "automatic");

  g_assert_false (rg_store_exec (f->store, "UPDATE audit_log SET rows = 0", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (rg_store_exec (f->store, "DELETE FROM audit_log", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM audit_log WHERE rows = 42", 0), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/model/client/validation", Fixture, NULL, fixture_set_up, test_client_validation, fixture_tear_down);
  g_test_add ("/model/client/find-by-phone", Fixture, NULL, fixture_set_up, test_find_by_phone, fixture_tear_down);
  g_test_add ("/model/client/round-trip", Fixture, NULL, fixture_set_up, test_client_round_trip, fixture_tear_down);
  g_test_add ("/model/record/notify-on-change", Fixture, NULL, fixture_set_up, test_notify_on_change_only, fixture_tear_down);
  g_test_add ("/model/studio/live-objects", Fixture, NULL, fixture_set_up, test_live_objects, fixture_tear_down);
  g_test_add ("/model/studio/lookup-many", Fixture, NULL, fixture_set_up, test_lookup_many, fixture_tear_down);
  g_test_add ("/model/studio/delete", Fixture, NULL, fixture_set_up, test_delete_undelete_erase, fixture_tear_down);
  g_test_add ("/model/records", Fixture, NULL, fixture_set_up, test_other_records, fixture_tear_down);
  g_test_add_func ("/model/formats", test_formats);
  g_test_add_func ("/model/parse-money", test_parse_money);
  g_test_add_func ("/model/service-match", test_service_match);
  g_test_add_func ("/model/price", test_price);
  g_test_add_func ("/model/studio/open", test_studio_open);
  g_test_add ("/model/studio/identity", Fixture, NULL, fixture_set_up, test_identity, fixture_tear_down);
  g_test_add ("/model/studio/settings", Fixture, NULL, fixture_set_up, test_studio_settings, fixture_tear_down);
  g_test_add ("/model/tasks", Fixture, NULL, fixture_set_up, test_tasks, fixture_tear_down);
  g_test_add ("/model/staff-schedule", Fixture, NULL, fixture_set_up, test_staff_schedule, fixture_tear_down);
  g_test_add ("/model/client-reads", Fixture, NULL, fixture_set_up, test_client_reads, fixture_tear_down);
  g_test_add ("/model/audit-log", Fixture, NULL, fixture_set_up, test_audit_log, fixture_tear_down);
  g_test_add ("/model/typed-changes", Fixture, NULL, fixture_set_up, test_typed_changes, fixture_tear_down);

  return g_test_run ();
}
