/* bench-today-frames.c — the window keeps drawing while Today counts: the
 * real window on the reference database, a call logged at the desk and
 * Today's call list counted again (every client's status, then the list)
 * in its thread while an animation asks for every frame; the longest gap
 * between two drawn frames from the commit up to the frame that shows the
 * new list, against the longest gap over a second with nothing to count.
 * Also printed: the same for a new day, when every row changes.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-common.h"
#include "widgets/today/rg-call-dialog.h"
#include "widgets/today/rg-today-view.h"
#include "widgets/rg-window.h"

typedef struct {
  gint64  last;
  gint64  longest;
  guint   frames;
  gint64  took;
  guint   calls;
} Frames;

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *f)
{
  gint64 now = g_get_monotonic_time ();

  if (g_getenv ("BENCH_FRAMES"))
    g_printerr ("frame at %.1f +%.1f ms\n", (now % 100000000) / 1000.0, (now - f->last) / 1000.0);
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

/* Counts again (another day, or a call logged for @client) and measures
 * the frames up to the one that draws the new list: the rows' layout
 * counts, not only the count in its thread. */
static void
measure (RgTodayView   *view,
         GdkFrameClock *clock,
         Frames        *f,
         RgStudio      *studio,
         gint64         client)
{
  gint64 started = g_get_monotonic_time ();
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), f);
  guint drawn;

  f->last = started;
  if (studio == NULL)
    rg_today_view_set_day (view, (RgDate) { 2026, 11, 28 });
  else
    {
      RgCallDialog *call = g_object_ref_sink (rg_call_dialog_new (NULL, studio, client, 0));
      g_autoptr(GError) error = NULL;

      if (!rg_call_dialog_log (call, RG_CALL_OUTCOME_NO_ANSWER, 0, NULL, &error))
        g_error ("%s", error->message);
      g_object_unref (call);
      /* Counting starts after the commit's short delay. */
      while (!rg_today_view_is_loading (view))
        g_main_context_iteration (NULL, TRUE);
    }
  while (rg_today_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  drawn = f->frames;
  while (f->frames == drawn)
    g_main_context_iteration (NULL, TRUE);
  f->took = g_get_monotonic_time () - started;
  f->calls = rg_today_view_get_entries (view)->len;
  g_signal_handler_disconnect (clock, id);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bench_reference_db ();
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStudio) studio = NULL;
  RgWindow *window;
  RgTodayView *view = NULL;
  GdkFrameClock *clock;
  Frames idle = { 0 }, busy = { 0 }, day = { 0 };
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
  {
    /* Find Today in the window. */
    GtkWidget *w = GTK_WIDGET (window);
    GQueue queue = G_QUEUE_INIT;

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

  /* Another day: every row's text changes (once a day, at midnight). */
  measure (view, clock, &day, NULL, 0);

  /* A second with nothing to count. */
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &idle);
  idle.last = g_get_monotonic_time ();
  run_for (G_USEC_PER_SEC);
  idle.longest = MAX (idle.longest, g_get_monotonic_time () - idle.last);
  g_signal_handler_disconnect (clock, id);

  /* What the desk does all day: a call logged ("no answer", a task for
   * tomorrow) for the first client due; Today counts again after the
   * commit and the client leaves the list. */
  {
    GPtrArray *entries = rg_today_view_get_entries (view);
    gint64 client = 0;

    for (guint i = 0; i < entries->len && client == 0; i++)
      if (((RgCallEntry *) entries->pdata[i])->reason == RG_CALL_DUE)
        client = ((RgCallEntry *) entries->pdata[i])->client_id;
    if (client == 0)
      return 1;
    measure (view, clock, &busy, studio, client);
  }

  printf ("# a new day: the count and its list took %.0f ms (%u calls), longest gap %.0f ms\n",
          day.took / 1000.0, day.calls, day.longest / 1000.0);
  printf ("# after a logged call: %.0f ms from the commit to the list drawn, %u frames meanwhile, %u in an idle second\n",
          busy.took / 1000.0, busy.frames, idle.frames);
  bench_report ("today-longest-frame-gap", busy.longest / 1000.0, "ms", idle.longest / 1000.0, 0, 100);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
