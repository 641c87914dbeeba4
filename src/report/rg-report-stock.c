/* rg-report-stock.c — the stock list (model/rg-stock.c) as text and JSON
 * for `regulars --report stock`: each live product and material with its
 * kind, unit, stock on hand at the end of the day asked for, minimum
 * level, what to order, average purchase cost and the value of what is on
 * hand at that cost; the totals. Money in JSON is whole minor units with
 * the studio's currency beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "model/rg-format.h"
#include "model/rg-stock.h"
#include "rg-json-private.h"
#include "rg-report-stock.h"
#include "rg-report-text-private.h"

static const char *
kind_label (RgProductKind kind)
{
  /* Translators: the kinds of item in the stock list */
  return kind == RG_PRODUCT_MATERIAL ? C_("stock kind", "Material") : C_("stock kind", "Product");
}

static const char *
kind_nick (RgProductKind kind)
{
  return kind == RG_PRODUCT_MATERIAL ? "material" : "product";
}

static const char *
unit_nick (RgProductUnit unit)
{
  switch (unit)
    {
    case RG_UNIT_ML: return "ml";
    case RG_UNIT_GRAMS: return "g";
    case RG_UNIT_PIECES:
    default: return "pcs";
    }
}

static gint64
total_value (GArray *items)
{
  gint64 sum = 0;

  for (guint i = 0; i < items->len; i++)
    sum += g_array_index (items, RgStockItem, i).value;
  return sum;
}

static guint
count_to_order (GArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += g_array_index (items, RgStockItem, i).to_order > 0;
  return n;
}

char *
rg_report_stock_text (GArray *items,
                      RgDate  as_of)
{
  GString *out = g_string_new (NULL);
  g_autofree char *day = rg_date_to_iso (as_of);
  g_autoptr(GPtrArray) table = rg_report_table_new ();
  g_autoptr(GPtrArray) totals = rg_report_table_new ();

  g_return_val_if_fail (items != NULL, NULL);

  /* Translators: the stock report's heading; %s is a date, YYYY-MM-DD */
  g_string_append_printf (out, _("Stock as of %s"), day);
  g_string_append_c (out, '\n');

  rg_report_table_add (table, g_strdup (C_("stock report", "Item")), g_strdup (C_("stock report", "Kind")),
                       g_strdup (C_("stock report", "On hand")), g_strdup (C_("stock report", "Minimum")),
                       g_strdup (C_("stock report", "To order")), g_strdup (C_("stock report", "Average cost")),
                       g_strdup (C_("stock report", "Value")), NULL);
  for (guint i = 0; i < items->len; i++)
    {
      const RgStockItem *item = &g_array_index (items, RgStockItem, i);
      g_autofree char *cost = rg_format_price (item->average_cost);

      rg_report_table_add (table, g_strdup (item->name), g_strdup (kind_label (item->kind)),
                           rg_stock_format_quantity (item->on_hand, item->unit),
                           rg_stock_format_quantity (item->min_level, item->unit),
                           item->to_order > 0 ? rg_stock_format_quantity (item->to_order, item->unit) : g_strdup ("—"),
                           /* Translators: an average cost per unit, "1.60 / ml" */
                           g_strdup_printf (C_("stock report", "%s / %s"), cost, rg_product_unit_label (item->unit)),
                           rg_format_price (item->value), NULL);
    }
  rg_report_append_table_left (out, C_("stock report", "Products and materials"), table, 2);

  rg_report_pair_add (totals, C_("stock report", "Items"), rg_format_count (items->len));
  rg_report_pair_add (totals, C_("stock report", "Items to order"), rg_format_count (count_to_order (items)));
  rg_report_pair_add (totals, C_("stock report", "Value at average cost"), rg_format_price (total_value (items)));
  g_string_append_c (out, '\n');
  rg_report_append_pairs (out, totals);

  g_string_append_printf (out, "\n%s\n", C_("stock report", "What the figures count"));
  g_string_append_printf (out, "  %s\n", _("On hand: the sum of the item's moves up to the end of the day: goods "
                                          "received, sales and refunds, materials used in visits, counts and "
                                          "write-offs."));
  g_string_append_printf (out, "  %s\n", _("Average cost: what the goods received cost over their quantity; the "
                                          "item's own cost where none were received with a cost."));
  g_string_append_printf (out, "  %s\n", _("To order: when on hand is at or below the minimum, twice the minimum "
                                          "less what is on hand; else nothing."));
  return g_string_free (out, FALSE);
}

char *
rg_report_stock_json (GArray *items,
                      RgDate  as_of)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint low = 0;

  g_return_val_if_fail (items != NULL, NULL);

  json_builder_begin_object (b);
  rg_json_add_date (b, "as_of", as_of);
  json_builder_set_member_name (b, "currency");
  if (rg_format_get_currency () != NULL)
    json_builder_add_string_value (b, rg_format_get_currency ());
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      const RgStockItem *item = &g_array_index (items, RgStockItem, i);

      low += item->low;
      json_builder_begin_object (b);
      rg_json_add_int (b, "id", item->product_id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, item->name);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, kind_nick (item->kind));
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, unit_nick (item->unit));
      json_builder_set_member_name (b, "supplier");
      if (item->supplier != NULL)
        json_builder_add_string_value (b, item->supplier);
      else
        json_builder_add_null_value (b);
      rg_json_add_int (b, "on_hand", item->on_hand);
      rg_json_add_int (b, "min_level", item->min_level);
      rg_json_add_int (b, "to_order", item->to_order);
      rg_json_add_int (b, "average_cost", item->average_cost);
      rg_json_add_int (b, "value", item->value);
      json_builder_set_member_name (b, "low");
      json_builder_add_boolean_value (b, item->low);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  rg_json_add_int (b, "items", items->len);
  rg_json_add_int (b, "low", low);
  rg_json_add_int (b, "to_order", count_to_order (items));
  rg_json_add_int (b, "value", total_value (items));
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return rg_json_to_text (root);
}
