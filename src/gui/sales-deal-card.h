/* sales-deal-card.h: one deal on the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_DEAL_CARD (sales_deal_card_get_type ())

G_DECLARE_FINAL_TYPE (SalesDealCard, sales_deal_card, SALES, DEAL_CARD, GtkWidget)

GtkWidget          *sales_deal_card_new              (SalesStore    *store,
                                                      SalesSettings *settings);
SalesDeal          *sales_deal_card_get_deal         (SalesDealCard *self);
void                sales_deal_card_set_deal         (SalesDealCard *self,
                                                      SalesDeal     *deal);
void                sales_deal_card_set_list_item    (SalesDealCard *self,
                                                      GtkListItem   *list_item);
guint               sales_deal_card_get_position     (SalesDealCard *self);
GtkDragSource      *sales_deal_card_get_drag_source  (SalesDealCard *self);
SalesFollowupState  sales_deal_card_get_followup     (SalesDealCard *self);
int                 sales_deal_card_get_rot_days     (SalesDealCard *self);
gboolean            sales_deal_card_get_close_past   (SalesDealCard *self);
char               *sales_deal_card_dup_accessible_label (SalesDealCard *self);
void                sales_deal_card_refresh          (SalesDealCard *self);
void                sales_deal_card_popup_menu       (SalesDealCard *self,
                                                      double         x,
                                                      double         y);

G_END_DECLS
