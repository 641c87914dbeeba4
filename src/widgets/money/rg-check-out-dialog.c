/* rg-check-out-dialog.c — the till.
 *
 * One window for a visit's check-out (or a sale without a visit): the
 * lines (the visit's services, products, tips; master, quantity, price and
 * a one-off discount per line; a deposit top-up, a subscription or a gift
 * certificate sold, which take neither), the sale's own discount (and a
 * referral reward's), the client's card, the total with the points it
 * earns, and the payments (cash with change, card, bank transfer; the
 * client's deposit, points and subscriptions; a gift certificate anyone
 * brings; any together). Every change is priced again by the model
 * (rg_studio_quote_sale()), so what the desk sees is what will be written;
 * a line sold below its cost, or below its cost and its master's pay, is
 * shown and asked about once more before the sale is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-check-out"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-client.h"
#include "model/rg-format.h"
#include "model/rg-prepaid.h"
#include "model/rg-product.h"
#include "model/rg-record-list.h"
#include "model/rg-service.h"
#include "model/rg-staff.h"
#include "model/rg-studio-settings.h"
#include "util/rg-money.h"
#include "model/rg-roles.h"
#include "widgets/lock/rg-approval-dialog.h"
#include "rg-check-out-dialog.h"

/* The payments typed as sums. */
enum { PAY_CASH, PAY_CARD, PAY_TRANSFER, PAY_DEPOSIT, PAY_POINTS, PAY_CERTIFICATE, N_PAY };

static const RgPaymentMethod entry_methods[N_PAY] = {
  RG_PAYMENT_CASH, RG_PAYMENT_CARD, RG_PAYMENT_TRANSFER,
  RG_PAYMENT_DEPOSIT, RG_PAYMENT_POINTS, RG_PAYMENT_CERTIFICATE,
};

typedef struct {
  AdwExpanderRow *row;
  gboolean        filled;          /* its fields made (see fill_line_row) */
  AdwComboRow    *master;          /* NULL: a prepaid line has none */
  GtkSpinButton  *quantity;
  GtkEditable    *price;           /* NULL: the item's own price (a subscription, a service's certificate) */
  GtkEditable    *number;          /* a certificate sold: its number */
  GtkEditable    *discount;
  GtkEditable    *reason;
  GtkLabel       *sum;
  GtkImage       *warning;
} LineWidgets;

struct _RgCheckOutDialog
{
  AdwWindow        parent_instance;

  RgStudio        *studio;
  gint64           appointment_id;
  gint64           client_id;
  RgSaleDraft     *draft;
  RgSaleQuote     *quote;
  char            *error;
  GListModel      *staff;          /* RgStaff, live */
  RgRecordList    *services;       /* the live ones, as the Studio window lists them */
  RgRecordList    *products;
  GListModel      *for_sale;       /* the products that are sold (materials are not) */
  GArray          *lines;          /* LineWidgets, as the draft's lines */
  gboolean         filling;

  AdwPreferencesGroup *lines_group;
  AdwComboRow     *add_service;
  AdwComboRow     *add_product;
  GtkEditable     *sale_discount;
  GtkEditable     *sale_reason;
  AdwActionRow    *card_row;
  GtkLabel        *total_label;
  GtkLabel        *discount_label;
  AdwActionRow    *due_row;
  GtkLabel        *due_label;
  GtkEditable     *payments[N_PAY];  /* AdwEntryRow, by entry_methods */
  AdwActionRow    *total_row;

  /* Prepaid: what the client holds, read when the dialog opens. */
  RgClientBalances *balances;      /* NULL: a walk-in */
  GArray          *kinds;          /* RgSubscriptionKind the till sells */
  char            *next_number;    /* the next free certificate number, as suggested */
  GPtrArray       *subscription_switches;  /* GtkSwitch, by balances->subscriptions */
  GPtrArray       *subscription_rows;      /* AdwActionRow, the same */
  AdwComboRow     *add_subscription;
  AdwComboRow     *add_certificate;
  AdwEntryRow     *certificate_number;
  GtkWidget       *certificate_find;
  AdwActionRow    *certificate_row;        /* what was found, or why it cannot pay */
  RgCertificate    certificate;            /* id 0: none found */
  gboolean         certificate_usable;
  AdwActionRow    *reward_row;
  GtkSwitch       *reward_switch;
  GtkLabel        *error_label;
  GtkRevealer     *error_revealer;
  GtkWidget       *check_out_button;
};

G_DEFINE_FINAL_TYPE (RgCheckOutDialog, rg_check_out_dialog, ADW_TYPE_WINDOW)

enum { CHECKED_OUT, N_SIGNALS };
static guint signals[N_SIGNALS];


static void requote (RgCheckOutDialog *self);
static void show_prepaid (RgCheckOutDialog *self);
static const char *item_name (RgCheckOutDialog      *self,
                              const RgSaleLineDraft *line);

/* Input --------------------------------------------------------------------- */

/* "10%", "7.5 %": basis points; "150", "150.50": an amount. Empty: none. */
static gboolean
parse_discount (const char *text,
                int        *percent,
                gint64     *amount)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  gsize n = strlen (clean);
  gint64 value = 0;

  *percent = 0, *amount = 0;
  if (n == 0)
    return TRUE;
  if (clean[n - 1] == '%')
    {
      clean[n - 1] = '\0';
      if (!rg_money_parse (clean, &value, NULL) || value > 10000)
        return FALSE;
      *percent = (int) value;   /* hundredths of a percent: basis points */
      return TRUE;
    }
  if (!rg_money_parse (clean, &value, NULL))
    return FALSE;
  *amount = value;
  return TRUE;
}

static gboolean
parse_amount (GtkEditable *editable,
              gint64      *amount)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *clean = g_strstrip (g_strdup (text));

  *amount = 0;
  if (*clean == '\0')
    return TRUE;
  return rg_money_parse (clean, amount, NULL);
}

static void
mark (GtkEditable *editable,
      gboolean     good)
{
  if (good)
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
}

/* The staff member at @position of the master list (0: nobody). */
static gint64
staff_at (RgCheckOutDialog *self,
          guint             position)
{
  g_autoptr(RgStaff) staff = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return 0;
  staff = g_list_model_get_item (self->staff, position - 1);
  return staff ? rg_record_get_id (RG_RECORD (staff)) : 0;
}

static guint
position_of_staff (RgCheckOutDialog *self,
                   gint64            staff_id)
{
  for (guint i = 0; staff_id && i < g_list_model_get_n_items (self->staff); i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (self->staff, i);

      if (rg_record_get_id (RG_RECORD (staff)) == staff_id)
        return i + 1;
    }
  return 0;
}

/* Whether the client's subscription @sub covers the draft's line @index. */
static gboolean
covers (const RgSubscription  *sub,
        const RgSaleLineDraft *line)
{
  for (guint j = 0; line->kind == RG_SALE_LINE_SERVICE && j < sub->service_ids->len; j++)
    if (g_array_index (sub->service_ids, gint64, j) == line->item_id)
      return TRUE;
  return FALSE;
}

/* Each subscription switched on pays with one visit the first service
 * line it covers that no other pays; a row shows only while the sale has a
 * line it covers. */
