/* rg-studio-rows.c — what the Studio window's money pages share.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "rg-studio-rows.h"

/* A refusal in a toast of the Studio window (a preferences window), long
 * enough to read. */
void
rg_studio_error_toast (GtkWidget    *page,
                       const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (page);
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 8);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
    }
  else
    g_message ("%s", error->message);
}

static void
clear_error_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

/* An entry row titled @title (a number's keyboard with @number) whose error
 * mark goes as soon as it is typed into. */
AdwEntryRow *
rg_studio_entry_row (const char *title,
                     gboolean    number)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (number)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect (row, "changed", G_CALLBACK (clear_error_cb), NULL);
  return ADW_ENTRY_ROW (row);
}
