/* rg-booking.c — the rules of the calendar.
 *
 * Every write here is one transaction, written with SQL on the store; the
 * studio hears the commit and brings its live objects up to date, so a
 * refused or failed booking never leaves a half-changed object behind.
 *
 * Conflicts. Two appointments overlap when [start, end) intersect: one that
 * ends at 14:00 and one that starts at 14:00 do not. Only appointments that
 * hold their time conflict: booked, confirmed, arrived and done ones, not
 * deleted. The same client is never in two places at once. A staff member
 * takes one client at a time unless either appointment allows an overlap.
 *
 * Statuses. An appointment moves forward: booked → confirmed → arrived →
 * done, skipping steps is allowed (a client who walks in unconfirmed), and
 * booked/confirmed/arrived may end as cancelled; booked/confirmed as no-show.
 * Confirmed may go back to booked (the confirmation was a mistake). Done,
 * cancelled and no-show are final: only rg_booking_undo_status() (the undo
 * of the toast, or an explicit "reopen") leads back, and it checks for
 * conflicts again because the time may have been given away meanwhile.
 *
 * Series. An appointment repeats every N weeks until a date at most a year
 * after the first, at the same wall-clock time (10:00 stays 10:00 across a
 * daylight-saving change); the occurrences share a series_id. Editing one
 * occurrence is an ordinary save: it stays in the series. "This and
 * following" rewrites every later occurrence that is not done or a no-show
 * (history stays as it happened), each on its own date moved by as many
 * days as this one was moved (none, usually), with the new time of day,
 * staff, services, price and note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-booking.h"
#include "rg-schedule.h"

#define DAY_SECONDS (24 * 60 * 60)
/* The shortest a service may become when an appointment is shortened. */
#define MIN_SERVICE_MINUTES 5

/* The database's names of RgAppointmentStatus, in the enum's order. */
static const char * const status_nicks[] = {
  "booked", "confirmed", "arrived", "done", "cancelled", "no_show",
};

#define ACTIVE_SQL "status NOT IN ('cancelled', 'no_show')"

static RgAppointmentStatus
status_from_nick (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_nicks); i++)
    if (g_strcmp0 (nick, status_nicks[i]) == 0)
      return i;
  return RG_APPOINTMENT_BOOKED;
}

/* Time ----------------------------------------------------------------------- */

static GDateTime *
local_date_time (gint64 unix_seconds)
{
  g_autoptr(GTimeZone) tz = rg_time_get_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  return utc ? g_date_time_to_timezone (utc, tz) : NULL;
}

static char *
format_clock (gint64 unix_seconds)
{
  int minute = rg_time_minute_of_day (unix_seconds);

  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

static char *
format_span (gint64 starts_at,
             gint64 ends_at)
{
  g_autofree char *a = format_clock (starts_at);
  g_autofree char *b = format_clock (ends_at);

  /* Translators: a span of time of day, e.g. "14:00–15:00" */
  return g_strdup_printf (_("%s–%s"), a, b);
}

static char *
format_day (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = local_date_time (unix_seconds);

  if (dt == NULL)
    return g_strdup ("");
  /* Translators: a date with the year, see the strftime manual; e.g. "24 November 2026" */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/* Rounds to the nearest RG_BOOKING_SNAP_MINUTES of local wall-clock time.
 * The instant moves by the difference of the clock readings, so an instant
 * in the repeated hour of an autumn change stays in the half it was in. */
gint64
rg_booking_snap (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = local_date_time (unix_seconds);
  int minute, snapped;

  if (dt == NULL)
    return unix_seconds;

  minute = g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt);
  snapped = rg_time_snap_minutes (minute, RG_BOOKING_SNAP_MINUTES);
  return unix_seconds - g_date_time_get_second (dt) + (gint64) (snapped - minute) * 60;
}

static int
ceil_to_grid (int minute)
{
  int step = RG_BOOKING_SNAP_MINUTES;

  return ((minute + step - 1) / step) * step;
}

/* The wall-clock minutes of [starts_at, ends_at) on the local date it starts,
 * the end counted past midnight (1440 and more) when it ends another day. */
static void
wall_clock_span (gint64  starts_at,
                 gint64  ends_at,
                 RgDate *date,
                 int    *start_minute,
                 int    *end_minute)
{
  RgDate end_date;

  *date = rg_date_from_time (starts_at);
  end_date = rg_date_from_time (ends_at);
  *start_minute = rg_time_minute_of_day (starts_at);
  *end_minute = rg_time_minute_of_day (ends_at) + rg_date_days_between (*date, end_date) * RG_MINUTES_PER_DAY;

  /* Only inside the repeated hour of an autumn change does the clock run
   * backwards; count the real minutes then. */
  if (*end_minute <= *start_minute)
    *end_minute = *start_minute + (int) ((ends_at - starts_at + 59) / 60);
}

/* Drafts --------------------------------------------------------------------- */

RgBookingDraft *
rg_booking_draft_new (void)
{
  RgBookingDraft *draft = g_new0 (RgBookingDraft, 1);

  draft->services = g_array_new (FALSE, FALSE, sizeof (RgBookingService));
  return draft;
}

RgBookingDraft *
rg_booking_draft_copy (const RgBookingDraft *draft)
{
  RgBookingDraft *copy;

  g_return_val_if_fail (draft != NULL, NULL);

  copy = g_memdup2 (draft, sizeof *draft);
  copy->services = g_array_copy (draft->services);
  copy->note = g_strdup (draft->note);
  return copy;
}

void
rg_booking_draft_free (RgBookingDraft *draft)
{
  if (draft == NULL)
    return;
  g_clear_pointer (&draft->services, g_array_unref);
  g_free (draft->note);
  g_free (draft);
}

void
rg_booking_draft_add_service (RgBookingDraft *draft,
                              gint64          service_id,
                              int             duration_minutes,
                              gint64          price)
{
  RgBookingService service = { service_id, duration_minutes, price };

  g_return_if_fail (draft != NULL);
  g_array_append_val (draft->services, service);
}

/* Starts the appointment at a wall-clock time of a local date. */
void
rg_booking_draft_set_local_start (RgBookingDraft *draft,
                                  RgDate          date,
                                  int             minute_of_day)
{
  g_return_if_fail (draft != NULL);
  draft->starts_at = rg_time_from_local (date, minute_of_day);
}

void
rg_booking_draft_set_note (RgBookingDraft *draft,
                           const char     *note)
{
  g_return_if_fail (draft != NULL);
  g_free (draft->note);
  draft->note = note && *note ? g_strdup (note) : NULL;
}

/* The services' durations added up, in minutes. */
int
rg_booking_draft_get_duration (const RgBookingDraft *draft)
{
  gint64 total = 0;

  g_return_val_if_fail (draft != NULL, 0);

  for (guint i = 0; i < draft->services->len; i++)
    total += MAX (0, g_array_index (draft->services, RgBookingService, i).duration_minutes);
  return (int) MIN (total, G_MAXINT / 60);
}

/* The end: the start plus the durations, in real time (an hour is 3600 s
 * also on a daylight-saving change day). */
gint64
rg_booking_draft_get_ends_at (const RgBookingDraft *draft)
{
  g_return_val_if_fail (draft != NULL, 0);
  return draft->starts_at + (gint64) rg_booking_draft_get_duration (draft) * 60;
}

gint64
rg_booking_draft_get_price (const RgBookingDraft *draft)
{
  gint64 total = 0;

  g_return_val_if_fail (draft != NULL, 0);

  if (draft->price_override)
    return draft->price;
  for (guint i = 0; i < draft->services->len; i++)
    total += g_array_index (draft->services, RgBookingService, i).price;
  return total;
}

static gboolean
validate_draft (const RgBookingDraft  *draft,
                GError               **error)
{
  if (draft->client_id == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose the client for this appointment."));
      return FALSE;
    }
  if (draft->staff_id == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose who serves the client."));
      return FALSE;
    }
  if (draft->services->len == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose at least one service."));
      return FALSE;
    }

  for (guint i = 0; i < draft->services->len; i++)
    {
      const RgBookingService *s = &g_array_index (draft->services, RgBookingService, i);

      if (s->service_id == 0 || s->duration_minutes <= 0 || s->price < 0)
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                               _("Each service needs a duration of at least a minute and a price of zero or more."));
          return FALSE;
        }
    }

  if (rg_booking_draft_get_duration (draft) > RG_BOOKING_MAX_MINUTES)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("An appointment cannot last longer than a day."));
      return FALSE;
    }
  if (draft->price_override && draft->price < 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The price cannot be negative."));
      return FALSE;
    }

  return TRUE;
}

