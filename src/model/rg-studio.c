/* rg-studio.c — the model's context.
 *
 * Views get the studio as a construct property (never a global) and ask it
 * for records. It keeps at most one live object per row: whoever writes a
 * row, through this studio or not, the store's ::changed reaches the studio,
 * which reloads that object, so every widget bound to it updates by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rg-appointment.h"
#include "rg-client.h"
#include "rg-client-private.h"
#include "rg-condition.h"
#include "rg-custom-field.h"
#include "rg-interaction.h"
#include "rg-permissions.h"
#include "rg-photo.h"
#include "rg-rating.h"
#include "rg-service.h"
#include "rg-staff.h"
#include "rg-studio.h"
#include "rg-model-enums.h"
#include "rg-studio-identity.h"
#include "rg-background.h"
#include "rg-format.h"
#include "util/rg-phone.h"

struct _RgStudio
{
  GObject     parent_instance;

  RgStore    *store;
  gulong      changed_id;
  gulong      detached_id;
  gulong      read_only_id;
  GHashTable *types;      /* table quark -> GType */
  GHashTable *live;       /* GType -> GHashTable (gint64* id -> RgRecord*, weak) */
  RgClient   *selected_client;
  RgChanges      pending_changes;   /* of the commit under way */
  gulong         committed_id;

  /* Where the commit's appointments were and are: a Spot each, before and
   * after; or every day (a change the store did not name row by row). */
  GArray        *pending_spots;
  gboolean       pending_every_day;
  gboolean       pending_lines_gone;     /* services of an appointment deleted */
  guint          pending_appointments;   /* appointment rows changed */
  GArray        *spots;            /* of the commit being announced */
  gboolean       every_day;
  gboolean       announcing;
};

typedef struct {
  gint64 starts_at;
  gint64 staff_id;
} Spot;

G_DEFINE_FINAL_TYPE (RgStudio, rg_studio, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_CLIENT,
  PROP_DETACHED,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint studio_changes_signal;

static GHashTable *
live_map (RgStudio *self,
          GType     type)
{
  GHashTable *map = g_hash_table_lookup (self->live, GSIZE_TO_POINTER (type));

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (self->live, GSIZE_TO_POINTER (type), map);
    }

  return map;
}

static void
record_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  RgStudio *self = data;
  RgRecord *record = (RgRecord *) where_the_object_was;
  gint64 id = rg_record_get_id (record);
  GHashTable *map = live_map (self, G_OBJECT_TYPE (where_the_object_was));

  if (g_hash_table_lookup (map, &id) == (gpointer) record)
    g_hash_table_remove (map, &id);
}

static void
remember (RgStudio *self,
          RgRecord *record)
{
  gint64 id = rg_record_get_id (record);
  GHashTable *map = live_map (self, G_OBJECT_TYPE (record));

  g_assert (id != 0);
  g_hash_table_insert (map, g_memdup2 (&id, sizeof id), record);
  g_object_weak_ref (G_OBJECT (record), record_finalized_cb, self);
  /* Its phones are masked for a master it does not belong to. */
  if (RG_IS_CLIENT (record))
    rg_client_attach_studio (RG_CLIENT (record), self);
}

static void
forget (RgStudio *self,
        RgRecord *record)
{
  gint64 id = rg_record_get_id (record);
  GHashTable *map = live_map (self, G_OBJECT_TYPE (record));

  if (g_hash_table_lookup (map, &id) == (gpointer) record)
    g_hash_table_remove (map, &id);
  g_object_weak_unref (G_OBJECT (record), record_finalized_cb, self);
  if (RG_IS_CLIENT (record))
    rg_client_attach_studio (RG_CLIENT (record), NULL);
}

gpointer
rg_studio_lookup_cached (RgStudio *self,
                         GType     type,
                         gint64    id)
{
  RgRecord *record;

  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);

  record = g_hash_table_lookup (live_map (self, type), &id);
  return record ? g_object_ref (record) : NULL;
}

/* The live object for a row, loaded on first use. Returns a new reference. */
gpointer
rg_studio_lookup (RgStudio  *self,
                  GType      type,
                  gint64     id,
                  GError   **error)
{
  RgRecord *record;

  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, RG_TYPE_RECORD), NULL);

  record = rg_studio_lookup_cached (self, type, id);
  if (record)
    return record;

  record = rg_record_load (type, self->store, id, error);
  if (record)
    remember (self, record);

  return record;
}

