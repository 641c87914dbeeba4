/* test-util-ui.c — what the widget tests share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include "test-util-ui.h"

#include <glib/gi18n.h>
#include <locale.h>

#include <adwaita.h>

/* Starts GTK and libadwaita for a test. Without a display (a Flatpak
 * build, a bare container) prints a TAP skip and returns FALSE: make
 * check runs the widget tests under xvfb-run. */
gboolean
test_ui_init (int    *argc,
              char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* The translations of the build tree: with LANGUAGE=ru (and a locale
   * other than C) the dialogs a test saves with test_save_shot() are in
   * Russian; the tests themselves run in English. */
  if (g_getenv ("REGULARS_TEST_SHOTS"))
    setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The application's styles, as AdwApplication loads them. */
  if (g_resources_get_info ("/org/regulars/Regulars/style.css", 0, NULL, NULL, NULL))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/org/regulars/Regulars/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  return TRUE;
}

/* Destroys @window (a GtkWindow) and runs the main context until it is
 * finalized, so that what it held is gone before the next test. */
void
test_destroy_window (gpointer window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_object_add_weak_pointer (G_OBJECT (window), &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window)
    g_main_context_iteration (NULL, TRUE);
}

/* @root or the first widget below it (depth first) of @type, or NULL. */
GtkWidget *
test_find_child (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_child (child, type);

      if (found)
        return found;
    }

  return NULL;
}

/* The first row under @root (a preferences row: entry, combo, action)
 * whose title is @title, or NULL. */
GtkWidget *
test_find_row (GtkWidget  *root,
               const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_row (child, title);

      if (found)
        return found;
    }

  return NULL;
}

/* The visible toplevel window of @type (with @css_class, unless NULL), or
 * NULL. */
GtkWindow *
test_find_toplevel (GType       type,
                    const char *css_class)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (css_class == NULL || gtk_widget_has_css_class (GTK_WIDGET (window), css_class)))
        return window;
    }
  return NULL;
}

/* The message dialog on screen, or NULL. */
AdwMessageDialog *
test_find_message_dialog (void)
{
  return (AdwMessageDialog *) test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
}

/* With REGULARS_TEST_SHOTS=DIR, writes what @widget shows to DIR/NAME.png
 * (for looking at dialogs the screenshot script cannot reach). */
void
test_save_shot (GtkWidget  *widget,
                const char *name)
{
  const char *dir = g_getenv ("REGULARS_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;
  /* Past the style transitions (200 ms in Adwaita). */
  {
    gint64 until = g_get_monotonic_time () + 400 * 1000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.5, 0.5, 0.5, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

/* A timeout's callback: sets the gboolean at @flag. Remove the source
 * before the flag goes out of scope, or it writes into a later frame. */
gboolean
test_timeout_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms. */
void
test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
