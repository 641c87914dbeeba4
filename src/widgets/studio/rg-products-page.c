/* rg-products-page.c — the Studio window's "Products" page: what the desk
 * sells besides services.
 *
 * Each product has a name, a price, what the studio paid for one (the
 * check-out warns when a discount sells below it) and the seller's
 * commission in percent; its kind (a product sold at the desk, or a material
 * used in services, which may cost the client nothing), the unit its stock
 * is counted in, the minimum level at which the Stock window asks to order
 * more, and its supplier. A form adds one; each product's row opens to edit
 * it in place, and Archive takes it out of the till (its sales keep it; the
 * archived ones are listed last, with Restore). Amounts are read as people
 * type them (rg_money_parse), percentages as 7 or 7.5 (rg_percent_parse);
 * a refusal says why in a toast and leaves what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-products-page"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-pricing.h"
#include "model/rg-product.h"
#include "model/rg-record-list.h"
#include "model/rg-stock.h"
#include "rg-studio-rows.h"
#include "rg-products-page.h"
#include "util/rg-money.h"

struct _RgProductsPage
{
  AdwPreferencesPage   parent_instance;

  RgStudio            *studio;
  RgRecordList        *products;
  RgRecordList        *archived;
  GPtrArray           *rows;
  GPtrArray           *archived_rows;

  AdwPreferencesGroup *products_group;
  AdwPreferencesGroup *archived_group;
  GtkWidget           *empty_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *price_row;
  AdwEntryRow         *cost_row;
  AdwEntryRow         *commission_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *unit_row;
  AdwEntryRow         *min_level_row;
  AdwEntryRow         *supplier_row;
};

G_DEFINE_FINAL_TYPE (RgProductsPage, rg_products_page, ADW_TYPE_PREFERENCES_PAGE)

/* The fields of one product, in the form or in its row. */
typedef struct {
  AdwEntryRow *name;
  AdwEntryRow *price;
  AdwEntryRow *cost;
  AdwEntryRow *commission;
  AdwComboRow *kind;
  AdwComboRow *unit;
  AdwEntryRow *min_level;
  AdwEntryRow *supplier;
} Fields;

static AdwComboRow *
combo_row (const char         *title,
           const char * const *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (choices);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  return ADW_COMBO_ROW (row);
}

static void
new_fields (Fields *fields)
{
  const char *kinds[] = { C_("product kind", "Product for Sale"), C_("product kind", "Material for Services"), NULL };
  const char *units[] = { C_("unit", "Pieces"), C_("unit", "Millilitres"), C_("unit", "Grams"), NULL };

  fields->name = rg_studio_entry_row (_("Name"), FALSE);
  fields->price = rg_studio_entry_row (_("Price"), TRUE);
  fields->cost = rg_studio_entry_row (_("Purchase Cost"), TRUE);
  fields->commission = rg_studio_entry_row (_("Sales Commission, %"), TRUE);
  /* The enums' order: RG_PRODUCT_RETAIL, RG_PRODUCT_MATERIAL; RG_UNIT_PIECES, _ML, _GRAMS. */
  fields->kind = combo_row (_("Kind"), kinds);
  fields->unit = combo_row (_("Counted In"), units);
  fields->min_level = rg_studio_entry_row (_("Minimum Level"), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (fields->min_level),
                               _("At or below it the Stock window asks to order twice the minimum less what is on "
                                 "hand; 0: never"));
  fields->supplier = rg_studio_entry_row (_("Supplier"), FALSE);
}

/* Into a product's expander row, or into the form's group. */
static void
add_fields (const Fields *fields,
            GtkWidget    *to)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (fields->name), GTK_WIDGET (fields->kind), GTK_WIDGET (fields->price), GTK_WIDGET (fields->cost),
    GTK_WIDGET (fields->commission), GTK_WIDGET (fields->unit), GTK_WIDGET (fields->min_level),
    GTK_WIDGET (fields->supplier),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (ADW_IS_EXPANDER_ROW (to))
      adw_expander_row_add_row (ADW_EXPANDER_ROW (to), rows[i]);
    else
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (to), rows[i]);
}

