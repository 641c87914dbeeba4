/* rg-record.c — base class of every record stored in a table.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-record.h"

/* Fixed leading columns of every SELECT built here. */
enum {
  COL_ID,
  COL_CREATED_AT,
  COL_UPDATED_AT,
  COL_DELETED_AT,
  COL_FIRST_PROPERTY,
};

typedef struct {
  char        *table;
  gboolean     soft_delete;
  guint        n_pspecs;    /* including the unused slot 0 */
  GParamSpec **pspecs;      /* by property id */
  GArray      *columns;     /* property ids that are columns, in column order */
  char        *select;      /* SELECT <all columns> FROM <table> */
  char        *select_one;
  char        *insert;
  char        *update;
  char        *soft_delete_sql;
  char        *undelete_sql;
  char        *erase_sql;
} RecordMeta;

typedef struct {
  GValue  *values;          /* by property id of the concrete class; lazily */
  gint64   id;
  gint64   created_at;
  gint64   updated_at;
  gint64   deleted_at;
  gint64   deleted_by_us;    /* the deleted_at this object wrote... */
  gint64   updated_before;   /* ...and the updated_at it replaced, for undo */
} RgRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RgRecord, rg_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RecordMeta *
meta_of (RgRecord *self)
{
  RecordMeta *meta = RG_RECORD_GET_CLASS (self)->meta;

  g_assert (meta != NULL);
  return meta;
}

static GValue *
values_of (RgRecord *self)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);

  if (priv->values == NULL)
    {
      RecordMeta *meta = meta_of (self);

      priv->values = g_new0 (GValue, meta->n_pspecs);
      for (guint i = 1; i < meta->n_pspecs; i++)
        {
          g_value_init (&priv->values[i], meta->pspecs[i]->value_type);
          g_param_value_set_default (meta->pspecs[i], &priv->values[i]);
        }
    }

  return priv->values;
}

static char *
column_name (GParamSpec *pspec)
{
  char *name = g_strdup (g_param_spec_get_name (pspec));

  g_strdelimit (name, "-", '_');
  return name;
}

/* Class set-up ------------------------------------------------------------- */

static RecordMeta *
ensure_meta (RgRecordClass *klass)
{
  if (klass->meta == NULL)
    klass->meta = g_new0 (RecordMeta, 1);
  return klass->meta;
}

static void
build_sql (RecordMeta *meta)
{
  g_autoptr(GString) cols = g_string_new (NULL);
  g_autoptr(GString) insert_cols = g_string_new (NULL);
  g_autoptr(GString) insert_vals = g_string_new (NULL);
  g_autoptr(GString) update_set = g_string_new (NULL);

  if (meta->table == NULL || meta->columns == NULL)
    return;

  g_string_append_printf (cols, "id, created_at, updated_at, %s",
                          meta->soft_delete ? "deleted_at" : "NULL");
  g_string_append (insert_cols, "id, created_at, updated_at");
  g_string_append (insert_vals, "?1, ?2, ?3");
  g_string_append (update_set, "updated_at = ?3");

  for (guint i = 0; i < meta->columns->len; i++)
    {
      g_autofree char *name = column_name (meta->pspecs[g_array_index (meta->columns, guint, i)]);
      guint param = 4 + i;

      g_string_append_printf (cols, ", %s", name);
      g_string_append_printf (insert_cols, ", %s", name);
      g_string_append_printf (insert_vals, ", ?%u", param);
      g_string_append_printf (update_set, ", %s = ?%u", name, param);
    }

  g_free (meta->select);
  meta->select = g_strdup_printf ("SELECT %s FROM %s", cols->str, meta->table);
  g_free (meta->select_one);
  meta->select_one = g_strdup_printf ("%s WHERE id = ?1", meta->select);
  g_free (meta->insert);
  meta->insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                  meta->table, insert_cols->str, insert_vals->str);
  g_free (meta->update);
  meta->update = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?1", meta->table, update_set->str);
  g_free (meta->erase_sql);
  meta->erase_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", meta->table);
  if (meta->soft_delete)
    {
      g_free (meta->soft_delete_sql);
      meta->soft_delete_sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?2, updated_at = ?2 "
                                               "WHERE id = ?1 AND deleted_at IS NULL", meta->table);
      g_free (meta->undelete_sql);
      meta->undelete_sql = g_strdup_printf ("UPDATE %s SET deleted_at = NULL, updated_at = ?2 "
                                            "WHERE id = ?1", meta->table);
    }
}

