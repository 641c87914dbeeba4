/* rg-calendar-draw.c — drawing and scrolling helpers the calendar views
 * (day, week, month) share: the theme's named colours (libadwaita's, so
 * dark mode follows), one line of text, and a scroll adjustment.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-calendar"

#include "config.h"

#include "rg-calendar-draw.h"

/* A colour of the theme (view_bg_color, accent_color...), or @fallback. */
GdkRGBA
rg_calendar_named_color (GtkWidget  *widget,
                         const char *name,
                         const char *fallback)
{
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
  return color;
}

GdkRGBA
rg_calendar_with_alpha (GdkRGBA color,
                        double  alpha)
{
  color.alpha *= alpha;
  return color;
}

/* One line at (@x, @y), ellipsized to @max_width when it is positive. */
void
rg_calendar_draw_text (GtkWidget   *widget,
                       GtkSnapshot *snapshot,
                       const char  *text,
                       double       x,
                       double       y,
                       double       max_width,
                       gboolean     bold,
                       GdkRGBA      color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* Sets a scrollable view's adjustment to its content and viewport, keeping
 * the value within range. */
void
rg_calendar_configure_adjustment (GtkAdjustment *adjustment,
                                  double         value,
                                  double         upper,
                                  double         page)
{
  if (adjustment == NULL)
    return;

  upper = MAX (upper, page);
  gtk_adjustment_configure (adjustment, CLAMP (value, 0, upper - page), 0, upper,
                            page * 0.1, page * 0.9, page);
}

/* A GtkScrollable view's "hadjustment"/"vadjustment" setter: keeps @slot
 * (a new empty adjustment for NULL), calls @value_changed (swapped, with
 * @view) when it moves, and lets go of the previous one. */
void
rg_calendar_set_adjustment (GtkWidget      *view,
                            GtkAdjustment **slot,
                            GtkAdjustment  *adjustment,
                            GCallback       value_changed)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot)
    {
      g_signal_handlers_disconnect_by_func (*slot, value_changed, view);
      g_object_unref (*slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", value_changed, view);
  gtk_widget_queue_allocate (view);
}

/* Unparents every card widget in @cards (values) and empties the table. */
void
rg_calendar_unparent_cards (GHashTable *cards)
{
  GHashTableIter iter;
  gpointer card;

  if (cards == NULL)
    return;
  g_hash_table_iter_init (&iter, cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    {
      gtk_widget_unparent (card);
      g_hash_table_iter_remove (&iter);
    }
}

/* Replaces *@details with those of @list's range, as the views' cards
 * need them after the list changed; a failure is logged and leaves none. */
void
rg_calendar_load_details (RgAppointmentList     *list,
                          RgAppointmentDetails **details)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (details, rg_appointment_details_free);
  *details = rg_appointment_list_load_details (list, &error);
  if (*details == NULL)
    g_warning ("Could not read the appointments' details: %s", error->message);
}
