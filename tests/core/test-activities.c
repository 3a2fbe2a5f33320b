/* test-activities.c: logging follow-ups, the customer's timeline and contracts
 *
 * The fixture: rep 1 Zhang Wei; customers 1 华为 (owner 1) and 2 Globex;
 * deals 1 ERP (华为, Lead) and 2 Cloud (Globex, Lead), both created at TEST_T0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-contract-summary.h"
#include "sales-timeline.h"
#include "test-util.h"

#define HOUR 3600
#define DAY  86400

typedef struct
{
  Fixture        f;
  SalesCustomer *huawei;
  SalesDeal     *erp;
  SignalLog      log;
  guint          commits;
} Followups;

static int
count_commit (void *data)
{
  (*(guint *)data)++;
  return 0;
}

static void
followups_set_up (Followups     *t,
                  gconstpointer  data)
{
  g_autoptr(SalesRep) zhang = NULL;
  g_autoptr(SalesCustomer) globex = NULL;
  g_autoptr(SalesDeal) cloud = NULL;

  fixture_set_up (&t->f, data);
  zhang = test_add_rep (&t->f, "Zhang Wei");
  t->huawei = test_add_customer (&t->f, "华为", 1);
  globex = test_add_customer (&t->f, "Globex", 0);
  t->erp = test_add_deal (&t->f, 1, 1, "ERP", 100000);
  cloud = test_add_deal (&t->f, 2, 1, "Cloud", 5000);

  sqlite3_commit_hook (sales_db_get_handle (t->f.db), count_commit, &t->commits);
  signal_log_start (&t->log, t->f.store);
}

static void
followups_tear_down (Followups     *t,
                     gconstpointer  data)
{
  signal_log_stop (&t->log, t->f.store);
  sqlite3_commit_hook (sales_db_get_handle (t->f.db), NULL, NULL);
  g_clear_object (&t->erp);
  g_clear_object (&t->huawei);
  fixture_tear_down (&t->f, data);
}

static SalesActivity *
done_draft (gint64            customer_id,
            gint64            deal_id,
            SalesActivityKind kind,
            const char       *note,
            gint64            done_at)
{
  SalesActivity *draft = sales_activity_new ();

  sales_activity_set_customer_id (draft, customer_id);
  sales_activity_set_deal_id (draft, deal_id);
  sales_activity_set_owner_id (draft, 1);
  sales_activity_set_kind (draft, kind);
  sales_activity_set_note (draft, note);
  sales_activity_set_done_at (draft, done_at);
  return draft;
}

static SalesActivity *
next_draft (SalesActivityKind kind,
            gint64            due_at)
{
  SalesActivity *draft = sales_activity_new ();

  sales_activity_set_kind (draft, kind);
  sales_activity_set_due_at (draft, due_at);
  return draft;
}

static void
test_log_with_next (Followups     *t,
                    gconstpointer  data)
{
  g_autoptr(SalesActivity) done = done_draft (1, 1, SALES_ACTIVITY_KIND_CALL, "Asked for a quote",
                                              TEST_T0 - HOUR);
  g_autoptr(SalesActivity) next = next_draft (SALES_ACTIVITY_KIND_VISIT, TEST_T0 + 2 * DAY);
  g_autoptr(SalesDeal) erp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  gint64 done_id = -1, next_id = -1;

  g_assert_true (sales_store_log_followup (t->f.store, done, next, &done_id, &next_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (done_id, ==, 1);
  g_assert_cmpint (next_id, ==, 2);

  /* Both rows, the planned one with the customer, deal and owner of the done one. */
  rows = test_query_text (t->f.db,
                          "SELECT group_concat (id || ':' || customer_id || ':' || "
                          "  coalesce (deal_id, '-') || ':' || coalesce (owner_id, '-') || ':' || "
                          "  kind || ':' || coalesce (note, '-') || ':' || "
                          "  coalesce (due_at, '-') || ':' || coalesce (done_at, '-'), ' ') "
                          "FROM (SELECT * FROM activity ORDER BY id)");
  g_assert_cmpstr (rows, ==,
                   "1:1:1:1:call:Asked for a quote:-:1699996400 "
                   "2:1:1:1:visit:-:1700172800:-");

  /* One commit for both, then one signal for each. */
  g_assert_cmpuint (t->commits, ==, 1);
  g_assert_cmpuint (t->log.events->len, ==, 2);
  signal_log_assert (&t->log, 0, SALES_RECORD_ACTIVITY, 1, SALES_CHANGE_INSERTED);
  signal_log_assert (&t->log, 1, SALES_RECORD_ACTIVITY, 2, SALES_CHANGE_INSERTED);

  /* The planned one is what the deal's card shows: due in two days. */
  erp = sales_store_get_deal (t->f.store, 1, &error);
  g_assert_cmpint (sales_store_get_deal_followup (t->f.store, erp), ==, SALES_FOLLOWUP_PLANNED);
  g_assert_cmpstr (sales_store_get_undo_label (t->f.store), ==,
                   "Logged a follow-up with “华为”");
}

