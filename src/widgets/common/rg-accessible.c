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
 * the focus, gets its parent's name; the - and + of a spin button get
 * "Decrease" and "Increase".
 *
 * Images: a status icon says something ("Complaint", "Regulars Gone
 * Quiet") and gets that as its name and its tooltip, through
 * rg_accessible_describe() or, for the icon a libadwaita row draws,
 * rg_accessible_row_icon(). An icon that only repeats what its button or
 * row already says is hidden from the tree, so a screen reader does not
 * stop on a nameless "image": the icons inside buttons, the view
 * switcher, an entry row's pencil, an expander's arrow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-accessible"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

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

/* GTK 4.8 leaves the - and + of a spin button without a name. */
static const char *
spin_step_name (GtkWidget *widget)
{
  const char *icon;

  if (!GTK_IS_BUTTON (widget) || !GTK_IS_SPIN_BUTTON (gtk_widget_get_parent (widget)))
    return NULL;
  icon = gtk_button_get_icon_name (GTK_BUTTON (widget));
  if (g_strcmp0 (icon, "value-decrease-symbolic") == 0)
    return _("Decrease");
  if (g_strcmp0 (icon, "value-increase-symbolic") == 0)
    return _("Increase");
  return NULL;
}

static void
sync_name (GtkWidget *widget)
{
  g_autofree char *tooltip = NULL;
  GtkWidget *source = name_source (widget);
  const char *step = spin_step_name (widget);

  /* A label the code set itself wins; ours is marked. */
  if (!g_object_get_data (G_OBJECT (widget), NAMED_KEY) &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;
  if (rg_accessible_shows_text (widget))
    return;
  if (step)
    tooltip = g_strdup (step);
  else if (gtk_widget_get_tooltip_text (source))
    tooltip = g_strdup (gtk_widget_get_tooltip_text (source));
  if (tooltip == NULL || *tooltip == '\0')
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (1));
}

/* Whether @image repeats what a control around it already says. */
static gboolean
is_decoration (GtkWidget *image)
{
  if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), "adw-expander-arrow-symbolic") == 0)
    return TRUE;
  for (GtkWidget *p = gtk_widget_get_parent (image); p; p = gtk_widget_get_parent (p))
    if (is_button (p) || ADW_IS_ENTRY_ROW (p) || GTK_IS_SEARCH_ENTRY (p) || GTK_IS_ENTRY (p) ||
        GTK_IS_DROP_DOWN (p) || GTK_IS_SWITCH (p) || ADW_IS_COMBO_ROW (p))
      return TRUE;
  return FALSE;
}

static void
hide (GtkWidget *widget)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

/* Give @image a meaning, shown as its tooltip and read as its name; with
 * %NULL it is decoration, hidden from a screen reader. */
void
rg_accessible_describe (GtkWidget  *image,
                        const char *meaning)
{
  g_return_if_fail (GTK_IS_WIDGET (image));

  if (meaning == NULL || *meaning == '\0')
    {
      hide (image);
      return;
    }
  gtk_widget_set_tooltip_text (image, meaning);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, meaning, -1);
}

static GtkWidget *
find_image (GtkWidget  *widget,
            const char *icon_name)
{
  if (GTK_IS_IMAGE (widget) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_image (child, icon_name);

      if (found)
        return found;
    }
  return NULL;
}

/* The icon an AdwActionRow or AdwExpanderRow draws for its icon-name is
 * its own; set the icon and describe it (see rg_accessible_describe()). */
void
rg_accessible_row_icon (GtkWidget  *row,
                        const char *icon_name,
                        const char *meaning)
{
  GtkWidget *image;

  g_return_if_fail (ADW_IS_ACTION_ROW (row) || ADW_IS_EXPANDER_ROW (row));

  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (row), icon_name);
  else
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  image = find_image (row, icon_name);
  if (image)
    rg_accessible_describe (image, meaning);
  else
    g_warning ("No icon %s in a %s", icon_name, G_OBJECT_TYPE_NAME (row));
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

  if (GTK_IS_IMAGE (widget))
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          if (gtk_widget_get_tooltip_text (widget))
            gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            gtk_widget_get_tooltip_text (widget), -1);
          else if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_PRESENTATION ||
                   is_decoration (widget))
            hide (widget);
        }
      return TRUE;
    }
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
