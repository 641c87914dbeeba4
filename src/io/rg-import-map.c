/* rg-import-map.c — what the columns of an imported table mean.
 *
 * Headers are matched after folding (case, ё/е, punctuation as spaces):
 * first the studio's custom fields, then the exact headers Excel users,
 * Google Contacts, Outlook and other CRMs write, then the labels the dialog
 * shows (so a table whose header is our own labels — the vCard reader's —
 * maps back in any language), then words a header contains ("…телефон…").
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rg-import-map.h"
#include "util/rg-text.h"

static const struct {
  const char *key;
  const char *label;
} fields[RG_IMPORT_N_FIELDS] = {
  [RG_IMPORT_FIELD_SKIP]         = { "skip",         N_("Skip") },
  [RG_IMPORT_FIELD_ADDRESS_AS]   = { "address-as",   N_("How to address") },
  [RG_IMPORT_FIELD_FULL_NAME]    = { "full-name",    N_("Full name") },
  [RG_IMPORT_FIELD_PHONE]        = { "phone",        N_("Phone") },
  [RG_IMPORT_FIELD_PHONE2]       = { "phone2",       N_("Second phone") },
  [RG_IMPORT_FIELD_EMAIL]        = { "email",        N_("E-mail") },
  [RG_IMPORT_FIELD_BIRTHDAY]     = { "birthday",     N_("Birthday") },
  [RG_IMPORT_FIELD_GENDER]       = { "gender",       N_("Gender") },
  [RG_IMPORT_FIELD_NOTES]        = { "notes",        N_("Notes") },
  [RG_IMPORT_FIELD_TAGS]         = { "tags",         N_("Tags") },
  [RG_IMPORT_FIELD_SOURCE]       = { "source",       N_("Source") },
  [RG_IMPORT_FIELD_CUSTOM]       = { "custom",       N_("Custom field") },
  [RG_IMPORT_FIELD_VISIT_DATE]   = { "visit-date",   N_("Date") },
  [RG_IMPORT_FIELD_VISIT_TIME]   = { "visit-time",   N_("Time") },
  [RG_IMPORT_FIELD_VISIT_PHONE]  = { "visit-phone",  N_("Client’s phone") },
  [RG_IMPORT_FIELD_VISIT_CLIENT] = { "visit-client", N_("Client") },
  [RG_IMPORT_FIELD_SERVICE]      = { "service",      N_("Service") },
  [RG_IMPORT_FIELD_MASTER]       = { "master",       N_("Master") },
  [RG_IMPORT_FIELD_PRICE]        = { "price",        N_("Price") },
};

const char *
rg_import_field_label (RgImportField field)
{
  g_return_val_if_fail (field < RG_IMPORT_N_FIELDS, NULL);

  return _(fields[field].label);
}

const char *
rg_import_field_key (RgImportField field)
{
  g_return_val_if_fail (field < RG_IMPORT_N_FIELDS, NULL);

  return fields[field].key;
}

RgImportField
rg_import_field_from_key (const char *key)
{
  for (guint i = 0; key != NULL && i < RG_IMPORT_N_FIELDS; i++)
    if (strcmp (fields[i].key, key) == 0)
      return i;
  return RG_IMPORT_N_FIELDS;
}

gboolean
rg_import_field_is_visit (RgImportField field)
{
  return field >= RG_IMPORT_FIELD_VISIT_DATE && field < RG_IMPORT_N_FIELDS;
}

/* --- Headers ------------------------------------------------------------ */

/* Folded, punctuation as single spaces, trimmed: "Моб. телефон" → "моб
 * телефон", "E-mail 1 - Value" → "e mail 1 value". */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = rg_text_fold (header);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

/* What a header names, beyond the fields: a part of a name that a column of
 * the whole name makes redundant. */
typedef enum {
  PART_NONE,
  PART_WHOLE_NAME,   /* ФИО, Name, Full name */
  PART_FAMILY,       /* Фамилия, Last name: a full name without a whole-name column */
  PART_MIDDLE,       /* Отчество, Middle name: likewise */
  PART_MOBILE,       /* a phone that comes first */
  PART_OTHER_PHONE,  /* home, work, business: after the others */
} Part;

typedef struct {
  const char    *header;  /* normalized */
  RgImportField  field;
  Part           part;
} Known;

