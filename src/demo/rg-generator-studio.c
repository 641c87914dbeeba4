/* rg-generator-studio.c — the studio before its first day: keys, days,
 * services, staff, and who each person is.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-generator-private.h"

/* Keys and days ---------------------------------------------------------- */

/* Primary keys: a keyed permutation of 63-bit integers applied to a
 * counter, so they look random, depend on the seed, and never repeat. */
gint64
gen_new_id (Gen *g)
{
  for (;;)
    {
      guint64 x = (g->id_offset + g->id_count++) & MASK63;

      x ^= x >> 29;
      x = (x * G_GUINT64_CONSTANT (0x3c79ac492ba7b653)) & MASK63;
      x ^= x >> 32;
      x = (x * G_GUINT64_CONSTANT (0x1c69b3f74ac4ae35)) & MASK63;
      x ^= x >> 29;
      x ^= g->id_mask;

      if (x != 0)
        return (gint64) x;
    }
}

gint64
gen_time (Gen *g,
          guint day,
          int   minute)
{
  return g->day_base[day] + (gint64) minute * 60;
}

gboolean
gen_setup_days (Gen     *g,
                GError **error)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g->now);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, g->tz) : NULL;
  GDate today, start;

  if (local == NULL)
    {
      g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                           _("The date to generate the studio for is out of range."));
      return FALSE;
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  start = today;
  g_date_subtract_years (&start, g->options->years);

  g->first_julian = g_date_get_julian (&start);
  g->today = g_date_days_between (&start, &today);
  g->n_days = g->today + 1 + g->options->future_days;
  g->day_base = g_new0 (gint64, g->n_days + 8);
  g->weekday = g_new0 (guint8, g->n_days + 8);

  for (guint d = 0; d < g->n_days + 8; d++)
    {
      g_autoptr(GDateTime) noon = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g->first_julian + d);
      noon = g_date_time_new (g->tz, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
      if (noon == NULL)
        {
          g_set_error_literal (error, RG_STORE_ERROR, RG_STORE_ERROR_INVALID,
                               _("The date to generate the studio for is out of range."));
          return FALSE;
        }
      g->day_base[d] = g_date_time_to_unix (noon) - 12 * 3600;
      g->weekday[d] = g_date_get_weekday (&date);
    }

  return TRUE;
}

/* People ----------------------------------------------------------------- */

/* Russian surnames agree with gender: Иванов → Иванова, Вишневский → Вишневская. */
static char *
surname_for (const Lang *lang,
             const char *surname,
             gboolean    female)
{
  if (!lang->russian || !female)
    return g_strdup (surname);

  if (g_str_has_suffix (surname, "ский") || g_str_has_suffix (surname, "цкий"))
    {
      gsize len = strlen (surname) - strlen ("ий");
      return g_strdup_printf ("%.*sая", (int) len, surname);
    }

  if (g_str_has_suffix (surname, "ов") || g_str_has_suffix (surname, "ев") ||
      g_str_has_suffix (surname, "ёв") || g_str_has_suffix (surname, "ин") ||
      g_str_has_suffix (surname, "ын"))
    return g_strconcat (surname, "а", NULL);

  return g_strdup (surname);
}

/* Latin letters for an e-mail address. */
static void
append_latin (GString    *out,
              const char *text)
{
  static const char * const cyrillic[32] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
  };

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c >= 0x430 && c <= 0x44f)
        g_string_append (out, cyrillic[c - 0x430]);
      else if (c == 0x451)
        g_string_append (out, "e");
      else if (c < 0x80 && g_ascii_isalnum ((char) c))
        g_string_append_c (out, g_ascii_tolower ((char) c));
    }
}

/* A mobile number that no other person in the studio has: @index goes
 * through a bijection of the numbering plan, then is written the way
 * people type numbers. */
