/* test-appointment-list.c — the live appointments of a range: what
 * items-changed reports when the range moves, the staff filter changes and
 * appointments are written inside and outside the range.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <string.h>

#include "model/rg-appointment-list.h"
#include "model/rg-booking.h"
#include "model/rg-client.h"
#include "model/rg-condition.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"
#include "util/rg-time.h"

typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct {
  RgStore           *store;
  RgStudio          *studio;
  RgAppointmentList *list;
  GArray            *changes;   /* of Change */
  gint64             marina;
  gint64             irina;
  gint64             olga;
  gint64             anna;
  /* 14 April 2026, by start: */
  RgAppointment     *before;    /* Irina, from 23:00 the day before to 00:30 */
  RgAppointment     *a1;        /* Marina 10:00–11:00 */
  RgAppointment     *a3;        /* Irina 11:00–12:00 */
  RgAppointment     *a2;        /* Marina 12:00–13:00 */
  RgAppointment     *late;      /* Marina 23:30 to 00:30 the day after */
  RgAppointment     *next;      /* Irina 10:00–11:00 on 15 April */
} Fixture;

static RgDate
date (int day)
{
  RgDate d = { 2026, 4, day };
  return d;
}

static gint64
at (int day,
    int hour,
    int minute)
{
  return rg_time_from_local (date (day), hour * 60 + minute);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change change = { position, removed, added };

  g_assert_cmpuint (g_list_model_get_n_items (model) + removed - added, >=, position);
  g_array_append_val (f->changes, change);
}

static RgAppointment *
add (Fixture *f,
     gint64   client_id,
     gint64   staff_id,
     gint64   starts_at,
     gint64   ends_at)
{
  g_autoptr(GError) error = NULL;
  RgAppointment *appointment = rg_appointment_new (client_id, staff_id, starts_at, ends_at);

  g_assert_true (rg_studio_save (f->studio, appointment, &error));
  g_assert_no_error (error);
  return appointment;
}

static void
move (Fixture       *f,
      RgAppointment *appointment,
      gint64         starts_at,
      gint64         ends_at)
{
  g_autoptr(GError) error = NULL;

  g_object_set (appointment, "starts-at", starts_at, "ends-at", ends_at, NULL);
  g_assert_true (rg_studio_save (f->studio, appointment, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) marina = rg_staff_new ("Marina", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgStaff) irina = rg_staff_new ("Irina", RG_STAFF_ROLE_MASTER);
  g_autoptr(RgClient) olga = rg_client_new ("Olga", "+49 151 1111111");
  g_autoptr(RgClient) anna = rg_client_new ("Anna", "+49 151 2222222");

  f->store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);
  g_assert_true (rg_studio_save (f->studio, marina, &error));
  g_assert_true (rg_studio_save (f->studio, irina, &error));
  g_assert_true (rg_studio_save (f->studio, olga, &error));
  g_assert_true (rg_studio_save (f->studio, anna, &error));
  g_assert_no_error (error);
  f->marina = rg_record_get_id (RG_RECORD (marina));
  f->irina = rg_record_get_id (RG_RECORD (irina));
  f->olga = rg_record_get_id (RG_RECORD (olga));
  f->anna = rg_record_get_id (RG_RECORD (anna));

  f->a2 = add (f, f->anna, f->marina, at (14, 12, 0), at (14, 13, 0));
  f->a1 = add (f, f->olga, f->marina, at (14, 10, 0), at (14, 11, 0));
  f->late = add (f, f->olga, f->marina, at (14, 23, 30), at (15, 0, 30));
  f->a3 = add (f, f->anna, f->irina, at (14, 11, 0), at (14, 12, 0));
  f->before = add (f, f->anna, f->irina, at (13, 23, 0), at (14, 0, 30));
  f->next = add (f, f->olga, f->irina, at (15, 10, 0), at (15, 11, 0));

  f->list = rg_appointment_list_new (f->studio);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->list);
  g_clear_pointer (&f->changes, g_array_unref);
  g_clear_object (&f->before);
  g_clear_object (&f->a1);
  g_clear_object (&f->a2);
  g_clear_object (&f->a3);
  g_clear_object (&f->late);
  g_clear_object (&f->next);
  g_assert_finalize_object (f->studio);
  g_assert_finalize_object (f->store);
}

