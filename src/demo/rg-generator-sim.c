/* rg-generator-sim.c — the studio day by day: clients and their queues,
 * calls, ratings and the calendar.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-demo"

#include "config.h"

#include <string.h>

#include "rg-generator-private.h"
#include "model/rg-enums.h"

/* Clients ---------------------------------------------------------------- */

/* What a new client of @master comes for, by the services' weights. */
static guint
gen_pick_service (Gen    *g,
                  Master *master)
{
  int total = 0, x;

  for (guint i = 0; i < master->services->len; i++)
    total += g->services[g_array_index (master->services, guint, i)].weight;

  if (total <= 0)
    return g_array_index (master->services, guint, rng_below (&g->rng, master->services->len));

  x = (int) rng_below (&g->rng, (guint) total);
  for (guint i = 0; i < master->services->len; i++)
    {
      guint s = g_array_index (master->services, guint, i);

      x -= g->services[s].weight;
      if (x < 0)
        return s;
    }

  return g_array_index (master->services, guint, 0);
}

static guint32
gen_new_client (Gen      *g,
                guint     m,
                guint     d,
                guint     service,
                gboolean  initial)
{
  static const double mix_new[N_LOYALTY] = { 0.36, 0.27, 0.27, 0.10 };
  static const double mix_initial[N_LOYALTY] = { 0.05, 0.25, 0.48, 0.22 };
  const Service *s = &g->services[service];
  double base = s->repeat_days > 0 ? s->repeat_days : 45;
  double interval;
  Client cl = { 0 };

  cl.id = gen_new_id (g);
  cl.link = NONE;
  cl.referrer = NONE;
  cl.first_day = (gint32) d;
  cl.master = (guint16) m;
  cl.service = (guint16) service;
  cl.loyalty = (guint8) rng_choose (&g->rng, initial ? mix_initial : mix_new, N_LOYALTY);

  interval = base * (0.8 + 0.7 * rng_double (&g->rng));
  if (cl.loyalty == LOYALTY_DEVOTED)
    interval *= 0.85;
  cl.interval = (guint16) CLAMP (interval, 7, 365);

  if (!initial && g->clients->len > 50 && rng_chance (&g->rng, 0.09))
    for (int tries = 0; tries < 4 && cl.referrer == NONE; tries++)
      {
        guint r = rng_below (&g->rng, g->clients->len);

        if (CLIENT (g, r)->visits > 0)
          cl.referrer = (gint32) r;
      }

  g_array_append_val (g->clients, cl);
  return g->clients->len - 1;
}

static void
bucket_push (Gen     *g,
             guint32  c,
             guint    day,
             int      plan)
{
  Client *cl = CLIENT (g, c);

  if (day >= g->n_days)
    {
      cl->state = STATE_IDLE;
      return;
    }

  cl->state = STATE_BUCKET;
  cl->plan = (guint8) plan;
  cl->link = g->buckets[day];
  g->buckets[day] = (gint32) c;
}

static void
queue_push (Gen     *g,
            gint32  *head,
            gint32  *tail,
            guint32  c,
            gboolean front)
{
  Client *cl = CLIENT (g, c);

  cl->state = STATE_QUEUE;
  g->n_waiting++;

  if (*head == NONE)
    {
      cl->link = NONE;
      *head = *tail = (gint32) c;
    }
  else if (front)
    {
      cl->link = *head;
      *head = (gint32) c;
    }
  else
    {
      cl->link = NONE;
      CLIENT (g, *tail)->link = (gint32) c;
      *tail = (gint32) c;
    }
}

static gint32
queue_pop (Gen    *g,
           gint32 *head,
           gint32 *tail)
{
  gint32 c = *head;

  if (c == NONE)
    return NONE;

  *head = CLIENT (g, c)->link;
  if (*head == NONE)
    *tail = NONE;
  CLIENT (g, c)->link = NONE;
  CLIENT (g, c)->state = STATE_IDLE;
  g->n_waiting--;

  return c;
}

static void
gen_enqueue (Gen     *g,
             guint32  c,
             guint    d,
             gboolean front,
             gboolean to_master)
{
  Client *cl = CLIENT (g, c);
  Master *master = &g->masters[cl->master];
  int category = g->services[cl->service].category;

  if (!front)
    cl->since = (gint32) d;

  if (to_master && master->offers[cl->service])
    {
      queue_push (g, &master->head, &master->tail, c, front);
    }
  else
    {
      queue_push (g, &g->cat_head[category], &g->cat_tail[category], c, front);
    }
}

/* A client stops coming. Some are called later (the call list), a few come
 * back by themselves after a long sleep. */
