/* test-receipt.c — a sale read back as its receipt, a client's sales, a
 * visit's sale, and the receipt drawn: a PDF page and images.
 *
 * The sales are written here with SQL as the till writes them (the
 * commands are tested on their own), each figure computed by hand.
 * With REGULARS_TEST_SHOTS set, the drawings are saved there as PNG
 * files to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "model/rg-format.h"
#include "model/rg-sale.h"
#include "model/rg-studio-identity.h"
#include "report/rg-receipt-draw.h"
#include "test-util.h"

/* 7 December 2026, 14:30 UTC */
#define SOLD_AT  G_GINT64_CONSTANT (1796653800)
#define DAY      (24 * 60 * 60)

enum {
  ANNA = 11,
  COLOURING = 21,
  CONDITIONER = 31,
  VISIT = 41,
  SALE = 51,
  REFUND = 52,
  REFUND_REST = 53,
  LINE_COLOURING = 61,
  LINE_CONDITIONER = 62,
  LINE_TIP = 63,
  LINE_BACK = 64,
  LINE_BACK_COLOURING = 65,
  LINE_BACK_TIP = 66,
};

typedef struct {
  char     *dir;
  RgStudio *studio;
  RgStore  *store;
  gint64    client_id;
} Fixture;

/* Runs @sql with one argument per parameter of it, in order: a gint64, or
 * a string where the parameter is named ":t..." (NULL is NULL). */
static void
run (RgStore    *store,
     const char *sql,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, &error);
  int n;
  va_list args;

  g_assert_no_error (error);
  n = sqlite3_bind_parameter_count (stmt);
  va_start (args, sql);
  for (int i = 1; i <= n; i++)
    {
      const char *name = sqlite3_bind_parameter_name (stmt, i);

      if (name && g_str_has_prefix (name, ":t"))
        {
          const char *text = va_arg (args, const char *);

          if (text)
            sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (stmt, i);
        }
      else
        sqlite3_bind_int64 (stmt, i, va_arg (args, gint64));
    }
  va_end (args);
  g_assert_true (rg_store_step_done (store, stmt, &error));
  g_assert_no_error (error);
}

static void
add_sale (RgStore    *store,
          gint64      id,
          gint64      number,
          gint64      refund_of,
          gint64      client_id,
          gint64      appointment_id,
          const char *reason,
          gint64      at)
{
  run (store,
       "INSERT INTO sales (id, number, kind, refund_of, client_id, appointment_id, reason, created_at, updated_at)"
       " VALUES (:id, :number, CASE WHEN :of > 0 THEN 'refund' ELSE 'sale' END, nullif (:of, 0), nullif (:client, 0),"
       " nullif (:appointment, 0), :treason, :at, :at)",
       id, number, refund_of, client_id, appointment_id, reason, at);
}

typedef struct {
  gint64      id;
  gint64      position;
  const char *kind;
  gint64      service_id;
  gint64      product_id;
  gint64      staff_id;
  gint64      quantity;
  gint64      list_price;
  gint64      discount_promotion;
  gint64      discount_card;
  gint64      discount_one_off;
  gint64      pay;
  gint64      refund_of_line;
} Line;

static void
add_line (RgStore    *store,
          gint64      sale_id,
          const Line *l,
          gint64      at)
{
  gint64 discount = l->discount_promotion + l->discount_card + l->discount_one_off;

  run (store,
       "INSERT INTO sale_lines (id, sale_id, position, kind, service_id, product_id, staff_id, quantity, list_price,"
       " discount, discount_promotion, discount_card, discount_one_off, price, pay, refund_of_line,"
       " created_at, updated_at)"
       " VALUES (:id, :sale, :position, :tkind, nullif (:service, 0), nullif (:product, 0), nullif (:staff, 0),"
       " :quantity, :list, :discount, :promotion, :card, :one_off, :price, :pay, nullif (:of, 0), :at, :at)",
       l->id, sale_id, l->position, l->kind, l->service_id, l->product_id, l->staff_id, l->quantity,
       l->list_price, discount, l->discount_promotion, l->discount_card, l->discount_one_off,
       l->list_price * l->quantity - discount, l->pay, l->refund_of_line, at);
}

