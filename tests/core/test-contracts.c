/* test-contracts.c: contracts, payment plans, payments and what is owed
 *
 * The fixture: reps 1 Zhang Wei and 2 Li Na; customers 1 华为 (owner 1)
 * and 2 Globex (owner 2); deals 1 ERP (华为, Won, 1 000.00) and 2 Cloud
 * (华为, Lead, 500.00). The clock is 2026-03-20 10:00 in Shanghai (UTC+8,
 * set by tests/meson.build). Every expected figure is worked out by hand in
 * the comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-collection-notifier.h"
#include "sales-contract-summary.h"
#include "test-util.h"

#define STAGE_LEAD 1
#define STAGE_WON  6

typedef struct
{
  Fixture        f;
  SalesCustomer *huawei;
  SalesCustomer *globex;
  SalesDeal     *erp;
  SalesDeal     *cloud;
  SignalLog      log;
} Contracts;

static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute,
            int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, second);

  return g_date_time_to_unix (dt);
}

static void
contracts_set_up (Contracts     *t,
                  gconstpointer  data)
{
  g_autoptr(SalesRep) zhang = NULL;
  g_autoptr(SalesRep) li = NULL;

  fixture_set_up (&t->f, data);
  t->f.now = local_time (2026, 3, 20, 10, 0, 0);
  zhang = test_add_rep (&t->f, "Zhang Wei");
  li = test_add_rep (&t->f, "Li Na");
  t->huawei = test_add_customer (&t->f, "华为", 1);
  t->globex = test_add_customer (&t->f, "Globex", 2);
  t->erp = test_add_deal (&t->f, 1, STAGE_WON, "ERP", 100000);
  t->cloud = test_add_deal (&t->f, 1, STAGE_LEAD, "Cloud", 50000);
  signal_log_start (&t->log, t->f.store);
}

static void
contracts_tear_down (Contracts     *t,
                     gconstpointer  data)
{
  signal_log_stop (&t->log, t->f.store);
  g_clear_object (&t->cloud);
  g_clear_object (&t->erp);
  g_clear_object (&t->globex);
  g_clear_object (&t->huawei);
  fixture_tear_down (&t->f, data);
}

static void
assert_instalment (GPtrArray  *plan,
                   guint       index,
                   const char *due_on,
                   gint64      amount_cents)
{
  SalesPaymentPlan *instalment = g_ptr_array_index (plan, index);

  g_assert_cmpstr (sales_payment_plan_get_due_on (instalment), ==, due_on);
  g_assert_cmpint (sales_payment_plan_get_amount_cents (instalment), ==, amount_cents);
}

static GPtrArray *
split (gint64         amount_cents,
       SalesPlanRule  rule,
       guint          n,
       const char    *first_due_on,
       const char    *balance_due_on)
{
  g_autoptr(GError) error = NULL;
  SalesPlanSpec spec = { rule, n, n, first_due_on, balance_due_on };
  GPtrArray *plan = sales_payment_plan_split (amount_cents, &spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
assert_split_refused (gint64         amount_cents,
                      SalesPlanRule  rule,
                      guint          n,
                      const char    *first_due_on,
                      const char    *balance_due_on)
{
  g_autoptr(GError) error = NULL;
  SalesPlanSpec spec = { rule, n, n, first_due_on, balance_due_on };
  g_autoptr(GPtrArray) plan = sales_payment_plan_split (amount_cents, &spec, &error);

  g_assert_null (plan);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
}

static void
test_split (void)
{
  g_autoptr(GPtrArray) thirds = NULL;
  g_autoptr(GPtrArray) two_cents = NULL;
  g_autoptr(GPtrArray) million = NULL;
  g_autoptr(GPtrArray) deposit = NULL;
  g_autoptr(GPtrArray) single = NULL;

  /* 100.00 in 3: 33.33 + 33.33 + 33.34, a month apart from 31 January:
   * February has no 31st, so its last day, and March goes back to the 31st. */
  thirds = split (10000, SALES_PLAN_RULE_MONTHLY, 3, "2026-01-31", NULL);
  g_assert_cmpuint (thirds->len, ==, 3);
  assert_instalment (thirds, 0, "2026-01-31", 3333);
  assert_instalment (thirds, 1, "2026-02-28", 3333);
  assert_instalment (thirds, 2, "2026-03-31", 3334);
  g_assert_cmpint (sales_payment_plan_sum (thirds), ==, 10000);

  /* 0.01 in 2 would leave an instalment of nothing: refused. 0.02 in 2 is 0.01 each. */
  assert_split_refused (1, SALES_PLAN_RULE_MONTHLY, 2, "2026-01-15", NULL);
  two_cents = split (2, SALES_PLAN_RULE_MONTHLY, 2, "2026-01-15", NULL);
  assert_instalment (two_cents, 0, "2026-01-15", 1);
  assert_instalment (two_cents, 1, "2026-02-15", 1);
  assert_split_refused (10000, SALES_PLAN_RULE_MONTHLY, 0, "2026-01-15", NULL);

  /* 1 000 000.00 in 12: 100 000 000 / 12 = 8 333 333.33…, so eleven of
   * 83 333.33 and a last one of 100 000 000 − 11 × 8 333 333 = 8 333 337. */
  million = split (100000000, SALES_PLAN_RULE_MONTHLY, 12, "2026-01-15", NULL);
  g_assert_cmpuint (million->len, ==, 12);
  for (guint i = 0; i < 11; i++)
    g_assert_cmpint (sales_payment_plan_get_amount_cents (g_ptr_array_index (million, i)),
                     ==, 8333333);
  assert_instalment (million, 11, "2026-12-15", 8333337);
  g_assert_cmpint (sales_payment_plan_sum (million), ==, 100000000);

  /* 30 % of 100.01 is 30.003: a deposit of 30.00 and a balance of 70.01. */
  deposit = split (10001, SALES_PLAN_RULE_DEPOSIT, 30, "2026-02-01", "2026-06-30");
  g_assert_cmpuint (deposit->len, ==, 2);
  assert_instalment (deposit, 0, "2026-02-01", 3000);
  assert_instalment (deposit, 1, "2026-06-30", 7001);

  assert_split_refused (10000, SALES_PLAN_RULE_DEPOSIT, 0, "2026-02-01", "2026-06-30");
  assert_split_refused (10000, SALES_PLAN_RULE_DEPOSIT, 100, "2026-02-01", "2026-06-30");
  assert_split_refused (10000, SALES_PLAN_RULE_DEPOSIT, 30, "2026-02-01", "2026-01-31");
  assert_split_refused (10000, SALES_PLAN_RULE_DEPOSIT, 30, "2026-02-01", NULL);
  /* 1 % of 0.50 rounds down to nothing. */
  assert_split_refused (50, SALES_PLAN_RULE_DEPOSIT, 1, "2026-02-01", "2026-03-01");

  single = split (10000, SALES_PLAN_RULE_SINGLE, 0, "2026-04-30", NULL);
  g_assert_cmpuint (single->len, ==, 1);
  assert_instalment (single, 0, "2026-04-30", 10000);
  assert_split_refused (0, SALES_PLAN_RULE_SINGLE, 0, "2026-04-30", NULL);
  assert_split_refused (10000, SALES_PLAN_RULE_SINGLE, 0, "2026-02-30", NULL);
}

