/* test-client-list.c — RgClientList: order, search, exact items-changed,
 * live updates, and no object per row at 100,000 clients.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"

#include <string.h>

#include "analytics/rg-retention.h"
#include "model/rg-appointment.h"
#include "model/rg-client-list.h"
#include "model/rg-staff.h"

typedef struct {
  guint position, removed, added;
} Change;

typedef struct {
  RgStore      *store;
  RgStudio     *studio;
  RgClientList *list;
  GArray       *changes;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change c = { position, removed, added };

  g_array_append_val (f->changes, c);
}

static gint64
add_client (Fixture    *f,
            const char *address_as,
            const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new (address_as, phone);

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
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));

  add_client (f, "Вера", "+7 900 000-00-01");
  add_client (f, "Анна", "+7 900 000-00-02");
  add_client (f, "Галина", "+7 900 000-00-03");
  add_client (f, "Ёлка", "+7 900 000-00-04");
  add_client (f, "Дарья", "+7 900 000-00-05");

  f->list = rg_client_list_new (f->studio, rg_retention_load_standings);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->list);
  g_assert_finalize_object (f->studio);
  g_assert_finalize_object (f->store);
  g_array_unref (f->changes);
}

/* The names the list shows, joined by commas. */
static char *
names (RgClientList *list)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgClient) client = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (i)
        g_string_append_c (out, ',');
      g_string_append (out, rg_client_get_address_as (client));
    }

  return g_string_free (out, FALSE);
}

static void
assert_names (RgClientList *list,
              const char   *expected)
{
  g_autofree char *got = names (list);
  g_assert_cmpstr (got, ==, expected);
}

static void
assert_change (Fixture *f,
               guint    index,
               guint    position,
               guint    removed,
               guint    added)
{
  Change c;

  g_assert_cmpuint (index, <, f->changes->len);
  c = g_array_index (f->changes, Change, index);
  g_assert_cmpuint (c.position, ==, position);
  g_assert_cmpuint (c.removed, ==, removed);
  g_assert_cmpuint (c.added, ==, added);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  /* Name order, ё sorting as е. */
  assert_names (f->list, "Анна,Вера,Галина,Дарья,Ёлка");
  g_assert_cmpuint (rg_client_list_get_total (f->list), ==, 5);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == RG_TYPE_CLIENT);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 5));
}

static void
test_query (Fixture       *f,
            gconstpointer  data)
{
  rg_client_list_set_query (f->list, "а");
  /* Words starting with "а": only Анна. */
  assert_names (f->list, "Анна");
  g_assert_cmpuint (f->changes->len, ==, 1);
  /* Анна stays first: only the four after her go. */
  assert_change (f, 0, 1, 4, 0);

  /* The same query again: nothing to say. */
  rg_client_list_set_query (f->list, "а");
  g_assert_cmpuint (f->changes->len, ==, 1);

  rg_client_list_set_query (f->list, "0004");
  assert_names (f->list, "Ёлка");
  g_assert_cmpuint (f->changes->len, ==, 2);
  assert_change (f, 1, 0, 1, 1);

  rg_client_list_set_query (f->list, "еЛк");
  assert_names (f->list, "Ёлка");
  g_assert_cmpuint (f->changes->len, ==, 2);   /* same result, no signal */

  rg_client_list_set_query (f->list, "");
  assert_names (f->list, "Анна,Вера,Галина,Дарья,Ёлка");
  g_assert_cmpuint (f->changes->len, ==, 3);
  /* Ёлка stays last: the change covers only the four added before it. */
  assert_change (f, 2, 0, 0, 4);

  rg_client_list_set_query (f->list, "нет такого");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_assert_cmpuint (rg_client_list_get_total (f->list), ==, 5);
}

