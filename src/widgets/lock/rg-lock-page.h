/* rg-lock-page.h — "Who are you?": the staff with profiles, then a PIN.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_LOCK_PAGE (rg_lock_page_get_type ())
G_DECLARE_FINAL_TYPE (RgLockPage, rg_lock_page, RG, LOCK_PAGE, GtkWidget)

GtkWidget  *rg_lock_page_new          (RgStudio   *studio);
/* Back to the list of people, the list read again, the PIN forgotten. */
void        rg_lock_page_reset        (RgLockPage *self);
/* As if @staff_id's button was clicked: their PIN is asked. */
gboolean    rg_lock_page_choose       (RgLockPage *self,
                                       gint64      staff_id);
gint64      rg_lock_page_get_chosen   (RgLockPage *self);
/* For tests: the PIN entry and what the page says under it. */
GtkWidget  *rg_lock_page_get_entry    (RgLockPage *self);
const char *rg_lock_page_get_message  (RgLockPage *self);

G_END_DECLS
