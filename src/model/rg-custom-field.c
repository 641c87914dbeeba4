/* rg-custom-field.c — a field the studio adds to every client card, and its
 * values.
 *
 * A car wash adds "car brand", a salon "hair type". A field is text, a
 * number, a date or a choice among options the studio lists; every card
 * shows the studio's fields (not archived, in their order), each client
 * with a value or none. A value is checked and kept in one form: numbers
 * with a point ("1.5" for "1,5"), dates as YYYY-MM-DD (typed as 24.11.2026
 * or 2026-11-24), a choice as the option's own spelling. An empty value
 * removes the client's value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rg-permissions.h"
#include "rg-custom-field.h"
#include "rg-model-enums.h"

struct _RgCustomField
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgCustomField, rg_custom_field, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_CHOICES,
  PROP_POSITION,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
rg_custom_field_prepare_save (RgRecord  *record,
                              RgStore   *store,
                              GError   **error)
{
  RgCustomField *self = RG_CUSTOM_FIELD (record);
  g_autofree char *name = g_strdup (rg_custom_field_get_name (self));
  g_auto(GStrv) choices = rg_custom_field_dup_choices (self);

  if (name == NULL || *g_strstrip (name) == '\0')
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Enter the name of the field."));
      return FALSE;
    }
  if (rg_custom_field_get_kind (self) == RG_FIELD_CHOICE && g_strv_length (choices) < 2)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("A field with a choice needs at least two options."));
      return FALSE;
    }

  rg_record_set_string (record, PROP_NAME, name);
  rg_custom_field_set_choices (self, (const char * const *) choices);
  return TRUE;
}

static void
rg_custom_field_class_init (RgCustomFieldClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  record_class->prepare_save = rg_custom_field_prepare_save;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, RG_TYPE_FIELD_KIND, RG_FIELD_TEXT, RG_COLUMN);
  properties[PROP_CHOICES] = g_param_spec_string ("choices", NULL, NULL, NULL, RG_COLUMN_NULLABLE);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, RG_COLUMN);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, RG_COLUMN);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "custom_fields", FALSE);
}

static void
rg_custom_field_init (RgCustomField *self)
{
}

RgCustomField *
rg_custom_field_new (const char  *name,
                     RgFieldKind  kind)
{
  return g_object_new (RG_TYPE_CUSTOM_FIELD, "name", name, "kind", kind, NULL);
}

const char *
rg_custom_field_get_name (RgCustomField *self)
{
  g_return_val_if_fail (RG_IS_CUSTOM_FIELD (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_NAME);
}

RgFieldKind
rg_custom_field_get_kind (RgCustomField *self)
{
  g_return_val_if_fail (RG_IS_CUSTOM_FIELD (self), RG_FIELD_TEXT);
  return rg_record_get_enum (RG_RECORD (self), PROP_KIND);
}

/* The options of a choice field, trimmed, without empty or repeated ones. */
GStrv
rg_custom_field_dup_choices (RgCustomField *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  const char *text;

  g_return_val_if_fail (RG_IS_CUSTOM_FIELD (self), NULL);

  text = rg_record_get_string (RG_RECORD (self), PROP_CHOICES);
  lines = g_strsplit (text ? text : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line && g_hash_table_add (seen, g_utf8_casefold (line, -1)))
        g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

void
rg_custom_field_set_choices (RgCustomField      *self,
                             const char * const *choices)
{
  g_autofree char *text = NULL;

  g_return_if_fail (RG_IS_CUSTOM_FIELD (self));

  if (choices && choices[0])
    text = g_strjoinv ("\n", (GStrv) choices);
  rg_record_set_string (RG_RECORD (self), PROP_CHOICES, text);
}

int
rg_custom_field_get_position (RgCustomField *self)
{
  g_return_val_if_fail (RG_IS_CUSTOM_FIELD (self), 0);
  return rg_record_get_int (RG_RECORD (self), PROP_POSITION);
}

void
rg_custom_field_set_position (RgCustomField *self,
                              int            position)
{
  g_return_if_fail (RG_IS_CUSTOM_FIELD (self));
  rg_record_set_int (RG_RECORD (self), PROP_POSITION, position);
}

/* A date typed as YYYY-MM-DD or DD.MM.YYYY (also with "/" or "-"). */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int a = 0, b = 0, c = 0;
  char sep1 = 0, sep2 = 0, rest = 0;

  g_date_clear (date, 1);
  if (sscanf (text, "%d%c%d%c%d%c", &a, &sep1, &b, &sep2, &c, &rest) != 5 || sep1 != sep2 ||
      !strchr ("-./", sep1))
    return FALSE;

  if (a > 31 && g_date_valid_dmy (c, b, a))          /* 2026-11-24 */
    g_date_set_dmy (date, c, b, a);
  else if (c > 31 && g_date_valid_dmy (a, b, c))     /* 24.11.2026 */
    g_date_set_dmy (date, a, b, c);
  else
    return FALSE;

  return g_date_get_year (date) >= 1900 && g_date_get_year (date) <= 2200;
}

