/* rg-permissions.h — the permission check where a command is generic
 * (saving, deleting and restoring a record through RgStudio), a master's
 * own clients and their masked phones, and the reads that are audited
 * (a medical card opened, a phone unmasked).
 *
 * Which action each kind of record needs (the one table,
 * rg_studio_allowed_record):
 *   a client, and what is theirs (notes, calls, tasks, complaints,
 *   photos, ratings)           RG_ACTION_EDIT_CLIENT for that client (a
 *                              master: their own clients; a new client is
 *                              allowed to a master)
 *   an appointment             RG_ACTION_BOOK in its column (the old one too)
 *   staff, services, products, promotions, custom fields, medical
 *   conditions, and anything else
 *                              RG_ACTION_STUDIO_SETTINGS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-roles.h"

G_BEGIN_DECLS

/* The check rg_studio_save/delete/undelete make before they write
 * @record: FALSE with RG_STORE_ERROR_DENIED like rg_studio_allowed. Inside
 * a transaction it allows (the command that opened it has checked). */
gboolean  rg_studio_allowed_record      (RgStudio    *studio,
                                         gpointer     record,
                                         GError     **error);

/* The check of a booking command: RG_ACTION_BOOK in the column of
 * @appointment_id as it is now (0: a new one) and in @staff_id (0: the
 * same column). */
gboolean  rg_studio_allowed_booking     (RgStudio    *studio,
                                         gint64       appointment_id,
                                         gint64       staff_id,
                                         GError     **error);

/* Whether @client_id has a visit or a booking with @staff_id: a master's
 * own client. Read once per master and kept until appointments, clients
 * or the session change. */
gboolean  rg_studio_staff_has_client    (RgStudio    *studio,
                                         gint64       staff_id,
                                         gint64       client_id);
/* For rg-studio.c: forgets the masters' clients when @changes may have
 * changed them, before any view hears of the changes. */
void      rg_permissions_forget_own     (RgStudio    *studio,
                                         RgChanges    changes);
/* Whether the signed-in master may not see @client_id's phones and
 * e-mail (not one of their clients): the RgClient getters then give them
 * masked (rg_phone_mask). FALSE for every other role, and without
 * profiles. Fast: a master's clients are read once per session and again
 * after a change of appointments. */
gboolean  rg_studio_masks_client        (RgStudio    *studio,
                                         gint64       client_id);

/* A search by phone for a master: when @query has a digit, takes out of
 * @ids (gint64) the clients whose phones the session sees masked. */
void      rg_studio_drop_masked_matches (RgStudio    *studio,
                                         const char  *query,
                                         GArray      *ids);

/* The counts run on a connection of their own, in a thread, where the
 * session cannot be asked. rg_studio_count_async marks the connection
 * with the master whose clients' phones are shown (nothing for every
 * other session); what a count reads for the window passes each phone it
 * hands out through rg_permissions_phone_for, which masks a phone of a
 * client who is not that master's. */
void      rg_permissions_mark_reader    (RgStudio    *studio,
                                         RgStore     *reader);
char     *rg_permissions_phone_for      (RgStore     *reader,
                                         gint64       client_id,
                                         const char  *phone) G_GNUC_WARN_UNUSED_RESULT;

/* A client's phone in full for someone who sees it masked, with a
 * director's approval given at the desk (rg_studio_grant_override), which
 * it takes; written to the audit log (RG_AUDIT_PHONE_UNMASKED). Without
 * an approval: RG_STORE_ERROR_DENIED. Whoever sees the phone anyway gets
 * it without one, and nothing is written. */
gboolean  rg_studio_unmask_phone        (RgStudio    *studio,
                                         gint64       client_id,
                                         char       **phone,
                                         GError     **error);

/* Writes who opened @client_id's medical card (allergies and
 * contraindications) to the audit log (RG_AUDIT_MEDICAL_OPENED); the card
 * calls it when it shows the medical section. Refused
 * (RG_STORE_ERROR_DENIED) to a master for a client not theirs. */
gboolean  rg_studio_note_medical_opened (RgStudio    *studio,
                                         gint64       client_id,
                                         GError     **error);

G_END_DECLS
