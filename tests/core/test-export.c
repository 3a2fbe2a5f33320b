/* test-export.c: CSV and .xlsx export, byte for byte and cell for cell
 *
 * The expected files are written out by hand from the fixture below, with the
 * test environment's TZ (Asia/Shanghai, UTC+8): TEST_T0 is 2023-11-15 06:13.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "test-util.h"

#define BOM "\xEF\xBB\xBF"
#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

/* Two customers: one in Chinese with a line break, quotes and tags, one whose every
 * text field a spreadsheet would run. Stage 1 is "Lead", 7 "Lost"; reason 1 "Price too high". */
static void
add_fixture_rows (Fixture *f)
{
  test_exec (f->db,
             "INSERT INTO rep (id, name) VALUES (1, '王芳'), (2, 'Bob');"
             "INSERT INTO customer (id, name, industry, tier, source, owner_id, phone, email,"
             "                      address, notes, created_at, updated_at) VALUES"
             " (1, '上海明辉贸易有限公司', '制造', 'A', 'referral', 1, '+86 21 5555 0101',"
             "  'a@b.cn', '上海市浦东新区' || char (10) || '张江路 100 号',"
             "  'He said \"yes\", then left', 1700000000, 1700000060),"
             " (2, '=HYPERLINK(\"http://x\",\"y\")', '@SUM(A1)', 'B', NULL, NULL, '-1+2', NULL,"
             "  char (9) || 'Tabbed', char (13) || 'CR', 1700000000, 1700000000);"
             "INSERT INTO tag (id, name) VALUES (1, '重点'), (2, 'VIP');"
             "INSERT INTO customer_tag (customer_id, tag_id) VALUES (1, 1), (1, 2);"
             "INSERT INTO contact (id, customer_id, name, title, phone, is_primary) VALUES"
             " (1, 1, '李雷', '采购经理', '138 0013 8000', 1),"
             " (2, 2, '+Eve', NULL, NULL, 0);"
             "INSERT INTO deal (id, title, customer_id, owner_id, stage_id, amount_cents,"
             "                  currency, expected_close, created_at, stage_changed_at,"
             "                  closed_at, lost_reason_id, lost_note) VALUES"
             " (1, 'ERP 升级', 1, 1, 1, 1234567, 'CNY', '2023-12-31', 1700000000, 1700000000,"
             "  NULL, NULL, NULL),"
             " (2, '+cmd|calc', 2, NULL, 7, 5, 'CNY', NULL, 1700000000, 1700000000,"
             "  1700003600, 1, '-- gone');"
             "INSERT INTO activity (id, customer_id, deal_id, owner_id, kind, note, due_at,"
             "                      done_at, satisfaction) VALUES"
             " (1, 1, 1, 1, 'visit', '拜访，带样品', 1700086400, NULL, NULL),"
             " (2, 2, NULL, 2, 'call', '=1+1', NULL, 1700000000, 4);"
             "INSERT INTO contract (id, customer_id, deal_id, number, amount_cents, signed_on,"
             "                      notes) VALUES"
             " (1, 1, 1, 'HT-001', 10000, '2023-11-20', NULL);"
             "INSERT INTO payment_plan (id, contract_id, due_on, amount_cents) VALUES"
             " (1, 1, '2023-12-01', 3333), (2, 1, '2024-01-01', 3333), (3, 1, '2024-02-01', 3334);"
             "INSERT INTO payment (id, contract_id, received_on, amount_cents, method, note) VALUES"
             " (1, 1, '2023-12-02', 5000, '银行转账', '@first');");
}

static void
export_setup (Fixture       *f,
              gconstpointer  data)
{
  fixture_set_up (f, data);
  add_fixture_rows (f);
}

