/* rg-service.c — a service the studio offers.
 *
 * Prices are integer minor units (kopecks, cents). The repeat interval is
 * the recommended number of days until the service is due again; 0 when the
 * studio has not set one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-service.h"
#include "util/rg-text.h"

struct _RgService
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgService, rg_service, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_DURATION_MINUTES,
  PROP_PRICE,
  PROP_REPEAT_DAYS,
  PROP_POSITION,
  PROP_ARCHIVED,
  PROP_MATERIALS_COST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
rg_service_prepare_save (RgRecord  *record,
                         RgStore   *store,
                         GError   **error)
{
  RgService *self = RG_SERVICE (record);
  g_autofree char *name = g_strdup (rg_service_get_name (self));
  int duration = rg_service_get_duration_minutes (self);

  if (name == NULL || *g_strstrip (name) == '\0')
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Enter the name of the service."));
      return FALSE;
    }
  if (duration < 5 || duration > 24 * 60)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("A service lasts from 5 minutes to 24 hours."));
      return FALSE;
    }
  if (rg_service_get_materials_cost (self) < 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The materials cost of a service cannot be negative."));
      return FALSE;
    }
  if (rg_service_get_materials_cost (self) > RG_SERVICE_MAX_MONEY)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The materials cost is too large."));
      return FALSE;
    }

  rg_record_set_string (record, PROP_NAME, name);
  return TRUE;
}

static void
rg_service_class_init (RgServiceClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  record_class->prepare_save = rg_service_prepare_save;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, "", RG_COLUMN);
  properties[PROP_DURATION_MINUTES] = g_param_spec_int ("duration-minutes", NULL, NULL,
                                                        0, 24 * 60, 60, RG_COLUMN);
  properties[PROP_PRICE] = g_param_spec_int64 ("price", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_REPEAT_DAYS] = g_param_spec_int ("repeat-days", NULL, NULL, 0, 3650, 0,
                                                   RG_COLUMN_NULLABLE);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, RG_COLUMN);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, RG_COLUMN);
  /* What the materials of one visit cost the studio, minor units. */
  properties[PROP_MATERIALS_COST] = g_param_spec_int64 ("materials-cost", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                                        RG_COLUMN);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "services", FALSE);
}

static void
rg_service_init (RgService *self)
{
}

RgService *
rg_service_new (const char *name,
                int         duration_minutes,
                gint64      price)
{
  return g_object_new (RG_TYPE_SERVICE,
                       "name", name,
                       "duration-minutes", duration_minutes,
                       "price", price,
                       NULL);
}

const char *
rg_service_get_name (RgService *self)
{
  g_return_val_if_fail (RG_IS_SERVICE (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_NAME);
}

void
rg_service_set_name (RgService  *self,
                     const char *name)
{
  g_return_if_fail (RG_IS_SERVICE (self));
  rg_record_set_string (RG_RECORD (self), PROP_NAME, name);
}

const char *
rg_service_get_category (RgService *self)
{
  g_return_val_if_fail (RG_IS_SERVICE (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_CATEGORY);
}

void
rg_service_set_category (RgService  *self,
                         const char *category)
{
  g_return_if_fail (RG_IS_SERVICE (self));
  rg_record_set_string (RG_RECORD (self), PROP_CATEGORY, category ? category : "");
}

int
rg_service_get_duration_minutes (RgService *self)
{
  g_return_val_if_fail (RG_IS_SERVICE (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_DURATION_MINUTES);
}

void
rg_service_set_duration_minutes (RgService *self,
                                 int        duration_minutes)
{
  g_return_if_fail (RG_IS_SERVICE (self));
  rg_record_set_int (RG_RECORD (self), PROP_DURATION_MINUTES, CLAMP (duration_minutes, 0, 24 * 60));
}

gint64
rg_service_get_price (RgService *self)
{
  g_return_val_if_fail (RG_IS_SERVICE (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_PRICE);
}

void
rg_service_set_price (RgService *self,
                      gint64     price)
{
  g_return_if_fail (RG_IS_SERVICE (self));
  g_return_if_fail (price >= 0);
  rg_record_set_int64 (RG_RECORD (self), PROP_PRICE, price);
}

int
rg_service_get_repeat_days (RgService *self)
{
  g_return_val_if_fail (RG_IS_SERVICE (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_REPEAT_DAYS);
}

/* @repeat_days: 0 when the studio recommends no interval. */
void
rg_service_set_repeat_days (RgService *self,
                            int        repeat_days)
{
  g_return_if_fail (RG_IS_SERVICE (self));
  rg_record_set_int (RG_RECORD (self), PROP_REPEAT_DAYS, CLAMP (repeat_days, 0, 3650));
}

int
rg_service_get_position (RgService *self)
{
  g_return_val_if_fail (RG_IS_SERVICE (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_POSITION);
}

void
rg_service_set_position (RgService *self,
                         int        position)
{
  g_return_if_fail (RG_IS_SERVICE (self));
  rg_record_set_int (RG_RECORD (self), PROP_POSITION, position);
}

gboolean
rg_service_get_archived (RgService *self)
{
  g_return_val_if_fail (RG_IS_SERVICE (self), FALSE);
  return rg_record_get_boolean (RG_RECORD (self), PROP_ARCHIVED);
}

/* An archived service keeps its history but is no longer offered. */
void
rg_service_set_archived (RgService *self,
                         gboolean   archived)
{
  g_return_if_fail (RG_IS_SERVICE (self));
  rg_record_set_boolean (RG_RECORD (self), PROP_ARCHIVED, archived);
}

gint64
rg_service_get_materials_cost (RgService *self)
{
  g_return_val_if_fail (RG_IS_SERVICE (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_MATERIALS_COST);
}

/* What the materials of one visit cost the studio (minor units): the
 * check-out warns when a discounted price does not cover it. A negative
 * cost is refused at the save. */
void
rg_service_set_materials_cost (RgService *self,
                               gint64     materials_cost)
{
  g_return_if_fail (RG_IS_SERVICE (self));
  rg_record_set_int64 (RG_RECORD (self), PROP_MATERIALS_COST, materials_cost);
}

/**
 * rg_service_match:
 * @query: what was typed, any case, with any quotes
 *
 * Whether the service's name or category holds every word of @query, as
 * the service picker finds them: case, ё and typographic quotes folded.
 * A service whose words start with the ones typed ranks before one that
 * holds them inside a word ("men" finds "Men's haircut" first, then
 * "Women's haircut").
 */
RgServiceMatch
rg_service_match (RgService  *self,
                  const char *query)
{
  g_autofree char *folded_query = NULL;
  g_autofree char *name = NULL;
  g_autofree char *category = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  RgServiceMatch match = RG_SERVICE_MATCH_WORD_START;

  g_return_val_if_fail (RG_IS_SERVICE (self), RG_SERVICE_MATCH_NONE);

  if (query == NULL)
    return RG_SERVICE_MATCH_WORD_START;
  folded_query = rg_text_fold (query);
  name = rg_text_fold (rg_service_get_name (self));
  category = rg_text_fold (rg_service_get_category (self));
  text = g_strconcat (name, " ", category, NULL);
  words = g_strsplit_set (folded_query, " \t", -1);
  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (strstr (text, words[i]) == NULL)
        return RG_SERVICE_MATCH_NONE;
      if (!rg_text_starts_word (text, words[i]))
        match = RG_SERVICE_MATCH_INSIDE;
    }
  return match;
}
