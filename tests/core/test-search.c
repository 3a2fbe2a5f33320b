/* test-search.c: instant customer search: what matches, in which order, and the index
 * following every write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-customer-index.h"
#include "sales-customer-search.h"
#include "sales-search-text.h"
#include "test-util.h"

/* The fixture, ids 1 to 6 in this order. The pinyin initials of the names (by hand, first
 * readings): 华为技术有限公司 hwjsyxgs, 深圳华强电子 szhqdz, 華碩電腦 (华硕电脑) hsdn,
 * 张家港钢铁 zjggt; contacts 张三 zs, 李四 ls, 張偉 (张伟) zw. */
static const struct
{
  const char *name;
  const char *phone;
  const char *email;
  const char *notes;
} customers[] = {
  { "华为技术有限公司", "+86 138-0013-8000", "sales@huawei.example", "每年采购服务器" },
  { "深圳华强电子", "0755-8888 1234", NULL, "客户对价格敏感" },
  { "華碩電腦", NULL, "info@asus.example", NULL },
  { "Acme Trading Co.", "021-5555-1234", "Ann@Acme.Example", "Prefers WeChat; budget 2024" },
  { "张家港钢铁", NULL, NULL, "Hwang 介绍" },
  { "Hwa Industries", NULL, NULL, NULL },
};

static const struct
{
  gint64      customer_id;
  const char *name;
  const char *phone;
  const char *email;
} contacts[] = {
  { 1, "张三", "139 1111 2222", "zhangsan@huawei.example" },
  { 2, "李四", "13800001111", NULL },
  { 3, "張偉", "+86 13512345678", NULL },
  { 4, "Ann Lee", NULL, NULL },
  { 6, "Bob Smith", NULL, "bob@hwa.example" },
};

/* Expected ids in order: names starting with the query (by name), then names whose pinyin
 * initials start with it, then every other match by id. */
static const struct
{
  const char *query;
  const char *ids;
} matches[] = {
  /* Chinese: one, two, three or more characters; Traditional and Simplified alike */
  { "华", "1 3 2" },
  { "张", "5 1 3" },
  { "华为", "1" },
  { "華為", "1" },
  { "华硕", "3" },
  { "華碩電腦", "3" },
  { "华硕电脑", "3" },
  { "张伟", "3" },
  { "有限公司", "1" },
  { "华强电子", "2" },
  { "价格", "2" },
  { "服务器", "1" },
  { "介绍", "5" },
  /* Latin, in any case */
  { "ACME", "4" },
  { "acme", "4" },
  { "Acme Trad", "4" },
  { "wechat", "4" },
  { "ann", "4" },
  { "SMITH", "6" },
  /* pinyin initials (and Latin text that has the same letters) */
  { "hw", "6 1 5" },
  { "zs", "1" },
  { "ZS", "1" },
  { "zjg", "5" },
  { "szhq", "2" },
  { "zw", "3" },
  { "hsdn", "3" },
  /* phones: spaces, dashes, +86, fragments */
  { "13800138000", "1" },
  { "138 0013 8000", "1" },
  { "138-0013-8000", "1" },
  { "+86 13800138000", "1" },
  { "+86 138 0013 8000", "1" },
  { "0086 13800138000", "1" },
  { "0013", "1" },
  { "13", "1 2 3" },
  { "0755", "2" },
  { "0755-8888", "2" },
  { "(0755) 8888 1234", "2" },
  { "13512345678", "3" },
  { "91111", "1" },
  /* e-mail fragments */
  { "huawei.example", "1" },
  { "@acme", "4" },
  { "ann@acme.example", "4" },
  { "hwa.ex", "6" },
  /* notes */
  { "2024", "4" },
  { "budget", "4" },
  /* several words: all must match */
  { "华 张", "1 3" },
  { "华为 张三", "1" },
  { "华为 李四", "" },
  { "acme 2024", "4" },
  /* long words are looked up by three of their trigrams, then checked whole */
  { "zhangsan@huawei.example", "1" },
  { "华为技术有限公司", "1" },
  { "wechat2024", "" },
  { "prefers wechat", "4" },
  { "budget 2023", "" },
  /* nothing */
  { "xyz", "" },
  { "华为华为", "" },
  { "@", "" },
  { "\"", "" },
  { "\"华为\" OR *", "" },
  /* blank: everyone, by name */
  { "", "4 6 1 3 5 2" },
  { "   ", "4 6 1 3 5 2" },
};