/* The live object for the row @stmt is on (a statement built from
 * rg_record_class_get_select()): the existing one brought up to date, or a
 * new one remembered from now on. For lists that load many rows at once. */
gpointer
rg_studio_lookup_from_stmt (RgStudio     *self,
                            GType         type,
                            sqlite3_stmt *stmt)
{
  RgRecord *record;

  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);

  record = rg_studio_lookup_cached (self, type, sqlite3_column_int64 (stmt, 0));
  if (record)
    {
      rg_record_set_from_stmt (record, stmt);
      return record;
    }

  record = rg_record_new_from_stmt (type, stmt);
  remember (self, record);
  return record;
}

/* The live objects of @type for @ids, loading those not yet live in one
 * query (a calendar binding a screenful of cards asks for their clients
 * at once). Ids without a row are left out; duplicates are returned once.
 * Returns the objects as new references, in no particular order. */
GPtrArray *
rg_studio_lookup_many (RgStudio      *self,
                       GType          type,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) missing = g_string_new ("[");
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  gboolean row = FALSE, ok;

  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, RG_TYPE_RECORD), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      RgRecord *record;

      if (ids[i] == 0 || !g_hash_table_add (seen, (gpointer) &ids[i]))
        continue;
      if ((record = rg_studio_lookup_cached (self, type, ids[i])))
        g_ptr_array_add (found, record);
      else
        g_string_append_printf (missing, "%s%" G_GINT64_FORMAT, missing->len > 1 ? "," : "", ids[i]);
    }
  if (missing->len == 1)
    return g_steal_pointer (&found);
  g_string_append_c (missing, ']');

  klass = g_type_class_ref (type);
  sql = g_strconcat (rg_record_class_get_select (RG_RECORD_CLASS (klass)),
                     " WHERE id IN (SELECT value FROM json_each(?1))", NULL);
  stmt = rg_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, missing->str, (int) missing->len, SQLITE_TRANSIENT);
  while ((ok = rg_store_step_row (self->store, stmt, &row, error)) && row)
    g_ptr_array_add (found, rg_studio_lookup_from_stmt (self, type, stmt));
  if (!ok)
    return NULL;

  return g_steal_pointer (&found);
}

guint
rg_studio_count_live (RgStudio *self,
                      GType     type)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), 0);
  return g_hash_table_size (live_map (self, type));
}

gboolean
rg_studio_save (RgStudio  *self,
                gpointer   record,
                GError   **error)
{
  gboolean is_new;

  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  g_return_val_if_fail (RG_IS_RECORD (record), FALSE);

  if (!rg_studio_allowed_record (self, record, error))
    return FALSE;
  is_new = rg_record_get_id (record) == 0;
  if (!is_new)
    return rg_record_save (record, self->store, error);

  /* A new row is remembered before the commit announces it: a list that
   * loads the row on ::changed then finds this object instead of making
   * a second live object for the same row. */
  if (!rg_store_begin (self->store, error))
    return FALSE;
  if (!rg_record_save (record, self->store, error))
    {
      rg_store_rollback (self->store);
      return FALSE;
    }
  remember (self, record);
  if (!rg_store_commit (self->store, error))
    {
      forget (self, record);
      return FALSE;
    }

  return TRUE;
}

gboolean
rg_studio_delete (RgStudio  *self,
                  gpointer   record,
                  GError   **error)
{
  g_autoptr(GError) refused = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  g_return_val_if_fail (RG_IS_RECORD (record), FALSE);

  if (!rg_studio_allowed_record (self, record, error))
    return FALSE;
  if (rg_record_delete (record, self->store, &refused))
    return TRUE;
  /* Kept by the schema: a master or a service that appointments name. */
  if (g_error_matches (refused, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT) &&
      (RG_IS_STAFF (record) || RG_IS_SERVICE (record)))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_CONSTRAINT,
                           RG_IS_STAFF (record) ? _("Someone with appointments can only be archived.")
                                                : _("A booked service can only be archived."));
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&refused));
  return FALSE;
}

gboolean
rg_studio_undelete (RgStudio  *self,
                    gpointer   record,
                    GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  g_return_val_if_fail (RG_IS_RECORD (record), FALSE);

  if (!rg_studio_allowed_record (self, record, error))
    return FALSE;
  return rg_record_undelete (record, self->store, error);
}

