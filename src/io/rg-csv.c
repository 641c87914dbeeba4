/* rg-csv.c — CSV as Excel and phones write it, read with libcsv.
 *
 * The text is decoded to UTF-8 first (rg-io-decode.c), then fed to libcsv a
 * physical line at a time (a long line in pieces), so that every record
 * knows the line it starts on and a field that grows past the limit is
 * stopped after a piece rather than at the end of a 10 MB line. libcsv runs
 * lenient (a stray quote inside an unquoted field is kept, as Excel reads
 * it), but a quote left open at the end of the file is an error naming the
 * line where it opened.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-io"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "rg-csv.h"
#include "rg-io-decode.h"

/* libcsv's parser states (libcsv.c; struct csv_parser is public, these are
 * not): a record has not begun; a field has. The tests of line numbers and
 * of an unterminated quote fail if they ever change. */
#define CSV_ROW_NOT_BEGUN 0
#define CSV_FIELD_BEGUN   2

#define FEED_PIECE      (64 * 1024)
#define DETECT_RECORDS  50
#define DETECT_BYTES    (1024 * 1024)

typedef struct {
  RgTable   *table;
  GPtrArray *cells;         /* of char *, the record being read */
  gsize      record_bytes;
  guint      line;          /* the physical line being fed */
  guint      record_line;   /* the line the current record starts on */
  GError    *error;
} CsvReader;

static int
space_cb (unsigned char c)
{
  return c == ' ';
}

static int
term_cb (unsigned char c)
{
  return c == '\n' || c == '\r';
}

static void
set_too_long (CsvReader *reader)
{
  if (reader->error == NULL)
    g_set_error (&reader->error, RG_IO_ERROR, RG_IO_ERROR_LINE_TOO_LONG,
                 _("Line %u is too long (over %u KB in one row). Is it the right file and separator?"),
                 reader->record_line, (guint) (RG_IO_MAX_FIELD_SIZE / 1024));
}

/* A cell: line breaks inside a quoted field become "\n". */
static void
field_cb (void   *s,
          size_t  len,
          void   *data)
{
  CsvReader *reader = data;
  const char *in = s;
  char *cell;
  gsize j = 0;

  if (reader->error != NULL)
    return;
  reader->record_bytes += len + 8;
  if (reader->record_bytes > RG_IO_MAX_FIELD_SIZE)
    {
      set_too_long (reader);
      return;
    }

  cell = g_malloc (len + 1);
  for (gsize i = 0; i < len; i++)
    {
      if (in[i] == '\r')
        {
          cell[j++] = '\n';
          if (i + 1 < len && in[i + 1] == '\n')
            i++;
        }
      else
        cell[j++] = in[i];
    }
  cell[j] = '\0';
  g_ptr_array_add (reader->cells, cell);
}

static gboolean
cells_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    for (const char *p = g_ptr_array_index (cells, i); *p; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

static void
record_cb (int   c,
           void *data)
{
  CsvReader *reader = data;

  if (reader->error == NULL && reader->cells->len > 0 && !cells_blank (reader->cells))
    {
      if (rg_table_get_n_rows (reader->table) >= RG_IO_MAX_ROWS)
        g_set_error (&reader->error, RG_IO_ERROR, RG_IO_ERROR_TOO_BIG,
                     _("The file has more than %u rows; split it into smaller files."),
                     (guint) RG_IO_MAX_ROWS);
      else
        {
          g_ptr_array_add (reader->cells, NULL);
          rg_table_append_row (reader->table, reader->record_line,
                               (GStrv) g_ptr_array_steal (reader->cells, NULL));
        }
    }
  g_ptr_array_set_size (reader->cells, 0);
  reader->record_bytes = 0;
}

/* The end of the physical line that starts at @p: the first byte of the
 * next line (after "\n", "\r\n" or a lone "\r"), or @end. */
static const char *
next_line (const char *p,
           const char *end)
{
  while (p < end && *p != '\n' && *p != '\r')
    p++;
  if (p < end && *p == '\r')
    {
      p++;
      if (p < end && *p == '\n')
        p++;
    }
  else if (p < end)
    p++;
  return p;
}

typedef struct {
  guint fields[DETECT_RECORDS];
  guint n;
} Counts;

static const char candidates[] = { '\t', ';', ',' };

char
rg_csv_detect_separator (const char *text,
                         gsize       len)
{
  Counts counts[G_N_ELEMENTS (candidates)] = { 0 };
  guint current[G_N_ELEMENTS (candidates)] = { 0 };
  const char *end = text + MIN (len, DETECT_BYTES);
  gboolean in_quote = FALSE;
  gboolean blank = TRUE;
  guint records = 0;
  char best = ',';
  guint best_agree = 0;

  for (const char *p = text; p <= end && records < DETECT_RECORDS; p++)
    {
      gboolean eol = p == end || (!in_quote && (*p == '\n' || *p == '\r'));

      if (eol)
        {
          if (!blank)
            {
              for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
                counts[k].fields[counts[k].n++] = current[k] + 1;
              records++;
            }
          memset (current, 0, sizeof current);
          blank = TRUE;
          continue;
        }
      if (*p == '"')
        in_quote = !in_quote;
      else if (!in_quote)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (*p == candidates[k])
            current[k]++;
      if (*p != ' ')
        blank = FALSE;
    }

  /* The candidate whose most common number of columns (more than one) the
   * most records share; a tie goes to the rarer character in text. */
  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint mode = 0, agree = 0;

      for (guint i = 0; i < counts[k].n; i++)
        {
          guint same = 0;

          for (guint j = 0; j < counts[k].n; j++)
            same += counts[k].fields[j] == counts[k].fields[i];
          if (same > agree || (same == agree && counts[k].fields[i] > mode))
            {
              agree = same;
              mode = counts[k].fields[i];
            }
        }
      if (mode > 1 && agree > best_agree)
        {
          best = candidates[k];
          best_agree = agree;
        }
    }
  return best;
}

