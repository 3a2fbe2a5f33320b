/* test-team.c: reps checked before they are written, deactivated and deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

static SalesRep *
try_rep (Fixture     *f,
         const char  *name,
         const char  *email,
         GError     **error)
{
  g_autoptr(SalesRep) draft = sales_rep_new ();

  sales_rep_set_name (draft, name);
  sales_rep_set_email (draft, email);
  return sales_store_create (f->store, SALES_RECORD (draft), error);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRep) alice = try_rep (f, "Alice Wang", "alice@example.com", &error);
  g_autoptr(SalesRep) zhang = try_rep (f, "张伟", NULL, &error);
  g_autoptr(SalesRep) draft = NULL;
  SalesRep *refused;

  g_assert_no_error (error);
  g_assert_nonnull (alice);
  g_assert_nonnull (zhang);

  /* An empty name, or only spaces. */
  refused = try_rep (f, "  ", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* An address without a name before the @ or a domain after it. */
  refused = try_rep (f, "Bob", "bob@", &error);
  g_assert_null (refused);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bob@"));
  g_clear_error (&error);

  /* The same name in another case or with spaces around it is the same rep; so is the
   * same Chinese name. */
  refused = try_rep (f, " alice WANG ", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "alice WANG"));
  g_clear_error (&error);
  refused = try_rep (f, "张伟", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM rep"), ==, 2);

  /* A rep keeps their own name through an edit, but cannot take another's. */
  draft = sales_rep_dup (alice);
  sales_rep_set_email (draft, "alice.wang@example.com");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (draft), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sales_rep_get_email (alice), ==, "alice.wang@example.com");
  sales_rep_set_name (draft, "张伟");
  g_assert_false (sales_store_update (f->store, SALES_RECORD (draft), &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (sales_rep_get_name (alice), ==, "Alice Wang");
}

static void
test_delete_and_deactivate (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRep) alice = test_add_rep (f, "Alice");
  g_autoptr(SalesRep) bob = test_add_rep (f, "Bob");
  gint64 alice_id = sales_record_get_id (SALES_RECORD (alice));
  gint64 bob_id = sales_record_get_id (SALES_RECORD (bob));
  g_autoptr(SalesCustomer) acme = test_add_customer (f, "Acme", alice_id);
  gint64 acme_id = sales_record_get_id (SALES_RECORD (acme));
  const SalesTarget target = { 100, 200, 1 };
  SalesRepRecords records;

  /* Alice owns the customer and, as its owner, the deal made for it. */
  g_autoptr(SalesDeal) deal = test_add_deal (f, acme_id, 1, "Big order", 5000);
  g_autoptr(SalesActivity) call = test_add_activity (f, acme_id, 0, TEST_T0 + 3600);

  test_exec (f->db, "UPDATE deal SET owner_id = (SELECT owner_id FROM customer)");
  test_exec (f->db, "UPDATE activity SET owner_id = (SELECT owner_id FROM customer)");
  g_assert_true (sales_store_count_rep_records (f->store, alice_id, &records, &error));
  g_assert_cmpint (records.customers, ==, 1);
  g_assert_cmpint (records.deals, ==, 1);
  g_assert_cmpint (records.activities, ==, 1);

  /* Refused: her records would lose their owner. Nothing is written. */
  g_assert_false (sales_store_delete_rep (f->store, alice, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Alice"));
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM rep"), ==, 2);
  g_assert_cmpint (test_query_int (f->db, "SELECT owner_id FROM customer"), ==, alice_id);

  /* Deactivating her instead keeps everything hers, and Undo makes her active again. */
  g_assert_true (sales_store_set_rep_active (f->store, alice, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (sales_rep_get_active (alice));
  g_assert_cmpint (test_query_int (f->db, "SELECT active FROM rep WHERE name = 'Alice'"), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT owner_id FROM deal"), ==, alice_id);
  g_assert_true (sales_store_can_undo (f->store));
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sales_rep_get_active (alice));
  g_assert_cmpint (test_query_int (f->db, "SELECT active FROM rep WHERE name = 'Alice'"), ==, 1);

  /* Bob owns nothing but a target: he goes, with it, and comes back with Undo. */
  g_assert_true (sales_store_set_targets (f->store, bob_id, "2026-01", &target, 1, &error));
  g_assert_true (sales_store_count_rep_records (f->store, bob_id, &records, &error));
  g_assert_cmpint (records.customers + records.deals + records.activities, ==, 0);
  g_assert_true (sales_store_delete_rep (f->store, bob, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM rep"), ==, 1);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 0);
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM rep"), ==, 2);
  g_assert_cmpint (test_query_int (f->db, "SELECT amount_cents FROM target"), ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/team/validation", Fixture, NULL, fixture_set_up, test_validation,
              fixture_tear_down);
  g_test_add ("/team/delete-and-deactivate", Fixture, NULL, fixture_set_up,
              test_delete_and_deactivate, fixture_tear_down);

  return g_test_run ();
}