static void
add_fixture (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      g_autoptr(SalesCustomer) draft = sales_customer_new ();
      g_autoptr(SalesCustomer) customer = NULL;

      sales_customer_set_name (draft, customers[i].name);
      sales_customer_set_phone (draft, customers[i].phone);
      sales_customer_set_email (draft, customers[i].email);
      sales_customer_set_notes (draft, customers[i].notes);
      customer = sales_store_create (f->store, SALES_RECORD (draft), &error);
      g_assert_no_error (error);
      g_assert_cmpint (sales_record_get_id (SALES_RECORD (customer)), ==, i + 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autoptr(SalesContact) draft = sales_contact_new ();
      g_autoptr(SalesContact) contact = NULL;

      sales_contact_set_customer_id (draft, contacts[i].customer_id);
      sales_contact_set_name (draft, contacts[i].name);
      sales_contact_set_phone (draft, contacts[i].phone);
      sales_contact_set_email (draft, contacts[i].email);
      contact = sales_store_create (f->store, SALES_RECORD (draft), &error);
      g_assert_no_error (error);
    }
}

static char *
search (SalesDb    *db,
        const char *query,
        guint       offset,
        guint       limit,
        gboolean   *has_more)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GString *out = g_string_new (NULL);

  ids = sales_customer_search_ids (db, query, offset, limit, has_more, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));

  return g_string_free (out, FALSE);
}

static gint64
count (SalesDb    *db,
       const char *query)
{
  g_autoptr(GError) error = NULL;
  gint64 n = sales_customer_search_count (db, query, &error);

  g_assert_no_error (error);
  return n;
}

/* The FTS5 index of an external-content table against its content: a row removed with the
 * wrong old text would leave entries that this finds. */
static void
assert_index_consistent (SalesDb *db)
{
  test_exec (db, "INSERT INTO customer_fts (customer_fts, rank) VALUES ('integrity-check', 1);"
                 "INSERT INTO customer_gram (customer_gram) VALUES ('integrity-check');");
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM customer_search"), ==,
                   test_query_int (db, "SELECT count (*) FROM customer"));
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM customer_dirty"), ==, 0);
}

static gint64
n_ids (const char *ids)
{
  g_auto(GStrv) words = g_strsplit (ids, " ", -1);

  return *ids != '\0' ? g_strv_length (words) : 0;
}

static void
test_matches (Fixture       *f,
              gconstpointer  data)
{
  add_fixture (f);
  assert_index_consistent (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (matches); i++)
    {
      g_autofree char *ids = search (f->db, matches[i].query, 0, 50, NULL);

      if (g_strcmp0 (ids, matches[i].ids) != 0)
        g_error ("“%s” found “%s”, not “%s”", matches[i].query, ids, matches[i].ids);
      g_assert_cmpint (count (f->db, matches[i].query), ==, n_ids (matches[i].ids));
    }
}

/* Pages follow each other across the ranks, and say whether more follow. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  static const struct
  {
    const char *query;
    guint       offset;
    guint       limit;
    const char *ids;
    gboolean    has_more;
  } pages[] = {
    { "", 0, 2, "4 6", TRUE },
    { "", 2, 2, "1 3", TRUE },
    { "", 4, 2, "5 2", FALSE },
    { "", 6, 2, "", FALSE },
    { "hw", 0, 1, "6", TRUE },
    { "hw", 1, 1, "1", TRUE },
    { "hw", 2, 1, "5", FALSE },
    { "hw", 1, 5, "1 5", FALSE },
    { "hw", 3, 5, "", FALSE },
    { "华", 1, 1, "3", TRUE },
    { "华", 2, 1, "2", FALSE },
    { "13", 0, 3, "1 2 3", FALSE },
    { "13", 0, 0, "", TRUE },
  };

  add_fixture (f);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gboolean has_more = !pages[i].has_more;
      g_autofree char *ids = search (f->db, pages[i].query, pages[i].offset, pages[i].limit,
                                     &has_more);

      if (g_strcmp0 (ids, pages[i].ids) != 0 || has_more != pages[i].has_more)
        g_error ("“%s” from %u, %u: “%s”%s, not “%s”%s", pages[i].query, pages[i].offset,
                 pages[i].limit, ids, has_more ? " and more" : "", pages[i].ids,
                 pages[i].has_more ? " and more" : "");
    }
}

/* The completion of the board's quick-create hands out the store's own objects. */
static void
test_completion (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(SalesCustomer) first = NULL;
  g_autoptr(SalesCustomer) canonical = NULL;

  add_fixture (f);
  found = sales_customer_search (f->store, "華", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);

  first = g_list_model_get_item (found, 0);
  canonical = sales_store_get_customer (f->store, 1, &error);
  g_assert_true (first == canonical);
}

