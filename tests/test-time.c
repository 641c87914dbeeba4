/* test-time.c — local days and wall-clock times (Europe/Berlin, with its
 * 23- and 25-hour days), snapping, ISO dates; staff schedules.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "model/rg-schedule.h"
#include "model/rg-staff.h"
#include "model/rg-studio.h"
#include "util/rg-time.h"

#define HOUR 3600

static RgDate
date (int year,
      int month,
      int day)
{
  RgDate d = { year, month, day };
  return d;
}

static void
assert_date (RgDate d,
             int    year,
             int    month,
             int    day)
{
  g_assert_cmpint (d.year, ==, year);
  g_assert_cmpint (d.month, ==, month);
  g_assert_cmpint (d.day, ==, day);
}

static void
use_berlin (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");

  g_assert_nonnull (berlin);
  rg_time_set_zone (berlin);
}

static void
test_day_boundaries (void)
{
  RgDate normal = date (2026, 4, 14);
  RgDate spring = date (2026, 3, 29);   /* 02:00 CET becomes 03:00 CEST */
  RgDate autumn = date (2026, 10, 25);  /* 03:00 CEST becomes 02:00 CET */

  use_berlin ();

  /* Local midnight in UTC: CEST is +2, CET +1. */
  g_assert_cmpint (rg_date_start (normal), ==, 1776117600);   /* 2026-04-13T22:00Z */
  g_assert_cmpint (rg_date_start (spring), ==, 1774738800);   /* 2026-03-28T23:00Z */
  g_assert_cmpint (rg_date_end (normal) - rg_date_start (normal), ==, 24 * HOUR);
  g_assert_cmpint (rg_date_end (spring) - rg_date_start (spring), ==, 23 * HOUR);
  g_assert_cmpint (rg_date_end (autumn) - rg_date_start (autumn), ==, 25 * HOUR);

  /* The last second of a day is on that day, its end on the next. */
  assert_date (rg_date_from_time (rg_date_end (spring) - 1), 2026, 3, 29);
  assert_date (rg_date_from_time (rg_date_end (spring)), 2026, 3, 30);
  assert_date (rg_date_from_time (rg_date_start (autumn)), 2026, 10, 25);
  assert_date (rg_date_from_time (rg_date_start (autumn) - 1), 2026, 10, 24);

  /* In UTC the same instant can be another date. */
  rg_time_set_zone (NULL);
  assert_date (rg_date_from_time (1774738800), 2026, 3, 28);
}

static void
test_wall_clock (void)
{
  RgDate days[] = { date (2026, 3, 29), date (2026, 10, 25), date (2026, 4, 14) };

  use_berlin ();

  /* An appointment at 10:00 for 60 minutes keeps 10:00–11:00 and lasts an
   * hour, also on the 23- and 25-hour days. */
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      gint64 start = rg_time_from_local (days[i], 10 * 60);
      gint64 end = rg_time_from_local (days[i], 11 * 60);

      g_assert_cmpint (end - start, ==, HOUR);
      g_assert_cmpint (rg_time_minute_of_day (start), ==, 600);
      g_assert_cmpint (rg_time_minute_of_day (start + HOUR), ==, 660);
      assert_date (rg_date_from_time (start), days[i].year, days[i].month, days[i].day);
    }
  g_assert_cmpint (rg_time_from_local (date (2026, 3, 29), 600), ==, 1774771200);   /* 08:00Z */
  g_assert_cmpint (rg_time_from_local (date (2026, 10, 25), 600), ==, 1792918800);  /* 09:00Z */

  /* 02:30 does not exist on 29 March: it moves forward into CEST, after
   * 01:59 and no later than 03:30. */
  {
    gint64 t = rg_time_from_local (date (2026, 3, 29), 150);
    int minute = rg_time_minute_of_day (t);

    g_assert_cmpint (t, >, rg_time_from_local (date (2026, 3, 29), 119));
    g_assert_cmpint (minute, >=, 180);
    g_assert_cmpint (minute, <=, 210);
    assert_date (rg_date_from_time (t), 2026, 3, 29);
  }

  /* On 25 October 02:30 happens twice; both read as 02:30. */
  {
    gint64 first = 1792888200;    /* 2026-10-25T00:30Z = 02:30 CEST */
    gint64 second = first + HOUR; /* 02:30 CET */

    g_assert_cmpint (rg_time_minute_of_day (first), ==, 150);
    g_assert_cmpint (rg_time_minute_of_day (second), ==, 150);
    g_assert_cmpint (rg_time_minute_of_day (second + HOUR), ==, 210);
  }

  /* Minutes past midnight and before it roll over to the next and the
   * previous day. */
  g_assert_cmpint (rg_time_from_local (date (2026, 4, 14), 24 * 60 + 30), ==,
                   rg_time_from_local (date (2026, 4, 15), 30));
  g_assert_cmpint (rg_time_from_local (date (2026, 4, 14), -30), ==,
                   rg_time_from_local (date (2026, 4, 13), 23 * 60 + 30));

  rg_time_set_zone (NULL);
}

