/* rg-appointment-list.c — the appointments of a time range, live.
 *
 * Each calendar view holds one of these for the range it shows (a day, a
 * week, a month) and moves it with rg_appointment_list_set_range(). The
 * list holds the appointments (not deleted) that overlap [from, to),
 * ordered by start, optionally of one staff member. A range holds a few
 * hundred at most, so the list keeps the objects themselves — the studio's
 * live ones, so an edit anywhere shows everywhere. After a move, or after
 * a commit that touched appointments, it queries again and reports only
 * the stretch that differs — including the items whose rows were written,
 * so items-changed is all a view has to listen to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include "rg-list-diff.h"

#include "rg-appointment-list.h"

/* No appointment lasts longer than a day (the schema's services stop there),
 * so one that overlaps the range started at most a day before it. */
#define MAX_LENGTH_SECONDS 86400

/* A range of the list: [from, to) of one staff member or everyone (0). */
typedef struct {
  gint64 from;
  gint64 to;
  gint64 staff_id;
} Range;

struct _RgAppointmentList
{
  GObject     parent_instance;

  RgStudio   *studio;
  Range       range;
  GPtrArray  *items;      /* RgAppointment, by (starts_at, id) */

  /* Read ahead while the view was idle (rg_appointment_list_read_ahead()):
   * a range likely to be shown next, as it was at the last commit. */
  Range       ahead;
  GPtrArray  *ahead_items;
  RgAppointmentDetails *ahead_details;
  GPtrArray  *ahead_clients;
  GPtrArray  *held_clients;   /* the read-ahead clients of the shown range */

  gboolean    dirty;      /* appointments changed in this transaction */
  GHashTable *changed;    /* ids of the rows written in it (gint64 *) */
  gboolean    reset;      /* too many to name: every item changed */

  gulong      changed_id;
  gulong      clients_changed_id;
  gulong      committed_id;
};

static void rg_appointment_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RgAppointmentList, rg_appointment_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rg_appointment_list_model_init))

enum {
  PROP_0,
  PROP_STUDIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The appointments of the range, as "ap": ?1 from, ?2 to, ?3 staff or 0.
 * A deleted client's appointments are not shown: no card in the calendar
 * leads to a card that is gone (the undo of the delete brings them back). */
#define RANGE "ap.starts_at < ?2 AND ap.starts_at >= ?1 - " G_STRINGIFY (MAX_LENGTH_SECONDS) \
              " AND ap.ends_at > ?1 AND ap.deleted_at IS NULL AND (?3 = 0 OR ap.staff_id = ?3)" \
              " AND " RG_APPOINTMENT_CLIENT_LIVE_SQL ("ap")

static gboolean
range_equal (const Range *a,
             const Range *b)
{
  return a->from == b->from && a->to == b->to && a->staff_id == b->staff_id;
}

/* Prepares @sql (over RANGE) and binds @range. */
static RgStmt *
prepare_range (RgAppointmentList  *self,
               const Range        *range,
               const char         *sql,
               GError            **error)
{
  RgStmt *stmt = rg_store_prepare (rg_studio_get_store (self->studio), sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, range->from);
  sqlite3_bind_int64 (stmt, 2, range->to);
  sqlite3_bind_int64 (stmt, 3, range->staff_id);
  return stmt;
}

static GPtrArray *
query (RgAppointmentList *self,
       const Range       *range)
{
  RgStore *store = rg_studio_get_store (self->studio);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  if (range->to <= range->from)
    return items;

  sql = g_strconcat (rg_record_class_get_select (g_type_class_peek (RG_TYPE_APPOINTMENT)),
                     " AS ap WHERE " RANGE " ORDER BY ap.starts_at, ap.id", NULL);
  stmt = prepare_range (self, range, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not list appointments: %s", error->message);
      return items;
    }

  for (;;)
    {
      gboolean row;

      if (!rg_store_step_row (store, stmt, &row, &error))
        {
          g_warning ("Could not list appointments: %s", error->message);
          break;
        }
      if (!row)
        break;
      g_ptr_array_add (items, rg_studio_lookup_from_stmt (self->studio, RG_TYPE_APPOINTMENT, stmt));
    }

  return items;
}

/* Replaces the items and reports, as one items-changed, the stretch
 * between the common head and tail: what came, went or moved, and the
 * items whose rows were written since the last refresh (so a view that
 * listens to items-changed alone sees an appointment moved within its
 * range). */
static void
refresh (RgAppointmentList *self)
{
  g_autoptr(GPtrArray) old = self->items;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *items;

  /* The range read ahead is as the store has it: no commit since. */
  g_clear_pointer (&self->held_clients, g_ptr_array_unref);
  if (self->ahead_items && range_equal (&self->ahead, &self->range))
    {
      items = g_steal_pointer (&self->ahead_items);
      self->held_clients = g_steal_pointer (&self->ahead_clients);
    }
  else
    items = query (self, &self->range);

  self->items = items;
  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = rg_record_get_id (items->pdata[i]);

      if (self->reset || g_hash_table_contains (self->changed, &id))
        g_array_append_val (changed, i);
    }
  g_hash_table_remove_all (self->changed);
  self->reset = FALSE;