static void
gen_gone (Gen     *g,
          guint32  c,
          guint    d)
{
  Client *cl = CLIENT (g, c);

  cl->state = STATE_IDLE;
  if (rng_chance (&g->rng, 0.1))
    bucket_push (g, c, d + (guint) rng_range (&g->rng, 150, 600), PLAN_VISIT);
  else if (rng_chance (&g->rng, 0.3))
    bucket_push (g, c, d + (guint) (cl->interval * (1.3 + 1.2 * rng_double (&g->rng))), PLAN_CALL);
}

/* Clients waiting too long for their master try anybody; waiting too long
 * for anybody, some give up. */
static void
gen_age_queues (Gen   *g,
                guint  d)
{
  for (guint m = 0; m < g->n_masters; m++)
    {
      Master *master = &g->masters[m];

      while (master->head != NONE && d - (guint) CLIENT (g, master->head)->since > 7)
        {
          guint32 c = (guint32) queue_pop (g, &master->head, &master->tail);

          gen_enqueue (g, c, d, FALSE, FALSE);
        }
    }

  for (int cat = 0; cat < N_CATEGORIES; cat++)
    while (g->cat_head[cat] != NONE && d - (guint) CLIENT (g, g->cat_head[cat])->since > 21)
      {
        guint32 c = (guint32) queue_pop (g, &g->cat_head[cat], &g->cat_tail[cat]);

        if (CLIENT (g, c)->visits > 0 && rng_chance (&g->rng, 0.5))
          gen_gone (g, c, d);
        else
          bucket_push (g, c, d + (guint) rng_range (&g->rng, 7, 30), PLAN_VISIT);
      }
}

static gint32
gen_pop_waiting (Gen    *g,
                 guint   m,
                 guint8 *from_master)
{
  Master *master = &g->masters[m];
  guint start = rng_below (&g->rng, N_CATEGORIES);

  if (master->head != NONE)
    {
      *from_master = 1;
      return queue_pop (g, &master->head, &master->tail);
    }

  *from_master = 0;
  for (guint k = 0; k < N_CATEGORIES; k++)
    {
      guint cat = (start + k) % N_CATEGORIES;
      gint32 prev = NONE;
      gint32 c = g->cat_head[cat];

      if (!(master->categories & (1u << cat)))
        continue;

      /* The first few in line whose service this master does. */
      for (int scanned = 0; c != NONE && scanned < 16; scanned++)
        {
          Client *cl = CLIENT (g, c);

          if (master->offers[cl->service])
            {
              if (prev == NONE)
                return queue_pop (g, &g->cat_head[cat], &g->cat_tail[cat]);

              CLIENT (g, prev)->link = cl->link;
              if (g->cat_tail[cat] == c)
                g->cat_tail[cat] = prev;
              cl->link = NONE;
              cl->state = STATE_IDLE;
              g->n_waiting--;
              return c;
            }

          prev = c;
          c = cl->link;
        }
    }

  return NONE;
}

/* Interactions ----------------------------------------------------------- */

static void
gen_add_interaction (Gen        *g,
                     guint8      kind,
                     guint32     c,
                     gint32      appt,
                     gint32      master,
                     const char *body,
                     guint8      outcome,
                     gint64      occurred_at,
                     gint64      due_at,
                     gint64      done_at)
{
  Interaction it;

  it.occurred_at = occurred_at;
  it.due_at = due_at;
  it.done_at = done_at;
  it.client = (gint32) c;
  it.appt = appt;
  it.master = master;
  it.body = body;
  it.kind = kind;
  it.outcome = outcome;
  g_array_append_val (g->interactions, it);
}

/* A call from the studio to a client who has not come back. */
static void
gen_call (Gen     *g,
          guint32  c,
          guint    d)
{
  static const double outcomes[] = { 0.30, 0.20, 0.20, 0.30 };
  Client *cl = CLIENT (g, c);
  gint64 at = gen_time (g, d, rng_range (&g->rng, 10 * 60, 19 * 60));
  gint32 staff = rng_chance (&g->rng, 0.5) ? cl->master : NONE;
  guint which;

  cl->state = STATE_IDLE;
  if (d > g->today)
    return;
  if (at > g->now)
    at = g->now - rng_range (&g->rng, 5, 120) * 60;

  which = rng_choose (&g->rng, outcomes, G_N_ELEMENTS (outcomes));
  gen_add_interaction (g, RG_INTERACTION_CALL, c, NONE, staff,
                       rng_pick (&g->rng, &g->lang->calls[which]), (guint8) (OUTCOME_BOOKED + which),
                       at, 0, 0);

  switch (OUTCOME_BOOKED + which)
    {
    case OUTCOME_BOOKED:
      bucket_push (g, c, d + (guint) rng_range (&g->rng, 1, 7), PLAN_VISIT);
      break;

    case OUTCOME_CALL_BACK:
      {
        guint later = (guint) rng_range (&g->rng, 1, 4);
        gint64 due = gen_time (g, d + later, rng_range (&g->rng, 11 * 4, 18 * 4) * 15);
        gint64 done = due + rng_range (&g->rng, 0, 180) * 60;

        gen_add_interaction (g, RG_INTERACTION_TASK, c, NONE, staff,
                             g->lang->tasks.items[rng_below (&g->rng, 2)], OUTCOME_NONE,
                             at, due, done <= g->now ? done : 0);
        if (rng_chance (&g->rng, 0.5))
          bucket_push (g, c, d + later + (guint) rng_range (&g->rng, 0, 5), PLAN_VISIT);
      }
      break;

    case OUTCOME_NO_ANSWER:
      if (rng_chance (&g->rng, 0.4))
        bucket_push (g, c, d + (guint) rng_range (&g->rng, 2, 7), PLAN_CALL);
      break;

    default:
      break;
    }
}

