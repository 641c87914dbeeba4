/* test-booking.c — the rules of the calendar: conflicts, working hours,
 * services and prices, moves, statuses, recurring series, free slots.
 * All in Europe/Berlin, where 29 March 2026 has 23 hours.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util.h"

#include <string.h>

#include "model/rg-booking.h"
#include "model/rg-call.h"
#include "model/rg-interaction.h"
#include "model/rg-client.h"
#include "model/rg-schedule.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"

#define HOUR 3600
#define MINUTE 60

typedef struct {
  RgStore  *store;
  RgStudio *studio;
  gint64    marina;     /* master, 9–13 and 14–18 every day */
  gint64    irina;      /* master, 10–14 and 14–20 (touching) every day */
  gint64    room;       /* resource, no hours */
  gint64    admin;      /* administrator, 8–20: never offered for a service */
  gint64    former;     /* archived master, 8–20 */
  gint64    olga;
  gint64    anna;
  gint64    vera;
  gint64    manicure;   /* 60 minutes, 1,500.00 */
  gint64    pedicure;   /* 90 minutes, 2,000.00 */
} Fixture;

static RgDate
date (int year,
      int month,
      int day)
{
  RgDate d = { year, month, day };
  return d;
}

static gint64
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  return rg_time_from_local (date (year, month, day), hour * 60 + minute);
}

static gint64
add_staff (Fixture     *f,
           const char  *name,
           RgStaffRole  role,
           int          position,
           const RgSpan *hours,
           guint        n_hours)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) staff = rg_staff_new (name, role);
  gint64 id;

  g_object_set (staff, "position", position, NULL);
  g_assert_true (rg_studio_save (f->studio, staff, &error));
  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (staff));

  for (int weekday = 1; weekday <= 7 && n_hours > 0; weekday++)
    {
      g_assert_true (rg_schedule_set_hours (f->store, id, weekday, hours, n_hours, &error));
      g_assert_no_error (error);
    }
  return id;
}

static gint64
add_client (Fixture    *f,
            const char *name,
            const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) client = rg_client_new (name, phone);

  g_assert_true (rg_studio_save (f->studio, client, &error));
  g_assert_no_error (error);
  return rg_record_get_id (RG_RECORD (client));
}

static gint64
add_service (Fixture    *f,
             const char *name,
             int         minutes,
             gint64      price)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgService) service = rg_service_new (name, minutes, price);

  g_assert_true (rg_studio_save (f->studio, service, &error));
  g_assert_no_error (error);
  return rg_record_get_id (RG_RECORD (service));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  RgSpan marina[] = { { 9 * 60, 13 * 60 }, { 14 * 60, 18 * 60 } };
  RgSpan irina[] = { { 10 * 60, 14 * 60 }, { 14 * 60, 20 * 60 } };
  RgSpan long_day[] = { { 8 * 60, 20 * 60 } };

  g_assert_nonnull (berlin);
  rg_time_set_zone (berlin);

  f->store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);

  f->admin = add_staff (f, "Alla", RG_STAFF_ROLE_ADMINISTRATOR, 0, long_day, 1);
  f->former = add_staff (f, "Galina", RG_STAFF_ROLE_MASTER, 1, long_day, 1);
  f->marina = add_staff (f, "Marina", RG_STAFF_ROLE_MASTER, 2, marina, 2);
  f->irina = add_staff (f, "Irina", RG_STAFF_ROLE_MASTER, 3, irina, 2);
  f->room = add_staff (f, "Room 2", RG_STAFF_ROLE_RESOURCE, 4, NULL, 0);
  {
    g_autoptr(RgStaff) former = rg_studio_lookup (f->studio, RG_TYPE_STAFF, f->former, &error);

    g_object_set (former, "archived", TRUE, NULL);
    g_assert_true (rg_studio_save (f->studio, former, &error));
    g_assert_no_error (error);
  }

  f->olga = add_client (f, "Olga", "+49 151 1111111");
  f->anna = add_client (f, "Anna", "+49 151 2222222");
  f->vera = add_client (f, "Vera", "+49 151 3333333");
  f->manicure = add_service (f, "Manicure", 60, 150000);
  f->pedicure = add_service (f, "Pedicure", 90, 200000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->studio);
  g_assert_finalize_object (f->store);
  rg_time_set_zone (NULL);
}

static RgBookingDraft *
draft_new (Fixture *f,
           gint64   client_id,
           gint64   staff_id,
           gint64   starts_at,
           int      minutes)
{
  RgBookingDraft *draft = rg_booking_draft_new ();

  draft->client_id = client_id;
  draft->staff_id = staff_id;
  draft->starts_at = starts_at;
  rg_booking_draft_add_service (draft, f->manicure, minutes, 150000);
  return draft;
}

/* Books an hour (or @minutes) of manicure; asserts it is accepted. */
static RgAppointment *
book (Fixture  *f,
      gint64    client_id,
      gint64    staff_id,
      gint64    starts_at,
      int       minutes,
      gboolean  allow_overlap)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBookingDraft) draft = draft_new (f, client_id, staff_id, starts_at, minutes);
  RgAppointment *appointment;

  draft->allow_overlap = allow_overlap;
  appointment = rg_booking_save (f->studio, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (appointment);
  return appointment;
}

/* Asserts the booking is refused as a conflict with a message containing
 * @fragment. */
static void
assert_refused (Fixture    *f,
                gint64      client_id,
                gint64      staff_id,
                gint64      starts_at,
                int         minutes,
                gboolean    allow_overlap,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBookingDraft) draft = draft_new (f, client_id, staff_id, starts_at, minutes);
  g_autoptr(RgAppointment) appointment = NULL;

  draft->allow_overlap = allow_overlap;
  appointment = rg_booking_save (f->studio, draft, &error);
  g_assert_null (appointment);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  if (fragment && !strstr (error->message, fragment))
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
set_status (Fixture             *f,
            RgAppointment       *appointment,
            RgAppointmentStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_booking_set_status (f->studio, appointment, status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_status (appointment), ==, status);
}

/* Conflicts ------------------------------------------------------------------ */

static void
test_conflicts_staff (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RgAppointment) olga = book (f, f->olga, f->marina, at (2026, 4, 14, 14, 0), 60, FALSE);
  g_autoptr(RgAppointment) before = NULL;
  g_autoptr(RgAppointment) after = NULL;
  g_autoptr(RgAppointment) together = NULL;

  /* The object is the studio's live one, saved as drafted. */
  {
    g_autoptr(RgAppointment) live = rg_studio_lookup_cached (f->studio, RG_TYPE_APPOINTMENT,
                                                             rg_record_get_id (RG_RECORD (olga)));
    g_assert_true (live == olga);
  }
  g_assert_cmpint (rg_appointment_get_starts_at (olga), ==, at (2026, 4, 14, 14, 0));
  g_assert_cmpint (rg_appointment_get_ends_at (olga), ==, at (2026, 4, 14, 15, 0));
  g_assert_cmpint (rg_appointment_get_status (olga), ==, RG_APPOINTMENT_BOOKED);

  /* Marina is busy: the refusal names the other appointment. */
  assert_refused (f, f->anna, f->marina, at (2026, 4, 14, 14, 30), 60, FALSE,
                  "Marina is already busy with Olga at 14:00–15:00.");
  assert_refused (f, f->anna, f->marina, at (2026, 4, 14, 13, 30), 60, FALSE, "Olga");
  assert_refused (f, f->anna, f->marina, at (2026, 4, 14, 13, 0), 180, FALSE, "Olga");   /* around it */
  assert_refused (f, f->anna, f->marina, at (2026, 4, 14, 14, 15), 15, FALSE, "Olga");   /* inside it */

  /* Touching is not overlapping. */
  before = book (f, f->anna, f->marina, at (2026, 4, 14, 13, 0), 60, FALSE);
  after = book (f, f->anna, f->marina, at (2026, 4, 14, 15, 0), 60, FALSE);

  /* With an explicit overlap Marina takes Vera alongside Olga. */
  together = book (f, f->vera, f->marina, at (2026, 4, 14, 14, 0), 60, TRUE);

  /* An overlap allowed by the existing appointment counts too: Vera's
   * allows it, Olga's does not, so only Olga's is in the way. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) conflicts = NULL;
    RgBookingConflict *c;
    gint64 other = add_client (f, "Nina", "+49 151 4444444");

    conflicts = rg_booking_find_conflicts (f->studio,
                                           &(RgBookingSpan) { .client_id = other, .staff_id = f->marina,
                                                              .starts_at = at (2026, 4, 14, 14, 0),
                                                              .ends_at = at (2026, 4, 14, 15, 0) },
                                           &error);
    g_assert_no_error (error);
    g_assert_cmpuint (conflicts->len, ==, 1);
    c = g_ptr_array_index (conflicts, 0);
    g_assert_cmpint (c->kind, ==, RG_BOOKING_CONFLICT_STAFF);
    g_assert_cmpint (c->appointment_id, ==, rg_record_get_id (RG_RECORD (olga)));
    g_assert_cmpstr (c->client_name, ==, "Olga");
    g_assert_cmpstr (c->staff_name, ==, "Marina");
    g_clear_pointer (&conflicts, g_ptr_array_unref);

    /* All of them, by start: Olga over 13:30–15:30 meets Anna (Marina),
     * herself (client) and Anna again (Marina), not Vera. */
    conflicts = rg_booking_find_conflicts (f->studio,
                                           &(RgBookingSpan) { .client_id = f->olga, .staff_id = f->marina,
                                                              .starts_at = at (2026, 4, 14, 13, 30),
                                                              .ends_at = at (2026, 4, 14, 15, 30) },
                                           &error);
    g_assert_no_error (error);
    g_assert_cmpuint (conflicts->len, ==, 3);
    c = g_ptr_array_index (conflicts, 0);
    g_assert_cmpint (c->appointment_id, ==, rg_record_get_id (RG_RECORD (before)));
    g_assert_cmpint (c->kind, ==, RG_BOOKING_CONFLICT_STAFF);
    c = g_ptr_array_index (conflicts, 1);
    g_assert_cmpint (c->appointment_id, ==, rg_record_get_id (RG_RECORD (olga)));
    g_assert_cmpint (c->kind, ==, RG_BOOKING_CONFLICT_CLIENT);
    g_assert_cmpstr (c->message, ==, "Olga is already booked with Marina at 14:00–15:00.");
    c = g_ptr_array_index (conflicts, 2);
    g_assert_cmpint (c->appointment_id, ==, rg_record_get_id (RG_RECORD (after)));

    /* An appointment is never its own conflict. */
    g_assert_true (rg_booking_check_conflicts (f->studio,
                                               &(RgBookingSpan) { .appointment_id = rg_record_get_id (RG_RECORD (olga)),
                                                                  .client_id = f->olga, .staff_id = f->marina,
                                                                  .starts_at = at (2026, 4, 14, 14, 0),
                                                                  .ends_at = at (2026, 4, 14, 15, 0) },
                                               &error));
    g_assert_no_error (error);
  }

  /* Nothing refused was written. */
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments", 0), ==, 4);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointment_services", 0), ==, 4);
}

