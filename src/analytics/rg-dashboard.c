/* rg-dashboard.c — the retention dashboard's figures (definitions in the
 * header, from BRIEF 4).
 *
 * Every client's rhythm on D (rg-retention) gives the statuses, segments,
 * first and last visits and revenue; one range of the visits index covers
 * the two years before D (churn's base year, the 90 days before P, P) for
 * who came when, to which master, for which services; P's revenue and
 * no-shows are read for P alone; the client_staff and client_service pairs
 * give the lifetime figures by master and by service.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rg-dashboard.h"
#include "rg-days-private.h"

double
rg_share_percent (const RgShare *share)
{
  return share->denominator > 0 ? 100.0 * share->numerator / share->denominator : NAN;
}

static void
master_free (RgMasterRisk *m)
{
  g_free (m->name);
  g_free (m);
}

static void
breakdown_free (RgBreakdown *b)
{
  g_free (b->name);
  g_free (b);
}

void
rg_dashboard_free (RgDashboard *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->masters, g_ptr_array_unref);
  g_clear_pointer (&self->by_master, g_ptr_array_unref);
  g_clear_pointer (&self->by_service, g_ptr_array_unref);
  g_free (self);
}

/* A visit in the window: its local day and master (an index into the
 * masters). */
typedef struct {
  gint32  day;               /* day number */
  guint32 staff;             /* index into the masters' Groups.ids; G_MAXUINT32: none */
} Visit;

typedef struct {
  guint32 client;            /* index into the rhythms */
  Visit   visit;
  guint32 line_from;         /* its services, in the lines read */
  guint32 n_lines;
} Row;

/* The window's visits grouped by client, in time order, and each visit's
 * services (indexes into the services' Groups, each once). */
typedef struct {
  guint32 *offsets;          /* per client, into visits; one more */
  Visit   *visits;
  guint32 *line_start;       /* per visit, into lines; one more */
  guint32 *lines;
} Window;

static void
window_clear (Window *win)
{
  g_clear_pointer (&win->offsets, g_free);
  g_clear_pointer (&win->visits, g_free);
  g_clear_pointer (&win->line_start, g_free);
  g_clear_pointer (&win->lines, g_free);
}

/* The masters or the services, by id, with what is counted of them (the
 * dependency is the masters' only; of the services, its denominator counts
 * their clients of the year). The stamps say which client (index + 1) or appointment
 * was last counted for one, so that each is counted once. */
typedef struct {
  guint        n;
  gint64      *ids;
  char       **names;
  RgShare     *churn;
  RgShare     *dependency;
  RgBreakdown *rows;
  guint       *stamp;        /* churn's base year */
  guint       *seen;         /* this year */
  guint       *in_p;         /* the period */
  guint       *before_p;     /* the 90 days before it */
  gint64      *appointment;  /* the last appointment counted */
  guint       *year_visits;  /* in the 365 days up to D */
  double      *year_revenue;
} Groups;

static void
groups_clear (Groups *m)
{
  for (guint i = 0; i < m->n; i++)
    g_free (m->names[i]);
  g_free (m->ids);
  g_free (m->names);
  g_free (m->churn);
  g_free (m->dependency);
  g_free (m->rows);
  g_free (m->stamp);
  g_free (m->seen);
  g_free (m->in_p);
  g_free (m->before_p);
  g_free (m->appointment);
  g_free (m->year_visits);
  g_free (m->year_revenue);
}

/* @sql: id and name, by id. */
static gboolean
groups_load (Groups      *m,
             RgStore     *store,
             const char  *sql,
             GError     **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  m->n = ids->len;
  m->ids = (gint64 *) (gpointer) g_array_free (g_steal_pointer (&ids), FALSE);
  m->names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  m->churn = g_new0 (RgShare, MAX (m->n, 1));
  m->dependency = g_new0 (RgShare, MAX (m->n, 1));
  m->rows = g_new0 (RgBreakdown, MAX (m->n, 1));
  m->stamp = g_new0 (guint, MAX (m->n, 1));
  m->seen = g_new0 (guint, MAX (m->n, 1));
  m->in_p = g_new0 (guint, MAX (m->n, 1));
  m->before_p = g_new0 (guint, MAX (m->n, 1));
  m->appointment = g_new0 (gint64, MAX (m->n, 1));
  m->year_visits = g_new0 (guint, MAX (m->n, 1));
  m->year_revenue = g_new0 (double, MAX (m->n, 1));
  return ok;
}

