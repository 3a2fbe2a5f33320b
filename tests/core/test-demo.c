/* test-demo.c: the sample data generator: counts, invariants, determinism, batches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

/* 2026-01-15 12:00 in Asia/Shanghai (tests/meson.build sets TZ); the data is
 * as of the start of that day, 2026-01-15 00:00 +08:00. */
#define NOW          G_GINT64_CONSTANT (1768449600)
#define MIDNIGHT     G_GINT64_CONSTANT (1768406400)
#define MIDNIGHT_SQL "1768406400"
#define TODAY        "2026-01-15"

/* Each query counts the rows that break one rule; @NOW@ stands for MIDNIGHT. */
static const struct
{
  const char *rule;
  const char *sql;
} invariants[] = {
  { "every deal's history starts with its creation",
    "SELECT count(*) FROM deal d WHERE (SELECT count(*) FROM deal_stage_history h"
    " WHERE h.deal_id = d.id AND h.from_stage_id IS NULL AND h.changed_at = d.created_at"
    " AND h.to_stage_id = (SELECT id FROM stage WHERE kind = 'open' ORDER BY position LIMIT 1)"
    ") != 1" },
  { "the last history row is the deal's stage, at stage_changed_at",
    "SELECT count(*) FROM deal d WHERE NOT EXISTS (SELECT 1 FROM deal_stage_history h"
    " WHERE h.deal_id = d.id AND h.to_stage_id = d.stage_id"
    " AND h.changed_at = d.stage_changed_at"
    " AND h.changed_at = (SELECT max(changed_at) FROM deal_stage_history x"
    "                     WHERE x.deal_id = d.id))" },
  { "history rows chain and their times increase",
    "WITH h AS (SELECT from_stage_id, changed_at, lag(to_stage_id) OVER w AS prev_to,"
    "                  lag(changed_at) OVER w AS prev_at FROM deal_stage_history"
    "           WINDOW w AS (PARTITION BY deal_id ORDER BY changed_at, id))"
    " SELECT count(*) FROM h WHERE prev_at IS NOT NULL"
    " AND (changed_at <= prev_at OR from_stage_id IS NOT prev_to)" },
  { "deals move forward through open stages and never leave a closed one",
    "WITH h AS (SELECT s.kind, s.position, lag(s.position) OVER w AS prev_pos,"
    "                  lag(s.kind) OVER w AS prev_kind"
    "           FROM deal_stage_history h JOIN stage s ON s.id = h.to_stage_id"
    "           WINDOW w AS (PARTITION BY h.deal_id ORDER BY h.changed_at, h.id))"
    " SELECT count(*) FROM h WHERE prev_kind IS NOT NULL"
    " AND (prev_kind != 'open' OR (kind = 'open' AND position <= prev_pos))" },
  { "won deals went through the last open stage",
    "SELECT count(*) FROM deal d JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'won'"
    " AND NOT EXISTS (SELECT 1 FROM deal_stage_history h WHERE h.deal_id = d.id AND"
    "  h.to_stage_id = (SELECT id FROM stage WHERE kind = 'open' ORDER BY position DESC LIMIT 1))" },
  { "history lies between the deal's creation and now",
    "SELECT count(*) FROM deal_stage_history h JOIN deal d ON d.id = h.deal_id"
    " WHERE h.changed_at < d.created_at OR h.changed_at > @NOW@" },
  { "closed_at is set for won and lost deals only, at their last move",
    "SELECT count(*) FROM deal d JOIN stage s ON s.id = d.stage_id"
    " WHERE (s.kind = 'open') != (d.closed_at IS NULL)"
    " OR d.closed_at != d.stage_changed_at OR d.closed_at < d.created_at" },
  { "lost deals have a reason; others have neither reason nor note",
    "SELECT count(*) FROM deal d JOIN stage s ON s.id = d.stage_id"
    " WHERE (s.kind = 'lost') != (d.lost_reason_id IS NOT NULL)"
    " OR (s.kind != 'lost' AND d.lost_note IS NOT NULL)" },
  { "amounts run from 5 000 to 3 000 000 yuan",
    "SELECT count(*) FROM deal WHERE amount_cents < 500000 OR amount_cents > 300000000"
    " OR currency != 'CNY'" },
  { "deals were created in the 18 months before now, after their customer",
    "SELECT count(*) FROM deal d JOIN customer c ON c.id = d.customer_id"
    " WHERE d.created_at < @NOW@ - 551 * 86400 OR d.created_at >= @NOW@"
    " OR d.created_at < c.created_at OR d.expected_close < date(d.created_at, 'unixepoch')" },
  { "customers were created before now and updated after that",
    "SELECT count(*) FROM customer WHERE created_at >= @NOW@ OR updated_at >= @NOW@"
    " OR updated_at < created_at" },
  { "stage positions are 0, 1024, 2048... in each stage",
    "SELECT count(*) FROM (SELECT count(*) AS n, count(DISTINCT position) AS d,"
    "  min(position) AS lo, max(position) AS hi, max(position % 1024) AS r"
    "  FROM deal GROUP BY stage_id)"
    " WHERE d != n OR lo != 0 OR hi != (n - 1) * 1024 OR r != 0" },
  { "no open deal was created more than 18 months ago",
    "SELECT count(*) FROM deal d JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'open'"
    " AND date(d.created_at, 'unixepoch', 'localtime') <"
    "     date(@NOW@, 'unixepoch', 'localtime', '-18 months')" },
  { "payment plans add up to their contract",
    "SELECT count(*) FROM contract c WHERE c.amount_cents !="
    " (SELECT sum(amount_cents) FROM payment_plan p WHERE p.contract_id = c.id)"
    " OR (SELECT count(*) FROM payment_plan p WHERE p.contract_id = c.id) NOT BETWEEN 1 AND 4" },
  { "no contract is paid more than its amount",
    "SELECT count(*) FROM contract c WHERE c.amount_cents <"
    " (SELECT coalesce(sum(amount_cents), 0) FROM payment p WHERE p.contract_id = c.id)" },
  { "contracts belong to won deals, for their amount, signed after the win",
    "SELECT count(*) FROM contract c JOIN deal d ON d.id = c.deal_id"
    " JOIN stage s ON s.id = d.stage_id WHERE s.kind != 'won'"
    " OR c.amount_cents != d.amount_cents OR c.customer_id != d.customer_id"
    " OR c.signed_on < date(d.closed_at, 'unixepoch', 'localtime') OR c.signed_on >= '" TODAY "'"
    " OR c.number NOT GLOB 'HT-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]*'" },
  { "payments were received between signing and today",
    "SELECT count(*) FROM payment p JOIN contract c ON c.id = p.contract_id"
    " WHERE p.received_on < c.signed_on OR p.received_on >= '" TODAY "'" },
  { "only planned follow-ups lie in the future",
    "SELECT count(*) FROM activity WHERE done_at >= @NOW@"
    " OR (done_at IS NOT NULL AND due_at >= @NOW@)" },
  { "follow-ups come after their deal and customer were created",
    "SELECT count(*) FROM activity a JOIN customer c ON c.id = a.customer_id"
    " LEFT JOIN deal d ON d.id = a.deal_id"
    " WHERE coalesce(a.done_at, a.due_at) < c.created_at"
    " OR coalesce(a.done_at, a.due_at) < d.created_at OR a.customer_id != d.customer_id" },
  { "done service visits, and only they, have a satisfaction",
    "SELECT count(*) FROM activity"
    " WHERE (satisfaction IS NOT NULL) != (kind = 'service' AND done_at IS NOT NULL)" },
  { "every customer has one to three contacts, one of them primary",
    "SELECT count(*) FROM customer c"
    " WHERE (SELECT count(*) FROM contact k WHERE k.customer_id = c.id) NOT BETWEEN 1 AND 3"
    " OR (SELECT count(*) FROM contact k WHERE k.customer_id = c.id AND is_primary) != 1" },
  { "sources are the documented codes",
    "SELECT count(*) FROM customer WHERE source IS NULL OR source NOT IN"
    " ('referral', 'exhibition', 'website', 'cold_call', 'wechat', 'partner')" },
  { "stretch targets are about 1.3 times the base",
    "SELECT count(*) FROM target WHERE amount_cents <= 0"
    " OR stretch_cents * 100 NOT BETWEEN amount_cents * 125 AND amount_cents * 135" },
  { "foreign keys hold",
    "SELECT count(*) FROM pragma_foreign_key_check" },
};