static void
test_conflicts_client (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RgAppointment) olga = book (f, f->olga, f->marina, at (2026, 4, 14, 14, 0), 60, FALSE);
  g_autoptr(RgAppointment) irina = NULL;

  /* Olga cannot be with Irina at the same time, overlap allowed or not. */
  assert_refused (f, f->olga, f->irina, at (2026, 4, 14, 14, 30), 60, FALSE,
                  "Olga is already booked with Marina at 14:00–15:00.");
  assert_refused (f, f->olga, f->irina, at (2026, 4, 14, 14, 30), 60, TRUE,
                  "Olga is already booked with Marina at 14:00–15:00.");
  /* Nor twice with Marina. */
  assert_refused (f, f->olga, f->marina, at (2026, 4, 14, 14, 0), 60, TRUE, "Olga is already booked");

  /* Right after is fine. */
  irina = book (f, f->olga, f->irina, at (2026, 4, 14, 15, 0), 60, FALSE);
}

/* An earlier, longer appointment still running is in the way: 10:00–13:00
 * against 12:00–12:30, and 22:00–03:00 across midnight against 01:00–02:00;
 * the free-slot search sees them too. */
static void
test_conflicts_long_earlier (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgSpan all_day[] = { { 0, 24 * 60 } };
  gint64 night = add_staff (f, "Nadia", RG_STAFF_ROLE_MASTER, 5, all_day, 1);
  g_autoptr(RgAppointment) morning = book (f, f->olga, f->marina, at (2026, 4, 14, 10, 0), 180, FALSE);
  g_autoptr(RgAppointment) late = book (f, f->olga, night, at (2026, 4, 14, 22, 0), 300, FALSE);
  RgBookingSlot slot = { 0 };
  gboolean found = FALSE;

  assert_refused (f, f->anna, f->marina, at (2026, 4, 14, 12, 0), 30, FALSE,
                  "Marina is already busy with Olga at 10:00–13:00.");
  assert_refused (f, f->anna, night, at (2026, 4, 15, 1, 0), 60, FALSE, "Nadia is already busy with Olga");
  assert_refused (f, f->olga, f->irina, at (2026, 4, 15, 1, 0), 60, FALSE, "Olga is already booked with Nadia");

  /* Marina from 12:00: the 10:00 one runs to 13:00, then the break: 14:00. */
  g_assert_true (rg_booking_find_free_slot (f->studio, f->manicure, f->marina, 30, at (2026, 4, 14, 12, 0), 1,
                                            &slot, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpint (slot.starts_at, ==, at (2026, 4, 14, 14, 0));

  /* Nadia from midnight: busy until 03:00. */
  g_assert_true (rg_booking_find_free_slot (f->studio, f->manicure, night, 60, at (2026, 4, 15, 0, 0), 1,
                                            &slot, &found, &error));
  g_assert_true (found);
  g_assert_cmpint (slot.starts_at, ==, at (2026, 4, 15, 3, 0));
}

static void
test_conflicts_inactive (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) cancelled = book (f, f->olga, f->marina, at (2026, 4, 14, 10, 0), 60, FALSE);
  g_autoptr(RgAppointment) second = NULL;
  g_autoptr(RgAppointment) no_show = NULL;
  g_autoptr(RgAppointment) third = NULL;
  g_autoptr(RgAppointment) fourth = NULL;

  /* Cancelled: the time is free again, for Marina and for Olga. */
  set_status (f, cancelled, RG_APPOINTMENT_CANCELLED);
  second = book (f, f->anna, f->marina, at (2026, 4, 14, 10, 0), 60, FALSE);
  no_show = book (f, f->olga, f->irina, at (2026, 4, 14, 10, 0), 60, FALSE);

  /* No-show: the same. */
  set_status (f, no_show, RG_APPOINTMENT_NO_SHOW);
  third = book (f, f->olga, f->marina, at (2026, 4, 14, 10, 30), 60, TRUE);
  assert_refused (f, f->olga, f->irina, at (2026, 4, 14, 10, 0), 60, FALSE, "Olga");

  /* Deleted: the same. */
  g_assert_true (rg_studio_delete (f->studio, third, &error));
  g_assert_no_error (error);
  fourth = book (f, f->olga, f->irina, at (2026, 4, 14, 10, 0), 60, FALSE);

  /* Done still held its time. */
  set_status (f, fourth, RG_APPOINTMENT_DONE);
  assert_refused (f, f->vera, f->irina, at (2026, 4, 14, 10, 0), 60, FALSE, "Irina is already busy with Olga");
}

/* Working hours -------------------------------------------------------------- */

static gboolean
within (Fixture *f,
        gint64   staff_id,
        gint64   starts_at,
        gint64   ends_at)
{
  g_autoptr(GError) error = NULL;
  gboolean inside = FALSE;

  g_assert_true (rg_booking_check_hours (f->studio, staff_id, starts_at, ends_at, &inside, &error));
  g_assert_no_error (error);
  return inside;
}

static void
test_working_hours (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (within (f, f->marina, at (2026, 4, 14, 9, 0), at (2026, 4, 14, 10, 0)));
  g_assert_true (within (f, f->marina, at (2026, 4, 14, 12, 0), at (2026, 4, 14, 13, 0)));
  g_assert_true (within (f, f->marina, at (2026, 4, 14, 17, 0), at (2026, 4, 14, 18, 0)));
  g_assert_false (within (f, f->marina, at (2026, 4, 14, 8, 30), at (2026, 4, 14, 9, 30)));   /* before opening */
  g_assert_false (within (f, f->marina, at (2026, 4, 14, 12, 30), at (2026, 4, 14, 13, 30))); /* into lunch */
  g_assert_false (within (f, f->marina, at (2026, 4, 14, 13, 0), at (2026, 4, 14, 14, 0)));   /* lunch */
  g_assert_false (within (f, f->marina, at (2026, 4, 14, 17, 30), at (2026, 4, 14, 18, 30))); /* after closing */
  g_assert_false (within (f, f->marina, at (2026, 4, 14, 17, 0), at (2026, 4, 15, 10, 0)));   /* overnight */

  /* Irina's two touching spans are one working day. */
  g_assert_true (within (f, f->irina, at (2026, 4, 14, 13, 0), at (2026, 4, 14, 15, 0)));
  /* No hours at all. */
  g_assert_false (within (f, f->room, at (2026, 4, 14, 13, 0), at (2026, 4, 14, 15, 0)));

  /* A day off is outside working hours. */
  g_assert_true (rg_schedule_set_day_off (f->store, f->marina, date (2026, 4, 14), TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (within (f, f->marina, at (2026, 4, 14, 10, 0), at (2026, 4, 14, 11, 0)));
  g_assert_true (within (f, f->marina, at (2026, 4, 15, 10, 0), at (2026, 4, 15, 11, 0)));

  /* On the 23-hour day the wall clock counts: 10:00–11:00 is inside. */
  g_assert_true (within (f, f->marina, at (2026, 3, 29, 10, 0), at (2026, 3, 29, 10, 0) + HOUR));
  g_assert_true (within (f, f->marina, at (2026, 10, 25, 17, 0), at (2026, 10, 25, 17, 0) + HOUR));
}

/* Services and prices -------------------------------------------------------- */

static void
test_services_and_price (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBookingDraft) draft = rg_booking_draft_new ();
  g_autoptr(RgBookingDraft) loaded = NULL;
  g_autoptr(RgAppointment) appointment = NULL;
  g_autoptr(GArray) services = NULL;
  gint64 start = at (2026, 4, 14, 10, 0);

  draft->client_id = f->olga;
  draft->staff_id = f->irina;
  rg_booking_draft_set_local_start (draft, date (2026, 4, 14), 600);
  g_assert_cmpint (draft->starts_at, ==, start);
  rg_booking_draft_add_service (draft, f->manicure, 60, 150000);
  rg_booking_draft_add_service (draft, f->pedicure, 75, 180000);   /* shorter and cheaper for her */
  rg_booking_draft_set_note (draft, "Sensitive skin");

  /* Durations add up, prices too. */
  g_assert_cmpint (rg_booking_draft_get_duration (draft), ==, 135);
  g_assert_cmpint (rg_booking_draft_get_ends_at (draft), ==, start + 135 * MINUTE);
  g_assert_cmpint (rg_booking_draft_get_price (draft), ==, 330000);
  appointment = rg_booking_save (f->studio, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_ends_at (appointment), ==, at (2026, 4, 14, 12, 15));
  g_assert_cmpint (rg_appointment_get_price (appointment), ==, 330000);
  g_assert_cmpstr (rg_appointment_get_note (appointment), ==, "Sensitive skin");

  /* The services come back in their order, with this client's values. */
  services = rg_booking_load_services (f->studio, rg_record_get_id (RG_RECORD (appointment)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 2);
  g_assert_cmpint (g_array_index (services, RgBookingService, 0).service_id, ==, f->manicure);
  g_assert_cmpint (g_array_index (services, RgBookingService, 1).service_id, ==, f->pedicure);
  g_assert_cmpint (g_array_index (services, RgBookingService, 1).duration_minutes, ==, 75);
  g_assert_cmpint (g_array_index (services, RgBookingService, 1).price, ==, 180000);
  g_clear_pointer (&services, g_array_unref);

  /* A price of her own overrides the sum. */
  loaded = rg_booking_draft_new_for_appointment (f->studio, appointment, &error);
  g_assert_no_error (error);
  g_assert_false (loaded->price_override);
  g_assert_cmpint (loaded->appointment_id, ==, rg_record_get_id (RG_RECORD (appointment)));
  loaded->price_override = TRUE;
  loaded->price = 300000;
  g_assert_cmpint (rg_booking_draft_get_price (loaded), ==, 300000);
  g_clear_object (&appointment);
  appointment = rg_booking_save (f->studio, loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_price (appointment), ==, 300000);
  g_clear_pointer (&loaded, rg_booking_draft_free);

  /* Loaded again, the override is recognised; dropping the pedicure
   * replaces the services and shortens the appointment. */
  loaded = rg_booking_draft_new_for_appointment (f->studio, appointment, &error);
  g_assert_true (loaded->price_override);
  g_assert_cmpint (loaded->price, ==, 300000);
  g_assert_cmpuint (loaded->services->len, ==, 2);
  g_array_remove_index (loaded->services, 1);
  loaded->price_override = FALSE;
  {
    g_autoptr(RgAppointment) same = rg_booking_save (f->studio, loaded, &error);

    g_assert_no_error (error);
    g_assert_true (same == appointment);
  }
  g_assert_cmpint (rg_appointment_get_ends_at (appointment), ==, at (2026, 4, 14, 11, 0));
  g_assert_cmpint (rg_appointment_get_price (appointment), ==, 150000);
  g_assert_cmpstr (rg_appointment_get_note (appointment), ==, "Sensitive skin");
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointment_services", 0), ==, 1);

  /* What the editor must not save. */
  {
    g_autoptr(RgBookingDraft) bad = rg_booking_draft_copy (loaded);
    g_autoptr(RgAppointment) none = NULL;

    bad->appointment_id = 0;
    g_array_set_size (bad->services, 0);
    none = rg_booking_save (f->studio, bad, &error);
    g_assert_null (none);
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_clear_error (&error);

    rg_booking_draft_add_service (bad, f->manicure, 1000, 0);
    rg_booking_draft_add_service (bad, f->pedicure, 500, 0);
    none = rg_booking_save (f->studio, bad, &error);
    g_assert_null (none);
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_clear_error (&error);

    g_array_set_size (bad->services, 1);
    bad->client_id = 0;
    none = rg_booking_save (f->studio, bad, &error);
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_clear_error (&error);

    /* An archived master takes no new appointments. */
    bad->client_id = f->anna;
    g_array_index (bad->services, RgBookingService, 0).duration_minutes = 60;
    bad->staff_id = f->former;
    none = rg_booking_save (f->studio, bad, &error);
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Galina"));
    g_clear_error (&error);
  }
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments", 0), ==, 1);
}

/* Moving, resizing ----------------------------------------------------------- */

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBookingDraft) draft = draft_new (f, f->olga, f->marina, at (2026, 4, 14, 10, 0), 60);
  g_autoptr(RgAppointment) appointment = NULL;
  g_autoptr(RgAppointment) anna = book (f, f->anna, f->irina, at (2026, 4, 14, 15, 0), 60, FALSE);
  g_autoptr(GArray) services = NULL;
  gint64 id;

  rg_booking_draft_add_service (draft, f->pedicure, 90, 200000);
  appointment = rg_booking_save (f->studio, draft, &error);
  g_assert_no_error (error);
  id = rg_record_get_id (RG_RECORD (appointment));

  /* Dropped at 11:07: snaps to 11:00 and keeps its 150 minutes. */
  g_assert_true (rg_booking_move (f->studio, appointment, 0, at (2026, 4, 14, 11, 7), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_starts_at (appointment), ==, at (2026, 4, 14, 11, 0));
  g_assert_cmpint (rg_appointment_get_ends_at (appointment), ==, at (2026, 4, 14, 13, 30));
  g_assert_cmpint (rg_appointment_get_staff_id (appointment), ==, f->marina);

  /* 11:08 snaps to 11:15, and across to Irina's column. */
  g_assert_true (rg_booking_move (f->studio, appointment, f->irina, at (2026, 4, 14, 11, 8), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_starts_at (appointment), ==, at (2026, 4, 14, 11, 15));
  g_assert_cmpint (rg_appointment_get_staff_id (appointment), ==, f->irina);

  /* Onto Anna's appointment with Irina: refused, nothing changes. */
  g_assert_false (rg_booking_move (f->studio, appointment, 0, at (2026, 4, 14, 14, 0), 0, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Irina is already busy with Anna at 15:00–16:00.");
  g_clear_error (&error);
  g_assert_cmpint (rg_appointment_get_starts_at (appointment), ==, at (2026, 4, 14, 11, 15));

  /* Resized to end at 13:22 (snaps to 13:15): two hours; the pedicure,
   * last, gives up the 30 minutes. */
  g_assert_true (rg_booking_move (f->studio, appointment, 0, at (2026, 4, 14, 11, 15), at (2026, 4, 14, 13, 22),
                                  &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_ends_at (appointment), ==, at (2026, 4, 14, 13, 15));
  services = rg_booking_load_services (f->studio, id, &error);
  g_assert_cmpint (g_array_index (services, RgBookingService, 0).duration_minutes, ==, 60);
  g_assert_cmpint (g_array_index (services, RgBookingService, 1).duration_minutes, ==, 60);
  g_clear_pointer (&services, g_array_unref);

  /* Down to 15 minutes: each service keeps at least 5. */
  g_assert_true (rg_booking_move (f->studio, appointment, 0, at (2026, 4, 14, 11, 15), at (2026, 4, 14, 11, 30),
                                  &error));
  g_assert_no_error (error);
  services = rg_booking_load_services (f->studio, id, &error);
  g_assert_cmpint (g_array_index (services, RgBookingService, 0).duration_minutes, ==, 10);
  g_assert_cmpint (g_array_index (services, RgBookingService, 1).duration_minutes, ==, 5);
  g_clear_pointer (&services, g_array_unref);

  /* An end before the start becomes one step of the grid. */
  g_assert_true (rg_booking_move (f->studio, appointment, 0, at (2026, 4, 14, 12, 0), at (2026, 4, 14, 11, 0),
                                  &error));
  g_assert_cmpint (rg_appointment_get_ends_at (appointment), ==, at (2026, 4, 14, 12, 15));

  /* Longer again: the last service takes the difference. */
  g_assert_true (rg_booking_move (f->studio, appointment, 0, at (2026, 4, 14, 12, 0), at (2026, 4, 14, 14, 0),
                                  &error));
  services = rg_booking_load_services (f->studio, id, &error);
  g_assert_cmpint (g_array_index (services, RgBookingService, 0).duration_minutes, ==, 10);
  g_assert_cmpint (g_array_index (services, RgBookingService, 1).duration_minutes, ==, 110);
}

static void
test_move_off_grid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) appointment = book (f, f->olga, f->marina, at (2026, 4, 14, 10, 5), 50, FALSE);
  g_autoptr(GArray) services = NULL;

  /* Dragged to Irina's column at the same time: it stays at 10:05. */
  g_assert_true (rg_booking_move (f->studio, appointment, f->irina, at (2026, 4, 14, 10, 5),
                                  at (2026, 4, 14, 10, 55), &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_starts_at (appointment), ==, at (2026, 4, 14, 10, 5));
  g_assert_cmpint (rg_appointment_get_ends_at (appointment), ==, at (2026, 4, 14, 10, 55));
  g_assert_cmpint (rg_appointment_get_staff_id (appointment), ==, f->irina);

  /* Moved with its length (as the day view passes it): the start snaps,
   * the 50 minutes stay. */
  g_assert_true (rg_booking_move (f->studio, appointment, 0, at (2026, 4, 14, 11, 7),
                                  at (2026, 4, 14, 11, 57), &error));
  g_assert_cmpint (rg_appointment_get_starts_at (appointment), ==, at (2026, 4, 14, 11, 0));
  g_assert_cmpint (rg_appointment_get_ends_at (appointment), ==, at (2026, 4, 14, 11, 50));

  /* Resized at the bottom: only the end snaps. */
  g_assert_true (rg_booking_move (f->studio, appointment, 0, at (2026, 4, 14, 11, 0),
                                  at (2026, 4, 14, 12, 22), &error));
  g_assert_cmpint (rg_appointment_get_starts_at (appointment), ==, at (2026, 4, 14, 11, 0));
  g_assert_cmpint (rg_appointment_get_ends_at (appointment), ==, at (2026, 4, 14, 12, 15));
  services = rg_booking_load_services (f->studio, rg_record_get_id (RG_RECORD (appointment)), &error);
  g_assert_cmpint (g_array_index (services, RgBookingService, 0).duration_minutes, ==, 75);
  g_clear_pointer (&services, g_array_unref);

  /* The undo puts it back exactly, services included. */
  g_assert_true (rg_booking_move_exact (f->studio, appointment, f->marina, at (2026, 4, 14, 10, 5),
                                        at (2026, 4, 14, 10, 55), &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_starts_at (appointment), ==, at (2026, 4, 14, 10, 5));
  g_assert_cmpint (rg_appointment_get_ends_at (appointment), ==, at (2026, 4, 14, 10, 55));
  g_assert_cmpint (rg_appointment_get_staff_id (appointment), ==, f->marina);
  services = rg_booking_load_services (f->studio, rg_record_get_id (RG_RECORD (appointment)), &error);
  g_assert_cmpint (g_array_index (services, RgBookingService, 0).duration_minutes, ==, 50);

  /* It still refuses conflicts. */
  {
    g_autoptr(RgAppointment) anna = book (f, f->anna, f->irina, at (2026, 4, 14, 15, 0), 60, FALSE);

    g_assert_false (rg_booking_move_exact (f->studio, appointment, f->irina, at (2026, 4, 14, 15, 5),
                                           at (2026, 4, 14, 15, 55), &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  }
}

static void
test_snap (Fixture       *f,
           gconstpointer  data)
{
  gint64 repeated;

  g_assert_cmpint (rg_booking_snap (at (2026, 4, 14, 10, 7)), ==, at (2026, 4, 14, 10, 0));
  g_assert_cmpint (rg_booking_snap (at (2026, 4, 14, 10, 8)), ==, at (2026, 4, 14, 10, 15));
  g_assert_cmpint (rg_booking_snap (at (2026, 4, 14, 10, 8) + 42), ==, at (2026, 4, 14, 10, 15));
  g_assert_cmpint (rg_booking_snap (at (2026, 4, 14, 23, 55)), ==, at (2026, 4, 15, 0, 0));

  /* Into the hour that 29 March skips: 01:55 CET snaps to the instant
   * five minutes later, which the clock shows as 03:00. */
  g_assert_cmpint (rg_booking_snap (at (2026, 3, 29, 1, 55)), ==, at (2026, 3, 29, 1, 55) + 5 * MINUTE);
  g_assert_cmpint (rg_time_minute_of_day (rg_booking_snap (at (2026, 3, 29, 1, 55))), ==, 180);

  /* The second 02:37 of 25 October (CET) snaps to the second 02:30. */
  repeated = 1792888200 + HOUR + 7 * MINUTE;   /* 2026-10-25T01:37Z */
  g_assert_cmpint (rg_time_minute_of_day (repeated), ==, 157);
  g_assert_cmpint (rg_booking_snap (repeated), ==, repeated - 7 * MINUTE);
}

/* Statuses ------------------------------------------------------------------- */

static void
test_status_transitions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) appointment = book (f, f->olga, f->marina, at (2026, 4, 14, 10, 0), 60, FALSE);
  g_autoptr(RgAppointment) anna = NULL;

  /* The table. */
  g_assert_true (rg_booking_status_can_change (RG_APPOINTMENT_BOOKED, RG_APPOINTMENT_CONFIRMED));
  g_assert_true (rg_booking_status_can_change (RG_APPOINTMENT_BOOKED, RG_APPOINTMENT_ARRIVED));
  g_assert_true (rg_booking_status_can_change (RG_APPOINTMENT_BOOKED, RG_APPOINTMENT_DONE));
  g_assert_true (rg_booking_status_can_change (RG_APPOINTMENT_BOOKED, RG_APPOINTMENT_NO_SHOW));
  g_assert_true (rg_booking_status_can_change (RG_APPOINTMENT_CONFIRMED, RG_APPOINTMENT_BOOKED));
  g_assert_true (rg_booking_status_can_change (RG_APPOINTMENT_CONFIRMED, RG_APPOINTMENT_CANCELLED));
  g_assert_true (rg_booking_status_can_change (RG_APPOINTMENT_ARRIVED, RG_APPOINTMENT_DONE));
  g_assert_true (rg_booking_status_can_change (RG_APPOINTMENT_ARRIVED, RG_APPOINTMENT_CANCELLED));
  g_assert_false (rg_booking_status_can_change (RG_APPOINTMENT_ARRIVED, RG_APPOINTMENT_NO_SHOW));
  g_assert_false (rg_booking_status_can_change (RG_APPOINTMENT_ARRIVED, RG_APPOINTMENT_BOOKED));
  g_assert_false (rg_booking_status_can_change (RG_APPOINTMENT_DONE, RG_APPOINTMENT_BOOKED));
  g_assert_false (rg_booking_status_can_change (RG_APPOINTMENT_DONE, RG_APPOINTMENT_CANCELLED));
  g_assert_false (rg_booking_status_can_change (RG_APPOINTMENT_CANCELLED, RG_APPOINTMENT_BOOKED));
  g_assert_false (rg_booking_status_can_change (RG_APPOINTMENT_NO_SHOW, RG_APPOINTMENT_ARRIVED));
  g_assert_true (rg_booking_status_can_change (RG_APPOINTMENT_DONE, RG_APPOINTMENT_DONE));
  g_assert_true (rg_booking_status_is_active (RG_APPOINTMENT_DONE));
  g_assert_false (rg_booking_status_is_active (RG_APPOINTMENT_NO_SHOW));
  g_assert_cmpstr (rg_booking_status_to_string (RG_APPOINTMENT_NO_SHOW), ==, "No-show");

  set_status (f, appointment, RG_APPOINTMENT_CONFIRMED);
  set_status (f, appointment, RG_APPOINTMENT_ARRIVED);
  set_status (f, appointment, RG_APPOINTMENT_DONE);

  /* Done is final for the menu ... */
  g_assert_false (rg_booking_set_status (f->studio, appointment, RG_APPOINTMENT_BOOKED, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "An appointment that is “Done” cannot become “Booked”.");
  g_clear_error (&error);
  g_assert_cmpint (rg_appointment_get_status (appointment), ==, RG_APPOINTMENT_DONE);

  /* ... but the undo leads back. */
  g_assert_true (rg_booking_undo_status (f->studio, appointment, RG_APPOINTMENT_ARRIVED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_status (appointment), ==, RG_APPOINTMENT_ARRIVED);

  /* Cancelled, the time is given to Anna; undoing the cancellation then
   * would double-book Marina and is refused. */
  set_status (f, appointment, RG_APPOINTMENT_CANCELLED);
  anna = book (f, f->anna, f->marina, at (2026, 4, 14, 10, 30), 60, FALSE);
  g_assert_false (rg_booking_undo_status (f->studio, appointment, RG_APPOINTMENT_ARRIVED, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Marina is already busy with Anna at 10:30–11:30.");
  g_clear_error (&error);
  g_assert_cmpint (rg_appointment_get_status (appointment), ==, RG_APPOINTMENT_CANCELLED);

  set_status (f, anna, RG_APPOINTMENT_CANCELLED);
  g_assert_true (rg_booking_undo_status (f->studio, appointment, RG_APPOINTMENT_BOOKED, &error));
  g_assert_no_error (error);
}

/* Series --------------------------------------------------------------------- */

static void
assert_starts (GArray  *starts,
               guint    n,
               ...)
{
  va_list args;

  g_assert_nonnull (starts);
  g_assert_cmpuint (starts->len, ==, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (starts, gint64, i), ==, va_arg (args, gint64));
  va_end (args);
}

static void
test_series_expand (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) starts = NULL;

  /* Every two weeks from Tuesday 17 March 10:00 until 28 April: across the
   * change to summer time on 29 March the clock still says 10:00, so the
   * UTC hour moves. The end date is included. */
  starts = rg_booking_expand_series (at (2026, 3, 17, 10, 0), 2, date (2026, 4, 28), &error);
  g_assert_no_error (error);
  assert_starts (starts, 4, at (2026, 3, 17, 10, 0), at (2026, 3, 31, 10, 0), at (2026, 4, 14, 10, 0),
                 at (2026, 4, 28, 10, 0));
  g_assert_cmpint (g_array_index (starts, gint64, 0), ==, 1773738000);   /* 09:00Z, CET */
  g_assert_cmpint (g_array_index (starts, gint64, 1), ==, 1774944000);   /* 08:00Z, CEST */
  for (guint i = 0; i < starts->len; i++)
    g_assert_cmpint (rg_time_minute_of_day (g_array_index (starts, gint64, i)), ==, 600);
  g_clear_pointer (&starts, g_array_unref);

  /* The day before the fourth: three. */
  starts = rg_booking_expand_series (at (2026, 3, 17, 10, 0), 2, date (2026, 4, 27), &error);
  g_assert_cmpuint (starts->len, ==, 3);
  g_clear_pointer (&starts, g_array_unref);

  /* Weekly across the return to winter time on 25 October. */
  starts = rg_booking_expand_series (at (2026, 10, 20, 18, 30), 1, date (2026, 11, 3), &error);
  g_assert_no_error (error);
  assert_starts (starts, 3, at (2026, 10, 20, 18, 30), at (2026, 10, 27, 18, 30), at (2026, 11, 3, 18, 30));
  g_assert_cmpint (g_array_index (starts, gint64, 1) - g_array_index (starts, gint64, 0), ==, 7 * 24 * HOUR + HOUR);
  g_clear_pointer (&starts, g_array_unref);

  /* Only the first when the end is its own day. */
  starts = rg_booking_expand_series (at (2026, 3, 17, 10, 0), 4, date (2026, 3, 17), &error);
  assert_starts (starts, 1, at (2026, 3, 17, 10, 0));
  g_clear_pointer (&starts, g_array_unref);

  /* At most a year: 17 March 2027 is fine, the 18th is not. */
  starts = rg_booking_expand_series (at (2026, 3, 17, 10, 0), 1, date (2027, 3, 17), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starts->len, ==, 53);
  g_clear_pointer (&starts, g_array_unref);
  starts = rg_booking_expand_series (at (2026, 3, 17, 10, 0), 1, date (2027, 3, 18), &error);
  g_assert_null (starts);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "17 March 2027"));
  g_clear_error (&error);

  /* Every 1..52 weeks, ending on or after the start. */
  starts = rg_booking_expand_series (at (2026, 3, 17, 10, 0), 0, date (2026, 5, 1), &error);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  starts = rg_booking_expand_series (at (2026, 3, 17, 10, 0), 53, date (2026, 5, 1), &error);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  starts = rg_booking_expand_series (at (2026, 3, 17, 10, 0), 52, date (2027, 3, 17), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starts->len, ==, 2);
  g_clear_pointer (&starts, g_array_unref);
  starts = rg_booking_expand_series (at (2026, 3, 17, 10, 0), 1, date (2026, 3, 16), &error);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_series_conflicts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBookingDraft) draft = draft_new (f, f->olga, f->marina, at (2026, 3, 17, 10, 0), 60);
  g_autoptr(RgAppointment) anna = book (f, f->anna, f->marina, at (2026, 3, 31, 10, 30), 60, FALSE);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  RgBookingOccurrence *o;
  gint64 series_id;

  rg_schedule_set_day_off (f->store, f->marina, date (2026, 4, 28), TRUE, NULL, &error);
  g_assert_no_error (error);

  /* Listed before saving: the second meets Anna, the fourth is a day off. */
  plan = rg_booking_plan_series (f->studio, draft, 2, date (2026, 4, 28), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, ==, 4);
  for (guint i = 0; i < plan->len; i++)
    {
      o = g_ptr_array_index (plan, i);
      g_assert_cmpint (o->ends_at - o->starts_at, ==, HOUR);
      g_assert_cmpuint (o->conflicts->len, ==, i == 1 ? 1 : 0);
      g_assert_true (o->within_hours == (i != 3));
    }
  o = g_ptr_array_index (plan, 1);
  g_assert_cmpint (o->starts_at, ==, at (2026, 3, 31, 10, 0));
  g_assert_cmpstr (((RgBookingConflict *) g_ptr_array_index (o->conflicts, 0))->message, ==,
                   "Marina is already busy with Anna at 10:30–11:30.");

  /* All or none: none, and the refusal names the date. */
  saved = rg_booking_save_series (f->studio, draft, 2, date (2026, 4, 28), RG_BOOKING_SERIES_ALL, &error);
  g_assert_null (saved);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Marina is already busy with Anna on 31 March 2026 at 10:30–11:30.");
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments", 0), ==, 1);

  /* The free ones: three, in one series. */
  saved = rg_booking_save_series (f->studio, draft, 2, date (2026, 4, 28), RG_BOOKING_SERIES_SKIP_CONFLICTS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 3);
  series_id = rg_appointment_get_series_id (g_ptr_array_index (saved, 0));
  g_assert_cmpint (series_id, !=, 0);
  for (guint i = 0; i < saved->len; i++)
    {
      RgAppointment *a = g_ptr_array_index (saved, i);

      g_assert_cmpint (rg_appointment_get_series_id (a), ==, series_id);
      g_assert_cmpint (rg_time_minute_of_day (rg_appointment_get_starts_at (a)), ==, 600);
      g_assert_cmpint (rg_appointment_get_ends_at (a) - rg_appointment_get_starts_at (a), ==, HOUR);
    }
  g_assert_cmpint (rg_appointment_get_starts_at (g_ptr_array_index (saved, 1)), ==, at (2026, 4, 14, 10, 0));
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointments", 0), ==, 4);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointment_services", 0), ==, 4);
  g_clear_pointer (&saved, g_ptr_array_unref);

  /* Nothing free at all is an error. */
  saved = rg_booking_save_series (f->studio, draft, 2, date (2026, 3, 17), RG_BOOKING_SERIES_SKIP_CONFLICTS, &error);
  g_assert_null (saved);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Olga is already booked with Marina on 17 March 2026"));
}

/* Books Olga with Marina at 10:00 every two weeks from 17 March to 12 May:
 * 17.3, 31.3, 14.4, 28.4, 12.5. */
static GPtrArray *
book_series (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBookingDraft) draft = draft_new (f, f->olga, f->marina, at (2026, 3, 17, 10, 0), 60);
  GPtrArray *saved;

  saved = rg_booking_save_series (f->studio, draft, 2, date (2026, 5, 12), RG_BOOKING_SERIES_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 5);
  return saved;
}

#define OCCURRENCE(saved, i) ((RgAppointment *) g_ptr_array_index ((saved), (i)))

static void
test_series_edit_one (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = book_series (f);
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(RgAppointment) edited = NULL;
  gint64 series_id = rg_appointment_get_series_id (OCCURRENCE (saved, 0));

  /* One occurrence moves to 11:00; it stays in the series, the rest stay. */
  draft = rg_booking_draft_new_for_appointment (f->studio, OCCURRENCE (saved, 1), &error);
  g_assert_no_error (error);
  rg_booking_draft_set_local_start (draft, date (2026, 3, 31), 11 * 60);
  edited = rg_booking_save (f->studio, draft, &error);
  g_assert_no_error (error);
  g_assert_true (edited == OCCURRENCE (saved, 1));
  g_assert_cmpint (rg_appointment_get_starts_at (edited), ==, at (2026, 3, 31, 11, 0));
  g_assert_cmpint (rg_appointment_get_series_id (edited), ==, series_id);
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 0)), ==, at (2026, 3, 17, 10, 0));
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 2)), ==, at (2026, 4, 14, 10, 0));

  /* An occurrence already in a series cannot start another. */
  {
    g_autoptr(GPtrArray) again = rg_booking_save_series (f->studio, draft, 1, date (2026, 4, 30),
                                                         RG_BOOKING_SERIES_ALL, &error);
    g_assert_null (again);
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  }
}

