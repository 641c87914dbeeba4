/* rg-stock-dialog.c — goods received, a count, a write-off: one dialog.
 *
 * The item (any live product or material), then by mode: goods received
 * take a quantity, what the delivery cost, the supplier (the item's own
 * supplier first), a date and a note; a count takes what was counted
 * (the body says what the moves expect) and a reason for a difference; a
 * write-off a quantity and its reason (required). The date is today unless
 * changed; an earlier day is written at its end, a later one is refused
 * by the model. A refusal is said in a message over a new dialog that
 * keeps everything typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-stock"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-stock.h"
#include "util/rg-money.h"
#include "rg-stock-dialog.h"

struct _RgStockDialog
{
  AdwMessageDialog   parent_instance;

  RgStudio          *studio;
  RgStockDialogMode  mode;
  GArray            *items;      /* of RgStockItem */
  AdwComboRow       *item;
  AdwEntryRow       *quantity;
  AdwEntryRow       *cost;
  AdwEntryRow       *supplier;
  AdwEntryRow       *date;
  AdwEntryRow       *reason;
  AdwEntryRow       *note;
};

G_DEFINE_FINAL_TYPE (RgStockDialog, rg_stock_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const RgStockItem *
chosen (RgStockDialog *self)
{
  guint i = adw_combo_row_get_selected (self->item);

  return i < self->items->len ? &g_array_index (self->items, RgStockItem, i) : NULL;
}

static const char *
quantity_title (RgStockDialogMode mode)
{
  switch (mode)
    {
    case RG_STOCK_DIALOG_COUNT: return _("Counted");
    case RG_STOCK_DIALOG_WRITE_OFF: return _("Quantity to Write Off");
    case RG_STOCK_DIALOG_RECEIVE:
    default: return _("Quantity Received");
    }
}

/* The quantity's title carries the item's unit; the body what is on hand. */
static void
item_changed_cb (RgStockDialog *self)
{
  const RgStockItem *item = chosen (self);
  g_autofree char *title = NULL;
  g_autofree char *on_hand = NULL;
  g_autofree char *body = NULL;

  if (item == NULL)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), _("Add products or materials in the Studio window "
                                                                "first."));
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", FALSE);
      return;
    }
  /* Translators: a quantity field's title and the item's unit, "Counted, ml" */
  title = g_strdup_printf (_("%s, %s"), quantity_title (self->mode), rg_product_unit_label (item->unit));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->quantity), title);
  on_hand = rg_stock_format_quantity (item->on_hand, item->unit);
  if (self->mode == RG_STOCK_DIALOG_COUNT)
    /* Translators: %s is a quantity with its unit */
    body = g_strdup_printf (_("The moves add up to %s. A count that differs is written as a move of the "
                              "difference, with what was expected."), on_hand);
  else
    /* Translators: %s is a quantity with its unit */
    body = g_strdup_printf (_("On hand now: %s."), on_hand);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  if (self->mode == RG_STOCK_DIALOG_RECEIVE && item->supplier != NULL &&
      *gtk_editable_get_text (GTK_EDITABLE (self->supplier)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->supplier), item->supplier);
}

static gboolean
parse_whole (const char  *text,
             gint64      *value,
             GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gint64 parsed = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x202F && c != 0xA0)
        g_string_append_unichar (digits, c);
    }
  if (digits->len == 0 || !g_ascii_string_to_signed (digits->str, 10, -RG_STOCK_MAX_QUANTITY * 10,
                                                     RG_STOCK_MAX_QUANTITY * 10, &parsed, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter the quantity as a whole number of the item’s units, such as 250."));
      return FALSE;
    }
  *value = parsed;
  return TRUE;
}

/* The day typed: 0 for today (now); an earlier day at its end; a later
 * one as its start, which the model refuses in words. */
static gboolean
parse_when (const char  *text,
            gint64      *at,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  RgDate date, today = rg_date_today ();

  if (*clean == '\0')
    {
      *at = 0;
      return TRUE;
    }
  if (!rg_date_parse_day (clean, &date, NULL, error))
    return FALSE;
  if (rg_date_compare (date, today) == 0)
    *at = 0;
  else if (rg_date_compare (date, today) < 0)
    *at = rg_date_end (date) - 1;
  else
    *at = rg_date_start (date);
  return TRUE;
}

