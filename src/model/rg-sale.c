/* rg-sale.c — the till's commands: check-out, a sale without a visit,
 * refunds, and the sale of a visit done without a check-out.
 *
 * A sale is priced by rg-pricing.c from what the studio holds (the
 * items' prices and costs, the masters' rates, the promotion of the day,
 * the client's card tier) inside the transaction that writes it, so the
 * figures on the receipt are the ones that were checked. A visit's
 * services then carry what was paid for them: every revenue figure sums
 * the prices of done visits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-booking-private.h"
#include "rg-prepaid-private.h"
#include "rg-model-enums.h"
#include "rg-audit.h"
#include "rg-format.h"
#include "rg-roles.h"
#include "rg-sale.h"
#include "rg-stock.h"
#include "rg-studio-settings.h"

/* The names of methods and kinds are in rg-receipt.c, with the reads. */

/* Drafts ------------------------------------------------------------------- */

static void
line_draft_clear (gpointer data)
{
  RgSaleLineDraft *line = data;

  g_clear_pointer (&line->one_off_reason, g_free);
  g_clear_pointer (&line->reference, g_free);
}

RgSaleDraft *
rg_sale_draft_new (gint64 client_id,
                   gint64 appointment_id)
{
  RgSaleDraft *draft = g_new0 (RgSaleDraft, 1);

  draft->client_id = client_id;
  draft->appointment_id = appointment_id;
  draft->lines = g_array_new (FALSE, TRUE, sizeof (RgSaleLineDraft));
  g_array_set_clear_func (draft->lines, line_draft_clear);
  draft->payments = g_array_new (FALSE, TRUE, sizeof (RgPaymentDraft));
  return draft;
}

void
rg_sale_draft_free (RgSaleDraft *draft)
{
  if (draft == NULL)
    return;
  g_array_unref (draft->lines);
  g_array_unref (draft->payments);
  g_free (draft->one_off_reason);
  g_free (draft);
}

void
rg_sale_draft_add_line (RgSaleDraft    *draft,
                        RgSaleLineKind  kind,
                        gint64          item_id,
                        gint64          staff_id,
                        gint64          quantity,
                        gint64          list_price)
{
  RgSaleLineDraft line = { .kind = kind, .item_id = item_id, .staff_id = staff_id,
                           .quantity = quantity, .list_price = list_price };

  g_return_if_fail (draft != NULL);
  g_array_append_val (draft->lines, line);
}

RgSaleLineDraft *
rg_sale_draft_get_line (RgSaleDraft *draft,
                        guint        index)
{
  g_return_val_if_fail (draft != NULL && index < draft->lines->len, NULL);
  return &g_array_index (draft->lines, RgSaleLineDraft, index);
}

void
rg_sale_draft_add_payment (RgSaleDraft     *draft,
                           RgPaymentMethod  method,
                           gint64           amount)
{
  RgPaymentDraft payment = { .method = method, .amount = amount };

  g_return_if_fail (draft != NULL);
  g_array_append_val (draft->payments, payment);
}

void
rg_sale_draft_add_instrument (RgSaleDraft     *draft,
                              RgPaymentMethod  method,
                              gint64           amount,
                              gint64           instrument_id,
                              int              line)
{
  RgPaymentDraft payment = { .method = method, .amount = amount, .instrument_id = instrument_id, .line = line };

  g_return_if_fail (draft != NULL);
  g_array_append_val (draft->payments, payment);
}

/* Small reads --------------------------------------------------------------- */

static gboolean
query_text (RgStore     *store,
            const char  *sql,
            gint64       a,
            char       **value,
            GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  *value = row ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  return TRUE;
}

static gboolean
next_number (RgStore  *store,
             gint64   *number,
             GError  **error)
{
  if (!rg_store_query_int64 (store, "SELECT coalesce (max (number), 0) + 1 FROM sales", 0, 0, number, error))
    return FALSE;
  return TRUE;
}

/* The sale of a visit that still counts (not every line refunded), or 0. */
static gboolean
live_visit_sale (RgStore  *store,
                 gint64    appointment_id,
                 gint64   *sale_id,
                 gint64   *number,
                 GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT s.id, s.number FROM sales s WHERE s.appointment_id = ?1 "
                                             "AND s.kind = 'sale' AND EXISTS (SELECT 1 FROM sale_lines l "
                                             "WHERE l.sale_id = s.id AND NOT EXISTS (SELECT 1 FROM sale_lines r "
                                             "WHERE r.refund_of_line = l.id)) ORDER BY s.number DESC LIMIT 1",
                                             error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  *sale_id = row ? sqlite3_column_int64 (stmt, 0) : 0;
  if (number)
    *number = row ? sqlite3_column_int64 (stmt, 1) : 0;
  return TRUE;
}

gint64
rg_studio_find_visit_sale (RgStudio  *studio,
                           gint64     appointment_id,
                           GError   **error)
{
  gint64 id = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), 0);

  if (!live_visit_sale (rg_studio_get_store (studio), appointment_id, &id, NULL, error))
    return 0;
  return id;
}

/* The desk's day ------------------------------------------------------------- */

static void
open_visit_clear (gpointer data)
{
  RgOpenVisit *visit = data;

  g_free (visit->client);
  g_free (visit->master);
  g_free (visit->services);
  g_free (visit->status);
}

GArray *
rg_studio_list_open_visits (RgStudio  *studio,
                            RgDate     day,
                            GError   **error)
{
  RgStore *store;
  g_autoptr(GArray) visits = g_array_new (FALSE, TRUE, sizeof (RgOpenVisit));
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GEnumClass) statuses = g_type_class_ref (RG_TYPE_APPOINTMENT_STATUS);
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  g_array_set_clear_func (visits, open_visit_clear);
  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT a.id, a.client_id, a.starts_at, c.address_as, s.display_name, a.status, "
                           " (SELECT group_concat (name, ', ') FROM (SELECT v.name FROM appointment_services l "
                           "   JOIN services v ON v.id = l.service_id WHERE l.appointment_id = a.id ORDER BY l.position)) "
                           "FROM appointments a JOIN clients c ON c.id = a.client_id JOIN staff s ON s.id = a.staff_id "
                           "WHERE a.starts_at >= ?1 AND a.starts_at < ?2 AND a.deleted_at IS NULL "
                           "AND a.status IN ('booked', 'confirmed', 'arrived') ORDER BY a.starts_at, a.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rg_date_start (day));
  sqlite3_bind_int64 (stmt, 2, rg_date_end (day));
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      const char *nick = (const char *) sqlite3_column_text (stmt, 5);
      GEnumValue *value = g_enum_get_value_by_nick (statuses, nick);
      RgOpenVisit visit = {
        .appointment_id = sqlite3_column_int64 (stmt, 0),
        .client_id = sqlite3_column_int64 (stmt, 1),
        .starts_at = sqlite3_column_int64 (stmt, 2),
        .client = g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        .master = g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
        .services = g_strdup ((const char *) sqlite3_column_text (stmt, 6)),
        .status = g_strdup (value ? rg_booking_status_to_string (value->value) : nick),
        .arrived = g_strcmp0 (nick, "arrived") == 0,
      };

      g_array_append_val (visits, visit);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&visits);
}