static guint32
groups_find (const Groups *m,
             gint64        id)
{
  guint lo = 0, hi = m->n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (m->ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < m->n && m->ids[lo] == id ? lo : G_MAXUINT32;
}

static gint64
month_after (RgDate first,
             int    months)
{
  int m = first.month - 1 + months;

  return rg_day_number ((RgDate) { first.year + m / 12, m % 12 + 1, 1 });
}

static gboolean
visited_between (const Visit *v,
                 guint        n,
                 gint64       from,
                 gint64       to)   /* [from, to) */
{
  for (guint i = 0; i < n; i++)
    if (v[i].day >= from && v[i].day < to)
      return TRUE;
  return FALSE;
}

static int
master_compare (gconstpointer a,
                gconstpointer b)
{
  const RgMasterRisk *ma = *(RgMasterRisk * const *) a;
  const RgMasterRisk *mb = *(RgMasterRisk * const *) b;

  return g_utf8_collate (ma->name ? ma->name : "", mb->name ? mb->name : "");
}

typedef struct {
  gint64  d, p_from, p_to, year_from, base_from;
  gint64  month_start[RG_DASHBOARD_MONTHS + 1];   /* day numbers; the last: the month after D's */
  guint   active;                                 /* a visit in the year up to D */
  double  year_visits;
  guint8 *flags;                                  /* per client */
} Walk;

#define FLAG_SECOND_WITHIN_90 1

/* One client's visits in the window (in time order): the period's
 * figures, the trend, the cohorts, the masters. */
static void
walk_client (RgDashboard          *self,
             Walk                 *w,
             Groups               *masters,
             Groups               *services,
             guint                 index,
             gint64                first_day,
             const Visit          *v,
             const guint32        *line_start,   /* v's */
             const guint32        *lines,
             guint                 n)
{
  gboolean in_base = FALSE, in_year = FALSE, in_p = FALSE, second_within_90 = FALSE;
  gboolean existing, fresh;
  guint32 first_staff = G_MAXUINT32;
  gint64 last_before_p = 0;
  guint year_visits = 0, n_seen = 0;
  guint32 seen_with[64];
  gboolean many = FALSE;

  for (guint i = 0; i < n; i++)
    {
      gint64 day = v[i].day;

      if (day >= w->base_from && day < w->year_from)
        in_base = TRUE;
      if (day >= w->year_from && day <= w->d)
        {
          in_year = TRUE;
          year_visits++;
        }
      if (day >= w->p_from - 90 && day < w->p_from)
        last_before_p = MAX (last_before_p, day);
      if (day >= w->p_from && day <= w->p_to)
        in_p = TRUE;
      if (day > first_day && day <= first_day + 90)
        second_within_90 = TRUE;
      if (day == first_day && first_staff == G_MAXUINT32)
        first_staff = v[i].staff;
    }
  if (second_within_90)
    w->flags[index] |= FLAG_SECOND_WITHIN_90;
  existing = last_before_p && first_day < last_before_p;
  fresh = first_day >= w->p_from && first_day <= w->p_to && first_day <= w->d - 90;

  /* New-client retention: first visit in P, at least 90 days before D. */
  if (fresh)
    {
      self->new_retention.denominator++;
      self->new_retention.numerator += second_within_90;
    }
  /* Existing: a visit in the 90 days before P, and one before that. */
  if (existing)
    {
      self->existing_retention.denominator++;
      self->existing_retention.numerator += in_p;
    }
  if (in_base)
    {
      self->churn.denominator++;
      self->churn.numerator += !in_year;
    }
  if (in_p)
    {
      self->returning.denominator++;
      self->returning.numerator += first_day < w->p_from;
    }
  if (in_year)
    {
      w->active++;
      w->year_visits += year_visits;
    }

  /* Existing-client retention of each month. */
  for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
    {
      gint64 start = w->month_start[m];
      gint64 end = MIN (w->month_start[m + 1], w->d + 1);
      gint64 last_before = 0;

      for (guint i = 0; i < n && v[i].day < start; i++)
        if (v[i].day >= start - 90)
          last_before = v[i].day;
      if (last_before && first_day < last_before)
        {
          self->trend[m].denominator++;
          self->trend[m].numerator += visited_between (v, n, start, end);
        }
    }

  /* Cohorts: newcomers of the last twelve months. */
  if (first_day >= w->month_start[0] && first_day <= w->d)
    for (guint k = 0; k < RG_DASHBOARD_MONTHS; k++)
      if (first_day >= w->month_start[k] && first_day < w->month_start[k + 1])
        {
          RgCohort *cohort = &self->cohorts[k];

          cohort->clients++;
          for (guint j = 0; k + j < RG_DASHBOARD_MONTHS; j++)
            if (visited_between (v, n, w->month_start[k + j], w->month_start[k + j + 1]))
              cohort->share[j]++;
        }

  /* Masters: who saw whom in the base year (once per client and master),
   * and in the year. */
  for (guint i = 0; i < n; i++)
    {
      guint32 s = v[i].staff;

      if (s == G_MAXUINT32)
        continue;
      if (v[i].day >= w->base_from && v[i].day < w->year_from && masters->stamp[s] != index + 1)
        {
          masters->stamp[s] = index + 1;
          masters->churn[s].denominator++;
          masters->churn[s].numerator += !in_year;
        }
      if (v[i].day >= w->year_from && v[i].day <= w->d && masters->seen[s] != index + 1)
        {
          masters->seen[s] = index + 1;
          if (n_seen < G_N_ELEMENTS (seen_with))
            seen_with[n_seen++] = s;
          else
            many = TRUE;
        }
    }
  for (guint j = 0; j < n_seen; j++)
    {
      masters->dependency[seen_with[j]].denominator++;
      masters->dependency[seen_with[j]].numerator += n_seen == 1 && !many;
    }

  /* By master: whose clients they were in P, before P, at the first visit. */
  if (fresh && first_staff != G_MAXUINT32)
    {
      masters->rows[first_staff].new_retention.denominator++;
      masters->rows[first_staff].new_retention.numerator += second_within_90;
    }
  for (guint i = 0; i < n; i++)
    {
      guint32 s = v[i].staff;
      RgBreakdown *row;

      if (s == G_MAXUINT32)
        continue;
      row = &masters->rows[s];
      if (v[i].day >= w->p_from && v[i].day <= w->p_to && masters->in_p[s] != index + 1)
        {
          masters->in_p[s] = index + 1;
          row->clients++;
          row->returning.denominator++;
          row->returning.numerator += first_day < w->p_from;
        }
      if (existing && v[i].day >= w->p_from - 90 && v[i].day < w->p_from && masters->before_p[s] != index + 1)
        {
          masters->before_p[s] = index + 1;
          row->existing_retention.denominator++;
          row->existing_retention.numerator += in_p;
        }
    }

  /* By service, the same on each visit's services: churn's base year,
   * the clients of the year, existing-client retention. */
  for (guint i = 0; i < n; i++)
    for (guint32 k = line_start[i]; k < line_start[i + 1]; k++)
      {
        guint32 s = lines[k];
        gint64 day = v[i].day;

        if (day >= w->base_from && day < w->year_from && services->stamp[s] != index + 1)
          {
            services->stamp[s] = index + 1;
            services->churn[s].denominator++;
            services->churn[s].numerator += !in_year;
          }
        if (day >= w->year_from && day <= w->d && services->seen[s] != index + 1)
          {
            services->seen[s] = index + 1;
            services->dependency[s].denominator++;
          }
        if (existing && day >= w->p_from - 90 && day < w->p_from && services->before_p[s] != index + 1)
          {
            services->before_p[s] = index + 1;
            services->rows[s].existing_retention.denominator++;
            services->rows[s].existing_retention.numerator += in_p;
          }
      }
}

/* Each master's (or service's) clients over all their visits up to D:
 * what they paid that master (for that service) per client, lifetime
 * value, and on average the days from their first visit with the master
 * (with the service) to their last, relationship length. From the
 * client_staff or client_service pairs (all time, kept by triggers); a pair
 * with a visit after D is set aside and counted again by lifetime_fix().
 * The scans run beside the window's walk, on readers of their own when the
 * store is a file. */
typedef struct {
  guint32  client;           /* index into the rhythms */
  guint32  group;            /* index into the masters or the services */
  gint64   first_at;
  gint64   visits;           /* all time, then up to D (of a service: its lines) */
  gint64   revenue;
} Pair;

static gint64
pair_key (guint32 client,
          guint32 group)
{
  return ((gint64) client << 32) | group;
}

typedef struct {
  RgStore           *store;
  GArray            *rhythms;        /* in client id order, as the pairs */
  const ClientIndex *index;
  const Groups      *groups;
  gboolean           by_service;
  gint64             d_end;          /* D's end, UTC seconds */
  const DayTable    *table;          /* from the studio's first visit to D */
  double            *revenue;        /* per master or service */
  double            *days;
  guint             *clients;
  GArray            *later;          /* Pair */
  GError            *error;
  gboolean           ok;
} Lifetime;

static void
lifetime_add (Lifetime *l,
              guint32   group,
              gint64    revenue,
              gint64    first_day,
              gint64    last_day)
{
  l->revenue[group] += revenue;
  l->days[group] += last_day - first_day;
  l->clients[group]++;
}

static gpointer
lifetime_scan (gpointer data)
{
  Lifetime *l = data;
  g_autoptr(RgStmt) stmt = rg_store_prepare (l->store,
                                             l->by_service
                                             ? "SELECT client_id, service_id, lines, first_at, last_at, revenue FROM client_service"
                                             : "SELECT client_id, staff_id, visits, first_at, last_at, revenue FROM client_staff",
                                             &l->error);
  GArray *rhythms = l->rhythms;
  gint64 last_client = 0;
  guint32 client = G_MAXUINT32, cursor = 0;
  gboolean row = FALSE;

  if (stmt == NULL)
    return NULL;
  while ((l->ok = rg_store_step_row (l->store, stmt, &row, &l->error)) && row)
    {
      gint64 client_id = sqlite3_column_int64 (stmt, 0);
      gint64 group_id = sqlite3_column_int64 (stmt, 1);
      gint64 first_at = sqlite3_column_int64 (stmt, 3);
      gint64 last_at = sqlite3_column_int64 (stmt, 4);
      guint32 group;

      if (client_id != last_client)
        {
          /* Both in id order: a step or two along the rhythms, where a
           * lookup in the index would miss the cache. */
          last_client = client_id;
          while (cursor < rhythms->len && g_array_index (rhythms, RgClientRhythm, cursor).client_id < client_id)
            cursor++;
          client = cursor < rhythms->len && g_array_index (rhythms, RgClientRhythm, cursor).client_id == client_id
                 ? cursor : rg_client_index_find (l->index, client_id);
        }
      if (client == G_MAXUINT32 || first_at >= l->d_end)
        continue;   /* a deleted client's, or all after D */
      group = groups_find (l->groups, group_id);
      if (group == G_MAXUINT32)
        continue;
      if (last_at < l->d_end)
        lifetime_add (l, group, sqlite3_column_int64 (stmt, 5), rg_day_table_lookup (l->table, first_at),
                      rg_day_table_lookup (l->table, last_at));
      else
        {
          Pair p = { client, group, first_at, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 5) };

          g_array_append_val (l->later, p);
        }
    }
  return NULL;
}

