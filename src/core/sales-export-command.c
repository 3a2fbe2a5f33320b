/* sales-export-command.c: the --export-… jobs of the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <unistd.h>

#include "sales-db.h"
#include "sales-export.h"

static void
print_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  if (total == 0)
    return;

  /* TRANSLATORS: progress of an export on the command line; %3d is a percentage */
  g_printerr ("\r");
  g_printerr (_("Exporting… %3d %%"), (int)(done * 100 / total));
  if (done == total)
    g_printerr ("\n");
}

/**
 * sales_export_command_run:
 * @db_path: the database; it must exist, and is brought up to the current schema first
 * @path: the file to write, .csv or .xlsx
 *
 * Exports @table to @path, telling the progress when standard error is a terminal
 * and how many rows were written on standard output.
 *
 * Returns: whether @path was written
 */
gboolean
sales_export_command_run (const char        *db_path,
                          SalesExportTable   table,
                          const char        *path,
                          GError           **error)
{
  g_autoptr(SalesExporter) exporter = NULL;
  SalesExportFormat format;
  gboolean tty = isatty (STDERR_FILENO);
  guint64 n_rows;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!sales_export_format_for_path (path, &format, error))
    return FALSE;

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_DATABASE,
                   _("There is no database at %s"), db_path);
      return FALSE;
    }

  /* Opening checks the file and brings an older schema up to date, which the queries need. */
  {
    g_autoptr(SalesDb) db = sales_db_open (db_path, error);

    if (db == NULL)
      return FALSE;
  }

  exporter = sales_exporter_new (db_path, table);
  if (!sales_exporter_run (exporter, path, format, tty ? print_progress : NULL, NULL, NULL,
                           error))
    return FALSE;

  n_rows = sales_exporter_get_n_rows (exporter);
  /* TRANSLATORS: after an export on the command line; %s is the file */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %llu row to %s\n",
                        "Exported %llu rows to %s\n", n_rows),
           (unsigned long long)n_rows, path);
  return TRUE;
}
