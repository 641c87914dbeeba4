/* bench-empty-window.c — the baseline of the start-up benchmark: an empty
 * AdwApplicationWindow of the same size, started the same way; it prints
 * "first-frame" after its first frame and quits.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

static gboolean memory;

/* "memory ANON HWM": its anonymous resident memory and peak resident
 * size in MB (bench-memory's baseline). */
static void
print_memory (void)
{
  g_autofree char *status = NULL;
  const char *anon, *hwm;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  anon = strstr (status, "RssAnon:");
  hwm = strstr (status, "VmHWM:");
  if (anon && hwm)
    g_print ("memory %.2f %.2f\n", g_ascii_strtod (anon + 8, NULL) / 1024, g_ascii_strtod (hwm + 6, NULL) / 1024);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_debug ("First frame drawn");
  g_print ("first-frame\n");
  if (memory)
    print_memory ();
  fflush (stdout);
  g_application_quit (app);
}

static void
map_cb (GtkWidget    *window,
        GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GApplication *app)
{
  g_debug ("Activated");
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), app);
  g_debug ("Window constructed");
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  /* As Regulars' main() does (rg_application_tune_memory()). */
#ifdef M_MMAP_THRESHOLD
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif
  if (argc > 1 && g_str_equal (argv[1], "--memory"))
    {
      memory = TRUE;
      argc = 1;
    }
  app = adw_application_new ("org.regulars.RegularsBench", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
