/* test-recount.c — a view's count in a thread, again after commits: a
 * newer count makes an older one's result stale, changes of the kinds the
 * view shows count again (later, and once for a burst), other changes and
 * a hidden view do not, and a view gone while counting is never called
 * back.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"
#include "test-util-ui.h"
#include "model/rg-staff.h"
#include "widgets/common/rg-recount.h"

typedef struct {
  RgRecount *recount;
  GArray    *results;     /* the values delivered, in order */
  guint      refreshes;   /* times the owner was asked to count */
  gboolean   loading;
  int        next;        /* the value the next count returns */
} Fixture;

static Fixture *fixture;

/* The job is the value to return; a 1 counts slowly, so that a newer
 * count can start while it runs. */
static gpointer
count_value (RgStore       *store,
             gconstpointer  job,
             GCancellable  *cancellable,
             GError       **error)
{
  int value = GPOINTER_TO_INT (job);

  g_assert_true (RG_IS_STORE (store));
  if (value == 1)
    g_usleep (200 * 1000);
  return g_memdup2 (&value, sizeof value);
}

static void
refresh (GtkWidget *owner)
{
  fixture->refreshes++;
  rg_recount_start (fixture->recount, GINT_TO_POINTER (fixture->next), NULL);
}

static void
done (GtkWidget *owner,
      gpointer   result)
{
  g_array_append_val (fixture->results, *(int *) result);
  g_free (result);
}

static void
loading (GtkWidget *owner,
         gboolean   on)
{
  fixture->loading = on;
}

static void
wait_idle (RgRecount *recount)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, test_timeout_cb, &timed_out);

  while (!timed_out && rg_recount_is_busy (recount))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
run (gboolean on_file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-recount-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autoptr(RgStore) store = rg_store_open (on_file ? path : NULL, RG_STORE_OPEN_DEFAULT, &error);
  g_autoptr(RgStudio) studio = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *owner = gtk_label_new ("figures");
  GtkWidget *spinner = gtk_spinner_new ();
  Fixture f = { 0 };

  g_assert_no_error (error);
  studio = rg_studio_new (store);
  fixture = &f;
  f.results = g_array_new (FALSE, FALSE, sizeof (int));
  f.recount = rg_recount_new (owner, RG_CHANGES_CLIENTS, 100, count_value, g_free, refresh, done, loading);
  rg_recount_set_studio (f.recount, studio);
  rg_recount_set_spinner (f.recount, spinner);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (rg_recount_is_dirty (f.recount));
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_box_append (GTK_BOX (box), owner);
    gtk_box_append (GTK_BOX (box), spinner);
    gtk_window_set_child (GTK_WINDOW (window), box);
  }
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (owner);

  /* A slow count overtaken by a newer one: only the newer one arrives. */
  rg_recount_start (f.recount, GINT_TO_POINTER (1), NULL);
  g_assert_true (rg_recount_is_busy (f.recount));
  g_assert_true (f.loading);
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_false (rg_recount_is_dirty (f.recount));
  test_spin (20);
  rg_recount_start (f.recount, GINT_TO_POINTER (2), NULL);
  wait_idle (f.recount);
  test_spin (300);                         /* the slow one has finished by now */
  if (!on_file)
    {
      /* Counted at once: the first was over before the second began. */
      g_assert_cmpuint (f.results->len, ==, 2);
      g_assert_cmpint (g_array_index (f.results, int, 0), ==, 1);
      g_array_remove_index (f.results, 0);
    }
  g_assert_cmpuint (f.results->len, ==, 1);
  g_assert_cmpint (g_array_index (f.results, int, 0), ==, 2);
  g_assert_false (f.loading);
  g_assert_false (gtk_widget_get_visible (spinner));

  /* Commits to the clients: counted again once, after the delay. */
  f.next = 3;
  {
    g_autoptr(RgClient) a = test_add_client (studio, "Anna", "+7 900 000-00-01");
    g_autoptr(RgClient) b = test_add_client (studio, "Vera", "+7 900 000-00-02");
  }
  g_assert_true (rg_recount_is_dirty (f.recount));
  g_assert_true (rg_recount_is_busy (f.recount));    /* waiting for the delay */
  g_assert_cmpuint (f.refreshes, ==, 0);
  wait_idle (f.recount);
  g_assert_cmpuint (f.refreshes, ==, 1);
  g_assert_cmpuint (f.results->len, ==, 2);
  g_assert_cmpint (g_array_index (f.results, int, 1), ==, 3);

  /* A table it does not show: nothing. */
  {
    g_autoptr(RgStaff) staff = rg_staff_new ("Alyona", RG_STAFF_ROLE_MASTER);

    g_assert_true (rg_studio_save (studio, staff, &error));
    g_assert_no_error (error);
  }
  g_assert_false (rg_recount_is_dirty (f.recount));
  g_assert_false (rg_recount_is_busy (f.recount));

  /* Hidden: marked, not counted; the owner catches up when shown. */
  gtk_widget_set_visible (owner, FALSE);
  {
    g_autoptr(RgClient) c = test_add_client (studio, "Olga", "+7 900 000-00-03");
  }
  g_assert_true (rg_recount_is_dirty (f.recount));
  g_assert_false (rg_recount_is_busy (f.recount));
  test_spin (200);
  g_assert_cmpuint (f.refreshes, ==, 1);

  /* Gone while counting (or before its result is delivered): never
   * called back. */
  rg_recount_start (f.recount, GINT_TO_POINTER (1), NULL);
  g_clear_pointer (&f.recount, rg_recount_free);
  test_spin (400);
  g_assert_cmpuint (f.results->len, ==, 2);

  g_array_unref (f.results);
  fixture = NULL;
  test_destroy_window (GTK_WINDOW (window));
  g_clear_object (&studio);
  g_clear_object (&store);
  if (on_file)
    test_remove_tree (dir);
  else
    g_rmdir (dir);
}

static void
test_on_file (void)
{
  run (TRUE);
}

/* A store in memory counts at once; the result still comes from the
 * main loop. */
static void
test_in_memory (void)
{
  run (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  if (!test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/recount/on-file", test_on_file);
  g_test_add_func ("/recount/in-memory", test_in_memory);
  return g_test_run ();
}
