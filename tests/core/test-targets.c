/* test-targets.c: monthly targets set, spread over a year and copied from the year before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

static void
test_spread (void)
{
  gint64 months[12];
  gint64 weights[12] = { 0 };

  /* 100 000 007 cents evenly: 8 333 333 a month, 11 × that is 91 666 663, and December
   * takes the rest, 8 333 344. */
  sales_target_spread (100000007, NULL, months);
  for (guint i = 0; i < 11; i++)
    g_assert_cmpint (months[i], ==, 8333333);
  g_assert_cmpint (months[11], ==, 8333344);

  /* 1001 like weights January 1, June 2 (of 3): January 333 (333.67 down), June 667
   * (667.33 down), December the last cent. */
  weights[0] = 1;
  weights[5] = 2;
  sales_target_spread (1001, weights, months);
  g_assert_cmpint (months[0], ==, 333);
  g_assert_cmpint (months[5], ==, 667);
  g_assert_cmpint (months[1], ==, 0);
  g_assert_cmpint (months[11], ==, 1);

  /* 100 000.00 evenly: 10 000 000 cents / 12 is 833 333 (8 333.33) with 4 cents over;
   * eleven months of 8 333.33 make 91 666.63, and December takes 100 000.00 − 91 666.63 =
   * 8 333.37. */
  sales_target_spread (10000000, NULL, months);
  for (guint i = 0; i < 11; i++)
    g_assert_cmpint (months[i], ==, 833333);
  g_assert_cmpint (months[11], ==, 833337);

  /* Less than a cent a month: 5 cents give nothing to January–November, all to December. */
  sales_target_spread (5, NULL, months);
  g_assert_cmpint (months[0], ==, 0);
  g_assert_cmpint (months[10], ==, 0);
  g_assert_cmpint (months[11], ==, 5);

  /* Nothing won last year: evenly. 1200 is 100 a month. */
  memset (weights, 0, sizeof weights);
  sales_target_spread (1200, weights, months);
  g_assert_cmpint (months[0], ==, 100);
  g_assert_cmpint (months[11], ==, 100);
}

static void
count_signal (SalesStore *store,
              guint      *count)
{
  (*count)++;
}