/* Rows ----------------------------------------------------------------------- */

typedef struct {
  gint64              id;
  gint64              client_id;
  gint64              staff_id;
  gint64              starts_at;
  gint64              ends_at;
  gint64              series_id;
  RgAppointmentStatus status;
  gboolean            allow_overlap;
} Row;

#define ROW_COLUMNS "id, client_id, staff_id, starts_at, ends_at, coalesce(series_id, 0), status, allow_overlap"

static void
row_from_stmt (Row          *row,
               sqlite3_stmt *stmt)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->client_id = sqlite3_column_int64 (stmt, 1);
  row->staff_id = sqlite3_column_int64 (stmt, 2);
  row->starts_at = sqlite3_column_int64 (stmt, 3);
  row->ends_at = sqlite3_column_int64 (stmt, 4);
  row->series_id = sqlite3_column_int64 (stmt, 5);
  row->status = status_from_nick ((const char *) sqlite3_column_text (stmt, 6));
  row->allow_overlap = sqlite3_column_int (stmt, 7) != 0;
}

/* The current row of a (not deleted) appointment. */
static gboolean
load_row (RgStore  *store,
          gint64    id,
          Row      *row,
          GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT " ROW_COLUMNS " FROM appointments "
                                             "WHERE id = ?1 AND deleted_at IS NULL",
                                             error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rg_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                           _("This appointment was deleted in the meantime."));
      return FALSE;
    }

  row_from_stmt (row, stmt);
  return TRUE;
}

/* The client may be booked: the card exists and is not deleted. */
static gboolean
check_client (RgStore  *store,
              gint64    client_id,
              GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT deleted_at IS NULL FROM clients WHERE id = ?1", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!rg_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (!found || !sqlite3_column_int (stmt, 0))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("This client’s card was deleted. Restore it to book the client."));
      return FALSE;
    }
  return TRUE;
}

/* The staff member exists; an archived one keeps their appointments but
 * takes no new ones (@new_for_staff). */
static gboolean
check_staff (RgStore   *store,
             gint64     staff_id,
             gboolean   new_for_staff,
             GError   **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT display_name, archived FROM staff WHERE id = ?1", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (!rg_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose who serves the client."));
      return FALSE;
    }
  if (new_for_staff && sqlite3_column_int (stmt, 1))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("%s is archived and takes no new appointments."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

/* Checks the client (unless @client_id is 0: the appointment keeps its
 * client) and the staff member of a write. */
static gboolean
check_parties (RgStore   *store,
               gint64     client_id,
               gint64     staff_id,
               gboolean   new_for_staff,
               GError   **error)
{
  return (client_id == 0 || check_client (store, client_id, error)) &&
         check_staff (store, staff_id, new_for_staff, error);
}

static gboolean
write_appointment (RgStore              *store,
                   gint64                id,
                   gboolean              insert,
                   const RgBookingDraft *draft,
                   gint64                starts_at,
                   gint64                series_id,
                   gint64                now,
                   GError              **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gint64 ends_at = starts_at + (gint64) rg_booking_draft_get_duration (draft) * 60;

  if (insert)
    stmt = rg_store_prepare (store,
                             "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, "
                             "price, note, series_id, allow_overlap, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, 'booked', ?6, ?7, ?8, ?9, ?10, ?10)",
                             error);
  else
    stmt = rg_store_prepare (store,
                             "UPDATE appointments SET client_id = ?2, staff_id = ?3, starts_at = ?4, "
                             "ends_at = ?5, price = ?6, note = ?7, "
                             "series_id = coalesce(?8, series_id), allow_overlap = ?9, updated_at = ?10 "
                             "WHERE id = ?1 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, draft->client_id);
  sqlite3_bind_int64 (stmt, 3, draft->staff_id);
  sqlite3_bind_int64 (stmt, 4, starts_at);
  sqlite3_bind_int64 (stmt, 5, ends_at);
  sqlite3_bind_int64 (stmt, 6, rg_booking_draft_get_price (draft));
  if (draft->note && *draft->note)
    sqlite3_bind_text (stmt, 7, draft->note, -1, SQLITE_TRANSIENT);
  if (series_id != 0)
    sqlite3_bind_int64 (stmt, 8, series_id);
  sqlite3_bind_int (stmt, 9, draft->allow_overlap ? 1 : 0);
  sqlite3_bind_int64 (stmt, 10, now);

  return rg_store_step_done (store, stmt, error);
}

static gboolean
replace_services (RgStore  *store,
                  gint64    appointment_id,
                  GArray   *services,
                  gint64    now,
                  GError  **error)
{
  g_autoptr(RgStmt) del = rg_store_prepare (store,
                                            "DELETE FROM appointment_services WHERE appointment_id = ?1",
                                            error);

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, appointment_id);
  if (!rg_store_step_done (store, del, error))
    return FALSE;

  for (guint i = 0; i < services->len; i++)
    {
      const RgBookingService *s = &g_array_index (services, RgBookingService, i);
      g_autoptr(RgStmt) ins = rg_store_prepare (store,
                                                "INSERT INTO appointment_services (id, appointment_id, service_id, "
                                                "position, duration_minutes, price, created_at, updated_at) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                                                error);
      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, rg_store_new_id ());
      sqlite3_bind_int64 (ins, 2, appointment_id);
      sqlite3_bind_int64 (ins, 3, s->service_id);
      sqlite3_bind_int (ins, 4, (int) i);
      sqlite3_bind_int (ins, 5, s->duration_minutes);
      sqlite3_bind_int64 (ins, 6, s->price);
      sqlite3_bind_int64 (ins, 7, now);
      if (!rg_store_step_done (store, ins, error))
        return FALSE;
    }

  return TRUE;
}

/* The services of an appointment in their order, as RgBookingService. */
GArray *
rg_booking_load_services (RgStudio  *studio,
                          gint64     appointment_id,
                          GError   **error)
{
  RgStore *store;
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (RgBookingService));
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT service_id, duration_minutes, price FROM appointment_services "
                           "WHERE appointment_id = ?1 ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, appointment_id);

  for (;;)
    {
      RgBookingService s;
      gboolean row;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      s.service_id = sqlite3_column_int64 (stmt, 0);
      s.duration_minutes = sqlite3_column_int (stmt, 1);
      s.price = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (services, s);
    }

  return g_steal_pointer (&services);
}

