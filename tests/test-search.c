/* test-search.c — finding clients: Cyrillic, case, ё/е both ways, phone
 * fragments, tags and notes, and text folding itself.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <string.h>

#include "model/rg-client.h"
#include "model/rg-studio.h"
#include "store/rg-search.h"
#include "util/rg-text.h"

typedef struct {
  RgStore  *store;
  RgStudio *studio;
  gint64    alyona;     /* Алёна Семёнова, +7 912 345-45-67 */
  gint64    alena;      /* Алена Петрова, 8 (916) 111-22-33 */
  gint64    anna;       /* Анна Сергеевна, 8 903 765-43-21, notes: кофе без сахара */
  gint64    artem;      /* Артём, +44 7700 900123 */
  gint64    cafe;       /* Zoé Café */
} Fixture;

static gint64
add_client (Fixture    *f,
            const char *address_as,
            const char *full_name,
            const char *phone,
            const char *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new (address_as, phone);

  rg_client_set_full_name (client, full_name);
  rg_client_set_notes (client, notes);
  g_assert_true (rg_studio_save (f->studio, client, &error));
  g_assert_no_error (error);

  return rg_record_get_id (RG_RECORD (client));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);

  f->alyona = add_client (f, "Алёна", "Семёнова Алёна Игоревна", "+7 912 345-45-67", NULL);
  f->alena = add_client (f, "Алена", "Петрова Алена", "8 (916) 111-22-33", NULL);
  f->anna = add_client (f, "Анна Сергеевна", NULL, "8 903 765-43-21", "Кофе без сахара, любит тишину");
  f->artem = add_client (f, "Артём", "Artyom Fyodorov", "+44 7700 900123", NULL);
  f->cafe = add_client (f, "Zoé", "Zoé Café", "+33 6 98 76 50 12", "Prefers mornings");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  g_clear_object (&f->store);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

/* Asserts that @query finds exactly the given ids (0-terminated). */
static void
assert_finds (Fixture    *f,
              const char *query,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;
  gint64 id;

  va_start (args, query);
  while ((id = va_arg (args, gint64)) != 0)
    g_array_append_val (expected, id);
  va_end (args);

  g_assert_true (rg_search_match_clients (f->store, query, found, &error));
  g_assert_no_error (error);

  g_array_sort (found, compare_ids);
  g_array_sort (expected, compare_ids);
  if (found->len != expected->len ||
      (found->len > 0 && memcmp (found->data, expected->data, found->len * sizeof (gint64)) != 0))
    g_error ("“%s” found %u clients, expected %u", query, found->len, expected->len);
}

#define NONE ((gint64) 0)

static void
test_cyrillic_case (Fixture       *f,
                    gconstpointer  data)
{
  assert_finds (f, "анна", f->anna, NONE);
  assert_finds (f, "АННА", f->anna, NONE);
  assert_finds (f, "Ан", f->anna, NONE);
  assert_finds (f, "сергеевна", f->anna, NONE);
  assert_finds (f, "петрова", f->alena, NONE);
  /* Every word must match. */
  assert_finds (f, "анна сергеевна", f->anna, NONE);
  assert_finds (f, "анна петрова", NONE);
}

static void
test_yo (Fixture       *f,
         gconstpointer  data)
{
  /* "е" finds "ё" and "ё" finds "е", in any case. */
  assert_finds (f, "алена", f->alyona, f->alena, NONE);
  assert_finds (f, "алёна", f->alyona, f->alena, NONE);
  assert_finds (f, "АЛЁНА", f->alyona, f->alena, NONE);
  assert_finds (f, "семенова", f->alyona, NONE);
  assert_finds (f, "Семёнова", f->alyona, NONE);
  assert_finds (f, "артем", f->artem, NONE);
  /* Composed from е + combining diaeresis, as some keyboards type it. */
  assert_finds (f, "Арте\xcc\x88м", f->artem, NONE);
}

