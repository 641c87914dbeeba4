/* rg-export.c — the studio's clients to CSV and vCard, its appointments to
 * iCalendar, the payroll of a period to CSV.
 *
 * CSV is written by a few lines here rather than libcsv's csv_fwrite(),
 * which quotes every cell: a cell is quoted only when RFC 4180 needs it
 * (the separator, a quote, CR or LF in it; quotes doubled), so the file
 * reads as plainly as Excel's own. A cell that a spreadsheet would take for
 * a formula gets a leading apostrophe (see guard_formula()). vCards are
 * EVCard's (libebook-contacts, what GNOME Contacts reads and writes); the
 * calendar is libical's.
 *
 * vCard 3.0, not 4.0: EVCard of evolution-data-server 3.46 (Debian 12)
 * writes 2.1 and 3.0 only (EVC_FORMAT_VCARD_40 came later), and 3.0 is
 * also what phones import best (Android's contacts read 2.1 and 3.0).
 * From 4.0 the file keeps GENDER, which 3.0 readers skip, and a birthday
 * without a year as "--MM-DD", the ISO 8601 form 4.0 writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

/* Its headers name GTimeVal and newer GLib API than ours. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS
#include <libical/ical.h>

#include "rg-export.h"
#include "analytics/rg-money-figures.h"
#include "model/rg-audit.h"
#include "model/rg-roles.h"
#include "model/rg-export-reads.h"
#include "model/rg-format.h"
#include "model/rg-staff.h"
#include "util/rg-text.h"

/* Formats ------------------------------------------------------------------- */

static const char *format_names[] = { "csv", "csv-comma", "vcard", "ics", "vcard3" };

const char *
rg_export_format_to_string (RgExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

gboolean
rg_export_format_from_string (const char     *text,
                              RgExportFormat *format)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (text, format_names[i]) == 0)
      {
        *format = (RgExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
rg_export_format_for_file (const char     *path,
                           RgExportFormat *format)
{
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".csv") == 0)
    *format = RG_EXPORT_CSV;
  else if (g_ascii_strcasecmp (dot, ".vcf") == 0 || g_ascii_strcasecmp (dot, ".vcard") == 0)
    *format = RG_EXPORT_VCARD;
  else if (g_ascii_strcasecmp (dot, ".ics") == 0 || g_ascii_strcasecmp (dot, ".ical") == 0)
    *format = RG_EXPORT_ICS;
  else
    return FALSE;
  return TRUE;
}

const char *
rg_export_format_describe (RgExportFormat format)
{
  switch (format)
    {
    case RG_EXPORT_CSV:
      /* Translators: a file format: a CSV file with ';' that Excel opens by a double click */
      return _("CSV for Excel");
    case RG_EXPORT_CSV_COMMA:
      /* Translators: a file format: a plain CSV file with ',' */
      return _("CSV with commas");
    case RG_EXPORT_VCARD:
      /* Translators: a file format (contacts) */
      return _("vCard 4.0");
    case RG_EXPORT_VCARD3:
      /* Translators: a file format (contacts) that older phones read */
      return _("vCard 3.0 (older phones)");
    case RG_EXPORT_ICS:
    default:
      /* Translators: a file format (calendars) */
      return _("iCalendar");
    }
}

char *
rg_export_describe_result (const char *what,
                           gint64      rows,
                           const char *path)
{
  g_autofree char *count = rg_format_count ((guint) MAX (rows, 0));
  g_autofree char *name = g_filename_display_basename (path);
  gulong n = (gulong) MAX (rows, 0);

  if (g_strcmp0 (what, "payroll") == 0)
    /* Translators: %s (1) is a number such as 1,234, %s (2) a file's name */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %s payroll line to %s",
                                         "Exported %s payroll lines to %s", n),
                            count, name);
  if (g_strcmp0 (what, "appointments") == 0)
    /* Translators: %s (1) is a number such as 1,234, %s (2) a file's name */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %s appointment to %s", "Exported %s appointments to %s", n),
                            count, name);
  /* Translators: %s (1) is a number such as 1,234, %s (2) a file's name */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %s client to %s", "Exported %s clients to %s", n),
                          count, name);
}

/* The file -------------------------------------------------------------------
 *
 * A temporary file in the target's folder (so the rename is atomic, on the
 * same disk), fsynced before it is renamed over the target. */

