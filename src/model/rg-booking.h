/* rg-booking.h — the rules of the calendar: saving an appointment with its
 * services, conflicts, working hours, moving, statuses, recurring series and
 * the free-slot finder. No GTK: the views and the editor call these.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-appointment.h"
#include "rg-studio.h"
#include "util/rg-time.h"

G_BEGIN_DECLS

/* Moves and resizes land on this grid of local wall-clock minutes. */
#define RG_BOOKING_SNAP_MINUTES 15
/* No appointment lasts longer (the appointment list relies on it). */
#define RG_BOOKING_MAX_MINUTES  RG_MINUTES_PER_DAY
/* A series repeats every 1..52 weeks, for at most a year. */
#define RG_BOOKING_MAX_EVERY_WEEKS 52
/* How far the free-slot finder looks when not told. */
#define RG_BOOKING_SLOT_DAYS    60

/* One service of an appointment, with this client's duration and price. */
typedef struct {
  gint64 service_id;
  int    duration_minutes;
  gint64 price;              /* minor units */
} RgBookingService;

/* What the editor fills in. ends_at is starts_at plus the services'
 * durations; the price is their sum unless price_override is set. */
typedef struct {
  gint64    appointment_id;  /* 0: a new appointment */
  gint64    client_id;
  gint64    staff_id;
  gint64    starts_at;       /* UTC seconds; see rg_booking_draft_set_local_start() */
  GArray   *services;        /* of RgBookingService, in order */
  char     *note;
  gint64    price;           /* used only with price_override */
  gboolean  price_override;
  gboolean  allow_overlap;   /* the staff member may take another client at the same time */
  gboolean  set_status;      /* the save also changes the status to @status, in its transaction */
  RgAppointmentStatus status;
} RgBookingDraft;

typedef enum {
  RG_BOOKING_CONFLICT_STAFF,   /* the staff member is busy with another client */
  RG_BOOKING_CONFLICT_CLIENT,  /* the client is booked elsewhere at that time */
} RgBookingConflictKind;

/* Another appointment in the way. */
typedef struct {
  RgBookingConflictKind kind;
  gint64  appointment_id;
  gint64  client_id;
  gint64  staff_id;
  gint64  starts_at;
  gint64  ends_at;
  char   *client_name;
  char   *staff_name;
  char   *message;             /* translated; names the other appointment */
} RgBookingConflict;

/* One occurrence of a series that is about to be booked. */
typedef struct {
  gint64     starts_at;
  gint64     ends_at;
  gboolean   within_hours;     /* inside the staff member's working hours */
  GPtrArray *conflicts;        /* of RgBookingConflict; empty when free */
} RgBookingOccurrence;

typedef enum {
  RG_BOOKING_SERIES_ALL,             /* all occurrences, or none if one conflicts */
  RG_BOOKING_SERIES_SKIP_CONFLICTS,  /* the free occurrences; the others are left out */
} RgBookingSeriesMode;

/* A status an appointment had before a bulk change, for undo. */
typedef struct {
  gint64              appointment_id;
  RgAppointmentStatus status;
} RgBookingStatusChange;

typedef struct {
  gint64 staff_id;
  gint64 starts_at;
  gint64 ends_at;
} RgBookingSlot;

/* The time an appointment takes, as the conflict checks see it: @client_id
 * with @staff_id over [starts_at, ends_at). */
typedef struct {
  gint64   appointment_id;   /* the one being booked, never its own conflict; 0: a new one */
  gint64   client_id;
  gint64   staff_id;
  gint64   starts_at;
  gint64   ends_at;
  gboolean allow_overlap;    /* the staff member may take another client at the same time */
} RgBookingSpan;

