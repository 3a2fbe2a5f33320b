/* test-deal-list.c: a board column's ids, order, totals, filters and signals
 *
 * The company of every test (stages of a fresh database: 1 Lead 10 %,
 * 2 Initial contact 20 %, 3 Needs confirmed 40 %, 4 Proposal / quote 60 %,
 * 5 Negotiation 80 %, 6 Won 100 %, 7 Lost 0 %):
 *   reps       1 Wang Fang, 2 Li Na
 *   customers  1 Acme Trading, 2 华为技术, 3 100% Natural
 *   deals      1 "ERP 1000 seats"  Acme,  rep 1, Lead,            1 000.00, close 2023-11-20
 *              2 "云服务采购"        华为,  rep 2, Lead,            2 500.50, close 2023-11-14
 *              3 "Widgets"         100%,  rep 1, Lead,              333.33, close 2023-12-31
 *              4 "Office chairs"   Acme,  nobody, Lead,               1.02, no close date
 *              5 "CRM licences"    华为,  rep 1, Initial contact, 5 000.00, close 2023-10-01
 *
 * The clock says 1700000000: 2023-11-14 22:13:20 UTC, which is already
 * 2023-11-15 06:13:20 in Asia/Shanghai, the TZ of the tests. So deal 2,
 * due on the 14th, is overdue here though not in UTC.
 *
 * Lead by hand: 100000 + 250050 + 33333 + 102 = 383485 cents; weighted at
 * 10 % that is 38348.5, rounded half up to 38349.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

typedef struct
{
  Fixture          f;
  SalesDealFilter *filter;
  SalesDealList   *lead;
  SalesDealList   *contact;
} Board;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  GArray *changes;
  guint   totals_notified;
} Recorder;

static void
set_deal (Fixture    *f,
          SalesDeal  *deal,
          gint64      owner_id,
          const char *expected_close)
{
  g_autoptr(SalesDeal) edit = sales_deal_dup (deal);
  g_autoptr(GError) error = NULL;

  sales_deal_set_owner_id (edit, owner_id);
  sales_deal_set_expected_close (edit, expected_close);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);
}

static void
board_set_up (Board         *b,
              gconstpointer  data)
{
  Fixture *f = &b->f;
  g_autoptr(SalesRep) wang = NULL, li = NULL;
  g_autoptr(SalesCustomer) acme = NULL, huawei = NULL, natural = NULL;
  g_autoptr(SalesDeal) d1 = NULL, d2 = NULL, d3 = NULL, d4 = NULL, d5 = NULL;
  g_autoptr(SalesStage) lead = NULL, contact = NULL;

  fixture_set_up (f, data);

  wang = test_add_rep (f, "Wang Fang");
  li = test_add_rep (f, "Li Na");
  acme = test_add_customer (f, "Acme Trading", 0);
  huawei = test_add_customer (f, "华为技术", 0);
  natural = test_add_customer (f, "100% Natural", 0);
  d1 = test_add_deal (f, 1, 1, "ERP 1000 seats", 100000);
  d2 = test_add_deal (f, 2, 1, "云服务采购", 250050);
  d3 = test_add_deal (f, 3, 1, "Widgets", 33333);
  d4 = test_add_deal (f, 1, 1, "Office chairs", 102);
  d5 = test_add_deal (f, 2, 2, "CRM licences", 500000);
  set_deal (f, d1, 1, "2023-11-20");
  set_deal (f, d2, 2, "2023-11-14");
  set_deal (f, d3, 1, "2023-12-31");
  set_deal (f, d5, 1, "2023-10-01");

  lead = sales_store_get_stage (f->store, 1, NULL);
  contact = sales_store_get_stage (f->store, 2, NULL);
  b->filter = sales_deal_filter_new ();
  b->lead = sales_deal_list_new (f->store, lead, b->filter);
  b->contact = sales_deal_list_new (f->store, contact, b->filter);
}

static void
board_tear_down (Board         *b,
                 gconstpointer  data)
{
  g_assert_finalize_object (b->lead);
  g_assert_finalize_object (b->contact);
  g_assert_finalize_object (b->filter);
  fixture_tear_down (&b->f, data);
}

/* The ids of @list, as "1 2 3". */
static char *
ids_of (SalesDealList *list)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            sales_deal_list_get_deal_id (list, i));

  return g_string_free (ids, FALSE);
}

