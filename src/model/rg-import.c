/* rg-import.c — bringing a studio's existing base in (see rg-import.h).
 *
 * A plan reads every row by the card's own rules (rg-client-private.h: the
 * same checks rg_studio_save() makes), finds its duplicates by normalized
 * phone — against the studio's cards, whose numbers are read once into a
 * hash table, and against the file's earlier rows — and writes nothing.
 * The write is one transaction: the audit line first, then (when an undo
 * is asked for) a recording of everything after it, so that undoing the
 * import never touches the append-only audit log; new cards go in through
 * the store's bulk inserter (multi-row INSERTs, no object per row), the
 * search index kept by the schema's triggers; cards a row merges into are
 * filled where empty by one UPDATE each, never overwritten. RgStudio
 * announces the commit once (a reset of the clients when it is large).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-client-private.h"
#include "rg-custom-field.h"
#include "rg-import.h"
#include "store/rg-store-insert.h"
#include "util/rg-money.h"
#include "util/rg-phone.h"
#include "util/rg-text.h"
#include "util/rg-time.h"

#define MAX_SHORT  1024        /* bytes of a name, a phone, an e-mail, a tag list... */
#define MAX_LONG   (64 * 1024) /* bytes of notes */
#define NOON       (12 * 60)
#define NEW_SERVICE_MINUTES 60

/* --- Rows --------------------------------------------------------------- */

RgClientImportRow *
rg_client_import_row_new (guint line)
{
  RgClientImportRow *row = g_new0 (RgClientImportRow, 1);

  row->line = line;
  return row;
}

void
rg_client_import_row_free (RgClientImportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->address_as);
  g_free (row->full_name);
  g_free (row->phone);
  g_free (row->phone2);
  g_free (row->email);
  g_free (row->birthday);
  g_free (row->gender);
  g_free (row->notes);
  g_free (row->tags);
  g_free (row->source);
  g_clear_pointer (&row->fields, g_hash_table_unref);
  g_free (row);
}

RgVisitImportRow *
rg_visit_import_row_new (guint line)
{
  RgVisitImportRow *row = g_new0 (RgVisitImportRow, 1);

  row->line = line;
  return row;
}

void
rg_visit_import_row_free (RgVisitImportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->date);
  g_free (row->time);
  g_free (row->phone);
  g_free (row->client_name);
  g_free (row->service);
  g_free (row->master);
  g_free (row->price);
  g_free (row);
}

/* --- Problems ----------------------------------------------------------- */

static void
problem_free (gpointer data)
{
  RgImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             gboolean    fatal,
             const char *code,
             const char *column,
             const char *message)
{
  RgImportProblem *problem = g_new0 (RgImportProblem, 1);

  problem->fatal = fatal;
  problem->code = code;       /* static strings */
  problem->column = column;
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

static gboolean
has_fatal (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    if (((RgImportProblem *) problems->pdata[i])->fatal)
      return TRUE;
  return FALSE;
}

/* A cell trimmed, NULL when empty; its bytes made valid UTF-8 (a reader
 * gives UTF-8; what is not becomes U+FFFD rather than being dropped). */
static char *
cell (const char *text)
{
  char *out;

  if (text == NULL)
    return NULL;
  out = g_strstrip (g_utf8_make_valid (text, -1));
  if (*out == '\0')
    g_clear_pointer (&out, g_free);
  return out;
}

/* The fields' names in a message, as a sentence names them. */
static const struct {
  const char *key;
  const char *label;
} column_labels[] = {
  { "address_as", N_("name to address the client by") },
  { "full_name", N_("full name") },
  { "phone", N_("phone") },
  { "phone2", N_("second phone") },
  { "email", N_("e-mail") },
  { "birthday", N_("birthday") },
  { "gender", N_("gender") },
  { "notes", N_("notes") },
  { "tags", N_("tags") },
  { "source", N_("source") },
  { "field", N_("field value") },
};

/* Whether a cell is longer than any such field can be: the row is
 * refused, the cell never stored. */
static gboolean
too_long (GPtrArray  *problems,
          const char *text,
          gsize       max,
          const char *column)
{
  g_autofree char *message = NULL;
  const char *label = column;

  if (text == NULL || strlen (text) <= max)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (column_labels); i++)
    if (g_str_equal (column_labels[i].key, column))
      label = _(column_labels[i].label);
  /* Translators: %s is the field's name as the card shows it ("full name", "phone") */
  message = g_strdup_printf (_("The %s is too long (%lu characters) to be one: check the file."),
                             label, (unsigned long) g_utf8_strlen (text, MIN (strlen (text), 16 * 1024 * 1024)));
  add_problem (problems, TRUE, "too-long", column, message);
  return TRUE;
}

/* --- Clients: what a row says ------------------------------------------- */

typedef struct {
  char       *address_as;
  char       *full_name;
  char       *phone;          /* formatted */
  char       *phone_digits;
  char       *phone2;
  char       *phone2_digits;
  GPtrArray  *more_phones;    /* formatted, beyond two; NULL: none */
  char       *email;
  int         day, month, year;
  RgGender    gender;
  char       *notes;
  GPtrArray  *tags;           /* names, each once (any case) */
  char       *source;
  GHashTable *fields;         /* field id (gint64 *) → value as stored; NULL: none */
} Card;

static void
card_clear (Card *card)
{
  g_free (card->address_as);
  g_free (card->full_name);
  g_free (card->phone);
  g_free (card->phone_digits);
  g_free (card->phone2);
  g_free (card->phone2_digits);
  g_clear_pointer (&card->more_phones, g_ptr_array_unref);
  g_free (card->email);
  g_free (card->notes);
  g_clear_pointer (&card->tags, g_ptr_array_unref);
  g_free (card->source);
  g_clear_pointer (&card->fields, g_hash_table_unref);
  memset (card, 0, sizeof *card);
}

static GHashTable *
fields_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
card_copy (Card       *to,
           const Card *from)
{
  to->address_as = g_strdup (from->address_as);
  to->full_name = g_strdup (from->full_name);
  to->phone = g_strdup (from->phone);
  to->phone_digits = g_strdup (from->phone_digits);
  to->phone2 = g_strdup (from->phone2);
  to->phone2_digits = g_strdup (from->phone2_digits);
  if (from->more_phones)
    {
      to->more_phones = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < from->more_phones->len; i++)
        g_ptr_array_add (to->more_phones, g_strdup (from->more_phones->pdata[i]));
    }
  to->email = g_strdup (from->email);
  to->day = from->day, to->month = from->month, to->year = from->year;
  to->gender = from->gender;
  to->notes = g_strdup (from->notes);
  to->tags = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; from->tags && i < from->tags->len; i++)
    g_ptr_array_add (to->tags, g_strdup (from->tags->pdata[i]));
  to->source = g_strdup (from->source);
  if (from->fields)
    {
      GHashTableIter iter;
      gpointer key, value;

      to->fields = fields_new ();
      g_hash_table_iter_init (&iter, from->fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (to->fields, g_memdup2 (key, sizeof (gint64)), g_strdup (value));
    }
}

static void
add_tag (GPtrArray  *tags,
         const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < tags->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (tags->pdata[i], -1);

      if (g_str_equal (folded, other))
        return;
    }
  g_ptr_array_add (tags, g_strdup (name));
}

static void
unref_or_null (gpointer object)
{
  if (object)
    g_object_unref (object);
}

static void
set_str (char       **place,
         const char  *text)
{
  char *copy = g_strdup (text);

  g_free (*place);
  *place = copy;
}

static void
fill (char       **mine,
      const char  *theirs)
{
  if ((*mine == NULL || **mine == '\0') && theirs)
    set_str (mine, theirs);
}

/* Notes of both, @text after what the card has, once. */
static void
append_notes (char       **notes,
              const char  *text)
{
  if (text == NULL || *text == '\0' || (*notes && strstr (*notes, text)))
    return;
  if (*notes == NULL || **notes == '\0')
    set_str (notes, text);
  else
    {
      char *both = g_strconcat (*notes, "\n\n", text, NULL);

      g_free (*notes);
      *notes = both;
    }
}

