/* sales-board-column.h: the deals of one stage on the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-deal-list.h"
#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_BOARD_COLUMN (sales_board_column_get_type ())

G_DECLARE_FINAL_TYPE (SalesBoardColumn, sales_board_column, SALES, BOARD_COLUMN, GtkWidget)

SalesBoardColumn *sales_board_column_new                (SalesStore       *store,
                                                         SalesSettings    *settings,
                                                         SalesStage       *stage,
                                                         SalesDealFilter  *filter);
SalesStage       *sales_board_column_get_stage          (SalesBoardColumn *self);
SalesDealList    *sales_board_column_get_deals          (SalesBoardColumn *self);
GtkGridView      *sales_board_column_get_list_view      (SalesBoardColumn *self);
gboolean          sales_board_column_get_expanded       (SalesBoardColumn *self);
void              sales_board_column_set_expanded       (SalesBoardColumn *self,
                                                         gboolean          expanded);
guint             sales_board_column_get_drop_position  (SalesBoardColumn *self,
                                                         double            x,
                                                         double            y);
GtkWidget        *sales_board_column_get_card           (SalesBoardColumn *self,
                                                         SalesDeal        *deal);
void              sales_board_column_focus_deal         (SalesBoardColumn *self,
                                                         SalesDeal        *deal);
void              sales_board_column_refresh_cards      (SalesBoardColumn *self);
void              sales_board_column_set_cards_held     (SalesBoardColumn *self,
                                                         gboolean          held);

G_END_DECLS
