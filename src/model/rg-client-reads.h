/* rg-client-reads.h — what the client views read, through the model.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

/* A tag, for filters: its id and name. */
typedef struct {
  gint64  id;
  char   *name;
} RgTagName;

void       rg_tag_name_free             (RgTagName   *tag);

gint64     rg_client_latest_visit        (RgStudio    *studio,
                                          gint64       client_id,
                                          gint64       before,
                                          GError     **error);
guint      rg_client_open_complaints     (RgStudio    *studio,
                                          gint64       client_id,
                                          char       **latest,
                                          GError     **error);
GPtrArray *rg_client_timeline            (RgStudio    *studio,
                                          gint64       client_id,
                                          guint        limit,
                                          GError     **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *rg_studio_list_tags           (RgStudio    *studio,
                                          GError     **error) G_GNUC_WARN_UNUSED_RESULT;
int        rg_studio_get_phone_country   (RgStudio    *studio);
gboolean   rg_studio_search_clients      (RgStudio    *studio,
                                          const char  *text,
                                          guint        limit,
                                          GArray      *ids,
                                          GError     **error);

G_END_DECLS
