/* test-prepaid-lists.c — the studio's list of gift certificates (balance,
 * state, the search by number), Today's subscriptions (running out soon,
 * expired unused), and a certificate drawn: a PDF page and an image.
 *
 * The ledgers are written here with SQL as the till writes them (the
 * till's commands are tested on their own), each balance counted by hand.
 * With REGULARS_TEST_SHOTS set, the drawings are saved there to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "model/rg-booking.h"
#include "model/rg-format.h"
#include "model/rg-prepaid-lists.h"
#include "model/rg-prepaid.h"
#include "model/rg-sale.h"
#include "report/rg-certificate-draw.h"
#include "test-util.h"

/* 7 December 2026, 14:30 UTC */
#define NOW  G_GINT64_CONSTANT (1796653800)
#define DAY  G_GINT64_CONSTANT (86400)

enum { MANICURE = 21 };

typedef struct {
  char     *dir;
  RgStudio *studio;
  RgStore  *store;
  gint64    anna;
  gint64    boris;
  gint64    carol;
} Fixture;

static void
add_certificate (Fixture    *f,
                 gint64      id,
                 const char *number,
                 gint64      amount,
                 gint64      service_id,
                 gint64      buyer_id,
                 gint64      sold_at,
                 gint64      expires_at,
                 gint64      spent)
{
  test_sql_run (f->store,
                "INSERT INTO certificates (id, number, amount, service_id, buyer_id, sold_at, expires_at,"
                " created_at, updated_at) VALUES (?1, ?2, ?3, nullif (?4, 0), nullif (?5, 0), ?6, ?7, ?6, ?6)",
                "itiiiii", id, number, amount, service_id, buyer_id, sold_at, expires_at);
  test_sql_run (f->store,
                "INSERT INTO certificate_moves (certificate_id, amount, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, ?2, 'sold', ?3, ?3, ?3)", "iii", id, amount, sold_at);
  if (spent)
    test_sql_run (f->store,
                  "INSERT INTO certificate_moves (certificate_id, amount, reason, occurred_at, created_at, updated_at)"
                  " VALUES (?1, ?2, 'redeemed', ?3, ?3, ?3)", "iii", id, -spent, sold_at + DAY);
}

/* A subscription of @visits with @used of them used; @expires_at 0: from
 * its first use, not used yet. */