static void
test_insert_update_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) borya = NULL;
  gint64 id;

  /* A new client appears where it belongs, alone in the signal. */
  id = add_client (f, "Борис", "+7 900 000-00-06");
  assert_names (f->list, "Анна,Борис,Вера,Галина,Дарья,Ёлка");
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, 0, 1);

  /* A change that keeps the place moves nothing. */
  borya = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, id, &error);
  rg_client_set_notes (borya, "Приходит с сыном");
  g_assert_true (rg_studio_save (f->studio, borya, &error));
  g_assert_cmpuint (f->changes->len, ==, 1);

  /* A rename moves the row: removed at 1, added at 4 (one signal). */
  rg_client_set_address_as (borya, "Евгений");
  g_assert_true (rg_studio_save (f->studio, borya, &error));
  assert_names (f->list, "Анна,Вера,Галина,Дарья,Евгений,Ёлка");
  g_assert_cmpuint (f->changes->len, ==, 2);
  assert_change (f, 1, 1, 4, 4);

  /* Deleting takes it out; undo puts it back. */
  g_assert_true (rg_studio_delete (f->studio, borya, &error));
  assert_names (f->list, "Анна,Вера,Галина,Дарья,Ёлка");
  assert_change (f, 2, 4, 1, 0);
  g_assert_true (rg_studio_undelete (f->studio, borya, &error));
  assert_names (f->list, "Анна,Вера,Галина,Дарья,Евгений,Ёлка");
  assert_change (f, 3, 4, 0, 1);
  g_assert_cmpuint (rg_client_list_get_total (f->list), ==, 6);

  /* An edit nobody made through the object: the row updates in place. */
  g_assert_true (rg_store_exec (f->store, "UPDATE clients SET full_name = 'Евгений Онегин'", &error));
  g_assert_cmpstr (rg_client_get_full_name (borya), ==, "Евгений Онегин");
  g_assert_cmpuint (f->changes->len, ==, 4);
}

static void
test_live_with_query (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 anna = 0;

  rg_client_list_set_query (f->list, "вер");
  assert_names (f->list, "Вера");
  g_array_set_size (f->changes, 0);

  /* A client who does not match: no signal. */
  add_client (f, "Зоя", "+7 900 000-00-07");
  g_assert_cmpuint (f->changes->len, ==, 0);

  /* One who does: added in order. */
  add_client (f, "Вероника", "+7 900 000-00-08");
  assert_names (f->list, "Вера,Вероника");
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, 0, 1);

  /* A tag that matches brings a client into the result. */
  g_assert_true (rg_client_list_find (f->list, rg_client_list_get_id (f->list, 0), NULL));
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (f->store, "SELECT id FROM clients WHERE address_as = 'Анна'", &error);
    gboolean row;

    g_assert_true (rg_store_step_row (f->store, stmt, &row, &error));
    anna = sqlite3_column_int64 (stmt, 0);
  }
  g_assert_true (rg_store_begin (f->store, &error));
  g_assert_true (rg_store_exec (f->store, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (1, 'Верная', 0, 0)", &error));
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (f->store,
                                               "INSERT INTO client_tags (id, client_id, tag_id, created_at, updated_at) "
                                               "VALUES (1, ?1, 1, 0, 0)", &error);
    sqlite3_bind_int64 (stmt, 1, anna);
    g_assert_true (rg_store_step_done (f->store, stmt, &error));
  }
  g_assert_true (rg_store_commit (f->store, &error));
  g_assert_no_error (error);
  assert_names (f->list, "Анна,Вера,Вероника");
  g_assert_cmpuint (f->changes->len, ==, 2);
  assert_change (f, 1, 0, 0, 1);
}

static void
test_bulk_change (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* More rows than the list patches one by one: it reloads, same result. */
  g_assert_true (rg_store_begin (f->store, &error));
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Яна %03d", i);
      g_autofree char *phone = g_strdup_printf ("+7 901 000-%02d-%02d", i / 100, i % 100);
      add_client (f, name, phone);
    }
  g_assert_true (rg_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 205);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 5, 0, 200);
  {
    g_autoptr(RgClient) last = g_list_model_get_item (G_LIST_MODEL (f->list), 204);
    g_assert_cmpstr (rg_client_get_address_as (last), ==, "Яна 199");
  }

  /* A rolled back transaction changes nothing. */
  g_assert_true (rg_store_begin (f->store, &error));
  add_client (f, "Призрак", "+7 902 000-00-00");
  rg_store_rollback (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 205);
  g_assert_cmpuint (f->changes->len, ==, 1);
}