static void
clear_fields (const Fields *fields)
{
  gtk_editable_set_text (GTK_EDITABLE (fields->name), "");
  gtk_editable_set_text (GTK_EDITABLE (fields->price), "");
  gtk_editable_set_text (GTK_EDITABLE (fields->cost), "");
  gtk_editable_set_text (GTK_EDITABLE (fields->commission), "");
  gtk_editable_set_text (GTK_EDITABLE (fields->min_level), "");
  gtk_editable_set_text (GTK_EDITABLE (fields->supplier), "");
}

static void
fill_fields (const Fields *fields,
             RgProduct    *product)
{
  g_autofree char *price = rg_format_money_editable (rg_product_get_price (product));
  g_autofree char *cost = rg_format_money_editable (rg_product_get_cost (product));
  g_autofree char *commission = rg_pricing_format_percent (rg_product_get_commission (product));

  gtk_editable_set_text (GTK_EDITABLE (fields->name), rg_product_get_name (product));
  gtk_editable_set_text (GTK_EDITABLE (fields->price), price);
  gtk_editable_set_text (GTK_EDITABLE (fields->cost), cost);
  gtk_editable_set_text (GTK_EDITABLE (fields->commission), commission);
  {
    g_autofree char *min_level = g_strdup_printf ("%" G_GINT64_FORMAT, rg_product_get_min_level (product));
    const char *supplier = rg_product_get_supplier (product);

    gtk_editable_set_text (GTK_EDITABLE (fields->min_level), min_level);
    gtk_editable_set_text (GTK_EDITABLE (fields->supplier), supplier ? supplier : "");
  }
  adw_combo_row_set_selected (fields->kind, rg_product_get_kind (product));
  adw_combo_row_set_selected (fields->unit, rg_product_get_unit (product));
}

/* A whole number of the item's units as typed: digits, spaces between
 * thousands; empty is 0. */
static gboolean
parse_level (const char  *text,
             gint64      *level,
             GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 value = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x202F && c != 0xA0)
        g_string_append_unichar (digits, c);
    }
  if (digits->len == 0)
    {
      *level = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, RG_PRODUCT_MAX_LEVEL, &value, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The minimum level is a whole number of the item’s units, such as 500."));
      return FALSE;
    }
  *level = (gint64) value;
  return TRUE;
}

/* Reads the fields into @product; FALSE with @error (and the field marked)
 * when one is not an amount or a percentage. Empty cost and commission
 * are 0. */
static gboolean
read_fields (const Fields  *fields,
             RgProduct     *product,
             GError       **error)
{
  const char *cost_text = gtk_editable_get_text (GTK_EDITABLE (fields->cost));
  const char *commission_text = gtk_editable_get_text (GTK_EDITABLE (fields->commission));
  gint64 price = 0, cost = 0, min_level = 0;
  int commission = 0;

  if (!rg_money_parse (gtk_editable_get_text (GTK_EDITABLE (fields->price)), &price, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (fields->price), "error");
      return FALSE;
    }
  if (*cost_text && !rg_money_parse (cost_text, &cost, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (fields->cost), "error");
      return FALSE;
    }
  if (*commission_text && !rg_percent_parse (commission_text, &commission, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (fields->commission), "error");
      return FALSE;
    }
  if (!parse_level (gtk_editable_get_text (GTK_EDITABLE (fields->min_level)), &min_level, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (fields->min_level), "error");
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (product));
  rg_product_set_name (product, gtk_editable_get_text (GTK_EDITABLE (fields->name)));
  rg_product_set_price (product, price);
  rg_product_set_cost (product, cost);
  rg_product_set_commission (product, commission);
  rg_product_set_kind (product, adw_combo_row_get_selected (fields->kind) == 1 ? RG_PRODUCT_MATERIAL
                                                                              : RG_PRODUCT_RETAIL);
  rg_product_set_unit (product, MIN (adw_combo_row_get_selected (fields->unit), RG_UNIT_GRAMS));
  rg_product_set_min_level (product, min_level);
  rg_product_set_supplier (product, gtk_editable_get_text (GTK_EDITABLE (fields->supplier)));
  g_object_thaw_notify (G_OBJECT (product));
  return TRUE;
}