static const Known client_headers[] = {
  { "фио", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "фамилия имя отчество", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "фамилия имя", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "имя фамилия", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "клиент", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "полное имя", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "имя клиента", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "name", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "full name", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "display name", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "client", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "customer", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "contact", RG_IMPORT_FIELD_FULL_NAME, PART_WHOLE_NAME },
  { "фамилия", RG_IMPORT_FIELD_FULL_NAME, PART_FAMILY },
  { "last name", RG_IMPORT_FIELD_FULL_NAME, PART_FAMILY },
  { "family name", RG_IMPORT_FIELD_FULL_NAME, PART_FAMILY },
  { "surname", RG_IMPORT_FIELD_FULL_NAME, PART_FAMILY },
  { "отчество", RG_IMPORT_FIELD_FULL_NAME, PART_MIDDLE },
  { "middle name", RG_IMPORT_FIELD_FULL_NAME, PART_MIDDLE },
  { "additional name", RG_IMPORT_FIELD_FULL_NAME, PART_MIDDLE },
  { "обращение", RG_IMPORT_FIELD_ADDRESS_AS, PART_NONE },
  { "как обращаться", RG_IMPORT_FIELD_ADDRESS_AS, PART_NONE },
  { "имя", RG_IMPORT_FIELD_ADDRESS_AS, PART_NONE },
  { "first name", RG_IMPORT_FIELD_ADDRESS_AS, PART_NONE },
  { "given name", RG_IMPORT_FIELD_ADDRESS_AS, PART_NONE },
  { "address as", RG_IMPORT_FIELD_ADDRESS_AS, PART_NONE },
  { "телефон", RG_IMPORT_FIELD_PHONE, PART_NONE },
  { "тел", RG_IMPORT_FIELD_PHONE, PART_NONE },
  { "номер телефона", RG_IMPORT_FIELD_PHONE, PART_NONE },
  { "телефон 1", RG_IMPORT_FIELD_PHONE, PART_NONE },
  { "моб телефон", RG_IMPORT_FIELD_PHONE, PART_MOBILE },
  { "мобильный", RG_IMPORT_FIELD_PHONE, PART_MOBILE },
  { "мобильный телефон", RG_IMPORT_FIELD_PHONE, PART_MOBILE },
  { "сотовый", RG_IMPORT_FIELD_PHONE, PART_MOBILE },
  { "сотовый телефон", RG_IMPORT_FIELD_PHONE, PART_MOBILE },
  { "phone", RG_IMPORT_FIELD_PHONE, PART_NONE },
  { "phone number", RG_IMPORT_FIELD_PHONE, PART_NONE },
  { "primary phone", RG_IMPORT_FIELD_PHONE, PART_NONE },
  { "phone 1 value", RG_IMPORT_FIELD_PHONE, PART_NONE },
  { "mobile", RG_IMPORT_FIELD_PHONE, PART_MOBILE },
  { "mobile phone", RG_IMPORT_FIELD_PHONE, PART_MOBILE },
  { "cell", RG_IMPORT_FIELD_PHONE, PART_MOBILE },
  { "cell phone", RG_IMPORT_FIELD_PHONE, PART_MOBILE },
  { "телефон 2", RG_IMPORT_FIELD_PHONE2, PART_NONE },
  { "доп телефон", RG_IMPORT_FIELD_PHONE2, PART_NONE },
  { "дополнительный телефон", RG_IMPORT_FIELD_PHONE2, PART_NONE },
  { "второй телефон", RG_IMPORT_FIELD_PHONE2, PART_NONE },
  { "phone 2", RG_IMPORT_FIELD_PHONE2, PART_NONE },
  { "phone 2 value", RG_IMPORT_FIELD_PHONE2, PART_NONE },
  { "домашний телефон", RG_IMPORT_FIELD_PHONE, PART_OTHER_PHONE },
  { "рабочий телефон", RG_IMPORT_FIELD_PHONE, PART_OTHER_PHONE },
  { "home phone", RG_IMPORT_FIELD_PHONE, PART_OTHER_PHONE },
  { "business phone", RG_IMPORT_FIELD_PHONE, PART_OTHER_PHONE },
  { "work phone", RG_IMPORT_FIELD_PHONE, PART_OTHER_PHONE },
  { "other phone", RG_IMPORT_FIELD_PHONE, PART_OTHER_PHONE },
  { "e mail", RG_IMPORT_FIELD_EMAIL, PART_NONE },
  { "email", RG_IMPORT_FIELD_EMAIL, PART_NONE },
  { "почта", RG_IMPORT_FIELD_EMAIL, PART_NONE },
  { "эл почта", RG_IMPORT_FIELD_EMAIL, PART_NONE },
  { "электронная почта", RG_IMPORT_FIELD_EMAIL, PART_NONE },
  { "e mail address", RG_IMPORT_FIELD_EMAIL, PART_NONE },
  { "email address", RG_IMPORT_FIELD_EMAIL, PART_NONE },
  { "e mail 1 value", RG_IMPORT_FIELD_EMAIL, PART_NONE },
  { "дата рождения", RG_IMPORT_FIELD_BIRTHDAY, PART_NONE },
  { "др", RG_IMPORT_FIELD_BIRTHDAY, PART_NONE },
  { "д р", RG_IMPORT_FIELD_BIRTHDAY, PART_NONE },
  { "день рождения", RG_IMPORT_FIELD_BIRTHDAY, PART_NONE },
  { "birthday", RG_IMPORT_FIELD_BIRTHDAY, PART_NONE },
  { "birth date", RG_IMPORT_FIELD_BIRTHDAY, PART_NONE },
  { "date of birth", RG_IMPORT_FIELD_BIRTHDAY, PART_NONE },
  { "dob", RG_IMPORT_FIELD_BIRTHDAY, PART_NONE },
  { "пол", RG_IMPORT_FIELD_GENDER, PART_NONE },
  { "gender", RG_IMPORT_FIELD_GENDER, PART_NONE },
  { "sex", RG_IMPORT_FIELD_GENDER, PART_NONE },
  { "примечание", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "примечания", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "комментарий", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "комментарии", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "заметки", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "заметка", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "notes", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "note", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "comment", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "comments", RG_IMPORT_FIELD_NOTES, PART_NONE },
  { "теги", RG_IMPORT_FIELD_TAGS, PART_NONE },
  { "тэги", RG_IMPORT_FIELD_TAGS, PART_NONE },
  { "метки", RG_IMPORT_FIELD_TAGS, PART_NONE },
  { "группа", RG_IMPORT_FIELD_TAGS, PART_NONE },
  { "группы", RG_IMPORT_FIELD_TAGS, PART_NONE },
  { "tags", RG_IMPORT_FIELD_TAGS, PART_NONE },
  { "categories", RG_IMPORT_FIELD_TAGS, PART_NONE },
  { "group membership", RG_IMPORT_FIELD_TAGS, PART_NONE },
  { "labels", RG_IMPORT_FIELD_TAGS, PART_NONE },
  { "источник", RG_IMPORT_FIELD_SOURCE, PART_NONE },
  { "откуда узнал", RG_IMPORT_FIELD_SOURCE, PART_NONE },
  { "откуда узнала", RG_IMPORT_FIELD_SOURCE, PART_NONE },
  { "откуда узнали", RG_IMPORT_FIELD_SOURCE, PART_NONE },
  { "откуда узнал а", RG_IMPORT_FIELD_SOURCE, PART_NONE },
  { "source", RG_IMPORT_FIELD_SOURCE, PART_NONE },
  { "referral", RG_IMPORT_FIELD_SOURCE, PART_NONE },
};

