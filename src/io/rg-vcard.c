/* rg-vcard.c — contacts as phones export them, read with EVCard.
 *
 * EVCard (evolution-data-server's libebook-contacts, the parser GNOME
 * Contacts uses) reads one card per string and is forgiving, but says so
 * with g_warning() on input it does not like (an unknown escape such as a
 * Windows path in a NOTE, a stray character in a property name, a card
 * without END) and reads raw 8-bit text under CHARSET= only after replacing
 * it as invalid UTF-8. So this file finds the cards itself, unfolds their
 * lines, joins quoted-printable soft line breaks, decodes raw text of an old
 * phone's charset, drops the lines and parameters EVCard would warn about,
 * and hands EVCard one clean card at a time; EVCard decodes the values
 * (quoted-printable, CHARSET, escapes, lists).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

/* EDS's headers name GLib API deprecated since our pinned level. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rg-import-map.h"
#include "rg-io-decode.h"
#include "rg-vcard.h"

/* A logical line: folded lines and soft line breaks joined. */
typedef struct {
  guint    line;   /* of its first physical line */
  GString *text;
  gboolean qp;
} Line;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_string_free (line->text, TRUE);
}

static gboolean
head_is_qp (const char *text,
            gsize       len)
{
  const char *colon = memchr (text, ':', len);
  gsize head = colon ? (gsize) (colon - text) : len;

  for (gsize i = 0; i + 16 <= head; i++)
    if (g_ascii_strncasecmp (text + i, "QUOTED-PRINTABLE", 16) == 0)
      return TRUE;
  return FALSE;
}

/* The physical lines of @text (CRLF, LF or CR), unfolded. */
static GArray *
logical_lines (const char *text,
               gsize       len)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const char *p = text, *end = text + len;
  gboolean soft_break = FALSE;
  guint number = 0;

  g_array_set_clear_func (lines, line_clear);
  while (p < end)
    {
      const char *start = p;
      gsize n;

      while (p < end && *p != '\n' && *p != '\r')
        p++;
      n = p - start;
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      number++;

      /* A soft line break at the end of a card ends the value. */
      if (soft_break && ((n >= 9 && g_ascii_strncasecmp (start, "END:VCARD", 9) == 0) ||
                         (n >= 11 && g_ascii_strncasecmp (start, "BEGIN:VCARD", 11) == 0)))
        soft_break = FALSE;
      if (lines->len > 0 && (soft_break || (n > 0 && (start[0] == ' ' || start[0] == '\t'))))
        {
          Line *last = &g_array_index (lines, Line, lines->len - 1);

          /* A fold: the line break and one space go. A soft line break:
           * the "=" and the line break go. */
          if (!soft_break)
            start++, n--;
          g_string_append_len (last->text, start, n);
        }
      else
        {
          Line line = { number, g_string_new_len (start, n), FALSE };

          line.qp = head_is_qp (start, n);
          g_array_append_val (lines, line);
        }

      {
        Line *last = &g_array_index (lines, Line, lines->len - 1);

        soft_break = last->qp && last->text->len > 0 && last->text->str[last->text->len - 1] == '=';
        if (soft_break)
          g_string_truncate (last->text, last->text->len - 1);
      }
    }
  return lines;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* Whether @line (without surrounding spaces) is "BEGIN:VCARD" or
 * "END:VCARD". */
static gboolean
line_is (const GString *line,
         const char    *what)
{
  g_autofree char *copy = g_strndup (line->str, line->len);

  return g_ascii_strcasecmp (g_strstrip (copy), what) == 0;
}

/* One property line made safe for EVCard, appended to @out; FALSE drops it
 * (no name, a bad name or parameter, a picture). */
