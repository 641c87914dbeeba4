/* rg-staff.c — a member of staff or a resource.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-model-enums.h"
#include "rg-staff.h"

struct _RgStaff
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgStaff, rg_staff, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  PROP_COLOR,
  PROP_PHONE,
  PROP_POSITION,
  PROP_ARCHIVED,
  PROP_PAY_RATE,
  PROP_PAY_PER_VISIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_hex_colour (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gboolean
rg_staff_prepare_save (RgRecord  *record,
                       RgStore   *store,
                       GError   **error)
{
  RgStaff *self = RG_STAFF (record);
  g_autofree char *name = g_strdup (rg_staff_get_display_name (self));

  if (name == NULL || *g_strstrip (name) == '\0')
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Enter the name to show in the calendar."));
      return FALSE;
    }
  if (!is_hex_colour (rg_staff_get_color (self)))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Choose a colour for the calendar column."));
      return FALSE;
    }

  if (rg_staff_get_pay_rate (self) < 0 || rg_staff_get_pay_rate (self) > 10000)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The pay rate is a percentage from 0 to 100."));
      return FALSE;
    }
  if (rg_staff_get_pay_per_visit (self) < 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The fixed pay per visit cannot be negative."));
      return FALSE;
    }
  if (rg_staff_get_pay_per_visit (self) > RG_STAFF_MAX_PAY)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The fixed pay per visit is too large."));
      return FALSE;
    }

  rg_staff_set_display_name (self, name);
  return TRUE;
}

static void
rg_staff_class_init (RgStaffClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  record_class->prepare_save = rg_staff_prepare_save;

  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, RG_TYPE_STAFF_ROLE,
                                             RG_STAFF_ROLE_MASTER, RG_COLUMN);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, "#3584e4", RG_COLUMN);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, RG_COLUMN);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, RG_COLUMN);
  /* Wide ranges: a value out of bounds is refused by the save with a
   * message, not by GObject with a warning. */
  properties[PROP_PAY_RATE] = g_param_spec_int ("pay-rate", NULL, NULL, G_MININT, G_MAXINT, 0, RG_COLUMN);
  properties[PROP_PAY_PER_VISIT] = g_param_spec_int64 ("pay-per-visit", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                                       RG_COLUMN);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "staff", FALSE);
}

static void
rg_staff_init (RgStaff *self)
{
}

RgStaff *
rg_staff_new (const char  *display_name,
              RgStaffRole  role)
{
  return g_object_new (RG_TYPE_STAFF, "display-name", display_name, "role", role, NULL);
}

const char *
rg_staff_get_display_name (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_DISPLAY_NAME);
}

void
rg_staff_set_display_name (RgStaff    *self,
                           const char *display_name)
{
  g_return_if_fail (RG_IS_STAFF (self));
  rg_record_set_string (RG_RECORD (self), PROP_DISPLAY_NAME, display_name);
}

RgStaffRole
rg_staff_get_role (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), RG_STAFF_ROLE_MASTER);
  return rg_record_get_enum (RG_RECORD (self), PROP_ROLE);
}

void
rg_staff_set_role (RgStaff     *self,
                   RgStaffRole  role)
{
  g_return_if_fail (RG_IS_STAFF (self));
  rg_record_set_enum (RG_RECORD (self), PROP_ROLE, role);
}

const char *
rg_staff_get_color (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_COLOR);
}

void
rg_staff_set_color (RgStaff    *self,
                    const char *color)
{
  g_return_if_fail (RG_IS_STAFF (self));
  rg_record_set_string (RG_RECORD (self), PROP_COLOR, color);
}

const char *
rg_staff_get_phone (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_PHONE);
}

void
rg_staff_set_phone (RgStaff    *self,
                    const char *phone)
{
  g_return_if_fail (RG_IS_STAFF (self));
  rg_record_set_string (RG_RECORD (self), PROP_PHONE, phone);
}

int
rg_staff_get_position (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_POSITION);
}

void
rg_staff_set_position (RgStaff *self,
                       int      position)
{
  g_return_if_fail (RG_IS_STAFF (self));
  rg_record_set_int (RG_RECORD (self), PROP_POSITION, position);
}

gboolean
rg_staff_get_archived (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), FALSE);
  return rg_record_get_boolean (RG_RECORD (self), PROP_ARCHIVED);
}

/* Archived staff keep their appointments and history but leave the
 * calendar and the lists of who can be booked. */
void
rg_staff_set_archived (RgStaff  *self,
                       gboolean  archived)
{
  g_return_if_fail (RG_IS_STAFF (self));
  rg_record_set_boolean (RG_RECORD (self), PROP_ARCHIVED, archived);
}

int
rg_staff_get_pay_rate (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_PAY_RATE);
}

/* @pay_rate: the master's share of a line's price, basis points 0..10000
 * (a service may have its own: rg_studio_set_staff_rate()). */
void
rg_staff_set_pay_rate (RgStaff *self,
                       int      pay_rate)
{
  g_return_if_fail (RG_IS_STAFF (self));
  rg_record_set_int (RG_RECORD (self), PROP_PAY_RATE, pay_rate);
}

gint64
rg_staff_get_pay_per_visit (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), 0);
  return rg_record_get_int64 (RG_RECORD (self), PROP_PAY_PER_VISIT);
}

/* @pay_per_visit: a fixed amount added to the master's pay for each visit
 * checked out, minor units. */
void
rg_staff_set_pay_per_visit (RgStaff *self,
                            gint64   pay_per_visit)
{
  g_return_if_fail (RG_IS_STAFF (self));
  rg_record_set_int64 (RG_RECORD (self), PROP_PAY_PER_VISIT, pay_per_visit);
}

/* How a role reads to a person, e.g. in a list of staff. */
const char *
rg_staff_role_to_label (RgStaffRole role)
{
  switch (role)
    {
    case RG_STAFF_ROLE_MASTER:
      return _("Master");
    case RG_STAFF_ROLE_ADMINISTRATOR:
      return _("Administrator");
    case RG_STAFF_ROLE_DIRECTOR:
      return _("Director");
    case RG_STAFF_ROLE_RESOURCE:
      /* Translators: a room or piece of equipment booked like a person */
      return _("Room or Equipment");
    default:
      g_return_val_if_reached ("");
    }
}
