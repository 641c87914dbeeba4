/* rg-low-stock.c — Today's "Low Stock".
 *
 * The items at or below their minimum level (a minimum above 0), the
 * lowest against its minimum first: a few rows and "N more", each opening
 * the Stock window (win.stock-item, win.stock). Hidden when nothing is
 * low. Read when it shows, and again after a change of money or of the
 * studio's lists while it shows; a change while hidden is read when it
 * shows again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-today"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "model/rg-stock.h"
#include "rg-low-stock.h"

#define LOW_ROWS 5

struct _RgLowStock
{
  GtkBox     parent_instance;

  RgStudio  *studio;
  gboolean   dirty;
  guint      count;
  GtkWidget *heading;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (RgLowStock, rg_low_stock, GTK_TYPE_BOX)

static void
update (RgLowStock *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) items = NULL;
  GtkWidget *child;

  self->dirty = FALSE;
  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  if (self->studio == NULL)
    return;
  items = rg_studio_list_low_stock (self->studio, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the low stock: %s", error->message);
      items = g_array_new (FALSE, TRUE, sizeof (RgStockItem));
    }
  self->count = items->len;

  for (guint i = 0; i < items->len && i < LOW_ROWS; i++)
    {
      const RgStockItem *item = &g_array_index (items, RgStockItem, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");   /* decoration: the row is the button */
      g_autofree char *on_hand = rg_stock_format_quantity (item->on_hand, item->unit);
      g_autofree char *min_level = rg_stock_format_quantity (item->min_level, item->unit);
      g_autofree char *to_order = rg_stock_format_quantity (item->to_order, item->unit);
      /* Translators: a low item on Today: on hand, its minimum and what to order, "120 ml of 500 ml · order 880 ml" */
      g_autofree char *subtitle = g_strdup_printf (_("%s left, minimum %s · order %s"), on_hand, min_level, to_order);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (item->product_id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.stock-item");
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
  if (items->len > LOW_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more item: see Stock",
                                                            "%u more items: see Stock", items->len - LOW_ROWS),
                                               items->len - LOW_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.stock");
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
  {
    /* Translators: Today's list of items to order, with their number, "Low Stock (3)" */
    g_autofree char *heading = g_strdup_printf (_("Low Stock (%u)"), items->len);

    gtk_label_set_text (GTK_LABEL (self->heading), heading);
  }
  gtk_widget_set_visible (GTK_WIDGET (self), items->len > 0);
}

static void
changes_cb (RgLowStock *self,
            RgChanges   changes)
{
  if ((changes & (RG_CHANGES_MONEY | RG_CHANGES_SETTINGS)) == 0)
    return;
  /* Hidden (behind another view, or with nothing low): read when Today
   * shows, and when shown, straight away. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      (gtk_widget_get_parent (GTK_WIDGET (self)) && gtk_widget_get_mapped (gtk_widget_get_parent (GTK_WIDGET (self)))))
    update (self);
  else
    self->dirty = TRUE;
}

static void
parent_map_cb (RgLowStock *self)
{
  if (self->dirty)
    update (self);
}

static void
notify_parent_cb (RgLowStock *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  /* Hidden while nothing is low, so its own map never comes: its parent's. */
  if (parent)
    g_signal_connect_object (parent, "map", G_CALLBACK (parent_map_cb), self, G_CONNECT_SWAPPED);
}

void
rg_low_stock_set_studio (RgLowStock *self,
                         RgStudio   *studio)
{
  g_return_if_fail (RG_IS_LOW_STOCK (self));
  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (self->studio == NULL);

  self->studio = g_object_ref (studio);
  g_signal_connect_object (studio, "changes", G_CALLBACK (changes_cb), self, G_CONNECT_SWAPPED);
  self->dirty = TRUE;
  {
    GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

    if (parent && gtk_widget_get_mapped (parent))
      update (self);
  }
}

guint
rg_low_stock_get_count (RgLowStock *self)
{
  g_return_val_if_fail (RG_IS_LOW_STOCK (self), 0);
  return self->count;
}

static void
rg_low_stock_dispose (GObject *object)
{
  RgLowStock *self = RG_LOW_STOCK (object);

  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_low_stock_parent_class)->dispose (object);
}

static void
rg_low_stock_class_init (RgLowStockClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rg_low_stock_dispose;
}

static void
rg_low_stock_init (RgLowStock *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_set_margin_top (self->heading, 12);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_box_append (GTK_BOX (self), self->heading);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_add_css_class (self->list, "not-calls");   /* Today's rows of calls are the others */
  gtk_box_append (GTK_BOX (self), self->list);
  g_signal_connect (self, "notify::parent", G_CALLBACK (notify_parent_cb), NULL);
}

GtkWidget *
rg_low_stock_new (void)
{
  return g_object_new (RG_TYPE_LOW_STOCK, NULL);
}
