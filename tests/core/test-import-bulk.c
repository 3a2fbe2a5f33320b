/* test-import-bulk.c: the import's bulk path writes what its row path writes
 *
 * A big file into a smaller database takes the bulk path (sales-store-import.c: triggers
 * dropped, duplicate keys written as the rows go in, the search index built in one pass at
 * the end, the key figures' summaries rebuilt). Here the same file goes into two databases
 * with the same rows before it, once each way, and every row, duplicate key, search index
 * row and search answer must be the same; and the things the bulk path takes apart for the
 * import must be back afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sales-customer-search.h"
#include "sales-import-private.h"
#include "sales-kpi-summary.h"
#include "test-util.h"

/* More rows than the search index builds one by one (BULK_MIN there). */
#define N_ROWS 1500

/* Rows 0 … N_ROWS - 1, with a few that repeat an earlier one by phone, e-mail or name. */
static char *
write_csv (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("客户名称,来源,电话,邮箱,联系人,手机,备注\n");
  char *path = g_build_filename (dir, "customers.csv", NULL);

  for (guint i = 0; i < N_ROWS; i++)
    {
      if (i % 100 == 7)
        /* The phone of row i - 7 under another name, in another form */
        g_string_append_printf (csv, "另一家%u公司,展会,+86 010-8%07u,,,,\n", i, i - 7);
      else if (i % 100 == 8)
        /* The e-mail of row i - 8 in capitals */
        g_string_append_printf (csv, "别名%u,官网,,INFO%u@EXAMPLE.CN,,,\n", i, i - 8);
      else if (i % 100 == 9)
        /* The name of row i - 9, with another contact */
        g_string_append_printf (csv, "臺北貿易%u有限公司,转介绍,,,陈静,1390000%04u,再次\n",
                                i - 9, i);
      else
        g_string_append_printf (csv, "臺北貿易%u有限公司,%s,010-8%07u,info%u@example.cn,"
                                     "張偉%u,1380000%04u,\"备注, 第%u行\"\n",
                                i, i % 2 ? "微信" : "电话", i, i, i, i, i);
    }

  g_assert_true (g_file_set_contents (path, csv->str, (gssize)csv->len, NULL));
  return path;
}

static void
add_existing (Fixture *f)
{
  static const char * const names[] = { "臺北貿易3有限公司", "深圳华强电子", "西湖茶业" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SalesCustomer) draft = g_object_new (SALES_TYPE_CUSTOMER, NULL);
      g_autoptr(SalesCustomer) customer = NULL;

      sales_customer_set_name (draft, names[i]);
      sales_customer_set_phone (draft, i == 1 ? "010 80000021" : NULL);
      customer = (SalesCustomer *)sales_store_create (f->store, SALES_RECORD (draft), &error);
      g_assert_no_error (error);
    }
}

static SalesImport *
import (Fixture           *f,
        const char        *path,
        SalesImportPolicy  policy,
        SalesImportWrite   write)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_path (path, &error);
  SalesImport *job;

  g_assert_no_error (error);
  job = sales_import_new (reader, SALES_IMPORT_CUSTOMERS);
  sales_import_set_policy (job, policy);
  sales_import_set_write (job, write);
  g_assert_true (sales_store_import (f->store, job, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return job;
}

static char *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = sales_customer_search_ids (f->db, text, 0, G_MAXUINT, NULL, &error);
  GString *answer = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (answer, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (answer, FALSE);
}

static const char * const queries[] = {
  "台北贸易12有限公司",   /* simplified for the traditional name */
  "臺北貿易12",
  "貿",                  /* one character */
  "张伟",                /* two, simplified for 張偉 */
  "tbmy",                /* pinyin initials */
  "80000012",            /* phone digits */
  "13800000012",
  "info12@",
  "再次",
  "陈静",
};

static char *
dump_derived (Fixture *f)
{
  g_autofree char *keys = test_dump_table (f->db, "customer_key");
  g_autofree char *rows = test_dump_table (f->db, "customer_search");
  g_autofree char *schema = test_query_text (f->db, "SELECT group_concat (type || ' ' || name, "
                                                    "'\n') FROM (SELECT type, name FROM "
                                                    "sqlite_schema ORDER BY type, name)");
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "[customer_key]\n%s[customer_search]\n%s[schema]\n%s\n",
                          keys, rows, schema);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *ids = search (f, queries[i]);

      g_string_append_printf (text, "[%s] %s\n", queries[i], ids);
    }
  return g_string_free (text, FALSE);
}

