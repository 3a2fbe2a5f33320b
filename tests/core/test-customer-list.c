/* test-customer-list.c: the customer list's orders and filters, tags and bulk actions
 *
 * The fixture, built by hand (times are TEST_T0 + seconds):
 *
 *   id name     tier industry source    owner  created  open deals   done     planned
 *   1  Delta    B    Retail   website   Wang   +100     1000 + 500   -        +7000
 *   2  alpha    A    Energy   referral  pool   +200     (won 9999)   +1000,
 *                                                                    +3000
 *   3  Charlie  C    -        website   Li     +300     5000         -        +5000, +9000
 *   4  Bravo    A    Retail   -         Wang   +400     -            +2000
 *   5  华为     B    Energy   wechat    pool   +500     -            -
 *
 * Reps: 1 Wang, 2 Li. Names sort by their bytes: capitals, then small letters, then
 * Chinese; ties go by id in the list's direction. An empty industry, source or owner (the
 * pool) is the smallest value, as in SQL; an empty sum (never contacted, nothing planned)
 * comes last in both directions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-customer-list.h"
#include "test-util.h"

#define WANG 1
#define LI   2

static void
add_activity (Fixture *f,
              gint64   customer_id,
              gint64   due_at,
              gint64   done_at)
{
  g_autoptr(SalesActivity) draft = sales_activity_new ();
  g_autoptr(SalesActivity) activity = NULL;
  g_autoptr(GError) error = NULL;

  sales_activity_set_customer_id (draft, customer_id);
  sales_activity_set_kind (draft, SALES_ACTIVITY_KIND_CALL);
  sales_activity_set_due_at (draft, due_at);
  sales_activity_set_done_at (draft, done_at);
  activity = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
}

static void
add_customer (Fixture    *f,
              const char *name,
              SalesTier   tier,
              const char *industry,
              const char *source,
              gint64      owner_id)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  f->now += 100;
  sales_customer_set_name (draft, name);
  sales_customer_set_tier (draft, tier);
  sales_customer_set_industry (draft, industry);
  sales_customer_set_source (draft, source);
  sales_customer_set_owner_id (draft, owner_id);
  customer = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(SalesRep) wang = NULL;
  g_autoptr(SalesRep) li = NULL;
  g_autoptr(SalesDeal) d1 = NULL, d2 = NULL, d3 = NULL, d4 = NULL;

  fixture_set_up (f, data);

  wang = test_add_rep (f, "Wang");
  li = test_add_rep (f, "Li");

  add_customer (f, "Delta", SALES_TIER_B, "Retail", "website", WANG);
  add_customer (f, "alpha", SALES_TIER_A, "Energy", "referral", 0);
  add_customer (f, "Charlie", SALES_TIER_C, NULL, "website", LI);
  add_customer (f, "Bravo", SALES_TIER_A, "Retail", NULL, WANG);
  add_customer (f, "华为", SALES_TIER_B, "Energy", "wechat", 0);

  /* Stages 1-5 are open, 6 won. */
  d1 = test_add_deal (f, 1, 1, "Chairs", 1000);
  d2 = test_add_deal (f, 1, 2, "Desks", 500);
  d3 = test_add_deal (f, 3, 1, "Servers", 5000);
  d4 = test_add_deal (f, 2, 6, "Support", 9999);

  add_activity (f, 2, 0, TEST_T0 + 1000);
  add_activity (f, 2, 0, TEST_T0 + 3000);
  add_activity (f, 4, 0, TEST_T0 + 2000);
  add_activity (f, 3, TEST_T0 + 9000, 0);
  add_activity (f, 3, TEST_T0 + 5000, 0);
  add_activity (f, 1, TEST_T0 + 7000, 0);
}

static char *
ids_of (SalesCustomerList *list)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            sales_customer_list_get_customer_id (list, i));

  return g_string_free (out, FALSE);
}