static void
test_series_edit_following (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = book_series (f);
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(RgAppointment) blocker = NULL;
  guint n_changed = 0;
  gint64 series_id = rg_appointment_get_series_id (OCCURRENCE (saved, 0));

  /* 28 April happened already. */
  set_status (f, OCCURRENCE (saved, 3), RG_APPOINTMENT_DONE);

  /* From 14 April on: Irina at 12:00, with a pedicure too. */
  draft = rg_booking_draft_new_for_appointment (f->studio, OCCURRENCE (saved, 2), &error);
  g_assert_no_error (error);
  draft->staff_id = f->irina;
  rg_booking_draft_set_local_start (draft, date (2026, 4, 14), 12 * 60);
  rg_booking_draft_add_service (draft, f->pedicure, 90, 200000);

  /* Anna with Irina on 12 May at 12:30 is in the way: all refused. */
  blocker = book (f, f->anna, f->irina, at (2026, 5, 12, 12, 30), 60, FALSE);
  g_assert_false (rg_booking_save_following (f->studio, draft, &n_changed, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Irina is already busy with Anna on 12 May 2026 at 12:30–13:30.");
  g_clear_error (&error);
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 2)), ==, at (2026, 4, 14, 10, 0));
  g_assert_cmpint (rg_appointment_get_staff_id (OCCURRENCE (saved, 2)), ==, f->marina);

  set_status (f, blocker, RG_APPOINTMENT_CANCELLED);
  g_assert_true (rg_booking_save_following (f->studio, draft, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);

  /* Before: untouched. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (rg_appointment_get_staff_id (OCCURRENCE (saved, i)), ==, f->marina);
      g_assert_cmpint (rg_time_minute_of_day (rg_appointment_get_starts_at (OCCURRENCE (saved, i))), ==, 600);
    }
  /* The done one: as it happened. */
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 3)), ==, at (2026, 4, 28, 10, 0));
  g_assert_cmpint (rg_appointment_get_staff_id (OCCURRENCE (saved, 3)), ==, f->marina);
  /* This and the following: each on its own date, 12:00–14:30, Irina. */
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 2)), ==, at (2026, 4, 14, 12, 0));
  g_assert_cmpint (rg_appointment_get_ends_at (OCCURRENCE (saved, 2)), ==, at (2026, 4, 14, 14, 30));
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 4)), ==, at (2026, 5, 12, 12, 0));
  g_assert_cmpint (rg_appointment_get_ends_at (OCCURRENCE (saved, 4)), ==, at (2026, 5, 12, 14, 30));
  g_assert_cmpint (rg_appointment_get_staff_id (OCCURRENCE (saved, 4)), ==, f->irina);
  g_assert_cmpint (rg_appointment_get_price (OCCURRENCE (saved, 4)), ==, 350000);
  g_assert_cmpint (rg_appointment_get_series_id (OCCURRENCE (saved, 4)), ==, series_id);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM appointment_services", 0), ==, 5 + 1 + 2);

  /* Moving this one a day later moves the following a day later too. */
  g_clear_pointer (&draft, rg_booking_draft_free);
  draft = rg_booking_draft_new_for_appointment (f->studio, OCCURRENCE (saved, 2), &error);
  rg_booking_draft_set_local_start (draft, date (2026, 4, 15), 12 * 60);
  g_assert_true (rg_booking_save_following (f->studio, draft, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 2)), ==, at (2026, 4, 15, 12, 0));
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 4)), ==, at (2026, 5, 13, 12, 0));
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 3)), ==, at (2026, 4, 28, 10, 0));
}

