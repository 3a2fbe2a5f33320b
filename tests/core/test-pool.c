/* test-pool.c: the public pool's rules on fixed dates, claims and lead assignment
 *
 * The tests run in Asia/Shanghai (tests/meson.build sets TZ); dates below
 * are local. The rules are the defaults: back to the pool after 30 days
 * without a follow-up by the owner or 90 days without a won deal, warned 3
 * days before.
 *
 * The company, as of 31 March 2024 10:00 ("today"):
 *   reps 1 Zhang Wei, 2 Li Na, 3 Wang Fang
 *   customer                 owner  created      follow-ups by the owner / wins     days
 *    1 Followed                 1   2024-01-15   follow-up 2024-03-20                  11
 *    2 Neglected                1   2024-01-15   follow-up 2024-03-01 23:30            30 -> returns
 *    3 Almost                   1   2024-01-15   follow-up 2024-03-02 00:10            29 -> warned
 *    4 Warned at the edge       2   2024-01-15   follow-up 2024-03-04                  27 -> warned
 *    5 Not yet                  2   2024-01-15   follow-up 2024-03-05                  26
 *    6 Followed by another      2   2024-01-15   only rep 1 followed up (03-25)        76 since
 *                                                created -> returns
 *    7 In the pool              -   2024-01-15   -
 *    8 Old win                  1   2023-12-01   follow-up 03-30; won 2023-12-20      102 -> returns
 *    9 Win nearly too old       1   2023-12-01   follow-up 03-30; won 2024-01-04       87 -> warned
 *   10 Claimed lately           2   2023-06-01   claimed by rep 2 on 2024-03-25         6
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-pool.h"
#include "test-util.h"

#define WON_STAGE 6

static gint64
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
add_customer_at (Fixture    *f,
                 gint64      at,
                 const char *name,
                 gint64      owner_id)
{
  g_autoptr(SalesCustomer) customer = NULL;

  f->now = at;
  customer = test_add_customer (f, name, owner_id);
}

static void
follow_up (Fixture *f,
           gint64   customer_id,
           gint64   owner_id,
           gint64   done_at)
{
  g_autoptr(SalesActivity) draft = sales_activity_new ();
  g_autoptr(SalesActivity) activity = NULL;
  g_autoptr(GError) error = NULL;

  f->now = done_at;
  sales_activity_set_customer_id (draft, customer_id);
  sales_activity_set_owner_id (draft, owner_id);
  sales_activity_set_done_at (draft, done_at);
  activity = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
}

static void
win (Fixture *f,
     gint64   customer_id,
     gint64   owner_id,
     gint64   closed_at)
{
  g_autoptr(SalesDeal) draft = sales_deal_new ();
  g_autoptr(SalesDeal) deal = NULL;
  g_autoptr(GError) error = NULL;

  f->now = closed_at;
  sales_deal_set_customer_id (draft, customer_id);
  sales_deal_set_owner_id (draft, owner_id);
  sales_deal_set_stage_id (draft, WON_STAGE);
  sales_deal_set_title (draft, "Order");
  sales_deal_set_amount_cents (draft, 100000);
  deal = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
}

static void
company_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SalesRep) zhang = NULL, li = NULL, wang = NULL;
  g_autoptr(SalesCustomer) claimed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 jan15 = local (2024, 1, 15, 9, 0);
  gint64 dec1 = local (2023, 12, 1, 9, 0);

  fixture_set_up (f, data);

  zhang = test_add_rep (f, "Zhang Wei");
  li = test_add_rep (f, "Li Na");
  wang = test_add_rep (f, "Wang Fang");

  add_customer_at (f, jan15, "Followed", 1);
  add_customer_at (f, jan15, "Neglected", 1);
  add_customer_at (f, jan15, "Almost", 1);
  add_customer_at (f, jan15, "Warned at the edge", 2);
  add_customer_at (f, jan15, "Not yet", 2);
  add_customer_at (f, jan15, "Followed by another", 2);
  add_customer_at (f, jan15, "In the pool", 0);
  add_customer_at (f, dec1, "Old win", 1);
  add_customer_at (f, dec1, "Win nearly too old", 1);
  add_customer_at (f, local (2023, 6, 1, 9, 0), "Claimed lately", 0);

  follow_up (f, 1, 1, local (2024, 3, 20, 15, 0));
  follow_up (f, 2, 1, local (2024, 3, 1, 23, 30));
  follow_up (f, 3, 1, local (2024, 3, 2, 0, 10));
  follow_up (f, 4, 2, local (2024, 3, 4, 11, 0));
  follow_up (f, 5, 2, local (2024, 3, 5, 11, 0));
  follow_up (f, 6, 1, local (2024, 3, 25, 11, 0));
  follow_up (f, 8, 1, local (2024, 3, 30, 11, 0));
  follow_up (f, 9, 1, local (2024, 3, 30, 11, 0));
  win (f, 8, 1, local (2023, 12, 20, 16, 0));
  win (f, 9, 1, local (2024, 1, 4, 16, 0));

  f->now = local (2024, 3, 25, 9, 0);
  claimed = sales_store_get_customer (f->store, 10, &error);
  g_assert_true (sales_store_claim_customer (f->store, claimed, 2, &error));
  g_assert_no_error (error);

  f->now = local (2024, 3, 31, 10, 0);
}

static char *
owners (Fixture *f)
{
  return test_query_text (f->db,
                          "SELECT group_concat (id || ':' || coalesce (owner_id, '-'), ' ') "
                          "FROM (SELECT * FROM customer ORDER BY id)");
}

static char *
events (Fixture    *f,
        const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (group_concat (customer_id || ':' || "
                                          "  coalesce (from_owner_id, '-') || '>' || "
                                          "  coalesce (to_owner_id, '-') || ' ' || "
                                          "  coalesce (note, ''), ' | '), '') "
                                          "FROM (SELECT * FROM customer_event WHERE kind = '%s' "
                                          "      ORDER BY id)",
                                          kind);

  return test_query_text (f->db, sql);
}

/* The key figures' sums of payments and overdue amounts by day, of each owner. */
static char *
money (Fixture *f)
{
  return test_query_text (f->db,
                          "SELECT 'payments ' || (SELECT group_concat (owner_id || ':' || amount, "
                          "  ' ') FROM (SELECT * FROM kpi_payment_sum WHERE lv = 0 "
                          "             ORDER BY bucket, owner_id)) || "
                          "  ', overdue ' || (SELECT group_concat (owner_id || ':' || delta, ' ') "
                          "  FROM (SELECT * FROM kpi_overdue_sum WHERE lv = 0 "
                          "        ORDER BY bucket, owner_id))");
}

