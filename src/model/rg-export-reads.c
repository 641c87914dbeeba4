/* rg-export-reads.c — what an export reads, in one read transaction.
 *
 * The clients come by name in one pass over the name index; their tags and
 * custom fields are read first, each in one pass, into tables by client
 * (a lookup per client instead of a query per client: 100,000 clients are
 * three passes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include "rg-export-reads.h"

/* How often a long pass looks at its cancellable. */
#define CHECK_EVERY 1024

static const char *
text_or_null (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? text : NULL;
}

static RgGender
gender_from_text (const char *text)
{
  if (g_strcmp0 (text, "female") == 0)
    return RG_GENDER_FEMALE;
  if (g_strcmp0 (text, "male") == 0)
    return RG_GENDER_MALE;
  if (g_strcmp0 (text, "other") == 0)
    return RG_GENDER_OTHER;
  return RG_GENDER_UNSET;
}

static RgAppointmentStatus
status_from_text (const char *text)
{
  static const char *names[] = { "booked", "confirmed", "arrived", "done", "cancelled", "no_show" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      return (RgAppointmentStatus) i;
  return RG_APPOINTMENT_BOOKED;
}

static void
free_strv_array (gpointer data)
{
  g_ptr_array_unref (data);
}

/* client id → GPtrArray of tag names, NULL-terminated, by name. */
static GHashTable *
read_tags (RgStore  *store,
           GError  **error)
{
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_strv_array);
  g_autoptr(RgStmt) stmt = NULL;
  GPtrArray *current = NULL;
  gint64 current_id = 0;
  gboolean row = FALSE;
  gboolean ok;

  stmt = rg_store_prepare (store,
                           "SELECT ct.client_id, t.name FROM client_tags ct "
                           "JOIN tags t ON t.id = ct.tag_id "
                           "JOIN clients c ON c.id = ct.client_id AND c.deleted_at IS NULL "
                           "ORDER BY ct.client_id, t.name COLLATE NOCASE",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (current == NULL || id != current_id)
        {
          if (current != NULL)
            g_ptr_array_add (current, NULL);
          current = g_ptr_array_new_with_free_func (g_free);
          current_id = id;
          g_hash_table_insert (tags, g_memdup2 (&id, sizeof id), current);
        }
      g_ptr_array_add (current, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (current != NULL)
    g_ptr_array_add (current, NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&tags);
}

typedef struct {
  GArray     *ids;      /* gint64 field ids, in order */
  GPtrArray  *names;    /* NULL-terminated */
  GHashTable *values;   /* client id → char *[ids->len], NULL where empty */
} Fields;

static void
fields_clear (Fields *fields)
{
  g_clear_pointer (&fields->ids, g_array_unref);
  g_clear_pointer (&fields->names, g_ptr_array_unref);
  g_clear_pointer (&fields->values, g_hash_table_unref);
}

static void
free_values (gpointer data)
{
  g_strfreev (data);
}

static gboolean
read_fields (RgStore  *store,
             Fields   *fields,
             GError  **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean row = FALSE;
  gboolean ok;

  fields->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fields->names = g_ptr_array_new_with_free_func (g_free);
  fields->values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_values);

  stmt = rg_store_prepare (store, "SELECT id, name FROM custom_fields WHERE archived = 0 ORDER BY position, name, id",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (fields->ids->len + 1));
      g_array_append_val (fields->ids, id);
      g_ptr_array_add (fields->names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  g_ptr_array_add (fields->names, NULL);
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, rg_stmt_release);
  if (fields->ids->len == 0)
    return TRUE;

  stmt = rg_store_prepare (store,
                           "SELECT cf.client_id, cf.field_id, cf.value FROM client_fields cf "
                           "JOIN clients c ON c.id = cf.client_id AND c.deleted_at IS NULL "
                           "WHERE cf.value <> ''",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 client_id = sqlite3_column_int64 (stmt, 0);
      gint64 field_id = sqlite3_column_int64 (stmt, 1);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (index, &field_id));
      char **values;

      if (position == 0)
        continue;  /* an archived field */
      values = g_hash_table_lookup (fields->values, &client_id);
      if (values == NULL)
        {
          values = g_new0 (char *, fields->ids->len + 1);
          g_hash_table_insert (fields->values, g_memdup2 (&client_id, sizeof client_id), values);
        }
      g_free (values[position - 1]);
      values[position - 1] = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  return ok;
}

static gboolean
read_cards (RgStore                 *store,
            RgClientCardsBeginFunc   begin,
            RgClientCardFunc         each,
            gpointer                 user_data,
            GCancellable            *cancellable,
            GError                 **error)
{
  static const char *no_tags[] = { NULL };
  g_autoptr(GHashTable) tags = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree const char **no_values = NULL;
  Fields fields = { 0 };
  gboolean row = FALSE;
  gboolean ok = FALSE;
  guint n = 0;

  if ((tags = read_tags (store, error)) == NULL ||
      !read_fields (store, &fields, error))
    goto out;
  if (begin != NULL &&
      !begin ((const char * const *) fields.names->pdata, fields.ids->len, user_data, error))
    goto out;
  no_values = g_new0 (const char *, fields.ids->len + 1);

  stmt = rg_store_prepare (store,
                           "SELECT id, address_as, full_name, phone, phone2, email, "
                           "coalesce(birth_day, 0), coalesce(birth_month, 0), coalesce(birth_year, 0), "
                           "gender, source, notes "
                           "FROM clients WHERE deleted_at IS NULL ORDER BY sort_key, id",
                           error);
  if (stmt == NULL)
    goto out;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgClientCardRow card;
      GPtrArray *client_tags;
      char **values;

      if (++n % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      card.id = sqlite3_column_int64 (stmt, 0);
      card.address_as = text_or_null (stmt, 1);
      card.full_name = text_or_null (stmt, 2);
      card.phone = text_or_null (stmt, 3);
      card.phone2 = text_or_null (stmt, 4);
      card.email = text_or_null (stmt, 5);
      card.birth_day = sqlite3_column_int (stmt, 6);
      card.birth_month = sqlite3_column_int (stmt, 7);
      card.birth_year = sqlite3_column_int (stmt, 8);
      card.gender = gender_from_text (text_or_null (stmt, 9));
      card.source = text_or_null (stmt, 10);
      card.notes = text_or_null (stmt, 11);
      client_tags = g_hash_table_lookup (tags, &card.id);
      card.tags = client_tags ? (const char * const *) client_tags->pdata : no_tags;
      values = g_hash_table_lookup (fields.values, &card.id);
      card.fields = values ? (const char * const *) values : (const char * const *) no_values;
      if (!each (&card, user_data, error))
        {
          ok = FALSE;
          break;
        }
    }

out:
  fields_clear (&fields);
  return ok;
}

gboolean
rg_client_cards_read (RgStore                 *store,
                      RgClientCardsBeginFunc   begin,
                      RgClientCardFunc         each,
                      gpointer                 user_data,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  gboolean started = FALSE;
  gboolean ok;

  g_return_val_if_fail (RG_IS_STORE (store), FALSE);
  g_return_val_if_fail (each != NULL, FALSE);

  if (!rg_store_begin_read (store, &started, error))
    return FALSE;
  ok = read_cards (store, begin, each, user_data, cancellable, error);
  rg_store_end_read (store, started);
  return ok;
}

gboolean
rg_appointment_rows_read (RgStore                  *store,
                          gint64                    from,
                          gint64                    to,
                          gint64                    staff_id,
                          RgAppointmentExportFunc   each,
                          gpointer                  user_data,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  static const char *no_services[] = { NULL };
  g_autoptr(RgStmt) stmt = NULL;
  gboolean started = FALSE;
  gboolean row = FALSE;
  gboolean ok = FALSE;
  guint n = 0;

  g_return_val_if_fail (RG_IS_STORE (store), FALSE);
  g_return_val_if_fail (each != NULL, FALSE);

  if (!rg_store_begin_read (store, &started, error))
    return FALSE;
  /* The services joined by a unit separator, which no name holds. */
  stmt = rg_store_prepare (store,
                           "SELECT a.id, a.starts_at, a.ends_at, a.updated_at, a.status, a.price, "
                           "a.client_id, c.address_as, c.phone, a.staff_id, s.display_name, a.note, "
                           "(SELECT group_concat (name, char(31)) FROM "
                           "  (SELECT sv.name AS name FROM appointment_services x "
                           "   JOIN services sv ON sv.id = x.service_id "
                           "   WHERE x.appointment_id = a.id ORDER BY x.position, x.id)) "
                           "FROM appointments a "
                           "JOIN clients c ON c.id = a.client_id "
                           "JOIN staff s ON s.id = a.staff_id "
                           "WHERE a.starts_at >= ?1 AND a.starts_at < ?2 AND a.deleted_at IS NULL "
                           "AND (?3 = 0 OR a.staff_id = ?3) "
                           "ORDER BY a.starts_at, a.id",
                           error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgAppointmentExportRow appointment;
      const char *services = text_or_null (stmt, 12);
      g_auto(GStrv) names = services ? g_strsplit (services, "\x1f", -1) : NULL;

      if (++n % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      appointment.id = sqlite3_column_int64 (stmt, 0);
      appointment.starts_at = sqlite3_column_int64 (stmt, 1);
      appointment.ends_at = sqlite3_column_int64 (stmt, 2);
      appointment.updated_at = sqlite3_column_int64 (stmt, 3);
      appointment.status = status_from_text ((const char *) sqlite3_column_text (stmt, 4));
      appointment.price = sqlite3_column_int64 (stmt, 5);
      appointment.client_id = sqlite3_column_int64 (stmt, 6);
      appointment.client_name = text_or_null (stmt, 7);
      appointment.client_phone = text_or_null (stmt, 8);
      appointment.staff_id = sqlite3_column_int64 (stmt, 9);
      appointment.staff_name = text_or_null (stmt, 10);
      appointment.note = text_or_null (stmt, 11);
      appointment.services = names ? (const char * const *) names : no_services;
      if (!each (&appointment, user_data, error))
        {
          ok = FALSE;
          break;
        }
    }

out:
  g_clear_pointer (&stmt, rg_stmt_release);
  rg_store_end_read (store, started);
  return ok;
}
