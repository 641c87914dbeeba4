/* rg-call-list.c — whom to call today, and why.
 *
 * From every client's rhythm on the day (rg-retention): those who became
 * due, new clients past their expected return, regulars and VIPs who went
 * to sleep; birthdays within the studio's days (a gift when their spend
 * passes the studio's threshold, 003:L257); tasks due today or overdue.
 * Whoever asked for minimal contact is not on it, nor is anyone called in
 * the last few days; each row says why it is there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "rg-analytics"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/rg-format.h"
#include "rg-call-list.h"
#include "model/rg-permissions.h"
#include "rg-days-private.h"

#define DEFAULT_BIRTHDAY_DAYS 7
#define DEFAULT_QUIET_DAYS    7

static gint64
setting_int (RgStore    *store,
             const char *key,
             gint64      fallback)
{
  g_autofree char *value = rg_store_get_setting (store, key);
  gint64 n = value ? g_ascii_strtoll (value, NULL, 10) : 0;

  return n > 0 ? n : fallback;
}

void
rg_call_options_init (RgCallOptions *options,
                      RgStore       *store)
{
  g_return_if_fail (options != NULL);

  {
    g_autofree char *days = rg_store_get_setting (store, "birthday-days");

    /* 0 is a choice: birthdays of today only. */
    options->birthday_days = days ? (int) CLAMP (g_ascii_strtoll (days, NULL, 10), 0, 366) : DEFAULT_BIRTHDAY_DAYS;
  }
  /* 5,000 in the studio's money (003:L257: 5–7 thousand roubles). */
  options->gift_threshold = setting_int (store, "gift-threshold", 500000);
  options->quiet_days = DEFAULT_QUIET_DAYS;
}

void
rg_call_entry_free (RgCallEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->client);
  g_free (entry->phone);
  g_free (entry->why);
  g_free (entry);
}

const char *
rg_call_reason_to_string (RgCallReason reason)
{
  switch (reason)
    {
    case RG_CALL_TASK: return _("Tasks for Today");
    case RG_CALL_DUE: return _("Due for a Visit");
    case RG_CALL_NEW: return _("New Clients Who Did Not Come Back");
    case RG_CALL_BIRTHDAY: return _("Birthdays");
    case RG_CALL_SLEEPING: return _("Regulars Gone Quiet");
    case RG_CALL_N_REASONS:
    default: return "";
    }
}

typedef struct {
  char     *name;
  char     *phone;
  int       birth_day;
  int       birth_month;
  gboolean  minimal;
  gboolean  consent;
} Who;

static gboolean
look_up (RgStore  *store,
         gint64    client_id,
         Who      *who,
         GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT address_as, phone, coalesce (birth_day, 0), coalesce (birth_month, 0),"
                                             " minimal_contact, consent_messages FROM clients"
                                             " WHERE id = ?1 AND deleted_at IS NULL",
                                             error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (!row)
    return FALSE;
  who->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  /* A master's call list masks the phones of clients not theirs. */
  who->phone = rg_permissions_phone_for (store, client_id, (const char *) sqlite3_column_text (stmt, 1));
  who->birth_day = sqlite3_column_int (stmt, 2);
  who->birth_month = sqlite3_column_int (stmt, 3);
  who->minimal = sqlite3_column_int (stmt, 4);
  who->consent = sqlite3_column_int (stmt, 5);
  return TRUE;
}

static RgCallEntry *
entry_new (RgCallReason  reason,
           gint64        client_id,
           Who          *who,
           char         *why,
           int           days)
{
  RgCallEntry *e = g_new0 (RgCallEntry, 1);

  e->reason = reason;
  e->client_id = client_id;
  e->client = g_steal_pointer (&who->name);
  e->phone = g_steal_pointer (&who->phone);
  e->no_messages = !who->consent;
  e->why = why;
  e->days = days;
  return e;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Clients called since @since, sorted. */
static GArray *
recently_called (RgStore  *store,
                 gint64    since,
                 GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT client_id FROM interactions"
                                             " WHERE kind = 'call' AND occurred_at >= ?1 AND deleted_at IS NULL",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!ok)
    return NULL;
  g_array_sort (ids, compare_gint64);
  return g_steal_pointer (&ids);
}

