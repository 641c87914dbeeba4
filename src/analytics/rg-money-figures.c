/* rg-money-figures.c — the money of a period and the payroll (rg-money-figures.h).
 *
 * Three reads in one read transaction, each on an index of its table: the
 * done visits by appointments_range (starts_at first, and it holds the
 * status, master and price: no table row is read), the payments by
 * payments_paid, a sale's lines by sales_created then sale_lines_sale.
 * The sums are SQLite's, over integers: no floating point touches money.
 *
 * A refund's lines are the sold lines negated. A refund line is read as
 * minus its absolute amount, so the sums net refunds whichever way a line
 * was negated (quantity and money, or money only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/rg-sale.h"
#include "rg-money-figures.h"


gint64
rg_money_figures_average (gint64 revenue,
                          gint64 visits)
{
  if (visits <= 0)
    return 0;
  if (revenue >= 0)
    return (2 * revenue + visits) / (2 * visits);
  return -((2 * -revenue + visits) / (2 * visits));
}

static void
method_free (RgMoneyMethod *m)
{
  g_free (m->method);
  g_free (m);
}

static void
pay_free (RgMoneyPay *p)
{
  g_free (p->name);
  g_free (p);
}

void
rg_money_figures_free (RgMoneyFigures *money)
{
  if (money == NULL)
    return;
  g_clear_pointer (&money->payments_by_method, g_ptr_array_unref);
  g_clear_pointer (&money->pay_by_staff, g_ptr_array_unref);
  g_free (money);
}

/* The till's order of payment methods (rg-sale.h's RgPaymentMethod). */
static guint
method_rank (const char *nick)
{
  RgPaymentMethod method;

  return rg_payment_method_from_nick (nick, &method) ? (guint) method : RG_N_PAYMENT_METHODS;
}

static int
method_compare (gconstpointer a,
                gconstpointer b)
{
  const RgMoneyMethod *x = *(RgMoneyMethod * const *) a;
  const RgMoneyMethod *y = *(RgMoneyMethod * const *) b;
  guint rx = method_rank (x->method), ry = method_rank (y->method);

  return rx != ry ? (rx < ry ? -1 : 1) : g_strcmp0 (x->method, y->method);
}

gboolean
rg_money_method_is_prepaid (const char *method)
{
  RgPaymentMethod m;

  if (!rg_payment_method_from_nick (method, &m))
    return FALSE;
  return m == RG_PAYMENT_DEPOSIT || m == RG_PAYMENT_CERTIFICATE || m == RG_PAYMENT_SUBSCRIPTION ||
         m == RG_PAYMENT_POINTS;
}

static gboolean
read_visits (RgStore  *store,
             gint64    start,
             gint64    end,
             gint64    staff_id,
             RgMoneyFigures  *money,
             GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT count(*), coalesce (sum (price), 0) FROM appointments"
                                             " WHERE starts_at >= ?1 AND starts_at < ?2"
                                             " AND status = 'done' AND deleted_at IS NULL"
                                             " AND (?3 = 0 OR staff_id = ?3)",
                                             error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  money->visits = sqlite3_column_int64 (stmt, 0);
  money->revenue = sqlite3_column_int64 (stmt, 1);
  money->average_check = rg_money_figures_average (money->revenue, money->visits);
  return TRUE;
}

/* With a master: the payments of the sales that have a line of theirs,
 * each sale's lines looked up by sale_lines_sale (the + keeps SQLite from
 * reading every line of the master's by sale_lines_staff instead). */
static gboolean
read_payments (RgStore  *store,
               gint64    start,
               gint64    end,
               gint64    staff_id,
               RgMoneyFigures  *money,
               GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT p.method, sum (p.amount),"
                                             "       sum (CASE WHEN p.amount < 0 THEN -p.amount ELSE 0 END)"
                                             " FROM payments p WHERE p.paid_at >= ?1 AND p.paid_at < ?2"
                                             " AND (?3 = 0 OR EXISTS (SELECT 1 FROM sale_lines l"
                                             "                        WHERE l.sale_id = p.sale_id AND +l.staff_id = ?3))"
                                             " GROUP BY p.method",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  for (;;)
    {
      gboolean row = FALSE;
      RgMoneyMethod *m;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      m = g_new0 (RgMoneyMethod, 1);
      m->method = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      m->amount = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (money->payments_by_method, m);
      money->payments += m->amount;
      money->refunds += sqlite3_column_int64 (stmt, 2);
      if (rg_money_method_is_prepaid (m->method))
        money->prepaid_used += m->amount;
      else
        money->money_in += m->amount;
    }
  g_ptr_array_sort (money->payments_by_method, method_compare);
  return TRUE;
}

