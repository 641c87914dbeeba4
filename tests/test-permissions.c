/* test-permissions.c — the permission check inside the model's commands:
 * a studio with a director, an administrator and two masters, each
 * driving the real commands (booking in their own and another's column,
 * editing their own and another's client, the till, refunds, merges,
 * the studio's settings); a refusal writes nothing but its line in the
 * audit log. Discounts above a role's limit need a director's approval;
 * a master sees other masters' clients' phones masked through every
 * getter, list and search, and cannot find them by phone.
 *
 * The profiles have no PIN (as the demo's director): Argon2 would cost a
 * third of a second per PIN and proves nothing here (test-roles checks
 * PINs); sessions are opened with rg_studio_sign_in_trusted.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "analytics/rg-call-list.h"
#include "analytics/rg-retention.h"
#include "model/rg-audit.h"
#include "model/rg-backup.h"
#include "model/rg-booking.h"
#include "model/rg-call.h"
#include "model/rg-client-list.h"
#include "model/rg-client-merge.h"
#include "model/rg-client-reads.h"
#include "model/rg-condition.h"
#include "model/rg-interaction.h"
#include "model/rg-permissions.h"
#include "model/rg-roles.h"
#include "model/rg-sale.h"
#include "model/rg-service.h"
#include "model/rg-studio-settings.h"
#include "test-util.h"
#include "util/rg-time.h"

enum { DIRECTOR = 21, ADMIN = 22, MASTER = 23, OTHER_MASTER = 24,
       OWN_CLIENT = 11, OTHER_CLIENT = 12, SERVICE = 31,
       OWN_VISIT = 51, OTHER_VISIT = 52 };

#define OTHER_PHONE "+7 912 555-00-01"
#define OTHER_MASKED "+7 9\u2022\u2022 \u2022\u2022\u2022-\u2022\u2022-01"

typedef struct {
  RgStore  *store;
  RgStudio *studio;
  gint64    tomorrow;   /* 10:00 tomorrow */
} Fixture;

static gint64
count (Fixture    *f,
       const char *sql,
       gint64      arg)
{
  return test_sql_int (f->store, sql, arg);
}

static gint64
refusals (Fixture *f)
{
  return count (f, "SELECT count (*) FROM audit_log WHERE action = 'refused'", 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  f->store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);
  f->tomorrow = rg_time_from_local (rg_date_add_days (rg_date_today (), 1), 10 * 60);
  sql = g_strdup_printf (
    "INSERT INTO staff (id, display_name, color, created_at, updated_at) VALUES "
    " (21, 'Irina', '#3584e4', 1, 1), (22, 'Olga', '#e66100', 1, 1), (23, 'Marina', '#2ec27e', 1, 1),"
    " (24, 'Sveta', '#9141ac', 1, 1);"
    "INSERT INTO services (id, name, duration_minutes, price, created_at, updated_at) VALUES "
    " (31, 'Manicure', 60, 150000, 1, 1);"
    "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, email, created_at, updated_at) VALUES "
    " (11, 'Anna', 'anna', '+7 912 555-00-00', '79125550000', 'anna@mail.ru', 1, 1),"
    " (12, 'Bella', 'bella', '" OTHER_PHONE "', '79125550001', 'bella@mail.ru', 1, 1);"
    "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, created_at, updated_at) "
    " VALUES (51, 11, 23, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'booked', 150000, 1, 1),"
    "        (52, 12, 24, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'booked', 150000, 1, 1);"
    /* No PINs: see the top. */
    "INSERT INTO profiles (staff_id, role, created_at, updated_at) VALUES "
    " (21, 'director', 1, 1), (22, 'administrator', 1, 1), (23, 'master', 1, 1), (24, 'master', 1, 1);",
    f->tomorrow, f->tomorrow + 3600, f->tomorrow, f->tomorrow + 3600);
  rg_store_exec (f->store, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->studio);
  g_assert_finalize_object (f->store);
}

static void
sign_in (Fixture *f,
         gint64   staff_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_studio_sign_in_trusted (f->studio, staff_id, &error));
  g_assert_no_error (error);
}

/* A refusal: DENIED, and one more "refused" line in the log. */
#define assert_refused(f, before, error) G_STMT_START {                         \
    g_assert_error ((error), RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);           \
    g_assert_cmpint (refusals (f), ==, (before) + 1);                           \
    g_clear_error (&(error));                                                   \
  } G_STMT_END