static const Known visit_headers[] = {
  { "дата", RG_IMPORT_FIELD_VISIT_DATE, PART_NONE },
  { "дата визита", RG_IMPORT_FIELD_VISIT_DATE, PART_NONE },
  { "дата посещения", RG_IMPORT_FIELD_VISIT_DATE, PART_NONE },
  { "дата и время", RG_IMPORT_FIELD_VISIT_DATE, PART_NONE },
  { "date", RG_IMPORT_FIELD_VISIT_DATE, PART_NONE },
  { "visit date", RG_IMPORT_FIELD_VISIT_DATE, PART_NONE },
  { "время", RG_IMPORT_FIELD_VISIT_TIME, PART_NONE },
  { "время визита", RG_IMPORT_FIELD_VISIT_TIME, PART_NONE },
  { "time", RG_IMPORT_FIELD_VISIT_TIME, PART_NONE },
  { "start time", RG_IMPORT_FIELD_VISIT_TIME, PART_NONE },
  { "клиент", RG_IMPORT_FIELD_VISIT_CLIENT, PART_NONE },
  { "фио", RG_IMPORT_FIELD_VISIT_CLIENT, PART_NONE },
  { "фио клиента", RG_IMPORT_FIELD_VISIT_CLIENT, PART_NONE },
  { "имя", RG_IMPORT_FIELD_VISIT_CLIENT, PART_NONE },
  { "имя клиента", RG_IMPORT_FIELD_VISIT_CLIENT, PART_NONE },
  { "client", RG_IMPORT_FIELD_VISIT_CLIENT, PART_NONE },
  { "customer", RG_IMPORT_FIELD_VISIT_CLIENT, PART_NONE },
  { "name", RG_IMPORT_FIELD_VISIT_CLIENT, PART_NONE },
  { "client name", RG_IMPORT_FIELD_VISIT_CLIENT, PART_NONE },
  { "услуга", RG_IMPORT_FIELD_SERVICE, PART_NONE },
  { "услуги", RG_IMPORT_FIELD_SERVICE, PART_NONE },
  { "процедура", RG_IMPORT_FIELD_SERVICE, PART_NONE },
  { "service", RG_IMPORT_FIELD_SERVICE, PART_NONE },
  { "services", RG_IMPORT_FIELD_SERVICE, PART_NONE },
  { "мастер", RG_IMPORT_FIELD_MASTER, PART_NONE },
  { "сотрудник", RG_IMPORT_FIELD_MASTER, PART_NONE },
  { "специалист", RG_IMPORT_FIELD_MASTER, PART_NONE },
  { "master", RG_IMPORT_FIELD_MASTER, PART_NONE },
  { "staff", RG_IMPORT_FIELD_MASTER, PART_NONE },
  { "employee", RG_IMPORT_FIELD_MASTER, PART_NONE },
  { "stylist", RG_IMPORT_FIELD_MASTER, PART_NONE },
  { "цена", RG_IMPORT_FIELD_PRICE, PART_NONE },
  { "сумма", RG_IMPORT_FIELD_PRICE, PART_NONE },
  { "стоимость", RG_IMPORT_FIELD_PRICE, PART_NONE },
  { "итого", RG_IMPORT_FIELD_PRICE, PART_NONE },
  { "price", RG_IMPORT_FIELD_PRICE, PART_NONE },
  { "amount", RG_IMPORT_FIELD_PRICE, PART_NONE },
  { "total", RG_IMPORT_FIELD_PRICE, PART_NONE },
};