static void
read_subscriptions (RgCheckOutDialog *self)
{
  g_autofree gboolean *taken = g_new0 (gboolean, self->draft->lines->len + 1);

  for (guint s = 0; self->subscription_switches && s < self->subscription_switches->len; s++)
    {
      const RgSubscription *sub = &g_array_index (self->balances->subscriptions, RgSubscription, s);
      AdwActionRow *row = self->subscription_rows->pdata[s];
      g_autofree char *subtitle = NULL;
      gboolean any = FALSE;
      int pays = -1;

      for (guint i = 0; i < self->draft->lines->len; i++)
        {
          const RgSaleLineDraft *line = rg_sale_draft_get_line (self->draft, i);

          if (!covers (sub, line))
            continue;
          any = TRUE;
          if (pays < 0 && !taken[i] && line->quantity == 1 &&
              gtk_switch_get_active (self->subscription_switches->pdata[s]))
            pays = (int) i;
        }
      gtk_widget_set_visible (GTK_WIDGET (row), any);
      if (pays >= 0)
        {
          taken[pays] = TRUE;
          rg_sale_draft_add_instrument (self->draft, RG_PAYMENT_SUBSCRIPTION, 0, sub->id, pays);
          /* Translators: a subscription's visit pays this line of the sale */
          subtitle = g_strdup_printf (_("Pays “%s” with one visit"),
                                      item_name (self, rg_sale_draft_get_line (self->draft, pays)));
        }
      else if (sub->expires_at)
        {
          g_autofree char *until = rg_format_date (sub->expires_at - 1);

          /* Translators: "Manicure, Pedicure · until 31 May 2027" */
          subtitle = g_strdup_printf (_("%s · until %s"), sub->services, until);
        }
      else
        subtitle = g_strdup (sub->services);
      adw_action_row_set_subtitle (row, subtitle);
    }
}

/* Every field into the draft; FALSE when one cannot be read (it is marked). */
static gboolean
read_fields (RgCheckOutDialog *self)
{
  gboolean good = TRUE;
  int percent;
  gint64 amount;

  for (guint i = 0; i < self->lines->len; i++)
    {
      LineWidgets *w = &g_array_index (self->lines, LineWidgets, i);
      RgSaleLineDraft *line = rg_sale_draft_get_line (self->draft, i);
      gboolean ok;

      if (!w->filled)
        continue;   /* never opened: the draft's values stand */
      if (w->master)
        line->staff_id = staff_at (self, adw_combo_row_get_selected (w->master));
      if (w->quantity)
        line->quantity = gtk_spin_button_get_value_as_int (w->quantity);
      if (w->price)
        {
          ok = parse_amount (w->price, &amount) && *gtk_editable_get_text (w->price);
          mark (w->price, ok);
          if (ok)
            line->list_price = amount;
          good &= ok;
        }
      if (w->number)
        {
          g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (w->number)));

          /* The number suggested stays the model's to give: two lines get two. */
          g_free (line->reference);
          line->reference = *number && g_strcmp0 (number, self->next_number) != 0 ? g_steal_pointer (&number) : NULL;
        }
      if (w->discount == NULL)
        continue;   /* a tip or a prepaid line takes no discount */
      ok = parse_discount (gtk_editable_get_text (w->discount), &percent, &amount);
      mark (w->discount, ok);
      if (ok)
        line->one_off = percent, line->one_off_amount = amount;
      good &= ok;
      g_free (line->one_off_reason);
      line->one_off_reason = g_strstrip (g_strdup (gtk_editable_get_text (w->reason)));
    }

  {
    gboolean ok = parse_discount (gtk_editable_get_text (self->sale_discount), &percent, &amount);

    mark (self->sale_discount, ok);
    if (ok)
      self->draft->one_off = percent, self->draft->one_off_amount = amount;
    good &= ok;
    g_free (self->draft->one_off_reason);
    self->draft->one_off_reason = g_strstrip (g_strdup (gtk_editable_get_text (self->sale_reason)));
  }
  self->draft->reward_discount_id = 0;
  if (self->reward_switch && gtk_switch_get_active (self->reward_switch))
    self->draft->reward_discount_id = g_array_index (self->balances->reward_discounts, RgRewardDiscount, 0).id;

  g_array_set_size (self->draft->payments, 0);
  read_subscriptions (self);
  if (self->certificate.id && self->certificate_usable && self->certificate.service_id)
    rg_sale_draft_add_instrument (self->draft, RG_PAYMENT_CERTIFICATE, 0, self->certificate.id, -1);
  for (guint m = 0; m < N_PAY; m++)
    {
      gboolean ok;

      if (!gtk_widget_get_visible (GTK_WIDGET (self->payments[m])))
        continue;
      ok = parse_amount (self->payments[m], &amount);
      mark (self->payments[m], ok);
      good &= ok;
      if (!ok || amount <= 0)
        continue;
      if (entry_methods[m] == RG_PAYMENT_CERTIFICATE)
        rg_sale_draft_add_instrument (self->draft, RG_PAYMENT_CERTIFICATE, amount, self->certificate.id, -1);
      else
        rg_sale_draft_add_payment (self->draft, entry_methods[m], amount);
    }
  return good;
}

/* Output -------------------------------------------------------------------- */

static void
show_error (RgCheckOutDialog *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* "Below its cost: 546.00 for 600.00" — or NULL when the line pays. */
static char *
describe_margin (const RgPriceLine *line,
                 const char        *master)
{
  g_autofree char *price = rg_format_price (line->price);
  g_autofree char *cost = rg_format_price (line->cost);
  g_autofree char *pay = rg_format_price (line->pay);
  g_autofree char *loss = rg_format_price (line->cost - line->price);

  switch (line->margin)
    {
    case RG_MARGIN_BELOW_COST:
      /* Translators: "Conditioner: 546.00 is below its cost of 600.00, a loss of 54.00." */
      return g_strdup_printf (_("%s: %s is below its cost of %s, a loss of %s."), line->name, price, cost, loss);
    case RG_MARGIN_BELOW_COST_AND_PAY:
      /* Translators: "Manicure: 400.00 does not cover its cost of 50.00 and Marina's pay of 380.00." */
      return g_strdup_printf (_("%s: %s does not cover its cost of %s and %s’s pay of %s."), line->name, price, cost,
                              master ? master : _("the master"), pay);
    case RG_MARGIN_OK:
    default:
      return NULL;
    }
}

/* The client's cumulative card, or "Walk-in". */
static void
show_card (RgCheckOutDialog *self,
           const char       *card_name,
           int               card,
           gint64            spend_amount,
           const char       *next_tier_name,
           gint64            to_next_tier)
{
  if (self->client_id == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->card_row), _("Walk-in"));
      adw_action_row_set_subtitle (self->card_row, _("No client card"));
    }
  else
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *spend = rg_format_price (spend_amount);

      if (card_name)
        title = rg_pricing_describe_tier (card_name, card);
      else
        title = g_strdup (_("No card tier yet"));
      if (next_tier_name)
        {
          g_autofree char *to_next = rg_format_price (to_next_tier);

          /* Translators: "Spent 35,000 · 25,000 to Gold" */
          subtitle = g_strdup_printf (_("Spent %s · %s to %s"), spend, to_next, next_tier_name);
        }
      else
        subtitle = g_strdup_printf (_("Spent %s"), spend);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->card_row), title);
      adw_action_row_set_subtitle (self->card_row, subtitle);
    }
}