static SalesPaymentPlan *
instalment (const char *due_on,
            gint64      amount_cents)
{
  SalesPaymentPlan *draft = sales_payment_plan_new ();

  sales_payment_plan_set_due_on (draft, due_on);
  sales_payment_plan_set_amount_cents (draft, amount_cents);
  return draft;
}

static GPtrArray *
plan_of (const char *due_on,
         gint64      amount_cents,
         ...)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, amount_cents);
  while (due_on != NULL)
    {
      g_ptr_array_add (plan, instalment (due_on, amount_cents));
      due_on = va_arg (args, const char *);
      if (due_on != NULL)
        amount_cents = va_arg (args, gint64);
    }
  va_end (args);

  return plan;
}

/* A contract on @customer_id without a deal. */
static SalesContract *
add_contract (Contracts  *t,
              gint64      customer_id,
              const char *number,
              gint64      amount_cents,
              const char *signed_on,
              GPtrArray  *plan)
{
  g_autoptr(SalesContract) draft = sales_contract_new ();
  g_autoptr(GError) error = NULL;
  SalesContract *contract;

  sales_contract_set_customer_id (draft, customer_id);
  sales_contract_set_number (draft, number);
  sales_contract_set_amount_cents (draft, amount_cents);
  sales_contract_set_signed_on (draft, signed_on);
  contract = sales_store_create_contract (t->f.store, draft, plan, SALES_PLAN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contract);

  return contract;
}

static void
pay (Contracts  *t,
     gint64      contract_id,
     const char *received_on,
     gint64      amount_cents)
{
  g_autoptr(SalesPayment) draft = sales_payment_new ();
  g_autoptr(GError) error = NULL;

  sales_payment_set_contract_id (draft, contract_id);
  sales_payment_set_received_on (draft, received_on);
  sales_payment_set_amount_cents (draft, amount_cents);
  sales_payment_set_method (draft, "Bank transfer");
  g_assert_true (sales_store_record_payment (t->f.store, draft, NULL, &error));
  g_assert_no_error (error);
}