/* Ratings ---------------------------------------------------------------- */

static int
gen_draw_score (Gen *g,
                int  quality)
{
  static const double scores[3][5] = {
    { 0.06, 0.07, 0.12, 0.30, 0.45 },   /* 1..5, a weaker master */
    { 0.03, 0.035, 0.075, 0.25, 0.61 },
    { 0.01, 0.02, 0.05, 0.22, 0.70 },
  };

  return 1 + (int) rng_choose (&g->rng, scores[quality + 1], 5);
}

static int
gen_draw_nps (Gen *g,
              int  score)
{
  switch (score)
    {
    case 5: return rng_chance (&g->rng, 0.9) ? rng_range (&g->rng, 9, 10) : rng_range (&g->rng, 7, 8);
    case 4: return rng_chance (&g->rng, 0.3) ? rng_range (&g->rng, 9, 10) : rng_range (&g->rng, 6, 8);
    case 3: return rng_range (&g->rng, 4, 7);
    case 2: return rng_range (&g->rng, 1, 5);
    default: return rng_range (&g->rng, 0, 3);
    }
}

/* Returns the score, 0 if the client did not rate the visit. */
static int
gen_rate (Gen    *g,
          guint   appt,
          gint64  ends)
{
  const Appt *a = APPT (g, appt);
  static const double delays[] = { 0.6, 0.3, 0.1 };
  Rating r;
  gint64 at;
  int score;

  if (!rng_chance (&g->rng, 0.3))
    return 0;

  score = gen_draw_score (g, g->masters[a->master].quality);
  switch (rng_choose (&g->rng, delays, G_N_ELEMENTS (delays)))
    {
    case 0: at = ends + rng_range (&g->rng, 10, 120) * 60; break;
    case 1: at = ends + rng_range (&g->rng, 120, 30 * 60) * 60; break;
    default: at = ends + rng_range (&g->rng, 30 * 60, 72 * 60) * 60; break;
    }

  r.rated_at = at;
  r.appt = (gint32) appt;
  r.score = (gint8) score;
  r.nps = (gint8) (rng_chance (&g->rng, 0.5) ? gen_draw_nps (g, score) : -1);
  r.why = NONE;
  if (rng_chance (&g->rng, score <= 2 ? 0.75 : 0.4))
    {
      int band = score <= 2 ? 0 : score - 2;

      r.why = (gint16) rng_pick_index (&g->rng, &g->lang->why[band]);
    }

  if (at > g->now)
    return score;   /* not rated yet; the client's mood still counts */

  g_array_append_val (g->ratings, r);

  if (score <= 2 && rng_chance (&g->rng, score == 1 ? 0.35 : 0.15))
    {
      gint64 occurred = at + rng_range (&g->rng, 30, 24 * 60) * 60;
      gboolean old = occurred < g->now - 30 * SECONDS_PER_DAY;
      guint8 outcome;
      gint64 done = 0;
      const char *body;

      if (occurred > g->now)
        occurred = at;

      if (old)
        outcome = rng_chance (&g->rng, 0.8) ? OUTCOME_RESOLVED : OUTCOME_ESCALATED;
      else
        outcome = rng_chance (&g->rng, 0.5) ? OUTCOME_OPEN
                : rng_chance (&g->rng, 0.7) ? OUTCOME_RESOLVED : OUTCOME_ESCALATED;

      if (outcome == OUTCOME_RESOLVED)
        {
          done = occurred + rng_range (&g->rng, 2, 7 * 24) * 3600;
          if (done > g->now)
            {
              outcome = OUTCOME_OPEN;
              done = 0;
            }
        }

      body = r.why != NONE && rng_chance (&g->rng, 0.6)
           ? g->lang->why[0].items[r.why]
           : rng_pick (&g->rng, &g->lang->complaints);
      gen_add_interaction (g, RG_INTERACTION_COMPLAINT, (guint32) a->client, (gint32) appt,
                           a->master, body, outcome, occurred, 0, done);
      g->complaints++;
    }

  return score;
}

