/* rg-time-spin.h — spin buttons that show minutes as a time of day
 * ("09:30") or a length ("1:30").
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  RG_TIME_SPIN_CLOCK,     /* minutes from midnight, 00:00..24:00 */
  RG_TIME_SPIN_DURATION,  /* a length, 0:05 */
} RgTimeSpinKind;

void      rg_time_spin_setup        (GtkSpinButton  *spin,
                                     RgTimeSpinKind  kind);
char     *rg_time_spin_format       (int             minutes,
                                     RgTimeSpinKind  kind) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_time_spin_parse        (const char     *text,
                                     RgTimeSpinKind  kind,
                                     int            *minutes);

G_END_DECLS
