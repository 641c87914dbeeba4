/* rg-import-command.c — `regulars --import`.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rg-csv.h"
#include "rg-import-command.h"
#include "rg-import-map.h"
#include "rg-table.h"
#include "rg-vcard.h"
#include "model/rg-custom-field.h"
#include "model/rg-record-list.h"
#include "model/rg-roles.h"

static const char *
separator_key (char separator)
{
  switch (separator)
    {
    case ';': return ";";
    case ',': return ",";
    case '\t': return "\t";
    default: return "";
    }
}

static const char *
separator_words (char separator)
{
  switch (separator)
    {
    case ';': return _("semicolon");
    case ',': return _("comma");
    case '\t': return _("tab");
    default: return _("none");
    }
}

RgImportColumn *
rg_import_guess_for_studio (RgStudio *studio,
                            RgTable  *table,
                            gboolean  has_header,
                            gboolean  visits,
                            guint    *n_columns)
{
  g_autoptr(RgRecordList) fields = rg_record_list_new_custom_fields (studio, FALSE);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fields));
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree gint64 *ids = g_new0 (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCustomField) field = g_list_model_get_item (G_LIST_MODEL (fields), i);

      names[i] = rg_custom_field_get_name (field);  /* the list keeps the field */
      ids[i] = rg_record_get_id (RG_RECORD (field));
    }
  return rg_import_guess_columns (table, has_header, visits, names, ids, n_columns);
}

typedef struct {
  guint       line;
  const char *name;
  const char *phone;
  GPtrArray  *problems;
  gboolean    fatal;
} ReportRow;

static void
add_problem_rows (JsonBuilder *b,
                  GString     *text,
                  const char  *member,
                  GArray      *rows,
                  gboolean     fatal)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      const ReportRow *row = &g_array_index (rows, ReportRow, i);

      for (guint j = 0; row->problems && j < row->problems->len; j++)
        {
          const RgImportProblem *p = row->problems->pdata[j];

          if (p->fatal != fatal)
            continue;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "row");
          json_builder_add_int_value (b, row->line);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, row->name ? row->name : "");
          json_builder_set_member_name (b, "phone");
          json_builder_add_string_value (b, row->phone ? row->phone : "");
          json_builder_set_member_name (b, "field");
          json_builder_add_string_value (b, p->column ? p->column : "");
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, p->code);
          json_builder_set_member_name (b, "reason");
          json_builder_add_string_value (b, p->message);
          json_builder_end_object (b);

          /* Translators: a line of the import's report: the row's number, name, phone, and what is wrong */
          g_string_append_printf (text, fatal ? _("  Row %u (%s, %s): %s\n") : _("  Row %u (%s, %s): %s — left empty\n"),
                                  row->line, row->name && *row->name ? row->name : "—",
                                  row->phone && *row->phone ? row->phone : "—", p->message);
        }
    }
  json_builder_end_array (b);
}

