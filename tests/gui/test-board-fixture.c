/* test-board-fixture.c: the small pipeline the board's widget tests share
 *
 * The fixture, worked out by hand (clock in Asia/Shanghai, as the test environment sets):
 *
 *   Lead (10 %, rots after 30 days)   d1 Office chairs   Acme Trading   ¥1,000      Li Wei
 *                                     d2 Server upgrade  北京华信科技    ¥2,500.50   Anna Smith
 *                                     d3 Annual support  Contoso        ¥300        Li Wei
 *   Initial contact (20 %, 21 days)   d4 Printer fleet   Acme Trading   ¥10,000     Anna Smith
 *   Won                               d5 Laptops         Contoso        ¥5,000      Li Wei
 *
 *   Lead: 3 deals, ¥3,800.50, weighted 10 % = ¥380.05
 *   Initial contact: 1 deal, ¥10,000, weighted 20 % = ¥2,000
 *
 * Everything is created on 2026-03-01 10:00. Follow-ups: d1 due 2026-03-09 15:00, d2 due
 * 2026-03-10 18:00, d3 due 2026-03-12 09:00 and one done on d3 at 2026-03-20 10:00; d4 has
 * none. Expected close: d1 2026-03-09, d2 2026-03-10, d5 2026-02-01.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-board-fixture.h"

gint64
local_time (int year,
            int month,
            int day,
            int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (time);
}

static gint64
fixture_clock (gpointer user_data)
{
  BoardFixture *fixture = user_data;

  return fixture->now;
}

static gint64
create (BoardFixture *fixture,
        gpointer      draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRecord) record = sales_store_create (fixture->gui.store, draft, &error);

  g_assert_no_error (error);
  g_object_unref (draft);
  return sales_record_get_id (record);
}

static gint64
create_rep (BoardFixture *fixture,
            const char   *name)
{
  SalesRep *rep = sales_rep_new ();

  sales_rep_set_name (rep, name);
  sales_rep_set_active (rep, TRUE);
  return create (fixture, rep);
}

static gint64
create_customer (BoardFixture *fixture,
                 const char   *name)
{
  SalesCustomer *customer = sales_customer_new ();

  sales_customer_set_name (customer, name);
  return create (fixture, customer);
}

static gint64
create_deal (BoardFixture *fixture,
             const char   *title,
             gint64        customer,
             gint64        owner,
             gint64        stage,
             gint64        cents,
             const char   *close)
{
  SalesDeal *deal = sales_deal_new ();

  sales_deal_set_title (deal, title);
  sales_deal_set_customer_id (deal, customer);
  sales_deal_set_owner_id (deal, owner);
  sales_deal_set_stage_id (deal, stage);
  sales_deal_set_amount_cents (deal, cents);
  sales_deal_set_currency (deal, "CNY");
  sales_deal_set_expected_close (deal, close);
  return create (fixture, deal);
}

void
create_activity (BoardFixture *fixture,
                 gint64        deal,
                 gint64        customer,
                 gint64        due_at,
                 gint64        done_at)
{
  SalesActivity *activity = sales_activity_new ();

  sales_activity_set_deal_id (activity, deal);
  sales_activity_set_customer_id (activity, customer);
  sales_activity_set_kind (activity, SALES_ACTIVITY_KIND_CALL);
  sales_activity_set_due_at (activity, due_at);
  sales_activity_set_done_at (activity, done_at);
  create (fixture, activity);
}

void
board_fixture_set_up (BoardFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) stages = NULL;
  SalesStore *store;

  gui_fixture_set_up (&fixture->gui, data);
  store = fixture->gui.store;
  fixture->now = local_time (2026, 3, 1, 10);
  sales_store_set_clock (store, fixture_clock, fixture, NULL);

  stages = sales_store_list_stages (store);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, G_N_ELEMENTS (fixture->stages));
  for (guint i = 0; i < G_N_ELEMENTS (fixture->stages); i++)
    {
      g_autoptr(SalesRecord) stage = g_list_model_get_item (stages, i);

      fixture->stages[i] = sales_record_get_id (stage);
    }

  fixture->reps[0] = create_rep (fixture, "Li Wei");
  fixture->reps[1] = create_rep (fixture, "Anna Smith");
  fixture->customers[0] = create_customer (fixture, "Acme Trading");
  fixture->customers[1] = create_customer (fixture, "北京华信科技");
  fixture->customers[2] = create_customer (fixture, "Contoso");

  fixture->deals[0] = create_deal (fixture, "Office chairs", fixture->customers[0],
                                   fixture->reps[0], fixture->stages[0], 100000, "2026-03-09");
  fixture->deals[1] = create_deal (fixture, "Server upgrade", fixture->customers[1],
                                   fixture->reps[1], fixture->stages[0], 250050, "2026-03-10");
  fixture->deals[2] = create_deal (fixture, "Annual support", fixture->customers[2],
                                   fixture->reps[0], fixture->stages[0], 30000, NULL);
  fixture->deals[3] = create_deal (fixture, "Printer fleet", fixture->customers[0],
                                   fixture->reps[1], fixture->stages[1], 1000000, NULL);
  fixture->deals[4] = create_deal (fixture, "Laptops", fixture->customers[2],
                                   fixture->reps[0], fixture->stages[5], 500000, "2026-02-01");

  create_activity (fixture, fixture->deals[0], fixture->customers[0],
                   local_time (2026, 3, 9, 15), 0);
  create_activity (fixture, fixture->deals[1], fixture->customers[1],
                   local_time (2026, 3, 10, 18), 0);
  create_activity (fixture, fixture->deals[2], fixture->customers[2],
                   local_time (2026, 3, 12, 9), 0);
  fixture->now = local_time (2026, 3, 20, 10);
  create_activity (fixture, fixture->deals[2], fixture->customers[2], 0, fixture->now);

  fixture->now = local_time (2026, 3, 10, 10);
}

void
board_fixture_tear_down (BoardFixture  *fixture,
                         gconstpointer  data)
{
  if (fixture->window != NULL)
    gui_test_destroy_window (fixture->window);

  gui_fixture_tear_down (&fixture->gui, data);
}

void
show_board (BoardFixture *fixture,
            int           width,
            int           height)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  fixture->board = SALES_BOARD (sales_board_new (fixture->gui.store, fixture->gui.settings));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->board));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gui_test_wait_for_frame (GTK_WIDGET (fixture->board));
}

SalesDeal *
get_deal (BoardFixture *fixture,
          guint         index)
{
  g_autoptr(GError) error = NULL;
  SalesDeal *deal = sales_store_get_deal (fixture->gui.store, fixture->deals[index], &error);

  g_assert_no_error (error);
  return deal;
}

gint64
query_int (BoardFixture *fixture,
           const char   *sql,
           gint64        arg)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (fixture->gui.db), sql, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, arg);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gint64
history_rows (BoardFixture *fixture,
              guint         deal)
{
  return query_int (fixture, "SELECT count (*) FROM deal_stage_history WHERE deal_id = ?1",
                    fixture->deals[deal]);
}

/* The deal ids of @column's list, as a string of fixture indexes: "0 1 2". */
char *
column_order (BoardFixture     *fixture,
              SalesBoardColumn *column)
{
  SalesDealList *deals = sales_board_column_get_deals (column);
  GString *order = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (deals)); i++)
    {
      gint64 id = sales_deal_list_get_deal_id (deals, i);

      for (guint k = 0; k < G_N_ELEMENTS (fixture->deals); k++)
        {
          if (fixture->deals[k] == id)
            g_string_append_printf (order, "%s%u", order->len > 0 ? " " : "", k);
        }
    }

  return g_string_free (order, FALSE);
}



gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_label_get_label (child (widget, type, name));
}

SalesBoardColumn *
column_for (BoardFixture *fixture,
            guint         stage)
{
  SalesBoardColumn *column = sales_board_get_column_for_stage (fixture->board,
                                                               fixture->stages[stage]);

  g_assert_nonnull (column);
  return column;
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
wait_for_focus (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (FOCUS_TIMEOUT_MS, set_flag, &timed_out);

  while (!gtk_widget_has_focus (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}

/* The card of @deal in @column, once the list view has bound it. */
SalesDealCard *
wait_for_card (SalesBoardColumn *column,
               SalesDeal        *deal)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (FOCUS_TIMEOUT_MS, set_flag, &timed_out);
  GtkWidget *card;

  while ((card = sales_board_column_get_card (column, deal)) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
  return SALES_DEAL_CARD (card);
}

/* Until the column's totals are summed (in a thread, for a large column) its header shows
 * none. */
void
wait_for_totals (SalesBoardColumn *column)
{
  SalesDealList *deals = sales_board_column_get_deals (column);
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (FOCUS_TIMEOUT_MS, set_flag, &timed_out);

  while (!sales_deal_list_get_totals_known (deals) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}