/* A draft of an existing appointment, for the editor. The price counts as
 * overridden when it differs from the services' sum. */
RgBookingDraft *
rg_booking_draft_new_for_appointment (RgStudio       *studio,
                                      RgAppointment  *appointment,
                                      GError        **error)
{
  g_autoptr(RgBookingDraft) draft = NULL;
  g_autoptr(GArray) services = NULL;
  gint64 id;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), NULL);

  id = rg_record_get_id (RG_RECORD (appointment));
  services = rg_booking_load_services (studio, id, error);
  if (services == NULL)
    return NULL;

  draft = rg_booking_draft_new ();
  draft->appointment_id = id;
  draft->client_id = rg_appointment_get_client_id (appointment);
  draft->staff_id = rg_appointment_get_staff_id (appointment);
  draft->starts_at = rg_appointment_get_starts_at (appointment);
  draft->allow_overlap = rg_appointment_get_allow_overlap (appointment);
  rg_booking_draft_set_note (draft, rg_appointment_get_note (appointment));
  g_array_append_vals (draft->services, services->data, services->len);
  draft->price = rg_appointment_get_price (appointment);
  draft->price_override = FALSE;
  draft->price_override = draft->price != rg_booking_draft_get_price (draft);

  return g_steal_pointer (&draft);
}

/* Conflicts ------------------------------------------------------------------ */

void
rg_booking_conflict_free (RgBookingConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->client_name);
  g_free (conflict->staff_name);
  g_free (conflict->message);
  g_free (conflict);
}

static char *
describe_conflict (const RgBookingConflict *c,
                   gboolean                 with_date)
{
  g_autofree char *span = format_span (c->starts_at, c->ends_at);
  g_autofree char *day = with_date ? format_day (c->starts_at) : NULL;

  if (c->kind == RG_BOOKING_CONFLICT_CLIENT)
    {
      if (with_date)
        /* Translators: a booking is refused; the client, the staff member, the date and
         * the time of the client's other appointment, e.g.
         * "Olga is already booked with Marina on 14 April 2026 at 14:00–15:00." */
        return g_strdup_printf (_("%s is already booked with %s on %s at %s."),
                                c->client_name, c->staff_name, day, span);
      /* Translators: a booking is refused; the client, the staff member and the time of
       * the client's other appointment, e.g. "Olga is already booked with Marina at 14:00–15:00." */
      return g_strdup_printf (_("%s is already booked with %s at %s."), c->client_name, c->staff_name, span);
    }

  if (with_date)
    /* Translators: a booking is refused; the staff member, the other client, the date and
     * the time, e.g. "Marina is already busy with Olga on 14 April 2026 at 14:00–15:00." */
    return g_strdup_printf (_("%s is already busy with %s on %s at %s."),
                            c->staff_name, c->client_name, day, span);
  /* Translators: a booking is refused; the staff member, the other client and the time,
   * e.g. "Marina is already busy with Olga at 14:00–15:00." */
  return g_strdup_printf (_("%s is already busy with %s at %s."), c->staff_name, c->client_name, span);
}

static GPtrArray *
find_conflicts (RgStore   *store,
                gint64     appointment_id,
                gint64     client_id,
                gint64     staff_id,
                gint64     starts_at,
                gint64     ends_at,
                gboolean   allow_overlap,
                gboolean   with_date,
                GError   **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_booking_conflict_free);
  g_autoptr(RgStmt) stmt = NULL;

  /* An appointment lasts at most a day, so one that overlaps started at
   * most a day earlier: that bound lets SQLite use the start index. */
  stmt = rg_store_prepare (store,
                           "SELECT a.id, a.client_id, a.staff_id, a.starts_at, a.ends_at, "
                           "c.address_as, s.display_name "
                           "FROM appointments a "
                           "JOIN clients c ON c.id = a.client_id "
                           "JOIN staff s ON s.id = a.staff_id "
                           "WHERE a.starts_at < ?5 AND a.starts_at >= ?4 - 86400 AND a.ends_at > ?4 "
                           "AND a.deleted_at IS NULL AND a." ACTIVE_SQL " AND a.id != ?1 "
                           "AND (a.client_id = ?2 OR (a.staff_id = ?3 AND ?6 = 0 AND a.allow_overlap = 0)) "
                           "ORDER BY a.starts_at, a.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, appointment_id);
  sqlite3_bind_int64 (stmt, 2, client_id);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  sqlite3_bind_int64 (stmt, 4, starts_at);
  sqlite3_bind_int64 (stmt, 5, ends_at);
  sqlite3_bind_int (stmt, 6, allow_overlap ? 1 : 0);

  for (;;)
    {
      RgBookingConflict *c;
      gboolean row;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;

      c = g_new0 (RgBookingConflict, 1);
      c->appointment_id = sqlite3_column_int64 (stmt, 0);
      c->client_id = sqlite3_column_int64 (stmt, 1);
      c->staff_id = sqlite3_column_int64 (stmt, 2);
      c->starts_at = sqlite3_column_int64 (stmt, 3);
      c->ends_at = sqlite3_column_int64 (stmt, 4);
      c->client_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      c->staff_name = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      c->kind = c->client_id == client_id ? RG_BOOKING_CONFLICT_CLIENT : RG_BOOKING_CONFLICT_STAFF;
      c->message = describe_conflict (c, with_date);
      g_ptr_array_add (conflicts, c);
    }

  return g_steal_pointer (&conflicts);
}

/* FALSE with RG_STORE_ERROR_CONFLICT naming the first conflict, if any. */
static gboolean
refuse_conflicts (RgStore   *store,
                  gint64     appointment_id,
                  gint64     client_id,
                  gint64     staff_id,
                  gint64     starts_at,
                  gint64     ends_at,
                  gboolean   allow_overlap,
                  gboolean   with_date,
                  GError   **error)
{
  g_autoptr(GPtrArray) conflicts = find_conflicts (store, appointment_id, client_id, staff_id,
                                                   starts_at, ends_at, allow_overlap, with_date, error);

  if (conflicts == NULL)
    return FALSE;
  if (conflicts->len > 0)
    {
      const RgBookingConflict *c = g_ptr_array_index (conflicts, 0);

      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT, c->message);
      return FALSE;
    }
  return TRUE;
}