/* @data: the masters' Lifetime and the services'. */
static gpointer
lifetime_scan_all (gpointer data)
{
  Lifetime *l = data;

  lifetime_scan (&l[0]);
  lifetime_scan (&l[1]);
  return NULL;
}

static void
lifetime_clear (Lifetime *l)
{
  g_clear_object (&l->store);
  g_clear_pointer (&l->revenue, g_free);
  g_clear_pointer (&l->days, g_free);
  g_clear_pointer (&l->clients, g_free);
  g_clear_pointer (&l->later, g_array_unref);
  g_clear_error (&l->error);
}

static void
later_take_off (GHashTable *later,
                guint32     client,
                guint32     group,
                gint64      price)
{
  gint64 key = pair_key (client, group);
  Pair *p;

  if (client == G_MAXUINT32 || group == G_MAXUINT32 || (p = g_hash_table_lookup (later, &key)) == NULL)
    return;
  p->visits--;
  p->revenue -= price;
}

static gboolean
visit_has (const Lifetime *l,
           const Window   *win,
           guint32         j,
           guint32         group)
{
  if (!l->by_service)
    return win->visits[j].staff == group;
  for (guint32 k = win->line_start[j]; k < win->line_start[j + 1]; k++)
    if (win->lines[k] == group)
      return TRUE;
  return FALSE;
}