static void
add_subscription (Fixture    *f,
                  gint64      id,
                  gint64      client_id,
                  const char *name,
                  gint64      visits,
                  gint64      used,
                  gint64      expires_at)
{
  test_sql_run (f->store,
                "INSERT INTO subscriptions (id, name, client_id, visits, price, valid_days, from_first_use, sold_at,"
                " expires_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 1000000, 90, ?5 = 0, ?6, nullif (?5, 0),"
                " ?6, ?6)",
                "itiiii", id, name, client_id, visits, expires_at, NOW - 60 * DAY);
  test_sql_run (f->store,
                "INSERT INTO subscription_moves (subscription_id, visits, reason, occurred_at, created_at, updated_at)"
                " VALUES (?1, ?2, 'sold', ?3, ?3, ?3)", "iii", id, visits, NOW - 60 * DAY);
  for (gint64 i = 0; i < used; i++)
    test_sql_run (f->store,
                  "INSERT INTO subscription_moves (subscription_id, visits, reason, occurred_at, created_at, updated_at)"
                  " VALUES (?1, -1, 'use', ?2, ?2, ?2)", "ii", id, NOW - (50 - i) * DAY);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RgClient) anna = NULL;
  g_autoptr(RgClient) boris = NULL;
  g_autoptr(RgClient) carol = NULL;
  g_autoptr(GArray) cancelled = NULL;

  f->dir = g_dir_make_tmp ("regulars-prepaid-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = rg_studio_open (path, RG_STUDIO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->store = rg_studio_get_store (f->studio);

  anna = test_add_client (f->studio, "Anna", "+44 7700 900001");
  boris = test_add_client (f->studio, "Boris", "+44 7700 900002");
  carol = test_add_client (f->studio, "Carol", "+44 7700 900003");
  f->anna = rg_record_get_id (RG_RECORD (anna));
  f->boris = rg_record_get_id (RG_RECORD (boris));
  f->carol = rg_record_get_id (RG_RECORD (carol));

  g_assert_true (rg_store_begin (f->store, &error));
  test_sql_run (f->store,
                "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at)"
                " VALUES (?1, 'Manicure', 60, 250000, 0, 0)", "i", (gint64) MANICURE);

  /* 5,000 bought by Anna 10 days ago, 2,000 of it spent: 3,000 left. */
  add_certificate (f, 101, "GC-000101", 500000, 0, f->anna, NOW - 10 * DAY, NOW + 355 * DAY, 200000);
  /* A manicure, bought over a year ago, never used: expired 35 days ago. */
  add_certificate (f, 102, "GC-000102", 250000, MANICURE, f->boris, NOW - 400 * DAY, NOW - 35 * DAY, 0);
  /* 1,000 bought without a card five days ago, all spent. */
  add_certificate (f, 123, "GC-000123", 100000, 0, 0, NOW - 5 * DAY, NOW + 360 * DAY, 100000);
  /* Expiring this very second: expiry is exclusive, so expired. */
  add_certificate (f, 124, "gc 000 124", 30000, 0, 0, NOW - 365 * DAY, NOW, 0);

  add_subscription (f, 1, f->boris, "10 visits", 10, 7, NOW + 3 * DAY);      /* 3 left, in 3 days */
  add_subscription (f, 2, f->anna, "Manicure × 5", 5, 0, NOW + 20 * DAY);    /* beyond the 7 days */
  add_subscription (f, 3, f->anna, "Pedicure × 4", 4, 2, NOW - 10 * DAY);    /* expired unused, 2 left */
  add_subscription (f, 4, f->anna, "Old one", 4, 2, NOW - 40 * DAY);         /* expired too long ago */
  add_subscription (f, 5, f->boris, "Used up", 3, 3, NOW + DAY);             /* nothing left */
  add_subscription (f, 6, f->boris, "From first use", 3, 0, 0);              /* cannot run out */
  add_subscription (f, 7, f->carol, "Deleted client's", 4, 0, NOW + 2 * DAY);
  add_subscription (f, 8, f->anna, "Brows × 3", 3, 2, NOW - 2 * DAY);        /* expired 2 days ago, 1 left */
  add_subscription (f, 9, f->boris, "Last hour", 2, 1, NOW + 3600);          /* runs out within the hour */
  add_subscription (f, 10, f->anna, "At the edge", 2, 0, NOW + 7 * DAY);     /* exclusive: just outside 7 days */
  g_assert_true (rg_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_true (rg_booking_delete_client (f->studio, carol, NOW, &cancelled, &error));
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

static const RgCertificateEntry *
certificate (GArray *list,
             guint   i)
{
  g_assert_cmpuint (i, <, list->len);
  return &g_array_index (list, RgCertificateEntry, i);
}

/* Every certificate, newest first, each balance the sum of its ledger and
 * its state at the time asked. */
static void
test_certificates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) list = rg_studio_list_certificates (f->studio, NULL, NOW, &error);
  const RgCertificateEntry *c;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);

  c = certificate (list, 0);
  g_assert_cmpstr (c->number, ==, "GC-000123");
  g_assert_cmpint (c->amount, ==, 100000);
  g_assert_cmpint (c->balance, ==, 0);
  g_assert_cmpint (c->state, ==, RG_CERTIFICATE_USED);
  g_assert_cmpint (c->buyer_id, ==, 0);
  g_assert_null (c->buyer);
  g_assert_null (c->service);

  c = certificate (list, 1);
  g_assert_cmpint (c->id, ==, 101);
  g_assert_cmpstr (c->number, ==, "GC-000101");
  g_assert_cmpint (c->balance, ==, 300000);
  g_assert_cmpint (c->state, ==, RG_CERTIFICATE_ACTIVE);
  g_assert_cmpint (c->buyer_id, ==, f->anna);
  g_assert_cmpstr (c->buyer, ==, "Anna");
  g_assert_cmpint (c->sold_at, ==, NOW - 10 * DAY);
  g_assert_cmpint (c->expires_at, ==, NOW + 355 * DAY);

  c = certificate (list, 3);
  g_assert_cmpstr (c->number, ==, "GC-000102");
  g_assert_cmpint (c->service_id, ==, MANICURE);
  g_assert_cmpstr (c->service, ==, "Manicure");
  g_assert_cmpint (c->balance, ==, 250000);
  g_assert_cmpint (c->state, ==, RG_CERTIFICATE_EXPIRED);
  g_assert_cmpstr (c->buyer, ==, "Boris");

  c = certificate (list, 2);
  g_assert_cmpstr (c->number, ==, "gc 000 124");
  g_assert_cmpint (c->state, ==, RG_CERTIFICATE_EXPIRED);

  /* A second earlier it was still good. */
  g_clear_pointer (&list, g_array_unref);
  list = rg_studio_list_certificates (f->studio, "", NOW - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (certificate (list, 2)->state, ==, RG_CERTIFICATE_ACTIVE);

  g_assert_cmpstr (rg_certificate_state_to_string (RG_CERTIFICATE_ACTIVE), ==, "Active");
  g_assert_cmpstr (rg_certificate_state_to_string (RG_CERTIFICATE_USED), ==, "Used");
  g_assert_cmpstr (rg_certificate_state_to_string (RG_CERTIFICATE_EXPIRED), ==, "Expired");
}

