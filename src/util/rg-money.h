/* rg-money.h — prices as people type them into a spreadsheet.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RG_MONEY_ERROR (rg_money_error_quark ())
typedef enum {
  RG_MONEY_ERROR_INVALID,
} RgMoneyError;
GQuark   rg_money_error_quark (void);

gboolean rg_money_parse       (const char  *text,
                               gint64      *minor,
                               GError     **error);
gboolean rg_percent_parse     (const char  *text,
                               int         *basis_points,
                               GError     **error);

G_END_DECLS
