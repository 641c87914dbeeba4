/* rg-retention.c — each client's rhythm and status on a reference day.
 *
 * The rules (rg_rhythm_compute) work on local days and know nothing of the
 * store, so tests fix "today" and hand-build histories. The loader walks
 * the clients with their visits' summary (client_visits): a client last
 * seen more than a year before D is lost whatever their interval; the
 * others' visit times and prices come from the history kept in the summary
 * (the index of visits when it cannot serve). Times become local
 * days through a table of the period's midnights (a binary search, not a
 * time zone lookup per visit); a main service's repeat interval is asked
 * for only for clients with fewer than three visits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rg-days-private.h"
#include "rg-retention.h"

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The rules ---------------------------------------------------------------------- */

/* The @k-th smallest of @a (0-based), with the smaller ones before it
 * (Hoare's selection; @a is reordered). */
static gint64
select_nth (gint64 *a,
            guint   n,
            guint   k)
{
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      gint64 pivot = a[lo + (hi - lo) / 2];
      guint i = lo, j = hi;

      while (i <= j)
        {
          while (a[i] < pivot)
            i++;
          while (a[j] > pivot)
            j--;
          if (i <= j)
            {
              gint64 t = a[i];

              a[i] = a[j];
              a[j] = t;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      /* [lo, j] ≤ pivot ≤ [i, hi]; between them, the pivot's equals. */
      if (k <= j && j != G_MAXUINT)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }
  return a[k];
}

/* @days: sorted day numbers of visits up to D. */
static void
rhythm_from_numbers (const gint64   *days,
                     guint           n,
                     gint64          d_day,
                     int             service_interval,
                     int             default_interval,
                     gboolean        booked_after,
                     RgClientRhythm *r)
{
  gint64 client_id = r->client_id, revenue = r->revenue, revenue_365 = r->revenue_365;

  memset (r, 0, sizeof *r);
  r->client_id = client_id;
  r->revenue = revenue;
  r->revenue_365 = revenue_365;
  r->visits = n;
  r->days_since = -1;

  /* T */
  if (n >= 3)
    {
      gint64 stack[64];
      g_autofree gint64 *heap = n - 1 > G_N_ELEMENTS (stack) ? g_new (gint64, n - 1) : NULL;
      gint64 *gaps = heap ? heap : stack;
      guint m = n - 1;
      gint64 upper;

      for (guint i = 1; i < n; i++)
        gaps[i - 1] = days[i] - days[i - 1];
      upper = select_nth (gaps, m, m / 2);
      if (m % 2)
        r->interval = (double) upper;
      else
        {
          /* The lower middle: the largest of those before the upper one. */
          gint64 lower = gaps[0];

          for (guint i = 1; i < m / 2; i++)
            lower = MAX (lower, gaps[i]);
          r->interval = (lower + upper) / 2.0;
        }
      r->interval_source = RG_INTERVAL_MEDIAN;
    }
  else if (service_interval > 0)
    {
      r->interval = service_interval;
      r->interval_source = RG_INTERVAL_SERVICE;
    }
  else
    {
      r->interval = default_interval > 0 ? default_interval : RG_DEFAULT_INTERVAL_DAYS;
      r->interval_source = RG_INTERVAL_DEFAULT;
    }

  if (n > 0)
    {
      r->first_visit = rg_date_of_number (days[0]);
      r->last_visit = rg_date_of_number (days[n - 1]);
      r->days_since = (int) (d_day - days[n - 1]);
      r->expected = rg_date_of_number (days[n - 1] + (gint64) ceil (r->interval));
    }

  /* Status: the first rule that applies. */
  if (booked_after)
    r->status = RG_CLIENT_BOOKED;
  else if (n == 0)
    r->status = RG_CLIENT_NEVER_VISITED;
  else if (n == 1 && r->days_since <= 90)
    r->status = RG_CLIENT_NEW;
  else if (r->days_since > 3 * r->interval || r->days_since > 365)
    r->status = RG_CLIENT_LOST;
  else if (r->days_since <= r->interval)
    r->status = RG_CLIENT_ON_TRACK;
  else if (r->days_since <= 1.5 * r->interval)
    r->status = RG_CLIENT_DUE;
  else
    r->status = RG_CLIENT_SLEEPING;

  /* Segments; "lost" here is the rule, whatever the status says (a lost
   * client with a booking ahead is still one the studio had lost). */
  {
    gboolean lost = n > 0 && (r->days_since > 3 * r->interval || r->days_since > 365);

    if (n >= 3 && !lost)
      r->segments |= RG_SEGMENT_REGULAR;
    if (n == 1 && r->days_since > 90)
      r->segments |= RG_SEGMENT_ONE_TIME;
  }
}

void
rg_rhythm_compute (const RgDate   *visit_days,
                   guint           n_visits,
                   RgDate          day,
                   int             service_interval,
                   int             default_interval,
                   gboolean        booked_after,
                   RgClientRhythm *rhythm)
{
  g_autofree gint64 *days = g_new (gint64, MAX (n_visits, 1));
  gint64 d_day = rg_day_number (day);
  guint n = 0;

  g_return_if_fail (rhythm != NULL);
  g_return_if_fail (n_visits == 0 || visit_days != NULL);

  for (guint i = 0; i < n_visits; i++)
    {
      gint64 v = rg_day_number (visit_days[i]);

      if (v <= d_day)
        days[n++] = v;
    }
  qsort (days, n, sizeof (gint64), compare_gint64);
  rhythm_from_numbers (days, n, d_day, service_interval, default_interval, booked_after, rhythm);
}

static gboolean
is_lost (const RgClientRhythm *r)
{
  return r->visits > 0 && (r->days_since > 3 * r->interval || r->days_since > 365);
}

static int
compare_revenue_desc (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x < y) - (x > y);
}