/* The visits after D, taken off the pairs that have them: one pass over
 * them for the masters' pairs (@life[0]) and the services' (@life[1]). */
static gboolean
lifetime_take_off_later (Lifetime      *life,
                         RgStore       *store,
                         GError       **error)
{
  g_autoptr(GHashTable) masters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) services = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTable *later[2] = { masters, services };
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  if (life[0].later->len == 0 && life[1].later->len == 0)
    return TRUE;
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < life[k].later->len; i++)
      {
        Pair *p = &g_array_index (life[k].later, Pair, i);
        gint64 key = pair_key (p->client, p->group);

        g_hash_table_insert (later[k], g_memdup2 (&key, sizeof key), p);
      }
  stmt = rg_store_prepare (store,
                           "SELECT client_id, staff_id, price, services FROM appointments INDEXED BY appointments_range"
                           " WHERE starts_at >= ?1 AND status = 'done' AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, life[0].d_end);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      guint32 client = rg_client_index_find (life[0].index, sqlite3_column_int64 (stmt, 0));
      const char *p = (const char *) sqlite3_column_text (stmt, 3);
      gint64 service_id, price;

      later_take_off (masters, client, groups_find (life[0].groups, sqlite3_column_int64 (stmt, 1)),
                      sqlite3_column_int64 (stmt, 2));
      while (rg_store_next_line (&p, &service_id, &price))
        later_take_off (services, client, groups_find (life[1].groups, service_id), price);
    }
  return ok;
}

/* The pairs with a visit after D (those visits taken off): the last visit
 * up to D from the window's visits (or the visits index when it is older
 * than the window). */
static gboolean
lifetime_fix (Lifetime      *l,
              RgStore       *store,
              const Window  *win,
              GError       **error)
{
  g_autoptr(RgStmt) last = NULL;
  gboolean row = FALSE;

  for (guint i = 0; i < l->later->len; i++)
    {
      const Pair *p = &g_array_index (l->later, Pair, i);
      gint64 last_day = G_MININT64;

      if (p->visits <= 0)
        continue;   /* none up to D after all */
      for (guint32 j = win->offsets[p->client + 1]; j > win->offsets[p->client]; j--)
        if (visit_has (l, win, j - 1, p->group))
          {
            last_day = win->visits[j - 1].day;
            break;
          }
      if (last_day == G_MININT64)
        {
          /* Older than the window: asked of the visits index. */
          if (last == NULL &&
              (last = rg_store_prepare (store,
                                        l->by_service
                                        ? "SELECT max (a.starts_at) FROM appointments a"
                                          " JOIN appointment_services l ON l.appointment_id = a.id"
                                          " WHERE a.client_id = ?1 AND l.service_id = ?2 AND a.starts_at < ?3"
                                          " AND a.status = 'done' AND a.deleted_at IS NULL"
                                        : "SELECT max (starts_at) FROM appointments"
                                          " WHERE client_id = ?1 AND staff_id = ?2 AND starts_at < ?3"
                                          " AND status = 'done' AND deleted_at IS NULL",
                                        error)) == NULL)
            return FALSE;
          sqlite3_reset (last);
          sqlite3_bind_int64 (last, 1, g_array_index (l->rhythms, RgClientRhythm, p->client).client_id);
          sqlite3_bind_int64 (last, 2, l->groups->ids[p->group]);
          sqlite3_bind_int64 (last, 3, l->d_end);
          if (!rg_store_step_row (store, last, &row, error))
            return FALSE;
          if (!row || sqlite3_column_type (last, 0) == SQLITE_NULL)
            continue;
          last_day = rg_day_table_lookup (l->table, sqlite3_column_int64 (last, 0));
        }
      lifetime_add (l, p->group, p->revenue, rg_day_table_lookup (l->table, p->first_at), last_day);
    }
  return TRUE;
}