static gboolean
contains (GArray *sorted,
          gint64  id)
{
  return sorted->len > 0 && bsearch (&id, sorted->data, sorted->len, sizeof (gint64), compare_gint64) != NULL;
}

/* The days from @day to the client's next birthday (0: today); -1 when
 * it is not within @within days. 29 February is kept on 28 February in
 * other years. */
static int
days_to_birthday (RgDate day,
                  int    birth_day,
                  int    birth_month,
                  int    within)
{
  for (int year = day.year; year <= day.year + 1; year++)
    {
      RgDate b = { year, birth_month, birth_day };
      int n;

      if (birth_month == 2 && birth_day == 29 && !g_date_is_leap_year (year))
        b.day = 28;
      if (!rg_date_valid (b))
        return -1;
      n = rg_date_days_between (day, b);
      if (n >= 0)
        return n <= within ? n : -1;
    }
  return -1;
}

static char *
birthday_text (RgDate day,
               int    n,
               RgDate birthday)
{
  g_autofree char *date = NULL;

  if (n == 0)
    return g_strdup (_("Birthday today"));
  if (n == 1)
    return g_strdup (_("Birthday tomorrow"));
  date = rg_format_day (birthday);
  /* Translators: %s is a day, "Fri, 27 November 2026" */
  return g_strdup_printf (_("Birthday on %s"), date);
}

static gboolean
add_tasks (RgStore    *store,
           RgDate      day,
           GPtrArray  *out,
           GError    **error)
{
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT i.id, i.client_id, i.due_at, i.body, c.address_as, c.phone, c.consent_messages"
                                             " FROM interactions i INDEXED BY interactions_due JOIN clients c ON c.id = i.client_id"
                                             " WHERE i.due_at IS NOT NULL AND i.done_at IS NULL AND i.due_at < ?1"
                                             " AND i.kind = 'task' AND i.deleted_at IS NULL AND c.deleted_at IS NULL"
                                             " ORDER BY i.due_at",
                                             error);
  gint64 start = rg_date_start (day);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rg_date_end (day));
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgCallEntry *e = g_new0 (RgCallEntry, 1);
      gint64 due = sqlite3_column_int64 (stmt, 2);
      const char *body = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *when = NULL;

      e->reason = RG_CALL_TASK;
      e->task_id = sqlite3_column_int64 (stmt, 0);
      e->client_id = sqlite3_column_int64 (stmt, 1);
      e->due_at = due;
      e->client = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e->phone = rg_permissions_phone_for (store, e->client_id, (const char *) sqlite3_column_text (stmt, 5));
      e->no_messages = !sqlite3_column_int (stmt, 6);
      if (due < start)
        {
          when = rg_format_date_time (due);
          /* Translators: a task that is late: its text and when it was due */
          e->why = g_strdup_printf (_("%s — overdue since %s"), body ? body : _("Task"), when);
          e->days = -rg_date_days_between (rg_date_from_time (due), day);
        }
      else
        {
          when = rg_format_clock (rg_time_minute_of_day (due));
          /* Translators: a task for today: its text and the time */
          e->why = g_strdup_printf (_("%s — today at %s"), body ? body : _("Task"), when);
          e->days = 0;
        }
      g_ptr_array_add (out, e);
    }
  return ok;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const RgCallEntry *ea = *(RgCallEntry * const *) a;
  const RgCallEntry *eb = *(RgCallEntry * const *) b;

  if (ea->reason != eb->reason)
    return (int) ea->reason - (int) eb->reason;
  switch (ea->reason)
    {
    case RG_CALL_TASK:
      return (ea->due_at > eb->due_at) - (ea->due_at < eb->due_at);
    case RG_CALL_BIRTHDAY:
      return ea->days - eb->days;          /* soonest first */
    case RG_CALL_DUE:
    case RG_CALL_NEW:
    case RG_CALL_SLEEPING:
    case RG_CALL_N_REASONS:
    default:
      if (ea->days != eb->days)
        return eb->days - ea->days;        /* the longest waiting first */
      return g_utf8_collate (ea->client, eb->client);
    }
}

