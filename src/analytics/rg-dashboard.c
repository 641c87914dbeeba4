/* rg-dashboard.c — the retention dashboard's figures (definitions in the
 * header, from BRIEF 4).
 *
 * Every client's rhythm on D (rg-retention) gives the statuses, segments,
 * first and last visits and revenue; one range of the visits index covers
 * the two years before D (churn's base year, the 90 days before P, P) for
 * who came when; P's revenue is read for P alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

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

void
rg_dashboard_free (RgDashboard *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->masters, g_ptr_array_unref);
  g_free (self);
}

typedef struct {
  gint64 day;
  gint64 staff_id;
} Visit;

/* What the window of visits says of one client. */
typedef struct {
  gint64  first_day;         /* all-time first visit (from the rhythm); 0: none */
  gboolean regular;          /* on D */
  gboolean in_churn_base;    /* a visit in the 365 days before the year's start */
  gboolean in_year;          /* a visit in the year up to D */
  guint    year_visits;
  gint64   last_before_p;    /* the latest visit in the 90 days before P */
  gboolean in_p;
  gboolean second_within_90; /* a visit after the first, within 90 days of it */
  GArray  *visits;           /* Visit: the window's, in time order */
} Client;

static void
client_free (Client *c)
{
  g_clear_pointer (&c->visits, g_array_unref);
  g_free (c);
}

static Client *
client_for (GHashTable *clients,
            gint64      id)
{
  Client *c = g_hash_table_lookup (clients, &id);

  if (c == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      c = g_new0 (Client, 1);
      c->visits = g_array_new (FALSE, FALSE, sizeof (Visit));
      g_hash_table_insert (clients, key, c);
    }
  return c;
}

static gint64
month_after (RgDate first,
             int    months)
{
  int m = first.month - 1 + months;

  return rg_day_number ((RgDate) { first.year + m / 12, m % 12 + 1, 1 });
}

static gboolean
visited_between (const Client *c,
                 gint64        from,
                 gint64        to)   /* [from, to) */
{
  for (guint i = 0; i < c->visits->len; i++)
    {
      gint64 day = g_array_index (c->visits, Visit, i).day;

      if (day >= from && day < to)
        return TRUE;
    }
  return FALSE;
}

static RgMasterRisk *
master_for (RgDashboard *self,
            GHashTable  *masters,
            gint64       staff_id)
{
  RgMasterRisk *m = g_hash_table_lookup (masters, &staff_id);

  if (m == NULL)
    {
      m = g_new0 (RgMasterRisk, 1);
      m->staff_id = staff_id;
      g_ptr_array_add (self->masters, m);
      g_hash_table_insert (masters, &m->staff_id, m);
    }
  return m;
}

static int
master_compare (gconstpointer a,
                gconstpointer b)
{
  const RgMasterRisk *ma = *(RgMasterRisk * const *) a;
  const RgMasterRisk *mb = *(RgMasterRisk * const *) b;

  return g_utf8_collate (ma->name ? ma->name : "", mb->name ? mb->name : "");
}

/* The retention trend, the cohorts, and each master's churn and the share
 * of their clients who see nobody else. */