void
rg_rhythm_mark_vip (GArray *rhythms)
{
  g_autoptr(GArray) revenues = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 threshold;
  guint k;

  g_return_if_fail (rhythms != NULL);

  for (guint i = 0; i < rhythms->len; i++)
    {
      RgClientRhythm *r = &g_array_index (rhythms, RgClientRhythm, i);

      r->segments &= ~RG_SEGMENT_VIP;
      if (!is_lost (r))
        g_array_append_val (revenues, r->revenue_365);
    }
  if (revenues->len == 0)
    return;

  g_array_sort (revenues, compare_revenue_desc);
  k = (guint) ceil (revenues->len * 0.2);
  threshold = g_array_index (revenues, gint64, MAX (k, 1) - 1);
  if (threshold <= 0)
    threshold = 1;

  for (guint i = 0; i < rhythms->len; i++)
    {
      RgClientRhythm *r = &g_array_index (rhythms, RgClientRhythm, i);

      if (!is_lost (r) && r->revenue_365 >= threshold)
        r->segments |= RG_SEGMENT_VIP;
    }
}

/* The loader ------------------------------------------------------------------ */

static int
studio_default_interval (RgStore *store)
{
  g_autofree char *value = rg_store_get_setting (store, "default-interval");
  gint64 days = value ? g_ascii_strtoll (value, NULL, 10) : 0;

  return days > 0 && days <= 3650 ? (int) days : RG_DEFAULT_INTERVAL_DAYS;
}

/* The repeat interval of each service that has one. */
static GHashTable *
load_service_intervals (RgStore  *store,
                        GError  **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT id, repeat_days FROM services WHERE repeat_days > 0",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return NULL;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    g_hash_table_insert (map, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  return ok ? g_steal_pointer (&map) : NULL;
}

typedef struct {
  RgStore       *store;
  DayTable       table;
  gint64         d_day;
  gint64         d_start;        /* D's first second */
  gint64         d_end;          /* the first second after D */
  int            default_interval;
  GArray        *booked;         /* sorted client ids with a booking on D or later */
  GArray        *days;           /* gint64, the current client's visit days */
  GHashTable    *intervals;      /* service id → repeat days */
  guint          current;        /* the client's index in the rhythms */
  guint          booked_at;      /* the clients come in id order: where they are in booked */
  GArray        *pending;        /* Pending: clients whose interval is their last visit's service's */
} Loader;

typedef struct {
  guint   index;
  gint64  appointment;
} Pending;

/* Whether @client_id (no smaller than the last one asked for) has a
 * booking on D or later. */