/* The numbers beyond a card's two, as a line of its notes. */
static char *
phones_note (GPtrArray *phones)
{
  g_autoptr(GString) line = NULL;

  if (phones == NULL || phones->len == 0)
    return NULL;
  line = g_string_new (_("Other phones:"));
  for (guint i = 0; i < phones->len; i++)
    g_string_append_printf (line, "%s %s", i ? "," : "", (const char *) phones->pdata[i]);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* A later row of the same person folded into the card an earlier row
 * makes: what the card lacks is filled, tags and notes are added. */
static void
card_fold (Card       *card,
           const Card *row)
{
  const char *phones[] = { row->phone, row->phone2 };
  const char *digits[] = { row->phone_digits, row->phone2_digits };

  for (guint i = 0; i < 2; i++)
    {
      if (digits[i] == NULL || g_strcmp0 (digits[i], card->phone_digits) == 0 ||
          g_strcmp0 (digits[i], card->phone2_digits) == 0)
        continue;
      if (card->phone2 == NULL)
        {
          card->phone2 = g_strdup (phones[i]);
          card->phone2_digits = g_strdup (digits[i]);
        }
      else
        {
          if (card->more_phones == NULL)
            card->more_phones = g_ptr_array_new_with_free_func (g_free);
          if (!g_ptr_array_find_with_equal_func (card->more_phones, phones[i], g_str_equal, NULL))
            g_ptr_array_add (card->more_phones, g_strdup (phones[i]));
        }
    }
  for (guint i = 0; row->more_phones && i < row->more_phones->len; i++)
    {
      if (card->more_phones == NULL)
        card->more_phones = g_ptr_array_new_with_free_func (g_free);
      if (!g_ptr_array_find_with_equal_func (card->more_phones, row->more_phones->pdata[i], g_str_equal, NULL))
        g_ptr_array_add (card->more_phones, g_strdup (row->more_phones->pdata[i]));
    }
  fill (&card->full_name, row->full_name);
  fill (&card->email, row->email);
  fill (&card->source, row->source);
  if (card->day == 0 && row->day != 0)
    card->day = row->day, card->month = row->month, card->year = row->year;
  else if (card->day == row->day && card->month == row->month && card->year == 0)
    card->year = row->year;
  if (card->gender == RG_GENDER_UNSET)
    card->gender = row->gender;
  append_notes (&card->notes, row->notes);
  for (guint i = 0; row->tags && i < row->tags->len; i++)
    add_tag (card->tags, row->tags->pdata[i]);
  if (row->fields)
    {
      GHashTableIter iter;
      gpointer key, value;

      if (card->fields == NULL)
        card->fields = fields_new ();
      g_hash_table_iter_init (&iter, row->fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (card->fields, key))
          g_hash_table_insert (card->fields, g_memdup2 (key, sizeof (gint64)), g_strdup (value));
    }
}

/* The given name in a full name: "Иванова Мария Петровна" (surname, given
 * name, patronymic) → "Мария"; "Mary Smith" (@given_first) → "Mary"; a
 * single word → itself. */
static char *
given_name (const char *full_name,
            gboolean    given_first)
{
  g_auto(GStrv) words = g_strsplit_set (full_name, " \t\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_ptr_array_add (kept, words[i]);
  if (kept->len == 0)
    return NULL;
  if (given_first || kept->len == 1)
    return g_strdup (kept->pdata[0]);
  return g_strdup (kept->pdata[1]);
}

static RgGender
read_gender (const char *text,
             gboolean   *ok)
{
  static const struct { const char *word; RgGender gender; } words[] = {
    { "ж", RG_GENDER_FEMALE }, { "жен", RG_GENDER_FEMALE }, { "женский", RG_GENDER_FEMALE },
    { "женщина", RG_GENDER_FEMALE }, { "f", RG_GENDER_FEMALE }, { "female", RG_GENDER_FEMALE },
    { "w", RG_GENDER_FEMALE }, { "woman", RG_GENDER_FEMALE },
    { "м", RG_GENDER_MALE }, { "муж", RG_GENDER_MALE }, { "мужской", RG_GENDER_MALE },
    { "мужчина", RG_GENDER_MALE }, { "m", RG_GENDER_MALE }, { "male", RG_GENDER_MALE },
    { "man", RG_GENDER_MALE },
    { "другой", RG_GENDER_OTHER }, { "другое", RG_GENDER_OTHER }, { "other", RG_GENDER_OTHER },
    { "x", RG_GENDER_OTHER },
  };
  g_autofree char *folded = g_utf8_casefold (text, -1);
  gsize len = strlen (folded);

  while (len > 0 && folded[len - 1] == '.')
    folded[--len] = '\0';
  *ok = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i].word))
      return words[i].gender;
  *ok = FALSE;
  return RG_GENDER_UNSET;
}

/* --- Clients: the plan -------------------------------------------------- */

typedef struct {
  RgClientImportRow  *row;
  GPtrArray          *problems;
  Card                card;
  char               *shown_phone;   /* formatted, or as read */
  char               *shown_name;
  gboolean            fatal;
  gboolean            warned;
  gint64              existing;      /* the studio's card with the same phone, 0: none */
  int                 earlier;       /* the file's earlier row with it, -1: none */
  RgImportDuplicates  choice;
} ClientEntry;

struct _RgClientImport
{
  RgStudio  *studio;
  GPtrArray *rows;        /* of RgClientImportRow, owned */
  GArray    *entries;     /* of ClientEntry */
};

static void
client_entry_clear (ClientEntry *entry)
{
  g_clear_pointer (&entry->problems, g_ptr_array_unref);
  card_clear (&entry->card);
  g_free (entry->shown_phone);
  g_free (entry->shown_name);
}

void
rg_client_import_free (RgClientImport *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->entries->len; i++)
    client_entry_clear (&g_array_index (self->entries, ClientEntry, i));
  g_array_unref (self->entries);
  g_ptr_array_unref (self->rows);
  g_clear_object (&self->studio);
  g_free (self);
}

/* The numbers of a cell, or the problem with it. */
static GPtrArray *
read_numbers (const char *text,
              int         country,
              GError    **error)
{
  GPtrArray *numbers = NULL;

  if (!rg_phone_read_cell (text, country, &numbers, error))
    return NULL;
  return numbers;
}