  rg_list_model_report_change_at (G_LIST_MODEL (self), old->pdata, old->len, items->pdata, items->len,
                                  sizeof (gpointer), (const guint *) (gpointer) changed->data, changed->len);
}

static void
store_changed_cb (RgAppointmentList *self,
                  const char        *table,
                  gint64             id,
                  RgChangeKind       kind,
                  RgStore           *store)
{
  /* A client deleted or brought back hides or shows their appointments. */
  if (g_str_equal (table, "clients"))
    {
      self->dirty = TRUE;
      return;
    }
  if (!g_str_equal (table, "appointments"))
    return;

  self->dirty = TRUE;
  if (kind == RG_CHANGE_RESET)
    self->reset = TRUE;
  else
    g_hash_table_add (self->changed, g_memdup2 (&id, sizeof id));
}

static void
forget_ahead (RgAppointmentList *self)
{
  g_clear_pointer (&self->ahead_items, g_ptr_array_unref);
  g_clear_pointer (&self->ahead_details, rg_appointment_details_free);
  g_clear_pointer (&self->ahead_clients, g_ptr_array_unref);
}

static void
store_committed_cb (RgAppointmentList *self,
                    RgStore           *store)
{
  /* Any write may touch what was read ahead (a service's name, a client). */
  forget_ahead (self);

  if (!self->dirty)
    return;

  self->dirty = FALSE;
  refresh (self);
}

/* What the cards of a range show besides the appointments themselves,
 * read for the whole range at once (see rg_appointment_list_load_details()). */
struct _RgAppointmentDetails
{
  GHashTable *services;      /* appointment id (gint64 *) -> "Haircut, Styling" */
  GHashTable *first_visits;  /* appointment ids that are the client's first visit */
  GHashTable *conditions;    /* client id -> "Latex, Pregnancy" (the medical card's marks) */
};

void
rg_appointment_details_free (RgAppointmentDetails *details)
{
  if (details == NULL)
    return;
  g_clear_pointer (&details->services, g_hash_table_unref);
  g_clear_pointer (&details->first_visits, g_hash_table_unref);
  g_clear_pointer (&details->conditions, g_hash_table_unref);
  g_free (details);
}

/* The services of appointment @id as one line, or NULL without any. */
const char *
rg_appointment_details_get_services (RgAppointmentDetails *details,
                                     gint64                id)
{
  return details ? g_hash_table_lookup (details->services, &id) : NULL;
}

gboolean
rg_appointment_details_is_first_visit (RgAppointmentDetails *details,
                                       gint64                id)
{
  return details && g_hash_table_contains (details->first_visits, &id);
}

/* The allergies and contraindications client @client_id is marked with,
 * as one line, or NULL. */
const char *
rg_appointment_details_get_conditions (RgAppointmentDetails *details,
                                       gint64                client_id)
{
  return details ? g_hash_table_lookup (details->conditions, &client_id) : NULL;
}

/* The services line of every appointment of the range. The services are
 * few: their names are read once, and each appointment's services come
 * with it from the range index ("service:price,…" in their order, kept by
 * triggers on its lines), instead of a look-up of its lines by a random
 * key. */
