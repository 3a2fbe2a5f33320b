/* bench-gui-util.h: what the drivers that measure the window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void bench_gui_init              (void);
void bench_wait_for_paint        (GtkWidget *widget,
                                  guint      timeout_ms);
void bench_wait_for_mapped_paint (GtkWidget *widget,
                                  guint      timeout_ms);

G_END_DECLS