static const char * const tables[] = {
  "stage", "rep", "customer", "contact", "deal", "deal_stage_history", "lost_reason",
  "activity", "target", "contract", "payment_plan", "payment",
};

/* Rows of the run outside the tables above: tags and the pool's log. */
#define OTHER_ROWS "SELECT (SELECT count (*) FROM tag) + (SELECT count (*) FROM customer_tag) +" \
                   " (SELECT count (*) FROM customer_event)"

typedef struct
{
  GCancellable *cancellable;
  GArray       *calls;          /* guint64 pairs: done, total */
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_array_append_val (p->calls, done);
  g_array_append_val (p->calls, total);
  if (p->cancellable != NULL)
    g_cancellable_cancel (p->cancellable);
}

static SalesDemoResult
generate (SalesDb *db,
          guint    deals,
          guint64  seed,
          gint64   now)
{
  g_autoptr(GError) error = NULL;
  SalesDemoOptions options;
  SalesDemoResult result = { 0 };

  sales_demo_options_init (&options);
  options.deals = deals;
  options.seed = seed;
  options.now = now;
  g_assert_true (sales_demo_generate (db, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  return result;
}

static void
assert_invariants (SalesDb *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (invariants); i++)
    {
      g_autoptr(GString) sql = g_string_new (invariants[i].sql);
      gint64 broken;

      g_string_replace (sql, "@NOW@", MIDNIGHT_SQL, 0);
      broken = test_query_int (db, sql->str);

      if (broken != 0)
        g_error ("%" G_GINT64_FORMAT " rows break the rule: %s", broken, invariants[i].rule);
    }
}

static char *
content_hash (SalesDb *db)
{
  g_autofree char *dump = test_dump_all (db);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, dump, -1);
}

