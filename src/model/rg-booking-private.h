/* rg-booking-private.h — what the files of the booking rules share: an
 * appointment's row, and the checks and writes made inside a transaction.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-booking.h"

G_BEGIN_DECLS

/* The appointments that hold their time, as SQL on their table. */
#define RG_BOOKING_ACTIVE_SQL "status NOT IN ('cancelled', 'no_show')"

/* What the rules need of an appointment, read straight from its row. */
typedef struct {
  gint64              id;
  gint64              client_id;
  gint64              staff_id;
  gint64              starts_at;
  gint64              ends_at;
  gint64              series_id;
  RgAppointmentStatus status;
  gboolean            allow_overlap;
} RgBookingRow;

/* The columns rg_booking_row_from_stmt() reads, in its order. */
#define RG_BOOKING_ROW_COLUMNS \
  "id, client_id, staff_id, starts_at, ends_at, coalesce(series_id, 0), status, allow_overlap"

/* Time */
char          *rg_booking_format_day              (gint64                 unix_seconds) G_GNUC_WARN_UNUSED_RESULT;
void           rg_booking_wall_clock_span         (gint64                 starts_at,
                                                   gint64                 ends_at,
                                                   RgDate                *date,
                                                   int                   *start_minute,
                                                   int                   *end_minute);

/* Drafts and rows */
gboolean       rg_booking_validate_draft          (const RgBookingDraft  *draft,
                                                   GError               **error);
void           rg_booking_row_from_stmt           (RgBookingRow          *row,
                                                   sqlite3_stmt          *stmt);
gboolean       rg_booking_load_row                (RgStore               *store,
                                                   gint64                 id,
                                                   RgBookingRow          *row,
                                                   GError               **error);
RgAppointment *rg_booking_lookup_appointment      (RgStudio              *studio,
                                                   gint64                 id,
                                                   GError               **error) G_GNUC_WARN_UNUSED_RESULT;

/* Checks and writes inside the caller's transaction */
gboolean       rg_booking_check_parties           (RgStore               *store,
                                                   gint64                 client_id,
                                                   gint64                 staff_id,
                                                   gboolean               new_for_staff,
                                                   GError               **error);
gboolean       rg_booking_write_appointment       (RgStore               *store,
                                                   gint64                 id,
                                                   gboolean               insert,
                                                   const RgBookingDraft  *draft,
                                                   gint64                 starts_at,
                                                   gint64                 series_id,
                                                   gint64                 now,
                                                   GError               **error);
gboolean       rg_booking_replace_services        (RgStore               *store,
                                                   gint64                 appointment_id,
                                                   GArray                *services,
                                                   gint64                 now,
                                                   GError               **error);
gboolean       rg_booking_save_in_transaction     (RgStore               *store,
                                                   const RgBookingDraft  *draft,
                                                   gint64                *id,
                                                   GError               **error);
GPtrArray     *rg_booking_find_conflicts_in_store (RgStore               *store,
                                                   const RgBookingSpan   *span,
                                                   gboolean               with_date,
                                                   GError               **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       rg_booking_refuse_conflicts        (RgStore               *store,
                                                   const RgBookingSpan   *span,
                                                   gboolean               with_date,
                                                   GError               **error);
gboolean       rg_booking_check_hours_in_store    (RgStore               *store,
                                                   gint64                 staff_id,
                                                   gint64                 starts_at,
                                                   gint64                 ends_at,
                                                   gboolean              *within,
                                                   GError               **error);
gboolean       rg_booking_check_transition        (RgAppointmentStatus    from,
                                                   RgAppointmentStatus    to,
                                                   GError               **error);
gboolean       rg_booking_draft_target_status     (const RgBookingDraft  *draft,
                                                   RgAppointmentStatus    current,
                                                   RgAppointmentStatus   *target,
                                                   GError               **error);
gboolean       rg_booking_write_status            (RgStore               *store,
                                                   gint64                 id,
                                                   RgAppointmentStatus    status,
                                                   gint64                 now,
                                                   GError               **error);
gboolean       rg_booking_change_status           (RgStore               *store,
                                                   gint64                 id,
                                                   RgAppointmentStatus    status,
                                                   gboolean               enforce,
                                                   gboolean               with_date,
                                                   GError               **error);

G_END_DECLS
