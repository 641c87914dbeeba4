/* test-privacy.c — a client erased for privacy leaves no trace in the
 * database's file (its log and shared memory too: after the erase's own
 * checkpoint, and again after a VACUUM), nor a photo file, while every
 * figure stays the same; an administrator is refused and the refusal
 * audited; consent to messages keeps its date; everything held about a
 * client is written as JSON and as a PDF of several pages, for a
 * director only.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "model/rg-audit.h"
#include "model/rg-client.h"
#include "model/rg-photo.h"
#include "model/rg-privacy.h"
#include "model/rg-roles.h"
#include "report/rg-report-client.h"
#include "report/rg-report.h"
#include "store/rg-search.h"
#include "test-util.h"

typedef struct {
  char     *dir;
  char     *path;
  RgStudio *studio;
  RgStore  *store;
} Fixture;

enum { DIRECTOR = 21, ADMIN = 22, MASTER = 23, CLIENT = 11, OTHER = 12, MERGED = 13 };

/* Everything personal about the client, as it is stored somewhere. */
static const char * const secrets[] = {
  "Zyxwvutsrq", "Qwertyuiop", "79123456789", "+7 912 345-67-89", "345-67-89", "79138765432",
  "876-54-32", "79991112233", "zyxw.qwerty@example.org", "Jasmineoolong", "Quietroomplease",
  "Benzocainex", "Fandangoed", "Gallimaufry", "Borborygmus", "Kerfuffle", "Snollygoster",
  "Cattywampus", "Lollygag", "Bumfuzzle", "Widdershins", "Flibbertigibbet", "Skedaddle",
  "Callbody Xenodochial", "Tasktext Ratoon",
};

