/* rg-generator-stock.c — the studio's stock through the simulated history:
 * materials its services use (dye, oxidant, gel, sugaring paste, wax...),
 * how much of each one visit of a service takes, and the moves: the
 * materials of every sale's service lines written off at the sale (and
 * put back by a refund of the line), deliveries from suppliers with what
 * they cost, a count now and then that finds a small difference, a
 * write-off of something spilt or expired.
 *
 * It runs after the till has written its sales (gen_money_write()), on a
 * random stream of its own, and reads the sales' service lines back from
 * the store in time order (keys are the generator's own: the same seed
 * gives the same stock). Each material is delivered when a visit would
 * take it below its minimum level, enough for twice the minimum, so it
 * never goes below zero; two of them run low in the last weeks (bought
 * a little at a time), so that Today has something to order. The shelf's products get
 * a minimum level, their suppliers and what their deliveries cost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-demo"

#include "config.h"

#include "rg-generator-private.h"
#include "store/rg-store-insert.h"

#define STOCK_SEED G_GUINT64_CONSTANT (0x73746f636b)   /* "stock" */
#define COUNT_DAYS 120                                  /* a count of each material about this often */
#define LOW_DAYS   45                                   /* the last weeks, when two materials run low */

typedef struct {
  const char *name_ru;
  const char *name_en;
  const char *unit;           /* "ml", "g", "pcs" */
  int         pack;           /* one delivery's unit of order, in the unit */
  int         cost_ru;        /* roubles a pack, today */
  int         cost_en;        /* pence a pack, today */
  int         min_level;
  int         supplier;       /* index into the suppliers */
  gboolean    runs_low;       /* left to run low at the end */
} MaterialDef;

enum { DYE, OXIDANT, GEL, SUGAR, BROW_TINT, LASH_GLUE, OIL, KERATIN, TOWELS, MASK, N_MATERIALS };

static const MaterialDef material_defs[N_MATERIALS] = {
  [DYE]       = { "Краска для волос",        "Hair dye",               "ml",  1000, 3200, 4800, 500, 0, TRUE },
  [OXIDANT]   = { "Оксидант 6 %",            "Developer 6 %",          "ml",  1000, 900,  1400, 800, 0, FALSE },
  [GEL]       = { "Гель-лак, база и топ",    "Gel polish, base and top", "ml", 100, 2600, 3600, 40,  1, FALSE },
  [SUGAR]     = { "Сахарная паста",          "Sugaring paste",         "g",   1000, 1600, 2600, 600, 2, TRUE },
  [BROW_TINT] = { "Краска для бровей",       "Brow tint",              "ml",  50,   650,  950,  15,  1, FALSE },
  [LASH_GLUE] = { "Клей для ресниц",         "Lash adhesive",          "ml",  10,   1300, 1900, 4,   1, FALSE },
  [OIL]       = { "Массажное масло",         "Massage oil",            "ml",  1000, 1300, 2100, 400, 2, FALSE },
  [KERATIN]   = { "Кератиновый состав",      "Keratin formula",        "ml",  1000, 6400, 9500, 300, 0, FALSE },
  [TOWELS]    = { "Одноразовые полотенца",   "Disposable towels",      "pcs", 100,  750,  1100, 60,  2, FALSE },
  [MASK]      = { "Альгинатная маска",       "Alginate mask",          "g",   500,  1500, 2100, 150, 2, FALSE },
};

static const char * const suppliers_ru[] = { "ООО «Профкосметика»", "Нейл-Маркет", "Спа-Снаб" };
static const char * const suppliers_en[] = { "Salon Supplies Ltd", "NailPro Wholesale", "Spa Direct" };

static const char * const write_off_ru[] = { "Истёк срок годности", "Пролито", "Повреждена упаковка",
                                             "На обучение" };
static const char * const write_off_en[] = { "Past its use-by date", "Spilt", "Damaged packaging",
                                             "Used for training" };
static const char * const count_ru[] = { "Инвентаризация", "Пересчёт в конце месяца" };
static const char * const count_en[] = { "Stock-taking", "End-of-month count" };

