/* test-kpi-summary.c: the derived sums of the key figures stay exact
 *
 * Sample data (through the generator's bulk path, which suspends the triggers and rebuilds
 * the sums afterwards, and through its batch path, where the triggers run), then random
 * writes of every kind through the store and, as a user of the sqlite3 shell would, in
 * plain SQL: moves, wins, losses, reopenings, edits, deletions and their undo, merges,
 * owner changes, follow-ups done and rescheduled, payments, instalments and contracts,
 * a stage changing kind. After each round two things must hold:
 *  - the derived tables are what a rebuild from scratch makes of the same data;
 *  - every figure of many periods (months on both sides of the data's end, a quarter, a
 *    year; the team and one rep) is the same from the sums as from the documented tables
 *    alone (sales_kpi_compute_direct()), JSON field for field.
 * The tests run in Asia/Shanghai, so local months end eight hours before UTC days do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-kpi-private.h"
#include "sales-kpi-summary.h"
#include "test-util.h"

static const char * const derived[] = {
  "SELECT * FROM kpi_deal ORDER BY deal_id",
  "SELECT * FROM kpi_closed_sum WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6",
  "SELECT * FROM kpi_created_sum WHERE n <> 0 ORDER BY 1, 2, 3, 4",
  "SELECT * FROM kpi_activity_sum WHERE n <> 0 ORDER BY 1, 2, 3",
  "SELECT * FROM kpi_due_sum WHERE n <> 0 ORDER BY 1, 2, 3",
  "SELECT * FROM kpi_customer ORDER BY customer_id",
  "SELECT * FROM kpi_payment ORDER BY payment_id",
  "SELECT * FROM kpi_payment_sum WHERE amount <> 0 ORDER BY 1, 2, 3",
  "SELECT * FROM kpi_contract ORDER BY contract_id",
  "SELECT * FROM kpi_overdue_step ORDER BY 1, 2, 3, 4",
  "SELECT * FROM kpi_overdue_sum WHERE delta <> 0 ORDER BY 1, 2, 3",
};

static char *
dump (SalesDb    *db,
      const char *sql)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s|", sqlite3_column_type (stmt, i) == SQLITE_NULL
                                             ? "NULL" : (const char *)sqlite3_column_text (stmt,
                                                                                          i));
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

/* The derived tables as the triggers left them, against a rebuild rolled back after. */
static void
assert_same_as_rebuild (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *before[G_N_ELEMENTS (derived)];

  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    before[i] = dump (f->db, derived[i]);

  g_assert_true (sales_db_begin (f->db, &error));
  g_assert_true (sales_kpi_summary_rebuild (f->db, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      g_autofree char *after = dump (f->db, derived[i]);

      if (g_strcmp0 (before[i], after) != 0)
        g_test_message ("%s\ntriggers:\n%s\nrebuild:\n%s", derived[i], before[i], after);
      g_assert_cmpstr (before[i], ==, after);
      g_free (before[i]);
    }
  sales_db_rollback (f->db);
}

static void
assert_same_figures (Fixture    *f,
                     const char *text,
                     gint64      rep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesKpi) sums = NULL;
  g_autoptr(SalesKpi) direct = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  SalesKpiPeriod period;

  g_assert_true (sales_kpi_period_parse (&period, text, &error));
  sums = sales_kpi_compute (f->db, &period, rep, NULL, &error);
  g_assert_no_error (error);
  direct = sales_kpi_compute_direct (f->db, &period, rep, NULL, &error);
  g_assert_no_error (error);
  a = sales_kpi_to_json (sums, TRUE);
  b = sales_kpi_to_json (direct, TRUE);
  if (g_strcmp0 (a, b) != 0)
    g_test_message ("%s, rep %" G_GINT64_FORMAT, text, rep);
  g_assert_cmpstr (a, ==, b);
}

static void
assert_exact (Fixture *f)
{
  static const char * const periods[] = {
    "2022-11", "2023-01", "2023-06", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01",
    "2023-Q4", "2023", "2024",
  };

  assert_same_as_rebuild (f);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    assert_same_figures (f, periods[i], 0);
  assert_same_figures (f, "2023-11", 2);
  assert_same_figures (f, "2023", 3);
}

