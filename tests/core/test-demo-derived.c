/* test-demo-derived.c: what the sample data computes itself, against the code that computes
 * it for every other write
 *
 * A bulk run of the generator drops the triggers of the key figures' derived tables and
 * writes their rows from what it knows of each deal, follow-up and payment
 * (sales-demo-kpi.c). Here every row of every derived table must be what
 * sales_kpi_summary_rebuild() makes of the same data, on a new database and on one that
 * already has data (whose sums the run adds to), and the triggers must be back.
 *
 * The generator also applies the public pool's default rules to its customers as the
 * program would have applied them every day (sales-demo-pool.c): the program's first start
 * on sample data must then return none of them, and later days only a few.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-kpi-summary.h"
#include "sales-pool.h"
#include "test-util.h"

/* 2026-01-15 12:00 in Asia/Shanghai (tests/meson.build sets TZ); the data is as of the
 * start of that day. */
#define NOW          G_GINT64_CONSTANT (1768449600)
#define MIDNIGHT_SQL "1768406400"

/* The tables, and the rows of sums that add up to nothing: the triggers leave those behind
 * (a deal's row is taken out of its sums and put back on every change), a rebuild does not. */
static const struct
{
  const char *table;
  const char *nothing;
} derived[] = {
  { "kpi_deal", "false" },
  { "kpi_closed_sum", "n = 0" },
  { "kpi_created_sum", "n = 0" },
  { "kpi_activity_sum", "n = 0" },
  { "kpi_due_sum", "n = 0" },
  { "kpi_customer", "false" },
  { "kpi_payment", "false" },
  { "kpi_payment_sum", "amount = 0" },
  { "kpi_contract", "false" },
  { "kpi_overdue_step", "false" },
  { "kpi_overdue_sum", "delta = 0" },
};

/* Every row in the order of all its columns, zero sums only with @zeros. */
static char *
dump_table (SalesDb  *db,
            guint     t,
            gboolean  zeros)
{
  const char *table = derived[t].table;
  g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s')",
                                            table);
  g_autoptr(GString) sql = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 n_columns = test_query_int (db, count);

  g_string_printf (sql, "SELECT * FROM %s WHERE %s OR NOT (%s) ORDER BY 1", table,
                   zeros ? "true" : "false", derived[t].nothing);
  for (gint64 c = 2; c <= n_columns; c++)
    g_string_append_printf (sql, ", %" G_GINT64_FORMAT, c);

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db), sql->str, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s|", sqlite3_column_type (stmt, i) == SQLITE_NULL
                                             ? "NULL"
                                             : (const char *)sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

static char *
trigger_list (SalesDb *db)
{
  return test_query_text (db, "SELECT group_concat(name || ': ' || sql, '\n') FROM"
                              " (SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"
                              "  ORDER BY name)");
}

/* The derived tables as the generator left them, against a rebuild rolled back after. */
static void
assert_same_as_rebuild (SalesDb  *db,
                        gboolean  zeros)
{
  g_autoptr(GError) error = NULL;
  char *written[G_N_ELEMENTS (derived)];

  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      written[i] = dump_table (db, i, zeros);
      /* A test that compares empty tables proves nothing. */
      if (written[i][0] == '\0')
        g_error ("%s is empty", derived[i].table);
    }

  g_assert_true (sales_db_begin (db, &error));
  g_assert_true (sales_kpi_summary_rebuild (db, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      g_autofree char *rebuilt = dump_table (db, i, zeros);

      if (g_strcmp0 (written[i], rebuilt) != 0)
        {
          g_auto(GStrv) a = g_strsplit (written[i], "\n", -1);
          g_auto(GStrv) b = g_strsplit (rebuilt, "\n", -1);
          guint k = 0;

          while (a[k] != NULL && b[k] != NULL && g_str_equal (a[k], b[k]))
            k++;
          g_error ("%s, row %u: written %s, rebuilt %s", derived[i].table, k + 1,
                   a[k] != NULL ? a[k] : "(none)", b[k] != NULL ? b[k] : "(none)");
        }
      g_free (written[i]);
    }
  sales_db_rollback (db);
}