static gboolean
charts (RgDashboard  *self,
        RgStore      *store,
        GHashTable   *clients,
        gint64        d,
        gint64        base_from,
        gint64        year_from,
        GError      **error)
{
  g_autoptr(GHashTable) masters = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(RgStmt) stmt = NULL;
  gint64 month_start[RG_DASHBOARD_MONTHS + 1];   /* day numbers; the last: the month after D's */
  gint64 first_cohort;
  GHashTableIter iter;
  Client *c;
  gboolean row = FALSE, ok;

  for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
    month_start[m] = rg_day_number (self->trend_month[m]);
  month_start[RG_DASHBOARD_MONTHS] = month_after (self->trend_month[RG_DASHBOARD_MONTHS - 1], 1);
  first_cohort = month_start[0];

  /* Cohort k's month j is the trend's month k + j; later ones are ahead of D. */
  for (guint k = 0; k < RG_DASHBOARD_MONTHS; k++)
    {
      self->cohorts[k].month = self->trend_month[k];
      for (guint j = 0; j < RG_DASHBOARD_MONTHS; j++)
        self->cohorts[k].share[j] = k + j < RG_DASHBOARD_MONTHS ? 0 : NAN;
    }

  g_hash_table_iter_init (&iter, clients);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    {
      gint64 seen_with[8];
      guint n_seen = 0;
      gboolean many = FALSE;

      if (c->first_day == 0 || c->visits->len == 0)
        continue;

      /* Existing-client retention of each month. */
      for (guint m = 0; m < RG_DASHBOARD_MONTHS; m++)
        {
          gint64 start = month_start[m];
          gint64 end = MIN (month_start[m + 1], d + 1);
          gint64 last_before = 0;

          for (guint i = 0; i < c->visits->len; i++)
            {
              gint64 day = g_array_index (c->visits, Visit, i).day;

              if (day >= start - 90 && day < start)
                last_before = day;
            }
          if (last_before && c->first_day < last_before)
            {
              self->trend[m].denominator++;
              self->trend[m].numerator += visited_between (c, start, end);
            }
        }

      /* Cohorts: newcomers of the last twelve months. */
      if (c->first_day >= first_cohort && c->first_day <= d)
        for (guint k = 0; k < RG_DASHBOARD_MONTHS; k++)
          if (c->first_day >= month_start[k] && c->first_day < month_start[k + 1])
            {
              RgCohort *cohort = &self->cohorts[k];

              cohort->clients++;
              for (guint j = 0; k + j < RG_DASHBOARD_MONTHS; j++)
                if (visited_between (c, month_start[k + j], month_start[k + j + 1]))
                  cohort->share[j]++;
            }

      /* Masters: who saw whom in the base year and in the year. */
      for (guint i = 0; i < c->visits->len; i++)
        {
          const Visit *v = &g_array_index (c->visits, Visit, i);
          gboolean known = FALSE;

          if (v->day >= base_from && v->day < year_from)
            {
              RgMasterRisk *m = master_for (self, masters, v->staff_id);
              gboolean counted = FALSE;

              /* Once per client and master. */
              for (guint j = 0; j < i; j++)
                {
                  const Visit *w = &g_array_index (c->visits, Visit, j);
                  counted |= w->staff_id == v->staff_id && w->day >= base_from && w->day < year_from;
                }
              if (!counted)
                {
                  m->churn.denominator++;
                  m->churn.numerator += !c->in_year;
                }
            }
          if (v->day < year_from || v->day > d)
            continue;
          for (guint j = 0; j < n_seen; j++)
            known |= seen_with[j] == v->staff_id;
          if (!known)
            {
              if (n_seen < G_N_ELEMENTS (seen_with))
                seen_with[n_seen++] = v->staff_id;
              else
                many = TRUE;
            }
        }
      for (guint j = 0; j < n_seen; j++)
        {
          RgMasterRisk *m = master_for (self, masters, seen_with[j]);

          m->dependency.denominator++;
          m->dependency.numerator += n_seen == 1 && !many;
        }
    }

  for (guint k = 0; k < RG_DASHBOARD_MONTHS; k++)
    for (guint j = 0; j < RG_DASHBOARD_MONTHS; j++)
      if (!isnan (self->cohorts[k].share[j]))
        self->cohorts[k].share[j] = self->cohorts[k].clients ? 100.0 * self->cohorts[k].share[j] / self->cohorts[k].clients
                                                            : NAN;

  stmt = rg_store_prepare (store, "SELECT id, display_name FROM staff", error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      RgMasterRisk *m = g_hash_table_lookup (masters, &id);

      if (m)
        m->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  g_ptr_array_sort (self->masters, master_compare);
  return ok;
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
  g_autoptr(GHashTable) clients = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) client_free);
  g_autoptr(RgStmt) stmt = NULL;
  gint64 d = rg_day_number (as_of), p_from = rg_day_number (from), p_to = rg_day_number (to);
  gint64 year_from = d - 364, base_from = year_from - 365;
  gint64 window_from;
  double relationship = 0, lifetime = 0, year_revenue = 0;
  guint ever = 0, active = 0;
  DayTable table;
  gboolean row = FALSE, ok;
  GHashTableIter iter;
  Client *c;

  self->from = from;
  self->to = to;
  self->as_of = as_of;
  self->masters = g_ptr_array_new_with_free_func ((GDestroyNotify) master_free);

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
  window_from = MIN (MIN (base_from, p_from - 90), rg_day_number (self->trend_month[0]) - 90);

  if (rhythms == NULL)
    rhythms = rg_retention_load (store, as_of, cancellable, error);
  if (rhythms == NULL)
    return NULL;

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
      relationship += rg_date_days_between (r->first_visit, r->last_visit);
      lifetime += r->revenue;
      year_revenue += r->revenue_365;
      c = client_for (clients, r->client_id);
      c->first_day = rg_day_number (r->first_visit);
      c->regular = (r->segments & RG_SEGMENT_REGULAR) != 0;
    }
  self->lifetime_value = ever ? lifetime / ever : NAN;
  self->relationship_days = ever ? relationship / ever : NAN;

  /* Who came when, from the window's start to D. */
  rg_day_table_init (&table, window_from - 1, d);
  stmt = rg_store_prepare (store,
                           "SELECT client_id, starts_at, staff_id FROM appointments INDEXED BY appointments_range"
                           " WHERE starts_at >= ?1 AND starts_at < ?2 AND status = 'done' AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rg_date_start (rg_date_of_number (window_from)));
  sqlite3_bind_int64 (stmt, 2, rg_date_end (as_of));
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 day = rg_day_table_lookup (&table, sqlite3_column_int64 (stmt, 1));
      Visit v = { day, sqlite3_column_int64 (stmt, 2) };

      c = client_for (clients, sqlite3_column_int64 (stmt, 0));
      g_array_append_val (c->visits, v);
      if (day >= base_from && day < year_from)
        c->in_churn_base = TRUE;
      if (day >= year_from && day <= d)
        {
          c->in_year = TRUE;
          c->year_visits++;
        }
      if (day >= p_from - 90 && day < p_from)
        c->last_before_p = MAX (c->last_before_p, day);
      if (day >= p_from && day <= p_to)
        c->in_p = TRUE;
      if (c->first_day && day > c->first_day && day <= c->first_day + 90)
        c->second_within_90 = TRUE;
    }
  if (!ok)
    goto fail;
  g_clear_pointer (&stmt, rg_stmt_release);

  g_hash_table_iter_init (&iter, clients);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    {
      if (c->first_day == 0)
        continue;   /* their visits lie after D */
      /* New-client retention: first visit in P, at least 90 days before D. */
      if (c->first_day >= p_from && c->first_day <= p_to && c->first_day <= d - 90)
        {
          self->new_retention.denominator++;
          self->new_retention.numerator += c->second_within_90;
        }
      /* Existing: a visit in the 90 days before P, and one before that. */
      if (c->last_before_p && c->first_day < c->last_before_p)
        {
          self->existing_retention.denominator++;
          self->existing_retention.numerator += c->in_p;
        }
      if (c->in_churn_base)
        {
          self->churn.denominator++;
          self->churn.numerator += !c->in_year;
        }
      if (c->in_p)
        {
          self->returning.denominator++;
          self->returning.numerator += c->first_day < p_from;
        }
      if (c->in_year)
        {
          active++;
          self->visit_frequency += c->year_visits;
        }
    }
  self->visit_frequency = active ? self->visit_frequency / active : NAN;

  if (!charts (self, store, clients, d, base_from, year_from, error))
    goto fail;
  self->annual_spend = active ? year_revenue / active : NAN;

  /* P's revenue, whose part from regulars, and its no-shows. */
  stmt = rg_store_prepare (store,
                           "SELECT client_id, price, status FROM appointments INDEXED BY appointments_range"
                           " WHERE starts_at >= ?1 AND starts_at < ?2 AND status IN ('done', 'no_show')"
                           " AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rg_date_start (from));
  sqlite3_bind_int64 (stmt, 2, rg_date_end (to));
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 price = sqlite3_column_int64 (stmt, 1);
      gboolean done = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "done");

      self->no_shows.denominator++;
      if (!done)
        {
          self->no_shows.numerator++;
          continue;
        }
      self->visits++;
      self->revenue += price;
      self->regulars_revenue.denominator += price;
      c = g_hash_table_lookup (clients, &id);
      if (c && c->regular)
        self->regulars_revenue.numerator += price;
    }
  if (!ok)
    goto fail;
  g_clear_pointer (&stmt, rg_stmt_release);
  self->average_check = self->visits ? (double) self->revenue / self->visits : NAN;

  stmt = rg_store_prepare (store,
                           "SELECT count(*) FROM interactions WHERE kind = 'complaint'"
                           " AND occurred_at >= ?1 AND occurred_at < ?2 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rg_date_start (rg_date_of_number (year_from)));
  sqlite3_bind_int64 (stmt, 2, rg_date_end (as_of));
  if (!rg_store_step_row (store, stmt, &row, error))
    goto fail;
  self->complaints_year = row ? sqlite3_column_int (stmt, 0) : 0;

  g_array_unref (table.starts);
  return g_steal_pointer (&self);

fail:
  g_array_unref (table.starts);
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

/* JSON ------------------------------------------------------------------------ */

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, round (value * 100.0) / 100.0);
}

