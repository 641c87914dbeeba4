/* rg-receipt.c — what a sale looks like on its receipt, a client's sales,
 * a visit's sale, and the names of payment methods and line kinds.
 *
 * Reads only: the commands that write sales are in rg-sale.c. A receipt
 * is read in one go from the rows the till wrote (sales, sale_lines,
 * payments) with the studio's name, address and tax number as they are
 * now. A line is refunded when a refund's line names it (refund_of_line);
 * a refund's own receipt shows its lines negated, as they are stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "util/rg-phone.h"
#include "rg-sale.h"
#include "rg-studio-identity.h"

/* Names ------------------------------------------------------------------- */

static const struct {
  const char *nick;
  const char *name;
} payment_methods[RG_N_PAYMENT_METHODS] = {
  [RG_PAYMENT_CASH]         = { "cash", N_("Cash") },
  [RG_PAYMENT_CARD]         = { "card", N_("Card") },
  [RG_PAYMENT_TRANSFER]     = { "transfer", N_("Bank transfer") },
  [RG_PAYMENT_DEPOSIT]      = { "deposit", N_("Deposit") },
  [RG_PAYMENT_SUBSCRIPTION] = { "subscription", N_("Subscription") },
  [RG_PAYMENT_CERTIFICATE]  = { "certificate", N_("Gift certificate") },
  [RG_PAYMENT_POINTS]       = { "points", N_("Bonus points") },
  [RG_PAYMENT_UNRECORDED]   = { "unrecorded", N_("Not recorded") },
};

/* The method as the payments table keeps it ("cash"). */
const char *
rg_payment_method_to_nick (RgPaymentMethod method)
{
  g_return_val_if_fail ((guint) method < RG_N_PAYMENT_METHODS, NULL);
  return payment_methods[method].nick;
}

gboolean
rg_payment_method_from_nick (const char      *nick,
                             RgPaymentMethod *method)
{
  if (nick == NULL)
    return FALSE;
  for (guint i = 0; i < RG_N_PAYMENT_METHODS; i++)
    if (g_str_equal (nick, payment_methods[i].nick))
      {
        if (method)
          *method = (RgPaymentMethod) i;
        return TRUE;
      }
  return FALSE;
}

/* The method as a person reads it ("Bank transfer"), translated. */
const char *
rg_payment_method_to_string (RgPaymentMethod method)
{
  g_return_val_if_fail ((guint) method < RG_N_PAYMENT_METHODS, NULL);
  return _(payment_methods[method].name);
}

const char *
rg_sale_line_kind_to_nick (RgSaleLineKind kind)
{
  switch (kind)
    {
    case RG_SALE_LINE_SERVICE:
      return "service";
    case RG_SALE_LINE_PRODUCT:
      return "product";
    case RG_SALE_LINE_TIP:
      return "tip";
    case RG_SALE_LINE_DEPOSIT:
      return "deposit";
    case RG_SALE_LINE_SUBSCRIPTION:
      return "subscription";
    case RG_SALE_LINE_CERTIFICATE:
      return "certificate";
    default:
      g_return_val_if_reached (NULL);
    }
}

static RgSaleLineKind
line_kind_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "product") == 0)
    return RG_SALE_LINE_PRODUCT;
  if (g_strcmp0 (nick, "tip") == 0)
    return RG_SALE_LINE_TIP;
  if (g_strcmp0 (nick, "deposit") == 0)
    return RG_SALE_LINE_DEPOSIT;
  if (g_strcmp0 (nick, "subscription") == 0)
    return RG_SALE_LINE_SUBSCRIPTION;
  if (g_strcmp0 (nick, "certificate") == 0)
    return RG_SALE_LINE_CERTIFICATE;
  return RG_SALE_LINE_SERVICE;
}

/* The receipt ------------------------------------------------------------- */

void
rg_receipt_free (RgReceipt *receipt)
{
  if (receipt == NULL)
    return;
  for (guint i = 0; i < receipt->n_lines; i++)
    {
      g_free (receipt->lines[i].name);
      g_free (receipt->lines[i].master);
      g_free (receipt->lines[i].reference);
    }
  g_free (receipt->lines);
  for (guint i = 0; i < receipt->n_payments; i++)
    {
      g_free (receipt->payments[i].label);
      g_free (receipt->payments[i].reference);
    }
  g_free (receipt->payments);
  g_free (receipt->reason);
  g_free (receipt->client);
  g_free (receipt->client_phone);
  g_free (receipt->studio_name);
  g_free (receipt->studio_address);
  g_free (receipt->tax_number);
  g_free (receipt);
}

static char *
dup_text (RgStmt *stmt,
          int     column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text && *text ? g_strdup (text) : NULL;
}

