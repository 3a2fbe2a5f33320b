/* sales-cli-import.c: --import-customers and --import-deals
 *
 * Columns are mapped from the header's names; rows that cannot be imported
 * are listed on stderr with their number and reason, and make the exit
 * status SALES_CLI_IMPORT_REJECTED although the other rows went in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <unistd.h>

#include "sales-cli-import.h"
#include "sales-store.h"

/* Rejected rows printed; the rest are counted. */
#define MAX_LISTED 50

static int
fail (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return EXIT_FAILURE;
}

static void
print_progress (goffset  done,
                goffset  total,
                gpointer user_data)
{
  if (total <= 0)
    return;

  /* TRANSLATORS: progress of --import-customers and --import-deals; %3d is a percentage */
  g_printerr ("\r");
  g_printerr (_("Importing… %3d %%"), (int)(done * 100 / total));
  if (done >= total)
    g_printerr ("\n");
}

static void
print_rejected (SalesImport *job)
{
  GPtrArray *rejected = sales_import_get_rejected (job);

  for (guint i = 0; i < MIN (rejected->len, MAX_LISTED); i++)
    {
      SalesImportRejected *row = g_ptr_array_index (rejected, i);

      /* TRANSLATORS: a row of the imported file that was not imported, and why */
      g_printerr (_("Row %u: %s\n"), row->number, row->reason);
    }

  if (rejected->len > MAX_LISTED)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "…and %u more row\n", "…and %u more rows\n",
                             rejected->len - MAX_LISTED),
                rejected->len - MAX_LISTED);
}

int
sales_cli_import (const char      *db_path,
                  const char      *file,
                  SalesImportKind  kind,
                  const char      *encoding_name,
                  const char      *on_duplicate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  g_autoptr(SalesImportReader) reader = NULL;
  g_autoptr(SalesImport) job = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;
  SalesImportEncoding encoding = SALES_IMPORT_ENCODING_AUTO;
  SalesImportPolicy policy = SALES_IMPORT_SKIP;
  gboolean tty = isatty (STDERR_FILENO);

  if (encoding_name != NULL && !sales_import_encoding_parse (encoding_name, &encoding))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown encoding “%s”: use auto, utf-8, gb18030 or utf-16"),
                         encoding_name);
      return fail (message);
    }

  if (on_duplicate != NULL && !sales_import_policy_parse (on_duplicate, &policy))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown duplicate policy “%s”: use skip, merge or create"),
                         on_duplicate);
      return fail (message);
    }

  reader = sales_import_reader_new_for_path (file, &error);
  if (reader == NULL)
    return fail (error->message);
  sales_import_reader_set_encoding (reader, encoding);

  path = db_path != NULL ? g_strdup (db_path) : sales_db_default_path ();
  db = sales_db_open (path, &error);
  if (db == NULL)
    return fail (error->message);

  store = sales_store_new (db);
  job = sales_import_new (reader, kind);
  sales_import_set_policy (job, policy);

  if (!sales_store_import (store, job, tty ? print_progress : NULL, NULL, NULL, &error))
    return fail (error->message);

  print_rejected (job);
  summary = sales_import_describe_summary (job);
  g_print ("%s\n", summary);

  return sales_import_get_summary (job)->rejected > 0 ? SALES_CLI_IMPORT_REJECTED : EXIT_SUCCESS;
}
