/* rg-first-run.h — the first-run assistant of a new studio: its name,
 * yours (the first member of staff), and whether a PIN protects it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_FIRST_RUN (rg_first_run_get_type ())
G_DECLARE_FINAL_TYPE (RgFirstRun, rg_first_run, RG, FIRST_RUN, AdwWindow)

/* Whether @studio is new enough to ask: no staff, no profiles. */
gboolean    rg_first_run_wanted       (RgStudio    *studio);
RgFirstRun *rg_first_run_present      (GtkWindow   *parent,
                                       RgStudio    *studio);
/* For tests: fills the rows (@pin NULL: work without PINs) and presses
 * Start; what it says if it stays open. */
void        rg_first_run_fill         (RgFirstRun  *self,
                                       const char  *studio_name,
                                       const char  *your_name,
                                       const char  *pin,
                                       const char  *pin_again);
const char *rg_first_run_get_message  (RgFirstRun  *self);

G_END_DECLS