typedef struct {
  char *path;      /* the target */
  char *tmp_path;  /* NULL once renamed or removed */
  FILE *fp;
} Output;

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (dir);
  g_autofree char *name = g_filename_display_basename (path);

  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The disk is full, so “%s” was not written. Free some space or choose another disk, "
                     "then export again."), name);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The folder “%s” cannot be written to. Choose another folder."), folder);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist. Choose another folder."), folder);
      break;
    case EISDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder. Choose a file name."), name);
      break;
    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s (1) is a file's name, %s (2) the system's reason */
                   _("“%s” could not be written: %s."), name, g_strerror (saved_errno));
      break;
    }
}

static gboolean
output_open (Output      *out,
             const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = NULL;
  int fd;

  out->path = g_strdup (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, EISDIR, path);
      return FALSE;
    }
  template = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, errno, path);
      return FALSE;
    }
  out->tmp_path = g_steal_pointer (&template);
  out->fp = fdopen (fd, "wb");
  if (out->fp == NULL)
    {
      int saved_errno = errno;

      close (fd);
      set_write_error (error, saved_errno, path);
      return FALSE;
    }
  setvbuf (out->fp, NULL, _IOFBF, 256 * 1024);
  return TRUE;
}

static gboolean
output_write (Output      *out,
              const char  *data,
              gsize        length,
              GError     **error)
{
  if (length > 0 && fwrite (data, 1, length, out->fp) != length)
    {
      set_write_error (error, errno ? errno : EIO, out->path);
      return FALSE;
    }
  return TRUE;
}

/* Everything on the disk: a full disk shows here at the latest. */
static gboolean
output_close (Output  *out,
              GError **error)
{
  FILE *fp = g_steal_pointer (&out->fp);
  int saved_errno = 0;

  if (fflush (fp) != 0 || fsync (fileno (fp)) != 0)
    saved_errno = errno ? errno : EIO;
  if (fclose (fp) != 0 && saved_errno == 0)
    saved_errno = errno ? errno : EIO;
  if (saved_errno != 0)
    {
      set_write_error (error, saved_errno, out->path);
      return FALSE;
    }
  return TRUE;
}

static void
output_discard (Output *out)
{
  if (out->fp != NULL)
    fclose (g_steal_pointer (&out->fp));
  if (out->tmp_path != NULL)
    g_unlink (out->tmp_path);
  g_clear_pointer (&out->tmp_path, g_free);
  g_clear_pointer (&out->path, g_free);
}

/* CSV ------------------------------------------------------------------------ */

/* A phone number or an amount: digits with spaces, + - ( ) . , / between. */
static gboolean
plain_number (const char *text)
{
  gboolean digit = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (strchr (" +-().,/", *p) == NULL)
        return FALSE;
    }
  return digit;
}

/* A spreadsheet takes a cell that starts with = + - @ (or a tab or CR
 * before one) for a formula, and a formula can fetch a web page or start
 * a program: such a cell gets a leading apostrophe, which Excel and
 * LibreOffice read as "this is text". Except a cell of digits that starts
 * with + or -: "+7 912 345-67-89" or "-15" cannot call anything, and a
 * phone stays a phone (for the import, another program, a person). A
 * cell that already starts with apostrophes before one of those gets one
 * more, since the import drops one (rg-import-map.c): it comes back whole. */
static gboolean
guard_formula (const char *text)
{
  switch (text[0])
    {
    case '\'':
      text += strspn (text, "'");
      return *text != '\0' && strchr ("=+-@", *text) != NULL;
    case '=':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '+':
    case '-':
      return !plain_number (text);
    default:
      return FALSE;
    }
}

