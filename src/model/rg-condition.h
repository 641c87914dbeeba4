/* rg-condition.h — the medical card: allergies and contraindications.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-client.h"
#include "rg-enums.h"
#include "rg-record.h"
#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_CONDITION (rg_condition_get_type ())
G_DECLARE_FINAL_TYPE (RgCondition, rg_condition, RG, CONDITION, RgRecord)

RgCondition     *rg_condition_new                (const char      *name,
                                                  RgConditionKind  kind) G_GNUC_WARN_UNUSED_RESULT;
const char      *rg_condition_get_name           (RgCondition     *self);
RgConditionKind  rg_condition_get_kind           (RgCondition     *self);

gboolean         rg_conditions_ensure_defaults   (RgStudio        *studio,
                                                  GError         **error);
GPtrArray       *rg_conditions_list              (RgStudio        *studio,
                                                  GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GArray          *rg_client_conditions_load       (RgStudio        *studio,
                                                  gint64           client_id,
                                                  GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean         rg_client_conditions_set        (RgStudio        *studio,
                                                  gint64           client_id,
                                                  gint64           condition_id,
                                                  gboolean         present,
                                                  GError         **error);
char            *rg_client_medical_summary       (RgStudio        *studio,
                                                  RgClient        *client) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