/* The lines of the sales created in the period, summed by kind and master
 * (a master's name and place come with them). */
static gboolean
read_lines (RgStore  *store,
            gint64    start,
            gint64    end,
            gint64    staff_id,
            RgMoneyFigures  *money,
            GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT l.kind, l.staff_id, st.display_name,"
                                             "       sum (l.discount_promotion),"
                                             "       sum (l.discount_card),"
                                             "       sum (l.discount_one_off),"
                                             "       sum (l.quantity),"
                                             "       sum (l.price),"
                                             "       sum (l.pay),"
                                             /* A deposit given back: a sale's negative line. */
                                             "       sum (CASE WHEN s.kind = 'sale' AND l.quantity < 0 THEN 1 ELSE 0 END),"
                                             "       sum (CASE WHEN s.kind = 'sale' AND l.quantity < 0 THEN -l.price ELSE 0 END)"
                                             " FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
                                             " LEFT JOIN staff st ON st.id = l.staff_id"
                                             " WHERE s.created_at >= ?1 AND s.created_at < ?2"
                                             " AND (?3 = 0 OR l.staff_id = ?3)"
                                             " GROUP BY l.kind, l.staff_id"
                                             " ORDER BY st.position, st.id",
                                             error);
  g_autoptr(GHashTable) by_staff = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  for (;;)
    {
      gboolean row = FALSE;
      const char *kind;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      kind = (const char *) sqlite3_column_text (stmt, 0);
      money->discount_promotion += sqlite3_column_int64 (stmt, 3);
      money->discount_card += sqlite3_column_int64 (stmt, 4);
      money->discount_one_off += sqlite3_column_int64 (stmt, 5);
      if (g_strcmp0 (kind, "product") == 0)
        {
          money->products_quantity += sqlite3_column_int64 (stmt, 6);
          money->products_amount += sqlite3_column_int64 (stmt, 7);
        }
      else if (g_strcmp0 (kind, "tip") == 0)
        money->tips += sqlite3_column_int64 (stmt, 7);
      else if (g_strcmp0 (kind, "deposit") == 0)
        {
          gint64 withdrawals = sqlite3_column_int64 (stmt, 9), withdrawn = sqlite3_column_int64 (stmt, 10);

          /* A withdrawal's line is −1; its count and money go apart. */
          money->deposits_sold.count += sqlite3_column_int64 (stmt, 6) + withdrawals;
          money->deposits_sold.amount += sqlite3_column_int64 (stmt, 7) + withdrawn;
          money->deposits_withdrawn += withdrawn;
        }
      else if (g_strcmp0 (kind, "certificate") == 0)
        {
          money->certificates_sold.count += sqlite3_column_int64 (stmt, 6);
          money->certificates_sold.amount += sqlite3_column_int64 (stmt, 7);
        }
      else if (g_strcmp0 (kind, "subscription") == 0)
        {
          money->subscriptions_sold.count += sqlite3_column_int64 (stmt, 6);
          money->subscriptions_sold.amount += sqlite3_column_int64 (stmt, 7);
        }

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          gint64 id = sqlite3_column_int64 (stmt, 1);
          RgMoneyPay *pay = g_hash_table_lookup (by_staff, &id);

          if (pay == NULL)
            {
              pay = g_new0 (RgMoneyPay, 1);
              pay->staff_id = id;
              pay->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
              g_ptr_array_add (money->pay_by_staff, pay);
              g_hash_table_insert (by_staff, &pay->staff_id, pay);
            }
          pay->pay += sqlite3_column_int64 (stmt, 8);
        }
    }
  return TRUE;
}

/* The subscriptions that ran out in the period, and of them those renewed.
 * A subscription runs out at its last visit used when none is left (and
 * that was before it expired), else when it expires; not after @now.
 * Renewed: the client bought another, not taken back, after the first
 * one's sale and by 30 days (of 24 hours) after it ran out. */
