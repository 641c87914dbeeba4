/* rg-generator-private.h — what the pieces of the generator share: the state
 * of a run, the random streams, the tables of each language.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rg-generator.h"
#include "store/rg-store.h"

G_BEGIN_DECLS

#define DEFAULT_SERVICES   25
#define MAX_CLIENTS        10000000
#define MAX_YEARS          30
#define MAX_STAFF          1000
#define MAX_SERVICES       500
#define MAX_FUTURE_DAYS    366
#define SECONDS_PER_DAY    86400
#define SECONDS_PER_YEAR   31557600.0
#define NONE               (-1)

/* Text: the tables are in rg-generator-data.c ---------------------------- */

typedef struct {
  const char * const *items;
  guint               n;
} Pool;

typedef struct {
  const char *name;
  const char *nick;           /* what friends call them; NULL: the name */
} FirstName;

typedef struct {
  const char *male;
  const char *female;
} Patronymic;

enum {
  CAT_HAIR,
  CAT_NAILS,
  CAT_BROWS,
  CAT_COSMETOLOGY,
  CAT_MASSAGE,
  CAT_SPA,
  N_CATEGORIES
};

typedef struct {
  int         category;
  const char *name_ru;
  const char *name_en;
  int         minutes;
  int         price_ru;       /* roubles */
  int         price_en;       /* pence */
  int         repeat_days;    /* 0: no recommended interval */
  int         weight;         /* how often a new client comes for it */
  int         addon;          /* a service often added to it, or NONE */
} ServiceDef;

#define N_PRODUCTS 13
#define N_PROMOTION_DEFS 8

typedef struct {
  guint       categories;     /* bits of CAT_*: the visits it sells at; 0: any */
  const char *name_ru;
  const char *name_en;
  int         price_ru;       /* roubles */
  int         price_en;       /* pence */
  int         cost;           /* basis points of the price */
  int         commission;     /* the master's, basis points */
} ProductDef;

typedef struct {
  int         category;       /* the services it covers; NONE: a few products */
  gboolean    all;            /* every service and every product */
  const char *name_ru;
  const char *name_en;
  int         percent;        /* basis points */
} PromotionDef;

/* Positions in gen_service_defs. */
#define SERVICE_WOMENS_HAIRCUT 0
#define SERVICE_MENS_HAIRCUT 1
#define SERVICE_KIDS_HAIRCUT 5

/* Positions in a language's tags. */
enum { TAG_VIP, TAG_ALLERGY, TAG_STUDENT, TAG_REGULAR, TAG_MORNINGS, TAG_PENSIONER, TAG_BLOGGER, TAG_BRIDE, N_TAGS };

typedef struct {
  const FirstName   *female;
  guint              n_female;
  const FirstName   *male;
  guint              n_male;
  const char * const *surnames;
  guint              n_surnames;
  const Patronymic  *patronymics;     /* NULL: the language has none */
  guint              n_patronymics;
  gboolean           russian;
  const char * const *category_names;
  Pool               sources;
  const char        *referral_source;
  Pool               call_times;
  Pool               preferences;
  Pool               client_notes;
  Pool               medical;
  Pool               appt_notes;
  Pool               why[4];          /* 1–2, 3, 4, 5 */
  Pool               complaints;
  Pool               wanted;          /* the questionnaire: services wished for */
  Pool               remarks;
  Pool               refusal[3];      /* the service, the staff, what irritated */
  Pool               calls[4];        /* booked, call back, not interested, no answer */
  Pool               tasks;
  Pool               visit_notes;
  const char * const *tags;
  Pool               email_domains;
  const int         *mobile_codes;    /* after +7; NULL: British numbers */
  guint              n_mobile_codes;
  const char        *vacation;
  const char        *sick;
  const char        *training;
  const char        *holiday;         /* 1 January */
  const char        *holiday2;        /* 25 December, or NULL */
  int                price_unit;      /* prices round to this many minor units */
  Pool               one_off_reasons; /* why the desk gave a discount */
  Pool               refund_reasons[2]; /* products brought back, services taken back */
  const char        *delivery;        /* a stock move's note: goods received */
} Lang;

extern const ServiceDef gen_service_defs[DEFAULT_SERVICES];
extern const ProductDef gen_product_defs[N_PRODUCTS];
extern const PromotionDef gen_promotion_defs[N_PROMOTION_DEFS];
extern const Lang       gen_lang_ru;
extern const Lang       gen_lang_en;

/* Randomness --------------------------------------------------------------
 *
 * Inline: these run for every decision of the simulation, in all the pieces. */

typedef struct {
  guint64 s[4];
} Rng;