gboolean
rg_studio_client_has_sales (RgStudio *studio,
                            gint64    client_id)
{
  gint64 any = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  return rg_store_query_int64 (rg_studio_get_store (studio), "SELECT EXISTS (SELECT 1 FROM sales WHERE client_id = ?1)",
                    client_id, 0, &any, NULL) && any;
}

/* The visit's draft --------------------------------------------------------- */

RgSaleDraft *
rg_studio_draft_check_out (RgStudio  *studio,
                           gint64     appointment_id,
                           GError   **error)
{
  RgStore *store;
  g_autoptr(RgSaleDraft) draft = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  RgBookingRow row;
  gint64 price = 0;
  gboolean more = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  if (!rg_booking_load_row (store, appointment_id, &row, error))
    return NULL;
  draft = rg_sale_draft_new (row.client_id, appointment_id);

  stmt = rg_store_prepare (store,
                           "SELECT service_id, price FROM appointment_services WHERE appointment_id = ?1 "
                           "ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  while ((ok = rg_store_step_row (store, stmt, &more, error)) && more)
    rg_sale_draft_add_line (draft, RG_SALE_LINE_SERVICE, sqlite3_column_int64 (stmt, 0), row.staff_id, 1,
                            sqlite3_column_int64 (stmt, 1));
  if (!ok)
    return NULL;

  if (draft->lines->len == 0)
    {
      if (!rg_store_query_int64 (store, "SELECT price FROM appointments WHERE id = ?1", appointment_id, 0, &price, error))
        return NULL;
      rg_sale_draft_add_line (draft, RG_SALE_LINE_SERVICE, 0, row.staff_id, 1, price);
    }
  return g_steal_pointer (&draft);
}

/* Pricing a draft ------------------------------------------------------------ */

/* The local day of @t as the promotions keep their periods. */
static char *
day_of (gint64 t)
{
  RgDate date = rg_date_from_time (t);

  return g_strdup_printf ("%04d-%02d-%02d", date.year, date.month, date.day);
}

void
rg_sale_quote_free (RgSaleQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->lines);
  g_free (quote->promotion_ids);
  g_strfreev (quote->names);
  g_strfreev (quote->masters);
  g_free (quote->card_name);
  g_free (quote->next_tier_name);
  g_free (quote->payment_amounts);
  g_free (quote);
}

/* The client's paid spend (tips apart, refunds taken off) and the tier it
 * reaches, with the next one. */
static gboolean
read_card (RgStore      *store,
           gint64        client_id,
           RgSaleQuote  *quote,
           GError      **error)
{
  g_autoptr(RgStmt) tiers = NULL;
  gboolean row = FALSE, ok;

  if (client_id &&
      !rg_store_query_int64 (store,
                  "SELECT coalesce (sum (l.price), 0) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
                  "WHERE s.client_id = ?1 AND l.kind IN ('service', 'product')",
                  client_id, 0, &quote->spend, error))
    return FALSE;
  if (client_id == 0)
    return TRUE;

  tiers = rg_store_prepare (store, "SELECT name, threshold, percent FROM card_tiers ORDER BY threshold", error);
  if (tiers == NULL)
    return FALSE;
  while ((ok = rg_store_step_row (store, tiers, &row, error)) && row)
    {
      const char *name = (const char *) sqlite3_column_text (tiers, 0);
      gint64 threshold = sqlite3_column_int64 (tiers, 1);

      if (threshold <= quote->spend)
        {
          g_free (quote->card_name);
          quote->card_name = g_strdup (name);
          quote->card = sqlite3_column_int (tiers, 2);
        }
      else if (quote->next_tier_name == NULL)
        {
          quote->next_tier_name = g_strdup (name);
          quote->to_next_tier = threshold - quote->spend;
        }
    }
  return ok;
}

/* The best promotion covering an item on @day, or 0. */
static gboolean
read_promotion (RgStore         *store,
                RgSaleLineKind   kind,
                gint64           item_id,
                const char      *day,
                gint64          *promotion_id,
                int             *percent,
                GError         **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT p.id, p.percent FROM promotions p "
                                             "WHERE p.archived = 0 AND ?3 BETWEEN p.starts_on AND p.ends_on "
                                             "AND ((?1 = 'service' AND p.all_services) OR (?1 = 'product' AND p.all_products) "
                                             "  OR EXISTS (SELECT 1 FROM promotion_items i WHERE i.promotion_id = p.id "
                                             "   AND ((?1 = 'service' AND i.service_id = ?2) OR (?1 = 'product' AND i.product_id = ?2)))) "
                                             "ORDER BY p.percent DESC, p.id LIMIT 1",
                                             error);
  gboolean row = FALSE;

  *promotion_id = 0, *percent = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rg_sale_line_kind_to_nick (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (row)
    *promotion_id = sqlite3_column_int64 (stmt, 0), *percent = sqlite3_column_int (stmt, 1);
  return TRUE;
}

gboolean
rg_studio_read_card_tier (RgStudio          *studio,
                          gint64             client_id,
                          RgClientCardTier  *tier,
                          GError           **error)
{
  RgSaleQuote quote = { 0 };

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (tier != NULL, FALSE);

  memset (tier, 0, sizeof *tier);
  if (!read_card (rg_studio_get_store (studio), client_id, &quote, error))
    {
      g_free (quote.card_name);
      g_free (quote.next_tier_name);
      return FALSE;
    }
  tier->spend = quote.spend;
  tier->tier = quote.card_name;
  tier->percent = quote.card;
  tier->next_tier = quote.next_tier_name;
  tier->to_next_tier = quote.to_next_tier;
  return TRUE;
}

void
rg_client_card_tier_clear (RgClientCardTier *tier)
{
  g_clear_pointer (&tier->tier, g_free);
  g_clear_pointer (&tier->next_tier, g_free);
}