static void
apply (Fixture         *f,
       SalesPoolResult *result)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_store_apply_pool_rules (f->store, result, &error));
  g_assert_no_error (error);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SalesCustomer) neglected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owners_before = NULL;
  g_autofree char *owners_after = NULL;
  g_autofree char *returned = NULL;
  g_autofree char *warned = NULL;
  g_autofree char *again = NULL;
  g_autofree char *owners_next_day = NULL;
  g_autofree char *returned_next_day = NULL;
  g_autofree char *warned_next_day = NULL;
  g_autofree char *money_before = NULL;
  g_autofree char *money_after = NULL;
  SalesPoolResult result = { 99, 99 };
  SignalLog log = { 0 };

  /* Neglected's contract: 600 due on 1 March, 500 paid on 10 March; its money counts for
   * its owner in the key figures until it returns. */
  test_exec (f->db, "INSERT INTO contract (id, customer_id, number, amount_cents, signed_on) "
                    "VALUES (1, 2, 'HT-1', 60000, '2024-02-01');"
                    "INSERT INTO payment_plan (contract_id, due_on, amount_cents) "
                    "VALUES (1, '2024-03-01', 60000);"
                    "INSERT INTO payment (contract_id, received_on, amount_cents) "
                    "VALUES (1, '2024-03-10', 50000);");
  money_before = money (f);
  g_assert_cmpstr (money_before, ==, "payments 1:50000, overdue 1:60000 1:-50000");

  neglected = sales_store_get_customer (f->store, 2, &error);
  owners_before = owners (f);
  g_assert_cmpstr (owners_before, ==, "1:1 2:1 3:1 4:2 5:2 6:2 7:- 8:1 9:1 10:2");

  signal_log_start (&log, f->store);
  apply (f, &result);

  g_assert_cmpuint (result.returned, ==, 3);
  g_assert_cmpuint (result.warned, ==, 3);
  owners_after = owners (f);
  g_assert_cmpstr (owners_after, ==, "1:1 2:- 3:1 4:2 5:2 6:- 7:- 8:- 9:1 10:2");
  returned = events (f, "returned");
  g_assert_cmpstr (returned, ==,
                   "2:1>- No follow-up by the owner for 30 days | "
                   "6:2>- No follow-up by the owner for 30 days | "
                   "8:1>- No deal won by the owner for 90 days");
  warned = events (f, "warned");
  g_assert_cmpstr (warned, ==,
                   "3:1>- Returns to the public pool within 3 days unless followed up | "
                   "4:2>- Returns to the public pool within 3 days unless followed up | "
                   "9:1>- Returns to the public pool within 3 days unless followed up");
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM customer_event "
                                          "WHERE kind IN ('returned', 'warned') AND at <> "
                                          "  (SELECT max (at) FROM customer_event)"), ==, 0);
  /* The key figures count the money for the pool now (owner 0), and the list the sums were
   * moved by is empty. */
  money_after = money (f);
  g_assert_cmpstr (money_after, ==, "payments 0:50000 1:0, overdue 0:60000 1:0 0:-50000 1:0");
  g_assert_cmpint (test_query_int (f->db, "SELECT owner_id FROM kpi_payment"), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_owner_move"), ==, 0);

  /* The objects handed out follow, one ::changed per returned customer. */
  g_assert_cmpint (sales_customer_get_owner_id (neglected), ==, 0);
  g_assert_cmpuint (log.events->len, ==, 3);
  g_assert_true (signal_log_contains (&log, SALES_RECORD_CUSTOMER, 2, SALES_CHANGE_UPDATED));
  g_assert_true (signal_log_contains (&log, SALES_RECORD_CUSTOMER, 6, SALES_CHANGE_UPDATED));
  g_assert_true (signal_log_contains (&log, SALES_RECORD_CUSTOMER, 8, SALES_CHANGE_UPDATED));
  signal_log_stop (&log, f->store);

  /* Later the same day: nothing more, and a warning is given once. */
  f->now = local (2024, 3, 31, 18, 0);
  apply (f, &result);
  g_assert_cmpuint (result.returned, ==, 0);
  g_assert_cmpuint (result.warned, ==, 0);
  again = events (f, "warned");
  g_assert_cmpstr (again, ==, warned);

  /* The next morning 3 has gone 30 days and returns; 5 reaches 27 and is
   * warned; 4 and 9 were warned already. */
  f->now = local (2024, 4, 1, 8, 0);
  apply (f, &result);
  g_assert_cmpuint (result.returned, ==, 1);
  g_assert_cmpuint (result.warned, ==, 1);
  owners_next_day = owners (f);
  g_assert_cmpstr (owners_next_day, ==, "1:1 2:- 3:- 4:2 5:2 6:- 7:- 8:- 9:1 10:2");
  returned_next_day = events (f, "returned");
  g_assert_true (g_str_has_suffix (returned_next_day,
                                   " | 3:1>- No follow-up by the owner for 30 days"));
  warned_next_day = events (f, "warned");
  g_assert_true (g_str_has_suffix (warned_next_day, " | 5:2>- Returns to the public pool within "
                                                    "3 days unless followed up"));
}

