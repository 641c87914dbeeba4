/* rg-client.c — a client of the studio.
 *
 * Only how to address the client and a phone number are required; every
 * other detail is optional and filled in over later visits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-client.h"
#include "rg-client-private.h"
#include "rg-model-enums.h"
#include "rg-permissions.h"
#include "util/rg-phone.h"
#include "util/rg-text.h"

/* What a master who may not see a contact gets instead, made again only
 * when the contact changes. */
typedef struct {
  char *raw;
  char *masked;
} Masked;

struct _RgClient
{
  RgRecord  parent_instance;
  RgStudio *studio;             /* not owned: the studio it lives in, which
                                 * detaches it when it forgets it */
  Masked    masked[3];          /* phone, phone2, email */
};

G_DEFINE_FINAL_TYPE (RgClient, rg_client, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ADDRESS_AS,
  PROP_SORT_KEY,
  PROP_PHONE,
  PROP_PHONE_DIGITS,
  PROP_FULL_NAME,
  PROP_PHONE2,
  PROP_PHONE2_DIGITS,
  PROP_EMAIL,
  PROP_BIRTH_DAY,
  PROP_BIRTH_MONTH,
  PROP_BIRTH_YEAR,
  PROP_GENDER,
  PROP_CALL_TIME,
  PROP_PREFERRED_STAFF_ID,
  PROP_REFERRED_BY_ID,
  PROP_SOURCE,
  PROP_CONSENT_MESSAGES,
  PROP_MINIMAL_CONTACT,
  PROP_PREFERENCES,
  PROP_MEDICAL_NOTES,
  PROP_NOTES,
  PROP_MESSAGES_CONSENT_AT,
  PROP_ERASED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define R(self) RG_RECORD (self)

static char *
trimmed (const char *text)
{
  return text ? g_strstrip (g_strdup (text)) : NULL;
}

/* The card's rules, one by one: rg_studio_save() checks a card with them,
 * and the import checks each row of a file with the same ones. */

/* How to address the client: required. */
gboolean
rg_client_check_address_as (const char  *address_as,
                            GError     **error)
{
  g_autofree char *text = trimmed (address_as);

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Enter how to address the client."));
      return FALSE;
    }
  return TRUE;
}

/* rg_phone_read(), refusing like every other check of a card. */
gboolean
rg_client_read_phone (const char  *text,
                      int          country_code,
                      char       **formatted,
                      char       **digits,
                      GError     **error)
{
  g_autoptr(GError) refused = NULL;

  if (rg_phone_read (text, country_code, formatted, digits, &refused))
    return TRUE;
  g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, refused->message);
  return FALSE;
}

/* An e-mail address, when given. */
gboolean
rg_client_check_email (const char  *email,
                       GError     **error)
{
  if (email && *email && !rg_text_is_email (email))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("“%s” is not an e-mail address."), email);
      return FALSE;
    }
  return TRUE;
}

/* A birthday, when given (all 0: none): a real day of a month; the year
 * is optional, and without it 29 February is a valid birthday. */
