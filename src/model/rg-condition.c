/* rg-condition.c — the medical card: allergies and contraindications.
 *
 * The studio keeps a short list of conditions (latex, hair dye,
 * pregnancy...), filled with common ones on first use and editable; a
 * client is marked with any of them, and the card's free text says the
 * rest. rg_client_medical_summary() is the one line shown as a warning
 * wherever the client is booked: "Latex, pregnancy. Reacted to lidocaine
 * in 2024".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-condition.h"
#include "rg-model-enums.h"

struct _RgCondition
{
  RgRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RgCondition, rg_condition, RG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_POSITION,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
rg_condition_prepare_save (RgRecord  *record,
                           RgStore   *store,
                           GError   **error)
{
  g_autofree char *name = g_strdup (rg_condition_get_name (RG_CONDITION (record)));

  if (name == NULL || *g_strstrip (name) == '\0')
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("Enter the name of the allergy or contraindication."));
      return FALSE;
    }
  rg_record_set_string (record, PROP_NAME, name);
  return TRUE;
}

static void
rg_condition_class_init (RgConditionClass *klass)
{
  RgRecordClass *record_class = RG_RECORD_CLASS (klass);

  record_class->prepare_save = rg_condition_prepare_save;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RG_COLUMN);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, RG_TYPE_CONDITION_KIND, RG_CONDITION_ALLERGY,
                                             RG_COLUMN);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, RG_COLUMN);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, RG_COLUMN);

  rg_record_class_install_properties (record_class, N_PROPS, properties);
  rg_record_class_set_table (record_class, "conditions", FALSE);
}

static void
rg_condition_init (RgCondition *self)
{
}

RgCondition *
rg_condition_new (const char      *name,
                  RgConditionKind  kind)
{
  return g_object_new (RG_TYPE_CONDITION, "name", name, "kind", kind, NULL);
}

const char *
rg_condition_get_name (RgCondition *self)
{
  g_return_val_if_fail (RG_IS_CONDITION (self), NULL);
  return rg_record_get_string (RG_RECORD (self), PROP_NAME);
}

RgConditionKind
rg_condition_get_kind (RgCondition *self)
{
  g_return_val_if_fail (RG_IS_CONDITION (self), RG_CONDITION_ALLERGY);
  return rg_record_get_enum (RG_RECORD (self), PROP_KIND);
}

/* Fills an empty list with the common conditions, in the language the
 * app runs in. A list the studio already has is left alone. */
gboolean
rg_conditions_ensure_defaults (RgStudio  *studio,
                               GError   **error)
{
  const struct { const char *name; RgConditionKind kind; } defaults[] = {
    { N_("Latex"), RG_CONDITION_ALLERGY },
    { N_("Nickel"), RG_CONDITION_ALLERGY },
    { N_("Hair dye (PPD)"), RG_CONDITION_ALLERGY },
    { N_("Lidocaine and other anaesthetics"), RG_CONDITION_ALLERGY },
    { N_("Fragrances and essential oils"), RG_CONDITION_ALLERGY },
    { N_("Eyelash glue (cyanoacrylate)"), RG_CONDITION_ALLERGY },
    { N_("Pregnancy"), RG_CONDITION_CONTRAINDICATION },
    { N_("Diabetes"), RG_CONDITION_CONTRAINDICATION },
    { N_("Epilepsy"), RG_CONDITION_CONTRAINDICATION },
    { N_("Varicose veins"), RG_CONDITION_CONTRAINDICATION },
    { N_("Blood thinners"), RG_CONDITION_CONTRAINDICATION },
    { N_("Skin disease in the treatment area"), RG_CONDITION_CONTRAINDICATION },
  };
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store, "SELECT 1 FROM conditions LIMIT 1", error);
  if (stmt == NULL || !rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (row)
    return TRUE;

  if (!rg_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(RgCondition) condition = rg_condition_new (_(defaults[i].name), defaults[i].kind);

      rg_record_set_int (RG_RECORD (condition), PROP_POSITION, (int) i);
      if (!rg_studio_save (studio, condition, error))
        {
          rg_store_rollback (store);
          return FALSE;
        }
    }
  return rg_store_commit (store, error);
}

/* The studio's conditions (not archived), allergies first, in order. */
GPtrArray *
rg_conditions_list (RgStudio  *studio,
                    GError   **error)
{
  RgStore *store;
  g_autoptr(GTypeClass) klass = g_type_class_ref (RG_TYPE_CONDITION);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  sql = g_strconcat (rg_record_class_get_select (RG_RECORD_CLASS (klass)),
                     " WHERE archived = 0 ORDER BY kind, position, name", NULL);
  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    g_ptr_array_add (list, rg_studio_lookup_from_stmt (studio, RG_TYPE_CONDITION, stmt));
  if (!ok)
    return NULL;

  return g_steal_pointer (&list);
}

/* The ids (gint64) of the conditions a client is marked with. */
GArray *
rg_client_conditions_load (RgStudio  *studio,
                           gint64     client_id,
                           GError   **error)
{
  RgStore *store;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store, "SELECT condition_id FROM client_conditions WHERE client_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&ids);
}

/* Marks the client with the condition, or takes the mark away. */
gboolean
rg_client_conditions_set (RgStudio  *studio,
                          gint64     client_id,
                          gint64     condition_id,
                          gboolean   present,
                          GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_EDIT_CLIENT, 0, client_id, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (present)
    stmt = rg_store_prepare (store,
                             "INSERT INTO client_conditions (id, client_id, condition_id, created_at, updated_at) "
                             "VALUES (?3, ?1, ?2, ?4, ?4) ON CONFLICT (client_id, condition_id) DO NOTHING",
                             error);
  else
    stmt = rg_store_prepare (store, "DELETE FROM client_conditions WHERE client_id = ?1 AND condition_id = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, condition_id);
  if (present)
    {
      sqlite3_bind_int64 (stmt, 3, rg_store_new_id ());
      sqlite3_bind_int64 (stmt, 4, rg_store_now ());
    }
  return rg_store_step_done (store, stmt, error);
}

/* The warning to show wherever the client is booked: the conditions by
 * name, then the card's free text; NULL when there is nothing. */
char *
rg_client_medical_summary (RgStudio *studio,
                           RgClient *client)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *notes;
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (RG_IS_CLIENT (client), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT c.name FROM client_conditions cc JOIN conditions c ON c.id = cc.condition_id "
                           "WHERE cc.client_id = ?1 ORDER BY c.kind, c.position, c.name",
                           NULL);
  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, rg_record_get_id (RG_RECORD (client)));
      while (rg_store_step_row (store, stmt, &row, NULL) && row)
        {
          if (out->len)
            g_string_append (out, ", ");
          g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
        }
    }

  notes = rg_client_get_medical_notes (client);
  if (notes && *notes)
    {
      if (out->len)
        g_string_append (out, ". ");
      g_string_append (out, notes);
    }

  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}