static void
refresh (RgStudio *self,
         RgRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!rg_record_reload (record, self->store, &error))
    {
      if (g_error_matches (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND))
        rg_record_mark_erased (record);
      else
        g_warning ("Could not reload a %s: %s", G_OBJECT_TYPE_NAME (record), error->message);
    }
}

/* The model's name for a change to @table. */
RgChanges
rg_changes_for_table (const char *table)
{
  static const struct { const char *table; RgChanges changes; } map[] = {
    { "clients", RG_CHANGES_CLIENTS }, { "client_tags", RG_CHANGES_CLIENTS },
    { "client_fields", RG_CHANGES_CLIENTS }, { "client_conditions", RG_CHANGES_CLIENTS },
    { "photos", RG_CHANGES_CLIENTS },
    { "appointments", RG_CHANGES_APPOINTMENTS }, { "appointment_services", RG_CHANGES_APPOINTMENTS },
    /* The summaries the schema's triggers keep from the appointments. */
    { "client_visits", RG_CHANGES_APPOINTMENTS }, { "client_staff", RG_CHANGES_APPOINTMENTS },
    { "client_service", RG_CHANGES_APPOINTMENTS },
    { "interactions", RG_CHANGES_TIMELINE },
    { "ratings", RG_CHANGES_RATINGS }, { "survey_answers", RG_CHANGES_RATINGS },
    { "staff_hours", RG_CHANGES_SCHEDULE }, { "staff_days_off", RG_CHANGES_SCHEDULE },
    { "staff", RG_CHANGES_STAFF },
    { "services", RG_CHANGES_SERVICES },
    { "settings", RG_CHANGES_SETTINGS }, { "custom_fields", RG_CHANGES_SETTINGS },
    { "conditions", RG_CHANGES_SETTINGS }, { "tags", RG_CHANGES_SETTINGS },
    { "products", RG_CHANGES_SETTINGS }, { "promotions", RG_CHANGES_SETTINGS },
    { "promotion_items", RG_CHANGES_SETTINGS }, { "card_tiers", RG_CHANGES_SETTINGS },
    { "staff_service_rates", RG_CHANGES_SETTINGS },
    { "sales", RG_CHANGES_MONEY }, { "sale_lines", RG_CHANGES_MONEY }, { "payments", RG_CHANGES_MONEY },
    { "stock_moves", RG_CHANGES_MONEY },
    /* Prepaid and rewards: ledgers are money, their kinds settings. */
    { "deposit_moves", RG_CHANGES_MONEY }, { "subscriptions", RG_CHANGES_MONEY },
    { "subscription_services", RG_CHANGES_MONEY }, { "subscription_moves", RG_CHANGES_MONEY },
    { "certificates", RG_CHANGES_MONEY }, { "certificate_moves", RG_CHANGES_MONEY },
    { "points_moves", RG_CHANGES_MONEY }, { "referral_rewards", RG_CHANGES_MONEY },
    { "reward_discounts", RG_CHANGES_MONEY },
    { "subscription_kinds", RG_CHANGES_SETTINGS }, { "subscription_kind_services", RG_CHANGES_SETTINGS },
    { "service_materials", RG_CHANGES_SETTINGS },
  };

  for (guint i = 0; table && i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].table, table))
      return map[i].changes;
  return RG_CHANGES_NONE;
}

/* RgStudio::changes, with what a handler may ask of the changes
 * (rg_studio_changes_touch_days) set for its length. A handler may commit
 * again: its own announcement nests. */
static void
announce (RgStudio  *self,
          RgChanges  changes,
          GArray    *spots,
          gboolean   every_day)
{
  GArray *outer_spots = self->spots;
  gboolean outer_every_day = self->every_day;
  gboolean outer_announcing = self->announcing;

  /* What a view asks while it hears of the changes is read anew. */
  rg_permissions_forget_own (self, changes);
  self->spots = spots;
  self->every_day = every_day;
  self->announcing = TRUE;
  g_signal_emit (self, studio_changes_signal, 0, (guint) changes);
  self->spots = outer_spots;
  self->every_day = outer_every_day;
  self->announcing = outer_announcing;

  /* Another session sees the clients' phones otherwise (masked or not):
   * what is bound to them shows it at once. */
  if (changes & RG_CHANGES_SESSION)
    {
      g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func (g_object_unref);
      GHashTableIter iter;
      gpointer client;

      g_hash_table_iter_init (&iter, live_map (self, RG_TYPE_CLIENT));
      while (g_hash_table_iter_next (&iter, NULL, &client))
        g_ptr_array_add (clients, g_object_ref (client));
      for (guint i = 0; i < clients->len; i++)
        rg_client_notify_contacts (clients->pdata[i]);
    }
}

