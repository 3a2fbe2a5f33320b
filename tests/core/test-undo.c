/* test-undo.c: undo of deletes (with all they cascade to) and of moves
 *
 * Every test starts from the same small company, built in set_up:
 *   reps       1 Zhang Wei, 2 Li Na
 *   customers  1 华为 (owner 1), 2 Globex (owner 1)
 *   contacts   1 Li Lei (华为, primary), 2 Wang Tao (华为), 3 Han Meimei (Globex)
 *   deals      1 ERP (华为, owner 1, moved Lead -> Won), 2 CRM (华为, Lead),
 *              3 Cloud (Globex, Lead)
 *   history    1: deal 1 NULL->1, 2: deal 2 NULL->1, 3: deal 3 NULL->1, 4: deal 1 1->6
 *   activities 1 (华为, deal 1, owner 1), 2 (华为), 3 (Globex, deal 3)
 *   contract 1 for deal 1 with payment plans 1, 2 and payment 1; targets 1 (rep 1), 2 (team)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

typedef struct
{
  Fixture        f;
  SalesRep      *zhang;
  SalesCustomer *huawei;
  SalesDeal     *erp;
  SalesDeal     *crm;
  SignalLog      log;
} Company;

static void
company_set_up (Company       *c,
                gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(SalesRep) li = NULL;
  g_autoptr(SalesCustomer) globex = NULL;
  g_autoptr(SalesContact) k1 = NULL, k2 = NULL, k3 = NULL;
  g_autoptr(SalesDeal) cloud = NULL;
  g_autoptr(SalesDeal) edit = NULL;
  g_autoptr(SalesActivity) a1 = NULL, a2 = NULL, a3 = NULL;
  g_autoptr(SalesActivity) a1_edit = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (f, data);

  c->zhang = test_add_rep (f, "Zhang Wei");
  li = test_add_rep (f, "Li Na");
  c->huawei = test_add_customer (f, "华为", 1);
  globex = test_add_customer (f, "Globex", 1);
  k1 = test_add_contact (f, 1, "Li Lei", TRUE);
  k2 = test_add_contact (f, 1, "Wang Tao", FALSE);
  k3 = test_add_contact (f, 2, "Han Meimei", FALSE);
  c->erp = test_add_deal (f, 1, 1, "ERP", 12000000);
  c->crm = test_add_deal (f, 1, 1, "CRM", 3000000);
  cloud = test_add_deal (f, 2, 1, "Cloud", 800000);

  edit = sales_deal_dup (c->erp);
  sales_deal_set_owner_id (edit, 1);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  f->now = TEST_T0 + 3600;
  g_assert_true (sales_store_move_deal (f->store, c->erp, 6, 0, &error));
  g_assert_no_error (error);

  a1 = test_add_activity (f, 1, 1, TEST_T0 + 86400);
  a2 = test_add_activity (f, 1, 0, TEST_T0 + 86400);
  a3 = test_add_activity (f, 2, 3, TEST_T0 + 86400);
  a1_edit = sales_activity_dup (a1);
  sales_activity_set_owner_id (a1_edit, 1);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (a1_edit), &error));
  g_assert_no_error (error);

  /* Contracts, payments and targets have no store API yet. */
  test_exec (f->db,
             "INSERT INTO contract (customer_id, deal_id, number, amount_cents, signed_on) "
             "  VALUES (1, 1, 'HT-2023-001', 12000000, '2023-11-15');"
             "INSERT INTO payment_plan (contract_id, due_on, amount_cents) "
             "  VALUES (1, '2023-12-01', 6000000), (1, '2024-01-01', 6000000);"
             "INSERT INTO payment (contract_id, received_on, amount_cents) "
             "  VALUES (1, '2023-12-03', 6000000);"
             "INSERT INTO target (owner_id, month, amount_cents, stretch_cents, new_customers) "
             "  VALUES (1, '2023-11', 10000000, 15000000, 2), (NULL, '2023-11', 30000000, 0, 5)");

  g_assert_cmpint (sales_db_count (f->db, "deal_stage_history"), ==, 4);
  signal_log_start (&c->log, f->store);
}

static void
company_tear_down (Company       *c,
                   gconstpointer  data)
{
  signal_log_stop (&c->log, c->f.store);
  g_clear_object (&c->zhang);
  g_clear_object (&c->huawei);
  g_clear_object (&c->erp);
  g_clear_object (&c->crm);
  fixture_tear_down (&c->f, data);
}

