/* rg-list-diff.h — telling a list model's listeners what changed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void rg_list_model_report_change (GListModel    *model,
                                  gconstpointer  old_items,
                                  guint          old_len,
                                  gconstpointer  new_items,
                                  guint          new_len,
                                  gsize          item_size);
void rg_list_model_report_change_at (GListModel    *model,
                                     gconstpointer  old_items,
                                     guint          old_len,
                                     gconstpointer  new_items,
                                     guint          new_len,
                                     gsize          item_size,
                                     const guint   *changed,
                                     guint          n_changed);

G_END_DECLS
