/* rg-record.h — base class of every record stored in a table.
 *
 * A record class names its table and declares its columns as GObject
 * properties flagged RG_PARAM_COLUMN: the property "address-as" is the column
 * address_as. RgRecord stores the values, implements get/set_property with
 * notification only on real change, and loads, saves and deletes rows, so a
 * subclass is a list of properties plus typed accessors and validation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "store/rg-store.h"

G_BEGIN_DECLS

/* The property is a column of the record's table. */
#define RG_PARAM_COLUMN   (1 << G_PARAM_USER_SHIFT)
/* The property's default value is stored as SQL NULL (and NULL reads back as
 * the default); for strings, "" is stored as NULL. */
#define RG_PARAM_NULLABLE (1 << (G_PARAM_USER_SHIFT + 1))

/* Flags for the usual kinds of column property. */
#define RG_COLUMN          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | \
                            G_PARAM_STATIC_STRINGS | RG_PARAM_COLUMN)
#define RG_COLUMN_NULLABLE (RG_COLUMN | RG_PARAM_NULLABLE)
/* Computed by the record before a write (a sort key, normalized digits). */
#define RG_COLUMN_DERIVED  (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | \
                            G_PARAM_STATIC_STRINGS | RG_PARAM_COLUMN | RG_PARAM_NULLABLE)

#define RG_TYPE_RECORD (rg_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (RgRecord, rg_record, RG, RECORD, GObject)

struct _RgRecordClass
{
  GObjectClass parent_class;

  /* Checks the values and fills derived columns right before a write.
   * Errors are in RG_STORE_ERROR with a translated message. */
  gboolean (*prepare_save) (RgRecord  *self,
                            RgStore   *store,
                            GError   **error);

  /*< private >*/
  gpointer meta;
  gpointer padding[8];
};

void        rg_record_class_set_table           (RgRecordClass  *klass,
                                                 const char     *table,
                                                 gboolean        soft_delete);
void        rg_record_class_install_properties  (RgRecordClass  *klass,
                                                 guint           n_pspecs,
                                                 GParamSpec    **pspecs);
const char *rg_record_class_get_table           (RgRecordClass  *klass);
const char *rg_record_class_get_select          (RgRecordClass  *klass);

gint64      rg_record_get_id                    (RgRecord       *self);
gint64      rg_record_get_created_at            (RgRecord       *self);
gint64      rg_record_get_updated_at            (RgRecord       *self);
gint64      rg_record_get_deleted_at            (RgRecord       *self);
gboolean    rg_record_is_deleted                (RgRecord       *self);

/* Typed access by property id, for the subclasses' accessors. */
const char *rg_record_get_string                (RgRecord       *self,
                                                 guint           prop_id);
gint64      rg_record_get_int64                 (RgRecord       *self,
                                                 guint           prop_id);
int         rg_record_get_int                   (RgRecord       *self,
                                                 guint           prop_id);
gboolean    rg_record_get_boolean               (RgRecord       *self,
                                                 guint           prop_id);
int         rg_record_get_enum                  (RgRecord       *self,
                                                 guint           prop_id);
void        rg_record_set_string                (RgRecord       *self,
                                                 guint           prop_id,
                                                 const char     *value);
void        rg_record_set_int64                 (RgRecord       *self,
                                                 guint           prop_id,
                                                 gint64          value);
void        rg_record_set_int                   (RgRecord       *self,
                                                 guint           prop_id,
                                                 int             value);
void        rg_record_set_boolean               (RgRecord       *self,
                                                 guint           prop_id,
                                                 gboolean        value);
void        rg_record_set_enum                  (RgRecord       *self,
                                                 guint           prop_id,
                                                 int             value);

/* Persistence. The statement passed to rg_record_set_from_stmt() must have
 * been built from rg_record_class_get_select(). */
RgRecord   *rg_record_load                      (GType           type,
                                                 RgStore        *store,
                                                 gint64          id,
                                                 GError        **error) G_GNUC_WARN_UNUSED_RESULT;
RgRecord   *rg_record_new_from_stmt             (GType           type,
                                                 sqlite3_stmt   *stmt) G_GNUC_WARN_UNUSED_RESULT;
void        rg_record_set_from_stmt             (RgRecord       *self,
                                                 sqlite3_stmt   *stmt);
gboolean    rg_record_reload                    (RgRecord       *self,
                                                 RgStore        *store,
                                                 GError        **error);
gboolean    rg_record_save                      (RgRecord       *self,
                                                 RgStore        *store,
                                                 GError        **error);
gboolean    rg_record_delete                    (RgRecord       *self,
                                                 RgStore        *store,
                                                 GError        **error);
gboolean    rg_record_undelete                  (RgRecord       *self,
                                                 RgStore        *store,
                                                 GError        **error);
gboolean    rg_record_erase                     (RgRecord       *self,
                                                 RgStore        *store,
                                                 GError        **error);
void        rg_record_mark_erased               (RgRecord       *self);

G_END_DECLS