/* Nothing on the sale yet: nothing to say but the card. */
static void
show_empty (RgCheckOutDialog *self)
{
  g_auto(RgClientCardTier) tier = { 0 };

  show_error (self, NULL);
  gtk_label_set_text (self->total_label, "—");
  gtk_label_set_text (self->discount_label, "—");
  gtk_label_set_text (self->due_label, "—");
  if (self->client_id)
    rg_studio_read_card_tier (self->studio, self->client_id, &tier, NULL);
  show_card (self, tier.tier, tier.percent, tier.spend, tier.next_tier, tier.to_next_tier);
  for (guint s = 0; self->subscription_rows && s < self->subscription_rows->len; s++)
    gtk_widget_set_visible (self->subscription_rows->pdata[s], FALSE);
  show_prepaid (self);
  gtk_widget_set_sensitive (self->check_out_button, FALSE);
}

/* The points the sale earns under the total; what the deposit and the
 * points can pay in their rows' titles. */
static void
show_prepaid (RgCheckOutDialog *self)
{
  const RgSaleQuote *quote = self->quote;
  g_autofree char *earns = NULL;

  if (quote && quote->points_earned > 0)
    earns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Earns %lld point", "Earns %lld points",
                                          (gulong) quote->points_earned),
                             (long long) quote->points_earned);
  adw_action_row_set_subtitle (self->total_row, earns ? earns : "");

  if (self->balances == NULL)
    return;
  if (self->balances->deposit > 0)
    {
      g_autofree char *on = rg_format_price (self->balances->deposit);
      /* Translators: the deposit's payment row, with what is on it */
      g_autofree char *title = g_strdup_printf (_("Deposit · %s on it"), on);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->payments[PAY_DEPOSIT]), title);
    }
  if (self->balances->points > 0)
    {
      gint64 worth = self->balances->points * self->balances->point_value;
      g_autofree char *value = rg_format_price (worth);
      g_autofree char *limit = quote ? rg_format_price (MIN (quote->points_limit, worth)) : NULL;
      g_autofree char *points = rg_format_count ((guint) MIN (self->balances->points, G_MAXUINT));
      g_autofree char *title = NULL;

      if (limit)
        /* Translators: "Points · 1,200 = 1,200 ₽, up to 1,710 ₽ here" */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Points · %s = %s, up to %s here",
                                              "Points · %s = %s, up to %s here", (gulong) self->balances->points),
                                 points, value, limit);
      else
        /* Translators: "Points · 1,200 = 1,200 ₽" */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Points · %s = %s", "Points · %s = %s",
                                              (gulong) self->balances->points),
                                 points, value);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->payments[PAY_POINTS]), title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->payments[PAY_POINTS]), title);   /* whole when a narrow row cuts it */
    }
}

static void
show_quote (RgCheckOutDialog *self)
{
  const RgSaleQuote *quote = self->quote;
  gint64 discount = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      LineWidgets *w = &g_array_index (self->lines, LineWidgets, i);
      const RgPriceLine *line = &quote->lines[i];
      g_autofree char *sum = rg_format_price (line->price);
      g_autofree char *pay = rg_format_price (line->pay);
      g_autofree char *off = rg_format_price (line->discount);
      g_autofree char *margin = describe_margin (line, quote->masters[i]);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      discount += line->discount;
      if (RG_SALE_LINE_IS_PREPAID (line->kind))
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->row), quote->names[i]);
      if (quote->masters[i])
        g_string_append (subtitle, quote->masters[i]);
      if (line->discount > 0)
        {
          const char *why = line->discount_promotion ? _("promotion")
                            : line->discount_card ? _("card") : _("one-off");

          if (subtitle->len)
            g_string_append (subtitle, " · ");
          /* Translators: a line's discount and what gave it, e.g. "−105.00 card" */
          g_string_append_printf (subtitle, _("−%s %s"), off, why);
          if (line->discount_one_off && (line->discount_promotion || line->discount_card))
            g_string_append_printf (subtitle, " + %s", _("one-off"));
        }
      if (line->pay > 0)
        {
          if (subtitle->len)
            g_string_append (subtitle, " · ");
          /* Translators: what the master earns from the line */
          g_string_append_printf (subtitle, _("pay %s"), pay);
        }
      adw_expander_row_set_subtitle (w->row, subtitle->str);
      gtk_label_set_text (w->sum, sum);
      gtk_widget_set_visible (GTK_WIDGET (w->warning), margin != NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (w->warning), margin);
    }

  {
    g_autofree char *total = rg_format_price (quote->total);
    g_autofree char *off = rg_format_price (discount);

    gtk_label_set_text (self->total_label, total);
    gtk_label_set_text (self->discount_label, discount > 0 ? off : "—");
  }

  if (quote->still_due > 0)
    {
      g_autofree char *due = rg_format_price (quote->still_due);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), _("Still Due"));
      gtk_label_set_text (self->due_label, due);
    }
  else
    {
      g_autofree char *change = rg_format_price (quote->change);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), _("Change Due"));
      gtk_label_set_text (self->due_label, change);
    }

  show_card (self, quote->card_name, quote->card, quote->spend, quote->next_tier_name, quote->to_next_tier);
  show_prepaid (self);
}

static void
requote (RgCheckOutDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  g_clear_pointer (&self->quote, rg_sale_quote_free);
  if (self->draft->lines->len == 0)
    {
      show_empty (self);
      return;
    }
  if (!read_fields (self))
    {
      /* xgettext:no-c-format */
      show_error (self, _("Some sums cannot be read: type them as 1500 or 1 500.50, a discount as 10% or 150."));
      gtk_widget_set_sensitive (self->check_out_button, FALSE);
      return;
    }
  self->quote = rg_studio_quote_sale (self->studio, self->draft, &error);
  if (self->quote == NULL)
    {
      show_error (self, error->message);
      show_prepaid (self);
      gtk_widget_set_sensitive (self->check_out_button, FALSE);
      return;
    }
  show_error (self, NULL);
  show_quote (self);
  gtk_widget_set_sensitive (self->check_out_button, self->quote->still_due == 0);
}

/* Lines --------------------------------------------------------------------- */

static void
field_changed_cb (RgCheckOutDialog *self)
{
  requote (self);
}

static void
remove_line_cb (GtkButton        *button,
                RgCheckOutDialog *self)
{
  AdwExpanderRow *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->lines->len; i++)
    if (g_array_index (self->lines, LineWidgets, i).row == row)
      {
        adw_preferences_group_remove (self->lines_group, GTK_WIDGET (row));
        g_array_remove_index (self->lines, i);
        g_array_remove_index (self->draft->lines, i);
        break;
      }
  requote (self);
}

static GtkEditable *
add_entry_row (AdwExpanderRow   *row,
               const char       *title,
               const char       *text,
               RgCheckOutDialog *self)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (field_changed_cb), self);
  adw_expander_row_add_row (row, entry);
  return GTK_EDITABLE (entry);
}

static GtkStringList *
staff_names (RgCheckOutDialog *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("master", "Nobody"));
  for (guint i = 0; i < g_list_model_get_n_items (self->staff); i++)
    {
      g_autoptr(RgStaff) staff = g_list_model_get_item (self->staff, i);

      gtk_string_list_append (names, rg_staff_get_display_name (staff));
    }
  return names;
}

/* A service's or a product's name and list price. */
static const char *
record_name (gpointer record)
{
  return RG_IS_PRODUCT (record) ? rg_product_get_name (record) : rg_service_get_name (record);
}

static gint64
record_price (gpointer record)
{
  return RG_IS_PRODUCT (record) ? rg_product_get_price (record) : rg_service_get_price (record);
}

