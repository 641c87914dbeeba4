/* rg-discounts-page.c — the Studio window's "Discounts" page.
 *
 * From the top: the rule that combines discounts (rg_pricing_rule_text(),
 * as the till applies it); the studio-wide cap on a line's discounts and
 * whether a master's pay is counted from the price before or after the
 * discount; the cumulative card's tiers (a name, the paid spend that
 * reaches it, its percentage), written as a whole list so a refusal leaves
 * the stored one; and the promotions, each with its period, percentage and
 * what it covers: all services, all products, or the ones ticked. A
 * promotion above the cap is kept as typed, and the page says the till
 * cuts it to the cap.
 *
 * Amounts are read with rg_money_parse(), percentages with
 * rg_percent_parse(): integers only. A refusal says why in a toast and
 * leaves what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-discounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-money-settings.h"
#include "model/rg-pricing.h"
#include "model/rg-product.h"
#include "model/rg-promotion.h"
#include "model/rg-record-list.h"
#include "model/rg-service.h"
#include "model/rg-studio-settings.h"
#include "rg-studio-rows.h"
#include "rg-discounts-page.h"
#include "util/rg-money.h"

struct _RgDiscountsPage
{
  AdwPreferencesPage   parent_instance;

  RgStudio            *studio;
  RgRecordList        *promotions;
  RgRecordList        *services;
  RgRecordList        *products;
  GArray              *tiers;            /* RgCardTier, as stored */
  GPtrArray           *tier_rows;
  GPtrArray           *promotion_rows;
  gulong               changes_id;

  AdwEntryRow         *cap_row;
  GtkSwitch           *pay_switch;
  AdwPreferencesGroup *tiers_group;
  AdwEntryRow         *tier_name_row;
  AdwEntryRow         *tier_threshold_row;
  AdwEntryRow         *tier_percent_row;
  AdwPreferencesGroup *promotions_group;
  GtkWidget           *new_promotion_row;
};

G_DEFINE_FINAL_TYPE (RgDiscountsPage, rg_discounts_page, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild_promotions (RgDiscountsPage *self);

static GtkWidget *
switch_row (const char *title,
            const char *subtitle,
            gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "switch", toggle);
  return row;
}

static char *
percent_text (int basis_points)
{
  g_autofree char *number = rg_pricing_format_percent (basis_points);

  return g_strdup_printf ("%s %%", number);
}

/* The cap and who pays --------------------------------------------------------- */

static void
cap_apply_cb (RgDiscountsPage *self)
{
  g_autoptr(GError) error = NULL;
  int cap = 0;

  if (!rg_percent_parse (gtk_editable_get_text (GTK_EDITABLE (self->cap_row)), &cap, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->cap_row), "error");
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  if (cap % 10 != 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->cap_row), "error");
      g_set_error_literal (&error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("The cap takes at most one decimal, such as 25 or 12.5."));
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  if (!rg_studio_set_number (self->studio, RG_STUDIO_DISCOUNT_CAP, cap, &error))
    {
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  rebuild_promotions (self);
}

static void
pay_toggled_cb (GtkSwitch       *toggle,
                GParamSpec      *pspec,
                RgDiscountsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!rg_studio_set_number (self->studio, RG_STUDIO_PAY_AFTER_DISCOUNT, gtk_switch_get_active (toggle), &error))
    rg_studio_error_toast (GTK_WIDGET (self), error);
}

/* The card's tiers --------------------------------------------------------------- */

static void
load_tiers (RgDiscountsPage *self)
{
  g_autoptr(GError) error = NULL;
  GArray *tiers = rg_studio_list_card_tiers (self->studio, &error);

  if (tiers == NULL)
    {
      g_warning ("Could not read the card's tiers: %s", error->message);
      return;
    }
  g_clear_pointer (&self->tiers, g_array_unref);
  self->tiers = tiers;
}

