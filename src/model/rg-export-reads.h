/* rg-export-reads.h — what an export reads: every client's card and a
 * period's appointments, each in one read transaction, on any connection
 * (a reader in a thread of its own, or the studio's).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rg-enums.h"
#include "store/rg-store.h"

G_BEGIN_DECLS

/* One client's card as an export writes it. Everything is borrowed for the
 * call of the function it is given to; text that is empty is NULL. */
typedef struct {
  gint64              id;
  const char         *address_as;
  const char         *full_name;
  const char         *phone;
  const char         *phone2;
  const char         *email;
  int                 birth_day;    /* 0: not known */
  int                 birth_month;  /* 0: not known */
  int                 birth_year;   /* 0: not known */
  RgGender            gender;
  const char         *source;
  const char         *notes;
  const char * const *tags;         /* by name; never NULL */
  const char * const *fields;       /* one per custom field, in their order; NULL where empty */
} RgClientCardRow;

/* Called once, before the first card: the studio's custom fields (not the
 * archived ones), in the order the card shows them. */
typedef gboolean (*RgClientCardsBeginFunc) (const char * const  *field_names,
                                            guint                n_fields,
                                            gpointer             user_data,
                                            GError             **error);
typedef gboolean (*RgClientCardFunc)       (const RgClientCardRow *row,
                                            gpointer               user_data,
                                            GError               **error);

/* Every client that is not deleted (nor merged into another), by name,
 * with tags and custom fields; stops at the first function that fails. */
gboolean  rg_client_cards_read         (RgStore                *store,
                                        RgClientCardsBeginFunc  begin,
                                        RgClientCardFunc        each,
                                        gpointer                user_data,
                                        GCancellable           *cancellable,
                                        GError                **error);

/* One appointment as an export writes it; borrowed for the call. */
typedef struct {
  gint64               id;
  gint64               starts_at;    /* Unix seconds, UTC */
  gint64               ends_at;
  gint64               updated_at;
  RgAppointmentStatus  status;
  gint64               price;        /* minor units */
  gint64               client_id;
  const char          *client_name;  /* how the client is addressed */
  const char          *client_phone;
  gint64               staff_id;
  const char          *staff_name;
  const char          *note;         /* NULL when empty */
  const char * const  *services;     /* by name, in their order; never NULL */
} RgAppointmentExportRow;

typedef gboolean (*RgAppointmentExportFunc) (const RgAppointmentExportRow *row,
                                             gpointer                      user_data,
                                             GError                      **error);

/* The appointments that start in [@from, @to) (Unix seconds), of the
 * master @staff_id (0: every master), by time; deleted ones are left out. */
gboolean  rg_appointment_rows_read     (RgStore                 *store,
                                        gint64                   from,
                                        gint64                   to,
                                        gint64                   staff_id,
                                        RgAppointmentExportFunc  each,
                                        gpointer                 user_data,
                                        GCancellable            *cancellable,
                                        GError                 **error);

G_END_DECLS