static const char *
item_name (RgCheckOutDialog       *self,
           const RgSaleLineDraft  *line)
{
  gpointer record;

  switch (line->kind)
    {
    case RG_SALE_LINE_TIP:
      return _("Tip");
    case RG_SALE_LINE_DEPOSIT:
      return _("Deposit Top-Up");
    case RG_SALE_LINE_SUBSCRIPTION:
      for (guint i = 0; self->kinds && i < self->kinds->len; i++)
        if (g_array_index (self->kinds, RgSubscriptionKind, i).id == line->item_id)
          return g_array_index (self->kinds, RgSubscriptionKind, i).name;
      return _("Subscription");
    case RG_SALE_LINE_CERTIFICATE:
      return _("Gift Certificate");
    case RG_SALE_LINE_SERVICE:
    case RG_SALE_LINE_PRODUCT:
    default:
      break;
    }
  record = rg_record_list_find (line->kind == RG_SALE_LINE_PRODUCT ? self->products : self->services,
                                line->item_id, NULL);
  return record ? record_name (record) : _("Visit");
}

static void
add_remove_row (RgCheckOutDialog *self,
                LineWidgets      *w)
{
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Line"));

  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (remove), "row", w->row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_line_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (w->row, remove_row);
}

/* A line's fields, made when its row first opens: a visit's check-out
 * shows its lines closed, and the fields of every line would cost the
 * dialog's first frame a third of its time. Until then the draft's
 * values stand. */
static void
fill_line_row (RgCheckOutDialog *self,
               guint             index)
{
  RgSaleLineDraft *line = rg_sale_draft_get_line (self->draft, index);
  LineWidgets *w = &g_array_index (self->lines, LineWidgets, index);
  g_autoptr(GtkStringList) names = NULL;
  g_autofree char *price = NULL;

  if (w->filled)
    return;
  w->filled = TRUE;
  price = rg_format_money (MAX (line->list_price, 0));
  self->filling = TRUE;

  if (RG_SALE_LINE_IS_PREPAID (line->kind))
    {
      /* No master, no discount: an amount (a top-up, an amount
       * certificate), a certificate's number. */
      if (line->list_price >= 0)
        w->price = add_entry_row (w->row, _("Amount"), line->list_price > 0 ? price : NULL, self);
      if (line->kind == RG_SALE_LINE_CERTIFICATE)
        {
          if (self->next_number == NULL)
            self->next_number = rg_studio_next_certificate_number (self->studio, NULL);
          w->number = add_entry_row (w->row, _("Certificate Number"),
                                     line->reference ? line->reference : self->next_number, self);
        }
      add_remove_row (self, w);
      self->filling = FALSE;
      return;
    }

  names = staff_names (self);
  w->master = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->master), _("Master"));
  adw_combo_row_set_model (w->master, G_LIST_MODEL (names));
  adw_combo_row_set_selected (w->master, position_of_staff (self, line->staff_id));
  g_signal_connect_swapped (w->master, "notify::selected", G_CALLBACK (field_changed_cb), self);
  adw_expander_row_add_row (w->row, GTK_WIDGET (w->master));

  if (line->kind == RG_SALE_LINE_PRODUCT)
    {
      GtkWidget *quantity_row = adw_action_row_new ();

      w->quantity = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, RG_PRICING_MAX_QUANTITY, 1));
      gtk_spin_button_set_value (w->quantity, (double) line->quantity);
      gtk_widget_set_valign (GTK_WIDGET (w->quantity), GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (quantity_row), _("Quantity"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (quantity_row), GTK_WIDGET (w->quantity));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (w->quantity), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      quantity_row, NULL, -1);
      g_signal_connect_swapped (w->quantity, "value-changed", G_CALLBACK (field_changed_cb), self);
      adw_expander_row_add_row (w->row, quantity_row);
    }

  w->price = add_entry_row (w->row, line->kind == RG_SALE_LINE_TIP ? _("Amount") : _("Price"), price, self);
  if (line->kind != RG_SALE_LINE_TIP)
    {
      /* xgettext:no-c-format */
      w->discount = add_entry_row (w->row, _("Discount (10% or a sum)"), NULL, self);
      w->reason = add_entry_row (w->row, _("Reason for the discount"), NULL, self);
    }
  add_remove_row (self, w);
  self->filling = FALSE;
}

static void
line_expanded_cb (AdwExpanderRow   *row,
                  GParamSpec       *pspec,
                  RgCheckOutDialog *self)
{
  for (guint i = 0; adw_expander_row_get_expanded (row) && i < self->lines->len; i++)
    if (g_array_index (self->lines, LineWidgets, i).row == row)
      fill_line_row (self, i);
}

/* A row for the draft's line @index. */
static void
add_line_row (RgCheckOutDialog *self,
              guint             index)
{
  RgSaleLineDraft *line = rg_sale_draft_get_line (self->draft, index);
  LineWidgets w = { 0 };
  GtkWidget *suffix;

  w.row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w.row), item_name (self, line));

  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  w.warning = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (w.warning), "warning");
  gtk_widget_set_visible (GTK_WIDGET (w.warning), FALSE);
  w.sum = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (w.sum), "numeric");
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (w.warning));
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (w.sum));
  adw_expander_row_add_action (w.row, suffix);
  g_signal_connect (w.row, "notify::expanded", G_CALLBACK (line_expanded_cb), self);

  adw_preferences_group_add (self->lines_group, GTK_WIDGET (w.row));
  g_array_append_val (self->lines, w);
}

void
rg_check_out_dialog_add_item (RgCheckOutDialog *self,
                              RgSaleLineKind    kind,
                              gint64            item_id)
{
  gpointer record = NULL;
  gint64 price = 0, staff_id = 0;

  g_return_if_fail (RG_IS_CHECK_OUT_DIALOG (self));

  if (RG_SALE_LINE_IS_PREPAID (kind))
    {
      LineWidgets *w;

      /* An amount typed next (a top-up, an amount certificate), or the
       * price of the kind or of the service. */
      price = kind == RG_SALE_LINE_DEPOSIT || (kind == RG_SALE_LINE_CERTIFICATE && item_id == 0) ? 0 : -1;
      rg_sale_draft_add_line (self->draft, kind, kind == RG_SALE_LINE_DEPOSIT ? 0 : item_id, 0, 1, price);
      add_line_row (self, self->draft->lines->len - 1);
      w = &g_array_index (self->lines, LineWidgets, self->lines->len - 1);
      if (kind != RG_SALE_LINE_SUBSCRIPTION)
        adw_expander_row_set_expanded (w->row, TRUE);
      if (w->price)
        gtk_widget_grab_focus (GTK_WIDGET (w->price));
      requote (self);
      return;
    }
  if (kind != RG_SALE_LINE_TIP)
    record = rg_record_list_find (kind == RG_SALE_LINE_PRODUCT ? self->products : self->services, item_id, NULL);
  if (record)
    price = record_price (record);
  /* A service or a tip goes to the visit's master (the first line's). */
  if (kind != RG_SALE_LINE_PRODUCT && self->draft->lines->len > 0)
    staff_id = rg_sale_draft_get_line (self->draft, 0)->staff_id;
  rg_sale_draft_add_line (self->draft, kind, item_id, staff_id, 1, price);
  add_line_row (self, self->draft->lines->len - 1);
  /* Just added: its price and master are what the desk looks at next. */
  adw_expander_row_set_expanded (g_array_index (self->lines, LineWidgets, self->lines->len - 1).row, TRUE);
  requote (self);
}