static gboolean
read_head (RgStore    *store,
           RgReceipt  *receipt,
           GError    **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = rg_store_prepare (store,
                           "SELECT s.number, s.kind = 'refund', o.number, s.reason, s.created_at,"
                           " s.client_id, coalesce (nullif (trim (c.full_name), ''), c.address_as), c.phone,"
                           " s.appointment_id"
                           " FROM sales s"
                           " LEFT JOIN sales o ON o.id = s.refund_of"
                           " LEFT JOIN clients c ON c.id = s.client_id"
                           " WHERE s.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt->id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                   _("This sale is not in the studio any more."));
      return FALSE;
    }
  receipt->number = sqlite3_column_int64 (stmt, 0);
  receipt->refund = sqlite3_column_int (stmt, 1) != 0;
  receipt->refund_of_number = sqlite3_column_int64 (stmt, 2);
  receipt->reason = dup_text (stmt, 3);
  receipt->sold_at = sqlite3_column_int64 (stmt, 4);
  receipt->client_id = sqlite3_column_int64 (stmt, 5);
  receipt->client = dup_text (stmt, 6);
  receipt->client_phone = dup_text (stmt, 7);
  receipt->appointment_id = sqlite3_column_int64 (stmt, 8);
  return TRUE;
}

static gboolean
read_lines (RgStore    *store,
            RgReceipt  *receipt,
            GError    **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RgReceiptLine));

  stmt = rg_store_prepare (store,
                           "SELECT l.id, l.kind, coalesce (sv.name, p.name,"
                           "  (SELECT name FROM subscriptions WHERE sale_line_id = coalesce (l.refund_of_line, l.id)),"
                           "  (SELECT number FROM certificates WHERE sale_line_id = coalesce (l.refund_of_line, l.id))),"
                           " st.display_name, l.quantity,"
                           " l.list_price, l.discount, l.price, l.pay,"
                           " EXISTS (SELECT 1 FROM sale_lines r WHERE r.refund_of_line = l.id)"
                           " FROM sale_lines l"
                           " LEFT JOIN services sv ON sv.id = l.service_id AND l.kind = 'service'"
                           " LEFT JOIN products p ON p.id = l.product_id AND l.kind = 'product'"
                           " LEFT JOIN staff st ON st.id = l.staff_id"
                           " WHERE l.sale_id = ?1 ORDER BY l.position, l.created_at, l.id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt->id);
  for (;;)
    {
      RgReceiptLine line = { 0 };
      gboolean row = FALSE;

      if (!rg_store_step_row (store, stmt, &row, error))
        {
          for (guint i = 0; i < lines->len; i++)
            {
              g_free (g_array_index (lines, RgReceiptLine, i).name);
              g_free (g_array_index (lines, RgReceiptLine, i).master);
              g_free (g_array_index (lines, RgReceiptLine, i).reference);
            }
          return FALSE;
        }
      if (!row)
        break;
      line.id = sqlite3_column_int64 (stmt, 0);
      line.kind = line_kind_from_nick ((const char *) sqlite3_column_text (stmt, 1));
      line.name = dup_text (stmt, 2);
      if (line.kind == RG_SALE_LINE_CERTIFICATE || line.kind == RG_SALE_LINE_SUBSCRIPTION)
        line.reference = g_strdup (line.name);
      if (line.kind == RG_SALE_LINE_CERTIFICATE)
        {
          char *number = line.name;

          /* Translators: a gift certificate's number */
          line.name = number ? g_strdup_printf (_("Gift certificate %s"), number) : g_strdup (_("Gift certificate"));
          g_free (number);
        }
      else if (line.kind == RG_SALE_LINE_DEPOSIT)
        line.name = (g_free (line.name), g_strdup (line.price < 0 ? _("Deposit given back") : _("Deposit top-up")));
      else if (line.kind == RG_SALE_LINE_SUBSCRIPTION && line.name != NULL)
        {
          char *name = line.name;

          /* Translators: a subscription's name, e.g. "Subscription: 10 manicures" */
          line.name = g_strdup_printf (_("Subscription: %s"), name);
          g_free (name);
        }
      if (line.name == NULL)
        /* A tip, or a visit's price of no service (an upgraded studio's) */
        line.name = g_strdup (line.kind == RG_SALE_LINE_TIP ? _("Tip") : _("Visit"));
      line.master = dup_text (stmt, 3);
      line.quantity = sqlite3_column_int64 (stmt, 4);
      line.list_price = sqlite3_column_int64 (stmt, 5);
      line.discount = sqlite3_column_int64 (stmt, 6);
      line.price = sqlite3_column_int64 (stmt, 7);
      line.pay = sqlite3_column_int64 (stmt, 8);
      line.refunded = sqlite3_column_int (stmt, 9) != 0;
      receipt->total += line.price;
      receipt->discount += line.discount;
      g_array_append_val (lines, line);
    }
  receipt->n_lines = lines->len;
  receipt->lines = (RgReceiptLine *) (void *) g_array_free (g_steal_pointer (&lines), FALSE);
  return TRUE;
}

