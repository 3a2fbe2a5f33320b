/* main.c: the command line (headless jobs) or the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sales-application.h"
#include "sales-cli-import.h"
#include "sales-export.h"
#include "sales-kpi.h"
#include "sales-report.h"
#include "sales-store.h"

typedef struct
{
  char     *db_path;
  gboolean  seed_demo;
  int       customers;
  int       deals;
  int       reps;
  gint64    seed;
  char     *import_customers;
  char     *import_deals;
  char     *encoding;
  char     *on_duplicate;
  char     *exports[SALES_EXPORT_N_TABLES];
  char     *kpi;
  char     *report;
  gint64    rep;
  gboolean  json;
  char     *output;
  char     *paper;
  gboolean  version;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->db_path);
  g_free (o->import_customers);
  g_free (o->import_deals);
  g_free (o->encoding);
  g_free (o->on_duplicate);
  for (guint i = 0; i < SALES_EXPORT_N_TABLES; i++)
    g_free (o->exports[i]);
  g_free (o->kpi);
  g_free (o->report);
  g_free (o->output);
  g_free (o->paper);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
fail (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return EXIT_FAILURE;
}

static void
print_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  gboolean tty = GPOINTER_TO_INT (user_data);

  if (!tty || total == 0)
    return;

  /* TRANSLATORS: progress of --seed-demo; %3d is a percentage */
  g_printerr ("\r");
  g_printerr (_("Generating sample data… %3d %%"), (int)(done * 100 / total));
  if (done == total)
    g_printerr ("\n");
}

static int
run_seed_demo (SalesStore    *store,
               const Options *o)
{
  g_autoptr(GError) error = NULL;
  SalesDemoOptions demo;
  SalesDemoResult result = { 0 };
  gboolean tty = isatty (STDERR_FILENO);

  sales_demo_options_init (&demo);
  if (o->customers > 0)
    demo.customers = (guint)o->customers;
  if (o->deals > 0)
    demo.deals = (guint)o->deals;
  if (o->reps > 0)
    demo.reps = (guint)o->reps;
  if (o->seed >= 0)
    demo.seed = (guint64)o->seed;

  if (!sales_store_seed_demo (store, &demo, print_progress, GINT_TO_POINTER (tty), NULL,
                              &result, &error))
    return fail (error->message);

  /* TRANSLATORS: summary after --seed-demo; the last %s is the database file */
  g_print (_("Added %llu reps, %llu customers, %llu deals, %llu follow-ups and %llu contracts "
             "to %s\n"),
           (unsigned long long)result.reps, (unsigned long long)result.customers,
           (unsigned long long)result.deals, (unsigned long long)result.activities,
           (unsigned long long)result.contracts,
           sales_db_get_path (sales_store_get_db (store)));
  return EXIT_SUCCESS;
}

static int
run_kpi (const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesKpi) kpi = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  SalesKpiPeriod period;

  if (!o->json)
    return fail (_("--kpi prints the key figures as JSON: add --json"));
  if (!sales_kpi_period_parse (&period, o->kpi, &error))
    return fail (error->message);
  if (o->rep < 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no sales rep with the id %lld"), (long long)o->rep);
      return fail (message);
    }

  path = o->db_path != NULL ? g_strdup (o->db_path) : sales_db_default_path ();
  kpi = sales_kpi_compute_for_path (path, &period, o->rep, NULL, &error);
  if (kpi == NULL)
    return fail (error->message);

  json = sales_kpi_to_json (kpi, TRUE);
  g_print ("%s\n", json);
  return EXIT_SUCCESS;
}

static gboolean
has_export (const Options *o)
{
  for (guint i = 0; i < SALES_EXPORT_N_TABLES; i++)
    {
      if (o->exports[i] != NULL)
        return TRUE;
    }
  return FALSE;
}

