/* rg-service.h — a service the studio offers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-record.h"

G_BEGIN_DECLS

/* How a service matches what was typed in a picker: better first. */
typedef enum {
  RG_SERVICE_MATCH_WORD_START,  /* every word typed starts a word: "men h" */
  RG_SERVICE_MATCH_INSIDE,      /* some inside a word: "men" in "Women's" */
  RG_SERVICE_MATCH_NONE,
} RgServiceMatch;

/* No price or cost is more: 100,000,000.00 (as the till's RG_PRICING_MAX_PRICE). */
#define RG_SERVICE_MAX_MONEY G_GINT64_CONSTANT (10000000000)

#define RG_TYPE_SERVICE (rg_service_get_type ())
G_DECLARE_FINAL_TYPE (RgService, rg_service, RG, SERVICE, RgRecord)

RgService   *rg_service_new                  (const char *name,
                                              int         duration_minutes,
                                              gint64      price) G_GNUC_WARN_UNUSED_RESULT;
const char  *rg_service_get_name             (RgService  *self);
void         rg_service_set_name             (RgService  *self,
                                              const char *name);
const char  *rg_service_get_category         (RgService  *self);
void         rg_service_set_category         (RgService  *self,
                                              const char *category);
int          rg_service_get_duration_minutes (RgService  *self);
void         rg_service_set_duration_minutes (RgService  *self,
                                              int         duration_minutes);
gint64       rg_service_get_price            (RgService  *self);
void         rg_service_set_price            (RgService  *self,
                                              gint64      price);
int          rg_service_get_repeat_days      (RgService  *self);
void         rg_service_set_repeat_days      (RgService  *self,
                                              int         repeat_days);
int          rg_service_get_position         (RgService  *self);
void         rg_service_set_position         (RgService  *self,
                                              int         position);
gboolean     rg_service_get_archived         (RgService  *self);
void         rg_service_set_archived         (RgService  *self,
                                              gboolean    archived);
gint64       rg_service_get_materials_cost   (RgService  *self);
void         rg_service_set_materials_cost   (RgService  *self,
                                              gint64      materials_cost);

RgServiceMatch rg_service_match              (RgService  *self,
                                              const char *query);

G_END_DECLS