#define assert_ids(list, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = ids_of (list); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

/* The totals are added up in a thread, then kept. */
static void
wait_for_totals (SalesDealList *list)
{
  while (!sales_deal_list_get_totals_known (list))
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_totals (SalesDealList *list,
               guint          n_deals,
               gint64         total_cents,
               gint64         weighted_cents)
{
  wait_for_totals (list);
  g_assert_cmpuint (sales_deal_list_get_n_deals (list), ==, n_deals);
  g_assert_cmpint (sales_deal_list_get_total_cents (list), ==, total_cents);
  g_assert_cmpint (sales_deal_list_get_weighted_cents (list), ==, weighted_cents);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  Change change = { position, removed, added };

  g_array_append_val (recorder->changes, change);
}

static void
on_total_notify (Recorder *recorder)
{
  recorder->totals_notified++;
}

static void
recorder_start (Recorder      *recorder,
                SalesDealList *list)
{
  recorder->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  recorder->totals_notified = 0;
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), recorder);
  g_signal_connect_swapped (list, "notify::total-cents", G_CALLBACK (on_total_notify), recorder);
}

static void
recorder_stop (Recorder      *recorder,
               SalesDealList *list)
{
  g_signal_handlers_disconnect_by_data (list, recorder);
  g_array_unref (recorder->changes);
}

static void
assert_change (Recorder *recorder,
               guint     index,
               guint     position,
               guint     removed,
               guint     added)
{
  const Change *change;

  g_assert_cmpuint (index, <, recorder->changes->len);
  change = &g_array_index (recorder->changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
move (Fixture *f,
      gint64   deal_id,
      gint64   stage_id,
      int      index)
{
  g_autoptr(SalesDeal) deal = sales_store_get_deal (f->store, deal_id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_store_move_deal (f->store, deal, stage_id, index, &error));
  g_assert_no_error (error);
}

static void
test_columns (Board         *b,
              gconstpointer  data)
{
  g_autoptr(SalesDeal) first = NULL;
  g_autoptr(SalesStage) lead = sales_store_get_stage (b->f.store, 1, NULL);
  g_autoptr(SalesStage) won = sales_store_get_stage (b->f.store, 6, NULL);
  g_autoptr(SalesDealList) won_list = sales_deal_list_new (b->f.store, won, NULL);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (b->lead)) == SALES_TYPE_DEAL);
  g_assert_false (sales_deal_list_get_totals_known (won_list));
  assert_ids (b->lead, "1 2 3 4");
  assert_totals (b->lead, 4, 383485, 38349);
  assert_ids (b->contact, "5");
  assert_totals (b->contact, 1, 500000, 100000);
  assert_ids (won_list, "");
  assert_totals (won_list, 0, 0, 0);

  /* Items are the store's own objects. */
  first = g_list_model_get_item (G_LIST_MODEL (b->lead), 0);
  g_assert_cmpstr (sales_deal_get_title (first), ==, "ERP 1000 seats");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (b->lead), 4));
  g_assert_cmpint (sales_deal_list_get_deal_id (b->lead, 4), ==, 0);

  g_assert_true (sales_deal_list_get_stage (b->lead) == lead);
  g_assert_true (sales_deal_list_get_filter (b->lead) == b->filter);
}

