/* test-import-read.c: reading CSV, TSV and .xlsx files; amounts, dates and headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sales-import-reader.h"
#include "sales-import-values.h"

/* Rows as "number:cell|cell", with "!N" after the number when column N is invalid. */
static gboolean
collect_row (const SalesImportRow *row,
             gpointer              user_data,
             GError              **error)
{
  GPtrArray *rows = user_data;
  g_autofree char *cells = g_strjoinv ("|", row->cells);

  if (row->invalid_column >= 0)
    g_ptr_array_add (rows, g_strdup_printf ("%u!%d:%s", row->number, row->invalid_column, cells));
  else
    g_ptr_array_add (rows, g_strdup_printf ("%u:%s", row->number, cells));
  return TRUE;
}

static char *
read_reader (SalesImportReader *reader)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_import_reader_read (reader, collect_row, rows, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("\n", (char **)rows->pdata);
}

static char *
read_data (const void          *data,
           gsize                size,
           SalesImportEncoding  encoding,
           SalesImportEncoding *detected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_bytes (bytes);
  char *text;

  sales_import_reader_set_encoding (reader, encoding);
  text = read_reader (reader);
  if (detected != NULL)
    *detected = sales_import_reader_get_detected_encoding (reader);
  return text;
}

static char *
read_text (const char *text)
{
  return read_data (text, strlen (text), SALES_IMPORT_ENCODING_AUTO, NULL);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "fixtures", "import", name, NULL);
}

