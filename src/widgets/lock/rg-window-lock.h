/* rg-window-lock.h — the main window's lock: the lock page over its
 * content while nobody is signed in to a studio with profiles; locks
 * after a while without input, on request (Ctrl+L), and when the desktop
 * session locks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

typedef struct _RgWindowLock RgWindowLock;

/* Puts @window's content in a stack with the lock page beside it, and
 * shows the lock page at once when the studio has profiles and nobody is
 * signed in. Freed with rg_window_lock_free (in the window's dispose). */
RgWindowLock *rg_window_lock_new          (AdwApplicationWindow *window,
                                           RgStudio             *studio);
void          rg_window_lock_free         (RgWindowLock         *self);
/* Signs out and shows the lock page (nothing without profiles). */
void          rg_window_lock_lock         (RgWindowLock         *self);
gboolean      rg_window_lock_get_locked   (RgWindowLock         *self);
/* Locks after @seconds without input; 0: the studio's setting
 * (RG_STUDIO_LOCK_MINUTES). For tests. */
void          rg_window_lock_set_timeout  (RgWindowLock         *self,
                                           guint                 seconds);
/* "Irina, Director": who is signed in, or NULL. */
char         *rg_window_lock_describe_session (RgStudio     *studio) G_GNUC_WARN_UNUSED_RESULT;
GtkWidget    *rg_window_lock_get_page     (RgWindowLock         *self);

G_END_DECLS
