/* rg-certificate-print.c — a gift certificate on paper through
 * GtkPrintOperation, or saved as a PDF; both draw with
 * rg_certificate_draw(), the studio's name as it is now.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-certificate"

#include "config.h"

#include <glib/gi18n.h>

#include "model/rg-studio-identity.h"
#include "report/rg-certificate-draw.h"
#include "rg-certificate-print.h"

/* What the drawing needs, owned. */
typedef struct {
  RgCertificatePrint  print;
  char               *studio_name;
  char               *number;
  char               *service;
  GtkWindow          *parent;
} Job;

static void
job_free (Job *job)
{
  g_free (job->studio_name);
  g_free (job->number);
  g_free (job->service);
  g_clear_object (&job->parent);
  g_free (job);
}

static Job *
job_new (GtkWindow                *parent,
         RgStudio                 *studio,
         const RgCertificateEntry *certificate)
{
  Job *job = g_new0 (Job, 1);

  job->studio_name = rg_studio_dup_name (studio);
  job->number = g_strdup (certificate->number);
  job->service = g_strdup (certificate->service);
  job->parent = parent ? g_object_ref (parent) : NULL;
  job->print.studio_name = job->studio_name;
  job->print.number = job->number;
  job->print.amount = certificate->amount;
  job->print.service = job->service;
  job->print.expires_at = certificate->expires_at;
  return job;
}

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
              Job               *job)
{
  rg_certificate_draw (gtk_print_context_get_cairo_context (context), &job->print,
                       gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

void
rg_certificate_print (GtkWindow                *parent,
                      RgStudio                 *studio,
                      const RgCertificateEntry *certificate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autofree char *name = NULL;
  Job *job = job_new (parent, studio, certificate);

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* Translators: the print job's name, with the certificate's number */
  name = g_strdup_printf (_("Gift Certificate %s"), certificate->number);
  gtk_print_operation_set_job_name (operation, name);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), job,
                         (GClosureNotify) (void (*) (void)) job_free, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    tell (parent, _("The Certificate Was Not Printed"), error->message);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  Job             *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path && !rg_certificate_write_pdf (&job->print, path, &error))
        tell (job->parent, _("The Certificate Was Not Saved"), error->message);
    }
  g_object_unref (chooser);
  job_free (job);
}

void
rg_certificate_save_pdf (GtkWindow                *parent,
                         RgStudio                 *studio,
                         const RgCertificateEntry *certificate)
{
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  Job *job = job_new (parent, studio, certificate);

  chooser = gtk_file_chooser_native_new (_("Save the Certificate as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* Translators: the PDF's file name, with the certificate's number */
  name = g_strdup_printf (_("Gift Certificate %s.pdf"), certificate->number);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
