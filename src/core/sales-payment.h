/* sales-payment.h: money received against a contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"

G_BEGIN_DECLS

#define SALES_TYPE_PAYMENT (sales_payment_get_type ())

G_DECLARE_FINAL_TYPE (SalesPayment, sales_payment, SALES, PAYMENT, SalesRecord)

SalesPayment *sales_payment_new              (void);
SalesPayment *sales_payment_dup              (SalesPayment *self);
gint64        sales_payment_get_contract_id  (SalesPayment *self);
void          sales_payment_set_contract_id  (SalesPayment *self,
                                              gint64        contract_id);
const char   *sales_payment_get_received_on  (SalesPayment *self);
void          sales_payment_set_received_on  (SalesPayment *self,
                                              const char   *received_on);
gint64        sales_payment_get_amount_cents (SalesPayment *self);
void          sales_payment_set_amount_cents (SalesPayment *self,
                                              gint64        amount_cents);
const char   *sales_payment_get_method       (SalesPayment *self);
void          sales_payment_set_method       (SalesPayment *self,
                                              const char   *method);
const char   *sales_payment_get_note         (SalesPayment *self);
void          sales_payment_set_note         (SalesPayment *self,
                                              const char   *note);

G_END_DECLS
