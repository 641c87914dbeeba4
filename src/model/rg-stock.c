/* rg-stock.c — stock: the materials a sale's services use, written off
 * and put back with the sale, and what they cost; goods received, counts
 * and write-offs; the stock list, an item's ledger, the low-stock list.
 *
 * Stock on hand is the sum of an item's moves, never a number kept. The
 * average purchase cost of an item is the cost of its goods received over
 * their quantity (the item's own cost where none was received with a
 * cost). Goods received, counts and write-offs are the stock's action of
 * the roles (RG_ACTION_STOCK); a service's materials are the studio's
 * settings. What to order: when on hand is at or below the minimum level,
 * twice the minimum level less what is on hand (enough to be back at the
 * minimum after using as much again); else nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-model-enums.h"
#include "rg-roles.h"
#include "rg-service.h"
#include "rg-stock.h"

/* What the receipts of product p (with a cost) come to, for its average
 * purchase cost sum (cost) / sum (quantity). */
#define RECEIVED_WHERE(column, more) \
  "coalesce ((SELECT sum (" column ") FROM stock_moves r WHERE r.product_id = p.id AND r.reason = 'received' " \
  " AND r.cost IS NOT NULL AND r.quantity > 0" more "), 0)"
#define RECEIVED(column) RECEIVED_WHERE (column, "")

#define RANDOM_ID "(1 + (random () & 9223372036854775806))"

/* @numerator / @denominator rounded half up, both >= 0 (denominator > 0). */
static gint64
divide_half_up (__int128 numerator,
                gint64   denominator)
{
  gboolean negative = numerator < 0;
  __int128 n = negative ? -numerator : numerator;
  gint64 q = (gint64) ((n * 2 + denominator) / (2 * (__int128) denominator));

  return negative ? -q : q;
}

gboolean
rg_stock_use_materials (RgStore  *store,
                        gint64    sale_id,
                        gint64    now,
                        GError  **error)
{
  g_autoptr(RgStmt) stmt =
    rg_store_prepare (store,
                      "INSERT INTO stock_moves (id, product_id, quantity, reason, sale_line_id, appointment_id, "
                      " occurred_at, created_at, updated_at) "
                      "SELECT " RANDOM_ID ", m.product_id, -(m.quantity * l.quantity), 'materials', l.id, "
                      " s.appointment_id, ?2, ?2, ?2 "
                      "FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
                      "JOIN service_materials m ON m.service_id = l.service_id "
                      "WHERE s.id = ?1 AND l.kind = 'service' AND l.quantity > 0 "
                      "AND NOT EXISTS (SELECT 1 FROM stock_moves o WHERE o.sale_line_id = l.id AND o.reason = 'materials')",
                      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return rg_store_step_done (store, stmt, error);
}

gboolean
rg_stock_return_materials (RgStore  *store,
                           gint64    refund_id,
                           gint64    now,
                           GError  **error)
{
  g_autoptr(RgStmt) stmt =
    rg_store_prepare (store,
                      "INSERT INTO stock_moves (id, product_id, quantity, reason, sale_line_id, appointment_id, "
                      " occurred_at, created_at, updated_at) "
                      "SELECT " RANDOM_ID ", o.product_id, -o.quantity, 'materials_back', r.id, o.appointment_id, ?2, ?2, ?2 "
                      "FROM sale_lines r JOIN stock_moves o ON o.sale_line_id = r.refund_of_line AND o.reason = 'materials' "
                      "WHERE r.sale_id = ?1 AND r.kind = 'service'",
                      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, refund_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return rg_store_step_done (store, stmt, error);
}

gboolean
rg_stock_service_materials_cost (RgStore  *store,
                                 gint64    service_id,
                                 gint64   *cost,
                                 GError  **error)
{
  /* Per material: quantity * (received cost / received quantity), half up;
   * the item's own cost per unit where nothing was received with a cost. */
  g_autoptr(RgStmt) stmt =
    rg_store_prepare (store,
                      "SELECT m.quantity, p.cost, " RECEIVED ("cost") ", " RECEIVED ("quantity") " "
                      "FROM service_materials m JOIN products p ON p.id = m.product_id WHERE m.service_id = ?1",
                      error);
  gboolean row = FALSE, ok;
  gint64 sum = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, service_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 quantity = sqlite3_column_int64 (stmt, 0);
      gint64 unit_cost = sqlite3_column_int64 (stmt, 1);
      gint64 received_cost = sqlite3_column_int64 (stmt, 2);
      gint64 received = sqlite3_column_int64 (stmt, 3);

      if (received > 0)
        sum += divide_half_up ((__int128) quantity * received_cost, received);
      else
        sum += quantity * unit_cost;
    }
  if (!ok)
    return FALSE;
  *cost = sum;
  return TRUE;
}

/* Helpers ------------------------------------------------------------------ */

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, message);
  return FALSE;
}

