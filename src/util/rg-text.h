/* rg-text.h — text folding for search and sorting, phone digits.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *rg_text_fold            (const char *text) G_GNUC_WARN_UNUSED_RESULT;
char     *rg_text_sort_key        (const char *text) G_GNUC_WARN_UNUSED_RESULT;
gboolean  rg_text_starts_word    (const char *folded,
                                  const char *word);
gboolean  rg_text_looks_like_phone (const char *text);
gboolean  rg_text_is_email         (const char *text);
/* Whether @text is one or more ASCII digits and nothing else. */
gboolean  rg_text_all_digits       (const char *text);

G_END_DECLS