/* Asserts exactly one items-changed since the last check, or none when
 * @removed and @added are both 0 and position is G_MAXUINT. */
static void
assert_change (Fixture *f,
               guint    position,
               guint    removed,
               guint    added)
{
  if (position == G_MAXUINT)
    {
      g_assert_cmpuint (f->changes->len, ==, 0);
      return;
    }

  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).position, ==, position);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).removed, ==, removed);
  g_assert_cmpuint (g_array_index (f->changes, Change, 0).added, ==, added);
  g_array_set_size (f->changes, 0);
}

#define assert_no_change(f) assert_change ((f), G_MAXUINT, 0, 0)

/* Asserts the items, by identity (the studio's live objects), in order. */
static void
assert_items (Fixture *f,
              ...)
{
  GListModel *model = G_LIST_MODEL (f->list);
  va_list args;
  guint i = 0;

  va_start (args, f);
  for (RgAppointment *expected = va_arg (args, RgAppointment *); expected; expected = va_arg (args, RgAppointment *))
    {
      g_autoptr(RgAppointment) item = g_list_model_get_item (model, i++);

      g_assert_true (item == expected);
    }
  va_end (args);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, i);
  g_assert_null (g_list_model_get_item (model, i));
}

static void
set_day (Fixture *f,
         int      day)
{
  rg_appointment_list_set_range (f->list, rg_date_start (date (day)), rg_date_end (date (day)));
}

static void
test_range (Fixture       *f,
            gconstpointer  data)
{
  gint64 from, to;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == RG_TYPE_APPOINTMENT);
  assert_items (f, NULL);

  /* The 14th: also what reaches into it from the 13th and out to the 15th. */
  set_day (f, 14);
  assert_change (f, 0, 0, 5);
  assert_items (f, f->before, f->a1, f->a3, f->a2, f->late, NULL);
  rg_appointment_list_get_range (f->list, &from, &to);
  g_assert_cmpint (from, ==, at (14, 0, 0));
  g_assert_cmpint (to, ==, at (15, 0, 0));

  /* The same range again: nothing. */
  set_day (f, 14);
  assert_no_change (f);

  /* Day by day. */
  set_day (f, 15);
  assert_change (f, 0, 5, 2);
  assert_items (f, f->late, f->next, NULL);
  set_day (f, 16);
  assert_change (f, 0, 2, 0);
  assert_items (f, NULL);
  set_day (f, 17);
  assert_no_change (f);
  set_day (f, 13);
  assert_change (f, 0, 0, 1);
  assert_items (f, f->before, NULL);
  set_day (f, 14);
  assert_change (f, 1, 0, 4);

  /* A range that ends where an appointment starts leaves it out; one that
   * starts where an appointment ends too. */
  rg_appointment_list_set_range (f->list, at (14, 11, 0), at (14, 12, 0));
  assert_change (f, 0, 5, 1);
  assert_items (f, f->a3, NULL);

  /* The week. */
  rg_appointment_list_set_range (f->list, rg_date_start (date (13)), rg_date_start (date (20)));
  assert_change (f, 0, 1, 6);
  assert_items (f, f->before, f->a1, f->a3, f->a2, f->late, f->next, NULL);

  /* An empty range. */
  rg_appointment_list_set_range (f->list, at (14, 0, 0), at (14, 0, 0));
  assert_change (f, 0, 6, 0);
}