static void
test_filters (Board         *b,
              gconstpointer  data)
{
  Recorder recorder;

  /* Someone who has read the totals hears about their changes. */
  assert_totals (b->lead, 4, 383485, 38349);
  recorder_start (&recorder, b->lead);

  /* Title, case-insensitively. */
  sales_deal_filter_set_search (b->filter, "erp");
  assert_ids (b->lead, "1");
  assert_totals (b->lead, 1, 100000, 10000);
  g_assert_cmpuint (recorder.totals_notified, >=, 1);

  /* Customer name. */
  sales_deal_filter_set_search (b->filter, "ACME");
  assert_ids (b->lead, "1 4");
  assert_totals (b->lead, 2, 100102, 10010);

  /* Chinese, in a customer name and in a title. */
  sales_deal_filter_set_search (b->filter, "华为");
  assert_ids (b->lead, "2");
  assert_ids (b->contact, "5");
  assert_totals (b->contact, 1, 500000, 100000);
  sales_deal_filter_set_search (b->filter, "云服务");
  assert_ids (b->lead, "2");
  assert_ids (b->contact, "");
  assert_totals (b->contact, 0, 0, 0);

  /* % is a character, not a wildcard: "1000 seats" does not match. */
  sales_deal_filter_set_search (b->filter, "100%");
  assert_ids (b->lead, "3");

  /* Blanks are no search. */
  sales_deal_filter_set_search (b->filter, "   ");
  g_assert_null (sales_deal_filter_get_search (b->filter));
  g_assert_true (sales_deal_filter_is_empty (b->filter));
  assert_ids (b->lead, "1 2 3 4");
  assert_totals (b->lead, 4, 383485, 38349);

  sales_deal_filter_set_owner_id (b->filter, 1);
  assert_ids (b->lead, "1 3");
  assert_totals (b->lead, 2, 133333, 13333);
  assert_ids (b->contact, "5");
  sales_deal_filter_set_owner_id (b->filter, 2);
  assert_ids (b->lead, "2");
  assert_ids (b->contact, "");
  sales_deal_filter_set_owner_id (b->filter, 0);

  /* Local November 2023. */
  sales_deal_filter_set_close_range (b->filter, SALES_CLOSE_RANGE_THIS_MONTH);
  assert_ids (b->lead, "1 2");
  assert_totals (b->lead, 2, 350050, 35005);
  assert_ids (b->contact, "");

  sales_deal_filter_set_close_range (b->filter, SALES_CLOSE_RANGE_THIS_QUARTER);
  assert_ids (b->lead, "1 2 3");
  assert_totals (b->lead, 3, 383383, 38338);
  assert_ids (b->contact, "5");

  /* Before the local 15th: the 14th is overdue in Shanghai. */
  sales_deal_filter_set_close_range (b->filter, SALES_CLOSE_RANGE_OVERDUE);
  assert_ids (b->lead, "2");
  assert_ids (b->contact, "5");

  sales_deal_filter_set_owner_id (b->filter, 1);
  sales_deal_filter_set_close_range (b->filter, SALES_CLOSE_RANGE_THIS_QUARTER);
  assert_ids (b->lead, "1 3");
  assert_totals (b->lead, 2, 133333, 13333);

  /* 2023-11-30 16:30 UTC is already 1 December in Shanghai. A filter is
   * judged when it is applied. */
  b->f.now = 1701361800;
  sales_deal_filter_set_owner_id (b->filter, 0);
  sales_deal_filter_set_close_range (b->filter, SALES_CLOSE_RANGE_THIS_MONTH);
  assert_ids (b->lead, "3");
  sales_deal_filter_set_close_range (b->filter, SALES_CLOSE_RANGE_OVERDUE);
  assert_ids (b->lead, "1 2");

  sales_deal_filter_set_close_range (b->filter, SALES_CLOSE_RANGE_ANY);
  assert_ids (b->lead, "1 2 3 4");

  /* One stage alone: its column keeps all of its deals and their totals, the others none. */
  sales_deal_filter_set_stage_id (b->filter, 2);
  g_assert_false (sales_deal_filter_is_empty (b->filter));
  assert_ids (b->lead, "");
  assert_totals (b->lead, 0, 0, 0);
  assert_ids (b->contact, "5");
  assert_totals (b->contact, 1, 500000, 100000);
  sales_deal_filter_set_stage_id (b->filter, 1);
  assert_ids (b->lead, "1 2 3 4");
  assert_totals (b->lead, 4, 383485, 38349);
  assert_ids (b->contact, "");
  sales_deal_filter_set_owner_id (b->filter, 1);
  assert_ids (b->lead, "1 3");
  assert_totals (b->lead, 2, 133333, 13333);
  sales_deal_filter_set_owner_id (b->filter, 0);
  sales_deal_filter_set_stage_id (b->filter, 0);
  g_assert_true (sales_deal_filter_is_empty (b->filter));
  assert_ids (b->contact, "5");

  /* A list without a filter shows everything; a filter can come later. */
  sales_deal_list_set_filter (b->contact, NULL);
  sales_deal_filter_set_owner_id (b->filter, 2);
  assert_ids (b->contact, "5");
  assert_ids (b->lead, "2");

  recorder_stop (&recorder, b->lead);
}