/* A line's item: its name, list price, unit cost and its master's rate. */
static gboolean
read_item (RgStore                *store,
           const RgSaleLineDraft  *in,
           char                  **name,
           gint64                 *list_price,
           gint64                 *unit_cost,
           int                    *pay_rate,
           GError                **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  *list_price = 0, *unit_cost = 0, *pay_rate = 0;
  if (RG_SALE_LINE_IS_PREPAID (in->kind))
    return rg_prepaid_read_item (store, in, name, list_price, error);
  switch (in->kind)
    {
    case RG_SALE_LINE_TIP:
      *name = g_strdup (_("Tip"));
      return TRUE;

    case RG_SALE_LINE_SERVICE:
      if (in->item_id == 0)
        {
          *name = g_strdup (_("Visit"));
          stmt = rg_store_prepare (store, "SELECT 0, 0, pay_rate FROM staff WHERE id = ?2", error);
        }
      else
        stmt = rg_store_prepare (store,
                                 "SELECT s.name, s.price, s.materials_cost, "
                                 " coalesce ((SELECT r.pay_rate FROM staff_service_rates r "
                                 "            WHERE r.staff_id = ?2 AND r.service_id = s.id),"
                                 "           (SELECT pay_rate FROM staff WHERE id = ?2), 0) "
                                 "FROM services s WHERE s.id = ?1",
                                 error);
      break;

    case RG_SALE_LINE_PRODUCT:
    default:
      stmt = rg_store_prepare (store,
                               "SELECT name, price, cost, CASE WHEN ?2 = 0 THEN 0 ELSE commission END "
                               "FROM products WHERE id = ?1",
                               error);
      break;
    }
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, in->item_id);
  sqlite3_bind_int64 (stmt, 2, in->staff_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      if (in->kind == RG_SALE_LINE_SERVICE && in->item_id == 0)
        return TRUE;   /* no master: no pay */
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                   in->kind == RG_SALE_LINE_PRODUCT ? _("A product of the sale is not in the catalogue any more.")
                                                    : _("A service of the sale is not in the list any more."));
      return FALSE;
    }
  if (*name == NULL)
    *name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *list_price = sqlite3_column_int64 (stmt, 1);
  *unit_cost = sqlite3_column_int64 (stmt, 2);
  *pay_rate = sqlite3_column_int (stmt, 3);
  /* A service's materials at their average purchase cost, on top of the
   * cost the studio set for what is not counted in stock. */
  if (in->kind == RG_SALE_LINE_SERVICE && in->item_id)
    {
      gint64 materials = 0;

      if (!rg_stock_service_materials_cost (store, in->item_id, &materials, error))
        return FALSE;
      *unit_cost += materials;
    }
  return TRUE;
}

static gboolean
read_master (RgStore  *store,
             gint64    staff_id,
             char    **name,
             gint64   *per_visit,
             GError  **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  *name = NULL, *per_visit = 0;
  if (staff_id == 0)
    return TRUE;
  stmt = rg_store_prepare (store, "SELECT display_name, pay_per_visit FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                   _("A master of the sale is not on the staff list any more."));
      return FALSE;
    }
  *name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *per_visit = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
method_takes_money_now (RgPaymentMethod method)
{
  return method == RG_PAYMENT_CASH || method == RG_PAYMENT_CARD || method == RG_PAYMENT_TRANSFER;
}

static RgSaleQuote *
price_draft (RgStudio          *studio,
             const RgSaleDraft  *draft,
             gint64              sold_at,
             GError            **error)
{
  RgStore *store = rg_studio_get_store (studio);
  g_autoptr(RgSaleQuote) quote = g_new0 (RgSaleQuote, 1);
  g_autoptr(GHashTable) paid_fixed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *day = NULL;
  RgPriceRules rules = { 0 };
  gint64 cash = 0, other = 0, money = 0, prepaid = 0;

  if (draft->lines->len == 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("A sale needs at least one line."));
      return NULL;
    }

  day = day_of (sold_at);

  /* The studio's settings, with their defaults, as Studio → Discounts sets them. */
  quote->cap = (int) rg_studio_get_number (studio, RG_STUDIO_DISCOUNT_CAP);
  quote->pay_after_discount = rg_studio_get_number (studio, RG_STUDIO_PAY_AFTER_DISCOUNT) != 0;
  if (!read_card (store, draft->client_id, quote, error))
    return NULL;

  quote->n_lines = draft->lines->len;
  quote->lines = g_new0 (RgPriceLine, quote->n_lines);
  quote->names = g_new0 (char *, quote->n_lines + 1);
  quote->masters = g_new0 (char *, quote->n_lines + 1);
  quote->promotion_ids = g_new0 (gint64, quote->n_lines);

  for (guint i = 0; i < quote->n_lines; i++)
    {
      const RgSaleLineDraft *in = &g_array_index (draft->lines, RgSaleLineDraft, i);
      RgPriceLine *line = &quote->lines[i];
      gint64 list_price, unit_cost, per_visit;
      int pay_rate;

      if (in->kind == RG_SALE_LINE_TIP && in->staff_id == 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("A tip goes to a master: choose one."));
          return NULL;
        }
      if (in->kind == RG_SALE_LINE_PRODUCT && in->item_id == 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Choose the product of each product line."));
          return NULL;
        }
      if (!read_item (store, in, &quote->names[i], &list_price, &unit_cost, &pay_rate, error) ||
          !read_master (store, in->staff_id, &quote->masters[i], &per_visit, error))
        return NULL;

      line->name = quote->names[i];
      line->kind = in->kind;
      line->quantity = in->quantity;
      line->list_price = in->list_price >= 0 ? in->list_price : list_price;
      line->unit_cost = unit_cost;
      line->one_off = in->one_off;
      line->one_off_amount = in->one_off_amount;
      line->pay_rate = pay_rate;
      /* The master's fixed amount, once per visit, on their first service. */
      if (draft->appointment_id && in->kind == RG_SALE_LINE_SERVICE && in->staff_id && per_visit > 0 &&
          !g_hash_table_contains (paid_fixed, &in->staff_id))
        {
          g_hash_table_add (paid_fixed, (gpointer) &in->staff_id);
          line->pay_fixed = per_visit;
        }
      if (!RG_SALE_LINE_IS_UNDISCOUNTED (in->kind) && in->item_id &&
          !read_promotion (store, in->kind, in->item_id, day, &quote->promotion_ids[i], &line->promotion, error))
        return NULL;
    }

  rules.card = quote->card;
  rules.cap = quote->cap;
  rules.pay_after_discount = quote->pay_after_discount;
  rules.sale_one_off = draft->one_off;
  rules.sale_one_off_amount = draft->one_off_amount;
  /* A reward's one-off discount: the larger of it and the desk's own. */
  if (draft->reward_discount_id)
    {
      gint64 percent = 0;

      if (!rg_store_query_int64 (store,
                      "SELECT coalesce ((SELECT percent FROM reward_discounts WHERE id = ?1 AND client_id = ?2 "
                      " AND used_sale_id IS NULL), 0)",
                      draft->reward_discount_id, draft->client_id, &percent, error))
        return NULL;
      if (percent == 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT, _("That reward’s discount was used already."));
          return NULL;
        }
      rules.sale_one_off = MAX (rules.sale_one_off, (int) MIN (percent, quote->cap));
    }
  if (!rg_pricing_compute (&rules, quote->lines, quote->n_lines, &quote->total, error))
    return NULL;

  quote->n_payments = draft->payments->len;
  quote->payment_amounts = g_new0 (gint64, quote->n_payments + 1);
  if (!rg_prepaid_check (studio, store, draft, quote, quote->payment_amounts, sold_at, error))
    return NULL;
  for (guint i = 0; i < draft->payments->len; i++)
    {
      const RgPaymentDraft *payment = &g_array_index (draft->payments, RgPaymentDraft, i);
      gint64 amount = quote->payment_amounts[i];

      if (payment->method >= RG_N_PAYMENT_METHODS || payment->method == RG_PAYMENT_UNRECORDED)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       _("The desk takes cash, a card, a bank transfer, a deposit, a gift certificate, a subscription or points."));
          return NULL;
        }
      if (amount <= 0 || amount > RG_PRICING_MAX_PRICE)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       _("A payment must be a sum above zero."));
          return NULL;
        }
      if (payment->method == RG_PAYMENT_CASH)
        cash += amount;
      else
        {
          other += amount;
          if (method_takes_money_now (payment->method) || payment->method == RG_PAYMENT_DEPOSIT)
            money += amount;
          else
            prepaid += amount;
        }
    }
  if (other > quote->total)
    {
      g_autofree char *paid = rg_format_price (other);
      g_autofree char *due = rg_format_price (quote->total);

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: "Payments other than cash come to 5,000 ₽, more than the 4,200 ₽ due." */
                   _("Payments other than cash come to %s, more than the %s due."), paid, due);
      return NULL;
    }
  quote->paid = cash + other;
  quote->still_due = MAX (quote->total - quote->paid, 0);
  quote->change = MAX (quote->paid - quote->total, 0);
  quote->money = money + cash - quote->change;
  if (draft->client_id)
    quote->points_earned = rg_prepaid_points_earned (studio, quote, quote->money, prepaid);
  return g_steal_pointer (&quote);
}

