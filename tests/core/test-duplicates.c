/* test-duplicates.c: normalised names, the check on save, "Find duplicates" and merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-duplicates.h"
#include "sales-normalize.h"
#include "test-util.h"

/* Worked out by hand from the rules in sales-normalize.c. */
static void
test_normalize_names (void)
{
  static const struct {
    const char *typed;
    const char *key;
  } cases[] = {
    { "华为技术有限公司", "华为技术" },
    /* Traditional forms become Simplified (OpenCC t2s) before comparing. */
    { "華為技術", "华为技术" },
    { "華為技術有限公司", "华为技术" },
    { "华为技术股份有限公司", "华为技术" },
    { "ACME Co., Ltd.", "acme" },
    { "acme", "acme" },
    { "ＡＣＭＥ　Ｌｉｍｉｔｅｄ", "acme" },
    { "Acme Corp.", "acme" },
    { "Acme, Inc.", "acme" },
    { "ACME LLC", "acme" },
    { "Acme Group Holdings Ltd", "acme" },
    /* Han and Latin runs are words of their own, so suffixes on either side go. */
    { "ACME有限公司", "acme" },
    { "华为 Co., Ltd.", "华为" },
    { "阿里巴巴集团控股有限公司", "阿里巴巴" },
    { "上海明远有限责任公司", "上海明远" },
    { "中国平安保险（集团）股份有限公司", "中国平安保险" },
    /* A branch loses only 公司 and stays apart from its head office. */
    { "华为深圳分公司", "华为深圳分" },
    /* Suffix letters inside a word are the name's. */
    { "Costco", "costco" },
    { "Zinc", "zinc" },
    /* Never down to nothing. */
    { "Limited", "limited" },
    { "集团公司", "集团" },
    { "公司", "公司" },
    { "...", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = sales_normalize_company_name (cases[i].typed);

      g_test_message ("%s", cases[i].typed != NULL ? cases[i].typed : "(null)");
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_normalize_phones_emails (void)
{
  g_autofree char *p1 = sales_normalize_phone ("+86 138-0013-8000");
  g_autofree char *p2 = sales_normalize_phone ("13800138000");
  g_autofree char *p3 = sales_normalize_phone ("(021) 5555 1234");
  g_autofree char *p4 = sales_normalize_phone ("ext. 12");
  g_autofree char *e1 = sales_normalize_email ("Sales@ACME.com ");
  g_autofree char *e2 = sales_normalize_email ("sales@acme.com");
  g_autofree char *e3 = sales_normalize_email ("no address");

  g_assert_cmpstr (p1, ==, "13800138000");
  g_assert_cmpstr (p2, ==, "13800138000");
  g_assert_cmpstr (p3, ==, "02155551234");
  g_assert_null (p4);
  g_assert_cmpstr (e1, ==, "sales@acme.com");
  g_assert_cmpstr (e2, ==, "sales@acme.com");
  g_assert_null (e3);
}

static SalesCustomer *
add_customer (Fixture    *f,
              const char *name,
              const char *phone,
              const char *email,
              gint64      owner_id)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(GError) error = NULL;
  SalesCustomer *customer;

  sales_customer_set_name (draft, name);
  sales_customer_set_phone (draft, phone);
  sales_customer_set_email (draft, email);
  sales_customer_set_owner_id (draft, owner_id);
  customer = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return customer;
}

static SalesContact *
add_contact (Fixture    *f,
             gint64      customer_id,
             const char *name,
             const char *phone,
             const char *email,
             gboolean    is_primary)
{
  g_autoptr(SalesContact) draft = sales_contact_new ();
  g_autoptr(GError) error = NULL;
  SalesContact *contact;

  sales_contact_set_customer_id (draft, customer_id);
  sales_contact_set_name (draft, name);
  sales_contact_set_phone (draft, phone);
  sales_contact_set_email (draft, email);
  sales_contact_set_is_primary (draft, is_primary);
  contact = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return contact;
}

/* The matches as "id:reasons id:reasons", reasons as letters p, e, n. */
static char *
describe (GArray *matches)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const SalesDuplicateMatch *m = &g_array_index (matches, SalesDuplicateMatch, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%s%s%s", i > 0 ? " " : "",
                              m->customer_id,
                              m->reasons & SALES_DUPLICATE_PHONE ? "p" : "",
                              m->reasons & SALES_DUPLICATE_EMAIL ? "e" : "",
                              m->reasons & SALES_DUPLICATE_NAME ? "n" : "");
    }

  return g_string_free (text, FALSE);
}

