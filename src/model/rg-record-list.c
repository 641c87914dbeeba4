/* rg-record-list.c — all records of a small table, live.
 *
 * For tables of tens of rows (staff, services): the list holds the studio's
 * live objects in the order of a fixed SQL tail ("WHERE ... ORDER BY ...")
 * and queries again after any commit that touched the table, reporting only
 * the stretch that differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include "rg-list-diff.h"

#include "rg-custom-field.h"
#include "rg-product.h"
#include "rg-promotion.h"
#include "rg-record-list.h"
#include "rg-service.h"
#include "rg-staff.h"

struct _RgRecordList
{
  GObject     parent_instance;

  RgStudio   *studio;
  GType       record_type;
  char       *sql;
  GPtrArray  *items;
  gboolean    dirty;
  gulong      changed_id;
  gulong      committed_id;
};

static void rg_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RgRecordList, rg_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rg_record_list_model_init))

static GPtrArray *
query (RgRecordList *self)
{
  RgStore *store = rg_studio_get_store (self->studio);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, self->sql, &error);

  if (stmt == NULL)
    {
      g_warning ("Could not list %s: %s", g_type_name (self->record_type), error->message);
      return items;
    }

  for (;;)
    {
      gboolean row;

      if (!rg_store_step_row (store, stmt, &row, &error))
        {
          g_warning ("Could not list %s: %s", g_type_name (self->record_type), error->message);
          break;
        }
      if (!row)
        break;
      g_ptr_array_add (items, rg_studio_lookup_from_stmt (self->studio, self->record_type, stmt));
    }

  return items;
}

static void
refresh (RgRecordList *self)
{
  g_autoptr(GPtrArray) old = self->items;
  GPtrArray *items = query (self);

  self->items = items;
  rg_list_model_report_change (G_LIST_MODEL (self), old->pdata, old->len, items->pdata, items->len,
                               sizeof (gpointer));
}

static void
store_changed_cb (RgRecordList *self)
{
  self->dirty = TRUE;
}

static void
store_committed_cb (RgRecordList *self)
{
  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh (self);
    }
}

/* The item with @id, and its position; NULL when the list does not have it. */
gpointer
rg_record_list_find (RgRecordList *self,
                     gint64        id,
                     guint        *position)
{
  g_return_val_if_fail (RG_IS_RECORD_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (rg_record_get_id (self->items->pdata[i]) == id)
      {
        if (position)
          *position = i;
        return self->items->pdata[i];
      }

  return NULL;
}

static GType
rg_record_list_get_item_type (GListModel *model)
{
  return RG_RECORD_LIST (model)->record_type;
}

static guint
rg_record_list_get_n_items (GListModel *model)
{
  return RG_RECORD_LIST (model)->items->len;
}

static gpointer
rg_record_list_get_item (GListModel *model,
                         guint       position)
{
  RgRecordList *self = RG_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
rg_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rg_record_list_get_item_type;
  iface->get_n_items = rg_record_list_get_n_items;
  iface->get_item = rg_record_list_get_item;
}

/* @where_order: what follows "SELECT ... FROM table", e.g.
 * "WHERE archived = 0 ORDER BY position". Fixed text, no user input. */
RgRecordList *
rg_record_list_new (RgStudio   *studio,
                    GType       record_type,
                    const char *where_order)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *detailed = NULL;
  RgRecordList *self;
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, RG_TYPE_RECORD), NULL);

  klass = g_type_class_ref (record_type);
  self = g_object_new (RG_TYPE_RECORD_LIST, NULL);
  self->studio = g_object_ref (studio);
  self->record_type = record_type;
  self->sql = g_strdup_printf ("%s %s", rg_record_class_get_select (RG_RECORD_CLASS (klass)),
                               where_order ? where_order : "");

  store = rg_studio_get_store (studio);
  detailed = g_strdup_printf ("changed::%s", rg_record_class_get_table (RG_RECORD_CLASS (klass)));
  self->changed_id = g_signal_connect_swapped (store, detailed, G_CALLBACK (store_changed_cb), self);
  self->committed_id = g_signal_connect_swapped (store, "committed", G_CALLBACK (store_committed_cb), self);

  g_ptr_array_unref (self->items);
  self->items = query (self);
  return self;
}

/* Staff in their calendar order. */
RgRecordList *
rg_record_list_new_staff (RgStudio *studio,
                          gboolean  with_archived)
{
  return rg_record_list_new (studio, RG_TYPE_STAFF,
                             with_archived ? "ORDER BY archived, position, display_name, id"
                                           : "WHERE archived = 0 ORDER BY position, display_name, id");
}

/* Services by category, then in their order. */
RgRecordList *
rg_record_list_new_services (RgStudio *studio,
                             gboolean  with_archived)
{
  return rg_record_list_new (studio, RG_TYPE_SERVICE,
                             with_archived ? "ORDER BY archived, category, position, name, id"
                                           : "WHERE archived = 0 ORDER BY category, position, name, id");
}

/* The studio's custom fields in their order. */
RgRecordList *
rg_record_list_new_custom_fields (RgStudio *studio,
                                  gboolean  with_archived)
{
  return rg_record_list_new (studio, RG_TYPE_CUSTOM_FIELD,
                             with_archived ? "ORDER BY archived, position, name, id"
                                           : "WHERE archived = 0 ORDER BY position, name, id");
}

/* The retail catalogue in its order. */
RgRecordList *
rg_record_list_new_products (RgStudio *studio,
                             gboolean  with_archived)
{
  return rg_record_list_new (studio, RG_TYPE_PRODUCT,
                             with_archived ? "ORDER BY archived, position, name, id"
                                           : "WHERE archived = 0 ORDER BY position, name, id");
}

/* Promotions, the latest first. */
RgRecordList *
rg_record_list_new_promotions (RgStudio *studio,
                               gboolean  with_archived)
{
  return rg_record_list_new (studio, RG_TYPE_PROMOTION,
                             with_archived ? "ORDER BY archived, starts_on DESC, name, id"
                                           : "WHERE archived = 0 ORDER BY starts_on DESC, name, id");
}

static void
rg_record_list_dispose (GObject *object)
{
  RgRecordList *self = RG_RECORD_LIST (object);

  if (self->studio)
    {
      RgStore *store = rg_studio_get_store (self->studio);

      g_clear_signal_handler (&self->changed_id, store);
      g_clear_signal_handler (&self->committed_id, store);
    }
  if (self->items)
    g_ptr_array_set_size (self->items, 0);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_record_list_parent_class)->dispose (object);
}

static void
rg_record_list_finalize (GObject *object)
{
  RgRecordList *self = RG_RECORD_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->sql, g_free);

  G_OBJECT_CLASS (rg_record_list_parent_class)->finalize (object);
}

static void
rg_record_list_class_init (RgRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_record_list_dispose;
  object_class->finalize = rg_record_list_finalize;
}

static void
rg_record_list_init (RgRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
