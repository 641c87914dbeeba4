/* rg-stock-window.c — the studio's stock.
 *
 * The list: every live product and material with what is on hand in its
 * unit, its minimum level and what to order (at or below the minimum,
 * twice the minimum less what is on hand), marked when low; a search by
 * name or supplier. A row opens the item's ledger: each move with its
 * reason in words, its receipt or visit, and the balance after it. Goods
 * received, counts and write-offs open a dialog (rg-stock-dialog.c) for
 * the item shown. Read again when money or the studio's lists change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-stock"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-stock.h"
#include "util/rg-text.h"
#include "rg-stock-window.h"

struct _RgStockWindow
{
  AdwWindow       parent_instance;

  RgStudio       *studio;
  gulong          changes_id;
  GArray         *items;          /* of RgStockItem */
  gint64          shown;          /* the ledger's item; 0: the list */
  char           *search;         /* folded */

  AdwWindowTitle *title;
  GtkWidget      *back;
  GtkStack       *stack;
  GtkSearchEntry *search_entry;
  GtkListBox     *list;
  GPtrArray      *rows;           /* AdwActionRow, by item */
  GtkWidget      *ledger_page;    /* the ledger's box */
  GtkWidget      *ledger_group;
};

G_DEFINE_FINAL_TYPE (RgStockWindow, rg_stock_window, ADW_TYPE_WINDOW)

static const RgStockItem *
find (RgStockWindow *self,
      gint64         product_id,
      guint         *index)
{
  for (guint i = 0; self->items && i < self->items->len; i++)
    if (g_array_index (self->items, RgStockItem, i).product_id == product_id)
      {
        if (index)
          *index = i;
        return &g_array_index (self->items, RgStockItem, i);
      }
  return NULL;
}

/* The ledger ------------------------------------------------------------------ */

static char *
signed_quantity (gint64        quantity,
                 RgProductUnit unit)
{
  g_autofree char *plain = rg_stock_format_quantity (ABS (quantity), unit);

  return g_strdup_printf ("%s%s", quantity < 0 ? "−" : "+", plain);
}

static char *
move_details (const RgStockMove *move,
              RgProductUnit      unit)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (move->sale_number > 0)
    /* Translators: a receipt's number */
    g_ptr_array_add (parts, g_strdup_printf (_("receipt No. %lld"), (long long) move->sale_number));
  if (move->supplier)
    g_ptr_array_add (parts, g_strdup (move->supplier));
  if (move->cost >= 0)
    {
      g_autofree char *cost = rg_format_price (move->cost);

      /* Translators: what goods received cost */
      g_ptr_array_add (parts, g_strdup_printf (_("cost %s"), cost));
    }
  if (move->expected >= 0)
    {
      g_autofree char *expected = rg_stock_format_quantity (move->expected, unit);
      g_autofree char *counted = rg_stock_format_quantity (move->expected + move->quantity, unit);

      /* Translators: a count: what was counted and what the moves expected */
      g_ptr_array_add (parts, g_strdup_printf (_("counted %s, expected %s"), counted, expected));
    }
  if (move->note)
    g_ptr_array_add (parts, g_strdup (move->note));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
fill_ledger (RgStockWindow *self)
{
  const RgStockItem *item = find (self, self->shown, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moves = NULL;
  GtkWidget *group;
  g_autofree char *on_hand = NULL;
  g_autofree char *min_level = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *description = NULL;

  if (self->ledger_group)
    gtk_box_remove (GTK_BOX (self->ledger_page), self->ledger_group);
  self->ledger_group = NULL;
  if (item == NULL)
    return;

  moves = rg_studio_list_stock_moves (self->studio, item->product_id, &error);
  if (moves == NULL)
    {
      g_warning ("Could not read the ledger: %s", error->message);
      return;
    }
  group = adw_preferences_group_new ();
  on_hand = rg_stock_format_quantity (item->on_hand, item->unit);
  min_level = rg_stock_format_quantity (item->min_level, item->unit);
  cost = rg_format_price (item->average_cost);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), item->name);
  /* Translators: an item's stock: on hand, its minimum level, its average purchase cost per unit */
  description = g_strdup_printf (_("On hand %s · minimum %s · average cost %s per %s. Newest first; the last "
                                   "column is what was on hand after each move."),
                                 on_hand, min_level, cost, rg_product_unit_label (item->unit));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (moves->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No moves yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = moves->len; i-- > 0;)
    {
      const RgStockMove *move = &g_array_index (moves, RgStockMove, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *quantity = gtk_label_new (NULL);
      GtkWidget *balance = gtk_label_new (NULL);
      g_autofree char *day = rg_format_date (move->occurred_at);
      g_autofree char *title = g_strdup_printf ("%s · %s", day, move->what);
      g_autofree char *details = move_details (move, item->unit);
      g_autofree char *quantity_text = signed_quantity (move->quantity, item->unit);
      g_autofree char *balance_text = rg_stock_format_quantity (move->balance, item->unit);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (*details)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      gtk_label_set_text (GTK_LABEL (quantity), quantity_text);
      gtk_widget_add_css_class (quantity, "numeric");
      gtk_widget_add_css_class (quantity, move->quantity < 0 ? "error" : "success");
      gtk_label_set_text (GTK_LABEL (balance), balance_text);
      gtk_widget_add_css_class (balance, "numeric");
      gtk_widget_add_css_class (balance, "dim-label");
      gtk_label_set_width_chars (GTK_LABEL (balance), 9);
      gtk_label_set_xalign (GTK_LABEL (balance), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), quantity);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), balance);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (GTK_BOX (self->ledger_page), group);
  self->ledger_group = group;
}

