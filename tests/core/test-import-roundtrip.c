/* test-import-roundtrip.c: what the export writes, the import reads back as it was
 *
 * Customers and deals are exported to CSV and to .xlsx, then imported into a
 * fresh database; every field the import knows must come back the same,
 * including the cells the export neutralised with an apostrophe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"

/* Customer 2's text fields all start with a character a spreadsheet would run (not a tab or
 * CR: the store trims those); deal 2 is lost ("Lost" is stage 7, "Price too high" reason 1
 * in a new database). */
static void
add_rows (Fixture *f)
{
  test_exec (f->db,
             "INSERT INTO rep (id, name) VALUES (1, '王芳'), (2, 'Bob');"
             "INSERT INTO customer (id, name, industry, tier, source, owner_id, phone, email,"
             "                      address, notes, created_at, updated_at) VALUES"
             " (1, '上海明辉贸易有限公司', '制造', 'A', 'referral', 1, '+86 21 5555 0101',"
             "  'a@b.cn', '上海市浦东新区' || char (10) || '张江路 100 号',"
             "  'He said \"yes\", then left', 1700000000, 1700000060),"
             " (2, '=HYPERLINK(\"http://x\",\"y\")', '@SUM(A1)', 'B', NULL, 2, '-1+2', NULL,"
             "  '-5 号楼', '''quoted', 1700000000, 1700000000);"
             "INSERT INTO deal (id, title, customer_id, owner_id, stage_id, amount_cents,"
             "                  currency, expected_close, created_at, stage_changed_at,"
             "                  closed_at, lost_reason_id, lost_note) VALUES"
             " (1, 'ERP 升级', 1, 1, 1, 1234567, 'CNY', '2023-12-31', 1700000000, 1700000000,"
             "  NULL, NULL, NULL),"
             " (2, '+cmd|calc', 2, 2, 7, 5, 'USD', NULL, 1700000000, 1700000000,"
             "  1700003600, 1, '-- gone');");
}

#define CUSTOMERS_SQL                                                                   \
  "SELECT group_concat (line, '|') FROM (SELECT c.name || '/' || ifnull (c.industry, '') || '/'" \
  " || c.tier || '/' || ifnull (c.source, '') || '/' || ifnull (r.name, '') || '/' ||"   \
  " ifnull (c.phone, '') || '/' || ifnull (c.email, '') || '/' || ifnull (c.address, '') ||" \
  " '/' || ifnull (c.notes, '') AS line FROM customer c LEFT JOIN rep r ON r.id = c.owner_id" \
  " ORDER BY c.name)"

#define DEALS_SQL                                                                      \
  "SELECT group_concat (line, '|') FROM (SELECT d.title || '/' || c.name || '/' || s.name ||" \
  " '/' || ifnull (r.name, '') || '/' || d.amount_cents || '/' || d.currency || '/' ||"   \
  " ifnull (d.expected_close, '') || '/' || ifnull (l.name, '') || '/' ||"                \
  " ifnull (d.lost_note, '') AS line FROM deal d JOIN customer c ON c.id = d.customer_id" \
  " JOIN stage s ON s.id = d.stage_id LEFT JOIN rep r ON r.id = d.owner_id"              \
  " LEFT JOIN lost_reason l ON l.id = d.lost_reason_id ORDER BY d.title)"