static char *
hash_of_new_database (guint   deals,
                      guint64 seed,
                      gint64  now)
{
  Fixture f = { 0 };
  char *hash;

  fixture_set_up (&f, NULL);
  generate (f.db, deals, seed, now);
  hash = content_hash (f.db);
  fixture_tear_down (&f, NULL);
  return hash;
}

static void
test_demo_defaults (void)
{
  SalesDemoOptions options;

  sales_demo_options_init (&options);
  g_assert_cmpuint (options.deals, ==, 600);
  g_assert_cmpuint (options.customers, ==, 0);
  g_assert_cmpuint (options.reps, ==, 8);
  g_assert_cmpuint (options.seed, ==, 1);
  g_assert_cmpint (options.now, ==, 0);
  g_assert_cmpuint (options.batch_size, ==, 0);
  g_assert_cmpuint (options.bulk_deals, ==, 0);
  g_assert_cmpuint (options.contacts, ==, 0);
}

static void
test_demo_counts (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *range = NULL;
  gint64 rows_before = 0, rows_after = 0;
  SalesDemoResult r;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    rows_before += sales_db_count (f->db, tables[i]);
  rows_before += test_query_int (f->db, OTHER_ROWS);

  r = generate (f->db, 600, 1, NOW);

  /* customers = deals / 5; 8 reps. */
  g_assert_cmpint (sales_db_count (f->db, "deal"), ==, 600);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 120);
  g_assert_cmpint (sales_db_count (f->db, "rep"), ==, 8);
  g_assert_cmpuint (r.deals, ==, 600);
  g_assert_cmpuint (r.customers, ==, 120);
  g_assert_cmpuint (r.reps, ==, 8);
  g_assert_cmpint (r.contacts, ==, sales_db_count (f->db, "contact"));
  g_assert_cmpint (r.activities, ==, sales_db_count (f->db, "activity"));
  g_assert_cmpint (r.contracts, ==, sales_db_count (f->db, "contract"));
  g_assert_cmpint (r.payments, ==, sales_db_count (f->db, "payment"));

  /* Months 2024-07 (18 months before 2026-01-15) to 2026-04: 22 per rep. The
   * team has a row in Jul, Oct 2024, Jan, Apr, Jul, Oct 2025, Jan 2026 and in
   * the three future months. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target WHERE owner_id IS NOT NULL"),
                   ==, 8 * 22);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM target WHERE owner_id IS NULL"),
                   ==, 10);
  range = test_query_text (f->db, "SELECT min(month) || ' ' || max(month) FROM target");
  g_assert_cmpstr (range, ==, "2024-07 2026-04");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    rows_after += sales_db_count (f->db, tables[i]);
  rows_after += test_query_int (f->db, OTHER_ROWS);
  g_assert_cmpint (r.rows, ==, rows_after - rows_before);

  /* Six tags on about a third of the 120 customers, none twice on one. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM tag"), ==, 6);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (DISTINCT customer_id) FROM customer_tag"),
                   >=, 120 / 4);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (DISTINCT customer_id) FROM customer_tag"),
                   <=, 120 * 45 / 100);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM customer_tag AS ct "
                                          "LEFT JOIN customer AS c ON c.id = ct.customer_id "
                                          "WHERE c.id IS NULL"), ==, 0);

  assert_invariants (f->db);
}

static void
test_demo_small (Fixture       *f,
                 gconstpointer  data)
{
  generate (f->db, 30, 7, NOW);

  /* deals / 5 is 6, below the minimum of 10 customers. */
  g_assert_cmpint (sales_db_count (f->db, "deal"), ==, 30);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 10);
  assert_invariants (f->db);
}

