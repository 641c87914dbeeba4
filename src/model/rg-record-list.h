/* rg-record-list.h — all records of a small table (staff, services), live.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_RECORD_LIST (rg_record_list_get_type ())
G_DECLARE_FINAL_TYPE (RgRecordList, rg_record_list, RG, RECORD_LIST, GObject)

RgRecordList *rg_record_list_new   (RgStudio     *studio,
                                    GType         record_type,
                                    const char   *where_order) G_GNUC_WARN_UNUSED_RESULT;
RgRecordList *rg_record_list_new_staff    (RgStudio *studio,
                                           gboolean  with_archived) G_GNUC_WARN_UNUSED_RESULT;
RgRecordList *rg_record_list_new_custom_fields (RgStudio *studio,
                                                gboolean  with_archived) G_GNUC_WARN_UNUSED_RESULT;
RgRecordList *rg_record_list_new_services (RgStudio *studio,
                                           gboolean  with_archived) G_GNUC_WARN_UNUSED_RESULT;
RgRecordList *rg_record_list_new_products (RgStudio *studio,
                                           gboolean  with_archived) G_GNUC_WARN_UNUSED_RESULT;
RgRecordList *rg_record_list_new_promotions (RgStudio *studio,
                                             gboolean  with_archived) G_GNUC_WARN_UNUSED_RESULT;
gpointer      rg_record_list_find  (RgRecordList *self,
                                    gint64        id,
                                    guint        *position);

G_END_DECLS