static gboolean
read_renewals (RgStore         *store,
               gint64           start,
               gint64           end,
               RgMoneyFigures  *money,
               GError         **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "WITH sub AS ("
                                             "  SELECT s.id, s.client_id, s.sold_at, s.expires_at,"
                                             "         (SELECT sum (m.visits) FROM subscription_moves m"
                                             "          WHERE m.subscription_id = s.id) AS remaining,"
                                             "         (SELECT max (m.occurred_at) FROM subscription_moves m"
                                             "          WHERE m.subscription_id = s.id AND m.reason = 'use') AS last_use"
                                             "  FROM subscriptions s"
                                             "  WHERE s.sold_at < ?2 AND NOT EXISTS (SELECT 1 FROM subscription_moves c"
                                             "       WHERE c.subscription_id = s.id AND c.reason = 'cancelled')),"
                                             " out AS ("
                                             "  SELECT id, client_id, sold_at,"
                                             "         CASE WHEN remaining <= 0 AND last_use IS NOT NULL"
                                             "                   AND (expires_at IS NULL OR last_use < expires_at) THEN last_use"
                                             "              ELSE expires_at END AS ran_out_at"
                                             "  FROM sub)"
                                             " SELECT count (*), coalesce (sum (EXISTS (SELECT 1 FROM subscriptions n"
                                             "   WHERE n.client_id = out.client_id AND n.id <> out.id"
                                             "   AND n.sold_at > out.sold_at AND n.sold_at <= out.ran_out_at + 30 * 86400"
                                             "   AND NOT EXISTS (SELECT 1 FROM subscription_moves c"
                                             "                   WHERE c.subscription_id = n.id AND c.reason = 'cancelled'))), 0)"
                                             " FROM out WHERE ran_out_at >= ?1 AND ran_out_at < ?2 AND ran_out_at <= ?3",
                                             error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_int64 (stmt, 3, rg_time_now ());
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  money->subscriptions_ran_out = sqlite3_column_int64 (stmt, 0);
  money->subscriptions_renewed = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
check_query (const RgMoneyQuery  *query,
             GError             **error)
{
  if (!rg_date_valid (query->from) || !rg_date_valid (query->to) ||
      rg_date_compare (query->from, query->to) > 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The period ends before it starts. Choose its first and last days again."));
      return FALSE;
    }
  return TRUE;
}

RgMoneyFigures *
rg_money_figures_compute (RgStore             *store,
                          const RgMoneyQuery  *query,
                          GError             **error)
{
  g_autoptr(RgMoneyFigures) money = NULL;
  gint64 start, end;
  gboolean started = FALSE;
  gboolean ok;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!check_query (query, error))
    return NULL;
  start = rg_date_start (query->from);
  end = rg_date_end (query->to);
  money = g_new0 (RgMoneyFigures, 1);
  money->from = query->from;
  money->to = query->to;
  money->staff_id = query->staff_id;
  money->payments_by_method = g_ptr_array_new_with_free_func ((GDestroyNotify) method_free);
  money->pay_by_staff = g_ptr_array_new_with_free_func ((GDestroyNotify) pay_free);

  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  ok = read_visits (store, start, end, query->staff_id, money, error) &&
       read_payments (store, start, end, query->staff_id, money, error) &&
       read_lines (store, start, end, query->staff_id, money, error) &&
       read_renewals (store, start, end, money, error);
  rg_store_end_read (store, started);
  return ok ? g_steal_pointer (&money) : NULL;
}

/* The payroll --------------------------------------------------------------- */

static void
payroll_line_free (RgPayrollLine *line)
{
  g_free (line->client);
  g_free (line->kind);
  g_free (line->item);
  g_free (line);
}

static void
payroll_master_free (RgPayrollMaster *master)
{
  g_free (master->name);
  g_clear_pointer (&master->lines, g_ptr_array_unref);
  g_free (master);
}

void
rg_payroll_free (RgPayroll *payroll)
{
  if (payroll == NULL)
    return;
  g_clear_pointer (&payroll->masters, g_ptr_array_unref);
  g_free (payroll);
}

char *
rg_payroll_line_describe (const RgPayrollLine *line)
{
  const char *item = line->item;
  g_autofree char *counted = NULL;
  gint64 units = ABS (line->quantity);

  if (item == NULL)
    item = g_strcmp0 (line->kind, "tip") == 0
           /* Translators: a payroll line: a tip the client left for the master */
           ? C_("payroll", "Tip")
           /* Translators: a payroll line: a visit's service line that names no service */
           : C_("payroll", "Visit");
  if (units > 1)
    /* Translators: a payroll line: %s is a product or service, %lld how many were sold */
    counted = g_strdup_printf (C_("payroll", "%s × %lld"), item, (long long) units);
  if (line->refund)
    /* Translators: a payroll line taken back by a refund: %s is what it was */
    return g_strdup_printf (C_("payroll", "%s (refund)"), counted ? counted : item);
  return counted ? g_steal_pointer (&counted) : g_strdup (item);
}

