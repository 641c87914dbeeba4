/* rg-import.h — bringing a studio's existing base in: clients and past
 * visits, read from a file by src/io into rows of text, checked here by the
 * card's own rules, shown as a plan, and written in one transaction.
 *
 * The plan writes nothing. rg_studio_import_clients() and
 * rg_studio_import_visits() write everything the plan says or nothing, add a
 * line to the audit log in the same transaction, announce the change once
 * through RgStudio::changes, and give back an undo that removes exactly what
 * was imported (and puts back what a merge changed).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-studio.h"

G_BEGIN_DECLS

/* --- Rows as read ------------------------------------------------------- */

/* One client as the file has it: the text of each cell, NULL where the file
 * has no such column. Nothing here has been checked. */
typedef struct {
  guint       line;         /* the row's number in the file, 1 = its first line (vCard: the contact's BEGIN line) */
  char       *address_as;   /* how to address the client */
  char       *full_name;    /* when address_as is NULL, the given name is taken from it */
  gboolean    given_first;  /* full_name is "Given Surname" (English) rather than "Surname Given Patronymic" */
  char       *phone;        /* a cell as Excel or a phone left it: several numbers, 7.91234E+10, "раб. 8-343-..." */
  char       *phone2;
  char       *email;
  char       *birthday;     /* 12.03.1990, 12.03, 1990-03-12, ... */
  char       *gender;       /* ж/м, f/m, female/male, женский/мужской, ... */
  char       *notes;
  char       *tags;         /* separated by "," or ";" */
  char       *source;
  GHashTable *fields;       /* custom field id (gint64 *, g_int64_hash) → text; NULL when none */
} RgClientImportRow;

RgClientImportRow *rg_client_import_row_new  (guint              line) G_GNUC_WARN_UNUSED_RESULT;
void               rg_client_import_row_free (RgClientImportRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgClientImportRow, rg_client_import_row_free)

/* One past visit: a done appointment. */
typedef struct {
  guint  line;
  char  *date;         /* 12.03.2024, 2024-03-12, 12.03.24 */
  char  *time;         /* 14:30; NULL: noon */
  char  *phone;        /* finds the client */
  char  *client_name;  /* creates the client when no card has the phone; NULL: such a row is an error */
  char  *service;      /* by name, case and ё/е folded; unknown ones are offered for creation */
  char  *master;       /* by name, likewise */
  char  *price;        /* "1 500", "1500,00", "1500 руб." */
} RgVisitImportRow;

RgVisitImportRow  *rg_visit_import_row_new   (guint              line) G_GNUC_WARN_UNUSED_RESULT;
void               rg_visit_import_row_free  (RgVisitImportRow  *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgVisitImportRow, rg_visit_import_row_free)

/* --- What happens to a row --------------------------------------------- */

typedef enum {
  RG_IMPORT_CREATE,     /* comes in as a new card (or visit) */
  RG_IMPORT_UPDATE,     /* a duplicate that will be merged into card N */
  RG_IMPORT_DUPLICATE,  /* a duplicate that will be skipped */
  RG_IMPORT_ERROR,      /* cannot come in; the problems say why */
} RgImportAction;

/* What to do with a row whose phone an existing card, or an earlier row of
 * the same file, already has. */
typedef enum {
  RG_IMPORT_DUPLICATES_SKIP,    /* reported, not written (the default) */
  RG_IMPORT_DUPLICATES_MERGE,   /* fills the card's empty fields, adds tags, appends notes */
  RG_IMPORT_DUPLICATES_CREATE,  /* a second card anyway */
} RgImportDuplicates;

/* A row's problem: an error (the row cannot come in) or a warning (a bad
 * optional field, left empty; the row still comes in). */
typedef struct {
  gboolean    fatal;
  const char *code;     /* stable, for scripts: "missing-name", "missing-phone", "bad-phone",
                         * "bad-birthday", "bad-email", "bad-gender", "bad-field", "bad-date",
                         * "bad-time", "bad-price", "unknown-client", "unknown-service",
                         * "unknown-master", "too-long" */
  const char *column;   /* the field it is about: "phone", "birthday", ... */
  char       *message;  /* translated, for a person */
} RgImportProblem;

typedef struct {
  guint rows;        /* every row of the file */
  guint created;
  guint updated;     /* duplicates merged into an existing card */
  guint duplicates;  /* duplicates skipped */
  guint errors;      /* rows that cannot come in */
  guint warnings;    /* rows that come in with a field left empty */
} RgImportCounts;

