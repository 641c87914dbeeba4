/* rg-types.h — forward declarations shared by every layer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RgStore         RgStore;
typedef struct _RgRecord        RgRecord;
typedef struct _RgStudio        RgStudio;
typedef struct _RgClient        RgClient;
typedef struct _RgStaff         RgStaff;
typedef struct _RgService       RgService;
typedef struct _RgAppointment   RgAppointment;
typedef struct _RgRating        RgRating;
typedef struct _RgInteraction   RgInteraction;
typedef struct _RgClientList    RgClientList;

G_END_DECLS
