/* test-db.c: opening files, migrations and the documented schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sales-customer-search.h"
#include "test-util.h"

/* DESIGN.md section 4, the public contract: every table with at least these columns. */
static const struct {
  const char *table;
  const char *columns;
} documented[] = {
  { "stage", "id name position probability kind rot_days" },
  { "rep", "id name email active" },
  { "customer", "id name industry tier source owner_id phone email address notes "
                "created_at updated_at" },
  { "contact", "id customer_id name title phone email wechat is_primary" },
  { "deal", "id title customer_id owner_id stage_id amount_cents currency expected_close "
            "position created_at stage_changed_at closed_at lost_reason_id lost_note" },
  { "deal_stage_history", "id deal_id from_stage_id to_stage_id changed_at" },
  { "lost_reason", "id name active" },
  { "activity", "id customer_id deal_id owner_id kind note due_at done_at satisfaction" },
  { "target", "id owner_id month amount_cents stretch_cents new_customers" },
  { "contract", "id customer_id deal_id number amount_cents signed_on" },
  { "payment_plan", "id contract_id due_on amount_cents" },
  { "payment", "id contract_id received_on amount_cents" },
};

static gboolean
has_column (SalesDb    *db,
            const char *table,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM pragma_table_info ('%s') "
                                          "WHERE name = '%s'", table, column);

  return test_query_int (db, sql) == 1;
}

static void
assert_documented_schema (SalesDb *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (documented); i++)
    {
      g_auto(GStrv) columns = g_strsplit (documented[i].columns, " ", -1);

      for (guint j = 0; columns[j] != NULL; j++)
        {
          if (!has_column (db, documented[i].table, columns[j]))
            g_error ("%s.%s is missing", documented[i].table, columns[j]);
        }
    }
}

static SalesDb *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  SalesDb *db = sales_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
test_fresh (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new", "sales.db", NULL);
  g_autoptr(SalesDb) db = open_db (path);
  g_autofree char *stages = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *journal = NULL;

  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);
  g_assert_cmpint (test_query_int (db, "PRAGMA user_version"), ==, SALES_DB_SCHEMA_VERSION);
  assert_documented_schema (db);

  /* The default pipeline of the Foundation issue; LANGUAGE=en leaves it in English. */
  stages = test_dump_table (db, "stage");
  g_assert_cmpstr (stages, ==,
                   "1|Lead|0|10|open|30|\n"
                   "2|Initial contact|1|20|open|21|\n"
                   "3|Needs confirmed|2|40|open|21|\n"
                   "4|Proposal / quote|3|60|open|14|\n"
                   "5|Negotiation|4|80|open|14|\n"
                   "6|Won|5|100|won|NULL|\n"
                   "7|Lost|6|0|lost|NULL|\n");

  reasons = test_dump_table (db, "lost_reason");
  g_assert_cmpstr (reasons, ==,
                   "1|Price too high|1|\n"
                   "2|Chose a competitor|1|\n"
                   "3|No budget|1|\n"
                   "4|No response|1|\n"
                   "5|Bad timing|1|\n");

  for (guint i = 0; i < G_N_ELEMENTS (documented); i++)
    {
      gint64 expected = g_str_equal (documented[i].table, "stage") ? 7 :
                        g_str_equal (documented[i].table, "lost_reason") ? 5 : 0;

      g_assert_cmpint (sales_db_count (db, documented[i].table), ==, expected);
    }

  /* DESIGN.md section 4: the connection settings. */
  g_assert_cmpint (test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (test_query_int (db, "PRAGMA synchronous"), ==, 1);
  g_assert_cmpint (test_query_int (db, "PRAGMA busy_timeout"), >, 0);
  g_assert_cmpint (test_query_int (db, "PRAGMA temp_store"), ==, 2);
  journal = test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

static void
test_modes (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "sales-desk", NULL);
  g_autofree char *path = g_build_filename (folder, "sales.db", NULL);
  g_autoptr(SalesDb) db = NULL;
  mode_t old_umask = umask (022);
  GStatBuf st;

  db = open_db (path);
  umask (old_umask);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

static void
test_reopen (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(SalesDb) db = open_db (path);
  g_autofree char *before = test_dump_all (db);
  g_autofree char *after = NULL;
  gint64 schema_before = test_query_int (db, "PRAGMA schema_version");

  g_assert_finalize_object (g_steal_pointer (&db));

  db = open_db (path);
  after = test_dump_all (db);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);
  /* No table created or altered, no default row added twice. */
  g_assert_cmpint (test_query_int (db, "PRAGMA schema_version"), ==, schema_before);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sales_db_count (db, "stage"), ==, 7);

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