static void
test_series_cancel_following (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = book_series (f);
  g_autoptr(GArray) undo = NULL;
  g_autoptr(RgAppointment) anna = NULL;

  set_status (f, OCCURRENCE (saved, 2), RG_APPOINTMENT_CONFIRMED);
  set_status (f, OCCURRENCE (saved, 3), RG_APPOINTMENT_DONE);

  /* From 31 March: all but the done one. */
  g_assert_true (rg_booking_cancel_following (f->studio, OCCURRENCE (saved, 1), &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (undo->len, ==, 3);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 0)), ==, RG_APPOINTMENT_BOOKED);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 1)), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 2)), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 3)), ==, RG_APPOINTMENT_DONE);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 4)), ==, RG_APPOINTMENT_CANCELLED);

  /* Undo, while 12 May was given to Anna: refused, all stay cancelled. */
  anna = book (f, f->anna, f->marina, at (2026, 5, 12, 10, 0), 60, FALSE);
  g_assert_false (rg_booking_restore_statuses (f->studio, undo, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Marina is already busy with Anna on 12 May 2026 at 10:00–11:00.");
  g_clear_error (&error);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 1)), ==, RG_APPOINTMENT_CANCELLED);

  /* Anna cancels: the undo restores each one's own status. */
  set_status (f, anna, RG_APPOINTMENT_CANCELLED);
  g_assert_true (rg_booking_restore_statuses (f->studio, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 1)), ==, RG_APPOINTMENT_BOOKED);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 2)), ==, RG_APPOINTMENT_CONFIRMED);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 4)), ==, RG_APPOINTMENT_BOOKED);
  g_clear_pointer (&undo, g_array_unref);

  /* Outside a series only the appointment itself. */
  g_assert_true (rg_booking_cancel_following (f->studio, anna, &undo, &error));
  g_assert_cmpuint (undo->len, ==, 0);
}

