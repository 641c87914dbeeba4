/* rg-io-decode.c — a file's bytes as UTF-8 text.
 *
 * Excel in a Russian locale saves "CSV (semicolon delimited)" in
 * Windows-1251, "CSV UTF-8" with a byte order mark, and "Unicode text" in
 * UTF-16LE with a mark; phones write UTF-8. A mark decides; then UTF-16
 * without a mark shows itself by its zero bytes; then text that is valid
 * UTF-8 is UTF-8, and anything else is taken for Windows-1251, in which
 * every byte but 0x98 is a character.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rg-io-decode.h"
#include "rg-table.h"

static gboolean
has_prefix (const guint8 *data,
            gsize         size,
            const char   *magic,
            gsize         magic_len)
{
  return size >= magic_len && memcmp (data, magic, magic_len) == 0;
}

gboolean
rg_io_check_bytes (const guint8  *data,
                   gsize          size,
                   GError       **error)
{
  if (size == 0)
    {
      g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_EMPTY, _("The file is empty."));
      return FALSE;
    }
  if (size > RG_IO_MAX_FILE_SIZE)
    {
      g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_TOO_BIG,
                   _("The file is too big to import (%u MB; the limit is %u MB)."),
                   (guint) (size / (1024 * 1024)), (guint) (RG_IO_MAX_FILE_SIZE / (1024 * 1024)));
      return FALSE;
    }
  if (has_prefix (data, size, "PK\x03\x04", 4) || has_prefix (data, size, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    {
      g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_NOT_TEXT,
                   _("The file is a workbook or an archive (.xlsx, .xls, .ods, .zip), not text. "
                     "Open it in the spreadsheet and save it as CSV first."));
      return FALSE;
    }
  if (has_prefix (data, size, "%PDF", 4) || has_prefix (data, size, "\x89PNG", 4) ||
      has_prefix (data, size, "\xFF\xD8\xFF", 3) || has_prefix (data, size, "GIF8", 4) ||
      has_prefix (data, size, "SQLite format 3", 15))
    {
      g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_NOT_TEXT,
                   _("The file is not text (it is a document, an image or a database)."));
      return FALSE;
    }
  return TRUE;
}

const char *
rg_io_detect_bom (const guint8 *data,
                  gsize         size,
                  gsize        *bom_len)
{
  *bom_len = 0;
  if (has_prefix (data, size, "\xEF\xBB\xBF", 3))
    {
      *bom_len = 3;
      return RG_IO_ENCODING_UTF8_BOM;
    }
  if (has_prefix (data, size, "\xFF\xFE", 2))
    {
      *bom_len = 2;
      return RG_IO_ENCODING_UTF16LE;
    }
  if (has_prefix (data, size, "\xFE\xFF", 2))
    {
      *bom_len = 2;
      return RG_IO_ENCODING_UTF16BE;
    }
  return NULL;
}

/* UTF-16 without a mark: text in it has a zero in every other byte for
 * every ASCII character (digits, separators, line ends), and the other
 * high bytes are those of Cyrillic (0x04) or of punctuation (0x20, 0x21). */
static gboolean
is_text_high_byte (guint8 b)
{
  return b == 0x00 || b == 0x04 || b == 0x20 || b == 0x21;
}

static const char *
detect_utf16 (const guint8 *data,
              gsize         size)
{
  gsize n = MIN (size, 4096) & ~(gsize) 1;
  gsize zero_even = 0, zero_odd = 0, text_even = 0, text_odd = 0;
  gsize pairs = n / 2;

  if (n < 8)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
      text_even += is_text_high_byte (data[i]);
      text_odd += is_text_high_byte (data[i + 1]);
    }
  if (zero_odd * 4 >= pairs && zero_even == 0 && text_odd * 10 >= pairs * 9)
    return RG_IO_ENCODING_UTF16LE;
  if (zero_even * 4 >= pairs && zero_odd == 0 && text_even * 10 >= pairs * 9)
    return RG_IO_ENCODING_UTF16BE;
  return NULL;
}

