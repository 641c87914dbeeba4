/* rg-interaction.c — one entry of a client's timeline: a call and its
 * outcome, a note, a complaint, a task with a due time, a gift, a message.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-interaction.h"
#include "rg-model-enums.h"

struct _RgInteraction
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgInteraction, rg_interaction, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLIENT_ID,
  PROP_APPOINTMENT_ID,
  PROP_STAFF_ID,
  PROP_KIND,
  PROP_BODY,
  PROP_OUTCOME,
  PROP_OCCURRED_AT,
  PROP_DUE_AT,
  PROP_DONE_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
rg_interaction_prepare_save (RgRecord  *record,
                             RgStore   *store,
                             GError   **error)
{
  RgInteraction *self = RG_INTERACTION (record);

  if (rg_interaction_get_client_id (self) == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose the client this entry is about."));
      return FALSE;
    }

  if (rg_interaction_get_occurred_at (self) == 0)
    rg_record_set_int64 (record, PROP_OCCURRED_AT, rg_store_now ());

  return TRUE;
}

static void
rg_interaction_class_init (RgInteractionClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  record_class->prepare_save = rg_interaction_prepare_save;

  properties[PROP_CLIENT_ID] = g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_APPOINTMENT_ID] = g_param_spec_int64 ("appointment-id", NULL, NULL,
                                                        0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);
  properties[PROP_STAFF_ID] = g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, RG_TYPE_INTERACTION_KIND,
                                             RG_INTERACTION_NOTE, RG_COLUMN);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_OCCURRED_AT] = g_param_spec_int64 ("occurred-at", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_DUE_AT] = g_param_spec_int64 ("due-at", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);
  properties[PROP_DONE_AT] = g_param_spec_int64 ("done-at", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "interactions", TRUE);
}

static void
rg_interaction_init (RgInteraction *self)
{
}

RgInteraction *
rg_interaction_new (gint64             client_id,
                    RgInteractionKind  kind,
                    const char        *body)
{
  return g_object_new (RG_TYPE_INTERACTION,
                       "client-id", client_id,
                       "kind", kind,
                       "body", body,
                       NULL);
}

#define R(self) RG_RECORD (self)

gint64
rg_interaction_get_client_id (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), 0);
  return rg_record_get_int64 (R (self), PROP_CLIENT_ID);
}

gint64
rg_interaction_get_appointment_id (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), 0);
  return rg_record_get_int64 (R (self), PROP_APPOINTMENT_ID);
}

RgInteractionKind
rg_interaction_get_kind (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), RG_INTERACTION_NOTE);
  return rg_record_get_enum (R (self), PROP_KIND);
}

const char *
rg_interaction_get_body (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), NULL);
  return rg_record_get_string (R (self), PROP_BODY);
}

const char *
rg_interaction_get_outcome (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), NULL);
  return rg_record_get_string (R (self), PROP_OUTCOME);
}

gint64
rg_interaction_get_occurred_at (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), 0);
  return rg_record_get_int64 (R (self), PROP_OCCURRED_AT);
}

gint64
rg_interaction_get_due_at (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), 0);
  return rg_record_get_int64 (R (self), PROP_DUE_AT);
}

gint64
rg_interaction_get_done_at (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), 0);
  return rg_record_get_int64 (R (self), PROP_DONE_AT);
}