static gboolean
clean_line (const Line *line,
            GString    *out)
{
  const char *s = line->text->str;
  const char *colon = NULL;
  const char *name_end;
  g_autofree char *charset = NULL;
  g_autofree char *value = NULL;
  gboolean in_quote = FALSE;
  gboolean qp = line->qp;
  gboolean base64 = FALSE;
  guint dots = 0;
  gsize start = out->len;
  const char *p;

  for (p = s; p < s + line->text->len; p++)
    {
      if (*p == '"')
        in_quote = !in_quote;
      else if (*p == ':' && !in_quote)
        {
          colon = p;
          break;
        }
    }
  if (colon == NULL)
    return FALSE;

  /* [group.]name */
  for (name_end = s; name_end < colon && *name_end != ';'; name_end++)
    {
      if (*name_end == '.')
        {
          if (++dots > 1 || name_end == s || name_end + 1 == colon || name_end[1] == ';')
            return FALSE;
        }
      else if (!is_name_char (*name_end))
        return FALSE;
    }
  if (name_end == s)
    return FALSE;
  {
    const char *bare = memchr (s, '.', name_end - s) ? (const char *) memchr (s, '.', name_end - s) + 1 : s;
    gsize bare_len = name_end - bare;

    for (guint i = 0; i < 4; i++)
      {
        static const char *const big[] = { "PHOTO", "LOGO", "SOUND", "KEY" };

        if (bare_len == strlen (big[i]) && g_ascii_strncasecmp (bare, big[i], bare_len) == 0)
          return FALSE;
      }
  }
  g_string_append_len (out, s, name_end - s);

  /* ;param[=value] ... */
  for (p = name_end; p < colon;)
    {
      const char *seg = ++p;  /* past the ';' */
      const char *eq = NULL;
      gboolean ok = TRUE;
      gsize seg_len;

      in_quote = FALSE;
      while (p < colon && (in_quote || *p != ';'))
        {
          if (*p == '"')
            in_quote = !in_quote;
          else if (*p == '=' && !in_quote)
            {
              if (eq != NULL)
                ok = FALSE;
              eq = p;
            }
          p++;
        }
      seg_len = p - seg;
      if (seg_len == 0)
        continue;
      for (const char *q = seg; q < (eq ? eq : p); q++)
        if (!is_name_char (*q) && !(eq == NULL && *q == ','))
          ok = FALSE;
      /* A value of printable ASCII only: EVCard warns about bytes it
       * does not expect in a parameter, and no parameter we read needs
       * other ones. */
      for (const char *q = eq ? eq + 1 : p; q < p; q++)
        if (*q < 0x20 || *q > 0x7e)
          ok = FALSE;
      if (eq == seg || !ok)
        continue;
      if (eq != NULL && (gsize) (eq - seg) == 7 && g_ascii_strncasecmp (seg, "CHARSET", 7) == 0)
        {
          /* A charset's name: letters, digits and - _ . : only. */
          for (const char *q = eq + 1; q < p; q++)
            if (!is_name_char (*q) && *q != '.' && *q != ':')
              ok = FALSE;
          g_clear_pointer (&charset, g_free);
          if (ok && p - eq - 1 > 0 && p - eq - 1 <= 40)
            charset = g_strndup (eq + 1, p - eq - 1);
          continue;  /* put back below for quoted-printable only */
        }
      /* ENCODING: quoted-printable is put back once below, base64 decoded
       * here; EVCard warns about any other value, and about two. */
      if ((eq != NULL && (gsize) (eq - seg) == 8 && g_ascii_strncasecmp (seg, "ENCODING", 8) == 0) || eq == NULL)
        {
          const char *v = eq ? eq + 1 : seg;
          gsize v_len = p - v;

          if (v_len == 16 && g_ascii_strncasecmp (v, "QUOTED-PRINTABLE", 16) == 0)
            qp = TRUE;
          else if ((v_len == 1 && g_ascii_strncasecmp (v, "b", 1) == 0) ||
                   (v_len == 6 && g_ascii_strncasecmp (v, "BASE64", 6) == 0))
            base64 = TRUE;
          else if (eq == NULL)
            goto keep;
          continue;
        }
    keep:
      g_string_append_c (out, ';');
      g_string_append_len (out, seg, seg_len);
    }
  /* The value: raw text of an old phone's charset decoded here (EVCard
   * would take it for broken UTF-8); quoted-printable left to EVCard with
   * its charset. */
  value = g_strndup (colon + 1, s + line->text->len - colon - 1);
  if (base64)
    {
      gsize n = 0;
      guchar *decoded = g_base64_decode (value, &n);

      g_free (value);
      value = g_strndup ((const char *) decoded, n);  /* up to a NUL */
      g_free (decoded);
      qp = FALSE;
    }
  else if (qp)
    {
      gsize n = strlen (value);

      if (n > 0 && value[n - 1] == '=')
        value[n - 1] = '\0';
      g_string_append (out, ";ENCODING=QUOTED-PRINTABLE");
      if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0)
        g_string_append_printf (out, ";CHARSET=%s", charset);
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      const char *from = charset && g_ascii_strcasecmp (charset, "UTF-8") != 0 ? charset : RG_IO_ENCODING_CP1251;
      char *utf8 = g_convert (value, -1, "UTF-8", from, NULL, NULL, NULL);

      if (utf8 == NULL)
        utf8 = g_utf8_make_valid (value, -1);
      g_free (value);
      value = utf8;
    }
  else if (!qp && charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0)
    {
      /* Valid UTF-8 under another charset's name: UTF-8 it is (text in
       * Windows-1251 is hardly ever valid UTF-8). */
    }

  g_string_append_c (out, ':');
  /* An escape EVCard does not know ("C:\Users") is a backslash. */
  for (p = value; *p; p++)
    {
      /* Quoted-printable: EVCard takes the two characters after "=" as
       * they are, a backslash too ... */
      if (qp && *p == '=')
        {
          /* ... and past the line's end when fewer are left: those go. */
          if (p[1] == '\0' || p[2] == '\0')
            break;
          g_string_append_len (out, p, 3);
          p += 2;
        }
      /* A line break decoded from base64 or another charset stays in the
       * value. */
      else if (*p == '\n' || *p == '\r')
        g_string_append (out, qp ? (*p == '\n' ? "=0A" : "=0D") : (*p == '\n' ? "\\n" : "\\r"));
      else if (*p == '\\')
        {
          if (p[1] != '\0' && strchr ("nNrR;,\\", p[1]))
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, *++p);
            }
          else
            g_string_append (out, "\\\\");
        }
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, "\r\n");

  if (out->len - start > RG_IO_MAX_FIELD_SIZE)
    {
      g_string_truncate (out, start);
      return FALSE;
    }
  return TRUE;
}