RgSaleQuote *
rg_studio_quote_sale (RgStudio           *studio,
                      const RgSaleDraft  *draft,
                      GError            **error)
{
  RgStore *store;
  RgSaleQuote *quote;
  gboolean started = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  store = rg_studio_get_store (studio);
  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  quote = price_draft (studio, draft, draft->sold_at ? draft->sold_at : rg_store_now (), error);
  rg_store_end_read (store, started);
  return quote;
}

/* Writing ------------------------------------------------------------------- */

static gboolean
insert_sale (RgStore     *store,
             gint64       id,
             gint64       number,
             gint64       refund_of,
             gint64       client_id,
             gint64       appointment_id,
             const char  *discount_reason,
             const char  *reason,
             gint64       now,
             GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO sales (id, number, kind, refund_of, client_id, appointment_id, "
                                             "discount_reason, reason, created_at, updated_at) "
                                             "VALUES (?1, ?2, ?3, nullif (?4, 0), nullif (?5, 0), nullif (?6, 0), ?7, ?8, ?9, ?9)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_text (stmt, 3, refund_of ? "refund" : "sale", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, refund_of);
  sqlite3_bind_int64 (stmt, 5, client_id);
  sqlite3_bind_int64 (stmt, 6, appointment_id);
  sqlite3_bind_text (stmt, 7, discount_reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, now);
  return rg_store_step_done (store, stmt, error);
}

static gboolean
insert_payment (RgStore          *store,
                gint64            sale_id,
                RgPaymentMethod   method,
                gint64            amount,
                gint64            tendered,
                const char       *reference,
                gint64            now,
                GError          **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO payments (id, sale_id, method, amount, tendered, reference, paid_at, "
                                             "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), ?7, ?6, ?6, ?6)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, sale_id);
  sqlite3_bind_text (stmt, 3, rg_payment_method_to_nick (method), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, amount);
  sqlite3_bind_int64 (stmt, 5, tendered);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_text (stmt, 7, reference, -1, SQLITE_TRANSIENT);
  return rg_store_step_done (store, stmt, error);
}

gboolean
rg_sale_insert_payment (RgStore          *store,
                        gint64            sale_id,
                        RgPaymentMethod   method,
                        gint64            amount,
                        const char       *reference,
                        gint64            now,
                        GError          **error)
{
  return insert_payment (store, sale_id, method, amount, 0, reference, now, error);
}

gboolean
rg_sale_insert_header (RgStore     *store,
                       gint64       sale_id,
                       gint64       client_id,
                       const char  *reason,
                       gint64       now,
                       gint64      *number,
                       GError     **error)
{
  return next_number (store, number, error) &&
         insert_sale (store, sale_id, *number, 0, client_id, 0, NULL, reason, now, error);
}

static gboolean
insert_stock_move (RgStore     *store,
                   gint64       product_id,
                   gint64       quantity,
                   const char  *reason,
                   gint64       line_id,
                   gint64       now,
                   GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO stock_moves (id, product_id, quantity, reason, sale_line_id, "
                                             "occurred_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int64 (stmt, 3, quantity);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, line_id);
  sqlite3_bind_int64 (stmt, 6, now);
  return rg_store_step_done (store, stmt, error);
}

/* A visit's services as its sale's service lines say, each at what is
 * still paid for it (refunds taken off); its price their sum. */
static gboolean
sync_visit (RgStore  *store,
            gint64    appointment_id,
            gint64    sale_id,
            gint64    now,
            GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT l.service_id, l.price + coalesce ((SELECT sum (r.price) FROM sale_lines r "
                                             "  WHERE r.refund_of_line = l.id), 0), "
                                             " coalesce ((SELECT a.duration_minutes FROM appointment_services a "
                                             "  WHERE a.appointment_id = ?2 AND a.service_id = l.service_id ORDER BY a.position LIMIT 1),"
                                             "  (SELECT duration_minutes FROM services WHERE id = l.service_id), 30) "
                                             "FROM sale_lines l WHERE l.sale_id = ?1 AND l.kind = 'service' "
                                             "ORDER BY l.position, l.id",
                                             error);
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (RgBookingService));
  g_autoptr(RgStmt) update = NULL;
  gboolean row = FALSE, ok;
  gint64 price = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  sqlite3_bind_int64 (stmt, 2, appointment_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgBookingService service = { .service_id = sqlite3_column_int64 (stmt, 0),
                                   .price = MAX (sqlite3_column_int64 (stmt, 1), 0),
                                   .duration_minutes = sqlite3_column_int (stmt, 2) };

      price += service.price;
      if (service.service_id)
        g_array_append_val (services, service);
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, rg_stmt_release);

  if (!rg_booking_replace_services (store, appointment_id, services, now, error))
    return FALSE;
  update = rg_store_prepare (store, "UPDATE appointments SET price = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, appointment_id);
  sqlite3_bind_int64 (update, 2, price);
  sqlite3_bind_int64 (update, 3, now);
  return rg_store_step_done (store, update, error);
}

static gboolean
write_sale (RgStudio           *studio,
            RgStore            *store,
            const RgSaleDraft  *draft,
            const RgSaleQuote  *quote,
            gint64              client_id,
            gint64              sold_at,
            gint64             *sale_id,
            GError            **error)
{
  gint64 id = rg_store_new_id (), number = 0, cash = 0, change = quote->change;
  g_autofree gint64 *line_ids = g_new0 (gint64, quote->n_lines + 1);

  if (!next_number (store, &number, error) ||
      !insert_sale (store, id, number, 0, client_id, draft->appointment_id, draft->one_off_reason, NULL, sold_at, error))
    return FALSE;

  for (guint i = 0; i < quote->n_lines; i++)
    {
      const RgSaleLineDraft *in = &g_array_index (draft->lines, RgSaleLineDraft, i);
      const RgPriceLine *line = &quote->lines[i];
      g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                                 "INSERT INTO sale_lines (id, sale_id, position, kind, service_id, product_id, "
                                                 "staff_id, quantity, list_price, discount, discount_promotion, discount_card, "
                                                 "discount_one_off, promotion_id, discount_reason, price, cost, pay, "
                                                 "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), nullif (?6, 0), "
                                                 "nullif (?7, 0), ?8, ?9, ?10, ?11, ?12, ?13, nullif (?16, 0), ?14, ?15, ?17, ?18, ?19, ?19)",
                                                 error);
      gint64 line_id = line_ids[i] = rg_store_new_id ();
      const char *reason = in->one_off_reason ? in->one_off_reason
                           : draft->one_off_reason ? draft->one_off_reason
                           : draft->reward_discount_id ? _("Referral reward") : NULL;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, rg_sale_line_kind_to_nick (in->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, in->kind == RG_SALE_LINE_SERVICE ? in->item_id : 0);
      sqlite3_bind_int64 (stmt, 6, in->kind == RG_SALE_LINE_PRODUCT ? in->item_id : 0);
      sqlite3_bind_int64 (stmt, 7, in->staff_id);
      sqlite3_bind_int64 (stmt, 8, line->quantity);
      sqlite3_bind_int64 (stmt, 9, line->list_price);
      sqlite3_bind_int64 (stmt, 10, line->discount);
      sqlite3_bind_int64 (stmt, 11, line->discount_promotion);
      sqlite3_bind_int64 (stmt, 12, line->discount_card);
      sqlite3_bind_int64 (stmt, 13, line->discount_one_off);
      if (line->discount_one_off > 0 && reason && *reason)
        sqlite3_bind_text (stmt, 14, reason, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 14);
      sqlite3_bind_int64 (stmt, 15, line->price);
      sqlite3_bind_int64 (stmt, 16, line->discount_promotion > 0 ? quote->promotion_ids[i] : 0);
      sqlite3_bind_int64 (stmt, 17, line->cost);
      sqlite3_bind_int64 (stmt, 18, line->pay);
      sqlite3_bind_int64 (stmt, 19, sold_at);
      if (!rg_store_step_done (store, stmt, error))
        return FALSE;
      if (in->kind == RG_SALE_LINE_PRODUCT &&
          !insert_stock_move (store, in->item_id, -line->quantity, "sale", line_id, sold_at, error))
        return FALSE;
    }

  if (!rg_stock_use_materials (store, id, sold_at, error))
    return FALSE;

  /* Card and transfer as handed; cash less the change, with what was
   * handed over kept for the receipt. */
  for (guint i = 0; i < draft->payments->len; i++)
    {
      const RgPaymentDraft *payment = &g_array_index (draft->payments, RgPaymentDraft, i);
      g_autofree char *reference = NULL;

      if (payment->method == RG_PAYMENT_CASH)
        {
          cash += quote->payment_amounts[i];
          continue;
        }
      /* A certificate's payment names it (its refund finds it so); a
       * subscription's, the subscription. */
      if (payment->method == RG_PAYMENT_CERTIFICATE &&
          !query_text (store, "SELECT number FROM certificates WHERE id = ?1", payment->instrument_id, &reference, error))
        return FALSE;
      if (payment->method == RG_PAYMENT_SUBSCRIPTION &&
          !query_text (store, "SELECT name FROM subscriptions WHERE id = ?1", payment->instrument_id, &reference, error))
        return FALSE;
      if (!insert_payment (store, id, payment->method, quote->payment_amounts[i], 0, reference, sold_at, error))
        return FALSE;
    }
  if (cash - change > 0 && !insert_payment (store, id, RG_PAYMENT_CASH, cash - change, cash, NULL, sold_at, error))
    return FALSE;

  if (!rg_prepaid_write_sale (studio, store, draft, quote, quote->payment_amounts, id, line_ids, client_id,
                              sold_at, error))
    return FALSE;

  *sale_id = id;
  return TRUE;
}

/* Discounts above a role's limit -------------------------------------------- */

/* "15 %", "12.5 %" */
static char *
format_percent (int basis_points)
{
  if (basis_points % 100 == 0)
    return g_strdup_printf ("%d\u00a0%%", basis_points / 100);
  return g_strdup_printf ("%d.%d\u00a0%%", basis_points / 100, (basis_points % 100 + 5) / 10);
}

/* The largest discount given by hand on one line of @quote, basis points
 * of its gross (promotions and the card's tier are the studio's rules,
 * not the desk's), and whether the margin check warns about a line
 * discounted by hand. */
static int
manual_discount (const RgSaleQuote *quote,
                 gboolean          *below_margin)
{
  int most = 0;

  *below_margin = FALSE;
  for (guint i = 0; i < quote->n_lines; i++)
    {
      const RgPriceLine *line = &quote->lines[i];
      gint64 bp;

      if (line->discount_one_off <= 0 || line->gross <= 0)
        continue;
      bp = (line->discount_one_off * 10000 + line->gross / 2) / line->gross;
      most = MAX (most, (int) MIN (bp, 10000));
      if (line->margin != RG_MARGIN_OK)
        *below_margin = TRUE;
    }
  return most;
}

/* Whether @quote needs a director's approval in this session, and why. */
static gboolean
quote_needs_approval (RgStudio           *studio,
                      const RgSaleQuote  *quote,
                      char              **why)
{
  RgRole role = rg_studio_get_session_role (studio);
  gboolean below_margin;
  int most, limit;

  if (why)
    *why = NULL;
  if (role == RG_ROLE_DIRECTOR || !rg_studio_has_profiles (studio))
    return FALSE;
  most = manual_discount (quote, &below_margin);
  limit = rg_role_discount_limit (role);
  if (most > limit)
    {
      g_autofree char *given = format_percent (most);
      g_autofree char *allowed = format_percent (limit);

      if (why == NULL)
        return TRUE;
      if (role == RG_ROLE_ADMINISTRATOR)
        /* Translators: "A discount of 15 % needs a director’s approval: an administrator may give up to 10 %." */
        *why = g_strdup_printf (_("A discount of %s needs a director’s approval: an administrator may give up to %s."),
                                given, allowed);
      else if (role == RG_ROLE_MASTER)
        /* Translators: "A discount of 15 % needs a director’s approval: a master may give up to 5 %." */
        *why = g_strdup_printf (_("A discount of %s needs a director’s approval: a master may give up to %s."),
                                given, allowed);
      else
        *why = g_strdup_printf (_("A discount of %s needs a director’s approval."), given);
      return TRUE;
    }
  if (below_margin)
    {
      if (why)
        *why = g_strdup (_("This discount takes the price below what the service or product costs the studio: "
                           "it needs a director’s approval."));
      return TRUE;
    }
  return FALSE;
}

gboolean
rg_studio_sale_needs_approval (RgStudio           *studio,
                               const RgSaleDraft  *draft,
                               char              **why)
{
  g_autoptr(RgSaleQuote) quote = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (why)
    *why = NULL;
  if (rg_studio_get_session_role (studio) == RG_ROLE_DIRECTOR || !rg_studio_has_profiles (studio))
    return FALSE;
  quote = rg_studio_quote_sale (studio, draft, NULL);
  /* A draft that cannot be priced is refused by the check-out itself. */
  return quote != NULL && quote_needs_approval (studio, quote, why);
}

/* In the sale's transaction: the approval taken (refused without one),
 * and the audit log's rows for it and for a discount above the studio's
 * threshold. */
static gboolean
audit_discount (RgStudio           *studio,
                RgStore            *store,
                const RgSaleQuote  *quote,
                gint64              sale_id,
                GError            **error)
{
  g_autofree char *why = NULL;
  gboolean below_margin;
  gint64 number = 0;
  int most = manual_discount (quote, &below_margin);

  if (quote_needs_approval (studio, quote, &why))
    {
      gint64 director = rg_studio_take_override (studio);
      g_autofree char *detail = NULL;

      if (director == 0)
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_DENIED, why);
          return FALSE;
        }
      if (!rg_store_query_int64 (store, "SELECT number FROM sales WHERE id = ?1", sale_id, 0, &number, error))
        return FALSE;
      detail = g_strdup_printf ("sale %" G_GINT64_FORMAT ", discount %d.%02d%%, approved by staff %" G_GINT64_FORMAT,
                                number, most / 100, most % 100, director);
      if (!rg_studio_audit (studio, RG_AUDIT_OVERRIDE, "sales", 1, NULL, detail, error))
        return FALSE;
    }
  if (most > 0 && most > rg_studio_get_number (studio, RG_STUDIO_AUDIT_DISCOUNT))
    {
      g_autofree char *detail = NULL;

      if (number == 0 &&
          !rg_store_query_int64 (store, "SELECT number FROM sales WHERE id = ?1", sale_id, 0, &number, error))
        return FALSE;
      detail = g_strdup_printf ("sale %" G_GINT64_FORMAT ", %d.%02d%%", number, most / 100, most % 100);
      if (!rg_studio_audit (studio, RG_AUDIT_DISCOUNT, "sales", 1, NULL, detail, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rg_studio_check_out (RgStudio           *studio,
                     const RgSaleDraft  *draft,
                     gint64             *sale_id,
                     GError            **error)
{
  RgStore *store;
  g_autoptr(RgSaleQuote) quote = NULL;
  gint64 id = 0, client_id, sold_at;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_CHECK_OUT, 0, 0, error))
    return FALSE;
  store = rg_studio_get_store (studio);
  sold_at = draft->sold_at ? draft->sold_at : rg_store_now ();
  client_id = draft->client_id;

  if (!rg_store_begin (store, error))
    return FALSE;

  if (draft->appointment_id)
    {
      RgBookingRow row;
      gint64 existing = 0, number = 0;

      if (!rg_booking_load_row (store, draft->appointment_id, &row, error))
        goto fail;
      if (row.status == RG_APPOINTMENT_CANCELLED || row.status == RG_APPOINTMENT_NO_SHOW)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       row.status == RG_APPOINTMENT_CANCELLED ? _("A cancelled visit cannot be checked out.")
                                                              : _("A visit the client did not come to cannot be checked out."));
          goto fail;
        }
      if (!live_visit_sale (store, draft->appointment_id, &existing, &number, error))
        goto fail;
      if (existing)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                       /* Translators: the receipt's number */
                       _("This visit was checked out already (receipt %lld)."), (long long) number);
          goto fail;
        }
      if (client_id == 0)
        client_id = row.client_id;
      else if (client_id != row.client_id)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       _("The sale’s client is not the visit’s client."));
          goto fail;
        }
    }

  {
    g_autoptr(RgSaleDraft) copy = NULL;
    const RgSaleDraft *priced = draft;

    if (client_id != draft->client_id)
      {
        copy = rg_sale_draft_new (client_id, draft->appointment_id);
        g_array_append_vals (copy->lines, draft->lines->data, draft->lines->len);
        g_array_set_clear_func (copy->lines, NULL);   /* the reasons stay the draft's */
        g_array_append_vals (copy->payments, draft->payments->data, draft->payments->len);
        copy->one_off = draft->one_off;
        copy->one_off_amount = draft->one_off_amount;
        copy->reward_discount_id = draft->reward_discount_id;
        priced = copy;
      }
    /* Points due to expire go before any can pay. */
    if (client_id && !rg_prepaid_expire_points (store, client_id, sold_at, error))
      goto fail;
    quote = price_draft (studio, priced, sold_at, error);
  }
  if (quote == NULL)
    goto fail;
  if (quote->still_due > 0)
    {
      g_autofree char *due = rg_format_price (quote->still_due);

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: an amount of money */
                   _("%s is still due."), due);
      goto fail;
    }

  if (!write_sale (studio, store, draft, quote, client_id, sold_at, &id, error) ||
      !audit_discount (studio, store, quote, id, error))
    goto fail;
  if (draft->appointment_id &&
      (!sync_visit (store, draft->appointment_id, id, sold_at, error) ||
       !rg_booking_change_status (store, draft->appointment_id, RG_APPOINTMENT_DONE, TRUE, FALSE, error)))
    goto fail;

  if (!rg_store_commit (store, error))
    return FALSE;
  if (sale_id)
    *sale_id = id;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