static void
test_phone_fragments (Fixture       *f,
                      gconstpointer  data)
{
  /* +7 912 345-45-67 */
  assert_finds (f, "4567", f->alyona, NONE);
  assert_finds (f, "45-67", f->alyona, NONE);
  assert_finds (f, "345 45 67", f->alyona, NONE);
  assert_finds (f, "+7 912", f->alyona, NONE);
  assert_finds (f, "8 912 345", f->alyona, NONE);
  assert_finds (f, "9123454567", f->alyona, NONE);
  /* 8 (916) 111-22-33 was stored as +7 916 ... */
  assert_finds (f, "+7 (916) 111", f->alena, NONE);
  assert_finds (f, "2233", f->alena, NONE);
  /* 8 903 765-43-21 */
  assert_finds (f, "7654321", f->anna, NONE);
  assert_finds (f, "903", f->anna, NONE);
  /* International numbers are kept as they are. */
  assert_finds (f, "7700", f->artem, NONE);
  assert_finds (f, "9999", NONE);
  /* Short fragments still work. */
  assert_finds (f, "67", f->alyona, NONE);
  /* Words and digits together. */
  assert_finds (f, "алена 4567", f->alyona, NONE);
  assert_finds (f, "алена 2233", f->alena, NONE);

  /* In a British studio, the national form finds the stored +44 one. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (rg_store_set_setting (f->store, "phone-country", "44", &error));
    g_assert_no_error (error);
    assert_finds (f, "07700 900", f->artem, NONE);
    assert_finds (f, "+44 7700", f->artem, NONE);
    /* A Russian "8 912" means nothing special there. */
    assert_finds (f, "8 912", NONE);
  }
}

static void
test_notes_and_tags (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_finds (f, "кофе", f->anna, NONE);
  assert_finds (f, "тишин", f->anna, NONE);
  assert_finds (f, "mornings", f->cafe, NONE);

  g_assert_true (rg_store_exec (f->store,
                                "INSERT INTO tags (id, name, created_at, updated_at) VALUES (1, 'Постоянная', 0, 0)",
                                &error));
  g_assert_no_error (error);
  assert_finds (f, "постоянная", NONE);

  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (f->store,
                                               "INSERT INTO client_tags (id, client_id, tag_id, created_at, updated_at)"
                                               " VALUES (1, ?1, 1, 0, 0)", &error);
    sqlite3_bind_int64 (stmt, 1, f->alena);
    g_assert_true (rg_store_step_done (f->store, stmt, &error));
    g_assert_no_error (error);
  }
  assert_finds (f, "постоянная", f->alena, NONE);

  /* Renaming the tag renames it in the index. */
  g_assert_true (rg_store_exec (f->store, "UPDATE tags SET name = 'Любимая' WHERE id = 1", &error));
  assert_finds (f, "постоянная", NONE);
  assert_finds (f, "любимая", f->alena, NONE);

  g_assert_true (rg_store_exec (f->store, "DELETE FROM client_tags WHERE id = 1", &error));
  assert_finds (f, "любимая", NONE);
}

static void
test_latin (Fixture       *f,
            gconstpointer  data)
{
  assert_finds (f, "cafe", f->cafe, NONE);
  assert_finds (f, "Café", f->cafe, NONE);
  assert_finds (f, "ZOE", f->cafe, NONE);
  assert_finds (f, "fyod", f->artem, NONE);
}

static void
test_odd_queries (Fixture       *f,
                  gconstpointer  data)
{
  /* Nothing to search for, or text the FTS syntax would choke on. */
  assert_finds (f, "", NONE);
  assert_finds (f, "   ", NONE);
  assert_finds (f, "...", NONE);
  assert_finds (f, "\"", NONE);
  assert_finds (f, "анна\"", f->anna, NONE);
  assert_finds (f, "AND OR NOT", NONE);
  assert_finds (f, "(*", NONE);
  assert_finds (f, "an*na", NONE);
  assert_finds (f, "\xff\xfe", NONE);
}

static void
test_edits_follow (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) anna = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, f->anna, &error);

  rg_client_set_address_as (anna, "Жанна");
  rg_client_set_phone (anna, "+7 999 000-11-22");
  g_assert_true (rg_studio_save (f->studio, anna, &error));
  g_assert_no_error (error);

  assert_finds (f, "анна сергеевна", NONE);
  assert_finds (f, "жанна", f->anna, NONE);
  assert_finds (f, "7654321", NONE);
  assert_finds (f, "0001122", f->anna, NONE);
}