/* What one visit of a default service (gen_service_defs' order) uses. */
typedef struct {
  int service;
  int material;
  int quantity;
} Use;

static const Use uses[] = {
  { 0, TOWELS, 1 },                          /* women's haircut */
  { 1, TOWELS, 1 },                          /* men's haircut */
  { 2, DYE, 60 }, { 2, OXIDANT, 90 }, { 2, TOWELS, 1 },
  { 3, DYE, 90 }, { 3, OXIDANT, 120 }, { 3, TOWELS, 2 },
  { 6, KERATIN, 100 }, { 6, TOWELS, 1 },
  { 7, GEL, 2 },                             /* gel manicure */
  { 9, GEL, 2 },                             /* gel pedicure */
  { 12, BROW_TINT, 2 },
  { 13, LASH_GLUE, 1 },
  { 16, MASK, 30 }, { 16, TOWELS, 1 },
  { 18, MASK, 30 },
  { 19, SUGAR, 60 },
  { 20, OIL, 30 }, { 20, TOWELS, 1 },
  { 21, OIL, 15 },
  { 22, OIL, 30 },
};

typedef struct {
  gint64 at;
  gint64 line_id;             /* the sale line (or the refund's line) */
  gint64 appointment_id;      /* 0: none */
  gint32 quantity;            /* − used, + put back */
  guint8 material;
  guint8 back;                /* put back by a refund */
} Use_;

typedef struct {
  gint64      at;
  gint64      quantity;
  gint64      cost;           /* −1: none */
  gint64      expected;       /* a count; −1: none */
  gint64      line_id;        /* 0: none */
  gint64      appointment_id;
  const char *reason;
  const char *supplier;
  const char *note;
  guint32     order;          /* made in this order: ties of time keep it */
  guint8      material;
} Move;

static int
move_compare (gconstpointer a,
              gconstpointer b)
{
  const Move *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static int
id_compare (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
use_compare (gconstpointer a,
             gconstpointer b)
{
  const Use_ *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  if (x->line_id != y->line_id)
    return x->line_id < y->line_id ? -1 : 1;
  return (int) x->material - (int) y->material;
}

/* Service key → the default service it is a copy of. */
static GHashTable *
service_defs (Gen *g)
{
  GHashTable *by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint s = 0; s < g->n_services; s++)
    g_hash_table_insert (by_id, &g->services[s].id, GUINT_TO_POINTER (s % DEFAULT_SERVICES + 1));
  return by_id;
}

/* Every sale's service lines (and refunds' lines of them) that use a
 * material: one Use_ per material. */
static gboolean
read_uses (Gen      *g,
           RgStore  *store,
           GArray   *out,
           GError  **error)
{
  g_autoptr(GHashTable) defs = service_defs (g);
  g_autoptr(RgStmt) stmt =
    rg_store_prepare (store,
                      "SELECT s.created_at, l.id, coalesce (s.appointment_id, 0), l.service_id, l.quantity, "
                      " l.refund_of_line IS NOT NULL, coalesce (o.service_id, 0), coalesce (os.appointment_id, 0) "
                      "FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                      "LEFT JOIN sale_lines o ON o.id = l.refund_of_line LEFT JOIN sales os ON os.id = o.sale_id "
                      "WHERE l.kind = 'service' AND (l.service_id IS NOT NULL OR o.service_id IS NOT NULL)",
                      error);

  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      gboolean row = FALSE;
      gint64 service_id;
      gboolean back;
      gint64 quantity;
      guint def;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      back = sqlite3_column_int (stmt, 5);
      service_id = back && sqlite3_column_int64 (stmt, 6) ? sqlite3_column_int64 (stmt, 6)
                                                          : sqlite3_column_int64 (stmt, 3);
      def = GPOINTER_TO_UINT (g_hash_table_lookup (defs, &service_id));
      quantity = ABS (sqlite3_column_int64 (stmt, 4));
      if (def == 0)
        continue;
      for (guint u = 0; u < G_N_ELEMENTS (uses); u++)
        if (uses[u].service == (int) def - 1)
          {
            Use_ use = {
              .at = sqlite3_column_int64 (stmt, 0),
              .line_id = sqlite3_column_int64 (stmt, 1),
              .appointment_id = back ? sqlite3_column_int64 (stmt, 7) : sqlite3_column_int64 (stmt, 2),
              .quantity = (gint32) ((back ? 1 : -1) * uses[u].quantity * quantity),
              .material = (guint8) uses[u].material,
              .back = (guint8) back,
            };

            g_array_append_val (out, use);
          }
    }
  g_array_sort (out, use_compare);
  return TRUE;
}

