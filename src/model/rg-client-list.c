/* rg-client-list.c — the clients, as a list model, narrowed by a search.
 *
 * The list keeps row ids, never a GObject per row: with 100,000 clients it
 * holds two arrays of ids (all clients in name order, and the ones the
 * query shows) and materializes a client only in get_item(), through the
 * studio's live objects, keeping the last RG_CLIENT_LIST_CACHE_SIZE alive.
 *
 * A list over a database file loads its ids in a worker thread through a
 * reader connection (100,000 ids take some 30 ms), so the window does not
 * wait for them; :loading is TRUE until they arrive with one items-changed.
 *
 * Search results come from the full-text index unordered; they are put in
 * name order by each id's rank in the full list, which avoids a join and a
 * sort in SQL on every keystroke. After any write to clients the full list
 * is patched in place (a binary search per changed row) or reloaded when a
 * transaction changed many rows, and the visible list is diffed against
 * the previous one so items-changed covers only what really moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-model"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rg-permissions.h"
#include "rg-client-list.h"
#include "rg-background.h"
#include "rg-client-standing.h"
#include "rg-list-diff.h"
#include "store/rg-search.h"

/* More changed rows than this in one commit: reload instead of patching. */
#define PATCH_LIMIT 64

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

struct _RgClientList
{
  GObject     parent_instance;

  RgStudio   *studio;
  RgStandingsFunc standings;  /* the clients' statuses, from the analytics */
  char       *query;

  GArray     *order;      /* gint64: every client not deleted, by (sort_key, id) */
  GHashTable *rank;       /* gint64* (into order) -> position + 1; built on demand */
  GArray     *ids;        /* gint64: what the list shows */

  /* Sorted otherwise, or narrowed to a tag or a master: the order comes
   * from a query (in a thread over a file) instead of the name order. */
  RgClientSort sort;
  gint64      tag_id;
  gint64      staff_id;
  int         status;     /* -1: any */
  guint       segments;

  /* Each client's status on today, for the rows (made when first wanted). */
  RgClientStandings *statuses;   /* each live client's standing, by id */
  gboolean    statuses_wanted;
  gboolean    statuses_dirty;
  guint       statuses_id;
  GCancellable *statuses_cancellable;
  GArray     *view;       /* gint64: that order, NULL when by name and unfiltered */
  gboolean    view_dirty; /* appointments or tags changed: query again */
  GCancellable *view_cancellable;

  GHashTable *changed;    /* gint64 ids written since the last commit */
  gboolean    reload;     /* a commit reset clients */
  gboolean    refilter;   /* tags changed: the search may match differently */
  gboolean    loading;    /* the first load runs in a thread */
  GCancellable *cancellable;

  RgClient   *cache[RG_CLIENT_LIST_CACHE_SIZE];
  guint       cache_next;

  gulong      changed_id;
  gulong      committed_id;
};

static void rg_client_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RgClientList, rg_client_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rg_client_list_model_init))

enum {
  PROP_0,
  PROP_STUDIO,
  PROP_QUERY,
  PROP_TOTAL,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RgStore *
store_of (RgClientList *self)
{
  return rg_studio_get_store (self->studio);
}

/* Ordering ------------------------------------------------------------------ */

static void
drop_rank (RgClientList *self)
{
  g_clear_pointer (&self->rank, g_hash_table_unref);
}

/* What the list shows before a search: the name order, or the view. */
static GArray *
base_of (RgClientList *self)
{
  return self->view ? self->view : self->order;
}

static GHashTable *
ensure_rank (RgClientList *self)
{
  if (self->rank == NULL)
    {
      GArray *base = base_of (self);
      gint64 *ids = (gint64 *) (gpointer) base->data;

      self->rank = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < base->len; i++)
        g_hash_table_insert (self->rank, &ids[i], GUINT_TO_POINTER (i + 1));
    }

  return self->rank;
}