static char *
export_to_string (Fixture          *f,
                  SalesExporter    *exporter,
                  const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  SalesExportFormat format;

  g_assert_true (sales_export_format_for_path (path, &format, &error));
  g_assert_no_error (error);
  g_assert_true (sales_exporter_run (exporter, path, format, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return test_read_file (path, NULL);
}

static char *
export_table (Fixture          *f,
              SalesExportTable  table)
{
  g_autoptr(SalesExporter) exporter = sales_exporter_new (f->path, table);

  return export_to_string (f, exporter, "out.csv");
}

static void
test_customers_csv (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = export_table (f, SALES_EXPORT_CUSTOMERS);

  g_assert_cmpstr (csv, ==,
                   BOM "ID,Customer name,Industry,Tier,Source,Owner,Phone,Email,Address,Tags,"
                   "Notes,Created,Updated\r\n"
                   "1,上海明辉贸易有限公司,制造,A,Referral,王芳,'+86 21 5555 0101,a@b.cn,"
                   "\"上海市浦东新区\n张江路 100 号\",\"VIP, 重点\","
                   "\"He said \"\"yes\"\", then left\",2023-11-15 06:13,2023-11-15 06:14\r\n"
                   "2,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),B,,,'-1+2,,"
                   "'\tTabbed,,\"'\rCR\",2023-11-15 06:13,2023-11-15 06:13\r\n");
}

static void
test_deals_csv (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *csv = export_table (f, SALES_EXPORT_DEALS);

  g_assert_cmpstr (csv, ==,
                   BOM "ID,Deal,Customer name,Stage,Owner,Amount,Currency,Expected close,"
                   "Created,Closed,Lost reason,Lost note\r\n"
                   "1,ERP 升级,上海明辉贸易有限公司,Lead,王芳,12345.67,CNY,2023-12-31,"
                   "2023-11-15 06:13,,,\r\n"
                   "2,'+cmd|calc,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Lost,,0.05,CNY,,"
                   "2023-11-15 06:13,2023-11-15 07:13,Price too high,'-- gone\r\n");
}

static void
test_other_tables_csv (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *contacts = export_table (f, SALES_EXPORT_CONTACTS);
  g_autofree char *followups = NULL;
  g_autofree char *contracts = NULL;
  g_autofree char *instalments = NULL;
  g_autofree char *payments = NULL;

  g_assert_cmpstr (contacts, ==,
                   BOM "ID,Customer name,Contact name,Job title,Phone,Email,WeChat,"
                   "Primary contact\r\n"
                   "1,上海明辉贸易有限公司,李雷,采购经理,138 0013 8000,,,Yes\r\n"
                   "2,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+Eve,,,,,\r\n");

  followups = export_table (f, SALES_EXPORT_FOLLOWUPS);
  g_assert_cmpstr (followups, ==,
                   BOM "ID,Customer name,Deal,Owner,Kind,Note,Due,Done,Satisfaction\r\n"
                   "1,上海明辉贸易有限公司,ERP 升级,王芳,Visit,拜访，带样品,2023-11-16 06:13,,\r\n"
                   "2,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,Bob,Call,'=1+1,,"
                   "2023-11-15 06:13,4\r\n");

  contracts = export_table (f, SALES_EXPORT_CONTRACTS);
  g_assert_cmpstr (contracts, ==,
                   BOM "ID,Contract number,Customer name,Deal,Owner,Amount,Collected,"
                   "Outstanding,Signed on,Notes\r\n"
                   "1,HT-001,上海明辉贸易有限公司,ERP 升级,王芳,100.00,50.00,50.00,2023-11-20,\r\n");

  /* 50.00 received settles the first instalment and 16.67 of the second. */
  instalments = export_table (f, SALES_EXPORT_INSTALMENTS);
  g_assert_cmpstr (instalments, ==,
                   BOM "ID,Contract number,Customer name,Owner,Due on,Amount,Paid,"
                   "Outstanding\r\n"
                   "1,HT-001,上海明辉贸易有限公司,王芳,2023-12-01,33.33,33.33,0.00\r\n"
                   "2,HT-001,上海明辉贸易有限公司,王芳,2024-01-01,33.33,16.67,16.66\r\n"
                   "3,HT-001,上海明辉贸易有限公司,王芳,2024-02-01,33.34,0.00,33.34\r\n");

  payments = export_table (f, SALES_EXPORT_PAYMENTS);
  g_assert_cmpstr (payments, ==,
                   BOM "ID,Contract number,Customer name,Owner,Received on,Amount,Method,"
                   "Note\r\n"
                   "1,HT-001,上海明辉贸易有限公司,王芳,2023-12-02,50.00,银行转账,'@first\r\n");
}

static void
test_neutralize (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "=1+1", "'=1+1" },
    { "+86 10", "'+86 10" },
    { "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" },
    { "\rx", "'\rx" },
    { "", "" },
    { "a=1", "a=1" },
    { "'=already", "'=already" },
    { "上海", "上海" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = sales_export_neutralize (cases[i].text);

      g_assert_cmpstr (safe, ==, cases[i].expected);
    }
}

static void
test_ids_in_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SalesExporter) exporter = sales_exporter_new (f->path, SALES_EXPORT_CUSTOMERS);
  static const gint64 ids[] = { 2, 99, 1 };
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  /* 99 is gone (deleted since the list was made): it is left out. */
  sales_exporter_set_ids (exporter, ids, G_N_ELEMENTS (ids));
  csv = export_to_string (f, exporter, "list.csv");
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (sales_exporter_get_n_rows (exporter), ==, 2);
  g_assert_true (g_str_has_prefix (lines[1], "2,"));
  g_assert_true (g_str_has_prefix (lines[2], "1,上海明辉"));
}

