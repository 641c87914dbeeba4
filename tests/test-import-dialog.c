/* test-import-dialog.c — a Windows-1251 export with ";" brought in through
 * the real main window: the columns guessed from the Russian header, every
 * row's fate shown (created, a duplicate of a card, of an earlier row, an
 * error, a field left empty), duplicates merged, nothing written before
 * Import, then everything in one go, and the window's Undo taking it back.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-util.h"
#include "test-util-ui.h"

#include <glib/gstdio.h>
#include <string.h>

#include "io/rg-import-map.h"
#include "model/rg-client.h"
#include "widgets/io/rg-import-dialog.h"
#include "widgets/rg-window.h"

static const char csv_text[] =
  "ФИО;Телефон;Дата рождения;Примечание\r\n"
  "Иванова Мария Петровна;+7 912 345-67-89;12.03.1990;\"постоянная; любит чай\"\r\n"
  "Петрова Ольга Ивановна;8 912 000-00-01;;\r\n"
  "Сидорова Анна;нет;;\r\n"
  "Козлова Елена;+7 912 345-67-80;31.02.1990;\r\n"
  "Иванова Мария;8 (912) 345-67-89;;вторая строка\r\n";

static GtkWidget *
find_suggested_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "suggested-action"))
        return child;
      if ((found = find_suggested_button (child)))
        return found;
    }
  return NULL;
}

static void
assert_contains (const char *text,
                 const char *fragment);

/* A row's status, checked and freed. */
static void
assert_status (RgImportDialog *dialog,
               guint           index,
               const char     *fragment)
{
  g_autofree char *status = rg_import_dialog_dup_row_status (dialog, index);

  assert_contains (status, fragment);
}

