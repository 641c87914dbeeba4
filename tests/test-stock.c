/* test-stock.c — stock through the model: the average purchase cost
 * worked by hand, a count and a write-off in the ledger, the refusals
 * that write nothing, the materials of a visit written off once at
 * check-out and put back by a refund, the margin check following the
 * materials' cost, and `--report stock --json`.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

#include "model/rg-product.h"
#include "model/rg-sale.h"
#include "model/rg-roles.h"
#include "model/rg-service.h"
#include "model/rg-stock.h"
#include "report/rg-report.h"
#include "test-util.h"

#define DAY 86400

typedef struct {
  char     *dir;
  RgStudio *studio;
  RgStore  *store;
  gint64    dye, shampoo, colouring, visit;
} Fixture;

static gint64
count (Fixture    *f,
       const char *sql,
       gint64      arg)
{
  return test_sql_int (f->store, sql, arg);
}

/* Dye (ml, a material), a shampoo (pcs, a product), a colouring at
 * 4,200.00 that costs 600.00 besides its materials, and Anna's visit of
 * it with Marina, arrived two hours ago. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  gint64 now = rg_store_now ();

  f->dir = g_dir_make_tmp ("regulars-stock-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  f->store = rg_studio_get_store (f->studio);
  f->dye = 41, f->shampoo = 42, f->colouring = 32, f->visit = 51;

  sql = g_strdup_printf (
    "INSERT INTO staff (id, display_name, pay_rate, created_at, updated_at) VALUES (21, 'Marina', 4000, 1, 1);"
    "INSERT INTO services (id, name, duration_minutes, price, materials_cost, created_at, updated_at) VALUES "
    " (32, 'Colouring', 120, 420000, 60000, 1, 1);"
    "INSERT INTO products (id, name, price, cost, kind, unit, min_level, created_at, updated_at) VALUES "
    " (41, 'Dye', 0, 0, 'material', 'ml', 500, 1, 1), (42, 'Shampoo', 90000, 40000, 'product', 'pcs', 0, 1, 1);"
    "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at) VALUES "
    " (11, 'Anna', 'anna', '+7 912 555-00-00', '79125550000', 1, 1);"
    "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, updated_at) "
    " VALUES (51, 11, 21, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'arrived', 420000, 1, 1);"
    "INSERT INTO appointment_services (id, appointment_id, service_id, position, duration_minutes, price, "
    " created_at, updated_at) VALUES (81, 51, 32, 0, 120, 420000, 1, 1);",
    now - 3 * 3600, now - 3600);
  g_assert_true (rg_store_exec (f->store, sql, &error));
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

static const RgStockItem *
find_item (GArray *items,
           gint64  product_id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, RgStockItem, i).product_id == product_id)
      return &g_array_index (items, RgStockItem, i);
  g_assert_not_reached ();
}

static void
set_materials (Fixture *f,
               gint64   quantity)
{
  g_autoptr(GError) error = NULL;
  RgServiceMaterial material = { .product_id = f->dye, .quantity = quantity };

  g_assert_true (rg_studio_set_service_materials (f->studio, f->colouring, &material, 1, &error));
  g_assert_no_error (error);
}

/* 1,000 ml for 1,500.00, then 500 ml for 900.00: 2,400.00 over 1,500 ml,
 * 1.60 per ml; 30 ml of it cost 48.00. Before the second delivery: 1.50. */