static void
add_payment (RgStore    *store,
             gint64      sale_id,
             const char *method,
             gint64      amount,
             gint64      tendered,
             gint64      at)
{
  run (store,
       "INSERT INTO payments (id, sale_id, method, amount, tendered, paid_at, created_at, updated_at)"
       " VALUES (1 + (random () & 9223372036854775806), :sale, :tmethod, :amount, nullif (:handed, 0),"
       " :at, :at, :at)",
       sale_id, method, amount, tendered, at);
}

/* The sale, by hand:
 * - Colouring by Anna, 4,200.00 less the silver card's 7 % (294.00):
 *   3,906.00; her pay 30 % of it, 1,171.80;
 * - 2 × Argan conditioner at 390.00 less a 30 % promotion (234.00): 546.00;
 * - Anna's tip, 500.00.
 * Total 4,952.00, discounts 528.00; paid 3,000.00 by card and 1,952.00 in
 * cash from 2,000.00 handed over: 48.00 change. A day later the
 * conditioners come back (546.00 in cash): receipt 8. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RgClient) client = NULL;
  const Line lines[] = {
    { LINE_COLOURING, 0, "service", COLOURING, 0, ANNA, 1, 420000, 0, 29400, 0, 117180, 0 },
    { LINE_CONDITIONER, 1, "product", 0, CONDITIONER, 0, 2, 39000, 23400, 0, 0, 0, 0 },
    { LINE_TIP, 2, "tip", 0, 0, ANNA, 1, 50000, 0, 0, 0, 50000, 0 },
  };
  const Line back = { LINE_BACK, 0, "product", 0, CONDITIONER, 0, -2, 39000, -23400, 0, 0, 0, LINE_CONDITIONER };

  f->dir = g_dir_make_tmp ("regulars-receipt-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = rg_studio_open (path, RG_STUDIO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->store = rg_studio_get_store (f->studio);
  g_assert_true (rg_studio_set_identity (f->studio, "Velvet", "1 High Street, Bath", "GB 123 4567 89", "GBP", &error));
  g_assert_no_error (error);

  client = test_add_client (f->studio, "Olivia Bennett", "+44 7700 900123");
  f->client_id = rg_record_get_id (RG_RECORD (client));

  g_assert_true (rg_store_begin (f->store, &error));
  run (f->store, "INSERT INTO staff (id, display_name, created_at, updated_at) VALUES (:id, :tname, 0, 0)",
       (gint64) ANNA, "Anna");
  run (f->store,
       "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at)"
       " VALUES (:id, :tname, 90, 420000, 0, 0)",
       (gint64) COLOURING, "Colouring");
  run (f->store, "INSERT INTO products (id, name, price, cost, created_at, updated_at) VALUES (:id, :tname, 39000, 30000, 0, 0)",
       (gint64) CONDITIONER, "Argan conditioner");
  run (f->store,
       "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, updated_at)"
       " VALUES (:id, :client, :staff, :starts, :ends, 'done', 390600, 0, 0)",
       (gint64) VISIT, f->client_id, (gint64) ANNA, SOLD_AT - 90 * 60, SOLD_AT);

  add_sale (f->store, SALE, 7, 0, f->client_id, VISIT, NULL, SOLD_AT);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    add_line (f->store, SALE, &lines[i], SOLD_AT);
  add_payment (f->store, SALE, "card", 300000, 0, SOLD_AT);
  add_payment (f->store, SALE, "cash", 195200, 200000, SOLD_AT + 1);

  add_sale (f->store, REFUND, 8, SALE, f->client_id, VISIT, "Allergic to the conditioner", SOLD_AT + DAY);
  add_line (f->store, REFUND, &back, SOLD_AT + DAY);
  add_payment (f->store, REFUND, "cash", -54600, 0, SOLD_AT + DAY);
  g_assert_true (rg_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
  rg_format_set_currency (NULL);
}

/* The sale as its receipt shows it, field by field. */
static void
test_read_sale (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgReceipt) receipt = rg_studio_read_receipt (f->studio, SALE, &error);
  const RgReceiptLine *line;

  g_assert_no_error (error);
  g_assert_nonnull (receipt);
  g_assert_cmpint (receipt->id, ==, SALE);
  g_assert_cmpint (receipt->number, ==, 7);
  g_assert_false (receipt->refund);
  g_assert_cmpint (receipt->refund_of_number, ==, 0);
  g_assert_null (receipt->reason);
  g_assert_cmpint (receipt->sold_at, ==, SOLD_AT);
  g_assert_cmpint (receipt->client_id, ==, f->client_id);
  g_assert_cmpstr (receipt->client, ==, "Olivia Bennett");
  g_assert_cmpstr (receipt->client_phone, ==, "+44 7700 900123");
  g_assert_cmpint (receipt->appointment_id, ==, VISIT);
  g_assert_cmpstr (receipt->studio_name, ==, "Velvet");
  g_assert_cmpstr (receipt->studio_address, ==, "1 High Street, Bath");
  g_assert_cmpstr (receipt->tax_number, ==, "GB 123 4567 89");

  g_assert_cmpuint (receipt->n_lines, ==, 3);
  line = &receipt->lines[0];
  g_assert_cmpint (line->id, ==, LINE_COLOURING);
  g_assert_cmpint (line->kind, ==, RG_SALE_LINE_SERVICE);
  g_assert_cmpstr (line->name, ==, "Colouring");
  g_assert_cmpstr (line->master, ==, "Anna");
  g_assert_cmpint (line->quantity, ==, 1);
  g_assert_cmpint (line->list_price, ==, 420000);
  g_assert_cmpint (line->discount, ==, 29400);
  g_assert_cmpint (line->price, ==, 390600);
  g_assert_cmpint (line->pay, ==, 117180);
  g_assert_false (line->refunded);
  line = &receipt->lines[1];
  g_assert_cmpint (line->id, ==, LINE_CONDITIONER);
  g_assert_cmpint (line->kind, ==, RG_SALE_LINE_PRODUCT);
  g_assert_cmpstr (line->name, ==, "Argan conditioner");
  g_assert_null (line->master);
  g_assert_cmpint (line->quantity, ==, 2);
  g_assert_cmpint (line->list_price, ==, 39000);
  g_assert_cmpint (line->discount, ==, 23400);
  g_assert_cmpint (line->price, ==, 54600);
  g_assert_cmpint (line->pay, ==, 0);
  g_assert_true (line->refunded);              /* receipt 8 took it back */
  line = &receipt->lines[2];
  g_assert_cmpint (line->id, ==, LINE_TIP);
  g_assert_cmpint (line->kind, ==, RG_SALE_LINE_TIP);
  g_assert_cmpstr (line->name, ==, "Tip");
  g_assert_cmpstr (line->master, ==, "Anna");
  g_assert_cmpint (line->price, ==, 50000);
  g_assert_cmpint (line->pay, ==, 50000);
  g_assert_false (line->refunded);

  g_assert_cmpuint (receipt->n_payments, ==, 2);
  g_assert_cmpint (receipt->payments[0].method, ==, RG_PAYMENT_CARD);
  g_assert_cmpint (receipt->payments[0].amount, ==, 300000);
  g_assert_cmpint (receipt->payments[0].tendered, ==, 0);
  g_assert_cmpint (receipt->payments[1].method, ==, RG_PAYMENT_CASH);
  g_assert_cmpint (receipt->payments[1].amount, ==, 195200);
  g_assert_cmpint (receipt->payments[1].tendered, ==, 200000);

  g_assert_cmpint (receipt->total, ==, 495200);
  g_assert_cmpint (receipt->discount, ==, 52800);
  g_assert_cmpint (receipt->change, ==, 4800);
}