#define assert_ids(list, expected) \
  G_STMT_START { \
    g_autofree char *_ids = ids_of (list); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

static void
test_sorts (Fixture       *f,
            gconstpointer  data)
{
  static const struct {
    SalesCustomerSort sort;
    gboolean descending;
    const char *expected;
  } cases[] = {
    { SALES_CUSTOMER_SORT_RELEVANCE, FALSE, "4 3 1 2 5" },
    { SALES_CUSTOMER_SORT_NAME, FALSE, "4 3 1 2 5" },
    { SALES_CUSTOMER_SORT_NAME, TRUE, "5 2 1 3 4" },
    { SALES_CUSTOMER_SORT_TIER, FALSE, "4 2 1 5 3" },
    { SALES_CUSTOMER_SORT_TIER, TRUE, "3 5 1 2 4" },
    { SALES_CUSTOMER_SORT_INDUSTRY, FALSE, "3 2 5 4 1" },
    { SALES_CUSTOMER_SORT_INDUSTRY, TRUE, "1 4 5 2 3" },
    { SALES_CUSTOMER_SORT_OWNER, FALSE, "2 5 3 4 1" },
    { SALES_CUSTOMER_SORT_OWNER, TRUE, "1 4 3 5 2" },
    { SALES_CUSTOMER_SORT_SOURCE, FALSE, "4 2 3 1 5" },
    { SALES_CUSTOMER_SORT_SOURCE, TRUE, "5 1 3 2 4" },
    { SALES_CUSTOMER_SORT_LAST_CONTACT, FALSE, "4 2 1 3 5" },
    { SALES_CUSTOMER_SORT_LAST_CONTACT, TRUE, "2 4 5 3 1" },
    { SALES_CUSTOMER_SORT_OPEN_DEALS, FALSE, "2 4 5 3 1" },
    { SALES_CUSTOMER_SORT_OPEN_DEALS, TRUE, "1 3 5 4 2" },
    { SALES_CUSTOMER_SORT_OPEN_AMOUNT, TRUE, "3 1 5 4 2" },
    { SALES_CUSTOMER_SORT_NEXT_FOLLOWUP, FALSE, "3 1 2 4 5" },
    { SALES_CUSTOMER_SORT_NEXT_FOLLOWUP, TRUE, "1 3 5 4 2" },
    { SALES_CUSTOMER_SORT_CREATED, FALSE, "1 2 3 4 5" },
    { SALES_CUSTOMER_SORT_CREATED, TRUE, "5 4 3 2 1" },
  };
  g_autoptr(SalesCustomerList) list = sales_customer_list_new (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("sort %d, descending %d", cases[i].sort, cases[i].descending);
      sales_customer_list_set_sort (list, cases[i].sort, cases[i].descending);
      assert_ids (list, cases[i].expected);
    }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SalesCustomerList) list = sales_customer_list_new (f->store);
  g_autoptr(GError) error = NULL;
  const gint64 tagged[] = { 1, 5 };
  gint64 vip = 0;

  g_assert_false (sales_customer_list_is_filtered (list));

  sales_customer_list_set_tier (list, SALES_TIER_A);
  assert_ids (list, "4 2");
  g_assert_true (sales_customer_list_is_filtered (list));
  sales_customer_list_set_tier (list, SALES_CUSTOMER_LIST_ANY_TIER);

  sales_customer_list_set_owner_id (list, SALES_CUSTOMER_LIST_PUBLIC_POOL);
  assert_ids (list, "2 5");
  sales_customer_list_set_tier (list, SALES_TIER_B);
  assert_ids (list, "5");
  sales_customer_list_set_tier (list, SALES_CUSTOMER_LIST_ANY_TIER);
  sales_customer_list_set_owner_id (list, WANG);
  assert_ids (list, "4 1");
  sales_customer_list_set_owner_id (list, 0);

  sales_customer_list_set_industry (list, "Retail");
  assert_ids (list, "4 1");
  sales_customer_list_set_industry (list, NULL);
  sales_customer_list_set_source (list, "website");
  assert_ids (list, "3 1");
  sales_customer_list_set_source (list, "  ");
  assert_ids (list, "4 3 1 2 5");

  g_assert_true (sales_store_add_tag (f->store, tagged, G_N_ELEMENTS (tagged), "VIP", &vip,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (vip, >, 0);
  sales_customer_list_set_tag_id (list, vip);
  assert_ids (list, "1 5");

  /* Tagging a customer the filter shows puts it in. */
  g_assert_true (sales_store_add_tag (f->store, (const gint64[]) { 2 }, 1, "vip", NULL, &error));
  g_assert_no_error (error);
  assert_ids (list, "1 2 5");

  sales_customer_list_set_tier (list, SALES_TIER_B);
  sales_customer_list_clear_filters (list);
  g_assert_false (sales_customer_list_is_filtered (list));
  g_assert_cmpint (sales_customer_list_get_tag_id (list), ==, 0);
  assert_ids (list, "4 3 1 2 5");

  {
    g_auto(GStrv) industries = sales_customer_list_dup_industries (f->store);
    g_auto(GStrv) sources = sales_customer_list_dup_sources (f->store);
    g_autofree char *i_joined = g_strjoinv (",", industries);
    g_autofree char *s_joined = g_strjoinv (",", sources);

    g_assert_cmpstr (i_joined, ==, "Energy,Retail");
    g_assert_cmpstr (s_joined, ==, "referral,website,wechat");
  }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SalesCustomerList) list = sales_customer_list_new (f->store);

  sales_customer_list_set_search (list, "华");
  assert_ids (list, "5");
  sales_customer_list_set_search (list, "delta");
  assert_ids (list, "1");
  sales_customer_list_set_owner_id (list, LI);
  assert_ids (list, "");
  g_assert_true (sales_customer_list_is_filtered (list));
  sales_customer_list_set_search (list, NULL);
  assert_ids (list, "3");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  ItemsChanged change = { position, removed, added };

  g_array_append_val (log, change);
}

static void
assert_change (GArray *log,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  const ItemsChanged *change;

  g_assert_cmpuint (index, <, log->len);
  change = &g_array_index (log, ItemsChanged, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
test_updates (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SalesCustomerList) list = sales_customer_list_new (f->store);
  g_autoptr(SalesCustomerList) by_deals = sales_customer_list_new (f->store);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(SalesCustomer) delta = sales_store_get_customer (f->store, 1, NULL);
  g_autoptr(SalesCustomer) edit = sales_customer_dup (delta);
  g_autoptr(SalesCustomerStats) stats = NULL;
  g_autoptr(SalesDeal) deal = NULL;
  g_autoptr(SalesDeal) other = NULL;
  g_autoptr(SalesCustomer) echo = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), log);
  sales_customer_list_set_sort (by_deals, SALES_CUSTOMER_SORT_OPEN_DEALS, TRUE);

  /* Renamed: one row leaves its place and takes its new one. */
  sales_customer_set_name (edit, "Able");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);
  assert_ids (list, "1 4 3 2 5");
  g_assert_cmpuint (log->len, ==, 2);
  assert_change (log, 0, 2, 1, 0);
  assert_change (log, 1, 0, 0, 1);

  /* A new customer comes in at its place. */
  g_array_set_size (log, 0);
  echo = test_add_customer (f, "Echo", 0);
  assert_ids (list, "1 4 3 6 2 5");
  g_assert_cmpuint (log->len, ==, 1);
  assert_change (log, 0, 3, 0, 1);

  /* Two open deals for Huawei: its sums change and it moves up the other list. */
  stats = sales_customer_list_get_stats (by_deals, 5);
  g_assert_cmpuint (sales_customer_stats_get_open_deals (stats), ==, 0);
  assert_ids (by_deals, "1 3 6 5 4 2");
  deal = test_add_deal (f, 5, 1, "Phones", 700);
  other = test_add_deal (f, 5, 3, "Routers", 800);
  assert_ids (by_deals, "5 1 3 6 4 2");
  g_assert_cmpuint (sales_customer_stats_get_open_deals (stats), ==, 2);
  g_assert_cmpint (sales_customer_stats_get_open_cents (stats), ==, 1500);

  /* Won: no longer open. */
  g_assert_true (sales_store_mark_won (f->store, deal, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sales_customer_stats_get_open_deals (stats), ==, 1);
  g_assert_cmpint (sales_customer_stats_get_open_cents (stats), ==, 800);
  assert_ids (by_deals, "1 5 3 6 4 2");

  /* Deleted: gone from both. */
  g_array_set_size (log, 0);
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (echo), &error));
  g_assert_no_error (error);
  assert_ids (list, "1 4 3 2 5");
  assert_ids (by_deals, "1 5 3 4 2");
  g_assert_cmpuint (log->len, ==, 1);
  assert_change (log, 0, 3, 1, 0);

  /* Each planned follow-up moves the customer's next one. */
  g_assert_cmpint (sales_customer_stats_get_next_followup_at (stats), ==, 0);
  add_activity (f, 5, TEST_T0 + 4000, 0);
  g_assert_cmpint (sales_customer_stats_get_next_followup_at (stats), ==, TEST_T0 + 4000);
  g_assert_cmpint (sales_customer_stats_get_last_contact_at (stats), ==, 0);
}