static void
test_from_version_0 (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;

  db = sales_db_open_at_version (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema"), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&db));

  db = open_db (path);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);
  assert_documented_schema (db);
  g_assert_cmpint (sales_db_count (db, "stage"), ==, 7);
  g_assert_cmpint (sales_db_count (db, "lost_reason"), ==, 5);

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

/* A version-1 file with data in it, as the first release wrote it, is brought
 * to the current version with its rows untouched and the new index in place. */
static void
test_from_version_1 (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;

  db = sales_db_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, 1);
  test_exec (db,
             "INSERT INTO customer (id, name, tier, created_at, updated_at) "
             "VALUES (7, '华为技术', 'A', 1760000000, 1760000000);"
             "INSERT INTO deal (id, title, customer_id, stage_id, amount_cents, created_at, "
             "                  stage_changed_at) "
             "VALUES (3, 'ERP', 7, 2, 12345600, 1760000000, 1760000100);");
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema "
                                       "WHERE name = 'deal_stage_amount'"), ==, 0);
  before = test_dump_all (db);
  g_assert_finalize_object (g_steal_pointer (&db));

  db = open_db (path);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);
  assert_documented_schema (db);
  after = test_dump_all (db);
  /* The rows of v1 untouched; v3's tables new, the customer's name key built. */
  expected = g_strconcat (before,
                          "[tag]\n[customer_tag]\n[customer_event]\n"
                          "[customer_key]\nn:华为技术|7|\n",
                          NULL);
  g_assert_cmpstr (after, ==, expected);
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema "
                                       "WHERE type = 'index' AND name = 'deal_stage_amount'"),
                   ==, 1);
  g_assert_cmpint (test_query_int (db, "SELECT sum (amount_cents) FROM deal WHERE stage_id = 2"),
                   ==, 12345600);

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

static char *
dump_customers (SalesDb *db)
{
  g_autofree char *customers = test_dump_table (db, "customer");
  g_autofree char *contacts = test_dump_table (db, "contact");

  return g_strconcat (customers, contacts, NULL);
}

/* A version-2 file with customers and contacts gets the tables of v3, and
 * the duplicate keys of the customers it holds are built on opening. */
static void
test_from_version_2 (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *keys = NULL;

  db = sales_db_open_at_version (path, 2, &error);
  g_assert_no_error (error);
  test_exec (db,
             "INSERT INTO customer (id, name, tier, phone, created_at, updated_at) "
             "VALUES (7, '华为技术有限公司', 'A', '+86 138-0013-8000', 1760000000, 1760000000),"
             "       (9, 'ACME Co., Ltd.', 'B', NULL, 1760000000, 1760000000);"
             "INSERT INTO contact (customer_id, name, phone, email) "
             "VALUES (9, 'Ann Lee', '021 5555 1234', ' Ann@ACME.example ');");
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema "
                                       "WHERE name = 'customer_key'"), ==, 0);
  before = dump_customers (db);
  g_assert_finalize_object (g_steal_pointer (&db));

  db = open_db (path);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);
  after = dump_customers (db);
  g_assert_cmpstr (after, ==, before);

  keys = test_query_text (db, "SELECT group_concat (customer_id || '=' || key, ' ') FROM "
                              "(SELECT * FROM customer_key ORDER BY customer_id, key)");
  g_assert_cmpstr (keys, ==,
                   "7=n:华为技术 7=p:13800138000 "
                   "9=e:ann@acme.example 9=n:acme 9=p:02155551234");
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM customer_dirty"), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

static char *
search_ids (SalesDb    *db,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = sales_customer_search_ids (db, text, 0, 50, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));

  return g_string_free (out, FALSE);
}

/* A version-3 file gets the search index of v4, built on opening from the customers and
 * contacts it holds, which stay untouched. */