static void
count_commit_cb (RgStore *store,
                 guint   *n)
{
  (*n)++;
}

/* The editor's Save with a status: "This and Following" with Cancelled
 * cancels the rest of the series (not what happened), in one commit; Done
 * is this occurrence's only; a status that may not follow is refused with
 * nothing written. */
static void
test_series_status_following (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = book_series (f);
  g_autoptr(RgBookingDraft) draft = NULL;
  guint n_changed = 0, commits = 0;
  gulong id;

  set_status (f, OCCURRENCE (saved, 2), RG_APPOINTMENT_CONFIRMED);
  set_status (f, OCCURRENCE (saved, 3), RG_APPOINTMENT_NO_SHOW);

  /* From 31 March, Done: only 31 March is done; the rest keep theirs. */
  draft = rg_booking_draft_new_for_appointment (f->studio, OCCURRENCE (saved, 1), &error);
  g_assert_no_error (error);
  draft->set_status = TRUE;
  draft->status = RG_APPOINTMENT_DONE;
  g_assert_true (rg_booking_save_following (f->studio, draft, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 1)), ==, RG_APPOINTMENT_DONE);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 2)), ==, RG_APPOINTMENT_CONFIRMED);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 4)), ==, RG_APPOINTMENT_BOOKED);

  /* From 14 April, Cancelled, with a new time: one commit; 14 April and
   * 12 May are cancelled and moved, the no-show of 28 April stays. */
  g_clear_pointer (&draft, rg_booking_draft_free);
  draft = rg_booking_draft_new_for_appointment (f->studio, OCCURRENCE (saved, 2), &error);
  rg_booking_draft_set_local_start (draft, date (2026, 4, 14), 11 * 60);
  draft->set_status = TRUE;
  draft->status = RG_APPOINTMENT_CANCELLED;
  id = g_signal_connect (f->store, "committed", G_CALLBACK (count_commit_cb), &commits);
  g_assert_true (rg_booking_save_following (f->studio, draft, &n_changed, &error));
  g_signal_handler_disconnect (f->store, id);
  g_assert_no_error (error);
  g_assert_cmpuint (commits, ==, 1);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 0)), ==, RG_APPOINTMENT_BOOKED);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 1)), ==, RG_APPOINTMENT_DONE);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 2)), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 3)), ==, RG_APPOINTMENT_NO_SHOW);
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 4)), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 4)), ==, at (2026, 5, 12, 11, 0));

  /* Cancelled may not become Arrived: refused, nothing written. */
  g_clear_pointer (&draft, rg_booking_draft_free);
  draft = rg_booking_draft_new_for_appointment (f->studio, OCCURRENCE (saved, 4), &error);
  rg_booking_draft_set_local_start (draft, date (2026, 5, 12), 15 * 60);
  draft->set_status = TRUE;
  draft->status = RG_APPOINTMENT_ARRIVED;
  g_assert_false (rg_booking_save_following (f->studio, draft, &n_changed, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rg_appointment_get_starts_at (OCCURRENCE (saved, 4)), ==, at (2026, 5, 12, 11, 0));
  g_assert_cmpint (rg_appointment_get_status (OCCURRENCE (saved, 4)), ==, RG_APPOINTMENT_CANCELLED);
}