/* Every appointment in the way of booking @client_id with @staff_id over
 * [starts_at, ends_at), as RgBookingConflict by start. @appointment_id (0
 * for a new one) is the appointment being edited, never its own conflict. */
GPtrArray *
rg_booking_find_conflicts (RgStudio  *studio,
                           gint64     appointment_id,
                           gint64     client_id,
                           gint64     staff_id,
                           gint64     starts_at,
                           gint64     ends_at,
                           gboolean   allow_overlap,
                           GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  return find_conflicts (rg_studio_get_store (studio), appointment_id, client_id, staff_id,
                         starts_at, ends_at, allow_overlap, FALSE, error);
}

/* TRUE when nothing is in the way; else FALSE with RG_STORE_ERROR_CONFLICT
 * and a message that names the first appointment in the way. */
gboolean
rg_booking_check_conflicts (RgStudio  *studio,
                            gint64     appointment_id,
                            gint64     client_id,
                            gint64     staff_id,
                            gint64     starts_at,
                            gint64     ends_at,
                            gboolean   allow_overlap,
                            GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  return refuse_conflicts (rg_studio_get_store (studio), appointment_id, client_id, staff_id,
                           starts_at, ends_at, allow_overlap, FALSE, error);
}

/* Working hours -------------------------------------------------------------- */

static gboolean
check_hours (RgStore   *store,
             gint64     staff_id,
             gint64     starts_at,
             gint64     ends_at,
             gboolean  *within,
             GError   **error)
{
  g_autoptr(GArray) spans = NULL;
  RgDate date;
  int start_minute, end_minute;

  wall_clock_span (starts_at, ends_at, &date, &start_minute, &end_minute);
  spans = rg_schedule_working_spans (store, staff_id, date, error);
  if (spans == NULL)
    return FALSE;

  *within = rg_schedule_spans_cover (spans, start_minute, end_minute);
  return TRUE;
}

/* Whether [starts_at, ends_at) lies within the staff member's working hours
 * of that local date (a day off has none), so the UI can ask to confirm. */
gboolean
rg_booking_check_hours (RgStudio  *studio,
                        gint64     staff_id,
                        gint64     starts_at,
                        gint64     ends_at,
                        gboolean  *within,
                        GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (within != NULL, FALSE);

  return check_hours (rg_studio_get_store (studio), staff_id, starts_at, ends_at, within, error);
}

/* Saving --------------------------------------------------------------------- */

static RgAppointment *
lookup_appointment (RgStudio  *studio,
                    gint64     id,
                    GError   **error)
{
  return rg_studio_lookup (studio, RG_TYPE_APPOINTMENT, id, error);
}

/* Writes one appointment of a draft (new, or the draft's own) inside the
 * caller's transaction, refusing conflicts. */
static gboolean
save_in_transaction (RgStore               *store,
                     const RgBookingDraft  *draft,
                     gint64                *id,
                     GError               **error)
{
  gint64 now = rg_store_now ();
  gint64 ends_at = rg_booking_draft_get_ends_at (draft);
  RgAppointmentStatus status = RG_APPOINTMENT_BOOKED;
  gboolean new_for_staff = TRUE;
  gboolean new_for_client = TRUE;

  if (draft->appointment_id != 0)
    {
      Row row;

      if (!load_row (store, draft->appointment_id, &row, error))
        return FALSE;
      status = row.status;
      new_for_staff = row.staff_id != draft->staff_id;
      new_for_client = row.client_id != draft->client_id;
    }

  if (!check_parties (store, new_for_client ? draft->client_id : 0, draft->staff_id, new_for_staff, error))
    return FALSE;
  if (rg_booking_status_is_active (status) &&
      !refuse_conflicts (store, draft->appointment_id, draft->client_id, draft->staff_id,
                         draft->starts_at, ends_at, draft->allow_overlap, FALSE, error))
    return FALSE;

  *id = draft->appointment_id ? draft->appointment_id : rg_store_new_id ();
  return write_appointment (store, *id, draft->appointment_id == 0, draft, draft->starts_at, 0, now, error) &&
         replace_services (store, *id, draft->services, now, error);
}

/* Saves the appointment of @draft with its services in one transaction: a
 * new one (booked), or the draft's own one (its status and series stay).
 * Refuses overlaps with RG_STORE_ERROR_CONFLICT. Returns the studio's live
 * object. */
RgAppointment *
rg_booking_save (RgStudio              *studio,
                 const RgBookingDraft  *draft,
                 GError               **error)
{
  RgStore *store;
  gint64 id = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!validate_draft (draft, error))
    return NULL;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return NULL;
  if (!save_in_transaction (store, draft, &id, error))
    {
      rg_store_rollback (store);
      return NULL;
    }
  if (!rg_store_commit (store, error))
    return NULL;

  return lookup_appointment (studio, id, error);
}

/* Moving and resizing -------------------------------------------------------- */

/* Makes the services' durations add up to @minutes again after a resize:
 * the last service takes the difference; when shortening, each service
 * from the last backwards gives up time down to MIN_SERVICE_MINUTES. */
static gboolean
fit_services (RgStore  *store,
              gint64    appointment_id,
              int       minutes,
              gint64    now,
              GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) original = NULL;
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, duration_minutes FROM appointment_services "
                                             "WHERE appointment_id = ?1 ORDER BY position, id",
                                             error);
  int total = 0, delta;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  for (;;)
    {
      gboolean row;
      gint64 id;
      int d;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      d = sqlite3_column_int (stmt, 1);
      g_array_append_val (ids, id);
      g_array_append_val (durations, d);
      total += d;
    }

  if (ids->len == 0 || total == minutes)
    return TRUE;

  original = g_array_copy (durations);
  delta = minutes - total;
  if (delta > 0)
    g_array_index (durations, int, durations->len - 1) += delta;
  else
    {
      int need = -delta;

      for (guint i = durations->len; i-- > 0 && need > 0;)
        {
          int *d = &g_array_index (durations, int, i);
          int give = MIN (need, MAX (0, *d - MIN_SERVICE_MINUTES));

          *d -= give;
          need -= give;
        }
      if (need > 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "This appointment has %u service and cannot be shorter than %d minutes.",
                                    "This appointment has %u services and cannot be shorter than %d minutes.",
                                    ids->len),
                       ids->len, (int) ids->len * MIN_SERVICE_MINUTES);
          return FALSE;
        }
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RgStmt) upd = NULL;

      if (g_array_index (durations, int, i) == g_array_index (original, int, i))
        continue;
      upd = rg_store_prepare (store,
                              "UPDATE appointment_services SET duration_minutes = ?2, updated_at = ?3 WHERE id = ?1",
                              error);
      if (upd == NULL)
        return FALSE;
      sqlite3_bind_int64 (upd, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (upd, 2, g_array_index (durations, int, i));
      sqlite3_bind_int64 (upd, 3, now);
      if (!rg_store_step_done (store, upd, error))
        return FALSE;
    }

  return TRUE;
}