static void
test_create_contract (Contracts     *t,
                      gconstpointer  data)
{
  Fixture *f = &t->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesContract) draft = NULL;
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(SalesContract) again = NULL;
  g_autoptr(SalesContract) open_deal = NULL;
  g_autoptr(SalesContract) by_hand = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *before = test_dump_all (f->db);
  g_autofree char *after = NULL;
  g_autofree char *next = NULL;

  /* From the won deal: its customer and amount, today in Shanghai, the first number of 2026. */
  draft = sales_store_new_contract_draft (f->store, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_contract_get_customer_id (draft), ==, 1);
  g_assert_cmpint (sales_contract_get_deal_id (draft), ==, 1);
  g_assert_cmpint (sales_contract_get_amount_cents (draft), ==, 100000);
  g_assert_cmpstr (sales_contract_get_signed_on (draft), ==, "2026-03-20");
  g_assert_cmpstr (sales_contract_get_number (draft), ==, "HT-2026-0001");

  /* 1 000.00 as 300.00 now and 700.00 in June. */
  plan = plan_of ("2026-03-31", G_GINT64_CONSTANT (30000),
                  "2026-06-30", G_GINT64_CONSTANT (70000), NULL);
  contract = sales_store_create_contract (f->store, draft, plan, SALES_PLAN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (contract)), ==, 1);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Created contract “HT-2026-0001”");
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM payment_plan"), ==, 2);
  g_assert_true (signal_log_contains (&t->log, SALES_RECORD_CONTRACT, 1, SALES_CHANGE_INSERTED));
  g_assert_true (signal_log_contains (&t->log, SALES_RECORD_PAYMENT_PLAN, 2,
                                      SALES_CHANGE_INSERTED));

  stored = sales_store_list_payment_plan (f->store, 1, &error);
  g_assert_no_error (error);
  assert_instalment (stored, 0, "2026-03-31", 30000);
  assert_instalment (stored, 1, "2026-06-30", 70000);

  next = sales_store_propose_contract_number (f->store, "2026-05-01");
  g_assert_cmpstr (next, ==, "HT-2026-0002");
  g_clear_pointer (&next, g_free);
  next = sales_store_propose_contract_number (f->store, "2027-01-02");
  g_assert_cmpstr (next, ==, "HT-2027-0001");

  /* One contract per deal; a taken number is refused by name; an open deal has no contract. */
  again = sales_store_create_contract (f->store, draft, NULL, SALES_PLAN_FLAGS_NONE, &error);
  g_assert_null (again);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "There is already a contract numbered “HT-2026-0001”");
  g_clear_error (&error);

  sales_contract_set_number (draft, NULL);
  again = sales_store_create_contract (f->store, draft, NULL, SALES_PLAN_FLAGS_NONE, &error);
  g_assert_null (again);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "“ERP” already has a contract");
  g_clear_error (&error);

  sales_contract_set_deal_id (draft, 2);
  open_deal = sales_store_create_contract (f->store, draft, NULL, SALES_PLAN_FLAGS_NONE, &error);
  g_assert_null (open_deal);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Made on the customer, without a deal, and a blank number takes the next one. */
  sales_contract_set_deal_id (draft, 0);
  sales_contract_set_customer_id (draft, 2);
  by_hand = sales_store_create_contract (f->store, draft, NULL, SALES_PLAN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sales_contract_get_number (by_hand), ==, "HT-2026-0002");

  /* Undo takes back the last one; the first goes with its plan through the generic delete. */
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (contract), &error));
  g_assert_no_error (error);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_plan_sum (Contracts     *t,
               gconstpointer  data)
{
  Fixture *f = &t->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(SalesContract) refused = NULL;
  g_autoptr(SalesContract) draft = sales_contract_new ();
  g_autoptr(GPtrArray) short_plan = NULL;
  g_autoptr(GPtrArray) long_plan = NULL;
  g_autoptr(GPtrArray) exact = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *replaced = NULL;

  short_plan = plan_of ("2026-04-01", G_GINT64_CONSTANT (3000),
                        "2026-05-01", G_GINT64_CONSTANT (3000), NULL);
  long_plan = plan_of ("2026-04-01", G_GINT64_CONSTANT (6000),
                       "2026-05-01", G_GINT64_CONSTANT (5000), NULL);
  exact = plan_of ("2026-04-15", G_GINT64_CONSTANT (10000), NULL);

  /* 60.00 of 100.00 planned: refused, with the difference, unless partial is allowed. */
  sales_contract_set_customer_id (draft, 2);
  sales_contract_set_number (draft, "G-1");
  sales_contract_set_amount_cents (draft, 10000);
  sales_contract_set_signed_on (draft, "2026-03-01");
  before = test_dump_all (f->db);
  refused = sales_store_create_contract (f->store, draft, short_plan, SALES_PLAN_FLAGS_NONE,
                                         &error);
  g_assert_null (refused);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The instalments add up to 60.00, 40.00 less than the contract’s 100.00");
  g_clear_error (&error);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);

  contract = sales_store_create_contract (f->store, draft, short_plan,
                                          SALES_PLAN_PARTIAL_ALLOWED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT sum (amount_cents) FROM payment_plan"),
                   ==, 6000);

  /* 110.00 of 100.00 is refused even when partial is allowed. */
  g_clear_pointer (&before, g_free);
  before = test_dump_all (f->db);
  g_assert_false (sales_store_set_payment_plan (f->store, contract, long_plan,
                                                SALES_PLAN_PARTIAL_ALLOWED, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The instalments add up to 110.00, 10.00 more than the contract’s 100.00");
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);

  /* Replacing the plan is one step: undo brings the two old instalments back, ids and all. */
  g_assert_true (sales_store_set_payment_plan (f->store, contract, exact, SALES_PLAN_FLAGS_NONE,
                                               &error));
  g_assert_no_error (error);
  replaced = test_query_text (f->db, "SELECT group_concat (due_on || ' ' || amount_cents, ', ') "
                                     "FROM payment_plan");
  g_assert_cmpstr (replaced, ==, "2026-04-15 10000");
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==,
                   "Changed the payment plan of “G-1”");
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
assert_state (GArray               *list,
              guint                 index,
              gint64                paid_cents,
              SalesInstalmentState  state,
              int                   days_overdue)
{
  const SalesInstalment *instalment = &g_array_index (list, SalesInstalment, index);

  g_assert_cmpint (instalment->paid_cents, ==, paid_cents);
  g_assert_cmpint (instalment->state, ==, state);
  g_assert_cmpint (instalment->days_overdue, ==, days_overdue);
}

