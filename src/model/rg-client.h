/* rg-client.h — a client of the studio.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rg-enums.h"
#include "rg-record.h"

G_BEGIN_DECLS

#define RG_TYPE_CLIENT (rg_client_get_type ())
G_DECLARE_FINAL_TYPE (RgClient, rg_client, RG, CLIENT, RgRecord)

RgClient   *rg_client_new                  (const char *address_as,
                                            const char *phone) G_GNUC_WARN_UNUSED_RESULT;

const char *rg_client_get_address_as       (RgClient   *self);
void        rg_client_set_address_as       (RgClient   *self,
                                            const char *address_as);
const char *rg_client_get_phone            (RgClient   *self);
void        rg_client_set_phone            (RgClient   *self,
                                            const char *phone);
const char *rg_client_get_phone_digits     (RgClient   *self);
const char *rg_client_get_full_name        (RgClient   *self);
void        rg_client_set_full_name        (RgClient   *self,
                                            const char *full_name);
const char *rg_client_get_phone2           (RgClient   *self);
const char *rg_client_get_phone2_digits    (RgClient   *self);
void        rg_client_set_phone2           (RgClient   *self,
                                            const char *phone);
const char *rg_client_get_email            (RgClient   *self);
void        rg_client_set_email            (RgClient   *self,
                                            const char *email);
void        rg_client_get_birthday         (RgClient   *self,
                                            int        *day,
                                            int        *month,
                                            int        *year);
void        rg_client_set_birthday         (RgClient   *self,
                                            int         day,
                                            int         month,
                                            int         year);
RgGender    rg_client_get_gender           (RgClient   *self);
void        rg_client_set_gender           (RgClient   *self,
                                            RgGender    gender);
const char *rg_client_get_call_time        (RgClient   *self);
gint64      rg_client_get_preferred_staff_id (RgClient *self);
void        rg_client_set_preferred_staff_id (RgClient *self,
                                            gint64      staff_id);
gint64      rg_client_get_referred_by_id   (RgClient   *self);
const char *rg_client_get_source           (RgClient   *self);
gboolean    rg_client_get_consent_messages (RgClient   *self);
gboolean    rg_client_get_minimal_contact  (RgClient   *self);
const char *rg_client_get_preferences      (RgClient   *self);
const char *rg_client_get_medical_notes    (RgClient   *self);
const char *rg_client_get_notes            (RgClient   *self);
void        rg_client_set_notes            (RgClient   *self,
                                            const char *notes);
/* When the client agreed to messages (Unix seconds; 0: no consent on
 * record). Written by rg_studio_set_messages_consent (rg-privacy.h). */
gint64      rg_client_get_messages_consent_at (RgClient *self);
/* Erased for privacy (rg_studio_erase_client): the card is an anonymous
 * placeholder, its name "Erased client", and cannot be changed. */
gboolean    rg_client_is_erased            (RgClient   *self);

G_END_DECLS