/* Proportions with enough rows that chance cannot push them out of range. */
static void
test_demo_realistic (Fixture       *f,
                     gconstpointer  data)
{
  const struct {
    const char *what;
    const char *sql;
    double lo, hi;
  } shares[] = {
    /* A tenth never had an owner; most others went back under the default rules (see
     * test-demo-derived). */
    { "customers in the public pool",
      "SELECT avg(owner_id IS NULL) FROM customer", 0.6, 0.9 },
    { "customers in the public pool that were never owned",
      "SELECT avg(NOT EXISTS (SELECT 1 FROM customer_event e WHERE e.customer_id = c.id))"
      " FROM customer c WHERE owner_id IS NULL", 0.05, 0.25 },
    { "Chinese company names",
      "SELECT avg(name GLOB '*[公司团]*' OR name NOT GLOB '*[A-Za-z]*') FROM customer", 0.5, 0.9 },
    { "English company names",
      "SELECT avg(name GLOB '[A-Z]*') FROM customer", 0.1, 0.5 },
    { "tier A customers", "SELECT avg(tier = 'A') FROM customer", 0.05, 0.3 },
    { "contacts with a WeChat id", "SELECT avg(wechat IS NOT NULL) FROM contact", 0.3, 0.8 },
    { "won deals",
      "SELECT avg(s.kind = 'won') FROM deal d JOIN stage s ON s.id = d.stage_id", 0.2, 0.5 },
    { "lost deals",
      "SELECT avg(s.kind = 'lost') FROM deal d JOIN stage s ON s.id = d.stage_id", 0.25, 0.6 },
    { "open deals",
      "SELECT avg(s.kind = 'open') FROM deal d JOIN stage s ON s.id = d.stage_id", 0.05, 0.4 },
    { "won deals with a contract",
      "SELECT avg(EXISTS (SELECT 1 FROM contract c WHERE c.deal_id = d.id)) FROM deal d"
      " JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'won'", 0.75, 0.98 },
    { "won deals that skipped a stage",
      "SELECT avg((SELECT count(*) FROM deal_stage_history h WHERE h.deal_id = d.id) <"
      " (SELECT count(*) FROM stage WHERE kind = 'open') + 1) FROM deal d"
      " JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'won'", 0.1, 0.6 },
    { "follow-ups done late (a day or more after due)",
      "SELECT avg(done_at >= due_at + 86400) FROM activity WHERE done_at IS NOT NULL"
      " AND due_at IS NOT NULL", 0.1, 0.5 },
    { "follow-ups done on time",
      "SELECT avg(done_at <= due_at) FROM activity WHERE done_at IS NOT NULL"
      " AND due_at IS NOT NULL", 0.4, 0.9 },
    { "instalments due that are not fully paid",
      "SELECT avg((SELECT coalesce(sum(amount_cents), 0) FROM payment x"
      "  WHERE x.contract_id = p.contract_id) < (SELECT sum(amount_cents) FROM payment_plan y"
      "  WHERE y.contract_id = p.contract_id AND y.due_on <= p.due_on))"
      " FROM payment_plan p WHERE p.due_on < '" TODAY "'", 0.05, 0.5 },
    { "payments received late",
      "SELECT avg(EXISTS (SELECT 1 FROM payment x WHERE x.contract_id = p.contract_id"
      "  AND x.received_on > p.due_on)) FROM payment_plan p", 0.05, 0.6 },
    /* Open deals are the ones being worked on: recent, and rotting (idle in
     * whole days past the stage's rot_days, as the board counts) only some. */
    { "open deals idle past their stage's rot_days",
      "SELECT avg((" MIDNIGHT_SQL " - max(d.stage_changed_at,"
      "  (SELECT coalesce(max(done_at), 0) FROM activity a WHERE a.deal_id = d.id)))"
      "  / 86400 > s.rot_days)"
      " FROM deal d JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'open'", 0.1, 0.3 },
    { "open deals created in the last four months",
      "SELECT avg(d.created_at >= " MIDNIGHT_SQL " - 120 * 86400)"
      " FROM deal d JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'open'", 0.6, 0.98 },
    { "open deals that entered their stage in the last six weeks",
      "SELECT avg(d.stage_changed_at >= " MIDNIGHT_SQL " - 42 * 86400)"
      " FROM deal d JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'open'", 0.75, 0.99 },
    { "open deals with follow-ups done whose last one is within a month",
      "SELECT avg(last >= " MIDNIGHT_SQL " - 30 * 86400) FROM"
      " (SELECT (SELECT max(done_at) FROM activity a WHERE a.deal_id = d.id) AS last"
      "  FROM deal d JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'open')"
      " WHERE last IS NOT NULL", 0.6, 1.0 },
    { "planned follow-ups of open deals due in the next two weeks",
      "SELECT avg(a.due_at >= " MIDNIGHT_SQL " AND a.due_at < " MIDNIGHT_SQL " + 14 * 86400)"
      " FROM activity a JOIN deal d ON d.id = a.deal_id JOIN stage s ON s.id = d.stage_id"
      " WHERE s.kind = 'open' AND a.done_at IS NULL", 0.5, 0.9 },
    { "planned follow-ups of open deals that are overdue",
      "SELECT avg(a.due_at < " MIDNIGHT_SQL ")"
      " FROM activity a JOIN deal d ON d.id = a.deal_id JOIN stage s ON s.id = d.stage_id"
      " WHERE s.kind = 'open' AND a.done_at IS NULL", 0.05, 0.35 },
  };

  generate (f->db, 5000, 3, NOW);
  assert_invariants (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      sqlite3_stmt *stmt = NULL;
      double share;

      g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (f->db), shares[i].sql, -1,
                                           &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      share = sqlite3_column_double (stmt, 0);
      sqlite3_finalize (stmt);

      g_test_message ("%s: %.3f", shares[i].what, share);
      if (share < shares[i].lo || share > shares[i].hi)
        g_error ("%s: %.3f, expected %.2f to %.2f", shares[i].what, share, shares[i].lo,
                 shares[i].hi);
    }

  /* Every source, tier and follow-up kind that matters appears. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count(DISTINCT source) FROM customer"), ==, 6);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(DISTINCT tier) FROM customer"), ==, 3);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(DISTINCT kind) FROM activity"), ==, 6);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(DISTINCT satisfaction) FROM activity"),
                   ==, 5);

  /* Planned and overdue follow-ups, judged at the start of 2026-01-15. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM activity WHERE done_at IS NULL"
                                          " AND due_at >= " MIDNIGHT_SQL), >, 100);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM activity WHERE done_at IS NULL"
                                          " AND due_at < " MIDNIGHT_SQL), >, 20);

  /* The KPI dashboard has history: deals are won and lost in every month of
   * the 18 before this one but the first (2024-07), where few had had time to
   * close. 5 000 deals over 18 months are about 280 a month. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM (SELECT strftime('%%Y-%%m', d.closed_at,"
                         " 'unixepoch', 'localtime') AS month, count(*) AS n FROM deal d"
                         " JOIN stage s ON s.id = d.stage_id WHERE s.kind = '%s'"
                         " GROUP BY month HAVING n >= 20)"
                         " WHERE month BETWEEN '2024-08' AND '2025-12'",
                         i == 0 ? "won" : "lost");

      g_assert_cmpint (test_query_int (f->db, sql), ==, 17);
    }

  /* Cycle times from days to months. */
  g_assert_cmpint (test_query_int (f->db,
                                   "SELECT min(closed_at - created_at) FROM deal d"
                                   " JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'won'"),
                   <, 14 * 86400);
  g_assert_cmpint (test_query_int (f->db,
                                   "SELECT max(closed_at - created_at) FROM deal d"
                                   " JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'won'"),
                   >, 120 * 86400);

  /* Contract numbers are unique (also an index), instalments 1 to 4. */
  g_assert_cmpint (test_query_int (f->db, "SELECT count(DISTINCT n) FROM (SELECT count(*) AS n"
                                          " FROM payment_plan GROUP BY contract_id)"), ==, 4);
}

