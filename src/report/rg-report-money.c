/* rg-report-money.c — the money of a period and the payroll (src/analytics
 * rg-money-figures.c) as text and JSON for `regulars --report money` and
 * `--report payroll`. Money in JSON is whole minor units with the
 * studio's currency beside it; the text shows it as the window does, and
 * says what each figure counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "model/rg-format.h"
#include "rg-json-private.h"
#include "model/rg-sale.h"
#include "rg-report-money.h"
#include "rg-report-text-private.h"

/* The figures' definitions ------------------------------------------------- */

typedef enum {
  FIGURE_VISITS,
  FIGURE_REVENUE,
  FIGURE_AVERAGE_CHECK,
  FIGURE_PAYMENTS,
  FIGURE_REFUNDS,
  FIGURE_DISCOUNTS,
  FIGURE_PRODUCTS,
  FIGURE_TIPS,
  FIGURE_PAY,
  FIGURE_MONEY_IN,
  FIGURE_PREPAID_USED,
  FIGURE_PREPAID_SOLD,
  FIGURE_RENEWAL,
  N_FIGURES
} Figure;

/* The JSON keys, as issue 18 names them. */
static const char *const figure_keys[N_FIGURES] = {
  "visits", "revenue", "average_check", "payments_by_method", "refunds", "discounts_by_kind", "products",
  "tips", "pay_by_staff", "money_in", "paid_from_prepaid", "prepaid_sold", "subscription_renewal_rate",
};

static const char *
figure_label (Figure figure)
{
  switch (figure)
    {
    /* Translators: the money report's figures (regulars --report money) */
    case FIGURE_VISITS: return C_("money report", "Visits");
    case FIGURE_REVENUE: return C_("money report", "Revenue");
    case FIGURE_AVERAGE_CHECK: return C_("money report", "Average check");
    case FIGURE_PAYMENTS: return C_("money report", "Payments by method");
    case FIGURE_REFUNDS: return C_("money report", "Refunds");
    case FIGURE_DISCOUNTS: return C_("money report", "Discounts given");
    case FIGURE_PRODUCTS: return C_("money report", "Products sold");
    case FIGURE_TIPS: return C_("money report", "Tips");
    case FIGURE_PAY: return C_("money report", "Pay by master");
    case FIGURE_MONEY_IN: return C_("money report", "Money taken in");
    case FIGURE_PREPAID_USED: return C_("money report", "Paid from prepaid");
    case FIGURE_PREPAID_SOLD: return C_("money report", "Prepaid sold");
    case FIGURE_RENEWAL: return C_("money report", "Subscription renewal rate");
    case N_FIGURES:
    default: g_assert_not_reached ();
    }
}

static const char *
figure_definition (Figure   figure,
                   gboolean one_master)
{
  switch (figure)
    {
    case FIGURE_VISITS:
      return one_master ? _("The master's done visits that started in the period.")
                        : _("Done visits that started in the period.");
    case FIGURE_REVENUE:
      return _("Revenue is the paid amount of done visits: what was paid for their services, discounts and "
               "refunds taken off. Products sold and tips are counted apart.");
    case FIGURE_AVERAGE_CHECK:
      return _("Revenue divided by visits, rounded half up to the smallest coin.");
    case FIGURE_PAYMENTS:
      return one_master ? _("What was paid in the period, by the day it was paid, by method, money paid back "
                            "taken off; payments are of whole sales, so these are of the sales with a line of "
                            "the master's.")
                        : _("What was paid in the period, by the day it was paid, by method, money paid back "
                            "taken off.");
    case FIGURE_REFUNDS:
      return one_master ? _("Money paid back in the period, for the sales with a line of the master's.")
                        : _("Money paid back in the period.");
    case FIGURE_DISCOUNTS:
      return _("The discounts on the lines of sales made in the period, by kind (promotion, card, one-off), "
               "those of lines taken back by a refund taken off.");
    case FIGURE_PRODUCTS:
      return _("Products sold in the period: units and what was paid for them, those taken back by a refund "
               "taken off.");
    case FIGURE_TIPS:
      return _("Tips left in the period; they go to the master whole and are not revenue.");
    case FIGURE_PAY:
      return _("What each master earned from the lines of sales made in the period, the pay of lines taken "
               "back by a refund taken off.");
    case FIGURE_MONEY_IN:
      return _("What was paid in the period in cash, by card or by bank transfer (or by a method not recorded, "
               "before the till), money paid back taken off.");
    case FIGURE_PREPAID_USED:
      return _("What was paid in the period from a deposit, a gift certificate, a subscription or bonus points: "
               "prepaid before, so not money coming in.");
    case FIGURE_PREPAID_SOLD:
      return _("Deposits topped up, gift certificates and subscriptions sold in the period, by the lines of its "
               "sales, those taken back by a refund taken off; deposits given back as money apart. The studio "
               "owes them until they are used: they are not revenue.");
    case FIGURE_RENEWAL:
      return _("Of the subscriptions that ran out in the period (their last visit used, or expired with visits "
               "left), the percentage whose client bought another after the first one’s sale and at most 30 "
               "days after it ran out. One taken back by a refund is not counted. The whole studio’s.");
    case N_FIGURES:
    default:
      g_assert_not_reached ();
    }
}