static void
export_file (Fixture          *f,
             SalesExportTable  table,
             const char       *path)
{
  g_autoptr(SalesExporter) exporter = sales_exporter_new (f->path, table);
  g_autoptr(GError) error = NULL;
  SalesExportFormat format;

  g_assert_true (sales_export_format_for_path (path, &format, &error));
  g_assert_true (sales_exporter_run (exporter, path, format, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
import_file (SalesStore      *store,
             const char      *path,
             SalesImportKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_path (path, &error);
  g_autoptr(SalesImport) job = NULL;

  g_assert_no_error (error);
  job = sales_import_new (reader, kind);
  sales_import_set_create_reps (job, TRUE);
  g_assert_true (sales_store_import (store, job, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sales_import_get_summary (job)->rejected, ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  const char *extension = data;
  g_autofree char *customers_name = g_strconcat ("customers.", extension, NULL);
  g_autofree char *deals_name = g_strconcat ("deals.", extension, NULL);
  g_autofree char *customers_path = g_build_filename (f->dir, customers_name, NULL);
  g_autofree char *deals_path = g_build_filename (f->dir, deals_name, NULL);
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.db", NULL);
  g_autoptr(SalesDb) fresh = NULL;
  g_autoptr(SalesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *deals = NULL;
  g_autofree char *customers_back = NULL;
  g_autofree char *deals_back = NULL;

  add_rows (f);
  export_file (f, SALES_EXPORT_CUSTOMERS, customers_path);
  export_file (f, SALES_EXPORT_DEALS, deals_path);

  fresh = sales_db_open (fresh_path, &error);
  g_assert_no_error (error);
  store = sales_store_new (fresh);
  import_file (store, customers_path, SALES_IMPORT_CUSTOMERS);
  import_file (store, deals_path, SALES_IMPORT_DEALS);

  customers = test_query_text (f->db, CUSTOMERS_SQL);
  customers_back = test_query_text (fresh, CUSTOMERS_SQL);
  g_assert_cmpstr (customers, ==,
                   "=HYPERLINK(\"http://x\",\"y\")/@SUM(A1)/B//Bob/-1+2//-5 号楼/'quoted|"
                   "上海明辉贸易有限公司/制造/A/referral/王芳/+86 21 5555 0101/a@b.cn/"
                   "上海市浦东新区\n张江路 100 号/He said \"yes\", then left");
  g_assert_cmpstr (customers_back, ==, customers);

  deals = test_query_text (f->db, DEALS_SQL);
  deals_back = test_query_text (fresh, DEALS_SQL);
  g_assert_cmpstr (deals, ==,
                   "+cmd|calc/=HYPERLINK(\"http://x\",\"y\")/Lost/Bob/5/USD//Price too high/"
                   "-- gone|"
                   "ERP 升级/上海明辉贸易有限公司/Lead/王芳/1234567/CNY/2023-12-31//");
  g_assert_cmpstr (deals_back, ==, deals);
}

/* Only the one apostrophe the export adds, and only before what it guards. */
static void
test_unneutralize (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "'=1+1", "=1+1" }, { "'+86", "+86" }, { "'-1", "-1" }, { "'@x", "@x" },
    { "'\tx", "\tx" }, { "'\rx", "\rx" }, { "''=x", "''=x" }, { "'abc", "'abc" },
    { "'", "'" }, { "", "" }, { "=x", "=x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup (cases[i].in);

      sales_import_unneutralize (text);
      g_assert_cmpstr (text, ==, cases[i].out);
    }
}

/* The column titles of the export in Traditional Chinese, and other headers of Taiwan. */
static void
test_headers_zh_tw (void)
{
  const struct { SalesImportKind kind; const char *header; SalesImportField field; } cases[] = {
    { SALES_IMPORT_CUSTOMERS, "產業", SALES_IMPORT_FIELD_INDUSTRY },
    { SALES_IMPORT_CUSTOMERS, "客戶名稱", SALES_IMPORT_FIELD_CUSTOMER_NAME },
    { SALES_IMPORT_CUSTOMERS, "電話", SALES_IMPORT_FIELD_PHONE },
    { SALES_IMPORT_CUSTOMERS, "負責人", SALES_IMPORT_FIELD_OWNER },
    { SALES_IMPORT_CUSTOMERS, "電子郵件", SALES_IMPORT_FIELD_EMAIL },
    { SALES_IMPORT_CUSTOMERS, "客戶等級", SALES_IMPORT_FIELD_TIER },
    { SALES_IMPORT_CUSTOMERS, "備註", SALES_IMPORT_FIELD_NOTES },
    { SALES_IMPORT_DEALS, "預計成交日期", SALES_IMPORT_FIELD_EXPECTED_CLOSE },
    { SALES_IMPORT_DEALS, "商機名稱", SALES_IMPORT_FIELD_DEAL_TITLE },
    { SALES_IMPORT_DEALS, "幣別", SALES_IMPORT_FIELD_CURRENCY },
    { SALES_IMPORT_DEALS, "輸單原因", SALES_IMPORT_FIELD_LOST_REASON },
    { SALES_IMPORT_DEALS, "輸單說明", SALES_IMPORT_FIELD_LOST_NOTE },
    { SALES_IMPORT_DEALS, "输单原因", SALES_IMPORT_FIELD_LOST_REASON },
    { SALES_IMPORT_DEALS, "Lost reason", SALES_IMPORT_FIELD_LOST_REASON },
    { SALES_IMPORT_CUSTOMERS, "輸單原因", SALES_IMPORT_FIELD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sales_import_field_for_header (cases[i].kind, cases[i].header), ==,
                     cases[i].field);
}

/* A lost deal needs its reason; one the database does not have is made only when the user
 * agreed to new stages. */
static void
test_lost_reasons (Fixture       *f,
                   gconstpointer  data)
{
  static const char csv[] =
    "商机名称,客户名称,阶段,输单原因,输单说明\n"
    "甲,客户甲,Lost,Price too high,太贵\n"
    "乙,客户乙,Lost,,\n"
    "丙,客户丙,Lost,预算取消,\n";
  g_autofree char *path = g_build_filename (f->dir, "lost.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *deals = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));

  for (int allow = 0; allow <= 1; allow++)
    {
      g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_path (path, &error);
      g_autoptr(SalesImport) job = sales_import_new (reader, SALES_IMPORT_DEALS);
      GPtrArray *rejected;

      sales_import_set_create_stages (job, allow);
      g_assert_true (sales_store_import (f->store, job, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      rejected = sales_import_get_rejected (job);
      g_assert_cmpuint (rejected->len, ==, allow ? 1 : 2);
      g_assert_cmpuint (((SalesImportRejected *)rejected->pdata[0])->number, ==, 3);
      g_assert_cmpstr (((SalesImportRejected *)rejected->pdata[0])->reason, ==,
                       "A lost deal needs a lost reason");
      if (!allow)
        g_assert_cmpstr (((SalesImportRejected *)rejected->pdata[1])->reason, ==,
                         "There is no lost reason “预算取消”");
    }

  deals = test_query_text (f->db,
                           "SELECT group_concat (d.title || '/' || l.name || '/' ||"
                           " ifnull (d.lost_note, ''), '|') FROM deal d"
                           " JOIN lost_reason l ON l.id = d.lost_reason_id");
  g_assert_cmpstr (deals, ==, "甲/Price too high/太贵|丙/预算取消/");
}

/* An import run by another store of the file, as the window runs it in a worker thread,
 * is undone through the window's store, after the other store is gone. */
static void
test_adopt_undo (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "customers.csv", NULL);
  g_autoptr(SalesCustomer) draft = g_object_new (SALES_TYPE_CUSTOMER, NULL);
  g_autoptr(SalesCustomer) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *after = NULL;
  SignalLog log = { 0 };

  g_assert_true (g_file_set_contents (csv_path,
                                      "客户名称,行业,电话\n甲公司,制造,13800000001\n"
                                      "乙公司,零售,13800000002\n", -1, NULL));
  sales_customer_set_name (draft, "甲公司");
  existing = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
  before = test_dump_all (f->db);

  {
    g_autoptr(SalesDb) db = sales_db_open (f->path, &error);
    g_autoptr(SalesStore) other = sales_store_new (db);
    g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_path (csv_path, &error);
    g_autoptr(SalesImport) job = sales_import_new (reader, SALES_IMPORT_CUSTOMERS);

    g_assert_no_error (error);
    sales_import_set_policy (job, SALES_IMPORT_MERGE);
    g_assert_true (sales_store_import (other, job, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sales_import_get_summary (job)->customers_merged, ==, 1);

    signal_log_start (&log, f->store);
    sales_store_adopt_undo (f->store, other);
    signal_log_stop (&log, f->store);
    g_assert_false (sales_store_can_undo (other));
  }

  g_assert_cmpuint (log.resets, ==, 1);
  /* The window's object of the merged customer shows what the import wrote. */
  g_assert_cmpstr (sales_customer_get_industry (existing), ==, "制造");
  imported = test_dump_all (f->db);
  g_assert_cmpstr (imported, !=, before);
  g_assert_true (sales_store_can_undo (f->store));
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Import");

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (sales_customer_get_industry (existing), ==, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/round-trip/csv", Fixture, "csv",
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/import/round-trip/xlsx", Fixture, "xlsx",
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add_func ("/import/unneutralize", test_unneutralize);
  g_test_add_func ("/import/headers/zh-tw", test_headers_zh_tw);
  g_test_add ("/import/undo/adopted", Fixture, NULL,
              fixture_set_up, test_adopt_undo, fixture_tear_down);
  g_test_add ("/import/lost-reasons", Fixture, NULL,
              fixture_set_up, test_lost_reasons, fixture_tear_down);

  return g_test_run ();
}