static char *
check (Fixture    *f,
       const char *name,
       const char *phone,
       const char *email,
       const char *contact_phone,
       gint64      exclude_id)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GError) error = NULL;

  sales_customer_set_name (draft, name);
  sales_customer_set_phone (draft, phone);
  sales_customer_set_email (draft, email);
  if (contact_phone != NULL)
    {
      SalesContact *contact = sales_contact_new ();

      sales_contact_set_name (contact, "Someone");
      sales_contact_set_phone (contact, contact_phone);
      g_ptr_array_add (contacts, contact);
    }

  matches = sales_duplicates_check (f->db, draft, contacts, exclude_id, &error);
  g_assert_no_error (error);

  return describe (matches);
}

/*   1 华为技术有限公司, +86 138-0013-8000
 *   2 ACME Co., Ltd., Sales@Acme.com
 *   3 Globex, contact Li Lei 021-5555-1234 li@globex.example
 *   4 Initech */
static void
add_four (Fixture *f)
{
  g_autoptr(SalesCustomer) c1 = add_customer (f, "华为技术有限公司", "+86 138-0013-8000", NULL, 0);
  g_autoptr(SalesCustomer) c2 = add_customer (f, "ACME Co., Ltd.", NULL, "Sales@Acme.com", 0);
  g_autoptr(SalesCustomer) c3 = add_customer (f, "Globex", NULL, NULL, 0);
  g_autoptr(SalesCustomer) c4 = add_customer (f, "Initech", "0755-8888 0000", NULL, 0);
  g_autoptr(SalesContact) k1 = add_contact (f, 3, "Li Lei", "021-5555-1234", "li@globex.example",
                                            TRUE);
}

static void
test_check_on_save (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *phone;
    const char *email;
    const char *contact_phone;
    gint64      exclude_id;
    const char *expected;
  } cases[] = {
    { "華為技術", NULL, NULL, NULL, 0, "1:n" },
    { "Someone else", "13800138000", NULL, NULL, 0, "1:p" },
    { "acme", NULL, "sales@acme.COM", NULL, 0, "2:en" },
    /* A contact's phone matches the customer of a contact with that phone. */
    { "New Co", NULL, NULL, "021 5555 1234", 0, "3:p" },
    /* The customer's own phone matches another customer's contact too. */
    { "New Co", "02155551234", NULL, NULL, 0, "3:p" },
    /* Phone and e-mail first, then by id: 4 shares the phone, 2 the name. */
    { "ACME", "075588880000", NULL, NULL, 0, "4:p 2:n" },
    /* Editing customer 1 does not find itself. */
    { "华为技术有限公司", "+86 138-0013-8000", NULL, NULL, 1, "" },
    { "华为技术有限公司", NULL, NULL, NULL, 2, "1:n" },
    { "Umbrella", "010-1234-5678", "info@umbrella.example", NULL, 0, "" },
  };

  add_four (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = check (f, cases[i].name, cases[i].phone, cases[i].email,
                                      cases[i].contact_phone, cases[i].exclude_id);

      g_test_message ("case %u", i);
      g_assert_cmpstr (found, ==, cases[i].expected);
    }
}

/* The check reads keys the store keeps up to date: after an edit, the old
 * phone no longer matches and the new one does. */