/* --- Clients -------------------------------------------------------------- */

typedef struct _RgClientImport RgClientImport;

/* Checks every row and finds duplicates (by normalized phone, against the
 * studio's cards and the file's earlier rows); takes @rows (of
 * RgClientImportRow). Fails only when the studio cannot be read. */
RgClientImport    *rg_client_import_new             (RgStudio           *studio,
                                                     GPtrArray          *rows,
                                                     GError            **error) G_GNUC_WARN_UNUSED_RESULT;
void               rg_client_import_free            (RgClientImport     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgClientImport, rg_client_import_free)

guint              rg_client_import_get_n_rows      (RgClientImport     *self);
const RgClientImportRow *rg_client_import_get_row   (RgClientImport     *self,
                                                     guint               index);
RgImportAction     rg_client_import_get_action      (RgClientImport     *self,
                                                     guint               index);
/* The name the card will have and the phone as it will be kept (formatted),
 * or as read when it cannot be read. */
const char        *rg_client_import_get_name        (RgClientImport     *self,
                                                     guint               index);
const char        *rg_client_import_get_phone       (RgClientImport     *self,
                                                     guint               index);
/* A duplicate's existing card (0: none) or the earlier row's line (0: none). */
gint64             rg_client_import_get_card        (RgClientImport     *self,
                                                     guint               index);
guint              rg_client_import_get_duplicate_line (RgClientImport  *self,
                                                     guint               index);
gboolean           rg_client_import_is_duplicate    (RgClientImport     *self,
                                                     guint               index);
/* Of RgImportProblem, owned by the plan. */
GPtrArray         *rg_client_import_get_problems    (RgClientImport     *self,
                                                     guint               index);
/* One choice for every duplicate (@index -1) or for one row. */
void               rg_client_import_set_duplicates  (RgClientImport     *self,
                                                     int                 index,
                                                     RgImportDuplicates  choice);
RgImportDuplicates rg_client_import_get_duplicates  (RgClientImport     *self,
                                                     guint               index);
void               rg_client_import_count           (RgClientImport     *self,
                                                     RgImportCounts     *counts);

/* Writes the plan in one transaction; @file_name goes into the audit log.
 * @undo (may be NULL) receives what rg_studio_undo_import() needs. */
gboolean           rg_studio_import_clients         (RgStudio           *studio,
                                                     RgClientImport     *plan,
                                                     const char         *file_name,
                                                     RgImportCounts     *done,
                                                     GBytes            **undo,
                                                     GError            **error);

/* --- Visits ------------------------------------------------------------- */

typedef struct _RgVisitImport RgVisitImport;

RgVisitImport     *rg_visit_import_new              (RgStudio           *studio,
                                                     GPtrArray          *rows,
                                                     GError            **error) G_GNUC_WARN_UNUSED_RESULT;
void               rg_visit_import_free             (RgVisitImport      *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgVisitImport, rg_visit_import_free)

guint              rg_visit_import_get_n_rows       (RgVisitImport      *self);
const RgVisitImportRow *rg_visit_import_get_row     (RgVisitImport      *self,
                                                     guint               index);
RgImportAction     rg_visit_import_get_action       (RgVisitImport      *self,
                                                     guint               index);
GPtrArray         *rg_visit_import_get_problems     (RgVisitImport      *self,
                                                     guint               index);
/* The services and masters the file names that the studio does not have:
 * created with the import when @create is TRUE (the default), else their
 * rows are errors. */
GStrv              rg_visit_import_dup_new_services (RgVisitImport      *self) G_GNUC_WARN_UNUSED_RESULT;
GStrv              rg_visit_import_dup_new_masters  (RgVisitImport      *self) G_GNUC_WARN_UNUSED_RESULT;
void               rg_visit_import_set_create_unknown (RgVisitImport    *self,
                                                     gboolean            create);
void               rg_visit_import_count            (RgVisitImport      *self,
                                                     RgImportCounts     *counts);
gboolean           rg_studio_import_visits          (RgStudio           *studio,
                                                     RgVisitImport      *plan,
                                                     const char         *file_name,
                                                     RgImportCounts     *done,
                                                     GBytes            **undo,
                                                     GError            **error);

gboolean           rg_studio_undo_import            (RgStudio           *studio,
                                                     GBytes             *undo,
                                                     GError            **error);

G_END_DECLS
