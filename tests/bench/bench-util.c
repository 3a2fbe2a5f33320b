/* bench-util.c: what the benchmark drivers share: clocks, order statistics, memory
 *
 * The drivers print their figures in formats the .py scripts parse; these functions only
 * measure and sort, so each driver keeps its own output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "bench-util.h"

/* A GSourceFunc that sets the gboolean at @user_data, once: a time limit on a loop that
 * waits for something. */
gboolean
bench_set_flag (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The process's monotonic clock, in milliseconds. */
double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The CPU time of all the process's threads (user and system), in milliseconds: on a
 * machine shared with other work, it says what a step cost apart from waiting. */
double
bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* For g_array_sort() and qsort() on doubles. */
int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* Sorts @samples (doubles, at least one) and returns the nearest-rank @p quantile, 0 to 1. */
double
bench_percentile (GArray *samples,
                  double  p)
{
  g_return_val_if_fail (samples != NULL && samples->len > 0, 0);

  g_array_sort (samples, bench_compare_doubles);
  return g_array_index (samples, double, (guint)((samples->len - 1) * p + 0.5));
}

/* Sorts @samples (doubles, at least one) and returns the middle one (the upper of the two
 * middle ones for an even count). */
double
bench_median (GArray *samples)
{
  g_return_val_if_fail (samples != NULL && samples->len > 0, 0);

  g_array_sort (samples, bench_compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

/* The process's resident memory (VmRSS) in KiB, or -1 where /proc does not say. */
gint64
bench_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}