/* --- Reading a card ------------------------------------------------------ */

static char *
join_values (EVCardAttribute *attr,
             const char      *separator)
{
  GString *out = g_string_new (NULL);

  for (GList *l = e_vcard_attribute_get_values (attr); l; l = l->next)
    {
      g_autofree char *v = g_strstrip (g_strdup (l->data ? l->data : ""));

      if (*v == '\0')
        continue;
      if (out->len)
        g_string_append (out, separator);
      g_string_append (out, v);
    }
  return g_string_free (out, FALSE);
}

/* The values as written, separated again (NOTE: a ';' EVCard split at). */
static char *
join_raw (EVCardAttribute *attr,
          const char      *separator)
{
  GString *out = g_string_new (NULL);

  for (GList *l = e_vcard_attribute_get_values (attr); l; l = l->next)
    {
      if (l != e_vcard_attribute_get_values (attr))
        g_string_append (out, separator);
      g_string_append (out, l->data ? l->data : "");
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static const char *
nth_value (EVCardAttribute *attr,
           guint            n)
{
  GList *l = g_list_nth (e_vcard_attribute_get_values (attr), n);

  return l && l->data ? l->data : "";
}

/* @text may be a value EVCard decoded from quoted-printable that is not
 * UTF-8 yet (read_card() converts the cells at its end). */
static gboolean
is_latin (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN;
    }
  return FALSE;
}

static void
append_word (GString    *out,
             const char *word,
             const char *separator)
{
  g_autofree char *w = g_strstrip (g_strdup (word));

  if (*w == '\0')
    return;
  if (out->len)
    g_string_append (out, separator);
  g_string_append (out, w);
}

/* 1990-03-12, 19900312, --0312, --03-12, 1990-03-12T00:00:00Z. */
static char *
read_birthday (const char *value)
{
  g_autofree char *digits = NULL;
  GString *d = g_string_new (NULL);
  const char *t = strchr (value, 'T');
  gsize n = t ? (gsize) (t - value) : strlen (value);
  gboolean no_year = g_str_has_prefix (value, "--");

  for (gsize i = 0; i < n; i++)
    if (g_ascii_isdigit (value[i]))
      g_string_append_c (d, value[i]);
    else if (value[i] != '-')
      {
        g_string_free (d, TRUE);
        return g_strstrip (g_strdup (value));
      }
  digits = g_string_free (d, FALSE);
  if (no_year && strlen (digits) == 4)
    return g_strdup_printf ("%.2s.%.2s", digits + 2, digits);
  if (!no_year && strlen (digits) == 8)
    return g_strdup_printf ("%.4s-%.2s-%.2s", digits, digits + 4, digits + 6);
  return g_strstrip (g_strdup (value));
}

static int
phone_rank (EVCardAttribute *attr)
{
  /* 2.1 and 3.0: TYPE=PREF; 4.0: PREF=1. */
  if (e_vcard_attribute_has_type (attr, "PREF") || e_vcard_attribute_get_param (attr, "PREF") != NULL)
    return 0;
  if (e_vcard_attribute_has_type (attr, "CELL"))
    return 1;
  return 2;
}

static GStrv
read_card (EVCard *card)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) tags = g_string_new (NULL);
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *fn = NULL;
  g_autofree char *birthday = NULL;
  EVCardAttribute *n = NULL;
  GString *address_as = g_string_new (NULL);
  GString *full_name = g_string_new (NULL);
  GStrv row = g_new0 (char *, RG_VCARD_N_COLUMNS + 1);

  for (GList *l = e_vcard_get_attributes (card); l; l = l->next)
    {
      EVCardAttribute *attr = l->data;
      const char *name = e_vcard_attribute_get_name (attr);

      if (g_ascii_strcasecmp (name, EVC_FN) == 0 && fn == NULL)
        {
          fn = join_values (attr, " ");
          if (*fn == '\0')
            g_clear_pointer (&fn, g_free);
        }
      else if (g_ascii_strcasecmp (name, EVC_N) == 0 && n == NULL)
        n = attr;
      else if (g_ascii_strcasecmp (name, EVC_TEL) == 0)
        {
          char *tel = join_values (attr, " ");
          int rank = phone_rank (attr);
          gboolean seen;
          guint at = phones->len;

          /* 4.0: a URI, "tel:+7-912-...". */
          if (g_ascii_strncasecmp (tel, "tel:", 4) == 0)
            memmove (tel, tel + 4, strlen (tel + 4) + 1);
          seen = *tel == '\0';

          for (guint i = 0; i < phones->len && !seen; i++)
            seen = strcmp (g_ptr_array_index (phones, i), tel) == 0;
          if (seen)
            {
              g_free (tel);
              continue;
            }
          /* The preferred, then the mobile numbers first; else as written. */
          while (at > 0 && g_array_index (ranks, int, at - 1) > rank)
            at--;
          g_ptr_array_insert (phones, at, tel);
          g_array_insert_val (ranks, at, rank);
        }
      else if (g_ascii_strcasecmp (name, EVC_EMAIL) == 0)
        {
          char *email = join_values (attr, " ");

          if (*email)
            g_ptr_array_add (emails, email);
          else
            g_free (email);
        }
      else if (g_ascii_strcasecmp (name, EVC_BDAY) == 0 && birthday == NULL)
        {
          g_autofree char *v = join_values (attr, " ");

          if (*v)
            birthday = read_birthday (v);
        }
      else if (g_ascii_strcasecmp (name, EVC_NOTE) == 0)
        {
          g_autofree char *v = join_raw (attr, ";");

          append_word (notes, v, "\n");
        }
      else if (g_ascii_strcasecmp (name, EVC_CATEGORIES) == 0)
        {
          for (GList *v = e_vcard_attribute_get_values (attr); v; v = v->next)
            append_word (tags, v->data ? v->data : "", ", ");
        }
    }

  if (n != NULL)
    append_word (address_as, nth_value (n, 1), " ");
  if (address_as->len == 0 && fn != NULL)
    {
      g_auto(GStrv) words = g_strsplit (fn, " ", 2);

      g_string_assign (address_as, words[0] ? words[0] : "");
    }

  if (fn != NULL)
    g_string_assign (full_name, fn);
  else if (n != NULL)
    {
      g_autofree char *given = g_strdup (nth_value (n, 1));

      /* Latin: Given Middle Family; Cyrillic: Family Given Patronymic. */
      if (is_latin (given) || (*given == '\0' && is_latin (nth_value (n, 0))))
        {
          append_word (full_name, nth_value (n, 1), " ");
          append_word (full_name, nth_value (n, 2), " ");
          append_word (full_name, nth_value (n, 0), " ");
        }
      else
        {
          append_word (full_name, nth_value (n, 0), " ");
          append_word (full_name, nth_value (n, 1), " ");
          append_word (full_name, nth_value (n, 2), " ");
        }
    }

  if (phones->len > 2)
    {
      GString *others = g_string_new (NULL);

      for (guint i = 2; i < phones->len; i++)
        append_word (others, g_ptr_array_index (phones, i), ", ");
      /* Translators: in a client's notes, the numbers a contact had beyond two */
      g_string_append_printf (notes, "%s%s %s", notes->len ? "\n" : "", _("Other phones:"), others->str);
      g_string_free (others, TRUE);
    }
  if (emails->len > 1)
    {
      GString *others = g_string_new (NULL);

      for (guint i = 1; i < emails->len; i++)
        append_word (others, g_ptr_array_index (emails, i), ", ");
      /* Translators: in a client's notes, the addresses a contact had beyond one */
      g_string_append_printf (notes, "%s%s %s", notes->len ? "\n" : "", _("Other e-mail addresses:"), others->str);
      g_string_free (others, TRUE);
    }

  row[RG_VCARD_COLUMN_ADDRESS_AS] = g_string_free (address_as, FALSE);
  row[RG_VCARD_COLUMN_FULL_NAME] = g_string_free (full_name, FALSE);
  row[RG_VCARD_COLUMN_PHONE] = g_strdup (phones->len > 0 ? g_ptr_array_index (phones, 0) : "");
  row[RG_VCARD_COLUMN_PHONE2] = g_strdup (phones->len > 1 ? g_ptr_array_index (phones, 1) : "");
  row[RG_VCARD_COLUMN_EMAIL] = g_strdup (emails->len > 0 ? g_ptr_array_index (emails, 0) : "");
  row[RG_VCARD_COLUMN_BIRTHDAY] = birthday ? g_steal_pointer (&birthday) : g_strdup ("");
  row[RG_VCARD_COLUMN_NOTES] = g_strdup (notes->str);
  row[RG_VCARD_COLUMN_TAGS] = g_strdup (tags->str);

  /* Values EVCard decoded from quoted-printable without a charset may not
   * be UTF-8: Windows-1251 then, as old phones wrote. */
  for (guint i = 0; i < RG_VCARD_N_COLUMNS; i++)
    {
      GString *v;

      if (!g_utf8_validate (row[i], -1, NULL))
        {
          char *utf8 = g_convert (row[i], -1, "UTF-8", RG_IO_ENCODING_CP1251, NULL, NULL, NULL);

          if (utf8 == NULL)
            utf8 = g_utf8_make_valid (row[i], -1);
          g_free (row[i]);
          row[i] = utf8;
        }
      /* Line breaks as "\n", like a CSV's cells. */
      v = g_string_new (row[i]);
      g_free (row[i]);
      g_string_replace (v, "\r\n", "\n", 0);
      g_string_replace (v, "\r", "\n", 0);
      row[i] = g_string_free (v, FALSE);
    }
  return row;
}