void
rg_record_class_set_table (RgRecordClass *klass,
                           const char    *table,
                           gboolean       soft_delete)
{
  RecordMeta *meta = ensure_meta (klass);

  meta->table = g_strdup (table);
  meta->soft_delete = soft_delete;
  build_sql (meta);
}

static void set_value (RgRecord     *self,
                       guint         prop_id,
                       const GValue *value,
                       gboolean      from_store);

static void
record_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  g_value_copy (&values_of (RG_RECORD (object))[prop_id], value);
}

static void
record_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  set_value (RG_RECORD (object), prop_id, value, FALSE);
}

void
rg_record_class_install_properties (RgRecordClass  *klass,
                                    guint           n_pspecs,
                                    GParamSpec    **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RecordMeta *meta = ensure_meta (klass);

  g_return_if_fail (n_pspecs > 1 && pspecs[0] == NULL);

  object_class->get_property = record_get_property;
  object_class->set_property = record_set_property;
  g_object_class_install_properties (object_class, n_pspecs, pspecs);

  meta->n_pspecs = n_pspecs;
  meta->pspecs = g_new0 (GParamSpec *, n_pspecs);
  meta->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 1; i < n_pspecs; i++)
    {
      meta->pspecs[i] = g_param_spec_ref (pspecs[i]);
      if (pspecs[i]->flags & RG_PARAM_COLUMN)
        g_array_append_val (meta->columns, i);
    }

  build_sql (meta);
}

const char *
rg_record_class_get_table (RgRecordClass *klass)
{
  RecordMeta *meta = klass->meta;
  return meta ? meta->table : NULL;
}

const char *
rg_record_class_get_select (RgRecordClass *klass)
{
  RecordMeta *meta = klass->meta;
  return meta ? meta->select : NULL;
}

/* Values -------------------------------------------------------------------- */

/* Values from outside are normalized (strings to NFC, invalid UTF-8
 * repaired, "" to NULL where nullable, numbers clamped); values read back
 * from the store were normalized when written and are taken as they are. */
/* Puts @fresh (of the property's type) in the slot if it differs and
 * notifies; @fresh is left holding what is to be unset. */
static void
store_value (RgRecord *self,
             guint     prop_id,
             GValue   *fresh)
{
  GParamSpec *pspec = meta_of (self)->pspecs[prop_id];
  GValue *slot = &values_of (self)[prop_id];

  if (g_param_values_cmp (pspec, fresh, slot) != 0)
    {
      GValue old = *slot;

      *slot = *fresh;
      *fresh = old;
      g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
}

static void
set_value (RgRecord     *self,
           guint         prop_id,
           const GValue *value,
           gboolean      from_store)
{
  RecordMeta *meta = meta_of (self);
  GParamSpec *pspec = meta->pspecs[prop_id];
  g_auto(GValue) fresh = G_VALUE_INIT;

  g_value_init (&fresh, pspec->value_type);

  if (from_store)
    g_value_copy (value, &fresh);
  else if (pspec->value_type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text && !g_utf8_validate (text, -1, NULL))
        {
          g_autofree char *valid = g_utf8_make_valid (text, -1);
          g_value_take_string (&fresh, g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE));
        }
      else if (text)
        g_value_take_string (&fresh, g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE));

      if ((pspec->flags & RG_PARAM_NULLABLE) && g_value_get_string (&fresh) &&
          *g_value_get_string (&fresh) == '\0')
        g_value_set_string (&fresh, NULL);
    }
  else
    {
      g_value_copy (value, &fresh);
      g_param_value_validate (pspec, &fresh);
    }

  store_value (self, prop_id, &fresh);
}