static void
add_service_cb (RgCheckOutDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->add_service);

  g_autoptr(RgRecord) service = g_list_model_get_item (G_LIST_MODEL (self->services), selected);

  if (service)
    rg_check_out_dialog_add_item (self, RG_SALE_LINE_SERVICE, rg_record_get_id (service));
}

static gboolean
is_for_sale (gpointer item,
             gpointer data)
{
  return rg_product_get_kind (RG_PRODUCT (item)) == RG_PRODUCT_RETAIL;
}

static void
add_product_cb (RgCheckOutDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->add_product);

  g_autoptr(RgRecord) product = g_list_model_get_item (self->for_sale, selected);

  if (product)
    rg_check_out_dialog_add_item (self, RG_SALE_LINE_PRODUCT, rg_record_get_id (product));
}

static void
add_tip_cb (RgCheckOutDialog *self)
{
  rg_check_out_dialog_add_item (self, RG_SALE_LINE_TIP, 0);
}

static void
add_deposit_cb (RgCheckOutDialog *self)
{
  rg_check_out_dialog_add_item (self, RG_SALE_LINE_DEPOSIT, 0);
}

static void
add_subscription_cb (RgCheckOutDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->add_subscription);

  if (self->kinds && selected < self->kinds->len)
    rg_check_out_dialog_add_item (self, RG_SALE_LINE_SUBSCRIPTION,
                                  g_array_index (self->kinds, RgSubscriptionKind, selected).id);
}

/* The first choice is an amount; then a certificate for each service. */
static void
add_certificate_cb (RgCheckOutDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->add_certificate);
  g_autoptr(RgRecord) service = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    {
      rg_check_out_dialog_add_item (self, RG_SALE_LINE_CERTIFICATE, 0);
      return;
    }
  service = g_list_model_get_item (G_LIST_MODEL (self->services), selected - 1);
  if (service)
    rg_check_out_dialog_add_item (self, RG_SALE_LINE_CERTIFICATE, rg_record_get_id (service));
}

/* Payments ------------------------------------------------------------------ */

/* "The rest": this method takes what the others leave — the deposit no
 * more than is on it, points no more than they may pay (in whole points),
 * a certificate no more than its balance. */
static void
rest_cb (GtkButton        *button,
         RgCheckOutDialog *self)
{
  GtkEditable *target = g_object_get_data (G_OBJECT (button), "entry");
  gint64 others = 0, amount;
  guint k = 0;

  /* A sum the model refused in this very row leaves no quote: start it over. */
  if (self->quote == NULL)
    gtk_editable_set_text (target, "");
  if (self->quote == NULL)
    return;
  for (guint m = 0; m < N_PAY; m++)
    if (self->payments[m] == target)
      k = m;
    else if (gtk_widget_get_visible (GTK_WIDGET (self->payments[m])) && parse_amount (self->payments[m], &amount))
      others += amount;
  /* What subscriptions' visits and service certificates pay. */
  for (guint i = 0; i < self->draft->payments->len; i++)
    {
      const RgPaymentDraft *payment = &g_array_index (self->draft->payments, RgPaymentDraft, i);

      if (payment->method == RG_PAYMENT_SUBSCRIPTION ||
          (payment->method == RG_PAYMENT_CERTIFICATE && self->certificate.service_id))
        others += self->quote->payment_amounts[i];
    }
  amount = MAX (self->quote->total - others, 0);
  switch (entry_methods[k])
    {
    case RG_PAYMENT_DEPOSIT:
      amount = MIN (amount, self->balances->deposit);
      break;
    case RG_PAYMENT_POINTS:
      {
        gint64 value = MAX (self->balances->point_value, 1);

        amount = MIN (amount, MIN (self->balances->points * value, self->quote->points_limit));
        amount -= amount % value;
      }
      break;
    case RG_PAYMENT_CERTIFICATE:
      amount = MIN (amount, self->certificate.balance);
      break;
    case RG_PAYMENT_CASH:
    case RG_PAYMENT_CARD:
    case RG_PAYMENT_TRANSFER:
    case RG_PAYMENT_SUBSCRIPTION:
    case RG_PAYMENT_UNRECORDED:
    case RG_N_PAYMENT_METHODS:
    default:
      break;
    }
  {
    g_autofree char *text = rg_format_money (amount);

    gtk_editable_set_text (target, amount > 0 ? text : "");
  }
}

/* A gift certificate --------------------------------------------------------- */

/* The number typed is looked up: found, it shows its balance, expiry and
 * service, and pays (an amount certificate by the sum typed under it, a
 * service's by its line); not found, expired or used up, it says why in
 * its row and pays nothing. */
static void
find_certificate_cb (RgCheckOutDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->certificate_number))));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  rg_certificate_clear (&self->certificate);
  memset (&self->certificate, 0, sizeof self->certificate);
  self->certificate_usable = FALSE;
  gtk_editable_set_text (self->payments[PAY_CERTIFICATE], "");
  if (*number == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->certificate_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->payments[PAY_CERTIFICATE]), FALSE);
      requote (self);
      return;
    }

  if (!rg_studio_find_certificate (self->studio, number, &self->certificate, &error))
    {
      rg_certificate_clear (&self->certificate);
      memset (&self->certificate, 0, sizeof self->certificate);
      title = g_strdup (number);
      subtitle = g_strdup (error->message);
    }
  else
    {
      g_autofree char *until = rg_format_date (self->certificate.expires_at - 1);

      title = g_strdup (self->certificate.number);
      if (self->certificate.expires_at <= now)
        /* Translators: "Gift certificate GC-000012 was valid until 31 May 2026." */
        subtitle = g_strdup_printf (_("Gift certificate %s was valid until %s."), self->certificate.number, until);
      else if (self->certificate.balance <= 0)
        subtitle = g_strdup_printf (_("Gift certificate %s is used up."), self->certificate.number);
      else if (self->certificate.service_id)
        /* Translators: "For “Manicure” · valid until 31 May 2027" */
        subtitle = g_strdup_printf (_("For “%s” · valid until %s"), self->certificate.service, until);
      else
        {
          g_autofree char *left = rg_format_price (self->certificate.balance);

          /* Translators: "1,500 ₽ left · valid until 31 May 2027" */
          subtitle = g_strdup_printf (_("%s left · valid until %s"), left, until);
        }
      self->certificate_usable = self->certificate.expires_at > now && self->certificate.balance > 0;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->certificate_row), title);
  adw_action_row_set_subtitle (self->certificate_row, subtitle);
  if (self->certificate_usable)
    gtk_widget_remove_css_class (GTK_WIDGET (self->certificate_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->certificate_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->certificate_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->payments[PAY_CERTIFICATE]),
                          self->certificate_usable && self->certificate.service_id == 0);
  requote (self);
}

/* Another number typed: what was found for the last one no longer pays. */
static void
certificate_number_changed_cb (RgCheckOutDialog *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->certificate_row)))
    return;
  rg_certificate_clear (&self->certificate);
  memset (&self->certificate, 0, sizeof self->certificate);
  self->certificate_usable = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->certificate_row), FALSE);
  gtk_editable_set_text (self->payments[PAY_CERTIFICATE], "");
  gtk_widget_set_visible (GTK_WIDGET (self->payments[PAY_CERTIFICATE]), FALSE);
  requote (self);
}

static void
forget_certificate_cb (RgCheckOutDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->certificate_number), "");
  find_certificate_cb (self);
}

/* Writing ------------------------------------------------------------------- */