/* The refund's own receipt: its lines negated as stored, what went back. */
static void
test_read_refund (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgReceipt) receipt = rg_studio_read_receipt (f->studio, REFUND, &error);

  g_assert_no_error (error);
  g_assert_cmpint (receipt->number, ==, 8);
  g_assert_true (receipt->refund);
  g_assert_cmpint (receipt->refund_of_number, ==, 7);
  g_assert_cmpstr (receipt->reason, ==, "Allergic to the conditioner");
  g_assert_cmpint (receipt->sold_at, ==, SOLD_AT + DAY);
  g_assert_cmpstr (receipt->client, ==, "Olivia Bennett");
  g_assert_cmpuint (receipt->n_lines, ==, 1);
  g_assert_cmpint (receipt->lines[0].id, ==, LINE_BACK);
  g_assert_cmpstr (receipt->lines[0].name, ==, "Argan conditioner");
  g_assert_cmpint (receipt->lines[0].quantity, ==, -2);
  g_assert_cmpint (receipt->lines[0].discount, ==, -23400);
  g_assert_cmpint (receipt->lines[0].price, ==, -54600);
  g_assert_false (receipt->lines[0].refunded);
  g_assert_cmpuint (receipt->n_payments, ==, 1);
  g_assert_cmpint (receipt->payments[0].method, ==, RG_PAYMENT_CASH);
  g_assert_cmpint (receipt->payments[0].amount, ==, -54600);
  g_assert_cmpint (receipt->payments[0].tendered, ==, 0);
  g_assert_cmpint (receipt->total, ==, -54600);
  g_assert_cmpint (receipt->discount, ==, -23400);
  g_assert_cmpint (receipt->change, ==, 0);
}

