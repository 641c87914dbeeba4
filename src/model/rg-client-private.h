/* rg-client-private.h — the card's rules one by one, for the commands that
 * check a client's details without a client object (the import).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rg-client.h"
#include "rg-studio.h"

G_BEGIN_DECLS

gboolean rg_client_check_address_as (const char  *address_as,
                                     GError     **error);
gboolean rg_client_read_phone       (const char  *text,
                                     int          country_code,
                                     char       **formatted,
                                     char       **digits,
                                     GError     **error);
gboolean rg_client_check_email      (const char  *email,
                                     GError     **error);
gboolean rg_client_check_birthday   (int          day,
                                     int          month,
                                     int          year,
                                     GError     **error);

/* The studio whose live object @self is (kept weakly): its session
 * decides whether the getters mask the phones and the e-mail. */
void     rg_client_attach_studio    (RgClient    *self,
                                     RgStudio    *studio);

/* Notifies "phone", "phone2" and "email" (and their digits): the session
 * that decides whether they are masked changed. */
void     rg_client_notify_contacts  (RgClient    *self);

G_END_DECLS