static gboolean
is_booked (Loader *l,
           gint64  client_id)
{
  const gint64 *booked = (const gint64 *) (gpointer) l->booked->data;

  while (l->booked_at < l->booked->len && booked[l->booked_at] < client_id)
    l->booked_at++;
  return l->booked_at < l->booked->len && booked[l->booked_at] == client_id;
}

/* The clients with fewer than three visits take the repeat interval of
 * their last visit's main service (the first listed): asked for all of
 * them in one statement, their rhythms counted again with it. */
static gboolean
resolve_pending (Loader   *l,
                 GArray   *rhythms,
                 GError  **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GString) ids = g_string_new ("[");
  gboolean row = FALSE, ok;

  if (l->pending->len == 0)
    return TRUE;
  for (guint i = 0; i < l->pending->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (l->pending, Pending, i).appointment);
  g_string_append_c (ids, ']');
  stmt = rg_store_prepare (l->store,
                           "SELECT j.key, (SELECT service_id FROM appointment_services"
                           " WHERE appointment_id = j.value ORDER BY position LIMIT 1) FROM json_each (?1) j",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_STATIC);
  while ((ok = rg_store_step_row (l->store, stmt, &row, error)) && row)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      gint64 service = sqlite3_column_int64 (stmt, 1);
      int interval = GPOINTER_TO_INT (g_hash_table_lookup (l->intervals, &service));
      RgClientRhythm *r;
      gint64 days[2];

      if (interval <= 0 || key < 0 || key >= l->pending->len)
        continue;
      r = &g_array_index (rhythms, RgClientRhythm, g_array_index (l->pending, Pending, key).index);
      days[0] = rg_day_number (r->first_visit);
      days[r->visits - 1] = rg_day_number (r->last_visit);
      rhythm_from_numbers (days, r->visits, l->d_day, interval, l->default_interval,
                           r->status == RG_CLIENT_BOOKED, r);
    }
  return ok;
}

static gboolean
finish_client (Loader          *l,
               RgClientRhythm  *r,
               gint64           last_appointment,
               GError         **error)
{
  gboolean booked;

  if (l->days->len < 3 && last_appointment != 0 && g_hash_table_size (l->intervals) > 0)
    {
      Pending p = { l->current, last_appointment };

      g_array_append_val (l->pending, p);
    }
  booked = is_booked (l, r->client_id);
  rhythm_from_numbers ((const gint64 *) (gpointer) l->days->data, l->days->len, l->d_day, 0,
                       l->default_interval, booked, r);
  return TRUE;
}