static void
test_snap (void)
{
  g_assert_cmpint (rg_time_snap_minutes (0, 15), ==, 0);
  g_assert_cmpint (rg_time_snap_minutes (7, 15), ==, 0);
  g_assert_cmpint (rg_time_snap_minutes (8, 15), ==, 15);
  g_assert_cmpint (rg_time_snap_minutes (22, 15), ==, 15);
  g_assert_cmpint (rg_time_snap_minutes (23, 15), ==, 30);
  g_assert_cmpint (rg_time_snap_minutes (607, 15), ==, 600);
  g_assert_cmpint (rg_time_snap_minutes (608, 15), ==, 615);
  g_assert_cmpint (rg_time_snap_minutes (1439, 15), ==, 1440);
  /* Negative minutes (a drag above midnight) snap symmetrically. */
  g_assert_cmpint (rg_time_snap_minutes (-7, 15), ==, 0);
  g_assert_cmpint (rg_time_snap_minutes (-8, 15), ==, -15);
  g_assert_cmpint (rg_time_snap_minutes (-22, 15), ==, -15);
  g_assert_cmpint (rg_time_snap_minutes (-23, 15), ==, -30);
  g_assert_cmpint (rg_time_snap_minutes (44, 30), ==, 30);
  g_assert_cmpint (rg_time_snap_minutes (45, 30), ==, 60);
  g_assert_cmpint (rg_time_snap_minutes (13, 1), ==, 13);
}

static void
test_calendar (void)
{
  RgDate d;

  /* ISO weekdays; weeks start on Monday. */
  g_assert_cmpint (rg_date_weekday (date (2026, 3, 23)), ==, 1);
  g_assert_cmpint (rg_date_weekday (date (2026, 3, 29)), ==, 7);
  assert_date (rg_date_week_start (date (2026, 3, 29)), 2026, 3, 23);
  assert_date (rg_date_week_start (date (2026, 3, 23)), 2026, 3, 23);
  assert_date (rg_date_week_start (date (2027, 1, 1)), 2026, 12, 28);

  assert_date (rg_date_add_days (date (2026, 12, 31), 1), 2027, 1, 1);
  assert_date (rg_date_add_days (date (2028, 3, 1), -1), 2028, 2, 29);
  g_assert_cmpint (rg_date_days_between (date (2026, 3, 1), date (2026, 4, 1)), ==, 31);
  g_assert_cmpint (rg_date_days_between (date (2026, 4, 1), date (2026, 3, 1)), ==, -31);
  g_assert_cmpint (rg_date_compare (date (2026, 3, 1), date (2026, 2, 28)), >, 0);
  g_assert_cmpint (rg_date_compare (date (2026, 3, 1), date (2026, 3, 1)), ==, 0);
  g_assert_cmpint (rg_date_compare (date (2025, 12, 31), date (2026, 1, 1)), <, 0);

  /* ISO round trip, and what is not a date. */
  for (RgDate day = date (2026, 1, 1); day.year == 2026; day = rg_date_add_days (day, 1))
    {
      g_autofree char *iso = rg_date_to_iso (day);

      g_assert_true (rg_date_from_iso (iso, &d));
      g_assert_cmpint (rg_date_compare (d, day), ==, 0);
    }
  {
    g_autofree char *iso = rg_date_to_iso (date (2028, 2, 29));
    g_assert_cmpstr (iso, ==, "2028-02-29");
  }
  g_assert_true (rg_date_from_iso ("2028-02-29", &d));
  g_assert_false (rg_date_from_iso ("2026-02-29", &d));
  g_assert_false (rg_date_from_iso ("2026-13-01", &d));
  g_assert_false (rg_date_from_iso ("2026-04-31", &d));
  g_assert_false (rg_date_from_iso ("2026-03-29x", &d));
  g_assert_false (rg_date_from_iso ("29.03.2026", &d));
  g_assert_false (rg_date_from_iso ("", &d));
  g_assert_false (rg_date_from_iso (NULL, &d));
  g_assert_false (rg_date_valid (date (0, 1, 1)));
  g_assert_true (rg_date_valid (date (9999, 12, 31)));
}