static void
remove_tier_clicked_cb (GtkButton       *button,
                        RgDiscountsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr(GArray) rest = g_array_new (FALSE, FALSE, sizeof (RgCardTier));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->tiers->len; i++)
    if (i != index)
      g_array_append_val (rest, g_array_index (self->tiers, RgCardTier, i));
  if (!rg_studio_set_card_tiers (self->studio, (const RgCardTier *) rest->data, rest->len, &error))
    rg_studio_error_toast (GTK_WIDGET (self), error);
}

static gboolean read_tier (AdwEntryRow  *name,
                           AdwEntryRow  *threshold,
                           AdwEntryRow  *percent,
                           RgCardTier   *tier,
                           GError      **error);

static void
add_tier_cb (RgDiscountsPage *self)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (RgCardTier));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tier_name_row))));
  RgCardTier tier;

  if (*name == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->tier_name_row), "error");
  if (!read_tier (self->tier_name_row, self->tier_threshold_row, self->tier_percent_row, &tier, &error))
    {
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  g_array_append_vals (all, self->tiers->data, self->tiers->len);
  g_array_append_val (all, tier);
  if (!rg_studio_set_card_tiers (self->studio, (const RgCardTier *) all->data, all->len, &error))
    {
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->tier_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->tier_threshold_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->tier_percent_row), "");
}

/* One tier's fields in its row. */
typedef struct {
  guint        index;
  AdwEntryRow *name;
  AdwEntryRow *threshold;
  AdwEntryRow *percent;
} TierForm;

/* Reads a tier from the fields; FALSE with @error (the field marked) when
 * an amount or a percentage is not one. @tier->name points into a field. */
static gboolean
read_tier (AdwEntryRow  *name,
           AdwEntryRow  *threshold,
           AdwEntryRow  *percent,
           RgCardTier   *tier,
           GError      **error)
{
  tier->name = (char *) gtk_editable_get_text (GTK_EDITABLE (name));
  if (!rg_money_parse (gtk_editable_get_text (GTK_EDITABLE (threshold)), &tier->threshold, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (threshold), "error");
      return FALSE;
    }
  if (!rg_percent_parse (gtk_editable_get_text (GTK_EDITABLE (percent)), &tier->percent, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (percent), "error");
      return FALSE;
    }
  return TRUE;
}

static void
save_tier_clicked_cb (GtkButton       *button,
                      RgDiscountsPage *self)
{
  const TierForm *form = g_object_get_data (G_OBJECT (button), "form");
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (RgCardTier));
  g_autoptr(GError) error = NULL;
  RgCardTier tier;

  if (!read_tier (form->name, form->threshold, form->percent, &tier, &error))
    {
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  g_array_append_vals (all, self->tiers->data, self->tiers->len);
  g_array_index (all, RgCardTier, form->index) = tier;
  if (!rg_studio_set_card_tiers (self->studio, (const RgCardTier *) all->data, all->len, &error))
    rg_studio_error_toast (GTK_WIDGET (self), error);
}

