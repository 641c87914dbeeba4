/* bench-today-frames.c — the window keeps drawing while Today counts: the
 * real window on the reference database, Today's call list counted again
 * (every client's status, then the list) in its thread while an animation
 * asks for every frame; the longest gap between two drawn frames during
 * the count, against the longest gap over the same time with nothing to
 * count. Also the count's own time.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-common.h"
#include "widgets/rg-today-view.h"
#include "widgets/rg-window.h"

typedef struct {
  gint64  last;
  gint64  longest;
  guint   frames;
} Frames;

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *f)
{
  gint64 now = g_get_monotonic_time ();

  if (f->last)
    f->longest = MAX (f->longest, now - f->last);
  f->last = now;
  f->frames++;
}

/* Asks for a frame each frame, like a spinner does. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
run_for (gint64 us)
{
  gint64 until = g_get_monotonic_time () + us;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bench_reference_db ();
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStudio) studio = NULL;
  RgWindow *window;
  RgTodayView *view;
  GdkFrameClock *clock;
  Frames idle = { 0 }, busy = { 0 };
  gint64 started, took;
  gulong id;

  gtk_init ();
  adw_init ();
  store = rg_store_open (path, RG_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  studio = rg_studio_new (store);
  window = rg_window_new (NULL, studio, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  view = RG_TODAY_VIEW (gtk_widget_get_first_child (GTK_WIDGET (window)));
  {
    /* Find Today in the window. */
    GtkWidget *w = GTK_WIDGET (window);
    GQueue queue = G_QUEUE_INIT;

    view = NULL;
    g_queue_push_tail (&queue, w);
    while (!g_queue_is_empty (&queue) && view == NULL)
      {
        GtkWidget *c = g_queue_pop_head (&queue);

        if (RG_IS_TODAY_VIEW (c))
          view = RG_TODAY_VIEW (c);
        for (GtkWidget *k = gtk_widget_get_first_child (c); k; k = gtk_widget_get_next_sibling (k))
          g_queue_push_tail (&queue, k);
      }
    g_queue_clear (&queue);
  }
  if (view == NULL)
    return 1;

  /* Let the first count finish. */
  gtk_widget_add_tick_callback (GTK_WIDGET (view), tick_cb, NULL, NULL);
  run_for (500 * 1000);
  while (rg_today_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  run_for (300 * 1000);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  /* A second with nothing to count, then counting again; frames measured
   * in both. */
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &idle);
  idle.last = g_get_monotonic_time ();
  run_for (G_USEC_PER_SEC);
  idle.longest = MAX (idle.longest, g_get_monotonic_time () - idle.last);
  g_signal_handler_disconnect (clock, id);

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &busy);
  started = g_get_monotonic_time ();
  busy.last = started;
  rg_today_view_set_day (view, (RgDate) { 2026, 11, 28 });
  while (rg_today_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  took = g_get_monotonic_time () - started;
  busy.longest = MAX (busy.longest, started + took - busy.last);   /* to the end, drawn or not */
  g_signal_handler_disconnect (clock, id);

  printf ("# today's count took %.0f ms (%u calls); %u frames drawn meanwhile, %u in an idle second\n",
          took / 1000.0, rg_today_view_get_entries (view)->len, busy.frames, idle.frames);
  bench_report ("today-longest-frame-gap", busy.longest / 1000.0, "ms", idle.longest / 1000.0, 0, 100);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