/* Reads one row by the card's rules into @entry. */
static void
check_client_row (RgClientImport    *self,
                  ClientEntry       *entry,
                  int                country,
                  GHashTable        *field_cache)
{
  RgClientImportRow *row = entry->row;
  GPtrArray *problems = entry->problems;
  Card *card = &entry->card;
  g_autofree char *address_as = cell (row->address_as);
  g_autofree char *full_name = cell (row->full_name);
  g_autofree char *phone = cell (row->phone);
  g_autofree char *phone2 = cell (row->phone2);
  g_autofree char *email = cell (row->email);
  g_autofree char *birthday = cell (row->birthday);
  g_autofree char *gender = cell (row->gender);
  g_autofree char *notes = cell (row->notes);
  g_autofree char *tags = cell (row->tags);
  g_autofree char *source = cell (row->source);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean long_cell;

  /* Far too long: refused before anything reads it. */
  long_cell = too_long (problems, address_as, MAX_SHORT, "address_as");
  long_cell |= too_long (problems, full_name, MAX_SHORT, "full_name");
  long_cell |= too_long (problems, phone, MAX_SHORT, "phone");
  long_cell |= too_long (problems, phone2, MAX_SHORT, "phone2");
  long_cell |= too_long (problems, email, MAX_SHORT, "email");
  long_cell |= too_long (problems, birthday, MAX_SHORT, "birthday");
  long_cell |= too_long (problems, gender, MAX_SHORT, "gender");
  long_cell |= too_long (problems, notes, MAX_LONG, "notes");
  long_cell |= too_long (problems, tags, MAX_LONG, "tags");
  long_cell |= too_long (problems, source, MAX_SHORT, "source");
  if (row->fields)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, row->fields);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        long_cell |= too_long (problems, value, MAX_LONG, "field");
    }
  if (long_cell)
    {
      entry->shown_name = g_strdup ("");
      entry->shown_phone = g_strdup ("");
      entry->fatal = TRUE;
      return;
    }

  /* The name: how to address the client, else the given name. */
  if (address_as == NULL && full_name)
    address_as = given_name (full_name, row->given_first);
  if (!rg_client_check_address_as (address_as, NULL))
    add_problem (problems, TRUE, "missing-name", address_as ? "address_as" : "full_name",
                 _("The row has no name: a card needs how to address the client."));
  card->address_as = g_strdup (address_as);
  card->full_name = g_strdup (full_name);
  entry->shown_name = g_strdup (address_as ? address_as : "");

  /* The phones: mandatory; a cell may hold several. */
  if (phone)
    {
      g_autoptr(GPtrArray) read = read_numbers (phone, country, &error);

      if (read)
        g_ptr_array_extend_and_steal (numbers, g_steal_pointer (&read));
      else if (g_error_matches (error, RG_PHONE_ERROR, RG_PHONE_ERROR_INVALID))
        add_problem (problems, TRUE, "bad-phone", "phone", error->message);
      else if (phone2 == NULL)
        add_problem (problems, TRUE, "missing-phone", "phone", error->message);
      g_clear_error (&error);
    }
  if (phone2)
    {
      g_autoptr(GPtrArray) read = read_numbers (phone2, country, &error);

      if (read)
        {
          for (guint i = 0; i < read->len; i++)
            if (!g_ptr_array_find_with_equal_func (numbers, read->pdata[i], g_str_equal, NULL))
              g_ptr_array_add (numbers, g_strdup (read->pdata[i]));
        }
      else if (g_error_matches (error, RG_PHONE_ERROR, RG_PHONE_ERROR_INVALID))
        add_problem (problems, numbers->len == 0 && phone == NULL, "bad-phone", "phone2", error->message);
      else if (phone == NULL)
        add_problem (problems, TRUE, "missing-phone", "phone", error->message);
      g_clear_error (&error);
    }
  if (phone == NULL && phone2 == NULL)
    add_problem (problems, TRUE, "missing-phone", "phone",
                 _("The row has no phone number: a card needs one."));
  for (guint i = 0; i < numbers->len; i++)
    {
      g_autofree char *formatted = NULL;
      g_autofree char *digits = NULL;

      if (!rg_client_read_phone (numbers->pdata[i], country, &formatted, &digits, &error))
        {
          add_problem (problems, i == 0, "bad-phone", "phone", error->message);
          g_clear_error (&error);
          continue;
        }
      if (card->phone == NULL)
        card->phone = g_steal_pointer (&formatted), card->phone_digits = g_steal_pointer (&digits);
      else if (card->phone2 == NULL)
        card->phone2 = g_steal_pointer (&formatted), card->phone2_digits = g_steal_pointer (&digits);
      else
        {
          if (card->more_phones == NULL)
            card->more_phones = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (card->more_phones, g_steal_pointer (&formatted));
        }
    }
  entry->shown_phone = g_strdup (card->phone ? card->phone : phone ? phone : phone2 ? phone2 : "");

  /* Optional details: a bad one is reported and left empty. */
  if (email)
    {
      if (rg_client_check_email (email, &error))
        card->email = g_strdup (email);
      else
        add_problem (problems, FALSE, "bad-email", "email", error->message);
      g_clear_error (&error);
    }
  if (birthday)
    {
      int day = 0, month = 0, year = 0;

      if (rg_date_parse_birthday (birthday, &day, &month, &year, &error) &&
          rg_client_check_birthday (day, month, year, &error))
        card->day = day, card->month = month, card->year = year;
      else
        add_problem (problems, FALSE, "bad-birthday", "birthday", error->message);
      g_clear_error (&error);
    }
  if (gender)
    {
      gboolean ok;

      card->gender = read_gender (gender, &ok);
      if (!ok)
        {
          /* Translators: %s is what the file has in its gender column */
          g_autofree char *message = g_strdup_printf (_("“%s” is not a gender: use ж or м, f or m."), gender);
          add_problem (problems, FALSE, "bad-gender", "gender", message);
        }
    }
  card->notes = g_steal_pointer (&notes);
  if (card->more_phones)
    {
      g_autofree char *line = phones_note (card->more_phones);

      append_notes (&card->notes, line);
      g_clear_pointer (&card->more_phones, g_ptr_array_unref);
    }
  card->source = g_steal_pointer (&source);
  card->tags = g_ptr_array_new_with_free_func (g_free);
  if (tags)
    {
      g_auto(GStrv) names = g_strsplit_set (tags, ",;", -1);

      for (guint i = 0; names[i]; i++)
        {
          g_strstrip (names[i]);
          if (*names[i])
            add_tag (card->tags, names[i]);
        }
    }
  if (row->fields)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, row->fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          RgCustomField *field = g_hash_table_lookup (field_cache, key);
          g_autofree char *stored = NULL;

          if (field == NULL && !g_hash_table_contains (field_cache, key))
            {
              field = rg_studio_lookup (self->studio, RG_TYPE_CUSTOM_FIELD, *(gint64 *) key, NULL);
              g_hash_table_insert (field_cache, g_memdup2 (key, sizeof (gint64)), field);
            }
          if (field == NULL)
            {
              add_problem (problems, FALSE, "bad-field", "field", _("The studio has no such field."));
              continue;
            }
          if (!rg_custom_field_read_value (field, value, &stored, &error))
            {
              add_problem (problems, FALSE, "bad-field", "field", error->message);
              g_clear_error (&error);
              continue;
            }
          if (stored == NULL)
            continue;
          if (card->fields == NULL)
            card->fields = fields_new ();
          g_hash_table_insert (card->fields, g_memdup2 (key, sizeof (gint64)), g_steal_pointer (&stored));
        }
    }

  entry->fatal = has_fatal (problems);
  entry->warned = !entry->fatal && problems->len > 0;
}

/* Every live card's numbers, digits → its id (the oldest card's). */
static GHashTable *
load_phones (RgStore  *store,
             GError  **error)
{
  g_autoptr(GHashTable) phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, phone_digits, phone2_digits FROM clients "
                                             "WHERE deleted_at IS NULL ORDER BY created_at, id",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return NULL;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (int c = 1; c <= 2; c++)
        {
          const char *digits = (const char *) sqlite3_column_text (stmt, c);

          if (digits && *digits && !g_hash_table_contains (phones, digits))
            g_hash_table_insert (phones, g_strdup (digits), g_memdup2 (&id, sizeof id));
        }
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&phones);
}

RgClientImport *
rg_client_import_new (RgStudio   *studio,
                      GPtrArray  *rows,
                      GError    **error)
{
  g_autoptr(RgClientImport) self = NULL;
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(GHashTable) earlier = g_hash_table_new (g_str_hash, g_str_equal);   /* digits (the entry's) → index + 1 */
  g_autoptr(GHashTable) field_cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                             unref_or_null);
  RgStore *store;
  int country;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  store = rg_studio_get_store (studio);
  country = rg_store_get_phone_country (store);
  if ((existing = load_phones (store, error)) == NULL)
    return NULL;

  self = g_new0 (RgClientImport, 1);
  self->studio = g_object_ref (studio);
  self->rows = g_ptr_array_ref (rows);
  g_ptr_array_set_free_func (self->rows, (GDestroyNotify) rg_client_import_row_free);
  self->entries = g_array_sized_new (FALSE, TRUE, sizeof (ClientEntry), rows->len);
  g_array_set_size (self->entries, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      ClientEntry *entry = &g_array_index (self->entries, ClientEntry, i);
      const char *digits[2];

      entry->row = rows->pdata[i];
      entry->problems = g_ptr_array_new_with_free_func (problem_free);
      entry->earlier = -1;
      entry->choice = RG_IMPORT_DUPLICATES_SKIP;
      check_client_row (self, entry, country, field_cache);
      if (entry->fatal)
        continue;

      digits[0] = entry->card.phone_digits;
      digits[1] = entry->card.phone2_digits;
      for (guint d = 0; d < 2 && entry->existing == 0; d++)
        {
          gint64 *id = digits[d] ? g_hash_table_lookup (existing, digits[d]) : NULL;

          if (id)
            entry->existing = *id;
        }
      for (guint d = 0; d < 2 && entry->existing == 0 && entry->earlier < 0; d++)
        {
          gpointer index = digits[d] ? g_hash_table_lookup (earlier, digits[d]) : NULL;

          if (index)
            entry->earlier = GPOINTER_TO_INT (index) - 1;
        }
      for (guint d = 0; d < 2; d++)
        if (digits[d] && !g_hash_table_contains (earlier, digits[d]))
          g_hash_table_insert (earlier, (gpointer) digits[d], GINT_TO_POINTER (i + 1));
    }

  return g_steal_pointer (&self);
}

static ClientEntry *
client_entry (RgClientImport *self,
              guint           index)
{
  g_return_val_if_fail (self != NULL && index < self->entries->len, NULL);
  return &g_array_index (self->entries, ClientEntry, index);
}