void
rg_export_csv_append_cell (GString    *out,
                           const char *text,
                           char        separator)
{
  gboolean quote;

  g_return_if_fail (out != NULL);

  if (text == NULL || *text == '\0')
    return;
  quote = strchr (text, separator) != NULL || strpbrk (text, "\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (guard_formula (text))
    g_string_append_c (out, '\'');
  if (quote)
    {
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

/* A birthday as a person in Russia types it, and as the import reads it:
 * 12.03.1990, or 12.03 without the year. */
static char *
csv_birthday (int day,
              int month,
              int year)
{
  if (day == 0 || month == 0)
    return NULL;
  if (year == 0)
    return g_strdup_printf ("%02d.%02d", day, month);
  return g_strdup_printf ("%02d.%02d.%04d", day, month, year);
}

static const char *
csv_gender (RgGender gender)
{
  switch (gender)
    {
    /* Translators: a client's gender in an exported CSV file; the import
     * reads it back, so use the word it knows ("женский") */
    case RG_GENDER_FEMALE: return C_("csv gender", "female");
    /* Translators: a client's gender in an exported CSV file */
    case RG_GENDER_MALE: return C_("csv gender", "male");
    /* Translators: a client's gender in an exported CSV file */
    case RG_GENDER_OTHER: return C_("csv gender", "other");
    case RG_GENDER_UNSET:
    default: return NULL;
    }
}

/* Writing ------------------------------------------------------------------ */

typedef struct {
  RgExportFormat  format;
  Output          out;
  GString        *line;
  char            separator;
  guint           n_fields;
  gint64          rows;
  icalcomponent  *calendar;
  icaltimetype    stamp;
} Writer;

static gboolean
write_text (Writer  *w,
            GError **error)
{
  gboolean ok = output_write (&w->out, w->line->str, w->line->len, error);

  g_string_truncate (w->line, 0);
  return ok;
}

static gboolean
write_line (Writer  *w,
            GError **error)
{
  g_string_append (w->line, "\r\n");
  return write_text (w, error);
}

static gboolean
csv_begin (const char * const  *field_names,
           guint                n_fields,
           gpointer             data,
           GError             **error)
{
  Writer *w = data;
  /* The import guesses its columns from these headers: say them as a
   * person who keeps clients in Excel would. */
  const char *headers[] = {
    /* Translators: a column of the exported clients' CSV; the import recognises it */
    C_("csv column", "Address as"),
    /* Translators: a column of the exported clients' CSV; the import recognises it ("ФИО") */
    C_("csv column", "Full name"),
    /* Translators: a column of the exported clients' CSV; the import recognises it */
    C_("csv column", "Phone"),
    /* Translators: a column of the exported clients' CSV; the import recognises it */
    C_("csv column", "Second phone"),
    /* Translators: a column of the exported clients' CSV; the import recognises it */
    C_("csv column", "E-mail"),
    /* Translators: a column of the exported clients' CSV; the import recognises it ("Дата рождения") */
    C_("csv column", "Birthday"),
    /* Translators: a column of the exported clients' CSV; the import recognises it */
    C_("csv column", "Gender"),
    /* Translators: a column of the exported clients' CSV (how the client found the studio) */
    C_("csv column", "Source"),
    /* Translators: a column of the exported clients' CSV; the import recognises it */
    C_("csv column", "Tags"),
    /* Translators: a column of the exported clients' CSV; the import recognises it */
    C_("csv column", "Notes"),
  };

  w->n_fields = n_fields;
  if (w->format == RG_EXPORT_CSV)
    g_string_append (w->line, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      if (i > 0)
        g_string_append_c (w->line, w->separator);
      rg_export_csv_append_cell (w->line, headers[i], w->separator);
    }
  for (guint i = 0; i < n_fields; i++)
    {
      g_string_append_c (w->line, w->separator);
      rg_export_csv_append_cell (w->line, field_names[i], w->separator);
    }
  return write_line (w, error);
}

static gboolean
csv_client (const RgClientCardRow  *card,
            gpointer                data,
            GError                **error)
{
  Writer *w = data;
  g_autofree char *birthday = csv_birthday (card->birth_day, card->birth_month, card->birth_year);
  g_autofree char *tags = g_strjoinv (", ", (char **) card->tags);
  const char *cells[] = {
    card->address_as, card->full_name, card->phone, card->phone2, card->email, birthday,
    csv_gender (card->gender), card->source, tags, card->notes,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      if (i > 0)
        g_string_append_c (w->line, w->separator);
      rg_export_csv_append_cell (w->line, cells[i], w->separator);
    }
  for (guint i = 0; i < w->n_fields; i++)
    {
      g_string_append_c (w->line, w->separator);
      rg_export_csv_append_cell (w->line, card->fields[i], w->separator);
    }
  w->rows++;
  return write_line (w, error);
}

/* vCard ------------------------------------------------------------------ */

static gboolean
has_cyrillic (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0400 && c <= 0x04FF)
        return TRUE;
    }
  return FALSE;
}

static gboolean
same_word (const char *a,
           const char *b)
{
  g_autofree char *fa = rg_text_sort_key (a);
  g_autofree char *fb = rg_text_sort_key (b);

  return g_strcmp0 (fa, fb) == 0;
}

/* N: family; given; additional names. A Russian full name is "Surname
 * Given Patronymic", an English one "Given Surname": the word the client
 * is addressed by tells which, else the script does. */
static void
vcard_add_name (EVCard                *vcard,
                const RgClientCardRow *card)
{
  EVCardAttribute *n = e_vcard_attribute_new (NULL, EVC_N);
  g_auto(GStrv) words = NULL;
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  g_autofree char *additional = NULL;
  g_autofree char *full_name = g_strdup (card->full_name);
  guint count;

  if (full_name != NULL)
    words = g_strsplit_set (g_strstrip (full_name), " \t", -1);
  if (words != NULL)
    {
      /* Drop the empty words of double spaces. */
      guint j = 0;

      for (guint i = 0; words[i]; i++)
        if (*words[i])
          words[j++] = words[i];
        else
          g_free (words[i]);
      words[j] = NULL;
    }
  count = words ? g_strv_length (words) : 0;

  if (count == 0)
    given = g_strdup (card->address_as);
  else if (count == 1)
    given = g_strdup (words[0]);
  else
    {
      gboolean surname_first;

      if (card->address_as && same_word (words[0], card->address_as))
        surname_first = FALSE;
      else if (card->address_as && same_word (words[1], card->address_as))
        surname_first = TRUE;
      else
        surname_first = has_cyrillic (card->full_name);

      if (surname_first)
        {
          family = g_strdup (words[0]);
          given = g_strdup (words[1]);
          additional = count > 2 ? g_strjoinv (" ", words + 2) : NULL;
        }
      else
        {
          given = g_strdup (words[0]);
          family = g_strdup (words[count - 1]);
          if (count > 2)
            {
              g_autofree char *last = g_steal_pointer (&words[count - 1]);

              additional = g_strjoinv (" ", words + 1);
              words[count - 1] = g_steal_pointer (&last);
            }
        }
    }
  e_vcard_append_attribute_with_values (vcard, n, family ? family : "", given ? given : "",
                                        additional ? additional : "", "", "", NULL);
}

static void
vcard_add (EVCard     *vcard,
           const char *name,
           const char *type,
           const char *value)
{
  EVCardAttribute *attr;

  if (value == NULL)
    return;
  attr = e_vcard_attribute_new (NULL, name);
  if (type != NULL)
    e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new (EVC_TYPE), type);
  e_vcard_append_attribute_with_value (vcard, attr, value);
}