static void
test_deal_filter (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SalesExporter) exporter = sales_exporter_new (f->path, SALES_EXPORT_DEALS);
  g_autoptr(SalesDealFilter) filter = sales_deal_filter_new ();
  g_autofree char *csv = NULL;

  sales_deal_filter_set_search (filter, "明辉");
  sales_exporter_set_deal_filter (exporter, filter, f->now);
  csv = export_to_string (f, exporter, "board.csv");
  g_assert_cmpuint (sales_exporter_get_n_rows (exporter), ==, 1);
  g_assert_nonnull (strstr (csv, "\r\n1,ERP 升级,"));

  sales_deal_filter_set_search (filter, NULL);
  sales_deal_filter_set_owner_id (filter, 2);
  sales_exporter_set_deal_filter (exporter, filter, f->now);
  g_clear_pointer (&csv, g_free);
  csv = export_to_string (f, exporter, "board.csv");
  g_assert_cmpuint (sales_exporter_get_n_rows (exporter), ==, 0);

  /* The board showing the Lost stage (7) alone exports deal 2 alone. */
  sales_deal_filter_set_owner_id (filter, 0);
  sales_deal_filter_set_stage_id (filter, 7);
  sales_exporter_set_deal_filter (exporter, filter, f->now);
  g_clear_pointer (&csv, g_free);
  csv = export_to_string (f, exporter, "board.csv");
  g_assert_cmpuint (sales_exporter_get_n_rows (exporter), ==, 1);
  g_assert_nonnull (strstr (csv, "\r\n2,"));
}

static gboolean
dir_has_only (const char *dir,
              const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  while ((entry = g_dir_read_name (d)) != NULL)
    {
      if (g_strcmp0 (entry, name) != 0)
        return FALSE;
      n++;
    }
  return n == (name != NULL ? 1 : 0);
}