static RgBookingDraft *
draft_in (Fixture *f,
          gint64   staff_id,
          gint64   client_id,
          gint64   starts_at)
{
  RgBookingDraft *draft = rg_booking_draft_new ();

  draft->client_id = client_id;
  draft->staff_id = staff_id;
  draft->starts_at = starts_at;
  rg_booking_draft_add_service (draft, SERVICE, 60, 150000);
  return draft;
}

/* Booking ------------------------------------------------------------------------ */

static void
test_booking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) other = NULL;
  g_autoptr(RgAppointment) own = NULL;
  gint64 before, n;

  sign_in (f, MASTER);
  n = count (f, "SELECT count (*) FROM appointments", 0);

  /* Their own column. */
  {
    g_autoptr(RgBookingDraft) draft = draft_in (f, MASTER, OWN_CLIENT, f->tomorrow + 4 * 3600);
    g_autoptr(RgAppointment) saved = rg_booking_save (f->studio, draft, &error);

    g_assert_no_error (error);
    g_assert_nonnull (saved);
    g_assert_cmpint (count (f, "SELECT count (*) FROM appointments", 0), ==, n + 1);
  }

  /* Another master's column: refused, nothing written. */
  {
    g_autoptr(RgBookingDraft) draft = draft_in (f, OTHER_MASTER, OWN_CLIENT, f->tomorrow + 6 * 3600);

    before = refusals (f);
    g_assert_null (rg_booking_save (f->studio, draft, &error));
    assert_refused (f, before, error);
    g_assert_cmpint (count (f, "SELECT count (*) FROM appointments", 0), ==, n + 1);
  }

  /* Moving their own booking into another's column: refused (the new
   * column); another's booking into theirs: refused (the old one). */
  own = rg_studio_lookup (f->studio, RG_TYPE_APPOINTMENT, OWN_VISIT, &error);
  other = rg_studio_lookup (f->studio, RG_TYPE_APPOINTMENT, OTHER_VISIT, &error);
  g_assert_no_error (error);
  before = refusals (f);
  g_assert_false (rg_booking_move (f->studio, own, OTHER_MASTER, f->tomorrow + 8 * 3600, 0, &error));
  assert_refused (f, before, error);
  g_assert_cmpint (count (f, "SELECT staff_id FROM appointments WHERE id = ?1", OWN_VISIT), ==, MASTER);
  g_assert_false (rg_booking_move (f->studio, other, MASTER, f->tomorrow + 8 * 3600, 0, &error));
  assert_refused (f, before + 1, error);
  g_assert_cmpint (count (f, "SELECT staff_id FROM appointments WHERE id = ?1", OTHER_VISIT), ==, OTHER_MASTER);

  /* The status of another's booking; cancelling it. */
  g_assert_false (rg_booking_set_status (f->studio, other, RG_APPOINTMENT_CONFIRMED, &error));
  assert_refused (f, before + 2, error);
  g_assert_false (rg_booking_cancel_following (f->studio, other, NULL, &error));
  assert_refused (f, before + 3, error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM appointments WHERE id = ?1 AND status = 'booked'", OTHER_VISIT), ==, 1);

  /* Their own: allowed. */
  g_assert_true (rg_booking_set_status (f->studio, own, RG_APPOINTMENT_CONFIRMED, &error));
  g_assert_no_error (error);
  g_assert_true (rg_booking_move (f->studio, own, 0, f->tomorrow + 2 * 3600, 0, &error));
  g_assert_no_error (error);

  /* Saved as a record (the generic door): the same rule. */
  g_object_set (other, "note", "moved by hand", NULL);
  g_assert_false (rg_studio_save (f->studio, other, &error));
  assert_refused (f, before + 4, error);

  /* An administrator books in every column. */
  sign_in (f, ADMIN);
  g_assert_true (rg_booking_move (f->studio, other, 0, f->tomorrow + 8 * 3600, 0, &error));
  g_assert_no_error (error);
  g_assert_true (rg_booking_set_status (f->studio, other, RG_APPOINTMENT_CONFIRMED, &error));
  g_assert_no_error (error);

  /* Nobody signed in: nothing. */
  rg_studio_sign_out (f->studio);
  before = refusals (f);
  g_assert_false (rg_booking_set_status (f->studio, own, RG_APPOINTMENT_ARRIVED, &error));
  assert_refused (f, before, error);
}