static char *
gen_phone (Gen   *g,
           Rng   *rng,
           guint  index)
{
  if (g->lang->russian)
    {
      const guint64 span = g->lang->n_mobile_codes * G_GUINT64_CONSTANT (10000000);
      guint64 x = ((guint64) index * 1000003 + g->id_offset % span) % span;
      int code = g->lang->mobile_codes[x / 10000000];
      int rest = (int) (x % 10000000);
      int a = rest / 10000, b = rest / 100 % 100, c = rest % 100;
      static const double formats[] = { 0.50, 0.18, 0.12, 0.10, 0.05, 0.05 };

      switch (rng_choose (rng, formats, G_N_ELEMENTS (formats)))
        {
        case 0: return g_strdup_printf ("+7 %03d %03d-%02d-%02d", code, a, b, c);
        case 1: return g_strdup_printf ("8 (%03d) %03d-%02d-%02d", code, a, b, c);
        case 2: return g_strdup_printf ("8%03d%07d", code, rest);
        case 3: return g_strdup_printf ("+7%03d%07d", code, rest);
        case 4: return g_strdup_printf ("8 %03d %03d %02d %02d", code, a, b, c);
        default: return g_strdup_printf ("+7 (%03d) %03d-%02d-%02d", code, a, b, c);
        }
    }
  else
    {
      const guint64 span = G_GUINT64_CONSTANT (600000000);
      guint64 x = ((guint64) index * 1000003 + g->id_offset % span) % span;
      int head = 7400 + (int) (x / 1000000);   /* 7400–7999 */
      int rest = (int) (x % 1000000);
      static const double formats[] = { 0.45, 0.30, 0.15, 0.10 };

      switch (rng_choose (rng, formats, G_N_ELEMENTS (formats)))
        {
        case 0: return g_strdup_printf ("0%04d %06d", head, rest);
        case 1: return g_strdup_printf ("+44 %04d %06d", head, rest);
        case 2: return g_strdup_printf ("0%04d %03d %03d", head, rest / 1000, rest % 1000);
        default: return g_strdup_printf ("+44%04d%06d", head, rest);
        }
    }
}

/* Services and staff ----------------------------------------------------- */

/* What each master does, by position (repeats for larger studios). A
 * barber only cuts: men's and children's haircuts. */
#define BARBER (1u << N_CATEGORIES)

static const guint master_categories[] = {
  1 << CAT_HAIR,
  1 << CAT_NAILS,
  1 << CAT_HAIR,
  (1 << CAT_NAILS) | (1 << CAT_BROWS),
  (1 << CAT_COSMETOLOGY) | (1 << CAT_BROWS),
  (1 << CAT_MASSAGE) | (1 << CAT_SPA),
  1 << CAT_NAILS,
  BARBER,
  1 << CAT_BROWS,
  1 << CAT_NAILS,
};

/* GNOME palette: the primary shades first, then the lighter and darker. */
static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
  "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#ed333b", "#c061cb", "#b5835a", "#77767b",
  "#1c71d8", "#2ec27e", "#f5c211", "#e66100", "#c01c28", "#813d9c", "#865e3c", "#5e5c64",
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f", "#9a9996",
  "#1a5fb4", "#26a269", "#e5a50a", "#c64600", "#a51d2d", "#613583", "#63452c", "#3d3846",
};

void
gen_setup_services (Gen *g)
{
  g->services = g_new0 (Service, g->n_services);

  for (guint i = 0; i < g->n_services; i++)
    {
      const ServiceDef *def = &gen_service_defs[i % DEFAULT_SERVICES];
      guint round = i / DEFAULT_SERVICES;
      Service *s = &g->services[i];
      const char *name = g->lang->russian ? def->name_ru : def->name_en;
      guint addon = round * DEFAULT_SERVICES + (guint) def->addon;

      s->id = gen_new_id (g);
      s->name = round == 0 ? g_strdup (name) : g_strdup_printf ("%s %u", name, round + 1);
      s->category = def->category;
      s->minutes = def->minutes;
      s->price = g->lang->russian ? (gint64) def->price_ru * 100 : def->price_en;
      s->repeat_days = def->repeat_days;
      s->weight = def->weight;
      s->addon = def->addon != NONE && addon < g->n_services ? (int) addon : NONE;
    }
}

static void
gen_master_add_services (Gen    *g,
                         Master *master)
{
  double minutes = 0;
  int weights = 0;

  if (master->categories & BARBER)
    {
      static const guint cuts[] = { SERVICE_MENS_HAIRCUT, SERVICE_KIDS_HAIRCUT };

      master->categories = 1u << CAT_HAIR;
      for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
        if (cuts[i] < g->n_services)
          g_array_append_val (master->services, cuts[i]);
    }

  if (master->services->len == 0)
    for (guint s = 0; s < g->n_services; s++)
      if (g->services[s].weight > 0 && (master->categories & (1u << g->services[s].category)))
        g_array_append_val (master->services, s);

  if (master->services->len == 0)
    for (guint s = 0; s < g->n_services; s++)
      {
        master->categories |= 1u << g->services[s].category;
        if (g->services[s].weight > 0 || s + 1 == g->n_services)
          g_array_append_val (master->services, s);
      }

  master->offers = g_new0 (guint8, g->n_services);
  for (guint i = 0; i < master->services->len; i++)
    {
      guint s = g_array_index (master->services, guint, i);

      master->offers[s] = 1;
      minutes += (double) g->services[s].minutes * MAX (1, g->services[s].weight);
      weights += MAX (1, g->services[s].weight);
    }
  master->per_booking = minutes / weights;
}