/* Done before the visit starts is asked about: in minutes when it is
 * within the hour, with the time later today, with the date on another
 * day; not once it has started. */
static void
test_early_done (Fixture       *f,
                 gconstpointer  data)
{
  gint64 start = at (2026, 3, 17, 9, 0);
  g_autofree char *soon = rg_booking_describe_early_done (start, start - 3 * 60);
  g_autofree char *later = rg_booking_describe_early_done (start, at (2026, 3, 17, 7, 0));
  g_autofree char *other = rg_booking_describe_early_done (start, at (2026, 3, 16, 18, 0));

  g_assert_cmpstr (soon, ==, "This visit starts at 09:00, in 3 minutes. Mark it done already?");
  g_assert_cmpstr (later, ==, "This visit starts at 09:00 today. Mark it done already?");
  g_assert_cmpstr (other, ==, "This visit is on 17 March 2026 at 09:00, which has not come yet. Mark it done already?");
  g_assert_null (rg_booking_describe_early_done (start, start));
  g_assert_null (rg_booking_describe_early_done (start, start + 600));
}

/* A single save with a status: fields and status in one commit; a
 * cancellation frees the time it gave up in the same save. */
static void
test_save_with_status (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) olga = book (f, f->olga, f->marina, at (2026, 3, 17, 10, 0), 60, FALSE);
  g_autoptr(RgAppointment) anna = book (f, f->anna, f->marina, at (2026, 3, 17, 11, 0), 60, FALSE);
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(RgAppointment) saved = NULL;
  guint commits = 0;
  gulong id;

  /* Olga moved onto Anna's hour while cancelled: no conflict. */
  draft = rg_booking_draft_new_for_appointment (f->studio, olga, &error);
  rg_booking_draft_set_local_start (draft, date (2026, 3, 17), 11 * 60);
  draft->set_status = TRUE;
  draft->status = RG_APPOINTMENT_CANCELLED;
  id = g_signal_connect (f->store, "committed", G_CALLBACK (count_commit_cb), &commits);
  saved = rg_booking_save (f->studio, draft, &error);
  g_signal_handler_disconnect (f->store, id);
  g_assert_no_error (error);
  g_assert_cmpuint (commits, ==, 1);
  g_assert_cmpint (rg_appointment_get_status (saved), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_cmpint (rg_appointment_get_starts_at (saved), ==, at (2026, 3, 17, 11, 0));

  /* A new booking made as Confirmed. */
  g_clear_pointer (&draft, rg_booking_draft_free);
  g_clear_object (&saved);
  draft = draft_new (f, f->vera, f->irina, at (2026, 3, 17, 12, 0), 60);
  draft->set_status = TRUE;
  draft->status = RG_APPOINTMENT_CONFIRMED;
  saved = rg_booking_save (f->studio, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_appointment_get_status (saved), ==, RG_APPOINTMENT_CONFIRMED);
}

