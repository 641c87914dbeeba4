/* rg-client-card-balances.c — the client card's "Balances": what the
 * client holds at the studio, under the visits and the card's tier.
 *
 * The deposit (its balance; Withdraw… gives it back as money), the bonus
 * points (how many, what they are worth, how many expire and when;
 * Correct… adds or takes points with a note), each subscription still
 * running ("3 of 10 visits left", until when or "starts at first use",
 * the services it covers), the gift certificates the client bought with a
 * balance, a one-off discount a reward gave, and who referred the client
 * with whether the reward was granted. Each instrument's row opens on its
 * ledger (rg-ledger-rows.c), read when it opens. Rows with nothing to say
 * are hidden, and the group with them; Top Up… and the till's other sales
 * go through win.sell with the client.
 *
 * Read in one model call (rg_studio_read_balances: a few indexed sums)
 * with the card's other lists, after a commit that moved money.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-client-card"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "model/rg-prepaid.h"
#include "model/rg-pricing.h"
#include "model/rg-sale.h"
#include "rg-client-card-private.h"
#include "util/rg-money.h"
#include "widgets/money/rg-ledger-rows.h"

static gint64
client_id (RgClientCard *self)
{
  return self->client ? rg_record_get_id (RG_RECORD (self->client)) : 0;
}

static GtkWindow *
card_window (RgClientCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (RgClientCard *self,
       const char   *text)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", text);
}

/* Withdraw ---------------------------------------------------------------------- */

static const RgPaymentMethod withdraw_methods[] = { RG_PAYMENT_CASH, RG_PAYMENT_CARD, RG_PAYMENT_TRANSFER };

typedef struct {
  GtkEditable *amount;
  GtkDropDown *method;
  GtkEditable *reason;
  gint64       balance;
} WithdrawForm;

static gboolean
withdraw_read (WithdrawForm *form,
               gint64       *amount)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (form->reason)));

  return rg_money_parse (gtk_editable_get_text (form->amount), amount, NULL) && *amount > 0 &&
         *amount <= form->balance && *reason != '\0';
}

static void
withdraw_changed_cb (AdwMessageDialog *dialog)
{
  WithdrawForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  gint64 amount = 0;

  adw_message_dialog_set_response_enabled (dialog, "withdraw", withdraw_read (form, &amount));
}

static void
withdraw_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RgClientCard     *self)
{
  WithdrawForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  guint method = gtk_drop_down_get_selected (form->method);
  gint64 amount = 0, sale_id = 0;

  if (!g_str_equal (response, "withdraw") || self->client == NULL || !withdraw_read (form, &amount))
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (form->reason)));
  if (!rg_studio_withdraw_deposit (self->studio, client_id (self), amount,
                                   withdraw_methods[MIN (method, G_N_ELEMENTS (withdraw_methods) - 1)],
                                   reason, &sale_id, &error))
    {
      rg_client_card_show_error (self, NULL, error->message);
      return;
    }
  {
    g_autofree char *money = rg_format_price (amount);
    /* Translators: after a deposit was given back; %s is the amount */
    g_autofree char *text = g_strdup_printf (_("%s given back from the deposit"), money);

    toast (self, text);
  }
}

static void
withdraw_clicked_cb (GtkButton    *button,
                     RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClientBalances) balances = NULL;
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autofree char *balance = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *amount, *method, *reason;
  WithdrawForm *form;

  if (self->client == NULL)
    return;
  balances = rg_studio_read_balances (self->studio, client_id (self), &error);
  if (balances == NULL)
    {
      rg_client_card_show_error (self, NULL, error->message);
      return;
    }
  balance = rg_format_price (balances->deposit);
  /* Translators: the deposit's withdrawal dialog: the client and their balance */
  body = g_strdup_printf (_("%s has %s on their deposit. What is given back leaves the deposit as money paid out."),
                          rg_client_get_address_as (self->client), balance);
  dialog = adw_message_dialog_new (card_window (self), _("Withdraw from the Deposit?"), body);

  for (guint i = 0; i < G_N_ELEMENTS (withdraw_methods); i++)
    gtk_string_list_append (methods, rg_payment_method_to_string (withdraw_methods[i]));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  amount = gtk_entry_new ();
  method = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (methods)), NULL);
  reason = gtk_entry_new ();
  {
    g_autofree char *all = rg_format_money_editable (balances->deposit);

    gtk_editable_set_text (GTK_EDITABLE (amount), all);
  }
  gtk_entry_set_input_purpose (GTK_ENTRY (amount), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_placeholder_text (GTK_ENTRY (amount), _("Amount"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (amount), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Amount"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (method), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Paid Out In"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason (required)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (reason), TRUE);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), method);
  gtk_box_append (GTK_BOX (box), reason);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "withdraw", _("_Withdraw"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "withdraw");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  form = g_new0 (WithdrawForm, 1);
  form->amount = GTK_EDITABLE (amount);
  form->method = GTK_DROP_DOWN (method);
  form->reason = GTK_EDITABLE (reason);
  form->balance = balances->deposit;
  g_object_set_data_full (G_OBJECT (dialog), "form", form, g_free);
  g_signal_connect_swapped (amount, "changed", G_CALLBACK (withdraw_changed_cb), dialog);
  g_signal_connect_swapped (reason, "changed", G_CALLBACK (withdraw_changed_cb), dialog);
  withdraw_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (withdraw_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (reason);
}

