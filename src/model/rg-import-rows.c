/* rg-import-rows.c — the rows an import reads, made and freed. GLib only,
 * so the readers' fuzz builds link it without the rest of the model.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "rg-import.h"

RgClientImportRow *
rg_client_import_row_new (guint line)
{
  RgClientImportRow *row = g_new0 (RgClientImportRow, 1);

  row->line = line;
  return row;
}

void
rg_client_import_row_free (RgClientImportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->address_as);
  g_free (row->full_name);
  g_free (row->phone);
  g_free (row->phone2);
  g_free (row->email);
  g_free (row->birthday);
  g_free (row->gender);
  g_free (row->notes);
  g_free (row->tags);
  g_free (row->source);
  g_clear_pointer (&row->fields, g_hash_table_unref);
  g_free (row);
}

RgVisitImportRow *
rg_visit_import_row_new (guint line)
{
  RgVisitImportRow *row = g_new0 (RgVisitImportRow, 1);

  row->line = line;
  return row;
}

void
rg_visit_import_row_free (RgVisitImportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->date);
  g_free (row->time);
  g_free (row->phone);
  g_free (row->client_name);
  g_free (row->service);
  g_free (row->master);
  g_free (row->price);
  g_free (row);
}