void
rg_studio_announce (RgStudio  *self,
                    RgChanges  changes)
{
  g_return_if_fail (RG_IS_STUDIO (self));
  if (changes != RG_CHANGES_NONE)
    announce (self, changes, NULL, TRUE);
}

/* Once per commit: what it changed, in the model's terms. */
static void
store_committed_cb (RgStudio *self)
{
  RgChanges changes = self->pending_changes;
  g_autoptr(GArray) spots = g_steal_pointer (&self->pending_spots);
  gboolean every_day = self->pending_every_day;

  /* A service line deleted names no appointment: it is one of those the
   * commit changed (a booking's lines are saved with it), or anywhere. */
  if (self->pending_lines_gone && self->pending_appointments == 0)
    every_day = TRUE;
  self->pending_changes = RG_CHANGES_NONE;
  self->pending_every_day = FALSE;
  self->pending_lines_gone = FALSE;
  self->pending_appointments = 0;
  if (changes == RG_CHANGES_NONE)
    return;

  announce (self, changes, spots, every_day);
}

static void
add_spot (RgStudio *self,
          gint64    starts_at,
          gint64    staff_id)
{
  Spot spot = { starts_at, staff_id };

  if (self->pending_spots == NULL)
    self->pending_spots = g_array_new (FALSE, FALSE, sizeof (Spot));
  g_array_append_val (self->pending_spots, spot);
}

/* The place (starts_at, staff_id) that @sql reads for row @id, added;
 * FALSE when there is no such row. A query that fails counts as every
 * day. */
static gboolean
add_spot_of_row (RgStudio   *self,
                 const char *sql,
                 gint64      id)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (self->store, sql, NULL);
  gboolean row = FALSE;

  if (stmt == NULL)
    {
      self->pending_every_day = TRUE;
      return TRUE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rg_store_step_row (self->store, stmt, &row, NULL) || !row)
    return FALSE;
  add_spot (self, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
  return TRUE;
}

static void
add_spot_of (RgStudio      *self,
             RgAppointment *appointment)
{
  add_spot (self, rg_appointment_get_starts_at (appointment), rg_appointment_get_staff_id (appointment));
}

/* An appointment's row changed: where it was (its live object, if any,
 * before it is refreshed) and, after, where it is (the refreshed object,
 * or the row when nobody holds one), unless deleted. */
static void
note_appointment (RgStudio      *self,
                  gint64         id,
                  RgChangeKind   kind,
                  RgAppointment *live,
                  gboolean       refreshed)
{
  if (kind == RG_CHANGE_RESET)
    {
      self->pending_every_day = TRUE;
      return;
    }
  if (!refreshed)
    {
      self->pending_appointments++;
      if (live)
        add_spot_of (self, live);
      else if (kind == RG_CHANGE_DELETE)
        self->pending_every_day = TRUE;   /* gone, and nobody knows where it was */
      return;
    }
  if (kind == RG_CHANGE_DELETE)
    return;
  if (live)
    {
      if (!rg_record_is_deleted (RG_RECORD (live)))
        add_spot_of (self, live);
    }
  else if (!add_spot_of_row (self, "SELECT starts_at, staff_id FROM appointments WHERE id = ?1", id))
    self->pending_every_day = TRUE;
}

/* A service line of an appointment changed: its appointment's place. */
static void
note_line (RgStudio     *self,
           gint64        id,
           RgChangeKind  kind)
{
  if (kind == RG_CHANGE_RESET)
    {
      self->pending_every_day = TRUE;
      return;
    }
  if (kind == RG_CHANGE_DELETE)
    {
      self->pending_lines_gone = TRUE;
      return;
    }
  if (!add_spot_of_row (self,
                        "SELECT a.starts_at, a.staff_id FROM appointment_services s "
                        "JOIN appointments a ON a.id = s.appointment_id WHERE s.id = ?1",
                        id))
    self->pending_every_day = TRUE;
}

/* While RgStudio::changes is emitted: whether the commit changed an
 * appointment that was or is on a local day from @from to @to (both
 * included) with @staff_id (0: any master). A change the store announced
 * for a whole table counts as every day. Outside an emission, TRUE. */