GPtrArray *
rg_call_list_build (RgStore             *store,
                    GArray              *rhythms,
                    RgDate               day,
                    const RgCallOptions *options,
                    GError             **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_call_entry_free);
  g_autoptr(GArray) called = NULL;
  ClientIndex spend = { 0 };
  RgCallOptions defaults;
  gboolean started;
  gboolean ok = FALSE;

  g_return_val_if_fail (RG_IS_STORE (store), NULL);
  g_return_val_if_fail (rhythms != NULL, NULL);

  if (options == NULL)
    {
      rg_call_options_init (&defaults, store);
      options = &defaults;
    }

  if (!rg_store_begin_read (store, &started, error))
    return NULL;

  called = recently_called (store, rg_date_start (rg_date_add_days (day, -options->quiet_days + 1)), error);
  if (called == NULL || !add_tasks (store, day, out, error))
    goto out;

  for (guint i = 0; i < rhythms->len; i++)
    {
      const RgClientRhythm *r = &g_array_index (rhythms, RgClientRhythm, i);
      RgCallReason reason;
      g_autofree char *interval = NULL;
      char *why = NULL;
      Who who = { 0 };
      int days;

      if (r->status == RG_CLIENT_DUE)
        reason = RG_CALL_DUE;
      else if (r->status == RG_CLIENT_NEW && r->days_since > r->interval)
        reason = RG_CALL_NEW;
      else if (r->status == RG_CLIENT_SLEEPING && (r->segments & (RG_SEGMENT_REGULAR | RG_SEGMENT_VIP)))
        reason = RG_CALL_SLEEPING;
      else
        continue;
      if (contains (called, r->client_id))
        continue;
      if (!look_up (store, r->client_id, &who, error))
        {
          if (error && *error)
            goto out;
          continue;
        }
      if (who.minimal)
        {
          g_free (who.name);
          g_free (who.phone);
          continue;
        }

      interval = rg_format_interval (r->interval);
      days = r->days_since - (int) ceil (r->interval);
      switch (reason)
        {
        case RG_CALL_DUE:
          why = days > 0
              /* Translators: why a client is on the call list: "Due 12 days ago, usually every 4 weeks" */
              ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due %d day ago, %s", "Due %d days ago, %s", days),
                                 days, interval)
              /* Translators: "Due today, usually every 4 weeks" */
              : g_strdup_printf (_("Due today, %s"), interval);
          break;
        case RG_CALL_NEW:
          /* Translators: why a client is on the call list */
          why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Came once, %d day ago, and has not come back",
                                              "Came once, %d days ago, and has not come back", r->days_since),
                                 r->days_since);
          days = r->days_since;
          break;
        case RG_CALL_SLEEPING:
        case RG_CALL_TASK:
        case RG_CALL_BIRTHDAY:
        case RG_CALL_N_REASONS:
        default:
          /* Translators: why a client is on the call list: "Not seen for 75 days, usually every 4 weeks" */
          why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not seen for %d day, %s", "Not seen for %d days, %s",
                                              r->days_since),
                                 r->days_since, interval);
          days = r->days_since;
          break;
        }
      g_ptr_array_add (out, entry_new (reason, r->client_id, &who, why, days));
    }

  /* Birthdays: every client with a day and month, within the studio's days. */
  {
    /* The months the window touches (at most a year ahead). */
    RgDate last = rg_date_add_days (day, MIN (options->birthday_days, 366));
    int months = (last.year - day.year) * 12 + last.month - day.month + 1;
    g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                               "SELECT id, birth_day, birth_month FROM clients INDEXED BY clients_birthday"
                                               " WHERE deleted_at IS NULL AND birth_day IS NOT NULL"
                                               " AND birth_month IS NOT NULL AND minimal_contact = 0"
                                               " AND (birth_month BETWEEN ?1 AND ?2 OR birth_month BETWEEN ?3 AND ?4)",
                                               error);
    gboolean row = FALSE, stepped;

    if (stmt == NULL)
      goto out;
    /* One range of months, or two across the new year. */
    if (months >= 12)
      {
        sqlite3_bind_int (stmt, 1, 1);
        sqlite3_bind_int (stmt, 2, 12);
        sqlite3_bind_int (stmt, 3, 13);
        sqlite3_bind_int (stmt, 4, 12);
      }
    else if (last.month >= day.month)
      {
        sqlite3_bind_int (stmt, 1, day.month);
        sqlite3_bind_int (stmt, 2, last.month);
        sqlite3_bind_int (stmt, 3, 13);
        sqlite3_bind_int (stmt, 4, 12);
      }
    else
      {
        sqlite3_bind_int (stmt, 1, day.month);
        sqlite3_bind_int (stmt, 2, 12);
        sqlite3_bind_int (stmt, 3, 1);
        sqlite3_bind_int (stmt, 4, last.month);
      }
    rg_client_index_init (&spend, rhythms);
    while ((stepped = rg_store_step_row (store, stmt, &row, error)) && row)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        int bd = sqlite3_column_int (stmt, 1), bm = sqlite3_column_int (stmt, 2);
        int n = days_to_birthday (day, bd, bm, options->birthday_days);
        const RgClientRhythm *r;
        RgCallEntry *e;
        Who who = { 0 };
        RgDate on;

        if (n < 0)
          continue;
        if (!look_up (store, id, &who, error))
          {
            if (error && *error)
              goto out;
            continue;
          }
        on = rg_date_add_days (day, n);
        {
          guint32 at = rg_client_index_find (&spend, id);

          r = at != G_MAXUINT32 ? &g_array_index (rhythms, RgClientRhythm, at) : NULL;
        }
        e = entry_new (RG_CALL_BIRTHDAY, id, &who, NULL, n);
        e->gift = r != NULL && r->revenue >= options->gift_threshold;
        {
          g_autofree char *text = birthday_text (day, n, on);

          if (e->gift)
            {
              g_autofree char *spent = rg_format_price (r->revenue);

              /* Translators: a birthday on the call list for a client whose spend earns a gift */
              e->why = g_strdup_printf (_("%s · a gift: spent %s"), text, spent);
            }
          else
            e->why = g_steal_pointer (&text);
        }
        g_ptr_array_add (out, e);
      }
    if (!stepped)
      goto out;
  }

  g_ptr_array_sort (out, compare_entries);
  ok = TRUE;

