/* backup.c: one verified backup of a database, as the application makes it, timed
 *
 *   backup SOURCE DEST
 *
 * Copies SOURCE to DEST with sales_backup_copy_file() (online backup API, fsync,
 * integrity_check of the copy, rename) and prints one JSON object: the milliseconds until
 * every page was copied and on the disk (what `sqlite3 .backup` does, whose commit syncs
 * the file), until the verified copy had its name, and
 * separately how long the integrity_check of the finished copy takes on its own. Run by
 * tests/bench/backup.py.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "sales-core.h"

/* Told once every page is in the copy and on the disk. */
static void
on_progress (guint64  copied,
             guint64  total,
             gpointer data)
{
  if (copied == total)
    *(gint64 *)data = g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  sqlite3 *copy = NULL;
  gint64 start;
  gint64 pages_copied = 0;
  gint64 copied;
  gint64 checked;
  int rc;

  if (argc != 3)
    {
      g_printerr ("usage: %s SOURCE DEST\n", argv[0]);
      return 2;
    }

  start = g_get_monotonic_time ();
  if (!sales_backup_copy_file (argv[1], argv[2], on_progress, &pages_copied, NULL, &error))
    {
      g_printerr ("backup: %s\n", error->message);
      return 1;
    }
  copied = g_get_monotonic_time ();

  /* As sales_backup_copy() checks it: through a memory map. */
  rc = sqlite3_open_v2 (argv[2], &copy, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA mmap_size = 2147418112; PRAGMA integrity_check", NULL,
                       NULL, NULL);
  sqlite3_close (copy);
  if (rc != SQLITE_OK)
    {
      g_printerr ("backup: the copy cannot be checked: %s\n", sqlite3_errstr (rc));
      return 1;
    }
  checked = g_get_monotonic_time ();

  g_print ("{\"copy_ms\": %.1f, \"backup_ms\": %.1f, \"integrity_check_ms\": %.1f}\n",
           (pages_copied - start) / 1000.0, (copied - start) / 1000.0,
           (checked - copied) / 1000.0);
  return 0;
}