static void
rebuild_tiers (RgDiscountsPage *self)
{
  for (guint i = 0; i < self->tier_rows->len; i++)
    adw_preferences_group_remove (self->tiers_group, self->tier_rows->pdata[i]);
  g_ptr_array_set_size (self->tier_rows, 0);

  for (guint i = 0; self->tiers && i < self->tiers->len; i++)
    {
      const RgCardTier *tier = &g_array_index (self->tiers, RgCardTier, i);
      g_autofree char *threshold = rg_format_money (tier->threshold);
      g_autofree char *threshold_text = rg_format_money_editable (tier->threshold);
      g_autofree char *percent = percent_text (tier->percent);
      g_autofree char *percent_number = rg_pricing_format_percent (tier->percent);
      /* Translators: a card tier's spend threshold and discount, e.g. "From 10,000.00 spent: 5 % off" */
      g_autofree char *subtitle = g_strdup_printf (_("From %s spent: %s off"), threshold, percent);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
      GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
      TierForm *form = g_new0 (TierForm, 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tier->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

      form->index = i;
      form->name = rg_studio_entry_row (_("Tier Name"), FALSE);
      form->threshold = rg_studio_entry_row (_("Spend Threshold"), TRUE);
      form->percent = rg_studio_entry_row (_("Tier Discount, %"), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (form->name), tier->name);
      gtk_editable_set_text (GTK_EDITABLE (form->threshold), threshold_text);
      gtk_editable_set_text (GTK_EDITABLE (form->percent), percent_number);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->name));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->threshold));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->percent));

      gtk_widget_set_tooltip_text (remove, _("Remove the Tier"));
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_tier_clicked_cb), self);
      gtk_widget_add_css_class (save, "suggested-action");
      g_object_set_data_full (G_OBJECT (save), "form", form, g_free);
      g_signal_connect (save, "clicked", G_CALLBACK (save_tier_clicked_cb), self);
      gtk_widget_set_halign (buttons, GTK_ALIGN_END);
      gtk_widget_set_margin_top (buttons, 6);
      gtk_widget_set_margin_bottom (buttons, 6);
      gtk_widget_set_margin_end (buttons, 12);
      gtk_box_append (GTK_BOX (buttons), remove);
      gtk_box_append (GTK_BOX (buttons), save);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), buttons);

      adw_preferences_group_add (self->tiers_group, row);
      g_ptr_array_add (self->tier_rows, row);
    }
}

/* Promotions --------------------------------------------------------------------- */

/* One promotion's fields: the new one's form, or an existing one's row. */
typedef struct {
  RgPromotion *promotion;              /* owned; id 0 for the new one */
  AdwEntryRow *name;
  AdwEntryRow *starts;
  AdwEntryRow *ends;
  AdwEntryRow *percent;
  GtkWidget   *cap_note;
  GtkSwitch   *all_services;
  GtkSwitch   *all_products;
  GPtrArray   *service_checks;         /* GtkCheckButton, "id" data */
  GPtrArray   *product_checks;
  GtkWidget   *services_row;
  GtkWidget   *products_row;
} PromotionForm;

static void
promotion_form_free (PromotionForm *form)
{
  g_clear_object (&form->promotion);
  g_clear_pointer (&form->service_checks, g_ptr_array_unref);
  g_clear_pointer (&form->product_checks, g_ptr_array_unref);
  g_free (form);
}

static void
update_cap_note (RgDiscountsPage *self,
                 PromotionForm   *form)
{
  g_autofree char *note = NULL;
  int percent = 0;

  if (rg_percent_parse (gtk_editable_get_text (GTK_EDITABLE (form->percent)), &percent, NULL))
    note = rg_studio_describe_cap (self->studio, percent);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->cap_note), note ? note : "");
  gtk_widget_set_visible (form->cap_note, note != NULL);
}

static void
percent_changed_cb (AdwEntryRow *row,
                    PromotionForm *form)
{
  RgDiscountsPage *self = g_object_get_data (G_OBJECT (row), "page");

  update_cap_note (self, form);
}

static void
all_toggled_cb (GtkSwitch     *toggle,
                GParamSpec    *pspec,
                PromotionForm *form)
{
  gtk_widget_set_sensitive (form->services_row, !gtk_switch_get_active (form->all_services));
  gtk_widget_set_sensitive (form->products_row, !gtk_switch_get_active (form->all_products));
}