static gboolean
vcard_client (const RgClientCardRow  *card,
              gpointer                data,
              GError                **error)
{
  static const char *genders[] = { NULL, "F", "M", "O" };
  Writer *w = data;
  g_autoptr(GObject) vcard_object = G_OBJECT (e_vcard_new ());
  EVCard *vcard = E_VCARD (vcard_object);
  g_autofree char *uid = g_strdup_printf ("client-%" G_GINT64_FORMAT "@regulars", card->id);
  g_autofree char *birthday = NULL;
  g_autofree char *text = NULL;

  vcard_add (vcard, EVC_UID, NULL, uid);
  vcard_add (vcard, EVC_FN, NULL, card->full_name ? card->full_name : card->address_as);
  vcard_add_name (vcard, card);
  if (card->full_name != NULL && g_strcmp0 (card->full_name, card->address_as) != 0)
    vcard_add (vcard, EVC_NICKNAME, NULL, card->address_as);
  gboolean v4 = w->format == RG_EXPORT_VCARD;

  /* 4.0 (RFC 6350) spells types in lower case and dates in the basic
   * ISO 8601 form (19900312, --0312); 3.0 as phones write it. */
  vcard_add (vcard, EVC_TEL, v4 ? "cell" : "CELL", card->phone);
  vcard_add (vcard, EVC_TEL, v4 ? "voice" : "VOICE", card->phone2);
  vcard_add (vcard, EVC_EMAIL, v4 ? NULL : "INTERNET", card->email);
  if (card->birth_day > 0 && card->birth_month > 0)
    {
      if (card->birth_year > 0)
        birthday = g_strdup_printf (v4 ? "%04d%02d%02d" : "%04d-%02d-%02d",
                                    card->birth_year, card->birth_month, card->birth_day);
      else
        birthday = g_strdup_printf (v4 ? "--%02d%02d" : "--%02d-%02d", card->birth_month, card->birth_day);
      vcard_add (vcard, EVC_BDAY, NULL, birthday);
    }
  if ((guint) card->gender < G_N_ELEMENTS (genders))
    vcard_add (vcard, "GENDER", NULL, genders[card->gender]);
  if (card->tags[0] != NULL)
    {
      EVCardAttribute *categories = e_vcard_attribute_new (NULL, EVC_CATEGORIES);

      for (guint i = 0; card->tags[i]; i++)
        e_vcard_attribute_add_value (categories, card->tags[i]);
      e_vcard_append_attribute (vcard, categories);
    }
  vcard_add (vcard, EVC_NOTE, NULL, card->notes);

  /* EVCard (evolution-data-server 3.46) prints 2.1 and 3.0; what it
   * prints of these attributes is 4.0 but for the version line. */
  text = e_vcard_to_string (vcard, EVC_FORMAT_VCARD_30);
  if (v4)
    {
      char *version = strstr (text, "\r\nVERSION:3.0\r\n");

      g_assert (version != NULL);
      memcpy (version + strlen ("\r\nVERSION:"), "4.0", 3);
    }
  g_string_append (w->line, text);
  w->rows++;
  return write_line (w, error);
}