/* A payment method's name for a person: the till's own names. */
static const char *
method_label (const char *nick)
{
  RgPaymentMethod method;

  if (rg_payment_method_from_nick (nick, &method))
    return rg_payment_method_to_string (method);
  return nick;
}

static char *
heading (const char *what,
         RgDate      from,
         RgDate      to,
         const char *staff_name)
{
  g_autofree char *first = rg_date_to_iso (from);
  g_autofree char *last = rg_date_to_iso (to);
  /* Translators: a report's heading: %s (1) is "Money" or "Payroll", the dates are YYYY-MM-DD */
  g_autofree char *text = g_strdup_printf (_("%s, %s to %s"), what, first, last);

  if (staff_name != NULL)
    return g_strdup_printf ("%s · %s", text, staff_name);
  return g_steal_pointer (&text);
}

/* Money, text ---------------------------------------------------------------- */

static void
pair_money (GPtrArray  *pairs,
            const char *label,
            gint64      minor_units)
{
  rg_report_pair_add (pairs, label, rg_format_price (minor_units));
}

static void
sold_row (GPtrArray         *table,
          const char        *label,
          const RgMoneySold *sold)
{
  rg_report_table_add (table, g_strdup (label), rg_format_count ((guint) MAX (sold->count, 0)),
                       rg_format_price (sold->amount), NULL);
}

static void
add_sold (JsonBuilder       *b,
          const char        *name,
          const RgMoneySold *sold)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  rg_json_add_int (b, "count", sold->count);
  rg_json_add_int (b, "amount", sold->amount);
  json_builder_end_object (b);
}

