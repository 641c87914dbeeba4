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
  rg_list_model_report_change_at (model, old_items, old_len, new_items, new_len, item_size, NULL, 0);
}

/* Like rg_list_model_report_change(), and the items at the positions
 * @changed of the new list (in any order) count as changed though they are
 * the same items: their contents changed. Still one items-changed, over
 * everything that differs or changed. */
void
rg_list_model_report_change_at (GListModel    *model,
                                gconstpointer  old_items,
                                guint          old_len,
                                gconstpointer  new_items,
                                guint          new_len,
                                gsize          item_size,
                                const guint   *changed,
                                guint          n_changed)
{
  const guint8 *a = old_items, *b = new_items;
  guint prefix = 0, suffix = 0, common = MIN (old_len, new_len);

  while (prefix < common && memcmp (a + prefix * item_size, b + prefix * item_size, item_size) == 0)
    prefix++;
  while (suffix < common - prefix &&
         memcmp (a + (old_len - 1 - suffix) * item_size, b + (new_len - 1 - suffix) * item_size, item_size) == 0)
    suffix++;

  /* What differs is [lo, hi) of the new list; it grows over the changed
   * items (the head and tail around it are the same in both lists). */
  {
    gboolean differs = !(prefix == old_len && prefix == new_len);
    guint lo = differs ? prefix : G_MAXUINT;
    guint hi = differs ? new_len - suffix : 0;

    for (guint i = 0; i < n_changed; i++)
      if (changed[i] < new_len)
        {
          lo = MIN (lo, changed[i]);
          hi = MAX (hi, changed[i] + 1);
        }

    if (!differs && lo >= hi)
      return;
    prefix = lo;
    suffix = new_len - hi;
  }

  g_list_model_items_changed (model, prefix, old_len - prefix - suffix, new_len - prefix - suffix);
}
