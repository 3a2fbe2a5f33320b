/* test-kpi.c: every key figure on a hand-built fixture, worked out by hand below
 *
 * The tests run in Asia/Shanghai (UTC+8, no daylight saving; tests/meson.build sets TZ), and
 * the period is October 2026: from 2026-10-01 00:00 local (2026-09-30 16:00 UTC) to
 * 2026-11-01 00:00 local (2026-10-31 16:00 UTC). Several rows sit on either side of those
 * two instants, where the local month and the UTC month differ.
 *
 * Stages (the defaults of a new database): 1 Lead 10 %, 2 Initial contact 20 %,
 * 3 Needs confirmed 40 %, 4 Proposal / quote 60 %, 5 Negotiation 80 % (open, in this order),
 * 6 Won 100 %, 7 Lost 0 %. Lost reasons: 1 Price too high, 2 Chose a competitor, 3 No budget.
 *
 * Reps: 1 Alice (has targets), 2 Bob (no target at all), 3 Carol (nothing at all).
 *
 * Customers (owner, source, created):
 *   c1 Acme   Alice referral  2026-09-15           before P
 *   c2 Beta   Bob   website   2026-10-01 00:30     in P (UTC: 09-30 16:30, September)
 *   c3 Gamma  Alice (none)    2026-10-31 23:30     in P (UTC: 10-31 15:30)
 *   c4 Delta  Bob   referral  2026-11-01 00:10     not in P (UTC: 10-31 16:10, October)
 *   c5 Old    Alice website   2026-01-10           won a deal in February, then silence
 *   c6 Loyal  Bob   website   2026-01-10           won a deal in March, a follow-up in September
 *
 * Deals (owner, customer, amount in cents, history; times local):
 *   d1  Alice c1 1 000 000  09-20 12:00 Lead, 10-05 Proposal, 10-20 12:00 Won
 *   d2  Bob   c2   500 000  10-01 00:30 Lead, 10-03 Initial contact, 10-31 23:00 Won
 *   d3  Alice c1   300 000  10-02 Lead, 10-10 Lost (Price too high)
 *   d4  Alice c3   800 000  09-01 Needs confirmed, 10-15 Lost (Chose a competitor),
 *                           11-05 reopened into Negotiation        expected 2026-11-10
 *   d5  Bob   c1   200 000  09-10 Lead, 09-25 Lost (No budget), 10-08 reopened into Proposal
 *                                                                   expected 2027-01-10
 *   d6  Bob   c2   400 000  10-12 Lead, 10-25 Needs confirmed, 11-03 Negotiation
 *                                                                   expected 2026-12-15
 *   d7  Alice c3   600 000  10-31 23:30 Lead                        expected 2026-11-20
 *   d8  Bob   c4   700 000  11-01 00:10 Lead                        expected 2026-11-15
 *   d9  Alice c1   900 000  09-05 Initial contact, 11-02 Won        expected 2026-11-30
 *   d10 Alice c5   100 000  02-01 Lead, 02-20 Won
 *   d11 Bob   c6   100 000  03-01 Lead, 03-10 Won
 *   d12 none  c2    50 000  10-10 12:00 Proposal, 10-11 12:00 Won
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "test-util.h"

#define ALICE 1
#define BOB   2
#define CAROL 3

static gint64
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
exec_printf (Fixture    *f,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
exec_printf (Fixture    *f,
             const char *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  test_exec (f->db, sql);
}

static void
add_customer (Fixture    *f,
              gint64      id,
              const char *name,
              gint64      owner,
              const char *source,
              gint64      created)
{
  g_autofree char *quoted = source != NULL ? g_strdup_printf ("'%s'", source) : g_strdup ("NULL");

  exec_printf (f, "INSERT INTO customer (id, name, owner_id, source, created_at, updated_at) "
               "VALUES (%" G_GINT64_FORMAT ", '%s', nullif(%" G_GINT64_FORMAT ", 0), %s, "
               "%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
               id, name, owner, quoted, created, created);
}

/* A deal and its history: @moves is stage, time, stage, time, …, 0 (the first is its
 * creation). The row ends in the last stage, closed when that is Won (6) or Lost (7). */