static char *
dump (Fixture *f)
{
  static const char * const tables[] = {
    "customer", "contact", "deal", "deal_stage_history", "activity", "tag", "customer_tag",
    "customer_event",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *table = test_dump_table (f->db, tables[i]);

      g_string_append_printf (out, "%s:\n%s\n", tables[i], table);
    }

  return g_string_free (out, FALSE);
}

static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SalesCustomerList) pool = sales_customer_list_new (f->store);
  g_autoptr(SalesCustomer) alpha = sales_store_get_customer (f->store, 2, NULL);
  g_autoptr(SalesCustomer) delta = sales_store_get_customer (f->store, 1, NULL);
  g_autoptr(SalesContact) contact = test_add_contact (f, 1, "Ann", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *after_redo = NULL;
  const gint64 both[] = { 2, 5 };
  const gint64 doomed[] = { 1, 3 };

  sales_customer_list_set_owner_id (pool, SALES_CUSTOMER_LIST_PUBLIC_POOL);
  assert_ids (pool, "2 5");

  /* Assign two pool customers: one action, one event each. */
  f->now = TEST_T0 + 20000;
  g_assert_true (sales_store_assign_customers (f->store, both, 2, WANG, &error));
  g_assert_no_error (error);
  assert_ids (pool, "");
  g_assert_cmpint (sales_customer_get_owner_id (alpha), ==, WANG);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_event "
                                          "WHERE kind = 'assigned' AND from_owner_id IS NULL "
                                          "AND to_owner_id = 1 AND at = 1700020000"), ==, 2);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Assign 2 Customers");
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_ids (pool, "2 5");
  g_assert_cmpint (sales_customer_get_owner_id (alpha), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_event"), ==, 0);

  /* Back to the pool from Wang: a 'returned' event. */
  g_assert_true (sales_store_assign_customers (f->store, (const gint64[]) { 1 }, 1, 0, &error));
  g_assert_no_error (error);
  assert_ids (pool, "1 2 5");
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_event "
                                          "WHERE kind = 'returned' AND from_owner_id = 1 "
                                          "AND to_owner_id IS NULL"), ==, 1);
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);

  /* A rep that does not exist is refused, and nothing is written. */
  g_assert_false (sales_store_assign_customers (f->store, both, 2, 99, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_ids (pool, "2 5");

  g_assert_true (sales_store_set_customers_tier (f->store, both, 2, SALES_TIER_C, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_customer_get_tier (alpha), ==, SALES_TIER_C);
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_customer_get_tier (alpha), ==, SALES_TIER_A);

  /* Delete two customers with their contacts, deals, follow-ups and tags. */
  g_assert_true (sales_store_add_tag (f->store, doomed, 2, "Key account", NULL, &error));
  g_assert_no_error (error);
  before = dump (f);
  g_assert_true (sales_store_delete_customers (f->store, doomed, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer"), ==, 3);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM deal"), ==, 1);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM activity"), ==, 3);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM contact"), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_tag"), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM tag"), ==, 1);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Delete 2 Customers");

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  after_undo = dump (f);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_cmpint (sales_contact_get_customer_id (contact), ==, 1);
  g_assert_cmpstr (sales_customer_get_name (delta), ==, "Delta");

  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer"), ==, 3);
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  after_redo = dump (f);
  g_assert_cmpstr (after_redo, ==, before);
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) of_delta = NULL;
  g_auto(GStrv) after_undo = NULL;
  const gint64 some[] = { 1, 4 };
  gint64 vip = 0, again = 0;

  none = sales_store_list_tags (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  g_assert_true (sales_store_add_tag (f->store, some, 2, " VIP ", &vip, &error));
  g_assert_no_error (error);
  g_assert_true (sales_store_add_tag (f->store, (const gint64[]) { 1 }, 1, "north", NULL,
                                      &error));
  g_assert_no_error (error);
  /* The same name in other letters is the same tag; a customer that has it keeps it. */
  g_assert_true (sales_store_add_tag (f->store, some, 2, "vip", &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, vip);
  g_assert_cmpint (sales_store_find_tag (f->store, "Vip"), ==, vip);

  all = sales_store_list_tags (f->store, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (all), ==, 2);
  g_assert_cmpstr (all[0], ==, "north");
  g_assert_cmpstr (all[1], ==, "VIP");
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, vip);

  of_delta = sales_store_list_customer_tags (f->store, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (of_delta), ==, 2);

  /* Undo of the second "vip" changes nothing: both had it. */
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_tag"), ==, 3);

  g_assert_true (sales_store_remove_tag (f->store, some, 2, vip, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_tag"), ==, 1);
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_tag WHERE tag_id = 1"),
                   ==, 2);

  /* Undo of a new tag takes the tag away too. */
  g_assert_true (sales_store_add_tag (f->store, some, 2, "Lost cause", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM tag"), ==, 3);
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM tag"), ==, 2);
  after_undo = sales_store_list_customer_tags (f->store, 4, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (after_undo), ==, 1);
  g_assert_cmpstr (after_undo[0], ==, "VIP");

  g_assert_false (sales_store_add_tag (f->store, some, 2, "  ", NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/customer-list/sorts", Fixture, NULL, set_up, test_sorts, fixture_tear_down);
  g_test_add ("/customer-list/filters", Fixture, NULL, set_up, test_filters, fixture_tear_down);
  g_test_add ("/customer-list/search", Fixture, NULL, set_up, test_search, fixture_tear_down);
  g_test_add ("/customer-list/updates", Fixture, NULL, set_up, test_updates, fixture_tear_down);
  g_test_add ("/customer-list/bulk", Fixture, NULL, set_up, test_bulk, fixture_tear_down);
  g_test_add ("/customer-list/tags", Fixture, NULL, set_up, test_tags, fixture_tear_down);

  return g_test_run ();
}
