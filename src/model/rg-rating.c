/* rg-rating.c — the client's rating of one visit: a score from 1 to 5 with
 * "Why?", and optionally how likely they are to recommend us, 0 to 10.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-rating.h"
#include "rg-studio.h"

struct _RgRating
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgRating, rg_rating, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_APPOINTMENT_ID,
  PROP_SCORE,
  PROP_NPS,
  PROP_WHY,
  PROP_RATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
rg_rating_prepare_save (RgRecord  *record,
                        RgStore   *store,
                        GError   **error)
{
  RgRating *self = RG_RATING (record);

  if (rg_rating_get_appointment_id (self) == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("A rating belongs to a visit; choose the visit first."));
      return FALSE;
    }
  if (rg_rating_get_score (self) < 1 || rg_rating_get_score (self) > 5)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose a score from 1 to 5."));
      return FALSE;
    }

  /* Only a visit that took place is rated, once. */
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "SELECT a.status = 'done' AND a.deleted_at IS NULL,"
                                               " (SELECT id FROM ratings WHERE appointment_id = a.id)"
                                               " FROM appointments a WHERE a.id = ?1",
                                               error);
    gboolean row = FALSE;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, rg_rating_get_appointment_id (self));
    if (!rg_store_step_row (store, stmt, &row, error))
      return FALSE;
    if (!row || !sqlite3_column_int (stmt, 0))
      {
        g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                             _("Only a visit marked done can be rated."));
        return FALSE;
      }
    if (sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
        sqlite3_column_int64 (stmt, 1) != rg_record_get_id (record))
      {
        g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                             _("This visit already has a rating; change that one instead."));
        return FALSE;
      }
  }

  /* Editing keeps the date of the first answer. */
  if (rg_rating_get_rated_at (self) == 0)
    rg_record_set_int64 (record, PROP_RATED_AT, rg_store_now ());

  return TRUE;
}

static void
rg_rating_class_init (RgRatingClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  record_class->prepare_save = rg_rating_prepare_save;

  properties[PROP_APPOINTMENT_ID] = g_param_spec_int64 ("appointment-id", NULL, NULL,
                                                        0, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_SCORE] = g_param_spec_int ("score", NULL, NULL, 0, 5, 0, RG_COLUMN);
  properties[PROP_NPS] = g_param_spec_int ("nps", NULL, NULL, RG_RATING_NO_NPS, 10, RG_RATING_NO_NPS,
                                           RG_COLUMN_NULLABLE);
  properties[PROP_WHY] = g_param_spec_string ("why", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_RATED_AT] = g_param_spec_int64 ("rated-at", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "ratings", FALSE);
}

static void
rg_rating_init (RgRating *self)
{
}

RgRating *
rg_rating_new (gint64 appointment_id,
               int    score)
{
  return g_object_new (RG_TYPE_RATING, "appointment-id", appointment_id, "score", score, NULL);
}

gint64
rg_rating_get_appointment_id (RgRating *self)
{
  g_return_val_if_fail (RG_IS_RATING (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_APPOINTMENT_ID);
}

int
rg_rating_get_score (RgRating *self)
{
  g_return_val_if_fail (RG_IS_RATING (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_SCORE);
}

int
rg_rating_get_nps (RgRating *self)
{
  g_return_val_if_fail (RG_IS_RATING (self), RG_RATING_NO_NPS);
  return rg_record_get_int (RG_RECORD (self), PROP_NPS);
}

const char *
rg_rating_get_why (RgRating *self)
{
  g_return_val_if_fail (RG_IS_RATING (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_WHY);
}

gint64
rg_rating_get_rated_at (RgRating *self)
{
  g_return_val_if_fail (RG_IS_RATING (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_RATED_AT);
}

/* The visit's rating, or NULL (without an error) when it has none. */
RgRating *
rg_rating_find_for_visit (RgStudio  *studio,
                          gint64     appointment_id,
                          GError   **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (RG_TYPE_RATING);
  g_autofree char *sql = g_strconcat (rg_record_class_get_select (RG_RECORD_CLASS (klass)),
                                      " WHERE appointment_id = ?1", NULL);
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  if (!rg_store_step_row (store, stmt, &row, error) || !row)
    return NULL;
  return rg_studio_lookup_from_stmt (studio, RG_TYPE_RATING, stmt);
}