static const GValue *
get_value (RgRecord *self,
           guint     prop_id,
           GType     type)
{
  RecordMeta *meta = meta_of (self);

  g_return_val_if_fail (prop_id > 0 && prop_id < meta->n_pspecs, NULL);
  g_return_val_if_fail (G_TYPE_FUNDAMENTAL (meta->pspecs[prop_id]->value_type) == type, NULL);

  return &values_of (self)[prop_id];
}

const char *
rg_record_get_string (RgRecord *self,
                      guint     prop_id)
{
  const GValue *v = get_value (self, prop_id, G_TYPE_STRING);
  return v ? g_value_get_string (v) : NULL;
}

gint64
rg_record_get_int64 (RgRecord *self,
                     guint     prop_id)
{
  const GValue *v = get_value (self, prop_id, G_TYPE_INT64);
  return v ? g_value_get_int64 (v) : 0;
}

int
rg_record_get_int (RgRecord *self,
                   guint     prop_id)
{
  const GValue *v = get_value (self, prop_id, G_TYPE_INT);
  return v ? g_value_get_int (v) : 0;
}

gboolean
rg_record_get_boolean (RgRecord *self,
                       guint     prop_id)
{
  const GValue *v = get_value (self, prop_id, G_TYPE_BOOLEAN);
  return v ? g_value_get_boolean (v) : FALSE;
}

int
rg_record_get_enum (RgRecord *self,
                    guint     prop_id)
{
  const GValue *v = get_value (self, prop_id, G_TYPE_ENUM);
  return v ? g_value_get_enum (v) : 0;
}

#define DEFINE_SETTER(name, ctype, gtype, setter)                       \
void                                                                    \
rg_record_set_##name (RgRecord *self,                                   \
                      guint     prop_id,                                \
                      ctype     value)                                  \
{                                                                       \
  RecordMeta *meta = meta_of (self);                                    \
  g_auto(GValue) v = G_VALUE_INIT;                                      \
                                                                        \
  g_return_if_fail (prop_id > 0 && prop_id < meta->n_pspecs);           \
  g_return_if_fail (G_TYPE_FUNDAMENTAL (meta->pspecs[prop_id]->value_type) == gtype); \
  g_value_init (&v, meta->pspecs[prop_id]->value_type);                 \
  setter (&v, value);                                                   \
  set_value (self, prop_id, &v, FALSE);                                 \
}

DEFINE_SETTER (string, const char *, G_TYPE_STRING, g_value_set_string)
DEFINE_SETTER (int64, gint64, G_TYPE_INT64, g_value_set_int64)
DEFINE_SETTER (int, int, G_TYPE_INT, g_value_set_int)
DEFINE_SETTER (boolean, gboolean, G_TYPE_BOOLEAN, g_value_set_boolean)
DEFINE_SETTER (enum, int, G_TYPE_ENUM, g_value_set_enum)

#undef DEFINE_SETTER

/* Columns <-> values -------------------------------------------------------- */

