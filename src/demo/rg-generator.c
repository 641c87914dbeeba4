/* rg-generator.c — the demo studio and databases of reference scale.
 *
 * The rows are not independent random rows: the generator simulates the
 * studio day by day, from (now − years) to (now + future_days). Each master
 * on duty fills their working day with clients who are due (every client
 * has a personal rhythm, a preferred master and a loyalty that decides
 * whether they come back), and new clients arrive to fill what is left, so
 * the calendar never overlaps and the figures the analytics read (intervals,
 * churn, satisfaction, money) come out of a plausible history.
 *
 * Everything random comes from one seeded xoshiro256** stream and primary
 * keys from a keyed permutation of a counter, so the same options (seed,
 * now, language, sizes) give the same rows byte for byte, with no key ever
 * drawn twice. Working hours are local wall-clock times, so the rows also
 * follow the local time zone. Nothing reads the wall clock: every
 * created_at/updated_at is derived from the simulated history and is never
 * later than options->now.
 *
 * The simulation runs in memory first; the rows are then written in one
 * transaction with cached multi-row INSERTs, in key order for the big
 * tables.
 *
 * The pieces: rg-generator-private.h has the types they share and the
 * random streams; rg-generator-data.c the names, services and comments of
 * each language; rg-generator-studio.c sets up the days, the services and
 * the staff, and says who each client is; rg-generator-sim.c runs the days;
 * this file writes the rows and has the public API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-demo"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rg-generator-private.h"
#include "model/rg-enums.h"
#include "store/rg-phone.h"
#include "store/rg-text.h"

#define DEMO_SEED          G_GUINT64_CONSTANT (20261124)

/* Writing ---------------------------------------------------------------- */

/* What the text columns say for the simulation's codes. */
static const char * const outcome_nicks[] = {
  NULL, "booked", "call_back", "not_interested", "no_answer", "open", "resolved", "escalated",
};

static const char * const status_nicks[] = {
  [RG_APPOINTMENT_BOOKED] = "booked",
  [RG_APPOINTMENT_CONFIRMED] = "confirmed",
  [RG_APPOINTMENT_ARRIVED] = "arrived",
  [RG_APPOINTMENT_DONE] = "done",
  [RG_APPOINTMENT_CANCELLED] = "cancelled",
  [RG_APPOINTMENT_NO_SHOW] = "no_show",
};

static const char * const kind_nicks[] = {
  [RG_INTERACTION_CALL] = "call",
  [RG_INTERACTION_NOTE] = "note",
  [RG_INTERACTION_COMPLAINT] = "complaint",
  [RG_INTERACTION_TASK] = "task",
  [RG_INTERACTION_GIFT] = "gift",
  [RG_INTERACTION_MESSAGE] = "message",
  [RG_INTERACTION_SYSTEM] = "system",
};