typedef struct
{
  Fixture         *f;
  SignalLog       *log;
  SalesPoolResult  result;
  GError          *error;
  guint            changed_before_callback;
  gboolean         done;
} WorkerRun;

static void
on_applied (GObject      *object,
            GAsyncResult *async_result,
            gpointer      user_data)
{
  WorkerRun *run = user_data;

  run->changed_before_callback = run->log->events->len;
  sales_store_apply_pool_rules_finish (SALES_STORE (object), async_result, &run->result,
                                       &run->error);
  run->done = TRUE;
}

static void
apply_in_worker (Fixture      *f,
                 SignalLog    *log,
                 GCancellable *cancellable,
                 WorkerRun    *run)
{
  *run = (WorkerRun) { f, log, { 99, 99 }, NULL, 0, FALSE };
  sales_store_apply_pool_rules_async (f->store, cancellable, on_applied, run);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
}

/* The same day as /pool/rules, applied on a worker thread: the same customers return and are
 * warned, written by another connection, and the store's objects and signals follow before
 * the caller hears of it. */
static void
test_rules_in_worker (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SalesCustomer) neglected = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_cancel = NULL;
  g_autofree char *owners_after = NULL;
  g_autofree char *returned = NULL;
  g_autofree char *warned = NULL;
  SignalLog log = { 0 };
  WorkerRun run;
  int changes_here;

  neglected = sales_store_get_customer (f->store, 2, &error);
  g_assert_no_error (error);
  signal_log_start (&log, f->store);

  /* Cancelled before it starts: nothing written, nothing signalled. */
  before = test_dump_all (f->db);
  g_cancellable_cancel (cancellable);
  apply_in_worker (f, &log, cancellable, &run);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);
  after_cancel = test_dump_all (f->db);
  g_assert_cmpstr (after_cancel, ==, before);
  g_assert_cmpuint (log.events->len, ==, 0);

  changes_here = sqlite3_total_changes (sales_db_get_handle (f->db));
  apply_in_worker (f, &log, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_cmpint (sqlite3_total_changes (sales_db_get_handle (f->db)), ==, changes_here);

  g_assert_cmpuint (run.result.returned, ==, 3);
  g_assert_cmpuint (run.result.warned, ==, 3);
  owners_after = owners (f);
  g_assert_cmpstr (owners_after, ==, "1:1 2:- 3:1 4:2 5:2 6:- 7:- 8:- 9:1 10:2");
  returned = events (f, "returned");
  g_assert_cmpstr (returned, ==,
                   "2:1>- No follow-up by the owner for 30 days | "
                   "6:2>- No follow-up by the owner for 30 days | "
                   "8:1>- No deal won by the owner for 90 days");
  warned = events (f, "warned");
  g_assert_cmpstr (warned, ==,
                   "3:1>- Returns to the public pool within 3 days unless followed up | "
                   "4:2>- Returns to the public pool within 3 days unless followed up | "
                   "9:1>- Returns to the public pool within 3 days unless followed up");
  /* As of the store's clock, not the worker's. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM customer_event "
                                          "WHERE kind IN ('returned', 'warned')"), ==, 6);
  g_assert_cmpint (test_query_int (f->db, "SELECT min (at) = max (at) FROM customer_event "
                                          "WHERE kind IN ('returned', 'warned')"), ==, 1);
  g_assert_cmpint (test_query_int (f->db, "SELECT max (at) FROM customer_event"), ==,
                   local (2024, 3, 31, 10, 0));

  g_assert_cmpuint (run.changed_before_callback, ==, 3);
  g_assert_cmpint (sales_customer_get_owner_id (neglected), ==, 0);
  g_assert_true (signal_log_contains (&log, SALES_RECORD_CUSTOMER, 2, SALES_CHANGE_UPDATED));
  g_assert_true (signal_log_contains (&log, SALES_RECORD_CUSTOMER, 6, SALES_CHANGE_UPDATED));
  g_assert_true (signal_log_contains (&log, SALES_RECORD_CUSTOMER, 8, SALES_CHANGE_UPDATED));

  /* Again the same day: nothing to do, nothing signalled. */
  apply_in_worker (f, &log, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.result.returned, ==, 0);
  g_assert_cmpuint (run.result.warned, ==, 0);
  g_assert_cmpuint (log.events->len, ==, 3);
  signal_log_stop (&log, f->store);
}