/* A walk-in's sale has no client; a sale that is not there says so. */
static void
test_read_other (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgReceipt) missing = NULL;
  g_autoptr(RgReceipt) walk_in = NULL;
  const Line line = { 71, 0, "service", 0, 0, ANNA, 1, 150000, 0, 0, 0, 0, 0 };

  missing = rg_studio_read_receipt (f->studio, 999, &error);
  g_assert_null (missing);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An upgraded studio's visit: a line of no service, paid unrecorded. */
  g_assert_true (rg_store_begin (f->store, &error));
  add_sale (f->store, 70, 9, 0, 0, 0, NULL, SOLD_AT + 2 * DAY);
  add_line (f->store, 70, &line, SOLD_AT + 2 * DAY);
  add_payment (f->store, 70, "unrecorded", 150000, 0, SOLD_AT + 2 * DAY);
  g_assert_true (rg_store_commit (f->store, &error));

  walk_in = rg_studio_read_receipt (f->studio, 70, &error);
  g_assert_no_error (error);
  g_assert_null (walk_in->client);
  g_assert_cmpint (walk_in->client_id, ==, 0);
  g_assert_cmpint (walk_in->appointment_id, ==, 0);
  g_assert_cmpstr (walk_in->lines[0].name, ==, "Visit");
  g_assert_cmpint (walk_in->payments[0].method, ==, RG_PAYMENT_UNRECORDED);
  g_assert_cmpint (walk_in->total, ==, 150000);
  g_assert_cmpint (walk_in->discount, ==, 0);
}

/* The client's history, newest first; the visit's sale until every line
 * of it was taken back. */