static void
test_staff_filter (Fixture       *f,
                   gconstpointer  data)
{
  set_day (f, 14);
  assert_change (f, 0, 0, 5);
  g_assert_cmpint (rg_appointment_list_get_staff (f->list), ==, 0);

  rg_appointment_list_set_staff (f->list, f->marina);
  assert_change (f, 0, 3, 1);
  assert_items (f, f->a1, f->a2, f->late, NULL);
  g_assert_cmpint (rg_appointment_list_get_staff (f->list), ==, f->marina);

  rg_appointment_list_set_staff (f->list, f->marina);
  assert_no_change (f);

  rg_appointment_list_set_staff (f->list, f->irina);
  assert_change (f, 0, 3, 2);
  assert_items (f, f->before, f->a3, NULL);

  /* Moving the range keeps the filter. */
  set_day (f, 15);
  assert_change (f, 0, 2, 1);
  assert_items (f, f->next, NULL);
  set_day (f, 14);
  assert_change (f, 0, 1, 2);

  rg_appointment_list_set_staff (f->list, 0);
  assert_change (f, 1, 1, 4);
  assert_items (f, f->before, f->a1, f->a3, f->a2, f->late, NULL);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_live_changes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) inside = NULL;
  g_autoptr(RgAppointment) outside = NULL;
  g_autoptr(RgAppointment) other = NULL;
  guint notified = 0;

  set_day (f, 14);
  assert_change (f, 0, 0, 5);

  /* Written inside the range: it appears where it belongs. */
  inside = add (f, f->olga, f->irina, at (14, 14, 0), at (14, 15, 0));
  assert_change (f, 4, 0, 1);
  assert_items (f, f->before, f->a1, f->a3, f->a2, inside, f->late, NULL);

  /* Written outside: nothing. */
  outside = add (f, f->olga, f->irina, at (18, 14, 0), at (18, 15, 0));
  assert_no_change (f);
  move (f, outside, at (18, 16, 0), at (18, 17, 0));
  assert_no_change (f);

  /* Moved within the range: only the stretch that changed. */
  move (f, f->a1, at (14, 13, 30), at (14, 14, 0));
  assert_change (f, 1, 3, 3);
  assert_items (f, f->before, f->a3, f->a2, f->a1, inside, f->late, NULL);

  /* A change that keeps the order: the same object, reported changed in
   * its place, so a view listening to items-changed alone redraws it. */
  g_object_set (f->a1, "note", "Bring the coupon", NULL);
  g_assert_true (rg_studio_save (f->studio, f->a1, &error));
  assert_change (f, 3, 1, 1);
  assert_items (f, f->before, f->a3, f->a2, f->a1, inside, f->late, NULL);

  /* Moved out of the range, and in from outside. */
  move (f, f->a1, at (18, 10, 0), at (18, 11, 0));
  assert_change (f, 3, 1, 0);
  assert_items (f, f->before, f->a3, f->a2, inside, f->late, NULL);
  move (f, outside, at (14, 9, 0), at (14, 10, 0));
  assert_change (f, 1, 0, 1);
  assert_items (f, f->before, outside, f->a3, f->a2, inside, f->late, NULL);

  /* Moved to the edge: overlapping the range's end keeps it in. */
  move (f, outside, at (14, 23, 45), at (15, 1, 0));
  assert_change (f, 1, 5, 5);
  assert_items (f, f->before, f->a3, f->a2, inside, f->late, outside, NULL);

  /* Cancelled: still shown (with its status), changed in its place; the
   * object notifies. */
  g_signal_connect_swapped (f->a3, "notify::status", G_CALLBACK (count_cb), &notified);
  rg_appointment_set_status (f->a3, RG_APPOINTMENT_CANCELLED);
  g_assert_true (rg_studio_save (f->studio, f->a3, &error));
  g_assert_no_error (error);
  assert_change (f, 1, 1, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Deleted: gone. Undeleted: back. */
  g_assert_true (rg_studio_delete (f->studio, f->a2, &error));
  g_assert_no_error (error);
  assert_change (f, 2, 1, 0);
  assert_items (f, f->before, f->a3, inside, f->late, outside, NULL);
  g_assert_true (rg_studio_undelete (f->studio, f->a2, &error));
  assert_change (f, 2, 0, 1);

  /* A deleted client's appointments go with the card, and come back with
   * it. */
  {
    g_autoptr(RgClient) anna = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, f->anna, &error);

    g_assert_true (rg_studio_delete (f->studio, anna, &error));
    g_assert_no_error (error);
    assert_change (f, 0, 3, 0);
    assert_items (f, inside, f->late, outside, NULL);
    g_assert_true (rg_studio_undelete (f->studio, anna, &error));
    assert_change (f, 0, 0, 3);
    assert_items (f, f->before, f->a3, f->a2, inside, f->late, outside, NULL);
  }

  /* Several writes in one transaction: one items-changed, at the commit;
   * a rolled-back transaction: none. */
  g_assert_true (rg_store_begin (f->store, &error));
  move (f, f->before, at (14, 20, 0), at (14, 21, 0));
  move (f, inside, at (14, 20, 30), at (14, 21, 30));
  assert_no_change (f);
  g_assert_true (rg_store_commit (f->store, &error));
  /* "inside" kept its place in the order but not its time: it counts. */
  assert_change (f, 0, 4, 4);
  assert_items (f, f->a3, f->a2, f->before, inside, f->late, outside, NULL);

  g_assert_true (rg_store_begin (f->store, &error));
  other = add (f, f->anna, f->marina, at (14, 8, 0), at (14, 9, 0));
  rg_store_rollback (f->store);
  assert_no_change (f);

  /* With a staff filter, another staff member's appointments do not
   * disturb the list. */
  rg_appointment_list_set_staff (f->list, f->marina);
  assert_change (f, 0, 6, 2);
  assert_items (f, f->a2, f->late, NULL);
  move (f, f->before, at (14, 8, 0), at (14, 9, 0));
  assert_no_change (f);
}