/* Correct points -------------------------------------------------------------- */

typedef struct {
  GtkEditable *points;
  GtkEditable *note;
  gint64       balance;
} CorrectForm;

/* "+50", "50" or "−20" / "-20": whole points, never below zero after. */
static gboolean
correct_read (CorrectForm *form,
              gint64      *points)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (form->points)));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (form->note)));
  const char *digits = text;
  gboolean negative = FALSE;
  guint64 value = 0;

  if (g_str_has_prefix (digits, "−"))
    {
      negative = TRUE;
      digits += strlen ("−");
    }
  else if (*digits == '-' || *digits == '+')
    {
      negative = *digits == '-';
      digits++;
    }
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT32, &value, NULL))
    return FALSE;
  *points = negative ? -(gint64) value : (gint64) value;
  return *note != '\0' && form->balance + *points >= 0;
}

static void
correct_changed_cb (AdwMessageDialog *dialog)
{
  CorrectForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  gint64 points = 0;

  adw_message_dialog_set_response_enabled (dialog, "correct", correct_read (form, &points));
}

static void
correct_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RgClientCard     *self)
{
  CorrectForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gint64 points = 0;

  if (!g_str_equal (response, "correct") || self->client == NULL || !correct_read (form, &points))
    return;
  note = g_strstrip (g_strdup (gtk_editable_get_text (form->note)));
  if (!rg_studio_correct_points (self->studio, client_id (self), points, note, &error))
    rg_client_card_show_error (self, NULL, error->message);
}

static void
correct_clicked_cb (GtkButton    *button,
                    RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClientBalances) balances = NULL;
  g_autofree char *body = NULL;
  g_autofree char *count = NULL;
  GtkWidget *dialog, *box, *points, *note;
  CorrectForm *form;

  if (self->client == NULL)
    return;
  balances = rg_studio_read_balances (self->studio, client_id (self), &error);
  if (balances == NULL)
    {
      rg_client_card_show_error (self, NULL, error->message);
      return;
    }
  count = rg_ledger_format_amount (RG_LEDGER_POINTS, balances->points, FALSE);
  /* Translators: the points' correction dialog: the client and their points */
  body = g_strdup_printf (_("%s has %s. Type the points to add, or to take with a minus (−20), and why."),
                          rg_client_get_address_as (self->client), count);
  dialog = adw_message_dialog_new (card_window (self), _("Correct the Points?"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  points = gtk_entry_new ();
  note = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (points), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_placeholder_text (GTK_ENTRY (points), _("Points, such as 50 or −20"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (points), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Points"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Why (required)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_box_append (GTK_BOX (box), points);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "correct", _("C_orrect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "correct", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "correct");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  form = g_new0 (CorrectForm, 1);
  form->points = GTK_EDITABLE (points);
  form->note = GTK_EDITABLE (note);
  form->balance = balances->points;
  g_object_set_data_full (G_OBJECT (dialog), "form", form, g_free);
  g_signal_connect_swapped (points, "changed", G_CALLBACK (correct_changed_cb), dialog);
  g_signal_connect_swapped (note, "changed", G_CALLBACK (correct_changed_cb), dialog);
  correct_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (correct_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (points);
}

/* Rows ------------------------------------------------------------------------- */

static GtkWidget *
row_button (const char *label,
            const char *tooltip,
            GCallback   clicked,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (clicked)
    g_signal_connect (button, "clicked", clicked, data);
  return button;
}

/* An instrument's row, opening on its ledger; @key names it so that an
 * open one stays open when the rows are made again. */
static AdwExpanderRow *
ledger_row (RgClientCard *self,
            GHashTable   *open,
            const char   *key,
            const char   *title,
            const char   *subtitle,
            RgLedger      ledger,
            gint64        owner_id)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, subtitle);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  rg_ledger_rows_attach (row, self->studio, ledger, owner_id);
  adw_preferences_group_add (self->balances_group, GTK_WIDGET (row));
  g_ptr_array_add (self->balance_rows, row);
  if (g_hash_table_contains (open, key))
    adw_expander_row_set_expanded (row, TRUE);
  return row;
}

static void
plain_row (RgClientCard *self,
           const char   *title,
           const char   *subtitle,
           const char   *action)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (action)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  adw_preferences_group_add (self->balances_group, row);
  g_ptr_array_add (self->balance_rows, row);
}