/* Clients -------------------------------------------------------------------------- */

static void
test_clients (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) own = NULL;
  g_autoptr(RgClient) other = NULL;
  g_autoptr(RgClient) fresh = rg_client_new ("Vera", "+7 912 555-00-09");
  g_autoptr(RgInteraction) note = rg_interaction_new (OTHER_CLIENT, RG_INTERACTION_NOTE, "Likes red");
  const char *tags[] = { "VIP", NULL };
  gint64 before;

  own = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, OWN_CLIENT, &error);
  other = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, OTHER_CLIENT, &error);
  g_assert_no_error (error);

  sign_in (f, MASTER);
  rg_client_set_full_name (own, "Anna Smirnova");
  g_assert_true (rg_studio_save (f->studio, own, &error));
  g_assert_no_error (error);

  /* Another master's client: the card, its tags, its medical marks, a
   * note, its deletion: all refused, nothing written. */
  before = refusals (f);
  rg_client_set_full_name (other, "Bella Petrova");
  g_assert_false (rg_studio_save (f->studio, other, &error));
  assert_refused (f, before, error);
  g_assert_cmpint (count (f, "SELECT full_name IS NULL FROM clients WHERE id = ?1", OTHER_CLIENT), ==, 1);
  g_assert_false (rg_studio_set_client_tags (f->studio, OTHER_CLIENT, tags, &error));
  assert_refused (f, before + 1, error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM client_tags", 0), ==, 0);
  g_assert_false (rg_client_conditions_set (f->studio, OTHER_CLIENT, 1, TRUE, &error));
  assert_refused (f, before + 2, error);
  g_assert_false (rg_studio_save (f->studio, note, &error));
  assert_refused (f, before + 3, error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM interactions", 0), ==, 0);
  g_assert_false (rg_booking_delete_client (f->studio, other, 0, NULL, &error));
  assert_refused (f, before + 4, error);
  g_assert_cmpint (count (f, "SELECT deleted_at IS NULL FROM clients WHERE id = ?1", OTHER_CLIENT), ==, 1);

  /* A new client is allowed to a master. */
  g_assert_true (rg_studio_save (f->studio, fresh, &error));
  g_assert_no_error (error);

  /* The studio's settings are not a master's, nor an administrator's. */
  before = refusals (f);
  g_assert_false (rg_studio_set_number (f->studio, RG_STUDIO_DISCOUNT_CAP, 5000, &error));
  assert_refused (f, before, error);
  sign_in (f, ADMIN);
  {
    g_autoptr(RgService) service = rg_service_new ("Pedicure", 60, 200000);

    g_assert_false (rg_studio_save (f->studio, service, &error));
    assert_refused (f, before + 1, error);
    g_assert_cmpint (count (f, "SELECT count (*) FROM services", 0), ==, 1);
  }

  /* The administrator edits every client. */
  g_assert_true (rg_studio_save (f->studio, other, &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_set_client_tags (f->studio, OTHER_CLIENT, tags, &error));
  g_assert_no_error (error);

  /* The director changes the settings. */
  sign_in (f, DIRECTOR);
  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_DISCOUNT_CAP, 5000, &error));
  g_assert_no_error (error);
}

/* Money ---------------------------------------------------------------------------- */

static RgSaleDraft *
sale_of (gint64 price,
         int    one_off)
{
  RgSaleDraft *draft = rg_sale_draft_new (OWN_CLIENT, 0);
  RgSaleLineDraft *line;

  rg_sale_draft_add_line (draft, RG_SALE_LINE_SERVICE, SERVICE, MASTER, 1, price);
  line = rg_sale_draft_get_line (draft, 0);
  line->one_off = one_off;
  if (one_off)
    line->one_off_reason = g_strdup ("a regular");
  rg_sale_draft_add_payment (draft, RG_PAYMENT_CARD, price - price * one_off / 10000);
  return draft;
}

