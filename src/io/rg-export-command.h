/* rg-export-command.h — `regulars --export clients|appointments|payroll FILE`: the
 * work of the command line, so the application only reads its options.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-studio.h"

G_BEGIN_DECLS

typedef struct {
  const char *kind;    /* "clients", "appointments" or "payroll" */
  const char *file;    /* where to write; NULL is refused */
  const char *format;  /* "csv", "csv-comma", "vcard", "ics"; NULL: by the file's extension */
  const char *from;    /* appointments, payroll: YYYY-MM-DD (the first of this month) */
  const char *to;      /* appointments, payroll: YYYY-MM-DD (the last day of --from's month) */
  const char *staff;   /* appointments, payroll: a master's name, a part of it or their number */
  gboolean    json;
} RgExportCommand;

/* Exports, and gives back what to print: a sentence, or one JSON object
 * with kind, file, rows and format. NULL with @error set (translated, in
 * words) when the options are wrong or the export failed. */
char *rg_export_command_run (RgStudio              *studio,
                             const RgExportCommand *command,
                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