static gboolean
contains_word (const char *normalized,
               const char *stem)
{
  return rg_text_starts_word (normalized, stem);
}

static gboolean
names_phone (const char *h)
{
  return contains_word (h, "телефон") || contains_word (h, "тел") || contains_word (h, "phone") ||
         contains_word (h, "mobile") || contains_word (h, "мобильн") || contains_word (h, "сотов");
}

static RgImportField
guess (const char *header,
       gboolean    visits,
       Part       *part)
{
  g_autofree char *h = normalize_header (header);
  const Known *known = visits ? visit_headers : client_headers;
  guint n = visits ? G_N_ELEMENTS (visit_headers) : G_N_ELEMENTS (client_headers);

  *part = PART_NONE;
  if (*h == '\0')
    return RG_IMPORT_FIELD_SKIP;

  for (guint i = 0; i < n; i++)
    if (strcmp (h, known[i].header) == 0)
      {
        *part = known[i].part;
        return known[i].field;
      }

  /* Our own labels, in the language of the day. */
  for (RgImportField f = RG_IMPORT_FIELD_ADDRESS_AS; f < RG_IMPORT_N_FIELDS; f++)
    {
      g_autofree char *label = NULL;

      if (f == RG_IMPORT_FIELD_CUSTOM || rg_import_field_is_visit (f) != visits)
        continue;
      label = normalize_header (rg_import_field_label (f));
      if (strcmp (h, label) == 0)
        return f;
    }

  /* Words in a longer header. A column that says what kind a phone is
   * ("Phone 1 - Type") is not the phone. */
  if (contains_word (h, "type") || contains_word (h, "label") || contains_word (h, "тип"))
    return RG_IMPORT_FIELD_SKIP;
  if (names_phone (h))
    {
      if (visits)
        return RG_IMPORT_FIELD_VISIT_PHONE;
      if (contains_word (h, "доп") || contains_word (h, "втор") || contains_word (h, "2"))
        return RG_IMPORT_FIELD_PHONE2;
      if (contains_word (h, "mobile") || contains_word (h, "моб") || contains_word (h, "сотов") ||
          contains_word (h, "cell"))
        *part = PART_MOBILE;
      else if (contains_word (h, "home") || contains_word (h, "work") || contains_word (h, "business") ||
               contains_word (h, "other") || contains_word (h, "дом") || contains_word (h, "раб"))
        *part = PART_OTHER_PHONE;
      return RG_IMPORT_FIELD_PHONE;
    }
  if (visits)
    {
      if (contains_word (h, "дата") || contains_word (h, "date"))
        return RG_IMPORT_FIELD_VISIT_DATE;
      if (contains_word (h, "время") || contains_word (h, "time"))
        return RG_IMPORT_FIELD_VISIT_TIME;
      if (contains_word (h, "услуг") || contains_word (h, "service"))
        return RG_IMPORT_FIELD_SERVICE;
      if (contains_word (h, "мастер") || contains_word (h, "сотрудник") || contains_word (h, "staff") ||
          contains_word (h, "master"))
        return RG_IMPORT_FIELD_MASTER;
      if (contains_word (h, "цена") || contains_word (h, "сумм") || contains_word (h, "стоимост") ||
          contains_word (h, "price") || contains_word (h, "amount"))
        return RG_IMPORT_FIELD_PRICE;
      if (contains_word (h, "клиент") || contains_word (h, "client") || contains_word (h, "фио"))
        return RG_IMPORT_FIELD_VISIT_CLIENT;
      return RG_IMPORT_FIELD_SKIP;
    }
  if (contains_word (h, "e mail") || contains_word (h, "email") || contains_word (h, "почта"))
    return RG_IMPORT_FIELD_EMAIL;
  if (contains_word (h, "рожд") || contains_word (h, "birth"))
    return RG_IMPORT_FIELD_BIRTHDAY;
  if (contains_word (h, "примечан") || contains_word (h, "коммент") || contains_word (h, "заметк") ||
      contains_word (h, "note") || contains_word (h, "comment"))
    return RG_IMPORT_FIELD_NOTES;
  if (contains_word (h, "фио"))
    {
      *part = PART_WHOLE_NAME;
      return RG_IMPORT_FIELD_FULL_NAME;
    }
  return RG_IMPORT_FIELD_SKIP;
}