static void
test_log_without_next (Followups     *t,
                       gconstpointer  data)
{
  g_autoptr(SalesActivity) done = done_draft (2, 0, SALES_ACTIVITY_KIND_SERVICE, NULL,
                                              TEST_T0 - DAY);
  g_autoptr(GError) error = NULL;
  gint64 next_id = -1;

  sales_activity_set_satisfaction (done, 4);
  g_assert_true (sales_store_log_followup (t->f.store, done, NULL, NULL, &next_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next_id, ==, 0);
  g_assert_cmpint (test_query_int (t->f.db, "SELECT count(*) FROM activity"), ==, 1);
  g_assert_cmpint (test_query_int (t->f.db, "SELECT satisfaction FROM activity WHERE id = 1 "
                                            "AND deal_id IS NULL AND done_at = 1699913600"),
                   ==, 4);
}

static void
test_undo_removes_both (Followups     *t,
                        gconstpointer  data)
{
  g_autoptr(SalesActivity) done = done_draft (1, 1, SALES_ACTIVITY_KIND_MEETING, "Demo",
                                              TEST_T0 - HOUR);
  g_autoptr(SalesActivity) next = next_draft (SALES_ACTIVITY_KIND_CALL, TEST_T0 - HOUR);
  g_autoptr(SalesActivity) held = NULL;
  g_autoptr(SalesDeal) erp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;

  g_assert_true (sales_store_log_followup (t->f.store, done, next, NULL, NULL, &error));
  g_assert_no_error (error);
  held = sales_store_get_activity (t->f.store, 2, &error);
  g_assert_nonnull (held);
  erp = sales_store_get_deal (t->f.store, 1, &error);
  /* Due an hour ago, the same local day in Shanghai (TEST_T0 is 06:13 there). */
  g_assert_cmpint (sales_store_get_deal_followup (t->f.store, erp), ==,
                   SALES_FOLLOWUP_DUE_TODAY);

  signal_log_clear (&t->log);
  t->commits = 0;
  g_assert_true (sales_store_undo (t->f.store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (test_query_int (t->f.db, "SELECT count(*) FROM activity"), ==, 0);
  g_assert_cmpuint (t->commits, ==, 1);
  g_assert_true (signal_log_contains (&t->log, SALES_RECORD_ACTIVITY, 1, SALES_CHANGE_DELETED));
  g_assert_true (signal_log_contains (&t->log, SALES_RECORD_ACTIVITY, 2, SALES_CHANGE_DELETED));
  g_assert_cmpint (sales_store_get_deal_followup (t->f.store, erp), ==, SALES_FOLLOWUP_NONE);

  /* Redo brings both back, with their ids. */
  g_assert_true (sales_store_redo (t->f.store, &error));
  g_assert_no_error (error);
  ids = test_query_text (t->f.db,
                         "SELECT group_concat (id) FROM (SELECT id FROM activity ORDER BY id)");
  g_assert_cmpstr (ids, ==, "1,2");
  g_assert_cmpint (test_query_int (t->f.db, "SELECT count(*) FROM activity WHERE id = 1 "
                                            "AND note = 'Demo' AND kind = 'meeting'"), ==, 1);
}

static void
assert_refused (Followups     *t,
                SalesActivity *done,
                SalesActivity *next)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_all (t->f.db);
  g_autofree char *after = NULL;
  gint64 done_id = -1;

  signal_log_clear (&t->log);
  t->commits = 0;

  g_assert_false (sales_store_log_followup (t->f.store, done, next, &done_id, NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpint (done_id, ==, -1);

  after = test_dump_all (t->f.db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (t->commits, ==, 0);
  g_assert_cmpuint (t->log.events->len, ==, 0);
  g_assert_false (sales_db_in_transaction (t->f.db));
}

static void
test_validation_writes_nothing (Followups     *t,
                                gconstpointer  data)
{
  g_autoptr(SalesActivity) no_time = done_draft (1, 1, SALES_ACTIVITY_KIND_CALL, NULL, 0);
  g_autoptr(SalesActivity) good = done_draft (1, 1, SALES_ACTIVITY_KIND_CALL, NULL, TEST_T0);
  g_autoptr(SalesActivity) no_customer = done_draft (0, 0, SALES_ACTIVITY_KIND_CALL, NULL,
                                                     TEST_T0);
  g_autoptr(SalesActivity) too_happy = done_draft (1, 0, SALES_ACTIVITY_KIND_SERVICE, NULL,
                                                   TEST_T0);
  /* Deal 2 is Globex's, not 华为's: only the database can tell. */
  g_autoptr(SalesActivity) wrong_deal = done_draft (1, 2, SALES_ACTIVITY_KIND_CALL, NULL,
                                                    TEST_T0);
  g_autoptr(SalesActivity) next_undated = next_draft (SALES_ACTIVITY_KIND_CALL, 0);
  g_autoptr(SalesActivity) next_done = next_draft (SALES_ACTIVITY_KIND_CALL, TEST_T0 + DAY);
  g_autoptr(SalesActivity) next_elsewhere = next_draft (SALES_ACTIVITY_KIND_CALL, TEST_T0 + DAY);
  g_autoptr(SalesActivity) next_wrong_deal = next_draft (SALES_ACTIVITY_KIND_CALL, TEST_T0 + DAY);

  sales_activity_set_satisfaction (too_happy, 6);
  sales_activity_set_done_at (next_done, TEST_T0);
  sales_activity_set_customer_id (next_elsewhere, 2);
  sales_activity_set_deal_id (next_wrong_deal, 2);

  assert_refused (t, no_time, NULL);
  assert_refused (t, no_customer, NULL);
  assert_refused (t, too_happy, NULL);
  assert_refused (t, wrong_deal, NULL);
  assert_refused (t, good, next_undated);
  assert_refused (t, good, next_done);
  assert_refused (t, good, next_elsewhere);
  /* The done row is written first and rolled back with the planned one. */
  assert_refused (t, good, next_wrong_deal);
}

/* The timeline */

static void
assert_titles (GListModel *model,
               const char *expected)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SalesTimelineItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? " | " : "",
                              sales_timeline_item_get_title (item));
    }

  g_assert_cmpstr (titles->str, ==, expected);
}

static void
test_timeline (Followups     *t,
               gconstpointer  data)
{
  g_autoptr(SalesActivity) call = done_draft (1, 1, SALES_ACTIVITY_KIND_CALL, "Quote",
                                              TEST_T0 + 2 * HOUR);
  g_autoptr(SalesActivity) next = next_draft (SALES_ACTIVITY_KIND_VISIT, TEST_T0 + 3 * DAY);
  g_autoptr(SalesActivity) service = done_draft (1, 0, SALES_ACTIVITY_KIND_SERVICE, NULL,
                                                 TEST_T0 + 4 * HOUR);
  g_autoptr(SalesActivity) other = done_draft (2, 2, SALES_ACTIVITY_KIND_CALL, NULL,
                                               TEST_T0 + 5 * HOUR);
  g_autoptr(SalesTimeline) timeline = NULL;
  g_autoptr(SalesTimelineItem) first = NULL;
  g_autoptr(GError) error = NULL;

  sales_activity_set_satisfaction (service, 5);
  g_assert_true (sales_store_log_followup (t->f.store, call, next, NULL, NULL, &error));
  g_assert_true (sales_store_log_followup (t->f.store, service, NULL, NULL, NULL, &error));
  g_assert_true (sales_store_log_followup (t->f.store, other, NULL, NULL, NULL, &error));
  t->f.now = TEST_T0 + HOUR;
  g_assert_true (sales_store_move_deal (t->f.store, t->erp, 2, 0, &error));
  g_assert_no_error (error);
  test_exec (t->f.db,
             "INSERT INTO customer_event (customer_id, kind, from_owner_id, to_owner_id, note, at) "
             "VALUES (1, 'claimed', NULL, 1, NULL, 1700000000 + 30 * 60), "
             "       (2, 'returned', 1, NULL, NULL, 1700000000 + 40 * 60)");

  /* Newest first: the planned visit in three days, the service at +4 h, the call at +2 h,
   * the move at +1 h, the claim at +30 min, the deal's creation at T0. Globex's rows stay
   * out. */
  timeline = sales_timeline_new (t->f.store, 1, 4);
  assert_titles (G_LIST_MODEL (timeline),
                 "Planned: Visit about “ERP” | Service visit, satisfaction 5/5 | "
                 "Call about “ERP” | Deal “ERP” moved from Lead to Initial contact");
  g_assert_true (sales_timeline_get_has_more (timeline));

  first = g_list_model_get_item (G_LIST_MODEL (timeline), 0);
  g_assert_cmpint (sales_timeline_item_get_kind (first), ==, SALES_TIMELINE_FOLLOWUP_PLANNED);
  g_assert_cmpint (sales_timeline_item_get_at (first), ==, TEST_T0 + 3 * DAY);
  g_assert_cmpint (sales_timeline_item_get_activity_kind (first), ==, SALES_ACTIVITY_KIND_VISIT);

  sales_timeline_load_more (timeline);
  assert_titles (G_LIST_MODEL (timeline),
                 "Planned: Visit about “ERP” | Service visit, satisfaction 5/5 | "
                 "Call about “ERP” | Deal “ERP” moved from Lead to Initial contact | "
                 "Claimed from the public pool by Zhang Wei | Deal “ERP” created in Lead");
  g_assert_false (sales_timeline_get_has_more (timeline));

  /* A new follow-up reaches the timeline before the next frame. */
  {
    g_autoptr(SalesActivity) note = done_draft (1, 0, SALES_ACTIVITY_KIND_NOTE, "Prefers WeChat",
                                                TEST_T0 + 10 * DAY);

    g_assert_true (sales_store_log_followup (t->f.store, note, NULL, NULL, NULL, &error));
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 7);
    g_clear_object (&first);
    first = g_list_model_get_item (G_LIST_MODEL (timeline), 0);
    g_assert_cmpstr (sales_timeline_item_get_title (first), ==, "Note");
    g_assert_cmpstr (sales_timeline_item_get_detail (first), ==, "Prefers WeChat");
  }
}

static void
test_contracts (Followups     *t,
                gconstpointer  data)
{
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(SalesContractSummary) latest = NULL;
  g_autoptr(SalesContractSummary) older = NULL;
  g_autoptr(GError) error = NULL;

  test_exec (t->f.db,
             "INSERT INTO contract (customer_id, deal_id, number, amount_cents, signed_on) "
             "VALUES (1, 1, 'HT-2023-000001', 1000000, '2023-11-15'), "
             "       (1, NULL, 'HT-2024-000002', 300000, '2024-02-01'), "
             "       (2, 2, 'HT-2023-000003', 5000, '2023-12-01');"
             "INSERT INTO payment (contract_id, received_on, amount_cents) "
             "VALUES (1, '2023-12-03', 400000), (1, '2024-01-03', 250000), "
             "       (3, '2023-12-05', 5000)");

  contracts = sales_contract_summary_list_for_customer (t->f.store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contracts), ==, 2);

  latest = g_list_model_get_item (contracts, 0);
  g_assert_cmpstr (sales_contract_summary_get_number (latest), ==, "HT-2024-000002");
  g_assert_cmpint (sales_contract_summary_get_paid_cents (latest), ==, 0);
  g_assert_cmpint (sales_contract_summary_get_amount_cents (latest), ==, 300000);

  older = g_list_model_get_item (contracts, 1);
  g_assert_cmpstr (sales_contract_summary_get_signed_on (older), ==, "2023-11-15");
  g_assert_cmpint (sales_contract_summary_get_paid_cents (older), ==, 650000);
  g_assert_cmpint (sales_contract_summary_get_amount_cents (older), ==, 1000000);
}