static gboolean
load_booked (Loader  *l,
             gint64   only_client,
             GError **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (l->store,
                                             only_client
                                             ? "SELECT client_id FROM appointments INDEXED BY appointments_client_status"
                                               " WHERE client_id = ?2 AND status IN ('booked', 'confirmed', 'arrived')"
                                               " AND deleted_at IS NULL AND starts_at >= ?1"
                                             : "SELECT client_id FROM appointments INDEXED BY appointments_range"
                                               " WHERE starts_at >= ?1 AND status IN ('booked', 'confirmed', 'arrived')"
                                               " AND deleted_at IS NULL AND ?2 = ?2",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  /* Booked: an appointment that holds its time starts on D or later (a
   * client booked for later today is not called today). */
  sqlite3_bind_int64 (stmt, 1, l->d_start);
  sqlite3_bind_int64 (stmt, 2, only_client);
  while ((ok = rg_store_step_row (l->store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (l->booked, id);
    }
  g_array_sort (l->booked, compare_gint64);
  return ok;
}

/* One client's visits up to D, read from the index of visits. */
static gboolean
client_detail (Loader          *l,
               RgClientRhythm  *r,
               GError         **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (l->store,
                                             "SELECT starts_at, price, id FROM appointments INDEXED BY appointments_visits"
                                             " WHERE client_id = ?1 AND status = 'done' AND deleted_at IS NULL"
                                             " AND starts_at < ?2 ORDER BY starts_at",
                                             error);
  gint64 revenue_from = l->d_day - 364;   /* the 365 days up to and including D */
  gint64 last_appointment = 0;
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  g_array_set_size (l->days, 0);
  r->revenue = r->revenue_365 = 0;
  sqlite3_bind_int64 (stmt, 1, r->client_id);
  sqlite3_bind_int64 (stmt, 2, l->d_end);
  while ((ok = rg_store_step_row (l->store, stmt, &row, error)) && row)
    {
      gint64 number = rg_day_table_lookup (&l->table, sqlite3_column_int64 (stmt, 0));
      gint64 price = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (l->days, number);
      r->revenue += price;
      if (number >= revenue_from)
        r->revenue_365 += price;
      last_appointment = sqlite3_column_int64 (stmt, 2);
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, rg_stmt_release);
  return finish_client (l, r, last_appointment, error);
}

/* A whole number of at most 18 digits at *@p, which moves past it. */
static inline gboolean
parse_whole (const char **p,
             gint64      *value)
{
  const char *q = *p;
  gint64 v = 0;

  while (*q >= '0' && *q <= '9' && q - *p < 18)
    v = v * 10 + (*q++ - '0');
  if (q == *p || (*q >= '0' && *q <= '9'))
    return FALSE;
  *p = q;
  *value = v;
  return TRUE;
}

/* The visits kept in the client's summary row ("time price,time price,…"):
 * *done stays FALSE when the text is missing or does not say what the
 * count says, or when a visit lies after D (its id is not known then): the
 * caller reads the index instead. */
static gboolean
client_from_history (Loader         *l,
                     RgClientRhythm *r,
                     const char     *history,
                     guint           visits,
                     gint64          last_id,
                     gboolean       *done,
                     GError        **error)
{
  gint64 revenue_from = l->d_day - 364;   /* the 365 days up to and including D */
  const char *p = history;
  gboolean sorted = TRUE;
  gint64 previous = G_MININT64;

  *done = FALSE;
  if (history == NULL)
    return TRUE;
  g_array_set_size (l->days, 0);
  r->revenue = r->revenue_365 = 0;
  while (*p)
    {
      gint64 at, price, number;

      if (!parse_whole (&p, &at) || *p++ != ' ' || !parse_whole (&p, &price) || (*p != ',' && *p != '\0'))
        return TRUE;
      if (*p)
        p++;
      if (at >= l->d_end)
        return TRUE;
      number = rg_day_table_lookup (&l->table, at);
      sorted &= number >= previous;
      previous = number;
      g_array_append_val (l->days, number);
      r->revenue += price;
      if (number >= revenue_from)
        r->revenue_365 += price;
    }
  if (l->days->len != visits)
    return TRUE;
  if (!sorted)
    g_array_sort (l->days, compare_gint64);
  *done = TRUE;
  return finish_client (l, r, last_id, error);
}

/* A client whose visits all lie before D, the last more than 365 days
 * before: lost whatever their interval, so it is not counted. */
static void
rhythm_lost_by_year (Loader          *l,
                     RgClientRhythm  *r,
                     guint            visits,
                     gint64           first_day,
                     gint64           last_day,
                     gint64           revenue)
{
  gint64 client_id = r->client_id;
  gboolean booked = is_booked (l, client_id);

  memset (r, 0, sizeof *r);
  r->client_id = client_id;
  r->visits = visits;
  r->first_visit = rg_date_of_number (first_day);
  r->last_visit = rg_date_of_number (last_day);
  r->days_since = (int) (l->d_day - last_day);
  r->interval = 0;
  r->interval_source = RG_INTERVAL_UNCOUNTED;
  r->status = booked ? RG_CLIENT_BOOKED : RG_CLIENT_LOST;
  r->revenue = revenue;
  if (visits == 1)
    r->segments |= RG_SEGMENT_ONE_TIME;
}

/* @only_client: 0 for everyone, or those with ids from @lo to @hi (the
 * VIP mark needs everyone: the caller sets it). */
static GArray *
load (RgStore       *store,
      RgDate         day,
      gint64         only_client,
      gint64         lo,
      gint64         hi,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GArray) rhythms = NULL;
  g_autoptr(RgStmt) clients = NULL;
  g_autoptr(RgStmt) summaries = NULL;
  Loader l = { store };
  gboolean row = FALSE, summary = FALSE, ok = TRUE;
  gint64 first_day;
  guint n = 0;

  l.d_day = rg_day_number (day);
  l.d_start = rg_date_start (day);
  l.d_end = rg_date_end (day);
  l.default_interval = studio_default_interval (store);
  l.booked = g_array_new (FALSE, FALSE, sizeof (gint64));
  l.days = g_array_new (FALSE, FALSE, sizeof (gint64));
  l.pending = g_array_new (FALSE, FALSE, sizeof (Pending));

  /* The midnights from the first visit (of this client, or anyone's) to
   * D; room for everyone. */
  {
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "SELECT CASE WHEN ?1 = 0"
                                               " THEN (SELECT starts_at FROM appointments INDEXED BY appointments_range"
                                               "  WHERE status = 'done' AND deleted_at IS NULL ORDER BY starts_at LIMIT 1)"
                                               " ELSE (SELECT first_at FROM client_visits WHERE client_id = ?1) END,"
                                               " (SELECT count(*) FROM clients INDEXED BY clients_live"
                                               "  WHERE deleted_at IS NULL AND ?1 = 0 AND id BETWEEN ?2 AND ?3)",
                                               error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, only_client);
    sqlite3_bind_int64 (stmt, 2, lo);
    sqlite3_bind_int64 (stmt, 3, hi);
    if (!rg_store_step_row (store, stmt, &row, error))
      goto fail;
    first_day = row && sqlite3_column_type (stmt, 0) != SQLITE_NULL
              ? rg_day_number (rg_date_from_time (sqlite3_column_int64 (stmt, 0))) - 1
              : l.d_day;
    rg_day_table_init (&l.table, MIN (first_day, l.d_day), l.d_day);
    rhythms = g_array_sized_new (FALSE, TRUE, sizeof (RgClientRhythm), row ? sqlite3_column_int (stmt, 1) + 1 : 1);
  }

  if (!load_booked (&l, only_client, error))
    goto fail;
  l.intervals = load_service_intervals (store, error);
  if (l.intervals == NULL)
    goto fail;

  /* Each client with their visits' summary; the visits themselves are read
   * only when the rules need them. Both in client order, merged here (a
   * join would look every summary up by its key). */
  clients = rg_store_prepare (store,
                              "SELECT id FROM clients INDEXED BY clients_live"
                              " WHERE deleted_at IS NULL AND (?1 = 0 OR id = ?1) AND id BETWEEN ?2 AND ?3 ORDER BY id",
                              error);
  summaries = rg_store_prepare (store,
                                "SELECT client_id, visits, first_at, last_at, revenue, last_id,"
                                " CASE WHEN last_at >= ?2 THEN history END"
                                " FROM client_visits WHERE (?1 = 0 OR client_id = ?1) AND client_id BETWEEN ?3 AND ?4"
                                " ORDER BY client_id",
                                error);
  if (clients == NULL || summaries == NULL)
    goto fail;
  sqlite3_bind_int64 (clients, 1, only_client);
  sqlite3_bind_int64 (clients, 2, lo);
  sqlite3_bind_int64 (clients, 3, hi);
  sqlite3_bind_int64 (summaries, 1, only_client);
  sqlite3_bind_int64 (summaries, 3, lo);
  sqlite3_bind_int64 (summaries, 4, hi);
  /* The histories of those seen in the 365 days up to D (or of the one). */
  sqlite3_bind_int64 (summaries, 2, only_client ? G_MININT64 : rg_date_start (rg_date_of_number (l.d_day - 365)));
  if (!rg_store_step_row (store, summaries, &summary, error))
    goto fail;

  while ((ok = rg_store_step_row (store, clients, &row, error)) && row)
    {
      RgClientRhythm *r;
      guint visits = 0;

      if ((++n & 4095) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      l.current = rhythms->len;
      g_array_set_size (rhythms, rhythms->len + 1);
      r = &g_array_index (rhythms, RgClientRhythm, rhythms->len - 1);
      r->client_id = sqlite3_column_int64 (clients, 0);

      /* The summaries of deleted clients are passed over. */
      while (summary && sqlite3_column_int64 (summaries, 0) < r->client_id)
        if (!rg_store_step_row (store, summaries, &summary, error))
          goto fail;
      if (summary && sqlite3_column_int64 (summaries, 0) == r->client_id)
        visits = sqlite3_column_int (summaries, 1);

      if (visits == 0)
        {
          g_array_set_size (l.days, 0);
          if (!finish_client (&l, r, 0, error))
            goto fail;
        }
      else
        {
          gint64 last_at = sqlite3_column_int64 (summaries, 3);
          gint64 last_day = rg_day_table_lookup (&l.table, MIN (last_at, l.d_end - 1));

          if (only_client == 0 && last_at < l.d_end && l.d_day - last_day > 365)
            rhythm_lost_by_year (&l, r, visits,
                                 rg_day_table_lookup (&l.table, sqlite3_column_int64 (summaries, 2)),
                                 last_day, sqlite3_column_int64 (summaries, 4));
          else
            {
              gboolean done;

              if (!client_from_history (&l, r, (const char *) sqlite3_column_text (summaries, 6), visits,
                                        sqlite3_column_int64 (summaries, 5), &done, error))
                goto fail;
              if (!done && !client_detail (&l, r, error))
                goto fail;
            }
        }
    }
  if (!ok)
    goto fail;

  if (!resolve_pending (&l, rhythms, error))
    goto fail;

  g_array_unref (l.booked);
  g_array_unref (l.pending);
  g_array_unref (l.days);
  g_array_unref (l.table.starts);
  g_hash_table_unref (l.intervals);
  return g_steal_pointer (&rhythms);

fail:
  g_clear_pointer (&l.intervals, g_hash_table_unref);
  g_clear_pointer (&l.pending, g_array_unref);
  g_clear_pointer (&l.booked, g_array_unref);
  g_clear_pointer (&l.days, g_array_unref);
  g_clear_pointer (&l.table.starts, g_array_unref);
  return NULL;
}

/* A studio's clients are counted in two halves by id, the second on a
 * helper reader in a thread (when there can be one): the halves do not
 * depend on each other but for the VIP mark, set on the whole; 80 ms become
 * 55 on the reference studio. (The reader's snapshot is taken a moment
 * after the store's: a write in between is counted again by the recount
 * that follows any write.) */

typedef struct {
  RgStore      *reader;
  RgDate        day;
  gint64        lo;
  GCancellable *cancellable;
  GArray       *rhythms;
  GError       *error;
} Half;

static gpointer
load_half (gpointer data)
{
  Half *h = data;
  gboolean started;

  if (!rg_store_begin_read (h->reader, &started, &h->error))
    return NULL;
  h->rhythms = load (h->reader, h->day, 0, h->lo, G_MAXINT64, h->cancellable, &h->error);
  rg_store_end_read (h->reader, started);
  return NULL;
}

/* The id that splits the clients in two, or 0 when there are hardly any.
 * Ids are random: the range of ids is split, not their count (a walk over
 * them). The store's half is the larger: its pages are mapped already,
 * where the helper's are read into its cache. */
static gint64
split_id (RgStore *store)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;
  gint64 lo, hi;

  stmt = rg_store_prepare (store,
                           "SELECT (SELECT id FROM clients INDEXED BY clients_live WHERE deleted_at IS NULL ORDER BY id LIMIT 1),"
                           " (SELECT id FROM clients INDEXED BY clients_live WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1)",
                           NULL);
  if (stmt == NULL)
    return 0;
  if (!rg_store_step_row (store, stmt, &row, NULL) || !row || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return 0;
  lo = sqlite3_column_int64 (stmt, 0);
  hi = sqlite3_column_int64 (stmt, 1);
  if (hi - lo < 2)
    return 0;
  return lo + (gint64) ((double) (hi - lo) * 0.58);
}

static GArray *
load_all (RgStore       *store,
          RgDate         day,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(RgStore) reader = rg_store_open_helper (store);
  Half half = { reader, day, reader ? split_id (store) : 0, cancellable, NULL, NULL };
  g_autoptr(GArray) rhythms = NULL;
  GThread *thread;

  if (half.lo == 0)
    rhythms = load (store, day, 0, G_MININT64, G_MAXINT64, cancellable, error);
  else
    {
      thread = g_thread_new ("rg-rhythms", load_half, &half);
      rhythms = load (store, day, 0, G_MININT64, half.lo - 1, cancellable, error);
      g_thread_join (thread);
      if (rhythms != NULL && half.rhythms == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&half.error));
          g_clear_pointer (&rhythms, g_array_unref);
        }
      if (rhythms != NULL)
        g_array_append_vals (rhythms, half.rhythms->data, half.rhythms->len);
      g_clear_pointer (&half.rhythms, g_array_unref);
      g_clear_error (&half.error);
    }
  if (rhythms != NULL)
    rg_rhythm_mark_vip (rhythms);
  return g_steal_pointer (&rhythms);
}

