/* test-backup-window.c — Back Up Now and Restore from the window, without
 * the native file chooser.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "model/rg-audit.h"
#include "model/rg-backup.h"
#include "widgets/rg-application.h"
#include "widgets/rg-window.h"
#include "test-util.h"
#include "test-util-ui.h"

#define NOW 1796040000

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static RgWindow *
find_window (const char *path)
{
  GList *toplevels = gtk_window_list_toplevels ();
  RgWindow *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (RG_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      {
        g_autoptr(RgStudio) studio = NULL;

        g_object_get (l->data, "studio", &studio, NULL);
        if (g_strcmp0 (rg_studio_get_path (studio), path) == 0)
          found = l->data;
      }
  g_list_free (toplevels);
  return found;
}

static void
test_restore_flow (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = test_make_demo ("backup-window", "en", NOW);
  g_autofree char *dir = g_path_get_dirname (demo);
  g_autofree char *backup = g_build_filename (dir, "by-hand" RG_BACKUP_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (backup);
  g_autoptr(RgApplication) app = rg_application_new ();
  g_autoptr(GAsyncResult) result = NULL;
  RgStudio *studio;
  GWeakRef old_studio;
  RgWindow *window;
  GtkWindow *dialog;
  gint64 n_clients;

  g_application_set_application_id (G_APPLICATION (app), "org.regulars.Regulars.BackupTest");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  rg_application_open_studio_async (app, demo, FALSE, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  studio = rg_application_open_studio_finish (app, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);  /* its task keeps the studio */
  window = rg_window_new (app, studio, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  n_clients = test_sql_int (rg_studio_get_store (studio), "SELECT count(*) FROM clients WHERE deleted_at IS NULL", 0);

  /* Back Up Now, in a thread: the window goes on; the file, then its line
   * in the audit log. */
  rg_window_backup_to_file (window, file);
  for (int i = 0; i < 500 && test_sql_int (rg_studio_get_store (studio),
                                           "SELECT count(*) FROM audit_log WHERE action = 'backup'", 0) == 0; i++)
    test_spin (20);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* A client added after it, which the restore takes back. */
  {
    g_autoptr(RgClient) client = test_add_client (studio, "After the Backup", "+7 912 000-00-09");
  }

  /* Restore: what the file holds, and that the studio is kept first. */
  rg_window_restore_from_file (window, file);
  for (int i = 0; i < 500 && (dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "restore-backup")) == NULL; i++)
    test_spin (20);
  g_assert_nonnull (dialog);
  {
    const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
    g_autofree char *clients = g_strdup_printf ("%" G_GINT64_FORMAT " clients", n_clients);

    g_assert_nonnull (strstr (body, clients));
    g_assert_nonnull (strstr (body, "visits"));
    g_assert_nonnull (strstr (body, "kept first"));
  }
  if (g_getenv ("RG_SCREENSHOT"))
    test_spin (60000);

  g_weak_ref_init (&old_studio, studio);
  g_clear_object (&studio);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");

  /* The window closes; one on the restored studio opens. */
  for (int i = 0; i < 1000; i++)
    {
      RgWindow *now = find_window (demo);

      if (now && now != window)
        break;
      window = now ? window : NULL;
      test_spin (20);
    }
  window = find_window (demo);
  g_assert_nonnull (window);
  /* Restored, not refused. */
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "studio-not-opened");
  if (dialog)
    g_error ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_null (g_weak_ref_get (&old_studio));
  g_weak_ref_clear (&old_studio);
  g_object_get (window, "studio", &studio, NULL);
  g_assert_cmpint (test_sql_int (rg_studio_get_store (studio), "SELECT count(*) FROM clients WHERE deleted_at IS NULL",
                                 0), ==, n_clients);
  {
    g_autoptr(GPtrArray) audit = rg_studio_list_audit (studio, 1, &error);

    g_assert_cmpstr (((RgAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, RG_AUDIT_RESTORE);
  }
  g_clear_object (&studio);
  {
    g_autofree char *kept = g_build_filename (dir, "backups", NULL);
    g_autoptr(GDir) folder = g_dir_open (kept, 0, NULL);
    const char *name = folder ? g_dir_read_name (folder) : NULL;

    g_assert_nonnull (name);
    g_assert_true (g_str_has_prefix (name, "before-restore-"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  test_spin (50);
  g_clear_object (&app);
  test_remove_demo (demo);
}

int
main (int   argc,
      char *argv[])
{
  if (!test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/backup-window/restore-flow", test_restore_flow);
  return g_test_run ();
}