static SalesDemoResult
generate (SalesDb *db,
          guint    deals,
          guint    reps,
          guint    bulk_deals)
{
  g_autoptr(GError) error = NULL;
  SalesDemoOptions options;
  SalesDemoResult result = { 0 };

  sales_demo_options_init (&options);
  options.deals = deals;
  options.reps = reps;
  options.seed = 5;
  options.now = NOW;
  options.batch_size = 700;
  options.bulk_deals = bulk_deals;
  g_assert_true (sales_demo_generate (db, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  return result;
}

/* A new database: the usual case, and the benchmark's. */
static void
test_kpi_new_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *fresh_triggers = trigger_list (f->db);
  g_autofree char *triggers = NULL;
  SalesDemoResult r = generate (f->db, 3000, 6, 100);

  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_deal"), ==, 3000);
  /* Every kind of row is there: won, lost and open deals, service visits with a
   * satisfaction, contracts paid in full and overdue ones. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count(DISTINCT stage_id) FROM kpi_closed_sum"),
                   ==, 2);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_deal"
                                          " WHERE closed_day IS NULL"), >, 100);
  g_assert_cmpint (test_query_int (f->db, "SELECT sum(sat_n) FROM kpi_activity_sum WHERE lv = 0"),
                   >, 100);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_overdue_step"
                                          " WHERE delta < 0"), >, 100);
  /* Sums of zero are rows too: an instalment paid on its due day. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_overdue_sum"
                                          " WHERE delta = 0"), >, 0);
  assert_same_as_rebuild (f->db, TRUE);

  triggers = trigger_list (f->db);
  g_assert_cmpstr (triggers, ==, fresh_triggers);

  /* The derived rows are not counted as sample data: on a new database every row of these
   * tables is. */
  g_assert_cmpint ((gint64)r.rows, ==,
                   test_query_int (f->db, "SELECT (SELECT count(*) FROM rep) +"
                                          " (SELECT count(*) FROM customer) +"
                                          " (SELECT count(*) FROM contact) +"
                                          " (SELECT count(*) FROM deal) +"
                                          " (SELECT count(*) FROM deal_stage_history) +"
                                          " (SELECT count(*) FROM activity) +"
                                          " (SELECT count(*) FROM target) +"
                                          " (SELECT count(*) FROM contract) +"
                                          " (SELECT count(*) FROM payment_plan) +"
                                          " (SELECT count(*) FROM payment) +"
                                          " (SELECT count(*) FROM tag) +"
                                          " (SELECT count(*) FROM customer_tag) +"
                                          " (SELECT count(*) FROM customer_event)"));
}

/* A bulk run on a database that has data: the sums already there (kept by the triggers of
 * batched runs and of the user's writes) are added to, the new rows appended. */
static void
test_kpi_existing_data (Fixture       *f,
                        gconstpointer  data)
{
  gint64 first_stage = test_query_int (f->db, "SELECT id FROM stage ORDER BY position LIMIT 1");
  g_autoptr(SalesRep) rep = test_add_rep (f, "Zoe Example");
  g_autoptr(SalesCustomer) customer =
    test_add_customer (f, "Acme", sales_record_get_id (SALES_RECORD (rep)));
  g_autoptr(SalesDeal) deal = test_add_deal (f, sales_record_get_id (SALES_RECORD (customer)),
                                             first_stage, "Anvils", 100000);

  generate (f->db, 900, 3, 100000);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_deal"), ==, 901);
  generate (f->db, 1200, 4, 1000);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM kpi_deal"), ==, 2101);
  assert_same_as_rebuild (f->db, FALSE);
}

static double
query_double (SalesDb    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static guint
apply_default_rules (Fixture *f,
                     gint64   now)
{
  g_autoptr(GError) error = NULL;
  SalesPoolRules rules;
  SalesPoolResult result;

  sales_pool_rules_init (&rules);
  sales_store_set_pool_rules (f->store, &rules);
  f->now = now;
  g_assert_true (sales_store_apply_pool_rules (f->store, &result, &error));
  g_assert_no_error (error);
  return result.returned;
}

static void
test_pool_first_start (Fixture       *f,
                       gconstpointer  data)
{
  double owned, returned_share;
  gint64 n_owned;
  guint returned;

  generate (f->db, 5000, 8, 100000);

  /* Those the rules keep: followed up in the last 30 days and won from in the last 90, or
   * newer; about a fifth with these rules. */
  owned = query_double (f->db, "SELECT avg(owner_id IS NOT NULL) FROM customer");
  g_test_message ("customers owned: %.3f", owned);
  g_assert_cmpfloat (owned, >=, 0.12);
  g_assert_cmpfloat (owned, <=, 0.4);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(DISTINCT owner_id) FROM customer"), ==, 8);

  /* Each customer in the pool that had an owner returned once, from the rep who sold to it,
   * for one of the two reasons, before now; the others were never owned. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM customer c WHERE owner_id IS NULL"
                                          " AND (SELECT count(*) FROM customer_event e"
                                          "      WHERE e.customer_id = c.id) != 1"
                                          " AND EXISTS (SELECT 1 FROM customer_event e"
                                          "             WHERE e.customer_id = c.id)"), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM customer_event e"
                                          " JOIN customer c ON c.id = e.customer_id"
                                          " WHERE e.kind != 'returned' OR c.owner_id IS NOT NULL"
                                          " OR e.to_owner_id IS NOT NULL OR e.at >= " MIDNIGHT_SQL
                                          " OR e.at < c.created_at OR c.updated_at < e.at"
                                          " OR e.note NOT IN"
                                          "  ('No follow-up by the owner for 30 days',"
                                          "   'No deal won by the owner for 90 days')"
                                          " OR EXISTS (SELECT 1 FROM deal d"
                                          "  WHERE d.customer_id = c.id"
                                          "    AND d.owner_id != e.from_owner_id)"), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(DISTINCT note) FROM customer_event"), ==,
                   2);
  returned_share = query_double (f->db, "SELECT avg(EXISTS (SELECT 1 FROM customer_event e"
                                        " WHERE e.customer_id = c.id)) FROM customer c");
  g_test_message ("customers returned to the pool: %.3f", returned_share);
  g_assert_cmpfloat (returned_share, >, 0.2);

  /* The program's first start, the same day: nobody returns. A week later a few. */
  n_owned = test_query_int (f->db, "SELECT count(*) FROM customer WHERE owner_id IS NOT NULL");
  g_assert_cmpuint (apply_default_rules (f, NOW), ==, 0);
  returned = apply_default_rules (f, NOW + 7 * 86400);
  g_test_message ("returned a week later: %u of %" G_GINT64_FORMAT, returned, n_owned);
  g_assert_cmpuint (returned, >, 0);
  g_assert_cmpuint (returned, <, n_owned / 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo-derived/kpi-new-database", Fixture, NULL, fixture_set_up,
              test_kpi_new_database, fixture_tear_down);
  g_test_add ("/demo-derived/kpi-existing-data", Fixture, NULL, fixture_set_up,
              test_kpi_existing_data, fixture_tear_down);
  g_test_add ("/demo-derived/pool-first-start", Fixture, NULL, fixture_set_up,
              test_pool_first_start, fixture_tear_down);
  return g_test_run ();
}