static int
run_exports (const Options *o)
{
  g_autofree char *path = o->db_path != NULL ? g_strdup (o->db_path) : sales_db_default_path ();

  for (guint i = 0; i < SALES_EXPORT_N_TABLES; i++)
    {
      g_autoptr(GError) error = NULL;

      if (o->exports[i] != NULL && !sales_export_command_run (path, i, o->exports[i], &error))
        return fail (error->message);
    }
  return EXIT_SUCCESS;
}

static int
run_report (const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = o->db_path != NULL ? g_strdup (o->db_path) : sales_db_default_path ();

  if (!sales_report_run_job (path, o->report, o->rep, o->paper, o->output, &error))
    return fail (error->message);
  return EXIT_SUCCESS;
}

static int
run_headless (Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  g_autofree char *path = NULL;

  if (o->kpi != NULL)
    return run_kpi (o);
  if (o->report != NULL)
    return run_report (o);

  if (has_export (o))
    return run_exports (o);

  if (o->import_customers != NULL && o->import_deals != NULL)
    return fail (_("Import customers and deals one at a time"));
  if (o->import_customers != NULL || o->import_deals != NULL)
    return sales_cli_import (o->db_path,
                             o->import_customers != NULL ? o->import_customers : o->import_deals,
                             o->import_customers != NULL ? SALES_IMPORT_CUSTOMERS
                                                         : SALES_IMPORT_DEALS,
                             o->encoding, o->on_duplicate);
  if (o->encoding != NULL || o->on_duplicate != NULL)
    return fail (_("--encoding and --on-duplicate only go with --import-customers or "
                   "--import-deals"));

  if (!o->seed_demo)
    {
      if (o->customers > 0 || o->deals > 0 || o->reps > 0 || o->seed >= 0)
        return fail (_("--customers, --deals, --reps and --seed only go with --seed-demo"));
      return fail (_("Nothing to do"));
    }

  if (o->customers < 0 || o->deals < 0 || o->reps < 0)
    return fail (_("Counts must be zero or more"));

  path = o->db_path != NULL ? g_strdup (o->db_path) : sales_db_default_path ();
  db = sales_db_open (path, &error);
  if (db == NULL)
    return fail (error->message);

  store = sales_store_new (db);
  return run_seed_demo (store, o);
}

