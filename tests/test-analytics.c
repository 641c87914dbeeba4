/* test-analytics.c — figures about a client, on a hand-built history.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "analytics/rg-client-stats.h"
#include "report/rg-json-private.h"
#include "model/rg-appointment.h"
#include "model/rg-client.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"

#define DAY (24 * 60 * 60)
#define NOW ((gint64) 1795867200)   /* 2026-11-28 12:00 UTC */

static gint64
book (RgStudio            *studio,
      gint64               client_id,
      gint64               staff_id,
      gint64               starts_at,
      RgAppointmentStatus  status,
      gint64               price)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) a = rg_appointment_new (client_id, staff_id, starts_at, starts_at + 3600);

  rg_appointment_set_status (a, status);
  g_object_set (a, "price", price, NULL);
  g_assert_true (rg_studio_save (studio, a, &error));
  g_assert_no_error (error);
  return rg_record_get_id (RG_RECORD (a));
}

static void
test_client_stats (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_autoptr(RgStudio) studio = rg_studio_new (store);
  g_autoptr(RgClient) client = rg_client_new ("Анна", "+7 912 000-00-01");
  g_autoptr(RgClient) other = rg_client_new ("Вера", "+7 912 000-00-02");
  g_autoptr(RgStaff) staff = rg_staff_new ("Ольга", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgAppointment) deleted = NULL;
  RgClientStats stats;
  gint64 c, s;

  g_assert_true (rg_studio_save (studio, client, &error));
  g_assert_true (rg_studio_save (studio, other, &error));
  g_assert_true (rg_studio_save (studio, staff, &error));
  c = rg_record_get_id (RG_RECORD (client));
  s = rg_record_get_id (RG_RECORD (staff));

  /* Nothing yet. */
  g_assert_true (rg_client_stats_compute (store, c, NOW, &stats, &error));
  g_assert_cmpuint (stats.visits, ==, 0);
  g_assert_cmpint (stats.last_visit_at, ==, 0);
  g_assert_cmpint (stats.next_booking_at, ==, 0);
  g_assert_cmpint (stats.total_spent, ==, 0);

  /* Two done visits count; cancelled, no-show and other clients do not. */
  book (studio, c, s, NOW - 60 * DAY, RG_APPOINTMENT_DONE, 150000);
  book (studio, c, s, NOW - 30 * DAY, RG_APPOINTMENT_DONE, 200050);
  book (studio, c, s, NOW - 20 * DAY, RG_APPOINTMENT_CANCELLED, 99900);
  book (studio, c, s, NOW - 10 * DAY, RG_APPOINTMENT_NO_SHOW, 99900);
  book (studio, rg_record_get_id (RG_RECORD (other)), s, NOW - 5 * DAY, RG_APPOINTMENT_DONE, 500000);
  /* Future: the nearest booked or confirmed one is "next"; a cancelled one is not. */
  book (studio, c, s, NOW + 3 * DAY, RG_APPOINTMENT_CANCELLED, 0);
  book (studio, c, s, NOW + 7 * DAY, RG_APPOINTMENT_CONFIRMED, 150000);
  book (studio, c, s, NOW + 35 * DAY, RG_APPOINTMENT_BOOKED, 150000);
  /* A deleted visit is gone. */
  deleted = rg_studio_lookup (studio, RG_TYPE_APPOINTMENT,
                              book (studio, c, s, NOW - 90 * DAY, RG_APPOINTMENT_DONE, 1000000), &error);
  g_assert_true (rg_studio_delete (studio, deleted, &error));

  g_assert_true (rg_client_stats_compute (store, c, NOW, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.visits, ==, 2);
  g_assert_cmpint (stats.first_visit_at, ==, NOW - 60 * DAY);
  g_assert_cmpint (stats.last_visit_at, ==, NOW - 30 * DAY);
  g_assert_cmpint (stats.next_booking_at, ==, NOW + 7 * DAY);
  g_assert_cmpint (stats.total_spent, ==, 350050);
}

/* The reports' JSON: numbers as short as they read back exactly, strings
 * untouched, the same values when parsed. */
static void
test_json_numbers (void)
{
  static const double values[] = { 55.95, 0.1 + 0.2, 56.0, -12.345, 1e-7 / 3, 92.49 };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *figures;
  JsonObject *object;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "figures");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    json_builder_add_double_value (b, values[i]);
  json_builder_end_array (b);
  rg_json_add_int (b, "id", G_GINT64_CONSTANT (7914418309570203996));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "\"1.2345678901234567\" -0.30000000000000004");
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = rg_json_to_text (root);

  g_assert_nonnull (strstr (text, "55.95,"));
  g_assert_nonnull (strstr (text, "92.49\n"));
  g_assert_null (strstr (text, "55.950000000000003"));
  g_assert_nonnull (strstr (text, "0.30000000000000004,"));   /* needs all its digits */
  g_assert_nonnull (strstr (text, "7914418309570203996"));
  g_assert_nonnull (strstr (text, "\\\"1.2345678901234567\\\" -0.30000000000000004\""));

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  figures = json_object_get_array_member (object, "figures");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_true (json_array_get_double_element (figures, i) == values[i]);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, G_GINT64_CONSTANT (7914418309570203996));
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "\"1.2345678901234567\" -0.30000000000000004");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/client-stats", test_client_stats);
  g_test_add_func ("/analytics/json-numbers", test_json_numbers);

  return g_test_run ();
}