static void
test_check_follows_edits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SalesCustomer) huawei = NULL;
  g_autoptr(SalesCustomer) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *old_phone = NULL;
  g_autofree char *new_phone = NULL;

  add_four (f);
  huawei = sales_store_get_customer (f->store, 1, &error);
  before = check (f, "X", "13800138000", NULL, NULL, 0);
  g_assert_cmpstr (before, ==, "1:p");

  edit = sales_customer_dup (huawei);
  sales_customer_set_phone (edit, "139 0000 1111");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);

  old_phone = check (f, "X", "13800138000", NULL, NULL, 0);
  new_phone = check (f, "X", "13900001111", NULL, NULL, 0);
  g_assert_cmpstr (old_phone, ==, "");
  g_assert_cmpstr (new_phone, ==, "1:p");
}

static char *
describe_pairs (GArray *pairs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      const SalesDuplicatePair *p = &g_array_index (pairs, SalesDuplicatePair, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ":%s%s%s",
                              i > 0 ? " " : "", p->a_id, p->b_id,
                              p->reasons & SALES_DUPLICATE_PHONE ? "p" : "",
                              p->reasons & SALES_DUPLICATE_EMAIL ? "e" : "",
                              p->reasons & SALES_DUPLICATE_NAME ? "n" : "");
    }

  return g_string_free (text, FALSE);
}

static void
test_find_all (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SalesCustomer) c5 = NULL, c6 = NULL, c7 = NULL;
  g_autoptr(SalesContact) k2 = NULL;

  add_four (f);
  /* 5 is 1 by name and phone; 6 is 2 by e-mail (a contact's) and 3 by a
   * contact's phone; 7 is 1 and 5 by name only. */
  c5 = add_customer (f, "華為技術", "13800138000", NULL, 0);
  c6 = add_customer (f, "Umbrella", NULL, NULL, 0);
  k2 = add_contact (f, 6, "Wang Tao", "02155551234", "SALES@acme.com", FALSE);
  c7 = add_customer (f, "华为技术集团", NULL, NULL, 0);

  pairs = sales_duplicates_find_all (f->db, NULL, &error);
  g_assert_no_error (error);
  text = describe_pairs (pairs);
  g_assert_cmpstr (text, ==, "1-5:pn 1-7:n 2-6:e 3-6:p 5-7:n");
}

/* Keys shared by more than 20 customers (a switchboard) make no pairs. */
static void
test_find_all_skips_crowds (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 21; i++)
    {
      g_autofree char *name = g_strdup_printf ("Branch %u", i);
      g_autoptr(SalesCustomer) c = add_customer (f, name, "400-800-8888", NULL, 0);
    }

  pairs = sales_duplicates_find_all (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 0);
}

static void
test_describe (void)
{
  g_autofree char *one = sales_duplicate_reason_describe (SALES_DUPLICATE_EMAIL);
  g_autofree char *all = sales_duplicate_reason_describe (SALES_DUPLICATE_PHONE |
                                                          SALES_DUPLICATE_EMAIL |
                                                          SALES_DUPLICATE_NAME);

  g_assert_cmpstr (one, ==, "Same e-mail");
  g_assert_cmpstr (all, ==, "Same phone, same e-mail, same name");
}

/* Two records of one company:
 *   reps       1 Zhang Wei, 2 Li Na
 *   customer 1 ACME Co., Ltd. (kept): no owner, e-mail, notes; contact 1 Ann (primary),
 *              deal 1, tag VIP
 *   customer 2 Acme (merged): owner 2, phone, industry, address, notes; contacts 2 Bob
 *              (primary), 3 Cy; deals 2, 3; follow-ups 1 (deal 2), 2; contract 1 (deal 2)
 *              with a payment plan; tags VIP, Key account; a 'claimed' event */