static void
test_set_and_undo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRep) rep = test_add_rep (f, "Alice");
  gint64 alice = sales_record_get_id (SALES_RECORD (rep));
  const SalesTarget two[2] = { { 100, 200, 1 }, { 300, 400, 2 } };
  const SalesTarget team = { 5000, 6000, 7 };
  SalesTarget t;
  gboolean exists;
  guint changed = 0;
  g_autoptr(SalesRep) bob = NULL;

  /* Every write, Undo and Redo of targets is announced (the Dashboard follows it); other
   * writes are not. */
  g_signal_connect (f->store, "targets-changed", G_CALLBACK (count_signal), &changed);
  bob = test_add_rep (f, "Bob");
  g_assert_cmpuint (changed, ==, 0);

  /* December 2026 and January 2027: the run crosses the year. */
  g_assert_true (sales_store_set_targets (f->store, alice, "2026-12", two, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (sales_store_get_target (f->store, alice, "2027-01", &t, &exists, &error));
  g_assert_true (exists);
  g_assert_cmpint (t.amount_cents, ==, 300);
  g_assert_cmpint (t.stretch_cents, ==, 400);
  g_assert_cmpint (t.new_customers, ==, 2);
  /* The team's row is another row of the same month. */
  g_assert_true (sales_store_set_targets (f->store, 0, "2027-01", &team, 1, &error));
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 3);
  g_assert_cmpint (test_query_int (f->db, "SELECT amount_cents FROM target "
                                          "WHERE owner_id IS NULL"), ==, 5000);

  /* Overwrite one month, then undo: the old values come back (Undo is one step deep). */
  g_assert_true (sales_store_set_targets (f->store, alice, "2027-01", &team, 1, &error));
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sales_store_get_target (f->store, alice, "2027-01", &t, NULL, &error));
  g_assert_cmpint (t.amount_cents, ==, 300);

  /* Two new months in one action go with one undo, and come back with redo. */
  g_assert_true (sales_store_set_targets (f->store, alice, "2028-01", two, 2, &error));
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 5);
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 3);
  g_assert_true (sales_store_get_target (f->store, alice, "2028-02", &t, &exists, &error));
  g_assert_false (exists);
  g_assert_cmpint (t.amount_cents, ==, 0);
  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 5);
  /* Four writes, two Undos and a Redo. */
  g_assert_cmpuint (changed, ==, 7);

  g_assert_false (sales_store_set_targets (f->store, alice, "2026-13", two, 1, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpuint (changed, ==, 7);
}

static void
test_spread_like_last_year (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRep) rep = test_add_rep (f, "Alice");
  gint64 alice = sales_record_get_id (SALES_RECORD (rep));
  g_autofree char *sql = NULL;
  g_autoptr(GDateTime) march = g_date_time_new_local (2025, 3, 31, 23, 30, 0);
  g_autoptr(GDateTime) april = g_date_time_new_local (2025, 4, 1, 0, 30, 0);
  g_autoptr(GDateTime) sept = g_date_time_new_local (2025, 9, 10, 12, 0, 0);
  const SalesTarget keep = { 1, 999, 4 };
  SalesTarget t;

  /* Alice won 300 on 03-31 23:30 local (15:30 UTC, still March either way), 600 on 04-01
   * 00:30 local (03-31 16:30 UTC: April here, March in UTC) and 100 in September; someone
   * else's win does not count. Weights: March 300, April 600, September 100, of 1000. */
  test_exec (f->db, "INSERT INTO customer (id, name, created_at, updated_at) "
                    "VALUES (1, 'Acme', 0, 0)");
  sql = g_strdup_printf ("INSERT INTO deal (title, customer_id, owner_id, stage_id, amount_cents,"
                         " created_at, stage_changed_at, closed_at) VALUES"
                         " ('a', 1, %1$" G_GINT64_FORMAT ", 6, 300, 0, 0, %2$" G_GINT64_FORMAT "),"
                         " ('b', 1, %1$" G_GINT64_FORMAT ", 6, 600, 0, 0, %3$" G_GINT64_FORMAT "),"
                         " ('c', 1, %1$" G_GINT64_FORMAT ", 6, 100, 0, 0, %4$" G_GINT64_FORMAT "),"
                         " ('d', 1, NULL, 6, 5000, 0, 0, %4$" G_GINT64_FORMAT "),"
                         " ('e', 1, %1$" G_GINT64_FORMAT ", 7, 7000, 0, 0, %4$" G_GINT64_FORMAT ")",
                         alice, g_date_time_to_unix (march), g_date_time_to_unix (april),
                         g_date_time_to_unix (sept));
  test_exec (f->db, sql);
  g_assert_true (sales_store_set_targets (f->store, alice, "2026-04", &keep, 1, &error));

  /* 2 000 001 like that: March 600 000 (0.3), April 1 200 000 (0.6), September 200 000
   * (0.1), rounded down, December the 1 cent left. April keeps its stretch and new
   * customers. */
  g_assert_true (sales_store_spread_year_target (f->store, alice, 2026, 2000001, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sales_store_get_target (f->store, alice, "2026-03", &t, NULL, &error));
  g_assert_cmpint (t.amount_cents, ==, 600000);
  g_assert_true (sales_store_get_target (f->store, alice, "2026-04", &t, NULL, &error));
  g_assert_cmpint (t.amount_cents, ==, 1200000);
  g_assert_cmpint (t.stretch_cents, ==, 999);
  g_assert_cmpint (t.new_customers, ==, 4);
  g_assert_true (sales_store_get_target (f->store, alice, "2026-09", &t, NULL, &error));
  g_assert_cmpint (t.amount_cents, ==, 200000);
  g_assert_true (sales_store_get_target (f->store, alice, "2026-12", &t, NULL, &error));
  g_assert_cmpint (t.amount_cents, ==, 1);
  g_assert_cmpint (test_query_int (f->db, "SELECT sum(amount_cents) FROM target "
                                          "WHERE month LIKE '2026-%'"), ==, 2000001);
  /* One undo takes all twelve months back to before: only April's row, as it was. */
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 1);
  g_assert_cmpint (test_query_int (f->db, "SELECT amount_cents FROM target"), ==, 1);
}