gboolean
rg_client_check_birthday (int      day,
                          int      month,
                          int      year,
                          GError **error)
{
  if (day || month || year)
    {
      int in_month = month >= 1 && month <= 12 ? g_date_get_days_in_month (month, year ? year : 2000) : 0;

      if (day < 1 || month < 1 || day > in_month || (year && (year < 1900 || year > 2200)))
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                               _("The birthday is not a real date. Enter the day and the month; the year is optional."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
rg_client_prepare_save (RgRecord  *record,
                        RgStore   *store,
                        GError   **error)
{
  RgClient *self = RG_CLIENT (record);
  g_autofree char *address_as = trimmed (rg_client_get_address_as (self));
  /* The columns as they are, never a masked form. */
  g_autofree char *phone = trimmed (rg_record_get_string (record, PROP_PHONE));
  g_autofree char *phone2 = trimmed (rg_record_get_string (record, PROP_PHONE2));
  g_autofree char *email = trimmed (rg_record_get_string (record, PROP_EMAIL));
  g_autofree char *digits = NULL;
  g_autofree char *digits2 = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *formatted2 = NULL;
  g_autofree char *sort_key = NULL;
  int day, month, year;

  if (rg_record_get_int64 (record, PROP_ERASED_AT) != 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("This client was erased for privacy: their card cannot be changed."));
      return FALSE;
    }
  if (!rg_client_check_address_as (address_as, error))
    return FALSE;

  if (phone == NULL || *phone == '\0')
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Enter the client’s phone number."));
      return FALSE;
    }

  if (!rg_client_read_phone (phone, rg_store_get_phone_country (store), &formatted, &digits, error))
    return FALSE;
  if (phone2 && *phone2 &&
      !rg_client_read_phone (phone2, rg_store_get_phone_country (store), &formatted2, &digits2, error))
    return FALSE;

  if (!rg_client_check_email (email, error))
    return FALSE;

  rg_client_get_birthday (self, &day, &month, &year);
  if (!rg_client_check_birthday (day, month, year, error))
    return FALSE;

  sort_key = rg_text_sort_key (address_as);

  rg_client_set_address_as (self, address_as);
  rg_client_set_phone (self, formatted);
  rg_client_set_phone2 (self, formatted2);
  rg_client_set_email (self, email);
  rg_record_set_string (record, PROP_SORT_KEY, sort_key);
  rg_record_set_string (record, PROP_PHONE_DIGITS, digits);
  rg_record_set_string (record, PROP_PHONE2_DIGITS, digits2);

  return TRUE;
}

/* Masking ------------------------------------------------------------------ */

enum { MASK_PHONE, MASK_PHONE2, MASK_EMAIL };

static void (*record_get_property) (GObject *, guint, GValue *, GParamSpec *);

static gboolean
is_masked (RgClient *self)
{
  gint64 id = rg_record_get_id (R (self));

  return self->studio != NULL && id != 0 && rg_studio_masks_client (self->studio, id);
}

/* "anna@mail.ru" → "a•••@mail.ru" */
static char *
mask_email (const char *email)
{
  const char *at = strchr (email, '@');

  if (*email == '\0')
    return g_strdup ("");
  if (at == NULL || at == email)
    return g_strdup ("\u2022\u2022\u2022");
  return g_strdup_printf ("%.*s\u2022\u2022\u2022%s", (int) (g_utf8_next_char (email) - email), email, at);
}

static const char *
masked (RgClient   *self,
        guint       which,
        const char *raw)
{
  Masked *m = &self->masked[which];

  if (raw == NULL)
    return NULL;
  if (m->masked == NULL || g_strcmp0 (m->raw, raw) != 0)
    {
      g_free (m->raw);
      g_free (m->masked);
      m->raw = g_strdup (raw);
      m->masked = which == MASK_EMAIL ? mask_email (raw) : rg_phone_mask (raw);
    }
  return m->masked;
}

/* The phone, the second phone and the e-mail as the session may see them:
 * masked for a master who is not this client's. The model's own code
 * (saving, matching) reads the columns. */
const char *
rg_client_get_phone (RgClient *self)
{
  const char *raw;

  g_return_val_if_fail (RG_IS_CLIENT (self), NULL);
  raw = rg_record_get_string (R (self), PROP_PHONE);
  return is_masked (self) ? masked (self, MASK_PHONE, raw) : raw;
}

const char *
rg_client_get_phone2 (RgClient *self)
{
  const char *raw;

  g_return_val_if_fail (RG_IS_CLIENT (self), NULL);
  raw = rg_record_get_string (R (self), PROP_PHONE2);
  return is_masked (self) ? masked (self, MASK_PHONE2, raw) : raw;
}

const char *
rg_client_get_email (RgClient *self)
{
  const char *raw;

  g_return_val_if_fail (RG_IS_CLIENT (self), NULL);
  raw = rg_record_get_string (R (self), PROP_EMAIL);
  return is_masked (self) ? masked (self, MASK_EMAIL, raw) : raw;
}

/* The digits are for dialling and matching: none when masked. */
const char *
rg_client_get_phone_digits (RgClient *self)
{
  g_return_val_if_fail (RG_IS_CLIENT (self), NULL);
  return is_masked (self) ? "" : rg_record_get_string (R (self), PROP_PHONE_DIGITS);
}

const char *
rg_client_get_phone2_digits (RgClient *self)
{
  const char *raw;

  g_return_val_if_fail (RG_IS_CLIENT (self), NULL);
  raw = rg_record_get_string (R (self), PROP_PHONE2_DIGITS);
  return raw != NULL && is_masked (self) ? "" : raw;
}

/* The same through GObject properties (what templates bind to). */
static void
rg_client_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RgClient *self = RG_CLIENT (object);

  switch (prop_id)
    {
    case PROP_PHONE:
      g_value_set_string (value, rg_client_get_phone (self));
      break;
    case PROP_PHONE2:
      g_value_set_string (value, rg_client_get_phone2 (self));
      break;
    case PROP_EMAIL:
      g_value_set_string (value, rg_client_get_email (self));
      break;
    case PROP_PHONE_DIGITS:
      g_value_set_string (value, rg_client_get_phone_digits (self));
      break;
    case PROP_PHONE2_DIGITS:
      g_value_set_string (value, rg_client_get_phone2_digits (self));
      break;
    default:
      record_get_property (object, prop_id, value, pspec);
    }
}