/* The line (1 = the first) of byte @offset of @data in @encoding. */
static guint
line_at (const guint8 *data,
         gsize         size,
         gsize         offset,
         const char   *encoding)
{
  gboolean le = g_ascii_strcasecmp (encoding, RG_IO_ENCODING_UTF16LE) == 0;
  gboolean be = g_ascii_strcasecmp (encoding, RG_IO_ENCODING_UTF16BE) == 0;
  guint line = 1;

  offset = MIN (offset, size);
  if (le || be)
    {
      for (gsize i = 0; i + 1 < offset; i += 2)
        if ((le && data[i] == '\n' && data[i + 1] == 0) || (be && data[i] == 0 && data[i + 1] == '\n'))
          line++;
      return line;
    }
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

gboolean
rg_io_looks_binary (const char *text,
                    gsize       len)
{
  gsize n = MIN (len, 65536);
  gsize controls = 0;

  if (memchr (text, '\0', len) != NULL)
    return TRUE;
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        controls++;
    }
  /* A stray control character is a typo; one in fifty is a binary. */
  return controls > 0 && controls * 50 >= n;
}

/* The name iconv knows for one of ours. */
static const char *
iconv_name (const char *encoding)
{
  if (g_ascii_strcasecmp (encoding, RG_IO_ENCODING_UTF8_BOM) == 0 ||
      g_ascii_strcasecmp (encoding, "UTF-8 with BOM") == 0 ||
      g_ascii_strcasecmp (encoding, "UTF8") == 0)
    return RG_IO_ENCODING_UTF8;
  if (g_ascii_strcasecmp (encoding, "cp1251") == 0)
    return RG_IO_ENCODING_CP1251;
  return encoding;
}

char *
rg_io_decode (const guint8  *data,
              gsize          size,
              const char    *encoding,
              const char   **detected,
              gsize         *len,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *bom;
  const char *from;
  gsize bom_len = 0;
  gsize bytes_read = 0;
  gsize out_len = 0;
  char *text;

  if (!rg_io_check_bytes (data, size, error))
    return NULL;

  bom = rg_io_detect_bom (data, size, &bom_len);
  if (encoding != NULL)
    {
      *detected = encoding;
      from = iconv_name (encoding);
      /* A mark of the chosen encoding is not text. */
      if (bom == NULL || g_ascii_strcasecmp (iconv_name (bom), from) != 0)
        bom_len = 0;
    }
  else if (bom != NULL)
    {
      *detected = bom;
      from = iconv_name (bom);
    }
  else if ((from = detect_utf16 (data, size)) != NULL)
    {
      *detected = from;
    }
  else if (memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_NOT_TEXT,
                   _("The file is not text: it holds zero bytes (line %u)."),
                   line_at (data, size, (const guint8 *) memchr (data, '\0', size) - data, RG_IO_ENCODING_UTF8));
      return NULL;
    }
  else if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      *detected = from = RG_IO_ENCODING_UTF8;
    }
  else
    {
      *detected = from = RG_IO_ENCODING_CP1251;
    }

  data += bom_len;
  size -= bom_len;

  if (g_ascii_strcasecmp (from, RG_IO_ENCODING_UTF8) == 0)
    {
      const char *end = NULL;

      if (!g_utf8_validate_len ((const char *) data, size, &end))
        {
          g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_ENCODING,
                       _("Line %u is not UTF-8 text. Choose the file’s encoding."),
                       line_at (data, size, (const guint8 *) end - data, from));
          return NULL;
        }
      text = g_malloc (size + 1);
      memcpy (text, data, size);
      text[size] = '\0';
      out_len = size;
    }
  else
    {
      text = g_convert ((const char *) data, size, "UTF-8", from, &bytes_read, &out_len, &local_error);
      if (text == NULL)
        {
          if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
            g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_ENCODING,
                         _("The encoding “%s” is not known."), encoding ? encoding : from);
          else
            g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_ENCODING,
                         _("Line %u cannot be read as %s. Choose the file’s encoding."),
                         line_at (data, size, bytes_read, from), from);
          return NULL;
        }
      /* g_convert() stops quietly before a character cut at the end. */
      if (bytes_read < size)
        {
          g_free (text);
          g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_ENCODING,
                       _("The file ends in the middle of a character (line %u): it may be cut short, or its "
                         "encoding is not %s. Choose the file’s encoding."),
                       line_at (data, size, bytes_read, from), from);
          return NULL;
        }
    }

  if (rg_io_looks_binary (text, out_len))
    {
      g_free (text);
      g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_NOT_TEXT,
                   _("The file is not text: it holds control characters that text does not have."));
      return NULL;
    }

  *len = out_len;
  return text;
}
