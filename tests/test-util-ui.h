/* test-util-ui.h — what the widget tests share: starting GTK (or skipping
 * without a display), closing a window for good, finding a widget,
 * running the main loop for a while.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean test_ui_init        (int    *argc,
                              char ***argv);
void     test_destroy_window (gpointer window);
GtkWidget *test_find_row     (GtkWidget  *root,
                              const char *title);
GtkWindow *test_find_toplevel (GType       type,
                               const char *css_class);
AdwMessageDialog *test_find_message_dialog (void);
void     test_save_shot      (GtkWidget  *widget,
                              const char *name);
GtkWidget *test_find_child   (GtkWidget *root,
                              GType      type);
gboolean test_timeout_cb     (gpointer   flag);
void     test_spin           (guint      ms);

G_END_DECLS