static const char * const tables[] = {
  "stage", "rep", "customer", "contact", "deal", "deal_stage_history", "lost_reason",
  "activity", "target", "contract", "payment_plan", "payment",
};

static char *
counts (SalesDb *db)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            sales_db_count (db, tables[i]));

  return g_string_free (s, FALSE);
}

static void
undo (Company *c)
{
  g_autoptr(GError) error = NULL;

  signal_log_clear (&c->log);
  g_assert_true (sales_store_undo (c->f.store, &error));
  g_assert_no_error (error);
  g_assert_false (sales_store_can_undo (c->f.store));
  g_assert_null (sales_store_get_undo_label (c->f.store));
}

static void
test_delete_customer (Company       *c,
                      gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesCustomer) back = NULL;
  g_autofree char *before = test_dump_all (f->db);
  g_autofree char *before_counts = counts (f->db);
  g_autofree char *after = NULL;
  g_autofree char *after_counts = NULL;

  /*                                stage rep cust cont deal hist reas act tgt ctr plan pay */
  g_assert_cmpstr (before_counts, ==, "7 2 2 3 3 4 5 3 2 1 2 1");

  g_assert_true (sales_store_delete (f->store, SALES_RECORD (c->huawei), &error));
  g_assert_no_error (error);
  after_counts = counts (f->db);
  g_assert_cmpstr (after_counts, ==, "7 2 1 1 1 1 5 1 2 0 0 0");
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Deleted customer “华为”");

  /* The customer, 2 contacts, 2 deals, 2 follow-ups, the contract, its 2 instalments and payment. */
  g_assert_cmpuint (c->log.events->len, ==, 11);
  signal_log_assert (&c->log, 0, SALES_RECORD_CUSTOMER, 1, SALES_CHANGE_DELETED);
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_CONTRACT, 1, SALES_CHANGE_DELETED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_PAYMENT, 1, SALES_CHANGE_DELETED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_CONTACT, 1, SALES_CHANGE_DELETED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_CONTACT, 2, SALES_CHANGE_DELETED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_DEAL, 1, SALES_CHANGE_DELETED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_DEAL, 2, SALES_CHANGE_DELETED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_ACTIVITY, 1, SALES_CHANGE_DELETED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_ACTIVITY, 2, SALES_CHANGE_DELETED));

  undo (c);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (c->log.events->len, ==, 11);
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_CUSTOMER, 1, SALES_CHANGE_INSERTED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_DEAL, 2, SALES_CHANGE_INSERTED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_ACTIVITY, 2, SALES_CHANGE_INSERTED));

  back = sales_store_get_customer (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sales_customer_get_name (back), ==, "华为");

  g_assert_false (sales_store_undo (f->store, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
}

static void
test_delete_rep (Company       *c,
                 gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_all (f->db);
  g_autofree char *after = NULL;
  g_autofree char *owners = NULL;

  g_assert_true (sales_store_delete (f->store, SALES_RECORD (c->zhang), &error));
  g_assert_no_error (error);

  /* Customers go to the public pool, deals and follow-ups to nobody, targets go. */
  owners = test_query_text (f->db,
                            "SELECT (SELECT count (*) FROM customer WHERE owner_id IS NULL) || "
                            "(SELECT count (*) FROM deal WHERE owner_id IS NULL) || "
                            "(SELECT count (*) FROM activity WHERE owner_id IS NULL) || "
                            "(SELECT count (*) FROM target)");
  g_assert_cmpstr (owners, ==, "2331");
  g_assert_cmpint (sales_customer_get_owner_id (c->huawei), ==, 0);
  g_assert_cmpint (sales_deal_get_owner_id (c->erp), ==, 0);

  g_assert_cmpuint (c->log.events->len, ==, 5);
  signal_log_assert (&c->log, 0, SALES_RECORD_REP, 1, SALES_CHANGE_DELETED);
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_CUSTOMER, 1, SALES_CHANGE_UPDATED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_CUSTOMER, 2, SALES_CHANGE_UPDATED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_DEAL, 1, SALES_CHANGE_UPDATED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_ACTIVITY, 1, SALES_CHANGE_UPDATED));

  undo (c);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sales_customer_get_owner_id (c->huawei), ==, 1);
  g_assert_cmpint (sales_deal_get_owner_id (c->erp), ==, 1);
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_REP, 1, SALES_CHANGE_INSERTED));
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_CUSTOMER, 2, SALES_CHANGE_UPDATED));
}

