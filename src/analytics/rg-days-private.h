/* rg-days-private.h — local days as numbers, and clients by id, for the
 * analytics.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "util/rg-time.h"
#include "rg-retention.h"

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

/* Where each client's rhythm is in an array of them (RgClientRhythm): an
 * open-addressed table, one probe or two where a binary search over
 * 100,000 rhythms would miss the cache seventeen times. */
typedef struct {
  guint     bits;
  gint64   *keys;
  guint32  *slots;   /* index + 1; 0: empty */
} ClientIndex;

void    rg_client_index_init   (ClientIndex       *index,
                                GArray            *rhythms);
/* G_MAXUINT32 when @client_id is not there. */
guint32 rg_client_index_find   (const ClientIndex *index,
                                gint64             client_id);
void    rg_client_index_clear  (ClientIndex       *index);

G_END_DECLS
