/* rg-refund-dialog.c — money back for a sale.
 *
 * The sale's lines not taken back yet, each with a check (all checked),
 * the reason (asked for: a refund without one is refused), how the money
 * goes back (the sale's own method first), and for a visit whether it
 * stays done. The sale itself stays; the refund is a receipt of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-refund"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-format.h"
#include "rg-refund-dialog.h"

static const RgPaymentMethod back_methods[] = { RG_PAYMENT_CASH, RG_PAYMENT_CARD, RG_PAYMENT_TRANSFER };

struct _RgRefundDialog
{
  AdwMessageDialog  parent_instance;

  RgStudio         *studio;
  RgReceipt        *receipt;
  GPtrArray        *checks;     /* GtkCheckButton, by receipt line; NULL for lines refunded */
  GtkEditable      *reason;
  AdwComboRow      *method;
  AdwActionRow     *set_back_row;
  GtkSwitch        *set_back;
  GtkLabel         *error;
  char             *summary;    /* after the refund: where everything went back */
};

G_DEFINE_FINAL_TYPE (RgRefundDialog, rg_refund_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum { REFUNDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gint64
chosen_sum (RgRefundDialog *self,
            guint          *n_chosen)
{
  gint64 sum = 0;

  *n_chosen = 0;
  for (guint i = 0; i < self->checks->len; i++)
    if (self->checks->pdata[i] && gtk_check_button_get_active (self->checks->pdata[i]))
      {
        sum += self->receipt->lines[i].price;
        (*n_chosen)++;
      }
  return sum;
}

/* One payment of a refund (negative) in words: "2,000 ₽ back to gift
 * certificate GC-000003", "700 ₽ in cash". */
static char *
describe_back (const RgReceiptPayment *payment)
{
  g_autofree char *sum = rg_format_price (-payment->amount);
  const char *reference = payment->reference ? payment->reference : "";

  switch (payment->method)
    {
    case RG_PAYMENT_CERTIFICATE:
      /* Translators: "2,000 ₽ back to gift certificate GC-000003" */
      return g_strdup_printf (_("%s back to gift certificate %s"), sum, reference);
    case RG_PAYMENT_SUBSCRIPTION:
      /* Translators: "a visit back to the subscription “5 manicures”" */
      return g_strdup_printf (_("a visit back to the subscription “%s”"), reference);
    case RG_PAYMENT_DEPOSIT:
      /* Translators: "700 ₽ back to the deposit" */
      return g_strdup_printf (_("%s back to the deposit"), sum);
    case RG_PAYMENT_POINTS:
      /* Translators: "1,000 ₽ back in points" */
      return g_strdup_printf (_("%s back in points"), sum);
    case RG_PAYMENT_CASH:
      /* Translators: "700 ₽ in cash" */
      return g_strdup_printf (_("%s in cash"), sum);
    case RG_PAYMENT_CARD:
      /* Translators: "700 ₽ to the card" */
      return g_strdup_printf (_("%s to the card"), sum);
    case RG_PAYMENT_TRANSFER:
      /* Translators: "700 ₽ by bank transfer" */
      return g_strdup_printf (_("%s by bank transfer"), sum);
    case RG_PAYMENT_UNRECORDED:
    case RG_N_PAYMENT_METHODS:
    default:
      return g_strdup_printf ("%s %s", sum, rg_payment_method_to_string (payment->method));
    }
}

/* Where a refund's payments went, from the refund's receipt, in the order
 * the refund gives back: prepaid first, then money. */
static char *
describe_refund (const RgReceipt *refund)
{
  static const RgPaymentMethod order[] = {
    RG_PAYMENT_SUBSCRIPTION, RG_PAYMENT_POINTS, RG_PAYMENT_CERTIFICATE, RG_PAYMENT_DEPOSIT,
    RG_PAYMENT_CASH, RG_PAYMENT_CARD, RG_PAYMENT_TRANSFER, RG_PAYMENT_UNRECORDED,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint m = 0; m < G_N_ELEMENTS (order); m++)
    for (guint i = 0; i < refund->n_payments; i++)
      if (refund->payments[i].method == order[m])
        {
          g_autofree char *part = describe_back (&refund->payments[i]);

          if (text->len)
            g_string_append (text, ", ");
          g_string_append (text, part);
        }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the sale was paid with from the client's prepaid, said before the
 * refund: all of it comes back when every line goes back; part of it
 * when some lines do (the prepaid first, up to what each paid). */
static char *
describe_prepaid (RgRefundDialog *self,
                  gboolean        everything)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 prepaid = 0;

  for (guint i = 0; i < self->receipt->n_payments; i++)
    {
      const RgReceiptPayment *payment = &self->receipt->payments[i];
      g_autofree char *sum = rg_format_price (payment->amount);

      if (payment->method != RG_PAYMENT_CERTIFICATE && payment->method != RG_PAYMENT_SUBSCRIPTION &&
          payment->method != RG_PAYMENT_DEPOSIT && payment->method != RG_PAYMENT_POINTS)
        continue;
      prepaid += payment->amount;
      if (text->len)
        g_string_append (text, ", ");
      /* Translators: a prepaid payment of the sale: "Gift certificate GC-000003 (2,000 ₽)" */
      g_string_append_printf (text, _("%s (%s)"),
                              payment->label ? payment->label : rg_payment_method_to_string (payment->method), sum);
    }
  if (text->len == 0)
    return NULL;
  if (everything)
    {
      g_autofree char *rest = rg_format_price (MAX (self->receipt->total - prepaid, 0));

      /* Translators: the prepaid payments that come back whole, e.g. "Gift certificate GC-000003 (2,000 ₽),
       * Bonus points (1,000 ₽)", then the money */
      return g_strdup_printf (_("First back to the prepaid: %s. The rest, %s, as chosen below."), text->str, rest);
    }
  /* Translators: the prepaid payments some of which come back */
  return g_strdup_printf (_("First back to the prepaid, up to what each paid: %s. The rest as chosen below."),
                          text->str);
}

static void
update (RgRefundDialog *self)
{
  g_autofree char *sum_text = NULL;
  g_autofree char *body = NULL;
  guint n = 0;
  gint64 sum = chosen_sum (self, &n);
  const char *reason = gtk_editable_get_text (self->reason);
  g_autofree char *clean = g_strstrip (g_strdup (reason));

  sum_text = rg_format_price (sum);
  /* Translators: the sum that goes back to the client */
  body = g_strdup_printf (_("%s goes back to the client. The sale stays in the books with its refund."), sum_text);
  {
    guint open = 0;
    g_autofree char *prepaid = NULL;

    for (guint i = 0; i < self->checks->len; i++)
      open += self->checks->pdata[i] != NULL;
    prepaid = n > 0 ? describe_prepaid (self, n == open && open == self->receipt->n_lines) : NULL;
    if (prepaid)
      {
        char *both = g_strdup_printf ("%s\n\n%s", body, prepaid);

        g_free (body);
        body = both;
      }
  }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "refund", n > 0 && *clean != '\0');
}

gboolean
rg_refund_dialog_refund (RgRefundDialog  *self,
                         GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint method = adw_combo_row_get_selected (self->method);
  gint64 refund_id = 0;

  g_return_val_if_fail (RG_IS_REFUND_DIALOG (self), FALSE);

  for (guint i = 0; i < self->checks->len; i++)
    if (self->checks->pdata[i] && gtk_check_button_get_active (self->checks->pdata[i]))
      g_array_append_val (ids, self->receipt->lines[i].id);
  if (ids->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose what goes back."));
      return FALSE;
    }
  if (!rg_studio_refund (self->studio, self->receipt->id, (const gint64 *) ids->data, ids->len,
                         gtk_editable_get_text (self->reason),
                         back_methods[MIN (method, G_N_ELEMENTS (back_methods) - 1)],
                         gtk_widget_get_visible (GTK_WIDGET (self->set_back_row)) &&
                         gtk_switch_get_active (self->set_back),
                         &refund_id, error))
    return FALSE;
  {
    g_autoptr(RgReceipt) refund = rg_studio_read_receipt (self->studio, refund_id, NULL);

    g_free (self->summary);
    self->summary = refund ? describe_refund (refund) : NULL;
  }
  g_signal_emit (self, signals[REFUNDED], 0, refund_id);
  return TRUE;
}

const char *
rg_refund_dialog_get_summary (RgRefundDialog *self)
{
  g_return_val_if_fail (RG_IS_REFUND_DIALOG (self), NULL);
  return self->summary;
}

static void
response_cb (RgRefundDialog *self,
             const char     *response)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "refund"))
    return;
  if (rg_refund_dialog_refund (self, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      /* Where it all went, in the window's toast. */
      if (parent && self->summary && *self->summary)
        {
          /* Translators: a toast after a refund: "Refunded: 2,000 ₽ back to gift certificate GC-000003, 700 ₽ in cash" */
          g_autofree char *toast = g_strdup_printf (_("Refunded: %s"), self->summary);

          gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", toast);
        }
      else if (parent)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("Refunded"));
    }
  else
    {
      /* The dialog closes on a response: the message goes to a new one. */
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      GtkWidget *message = adw_message_dialog_new (parent, _("Nothing Was Refunded"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static GtkWidget *
build (RgRefundDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *lines = gtk_list_box_new ();
  GtkWidget *details = gtk_list_box_new ();
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  GtkWidget *reason = adw_entry_row_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (lines), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (lines, "boxed-list");
  self->checks = g_ptr_array_new ();
  for (guint i = 0; i < self->receipt->n_lines; i++)
    {
      const RgReceiptLine *line = &self->receipt->lines[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *price = rg_format_price (line->price);
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (line->refunded)
        subtitle = g_strdup_printf ("%s · %s", price, _("refunded already"));
      else if (line->master)
        subtitle = g_strdup_printf ("%s · %s", price, line->master);
      else
        subtitle = g_strdup (price);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (line->refunded)
        {
          gtk_widget_set_sensitive (row, FALSE);
          g_ptr_array_add (self->checks, NULL);
        }
      else
        {
          GtkWidget *check = gtk_check_button_new ();

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          g_signal_connect_swapped (check, "toggled", G_CALLBACK (update), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_ptr_array_add (self->checks, check);
        }
      gtk_list_box_append (GTK_LIST_BOX (lines), row);
    }
  gtk_box_append (GTK_BOX (box), lines);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (details), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (details, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Reason"));
  g_signal_connect_swapped (reason, "changed", G_CALLBACK (update), self);
  gtk_list_box_append (GTK_LIST_BOX (details), reason);
  self->reason = GTK_EDITABLE (reason);

  for (guint m = 0; m < G_N_ELEMENTS (back_methods); m++)
    gtk_string_list_append (methods, rg_payment_method_to_string (back_methods[m]));
  self->method = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->method), _("Paid Back"));
  adw_combo_row_set_model (self->method, G_LIST_MODEL (methods));
  /* The way the sale was paid, where it was one of these. */
  for (guint p = 0; p < self->receipt->n_payments; p++)
    for (guint m = 0; m < G_N_ELEMENTS (back_methods); m++)
      if (self->receipt->payments[p].method == back_methods[m] && self->receipt->payments[p].amount > 0)
        {
          adw_combo_row_set_selected (self->method, m);
          p = self->receipt->n_payments - 1;
          break;
        }
  gtk_list_box_append (GTK_LIST_BOX (details), GTK_WIDGET (self->method));

  self->set_back_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->set_back_row), _("The Visit Did Not Take Place"));
  adw_action_row_set_subtitle (self->set_back_row, _("Off: the visit stays done and counts what stays paid"));
  self->set_back = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->set_back), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->set_back_row, GTK_WIDGET (self->set_back));
  adw_action_row_set_activatable_widget (self->set_back_row, GTK_WIDGET (self->set_back));
  gtk_widget_set_visible (GTK_WIDGET (self->set_back_row), self->receipt->appointment_id != 0);
  gtk_list_box_append (GTK_LIST_BOX (details), GTK_WIDGET (self->set_back_row));
  gtk_box_append (GTK_BOX (box), details);

  return box;
}

