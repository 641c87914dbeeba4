/* rg-studio-figures.c — the analytics' figures asked with the studio.
 *
 * The functions they call read the store directly (a worker thread gives
 * them a reader connection); a widget gets at the same figures through
 * these and never holds the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include "rg-studio-figures.h"

gboolean
rg_studio_client_stats (RgStudio       *studio,
                        gint64          client_id,
                        gint64          now,
                        RgClientStats  *stats,
                        GError        **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  return rg_client_stats_compute (rg_studio_get_store (studio), client_id, now, stats, error);
}

GPtrArray *
rg_studio_client_history (RgStudio  *studio,
                          gint64     client_id,
                          guint      limit,
                          GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  return rg_client_history_load (rg_studio_get_store (studio), client_id, limit, error);
}

gboolean
rg_studio_client_rhythm (RgStudio        *studio,
                         gint64           client_id,
                         RgDate           day,
                         RgClientRhythm  *rhythm,
                         GError         **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  return rg_retention_load_client (rg_studio_get_store (studio), client_id, day, rhythm, error);
}

gboolean
rg_studio_client_usual (RgStudio       *studio,
                        gint64          client_id,
                        RgClientUsual  *usual,
                        GError        **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  return rg_client_usual_load (rg_studio_get_store (studio), client_id, usual, error);
}

GPtrArray *
rg_studio_tasks_falling_due (RgStudio  *studio,
                             gint64     from,
                             gint64     to,
                             GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  return rg_tasks_falling_due (rg_studio_get_store (studio), from, to, error);
}
