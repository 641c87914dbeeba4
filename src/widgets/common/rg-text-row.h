/* rg-text-row.h — a preferences row for a text of several lines.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RG_TYPE_TEXT_ROW (rg_text_row_get_type ())
G_DECLARE_FINAL_TYPE (RgTextRow, rg_text_row, RG, TEXT_ROW, AdwPreferencesRow)

void       rg_text_row_set_text (RgTextRow  *self,
                                 const char *text);
char      *rg_text_row_get_text (RgTextRow  *self) G_GNUC_WARN_UNUSED_RESULT;
GtkTextView *rg_text_row_get_view (RgTextRow *self);

G_END_DECLS
