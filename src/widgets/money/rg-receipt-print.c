/* rg-receipt-print.c — a receipt on paper through GtkPrintOperation, or
 * saved as a PDF; both draw with rg_receipt_draw().
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-receipt"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-sale.h"
#include "report/rg-receipt-draw.h"
#include "rg-receipt-print.h"

static void
tell (GtkWindow  *parent,
      const char *heading,
      const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              RgReceipt         *receipt)
{
  rg_receipt_draw (gtk_print_context_get_cairo_context (context), receipt,
                   gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

void
rg_receipt_print (GtkWindow *parent,
                  RgStudio  *studio,
                  gint64     sale_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *name = NULL;
  RgReceipt *receipt = rg_studio_read_receipt (studio, sale_id, &error);

  if (receipt == NULL)
    {
      tell (parent, _("The Receipt Cannot Be Read"), error->message);
      return;
    }
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* Translators: the print job's and the PDF's name, with the receipt's number */
  name = g_strdup_printf (_("Receipt %lld"), (long long) receipt->number);
  gtk_print_operation_set_job_name (operation, name);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), receipt,
                         (GClosureNotify) (void (*) (void)) rg_receipt_free, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    tell (parent, _("The Receipt Was Not Printed"), error->message);
}

typedef struct {
  GtkWindow *parent;
  RgReceipt *receipt;
} Saving;

static void
saving_free (Saving *saving)
{
  g_clear_object (&saving->parent);
  rg_receipt_free (saving->receipt);
  g_free (saving);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  Saving          *saving)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path && !rg_receipt_write_pdf (saving->receipt, path, &error))
        tell (saving->parent, _("The Receipt Was Not Saved"), error->message);
    }
  g_object_unref (chooser);
  saving_free (saving);
}

void
rg_receipt_save_pdf (GtkWindow *parent,
                     RgStudio  *studio,
                     gint64     sale_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  Saving *saving;
  RgReceipt *receipt = rg_studio_read_receipt (studio, sale_id, &error);

  if (receipt == NULL)
    {
      tell (parent, _("The Receipt Cannot Be Read"), error->message);
      return;
    }
  saving = g_new0 (Saving, 1);
  saving->parent = parent ? g_object_ref (parent) : NULL;
  saving->receipt = receipt;
  chooser = gtk_file_chooser_native_new (_("Save the Receipt as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* Translators: the PDF's file name, with the receipt's number */
  name = g_strdup_printf (_("Receipt %lld.pdf"), (long long) receipt->number);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), saving);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