static void
add_deal (Fixture    *f,
          gint64      id,
          gint64      owner,
          gint64      customer,
          gint64      amount,
          const char *expected_close,
          gint64      lost_reason,
          ...)
{
  g_autofree char *close = expected_close != NULL ? g_strdup_printf ("'%s'", expected_close)
                                                  : g_strdup ("NULL");
  gint64 stage = 0;
  gint64 created = 0;
  gint64 changed = 0;
  gint64 from = 0;
  va_list args;

  exec_printf (f, "INSERT INTO deal (id, title, customer_id, owner_id, stage_id, amount_cents, "
               "created_at, stage_changed_at) VALUES (%" G_GINT64_FORMAT ", 'd', "
               "%" G_GINT64_FORMAT ", NULL, 1, 0, 0, 0)", id, customer);

  va_start (args, lost_reason);
  while ((stage = va_arg (args, gint64)) != 0)
    {
      changed = va_arg (args, gint64);
      if (created == 0)
        created = changed;
      exec_printf (f, "INSERT INTO deal_stage_history (deal_id, from_stage_id, to_stage_id, "
                   "changed_at) VALUES (%" G_GINT64_FORMAT ", nullif(%" G_GINT64_FORMAT ", 0), "
                   "%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", id, from, stage, changed);
      from = stage;
    }
  va_end (args);

  exec_printf (f, "UPDATE deal SET owner_id = nullif(%" G_GINT64_FORMAT ", 0), "
               "stage_id = %" G_GINT64_FORMAT ", amount_cents = %" G_GINT64_FORMAT ", "
               "expected_close = %s, created_at = %" G_GINT64_FORMAT ", "
               "stage_changed_at = %" G_GINT64_FORMAT ", "
               "closed_at = CASE WHEN %" G_GINT64_FORMAT " >= 6 THEN %" G_GINT64_FORMAT " END, "
               "lost_reason_id = nullif(%" G_GINT64_FORMAT ", 0) WHERE id = %" G_GINT64_FORMAT,
               owner, from, amount, close, created, changed, from, changed, lost_reason, id);
}

static void
add_activity (Fixture    *f,
              gint64      owner,
              gint64      customer,
              const char *kind,
              gint64      due,
              gint64      done,
              int         satisfaction)
{
  exec_printf (f, "INSERT INTO activity (customer_id, owner_id, kind, due_at, done_at, "
               "satisfaction) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', "
               "nullif(%" G_GINT64_FORMAT ", 0), nullif(%" G_GINT64_FORMAT ", 0), "
               "nullif(%d, 0))", customer, owner, kind, due, done, satisfaction);
}

#define D(y, m, d) at (y, m, d, 12, 0)