static void
exec (RgStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GString *notes = g_string_new (NULL);

  f->dir = g_dir_make_tmp ("regulars-privacy-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (f->path, RG_STORE_OPEN_DEFAULT);
  f->store = rg_studio_get_store (f->studio);
  exec (f->store,
        "INSERT INTO staff (id, display_name, color, created_at, updated_at) VALUES "
        " (21, 'Irina', '#3584e4', 1, 1), (22, 'Olga', '#e66100', 1, 1), (23, 'Marina', '#2ec27e', 1, 1);"
        "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at) VALUES"
        " (31, 'Manicure', 60, 150000, 1, 1);"
        "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, full_name, phone2, phone2_digits, email,"
        " birth_day, birth_month, birth_year, gender, source, notes, preferences, medical_notes, consent_messages,"
        " created_at, updated_at) VALUES "
        " (11, 'Zyxwvutsrq', 'zyxwvutsrq', '+7 912 345-67-89', '79123456789', 'Zyxwvutsrq Qwertyuiop',"
        "  '+7 913 876-54-32', '79138765432', 'zyxw.qwerty@example.org', 17, 5, 1990, 'female', 'Instagram',"
        "  'Prefers Jasmineoolong tea', 'Quietroomplease', 'Allergic to Benzocainex', 0, 1, 1),"
        " (12, 'Anna', 'anna', '+7 912 555-00-01', '79125550001', NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
        "  NULL, NULL, NULL, NULL, NULL, 1, 1, 1);"
        "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, merged_into_id, deleted_at,"
        " created_at, updated_at) VALUES (13, 'Zyxwvutsrq Old', 'zyxwvutsrq old', '+7 999 111-22-33', '79991112233',"
        " 11, 5, 1, 1);"
        "UPDATE clients SET referred_by_id = 11 WHERE id = 12;"
        "INSERT INTO tags (id, name, created_at, updated_at) VALUES (41, 'VIP', 1, 1);"
        "INSERT INTO client_tags (id, client_id, tag_id, created_at, updated_at) VALUES (42, 11, 41, 1, 1);"
        "INSERT INTO custom_fields (id, name, created_at, updated_at) VALUES (43, 'Hair type', 1, 1);"
        "INSERT INTO client_fields (id, client_id, field_id, value, created_at, updated_at)"
        " VALUES (44, 11, 43, 'Fieldvalue Lollygag', 1, 1);"
        "INSERT INTO conditions (id, name, created_at, updated_at) VALUES (45, 'Latex', 1, 1);"
        "INSERT INTO client_conditions (id, client_id, condition_id, note, created_at, updated_at)"
        " VALUES (46, 11, 45, 'Conditionnote Bumfuzzle', 1, 1);"
        "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, note, created_at, updated_at)"
        " VALUES (51, 11, 23, 1700000000, 1700003600, 'done', 150000, 'Visitnote Fandangoed', 1, 1),"
        "        (52, 12, 23, 1700100000, 1700103600, 'done', 150000, NULL, 1, 1),"
        "        (53, 11, 23, 1702000000, 1702003600, 'done', 150000, NULL, 1, 1);"
        "INSERT INTO appointment_services (id, appointment_id, service_id, duration_minutes, price, created_at, updated_at)"
        " VALUES (54, 51, 31, 60, 150000, 1, 1), (55, 52, 31, 60, 150000, 1, 1), (56, 53, 31, 60, 150000, 1, 1);"
        "INSERT INTO sales (id, number, kind, client_id, appointment_id, created_at, updated_at) VALUES"
        " (61, 1, 'sale', 11, 51, 1700003600, 1700003600), (62, 2, 'sale', 12, 52, 1700103600, 1700103600);"
        "INSERT INTO sale_lines (id, sale_id, kind, service_id, staff_id, quantity, list_price, discount,"
        " discount_one_off, discount_reason, price, created_at, updated_at) VALUES"
        " (63, 61, 'service', 31, 23, 1, 150000, 15000, 15000, 'Discount Flibbertigibbet', 135000, 1, 1),"
        " (64, 62, 'service', 31, 23, 1, 150000, 0, 0, NULL, 150000, 1, 1);"
        "INSERT INTO payments (id, sale_id, method, amount, paid_at, created_at, updated_at) VALUES"
        " (65, 61, 'card', 135000, 1700003600, 1, 1), (66, 62, 'cash', 150000, 1700103600, 1, 1);"
        "INSERT INTO deposit_moves (id, client_id, amount, reason, note, occurred_at, created_at, updated_at)"
        " VALUES (67, 11, 500000, 'top_up', 'Depositnote Widdershins', 1700003600, 1, 1);"
        "INSERT INTO certificates (id, number, amount, buyer_id, sold_at, expires_at, note, created_at, updated_at)"
        " VALUES (68, 'GC-7', 300000, 11, 1700003600, 1800000000, 'Certnote Skedaddle', 1, 1);"
        "INSERT INTO certificate_moves (id, certificate_id, amount, reason, occurred_at, created_at, updated_at)"
        " VALUES (69, 68, 300000, 'sold', 1700003600, 1, 1);"
        "INSERT INTO ratings (id, appointment_id, score, nps, why, rated_at, created_at, updated_at)"
        " VALUES (71, 51, 4, 9, 'Why Cattywampus', 1700010000, 1, 1);"
        "INSERT INTO survey_answers (id, client_id, appointment_id, survey, question, score, answer, answered_at,"
        " created_at, updated_at) VALUES (72, 11, 51, 'visit', 'master', 9, 'Answer Snollygoster', 1700010000, 1, 1);"
        "INSERT INTO interactions (id, client_id, kind, body, outcome, resolution, occurred_at, due_at, created_at,"
        " updated_at) VALUES"
        " (73, 11, 'note', 'Timelinenote Gallimaufry', NULL, NULL, 1700000000, NULL, 1, 1),"
        " (74, 11, 'complaint', 'Complaint Borborygmus', 'resolved', 'Resolved Kerfuffle', 1700000100, NULL, 1, 1),"
        " (75, 11, 'call', 'Callbody Xenodochial', 'reached', NULL, 1700000200, NULL, 1, 1),"
        " (76, 11, 'task', 'Tasktext Ratoon', NULL, NULL, 1700000300, 1700100000, 1, 1);");
  /* Enough timeline for a PDF of more than one page. */
  g_string_append (notes, "INSERT INTO interactions (id, client_id, kind, body, occurred_at, created_at, updated_at) VALUES ");
  for (int i = 0; i < 80; i++)
    g_string_append_printf (notes, "%s(%d, 11, 'note', 'A longer note number %d, about the colour and the length "
                            "chosen that day, so that the page fills up', %d, 1, 1)",
                            i ? ", " : "", 1000 + i, i, 1700000400 + i);
  exec (f->store, notes->str);
  g_string_free (notes, TRUE);
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

/* Director 1234, administrator 2345. */
static void
make_profiles (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_studio_save_profile (f->studio, DIRECTOR, RG_ROLE_DIRECTOR, "1234", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_save_profile (f->studio, ADMIN, RG_ROLE_ADMINISTRATOR, "2345", &error));
  g_assert_no_error (error);
  rg_studio_sign_out (f->studio);
}

static GFile *
make_photo (Fixture *f)
{
  g_autofree char *source = g_build_filename (f->dir, "camera.png", NULL);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgPhoto) photo = NULL;

  g_assert_cmpint (cairo_surface_write_to_png (image, source), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);
  photo = rg_photo_import (f->studio, CLIENT, 51, RG_PHOTO_AFTER, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (photo);
  return rg_photo_get_file (f->studio, photo);
}

static guint
search (Fixture    *f,
        const char *query)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_search_clients (f->store, query, 10, ids, &error));
  g_assert_no_error (error);
  return ids->len;
}