/* The sale of a visit done without a check-out ------------------------------ */

gboolean
rg_sale_write_in_full (RgStore  *store,
                       gint64    appointment_id,
                       gint64    paid_at,
                       GError  **error)
{
  g_autoptr(RgStmt) lines = NULL;
  gint64 existing = 0, number = 0, price = 0, staff_id = 0, id = rg_store_new_id ();
  gboolean row = FALSE, ok, any = FALSE;
  guint position = 0;

  if (!rg_store_query_int64 (store, "SELECT count (*) FROM sales WHERE appointment_id = ?1 AND kind = 'sale'",
                  appointment_id, 0, &existing, error))
    return FALSE;
  if (existing)
    return TRUE;
  {
    g_autoptr(RgStmt) visit = rg_store_prepare (store,
                                                "SELECT price, staff_id, client_id FROM appointments WHERE id = ?1",
                                                error);
    gint64 client_id;

    if (visit == NULL)
      return FALSE;
    sqlite3_bind_int64 (visit, 1, appointment_id);
    if (!rg_store_step_row (store, visit, &row, error))
      return FALSE;
    if (!row)
      {
        g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("The visit is not there any more."));
        return FALSE;
      }
    price = sqlite3_column_int64 (visit, 0);
    staff_id = sqlite3_column_int64 (visit, 1);
    client_id = sqlite3_column_int64 (visit, 2);
    if (!next_number (store, &number, error) ||
        !insert_sale (store, id, number, 0, client_id, appointment_id, NULL, NULL, paid_at, error))
      return FALSE;
  }

  lines = rg_store_prepare (store,
                            "SELECT service_id, price FROM appointment_services WHERE appointment_id = ?1 "
                            "ORDER BY position, id",
                            error);
  if (lines == NULL)
    return FALSE;
  sqlite3_bind_int64 (lines, 1, appointment_id);
  while ((ok = rg_store_step_row (store, lines, &row, error)) && (row || !any))
    {
      g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                                 "INSERT INTO sale_lines (id, sale_id, position, kind, service_id, staff_id, "
                                                 "quantity, list_price, price, created_at, updated_at) "
                                                 "VALUES (?1, ?2, ?3, 'service', nullif (?4, 0), ?5, 1, ?6, ?6, ?7, ?7)",
                                                 error);
      gint64 service_id = row ? sqlite3_column_int64 (lines, 0) : 0;
      gint64 line_price = row ? sqlite3_column_int64 (lines, 1) : price;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int (stmt, 3, (int) position++);
      sqlite3_bind_int64 (stmt, 4, service_id);
      sqlite3_bind_int64 (stmt, 5, staff_id);
      sqlite3_bind_int64 (stmt, 6, line_price);
      sqlite3_bind_int64 (stmt, 7, paid_at);
      if (!rg_store_step_done (store, stmt, error))
        return FALSE;
      any = TRUE;
      if (!row)
        break;
    }
  if (!ok)
    return FALSE;

  if (!rg_stock_use_materials (store, id, paid_at, error))
    return FALSE;
  return price <= 0 || insert_payment (store, id, RG_PAYMENT_UNRECORDED, price, 0, NULL, paid_at, error);
}