RgImportField
rg_import_guess_field (const char *header,
                       gboolean    visits)
{
  Part part;

  g_return_val_if_fail (header != NULL, RG_IMPORT_FIELD_SKIP);

  return guess (header, visits, &part);
}

/* --- Cells -------------------------------------------------------------- */

static gboolean
looks_like_phone (const char *cell)
{
  guint digits = 0, letters = 0;

  for (const char *p = cell; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        digits++;
      else if (g_unichar_isalpha (c))
        letters++;
    }
  return digits >= 6 && digits > letters * 2;
}

static gboolean
looks_like_date (const char *cell)
{
  guint digits = 0, signs = 0;

  for (const char *p = cell; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '.' || *p == '-' || *p == '/')
        signs++;
      else if (*p != ' ')
        return FALSE;
    }
  return digits >= 3 && digits <= 8 && signs >= 1 && signs <= 2;
}

gboolean
rg_import_guess_has_header (RgTable *table)
{
  const char * const *first;
  gboolean known = FALSE;
  gboolean data_below = FALSE;

  g_return_val_if_fail (table != NULL, FALSE);

  if (rg_table_get_n_rows (table) == 0)
    return FALSE;
  first = rg_table_get_row (table, 0);
  for (guint i = 0; first[i]; i++)
    {
      if (looks_like_phone (first[i]) || looks_like_date (first[i]) || rg_text_is_email (first[i]))
        return FALSE;
      if (rg_import_guess_field (first[i], FALSE) != RG_IMPORT_FIELD_SKIP ||
          rg_import_guess_field (first[i], TRUE) != RG_IMPORT_FIELD_SKIP)
        known = TRUE;
    }
  if (known)
    return TRUE;
  if (rg_table_get_n_rows (table) > 1)
    {
      const char * const *second = rg_table_get_row (table, 1);

      for (guint i = 0; second[i]; i++)
        if (looks_like_phone (second[i]) || rg_text_is_email (second[i]))
          data_below = TRUE;
    }
  return data_below;
}

/* Without a header: what the first rows' cells look like. */
static void
guess_from_cells (RgTable        *table,
                  gboolean        visits,
                  RgImportColumn *columns,
                  guint           n)
{
  guint n_rows = MIN (rg_table_get_n_rows (table), 20);
  gboolean have_name = FALSE, have_phone = FALSE, have_phone2 = FALSE, have_email = FALSE, have_date = FALSE;

  for (guint c = 0; c < n; c++)
    {
      guint phones = 0, emails = 0, dates = 0, texts = 0;

      for (guint r = 0; r < n_rows; r++)
        {
          const char *cell = rg_table_get_cell (table, r, c);

          if (cell == NULL || *cell == '\0')
            continue;
          if (rg_text_is_email (cell))
            emails++;
          else if (looks_like_date (cell))
            dates++;
          else if (looks_like_phone (cell))
            phones++;
          else
            texts++;
        }
      if (phones > 0 && phones >= texts && !have_phone2)
        {
          columns[c].field = visits ? RG_IMPORT_FIELD_VISIT_PHONE
                           : have_phone ? RG_IMPORT_FIELD_PHONE2 : RG_IMPORT_FIELD_PHONE;
          have_phone2 = have_phone || visits;
          have_phone = TRUE;
        }
      else if (emails > 0 && emails >= texts && !have_email && !visits)
        {
          columns[c].field = RG_IMPORT_FIELD_EMAIL;
          have_email = TRUE;
        }
      else if (dates > 0 && dates >= texts && !have_date)
        {
          columns[c].field = visits ? RG_IMPORT_FIELD_VISIT_DATE : RG_IMPORT_FIELD_BIRTHDAY;
          have_date = TRUE;
        }
      else if (texts > 0 && !have_name)
        {
          columns[c].field = visits ? RG_IMPORT_FIELD_VISIT_CLIENT : RG_IMPORT_FIELD_FULL_NAME;
          have_name = TRUE;
        }
    }
}