/* Every number of a report's JSON with its path; the texts (names) and
 * the satisfaction's list of comments (texts, erased) left out. */
static void
numbers_of (JsonNode   *node,
            const char *path,
            GString    *out)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          {
            g_autofree char *inner = g_strconcat (path, "/", name, NULL);

            if (!g_str_equal (name, "comments"))
              numbers_of (member, inner, out);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        {
          g_autofree char *inner = g_strdup_printf ("%s/%u", path, i);

          numbers_of (json_array_get_element (json_node_get_array (node), i), inner, out);
        }
      break;
    case JSON_NODE_NULL:
      g_string_append_printf (out, "%s=null\n", path);
      break;
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        break;
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        g_string_append_printf (out, "%s=%.4f\n", path, json_node_get_double (node));
      else
        g_string_append_printf (out, "%s=%" G_GINT64_FORMAT "\n", path, json_node_get_int (node));
      break;
    }
}

/* The figures of every report that counts money or visits. */
static char *
figures (Fixture *f)
{
  static const struct { const char *kind; RgReportOptions options; } reports[] = {
    { "money", { .from = "2023-01-01", .to = "2024-12-31", .json = TRUE } },
    { "satisfaction", { .from = "2023-01-01", .to = "2024-12-31", .json = TRUE } },
    { "liabilities", { .as_of = "2024-01-31", .json = TRUE } },
    { "retention", { .as_of = "2024-01-31", .json = TRUE } },
  };
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = rg_report_run_studio (f->studio, reports[i].kind, &reports[i].options, &error);

      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_no_error (error);
      g_assert_nonnull (text);
      g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
      numbers_of (json_parser_get_root (parser), reports[i].kind, all);
    }
  return g_string_free (all, FALSE);
}

/* Which of the secrets occur in @path's bytes (case folded: the search
 * index keeps words in lower case). */
static void
assert_no_trace_in (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  for (gsize i = 0; i < length; i++)
    bytes[i] = g_ascii_tolower (bytes[i]);
  for (guint s = 0; s < G_N_ELEMENTS (secrets); s++)
    {
      g_autofree char *needle = g_ascii_strdown (secrets[s], -1);

      if (memmem (bytes, length, needle, strlen (needle)) != NULL)
        g_error ("“%s” is still in %s", secrets[s], path);
    }
}