static char *
gen_pick_staff_name (Gen       *g,
                     gboolean   female,
                     gboolean  *used_female,
                     gboolean  *used_male,
                     char     **first_name)
{
  const FirstName *names = female ? g->lang->female : g->lang->male;
  guint n = female ? g->lang->n_female : g->lang->n_male;
  gboolean *used = female ? used_female : used_male;
  guint i = rng_below (&g->rng, n);
  g_autofree char *surname = NULL;

  for (guint k = 0; k < n && used[i]; k++)
    i = (i + 1) % n;
  used[i] = TRUE;

  surname = surname_for (g->lang, g->lang->surnames[rng_below (&g->rng, g->lang->n_surnames)], female);
  *first_name = g_strdup (names[i].name);
  return g_strdup_printf ("%s %s", names[i].name, surname);
}

static void
gen_set_hours (Gen    *g,
               Master *master,
               int     level)
{
  static const Span shifts[3][3][2] = {
    { { { 600, 1200 } }, { { 540, 780 }, { 840, 1080 } }, { { 660, 1200 } } },  /* part-time studio */
    { { { 600, 1200 } }, { { 540, 1140 } }, { { 660, 1260 } } },
    { { { 540, 1260 } }, { { 600, 1320 } }, { { 540, 840 }, { 870, 1290 } } },  /* busy studio */
  };
  guint shift = rng_below (&g->rng, 3);
  int n_off, first, step;
  gboolean off[8] = { FALSE };
  gboolean short_sunday = level < 2 && rng_chance (&g->rng, 0.4);

  switch (level)
    {
    case 0: n_off = rng_chance (&g->rng, 0.7) ? 3 : 2; break;
    case 1: n_off = 2; break;
    default: n_off = rng_chance (&g->rng, 0.95) ? 1 : 2; break;
    }

  first = rng_range (&g->rng, 1, 7);
  step = rng_chance (&g->rng, 0.6) ? 1 : 3;
  for (int k = 0; k < n_off; k++)
    off[(first - 1 + k * step) % 7 + 1] = TRUE;

  for (int wd = 1; wd <= 7; wd++)
    {
      master->n_spans[wd] = 0;
      if (off[wd])
        continue;

      if (wd == 7 && short_sunday)
        {
          master->spans[wd][0] = (Span) { 660, 1080 };
          master->n_spans[wd] = 1;
          continue;
        }

      for (int s = 0; s < 2; s++)
        if (shifts[level][shift][s].end > 0)
          master->spans[wd][master->n_spans[wd]++] = shifts[level][shift][s];
    }
}

static void
gen_mark_off (Gen   *g,
              guint  m,
              guint  first,
              guint  n,
              guint8 reason)
{
  for (guint d = first; d < first + n && d < g->n_days; d++)
    if (g->off[m * g->n_days + d] == OFF_WORKS)
      g->off[m * g->n_days + d] = reason;
}

static void
gen_setup_days_off (Gen *g)
{
  g->off = g_new0 (guint8, (gsize) g->n_masters * g->n_days);

  for (guint m = 0; m < g->n_masters; m++)
    for (guint year = 0; year < g->n_days; year += 365)
      {
        guint sick = rng_below (&g->rng, 3);

        gen_mark_off (g, m, year + rng_below (&g->rng, 351), rng_range (&g->rng, 7, 14), OFF_VACATION);
        for (guint k = 0; k < sick; k++)
          gen_mark_off (g, m, year + rng_below (&g->rng, 365), rng_range (&g->rng, 1, 4), OFF_SICK);
        if (rng_chance (&g->rng, 0.3))
          gen_mark_off (g, m, year + rng_below (&g->rng, 365), 1, OFF_TRAINING);
      }

  for (guint d = 0; d < g->n_days; d++)
    {
      GDate date;
      guint8 reason = OFF_WORKS;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g->first_julian + d);
      if (g_date_get_month (&date) == G_DATE_JANUARY && g_date_get_day (&date) == 1)
        reason = OFF_HOLIDAY;
      else if (g->lang->holiday2 && g_date_get_month (&date) == G_DATE_DECEMBER &&
               g_date_get_day (&date) == 25)
        reason = OFF_HOLIDAY2;

      if (reason != OFF_WORKS)
        for (guint m = 0; m < g->n_masters; m++)
          g->off[m * g->n_days + d] = reason;
    }
}

