/* rg-client-list.h — the clients, as a list model, narrowed by a search.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rg-client-standing.h"
#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_CLIENT_LIST (rg_client_list_get_type ())
G_DECLARE_FINAL_TYPE (RgClientList, rg_client_list, RG, CLIENT_LIST, GObject)

/* The order of the list; the sorts other than by name put the highest
 * first (the latest visit, the most visits, the most spent). */
typedef enum {
  RG_CLIENT_SORT_NAME,
  RG_CLIENT_SORT_LAST_VISIT,
  RG_CLIENT_SORT_VISITS,
  RG_CLIENT_SORT_SPENT,
} RgClientSort;

/* How many materialized clients the list itself keeps alive. */
#define RG_CLIENT_LIST_CACHE_SIZE 256

RgClientList *rg_client_list_new        (RgStudio        *studio,
                                         RgStandingsFunc  standings) G_GNUC_WARN_UNUSED_RESULT;
const char   *rg_client_list_get_query  (RgClientList *self);
void          rg_client_list_set_query  (RgClientList *self,
                                         const char   *query);
gint64        rg_client_list_get_id     (RgClientList *self,
                                         guint         position);
gboolean      rg_client_list_find       (RgClientList *self,
                                         gint64        id,
                                         guint        *position);
guint         rg_client_list_get_total  (RgClientList *self);
gboolean      rg_client_list_get_loading (RgClientList *self);
void          rg_client_list_set_sort   (RgClientList *self,
                                         RgClientSort  sort);
RgClientSort  rg_client_list_get_sort   (RgClientList *self);
void          rg_client_list_set_filter (RgClientList *self,
                                         gint64        tag_id,
                                         gint64        staff_id);
void          rg_client_list_want_statuses (RgClientList *self);
int           rg_client_list_get_status    (RgClientList *self,
                                            gint64        client_id);
void          rg_client_list_set_rhythm_filter (RgClientList *self,
                                                int           status,
                                                guint         segments);

G_END_DECLS