static void
assert_no_trace (Fixture *f)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->path, suffixes[i], NULL);

      assert_no_trace_in (path);
    }
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) photo = make_photo (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RgClient) client = NULL;
  gint64 refusals;

  /* The index is filled and finds them by name and by any part of a number. */
  g_assert_cmpuint (search (f, "Zyxwv"), ==, 1);
  g_assert_cmpuint (search (f, "3456789"), ==, 1);
  g_assert_cmpuint (search (f, "Jasmineoolong"), ==, 1);
  g_assert_true (g_file_query_exists (photo, NULL));
  before = figures (f);

  make_profiles (f);
  g_assert_true (rg_studio_sign_in (f->studio, ADMIN, "2345", &error));
  g_assert_no_error (error);
  refusals = test_sql_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'refused'", 0);
  g_assert_false (rg_studio_erase_client (f->studio, CLIENT, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'refused'", 0), ==,
                   refusals + 1);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM clients WHERE erased_at IS NOT NULL", 0), ==, 0);
  rg_studio_sign_out (f->studio);

  g_assert_true (rg_studio_sign_in (f->studio, DIRECTOR, "1234", &error));
  g_assert_no_error (error);
  client = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, CLIENT, &error);
  g_assert_no_error (error);
  g_assert_true (rg_studio_erase_client (f->studio, CLIENT, &error));
  g_assert_no_error (error);

  /* The live card is the placeholder now, and cannot be changed. */
  g_assert_true (rg_client_is_erased (client));
  g_assert_cmpstr (rg_client_get_address_as (client), ==, "Erased client");
  rg_client_set_notes (client, "again");
  g_assert_false (rg_studio_save (f->studio, client, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rg_studio_reload (f->studio, client, NULL);

  /* Straight after the erase: its checkpoint emptied the log, and the
   * freed space is zeros. */
  assert_no_trace (f);
  g_assert_false (g_file_query_exists (photo, NULL));
  g_assert_cmpuint (search (f, "Zyxwv"), ==, 0);
  g_assert_cmpuint (search (f, "3456789"), ==, 0);
  g_assert_cmpuint (search (f, "Jasmineoolong"), ==, 0);
  g_assert_cmpuint (search (f, "Anna"), ==, 1);

  /* Visits and money kept, anonymous: every figure is the same. */
  after = figures (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM appointments WHERE client_id = ?1", CLIENT), ==, 2);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM interactions WHERE client_id = ?1", CLIENT), ==, 84);
  g_assert_cmpint (test_sql_int (f->store, "SELECT coalesce (referred_by_id, 0) FROM clients WHERE id = ?1", OTHER),
                   ==, 0);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM clients WHERE erased_at IS NOT NULL", 0), ==, 2);

  /* Audited by number, never by name. */
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'erase'"
                                 " AND detail = 'client 11' AND rows = 2", 0), ==, 1);

  /* And once more after a VACUUM, as the issue asks. */
  exec (f->store, "VACUUM");
  exec (f->store, "PRAGMA wal_checkpoint(TRUNCATE)");
  assert_no_trace (f);
}

static void
test_consent (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, CLIENT, NULL);
  gint64 lines = test_sql_int (f->store, "SELECT count (*) FROM interactions WHERE client_id = ?1", CLIENT);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 since;

  g_assert_cmpint (rg_studio_get_messages_consent (f->studio, CLIENT), ==, 0);
  g_assert_true (rg_studio_set_messages_consent (f->studio, CLIENT, TRUE, &error));
  g_assert_no_error (error);
  since = rg_studio_get_messages_consent (f->studio, CLIENT);
  g_assert_cmpint (since, >=, now - 5);
  g_assert_cmpint (since, <=, now + 5);
  g_assert_true (rg_client_get_consent_messages (client));
  g_assert_cmpint (rg_client_get_messages_consent_at (client), ==, since);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM interactions WHERE client_id = ?1", CLIENT), ==,
                   lines + 1);

  /* Agreeing again keeps the first date and writes nothing. */
  g_assert_true (rg_studio_set_messages_consent (f->studio, CLIENT, TRUE, &error));
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM interactions WHERE client_id = ?1", CLIENT), ==,
                   lines + 1);

  g_assert_true (rg_studio_set_messages_consent (f->studio, CLIENT, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_studio_get_messages_consent (f->studio, CLIENT), ==, 0);
  g_assert_false (rg_client_get_consent_messages (client));
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM clients WHERE id = ?1"
                                 " AND messages_consent_at IS NULL", CLIENT), ==, 1);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM interactions WHERE client_id = ?1", CLIENT), ==,
                   lines + 2);
}

static guint
count_in (const char *bytes,
          gsize       length,
          const char *needle)
{
  guint n = 0;
  const char *p = bytes, *end = bytes + length;

  while ((p = memmem (p, end - p, needle, strlen (needle))) != NULL)
    {
      n++;
      p += strlen (needle);
    }
  return n;
}