#define ADMIN_SEED G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

void
gen_setup_staff (Gen *g)
{
  g_autofree gboolean *used_female = g_new0 (gboolean, g->lang->n_female);
  g_autofree gboolean *used_male = g_new0 (gboolean, g->lang->n_male);
  double per_master_year = (double) g->options->n_clients / (g->n_masters * MAX (1u, g->options->years));
  int level = per_master_year >= 250 ? 2 : per_master_year >= 150 ? 1 : 0;

  g->level = level;
  /* The studio was set up a month before its first day. */
  g->staff_created_at = g->day_base[0] - 30 * SECONDS_PER_DAY + 10 * 3600;

  g->masters = g_new0 (Master, g->n_masters);

  for (guint m = 0; m < g->n_masters; m++)
    {
      Master *master = &g->masters[m];
      double p_male;

      master->id = gen_new_id (g);
      master->categories = master_categories[m % G_N_ELEMENTS (master_categories)];
      master->services = g_array_new (FALSE, FALSE, sizeof (guint));
      gen_master_add_services (g, master);

      p_male = master->categories & BARBER ? 0.6
             : master->categories & (1u << CAT_MASSAGE) ? 0.5
             : master->categories & (1u << CAT_HAIR) ? 0.25
             : 0.03;
      master->name = gen_pick_staff_name (g, !rng_chance (&g->rng, p_male),
                                          used_female, used_male, &master->first_name);
      master->color = palette[m % G_N_ELEMENTS (palette)];
      master->phone = rng_chance (&g->rng, 0.8) ? gen_phone (g, &g->rng, MAX_CLIENTS + m) : NULL;
      master->head = master->tail = NONE;
      master->quality = rng_chance (&g->rng, 0.1) ? -1 : rng_chance (&g->rng, 0.15) ? 1 : 0;
      gen_set_hours (g, master, level);
    }

  /* Somebody is the studio's weak spot, so the satisfaction panel has a story. */
  if (g->n_masters >= 3)
    {
      guint weak = rng_below (&g->rng, g->n_masters);

      g->masters[weak].quality = -1;
      g->masters[(weak + 1 + rng_below (&g->rng, g->n_masters - 1)) % g->n_masters].quality = 1;
    }

  /* The administrator at the desk, with a stream of their own, so that
   * everything drawn after is as it was without them. */
  if (g->options->profiles)
    {
      Rng saved = g->rng;
      g_autofree char *first_name = NULL;

      rng_seed (&g->rng, g->options->seed ^ ADMIN_SEED);
      g->admin_name = gen_pick_staff_name (g, TRUE, used_female, used_male, &first_name);
      g->rng = saved;
    }

  gen_setup_days_off (g);
}

/* Who a client is --------------------------------------------------------- */

#define PERSON_SEED G_GUINT64_CONSTANT (0xd1342543de82ef95)

/* How likely a client who came for @service is a woman. A women's haircut
 * is a woman's: the call script names it back to the client. */
static double
female_chance (Gen          *g,
               const Client *cl)
{
  return cl->service == SERVICE_WOMENS_HAIRCUT ? 1.0
       : cl->service == SERVICE_MENS_HAIRCUT ? 0.0
       : cl->service == SERVICE_KIDS_HAIRCUT ? 0.85
       : g->services[cl->service].category == CAT_MASSAGE ? 0.65
       : 0.93;
}

/* Whether client @index is a woman, as gen_person() will say: the first
 * draw of their own stream. The simulation asks before anyone is written,
 * so that a man is not booked for a women's haircut. */
gboolean
gen_client_female (Gen   *g,
                   guint  index)
{
  Rng rng;

  rng_seed (&rng, g->options->seed ^ ((guint64) (index + 1) * PERSON_SEED));
  return rng_chance (&rng, female_chance (g, CLIENT (g, index)));
}

/* Who the client is. Each client has their own random stream, so this does
 * not depend on the order clients are written in. */