static void
test_from_version_3 (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *found = NULL;

  db = sales_db_open_at_version (path, 3, &error);
  g_assert_no_error (error);
  test_exec (db,
             "INSERT INTO customer (id, name, tier, phone, notes, created_at, updated_at) "
             "VALUES (7, '華為技術', 'A', '+86 138-0013-8000', NULL, 1760000000, 1760000000),"
             "       (9, 'ACME Co., Ltd.', 'B', NULL, 'Met at the fair', 1760000000,"
             "        1760000000);"
             "INSERT INTO contact (customer_id, name, phone, email) "
             "VALUES (9, '张三', '021 5555 1234', ' Ann@ACME.example ');"
             "DELETE FROM customer_dirty;");
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema "
                                       "WHERE name = 'customer_search'"), ==, 0);
  before = dump_customers (db);
  g_assert_finalize_object (g_steal_pointer (&db));

  db = open_db (path);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);
  after = dump_customers (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM customer_dirty"), ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM customer_search"), ==, 2);

  found = search_ids (db, "华为");
  g_assert_cmpstr (found, ==, "7");
  g_clear_pointer (&found, g_free);
  found = search_ids (db, "13800138000");
  g_assert_cmpstr (found, ==, "7");
  g_clear_pointer (&found, g_free);
  found = search_ids (db, "zs");
  g_assert_cmpstr (found, ==, "9");
  g_clear_pointer (&found, g_free);
  found = search_ids (db, "fair");
  g_assert_cmpstr (found, ==, "9");

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

/* A version-4 file gets the customer list's indexes of v5, and the list's queries use them:
 * sorting by tier reads the (tier, name) index in order instead of sorting the table. */
static void
test_from_version_4 (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *plan = NULL;

  db = sales_db_open_at_version (path, 4, &error);
  g_assert_no_error (error);
  test_exec (db, "INSERT INTO customer (id, name, tier, created_at, updated_at) "
                 "VALUES (3, 'Bravo', 'A', 1760000000, 1760000000);");
  g_assert_finalize_object (g_steal_pointer (&db));

  db = open_db (path);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema WHERE type = 'index' "
                                       "AND name IN ('customer_tier_name', "
                                       "'customer_industry_name', 'customer_source_name', "
                                       "'customer_owner_name', 'deal_customer_open', "
                                       "'activity_customer_due')"), ==, 6);
  {
    g_autoptr(GString) details = g_string_new (NULL);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db),
                                         "EXPLAIN QUERY PLAN SELECT c.id FROM customer AS c "
                                         "ORDER BY c.tier, c.name, c.id",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (details, "%s; ", sqlite3_column_text (stmt, 3));
    sqlite3_finalize (stmt);
    plan = g_string_free (g_steal_pointer (&details), FALSE);
  }
  g_assert_nonnull (strstr (plan, "customer_tier_name"));
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM customer WHERE id = 3"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

/* A version-5 file gets the key figures' indexes of v6 in place of the narrower ones they
 * extend, keeps its rows, and the month's closed deals are read from the index alone. */
static void
test_from_version_5 (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *plan = NULL;

  db = sales_db_open_at_version (path, 5, &error);
  g_assert_no_error (error);
  test_exec (db, "INSERT INTO customer (id, name, created_at, updated_at) "
                 "VALUES (1, 'Acme', 1760000000, 1760000000);"
                 "INSERT INTO deal (id, title, customer_id, stage_id, amount_cents, created_at, "
                 "stage_changed_at, closed_at) VALUES (1, 'Won', 1, 6, 500, 1760000000, "
                 "1760000100, 1760000100);");
  g_assert_finalize_object (g_steal_pointer (&db));

  db = open_db (path);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema WHERE type = 'index' "
                                       "AND name IN ('deal_closed_kpi', 'deal_created_kpi', "
                                       "'deal_open_kpi', 'deal_customer_times', "
                                       "'deal_stage_history_deal_stage', 'activity_done_kpi', "
                                       "'activity_due_kpi', 'payment_received_kpi', "
                                       "'payment_contract_kpi', 'payment_plan_contract_kpi')"),
                   ==, 10);
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema WHERE type = 'index' "
                                       "AND name IN ('deal_closed', 'deal_created', "
                                       "'deal_customer', 'deal_stage_history_deal', "
                                       "'activity_done', 'payment_received', "
                                       "'payment_contract', 'payment_plan_contract')"), ==, 0);
  {
    g_autoptr(GString) details = g_string_new (NULL);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db),
                                         "EXPLAIN QUERY PLAN SELECT owner_id, sum(amount_cents) "
                                         "FROM deal WHERE closed_at >= 1 AND closed_at < 2 "
                                         "GROUP BY owner_id",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (details, "%s; ", sqlite3_column_text (stmt, 3));
    sqlite3_finalize (stmt);
    plan = g_string_free (g_steal_pointer (&details), FALSE);
  }
  g_assert_nonnull (strstr (plan, "COVERING INDEX deal_closed_kpi"));
  g_assert_cmpint (test_query_int (db, "SELECT amount_cents FROM deal WHERE id = 1"), ==, 500);

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