static void
test_demo_deterministic (void)
{
  g_autofree char *a = hash_of_new_database (300, 42, NOW);
  g_autofree char *b = hash_of_new_database (300, 42, NOW);
  /* The data is as of the start of the day: any time that day is the same. */
  g_autofree char *c = hash_of_new_database (300, 42, MIDNIGHT + 23 * 3600);
  g_autofree char *other_seed = hash_of_new_database (300, 43, NOW);
  g_autofree char *other_day = hash_of_new_database (300, 42, NOW + 86400);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);
  g_assert_cmpstr (a, !=, other_seed);
  g_assert_cmpstr (a, !=, other_day);
}

/* A second run adds new customers and deals and reuses the reps. */
static void
test_demo_second_run (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first_deals = NULL;
  g_autofree char *kept = NULL;
  SalesDemoResult r;

  generate (f->db, 300, 1, NOW);
  first_deals = test_dump_table (f->db, "deal");

  r = generate (f->db, 300, 1, NOW);
  g_assert_cmpuint (r.reps, ==, 0);
  g_assert_cmpuint (r.deals, ==, 300);
  g_assert_cmpint (sales_db_count (f->db, "rep"), ==, 8);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 120);
  g_assert_cmpint (sales_db_count (f->db, "deal"), ==, 600);

  /* The first run's deals are untouched. */
  test_exec (f->db, "CREATE TEMP TABLE first AS SELECT * FROM deal WHERE id <= 300");
  kept = test_dump_table (f->db, "temp.first");
  g_assert_cmpstr (kept, ==, first_deals);

  /* Months that have targets keep them, also when a run adds nothing new. */
  g_assert_cmpint (sales_db_count (f->db, "target"), ==, 8 * 22 + 10);
  generate (f->db, 30, 1, NOW);
  g_assert_cmpint (sales_db_count (f->db, "target"), ==, 8 * 22 + 10);
  assert_invariants (f->db);
}