guint
rg_client_import_get_n_rows (RgClientImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const RgClientImportRow *
rg_client_import_get_row (RgClientImport *self,
                          guint           index)
{
  ClientEntry *entry = client_entry (self, index);

  return entry ? entry->row : NULL;
}

static RgImportAction
client_action (const ClientEntry *entry)
{
  if (entry->fatal)
    return RG_IMPORT_ERROR;
  if (entry->existing == 0 && entry->earlier < 0)
    return RG_IMPORT_CREATE;
  switch (entry->choice)
    {
    case RG_IMPORT_DUPLICATES_MERGE:
      return RG_IMPORT_UPDATE;
    case RG_IMPORT_DUPLICATES_CREATE:
      return RG_IMPORT_CREATE;
    case RG_IMPORT_DUPLICATES_SKIP:
    default:
      return RG_IMPORT_DUPLICATE;
    }
}

RgImportAction
rg_client_import_get_action (RgClientImport *self,
                             guint           index)
{
  ClientEntry *entry = client_entry (self, index);

  return entry ? client_action (entry) : RG_IMPORT_ERROR;
}

const char *
rg_client_import_get_name (RgClientImport *self,
                           guint           index)
{
  ClientEntry *entry = client_entry (self, index);

  return entry ? entry->shown_name : NULL;
}

const char *
rg_client_import_get_phone (RgClientImport *self,
                            guint           index)
{
  ClientEntry *entry = client_entry (self, index);

  return entry ? entry->shown_phone : NULL;
}

gint64
rg_client_import_get_card (RgClientImport *self,
                           guint           index)
{
  ClientEntry *entry = client_entry (self, index);

  return entry ? entry->existing : 0;
}

guint
rg_client_import_get_duplicate_line (RgClientImport *self,
                                     guint           index)
{
  ClientEntry *entry = client_entry (self, index);

  if (entry == NULL || entry->earlier < 0)
    return 0;
  return client_entry (self, entry->earlier)->row->line;
}

gboolean
rg_client_import_is_duplicate (RgClientImport *self,
                               guint           index)
{
  ClientEntry *entry = client_entry (self, index);

  return entry && !entry->fatal && (entry->existing != 0 || entry->earlier >= 0);
}

GPtrArray *
rg_client_import_get_problems (RgClientImport *self,
                               guint           index)
{
  ClientEntry *entry = client_entry (self, index);

  return entry ? entry->problems : NULL;
}

void
rg_client_import_set_duplicates (RgClientImport     *self,
                                 int                 index,
                                 RgImportDuplicates  choice)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < (int) self->entries->len);

  if (index < 0)
    for (guint i = 0; i < self->entries->len; i++)
      g_array_index (self->entries, ClientEntry, i).choice = choice;
  else
    client_entry (self, index)->choice = choice;
}

RgImportDuplicates
rg_client_import_get_duplicates (RgClientImport *self,
                                 guint           index)
{
  ClientEntry *entry = client_entry (self, index);

  return entry ? entry->choice : RG_IMPORT_DUPLICATES_SKIP;
}

static void
count_action (RgImportCounts *counts,
              RgImportAction  action,
              gboolean        warned)
{
  counts->rows++;
  switch (action)
    {
    case RG_IMPORT_CREATE:    counts->created++; break;
    case RG_IMPORT_UPDATE:    counts->updated++; break;
    case RG_IMPORT_DUPLICATE: counts->duplicates++; break;
    case RG_IMPORT_ERROR:     counts->errors++; break;
    default: break;
    }
  if (warned && action != RG_IMPORT_ERROR)
    counts->warnings++;
}

void
rg_client_import_count (RgClientImport *self,
                        RgImportCounts *counts)
{
  g_return_if_fail (self != NULL && counts != NULL);

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < self->entries->len; i++)
    {
      ClientEntry *entry = client_entry (self, i);

      count_action (counts, client_action (entry), entry->warned);
    }
}

/* --- Undo --------------------------------------------------------------- */

/* What rg_studio_undo_import() is given: a header (what was imported, from
 * which file, how many rows) and the recorded changeset. */
#define UNDO_MAGIC "RGIMPORT1"

static GBytes *
pack_undo (const char *what,
           const char *file_name,
           gint64      rows,
           GBytes     *changes)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, rows);
  gsize n = 0;
  gconstpointer data = g_bytes_get_data (changes, &n);

  g_byte_array_append (out, (const guint8 *) UNDO_MAGIC, sizeof UNDO_MAGIC);
  g_byte_array_append (out, (const guint8 *) what, strlen (what) + 1);
  g_byte_array_append (out, (const guint8 *) (file_name ? file_name : ""), strlen (file_name ? file_name : "") + 1);
  g_byte_array_append (out, (const guint8 *) count, strlen (count) + 1);
  g_byte_array_append (out, data, n);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
unpack_undo (GBytes      *undo,
             const char **what,
             const char **file_name,
             gint64      *rows,
             GBytes     **changes)
{
  gsize n = 0;
  const char *data = g_bytes_get_data (undo, &n);
  const char *parts[4];
  gsize at = 0;

  for (guint i = 0; i < 4; i++)
    {
      const char *end = at < n ? memchr (data + at, '\0', n - at) : NULL;

      if (end == NULL)
        return FALSE;
      parts[i] = data + at;
      at = end - data + 1;
    }
  if (!g_str_equal (parts[0], UNDO_MAGIC))
    return FALSE;
  *what = parts[1];
  *file_name = parts[2];
  *rows = g_ascii_strtoll (parts[3], NULL, 10);
  *changes = g_bytes_new_from_bytes (undo, at, n - at);
  return TRUE;
}

/* Undoes an import: every row it wrote goes, every card it merged into is
 * as it was. Refused (RG_STORE_ERROR_CONFLICT, nothing changed) when
 * anything the import wrote was changed since — an imported card edited,
 * a merged card changed again; that is what rg_store_revert_changes()
 * checks. The audit log keeps the import's line and gains one that says
 * it was undone. */
gboolean
rg_studio_undo_import (RgStudio  *studio,
                       GBytes    *undo,
                       GError   **error)
{
  g_autoptr(GBytes) changes = NULL;
  const char *what, *file_name;
  RgStore *store;
  gint64 rows;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!unpack_undo (undo, &what, &file_name, &rows, &changes))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("This is not the undo of an import."));
      return FALSE;
    }

  store = rg_studio_get_store (studio);
  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_store_revert_changes (store, changes, error) ||
      !rg_studio_audit (studio, RG_AUDIT_IMPORT_UNDONE, what, rows, *file_name ? file_name : NULL, NULL, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }
  return rg_store_commit (store, error);
}

/* --- Clients: the write ------------------------------------------------- */