GArray *
rg_retention_load (RgStore       *store,
                   RgDate         day,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GArray *result;
  gboolean started;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);

  if (!rg_store_begin_read (store, &started, error))
    return NULL;
  result = load_all (store, day, cancellable, error);
  rg_store_end_read (store, started);
  return result;
}

/* An RgStandingsFunc: rg_retention_load(), each client's status and
 * segments only. */
RgClientStandings *
rg_retention_load_standings (RgStore       *store,
                             RgDate         day,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GArray) rhythms = rg_retention_load (store, day, cancellable, error);
  RgClientStandings *standings;

  if (rhythms == NULL)
    return NULL;
  /* The rhythms come in id order. */
  standings = rg_client_standings_new (rhythms->len);
  for (guint i = 0; i < rhythms->len; i++)
    {
      const RgClientRhythm *r = &g_array_index (rhythms, RgClientRhythm, i);

      rg_client_standings_add (standings, r->client_id, r->status, r->segments);
    }
  return standings;
}

/* One client, for the card. Their VIP mark needs everyone: it is not set
 * here. */
gboolean
rg_retention_load_client (RgStore         *store,
                          gint64           client_id,
                          RgDate           day,
                          RgClientRhythm  *rhythm,
                          GError         **error)
{
  g_autoptr(GArray) one = NULL;
  gboolean started;

  g_return_val_if_fail (RG_IS_STORE (store), FALSE);
  g_return_val_if_fail (rhythm != NULL, FALSE);

  if (!rg_store_begin_read (store, &started, error))
    return FALSE;
  /* Only this client's rows: the range is theirs alone (the whole range
   * walked every client before them, 12-90 ms a card on a large studio). */
  one = load (store, day, client_id, client_id, client_id, NULL, error);
  rg_store_end_read (store, started);
  if (one == NULL)
    return FALSE;
  if (one->len == 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_NOT_FOUND, _("This client was deleted."));
      return FALSE;
    }
  *rhythm = g_array_index (one, RgClientRhythm, 0);
  return TRUE;
}

