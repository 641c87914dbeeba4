/* rg-import-map.h — what the columns of an imported table mean: guessed
 * from the header (Russian and English, as Excel, Google Contacts, Outlook
 * and phones write it), chosen in the import dialog, and applied to every
 * row to make the model's import rows (model/rg-import.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/rg-import.h"
#include "rg-table.h"

G_BEGIN_DECLS

typedef enum {
  RG_IMPORT_FIELD_SKIP,
  /* clients */
  RG_IMPORT_FIELD_ADDRESS_AS,
  RG_IMPORT_FIELD_FULL_NAME,
  RG_IMPORT_FIELD_PHONE,
  RG_IMPORT_FIELD_PHONE2,
  RG_IMPORT_FIELD_EMAIL,
  RG_IMPORT_FIELD_BIRTHDAY,
  RG_IMPORT_FIELD_GENDER,
  RG_IMPORT_FIELD_NOTES,
  RG_IMPORT_FIELD_TAGS,
  RG_IMPORT_FIELD_SOURCE,
  RG_IMPORT_FIELD_CUSTOM,
  /* visits */
  RG_IMPORT_FIELD_VISIT_DATE,
  RG_IMPORT_FIELD_VISIT_TIME,
  RG_IMPORT_FIELD_VISIT_PHONE,
  RG_IMPORT_FIELD_VISIT_CLIENT,
  RG_IMPORT_FIELD_SERVICE,
  RG_IMPORT_FIELD_MASTER,
  RG_IMPORT_FIELD_PRICE,
  RG_IMPORT_N_FIELDS
} RgImportField;

/* What one column of the table is, as the dialog shows and the user picks. */
typedef struct {
  RgImportField field;
  gint64        custom_field_id;  /* with RG_IMPORT_FIELD_CUSTOM */
} RgImportColumn;

/* Translated, for the dialog's drop-downs ("Phone", "Second phone", ...). */
const char    *rg_import_field_label      (RgImportField  field);
/* Stable, for scripts and settings: "skip", "address-as", "full-name",
 * "phone", "phone2", "email", "birthday", "gender", "notes", "tags",
 * "source", "custom", "visit-date", "visit-time", "visit-phone",
 * "visit-client", "service", "master", "price". */
const char    *rg_import_field_key        (RgImportField  field);
/* RG_IMPORT_N_FIELDS for an unknown key. */
RgImportField  rg_import_field_from_key   (const char    *key);
/* Whether @field belongs to a visits import (else to a clients import;
 * SKIP to both). */
gboolean       rg_import_field_is_visit   (RgImportField  field);

/* The field a column headed @header holds, case and ё/е folded, surrounding
 * spaces and punctuation ignored; RG_IMPORT_FIELD_SKIP when unknown. With
 * @visits, the visit fields ("Дата", "Телефон" is the client's phone, "Клиент"
 * the client's name); else the client fields. Two phone columns are told
 * apart by rg_import_guess_columns(), not here. */
RgImportField  rg_import_guess_field      (const char    *header,
                                           gboolean       visits);

/* Whether the first row names columns rather than holding a client: no cell
 * of it reads as a phone number, a date or a price, and at least one is a
 * header rg_import_guess_field() knows or the second row does hold a
 * phone. */
gboolean       rg_import_guess_has_header (RgTable       *table);

/* One column per column of @table (*@n_columns of them), guessed from its
 * header when @has_header: a second phone column becomes the second phone
 * (Outlook's "Home Phone" beside "Mobile Phone"), a later one of a field
 * already taken is skipped (notes and tags excepted: they join), unknown
 * headers are skipped, and a header that names one of the studio's custom
 * fields (@custom_names, case and ё/е folded; may be NULL) becomes that
 * field, its id taken from @custom_ids (NULL: the index in @custom_names).
 * Without a header, columns are guessed from their cells: phones, e-mail
 * addresses, dates. Free with g_free(). */
RgImportColumn *rg_import_guess_columns   (RgTable            *table,
                                           gboolean            has_header,
                                           gboolean            visits,
                                           const char * const *custom_names,
                                           const gint64       *custom_ids,
                                           guint              *n_columns) G_GNUC_WARN_UNUSED_RESULT;

/* The rows of @table (past the header with @has_header) as
 * RgClientImportRow (its free func set): one per row, @columns[i] giving
 * the meaning of column i (columns beyond @n_columns are skipped). Cells
 * are trimmed; empty ones stay NULL. Two columns of one field join: the
 * first phone goes to phone and the next to phone2 (any further ones, and
 * any beyond a phone2 column, are added to the notes), notes and tags are
 * joined (notes by a line, tags by ", "), the rest keep the first
 * non-empty cell. A full name without an address-as column sets
 * given_first when it is written in Latin letters (English exports put the
 * given name first; ФИО is surname, given name, patronymic). */
GPtrArray     *rg_import_map_clients      (RgTable              *table,
                                           gboolean              has_header,
                                           const RgImportColumn *columns,
                                           guint                 n_columns) G_GNUC_WARN_UNUSED_RESULT;

/* Likewise for past visits, as RgVisitImportRow. */
GPtrArray     *rg_import_map_visits       (RgTable              *table,
                                           gboolean              has_header,
                                           const RgImportColumn *columns,
                                           guint                 n_columns) G_GNUC_WARN_UNUSED_RESULT;

/* Whether the mapped @rows (of RgClientImportRow or RgVisitImportRow) hold
 * anything to import; else the file-level error a person reads
 * (RG_IO_ERROR_EMPTY: a file of only its header, or of rows whose cells
 * are all blank). */
gboolean       rg_import_check_rows       (GPtrArray            *rows,
                                           GError              **error);

G_END_DECLS