/* A follow-up after a warning starts a new stretch: warned again when it
 * nears its end. Rules off return and warn nobody. */
static void
test_rules_parameters (Fixture       *f,
                       gconstpointer  data)
{
  SalesPoolRules rules;
  SalesPoolResult result;
  g_autofree char *owners_off = NULL;

  sales_store_get_pool_rules (f->store, &rules);
  g_assert_cmpuint (rules.followup_days, ==, 30);
  g_assert_cmpuint (rules.won_days, ==, 90);
  g_assert_cmpuint (rules.warn_days, ==, 3);
  g_assert_cmpuint (rules.max_per_rep, ==, 0);
  g_assert_cmpint (rules.assign, ==, SALES_ASSIGN_NONE);

  rules.followup_days = 0;
  rules.won_days = 0;
  sales_store_set_pool_rules (f->store, &rules);
  apply (f, &result);
  g_assert_cmpuint (result.returned, ==, 0);
  g_assert_cmpuint (result.warned, ==, 0);
  owners_off = owners (f);
  g_assert_cmpstr (owners_off, ==, "1:1 2:1 3:1 4:2 5:2 6:2 7:- 8:1 9:1 10:2");

  /* N = 10, no won-deal rule, no warning: every owner who has not followed
   * up for 10 days loses the customer (1 after 11 days, 5 after 26); only 8
   * and 9 (followed up yesterday) and 10 (claimed 6 days ago) stay. */
  rules.followup_days = 10;
  rules.warn_days = 0;
  sales_store_set_pool_rules (f->store, &rules);
  apply (f, &result);
  g_assert_cmpuint (result.returned, ==, 6);
  g_assert_cmpuint (result.warned, ==, 0);
  g_clear_pointer (&owners_off, g_free);
  owners_off = owners (f);
  g_assert_cmpstr (owners_off, ==, "1:- 2:- 3:- 4:- 5:- 6:- 7:- 8:1 9:1 10:2");
}

