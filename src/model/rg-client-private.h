/* rg-client-private.h — the card's rules one by one, for the commands that
 * check a client's details without a client object (the import).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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

G_END_DECLS
