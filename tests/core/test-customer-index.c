/* test-customer-index.c: normalised forms and the duplicate keys kept in step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-customer-index.h"
#include "sales-normalize.h"
#include "test-util.h"

static void
test_phone (void)
{
  static const struct {
    const char *typed;
    const char *key;
  } cases[] = {
    { "13800138000", "13800138000" },
    { "138 0013 8000", "13800138000" },
    { "138-0013-8000", "13800138000" },
    { "+86 138-0013-8000", "13800138000" },
    { "+86 (10) 6552 9988", "1065529988" },
    { "0086 13800138000", "13800138000" },
    { "8613800138000", "13800138000" },
    { "１３８００１３８０００", "13800138000" },
    { "＋８６ 13800138000", "13800138000" },
    { "021-5555 1234", "02155551234" },
    /* Another country keeps its code: it is not the same number. */
    { "+1 415 555 0100", "14155550100" },
    { "ext. 12", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = sales_normalize_phone (cases[i].typed);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_email (void)
{
  g_autofree char *a = sales_normalize_email ("  Ann.Lee@ACME.example ");
  g_autofree char *b = sales_normalize_email ("ａｎｎ＠acme.example");
  g_autofree char *c = sales_normalize_email ("not an address");
  g_autofree char *d = sales_normalize_email ("@acme.example");

  g_assert_cmpstr (a, ==, "ann.lee@acme.example");
  g_assert_cmpstr (b, ==, "ann@acme.example");
  g_assert_null (c);
  g_assert_null (d);
}

static void
test_company_name (void)
{
  static const struct {
    const char *typed;
    const char *key;
  } cases[] = {
    { "华为技术有限公司", "华为技术" },
    { "华为技术", "华为技术" },
    { "华为技术股份有限公司", "华为技术" },
    { "上海 明远 集团 有限公司", "上海明远" },
    { "（北京）宏达有限责任公司", "北京宏达" },
    { "ACME Co., Ltd.", "acme" },
    { "Acme Inc.", "acme" },
    { "ＡＣＭＥ　ＬＴＤ", "acme" },
    { "acme", "acme" },
    /* Suffix letters inside a word are part of the name. */
    { "Costco", "costco" },
    { "Zinc", "zinc" },
    /* Never down to nothing: a company called "Company" keeps its name. */
    { "Company", "company" },
    { "公司", "公司" },
    { " - ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = sales_normalize_company_name (cases[i].typed);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static char *
keys (Fixture *f)
{
  return test_query_text (f->db,
                          "SELECT coalesce (group_concat (customer_id || '=' || key, ' '), '') "
                          "FROM (SELECT * FROM customer_key ORDER BY customer_id, key)");
}

/* Every store action that changes a customer or a contact changes its keys
 * in the same commit, and undo and redo bring them back with the rows. */
static void
test_keys_follow_store (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesCustomer) acme = test_add_customer (f, "ACME Co., Ltd.", 0);
  g_autoptr(SalesCustomer) edit = NULL;
  g_autoptr(SalesContact) ann = NULL;
  g_autoptr(SalesContact) ann_edit = NULL;
  g_autofree char *created = NULL;
  g_autofree char *with_contact = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *undone = NULL;
  gint64 id = sales_record_get_id (SALES_RECORD (acme));

  g_assert_cmpint (id, ==, 1);
  created = keys (f);
  g_assert_cmpstr (created, ==, "1=n:acme");

  ann = test_add_contact (f, id, "Ann Lee", TRUE);
  ann_edit = sales_contact_dup (ann);
  sales_contact_set_phone (ann_edit, "+86 138-0013-8000");
  sales_contact_set_email (ann_edit, "Ann@ACME.example");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (ann_edit), &error));
  g_assert_no_error (error);
  with_contact = keys (f);
  g_assert_cmpstr (with_contact, ==, "1=e:ann@acme.example 1=n:acme 1=p:13800138000");

  edit = sales_customer_dup (acme);
  sales_customer_set_name (edit, "Acme Robotics Inc.");
  sales_customer_set_phone (edit, "021 5555 1234");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);
  edited = keys (f);
  g_assert_cmpstr (edited, ==,
                   "1=e:ann@acme.example 1=n:acmerobotics 1=p:02155551234 1=p:13800138000");

  g_assert_true (sales_store_delete (f->store, SALES_RECORD (acme), &error));
  g_assert_no_error (error);
  deleted = keys (f);
  g_assert_cmpstr (deleted, ==, "");

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  undone = keys (f);
  g_assert_cmpstr (undone, ==, edited);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_dirty"), ==, 0);

  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deleted, g_free);
  deleted = keys (f);
  g_assert_cmpstr (deleted, ==, "");
}

/* An edit made outside the program, with the sqlite3 shell, is noted by the
 * triggers and caught up with when the file is next opened. */
static void
test_keys_after_shell_edit (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesCustomer) acme = test_add_customer (f, "ACME", 0);
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *after = NULL;

  test_exec (f->db, "UPDATE customer SET name = '明远集团', email = 'SALES@mingyuan.example' "
                    "WHERE id = 1");
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_dirty"), ==, 1);

  db = sales_db_open (f->path, &error);
  g_assert_no_error (error);
  after = keys (f);
  g_assert_cmpstr (after, ==, "1=e:sales@mingyuan.example 1=n:明远");
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM customer_dirty"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customer-index/phone", test_phone);
  g_test_add_func ("/customer-index/email", test_email);
  g_test_add_func ("/customer-index/company-name", test_company_name);
  g_test_add ("/customer-index/keys-follow-store", Fixture, NULL,
              fixture_set_up, test_keys_follow_store, fixture_tear_down);
  g_test_add ("/customer-index/keys-after-shell-edit", Fixture, NULL,
              fixture_set_up, test_keys_after_shell_edit, fixture_tear_down);

  return g_test_run ();
}
