/* rg-accessible.c — names for the buttons that show only an icon.
 *
 * An icon button has a tooltip for the eye ("Call, with the Script") but
 * GTK 4.8 does not give it to a screen reader, which then says only
 * "button". Rather than repeat every tooltip as an accessible label at
 * each of the forty places a button is made (and forget the forty-first),
 * one emission hook on "map" names each icon-only button, menu button and
 * split button from its tooltip, and follows the tooltip when it changes
 * ("Show the Client Card" / "Hide the Client Card"). A label set by hand
 * is left alone. The inner toggle of a GtkMenuButton, which is what takes
 * the focus, gets its parent's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-accessible"

#include "config.h"

#include <adwaita.h>

#include "rg-accessible.h"

#define NAMED_KEY "rg-accessible-named"

/* Whether @widget shows text of its own: a visible, non-empty label
 * somewhere inside it. */
gboolean
rg_accessible_shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_widget_get_visible (widget) && *gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (rg_accessible_shows_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
is_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || ADW_IS_SPLIT_BUTTON (widget);
}

/* The widget whose tooltip names @widget: itself, or for the toggle
 * inside a menu button, the menu button. */
static GtkWidget *
name_source (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (!gtk_widget_get_has_tooltip (widget) && parent && GTK_IS_MENU_BUTTON (parent))
    return parent;
  return widget;
}

static void
sync_name (GtkWidget *widget)
{
  g_autofree char *tooltip = NULL;
  GtkWidget *source = name_source (widget);

  /* A label the code set itself wins; ours is marked. */
  if (!g_object_get_data (G_OBJECT (widget), NAMED_KEY) &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;
  if (rg_accessible_shows_text (widget))
    return;
  tooltip = gtk_widget_get_tooltip_text (source) ? g_strdup (gtk_widget_get_tooltip_text (source)) : NULL;
  if (tooltip == NULL || *tooltip == '\0')
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (1));
}

static void
on_tooltip_changed (GtkWidget  *source,
                    GParamSpec *pspec,
                    GtkWidget  *widget)
{
  sync_name (widget);
}

static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (!is_button (widget))
    return TRUE;
  if (!g_object_get_data (G_OBJECT (widget), "rg-accessible-watched"))
    {
      g_object_set_data (G_OBJECT (widget), "rg-accessible-watched", GINT_TO_POINTER (1));
      g_signal_connect_object (name_source (widget), "notify::tooltip-text",
                               G_CALLBACK (on_tooltip_changed), widget, 0);
    }
  sync_name (widget);
  return TRUE;
}

/* Install the hook; safe to call more than once. */
void
rg_accessible_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* The signal exists once the class does; keep it alive for the hook. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