static gboolean
load_services (RgAppointmentList  *self,
               const Range        *range,
               GHashTable         *lines,
               GError            **error)
{
  RgStore *store = rg_studio_get_store (self->studio);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row, ok;

  stmt = rg_store_prepare (store, "SELECT id, name FROM services", error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, rg_stmt_release);

  stmt = prepare_range (self, range, "SELECT ap.id, ap.services FROM appointments ap WHERE " RANGE
                                     " AND ap.services IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *p = (const char *) sqlite3_column_text (stmt, 1);
      gint64 service_id, price;

      g_string_truncate (line, 0);
      while (rg_store_next_line (&p, &service_id, &price))
        {
          const char *name = g_hash_table_lookup (names, &service_id);

          if (name)
            {
              if (line->len)
                g_string_append (line, ", ");
              g_string_append (line, name);
            }
        }
      g_hash_table_insert (lines, g_memdup2 (&id, sizeof id), g_strdup (line->str));
    }
  return ok;
}

static RgAppointmentDetails *
load_details (RgAppointmentList  *self,
              const Range        *range,
              GError            **error)
{
  RgStore *store = rg_studio_get_store (self->studio);
  g_autoptr(RgAppointmentDetails) details = g_new0 (RgAppointmentDetails, 1);
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row, ok;

  details->services = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  details->first_visits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  details->conditions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (range->to <= range->from)
    return g_steal_pointer (&details);

  if (!load_services (self, range, details->services, error))
    return NULL;

  stmt = prepare_range (self, range, "SELECT ap.id FROM appointments ap WHERE " RANGE " AND NOT EXISTS "
                                     "(SELECT 1 FROM appointments p WHERE p.client_id = ap.client_id "
                                     "AND p.status = 'done' AND p.deleted_at IS NULL AND p.starts_at < ap.starts_at)",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (details->first_visits, g_memdup2 (&id, sizeof id));
    }
  if (!ok)
    return NULL;
  g_clear_pointer (&stmt, rg_stmt_release);

  /* Few clients have any: one small grouped query. */
  stmt = prepare_range (self, range,
                        "SELECT cc.client_id, group_concat(c.name, ', ') FROM "
                        "(SELECT client_id, condition_id FROM client_conditions WHERE client_id IN "
                        "(SELECT ap.client_id FROM appointments ap WHERE " RANGE ")) cc "
                        "JOIN conditions c ON c.id = cc.condition_id GROUP BY cc.client_id",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (details->conditions, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&details);
}

/* Reads, for every appointment of the range at once, what its card shows
 * besides the appointment and its client: the services line and whether it
 * is the client's first visit (no done visit before it). Call it after the
 * list changed. Returns a new RgAppointmentDetails or NULL. */
RgAppointmentDetails *
rg_appointment_list_load_details (RgAppointmentList  *self,
                                  GError            **error)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_LIST (self), NULL);

  if (self->ahead_details && range_equal (&self->ahead, &self->range))
    return g_steal_pointer (&self->ahead_details);
  return load_details (self, &self->range, error);
}

/* Reads [@from, @to) of the list's staff filter now — the appointments,
 * their details and their clients — and keeps it until the next commit, so
 * that moving the list there costs no query: the calendar calls it for the
 * next day or week while it is idle. Reading again the same range does
 * nothing. */
void
rg_appointment_list_read_ahead (RgAppointmentList *self,
                                gint64             from,
                                gint64             to)
{
  Range range = { from, to, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (RG_IS_APPOINTMENT_LIST (self));

  range.staff_id = self->range.staff_id;
  if (self->ahead_items && self->ahead_details && range_equal (&self->ahead, &range))
    return;

  forget_ahead (self);
  self->ahead = range;
  self->ahead_items = query (self, &range);
  self->ahead_details = load_details (self, &range, &error);
  if (self->ahead_details == NULL)
    {
      g_warning ("Could not read ahead: %s", error->message);
      forget_ahead (self);
      return;
    }

  for (guint i = 0; i < self->ahead_items->len; i++)
    {
      gint64 id = rg_appointment_get_client_id (self->ahead_items->pdata[i]);

      g_array_append_val (client_ids, id);
    }
  self->ahead_clients = rg_studio_lookup_many (self->studio, RG_TYPE_CLIENT,
                                               (const gint64 *) (gpointer) client_ids->data, client_ids->len,
                                               &error);
  if (self->ahead_clients == NULL)
    {
      g_warning ("Could not read ahead: %s", error->message);
      forget_ahead (self);
    }
}

/* Moves the list to [from, to) (Unix seconds). */
void
rg_appointment_list_set_range (RgAppointmentList *self,
                               gint64             from,
                               gint64             to)
{
  g_return_if_fail (RG_IS_APPOINTMENT_LIST (self));

  if (self->range.from == from && self->range.to == to)
    return;

  self->range.from = from;
  self->range.to = to;
  refresh (self);
}

void
rg_appointment_list_get_range (RgAppointmentList *self,
                               gint64            *from,
                               gint64            *to)
{
  g_return_if_fail (RG_IS_APPOINTMENT_LIST (self));

  if (from)
    *from = self->range.from;
  if (to)
    *to = self->range.to;
}

/* Shows only one staff member's appointments; 0 shows everyone's. */
void
rg_appointment_list_set_staff (RgAppointmentList *self,
                               gint64             staff_id)
{
  g_return_if_fail (RG_IS_APPOINTMENT_LIST (self));

  if (self->range.staff_id == staff_id)
    return;

  self->range.staff_id = staff_id;
  refresh (self);
}

gint64
rg_appointment_list_get_staff (RgAppointmentList *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_LIST (self), 0);
  return self->range.staff_id;
}

