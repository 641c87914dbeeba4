/* rg-money-settings.c — the card's tiers, the masters' own rates for
 * services, the promotions' items: the commands that write them and the
 * reads the Studio window needs.
 *
 * The card's tiers are replaced as a whole list: the thresholds distinct and
 * not negative, the percentages 0..100 %, the names not empty; a refused
 * list writes nothing. A master's rate for a service overrides their own
 * rate for that service only. A promotion and the services and products it
 * covers are written together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-permissions.h"
#include "rg-money-settings.h"
#include "rg-pricing.h"
#include "rg-studio-settings.h"

#define MAX_THRESHOLD G_GINT64_CONSTANT (100000000000000)   /* a trillion units */

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* The card's tiers ---------------------------------------------------------------- */

void
rg_card_tier_clear (RgCardTier *tier)
{
  g_clear_pointer (&tier->name, g_free);
}

/* The card's tiers from the lowest threshold up: a GArray of RgCardTier
 * that frees their names; NULL on a read error. */
GArray *
rg_studio_list_card_tiers (RgStudio  *studio,
                           GError   **error)
{
  RgStore *store;
  g_autoptr(GArray) tiers = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store, "SELECT name, threshold, percent FROM card_tiers ORDER BY threshold, id", error);
  if (stmt == NULL)
    return NULL;
  tiers = g_array_new (FALSE, TRUE, sizeof (RgCardTier));
  g_array_set_clear_func (tiers, (GDestroyNotify) rg_card_tier_clear);
  for (;;)
    {
      gboolean row = FALSE;
      RgCardTier tier;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      tier.name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      tier.threshold = sqlite3_column_int64 (stmt, 1);
      tier.percent = sqlite3_column_int (stmt, 2);
      g_array_append_val (tiers, tier);
    }
  return g_steal_pointer (&tiers);
}

static gboolean
check_tiers (const RgCardTier  *tiers,
             guint              n_tiers,
             GError           **error)
{
  for (guint i = 0; i < n_tiers; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (tiers[i].name ? tiers[i].name : ""));

      if (*name == '\0')
        return refuse (error, _("Enter the name of each tier of the card."));
      if (tiers[i].threshold < 0)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       /* Translators: the tier's name */
                       _("The spend threshold of “%s” cannot be negative."), name);
          return FALSE;
        }
      if (tiers[i].threshold > MAX_THRESHOLD)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       /* Translators: the tier's name */
                       _("The spend threshold of “%s” is too large."), name);
          return FALSE;
        }
      if (tiers[i].percent < 0 || tiers[i].percent > 10000)
        {
          g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                       /* Translators: the tier's name */
                       _("The discount of “%s” must be from 0 to 100 %%."), name);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (tiers[j].threshold == tiers[i].threshold)
          {
            g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                         /* Translators: two tiers' names */
                         _("“%s” and “%s” have the same spend threshold: each tier needs its own."),
                         tiers[j].name, name);
            return FALSE;
          }
    }
  return TRUE;
}

/**
 * rg_studio_set_card_tiers:
 * @tiers: (array length=n_tiers): the whole list, in any order
 *
 * Replaces the card's tiers with @tiers in one transaction. Refused, and
 * nothing written: an empty name, a negative threshold, two tiers with one
 * threshold, a percentage outside 0..100 %. An empty list turns the card's
 * discount off.
 */