static void
test_warn_again_after_follow_up (Fixture       *f,
                                 gconstpointer  data)
{
  SalesPoolRules rules;
  SalesPoolResult result;
  g_autofree char *warned = NULL;

  apply (f, &result);
  g_assert_cmpuint (result.warned, ==, 3);

  /* Without the won-deal rule, which would take customer 4 by then. */
  sales_store_get_pool_rules (f->store, &rules);
  rules.won_days = 0;
  sales_store_set_pool_rules (f->store, &rules);

  /* Rep 2 follows up customer 4 on 1 April; 27 days later it is warned anew. */
  follow_up (f, 4, 2, local (2024, 4, 1, 9, 0));
  f->now = local (2024, 4, 28, 9, 0);
  apply (f, &result);
  warned = events (f, "warned");
  g_assert_true (g_str_has_suffix (warned, " | 4:2>- Returns to the public pool within 3 days "
                                           "unless followed up"));
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM customer_event "
                                          "WHERE kind = 'warned' AND customer_id = 4"), ==, 2);
}

static void
test_claim (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SalesCustomer) pool = NULL;
  g_autoptr(SalesCustomer) neglected = NULL;
  g_autoptr(SalesCustomer) other = NULL;
  g_autoptr(SalesCustomer) owned = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SalesPoolRules rules;
  SalesPoolResult result;

  apply (f, &result);
  sales_store_get_pool_rules (f->store, &rules);
  rules.max_per_rep = 2;
  sales_store_set_pool_rules (f->store, &rules);

  pool = sales_store_get_customer (f->store, 7, &error);
  neglected = sales_store_get_customer (f->store, 2, &error);
  other = sales_store_get_customer (f->store, 6, &error);
  owned = sales_store_get_customer (f->store, 1, &error);
  g_assert_no_error (error);

  /* Wang Fang holds nothing: two claims, up to the limit. */
  g_assert_true (sales_store_claim_customer (f->store, pool, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_customer_get_owner_id (pool), ==, 3);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Claimed “In the pool”");
  g_assert_true (sales_store_claim_customer (f->store, neglected, 3, &error));
  g_assert_no_error (error);

  before = test_dump_all (f->db);
  g_assert_false (sales_store_claim_customer (f->store, other, 3, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Wang Fang already holds 2 customers, the most a rep may "
                                       "hold; return one to the public pool first");
  g_clear_error (&error);

  /* Li Na holds 3 (4, 5, 10): over the limit too. */
  g_assert_false (sales_store_claim_customer (f->store, other, 2, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sales_store_claim_customer (f->store, owned, 3, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Followed” is no longer in the public pool");
  g_clear_error (&error);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);

  claims = events (f, "claimed");
  g_assert_cmpstr (claims, ==, "10:->2  | 7:->3  | 2:->3 ");

  /* Undo gives the last claim back to the pool. */
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_customer_get_owner_id (neglected), ==, 0);
  g_clear_pointer (&claims, g_free);
  claims = events (f, "claimed");
  g_assert_cmpstr (claims, ==, "10:->2  | 7:->3 ");
}

/* An edit that changes the owner is on the timeline, and starts the new
 * owner's time: customer 2 given to rep 2 today does not return. */
static void
test_owner_edit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SalesCustomer) neglected = NULL;
  g_autoptr(SalesCustomer) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assigned = NULL;
  SalesPoolResult result;

  neglected = sales_store_get_customer (f->store, 2, &error);
  edit = sales_customer_dup (neglected);
  sales_customer_set_owner_id (edit, 2);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);

  assigned = events (f, "assigned");
  g_assert_cmpstr (assigned, ==, "2:1>2 ");

  apply (f, &result);
  g_assert_cmpuint (result.returned, ==, 2);
  g_assert_cmpint (sales_customer_get_owner_id (neglected), ==, 2);
}

