/* rg-certificates-window.h — every gift certificate the studio sold, with
 * its balance and state, a search by number, its ledger, print and PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/rg-studio.h"

G_BEGIN_DECLS

#define RG_TYPE_CERTIFICATES_WINDOW (rg_certificates_window_get_type ())
G_DECLARE_FINAL_TYPE (RgCertificatesWindow, rg_certificates_window, RG, CERTIFICATES_WINDOW, AdwWindow)

RgCertificatesWindow *rg_certificates_window_new        (GtkWindow            *parent,
                                                         RgStudio             *studio);
/* The number searched for, as if typed (NULL or empty: all). */
void                  rg_certificates_window_search     (RgCertificatesWindow *self,
                                                         const char           *number);

G_END_DECLS