/* A time the appointment already has stays as it is (an appointment at
 * 10:05 dragged to another column stays at 10:05); a new one snaps. */
static gint64
snap_changed (gint64 value,
              gint64 current)
{
  return value == current ? value : rg_booking_snap (value);
}

static gboolean
move_in_transaction (RgStore  *store,
                     gint64    id,
                     gint64    staff_id,
                     gint64    starts_at,
                     gint64    ends_at,
                     gboolean  snap,
                     GError  **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gint64 now = rg_store_now ();
  gint64 new_start, new_end, length;
  Row row;

  if (!load_row (store, id, &row, error))
    return FALSE;

  if (staff_id == 0)
    staff_id = row.staff_id;
  length = row.ends_at - row.starts_at;

  if (!snap)
    {
      new_start = starts_at;
      new_end = ends_at ? ends_at : starts_at + length;
    }
  else if (ends_at == 0 || ends_at - starts_at == length)
    {
      /* A move keeps the length. */
      new_start = snap_changed (starts_at, row.starts_at);
      new_end = new_start + length;
    }
  else
    {
      new_start = snap_changed (starts_at, row.starts_at);
      new_end = snap_changed (ends_at, row.ends_at);
      if (new_end <= new_start)
        new_end = new_start + RG_BOOKING_SNAP_MINUTES * 60;
    }

  if (new_end <= new_start)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The appointment must end after it starts."));
      return FALSE;
    }

  if (new_end - new_start > (gint64) RG_BOOKING_MAX_MINUTES * 60)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("An appointment cannot last longer than a day."));
      return FALSE;
    }

  if (!check_parties (store, 0, staff_id, staff_id != row.staff_id, error))
    return FALSE;
  if (rg_booking_status_is_active (row.status) &&
      !refuse_conflicts (store, id, row.client_id, staff_id, new_start, new_end, row.allow_overlap, FALSE, error))
    return FALSE;

  stmt = rg_store_prepare (store,
                           "UPDATE appointments SET staff_id = ?2, starts_at = ?3, ends_at = ?4, updated_at = ?5 "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_int64 (stmt, 3, new_start);
  sqlite3_bind_int64 (stmt, 4, new_end);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!rg_store_step_done (store, stmt, error))
    return FALSE;

  if (new_end - new_start != row.ends_at - row.starts_at)
    return fit_services (store, id, (int) ((new_end - new_start) / 60), now, error);
  return TRUE;
}

static gboolean
run_move (RgStudio       *studio,
          RgAppointment  *appointment,
          gint64          staff_id,
          gint64          starts_at,
          gint64          ends_at,
          gboolean        snap,
          GError        **error)
{
  RgStore *store = rg_studio_get_store (studio);

  if (!rg_store_begin (store, error))
    return FALSE;
  if (!move_in_transaction (store, rg_record_get_id (RG_RECORD (appointment)),
                            staff_id, starts_at, ends_at, snap, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return rg_store_commit (store, error);
}

/* Moves @appointment to @staff_id (0: the same) at @starts_at, ending at
 * @ends_at (0: keeps its length). A move (the same length, or @ends_at 0)
 * snaps the start to RG_BOOKING_SNAP_MINUTES of wall-clock time and keeps
 * the length; a resize snaps each end that changes. A resize keeps the
 * services adding up (the last one takes the difference). The conflict
 * rules of a save apply. */
gboolean
rg_booking_move (RgStudio       *studio,
                 RgAppointment  *appointment,
                 gint64          staff_id,
                 gint64          starts_at,
                 gint64          ends_at,
                 GError        **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), FALSE);

  return run_move (studio, appointment, staff_id, starts_at, ends_at, TRUE, error);
}

/* Like rg_booking_move() without snapping, for an undo that puts an
 * appointment back exactly where it was (conflicts are still refused). */
gboolean
rg_booking_move_exact (RgStudio       *studio,
                       RgAppointment  *appointment,
                       gint64          staff_id,
                       gint64          starts_at,
                       gint64          ends_at,
                       GError        **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), FALSE);

  return run_move (studio, appointment, staff_id, starts_at, ends_at, FALSE, error);
}

/* Statuses ------------------------------------------------------------------- */

const char *
rg_booking_status_to_string (RgAppointmentStatus status)
{
  switch (status)
    {
    case RG_APPOINTMENT_BOOKED:    return C_("appointment status", "Booked");
    case RG_APPOINTMENT_CONFIRMED: return C_("appointment status", "Confirmed");
    case RG_APPOINTMENT_ARRIVED:   return C_("appointment status", "Arrived");
    case RG_APPOINTMENT_DONE:      return C_("appointment status", "Done");
    case RG_APPOINTMENT_CANCELLED: return C_("appointment status", "Cancelled");
    case RG_APPOINTMENT_NO_SHOW:   return C_("appointment status", "No-show");
    default:                       return "";
    }
}

/* Whether an appointment with this status holds its time (and can conflict). */
gboolean
rg_booking_status_is_active (RgAppointmentStatus status)
{
  return status != RG_APPOINTMENT_CANCELLED && status != RG_APPOINTMENT_NO_SHOW;
}

/* The transitions the card's menu and the editor offer (see the top of
 * this file); staying at the same status is always allowed. */
gboolean
rg_booking_status_can_change (RgAppointmentStatus from,
                              RgAppointmentStatus to)
{
  if (from == to)
    return TRUE;

  switch (from)
    {
    case RG_APPOINTMENT_BOOKED:
      return to != RG_APPOINTMENT_BOOKED;
    case RG_APPOINTMENT_CONFIRMED:
      return TRUE;
    case RG_APPOINTMENT_ARRIVED:
      return to == RG_APPOINTMENT_DONE || to == RG_APPOINTMENT_CANCELLED;
    case RG_APPOINTMENT_DONE:
    case RG_APPOINTMENT_CANCELLED:
    case RG_APPOINTMENT_NO_SHOW:
    default:
      return FALSE;
    }
}

static gboolean
write_status (RgStore              *store,
              gint64                id,
              RgAppointmentStatus   status,
              gint64                now,
              GError              **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "UPDATE appointments SET status = ?2, updated_at = ?3 WHERE id = ?1",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, status_nicks[status], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  return rg_store_step_done (store, stmt, error);
}

/* Changes a status inside the caller's transaction; an appointment that
 * takes its time back (an undo of a cancellation) must still be free. */
static gboolean
change_status (RgStore              *store,
               gint64                id,
               RgAppointmentStatus   status,
               gboolean              enforce,
               gboolean              with_date,
               GError              **error)
{
  Row row;

  if (!load_row (store, id, &row, error))
    return FALSE;
  if (row.status == status)
    return TRUE;

  if (enforce && !rg_booking_status_can_change (row.status, status))
    {
      /* Translators: the two statuses, e.g. "An appointment that is “Done” cannot become “Booked”." */
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("An appointment that is “%s” cannot become “%s”."),
                   rg_booking_status_to_string (row.status), rg_booking_status_to_string (status));
      return FALSE;
    }

  if (!rg_booking_status_is_active (row.status) && rg_booking_status_is_active (status) &&
      !refuse_conflicts (store, id, row.client_id, row.staff_id, row.starts_at, row.ends_at,
                         row.allow_overlap, with_date, error))
    return FALSE;

  return write_status (store, id, status, rg_store_now (), error);
}