static void
test_ordered_search (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RgClient) alena = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, f->alena, &error);

  /* Sorted by name, ё as е: Алена before Алёна (same key, older id wins ties
   * only by id), so compare just the set and that deleted clients go. */
  g_assert_true (rg_search_clients (f->store, "ал", 0, ids, &error));
  g_assert_cmpuint (ids->len, ==, 2);

  g_assert_true (rg_studio_delete (f->studio, alena, &error));
  g_array_set_size (ids, 0);
  g_assert_true (rg_search_clients (f->store, "ал", 0, ids, &error));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->alyona);

  /* An empty query lists everyone, by name, with a limit. */
  g_array_set_size (ids, 0);
  g_assert_true (rg_search_clients (f->store, " ", 2, ids, &error));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->cafe);   /* "zoé" < Cyrillic */
}

static void
test_fold (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "ЁЖИК", "ежик" },
    { "Алёна", "алена" },
    { "Е\xcc\x88", "е" },      /* decomposed Ё */
    { "Straße", "strasse" },
    { "Men\u2019s \u00abРелакс\u00bb \u201cspa\u201d", "men's \"релакс\" \"spa\"" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = rg_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  {
    g_autofree char *key = rg_text_sort_key ("  Анна   Сергеевна ");
    g_assert_cmpstr (key, ==, "анна сергеевна");
  }
}

static void
test_looks_like_phone (void)
{
  g_assert_true (rg_text_looks_like_phone ("+7 (912) 345-45-67"));
  g_assert_true (rg_text_looks_like_phone ("4567"));
  g_assert_false (rg_text_looks_like_phone ("анна 4567"));
  g_assert_false (rg_text_looks_like_phone ("---"));
  /* A number as --as and --staff take it. */
  g_assert_true (rg_text_all_digits ("0412"));
  g_assert_false (rg_text_all_digits (""));
  g_assert_false (rg_text_all_digits (NULL));
  g_assert_false (rg_text_all_digits ("12a"));
  g_assert_false (rg_text_all_digits ("١٢"));
}

static void
test_email (void)
{
  const char *valid[] = {
    "anna@mail.ru", "anna.petrova@yandex.ru", "a+salon@gmail.com", "o'brien@example.co.uk",
    "анна@почта.рф", "x@sub.domain-name.org", "first_last@host.io",
  };
  const char *invalid[] = {
    "", "anna", "anna@", "@mail.ru", "anna@mail", "anna@@mail.ru", "anna@mail..ru", "anna @mail.ru",
    "anna@mail.ru ", ".anna@mail.ru", "anna.@mail.ru", "an..na@mail.ru", "anna@-mail.ru",
    "anna@mail-.ru", "anna@mail.r", "anna@127.0.0.1", "Anna <anna@mail.ru>", "anna@mail.ru, olga@mail.ru",
    "anna at mail.ru",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    if (!rg_text_is_email (valid[i]))
      g_error ("“%s” refused", valid[i]);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    if (rg_text_is_email (invalid[i]))
      g_error ("“%s” taken", invalid[i]);
  g_assert_false (rg_text_is_email (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search/cyrillic-case", Fixture, NULL, fixture_set_up, test_cyrillic_case, fixture_tear_down);
  g_test_add ("/search/yo", Fixture, NULL, fixture_set_up, test_yo, fixture_tear_down);
  g_test_add ("/search/phone-fragments", Fixture, NULL, fixture_set_up, test_phone_fragments, fixture_tear_down);
  g_test_add ("/search/notes-and-tags", Fixture, NULL, fixture_set_up, test_notes_and_tags, fixture_tear_down);
  g_test_add ("/search/latin", Fixture, NULL, fixture_set_up, test_latin, fixture_tear_down);
  g_test_add ("/search/odd-queries", Fixture, NULL, fixture_set_up, test_odd_queries, fixture_tear_down);
  g_test_add ("/search/edits-follow", Fixture, NULL, fixture_set_up, test_edits_follow, fixture_tear_down);
  g_test_add ("/search/ordered", Fixture, NULL, fixture_set_up, test_ordered_search, fixture_tear_down);
  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/looks-like-phone", test_looks_like_phone);
  g_test_add_func ("/search/email", test_email);

  return g_test_run ();
}