/* Deleting a client: what is to come is counted and cancelled with the
 * card, in one commit; what happened stays; the undo brings both back, and
 * a booking whose time was given away meanwhile stays cancelled. */
static void
test_delete_client (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClient) olga = rg_studio_lookup (f->studio, RG_TYPE_CLIENT, f->olga, NULL);
  g_autoptr(RgAppointment) past = book (f, f->olga, f->marina, at (2026, 3, 10, 10, 0), 60, FALSE);
  g_autoptr(RgAppointment) first = book (f, f->olga, f->marina, at (2026, 3, 17, 10, 0), 60, FALSE);
  g_autoptr(RgAppointment) second = book (f, f->olga, f->irina, at (2026, 3, 24, 15, 0), 60, FALSE);
  g_autoptr(RgAppointment) dropped = book (f, f->olga, f->irina, at (2026, 3, 25, 15, 0), 60, FALSE);
  g_autoptr(RgAppointment) anna = NULL;
  g_autoptr(GArray) cancelled = NULL;
  gint64 now = at (2026, 3, 16, 9, 0);
  gint64 next = 0;
  guint n = 0, lost = 0, commits = 0;
  gulong id;

  set_status (f, past, RG_APPOINTMENT_DONE);
  set_status (f, second, RG_APPOINTMENT_CONFIRMED);
  set_status (f, dropped, RG_APPOINTMENT_CANCELLED);

  g_assert_true (rg_booking_count_future (f->studio, f->olga, now, &n, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (next, ==, at (2026, 3, 17, 10, 0));

  id = g_signal_connect (f->store, "committed", G_CALLBACK (count_commit_cb), &commits);
  g_assert_true (rg_booking_delete_client (f->studio, olga, now, &cancelled, &error));
  g_signal_handler_disconnect (f->store, id);
  g_assert_no_error (error);
  g_assert_cmpuint (commits, ==, 1);
  g_assert_cmpuint (cancelled->len, ==, 2);
  g_assert_true (rg_record_is_deleted (RG_RECORD (olga)));
  g_assert_cmpint (rg_appointment_get_status (past), ==, RG_APPOINTMENT_DONE);
  g_assert_cmpint (rg_appointment_get_status (first), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_cmpint (rg_appointment_get_status (second), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_cmpint (rg_appointment_get_status (dropped), ==, RG_APPOINTMENT_CANCELLED);

  /* Undo: the card and each booking with its own status. */
  g_assert_true (rg_booking_restore_client (f->studio, olga, cancelled, &lost, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_false (rg_record_is_deleted (RG_RECORD (olga)));
  g_assert_cmpint (rg_appointment_get_status (first), ==, RG_APPOINTMENT_BOOKED);
  g_assert_cmpint (rg_appointment_get_status (second), ==, RG_APPOINTMENT_CONFIRMED);
  g_assert_cmpint (rg_appointment_get_status (dropped), ==, RG_APPOINTMENT_CANCELLED);

  /* Deleted again; Anna takes 17 March meanwhile: the undo brings the card
   * and 24 March back, 17 March stays cancelled. */
  g_clear_pointer (&cancelled, g_array_unref);
  g_assert_true (rg_booking_delete_client (f->studio, olga, now, &cancelled, &error));
  anna = book (f, f->anna, f->marina, at (2026, 3, 17, 10, 0), 60, FALSE);
  g_assert_true (rg_booking_restore_client (f->studio, olga, cancelled, &lost, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lost, ==, 1);
  g_assert_false (rg_record_is_deleted (RG_RECORD (olga)));
  g_assert_cmpint (rg_appointment_get_status (first), ==, RG_APPOINTMENT_CANCELLED);
  g_assert_cmpint (rg_appointment_get_status (second), ==, RG_APPOINTMENT_CONFIRMED);

  /* Nothing to come: nothing cancelled. */
  g_clear_pointer (&cancelled, g_array_unref);
  g_assert_true (rg_booking_delete_client (f->studio, olga, at (2026, 4, 1, 0, 0), &cancelled, &error));
  g_assert_cmpuint (cancelled->len, ==, 0);
  g_assert_cmpint (rg_appointment_get_status (second), ==, RG_APPOINTMENT_CONFIRMED);
}

/* A call that books: the booking and the call in the timeline (and the
 * call-back task it answers, done) in one commit; a booking refused
 * writes none of them, so the client stays on the call list. */
static void
test_call_book (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgInteraction) task = rg_interaction_new (f->olga, RG_INTERACTION_TASK, "Call back");
  g_autoptr(RgAppointment) anna = book (f, f->anna, f->marina, at (2026, 3, 17, 10, 0), 60, FALSE);
  g_autoptr(RgBookingDraft) draft = draft_new (f, f->olga, f->marina, at (2026, 3, 17, 10, 30), 60);
  g_autoptr(RgAppointment) saved = NULL;
  RgCall call = { f->olga, 0, f->marina };
  guint commits = 0;
  gulong id;

  g_object_set (task, "due-at", at (2026, 3, 16, 15, 0), NULL);
  g_assert_true (rg_studio_save (f->studio, task, &error));
  call.task_id = rg_record_get_id (RG_RECORD (task));

  /* Refused: Marina is busy. Nothing is written. */
  saved = rg_call_book (f->studio, &call, draft, &error);
  g_assert_null (saved);
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'call'",
                                 f->olga), ==, 0);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM interactions WHERE id = ?1 AND done_at IS NULL",
                                 call.task_id), ==, 1);

  /* At 11:00: one commit with the booking, the call and the task done. */
  rg_booking_draft_set_local_start (draft, date (2026, 3, 17), 11 * 60);
  id = g_signal_connect (f->store, "committed", G_CALLBACK (count_commit_cb), &commits);
  saved = rg_call_book (f->studio, &call, draft, &error);
  g_signal_handler_disconnect (f->store, id);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpuint (commits, ==, 1);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'call'"
                                           " AND outcome = 'booked' AND staff_id IS NOT NULL", f->olga), ==, 1);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM interactions WHERE id = ?1 AND done_at IS NOT NULL",
                                 call.task_id), ==, 1);

  /* "Booked" is not a call to log without a booking. */
  g_assert_false (rg_call_log (f->studio, &call, RG_CALL_OUTCOME_NOT_INTERESTED, 0, "Moved away", &error) == FALSE);
  g_assert_cmpint (test_sql_int (f->store, "SELECT count(*) FROM interactions WHERE client_id = ?1 AND kind = 'call'",
                                 f->olga), ==, 2);
}

