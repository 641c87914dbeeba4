/* rg-vcard.h — contacts as phones export them (vCard 2.1, 3.0, 4.0), into an
 * RgTable the import maps like a CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-table.h"

G_BEGIN_DECLS

/* The columns of the table rg_vcard_read() makes, in order; its first row
 * holds their labels (rg_import_field_label(), line 0), so that
 * rg_import_guess_columns() maps them back. */
typedef enum {
  RG_VCARD_COLUMN_ADDRESS_AS,  /* N's given name; else FN's first word */
  RG_VCARD_COLUMN_FULL_NAME,   /* FN; else N's parts */
  RG_VCARD_COLUMN_PHONE,       /* the preferred or mobile TEL first */
  RG_VCARD_COLUMN_PHONE2,
  RG_VCARD_COLUMN_EMAIL,
  RG_VCARD_COLUMN_BIRTHDAY,    /* BDAY as 1990-03-12, or 12.03 without a year */
  RG_VCARD_COLUMN_NOTES,       /* NOTE, then "Other phones: ..." and more addresses */
  RG_VCARD_COLUMN_TAGS,        /* CATEGORIES, joined by ", " */
  RG_VCARD_N_COLUMNS
} RgVcardColumn;

/* Every BEGIN:VCARD ... END:VCARD of @data, one row each, its line the
 * BEGIN's. Folded lines, QUOTED-PRINTABLE with soft line breaks, CHARSET=
 * parameters (Windows-1251 from old phones), a UTF-8 or UTF-16 byte order
 * mark. A contact without END:VCARD, or a file without contacts, is an
 * RG_IO_ERROR_PARSE naming the line; other errors as rg_csv_read(). */
RgTable *rg_vcard_read (GBytes  *data,
                        GError **error) G_GNUC_WARN_UNUSED_RESULT;

/* Whether a file is vCard rather than CSV: by its name (.vcf, .vcard), else
 * by its first line (BEGIN:VCARD, after a byte order mark and blanks). */
gboolean rg_vcard_sniff (const char *name,
                         GBytes     *data);

G_END_DECLS