/* The numbers that contain what was typed, spaces, dashes and case aside. */
static void
test_certificate_search (Fixture       *f,
                         gconstpointer  data)
{
  const struct {
    const char *typed;
    const char *found[5];
  } cases[] = {
    { "123", { "GC-000123" } },
    { "gc-000102", { "GC-000102" } },
    { "c 0001 0 1", { "GC-000101" } },
    { "GC000124", { "gc 000 124" } },          /* stored with spaces */
    { "0001", { "GC-000123", "GC-000101", "gc 000 124", "GC-000102" } },
    { "  ", { "GC-000123", "GC-000101", "gc 000 124", "GC-000102" } },  /* nothing typed: all */
    { "999", { NULL } },
    { "%", { "GC-000123", "GC-000101", "gc 000 124", "GC-000102" } },   /* no letters or digits: all */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) list = rg_studio_list_certificates (f->studio, cases[i].typed, NOW, &error);
      guint n = 0;

      g_assert_no_error (error);
      while (n < G_N_ELEMENTS (cases[i].found) && cases[i].found[n])
        n++;
      g_test_message ("searching “%s”", cases[i].typed);
      g_assert_cmpuint (list->len, ==, n);
      for (guint j = 0; j < n; j++)
        g_assert_cmpstr (certificate (list, j)->number, ==, cases[i].found[j]);
    }
}

/* Running out within the studio's days with visits left, soonest first;
 * then expired unused within 30 days, latest first. */