/* What a client does after an appointment. */
static void
gen_after_appointment (Gen   *g,
                       guint  appt,
                       guint  d)
{
  static const double churn[N_LOYALTY] = { 0.8, 0.3, 0.05, 0.012 };
  Appt *a = APPT (g, appt);
  guint32 c = (guint32) a->client;
  Client *cl = CLIENT (g, c);
  gint64 ends = a->starts_at + (gint64) a->minutes * 60;
  double factor = 1.0, p;
  int score = 0;

  if (a->status == RG_APPOINTMENT_CANCELLED)
    {
      bucket_push (g, c, d + (guint) rng_range (&g->rng, 2, 12), PLAN_VISIT);
      return;
    }

  cl->last_end = ends;

  if (a->status == RG_APPOINTMENT_NO_SHOW)
    {
      if (rng_chance (&g->rng, 0.5))
        {
          bucket_push (g, c, d + (guint) rng_range (&g->rng, 3, 14), PLAN_VISIT);
          return;
        }
      factor = 1.5;
    }
  else
    {
      cl->visits++;
      if (cl->loyalty == LOYALTY_TRIAL && cl->visits >= 2)
        cl->loyalty = LOYALTY_OCCASIONAL;
    }

  if (a->status == RG_APPOINTMENT_DONE)
    {
      cl->spent += a->price[0] + (a->n_services > 1 ? a->price[1] : 0);
      score = gen_rate (g, appt, ends);
      a = APPT (g, appt);

      if (rng_chance (&g->rng, 0.012) && ends + 600 <= g->now)
        gen_add_interaction (g, RG_INTERACTION_NOTE, c, (gint32) appt, a->master,
                             rng_pick (&g->rng, &g->lang->visit_notes), OUTCOME_NONE,
                             ends + rng_range (&g->rng, 1, 10) * 60, 0, 0);
    }

  if (score == 1)
    factor *= 5;
  else if (score == 2)
    factor *= 3;
  else if (score == 3)
    factor *= 1.5;

  p = churn[cl->loyalty] * factor * (cl->loyalty == LOYALTY_TRIAL ? 1.0 : g->churn_scale);
  if (rng_chance (&g->rng, MIN (p, 0.97)))
    gen_gone (g, c, d);
  else
    bucket_push (g, c, d + (guint) (cl->interval * (0.8 + 0.45 * rng_double (&g->rng)) + 0.5),
                 PLAN_VISIT);
}

/* The calendar ------------------------------------------------------------ */

#define MAX_BOOKINGS       48          /* per master and day */

/* One slot of a master's day while it is being planned. */
typedef struct {
  gint32  client;             /* NONE: a new client */
  guint16 service[2];
  guint16 minutes[2];
  guint8  n_services;
  guint8  from_master_queue;
  int     total;
  int     start;
} Booking;

/* A price the way it was at @when: a few percent a year cheaper in the past,
 * rounded the way a price list is. */
static gint32
gen_price_at (Gen    *g,
              guint   service,
              gint64  when)
{
  double years = (double) (g->now - when) / SECONDS_PER_YEAR;
  double factor = MAX (0.35, 1.0 - 0.06 * MAX (0.0, years));
  gint64 unit = g->lang->price_unit;
  gint64 price = (gint64) (g->services[service].price * factor / unit + 0.5) * unit;

  return (gint32) MAX (unit, price);
}

/* Whether @service suits client @c: a women's haircut is not for a man,
 * nor a men's for a woman. A new client (NONE) is who their first service
 * makes them, so a haircut added to it is left out. */
static gboolean
gen_suits (Gen    *g,
           gint32  c,
           guint   service)
{
  if (service != SERVICE_WOMENS_HAIRCUT && service != SERVICE_MENS_HAIRCUT)
    return TRUE;
  if (c == NONE)
    return FALSE;
  return gen_client_female (g, (guint) c) == (service == SERVICE_WOMENS_HAIRCUT);
}

static void
gen_choose_services (Gen     *g,
                     guint    m,
                     gint32   c,
                     Booking *b)
{
  Master *master = &g->masters[m];
  guint main;
  int addon;

  if (c == NONE || rng_chance (&g->rng, 0.08))
    main = gen_pick_service (g, master);
  else
    main = CLIENT (g, c)->service;

  /* Trying something else, a man is not booked for a women's haircut, nor
   * a woman for a men's one. */
  if (c != NONE && !gen_suits (g, c, main))
    main = CLIENT (g, c)->service;

  b->service[0] = (guint16) main;
  b->minutes[0] = (guint16) (g->services[main].minutes + (rng_chance (&g->rng, 0.05) ? 15 : 0));
  b->n_services = 1;

  addon = g->services[main].addon;
  if (addon != NONE && (master->categories & (1u << g->services[addon].category)) &&
      rng_chance (&g->rng, 0.12) && gen_suits (g, c, (guint) addon))
    {
      b->service[1] = (guint16) addon;
      b->minutes[1] = (guint16) g->services[addon].minutes;
      b->n_services = 2;
    }
  else if (rng_chance (&g->rng, 0.03))
    {
      guint other = gen_pick_service (g, master);

      if (other != main && gen_suits (g, c, other))
        {
          b->service[1] = (guint16) other;
          b->minutes[1] = (guint16) g->services[other].minutes;
          b->n_services = 2;
        }
    }

  b->total = b->minutes[0] + (b->n_services > 1 ? b->minutes[1] : 0);
}

