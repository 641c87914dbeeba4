/* rg-custom-field.h — a field the studio adds to every client card, and its
 * values.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-client.h"
#include "rg-enums.h"
#include "rg-record.h"
#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_CUSTOM_FIELD (rg_custom_field_get_type ())
G_DECLARE_FINAL_TYPE (RgCustomField, rg_custom_field, RG, CUSTOM_FIELD, RgRecord)

RgCustomField *rg_custom_field_new           (const char     *name,
                                              RgFieldKind     kind) G_GNUC_WARN_UNUSED_RESULT;
const char    *rg_custom_field_get_name      (RgCustomField  *self);
RgFieldKind    rg_custom_field_get_kind      (RgCustomField  *self);
GStrv          rg_custom_field_dup_choices   (RgCustomField  *self) G_GNUC_WARN_UNUSED_RESULT;
void           rg_custom_field_set_choices   (RgCustomField  *self,
                                              const char * const *choices);
int            rg_custom_field_get_position  (RgCustomField  *self);
void           rg_custom_field_set_position  (RgCustomField  *self,
                                              int             position);
gboolean       rg_custom_field_read_value    (RgCustomField  *self,
                                              const char     *text,
                                              char          **value,
                                              GError        **error);

GHashTable    *rg_client_fields_load         (RgStudio       *studio,
                                              gint64          client_id,
                                              GError        **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       rg_client_fields_set          (RgStudio       *studio,
                                              gint64          client_id,
                                              RgCustomField  *field,
                                              const char     *text,
                                              GError        **error);

G_END_DECLS