static void
test_contacts_of_customer (Followups     *t,
                           gconstpointer  data)
{
  g_autoptr(SalesContact) li = test_add_contact (&t->f, 1, "Li Lei", FALSE);
  g_autoptr(SalesContact) han = test_add_contact (&t->f, 2, "Han Meimei", TRUE);
  g_autoptr(SalesRecordList) contacts = NULL;
  g_autoptr(SalesContact) wang = NULL;
  g_autoptr(SalesContact) first = NULL;

  contacts = sales_record_list_new_filtered (t->f.store, SALES_RECORD_CONTACT, "customer_id", 1,
                                             "is_primary DESC, name, id");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contacts)), ==, 1);

  /* A new primary contact goes first; Globex's never shows. */
  wang = test_add_contact (&t->f, 1, "Wang Tao", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contacts)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (contacts), 0);
  g_assert_true (first == wang);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Followups, NULL, followups_set_up, func, followups_tear_down)

  ADD ("/activities/log-with-next", test_log_with_next);
  ADD ("/activities/log-without-next", test_log_without_next);
  ADD ("/activities/undo-removes-both", test_undo_removes_both);
  ADD ("/activities/validation-writes-nothing", test_validation_writes_nothing);
  ADD ("/activities/timeline", test_timeline);
  ADD ("/activities/contracts", test_contracts);
  ADD ("/activities/contacts-of-customer", test_contacts_of_customer);

#undef ADD

  return g_test_run ();
}
