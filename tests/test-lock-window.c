/* test-lock-window.c — the lock screen on the real window: a studio with
 * a director and a master opens locked; the master's wrong PIN is said
 * and waited out, the right one unlocks; a short timeout without input
 * locks again and signs out; Ctrl+L (win.lock) locks, the dialogs over
 * the window hidden and back for the same person, closed for another.
 * With REGULARS_TEST_SHOTS set, the lock screen is saved there.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <adwaita.h>

#include "model/rg-roles.h"
#include "widgets/lock/rg-lock-page.h"
#include "widgets/rg-window.h"
#include "test-util.h"
#include "test-util-ui.h"

#define DIRECTOR 21
#define MASTER   23

typedef struct {
  char     *dir;
  char     *path;
  RgStudio *studio;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("regulars-lock-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "studio.db", NULL);
  f->studio = test_open_studio (f->path, RG_STORE_OPEN_DEFAULT);
  g_assert_true (rg_store_exec (rg_studio_get_store (f->studio),
                                "INSERT INTO staff (id, display_name, color, created_at, updated_at) VALUES "
                                " (21, 'Irina', '#3584e4', 1, 1), (22, 'Olga', '#e66100', 1, 1),"
                                " (23, 'Marina', '#2ec27e', 1, 1);",
                                &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->studio);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Director Irina 1234, master Marina 3456; nobody signed in. */
static void
make_profiles (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_studio_save_profile (f->studio, DIRECTOR, RG_ROLE_DIRECTOR, "1234", &error));
  g_assert_no_error (error);
  g_assert_true (rg_studio_save_profile (f->studio, MASTER, RG_ROLE_MASTER, "3456", &error));
  g_assert_no_error (error);
  rg_studio_sign_out (f->studio);
}

static RgWindow *
open_window (Fixture *f)
{
  RgWindow *window = rg_window_new (NULL, f->studio, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  test_spin (300);
  return window;
}

static RgLockPage *
lock_page (RgWindow *window)
{
  GtkWidget *page = test_find_child (GTK_WIDGET (window), RG_TYPE_LOCK_PAGE);

  g_assert_nonnull (page);
  return RG_LOCK_PAGE (page);
}

/* Runs the main loop until @done says so, or @ms pass. */
static gboolean
spin_until (gboolean (*done) (gpointer), gpointer data, guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (!done (data) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  return done (data);
}

static gboolean
entry_on (gpointer data)
{
  return gtk_editable_get_editable (GTK_EDITABLE (rg_lock_page_get_entry (data)));
}

static gboolean
locked (gpointer data)
{
  return rg_window_get_locked (data);
}

static void
enter_pin (RgLockPage *page,
           const char *pin)
{
  GtkWidget *entry = rg_lock_page_get_entry (page);

  gtk_editable_set_text (GTK_EDITABLE (entry), pin);
  g_signal_emit_by_name (entry, "activate");
  test_spin (50);
}

static void
test_unlock (Fixture       *f,
             gconstpointer  data)
{
  RgWindow *window;
  RgLockPage *page;

  make_profiles (f);
  window = open_window (f);
  /* Nobody is signed in: the lock page, not the studio. */
  g_assert_true (rg_window_get_locked (window));
  page = lock_page (window);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));
  test_save_shot (GTK_WIDGET (window), g_getenv ("REGULARS_SHOT_NAME") ? g_getenv ("REGULARS_SHOT_NAME") : "lock");

  /* Only digits go in. */
  g_assert_true (rg_lock_page_choose (page, MASTER));
  gtk_editable_insert_text (GTK_EDITABLE (rg_lock_page_get_entry (page)), "12ab", -1, &(int) { 0 });
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rg_lock_page_get_entry (page))), ==, "");

  /* A wrong PIN: said, and the entry off while the model makes the next
   * try wait. */
  enter_pin (page, "0000");
  g_assert_nonnull (strstr (rg_lock_page_get_message (page), "Wrong PIN"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (rg_lock_page_get_entry (page))));
  g_assert_true (rg_window_get_locked (window));
  g_assert_cmpint (rg_studio_get_session_staff (f->studio), ==, 0);
  {
    g_autofree char *shot = g_strdup_printf ("%s-wrong-pin",
                                             g_getenv ("REGULARS_SHOT_NAME") ? g_getenv ("REGULARS_SHOT_NAME") : "lock");

    test_save_shot (GTK_WIDGET (window), shot);
  }
  g_assert_true (spin_until (entry_on, page, 5000));

  /* The right one: the studio, signed in as Marina. */
  enter_pin (page, "3456");
  g_assert_false (rg_window_get_locked (window));
  g_assert_cmpint (rg_studio_get_session_staff (f->studio), ==, MASTER);

  /* A second without input: locked again, and signed out. */
  rg_window_set_lock_timeout (window, 1);
  g_assert_true (spin_until (locked, window, 3000));
  g_assert_cmpint (rg_studio_get_session_staff (f->studio), ==, 0);
  g_assert_cmpint (rg_lock_page_get_chosen (page), ==, 0);

  test_destroy_window (window);
}

static void
test_lock_hides_dialogs (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgWindow *window;
  GtkWidget *dialog;
  gpointer weak;

  make_profiles (f);
  window = open_window (f);
  g_assert_true (rg_studio_sign_in_trusted (f->studio, DIRECTOR, &error));
  g_assert_no_error (error);
  g_assert_false (rg_window_get_locked (window));

  dialog = gtk_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  test_spin (100);

  /* Ctrl+L: locked, signed out, the dialog not over the lock page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_true (rg_window_get_locked (window));
  g_assert_cmpint (rg_studio_get_session_staff (f->studio), ==, 0);
  g_assert_false (gtk_widget_get_visible (dialog));

  /* The same person back: the dialog too. */
  g_assert_true (rg_studio_sign_in_trusted (f->studio, DIRECTOR, &error));
  g_assert_false (rg_window_get_locked (window));
  g_assert_true (gtk_widget_get_visible (dialog));

  /* Someone else after the lock: it is closed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_false (gtk_widget_get_visible (dialog));
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (rg_studio_sign_in_trusted (f->studio, MASTER, &error));
  test_spin (100);
  g_assert_null (weak);

  test_destroy_window (window);
}

static void
test_no_profiles (Fixture       *f,
                  gconstpointer  data)
{
  RgWindow *window = open_window (f);

  /* A studio without profiles works as before: never locked. */
  g_assert_false (rg_window_get_locked (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  g_assert_false (rg_window_get_locked (window));
  rg_window_set_lock_timeout (window, 1);
  test_spin (1500);
  g_assert_false (rg_window_get_locked (window));
  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!test_ui_init (&argc, &argv))
    return 0;

  g_test_add ("/lock/unlock", Fixture, NULL, fixture_set_up, test_unlock, fixture_tear_down);
  g_test_add ("/lock/hides-dialogs", Fixture, NULL, fixture_set_up, test_lock_hides_dialogs, fixture_tear_down);
  g_test_add ("/lock/no-profiles", Fixture, NULL, fixture_set_up, test_no_profiles, fixture_tear_down);
  return g_test_run ();
}