static void
update_chosen (GtkWidget *row)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "checks");
  g_autofree char *subtitle = NULL;
  guint n = 0;

  for (guint i = 0; i < checks->len; i++)
    n += gtk_check_button_get_active (checks->pdata[i]);
  /* Translators: how many services or products a promotion covers */
  subtitle = n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", n), n)
               : g_strdup (_("None chosen"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

/* A row that says how many of @list are chosen, with a popover of check
 * buttons, one per item. */
static GtkWidget *
choice_row (const char    *title,
            RgRecordList  *list,
            const char    *(*name) (gpointer),
            GArray        *chosen,
            GPtrArray     *checks)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = rg_record_get_id (RG_RECORD (item));
      GtkWidget *check = gtk_check_button_new_with_label (name (item));
      gboolean on = FALSE;

      for (guint j = 0; chosen && j < chosen->len && !on; j++)
        on = g_array_index (chosen, gint64, j) == id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      g_object_set_data_full (G_OBJECT (check), "id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_chosen), row);
      g_ptr_array_add (checks, check);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, title);
  gtk_widget_set_sensitive (button, n > 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "checks", checks);
  update_chosen (row);
  return row;
}

static const char *
service_name (gpointer item)
{
  return rg_service_get_name (item);
}

static const char *
product_name (gpointer item)
{
  return rg_product_get_name (item);
}

static GArray *
checked_ids (GPtrArray *checks)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      g_array_append_val (ids, *(gint64 *) g_object_get_data (checks->pdata[i], "id"));
  return ids;
}

