/* rg-csv.h — CSV as Excel and phones write it, into an RgTable.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-table.h"

G_BEGIN_DECLS

/* Reads @data: @encoding NULL detects it (a byte order mark; UTF-16 by its
 * zero bytes; valid UTF-8; else Windows-1251), else any name iconv knows or
 * RG_IO_ENCODING_*; @separator 0 detects ',' ';' or '\t' (and honours
 * Excel's "sep=;" first line). Quoted fields may hold separators, doubled
 * quotes and line breaks (kept as "\n"); lines end in CRLF, LF or CR; blank
 * lines and rows of empty cells are skipped; unquoted cells are trimmed of
 * spaces. Each row keeps the line its record starts on.
 * Errors: RG_IO_ERROR (EMPTY, ENCODING, NOT_TEXT, TOO_BIG, LINE_TOO_LONG,
 * PARSE), with a translated message that names the line. */
RgTable *rg_csv_read (GBytes      *data,
                      const char  *encoding,
                      char         separator,
                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* The separator rg_csv_read() would detect in @text (UTF-8, @len bytes):
 * ',' ';' or '\t'; ',' when every line has one column. */
char     rg_csv_detect_separator (const char *text,
                                  gsize       len);

G_END_DECLS