static void
bind_text (RgStmt     *stmt,
           int         column,
           const char *text)
{
  if (text && *text)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static void
insert_text (RgStoreInsert *insert,
             const char    *column,
             const char    *text)
{
  if (text && *text)
    rg_store_insert_text (insert, column, text);
  else
    rg_store_insert_null (insert, column);
}

static void
insert_int (RgStoreInsert *insert,
            const char    *column,
            gint64         value)
{
  if (value)
    rg_store_insert_int (insert, column, value);
  else
    rg_store_insert_null (insert, column);
}

static const char *
gender_nick (RgGender gender)
{
  switch (gender)
    {
    case RG_GENDER_FEMALE: return "female";
    case RG_GENDER_MALE:   return "male";
    case RG_GENDER_OTHER:  return "other";
    case RG_GENDER_UNSET:
    default:               return NULL;
    }
}

/* The tags the write needs, by folded name, made when new. */
typedef struct {
  RgStore    *store;
  GHashTable *ids;   /* casefolded name → gint64 * */
  gint64      now;
} Tags;

static gboolean
tags_load (Tags     *tags,
           GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (tags->store, "SELECT id, name FROM tags", error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  tags->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((ok = rg_store_step_row (tags->store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (tags->ids, g_utf8_casefold ((const char *) sqlite3_column_text (stmt, 1), -1),
                           g_memdup2 (&id, sizeof id));
    }
  return ok;
}

static gboolean
tag_id (Tags        *tags,
        const char  *name,
        gint64      *id,
        GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gint64 *known = g_hash_table_lookup (tags->ids, folded);
  g_autoptr(RgStmt) add = NULL;

  if (known)
    {
      *id = *known;
      return TRUE;
    }
  add = rg_store_prepare (tags->store, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                          error);
  if (add == NULL)
    return FALSE;
  *id = rg_store_new_id ();
  sqlite3_bind_int64 (add, 1, *id);
  sqlite3_bind_text (add, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (add, 3, tags->now);
  if (!rg_store_step_done (tags->store, add, error))
    return FALSE;
  g_hash_table_insert (tags->ids, g_steal_pointer (&folded), g_memdup2 (id, sizeof *id));
  return TRUE;
}

/* A card's tags and field values; on a card the studio has, what it
 * already has stays. */
static gboolean
write_links (RgStore     *store,
             Tags        *tags,
             gint64       client_id,
             const Card  *card,
             GError     **error)
{
  for (guint i = 0; card->tags && i < card->tags->len; i++)
    {
      g_autoptr(RgStmt) link = NULL;
      gint64 id;

      if (!tag_id (tags, card->tags->pdata[i], &id, error))
        return FALSE;
      link = rg_store_prepare (store,
                               "INSERT INTO client_tags (id, client_id, tag_id, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (client_id, tag_id) DO NOTHING",
                               error);
      if (link == NULL)
        return FALSE;
      sqlite3_bind_int64 (link, 1, rg_store_new_id ());
      sqlite3_bind_int64 (link, 2, client_id);
      sqlite3_bind_int64 (link, 3, id);
      sqlite3_bind_int64 (link, 4, tags->now);
      if (!rg_store_step_done (store, link, error))
        return FALSE;
    }
  if (card->fields)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, card->fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                                     "INSERT INTO client_fields (id, client_id, field_id, value, "
                                                     "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                                                     "ON CONFLICT (client_id, field_id) DO NOTHING",
                                                     error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, rg_store_new_id ());
          sqlite3_bind_int64 (stmt, 2, client_id);
          sqlite3_bind_int64 (stmt, 3, *(gint64 *) key);
          sqlite3_bind_text (stmt, 4, value, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 5, tags->now);
          if (!rg_store_step_done (store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* A row merged into a card the studio has: its empty details filled, the
 * row's other numbers added (the second phone when free, else the notes),
 * notes appended, tags added; nothing the card has is overwritten. */
static gboolean
update_card (RgStore     *store,
             Tags        *tags,
             gint64       client_id,
             const Card  *card,
             GError     **error)
{
  g_autoptr(RgStmt) read = rg_store_prepare (store, "SELECT phone_digits, phone2_digits FROM clients WHERE id = ?1",
                                             error);
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *mine = NULL;
  g_autofree char *mine2 = NULL;
  g_autofree char *notes = g_strdup (card->notes);
  g_autofree char *more_note = NULL;
  const char *phone2 = NULL, *phone2_digits = NULL;
  const char *phones[] = { card->phone, card->phone2 };
  const char *digits[] = { card->phone_digits, card->phone2_digits };
  gboolean row = FALSE;

  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, client_id);
  if (!rg_store_step_row (store, read, &row, error))
    return FALSE;
  if (row)
    {
      mine = g_strdup ((const char *) sqlite3_column_text (read, 0));
      mine2 = g_strdup ((const char *) sqlite3_column_text (read, 1));
    }
  g_clear_pointer (&read, rg_stmt_release);

  for (guint i = 0; i < 2; i++)
    {
      if (digits[i] == NULL || g_strcmp0 (digits[i], mine) == 0 || g_strcmp0 (digits[i], mine2) == 0)
        continue;
      if (mine2 == NULL && phone2 == NULL)
        phone2 = phones[i], phone2_digits = digits[i];
      else
        g_ptr_array_add (more, g_strdup (phones[i]));
    }
  for (guint i = 0; card->more_phones && i < card->more_phones->len; i++)
    g_ptr_array_add (more, g_strdup (card->more_phones->pdata[i]));
  if ((more_note = phones_note (more)))
    append_notes (&notes, more_note);

  stmt = rg_store_prepare (store,
                           "UPDATE clients SET "
                           " full_name = CASE WHEN coalesce (full_name, '') = '' THEN ?2 ELSE full_name END,"
                           " email = CASE WHEN coalesce (email, '') = '' THEN ?3 ELSE email END,"
                           " source = CASE WHEN coalesce (source, '') = '' THEN ?4 ELSE source END,"
                           " gender = coalesce (gender, ?5),"
                           " birth_year = CASE WHEN birth_day IS NULL AND ?6 IS NOT NULL THEN ?8"
                           "  WHEN birth_day = ?6 AND birth_month = ?7 AND birth_year IS NULL THEN ?8"
                           "  ELSE birth_year END,"
                           " birth_month = CASE WHEN birth_day IS NULL THEN ?7 ELSE birth_month END,"
                           " birth_day = coalesce (birth_day, ?6),"
                           " phone2 = CASE WHEN phone2 IS NULL THEN ?9 ELSE phone2 END,"
                           " phone2_digits = CASE WHEN phone2 IS NULL THEN ?10 ELSE phone2_digits END,"
                           " notes = CASE WHEN ?11 IS NULL THEN notes WHEN coalesce (notes, '') = '' THEN ?11"
                           "  WHEN instr (notes, ?11) > 0 THEN notes ELSE notes || char (10, 10) || ?11 END,"
                           " updated_at = ?12 "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  bind_text (stmt, 2, card->full_name);
  bind_text (stmt, 3, card->email);
  bind_text (stmt, 4, card->source);
  bind_text (stmt, 5, gender_nick (card->gender));
  if (card->day)
    {
      sqlite3_bind_int (stmt, 6, card->day);
      sqlite3_bind_int (stmt, 7, card->month);
      if (card->year)
        sqlite3_bind_int (stmt, 8, card->year);
    }
  bind_text (stmt, 9, phone2);
  bind_text (stmt, 10, phone2_digits);
  bind_text (stmt, 11, notes);
  sqlite3_bind_int64 (stmt, 12, tags->now);
  if (!rg_store_step_done (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, rg_stmt_release);

  return write_links (store, tags, client_id, card, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* New cards, in the file's order, through the bulk inserter. */
static gboolean
insert_cards (RgStore     *store,
              GPtrArray   *cards,
              GArray      *ids,
              gint64       now,
              GError     **error)
{
  g_autoptr(RgStoreInsert) insert = NULL;

  if (cards->len == 0)
    return TRUE;
  if ((insert = rg_store_insert_new (store, "clients", cards->len, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < cards->len; i++)
    {
      const Card *card = cards->pdata[i];
      g_autofree char *sort_key = rg_text_sort_key (card->address_as);
      g_autofree char *address_as = g_strstrip (g_strdup (card->address_as));
      g_autofree char *notes = g_strdup (card->notes);

      if (card->more_phones)
        {
          g_autofree char *line = phones_note (card->more_phones);

          append_notes (&notes, line);
        }
      rg_store_insert_int (insert, "id", g_array_index (ids, gint64, i));
      rg_store_insert_text (insert, "address_as", address_as);
      rg_store_insert_text (insert, "sort_key", sort_key);
      rg_store_insert_text (insert, "phone", card->phone);
      rg_store_insert_text (insert, "phone_digits", card->phone_digits);
      insert_text (insert, "full_name", card->full_name);
      insert_text (insert, "phone2", card->phone2);
      insert_text (insert, "phone2_digits", card->phone2_digits);
      insert_text (insert, "email", card->email);
      insert_int (insert, "birth_day", card->day);
      insert_int (insert, "birth_month", card->month);
      insert_int (insert, "birth_year", card->year);
      if (gender_nick (card->gender))
        rg_store_insert_text_static (insert, "gender", gender_nick (card->gender));
      else
        rg_store_insert_null (insert, "gender");
      insert_text (insert, "source", card->source);
      insert_text (insert, "notes", notes);
      rg_store_insert_int (insert, "created_at", now);
      rg_store_insert_int (insert, "updated_at", now);
      if (!rg_store_insert_row (insert, error))
        return FALSE;
    }
  return rg_store_insert_finish (insert, error);
}

/* A bulk write's pages: the connection's small page cache (a few MB, for
 * the app's reads) would spill a hundred thousand new rows and their
 * indexes to the log and read them back again and again; for the length
 * of an import it holds them. Gives the size to put back. */
#define IMPORT_CACHE_KB 262144

static gint64
widen_cache (RgStore *store)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, "PRAGMA cache_size", NULL);
  gboolean row = FALSE;
  gint64 size = 0;

  if (stmt && rg_store_step_row (store, stmt, &row, NULL) && row)
    size = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, rg_stmt_release);
  if (size != 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", IMPORT_CACHE_KB);
      rg_store_exec (store, sql, NULL);
    }
  return size;
}

static void
restore_cache (RgStore *store,
               gint64   size)
{
  g_autofree char *sql = NULL;

  if (size == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);
  rg_store_exec (store, sql, NULL);
}

/* Where a duplicate row merges: the studio's card (@card) or the new card
 * of an earlier row (@row), following rows that are themselves merged or
 * skipped duplicates. */
static void
merge_target (RgClientImport *self,
              guint           index,
              gint64         *card,
              int            *row)
{
  ClientEntry *entry = client_entry (self, index);

  for (;;)
    {
      ClientEntry *earlier;

      if (entry->existing)
        {
          *card = entry->existing, *row = -1;
          return;
        }
      earlier = client_entry (self, entry->earlier);
      if (client_action (earlier) == RG_IMPORT_CREATE)
        {
          *card = 0, *row = entry->earlier;
          return;
        }
      entry = earlier;
    }
}

static void
card_free (gpointer data)
{
  card_clear (data);
  g_free (data);
}

gboolean
rg_studio_import_clients (RgStudio        *studio,
                          RgClientImport  *plan,
                          const char      *file_name,
                          RgImportCounts  *done,
                          GBytes         **undo,
                          GError         **error)
{
  g_autoptr(RgStoreRecording) recording = NULL;
  g_autoptr(GBytes) changes = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (card_free);   /* the new ones, in order */
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree int *card_of = NULL;   /* by row: its new card's place in @cards, -1: none */
  g_autofree char *base = NULL;
  RgImportCounts counts;
  Tags tags = { 0 };
  RgStore *store;
  gint64 now, cache = 0;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (plan != NULL && plan->studio == studio, FALSE);

  store = rg_studio_get_store (studio);
  rg_client_import_count (plan, &counts);
  now = rg_store_now ();
  base = file_name ? g_path_get_basename (file_name) : NULL;

  /* The cards to make, later rows of the same person folded in. */
  card_of = g_new (int, MAX (plan->entries->len, 1));
  for (guint i = 0; i < plan->entries->len; i++)
    {
      ClientEntry *entry = client_entry (plan, i);
      gint64 card;
      int row;

      card_of[i] = -1;
      switch (client_action (entry))
        {
        case RG_IMPORT_CREATE:
          {
            Card *copy = g_new0 (Card, 1);
            gint64 id = rg_store_new_id ();

            card_copy (copy, &entry->card);
            card_of[i] = cards->len;
            g_ptr_array_add (cards, copy);
            g_array_append_val (ids, id);
          }
          break;
        case RG_IMPORT_UPDATE:
          merge_target (plan, i, &card, &row);
          if (row >= 0)
            card_fold (cards->pdata[card_of[row]], &entry->card);
          break;
        default:
          break;
        }
    }

  /* The new cards' ids, random as every id, are given in rising order:
   * the full-text index keeps a transaction's terms in memory only while
   * rowids rise, and flushes a segment at every step down — with random
   * order, at every other row (40 times slower for 100,000 cards). */
  g_array_sort (ids, compare_ids);

  if (!rg_store_begin (store, error))
    return FALSE;
  cache = widen_cache (store);
  /* The audit line before the recording: an undo never takes it back. */
  if (!rg_studio_audit (studio, RG_AUDIT_IMPORT, "clients", counts.created + counts.updated, base, NULL, error))
    goto fail;
  if (undo && (recording = rg_store_record_changes (store, error)) == NULL)
    goto fail;

  tags.store = store;
  tags.now = now;
  if (!tags_load (&tags, error) || !insert_cards (store, cards, ids, now, error))
    goto fail;
  for (guint i = 0; i < cards->len; i++)
    {
      const Card *card = cards->pdata[i];

      if ((card->tags && card->tags->len) || card->fields)
        if (!write_links (store, &tags, g_array_index (ids, gint64, i), card, error))
          goto fail;
    }
  for (guint i = 0; i < plan->entries->len; i++)
    {
      ClientEntry *entry = client_entry (plan, i);
      gint64 card;
      int row;

      if (client_action (entry) != RG_IMPORT_UPDATE)
        continue;
      merge_target (plan, i, &card, &row);
      if (card && !update_card (store, &tags, card, &entry->card, error))
        goto fail;
    }

  if (recording && (changes = rg_store_recording_finish (recording, error)) == NULL)
    goto fail;
  if (!rg_store_commit (store, error))
    {
      /* The commit rolled back itself. */
      g_clear_pointer (&tags.ids, g_hash_table_unref);
      restore_cache (store, cache);
      return FALSE;
    }
  restore_cache (store, cache);
  g_clear_pointer (&tags.ids, g_hash_table_unref);

  if (done)
    *done = counts;
  if (undo)
    *undo = pack_undo ("clients", base, counts.created + counts.updated, changes);
  return TRUE;

fail:
  g_clear_pointer (&tags.ids, g_hash_table_unref);
  rg_store_rollback (store);
  restore_cache (store, cache);
  return FALSE;
}

/* --- Visits ------------------------------------------------------------- */

typedef struct {
  char   *name;       /* as the file first spells it */
  gint64  id;         /* given when written */
  gint64  price;      /* a new service's: the first price the file gives it */
} NewThing;

typedef struct {
  char   *name;
  char   *full_name;
  char   *phone;
  char   *digits;
  gint64  id;
} NewClient;

typedef struct {
  RgVisitImportRow *row;
  GPtrArray        *problems;
  gboolean          fatal;
  gint64            starts_at;
  gint64            price;
  gboolean          has_price;
  char             *digits;
  gint64            client_id;      /* the studio's card, 0: a new one */
  int               new_client;     /* in new_clients, -1: none */
  gint64            service_id;
  int               duration;
  gint64            service_price;
  int               new_service;    /* in new_services, -1: none */
  gint64            staff_id;
  int               new_master;
  gboolean          duplicate;
} VisitEntry;

struct _RgVisitImport
{
  RgStudio   *studio;
  GPtrArray  *rows;
  GArray     *entries;         /* of VisitEntry */
  GPtrArray  *new_services;    /* of NewThing */
  GPtrArray  *new_masters;     /* of NewThing */
  GPtrArray  *new_clients;     /* of NewClient */
  gboolean    create_unknown;
};

static void
new_thing_free (gpointer data)
{
  NewThing *thing = data;

  g_free (thing->name);
  g_free (thing);
}

static void
new_client_free (gpointer data)
{
  NewClient *client = data;

  g_free (client->name);
  g_free (client->full_name);
  g_free (client->phone);
  g_free (client->digits);
  g_free (client);
}

void
rg_visit_import_free (RgVisitImport *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->entries->len; i++)
    {
      VisitEntry *entry = &g_array_index (self->entries, VisitEntry, i);

      g_clear_pointer (&entry->problems, g_ptr_array_unref);
      g_free (entry->digits);
    }
  g_array_unref (self->entries);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->new_services);
  g_ptr_array_unref (self->new_masters);
  g_ptr_array_unref (self->new_clients);
  g_clear_object (&self->studio);
  g_free (self);
}

typedef struct {
  gint64 id;
  int    duration;
  gint64 price;
} Known;

/* The studio's services (or masters) by folded name; the first of a name
 * wins, the ones in use before the archived. */
static GHashTable *
load_names (RgStore     *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return NULL;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      char *key = rg_text_sort_key ((const char *) sqlite3_column_text (stmt, 1));
      Known known = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 2), sqlite3_column_int64 (stmt, 3) };

      if (g_hash_table_contains (names, key))
        g_free (key);
      else
        g_hash_table_insert (names, key, g_memdup2 (&known, sizeof known));
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&names);
}

/* The problem a row has while unknown names are not to be created. */
static void
note_unknown (RgVisitImport *self,
              VisitEntry    *entry)
{
  for (guint i = entry->problems->len; i > 0; i--)
    {
      RgImportProblem *problem = entry->problems->pdata[i - 1];

      if (g_str_equal (problem->code, "unknown-service") || g_str_equal (problem->code, "unknown-master"))
        g_ptr_array_remove_index (entry->problems, i - 1);
    }
  if (self->create_unknown)
    return;
  if (entry->new_service >= 0)
    {
      NewThing *thing = self->new_services->pdata[entry->new_service];
      /* Translators: %s is a service's name as the file has it */
      g_autofree char *message = g_strdup_printf (_("The studio has no service “%s”."), thing->name);

      add_problem (entry->problems, TRUE, "unknown-service", "service", message);
    }
  if (entry->new_master >= 0)
    {
      NewThing *thing = self->new_masters->pdata[entry->new_master];
      /* Translators: %s is a master's name as the file has it */
      g_autofree char *message = g_strdup_printf (_("The studio has no master “%s”."), thing->name);

      add_problem (entry->problems, TRUE, "unknown-master", "master", message);
    }
}

static int
new_name (GPtrArray  *things,
          GHashTable *index,
          const char *key,
          const char *name,
          gint64      price)
{
  gpointer at = g_hash_table_lookup (index, key);
  NewThing *thing;

  if (at)
    return GPOINTER_TO_INT (at) - 1;
  thing = g_new0 (NewThing, 1);
  thing->name = g_strdup (name);
  thing->price = price;
  g_ptr_array_add (things, thing);
  g_hash_table_insert (index, g_strdup (key), GINT_TO_POINTER (things->len));
  return things->len - 1;
}

RgVisitImport *
rg_visit_import_new (RgStudio   *studio,
                     GPtrArray  *rows,
                     GError    **error)
{
  g_autoptr(RgVisitImport) self = NULL;
  g_autoptr(GHashTable) phones = NULL;
  g_autoptr(GHashTable) services = NULL;
  g_autoptr(GHashTable) masters = NULL;
  g_autoptr(GHashTable) service_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) master_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) client_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);   /* digits → a name the file gives */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 only_master = 0;
  gint64 now = rg_time_now ();
  RgStore *store;
  int country;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  store = rg_studio_get_store (studio);
  country = rg_store_get_phone_country (store);
  if ((phones = load_phones (store, error)) == NULL ||
      (services = load_names (store, "SELECT id, name, duration_minutes, price FROM services "
                                     "ORDER BY archived, position, id", error)) == NULL ||
      (masters = load_names (store, "SELECT id, display_name, 0, 0 FROM staff WHERE role <> 'resource' "
                                    "ORDER BY archived, position, id", error)) == NULL)
    return NULL;
  if (g_hash_table_size (masters) == 1)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, masters);
      if (g_hash_table_iter_next (&iter, NULL, &value))
        only_master = ((Known *) value)->id;
    }

  self = g_new0 (RgVisitImport, 1);
  self->studio = g_object_ref (studio);
  self->rows = g_ptr_array_ref (rows);
  g_ptr_array_set_free_func (self->rows, (GDestroyNotify) rg_visit_import_row_free);
  self->entries = g_array_sized_new (FALSE, TRUE, sizeof (VisitEntry), rows->len);
  g_array_set_size (self->entries, rows->len);
  self->new_services = g_ptr_array_new_with_free_func (new_thing_free);
  self->new_masters = g_ptr_array_new_with_free_func (new_thing_free);
  self->new_clients = g_ptr_array_new_with_free_func (new_client_free);
  self->create_unknown = TRUE;

  /* The names the file gives each new number, wherever the row is. */
  for (guint i = 0; i < rows->len; i++)
    {
      RgVisitImportRow *row = rows->pdata[i];
      g_autofree char *name = cell (row->client_name);
      g_autoptr(GPtrArray) numbers = NULL;

      if (name && strlen (name) <= MAX_SHORT && row->phone && strlen (row->phone) <= MAX_SHORT &&
          rg_phone_read_cell (row->phone, country, &numbers, NULL) &&
          !g_hash_table_contains (names, (const char *) numbers->pdata[0] + 1))
        g_hash_table_insert (names, g_strdup ((const char *) numbers->pdata[0] + 1), g_steal_pointer (&name));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      VisitEntry *entry = &g_array_index (self->entries, VisitEntry, i);
      RgVisitImportRow *row = rows->pdata[i];
      g_autofree char *date = cell (row->date);
      g_autofree char *time = cell (row->time);
      g_autofree char *phone = cell (row->phone);
      g_autofree char *service = cell (row->service);
      g_autofree char *master = cell (row->master);
      g_autofree char *price = cell (row->price);
      g_autofree char *name = cell (row->client_name);
      g_autoptr(GError) problem = NULL;
      RgDate day = { 0 };
      int minute = -1;
      gboolean long_cell;

      entry->row = row;
      entry->problems = g_ptr_array_new_with_free_func (problem_free);
      entry->new_client = entry->new_service = entry->new_master = -1;

      long_cell = too_long (entry->problems, date, MAX_SHORT, "date");
      long_cell |= too_long (entry->problems, time, MAX_SHORT, "time");
      long_cell |= too_long (entry->problems, phone, MAX_SHORT, "phone");
      long_cell |= too_long (entry->problems, service, MAX_SHORT, "service");
      long_cell |= too_long (entry->problems, master, MAX_SHORT, "master");
      long_cell |= too_long (entry->problems, price, MAX_SHORT, "price");
      long_cell |= too_long (entry->problems, name, MAX_SHORT, "client_name");
      if (long_cell)
        {
          entry->fatal = TRUE;
          continue;
        }

      /* When. */
      if (!rg_date_parse_day (date, &day, &minute, &problem))
        add_problem (entry->problems, TRUE, "bad-date", "date", problem->message);
      g_clear_error (&problem);
      if (time && !rg_time_parse_minute (time, &minute, &problem))
        add_problem (entry->problems, TRUE, "bad-time", "time", problem->message);
      g_clear_error (&problem);
      if (day.year)
        {
          entry->starts_at = rg_time_from_local (day, minute >= 0 ? minute : NOON);
          if (entry->starts_at > now)
            add_problem (entry->problems, TRUE, "bad-date", "date",
                         _("The visit is in the future: only past visits are imported."));
        }

      /* Who. */
      if (phone == NULL)
        add_problem (entry->problems, TRUE, "missing-phone", "phone", _("The row has no client’s phone number."));
      else
        {
          g_autoptr(GPtrArray) numbers = NULL;

          if (!rg_phone_read_cell (phone, country, &numbers, &problem))
            add_problem (entry->problems, TRUE,
                         g_error_matches (problem, RG_PHONE_ERROR, RG_PHONE_ERROR_NONE) ? "missing-phone" : "bad-phone",
                         "phone", problem->message);
          else
            {
              const char *digits = (const char *) numbers->pdata[0] + 1;
              gint64 *id = g_hash_table_lookup (phones, digits);
              gpointer at;

              entry->digits = g_strdup (digits);
              if (id)
                entry->client_id = *id;
              else if ((at = g_hash_table_lookup (client_index, digits)))
                entry->new_client = GPOINTER_TO_INT (at) - 1;
              else if (g_hash_table_lookup (names, digits))
                {
                  NewClient *client = g_new0 (NewClient, 1);
                  const char *given = g_hash_table_lookup (names, digits);

                  client->full_name = g_strdup (given);
                  client->name = given_name (given, FALSE);
                  client->phone = rg_phone_format (numbers->pdata[0]);
                  client->digits = g_strdup (digits);
                  g_ptr_array_add (self->new_clients, client);
                  g_hash_table_insert (client_index, g_strdup (digits), GINT_TO_POINTER (self->new_clients->len));
                  entry->new_client = self->new_clients->len - 1;
                }
              else
                add_problem (entry->problems, TRUE, "unknown-client", "phone",
                             _("No card has this phone number, and the row gives no client’s name to make one."));
            }
          g_clear_error (&problem);
        }

      /* The price. */
      if (price)
        {
          if (rg_money_parse (price, &entry->price, &problem))
            entry->has_price = TRUE;
          else
            add_problem (entry->problems, TRUE, "bad-price", "price", problem->message);
          g_clear_error (&problem);
        }

      /* What, and by whom. */
      if (service == NULL)
        add_problem (entry->problems, TRUE, "unknown-service", "service", _("The row names no service."));
      else
        {
          g_autofree char *key = rg_text_sort_key (service);
          Known *known = g_hash_table_lookup (services, key);

          if (known)
            entry->service_id = known->id, entry->duration = known->duration, entry->service_price = known->price;
          else
            {
              entry->new_service = new_name (self->new_services, service_index, key, service,
                                             entry->has_price ? entry->price : 0);
              entry->duration = NEW_SERVICE_MINUTES;
            }
        }
      if (master == NULL)
        {
          if (only_master)
            entry->staff_id = only_master;
          else
            add_problem (entry->problems, TRUE, "unknown-master", "master", _("The row names no master."));
        }
      else
        {
          g_autofree char *key = rg_text_sort_key (master);
          Known *known = g_hash_table_lookup (masters, key);

          if (known)
            entry->staff_id = known->id;
          else
            entry->new_master = new_name (self->new_masters, master_index, key, master, 0);
        }
      if (!entry->has_price)
        entry->price = entry->service_price;

      entry->fatal = has_fatal (entry->problems);
      if (entry->fatal)
        continue;

      /* The same visit twice: in the file, or already in the studio. */
      {
        g_autofree char *service_key = rg_text_sort_key (service);
        char *key = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s", entry->digits, entry->starts_at, service_key);

        if (!g_hash_table_add (seen, key))
          entry->duplicate = TRUE;
      }
      if (!entry->duplicate && entry->client_id && entry->service_id)
        {
          g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                                     "SELECT 1 FROM appointments a JOIN appointment_services l "
                                                     "ON l.appointment_id = a.id WHERE a.client_id = ?1 AND "
                                                     "a.starts_at = ?2 AND l.service_id = ?3 AND a.deleted_at IS NULL "
                                                     "LIMIT 1",
                                                     error);
          gboolean found = FALSE;

          if (stmt == NULL)
            return NULL;
          sqlite3_bind_int64 (stmt, 1, entry->client_id);
          sqlite3_bind_int64 (stmt, 2, entry->starts_at);
          sqlite3_bind_int64 (stmt, 3, entry->service_id);
          if (!rg_store_step_row (store, stmt, &found, error))
            return NULL;
          entry->duplicate = found;
        }
    }

  return g_steal_pointer (&self);
}