static gboolean
load_order (RgClientList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!rg_search_all_clients (store_of (self), order, &error))
    {
      g_warning ("Could not list clients: %s", error->message);
      return FALSE;
    }

  drop_rank (self);
  g_array_unref (self->order);
  self->order = g_steal_pointer (&order);
  return TRUE;
}

/* Reads a client's sort key; FALSE when the row is gone or deleted. */
static gboolean
read_key (RgClientList  *self,
          gint64         id,
          char         **key)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store_of (self),
                                             "SELECT sort_key FROM clients WHERE id = ?1 AND deleted_at IS NULL",
                                             NULL);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rg_store_step_row (store_of (self), stmt, &row, NULL) || !row)
    return FALSE;

  *key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

static int
compare_entries (const char *key_a,
                 gint64      id_a,
                 const char *key_b,
                 gint64      id_b)
{
  int c = strcmp (key_a, key_b);

  if (c != 0)
    return c;
  return id_a < id_b ? -1 : id_a > id_b;
}

/* Moves one changed row to where it now belongs in the full list. */
static gboolean
patch_order (RgClientList *self,
             gint64        id)
{
  gint64 *ids;
  g_autofree char *key = NULL;
  guint lo = 0, hi;

  /* The shown ids may be this very array (the whole list, unfiltered):
   * they must stay as they were until the change is reported. */
  if (self->ids == self->order)
    {
      GArray *copy = g_array_copy (self->order);

      g_array_unref (self->order);
      self->order = copy;
    }
  ids = (gint64 *) (gpointer) self->order->data;
  for (guint i = 0; i < self->order->len; i++)
    if (ids[i] == id)
      {
        g_array_remove_index (self->order, i);
        break;
      }

  if (!read_key (self, id, &key))
    return TRUE;   /* deleted or gone: removing it was the whole change */

  ids = (gint64 *) (gpointer) self->order->data;
  hi = self->order->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autofree char *mid_key = NULL;

      if (!read_key (self, ids[mid], &mid_key))
        return FALSE;   /* the list is stale: reload */

      if (compare_entries (mid_key, ids[mid], key, id) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  g_array_insert_val (self->order, lo, id);
  return TRUE;
}

/* Other orders and filters ------------------------------------------------ */

typedef struct {
  RgClientSort sort;
  gint64       tag_id;
  gint64       staff_id;
  int          status;     /* an RgClientStatus, -1: any */
  guint        segments;   /* RgClientSegments all required, 0: any */
  RgStandingsFunc standings;
} ViewQuery;

/* Keeps the ids whose status and segments (on today) match @q's. */
static gboolean
filter_by_rhythm (RgStore         *store,
                  const ViewQuery *q,
                  GArray          *ids,
                  GError         **error)
{
  g_autoptr(RgClientStandings) standings = NULL;
  g_autoptr(GHashTable) keep = NULL;
  guint n = 0;

  if (q->status < 0 && q->segments == 0)
    return TRUE;

  standings = q->standings (store, rg_date_today (), NULL, error);
  if (standings == NULL)
    return FALSE;
  keep = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < standings->ids->len; i++)
    if ((q->status < 0 || (int) standings->status[i] == q->status) &&
        (standings->segments[i] & q->segments) == q->segments)
      g_hash_table_add (keep, &g_array_index (standings->ids, gint64, i));
  for (guint i = 0; i < ids->len; i++)
    if (g_hash_table_contains (keep, &g_array_index (ids, gint64, i)))
      g_array_index (ids, gint64, n++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, n);
  return TRUE;
}

/* The clients (not deleted) of @q's tag and master, in @q's order; ties
 * and the name sort by name. */