static void
gen_format_day (Gen   *g,
                guint  day,
                char   buf[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, g->first_julian + day);
  g_snprintf (buf, 11, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

/* Rows go in with multi-row INSERTs: fewer statements to run, and the
 * full-text index behind the clients table syncs once per statement
 * rather than once per client. */
#define BATCH_PARAMETERS 960
#define BATCH_ROWS       64

typedef struct {
  RgStore *store;
  RgStmt  *many;              /* per_batch rows */
  RgStmt  *one;
  RgStmt  *stmt;              /* of the current row */
  guint    n_columns;
  guint    per_batch;
  guint64  n_rows;            /* rows to come; 0: unknown, one at a time */
  guint64  done;
  int      offset;            /* parameter index of the current row's column 0 */
} Batch;

static void
batch_clear (Batch *b)
{
  g_clear_pointer (&b->many, rg_stmt_release);
  g_clear_pointer (&b->one, rg_stmt_release);
  b->stmt = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Batch, batch_clear)

static char *
insert_sql (const char *table,
            guint       n_columns,
            guint       n_rows)
{
  GString *sql = g_string_new ("INSERT INTO ");

  g_string_append_printf (sql, "%s VALUES ", table);
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r ? ", (?" : "(?");
      for (guint c = 1; c < n_columns; c++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }

  return g_string_free (sql, FALSE);
}

/* @table is the table and its columns: "staff (id, display_name, ...)". */
static gboolean
batch_init (Batch       *b,
            RgStore     *store,
            const char  *table,
            guint        n_columns,
            guint64      n_rows,
            GError     **error)
{
  g_autofree char *one = insert_sql (table, n_columns, 1);

  memset (b, 0, sizeof *b);
  b->store = store;
  b->n_columns = n_columns;
  b->n_rows = n_rows;
  b->per_batch = CLAMP (BATCH_PARAMETERS / n_columns, 1, BATCH_ROWS);

  if (n_rows >= b->per_batch)
    {
      g_autofree char *many = insert_sql (table, n_columns, b->per_batch);

      b->many = rg_store_prepare (store, many, error);
      if (b->many == NULL)
        return FALSE;
    }

  b->one = rg_store_prepare (store, one, error);
  return b->one != NULL;
}

static void
batch_begin_row (Batch *b)
{
  guint64 in_batches = b->n_rows - b->n_rows % b->per_batch;

  if (b->done < in_batches)
    {
      b->stmt = b->many;
      b->offset = (int) (b->done % b->per_batch * b->n_columns) + 1;
    }
  else
    {
      b->stmt = b->one;
      b->offset = 1;
    }
}

static gboolean
batch_end_row (Batch   *b,
               GError **error)
{
  gboolean ok = TRUE;

  b->done++;
  if (b->stmt == b->one || b->done % b->per_batch == 0)
    {
      ok = rg_store_step_done (b->store, b->stmt, error);
      sqlite3_reset (b->stmt);
    }

  return ok;
}

static void
col_int (Batch  *b,
         int     column,
         gint64  value)
{
  sqlite3_bind_int64 (b->stmt, b->offset + column, value);
}

/* 0 is NULL */
static void
col_opt (Batch  *b,
         int     column,
         gint64  value)
{
  if (value != 0)
    sqlite3_bind_int64 (b->stmt, b->offset + column, value);
  else
    sqlite3_bind_null (b->stmt, b->offset + column);
}

static void
col_text (Batch      *b,
          int         column,
          const char *text)
{
  if (text)
    sqlite3_bind_text (b->stmt, b->offset + column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (b->stmt, b->offset + column);
}

/* For text that outlives the statement: the pools, the store of names. */
static void
col_static (Batch      *b,
            int         column,
            const char *text)
{
  if (text)
    sqlite3_bind_text (b->stmt, b->offset + column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (b->stmt, b->offset + column);
}

typedef struct {
  gint64  id;
  guint32 index;
  guint32 position;
} Order;

static int
order_compare (const void *a,
               const void *b)
{
  gint64 x = ((const Order *) a)->id;
  gint64 y = ((const Order *) b)->id;

  return x < y ? -1 : x > y;
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static char *
with_master (Gen        *g,
             const char *text,
             guint       master)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || strstr (text, "{m}") == NULL)
    return g_strdup (text);

  parts = g_strsplit (text, "{m}", -1);
  return g_strjoinv (g->masters[master].first_name, parts);
}

/* The studio's phone country: Russia's or Britain's. */
static int
phone_country (Gen *g)
{
  return g->lang->russian ? 7 : 44;
}

static gboolean
gen_write_staff (Gen      *g,
                 RgStore  *store,
                 GError  **error)
{
  g_auto(Batch) staff = { 0 };
  g_auto(Batch) hours = { 0 };
  g_auto(Batch) off = { 0 };
  const char *reasons[] = {
    NULL, g->lang->vacation, g->lang->sick, g->lang->training, g->lang->holiday, g->lang->holiday2,
  };

  g->staff_created_at = g->day_base[0] - 30 * SECONDS_PER_DAY + 10 * 3600;

  if (!batch_init (&staff, store,
                   "staff (id, display_name, role, color, phone, position, created_at, updated_at)",
                   8, g->n_masters, error))
    return FALSE;

  for (guint m = 0; m < g->n_masters; m++)
    {
      const Master *master = &g->masters[m];
      g_autofree char *phone = NULL, *digits = NULL;

      if (master->phone && !rg_phone_read (master->phone, phone_country (g), &phone, &digits, error))
        return FALSE;

      batch_begin_row (&staff);
      col_int (&staff, 0, master->id);
      col_static (&staff, 1, master->name);
      col_static (&staff, 2, "master");
      col_static (&staff, 3, master->color);
      col_text (&staff, 4, phone);
      col_int (&staff, 5, m);
      col_int (&staff, 6, g->staff_created_at);
      col_int (&staff, 7, g->staff_created_at);
      if (!batch_end_row (&staff, error))
        return FALSE;
    }

  if (!batch_init (&hours, store,
                   "staff_hours (id, staff_id, weekday, start_minute, end_minute, created_at, updated_at)",
                   7, 0, error))
    return FALSE;

  for (guint m = 0; m < g->n_masters; m++)
    for (int wd = 1; wd <= 7; wd++)
      for (int s = 0; s < g->masters[m].n_spans[wd]; s++)
        {
          batch_begin_row (&hours);
          col_int (&hours, 0, gen_new_id (g));
          col_int (&hours, 1, g->masters[m].id);
          col_int (&hours, 2, wd);
          col_int (&hours, 3, g->masters[m].spans[wd][s].start);
          col_int (&hours, 4, g->masters[m].spans[wd][s].end);
          col_int (&hours, 5, g->staff_created_at);
          col_int (&hours, 6, g->staff_created_at);
          if (!batch_end_row (&hours, error))
            return FALSE;
        }

  if (!batch_init (&off, store,
                   "staff_days_off (id, staff_id, day, reason, created_at, updated_at)",
                   6, 0, error))
    return FALSE;

  for (guint m = 0; m < g->n_masters; m++)
    for (guint d = 0; d < g->n_days; d++)
      {
        guint8 reason = g->off[m * g->n_days + d];
        char day[11];
        gint64 created;

        if (reason == OFF_WORKS)
          continue;

        /* Sick leave is entered that morning; the rest is planned ahead. */
        if (reason == OFF_SICK)
          created = g->day_base[d] + 8 * 3600 + rng_range (&g->rng, 0, 90) * 60;
        else
          created = g->day_base[d] - rng_range (&g->rng, 20, 60) * SECONDS_PER_DAY + 15 * 3600;
        created = CLAMP (created, g->staff_created_at, g->now);

        gen_format_day (g, d, day);
        batch_begin_row (&off);
        col_int (&off, 0, gen_new_id (g));
        col_int (&off, 1, g->masters[m].id);
        col_text (&off, 2, day);
        col_static (&off, 3, reasons[reason]);
        col_int (&off, 4, created);
        col_int (&off, 5, created);
        if (!batch_end_row (&off, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
gen_write_services (Gen      *g,
                    RgStore  *store,
                    GError  **error)
{
  g_auto(Batch) b = { 0 };

  if (!batch_init (&b, store,
                   "services (id, name, category, duration_minutes, price, repeat_days, position,"
                   " created_at, updated_at)",
                   9, g->n_services, error))
    return FALSE;

  for (guint i = 0; i < g->n_services; i++)
    {
      const Service *s = &g->services[i];

      batch_begin_row (&b);
      col_int (&b, 0, s->id);
      col_static (&b, 1, s->name);
      col_static (&b, 2, g->lang->category_names[s->category]);
      col_int (&b, 3, s->minutes);
      col_int (&b, 4, s->price);
      col_opt (&b, 5, s->repeat_days);
      col_int (&b, 6, i);
      col_int (&b, 7, g->staff_created_at);
      col_int (&b, 8, g->staff_created_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  return TRUE;
}

/* By TAG_* position. */
static const char * const tag_colors[N_TAGS] = {
  "#f5c211", "#e01b24", "#3584e4", "#33d17a", "#ff7800", "#986a44", "#9141ac", "#dc8add",
};

static gboolean
gen_write_tags (Gen      *g,
                RgStore  *store,
                gint64   *tag_ids,
                GError  **error)
{
  g_auto(Batch) b = { 0 };

  if (!batch_init (&b, store, "tags (id, name, color, created_at, updated_at)", 5, N_TAGS, error))
    return FALSE;

  for (guint i = 0; i < N_TAGS; i++)
    {
      tag_ids[i] = gen_new_id (g);
      batch_begin_row (&b);
      col_int (&b, 0, tag_ids[i]);
      col_static (&b, 1, g->lang->tags[i]);
      col_static (&b, 2, tag_colors[i]);
      col_int (&b, 3, g->staff_created_at);
      col_int (&b, 4, g->staff_created_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct {
  gint64 client;
  gint64 tag;
  gint64 created_at;
} ClientTag;

static gboolean
gen_write_clients (Gen           *g,
                   RgStore       *store,
                   const gint64  *tag_ids,
                   GError       **error)
{
  g_auto(Batch) b = { 0 };
  g_auto(Batch) t = { 0 };
  g_autoptr(GArray) client_tags = g_array_new (FALSE, FALSE, sizeof (ClientTag));
  g_autofree gint64 *spent = g_new (gint64, MAX (1u, g->clients->len));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g->now);
  int this_year = g_date_time_get_year (utc);
  gint64 vip = 0;

  for (guint i = 0; i < g->clients->len; i++)
    spent[i] = CLIENT (g, i)->spent;
  qsort (spent, g->clients->len, sizeof (gint64), compare_gint64);
  if (g->clients->len > 0)
    vip = MAX (1, spent[(guint) (g->clients->len * 0.97)]);

  if (!batch_init (&b, store,
                   "clients (id, address_as, sort_key, phone, phone_digits, full_name, phone2,"
                   " phone2_digits, email, birth_day, birth_month, birth_year, gender, call_time,"
                   " preferred_staff_id, referred_by_id, source, consent_messages, minimal_contact,"
                   " preferences, medical_notes, notes, deleted_at, created_at, updated_at)",
                   25, g->clients->len, error))
    return FALSE;

  /* In the order they came, so whoever referred a client is already there. */
  for (guint i = 0; i < g->clients->len; i++)
    {
      const Client *cl = CLIENT (g, i);
      g_autofree char *sort_key = NULL;
      g_autofree char *phone = NULL, *digits = NULL;
      g_autofree char *phone2 = NULL, *digits2 = NULL;
      gint64 created = cl->created_at ? cl->created_at : gen_time (g, (guint) cl->first_day, 600);
      gint64 updated = created;
      gint64 deleted = 0;
      gint64 last = MIN (MAX (cl->last_end, created), g->now);
      gboolean tags[N_TAGS] = { FALSE };
      Rng rng;
      Person p;

      gen_person (g, i, cl, this_year, &p);
      rng_seed (&rng, g->options->seed ^ ((guint64) (i + 1) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));

      if (p.preferences || p.notes || p.medical)
        updated = created + (gint64) ((last - created) * rng_double (&rng));
      if (cl->state == STATE_IDLE && cl->visits > 0 && rng_chance (&rng, 0.003))
        {
          deleted = cl->last_end + rng_range (&rng, 30, 400) * (gint64) SECONDS_PER_DAY;
          if (deleted > g->now)
            deleted = 0;
          else
            updated = deleted;
        }

      sort_key = rg_text_sort_key (p.address_as);
      /* As typed, then kept the way the card keeps it. */
      if (!rg_phone_read (p.phone, phone_country (g), &phone, &digits, error) ||
          (p.phone2 && !rg_phone_read (p.phone2, phone_country (g), &phone2, &digits2, error)))
        return FALSE;

      batch_begin_row (&b);
      col_int (&b, 0, cl->id);
      col_text (&b, 1, p.address_as);
      col_text (&b, 2, sort_key);
      col_text (&b, 3, phone);
      col_text (&b, 4, digits);
      col_text (&b, 5, p.full_name);
      col_text (&b, 6, phone2);
      col_text (&b, 7, digits2);
      col_text (&b, 8, p.email);
      col_opt (&b, 9, p.birth_day);
      col_opt (&b, 10, p.birth_month);
      col_opt (&b, 11, p.birth_year);
      col_static (&b, 12, p.gender);
      col_static (&b, 13, p.call_time);
      col_opt (&b, 14, cl->visits > 0 && rng_chance (&rng, 0.65) ? g->masters[cl->master].id : 0);
      col_opt (&b, 15, cl->referrer != NONE ? CLIENT (g, cl->referrer)->id : 0);
      col_static (&b, 16, p.source);
      col_int (&b, 17, rng_chance (&rng, 0.65));
      col_int (&b, 18, rng_chance (&rng, 0.03));
      col_static (&b, 19, p.preferences);
      col_static (&b, 20, p.medical);
      col_static (&b, 21, p.notes);
      col_opt (&b, 22, deleted);
      col_int (&b, 23, created);
      col_int (&b, 24, updated);

      /* Tags follow what the studio knows about them. */
      tags[TAG_VIP] = cl->spent >= vip && cl->visits >= 5;
      tags[TAG_ALLERGY] = p.allergy && rng_chance (&rng, 0.8);
      tags[TAG_STUDENT] = p.age < 23 ? rng_chance (&rng, 0.5) : rng_chance (&rng, 0.01);
      tags[TAG_REGULAR] = cl->loyalty >= LOYALTY_REGULAR && cl->visits >= 8 && rng_chance (&rng, 0.3);
      tags[TAG_MORNINGS] = rng_chance (&rng, 0.03);
      tags[TAG_PENSIONER] = p.age >= 62 && rng_chance (&rng, 0.5);
      tags[TAG_BLOGGER] = rng_chance (&rng, 0.005);
      tags[TAG_BRIDE] = p.female && p.age < 35 && rng_chance (&rng, 0.008);
      gen_person_clear (&p);

      for (guint k = 0; k < N_TAGS; k++)
        if (tags[k])
          {
            ClientTag ct = { cl->id, tag_ids[k], created + (gint64) ((last - created) * rng_double (&rng)) };

            g_array_append_val (client_tags, ct);
          }

      if (!batch_end_row (&b, error))
        return FALSE;
    }

  if (!batch_init (&t, store, "client_tags (id, client_id, tag_id, created_at, updated_at)",
                   5, client_tags->len, error))
    return FALSE;

  for (guint i = 0; i < client_tags->len; i++)
    {
      const ClientTag *ct = &g_array_index (client_tags, ClientTag, i);

      batch_begin_row (&t);
      col_int (&t, 0, gen_new_id (g));
      col_int (&t, 1, ct->client);
      col_int (&t, 2, ct->tag);
      col_int (&t, 3, ct->created_at);
      col_int (&t, 4, ct->created_at);
      if (!batch_end_row (&t, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
gen_write_appointments (Gen      *g,
                        RgStore  *store,
                        GError  **error)
{
  g_auto(Batch) b = { 0 };
  g_auto(Batch) rows = { 0 };
  g_autofree Order *order = g_new (Order, MAX (1u, g->appts->len));
  g_autofree Order *row_order = NULL;
  guint n_rows = 0;

  /* In key order: appending to a B-tree is much faster than inserting all
   * over it. */
  for (guint i = 0; i < g->appts->len; i++)
    {
      order[i].id = APPT (g, i)->id;
      order[i].index = i;
      order[i].position = 0;
      n_rows += APPT (g, i)->n_services;
    }
  qsort (order, g->appts->len, sizeof (Order), order_compare);

  if (!batch_init (&b, store,
                   "appointments (id, client_id, staff_id, starts_at, ends_at, status, price, note,"
                   " created_at, updated_at)",
                   10, g->appts->len, error))
    return FALSE;

  for (guint k = 0; k < g->appts->len; k++)
    {
      const Appt *a = APPT (g, order[k].index);

      batch_begin_row (&b);
      col_int (&b, 0, a->id);
      col_int (&b, 1, CLIENT (g, a->client)->id);
      col_int (&b, 2, g->masters[a->master].id);
      col_int (&b, 3, a->starts_at);
      col_int (&b, 4, a->starts_at + (gint64) a->minutes * 60);
      col_static (&b, 5, status_nicks[a->status]);
      col_int (&b, 6, a->price[0] + (a->n_services > 1 ? a->price[1] : 0));
      col_static (&b, 7, a->note != NONE ? g->lang->appt_notes.items[a->note] : NULL);
      col_int (&b, 8, a->created_at);
      col_int (&b, 9, a->updated_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  row_order = g_new (Order, MAX (1u, n_rows));
  n_rows = 0;
  for (guint i = 0; i < g->appts->len; i++)
    for (guint pos = 0; pos < APPT (g, i)->n_services; pos++)
      {
        row_order[n_rows].id = gen_new_id (g);
        row_order[n_rows].index = i;
        row_order[n_rows].position = pos;
        n_rows++;
      }
  qsort (row_order, n_rows, sizeof (Order), order_compare);

  if (!batch_init (&rows, store,
                   "appointment_services (id, appointment_id, service_id, position, duration_minutes,"
                   " price, created_at, updated_at)",
                   8, n_rows, error))
    return FALSE;

  for (guint k = 0; k < n_rows; k++)
    {
      const Appt *a = APPT (g, row_order[k].index);
      guint pos = row_order[k].position;

      batch_begin_row (&rows);
      col_int (&rows, 0, row_order[k].id);
      col_int (&rows, 1, a->id);
      col_int (&rows, 2, g->services[a->service[pos]].id);
      col_int (&rows, 3, pos);
      col_int (&rows, 4, a->service_minutes[pos]);
      col_int (&rows, 5, a->price[pos]);
      col_int (&rows, 6, a->created_at);
      col_int (&rows, 7, a->created_at);
      if (!batch_end_row (&rows, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
gen_write_ratings (Gen      *g,
                   RgStore  *store,
                   GError  **error)
{
  g_auto(Batch) b = { 0 };
  g_autofree Order *order = g_new (Order, MAX (1u, g->ratings->len));

  for (guint i = 0; i < g->ratings->len; i++)
    {
      order[i].id = gen_new_id (g);
      order[i].index = i;
      order[i].position = 0;
    }
  qsort (order, g->ratings->len, sizeof (Order), order_compare);

  if (!batch_init (&b, store,
                   "ratings (id, appointment_id, score, nps, why, rated_at, created_at, updated_at)",
                   8, g->ratings->len, error))
    return FALSE;

  for (guint k = 0; k < g->ratings->len; k++)
    {
      const Rating *r = &g_array_index (g->ratings, Rating, order[k].index);
      const Appt *a = APPT (g, r->appt);
      int band = r->score <= 2 ? 0 : r->score - 2;
      g_autofree char *why = NULL;

      if (r->why != NONE)
        why = with_master (g, g->lang->why[band].items[r->why], a->master);

      batch_begin_row (&b);
      col_int (&b, 0, order[k].id);
      col_int (&b, 1, a->id);
      col_int (&b, 2, r->score);
      if (r->nps >= 0)
        col_int (&b, 3, r->nps);
      else
        col_static (&b, 3, NULL);
      col_text (&b, 4, why);
      col_int (&b, 5, r->rated_at);
      col_int (&b, 6, r->rated_at);
      col_int (&b, 7, r->rated_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
gen_write_interactions (Gen      *g,
                        RgStore  *store,
                        GError  **error)
{
  g_auto(Batch) b = { 0 };

  if (!batch_init (&b, store,
                   "interactions (id, client_id, appointment_id, staff_id, kind, body, outcome,"
                   " occurred_at, due_at, done_at, created_at, updated_at, service_id)",
                   13, g->interactions->len, error))
    return FALSE;

  for (guint i = 0; i < g->interactions->len; i++)
    {
      const Interaction *it = &g_array_index (g->interactions, Interaction, i);
      const Client *cl = CLIENT (g, it->client);
      g_autofree char *body = with_master (g, it->body, it->master != NONE ? (guint) it->master : cl->master);

      batch_begin_row (&b);
      col_int (&b, 0, gen_new_id (g));
      col_int (&b, 1, cl->id);
      col_opt (&b, 2, it->appt != NONE ? APPT (g, it->appt)->id : 0);
      col_opt (&b, 3, it->master != NONE ? g->masters[it->master].id : 0);
      col_static (&b, 4, kind_nicks[it->kind]);
      col_text (&b, 5, body);
      col_static (&b, 6, outcome_nicks[it->outcome]);
      col_int (&b, 7, it->occurred_at);
      col_opt (&b, 8, it->due_at);
      col_opt (&b, 9, it->done_at);
      col_int (&b, 10, it->occurred_at);
      col_int (&b, 11, it->done_at ? it->done_at : it->occurred_at);
      /* A complaint names its visit's first service, as the card does. */
      col_opt (&b, 12, it->kind == RG_INTERACTION_COMPLAINT && it->appt != NONE
                       ? g->services[APPT (g, it->appt)->service[0]].id : 0);
      if (!batch_end_row (&b, error))
        return FALSE;
    }

  return TRUE;
}

/* The questionnaires: some clients rated in the last year answered the
 * full one (each question near twice their rating), and some who stopped
 * coming said why. */
typedef struct {
  gint64      client_id;
  gint64      appointment_id;   /* 0: none */
  const char *survey;
  const char *question;
  int         score;            /* 0: none */
  const char *answer;
  gint64      answered_at;
} Answer;

static gboolean
gen_write_surveys (Gen      *g,
                   RgStore  *store,
                   GError  **error)
{
  static const char * const scored[] = { "comfort", "services", "result", "staff", "administrators", "service", "news" };
  static const char * const refusal[] = { "product", "staff", "irritating" };
  g_autoptr(GArray) answers = g_array_new (FALSE, FALSE, sizeof (Answer));
  g_auto(Batch) b = { 0 };

  for (guint i = 0; i < g->ratings->len; i++)
    {
      const Rating *r = &g_array_index (g->ratings, Rating, i);
      const Appt *a = APPT (g, r->appt);
      gint64 at = r->rated_at + 600;

      if (r->rated_at < g->now - 365 * SECONDS_PER_DAY || at > g->now || !rng_chance (&g->rng, 0.06))
        continue;
      for (guint q = 0; q < G_N_ELEMENTS (scored); q++)
        {
          int score = 2 * r->score + rng_range (&g->rng, -2, 1);   /* CLAMP would draw again */
          Answer ans;

          score = CLAMP (score, 1, 10);
          ans = (Answer) { CLIENT (g, a->client)->id, a->id, "visit", scored[q], score, NULL, at };
          g_array_append_val (answers, ans);
        }
      if (rng_chance (&g->rng, 0.3))
        g_array_append_val (answers, ((Answer) { CLIENT (g, a->client)->id, a->id, "visit", "wanted_services", 0,
                                                 rng_pick (&g->rng, &g->lang->wanted), at }));
      if (rng_chance (&g->rng, 0.2))
        g_array_append_val (answers, ((Answer) { CLIENT (g, a->client)->id, a->id, "visit", "remarks", 0,
                                                 rng_pick (&g->rng, &g->lang->remarks), at }));
    }

  for (guint i = 0; i < g->clients->len; i++)
    {
      const Client *c = CLIENT (g, i);
      gint64 at;

      if (c->visits < 2 || c->last_end == 0 || c->last_end > g->now - 120 * SECONDS_PER_DAY ||
          c->last_end < g->now - 400 * SECONDS_PER_DAY || !rng_chance (&g->rng, 0.05))
        continue;
      at = MIN (c->last_end + rng_range (&g->rng, 60, 110) * SECONDS_PER_DAY, g->now - SECONDS_PER_DAY);
      for (guint q = 0; q < G_N_ELEMENTS (refusal); q++)
        if (q == 0 || rng_chance (&g->rng, 0.5))
          g_array_append_val (answers, ((Answer) { c->id, 0, "refusal", refusal[q], 0,
                                                   rng_pick (&g->rng, &g->lang->refusal[q]), at }));
    }

  if (answers->len == 0)
    return TRUE;
  if (!batch_init (&b, store,
                   "survey_answers (id, client_id, appointment_id, survey, question, score, answer,"
                   " answered_at, created_at, updated_at)",
                   10, answers->len, error))
    return FALSE;
  for (guint i = 0; i < answers->len; i++)
    {
      const Answer *ans = &g_array_index (answers, Answer, i);

      batch_begin_row (&b);
      col_int (&b, 0, gen_new_id (g));
      col_int (&b, 1, ans->client_id);
      col_opt (&b, 2, ans->appointment_id);
      col_static (&b, 3, ans->survey);
      col_static (&b, 4, ans->question);
      col_opt (&b, 5, ans->score);
      col_static (&b, 6, ans->answer);
      col_int (&b, 7, ans->answered_at);
      col_int (&b, 8, ans->answered_at);
      col_int (&b, 9, ans->answered_at);
      if (!batch_end_row (&b, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_write (Gen      *g,
           RgStore  *store,
           GError  **error)
{
  gint64 tag_ids[N_TAGS];
  g_autofree char *country = g_strdup_printf ("%d", phone_country (g));

  return rg_store_set_setting (store, "phone-country", country, error) &&
         gen_write_staff (g, store, error) &&
         gen_write_services (g, store, error) &&
         gen_write_tags (g, store, tag_ids, error) &&
         gen_write_clients (g, store, tag_ids, error) &&
         gen_write_appointments (g, store, error) &&
         gen_write_ratings (g, store, error) &&
         gen_write_interactions (g, store, error) &&
         gen_write_surveys (g, store, error);
}

/* Public API ------------------------------------------------------------- */

static const char *
normalize_language (const char *language)
{
  if (language == NULL)
    return rg_generator_language_for_locale ();
  return g_str_has_prefix (language, "ru") ? "ru" : "en";
}

const char *
rg_generator_language_for_locale (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] && g_str_has_prefix (names[0], "ru") ? "ru" : "en";
}

void
rg_generator_options_init_demo (RgGeneratorOptions *options,
                                const char         *language,
                                gint64              now)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->n_clients = 1500;
  options->n_staff = 6;
  options->n_services = DEFAULT_SERVICES;
  options->years = 2;
  options->future_days = 21;
  options->seed = DEMO_SEED;
  options->now = now;
  options->language = normalize_language (language);
}

static gboolean
check_options (const RgGeneratorOptions  *options,
               GError                   **error)
{
  if (options->n_clients == 0 || options->n_clients > MAX_CLIENTS)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("The number of clients must be between 1 and %u."), MAX_CLIENTS);
      return FALSE;
    }

  if (options->years == 0 || options->years > MAX_YEARS)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("The history must be between 1 and %u years long."), MAX_YEARS);
      return FALSE;
    }

  if (options->n_staff > MAX_STAFF)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A studio can have at most %u staff members here."), MAX_STAFF);
      return FALSE;
    }

  if (options->n_services > MAX_SERVICES)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("A studio can have at most %u services here."), MAX_SERVICES);
      return FALSE;
    }

  if (options->future_days > MAX_FUTURE_DAYS)
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("Bookings can go at most %u days ahead."), MAX_FUTURE_DAYS);
      return FALSE;
    }

  if (options->now <= (gint64) MAX_YEARS * 366 * SECONDS_PER_DAY ||
      options->now >= G_GINT64_CONSTANT (253402300799) - (gint64) MAX_FUTURE_DAYS * SECONDS_PER_DAY)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The date to generate the studio for is out of range."));
      return FALSE;
    }

  return TRUE;
}

static void
gen_free (Gen *g)
{
  for (guint m = 0; g->masters && m < g->n_masters; m++)
    {
      g_free (g->masters[m].first_name);
      g_free (g->masters[m].name);
      g_free (g->masters[m].phone);
      g_clear_pointer (&g->masters[m].services, g_array_unref);
      g_free (g->masters[m].offers);
    }
  for (guint s = 0; g->services && s < g->n_services; s++)
    g_free (g->services[s].name);

  g_free (g->masters);
  g_free (g->services);
  g_free (g->off);
  g_free (g->day_base);
  g_free (g->weekday);
  g_free (g->buckets);
  g_clear_pointer (&g->clients, g_array_unref);
  g_clear_pointer (&g->appts, g_array_unref);
  g_clear_pointer (&g->ratings, g_array_unref);
  g_clear_pointer (&g->interactions, g_array_unref);
  g_clear_pointer (&g->tz, g_time_zone_unref);
  g_free (g);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Gen, gen_free)

static Gen *
gen_new (const RgGeneratorOptions *options)
{
  Gen *g = g_new0 (Gen, 1);
  guint64 seed = options->seed;
  guint n_masters = MAX (6u, options->n_clients / 3333);

  g->options = options;
  g->lang = g_str_equal (normalize_language (options->language), "ru") ? &gen_lang_ru : &gen_lang_en;
  rng_seed (&g->rng, options->seed);
  g->id_offset = splitmix64 (&seed) & MASK63;
  g->id_mask = splitmix64 (&seed) & MASK63;
  g->tz = g_time_zone_new_local ();
  g->now = options->now;
  g->n_masters = options->n_staff ? options->n_staff : MIN (n_masters, (guint) MAX_STAFF);
  g->n_services = options->n_services ? options->n_services : DEFAULT_SERVICES;
  g->clients = g_array_sized_new (FALSE, FALSE, sizeof (Client), options->n_clients + 16);
  g->appts = g_array_new (FALSE, FALSE, sizeof (Appt));
  g->ratings = g_array_new (FALSE, FALSE, sizeof (Rating));
  g->interactions = g_array_new (FALSE, FALSE, sizeof (Interaction));

  return g;
}

static gboolean
check_empty (RgStore  *store,
             GError  **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = rg_store_prepare (store,
                           "SELECT EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM staff)"
                           " OR EXISTS (SELECT 1 FROM services) OR EXISTS (SELECT 1 FROM appointments)",
                           error);
  if (stmt == NULL || !rg_store_step_row (store, stmt, &row, error))
    return FALSE;

  if (row && sqlite3_column_int (stmt, 0))
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("This database already has clients or staff. "
                             "Sample data can only be generated into an empty database."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rg_generator_fill (RgStore                   *store,
                   const RgGeneratorOptions  *options,
                   RgGeneratorStats          *stats,
                   GError                   **error)
{
  g_autoptr(Gen) g = NULL;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (RG_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_options (options, error) || !check_empty (store, error))
    return FALSE;

  g = gen_new (options);
  if (!gen_setup_days (g, error))
    return FALSE;

  gen_setup_services (g);
  gen_setup_staff (g);
  gen_simulate (g);

  if (!rg_store_begin (store, error))
    return FALSE;

  if (!gen_write (g, store, error))
    {
      rg_store_rollback (store);
      return FALSE;
    }

  if (!rg_store_commit (store, error))
    return FALSE;
  g_debug ("Generated in %.1f s", (g_get_monotonic_time () - started) / 1e6);

  if (stats)
    {
      memset (stats, 0, sizeof *stats);
      stats->staff = g->n_masters;
      stats->services = g->n_services;
      stats->clients = g->clients->len;
      stats->appointments = g->appts->len;
      stats->ratings = g->ratings->len;
      stats->interactions = g->interactions->len;
      stats->complaints = g->complaints;
    }

  return TRUE;
}

static void
remove_partial (const char *partial)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (partial, suffixes[i], NULL);

      g_unlink (file);
    }
}

gboolean
rg_generator_write_file (const char                *path,
                         const RgGeneratorOptions  *options,
                         RgGeneratorStats          *stats,
                         GError                   **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(RgStore) store = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = g_filename_display_basename (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("“%s” already exists. Choose a new file name: generating never overwrites a database."),
                   basename);
      return FALSE;
    }

  if (!check_options (options, error))
    return FALSE;

  /* Built next to the target and renamed at the end, so a failure or an
   * interruption never leaves half a database under the real name. */
  partial = g_strconcat (path, ".partial", NULL);
  remove_partial (partial);

  store = rg_store_open (partial, RG_STORE_OPEN_PRIVATE, error);
  if (store == NULL)
    {
      remove_partial (partial);
      g_prefix_error (error, _("Could not generate “%s”: "), basename);
      return FALSE;
    }

  /* A fresh file that is thrown away on failure needs no durability while
   * it is written (no journal, no syncing: it is synced once at the end),
   * and the generator's rows refer to each other correctly by construction
   * (test-generator checks), so the foreign keys need not be looked up a
   * few million times. */
  ok = rg_store_exec (store,
                      "PRAGMA synchronous = OFF;"
                      "PRAGMA cache_size = -524288;"
                      "PRAGMA foreign_keys = OFF;"
                      "PRAGMA journal_mode = OFF;",
                      error) &&
       rg_generator_fill (store, options, stats, error) &&
       rg_store_exec (store,
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA cache_size = -16384;",
                      error);
  g_clear_object (&store);

  if (!ok)
    {
      remove_partial (partial);
      g_prefix_error (error, _("Could not generate “%s”: "), basename);
      return FALSE;
    }

  /* Written without syncing: make it durable before it gets its name. */
  fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || g_fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      remove_partial (partial);
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                   _("Could not save “%s”: %s"), basename, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      remove_partial (partial);
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                   _("“%s” already exists. Choose a new file name: generating never overwrites a database."),
                   basename);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      remove_partial (partial);
      g_set_error (error, RG_STORE_ERROR, RG_STORE_ERROR_CANNOT_OPEN,
                   _("Could not save “%s”: %s"), basename, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