void
rg_stock_item_clear (RgStockItem *item)
{
  g_clear_pointer (&item->name, g_free);
  g_clear_pointer (&item->supplier, g_free);
}

void
rg_stock_move_clear (RgStockMove *move)
{
  g_clear_pointer (&move->what, g_free);
  g_clear_pointer (&move->supplier, g_free);
  g_clear_pointer (&move->note, g_free);
}

void
rg_service_material_clear (RgServiceMaterial *material)
{
  g_clear_pointer (&material->name, g_free);
}

gint64
rg_stock_to_order (gint64 on_hand,
                   gint64 min_level)
{
  return on_hand <= min_level ? 2 * min_level - on_hand : 0;
}

/* The unit's short label as a quantity shows it ("pcs", "ml", "g"). */
const char *
rg_product_unit_label (RgProductUnit unit)
{
  switch (unit)
    {
    case RG_UNIT_ML:
      return C_("unit", "ml");
    case RG_UNIT_GRAMS:
      return C_("unit", "g");
    case RG_UNIT_PIECES:
    default:
      return C_("unit", "pcs");
    }
}

/* "250 ml", "3 pcs" */
char *
rg_stock_format_quantity (gint64        quantity,
                          RgProductUnit unit)
{
  /* Translators: a quantity and its unit, "250 ml" */
  return g_strdup_printf (C_("stock", "%lld %s"), (long long) quantity, rg_product_unit_label (unit));
}

const char *
rg_stock_reason_describe (RgStockReason reason)
{
  switch (reason)
    {
    case RG_STOCK_SALE:
      return C_("stock", "Sold");
    case RG_STOCK_REFUND:
      return C_("stock", "Brought back (refund)");
    case RG_STOCK_RECEIVED:
      return C_("stock", "Goods received");
    case RG_STOCK_COUNT:
      return C_("stock", "Stock-taking");
    case RG_STOCK_WRITE_OFF:
      return C_("stock", "Written off");
    case RG_STOCK_MATERIALS:
      return C_("stock", "Used in a visit");
    case RG_STOCK_MATERIALS_BACK:
      return C_("stock", "Put back (visit refunded)");
    default:
      return "";
    }
}

static const char * const reason_nicks[] = {
  [RG_STOCK_SALE] = "sale",
  [RG_STOCK_REFUND] = "refund",
  [RG_STOCK_RECEIVED] = "received",
  [RG_STOCK_COUNT] = "count",
  [RG_STOCK_WRITE_OFF] = "write_off",
  [RG_STOCK_MATERIALS] = "materials",
  [RG_STOCK_MATERIALS_BACK] = "materials_back",
};

static RgStockReason
reason_from_nick (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_nicks); i++)
    if (g_strcmp0 (reason_nicks[i], nick) == 0)
      return (RgStockReason) i;
  return RG_STOCK_COUNT;
}

static int
enum_from_nick (GType       type,
                const char *nick,
                int         fallback)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick ? nick : "");

  return value ? value->value : fallback;
}

/* The stock list ------------------------------------------------------------- */

#define AS_OF_RECEIVED(column) RECEIVED_WHERE (column, " AND r.occurred_at <= ?1")

static int
item_compare (gconstpointer a,
              gconstpointer b)
{
  const RgStockItem *x = a, *y = b;
  int by_name;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  by_name = g_utf8_collate (x->name, y->name);
  if (by_name != 0)
    return by_name;
  return x->product_id < y->product_id ? -1 : x->product_id > y->product_id;
}