static char *
describe (RgProduct *product)
{
  g_autofree char *price = rg_format_money (rg_product_get_price (product));
  g_autofree char *cost = rg_format_money (rg_product_get_cost (product));
  g_autofree char *commission = rg_pricing_format_percent (rg_product_get_commission (product));
  g_autofree char *min_level = rg_stock_format_quantity (rg_product_get_min_level (product),
                                                         rg_product_get_unit (product));

  if (rg_product_get_kind (product) == RG_PRODUCT_MATERIAL)
    /* Translators: a material's purchase cost (per unit) and its minimum level, "250 ml" */
    return g_strdup_printf (_("Material · cost %s · minimum %s"), cost, min_level);
  /* Translators: a product's price, purchase cost and the seller's commission */
  return g_strdup_printf (_("%s · cost %s · commission %s %%"), price, cost, commission);
}

static void
add_clicked_cb (RgProductsPage *self)
{
  g_autoptr(RgProduct) product = rg_product_new ("", 0);
  g_autoptr(GError) error = NULL;
  Fields fields = { self->name_row, self->price_row, self->cost_row, self->commission_row,
                    self->kind_row, self->unit_row, self->min_level_row, self->supplier_row };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->products));

  if (*gtk_editable_get_text (GTK_EDITABLE (self->name_row)) == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  if (!read_fields (&fields, product, &error))
    {
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  if (n > 0)
    {
      g_autoptr(RgProduct) last = g_list_model_get_item (G_LIST_MODEL (self->products), n - 1);

      rg_product_set_position (product, rg_product_get_position (last) + 1);
    }
  if (!rg_studio_save (self->studio, product, &error))
    {
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  clear_fields (&fields);
}

static void
save_clicked_cb (GtkButton      *button,
                 RgProductsPage *self)
{
  RgProduct *product = g_object_get_data (G_OBJECT (button), "product");
  const Fields *fields = g_object_get_data (G_OBJECT (button), "fields");
  g_autoptr(GError) error = NULL;

  if (!read_fields (fields, product, &error) || !rg_studio_save (self->studio, product, &error))
    {
      rg_studio_reload (self->studio, product, NULL);
      rg_studio_error_toast (GTK_WIDGET (self), error);
    }
}

static void
archive_clicked_cb (GtkButton      *button,
                    RgProductsPage *self)
{
  RgProduct *product = g_object_get_data (G_OBJECT (button), "product");
  g_autoptr(GError) error = NULL;

  rg_product_set_archived (product, !rg_product_get_archived (product));
  if (!rg_studio_save (self->studio, product, &error))
    {
      rg_studio_reload (self->studio, product, NULL);
      rg_studio_error_toast (GTK_WIDGET (self), error);
    }
}

static GtkWidget *
button (const char     *label,
        RgProduct      *product,
        GCallback       callback,
        RgProductsPage *self)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (b), "product", g_object_ref (product), g_object_unref);
  g_signal_connect (b, "clicked", callback, self);
  return b;
}

/* The row's title and summary follow the product (a save here, a change
 * elsewhere); the fields keep what was typed. */