/* A screenful is loaded in one go, in the order asked, without the ids that are gone. */
static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  static const gint64 ids[] = { 4, 1, 99, 6 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(SalesCustomer) held = NULL;

  add_fixture (f);
  held = sales_store_get_customer (f->store, 1, &error);
  g_assert_no_error (error);

  loaded = sales_customer_search_load (f->store, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  g_assert_cmpstr (sales_customer_get_name (g_ptr_array_index (loaded, 0)), ==,
                   "Acme Trading Co.");
  g_assert_true (g_ptr_array_index (loaded, 1) == held);
  g_assert_cmpstr (sales_customer_get_phone (g_ptr_array_index (loaded, 0)), ==,
                   "021-5555-1234");
  g_assert_cmpint (sales_record_get_id (g_ptr_array_index (loaded, 2)), ==, 6);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  loaded = sales_customer_search_load (f->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 0);
}

static SalesCustomer *
get_customer (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  SalesCustomer *customer = sales_store_get_customer (f->store, id, &error);

  g_assert_no_error (error);
  return customer;
}

static void
assert_search (Fixture    *f,
               const char *query,
               const char *expected)
{
  g_autofree char *ids = search (f->db, query, 0, 50, NULL);

  if (g_strcmp0 (ids, expected) != 0)
    g_error ("“%s” found “%s”, not “%s”", query, ids, expected);
}

/* Every write of the store, and undo and redo, keeps the index in step. */
static void
test_store_sync (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(SalesCustomer) tencent = NULL;
  g_autoptr(SalesCustomer) edit = NULL;
  g_autoptr(SalesContact) contact_draft = sales_contact_new ();
  g_autoptr(SalesContact) contact = NULL;
  g_autoptr(SalesContact) contact_edit = NULL;
  g_autoptr(SalesCustomer) huawei = NULL;

  add_fixture (f);

  /* insert */
  sales_customer_set_name (draft, "騰訊科技");
  sales_customer_set_phone (draft, "0755 8601 3388");
  tencent = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (tencent)), ==, 7);
  assert_search (f, "腾讯", "7");
  assert_search (f, "txkj", "7");
  assert_search (f, "86013388", "7");
  assert_index_consistent (f->db);

  /* update: the old text is forgotten */
  edit = sales_customer_dup (tencent);
  sales_customer_set_name (edit, "阿里巴巴");
  sales_customer_set_notes (edit, "淘宝");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);
  assert_search (f, "腾讯", "");
  assert_search (f, "txkj", "");
  assert_search (f, "阿里", "7");
  assert_search (f, "albb", "7");
  assert_search (f, "淘", "7");
  assert_index_consistent (f->db);

  /* a contact: added, renamed, removed */
  sales_contact_set_customer_id (contact_draft, 7);
  sales_contact_set_name (contact_draft, "王五");
  sales_contact_set_phone (contact_draft, "186-0000-9999");
  sales_contact_set_email (contact_draft, "WangWu@Example.com");
  contact = sales_store_create (f->store, SALES_RECORD (contact_draft), &error);
  g_assert_no_error (error);
  assert_search (f, "王五", "7");
  assert_search (f, "ww", "7");
  assert_search (f, "18600009999", "7");
  assert_search (f, "wangwu@", "7");

  contact_edit = sales_contact_dup (contact);
  sales_contact_set_name (contact_edit, "赵六");
  sales_contact_set_wechat (contact_edit, "zhaoliu");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (contact_edit), &error));
  g_assert_no_error (error);
  assert_search (f, "王五", "");
  assert_search (f, "ww", "");
  assert_search (f, "赵六", "7");
  assert_search (f, "zl", "7");
  assert_index_consistent (f->db);

  g_assert_true (sales_store_delete (f->store, SALES_RECORD (contact), &error));
  g_assert_no_error (error);
  assert_search (f, "赵六", "");
  assert_search (f, "18600009999", "");
  assert_search (f, "阿里", "7");
  assert_index_consistent (f->db);

  /* undo and redo of the contact's removal */
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_search (f, "赵六", "7");
  assert_search (f, "18600009999", "7");
  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  assert_search (f, "赵六", "");
  assert_index_consistent (f->db);

  /* a customer's delete takes its contacts along; undo brings both back */
  huawei = get_customer (f, 1);
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (huawei), &error));
  g_assert_no_error (error);
  assert_search (f, "华为", "");
  assert_search (f, "张三", "");
  assert_search (f, "华", "3 2");
  assert_search (f, "13800138000", "");
  assert_index_consistent (f->db);

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_search (f, "华为", "1");
  assert_search (f, "张三", "1");
  assert_search (f, "华", "1 3 2");
  assert_search (f, "13800138000", "1");
  assert_index_consistent (f->db);

  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  assert_search (f, "华为", "");
  assert_search (f, "zs", "");
  assert_index_consistent (f->db);
}

/* Edits made with plain SQL (the sqlite3 shell) are noted by triggers and caught up by the
 * next flush. */