/* iCalendar ------------------------------------------------------------------ */

static icalproperty_status
ics_status (RgAppointmentStatus status)
{
  switch (status)
    {
    case RG_APPOINTMENT_BOOKED:
      return ICAL_STATUS_TENTATIVE;
    case RG_APPOINTMENT_CONFIRMED:
    case RG_APPOINTMENT_ARRIVED:
    case RG_APPOINTMENT_DONE:
      return ICAL_STATUS_CONFIRMED;
    case RG_APPOINTMENT_CANCELLED:
    case RG_APPOINTMENT_NO_SHOW:
    default:
      return ICAL_STATUS_CANCELLED;
    }
}

static icaltimetype
utc_time (gint64 unix_seconds)
{
  return icaltime_from_timet_with_zone ((time_t) unix_seconds, 0, icaltimezone_get_utc_timezone ());
}

static gboolean
ics_appointment (const RgAppointmentExportRow  *row,
                 gpointer                       data,
                 GError                       **error)
{
  Writer *w = data;
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *uid = g_strdup_printf ("appointment-%" G_GINT64_FORMAT "@regulars", row->id);
  g_autofree char *services = g_strjoinv (", ", (char **) row->services);
  g_autofree char *summary = NULL;
  g_autofree char *price = rg_format_price (row->price);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (*services)
    /* Translators: an exported calendar event's title: the client, the services */
    summary = g_strdup_printf (_("%s — %s"), row->client_name, services);
  else
    summary = g_strdup (row->client_name);

  /* Translators: a line of an exported calendar event's description */
  g_string_append_printf (description, _("Master: %s"), row->staff_name);
  g_string_append_c (description, '\n');
  /* Translators: a line of an exported calendar event's description */
  g_string_append_printf (description, _("Price: %s"), price);
  if (row->note != NULL)
    {
      g_string_append_c (description, '\n');
      /* Translators: a line of an exported calendar event's description */
      g_string_append_printf (description, _("Note: %s"), row->note);
    }

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (w->stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (utc_time (row->starts_at)));
  icalcomponent_add_property (event, icalproperty_new_dtend (utc_time (row->ends_at)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description->str));
  icalcomponent_add_property (event, icalproperty_new_status (ics_status (row->status)));
  if (row->updated_at > 0)
    icalcomponent_add_property (event, icalproperty_new_lastmodified (utc_time (row->updated_at)));
  /* Each event written as it comes: a year of a busy studio is 100,000 of
   * them, which as one tree took 350 MB and seconds to print. */
  text = icalcomponent_as_ical_string_r (event);
  icalcomponent_free (event);
  g_string_append (w->line, text);
  w->rows++;
  return write_text (w, error);
}

/* The payroll ------------------------------------------------------------------ */

/* An amount as a spreadsheet reads it: major units with the decimal
 * separator of the file's kind (a comma beside ';', a point beside ','),
 * a minus, no grouping: "1300", "-42,50". */
static char *
csv_money (gint64 minor_units,
           char   separator)
{
  guint64 magnitude = minor_units < 0 ? (guint64) -(minor_units + 1) + 1 : (guint64) minor_units;
  const char *sign = minor_units < 0 ? "-" : "";

  if (magnitude % 100 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, magnitude / 100);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%02u", sign, magnitude / 100, separator == ';' ? ',' : '.',
                          (guint) (magnitude % 100));
}

static void
csv_cells (Writer             *w,
           const char * const *cells,
           guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (w->line, w->separator);
      rg_export_csv_append_cell (w->line, cells[i], w->separator);
    }
}

