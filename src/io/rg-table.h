/* rg-table.h — a table of text cells read from a file (CSV, vCard), with the
 * line each row starts on and what the reader detected; and the errors of
 * the readers (RG_IO_ERROR).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RG_IO_ERROR (rg_io_error_quark ())

typedef enum {
  RG_IO_ERROR_EMPTY,          /* no rows at all */
  RG_IO_ERROR_ENCODING,       /* not readable in the detected or the chosen encoding */
  RG_IO_ERROR_NOT_TEXT,       /* binary: NUL bytes, a workbook, an image */
  RG_IO_ERROR_TOO_BIG,        /* the file, or its number of rows, over the limit */
  RG_IO_ERROR_LINE_TOO_LONG,  /* one field or one record over the limit */
  RG_IO_ERROR_PARSE,          /* an unterminated quote, a vCard without END, ... */
} RgIoError;

GQuark rg_io_error_quark (void);

/* The readers' limits. */
#define RG_IO_MAX_FILE_SIZE   (200 * 1024 * 1024)  /* bytes of a file */
#define RG_IO_MAX_FIELD_SIZE  (1024 * 1024)        /* bytes of one field, and of one record */
#define RG_IO_MAX_ROWS        1000000

/* Encoding names a table reports (and the readers accept as overrides,
 * besides any name iconv knows). */
#define RG_IO_ENCODING_UTF8      "UTF-8"
#define RG_IO_ENCODING_UTF8_BOM  "UTF-8-BOM"
#define RG_IO_ENCODING_CP1251    "windows-1251"
#define RG_IO_ENCODING_UTF16LE   "UTF-16LE"
#define RG_IO_ENCODING_UTF16BE   "UTF-16BE"

#define RG_TYPE_TABLE (rg_table_get_type ())

typedef struct _RgTable RgTable;

GType        rg_table_get_type        (void) G_GNUC_CONST;
RgTable     *rg_table_new             (void) G_GNUC_WARN_UNUSED_RESULT;
RgTable     *rg_table_ref             (RgTable     *self);
void         rg_table_unref           (RgTable     *self);

/* Takes @cells (NULL-terminated, UTF-8; may be shorter or longer than other
 * rows). @line: the file's line the row starts on, 1 = the first. */
void         rg_table_append_row      (RgTable     *self,
                                       guint        line,
                                       GStrv        cells);
guint        rg_table_get_n_rows      (RgTable     *self);
/* The widest row's number of cells. */
guint        rg_table_get_n_columns   (RgTable     *self);
const char * const *rg_table_get_row  (RgTable     *self,
                                       guint        row);
guint        rg_table_get_row_length  (RgTable     *self,
                                       guint        row);
/* NULL when @row is shorter than @column + 1. */
const char  *rg_table_get_cell        (RgTable     *self,
                                       guint        row,
                                       guint        column);
guint        rg_table_get_line        (RgTable     *self,
                                       guint        row);

/* RG_IO_ENCODING_*, or the name given to the reader. */
const char  *rg_table_get_encoding    (RgTable     *self);
void         rg_table_set_encoding    (RgTable     *self,
                                       const char  *encoding);
/* ',' ';' '\t' (a one-column CSV: ','); 0 for a vCard. */
char         rg_table_get_separator   (RgTable     *self);
void         rg_table_set_separator   (RgTable     *self,
                                       char         separator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgTable, rg_table_unref)

G_END_DECLS
