/* test-export-dialog.c — the export dialogs without the file chooser: the
 * choices shown, the name suggested, and the export to a chosen file with
 * its ::finished (the toast's text, or what went wrong).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-export-dialog"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "model/rg-audit.h"
#include "model/rg-staff.h"
#include "widgets/io/rg-export-dialog.h"
#include "test-util.h"
#include "test-util-ui.h"

typedef struct {
  gboolean  done;
  gboolean  ok;
  char     *message;
} Finished;

static void
finished_cb (RgExportDialog *dialog,
             gboolean        ok,
             const char     *message,
             Finished       *finished)
{
  finished->done = TRUE;
  finished->ok = ok;
  g_free (finished->message);
  finished->message = g_strdup (message);
}

static void
export_to (RgExportDialog *dialog,
           const char     *path,
           Finished       *finished)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  finished->done = FALSE;
  rg_export_dialog_export_to (dialog, file);
  while (!finished->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_clients (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-export-dialog-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "Clients.csv", NULL);
  g_autofree char *vcf = g_build_filename (dir, "Clients.vcf", NULL);
  g_autofree char *today = rg_date_to_iso (rg_date_today ());
  g_autofree char *expected = g_strdup_printf ("Clients %s.csv", today);
  g_autofree char *expected_vcf = g_strdup_printf ("Clients %s.vcf", today);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RgStudio) studio = test_open_studio (db, RG_STORE_OPEN_DEFAULT);
  g_autoptr(RgClient) anna = test_add_client (studio, "Анна", "+7 912 345-67-89");
  g_autoptr(GPtrArray) audit = NULL;
  RgExportDialog *dialog = rg_export_dialog_new (NULL, studio, RG_EXPORT_DIALOG_CLIENTS);
  Finished finished = { 0 };
  GtkWidget *vcard_row;

  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* CSV for Excel unless another is chosen. */
  name = rg_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, expected);
  export_to (dialog, csv, &finished);
  g_assert_true (finished.ok);
  g_assert_cmpstr (finished.message, ==, "Exported 1 client to Clients.csv");
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Address as;"));

  /* vCard chosen: its row's check. */
  vcard_row = test_find_row (GTK_WIDGET (dialog), "vCard 4.0");
  g_assert_nonnull (vcard_row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_find_child (vcard_row, GTK_TYPE_CHECK_BUTTON)), TRUE);
  g_clear_pointer (&name, g_free);
  name = rg_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, expected_vcf);
  export_to (dialog, vcf, &finished);
  g_assert_true (finished.ok);
  g_assert_true (g_file_test (vcf, G_FILE_TEST_EXISTS));

  /* A folder that is not there: the message, no toast. */
  export_to (dialog, "/nonexistent-folder/Clients.csv", &finished);
  g_assert_false (finished.ok);
  g_assert_nonnull (strstr (finished.message, "does not exist"));

  audit = rg_studio_list_audit (studio, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);

  test_destroy_window (dialog);
  g_free (finished.message);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

static void
test_appointments (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regulars-export-dialog-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *ics = g_build_filename (dir, "Month.ics", NULL);
  g_autoptr(RgStudio) studio = test_open_studio (db, RG_STORE_OPEN_DEFAULT);
  g_autoptr(RgStaff) oleg = rg_staff_new ("Олег", RG_STAFF_ROLE_MASTER);
  RgDate today = rg_date_today ();
  RgDate next = { today.month == 12 ? today.year + 1 : today.year, today.month == 12 ? 1 : today.month + 1, 1 };
  g_autofree char *first = rg_date_to_iso ((RgDate) { today.year, today.month, 1 });
  g_autofree char *last = rg_date_to_iso (rg_date_add_days (next, -1));
  g_autofree char *expected = g_strdup_printf ("Appointments %s to %s.ics", first, last);
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *detail = NULL;
  RgExportDialog *dialog;
  Finished finished = { 0 };
  AdwComboRow *master;

  g_assert_true (rg_studio_save (studio, oleg, &error));
  g_assert_no_error (error);
  dialog = rg_export_dialog_new (NULL, studio, RG_EXPORT_DIALOG_APPOINTMENTS);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* This month, by default; every master or the one chosen. */
  name = rg_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, expected);
  master = ADW_COMBO_ROW (test_find_row (GTK_WIDGET (dialog), "Master"));
  g_assert_nonnull (master);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (master)), ==, 2);
  adw_combo_row_set_selected (master, 1);
  export_to (dialog, ics, &finished);
  g_assert_true (finished.ok);
  g_assert_cmpstr (finished.message, ==, "Exported 0 appointments to Month.ics");

  audit = rg_studio_list_audit (studio, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  detail = g_strdup_printf ("ics %s..%s master: Олег", first, last);
  g_assert_cmpstr (((RgAuditEntry *) audit->pdata[0])->detail, ==, detail);

  test_destroy_window (dialog);
  g_free (finished.message);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/export-dialog/clients", test_clients);
  g_test_add_func ("/export-dialog/appointments", test_appointments);
  return g_test_run ();
}