/* A version-6 file gets the key figures' derived sums, computed from its rows, and the
 * triggers that keep them: a deal won on the file before the upgrade and one won after it
 * are both in the day's sums. */
static void
test_from_version_6 (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *deals = NULL;

  db = sales_db_open_at_version (path, 6, &error);
  g_assert_no_error (error);
  test_exec (db, "INSERT INTO customer (id, name, source, created_at, updated_at) "
                 "VALUES (1, 'Acme', 'web', 1760000000, 1760000000);"
                 "INSERT INTO deal (id, title, customer_id, stage_id, amount_cents, created_at, "
                 "stage_changed_at, closed_at) VALUES (1, 'Won', 1, 6, 500, 1760000000, "
                 "1760000100, 1760000100);"
                 "INSERT INTO deal_stage_history (deal_id, to_stage_id, changed_at) "
                 "VALUES (1, 1, 1760000000), (1, 6, 1760000100);");
  g_assert_finalize_object (g_steal_pointer (&db));

  db = open_db (path);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);
  deals = test_dump_table (db, "kpi_deal");
  g_assert_cmpstr (deals, ==, "1|20370|20370|0|6|0|web|500|100|1,6|\n");
  test_exec (db, "INSERT INTO deal (id, title, customer_id, stage_id, amount_cents, created_at, "
                 "stage_changed_at, closed_at) VALUES (2, 'Won too', 1, 6, 700, 1760000000, "
                 "1760000200, 1760000200)");
  g_assert_cmpint (test_query_int (db, "SELECT n FROM kpi_closed_sum WHERE lv = 0 AND "
                                       "bucket = 20370 AND stage_id = 6"), ==, 2);
  g_assert_cmpint (test_query_int (db, "SELECT amount FROM kpi_closed_sum WHERE lv = 3 AND "
                                       "bucket = 20370 >> 9 AND stage_id = 6"), ==, 1200);
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema "
                                       "WHERE type = 'trigger' AND name LIKE 'kpi_%'"), >, 0);

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

static char *
query_plan (SalesDb    *db,
            const char *sql)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db), explain, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (details, "%s; ", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&details), FALSE);
}

/* A version-7 file keeps every row, its key figures' sums and their triggers; the index of
 * follow-ups done holds their customer, so the public pool's rules read the follow-ups of the
 * last days from it alone, and customers are found by owner through customer_owner_name. */