static GArray *
query_view (RgStore         *store,
            const ViewQuery *q,
            GError         **error)
{
  static const char * const keys[] = {
    [RG_CLIENT_SORT_NAME] = "",
    [RG_CLIENT_SORT_LAST_VISIT] = "max(a.starts_at)",
    [RG_CLIENT_SORT_VISITS] = "count(*)",
    [RG_CLIENT_SORT_SPENT] = "total(a.price)",
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean row = FALSE, ok;

  if (q->sort == RG_CLIENT_SORT_NAME)
    sql = g_strdup ("SELECT c.id FROM clients c WHERE c.deleted_at IS NULL "
                    "AND (?1 = 0 OR c.id IN (SELECT client_id FROM client_tags WHERE tag_id = ?1)) "
                    "AND (?2 = 0 OR c.id IN (SELECT client_id FROM appointments WHERE staff_id = ?2 "
                    "AND deleted_at IS NULL)) "
                    "ORDER BY c.sort_key, c.id");
  else
    sql = g_strdup_printf ("SELECT c.id FROM clients c LEFT JOIN "
                           "(SELECT a.client_id, %s AS k FROM appointments a WHERE a.status = 'done' "
                           "AND a.deleted_at IS NULL GROUP BY a.client_id) s ON s.client_id = c.id "
                           "WHERE c.deleted_at IS NULL "
                           "AND (?1 = 0 OR c.id IN (SELECT client_id FROM client_tags WHERE tag_id = ?1)) "
                           "AND (?2 = 0 OR c.id IN (SELECT client_id FROM appointments WHERE staff_id = ?2 "
                           "AND deleted_at IS NULL)) "
                           "ORDER BY coalesce(s.k, 0) DESC, c.sort_key, c.id",
                           keys[q->sort]);
  stmt = rg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, q->tag_id);
  sqlite3_bind_int64 (stmt, 2, q->staff_id);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!ok)
    return NULL;
  g_clear_pointer (&stmt, rg_stmt_release);
  if (!filter_by_rhythm (store, q, ids, error))
    return NULL;

  return g_steal_pointer (&ids);
}

static gboolean
view_wanted (RgClientList *self)
{
  return self->sort != RG_CLIENT_SORT_NAME || self->tag_id != 0 || self->staff_id != 0 ||
         self->status >= 0 || self->segments != 0;
}

static void update_ids (RgClientList *self);

static void
view_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ViewQuery *q = g_object_get_data (G_OBJECT (task), "query");
  GError *error = NULL;
  GArray *ids = query_view (task_data, q, &error);

  if (ids)
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
  rg_background_give_back ();
}

static void
set_view (RgClientList *self,
          GArray       *view)
{
  drop_rank (self);
  g_clear_pointer (&self->view, g_array_unref);
  self->view = view;
  update_ids (self);
}