/* Lays the day's bookings out in the master's working spans, in a random
 * order with free quarters of an hour scattered between them. Returns how
 * many fitted; the others are left at the end of @b. */
static guint
gen_place (Gen     *g,
           Master  *master,
           int      wd,
           Booking *b,
           guint    n)
{
  guint next = 0;

  for (guint i = n; i > 1; i--)
    {
      guint j = rng_below (&g->rng, i);
      Booking tmp = b[i - 1];

      b[i - 1] = b[j];
      b[j] = tmp;
    }

  for (int s = 0; s < master->n_spans[wd] && next < n; s++)
    {
      const Span *span = &master->spans[wd][s];
      int len = span->end - span->start;
      int gaps[MAX_BOOKINGS + 1] = { 0 };
      guint first = next, k;
      int sum = 0, t;

      while (next < n && sum + b[next].total <= len)
        sum += b[next++].total;

      k = next - first;
      for (int u = (len - sum) / 15; u > 0; u--)
        gaps[rng_below (&g->rng, k + 1)] += 15;

      t = span->start;
      for (guint i = 0; i < k; i++)
        {
          t += gaps[i];
          b[first + i].start = t;
          t += b[first + i].total;
        }
    }

  return next;
}

static void
gen_emit (Gen           *g,
          guint          m,
          guint          d,
          const Booking *b,
          gboolean       cancelled)
{
  static const double leads[] = { 0.10, 0.20, 0.15, 0.10, 0.25, 0.20 };
  gint64 starts = gen_time (g, d, b->start);
  gint64 ends = starts + (gint64) b->total * 60;
  guint32 c = b->client == NONE ? gen_new_client (g, m, d, b->service[0], FALSE) : (guint32) b->client;
  Client *cl = CLIENT (g, c);
  gint64 created, updated;
  Appt a = { 0 };
  double r = rng_double (&g->rng);

  a.id = gen_new_id (g);
  a.starts_at = starts;
  a.client = (gint32) c;
  a.master = (guint16) m;
  a.minutes = (guint16) b->total;
  a.n_services = b->n_services;
  a.note = NONE;
  for (guint i = 0; i < b->n_services; i++)
    {
      a.service[i] = b->service[i];
      a.service_minutes[i] = b->minutes[i];
      a.price[i] = gen_price_at (g, b->service[i], starts);
    }

  /* When it was booked. */
  if (cl->last_end > 0 && cl->last_end < starts && rng_chance (&g->rng, 0.3))
    created = cl->last_end + rng_range (&g->rng, 1, 15) * 60;          /* at check-out */
  else if (b->client == NONE && rng_chance (&g->rng, 0.12))
    created = starts - rng_range (&g->rng, 5, 40) * 60;                /* walked in */
  else
    {
      static const int lead_days[][2] = { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 7 }, { 8, 14 } };
      guint which = rng_choose (&g->rng, leads, G_N_ELEMENTS (leads));
      int days = rng_range (&g->rng, lead_days[which][0], lead_days[which][1]);

      created = g->day_base[d] - (gint64) days * SECONDS_PER_DAY + rng_range (&g->rng, 9 * 60, 21 * 60) * 60;
      if (created >= starts)
        created = starts - rng_range (&g->rng, 20, 180) * 60;
    }
  if (created > g->now)
    created = g->now - rng_range (&g->rng, 5, 3 * 24 * 60) * 60;

  /* What became of it. */
  if (cancelled)
    a.status = RG_APPOINTMENT_CANCELLED;
  else if (ends <= g->now)
    {
      if (d == g->today)
        a.status = r < 0.03 ? RG_APPOINTMENT_NO_SHOW
                 : r < 0.08 ? RG_APPOINTMENT_ARRIVED     /* not checked out yet */
                 : RG_APPOINTMENT_DONE;
      else
        a.status = r < 0.032 ? RG_APPOINTMENT_NO_SHOW : RG_APPOINTMENT_DONE;
    }
  else if (starts <= g->now)
    a.status = RG_APPOINTMENT_ARRIVED;
  else
    {
      double days_ahead = (double) (starts - g->now) / SECONDS_PER_DAY;
      double confirmed = days_ahead < 1 ? 0.8 : days_ahead < 3 ? 0.55 : 0.15;

      a.status = r < confirmed ? RG_APPOINTMENT_CONFIRMED : RG_APPOINTMENT_BOOKED;
    }

  switch (a.status)
    {
    case RG_APPOINTMENT_DONE:
      updated = ends + rng_range (&g->rng, 0, 20) * 60;
      break;
    case RG_APPOINTMENT_NO_SHOW:
      updated = starts + rng_range (&g->rng, 15, 60) * 60;
      break;
    case RG_APPOINTMENT_ARRIVED:
      updated = starts - rng_range (&g->rng, 0, 10) * 60;
      break;
    case RG_APPOINTMENT_CANCELLED:
      updated = created + (gint64) ((starts - created) * 0.95 * rng_double (&g->rng));
      break;
    case RG_APPOINTMENT_CONFIRMED:
      updated = starts - SECONDS_PER_DAY - rng_range (&g->rng, 0, 6 * 60) * 60;
      break;
    default:
      updated = created;
      break;
    }
  updated = CLAMP (updated, created, MAX (created, g->now));

  a.created_at = created;
  a.updated_at = updated;
  if (rng_chance (&g->rng, b->client == NONE ? 0.08 : 0.03))
    a.note = (gint16) rng_pick_index (&g->rng, &g->lang->appt_notes);

  if (cl->created_at == 0 || created < cl->created_at)
    cl->created_at = created;

  /* Served by somebody else than their master: some stay with the new one. */
  if (b->client != NONE && !b->from_master_queue && cl->master != m && rng_chance (&g->rng, 0.3))
    cl->master = (guint16) m;

  g_array_append_val (g->appts, a);
  gen_after_appointment (g, g->appts->len - 1, d);
}