static inline guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline void
rng_seed (Rng     *rng,
          guint64  seed)
{
  for (guint i = 0; i < G_N_ELEMENTS (rng->s); i++)
    rng->s[i] = splitmix64 (&seed);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/* xoshiro256** (Blackman and Vigna) */
static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* 0 ≤ result < n */
static inline guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* lo ≤ result ≤ hi */
static inline int
rng_range (Rng *rng,
           int  lo,
           int  hi)
{
  return lo + (int) rng_below (rng, (guint) (hi - lo + 1));
}

/* 0 ≤ result < 1 */
static inline double
rng_double (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static inline gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

static inline guint
rng_pick_index (Rng        *rng,
                const Pool *pool)
{
  return rng_below (rng, pool->n);
}

static inline const char *
rng_pick (Rng        *rng,
          const Pool *pool)
{
  return pool->items[rng_below (rng, pool->n)];
}

/* An index by probabilities that add up to 1. */
static inline guint
rng_choose (Rng          *rng,
            const double *p,
            guint         n)
{
  double x = rng_double (rng);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (x < p[i])
        return i;
      x -= p[i];
    }

  return n - 1;
}

/* The state of a run ------------------------------------------------------
 *
 * Set up in rg-generator-studio.c, filled in by the day-by-day simulation in
 * rg-generator-sim.c, written to SQLite in rg-generator.c. */

typedef struct {
  int start;                  /* minutes from local midnight */
  int end;
} Span;

typedef struct {
  gint64      id;
  char       *first_name;
  char       *name;
  char       *phone;
  const char *color;
  guint       categories;     /* bits of CAT_* */
  GArray     *services;       /* of guint: what a new client may book with them */
  guint8     *offers;         /* by service: 1 if they do it */
  double      per_booking;    /* their average booking, minutes */
  Span        spans[8][2];    /* working hours by ISO weekday */
  int         n_spans[8];
  int         quality;        /* −1, 0, +1: how clients rate them */
  gint32      head;           /* clients waiting for this master */
  gint32      tail;
  int         pay_rate;       /* basis points of the price */
  gint64      pay_per_visit;  /* minor units; 0: none */
  guint16    *rates;          /* by service: the rate for it, 0: pay_rate */
} Master;

typedef struct {
  gint64  id;
  char   *name;
  int     category;
  int     minutes;
  gint64  price;              /* today's price, minor units */
  int     repeat_days;        /* 0: none */
  int     weight;
  int     addon;              /* a service often added, or NONE */
  gint64  materials_cost;     /* at today's price, minor units */
} Service;

enum {
  STATE_IDLE,                 /* not coming (yet), or gone */
  STATE_BUCKET,               /* waiting for a day: to be due, or to be called */
  STATE_QUEUE,                /* due, waiting for a free slot */
};

enum {
  PLAN_VISIT,
  PLAN_CALL,
};

enum {
  LOYALTY_TRIAL,              /* mostly one visit */
  LOYALTY_OCCASIONAL,
  LOYALTY_REGULAR,
  LOYALTY_DEVOTED,
  N_LOYALTY
};

typedef struct {
  gint64  id;
  gint64  created_at;         /* when their first booking was made; 0: none */
  gint64  last_end;           /* end of their latest appointment; 0: none */
  gint64  spent;              /* done visits; after the till, what they paid */
  gint32  link;               /* next in a bucket or a queue */
  gint32  since;              /* the day they started waiting */
  gint32  referrer;           /* client index, or NONE */
  gint32  first_day;
  guint16 master;             /* preferred */
  guint16 service;            /* main service */
  guint16 interval;           /* personal rhythm in days */
  guint16 visits;
  guint8  loyalty;
  guint8  state;
  guint8  plan;
} Client;

typedef struct {
  gint64  id;
  gint64  starts_at;
  gint64  created_at;
  gint64  updated_at;
  gint32  client;
  guint16 master;
  guint16 minutes;
  guint16 service[2];
  guint16 service_minutes[2];
  gint32  price[2];
  gint16  note;               /* index into the language's appt_notes, or NONE */
  guint8  status;             /* RgAppointmentStatus */
  guint8  n_services;
} Appt;

typedef struct {
  gint64  rated_at;
  gint32  appt;
  gint8   score;
  gint8   nps;                /* −1: not asked */
  gint16  why;                /* index into the band's pool, or NONE */
} Rating;

enum {
  OUTCOME_NONE,
  OUTCOME_BOOKED,
  OUTCOME_CALL_BACK,
  OUTCOME_NOT_INTERESTED,
  OUTCOME_NO_ANSWER,
  OUTCOME_OPEN,
  OUTCOME_RESOLVED,
  OUTCOME_ESCALATED,
};

typedef struct {
  gint64      occurred_at;
  gint64      due_at;         /* 0: NULL */
  gint64      done_at;        /* 0: NULL */
  gint32      client;
  gint32      appt;           /* NONE: NULL */
  gint32      master;         /* NONE: NULL */
  const char *body;           /* from a pool; "{m}" is the master's first name */
  guint8      kind;           /* RgInteractionKind */
  guint8      outcome;
} Interaction;

enum {
  OFF_WORKS,
  OFF_VACATION,
  OFF_SICK,
  OFF_TRAINING,
  OFF_HOLIDAY,
  OFF_HOLIDAY2,
};

typedef struct _GenMoney GenMoney;

typedef struct {
  const RgGeneratorOptions *options;
  const Lang  *lang;
  Rng          rng;
  guint64      id_offset;
  guint64      id_mask;
  guint64      id_count;
  GTimeZone   *tz;
  gint64       now;

  guint        n_days;        /* history, today and the future */
  guint        today;
  guint32      first_julian;
  gint64      *day_base;      /* n_days + 8: UTC seconds of each day's local 00:00
                               * as seen from its noon, so right after any DST night */
  guint8      *weekday;       /* ISO */

  Master      *masters;
  guint        n_masters;
  char        *admin_name;    /* with profiles: the administrator at the desk */
  guint8      *off;           /* [master * n_days + day]: an OFF_* reason */
  Service     *services;
  guint        n_services;
  gint64       staff_created_at;
  int          level;         /* how busy: 0 part-time masters … 2 long shifts */

  GArray      *clients;       /* of Client */
  GArray      *appts;         /* of Appt */
  GArray      *ratings;       /* of Rating */
  GArray      *interactions;  /* of Interaction */

  gint32      *buckets;       /* per day: clients to be due or called that day */
  gint32       cat_head[N_CATEGORIES];
  gint32       cat_tail[N_CATEGORIES];
  guint        n_waiting;

  guint        target_new;    /* clients to arrive after the first day's base */
  guint        n_new;
  double       new_budget;    /* new clients owed to the calendar */
  double       new_first;     /* how often a new client gets the next slot */
  double       churn_scale;   /* the knob that keeps the calendar filled */
  double       fill;          /* recent share of working time booked */
  double       per_day;       /* recent bookings per day */
  guint64      open_minutes;
  guint64      booked_minutes;
  guint        complaints;

  GenMoney    *money;         /* the till: rg-generator-money.c */
} Gen;

#define CLIENT(g, i) (&g_array_index ((g)->clients, Client, (i)))
#define APPT(g, i)   (&g_array_index ((g)->appts, Appt, (i)))

/* Primary keys are positive 63-bit integers: see gen_new_id(). */
#define MASK63 G_GUINT64_CONSTANT (0x7fffffffffffffff)

/* Who a client is: gen_person() in rg-generator-studio.c ----------------- */

typedef struct {
  char       *address_as;
  char       *full_name;
  char       *phone;
  char       *phone2;
  char       *email;
  int         birth_day;
  int         birth_month;
  int         birth_year;
  const char *gender;
  const char *call_time;
  const char *source;
  const char *preferences;
  const char *medical;
  const char *notes;
  int         age;
  gboolean    female;
  gboolean    allergy;
} Person;

/* Functions one piece calls in another ----------------------------------- */

/* rg-generator-studio.c */
gint64    gen_new_id          (Gen           *g);
gint64    gen_time            (Gen           *g,
                               guint          day,
                               int            minute);
gboolean  gen_setup_days      (Gen           *g,
                               GError       **error);
void      gen_setup_services  (Gen           *g);
void      gen_setup_staff     (Gen           *g);
void      gen_person          (Gen           *g,
                               guint          index,
                               const Client  *cl,
                               int            this_year,
                               Person        *p);
void      gen_person_clear    (Person        *p);
gboolean  gen_client_female   (Gen           *g,
                               guint          index);

/* rg-generator-sim.c */
void      gen_simulate        (Gen           *g);

/* rg-generator-money.c */
gboolean  gen_money_run       (Gen           *g,
                               RgStore       *store,
                               GError       **error);
gboolean  gen_money_write     (Gen           *g,
                               RgStore       *store,
                               GError       **error);

/* rg-generator-stock.c: materials, their moves, after the sales are written */
gboolean  gen_stock_write     (Gen           *g,
                               RgStore       *store,
                               GError       **error);
void      gen_money_stats     (Gen           *g,
                               guint         *sales,
                               guint         *refunds);
void      gen_money_free      (GenMoney      *money);

G_END_DECLS
