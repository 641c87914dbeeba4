/* rg-time.h — local calendar days and wall-clock times over UTC seconds.
 *
 * The store keeps Unix seconds (UTC); people book in local wall-clock time.
 * These helpers convert through the local time zone (GTimeZone), so a day
 * is 23 or 25 hours long on a daylight-saving change and an appointment at
 * 10:00 stays at 10:00.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A local calendar date; compare with rg_date_compare(). */
typedef struct {
  int year;
  int month;  /* 1..12 */
  int day;    /* 1..31 */
} RgDate;

#define RG_MINUTES_PER_DAY (24 * 60)

void     rg_time_set_zone          (GTimeZone *zone);
GTimeZone *rg_time_get_zone        (void);

RgDate   rg_date_from_time         (gint64     unix_seconds);
RgDate   rg_date_today             (void);
gint64   rg_time_now               (void);
gboolean rg_date_valid             (RgDate     date);
int      rg_date_compare           (RgDate     a,
                                    RgDate     b);
RgDate   rg_date_add_days          (RgDate     date,
                                    int        days);
int      rg_date_days_between      (RgDate     from,
                                    RgDate     to);
int      rg_date_weekday           (RgDate     date);   /* ISO: 1 = Monday */
RgDate   rg_date_week_start        (RgDate     date);   /* the Monday */
char    *rg_date_to_iso            (RgDate     date) G_GNUC_WARN_UNUSED_RESULT;
gboolean rg_date_from_iso          (const char *text,
                                    RgDate     *date);

gint64   rg_time_from_local        (RgDate     date,
                                    int        minute_of_day);
gint64   rg_date_start             (RgDate     date);
gint64   rg_date_end               (RgDate     date);
int      rg_time_minute_of_day     (gint64     unix_seconds);
int      rg_time_snap_minutes      (int        minutes,
                                    int        step);

/* Dates and times as people type them into a spreadsheet. */
#define RG_DATE_ERROR (rg_date_error_quark ())
typedef enum {
  RG_DATE_ERROR_INVALID,
} RgDateError;
GQuark   rg_date_error_quark       (void);

gboolean rg_date_parse_birthday    (const char *text,
                                    int        *day,
                                    int        *month,
                                    int        *year,
                                    GError    **error);
gboolean rg_date_parse_day         (const char *text,
                                    RgDate     *date,
                                    int        *minute_of_day,
                                    GError    **error);
gboolean rg_time_parse_minute      (const char *text,
                                    int        *minute_of_day,
                                    GError    **error);

G_END_DECLS