static void
add_share (JsonBuilder   *b,
           const char    *name,
           const RgShare *share)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_number (b, "percent", rg_share_percent (share));
  /* Whole numbers: clients, visits, or money in minor units. */
  json_builder_set_member_name (b, "of");
  json_builder_add_int_value (b, (gint64) share->denominator);
  json_builder_set_member_name (b, "count");
  json_builder_add_int_value (b, (gint64) share->numerator);
  json_builder_end_object (b);
}

char *
rg_dashboard_to_json (const RgDashboard *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *from = rg_date_to_iso (self->from);
  g_autofree char *to = rg_date_to_iso (self->to);
  g_autofree char *as_of = rg_date_to_iso (self->as_of);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "as_of");
  json_builder_add_string_value (b, as_of);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, from);
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, to);
  json_builder_set_member_name (b, "clients");
  json_builder_add_int_value (b, self->clients);

  json_builder_set_member_name (b, "statuses");
  json_builder_begin_object (b);
  for (guint s = 0; s < RG_CLIENT_N_STATUSES; s++)
    {
      json_builder_set_member_name (b, rg_client_status_to_nick (s));
      json_builder_add_int_value (b, self->statuses[s]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "segments");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "regular");
  json_builder_add_int_value (b, self->regulars);
  json_builder_set_member_name (b, "vip");
  json_builder_add_int_value (b, self->vips);
  json_builder_set_member_name (b, "one_time");
  json_builder_add_int_value (b, self->one_time);
  json_builder_end_object (b);

  add_share (b, "new_client_retention", &self->new_retention);
  add_share (b, "existing_client_retention", &self->existing_retention);
  add_share (b, "churn", &self->churn);
  add_share (b, "returning_share", &self->returning);
  add_share (b, "revenue_from_regulars", &self->regulars_revenue);
  add_number (b, "revenue_from_regulars_reference", RG_REGULARS_REVENUE_REFERENCE);
  add_share (b, "no_show_rate", &self->no_shows);
  json_builder_set_member_name (b, "visits");
  json_builder_add_int_value (b, self->visits);
  json_builder_set_member_name (b, "revenue");
  json_builder_add_int_value (b, self->revenue);
  add_number (b, "average_check", self->average_check);
  add_number (b, "visit_frequency", self->visit_frequency);
  add_number (b, "annual_spend", self->annual_spend);
  add_number (b, "lifetime_value", self->lifetime_value);
  add_number (b, "relationship_days", self->relationship_days);
  json_builder_set_member_name (b, "complaints_year");
  json_builder_add_int_value (b, self->complaints_year);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}