/* Checks @text as a value of the field and sets @value to the form it is
 * kept in; an empty @text gives a NULL @value (no value). */
gboolean
rg_custom_field_read_value (RgCustomField  *self,
                            const char     *text,
                            char          **value,
                            GError        **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *name;

  g_return_val_if_fail (RG_IS_CUSTOM_FIELD (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  if (*trimmed == '\0')
    return TRUE;

  name = rg_custom_field_get_name (self);
  switch (rg_custom_field_get_kind (self))
    {
    case RG_FIELD_NUMBER:
      {
        g_autofree char *dotted = g_strdelimit (g_strdup (trimmed), ",", '.');
        char *end = NULL;
        double number = g_ascii_strtod (dotted, &end);
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        if (end == dotted || *end != '\0' || !isfinite (number))
          {
            g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                         /* Translators: a custom field's name and what was typed */
                         _("%s is a number; “%s” is not one."), name, trimmed);
            return FALSE;
          }
        *value = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", number));
        return TRUE;
      }

    case RG_FIELD_DATE:
      {
        GDate date;

        if (!parse_date (trimmed, &date))
          {
            g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                         /* Translators: a custom field's name and what was typed */
                         _("%s is a date, like 24.11.2026; “%s” is not one."), name, trimmed);
            return FALSE;
          }
        *value = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date));
        return TRUE;
      }

    case RG_FIELD_CHOICE:
      {
        g_auto(GStrv) choices = rg_custom_field_dup_choices (self);
        g_autofree char *folded = g_utf8_casefold (trimmed, -1);

        for (guint i = 0; choices[i]; i++)
          {
            g_autofree char *option = g_utf8_casefold (choices[i], -1);

            if (g_str_equal (option, folded))
              {
                *value = g_strdup (choices[i]);
                return TRUE;
              }
          }
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                     /* Translators: a custom field's name and what was typed */
                     _("“%2$s” is not one of the options of %1$s."), name, trimmed);
        return FALSE;
      }

    case RG_FIELD_TEXT:
    default:
      *value = g_steal_pointer (&trimmed);
      return TRUE;
    }
}

/* A client's values: field id (gint64 *) → value. */
GHashTable *
rg_client_fields_load (RgStudio  *studio,
                       gint64     client_id,
                       GError   **error)
{
  RgStore *store;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store, "SELECT field_id, value FROM client_fields WHERE client_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (values, g_memdup2 (&id, sizeof id), g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&values);
}

/* Sets the client's value of @field from @text (checked, see
 * rg_custom_field_read_value()); empty text removes it. */
gboolean
rg_client_fields_set (RgStudio       *studio,
                      gint64          client_id,
                      RgCustomField  *field,
                      const char     *text,
                      GError        **error)
{
  RgStore *store;
  g_autofree char *value = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gint64 now = rg_store_now ();

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_CUSTOM_FIELD (field), FALSE);
  g_return_val_if_fail (rg_record_get_id (RG_RECORD (field)) != 0, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, client_id, error))
    return FALSE;

  if (!rg_custom_field_read_value (field, text, &value, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (value == NULL)
    stmt = rg_store_prepare (store, "DELETE FROM client_fields WHERE client_id = ?1 AND field_id = ?2", error);
  else
    stmt = rg_store_prepare (store,
                             "INSERT INTO client_fields (id, client_id, field_id, value, created_at, updated_at) "
                             "VALUES (?3, ?1, ?2, ?4, ?5, ?5) ON CONFLICT (client_id, field_id) DO UPDATE "
                             "SET value = excluded.value, updated_at = excluded.updated_at "
                             "WHERE value IS NOT excluded.value",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, rg_record_get_id (RG_RECORD (field)));
  if (value)
    {
      sqlite3_bind_int64 (stmt, 3, rg_store_new_id ());
      sqlite3_bind_text (stmt, 4, value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, now);
    }
  return rg_store_step_done (store, stmt, error);
}
