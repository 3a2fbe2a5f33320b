/* test-pipeline.c: the store's board actions, undo and redo, and card badges
 *
 * Stages of a fresh database: 1 Lead (rot 30 days), 2 Initial contact
 * (21), 3 Needs confirmed (21), 4 Proposal / quote (14), 5 Negotiation
 * (14), 6 Won, 7 Lost; lost reasons 1 Price too high, 2 Chose a
 * competitor, 3 No budget, 4 No response, 5 Bad timing.
 *
 * Every test starts with customer 1 Acme and deals 1 ERP (Lead, 1 000.00),
 * 2 CRM (Lead, 500.00), 3 Cloud (Needs confirmed, 200.00) and 4 Printers
 * (Needs confirmed, 70.00), created at 1700000000: 2023-11-14 22:13:20
 * UTC, 2023-11-15 06:13:20 in Asia/Shanghai, the TZ of the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

#define DAY G_GINT64_CONSTANT (86400)

typedef struct
{
  Fixture    f;
  SalesDeal *erp;
  SalesDeal *crm;
  SalesDeal *cloud;
  SalesDeal *printers;
} Pipeline;

static void
pipeline_set_up (Pipeline      *p,
                 gconstpointer  data)
{
  Fixture *f = &p->f;
  g_autoptr(SalesCustomer) acme = NULL;

  fixture_set_up (f, data);

  acme = test_add_customer (f, "Acme", 0);
  p->erp = test_add_deal (f, 1, 1, "ERP", 100000);
  p->crm = test_add_deal (f, 1, 1, "CRM", 50000);
  p->cloud = test_add_deal (f, 1, 3, "Cloud", 20000);
  p->printers = test_add_deal (f, 1, 3, "Printers", 7000);
}

static void
pipeline_tear_down (Pipeline      *p,
                    gconstpointer  data)
{
  g_clear_object (&p->erp);
  g_clear_object (&p->crm);
  g_clear_object (&p->cloud);
  g_clear_object (&p->printers);
  fixture_tear_down (&p->f, data);
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
}

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
count_notify (guint *count)
{
  (*count)++;
}

static void
test_mark_won (Pipeline      *p,
               gconstpointer  data)
{
  Fixture *f = &p->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_all (f->db);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *history = NULL;
  g_autoptr(SalesDeal) edit = NULL;
  guint can_redo_notified = 0;

  g_signal_connect_swapped (f->store, "notify::can-redo", G_CALLBACK (count_notify),
                            &can_redo_notified);

  f->now = TEST_T0 + 100;
  g_assert_true (sales_store_mark_won (f->store, p->erp, 123456, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_deal_get_stage_id (p->erp), ==, 6);
  g_assert_cmpint (sales_deal_get_amount_cents (p->erp), ==, 123456);
  g_assert_cmpint (sales_deal_get_closed_at (p->erp), ==, 1700000100);
  g_assert_cmpint (sales_deal_get_stage_changed_at (p->erp), ==, 1700000100);
  history = test_dump_table (f->db, "deal_stage_history");
  g_assert_cmpstr (history, ==,
                   "1|1|NULL|1|1700000000|\n"
                   "2|2|NULL|1|1700000000|\n"
                   "3|3|NULL|3|1700000000|\n"
                   "4|4|NULL|3|1700000000|\n"
                   "5|1|1|6|1700000100|\n");
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Marked “ERP” as won");
  g_assert_false (sales_store_can_redo (f->store));
  after = test_dump_all (f->db);

  /* Undo, redo, and both again. */
  undo (f);
  g_assert_cmpint (sales_deal_get_stage_id (p->erp), ==, 1);
  g_assert_cmpint (sales_deal_get_amount_cents (p->erp), ==, 100000);
  g_assert_cmpint (sales_deal_get_closed_at (p->erp), ==, 0);
  again = test_dump_all (f->db);
  g_assert_cmpstr (again, ==, before);
  g_assert_false (sales_store_can_undo (f->store));
  g_assert_true (sales_store_can_redo (f->store));
  g_assert_cmpstr (sales_store_get_redo_label (f->store), ==, "Marked “ERP” as won");
  g_assert_cmpuint (can_redo_notified, ==, 1);

  redo (f);
  g_clear_pointer (&again, g_free);
  again = test_dump_all (f->db);
  g_assert_cmpstr (again, ==, after);
  g_assert_cmpint (sales_deal_get_stage_id (p->erp), ==, 6);
  g_assert_true (sales_store_can_undo (f->store));
  g_assert_false (sales_store_can_redo (f->store));
  g_assert_null (sales_store_get_redo_label (f->store));
  g_assert_cmpuint (can_redo_notified, ==, 2);

  undo (f);
  redo (f);
  g_clear_pointer (&again, g_free);
  again = test_dump_all (f->db);
  g_assert_cmpstr (again, ==, after);
  undo (f);
  g_clear_pointer (&again, g_free);
  again = test_dump_all (f->db);
  g_assert_cmpstr (again, ==, before);

  /* Any other write forgets what could be redone. */
  edit = sales_deal_dup (p->crm);
  sales_deal_set_title (edit, "CRM suite");
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);
  g_assert_false (sales_store_can_redo (f->store));
  g_assert_false (sales_store_redo (f->store, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* -1 keeps the amount. */
  g_assert_true (sales_store_mark_won (f->store, p->crm, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_deal_get_stage_id (p->crm), ==, 6);
  g_assert_cmpint (sales_deal_get_amount_cents (p->crm), ==, 50000);

  /* Won already: the amount changes, the stage and its history do not. */
  f->now = TEST_T0 + 200;
  g_assert_true (sales_store_mark_won (f->store, p->crm, 45000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_deal_get_amount_cents (p->crm), ==, 45000);
  g_assert_cmpint (sales_deal_get_closed_at (p->crm), ==, 1700000100);
  g_assert_cmpint (sales_db_count (f->db, "deal_stage_history"), ==, 5);

  g_signal_handlers_disconnect_by_data (f->store, &can_redo_notified);
}

static void
assert_lost_refused (Pipeline   *p,
                     GError     *error,
                     const char *before)
{
  g_autofree char *after = test_dump_all (p->f.db);

  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose why the deal was lost");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sales_deal_get_stage_id (p->erp), ==, 1);
}

static void
test_lost_reason (Pipeline      *p,
                  gconstpointer  data)
{
  Fixture *f = &p->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDeal) edit = NULL;
  g_autoptr(SalesDeal) draft = NULL;
  g_autofree char *before = NULL;
  g_autofree char *history = NULL;
  SignalLog log;

  /* Something to undo, which a refused action must leave alone. */
  move (f, p->crm, 1, 0);
  g_assert_true (sales_store_can_undo (f->store));
  before = test_dump_all (f->db);
  signal_log_start (&log, f->store);

  g_assert_false (sales_store_mark_lost (f->store, p->erp, 0, 0, "Too dear", &error));
  assert_lost_refused (p, error, before);
  g_clear_error (&error);

  g_assert_false (sales_store_move_deal (f->store, p->erp, 7, 0, &error));
  assert_lost_refused (p, error, before);
  g_clear_error (&error);

  edit = sales_deal_dup (p->erp);
  sales_deal_set_stage_id (edit, 7);
  g_assert_false (sales_store_update (f->store, SALES_RECORD (edit), &error));
  assert_lost_refused (p, error, before);
  g_clear_error (&error);

  draft = sales_deal_new ();
  sales_deal_set_customer_id (draft, 1);
  sales_deal_set_stage_id (draft, 7);
  sales_deal_set_title (draft, "Fax machines");
  g_assert_null (sales_store_create (f->store, SALES_RECORD (draft), &error));
  assert_lost_refused (p, error, before);
  g_clear_error (&error);

  /* A reason that does not exist, a stage that is not for lost deals. */
  g_assert_false (sales_store_mark_lost (f->store, p->erp, 0, 99, NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sales_store_mark_lost (f->store, p->erp, 2, 3, NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Initial contact” is not a stage for lost deals");
  g_clear_error (&error);

  g_assert_cmpuint (log.events->len, ==, 0);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Moved “CRM” to Lead");
  {
    g_autofree char *after = test_dump_all (f->db);

    g_assert_cmpstr (after, ==, before);
  }

  f->now = TEST_T0 + 300;
  g_assert_true (sales_store_mark_lost (f->store, p->erp, 0, 3, "Budget cut", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_deal_get_stage_id (p->erp), ==, 7);
  g_assert_cmpint (sales_deal_get_lost_reason_id (p->erp), ==, 3);
  g_assert_cmpstr (sales_deal_get_lost_note (p->erp), ==, "Budget cut");
  g_assert_cmpint (sales_deal_get_closed_at (p->erp), ==, 1700000300);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Marked “ERP” as lost");
  g_assert_cmpuint (log.events->len, ==, 1);
  signal_log_assert (&log, 0, SALES_RECORD_DEAL, 1, SALES_CHANGE_UPDATED);
  history = test_dump_table (f->db, "deal_stage_history");
  g_assert_true (g_str_has_suffix (history, "\n5|1|1|7|1700000300|\n"));

  undo (f);
  g_assert_cmpint (sales_deal_get_stage_id (p->erp), ==, 1);
  g_assert_cmpint (sales_deal_get_lost_reason_id (p->erp), ==, 0);
  g_assert_null (sales_deal_get_lost_note (p->erp));
  g_assert_cmpint (sales_db_count (f->db, "deal_stage_history"), ==, 4);

  /* A blank note is no note. */
  g_assert_true (sales_store_mark_lost (f->store, p->erp, 7, 1, "  ", &error));
  g_assert_no_error (error);
  g_assert_null (sales_deal_get_lost_note (p->erp));

  signal_log_stop (&log, f->store);
}

static void
test_delete_stage_moving_deals (Pipeline      *p,
                                gconstpointer  data)
{
  Fixture *f = &p->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesStage) needs = sales_store_get_stage (f->store, 3, NULL);
  g_autoptr(SalesStage) proposal = sales_store_get_stage (f->store, 4, NULL);
  g_autoptr(SalesStage) contact = sales_store_get_stage (f->store, 2, NULL);
  g_autoptr(SalesDealList) list = NULL;
  g_autoptr(GListModel) stages = sales_store_list_stages (f->store);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *history = NULL;

  /* Stage 3 holds Printers (position 1024, back from a trip to stage 2)
   * and, at the bottom, CRM; Cloud passed through it to stage 2, where ERP
   * went too. */
  f->now = TEST_T0 + 50;
  move (f, p->printers, 2, 0);
  f->now = TEST_T0 + 60;
  move (f, p->printers, 3, -1);
  f->now = TEST_T0 + 100;
  move (f, p->crm, 3, -1);
  f->now = TEST_T0 + 200;
  move (f, p->cloud, 2, 0);
  f->now = TEST_T0 + 300;
  move (f, p->erp, 2, -1);
  list = sales_deal_list_new (f->store, contact, NULL);
  g_assert_cmpuint (sales_deal_list_get_n_deals (list), ==, 2);
  while (!sales_deal_list_get_totals_known (list))
    g_main_context_iteration (NULL, TRUE);
  before = test_dump_all (f->db);

  /* Only to a stage of the same kind, and not to itself. */
  g_assert_false (sales_store_delete_stage_moving_deals (f->store, needs, 6, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The deals of “Needs confirmed” can only go to another open stage");
  g_clear_error (&error);
  g_assert_false (sales_store_delete_stage_moving_deals (f->store, needs, 3, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_clear_error (&error);
  again = test_dump_all (f->db);
  g_assert_cmpstr (again, ==, before);

  f->now = TEST_T0 + 400;
  g_assert_true (sales_store_delete_stage_moving_deals (f->store, needs, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 6);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Deleted stage “Needs confirmed”");

  /* Below Cloud (0) and ERP (1024), in their order, keeping their times. */
  g_assert_cmpint (sales_deal_get_stage_id (p->printers), ==, 2);
  g_assert_cmpint (sales_deal_get_position (p->printers), ==, 2048);
  g_assert_cmpint (sales_deal_get_stage_changed_at (p->printers), ==, 1700000060);
  g_assert_cmpint (sales_deal_get_stage_id (p->crm), ==, 2);
  g_assert_cmpint (sales_deal_get_position (p->crm), ==, 3072);
  g_assert_cmpint (sales_deal_get_stage_changed_at (p->crm), ==, 1700000100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpint (sales_deal_list_get_deal_id (list, 0), ==, 3);
  g_assert_cmpint (sales_deal_list_get_deal_id (list, 1), ==, 1);
  g_assert_cmpint (sales_deal_list_get_deal_id (list, 2), ==, 4);
  g_assert_cmpint (sales_deal_list_get_deal_id (list, 3), ==, 2);
  g_assert_cmpint (sales_deal_list_get_total_cents (list), ==, 177000);

  /* Printers' 3 -> 2 and 2 -> 3 and Cloud's 3 -> 2 would now go from 2 to
   * 2: they go. */
  history = test_dump_table (f->db, "deal_stage_history");
  g_assert_cmpstr (history, ==,
                   "1|1|NULL|1|1700000000|\n"
                   "2|2|NULL|1|1700000000|\n"
                   "3|3|NULL|2|1700000000|\n"
                   "4|4|NULL|2|1700000000|\n"
                   "7|2|1|2|1700000100|\n"
                   "9|1|1|2|1700000300|\n");
  after = test_dump_all (f->db);

  undo (f);
  g_clear_pointer (&again, g_free);
  again = test_dump_all (f->db);
  g_assert_cmpstr (again, ==, before);
  g_assert_cmpint (sales_deal_get_stage_id (p->printers), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpint (sales_deal_list_get_total_cents (list), ==, 120000);

  redo (f);
  g_clear_pointer (&again, g_free);
  again = test_dump_all (f->db);
  g_assert_cmpstr (again, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  undo (f);

  /* An empty stage no deal ever passed through just goes. */
  g_assert_true (sales_store_delete_stage_moving_deals (f->store, proposal, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 6);
}

static char *
stage_order (GListModel *stages)
{
  GString *order = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SalesStage) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (order, "%s%" G_GINT64_FORMAT ":%d", i > 0 ? " " : "",
                              sales_record_get_id (SALES_RECORD (stage)),
                              sales_stage_get_position (stage));
    }

  return g_string_free (order, FALSE);
}

#define assert_stage_order(stages, expected) \
  G_STMT_START { \
    g_autofree char *order_ = stage_order (stages); \
    g_assert_cmpstr (order_, ==, expected); \
  } G_STMT_END

static void
test_reorder_stage (Pipeline      *p,
                    gconstpointer  data)
{
  Fixture *f = &p->f;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesStage) negotiation = sales_store_get_stage (f->store, 5, NULL);
  g_autoptr(SalesStage) lead = sales_store_get_stage (f->store, 1, NULL);
  g_autoptr(GListModel) stages = sales_store_list_stages (f->store);

  assert_stage_order (stages, "1:0 2:1 3:2 4:3 5:4 6:5 7:6");

  g_assert_true (sales_store_reorder_stage (f->store, negotiation, 0, &error));
  g_assert_no_error (error);
  assert_stage_order (stages, "5:0 1:1 2:2 3:3 4:4 6:5 7:6");
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Moved stage “Negotiation”");

  undo (f);
  assert_stage_order (stages, "1:0 2:1 3:2 4:3 5:4 6:5 7:6");
  redo (f);
  assert_stage_order (stages, "5:0 1:1 2:2 3:3 4:4 6:5 7:6");

  /* Past the end is last; the same place changes nothing. */
  g_assert_true (sales_store_reorder_stage (f->store, lead, 99, &error));
  assert_stage_order (stages, "5:0 2:1 3:2 4:3 6:4 7:5 1:6");
  g_assert_true (sales_store_reorder_stage (f->store, lead, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Moved stage “Lead”");
  assert_stage_order (stages, "5:0 2:1 3:2 4:3 6:4 7:5 1:6");
}

static char *
column_positions (Fixture *f)
{
  return test_query_text (f->db, "SELECT group_concat (title || ' ' || position, ', ') "
                                 "FROM (SELECT * FROM deal ORDER BY position, id)");
}

#define assert_positions(f, expected) \
  G_STMT_START { \
    g_autofree char *positions_ = column_positions (f); \
    g_assert_cmpstr (positions_, ==, expected); \
  } G_STMT_END

/* A drop between two cards without room between them rewrites only the
 * cards on the shorter side, unless the stage has hardly any gaps at all. */
static void
test_renumber (Pipeline      *p,
               gconstpointer  data)
{
  Fixture *f = &p->f;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Printers between ERP (0) and CRM (1): ERP goes GAP below CRM. */
  test_exec (f->db, "UPDATE deal SET stage_id = 1, position = CASE id WHEN 1 THEN 0 "
                    "WHEN 2 THEN 1 WHEN 3 THEN 5000 ELSE 10000 END");
  sales_store_reload (f->store);
  before = test_dump_table (f->db, "deal");
  move (f, p->printers, 1, 1);
  assert_positions (f, "ERP -1023, Printers -511, CRM 1, Cloud 5000");
  g_assert_cmpint (sales_deal_get_position (p->erp), ==, -1023);
  undo (f);
  after = test_dump_table (f->db, "deal");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sales_deal_get_position (p->erp), ==, 0);

  /* ERP between Cloud (9000) and Printers (9001): Printers goes GAP above Cloud. */
  test_exec (f->db, "UPDATE deal SET position = CASE id WHEN 1 THEN 0 "
                    "WHEN 2 THEN 5000 WHEN 3 THEN 9000 ELSE 9001 END");
  sales_store_reload (f->store);
  move (f, p->erp, 1, 2);
  assert_positions (f, "CRM 5000, Cloud 9000, ERP 9512, Printers 10024");

  /* Written 0, 1, 2, 3 like the sample data: the stage gets gaps whole. */
  test_exec (f->db, "UPDATE deal SET position = id - 1");
  sales_store_reload (f->store);
  move (f, p->erp, 1, 2);
  assert_positions (f, "CRM 1024, Cloud 2048, ERP 2560, Printers 3072");
}

static char *
stage_column (Fixture *f,
              gint64   stage_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (title || ' ' || position, ', ') "
                                          "FROM (SELECT * FROM deal WHERE stage_id = %"
                                          G_GINT64_FORMAT " ORDER BY position, id)",
                                          stage_id);

  return test_query_text (f->db, sql);
}

#define assert_stage_column(f, stage_id, expected) \
  G_STMT_START { \
    g_autofree char *column_ = stage_column (f, stage_id); \
    g_assert_cmpstr (column_, ==, expected); \
  } G_STMT_END

static void
move_above (Fixture   *f,
            SalesDeal *deal,
            gint64     stage_id,
            gint64     above_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_store_move_deal_above (f->store, deal, stage_id, above_id, &error));
  g_assert_no_error (error);
}

/* A drop names its place by the card it lands above. */
static void
test_move_above (Pipeline      *p,
                 gconstpointer  data)
{
  Fixture *f = &p->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *history = NULL;

  /* Lead: ERP 0, CRM 1024; Needs confirmed: Cloud 0, Printers 1024. */
  f->now = TEST_T0 + 100;
  move_above (f, p->erp, 3, 4);
  assert_stage_column (f, 3, "Cloud 0, ERP 512, Printers 1024");
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Moved “ERP” to Needs confirmed");
  history = test_dump_table (f->db, "deal_stage_history");
  g_assert_true (g_str_has_suffix (history, "\n5|1|1|3|1700000100|\n"));

  move_above (f, p->crm, 3, 0);
  assert_stage_column (f, 3, "Cloud 0, ERP 512, Printers 1024, CRM 2048");

  /* Where they already are: nothing is written. */
  before = test_dump_all (f->db);
  move_above (f, p->cloud, 3, 1);
  move_above (f, p->cloud, 3, 3);
  move_above (f, p->crm, 3, 0);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==, "Moved “CRM” to Needs confirmed");

  /* To the top, within the stage. */
  move_above (f, p->printers, 3, 3);
  assert_stage_column (f, 3, "Printers -1024, Cloud 0, ERP 512, CRM 2048");
  undo (f);
  assert_stage_column (f, 3, "Cloud 0, ERP 512, Printers 1024, CRM 2048");

  /* Above a card of another stage: refused, nothing written. */
  g_clear_pointer (&before, g_free);
  before = test_dump_all (f->db);
  g_assert_false (sales_store_move_deal_above (f->store, p->crm, 1, 4, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);

  /* No room above Cloud: Printers, the one card above it, goes down. */
  test_exec (f->db, "UPDATE deal SET position = CASE id WHEN 4 THEN 0 WHEN 3 THEN 1 "
                    "WHEN 1 THEN 5000 ELSE 10000 END");
  sales_store_reload (f->store);
  move_above (f, p->crm, 3, 3);
  assert_stage_column (f, 3, "Printers -1023, CRM -511, Cloud 1, ERP 5000");
}

static SalesActivity *
add_followup (Fixture *f,
              gint64   deal_id,
              gint64   due_at)
{
  return test_add_activity (f, 1, deal_id, due_at);
}

static void
set_done (Fixture       *f,
          SalesActivity *activity,
          gint64         done_at)
{
  g_autoptr(SalesActivity) edit = sales_activity_dup (activity);
  g_autoptr(GError) error = NULL;

  sales_activity_set_done_at (edit, done_at);
  g_assert_true (sales_store_update (f->store, SALES_RECORD (edit), &error));
  g_assert_no_error (error);
}

static void
test_followup (Pipeline      *p,
               gconstpointer  data)
{
  Fixture *f = &p->f;
  g_autoptr(SalesActivity) tomorrow = NULL;
  g_autoptr(SalesActivity) today = NULL;
  g_autoptr(SalesActivity) late = NULL;
  g_autoptr(SalesActivity) other = NULL;

  g_assert_cmpint (sales_store_get_deal_followup (f->store, p->erp), ==, SALES_FOLLOWUP_NONE);

  /* Another deal's follow-up is not this one's. */
  other = add_followup (f, 2, TEST_T0 - 30 * DAY);
  g_assert_cmpint (sales_store_get_deal_followup (f->store, p->erp), ==, SALES_FOLLOWUP_NONE);
  g_assert_cmpint (sales_store_get_deal_followup (f->store, p->crm), ==, SALES_FOLLOWUP_OVERDUE);

  /* 2023-11-16 17:00 local. */
  tomorrow = add_followup (f, 1, 1700125200);
  g_assert_cmpint (sales_store_get_deal_followup (f->store, p->erp), ==, SALES_FOLLOWUP_PLANNED);

  /* 2023-11-15 17:00 local: later today. */
  today = add_followup (f, 1, 1700038800);
  g_assert_cmpint (sales_store_get_deal_followup (f->store, p->erp), ==,
                   SALES_FOLLOWUP_DUE_TODAY);

  /* 2023-11-14 23:30 local: yesterday here, though the same UTC day as now. */
  late = add_followup (f, 1, 1699975800);
  g_assert_cmpint (sales_store_get_deal_followup (f->store, p->erp), ==, SALES_FOLLOWUP_OVERDUE);

  set_done (f, late, TEST_T0);
  g_assert_cmpint (sales_store_get_deal_followup (f->store, p->erp), ==,
                   SALES_FOLLOWUP_DUE_TODAY);
  set_done (f, today, TEST_T0);
  set_done (f, tomorrow, TEST_T0);
  g_assert_cmpint (sales_store_get_deal_followup (f->store, p->erp), ==, SALES_FOLLOWUP_NONE);
}

static void
test_rot (Pipeline      *p,
          gconstpointer  data)
{
  Fixture *f = &p->f;
  g_autoptr(SalesActivity) call = NULL;

  /* Lead rots after 30 days. */
  f->now = TEST_T0 + 30 * DAY + 3600;
  g_assert_cmpint (sales_store_get_deal_rot_days (f->store, p->erp), ==, 0);
  f->now = TEST_T0 + 31 * DAY + 3600;
  g_assert_cmpint (sales_store_get_deal_rot_days (f->store, p->erp), ==, 1);
  f->now = TEST_T0 + 40 * DAY;
  g_assert_cmpint (sales_store_get_deal_rot_days (f->store, p->erp), ==, 10);

  /* A follow-up done on day 15 starts the count again; one only planned does not. */
  call = add_followup (f, 1, TEST_T0 + 15 * DAY);
  g_assert_cmpint (sales_store_get_deal_rot_days (f->store, p->erp), ==, 10);
  set_done (f, call, TEST_T0 + 15 * DAY);
  g_assert_cmpint (sales_store_get_deal_rot_days (f->store, p->erp), ==, 0);
  f->now = TEST_T0 + 50 * DAY;
  g_assert_cmpint (sales_store_get_deal_rot_days (f->store, p->erp), ==, 5);

  /* Moving it does too: Initial contact rots after 21 days. */
  move (f, p->erp, 2, 0);
  g_assert_cmpint (sales_store_get_deal_rot_days (f->store, p->erp), ==, 0);
  f->now = TEST_T0 + 72 * DAY;
  g_assert_cmpint (sales_store_get_deal_rot_days (f->store, p->erp), ==, 1);

  /* Won deals never rot. */
  g_assert_true (sales_store_mark_won (f->store, p->erp, -1, NULL));
  f->now = TEST_T0 + 400 * DAY;
  g_assert_cmpint (sales_store_get_deal_rot_days (f->store, p->erp), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pipeline/mark-won", Pipeline, NULL, pipeline_set_up, test_mark_won,
              pipeline_tear_down);
  g_test_add ("/pipeline/lost-reason", Pipeline, NULL, pipeline_set_up, test_lost_reason,
              pipeline_tear_down);
  g_test_add ("/pipeline/delete-stage-moving-deals", Pipeline, NULL, pipeline_set_up,
              test_delete_stage_moving_deals, pipeline_tear_down);
  g_test_add ("/pipeline/move-above", Pipeline, NULL, pipeline_set_up, test_move_above,
              pipeline_tear_down);
  g_test_add ("/pipeline/renumber", Pipeline, NULL, pipeline_set_up, test_renumber,
              pipeline_tear_down);
  g_test_add ("/pipeline/reorder-stage", Pipeline, NULL, pipeline_set_up, test_reorder_stage,
              pipeline_tear_down);
  g_test_add ("/pipeline/followup", Pipeline, NULL, pipeline_set_up, test_followup,
              pipeline_tear_down);
  g_test_add ("/pipeline/rot", Pipeline, NULL, pipeline_set_up, test_rot, pipeline_tear_down);

  return g_test_run ();
}