static void
build_fixture (Fixture *f)
{
  test_exec (f->db, "INSERT INTO rep (id, name) VALUES (1, 'Alice'), (2, 'Bob'), (3, 'Carol')");

  add_customer (f, 1, "Acme", ALICE, "referral", D (2026, 9, 15));
  add_customer (f, 2, "Beta", BOB, "website", at (2026, 10, 1, 0, 30));
  add_customer (f, 3, "Gamma", ALICE, NULL, at (2026, 10, 31, 23, 30));
  add_customer (f, 4, "Delta", BOB, "referral", at (2026, 11, 1, 0, 10));
  add_customer (f, 5, "Old", ALICE, "website", D (2026, 1, 10));
  add_customer (f, 6, "Loyal", BOB, "website", D (2026, 1, 10));

  add_deal (f, 1, ALICE, 1, 1000000, NULL, 0,
            (gint64)1, D (2026, 9, 20), (gint64)4, D (2026, 10, 5), (gint64)6, D (2026, 10, 20),
            (gint64)0);
  add_deal (f, 2, BOB, 2, 500000, NULL, 0,
            (gint64)1, at (2026, 10, 1, 0, 30), (gint64)2, D (2026, 10, 3),
            (gint64)6, at (2026, 10, 31, 23, 0), (gint64)0);
  add_deal (f, 3, ALICE, 1, 300000, NULL, 1,
            (gint64)1, D (2026, 10, 2), (gint64)7, D (2026, 10, 10), (gint64)0);
  add_deal (f, 4, ALICE, 3, 800000, "2026-11-10", 0,
            (gint64)3, D (2026, 9, 1), (gint64)7, D (2026, 10, 15), (gint64)5, D (2026, 11, 5),
            (gint64)0);
  add_deal (f, 5, BOB, 1, 200000, "2027-01-10", 0,
            (gint64)1, D (2026, 9, 10), (gint64)7, D (2026, 9, 25), (gint64)4, D (2026, 10, 8),
            (gint64)0);
  add_deal (f, 6, BOB, 2, 400000, "2026-12-15", 0,
            (gint64)1, D (2026, 10, 12), (gint64)3, D (2026, 10, 25), (gint64)5, D (2026, 11, 3),
            (gint64)0);
  add_deal (f, 7, ALICE, 3, 600000, "2026-11-20", 0,
            (gint64)1, at (2026, 10, 31, 23, 30), (gint64)0);
  add_deal (f, 8, BOB, 4, 700000, "2026-11-15", 0,
            (gint64)1, at (2026, 11, 1, 0, 10), (gint64)0);
  add_deal (f, 9, ALICE, 1, 900000, "2026-11-30", 0,
            (gint64)2, D (2026, 9, 5), (gint64)6, D (2026, 11, 2), (gint64)0);
  add_deal (f, 10, ALICE, 5, 100000, NULL, 0,
            (gint64)1, D (2026, 2, 1), (gint64)6, D (2026, 2, 20), (gint64)0);
  add_deal (f, 11, BOB, 6, 100000, NULL, 0,
            (gint64)1, D (2026, 3, 1), (gint64)6, D (2026, 3, 10), (gint64)0);
  add_deal (f, 12, 0, 2, 50000, NULL, 0,
            (gint64)4, D (2026, 10, 10), (gint64)6, D (2026, 10, 11), (gint64)0);

  /* Follow-ups: owner, customer, kind, due, done, satisfaction. */
  /* a1: due at the very start of P, done the same local day: due in P, on time, done in P. */
  add_activity (f, ALICE, 1, "call", at (2026, 10, 1, 0, 0), at (2026, 10, 1, 23, 59), 0);
  /* a2: due 10-31, done 11-01 00:30 local (UTC still 10-31): late, and not done in P. */
  add_activity (f, ALICE, 3, "call", at (2026, 10, 31, 10, 0), at (2026, 11, 1, 0, 30), 0);
  /* a3: due 09-30 23:30 local, before P (UTC 09-30 15:30); done 10-01 09:00, in P. */
  add_activity (f, BOB, 2, "visit", at (2026, 9, 30, 23, 30), at (2026, 10, 1, 9, 0), 0);
  /* a4: due in P, never done: due, late. */
  add_activity (f, BOB, 2, "call", at (2026, 10, 15, 9, 0), 0, 0);
  /* a5: a service visit done in P without a due time, satisfaction 4. */
  add_activity (f, BOB, 2, "service", 0, D (2026, 10, 20), 4);
  /* a6: service due and done on 10-21, satisfaction 5: on time, done in P. */
  add_activity (f, ALICE, 1, "service", at (2026, 10, 21, 8, 0), at (2026, 10, 21, 10, 0), 5);
  /* a7: service done in September, satisfaction 1: not in P. */
  add_activity (f, ALICE, 1, "service", 0, D (2026, 9, 28), 1);
  /* a8: due at the very end of P (11-01 00:00 local), which belongs to November. */
  add_activity (f, BOB, 4, "note", at (2026, 11, 1, 0, 0), 0, 0);
  /* a9: Loyal's follow-up in September keeps it from churning. */
  add_activity (f, BOB, 6, "call", 0, D (2026, 9, 20), 0);
  /* a10: service done in P without a satisfaction score: done, but no score. */
  add_activity (f, BOB, 2, "service", 0, D (2026, 10, 22), 0);

  /* Targets: Alice in September and October; the team only in September; Bob none. */
  test_exec (f->db,
             "INSERT INTO target (owner_id, month, amount_cents, stretch_cents, new_customers) "
             "VALUES (1, '2026-10', 2000000, 2500000, 2), (1, '2026-09', 1000000, 0, 1), "
             "(NULL, '2026-09', 3000000, 4000000, 5)");

  /* Contracts with instalments (payment_plan) and payments. */
  test_exec (f->db,
             "INSERT INTO contract (id, customer_id, deal_id, number, amount_cents, signed_on) "
             "VALUES (1, 1, 1, 'K1', 1000000, '2026-09-01'), (2, 2, 2, 'K2', 500000, '2026-10-01'),"
             " (3, 5, 10, 'K3', 300000, '2026-02-20'), (4, 6, 11, 'K4', 200000, '2026-03-10');"
             "INSERT INTO payment_plan (contract_id, due_on, amount_cents) VALUES"
             " (1, '2026-09-15', 400000), (1, '2026-10-15', 300000), (1, '2026-11-15', 300000),"
             " (2, '2026-10-10', 500000), (3, '2026-03-01', 300000), (4, '2026-09-30', 200000);"
             "INSERT INTO payment (contract_id, received_on, amount_cents) VALUES"
             " (1, '2026-09-14', 400000), (1, '2026-10-31', 100000), (1, '2026-11-01', 200000),"
             " (2, '2026-10-01', 100000), (2, '2026-10-20', 400000), (3, '2026-02-25', 300000),"
             " (4, '2026-11-05', 200000);");
}