static void
remove_balance_rows (RgClientCard *self,
                     GHashTable   *open)
{
  for (guint i = 0; i < self->balance_rows->len; i++)
    {
      GtkWidget *row = self->balance_rows->pdata[i];
      const char *key = g_object_get_data (G_OBJECT (row), "key");

      if (open && key && ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (open, g_strdup (key));
      adw_preferences_group_remove (self->balances_group, row);
    }
  g_ptr_array_set_size (self->balance_rows, 0);
}

static void
add_deposit (RgClientCard           *self,
             GHashTable             *open,
             const RgClientBalances *b)
{
  g_autofree char *balance = NULL;
  AdwExpanderRow *row;

  if (b->deposit <= 0)
    return;
  balance = rg_format_price (b->deposit);
  row = ledger_row (self, open, "deposit", _("Deposit"), balance, RG_LEDGER_DEPOSIT, client_id (self));
  adw_expander_row_add_action (row, row_button (_("_Withdraw…"), _("Give the deposit back as money"),
                                                G_CALLBACK (withdraw_clicked_cb), self));
}

static void
add_points (RgClientCard           *self,
            GHashTable             *open,
            const RgClientBalances *b)
{
  g_autofree char *count = NULL;
  g_autofree char *worth = NULL;
  g_autoptr(GString) subtitle = NULL;
  AdwExpanderRow *row;

  if (b->points <= 0)
    return;
  count = rg_ledger_format_amount (RG_LEDGER_POINTS, b->points, FALSE);
  worth = rg_format_price (b->points * b->point_value);
  subtitle = g_string_new (count);
  /* Translators: what a client's bonus points are worth in money */
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, _("worth %s"), worth);
  if (b->points_expiring > 0 && b->points_expiring_at > 0)
    {
      g_autofree char *day = rg_format_date (b->points_expiring_at);

      g_string_append (subtitle, " · ");
      /* Translators: how many of a client's points expire soon, and the day */
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%lld expires on %s",
                                                     "%lld expire on %s", (gulong) b->points_expiring),
                              (long long) b->points_expiring, day);
    }
  row = ledger_row (self, open, "points", _("Bonus Points"), subtitle->str, RG_LEDGER_POINTS, client_id (self));
  adw_expander_row_add_action (row, row_button (_("C_orrect…"), _("Add or take points, with a note"),
                                                G_CALLBACK (correct_clicked_cb), self));
}

static void
add_subscriptions (RgClientCard           *self,
                   GHashTable             *open,
                   const RgClientBalances *b)
{
  for (guint i = 0; b->subscriptions && i < b->subscriptions->len; i++)
    {
      const RgSubscription *s = &g_array_index (b->subscriptions, RgSubscription, i);
      g_autofree char *key = g_strdup_printf ("subscription:%" G_GINT64_FORMAT, s->id);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* Translators: a subscription's visits left of those bought, "3 of 10 visits left" */
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%lld of %lld visit left",
                                                     "%lld of %lld visits left", (gulong) s->remaining),
                              (long long) s->remaining, (long long) s->visits);
      g_string_append (subtitle, " · ");
      if (s->expires_at > 0)
        {
          g_autofree char *day = rg_format_date (s->expires_at - 1);

          /* Translators: a subscription's last valid day */
          g_string_append_printf (subtitle, _("until %s"), day);
        }
      else
        g_string_append (subtitle, _("starts at first use"));
      if (s->services && *s->services)
        g_string_append_printf (subtitle, " · %s", s->services);
      ledger_row (self, open, key, s->name, subtitle->str, RG_LEDGER_SUBSCRIPTION, s->id);
    }
}