gboolean
rg_studio_changes_touch_days (RgStudio *self,
                              RgDate    from,
                              RgDate    to,
                              gint64    staff_id)
{
  gint64 start, end;

  g_return_val_if_fail (RG_IS_STUDIO (self), TRUE);

  if (!self->announcing || self->every_day)
    return TRUE;
  if (self->spots == NULL)
    return FALSE;
  start = rg_date_start (from);
  end = rg_date_end (to);
  for (guint i = 0; i < self->spots->len; i++)
    {
      const Spot *spot = &g_array_index (self->spots, Spot, i);

      if (spot->starts_at >= start && spot->starts_at < end && (staff_id == 0 || spot->staff_id == staff_id))
        return TRUE;
    }
  return FALSE;
}

static void
store_changed_cb (RgStudio     *self,
                  const char   *table,
                  gint64        id,
                  RgChangeKind  kind,
                  RgStore      *store)
{
  GType type = GPOINTER_TO_SIZE (g_hash_table_lookup (self->types,
                                                      GUINT_TO_POINTER (g_quark_try_string (table))));
  GHashTable *map;
  g_autoptr(RgAppointment) appointment = NULL;   /* its live object, if the row is an appointment's */

  self->pending_changes |= rg_changes_for_table (table);
  if (type == RG_TYPE_APPOINTMENT)
    {
      if (kind != RG_CHANGE_RESET)
        g_set_object (&appointment, g_hash_table_lookup (live_map (self, type), &id));
      note_appointment (self, id, kind, appointment, FALSE);
    }
  else if (g_strcmp0 (table, "appointment_services") == 0)
    note_line (self, id, kind);

  if (type == 0)
    return;

  map = live_map (self, type);

  if (kind == RG_CHANGE_RESET)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, map);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (records, g_object_ref (value));
      for (guint i = 0; i < records->len; i++)
        refresh (self, g_ptr_array_index (records, i));
    }
  else
    {
      g_autoptr(RgRecord) record = NULL;

      if ((record = g_hash_table_lookup (map, &id)))
        {
          g_object_ref (record);
          if (kind == RG_CHANGE_DELETE)
            rg_record_mark_erased (record);
          else
            refresh (self, record);
        }
    }

  if (type == RG_TYPE_APPOINTMENT)
    note_appointment (self, id, kind, appointment, TRUE);

  if (self->selected_client && type == RG_TYPE_CLIENT &&
      rg_record_is_deleted (RG_RECORD (self->selected_client)))
    rg_studio_set_selected_client (self, NULL);
}

RgClient *
rg_studio_get_selected_client (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  return self->selected_client;
}

void
rg_studio_set_selected_client (RgStudio *self,
                               RgClient *client)
{
  g_return_if_fail (RG_IS_STUDIO (self));
  g_return_if_fail (client == NULL || RG_IS_CLIENT (client));

  if (g_set_object (&self->selected_client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLIENT]);
}

/* The client (not deleted) who has @phone — typed in any form the studio
 * reads — as the main or second number, for "this person is already
 * here"; the oldest card if there are several, or NULL. @except_id (0:
 * none) is left out: the card being edited. */
RgClient *
rg_studio_find_client_by_phone (RgStudio   *self,
                                const char *phone,
                                gint64      except_id)
{
  RgStore *store;
  g_autofree char *e164 = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);

  store = self->store;
  if (!rg_phone_normalize (phone, rg_store_get_phone_country (store), &e164, NULL))
    return NULL;

  stmt = rg_store_prepare (store,
                           "SELECT id FROM clients WHERE (phone_digits = ?1 OR phone2_digits = ?1) "
                           "AND deleted_at IS NULL AND id <> ?2 ORDER BY created_at, id LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, e164 + 1, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (!rg_store_step_row (store, stmt, &row, NULL) || !row)
    return NULL;
  /* A master finds only their own clients by phone. */
  if (rg_studio_masks_client (self, sqlite3_column_int64 (stmt, 0)))
    return NULL;

  return rg_studio_lookup (self, RG_TYPE_CLIENT, sqlite3_column_int64 (stmt, 0), NULL);
}

