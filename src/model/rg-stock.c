/* rg-stock.c — stock: the materials a sale's services use, written off
 * and put back with the sale, and what they cost.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include "rg-stock.h"

#define RANDOM_ID "(1 + (random () & 9223372036854775806))"

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
                      "SELECT m.quantity, p.cost, "
                      " coalesce ((SELECT sum (cost) FROM stock_moves r WHERE r.product_id = p.id AND r.reason = 'received' "
                      "  AND r.cost IS NOT NULL AND r.quantity > 0), 0), "
                      " coalesce ((SELECT sum (quantity) FROM stock_moves r WHERE r.product_id = p.id AND r.reason = 'received' "
                      "  AND r.cost IS NOT NULL AND r.quantity > 0), 0) "
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
        sum += (gint64) (((__int128) quantity * received_cost * 2 + received) / (2 * (__int128) received));
      else
        sum += quantity * unit_cost;
    }
  if (!ok)
    return FALSE;
  *cost = sum;
  return TRUE;
}