static void
test_from_version_7 (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *customers_before = NULL;
  g_autofree char *activities_before = NULL;
  g_autofree char *customers_after = NULL;
  g_autofree char *activities_after = NULL;
  g_autofree char *plan = NULL;

  db = sales_db_open_at_version (path, 7, &error);
  g_assert_no_error (error);
  test_exec (db, "INSERT INTO rep (id, name) VALUES (1, 'Wang'), (2, 'Li');"
                 "INSERT INTO customer (id, name, owner_id, created_at, updated_at) "
                 "VALUES (1, 'Acme', 1, 1760000000, 1760000000),"
                 "       (2, 'Bravo', 2, 1760000000, 1760000000),"
                 "       (3, 'Charlie', NULL, 1760000000, 1760000000);"
                 "INSERT INTO deal (id, title, customer_id, owner_id, stage_id, amount_cents, "
                 "created_at, stage_changed_at, closed_at) VALUES (1, 'Won', 1, 1, 6, 500, "
                 "1760000000, 1760000100, 1760000100);"
                 "INSERT INTO activity (id, customer_id, owner_id, kind, due_at, done_at, "
                 "satisfaction) VALUES (1, 1, 1, 'call', NULL, 1760000200, NULL),"
                 "       (2, 2, 2, 'service', NULL, 1760000300, 4),"
                 "       (3, 1, 1, 'visit', 1760100000, NULL, NULL);"
                 "INSERT INTO customer_event (customer_id, kind, from_owner_id, to_owner_id, at) "
                 "VALUES (2, 'assigned', NULL, 2, 1760000050);");
  before = test_dump_all (db);
  customers_before = test_dump_table (db, "kpi_customer");
  activities_before = test_dump_table (db, "kpi_activity_sum");
  g_assert_finalize_object (g_steal_pointer (&db));

  db = open_db (path);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, 8);
  g_assert_cmpint (test_query_int (db, "PRAGMA user_version"), ==, 8);
  after = test_dump_all (db);
  /* customer_key is derived when the file is first opened by Sales Desk. */
  *strstr (before, "[customer_key]") = '\0';
  *strstr (after, "[customer_key]") = '\0';
  g_assert_cmpstr (after, ==, before);
  customers_after = test_dump_table (db, "kpi_customer");
  activities_after = test_dump_table (db, "kpi_activity_sum");
  g_assert_cmpstr (customers_before, ==, "1|1|1760000100|1760000200|\n");
  g_assert_cmpstr (customers_after, ==, customers_before);
  g_assert_cmpstr (activities_before, ==, "0|20370|1|1|0|0|\n0|20370|2|1|1|4|\n"
                                          "1|2546|1|1|0|0|\n1|2546|2|1|1|4|\n"
                                          "2|318|1|1|0|0|\n2|318|2|1|1|4|\n"
                                          "3|39|1|1|0|0|\n3|39|2|1|1|4|\n");
  g_assert_cmpstr (activities_after, ==, activities_before);

  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM sqlite_schema "
                                       "WHERE name = 'customer_owner'"), ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT count (*) FROM pragma_index_info "
                                       "('activity_done_kpi') WHERE name = 'customer_id'"),
                   ==, 1);
  test_exec (db, "CREATE TEMP TABLE pool_due (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL)");
  plan = query_plan (db, "SELECT a.customer_id, max (a.done_at) "
                         "FROM activity a JOIN temp.pool_due o ON o.id = a.customer_id "
                         "WHERE a.done_at >= 1760000000 AND a.owner_id = o.owner_id "
                         "GROUP BY +a.customer_id");
  g_assert_nonnull (strstr (plan, "COVERING INDEX activity_done_kpi"));
  g_clear_pointer (&plan, g_free);
  plan = query_plan (db, "SELECT id FROM customer WHERE owner_id = 2");
  g_assert_nonnull (strstr (plan, "customer_owner_name"));

  /* The triggers still keep the sums. */
  test_exec (db, "INSERT INTO activity (customer_id, owner_id, kind, done_at) "
                 "VALUES (2, 2, 'call', 1760000400)");
  g_assert_cmpint (test_query_int (db, "SELECT n FROM kpi_activity_sum "
                                       "WHERE lv = 0 AND bucket = 20370 AND owner_id = 2"),
                   ==, 2);

  /* README, "Derived tables": dropping the sums and stepping back to 6 runs 7 and 8 again. */
  test_exec (db, "DROP INDEX activity_due_unsure;"
                 "DROP TABLE kpi_deal; DROP TABLE kpi_closed_sum; DROP TABLE kpi_created_sum;"
                 "DROP TABLE kpi_activity_sum; DROP TABLE kpi_due_sum; DROP TABLE kpi_customer;"
                 "DROP TABLE kpi_payment; DROP TABLE kpi_payment_sum; DROP TABLE kpi_contract;"
                 "DROP TABLE kpi_overdue_step; DROP TABLE kpi_overdue_sum;"
                 "PRAGMA user_version = 6;");
  g_assert_finalize_object (g_steal_pointer (&db));
  db = open_db (path);
  g_assert_cmpint (test_query_int (db, "PRAGMA user_version"), ==, 8);
  g_clear_pointer (&customers_after, g_free);
  customers_after = test_dump_table (db, "kpi_customer");
  g_assert_cmpstr (customers_after, ==, customers_before);
  g_assert_cmpint (test_query_int (db, "SELECT n FROM kpi_activity_sum "
                                       "WHERE lv = 0 AND bucket = 20370 AND owner_id = 2"),
                   ==, 2);

  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (dir);
}

