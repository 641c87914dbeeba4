/* rg-score-buttons.h — a row of linked toggle buttons for a score, shared
 * by the rating and the questionnaire.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Fills @buttons (to - from + 1 of them) with the buttons from @from to
 * @to, one of which may be active; @icons and @tips (translated here) may
 * be NULL. Returns the row. */
GtkWidget *rg_score_buttons_new (int                 from,
                                 int                 to,
                                 GtkWidget         **buttons,
                                 const char * const *icons,
                                 const char * const *tips);
/* The active button's value, or -1 when none is active. */
int        rg_score_buttons_get (GtkWidget         **buttons,
                                 guint               n);
/* Makes @value's button the active one (none when out of range). */
void       rg_score_buttons_set (GtkWidget         **buttons,
                                 guint               n,
                                 int                 from,
                                 int                 value);

G_END_DECLS