/* One row per line of a master, the master's total under their lines. */
static gboolean
write_payroll (RgStore             *store,
               const RgMoneyQuery  *query,
               Writer              *w,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(RgPayroll) payroll = rg_payroll_compute (store, query, error);
  const char *headers[] = {
    /* Translators: the columns of the exported payroll's CSV */
    C_("csv column", "Master"),
    C_("csv column", "Date"),
    C_("csv column", "Sale number"),
    C_("csv column", "Client"),
    C_("csv column", "Service or product"),
    C_("csv column", "Quantity"),
    C_("csv column", "List price"),
    C_("csv column", "Discount"),
    C_("csv column", "Price"),
    C_("csv column", "Pay"),
  };

  if (payroll == NULL)
    return FALSE;
  if (w->format == RG_EXPORT_CSV)
    g_string_append (w->line, "\xEF\xBB\xBF");
  csv_cells (w, headers, G_N_ELEMENTS (headers));
  if (!write_line (w, error))
    return FALSE;
  for (guint i = 0; i < payroll->masters->len; i++)
    {
      const RgPayrollMaster *master = payroll->masters->pdata[i];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint k = 0; k < master->lines->len; k++)
        {
          const RgPayrollLine *line = master->lines->pdata[k];
          g_autofree char *day = rg_date_to_iso (rg_date_from_time (line->sold_at));
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, line->sale_number);
          g_autofree char *item = rg_payroll_line_describe (line);
          g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, line->quantity);
          g_autofree char *list = csv_money (line->list, w->separator);
          g_autofree char *discount = csv_money (line->discount, w->separator);
          g_autofree char *price = csv_money (line->price, w->separator);
          g_autofree char *pay = csv_money (line->pay, w->separator);
          const char *cells[] = { master->name, day, number, line->client, item, quantity, list, discount, price,
                                  pay };

          csv_cells (w, cells, G_N_ELEMENTS (cells));
          if (!write_line (w, error))
            return FALSE;
          w->rows++;
        }
      {
        g_autofree char *list = csv_money (master->list, w->separator);
        g_autofree char *discount = csv_money (master->discount, w->separator);
        g_autofree char *price = csv_money (master->price, w->separator);
        g_autofree char *pay = csv_money (master->pay, w->separator);
        /* Translators: the row under a master's lines in the exported payroll */
        const char *cells[] = { master->name, C_("csv payroll", "Total"), NULL, NULL, NULL, NULL, list, discount,
                                price, pay };

        csv_cells (w, cells, G_N_ELEMENTS (cells));
        if (!write_line (w, error))
          return FALSE;
      }
    }
  return TRUE;
}

/* A job: what one export does, made in the main loop, run in a thread -------- */

typedef struct {
  const char     *what;       /* "clients", "appointments" */
  RgExportFormat  format;
  char           *path;
  gint64          from;       /* appointments: Unix seconds, [from, to) */
  gint64          to;
  gint64          staff_id;
  RgDate          first_day;  /* payroll: the local days */
  RgDate          last_day;
  char           *detail;     /* the audit log's */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->detail);
  g_free (job);
}

/* A file written beside the target, not yet in place; freed, it goes. */
typedef struct {
  char   *tmp_path;
  gint64  rows;
} Written;

static void
written_free (Written *written)
{
  if (written->tmp_path != NULL)
    g_unlink (written->tmp_path);
  g_free (written->tmp_path);
  g_free (written);
}

static gpointer
write_export (RgStore       *store,
              gconstpointer  data,
              GCancellable  *cancellable,
              GError       **error)
{
  const Job *job = data;
  g_autoptr(GString) line = g_string_sized_new (1024);
  Writer w = { 0 };
  Written *written;
  gboolean ok;

  w.format = job->format;
  w.line = line;
  w.separator = job->format == RG_EXPORT_CSV ? ';' : ',';
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!output_open (&w.out, job->path, error))
    {
      output_discard (&w.out);
      return NULL;
    }

  if (g_strcmp0 (job->what, "payroll") == 0)
    {
      RgMoneyQuery query = { job->first_day, job->last_day, job->staff_id };

      ok = write_payroll (store, &query, &w, cancellable, error);
    }
  else switch (job->format)
    {
    case RG_EXPORT_CSV:
    case RG_EXPORT_CSV_COMMA:
      ok = rg_client_cards_read (store, csv_begin, csv_client, &w, cancellable, error);
      break;
    case RG_EXPORT_VCARD:
    case RG_EXPORT_VCARD3:
      ok = rg_client_cards_read (store, NULL, vcard_client, &w, cancellable, error);
      break;
    case RG_EXPORT_ICS:
    default:
      w.calendar = icalcomponent_new_vcalendar ();
      w.stamp = utc_time (g_get_real_time () / G_USEC_PER_SEC);
      icalcomponent_add_property (w.calendar, icalproperty_new_prodid ("-//Regulars//Regulars " PACKAGE_VERSION "//EN"));
      icalcomponent_add_property (w.calendar, icalproperty_new_version ("2.0"));
      icalcomponent_add_property (w.calendar, icalproperty_new_calscale ("GREGORIAN"));
      icalcomponent_add_property (w.calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
      {
        /* The calendar's own lines around its events: libical prints it
         * empty, and the events go before its last line. */
        g_autofree char *frame = icalcomponent_as_ical_string_r (w.calendar);
        char *end = strstr (frame, "END:VCALENDAR");

        g_assert (end != NULL);
        ok = output_write (&w.out, frame, end - frame, error) &&
             rg_appointment_rows_read (store, job->from, job->to, job->staff_id, ics_appointment, &w,
                                       cancellable, error) &&
             output_write (&w.out, end, strlen (end), error);
        icalcomponent_free (w.calendar);
      }
      break;
    }

  /* Cancelled: no file, even one that is whole. */
  if (!ok || !output_close (&w.out, error) || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      output_discard (&w.out);
      return NULL;
    }
  written = g_new0 (Written, 1);
  written->tmp_path = g_steal_pointer (&w.out.tmp_path);
  written->rows = w.rows;
  output_discard (&w.out);
  return written;
}

