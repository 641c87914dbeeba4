/* rg-rating.h — the client's rating of one visit.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-record.h"

G_BEGIN_DECLS

#define RG_TYPE_RATING (rg_rating_get_type ())
G_DECLARE_FINAL_TYPE (RgRating, rg_rating, RG, RATING, RgRecord)

/* No answer to the "would you recommend us" question. */
#define RG_RATING_NO_NPS (-1)

RgRating    *rg_rating_new                (gint64     appointment_id,
                                           int        score) G_GNUC_WARN_UNUSED_RESULT;
gint64       rg_rating_get_appointment_id (RgRating  *self);
int          rg_rating_get_score          (RgRating  *self);
int          rg_rating_get_nps            (RgRating  *self);
const char  *rg_rating_get_why            (RgRating  *self);
gint64       rg_rating_get_rated_at       (RgRating  *self);

RgRating    *rg_rating_find_for_visit     (RgStudio  *studio,
                                           gint64     appointment_id,
                                           GError   **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