/* Who came when, from the window's start to D: the visits of the clients
 * in @rhythms grouped by client (a counting sort: the range comes in time
 * order, which each client's visits keep), with their services. Each
 * master's and service's visits and revenue of the year up to D are added
 * up on the way. */
static gboolean
read_window (RgStore        *store,
             GArray         *rhythms,
             ClientIndex    *index,
             Groups         *masters,
             Groups         *services,
             gint64          window_from,
             gint64          year_from,
             RgDate          as_of,
             Window         *win,
             GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT client_id, starts_at, staff_id, price, services"
                                             " FROM appointments INDEXED BY appointments_range"
                                             " WHERE starts_at >= ?1 AND starts_at < ?2 AND status = 'done' AND deleted_at IS NULL",
                                             error);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GArray) read_lines = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint32 *offsets = g_new0 (guint32, rhythms->len + 1);
  g_autofree guint32 *line_offsets = g_new0 (guint32, rhythms->len + 1);
  gint64 d = rg_day_number (as_of);
  gint64 last_client = 0, last_staff = 0;
  guint32 client = G_MAXUINT32, staff = G_MAXUINT32;
  DayTable table;
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  rg_day_table_init (&table, window_from - 1, d);
  sqlite3_bind_int64 (stmt, 1, rg_date_start (rg_date_of_number (window_from)));
  sqlite3_bind_int64 (stmt, 2, rg_date_end (as_of));
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 client_id = sqlite3_column_int64 (stmt, 0);
      gint64 staff_id = sqlite3_column_int64 (stmt, 2);
      const char *p = (const char *) sqlite3_column_text (stmt, 4);
      gint64 service_id, price;
      gboolean in_year;
      Row r;

      if (client_id != last_client || client == G_MAXUINT32)
        {
          last_client = client_id;
          client = rg_client_index_find (index, client_id);
        }
      if (client == G_MAXUINT32)
        continue;   /* a deleted client's */
      if (staff_id != last_staff || staff == G_MAXUINT32)
        {
          last_staff = staff_id;
          staff = groups_find (masters, staff_id);
        }
      r.client = client;
      r.visit.day = (gint32) rg_day_table_lookup (&table, sqlite3_column_int64 (stmt, 1));
      r.visit.staff = staff;
      r.line_from = read_lines->len;
      in_year = r.visit.day >= year_from;
      /* Each master's visits and revenue in the year up to D. */
      if (staff != G_MAXUINT32 && in_year)
        {
          masters->year_visits[staff]++;
          masters->year_revenue[staff] += sqlite3_column_int64 (stmt, 3);
        }
      /* Its services, each once; a service's revenue is its lines'. */
      while (rg_store_next_line (&p, &service_id, &price))
        {
          guint32 s = groups_find (services, service_id);
          gboolean again = FALSE;

          if (s == G_MAXUINT32)
            continue;
          for (guint k = r.line_from; k < read_lines->len && !again; k++)
            again = g_array_index (read_lines, guint32, k) == s;
          if (!again)
            g_array_append_val (read_lines, s);
          if (in_year)
            {
              services->year_visits[s] += !again;
              services->year_revenue[s] += price;
            }
        }
      r.n_lines = read_lines->len - r.line_from;
      g_array_append_val (rows, r);
      offsets[client + 1]++;
      line_offsets[client + 1] += r.n_lines;
    }
  g_array_unref (table.starts);
  if (!ok)
    return FALSE;

  for (guint i = 1; i <= rhythms->len; i++)
    {
      offsets[i] += offsets[i - 1];
      line_offsets[i] += line_offsets[i - 1];
    }
  win->visits = g_new (Visit, MAX (rows->len, 1));
  win->line_start = g_new (guint32, rows->len + 1);
  win->lines = g_new (guint32, MAX (read_lines->len, 1));
  {
    g_autofree guint32 *next = g_memdup2 (offsets, sizeof (guint32) * rhythms->len);
    g_autofree guint32 *line_next = g_memdup2 (line_offsets, sizeof (guint32) * rhythms->len);

    for (guint i = 0; i < rows->len; i++)
      {
        const Row *r = &g_array_index (rows, Row, i);
        guint32 at = next[r->client]++;

        win->visits[at] = r->visit;
        win->line_start[at] = line_next[r->client];
        if (r->n_lines > 0)
          memcpy (win->lines + line_next[r->client], &g_array_index (read_lines, guint32, r->line_from),
                  sizeof (guint32) * r->n_lines);
        line_next[r->client] += r->n_lines;
      }
    win->line_start[rows->len] = read_lines->len;
  }
  win->offsets = g_steal_pointer (&offsets);
  return TRUE;
}

static int
breakdown_compare (gconstpointer a,
                   gconstpointer b)
{
  const RgBreakdown *ba = *(RgBreakdown * const *) a;
  const RgBreakdown *bb = *(RgBreakdown * const *) b;

  if (ba->revenue != bb->revenue)
    return ba->revenue < bb->revenue ? 1 : -1;
  return g_utf8_collate (ba->name ? ba->name : "", bb->name ? bb->name : "");
}