static void
expect_int (JsonObject *o,
            const char *key,
            gint64      expected)
{
  JsonNode *node = json_object_get_member (o, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    g_error ("“%s” is not an integer", key);
  if (json_node_get_int (node) != expected)
    g_error ("“%s” is %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT, key,
             json_node_get_int (node), expected);
}

/* NAN: expect null. */
static void
expect_rate (JsonObject *o,
             const char *key,
             double      expected)
{
  JsonNode *node = json_object_get_member (o, key);
  double value;

  if (node == NULL)
    g_error ("no “%s”", key);
  if (isnan (expected))
    {
      if (!JSON_NODE_HOLDS_NULL (node))
        g_error ("“%s” should be null", key);
      return;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    g_error ("“%s” is null, expected %g", key, expected);
  value = json_node_get_value_type (node) == G_TYPE_INT64 ? (double)json_node_get_int (node)
                                                           : json_node_get_double (node);
  if (fabs (value - expected) > 1e-9)
    g_error ("“%s” is %.12g, expected %.12g", key, value, expected);
}

static void
expect_string (JsonObject *o,
               const char *key,
               const char *expected)
{
  JsonNode *node = json_object_get_member (o, key);

  g_assert_nonnull (node);
  if (expected == NULL)
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else
    g_assert_cmpstr (json_node_get_string (node), ==, expected);
}

/* reached[] and conversion[] of the five open stages, and the won count. */
static void
expect_funnel (JsonObject    *o,
               const gint64   reached[5],
               const double   conversion[5],
               gint64         won)
{
  JsonObject *funnel = json_object_get_object_member (o, "funnel");
  JsonArray *stages = json_object_get_array_member (funnel, "stages");
  static const char * const names[] = {
    "Lead", "Initial contact", "Needs confirmed", "Proposal / quote", "Negotiation"
  };

  g_assert_cmpuint (json_array_get_length (stages), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);

      expect_int (stage, "stage_id", i + 1);
      expect_string (stage, "name", names[i]);
      expect_int (stage, "reached", reached[i]);
      expect_rate (stage, "conversion", conversion[i]);
    }
  expect_int (funnel, "won", won);
}

static void
expect_source (JsonArray  *sources,
               guint       index,
               const char *source,
               gint64      won_amount,
               gint64      won_count)
{
  JsonObject *o = json_array_get_object_element (sources, index);

  expect_string (o, "source", source);
  expect_int (o, "won_amount", won_amount);
  expect_int (o, "won_count", won_count);
}

/* The whole team in October 2026. */
static void
expect_team_october (JsonObject *o)
{
  /* Won in P: d1 1 000 000 (10-20), d2 500 000 (10-31 23:00 local, 15:00 UTC), d12 50 000.
   * Not d9 (won 11-02). Lost in P: d3 only; d4 was lost in P but is open again, and d5
   * was lost in September: their rows are not closed. */
  expect_int (o, "won_amount", 1550000);
  expect_int (o, "won_count", 3);
  expect_int (o, "lost_count", 1);
  expect_rate (o, "win_rate", 3.0 / 4.0);
  /* Created in P: d2 (10-01 00:30), d3, d6, d7 (10-31 23:30), d12; not d8 (11-01 00:10
   * local, though 10-31 in UTC). Customers: c2 and c3, not c4 (11-01 00:10 local). */
  expect_int (o, "new_deals", 5);
  expect_int (o, "new_customers", 2);
  /* Open at the end of P, in the stage of the history then:
   *   d5 Proposal 60 %: 200 000 → 120 000 (reopened 10-08, after its September loss)
   *   d6 Needs confirmed 40 % (moved on 11-03): 400 000 → 160 000
   *   d7 Lead 10 %: 600 000 → 60 000
   *   d9 Initial contact 20 % (won 11-02): 900 000 → 180 000
   * Not d4, which was lost on 10-15 and reopened on 11-05, nor d8, created after P.
   *   2 100 000, weighted 520 000. */
  expect_int (o, "open_amount", 2100000);
  expect_int (o, "weighted_open_amount", 520000);
  /* d1 30 days (09-20 12:00 to 10-20 12:00), d2 30 days 22.5 hours = 30.9375, d12 1 day:
   * 61.9375 / 3. */
  expect_rate (o, "avg_cycle_days", 61.9375 / 3.0);
  /* Deals created in P and the furthest stage each reached: d2 Won, d12 Won (created in
   * Proposal), d6 Negotiation, d3 Lead (then lost), d7 Lead. Reached, stage or later:
   * Lead 5; Initial contact 3 (d2, d6, d12: skipping a stage still passes it); Needs
   * confirmed 3; Proposal 3; Negotiation 3; won 2. Conversions 3/5, 1, 1, 1, 2/3. */
  {
    const gint64 reached[5] = { 5, 3, 3, 3, 3 };
    const double conversion[5] = { 0.6, 1, 1, 1, 2.0 / 3.0 };

    expect_funnel (o, reached, conversion, 2);
  }
  /* Done in P: a1 (10-01 23:59), a3 (10-01 09:00), a5, a6, a10; not a2 (11-01 00:30 local),
   * a7, a9. Due in P: a1 (10-01 00:00), a2, a4, a6; not a3 (09-30 23:30 local), a8
   * (11-01 00:00). On time: a1 and a6; a2 was done the next day, a4 never: 2 / 4. */
  expect_int (o, "activities_done", 5);
  expect_rate (o, "followup_on_time_rate", 0.5);
  /* The team has no October row, so the reps' rows add up: Alice's alone, 2 000 000,
   * stretch 2 500 000, 2 new customers. 1 550 000 / 2 000 000 = 0.775, / 2 500 000 =
   * 0.62; new customers 2 / 2. */
  expect_int (o, "target_amount", 2000000);
  expect_rate (o, "attainment", 0.775);
  expect_int (o, "stretch_target_amount", 2500000);
  expect_rate (o, "stretch_attainment", 0.62);
  expect_int (o, "new_customers_target", 2);
  expect_rate (o, "new_customers_attainment", 1.0);
  /* Received in P: K1 100 000 on 10-31, K2 100 000 + 400 000. Overdue at 10-31: K1 has
   * 700 000 due (09-15, 10-15) and 500 000 received by then: 200 000; K4 200 000 due on
   * 09-30 and paid only on 11-05: 200 000; K2 and K3 are settled. K2 was paid in full on
   * 10-20, 19 days after signing on 10-01; K1 is not paid in full, K3 was before P. */
  expect_int (o, "collected_amount", 600000);
  expect_int (o, "overdue_amount", 400000);
  expect_rate (o, "avg_collection_days", 19);
  /* Service follow-ups done in P with a score: a5 4, a6 5 (a10 has none, a7 is in
   * September). */
  expect_rate (o, "avg_satisfaction", 4.5);
  /* Won before P: c5 (d10, February) and c6 (d11, March). In the 90 days before the end
   * of P (from 08-03 00:00 local): c5 has nothing, c6 has a9 on 09-20. 1 / 2. */
  expect_rate (o, "churn_rate", 0.5);

  {
    JsonArray *sources = json_object_get_array_member (o, "by_source");
    JsonArray *reasons = json_object_get_array_member (o, "by_lost_reason");
    JsonObject *reason;

    /* referral: d1 (c1); website: d2 and d12 (c2). */
    g_assert_cmpuint (json_array_get_length (sources), ==, 2);
    expect_source (sources, 0, "referral", 1000000, 1);
    expect_source (sources, 1, "website", 550000, 2);
    g_assert_cmpuint (json_array_get_length (reasons), ==, 1);
    reason = json_array_get_object_element (reasons, 0);
    expect_int (reason, "lost_reason_id", 1);
    expect_string (reason, "name", "Price too high");
    expect_int (reason, "lost_count", 1);
  }
}

/* Alice in October: d1 won, d3 lost; d3 and d7 created; c3 new; d7 and d9 open
 * (600 000 + 900 000, weighted 60 000 + 180 000); a1, a6 done; a1, a2, a6 due, a2 late;
 * her own targets; K1 (c1) 100 000 received and 200 000 overdue; a6 scored 5; c5 churned. */
static void
expect_alice_october (JsonObject *o)
{
  expect_int (o, "won_amount", 1000000);
  expect_int (o, "won_count", 1);
  expect_int (o, "lost_count", 1);
  expect_rate (o, "win_rate", 0.5);
  expect_int (o, "new_deals", 2);
  expect_int (o, "new_customers", 1);
  expect_int (o, "open_amount", 1500000);
  expect_int (o, "weighted_open_amount", 240000);
  expect_rate (o, "avg_cycle_days", 30);
  {
    /* d3 and d7 never got past Lead. */
    const gint64 reached[5] = { 2, 0, 0, 0, 0 };
    const double conversion[5] = { 0, NAN, NAN, NAN, NAN };

    expect_funnel (o, reached, conversion, 0);
  }
  expect_int (o, "activities_done", 2);
  expect_rate (o, "followup_on_time_rate", 2.0 / 3.0);
  expect_int (o, "target_amount", 2000000);
  expect_rate (o, "attainment", 0.5);
  expect_int (o, "stretch_target_amount", 2500000);
  expect_rate (o, "stretch_attainment", 0.4);
  expect_int (o, "new_customers_target", 2);
  expect_rate (o, "new_customers_attainment", 0.5);
  expect_int (o, "collected_amount", 100000);
  expect_int (o, "overdue_amount", 200000);
  expect_rate (o, "avg_collection_days", NAN);
  expect_rate (o, "avg_satisfaction", 5);
  expect_rate (o, "churn_rate", 1.0);
}

/* Bob in October: d2 won, nothing lost; d2 and d6 created; c2 new; d5 and d6 open
 * (200 000 + 400 000, weighted 120 000 + 160 000); a3, a5, a10 done; a4 due and never done;
 * no target at all, so no attainment; K2 paid in full in 19 days, K4 200 000 overdue; a5
 * scored 4; c6 kept. */
static void
expect_bob_october (JsonObject *o)
{
  expect_int (o, "won_amount", 500000);
  expect_int (o, "won_count", 1);
  expect_int (o, "lost_count", 0);
  expect_rate (o, "win_rate", 1.0);
  expect_int (o, "new_deals", 2);
  expect_int (o, "new_customers", 1);
  expect_int (o, "open_amount", 600000);
  expect_int (o, "weighted_open_amount", 280000);
  expect_rate (o, "avg_cycle_days", 30.9375);
  {
    /* d2 won (through Lead and Initial contact), d6 got to Negotiation. */
    const gint64 reached[5] = { 2, 2, 2, 2, 2 };
    const double conversion[5] = { 1, 1, 1, 1, 0.5 };

    expect_funnel (o, reached, conversion, 1);
  }
  expect_int (o, "activities_done", 3);
  expect_rate (o, "followup_on_time_rate", 0);
  expect_int (o, "target_amount", 0);
  expect_rate (o, "attainment", NAN);
  expect_int (o, "stretch_target_amount", 0);
  expect_rate (o, "stretch_attainment", NAN);
  expect_int (o, "new_customers_target", 0);
  expect_rate (o, "new_customers_attainment", NAN);
  expect_int (o, "collected_amount", 500000);
  expect_int (o, "overdue_amount", 200000);
  expect_rate (o, "avg_collection_days", 19);
  expect_rate (o, "avg_satisfaction", 4);
  expect_rate (o, "churn_rate", 0);
}

/* Nothing at all: every count 0, every rate null. */
static void
expect_nothing (JsonObject *o)
{
  static const char * const zero[] = {
    "won_amount", "won_count", "lost_count", "new_deals", "new_customers", "open_amount",
    "weighted_open_amount", "activities_done", "target_amount", "stretch_target_amount",
    "new_customers_target", "collected_amount", "overdue_amount",
  };
  static const char * const null[] = {
    "win_rate", "avg_cycle_days", "followup_on_time_rate", "attainment", "stretch_attainment",
    "new_customers_attainment", "avg_collection_days", "avg_satisfaction", "churn_rate",
  };
  const gint64 reached[5] = { 0 };
  const double conversion[5] = { NAN, NAN, NAN, NAN, NAN };

  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    expect_int (o, zero[i], 0);
  for (guint i = 0; i < G_N_ELEMENTS (null); i++)
    expect_rate (o, null[i], NAN);
  expect_funnel (o, reached, conversion, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "by_source")), ==,
                    0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "by_lost_reason")),
                    ==, 0);
}