static void
view_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GArray *view = g_task_propagate_pointer (G_TASK (result), &error);
  RgClientList *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RG_CLIENT_LIST (source);
  g_clear_object (&self->view_cancellable);
  if (view == NULL)
    {
      g_warning ("Could not sort the clients: %s", error->message);
      return;
    }
  set_view (self, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Queries the order for the current sort and filters: at once for a
 * database in memory, else in a thread (a sort by visits reads every
 * appointment); the list keeps its old order meanwhile. */
static void
refresh_view (RgClientList *self)
{
  RgStore *store = store_of (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  ViewQuery *q;
  RgStore *reader;

  self->view_dirty = FALSE;
  if (self->view_cancellable)
    g_cancellable_cancel (self->view_cancellable);
  g_clear_object (&self->view_cancellable);

  if (!view_wanted (self))
    {
      if (self->view)
        set_view (self, NULL);
      return;
    }

  q = g_new0 (ViewQuery, 1);
  q->sort = self->sort;
  q->tag_id = self->tag_id;
  q->staff_id = self->staff_id;
  q->status = self->status;
  q->segments = self->segments;
  q->standings = self->standings;

  if (rg_store_get_path (store) == NULL || (reader = rg_store_open_reader (store, &error)) == NULL)
    {
      GArray *view = query_view (store, q, &error);

      g_free (q);
      if (view == NULL)
        g_warning ("Could not sort the clients: %s", error->message);
      else
        set_view (self, view);
      return;
    }

  self->view_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->view_cancellable, view_done_cb, NULL);
  g_object_set_data_full (G_OBJECT (task), "query", q, g_free);
  g_task_set_task_data (task, reader, g_object_unref);
  g_task_run_in_thread (task, view_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Filtering ----------------------------------------------------------------- */

static GArray *
compute_ids (RgClientList *self)
{
  g_autoptr(GArray) matched = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *marks = NULL;
  GHashTable *rank;
  GArray *base = base_of (self);
  guint kept = 0;

  /* The whole list: the same ids, not a copy of them (0.8 MB on a large
   * studio); patch_order() copies before it changes them. */
  if (self->query == NULL || *self->query == '\0')
    return g_array_ref (base);

  matched = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!rg_search_match_clients (store_of (self), self->query, matched, &error))
    {
      g_warning ("Search failed: %s", error->message);
      g_array_set_size (matched, 0);
      return g_steal_pointer (&matched);
    }
  /* A master finds only their own clients by phone. */
  rg_studio_drop_masked_matches (self->studio, self->query, matched);

  /* Keep clients that are in the list (not deleted), in its order: mark
   * each match at its rank, then read the marks in order (linear, no sort). */
  rank = ensure_rank (self);
  marks = g_malloc0 (base->len + 1);
  for (guint i = 0; i < matched->len; i++)
    {
      guint r = GPOINTER_TO_UINT (g_hash_table_lookup (rank, &g_array_index (matched, gint64, i)));

      if (r)
        {
          marks[r - 1] = 1;
          kept++;
        }
    }

  g_array_set_size (matched, 0);
  if (kept)
    for (guint i = 0; i < base->len; i++)
      if (marks[i])
        g_array_append_val (matched, g_array_index (base, gint64, i));

  return g_steal_pointer (&matched);
}

static void
clear_cache (RgClientList *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->cache); i++)
    g_clear_object (&self->cache[i]);
  self->cache_next = 0;
}

/* Replaces the visible ids and tells listeners exactly which range changed. */
static void
update_ids (RgClientList *self)
{
  g_autoptr(GArray) old = self->ids;
  GArray *ids = compute_ids (self);

  self->ids = ids;
  rg_list_model_report_change (G_LIST_MODEL (self), old->data, old->len, ids->data, ids->len, sizeof (gint64));
}

/* Store changes ------------------------------------------------------------ */

static void
store_changed_cb (RgClientList *self,
                  const char   *table,
                  gint64        id,
                  RgChangeKind  kind,
                  RgStore      *store)
{
  if (g_str_equal (table, "clients"))
    {
      if (kind == RG_CHANGE_RESET)
        self->reload = TRUE;
      else if (!self->reload)
        g_hash_table_add (self->changed, g_memdup2 (&id, sizeof id));
    }
  else if (g_str_equal (table, "client_tags") || g_str_equal (table, "tags"))
    {
      self->refilter = TRUE;
      self->view_dirty = TRUE;
    }
  else if (g_str_equal (table, "appointments"))
    self->view_dirty = TRUE;
  if (g_str_equal (table, "appointments") || g_str_equal (table, "clients"))
    self->statuses_dirty = TRUE;
}

/* Statuses for the rows ------------------------------------------------------ */

enum {
  STATUSES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The count's job: whose standings, and on which day. */
typedef struct {
  RgStandingsFunc standings;
  RgDate          day;
} StandingsJob;

static gpointer
count_standings (RgStore       *store,
                 gconstpointer  job,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const StandingsJob *j = job;

  return j->standings (store, j->day, cancellable, error);
}

static void
statuses_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RgClientList) self = user_data;
  g_autoptr(GError) error = NULL;
  RgClientStandings *map = rg_studio_count_finish (RG_STUDIO (source), result, &error);

  if (map == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not tell the clients' statuses: %s", error->message);
      return;
    }
  g_clear_pointer (&self->statuses, rg_client_standings_free);
  self->statuses = map;
  g_signal_emit (self, signals[STATUSES_CHANGED], 0);
}