static void
cancel_at_first_progress (guint64  done,
                          guint64  total,
                          gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_errors_leave_nothing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesExporter) exporter = sales_exporter_new (f->path, SALES_EXPORT_DEALS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "deals.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", "deals.csv", NULL);
  g_autofree char *kept = NULL;
  SalesExportFormat format;

  g_assert_false (sales_export_format_for_path ("deals.txt", &format, &error));
  g_assert_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (sales_export_format_for_path ("DEALS.XLSX", &format, &error));
  g_assert_cmpint (format, ==, SALES_EXPORT_FORMAT_XLSX);

  g_assert_false (sales_exporter_run (exporter, missing, SALES_EXPORT_FORMAT_CSV, NULL, NULL,
                                      NULL, &error));
  g_assert_error (error, SALES_EXPORT_ERROR, SALES_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* Cancelled after the first rows: the file there before stays as it was, and no
   * temporary file is left. Enough deals for a progress report. */
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "before", -1, NULL));
  test_exec (f->db,
             "WITH RECURSIVE n (i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
             "INSERT INTO deal (id, title, customer_id, stage_id, created_at, stage_changed_at) "
             "SELECT i, 'Deal ' || i, 1, 1, 1700000000, 1700000000 FROM n");
  for (SalesExportFormat f_ = SALES_EXPORT_FORMAT_CSV; f_ <= SALES_EXPORT_FORMAT_XLSX; f_++)
    {
      g_cancellable_reset (cancellable);
      g_assert_false (sales_exporter_run (exporter, path, f_, cancel_at_first_progress,
                                          cancellable, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_true (dir_has_only (out_dir, "deals.csv"));
      kept = test_read_file (path, NULL);
      g_assert_cmpstr (kept, ==, "before");
      g_clear_pointer (&kept, g_free);
    }
}

static void
count_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, last[0]);
  last[0] = done;
  last[1] = total;
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesExporter) exporter = sales_exporter_new (f->path, SALES_EXPORT_DEALS);
  g_autofree char *path = g_build_filename (f->dir, "deals.xlsx", NULL);
  guint64 last[2] = { 0, 0 };

  test_exec (f->db,
             "WITH RECURSIVE n (i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
             "INSERT INTO deal (id, title, customer_id, stage_id, created_at, stage_changed_at) "
             "SELECT i, 'Deal ' || i, 1, 1, 1700000000, 1700000000 FROM n");
  g_assert_true (sales_exporter_run (exporter, path, SALES_EXPORT_FORMAT_XLSX, count_progress,
                                     last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last[0], ==, 5000);
  g_assert_cmpuint (last[1], ==, 5000);
}

/* xlsx: read back one part of the zip with libarchive, look into it with XPath */

static xmlDoc *
read_part (const char *path,
           const char *part)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  xmlDoc *doc = NULL;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 16384), ==, ARCHIVE_OK);
  while (doc == NULL && archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      if (g_str_equal (archive_entry_pathname (entry), part))
        {
          g_autoptr(GByteArray) bytes = g_byte_array_new ();
          guint8 buffer[8192];
          la_ssize_t n;

          while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
            g_byte_array_append (bytes, buffer, (guint)n);
          g_assert_cmpint (n, ==, 0);
          doc = xmlReadMemory ((const char *)bytes->data, (int)bytes->len, part, NULL,
                               XML_PARSE_NONET);
        }
    }
  archive_read_free (a);
  g_assert_nonnull (doc);
  return doc;
}

static char *
xpath_string (xmlDoc     *doc,
              const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result;
  xmlChar *value;
  char *text;

  xmlXPathRegisterNs (context, (const xmlChar *)"m", (const xmlChar *)MAIN_NS);
  result = xmlXPathEvalExpression ((const xmlChar *)expression, context);
  g_assert_nonnull (result);
  value = xmlXPathCastToString (result);
  text = g_strdup (value != NULL ? (const char *)value : "");
  xmlFree (value);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return text;
}

/* The number format of cell @ref (such as "F2"), through its style in styles.xml. */
static char *
cell_format (xmlDoc     *sheet,
             xmlDoc     *styles,
             const char *ref)
{
  g_autofree char *s = NULL;
  g_autofree char *xf = NULL;
  g_autofree char *id = NULL;
  g_autofree char *code = NULL;

  xf = g_strdup_printf ("string(//m:c[@r='%s']/@s)", ref);
  s = xpath_string (sheet, xf);
  g_free (xf);
  xf = g_strdup_printf ("string(//m:cellXfs/m:xf[%d]/@numFmtId)", atoi (s) + 1);
  id = xpath_string (styles, xf);
  g_free (xf);
  xf = g_strdup_printf ("string(//m:numFmts/m:numFmt[@numFmtId='%s']/@formatCode)", id);
  code = xpath_string (styles, xf);
  return g_steal_pointer (&code);
}