static void write_sale_approved (RgCheckOutDialog *self, gboolean approved);

static void
approved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(RgCheckOutDialog) self = data;

  /* Cancelled: the till stays as it was, to change the discount. */
  if (rg_approval_dialog_ask_finish (result))
    write_sale_approved (self, TRUE);
}

/* A sale the session's role may not make by itself (a discount above its
 * limit): the model says so before it is tried, and a director's PIN is
 * asked at the desk (rg-approval-dialog.c); should the model refuse it
 * anyway, the approval is offered once and the sale tried again. */
static void
write_sale_approved (RgCheckOutDialog *self,
                     gboolean          approved)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  gint64 sale_id = 0;

  if (!approved && rg_studio_sale_needs_approval (self->studio, self->draft, &why))
    {
      rg_approval_dialog_ask (GTK_WINDOW (self), self->studio, why, approved_cb, g_object_ref (self));
      return;
    }
  if (!rg_studio_check_out (self->studio, self->draft, &sale_id, &error))
    {
      if (!approved && g_error_matches (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_DENIED) &&
          rg_studio_has_profiles (self->studio) && rg_studio_get_session_role (self->studio) != RG_ROLE_DIRECTOR)
        {
          rg_approval_dialog_ask (GTK_WINDOW (self), self->studio, error->message, approved_cb, g_object_ref (self));
          return;
        }
      rg_studio_drop_override (self->studio);
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[CHECKED_OUT], 0, sale_id, self->appointment_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
write_sale (RgCheckOutDialog *self)
{
  write_sale_approved (self, FALSE);
}

static void
below_cost_cb (AdwMessageDialog *dialog,
               const char       *response,
               RgCheckOutDialog *self)
{
  if (g_str_equal (response, "sell"))
    write_sale (self);
}

static void
check_out_cb (RgCheckOutDialog *self)
{
  g_autoptr(GString) warnings = g_string_new (NULL);
  AdwMessageDialog *dialog;

  requote (self);
  if (self->quote == NULL || self->quote->still_due > 0)
    return;

  for (guint i = 0; i < self->quote->n_lines; i++)
    {
      g_autofree char *margin = describe_margin (&self->quote->lines[i], self->quote->masters[i]);

      if (margin)
        g_string_append_printf (warnings, "%s%s", warnings->len ? "\n" : "", margin);
    }
  if (warnings->len == 0)
    {
      write_sale (self);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Sell at a Loss?"), warnings->str));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Change the Discount"),
                                    "sell", _("_Sell Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "sell", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (below_cost_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Building ------------------------------------------------------------------ */

static GtkStringList *
item_names (GListModel *items)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *price = rg_format_price (record_price (item));
      g_autofree char *text = g_strdup_printf ("%s — %s", record_name (item), price);

      gtk_string_list_append (names, text);
    }
  return names;
}

static AdwComboRow *
add_chooser (AdwPreferencesGroup *group,
             const char          *title,
             GtkStringList       *names,
             GCallback            added,
             RgCheckOutDialog    *self)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: a button that adds the chosen service or product to the sale */
  gtk_widget_set_tooltip_text (button, _("Add to the Sale"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_swapped (button, "clicked", added, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_set_sensitive (GTK_WIDGET (row), g_list_model_get_n_items (G_LIST_MODEL (names)) > 0);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static AdwComboRow *
add_picker (AdwPreferencesGroup *group,
            const char          *title,
            GListModel          *items,
            GCallback            added,
            RgCheckOutDialog    *self)
{
  g_autoptr(GtkStringList) names = item_names (items);

  return add_chooser (group, title, names, added, self);
}

/* A row with a button that adds a line (a tip, a deposit top-up). */
static GtkWidget *
add_button_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle,
                GCallback            added,
                RgCheckOutDialog    *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_swapped (button, "clicked", added, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
  return row;
}

/* A payment typed as a sum, with its "The Rest" button. */
static GtkEditable *
add_payment_row (AdwPreferencesGroup *group,
                 const char          *title,
                 RgCheckOutDialog    *self)
{
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *rest = gtk_button_new_with_mnemonic (_("The Rest"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_widget_set_valign (rest, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rest, "flat");
  /* Translators: a button that puts what is still due into this payment method */
  gtk_widget_set_tooltip_text (rest, _("Pay what is left this way"));
  {
    /* Translators: a screen reader's name of the button that pays what is left by this method */
    g_autofree char *name = g_strdup_printf (_("The rest by %s"), title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (rest), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  g_object_set_data (G_OBJECT (rest), "entry", entry);
  g_object_set_data (G_OBJECT (entry), "rest", rest);
  g_signal_connect (rest, "clicked", G_CALLBACK (rest_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), rest);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (field_changed_cb), self);
  adw_preferences_group_add (group, entry);
  return GTK_EDITABLE (entry);
}

/* The client's subscriptions, each a switch that pays a covered line
 * with one of its visits. */
static void
add_subscription_rows (AdwPreferencesGroup *group,
                       RgCheckOutDialog    *self)
{
  self->subscription_switches = g_ptr_array_new ();
  self->subscription_rows = g_ptr_array_new ();
  for (guint s = 0; self->balances && s < self->balances->subscriptions->len; s++)
    {
      const RgSubscription *sub = &g_array_index (self->balances->subscriptions, RgSubscription, s);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      g_autofree char *title = NULL;

      /* Translators: a subscription and its visits left, "10 manicures · 4 left" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %lld left", "%s · %lld left", (gulong) sub->remaining),
                               sub->name, (long long) sub->remaining);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (field_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      gtk_widget_set_visible (row, FALSE);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->subscription_switches, toggle);
      g_ptr_array_add (self->subscription_rows, row);
    }
}

static void
add_certificate_rows (AdwPreferencesGroup *group,
                      RgCheckOutDialog    *self)
{
  GtkWidget *forget = gtk_button_new_from_icon_name ("window-close-symbolic");

  self->certificate_number = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->certificate_number), _("Gift Certificate Number"));
  self->certificate_find = gtk_button_new_with_mnemonic (_("_Find"));
  gtk_widget_set_valign (self->certificate_find, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->certificate_find, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->certificate_find), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find the gift certificate"), -1);
  g_signal_connect_swapped (self->certificate_find, "clicked", G_CALLBACK (find_certificate_cb), self);
  g_signal_connect_swapped (self->certificate_number, "entry-activated", G_CALLBACK (find_certificate_cb), self);
  g_signal_connect_swapped (self->certificate_number, "changed", G_CALLBACK (certificate_number_changed_cb), self);
  adw_entry_row_add_suffix (self->certificate_number, self->certificate_find);
  adw_preferences_group_add (group, GTK_WIDGET (self->certificate_number));

  self->certificate_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->certificate_row), FALSE);
  adw_action_row_add_prefix (self->certificate_row, gtk_image_new_from_icon_name ("emblem-documents-symbolic"));
  gtk_widget_set_valign (forget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (forget, "flat");
  gtk_widget_set_tooltip_text (forget, _("Do Not Pay With It"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (forget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Do Not Pay With It"), -1);
  g_signal_connect_swapped (forget, "clicked", G_CALLBACK (forget_certificate_cb), self);
  adw_action_row_add_suffix (self->certificate_row, forget);
  gtk_widget_set_visible (GTK_WIDGET (self->certificate_row), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->certificate_row));

  self->payments[PAY_CERTIFICATE] = add_payment_row (group, _("From the Gift Certificate"), self);
  gtk_widget_set_visible (GTK_WIDGET (self->payments[PAY_CERTIFICATE]), FALSE);
}

static GtkLabel *
add_figure_row (AdwPreferencesGroup *group,
                const char          *title,
                AdwActionRow       **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  if (row_out)
    *row_out = ADW_ACTION_ROW (row);
  return GTK_LABEL (label);
}

static void
build (RgCheckOutDialog *self)
{
  static const char * const method_titles[] = { N_("Cash"), N_("Card"), N_("Bank Transfer") };
  GtkWidget *box, *header, *cancel, *scrolled, *clamp, *page, *info;
  AdwPreferencesGroup *group;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->check_out_button = gtk_button_new_with_mnemonic (self->appointment_id ? _("C_heck Out") : _("_Sell"));
  gtk_widget_add_css_class (self->check_out_button, "suggested-action");
  g_signal_connect_swapped (self->check_out_button, "clicked", G_CALLBACK (check_out_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->check_out_button);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("What stops the sale"), -1);
  self->error_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->error_revealer, GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_revealer));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);

  /* The lines. */
  self->lines_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->lines_group, _("Services and Products"));
  info = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  gtk_widget_set_tooltip_text (info, rg_pricing_rule_text ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (info), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How discounts combine"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  rg_pricing_rule_text (), -1);
  gtk_widget_set_focusable (info, TRUE);
  adw_preferences_group_set_header_suffix (self->lines_group, info);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->lines_group));

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->add_service = add_picker (group, _("Add a Service"), G_LIST_MODEL (self->services),
                                  G_CALLBACK (add_service_cb), self);
  self->add_product = add_picker (group, _("Add a Product"), self->for_sale,
                                  G_CALLBACK (add_product_cb), self);
  add_button_row (group, _("Add a Tip"), _("Goes whole to the master; not revenue"), G_CALLBACK (add_tip_cb), self);

  /* Prepaid sold: money the studio owes until it is used, not revenue. */
  if (self->client_id)
    {
      g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

      add_button_row (group, _("Add a Deposit Top-Up"), _("Pays later visits; revenue only then"),
                      G_CALLBACK (add_deposit_cb), self);
      for (guint i = 0; self->kinds && i < self->kinds->len; i++)
        {
          const RgSubscriptionKind *kind = &g_array_index (self->kinds, RgSubscriptionKind, i);
          g_autofree char *price = rg_format_price (kind->price);
          /* Translators: a subscription kind in the till's list: "10 manicures — 12,000 ₽" */
          g_autofree char *text = g_strdup_printf (_("%s — %s"), kind->name, price);

          gtk_string_list_append (kinds, text);
        }
      self->add_subscription = add_chooser (group, _("Add a Subscription"), kinds, G_CALLBACK (add_subscription_cb),
                                            self);
      gtk_widget_set_visible (GTK_WIDGET (self->add_subscription), self->kinds && self->kinds->len > 0);
    }
  {
    g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

    gtk_string_list_append (choices, _("An amount"));
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->services)); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->services), i);

        gtk_string_list_append (choices, record_name (item));
      }
    self->add_certificate = add_chooser (group, _("Add a Gift Certificate"), choices,
                                         G_CALLBACK (add_certificate_cb), self);
  }
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (group));

  /* The discount and the card. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Discount"));
  self->card_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_group_add (group, GTK_WIDGET (self->card_row));
  self->sale_discount = GTK_EDITABLE (adw_entry_row_new ());
  /* xgettext:no-c-format */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sale_discount), _("On the Whole Sale (10% or a sum)"));
  g_signal_connect_swapped (self->sale_discount, "changed", G_CALLBACK (field_changed_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->sale_discount));
  self->sale_reason = GTK_EDITABLE (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sale_reason), _("Reason"));
  adw_preferences_group_add (group, GTK_WIDGET (self->sale_reason));
  if (self->balances && self->balances->reward_discounts->len > 0)
    {
      const RgRewardDiscount *reward = &g_array_index (self->balances->reward_discounts, RgRewardDiscount, 0);
      g_autofree char *percent = g_strdup_printf ("%d", reward->percent / 100);
      g_autofree char *title = NULL;

      /* Translators: a referral reward's one-off discount, "Referral Discount 10 %" */
      title = g_strdup_printf (_("Referral Discount %s %%"), percent);
      self->reward_row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reward_row), title);
      adw_action_row_set_subtitle (self->reward_row, _("Once, on the whole sale, instead of a smaller one-off discount"));
      self->reward_switch = GTK_SWITCH (gtk_switch_new ());
      gtk_widget_set_valign (GTK_WIDGET (self->reward_switch), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->reward_switch), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_signal_connect_swapped (self->reward_switch, "notify::active", G_CALLBACK (field_changed_cb), self);
      adw_action_row_add_suffix (self->reward_row, GTK_WIDGET (self->reward_switch));
      adw_action_row_set_activatable_widget (self->reward_row, GTK_WIDGET (self->reward_switch));
      adw_preferences_group_add (group, GTK_WIDGET (self->reward_row));
    }
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (group));

  /* The money. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Payment"));
  self->total_label = add_figure_row (group, _("Total"), &self->total_row);
  self->discount_label = add_figure_row (group, _("Discounts"), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->discount_label), "heading");
  /* What the client holds first, then money. */
  add_subscription_rows (group, self);
  add_certificate_rows (group, self);
  self->payments[PAY_DEPOSIT] = add_payment_row (group, _("Deposit"), self);
  gtk_widget_set_visible (GTK_WIDGET (self->payments[PAY_DEPOSIT]), self->balances && self->balances->deposit > 0);
  self->payments[PAY_POINTS] = add_payment_row (group, _("Points"), self);
  gtk_widget_set_visible (GTK_WIDGET (self->payments[PAY_POINTS]), self->balances && self->balances->points > 0);
  for (guint m = PAY_CASH; m <= PAY_TRANSFER; m++)
    self->payments[m] = add_payment_row (group, _(method_titles[m]), self);
  self->due_label = add_figure_row (group, _("Still Due"), &self->due_row);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (group));

  adw_window_set_content (ADW_WINDOW (self), box);
}

