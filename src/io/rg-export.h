/* rg-export.h — the studio's clients to CSV and vCard, its appointments to
 * iCalendar. No GTK.
 *
 * Each export reads through the model in one read transaction, writes a
 * temporary file beside the target, writes its line in the audit log, and
 * only then renames the file into place: a failed or refused export leaves
 * neither a half file nor a line for a file that is not there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/rg-studio.h"
#include "util/rg-time.h"

G_BEGIN_DECLS

typedef enum {
  RG_EXPORT_CSV,        /* UTF-8 with a BOM, ';', CRLF: Excel opens it by a double click
                         * where the decimal separator is a comma (Russian, most of Europe) */
  RG_EXPORT_CSV_COMMA,  /* UTF-8 without a BOM, ',', CRLF: other programs, English Excel */
  RG_EXPORT_VCARD,      /* vCard 4.0 (RFC 6350), every client in one file */
  RG_EXPORT_ICS,        /* iCalendar, appointments */
  RG_EXPORT_VCARD3,     /* vCard 3.0, for phones whose contacts read no 4.0 */
} RgExportFormat;

/* "csv", "csv-comma", "vcard", "ics", "vcard3": what --format takes and the audit
 * log's detail says. */
const char *rg_export_format_to_string  (RgExportFormat  format);
gboolean    rg_export_format_from_string (const char     *text,
                                          RgExportFormat *format);
/* By the file's extension: .csv → RG_EXPORT_CSV, .vcf/.vcard → vCard,
 * .ics → iCalendar; FALSE for any other. */
gboolean    rg_export_format_for_file   (const char     *path,
                                         RgExportFormat *format);

/* For a person: "CSV for Excel", "CSV with commas", "vCard", "iCalendar". */
const char *rg_export_format_describe   (RgExportFormat  format);

/* What a toast and the command line say when it is done: "Exported 1,234
 * clients to Clients.csv". @what: "clients", "appointments" or "payroll". */
char       *rg_export_describe_result   (const char     *what,
                                         gint64          rows,
                                         const char     *path) G_GNUC_WARN_UNUSED_RESULT;

/* Which appointments: the local days @from..@to (both included), of the
 * master @staff_id (0: every master). */
typedef struct {
  RgDate  from;
  RgDate  to;
  gint64  staff_id;
} RgExportPeriod;

/* Each returns the number of rows written (clients, appointments), or -1
 * with @error set: a translated message in words. On a studio with
 * profiles, exports are the director's: anyone else is refused
 * (RG_STUDIO_ERROR_DENIED, the refusal in the audit log); a payroll also
 * needs RG_ACTION_PAYROLL unless it is of the signed-in person alone. */
gint64      rg_export_clients           (RgStudio             *studio,
                                         const char           *path,
                                         RgExportFormat        format,
                                         GError              **error);
gint64      rg_export_appointments      (RgStudio             *studio,
                                         const char           *path,
                                         const RgExportPeriod *period,
                                         GError              **error);
/* The payroll of the period (analytics/rg-money-figures.h): a row per
 * line of a master, their total under their lines; @format RG_EXPORT_CSV
 * or RG_EXPORT_CSV_COMMA. Rows counts the lines. */
gint64      rg_export_payroll           (RgStudio             *studio,
                                         const char           *path,
                                         RgExportFormat        format,
                                         const RgExportPeriod *period,
                                         GError              **error);

/* The same, read and written in a thread on a read-only connection of its
 * own (for a studio in memory: at once); the audit line and the rename
 * happen in the main loop before @callback runs. */
void        rg_export_clients_async     (RgStudio             *studio,
                                         const char           *path,
                                         RgExportFormat        format,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
void        rg_export_appointments_async (RgStudio            *studio,
                                         const char           *path,
                                         const RgExportPeriod *period,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gint64      rg_export_finish            (RgStudio             *studio,
                                         GAsyncResult         *result,
                                         GError              **error);

/* One CSV cell as the export writes it (for the tests and the fuzzer):
 * @text guarded against formulas, quoted when it must be, appended to
 * @out. NULL is an empty cell. */
void        rg_export_csv_append_cell   (GString              *out,
                                         const char           *text,
                                         char                  separator);

G_END_DECLS