RgImportColumn *
rg_import_guess_columns (RgTable            *table,
                         gboolean            has_header,
                         gboolean            visits,
                         const char * const *custom_names,
                         const gint64       *custom_ids,
                         guint              *n_columns)
{
  RgImportColumn *columns;
  g_autofree Part *parts = NULL;
  guint n;
  gboolean whole_name = FALSE;
  gint best_phone = -1, second_phone = -1;
  gboolean explicit_phone2 = FALSE;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (n_columns != NULL, NULL);

  n = rg_table_get_n_columns (table);
  *n_columns = n;
  columns = g_new0 (RgImportColumn, MAX (n, 1));
  parts = g_new0 (Part, MAX (n, 1));

  if (!has_header || rg_table_get_n_rows (table) == 0)
    {
      guess_from_cells (table, visits, columns, n);
      return columns;
    }

  for (guint c = 0; c < n; c++)
    {
      const char *header = rg_table_get_cell (table, 0, c);
      gboolean custom = FALSE;

      if (header == NULL)
        continue;
      if (!visits && custom_names != NULL)
        {
          g_autofree char *h = normalize_header (header);

          for (guint i = 0; custom_names[i] && !custom; i++)
            {
              g_autofree char *name = normalize_header (custom_names[i]);

              if (*h && strcmp (h, name) == 0)
                {
                  gboolean taken = FALSE;
                  gint64 id = custom_ids ? custom_ids[i] : (gint64) i;

                  for (guint k = 0; k < c; k++)
                    taken |= columns[k].field == RG_IMPORT_FIELD_CUSTOM && columns[k].custom_field_id == id;
                  if (!taken)
                    {
                      columns[c].field = RG_IMPORT_FIELD_CUSTOM;
                      columns[c].custom_field_id = id;
                    }
                  custom = TRUE;
                }
            }
        }
      if (!custom)
        columns[c].field = guess (header, visits, &parts[c]);
      if (parts[c] == PART_WHOLE_NAME)
        whole_name = TRUE;
      if (columns[c].field == RG_IMPORT_FIELD_PHONE2)
        explicit_phone2 = TRUE;
    }

  /* The phones: a mobile first, then a plain one, then home or work; the
   * best is the phone, the next the second phone (unless a column says it
   * is), any others go to the notes through the second phone. */
  for (int rank = 0; rank < 3; rank++)
    for (guint c = 0; c < n; c++)
      {
        Part p = parts[c];
        int r = p == PART_MOBILE ? 0 : p == PART_OTHER_PHONE ? 2 : 1;

        if (columns[c].field != RG_IMPORT_FIELD_PHONE || r != rank)
          continue;
        if (best_phone < 0)
          best_phone = c;
        else if (second_phone < 0)
          second_phone = c;
      }
  for (guint c = 0; c < n; c++)
    if (columns[c].field == RG_IMPORT_FIELD_PHONE && (gint) c != best_phone)
      columns[c].field = RG_IMPORT_FIELD_PHONE2;
  (void) explicit_phone2;

  /* One column per field, but notes, tags and the parts of a name join;
   * a family name is redundant beside a whole name. */
  for (guint c = 0; c < n; c++)
    {
      RgImportField f = columns[c].field;
      gboolean taken = FALSE;

      if (f == RG_IMPORT_FIELD_SKIP || f == RG_IMPORT_FIELD_CUSTOM || f == RG_IMPORT_FIELD_NOTES ||
          f == RG_IMPORT_FIELD_TAGS || f == RG_IMPORT_FIELD_PHONE2)
        continue;
      if (f == RG_IMPORT_FIELD_FULL_NAME && (parts[c] == PART_FAMILY || parts[c] == PART_MIDDLE))
        {
          if (whole_name)
            columns[c].field = RG_IMPORT_FIELD_SKIP;
          continue;
        }
      for (guint k = 0; k < c; k++)
        taken |= columns[k].field == f;
      if (taken)
        columns[c].field = RG_IMPORT_FIELD_SKIP;
    }

  return columns;
}

/* --- Rows --------------------------------------------------------------- */