static gboolean
run_change_status (RgStudio             *studio,
                   RgAppointment        *appointment,
                   RgAppointmentStatus   status,
                   gboolean              enforce,
                   GError              **error)
{
  RgStore *store = rg_studio_get_store (studio);

  if (!rg_store_begin (store, error))
    return FALSE;
  if (!change_status (store, rg_record_get_id (RG_RECORD (appointment)), status, enforce, FALSE, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return rg_store_commit (store, error);
}

/* Changes the status along the allowed transitions; others are refused
 * with RG_STORE_ERROR_INVALID. */
gboolean
rg_booking_set_status (RgStudio             *studio,
                       RgAppointment        *appointment,
                       RgAppointmentStatus   status,
                       GError              **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (status <= RG_APPOINTMENT_NO_SHOW, FALSE);

  return run_change_status (studio, appointment, status, TRUE, error);
}

/* The explicit way back: restores any earlier status (an undo, or reopening
 * a done or cancelled appointment). Refused with RG_STORE_ERROR_CONFLICT
 * when the appointment would take back time that is taken meanwhile. */
gboolean
rg_booking_undo_status (RgStudio             *studio,
                        RgAppointment        *appointment,
                        RgAppointmentStatus   previous,
                        GError              **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (previous <= RG_APPOINTMENT_NO_SHOW, FALSE);

  return run_change_status (studio, appointment, previous, FALSE, error);
}

/* Series --------------------------------------------------------------------- */

static RgDate
add_one_year (RgDate date)
{
  GDate d;
  RgDate out;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, date.day, date.month, date.year);
  g_date_add_years (&d, 1);   /* 29 February becomes 28 February */
  out.year = g_date_get_year (&d);
  out.month = g_date_get_month (&d);
  out.day = g_date_get_day (&d);
  return out;
}

/* The starts of a series: @first_start, then every @every_weeks weeks at
 * the same wall-clock time, up to and including the local date @until (at
 * most a year after the first). An array of gint64. */
GArray *
rg_booking_expand_series (gint64   first_start,
                          int      every_weeks,
                          RgDate   until,
                          GError **error)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  RgDate first = rg_date_from_time (first_start);
  int minute = rg_time_minute_of_day (first_start);
  RgDate limit;

  if (every_weeks < 1 || every_weeks > RG_BOOKING_MAX_EVERY_WEEKS)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("An appointment can repeat every 1 to %d weeks."), RG_BOOKING_MAX_EVERY_WEEKS);
      return NULL;
    }
  if (!rg_date_valid (until) || rg_date_compare (until, first) < 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The repetition must end on or after the first appointment."));
      return NULL;
    }

  limit = add_one_year (first);
  if (rg_date_compare (until, limit) > 0)
    {
      g_autofree char *last = format_day (rg_time_from_local (limit, 12 * 60));

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("An appointment can repeat for at most a year, until %s."), last);
      return NULL;
    }

  g_array_append_val (starts, first_start);
  for (RgDate d = rg_date_add_days (first, 7 * every_weeks);
       rg_date_compare (d, until) <= 0;
       d = rg_date_add_days (d, 7 * every_weeks))
    {
      gint64 start = rg_time_from_local (d, minute);
      g_array_append_val (starts, start);
    }

  return g_steal_pointer (&starts);
}

void
rg_booking_occurrence_free (RgBookingOccurrence *occurrence)
{
  if (occurrence == NULL)
    return;
  g_clear_pointer (&occurrence->conflicts, g_ptr_array_unref);
  g_free (occurrence);
}

/* What booking @draft every @every_weeks weeks until @until would give:
 * each occurrence with its conflicts and whether it is in working hours,
 * as RgBookingOccurrence, so the UI can list them before saving. */
GPtrArray *
rg_booking_plan_series (RgStudio              *studio,
                        const RgBookingDraft  *draft,
                        int                    every_weeks,
                        RgDate                 until,
                        GError               **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_booking_occurrence_free);
  g_autoptr(GArray) starts = NULL;
  RgStore *store;
  gint64 duration;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!validate_draft (draft, error))
    return NULL;
  starts = rg_booking_expand_series (draft->starts_at, every_weeks, until, error);
  if (starts == NULL)
    return NULL;

  store = rg_studio_get_store (studio);
  duration = (gint64) rg_booking_draft_get_duration (draft) * 60;

  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(RgBookingOccurrence) o = g_new0 (RgBookingOccurrence, 1);

      o->starts_at = g_array_index (starts, gint64, i);
      o->ends_at = o->starts_at + duration;
      o->conflicts = find_conflicts (store, draft->appointment_id, draft->client_id, draft->staff_id,
                                     o->starts_at, o->ends_at, draft->allow_overlap, FALSE, error);
      if (o->conflicts == NULL)
        return NULL;
      if (!check_hours (store, draft->staff_id, o->starts_at, o->ends_at, &o->within_hours, error))
        return NULL;
      g_ptr_array_add (plan, g_steal_pointer (&o));
    }

  return g_steal_pointer (&plan);
}

static gboolean
save_series_in_transaction (RgStore               *store,
                            const RgBookingDraft  *draft,
                            GArray                *starts,
                            RgBookingSeriesMode    mode,
                            GArray                *ids,
                            GError               **error)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_booking_conflict_free);
  gint64 series_id = rg_store_new_id ();
  gint64 now = rg_store_now ();
  gint64 duration = (gint64) rg_booking_draft_get_duration (draft) * 60;
  gboolean new_for_staff = TRUE;

  if (draft->appointment_id != 0)
    {
      Row row;

      if (!load_row (store, draft->appointment_id, &row, error))
        return FALSE;
      if (row.series_id != 0)
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                               _("This appointment already repeats."));
          return FALSE;
        }
      new_for_staff = row.staff_id != draft->staff_id;
    }
  if (!check_parties (store, draft->client_id, draft->staff_id, new_for_staff, error))
    return FALSE;

  for (guint i = 0; i < starts->len; i++)
    {
      gint64 start = g_array_index (starts, gint64, i);
      gboolean existing = i == 0 && draft->appointment_id != 0;
      g_autoptr(GPtrArray) conflicts = NULL;
      gint64 id;

      conflicts = find_conflicts (store, draft->appointment_id, draft->client_id, draft->staff_id,
                                  start, start + duration, draft->allow_overlap, TRUE, error);
      if (conflicts == NULL)
        return FALSE;
      if (conflicts->len > 0)
        {
          if (mode == RG_BOOKING_SERIES_ALL)
            {
              g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                                   ((RgBookingConflict *) g_ptr_array_index (conflicts, 0))->message);
              return FALSE;
            }
          g_ptr_array_add (skipped, g_ptr_array_steal_index (conflicts, 0));
          continue;
        }

      id = existing ? draft->appointment_id : rg_store_new_id ();
      if (!write_appointment (store, id, !existing, draft, start, series_id, now, error) ||
          !replace_services (store, id, draft->services, now, error))
        return FALSE;
      g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                           ((RgBookingConflict *) g_ptr_array_index (skipped, 0))->message);
      return FALSE;
    }

  return TRUE;
}