/* Assignment: reps 1, 2 and 4 active, 3 not. Rep 1 holds 2 customers, rep 2 one. */
static void
assignment_set_up (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SalesRep) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  g_autoptr(SalesRep) inactive = NULL;
  g_autoptr(SalesCustomer) c1 = NULL, c2 = NULL, c3 = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (f, data);
  r1 = test_add_rep (f, "Zhang Wei");
  r2 = test_add_rep (f, "Li Na");
  r3 = test_add_rep (f, "Wang Fang");
  r4 = test_add_rep (f, "Zhao Lei");
  inactive = sales_rep_dup (r3);
  sales_rep_set_active (inactive, FALSE);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (inactive), &error));
  g_assert_no_error (error);

  c1 = test_add_customer (f, "A", 1);
  c2 = test_add_customer (f, "B", 1);
  c3 = test_add_customer (f, "C", 2);
}

static void
set_assign (Fixture         *f,
            SalesAssignRule  rule,
            guint            max_per_rep)
{
  SalesPoolRules rules;

  sales_store_get_pool_rules (f->store, &rules);
  rules.assign = rule;
  rules.max_per_rep = max_per_rep;
  sales_store_set_pool_rules (f->store, &rules);
}

static gint64
new_customer_owner (Fixture    *f,
                    const char *name)
{
  g_autoptr(SalesCustomer) customer = test_add_customer (f, name, 0);

  return sales_customer_get_owner_id (customer);
}

static void
test_round_robin (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *assigned = NULL;

  set_assign (f, SALES_ASSIGN_ROUND_ROBIN, 0);

  /* In turn among 1, 2, 4 (3 is inactive), starting from the first. */
  g_assert_cmpint (new_customer_owner (f, "N1"), ==, 1);
  g_assert_cmpint (new_customer_owner (f, "N2"), ==, 2);
  g_assert_cmpint (new_customer_owner (f, "N3"), ==, 4);
  g_assert_cmpint (new_customer_owner (f, "N4"), ==, 1);

  assigned = events (f, "assigned");
  g_assert_cmpstr (assigned, ==,
                   "4:->1 Assigned in turn (round-robin) | 5:->2 Assigned in turn (round-robin) | "
                   "6:->4 Assigned in turn (round-robin) | 7:->1 Assigned in turn (round-robin)");

  /* With at most 2 customers a rep: 1 holds 4, 2 holds 2, 4 holds 1. */
  set_assign (f, SALES_ASSIGN_ROUND_ROBIN, 2);
  g_assert_cmpint (new_customer_owner (f, "N5"), ==, 4);
  g_assert_cmpint (new_customer_owner (f, "N6"), ==, 0);

  /* Off: new customers stay in the pool. */
  set_assign (f, SALES_ASSIGN_NONE, 0);
  g_assert_cmpint (new_customer_owner (f, "N7"), ==, 0);
}