/* A cell trimmed, NULL when empty. The export writes an apostrophe before
 * a cell a spreadsheet would take for a formula (= + - @, see
 * rg_export_csv_append_cell()), and Excel users type one to keep such a
 * cell text: exactly one apostrophe is dropped from a cell whose leading
 * apostrophes stand before one of those ("'=1" is "=1", "''=1" is "'=1"),
 * so an export comes back as it was; "'Анна" keeps its apostrophe. */
static char *
trimmed (const char *cell)
{
  char *t;

  if (cell == NULL)
    return NULL;
  t = g_strstrip (g_strdup (cell));
  if (t[0] == '\'')
    {
      const char *after = t + strspn (t, "'");

      if (*after != '\0' && strchr ("=+-@", *after) != NULL)
        memmove (t, t + 1, strlen (t));
    }
  if (*t == '\0')
    g_clear_pointer (&t, g_free);
  return t;
}

static void
set_first (char **slot,
           char  *value)
{
  if (*slot == NULL)
    *slot = value;
  else
    g_free (value);
}

static void
join (char      **slot,
      char       *value,
      const char *separator)
{
  if (*slot == NULL)
    *slot = value;
  else
    {
      char *joined = g_strconcat (*slot, separator, value, NULL);

      g_free (*slot);
      g_free (value);
      *slot = joined;
    }
}

static gboolean
is_latin (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN;
    }
  return FALSE;
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_autofree char *t = rg_text_fold (text);
  g_autofree char *w = rg_text_fold (word);
  g_auto(GStrv) words = g_strsplit (t, " ", -1);

  for (guint i = 0; words[i]; i++)
    if (strcmp (words[i], w) == 0)
      return TRUE;
  return FALSE;
}

/* The full name from its columns: one whole name as it is; a surname (and a
 * patronymic or a middle name) completed with the given name of the
 * address-as column, in the order of its script. */