void
rg_client_attach_studio (RgClient *self,
                         RgStudio *studio)
{
  g_return_if_fail (RG_IS_CLIENT (self));
  self->studio = studio;
}

void
rg_client_notify_contacts (RgClient *self)
{
  static const guint props[] = { PROP_PHONE, PROP_PHONE_DIGITS, PROP_PHONE2, PROP_PHONE2_DIGITS, PROP_EMAIL };

  g_return_if_fail (RG_IS_CLIENT (self));
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[props[i]]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
rg_client_finalize (GObject *object)
{
  RgClient *self = RG_CLIENT (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->masked); i++)
    {
      g_free (self->masked[i].raw);
      g_free (self->masked[i].masked);
    }
  G_OBJECT_CLASS (rg_client_parent_class)->finalize (object);
}

static void
rg_client_class_init (RgClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  object_class->finalize = rg_client_finalize;

  record_class->prepare_save = rg_client_prepare_save;

  properties[PROP_ADDRESS_AS] = g_param_spec_string ("address-as", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_SORT_KEY] = g_param_spec_string ("sort-key", NULL, NULL, NULL, RG_COLUMN_DERIVED);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_PHONE_DIGITS] = g_param_spec_string ("phone-digits", NULL, NULL, NULL, RG_COLUMN_DERIVED);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_PHONE2] = g_param_spec_string ("phone2", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_PHONE2_DIGITS] = g_param_spec_string ("phone2-digits", NULL, NULL, NULL, RG_COLUMN_DERIVED);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_BIRTH_DAY] = g_param_spec_int ("birth-day", NULL, NULL, 0, 31, 0, RG_COLUMN_NULLABLE);
  properties[PROP_BIRTH_MONTH] = g_param_spec_int ("birth-month", NULL, NULL, 0, 12, 0, RG_COLUMN_NULLABLE);
  properties[PROP_BIRTH_YEAR] = g_param_spec_int ("birth-year", NULL, NULL, 0, 2200, 0, RG_COLUMN_NULLABLE);
  properties[PROP_GENDER] = g_param_spec_enum ("gender", NULL, NULL, RG_TYPE_GENDER, RG_GENDER_UNSET,
                                               RG_COLUMN_NULLABLE);
  properties[PROP_CALL_TIME] = g_param_spec_string ("call-time", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_PREFERRED_STAFF_ID] = g_param_spec_int64 ("preferred-staff-id", NULL, NULL,
                                                            0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);
  properties[PROP_REFERRED_BY_ID] = g_param_spec_int64 ("referred-by-id", NULL, NULL,
                                                        0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_CONSENT_MESSAGES] = g_param_spec_boolean ("consent-messages", NULL, NULL, FALSE, RG_COLUMN);
  properties[PROP_MINIMAL_CONTACT] = g_param_spec_boolean ("minimal-contact", NULL, NULL, FALSE, RG_COLUMN);
  properties[PROP_PREFERENCES] = g_param_spec_string ("preferences", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_MEDICAL_NOTES] = g_param_spec_string ("medical-notes", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_MESSAGES_CONSENT_AT] = g_param_spec_int64 ("messages-consent-at", NULL, NULL,
                                                             0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);
  properties[PROP_ERASED_AT] = g_param_spec_int64 ("erased-at", NULL, NULL, 0, G_MAXINT64, 0, RG_COLUMN_NULLABLE);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "clients", TRUE);
  record_get_property = object_class->get_property;
  object_class->get_property = rg_client_get_property;
}

static void
rg_client_init (RgClient *self)
{
}

RgClient *
rg_client_new (const char *address_as,
               const char *phone)
{
  return g_object_new (RG_TYPE_CLIENT,
                       "address-as", address_as,
                       "phone", phone,
                       NULL);
}

#define STRING_GETTER(name, PROP) \
  const char *rg_client_get_##name (RgClient *self) \
  { g_return_val_if_fail (RG_IS_CLIENT (self), NULL); return rg_record_get_string (R (self), PROP); }