/* GObject ------------------------------------------------------------------- */

static void
rg_check_out_dialog_dispose (GObject *object)
{
  RgCheckOutDialog *self = RG_CHECK_OUT_DIALOG (object);

  g_clear_object (&self->studio);
  g_clear_object (&self->staff);
  g_clear_object (&self->services);
  g_clear_object (&self->for_sale);
  g_clear_object (&self->products);
  G_OBJECT_CLASS (rg_check_out_dialog_parent_class)->dispose (object);
}

static void
rg_check_out_dialog_finalize (GObject *object)
{
  RgCheckOutDialog *self = RG_CHECK_OUT_DIALOG (object);

  g_clear_pointer (&self->draft, rg_sale_draft_free);
  g_clear_pointer (&self->quote, rg_sale_quote_free);

  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->balances, rg_client_balances_free);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->subscription_switches, g_ptr_array_unref);
  g_clear_pointer (&self->subscription_rows, g_ptr_array_unref);
  rg_certificate_clear (&self->certificate);
  g_free (self->next_number);
  g_free (self->error);
  G_OBJECT_CLASS (rg_check_out_dialog_parent_class)->finalize (object);
}

static void
rg_check_out_dialog_class_init (RgCheckOutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_check_out_dialog_dispose;
  object_class->finalize = rg_check_out_dialog_finalize;

  signals[CHECKED_OUT] = g_signal_new ("checked-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_check_out_dialog_init (RgCheckOutDialog *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (LineWidgets));
}

RgCheckOutDialog *
rg_check_out_dialog_new (GtkWindow  *parent,
                         RgStudio   *studio,
                         gint64      appointment_id,
                         gint64      client_id,
                         GError    **error)
{
  RgCheckOutDialog *self;
  g_autofree char *title = NULL;
  g_autoptr(RgClient) client = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  /* The window belongs to GTK's list of windows, as every toplevel. */
  self = g_object_new (RG_TYPE_CHECK_OUT_DIALOG,
                       "modal", parent != NULL,
                       "transient-for", parent,
                       "default-width", 620,
                       "default-height", 760,
                       NULL);
  self->studio = g_object_ref (studio);
  self->appointment_id = appointment_id;
  self->staff = G_LIST_MODEL (rg_record_list_new_staff (studio, FALSE));
  self->services = rg_record_list_new_services (studio, FALSE);
  self->products = rg_record_list_new_products (studio, FALSE);
  /* Materials are used in services, not sold at the till. */
  self->for_sale = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->products)),
                                                            GTK_FILTER (gtk_custom_filter_new (is_for_sale, NULL, NULL))));

  if (appointment_id)
    {
      self->draft = rg_studio_draft_check_out (studio, appointment_id, error);
      if (self->draft == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      self->client_id = self->draft->client_id;
    }
  else
    {
      self->client_id = client_id;
      self->draft = rg_sale_draft_new (client_id, 0);
    }
  if (self->client_id)
    client = rg_studio_lookup (studio, RG_TYPE_CLIENT, self->client_id, NULL);

  /* What the client holds, and what the till sells. */
  if (self->client_id)
    {
      g_autoptr(GError) local = NULL;

      self->balances = rg_studio_read_balances (studio, self->client_id, &local);
      if (self->balances == NULL)
        g_warning ("The client's balances could not be read: %s", local->message);
    }
  self->kinds = rg_studio_list_subscription_kinds (studio, FALSE, NULL);

  if (client)
    /* Translators: the window's title, with the client's name */
    title = g_strdup_printf (appointment_id ? _("Check Out — %s") : _("Sale — %s"), rg_client_get_address_as (client));
  else
    title = g_strdup (appointment_id ? _("Check Out") : _("Sale"));
  gtk_window_set_title (GTK_WINDOW (self), title);

  build (self);
  self->filling = TRUE;
  for (guint i = 0; i < self->draft->lines->len; i++)
    add_line_row (self, i);
  self->filling = FALSE;
  requote (self);
  return self;
}

