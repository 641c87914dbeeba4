/* rg-search.h — finding clients by name, note, tag or any part of a phone.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-store.h"

G_BEGIN_DECLS

char     *rg_search_fts_expression  (const char  *query) G_GNUC_WARN_UNUSED_RESULT;

gboolean  rg_search_match_clients   (RgStore     *store,
                                     const char  *query,
                                     GArray      *ids,
                                     GError     **error);
gboolean  rg_search_clients         (RgStore     *store,
                                     const char  *query,
                                     guint        limit,
                                     GArray      *ids,
                                     GError     **error);
gboolean  rg_search_all_clients     (RgStore     *store,
                                     GArray      *ids,
                                     GError     **error);

G_END_DECLS