/* The rows with something to say, the most revenue first. */
static GPtrArray *
breakdown_list (Groups *m)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) breakdown_free);

  for (guint i = 0; i < m->n; i++)
    {
      RgBreakdown *row = &m->rows[i];

      if (row->clients == 0 && row->no_shows.denominator == 0 && row->new_retention.denominator == 0 &&
          row->existing_retention.denominator == 0 && row->churn.denominator == 0 &&
          row->complaints_year == 0 && !(row->visit_frequency > 0))
        continue;
      row = g_memdup2 (row, sizeof *row);
      row->id = m->ids[i];
      row->name = g_strdup (m->names[i]);
      row->average_check = row->visits ? (double) row->revenue / row->visits : NAN;
      g_ptr_array_add (list, row);
    }
  g_ptr_array_sort (list, breakdown_compare);
  return list;
}

/* The period's visits, once: the revenue, whose part came from regulars,
 * the no-shows, for the studio and by master (the appointment's price), and
 * by service (a visit counts for each of its services, with that line's
 * price), the services from the range index's copy of the lines. */
static gboolean
period_pass (RgDashboard   *self,
             RgStore       *store,
             GArray        *rhythms,
             ClientIndex   *index,
             const guint8  *flags,
             Groups        *masters,
             Groups        *services,
             GError       **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, client_id, price, status = 'done', staff_id, starts_at, services"
                                             " FROM appointments INDEXED BY appointments_range"
                                             " WHERE starts_at >= ?1 AND starts_at < ?2"
                                             " AND status IN ('done', 'no_show') AND deleted_at IS NULL",
                                             error);
  gint64 p_from = rg_day_number (self->from), d = rg_day_number (self->as_of);
  DayTable table;
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  rg_day_table_init (&table, p_from - 1, rg_day_number (self->to));
  sqlite3_bind_int64 (stmt, 1, rg_date_start (self->from));
  sqlite3_bind_int64 (stmt, 2, rg_date_end (self->to));
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 appointment = sqlite3_column_int64 (stmt, 0);
      guint32 i = rg_client_index_find (index, sqlite3_column_int64 (stmt, 1));
      gint64 price = sqlite3_column_int64 (stmt, 2);
      gboolean done = sqlite3_column_int (stmt, 3);
      guint32 m = groups_find (masters, sqlite3_column_int64 (stmt, 4));
      const char *p = (const char *) sqlite3_column_text (stmt, 6);
      const RgClientRhythm *r = i != G_MAXUINT32 ? &g_array_index (rhythms, RgClientRhythm, i) : NULL;
      gboolean regular = r && (r->segments & RG_SEGMENT_REGULAR);
      gint64 first_day = r && r->visits ? rg_day_number (r->first_visit) : 0;
      gboolean first_visit = FALSE;
      gint64 service_id, line_price;
      RgBreakdown *by = m != G_MAXUINT32 ? &masters->rows[m] : &(RgBreakdown) { 0 };

      self->no_shows.denominator++;
      self->no_shows.numerator += !done;
      by->no_shows.denominator++;
      by->no_shows.numerator += !done;
      if (done)
        {
          self->visits++;
          self->revenue += price;
          self->regulars_revenue.denominator += price;
          self->regulars_revenue.numerator += regular ? price : 0;
          by->visits++;
          by->revenue += price;
          by->regulars_revenue.denominator += price;
          by->regulars_revenue.numerator += regular ? price : 0;
          /* The first visit's services, for new-client retention. */
          first_visit = first_day >= p_from && first_day <= d - 90 &&
                        rg_day_table_lookup (&table, sqlite3_column_int64 (stmt, 5)) == first_day;
        }

      while (rg_store_next_line (&p, &service_id, &line_price))
        {
          guint32 s = groups_find (services, service_id);

          if (s == G_MAXUINT32)
            continue;
          by = &services->rows[s];
          if (services->appointment[s] != appointment)
            {
              services->appointment[s] = appointment;
              by->no_shows.denominator++;
              by->no_shows.numerator += !done;
              by->visits += done;
            }
          if (!done)
            continue;
          by->revenue += line_price;
          by->regulars_revenue.denominator += line_price;
          by->regulars_revenue.numerator += regular ? line_price : 0;
          if (r == NULL || r->visits == 0)
            continue;   /* a deleted client's */
          if (services->in_p[s] != i + 1)
            {
              services->in_p[s] = i + 1;
              by->clients++;
              by->returning.denominator++;
              by->returning.numerator += first_day < p_from;
              if (first_visit)
                {
                  by->new_retention.denominator++;
                  by->new_retention.numerator += (flags[i] & FLAG_SECOND_WITHIN_90) != 0;
                }
            }
        }
    }
  g_array_unref (table.starts);
  return ok;
}

/* Each master's or service's figures of the year and of all time. */
static void
finish_rows (Groups         *g,
             const Lifetime *l)
{
  for (guint i = 0; i < g->n; i++)
    {
      RgBreakdown *r = &g->rows[i];
      double active = g->dependency[i].denominator;   /* their clients of the year */

      r->churn = g->churn[i];
      r->visit_frequency = active > 0 ? g->year_visits[i] / active : NAN;
      r->annual_spend = active > 0 ? g->year_revenue[i] / active : NAN;
      r->lifetime_value = l->clients[i] ? l->revenue[i] / l->clients[i] : NAN;
      r->relationship_days = l->clients[i] ? l->days[i] / l->clients[i] : NAN;
    }
}