static gboolean
is_null_value (GParamSpec   *pspec,
               const GValue *value)
{
  g_auto(GValue) def = G_VALUE_INIT;

  if (pspec->value_type == G_TYPE_STRING)
    return g_value_get_string (value) == NULL;
  if (!(pspec->flags & RG_PARAM_NULLABLE))
    return FALSE;

  g_value_init (&def, pspec->value_type);
  g_param_value_set_default (pspec, &def);
  return g_param_values_cmp (pspec, value, &def) == 0;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           param,
            GParamSpec   *pspec,
            const GValue *value)
{
  if (is_null_value (pspec, value))
    {
      sqlite3_bind_null (stmt, param);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      sqlite3_bind_text (stmt, param, g_value_get_string (value), -1, SQLITE_TRANSIENT);
      break;
    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      break;
    case G_TYPE_INT:
      sqlite3_bind_int64 (stmt, param, g_value_get_int (value));
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, param, g_value_get_boolean (value) ? 1 : 0);
      break;
    case G_TYPE_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (pspec->value_type);
        GEnumValue *ev = g_enum_get_value (enum_class, g_value_get_enum (value));

        if (ev)
          sqlite3_bind_text (stmt, param, ev->value_nick, -1, SQLITE_STATIC);
        else
          sqlite3_bind_null (stmt, param);
      }
      break;
    case G_TYPE_DOUBLE:
      sqlite3_bind_double (stmt, param, g_value_get_double (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_column (RgRecord     *self,
             guint         prop_id,
             sqlite3_stmt *stmt,
             int           col)
{
  GParamSpec *pspec = meta_of (self)->pspecs[prop_id];
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, pspec->value_type);

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    g_param_value_set_default (pspec, &v);
  else
    switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
      {
      case G_TYPE_STRING:
        g_value_set_string (&v, (const char *) sqlite3_column_text (stmt, col));
        break;
      case G_TYPE_INT64:
        g_value_set_int64 (&v, sqlite3_column_int64 (stmt, col));
        break;
      case G_TYPE_INT:
        g_value_set_int (&v, (int) CLAMP (sqlite3_column_int64 (stmt, col), G_MININT, G_MAXINT));
        break;
      case G_TYPE_BOOLEAN:
        g_value_set_boolean (&v, sqlite3_column_int (stmt, col) != 0);
        break;
      case G_TYPE_ENUM:
        {
          g_autoptr(GEnumClass) enum_class = g_type_class_ref (pspec->value_type);
          const char *nick = (const char *) sqlite3_column_text (stmt, col);
          GEnumValue *ev = g_enum_get_value_by_nick (enum_class, nick);

          if (ev)
            g_value_set_enum (&v, ev->value);
          else
            {
              g_warning ("Unknown %s “%s” in %s", g_param_spec_get_name (pspec), nick,
                         meta_of (self)->table);
              g_param_value_set_default (pspec, &v);
            }
        }
        break;
      case G_TYPE_DOUBLE:
        g_value_set_double (&v, sqlite3_column_double (stmt, col));
        break;
      default:
        g_assert_not_reached ();
      }

  /* Taken as read: the store holds normalized values. */
  store_value (self, prop_id, &v);
}

static void
set_stamps (RgRecord *self,
            gint64    id,
            gint64    created_at,
            gint64    updated_at,
            gint64    deleted_at)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  if (priv->created_at != created_at)
    {
      priv->created_at = created_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }
  if (priv->updated_at != updated_at)
    {
      priv->updated_at = updated_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
  if (priv->deleted_at != deleted_at)
    {
      priv->deleted_at = deleted_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED_AT]);
    }
}

void
rg_record_set_from_stmt (RgRecord     *self,
                         sqlite3_stmt *stmt)
{
  RecordMeta *meta = meta_of (self);

  g_object_freeze_notify (G_OBJECT (self));

  set_stamps (self,
              sqlite3_column_int64 (stmt, COL_ID),
              sqlite3_column_int64 (stmt, COL_CREATED_AT),
              sqlite3_column_int64 (stmt, COL_UPDATED_AT),
              sqlite3_column_int64 (stmt, COL_DELETED_AT));

  for (guint i = 0; i < meta->columns->len; i++)
    read_column (self, g_array_index (meta->columns, guint, i), stmt, COL_FIRST_PROPERTY + i);

  g_object_thaw_notify (G_OBJECT (self));
}

RgRecord *
rg_record_new_from_stmt (GType         type,
                         sqlite3_stmt *stmt)
{
  RgRecord *self;

  g_return_val_if_fail (g_type_is_a (type, RG_TYPE_RECORD), NULL);

  self = g_object_new (type, NULL);
  rg_record_set_from_stmt (self, stmt);
  return self;
}

static gboolean
not_found (RgRecord  *self,
           GError   **error)
{
  g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                       _("This record no longer exists; it may have been deleted in another window."));
  return FALSE;
}

gboolean
rg_record_reload (RgRecord  *self,
                  RgStore   *store,
                  GError   **error)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (RG_IS_RECORD (self), FALSE);
  g_return_val_if_fail (priv->id != 0, FALSE);

  stmt = rg_store_prepare (store, meta_of (self)->select_one, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, priv->id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    return not_found (self, error);

  rg_record_set_from_stmt (self, stmt);
  return TRUE;
}

