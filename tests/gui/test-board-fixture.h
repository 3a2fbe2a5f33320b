/* test-board-fixture.h: the small pipeline the board's widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gui-test-util.h"
#include "sales-board.h"
#include "sales-deal-card.h"

G_BEGIN_DECLS

#define FOCUS_TIMEOUT_MS 5000

typedef struct
{
  GuiFixture  gui;
  gint64      now;
  gint64      reps[2];
  gint64      customers[3];
  gint64      deals[5];
  gint64      stages[7];
  GtkWidget  *window;
  SalesBoard *board;
} BoardFixture;

#define assert_order(fixture, column, expected) \
  G_STMT_START { \
    g_autofree char *order_ = column_order (fixture, column); \
    g_assert_cmpstr (order_, ==, expected); \
  } G_STMT_END

gint64            local_time              (int               year,
                                          int               month,
                                          int               day,
                                          int               hour);
void              create_activity         (BoardFixture     *fixture,
                                          gint64            deal,
                                          gint64            customer,
                                          gint64            due_at,
                                          gint64            done_at);
void              board_fixture_set_up    (BoardFixture     *fixture,
                                          gconstpointer     data);
void              board_fixture_tear_down (BoardFixture     *fixture,
                                          gconstpointer     data);
void              show_board              (BoardFixture     *fixture,
                                          int               width,
                                          int               height);
SalesDeal        *get_deal                (BoardFixture     *fixture,
                                          guint             index);
gint64            query_int               (BoardFixture     *fixture,
                                          const char       *sql,
                                          gint64            arg);
gint64            history_rows            (BoardFixture     *fixture,
                                          guint             deal);
char             *column_order            (BoardFixture     *fixture,
                                          SalesBoardColumn *column);
gpointer          child                   (gpointer          widget,
                                          GType             type,
                                          const char       *name);
const char       *label_text              (gpointer          widget,
                                          GType             type,
                                          const char       *name);
SalesBoardColumn *column_for              (BoardFixture     *fixture,
                                          guint             stage);
void              wait_for_focus          (GtkWidget        *widget);
SalesDealCard    *wait_for_card           (SalesBoardColumn *column,
                                          SalesDeal        *deal);
void              wait_for_totals         (SalesBoardColumn *column);

G_END_DECLS