gboolean
rg_stock_dialog_apply (RgStockDialog  *self,
                       GError        **error)
{
  const RgStockItem *item;
  gint64 quantity = 0, cost = 0, at = 0, difference = 0;

  g_return_val_if_fail (RG_IS_STOCK_DIALOG (self), FALSE);

  item = chosen (self);
  if (item == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose a product or material."));
      return FALSE;
    }
  if (!parse_whole (gtk_editable_get_text (GTK_EDITABLE (self->quantity)), &quantity, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->quantity), "error");
      return FALSE;
    }
  if (!parse_when (gtk_editable_get_text (GTK_EDITABLE (self->date)), &at, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date), "error");
      return FALSE;
    }

  switch (self->mode)
    {
    case RG_STOCK_DIALOG_RECEIVE:
      {
        const char *cost_text = gtk_editable_get_text (GTK_EDITABLE (self->cost));

        if (*cost_text != '\0' && !rg_money_parse (cost_text, &cost, error))
          {
            gtk_widget_add_css_class (GTK_WIDGET (self->cost), "error");
            return FALSE;
          }
        return rg_studio_receive_goods (self->studio, item->product_id, quantity, cost,
                                        gtk_editable_get_text (GTK_EDITABLE (self->supplier)), at,
                                        gtk_editable_get_text (GTK_EDITABLE (self->note)), error);
      }
    case RG_STOCK_DIALOG_COUNT:
      return rg_studio_count_stock (self->studio, item->product_id, quantity,
                                    gtk_editable_get_text (GTK_EDITABLE (self->reason)), at, &difference, error);
    case RG_STOCK_DIALOG_WRITE_OFF:
    default:
      return rg_studio_write_off_stock (self->studio, item->product_id, quantity,
                                        gtk_editable_get_text (GTK_EDITABLE (self->reason)), at, error);
    }
}

static const char * const field_names[] = { "quantity", "cost", "supplier", "date", "reason", "note" };

static AdwEntryRow **
field_slot (RgStockDialog *self,
            const char    *name)
{
  AdwEntryRow **slots[] = { &self->quantity, &self->cost, &self->supplier, &self->date, &self->reason, &self->note };

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_str_equal (field_names[i], name))
      return slots[i];
  return NULL;
}

GtkEditable *
rg_stock_dialog_get_field (RgStockDialog *self,
                           const char    *name)
{
  AdwEntryRow **slot;

  g_return_val_if_fail (RG_IS_STOCK_DIALOG (self), NULL);
  slot = field_slot (self, name);
  return slot ? GTK_EDITABLE (*slot) : NULL;
}

gboolean
rg_stock_dialog_select (RgStockDialog *self,
                        gint64         product_id)
{
  g_return_val_if_fail (RG_IS_STOCK_DIALOG (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, RgStockItem, i).product_id == product_id)
      {
        adw_combo_row_set_selected (self->item, i);
        item_changed_cb (self);
        return TRUE;
      }
  return FALSE;
}