static void
refresh_statuses (RgClientList *self)
{
  StandingsJob *job = g_new0 (StandingsJob, 1);

  self->statuses_dirty = FALSE;
  g_cancellable_cancel (self->statuses_cancellable);
  g_clear_object (&self->statuses_cancellable);
  self->statuses_cancellable = g_cancellable_new ();
  job->standings = self->standings;
  job->day = rg_date_today ();
  rg_studio_count_async (self->studio, count_standings, job, g_free, (GDestroyNotify) rg_client_standings_free,
                         self->statuses_cancellable, statuses_done_cb, g_object_ref (self));
}

static gboolean
statuses_timeout_cb (gpointer data)
{
  RgClientList *self = data;

  self->statuses_id = 0;
  refresh_statuses (self);
  return G_SOURCE_REMOVE;
}

/* The rows show statuses: count them now, and again after visits change. */
void
rg_client_list_want_statuses (RgClientList *self)
{
  g_return_if_fail (RG_IS_CLIENT_LIST (self));

  if (self->statuses_wanted)
    return;
  self->statuses_wanted = TRUE;
  refresh_statuses (self);
}

/* A client's status on today (an RgClientStatus), -1 while not counted. */
int
rg_client_list_get_status (RgClientList *self,
                           gint64        client_id)
{
  const gint64 *found;

  g_return_val_if_fail (RG_IS_CLIENT_LIST (self), -1);

  if (self->statuses == NULL)
    return -1;
  found = bsearch (&client_id, self->statuses->ids->data, self->statuses->ids->len, sizeof (gint64), compare_ids);
  if (found == NULL)
    return -1;
  return self->statuses->status[found - (const gint64 *) (gpointer) self->statuses->ids->data];
}

