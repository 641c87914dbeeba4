/* rg-client-standing.c — every client's standing, compactly.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include "rg-client-standing.h"

/* Room for @n_reserved clients; rg_client_standings_add() in id order. */
RgClientStandings *
rg_client_standings_new (guint n_reserved)
{
  RgClientStandings *self = g_new0 (RgClientStandings, 1);

  self->capacity = MAX (n_reserved, 16);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->capacity);
  self->status = g_new (guint8, self->capacity);
  self->segments = g_new (guint8, self->capacity);
  return self;
}

void
rg_client_standings_add (RgClientStandings *self,
                         gint64             client_id,
                         RgClientStatus     status,
                         guint              segments)
{
  guint n = self->ids->len;

  g_return_if_fail (n == 0 || g_array_index (self->ids, gint64, n - 1) < client_id);

  if (n == self->capacity)
    {
      self->capacity *= 2;
      self->status = g_renew (guint8, self->status, self->capacity);
      self->segments = g_renew (guint8, self->segments, self->capacity);
    }
  g_array_append_val (self->ids, client_id);
  self->status[n] = (guint8) status;
  self->segments[n] = (guint8) segments;
}

void
rg_client_standings_free (RgClientStandings *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->status);
  g_free (self->segments);
  g_free (self);
}