static void
test_delete_deal (Company       *c,
                  gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_all (f->db);
  g_autofree char *after = NULL;
  g_autofree char *after_counts = NULL;

  g_assert_true (sales_store_delete (f->store, SALES_RECORD (c->erp), &error));
  g_assert_no_error (error);

  /* Its history and follow-ups go; the contract stays, without the deal. */
  after_counts = counts (f->db);
  g_assert_cmpstr (after_counts, ==, "7 2 2 3 2 2 5 2 2 1 2 1");
  g_assert_cmpint (test_query_int (f->db, "SELECT deal_id IS NULL FROM contract"), ==, 1);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Deleted deal “ERP”");
  g_assert_cmpuint (c->log.events->len, ==, 3);
  signal_log_assert (&c->log, 0, SALES_RECORD_DEAL, 1, SALES_CHANGE_DELETED);
  signal_log_assert (&c->log, 1, SALES_RECORD_ACTIVITY, 1, SALES_CHANGE_DELETED);
  g_assert_true (signal_log_contains (&c->log, SALES_RECORD_CONTRACT, 1, SALES_CHANGE_UPDATED));

  undo (c);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete_lost_reason (Company       *c,
                         gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesLostReason) reason = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (sales_store_mark_lost (f->store, c->crm, 7, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_deal_get_lost_reason_id (c->crm), ==, 2);
  before = test_dump_all (f->db);

  reason = sales_store_get_lost_reason (f->store, 2, &error);
  g_assert_cmpstr (sales_lost_reason_get_name (reason), ==, "Chose a competitor");
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (reason), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_deal_get_lost_reason_id (c->crm), ==, 0);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==,
                   "Deleted lost reason “Chose a competitor”");

  undo (c);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sales_deal_get_lost_reason_id (c->crm), ==, 2);
}

static void
test_undo_move (Company       *c,
                gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_all (f->db);
  g_autofree char *after = NULL;

  f->now = TEST_T0 + 7200;
  g_assert_true (sales_store_move_deal (f->store, c->crm, 6, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_deal_get_closed_at (c->crm), ==, 1700007200);
  g_assert_cmpint (sales_db_count (f->db, "deal_stage_history"), ==, 5);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Moved “CRM” to Won");

  undo (c);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sales_deal_get_stage_id (c->crm), ==, 1);
  g_assert_cmpint (sales_deal_get_closed_at (c->crm), ==, 0);
  g_assert_cmpint (sales_deal_get_stage_changed_at (c->crm), ==, 1700000000);
  g_assert_cmpuint (c->log.events->len, ==, 1);
  signal_log_assert (&c->log, 0, SALES_RECORD_DEAL, 2, SALES_CHANGE_UPDATED);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_last_action_only (Company       *c,
                       gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesContact) wang = sales_store_get_contact (f->store, 2, &error);
  g_autoptr(SalesActivity) call = sales_store_get_activity (f->store, 2, &error);
  g_autoptr(SalesContact) gone = NULL;
  g_autoptr(SalesRep) rep = NULL;
  guint can_undo_changes = 0;

  g_assert_true (sales_store_delete (f->store, SALES_RECORD (wang), &error));
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Deleted contact “Wang Tao”");

  /* A new destructive action replaces the entry. */
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (call), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Deleted follow-up");
  undo (c);
  g_assert_cmpint (sales_db_count (f->db, "activity"), ==, 3);
  g_assert_cmpint (sales_db_count (f->db, "contact"), ==, 2);
  gone = sales_store_get_contact (f->store, 2, &error);
  g_assert_null (gone);
  g_clear_error (&error);

  /* Any other write forgets it: undo writes whole rows back. */
  g_assert_true (sales_store_delete (f->store, SALES_RECORD (call), &error));
  g_assert_true (sales_store_can_undo (f->store));
  g_signal_connect (f->store, "notify::can-undo", G_CALLBACK (count_notify), &can_undo_changes);
  rep = test_add_rep (f, "Chen Jing");
  g_assert_false (sales_store_can_undo (f->store));
  g_assert_cmpuint (can_undo_changes, ==, 1);
  g_signal_handlers_disconnect_by_data (f->store, &can_undo_changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Company, NULL, company_set_up, func, company_tear_down)
  ADD ("/undo/delete-customer", test_delete_customer);
  ADD ("/undo/delete-rep", test_delete_rep);
  ADD ("/undo/delete-deal", test_delete_deal);
  ADD ("/undo/delete-lost-reason", test_delete_lost_reason);
  ADD ("/undo/move", test_undo_move);
  ADD ("/undo/last-action-only", test_last_action_only);
#undef ADD

  return g_test_run ();
}