static void
expect_trend_point (JsonObject *o,
                    guint       index,
                    const char *period,
                    gint64      won_amount,
                    gint64      target_amount)
{
  JsonObject *p = json_array_get_object_element (json_object_get_array_member (o, "trend"),
                                                 index);

  expect_string (p, "period", period);
  expect_int (p, "won_amount", won_amount);
  expect_int (p, "target_amount", target_amount);
}

static void
expect_forecast (JsonObject *o,
                 guint       index,
                 const char *month,
                 gint64      open_amount,
                 gint64      weighted_open_amount)
{
  JsonObject *m = json_array_get_object_element (json_object_get_array_member (o, "forecast"),
                                                 index);

  expect_string (m, "month", month);
  expect_int (m, "open_amount", open_amount);
  expect_int (m, "weighted_open_amount", weighted_open_amount);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* The team's October, and the ranking, trend and forecast that go with it. */
static void
expect_october (JsonObject *o)
{
  JsonArray *by_rep = json_object_get_array_member (o, "by_rep");

  expect_string (o, "period", "2026-10");
  expect_string (o, "first_day", "2026-10-01");
  expect_string (o, "last_day", "2026-10-31");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (o, "rep_id")));
  expect_int (o, "churn_days", 90);
  expect_team_october (o);

  /* Ranked by won amount: Alice 1 000 000, Bob 500 000, Carol nothing. */
  g_assert_cmpuint (json_array_get_length (by_rep), ==, 3);
  expect_int (json_array_get_object_element (by_rep, 0), "rep_id", ALICE);
  expect_string (json_array_get_object_element (by_rep, 0), "name", "Alice");
  expect_alice_october (json_array_get_object_element (by_rep, 0));
  expect_int (json_array_get_object_element (by_rep, 1), "rep_id", BOB);
  expect_bob_october (json_array_get_object_element (by_rep, 1));
  expect_int (json_array_get_object_element (by_rep, 2), "rep_id", CAROL);
  /* Carol has no customers, hence no one to lose: churn is null too. */
  expect_nothing (json_array_get_object_element (by_rep, 2));

  /* November 2025 to October 2026. Won: d10 in February, d11 in March, October's 1 550 000.
   * Targets: September has a team row (3 000 000), which wins over Alice's 1 000 000;
   * October has only Alice's 2 000 000. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "trend")), ==, 12);
  expect_trend_point (o, 0, "2025-11", 0, 0);
  expect_trend_point (o, 2, "2026-01", 0, 0);
  expect_trend_point (o, 3, "2026-02", 100000, 0);
  expect_trend_point (o, 4, "2026-03", 100000, 0);
  expect_trend_point (o, 10, "2026-09", 0, 3000000);
  expect_trend_point (o, 11, "2026-10", 1550000, 2000000);

  /* Open at the end of P by expected close: November d7 600 000 + d9 900 000 (weighted
   * 60 000 + 180 000), December d6 400 000 (160 000), January d5 200 000 (120 000); d4
   * (November) was lost then, d8 (November) did not exist yet. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "forecast")), ==,
                    6);
  expect_forecast (o, 0, "2026-11", 1500000, 240000);
  expect_forecast (o, 1, "2026-12", 400000, 160000);
  expect_forecast (o, 2, "2027-01", 200000, 120000);
  expect_forecast (o, 3, "2027-02", 0, 0);
  expect_forecast (o, 5, "2027-04", 0, 0);
}

static SalesKpi *
compute (Fixture    *f,
         const char *period_text,
         gint64      rep_id)
{
  g_autoptr(GError) error = NULL;
  SalesKpiPeriod period;
  SalesKpi *kpi;

  g_assert_true (sales_kpi_period_parse (&period, period_text, &error));
  g_assert_no_error (error);
  kpi = sales_kpi_compute (f->db, &period, rep_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kpi);
  return kpi;
}

static void
test_periods (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SalesKpiPeriod p;
  SalesKpiPeriod q;

  /* 2026-10-01 00:00 in Shanghai is 2026-09-30 16:00 UTC: 1790784000. */
  g_assert_true (sales_kpi_period_parse (&p, "2026-10", &error));
  g_assert_cmpint (p.start, ==, G_GINT64_CONSTANT (1790784000));
  g_assert_cmpint (p.end, ==, G_GINT64_CONSTANT (1790784000) + 31 * 86400);
  g_assert_cmpstr (p.first_day, ==, "2026-10-01");
  g_assert_cmpstr (p.last_day, ==, "2026-10-31");

  g_assert_true (sales_kpi_period_parse (&p, "2024-Q1", &error));
  g_assert_cmpstr (p.first_day, ==, "2024-01-01");
  g_assert_cmpstr (p.last_day, ==, "2024-03-31");
  g_assert_cmpint (p.end - p.start, ==, (31 + 29 + 31) * 86400);
  sales_kpi_period_offset (&p, -1, &q);
  text = sales_kpi_period_to_string (&q);
  g_assert_cmpstr (text, ==, "2023-Q4");
  g_assert_cmpstr (q.last_day, ==, "2023-12-31");

  g_assert_true (sales_kpi_period_parse (&p, "2026", &error));
  g_assert_cmpstr (p.last_day, ==, "2026-12-31");

  for (guint i = 0; i < 6; i++)
    {
      static const char * const bad[] = { "2026-13", "2026-00", "2026-1", "26-10", "2026-Q5",
                                          "October" };

      g_assert_false (sales_kpi_period_parse (&p, bad[i], &error));
      g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_october (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SalesKpi) kpi = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;

  build_fixture (f);
  kpi = compute (f, "2026-10", 0);

  /* The struct itself: a null rate is NAN there, never a division by zero. */
  g_assert_cmpint (kpi->figures->won_amount, ==, 1550000);
  g_assert_cmpuint (kpi->by_rep->len, ==, 3);
  g_assert_true (sales_kpi_is_null (((SalesKpiFigures *)kpi->by_rep->pdata[1])->attainment));

  json = sales_kpi_to_json (kpi, FALSE);
  expect_october (parse_object (parser, json));
}

