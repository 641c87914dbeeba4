/* rg-report-client.h — everything the studio holds about one client (a
 * subject-access request), written as JSON or as a PDF: the card's menu
 * and `regulars --export client-data --client ID FILE`.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-studio.h"

G_BEGIN_DECLS

/* Writes what rg_studio_read_subject_access() reads to @path: a PDF when
 * it ends in .pdf, JSON when it ends in .json (anything else is refused).
 * A director only; written to the audit log (RG_AUDIT_SUBJECT_ACCESS,
 * the client's number). @n_pages: the PDF's pages (1 for JSON). */
gboolean rg_report_client_data (RgStudio    *studio,
                                gint64       client_id,
                                const char  *path,
                                guint       *n_pages,
                                GError     **error);

/* `regulars --export client-data --client ID FILE`: writes, and gives back
 * what to print (a sentence, or a JSON object with kind, client, file and
 * pages); NULL with @error set (translated) when refused or failed. */
char    *rg_report_client_command (RgStudio    *studio,
                                   gint64       client_id,
                                   const char  *file,
                                   gboolean     json,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