static void
save_promotion_clicked_cb (GtkButton       *button,
                           RgDiscountsPage *self)
{
  PromotionForm *form = g_object_get_data (G_OBJECT (button), "form");
  RgPromotion *promotion = form->promotion;
  gboolean is_new = rg_record_get_id (RG_RECORD (promotion)) == 0;
  g_autoptr(RgPromotion) draft = NULL;
  g_autoptr(GArray) services = NULL;
  g_autoptr(GArray) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  RgDate starts, ends;
  int percent = 0;

  if (!rg_date_parse_day (gtk_editable_get_text (GTK_EDITABLE (form->starts)), &starts, NULL, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (form->starts), "error");
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  if (!rg_date_parse_day (gtk_editable_get_text (GTK_EDITABLE (form->ends)), &ends, NULL, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (form->ends), "error");
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
  if (!rg_percent_parse (gtk_editable_get_text (GTK_EDITABLE (form->percent)), &percent, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (form->percent), "error");
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }

  /* A new one is written from a draft of its own: a refused insert leaves
   * the form's object clean for the next try. */
  draft = is_new ? rg_promotion_new (NULL, NULL, NULL, 0) : g_object_ref (promotion);
  starts_on = rg_date_to_iso (starts);
  ends_on = rg_date_to_iso (ends);
  services = checked_ids (form->service_checks);
  products = checked_ids (form->product_checks);
  g_object_freeze_notify (G_OBJECT (draft));
  rg_promotion_set_name (draft, gtk_editable_get_text (GTK_EDITABLE (form->name)));
  rg_promotion_set_starts_on (draft, starts_on);
  rg_promotion_set_ends_on (draft, ends_on);
  rg_promotion_set_percent (draft, percent);
  rg_promotion_set_all_services (draft, gtk_switch_get_active (form->all_services));
  rg_promotion_set_all_products (draft, gtk_switch_get_active (form->all_products));
  g_object_thaw_notify (G_OBJECT (draft));

  if (!rg_studio_save_promotion (self->studio, draft, (const gint64 *) services->data, services->len,
                                 (const gint64 *) products->data, products->len, &error))
    {
      if (!is_new)
        rg_studio_reload (self->studio, promotion, NULL);
      rg_studio_error_toast (GTK_WIDGET (self), error);
      return;
    }
}

static void
archive_promotion_clicked_cb (GtkButton       *button,
                              RgDiscountsPage *self)
{
  PromotionForm *form = g_object_get_data (G_OBJECT (button), "form");
  g_autoptr(GError) error = NULL;

  rg_promotion_set_archived (form->promotion, TRUE);
  if (!rg_studio_save (self->studio, form->promotion, &error))
    {
      rg_studio_reload (self->studio, form->promotion, NULL);
      rg_studio_error_toast (GTK_WIDGET (self), error);
    }
}

static char *
describe_promotion (RgPromotion *promotion)
{
  RgDate starts = { 0 }, ends = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *percent = percent_text (rg_promotion_get_percent (promotion));
  const char *covers;

  rg_date_from_iso (rg_promotion_get_starts_on (promotion), &starts);
  rg_date_from_iso (rg_promotion_get_ends_on (promotion), &ends);
  from = rg_format_day (starts);
  to = rg_format_day (ends);
  if (rg_promotion_get_all_services (promotion) && rg_promotion_get_all_products (promotion))
    covers = _("everything");
  else if (rg_promotion_get_all_services (promotion))
    covers = _("all services");
  else if (rg_promotion_get_all_products (promotion))
    covers = _("all products");
  else
    covers = _("chosen services and products");
  /* Translators: a promotion's period, percentage and what it covers, e.g.
   * "Sun, 1 March 2026 – Tue, 31 March 2026 · 15 % off all services" */
  return g_strdup_printf (_("%s – %s · %s off %s"), from, to, percent, covers);
}

/* The fields of @promotion (a new one's when its id is 0) inside @row. */
static PromotionForm *
promotion_form (RgDiscountsPage *self,
                GtkWidget       *row,
                RgPromotion     *promotion)
{
  PromotionForm *form = g_new0 (PromotionForm, 1);
  gboolean is_new = rg_record_get_id (RG_RECORD (promotion)) == 0;
  g_autoptr(GArray) services = NULL;
  g_autoptr(GArray) products = NULL;
  GtkWidget *all_services, *all_products, *buttons, *save;

  form->promotion = g_object_ref (promotion);
  form->service_checks = g_ptr_array_new ();
  form->product_checks = g_ptr_array_new ();
  if (!is_new)
    {
      g_autoptr(GError) error = NULL;

      if (!rg_studio_list_promotion_items (self->studio, rg_record_get_id (RG_RECORD (promotion)),
                                           &services, &products, &error))
        g_warning ("Could not read a promotion's items: %s", error->message);
    }

  form->name = rg_studio_entry_row (_("Name"), FALSE);
  form->starts = rg_studio_entry_row (_("First Day"), FALSE);
  form->ends = rg_studio_entry_row (_("Last Day"), FALSE);
  form->percent = rg_studio_entry_row (_("Discount, %"), TRUE);
  form->cap_note = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (form->cap_note), FALSE);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (form->cap_note), "dialog-warning-symbolic");
  gtk_widget_add_css_class (form->cap_note, "warning");
  all_services = switch_row (_("All Services"), NULL, rg_promotion_get_all_services (promotion));
  all_products = switch_row (_("All Products"), NULL, rg_promotion_get_all_products (promotion));
  form->all_services = g_object_get_data (G_OBJECT (all_services), "switch");
  form->all_products = g_object_get_data (G_OBJECT (all_products), "switch");
  form->services_row = choice_row (_("Chosen Services"), self->services, service_name, services,
                                   form->service_checks);
  form->products_row = choice_row (_("Chosen Products"), self->products, product_name, products,
                                   form->product_checks);

  if (!is_new)
    {
      g_autofree char *percent = rg_pricing_format_percent (rg_promotion_get_percent (promotion));

      gtk_editable_set_text (GTK_EDITABLE (form->name), rg_promotion_get_name (promotion));
      gtk_editable_set_text (GTK_EDITABLE (form->starts), rg_promotion_get_starts_on (promotion));
      gtk_editable_set_text (GTK_EDITABLE (form->ends), rg_promotion_get_ends_on (promotion));
      gtk_editable_set_text (GTK_EDITABLE (form->percent), percent);
    }
  else
    {
      g_autofree char *today = rg_date_to_iso (rg_date_today ());

      gtk_editable_set_text (GTK_EDITABLE (form->starts), today);
      gtk_editable_set_text (GTK_EDITABLE (form->ends), today);
    }
  g_object_set_data (G_OBJECT (form->percent), "page", self);
  g_signal_connect (form->percent, "changed", G_CALLBACK (percent_changed_cb), form);
  g_signal_connect (form->all_services, "notify::active", G_CALLBACK (all_toggled_cb), form);
  g_signal_connect (form->all_products, "notify::active", G_CALLBACK (all_toggled_cb), form);
  update_cap_note (self, form);
  all_toggled_cb (NULL, NULL, form);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->name));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->starts));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->ends));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (form->percent));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), form->cap_note);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), all_services);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), form->services_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), all_products);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), form->products_row);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_widget_set_margin_end (buttons, 12);
  if (!is_new)
    {
      GtkWidget *archive = gtk_button_new_with_mnemonic (_("_End and Archive"));

      gtk_widget_set_tooltip_text (archive, _("The promotion applies no more; its sales keep it"));
      g_object_set_data (G_OBJECT (archive), "form", form);
      g_signal_connect (archive, "clicked", G_CALLBACK (archive_promotion_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), archive);
    }
  save = gtk_button_new_with_mnemonic (is_new ? _("_Add Promotion") : _("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_object_set_data (G_OBJECT (save), "form", form);
  g_signal_connect (save, "clicked", G_CALLBACK (save_promotion_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), save);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), buttons);

  g_object_set_data_full (G_OBJECT (row), "form", form, (GDestroyNotify) promotion_form_free);
  return form;
}