static void
test_average_cost (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) now = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) materials = NULL;
  gint64 t = rg_store_now ();
  gint64 cost = 0;
  const RgStockItem *item;

  g_assert_true (rg_studio_receive_goods (f->studio, f->dye, 1000, 150000, " Colour Ltd ", t - 10 * DAY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_receive_goods (f->studio, f->dye, 500, 90000, "Colour Ltd", t - 2 * DAY, "Invoice 7", &error));
  g_assert_no_error (error);
  {
    g_autofree char *supplier = test_sql_text (f->store, "SELECT supplier FROM stock_moves WHERE cost = 150000", 0);

    g_assert_cmpstr (supplier, ==, "Colour Ltd");
  }

  now = rg_studio_list_stock (f->studio, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (now->len, ==, 2);
  /* Products first, then materials. */
  g_assert_cmpint (g_array_index (now, RgStockItem, 0).product_id, ==, f->shampoo);
  item = find_item (now, f->dye);
  g_assert_cmpint (item->kind, ==, RG_PRODUCT_MATERIAL);
  g_assert_cmpint (item->unit, ==, RG_UNIT_ML);
  g_assert_cmpint (item->on_hand, ==, 1500);
  g_assert_cmpint (item->average_cost, ==, 160);
  g_assert_cmpint (item->value, ==, 240000);
  g_assert_cmpint (item->to_order, ==, 0);
  g_assert_false (item->low);

  before = rg_studio_list_stock (f->studio, t - 5 * DAY, &error);
  g_assert_no_error (error);
  item = find_item (before, f->dye);
  g_assert_cmpint (item->on_hand, ==, 1000);
  g_assert_cmpint (item->average_cost, ==, 150);
  g_assert_cmpint (item->value, ==, 150000);

  set_materials (f, 30);
  g_assert_true (rg_studio_get_service_materials_cost (f->studio, f->colouring, &cost, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cost, ==, 4800);
  materials = rg_studio_list_service_materials (f->studio, f->colouring, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (materials->len, ==, 1);
  g_assert_cmpstr (g_array_index (materials, RgServiceMaterial, 0).name, ==, "Dye");
  g_assert_cmpint (g_array_index (materials, RgServiceMaterial, 0).cost, ==, 4800);
  g_assert_cmpint (g_array_index (materials, RgServiceMaterial, 0).unit, ==, RG_UNIT_ML);

  /* The product's own cost where nothing was received with a cost. */
  item = find_item (now, f->shampoo);
  g_assert_cmpint (item->average_cost, ==, 40000);
  g_assert_cmpint (rg_stock_to_order (3, 5), ==, 7);
  g_assert_cmpint (rg_stock_to_order (5, 5), ==, 5);
  g_assert_cmpint (rg_stock_to_order (6, 5), ==, 0);
}

/* 600 ml received; 580 counted: a count of −20 that keeps the 600
 * expected; counted again, nothing written; 100 ml written off; at
 * 480 ml of a 500 ml minimum the dye is low, 520 to order. */
static void
test_count_and_write_off (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GArray) low = NULL;
  gint64 t = rg_store_now ();
  gint64 difference = 99, on_hand = 0;
  const RgStockMove *move;

  low = rg_studio_list_low_stock (f->studio, &error);
  g_assert_no_error (error);
  /* 0 of a 500 minimum is low; the shampoo has no minimum. */
  g_assert_cmpuint (low->len, ==, 1);
  g_clear_pointer (&low, g_array_unref);

  g_assert_true (rg_studio_receive_goods (f->studio, f->dye, 600, 90000, NULL, t - 3 * DAY, NULL, &error));
  g_assert_true (rg_studio_count_stock (f->studio, f->dye, 580, "Spilt", t - DAY, &difference, &error));
  g_assert_no_error (error);
  g_assert_cmpint (difference, ==, -20);
  g_assert_true (rg_studio_count_stock (f->studio, f->dye, 580, NULL, 0, &difference, &error));
  g_assert_no_error (error);
  g_assert_cmpint (difference, ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM stock_moves WHERE reason = 'count'", 0), ==, 1);
  g_assert_cmpint (count (f, "SELECT expected FROM stock_moves WHERE reason = 'count'", 0), ==, 600);
  g_assert_true (rg_studio_write_off_stock (f->studio, f->dye, 100, "Expired", 0, &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_get_stock (f->studio, f->dye, &on_hand, &error));
  g_assert_cmpint (on_hand, ==, 480);

  moves = rg_studio_list_stock_moves (f->studio, f->dye, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, ==, 3);
  move = &g_array_index (moves, RgStockMove, 0);
  g_assert_cmpint (move->reason, ==, RG_STOCK_RECEIVED);
  g_assert_cmpint (move->cost, ==, 90000);
  g_assert_cmpint (move->balance, ==, 600);
  g_assert_cmpstr (move->what, ==, "Goods received");
  move = &g_array_index (moves, RgStockMove, 1);
  g_assert_cmpint (move->reason, ==, RG_STOCK_COUNT);
  g_assert_cmpint (move->quantity, ==, -20);
  g_assert_cmpint (move->expected, ==, 600);
  g_assert_cmpint (move->balance, ==, 580);
  g_assert_cmpstr (move->note, ==, "Spilt");
  move = &g_array_index (moves, RgStockMove, 2);
  g_assert_cmpint (move->reason, ==, RG_STOCK_WRITE_OFF);
  g_assert_cmpint (move->quantity, ==, -100);
  g_assert_cmpint (move->balance, ==, 480);
  g_assert_cmpint (move->expected, ==, -1);

  low = rg_studio_list_low_stock (f->studio, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (low->len, ==, 1);
  g_assert_cmpint (g_array_index (low, RgStockItem, 0).on_hand, ==, 480);
  g_assert_cmpint (g_array_index (low, RgStockItem, 0).to_order, ==, 520);
}

static void
assert_refused (GError     **error,
                const char  *words)
{
  g_assert_error (*error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  if (strstr ((*error)->message, words) == NULL)
    g_error ("“%s” does not say “%s”", (*error)->message, words);
  g_clear_error (error);
}

/* Bad input: each refused in words, nothing written. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgProduct) product = NULL;
  gint64 t = rg_store_now ();
  RgServiceMaterial twice[2] = { { .product_id = 41, .quantity = 5 }, { .product_id = 41, .quantity = 7 } };
  RgServiceMaterial none = { .product_id = 41, .quantity = 0 };
  RgServiceMaterial unknown = { .product_id = 999, .quantity = 3 };

  g_assert_true (rg_studio_receive_goods (f->studio, f->dye, 100, 15000, NULL, 0, NULL, &error));
  g_assert_no_error (error);
  set_materials (f, 30);

  g_assert_false (rg_studio_receive_goods (f->studio, f->dye, 0, 100, NULL, 0, NULL, &error));
  assert_refused (&error, "more than 0");
  g_assert_false (rg_studio_receive_goods (f->studio, f->dye, 10, -1, NULL, 0, NULL, &error));
  assert_refused (&error, "negative");
  g_assert_false (rg_studio_receive_goods (f->studio, f->dye, 10, 100, NULL, t + 2 * DAY, NULL, &error));
  assert_refused (&error, "future");
  g_assert_false (rg_studio_receive_goods (f->studio, 999, 10, 100, NULL, 0, NULL, &error));
  assert_refused (&error, "Choose");
  g_assert_false (rg_studio_count_stock (f->studio, f->dye, -1, NULL, 0, NULL, &error));
  assert_refused (&error, "negative");
  g_assert_false (rg_studio_count_stock (f->studio, f->dye, 5, NULL, t + DAY, NULL, &error));
  assert_refused (&error, "future");
  g_assert_false (rg_studio_write_off_stock (f->studio, f->dye, 5, "  ", 0, &error));
  assert_refused (&error, "why");
  g_assert_false (rg_studio_write_off_stock (f->studio, f->dye, 0, "Broken", 0, &error));
  assert_refused (&error, "more than 0");
  g_assert_false (rg_studio_write_off_stock (f->studio, f->dye, 101, "Broken", 0, &error));
  assert_refused (&error, "100 ml");
  g_assert_cmpint (count (f, "SELECT count (*) FROM stock_moves", 0), ==, 1);

  g_assert_false (rg_studio_set_service_materials (f->studio, f->colouring, twice, 2, &error));
  assert_refused (&error, "twice");
  g_assert_false (rg_studio_set_service_materials (f->studio, f->colouring, &none, 1, &error));
  assert_refused (&error, "above 0");
  g_assert_false (rg_studio_set_service_materials (f->studio, f->colouring, &unknown, 1, &error));
  assert_refused (&error, "Choose");
  g_assert_false (rg_studio_set_service_materials (f->studio, 999, &none + 0, 0, &error));
  assert_refused (&error, "Save the service");
  g_assert_cmpint (count (f, "SELECT quantity FROM service_materials WHERE service_id = ?1", f->colouring), ==, 30);

  /* The product's own fields. */
  product = rg_studio_lookup (f->studio, RG_TYPE_PRODUCT, f->dye, &error);
  g_assert_no_error (error);
  rg_product_set_min_level (product, -1);
  g_assert_false (rg_studio_save (f->studio, product, &error));
  assert_refused (&error, "minimum");
  g_assert_cmpint (count (f, "SELECT min_level FROM products WHERE id = ?1", f->dye), ==, 500);
  rg_product_set_min_level (product, 250);
  rg_product_set_supplier (product, "  ");
  rg_product_set_unit (product, RG_UNIT_GRAMS);
  g_assert_true (rg_studio_save (f->studio, product, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT min_level FROM products WHERE id = ?1", f->dye), ==, 250);
  g_assert_cmpint (count (f, "SELECT supplier IS NULL AND unit = 'g' FROM products WHERE id = ?1", f->dye), ==, 1);
}

/* The visit's colouring takes 30 ml once at check-out, a second check-out
 * is refused and takes nothing; a refund of the line puts the 30 ml back. */
static void
test_check_out_and_refund (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = NULL;
  g_autoptr(GArray) moves = NULL;
  gint64 sale = 0, line, on_hand = 0;

  g_assert_true (rg_studio_receive_goods (f->studio, f->dye, 1000, 150000, NULL, rg_store_now () - DAY, NULL, &error));
  set_materials (f, 30);

  draft = rg_studio_draft_check_out (f->studio, f->visit, &error);
  g_assert_no_error (error);
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CARD, 420000);
  g_assert_true (rg_studio_check_out (f->studio, draft, &sale, &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_get_stock (f->studio, f->dye, &on_hand, &error));
  g_assert_cmpint (on_hand, ==, 970);
  g_assert_cmpint (count (f, "SELECT count (*) FROM stock_moves WHERE reason = 'materials'", 0), ==, 1);
  g_assert_cmpint (count (f, "SELECT appointment_id FROM stock_moves WHERE reason = 'materials'", 0), ==, f->visit);

  g_assert_false (rg_studio_check_out (f->studio, draft, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM stock_moves WHERE reason = 'materials'", 0), ==, 1);

  moves = rg_studio_list_stock_moves (f->studio, f->dye, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, ==, 2);
  g_assert_cmpint (g_array_index (moves, RgStockMove, 1).reason, ==, RG_STOCK_MATERIALS);
  g_assert_cmpint (g_array_index (moves, RgStockMove, 1).sale_number, ==,
                   count (f, "SELECT number FROM sales WHERE id = ?1", sale));
  g_assert_cmpint (g_array_index (moves, RgStockMove, 1).appointment_id, ==, f->visit);
  g_assert_cmpint (g_array_index (moves, RgStockMove, 1).balance, ==, 970);

  line = count (f, "SELECT id FROM sale_lines WHERE sale_id = ?1", sale);
  g_assert_true (rg_studio_refund (f->studio, sale, &line, 1, "Colour did not take", RG_PAYMENT_CARD, FALSE, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_get_stock (f->studio, f->dye, &on_hand, &error));
  g_assert_cmpint (on_hand, ==, 1000);
  g_assert_cmpint (count (f, "SELECT count (*) FROM stock_moves WHERE reason = 'materials_back'", 0), ==, 1);
}

/* The colouring costs 600.00 besides its materials. With 30 ml of dye at
 * 1.60 the line costs 648.00; with 2,400 ml (3,840.00) a 10 % discount
 * (3,780.00) goes below cost. */
static void
test_margin (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = NULL;

  g_assert_true (rg_studio_receive_goods (f->studio, f->dye, 1000, 160000, NULL, 0, NULL, &error));
  draft = rg_studio_draft_check_out (f->studio, f->visit, &error);
  g_assert_no_error (error);
  rg_sale_draft_get_line (draft, 0)->one_off = 1000;
  rg_sale_draft_get_line (draft, 0)->one_off_reason = g_strdup ("Birthday");
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CARD, 378000);

  set_materials (f, 30);
  {
    g_autoptr(RgSaleQuote) quote = rg_studio_quote_sale (f->studio, draft, &error);

    g_assert_no_error (error);
    g_assert_cmpint (quote->lines[0].price, ==, 378000);
    g_assert_cmpint (quote->lines[0].cost, ==, 60000 + 4800);
    g_assert_cmpint (quote->lines[0].margin, !=, RG_MARGIN_BELOW_COST);
  }
  set_materials (f, 2000);
  {
    g_autoptr(RgSaleQuote) quote = rg_studio_quote_sale (f->studio, draft, &error);

    g_assert_no_error (error);
    g_assert_cmpint (quote->lines[0].cost, ==, 60000 + 320000);
    g_assert_cmpint (quote->lines[0].margin, ==, RG_MARGIN_BELOW_COST);
  }
}

/* The service editor's save: the service and its materials together, a
 * refusal of the materials writing neither; a new service gets its
 * materials under its new key. */
static void
test_save_with_materials (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgService) colouring = rg_studio_lookup (f->studio, RG_TYPE_SERVICE, f->colouring, &error);
  g_autoptr(RgService) toning = rg_service_new ("Toning", 45, 180000);
  RgServiceMaterial twice[2] = { { .product_id = 41, .quantity = 5 }, { .product_id = 41, .quantity = 7 } };
  RgServiceMaterial dye = { .product_id = 41, .quantity = 20 };

  g_assert_no_error (error);
  rg_service_set_name (colouring, "Colouring, long hair");
  g_assert_false (rg_studio_save_service_with_materials (f->studio, colouring, twice, 2, &error));
  assert_refused (&error, "twice");
  g_assert_true (rg_studio_reload (f->studio, colouring, &error));
  g_assert_cmpstr (rg_service_get_name (colouring), ==, "Colouring");
  g_assert_cmpint (count (f, "SELECT count (*) FROM service_materials", 0), ==, 0);

  g_assert_true (rg_studio_save_service_with_materials (f->studio, toning, &dye, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_record_get_id (RG_RECORD (toning)), !=, 0);
  g_assert_cmpint (count (f, "SELECT quantity FROM service_materials WHERE service_id = ?1",
                          rg_record_get_id (RG_RECORD (toning))), ==, 20);
  g_assert_cmpint (count (f, "SELECT count (*) FROM services WHERE name = 'Toning'", 0), ==, 1);
}

/* Once the studio has profiles, stock moves need someone signed in whose
 * role allows them; refused in words, nothing written. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_studio_save_profile (f->studio, 21, RG_ROLE_DIRECTOR, "4321", &error));
  g_assert_no_error (error);
  rg_studio_sign_out (f->studio);
  g_assert_false (rg_studio_receive_goods (f->studio, f->dye, 100, 15000, NULL, 0, NULL, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (rg_studio_write_off_stock (f->studio, f->dye, 1, "Spilt", 0, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM stock_moves", 0), ==, 0);

  g_assert_true (rg_studio_sign_in (f->studio, 21, "4321", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_receive_goods (f->studio, f->dye, 100, 15000, NULL, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM stock_moves", 0), ==, 1);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* `--report stock --json`: the keys scripts read; --as-of a day before
 * the second delivery; the options it does not take refused. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser_before = json_parser_new ();
  RgReportOptions opts = { .json = TRUE };
  g_autofree char *json = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  JsonObject *root, *item = NULL, *totals;
  JsonArray *items;
  gint64 t = rg_store_now ();

  g_assert_true (rg_studio_receive_goods (f->studio, f->dye, 1000, 150000, "Colour Ltd", t - 10 * DAY, NULL, &error));
  g_assert_true (rg_studio_receive_goods (f->studio, f->dye, 500, 90000, NULL, t, NULL, &error));
  g_assert_no_error (error);

  json = rg_report_run (f->store, "stock", &opts, &error);
  g_assert_no_error (error);
  root = parse_object (parser, json);
  g_assert_true (json_object_has_member (root, "as_of"));
  g_assert_true (json_object_has_member (root, "currency"));
  items = json_object_get_array_member (root, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  for (guint i = 0; i < 2; i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "name"), "Dye") == 0)
      item = json_array_get_object_element (items, i);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "material");
  g_assert_cmpstr (json_object_get_string_member (item, "unit"), ==, "ml");
  g_assert_cmpstr (json_object_get_string_member (item, "supplier"), ==, NULL);
  g_assert_cmpint (json_object_get_int_member (item, "on_hand"), ==, 1500);
  g_assert_cmpint (json_object_get_int_member (item, "min_level"), ==, 500);
  g_assert_cmpint (json_object_get_int_member (item, "to_order"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (item, "average_cost"), ==, 160);
  g_assert_cmpint (json_object_get_int_member (item, "value"), ==, 240000);
  g_assert_false (json_object_get_boolean_member (item, "low"));
  totals = json_object_get_object_member (root, "totals");
  g_assert_cmpint (json_object_get_int_member (totals, "items"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (totals, "value"), ==, 240000);

  day = rg_date_to_iso (rg_date_from_time (t - 5 * DAY));
  opts.as_of = day;
  json_before = rg_report_run (f->store, "stock", &opts, &error);
  g_assert_no_error (error);
  root = parse_object (parser_before, json_before);
  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, day);
  totals = json_object_get_object_member (root, "totals");
  g_assert_cmpint (json_object_get_int_member (totals, "value"), ==, 150000);
  g_assert_cmpint (json_object_get_int_member (totals, "to_order"), ==, 0);

  opts.json = FALSE;
  text = rg_report_run (f->store, "stock", &opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Dye"));
  g_assert_nonnull (strstr (text, "1000 ml"));

  opts.as_of = "2026-13-01";
  g_assert_null (rg_report_run (f->store, "stock", &opts, &error));
  assert_refused (&error, "--as-of");
  opts.as_of = "2999-01-01";
  g_assert_null (rg_report_run (f->store, "stock", &opts, &error));
  assert_refused (&error, "future");
  opts.as_of = NULL;
  opts.from = "2026-01-01";
  g_assert_null (rg_report_run (f->store, "stock", &opts, &error));
  assert_refused (&error, "--as-of and --json");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/stock/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("average-cost", test_average_cost);
  ADD ("count-and-write-off", test_count_and_write_off);
  ADD ("refusals", test_refusals);
  ADD ("check-out-and-refund", test_check_out_and_refund);
  ADD ("margin", test_margin);
  ADD ("report", test_report);
  ADD ("save-with-materials", test_save_with_materials);
  ADD ("roles", test_roles);
#undef ADD

  return g_test_run ();
}