/* Excel's hint on a first line of its own: "sep=;". */
static gboolean
read_sep_line (const char *text,
               gsize       len,
               char       *separator)
{
  if (len >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0 && text[4] != '\n' && text[4] != '\r' &&
      (len == 5 || text[5] == '\n' || text[5] == '\r'))
    {
      *separator = text[4];
      return TRUE;
    }
  return FALSE;
}

RgTable *
rg_csv_read (GBytes      *data,
             const char  *encoding,
             char         separator,
             GError     **error)
{
  g_autoptr(RgTable) table = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autofree char *text = NULL;
  struct csv_parser parser;
  const char *detected = NULL;
  const char *p, *end;
  CsvReader reader = { 0 };
  guint open_line = 1;
  gsize len = 0;
  gsize size = 0;
  const guint8 *bytes;
  char sep = 0;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  text = rg_io_decode (bytes, size, encoding, &detected, &len, error);
  if (text == NULL)
    return NULL;

  table = rg_table_new ();
  rg_table_set_encoding (table, detected);
  cells = g_ptr_array_new_with_free_func (g_free);

  p = text;
  end = text + len;
  if (read_sep_line (text, len, &sep))
    {
      p = next_line (p, end);
      reader.line = 1;
    }
  if (separator != 0)
    sep = separator;
  else if (sep == 0)
    sep = rg_csv_detect_separator (p, end - p);
  rg_table_set_separator (table, sep);

  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    g_error ("libcsv: out of memory");
  csv_set_delim (&parser, (unsigned char) sep);
  csv_set_space_func (&parser, space_cb);
  csv_set_term_func (&parser, term_cb);
  csv_set_blk_size (&parser, 4096);

  reader.table = table;
  reader.cells = cells;

  while (p < end && reader.error == NULL)
    {
      const char *line_end = next_line (p, end);

      reader.line++;
      if (parser.pstate == CSV_ROW_NOT_BEGUN)
        reader.record_line = reader.line;
      if (!parser.quoted)
        open_line = reader.line;

      while (p < line_end && reader.error == NULL)
        {
          gsize piece = MIN ((gsize) (line_end - p), FEED_PIECE);

          if (csv_parse (&parser, p, piece, field_cb, record_cb, &reader) != piece && reader.error == NULL)
            g_set_error (&reader.error, RG_IO_ERROR, RG_IO_ERROR_PARSE,
                         _("Line %u cannot be read: %s."), reader.line, csv_strerror (csv_error (&parser)));
          if (csv_get_buffer_size (&parser) > RG_IO_MAX_FIELD_SIZE + FEED_PIECE ||
              parser.entry_pos > RG_IO_MAX_FIELD_SIZE)
            set_too_long (&reader);
          p += piece;
        }
    }

  /* CSV_STRICT_FINI works only with CSV_STRICT, which would refuse the
   * stray quotes Excel accepts: the open quote is found here. */
  if (reader.error == NULL && parser.pstate == CSV_FIELD_BEGUN && parser.quoted)
    g_set_error (&reader.error, RG_IO_ERROR, RG_IO_ERROR_PARSE,
                 _("The quote opened on line %u is never closed."), open_line);
  if (reader.error == NULL && csv_fini (&parser, field_cb, record_cb, &reader) != 0 && reader.error == NULL)
    g_set_error (&reader.error, RG_IO_ERROR, RG_IO_ERROR_PARSE,
                 _("Line %u cannot be read: %s."), reader.line, csv_strerror (csv_error (&parser)));
  csv_free (&parser);

  if (reader.error != NULL)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }
  if (rg_table_get_n_rows (table) == 0)
    {
      g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_EMPTY, _("The file has no rows."));
      return NULL;
    }
  return g_steal_pointer (&table);
}