/* Words ------------------------------------------------------------------------- */

const char *
rg_client_status_to_nick (RgClientStatus status)
{
  static const char * const nicks[] = {
    "booked", "never_visited", "new", "lost", "on_track", "due", "sleeping",
  };

  g_return_val_if_fail (status < RG_CLIENT_N_STATUSES, "");
  return nicks[status];
}

const char *
rg_client_status_to_string (RgClientStatus status)
{
  switch (status)
    {
    case RG_CLIENT_BOOKED: return C_("client status", "Booked");
    case RG_CLIENT_NEVER_VISITED: return C_("client status", "Never visited");
    case RG_CLIENT_NEW: return C_("client status", "New");
    case RG_CLIENT_LOST: return C_("client status", "Lost");
    case RG_CLIENT_ON_TRACK: return C_("client status", "On track");
    case RG_CLIENT_DUE: return C_("client status", "Due");
    case RG_CLIENT_SLEEPING: return C_("client status", "Sleeping");
    case RG_CLIENT_N_STATUSES:
    default: return "";
    }
}

const char *
rg_client_status_explain (RgClientStatus status)
{
  switch (status)
    {
    case RG_CLIENT_BOOKED: return _("A booked, confirmed or arrived appointment starts today or later.");
    case RG_CLIENT_NEVER_VISITED: return _("No visit yet (a visit is an appointment marked done).");
    case RG_CLIENT_NEW: return _("Exactly one visit, at most 90 days ago.");
    case RG_CLIENT_LOST: return _("More than three typical intervals, or more than 365 days, since the last visit.");
    case RG_CLIENT_ON_TRACK: return _("The last visit is at most one typical interval ago.");
    case RG_CLIENT_DUE: return _("More than one and at most one and a half typical intervals since the last visit.");
    case RG_CLIENT_SLEEPING: return _("More than one and a half and at most three typical intervals since the last visit.");
    case RG_CLIENT_N_STATUSES:
    default: return "";
    }
}