static void
test_hundred_thousand (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgClientList) list = NULL;
  guint base = g_type_get_instance_count (RG_TYPE_CLIENT);

  if (g_getenv ("GOBJECT_DEBUG") == NULL || strstr (g_getenv ("GOBJECT_DEBUG"), "instance-count") == NULL)
    {
      g_test_skip ("needs GOBJECT_DEBUG=instance-count (set by meson test)");
      return;
    }

  g_assert_true (rg_store_exec (store,
                                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                                "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at) "
                                "SELECT i * 7919, 'Клиент ' || i, 'клиент ' || printf('%06d', i), "
                                "'+7 912 ' || printf('%07d', i), '7912' || printf('%07d', i), 0, 0 FROM n",
                                &error));
  g_assert_no_error (error);

  studio = rg_studio_new (store);
  list = rg_client_list_new (studio, rg_retention_load_standings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100000);

  /* Listing 100,000 clients made no client objects. */
  g_assert_cmpuint (g_type_get_instance_count (RG_TYPE_CLIENT), ==, base);

  /* Scrolling through all of them keeps at most the cache alive. */
  for (guint i = 0; i < 100000; i += 37)
    {
      g_autoptr(RgClient) client = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_nonnull (client);
    }
  g_assert_cmpuint (g_type_get_instance_count (RG_TYPE_CLIENT), <=, base + RG_CLIENT_LIST_CACHE_SIZE);
  g_assert_cmpuint (rg_studio_count_live (studio, RG_TYPE_CLIENT), <=, RG_CLIENT_LIST_CACHE_SIZE);

  {
    g_autoptr(RgClient) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(RgClient) last = g_list_model_get_item (G_LIST_MODEL (list), 99999);
    g_assert_cmpstr (rg_client_get_address_as (first), ==, "Клиент 1");
    g_assert_cmpstr (rg_client_get_address_as (last), ==, "Клиент 100000");
  }

  /* A search narrows without materializing what it found. */
  rg_client_list_set_query (list, "0099999");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  rg_client_list_set_query (list, "клиент");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100000);
  g_assert_cmpuint (g_type_get_instance_count (RG_TYPE_CLIENT), <=, base + RG_CLIENT_LIST_CACHE_SIZE);

  g_clear_object (&list);
  g_clear_object (&studio);
  g_assert_cmpuint (g_type_get_instance_count (RG_TYPE_CLIENT), ==, base);
}

/* Over a file, the list loads in a thread: empty and loading at first, then
 * one items-changed with everyone; a write while it loads is not lost. */
static void
test_loads_in_background (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-list-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgStore) store = rg_store_open (path, RG_STORE_OPEN_DEFAULT, &error);
  g_autoptr(RgStudio) studio = rg_studio_new (store);
  Fixture f = { store, studio, NULL, g_array_new (FALSE, FALSE, sizeof (Change)) };
  guint loading_notified = 0;

  add_client (&f, "Вера", "+7 900 000-00-01");
  add_client (&f, "Анна", "+7 900 000-00-02");

  f.list = rg_client_list_new (studio, rg_retention_load_standings);
  g_signal_connect (f.list, "items-changed", G_CALLBACK (items_changed_cb), &f);
  g_signal_connect_swapped (f.list, "notify::loading", G_CALLBACK (g_atomic_int_inc), &loading_notified);
  g_assert_true (rg_client_list_get_loading (f.list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.list)), ==, 0);

  /* A search typed before the list arrives applies when it does. */
  rg_client_list_set_query (f.list, "а");
  /* A client added while loading is there at the end. */
  add_client (&f, "Алла", "+7 900 000-00-03");

  while (rg_client_list_get_loading (f.list))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (loading_notified, ==, 1);
  assert_names (f.list, "Алла,Анна");
  g_assert_cmpuint (rg_client_list_get_total (f.list), ==, 3);
  g_assert_cmpuint (f.changes->len, ==, 1);
  assert_change (&f, 0, 0, 0, 2);

  g_clear_object (&f.list);
  g_array_unref (f.changes);
  g_clear_object (&studio);
  g_clear_object (&store);
  test_remove_tree (dir);
}

static gint64
add_visit (Fixture  *f,
           gint64    client_id,
           gint64    staff_id,
           gint64    starts_at,
           gint64    price,
           gboolean  done)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) a = rg_appointment_new (client_id, staff_id, starts_at, starts_at + 3600);

  g_object_set (a, "price", price, NULL);
  if (done)
    rg_appointment_set_status (a, RG_APPOINTMENT_DONE);
  g_assert_true (rg_studio_save (f->studio, a, &error));
  g_assert_no_error (error);
  return rg_record_get_id (RG_RECORD (a));
}

static gint64
find_id (Fixture    *f,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_store_prepare (f->store, "SELECT id FROM clients WHERE address_as = ?1", &error);
  gboolean row = FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_true (rg_store_step_row (f->store, stmt, &row, &error) && row);
  return sqlite3_column_int64 (stmt, 0);
}

