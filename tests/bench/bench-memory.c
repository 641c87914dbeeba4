/* bench-memory.c — the memory of the main window on the reference studio
 * over a user's walk, against an empty AdwApplicationWindow in the same
 * run: the window opens on Today; the Clients list is paged through from
 * top to bottom; 50 cards are opened, spread over the whole range of
 * client ids (the first and the last among them); every page is shown
 * once. Then the anonymous resident memory (what a system monitor calls
 * "Memory") and the peak resident size (VmHWM) are read, and the time
 * each card took to open, to its first frame.
 *
 * Both are drawn with the cairo renderer (GSK_RENDERER=cairo, set by
 * meson): the point is the app's memory, not the software GL renderer's.
 *
 * Usage: bench-memory EMPTY-WINDOW
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-bench"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "store/rg-store.h"
#include "model/rg-client.h"
#include "widgets/rg-application.h"
#include "widgets/client/rg-client-card.h"
#include "widgets/client/rg-clients-view.h"
#include "widgets/retention/rg-retention-view.h"
#include "widgets/satisfaction/rg-satisfaction-view.h"
#include "widgets/today/rg-today-view.h"
#include "widgets/rg-window.h"

#define CARDS 50
#define PAGES 40

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    {
      g_printerr ("%s\n", error ? error->message : "failed");
      exit (1);
    }
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The card's layout and snapshot at its size: the first frame of the
 * filled card, without waiting for the display's next frame. */
