/* rg-stock.h — products and materials in stock: goods received, counts,
 * write-offs, the materials each service uses. Stock is the sum of an
 * item's moves (stock_moves), never a number kept.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/rg-store.h"
#include "rg-enums.h"
#include "rg-studio.h"

G_BEGIN_DECLS

/* No quantity in one move is more than a million of the item's units. */
#define RG_STOCK_MAX_QUANTITY G_GINT64_CONSTANT (1000000)

/* One item of the stock list, as of a moment. */
typedef struct {
  gint64         product_id;
  char          *name;
  RgProductKind  kind;
  RgProductUnit  unit;
  char          *supplier;       /* NULL: not said */
  gint64         on_hand;        /* the sum of its moves, in its unit */
  gint64         min_level;      /* 0: none */
  gint64         to_order;       /* see rg_stock_to_order() */
  gint64         average_cost;   /* minor units per unit, rounded half up */
  gint64         value;          /* on hand at the average cost (0 when none on hand) */
  gboolean       low;            /* on hand <= min level, min level > 0 */
} RgStockItem;

void rg_stock_item_clear (RgStockItem *item);

/* Why an item's stock moved (stock_moves.reason). */
typedef enum {
  RG_STOCK_SALE,
  RG_STOCK_REFUND,
  RG_STOCK_RECEIVED,
  RG_STOCK_COUNT,
  RG_STOCK_WRITE_OFF,
  RG_STOCK_MATERIALS,
  RG_STOCK_MATERIALS_BACK,
} RgStockReason;

/* One row of an item's ledger. */
typedef struct {
  gint64         id;
  gint64         occurred_at;
  gint64         quantity;       /* + in, - out */
  gint64         balance;        /* on hand after it */
  RgStockReason  reason;
  char          *what;           /* the reason in words, translated */
  gint64         sale_number;    /* 0: none */
  gint64         appointment_id; /* 0: none */
  gint64         cost;           /* goods received: their total cost; -1: none */
  gint64         expected;       /* a count: what was expected; -1: not a count */
  char          *supplier;
  char          *note;
} RgStockMove;

void rg_stock_move_clear (RgStockMove *move);

/* One material a service uses, in the material's unit. */
typedef struct {
  gint64         product_id;
  char          *name;           /* filled by the reads; ignored by the write */
  RgProductUnit  unit;
  gint64         quantity;
  gint64         cost;           /* @quantity at the average purchase cost */
} RgServiceMaterial;

void rg_service_material_clear (RgServiceMaterial *material);

/* What to order: 2 × min level − on hand when on hand <= min level; else 0. */
gint64       rg_stock_to_order              (gint64          on_hand,
                                             gint64          min_level);
const char  *rg_product_unit_label          (RgProductUnit   unit);
char        *rg_stock_format_quantity       (gint64          quantity,
                                             RgProductUnit   unit) G_GNUC_WARN_UNUSED_RESULT;
const char  *rg_stock_reason_describe       (RgStockReason   reason);

/* Reads -------------------------------------------------------------------- */

/* Every live (not archived) product and material, by kind then name, as
 * of @as_of (Unix seconds, inclusive; 0: now): a GArray of RgStockItem. */
GArray      *rg_stock_list                  (RgStore        *store,
                                             gint64          as_of,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
GArray      *rg_studio_list_stock           (RgStudio       *studio,
                                             gint64          as_of,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* The items at or below their minimum level (above 0), the lowest
 * against its minimum first. */
GArray      *rg_studio_list_low_stock       (RgStudio       *studio,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* One item's ledger, oldest first, with the running balance: a GArray of
 * RgStockMove. */
GArray      *rg_studio_list_stock_moves     (RgStudio       *studio,
                                             gint64          product_id,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* On hand of one item now. */
gboolean     rg_studio_get_stock            (RgStudio       *studio,
                                             gint64          product_id,
                                             gint64         *on_hand,
                                             GError        **error);

/* Commands: each checks, then writes in one transaction --------------------
 *
 * @at: when it happened, Unix seconds; 0: now. In the past is fine, in the
 * future is refused. */

gboolean     rg_studio_receive_goods        (RgStudio       *studio,
                                             gint64          product_id,
                                             gint64          quantity,
                                             gint64          cost,
                                             const char     *supplier,
                                             gint64          at,
                                             const char     *note,
                                             GError        **error);
/* Writes a 'count' move of @counted − expected (what the moves add up to
 * at @at), keeping what was expected; nothing when they agree, and
 * @difference (may be NULL) says so with 0. */
gboolean     rg_studio_count_stock          (RgStudio       *studio,
                                             gint64          product_id,
                                             gint64          counted,
                                             const char     *reason,
                                             gint64          at,
                                             gint64         *difference,
                                             GError        **error);
gboolean     rg_studio_write_off_stock      (RgStudio       *studio,
                                             gint64          product_id,
                                             gint64          quantity,
                                             const char     *reason,
                                             gint64          at,
                                             GError        **error);

/* A service's materials, by name: a GArray of RgServiceMaterial. */
GArray      *rg_studio_list_service_materials (RgStudio     *studio,
                                               gint64        service_id,
                                               GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* Replaces @service_id's materials with @materials (product and quantity
 * of each; the names are not read). */
gboolean     rg_studio_set_service_materials (RgStudio      *studio,
                                              gint64         service_id,
                                              const RgServiceMaterial *materials,
                                              guint          n_materials,
                                              GError       **error);
/* Saves @service (a new one or edited) and replaces its materials, in one
 * transaction: a refusal of either writes neither. */
gboolean     rg_studio_save_service_with_materials (RgStudio *studio,
                                                    gpointer  service,
                                                    const RgServiceMaterial *materials,
                                                    guint     n_materials,
                                                    GError  **error);
/* What @quantity of @product_id costs at its average purchase cost. */
gboolean     rg_studio_get_material_cost    (RgStudio       *studio,
                                             gint64          product_id,
                                             gint64          quantity,
                                             gint64         *cost,
                                             GError        **error);
gboolean     rg_studio_get_service_materials_cost (RgStudio *studio,
                                                   gint64    service_id,
                                                   gint64   *cost,
                                                   GError  **error);

/* Inside the caller's transaction ------------------------------------------ */

/* Writes off the materials of sale @sale_id's service lines (each
 * service's materials times the line's quantity), once per line. */
gboolean rg_stock_use_materials        (RgStore  *store,
                                        gint64    sale_id,
                                        gint64    now,
                                        GError  **error);
/* Puts back what refund @refund_id's service lines had written off. */
gboolean rg_stock_return_materials     (RgStore  *store,
                                        gint64    refund_id,
                                        gint64    now,
                                        GError  **error);
/* What one service's materials cost the studio: each material's
 * quantity at its average purchase cost (its receipts' cost over their
 * quantity; the item's own cost where nothing was received), rounded
 * half up, in minor units. */
gboolean rg_stock_service_materials_cost (RgStore  *store,
                                          gint64    service_id,
                                          gint64   *cost,
                                          GError  **error);

G_END_DECLS