#define STRING_SETTER(name, PROP) \
  void rg_client_set_##name (RgClient *self, const char *value) \
  { g_return_if_fail (RG_IS_CLIENT (self)); rg_record_set_string (R (self), PROP, value); }

/* An erased client's card keeps a placeholder, shown in the reader's
 * language. */
const char *
rg_client_get_address_as (RgClient *self)
{
  g_return_val_if_fail (RG_IS_CLIENT (self), NULL);
  if (rg_record_get_int64 (R (self), PROP_ERASED_AT) != 0)
    return _("Erased client");
  return rg_record_get_string (R (self), PROP_ADDRESS_AS);
}

gint64
rg_client_get_messages_consent_at (RgClient *self)
{
  g_return_val_if_fail (RG_IS_CLIENT (self), 0);
  return rg_record_get_int64 (R (self), PROP_MESSAGES_CONSENT_AT);
}

gboolean
rg_client_is_erased (RgClient *self)
{
  g_return_val_if_fail (RG_IS_CLIENT (self), FALSE);
  return rg_record_get_int64 (R (self), PROP_ERASED_AT) != 0;
}

STRING_SETTER (address_as, PROP_ADDRESS_AS)
STRING_SETTER (phone, PROP_PHONE)
STRING_GETTER (full_name, PROP_FULL_NAME)
STRING_SETTER (full_name, PROP_FULL_NAME)
STRING_SETTER (phone2, PROP_PHONE2)
STRING_SETTER (email, PROP_EMAIL)
STRING_GETTER (call_time, PROP_CALL_TIME)
STRING_GETTER (source, PROP_SOURCE)
STRING_GETTER (preferences, PROP_PREFERENCES)
STRING_GETTER (medical_notes, PROP_MEDICAL_NOTES)
STRING_GETTER (notes, PROP_NOTES)
STRING_SETTER (notes, PROP_NOTES)

void
rg_client_get_birthday (RgClient *self,
                        int      *day,
                        int      *month,
                        int      *year)
{
  g_return_if_fail (RG_IS_CLIENT (self));

  if (day)
    *day = rg_record_get_int (R (self), PROP_BIRTH_DAY);
  if (month)
    *month = rg_record_get_int (R (self), PROP_BIRTH_MONTH);
  if (year)
    *year = rg_record_get_int (R (self), PROP_BIRTH_YEAR);
}

void
rg_client_set_birthday (RgClient *self,
                        int       day,
                        int       month,
                        int       year)
{
  g_return_if_fail (RG_IS_CLIENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  rg_record_set_int (R (self), PROP_BIRTH_DAY, day);
  rg_record_set_int (R (self), PROP_BIRTH_MONTH, month);
  rg_record_set_int (R (self), PROP_BIRTH_YEAR, year);
  g_object_thaw_notify (G_OBJECT (self));
}

RgGender
rg_client_get_gender (RgClient *self)
{
  g_return_val_if_fail (RG_IS_CLIENT (self), RG_GENDER_UNSET);
  return rg_record_get_enum (R (self), PROP_GENDER);
}

void
rg_client_set_gender (RgClient *self,
                      RgGender  gender)
{
  g_return_if_fail (RG_IS_CLIENT (self));
  rg_record_set_enum (R (self), PROP_GENDER, gender);
}

gint64
rg_client_get_preferred_staff_id (RgClient *self)
{
  g_return_val_if_fail (RG_IS_CLIENT (self), 0);
  return rg_record_get_int64 (R (self), PROP_PREFERRED_STAFF_ID);
}

void
rg_client_set_preferred_staff_id (RgClient *self,
                                  gint64    staff_id)
{
  g_return_if_fail (RG_IS_CLIENT (self));
  rg_record_set_int64 (R (self), PROP_PREFERRED_STAFF_ID, staff_id);
}

gint64
rg_client_get_referred_by_id (RgClient *self)
{
  g_return_val_if_fail (RG_IS_CLIENT (self), 0);
  return rg_record_get_int64 (R (self), PROP_REFERRED_BY_ID);
}

gboolean
rg_client_get_consent_messages (RgClient *self)
{
  g_return_val_if_fail (RG_IS_CLIENT (self), FALSE);
  return rg_record_get_boolean (R (self), PROP_CONSENT_MESSAGES);
}

gboolean
rg_client_get_minimal_contact (RgClient *self)
{
  g_return_val_if_fail (RG_IS_CLIENT (self), FALSE);
  return rg_record_get_boolean (R (self), PROP_MINIMAL_CONTACT);
}
