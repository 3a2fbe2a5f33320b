/* test-import.c: importing customers and deals through the store
 *
 * The expected records are worked out by hand from the fixtures in
 * tests/fixtures/import (see customers.csv and deals.csv there).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "fixtures", "import", name, NULL);
}

static SalesImport *
new_import (const char        *path,
            SalesImportKind    kind,
            SalesImportPolicy  policy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_path (path, &error);
  SalesImport *job;

  g_assert_no_error (error);
  job = sales_import_new (reader, kind);
  sales_import_set_policy (job, policy);
  return job;
}

static SalesImport *
run_import (Fixture           *f,
            const char        *name,
            SalesImportKind    kind,
            SalesImportPolicy  policy)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  SalesImport *job = new_import (path, kind, policy);

  g_assert_true (sales_store_import (f->store, job, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return job;
}

static char *
rejected_text (SalesImport *job)
{
  GPtrArray *rejected = sales_import_get_rejected (job);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rejected->len; i++)
    {
      SalesImportRejected *row = g_ptr_array_index (rejected, i);

      g_string_append_printf (text, "%s%u: %s", i > 0 ? "\n" : "", row->number, row->reason);
    }

  return g_string_free (text, FALSE);
}

#define CUSTOMERS_SQL \
  "SELECT group_concat (line, '\n') FROM (SELECT name || '/' || tier || '/' ||" \
  " ifnull (source, '') || '/' || ifnull (phone, '') || '/' || ifnull (email, '') AS line" \
  " FROM customer ORDER BY id)"

#define CONTACTS_SQL \
  "SELECT group_concat (line, '\n') FROM (SELECT customer_id || ':' || name || '/' ||" \
  " ifnull (title, '') || '/' || ifnull (phone, '') || '/' || is_primary AS line" \
  " FROM contact ORDER BY id)"

/* Each encoding LibreOffice saved the same sheet in gives the same records. */
static void
test_customers_skip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SalesImport) job = run_import (f, data, SALES_IMPORT_CUSTOMERS, SALES_IMPORT_SKIP);
  const SalesImportSummary *s = sales_import_get_summary (job);
  g_autofree char *customers = test_query_text (f->db, CUSTOMERS_SQL);
  g_autofree char *contacts = test_query_text (f->db, CONTACTS_SQL);
  g_autofree char *notes = test_query_text (f->db, "SELECT notes FROM customer WHERE id = 2");
  g_autofree char *rejected = rejected_text (job);
  g_autofree char *summary = sales_import_describe_summary (job);

  g_assert_cmpuint (s->rows, ==, 6);
  g_assert_cmpuint (s->customers_created, ==, 3);
  g_assert_cmpuint (s->customers_skipped, ==, 1);
  g_assert_cmpuint (s->customers_merged, ==, 0);
  g_assert_cmpuint (s->contacts_created, ==, 2);
  g_assert_cmpuint (s->rejected, ==, 2);

  g_assert_cmpstr (customers, ==,
                   "深圳华强电子有限公司/A/exhibition/0755-83030000/info@hq.example.cn\n"
                   "北京中关村科技/B/referral/010-62550000/\n"
                   "杭州西湖茶业/C/website//tea@xihu.example.cn");
  g_assert_cmpstr (contacts, ==,
                   "1:王强/采购经理/13800138000/1\n"
                   "2:李娜/总经理/139 0013 9000/1");
  g_assert_cmpstr (notes, ==, "他说\"先试用\"\n再签约");
  g_assert_cmpstr (rejected, ==,
                   "4: A customer needs a name\n"
                   "7: “D” is not a tier (A, B or C)");
  g_assert_cmpstr (summary, ==, "3 customers created, 1 duplicate customer skipped, "
                                "2 contacts added, 2 rows rejected");

  /* The duplicate keys were flushed with the commit. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_key "
                                          "WHERE key = 'p:13800138000' AND customer_id = 1"),
                   ==, 1);
}

static void
test_customers_merge (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SalesImport) job = run_import (f, "customers.csv", SALES_IMPORT_CUSTOMERS,
                                           SALES_IMPORT_MERGE);
  const SalesImportSummary *s = sales_import_get_summary (job);
  g_autofree char *contacts = test_query_text (f->db, CONTACTS_SQL);
  g_autofree char *notes = test_query_text (f->db, "SELECT notes FROM customer WHERE id = 1");

  g_assert_cmpuint (s->customers_created, ==, 3);
  g_assert_cmpuint (s->customers_merged, ==, 1);
  g_assert_cmpuint (s->contacts_created, ==, 3);
  /* The second row of the same company adds its contact and replaces what it gives. */
  g_assert_cmpstr (contacts, ==,
                   "1:王强/采购经理/13800138000/1\n"
                   "2:李娜/总经理/139 0013 9000/1\n"
                   "1:张伟/工程师/13700137000/0");
  g_assert_cmpstr (notes, ==, "同一家公司的第二个联系人");
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer"), ==, 3);
}