static void
test_csv_shapes (void)
{
  g_autofree char *plain = read_text ("名称,电话\n华为,138\n");
  g_autofree char *crlf = read_text ("a,b\r\nc,d\r\n");
  g_autofree char *quoted = read_text ("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",z");
  g_autofree char *blank = read_text ("a,b\n\n1,2\r\n\r\n3,4,,\n");
  g_autofree char *semicolon = read_text ("a;b;c\n1;2,5;3\n");
  g_autofree char *tab = read_text ("a\tb\n1,5\t 2 \n");
  g_autofree char *empty = read_text ("");

  g_assert_cmpstr (plain, ==, "1:名称|电话\n2:华为|138");
  g_assert_cmpstr (crlf, ==, "1:a|b\n2:c|d");
  g_assert_cmpstr (quoted, ==, "1:a|b\n2:x, y|say \"hi\"\n3:two\r\nlines|z");
  /* Blank lines are rows of no cells, numbered as a spreadsheet numbers them. */
  g_assert_cmpstr (blank, ==, "1:a|b\n2:\n3:1|2\n4:\n5:3|4||");
  g_assert_cmpstr (semicolon, ==, "1:a|b|c\n2:1|2,5|3");
  /* Spaces around an unquoted cell go, a tab delimiter stays one. */
  g_assert_cmpstr (tab, ==, "1:a|b\n2:1,5|2");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_csv_encodings (void)
{
  const char *utf8 = "客户名称,金额\n深圳华强,￥1,200\n";
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  gsize le_size = 0, be_size = 0;
  g_autofree char *le = g_convert ("\xEF\xBB\xBF客户名称\t金额\r\n深圳华强\t1200\r\n", -1,
                                   "UTF-16LE", "UTF-8", NULL, &le_size, NULL);
  g_autofree char *be = g_convert ("\xEF\xBB\xBF客户名称\t金额\r\n深圳华强\t1200\r\n", -1,
                                   "UTF-16BE", "UTF-8", NULL, &be_size, NULL);
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  SalesImportEncoding detected = SALES_IMPORT_ENCODING_AUTO;
  char *text;

  text = read_data (utf8, strlen (utf8), SALES_IMPORT_ENCODING_AUTO, &detected);
  g_assert_cmpstr (text, ==, "1:客户名称|金额\n2:深圳华强|￥1|200");
  g_assert_cmpint (detected, ==, SALES_IMPORT_ENCODING_UTF8);
  g_free (text);

  text = read_data (bom, strlen (bom), SALES_IMPORT_ENCODING_AUTO, &detected);
  g_assert_cmpstr (text, ==, "1:客户名称|金额\n2:深圳华强|￥1|200");
  g_assert_cmpint (detected, ==, SALES_IMPORT_ENCODING_UTF8);
  g_free (text);

  text = read_data (gb, strlen (gb), SALES_IMPORT_ENCODING_AUTO, &detected);
  g_assert_cmpstr (text, ==, "1:客户名称|金额\n2:深圳华强|￥1|200");
  g_assert_cmpint (detected, ==, SALES_IMPORT_ENCODING_GB18030);
  g_free (text);

  /* Excel's "Unicode text": UTF-16 with a BOM, tab-separated. */
  text = read_data (le, le_size, SALES_IMPORT_ENCODING_AUTO, &detected);
  g_assert_cmpstr (text, ==, "1:客户名称|金额\n2:深圳华强|1200");
  g_assert_cmpint (detected, ==, SALES_IMPORT_ENCODING_UTF16LE);
  g_free (text);

  text = read_data (be, be_size, SALES_IMPORT_ENCODING_UTF16, NULL);
  g_assert_cmpstr (text, ==, "1:客户名称|金额\n2:深圳华强|1200");
  g_free (text);
}

static void
test_csv_invalid (void)
{
  const char *gb = "\xC3\xFB\xB3\xC6,b\n\xB7\xC7,ok\n";   /* 名称,b / 非,ok in GB18030 */
  const char *bad_gb = "a,b\nok,\x81\x20\n";
  /* 'a', a lone low surrogate, 'b' */
  const char utf16[] = "\xFF\xFE" "a\0,\0\x00\xDC\n\0b\0";
  char *text;

  /* GB18030 read as UTF-8: each cell that is not UTF-8 is named, never replaced. */
  text = read_data (gb, strlen (gb), SALES_IMPORT_ENCODING_UTF8, NULL);
  g_assert_cmpstr (text, ==, "1!0:|b\n2!0:|ok");
  g_free (text);

  text = read_data (bad_gb, strlen (bad_gb), SALES_IMPORT_ENCODING_GB18030, NULL);
  g_assert_cmpstr (text, ==, "1:a|b\n2!1:ok|");
  g_free (text);

  text = read_data (utf16, sizeof utf16 - 1, SALES_IMPORT_ENCODING_AUTO, NULL);
  g_assert_cmpstr (text, ==, "1!1:a|\n2:b");
  g_free (text);
}

/* The UTF-8 check reads the whole file: Chinese after the first chunk still makes it GB18030. */
static void
test_csv_late_chinese (void)
{
  g_autoptr(GString) data = g_string_new ("name,phone\n");
  g_autofree char *tail = g_convert ("最后,1\n", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  SalesImportEncoding detected = SALES_IMPORT_ENCODING_AUTO;
  g_autofree char *text = NULL;

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (data, "c%d,%d\n", i, i);
  g_string_append (data, tail);

  text = read_data (data->str, data->len, SALES_IMPORT_ENCODING_AUTO, &detected);
  g_assert_cmpint (detected, ==, SALES_IMPORT_ENCODING_GB18030);
  g_assert_true (g_str_has_suffix (text, "\n20002:最后|1"));
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_path (path, &error);

  g_assert_no_error (error);
  return read_reader (reader);
}

/* The same sheet saved by LibreOffice as UTF-8, GB18030 and "Unicode text" gives the same rows. */
static void
test_csv_fixtures (void)
{
  g_autofree char *utf8 = read_fixture ("customers.csv");
  g_autofree char *gb = read_fixture ("customers-gb18030.csv");
  g_autofree char *utf16 = read_fixture ("customers-utf16.txt");

  g_assert_true (g_str_has_prefix (utf8, "1:客户名称|行业|客户等级|来源|电话|邮箱|联系人|手机|职务|备注\n"
                                         "2:深圳华强电子有限公司|电子|A|展会|0755-83030000|"
                                         "info@hq.example.cn|王强|13800138000|采购经理|"
                                         "重点客户, 年采购额大\n"
                                         "3:北京中关村科技|软件|B类|转介绍|010-62550000||李娜|"
                                         "139 0013 9000|总经理|他说\"先试用\"\n再签约\n"
                                         "4:|缺名称的行||||||||\n"));
  g_assert_cmpstr (gb, ==, utf8);
  g_assert_cmpstr (utf16, ==, utf8);
}

static void
test_xlsx (void)
{
  g_autofree char *path = fixture_path ("customers.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_path (path, &error);
  g_auto(GStrv) sheets = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sales_import_reader_get_format (reader), ==, SALES_IMPORT_FORMAT_XLSX);

  sheets = sales_import_reader_list_sheets (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sheets), ==, 2);
  g_assert_cmpstr (sheets[0], ==, "客户");
  g_assert_cmpstr (sheets[1], ==, "Deals");

  first = read_reader (reader);
  g_assert_cmpstr (first, ==,
                   "1:客户名称|电话|金额|预计成交日期|备注\n"
                   "2:深圳华强电子|0755-83030000|12345.6|46300|第一行\n"
                   "3:北京中关村科技||800\n"
                   "5:杭州西湖茶业|13800138000");

  sales_import_reader_set_sheet (reader, "Deals");
  second = read_reader (reader);
  g_assert_cmpstr (second, ==, "1:Title|Amount\n2:Server upgrade|5000");

  sales_import_reader_set_sheet (reader, "Nope");
  g_assert_false (sales_import_reader_read (reader, collect_row, NULL, NULL, &error));
  g_assert_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_NO_SHEET);
}

/* Inline strings, booleans and cells without a reference, written by hand. */
static void
test_xlsx_inline (void)
{
  g_autofree char *path = fixture_path ("inline-strings.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_path (path, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = read_reader (reader);
  g_assert_cmpstr (text, ==, "1:名称|Flag\n2:富文本 run|TRUE|3.5\n7:||x");
}

static void
test_not_xlsx (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("PK\3\4garbage", 11);
  g_autoptr(SalesImportReader) reader = sales_import_reader_new_for_bytes (bytes);
  g_autoptr(GError) error = NULL;

  g_assert_false (sales_import_reader_read (reader, collect_row, NULL, NULL, &error));
  g_assert_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_FORMAT);
}

static void
check_amount (const char *text,
              gint64      expected)
{
  gint64 cents = -1;

  if (!sales_import_parse_amount (text, &cents))
    g_error ("“%s” is not an amount", text);
  g_assert_cmpint (cents, ==, expected);
}

static void
test_amounts (void)
{
  gint64 cents;

  check_amount ("12345", 1234500);
  check_amount ("12,345.60", 1234560);
  check_amount ("¥12,345.6", 1234560);
  check_amount ("￥ 1,200", 120000);
  check_amount ("１２，３４５．６７", 1234567);
  check_amount ("12345元", 1234500);
  check_amount ("RMB 300", 30000);
  check_amount ("1.5万", 1500000);
  check_amount ("-300.5", -30050);
  check_amount ("(300)", -30000);
  check_amount ("0.005", 1);
  check_amount ("0.0049", 0);
  /* What a spreadsheet's binary double prints as */
  check_amount ("1234.5599999999999", 123456);
  check_amount (".5", 50);

  g_assert_false (sales_import_parse_amount ("", &cents));
  g_assert_false (sales_import_parse_amount ("abc", &cents));
  g_assert_false (sales_import_parse_amount ("12a", &cents));
  g_assert_false (sales_import_parse_amount ("1.2.3", &cents));
  g_assert_false (sales_import_parse_amount ("99999999999999", &cents));
  g_assert_false (sales_import_parse_amount ("9999999999万", &cents));
}

static void
check_date (const char *text,
            const char *expected)
{
  GDate date;
  char iso[16];

  g_date_clear (&date, 1);
  if (!sales_import_parse_date (text, &date))
    g_error ("“%s” is not a date", text);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_dates (void)
{
  GDate date;

  check_date ("2026-10-05", "2026-10-05");
  check_date ("2026/10/5", "2026-10-05");
  check_date ("2026.10.05", "2026-10-05");
  check_date ("2026年10月5日", "2026-10-05");
  check_date ("２０２６年１０月５日", "2026-10-05");
  check_date ("2026-10-05 09:30:00", "2026-10-05");
  check_date ("2026-10-05T09:30", "2026-10-05");
  check_date ("20261005", "2026-10-05");
  /* Excel serials, 1900 system: 1 is 1900-01-01, 61 is 1900-03-01 after the
   * phantom 1900-02-29; 45658 is 2025-01-01; 46300 is 2026-10-05. */
  check_date ("1", "1900-01-01");
  check_date ("59", "1900-02-28");
  check_date ("61", "1900-03-01");
  check_date ("45658", "2025-01-01");
  check_date ("46300", "2026-10-05");
  check_date ("46300.75", "2026-10-05");

  g_assert_false (sales_import_parse_date ("", &date));
  g_assert_false (sales_import_parse_date ("2026-13-01", &date));
  g_assert_false (sales_import_parse_date ("2026-02-30", &date));
  g_assert_false (sales_import_parse_date ("2026-10/05", &date));
  g_assert_false (sales_import_parse_date ("60", &date));
  g_assert_false (sales_import_parse_date ("0", &date));
  g_assert_false (sales_import_parse_date ("next week", &date));
}

static void
test_tiers_and_sources (void)
{
  SalesTier tier = SALES_TIER_C;

  g_assert_true (sales_import_parse_tier ("A", &tier));
  g_assert_cmpint (tier, ==, SALES_TIER_A);
  g_assert_true (sales_import_parse_tier ("b类", &tier));
  g_assert_cmpint (tier, ==, SALES_TIER_B);
  g_assert_true (sales_import_parse_tier ("Ｃ级", &tier));
  g_assert_cmpint (tier, ==, SALES_TIER_C);
  g_assert_false (sales_import_parse_tier ("D", &tier));
  g_assert_false (sales_import_parse_tier ("AB", &tier));

  g_assert_cmpstr (sales_import_source_code ("转介绍"), ==, "referral");
  g_assert_cmpstr (sales_import_source_code ("展会"), ==, "exhibition");
  g_assert_cmpstr (sales_import_source_code ("Website"), ==, "website");
  g_assert_null (sales_import_source_code ("抖音"));
}

static void
test_headers (void)
{
  const char *customers[] = { "客户名称*", "手机", "电话", "邮箱", "行业", "来源", "负责人",
                              "联系人", "Notes", "电话", "" };
  const char *deals[] = { "商机名称", "客户", "金额（元）", "阶段", "预计成交日期", "Owner",
                          "Expected Close" };
  SalesImportField fields[G_N_ELEMENTS (customers)];
  SalesImportField deal_fields[G_N_ELEMENTS (deals)];

  sales_import_map_headers (SALES_IMPORT_CUSTOMERS, customers, G_N_ELEMENTS (customers), fields);
  g_assert_cmpint (fields[0], ==, SALES_IMPORT_FIELD_CUSTOMER_NAME);
  g_assert_cmpint (fields[1], ==, SALES_IMPORT_FIELD_CONTACT_PHONE);
  g_assert_cmpint (fields[2], ==, SALES_IMPORT_FIELD_PHONE);
  g_assert_cmpint (fields[3], ==, SALES_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (fields[4], ==, SALES_IMPORT_FIELD_INDUSTRY);
  g_assert_cmpint (fields[5], ==, SALES_IMPORT_FIELD_SOURCE);
  g_assert_cmpint (fields[6], ==, SALES_IMPORT_FIELD_OWNER);
  g_assert_cmpint (fields[7], ==, SALES_IMPORT_FIELD_CONTACT_NAME);
  g_assert_cmpint (fields[8], ==, SALES_IMPORT_FIELD_NOTES);
  /* A second column of the same meaning is not taken. */
  g_assert_cmpint (fields[9], ==, SALES_IMPORT_FIELD_NONE);
  g_assert_cmpint (fields[10], ==, SALES_IMPORT_FIELD_NONE);

  sales_import_map_headers (SALES_IMPORT_DEALS, deals, G_N_ELEMENTS (deals), deal_fields);
  g_assert_cmpint (deal_fields[0], ==, SALES_IMPORT_FIELD_DEAL_TITLE);
  g_assert_cmpint (deal_fields[1], ==, SALES_IMPORT_FIELD_CUSTOMER_NAME);
  g_assert_cmpint (deal_fields[2], ==, SALES_IMPORT_FIELD_AMOUNT);
  g_assert_cmpint (deal_fields[3], ==, SALES_IMPORT_FIELD_STAGE);
  g_assert_cmpint (deal_fields[4], ==, SALES_IMPORT_FIELD_EXPECTED_CLOSE);
  g_assert_cmpint (deal_fields[5], ==, SALES_IMPORT_FIELD_OWNER);
  g_assert_cmpint (deal_fields[6], ==, SALES_IMPORT_FIELD_NONE);

  /* A customers import has no amounts. */
  g_assert_cmpint (sales_import_field_for_header (SALES_IMPORT_CUSTOMERS, "金额"), ==,
                   SALES_IMPORT_FIELD_NONE);
  g_assert_cmpint (sales_import_field_for_header (SALES_IMPORT_CUSTOMERS, "Customer Name"), ==,
                   SALES_IMPORT_FIELD_CUSTOMER_NAME);
  g_assert_cmpint (sales_import_field_for_header (SALES_IMPORT_CUSTOMERS, "E-mail"), ==,
                   SALES_IMPORT_FIELD_EMAIL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/shapes", test_csv_shapes);
  g_test_add_func ("/import/csv/encodings", test_csv_encodings);
  g_test_add_func ("/import/csv/invalid", test_csv_invalid);
  g_test_add_func ("/import/csv/late-chinese", test_csv_late_chinese);
  g_test_add_func ("/import/csv/fixtures", test_csv_fixtures);
  g_test_add_func ("/import/xlsx/sheets", test_xlsx);
  g_test_add_func ("/import/xlsx/inline", test_xlsx_inline);
  g_test_add_func ("/import/xlsx/not-a-workbook", test_not_xlsx);
  g_test_add_func ("/import/values/amounts", test_amounts);
  g_test_add_func ("/import/values/dates", test_dates);
  g_test_add_func ("/import/values/tiers-sources", test_tiers_and_sources);
  g_test_add_func ("/import/values/headers", test_headers);

  return g_test_run ();
}