static void
product_notify_cb (GtkWidget *row,
                   GParamSpec *pspec,
                   RgProduct  *product)
{
  g_autofree char *subtitle = describe (product);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_product_get_name (product));
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static GtkWidget *
product_row (RgProductsPage *self,
             RgProduct      *product)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *save = button (_("_Save"), product, G_CALLBACK (save_clicked_cb), self);
  GtkWidget *archive = button (_("_Archive"), product, G_CALLBACK (archive_clicked_cb), self);
  g_autofree char *subtitle = describe (product);
  Fields *fields = g_new0 (Fields, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_product_get_name (product));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  new_fields (fields);
  fill_fields (fields, product);
  add_fields (fields, row);

  gtk_widget_set_tooltip_text (archive, _("No longer sold; its sales keep it"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_object_set_data_full (G_OBJECT (save), "fields", fields, g_free);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_box_append (GTK_BOX (buttons), archive);
  gtk_box_append (GTK_BOX (buttons), save);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), buttons);
  g_signal_connect_object (product, "notify", G_CALLBACK (product_notify_cb), row, G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
archived_row (RgProductsPage *self,
              RgProduct      *product)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = button (_("_Restore"), product, G_CALLBACK (archive_clicked_cb), self);
  g_autofree char *subtitle = describe (product);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_product_get_name (product));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (restore, _("Sell Again"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  return row;
}

static void
clear (AdwPreferencesGroup *group,
       GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
rebuild (RgProductsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->products));
  guint n_archived = g_list_model_get_n_items (G_LIST_MODEL (self->archived));

  clear (self->products_group, self->rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgProduct) product = g_list_model_get_item (G_LIST_MODEL (self->products), i);
      GtkWidget *row = product_row (self, product);

      adw_preferences_group_add (self->products_group, row);
      g_ptr_array_add (self->rows, row);
    }
  clear (self->archived_group, self->archived_rows);
  for (guint i = 0; i < n_archived; i++)
    {
      g_autoptr(RgProduct) product = g_list_model_get_item (G_LIST_MODEL (self->archived), i);
      GtkWidget *row = archived_row (self, product);

      adw_preferences_group_add (self->archived_group, row);
      g_ptr_array_add (self->archived_rows, row);
    }
  gtk_widget_set_visible (self->empty_row, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->archived_group), n_archived > 0);
}

static void
items_changed_cb (RgProductsPage *self)
{
  rebuild (self);
}

/* The page for @studio's Studio window. */
RgProductsPage *
rg_products_page_new (RgStudio *studio)
{
  RgProductsPage *self;
  GtkWidget *group, *add;
  Fields fields;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_PRODUCTS_PAGE,
                       "name", "products",
                       "title", _("_Products"),
                       "use-underline", TRUE,
                       "icon-name", "package-x-generic-symbolic",
                       NULL);
  self->studio = g_object_ref (studio);
  self->products = rg_record_list_new_products (studio, FALSE);
  self->archived = rg_record_list_new (studio, RG_TYPE_PRODUCT, "WHERE archived = 1 ORDER BY name, id");

  self->products_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->products_group, _("Products"));
  adw_preferences_group_set_description (self->products_group,
                                         _("What the desk sells besides services, and the materials services use. "
                                           "The purchase cost is what the studio pays for one (for a material, for "
                                           "one of its units): the check-out warns when a discount sells below it. "
                                           "The commission is the seller’s share of the price."));
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No products yet"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (self->products_group, self->empty_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->products_group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Product"));
  new_fields (&fields);
  self->name_row = fields.name;
  self->price_row = fields.price;
  self->cost_row = fields.cost;
  self->commission_row = fields.commission;
  self->kind_row = fields.kind;
  self->unit_row = fields.unit;
  self->min_level_row = fields.min_level;
  self->supplier_row = fields.supplier;
  add_fields (&fields, group);
  add = gtk_button_new_with_mnemonic (_("_Add Product"));
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add, 6);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  self->archived_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->archived_group, _("Archived"));
  adw_preferences_group_set_description (self->archived_group, _("No longer sold. Their sales stay in the history."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->archived_group);

  g_signal_connect_object (self->products, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->archived, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}

static void
rg_products_page_dispose (GObject *object)
{
  RgProductsPage *self = RG_PRODUCTS_PAGE (object);

  g_clear_object (&self->products);
  g_clear_object (&self->archived);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_products_page_parent_class)->dispose (object);
}

static void
rg_products_page_finalize (GObject *object)
{
  RgProductsPage *self = RG_PRODUCTS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->archived_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_products_page_parent_class)->finalize (object);
}

static void
rg_products_page_class_init (RgProductsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_products_page_dispose;
  object_class->finalize = rg_products_page_finalize;
}

static void
rg_products_page_init (RgProductsPage *self)
{
  self->rows = g_ptr_array_new ();
  self->archived_rows = g_ptr_array_new ();
}
