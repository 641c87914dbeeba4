/* rg-import-clients.c — a clients import: each row read by the card's rules,
 * its duplicates found, the plan written in one transaction.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-roles.h"
#include "rg-client-private.h"
#include "rg-custom-field.h"
#include "rg-import-private.h"
#include "store/rg-store-insert.h"
#include "util/rg-money.h"
#include "util/rg-phone.h"
#include "util/rg-text.h"
#include "util/rg-time.h"


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

/* The numbers of a rg_import_cell, or the problem with it. */
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
  g_autofree char *address_as = rg_import_cell (row->address_as);
  g_autofree char *full_name = rg_import_cell (row->full_name);
  g_autofree char *phone = rg_import_cell (row->phone);
  g_autofree char *phone2 = rg_import_cell (row->phone2);
  g_autofree char *email = rg_import_cell (row->email);
  g_autofree char *birthday = rg_import_cell (row->birthday);
  g_autofree char *gender = rg_import_cell (row->gender);
  g_autofree char *notes = rg_import_cell (row->notes);
  g_autofree char *tags = rg_import_cell (row->tags);
  g_autofree char *source = rg_import_cell (row->source);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean long_cell;

  /* Far too long: refused before anything reads it. */
  long_cell = rg_import_too_long (problems, address_as, MAX_SHORT, "address_as");
  long_cell |= rg_import_too_long (problems, full_name, MAX_SHORT, "full_name");
  long_cell |= rg_import_too_long (problems, phone, MAX_SHORT, "phone");
  long_cell |= rg_import_too_long (problems, phone2, MAX_SHORT, "phone2");
  long_cell |= rg_import_too_long (problems, email, MAX_SHORT, "email");
  long_cell |= rg_import_too_long (problems, birthday, MAX_SHORT, "birthday");
  long_cell |= rg_import_too_long (problems, gender, MAX_SHORT, "gender");
  long_cell |= rg_import_too_long (problems, notes, MAX_LONG, "notes");
  long_cell |= rg_import_too_long (problems, tags, MAX_LONG, "tags");
  long_cell |= rg_import_too_long (problems, source, MAX_SHORT, "source");
  if (row->fields)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, row->fields);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        long_cell |= rg_import_too_long (problems, value, MAX_LONG, "field");
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
    address_as = rg_import_given_name (full_name, row->given_first);
  if (!rg_client_check_address_as (address_as, NULL))
    rg_import_add_problem (problems, TRUE, "missing-name", address_as ? "address_as" : "full_name",
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
        rg_import_add_problem (problems, TRUE, "bad-phone", "phone", error->message);
      else if (phone2 == NULL)
        rg_import_add_problem (problems, TRUE, "missing-phone", "phone", error->message);
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
        rg_import_add_problem (problems, numbers->len == 0 && phone == NULL, "bad-phone", "phone2", error->message);
      else if (phone == NULL)
        rg_import_add_problem (problems, TRUE, "missing-phone", "phone", error->message);
      g_clear_error (&error);
    }
  if (phone == NULL && phone2 == NULL)
    rg_import_add_problem (problems, TRUE, "missing-phone", "phone",
                 _("The row has no phone number: a card needs one."));
  for (guint i = 0; i < numbers->len; i++)
    {
      g_autofree char *formatted = NULL;
      g_autofree char *digits = NULL;

      if (!rg_client_read_phone (numbers->pdata[i], country, &formatted, &digits, &error))
        {
          rg_import_add_problem (problems, i == 0, "bad-phone", "phone", error->message);
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
        rg_import_add_problem (problems, FALSE, "bad-email", "email", error->message);
      g_clear_error (&error);
    }
  if (birthday)
    {
      int day = 0, month = 0, year = 0;

      if (rg_date_parse_birthday (birthday, &day, &month, &year, &error) &&
          rg_client_check_birthday (day, month, year, &error))
        card->day = day, card->month = month, card->year = year;
      else
        rg_import_add_problem (problems, FALSE, "bad-birthday", "birthday", error->message);
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
          rg_import_add_problem (problems, FALSE, "bad-gender", "gender", message);
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
              rg_import_add_problem (problems, FALSE, "bad-field", "field", _("The studio has no such field."));
              continue;
            }
          if (!rg_custom_field_read_value (field, value, &stored, &error))
            {
              rg_import_add_problem (problems, FALSE, "bad-field", "field", error->message);
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

  entry->fatal = rg_import_has_fatal (problems);
  entry->warned = !entry->fatal && problems->len > 0;
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

  /* The plan already reads every card's phone: the role is checked here. */
  if (!rg_studio_allowed (studio, RG_ACTION_IMPORT, 0, 0, error))
    return NULL;
  store = rg_studio_get_store (studio);
  country = rg_store_get_phone_country (store);
  if ((existing = rg_import_load_phones (store, error)) == NULL)
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
      entry->problems = g_ptr_array_new_with_free_func (rg_import_problem_free);
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


void
rg_client_import_count (RgClientImport *self,
                        RgImportCounts *counts)
{
  g_return_if_fail (self != NULL && counts != NULL);

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < self->entries->len; i++)
    {
      ClientEntry *entry = client_entry (self, i);

      rg_import_count_action (counts, client_action (entry), entry->warned);
    }
}

/* --- Clients: the write ------------------------------------------------- */


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
  rg_import_bind_text (stmt, 2, card->full_name);
  rg_import_bind_text (stmt, 3, card->email);
  rg_import_bind_text (stmt, 4, card->source);
  rg_import_bind_text (stmt, 5, gender_nick (card->gender));
  if (card->day)
    {
      sqlite3_bind_int (stmt, 6, card->day);
      sqlite3_bind_int (stmt, 7, card->month);
      if (card->year)
        sqlite3_bind_int (stmt, 8, card->year);
    }
  rg_import_bind_text (stmt, 9, phone2);
  rg_import_bind_text (stmt, 10, phone2_digits);
  rg_import_bind_text (stmt, 11, notes);
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

  if (!rg_studio_allowed (studio, RG_ACTION_IMPORT, 0, 0, error))
    return FALSE;
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
    *undo = rg_import_pack_undo ("clients", base, counts.created + counts.updated, changes);
  return TRUE;

fail:
  g_clear_pointer (&tags.ids, g_hash_table_unref);
  rg_store_rollback (store);
  restore_cache (store, cache);
  return FALSE;
}