char *
rg_report_money_text (const RgMoneyFigures *m,
                      const char           *staff_name)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = heading (C_("report heading", "Money"), m->from, m->to, staff_name);
  g_autoptr(GPtrArray) figures = rg_report_table_new ();
  g_autoptr(GPtrArray) methods = rg_report_table_new ();
  g_autoptr(GPtrArray) prepaid = rg_report_table_new ();
  g_autoptr(GPtrArray) sold = rg_report_table_new ();
  g_autoptr(GPtrArray) discounts = rg_report_table_new ();
  g_autoptr(GPtrArray) masters = rg_report_table_new ();
  g_autoptr(GPtrArray) definitions = rg_report_table_new ();
  gboolean one_master = m->staff_id != 0;

  g_string_append_printf (out, "%s\n\n", title);

  rg_report_pair_add (figures, figure_label (FIGURE_VISITS), rg_format_count ((guint) MAX (m->visits, 0)));
  pair_money (figures, figure_label (FIGURE_REVENUE), m->revenue);
  pair_money (figures, figure_label (FIGURE_AVERAGE_CHECK), m->average_check);
  pair_money (figures, figure_label (FIGURE_REFUNDS), m->refunds);
  {
    g_autofree char *amount = rg_format_price (m->products_amount);
    g_autofree char *units = rg_format_count ((guint) ABS (m->products_quantity));

    g_autofree char *signed_units = g_strdup_printf ("%s%s", m->products_quantity < 0 ? "−" : "", units);

    rg_report_pair_add (figures, figure_label (FIGURE_PRODUCTS),
                        /* Translators: products sold: %s (1) the units, %s (2) what was paid for them */
                        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit, %s", "%s units, %s",
                                                      (gulong) ABS (m->products_quantity)),
                                         signed_units, amount));
  }
  pair_money (figures, figure_label (FIGURE_TIPS), m->tips);
  pair_money (figures, figure_label (FIGURE_MONEY_IN), m->money_in);
  pair_money (figures, figure_label (FIGURE_PREPAID_USED), m->prepaid_used);
  {
    RgShare renewal = { (double) m->subscriptions_renewed, (double) m->subscriptions_ran_out };

    rg_report_pair_add (figures, figure_label (FIGURE_RENEWAL),
                        m->subscriptions_ran_out > 0 ? g_strdup_printf ("%.1f %% (%lld / %lld)",
                                                                        rg_share_percent (&renewal),
                                                                        (long long) m->subscriptions_renewed,
                                                                        (long long) m->subscriptions_ran_out)
                                                     : g_strdup ("—"));
  }
  rg_report_append_pairs (out, figures);

  /* Money first, with its total; what prepaid paid, apart. */
  rg_report_table_add (methods, g_strdup (C_("money report", "Method")), g_strdup (C_("money report", "Amount")),
                       NULL);
  for (guint i = 0; i < m->payments_by_method->len; i++)
    {
      const RgMoneyMethod *method = m->payments_by_method->pdata[i];

      if (!rg_money_method_is_prepaid (method->method))
        rg_report_table_add (methods, g_strdup (method_label (method->method)), rg_format_price (method->amount),
                             NULL);
    }
  if (methods->len > 2)
    rg_report_table_add (methods, g_strdup (figure_label (FIGURE_MONEY_IN)), rg_format_price (m->money_in), NULL);
  rg_report_append_table (out, figure_label (FIGURE_PAYMENTS), methods);

  rg_report_table_add (prepaid, g_strdup (C_("money report", "Method")), g_strdup (C_("money report", "Amount")),
                       NULL);
  for (guint i = 0; i < m->payments_by_method->len; i++)
    {
      const RgMoneyMethod *method = m->payments_by_method->pdata[i];

      if (rg_money_method_is_prepaid (method->method))
        rg_report_table_add (prepaid, g_strdup (method_label (method->method)), rg_format_price (method->amount),
                             NULL);
    }
  if (prepaid->len > 2)
    rg_report_table_add (prepaid, g_strdup (C_("money report", "Total")), rg_format_price (m->prepaid_used), NULL);
  rg_report_append_table (out, figure_label (FIGURE_PREPAID_USED), prepaid);

  /* Translators: the columns of the prepaid sold in the money report */
  rg_report_table_add (sold, g_strdup (C_("money report", "Kind")), g_strdup (C_("money report", "Sold")),
                       g_strdup (C_("money report", "Amount")), NULL);
  /* Translators: the kinds of prepaid sold in the money report */
  sold_row (sold, C_("prepaid sold", "Deposits topped up"), &m->deposits_sold);
  sold_row (sold, C_("prepaid sold", "Gift certificates"), &m->certificates_sold);
  sold_row (sold, C_("prepaid sold", "Subscriptions"), &m->subscriptions_sold);
  if (m->deposits_withdrawn != 0)
    rg_report_table_add (sold, g_strdup (C_("prepaid sold", "Deposits given back")), g_strdup (""),
                         rg_format_price (m->deposits_withdrawn), NULL);
  rg_report_append_table (out, figure_label (FIGURE_PREPAID_SOLD), sold);

  rg_report_table_add (discounts, g_strdup (C_("money report", "Kind")), g_strdup (C_("money report", "Amount")),
                       NULL);
  /* Translators: the kinds of discount in the money report */
  rg_report_table_add (discounts, g_strdup (C_("discount kind", "Promotion")),
                       rg_format_price (m->discount_promotion), NULL);
  rg_report_table_add (discounts, g_strdup (C_("discount kind", "Card")), rg_format_price (m->discount_card),
                       NULL);
  rg_report_table_add (discounts, g_strdup (C_("discount kind", "One-off")), rg_format_price (m->discount_one_off),
                       NULL);
  rg_report_table_add (discounts, g_strdup (C_("money report", "Total")),
                       rg_format_price (m->discount_promotion + m->discount_card + m->discount_one_off), NULL);
  rg_report_append_table (out, figure_label (FIGURE_DISCOUNTS), discounts);

  rg_report_table_add (masters, g_strdup (C_("money report", "Master")), g_strdup (C_("money report", "Pay")),
                       NULL);
  for (guint i = 0; i < m->pay_by_staff->len; i++)
    {
      const RgMoneyPay *pay = m->pay_by_staff->pdata[i];

      rg_report_table_add (masters, g_strdup (pay->name), rg_format_price (pay->pay), NULL);
    }
  rg_report_append_table (out, figure_label (FIGURE_PAY), masters);

  g_string_append_printf (out, "\n%s\n", C_("money report", "What the figures count"));
  for (Figure f = 0; f < N_FIGURES; f++)
    g_string_append_printf (out, "  %s: %s\n", figure_label (f), figure_definition (f, one_master));
  return g_string_free (out, FALSE);
}