GtkEditable *
rg_check_out_dialog_get_payment (RgCheckOutDialog *self,
                                 RgPaymentMethod   method)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);

  for (guint m = 0; m < N_PAY; m++)
    if (entry_methods[m] == method)
      return self->payments[m];
  g_return_val_if_reached (NULL);
}

GtkWidget *
rg_check_out_dialog_get_rest (RgCheckOutDialog *self,
                              RgPaymentMethod   method)
{
  GtkEditable *entry = rg_check_out_dialog_get_payment (self, method);

  return entry ? g_object_get_data (G_OBJECT (entry), "rest") : NULL;
}

GtkSwitch *
rg_check_out_dialog_get_subscription (RgCheckOutDialog *self,
                                      guint             index)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  g_return_val_if_fail (self->subscription_switches && index < self->subscription_switches->len, NULL);
  return self->subscription_switches->pdata[index];
}

gboolean
rg_check_out_dialog_shows_subscription (RgCheckOutDialog *self,
                                        guint             index)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->subscription_rows && index < self->subscription_rows->len, FALSE);
  return gtk_widget_get_visible (self->subscription_rows->pdata[index]);
}

GtkEditable *
rg_check_out_dialog_get_certificate_number (RgCheckOutDialog *self)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->certificate_number);
}

GtkWidget *
rg_check_out_dialog_get_certificate_find (RgCheckOutDialog *self)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  return self->certificate_find;
}

const char *
rg_check_out_dialog_get_certificate_status (RgCheckOutDialog *self)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->certificate_row)))
    return NULL;
  return adw_action_row_get_subtitle (self->certificate_row);
}

GtkSwitch *
rg_check_out_dialog_get_reward (RgCheckOutDialog *self)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  return self->reward_switch;
}

GtkEditable *
rg_check_out_dialog_get_line_amount (RgCheckOutDialog *self,
                                     guint             line)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);
  fill_line_row (self, line);
  return g_array_index (self->lines, LineWidgets, line).price;
}

GtkEditable *
rg_check_out_dialog_get_line_number (RgCheckOutDialog *self,
                                     guint             line)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);
  fill_line_row (self, line);
  return g_array_index (self->lines, LineWidgets, line).number;
}

AdwComboRow *
rg_check_out_dialog_get_chooser (RgCheckOutDialog *self,
                                 RgSaleLineKind    kind)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);

  switch (kind)
    {
    case RG_SALE_LINE_SERVICE:
      return self->add_service;
    case RG_SALE_LINE_PRODUCT:
      return self->add_product;
    case RG_SALE_LINE_SUBSCRIPTION:
      return self->add_subscription;
    case RG_SALE_LINE_CERTIFICATE:
      return self->add_certificate;
    case RG_SALE_LINE_TIP:
    case RG_SALE_LINE_DEPOSIT:
    default:
      return NULL;
    }
}

void
rg_check_out_dialog_start_with (RgCheckOutDialog *self,
                                RgSaleLineKind    kind)
{
  g_return_if_fail (RG_IS_CHECK_OUT_DIALOG (self));

  switch (kind)
    {
    case RG_SALE_LINE_DEPOSIT:
      if (self->client_id)
        rg_check_out_dialog_add_item (self, RG_SALE_LINE_DEPOSIT, 0);
      break;
    case RG_SALE_LINE_SUBSCRIPTION:
      if (self->add_subscription && gtk_widget_get_visible (GTK_WIDGET (self->add_subscription)))
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->add_subscription));
          /* One kind only: nothing to choose. */
          if (self->kinds->len == 1)
            add_subscription_cb (self);
        }
      break;
    case RG_SALE_LINE_CERTIFICATE:
    case RG_SALE_LINE_SERVICE:
    case RG_SALE_LINE_PRODUCT:
      {
        AdwComboRow *chooser = rg_check_out_dialog_get_chooser (self, kind);

        if (chooser)
          gtk_widget_grab_focus (GTK_WIDGET (chooser));
      }
      break;
    case RG_SALE_LINE_TIP:
    default:
      break;
    }
}

GtkEditable *
rg_check_out_dialog_get_sale_discount (RgCheckOutDialog *self)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  return self->sale_discount;
}

GtkEditable *
rg_check_out_dialog_get_line_discount (RgCheckOutDialog *self,
                                       guint             line)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);
  fill_line_row (self, line);
  return g_array_index (self->lines, LineWidgets, line).discount;
}

GtkWidget *
rg_check_out_dialog_get_check_out_button (RgCheckOutDialog *self)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  return self->check_out_button;
}

const RgSaleQuote *
rg_check_out_dialog_get_quote (RgCheckOutDialog *self)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  return self->quote;
}

const char *
rg_check_out_dialog_get_error (RgCheckOutDialog *self)
{
  g_return_val_if_fail (RG_IS_CHECK_OUT_DIALOG (self), NULL);
  return self->error;
}