gboolean
rg_import_command_run (RgStudio               *studio,
                       const RgImportCommand  *command,
                       char                  **output,
                       GError                **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RgTable) table = NULL;
  g_autofree RgImportColumn *columns = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RgClientImport) clients = NULL;
  g_autoptr(RgVisitImport) visits = NULL;
  g_autoptr(GArray) report_rows = g_array_new (FALSE, TRUE, sizeof (ReportRow));
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) errors_text = g_string_new (NULL);
  g_autoptr(GString) warnings_text = g_string_new (NULL);
  g_autofree char *basename = NULL;
  RgImportCounts counts = { 0 };
  gboolean visits_kind, vcard, has_header;
  guint n_columns;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (command->file != NULL, FALSE);

  if (g_strcmp0 (command->kind, "clients") == 0)
    visits_kind = FALSE;
  else if (g_strcmp0 (command->kind, "visits") == 0)
    visits_kind = TRUE;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--import takes “clients” or “visits”, not “%s”."), command->kind ? command->kind : "");
      return FALSE;
    }

  if (!rg_studio_allowed (studio, RG_ACTION_IMPORT, 0, 0, error))
    return FALSE;
  file = g_file_new_for_commandline_arg (command->file);
  basename = g_file_get_basename (file);
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;

  vcard = !visits_kind && rg_vcard_sniff (command->file, bytes);
  table = vcard ? rg_vcard_read (bytes, error)
                : rg_csv_read (bytes, command->encoding, command->separator, error);
  if (table == NULL)
    return FALSE;

  has_header = rg_import_guess_has_header (table);
  columns = rg_import_guess_for_studio (studio, table, has_header, visits_kind, &n_columns);

  if (!visits_kind)
    {
      RgImportDuplicates choice = RG_IMPORT_DUPLICATES_SKIP;

      if (g_strcmp0 (command->duplicates, "merge") == 0)
        choice = RG_IMPORT_DUPLICATES_MERGE;
      else if (g_strcmp0 (command->duplicates, "create") == 0)
        choice = RG_IMPORT_DUPLICATES_CREATE;
      else if (command->duplicates != NULL && g_strcmp0 (command->duplicates, "skip") != 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--duplicates takes “skip”, “merge” or “create”, not “%s”."), command->duplicates);
          return FALSE;
        }
      rows = rg_import_map_clients (table, has_header, columns, n_columns);
      if (!rg_import_check_rows (rows, error))
        return FALSE;
      clients = rg_client_import_new (studio, g_steal_pointer (&rows), error);
      if (clients == NULL)
        return FALSE;
      rg_client_import_set_duplicates (clients, -1, choice);
      for (guint i = 0; i < rg_client_import_get_n_rows (clients); i++)
        {
          ReportRow row = {
            rg_client_import_get_row (clients, i)->line,
            rg_client_import_get_name (clients, i),
            rg_client_import_get_phone (clients, i),
            rg_client_import_get_problems (clients, i),
            rg_client_import_get_action (clients, i) == RG_IMPORT_ERROR,
          };
          g_array_append_val (report_rows, row);
        }
      rg_client_import_count (clients, &counts);
    }
  else
    {
      if (command->duplicates != NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--duplicates goes with --import clients."));
          return FALSE;
        }
      rows = rg_import_map_visits (table, has_header, columns, n_columns);
      if (!rg_import_check_rows (rows, error))
        return FALSE;
      visits = rg_visit_import_new (studio, g_steal_pointer (&rows), error);
      if (visits == NULL)
        return FALSE;
      for (guint i = 0; i < rg_visit_import_get_n_rows (visits); i++)
        {
          const RgVisitImportRow *r = rg_visit_import_get_row (visits, i);
          ReportRow row = {
            r->line, r->client_name, r->phone, rg_visit_import_get_problems (visits, i),
            rg_visit_import_get_action (visits, i) == RG_IMPORT_ERROR,
          };
          g_array_append_val (report_rows, row);
        }
      rg_visit_import_count (visits, &counts);
    }

  if (!command->dry_run && counts.created + counts.updated > 0)
    {
      gboolean ok = clients ? rg_studio_import_clients (studio, clients, basename, &counts, NULL, error)
                            : rg_studio_import_visits (studio, visits, basename, &counts, NULL, error);
      if (!ok)
        return FALSE;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, visits_kind ? "visits" : "clients");
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, basename);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, vcard ? "vcard" : "csv");
  json_builder_set_member_name (b, "encoding");
  json_builder_add_string_value (b, rg_table_get_encoding (table));
  json_builder_set_member_name (b, "separator");
  json_builder_add_string_value (b, vcard ? "" : separator_key (rg_table_get_separator (table)));
  json_builder_set_member_name (b, "dry_run");
  json_builder_add_boolean_value (b, command->dry_run);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, counts.rows);
  json_builder_set_member_name (b, "created");
  json_builder_add_int_value (b, counts.created);
  json_builder_set_member_name (b, "updated");
  json_builder_add_int_value (b, counts.updated);
  json_builder_set_member_name (b, "duplicates");
  json_builder_add_int_value (b, counts.duplicates);
  add_problem_rows (b, errors_text, "errors", report_rows, TRUE);
  add_problem_rows (b, warnings_text, "warnings", report_rows, FALSE);
  json_builder_end_object (b);

  if (command->json)
    {
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (b);

      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      *output = json_generator_to_data (gen, NULL);
      return TRUE;
    }

  if (vcard)
    /* Translators: the first line of --import's report: the file and its encoding */
    g_string_append_printf (text, _("%s: vCard, %s\n"), basename, rg_table_get_encoding (table));
  else
    /* Translators: the first line of --import's report: the file, its encoding and the separator */
    g_string_append_printf (text, _("%s: CSV, %s, separated by %s\n"), basename, rg_table_get_encoding (table),
                            separator_words (rg_table_get_separator (table)));
  if (command->dry_run)
    g_string_append (text, _("A dry run: nothing was written.\n"));
  g_string_append_printf (text, "  %s %u\n", _("Rows:"), counts.rows);
  g_string_append_printf (text, "  %s %u\n", command->dry_run ? _("Would be created:") : _("Created:"), counts.created);
  if (!visits_kind)
    g_string_append_printf (text, "  %s %u\n", command->dry_run ? _("Would update cards:") : _("Cards updated:"),
                            counts.updated);
  g_string_append_printf (text, "  %s %u\n", _("Duplicates skipped:"), counts.duplicates);
  g_string_append_printf (text, "  %s %u\n", _("Rows with errors:"), counts.errors);
  if (errors_text->len > 0)
    g_string_append (text, errors_text->str);
  g_string_append_printf (text, "  %s %u\n", _("Rows with a field left empty:"), counts.warnings);
  if (warnings_text->len > 0)
    g_string_append (text, warnings_text->str);
  if (counts.duplicates > 0 && !visits_kind && command->duplicates == NULL)
    g_string_append (text, _("Duplicates were skipped; --duplicates merge or --duplicates create says otherwise.\n"));
  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  *output = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}