/* In the main loop, on the studio's connection: the line in the audit log,
 * then the file in place. */
static gint64
put_in_place (RgStudio    *studio,
              const Job   *job,
              Written     *written,
              GError     **error)
{
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autoptr(GError) local_error = NULL;

  if (!rg_studio_audit (studio, RG_AUDIT_EXPORT, job->what, written->rows, name, job->detail, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Nothing was exported, because the studio could not note the export in its log: %s"),
                   local_error->message);
      return -1;
    }
  if (g_rename (written->tmp_path, job->path) != 0)
    {
      set_write_error (error, errno, job->path);
      return -1;
    }
  g_clear_pointer (&written->tmp_path, g_free);
  return written->rows;
}

static gint64
run (RgStudio  *studio,
     Job       *job,
     GError   **error)
{
  Written *written = write_export (rg_studio_get_store (studio), job, NULL, error);
  gint64 rows;

  if (written == NULL)
    return -1;
  rows = put_in_place (studio, job, written, error);
  written_free (written);
  return rows;
}

static Job *
clients_job (const char     *path,
             RgExportFormat  format,
             GError        **error)
{
  Job *job;

  if (format != RG_EXPORT_CSV && format != RG_EXPORT_CSV_COMMA && format != RG_EXPORT_VCARD &&
      format != RG_EXPORT_VCARD3)
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("Clients are exported as CSV or vCard."));
      return NULL;
    }
  job = g_new0 (Job, 1);
  job->what = "clients";
  job->format = format;
  job->path = g_strdup (path);
  job->detail = g_strdup (rg_export_format_to_string (format));
  return job;
}

static Job *
appointments_job (RgStudio             *studio,
                  const char           *path,
                  const RgExportPeriod *period,
                  GError              **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(RgStaff) staff = NULL;
  Job *job;

  if (!rg_date_valid (period->from) || !rg_date_valid (period->to) ||
      rg_date_compare (period->from, period->to) > 0)
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("The period ends before it starts. Choose its first and last days again."));
      return NULL;
    }
  if (period->staff_id != 0 &&
      (staff = rg_studio_lookup (studio, RG_TYPE_STAFF, period->staff_id, error)) == NULL)
    return NULL;

  from = rg_date_to_iso (period->from);
  to = rg_date_to_iso (period->to);
  job = g_new0 (Job, 1);
  job->what = "appointments";
  job->format = RG_EXPORT_ICS;
  job->path = g_strdup (path);
  job->from = rg_date_start (period->from);
  job->to = rg_date_end (period->to);
  job->staff_id = period->staff_id;
  if (staff != NULL)
    job->detail = g_strdup_printf ("ics %s..%s master: %s", from, to, rg_staff_get_display_name (staff));
  else
    job->detail = g_strdup_printf ("ics %s..%s", from, to);
  return job;
}

static Job *
payroll_job (RgStudio             *studio,
             const char           *path,
             RgExportFormat        format,
             const RgExportPeriod *period,
             GError              **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(RgStaff) staff = NULL;
  Job *job;

  if (format != RG_EXPORT_CSV && format != RG_EXPORT_CSV_COMMA)
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("The payroll is exported as CSV."));
      return NULL;
    }
  if (!rg_date_valid (period->from) || !rg_date_valid (period->to) ||
      rg_date_compare (period->from, period->to) > 0)
    {
      g_set_error_literal (error, RG_STUDIO_ERROR, RG_STUDIO_ERROR_INVALID,
                           _("The period ends before it starts. Choose its first and last days again."));
      return NULL;
    }
  if (period->staff_id != 0 &&
      (staff = rg_studio_lookup (studio, RG_TYPE_STAFF, period->staff_id, error)) == NULL)
    return NULL;

  from = rg_date_to_iso (period->from);
  to = rg_date_to_iso (period->to);
  job = g_new0 (Job, 1);
  job->what = "payroll";
  job->format = format;
  job->path = g_strdup (path);
  job->first_day = period->from;
  job->last_day = period->to;
  job->staff_id = period->staff_id;
  if (staff != NULL)
    job->detail = g_strdup_printf ("%s %s..%s master: %s", rg_export_format_to_string (format), from, to,
                                   rg_staff_get_display_name (staff));
  else
    job->detail = g_strdup_printf ("%s %s..%s", rg_export_format_to_string (format), from, to);
  return job;
}