/* A pack's cost at @at: today's, less about 6 % a year before, give or
 * take a few per cent from one delivery to the next. */
static gint64
pack_cost (Gen       *g,
           Rng       *rng,
           guint      material,
           gint64     at)
{
  const MaterialDef *def = &material_defs[material];
  double years = (double) (g->now - at) / SECONDS_PER_YEAR;
  double factor = MAX (1.0 - 0.06 * years, 0.5) * (0.96 + 0.08 * rng_double (rng));
  gint64 today = g->lang->russian ? (gint64) def->cost_ru * 100 : def->cost_en;

  return (gint64) (today * factor + 0.5);
}

static void
add_move (GArray     *moves,
          guint       material,
          gint64      at,
          gint64      quantity,
          const char *reason)
{
  Move move = { .at = at, .quantity = quantity, .cost = -1, .expected = -1, .reason = reason,
                .order = moves->len, .material = (guint8) material };

  g_array_append_val (moves, move);
}

/* Deliveries, counts and write-offs around the uses, material by material. */
static void
simulate (Gen    *g,
          Rng    *rng,
          GArray *uses_,
          GArray *moves)
{
  gint64 stock[N_MATERIALS] = { 0 };
  gint64 next_count[N_MATERIALS];
  gint64 last[N_MATERIALS];        /* a material's latest move: none goes before it, so a count's
                                    * expected is what its ledger adds up to */
  gint64 low_from = g->now - (gint64) LOW_DAYS * SECONDS_PER_DAY;
  const char * const *suppliers = g->lang->russian ? suppliers_ru : suppliers_en;
  const char * const *write_offs = g->lang->russian ? write_off_ru : write_off_en;
  const char * const *counts = g->lang->russian ? count_ru : count_en;

  /* The first delivery when the studio opened. */
  for (guint m = 0; m < N_MATERIALS; m++)
    {
      const MaterialDef *def = &material_defs[m];
      gint64 packs = (2 * def->min_level + def->pack - 1) / def->pack + 1;
      Move *move;

      add_move (moves, m, g->staff_created_at, packs * def->pack, "received");
      move = &g_array_index (moves, Move, moves->len - 1);
      move->cost = packs * pack_cost (g, rng, m, g->staff_created_at);
      move->supplier = suppliers[def->supplier];
      move->note = g->lang->delivery;
      stock[m] = packs * def->pack;
      last[m] = g->staff_created_at;
      next_count[m] = g->staff_created_at + (gint64) rng_range (rng, COUNT_DAYS / 2, COUNT_DAYS) * SECONDS_PER_DAY;
    }

  for (guint i = 0; i < uses_->len; i++)
    {
      const Use_ *use = &g_array_index (uses_, Use_, i);
      guint m = use->material;
      const MaterialDef *def = &material_defs[m];
      gint64 need = -use->quantity;
      Move *move;


      /* A delivery that morning when the visit would take it below its
       * minimum; at the end two materials wait until it would run out. */
      if (need > 0 && (def->runs_low && use->at >= low_from ? stock[m] < need
                                                             : stock[m] - need < def->min_level))
        {
          gint64 wanted = 2 * def->min_level + need - stock[m];
          gint64 packs = MAX ((wanted + def->pack - 1) / def->pack, 1);
          gint64 at = MAX (use->at - 3 * 3600, last[m]);
          /* Running low: a small bottle from the shop next door. */
          gint64 quantity = def->runs_low && use->at >= low_from ? need - stock[m] + def->pack / 10
                                                                 : packs * def->pack;

          add_move (moves, m, at, quantity, "received");
          move = &g_array_index (moves, Move, moves->len - 1);
          move->cost = (quantity * pack_cost (g, rng, m, at) + def->pack / 2) / def->pack;
          move->supplier = suppliers[def->supplier];
          move->note = g->lang->delivery;
          stock[m] += quantity;
          last[m] = at;
        }

      /* Now and then a count before the visit, which finds a little less
       * (or more) than the moves expect. */
      if (use->at >= next_count[m] && stock[m] > 0)
        {
          gint64 slack = MAX (def->pack / 50, 1);
          gint64 counted = MAX (stock[m] - rng_range (rng, -1, (int) slack), 0);

          next_count[m] = use->at + (gint64) rng_range (rng, COUNT_DAYS * 3 / 4, COUNT_DAYS * 5 / 4) * SECONDS_PER_DAY;
          if (counted != stock[m])
            {
              add_move (moves, m, use->at, counted - stock[m], "count");
              move = &g_array_index (moves, Move, moves->len - 1);
              move->expected = stock[m];
              move->note = counts[rng_below (rng, 2)];
              stock[m] = counted;
            }
        }

      add_move (moves, m, use->at, use->quantity, use->back ? "materials_back" : "materials");
      move = &g_array_index (moves, Move, moves->len - 1);
      move->line_id = use->line_id;
      move->appointment_id = use->appointment_id;
      stock[m] += use->quantity;
      last[m] = use->at;

      /* Now and then something spilt or past its date. */
      if (need > 0 && rng_chance (rng, 0.004) && stock[m] > def->min_level)
        {
          gint64 lost = MIN (MAX (def->pack / 20, 1) * rng_range (rng, 1, 3), stock[m]);

          add_move (moves, m, use->at, -lost, "write_off");
          move = &g_array_index (moves, Move, moves->len - 1);
          move->note = write_offs[rng_below (rng, G_N_ELEMENTS (write_off_ru))];
          stock[m] -= lost;
        }
    }
}