/* Rows a user made are kept, and the demo's deals line up after theirs. */
static void
test_demo_existing_data (Fixture       *f,
                         gconstpointer  data)
{
  gint64 first_stage = test_query_int (f->db, "SELECT id FROM stage ORDER BY position LIMIT 1");
  g_autoptr(SalesRep) rep = test_add_rep (f, "Zoe Example");
  g_autoptr(SalesCustomer) customer =
    test_add_customer (f, "Acme", sales_record_get_id (SALES_RECORD (rep)));
  g_autoptr(SalesDeal) deal = test_add_deal (f, sales_record_get_id (SALES_RECORD (customer)),
                                             first_stage, "Anvils", 100000);
  gint64 deal_id = sales_record_get_id (SALES_RECORD (deal));
  g_autofree char *user_deal =
    g_strdup_printf ("SELECT title || '|' || stage_id || '|' || position || '|' || created_at"
                     " FROM deal WHERE id = %" G_GINT64_FORMAT, deal_id);
  g_autofree char *move = g_strdup_printf ("UPDATE deal SET position = 5000"
                                           " WHERE id = %" G_GINT64_FORMAT, deal_id);
  g_autofree char *positions = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Where drops between cards may have left the user's card. */
  test_exec (f->db, move);
  before = test_query_text (f->db, user_deal);

  generate (f->db, 100, 1, NOW);

  g_assert_cmpint (sales_db_count (f->db, "rep"), ==, 1 + 8);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 1 + 20);
  g_assert_cmpint (sales_db_count (f->db, "deal"), ==, 1 + 100);
  after = test_query_text (f->db, user_deal);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (test_query_int (f->db, "SELECT min(id) FROM customer WHERE name != 'Acme'"),
                   ==, 2);

  /* The demo's cards follow at 5000 + 1024, 5000 + 2048... in the user's
   * stage and at 0, 1024... in the others. */
  positions = g_strdup_printf ("SELECT count(*) FROM (SELECT count(*) AS n,"
                               " count(DISTINCT position) AS d, min(position - base) AS lo,"
                               " max(position - base) AS hi, max((position - base) %% 1024) AS r"
                               " FROM (SELECT *, CASE stage_id WHEN %" G_GINT64_FORMAT
                               "  THEN 6024 ELSE 0 END AS base FROM deal"
                               "  WHERE id != %" G_GINT64_FORMAT ")"
                               " GROUP BY stage_id)"
                               " WHERE d != n OR lo != 0 OR hi != (n - 1) * 1024 OR r != 0",
                               first_stage, deal_id);
  g_assert_cmpint (test_query_int (f->db, positions), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(DISTINCT stage_id) FROM deal"), >, 2);
  g_assert_cmpint (test_query_int (f->db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_demo_cancel (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable, calls };
  SalesDemoOptions options;
  SalesDemoResult r = { 0 };

  sales_demo_options_init (&options);
  options.deals = 200;
  options.now = NOW;
  options.batch_size = 50;

  g_assert_false (sales_demo_generate (f->db, &options, on_progress, &progress, cancellable,
                                       &r, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Cancelled after the first of four batches: that batch, whole, and nothing else. */
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpuint (g_array_index (calls, guint64, 0), ==, 50);
  g_assert_cmpuint (g_array_index (calls, guint64, 1), ==, 200);
  g_assert_cmpuint (r.deals, ==, 50);
  g_assert_cmpint (sales_db_count (f->db, "deal"), ==, 50);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, (gint64)r.customers);
  g_assert_cmpint (sales_db_count (f->db, "activity"), ==, (gint64)r.activities);
  g_assert_cmpint (sales_db_count (f->db, "rep"), ==, 8);
  /* Targets come with the last batch. */
  g_assert_cmpint (sales_db_count (f->db, "target"), ==, 0);
  g_assert_false (sales_db_in_transaction (f->db));
  assert_invariants (f->db);
  /* Foreign keys are back on. */
  g_assert_cmpint (test_query_int (f->db, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_demo_batches (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GError) error = NULL;
  Progress progress = { NULL, calls };
  SalesDemoOptions options;

  sales_demo_options_init (&options);
  options.deals = 230;
  options.now = NOW;
  options.batch_size = 100;

  g_assert_true (sales_demo_generate (f->db, &options, on_progress, &progress, NULL, NULL,
                                      &error));
  g_assert_no_error (error);

  /* 100, 200 and 230 of 230. */
  g_assert_cmpuint (calls->len, ==, 6);
  g_assert_cmpuint (g_array_index (calls, guint64, 0), ==, 100);
  g_assert_cmpuint (g_array_index (calls, guint64, 2), ==, 200);
  g_assert_cmpuint (g_array_index (calls, guint64, 4), ==, 230);
  g_assert_cmpuint (g_array_index (calls, guint64, 5), ==, 230);
  g_assert_cmpint (sales_db_count (f->db, "deal"), ==, 230);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 46);
  assert_invariants (f->db);
}

static char *
index_list (SalesDb *db)
{
  return test_query_text (db, "SELECT group_concat(name || ': ' || sql, '\n') FROM"
                              " (SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                              "  ORDER BY name)");
}

static char *
hash_with_options (guint batch_size,
                   guint bulk_deals)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *indexes = NULL;
  g_autofree char *fresh_indexes = NULL;
  g_autofree char *journal = NULL;
  SalesDemoOptions options;
  Fixture f = { 0 };
  char *hash;

  fixture_set_up (&f, NULL);
  fresh_indexes = index_list (f.db);
  sales_demo_options_init (&options);
  options.deals = 300;
  options.now = NOW;
  options.batch_size = batch_size;
  options.bulk_deals = bulk_deals;
  g_assert_true (sales_demo_generate (f.db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The indexes dropped for a bulk run are all back, exactly as they were, and the file
   * is in WAL again after the bulk run's rollback journal. */
  indexes = index_list (f.db);
  g_assert_cmpstr (indexes, ==, fresh_indexes);
  journal = test_query_text (f.db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  assert_invariants (f.db);

  hash = content_hash (f.db);
  fixture_tear_down (&f, NULL);
  return hash;
}

/* One transaction with the indexes created at the end writes the same rows. */
static void
test_demo_bulk (void)
{
  g_autofree char *batched = hash_with_options (100, 0);
  g_autofree char *bulk = hash_with_options (100, 300);

  g_assert_cmpstr (bulk, ==, batched);
}

static void
cancel_after_first_batch (Fixture  *f,
                          guint     deals,
                          guint     bulk_deals,
                          GError  **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint64));
  Progress progress = { cancellable, calls };
  SalesDemoOptions options;

  sales_demo_options_init (&options);
  options.deals = deals;
  options.now = NOW;
  options.batch_size = 50;
  options.bulk_deals = bulk_deals;
  g_assert_false (sales_demo_generate (f->db, &options, on_progress, &progress, cancellable,
                                       NULL, error));
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpuint (g_array_index (calls, guint64, 0), ==, 50);
}

/* A cancelled bulk run leaves nothing, indexes included. */
static void
test_demo_bulk_cancel (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *fresh_indexes = index_list (f->db);
  g_autofree char *indexes = NULL;
  g_autoptr(GError) error = NULL;

  cancel_after_first_batch (f, 200, 100, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpint (sales_db_count (f->db, "deal"), ==, 0);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 0);
  g_assert_cmpint (sales_db_count (f->db, "rep"), ==, 0);
  g_assert_false (sales_db_in_transaction (f->db));
  indexes = index_list (f->db);
  g_assert_cmpstr (indexes, ==, fresh_indexes);
}

/* Not in bulk when the database already has more deals than the run adds:
 * then batches are committed one by one. */
static void
test_demo_bulk_not_chosen (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  generate (f->db, 300, 1, NOW);
  cancel_after_first_batch (f, 200, 100, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (sales_db_count (f->db, "deal"), ==, 300 + 50);
  assert_invariants (f->db);
}

static void
test_demo_no_pipeline (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SalesDemoOptions options;

  test_exec (f->db, "DELETE FROM stage WHERE kind = 'lost'");
  sales_demo_options_init (&options);
  options.now = NOW;

  g_assert_false (sales_demo_generate (f->db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpint (sales_db_count (f->db, "rep"), ==, 0);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 0);
  g_assert_false (sales_db_in_transaction (f->db));
}

/* The search benchmark asks for three contacts a customer: one to five each, one of them
 * primary. */
static void
test_demo_contacts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SalesDemoOptions options;
  SalesDemoResult r = { 0 };
  double average;

  sales_demo_options_init (&options);
  options.deals = 1000;
  options.now = NOW;
  options.contacts = 3;
  g_assert_true (sales_demo_generate (f->db, &options, NULL, NULL, NULL, &r, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (r.customers, ==, 200);
  g_assert_cmpint (sales_db_count (f->db, "contact"), ==, (gint64)r.contacts);
  average = (double)r.contacts / r.customers;
  g_assert_cmpfloat (average, >=, 2.7);
  g_assert_cmpfloat (average, <=, 3.3);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM (SELECT count (*) AS n FROM"
                                          " contact GROUP BY customer_id) WHERE n > 5"), ==, 0);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (DISTINCT customer_id) FROM contact"),
                   ==, 200);
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM contact WHERE is_primary"), ==,
                   200);
  g_assert_cmpint (test_query_int (f->db, "SELECT max (n) FROM (SELECT count (*) AS n FROM"
                                          " contact GROUP BY customer_id)"), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/defaults", test_demo_defaults);
  g_test_add ("/demo/counts", Fixture, NULL, fixture_set_up, test_demo_counts, fixture_tear_down);
  g_test_add ("/demo/small", Fixture, NULL, fixture_set_up, test_demo_small, fixture_tear_down);
  g_test_add ("/demo/realistic", Fixture, NULL, fixture_set_up, test_demo_realistic,
              fixture_tear_down);
  g_test_add_func ("/demo/deterministic", test_demo_deterministic);
  g_test_add ("/demo/second-run", Fixture, NULL, fixture_set_up, test_demo_second_run,
              fixture_tear_down);
  g_test_add ("/demo/existing-data", Fixture, NULL, fixture_set_up, test_demo_existing_data,
              fixture_tear_down);
  g_test_add ("/demo/cancel", Fixture, NULL, fixture_set_up, test_demo_cancel, fixture_tear_down);
  g_test_add ("/demo/batches", Fixture, NULL, fixture_set_up, test_demo_batches,
              fixture_tear_down);
  g_test_add ("/demo/contacts", Fixture, NULL, fixture_set_up, test_demo_contacts,
              fixture_tear_down);
  g_test_add_func ("/demo/bulk", test_demo_bulk);
  g_test_add ("/demo/bulk-cancel", Fixture, NULL, fixture_set_up, test_demo_bulk_cancel,
              fixture_tear_down);
  g_test_add ("/demo/bulk-not-chosen", Fixture, NULL, fixture_set_up, test_demo_bulk_not_chosen,
              fixture_tear_down);
  g_test_add ("/demo/no-pipeline", Fixture, NULL, fixture_set_up, test_demo_no_pipeline,
              fixture_tear_down);

  return g_test_run ();
}
