/* rg-lock-util.h — what the lock screen and the PIN dialogs share: a PIN
 * entry that takes digits only, and a staff member's colour dot.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Refuses anything but digits typed or pasted into @editable (a
 * GtkPasswordEntry or an AdwPasswordEntryRow), and more than 8. */
void       rg_lock_digits_only  (GtkEditable *editable);
/* A round dot of @color ("#rrggbb"; grey when NULL or unreadable), @size
 * pixels across. */
GtkWidget *rg_lock_dot_new      (const char  *color,
                                 int          size);

G_END_DECLS
