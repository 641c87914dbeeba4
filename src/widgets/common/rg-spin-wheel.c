/* rg-spin-wheel.c — the mouse wheel scrolls the page, not the spin button
 * under it.
 *
 * A GtkSpinButton takes every wheel event over it. In a long page — the
 * Studio window's working hours, the appointment editor — a director
 * scrolling down with the pointer resting on a time changed 13:30 to 13:15
 * without noticing. Here a spin button the keyboard is not in passes the
 * wheel to the scrolled window around it; once clicked or tabbed into, the
 * wheel changes its value, as in any spin button. Every spin button gets this, through
 * one emission hook on "map", so a new form cannot forget it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-spin-wheel"

#include "config.h"

#include <math.h>

#include "rg-spin-wheel.h"

static gboolean
has_keyboard (GtkWidget *spin)
{
  GtkRoot *root = gtk_widget_get_root (spin);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus && (focus == spin || gtk_widget_is_ancestor (focus, spin));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           gpointer                  user_data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  double page, step;

  if (has_keyboard (spin))
    return FALSE;

  scroller = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL)
    return TRUE;  /* nothing to scroll; the value stays */

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  page = gtk_adjustment_get_page_size (adjustment);
  /* As GtkScrolledWindow itself steps: a wheel notch is page^(2/3), a
   * touchpad gives pixels. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = dy * pow (page, 2.0 / 3.0);
  else
    step = dy;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
  return TRUE;
}

static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkEventController *controller;

  if (!GTK_IS_SPIN_BUTTON (widget) || g_object_get_data (G_OBJECT (widget), RG_SPIN_WHEEL_CONTROLLER))
    return TRUE;

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_name (controller, RG_SPIN_WHEEL_CONTROLLER);
  /* Before the spin button's own controller sees the event. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), NULL);
  gtk_widget_add_controller (widget, controller);
  g_object_set_data (G_OBJECT (widget), RG_SPIN_WHEEL_CONTROLLER, controller);
  return TRUE;
}

/* Install the hook; safe to call more than once. */
void
rg_spin_wheel_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