static void
test_customers_create (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SalesImport) job = run_import (f, "customers.csv", SALES_IMPORT_CUSTOMERS,
                                           SALES_IMPORT_CREATE);
  const SalesImportSummary *s = sales_import_get_summary (job);

  g_assert_cmpuint (s->customers_created, ==, 4);
  g_assert_cmpuint (s->customers_skipped, ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer "
                                          "WHERE name LIKE '深圳华强电子%'"), ==, 2);
}

/* Against the database: the same phone under another name is the same customer. */
static void
test_duplicates_in_database (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SalesCustomer) draft = g_object_new (SALES_TYPE_CUSTOMER, NULL);
  g_autoptr(SalesCustomer) existing = NULL;
  g_autoptr(SalesImport) job = NULL;
  g_autoptr(GError) error = NULL;
  const SalesImportSummary *s;

  sales_customer_set_name (draft, "西湖茶业");
  sales_customer_set_email (draft, "TEA@xihu.example.cn");
  existing = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  job = run_import (f, "customers.csv", SALES_IMPORT_CUSTOMERS, SALES_IMPORT_MERGE);
  s = sales_import_get_summary (job);
  g_assert_cmpuint (s->customers_created, ==, 2);
  g_assert_cmpuint (s->customers_merged, ==, 2);
  /* Merged: the stored name stays, the file's industry and tier come in. */
  g_assert_cmpstr (sales_customer_get_name (existing), ==, "西湖茶业");
  g_assert_cmpstr (sales_customer_get_industry (existing), ==, "食品");
  g_assert_cmpint (sales_customer_get_tier (existing), ==, SALES_TIER_C);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SalesCustomer) draft = g_object_new (SALES_TYPE_CUSTOMER, NULL);
  g_autoptr(SalesCustomer) existing = NULL;
  g_autoptr(SalesImport) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *redone = NULL;

  sales_customer_set_name (draft, "深圳华强电子");
  existing = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
  before = test_dump_all (f->db);

  job = run_import (f, "customers.csv", SALES_IMPORT_CUSTOMERS, SALES_IMPORT_MERGE);
  imported = test_dump_all (f->db);
  g_assert_cmpstr (imported, !=, before);
  g_assert_true (sales_store_can_undo (f->store));
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Import");

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (sales_customer_get_industry (existing), ==, NULL);

  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  redone = test_dump_all (f->db);
  g_assert_cmpstr (redone, ==, imported);
}