static void
promotion_notify_cb (GtkWidget   *row,
                     GParamSpec  *pspec,
                     RgPromotion *promotion)
{
  g_autofree char *subtitle = describe_promotion (promotion);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_promotion_get_name (promotion));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static void
rebuild_promotions (RgDiscountsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->promotions));

  for (guint i = 0; i < self->promotion_rows->len; i++)
    adw_preferences_group_remove (self->promotions_group, self->promotion_rows->pdata[i]);
  g_ptr_array_set_size (self->promotion_rows, 0);

  /* The form for a new one, first. */
  {
    g_autoptr(RgPromotion) draft = rg_promotion_new (NULL, NULL, NULL, 0);
    GtkWidget *row = adw_expander_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New Promotion"));
    promotion_form (self, row, draft);
    adw_preferences_group_add (self->promotions_group, row);
    g_ptr_array_add (self->promotion_rows, row);
    self->new_promotion_row = row;
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPromotion) promotion = g_list_model_get_item (G_LIST_MODEL (self->promotions), i);
      GtkWidget *row = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      promotion_notify_cb (row, NULL, promotion);
      promotion_form (self, row, promotion);
      g_signal_connect_object (promotion, "notify", G_CALLBACK (promotion_notify_cb), row, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->promotions_group, row);
      g_ptr_array_add (self->promotion_rows, row);
    }
}

/* Whatever changed the settings (here, or the tiers and the cap elsewhere). */
static void
studio_changes_cb (RgDiscountsPage *self,
                   RgChanges        changes)
{
  if (!(changes & RG_CHANGES_SETTINGS))
    return;
  load_tiers (self);
  rebuild_tiers (self);
}

static void
catalogue_changed_cb (RgDiscountsPage *self)
{
  rebuild_promotions (self);
}