static void
test_sql_sync (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_fixture (f);

  test_exec (f->db, "UPDATE customer SET name = '百度在线' WHERE id = 2;"
                    "UPDATE contact SET phone = '+86 177 0000 1234' WHERE customer_id = 3;"
                    "DELETE FROM customer WHERE id = 5;"
                    "INSERT INTO customer (id, name, tier, notes, created_at, updated_at)"
                    "  VALUES (9, '京東商城', 'A', 'JD.com', 1, 1);");
  /* Not yet: the index still says what it said. */
  assert_search (f, "华强", "2");
  assert_search (f, "zjg", "5");

  g_assert_true (sales_customer_index_flush_now (f->db, &error));
  g_assert_no_error (error);
  assert_search (f, "华强", "");
  assert_search (f, "百度", "2");
  assert_search (f, "bdzx", "2");
  assert_search (f, "13512345678", "");
  assert_search (f, "17700001234", "3");
  assert_search (f, "zjg", "");
  assert_search (f, "张", "1 3");
  assert_search (f, "京东", "9");
  assert_search (f, "jd.com", "9");
  assert_search (f, "jd", "9");
  assert_index_consistent (f->db);
}

/* An empty index filled with many customers at once (an upgrade, sample data) is built in
 * bulk, and then kept up to date row by row like any other. */
static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_exec (f->db,
             "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
             " INSERT INTO customer (id, name, tier, phone, created_at, updated_at)"
             " SELECT i, printf ('客户%04d', i), 'B', printf ('139%08d', i), 1, 1 FROM n;"
             "INSERT INTO contact (customer_id, name) VALUES (1500, '欧阳锋');");
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_search"), ==, 0);
  g_assert_true (sales_customer_index_flush_now (f->db, &error));
  g_assert_no_error (error);
  assert_index_consistent (f->db);

  assert_search (f, "客户0042", "42");
  assert_search (f, "13900002999", "2999");
  assert_search (f, "欧阳", "1500");
  assert_search (f, "oyf", "1500");
  g_assert_cmpint (count (f->db, "客户"), ==, 3000);
  g_assert_cmpint (count (f->db, "khh"), ==, 0);
  g_assert_cmpint (count (f->db, "kh"), ==, 3000);
  g_assert_cmpint (count (f->db, "客户2"), ==, 1000);

  test_exec (f->db, "UPDATE customer SET name = '新名字' WHERE id = 42");
  g_assert_true (sales_customer_index_flush_now (f->db, &error));
  g_assert_no_error (error);
  assert_search (f, "客户0042", "");
  assert_search (f, "新名字", "42");
  assert_index_consistent (f->db);
}

static void
test_text (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } phones[] = {
    { "+86 138-0013-8000", "13800138000" },
    { "0086 13800138000", "13800138000" },
    { "8613800138000", "13800138000" },
    { "(0755) 8888-1234", "075588881234" },
    { "＋８６ １３８", "138" },
    { "0086", "0086" },
    { "+86", "86" },
  };
  g_autofree char *folded = sales_search_text_fold ("華為 ＡＢＣ Straße");
  g_autofree char *grams = sales_search_text_grams ("华为 ab, ab");
  g_autoptr(GString) initials = g_string_new (NULL);

  g_assert_cmpstr (folded, ==, "华为 abc strasse");
  g_assert_cmpstr (grams, ==, "华 为 华为 a b ab");

  sales_search_text_add_initials (initials, "深圳ABC科技·张三");
  g_assert_cmpstr (initials->str, ==, "szkjzs");

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autofree char *digits = sales_search_text_phone (phones[i].in);

      g_assert_cmpstr (digits, ==, phones[i].out);
    }

  g_assert_true (sales_search_text_is_phone ("138 0013-8000"));
  g_assert_true (sales_search_text_is_phone ("+86 (10) 1234.5678"));
  g_assert_false (sales_search_text_is_phone ("+ - ()"));
  g_assert_false (sales_search_text_is_phone ("a1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/text", test_text);
  g_test_add ("/search/matches", Fixture, NULL, fixture_set_up, test_matches,
              fixture_tear_down);
  g_test_add ("/search/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/search/completion", Fixture, NULL, fixture_set_up, test_completion,
              fixture_tear_down);
  g_test_add ("/search/load", Fixture, NULL, fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/search/store-sync", Fixture, NULL, fixture_set_up, test_store_sync,
              fixture_tear_down);
  g_test_add ("/search/sql-sync", Fixture, NULL, fixture_set_up, test_sql_sync,
              fixture_tear_down);
  g_test_add ("/search/bulk", Fixture, NULL, fixture_set_up, test_bulk, fixture_tear_down);

  return g_test_run ();
}
