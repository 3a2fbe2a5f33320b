/* bench-util.h: what the benchmark drivers share: clocks, order statistics, memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean bench_set_flag      (gpointer       user_data);
double bench_now_ms          (void);
double bench_cpu_ms          (void);
int    bench_compare_doubles (gconstpointer  a,
                              gconstpointer  b);
double bench_percentile      (GArray        *samples,
                              double         p);
double bench_median          (GArray        *samples);
gint64 bench_rss_kib         (void);

G_END_DECLS
