/* rg-import-command.h — `regulars --import clients|visits FILE`: the import
 * without a window, for scripts and for checking.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-import.h"
#include "model/rg-studio.h"

G_BEGIN_DECLS

typedef struct {
  const char *kind;        /* "clients" or "visits" */
  const char *file;
  gboolean    dry_run;     /* plan and report, write nothing */
  const char *duplicates;  /* NULL or "skip", "merge", "create" */
  const char *encoding;    /* NULL: detect */
  char        separator;   /* 0: detect */
  gboolean    json;
} RgImportCommand;

/* Reads, plans, and (unless a dry run) imports; the report goes to
 * @output (text, or one JSON object). Returns FALSE with @error when the
 * file cannot be read or the import cannot be written; rows with errors
 * are reported, not a failure. */
gboolean rg_import_command_run (RgStudio               *studio,
                                const RgImportCommand  *command,
                                char                  **output,
                                GError                **error);

G_END_DECLS