static gboolean
is_headless (const Options *o)
{
  return o->seed_demo || o->import_customers || o->import_deals || o->encoding ||
         o->on_duplicate || has_export (o) || o->kpi || o->report || o->output ||
         o->paper || o->json ||
         o->customers != 0 || o->deals != 0 || o->reps != 0 || o->seed >= 0 || o->rep != 0;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("SALES_DESK_LOCALEDIR");
  char **args = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("sales-desk");
  g_set_application_name (_("Sales Desk"));

  o.seed = -1;

  {
    const GOptionEntry entries[] = {
      { "db", 0, 0, G_OPTION_ARG_FILENAME, &o.db_path,
        N_("Use the database PATH instead of the default one"), N_("PATH") },
      { "seed-demo", 0, 0, G_OPTION_ARG_NONE, &o.seed_demo,
        N_("Add deterministic sample data to the database and exit"), NULL },
      { "customers", 0, 0, G_OPTION_ARG_INT, &o.customers,
        N_("Number of sample customers (default: deals / 5)"), "N" },
      { "deals", 0, 0, G_OPTION_ARG_INT, &o.deals,
        N_("Number of sample deals (default: 600)"), "N" },
      { "reps", 0, 0, G_OPTION_ARG_INT, &o.reps,
        N_("Number of sample sales reps (default: 8)"), "N" },
      { "seed", 0, 0, G_OPTION_ARG_INT64, &o.seed,
        N_("Seed of the sample data generator (default: 1)"), "S" },
      { "import-customers", 0, 0, G_OPTION_ARG_FILENAME, &o.import_customers,
        N_("Import customers from a CSV, TSV or XLSX file and exit"), N_("FILE") },
      { "import-deals", 0, 0, G_OPTION_ARG_FILENAME, &o.import_deals,
        N_("Import deals from a CSV, TSV or XLSX file and exit"), N_("FILE") },
      { "encoding", 0, 0, G_OPTION_ARG_STRING, &o.encoding,
        N_("Text encoding of the imported file: auto, utf-8, gb18030 or utf-16"), N_("ENCODING") },
      { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, &o.on_duplicate,
        N_("What to do with duplicates when importing: skip, merge or create"), N_("POLICY") },
      { "export-customers", 0, 0, G_OPTION_ARG_FILENAME, &o.exports[SALES_EXPORT_CUSTOMERS],
        N_("Export customers to a CSV or XLSX file and exit"), N_("FILE") },
      { "export-deals", 0, 0, G_OPTION_ARG_FILENAME, &o.exports[SALES_EXPORT_DEALS],
        N_("Export deals to a CSV or XLSX file and exit"), N_("FILE") },
      { "export-contacts", 0, 0, G_OPTION_ARG_FILENAME, &o.exports[SALES_EXPORT_CONTACTS],
        N_("Export contacts to a CSV or XLSX file and exit"), N_("FILE") },
      { "export-followups", 0, 0, G_OPTION_ARG_FILENAME, &o.exports[SALES_EXPORT_FOLLOWUPS],
        N_("Export follow-ups to a CSV or XLSX file and exit"), N_("FILE") },
      { "export-contracts", 0, 0, G_OPTION_ARG_FILENAME, &o.exports[SALES_EXPORT_CONTRACTS],
        N_("Export contracts to a CSV or XLSX file and exit"), N_("FILE") },
      { "export-instalments", 0, 0, G_OPTION_ARG_FILENAME,
        &o.exports[SALES_EXPORT_INSTALMENTS],
        N_("Export the instalments of payment plans to a CSV or XLSX file and exit"), N_("FILE") },
      { "export-payments", 0, 0, G_OPTION_ARG_FILENAME, &o.exports[SALES_EXPORT_PAYMENTS],
        N_("Export payments received to a CSV or XLSX file and exit"), N_("FILE") },
      { "kpi", 0, 0, G_OPTION_ARG_STRING, &o.kpi,
        N_("Print the key figures of a month (or a quarter YYYY-Q1…Q4, or a year YYYY) as JSON "
           "(use with --json) and exit"), N_("YYYY-MM") },
      { "report", 0, 0, G_OPTION_ARG_STRING, &o.report,
        N_("Write the monthly summary of a month as PDF (use with --output) and exit"),
        N_("YYYY-MM") },
      { "rep", 0, 0, G_OPTION_ARG_INT64, &o.rep,
        N_("Limit --kpi or --report to one sales rep"), N_("ID") },
      { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Print the key figures as JSON"), NULL },
      { "output", 0, 0, G_OPTION_ARG_FILENAME, &o.output, N_("Write the report to FILE"),
        N_("FILE") },
      { "paper", 0, 0, G_OPTION_ARG_STRING, &o.paper,
        N_("Paper size of --report: a4 (the default) or letter"), N_("SIZE") },
      { "version", 0, 0, G_OPTION_ARG_NONE, &o.version, N_("Show the version and exit"), NULL },
      { NULL }
    };

    context = g_option_context_new (NULL);
    g_option_context_set_summary (context,
                                  _("Sales Desk keeps customers, deals and follow-ups in one "
                                    "local database.\nWithout a job option it opens the "
                                    "window."));
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
    g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  }

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_strfreev (args);
      return fail (error->message);
    }

  if (o.version)
    {
      g_strfreev (args);
      g_print ("sales-desk %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_strv_length (args) > 1)
    {
      g_autofree char *message =
        g_strdup_printf (_("Unexpected argument “%s”; see --help"), args[1]);
      g_strfreev (args);
      return fail (message);
    }
  g_strfreev (args);

  if (is_headless (&o))
    return run_headless (&o);

  {
    g_autoptr(SalesApplication) app = sales_application_new (o.db_path);
    char *app_argv[] = { argv[0], NULL };

    return g_application_run (G_APPLICATION (app), 1, app_argv);
  }
}