gboolean
gen_stock_write (Gen      *g,
                 RgStore  *store,
                 GError  **error)
{
  Rng rng;
  gint64 material_ids[N_MATERIALS];
  g_autoptr(GArray) uses_ = g_array_new (FALSE, FALSE, sizeof (Use_));
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (Move));
  g_autoptr(RgStoreInsert) products = NULL;
  g_autoptr(RgStoreInsert) materials = NULL;
  g_autoptr(RgStoreInsert) ins = NULL;
  const char * const *suppliers = g->lang->russian ? suppliers_ru : suppliers_en;
  g_autofree gint64 *ids = NULL;

  rng_seed (&rng, g->options->seed ^ STOCK_SEED);

  /* The materials, after the shelf's products. */
  if ((products = rg_store_insert_new (store, "products", N_MATERIALS, error)) == NULL)
    return FALSE;
  for (guint m = 0; m < N_MATERIALS; m++)
    {
      const MaterialDef *def = &material_defs[m];
      gint64 per_unit = ((g->lang->russian ? (gint64) def->cost_ru * 100 : def->cost_en) + def->pack / 2) / def->pack;

      material_ids[m] = gen_new_id (g);
      rg_store_insert_int (products, "id", material_ids[m]);
      rg_store_insert_text_static (products, "name", g->lang->russian ? def->name_ru : def->name_en);
      rg_store_insert_int (products, "price", 0);
      rg_store_insert_int (products, "cost", MAX (per_unit, 1));
      rg_store_insert_int (products, "commission", 0);
      rg_store_insert_int (products, "position", 100 + m);
      rg_store_insert_text_static (products, "kind", "material");
      rg_store_insert_text_static (products, "unit", def->unit);
      rg_store_insert_int (products, "min_level", def->min_level);
      rg_store_insert_text_static (products, "supplier", suppliers[def->supplier]);
      rg_store_insert_int (products, "created_at", g->staff_created_at);
      rg_store_insert_int (products, "updated_at", g->staff_created_at);
      if (!rg_store_insert_row (products, error))
        return FALSE;
    }
  if (!rg_store_insert_finish (products, error))
    return FALSE;

  /* What each service uses (every copy of a default service). */
  if ((materials = rg_store_insert_new (store, "service_materials", 0, error)) == NULL)
    return FALSE;
  for (guint s = 0; s < g->n_services; s++)
    for (guint u = 0; u < G_N_ELEMENTS (uses); u++)
      if (uses[u].service == (int) (s % DEFAULT_SERVICES))
        {
          rg_store_insert_int (materials, "id", gen_new_id (g));
          rg_store_insert_int (materials, "service_id", g->services[s].id);
          rg_store_insert_int (materials, "product_id", material_ids[uses[u].material]);
          rg_store_insert_int (materials, "quantity", uses[u].quantity);
          rg_store_insert_int (materials, "created_at", g->staff_created_at);
          rg_store_insert_int (materials, "updated_at", g->staff_created_at);
          if (!rg_store_insert_row (materials, error))
            return FALSE;
        }
  if (!rg_store_insert_finish (materials, error))
    return FALSE;

  if (!read_uses (g, store, uses_, error))
    return FALSE;
  simulate (g, &rng, uses_, moves);

  /* In time order with the keys ascending, so the table and its indexes
   * are written from the front to the back (as the till's are). */
  g_array_sort (moves, move_compare);
  ids = g_new (gint64, MAX (moves->len, 1));
  for (guint i = 0; i < moves->len; i++)
    ids[i] = gen_new_id (g);
  qsort (ids, moves->len, sizeof (gint64), id_compare);

  if ((ins = rg_store_insert_new (store, "stock_moves", moves->len, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < moves->len; i++)
    {
      const Move *move = &g_array_index (moves, Move, i);

      rg_store_insert_int (ins, "id", ids[i]);
      rg_store_insert_int (ins, "product_id", material_ids[move->material]);
      rg_store_insert_int (ins, "quantity", move->quantity);
      rg_store_insert_text_static (ins, "reason", move->reason);
      if (move->line_id)
        rg_store_insert_int (ins, "sale_line_id", move->line_id);
      else
        rg_store_insert_null (ins, "sale_line_id");
      if (move->appointment_id)
        rg_store_insert_int (ins, "appointment_id", move->appointment_id);
      else
        rg_store_insert_null (ins, "appointment_id");
      if (move->cost >= 0)
        rg_store_insert_int (ins, "cost", move->cost);
      else
        rg_store_insert_null (ins, "cost");
      if (move->expected >= 0)
        rg_store_insert_int (ins, "expected", move->expected);
      else
        rg_store_insert_null (ins, "expected");
      rg_store_insert_text_static (ins, "supplier", move->supplier);
      rg_store_insert_text_static (ins, "note", move->note);
      rg_store_insert_int (ins, "occurred_at", move->at);
      rg_store_insert_int (ins, "created_at", move->at);
      rg_store_insert_int (ins, "updated_at", move->at);
      if (!rg_store_insert_row (ins, error))
        return FALSE;
    }
  if (!rg_store_insert_finish (ins, error))
    return FALSE;

  /* The shelf: a minimum of four of each, and its deliveries at what one
   * costs today, from the first supplier. */
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "UPDATE products SET min_level = 4, supplier = ?1 WHERE kind = 'product'",
                                               error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, suppliers[0], -1, SQLITE_STATIC);
    if (!rg_store_step_done (store, stmt, error))
      return FALSE;
  }
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "UPDATE stock_moves SET supplier = ?1, "
                                               " cost = quantity * (SELECT p.cost FROM products p WHERE p.id = product_id) "
                                               "WHERE reason = 'received' AND cost IS NULL",
                                               error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, suppliers[0], -1, SQLITE_STATIC);
    return rg_store_step_done (store, stmt, error);
  }
}