static gint64
add_service (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgService) service = rg_service_new (name, 30, 100000);

  g_assert_true (rg_studio_save (f->studio, service, &error));
  g_assert_no_error (error);
  return rg_record_get_id (RG_RECORD (service));
}

static gint64
id_of (gpointer record)
{
  return rg_record_get_id (RG_RECORD (record));
}

/* What the cards show besides the appointments: services in their order
 * and first visits. */
static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBookingDraft) draft = rg_booking_draft_new ();
  g_autoptr(RgAppointment) both = NULL;
  g_autoptr(RgAppointmentDetails) details = NULL;
  gint64 haircut = add_service (f, "Haircut");
  gint64 styling = add_service (f, "Styling");

  /* Styling first, then the haircut: the line keeps the booking's order. */
  draft->client_id = f->olga;
  draft->staff_id = f->irina;
  draft->starts_at = at (14, 15, 0);
  rg_booking_draft_add_service (draft, styling, 30, 100000);
  rg_booking_draft_add_service (draft, haircut, 45, 150000);
  both = rg_booking_save (f->studio, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (both);

  /* Olga's 10:00 visit is done: her later ones are not first visits. */
  rg_appointment_set_status (f->a1, RG_APPOINTMENT_DONE);
  g_assert_true (rg_studio_save (f->studio, f->a1, &error));
  g_assert_no_error (error);

  set_day (f, 14);

  details = rg_appointment_list_load_details (f->list, &error);
  g_assert_no_error (error);
  g_assert_nonnull (details);

  g_assert_cmpstr (rg_appointment_details_get_services (details, id_of (both)), ==, "Styling, Haircut");
  g_assert_null (rg_appointment_details_get_services (details, id_of (f->a1)));
  g_assert_null (rg_appointment_details_get_services (details, id_of (f->next)));  /* the 15th */

  g_assert_true (rg_appointment_details_is_first_visit (details, id_of (f->a1)));
  g_assert_false (rg_appointment_details_is_first_visit (details, id_of (both)));
  g_assert_false (rg_appointment_details_is_first_visit (details, id_of (f->late)));
  g_assert_true (rg_appointment_details_is_first_visit (details, id_of (f->a2)));
  g_assert_true (rg_appointment_details_is_first_visit (details, id_of (f->before)));

  g_assert_null (rg_appointment_details_get_conditions (details, f->olga));
  g_clear_pointer (&details, rg_appointment_details_free);

  /* The medical card's marks, by client, for the cards' warning. */
  {
    g_autoptr(RgCondition) latex = rg_condition_new ("Latex", RG_CONDITION_ALLERGY);
    g_autoptr(RgCondition) nickel = rg_condition_new ("Nickel", RG_CONDITION_ALLERGY);

    g_assert_true (rg_studio_save (f->studio, latex, &error));
    g_assert_true (rg_studio_save (f->studio, nickel, &error));
    g_assert_true (rg_client_conditions_set (f->studio, f->olga, id_of (latex), TRUE, &error));
    g_assert_true (rg_client_conditions_set (f->studio, f->olga, id_of (nickel), TRUE, &error));
    g_assert_no_error (error);
    details = rg_appointment_list_load_details (f->list, &error);
    g_assert_nonnull (strstr (rg_appointment_details_get_conditions (details, f->olga), "Latex"));
    g_assert_nonnull (strstr (rg_appointment_details_get_conditions (details, f->olga), "Nickel"));
    g_assert_null (rg_appointment_details_get_conditions (details, f->anna));
    g_clear_pointer (&details, rg_appointment_details_free);
  }

  /* A range of one master: only theirs. */
  rg_appointment_list_set_staff (f->list, f->marina);
  details = rg_appointment_list_load_details (f->list, &error);
  g_assert_no_error (error);
  g_assert_null (rg_appointment_details_get_services (details, id_of (both)));
  g_assert_false (rg_appointment_details_is_first_visit (details, id_of (f->before)));
  g_assert_true (rg_appointment_details_is_first_visit (details, id_of (f->a2)));
}