/* Money, JSON ---------------------------------------------------------------- */

static void
begin (JsonBuilder *b,
       RgDate       from,
       RgDate       to,
       gint64       staff_id)
{
  json_builder_begin_object (b);
  rg_json_add_date (b, "from", from);
  rg_json_add_date (b, "to", to);
  json_builder_set_member_name (b, "currency");
  if (rg_format_get_currency () != NULL)
    json_builder_add_string_value (b, rg_format_get_currency ());
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "staff_id");
  if (staff_id != 0)
    json_builder_add_int_value (b, staff_id);
  else
    json_builder_add_null_value (b);
}

static char *
finish (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return rg_json_to_text (root);
}

char *
rg_report_money_json (const RgMoneyFigures *m)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  begin (b, m->from, m->to, m->staff_id);
  rg_json_add_int (b, "visits", m->visits);
  rg_json_add_int (b, "revenue", m->revenue);
  rg_json_add_int (b, "average_check", m->average_check);

  json_builder_set_member_name (b, "payments_by_method");
  json_builder_begin_object (b);
  for (guint i = 0; i < m->payments_by_method->len; i++)
    {
      const RgMoneyMethod *method = m->payments_by_method->pdata[i];

      rg_json_add_int (b, method->method, method->amount);
    }
  json_builder_end_object (b);
  rg_json_add_int (b, "refunds", m->refunds);

  json_builder_set_member_name (b, "discounts_by_kind");
  json_builder_begin_object (b);
  rg_json_add_int (b, "promotion", m->discount_promotion);
  rg_json_add_int (b, "card", m->discount_card);
  rg_json_add_int (b, "one_off", m->discount_one_off);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "products");
  json_builder_begin_object (b);
  rg_json_add_int (b, "quantity", m->products_quantity);
  rg_json_add_int (b, "amount", m->products_amount);
  json_builder_end_object (b);
  rg_json_add_int (b, "tips", m->tips);

  json_builder_set_member_name (b, "pay_by_staff");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->pay_by_staff->len; i++)
    {
      const RgMoneyPay *pay = m->pay_by_staff->pdata[i];

      json_builder_begin_object (b);
      rg_json_add_int (b, "staff_id", pay->staff_id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, pay->name);
      rg_json_add_int (b, "pay", pay->pay);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  rg_json_add_int (b, "money_in", m->money_in);
  json_builder_set_member_name (b, "paid_from_prepaid");
  json_builder_begin_object (b);
  rg_json_add_int (b, "total", m->prepaid_used);
  json_builder_set_member_name (b, "by_method");
  json_builder_begin_object (b);
  for (guint i = 0; i < m->payments_by_method->len; i++)
    {
      const RgMoneyMethod *method = m->payments_by_method->pdata[i];

      if (rg_money_method_is_prepaid (method->method))
        rg_json_add_int (b, method->method, method->amount);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "prepaid_sold");
  json_builder_begin_object (b);
  add_sold (b, "deposits", &m->deposits_sold);
  rg_json_add_int (b, "deposits_withdrawn", m->deposits_withdrawn);
  add_sold (b, "certificates", &m->certificates_sold);
  add_sold (b, "subscriptions", &m->subscriptions_sold);
  json_builder_end_object (b);

  {
    RgShare renewal = { (double) m->subscriptions_renewed, (double) m->subscriptions_ran_out };

    rg_json_add_figure (b, "subscription_renewal_rate", rg_share_percent (&renewal));
  }
  rg_json_add_int (b, "subscriptions_ran_out", m->subscriptions_ran_out);
  rg_json_add_int (b, "subscriptions_renewed", m->subscriptions_renewed);

  json_builder_set_member_name (b, "definitions");
  json_builder_begin_object (b);
  for (Figure f = 0; f < N_FIGURES; f++)
    {
      json_builder_set_member_name (b, figure_keys[f]);
      json_builder_add_string_value (b, figure_definition (f, m->staff_id != 0));
    }
  json_builder_end_object (b);
  return finish (b);
}