/* The page for @studio's Studio window. */
RgDiscountsPage *
rg_discounts_page_new (RgStudio *studio)
{
  RgDiscountsPage *self;
  GtkWidget *group, *add, *label, *row;
  g_autofree char *cap = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  self = g_object_new (RG_TYPE_DISCOUNTS_PAGE,
                       "name", "discounts",
                       "title", _("_Discounts"),
                       "use-underline", TRUE,
                       "icon-name", "emblem-documents-symbolic",
                       NULL);
  self->studio = g_object_ref (studio);
  self->promotions = rg_record_list_new_promotions (studio, FALSE);
  self->services = rg_record_list_new_services (studio, FALSE);
  self->products = rg_record_list_new_products (studio, FALSE);

  /* The rule, as the till applies it. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("How Discounts Combine"));
  label = gtk_label_new (rg_pricing_rule_text ());
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  /* The cap and who pays for a discount. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Limits"));
  self->cap_row = rg_studio_entry_row (_("Cap on a Line’s Discounts, %"), TRUE);
  adw_entry_row_set_show_apply_button (self->cap_row, TRUE);
  cap = rg_pricing_format_percent ((int) rg_studio_get_number (studio, RG_STUDIO_DISCOUNT_CAP));
  gtk_editable_set_text (GTK_EDITABLE (self->cap_row), cap);
  g_signal_connect_swapped (self->cap_row, "apply", G_CALLBACK (cap_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->cap_row));
  row = switch_row (_("Masters’ Pay Is Counted from the Price After the Discount"),
                    _("On: a discount lowers the master’s pay too, so the master and the studio share it. "
                      "Off: the master earns from the full price and the whole discount comes out of the "
                      "studio’s share — a deep discount can then cost more than the visit brings."),
                    rg_studio_get_number (studio, RG_STUDIO_PAY_AFTER_DISCOUNT) != 0);
  self->pay_switch = g_object_get_data (G_OBJECT (row), "switch");
  g_signal_connect (self->pay_switch, "notify::active", G_CALLBACK (pay_toggled_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  /* The card's tiers, and a form to add one. */
  self->tiers_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->tiers_group, _("Card Tiers"));
  adw_preferences_group_set_description (self->tiers_group,
                                         _("A client’s tier follows what they have paid in all; the highest "
                                           "tier reached gives its discount."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->tiers_group);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Tier"));
  self->tier_name_row = rg_studio_entry_row (_("Tier Name"), FALSE);
  self->tier_threshold_row = rg_studio_entry_row (_("Spend Threshold"), TRUE);
  self->tier_percent_row = rg_studio_entry_row (_("Tier Discount, %"), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->tier_name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->tier_threshold_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->tier_percent_row));
  add = gtk_button_new_with_mnemonic (_("Add _Tier"));
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add, 6);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_tier_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  /* Promotions. */
  self->promotions_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->promotions_group, _("Promotions"));
  adw_preferences_group_set_description (self->promotions_group,
                                         _("A percentage off the services and products a promotion covers, "
                                           "from its first day to its last."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->promotions_group);

  self->changes_id = g_signal_connect_swapped (studio, "changes", G_CALLBACK (studio_changes_cb), self);
  g_signal_connect_object (self->promotions, "items-changed", G_CALLBACK (catalogue_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->services, "items-changed", G_CALLBACK (catalogue_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->products, "items-changed", G_CALLBACK (catalogue_changed_cb), self,
                           G_CONNECT_SWAPPED);

  load_tiers (self);
  rebuild_tiers (self);
  rebuild_promotions (self);
  return self;
}

static void
rg_discounts_page_dispose (GObject *object)
{
  RgDiscountsPage *self = RG_DISCOUNTS_PAGE (object);

  if (self->studio)
    g_clear_signal_handler (&self->changes_id, self->studio);
  if (self->tier_rows)
    g_ptr_array_set_size (self->tier_rows, 0);
  if (self->promotion_rows)
    g_ptr_array_set_size (self->promotion_rows, 0);
  g_clear_object (&self->promotions);
  g_clear_object (&self->services);
  g_clear_object (&self->products);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_discounts_page_parent_class)->dispose (object);
}

static void
rg_discounts_page_finalize (GObject *object)
{
  RgDiscountsPage *self = RG_DISCOUNTS_PAGE (object);

  g_clear_pointer (&self->tiers, g_array_unref);
  g_clear_pointer (&self->tier_rows, g_ptr_array_unref);
  g_clear_pointer (&self->promotion_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_discounts_page_parent_class)->finalize (object);
}

static void
rg_discounts_page_class_init (RgDiscountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_discounts_page_dispose;
  object_class->finalize = rg_discounts_page_finalize;
}

static void
rg_discounts_page_init (RgDiscountsPage *self)
{
  self->tier_rows = g_ptr_array_new ();
  self->promotion_rows = g_ptr_array_new ();
}