/* Sorted by the latest visit, the number of visits, the money spent (done
 * visits only, the highest first, name for ties and the never-seen);
 * narrowed to a tag or a master; the search works within; a new visit
 * moves a client. */
static void
test_sort_and_filter (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) marina = rg_staff_new ("Марина", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgStaff) irina = rg_staff_new ("Ирина", RG_STAFF_ROLE_MASTER);
  gint64 vera = find_id (f, "Вера"), anna = find_id (f, "Анна"), galina = find_id (f, "Галина");
  gint64 m, i;

  g_assert_true (rg_studio_save (f->studio, marina, &error));
  g_assert_true (rg_studio_save (f->studio, irina, &error));
  m = rg_record_get_id (RG_RECORD (marina));
  i = rg_record_get_id (RG_RECORD (irina));

  /* Вера: three cheap visits, the last long ago; Анна: one expensive, the
   * latest; Галина: one cancelled (does not count) with Ирина. */
  add_visit (f, vera, m, 1700000000, 100000, TRUE);
  add_visit (f, vera, m, 1710000000, 100000, TRUE);
  add_visit (f, vera, m, 1720000000, 100000, TRUE);
  add_visit (f, anna, m, 1790000000, 900000, TRUE);
  add_visit (f, galina, i, 1795000000, 500000, FALSE);
  g_array_set_size (f->changes, 0);

  rg_client_list_set_sort (f->list, RG_CLIENT_SORT_LAST_VISIT);
  g_assert_cmpint (rg_client_list_get_sort (f->list), ==, RG_CLIENT_SORT_LAST_VISIT);
  assert_names (f->list, "Анна,Вера,Галина,Дарья,Ёлка");
  rg_client_list_set_sort (f->list, RG_CLIENT_SORT_VISITS);
  assert_names (f->list, "Вера,Анна,Галина,Дарья,Ёлка");

  /* The search narrows within the order. */
  rg_client_list_set_query (f->list, "900 000");
  assert_names (f->list, "Вера,Анна,Галина,Дарья,Ёлка");
  rg_client_list_set_query (f->list, "в");
  assert_names (f->list, "Вера");
  rg_client_list_set_query (f->list, NULL);

  rg_client_list_set_sort (f->list, RG_CLIENT_SORT_SPENT);
  assert_names (f->list, "Анна,Вера,Галина,Дарья,Ёлка");
  g_assert_cmpuint (f->changes->len, >, 0);


  /* A new visit for Дарья, the biggest yet: she comes first. */
  add_visit (f, find_id (f, "Дарья"), i, 1796000000, 2000000, TRUE);
  assert_names (f->list, "Дарья,Анна,Вера,Галина,Ёлка");

  /* Booked with Ирина (any status): Галина and Дарья. */
  rg_client_list_set_filter (f->list, 0, i);
  assert_names (f->list, "Дарья,Галина");

  /* Tagged, by name. */
  rg_client_list_set_sort (f->list, RG_CLIENT_SORT_NAME);
  g_assert_true (rg_studio_set_client_tags (f->studio, vera, (const char *[]) { "VIP", NULL }, &error));
  g_assert_true (rg_studio_set_client_tags (f->studio, galina, (const char *[]) { "VIP", NULL }, &error));
  rg_client_list_set_filter (f->list, test_sql_int (f->store, "SELECT id FROM tags WHERE name = 'VIP'", 0), 0);
  assert_names (f->list, "Вера,Галина");

  /* Back to everyone by name. */
  rg_client_list_set_filter (f->list, 0, 0);
  assert_names (f->list, "Анна,Вера,Галина,Дарья,Ёлка");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client-list/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/client-list/query", Fixture, NULL, fixture_set_up, test_query, fixture_tear_down);
  g_test_add ("/client-list/sort-and-filter", Fixture, NULL, fixture_set_up, test_sort_and_filter, fixture_tear_down);
  g_test_add ("/client-list/insert-update-delete", Fixture, NULL, fixture_set_up, test_insert_update_delete, fixture_tear_down);
  g_test_add ("/client-list/live-with-query", Fixture, NULL, fixture_set_up, test_live_with_query, fixture_tear_down);
  g_test_add ("/client-list/bulk", Fixture, NULL, fixture_set_up, test_bulk_change, fixture_tear_down);
  g_test_add_func ("/client-list/hundred-thousand", test_hundred_thousand);
  g_test_add_func ("/client-list/loads-in-background", test_loads_in_background);

  return g_test_run ();
}
