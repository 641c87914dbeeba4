/* rg-appointment.c — a booking of a client with a member of staff.
 *
 * Times are seconds since the Unix epoch, UTC; views show them in local time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-appointment.h"
#include "rg-model-enums.h"

struct _RgAppointment
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgAppointment, rg_appointment, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLIENT_ID,
  PROP_STAFF_ID,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_STATUS,
  PROP_PRICE,
  PROP_NOTE,
  PROP_SERIES_ID,
  PROP_ALLOW_OVERLAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
rg_appointment_prepare_save (RgRecord  *record,
                             RgStore   *store,
                             GError   **error)
{
  RgAppointment *self = RG_APPOINTMENT (record);

  if (rg_appointment_get_client_id (self) == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose the client for this appointment."));
      return FALSE;
    }
  if (rg_appointment_get_staff_id (self) == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose who serves the client."));
      return FALSE;
    }
  if (rg_appointment_get_ends_at (self) <= rg_appointment_get_starts_at (self))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The appointment must end after it starts."));
      return FALSE;
    }

  return TRUE;
}

static void
rg_appointment_class_init (RgAppointmentClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  record_class->prepare_save = rg_appointment_prepare_save;

  properties[PROP_CLIENT_ID] = g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_STAFF_ID] = g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_STARTS_AT] = g_param_spec_int64 ("starts-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_ENDS_AT] = g_param_spec_int64 ("ends-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, RG_TYPE_APPOINTMENT_STATUS,
                                               RG_APPOINTMENT_BOOKED, RG_COLUMN);
  properties[PROP_PRICE] = g_param_spec_int64 ("price", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_SERIES_ID] = g_param_spec_int64 ("series-id", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);
  properties[PROP_ALLOW_OVERLAP] = g_param_spec_boolean ("allow-overlap", NULL, NULL, FALSE, RG_COLUMN);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "appointments", TRUE);
}

static void
rg_appointment_init (RgAppointment *self)
{
}

RgAppointment *
rg_appointment_new (gint64 client_id,
                    gint64 staff_id,
                    gint64 starts_at,
                    gint64 ends_at)
{
  return g_object_new (RG_TYPE_APPOINTMENT,
                       "client-id", client_id,
                       "staff-id", staff_id,
                       "starts-at", starts_at,
                       "ends-at", ends_at,
                       NULL);
}

#define R(self) RG_RECORD (self)

gint64
rg_appointment_get_client_id (RgAppointment *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT (self), 0);
  return rg_record_get_int64 (R (self), PROP_CLIENT_ID);
}

gint64
rg_appointment_get_staff_id (RgAppointment *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT (self), 0);
  return rg_record_get_int64 (R (self), PROP_STAFF_ID);
}

gint64
rg_appointment_get_starts_at (RgAppointment *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT (self), 0);
  return rg_record_get_int64 (R (self), PROP_STARTS_AT);
}

gint64
rg_appointment_get_ends_at (RgAppointment *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT (self), 0);
  return rg_record_get_int64 (R (self), PROP_ENDS_AT);
}

RgAppointmentStatus
rg_appointment_get_status (RgAppointment *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT (self), RG_APPOINTMENT_BOOKED);
  return rg_record_get_enum (R (self), PROP_STATUS);
}

void
rg_appointment_set_status (RgAppointment       *self,
                           RgAppointmentStatus  status)
{
  g_return_if_fail (RG_IS_APPOINTMENT (self));
  rg_record_set_enum (R (self), PROP_STATUS, status);
}

gint64
rg_appointment_get_price (RgAppointment *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT (self), 0);
  return rg_record_get_int64 (R (self), PROP_PRICE);
}

const char *
rg_appointment_get_note (RgAppointment *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT (self), NULL);
  return rg_record_get_string (R (self), PROP_NOTE);
}

gint64
rg_appointment_get_series_id (RgAppointment *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT (self), 0);
  return rg_record_get_int64 (R (self), PROP_SERIES_ID);
}

gboolean
rg_appointment_get_allow_overlap (RgAppointment *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT (self), FALSE);
  return rg_record_get_boolean (R (self), PROP_ALLOW_OVERLAP);
}