static void
assert_xpath (xmlDoc     *doc,
              const char *expression,
              const char *expected)
{
  g_autofree char *text = xpath_string (doc, expression);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_deals_xlsx (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SalesExporter) exporter = sales_exporter_new (f->path, SALES_EXPORT_DEALS);
  g_autofree char *path = g_build_filename (f->dir, "deals.xlsx", NULL);
  g_autofree char *ignored = export_to_string (f, exporter, "deals.xlsx");
  g_autofree char *format = NULL;
  xmlDoc *sheet = read_part (path, "xl/worksheets/sheet1.xml");
  xmlDoc *styles = read_part (path, "xl/styles.xml");
  xmlDoc *workbook = read_part (path, "xl/workbook.xml");

  assert_xpath (workbook, "string(//m:sheet/@name)", "Deals");

  /* A bold header row, frozen */
  assert_xpath (sheet, "string(//m:c[@r='A1']/m:is/m:t)", "ID");
  assert_xpath (sheet, "string(//m:c[@r='F1']/m:is/m:t)", "Amount");
  assert_xpath (sheet, "string(//m:pane/@state)", "frozen");
  assert_xpath (sheet, "string(//m:pane/@ySplit)", "1");
  assert_xpath (sheet, "string(//m:autoFilter/@ref)", "A1:L3");
  assert_xpath (sheet, "string(count(//m:cols/m:col[@customWidth='1']))", "12");

  /* Typed numbers: the id, the amount with two decimals */
  assert_xpath (sheet, "string(//m:c[@r='A2']/@t)", "");
  assert_xpath (sheet, "string(//m:c[@r='A2']/m:v)", "1");
  assert_xpath (sheet, "string(//m:c[@r='F2']/@t)", "");
  assert_xpath (sheet, "string(//m:c[@r='F2']/m:v)", "12345.67");
  format = cell_format (sheet, styles, "F2");
  g_assert_cmpstr (format, ==, "#,##0.00");
  g_clear_pointer (&format, g_free);
  assert_xpath (sheet, "string(//m:c[@r='F3']/m:v)", "0.05");

  /* Dates as serial numbers: 2023-12-31 is day 45291, 2023-11-15 06:13 local 45245 + 373/1440 */
  assert_xpath (sheet, "string(//m:c[@r='H2']/m:v)", "45291");
  format = cell_format (sheet, styles, "H2");
  g_assert_cmpstr (format, ==, "yyyy-mm-dd");
  g_clear_pointer (&format, g_free);
  assert_xpath (sheet, "string(round(//m:c[@r='I2']/m:v * 1440))", "65153173");
  format = cell_format (sheet, styles, "I2");
  g_assert_cmpstr (format, ==, "yyyy-mm-dd hh:mm");
  g_clear_pointer (&format, g_free);
  assert_xpath (sheet, "string(count(//m:c[@r='H3']))", "0");

  /* Text, Chinese intact; what would run is neutralised; no formula anywhere */
  assert_xpath (sheet, "string(//m:c[@r='B2']/@t)", "inlineStr");
  assert_xpath (sheet, "string(//m:c[@r='B2']/m:is/m:t)", "ERP 升级");
  assert_xpath (sheet, "string(//m:c[@r='C2']/m:is/m:t)", "上海明辉贸易有限公司");
  assert_xpath (sheet, "string(//m:c[@r='B3']/m:is/m:t)", "'+cmd|calc");
  assert_xpath (sheet, "string(//m:c[@r='C3']/m:is/m:t)", "'=HYPERLINK(\"http://x\",\"y\")");
  assert_xpath (sheet, "string(//m:c[@r='L3']/m:is/m:t)", "'-- gone");
  assert_xpath (sheet, "string(count(//m:f))", "0");

  xmlFreeDoc (sheet);
  xmlFreeDoc (styles);
  xmlFreeDoc (workbook);
}