gboolean
rg_studio_set_card_tiers (RgStudio          *studio,
                          const RgCardTier  *tiers,
                          guint              n_tiers,
                          GError           **error)
{
  RgStore *store;
  gint64 now = rg_store_now ();

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (tiers != NULL || n_tiers == 0, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;

  if (!check_tiers (tiers, n_tiers, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_store_exec (store, "DELETE FROM card_tiers", error))
    goto fail;
  for (guint i = 0; i < n_tiers; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (tiers[i].name));
      g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                                 "INSERT INTO card_tiers (id, name, threshold, percent, created_at, updated_at) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                                                 error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, tiers[i].threshold);
      sqlite3_bind_int (stmt, 4, tiers[i].percent);
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

/* The masters' own rates ------------------------------------------------------ */

/* @staff_id's own rates for services: a GArray of RgServiceRate, by the
 * services' order; NULL on a read error. */
GArray *
rg_studio_list_staff_rates (RgStudio  *studio,
                            gint64     staff_id,
                            GError   **error)
{
  RgStore *store;
  g_autoptr(GArray) rates = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT r.service_id, r.pay_rate FROM staff_service_rates r "
                           "JOIN services s ON s.id = r.service_id WHERE r.staff_id = ?1 "
                           "ORDER BY s.category, s.position, s.name, s.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  rates = g_array_new (FALSE, TRUE, sizeof (RgServiceRate));
  for (;;)
    {
      gboolean row = FALSE;
      RgServiceRate rate;

      if (!rg_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      rate.service_id = sqlite3_column_int64 (stmt, 0);
      rate.pay_rate = sqlite3_column_int (stmt, 1);
      g_array_append_val (rates, rate);
    }
  return g_steal_pointer (&rates);
}

static gboolean
row_exists (RgStore     *store,
            const char  *sql,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rg_store_step_row (store, stmt, exists, error);
}

static gboolean
check_rate (RgStore  *store,
            gint64    staff_id,
            gint64    service_id,
            int       pay_rate,
            GError  **error)
{
  gboolean exists = FALSE;

  if (pay_rate < 0 || pay_rate > 10000)
    return refuse (error, _("The pay rate is a percentage from 0 to 100."));
  if (!row_exists (store, "SELECT 1 FROM staff WHERE id = ?1", staff_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                           _("This staff member is no longer in the studio."));
      return FALSE;
    }
  if (!row_exists (store, "SELECT 1 FROM services WHERE id = ?1", service_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                           _("This service is no longer in the studio."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_rate (RgStore  *store,
            gint64    staff_id,
            gint64    service_id,
            int       pay_rate,
            GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "INSERT INTO staff_service_rates "
                                             "(id, staff_id, service_id, pay_rate, created_at, updated_at) "
                                             "VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                                             "ON CONFLICT (staff_id, service_id) DO UPDATE "
                                             "SET pay_rate = excluded.pay_rate, updated_at = excluded.updated_at "
                                             "WHERE pay_rate <> excluded.pay_rate",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_int64 (stmt, 3, service_id);
  sqlite3_bind_int (stmt, 4, pay_rate);
  sqlite3_bind_int64 (stmt, 5, rg_store_now ());
  return rg_store_step_done (store, stmt, error);
}

/* Sets @staff_id's rate for @service_id to @pay_rate (basis points,
 * 0..10000), in place of their own rate for that service. */
gboolean
rg_studio_set_staff_rate (RgStudio  *studio,
                          gint64     staff_id,
                          gint64     service_id,
                          int        pay_rate,
                          GError   **error)
{
  RgStore *store;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!check_rate (store, staff_id, service_id, pay_rate, error) ||
      !write_rate (store, staff_id, service_id, pay_rate, error) ||
      !rg_store_commit (store, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* @staff_id earns their own rate for @service_id again. */
gboolean
rg_studio_clear_staff_rate (RgStudio  *studio,
                            gint64     staff_id,
                            gint64     service_id,
                            GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  stmt = rg_store_prepare (store, "DELETE FROM staff_service_rates WHERE staff_id = ?1 AND service_id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_int64 (stmt, 2, service_id);
  if (!rg_store_step_done (store, stmt, error) || !rg_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

/**
 * rg_studio_set_staff_rates:
 * @rates: (array length=n_rates): every service with a rate of its own
 *
 * Replaces @staff_id's own rates for services with @rates in one
 * transaction (inside the caller's, if it has one: the staff editor saves
 * them with the person). Refused, and nothing written: a rate outside
 * 0..100 %, a service named twice or not in the studio.
 */
gboolean
rg_studio_set_staff_rates (RgStudio             *studio,
                           gint64                staff_id,
                           const RgServiceRate  *rates,
                           guint                 n_rates,
                           GError              **error)
{
  RgStore *store;
  g_autoptr(GString) keep = g_string_new ("[");
  g_autoptr(RgStmt) remove = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (rates != NULL || n_rates == 0, FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;

  for (guint i = 0; i < n_rates; i++)
    for (guint j = 0; j < i; j++)
      if (rates[i].service_id == rates[j].service_id)
        return refuse (error, _("A service has two pay rates: keep one."));

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_rates; i++)
    {
      if (!check_rate (store, staff_id, rates[i].service_id, rates[i].pay_rate, error) ||
          !write_rate (store, staff_id, rates[i].service_id, rates[i].pay_rate, error))
        goto fail;
      g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, i ? "," : "", rates[i].service_id);
    }
  g_string_append_c (keep, ']');
  remove = rg_store_prepare (store,
                             "DELETE FROM staff_service_rates WHERE staff_id = ?1 "
                             "AND service_id NOT IN (SELECT value FROM json_each (?2))",
                             error);
  if (remove == NULL)
    goto fail;
  sqlite3_bind_int64 (remove, 1, staff_id);
  sqlite3_bind_text (remove, 2, keep->str, -1, SQLITE_TRANSIENT);
  if (!rg_store_step_done (store, remove, error) || !rg_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}

/* Promotions --------------------------------------------------------------------- */

static gboolean
check_items (RgStore       *store,
             const char    *table,
             const gint64  *ids,
             guint          n_ids,
             GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);

  for (guint i = 0; i < n_ids; i++)
    {
      gboolean exists = FALSE;

      if (!row_exists (store, sql, ids[i], &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND,
                               g_str_equal (table, "services")
                               ? _("A service the promotion covers is no longer in the studio.")
                               : _("A product the promotion covers is no longer in the studio."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_items (RgStore       *store,
             gint64         promotion_id,
             const char    *column,
             const gint64  *ids,
             guint          n_ids,
             GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO promotion_items (id, promotion_id, %s, created_at, updated_at) "
                                          "VALUES (?1, ?2, ?3, ?4, ?4)", column);
  gint64 now = rg_store_now ();

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(RgStmt) stmt = NULL;
      gboolean twice = FALSE;

      for (guint j = 0; j < i; j++)
        twice |= ids[j] == ids[i];
      if (twice)
        continue;
      stmt = rg_store_prepare (store, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, promotion_id);
      sqlite3_bind_int64 (stmt, 3, ids[i]);
      sqlite3_bind_int64 (stmt, 4, now);
      if (!rg_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * rg_studio_save_promotion:
 * @service_ids: (array length=n_services): the services it covers besides
 *   all of them (when it covers all services, they are not needed)
 * @product_ids: (array length=n_products): the products it covers
 *
 * Saves @promotion and replaces the services and products it covers, in
 * one transaction: a refused promotion or item writes nothing. A
 * percentage above the studio's cap is saved; the till cuts each line to
 * the cap (rg_studio_describe_cap() says so).
 */
gboolean
rg_studio_save_promotion (RgStudio      *studio,
                          RgPromotion   *promotion,
                          const gint64  *service_ids,
                          guint          n_services,
                          const gint64  *product_ids,
                          guint          n_products,
                          GError       **error)
{
  RgStore *store;
  g_autoptr(RgStmt) clear = NULL;
  gint64 id;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (RG_IS_PROMOTION (promotion), FALSE);

  if (!rg_studio_allowed (studio, RG_ACTION_STUDIO_SETTINGS, 0, 0, error))
    return FALSE;

  if (rg_promotion_get_all_services (promotion))
    n_services = 0;
  if (rg_promotion_get_all_products (promotion))
    n_products = 0;

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  /* The items first: a new promotion refused for them gets no id. */
  if (!check_items (store, "services", service_ids, n_services, error) ||
      !check_items (store, "products", product_ids, n_products, error) ||
      !rg_studio_save (studio, promotion, error))
    goto fail;
  id = rg_record_get_id (RG_RECORD (promotion));
  clear = rg_store_prepare (store, "DELETE FROM promotion_items WHERE promotion_id = ?1", error);
  if (clear == NULL)
    goto fail;
  sqlite3_bind_int64 (clear, 1, id);
  if (!rg_store_step_done (store, clear, error) ||
      !write_items (store, id, "service_id", service_ids, n_services, error) ||
      !write_items (store, id, "product_id", product_ids, n_products, error) ||
      !rg_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rg_store_rollback (store);
  if (rg_record_get_id (RG_RECORD (promotion)) != 0)
    rg_studio_reload (studio, promotion, NULL);
  return FALSE;
}

/* The services and the products @promotion_id covers one by one (GArrays
 * of gint64). */
gboolean
rg_studio_list_promotion_items (RgStudio  *studio,
                                gint64     promotion_id,
                                GArray   **service_ids,
                                GArray   **product_ids,
                                GError   **error)
{
  RgStore *store;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) products = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);

  store = rg_studio_get_store (studio);
  stmt = rg_store_prepare (store,
                           "SELECT service_id, product_id FROM promotion_items WHERE promotion_id = ?1 ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, promotion_id);
  for (;;)
    {
      gboolean row = FALSE;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (services, id);
        }
      else
        {
          gint64 id = sqlite3_column_int64 (stmt, 1);

          g_array_append_val (products, id);
        }
    }
  if (service_ids)
    *service_ids = g_steal_pointer (&services);
  if (product_ids)
    *product_ids = g_steal_pointer (&products);
  return TRUE;
}

/* What the till does with a promotion of @percent (basis points) under the
 * studio's cap: NULL when it is within the cap, else a translated sentence
 * for the editor. */
char *
rg_studio_describe_cap (RgStudio *studio,
                        int       percent)
{
  int cap;
  g_autofree char *cap_text = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);

  cap = (int) rg_studio_get_number (studio, RG_STUDIO_DISCOUNT_CAP);
  if (percent <= cap)
    return NULL;
  cap_text = rg_pricing_format_percent (cap);
  /* Translators: %s is the studio's cap, such as 25 or 12.5 */
  return g_strdup_printf (_("Above the studio’s cap: the till cuts it to %s %% on each line."), cap_text);
}
