/* rg-io-decode.h — a file's bytes as UTF-8 text: the encoding detected (or
 * chosen), binaries and oversized files refused. Internal to src/io.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Refuses an empty file, one over RG_IO_MAX_FILE_SIZE and a known binary
 * (a workbook, an archive, an image, a PDF). */
gboolean  rg_io_check_bytes    (const guint8  *data,
                                gsize          size,
                                GError       **error);

/* The encoding @data announces with a byte order mark (RG_IO_ENCODING_*),
 * NULL when it has none; @bom_len receives the mark's length. */
const char *rg_io_detect_bom   (const guint8  *data,
                                gsize          size,
                                gsize         *bom_len);

/* @data as UTF-8 without a byte order mark, NUL-terminated (*@len without
 * it). @encoding NULL: detect (a mark, then UTF-16 by its zero bytes, then
 * valid UTF-8, else Windows-1251); *@detected receives the name (static, or
 * @encoding itself). Fails on undecodable bytes (naming the line) and on
 * text that holds NUL or too many control characters. */
char     *rg_io_decode         (const guint8  *data,
                                gsize          size,
                                const char    *encoding,
                                const char   **detected,
                                gsize         *len,
                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Whether @text (UTF-8, @len bytes) holds NUL or so many other control
 * characters that it is a binary rather than text. */
gboolean  rg_io_looks_binary   (const char    *text,
                                gsize          len);

G_END_DECLS
