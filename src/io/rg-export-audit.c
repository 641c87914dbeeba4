/* rg-export-audit.c — the audit log to CSV.
 *
 * Small enough to build in memory (a line is ~100 bytes: 100,000 rows are
 * ~10 MB), written beside the target, noted in the log, then renamed into
 * place: a refused or failed export leaves neither a file nor a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "model/rg-roles.h"
#include "rg-export-audit.h"

static void
cells (GString            *out,
       const char * const *texts,
       guint               n,
       char                separator)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      rg_export_csv_append_cell (out, texts[i], separator);
    }
  g_string_append (out, "\r\n");
}

gint64
rg_export_audit_log (RgStudio            *studio,
                     const char          *path,
                     RgExportFormat       format,
                     const RgAuditFilter *filter,
                     GError             **error)
{
  char separator = format == RG_EXPORT_CSV ? ';' : ',';
  const char *headers[] = {
    /* Translators: the columns of the exported audit log's CSV */
    C_("csv column", "When"),
    C_("csv column", "Who"),
    C_("csv column", "Computer account"),
    C_("csv column", "Action"),
    C_("csv column", "What"),
    C_("csv column", "Rows"),
    C_("csv column", "File"),
    C_("csv column", "Detail"),
  };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (studio), -1);
  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (format == RG_EXPORT_CSV || format == RG_EXPORT_CSV_COMMA, -1);

  if (!rg_studio_allowed (studio, RG_ACTION_AUDIT_LOG, 0, 0, error))
    return -1;
  entries = rg_studio_list_audit_filtered (studio, filter, 0, error);
  if (entries == NULL)
    return -1;

  out = g_string_sized_new (128 + entries->len * 100);
  if (format == RG_EXPORT_CSV)
    g_string_append (out, "\xEF\xBB\xBF");
  cells (out, headers, G_N_ELEMENTS (headers), separator);
  for (guint i = 0; i < entries->len; i++)
    {
      const RgAuditEntry *e = entries->pdata[i];
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (e->at);
      /* Local time as a spreadsheet reads a date and a time. */
      g_autofree char *when = at ? g_date_time_format (at, "%Y-%m-%d %H:%M:%S") : NULL;
      g_autofree char *rows = e->rows >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, e->rows) : NULL;
      const char *texts[] = { when, e->staff_name, e->actor, rg_audit_action_to_string (e->action), rg_audit_what_to_string (e->what),
                              rows, e->file, e->detail };

      cells (out, texts, G_N_ELEMENTS (texts), separator);
    }

  tmp_path = g_strdup_printf ("%s.part", path);
  if (!g_file_set_contents (tmp_path, out->str, out->len, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The audit log could not be written: %s"), local_error->message);
      g_unlink (tmp_path);
      return -1;
    }
  name = g_filename_display_basename (path);
  if (!rg_studio_audit (studio, RG_AUDIT_EXPORT, "audit_log", entries->len, name,
                        rg_export_format_to_string (format), &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Nothing was exported, because the studio could not note the export in its log: %s"),
                   local_error->message);
      g_unlink (tmp_path);
      return -1;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The audit log could not be written: %s"), g_strerror (saved));
      g_unlink (tmp_path);
      return -1;
    }
  return entries->len;
}