static void
test_move_signals (Board         *b,
                   gconstpointer  data)
{
  Fixture *f = &b->f;
  g_autoptr(GError) error = NULL;
  Recorder lead, contact;

  assert_totals (b->lead, 4, 383485, 38349);
  assert_totals (b->contact, 1, 500000, 100000);
  recorder_start (&lead, b->lead);
  recorder_start (&contact, b->contact);

  /* Deal 2, second in Lead, to the top of Initial contact. */
  move (f, 2, 2, 0);
  g_assert_cmpuint (lead.changes->len, ==, 1);
  assert_change (&lead, 0, 1, 1, 0);
  g_assert_cmpuint (contact.changes->len, ==, 1);
  assert_change (&contact, 0, 0, 0, 1);
  assert_ids (b->lead, "1 3 4");
  assert_ids (b->contact, "2 5");
  /* 133435 at 10 % is 13343.5: half up. */
  assert_totals (b->lead, 3, 133435, 13344);
  assert_totals (b->contact, 2, 750050, 150010);
  g_assert_cmpuint (lead.totals_notified, ==, 1);
  g_assert_cmpuint (contact.totals_notified, ==, 1);

  /* Within a column: deal 4 from the bottom to the top. */
  g_array_set_size (lead.changes, 0);
  move (f, 4, 1, 0);
  g_assert_cmpuint (lead.changes->len, ==, 2);
  assert_change (&lead, 0, 2, 1, 0);
  assert_change (&lead, 1, 0, 0, 1);
  assert_ids (b->lead, "4 1 3");
  assert_totals (b->lead, 3, 133435, 13344);
  g_assert_cmpuint (lead.totals_notified, ==, 1);

  /* Between two cards. */
  g_array_set_size (lead.changes, 0);
  move (f, 3, 1, 1);
  assert_ids (b->lead, "4 3 1");
  g_assert_cmpuint (lead.changes->len, ==, 2);
  assert_change (&lead, 0, 2, 1, 0);
  assert_change (&lead, 1, 1, 0, 1);

  /* Undo puts deal 3 back below deal 1; redo moves it up again. */
  g_array_set_size (lead.changes, 0);
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_ids (b->lead, "4 1 3");
  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  assert_ids (b->lead, "4 3 1");
  g_assert_cmpuint (lead.changes->len, ==, 4);

  /* Back to Lead at the bottom; contact loses its first card. */
  g_array_set_size (lead.changes, 0);
  g_array_set_size (contact.changes, 0);
  move (f, 2, 1, -1);
  assert_change (&contact, 0, 0, 1, 0);
  assert_change (&lead, 0, 3, 0, 1);
  assert_ids (b->lead, "4 3 1 2");
  assert_totals (b->lead, 4, 383485, 38349);
  assert_totals (b->contact, 1, 500000, 100000);

  /* A filtered column hears only about its own deals. */
  sales_deal_filter_set_owner_id (b->filter, 1);
  assert_ids (b->lead, "3 1");
  assert_ids (b->contact, "5");
  g_array_set_size (lead.changes, 0);
  g_array_set_size (contact.changes, 0);
  move (f, 2, 2, 0);
  g_assert_cmpuint (lead.changes->len, ==, 0);
  g_assert_cmpuint (contact.changes->len, ==, 0);
  assert_totals (b->contact, 1, 500000, 100000);
  move (f, 1, 2, 0);
  assert_change (&lead, 0, 1, 1, 0);
  assert_change (&contact, 0, 0, 0, 1);
  assert_ids (b->contact, "1 5");
  assert_totals (b->contact, 2, 600000, 120000);

  /* An edit that changes the amount changes the totals, not the items. */
  {
    g_autoptr(SalesDeal) deal = sales_store_get_deal (f->store, 5, NULL);
    g_autoptr(SalesDeal) edit = sales_deal_dup (deal);

    g_array_set_size (contact.changes, 0);
    sales_deal_set_amount_cents (edit, 400001);
    g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (contact.changes->len, ==, 0);
    /* 500001 at 20 % is 100000.2. */
    assert_totals (b->contact, 2, 500001, 100000);

    /* Giving it to rep 2 takes it out of "rep 1's deals". */
    sales_deal_set_owner_id (edit, 2);
    g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
    assert_change (&contact, 0, 1, 1, 0);
    assert_totals (b->contact, 1, 100000, 20000);
  }

  /* Deleting a customer takes its deals out of every column. */
  sales_deal_filter_set_owner_id (b->filter, 0);
  assert_ids (b->contact, "1 2 5");
  {
    g_autoptr(SalesCustomer) huawei = sales_store_get_customer (f->store, 2, NULL);

    g_assert_true (sales_store_delete (f->store, SALES_RECORD (huawei), &error));
    g_assert_no_error (error);
    assert_ids (b->contact, "1");
    assert_totals (b->contact, 1, 100000, 20000);
    g_assert_true (sales_store_undo (f->store, &error));
    assert_ids (b->contact, "1 2 5");
    assert_totals (b->contact, 3, 750051, 150010);
  }

  recorder_stop (&lead, b->lead);
  recorder_stop (&contact, b->contact);
}