static void
assert_contains (const char *text,
                 const char *fragment)
{
  if (text == NULL || strstr (text, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", fragment);
}

static void
test_import_through_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("import-dialog-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "Клиенты.csv", NULL);
  g_autofree char *encoded = NULL;
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgClient) olga = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *summary = NULL;
  RgStore *store;
  RgWindow *window;
  RgImportDialog *dialog;
  GtkWidget *import;
  gsize length = 0;

  g_assert_no_error (error);
  encoded = g_convert (csv_text, -1, "WINDOWS-1251", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (csv, encoded, length, &error));

  studio = rg_studio_open (path, RG_STUDIO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  store = rg_studio_get_store (studio);
  /* A Russian studio: "8 912 ..." is +7 912 ... there. */
  g_assert_true (rg_store_set_setting (store, "phone-country", "7", &error));
  olga = rg_client_new ("Ольга", "+7 912 000-00-01");
  g_assert_true (rg_studio_save (studio, olga, &error));
  g_assert_no_error (error);

  window = rg_window_new (NULL, studio, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  file = g_file_new_for_path (csv);
  rg_window_import_file (window, RG_IMPORT_DIALOG_CLIENTS, file);
  dialog = (RgImportDialog *) test_find_toplevel (RG_TYPE_IMPORT_DIALOG, NULL);
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* The header read in Windows-1251, each column guessed. */
  g_assert_cmpuint (rg_import_dialog_get_n_columns (dialog), ==, 4);
  g_assert_cmpint (rg_import_dialog_get_column_field (dialog, 0), ==, RG_IMPORT_FIELD_FULL_NAME);
  g_assert_cmpint (rg_import_dialog_get_column_field (dialog, 1), ==, RG_IMPORT_FIELD_PHONE);
  g_assert_cmpint (rg_import_dialog_get_column_field (dialog, 2), ==, RG_IMPORT_FIELD_BIRTHDAY);
  g_assert_cmpint (rg_import_dialog_get_column_field (dialog, 3), ==, RG_IMPORT_FIELD_NOTES);
  g_assert_cmpuint (rg_import_dialog_get_n_rows (dialog), ==, 5);

  /* Each row says what will happen to it; nothing is written yet. */
  assert_status (dialog, 0, "Will be created");
  assert_status (dialog, 1, "Duplicate of Ольга’s card: skipped");
  assert_status (dialog, 2, "Error: ");
  assert_status (dialog, 3, "Will be created · ");
  assert_status (dialog, 4, "Duplicate of row 2: skipped");
  summary = rg_import_dialog_dup_summary (dialog);
  assert_contains (summary, "5 rows: 2 new clients, 2 duplicates skipped, 1 with errors");
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients", 0), ==, 1);

  /* Duplicates merged: into Ольга's card, and the repeated row into the
   * card its first row makes. */
  rg_import_dialog_set_duplicates (dialog, 1);
  assert_status (dialog, 1, "Will update the card of Ольга");
  assert_status (dialog, 4, "Will be merged with row 2");
  g_clear_pointer (&summary, g_free);
  summary = rg_import_dialog_dup_summary (dialog);
  assert_contains (summary, "2 new clients, 2 cards updated");

  /* A column chosen by hand: notes skipped, the plan made again. */
  rg_import_dialog_set_column_field (dialog, 3, RG_IMPORT_FIELD_SKIP);
  g_assert_cmpint (rg_import_dialog_get_column_field (dialog, 3), ==, RG_IMPORT_FIELD_SKIP);
  rg_import_dialog_set_column_field (dialog, 3, RG_IMPORT_FIELD_NOTES);
  test_save_shot (GTK_WIDGET (dialog), "import-dialog");

  /* Import: one go, the dialog gone, an undo offered. */
  import = find_suggested_button (GTK_WIDGET (dialog));
  g_assert_nonnull (import);
  g_assert_true (gtk_widget_get_sensitive (import));
  g_signal_emit_by_name (import, "clicked");
  g_assert_null (test_find_toplevel (RG_TYPE_IMPORT_DIALOG, NULL));

  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE deleted_at IS NULL", 0), ==, 3);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE address_as = 'Мария' AND "
                                        "notes LIKE '%любит чай%' AND notes LIKE '%вторая строка%'", 0), ==, 1);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE address_as = 'Елена' "
                                        "AND birth_day IS NULL", 0), ==, 1);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE id = ?1 AND "
                                        "full_name = 'Петрова Ольга Ивановна'", rg_record_get_id (RG_RECORD (olga))),
                   ==, 1);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM audit_log WHERE action = 'import' AND rows = 4 "
                                        "AND file = 'Клиенты.csv'", 0), ==, 1);

  /* The window's Undo (Ctrl+Z) removes exactly what came in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE deleted_at IS NULL", 0), ==, 1);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE id = ?1 AND full_name IS NULL",
                                 rg_record_get_id (RG_RECORD (olga))), ==, 1);

  test_destroy_window (window);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

/* A history of visits: the client found by phone or made from the name,
 * a service and a master the studio lacks created with them, a row that
 * cannot be history refused; undone as one. */