static void
test_deals (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SalesImport) customers = run_import (f, "customers.csv", SALES_IMPORT_CUSTOMERS,
                                                 SALES_IMPORT_SKIP);
  g_autoptr(SalesImport) job = run_import (f, "deals.csv", SALES_IMPORT_DEALS, SALES_IMPORT_SKIP);
  const SalesImportSummary *s = sales_import_get_summary (job);
  g_autofree char *deals = NULL;
  g_autofree char *rejected = rejected_text (job);

  deals = test_query_text (f->db,
                           "SELECT group_concat (line, '\n') FROM (SELECT d.title || '/' ||"
                           " c.name || '/' || d.amount_cents || '/' || d.currency || '/' ||"
                           " s.name || '/' || d.expected_close AS line FROM deal d"
                           " JOIN customer c ON c.id = d.customer_id"
                           " JOIN stage s ON s.id = d.stage_id ORDER BY d.id)");
  g_assert_cmpstr (deals, ==,
                   "服务器升级/深圳华强电子有限公司/12000000/CNY/Lead/2026-10-05\n"
                   "年度维保/北京中关村科技/1200000/CNY/Negotiation/2026-11-30\n"
                   "茶叶礼盒/新客户贸易/1500000/CNY/Initial contact/2026-10-05");
  g_assert_cmpstr (rejected, ==,
                   "5: “abc” is not an amount\n"
                   "6: There is no stage “Signed?”\n"
                   "7: A deal needs a title");
  g_assert_cmpuint (s->deals_created, ==, 3);
  g_assert_cmpuint (s->customers_created, ==, 1);
  /* Each new deal has its first history row. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM deal_stage_history"), ==, 3);
}

static void
test_deals_again (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SalesImport) first = run_import (f, "deals.csv", SALES_IMPORT_DEALS,
                                             SALES_IMPORT_SKIP);
  g_autoptr(SalesImport) skip = run_import (f, "deals.csv", SALES_IMPORT_DEALS,
                                            SALES_IMPORT_SKIP);
  g_autofree char *path = fixture_path ("deals.csv");
  g_autoptr(SalesImport) merge = new_import (path, SALES_IMPORT_DEALS, SALES_IMPORT_MERGE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (sales_import_get_summary (first)->customers_created, ==, 3);
  g_assert_cmpuint (sales_import_get_summary (skip)->deals_skipped, ==, 3);
  g_assert_cmpuint (sales_import_get_summary (skip)->customers_created, ==, 0);

  /* With new stages allowed, "Signed?" becomes one. */
  sales_import_set_create_stages (merge, TRUE);
  g_assert_true (sales_store_import (f->store, merge, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sales_import_get_summary (merge)->deals_merged, ==, 3);
  g_assert_cmpuint (sales_import_get_summary (merge)->deals_created, ==, 1);
  g_assert_cmpuint (sales_import_get_summary (merge)->stages_created, ==, 1);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM stage WHERE name = 'Signed?' "
                                          "AND kind = 'open'"), ==, 1);
}

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SalesImport) job = run_import (f, "customers.xlsx", SALES_IMPORT_CUSTOMERS,
                                           SALES_IMPORT_SKIP);
  g_autofree char *customers = test_query_text (f->db, CUSTOMERS_SQL);

  g_assert_cmpstr (customers, ==,
                   "深圳华强电子/B//0755-83030000/\n"
                   "北京中关村科技/B///\n"
                   "杭州西湖茶业/B//13800138000/");
}

/* A file read in the wrong encoding: its rows are named, never imported garbled. */
static void
test_wrong_encoding (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path ("customers-gb18030.csv");
  g_autoptr(SalesImport) job = new_import (path, SALES_IMPORT_CUSTOMERS, SALES_IMPORT_SKIP);
  g_autoptr(GError) error = NULL;

  sales_import_reader_set_encoding (sales_import_get_reader (job), SALES_IMPORT_ENCODING_UTF8);
  /* Not even the header is UTF-8: no column is found. */
  g_assert_false (sales_store_import (f->store, job, NULL, NULL, NULL, &error));
  g_assert_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_MAPPING);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer"), ==, 0);
}

static void
test_invalid_cell (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "bad.csv", NULL);
  g_autoptr(SalesImport) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rejected = NULL;

  g_assert_true (g_file_set_contents (path, "name,notes\nOne,fine\nTwo,\xFF\xFE\n", -1, NULL));
  job = new_import (path, SALES_IMPORT_CUSTOMERS, SALES_IMPORT_SKIP);
  sales_import_reader_set_encoding (sales_import_get_reader (job), SALES_IMPORT_ENCODING_UTF8);
  g_assert_true (sales_store_import (f->store, job, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  rejected = rejected_text (job);
  g_assert_cmpstr (rejected, ==, "3: Column 2 (“notes”) is not valid UTF-8 text");
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer"), ==, 1);
}

static void
test_rejected_csv (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SalesImport) job = run_import (f, "customers.csv", SALES_IMPORT_CUSTOMERS,
                                           SALES_IMPORT_SKIP);
  g_autofree char *path = g_build_filename (f->dir, "rejected.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_true (sales_import_save_rejected (job, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_cmpstr (text, ==,
                   "\xEF\xBB\xBF\"客户名称\",\"行业\",\"客户等级\",\"来源\",\"电话\",\"邮箱\","
                   "\"联系人\",\"手机\",\"职务\",\"备注\",\"Row\",\"Reason\"\r\n"
                   "\"\",\"缺名称的行\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"4\","
                   "\"A customer needs a name\"\r\n"
                   "\"成都天府软件\",\"软件\",\"D\",\"\",\"\",\"\",\"\",\"\",\"\",\"等级不对\","
                   "\"7\",\"“D” is not a tier (A, B or C)\"\r\n");
}

