/* test-util-ui.c — what the widget tests share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-util-ui.h"

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
