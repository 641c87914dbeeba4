/* rg-import-visits.c — a history of past visits: each row a done
 * appointment, its client, service and master found or made.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-roles.h"
#include "rg-client-private.h"
#include "rg-sale.h"
#include "rg-custom-field.h"
#include "rg-import-private.h"
#include "store/rg-store-insert.h"
#include "util/rg-money.h"
#include "util/rg-phone.h"
#include "util/rg-text.h"
#include "util/rg-time.h"


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

      rg_import_add_problem (entry->problems, TRUE, "unknown-service", "service", message);
    }
  if (entry->new_master >= 0)
    {
      NewThing *thing = self->new_masters->pdata[entry->new_master];
      /* Translators: %s is a master's name as the file has it */
      g_autofree char *message = g_strdup_printf (_("The studio has no master “%s”."), thing->name);

      rg_import_add_problem (entry->problems, TRUE, "unknown-master", "master", message);
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

  /* The plan already reads every card's phone: the role is checked here. */
  if (!rg_studio_allowed (studio, RG_ACTION_IMPORT, 0, 0, error))
    return NULL;
  store = rg_studio_get_store (studio);
  country = rg_store_get_phone_country (store);
  if ((phones = rg_import_load_phones (store, error)) == NULL ||
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
      g_autofree char *name = rg_import_cell (row->client_name);
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
      g_autofree char *date = rg_import_cell (row->date);
      g_autofree char *time = rg_import_cell (row->time);
      g_autofree char *phone = rg_import_cell (row->phone);
      g_autofree char *service = rg_import_cell (row->service);
      g_autofree char *master = rg_import_cell (row->master);
      g_autofree char *price = rg_import_cell (row->price);
      g_autofree char *name = rg_import_cell (row->client_name);
      g_autoptr(GError) problem = NULL;
      RgDate day = { 0 };
      int minute = -1;
      gboolean long_cell;

      entry->row = row;
      entry->problems = g_ptr_array_new_with_free_func (rg_import_problem_free);
      entry->new_client = entry->new_service = entry->new_master = -1;

      long_cell = rg_import_too_long (entry->problems, date, MAX_SHORT, "date");
      long_cell |= rg_import_too_long (entry->problems, time, MAX_SHORT, "time");
      long_cell |= rg_import_too_long (entry->problems, phone, MAX_SHORT, "phone");
      long_cell |= rg_import_too_long (entry->problems, service, MAX_SHORT, "service");
      long_cell |= rg_import_too_long (entry->problems, master, MAX_SHORT, "master");
      long_cell |= rg_import_too_long (entry->problems, price, MAX_SHORT, "price");
      long_cell |= rg_import_too_long (entry->problems, name, MAX_SHORT, "client_name");
      if (long_cell)
        {
          entry->fatal = TRUE;
          continue;
        }

      /* When. */
      if (!rg_date_parse_day (date, &day, &minute, &problem))
        rg_import_add_problem (entry->problems, TRUE, "bad-date", "date", problem->message);
      g_clear_error (&problem);
      if (time && !rg_time_parse_minute (time, &minute, &problem))
        rg_import_add_problem (entry->problems, TRUE, "bad-time", "time", problem->message);
      g_clear_error (&problem);
      if (day.year)
        {
          entry->starts_at = rg_time_from_local (day, minute >= 0 ? minute : NOON);
          if (entry->starts_at > now)
            rg_import_add_problem (entry->problems, TRUE, "bad-date", "date",
                         _("The visit is in the future: only past visits are imported."));
        }

      /* Who. */
      if (phone == NULL)
        rg_import_add_problem (entry->problems, TRUE, "missing-phone", "phone", _("The row has no client’s phone number."));
      else
        {
          g_autoptr(GPtrArray) numbers = NULL;

          if (!rg_phone_read_cell (phone, country, &numbers, &problem))
            rg_import_add_problem (entry->problems, TRUE,
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
                  client->name = rg_import_given_name (given, FALSE);
                  client->phone = rg_phone_format (numbers->pdata[0]);
                  client->digits = g_strdup (digits);
                  g_ptr_array_add (self->new_clients, client);
                  g_hash_table_insert (client_index, g_strdup (digits), GINT_TO_POINTER (self->new_clients->len));
                  entry->new_client = self->new_clients->len - 1;
                }
              else
                rg_import_add_problem (entry->problems, TRUE, "unknown-client", "phone",
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
            rg_import_add_problem (entry->problems, TRUE, "bad-price", "price", problem->message);
          g_clear_error (&problem);
        }

      /* What, and by whom. */
      if (service == NULL)
        rg_import_add_problem (entry->problems, TRUE, "unknown-service", "service", _("The row names no service."));
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
            rg_import_add_problem (entry->problems, TRUE, "unknown-master", "master", _("The row names no master."));
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

      entry->fatal = rg_import_has_fatal (entry->problems);
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
  if (entry->fatal || rg_import_has_fatal (entry->problems))
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
      rg_import_count_action (counts, visit_action (self, entry), warned);
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
      rg_import_bind_text (stmt, 6, g_strcmp0 (client->full_name, client->name) ? client->full_name : NULL);
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

  if (!rg_studio_allowed (studio, RG_ACTION_IMPORT, 0, 0, error))
    return FALSE;
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
      /* A past visit was paid in full at its price, by a method not known. */
      if (!rg_sale_write_in_full (store, id, entry->starts_at + (gint64) entry->duration * 60, error))
        goto fail;
    }

  if (recording && (changes = rg_store_recording_finish (recording, error)) == NULL)
    goto fail;
  if (!rg_store_commit (store, error))
    return FALSE;  /* the commit rolled back itself */

  if (done)
    *done = counts;
  if (undo)
    *undo = rg_import_pack_undo ("visits", base, counts.created, changes);
  return TRUE;

fail:
  rg_store_rollback (store);
  return FALSE;
}