/* Books @draft every @every_weeks weeks until @until in one transaction,
 * all occurrences sharing a new series_id. With RG_BOOKING_SERIES_ALL a
 * conflict refuses the whole series; with SKIP_CONFLICTS the conflicting
 * occurrences are left out (and it fails only when none is free). When the
 * draft is an existing appointment, it becomes the first occurrence.
 * Returns the live appointments saved, by start. */
GPtrArray *
rg_booking_save_series (RgStudio              *studio,
                        const RgBookingDraft  *draft,
                        int                    every_weeks,
                        RgDate                 until,
                        RgBookingSeriesMode    mode,
                        GError               **error)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!validate_draft (draft, error))
    return NULL;
  starts = rg_booking_expand_series (draft->starts_at, every_weeks, until, error);
  if (starts == NULL)
    return NULL;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return NULL;
  if (!save_series_in_transaction (store, draft, starts, mode, ids, error))
    {
      rg_store_rollback (store);
      return NULL;
    }
  if (!rg_store_commit (store, error))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      RgAppointment *appointment = lookup_appointment (studio, g_array_index (ids, gint64, i), error);

      if (appointment == NULL)
        return NULL;
      g_ptr_array_add (saved, appointment);
    }

  return g_steal_pointer (&saved);
}

/* The not deleted appointments of a series from @starts_at on, by start. */
static GArray *
load_following (RgStore  *store,
                gint64    series_id,
                gint64    starts_at,
                GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT " ROW_COLUMNS " FROM appointments "
                                             "WHERE series_id = ?1 AND starts_at >= ?2 AND deleted_at IS NULL "
                                             "ORDER BY starts_at, id",
                                             error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_int64 (stmt, 2, starts_at);

  for (;;)
    {
      gboolean has_row;
      Row row;

      if (!rg_store_step_row (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row_from_stmt (&row, stmt);
      g_array_append_val (rows, row);
    }

  return g_steal_pointer (&rows);
}

static gboolean
save_following_in_transaction (RgStore               *store,
                               const RgBookingDraft  *draft,
                               guint                 *n_changed,
                               GError               **error)
{
  g_autoptr(GArray) rows = NULL;
  gint64 now = rg_store_now ();
  gint64 duration = (gint64) rg_booking_draft_get_duration (draft) * 60;
  int minute = rg_time_minute_of_day (draft->starts_at);
  int shift;
  Row self;

  if (!load_row (store, draft->appointment_id, &self, error))
    return FALSE;
  if (self.series_id == 0)
    {
      gint64 id;

      *n_changed = 1;
      return save_in_transaction (store, draft, &id, error);
    }

  if (!check_parties (store, self.client_id != draft->client_id ? draft->client_id : 0,
                      draft->staff_id, self.staff_id != draft->staff_id, error))
    return FALSE;

  shift = rg_date_days_between (rg_date_from_time (self.starts_at), rg_date_from_time (draft->starts_at));
  rows = load_following (store, self.series_id, self.starts_at, error);
  if (rows == NULL)
    return FALSE;

  *n_changed = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      gboolean is_self = row->id == self.id;
      gint64 start;

      /* What happened stays as it happened. */
      if (!is_self && (row->status == RG_APPOINTMENT_DONE || row->status == RG_APPOINTMENT_NO_SHOW))
        continue;

      start = is_self ? draft->starts_at
                      : rg_time_from_local (rg_date_add_days (rg_date_from_time (row->starts_at), shift), minute);
      if (rg_booking_status_is_active (row->status) &&
          !refuse_conflicts (store, row->id, draft->client_id, draft->staff_id, start, start + duration,
                             draft->allow_overlap, TRUE, error))
        return FALSE;

      if (!write_appointment (store, row->id, FALSE, draft, start, 0, now, error) ||
          !replace_services (store, row->id, draft->services, now, error))
        return FALSE;
      (*n_changed)++;
    }

  return TRUE;
}

/* Saves @draft (an occurrence of a series) and applies the same to the
 * following occurrences that are not done or no-shows, in one transaction:
 * each keeps its own date (moved by as many days as this one was) and takes
 * the new time of day, staff, services, price, note and overlap. A conflict
 * of any of them refuses the whole change, naming the date. For an
 * appointment outside a series it is rg_booking_save(). */
gboolean
rg_booking_save_following (RgStudio              *studio,
                           const RgBookingDraft  *draft,
                           guint                 *n_changed,
                           GError               **error)
{
  RgStore *store;
  guint changed = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);
  g_return_val_if_fail (draft->appointment_id != 0, FALSE);

  if (!validate_draft (draft, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!save_following_in_transaction (store, draft, &changed, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  if (!rg_store_commit (store, error))
    return FALSE;

  if (n_changed)
    *n_changed = changed;
  return TRUE;
}

static gboolean
cancel_following_in_transaction (RgStore        *store,
                                 RgAppointment  *appointment,
                                 GArray         *undo,
                                 GError        **error)
{
  g_autoptr(GArray) rows = NULL;
  gint64 now = rg_store_now ();
  Row self;

  if (!load_row (store, rg_record_get_id (RG_RECORD (appointment)), &self, error))
    return FALSE;

  if (self.series_id != 0)
    {
      rows = load_following (store, self.series_id, self.starts_at, error);
      if (rows == NULL)
        return FALSE;
    }
  else
    {
      rows = g_array_new (FALSE, FALSE, sizeof (Row));
      g_array_append_val (rows, self);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      RgBookingStatusChange change = { row->id, row->status };

      if (row->status == RG_APPOINTMENT_CANCELLED ||
          !rg_booking_status_can_change (row->status, RG_APPOINTMENT_CANCELLED))
        continue;
      if (!write_status (store, row->id, RG_APPOINTMENT_CANCELLED, now, error))
        return FALSE;
      g_array_append_val (undo, change);
    }

  return TRUE;
}

/* Cancels @appointment and, in a series, every following occurrence that
 * can still be cancelled (not done, no-show or already cancelled), in one
 * transaction. @undo receives the RgBookingStatusChange list to hand to
 * rg_booking_restore_statuses(). */
gboolean
rg_booking_cancel_following (RgStudio       *studio,
                             RgAppointment  *appointment,
                             GArray        **undo,
                             GError        **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (RgBookingStatusChange));
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_APPOINTMENT (appointment), FALSE);

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!cancel_following_in_transaction (store, appointment, changes, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  if (!rg_store_commit (store, error))
    return FALSE;

  if (undo)
    *undo = g_steal_pointer (&changes);
  return TRUE;
}

/* Puts back the statuses of a bulk change (an array of
 * RgBookingStatusChange), all or none; refused with RG_STORE_ERROR_CONFLICT
 * when an appointment's time was taken meanwhile. */
gboolean
rg_booking_restore_statuses (RgStudio  *studio,
                             GArray    *changes,
                             GError   **error)
{
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      const RgBookingStatusChange *c = &g_array_index (changes, RgBookingStatusChange, i);

      if (!change_status (store, c->appointment_id, c->status, FALSE, TRUE, error))
        {
          rg_store_rollback (store);
          return FALSE;
        }
    }

  return rg_store_commit (store, error);
}

/* Free slots ----------------------------------------------------------------- */

typedef struct {
  gint64  staff_id;
  GArray *busy;   /* of gint64 pairs: starts_at, ends_at, by start */
  guint   first;  /* busy intervals before this one cannot reach the day looked at */
} Candidate;

static void
candidate_clear (Candidate *c)
{
  g_clear_pointer (&c->busy, g_array_unref);
}

static gboolean
load_busy (RgStore   *store,
           Candidate *c,
           gint64     from,
           gint64     to,
           GError   **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT starts_at, ends_at FROM appointments "
                                             "WHERE staff_id = ?1 AND starts_at < ?3 AND starts_at >= ?2 - 86400 "
                                             "AND ends_at > ?2 AND deleted_at IS NULL AND " ACTIVE_SQL " "
                                             "ORDER BY starts_at",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->staff_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);

  c->busy = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (;;)
    {
      gboolean row;
      gint64 pair[2];

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      pair[0] = sqlite3_column_int64 (stmt, 0);
      pair[1] = sqlite3_column_int64 (stmt, 1);
      g_array_append_vals (c->busy, pair, 2);
    }

  return TRUE;
}