RgRecord *
rg_record_load (GType     type,
                RgStore  *store,
                gint64    id,
                GError  **error)
{
  g_autoptr(RgRecord) self = NULL;
  RgRecordPrivate *priv;

  g_return_val_if_fail (g_type_is_a (type, RG_TYPE_RECORD), NULL);
  g_return_val_if_fail (id != 0, NULL);

  self = g_object_new (type, NULL);
  priv = rg_record_get_instance_private (self);
  priv->id = id;

  if (!rg_record_reload (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
bind_columns (RgRecord     *self,
              sqlite3_stmt *stmt)
{
  RecordMeta *meta = meta_of (self);
  GValue *values = values_of (self);

  for (guint i = 0; i < meta->columns->len; i++)
    {
      guint prop_id = g_array_index (meta->columns, guint, i);
      bind_value (stmt, 4 + i, meta->pspecs[prop_id], &values[prop_id]);
    }
}

static gboolean
write_row (RgRecord  *self,
           RgStore   *store,
           gint64     now,
           gint64    *id_out,
           GError   **error)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);
  RecordMeta *meta = meta_of (self);

  if (priv->id != 0)
    {
      g_autoptr(RgStmt) stmt = rg_store_prepare (store, meta->update, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, priv->id);
      sqlite3_bind_int64 (stmt, 3, now);
      bind_columns (self, stmt);
      if (!rg_store_step_done (store, stmt, error))
        return FALSE;
      if (sqlite3_changes (rg_store_get_db (store)) == 0)
        return not_found (self, error);
      *id_out = priv->id;
      return TRUE;
    }

  /* A fresh random key; a collision is astronomically rare but retried. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(RgStmt) stmt = rg_store_prepare (store, meta->insert, error);
      g_autoptr(GError) local_error = NULL;
      gint64 id = rg_store_new_id ();

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, now);
      bind_columns (self, stmt);
      if (rg_store_step_done (store, stmt, &local_error))
        {
          *id_out = id;
          return TRUE;
        }
      if (attempt >= 3 ||
          sqlite3_extended_errcode (rg_store_get_db (store)) != SQLITE_CONSTRAINT_PRIMARYKEY)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
}

gboolean
rg_record_save (RgRecord  *self,
                RgStore   *store,
                GError   **error)
{
  RgRecordClass *klass;
  RgRecordPrivate *priv;
  gint64 now = rg_store_now ();
  gint64 id = 0;
  gboolean inserting;

  g_return_val_if_fail (RG_IS_RECORD (self), FALSE);
  g_return_val_if_fail (RG_IS_STORE (store), FALSE);

  klass = RG_RECORD_GET_CLASS (self);
  priv = rg_record_get_instance_private (self);
  inserting = priv->id == 0;

  if (klass->prepare_save && !klass->prepare_save (self, store, error))
    return FALSE;

  if (!rg_store_begin (store, error))
    return FALSE;

  if (!write_row (self, store, now, &id, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }

  /* Set the stamps before the commit: listeners of the store's ::changed
   * (emitted by the commit) then see this object complete. */
  set_stamps (self, id, inserting ? now : priv->created_at, now, priv->deleted_at);

  if (!rg_store_commit (store, error))
    {
      if (inserting)
        set_stamps (self, 0, 0, 0, 0);
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_by_id (RgRecord    *self,
           RgStore     *store,
           const char  *sql,
           gint64       now,
           GError     **error)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);
  g_autoptr(RgStmt) stmt = NULL;

  if (!rg_store_begin (store, error))
    return FALSE;

  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      rg_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, priv->id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, now);

  if (!rg_store_step_done (store, stmt, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  if (sqlite3_changes (rg_store_get_db (store)) == 0)
    {
      rg_store_rollback (store);
      return not_found (self, error);
    }

  g_clear_pointer (&stmt, rg_stmt_release);
  return rg_store_commit (store, error);
}

/* Deletes softly when the table keeps deleted rows (undo restores them with
 * rg_record_undelete()); erases otherwise. */
gboolean
rg_record_delete (RgRecord  *self,
                  RgStore   *store,
                  GError   **error)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);
  RecordMeta *meta = meta_of (self);
  gint64 now = rg_store_now ();
  gint64 updated_before;

  g_return_val_if_fail (priv->id != 0, FALSE);

  if (!meta->soft_delete)
    return rg_record_erase (self, store, error);

  if (priv->deleted_at != 0)
    return TRUE;

  /* Before the commit: the studio reloads the object from the new row. */
  updated_before = priv->updated_at;
  if (!run_by_id (self, store, meta->soft_delete_sql, now, error))
    return FALSE;

  priv->deleted_by_us = now;
  priv->updated_before = updated_before;
  set_stamps (self, priv->id, priv->created_at, now, now);
  return TRUE;
}

