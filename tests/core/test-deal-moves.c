/* test-deal-moves.c: stage history, closed_at and card positions
 *
 * Stages of a fresh database: 1 Lead, 2 Initial contact, 3 Needs confirmed,
 * 4 Proposal / quote, 5 Negotiation (open), 6 Won, 7 Lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

static void
move (Fixture   *f,
      SalesDeal *deal,
      gint64     stage_id,
      int        index)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_store_move_deal (f->store, deal, stage_id, index, &error));
  g_assert_no_error (error);
}

static void
update (Fixture   *f,
        SalesDeal *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);
}

static void
assert_deal (SalesDeal *deal,
             gint64     stage_id,
             gint64     stage_changed_at,
             gint64     closed_at,
             gint64     lost_reason_id)
{
  g_assert_cmpint (sales_deal_get_stage_id (deal), ==, stage_id);
  g_assert_cmpint (sales_deal_get_stage_changed_at (deal), ==, stage_changed_at);
  g_assert_cmpint (sales_deal_get_closed_at (deal), ==, closed_at);
  g_assert_cmpint (sales_deal_get_lost_reason_id (deal), ==, lost_reason_id);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SalesCustomer) acme = test_add_customer (f, "Acme", 0);
  g_autoptr(SalesDeal) deal = test_add_deal (f, sales_record_get_id (SALES_RECORD (acme)), 1,
                                             "ERP", 100000);
  g_autoptr(SalesDeal) edit = NULL;
  g_autoptr(SalesDeal) won = NULL;
  g_autoptr(SalesDeal) lost = NULL;
  g_autoptr(SalesDeal) late = NULL;
  g_autoptr(SalesDeal) draft = NULL;
  g_autoptr(SalesStage) stage_draft = sales_stage_new ();
  g_autoptr(SalesStage) no_decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *history = NULL;
  SignalLog log;

  /* Created: the first history row comes from nowhere. */
  g_assert_cmpint (sales_deal_get_created_at (deal), ==, 1700000000);
  assert_deal (deal, 1, 1700000000, 0, 0);
  g_assert_cmpint (sales_deal_get_position (deal), ==, 0);

  signal_log_start (&log, f->store);
  f->now = TEST_T0 + 100;
  move (f, deal, 3, 0);
  assert_deal (deal, 3, 1700000100, 0, 0);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Moved “ERP” to Needs confirmed");
  g_assert_cmpuint (log.events->len, ==, 1);
  signal_log_assert (&log, 0, SALES_RECORD_DEAL, 1, SALES_CHANGE_UPDATED);
  signal_log_stop (&log, f->store);

  f->now = TEST_T0 + 200;
  move (f, deal, 6, 0);
  assert_deal (deal, 6, 1700000200, 1700000200, 0);

  /* Won -> lost closes the deal again, with the other outcome; a reason is required. */
  f->now = TEST_T0 + 300;
  g_assert_true (sales_store_mark_lost (f->store, deal, 7, 1, NULL, &error));
  g_assert_no_error (error);
  assert_deal (deal, 7, 1700000300, 1700000300, 1);

  f->now = TEST_T0 + 350;
  edit = sales_deal_dup (deal);
  sales_deal_set_lost_reason_id (edit, 2);
  sales_deal_set_lost_note (edit, "Went with SAP");
  sales_deal_set_closed_at (edit, 1);
  update (f, edit);
  assert_deal (deal, 7, 1700000300, 1700000300, 2);
  g_assert_cmpstr (sales_deal_get_lost_note (deal), ==, "Went with SAP");

  /* Lost -> another lost stage: still closed when it was, reason kept. */
  sales_stage_set_name (stage_draft, "No decision");
  sales_stage_set_kind (stage_draft, SALES_STAGE_KIND_LOST);
  no_decision = sales_store_create (f->store, SALES_RECORD (stage_draft), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_record_get_id (SALES_RECORD (no_decision)), ==, 8);
  f->now = TEST_T0 + 400;
  move (f, deal, 8, 0);
  assert_deal (deal, 8, 1700000400, 1700000300, 2);
  g_assert_cmpstr (sales_deal_get_lost_note (deal), ==, "Went with SAP");

  /* Back to an open stage: open again, the reason goes. */
  f->now = TEST_T0 + 500;
  move (f, deal, 5, 0);
  assert_deal (deal, 5, 1700000500, 0, 0);
  g_assert_null (sales_deal_get_lost_note (deal));

  /* Only a lost deal has a lost reason. */
  g_clear_object (&edit);
  edit = sales_deal_dup (deal);
  sales_deal_set_lost_reason_id (edit, 3);
  update (f, edit);
  assert_deal (deal, 5, 1700000500, 0, 0);

  /* A stage changed by an edit follows the same rules. */
  f->now = TEST_T0 + 600;
  g_clear_object (&edit);
  edit = sales_deal_dup (deal);
  sales_deal_set_stage_id (edit, 6);
  update (f, edit);
  assert_deal (deal, 6, 1700000600, 1700000600, 0);

  history = test_dump_table (f->db, "deal_stage_history");
  g_assert_cmpstr (history, ==,
                   "1|1|NULL|1|1700000000|\n"
                   "2|1|1|3|1700000100|\n"
                   "3|1|3|6|1700000200|\n"
                   "4|1|6|7|1700000300|\n"
                   "5|1|7|8|1700000400|\n"
                   "6|1|8|5|1700000500|\n"
                   "7|1|5|6|1700000600|\n");

  /* Created directly in won or lost: closed as it is created. */
  f->now = TEST_T0 + 700;
  won = test_add_deal (f, 1, 6, "Cloud", 5000);
  assert_deal (won, 6, 1700000700, 1700000700, 0);
  g_assert_cmpint (sales_deal_get_position (won), ==, 1024);

  f->now = TEST_T0 + 800;
  draft = sales_deal_new ();
  sales_deal_set_title (draft, "Printers");
  sales_deal_set_customer_id (draft, 1);
  sales_deal_set_stage_id (draft, 7);
  sales_deal_set_lost_reason_id (draft, 1);
  lost = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
  assert_deal (lost, 7, 1700000800, 1700000800, 1);

  g_clear_pointer (&history, g_free);
  history = test_query_text (f->db, "SELECT group_concat (from_stage_id IS NULL) || ':' || "
                                    "group_concat (to_stage_id) FROM deal_stage_history "
                                    "WHERE deal_id IN (2, 3)");
  g_assert_cmpstr (history, ==, "1,1:6,7");

  /* A clock set back cannot put a stage change before the creation. */
  f->now = TEST_T0 + 900;
  late = test_add_deal (f, 1, 1, "Phones", 700);
  f->now = TEST_T0 - 1000;
  move (f, late, 2, 0);
  assert_deal (late, 2, 1700000900, 0, 0);
}