static VisitEntry *
visit_entry (RgVisitImport *self,
             guint          index)
{
  g_return_val_if_fail (self != NULL && index < self->entries->len, NULL);
  return &g_array_index (self->entries, VisitEntry, index);
}

guint
rg_visit_import_get_n_rows (RgVisitImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const RgVisitImportRow *
rg_visit_import_get_row (RgVisitImport *self,
                         guint          index)
{
  VisitEntry *entry = visit_entry (self, index);

  return entry ? entry->row : NULL;
}

static RgImportAction
visit_action (RgVisitImport *self,
              VisitEntry    *entry)
{
  if (entry->fatal || has_fatal (entry->problems))
    return RG_IMPORT_ERROR;
  if (entry->duplicate)
    return RG_IMPORT_DUPLICATE;
  return RG_IMPORT_CREATE;
}

RgImportAction
rg_visit_import_get_action (RgVisitImport *self,
                            guint          index)
{
  VisitEntry *entry = visit_entry (self, index);

  return entry ? visit_action (self, entry) : RG_IMPORT_ERROR;
}

GPtrArray *
rg_visit_import_get_problems (RgVisitImport *self,
                              guint          index)
{
  VisitEntry *entry = visit_entry (self, index);

  return entry ? entry->problems : NULL;
}

static GStrv
dup_names (GPtrArray *things)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < things->len; i++)
    g_strv_builder_add (builder, ((NewThing *) things->pdata[i])->name);
  return g_strv_builder_end (builder);
}