static void
test_fewest_open (Fixture       *f,
                  gconstpointer  data)
{
  set_assign (f, SALES_ASSIGN_FEWEST_OPEN, 0);

  /* Held: 1 two, 2 one, 4 none. */
  g_assert_cmpint (new_customer_owner (f, "N1"), ==, 4);
  /* 2 and 4 one each: the lower id. */
  g_assert_cmpint (new_customer_owner (f, "N2"), ==, 2);
  g_assert_cmpint (new_customer_owner (f, "N3"), ==, 4);
  /* All two each. */
  g_assert_cmpint (new_customer_owner (f, "N4"), ==, 1);
}

/* An import creates customers first and has them assigned in one go. */
static void
test_assign_new_customers (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owners_after = NULL;
  const gint64 ids[] = { 4, 5, 6, 1 };
  guint n_assigned = 99;

  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (new_customer_owner (f, "Imported"), ==, 0);

  set_assign (f, SALES_ASSIGN_FEWEST_OPEN, 0);
  g_assert_true (sales_store_assign_new_customers (f->store, ids, G_N_ELEMENTS (ids), &n_assigned,
                                                   &error));
  g_assert_no_error (error);
  /* 1 has an owner already and keeps it. */
  g_assert_cmpuint (n_assigned, ==, 3);
  owners_after = owners (f);
  g_assert_cmpstr (owners_after, ==, "1:1 2:1 3:2 4:4 5:2 6:4");
}

static void
test_rule_names (void)
{
  SalesAssignRule rule = SALES_ASSIGN_NONE;

  g_assert_cmpstr (sales_assign_rule_to_string (SALES_ASSIGN_ROUND_ROBIN), ==, "round-robin");
  g_assert_true (sales_assign_rule_from_string ("fewest-open", &rule));
  g_assert_cmpint (rule, ==, SALES_ASSIGN_FEWEST_OPEN);
  g_assert_false (sales_assign_rule_from_string ("random", &rule));
  g_assert_cmpint (rule, ==, SALES_ASSIGN_FEWEST_OPEN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pool/rule-names", test_rule_names);
  g_test_add ("/pool/rules", Fixture, NULL, company_set_up, test_rules, fixture_tear_down);
  g_test_add ("/pool/rules-in-worker", Fixture, NULL, company_set_up, test_rules_in_worker,
              fixture_tear_down);
  g_test_add ("/pool/rules-parameters", Fixture, NULL,
              company_set_up, test_rules_parameters, fixture_tear_down);
  g_test_add ("/pool/warn-again-after-follow-up", Fixture, NULL,
              company_set_up, test_warn_again_after_follow_up, fixture_tear_down);
  g_test_add ("/pool/claim", Fixture, NULL, company_set_up, test_claim, fixture_tear_down);
  g_test_add ("/pool/owner-edit", Fixture, NULL, company_set_up, test_owner_edit,
              fixture_tear_down);
  g_test_add ("/pool/round-robin", Fixture, NULL,
              assignment_set_up, test_round_robin, fixture_tear_down);
  g_test_add ("/pool/fewest-open", Fixture, NULL,
              assignment_set_up, test_fewest_open, fixture_tear_down);
  g_test_add ("/pool/assign-new-customers", Fixture, NULL,
              assignment_set_up, test_assign_new_customers, fixture_tear_down);

  return g_test_run ();
}