static void
generate (Fixture *f,
          guint    bulk_deals)
{
  g_autoptr(GError) error = NULL;
  SalesDemoOptions options;

  sales_demo_options_init (&options);
  options.deals = 240;
  options.reps = 4;
  options.seed = 11;
  options.now = TEST_T0;
  options.batch_size = 100;
  options.bulk_deals = bulk_deals;
  g_assert_true (sales_demo_generate (f->db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The id at a random place of @table (0 when it is empty). */
static gint64
pick (Fixture    *f,
      GRand      *rand,
      const char *table)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *sql = NULL;
  gint64 n = test_query_int (f->db, count_sql);

  if (n == 0)
    return 0;
  sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id LIMIT 1 OFFSET %d", table,
                         g_rand_int_range (rand, 0, (gint32)n));
  return test_query_int (f->db, sql);
}

static void
shell_edit (Fixture *f,
            GRand   *rand)
{
  g_autofree char *sql = NULL;
  gint64 deal = pick (f, rand, "deal");
  gint64 activity = pick (f, rand, "activity");
  gint64 payment = pick (f, rand, "payment");
  gint64 plan = pick (f, rand, "payment_plan");
  gint64 customer = pick (f, rand, "customer");

  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0:
      sql = g_strdup_printf ("UPDATE deal SET amount_cents = amount_cents + 12345,"
                             " owner_id = %d WHERE id = %" G_GINT64_FORMAT,
                             g_rand_int_range (rand, 1, 5), deal);
      break;
    case 1:
      sql = g_strdup_printf ("UPDATE customer SET source = '%s' WHERE id = %" G_GINT64_FORMAT,
                             g_rand_boolean (rand) ? "trade show" : "referral", customer);
      break;
    case 2:
      sql = g_strdup_printf ("UPDATE activity SET done_at = CASE"
                             " WHEN done_at IS NULL OR due_at IS NULL"
                             " THEN coalesce(due_at, done_at) + %d END, satisfaction = 4,"
                             " kind = 'service' WHERE id = %" G_GINT64_FORMAT,
                             g_rand_int_range (rand, -90000, 200000), activity);
      break;
    case 3:
      sql = g_strdup_printf ("DELETE FROM activity WHERE id = %" G_GINT64_FORMAT, activity);
      break;
    case 4:
      sql = g_strdup_printf ("UPDATE payment SET received_on = date(received_on, '+40 days'),"
                             " amount_cents = amount_cents + 100 WHERE id = %" G_GINT64_FORMAT,
                             payment);
      break;
    case 5:
      sql = g_strdup_printf ("UPDATE payment_plan SET due_on = date(due_on, '-35 days')"
                             " WHERE id = %" G_GINT64_FORMAT, plan);
      break;
    case 6:
      sql = g_strdup_printf ("DELETE FROM payment WHERE id = %" G_GINT64_FORMAT, payment);
      break;
    case 7:
      sql = g_strdup_printf ("UPDATE deal SET closed_at = closed_at - 86400 * 20"
                             " WHERE id = %" G_GINT64_FORMAT " AND closed_at - 86400 * 20 >="
                             " created_at", deal);
      break;
    default:
      sql = g_strdup_printf ("DELETE FROM deal_stage_history WHERE id = (SELECT max(id) FROM"
                             " deal_stage_history WHERE deal_id = %" G_GINT64_FORMAT ")", deal);
      break;
    }
  test_exec (f->db, sql);
}

static void
store_edit (Fixture *f,
            GRand   *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDeal) deal = NULL;
  gint64 deal_id = pick (f, rand, "deal");
  gint64 customer_id = pick (f, rand, "customer");
  gint64 other_id = pick (f, rand, "customer");

  deal = sales_store_get_deal (f->store, deal_id, NULL);
  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0:
    case 1:
      sales_store_move_deal (f->store, deal, g_rand_int_range (rand, 1, 6), 0, &error);
      break;
    case 2:
      sales_store_mark_won (f->store, deal, sales_deal_get_amount_cents (deal) + 500, &error);
      break;
    case 3:
      sales_store_mark_lost (f->store, deal, 7, g_rand_int_range (rand, 1, 4), NULL, &error);
      break;
    case 4:
      sales_store_delete (f->store, SALES_RECORD (deal), &error);
      break;
    case 5:
      if (customer_id != other_id)
        sales_store_merge_customers (f->store, customer_id, other_id, &error);
      break;
    case 6:
      sales_store_assign_customers (f->store, &customer_id, 1,
                                    g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 1, 5),
                                    &error);
      break;
    case 7:
      sales_store_delete_customers (f->store, &customer_id, 1, &error);
      break;
    default:
      {
        g_autoptr(SalesPayment) draft = sales_payment_new ();
        gint64 contract = pick (f, rand, "contract");
        gint64 id = 0;

        sales_payment_set_contract_id (draft, contract);
        sales_payment_set_received_on (draft, "2023-11-20");
        sales_payment_set_amount_cents (draft, g_rand_int_range (rand, 1, 5000000));
        if (contract != 0)
          sales_store_record_payment (f->store, draft, &id, &error);
      }
      break;
    }

  /* Some writes are refused (a merge of a customer with itself…): what counts is that the
   * sums follow whatever was written. */
  g_clear_error (&error);
  if (g_rand_int_range (rand, 0, 3) == 0 && sales_store_can_undo (f->store))
    sales_store_undo (f->store, NULL);
}

