/* rg-call-list.h — whom to call today, and why.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-retention.h"

#include "model/rg-studio-settings.h"   /* the call script's text */

G_BEGIN_DECLS

typedef enum {
  RG_CALL_TASK,            /* a task due today or overdue */
  RG_CALL_DUE,             /* became due */
  RG_CALL_NEW,             /* came once and has not come back */
  RG_CALL_BIRTHDAY,        /* a birthday within the studio's days */
  RG_CALL_SLEEPING,        /* a regular who went quiet */
  RG_CALL_N_REASONS,
} RgCallReason;

typedef struct {
  RgCallReason  reason;
  gint64        client_id;
  gint64        task_id;        /* RG_CALL_TASK */
  gint64        due_at;         /* RG_CALL_TASK */
  char         *client;         /* how to address */
  char         *phone;
  char         *why;            /* "Due 12 days ago, usually every 4 weeks" */
  int           days;           /* overdue / since / until the birthday: for ordering */
  gboolean      gift;           /* RG_CALL_BIRTHDAY: spent over the studio's threshold */
  gboolean      no_messages;    /* no consent to messages */
} RgCallEntry;

typedef struct {
  int     birthday_days;        /* birthdays from today to today + this; default 7 */
  gint64  gift_threshold;       /* minor units; 0: the studio's setting */
  int     quiet_days;           /* no call to whoever was called this recently; default 7 */
} RgCallOptions;

void        rg_call_options_init      (RgCallOptions *options,
                                       RgStore       *store);
void        rg_call_entry_free        (RgCallEntry   *entry);

/* @rhythms: rg_retention_load() for @day. Clients who asked for minimal
 * contact are left out (their own tasks stay). Sorted by reason, then most
 * pressing first. */
GPtrArray  *rg_call_list_build        (RgStore             *store,
                                       GArray              *rhythms,
                                       RgDate               day,
                                       const RgCallOptions *options,
                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

const char *rg_call_reason_to_string  (RgCallReason   reason);

/* What a client usually has: the main service and the master of their
 * last visit (the preferred master if they never came). */
typedef struct {
  gint64  service_id;     /* 0: none */
  gint64  staff_id;       /* 0: none */
  gint64  last_visit_at;  /* 0: none */
  char   *service;
  char   *master;
} RgClientUsual;

gboolean    rg_client_usual_load      (RgStore        *store,
                                       gint64          client_id,
                                       RgClientUsual  *usual,
                                       GError        **error);
void        rg_client_usual_clear     (RgClientUsual  *usual);

/* The call script (seed 004): the studio's template ("call-script"), or the
 * default, with {name}, {service}, {master} and {last_visit} filled in. */
char       *rg_call_script_fill       (const char          *template_text,
                                       const char          *name,
                                       const char          *studio,
                                       const RgClientUsual *usual) G_GNUC_WARN_UNUSED_RESULT;

/* Tasks that fall due in [@from, @to): for reminders while the app runs. */
typedef struct {
  gint64  task_id;
  gint64  client_id;
  gint64  due_at;
  char   *client;
  char   *text;
} RgTaskDue;

void        rg_task_due_free          (RgTaskDue     *task);
GPtrArray  *rg_tasks_falling_due      (RgStore       *store,
                                       gint64         from,
                                       gint64         to,
                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* "Tomorrow afternoon": when a task is due, for the quick choices. */
typedef enum {
  RG_TASK_THIS_EVENING,      /* 18:00 today, or tomorrow if past */
  RG_TASK_TOMORROW_MORNING,  /* 10:00 */
  RG_TASK_TOMORROW_AFTERNOON,/* 15:00 */
  RG_TASK_IN_A_WEEK,         /* the same time in seven days */
} RgTaskWhen;

gint64      rg_task_when_to_time      (RgTaskWhen     when,
                                       gint64         now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgCallEntry, rg_call_entry_free)

G_END_DECLS