void
gen_person (Gen          *g,
            guint         index,
            const Client *cl,
            int           this_year,
            Person       *p)
{
  const Lang *lang = g->lang;
  Rng rng;
  Rng *r = &rng;
  const FirstName *first;
  const Patronymic *patronymic = NULL;
  g_autofree char *surname = NULL;
  double x;

  memset (p, 0, sizeof *p);
  rng_seed (r, g->options->seed ^ ((guint64) (index + 1) * PERSON_SEED));

  /* The first draw, as gen_client_female() makes it. */
  p->female = rng_chance (r, female_chance (g, cl));
  first = p->female ? &lang->female[rng_below (r, lang->n_female)]
                    : &lang->male[rng_below (r, lang->n_male)];
  surname = surname_for (lang, lang->surnames[rng_below (r, lang->n_surnames)], p->female);
  if (lang->russian)
    patronymic = &lang->patronymics[rng_below (r, lang->n_patronymics)];

  p->age = 18 + (int) rng_below (r, 22) + (int) rng_below (r, 24);
  if (rng_chance (r, 0.08))
    p->age += 15;

  /* How the staff address them, and the name on the card. */
  x = rng_double (r);
  if (lang->russian)
    {
      const char *pat = p->female ? patronymic->female : patronymic->male;
      gboolean formal = x >= 0.80 && x < 0.95 + (p->age > 50 ? 0.04 : 0.0);

      if (formal)
        p->address_as = g_strdup_printf ("%s %s", first->name, pat);
      else if (x >= 0.62 && x < 0.80 && first->nick)
        p->address_as = g_strdup (first->nick);
      else if (x >= 0.99)
        p->address_as = g_strdup_printf ("%s %s", first->name, surname);
      else
        p->address_as = g_strdup (first->name);

      if (formal || rng_chance (r, 0.85))
        p->full_name = formal || rng_chance (r, 0.7)
                     ? g_strdup_printf ("%s %s %s", surname, first->name, pat)
                     : g_strdup_printf ("%s %s", surname, first->name);
    }
  else
    {
      if (x < 0.72)
        p->address_as = g_strdup (first->name);
      else if (x < 0.92 && first->nick)
        p->address_as = g_strdup (first->nick);
      else if (x < 0.97)
        p->address_as = g_strdup (first->name);
      else
        p->address_as = g_strdup_printf ("%s %s", p->female ? "Mrs" : "Mr", surname);

      if (rng_chance (r, 0.85))
        p->full_name = g_strdup_printf ("%s %s", first->name, surname);
    }

  p->phone = gen_phone (g, r, index);
  if (rng_chance (r, 0.03))
    p->phone2 = gen_phone (g, r, index + MAX_CLIENTS + MAX_STAFF);

  if (rng_chance (r, 0.3))
    {
      g_autoptr(GString) email = g_string_new (NULL);
      const char *domain = rng_pick (r, &lang->email_domains);

      switch (rng_below (r, 3))
        {
        case 0:
          append_latin (email, first->name);
          g_string_append_c (email, '.');
          append_latin (email, surname);
          if (rng_chance (r, 0.5))
            g_string_append_printf (email, "%02d", (this_year - p->age) % 100);
          break;
        case 1:
          append_latin (email, surname);
          g_string_append_c (email, '_');
          append_latin (email, first->name);
          break;
        default:
          append_latin (email, first->nick ? first->nick : first->name);
          g_string_append_printf (email, "%d", rng_range (r, 1, 999));
          break;
        }
      g_string_append_printf (email, "@%s", domain);
      p->email = g_string_free (g_steal_pointer (&email), FALSE);
    }

  if (rng_chance (r, 0.6))
    {
      GDateMonth month = (GDateMonth) rng_range (r, 1, 12);
      int year = this_year - p->age;

      p->birth_month = month;
      if (rng_chance (r, 0.5))
        p->birth_year = year;
      p->birth_day = rng_range (r, 1, g_date_get_days_in_month (month, (GDateYear) (p->birth_year ? year : 2001)));
    }

  if (rng_chance (r, 0.7))
    p->gender = p->female ? "female" : "male";
  if (rng_chance (r, 0.08))
    p->call_time = rng_pick (r, &lang->call_times);
  if (cl->referrer != NONE)
    p->source = lang->referral_source;
  else if (rng_chance (r, 0.55))
    p->source = rng_pick (r, &lang->sources);
  if (rng_chance (r, 0.12))
    p->preferences = rng_pick (r, &lang->preferences);
  if (rng_chance (r, 0.05))
    {
      guint which = rng_pick_index (r, &lang->medical);

      p->medical = lang->medical.items[which];
      p->allergy = which == 0 || which == 2 || which == 5 || which == 6 || which == 7;
    }
  if (rng_chance (r, 0.09))
    {
      p->notes = rng_pick (r, &lang->client_notes);
      if (strstr (p->notes, "латекс") || strstr (p->notes, "latex"))
        p->allergy = TRUE;
    }
}

void
gen_person_clear (Person *p)
{
  g_free (p->address_as);
  g_free (p->full_name);
  g_free (p->phone);
  g_free (p->phone2);
  g_free (p->email);
}