static const RgImportField column_fields[RG_VCARD_N_COLUMNS] = {
  RG_IMPORT_FIELD_ADDRESS_AS,
  RG_IMPORT_FIELD_FULL_NAME,
  RG_IMPORT_FIELD_PHONE,
  RG_IMPORT_FIELD_PHONE2,
  RG_IMPORT_FIELD_EMAIL,
  RG_IMPORT_FIELD_BIRTHDAY,
  RG_IMPORT_FIELD_NOTES,
  RG_IMPORT_FIELD_TAGS,
};

static void
add_card (RgTable *table,
          guint    line,
          GString *card)
{
  EVCard *evcard;

  g_string_append (card, "END:VCARD\r\n");
  evcard = e_vcard_new_from_string (card->str);
  rg_table_append_row (table, line, read_card (evcard));
  g_object_unref (evcard);
}

RgTable *
rg_vcard_read (GBytes  *data,
               GError **error)
{
  g_autoptr(RgTable) table = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) card = NULL;
  g_autofree char *decoded = NULL;
  const char *text;
  const char *encoding = RG_IO_ENCODING_UTF8;
  const guint8 *bytes;
  gsize size = 0, bom_len = 0;
  const char *bom;
  guint card_line = 0;
  GStrv header;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  if (!rg_io_check_bytes (bytes, size, error))
    return NULL;

  /* UTF-16 (by its mark or its zero bytes) is decoded whole; 8-bit text
   * stays as it is, each property in its own charset. */
  bom = rg_io_detect_bom (bytes, size, &bom_len);
  if ((bom != NULL && strcmp (bom, RG_IO_ENCODING_UTF8_BOM) != 0) || memchr (bytes, '\0', size) != NULL)
    {
      decoded = rg_io_decode (bytes, size, NULL, &encoding, &size, error);
      if (decoded == NULL)
        return NULL;
      text = decoded;
    }
  else
    {
      if (bom != NULL)
        encoding = bom;
      text = (const char *) bytes + bom_len;
      size -= bom_len;
      if (!g_utf8_validate_len (text, size, NULL))
        encoding = RG_IO_ENCODING_CP1251;
    }

  table = rg_table_new ();
  rg_table_set_encoding (table, encoding);
  rg_table_set_separator (table, 0);
  header = g_new0 (char *, RG_VCARD_N_COLUMNS + 1);
  for (guint i = 0; i < RG_VCARD_N_COLUMNS; i++)
    header[i] = g_strdup (rg_import_field_label (column_fields[i]));
  rg_table_append_row (table, 0, header);

  lines = logical_lines (text, size);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (line_is (line->text, "BEGIN:VCARD"))
        {
          if (card != NULL)
            break;  /* the card before has no END */
          card = g_string_new ("BEGIN:VCARD\r\n");
          card_line = line->line;
        }
      else if (card != NULL && line_is (line->text, "END:VCARD"))
        {
          add_card (table, card_line, card);
          g_string_free (g_steal_pointer (&card), TRUE);
          if (rg_table_get_n_rows (table) > RG_IO_MAX_ROWS)
            {
              g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_TOO_BIG,
                           _("The file has more than %u contacts; split it into smaller files."),
                           (guint) RG_IO_MAX_ROWS);
              return NULL;
            }
        }
      else if (card != NULL)
        {
          clean_line (line, card);
          if (card->len > 16 * RG_IO_MAX_FIELD_SIZE)
            {
              g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_LINE_TOO_LONG,
                           _("The contact that begins on line %u is too long."), card_line);
              return NULL;
            }
        }
    }

  if (card != NULL)
    {
      g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_PARSE,
                   _("The contact that begins on line %u has no END:VCARD line; the file may be cut short."),
                   card_line);
      return NULL;
    }
  if (rg_table_get_n_rows (table) < 2)
    {
      g_set_error (error, RG_IO_ERROR, RG_IO_ERROR_EMPTY,
                   _("The file has no contacts (no BEGIN:VCARD line). Is it a vCard file?"));
      return NULL;
    }
  return g_steal_pointer (&table);
}

gboolean
rg_vcard_sniff (const char *name,
                GBytes     *data)
{
  g_autofree char *folded = g_utf8_strdown (name ? name : "", -1);
  gsize size = 0, i = 0;
  const char *bytes = g_bytes_get_data (data, &size);

  if (g_str_has_suffix (folded, ".vcf") || g_str_has_suffix (folded, ".vcard"))
    return TRUE;
  if (size >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (bytes[i]))
    i++;
  return size - i >= 11 && g_ascii_strncasecmp (bytes + i, "BEGIN:VCARD", 11) == 0;
}