/* Schedules ------------------------------------------------------------------ */

typedef struct {
  RgStore  *store;
  RgStudio *studio;
  gint64    staff_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) staff = rg_staff_new ("Marina", RG_STAFF_ROLE_MASTER);

  use_berlin ();
  f->store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->studio = rg_studio_new (f->store);
  g_assert_true (rg_studio_save (f->studio, staff, &error));
  g_assert_no_error (error);
  f->staff_id = rg_record_get_id (RG_RECORD (staff));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->studio);
  g_assert_finalize_object (f->store);
  rg_time_set_zone (NULL);
}

static void
assert_spans (GArray *spans,
              guint   n,
              ...)
{
  va_list args;

  g_assert_nonnull (spans);
  g_assert_cmpuint (spans->len, ==, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      const RgSpan *s = &g_array_index (spans, RgSpan, i);

      g_assert_cmpint (s->start_minute, ==, va_arg (args, int));
      g_assert_cmpint (s->end_minute, ==, va_arg (args, int));
    }
  va_end (args);
}

static void
test_schedule_hours (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = NULL;
  /* Given out of order: a lunch break from 13:00 to 14:00. */
  RgSpan tuesday[] = { { 14 * 60, 18 * 60 }, { 9 * 60, 13 * 60 } };
  RgSpan overlapping[] = { { 9 * 60, 13 * 60 }, { 12 * 60, 18 * 60 } };
  RgSpan backwards[] = { { 18 * 60, 9 * 60 } };
  RgSpan too_late[] = { { 20 * 60, 25 * 60 } };
  RgSpan touching[] = { { 10 * 60, 14 * 60 }, { 14 * 60, 20 * 60 } };

  g_assert_true (rg_schedule_set_hours (f->store, f->staff_id, 2, tuesday, G_N_ELEMENTS (tuesday), &error));
  g_assert_no_error (error);
  spans = rg_schedule_get_hours (f->store, f->staff_id, 2, &error);
  g_assert_no_error (error);
  assert_spans (spans, 2, 540, 780, 840, 1080);
  g_clear_pointer (&spans, g_array_unref);

  /* Refused hours leave the old ones in place. */
  g_assert_false (rg_schedule_set_hours (f->store, f->staff_id, 2, overlapping, 2, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_schedule_set_hours (f->store, f->staff_id, 2, backwards, 1, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_schedule_set_hours (f->store, f->staff_id, 2, too_late, 1, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_schedule_set_hours (f->store, f->staff_id, 8, tuesday, 1, &error));
  g_assert_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  spans = rg_schedule_get_hours (f->store, f->staff_id, 2, &error);
  assert_spans (spans, 2, 540, 780, 840, 1080);
  g_clear_pointer (&spans, g_array_unref);

  /* Touching spans are fine; other weekdays are untouched. */
  g_assert_true (rg_schedule_set_hours (f->store, f->staff_id, 3, touching, 2, &error));
  g_assert_no_error (error);
  spans = rg_schedule_get_hours (f->store, f->staff_id, 3, &error);
  assert_spans (spans, 2, 600, 840, 840, 1200);
  g_clear_pointer (&spans, g_array_unref);
  spans = rg_schedule_get_hours (f->store, f->staff_id, 1, &error);
  assert_spans (spans, 0);
  g_clear_pointer (&spans, g_array_unref);

  /* Replacing with nothing makes a weekday free. */
  g_assert_true (rg_schedule_set_hours (f->store, f->staff_id, 3, NULL, 0, &error));
  spans = rg_schedule_get_hours (f->store, f->staff_id, 3, &error);
  assert_spans (spans, 0);
}

static void
test_schedule_days_off (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) days = NULL;
  RgSpan hours[] = { { 9 * 60, 13 * 60 }, { 14 * 60, 18 * 60 } };
  gboolean off = TRUE;

  /* Tuesdays 14 and 21 April 2026. */
  g_assert_true (rg_schedule_set_hours (f->store, f->staff_id, 2, hours, 2, &error));
  g_assert_true (rg_schedule_is_day_off (f->store, f->staff_id, date (2026, 4, 14), &off, &error));
  g_assert_no_error (error);
  g_assert_false (off);

  g_assert_true (rg_schedule_set_day_off (f->store, f->staff_id, date (2026, 4, 14), TRUE, "Holiday", &error));
  g_assert_no_error (error);
  /* Twice is fine (the reason is updated). */
  g_assert_true (rg_schedule_set_day_off (f->store, f->staff_id, date (2026, 4, 14), TRUE, NULL, &error));
  g_assert_true (rg_schedule_set_day_off (f->store, f->staff_id, date (2026, 5, 1), TRUE, NULL, &error));
  g_assert_true (rg_schedule_is_day_off (f->store, f->staff_id, date (2026, 4, 14), &off, &error));
  g_assert_true (off);

  /* A day off has no working spans; the next Tuesday has its hours. */
  spans = rg_schedule_working_spans (f->store, f->staff_id, date (2026, 4, 14), &error);
  assert_spans (spans, 0);
  g_clear_pointer (&spans, g_array_unref);
  spans = rg_schedule_working_spans (f->store, f->staff_id, date (2026, 4, 21), &error);
  assert_spans (spans, 2, 540, 780, 840, 1080);
  g_clear_pointer (&spans, g_array_unref);

  days = rg_schedule_list_days_off (f->store, f->staff_id, date (2026, 4, 1), date (2026, 4, 30), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  assert_date (g_array_index (days, RgDayOff, 0).date, 2026, 4, 14);
  g_clear_pointer (&days, g_array_unref);
  days = rg_schedule_list_days_off (f->store, f->staff_id, date (2026, 4, 14), date (2026, 5, 1), &error);
  g_assert_cmpuint (days->len, ==, 2);
  g_clear_pointer (&days, g_array_unref);

  /* Back to work. */
  g_assert_true (rg_schedule_set_day_off (f->store, f->staff_id, date (2026, 4, 14), FALSE, NULL, &error));
  g_assert_no_error (error);
  spans = rg_schedule_working_spans (f->store, f->staff_id, date (2026, 4, 14), &error);
  assert_spans (spans, 2, 540, 780, 840, 1080);
}

static void
test_spans_cover (void)
{
  g_autoptr(GArray) lunch = g_array_new (FALSE, FALSE, sizeof (RgSpan));
  g_autoptr(GArray) touching = g_array_new (FALSE, FALSE, sizeof (RgSpan));
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (RgSpan));
  RgSpan a[] = { { 540, 780 }, { 840, 1080 } };
  RgSpan b[] = { { 600, 840 }, { 840, 1200 } };

  g_array_append_vals (lunch, a, 2);
  g_array_append_vals (touching, b, 2);

  g_assert_true (rg_schedule_spans_cover (lunch, 540, 600));
  g_assert_true (rg_schedule_spans_cover (lunch, 720, 780));    /* up to lunch */
  g_assert_true (rg_schedule_spans_cover (lunch, 840, 1080));   /* the whole afternoon */
  g_assert_false (rg_schedule_spans_cover (lunch, 750, 810));   /* into lunch */
  g_assert_false (rg_schedule_spans_cover (lunch, 780, 840));   /* lunch itself */
  g_assert_false (rg_schedule_spans_cover (lunch, 600, 900));   /* across lunch */
  g_assert_false (rg_schedule_spans_cover (lunch, 510, 570));   /* before opening */
  g_assert_false (rg_schedule_spans_cover (lunch, 1050, 1110)); /* after closing */

  g_assert_true (rg_schedule_spans_cover (touching, 780, 900)); /* across the seam */
  g_assert_true (rg_schedule_spans_cover (touching, 600, 1200));
  g_assert_false (rg_schedule_spans_cover (touching, 570, 660));

  g_assert_false (rg_schedule_spans_cover (none, 600, 660));
}


typedef struct {
  const char *text;
  int         day, month, year;   /* day 0: refused */
} BirthdayCase;

static void
test_parse_birthday (void)
{
  RgDate today = rg_date_from_time (rg_time_now ());
  int yy = today.year % 100;
  g_autofree char *this_year = g_strdup_printf ("01.01.%02d", yy);
  g_autofree char *next_year = g_strdup_printf ("01.01.%02d", (yy + 1) % 100);
  g_autofree char *future = g_strdup_printf ("01.01.%d", today.year + 1);
  const BirthdayCase cases[] = {
    { "12.03.1990", 12, 3, 1990 }, { "12.03", 12, 3, 0 }, { "12/03/1990", 12, 3, 1990 },
    { "1990-03-12", 12, 3, 1990 }, { "12.03.90", 12, 3, 1990 }, { "12-03-1990", 12, 3, 1990 },
    { "12 марта 1990", 12, 3, 1990 }, { "12 марта 1990 г.", 12, 3, 1990 }, { "1 мая 1985", 1, 5, 1985 },
    { "12 March 1990", 12, 3, 1990 }, { "March 12, 1990", 12, 3, 1990 }, { "12 мар", 12, 3, 0 },
    { "32944", 12, 3, 1990 }, { "29.02", 29, 2, 0 }, { "29.02.2020", 29, 2, 2020 },
    { " 1.3.1990 ", 1, 3, 1990 }, { "01.01.00", 1, 1, 2000 },
    { this_year, 1, 1, today.year },
    { next_year, 1, 1, today.year - today.year % 100 - 100 + (yy + 1) % 100 },
    { "31.02.2020", 0 }, { "29.02.2021", 0 }, { "31.04", 0 }, { "12.13.1990", 0 }, { "00.01.1990", 0 },
    { "01.01.1899", 0 }, { future, 0 }, { "", 0 }, { "вчера", 0 }, { "12.03.1990.5", 0 },
    { "12 смарта 1990", 0 }, { "1990", 0 }, { "123", 0 }, { "12.03.1990 14:30", 0 }, { "1/2/3/4", 0 },
    { "12.03.199", 0 }, { "12..03.1990", 0 }, { "-12.03.1990", 0 }, { "12.03.-1", 0 },
    { "12 мартобря 1990", 0 }, { "12 martian 1990", 0 }, { "12 мая-июня", 0 },
    { "12 мар. 1990", 12, 3, 1990 }, { "12 сентября 1990", 12, 9, 1990 }, { "Sept. 12, 1990", 12, 9, 1990 },
    { "12.03.", 12, 3, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int day = -1, month = -1, year = -1;
      gboolean ok = rg_date_parse_birthday (cases[i].text, &day, &month, &year, &error);

      g_test_message ("%s", cases[i].text);
      if (cases[i].day)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (day, ==, cases[i].day);
          g_assert_cmpint (month, ==, cases[i].month);
          g_assert_cmpint (year, ==, cases[i].year);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID);
          g_assert_cmpint (day, ==, -1);
        }
    }
}

static void
test_parse_day (void)
{
  g_autoptr(GError) error = NULL;
  RgDate date;
  int minute = 0;

  g_assert_true (rg_date_parse_day ("12.03.2024 14:30", &date, &minute, &error));
  g_assert_no_error (error);
  g_assert_cmpint (date.year, ==, 2024);
  g_assert_cmpint (date.month, ==, 3);
  g_assert_cmpint (date.day, ==, 12);
  g_assert_cmpint (minute, ==, 14 * 60 + 30);
  g_assert_true (rg_date_parse_day ("2024-03-12", &date, &minute, &error));
  g_assert_cmpint (minute, ==, -1);
  g_assert_true (rg_date_parse_day ("12.03.24", &date, NULL, &error));
  g_assert_cmpint (date.year, ==, 2024);
  g_assert_false (rg_date_parse_day ("12.03", &date, &minute, &error));      /* a visit needs its year */
  g_assert_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rg_date_parse_day ("12.03.2024 25:30", &date, &minute, &error));
  g_clear_error (&error);
  g_assert_false (rg_date_parse_day ("12.03.2024 14:30", &date, NULL, &error));
  g_clear_error (&error);

  g_assert_true (rg_time_parse_minute ("14:30", &minute, &error));
  g_assert_cmpint (minute, ==, 870);
  g_assert_true (rg_time_parse_minute ("9.05", &minute, &error));
  g_assert_cmpint (minute, ==, 545);
  g_assert_true (rg_time_parse_minute ("14:30:00", &minute, &error));
  g_assert_cmpint (minute, ==, 870);
  g_assert_true (rg_time_parse_minute ("9", &minute, &error));
  g_assert_cmpint (minute, ==, 540);
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "24:00", "14:60", "abc", "14:30pm", "", "1430" };

      g_assert_false (rg_time_parse_minute (bad[i], &minute, &error));
      g_assert_error (error, RG_DATE_ERROR, RG_DATE_ERROR_INVALID);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/day-boundaries", test_day_boundaries);
  g_test_add_func ("/time/wall-clock", test_wall_clock);
  g_test_add_func ("/time/snap", test_snap);
  g_test_add_func ("/time/parse-birthday", test_parse_birthday);
  g_test_add_func ("/time/parse-day", test_parse_day);
  g_test_add_func ("/time/calendar", test_calendar);
  g_test_add ("/schedule/hours", Fixture, NULL, fixture_set_up, test_schedule_hours, fixture_tear_down);
  g_test_add ("/schedule/days-off", Fixture, NULL, fixture_set_up, test_schedule_days_off, fixture_tear_down);
  g_test_add_func ("/schedule/spans-cover", test_spans_cover);

  return g_test_run ();
}