/* Refunds -------------------------------------------------------------------- */

typedef struct {
  gint64          id;
  RgSaleLineKind  kind;
  gint64          product_id;
  gint64          quantity;
  char           *name;
} RefundLine;

static void
refund_line_clear (gpointer data)
{
  g_free (((RefundLine *) data)->name);
}

gboolean
rg_studio_refund (RgStudio         *studio,
                  gint64            sale_id,
                  const gint64     *line_ids,
                  guint             n_lines,
                  const char       *reason,
                  RgPaymentMethod   method,
                  gboolean          set_back,
                  gint64           *refund_id,
                  GError          **error)
{
  RgStore *store;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RefundLine));
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *clean_reason = NULL;
  gint64 id = rg_store_new_id (), number = 0, sale_number = 0, client_id = 0, appointment_id = 0;
  gint64 amount = 0, by_method = 0, money = 0, now = rg_store_now ();
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (line_ids != NULL || n_lines == 0, FALSE);

  g_array_set_clear_func (lines, refund_line_clear);
  store = rg_studio_get_store (studio);
  clean_reason = g_strstrip (g_strdup (reason ? reason : ""));
  if (*clean_reason == '\0')
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, _("Say why the money goes back."));
      return FALSE;
    }
  if (method != RG_PAYMENT_CASH && method != RG_PAYMENT_CARD && method != RG_PAYMENT_TRANSFER)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("Money goes back in cash, to a card or by a bank transfer."));
      return FALSE;
    }
  if (!rg_studio_allowed (studio, RG_ACTION_REFUND, 0, 0, error))
    return FALSE;

  if (!rg_store_begin (store, error))
    return FALSE;

  stmt = rg_store_prepare (store,
                           "SELECT number, coalesce (client_id, 0), coalesce (appointment_id, 0) FROM sales "
                           "WHERE id = ?1 AND kind = 'sale'",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    goto fail;
  if (!row)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("The sale to refund is not there any more."));
      goto fail;
    }
  sale_number = sqlite3_column_int64 (stmt, 0);
  client_id = sqlite3_column_int64 (stmt, 1);
  appointment_id = sqlite3_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, rg_stmt_release);

  /* The lines to take back, each not taken back before. */
  stmt = rg_store_prepare (store,
                           "SELECT l.id, l.kind, coalesce (l.product_id, 0), l.quantity, l.price, "
                           " coalesce (s.name, p.name, CASE l.kind WHEN 'tip' THEN ?3 ELSE ?4 END), "
                           " EXISTS (SELECT 1 FROM sale_lines r WHERE r.refund_of_line = l.id) "
                           "FROM sale_lines l LEFT JOIN services s ON s.id = l.service_id "
                           "LEFT JOIN products p ON p.id = l.product_id "
                           "WHERE l.sale_id = ?1 AND (?2 = 0 OR l.id IN (SELECT value FROM json_each (?5))) "
                           "ORDER BY l.position, l.id",
                           error);
  if (stmt == NULL)
    goto fail;
  {
    g_autoptr(GString) ids = g_string_new ("[");

    for (guint i = 0; i < n_lines; i++)
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", line_ids[i]);
    g_string_append_c (ids, ']');
    sqlite3_bind_int64 (stmt, 1, sale_id);
    sqlite3_bind_int (stmt, 2, (int) n_lines);
    sqlite3_bind_text (stmt, 3, _("Tip"), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 4, _("Visit"), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 5, ids->str, -1, SQLITE_TRANSIENT);
  }
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RefundLine line = { .id = sqlite3_column_int64 (stmt, 0),
                          .product_id = sqlite3_column_int64 (stmt, 2),
                          .quantity = sqlite3_column_int64 (stmt, 3),
                          .name = g_strdup ((const char *) sqlite3_column_text (stmt, 5)) };
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);

      line.kind = g_str_equal (kind, "product") ? RG_SALE_LINE_PRODUCT
                  : g_str_equal (kind, "tip") ? RG_SALE_LINE_TIP : RG_SALE_LINE_SERVICE;
      if (sqlite3_column_int (stmt, 6))
        {
          if (n_lines > 0)
            {
              g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                           /* Translators: the line's item */
                           _("“%s” was refunded already."), line.name);
              refund_line_clear (&line);
              goto fail;
            }
          refund_line_clear (&line);
          continue;
        }
      amount += sqlite3_column_int64 (stmt, 4);
      g_array_append_val (lines, line);
    }
  if (!ok)
    goto fail;
  g_clear_pointer (&stmt, rg_stmt_release);
  if (n_lines > 0 && lines->len != n_lines)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                   _("A line to refund is not on this sale."));
      goto fail;
    }
  if (lines->len == 0)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CONFLICT,
                   /* Translators: the receipt's number */
                   _("Everything on receipt %lld was refunded already."), (long long) sale_number);
      goto fail;
    }

  if (!next_number (store, &number, error) ||
      !insert_sale (store, id, number, sale_id, client_id, appointment_id, NULL, clean_reason, now, error))
    goto fail;
  for (guint i = 0; i < lines->len; i++)
    {
      const RefundLine *line = &g_array_index (lines, RefundLine, i);
      g_autoptr(RgStmt) copy = rg_store_prepare (store,
                                                 "INSERT INTO sale_lines (id, sale_id, position, kind, service_id, product_id, "
                                                 "staff_id, quantity, list_price, discount, discount_promotion, discount_card, "
                                                 "discount_one_off, promotion_id, discount_reason, price, cost, pay, refund_of_line, "
                                                 "created_at, updated_at) "
                                                 "SELECT ?1, ?2, ?3, kind, service_id, product_id, staff_id, -quantity, list_price, "
                                                 "-discount, -discount_promotion, -discount_card, -discount_one_off, promotion_id, "
                                                 "discount_reason, -price, -cost, -pay, id, ?4, ?4 FROM sale_lines WHERE id = ?5",
                                                 error);
      gint64 copy_id = rg_store_new_id ();

      if (copy == NULL)
        goto fail;
      sqlite3_bind_int64 (copy, 1, copy_id);
      sqlite3_bind_int64 (copy, 2, id);
      sqlite3_bind_int (copy, 3, (int) i);
      sqlite3_bind_int64 (copy, 4, now);
      sqlite3_bind_int64 (copy, 5, line->id);
      if (!rg_store_step_done (store, copy, error))
        goto fail;
      if (line->kind == RG_SALE_LINE_PRODUCT &&
          !insert_stock_move (store, line->product_id, line->quantity, "refund", copy_id, now, error))
        goto fail;
    }
  if (!rg_stock_return_materials (store, id, now, error))
    goto fail;
  /* Prepaid first: each ledger gets back what the lines took from it; the
   * rest goes back in money. */
  if (!rg_prepaid_refund (studio, store, sale_id, id, amount, &money, now, error))
    goto fail;
  /* Money goes back no more than it came: a card or a transfer gets back
   * at most what it paid; cash at most what is still paid in all. */
  {
    g_autoptr(RgStmt) paid = rg_store_prepare (store,
                                               "SELECT coalesce (sum (amount), 0) FROM payments WHERE sale_id IN "
                                               "(SELECT id FROM sales WHERE id = ?1 OR refund_of = ?1) "
                                               "AND (?2 IS NULL OR method = ?2) "
                                               "AND method IN ('cash', 'card', 'transfer', 'unrecorded')",
                                               error);

    if (paid == NULL)
      goto fail;
    sqlite3_bind_int64 (paid, 1, sale_id);
    if (method == RG_PAYMENT_CASH)
      sqlite3_bind_null (paid, 2);
    else
      sqlite3_bind_text (paid, 2, rg_payment_method_to_nick (method), -1, SQLITE_STATIC);
    if (!rg_store_step_row (store, paid, &row, error))
      goto fail;
    by_method = row ? sqlite3_column_int64 (paid, 0) : 0;
  }
  if (money > by_method)
    {
      g_autofree char *back = rg_format_price (money);
      g_autofree char *was = rg_format_price (by_method);

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: "3,000 ₽ cannot go back by Card: 1,000 ₽ was paid by it." */
                   _("%s cannot go back by %s: %s was paid by it."), back,
                   rg_payment_method_to_string (method), was);
      goto fail;
    }

  if (money > 0 && !insert_payment (store, id, method, -money, 0, NULL, now, error))
    goto fail;

  if (appointment_id)
    {
      if (!sync_visit (store, appointment_id, sale_id, now, error))
        goto fail;
      if (set_back && !rg_booking_write_status (store, appointment_id, RG_APPOINTMENT_ARRIVED, now, error))
        goto fail;
    }

  /* Refunds above the studio's threshold (0: every one) in the audit log. */
  {
    gint64 threshold = rg_studio_get_number (studio, RG_STUDIO_AUDIT_REFUND);

    if (threshold == 0 || amount > threshold)
      {
        g_autofree char *detail = g_strdup_printf ("sale %" G_GINT64_FORMAT ", refund %" G_GINT64_FORMAT
                                                   ", amount %" G_GINT64_FORMAT,
                                                   sale_number, number, amount);

        if (!rg_studio_audit (studio, RG_AUDIT_REFUND, "sales", lines->len, NULL, detail, error))
          goto fail;
      }
  }

  if (!rg_store_commit (store, error))
    return FALSE;
  if (refund_id)
    *refund_id = id;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}