static GArray *
instalments_on (Contracts  *t,
                gint64      contract_id,
                const char *on)
{
  g_autoptr(GError) error = NULL;
  GArray *list = sales_collections_list_instalments (t->f.db, contract_id, on, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
test_allocation (Contracts     *t,
                 gconstpointer  data)
{
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GArray) feb = NULL;
  g_autoptr(GArray) mar = NULL;
  g_autoptr(GArray) later = NULL;
  g_autofree char *label = NULL;

  /* 100.00 as 33.33 on 31 Jan, 33.33 on 28 Feb, 33.34 on 31 Mar; 50.00 paid on 10 Feb. */
  plan = plan_of ("2026-02-28", G_GINT64_CONSTANT (3333),
                  "2026-01-31", G_GINT64_CONSTANT (3333),
                  "2026-03-31", G_GINT64_CONSTANT (3334), NULL);
  contract = add_contract (t, 1, "A-1", 10000, "2026-01-10", plan);
  pay (t, 1, "2026-02-10", 5000);
  g_assert_cmpstr (sales_store_get_undo_label (t->f.store), ==, "Recorded a payment on “A-1”");

  /* On 15 Feb the 50.00 settles January's 33.33 and 16.67 of February's;
   * March's is due in 13 + 31 = 44 days. */
  feb = instalments_on (t, 1, "2026-02-15");
  g_assert_cmpuint (feb->len, ==, 3);
  g_assert_cmpstr (g_array_index (feb, SalesInstalment, 0).due_on, ==, "2026-01-31");
  assert_state (feb, 0, 3333, SALES_INSTALMENT_PAID, 0);
  assert_state (feb, 1, 1667, SALES_INSTALMENT_PARTLY_PAID, 0);
  assert_state (feb, 2, 0, SALES_INSTALMENT_DUE, 0);
  g_assert_cmpint (g_array_index (feb, SalesInstalment, 2).days_until_due, ==, 44);
  label = sales_instalment_describe (&g_array_index (feb, SalesInstalment, 2));
  g_assert_cmpstr (label, ==, "Due in 44 days");
  g_clear_pointer (&label, g_free);

  /* 50.00 more on 10 March settles the rest: on 5 March it does not count
   * yet, and February's remainder is 5 days late. */
  pay (t, 1, "2026-03-10", 5000);
  mar = instalments_on (t, 1, "2026-03-05");
  assert_state (mar, 0, 3333, SALES_INSTALMENT_PAID, 0);
  assert_state (mar, 1, 1667, SALES_INSTALMENT_OVERDUE, 5);
  assert_state (mar, 2, 0, SALES_INSTALMENT_DUE, 0);
  label = sales_instalment_describe (&g_array_index (mar, SalesInstalment, 1));
  g_assert_cmpstr (label, ==, "Overdue by 5 days");

  later = instalments_on (t, 1, "2026-04-30");
  assert_state (later, 0, 3333, SALES_INSTALMENT_PAID, 0);
  assert_state (later, 1, 3333, SALES_INSTALMENT_PAID, 0);
  assert_state (later, 2, 3334, SALES_INSTALMENT_PAID, 0);
}

static void
test_overpayment (Contracts     *t,
                  gconstpointer  data)
{
  Fixture *f = &t->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(SalesPayment) draft = sales_payment_new ();
  g_autoptr(SalesPayment) generic = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  contract = add_contract (t, 1, "A-1", 10000, "2026-01-10", NULL);
  pay (t, 1, "2026-02-01", 9000);

  /* 10.01 where 10.00 is owed: refused, and nothing written, signalled or made undoable. */
  before = test_dump_all (f->db);
  signal_log_clear (&t->log);
  sales_payment_set_contract_id (draft, 1);
  sales_payment_set_received_on (draft, "2026-02-02");
  sales_payment_set_amount_cents (draft, 1001);
  sales_payment_set_note (draft, "Second half");
  g_assert_false (sales_store_record_payment (f->store, draft, NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "A payment of 10.01 is more than the 10.00 still owed on contract “A-1”");
  g_clear_error (&error);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (t->log.events->len, ==, 0);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Recorded a payment on “A-1”");

  /* The generic create keeps the same rule. */
  generic = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_null (generic);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Exactly what is owed is fine; then nothing more is. */
  sales_payment_set_amount_cents (draft, 1000);
  g_assert_true (sales_store_record_payment (f->store, draft, NULL, &error));
  g_assert_no_error (error);
  sales_payment_set_amount_cents (draft, 1);
  g_assert_false (sales_store_record_payment (f->store, draft, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Contract “A-1” is paid in full: there is nothing left to receive");
  g_clear_error (&error);

  /* Nor can the contract's amount drop below what was received. */
  sales_contract_set_amount_cents (contract, 9999);
  g_assert_false (sales_store_update (f->store, SALES_RECORD (contract), &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpint (sales_contract_get_amount_cents (contract), ==, 10000);
}

static void
test_overdue_states (Contracts     *t,
                     gconstpointer  data)
{
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *today = NULL;
  g_autofree char *label = NULL;
  SalesInstalment due = { 0 };
  int days = -1;

  plan = plan_of ("2026-03-31", G_GINT64_CONSTANT (10000), NULL);
  contract = add_contract (t, 1, "A-1", 10000, "2026-03-01", plan);

  /* 23:59:59 on 31 March in Shanghai is 15:59:59 UTC the same day: due today. */
  today = sales_local_date (local_time (2026, 3, 31, 23, 59, 59));
  g_assert_cmpstr (today, ==, "2026-03-31");
  g_assert_cmpint (local_time (2026, 3, 31, 23, 59, 59), ==, 1774972799);
  g_assert_cmpint (sales_instalment_state_on ("2026-03-31", 10000, 0, today, &days),
                   ==, SALES_INSTALMENT_DUE);
  g_assert_cmpint (days, ==, 0);
  g_strlcpy (due.due_on, "2026-03-31", sizeof due.due_on);
  due.amount_cents = 10000;
  sales_instalment_fill (&due, today);
  label = sales_instalment_describe (&due);
  g_assert_cmpstr (label, ==, "Due today");
  g_clear_pointer (&today, g_free);
  g_clear_pointer (&label, g_free);

  /* One second later it is 1 April in Shanghai, though still 31 March in
   * UTC (16:00): one day overdue. */
  today = sales_local_date (1774972800);
  g_assert_cmpstr (today, ==, "2026-04-01");
  g_assert_cmpint (sales_instalment_state_on ("2026-03-31", 10000, 0, today, &days),
                   ==, SALES_INSTALMENT_OVERDUE);
  g_assert_cmpint (days, ==, 1);
  sales_instalment_fill (&due, today);
  label = sales_instalment_describe (&due);
  g_assert_cmpstr (label, ==, "Overdue by 1 day");
  g_clear_pointer (&label, g_free);

  /* 30 + 1 days later, on 1 May; partly paid does not stop it being late. */
  g_assert_cmpint (sales_instalment_state_on ("2026-03-31", 10000, 2500, "2026-05-01", &days),
                   ==, SALES_INSTALMENT_OVERDUE);
  g_assert_cmpint (days, ==, 31);
  g_assert_cmpint (sales_instalment_state_on ("2026-03-31", 10000, 2500, "2026-03-31", &days),
                   ==, SALES_INSTALMENT_PARTLY_PAID);
  g_assert_cmpint (days, ==, 0);
  g_assert_cmpint (sales_instalment_state_on ("2026-03-31", 10000, 10000, "2026-05-01", &days),
                   ==, SALES_INSTALMENT_PAID);
  g_assert_cmpint (days, ==, 0);
  /* Across the end of a leap February: 28 Feb 2028 to 1 Mar 2028 is 2 days. */
  g_assert_cmpint (sales_date_days_between ("2028-02-28", "2028-03-01"), ==, 2);
}

static void
test_delete_with_payments (Contracts     *t,
                           gconstpointer  data)
{
  Fixture *f = &t->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesContract) paid = NULL;
  g_autoptr(SalesContract) unpaid = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  plan = plan_of ("2026-04-01", G_GINT64_CONSTANT (4000),
                  "2026-05-01", G_GINT64_CONSTANT (6000), NULL);
  paid = add_contract (t, 1, "A-1", 10000, "2026-03-01", plan);
  unpaid = add_contract (t, 2, "G-1", 5000, "2026-03-01", NULL);
  pay (t, 1, "2026-03-05", 2000);
  pay (t, 1, "2026-03-06", 1000);
  before = test_dump_all (f->db);

  g_assert_false (sales_store_delete_contract (f->store, paid, FALSE, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "Contract “A-1” has 2 payments received; "
                   "deleting it would delete the payments too");
  g_clear_error (&error);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);

  /* Forced, it takes its plan and payments, and one undo brings all back. */
  signal_log_clear (&t->log);
  g_assert_true (sales_store_delete_contract (f->store, paid, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM payment"), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM payment_plan"), ==, 0);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Deleted contract “A-1”");
  /* The contract, 2 instalments, 2 payments. */
  g_assert_cmpuint (t->log.events->len, ==, 5);
  g_assert_true (signal_log_contains (&t->log, SALES_RECORD_PAYMENT, 2, SALES_CHANGE_DELETED));

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);

  /* Redo deletes it again; a contract without payments needs no force. */
  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM contract"), ==, 1);
  g_assert_true (sales_store_delete_contract (f->store, unpaid, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM contract"), ==, 0);
}

/* The figures' fixture, all in 2026:
 *
 *   A  华为 (Zhang Wei)  1 000.00 signed 10 Jan
 *      plan     300.00 on 20 Jan, 700.00 on 20 Mar
 *      paid     300.00 on 18 Jan, 400.00 on 25 Mar, 300.00 on 5 Apr
 *   B  Globex (Li Na)      500.00 signed 1 Feb
 *      plan     250.00 on 15 Feb, 250.00 on 15 Mar
 *      paid     100.00 on 1 Mar
 *   C  华为 (Zhang Wei)    200.00 signed 1 Mar
 *      plan     200.00 on 10 Mar
 *      paid     200.00 on 8 Mar
 */
static void
add_figures_fixture (Contracts *t)
{
  g_autoptr(GPtrArray) plan_a = NULL;
  g_autoptr(GPtrArray) plan_b = NULL;
  g_autoptr(GPtrArray) plan_c = NULL;
  g_autoptr(SalesContract) a = NULL;
  g_autoptr(SalesContract) b = NULL;
  g_autoptr(SalesContract) c = NULL;

  plan_a = plan_of ("2026-01-20", G_GINT64_CONSTANT (30000),
                    "2026-03-20", G_GINT64_CONSTANT (70000), NULL);
  plan_b = plan_of ("2026-02-15", G_GINT64_CONSTANT (25000),
                    "2026-03-15", G_GINT64_CONSTANT (25000), NULL);
  plan_c = plan_of ("2026-03-10", G_GINT64_CONSTANT (20000), NULL);
  a = add_contract (t, 1, "A", 100000, "2026-01-10", plan_a);
  b = add_contract (t, 2, "B", 50000, "2026-02-01", plan_b);
  c = add_contract (t, 1, "C", 20000, "2026-03-01", plan_c);
  pay (t, 1, "2026-01-18", 30000);
  pay (t, 1, "2026-03-25", 40000);
  pay (t, 1, "2026-04-05", 30000);
  pay (t, 2, "2026-03-01", 10000);
  pay (t, 3, "2026-03-08", 20000);
}

static gint64
collected (Contracts  *t,
           const char *from,
           const char *to,
           gint64      owner_id)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = -1;

  g_assert_true (sales_collections_collected_amount (t->f.db, from, to, owner_id, &cents,
                                                     &error));
  g_assert_no_error (error);
  return cents;
}

static gint64
overdue (Contracts  *t,
         const char *on,
         gint64      owner_id)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = -1;

  g_assert_true (sales_collections_overdue_amount (t->f.db, on, owner_id, &cents, &error));
  g_assert_no_error (error);
  return cents;
}

static void
assert_average (Contracts  *t,
                const char *from,
                const char *to,
                gint64      owner_id,
                double      days,
                guint       n_contracts)
{
  g_autoptr(GError) error = NULL;
  double result = -1;
  guint n = G_MAXUINT;

  g_assert_true (sales_collections_average_days_to_collect (t->f.db, from, to, owner_id,
                                                            &result, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (result, days, 1e-9);
  g_assert_cmpuint (n, ==, n_contracts);
}

static void
test_figures (Contracts     *t,
              gconstpointer  data)
{
  add_figures_fixture (t);

  /* March: A 400.00 + B 100.00 + C 200.00 = 700.00; Zhang Wei 600.00, Li Na 100.00. */
  g_assert_cmpint (collected (t, "2026-03-01", "2026-03-31", 0), ==, 70000);
  g_assert_cmpint (collected (t, "2026-03-01", "2026-03-31", 1), ==, 60000);
  g_assert_cmpint (collected (t, "2026-03-01", "2026-03-31", 2), ==, 10000);
  /* Every payment: 1 000.00 + 100.00 + 200.00; the bounds are days included. */
  g_assert_cmpint (collected (t, NULL, NULL, 0), ==, 130000);
  g_assert_cmpint (collected (t, "2026-01-18", "2026-01-18", 0), ==, 30000);
  g_assert_cmpint (collected (t, "2026-01-19", "2026-02-28", 0), ==, 0);

  /* End of 20 Feb: A 300.00 due, 300.00 paid: 0; B 250.00 due, nothing paid: 250.00. */
  g_assert_cmpint (overdue (t, "2026-02-20", 0), ==, 25000);
  /* End of 19 Mar: A 0; B 500.00 due − 100.00 = 400.00; C 200.00 − 200.00 = 0. */
  g_assert_cmpint (overdue (t, "2026-03-19", 0), ==, 40000);
  /* End of 20 Mar: A's 700.00 fell due that day, 300.00 paid of 1 000.00: 700.00 + 400.00. */
  g_assert_cmpint (overdue (t, "2026-03-20", 0), ==, 110000);
  g_assert_cmpint (overdue (t, "2026-03-20", 1), ==, 70000);
  g_assert_cmpint (overdue (t, "2026-03-20", 2), ==, 40000);
  /* End of 30 Apr: A paid in full; B still 400.00. */
  g_assert_cmpint (overdue (t, "2026-04-30", 0), ==, 40000);

  /* Collected in full: A on 5 Apr, 21 + 28 + 31 + 5 = 85 days after 10 Jan;
   * C on 8 Mar, 7 days after 1 Mar. B is not. (85 + 7) / 2 = 46. */
  assert_average (t, NULL, NULL, 0, 46.0, 2);
  assert_average (t, "2026-03-01", "2026-03-31", 0, 7.0, 1);
  assert_average (t, "2026-04-01", "2026-04-30", 1, 85.0, 1);
  assert_average (t, NULL, NULL, 2, 0.0, 0);
}

static void
test_summary (Contracts     *t,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) globex = NULL;
  g_autoptr(GListModel) huawei = NULL;
  g_autoptr(SalesContractSummary) b = NULL;
  g_autoptr(SalesContractSummary) c = NULL;
  g_autoptr(SalesContractSummary) a = NULL;

  add_figures_fixture (t);

  /* B: 100.00 of 500.00 paid, so 150.00 left of the instalment of 15 February. */
  globex = sales_contract_summary_list_for_customer (t->f.store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (globex), ==, 1);
  b = g_list_model_get_item (globex, 0);
  g_assert_cmpstr (sales_contract_summary_get_number (b), ==, "B");
  g_assert_cmpint (sales_contract_summary_get_paid_cents (b), ==, 10000);
  g_assert_cmpint (sales_contract_summary_get_amount_cents (b), ==, 50000);
  g_assert_cmpstr (sales_contract_summary_get_next_due_on (b), ==, "2026-02-15");
  g_assert_cmpint (sales_contract_summary_get_next_due_cents (b), ==, 15000);

  /* C (signed 1 March) before A (10 January); both paid in full, nothing next. */
  huawei = sales_contract_summary_list_for_customer (t->f.store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (huawei), ==, 2);
  c = g_list_model_get_item (huawei, 0);
  a = g_list_model_get_item (huawei, 1);
  g_assert_cmpstr (sales_contract_summary_get_number (c), ==, "C");
  g_assert_null (sales_contract_summary_get_next_due_on (c));
  g_assert_cmpint (sales_contract_summary_get_next_due_cents (c), ==, 0);
  g_assert_cmpint (sales_contract_summary_get_paid_cents (a), ==, 100000);
  g_assert_null (sales_contract_summary_get_next_due_on (a));
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
assert_receivable (GListModel           *list,
                   guint                 index,
                   const char           *number,
                   const char           *due_on,
                   const char           *owner_name,
                   gint64                outstanding_cents,
                   SalesInstalmentState  state,
                   int                   days_overdue)
{
  g_autoptr(SalesReceivable) item = g_list_model_get_item (list, index);
  const SalesInstalment *instalment = sales_receivable_get_instalment (item);

  g_assert_cmpstr (sales_receivable_get_contract_number (item), ==, number);
  g_assert_cmpstr (instalment->due_on, ==, due_on);
  g_assert_cmpstr (sales_receivable_get_owner_name (item), ==, owner_name);
  g_assert_cmpint (sales_receivable_get_outstanding_cents (item), ==, outstanding_cents);
  g_assert_cmpint (instalment->state, ==, state);
  g_assert_cmpint (instalment->days_overdue, ==, days_overdue);
}

static void
test_receivables (Contracts     *t,
                  gconstpointer  data)
{
  g_autoptr(SalesReceivables) list = NULL;
  g_autoptr(SalesReceivables) reminders = NULL;
  g_autoptr(SalesContract) d = NULL;
  g_autoptr(GPtrArray) plan_d = NULL;
  guint changes = 0;

  add_figures_fixture (t);
  /* D: Globex, 50.00 due on 19 April, 30 days after today (20 March), and
   * 60.00 on 20 April, 31 days after: only the first is in the list. */
  plan_d = plan_of ("2026-04-19", G_GINT64_CONSTANT (5000),
                    "2026-04-20", G_GINT64_CONSTANT (6000), NULL);
  d = add_contract (t, 2, "D", 11000, "2026-03-15", plan_d);

  /* On 20 March (the store's clock): B's first is 250.00 − 100.00 = 150.00
   * outstanding and 13 + 20 = 33 days late, its second 250.00 and 5 days
   * late, D's first due in 30 days; A's second (700.00, paid 300.00 − 300.00
   * = 0 of it by today) falls due today. Li Na's rows come before Zhang Wei's. */
  list = sales_receivables_new (t->f.store, SALES_RECEIVABLES_DEFAULT_DAYS, TRUE);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  assert_receivable (G_LIST_MODEL (list), 0, "B", "2026-02-15", "Li Na", 15000,
                     SALES_INSTALMENT_OVERDUE, 33);
  assert_receivable (G_LIST_MODEL (list), 1, "B", "2026-03-15", "Li Na", 25000,
                     SALES_INSTALMENT_OVERDUE, 5);
  assert_receivable (G_LIST_MODEL (list), 2, "D", "2026-04-19", "Li Na", 5000,
                     SALES_INSTALMENT_DUE, 0);
  assert_receivable (G_LIST_MODEL (list), 3, "A", "2026-03-20", "Zhang Wei", 70000,
                     SALES_INSTALMENT_DUE, 0);
  /* 150.00 + 250.00 + 50.00 + 700.00, of which 400.00 overdue. */
  g_assert_cmpint (sales_receivables_get_outstanding_cents (list), ==, 115000);
  g_assert_cmpint (sales_receivables_get_overdue_cents (list), ==, 40000);

  sales_receivables_set_owner_id (list, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  sales_receivables_set_owner_id (list, 0);
  sales_receivables_set_customer_id (list, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  sales_receivables_set_customer_id (list, 0);

  /* Reminders three days ahead, without the overdue: A's, due today. */
  reminders = sales_receivables_new (t->f.store, 3, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reminders)), ==, 1);
  assert_receivable (G_LIST_MODEL (reminders), 0, "A", "2026-03-20", "Zhang Wei", 70000,
                     SALES_INSTALMENT_DUE, 0);

  /* 250.00 received from Globex today settles the rest of B's first (150.00)
   * and 100.00 of its second: the list follows the store. */
  changes = 0;
  pay (t, 2, "2026-03-20", 25000);
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  assert_receivable (G_LIST_MODEL (list), 0, "B", "2026-03-15", "Li Na", 15000,
                     SALES_INSTALMENT_OVERDUE, 5);
  g_assert_cmpint (sales_receivables_get_overdue_cents (list), ==, 15000);

  /* The next morning A's is one day late and D's second comes within 30
   * days; the reminders drop A's. */
  t->f.now = local_time (2026, 3, 21, 8, 0, 0);
  sales_receivables_refresh (list);
  sales_receivables_refresh (reminders);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  assert_receivable (G_LIST_MODEL (list), 2, "D", "2026-04-20", "Li Na", 6000,
                     SALES_INSTALMENT_DUE, 0);
  assert_receivable (G_LIST_MODEL (list), 3, "A", "2026-03-20", "Zhang Wei", 70000,
                     SALES_INSTALMENT_OVERDUE, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reminders)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&list));
  g_assert_finalize_object (g_steal_pointer (&reminders));
}

/* Reminders: instalments due within 3 days or overdue, each announced once,
 * overdue ones again each day. On 20 March: A-1's 100.00 of 15 March is 5 days
 * late and its 50.00 of 22 March due in 2 days, its 50.00 of 30 March is too far
 * ahead; G-1's 80.00 of 23 March is due in 3 days. */
static void
test_notifier (Contracts     *t,
               gconstpointer  data)
{
  g_autoptr(SalesCollectionNotifier) notifier = NULL;
  g_autoptr(GPtrArray) plan_a = NULL;
  g_autoptr(GPtrArray) plan_g = NULL;
  g_autoptr(SalesContract) a = NULL;
  g_autoptr(SalesContract) g = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  SalesCollectionAlert alert = { 0 };

  plan_a = plan_of ("2026-03-15", G_GINT64_CONSTANT (10000),
                    "2026-03-22", G_GINT64_CONSTANT (5000),
                    "2026-03-30", G_GINT64_CONSTANT (5000), NULL);
  plan_g = plan_of ("2026-03-23", G_GINT64_CONSTANT (8000), NULL);
  a = add_contract (t, 1, "A-1", 20000, "2026-01-10", plan_a);
  g = add_contract (t, 2, "G-1", 8000, "2026-02-01", plan_g);

  notifier = sales_collection_notifier_new (t->f.store, NULL);
  sales_collection_notifier_set_days_ahead (notifier, 3);

  /* Two customers: one notification that names them, by rep (Li Na, Zhang Wei). */
  g_assert_true (sales_collection_notifier_check (notifier, &alert));
  g_assert_cmpuint (alert.n_instalments, ==, 3);
  g_assert_cmpint (alert.customer_id, ==, 0);
  g_assert_cmpstr (alert.title, ==, "3 instalments to collect");
  g_assert_cmpstr (alert.body, ==, "Globex, 华为");
  notification = sales_collection_alert_to_notification (&alert, &id);
  g_assert_cmpstr (id, ==, "receivables-due");
  sales_collection_alert_clear (&alert);

  /* The same day again: nothing new. */
  g_assert_false (sales_collection_notifier_check (notifier, &alert));

  /* The next morning, for Zhang Wei only: A-1's late instalment comes back, now 6 days
   * late; its 22 March one was told of already. */
  sales_collection_notifier_set_owner_id (notifier, 1);
  t->f.now = local_time (2026, 3, 21, 8, 0, 0);
  g_assert_true (sales_collection_notifier_check (notifier, &alert));
  g_assert_cmpuint (alert.n_instalments, ==, 1);
  g_assert_cmpint (alert.customer_id, ==, 1);
  g_assert_cmpstr (alert.title, ==, "Payment overdue: 华为");
  g_assert_cmpstr (alert.body, ==, "A-1: 100.00, Overdue by 6 days");
  g_clear_pointer (&id, g_free);
  g_clear_object (&notification);
  notification = sales_collection_alert_to_notification (&alert, &id);
  g_assert_cmpstr (id, ==, "receivable-1");
  sales_collection_alert_clear (&alert);

  /* Paid, it is not told of the day after; its 30 March one is 3 days ahead on 27 March. */
  pay (t, sales_record_get_id (SALES_RECORD (a)), "2026-03-21", 10000);
  t->f.now = local_time (2026, 3, 22, 8, 0, 0);
  g_assert_false (sales_collection_notifier_check (notifier, &alert));
  t->f.now = local_time (2026, 3, 27, 8, 0, 0);
  g_assert_true (sales_collection_notifier_check (notifier, &alert));
  g_assert_cmpstr (alert.title, ==, "Payment overdue: 华为");
  g_assert_cmpstr (alert.body, ==, "A-1: 50.00, Overdue by 5 days\nA-1: 50.00, Due in 3 days");
  sales_collection_alert_clear (&alert);

  g_assert_finalize_object (g_steal_pointer (&notifier));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contracts/split", test_split);
  g_test_add ("/contracts/create", Contracts, NULL,
              contracts_set_up, test_create_contract, contracts_tear_down);
  g_test_add ("/contracts/plan-sum", Contracts, NULL,
              contracts_set_up, test_plan_sum, contracts_tear_down);
  g_test_add ("/contracts/allocation", Contracts, NULL,
              contracts_set_up, test_allocation, contracts_tear_down);
  g_test_add ("/contracts/overpayment", Contracts, NULL,
              contracts_set_up, test_overpayment, contracts_tear_down);
  g_test_add ("/contracts/overdue-states", Contracts, NULL,
              contracts_set_up, test_overdue_states, contracts_tear_down);
  g_test_add ("/contracts/delete-with-payments", Contracts, NULL,
              contracts_set_up, test_delete_with_payments, contracts_tear_down);
  g_test_add ("/contracts/figures", Contracts, NULL,
              contracts_set_up, test_figures, contracts_tear_down);
  g_test_add ("/contracts/summary", Contracts, NULL,
              contracts_set_up, test_summary, contracts_tear_down);
  g_test_add ("/contracts/receivables", Contracts, NULL,
              contracts_set_up, test_receivables, contracts_tear_down);
  g_test_add ("/contracts/notifier", Contracts, NULL,
              contracts_set_up, test_notifier, contracts_tear_down);

  return g_test_run ();
}
