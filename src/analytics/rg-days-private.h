/* rg-days-private.h — local days as numbers for the analytics.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-time.h"

G_BEGIN_DECLS

/* Days since 1 January of year 1 (GDate's Julian days). */
gint64  rg_day_number      (RgDate  date);
RgDate  rg_date_of_number  (gint64  number);

/* Local midnights from @first to @last (day numbers), and one more. */
typedef struct {
  gint64  first;
  GArray *starts;   /* gint64 UTC seconds */
} DayTable;

void    rg_day_table_init    (DayTable       *table,
                              gint64          first,
                              gint64          last);
/* The day number of @at (before the table: first − 1). */
gint64  rg_day_table_lookup  (const DayTable *table,
                              gint64          at);

G_END_DECLS