/* The role's check (rg_studio_allowed(), the refusal in the audit log):
 * exports are the director's; a payroll also needs everyone's pay, or is
 * of the signed-in person's own. */
static gboolean
export_allowed (RgStudio             *studio,
                const RgExportPeriod *payroll,
                GError              **error)
{
  if (!rg_studio_allowed (studio, RG_ACTION_EXPORT, 0, 0, error))
    return FALSE;
  if (payroll == NULL)
    return TRUE;
  if (payroll->staff_id != 0 && payroll->staff_id == rg_studio_get_session_staff (studio))
    return rg_studio_allowed (studio, RG_ACTION_OWN_PAY, 0, 0, error);
  return rg_studio_allowed (studio, RG_ACTION_PAYROLL, 0, 0, error);
}

gint64
rg_export_clients (RgStudio        *studio,
                   const char      *path,
                   RgExportFormat   format,
                   GError         **error)
{
  Job *job;
  gint64 rows;

  g_return_val_if_fail (RG_IS_STUDIO (studio), -1);
  g_return_val_if_fail (path != NULL, -1);

  if (!export_allowed (studio, NULL, error) || (job = clients_job (path, format, error)) == NULL)
    return -1;
  rows = run (studio, job, error);
  job_free (job);
  return rows;
}

gint64
rg_export_appointments (RgStudio             *studio,
                        const char           *path,
                        const RgExportPeriod *period,
                        GError              **error)
{
  Job *job;
  gint64 rows;

  g_return_val_if_fail (RG_IS_STUDIO (studio), -1);
  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (period != NULL, -1);

  if (!export_allowed (studio, NULL, error) || (job = appointments_job (studio, path, period, error)) == NULL)
    return -1;
  rows = run (studio, job, error);
  job_free (job);
  return rows;
}

gint64
rg_export_payroll (RgStudio             *studio,
                   const char           *path,
                   RgExportFormat        format,
                   const RgExportPeriod *period,
                   GError              **error)
{
  Job *job;
  gint64 rows;

  g_return_val_if_fail (RG_IS_STUDIO (studio), -1);
  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (period != NULL, -1);

  if (!export_allowed (studio, period, error) || (job = payroll_job (studio, path, format, period, error)) == NULL)
    return -1;
  rows = run (studio, job, error);
  job_free (job);
  return rows;
}

/* Asynchronously ------------------------------------------------------------ */

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  RgStudio *studio = RG_STUDIO (source);
  GError *error = NULL;
  Written *written = rg_studio_count_finish (studio, result, &error);
  gint64 rows;

  if (written == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  rows = put_in_place (studio, g_task_get_task_data (task), written, &error);
  written_free (written);
  if (rows < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, rows);
}

static void
start (RgStudio            *studio,
       Job                 *job,
       GError              *error,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (studio, cancellable, callback, user_data);

  g_task_set_source_tag (task, rg_export_finish);
  g_task_set_name (task, "[regulars] export");
  if (job == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* The job outlives the count: the task holds it. */
  rg_studio_count_async (studio, write_export, job, NULL, (GDestroyNotify) written_free, cancellable,
                         written_cb, task);
}

void
rg_export_clients_async (RgStudio            *studio,
                         const char          *path,
                         RgExportFormat       format,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GError *error = NULL;
  Job *job;

  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (path != NULL);

  job = export_allowed (studio, NULL, &error) ? clients_job (path, format, &error) : NULL;
  start (studio, job, error, cancellable, callback, user_data);
}

void
rg_export_appointments_async (RgStudio             *studio,
                              const char           *path,
                              const RgExportPeriod *period,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  GError *error = NULL;
  Job *job;

  g_return_if_fail (RG_IS_STUDIO (studio));
  g_return_if_fail (path != NULL);
  g_return_if_fail (period != NULL);

  job = export_allowed (studio, NULL, &error) ? appointments_job (studio, path, period, &error) : NULL;
  start (studio, job, error, cancellable, callback, user_data);
}

gint64
rg_export_finish (RgStudio      *studio,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, studio), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rg_export_finish, -1);

  return g_task_propagate_int (G_TASK (result), error);
}