static RgDashboard *
compute (RgStore       *store,
         GArray        *given,
         RgDate         from,
         RgDate         to,
         RgDate         as_of,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(RgDashboard) self = g_new0 (RgDashboard, 1);
  g_autoptr(GArray) rhythms = given ? g_array_ref (given) : NULL;
  g_autoptr(RgStmt) stmt = NULL;
  Window win = { 0 };
  Groups masters = { 0 }, services = { 0 };
  ClientIndex index = { 0 };
  Walk w = { 0 };
  gint64 window_from;
  double relationship = 0, lifetime = 0, year_revenue = 0;
  guint ever = 0;
  gboolean row = FALSE, ok;
  Lifetime life[2] = { { 0 } };   /* masters, services */
  DayTable life_days = { 0 };     /* from the studio's first visit to D */
  gint64 life_first_day;
  g_autoptr(RgStore) reader = NULL;
  GThread *life_thread = NULL;

  self->from = from;
  self->to = to;
  self->as_of = as_of;
  self->masters = g_ptr_array_new_with_free_func ((GDestroyNotify) master_free);
  w.d = rg_day_number (as_of);
  w.p_from = rg_day_number (from);
  w.p_to = rg_day_number (to);
  w.year_from = w.d - 364;
  w.base_from = w.year_from - 365;

  /* The last twelve months, D's the last; the window reaches 90 days
   * before the first of them too. */
  for (int m = RG_DASHBOARD_MONTHS - 1, y = as_of.year, mo = as_of.month; m >= 0; m--)
    {
      self->trend_month[m] = (RgDate) { y, mo, 1 };
      if (--mo == 0)
        {
          mo = 12;
          y--;
        }
    }
  for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
    w.month_start[m] = rg_day_number (self->trend_month[m]);
  w.month_start[RG_DASHBOARD_MONTHS] = month_after (self->trend_month[RG_DASHBOARD_MONTHS - 1], 1);
  /* Cohort k's month j is the trend's month k + j; later ones are ahead of D. */
  for (guint k = 0; k < RG_DASHBOARD_MONTHS; k++)
    {
      self->cohorts[k].month = self->trend_month[k];
      for (guint j = 0; j < RG_DASHBOARD_MONTHS; j++)
        self->cohorts[k].share[j] = k + j < RG_DASHBOARD_MONTHS ? 0 : NAN;
    }
  window_from = MIN (MIN (w.base_from, w.p_from - 90), w.month_start[0] - 90);

  if (rhythms == NULL)
    rhythms = rg_retention_load (store, as_of, cancellable, error);
  if (rhythms == NULL)
    return NULL;

  life_first_day = w.d;
  for (guint i = 0; i < rhythms->len; i++)
    {
      const RgClientRhythm *r = &g_array_index (rhythms, RgClientRhythm, i);

      self->clients++;
      self->statuses[r->status]++;
      self->regulars += !!(r->segments & RG_SEGMENT_REGULAR);
      self->vips += !!(r->segments & RG_SEGMENT_VIP);
      self->one_time += !!(r->segments & RG_SEGMENT_ONE_TIME);
      if (r->visits == 0)
        continue;
      ever++;
      life_first_day = MIN (life_first_day, rg_day_number (r->first_visit));
      relationship += rg_date_days_between (r->first_visit, r->last_visit);
      lifetime += r->revenue;
      year_revenue += r->revenue_365;
    }
  self->lifetime_value = ever ? lifetime / ever : NAN;
  self->relationship_days = ever ? relationship / ever : NAN;

  rg_client_index_init (&index, rhythms);
  w.flags = g_new0 (guint8, MAX (rhythms->len, 1));
  if (!groups_load (&masters, store, "SELECT id, display_name FROM staff ORDER BY id", error) ||
      !groups_load (&services, store, "SELECT id, name FROM services ORDER BY id", error))
    goto fail;

  /* The masters' and the services' lifetime figures, beside the rest: on
   * a helper reader, one after the other (two threads keep both
   * processors of a small machine busy). */
  reader = rg_store_open_helper (store);
  rg_day_table_init (&life_days, life_first_day - 1, w.d);
  for (guint k = 0; k < G_N_ELEMENTS (life); k++)
    {
      Lifetime *l = &life[k];

      l->by_service = k == 1;
      l->groups = l->by_service ? &services : &masters;
      l->rhythms = rhythms;
      l->index = &index;
      l->d_end = rg_date_end (as_of);
      l->table = &life_days;
      l->revenue = g_new0 (double, MAX (l->groups->n, 1));
      l->days = g_new0 (double, MAX (l->groups->n, 1));
      l->clients = g_new0 (guint, MAX (l->groups->n, 1));
      l->later = g_array_new (FALSE, FALSE, sizeof (Pair));
      l->store = g_object_ref (reader ? reader : store);
    }
  if (reader != NULL)
    life_thread = g_thread_new ("rg-lifetime", lifetime_scan_all, life);
  else
    lifetime_scan_all (life);

  if (!read_window (store, rhythms, &index, &masters, &services, window_from, w.year_from, as_of, &win, error))
    goto fail;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;

  for (guint i = 0; i < rhythms->len; i++)
    {
      const RgClientRhythm *r = &g_array_index (rhythms, RgClientRhythm, i);

      /* Without a visit up to D, their visits (if any) lie after it. */
      if (r->visits == 0 || win.offsets[i + 1] == win.offsets[i])
        continue;
      walk_client (self, &w, &masters, &services, i, rg_day_number (r->first_visit),
                   win.visits + win.offsets[i], win.line_start + win.offsets[i], win.lines,
                   win.offsets[i + 1] - win.offsets[i]);
    }
  self->visit_frequency = w.active ? w.year_visits / w.active : NAN;
  self->annual_spend = w.active ? year_revenue / w.active : NAN;

  for (guint k = 0; k < RG_DASHBOARD_MONTHS; k++)
    for (guint j = 0; j < RG_DASHBOARD_MONTHS; j++)
      if (!isnan (self->cohorts[k].share[j]))
        self->cohorts[k].share[j] = self->cohorts[k].clients ? 100.0 * self->cohorts[k].share[j] / self->cohorts[k].clients
                                                            : NAN;
  for (guint s = 0; s < masters.n; s++)
    if (masters.churn[s].denominator > 0 || masters.dependency[s].denominator > 0)
      {
        RgMasterRisk *m = g_new0 (RgMasterRisk, 1);

        m->staff_id = masters.ids[s];
        m->name = g_strdup (masters.names[s]);
        m->churn = masters.churn[s];
        m->dependency = masters.dependency[s];
        g_ptr_array_add (self->masters, m);
      }
  g_ptr_array_sort (self->masters, master_compare);

  if (!period_pass (self, store, rhythms, &index, w.flags, &masters, &services, error))
    goto fail;

  g_clear_pointer (&life_thread, g_thread_join);
  for (guint k = 0; k < G_N_ELEMENTS (life); k++)
    if (!life[k].ok)
      {
        g_propagate_error (error, g_steal_pointer (&life[k].error));
        goto fail;
      }
  if (!lifetime_take_off_later (life, store, error) ||
      !lifetime_fix (&life[0], store, &win, error) ||
      !lifetime_fix (&life[1], store, &win, error))
    goto fail;
  self->average_check = self->visits ? (double) self->revenue / self->visits : NAN;

  /* Complaints of the year: the studio's, and by the master and the
   * service they name. */
  stmt = rg_store_prepare (store,
                           "SELECT staff_id, service_id FROM interactions WHERE kind = 'complaint'"
                           " AND occurred_at >= ?1 AND occurred_at < ?2 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rg_date_start (rg_date_of_number (w.year_from)));
  sqlite3_bind_int64 (stmt, 2, rg_date_end (as_of));
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      guint32 m = groups_find (&masters, sqlite3_column_int64 (stmt, 0));
      guint32 s = groups_find (&services, sqlite3_column_int64 (stmt, 1));

      self->complaints_year++;
      if (m != G_MAXUINT32)
        masters.rows[m].complaints_year++;
      if (s != G_MAXUINT32)
        services.rows[s].complaints_year++;
    }
  if (!ok)
    goto fail;
  g_clear_pointer (&stmt, rg_stmt_release);

  finish_rows (&masters, &life[0]);
  finish_rows (&services, &life[1]);
  self->by_master = breakdown_list (&masters);
  self->by_service = breakdown_list (&services);

  for (guint k = 0; k < G_N_ELEMENTS (life); k++)
    lifetime_clear (&life[k]);
  g_clear_pointer (&life_days.starts, g_array_unref);
  window_clear (&win);
  g_free (w.flags);
  groups_clear (&masters);
  groups_clear (&services);
  rg_client_index_clear (&index);
  return g_steal_pointer (&self);

fail:
  g_clear_pointer (&life_thread, g_thread_join);
  for (guint k = 0; k < G_N_ELEMENTS (life); k++)
    lifetime_clear (&life[k]);
  g_clear_pointer (&life_days.starts, g_array_unref);
  window_clear (&win);
  g_free (w.flags);
  groups_clear (&masters);
  groups_clear (&services);
  rg_client_index_clear (&index);
  return NULL;
}

RgDashboard *
rg_dashboard_compute (RgStore       *store,
                      RgDate         from,
                      RgDate         to,
                      RgDate         as_of,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return rg_dashboard_compute_with (store, NULL, from, to, as_of, cancellable, error);
}

/* With every client's rhythm on @as_of already loaded (the call list's). */
RgDashboard *
rg_dashboard_compute_with (RgStore       *store,
                           GArray        *rhythms,
                           RgDate         from,
                           RgDate         to,
                           RgDate         as_of,
                           GCancellable  *cancellable,
                           GError       **error)
{
  RgDashboard *result;
  gboolean started;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);

  if (!rg_date_valid (from) || !rg_date_valid (to) || !rg_date_valid (as_of) ||
      rg_date_compare (from, to) > 0 || rg_date_compare (to, as_of) > 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The period must start on or before its end, and end on or before the day it is seen from."));
      return NULL;
    }
  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  result = compute (store, rhythms, from, to, as_of, cancellable, error);
  rg_store_end_read (store, started);
  return result;
}