void
rg_stock_window_show_item (RgStockWindow *self,
                           gint64         product_id)
{
  g_return_if_fail (RG_IS_STOCK_WINDOW (self));

  self->shown = find (self, product_id, NULL) ? product_id : 0;
  fill_ledger (self);
  gtk_widget_set_visible (self->back, self->shown != 0);
  gtk_stack_set_visible_child_name (self->stack, self->shown ? "ledger" : "list");
}

gint64
rg_stock_window_get_item (RgStockWindow *self)
{
  g_return_val_if_fail (RG_IS_STOCK_WINDOW (self), 0);
  return self->shown;
}

/* The list -------------------------------------------------------------------- */

static void
row_activated_cb (RgStockWindow *self,
                  GtkListBoxRow *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  if (self->items && index < self->items->len)
    rg_stock_window_show_item (self, g_array_index (self->items, RgStockItem, index).product_id);
}

static gboolean
filter_cb (GtkListBoxRow *row,
           gpointer       data)
{
  RgStockWindow *self = data;
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  return self->search == NULL || *self->search == '\0' || (key && strstr (key, self->search));
}

static GtkWidget *
item_row (RgStockWindow     *self,
          const RgStockItem *item,
          guint              index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *on_hand = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");   /* decoration: the row is the button */
  g_autofree char *on_hand_text = rg_stock_format_quantity (item->on_hand, item->unit);
  g_autofree char *min_level = rg_stock_format_quantity (item->min_level, item->unit);
  g_autofree char *to_order = rg_stock_format_quantity (item->to_order, item->unit);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *key = NULL;

  g_ptr_array_add (parts, g_strdup (item->kind == RG_PRODUCT_MATERIAL ? C_("stock kind", "Material")
                                                                      : C_("stock kind", "Product")));
  if (item->min_level > 0)
    /* Translators: an item's minimum stock level, "500 ml" */
    g_ptr_array_add (parts, g_strdup_printf (_("minimum %s"), min_level));
  if (item->to_order > 0)
    /* Translators: what to order of an item, "520 ml" */
    g_ptr_array_add (parts, g_strdup_printf (_("order %s"), to_order));
  if (item->supplier)
    g_ptr_array_add (parts, g_strdup (item->supplier));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_label_set_text (GTK_LABEL (on_hand), on_hand_text);
  gtk_widget_add_css_class (on_hand, "numeric");
  gtk_widget_add_css_class (on_hand, "heading");
  if (item->low)
    {
      gtk_widget_add_css_class (on_hand, item->on_hand <= 0 ? "error" : "warning");
      gtk_widget_set_tooltip_text (on_hand, _("At or below the minimum level: order twice the minimum less what "
                                              "is on hand"));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), on_hand);
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "label", on_hand);
  {
    g_autofree char *words = g_strjoin (" ", item->name, item->supplier, NULL);

    key = rg_text_sort_key (words);
  }
  g_object_set_data_full (G_OBJECT (row), "key", g_steal_pointer (&key), g_free);
  return row;
}

static void
reload (RgStockWindow *self)
{
  g_autoptr(GError) error = NULL;
  GArray *items = rg_studio_list_stock (self->studio, 0, &error);
  guint n_order = 0;
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;

  if (items == NULL)
    {
      g_warning ("Could not read the stock: %s", error->message);
      return;
    }
  g_clear_pointer (&self->items, g_array_unref);
  self->items = items;

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < items->len; i++)
    {
      const RgStockItem *item = &g_array_index (items, RgStockItem, i);
      GtkWidget *row = item_row (self, item, i);

      n_order += item->to_order > 0;
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", items->len), items->len);
  /* Translators: the stock window's subtitle: "12 items · 3 to order" */
  subtitle = g_strdup_printf (_("%s · %u to order"), count, n_order);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, items->len == 0 ? "empty" : self->shown ? "ledger" : "list");
  if (self->shown)
    rg_stock_window_show_item (self, self->shown);
}

static void
changes_cb (RgStockWindow *self,
            RgChanges      changes)
{
  if (changes & (RG_CHANGES_MONEY | RG_CHANGES_SETTINGS))
    reload (self);
}