/* The key figures' summaries as the bulk path rebuilt them are those a rebuild makes. */
static void
assert_summaries_rebuilt (Fixture *f)
{
  static const char * const tables[] = { "kpi_customer", "kpi_created_sum" };
  g_autoptr(GError) error = NULL;
  char *before[G_N_ELEMENTS (tables)];

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    before[i] = test_dump_table (f->db, tables[i]);

  g_assert_true (sales_db_begin (f->db, &error));
  g_assert_true (sales_kpi_summary_rebuild (f->db, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *after = test_dump_table (f->db, tables[i]);

      g_assert_cmpstr (before[i], ==, after);
      g_free (before[i]);
    }
  sales_db_rollback (f->db);
}

static void
test_same (gconstpointer data)
{
  gboolean existing = GPOINTER_TO_INT (data) & 1;
  SalesImportPolicy policy = GPOINTER_TO_INT (data) & 2 ? SALES_IMPORT_MERGE : SALES_IMPORT_SKIP;
  Fixture rows = { 0 }, bulk = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(SalesImport) rows_job = NULL;
  g_autoptr(SalesImport) bulk_job = NULL;
  g_autofree char *rows_summary = NULL;
  g_autofree char *bulk_summary = NULL;
  g_autofree char *rows_all = NULL;
  g_autofree char *bulk_all = NULL;
  g_autofree char *rows_derived = NULL;
  g_autofree char *bulk_derived = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (&rows, NULL);
  fixture_set_up (&bulk, NULL);
  path = write_csv (rows.dir);
  if (existing)
    {
      add_existing (&rows);
      add_existing (&bulk);
    }
  before = test_dump_all (bulk.db);

  rows_job = import (&rows, path, policy, SALES_IMPORT_WRITE_ROWS);
  bulk_job = import (&bulk, path, policy, SALES_IMPORT_WRITE_BULK);

  rows_summary = sales_import_describe_summary (rows_job);
  bulk_summary = sales_import_describe_summary (bulk_job);
  g_assert_cmpstr (bulk_summary, ==, rows_summary);

  rows_all = test_dump_all (rows.db);
  bulk_all = test_dump_all (bulk.db);
  g_assert_cmpstr (bulk_all, ==, rows_all);
  rows_derived = dump_derived (&rows);
  bulk_derived = dump_derived (&bulk);
  g_assert_cmpstr (bulk_derived, ==, rows_derived);

  /* Checked by hand: the rows ending in 7, 8 and 9 of each hundred are duplicates (skipped
   * or merged); with the customers before it, row 3 has the name of one and row 21 the
   * phone of another. */
  g_assert_cmpint (test_query_int (bulk.db, "SELECT count (*) FROM customer"), ==,
                   N_ROWS - 3 * N_ROWS / 100 + (existing ? 3 - 2 : 0));
  g_assert_cmpint (test_query_int (bulk.db, "SELECT count (*) FROM customer_search"), ==,
                   test_query_int (bulk.db, "SELECT count (*) FROM customer"));
  /* Row 12 by its name in the other script, its contact's mobile and its e-mail: customer
   * 10 (rows 7 to 9 were duplicates), or 12 after the three before it (less row 3). */
  {
    const char *id = existing ? "12" : "10";
    g_autofree char *by_name = search (&bulk, "台北贸易12有限公司");
    g_autofree char *by_phone = search (&bulk, "13800000012");
    g_autofree char *by_mail = search (&bulk, "info12@example");

    g_assert_cmpstr (by_name, ==, id);
    g_assert_cmpstr (by_phone, ==, id);
    g_assert_cmpstr (by_mail, ==, id);
  }
  /* A merged row's contact is found under its customer: 陈静 of row 109 is customer 100's. */
  if (policy == SALES_IMPORT_MERGE)
    {
      g_autofree char *by_contact = search (&bulk, "13900000109");
      g_autofree char *id = test_query_text (bulk.db, "SELECT id FROM customer "
                                                      "WHERE name = '臺北貿易100有限公司'");

      g_assert_cmpstr (by_contact, ==, id);
    }

  /* Nothing left for the commit to catch up with; the triggers note changes again. */
  g_assert_cmpint (test_query_int (bulk.db, "SELECT count (*) FROM customer_dirty"), ==, 0);
  g_assert_cmpint (test_query_int (bulk.db, "SELECT count (*) FROM sqlite_schema "
                                            "WHERE type = 'trigger' AND name GLOB '*_dirty_*'"),
                   ==, 6);
  journal = test_query_text (bulk.db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  /* The search index's settings are those of a new database again. */
  g_assert_cmpint (test_query_int (bulk.db, "SELECT (SELECT count (*) FROM customer_fts_config) "
                                            "+ (SELECT count (*) FROM customer_gram_config)"),
                   ==, 2);
  assert_summaries_rebuilt (&bulk);

  /* Undo takes the whole import back, derived rows too. */
  g_assert_true (sales_store_undo (bulk.store, &error));
  g_assert_no_error (error);
  undone = test_dump_all (bulk.db);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpint (test_query_int (bulk.db, "SELECT count (*) FROM customer_search"), ==,
                   existing ? 3 : 0);

  g_clear_object (&rows_job);
  g_clear_object (&bulk_job);
  fixture_tear_down (&rows, NULL);
  fixture_tear_down (&bulk, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/import/bulk/empty/skip", GINT_TO_POINTER (0), test_same);
  g_test_add_data_func ("/import/bulk/existing/skip", GINT_TO_POINTER (1), test_same);
  g_test_add_data_func ("/import/bulk/empty/merge", GINT_TO_POINTER (2), test_same);
  g_test_add_data_func ("/import/bulk/existing/merge", GINT_TO_POINTER (3), test_same);

  return g_test_run ();
}