static void
test_visits_through_window (void)
{
  static const char visits_text[] =
    "Дата;Время;Телефон;Клиент;Услуга;Мастер;Цена\r\n"
    "12.03.2024;14:30;+7 912 000-00-01;Ольга;Стрижка;Анна;1 500\r\n"
    "13.03.2024;10:00;8 912 777-66-55;Зоя Новикова;Окрашивание;Анна;\"4500,00\"\r\n"
    "31.02.2024;10:00;8 912 777-66-55;Зоя Новикова;Стрижка;Анна;1500\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("import-dialog-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "studio.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "visits.csv", NULL);
  g_autoptr(RgStudio) studio = NULL;
  g_autoptr(RgClient) olga = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *summary = NULL;
  RgStore *store;
  RgWindow *window;
  RgImportDialog *dialog;
  GtkWidget *import;

  g_assert_true (g_file_set_contents (csv, visits_text, -1, &error));
  studio = rg_studio_open (path, RG_STUDIO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  store = rg_studio_get_store (studio);
  g_assert_true (rg_store_set_setting (store, "phone-country", "7", &error));
  olga = rg_client_new ("Ольга", "+7 912 000-00-01");
  g_assert_true (rg_studio_save (studio, olga, &error));

  window = rg_window_new (NULL, studio, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  file = g_file_new_for_path (csv);
  rg_window_import_file (window, RG_IMPORT_DIALOG_VISITS, file);
  dialog = (RgImportDialog *) test_find_toplevel (RG_TYPE_IMPORT_DIALOG, NULL);
  g_assert_nonnull (dialog);

  g_assert_cmpuint (rg_import_dialog_get_n_rows (dialog), ==, 3);
  g_assert_cmpint (rg_import_dialog_get_column_field (dialog, 0), ==, RG_IMPORT_FIELD_VISIT_DATE);
  g_assert_cmpint (rg_import_dialog_get_column_field (dialog, 4), ==, RG_IMPORT_FIELD_SERVICE);
  g_assert_cmpint (rg_import_dialog_get_column_field (dialog, 5), ==, RG_IMPORT_FIELD_MASTER);
  assert_status (dialog, 0, "Will be added to the history");
  assert_status (dialog, 1, "Will be added to the history");
  assert_status (dialog, 2, "Error: ");
  summary = rg_import_dialog_dup_summary (dialog);
  assert_contains (summary, "3 rows: 2 visits");
  test_save_shot (GTK_WIDGET (dialog), "import-visits");

  import = find_suggested_button (GTK_WIDGET (dialog));
  g_signal_emit_by_name (import, "clicked");
  g_assert_null (test_find_toplevel (RG_TYPE_IMPORT_DIALOG, NULL));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments WHERE status = 'done'", 0), ==, 2);
  g_assert_cmpint (test_sql_int (store, "SELECT sum(price) FROM appointments", 0), ==, 600000);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM services", 0), ==, 2);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients", 0), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM appointments", 0), ==, 0);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients WHERE deleted_at IS NULL", 0), ==, 1);

  test_destroy_window (window);
  g_clear_object (&studio);
  test_remove_tree (dir);
}

/* A phone's contacts.vcf (2.1 with quoted-printable names, 3.0, 4.0): every
 * contact a row, and all of them in. */
static void
test_vcard_through_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_autoptr(RgStudio) studio = rg_studio_new (store);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "contacts.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RgImportDialog *dialog;
  guint rows;

  g_assert_true (rg_store_set_setting (store, "phone-country", "7", &error));
  dialog = rg_import_dialog_new (NULL, studio, RG_IMPORT_DIALOG_CLIENTS, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  rows = rg_import_dialog_get_n_rows (dialog);
  g_assert_cmpuint (rows, ==, 4);
  for (guint i = 0; i < rows; i++)
    assert_status (dialog, i, "Will be created");
  g_assert_true (rg_import_dialog_run_import (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (store, "SELECT count(*) FROM clients", 0), ==, 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A file that is no table at all: the window says why, nothing opens. */
static void
test_unreadable_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStore) store = rg_store_open (":memory:", RG_STORE_OPEN_DEFAULT, &error);
  g_autoptr(RgStudio) studio = rg_studio_new (store);
  g_autofree char *dir = g_dir_make_tmp ("import-dialog-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "photo.csv", NULL);
  g_autoptr(GFile) file = NULL;
  RgImportDialog *dialog;

  g_assert_true (g_file_set_contents (png, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL));
  file = g_file_new_for_path (png);
  dialog = rg_import_dialog_new (NULL, studio, RG_IMPORT_DIALOG_CLIENTS, file, &error);
  g_assert_null (dialog);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/import-dialog/through-window", test_import_through_window);
  g_test_add_func ("/import-dialog/visits", test_visits_through_window);
  g_test_add_func ("/import-dialog/vcard", test_vcard_through_window);
  g_test_add_func ("/import-dialog/unreadable", test_unreadable_file);
  return g_test_run ();
}