static void
test_one_rep (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SalesKpi) kpi = NULL;
  g_autoptr(SalesKpi) carol = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  SalesKpiPeriod period;
  JsonObject *o;

  build_fixture (f);
  kpi = compute (f, "2026-10", ALICE);
  json = sales_kpi_to_json (kpi, FALSE);
  o = parse_object (parser, json);
  expect_int (o, "rep_id", ALICE);
  expect_alice_october (o);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "by_rep")), ==, 1);
  /* Alice's trend: d10 in February, d1 in October; her own targets in September
   * (1 000 000) and October. Her forecast: d7 and d9 in November. */
  expect_trend_point (o, 3, "2026-02", 100000, 0);
  expect_trend_point (o, 10, "2026-09", 0, 1000000);
  expect_trend_point (o, 11, "2026-10", 1000000, 2000000);
  expect_forecast (o, 0, "2026-11", 1500000, 240000);
  expect_forecast (o, 1, "2026-12", 0, 0);

  carol = compute (f, "2026-10", CAROL);
  g_clear_pointer (&json, g_free);
  json = sales_kpi_to_json (carol, FALSE);
  expect_nothing (parse_object (parser, json));

  g_assert_true (sales_kpi_period_parse (&period, "2026-10", NULL));
  g_assert_null (sales_kpi_compute (f->db, &period, 99, NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
}

static void
test_empty_period (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SalesKpi) kpi = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonObject *o;

  build_fixture (f);
  /* January 2020: before every row of the fixture; no won deal before it either. */
  kpi = compute (f, "2020-01", 0);
  json = sales_kpi_to_json (kpi, FALSE);
  o = parse_object (parser, json);
  expect_nothing (o);
  expect_trend_point (o, 11, "2020-01", 0, 0);
}