static void
gen_push_back (Gen     *g,
               guint32  c,
               guint    d,
               gboolean from_master)
{
  gen_enqueue (g, c, d, TRUE, from_master);
}

/* A client of @m who would be due within a week, taken out of their day. */
static gint32
gen_pop_due_soon (Gen   *g,
                  guint  m,
                  guint  d)
{
  for (guint day = d + 1; day < MIN (d + 8, g->n_days); day++)
    {
      gint32 prev = NONE;

      for (gint32 c = g->buckets[day]; c != NONE; prev = c, c = CLIENT (g, c)->link)
        {
          Client *cl = CLIENT (g, c);

          if (cl->plan != PLAN_VISIT || cl->master != m)
            continue;

          if (prev == NONE)
            g->buckets[day] = cl->link;
          else
            CLIENT (g, prev)->link = cl->link;
          cl->link = NONE;
          cl->state = STATE_IDLE;
          return c;
        }
    }

  return NONE;
}

/* Fills one master's working day; returns the new clients it took. */
static guint
gen_plan_master_day (Gen    *g,
                     guint   m,
                     guint   d,
                     double  new_share,
                     int    *open_out,
                     int    *booked_out,
                     guint  *n_out)
{
  Master *master = &g->masters[m];
  int wd = g->weekday[d];
  Booking bookings[MAX_BOOKINGS];
  Booking misfits[12];
  guint n = 0, n_misfits = 0, n_new, placed, new_placed = 0;
  int open = 0, used = 0, booked = 0, target;
  double f;

  if (master->n_spans[wd] == 0 || g->off[m * g->n_days + d] != OFF_WORKS)
    return 0;

  for (int s = 0; s < master->n_spans[wd]; s++)
    open += master->spans[wd][s].end - master->spans[wd][s].start;

  f = g->level == 2 ? 0.88 + 0.12 * rng_double (&g->rng) : 0.74 + 0.24 * rng_double (&g->rng);
  if (wd == G_DATE_FRIDAY || wd == G_DATE_SATURDAY)
    f += 0.03;
  if (d > g->today)
    f *= 1.0 - 0.85 * (d - g->today) / (g->options->future_days + 1.0);
  target = (int) (open * MIN (f, 1.0));

  n_new = (guint) new_share;
  if (rng_chance (&g->rng, new_share - n_new))
    n_new++;

  /* Whoever is waiting, as long as they fit; a few who do not are set
   * aside for another day rather than ending the planning. */
  while (n < MAX_BOOKINGS && n_misfits < G_N_ELEMENTS (misfits))
    {
      Booking *b = &bookings[n];
      gboolean is_new = FALSE;
      gint32 c = NONE;

      b->from_master_queue = 0;
      if (n_new > 0 && rng_chance (&g->rng, g->new_first))
        is_new = TRUE;
      else if ((c = gen_pop_waiting (g, m, &b->from_master_queue)) == NONE)
        {
          if (n_new == 0)
            break;
          is_new = TRUE;
        }

      gen_choose_services (g, m, c, b);
      b->client = c;
      if (used + b->total > target)
        {
          misfits[n_misfits++] = *b;
          continue;
        }

      if (is_new)
        n_new--;
      used += b->total;
      n++;
    }

  placed = gen_place (g, master, wd, bookings, n);
  for (guint i = 0; i < placed; i++)
    {
      if (bookings[i].client == NONE)
        new_placed++;
      booked += bookings[i].total;
      gen_emit (g, m, d, &bookings[i], FALSE);

      /* Somebody had this time first and cancelled in advance; the slot was
       * given to the client who came. */
      if (rng_chance (&g->rng, d < g->today ? 0.066 : 0.03))
        {
          Booking cancelled = bookings[i];

          cancelled.client = gen_pop_waiting (g, m, &cancelled.from_master_queue);
          if (cancelled.client == NONE)
            cancelled.client = gen_pop_due_soon (g, m, d);
          if (cancelled.client != NONE)
            {
              /* What they wanted, if it fitted the slot. */
              gen_choose_services (g, m, cancelled.client, &cancelled);
              if (cancelled.total > bookings[i].total)
                {
                  memcpy (cancelled.service, bookings[i].service, sizeof cancelled.service);
                  memcpy (cancelled.minutes, bookings[i].minutes, sizeof cancelled.minutes);
                  cancelled.n_services = bookings[i].n_services;
                  cancelled.total = bookings[i].total;
                }
              if (gen_suits (g, cancelled.client, cancelled.service[0]) &&
                  (cancelled.n_services < 2 || gen_suits (g, cancelled.client, cancelled.service[1])))
                gen_emit (g, m, d, &cancelled, TRUE);
            }
        }
    }

  for (guint i = placed; i < n; i++)
    if (bookings[i].client != NONE)
      gen_push_back (g, (guint32) bookings[i].client, d, bookings[i].from_master_queue);
  for (guint i = n_misfits; i-- > 0;)
    if (misfits[i].client != NONE)
      gen_push_back (g, (guint32) misfits[i].client, d, misfits[i].from_master_queue);

  *open_out += open;
  *booked_out += booked;
  *n_out += placed;
  return new_placed;
}

