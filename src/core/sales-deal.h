/* sales-deal.h: a sales opportunity on the pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"

G_BEGIN_DECLS

#define SALES_TYPE_DEAL (sales_deal_get_type ())

/* Cards of a stage are ordered by position with gaps of this size, so that a
 * drop between two cards rarely has to renumber the stage. */
#define SALES_DEAL_POSITION_GAP 1024

G_DECLARE_FINAL_TYPE (SalesDeal, sales_deal, SALES, DEAL, SalesRecord)

SalesDeal  *sales_deal_new                  (void);
SalesDeal  *sales_deal_dup                  (SalesDeal  *self);
const char *sales_deal_get_title            (SalesDeal  *self);
void        sales_deal_set_title            (SalesDeal  *self,
                                             const char *title);
gint64      sales_deal_get_customer_id      (SalesDeal  *self);
void        sales_deal_set_customer_id      (SalesDeal  *self,
                                             gint64      customer_id);
gint64      sales_deal_get_owner_id         (SalesDeal  *self);
void        sales_deal_set_owner_id         (SalesDeal  *self,
                                             gint64      owner_id);
gint64      sales_deal_get_stage_id         (SalesDeal  *self);
void        sales_deal_set_stage_id         (SalesDeal  *self,
                                             gint64      stage_id);
gint64      sales_deal_get_amount_cents     (SalesDeal  *self);
void        sales_deal_set_amount_cents     (SalesDeal  *self,
                                             gint64      amount_cents);
const char *sales_deal_get_currency         (SalesDeal  *self);
void        sales_deal_set_currency         (SalesDeal  *self,
                                             const char *currency);
const char *sales_deal_get_expected_close   (SalesDeal  *self);
void        sales_deal_set_expected_close   (SalesDeal  *self,
                                             const char *expected_close);
gint64      sales_deal_get_position         (SalesDeal  *self);
void        sales_deal_set_position         (SalesDeal  *self,
                                             gint64      position);
gint64      sales_deal_get_created_at       (SalesDeal  *self);
void        sales_deal_set_created_at       (SalesDeal  *self,
                                             gint64      created_at);
gint64      sales_deal_get_stage_changed_at (SalesDeal  *self);
void        sales_deal_set_stage_changed_at (SalesDeal  *self,
                                             gint64      stage_changed_at);
gint64      sales_deal_get_closed_at        (SalesDeal  *self);
void        sales_deal_set_closed_at        (SalesDeal  *self,
                                             gint64      closed_at);
gint64      sales_deal_get_lost_reason_id   (SalesDeal  *self);
void        sales_deal_set_lost_reason_id   (SalesDeal  *self,
                                             gint64      lost_reason_id);
const char *sales_deal_get_lost_note        (SalesDeal  *self);
void        sales_deal_set_lost_note        (SalesDeal  *self,
                                             const char *lost_note);

G_END_DECLS
