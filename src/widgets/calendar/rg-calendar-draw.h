/* rg-calendar-draw.h — drawing and card helpers the calendar views share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/rg-appointment-list.h"

G_BEGIN_DECLS

gboolean rg_calendar_is_dark           (GtkWidget     *widget);
GdkRGBA rg_calendar_named_color         (GtkWidget     *widget,
                                         const char    *name,
                                         const char    *fallback);
GdkRGBA rg_calendar_with_alpha          (GdkRGBA        color,
                                         double         alpha);
gboolean rg_calendar_text_fits          (GtkWidget     *widget,
                                         const char    *text,
                                         double         max_width,
                                         gboolean       bold);
void    rg_calendar_draw_text_lines     (GtkWidget     *widget,
                                         GtkSnapshot   *snapshot,
                                         const char    *text,
                                         double         x,
                                         double         y,
                                         double         max_width,
                                         int            lines,
                                         gboolean       bold,
                                         GdkRGBA        color);
void    rg_calendar_draw_text           (GtkWidget     *widget,
                                         GtkSnapshot   *snapshot,
                                         const char    *text,
                                         double         x,
                                         double         y,
                                         double         max_width,
                                         gboolean       bold,
                                         GdkRGBA        color);
void    rg_calendar_unparent_cards      (GHashTable     *cards);
void    rg_calendar_load_details        (RgAppointmentList     *list,
                                         RgAppointmentDetails **details);

G_END_DECLS