/* Reading ahead: moving to the range read ahead gives what a query gives,
 * details included; a commit in between is not missed. */
static void
test_read_ahead (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointmentDetails) details = NULL;

  set_day (f, 14);
  assert_change (f, 0, 0, 5);

  rg_appointment_list_read_ahead (f->list, rg_date_start (date (15)), rg_date_end (date (15)));
  assert_no_change (f);
  assert_items (f, f->before, f->a1, f->a3, f->a2, f->late, NULL);

  set_day (f, 15);
  assert_change (f, 0, 5, 2);
  assert_items (f, f->late, f->next, NULL);
  details = rg_appointment_list_load_details (f->list, &error);
  g_assert_no_error (error);
  g_assert_true (rg_appointment_details_is_first_visit (details, id_of (f->next)));
  g_clear_pointer (&details, rg_appointment_details_free);

  /* Read ahead, then the 16th changes: the list sees the change. */
  rg_appointment_list_read_ahead (f->list, rg_date_start (date (16)), rg_date_end (date (16)));
  move (f, f->next, at (16, 10, 0), at (16, 11, 0));
  assert_change (f, 1, 1, 0);
  set_day (f, 16);
  assert_change (f, 0, 1, 1);
  assert_items (f, f->next, NULL);

  /* Read ahead for one master, shown for another: a query after all. */
  rg_appointment_list_set_staff (f->list, f->marina);
  assert_change (f, 0, 1, 0);
  rg_appointment_list_read_ahead (f->list, rg_date_start (date (14)), rg_date_end (date (14)));
  rg_appointment_list_set_staff (f->list, f->irina);
  set_day (f, 14);
  g_array_set_size (f->changes, 0);
  assert_items (f, f->before, f->a3, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/appointment-list/range", Fixture, NULL, fixture_set_up, test_range, fixture_tear_down);
  g_test_add ("/appointment-list/staff-filter", Fixture, NULL, fixture_set_up, test_staff_filter, fixture_tear_down);
  g_test_add ("/appointment-list/live-changes", Fixture, NULL, fixture_set_up, test_live_changes, fixture_tear_down);
  g_test_add ("/appointment-list/details", Fixture, NULL, fixture_set_up, test_details, fixture_tear_down);
  g_test_add ("/appointment-list/read-ahead", Fixture, NULL, fixture_set_up, test_read_ahead, fixture_tear_down);

  return g_test_run ();
}