GStrv
rg_visit_import_dup_new_services (RgVisitImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return dup_names (self->new_services);
}

GStrv
rg_visit_import_dup_new_masters (RgVisitImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return dup_names (self->new_masters);
}

void
rg_visit_import_set_create_unknown (RgVisitImport *self,
                                    gboolean       create)
{
  g_return_if_fail (self != NULL);

  self->create_unknown = create;
  for (guint i = 0; i < self->entries->len; i++)
    {
      VisitEntry *entry = visit_entry (self, i);

      if (!entry->fatal)
        note_unknown (self, entry);
    }
}

void
rg_visit_import_count (RgVisitImport  *self,
                       RgImportCounts *counts)
{
  g_return_if_fail (self != NULL && counts != NULL);

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < self->entries->len; i++)
    {
      VisitEntry *entry = visit_entry (self, i);
      gboolean warned = FALSE;

      for (guint p = 0; p < entry->problems->len; p++)
        warned |= !((RgImportProblem *) entry->problems->pdata[p])->fatal;
      count_action (counts, visit_action (self, entry), warned);
    }
}

/* Whether any row that comes in needs the new thing @index of @kind. */
static gboolean
needed (RgVisitImport *self,
        gsize          offset,
        int            index)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      VisitEntry *entry = visit_entry (self, i);

      if (G_STRUCT_MEMBER (int, entry, offset) == index && visit_action (self, entry) == RG_IMPORT_CREATE)
        return TRUE;
    }
  return FALSE;
}