/* Payroll -------------------------------------------------------------------- */

static char *
line_day (gint64 sold_at)
{
  return rg_date_to_iso (rg_date_from_time (sold_at));
}

char *
rg_report_payroll_text (const RgPayroll *p,
                        const char      *staff_name)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = heading (C_("report heading", "Payroll"), p->from, p->to, staff_name);

  g_string_append_printf (out, "%s\n", title);
  for (guint i = 0; i < p->masters->len; i++)
    {
      const RgPayrollMaster *master = p->masters->pdata[i];
      g_autoptr(GPtrArray) table = rg_report_table_new ();

      rg_report_table_add (table,
                           /* Translators: the columns of the payroll (regulars --report payroll); short */
                           g_strdup (C_("payroll", "Date")), g_strdup (C_("payroll", "Client")),
                           g_strdup (C_("payroll", "Service or product")), g_strdup (C_("payroll", "List price")),
                           g_strdup (C_("payroll", "Discount")), g_strdup (C_("payroll", "Price")),
                           g_strdup (C_("payroll", "Pay")), NULL);
      for (guint k = 0; k < master->lines->len; k++)
        {
          const RgPayrollLine *line = master->lines->pdata[k];

          rg_report_table_add (table, line_day (line->sold_at), g_strdup (line->client ? line->client : "—"),
                               rg_payroll_line_describe (line), rg_format_price (line->list),
                               rg_format_price (line->discount), rg_format_price (line->price),
                               rg_format_price (line->pay), NULL);
        }
      rg_report_table_add (table, g_strdup (C_("payroll", "Total")), g_strdup (""), g_strdup (""),
                           rg_format_price (master->list), rg_format_price (master->discount),
                           rg_format_price (master->price), rg_format_price (master->pay), NULL);
      rg_report_append_table_left (out, master->name, table, 3);
    }
  if (p->masters->len == 0)
    g_string_append_printf (out, "\n%s\n", _("No master has a line of a sale in this period."));
  {
    g_autoptr(GPtrArray) pairs = rg_report_table_new ();

    g_string_append_c (out, '\n');
    /* Translators: the payroll's last line: every master's pay together */
    pair_money (pairs, C_("payroll", "Pay, all masters"), p->pay);
    rg_report_append_pairs (out, pairs);
  }
  g_string_append_printf (out, "\n%s\n", _("Each line of a sale made in the period with a master: the list price "
                                           "of the line, its discount, what was paid for it and the master's "
                                           "pay from it. A line taken back by a refund is a negative line."));
  return g_string_free (out, FALSE);
}

char *
rg_report_payroll_json (const RgPayroll *p)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  begin (b, p->from, p->to, p->staff_id);
  json_builder_set_member_name (b, "masters");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->masters->len; i++)
    {
      const RgPayrollMaster *master = p->masters->pdata[i];

      json_builder_begin_object (b);
      rg_json_add_int (b, "staff_id", master->staff_id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, master->name);
      json_builder_set_member_name (b, "lines");
      json_builder_begin_array (b);
      for (guint k = 0; k < master->lines->len; k++)
        {
          const RgPayrollLine *line = master->lines->pdata[k];
          g_autofree char *day = line_day (line->sold_at);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "date");
          json_builder_add_string_value (b, day);
          rg_json_add_int (b, "sale", line->sale_number);
          json_builder_set_member_name (b, "client");
          if (line->client)
            json_builder_add_string_value (b, line->client);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, line->kind);
          json_builder_set_member_name (b, "item");
          if (line->item)
            json_builder_add_string_value (b, line->item);
          else
            json_builder_add_null_value (b);
          rg_json_add_int (b, "quantity", line->quantity);
          rg_json_add_int (b, "list_price", line->list);
          rg_json_add_int (b, "discount", line->discount);
          rg_json_add_int (b, "price", line->price);
          rg_json_add_int (b, "pay", line->pay);
          json_builder_set_member_name (b, "refund");
          json_builder_add_boolean_value (b, line->refund);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      rg_json_add_int (b, "list_price", master->list);
      rg_json_add_int (b, "discount", master->discount);
      rg_json_add_int (b, "price", master->price);
      rg_json_add_int (b, "pay", master->pay);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  rg_json_add_int (b, "pay", p->pay);
  return finish (b);
}
