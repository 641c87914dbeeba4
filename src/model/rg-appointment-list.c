/* rg-appointment-list.c — the appointments of a time range, live.
 *
 * Each calendar view holds one of these for the range it shows (a day, a
 * week, a month) and moves it with rg_appointment_list_set_range(). The
 * list holds the appointments (not deleted) that overlap [from, to),
 * ordered by start, optionally of one staff member. A range holds a few
 * hundred at most, so the list keeps the objects themselves — the studio's
 * live ones, so an edit anywhere shows everywhere. After a move, or after
 * a commit that touched appointments, it queries again and reports only
 * the stretch that differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include "rg-list-diff.h"

#include "rg-appointment-list.h"

/* No appointment lasts longer than a day (the schema's services stop there),
 * so one that overlaps the range started at most a day before it. */
#define MAX_LENGTH (24 * 60 * 60)

struct _RgAppointmentList
{
  GObject     parent_instance;

  RgStudio   *studio;
  gint64      from;
  gint64      to;
  gint64      staff_id;   /* 0: everyone */
  GPtrArray  *items;      /* RgAppointment, by (starts_at, id) */
  gboolean    dirty;      /* appointments changed in this transaction */

  gulong      changed_id;
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

static GPtrArray *
query (RgAppointmentList *self)
{
  RgStore *store = rg_studio_get_store (self->studio);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  if (self->to <= self->from)
    return items;

  sql = g_strdup_printf ("%s WHERE starts_at < ?2 AND starts_at >= ?1 - %d AND ends_at > ?1 "
                         "AND deleted_at IS NULL AND (?3 = 0 OR staff_id = ?3) "
                         "ORDER BY starts_at, id",
                         rg_record_class_get_select (g_type_class_peek (RG_TYPE_APPOINTMENT)),
                         MAX_LENGTH);
  stmt = rg_store_prepare (store, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not list appointments: %s", error->message);
      return items;
    }

  sqlite3_bind_int64 (stmt, 1, self->from);
  sqlite3_bind_int64 (stmt, 2, self->to);
  sqlite3_bind_int64 (stmt, 3, self->staff_id);

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

/* Replaces the items and reports the stretch between the common head and
 * tail as one items-changed. */
static void
refresh (RgAppointmentList *self)
{
  g_autoptr(GPtrArray) old = self->items;
  GPtrArray *items = query (self);

  self->items = items;
  rg_list_model_report_change (G_LIST_MODEL (self), old->pdata, old->len, items->pdata, items->len,
                               sizeof (gpointer));
}

static void
store_changed_cb (RgAppointmentList *self,
                  const char        *table,
                  gint64             id,
                  RgChangeKind       kind,
                  RgStore           *store)
{
  if (g_str_equal (table, "appointments"))
    self->dirty = TRUE;
}

static void
store_committed_cb (RgAppointmentList *self,
                    RgStore           *store)
{
  if (!self->dirty)
    return;

  self->dirty = FALSE;
  refresh (self);
}

/* What the cards of the range show besides the appointment itself, for all
 * of them in two queries: @services maps an appointment id (gint64*) to its
 * services as one line, @first_visits holds the ids that are the client's
 * first visit (no done visit before). Both are new tables. */
gboolean
rg_appointment_list_load_details (RgAppointmentList  *self,
                                  GHashTable        **services,
                                  GHashTable        **first_visits,
                                  GError            **error)
{
  RgStore *store;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) firsts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *range = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (RG_IS_APPOINTMENT_LIST (self), FALSE);

  store = rg_studio_get_store (self->studio);
  range = g_strdup_printf ("ap.starts_at < ?2 AND ap.starts_at >= ?1 - %d AND ap.ends_at > ?1 "
                           "AND ap.deleted_at IS NULL AND (?3 = 0 OR ap.staff_id = ?3)", MAX_LENGTH);

  sql = g_strdup_printf ("SELECT x.appointment_id, group_concat(s.name, ', ') FROM "
                         "(SELECT a.appointment_id, a.service_id FROM appointment_services a "
                         "JOIN appointments ap ON ap.id = a.appointment_id WHERE %s "
                         "ORDER BY a.appointment_id, a.position) x "
                         "JOIN services s ON s.id = x.service_id GROUP BY x.appointment_id", range);
  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->from);
  sqlite3_bind_int64 (stmt, 2, self->to);
  sqlite3_bind_int64 (stmt, 3, self->staff_id);
  for (;;)
    {
      gboolean row;
      gint64 id;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, rg_stmt_release);
  g_free (sql);

  sql = g_strdup_printf ("SELECT ap.id FROM appointments ap WHERE %s AND NOT EXISTS "
                         "(SELECT 1 FROM appointments p WHERE p.client_id = ap.client_id "
                         "AND p.status = 'done' AND p.starts_at < ap.starts_at AND p.deleted_at IS NULL)",
                         range);
  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->from);
  sqlite3_bind_int64 (stmt, 2, self->to);
  sqlite3_bind_int64 (stmt, 3, self->staff_id);
  for (;;)
    {
      gboolean row;
      gint64 id;

      if (!rg_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (firsts, g_memdup2 (&id, sizeof id));
    }

  *services = g_steal_pointer (&names);
  *first_visits = g_steal_pointer (&firsts);
  return TRUE;
}

/* Moves the list to [from, to) (Unix seconds). */
void
rg_appointment_list_set_range (RgAppointmentList *self,
                               gint64             from,
                               gint64             to)
{
  g_return_if_fail (RG_IS_APPOINTMENT_LIST (self));

  if (self->from == from && self->to == to)
    return;

  self->from = from;
  self->to = to;
  refresh (self);
}

void
rg_appointment_list_get_range (RgAppointmentList *self,
                               gint64            *from,
                               gint64            *to)
{
  g_return_if_fail (RG_IS_APPOINTMENT_LIST (self));

  if (from)
    *from = self->from;
  if (to)
    *to = self->to;
}

/* Shows only one staff member's appointments; 0 shows everyone's. */
void
rg_appointment_list_set_staff (RgAppointmentList *self,
                               gint64             staff_id)
{
  g_return_if_fail (RG_IS_APPOINTMENT_LIST (self));

  if (self->staff_id == staff_id)
    return;

  self->staff_id = staff_id;
  refresh (self);
}

gint64
rg_appointment_list_get_staff (RgAppointmentList *self)
{
  g_return_val_if_fail (RG_IS_APPOINTMENT_LIST (self), 0);
  return self->staff_id;
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

  /* The class builds its SELECT when it is first used. */
  g_type_ensure (RG_TYPE_APPOINTMENT);
  g_type_class_unref (g_type_class_ref (RG_TYPE_APPOINTMENT));

  self->changed_id = g_signal_connect_swapped (store, "changed::appointments",
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
}