/* The titles of the deals of @stage_id as the board shows them. */
static char *
board_column (Fixture *f,
              gint64   stage_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (title, ' ') FROM "
                                          "(SELECT title FROM deal WHERE stage_id = %"
                                          G_GINT64_FORMAT " ORDER BY position, id)",
                                          stage_id);

  return test_query_text (f->db, sql);
}

static void
assert_column (Fixture    *f,
               gint64      stage_id,
               const char *titles)
{
  g_autofree char *column = board_column (f, stage_id);

  g_assert_cmpstr (column, ==, titles);
}

static void
test_positions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SalesCustomer) acme = test_add_customer (f, "Acme", 0);
  g_autoptr(SalesDeal) a = test_add_deal (f, sales_record_get_id (SALES_RECORD (acme)), 1,
                                          "A", 100);
  g_autoptr(SalesDeal) b = test_add_deal (f, 1, 1, "B", 100);
  g_autoptr(SalesDeal) c = test_add_deal (f, 1, 1, "C", 100);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SignalLog log;

  /* New deals go to the bottom, a gap apart. */
  g_assert_cmpint (sales_deal_get_position (a), ==, 0);
  g_assert_cmpint (sales_deal_get_position (b), ==, 1024);
  g_assert_cmpint (sales_deal_get_position (c), ==, 2048);
  assert_column (f, 1, "A B C");

  move (f, c, 1, 0);
  g_assert_cmpint (sales_deal_get_position (c), ==, -1024);
  assert_column (f, 1, "C A B");

  move (f, c, 1, 1);
  g_assert_cmpint (sales_deal_get_position (c), ==, 512);
  assert_column (f, 1, "A C B");

  /* Past the last card is the bottom. */
  move (f, a, 1, 5);
  g_assert_cmpint (sales_deal_get_position (a), ==, 2048);
  assert_column (f, 1, "C B A");

  /* Where it already is: nothing is written, the undo entry stays. */
  signal_log_start (&log, f->store);
  before = test_dump_all (f->db);
  move (f, a, 1, -1);
  move (f, c, 1, 0);
  move (f, b, 1, 1);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (log.events->len, ==, 0);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Moved “A” to Lead");

  /* No room between two cards: the stage is renumbered, in the same order. */
  test_exec (f->db, "UPDATE deal SET position = CASE title WHEN 'C' THEN 0 "
                    "WHEN 'B' THEN 1 ELSE 2 END");
  sales_store_reload (f->store);
  g_assert_cmpint (sales_deal_get_position (b), ==, 1);
  g_clear_pointer (&before, g_free);
  before = test_dump_all (f->db);
  signal_log_clear (&log);

  move (f, a, 1, 1);
  assert_column (f, 1, "C A B");
  g_assert_cmpint (sales_deal_get_position (c), ==, 1024);
  g_assert_cmpint (sales_deal_get_position (a), ==, 1536);
  g_assert_cmpint (sales_deal_get_position (b), ==, 2048);
  g_assert_cmpuint (log.events->len, ==, 1);
  signal_log_assert (&log, 0, SALES_RECORD_DEAL, 1, SALES_CHANGE_UPDATED);

  /* Undo puts every card back where it was. */
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sales_deal_get_position (c), ==, 0);
  g_assert_cmpint (sales_deal_get_position (b), ==, 1);
  g_assert_cmpint (sales_deal_get_position (a), ==, 2);
  assert_column (f, 1, "C B A");

  /* Into an empty stage */
  move (f, b, 2, 3);
  g_assert_cmpint (sales_deal_get_position (b), ==, 0);
  assert_column (f, 2, "B");
  assert_column (f, 1, "C A");

  /* Into a stage that does not exist: nothing happens. */
  g_clear_pointer (&before, g_free);
  before = test_dump_all (f->db);
  g_assert_false (sales_store_move_deal (f->store, a, 99, 0, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
  g_clear_pointer (&after, g_free);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sales_deal_get_stage_id (a), ==, 1);

  signal_log_stop (&log, f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/moves/rules", Fixture, NULL, fixture_set_up, test_rules, fixture_tear_down);
  g_test_add ("/moves/positions", Fixture, NULL, fixture_set_up, test_positions,
              fixture_tear_down);

  return g_test_run ();
}
