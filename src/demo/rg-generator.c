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
 * transaction, in key order for the big tables, through the store's
 * inserter (store/rg-store-insert.c): each value names its column, and the
 * tables and their columns are the ones the store's migrations made, so the
 * generator keeps no copy of the schema. It does not go through the
 * model's commands: one command and one transaction for each of a million
 * rows would be far slower, and a command takes its keys and times from
 * the clock, where here they come from the seed and the simulated history.
 *
 * The pieces: rg-generator-private.h has the types they share and the
 * random streams; rg-generator-data.c the names, services and comments of
 * each language; rg-generator-studio.c sets up the days, the services and
 * the staff, and says who each client is; rg-generator-sim.c runs the days;
 * rg-generator-money.c runs the till over them (sales, discounts, products,
 * payments, refunds) and writes its rows; this file writes the others and
 * has the public API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-demo"

#include "config.h"

#include <sodium.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rg-generator-private.h"
#include "model/rg-enums.h"
#include "store/rg-store-insert.h"
#include "util/rg-phone.h"
#include "util/rg-text.h"

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

/* 0 is NULL */
static void
insert_opt (RgStoreInsert *ins,
            const char    *column,
            gint64         value)
{
  if (value != 0)
    rg_store_insert_int (ins, column, value);
  else
    rg_store_insert_null (ins, column);
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
  g_autoptr(RgStoreInsert) staff = NULL;
  g_autoptr(RgStoreInsert) hours = NULL;
  g_autoptr(RgStoreInsert) off = NULL;
  const char *reasons[] = {
    NULL, g->lang->vacation, g->lang->sick, g->lang->training, g->lang->holiday, g->lang->holiday2,
  };

  if ((staff = rg_store_insert_new (store, "staff", g->n_masters, error)) == NULL)
    return FALSE;

  for (guint m = 0; m < g->n_masters; m++)
    {
      const Master *master = &g->masters[m];
      g_autofree char *phone = NULL, *digits = NULL;

      if (master->phone && !rg_phone_read (master->phone, phone_country (g), &phone, &digits, error))
        return FALSE;

      rg_store_insert_int (staff, "id", master->id);
      rg_store_insert_text_static (staff, "display_name", master->name);
      rg_store_insert_text_static (staff, "role", "master");
      rg_store_insert_text_static (staff, "color", master->color);
      rg_store_insert_text (staff, "phone", phone);
      rg_store_insert_int (staff, "position", m);
      rg_store_insert_int (staff, "pay_rate", master->pay_rate);
      rg_store_insert_int (staff, "pay_per_visit", master->pay_per_visit);
      rg_store_insert_int (staff, "created_at", g->staff_created_at);
      rg_store_insert_int (staff, "updated_at", g->staff_created_at);
      if (!rg_store_insert_row (staff, error))
        return FALSE;
    }

  if (!rg_store_insert_finish (staff, error) ||
      (hours = rg_store_insert_new (store, "staff_hours", 0, error)) == NULL)
    return FALSE;

  for (guint m = 0; m < g->n_masters; m++)
    for (int wd = 1; wd <= 7; wd++)
      for (int s = 0; s < g->masters[m].n_spans[wd]; s++)
        {
          rg_store_insert_int (hours, "id", gen_new_id (g));
          rg_store_insert_int (hours, "staff_id", g->masters[m].id);
          rg_store_insert_int (hours, "weekday", wd);
          rg_store_insert_int (hours, "start_minute", g->masters[m].spans[wd][s].start);
          rg_store_insert_int (hours, "end_minute", g->masters[m].spans[wd][s].end);
          rg_store_insert_int (hours, "created_at", g->staff_created_at);
          rg_store_insert_int (hours, "updated_at", g->staff_created_at);
          if (!rg_store_insert_row (hours, error))
            return FALSE;
        }

  if (!rg_store_insert_finish (hours, error) ||
      (off = rg_store_insert_new (store, "staff_days_off", 0, error)) == NULL)
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
        rg_store_insert_int (off, "id", gen_new_id (g));
        rg_store_insert_int (off, "staff_id", g->masters[m].id);
        rg_store_insert_text (off, "day", day);
        rg_store_insert_text_static (off, "reason", reasons[reason]);
        rg_store_insert_int (off, "created_at", created);
        rg_store_insert_int (off, "updated_at", created);
        if (!rg_store_insert_row (off, error))
          return FALSE;
      }

  return rg_store_insert_finish (off, error);
}