static gboolean
write_new_things (RgVisitImport  *self,
                  RgStore        *store,
                  gint64          now,
                  GError        **error)
{
  for (guint i = 0; i < self->new_services->len; i++)
    {
      NewThing *thing = self->new_services->pdata[i];
      g_autoptr(RgStmt) stmt = NULL;

      thing->id = 0;
      if (!needed (self, G_STRUCT_OFFSET (VisitEntry, new_service), i))
        continue;
      stmt = rg_store_prepare (store,
                               "INSERT INTO services (id, name, duration_minutes, price, position, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, (SELECT coalesce (max (position) + 1, 0) FROM services), ?5, ?5)",
                               error);
      if (stmt == NULL)
        return FALSE;
      thing->id = rg_store_new_id ();
      sqlite3_bind_int64 (stmt, 1, thing->id);
      sqlite3_bind_text (stmt, 2, thing->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, NEW_SERVICE_MINUTES);
      sqlite3_bind_int64 (stmt, 4, thing->price);
      sqlite3_bind_int64 (stmt, 5, now);
      if (!rg_store_step_done (store, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < self->new_masters->len; i++)
    {
      NewThing *thing = self->new_masters->pdata[i];
      g_autoptr(RgStmt) stmt = NULL;

      thing->id = 0;
      if (!needed (self, G_STRUCT_OFFSET (VisitEntry, new_master), i))
        continue;
      stmt = rg_store_prepare (store,
                               "INSERT INTO staff (id, display_name, role, position, created_at, updated_at) "
                               "VALUES (?1, ?2, 'master', (SELECT coalesce (max (position) + 1, 0) FROM staff), ?3, ?3)",
                               error);
      if (stmt == NULL)
        return FALSE;
      thing->id = rg_store_new_id ();
      sqlite3_bind_int64 (stmt, 1, thing->id);
      sqlite3_bind_text (stmt, 2, thing->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, now);
      if (!rg_store_step_done (store, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < self->new_clients->len; i++)
    {
      NewClient *client = self->new_clients->pdata[i];
      g_autoptr(RgStmt) stmt = NULL;
      g_autofree char *sort_key = NULL;

      client->id = 0;
      if (!needed (self, G_STRUCT_OFFSET (VisitEntry, new_client), i))
        continue;
      if (!rg_client_check_address_as (client->name, error))
        return FALSE;
      sort_key = rg_text_sort_key (client->name);
      stmt = rg_store_prepare (store,
                               "INSERT INTO clients (id, address_as, sort_key, phone, phone_digits, full_name, "
                               "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                               error);
      if (stmt == NULL)
        return FALSE;
      client->id = rg_store_new_id ();
      sqlite3_bind_int64 (stmt, 1, client->id);
      sqlite3_bind_text (stmt, 2, client->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, sort_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, client->phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, client->digits, -1, SQLITE_TRANSIENT);
      bind_text (stmt, 6, g_strcmp0 (client->full_name, client->name) ? client->full_name : NULL);
      sqlite3_bind_int64 (stmt, 7, now);
      if (!rg_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rg_studio_import_visits (RgStudio        *studio,
                         RgVisitImport   *plan,
                         const char      *file_name,
                         RgImportCounts  *done,
                         GBytes         **undo,
                         GError         **error)
{
  g_autoptr(RgStoreRecording) recording = NULL;
  g_autoptr(GBytes) changes = NULL;
  g_autofree char *base = NULL;
  RgImportCounts counts;
  RgStore *store;
  gint64 now;

  g_return_val_if_fail (RG_IS_STUDIO (studio), FALSE);
  g_return_val_if_fail (plan != NULL && plan->studio == studio, FALSE);

  store = rg_studio_get_store (studio);
  rg_visit_import_count (plan, &counts);
  now = rg_store_now ();
  base = file_name ? g_path_get_basename (file_name) : NULL;

  if (!rg_store_begin (store, error))
    return FALSE;
  if (!rg_studio_audit (studio, RG_AUDIT_IMPORT, "visits", counts.created, base, NULL, error))
    goto fail;
  if (undo && (recording = rg_store_record_changes (store, error)) == NULL)
    goto fail;
  if (!write_new_things (plan, store, now, error))
    goto fail;

  for (guint i = 0; i < plan->entries->len; i++)
    {
      VisitEntry *entry = visit_entry (plan, i);
      g_autoptr(RgStmt) visit = NULL;
      g_autoptr(RgStmt) line = NULL;
      gint64 id = rg_store_new_id ();
      gint64 client_id, service_id, staff_id;

      if (visit_action (plan, entry) != RG_IMPORT_CREATE)
        continue;
      client_id = entry->new_client >= 0 ? ((NewClient *) plan->new_clients->pdata[entry->new_client])->id
                                         : entry->client_id;
      service_id = entry->new_service >= 0 ? ((NewThing *) plan->new_services->pdata[entry->new_service])->id
                                           : entry->service_id;
      staff_id = entry->new_master >= 0 ? ((NewThing *) plan->new_masters->pdata[entry->new_master])->id
                                        : entry->staff_id;

      visit = rg_store_prepare (store,
                                "INSERT INTO appointments (id, client_id, staff_id, starts_at, ends_at, status, price, "
                                "allow_overlap, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'done', ?6, 1, ?7, ?7)",
                                error);
      if (visit == NULL)
        goto fail;
      sqlite3_bind_int64 (visit, 1, id);
      sqlite3_bind_int64 (visit, 2, client_id);
      sqlite3_bind_int64 (visit, 3, staff_id);
      sqlite3_bind_int64 (visit, 4, entry->starts_at);
      sqlite3_bind_int64 (visit, 5, entry->starts_at + (gint64) entry->duration * 60);
      sqlite3_bind_int64 (visit, 6, entry->price);
      sqlite3_bind_int64 (visit, 7, now);
      if (!rg_store_step_done (store, visit, error))
        goto fail;
      g_clear_pointer (&visit, rg_stmt_release);

      line = rg_store_prepare (store,
                               "INSERT INTO appointment_services (id, appointment_id, service_id, position, "
                               "duration_minutes, price, created_at, updated_at) VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?6)",
                               error);
      if (line == NULL)
        goto fail;
      sqlite3_bind_int64 (line, 1, rg_store_new_id ());
      sqlite3_bind_int64 (line, 2, id);
      sqlite3_bind_int64 (line, 3, service_id);
      sqlite3_bind_int (line, 4, entry->duration);
      sqlite3_bind_int64 (line, 5, entry->price);
      sqlite3_bind_int64 (line, 6, now);
      if (!rg_store_step_done (store, line, error))
        goto fail;
    }

  if (recording && (changes = rg_store_recording_finish (recording, error)) == NULL)
    goto fail;
  if (!rg_store_commit (store, error))
    return FALSE;  /* the commit rolled back itself */

  if (done)
    *done = counts;
  if (undo)
    *undo = pack_undo ("visits", base, counts.created, changes);
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}