static void
test_mapping_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "nameless.csv", NULL);
  g_autoptr(SalesImport) job = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "phone,email\n123,a@b.c\n", -1, NULL));
  job = new_import (path, SALES_IMPORT_CUSTOMERS, SALES_IMPORT_SKIP);
  g_assert_false (sales_store_import (f->store, job, NULL, NULL, NULL, &error));
  g_assert_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_MAPPING);

  /* Mapped by hand, the same file goes in. */
  g_clear_error (&error);
  g_assert_true (sales_import_read_header (job, NULL, &error));
  sales_import_set_field (job, 1, SALES_IMPORT_FIELD_CUSTOMER_NAME);
  g_assert_true (sales_store_import (f->store, job, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer WHERE name = 'a@b.c'"),
                   ==, 1);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path ("customers.csv");
  g_autoptr(SalesImport) job = new_import (path, SALES_IMPORT_CUSTOMERS, SALES_IMPORT_SKIP);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (sales_store_import (f->store, job, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer"), ==, 0);
}

static void
count_progress (goffset  done,
                goffset  total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpint (done, <=, total);
  (*calls)++;
}

/* A write that fails in row 90 000 of 100 000 leaves the database as it was. */
static void
test_failure_late (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "big.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("客户名称,电话\n");
  g_autoptr(SalesImport) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint progress_calls = 0;

  for (int i = 1; i <= 100000; i++)
    g_string_append_printf (csv, "客户%d,1%010d\n", i, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));

  test_exec (f->db, "CREATE TRIGGER fail_late BEFORE INSERT ON customer "
                    "WHEN NEW.name = '客户90000' BEGIN SELECT RAISE (ABORT, 'disk on fire'); END");
  before = test_dump_all (f->db);

  job = new_import (path, SALES_IMPORT_CUSTOMERS, SALES_IMPORT_SKIP);
  g_assert_false (sales_store_import (f->store, job, count_progress, &progress_calls, NULL,
                                      &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "disk on fire"));

  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (sales_import_get_summary (job)->customers_created, ==, 0);
  g_assert_false (sales_store_can_undo (f->store));
  /* At rows 2 000, 4 000 … 90 000; 客户90000 is row 90 001 */
  g_assert_cmpuint (progress_calls, ==, 45);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/customers/skip/utf-8", Fixture, "customers.csv",
              fixture_set_up, test_customers_skip, fixture_tear_down);
  g_test_add ("/import/customers/skip/gb18030", Fixture, "customers-gb18030.csv",
              fixture_set_up, test_customers_skip, fixture_tear_down);
  g_test_add ("/import/customers/skip/utf-16", Fixture, "customers-utf16.txt",
              fixture_set_up, test_customers_skip, fixture_tear_down);
  g_test_add ("/import/customers/merge", Fixture, NULL,
              fixture_set_up, test_customers_merge, fixture_tear_down);
  g_test_add ("/import/customers/create", Fixture, NULL,
              fixture_set_up, test_customers_create, fixture_tear_down);
  g_test_add ("/import/customers/duplicates-in-database", Fixture, NULL,
              fixture_set_up, test_duplicates_in_database, fixture_tear_down);
  g_test_add ("/import/customers/xlsx", Fixture, NULL,
              fixture_set_up, test_xlsx, fixture_tear_down);
  g_test_add ("/import/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/import/deals", Fixture, NULL, fixture_set_up, test_deals, fixture_tear_down);
  g_test_add ("/import/deals/again", Fixture, NULL,
              fixture_set_up, test_deals_again, fixture_tear_down);
  g_test_add ("/import/wrong-encoding", Fixture, NULL,
              fixture_set_up, test_wrong_encoding, fixture_tear_down);
  g_test_add ("/import/invalid-cell", Fixture, NULL,
              fixture_set_up, test_invalid_cell, fixture_tear_down);
  g_test_add ("/import/rejected-csv", Fixture, NULL,
              fixture_set_up, test_rejected_csv, fixture_tear_down);
  g_test_add ("/import/mapping-error", Fixture, NULL,
              fixture_set_up, test_mapping_error, fixture_tear_down);
  g_test_add ("/import/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/import/failure-late", Fixture, NULL,
              fixture_set_up, test_failure_late, fixture_tear_down);

  return g_test_run ();
}
