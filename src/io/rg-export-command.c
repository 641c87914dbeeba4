/* rg-export-command.c — `regulars --export clients|appointments|payroll FILE`.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rg-export-command.h"
#include "rg-export.h"
#include "model/rg-record-list.h"
#include "model/rg-roles.h"
#include "model/rg-staff.h"
#include "util/rg-text.h"

static gboolean
read_day (const char  *text,
          const char  *option,
          RgDate       fallback,
          RgDate      *day,
          GError     **error)
{
  if (text == NULL)
    {
      *day = fallback;
      return TRUE;
    }
  if (!rg_date_from_iso (text, day))
    {
      g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                   /* Translators: %s is an option such as --from; YYYY-MM-DD stays as is */
                   _("%s takes a date as YYYY-MM-DD, such as 2026-03-01."), option);
      return FALSE;
    }
  return TRUE;
}

/* @text after --staff: a master's name in any case, a part of it that only
 * one name has, or the number scripts have from --json. */
static gboolean
find_master (RgStudio    *studio,
             const char  *text,
             gint64      *id,
             GError     **error)
{
  g_autoptr(RgRecordList) staff = rg_record_list_new_staff (studio, TRUE);
  g_autofree char *wanted = rg_text_sort_key (text);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) candidates = g_string_new (NULL);
  gboolean number = rg_text_all_digits (text);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (staff));
  guint n_partial = 0;
  gint64 partial = 0;

  *id = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) master = g_list_model_get_item (G_LIST_MODEL (staff), i);
      const char *name = rg_staff_get_display_name (master);
      gint64 master_id = rg_record_get_id (RG_RECORD (master));
      g_autofree char *folded = rg_text_sort_key (name);

      g_string_append_printf (names, "%s%s", names->len ? ", " : "", name);
      if ((number && master_id == g_ascii_strtoll (text, NULL, 10)) ||
          (!number && g_strcmp0 (folded, wanted) == 0))
        {
          *id = master_id;
          return TRUE;
        }
      if (!number && *wanted && strstr (folded, wanted))
        {
          partial = master_id;
          n_partial++;
          g_string_append_printf (candidates, "%s%s", candidates->len ? ", " : "", name);
        }
    }
  if (n_partial == 1)
    {
      *id = partial;
      return TRUE;
    }
  if (n_partial > 1)
    g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                 /* Translators: %s (1) is an option such as --staff, "%s" (2) what followed it, %s (3) the names */
                 _("%s “%s” could be any of: %s. Type more of the name."), "--staff", text, candidates->str);
  else
    g_set_error (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_NOT_FOUND,
                 /* Translators: %s (1) is an option such as --staff, "%s" (2) what followed it, %s (3) the names */
                 _("%s “%s” is not in this studio. It has: %s."), "--staff", text,
                 names->len ? names->str : "—");
  return FALSE;
}

static char *
to_json (const char     *kind,
         const char     *path,
         gint64          rows,
         RgExportFormat  format)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *file = g_filename_display_name (path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, rows);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, rg_export_format_to_string (format));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

char *
rg_export_command_run (RgStudio              *studio,
                       const RgExportCommand *command,
                       GError               **error)
{
  g_autofree char *path = NULL;
  g_autofree char *said = NULL;
  RgExportFormat format = RG_EXPORT_CSV;
  gboolean clients, payroll;
  gint64 rows;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (command != NULL, NULL);

  clients = g_strcmp0 (command->kind, "clients") == 0;
  payroll = g_strcmp0 (command->kind, "payroll") == 0;
  if (!clients && !payroll && g_strcmp0 (command->kind, "appointments") != 0)
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("--export takes clients, appointments or payroll."));
      return NULL;
    }
  /* Before --staff is looked up: its errors name the staff. */
  if (!rg_studio_allowed (studio, RG_ACTION_EXPORT, 0, 0, error))
    return NULL;
  if (command->file == NULL || *command->file == '\0')
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           clients ? _("--export clients needs the file to write, such as Clients.csv.")
                           : payroll ? _("--export payroll needs the file to write, such as Payroll.csv.")
                                     : _("--export appointments needs the file to write, such as Appointments.ics."));
      return NULL;
    }
  if (clients && (command->from || command->to || command->staff))
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("--from, --to and --staff go with --export appointments or payroll."));
      return NULL;
    }
  if (command->format != NULL && !rg_export_format_from_string (command->format, &format))
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("--format takes csv, csv-comma, vcard or vcard3 (clients), csv or csv-comma (payroll), or ics (appointments)."));
      return NULL;
    }
  if (command->format == NULL && !rg_export_format_for_file (command->file, &format))
    format = clients || payroll ? RG_EXPORT_CSV : RG_EXPORT_ICS;

  path = g_canonicalize_filename (command->file, NULL);
  if (clients)
    rows = rg_export_clients (studio, path, format, error);
  else
    {
      RgExportPeriod period = { 0 };
      RgDate today = rg_date_today ();

      if (!payroll && format != RG_EXPORT_ICS)
        {
          g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                               _("Appointments are exported as iCalendar (.ics)."));
          return NULL;
        }
      if (!read_day (command->from, "--from", (RgDate) { today.year, today.month, 1 }, &period.from, error))
        return NULL;
      {
        RgDate next_month = { period.from.month == 12 ? period.from.year + 1 : period.from.year,
                              period.from.month == 12 ? 1 : period.from.month + 1, 1 };

        if (!read_day (command->to, "--to", rg_date_add_days (next_month, -1), &period.to, error))
          return NULL;
      }
      if (command->staff != NULL && !find_master (studio, command->staff, &period.staff_id, error))
        return NULL;
      rows = payroll ? rg_export_payroll (studio, path, format, &period, error)
                     : rg_export_appointments (studio, path, &period, error);
    }
  if (rows < 0)
    return NULL;

  if (command->json)
    return to_json (command->kind, path, rows, format);
  said = rg_export_describe_result (command->kind, rows, path);
  /* Translators: %s (1) is "Exported 1,234 clients to Clients.csv", %s (2) a file format such as "CSV for Excel" */
  return g_strdup_printf (_("%s (%s)."), said, rg_export_format_describe (format));
}