/* Won and lost columns list the latest closed deals first, up to a limit,
 * and count them all. */
static void
test_closed_columns (Board         *b,
                     gconstpointer  data)
{
  Fixture *f = &b->f;
  g_autoptr(SalesStage) won = sales_store_get_stage (f->store, 6, NULL);
  g_autoptr(SalesDealList) list = sales_deal_list_new (f->store, won, NULL);
  g_autoptr(GError) error = NULL;
  Recorder recorder;

  g_assert_cmpuint (sales_deal_list_get_limit (list), ==, 50);
  sales_deal_list_set_limit (list, 2);
  recorder_start (&recorder, list);

  for (gint64 id = 1; id <= 3; id++)
    {
      g_autoptr(SalesDeal) deal = sales_store_get_deal (f->store, id, NULL);

      f->now = TEST_T0 + id * 60;
      g_assert_true (sales_store_mark_won (f->store, deal, -1, &error));
      g_assert_no_error (error);
    }

  assert_ids (list, "3 2");
  assert_totals (list, 3, 383383, 383383);
  assert_ids (b->lead, "4");
  assert_totals (b->lead, 1, 102, 10);

  /* Deal 1 is out of the window, yet its reopening counts. */
  move (f, 1, 1, 0);
  assert_ids (list, "3 2");
  assert_totals (list, 2, 283383, 283383);
  assert_ids (b->lead, "1 4");

  /* The latest win goes on top and pushes the oldest out of the window. */
  g_array_set_size (recorder.changes, 0);
  f->now = TEST_T0 + 600;
  move (f, 5, 6, 0);
  assert_ids (list, "5 3");
  assert_totals (list, 3, 783383, 783383);
  g_assert_cmpuint (recorder.changes->len, ==, 2);
  assert_change (&recorder, 0, 0, 0, 1);
  assert_change (&recorder, 1, 2, 1, 0);

  sales_deal_list_set_limit (list, 0);
  assert_ids (list, "5 3 2");

  recorder_stop (&recorder, list);
}

/* Only the rows asked for are loaded. */
static void
test_lazy (Board         *b,
           gconstpointer  data)
{
  SalesDeal *deal;
  SalesDeal *again;

  deal = g_list_model_get_item (G_LIST_MODEL (b->lead), 2);
  g_object_add_weak_pointer (G_OBJECT (deal), (gpointer *)&deal);
  again = g_list_model_get_item (G_LIST_MODEL (b->lead), 2);
  g_assert_true (again == deal);
  g_object_unref (again);
  g_object_unref (deal);
  /* Nothing else holds it: the list keeps ids, not objects. */
  g_assert_null (deal);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/deal-list/columns", Board, NULL, board_set_up, test_columns, board_tear_down);
  g_test_add ("/deal-list/filters", Board, NULL, board_set_up, test_filters, board_tear_down);
  g_test_add ("/deal-list/move-signals", Board, NULL, board_set_up, test_move_signals,
              board_tear_down);
  g_test_add ("/deal-list/closed-columns", Board, NULL, board_set_up, test_closed_columns,
              board_tear_down);
  g_test_add ("/deal-list/lazy", Board, NULL, board_set_up, test_lazy, board_tear_down);

  return g_test_run ();
}