static void
test_subscription_alerts (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) list = rg_studio_list_subscription_alerts (f->studio, NOW, 7, &error);
  const gint64 expected[] = { 9, 1, 8, 3 };
  const RgSubscriptionAlert *a;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (g_array_index (list, RgSubscriptionAlert, i).id, ==, expected[i]);

  a = &g_array_index (list, RgSubscriptionAlert, 1);
  g_assert_cmpint (a->client_id, ==, f->boris);
  g_assert_cmpstr (a->client, ==, "Boris");
  g_assert_cmpstr (a->name, ==, "10 visits");
  g_assert_cmpint (a->visits, ==, 10);
  g_assert_cmpint (a->remaining, ==, 3);
  g_assert_cmpint (a->expires_at, ==, NOW + 3 * DAY);
  g_assert_false (a->expired);

  a = &g_array_index (list, RgSubscriptionAlert, 3);
  g_assert_cmpstr (a->name, ==, "Pedicure × 4");
  g_assert_cmpint (a->remaining, ==, 2);
  g_assert_true (a->expired);

  /* Thirty days ahead: the one in 20 days and the one at 7 join. */
  g_clear_pointer (&list, g_array_unref);
  list = rg_studio_list_subscription_alerts (f->studio, NOW, 30, &error);
  g_assert_no_error (error);
  {
    const gint64 wider[] = { 9, 1, 10, 2, 8, 3 };

    g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (wider));
    for (guint i = 0; i < list->len; i++)
      g_assert_cmpint (g_array_index (list, RgSubscriptionAlert, i).id, ==, wider[i]);
  }

  /* Zero days: only those that expired. */
  g_clear_pointer (&list, g_array_unref);
  list = rg_studio_list_subscription_alerts (f->studio, NOW, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (g_array_index (list, RgSubscriptionAlert, 0).expired);
  g_assert_true (g_array_index (list, RgSubscriptionAlert, 1).expired);

  /* Once the last visit is used, it leaves the list. */
  test_sql_run (f->store,
                "INSERT INTO subscription_moves (subscription_id, visits, reason, occurred_at, created_at, updated_at)"
                " VALUES (9, -1, 'use', ?1, ?1, ?1)", "i", NOW);
  g_clear_pointer (&list, g_array_unref);
  list = rg_studio_list_subscription_alerts (f->studio, NOW, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (g_array_index (list, RgSubscriptionAlert, 0).id, ==, 1);
}

/* Through the till's own commands: a subscription kind sold, valid five
 * days from the sale, shows in Today's list for seven days and not for
 * three; a certificate sold in cash is active at its full amount, pays
 * 1,000.00 of a pedicure (2,000.00 left), and has it back when the sale
 * is refunded. */
static void
test_through_the_till (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-prepaid-till-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgStudio) studio = rg_studio_open (path, RG_STUDIO_OPEN_DEFAULT, &error);
  g_autoptr(RgClient) dana = NULL;
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) alerts = NULL;
  g_autoptr(GArray) list = NULL;
  RgSubscriptionKind kind = { 0 };
  const gint64 pedicure = 22;
  gint64 client, sale = 0, refund = 0, gift, now;

  g_assert_no_error (error);
  dana = test_add_client (studio, "Dana", "+44 7700 900004");
  client = rg_record_get_id (RG_RECORD (dana));
  test_sql_run (rg_studio_get_store (studio),
                "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at)"
                " VALUES (?1, 'Pedicure', 60, 250000, 0, 0)", "i", pedicure);
  g_array_append_val (services, pedicure);
  kind.name = (char *) "Pedicure × 4";
  kind.visits = 4;
  kind.valid_days = 5;
  kind.price = 400000;
  kind.service_ids = services;
  g_assert_true (rg_studio_save_subscription_kind (studio, &kind, &error));
  g_assert_no_error (error);

  {
    g_autoptr(RgSaleDraft) draft = rg_sale_draft_new (client, 0);

    rg_sale_draft_add_line (draft, RG_SALE_LINE_SUBSCRIPTION, kind.id, 0, 1, -1);
    rg_sale_draft_add_payment (draft, RG_PAYMENT_CARD, 400000);
    g_assert_true (rg_studio_check_out (studio, draft, &sale, &error));
    g_assert_no_error (error);
  }
  now = rg_store_now ();
  alerts = rg_studio_list_subscription_alerts (studio, now, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  g_assert_cmpstr (g_array_index (alerts, RgSubscriptionAlert, 0).name, ==, "Pedicure × 4");
  g_assert_cmpstr (g_array_index (alerts, RgSubscriptionAlert, 0).client, ==, "Dana");
  g_assert_cmpint (g_array_index (alerts, RgSubscriptionAlert, 0).remaining, ==, 4);
  g_assert_false (g_array_index (alerts, RgSubscriptionAlert, 0).expired);
  g_clear_pointer (&alerts, g_array_unref);
  alerts = rg_studio_list_subscription_alerts (studio, now, 3, &error);
  g_assert_cmpuint (alerts->len, ==, 0);

  {
    g_autoptr(RgSaleDraft) draft = rg_sale_draft_new (client, 0);

    rg_sale_draft_add_line (draft, RG_SALE_LINE_CERTIFICATE, 0, 0, 1, 300000);
    rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 300000);
    g_assert_true (rg_studio_check_out (studio, draft, &sale, &error));
    g_assert_no_error (error);
  }
  list = rg_studio_list_certificates (studio, NULL, rg_store_now (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_nonnull (certificate (list, 0)->number);
  g_assert_cmpint (certificate (list, 0)->amount, ==, 300000);
  g_assert_cmpint (certificate (list, 0)->balance, ==, 300000);
  g_assert_cmpint (certificate (list, 0)->buyer_id, ==, client);
  g_assert_cmpint (certificate (list, 0)->state, ==, RG_CERTIFICATE_ACTIVE);
  g_assert_cmpint (certificate (list, 0)->expires_at, >, rg_store_now ());
  gift = certificate (list, 0)->id;

  {
    g_autoptr(RgSaleDraft) draft = rg_sale_draft_new (client, 0);

    rg_sale_draft_add_line (draft, RG_SALE_LINE_SERVICE, pedicure, 0, 1, -1);
    rg_sale_draft_add_instrument (draft, RG_PAYMENT_CERTIFICATE, 100000, gift, -1);
    rg_sale_draft_add_payment (draft, RG_PAYMENT_CASH, 150000);
    g_assert_true (rg_studio_check_out (studio, draft, &sale, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&list, g_array_unref);
  list = rg_studio_list_certificates (studio, "", rg_store_now (), &error);
  g_assert_cmpint (certificate (list, 0)->balance, ==, 200000);

  g_assert_true (rg_studio_refund (studio, sale, NULL, 0, "Changed her mind", RG_PAYMENT_CASH, FALSE, &refund, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_array_unref);
  list = rg_studio_list_certificates (studio, "", rg_store_now (), &error);
  g_assert_cmpint (certificate (list, 0)->balance, ==, 300000);
  g_assert_cmpint (certificate (list, 0)->state, ==, RG_CERTIFICATE_ACTIVE);

  g_clear_object (&studio);
  test_remove_tree (dir);
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
  {
    const char *with_layout[] = { program, "-layout", pdf, "-", NULL };
    const char *plain[] = { program, pdf, NULL };

    g_spawn_sync (NULL, (char **) (g_str_equal (tool, "pdftotext") ? with_layout : plain), NULL,
                  G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The certificate as a PDF: one A5 page on its side, with the studio's
 * name, the words, the number, what it is worth and its last day. */
static void
test_certificate_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-certificate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "certificate.pdf", NULL);
  g_autofree char *service_path = g_build_filename (dir, "service.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "no such folder", "certificate.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *amount = NULL;
  gsize length = 0;
  RgCertificatePrint print = { "Velvet", "GC-000101", 500000, NULL, NOW + 355 * DAY };
  RgCertificatePrint service = { "Velvet", "GC-000102", 250000, "Manicure", NOW + 30 * DAY };

  rg_format_set_currency ("GBP");
  amount = rg_format_price (500000);
  g_assert_no_error (error);
  g_assert_true (rg_certificate_write_pdf (&print, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &length, &error));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  if (g_getenv ("REGULARS_TEST_SHOTS"))
    {
      g_autofree char *copy = g_build_filename (g_getenv ("REGULARS_TEST_SHOTS"), "certificate.pdf", NULL);

      g_assert_true (g_file_set_contents (copy, bytes, length, NULL));
    }

  g_assert_false (rg_certificate_write_pdf (&print, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "certificate.pdf"));
  g_clear_error (&error);

  g_assert_true (rg_certificate_write_pdf (&service, service_path, &error));
  g_assert_no_error (error);

  info = poppler ("pdfinfo", path);
  text = poppler ("pdftotext", path);
  if (info == NULL || text == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed to read the PDF back");
      test_remove_tree (dir);
      return;
    }
  g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Page size: +595.28 x 419.53 pts", info, G_REGEX_MULTILINE, 0));
  g_assert_cmpstr (amount, ==, "£5,000");
  g_assert_nonnull (strstr (text, "Velvet"));
  g_assert_nonnull (strstr (text, "Gift certificate"));
  g_assert_nonnull (strstr (text, "No. GC-000101"));
  g_assert_nonnull (strstr (text, amount));
  /* Expiry is exclusive: valid through the day before. */
  g_assert_nonnull (strstr (text, "Valid through 27 November 2027"));
  g_assert_null (strstr (text, "For:"));

  g_clear_pointer (&text, g_free);
  text = poppler ("pdftotext", service_path);
  g_assert_nonnull (strstr (text, "For: Manicure"));
  g_assert_nonnull (strstr (text, "No. GC-000102"));
  g_assert_null (strstr (text, "£2,500"));
  test_remove_tree (dir);
}

/* Drawn on a portrait page (A4, as a printer hands it) the certificate
 * keeps its A5 size in the middle; drawn smaller, it shrinks to fit: ink
 * in the middle, none near the edges of the larger page. */
static void
test_certificate_image (void)
{
  RgCertificatePrint print = { "Бархат", "GC-000777", 300000, NULL, NOW + 100 * DAY };
  const int width = 595, height = 842;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;
  guint inked_middle = 0, inked_edges = 0;

  rg_certificate_draw (cr, &print, width, height);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;

        if (pixel == 0xffffff)
          continue;
        if (y > (height - 420) / 2 && y < (height + 420) / 2)
          inked_middle++;
        else
          inked_edges++;
      }
  if (g_getenv ("REGULARS_TEST_SHOTS"))
    {
      g_autofree char *png = g_build_filename (g_getenv ("REGULARS_TEST_SHOTS"), "certificate-a4.png", NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
    }
  g_assert_cmpuint (inked_middle, >, 5000);
  g_assert_cmpuint (inked_edges, ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/prepaid-lists/certificates", Fixture, NULL, fixture_set_up, test_certificates, fixture_tear_down);
  g_test_add ("/prepaid-lists/certificate-search", Fixture, NULL, fixture_set_up, test_certificate_search,
              fixture_tear_down);
  g_test_add ("/prepaid-lists/subscription-alerts", Fixture, NULL, fixture_set_up, test_subscription_alerts,
              fixture_tear_down);
  g_test_add_func ("/prepaid-lists/through-the-till", test_through_the_till);
  g_test_add_func ("/prepaid-lists/certificate-pdf", test_certificate_pdf);
  g_test_add_func ("/prepaid-lists/certificate-image", test_certificate_image);
  return g_test_run ();
}