out:
  rg_client_index_clear (&spend);
  rg_store_end_read (store, started);
  return ok ? g_steal_pointer (&out) : NULL;
}

/* The call script ----------------------------------------------------------------- */

gboolean
rg_client_usual_load (RgStore        *store,
                      gint64          client_id,
                      RgClientUsual  *usual,
                      GError        **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (RG_IS_STORE (store), FALSE);
  g_return_val_if_fail (usual != NULL, FALSE);

  memset (usual, 0, sizeof *usual);
  stmt = rg_store_prepare (store,
                           "SELECT a.starts_at, a.staff_id, st.display_name, x.service_id, sv.name"
                           " FROM appointments a INDEXED BY appointments_visits"
                           " JOIN staff st ON st.id = a.staff_id"
                           " LEFT JOIN appointment_services x ON x.appointment_id = a.id AND x.position ="
                           "  (SELECT min(position) FROM appointment_services WHERE appointment_id = a.id)"
                           " LEFT JOIN services sv ON sv.id = x.service_id"
                           " WHERE a.client_id = ?1 AND a.status = 'done' AND a.deleted_at IS NULL"
                           " ORDER BY a.starts_at DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (row)
    {
      usual->last_visit_at = sqlite3_column_int64 (stmt, 0);
      usual->staff_id = sqlite3_column_int64 (stmt, 1);
      usual->master = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      usual->service_id = sqlite3_column_int64 (stmt, 3);
      usual->service = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      return TRUE;
    }
  g_clear_pointer (&stmt, rg_stmt_release);

  /* Never came: the preferred master, if any. */
  stmt = rg_store_prepare (store,
                           "SELECT s.id, s.display_name FROM clients c JOIN staff s ON s.id = c.preferred_staff_id"
                           " WHERE c.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!rg_store_step_row (store, stmt, &row, error))
    return FALSE;
  if (row)
    {
      usual->staff_id = sqlite3_column_int64 (stmt, 0);
      usual->master = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  return TRUE;
}

void
rg_client_usual_clear (RgClientUsual *usual)
{
  g_clear_pointer (&usual->service, g_free);
  g_clear_pointer (&usual->master, g_free);
}

/* @studio: the studio's name, or NULL for "the salon". */
char *
rg_call_script_fill (const char          *template_text,
                     const char          *name,
                     const char          *studio,
                     const RgClientUsual *usual)
{
  g_autofree char *last = usual && usual->last_visit_at ? rg_format_date (usual->last_visit_at) : NULL;
  const char *values[][2] = {
    { "{name}", name ? name : "" },
    /* Translators: in the call script for a studio that has not given its name */
    { "{studio}", studio && *studio ? studio : _("the salon") },
    /* Translators: in the call script when the client has no visit yet */
    { "{service}", usual && usual->service ? usual->service : _("our services") },
    { "{master}", usual && usual->master ? usual->master : _("our masters") },
    { "{last_visit}", last ? last : _("your first visit") },
  };
  GString *out = g_string_new (template_text ? template_text : "");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_string_replace (out, values[i][0], values[i][1], 0);
  return g_string_free (out, FALSE);
}

/* Reminders ----------------------------------------------------------------------- */

void
rg_task_due_free (RgTaskDue *task)
{
  if (task == NULL)
    return;
  g_free (task->client);
  g_free (task->text);
  g_free (task);
}

GPtrArray *
rg_tasks_falling_due (RgStore  *store,
                      gint64    from,
                      gint64    to,
                      GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_task_due_free);
  g_autoptr(RgStmt) stmt = rg_store_prepare (store,
                                             "SELECT i.id, i.client_id, i.due_at, c.address_as, i.body"
                                             " FROM interactions i INDEXED BY interactions_due JOIN clients c ON c.id = i.client_id"
                                             " WHERE i.due_at >= ?1 AND i.due_at < ?2 AND i.done_at IS NULL"
                                             " AND i.kind = 'task' AND i.deleted_at IS NULL AND c.deleted_at IS NULL"
                                             " ORDER BY i.due_at",
                                             error);
  gboolean row = FALSE, ok;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((ok = rg_store_step_row (store, stmt, &row, error)) && row)
    {
      RgTaskDue *t = g_new0 (RgTaskDue, 1);

      t->task_id = sqlite3_column_int64 (stmt, 0);
      t->client_id = sqlite3_column_int64 (stmt, 1);
      t->due_at = sqlite3_column_int64 (stmt, 2);
      t->client = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      t->text = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (out, t);
    }
  return ok ? g_steal_pointer (&out) : NULL;
}

gint64
rg_task_when_to_time (RgTaskWhen when,
                      gint64     now)
{
  RgDate today = rg_date_from_time (now);
  RgDate tomorrow = rg_date_add_days (today, 1);

  switch (when)
    {
    case RG_TASK_THIS_EVENING:
      {
        gint64 evening = rg_time_from_local (today, 18 * 60);
        return evening > now ? evening : rg_time_from_local (tomorrow, 18 * 60);
      }
    case RG_TASK_TOMORROW_MORNING: return rg_time_from_local (tomorrow, 10 * 60);
    case RG_TASK_TOMORROW_AFTERNOON: return rg_time_from_local (tomorrow, 15 * 60);
    case RG_TASK_IN_A_WEEK:
    default:
      return rg_time_from_local (rg_date_add_days (today, 7), rg_time_minute_of_day (now));
    }
}