static GArray *
read_stock (RgStore  *store,
            gint64    as_of,
            gint64    product_id,
            GError  **error)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(RgStmt) stmt =
    rg_store_prepare (store,
                      "SELECT p.id, p.name, p.kind, p.unit, p.supplier, p.min_level, p.cost, "
                      " coalesce ((SELECT sum (m.quantity) FROM stock_moves m WHERE m.product_id = p.id "
                      "  AND m.occurred_at <= ?1), 0), "
                      AS_OF_RECEIVED ("cost") ", " AS_OF_RECEIVED ("quantity") " "
                      "FROM products p WHERE (?2 = 0 AND p.archived = 0) OR p.id = ?2",
                      error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, as_of > 0 ? as_of : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 2, product_id);
  items = g_array_new (FALSE, TRUE, sizeof (RgStockItem));
  g_array_set_clear_func (items, (GDestroyNotify) rg_stock_item_clear);
  for (;;)
    {
      gboolean row = FALSE;
      RgStockItem item = { 0 };
      gint64 own_cost, received_cost, received;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      item.product_id = sqlite3_column_int64 (stmt, 0);
      item.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      item.kind = enum_from_nick (RG_TYPE_PRODUCT_KIND, (const char *) sqlite3_column_text (stmt, 2), RG_PRODUCT_RETAIL);
      item.unit = enum_from_nick (RG_TYPE_PRODUCT_UNIT, (const char *) sqlite3_column_text (stmt, 3), RG_UNIT_PIECES);
      item.supplier = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      item.min_level = sqlite3_column_int64 (stmt, 5);
      own_cost = sqlite3_column_int64 (stmt, 6);
      item.on_hand = sqlite3_column_int64 (stmt, 7);
      received_cost = sqlite3_column_int64 (stmt, 8);
      received = sqlite3_column_int64 (stmt, 9);
      item.to_order = rg_stock_to_order (item.on_hand, item.min_level);
      item.low = item.min_level > 0 && item.on_hand <= item.min_level;
      if (received > 0)
        {
          item.average_cost = divide_half_up (received_cost, received);
          item.value = item.on_hand > 0 ? divide_half_up ((__int128) item.on_hand * received_cost, received) : 0;
        }
      else
        {
          item.average_cost = own_cost;
          item.value = item.on_hand > 0 ? item.on_hand * own_cost : 0;
        }
      g_array_append_val (items, item);
    }
  g_array_sort (items, item_compare);
  return g_steal_pointer (&items);
}

GArray *
rg_stock_list (RgStore  *store,
               gint64    as_of,
               GError  **error)
{
  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  return read_stock (store, as_of, 0, error);
}

GArray *
rg_studio_list_stock (RgStudio  *studio,
                      gint64     as_of,
                      GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  return read_stock (rg_studio_get_store (studio), as_of, 0, error);
}

static int
low_compare (gconstpointer a,
             gconstpointer b)
{
  const RgStockItem *x = a, *y = b;
  /* on_hand / min_level, compared without division */
  __int128 left = (__int128) x->on_hand * y->min_level;
  __int128 right = (__int128) y->on_hand * x->min_level;

  if (left != right)
    return left < right ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

GArray *
rg_studio_list_low_stock (RgStudio  *studio,
                          GError   **error)
{
  g_autoptr(GArray) items = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  items = read_stock (rg_studio_get_store (studio), 0, 0, error);
  if (items == NULL)
    return NULL;
  for (guint i = items->len; i-- > 0;)
    if (!g_array_index (items, RgStockItem, i).low)
      g_array_remove_index (items, i);
  g_array_sort (items, low_compare);
  return g_steal_pointer (&items);
}

static gboolean
on_hand_at (RgStore  *store,
            gint64    product_id,
            gint64    at,
            gint64   *on_hand,
            GError  **error)
{
  g_autoptr(RgStmt) stmt =
    rg_store_prepare (store,
                      "SELECT coalesce (sum (quantity), 0) FROM stock_moves WHERE product_id = ?1 AND occurred_at <= ?2",
                      error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, at);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  *on_hand = row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gboolean
rg_studio_get_stock (RgStudio  *studio,
                     gint64     product_id,
                     gint64    *on_hand,
                     GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  return on_hand_at (rg_studio_get_store (studio), product_id, G_MAXINT64, on_hand, error);
}

/* An item's ledger ------------------------------------------------------------- */

GArray *
rg_studio_list_stock_moves (RgStudio  *studio,
                            gint64     product_id,
                            GError   **error)
{
  RgStore *store;
  g_autoptr(GArray) moves = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gint64 balance = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT m.id, m.occurred_at, m.quantity, m.reason, s.number, "
                           " coalesce (m.appointment_id, s.appointment_id), m.cost, m.expected, m.supplier, m.note "
                           "FROM stock_moves m LEFT JOIN sale_lines l ON l.id = m.sale_line_id "
                           "LEFT JOIN sales s ON s.id = l.sale_id "
                           "WHERE m.product_id = ?1 ORDER BY m.occurred_at, m.created_at, m.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  moves = g_array_new (FALSE, TRUE, sizeof (RgStockMove));
  g_array_set_clear_func (moves, (GDestroyNotify) rg_stock_move_clear);
  for (;;)
    {
      gboolean row = FALSE;
      RgStockMove move = { 0 };

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      move.id = sqlite3_column_int64 (stmt, 0);
      move.occurred_at = sqlite3_column_int64 (stmt, 1);
      move.quantity = sqlite3_column_int64 (stmt, 2);
      balance += move.quantity;
      move.balance = balance;
      move.reason = reason_from_nick ((const char *) sqlite3_column_text (stmt, 3));
      move.what = g_strdup (rg_stock_reason_describe (move.reason));
      move.sale_number = sqlite3_column_int64 (stmt, 4);
      move.appointment_id = sqlite3_column_int64 (stmt, 5);
      move.cost = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 6);
      move.expected = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 7);
      move.supplier = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      move.note = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      g_array_append_val (moves, move);
    }
  return g_steal_pointer (&moves);
}