static void
test_copy_from_last_year (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const SalesTarget march = { 1000005, 1500000, 3 };
  const SalesTarget may = { 10, 0, 0 };
  SalesTarget t;
  gboolean exists;

  g_assert_true (sales_store_set_targets (f->store, 0, "2025-03", &march, 1, &error));
  g_assert_true (sales_store_set_targets (f->store, 0, "2025-05", &may, 1, &error));

  /* +10 %: 1 000 005 × 1.1 = 1 100 005.5, to the cent 1 100 006; 1 500 000 → 1 650 000;
   * 3 new customers → 3.3 → 3; May's 10 → 11. Months with no row in 2025 get none. */
  g_assert_true (sales_store_copy_targets_from_last_year (f->store, 0, 2026, 10, &error));
  g_assert_no_error (error);
  g_assert_true (sales_store_get_target (f->store, 0, "2026-03", &t, &exists, &error));
  g_assert_true (exists);
  g_assert_cmpint (t.amount_cents, ==, 1100006);
  g_assert_cmpint (t.stretch_cents, ==, 1650000);
  g_assert_cmpint (t.new_customers, ==, 3);
  g_assert_true (sales_store_get_target (f->store, 0, "2026-05", &t, NULL, &error));
  g_assert_cmpint (t.amount_cents, ==, 11);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 4);

  /* −100 % at most. */
  g_assert_false (sales_store_copy_targets_from_last_year (f->store, 0, 2026, -101, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
}

static void
test_raise (void)
{
  const SalesTarget last = { 833333, 1000050, 7 };
  const SalesTarget small = { 1, 2, 1 };
  SalesTarget t;

  /* +10 %: 833 333 × 1.1 = 916 666.3 → 916 666 (9 166.66); 1 000 050 × 1.1 = 1 100 055;
   * 7 × 1.1 = 7.7 → 8 new customers. */
  sales_target_raise (&last, 10, &t);
  g_assert_cmpint (t.amount_cents, ==, 916666);
  g_assert_cmpint (t.stretch_cents, ==, 1100055);
  g_assert_cmpint (t.new_customers, ==, 8);

  /* −15 %: 833 333 × 0.85 = 708 333.05 → 708 333; 1 000 050 × 0.85 = 850 042.5, the half
   * up → 850 043; 7 × 0.85 = 5.95 → 6. */
  sales_target_raise (&last, -15, &t);
  g_assert_cmpint (t.amount_cents, ==, 708333);
  g_assert_cmpint (t.stretch_cents, ==, 850043);
  g_assert_cmpint (t.new_customers, ==, 6);

  /* +50 % of 1 cent is 1.5 → 2; of 2 is exactly 3; 1 customer → 1.5 → 2. −100 % is 0. */
  sales_target_raise (&small, 50, &t);
  g_assert_cmpint (t.amount_cents, ==, 2);
  g_assert_cmpint (t.stretch_cents, ==, 3);
  g_assert_cmpint (t.new_customers, ==, 2);
  sales_target_raise (&last, -100, &t);
  g_assert_cmpint (t.amount_cents, ==, 0);
  g_assert_cmpint (t.new_customers, ==, 0);

  /* The fields by name, as the grid reads and writes them. */
  t = last;
  g_assert_cmpint (sales_target_get_field (&t, SALES_TARGET_STRETCH), ==, 1000050);
  sales_target_set_field (&t, SALES_TARGET_NEW_CUSTOMERS, 3);
  g_assert_cmpint (t.new_customers, ==, 3);
  g_assert_cmpint (t.amount_cents, ==, 833333);
}

static void
test_cells_and_fields (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRep) rep = test_add_rep (f, "Alice");
  gint64 alice = sales_record_get_id (SALES_RECORD (rep));
  const SalesTargetCell cells[] = {
    { 0, 2026, 1, { 1000, 2000, 3 } },
    { alice, 2026, 1, { 400, 500, 1 } },
    { alice, 2026, 12, { 600, 700, 2 } },
  };
  const SalesTargetCell bad[] = {
    { alice, 2026, 2, { 1, 1, 1 } },
    { alice, 2026, 3, { -1, 0, 0 } },
  };
  SalesTarget year[12];
  gboolean exists[12];

  /* Two owners in one action, and one Undo takes all three rows back. */
  g_assert_true (sales_store_set_target_cells (f->store, cells, G_N_ELEMENTS (cells), &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 3);
  g_assert_true (sales_store_get_year_targets (f->store, alice, 2026, year, exists, &error));
  g_assert_true (exists[0] && exists[11] && !exists[1]);
  g_assert_cmpint (year[11].stretch_cents, ==, 700);
  g_assert_cmpint (year[1].amount_cents, ==, 0);
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 0);

  /* A negative cell refuses the whole block: February is not written either. */
  g_assert_false (sales_store_set_target_cells (f->store, bad, G_N_ELEMENTS (bad), &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 0);

  /* Spreading 25 new customers evenly: 25 / 12 = 2 a month, December 25 − 22 = 3; the
   * amounts already there stay. */
  g_assert_true (sales_store_set_target_cells (f->store, cells, G_N_ELEMENTS (cells), &error));
  g_assert_true (sales_store_spread_targets (f->store, alice, 2026, SALES_TARGET_NEW_CUSTOMERS,
                                             25, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (sales_store_get_year_targets (f->store, alice, 2026, year, exists, &error));
  g_assert_cmpint (year[0].new_customers, ==, 2);
  g_assert_cmpint (year[5].new_customers, ==, 2);
  g_assert_cmpint (year[11].new_customers, ==, 3);
  g_assert_cmpint (year[0].amount_cents, ==, 400);
  g_assert_cmpint (year[11].stretch_cents, ==, 700);
  g_assert_true (exists[5]);
  g_assert_cmpint (year[5].amount_cents, ==, 0);

  /* The stretch target of the team: 1 000 000.00 is 8 333 333 cents × 11 and December
   * 100 000 000 − 91 666 663 = 8 333 337. */
  g_assert_true (sales_store_spread_targets (f->store, 0, 2026, SALES_TARGET_STRETCH,
                                             100000000, FALSE, &error));
  g_assert_true (sales_store_get_year_targets (f->store, 0, 2026, year, NULL, &error));
  g_assert_cmpint (year[0].stretch_cents, ==, 8333333);
  g_assert_cmpint (year[0].amount_cents, ==, 1000);
  g_assert_cmpint (year[11].stretch_cents, ==, 8333337);
  g_assert_cmpint (test_query_int (f->db, "SELECT sum(stretch_cents) FROM target "
                                          "WHERE owner_id IS NULL"), ==, 100000000);
}

static void
test_copy_year (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRep) rep = test_add_rep (f, "Alice");
  gint64 alice = sales_record_get_id (SALES_RECORD (rep));
  const SalesTargetCell last_year[] = {
    { 0, 2025, 1, { 1000000, 1200000, 10 } },
    { alice, 2025, 1, { 333333, 400000, 3 } },
    { alice, 2025, 12, { 5, 0, 1 } },
    { alice, 2024, 6, { 777, 0, 0 } },
  };
  const SalesTargetCell kept = { alice, 2026, 6, { 42, 43, 4 } };
  SalesTarget year[12];
  gboolean exists[12];
  guint copied = 0;

  g_assert_true (sales_store_set_target_cells (f->store, last_year, G_N_ELEMENTS (last_year),
                                               &error));
  g_assert_true (sales_store_set_target_cells (f->store, &kept, 1, &error));

  /* +5 % of the whole grid of 2025 (three cells; 2024 is not last year):
   * team January 1 000 000 → 1 050 000, 1 200 000 → 1 260 000, 10 → 10.5 → 11;
   * Alice January 333 333 → 349 999.65 → 350 000, 400 000 → 420 000, 3 → 3.15 → 3;
   * Alice December 5 → 5.25 → 5, 1 → 1.05 → 1. June 2026 had no row in 2025: it stays. */
  g_assert_true (sales_store_copy_year_targets (f->store, 2026, 5, &copied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (copied, ==, 3);
  g_assert_true (sales_store_get_year_targets (f->store, 0, 2026, year, exists, &error));
  g_assert_cmpint (year[0].amount_cents, ==, 1050000);
  g_assert_cmpint (year[0].stretch_cents, ==, 1260000);
  g_assert_cmpint (year[0].new_customers, ==, 11);
  g_assert_false (exists[1]);
  g_assert_true (sales_store_get_year_targets (f->store, alice, 2026, year, exists, &error));
  g_assert_cmpint (year[0].amount_cents, ==, 350000);
  g_assert_cmpint (year[0].new_customers, ==, 3);
  g_assert_cmpint (year[11].amount_cents, ==, 5);
  g_assert_cmpint (year[11].new_customers, ==, 1);
  g_assert_cmpint (year[5].amount_cents, ==, 42);

  /* One Undo for the whole grid. */
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target WHERE month LIKE "
                                          "'2026-%'"), ==, 1);

  /* Nothing the year before: nothing copied, nothing written. */
  g_assert_true (sales_store_copy_year_targets (f->store, 2030, 10, &copied, &error));
  g_assert_cmpuint (copied, ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target"), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/targets/spread", test_spread);
  g_test_add_func ("/targets/raise", test_raise);
  g_test_add ("/targets/cells-and-fields", Fixture, NULL, fixture_set_up, test_cells_and_fields,
              fixture_tear_down);
  g_test_add ("/targets/copy-year", Fixture, NULL, fixture_set_up, test_copy_year,
              fixture_tear_down);
  g_test_add ("/targets/set-and-undo", Fixture, NULL, fixture_set_up, test_set_and_undo,
              fixture_tear_down);
  g_test_add ("/targets/spread-like-last-year", Fixture, NULL, fixture_set_up,
              test_spread_like_last_year, fixture_tear_down);
  g_test_add ("/targets/copy-from-last-year", Fixture, NULL, fixture_set_up,
              test_copy_from_last_year, fixture_tear_down);

  return g_test_run ();
}