static void
test_customers_xlsx (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SalesExporter) exporter = sales_exporter_new (f->path, SALES_EXPORT_CUSTOMERS);
  g_autofree char *path = g_build_filename (f->dir, "customers.xlsx", NULL);
  g_autofree char *ignored = export_to_string (f, exporter, "customers.xlsx");
  xmlDoc *sheet = read_part (path, "xl/worksheets/sheet1.xml");

  /* The line break is kept; a tab or a carriage return in front is neutralised */
  assert_xpath (sheet, "string(//m:c[@r='I2']/m:is/m:t)", "上海市浦东新区\n张江路 100 号");
  assert_xpath (sheet, "string(//m:c[@r='I3']/m:is/m:t)", "'\tTabbed");
  assert_xpath (sheet, "string(//m:c[@r='G2']/m:is/m:t)", "'+86 21 5555 0101");
  assert_xpath (sheet, "string(//m:c[@r='G3']/m:is/m:t)", "'-1+2");
  assert_xpath (sheet, "string(//m:c[@r='J2']/m:is/m:t)", "VIP, 重点");
  assert_xpath (sheet, "string(count(//m:f))", "0");
  xmlFreeDoc (sheet);
}

/* The command line: the built sales-desk, found in SALES_DESK */

static void
run_sales_desk (const char * const  *argv,
                int                 *status,
                char               **out,
                char               **err)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &wait_status, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  const char *sales_desk = g_getenv ("SALES_DESK");
  g_autofree char *csv = g_build_filename (f->dir, "deals.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "customers.xlsx", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "deals.txt", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "nowhere", "deals.csv", NULL);
  g_autofree char *expected = export_table (f, SALES_EXPORT_DEALS);
  g_autofree char *written = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (sales_desk == NULL)
    {
      g_test_skip ("SALES_DESK is not set");
      return;
    }

  {
    const char *argv[] = { sales_desk, "--db", f->path, "--export-deals", csv,
                           "--export-customers", xlsx, NULL };

    run_sales_desk (argv, &status, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "Exported 2 rows to"));
    written = test_read_file (csv, NULL);
    g_assert_cmpstr (written, ==, expected);
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* One line on an unknown extension or a folder that is not there, nothing written */
  {
    const char *argv[] = { sales_desk, "--db", f->path, "--export-deals", txt, NULL };

    run_sales_desk (argv, &status, &out, &err);
    g_assert_cmpint (status, !=, 0);
    g_assert_true (g_str_has_prefix (err, "sales-desk: Cannot tell the format of "));
    g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
    g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { sales_desk, "--db", f->path, "--export-deals", nowhere, NULL };

    run_sales_desk (argv, &status, &out, &err);
    g_assert_cmpint (status, !=, 0);
    g_assert_true (g_str_has_prefix (err, "sales-desk: Could not write "));
    g_assert_nonnull (strstr (err, "No such file or directory"));
    g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/export/" name, Fixture, NULL, export_setup, func, fixture_tear_down)

  g_test_add_func ("/export/neutralize", test_neutralize);
  ADD ("customers-csv", test_customers_csv);
  ADD ("deals-csv", test_deals_csv);
  ADD ("other-tables-csv", test_other_tables_csv);
  ADD ("ids-in-order", test_ids_in_order);
  ADD ("deal-filter", test_deal_filter);
  ADD ("errors-leave-nothing", test_errors_leave_nothing);
  ADD ("progress", test_progress);
  ADD ("deals-xlsx", test_deals_xlsx);
  ADD ("customers-xlsx", test_customers_xlsx);
  ADD ("command-line", test_command_line);

#undef ADD

  return g_test_run ();
}
