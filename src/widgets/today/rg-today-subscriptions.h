/* rg-today-subscriptions.h — Today's "Subscriptions": those running out
 * soon with visits left, and those that expired unused lately.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

/* The section: a heading and a boxed list, hidden while empty. */
GtkWidget *rg_today_subscriptions_new    (void);
/* Reads the list as of @now and the studio's "expiring within" days. */
void       rg_today_subscriptions_update (GtkWidget *section,
                                          RgStudio  *studio,
                                          gint64     now);
/* How many subscriptions the section lists. */
guint      rg_today_subscriptions_count  (GtkWidget *section);

G_END_DECLS