static GType
rg_appointment_list_get_item_type (GListModel *model)
{
  return RG_TYPE_APPOINTMENT;
}

static guint
rg_appointment_list_get_n_items (GListModel *model)
{
  return RG_APPOINTMENT_LIST (model)->items->len;
}

static gpointer
rg_appointment_list_get_item (GListModel *model,
                              guint       position)
{
  RgAppointmentList *self = RG_APPOINTMENT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
rg_appointment_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rg_appointment_list_get_item_type;
  iface->get_n_items = rg_appointment_list_get_n_items;
  iface->get_item = rg_appointment_list_get_item;
}

RgAppointmentList *
rg_appointment_list_new (RgStudio *studio)
{
  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  return g_object_new (RG_TYPE_APPOINTMENT_LIST, "studio", studio, NULL);
}

static void
rg_appointment_list_constructed (GObject *object)
{
  RgAppointmentList *self = RG_APPOINTMENT_LIST (object);
  RgStore *store = rg_studio_get_store (self->studio);

  G_OBJECT_CLASS (rg_appointment_list_parent_class)->constructed (object);

  /* The class builds its SELECT when first used. */
  g_type_class_unref (g_type_class_ref (RG_TYPE_APPOINTMENT));

  self->changed_id = g_signal_connect_swapped (store, "changed::appointments",
                                               G_CALLBACK (store_changed_cb), self);
  self->clients_changed_id = g_signal_connect_swapped (store, "changed::clients",
                                                       G_CALLBACK (store_changed_cb), self);
  self->committed_id = g_signal_connect_swapped (store, "committed",
                                                 G_CALLBACK (store_committed_cb), self);
}

static void
rg_appointment_list_dispose (GObject *object)
{
  RgAppointmentList *self = RG_APPOINTMENT_LIST (object);

  if (self->studio)
    {
      RgStore *store = rg_studio_get_store (self->studio);

      g_clear_signal_handler (&self->changed_id, store);
      g_clear_signal_handler (&self->clients_changed_id, store);
      g_clear_signal_handler (&self->committed_id, store);
    }
  if (self->items)
    g_ptr_array_set_size (self->items, 0);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_appointment_list_parent_class)->dispose (object);
}

static void
rg_appointment_list_finalize (GObject *object)
{
  RgAppointmentList *self = RG_APPOINTMENT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  forget_ahead (self);
  g_clear_pointer (&self->held_clients, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_appointment_list_parent_class)->finalize (object);
}

static void
rg_appointment_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RgAppointmentList *self = RG_APPOINTMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      g_value_set_object (value, self->studio);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_appointment_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RgAppointmentList *self = RG_APPOINTMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      self->studio = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_appointment_list_class_init (RgAppointmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rg_appointment_list_constructed;
  object_class->dispose = rg_appointment_list_dispose;
  object_class->finalize = rg_appointment_list_finalize;
  object_class->get_property = rg_appointment_list_get_property;
  object_class->set_property = rg_appointment_list_set_property;

  properties[PROP_STUDIO] =
    g_param_spec_object ("studio", NULL, NULL, RG_TYPE_STUDIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_appointment_list_init (RgAppointmentList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}