/* Free slots ----------------------------------------------------------------- */

static void
assert_slot (Fixture *f,
             gint64   staff_id,
             int      minutes,
             gint64   from,
             gint64   expected_staff,
             gint64   expected_start)
{
  g_autoptr(GError) error = NULL;
  RgBookingSlot slot = { 0, };
  gboolean found = FALSE;

  g_assert_true (rg_booking_find_free_slot (f->studio, f->manicure, staff_id, minutes, from, 0,
                                            &slot, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpint (slot.staff_id, ==, expected_staff);
  g_assert_cmpint (slot.starts_at, ==, expected_start);
  g_assert_cmpint (slot.ends_at, ==, expected_start + (gint64) (minutes ? minutes : 60) * MINUTE);
}

static void
test_free_slot (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgAppointment) a = book (f, f->anna, f->marina, at (2026, 4, 14, 9, 0), 60, FALSE);
  g_autoptr(RgAppointment) b = book (f, f->vera, f->marina, at (2026, 4, 14, 10, 0), 90, FALSE);
  g_autoptr(RgAppointment) c = book (f, f->olga, f->marina, at (2026, 4, 14, 14, 0), 30, FALSE);
  gint64 morning = at (2026, 4, 14, 8, 0);

  /* Marina: after Anna and Vera, 11:30. */
  assert_slot (f, f->marina, 60, morning, f->marina, at (2026, 4, 14, 11, 30));
  /* The service's own length when none is given. */
  assert_slot (f, f->marina, 0, morning, f->marina, at (2026, 4, 14, 11, 30));
  /* 90 minutes end right at lunch: fine. */
  assert_slot (f, f->marina, 90, morning, f->marina, at (2026, 4, 14, 11, 30));
  /* Two hours do not fit before lunch; after it Olga is there until 14:30. */
  assert_slot (f, f->marina, 120, morning, f->marina, at (2026, 4, 14, 14, 30));
  /* From 14:37 the grid says 14:45. */
  assert_slot (f, f->marina, 60, at (2026, 4, 14, 14, 37), f->marina, at (2026, 4, 14, 14, 45));
  /* After closing: the next morning. */
  assert_slot (f, f->marina, 60, at (2026, 4, 14, 17, 30), f->marina, at (2026, 4, 15, 9, 0));
  /* A cancelled appointment does not hold its time. */
  set_status (f, b, RG_APPOINTMENT_CANCELLED);
  assert_slot (f, f->marina, 60, morning, f->marina, at (2026, 4, 14, 10, 0));

  /* Anyone: Marina at 10:00 beats Irina, who starts at 10:00 too but
   * comes later in the staff order; the administrator and the archived
   * master, both free from 8:00, are not offered. */
  assert_slot (f, 0, 60, morning, f->marina, at (2026, 4, 14, 10, 0));
  g_clear_object (&b);
  b = book (f, f->vera, f->marina, at (2026, 4, 14, 10, 0), 90, FALSE);
  assert_slot (f, 0, 60, morning, f->irina, at (2026, 4, 14, 10, 0));

  /* None within the window: Marina off for three days, looking three ahead. */
  {
    RgBookingSlot slot = { 0, };
    gboolean found = TRUE;

    for (int d = 15; d <= 17; d++)
      g_assert_true (rg_schedule_set_day_off (f->store, f->marina, date (2026, 4, d), TRUE, NULL, &error));
    g_assert_true (rg_booking_find_free_slot (f->studio, 0, f->marina, 60, at (2026, 4, 14, 18, 0), 3,
                                              &slot, &found, &error));
    g_assert_no_error (error);
    g_assert_false (found);
    /* The default window finds the 18th. */
    assert_slot (f, f->marina, 60, at (2026, 4, 14, 18, 0), f->marina, at (2026, 4, 18, 9, 0));

    /* Longer than any working span: never, within the default 60 days. */
    g_assert_true (rg_booking_find_free_slot (f->studio, 0, f->marina, 300, morning, 0, &slot, &found, &error));
    g_assert_no_error (error);
    g_assert_false (found);

    /* No length and no service. */
    g_assert_false (rg_booking_find_free_slot (f->studio, 0, f->marina, 0, morning, 0, &slot, &found, &error));
    g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  }
}

/* What a commit changed is told by day and master: a booking names its
 * day, a move both days, and nothing else. */
typedef struct {
  RgDate  a, b;
  gint64  staff;
  GArray *seen;   /* guint: bit 0 day a, bit 1 day b, bit 2 day a of another master */
} Touched;

static void
touched_cb (RgStudio  *studio,
            RgChanges  changes,
            Touched   *t)
{
  guint bits = 0;

  if (rg_studio_changes_touch_days (studio, t->a, t->a, 0))
    bits |= 1;
  if (rg_studio_changes_touch_days (studio, t->b, t->b, 0))
    bits |= 2;
  if (rg_studio_changes_touch_days (studio, t->a, t->a, t->staff))
    bits |= 4;
  g_array_append_val (t->seen, bits);
}

static void
test_changes_touch_days (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  Touched t = { date (2026, 3, 17), date (2026, 3, 19), f->irina, seen };
  g_autoptr(RgAppointment) a = NULL;
  gulong id;

  id = g_signal_connect (f->studio, "changes", G_CALLBACK (touched_cb), &t);

  a = book (f, f->olga, f->marina, at (2026, 3, 17, 10, 0), 60, FALSE);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpuint (g_array_index (seen, guint, 0), ==, 1);       /* day a, Marina's; not day b, not Irina's */

  g_assert_true (rg_booking_move (f->studio, a, f->marina, at (2026, 3, 19, 11, 0), at (2026, 3, 19, 12, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (g_array_index (seen, guint, 1), ==, 1 | 2);   /* where it was and where it is */

  g_assert_true (rg_booking_set_status (f->studio, a, RG_APPOINTMENT_CONFIRMED, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpuint (g_array_index (seen, guint, 2), ==, 2);       /* day b only */

  /* Moved to Irina on day a. */
  g_assert_true (rg_booking_move (f->studio, a, f->irina, at (2026, 3, 17, 15, 0), at (2026, 3, 17, 16, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (seen, guint, seen->len - 1), ==, 1 | 2 | 4);

  /* Other changes name no day; outside an announcement, every day may
   * have changed. */
  g_assert_true (rg_studio_save (f->studio, rg_client_new ("Nina", "+7 912 000-00-77"), &error) || TRUE);
  g_clear_error (&error);
  g_assert_cmpuint (g_array_index (seen, guint, seen->len - 1), ==, 0);
  g_assert_true (rg_studio_changes_touch_days (f->studio, t.b, t.b, 0));

  g_signal_handler_disconnect (f->studio, id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/booking/conflicts/staff", test_conflicts_staff);
  ADD ("/booking/conflicts/client", test_conflicts_client);
  ADD ("/booking/conflicts/inactive", test_conflicts_inactive);
  ADD ("/booking/conflicts/long-earlier", test_conflicts_long_earlier);
  ADD ("/booking/working-hours", test_working_hours);
  ADD ("/booking/services-and-price", test_services_and_price);
  ADD ("/booking/move", test_move);
  ADD ("/booking/move-off-grid", test_move_off_grid);
  ADD ("/booking/snap", test_snap);
  ADD ("/booking/status", test_status_transitions);
  ADD ("/booking/series/expand", test_series_expand);
  ADD ("/booking/series/conflicts", test_series_conflicts);
  ADD ("/booking/series/edit-one", test_series_edit_one);
  ADD ("/booking/series/edit-following", test_series_edit_following);
  ADD ("/booking/series/cancel-following", test_series_cancel_following);
  ADD ("/booking/series/status-following", test_series_status_following);
  ADD ("/booking/status/with-save", test_save_with_status);
  ADD ("/booking/delete-client", test_delete_client);
  ADD ("/booking/call-book", test_call_book);
  ADD ("/booking/status/early-done", test_early_done);
  ADD ("/booking/free-slot", test_free_slot);
  ADD ("/booking/changes-touch-days", test_changes_touch_days);
#undef ADD

  return g_test_run ();
}
