/* rg-certificate-print.h — a gift certificate on paper or as a PDF, from
 * the same drawing (src/report/rg-certificate-draw.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-prepaid-lists.h"

G_BEGIN_DECLS

void     rg_certificate_print     (GtkWindow                *parent,
                                   RgStudio                 *studio,
                                   const RgCertificateEntry *certificate);
void     rg_certificate_save_pdf  (GtkWindow                *parent,
                                   RgStudio                 *studio,
                                   const RgCertificateEntry *certificate);

G_END_DECLS
