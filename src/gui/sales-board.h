/* sales-board.h: the pipeline board, one column of cards per stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-board-column.h"
#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_BOARD (sales_board_get_type ())

G_DECLARE_FINAL_TYPE (SalesBoard, sales_board, SALES, BOARD, GtkWidget)

GtkWidget        *sales_board_new               (SalesStore       *store,
                                                 SalesSettings    *settings);
SalesStore       *sales_board_get_store         (SalesBoard       *self);
SalesDealFilter  *sales_board_get_filter        (SalesBoard       *self);
guint             sales_board_get_n_columns     (SalesBoard       *self);
SalesBoardColumn *sales_board_get_column        (SalesBoard       *self,
                                                 guint             index);
SalesBoardColumn *sales_board_get_column_for_stage (SalesBoard    *self,
                                                 gint64            stage_id);
void              sales_board_drop_deal         (SalesBoard       *self,
                                                 SalesDeal        *deal,
                                                 SalesBoardColumn *column,
                                                 guint             position);
AdwToast         *sales_board_get_toast         (SalesBoard       *self);
GtkWindow        *sales_board_get_dialog        (SalesBoard       *self);
void              sales_board_set_cards_held    (SalesBoard       *self,
                                                 gboolean          held);
void              sales_board_show_stage        (SalesBoard       *self,
                                                 gint64            stage_id,
                                                 gint64            owner_id);

G_END_DECLS