/* The names of a client's tags, in alphabetical order. */
GStrv
rg_studio_list_client_tags (RgStudio  *self,
                            gint64     client_id,
                            GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);

  stmt = rg_store_prepare (self->store,
                           "SELECT t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id "
                           "WHERE ct.client_id = ?1 ORDER BY t.name COLLATE NOCASE",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  for (;;)
    {
      gboolean row;

      if (!rg_store_step_row (self->store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }

  return g_strv_builder_end (builder);
}

RgStore *
rg_studio_get_store (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  return self->store;
}

RgStudio *
rg_studio_new (RgStore *store)
{
  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  return g_object_new (RG_TYPE_STUDIO, "store", store, NULL);
}

static void
register_type (RgStudio *self,
               GType     type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const char *table = rg_record_class_get_table (RG_RECORD_CLASS (klass));

  g_hash_table_insert (self->types, GUINT_TO_POINTER (g_quark_from_string (table)),
                       GSIZE_TO_POINTER (type));
}

static void
store_detached_cb (RgStudio *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETACHED]);
}

static void
store_read_only_cb (RgStudio *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Whether the studio stopped saving after a write failed (a full disk, a
 * file or folder become read-only, an I/O error): every command fails
 * with rg_studio_get_read_only_message() until it is opened again; what it
 * shows stays. */
gboolean
rg_studio_get_read_only (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  return rg_store_is_read_only (self->store);
}

/* Why the studio stopped saving, in words, or NULL. */
const char *
rg_studio_get_read_only_message (RgStudio *self)
{
  const GError *error;

  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  error = rg_store_get_read_only_error (self->store);
  return error ? error->message : NULL;
}

/* Whether the studio's files were removed or replaced on disk while it was
 * open: it saves nothing more (every command fails with
 * %RG_STORE_ERROR_DETACHED) and must be opened again. */
gboolean
rg_studio_get_detached (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  return rg_store_is_detached (self->store);
}

static void
rg_studio_constructed (GObject *object)
{
  RgStudio *self = RG_STUDIO (object);

  G_OBJECT_CLASS (rg_studio_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  register_type (self, RG_TYPE_CLIENT);
  register_type (self, RG_TYPE_STAFF);
  register_type (self, RG_TYPE_SERVICE);
  register_type (self, RG_TYPE_APPOINTMENT);
  register_type (self, RG_TYPE_RATING);
  register_type (self, RG_TYPE_INTERACTION);
  register_type (self, RG_TYPE_CUSTOM_FIELD);
  register_type (self, RG_TYPE_PHOTO);
  register_type (self, RG_TYPE_CONDITION);

  self->changed_id = g_signal_connect_swapped (self->store, "changed",
                                               G_CALLBACK (store_changed_cb), self);
  /* Every amount from now on in this studio's currency. */
  {
    g_autofree char *currency = rg_store_dup_currency (self->store);

    rg_format_set_currency (currency);
  }
  self->detached_id = g_signal_connect_swapped (self->store, "detached",
                                                G_CALLBACK (store_detached_cb), self);
  self->read_only_id = g_signal_connect_swapped (self->store, "read-only",
                                                 G_CALLBACK (store_read_only_cb), self);
  self->committed_id = g_signal_connect_swapped (self->store, "committed",
                                                 G_CALLBACK (store_committed_cb), self);
}

static void
forget_all (RgStudio *self)
{
  GHashTableIter types;
  gpointer map;

  g_hash_table_iter_init (&types, self->live);
  while (g_hash_table_iter_next (&types, NULL, &map))
    {
      GHashTableIter records;
      gpointer record;

      g_hash_table_iter_init (&records, map);
      while (g_hash_table_iter_next (&records, NULL, &record))
        {
          g_object_weak_unref (record, record_finalized_cb, self);
          if (RG_IS_CLIENT (record))
            rg_client_attach_studio (record, NULL);
        }
      g_hash_table_remove_all (map);
    }
}

static void
rg_studio_dispose (GObject *object)
{
  RgStudio *self = RG_STUDIO (object);

  g_clear_object (&self->selected_client);
  forget_all (self);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_signal_handler (&self->detached_id, self->store);
  g_clear_signal_handler (&self->read_only_id, self->store);
  g_clear_signal_handler (&self->committed_id, self->store);

  G_OBJECT_CLASS (rg_studio_parent_class)->dispose (object);
}

static void
rg_studio_finalize (GObject *object)
{
  RgStudio *self = RG_STUDIO (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->pending_spots, g_array_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->types, g_hash_table_unref);

  G_OBJECT_CLASS (rg_studio_parent_class)->finalize (object);
}

static void
rg_studio_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RgStudio *self = RG_STUDIO (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED_CLIENT:
      g_value_set_object (value, self->selected_client);
      break;
    case PROP_DETACHED:
      g_value_set_boolean (value, rg_studio_get_detached (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, rg_studio_get_read_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_studio_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RgStudio *self = RG_STUDIO (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SELECTED_CLIENT:
      rg_studio_set_selected_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_studio_class_init (RgStudioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rg_studio_constructed;
  object_class->dispose = rg_studio_dispose;
  object_class->finalize = rg_studio_finalize;
  object_class->get_property = rg_studio_get_property;
  object_class->set_property = rg_studio_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_CLIENT] =
    g_param_spec_object ("selected-client", NULL, NULL, RG_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DETACHED] =
    g_param_spec_boolean ("detached", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RgStudio::identity-changed:
   *
   * The studio's name, address or currency changed (rg_studio_set_identity()):
   * whatever shows them, or shows money, reads them again.
   */
  g_signal_new ("identity-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 0);

  /**
   * RgStudio::changes:
   * @changes: an #RgChanges: what the commit changed
   *
   * Once per commit, after the live records were refreshed: what changed,
   * in the model's terms. Views subscribe to this, never to table names.
   */
  studio_changes_signal =
    g_signal_new ("changes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RG_TYPE_CHANGES);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_studio_init (RgStudio *self)
{
  self->types = g_hash_table_new (NULL, NULL);
  self->live = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
}

/* Gives the client exactly the tags named in @tags (any case; new names
 * become new tags, the studio's spelling wins for existing ones), in one
 * transaction. */
gboolean
rg_studio_set_client_tags (RgStudio           *self,
                           gint64              client_id,
                           const char * const *tags,
                           GError            **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 now = rg_store_now ();

  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);

  if (!rg_studio_allowed (self, RG_ACTION_EDIT_CLIENT, 0, client_id, error))
    return FALSE;

  if (!rg_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; tags && tags[i]; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (tags[i]));
      g_autoptr(RgStmt) find = NULL;
      g_autoptr(RgStmt) add = NULL;
      gboolean row = FALSE;
      gint64 id;

      if (*name == '\0' || !g_hash_table_add (wanted, g_utf8_casefold (name, -1)))
        continue;

      find = rg_store_prepare (self->store, "SELECT id FROM tags WHERE name = ?1 COLLATE NOCASE", error);
      if (find == NULL)
        goto fail;
      sqlite3_bind_text (find, 1, name, -1, SQLITE_TRANSIENT);
      if (!rg_store_step_row (self->store, find, &row, error))
        goto fail;
      if (row)
        id = sqlite3_column_int64 (find, 0);
      else
        {
          id = rg_store_new_id ();
          add = rg_store_prepare (self->store, "INSERT INTO tags (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                                  error);
          if (add == NULL)
            goto fail;
          sqlite3_bind_int64 (add, 1, id);
          sqlite3_bind_text (add, 2, name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (add, 3, now);
          if (!rg_store_step_done (self->store, add, error))
            goto fail;
        }
      g_array_append_val (tag_ids, id);
    }

  /* Off what is no longer named, on what is new. */
  {
    g_autoptr(GString) list = g_string_new ("[");
    g_autoptr(RgStmt) remove = NULL;

    for (guint i = 0; i < tag_ids->len; i++)
      g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (tag_ids, gint64, i));
    g_string_append_c (list, ']');
    remove = rg_store_prepare (self->store,
                               "DELETE FROM client_tags WHERE client_id = ?1 AND tag_id NOT IN "
                               "(SELECT value FROM json_each(?2))",
                               error);
    if (remove == NULL)
      goto fail;
    sqlite3_bind_int64 (remove, 1, client_id);
    sqlite3_bind_text (remove, 2, list->str, -1, SQLITE_TRANSIENT);
    if (!rg_store_step_done (self->store, remove, error))
      goto fail;
  }
  for (guint i = 0; i < tag_ids->len; i++)
    {
      g_autoptr(RgStmt) link = rg_store_prepare (self->store,
                                                 "INSERT INTO client_tags (id, client_id, tag_id, created_at, updated_at) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (client_id, tag_id) DO NOTHING",
                                                 error);
      if (link == NULL)
        goto fail;
      sqlite3_bind_int64 (link, 1, rg_store_new_id ());
      sqlite3_bind_int64 (link, 2, client_id);
      sqlite3_bind_int64 (link, 3, g_array_index (tag_ids, gint64, i));
      sqlite3_bind_int64 (link, 4, now);
      if (!rg_store_step_done (self->store, link, error))
        goto fail;
    }

  return rg_store_commit (self->store, error);

fail:
  rg_store_rollback (self->store);
  return FALSE;
}

/* Reads @record back as stored, after a refused write left it changed. */
gboolean
rg_studio_reload (RgStudio  *self,
                  gpointer   record,
                  GError   **error)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), FALSE);
  g_return_val_if_fail (RG_IS_RECORD (record), FALSE);
  return rg_record_reload (record, self->store, error);
}

/* Opens (upgrading it if it is older) the studio at @path: the store and
 * the studio over it. May run in a thread; the studio is then used on the
 * main thread. */
RgStudio *
rg_studio_open (const char         *path,
                RgStudioOpenFlags   flags,
                GError            **error)
{
  g_autoptr(RgStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  store = rg_store_open (path, (flags & RG_STUDIO_OPEN_EXISTING) ? RG_STORE_OPEN_NO_CREATE : RG_STORE_OPEN_DEFAULT,
                         error);
  if (store == NULL)
    return NULL;
  return rg_studio_new (store);
}

/* The studio's file, or NULL for one in memory. */
const char *
rg_studio_get_path (RgStudio *self)
{
  g_return_val_if_fail (RG_IS_STUDIO (self), NULL);
  return rg_store_get_path (self->store);
}

/* A connection to count the figures on: a read-only one of its own, for a
 * thread (*@in_thread set); or, for a studio in memory (or when no reader
 * opens), the studio's own, to count at once on the main thread. */
static RgStore *
counting_store (RgStudio *self,
                gboolean *in_thread)
{
  RgStore *reader = NULL;

  if (rg_store_get_path (self->store) != NULL)
    {
      g_autoptr(GError) error = NULL;

      reader = rg_store_open_reader (self->store, &error);
      if (reader == NULL)
        g_debug ("Counting on the main connection: %s", error->message);
    }
  *in_thread = reader != NULL;
  if (reader == NULL)
    reader = g_object_ref (self->store);
  /* Whose clients' phones a count may show. */
  rg_permissions_mark_reader (self, reader);
  return reader;
}

typedef struct {
  RgStore        *reader;
  RgCountFunc     count;
  gpointer        job;
  GDestroyNotify  job_free;
  GDestroyNotify  result_free;
} CountData;

static void
count_data_free (CountData *data)
{
  if (data->job_free && data->job)
    data->job_free (data->job);
  g_clear_object (&data->reader);
  g_free (data);
}

static void
count_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CountData *data = task_data;
  GError *error = NULL;
  gpointer result = data->count (data->reader, data->job, cancellable, &error);

  if (result)
    g_task_return_pointer (task, result, data->result_free);
  else
    g_task_return_error (task, error);
}

/* In a thread of its own: the memory the count freed goes back too. */
static void
count_in_background (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  count_in_thread (task, source, task_data, cancellable);
  rg_background_give_back ();
}

/* Counts @job with @count on a read-only connection of its own, in a
 * background thread at a lower priority (rg_task_run_in_background());
 * for a studio in memory, at once on this thread. Either way @callback
 * runs from the main loop; rg_studio_count_finish() gives the result,
 * which @result_free frees. @job is the count's, freed with @job_free. */
void
rg_studio_count_async (RgStudio            *self,
                       RgCountFunc          count,
                       gpointer             job,
                       GDestroyNotify       job_free,
                       GDestroyNotify       result_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean in_thread;
  CountData *data;

  g_return_if_fail (RG_IS_STUDIO (self));
  g_return_if_fail (count != NULL);

  data = g_new0 (CountData, 1);
  data->count = count;
  data->job = job;
  data->job_free = job_free;
  data->result_free = result_free;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_studio_count_async);
  g_task_set_name (task, "[regulars] count");
  g_task_set_task_data (task, data, (GDestroyNotify) count_data_free);

  data->reader = counting_store (self, &in_thread);
  if (in_thread)
    rg_task_run_in_background (task, count_in_background);
  else
    /* The task's result still arrives from the main loop, like a
     * thread's. */
    count_in_thread (task, self, data, cancellable);
}

gpointer
rg_studio_count_finish (RgStudio      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
rg_studio_default_path (void)
{
  return rg_store_default_path ();
}

/* The format version of the studio at @path without opening it (0: none). */
int
rg_studio_peek_version (const char *path)
{
  return rg_store_peek_version (path);
}

int
rg_studio_latest_version (void)
{
  return rg_store_latest_version ();
}
