/* test-util.h — what several tests need: a demo studio in a folder of its
 * own, and removing such a folder.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *test_make_demo   (const char *name,
                        const char *language,
                        gint64      now) G_GNUC_WARN_UNUSED_RESULT;
void  test_remove_demo (const char *demo_path);
void  test_remove_tree (const char *path);

G_END_DECLS