static char *
compose_name (GPtrArray  *parts,
              const char *given)
{
  GString *out = g_string_new (NULL);
  gboolean complete;

  if (parts->len == 0)
    return g_string_free (out, TRUE);
  complete = given != NULL && (parts->len > 1 || strchr (g_ptr_array_index (parts, 0), ' ') == NULL);
  for (guint i = 0; complete && i < parts->len; i++)
    if (has_word (g_ptr_array_index (parts, i), given))
      complete = FALSE;

  if (complete && is_latin (given))
    g_string_append (out, given);
  for (guint i = 0; i < parts->len; i++)
    {
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (parts, i));
      if (i == 0 && complete && !is_latin (given))
        g_string_append_printf (out, " %s", given);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
rg_import_map_clients (RgTable              *table,
                       gboolean              has_header,
                       const RgImportColumn *columns,
                       guint                 n_columns)
{
  GPtrArray *rows;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_client_import_row_free);
  for (guint r = has_header ? 1 : 0; r < rg_table_get_n_rows (table); r++)
    {
      RgClientImportRow *row = rg_client_import_row_new (rg_table_get_line (table, r));
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) phones2 = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func (g_free);
      guint len = rg_table_get_row_length (table, r);

      for (guint c = 0; c < MIN (len, n_columns); c++)
        {
          char *cell = trimmed (rg_table_get_cell (table, r, c));

          if (cell == NULL)
            continue;
          switch (columns[c].field)
            {
            case RG_IMPORT_FIELD_ADDRESS_AS:
              set_first (&row->address_as, cell);
              break;
            case RG_IMPORT_FIELD_FULL_NAME:
              g_ptr_array_add (names, cell);
              break;
            case RG_IMPORT_FIELD_PHONE:
            case RG_IMPORT_FIELD_VISIT_PHONE:
              g_ptr_array_add (phones, cell);
              break;
            case RG_IMPORT_FIELD_PHONE2:
              g_ptr_array_add (phones2, cell);
              break;
            case RG_IMPORT_FIELD_EMAIL:
              g_ptr_array_add (emails, cell);
              break;
            case RG_IMPORT_FIELD_BIRTHDAY:
              set_first (&row->birthday, cell);
              break;
            case RG_IMPORT_FIELD_GENDER:
              set_first (&row->gender, cell);
              break;
            case RG_IMPORT_FIELD_NOTES:
              join (&row->notes, cell, "\n");
              break;
            case RG_IMPORT_FIELD_TAGS:
              join (&row->tags, cell, ", ");
              break;
            case RG_IMPORT_FIELD_SOURCE:
              set_first (&row->source, cell);
              break;
            case RG_IMPORT_FIELD_CUSTOM:
              {
                gint64 id = columns[c].custom_field_id;

                if (row->fields == NULL)
                  row->fields = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
                if (g_hash_table_contains (row->fields, &id))
                  g_free (cell);
                else
                  g_hash_table_insert (row->fields, g_memdup2 (&id, sizeof id), cell);
              }
              break;
            case RG_IMPORT_FIELD_SKIP:
            case RG_IMPORT_FIELD_VISIT_DATE:
            case RG_IMPORT_FIELD_VISIT_TIME:
            case RG_IMPORT_FIELD_VISIT_CLIENT:
            case RG_IMPORT_FIELD_SERVICE:
            case RG_IMPORT_FIELD_MASTER:
            case RG_IMPORT_FIELD_PRICE:
            case RG_IMPORT_N_FIELDS:
            default:
              g_free (cell);
              break;
            }
        }

      /* Phones: the phone columns first, then the second-phone ones. */
      g_ptr_array_extend_and_steal (phones, g_steal_pointer (&phones2));
      if (phones->len > 0)
        row->phone = g_strdup (g_ptr_array_index (phones, 0));
      if (phones->len > 1)
        row->phone2 = g_strdup (g_ptr_array_index (phones, 1));
      if (phones->len > 2)
        {
          g_autoptr(GString) others = g_string_new (NULL);

          for (guint i = 2; i < phones->len; i++)
            g_string_append_printf (others, "%s%s", i > 2 ? ", " : "", (char *) g_ptr_array_index (phones, i));
          join (&row->notes, g_strdup_printf ("%s %s", _("Other phones:"), others->str), "\n");
        }
      if (emails->len > 0)
        row->email = g_strdup (g_ptr_array_index (emails, 0));
      if (emails->len > 1)
        {
          g_autoptr(GString) others = g_string_new (NULL);

          for (guint i = 1; i < emails->len; i++)
            g_string_append_printf (others, "%s%s", i > 1 ? ", " : "", (char *) g_ptr_array_index (emails, i));
          join (&row->notes, g_strdup_printf ("%s %s", _("Other e-mail addresses:"), others->str), "\n");
        }

      row->full_name = compose_name (names, row->address_as);
      row->given_first = row->full_name != NULL && is_latin (row->full_name);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

GPtrArray *
rg_import_map_visits (RgTable              *table,
                      gboolean              has_header,
                      const RgImportColumn *columns,
                      guint                 n_columns)
{
  GPtrArray *rows;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_visit_import_row_free);
  for (guint r = has_header ? 1 : 0; r < rg_table_get_n_rows (table); r++)
    {
      RgVisitImportRow *row = rg_visit_import_row_new (rg_table_get_line (table, r));
      guint len = rg_table_get_row_length (table, r);

      for (guint c = 0; c < MIN (len, n_columns); c++)
        {
          char *cell = trimmed (rg_table_get_cell (table, r, c));

          if (cell == NULL)
            continue;
          switch (columns[c].field)
            {
            case RG_IMPORT_FIELD_VISIT_DATE:
              set_first (&row->date, cell);
              break;
            case RG_IMPORT_FIELD_VISIT_TIME:
              set_first (&row->time, cell);
              break;
            case RG_IMPORT_FIELD_VISIT_PHONE:
            case RG_IMPORT_FIELD_PHONE:
              set_first (&row->phone, cell);
              break;
            case RG_IMPORT_FIELD_VISIT_CLIENT:
            case RG_IMPORT_FIELD_FULL_NAME:
            case RG_IMPORT_FIELD_ADDRESS_AS:
              set_first (&row->client_name, cell);
              break;
            case RG_IMPORT_FIELD_SERVICE:
              join (&row->service, cell, ", ");
              break;
            case RG_IMPORT_FIELD_MASTER:
              set_first (&row->master, cell);
              break;
            case RG_IMPORT_FIELD_PRICE:
              set_first (&row->price, cell);
              break;
            default:
              g_free (cell);
              break;
            }
        }

      /* "12.03.2024 14:30" in the date column and no time column. */
      if (row->date != NULL && row->time == NULL)
        {
          char *space = strchr (row->date, ' ');

          if (space != NULL && strchr (space, ':') != NULL)
            {
              row->time = g_strstrip (g_strdup (space + 1));
              *space = '\0';
            }
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

gboolean
rg_import_check_rows (GPtrArray  *rows,
                      GError    **error)
{
  g_return_val_if_fail (rows != NULL, FALSE);

  if (rows->len > 0)
    return TRUE;
  g_set_error_literal (error, RG_IO_ERROR, RG_IO_ERROR_EMPTY,
                       _("The file has nothing to import: only a header, or rows with every cell empty."));
  return FALSE;
}