static gboolean
gen_write_services (Gen      *g,
                    RgStore  *store,
                    GError  **error)
{
  g_autoptr(RgStoreInsert) ins = NULL;

  if ((ins = rg_store_insert_new (store, "services", g->n_services, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g->n_services; i++)
    {
      const Service *s = &g->services[i];

      rg_store_insert_int (ins, "id", s->id);
      rg_store_insert_text_static (ins, "name", s->name);
      rg_store_insert_text_static (ins, "category", g->lang->category_names[s->category]);
      rg_store_insert_int (ins, "duration_minutes", s->minutes);
      rg_store_insert_int (ins, "price", s->price);
      insert_opt (ins, "repeat_days", s->repeat_days);
      rg_store_insert_int (ins, "materials_cost", s->materials_cost);
      rg_store_insert_int (ins, "position", i);
      rg_store_insert_int (ins, "created_at", g->staff_created_at);
      rg_store_insert_int (ins, "updated_at", g->staff_created_at);
      if (!rg_store_insert_row (ins, error))
        return FALSE;
    }

  return rg_store_insert_finish (ins, error);
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
  g_autoptr(RgStoreInsert) ins = NULL;

  if ((ins = rg_store_insert_new (store, "tags", N_TAGS, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < N_TAGS; i++)
    {
      tag_ids[i] = gen_new_id (g);
      rg_store_insert_int (ins, "id", tag_ids[i]);
      rg_store_insert_text_static (ins, "name", g->lang->tags[i]);
      rg_store_insert_text_static (ins, "color", tag_colors[i]);
      rg_store_insert_int (ins, "created_at", g->staff_created_at);
      rg_store_insert_int (ins, "updated_at", g->staff_created_at);
      if (!rg_store_insert_row (ins, error))
        return FALSE;
    }

  return rg_store_insert_finish (ins, error);
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
  g_autoptr(RgStoreInsert) ins = NULL;
  g_autoptr(RgStoreInsert) t = NULL;
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

  if ((ins = rg_store_insert_new (store, "clients", g->clients->len, error)) == NULL)
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

      rg_store_insert_int (ins, "id", cl->id);
      rg_store_insert_text (ins, "address_as", p.address_as);
      rg_store_insert_text (ins, "sort_key", sort_key);
      rg_store_insert_text (ins, "phone", phone);
      rg_store_insert_text (ins, "phone_digits", digits);
      rg_store_insert_text (ins, "full_name", p.full_name);
      rg_store_insert_text (ins, "phone2", phone2);
      rg_store_insert_text (ins, "phone2_digits", digits2);
      rg_store_insert_text (ins, "email", p.email);
      insert_opt (ins, "birth_day", p.birth_day);
      insert_opt (ins, "birth_month", p.birth_month);
      insert_opt (ins, "birth_year", p.birth_year);
      rg_store_insert_text_static (ins, "gender", p.gender);
      rg_store_insert_text_static (ins, "call_time", p.call_time);
      insert_opt (ins, "preferred_staff_id", cl->visits > 0 && rng_chance (&rng, 0.65) ? g->masters[cl->master].id : 0);
      insert_opt (ins, "referred_by_id", cl->referrer != NONE ? CLIENT (g, cl->referrer)->id : 0);
      rg_store_insert_text_static (ins, "source", p.source);
      rg_store_insert_int (ins, "consent_messages", rng_chance (&rng, 0.65));
      rg_store_insert_int (ins, "minimal_contact", rng_chance (&rng, 0.03));
      rg_store_insert_text_static (ins, "preferences", p.preferences);
      rg_store_insert_text_static (ins, "medical_notes", p.medical);
      rg_store_insert_text_static (ins, "notes", p.notes);
      insert_opt (ins, "deleted_at", deleted);
      rg_store_insert_int (ins, "created_at", created);
      rg_store_insert_int (ins, "updated_at", updated);

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

      if (!rg_store_insert_row (ins, error))
        return FALSE;
    }

  if (!rg_store_insert_finish (ins, error) ||
      (t = rg_store_insert_new (store, "client_tags", client_tags->len, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < client_tags->len; i++)
    {
      const ClientTag *ct = &g_array_index (client_tags, ClientTag, i);

      rg_store_insert_int (t, "id", gen_new_id (g));
      rg_store_insert_int (t, "client_id", ct->client);
      rg_store_insert_int (t, "tag_id", ct->tag);
      rg_store_insert_int (t, "created_at", ct->created_at);
      rg_store_insert_int (t, "updated_at", ct->created_at);
      if (!rg_store_insert_row (t, error))
        return FALSE;
    }

  return rg_store_insert_finish (t, error);
}

static gboolean
gen_write_appointments (Gen      *g,
                        RgStore  *store,
                        GError  **error)
{
  g_autoptr(RgStoreInsert) ins = NULL;
  g_autoptr(RgStoreInsert) rows = NULL;
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

  if ((ins = rg_store_insert_new (store, "appointments", g->appts->len, error)) == NULL)
    return FALSE;

  for (guint k = 0; k < g->appts->len; k++)
    {
      const Appt *a = APPT (g, order[k].index);

      rg_store_insert_int (ins, "id", a->id);
      rg_store_insert_int (ins, "client_id", CLIENT (g, a->client)->id);
      rg_store_insert_int (ins, "staff_id", g->masters[a->master].id);
      rg_store_insert_int (ins, "starts_at", a->starts_at);
      rg_store_insert_int (ins, "ends_at", a->starts_at + (gint64) a->minutes * 60);
      rg_store_insert_text_static (ins, "status", status_nicks[a->status]);
      rg_store_insert_int (ins, "price", a->price[0] + (a->n_services > 1 ? a->price[1] : 0));
      rg_store_insert_text_static (ins, "note", a->note != NONE ? g->lang->appt_notes.items[a->note] : NULL);
      rg_store_insert_int (ins, "created_at", a->created_at);
      rg_store_insert_int (ins, "updated_at", a->updated_at);
      if (!rg_store_insert_row (ins, error))
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

  if (!rg_store_insert_finish (ins, error) ||
      (rows = rg_store_insert_new (store, "appointment_services", n_rows, error)) == NULL)
    return FALSE;

  for (guint k = 0; k < n_rows; k++)
    {
      const Appt *a = APPT (g, row_order[k].index);
      guint pos = row_order[k].position;

      rg_store_insert_int (rows, "id", row_order[k].id);
      rg_store_insert_int (rows, "appointment_id", a->id);
      rg_store_insert_int (rows, "service_id", g->services[a->service[pos]].id);
      rg_store_insert_int (rows, "position", pos);
      rg_store_insert_int (rows, "duration_minutes", a->service_minutes[pos]);
      rg_store_insert_int (rows, "price", a->price[pos]);
      rg_store_insert_int (rows, "created_at", a->created_at);
      rg_store_insert_int (rows, "updated_at", a->created_at);
      if (!rg_store_insert_row (rows, error))
        return FALSE;
    }

  return rg_store_insert_finish (rows, error);
}

static gboolean
gen_write_ratings (Gen      *g,
                   RgStore  *store,
                   GError  **error)
{
  g_autoptr(RgStoreInsert) ins = NULL;
  g_autofree Order *order = g_new (Order, MAX (1u, g->ratings->len));

  for (guint i = 0; i < g->ratings->len; i++)
    {
      order[i].id = gen_new_id (g);
      order[i].index = i;
      order[i].position = 0;
    }
  qsort (order, g->ratings->len, sizeof (Order), order_compare);

  if ((ins = rg_store_insert_new (store, "ratings", g->ratings->len, error)) == NULL)
    return FALSE;

  for (guint k = 0; k < g->ratings->len; k++)
    {
      const Rating *r = &g_array_index (g->ratings, Rating, order[k].index);
      const Appt *a = APPT (g, r->appt);
      int band = r->score <= 2 ? 0 : r->score - 2;
      g_autofree char *why = NULL;

      if (r->why != NONE)
        why = with_master (g, g->lang->why[band].items[r->why], a->master);

      rg_store_insert_int (ins, "id", order[k].id);
      rg_store_insert_int (ins, "appointment_id", a->id);
      rg_store_insert_int (ins, "score", r->score);
      if (r->nps >= 0)
        rg_store_insert_int (ins, "nps", r->nps);
      else
        rg_store_insert_null (ins, "nps");
      rg_store_insert_text (ins, "why", why);
      rg_store_insert_int (ins, "rated_at", r->rated_at);
      rg_store_insert_int (ins, "created_at", r->rated_at);
      rg_store_insert_int (ins, "updated_at", r->rated_at);
      if (!rg_store_insert_row (ins, error))
        return FALSE;
    }

  return rg_store_insert_finish (ins, error);
}

static gboolean
gen_write_interactions (Gen      *g,
                        RgStore  *store,
                        GError  **error)
{
  g_autoptr(RgStoreInsert) ins = NULL;

  if ((ins = rg_store_insert_new (store, "interactions", g->interactions->len, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g->interactions->len; i++)
    {
      const Interaction *it = &g_array_index (g->interactions, Interaction, i);
      const Client *cl = CLIENT (g, it->client);
      g_autofree char *body = with_master (g, it->body, it->master != NONE ? (guint) it->master : cl->master);

      rg_store_insert_int (ins, "id", gen_new_id (g));
      rg_store_insert_int (ins, "client_id", cl->id);
      insert_opt (ins, "appointment_id", it->appt != NONE ? APPT (g, it->appt)->id : 0);
      insert_opt (ins, "staff_id", it->master != NONE ? g->masters[it->master].id : 0);
      rg_store_insert_text_static (ins, "kind", kind_nicks[it->kind]);
      rg_store_insert_text (ins, "body", body);
      rg_store_insert_text_static (ins, "outcome", outcome_nicks[it->outcome]);
      rg_store_insert_int (ins, "occurred_at", it->occurred_at);
      insert_opt (ins, "due_at", it->due_at);
      insert_opt (ins, "done_at", it->done_at);
      rg_store_insert_int (ins, "created_at", it->occurred_at);
      rg_store_insert_int (ins, "updated_at", it->done_at ? it->done_at : it->occurred_at);
      /* A complaint names its visit's first service, as the card does. */
      insert_opt (ins, "service_id", it->kind == RG_INTERACTION_COMPLAINT && it->appt != NONE
                                     ? g->services[APPT (g, it->appt)->service[0]].id : 0);
      if (!rg_store_insert_row (ins, error))
        return FALSE;
    }

  return rg_store_insert_finish (ins, error);
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
  g_autoptr(RgStoreInsert) ins = NULL;

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
  if ((ins = rg_store_insert_new (store, "survey_answers", answers->len, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < answers->len; i++)
    {
      const Answer *ans = &g_array_index (answers, Answer, i);

      rg_store_insert_int (ins, "id", gen_new_id (g));
      rg_store_insert_int (ins, "client_id", ans->client_id);
      insert_opt (ins, "appointment_id", ans->appointment_id);
      rg_store_insert_text_static (ins, "survey", ans->survey);
      rg_store_insert_text_static (ins, "question", ans->question);
      insert_opt (ins, "score", ans->score);
      rg_store_insert_text_static (ins, "answer", ans->answer);
      rg_store_insert_int (ins, "answered_at", ans->answered_at);
      rg_store_insert_int (ins, "created_at", ans->answered_at);
      rg_store_insert_int (ins, "updated_at", ans->answered_at);
      if (!rg_store_insert_row (ins, error))
        return FALSE;
    }
  return rg_store_insert_finish (ins, error);
}

/* A PIN's hash as rg-roles.c checks it (Argon2id), at libsodium's lowest
 * cost: the generated PINs are printed in the README, so a slow hash
 * would guard nothing and cost 0.3 s a profile (30 s for the 300 masters
 * of a million clients). */
static char *
gen_pin_hash (const char  *pin,
              GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (sodium_init () < 0 ||
      crypto_pwhash_str (out, pin, strlen (pin), crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) != 0)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_FAILED,
                           _("The staff’s PINs could not be made: libsodium did not start."));
      return NULL;
    }
  return g_strdup (out);
}

/* Roles to try at once: the administrator at the desk (after everything
 * else, so that every other row and key is as before), and a profile for
 * everyone with the PINs of rg-generator.h. */
static gboolean
gen_write_profiles (Gen      *g,
                    RgStore  *store,
                    GError  **error)
{
  g_autoptr(RgStoreInsert) staff = NULL;
  g_autoptr(RgStoreInsert) profiles = NULL;
  gint64 admin_id;

  if (!g->options->profiles)
    return TRUE;

  admin_id = gen_new_id (g);
  if ((staff = rg_store_insert_new (store, "staff", 1, error)) == NULL)
    return FALSE;
  rg_store_insert_int (staff, "id", admin_id);
  rg_store_insert_text_static (staff, "display_name", g->admin_name);
  rg_store_insert_text_static (staff, "role", "administrator");
  rg_store_insert_text_static (staff, "color", "#865e3c");
  rg_store_insert_int (staff, "position", g->n_masters);
  rg_store_insert_int (staff, "created_at", g->staff_created_at);
  rg_store_insert_int (staff, "updated_at", g->staff_created_at);
  if (!rg_store_insert_row (staff, error) ||
      !rg_store_insert_finish (staff, error) ||
      (profiles = rg_store_insert_new (store, "profiles", g->n_masters + 1, error)) == NULL)
    return FALSE;

  for (guint m = 0; m <= g->n_masters; m++)
    {
      gboolean admin = m == g->n_masters;
      g_autofree char *pin = admin ? g_strdup (RG_GENERATOR_ADMINISTRATOR_PIN)
                           : m == 0 ? g_strdup (RG_GENERATOR_DIRECTOR_PIN)
                           : g_strdup_printf ("%u", RG_GENERATOR_MASTER_PIN_BASE + m);
      g_autofree char *hash = gen_pin_hash (pin, error);

      if (hash == NULL)
        return FALSE;
      rg_store_insert_int (profiles, "id", gen_new_id (g));
      rg_store_insert_int (profiles, "staff_id", admin ? admin_id : g->masters[m].id);
      rg_store_insert_text_static (profiles, "role", admin ? "administrator" : m == 0 ? "director" : "master");
      rg_store_insert_text (profiles, "pin_hash", hash);
      rg_store_insert_int (profiles, "failures", 0);
      rg_store_insert_int (profiles, "created_at", g->staff_created_at);
      rg_store_insert_int (profiles, "updated_at", g->staff_created_at);
      if (!rg_store_insert_row (profiles, error))
        return FALSE;
    }
  return rg_store_insert_finish (profiles, error);
}

static gboolean
gen_write (Gen      *g,
           RgStore  *store,
           GError  **error)
{
  gint64 tag_ids[N_TAGS];
  g_autofree char *country = g_strdup_printf ("%d", phone_country (g));

  /* The till first: the visits' prices are what was paid for them. */
  return rg_store_set_setting (store, "phone-country", country, error) &&
         gen_money_run (g, store, error) &&
         gen_write_staff (g, store, error) &&
         gen_write_services (g, store, error) &&
         gen_write_tags (g, store, tag_ids, error) &&
         gen_write_clients (g, store, tag_ids, error) &&
         gen_write_appointments (g, store, error) &&
         gen_write_ratings (g, store, error) &&
         gen_write_interactions (g, store, error) &&
         gen_write_surveys (g, store, error) &&
         gen_money_write (g, store, error) &&
         gen_write_profiles (g, store, error);
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
  options->profiles = TRUE;
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
      g_free (g->masters[m].rates);
    }
  for (guint s = 0; g->services && s < g->n_services; s++)
    g_free (g->services[s].name);

  g_free (g->masters);
  g_free (g->admin_name);
  g_free (g->services);
  g_free (g->off);
  g_free (g->day_base);
  g_free (g->weekday);
  g_free (g->buckets);
  g_clear_pointer (&g->money, gen_money_free);
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
      stats->staff = g->n_masters + (options->profiles ? 1 : 0);
      stats->services = g->n_services;
      stats->clients = g->clients->len;
      stats->appointments = g->appts->len;
      stats->ratings = g->ratings->len;
      stats->interactions = g->interactions->len;
      stats->complaints = g->complaints;
      gen_money_stats (g, &stats->sales, &stats->refunds);
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