static void
test_money (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) draft = sale_of (100000, 0);
  gint64 sale_id = 0, refund_id = 0, before;

  /* A master does not take money nor give it back. */
  sign_in (f, MASTER);
  before = refusals (f);
  g_assert_false (rg_studio_check_out (f->studio, draft, &sale_id, &error));
  assert_refused (f, before, error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM sales", 0), ==, 0);

  sign_in (f, ADMIN);
  g_assert_true (rg_studio_check_out (f->studio, draft, &sale_id, &error));
  g_assert_no_error (error);

  sign_in (f, MASTER);
  g_assert_false (rg_studio_refund (f->studio, sale_id, NULL, 0, "changed her mind", RG_PAYMENT_CARD, FALSE,
                                    &refund_id, &error));
  assert_refused (f, before + 1, error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM sales", 0), ==, 1);

  /* Every refund is in the log (the threshold is 0 by default). */
  sign_in (f, ADMIN);
  g_assert_true (rg_studio_refund (f->studio, sale_id, NULL, 0, "changed her mind", RG_PAYMENT_CARD, FALSE,
                                   &refund_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'refund' AND what = 'sales'"
                             " AND detail LIKE '%amount 100000%' AND staff_id = ?1", ADMIN), ==, 1);

  /* Above a threshold only. */
  sign_in (f, DIRECTOR);
  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_AUDIT_REFUND, 200000, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RgSaleDraft) small = sale_of (100000, 0);

    g_assert_true (rg_studio_check_out (f->studio, small, &sale_id, &error));
    g_assert_true (rg_studio_refund (f->studio, sale_id, NULL, 0, "broken nail", RG_PAYMENT_CARD, FALSE,
                                     &refund_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'refund'", 0), ==, 1);
  }
}

static void
test_discount (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSaleDraft) big = sale_of (100000, 1500);
  g_autoptr(RgSaleDraft) small = sale_of (100000, 500);
  g_autofree char *why = NULL;
  gint64 sale_id = 0;

  sign_in (f, ADMIN);
  g_assert_false (rg_studio_sale_needs_approval (f->studio, small, &why));
  g_assert_null (why);
  g_assert_true (rg_studio_sale_needs_approval (f->studio, big, &why));
  g_assert_nonnull (strstr (why, "15\u00a0%"));
  g_assert_nonnull (strstr (why, "up to 10\u00a0%"));

  /* Refused without an approval, nothing written. */
  g_assert_false (rg_studio_check_out (f->studio, big, &sale_id, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_assert_cmpstr (error->message, ==, why);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM sales", 0), ==, 0);

  /* Within the administrator's limit: no approval, no line in the log. */
  g_assert_true (rg_studio_check_out (f->studio, small, &sale_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action IN ('override', 'discount')", 0), ==, 0);

  /* With a director's approval: written, who approved in the log, and
   * the discount above the studio's 10 % threshold too. */
  g_assert_true (rg_studio_grant_override (f->studio, DIRECTOR, "0000", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_check_out (f->studio, big, &sale_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_studio_peek_override (f->studio), ==, 0);   /* taken */
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'override' AND staff_id = ?1"
                             " AND detail LIKE '%approved by staff 21'", ADMIN), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'discount' AND detail LIKE '%15.00%%'", 0),
                   ==, 1);
  /* The approval was for that sale only. */
  g_assert_false (rg_studio_check_out (f->studio, big, &sale_id, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&error);

  /* A director's own discount needs none. */
  sign_in (f, DIRECTOR);
  g_assert_false (rg_studio_sale_needs_approval (f->studio, big, NULL));
  g_assert_true (rg_studio_check_out (f->studio, big, &sale_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM sales", 0), ==, 3);
}

/* Merges ---------------------------------------------------------------------------- */

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) own = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, OWN_CLIENT, NULL);
  g_autoptr(RgClient) other = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, OTHER_CLIENT, NULL);
  gint64 before;

  sign_in (f, MASTER);
  before = refusals (f);
  g_assert_false (rg_client_merge (f->studio, own, other, NULL, NULL, &error));
  assert_refused (f, before, error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM clients WHERE deleted_at IS NULL", 0), ==, 2);

  sign_in (f, ADMIN);
  g_assert_true (rg_client_merge (f->studio, own, other, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Which cards, how many rows moved (the visit). */
  g_assert_cmpint (count (f, "SELECT rows FROM audit_log WHERE action = 'merge' AND detail = 'client 12 into client 11'", 0),
                   ==, 1);
}

/* Phones ----------------------------------------------------------------------------- */

static void
count_notify_cb (guint *notified)
{
  (*notified)++;
}

static void
test_masked_phones (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) own = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, OWN_CLIENT, NULL);
  g_autoptr(RgClient) other = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, OTHER_CLIENT, NULL);
  g_autoptr(RgClientList) list = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *digits = NULL;
  guint n;

  /* No session: whoever is at the machine of a studio with profiles is
   * not a master, and sees what an unscoped role sees (the lock screen
   * covers the window). */
  g_assert_cmpstr (rg_client_get_phone (other), ==, OTHER_PHONE);

  sign_in (f, MASTER);
  /* The getters, the properties. */
  g_assert_cmpstr (rg_client_get_phone (own), ==, "+7 912 555-00-00");
  g_assert_cmpstr (rg_client_get_phone (other), ==, OTHER_MASKED);
  g_assert_cmpstr (rg_client_get_email (other), ==, "b\u2022\u2022\u2022@mail.ru");
  g_assert_cmpstr (rg_client_get_phone_digits (other), ==, "");
  g_object_get (other, "phone", &phone, "email", &email, "phone-digits", &digits, NULL);
  g_assert_cmpstr (phone, ==, OTHER_MASKED);
  g_assert_cmpstr (email, ==, "b\u2022\u2022\u2022@mail.ru");
  g_assert_cmpstr (digits, ==, "");

  /* The clients' list hands out the same live objects. */
  list = rg_client_list_new (f->studio, rg_retention_load_standings);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgClient) client = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = rg_record_get_id (RG_RECORD (client));

      g_assert_cmpstr (rg_client_get_phone (client), ==, id == OWN_CLIENT ? "+7 912 555-00-00" : OTHER_MASKED);
    }

  /* Search by phone: only their own; by name: both. */
  rg_client_list_set_query (list, "555");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (rg_client_list_get_id (list, 0), ==, OWN_CLIENT);
  rg_client_list_set_query (list, "00-01");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (rg_studio_search_clients (f->studio, "9125550001", 10, ids, &error));
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_null (rg_studio_find_client_by_phone (f->studio, OTHER_PHONE, 0));
  {
    g_autoptr(RgClient) found = rg_studio_find_client_by_phone (f->studio, "+7 912 555-00-00", 0);

    g_assert_true (found == own);
  }

  /* The call list, counted on a connection of its own. */
  {
    g_autoptr(RgInteraction) task = NULL;
    g_autoptr(GPtrArray) calls = NULL;
    g_autoptr(GArray) rhythms = NULL;

    sign_in (f, ADMIN);
    g_assert_true (rg_task_create (f->studio, OTHER_CLIENT, "Call back", rg_store_now () - 60, &error));
    g_assert_no_error (error);
    sign_in (f, MASTER);
    rg_permissions_mark_reader (f->studio, f->store);
    rhythms = rg_retention_load (f->store, rg_date_today (), NULL, &error);
    calls = rg_call_list_build (f->store, rhythms, rg_date_today (), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (calls->len, ==, 1);
    g_assert_cmpstr (((RgCallEntry *) calls->pdata[0])->phone, ==, OTHER_MASKED);
    rg_permissions_mark_reader (f->studio, f->store);
  }

  /* A booking with the master makes the client theirs. */
  sign_in (f, ADMIN);
  {
    g_autoptr(RgBookingDraft) draft = draft_in (f, MASTER, OTHER_CLIENT, f->tomorrow + 4 * 3600);
    g_autoptr(RgAppointment) saved = rg_booking_save (f->studio, draft, &error);

    g_assert_no_error (error);
    sign_in (f, MASTER);
    g_assert_cmpstr (rg_client_get_phone (other), ==, OTHER_PHONE);
    g_assert_true (rg_booking_set_status (f->studio, saved, RG_APPOINTMENT_CANCELLED, &error));
    g_assert_no_error (error);
    /* A cancelled booking still counts: it is not deleted. */
    g_assert_cmpstr (rg_client_get_phone (other), ==, OTHER_PHONE);
  }

  /* The next session sees what its role sees, on the same object, and
   * whatever is bound to its phone hears of it. */
  {
    guint notified = 0;
    gulong id = g_signal_connect_swapped (own, "notify::phone", G_CALLBACK (count_notify_cb), &notified);

    sign_in (f, OTHER_MASTER);
    g_assert_cmpuint (notified, ==, 1);
    g_signal_handler_disconnect (own, id);
  }
  g_assert_cmpstr (rg_client_get_phone (own), ==, "+7 9\u2022\u2022 \u2022\u2022\u2022-\u2022\u2022-00");
  sign_in (f, DIRECTOR);
  g_assert_cmpstr (rg_client_get_phone (own), ==, "+7 912 555-00-00");
  g_assert_cmpstr (rg_client_get_email (own), ==, "anna@mail.ru");
}

static void
test_unmask (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  gint64 before;

  sign_in (f, MASTER);
  /* Their own: no approval needed, nothing in the log. */
  g_assert_true (rg_studio_unmask_phone (f->studio, OWN_CLIENT, &phone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (phone, ==, "+7 912 555-00-00");
  g_clear_pointer (&phone, g_free);
  g_assert_false (rg_studio_unmask_phone (f->studio, OTHER_CLIENT, &phone, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (phone);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'phone_unmasked'", 0), ==, 0);

  g_assert_true (rg_studio_grant_override (f->studio, DIRECTOR, "0000", &error));
  g_assert_true (rg_studio_unmask_phone (f->studio, OTHER_CLIENT, &phone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (phone, ==, OTHER_PHONE);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'phone_unmasked' AND staff_id = ?1"
                             " AND detail = 'client 12, approved by staff 21'", MASTER), ==, 1);

  /* An administrator's approval is no approval. */
  before = refusals (f);
  g_assert_false (rg_studio_grant_override (f->studio, ADMIN, "0000", &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (rg_studio_peek_override (f->studio), ==, 0);
  g_assert_cmpint (refusals (f), ==, before);
}

static void
test_medical (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before;

  sign_in (f, ADMIN);
  g_assert_true (rg_studio_note_medical_opened (f->studio, OTHER_CLIENT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'medical_opened' AND staff_id = ?1"
                             " AND detail = 'client 12'", ADMIN), ==, 1);

  sign_in (f, MASTER);
  before = refusals (f);
  g_assert_false (rg_studio_note_medical_opened (f->studio, OTHER_CLIENT, &error));
  assert_refused (f, before, error);
  g_assert_true (rg_studio_note_medical_opened (f->studio, OWN_CLIENT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'medical_opened'", 0), ==, 2);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before;

  sign_in (f, MASTER);
  before = refusals (f);
  g_assert_false (rg_studio_backup_to_file (f->studio, "/nonexistent/backup.regulars", NULL, &error));
  assert_refused (f, before, error);
  /* An administrator may: the refusal now is the studio in memory's. */
  sign_in (f, ADMIN);
  g_assert_false (rg_studio_backup_to_file (f->studio, "/nonexistent/backup.regulars", NULL, &error));
  g_assert_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID);
}

/* Without profiles everything is allowed and nothing masked. */
static void
test_no_profiles (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) other = NULL;
  g_autoptr(RgSaleDraft) big = sale_of (100000, 2000);
  gint64 sale_id = 0;

  g_assert_true (rg_store_exec (f->store, "DELETE FROM profiles", &error));
  other = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, OTHER_CLIENT, NULL);
  g_assert_cmpstr (rg_client_get_phone (other), ==, OTHER_PHONE);
  g_assert_false (rg_studio_sale_needs_approval (f->studio, big, NULL));
  g_assert_true (rg_studio_check_out (f->studio, big, &sale_id, &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_set_number (f->studio, RG_STUDIO_DISCOUNT_CAP, 5000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (refusals (f), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rg_time_set_zone (NULL);

#define ADD(path, func) \
  g_test_add ("/permissions/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("booking", test_booking);
  ADD ("clients", test_clients);
  ADD ("money", test_money);
  ADD ("discount", test_discount);
  ADD ("merge", test_merge);
  ADD ("masked-phones", test_masked_phones);
  ADD ("unmask", test_unmask);
  ADD ("medical", test_medical);
  ADD ("backup", test_backup);
  ADD ("no-profiles", test_no_profiles);
#undef ADD

  return g_test_run ();
}
