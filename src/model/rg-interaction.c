/* rg-interaction.c — one entry of a client's timeline: a call and its
 * outcome, a note, a complaint, a task with a due time, a gift, a message.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-interaction.h"
#include "rg-studio.h"
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
  PROP_SERVICE_ID,
  PROP_RESOLUTION,
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

  /* A complaint always has a status; resolving one dates it, reopening
   * forgets the date. */
  if (rg_interaction_get_kind (self) == RG_INTERACTION_COMPLAINT)
    {
      RgComplaintStatus status = rg_interaction_get_complaint_status (self);

      rg_record_set_string (record, PROP_OUTCOME, rg_complaint_status_to_nick (status));
      if (status == RG_COMPLAINT_RESOLVED && rg_interaction_get_done_at (self) == 0)
        rg_record_set_int64 (record, PROP_DONE_AT, rg_store_now ());
      else if (status != RG_COMPLAINT_RESOLVED && rg_interaction_get_done_at (self) != 0)
        rg_record_set_int64 (record, PROP_DONE_AT, 0);
    }

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
  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);
  properties[PROP_RESOLUTION] = g_param_spec_string ("resolution", NULL, NULL, NULL, RG_COLUMN_NULLABLE);

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

gint64
rg_interaction_get_staff_id (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), 0);
  return rg_record_get_int64 (R (self), PROP_STAFF_ID);
}

const char *
rg_interaction_get_resolution (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), NULL);
  return rg_record_get_string (R (self), PROP_RESOLUTION);
}

static const char * const complaint_nicks[] = {
  [RG_COMPLAINT_OPEN] = "open",
  [RG_COMPLAINT_RESOLVED] = "resolved",
  [RG_COMPLAINT_ESCALATED] = "escalated",
};

const char *
rg_complaint_status_to_nick (RgComplaintStatus status)
{
  g_return_val_if_fail (status <= RG_COMPLAINT_ESCALATED, "open");
  return complaint_nicks[status];
}

RgComplaintStatus
rg_complaint_status_from_nick (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (complaint_nicks); i++)
    if (g_strcmp0 (nick, complaint_nicks[i]) == 0)
      return i;
  return RG_COMPLAINT_OPEN;
}

const char *
rg_complaint_status_to_string (RgComplaintStatus status)
{
  switch (status)
    {
    case RG_COMPLAINT_RESOLVED: return C_("complaint", "Resolved");
    case RG_COMPLAINT_ESCALATED: return C_("complaint", "Passed to the Director");
    case RG_COMPLAINT_OPEN:
    default: return C_("complaint", "Open");
    }
}

/* What an entry's outcome says, in words (a call's: booked, call back,
 * not interested, no answer); an outcome this version does not know is
 * shown as it is stored. */
const char *
rg_interaction_outcome_to_string (const char *outcome)
{
  static const struct {
    const char *nick;
    const char *label;
  } outcomes[] = {
    { "booked", NC_("call outcome", "Booked") },
    { "call_back", NC_("call outcome", "Call back") },
    { "not_interested", NC_("call outcome", "Not interested") },
    { "no_answer", NC_("call outcome", "No answer") },
  };

  if (outcome == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (g_str_equal (outcome, outcomes[i].nick))
      return g_dpgettext2 (GETTEXT_PACKAGE, "call outcome", outcomes[i].label);
  return outcome;
}

/* Complaints only; anything else reads as open. */
RgComplaintStatus
rg_interaction_get_complaint_status (RgInteraction *self)
{
  g_return_val_if_fail (RG_IS_INTERACTION (self), RG_COMPLAINT_OPEN);
  return rg_complaint_status_from_nick (rg_interaction_get_outcome (self));
}

void
rg_interaction_set_complaint_status (RgInteraction     *self,
                                     RgComplaintStatus  status)
{
  g_return_if_fail (RG_IS_INTERACTION (self));
  g_object_set (self, "outcome", rg_complaint_status_to_nick (status), NULL);
}

/* A complaint is most often about the visit just had: it is tied to the
 * client's latest done visit (its master and first service), if any. */
RgInteraction *
rg_complaint_new (RgStudio    *studio,
                  gint64       client_id,
                  const char  *body,
                  GError     **error)
{
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgInteraction) complaint = rg_interaction_new (client_id, RG_INTERACTION_COMPLAINT, body);
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = rg_store_prepare (store,
                           "SELECT a.id, a.staff_id, (SELECT s.service_id FROM appointment_services s"
                           "  WHERE s.appointment_id = a.id ORDER BY s.position LIMIT 1)"
                           " FROM appointments a WHERE a.client_id = ?1 AND a.status = 'done'"
                           " AND a.deleted_at IS NULL ORDER BY a.starts_at DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return NULL;
  if (row)
    g_object_set (complaint,
                  "appointment-id", sqlite3_column_int64 (stmt, 0),
                  "staff-id", sqlite3_column_int64 (stmt, 1),
                  "service-id", sqlite3_column_int64 (stmt, 2),
                  NULL);
  rg_interaction_set_complaint_status (complaint, RG_COMPLAINT_OPEN);
  return g_steal_pointer (&complaint);
}
