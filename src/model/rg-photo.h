/* rg-photo.h — a client's photo, before or after a visit.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rg-enums.h"
#include "rg-record.h"
#include "rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_PHOTO (rg_photo_get_type ())
G_DECLARE_FINAL_TYPE (RgPhoto, rg_photo, RG, PHOTO, RgRecord)

RgPhoto     *rg_photo_import            (RgStudio     *studio,
                                         gint64        client_id,
                                         gint64        appointment_id,
                                         RgPhotoKind   kind,
                                         GFile        *source,
                                         GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     rg_photo_erase             (RgStudio     *studio,
                                         RgPhoto      *photo,
                                         GError      **error);
GFile       *rg_photo_get_file          (RgStudio     *studio,
                                         RgPhoto      *photo) G_GNUC_WARN_UNUSED_RESULT;
char        *rg_studio_get_photo_folder (RgStudio     *studio) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray   *rg_photo_list_for_client   (RgStudio     *studio,
                                         gint64        client_id,
                                         GError      **error) G_GNUC_WARN_UNUSED_RESULT;

gint64       rg_photo_get_client_id     (RgPhoto      *self);
gint64       rg_photo_get_appointment_id (RgPhoto     *self);
RgPhotoKind  rg_photo_get_kind          (RgPhoto      *self);
const char  *rg_photo_get_file_name     (RgPhoto      *self);
gint64       rg_photo_get_taken_at      (RgPhoto      *self);

G_END_DECLS
