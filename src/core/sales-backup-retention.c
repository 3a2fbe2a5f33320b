/* sales-backup-retention.c: which automatic backups are kept, and pruning the others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sales-backup.h"

#define DAY_S (24 * 60 * 60)

/* The calendar month and the Monday of the week of @time, in local time. */
static void
local_periods (gint64  time,
               int    *month,
               guint  *monday)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  *month = g_date_time_get_year (dt) * 12 + g_date_time_get_month (dt) - 1;
  *monday = g_date_get_julian (&date) - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

/* Marks in @keep the newest of @times in each of @n_periods periods; @period gives a
 * time's period, 0 being the current one. */
static void
keep_newest_per_period (const gint64 *times,
                        guint         n_times,
                        const int    *periods,
                        guint         n_periods,
                        gboolean     *keep)
{
  g_autofree int *newest = g_new (int, MAX (n_periods, 1));

  for (guint p = 0; p < n_periods; p++)
    newest[p] = -1;

  for (guint i = 0; i < n_times; i++)
    {
      int p = periods[i];

      if (p < 0 || (guint)p >= n_periods)
        continue;
      if (newest[p] < 0 || times[i] > times[newest[p]])
        newest[p] = i;
    }

  for (guint p = 0; p < n_periods; p++)
    if (newest[p] >= 0)
      keep[newest[p]] = TRUE;
}

/**
 * sales_backup_retention_select:
 * @times: (array length=n_times): when each backup was made
 * @now: the current time
 * @retention: how many days, weeks and months are kept
 * @keep: (out caller-allocates) (array length=n_times): whether each backup is kept
 *
 * Applies the retention rule. The newest backup and any from the future (a clock
 * that was set back) are always kept.
 */
void
sales_backup_retention_select (const gint64               *times,
                               guint                       n_times,
                               gint64                      now,
                               const SalesBackupRetention *retention,
                               gboolean                   *keep)
{
  g_autofree int *weeks = g_new (int, MAX (n_times, 1));
  g_autofree int *months = g_new (int, MAX (n_times, 1));
  guint now_monday;
  int now_month;
  int newest = -1;

  g_return_if_fail (times != NULL || n_times == 0);
  g_return_if_fail (retention != NULL);
  g_return_if_fail (keep != NULL || n_times == 0);

  local_periods (now, &now_month, &now_monday);

  for (guint i = 0; i < n_times; i++)
    {
      guint monday;
      int month;

      local_periods (times[i], &month, &monday);
      weeks[i] = ((int)now_monday - (int)monday) / 7;
      months[i] = now_month - month;

      keep[i] = times[i] > now || now - times[i] < (gint64)retention->days * DAY_S;
      if (newest < 0 || times[i] > times[newest])
        newest = i;
    }

  if (newest >= 0)
    keep[newest] = TRUE;

  keep_newest_per_period (times, n_times, weeks, retention->weeks, keep);
  keep_newest_per_period (times, n_times, months, retention->months, keep);
}

/* A backup interrupted by a crash or by quitting leaves its hidden temporary file;
 * one an hour old is not being written any more. */
static void
remove_stale_temporaries (const char *backup_dir,
                          gint64      now)
{
  g_autoptr(GDir) dir = g_dir_open (backup_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (backup_dir, name, NULL);
      GStatBuf buf;

      if (g_str_has_prefix (name, ".sales-backup-") && g_stat (path, &buf) == 0 &&
          now - buf.st_mtime > 60 * 60)
        g_unlink (path);
    }
}

/**
 * sales_backup_prune:
 * @backup_dir: the folder of the backups
 *
 * Deletes the backups in @backup_dir that the retention rule does not keep.
 *
 * Returns: how many were deleted.
 */
guint
sales_backup_prune (const char                 *backup_dir,
                    gint64                      now,
                    const SalesBackupRetention *retention)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree gint64 *times = NULL;
  g_autofree gboolean *keep = NULL;
  guint removed = 0;

  g_return_val_if_fail (backup_dir != NULL, 0);
  g_return_val_if_fail (retention != NULL, 0);

  backups = sales_backup_list (backup_dir, FALSE);
  times = g_new (gint64, MAX (backups->len, 1));
  keep = g_new (gboolean, MAX (backups->len, 1));

  for (guint i = 0; i < backups->len; i++)
    times[i] = sales_backup_get_time (g_ptr_array_index (backups, i));

  sales_backup_retention_select (times, backups->len, now, retention, keep);

  remove_stale_temporaries (backup_dir, now);

  for (guint i = 0; i < backups->len; i++)
    if (!keep[i] && g_unlink (sales_backup_get_path (g_ptr_array_index (backups, i))) == 0)
      removed++;

  return removed;
}