static void
test_subject_access (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) photo = make_photo (f);
  g_autofree char *json_path = g_build_filename (f->dir, "Zyxwvutsrq.json", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "Zyxwvutsrq.pdf", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *bytes = NULL;
  g_autofree char *photo_name = g_file_get_basename (photo);
  JsonObject *root, *card;
  JsonArray *visits, *timeline, *photos, *lines;
  gsize length = 0;
  guint pages = 0;

  g_assert_true (rg_studio_set_messages_consent (f->studio, CLIENT, TRUE, &error));
  make_profiles (f);

  /* An administrator may not. */
  g_assert_true (rg_studio_sign_in (f->studio, ADMIN, "2345", &error));
  g_assert_false (rg_report_client_data (f->studio, CLIENT, json_path, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (g_file_test (json_path, G_FILE_TEST_EXISTS));
  rg_studio_sign_out (f->studio);

  g_assert_true (rg_studio_sign_in_trusted (f->studio, DIRECTOR, &error));
  g_assert_false (rg_report_client_data (f->studio, CLIENT, "client.txt", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (rg_report_client_data (f->studio, CLIENT, json_path, &pages, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "client-data");
  g_assert_cmpint (json_object_get_int_member (root, "client"), ==, CLIENT);
  card = json_object_get_object_member (root, "card");
  g_assert_cmpstr (json_object_get_string_member (card, "address_as"), ==, "Zyxwvutsrq");
  g_assert_cmpstr (json_object_get_string_member (card, "full_name"), ==, "Zyxwvutsrq Qwertyuiop");
  g_assert_cmpstr (json_object_get_string_member (card, "phone"), ==, "+7 912 345-67-89");
  g_assert_cmpstr (json_object_get_string_member (card, "email"), ==, "zyxw.qwerty@example.org");
  g_assert_cmpstr (json_object_get_string_member (card, "medical_notes"), ==, "Allergic to Benzocainex");
  g_assert_true (json_object_get_boolean_member (card, "consent_messages"));
  g_assert_false (json_object_get_null_member (card, "consent_since"));
  g_assert_cmpint (json_object_get_int_member (card, "birth_year"), ==, 1990);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "tags"), 0), "tag"), ==, "VIP");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "custom_fields"), 0), "value"), ==, "Fieldvalue Lollygag");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "medical"), 0), "note"), ==, "Conditionnote Bumfuzzle");
  visits = json_object_get_array_member (root, "visits");
  g_assert_cmpuint (json_array_get_length (visits), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (visits, 0), "master"), ==, "Marina");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (visits, 0), "services"), ==,
                   "Manicure");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (visits, 0), "price"), ==, 150000);
  lines = json_object_get_array_member (root, "sale_lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lines, 0), "price"), ==, 135000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "payments")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (root, "deposit"), 0), "amount"), ==, 500000);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (root, "certificates"), 0), "balance"), ==, 300000);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "ratings"), 0), "why"), ==, "Why Cattywampus");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "answers"), 0), "answer"), ==, "Answer Snollygoster");
  timeline = json_object_get_array_member (root, "timeline");
  g_assert_cmpuint (json_array_get_length (timeline), ==, 85);   /* 84 and the consent's line */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (timeline, 1), "body"), ==,
                   "Complaint Borborygmus");
  photos = json_object_get_array_member (root, "photos");
  g_assert_cmpuint (json_array_get_length (photos), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (photos, 0), "file"), ==, photo_name);

  g_assert_true (rg_report_client_data (f->studio, CLIENT, pdf_path, &pages, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  g_assert_cmpuint (pages, >=, 2);
  /* Each page object says "/Type /Page", the tree "/Type /Pages". */
  g_assert_cmpuint (count_in (bytes, length, "/Type /Page") - count_in (bytes, length, "/Type /Pages"), ==, pages);

  g_assert_cmpint (test_sql_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'subject_access'"
                                 " AND detail = 'client 11'", 0), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/privacy/erase", Fixture, NULL, fixture_set_up, test_erase, fixture_tear_down);
  g_test_add ("/privacy/consent", Fixture, NULL, fixture_set_up, test_consent, fixture_tear_down);
  g_test_add ("/privacy/subject-access", Fixture, NULL, fixture_set_up, test_subject_access, fixture_tear_down);

  return g_test_run ();
}
