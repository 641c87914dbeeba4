/* rg-booking.c — the rules of the calendar: drafts, saving, conflicts,
 * working hours and statuses. Moving and resizing are in rg-booking-move.c,
 * recurring series in rg-booking-series.c, the free-slot finder in
 * rg-booking-slots.c; what they share is in rg-booking-private.h.
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
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-booking-private.h"
#include "rg-sale.h"
#include "rg-schedule.h"

/* The database's names of RgAppointmentStatus, in the enum's order. */
static const char * const status_nicks[] = {
  "booked", "confirmed", "arrived", "done", "cancelled", "no_show",
};

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

char *
rg_booking_format_day (gint64 unix_seconds)
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

/* The wall-clock minutes of [starts_at, ends_at) on the local date it starts,
 * the end counted past midnight (1440 and more) when it ends another day. */
void
rg_booking_wall_clock_span (gint64  starts_at,
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

gboolean
rg_booking_validate_draft (const RgBookingDraft  *draft,
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

void
rg_booking_row_from_stmt (RgBookingRow *row,
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
gboolean
rg_booking_load_row (RgStore       *store,
                     gint64         id,
                     RgBookingRow  *row,
                     GError       **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT " RG_BOOKING_ROW_COLUMNS " FROM appointments "
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

  rg_booking_row_from_stmt (row, stmt);
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
gboolean
rg_booking_check_parties (RgStore   *store,
                          gint64     client_id,
                          gint64     staff_id,
                          gboolean   new_for_staff,
                          GError   **error)
{
  return (client_id == 0 || check_client (store, client_id, error)) &&
         check_staff (store, staff_id, new_for_staff, error);
}

gboolean
rg_booking_write_appointment (RgStore              *store,
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

gboolean
rg_booking_replace_services (RgStore  *store,
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
  g_autofree char *day = with_date ? rg_booking_format_day (c->starts_at) : NULL;

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

/* The columns conflict_from_stmt() reads, as "a" joined to its client
 * "c" and staff member "s". */
#define CONFLICT_SELECT \
  "SELECT a.id, a.client_id, a.staff_id, a.starts_at, a.ends_at, c.address_as, s.display_name " \
  "FROM appointments a JOIN clients c ON c.id = a.client_id JOIN staff s ON s.id = a.staff_id "

static RgBookingConflict *
conflict_from_stmt (sqlite3_stmt *stmt)
{
  RgBookingConflict *c = g_new0 (RgBookingConflict, 1);

  c->appointment_id = sqlite3_column_int64 (stmt, 0);
  c->client_id = sqlite3_column_int64 (stmt, 1);
  c->staff_id = sqlite3_column_int64 (stmt, 2);
  c->starts_at = sqlite3_column_int64 (stmt, 3);
  c->ends_at = sqlite3_column_int64 (stmt, 4);
  c->client_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  c->staff_name = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  return c;
}

GPtrArray *
rg_booking_find_conflicts_in_store (RgStore              *store,
                                    const RgBookingSpan  *span,
                                    gboolean              with_date,
                                    GError              **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_booking_conflict_free);
  g_autoptr(RgStmt) stmt = NULL;

  /* An appointment lasts at most a day, so one that overlaps started at
   * most a day earlier: that bound lets SQLite use the start index. */
  stmt = rg_store_prepare (store,
                           CONFLICT_SELECT
                           "WHERE a.starts_at < ?5 AND a.starts_at >= ?4 - 86400 AND a.ends_at > ?4 "
                           "AND a.deleted_at IS NULL AND a." RG_BOOKING_ACTIVE_SQL " AND a.id != ?1 "
                           "AND (a.client_id = ?2 OR (a.staff_id = ?3 AND ?6 = 0 AND a.allow_overlap = 0)) "
                           "ORDER BY a.starts_at, a.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, span->appointment_id);
  sqlite3_bind_int64 (stmt, 2, span->client_id);
  sqlite3_bind_int64 (stmt, 3, span->staff_id);
  sqlite3_bind_int64 (stmt, 4, span->starts_at);
  sqlite3_bind_int64 (stmt, 5, span->ends_at);
  sqlite3_bind_int (stmt, 6, span->allow_overlap ? 1 : 0);

  for (;;)
    {
      RgBookingConflict *c;
      gboolean row;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;

      c = conflict_from_stmt (stmt);
      c->kind = c->client_id == span->client_id ? RG_BOOKING_CONFLICT_CLIENT : RG_BOOKING_CONFLICT_STAFF;
      c->message = describe_conflict (c, with_date);
      g_ptr_array_add (conflicts, c);
    }

  return g_steal_pointer (&conflicts);
}

/* FALSE with RG_STORE_ERROR_CONFLICT naming the first conflict, if any. */
gboolean
rg_booking_refuse_conflicts (RgStore              *store,
                             const RgBookingSpan  *span,
                             gboolean              with_date,
                             GError              **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;

  conflicts = rg_booking_find_conflicts_in_store (store, span, with_date, error);

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

/* Every appointment in the way of @span (its client with its staff member
 * over its time), as RgBookingConflict by start. Its appointment_id (0 for
 * a new one) is the appointment being edited, never its own conflict. */
GPtrArray *
rg_booking_find_conflicts (RgStudio             *studio,
                           const RgBookingSpan  *span,
                           GError              **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (span != NULL, NULL);

  return rg_booking_find_conflicts_in_store (rg_studio_get_store (studio), span, FALSE, error);
}

/* TRUE when nothing is in the way; else FALSE with RG_STORE_ERROR_CONFLICT
 * and a message that names the first appointment in the way. */
gboolean
rg_booking_check_conflicts (RgStudio             *studio,
                            const RgBookingSpan  *span,
                            GError              **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (span != NULL, FALSE);

  return rg_booking_refuse_conflicts (rg_studio_get_store (studio), span, FALSE, error);
}

/* The bookings @staff_id holds from @first to @last (local dates, both
 * included): what a day off on those days leaves without a master, as
 * RgBookingConflict (kind STAFF) by start, each message naming the client,
 * the date and the time. */
GPtrArray *
rg_booking_find_in_days (RgStudio  *studio,
                         gint64     staff_id,
                         RgDate     first,
                         RgDate     last,
                         GError   **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_booking_conflict_free);
  g_autoptr(RgStmt) stmt = NULL;
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           CONFLICT_SELECT
                           "WHERE a.starts_at < ?3 AND a.starts_at >= ?2 - 86400 AND a.ends_at > ?2 "
                           "AND a.staff_id = ?1 AND a.deleted_at IS NULL AND c.deleted_at IS NULL "
                           "AND a." RG_BOOKING_ACTIVE_SQL " AND a.status <> 'done' "
                           "ORDER BY a.starts_at, a.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_int64 (stmt, 2, rg_date_start (first));
  sqlite3_bind_int64 (stmt, 3, rg_date_end (last));

  for (;;)
    {
      RgBookingConflict *c;
      g_autofree char *day = NULL;
      g_autofree char *span = NULL;
      gboolean row;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;

      c = conflict_from_stmt (stmt);
      c->kind = RG_BOOKING_CONFLICT_STAFF;
      day = rg_booking_format_day (c->starts_at);
      span = format_span (c->starts_at, c->ends_at);
      /* Translators: a booking on a day off: the client, the date and the time,
       * e.g. "Olga, 14 April 2026, 14:00–15:00" */
      c->message = g_strdup_printf (_("%s, %s, %s"), c->client_name, day, span);
      g_ptr_array_add (found, c);
    }

  return g_steal_pointer (&found);
}

/* Working hours -------------------------------------------------------------- */

gboolean
rg_booking_check_hours_in_store (RgStore   *store,
                                 gint64     staff_id,
                                 gint64     starts_at,
                                 gint64     ends_at,
                                 gboolean  *within,
                                 GError   **error)
{
  g_autoptr(GArray) spans = NULL;
  RgDate date;
  int start_minute, end_minute;

  rg_booking_wall_clock_span (starts_at, ends_at, &date, &start_minute, &end_minute);
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

  return rg_booking_check_hours_in_store (rg_studio_get_store (studio), staff_id, starts_at, ends_at, within, error);
}

/* Saving --------------------------------------------------------------------- */

RgAppointment *
rg_booking_lookup_appointment (RgStudio  *studio,
                               gint64     id,
                               GError   **error)
{
  return rg_studio_lookup (studio, RG_TYPE_APPOINTMENT, id, error);
}

/* The status a save of @draft leaves an appointment with that has @current:
 * the draft's when it sets one along an allowed transition. */
gboolean
rg_booking_draft_target_status (const RgBookingDraft  *draft,
                                RgAppointmentStatus    current,
                                RgAppointmentStatus   *target,
                                GError               **error)
{
  *target = draft->set_status ? draft->status : current;
  return rg_booking_check_transition (current, *target, error);
}

/* Writes one appointment of a draft (new, or the draft's own) inside the
 * caller's transaction, refusing conflicts. With a status in the draft,
 * it is changed in the same transaction: an appointment that ends (is
 * cancelled, a no-show) is not checked for conflicts, one that takes its
 * time is. */
/* A done visit's services and price are what was paid for them (its
 * sale): the editor may change its note, time or master, not its money,
 * which a refund changes. */
static gboolean
money_stays (RgStore               *store,
             const RgBookingDraft  *draft,
             GError               **error)
{
  g_autoptr(RgStmt) lines = rg_store_prepare (store,
                                              "SELECT service_id, price, (SELECT price FROM appointments WHERE id = ?1) "
                                              "FROM appointment_services WHERE appointment_id = ?1 ORDER BY position, id",
                                              error);
  gboolean row = FALSE, ok, same = TRUE;
  gint64 price = -1;
  guint n = 0;

  if (lines == NULL)
    return FALSE;
  sqlite3_bind_int64 (lines, 1, draft->appointment_id);
  while ((ok = rg_store_step_row (store, lines, &row, error)) && row)
    {
      const RgBookingService *service = n < draft->services->len
                                        ? &g_array_index (draft->services, RgBookingService, n) : NULL;

      if (service == NULL || service->service_id != sqlite3_column_int64 (lines, 0) ||
          service->price != sqlite3_column_int64 (lines, 1))
        same = FALSE;
      price = sqlite3_column_int64 (lines, 2);
      n++;
    }
  if (!ok)
    return FALSE;
  if (n != draft->services->len || (price >= 0 && price != rg_booking_draft_get_price (draft)))
    same = FALSE;
  if (same)
    return TRUE;
  g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
               _("A done visit’s services and prices are what was paid for them: change them by a refund "
                 "from the client’s receipts."));
  return FALSE;
}

gboolean
rg_booking_save_in_transaction (RgStore               *store,
                                const RgBookingDraft  *draft,
                                gint64                *id,
                                GError               **error)
{
  gint64 now = rg_store_now ();
  gint64 ends_at = rg_booking_draft_get_ends_at (draft);
  RgAppointmentStatus status = RG_APPOINTMENT_BOOKED;
  RgAppointmentStatus target;
  gboolean new_for_staff = TRUE;
  gboolean new_for_client = TRUE;

  if (draft->appointment_id != 0)
    {
      RgBookingRow row;

      if (!rg_booking_load_row (store, draft->appointment_id, &row, error))
        return FALSE;
      status = row.status;
      new_for_staff = row.staff_id != draft->staff_id;
      new_for_client = row.client_id != draft->client_id;
      if (status == RG_APPOINTMENT_DONE && !money_stays (store, draft, error))
        return FALSE;
    }

  if (!rg_booking_draft_target_status (draft, status, &target, error))
    return FALSE;
  if (!rg_booking_check_parties (store, new_for_client ? draft->client_id : 0, draft->staff_id, new_for_staff, error))
    return FALSE;
  if (rg_booking_status_is_active (target) &&
      !rg_booking_refuse_conflicts (store,
                                    &(RgBookingSpan) { .appointment_id = draft->appointment_id,
                                                       .client_id = draft->client_id,
                                                       .staff_id = draft->staff_id,
                                                       .starts_at = draft->starts_at,
                                                       .ends_at = ends_at,
                                                       .allow_overlap = draft->allow_overlap },
                                    FALSE, error))
    return FALSE;

  *id = draft->appointment_id ? draft->appointment_id : rg_store_new_id ();
  return rg_booking_write_appointment (store, *id, draft->appointment_id == 0, draft, draft->starts_at, 0,
                                       now, error) &&
         rg_booking_replace_services (store, *id, draft->services, now, error) &&
         (target == status || rg_booking_write_status (store, *id, target, now, error));
}

/* Saves the appointment of @draft with its services in one transaction: a
 * new one (booked), or the draft's own one (its series stays; its status
 * too, unless the draft sets one).
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

  if (!rg_booking_validate_draft (draft, error) ||
      !rg_studio_allowed_booking (studio, draft->appointment_id, draft->staff_id, error))
    return NULL;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return NULL;
  if (!rg_booking_save_in_transaction (store, draft, &id, error))
    {
      rg_store_rollback (store);
      return NULL;
    }
  if (!rg_store_commit (store, error))
    return NULL;

  return rg_booking_lookup_appointment (studio, id, error);
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

/* FALSE with RG_STORE_ERROR_INVALID when @from may not become @to. */
gboolean
rg_booking_check_transition (RgAppointmentStatus   from,
                             RgAppointmentStatus   to,
                             GError              **error)
{
  if (rg_booking_status_can_change (from, to))
    return TRUE;

  /* Translators: the two statuses, e.g. "An appointment that is “Done” cannot become “Booked”." */
  g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
               _("An appointment that is “%s” cannot become “%s”."),
               rg_booking_status_to_string (from), rg_booking_status_to_string (to));
  return FALSE;
}

gboolean
rg_booking_write_status (RgStore              *store,
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
  if (!rg_store_step_done (store, stmt, error))
    return FALSE;
  /* A visit done without a check-out is paid in full at its price. */
  return status != RG_APPOINTMENT_DONE || rg_sale_write_in_full (store, id, now, error);
}

/* Changes a status inside the caller's transaction; an appointment that
 * takes its time back (an undo of a cancellation) must still be free. */
gboolean
rg_booking_change_status (RgStore              *store,
                          gint64                id,
                          RgAppointmentStatus   status,
                          gboolean              enforce,
                          gboolean              with_date,
                          GError              **error)
{
  RgBookingRow row;

  if (!rg_booking_load_row (store, id, &row, error))
    return FALSE;
  if (row.status == status)
    return TRUE;

  if (enforce && !rg_booking_check_transition (row.status, status, error))
    return FALSE;

  if (!rg_booking_status_is_active (row.status) && rg_booking_status_is_active (status) &&
      !rg_booking_refuse_conflicts (store,
                                    &(RgBookingSpan) { .appointment_id = id,
                                                       .client_id = row.client_id,
                                                       .staff_id = row.staff_id,
                                                       .starts_at = row.starts_at,
                                                       .ends_at = row.ends_at,
                                                       .allow_overlap = row.allow_overlap },
                                    with_date, error))
    return FALSE;

  return rg_booking_write_status (store, id, status, rg_store_now (), error);
}

static gboolean
run_change_status (RgStudio             *studio,
                   RgAppointment        *appointment,
                   RgAppointmentStatus   status,
                   gboolean              enforce,
                   GError              **error)
{
  RgStore *store = rg_studio_get_store (studio);

  if (!rg_studio_allowed_booking (studio, rg_record_get_id (RG_RECORD (appointment)), 0, error) ||
      !rg_store_begin (store, error))
    return FALSE;
  if (!rg_booking_change_status (store, rg_record_get_id (RG_RECORD (appointment)), status, enforce, FALSE, error))
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

/* A visit marked done before it starts is most often the wrong card: the
 * question to ask first (translated) when @starts_at is still ahead at
 * @now, else NULL. */
char *
rg_booking_describe_early_done (gint64 starts_at,
                                gint64 now)
{
  g_autofree char *clock = NULL;

  if (now >= starts_at)
    return NULL;

  clock = format_clock (starts_at);
  if (rg_date_compare (rg_date_from_time (starts_at), rg_date_from_time (now)) == 0)
    {
      int minutes = (int) ((starts_at - now + 59) / 60);

      if (minutes < 60)
        /* Translators: a visit is marked done before it starts; the time, and the minutes until then */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "This visit starts at %s, in %d minute. Mark it done already?",
                                             "This visit starts at %s, in %d minutes. Mark it done already?",
                                             minutes),
                                clock, minutes);
      /* Translators: a visit is marked done before it starts; the time */
      return g_strdup_printf (_("This visit starts at %s today. Mark it done already?"), clock);
    }

  {
    g_autofree char *day = rg_booking_format_day (starts_at);

    /* Translators: a visit is marked done before its day; the date and the time */
    return g_strdup_printf (_("This visit is on %s at %s, which has not come yet. Mark it done already?"), day, clock);
  }
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
