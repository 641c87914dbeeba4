/* rg-receipt-print.h — a receipt on paper or as a PDF, from the same
 * drawing (src/report/rg-receipt-draw.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

void     rg_receipt_print     (GtkWindow  *parent,
                               RgStudio   *studio,
                               gint64      sale_id);
void     rg_receipt_save_pdf  (GtkWindow  *parent,
                               RgStudio   *studio,
                               gint64      sale_id);

G_END_DECLS