static void
store_committed_cb (RgClientList *self,
                    RgStore      *store)
{
  guint total = self->order->len;
  gboolean order_changed = FALSE;

  if (self->statuses_wanted && self->statuses_dirty && self->statuses_id == 0)
    self->statuses_id = g_timeout_add_seconds (2, statuses_timeout_cb, self);

  /* The thread read a snapshot that may miss this: reload when it lands. */
  if (self->loading)
    {
      self->reload = TRUE;
      g_hash_table_remove_all (self->changed);
      return;
    }

  if (!self->reload && g_hash_table_size (self->changed) > PATCH_LIMIT)
    self->reload = TRUE;

  if (self->reload)
    {
      load_order (self);
      order_changed = TRUE;
    }
  else if (g_hash_table_size (self->changed) > 0)
    {
      GHashTableIter iter;
      gpointer key;

      drop_rank (self);
      g_hash_table_iter_init (&iter, self->changed);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!patch_order (self, *(gint64 *) key))
          {
            load_order (self);
            break;
          }
      order_changed = TRUE;
    }

  self->reload = FALSE;
  g_hash_table_remove_all (self->changed);

  /* Sorted otherwise or filtered, the order is the view's: query again
   * (the name order above is kept up to date all the same). */
  if (view_wanted (self) && (order_changed || self->view_dirty))
    refresh_view (self);
  else if (order_changed || (self->refilter && self->query && *self->query))
    update_ids (self);
  self->view_dirty = FALSE;
  self->refilter = FALSE;

  if (total != self->order->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

/* Loading in a thread ------------------------------------------------------ */

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RgStore *reader = task_data;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *error = NULL;

  if (rg_search_all_clients (reader, order, &error))
    g_task_return_pointer (task, g_steal_pointer (&order), (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
  rg_background_give_back ();
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) order = g_task_propagate_pointer (G_TASK (result), &error);
  RgClientList *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RG_CLIENT_LIST (source);
  self->loading = FALSE;
  g_clear_object (&self->cancellable);

  if (order == NULL || self->reload)
    {
      if (error)
        g_warning ("Could not list clients in the background: %s", error->message);
      self->reload = FALSE;
      load_order (self);
    }
  else
    {
      drop_rank (self);
      g_array_unref (self->order);
      self->order = g_steal_pointer (&order);
    }

  update_ids (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* GListModel ---------------------------------------------------------------- */

static GType
rg_client_list_get_item_type (GListModel *model)
{
  return RG_TYPE_CLIENT;
}

static guint
rg_client_list_get_n_items (GListModel *model)
{
  RgClientList *self = RG_CLIENT_LIST (model);
  return self->ids->len;
}

static gpointer
rg_client_list_get_item (GListModel *model,
                         guint       position)
{
  RgClientList *self = RG_CLIENT_LIST (model);
  g_autoptr(GError) error = NULL;
  RgClient *client;

  if (position >= self->ids->len)
    return NULL;

  client = rg_studio_lookup (self->studio, RG_TYPE_CLIENT,
                             g_array_index (self->ids, gint64, position), &error);
  if (client == NULL)
    {
      g_warning ("Could not load a client: %s", error->message);
      return NULL;
    }

  g_set_object (&self->cache[self->cache_next], client);
  self->cache_next = (self->cache_next + 1) % G_N_ELEMENTS (self->cache);

  return client;
}

static void
rg_client_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rg_client_list_get_item_type;
  iface->get_n_items = rg_client_list_get_n_items;
  iface->get_item = rg_client_list_get_item;
}

/* API ----------------------------------------------------------------------- */

RgClientList *
rg_client_list_new (RgStudio        *studio,
                    RgStandingsFunc  standings)
{
  RgClientList *self;

  g_return_val_if_fail (RG_IS_STUDIO (studio), NULL);
  g_return_val_if_fail (standings != NULL, NULL);

  self = g_object_new (RG_TYPE_CLIENT_LIST, "studio", studio, NULL);
  self->standings = standings;
  return self;
}

const char *
rg_client_list_get_query (RgClientList *self)
{
  g_return_val_if_fail (RG_IS_CLIENT_LIST (self), NULL);
  return self->query ? self->query : "";
}

void
rg_client_list_set_query (RgClientList *self,
                          const char   *query)
{
  g_return_if_fail (RG_IS_CLIENT_LIST (self));

  if (query && *query == '\0')
    query = NULL;
  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);

  update_ids (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

gint64
rg_client_list_get_id (RgClientList *self,
                       guint         position)
{
  g_return_val_if_fail (RG_IS_CLIENT_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

gboolean
rg_client_list_find (RgClientList *self,
                     gint64        id,
                     guint        *position)
{
  g_return_val_if_fail (RG_IS_CLIENT_LIST (self), FALSE);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      {
        if (position)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

/* TRUE until the first load from the database has arrived. */
gboolean
rg_client_list_get_loading (RgClientList *self)
{
  if (RG_IS_CLIENT_LIST (self) && self->view_cancellable)
    return TRUE;
  g_return_val_if_fail (RG_IS_CLIENT_LIST (self), FALSE);
  return self->loading;
}

/* Every client that is not deleted, whatever the query. */
guint
rg_client_list_get_total (RgClientList *self)
{
  g_return_val_if_fail (RG_IS_CLIENT_LIST (self), 0);
  return self->order->len;
}

/* Orders the list by @sort (by name, or the latest visit, the most
 * visits, the most spent first); the search still narrows it. */
void
rg_client_list_set_sort (RgClientList *self,
                         RgClientSort  sort)
{
  g_return_if_fail (RG_IS_CLIENT_LIST (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  refresh_view (self);
}

RgClientSort
rg_client_list_get_sort (RgClientList *self)
{
  g_return_val_if_fail (RG_IS_CLIENT_LIST (self), RG_CLIENT_SORT_NAME);
  return self->sort;
}

/* Shows only the clients with tag @tag_id and who were booked with staff
 * member @staff_id (0: any). */
void
rg_client_list_set_filter (RgClientList *self,
                           gint64        tag_id,
                           gint64        staff_id)
{
  g_return_if_fail (RG_IS_CLIENT_LIST (self));

  if (self->tag_id == tag_id && self->staff_id == staff_id)
    return;
  self->tag_id = tag_id;
  self->staff_id = staff_id;
  refresh_view (self);
}

/* Only clients of this status (an RgClientStatus on today, -1: any) and
 * with all of these segments (0: any). */
void
rg_client_list_set_rhythm_filter (RgClientList *self,
                                  int           status,
                                  guint         segments)
{
  g_return_if_fail (RG_IS_CLIENT_LIST (self));

  if (self->status == status && self->segments == segments)
    return;
  self->status = status;
  self->segments = segments;
  refresh_view (self);
}

static void
rg_client_list_constructed (GObject *object)
{
  RgClientList *self = RG_CLIENT_LIST (object);
  RgStore *store;

  G_OBJECT_CLASS (rg_client_list_parent_class)->constructed (object);

  g_assert (self->studio != NULL);
  store = store_of (self);

  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  self->committed_id = g_signal_connect_swapped (store, "committed", G_CALLBACK (store_committed_cb), self);

  if (rg_store_get_path (store) == NULL)
    {
      load_order (self);
      g_array_unref (self->ids);
      self->ids = compute_ids (self);
      return;
    }

  self->loading = TRUE;
  self->cancellable = g_cancellable_new ();
  {
    g_autoptr(GTask) task = g_task_new (self, self->cancellable, load_done_cb, NULL);
    g_autoptr(GError) error = NULL;
    RgStore *reader = rg_store_open_reader (store, &error);

    if (reader == NULL)
      {
        g_warning ("Could not open a reader: %s", error->message);
        self->loading = FALSE;
        load_order (self);
        g_array_unref (self->ids);
        self->ids = compute_ids (self);
        return;
      }
    g_task_set_task_data (task, reader, g_object_unref);
    g_task_run_in_thread (task, load_thread);
  }
}

static void
rg_client_list_dispose (GObject *object)
{
  RgClientList *self = RG_CLIENT_LIST (object);

  if (self->studio)
    {
      RgStore *store = store_of (self);

      g_clear_signal_handler (&self->changed_id, store);
      g_clear_signal_handler (&self->committed_id, store);
    }
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->view_cancellable)
    g_cancellable_cancel (self->view_cancellable);
  g_clear_object (&self->view_cancellable);
  g_clear_handle_id (&self->statuses_id, g_source_remove);
  g_cancellable_cancel (self->statuses_cancellable);
  g_clear_object (&self->statuses_cancellable);
  g_clear_pointer (&self->statuses, rg_client_standings_free);
  clear_cache (self);
  g_clear_object (&self->studio);

  G_OBJECT_CLASS (rg_client_list_parent_class)->dispose (object);
}

static void
rg_client_list_finalize (GObject *object)
{
  RgClientList *self = RG_CLIENT_LIST (object);

  drop_rank (self);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->view, g_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (rg_client_list_parent_class)->finalize (object);
}

static void
rg_client_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RgClientList *self = RG_CLIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      g_value_set_object (value, self->studio);
      break;
    case PROP_QUERY:
      g_value_set_string (value, rg_client_list_get_query (self));
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->order->len);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_client_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RgClientList *self = RG_CLIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STUDIO:
      self->studio = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      rg_client_list_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_client_list_class_init (RgClientListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rg_client_list_constructed;
  object_class->dispose = rg_client_list_dispose;
  object_class->finalize = rg_client_list_finalize;
  object_class->get_property = rg_client_list_get_property;
  object_class->set_property = rg_client_list_set_property;

  properties[PROP_STUDIO] =
    g_param_spec_object ("studio", NULL, NULL, RG_TYPE_STUDIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgClientList::statuses-changed:
   *
   * The clients' statuses (rg_client_list_get_status()) were counted again.
   */
  signals[STATUSES_CHANGED] = g_signal_new ("statuses-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rg_client_list_init (RgClientList *self)
{
  self->status = -1;
  self->order = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}
