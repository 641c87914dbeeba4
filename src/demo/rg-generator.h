/* rg-generator.h — the demo studio and databases of reference scale.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rg-types.h"

G_BEGIN_DECLS

/* Raised when the same options make a different studio, so that a demo
 * cached for the day and the benchmarks' reference studio are made again
 * (2: complaints name their service; 3: nobody is booked a haircut of the
 * other sex; 4: money at the desk: sales with discounts, products, tips,
 * payments and refunds, the visits at what was paid; 5: prepaid and
 * points: subscriptions, deposits, gift certificates, points earned,
 * spent and expired, referral rewards; 6: materials, their deliveries,
 * counts and write-offs, and what each visit used; 7: staff profiles with
 * the PINs below, and an administrator at the desk). */
#define RG_GENERATOR_REVISION 7

/* The PINs of a generated studio's profiles, as the README lists them: the
 * first master (the owner) is the director, the administrator at the desk
 * has 2222, and the other masters, in the staff list's order, 3331, 3332,
 * 3333, ... (3330 + their place). They are public, so their hashes are
 * made at libsodium's lowest cost: a studio in use sets its own PINs. */
#define RG_GENERATOR_DIRECTOR_PIN       "1111"
#define RG_GENERATOR_ADMINISTRATOR_PIN  "2222"
#define RG_GENERATOR_MASTER_PIN_BASE    3330

typedef struct {
  guint        n_clients;     /* clients in the base at the end */
  guint        n_staff;       /* 0: from the number of clients (6 at least, ~1 per 3,300) */
  guint        n_services;    /* 0: 25 */
  guint        years;         /* length of the history */
  guint        future_days;   /* bookings this far ahead of now */
  guint64      seed;          /* same seed, now and language: same database */
  gint64       now;           /* the generated studio's present, Unix seconds */
  const char  *language;      /* "ru" or "en": names, services and comments */
  gboolean     profiles;      /* staff profiles with the PINs above, and an administrator
                               * (rg_generator_options_init_demo() sets it) */
} RgGeneratorOptions;

typedef struct {
  guint staff;
  guint services;
  guint clients;
  guint appointments;
  guint ratings;
  guint interactions;
  guint complaints;           /* of the interactions */
  guint sales;                /* refunds aside */
  guint refunds;
} RgGeneratorStats;

void         rg_generator_options_init_demo (RgGeneratorOptions       *options,
                                             const char               *language,
                                             gint64                    now);
const char  *rg_generator_language_for_locale (void);

gboolean     rg_generator_fill              (RgStore                  *store,
                                             const RgGeneratorOptions *options,
                                             RgGeneratorStats         *stats,
                                             GError                  **error);
gboolean     rg_generator_write_file        (const char               *path,
                                             const RgGeneratorOptions *options,
                                             RgGeneratorStats         *stats,
                                             GError                  **error);

G_END_DECLS
