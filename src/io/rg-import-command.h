/* rg-import-command.h — `regulars --import clients|visits FILE`: the import
 * without a window, for scripts and for checking.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "io/rg-import-map.h"
#include "io/rg-table.h"
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

/* The columns of @table as rg_import_guess_columns() guesses them, the
 * studio's own fields (by name) included; free with g_free(). */
RgImportColumn *rg_import_guess_for_studio (RgStudio *studio,
                                            RgTable  *table,
                                            gboolean  has_header,
                                            gboolean  visits,
                                            guint    *n_columns) G_GNUC_WARN_UNUSED_RESULT;

/* Reads, plans, and (unless a dry run) imports; the report goes to
 * @output (text, or one JSON object). Returns FALSE with @error when the
 * file cannot be read or the import cannot be written; rows with errors
 * are reported, not a failure. */
gboolean rg_import_command_run (RgStudio               *studio,
                                const RgImportCommand  *command,
                                char                  **output,
                                GError                **error);

G_END_DECLS