static void
add_two_records (Fixture *f)
{
  g_autoptr(SalesRep) zhang = test_add_rep (f, "Zhang Wei");
  g_autoptr(SalesRep) li = test_add_rep (f, "Li Na");
  g_autoptr(SalesCustomer) a = add_customer (f, "ACME Co., Ltd.", NULL, "sales@acme.com", 0);
  g_autoptr(SalesCustomer) b = add_customer (f, "Acme", "021 5555 1234", NULL, 2);
  g_autoptr(SalesCustomer) a_edit = sales_customer_dup (a);
  g_autoptr(SalesCustomer) b_edit = sales_customer_dup (b);
  g_autoptr(SalesContact) k1 = add_contact (f, 1, "Ann", NULL, NULL, TRUE);
  g_autoptr(SalesContact) k2 = add_contact (f, 2, "Bob", "13800138000", NULL, TRUE);
  g_autoptr(SalesContact) k3 = add_contact (f, 2, "Cy", NULL, "cy@acme.com", FALSE);
  g_autoptr(SalesDeal) d1 = test_add_deal (f, 1, 1, "Robots", 100000);
  g_autoptr(SalesDeal) d2 = test_add_deal (f, 2, 1, "Arms", 200000);
  g_autoptr(SalesDeal) d3 = test_add_deal (f, 2, 1, "Grippers", 300000);
  g_autoptr(SalesActivity) a1 = test_add_activity (f, 2, 2, TEST_T0 + 86400);
  g_autoptr(SalesActivity) a2 = test_add_activity (f, 2, 0, TEST_T0 + 2 * 86400);
  g_autoptr(GError) error = NULL;

  sales_customer_set_notes (a_edit, "Met at the fair");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (a_edit), &error));
  sales_customer_set_industry (b_edit, "Manufacturing");
  sales_customer_set_address (b_edit, "上海市浦东新区");
  sales_customer_set_notes (b_edit, "Old record");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (b_edit), &error));
  g_assert_no_error (error);

  test_exec (f->db,
             "INSERT INTO contract (customer_id, deal_id, number, amount_cents, signed_on) "
             "  VALUES (2, 2, 'HT-2023-000001', 200000, '2023-11-15');"
             "INSERT INTO payment_plan (contract_id, due_on, amount_cents) "
             "  VALUES (1, '2023-12-01', 200000);"
             "INSERT INTO tag (id, name) VALUES (1, 'VIP'), (2, 'Key account'), (3, 'Unused');"
             "INSERT INTO customer_tag (customer_id, tag_id) VALUES (1, 1), (2, 1), (2, 2);"
             "INSERT INTO customer_event (customer_id, kind, from_owner_id, to_owner_id, at) "
             "  VALUES (2, 'claimed', NULL, 2, 1699990000)");
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SalesCustomer) kept = NULL;
  g_autoptr(SalesCustomer) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *events = NULL;
  g_autofree char *keys = NULL;

  add_two_records (f);
  kept = sales_store_get_customer (f->store, 1, &error);
  merged = sales_store_get_customer (f->store, 2, &error);
  g_assert_no_error (error);
  before = test_dump_all (f->db);

  f->now = TEST_T0 + 3600;
  g_assert_true (sales_store_merge_customers (f->store, 1, 2, &error));
  g_assert_no_error (error);
  after = test_dump_all (f->db);

  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Merged “Acme” into “ACME Co., Ltd.”");

  /* A's empty fields took B's values; what A had stayed. */
  g_assert_cmpstr (sales_customer_get_name (kept), ==, "ACME Co., Ltd.");
  g_assert_cmpint (sales_customer_get_owner_id (kept), ==, 2);
  g_assert_cmpstr (sales_customer_get_phone (kept), ==, "021 5555 1234");
  g_assert_cmpstr (sales_customer_get_email (kept), ==, "sales@acme.com");
  g_assert_cmpstr (sales_customer_get_industry (kept), ==, "Manufacturing");
  g_assert_cmpstr (sales_customer_get_address (kept), ==, "上海市浦东新区");
  g_assert_cmpstr (sales_customer_get_notes (kept), ==, "Met at the fair");
  g_assert_cmpint (sales_customer_get_updated_at (kept), ==, TEST_T0 + 3600);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM customer WHERE id = 2"), ==, 0);

  /* Everything of B is A's now; A keeps its primary contact. */
  contacts = test_query_text (f->db,
                              "SELECT group_concat (id || ':' || customer_id || ':' || is_primary, "
                              "' ') FROM (SELECT * FROM contact ORDER BY id)");
  g_assert_cmpstr (contacts, ==, "1:1:1 2:1:0 3:1:0");
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM deal WHERE customer_id = 1"), ==, 3);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM activity WHERE customer_id = 1"),
                   ==, 2);
  g_assert_cmpint (test_query_int (f->db, "SELECT customer_id FROM contract WHERE id = 1"), ==, 1);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM payment_plan"), ==, 1);
  tags = test_query_text (f->db,
                          "SELECT group_concat (customer_id || ':' || tag_id, ' ') "
                          "FROM (SELECT * FROM customer_tag ORDER BY customer_id, tag_id)");
  /* VIP once: A had it already. */
  g_assert_cmpstr (tags, ==, "1:1 1:2");
  events = test_query_text (f->db,
                            "SELECT group_concat (customer_id || ':' || kind || ':' || "
                            "  coalesce (from_owner_id, '-') || ':' || coalesce (to_owner_id, '-') "
                            "  || ':' || at || ':' || coalesce (note, ''), ' | ') "
                            "FROM (SELECT * FROM customer_event ORDER BY id)");
  g_assert_cmpstr (events, ==,
                   "1:claimed:-:2:1699990000: | 1:merged:2:2:1700003600:Merged with “Acme” (no. 2)");
  /* The duplicate keys follow: B's are gone, A has B's phones and e-mails. */
  keys = test_query_text (f->db,
                          "SELECT group_concat (customer_id || '=' || key, ' ') "
                          "FROM (SELECT * FROM customer_key ORDER BY customer_id, key)");
  g_assert_cmpstr (keys, ==,
                   "1=e:cy@acme.com 1=e:sales@acme.com 1=n:acme 1=p:02155551234 1=p:13800138000");

  /* One undo step brings back everything, B with its id. */
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  undone = test_dump_all (f->db);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpint (sales_customer_get_owner_id (kept), ==, 0);
  g_assert_null (sales_customer_get_phone (kept));

  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  redone = test_dump_all (f->db);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_merge_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_two_records (f);
  before = test_dump_all (f->db);

  g_assert_false (sales_store_merge_customers (f->store, 1, 1, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sales_store_merge_customers (f->store, 1, 99, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);

  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/duplicates/normalize/names", test_normalize_names);
  g_test_add_func ("/duplicates/normalize/phones-emails", test_normalize_phones_emails);
  g_test_add_func ("/duplicates/describe", test_describe);
  g_test_add ("/duplicates/check-on-save", Fixture, NULL,
              fixture_set_up, test_check_on_save, fixture_tear_down);
  g_test_add ("/duplicates/check-follows-edits", Fixture, NULL,
              fixture_set_up, test_check_follows_edits, fixture_tear_down);
  g_test_add ("/duplicates/find-all", Fixture, NULL,
              fixture_set_up, test_find_all, fixture_tear_down);
  g_test_add ("/duplicates/find-all-skips-crowds", Fixture, NULL,
              fixture_set_up, test_find_all_skips_crowds, fixture_tear_down);

  g_test_add ("/duplicates/merge-and-undo", Fixture, NULL,
              fixture_set_up, test_merge_and_undo, fixture_tear_down);
  g_test_add ("/duplicates/merge-refused", Fixture, NULL,
              fixture_set_up, test_merge_refused, fixture_tear_down);

  return g_test_run ();
}