static gboolean
read_payments (RgStore    *store,
               RgReceipt  *receipt,
               GError    **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) payments = g_array_new (FALSE, TRUE, sizeof (RgReceiptPayment));

  stmt = rg_store_prepare (store,
                           "SELECT method, amount, coalesce (tendered, 0), reference FROM payments"
                           " WHERE sale_id = ?1 ORDER BY paid_at, created_at, id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt->id);
  for (;;)
    {
      RgReceiptPayment payment = { RG_PAYMENT_UNRECORDED, 0, 0, NULL, NULL };
      gboolean row = FALSE;
      const char *reference;

      if (!rg_store_step_row (store, stmt, &row, error))
        {
          for (guint i = 0; i < payments->len; i++)
            {
              g_free (g_array_index (payments, RgReceiptPayment, i).label);
              g_free (g_array_index (payments, RgReceiptPayment, i).reference);
            }
          return FALSE;
        }
      if (!row)
        break;
      /* The schema allows only the nicks; an unknown one reads as not recorded. */
      rg_payment_method_from_nick ((const char *) sqlite3_column_text (stmt, 0), &payment.method);
      payment.amount = sqlite3_column_int64 (stmt, 1);
      payment.tendered = sqlite3_column_int64 (stmt, 2);
      reference = (const char *) sqlite3_column_text (stmt, 3);
      payment.reference = g_strdup (reference);
      if (reference && payment.method == RG_PAYMENT_CERTIFICATE)
        /* Translators: a payment on a receipt, with the certificate's number */
        payment.label = g_strdup_printf (_("Gift certificate %s"), reference);
      else if (reference && payment.method == RG_PAYMENT_SUBSCRIPTION)
        /* Translators: a payment on a receipt, with the subscription's name */
        payment.label = g_strdup_printf (_("Subscription: %s"), reference);
      else
        payment.label = g_strdup (rg_payment_method_to_string (payment.method));
      if (payment.tendered > 0 && payment.tendered > payment.amount)
        receipt->change += payment.tendered - payment.amount;
      g_array_append_val (payments, payment);
    }
  receipt->n_payments = payments->len;
  receipt->payments = (RgReceiptPayment *) (void *) g_array_free (g_steal_pointer (&payments), FALSE);
  return TRUE;
}

/* Sale (or refund) @sale_id as its receipt prints it: the studio's head,
 * the client (NULL: a walk-in), the lines in their order with the ones
 * taken back since marked, the payments with cash tendered, the total
 * (the lines' sums), the discounts together and the change. */
RgReceipt *
rg_studio_read_receipt (RgStudio  *studio,
                        gint64     sale_id,
                        GError   **error)
{
  g_autoptr(RgReceipt) receipt = NULL;
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = rg_studio_get_store (studio);
  receipt = g_new0 (RgReceipt, 1);
  receipt->id = sale_id;
  if (!read_head (store, receipt, error) ||
      !read_lines (store, receipt, error) ||
      !read_payments (store, receipt, error))
    return NULL;
  if (receipt->client_phone && receipt->client_id && rg_studio_masks_client (studio, receipt->client_id))
    {
      char *masked = rg_phone_mask (receipt->client_phone);

      g_free (receipt->client_phone);
      receipt->client_phone = masked;
    }
  receipt->studio_name = rg_studio_dup_name (studio);
  receipt->studio_address = rg_studio_dup_address (studio);
  receipt->tax_number = rg_studio_dup_tax_number (studio);
  return g_steal_pointer (&receipt);
}

/* A client's sales ---------------------------------------------------------- */

/* The client's sales and refunds (RgSaleSummary), newest first; NULL on
 * error. A sale is "refunded" when it has lines and every one of them was
 * taken back. */
GArray *
rg_studio_list_client_sales (RgStudio  *studio,
                             gint64     client_id,
                             GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) sales = g_array_new (FALSE, TRUE, sizeof (RgSaleSummary));

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT s.id, s.number, s.kind = 'refund', s.created_at,"
                           " (SELECT coalesce (sum (l.price), 0) FROM sale_lines l WHERE l.sale_id = s.id),"
                           " s.appointment_id,"
                           " s.kind = 'sale' AND EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)"
                           "   AND NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id"
                           "     AND NOT EXISTS (SELECT 1 FROM sale_lines r WHERE r.refund_of_line = l.id))"
                           " FROM sales s WHERE s.client_id = ?1"
                           " ORDER BY s.created_at DESC, s.number DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  for (;;)
    {
      RgSaleSummary sale = { 0 };
      gboolean row = FALSE;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      sale.id = sqlite3_column_int64 (stmt, 0);
      sale.number = sqlite3_column_int64 (stmt, 1);
      sale.refund = sqlite3_column_int (stmt, 2) != 0;
      sale.sold_at = sqlite3_column_int64 (stmt, 3);
      sale.total = sqlite3_column_int64 (stmt, 4);
      sale.appointment_id = sqlite3_column_int64 (stmt, 5);
      sale.refunded = sqlite3_column_int (stmt, 6) != 0;
      g_array_append_val (sales, sale);
    }
  return g_steal_pointer (&sales);
}

/* rg_studio_find_visit_sale() is in rg-sale.c, beside the check-out that
 * refuses a second sale of a visit by the same rule. */