gboolean
rg_record_undelete (RgRecord  *self,
                    RgStore   *store,
                    GError   **error)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);
  RecordMeta *meta = meta_of (self);
  gint64 now = rg_store_now ();

  g_return_val_if_fail (priv->id != 0, FALSE);
  g_return_val_if_fail (meta->soft_delete, FALSE);

  /* Undoing our own delete (the undo toast) puts the row back exactly as
   * it was, its last change time included; otherwise it is a change now. */
  if (priv->deleted_by_us != 0 && priv->deleted_by_us == priv->deleted_at && priv->updated_before != 0)
    now = priv->updated_before;

  if (!run_by_id (self, store, meta->undelete_sql, now, error))
    return FALSE;

  priv->deleted_by_us = 0;
  priv->updated_before = 0;
  set_stamps (self, priv->id, priv->created_at, now, 0);
  return TRUE;
}

/* Removes the row for good. The object stays usable as a detached copy and
 * reports itself deleted. */
gboolean
rg_record_erase (RgRecord  *self,
                 RgStore   *store,
                 GError   **error)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);

  g_return_val_if_fail (priv->id != 0, FALSE);

  if (!run_by_id (self, store, meta_of (self)->erase_sql, 0, error))
    return FALSE;

  rg_record_mark_erased (self);
  return TRUE;
}

/* Marks an object whose row is gone (erased here or elsewhere). */
void
rg_record_mark_erased (RgRecord *self)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);

  if (priv->deleted_at == 0)
    set_stamps (self, priv->id, priv->created_at, priv->updated_at, rg_store_now ());
}

/* Accessors ----------------------------------------------------------------- */

gint64
rg_record_get_id (RgRecord *self)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);
  g_return_val_if_fail (RG_IS_RECORD (self), 0);
  return priv->id;
}

gint64
rg_record_get_created_at (RgRecord *self)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);
  g_return_val_if_fail (RG_IS_RECORD (self), 0);
  return priv->created_at;
}

gint64
rg_record_get_updated_at (RgRecord *self)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);
  g_return_val_if_fail (RG_IS_RECORD (self), 0);
  return priv->updated_at;
}

gint64
rg_record_get_deleted_at (RgRecord *self)
{
  RgRecordPrivate *priv = rg_record_get_instance_private (self);
  g_return_val_if_fail (RG_IS_RECORD (self), 0);
  return priv->deleted_at;
}

gboolean
rg_record_is_deleted (RgRecord *self)
{
  return rg_record_get_deleted_at (self) != 0;
}

static void
rg_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RgRecord *self = RG_RECORD (object);
  RgRecordPrivate *priv = rg_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, priv->updated_at);
      break;
    case PROP_DELETED_AT:
      g_value_set_int64 (value, priv->deleted_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_record_finalize (GObject *object)
{
  RgRecord *self = RG_RECORD (object);
  RgRecordPrivate *priv = rg_record_get_instance_private (self);

  if (priv->values)
    {
      RecordMeta *meta = meta_of (self);

      for (guint i = 1; i < meta->n_pspecs; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (rg_record_parent_class)->finalize (object);
}

static void
rg_record_class_init (RgRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rg_record_get_property;
  object_class->finalize = rg_record_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED_AT] =
    g_param_spec_int64 ("deleted-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_record_init (RgRecord *self)
{
}