static gboolean
read_payroll (RgStore    *store,
              gint64      start,
              gint64      end,
              gint64      staff_id,
              RgPayroll  *payroll,
              GError    **error)
{
  /* By the sales' time (sales_created), then each master's lines are
   * gathered under them in C. */
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT l.staff_id, st.display_name, s.id, s.number, s.created_at,"
                                             "       coalesce (nullif (trim (c.full_name), ''), c.address_as),"
                                             "       l.kind, coalesce (sv.name, pr.name),"
                                             "       l.quantity, l.discount,"
                                             "       l.price, l.pay,"
                                             "       s.kind = 'refund'"
                                             " FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
                                             " JOIN staff st ON st.id = l.staff_id"
                                             " LEFT JOIN clients c ON c.id = s.client_id"
                                             " LEFT JOIN services sv ON sv.id = l.service_id"
                                             " LEFT JOIN products pr ON pr.id = l.product_id"
                                             " WHERE s.created_at >= ?1 AND s.created_at < ?2"
                                             " AND (?3 = 0 OR l.staff_id = ?3)"
                                             " ORDER BY s.created_at, s.number, l.position, l.id",
                                             error);
  g_autoptr(GHashTable) by_staff = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  for (;;)
    {
      gboolean row = FALSE;
      gint64 id;
      RgPayrollMaster *master;
      RgPayrollLine *line;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      master = g_hash_table_lookup (by_staff, &id);
      if (master == NULL)
        {
          master = g_new0 (RgPayrollMaster, 1);
          master->staff_id = id;
          master->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          master->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) payroll_line_free);
          g_ptr_array_add (payroll->masters, master);
          g_hash_table_insert (by_staff, &master->staff_id, master);
        }
      line = g_new0 (RgPayrollLine, 1);
      line->sale_id = sqlite3_column_int64 (stmt, 2);
      line->sale_number = sqlite3_column_int64 (stmt, 3);
      line->sold_at = sqlite3_column_int64 (stmt, 4);
      line->client = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      line->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      line->item = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      line->quantity = sqlite3_column_int64 (stmt, 8);
      line->discount = sqlite3_column_int64 (stmt, 9);
      line->price = sqlite3_column_int64 (stmt, 10);
      line->pay = sqlite3_column_int64 (stmt, 11);
      line->refund = sqlite3_column_int (stmt, 12) != 0;
      line->list = line->price + line->discount;
      g_ptr_array_add (master->lines, line);

      master->list += line->list;
      master->discount += line->discount;
      master->price += line->price;
      master->pay += line->pay;
      payroll->pay += line->pay;
    }
  return TRUE;
}

/* The staff's order, as the studio's lists show them. */
static gboolean
sort_masters (RgStore    *store,
              RgPayroll  *payroll,
              GError    **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT id FROM staff ORDER BY position, id", error);
  g_autoptr(GPtrArray) sorted = NULL;
  guint placed = 0;

  if (stmt == NULL)
    return FALSE;
  sorted = g_ptr_array_new_full (payroll->masters->len, (GDestroyNotify) payroll_master_free);
  for (;;)
    {
      gboolean row = FALSE;
      gint64 id;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; i < payroll->masters->len; i++)
        {
          RgPayrollMaster *m = payroll->masters->pdata[i];

          if (m != NULL && m->staff_id == id)
            {
              g_ptr_array_add (sorted, m);
              payroll->masters->pdata[i] = NULL;
              placed++;
              break;
            }
        }
    }
  g_assert (placed == payroll->masters->len);
  g_ptr_array_set_free_func (payroll->masters, NULL);
  g_ptr_array_unref (payroll->masters);
  payroll->masters = g_steal_pointer (&sorted);
  return TRUE;
}

RgPayroll *
rg_payroll_compute (RgStore             *store,
                    const RgMoneyQuery  *query,
                    GError             **error)
{
  g_autoptr(RgPayroll) payroll = NULL;
  gboolean started = FALSE;
  gboolean ok;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!check_query (query, error))
    return NULL;
  payroll = g_new0 (RgPayroll, 1);
  payroll->from = query->from;
  payroll->to = query->to;
  payroll->staff_id = query->staff_id;
  payroll->masters = g_ptr_array_new_with_free_func ((GDestroyNotify) payroll_master_free);

  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  ok = read_payroll (store, rg_date_start (query->from), rg_date_end (query->to), query->staff_id, payroll, error) &&
       sort_masters (store, payroll, error);
  rg_store_end_read (store, started);
  return ok ? g_steal_pointer (&payroll) : NULL;
}
