/* sales-contract.h: a signed contract: what a customer owes, and under which number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"

G_BEGIN_DECLS

#define SALES_TYPE_CONTRACT (sales_contract_get_type ())

G_DECLARE_FINAL_TYPE (SalesContract, sales_contract, SALES, CONTRACT, SalesRecord)

SalesContract *sales_contract_new              (void);
SalesContract *sales_contract_dup              (SalesContract *self);
gint64         sales_contract_get_customer_id  (SalesContract *self);
void           sales_contract_set_customer_id  (SalesContract *self,
                                                gint64         customer_id);
gint64         sales_contract_get_deal_id      (SalesContract *self);
void           sales_contract_set_deal_id      (SalesContract *self,
                                                gint64         deal_id);
const char    *sales_contract_get_number       (SalesContract *self);
void           sales_contract_set_number       (SalesContract *self,
                                                const char    *number);
gint64         sales_contract_get_amount_cents (SalesContract *self);
void           sales_contract_set_amount_cents (SalesContract *self,
                                                gint64         amount_cents);
const char    *sales_contract_get_signed_on    (SalesContract *self);
void           sales_contract_set_signed_on    (SalesContract *self,
                                                const char    *signed_on);
const char    *sales_contract_get_notes        (SalesContract *self);
void           sales_contract_set_notes        (SalesContract *self,
                                                const char    *notes);

G_END_DECLS