static void
add_certificates (RgClientCard           *self,
                  GHashTable             *open,
                  const RgClientBalances *b)
{
  for (guint i = 0; b->certificates && i < b->certificates->len; i++)
    {
      const RgCertificate *c = &g_array_index (b->certificates, RgCertificate, i);
      g_autofree char *key = g_strdup_printf ("certificate:%" G_GINT64_FORMAT, c->id);
      g_autofree char *balance = rg_format_price (c->balance);
      g_autofree char *amount = rg_format_price (c->amount);
      g_autofree char *day = rg_format_date (c->expires_at - 1);
      /* Translators: a gift certificate on the buyer's card, with its number */
      g_autofree char *title = g_strdup_printf (_("Gift Certificate %s"), c->number);
      g_autofree char *subtitle = NULL;

      if (c->service)
        /* Translators: a service's gift certificate: the service and its last valid day */
        subtitle = g_strdup_printf (_("For %s · valid through %s"), c->service, day);
      else
        /* Translators: a gift certificate: its balance, its face value and its last valid day */
        subtitle = g_strdup_printf (_("%s left of %s · valid through %s"), balance, amount, day);
      ledger_row (self, open, key, title, subtitle, RG_LEDGER_CERTIFICATE, c->id);
    }
}

static void
add_reward_discounts (RgClientCard           *self,
                      const RgClientBalances *b)
{
  for (guint i = 0; b->reward_discounts && i < b->reward_discounts->len; i++)
    {
      const RgRewardDiscount *d = &g_array_index (b->reward_discounts, RgRewardDiscount, i);
      g_autofree char *percent = rg_pricing_format_percent (d->percent);
      /* Translators: a one-off discount a referral reward gave, "One-off discount, 10 %" */
      g_autofree char *title = g_strdup_printf (_("One-Off Discount, %s %%"), percent);

      plain_row (self, title, _("A referral reward: the till takes it off one sale"), NULL);
    }
}

static void
add_referral (RgClientCard           *self,
              const RgClientBalances *b)
{
  g_autoptr(RgClient) referrer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (b->referred_by_id == 0)
    return;
  referrer = rg_studio_lookup (self->studio, RG_TYPE_CLIENT, b->referred_by_id, NULL);
  if (referrer == NULL)
    return;
  /* Translators: on the card, the client who referred this one */
  title = g_strdup_printf (_("Referred by %s"), rg_client_get_address_as (referrer));
  if (b->referral_granted_at > 0)
    {
      g_autofree char *day = rg_format_date (b->referral_granted_at);

      /* Translators: the referral reward was given to both; %s is the day */
      subtitle = g_strdup_printf (_("Reward granted on %s"), day);
    }
  else
    subtitle = g_strdup (_("Reward not yet granted: it comes with the first visit done and paid"));
  plain_row (self, title, subtitle, "card.open-referrer");
}

/* API ---------------------------------------------------------------------------- */

void
rg_client_card_setup_balances (RgClientCard *self)
{
  GtkWidget *top_up = gtk_button_new_with_mnemonic (_("_Top Up…"));

  self->balance_rows = g_ptr_array_new ();
  self->balances_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->balances_group, _("Balances"));
  gtk_widget_add_css_class (top_up, "flat");
  gtk_widget_set_tooltip_text (top_up, _("Top up the deposit, or sell a subscription or a certificate, at the till"));
  adw_preferences_group_set_header_suffix (self->balances_group, top_up);
  gtk_widget_set_visible (GTK_WIDGET (self->balances_group), FALSE);
  /* Under the visits and the card's tier. */
  gtk_widget_insert_after (GTK_WIDGET (self->balances_group), gtk_widget_get_parent (GTK_WIDGET (self->visits_group)),
                           GTK_WIDGET (self->visits_group));
}

void
rg_client_card_update_balances (RgClientCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgClientBalances) balances = NULL;
  g_autoptr(GHashTable) open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *top_up;

  if (self->balances_group == NULL)
    return;
  remove_balance_rows (self, open);
  if (self->client == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->balances_group), FALSE);
      return;
    }
  balances = rg_studio_read_balances (self->studio, client_id (self), &error);
  if (balances == NULL)
    {
      g_warning ("Could not read the client's balances: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->balances_group), FALSE);
      return;
    }
  top_up = adw_preferences_group_get_header_suffix (self->balances_group);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (top_up), g_variant_new_int64 (client_id (self)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (top_up), "win.sell");

  add_deposit (self, open, balances);
  add_points (self, open, balances);
  add_subscriptions (self, open, balances);
  add_certificates (self, open, balances);
  add_reward_discounts (self, balances);
  add_referral (self, balances);
  gtk_widget_set_visible (GTK_WIDGET (self->balances_group), self->balance_rows->len > 0);
}

void
rg_client_card_clear_balances (RgClientCard *self)
{
  if (self->balances_group)
    remove_balance_rows (self, NULL);
}