static void
test_newer_version (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = open_db (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  {
    g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d",
                                              SALES_DB_SCHEMA_VERSION + 1);

    test_exec (db, newer);
  }
  g_assert_finalize_object (g_steal_pointer (&db));
  before = test_read_file (path, &before_len);

  db = sales_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = test_read_file (path, &after_len);
  g_assert_cmpmem (after, after_len, before, before_len);

  test_remove_dir (dir);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *after = NULL;
  gsize after_len;

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Customers to call back this week.\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  db = sales_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_A_DATABASE);

  after = test_read_file (path, &after_len);
  g_assert_cmpmem (after, after_len, text->str, text->len);

  test_remove_dir (dir);
}

static void
test_folder (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = sales_db_open (dir, &error);

  g_assert_null (db);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_OPEN);

  test_remove_dir (dir);
}

static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const refused[] = {
    "INSERT INTO stage (name, position, probability) VALUES ('X', 9, 101)",
    "INSERT INTO stage (name, position, probability, kind) VALUES ('X', 9, 5, 'maybe')",
    "INSERT INTO customer (name, tier, created_at, updated_at) VALUES ('X', 'D', 1, 1)",
    "INSERT INTO customer (name, created_at, updated_at) VALUES ('  ', 1, 1)",
    "INSERT INTO contact (customer_id, name) VALUES (999, 'X')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sales_db_exec (f->db, refused[i], &error));
      g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT);
    }

  g_assert_cmpint (sales_db_count (f->db, "stage"), ==, 7);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 0);
  g_assert_cmpint (sales_db_count (f->db, "contact"), ==, 0);
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *a, *b;

  g_assert_true (sales_db_begin (f->db, &error));
  g_assert_true (sales_db_in_transaction (f->db));
  test_exec (f->db, "INSERT INTO rep (name) VALUES ('Wang Fang')");
  sales_db_rollback (f->db);
  g_assert_false (sales_db_in_transaction (f->db));
  g_assert_cmpint (sales_db_count (f->db, "rep"), ==, 0);

  g_assert_true (sales_db_begin (f->db, &error));
  test_exec (f->db, "INSERT INTO rep (name) VALUES ('Wang Fang')");
  g_assert_true (sales_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_count (f->db, "rep"), ==, 1);

  /* Compiled once per connection. */
  a = sales_db_prepare (f->db, "SELECT name FROM rep WHERE id = ?1", &error);
  b = sales_db_prepare (f->db, "SELECT name FROM rep WHERE id = ?1", &error);
  g_assert_no_error (error);
  g_assert_true (a == b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/db/fresh", test_fresh);
  g_test_add_func ("/db/modes", test_modes);
  g_test_add_func ("/db/reopen", test_reopen);
  g_test_add_func ("/db/from-version-0", test_from_version_0);
  g_test_add_func ("/db/from-version-1", test_from_version_1);
  g_test_add_func ("/db/from-version-2", test_from_version_2);
  g_test_add_func ("/db/from-version-3", test_from_version_3);
  g_test_add_func ("/db/from-version-4", test_from_version_4);
  g_test_add_func ("/db/from-version-5", test_from_version_5);
  g_test_add_func ("/db/from-version-6", test_from_version_6);
  g_test_add_func ("/db/from-version-7", test_from_version_7);
  g_test_add_func ("/db/newer-version", test_newer_version);
  g_test_add_func ("/db/not-a-database", test_not_a_database);
  g_test_add_func ("/db/folder", test_folder);
  g_test_add ("/db/constraints", Fixture, NULL, fixture_set_up, test_constraints,
              fixture_tear_down);
  g_test_add ("/db/transactions", Fixture, NULL, fixture_set_up, test_transactions,
              fixture_tear_down);

  return g_test_run ();
}
