/* rg-list-diff.c — telling a list model's listeners what changed.
 *
 * The lists here replace their contents wholesale (a new query) and then
 * report the stretch between the unchanged head and tail as one
 * items-changed: exact for a single insert, removal or move, and one
 * signal for a new search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <string.h>

#include "rg-list-diff.h"

/* Compares items of @item_size bytes (ids, pointers) and emits
 * items-changed on @model for what differs, or nothing when all is equal. */
void
rg_list_model_report_change (GListModel    *model,
                             gconstpointer  old_items,
                             guint          old_len,
                             gconstpointer  new_items,
                             guint          new_len,
                             gsize          item_size)
{
  const guint8 *a = old_items, *b = new_items;
  guint prefix = 0, suffix = 0, common = MIN (old_len, new_len);

  while (prefix < common && memcmp (a + prefix * item_size, b + prefix * item_size, item_size) == 0)
    prefix++;
  while (suffix < common - prefix &&
         memcmp (a + (old_len - 1 - suffix) * item_size, b + (new_len - 1 - suffix) * item_size, item_size) == 0)
    suffix++;

  if (prefix == old_len && prefix == new_len)
    return;

  g_list_model_items_changed (model, prefix, old_len - prefix - suffix, new_len - prefix - suffix);
}