static void
test_client_sales (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sales = rg_studio_list_client_sales (f->studio, f->client_id, &error);
  g_autoptr(GArray) none = NULL;
  const RgSaleSummary *s;
  const Line rest[] = {
    { LINE_BACK_COLOURING, 0, "service", COLOURING, 0, ANNA, -1, 420000, 0, -29400, 0, -117180, LINE_COLOURING },
    { LINE_BACK_TIP, 1, "tip", 0, 0, ANNA, -1, 50000, 0, 0, 0, -50000, LINE_TIP },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (sales->len, ==, 2);
  s = &g_array_index (sales, RgSaleSummary, 0);
  g_assert_cmpint (s->id, ==, REFUND);
  g_assert_cmpint (s->number, ==, 8);
  g_assert_true (s->refund);
  g_assert_cmpint (s->sold_at, ==, SOLD_AT + DAY);
  g_assert_cmpint (s->total, ==, -54600);
  g_assert_cmpint (s->appointment_id, ==, VISIT);
  g_assert_false (s->refunded);
  s = &g_array_index (sales, RgSaleSummary, 1);
  g_assert_cmpint (s->id, ==, SALE);
  g_assert_cmpint (s->number, ==, 7);
  g_assert_false (s->refund);
  g_assert_cmpint (s->sold_at, ==, SOLD_AT);
  g_assert_cmpint (s->total, ==, 495200);
  g_assert_false (s->refunded);                /* one line of three back */

  g_assert_cmpint (rg_studio_find_visit_sale (f->studio, VISIT, &error), ==, SALE);
  g_assert_no_error (error);
  g_assert_cmpint (rg_studio_find_visit_sale (f->studio, 12345, &error), ==, 0);
  g_assert_no_error (error);

  none = rg_studio_list_client_sales (f->studio, 12345, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* The rest taken back: the sale is refunded whole, the visit has none. */
  g_assert_true (rg_store_begin (f->store, &error));
  add_sale (f->store, REFUND_REST, 10, SALE, f->client_id, VISIT, "Moved away", SOLD_AT + 3 * DAY);
  for (guint i = 0; i < G_N_ELEMENTS (rest); i++)
    add_line (f->store, REFUND_REST, &rest[i], SOLD_AT + 3 * DAY);
  add_payment (f->store, REFUND_REST, "card", -300000, 0, SOLD_AT + 3 * DAY);
  add_payment (f->store, REFUND_REST, "cash", -140600, 0, SOLD_AT + 3 * DAY);
  g_assert_true (rg_store_commit (f->store, &error));

  g_clear_pointer (&sales, g_array_unref);
  sales = rg_studio_list_client_sales (f->studio, f->client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sales->len, ==, 3);
  g_assert_cmpint (g_array_index (sales, RgSaleSummary, 0).number, ==, 10);
  g_assert_cmpint (g_array_index (sales, RgSaleSummary, 0).total, ==, -440600);
  g_assert_cmpint (g_array_index (sales, RgSaleSummary, 2).number, ==, 7);
  g_assert_true (g_array_index (sales, RgSaleSummary, 2).refunded);
  g_assert_cmpint (rg_studio_find_visit_sale (f->studio, VISIT, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_names (void)
{
  for (guint i = 0; i < RG_N_PAYMENT_METHODS; i++)
    {
      RgPaymentMethod method = RG_N_PAYMENT_METHODS;

      g_assert_true (rg_payment_method_from_nick (rg_payment_method_to_nick (i), &method));
      g_assert_cmpint (method, ==, i);
      g_assert_nonnull (rg_payment_method_to_string (i));
    }
  g_assert_cmpstr (rg_payment_method_to_nick (RG_PAYMENT_TRANSFER), ==, "transfer");
  g_assert_cmpstr (rg_payment_method_to_nick (RG_PAYMENT_CERTIFICATE), ==, "certificate");
  g_assert_cmpstr (rg_payment_method_to_string (RG_PAYMENT_TRANSFER), ==, "Bank transfer");
  g_assert_cmpstr (rg_payment_method_to_string (RG_PAYMENT_CERTIFICATE), ==, "Gift certificate");
  g_assert_cmpstr (rg_payment_method_to_string (RG_PAYMENT_POINTS), ==, "Bonus points");
  g_assert_cmpstr (rg_payment_method_to_string (RG_PAYMENT_UNRECORDED), ==, "Not recorded");
  g_assert_false (rg_payment_method_from_nick ("cheque", NULL));
  g_assert_false (rg_payment_method_from_nick (NULL, NULL));
  g_assert_cmpstr (rg_sale_line_kind_to_nick (RG_SALE_LINE_SERVICE), ==, "service");
  g_assert_cmpstr (rg_sale_line_kind_to_nick (RG_SALE_LINE_PRODUCT), ==, "product");
  g_assert_cmpstr (rg_sale_line_kind_to_nick (RG_SALE_LINE_TIP), ==, "tip");
}

/* What a poppler tool prints about @pdf, or NULL when it is not there. */
static char *
poppler (const char *tool,
         const char *pdf)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;
  if (g_str_equal (tool, "pdftotext"))
    {
      const char *argv[] = { program, "-layout", pdf, "-", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
    }
  else
    {
      const char *argv[] = { program, pdf, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
    }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The PDF: one A5 page whose text has the number, the total, each
 * payment and the words that it is not a fiscal receipt. */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgReceipt) receipt = rg_studio_read_receipt (f->studio, SALE, &error);
  g_autoptr(RgReceipt) refund = rg_studio_read_receipt (f->studio, REFUND, &error);
  g_autofree char *path = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autofree char *refund_path = g_build_filename (f->dir, "refund.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "no such folder", "receipt.pdf", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *total = rg_format_price (495200);
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_true (rg_receipt_write_pdf (receipt, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &length, &error));
  g_assert_cmpuint (length, >, 5);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

  g_assert_false (rg_receipt_write_pdf (receipt, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "receipt.pdf"));
  g_clear_error (&error);

  info = poppler ("pdfinfo", path);
  if (g_getenv ("REGULARS_TEST_SHOTS"))
    {
      g_autofree char *copy = g_build_filename (g_getenv ("REGULARS_TEST_SHOTS"), "receipt.pdf", NULL);

      g_assert_true (g_file_set_contents (copy, bytes, length, NULL));
    }
  text = poppler ("pdftotext", path);
  if (info == NULL || text == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed to read the PDF back");
      return;
    }
  g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
  /* A5 in points */
  g_assert_true (g_regex_match_simple ("^Page size: +419.53 x 595.28 pts", info, G_REGEX_MULTILINE, 0));
  g_assert_cmpstr (total, ==, "£4,952");
  g_assert_nonnull (strstr (text, "Receipt No. 7"));
  g_assert_nonnull (strstr (text, "Velvet"));
  g_assert_nonnull (strstr (text, "Tax number: GB 123 4567 89"));
  g_assert_nonnull (strstr (text, "Client: Olivia Bennett"));
  g_assert_nonnull (strstr (text, "7 December 2026, 14:30"));
  g_assert_nonnull (strstr (text, total));
  g_assert_nonnull (strstr (text, "Card"));
  g_assert_nonnull (strstr (text, "£3,000"));
  g_assert_nonnull (strstr (text, "Cash tendered"));
  g_assert_nonnull (strstr (text, "£2,000"));
  g_assert_nonnull (strstr (text, "£48"));
  g_assert_nonnull (strstr (text, "Refunded"));
  g_assert_nonnull (strstr (text, "−£294"));           /* the card's 7 % off the colouring */
  g_assert_nonnull (strstr (text, "−£528"));           /* the discounts together */
  g_assert_nonnull (strstr (text, "This is not a fiscal receipt."));

  g_clear_pointer (&text, g_free);
  g_assert_true (rg_receipt_write_pdf (refund, refund_path, &error));
  g_assert_no_error (error);
  text = poppler ("pdftotext", refund_path);
  g_assert_nonnull (strstr (text, "Refund No. 8 for receipt 7"));
  g_assert_nonnull (strstr (text, "Reason: Allergic to the conditioner"));
  /* What goes back reads positive: two conditioners, 546.00 in cash. */
  g_assert_true (g_regex_match_simple ("Total refunded +£546$", text, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^ *Cash +£546$", text, G_REGEX_MULTILINE, 0));
  g_assert_null (strstr (text, "£−"));
  g_assert_nonnull (strstr (text, "This is not a fiscal receipt."));
}

/* @receipt drawn @width wide, as long as it needs; the share of its
 * pixels that are not white. Saved as @name.png in REGULARS_TEST_SHOTS. */
static double
render (const RgReceipt *receipt,
        double           width,
        double          *height,
        const char      *name)
{
  cairo_surface_t *probe = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (probe);
  cairo_surface_t *surface;
  const char *dir = g_getenv ("REGULARS_TEST_SHOTS");
  const double zoom = 2.0;   /* 144 dpi, to read it */
  guint inked = 0, all = 0;
  unsigned char *data;
  int w, h, stride;

  *height = rg_receipt_measure (cr, receipt, width);
  cairo_destroy (cr);
  cairo_surface_destroy (probe);

  w = (int) (width * zoom + 0.5);
  h = (int) (*height * zoom + 0.5);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (surface);
  cairo_scale (cr, zoom, zoom);
  rg_receipt_draw (cr, receipt, width, *height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pixel = *(guint32 *) (void *) (data + y * stride + x * 4);

        all++;
        inked += (pixel & 0xffffff) != 0xffffff;
      }
  if (dir)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s.png", dir, name);

      g_assert_cmpint (cairo_surface_write_to_png (surface, file), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_surface_destroy (surface);
  return (double) inked / all;
}

/* The roll and the page: drawn on white with ink on them; long Russian
 * names wrap onto more rows (the receipt grows), never off the page. */
static void
test_drawing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgReceipt) receipt = rg_studio_read_receipt (f->studio, SALE, &error);
  g_autoptr(RgReceipt) refund = rg_studio_read_receipt (f->studio, REFUND, &error);
  g_autofree char *english_name = NULL, *english_client = NULL, *english_master = NULL;
  double roll, page, long_roll, long_page, shrunk;

  g_assert_no_error (error);
  g_assert_cmpfloat (render (receipt, RG_RECEIPT_ROLL_WIDTH, &roll, "receipt-roll"), >, 0.01);
  g_assert_cmpfloat (render (receipt, RG_RECEIPT_A5_WIDTH, &page, "receipt-a5"), >, 0.01);
  g_assert_cmpfloat (render (refund, RG_RECEIPT_ROLL_WIDTH, &shrunk, "refund-roll"), >, 0.01);

  english_name = receipt->lines[0].name;
  english_client = receipt->client;
  english_master = receipt->lines[0].master;
  receipt->lines[0].name = g_strdup ("Окрашивание волос в сложной технике с тонированием и уходом по всей длине");
  receipt->lines[0].master = g_strdup ("Маргарита Константиновна Преображенская");
  receipt->client = g_strdup ("Александра Владимировна Петропавловская-Достоевская");
  g_free (receipt->studio_address);
  receipt->studio_address = g_strdup ("Санкт-Петербург, Большая Конюшенная улица, дом 27, студия красоты «Бархат»");
  g_assert_cmpfloat (render (receipt, RG_RECEIPT_ROLL_WIDTH, &long_roll, "receipt-roll-ru"), >, 0.01);
  g_assert_cmpfloat (render (receipt, RG_RECEIPT_A5_WIDTH, &long_page, "receipt-a5-ru"), >, 0.01);
  g_assert_cmpfloat (long_roll, >, roll + 20);
  g_assert_cmpfloat (long_page, >, page + 10);

  /* On a page too short for it, it is shrunk to fit: nothing drawn below. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
    cairo_t *cr = cairo_create (surface);
    guint32 *last;

    cairo_set_source_rgb (cr, 1, 0, 0);
    cairo_paint (cr);
    rg_receipt_draw (cr, receipt, 100, 50);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    /* The page itself is white, below it the red is left. */
    last = (guint32 *) (void *) (cairo_image_surface_get_data (surface) + 49 * cairo_image_surface_get_stride (surface));
    g_assert_cmphex (last[0] & 0xffffff, ==, 0xffffff);
    last = (guint32 *) (void *) (cairo_image_surface_get_data (surface) + 60 * cairo_image_surface_get_stride (surface));
    g_assert_cmphex (last[50] & 0xffffff, ==, 0xff0000);
    cairo_surface_destroy (surface);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* With shots asked for, the drawings in the language of the
   * environment (LANGUAGE=ru); the assertions read English otherwise. */
  if (g_getenv ("REGULARS_TEST_SHOTS"))
    setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/receipt/names", test_names);
  g_test_add ("/receipt/read/sale", Fixture, NULL, fixture_set_up, test_read_sale, fixture_tear_down);
  g_test_add ("/receipt/read/refund", Fixture, NULL, fixture_set_up, test_read_refund, fixture_tear_down);
  g_test_add ("/receipt/read/other", Fixture, NULL, fixture_set_up, test_read_other, fixture_tear_down);
  g_test_add ("/receipt/client-sales", Fixture, NULL, fixture_set_up, test_client_sales, fixture_tear_down);
  g_test_add ("/receipt/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/receipt/drawing", Fixture, NULL, fixture_set_up, test_drawing, fixture_tear_down);
  return g_test_run ();
}