/* Commands ----------------------------------------------------------------------- */

/* Reads the item (live) into @unit; refused in words when there is none. */
static gboolean
check_item (RgStore        *store,
            gint64          product_id,
            RgProductUnit  *unit,
            GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT unit, archived FROM products WHERE id = ?1", error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    return refuse (error, _("Choose a product or material from the list."));
  if (sqlite3_column_int (stmt, 1))
    return refuse (error, _("This product is archived: bring it back in the Studio window first."));
  if (unit != NULL)
    *unit = enum_from_nick (RG_TYPE_PRODUCT_UNIT, (const char *) sqlite3_column_text (stmt, 0), RG_UNIT_PIECES);
  return TRUE;
}

/* @at as the moment to write: now for 0; refused in the future. */
static gboolean
check_when (gint64   *at,
            GError  **error)
{
  gint64 now = rg_store_now ();

  if (*at == 0)
    *at = now;
  if (*at < 0)
    return refuse (error, _("Enter a valid date."));
  if (*at > now + 60)
    return refuse (error, _("The date cannot be in the future."));
  return TRUE;
}

static char *
clean_text (const char *text)
{
  char *clean;

  if (text == NULL)
    return NULL;
  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

static gboolean
insert_move (RgStore     *store,
             gint64       product_id,
             gint64       quantity,
             const char  *reason,
             gint64       cost,
             const char  *supplier,
             gint64       expected,
             const char  *note,
             gint64       at,
             GError     **error)
{
  g_autoptr(RgStmt) stmt =
    rg_store_prepare (store,
                      "INSERT INTO stock_moves (id, product_id, quantity, reason, cost, supplier, expected, note, "
                      " occurred_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int64 (stmt, 3, quantity);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  if (cost >= 0)
    sqlite3_bind_int64 (stmt, 5, cost);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, supplier, -1, SQLITE_TRANSIENT);
  if (expected != G_MININT64)
    sqlite3_bind_int64 (stmt, 7, expected);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_text (stmt, 8, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, at);
  sqlite3_bind_int64 (stmt, 10, rg_store_now ());
  return rg_store_step_done (store, stmt, error);
}

/**
 * rg_studio_receive_goods:
 * @quantity: in the item's unit, > 0
 * @cost: what the whole delivery cost, minor units, >= 0
 * @supplier: (nullable): whom it came from
 *
 * Writes a 'received' move. Refused, and nothing written: no such item, an
 * archived one, a quantity not above 0 or too large, a negative or too
 * large cost, a date in the future.
 */
gboolean
rg_studio_receive_goods (RgStudio    *studio,
                         gint64       product_id,
                         gint64       quantity,
                         gint64       cost,
                         const char  *supplier,
                         gint64       at,
                         const char  *note,
                         GError     **error)
{
  RgStore *store;
  g_autofree char *clean_supplier = clean_text (supplier);
  g_autofree char *clean_note = clean_text (note);

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STOCK, 0, 0, error))
    return FALSE;
  if (quantity <= 0)
    return refuse (error, _("Enter how many were received: more than 0."));
  if (quantity > RG_STOCK_MAX_QUANTITY)
    return refuse (error, _("The quantity received is too large."));
  if (cost < 0)
    return refuse (error, _("The cost of the goods cannot be negative."));
  if (cost > G_GINT64_CONSTANT (10000000000))
    return refuse (error, _("The cost of the goods is too large."));
  if (!check_when (&at, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!check_item (store, product_id, NULL, error) ||
      !insert_move (store, product_id, quantity, "received", cost, clean_supplier, G_MININT64, clean_note, at, error) ||
      !rg_store_commit (store, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/**
 * rg_studio_count_stock:
 * @counted: what was counted, >= 0
 * @reason: (nullable): why it differs, kept as the move's note
 * @difference: (out) (optional): counted − expected; 0: nothing written
 *
 * Stock-taking. Refused, and nothing written: no such item, an archived
 * one, a negative count, a date in the future.
 */
gboolean
rg_studio_count_stock (RgStudio    *studio,
                       gint64       product_id,
                       gint64       counted,
                       const char  *reason,
                       gint64       at,
                       gint64      *difference,
                       GError     **error)
{
  RgStore *store;
  g_autofree char *clean_reason = clean_text (reason);
  gint64 expected = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (difference != NULL)
    *difference = 0;
  if (!rg_studio_allowed (studio, RG_ACTION_STOCK, 0, 0, error))
    return FALSE;
  if (counted < 0)
    return refuse (error, _("The count cannot be negative."));
  if (counted > RG_STOCK_MAX_QUANTITY)
    return refuse (error, _("The count is too large."));
  if (!check_when (&at, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!check_item (store, product_id, NULL, error) ||
      !on_hand_at (store, product_id, at, &expected, error))
    goto fail;
  if (counted != expected &&
      !insert_move (store, product_id, counted - expected, "count", -1, NULL, expected, clean_reason, at, error))
    goto fail;
  if (!rg_store_commit (store, error))
    goto fail;
  if (difference != NULL)
    *difference = counted - expected;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

/**
 * rg_studio_write_off_stock:
 * @quantity: > 0, in the item's unit
 * @reason: why (spoilt, broken, expired, used for training): required
 *
 * Refused, and nothing written: no such item, an archived one, a quantity
 * not above 0 or more than is on hand at @at, no reason, a date in the
 * future.
 */
gboolean
rg_studio_write_off_stock (RgStudio    *studio,
                           gint64       product_id,
                           gint64       quantity,
                           const char  *reason,
                           gint64       at,
                           GError     **error)
{
  RgStore *store;
  g_autofree char *clean_reason = clean_text (reason);
  RgProductUnit unit = RG_UNIT_PIECES;
  gint64 on_hand = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STOCK, 0, 0, error))
    return FALSE;
  if (quantity <= 0)
    return refuse (error, _("Enter how much to write off: more than 0."));
  if (quantity > RG_STOCK_MAX_QUANTITY)
    return refuse (error, _("The quantity to write off is too large."));
  if (clean_reason == NULL)
    return refuse (error, _("Say why it is written off."));
  if (!check_when (&at, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!check_item (store, product_id, &unit, error) ||
      !on_hand_at (store, product_id, at, &on_hand, error))
    goto fail;
  if (quantity > on_hand)
    {
      g_autofree char *have = rg_stock_format_quantity (MAX (on_hand, 0), unit);

      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   /* Translators: %s is a quantity with its unit, "250 ml" */
                   _("Only %s in stock: a count puts the stock right first."), have);
      goto fail;
    }
  if (!insert_move (store, product_id, -quantity, "write_off", -1, NULL, G_MININT64, clean_reason, at, error) ||
      !rg_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

/* Materials per service ------------------------------------------------------ */

static int
material_compare (gconstpointer a,
                  gconstpointer b)
{
  const RgServiceMaterial *x = a, *y = b;

  return g_utf8_collate (x->name, y->name);
}

GArray *
rg_studio_list_service_materials (RgStudio  *studio,
                                  gint64     service_id,
                                  GError   **error)
{
  RgStore *store;
  g_autoptr(GArray) materials = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT m.product_id, p.name, p.unit, m.quantity, p.cost, " RECEIVED ("cost") ", " RECEIVED ("quantity") " "
                           "FROM service_materials m JOIN products p ON p.id = m.product_id WHERE m.service_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, service_id);
  materials = g_array_new (FALSE, TRUE, sizeof (RgServiceMaterial));
  g_array_set_clear_func (materials, (GDestroyNotify) rg_service_material_clear);
  for (;;)
    {
      gboolean row = FALSE;
      RgServiceMaterial material = { 0 };
      gint64 received_cost, received;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      material.product_id = sqlite3_column_int64 (stmt, 0);
      material.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      material.unit = enum_from_nick (RG_TYPE_PRODUCT_UNIT, (const char *) sqlite3_column_text (stmt, 2), RG_UNIT_PIECES);
      material.quantity = sqlite3_column_int64 (stmt, 3);
      received_cost = sqlite3_column_int64 (stmt, 5);
      received = sqlite3_column_int64 (stmt, 6);
      material.cost = received > 0 ? divide_half_up ((__int128) material.quantity * received_cost, received)
                                   : material.quantity * sqlite3_column_int64 (stmt, 4);
      g_array_append_val (materials, material);
    }
  g_array_sort (materials, material_compare);
  return g_steal_pointer (&materials);
}

/**
 * rg_studio_set_service_materials:
 *
 * Replaces the materials of @service_id in one transaction. Refused, and
 * nothing written: no such service, an item not in the studio or
 * archived, one named twice, a quantity not above 0 or too large.
 */
gboolean
rg_studio_set_service_materials (RgStudio                *studio,
                                 gint64                   service_id,
                                 const RgServiceMaterial *materials,
                                 guint                    n_materials,
                                 GError                 **error)
{
  RgStore *store;
  gint64 now = rg_store_now ();
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (materials != NULL || n_materials == 0, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;
  for (guint i = 0; i < n_materials; i++)
    {
      if (materials[i].quantity <= 0)
        return refuse (error, _("Each material needs a quantity above 0."));
      if (materials[i].quantity > RG_STOCK_MAX_QUANTITY)
        return refuse (error, _("The quantity of a material is too large."));
      for (guint j = 0; j < i; j++)
        if (materials[j].product_id == materials[i].product_id)
          return refuse (error, _("A material is listed twice: give it one quantity."));
    }

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT 1 FROM services WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, service_id);
    if (!rg_store_step_row (store, stmt, &row, error))
      goto fail;
    if (!row)
      {
        refuse (error, _("Save the service first, then give it its materials."));
        goto fail;
      }
  }
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store, "DELETE FROM service_materials WHERE service_id = ?1", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, service_id);
    if (!rg_store_step_done (store, stmt, error))
      goto fail;
  }
  for (guint i = 0; i < n_materials; i++)
    {
      g_autoptr(RgStmt) stmt = NULL;

      if (!check_item (store, materials[i].product_id, NULL, error))
        goto fail;
      stmt = rg_store_prepare (store,
                               "INSERT INTO service_materials (id, service_id, product_id, quantity, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                               error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, service_id);
      sqlite3_bind_int64 (stmt, 3, materials[i].product_id);
      sqlite3_bind_int64 (stmt, 4, materials[i].quantity);
      sqlite3_bind_int64 (stmt, 5, now);
      if (!rg_store_step_done (store, stmt, error))
        goto fail;
    }
  if (!rg_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

/**
 * rg_studio_save_service_with_materials:
 * @service: (type RgService): the service record
 */
gboolean
rg_studio_save_service_with_materials (RgStudio                *studio,
                                       gpointer                 service,
                                       const RgServiceMaterial *materials,
                                       guint                    n_materials,
                                       GError                 **error)
{
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_SERVICE (service), FALSE);

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_studio_save (studio, service, error) ||
      !rg_studio_set_service_materials (studio, rg_record_get_id (RG_RECORD (service)), materials, n_materials,
                                        error) ||
      !rg_store_commit (store, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
rg_studio_get_material_cost (RgStudio  *studio,
                             gint64     product_id,
                             gint64     quantity,
                             gint64    *cost,
                             GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT p.cost, " RECEIVED ("cost") ", " RECEIVED ("quantity") " "
                           "FROM products p WHERE p.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    *cost = 0;
  else if (sqlite3_column_int64 (stmt, 2) > 0)
    *cost = divide_half_up ((__int128) quantity * sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2));
  else
    *cost = quantity * sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
rg_studio_get_service_materials_cost (RgStudio  *studio,
                                      gint64     service_id,
                                      gint64    *cost,
                                      GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  return rg_stock_service_materials_cost (rg_studio_get_store (studio), service_id, cost, error);
}