/* Drafts */
RgBookingDraft *rg_booking_draft_new                (void) G_GNUC_WARN_UNUSED_RESULT;
RgBookingDraft *rg_booking_draft_new_for_appointment (RgStudio            *studio,
                                                     RgAppointment       *appointment,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
RgBookingDraft *rg_booking_draft_copy               (const RgBookingDraft *draft) G_GNUC_WARN_UNUSED_RESULT;
void            rg_booking_draft_free               (RgBookingDraft      *draft);
void            rg_booking_draft_add_service        (RgBookingDraft      *draft,
                                                     gint64               service_id,
                                                     int                  duration_minutes,
                                                     gint64               price);
void            rg_booking_draft_set_local_start    (RgBookingDraft      *draft,
                                                     RgDate               date,
                                                     int                  minute_of_day);
void            rg_booking_draft_set_note           (RgBookingDraft      *draft,
                                                     const char          *note);
int             rg_booking_draft_get_duration       (const RgBookingDraft *draft);
gint64          rg_booking_draft_get_ends_at        (const RgBookingDraft *draft);
gint64          rg_booking_draft_get_price          (const RgBookingDraft *draft);

/* Saving and services */
RgAppointment  *rg_booking_save                     (RgStudio            *studio,
                                                     const RgBookingDraft *draft,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GArray         *rg_booking_load_services            (RgStudio            *studio,
                                                     gint64               appointment_id,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Conflicts */
GPtrArray      *rg_booking_find_conflicts           (RgStudio            *studio,
                                                     const RgBookingSpan *span,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        rg_booking_check_conflicts          (RgStudio            *studio,
                                                     const RgBookingSpan *span,
                                                     GError             **error);
void            rg_booking_conflict_free            (RgBookingConflict   *conflict);

GPtrArray      *rg_booking_find_in_days             (RgStudio            *studio,
                                                     gint64               staff_id,
                                                     RgDate               first,
                                                     RgDate               last,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Working hours */
gboolean        rg_booking_check_hours              (RgStudio            *studio,
                                                     gint64               staff_id,
                                                     gint64               starts_at,
                                                     gint64               ends_at,
                                                     gboolean            *within,
                                                     GError             **error);

/* Moving, resizing */
gint64          rg_booking_snap                     (gint64               unix_seconds);
gboolean        rg_booking_move                     (RgStudio            *studio,
                                                     RgAppointment       *appointment,
                                                     gint64               staff_id,
                                                     gint64               starts_at,
                                                     gint64               ends_at,
                                                     GError             **error);

gboolean        rg_booking_move_exact               (RgStudio            *studio,
                                                     RgAppointment       *appointment,
                                                     gint64               staff_id,
                                                     gint64               starts_at,
                                                     gint64               ends_at,
                                                     GError             **error);

/* Statuses */
const char     *rg_booking_status_to_string         (RgAppointmentStatus  status);
gboolean        rg_booking_status_is_active         (RgAppointmentStatus  status);
gboolean        rg_booking_status_can_change        (RgAppointmentStatus  from,
                                                     RgAppointmentStatus  to);
gboolean        rg_booking_set_status               (RgStudio            *studio,
                                                     RgAppointment       *appointment,
                                                     RgAppointmentStatus  status,
                                                     GError             **error);
char           *rg_booking_describe_early_done      (gint64               starts_at,
                                                     gint64               now) G_GNUC_WARN_UNUSED_RESULT;
gboolean        rg_booking_undo_status              (RgStudio            *studio,
                                                     RgAppointment       *appointment,
                                                     RgAppointmentStatus  previous,
                                                     GError             **error);

/* Recurring series */
GArray         *rg_booking_expand_series            (gint64               first_start,
                                                     int                  every_weeks,
                                                     RgDate               until,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray      *rg_booking_plan_series              (RgStudio            *studio,
                                                     const RgBookingDraft *draft,
                                                     int                  every_weeks,
                                                     RgDate               until,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray      *rg_booking_save_series              (RgStudio            *studio,
                                                     const RgBookingDraft *draft,
                                                     int                  every_weeks,
                                                     RgDate               until,
                                                     RgBookingSeriesMode  mode,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        rg_booking_save_following           (RgStudio            *studio,
                                                     const RgBookingDraft *draft,
                                                     guint               *n_changed,
                                                     GError             **error);
gboolean        rg_booking_cancel_following         (RgStudio            *studio,
                                                     RgAppointment       *appointment,
                                                     GArray             **undo,
                                                     GError             **error);
gboolean        rg_booking_restore_statuses         (RgStudio            *studio,
                                                     GArray              *changes,
                                                     GError             **error);
void            rg_booking_occurrence_free          (RgBookingOccurrence *occurrence);

/* Deleting a client with their bookings */
gboolean        rg_booking_count_future             (RgStudio            *studio,
                                                     gint64               client_id,
                                                     gint64               from,
                                                     guint               *n,
                                                     gint64              *next,
                                                     GError             **error);
gboolean        rg_booking_delete_client            (RgStudio            *studio,
                                                     RgClient            *client,
                                                     gint64               from,
                                                     GArray             **cancelled,
                                                     GError             **error);
gboolean        rg_booking_restore_client           (RgStudio            *studio,
                                                     RgClient            *client,
                                                     GArray              *cancelled,
                                                     guint               *n_lost,
                                                     GError             **error);

/* Free slots */
gboolean        rg_booking_find_free_slot           (RgStudio            *studio,
                                                     gint64               service_id,
                                                     gint64               staff_id,
                                                     int                  length_minutes,
                                                     gint64               from,
                                                     int                  max_days,
                                                     RgBookingSlot       *slot,
                                                     gboolean            *found,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgBookingDraft, rg_booking_draft_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgBookingConflict, rg_booking_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgBookingOccurrence, rg_booking_occurrence_free)

G_END_DECLS