static void
lay_out_and_snapshot (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  gtk_widget_size_allocate (widget, &(GtkAllocation) { 0, 0, width, height }, -1);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static gboolean
timeout_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop while @busy says so (at most a minute). */
static void
wait_while (gboolean (*busy) (gpointer),
            gpointer  widget)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  spin (20);
  while (busy (widget) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  if (busy (widget))
    {
      g_printerr ("%s did not finish loading\n", G_OBJECT_TYPE_NAME (widget));
      exit (1);
    }
}

static gboolean
list_loading (gpointer view)
{
  return rg_client_list_get_loading (rg_clients_view_get_list (view));
}

static void
show_page (GtkWidget  *window,
           const char *name)
{
  gtk_widget_activate_action (window, "win.show-view", "s", name);
  gtk_test_widget_wait_for_draw (window);
}

/* kB of a line of /proc/self/status ("VmHWM:", "RssAnon:"). */
static double
status_kb (const char *status,
           const char *key)
{
  const char *line = strstr (status, key);

  return line ? g_ascii_strtod (line + strlen (key), NULL) : 0;
}

/* A "#" line with the memory after a stage of the walk. */
static void
print_stage (const char *stage)
{
  g_autofree char *status = NULL;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    printf ("# after %-12s anonymous %7.1f MB, peak resident %7.1f MB\n", stage,
            status_kb (status, "RssAnon:") / 1024, status_kb (status, "VmHWM:") / 1024);
}

/* The empty window's figures, after its first frame. */
static void
empty_window (const char *path,
              double     *anon_mb,
              double     *hwm_mb)
{
  const char *argv[] = { path, "--memory", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *line;

  check (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error), error);
  line = out ? strstr (out, "memory ") : NULL;
  if (line == NULL || sscanf (line, "memory %lf %lf", anon_mb, hwm_mb) != 2)
    {
      g_printerr ("The empty window said nothing of its memory: %s\n", out ? out : "");
      exit (1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *status = NULL;
  g_autoptr(RgStore) store = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  RgWindow *window;
  GtkWidget *clients, *card;
  GtkAdjustment *adjustment;
  double worst = 0, worst_bare = 0, anon, hwm, empty_anon = 0, empty_hwm = 0;

  if (argc < 2)
    {
      g_printerr ("usage: bench-memory EMPTY-WINDOW\n");
      return 2;
    }

  /* As the application's main() does. */
  rg_application_tune_memory ();
  gtk_init ();
  adw_init ();

  db = bench_reference_db ();
  store = rg_store_open (db, RG_STORE_OPEN_NO_CREATE, &error);
  check (store != NULL, error);
  studio = rg_studio_new (store);

  window = rg_window_new (NULL, studio, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);   /* as the empty window */
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  wait_while ((gboolean (*) (gpointer)) rg_today_view_is_loading,
              find_child (GTK_WIDGET (window), RG_TYPE_TODAY_VIEW));
  print_stage ("today");
  if (g_strcmp0 (g_getenv ("BENCH_STOP"), "today") == 0)
    return 0;

  /* Clients, from the top to the bottom of the list. */
  show_page (GTK_WIDGET (window), "clients");
  clients = find_child (GTK_WIDGET (window), RG_TYPE_CLIENTS_VIEW);
  wait_while (list_loading, clients);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_child (clients, GTK_TYPE_GRID_VIEW)));
  for (int i = 0; i <= PAGES; i++)
    {
      double top = (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) * i / PAGES;

      gtk_adjustment_set_value (adjustment, top);
      gtk_test_widget_wait_for_draw (clients);
    }
  print_stage ("clients");
  if (g_strcmp0 (g_getenv ("BENCH_STOP"), "clients") == 0)
    return 0;

  /* Cards spread over the id range, the first and the last among them. */
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store, "SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY id", &error);
    gboolean row = FALSE;

    check (stmt != NULL, error);
    while (rg_store_step_row (store, stmt, &row, NULL) && row)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
  }
  card = find_child (GTK_WIDGET (window), RG_TYPE_CLIENT_CARD);
  /* The card's rows are made for the first client it shows: warmed up on
   * one in the middle, not counted. */
  {
    g_autoptr(RgClient) first = rg_studio_lookup (studio, RG_TYPE_CLIENT, g_array_index (ids, gint64, ids->len / 2),
                                                  &error);

    check (first != NULL, error);
    rg_studio_set_selected_client (studio, first);
    gtk_test_widget_wait_for_draw (card);
  }
  for (guint i = 0; i < CARDS; i++)
    {
      gint64 id = g_array_index (ids, gint64, (guint) ((guint64) (ids->len - 1) * i / (CARDS - 1)));
      g_autoptr(RgClient) client = rg_studio_lookup (studio, RG_TYPE_CLIENT, id, &error);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      check (client != NULL, error);
      rg_studio_set_selected_client (studio, client);
      lay_out_and_snapshot (card);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      gtk_test_widget_wait_for_draw (card);
      g_array_append_val (open_ms, ms);
      worst = MAX (worst, ms);
      if (g_getenv ("BENCH_CARDS"))
        printf ("# card %2u (id %" G_GINT64_FORMAT "): %.1f ms\n", i, id, ms);

      t0 = g_get_monotonic_time ();
      bench_card_queries (store, id);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (bare_ms, ms);
      worst_bare = MAX (worst_bare, ms);
    }

  print_stage ("cards");

  /* Every page once, each counted to the end. */
  show_page (GTK_WIDGET (window), "calendar");
  print_stage ("calendar");
  show_page (GTK_WIDGET (window), "satisfaction");
  wait_while ((gboolean (*) (gpointer)) rg_satisfaction_view_is_loading,
              find_child (GTK_WIDGET (window), RG_TYPE_SATISFACTION_VIEW));
  print_stage ("satisfaction");
  show_page (GTK_WIDGET (window), "retention");
  wait_while ((gboolean (*) (gpointer)) rg_retention_view_is_loading,
              find_child (GTK_WIDGET (window), RG_TYPE_RETENTION_VIEW));
  print_stage ("retention");
  show_page (GTK_WIDGET (window), "today");
  spin (500);

  check (g_file_get_contents ("/proc/self/status", &status, NULL, &error), error);
  anon = status_kb (status, "RssAnon:") / 1024;
  hwm = status_kb (status, "VmHWM:") / 1024;
  empty_window (argv[1], &empty_anon, &empty_hwm);

  printf ("# reference studio: %u clients; %d cards over the id range, %d pages of the list\n",
          ids->len, CARDS, PAGES);
  bench_report_over ("memory-anonymous-after-walk", anon, "MB", empty_anon, 40);
  bench_report ("memory-peak-resident", hwm, "MB", empty_hwm, 0, 300);
  bench_report ("client-card-open-spread-p95", bench_percentile (open_ms, 95), "ms",
                bench_percentile (bare_ms, 95), 0, 16);
  bench_report ("client-card-open-spread-worst", worst, "ms", worst_bare, 0, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