/* A quarter adds up its months: Q4 2026 holds October and the November events. */
static void
test_quarter (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SalesKpi) kpi = NULL;

  build_fixture (f);
  kpi = compute (f, "2026-Q4", 0);
  /* Won in Q4: October's 1 550 000 and d9 900 000 on 11-02. Lost: d3 (d4 is open again). */
  g_assert_cmpint (kpi->figures->won_amount, ==, 2450000);
  g_assert_cmpint (kpi->figures->won_count, ==, 4);
  g_assert_cmpint (kpi->figures->lost_count, ==, 1);
  /* Created in Q4: October's 5 and d8. */
  g_assert_cmpint (kpi->figures->new_deals, ==, 6);
  /* Open at the end of the quarter, as they are now: d4 Negotiation 80 % (800 000 →
   * 640 000), d5 Proposal 60 % (200 000 → 120 000), d6 Negotiation 80 % (400 000 →
   * 320 000), d7 Lead (600 000 → 60 000), d8 Lead (700 000 → 70 000): 2 700 000, 1 210 000. */
  g_assert_cmpint (kpi->figures->open_amount, ==, 2700000);
  g_assert_cmpint (kpi->figures->weighted_open_amount, ==, 1210000);
  /* Targets: only Alice's October row falls in Q4. */
  g_assert_cmpint (kpi->figures->target_amount, ==, 2000000);
  /* The trend is of quarters: the last is 2026-Q4, the one before 2026-Q3 with September's
   * team row 3 000 000 (July and August have none). */
  g_assert_cmpint (g_array_index (kpi->trend, SalesKpiTrendPoint, 11).won_amount, ==, 2450000);
  g_assert_cmpint (g_array_index (kpi->trend, SalesKpiTrendPoint, 10).target_amount, ==,
                   3000000);
  /* The forecast starts after the quarter: January 2027 holds d5. */
  g_assert_cmpstr (g_array_index (kpi->forecast, SalesKpiForecastMonth, 0).month, ==,
                   "2027-01");
  g_assert_cmpint (g_array_index (kpi->forecast, SalesKpiForecastMonth, 0).open_amount, ==,
                   200000);
}

