/* rg-spin-wheel.h — the mouse wheel scrolls the page, not the spin button
 * under it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RG_SPIN_WHEEL_CONTROLLER "rg-spin-wheel"

void  rg_spin_wheel_init  (void);

G_END_DECLS