static void
rg_refund_dialog_finalize (GObject *object)
{
  RgRefundDialog *self = RG_REFUND_DIALOG (object);

  g_clear_object (&self->studio);
  g_clear_pointer (&self->receipt, rg_receipt_free);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_free (self->summary);
  G_OBJECT_CLASS (rg_refund_dialog_parent_class)->finalize (object);
}

static void
rg_refund_dialog_class_init (RgRefundDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_refund_dialog_finalize;
  signals[REFUNDED] = g_signal_new ("refunded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
rg_refund_dialog_init (RgRefundDialog *self)
{
}

RgRefundDialog *
rg_refund_dialog_new (GtkWindow  *parent,
                      RgStudio   *studio,
                      gint64      sale_id,
                      GError    **error)
{
  RgRefundDialog *self;
  RgReceipt *receipt;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  receipt = rg_studio_read_receipt (studio, sale_id, error);
  if (receipt == NULL)
    return NULL;

  /* Translators: the dialog's heading, with the receipt's number */
  heading = g_strdup_printf (_("Refund Receipt No. %lld?"), (long long) receipt->number);
  self = g_object_new (RG_TYPE_REFUND_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       NULL);
  self->studio = g_object_ref (studio);
  self->receipt = receipt;
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), build (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "refund", _("_Refund"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "refund", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  update (self);
  return self;
}

GtkCheckButton *
rg_refund_dialog_get_line (RgRefundDialog *self,
                           guint           index)
{
  g_return_val_if_fail (RG_IS_REFUND_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->checks->len, NULL);
  return self->checks->pdata[index];
}

GtkEditable *
rg_refund_dialog_get_reason (RgRefundDialog *self)
{
  g_return_val_if_fail (RG_IS_REFUND_DIALOG (self), NULL);
  return self->reason;
}

void
rg_refund_dialog_set_method (RgRefundDialog  *self,
                             RgPaymentMethod  method)
{
  g_return_if_fail (RG_IS_REFUND_DIALOG (self));

  for (guint m = 0; m < G_N_ELEMENTS (back_methods); m++)
    if (back_methods[m] == method)
      adw_combo_row_set_selected (self->method, m);
}

void
rg_refund_dialog_set_back (RgRefundDialog *self,
                           gboolean        set_back)
{
  g_return_if_fail (RG_IS_REFUND_DIALOG (self));
  gtk_switch_set_active (self->set_back, set_back);
}