static void
search_changed_cb (RgStockWindow *self)
{
  g_free (self->search);
  self->search = rg_text_sort_key (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_list_box_invalidate_filter (self->list);
}

void
rg_stock_window_set_search (RgStockWindow *self,
                            const char    *text)
{
  g_return_if_fail (RG_IS_STOCK_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  search_changed_cb (self);
}

/* Dialogs ---------------------------------------------------------------------- */

RgStockDialog *
rg_stock_window_open_dialog (RgStockWindow     *self,
                             RgStockDialogMode  mode)
{
  RgStockDialog *dialog;

  g_return_val_if_fail (RG_IS_STOCK_WINDOW (self), NULL);

  dialog = rg_stock_dialog_new (GTK_WINDOW (self), self->studio, mode, self->shown);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
receive_cb (RgStockWindow *self)
{
  rg_stock_window_open_dialog (self, RG_STOCK_DIALOG_RECEIVE);
}

static void
count_cb (RgStockWindow *self)
{
  rg_stock_window_open_dialog (self, RG_STOCK_DIALOG_COUNT);
}

static void
write_off_cb (RgStockWindow *self)
{
  rg_stock_window_open_dialog (self, RG_STOCK_DIALOG_WRITE_OFF);
}

static void
back_cb (RgStockWindow *self)
{
  rg_stock_window_show_item (self, 0);
}

/* Building --------------------------------------------------------------------- */

static GtkWidget *
text_button (const char *label,
             const char *tooltip,
             GCallback   clicked,
             gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_swapped (button, "clicked", clicked, self);
  return button;
}

static GtkWidget *
scrolled_page (GtkWidget *content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scrolled;
}

static void
build (RgStockWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *list_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *rule = gtk_label_new (_("On hand is the sum of each item’s moves. At or below its minimum level an "
                                     "item is marked, and what to order is twice the minimum less what is on "
                                     "hand."));
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *receive;

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Stock"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back, _("Back to the List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the List"), -1);
  gtk_widget_set_visible (self->back, FALSE);
  g_signal_connect_swapped (self->back, "clicked", G_CALLBACK (back_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back);
  receive = text_button (_("_Receive Goods…"), _("Goods received from a supplier, with what they cost"),
                         G_CALLBACK (receive_cb), self);
  gtk_widget_add_css_class (receive, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), receive);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           text_button (_("_Write Off…"), _("Spoilt, broken or expired: taken out with a reason"),
                                        G_CALLBACK (write_off_cb), self));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           text_button (_("_Count…"), _("Stock-taking: what is on the shelf against what the "
                                                        "moves add up to"),
                                        G_CALLBACK (count_cb), self));
  gtk_box_append (GTK_BOX (box), header);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search by name or supplier"), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (list_page), GTK_WIDGET (self->search_entry));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_filter_func (self->list, filter_cb, self, NULL);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (list_page), GTK_WIDGET (self->list));
  gtk_label_set_wrap (GTK_LABEL (rule), TRUE);
  gtk_label_set_xalign (GTK_LABEL (rule), 0);
  gtk_widget_add_css_class (rule, "dim-label");
  gtk_widget_add_css_class (rule, "caption");
  gtk_box_append (GTK_BOX (list_page), rule);

  self->ledger_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "package-x-generic-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Products or Materials"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Add them on the Products page of the Studio "
                                                              "window, then receive goods here."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled_page (list_page), "list");
  gtk_stack_add_named (self->stack, scrolled_page (self->ledger_page), "ledger");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

const char *
rg_stock_window_get_on_hand (RgStockWindow *self,
                             gint64         product_id)
{
  guint index = 0;

  g_return_val_if_fail (RG_IS_STOCK_WINDOW (self), NULL);

  if (find (self, product_id, &index) == NULL || index >= self->rows->len)
    return NULL;
  return gtk_label_get_text (g_object_get_data (self->rows->pdata[index], "label"));
}

guint
rg_stock_window_count_visible (RgStockWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (RG_IS_STOCK_WINDOW (self), 0);
  for (guint i = 0; i < self->rows->len; i++)
    n += filter_cb (self->rows->pdata[i], self);
  return n;
}

static void
rg_stock_window_dispose (GObject *object)
{
  RgStockWindow *self = RG_STOCK_WINDOW (object);

  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  g_clear_object (&self->studio);
  G_OBJECT_CLASS (rg_stock_window_parent_class)->dispose (object);
}

static void
rg_stock_window_finalize (GObject *object)
{
  RgStockWindow *self = RG_STOCK_WINDOW (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->search);
  G_OBJECT_CLASS (rg_stock_window_parent_class)->finalize (object);
}

static void
rg_stock_window_class_init (RgStockWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_stock_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = rg_stock_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_stock_window_init (RgStockWindow *self)
{
  self->rows = g_ptr_array_new ();
}

RgStockWindow *
rg_stock_window_new (GtkWindow *parent,
                     RgStudio  *studio)
{
  RgStockWindow *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_STOCK_WINDOW,
                       "transient-for", parent,
                       "title", _("Stock"),
                       "default-width", 760,
                       "default-height", 720,
                       NULL);
  self->studio = g_object_ref (studio);
  build (self);
  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (changes_cb), self);
  reload (self);
  return self;
}