static void
run_random_writes (Fixture *f,
                   guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (int round = 0; round < 6; round++)
    {
      for (int i = 0; i < 12; i++)
        {
          f->now += g_rand_int_range (rand, 600, 36000);
          if (g_rand_boolean (rand))
            store_edit (f, rand);
          else
            shell_edit (f, rand);
        }
      assert_exact (f);
    }

  /* A stage that changes kind changes which customers have won, and which deals count. */
  test_exec (f->db, "UPDATE stage SET kind = 'won' WHERE id = 5");
  assert_exact (f);
  test_exec (f->db, "UPDATE stage SET kind = 'open' WHERE id = 5");
  test_exec (f->db, "UPDATE stage SET position = 0 WHERE id = 3");
  assert_exact (f);
}

static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  generate (f, 100);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_deal"), ==, 240);
  assert_exact (f);
  run_random_writes (f, 1);
}

static void
test_batches (Fixture       *f,
              gconstpointer  data)
{
  generate (f, 100000);
  assert_exact (f);
  run_random_writes (f, 2);
}

/* The public pool's way of changing many owners at once: the customers listed in
 * kpi_owner_move, their owners changed (some to the pool, some to another rep, some to the
 * same), and the derived tables moved set-based, equal what a rebuild makes; the list is
 * empty after, and an owner changed the ordinary way is moved by the triggers again. */
static void
test_owner_move (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 moved_payments;

  generate (f, 100);
  moved_payments = test_query_int (f->db, "SELECT count(*) FROM payment p"
                                          " JOIN contract c ON c.id = p.contract_id"
                                          " WHERE c.customer_id % 3 = 0");
  g_assert_cmpint (moved_payments, >, 0);

  g_assert_true (sales_db_begin (f->db, &error));
  test_exec (f->db, "INSERT INTO kpi_owner_move SELECT id FROM customer WHERE id % 3 = 0;"
                    "UPDATE customer SET owner_id = CASE id % 4 WHEN 0 THEN NULL"
                    "  WHEN 1 THEN owner_id ELSE coalesce(owner_id, 0) % 4 + 1 END"
                    " WHERE id % 3 = 0");
  g_assert_true (sales_kpi_summary_move_owners (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (sales_db_commit (f->db, &error));

  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_owner_move"), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_payment k"
                                          " JOIN payment p ON p.id = k.payment_id"
                                          " JOIN contract c ON c.id = p.contract_id"
                                          " WHERE c.customer_id % 12 = 0 AND k.owner_id = 0"),
                   >, 0);
  assert_exact (f);

  test_exec (f->db, "UPDATE customer SET owner_id = 2 WHERE id IN"
                    " (SELECT customer_id FROM contract ORDER BY id LIMIT 3)");
  assert_exact (f);
}

/* The owner move's statements run with the triggers off (sales_kpi_summary_set_triggers()):
 * the public pool's update of customer.owner_id and updated_at, and the move's own writes to
 * the derived tables. That is right only while every trigger they would fire is one that
 * leaves the customers in kpi_owner_move alone: a trigger added to these tables has to be
 * looked at here, and either do what the move does or make the move run it. */
static void
test_owner_move_triggers (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *triggers = NULL;

  triggers = test_query_text (f->db,
                              "SELECT group_concat(name, ' ') FROM"
                              " (SELECT name FROM sqlite_master WHERE type = 'trigger' AND"
                              "  ((tbl_name IN ('customer', 'kpi_customer', 'kpi_payment',"
                              "                 'kpi_contract', 'kpi_overdue_step')"
                              "    AND substr(sql, 1, instr(sql, ' ON ')) LIKE '% UPDATE %')"
                              "   OR tbl_name IN ('kpi_payment_sum', 'kpi_overdue_sum',"
                              "                   'kpi_owner_move'))"
                              "  ORDER BY name)");
  /* customer_dirty_update and kpi_customer_source fire on other columns than owner_id and
   * updated_at; the two sums' triggers only when a row's amount or day changes, or when
   * kpi_owner_move is empty; kpi_customer_owner leaves the customers listed there. */
  g_assert_cmpstr (triggers, ==,
                   "customer_dirty_update kpi_customer_owner kpi_customer_source "
                   "kpi_overdue_sums_update kpi_payment_sums_update");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kpi-summary/bulk", Fixture, NULL, fixture_set_up, test_bulk,
              fixture_tear_down);
  g_test_add ("/kpi-summary/batches", Fixture, NULL, fixture_set_up, test_batches,
              fixture_tear_down);
  g_test_add ("/kpi-summary/owner-move", Fixture, NULL, fixture_set_up, test_owner_move,
              fixture_tear_down);
  g_test_add ("/kpi-summary/owner-move-triggers", Fixture, NULL, fixture_set_up,
              test_owner_move_triggers, fixture_tear_down);
  return g_test_run ();
}