/* Keeps the calendar about as full as a good studio's: when clients pile up
 * waiting (or new ones find no slot) regulars drift away a little faster;
 * when the masters stand idle, they stay a little longer. */
static void
gen_steer (Gen    *g,
           int     open,
           int     booked,
           guint   bookings,
           double  quota)
{
  double backlog;

  if (open > 0)
    g->fill = 0.93 * g->fill + 0.07 * (double) booked / open;
  g->per_day = 0.93 * g->per_day + 0.07 * bookings;
  backlog = g->n_waiting / MAX (1.0, g->per_day);

  if (g->new_budget > 2.0 * quota + 3.0 || backlog > 4.0)
    g->churn_scale = MIN (6.0, g->churn_scale * 1.02);
  else if (g->fill < 0.84)
    g->churn_scale = MAX (0.05, g->churn_scale * 0.98);
}

void
gen_simulate (Gen *g)
{
  guint n_initial;
  double per_day = 0, weight_left = 0;
  g_autofree int *open = g_new0 (int, g->n_masters);
  g_autofree double *weights = g_new0 (double, g->n_days);
  g_autofree double *left = g_new0 (double, g->n_days);   /* arrival weights from each day on */

  g->buckets = g_new (gint32, g->n_days);
  for (guint d = 0; d < g->n_days; d++)
    g->buckets[d] = NONE;
  for (int cat = 0; cat < N_CATEGORIES; cat++)
    g->cat_head[cat] = g->cat_tail[cat] = NONE;

  /* The studio did not open yesterday: it starts with a base of clients,
   * about as many as its masters keep busy. */
  for (guint m = 0; m < g->n_masters; m++)
    for (int wd = 1; wd <= 7; wd++)
      for (int s = 0; s < g->masters[m].n_spans[wd]; s++)
        per_day += (g->masters[m].spans[wd][s].end - g->masters[m].spans[wd][s].start) / 7.0;
  per_day = per_day * 0.85 / 65.0;
  n_initial = (guint) MIN (g->options->n_clients * 0.35, per_day * 28.0);
  g->target_new = g->options->n_clients - n_initial;
  g->fill = 0.85;
  g->per_day = per_day;
  g->churn_scale = 1.0;

  for (guint i = 0; i < n_initial; i++)
    {
      guint m = rng_below (&g->rng, g->n_masters);
      guint32 c = gen_new_client (g, m, 0, gen_pick_service (g, &g->masters[m]), TRUE);

      bucket_push (g, c, rng_below (&g->rng, CLIENT (g, c)->interval), PLAN_VISIT);
    }

  /* New clients arrive evenly; fewer book ahead into the future. */
  for (guint d = g->n_days; d-- > 0;)
    {
      weights[d] = d <= g->today ? 1.0 : 0.3;
      weight_left += weights[d];
      left[d] = weight_left;
    }

  for (guint d = 0; d < g->n_days; d++)
    {
      double owed = (double) g->target_new - g->n_new - g->new_budget;
      double quota = owed > 0 ? owed * weights[d] / left[d] : 0;
      int day_open = 0, day_booked = 0;
      double total_slots = 0;
      guint day_bookings = 0;
      gint32 c = g->buckets[d];

      g->buckets[d] = NONE;
      while (c != NONE)
        {
          gint32 next = CLIENT (g, c)->link;

          if (CLIENT (g, c)->plan == PLAN_CALL)
            gen_call (g, (guint32) c, d);
          else
            gen_enqueue (g, (guint32) c, d, FALSE, rng_chance (&g->rng, 0.85));
          c = next;
        }

      gen_age_queues (g, d);
      g->new_budget += quota;
      g->new_first = g->new_budget > 2.0 * quota + 3.0 ? 0.9 : 0.5;

      /* New clients go where there is room: by how many bookings each
       * master on duty can take. */
      for (guint m = 0; m < g->n_masters; m++)
        {
          const Master *master = &g->masters[m];
          int wd = g->weekday[d];

          open[m] = 0;
          if (g->off[m * g->n_days + d] == OFF_WORKS)
            for (int s = 0; s < master->n_spans[wd]; s++)
              open[m] += master->spans[wd][s].end - master->spans[wd][s].start;
          total_slots += open[m] / master->per_booking;
        }

      for (guint k = 0; k < g->n_masters; k++)
        {
          guint m = (d + k) % g->n_masters;
          double share = total_slots > 0 ? g->new_budget * open[m] / g->masters[m].per_booking / total_slots : 0;
          guint taken;

          if (open[m] == 0)
            continue;
          taken = gen_plan_master_day (g, m, d, share, &day_open, &day_booked, &day_bookings);
          g->n_new += taken;
          g->new_budget = MAX (0.0, g->new_budget - taken);
        }

      if (d <= g->today)
        {
          g->open_minutes += day_open;
          g->booked_minutes += day_booked;
          gen_steer (g, day_open, day_booked, day_bookings, quota);
        }
    }

  /* When the masters could not take everybody (many clients, a short
   * history), the others booked once and cancelled: they are in the base
   * but never came. */
  for (guint tries = 0; g->n_new < g->target_new && tries < 100 * g->target_new; tries++)
    {
      guint d = rng_below (&g->rng, g->today + 1);
      guint m = rng_below (&g->rng, g->n_masters);
      const Master *master = &g->masters[m];
      int wd = g->weekday[d];
      const Span *span;
      Booking b = { 0 };

      if (master->n_spans[wd] == 0 || g->off[m * g->n_days + d] != OFF_WORKS)
        continue;

      span = &master->spans[wd][rng_below (&g->rng, (guint) master->n_spans[wd])];
      gen_choose_services (g, m, NONE, &b);
      if (b.total > span->end - span->start || gen_time (g, d, span->end) > g->now)
        continue;

      b.client = NONE;
      b.start = span->start + 15 * (int) rng_below (&g->rng, (guint) (span->end - span->start - b.total) / 15 + 1);
      gen_emit (g, m, d, &b, TRUE);
      g->n_new++;
    }

  /* A few open tasks for the coming days, and one that is overdue. */
  for (guint i = 0, n = 3 + g->n_masters / 2; i < n && g->clients->len > 0; i++)
    {
      guint32 c = rng_below (&g->rng, g->clients->len);
      const Client *cl = CLIENT (g, c);
      guint day = g->today + (i == 0 ? 0 : (guint) rng_range (&g->rng, 1, 5));
      gint64 due = gen_time (g, day, rng_range (&g->rng, 10 * 4, 18 * 4) * 15);
      gint64 occurred = g->now - rng_range (&g->rng, 60, 3 * 24 * 60) * 60;

      if (i == 0)
        due = g->day_base[g->today] - SECONDS_PER_DAY + 11 * 3600;
      gen_add_interaction (g, RG_INTERACTION_TASK, c, NONE, cl->master,
                           rng_pick (&g->rng, &g->lang->tasks), OUTCOME_NONE,
                           MIN (occurred, due), due, 0);
    }

  g_debug ("Simulated %u days: %u clients, %u appointments, %.0f%% of working time booked, "
           "churn scale %.2f, %u waiting",
           g->n_days, g->clients->len, g->appts->len,
           g->open_minutes ? 100.0 * g->booked_minutes / g->open_minutes : 0.0,
           g->churn_scale, g->n_waiting);
}
