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
#include "model/rg-studio-identity.h"
#include "widgets/lock/rg-approval-dialog.h"
#include "widgets/lock/rg-first-run.h"
#include "widgets/lock/rg-lock-page.h"
#include "widgets/lock/rg-pin-dialog.h"
#include "widgets/lock/rg-show-phone.h"
#include "widgets/studio/rg-staff-access.h"
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
  /* (The shots are taken in Russian too.) */
  g_assert_cmpstr (rg_lock_page_get_message (page), !=, "");
  if (g_getenv ("REGULARS_TEST_SHOTS") == NULL)
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

static void
asked_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  *(int *) data = rg_approval_dialog_ask_finish (result) ? 1 : 0;
}

/* A director's approval at the desk, asked by the master's till: a wrong
 * PIN is said and the dialog stays; the right one grants the override. */
static void
test_approval (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RgApprovalDialog *dialog;
  RgWindow *window;
  int answer = -1;

  make_profiles (f);
  window = open_window (f);
  g_assert_true (rg_studio_sign_in_trusted (f->studio, MASTER, &error));
  rg_approval_dialog_ask (GTK_WINDOW (window), f->studio, "A discount of 30 % needs a director.", asked_cb, &answer);
  dialog = (RgApprovalDialog *) test_find_toplevel (RG_TYPE_APPROVAL_DIALOG, NULL);
  g_assert_nonnull (dialog);
  test_spin (100);
  test_save_shot (GTK_WIDGET (dialog), "approval");
  /* Only directors are offered. */
  g_assert_false (rg_approval_dialog_choose (dialog, MASTER));
  g_assert_true (rg_approval_dialog_choose (dialog, DIRECTOR));

  rg_approval_dialog_approve (dialog, "9999");
  g_assert_nonnull (strstr (rg_approval_dialog_get_message (dialog), "Wrong PIN"));
  g_assert_cmpint (rg_studio_peek_override (f->studio), ==, 0);
  g_assert_cmpint (answer, ==, -1);

  /* The wait after a wrong PIN (2 s), then the right one. */
  test_spin (2100);
  rg_approval_dialog_approve (dialog, "1234");
  test_spin (50);
  g_assert_cmpint (answer, ==, 1);
  g_assert_cmpint (rg_studio_peek_override (f->studio), ==, DIRECTOR);
  g_assert_null (test_find_toplevel (RG_TYPE_APPROVAL_DIALOG, NULL));
  /* The master is still the one signed in. */
  g_assert_cmpint (rg_studio_get_session_staff (f->studio), ==, MASTER);

  /* Cancelled: FALSE, nothing granted. */
  rg_studio_drop_override (f->studio);
  answer = -1;
  rg_approval_dialog_ask (GTK_WINDOW (window), f->studio, NULL, asked_cb, &answer);
  dialog = (RgApprovalDialog *) test_find_toplevel (RG_TYPE_APPROVAL_DIALOG, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_spin (50);
  g_assert_cmpint (answer, ==, 0);
  g_assert_cmpint (rg_studio_peek_override (f->studio), ==, 0);

  test_destroy_window (window);
}

/* A new studio: the assistant names it, makes you its first member of
 * staff and, protected, its director with a PIN; the window does not
 * lock (you are signed in) until Ctrl+L, and then your PIN opens it. */
static void
test_first_run (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStudio) fresh = NULL;
  g_autofree char *path = g_build_filename (f->dir, "new.db", NULL);
  g_autofree char *name = NULL;
  g_autoptr(GArray) profiles = NULL;
  RgFirstRun *assistant;
  RgWindow *window;

  fresh = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  g_assert_true (rg_first_run_wanted (fresh));
  g_assert_false (rg_first_run_wanted (f->studio));   /* it has staff */
  window = rg_window_new (NULL, fresh, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  assistant = rg_first_run_present (GTK_WINDOW (window), fresh);
  test_spin (200);
  test_save_shot (GTK_WIDGET (assistant), "first-run");

  /* Refusals said, nothing written. */
  rg_first_run_fill (assistant, "Velvet", "", "1234", "1234");
  g_assert_nonnull (strstr (rg_first_run_get_message (assistant), "Your name"));
  rg_first_run_fill (assistant, "Velvet", "Irina", "1234", "1243");
  g_assert_nonnull (strstr (rg_first_run_get_message (assistant), "differ"));
  rg_first_run_fill (assistant, "Velvet", "Irina", "12", "12");
  g_assert_nonnull (strstr (rg_first_run_get_message (assistant), "4 to 8"));
  g_assert_false (rg_studio_has_profiles (fresh));

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  rg_first_run_fill (assistant, "Velvet", "Irina", "1234", "1234");
  test_spin (50);
  g_assert_null (assistant);
  name = rg_studio_dup_name (fresh);
  g_assert_cmpstr (name, ==, "Velvet");
  profiles = rg_studio_list_profiles (fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 1);
  g_assert_cmpstr (g_array_index (profiles, RgProfile, 0).name, ==, "Irina");
  g_assert_cmpint (g_array_index (profiles, RgProfile, 0).role, ==, RG_ROLE_DIRECTOR);
  g_assert_true (g_array_index (profiles, RgProfile, 0).has_pin);
  g_assert_false (rg_window_get_locked (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_true (rg_window_get_locked (window));
  g_assert_true (rg_lock_page_choose (lock_page (window), g_array_index (profiles, RgProfile, 0).staff_id));
  enter_pin (lock_page (window), "1234");
  g_assert_false (rg_window_get_locked (window));

  test_destroy_window (window);
}

/* Working without PINs: a solo master, no profile, never locked. */
static void
test_first_run_solo (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "solo.db", NULL);
  g_autoptr(RgStudio) fresh = test_open_studio (path, RG_STORE_OPEN_DEFAULT);
  RgFirstRun *assistant = rg_first_run_present (NULL, fresh);

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  rg_first_run_fill (assistant, NULL, "Marina", NULL, NULL);
  test_spin (50);
  g_assert_null (assistant);
  g_assert_false (rg_studio_has_profiles (fresh));
  g_assert_false (rg_first_run_wanted (fresh));
}

static gpointer
find_pin_dialog (void)
{
  return test_find_toplevel (RG_TYPE_PIN_DIALOG, NULL);
}

/* The Studio window's Staff Access page: the first profile is the
 * director's, made with a PIN; a master's profile next; the only
 * director cannot be demoted (the model's refusal, the row read back);
 * "No Profile" removes one. */
/* The page rebuilds its rows in an idle: under load a short spin ends on
 * its timeout before the idle's turn, so everything pending is run. */
static void
settle (void)
{
  test_spin (50);
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
test_staff_access (Fixture       *f,
                   gconstpointer  data)
{
  RgStaffAccess *page = g_object_ref_sink (rg_staff_access_new (f->studio));
  GtkWidget *window = gtk_window_new ();
  AdwComboRow *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  /* The first profile a master's: refused before any PIN is asked. */
  row = rg_staff_access_get_role_row (page, MASTER);
  g_assert_nonnull (row);
  adw_combo_row_set_selected (row, 3);
  settle ();
  g_assert_null (find_pin_dialog ());
  g_assert_false (rg_studio_has_profiles (f->studio));
  g_assert_cmpuint (adw_combo_row_get_selected (rg_staff_access_get_role_row (page, MASTER)), ==, 0);

  /* The director's, with a PIN typed twice. */
  adw_combo_row_set_selected (rg_staff_access_get_role_row (page, DIRECTOR), 1);
  g_assert_nonnull (find_pin_dialog ());
  rg_pin_dialog_enter (find_pin_dialog (), "1234", "4321");
  g_assert_nonnull (strstr (rg_pin_dialog_get_message (find_pin_dialog ()), "differ"));
  rg_pin_dialog_enter (find_pin_dialog (), "1234", "1234");
  settle ();
  g_assert_null (find_pin_dialog ());
  g_assert_true (rg_studio_has_profiles (f->studio));
  g_assert_cmpint (rg_studio_get_session_staff (f->studio), ==, DIRECTOR);
  g_assert_cmpuint (adw_combo_row_get_selected (rg_staff_access_get_role_row (page, DIRECTOR)), ==, 1);

  /* A master's, then the only director refused a demotion. */
  adw_combo_row_set_selected (rg_staff_access_get_role_row (page, MASTER), 3);
  rg_pin_dialog_enter (find_pin_dialog (), "3456", "3456");
  settle ();
  g_assert_cmpuint (adw_combo_row_get_selected (rg_staff_access_get_role_row (page, MASTER)), ==, 3);
  adw_combo_row_set_selected (rg_staff_access_get_role_row (page, DIRECTOR), 2);
  settle ();
  g_assert_cmpuint (adw_combo_row_get_selected (rg_staff_access_get_role_row (page, DIRECTOR)), ==, 1);
  test_save_shot (window, "staff-access");

  /* No Profile: the master's removed. */
  adw_combo_row_set_selected (rg_staff_access_get_role_row (page, MASTER), 0);
  settle ();
  {
    g_autoptr(GArray) profiles = rg_studio_list_profiles (f->studio, NULL);

    g_assert_cmpuint (profiles->len, ==, 1);
  }
  g_assert_false (gtk_widget_get_visible (rg_staff_access_get_pin_button (page, MASTER)));

  test_destroy_window (window);
  g_assert_finalize_object (page);
}

/* A master's "Show Phone…": on a client that is not theirs only, and it
 * asks a director's approval. */
static void
test_show_phone (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = rg_show_phone_button_new ();
  RgApprovalDialog *dialog;

  g_assert_true (rg_store_exec (rg_studio_get_store (f->studio),
                                "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, created_at, updated_at)"
                                " VALUES (11, 'Anna', 'anna', '+7 912 555-00-67', '79125550067', 1, 1),"
                                "        (12, 'Bella', 'bella', '+7 912 555-00-01', '79125550001', 1, 1);"
                                "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price,"
                                " created_at, updated_at) VALUES (51, 11, 21, 1700000000, 1700003600, 'done', 1, 1, 1),"
                                " (52, 12, 23, 1700000000, 1700003600, 'done', 1, 1, 1);",
                                &error));
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));

  /* No profiles: every phone is seen. */
  rg_show_phone_button_update (button, f->studio, 11);
  g_assert_false (gtk_widget_get_visible (button));
  make_profiles (f);
  g_assert_true (rg_studio_sign_in_trusted (f->studio, MASTER, &error));
  rg_show_phone_button_update (button, f->studio, 12);   /* Marina's own client */
  g_assert_false (gtk_widget_get_visible (button));
  rg_show_phone_button_update (button, f->studio, 11);   /* Irina's */
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (rg_studio_sign_in_trusted (f->studio, DIRECTOR, &error));
  rg_show_phone_button_update (button, f->studio, 11);
  g_assert_false (gtk_widget_get_visible (button));

  g_assert_true (rg_studio_sign_in_trusted (f->studio, MASTER, &error));
  rg_show_phone_button_update (button, f->studio, 11);
  g_signal_emit_by_name (button, "clicked");
  dialog = (RgApprovalDialog *) test_find_toplevel (RG_TYPE_APPROVAL_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_true (rg_approval_dialog_choose (dialog, DIRECTOR));
  rg_approval_dialog_approve (dialog, "1234");
  settle ();
  /* The phone shown in a dialog of its own. */
  g_assert_nonnull (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "unmasked-phone"));
  test_destroy_window (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "unmasked-phone"));
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
  g_test_add ("/lock/approval", Fixture, NULL, fixture_set_up, test_approval, fixture_tear_down);
  g_test_add ("/lock/first-run", Fixture, NULL, fixture_set_up, test_first_run, fixture_tear_down);
  g_test_add ("/lock/first-run-solo", Fixture, NULL, fixture_set_up, test_first_run_solo, fixture_tear_down);
  g_test_add ("/lock/staff-access", Fixture, NULL, fixture_set_up, test_staff_access, fixture_tear_down);
  g_test_add ("/lock/show-phone", Fixture, NULL, fixture_set_up, test_show_phone, fixture_tear_down);
  return g_test_run ();
}