static char *
run_cli (Fixture     *f,
         int         *status,
         char       **err,
         const char  *first,
         ...) G_GNUC_NULL_TERMINATED;

static char *
run_cli (Fixture     *f,
         int         *status,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("SALES_DESK");
  char *out = NULL;
  va_list args;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer)program);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, err,
                status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_getenv ("SALES_DESK") == NULL)
    {
      g_test_skip ("SALES_DESK is not set to the built sales-desk");
      return;
    }

  build_fixture (f);
  out = run_cli (f, &status, &err, "--db", f->path, "--kpi", "2026-10", "--json", NULL);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  expect_october (parse_object (parser, out));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_cli (f, &status, &err, "--db", f->path, "--kpi", "2026-10", "--rep", "1", "--json",
                 NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  expect_alice_october (parse_object (parser, out));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Errors: one line on stderr, nothing on stdout, a failing status. */
  out = run_cli (f, &status, &err, "--db", f->path, "--kpi", "2026-13", "--json", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "2026-13"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_cli (f, &status, &err, "--db", f->path, "--kpi", "2026-10", "--rep", "99", "--json",
                 NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "99"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  missing = g_build_filename (f->dir, "missing.db", NULL);
  out = run_cli (f, &status, &err, "--db", missing, "--kpi", "2026-10", "--json", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "missing.db"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kpi/periods", test_periods);
  g_test_add ("/kpi/october", Fixture, NULL, fixture_set_up, test_october, fixture_tear_down);
  g_test_add ("/kpi/one-rep", Fixture, NULL, fixture_set_up, test_one_rep, fixture_tear_down);
  g_test_add ("/kpi/empty-period", Fixture, NULL, fixture_set_up, test_empty_period,
              fixture_tear_down);
  g_test_add ("/kpi/quarter", Fixture, NULL, fixture_set_up, test_quarter, fixture_tear_down);
  g_test_add ("/kpi/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
