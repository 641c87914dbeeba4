/* rg-privacy.h — a client's privacy: erasure for good, consent to
 * messages with its date, and everything the studio holds about one
 * client (a subject-access request; written as JSON or PDF by
 * src/report/rg-report-client.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

/* Erases @client_id for privacy (a director only: RG_ACTION_ERASE). In
 * one transaction, what is personal goes for good: the card's every
 * field, tags, custom fields, medical marks, photos (rows; their files
 * are deleted after the commit), the text of notes, calls, tasks and
 * complaints, questionnaire answers and ratings' comments, visit notes,
 * ledger notes, referral links, and the same for the cards merged into
 * it. The card stays as an anonymous placeholder (rg_client_is_erased),
 * so that visits, sales, payments and balances still count and every
 * figure stays the same. The search index is rebuilt without it, freed
 * space is zeroed (secure_delete) and the log written back to the file
 * and emptied. Written to the audit log with the client's number. */
gboolean   rg_studio_erase_client           (RgStudio    *studio,
                                             gint64       client_id,
                                             GError     **error);

/* Records that @client_id agrees to messages (now) or withdrew (the date
 * is cleared), with a line in the timeline. */
gboolean   rg_studio_set_messages_consent   (RgStudio    *studio,
                                             gint64       client_id,
                                             gboolean     consent,
                                             GError     **error);
/* Since when @client_id agrees to messages (Unix seconds), 0: no consent. */
gint64     rg_studio_get_messages_consent   (RgStudio    *studio,
                                             gint64       client_id);

/* Everything held about one client --------------------------------------- */

typedef enum {
  RG_ACCESS_TEXT,
  RG_ACCESS_NUMBER,
  RG_ACCESS_MONEY,        /* minor units */
  RG_ACCESS_TIME,         /* Unix seconds */
  RG_ACCESS_YES_NO,
} RgAccessType;

typedef struct {
  const char   *key;      /* "address_as", "price": the JSON's member name */
  const char   *label;    /* translated, for the PDF */
  RgAccessType  type;
  gboolean      is_null;
  gint64        number;   /* NUMBER, MONEY, TIME, YES_NO */
  char         *text;     /* TEXT */
  const char   *shown;    /* TEXT that is the app's own word (a status, an
                           * outcome): the words to show, translated; else NULL */
} RgAccessField;

typedef struct {
  const char *key;        /* "card", "visits", ... */
  const char *title;      /* translated */
  gboolean    single;     /* one object (the card), not a list */
  GPtrArray  *rows;       /* of GArray of RgAccessField */
} RgAccessSection;

/* The sections, in order (card, tags, custom fields, medical marks,
 * visits, sales, sale lines, payments, deposit, points, subscriptions,
 * certificates, ratings, answers, timeline, photos). A director only
 * (RG_ACTION_EXPORT); the caller writes the file and then the audit
 * log (RG_AUDIT_SUBJECT_ACCESS). */
GPtrArray *rg_studio_read_subject_access    (RgStudio    *studio,
                                             gint64       client_id,
                                             GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