static void
response_cb (RgStockDialog *self,
             const char    *response)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  RgStockDialog *again;
  GtkWidget *message;

  if (!g_str_equal (response, "apply") || rg_stock_dialog_apply (self, &error))
    return;

  /* The dialog closes on a response: a new one keeps what was typed, and
   * the message goes over it. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  again = rg_stock_dialog_new (parent, self->studio, self->mode, chosen (self) ? chosen (self)->product_id : 0);
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    gtk_editable_set_text (rg_stock_dialog_get_field (again, field_names[i]),
                           gtk_editable_get_text (rg_stock_dialog_get_field (self, field_names[i])));
  gtk_window_present (GTK_WINDOW (again));
  message = adw_message_dialog_new (GTK_WINDOW (again), _("Nothing Was Written"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
clear_error_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

static AdwEntryRow *
entry (GtkListBox *box,
       const char *title,
       gboolean    number)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (number)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect (row, "changed", G_CALLBACK (clear_error_cb), NULL);
  gtk_list_box_append (box, row);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
build (RgStockDialog *self)
{
  GtkWidget *box = gtk_list_box_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  RgDate today = rg_date_today ();
  g_autofree char *day = g_strdup_printf ("%02d.%02d.%04d", today.day, today.month, today.year);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");

  for (guint i = 0; i < self->items->len; i++)
    gtk_string_list_append (names, g_array_index (self->items, RgStockItem, i).name);
  self->item = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->item), _("Item"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->item), FALSE);
  adw_combo_row_set_model (self->item, G_LIST_MODEL (names));
  adw_combo_row_set_use_subtitle (self->item, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (box), GTK_WIDGET (self->item));

  self->quantity = entry (GTK_LIST_BOX (box), quantity_title (self->mode), TRUE);
  self->cost = entry (GTK_LIST_BOX (box), _("Cost of the Delivery"), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cost),
                               _("What the whole delivery cost: the average purchase cost follows it"));
  self->supplier = entry (GTK_LIST_BOX (box), _("Supplier"), FALSE);
  self->reason = entry (GTK_LIST_BOX (box), self->mode == RG_STOCK_DIALOG_COUNT ? _("Reason for a Difference")
                                                                                : _("Reason"), FALSE);
  self->date = entry (GTK_LIST_BOX (box), _("Date"), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->date), day);
  self->note = entry (GTK_LIST_BOX (box), _("Note"), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->cost), self->mode == RG_STOCK_DIALOG_RECEIVE);
  gtk_widget_set_visible (GTK_WIDGET (self->supplier), self->mode == RG_STOCK_DIALOG_RECEIVE);
  gtk_widget_set_visible (GTK_WIDGET (self->note), self->mode == RG_STOCK_DIALOG_RECEIVE);
  gtk_widget_set_visible (GTK_WIDGET (self->reason), self->mode != RG_STOCK_DIALOG_RECEIVE);
  g_signal_connect_swapped (self->item, "notify::selected", G_CALLBACK (item_changed_cb), self);
  return box;
}

static void
rg_stock_dialog_finalize (GObject *object)
{
  RgStockDialog *self = RG_STOCK_DIALOG (object);

  g_clear_object (&self->studio);
  g_clear_pointer (&self->items, g_array_unref);
  G_OBJECT_CLASS (rg_stock_dialog_parent_class)->finalize (object);
}

static void
rg_stock_dialog_class_init (RgStockDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_stock_dialog_finalize;
}

static void
rg_stock_dialog_init (RgStockDialog *self)
{
}

RgStockDialog *
rg_stock_dialog_new (GtkWindow         *parent,
                     RgStudio          *studio,
                     RgStockDialogMode  mode,
                     gint64             product_id)
{
  RgStockDialog *self;
  g_autoptr(GError) error = NULL;
  const char *heading, *apply;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  switch (mode)
    {
    case RG_STOCK_DIALOG_COUNT:
      heading = _("Stock-Taking");
      apply = _("_Save Count");
      break;
    case RG_STOCK_DIALOG_WRITE_OFF:
      heading = _("Write Off");
      apply = _("_Write Off");
      break;
    case RG_STOCK_DIALOG_RECEIVE:
    default:
      heading = _("Goods Received");
      apply = _("_Receive");
      break;
    }
  self = g_object_new (RG_TYPE_STOCK_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       NULL);
  self->studio = g_object_ref (studio);
  self->mode = mode;
  self->items = rg_studio_list_stock (studio, 0, &error);
  if (self->items == NULL)
    {
      g_warning ("Could not read the stock: %s", error->message);
      self->items = g_array_new (FALSE, TRUE, sizeof (RgStockItem));
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), build (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "apply", apply,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "apply",
                                              mode == RG_STOCK_DIALOG_WRITE_OFF ? ADW_RESPONSE_DESTRUCTIVE
                                                                                : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  if (product_id == 0 || !rg_stock_dialog_select (self, product_id))
    item_changed_cb (self);
  return self;
}