/* The end of the first busy interval of @c that overlaps [start, end), or 0. */
static gint64
busy_until (Candidate *c,
            gint64     start,
            gint64     end)
{
  const gint64 *busy = (const gint64 *) (gpointer) c->busy->data;
  guint n = c->busy->len / 2;

  for (guint i = c->first; i < n && busy[2 * i] < end; i++)
    if (busy[2 * i + 1] > start)
      return busy[2 * i + 1];
  return 0;
}

/* The earliest free start of @c on @date at or after @from, or 0. */
static gint64
first_free_on (RgStore   *store,
               Candidate *c,
               RgDate     date,
               gint64     from,
               int        minutes,
               GError   **error)
{
  g_autoptr(GArray) spans = rg_schedule_working_spans (store, c->staff_id, date, error);
  gint64 day_start = rg_date_start (date);
  const gint64 *busy;

  if (spans == NULL)
    return -1;

  /* Intervals that ended before this day cannot matter again. */
  busy = (const gint64 *) (gpointer) c->busy->data;
  while (c->first < c->busy->len / 2 && busy[2 * c->first] < day_start - DAY_SECONDS)
    c->first++;

  for (guint s = 0; s < spans->len; s++)
    {
      const RgSpan *span = &g_array_index (spans, RgSpan, s);
      int minute = ceil_to_grid (span->start_minute);

      while (minute < span->end_minute)
        {
          gint64 start = rg_time_from_local (date, minute);
          gint64 end = start + (gint64) minutes * 60;
          RgDate start_date;
          int start_minute, end_minute;
          gint64 until;

          if (start < from)
            {
              minute += RG_BOOKING_SNAP_MINUTES;
              continue;
            }

          wall_clock_span (start, end, &start_date, &start_minute, &end_minute);
          if (start_minute != minute || !rg_schedule_spans_cover (spans, start_minute, end_minute))
            {
              /* Skipped by a clock change, or runs past the working hours. */
              minute += RG_BOOKING_SNAP_MINUTES;
              continue;
            }

          until = busy_until (c, start, end);
          if (until == 0)
            return start;

          /* Jump past the appointment in the way. */
          if (rg_date_compare (rg_date_from_time (until), date) != 0)
            break;
          minute = MAX (minute + RG_BOOKING_SNAP_MINUTES, ceil_to_grid (rg_time_minute_of_day (until)));
        }
    }

  return 0;
}

static gboolean
list_candidates (RgStore  *store,
                 gint64    staff_id,
                 GArray   *candidates,
                 GError  **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  if (staff_id != 0)
    {
      Candidate c = { staff_id, NULL, 0 };
      g_array_append_val (candidates, c);
      return TRUE;
    }

  stmt = rg_store_prepare (store,
                           "SELECT id FROM staff WHERE archived = 0 AND role IN ('master', 'resource') "
                           "ORDER BY position, display_name, id",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      gboolean row;
      Candidate c = { 0, NULL, 0 };

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      c.staff_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (candidates, c);
    }

  return TRUE;
}

/* Finds the first free slot of @length_minutes (0: the service's duration)
 * with @staff_id, or with any staff member who is a master or a resource
 * (@staff_id 0; the first in the staff order wins a tie), from @from on,
 * within working hours, on the 15-minute grid, over nothing that holds
 * time, looking @max_days days ahead (0: RG_BOOKING_SLOT_DAYS). *found is
 * FALSE when there is none. */
gboolean
rg_booking_find_free_slot (RgStudio       *studio,
                           gint64          service_id,
                           gint64          staff_id,
                           int             length_minutes,
                           gint64          from,
                           int             max_days,
                           RgBookingSlot  *slot,
                           gboolean       *found,
                           GError        **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  RgStore *store;
  RgDate first;
  gint64 window_end;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  store = rg_studio_get_store (studio);
  *found = FALSE;
  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);

  if (length_minutes <= 0 && service_id != 0)
    {
      g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT duration_minutes FROM services WHERE id = ?1", error);
      gboolean row = FALSE;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, service_id);
      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (row)
        length_minutes = sqlite3_column_int (stmt, 0);
    }
  if (length_minutes <= 0 || length_minutes > RG_BOOKING_MAX_MINUTES)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose a service or a length between a minute and a day."));
      return FALSE;
    }
  if (max_days <= 0)
    max_days = RG_BOOKING_SLOT_DAYS;

  if (!list_candidates (store, staff_id, candidates, error))
    return FALSE;

  first = rg_date_from_time (from);
  window_end = rg_date_start (rg_date_add_days (first, max_days));
  for (guint i = 0; i < candidates->len; i++)
    if (!load_busy (store, &g_array_index (candidates, Candidate, i), from, window_end, error))
      return FALSE;

  for (int d = 0; d < max_days; d++)
    {
      RgDate date = rg_date_add_days (first, d);

      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, i);
          gint64 start = first_free_on (store, c, date, from, length_minutes, error);

          if (start < 0)
            return FALSE;
          if (start > 0 && (!*found || start < slot->starts_at))
            {
              *found = TRUE;
              slot->staff_id = c->staff_id;
              slot->starts_at = start;
              slot->ends_at = start + (gint64) length_minutes * 60;
            }
        }

      /* Days go forward, so the first day with a slot has the earliest. */
      if (*found)
        return TRUE;
    }

  return TRUE;
}
