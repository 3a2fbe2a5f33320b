/* sales-payment-plan.h: one instalment of a contract: what is due on which day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"
#include "sales-types.h"

G_BEGIN_DECLS

#define SALES_TYPE_PAYMENT_PLAN (sales_payment_plan_get_type ())

G_DECLARE_FINAL_TYPE (SalesPaymentPlan, sales_payment_plan, SALES, PAYMENT_PLAN, SalesRecord)

/* A rule that makes a payment plan from a contract's amount. */
typedef struct
{
  SalesPlanRule  rule;
  /* SALES_PLAN_RULE_MONTHLY: how many instalments, one a month */
  guint          n_instalments;
  /* SALES_PLAN_RULE_DEPOSIT: the deposit's share of the amount, 1 to 99 */
  guint          deposit_percent;
  /* YYYY-MM-DD: the single payment, the first instalment or the deposit */
  const char    *first_due_on;
  /* SALES_PLAN_RULE_DEPOSIT: YYYY-MM-DD, when the balance is due */
  const char    *balance_due_on;
} SalesPlanSpec;

SalesPaymentPlan *sales_payment_plan_new              (void);
SalesPaymentPlan *sales_payment_plan_dup              (SalesPaymentPlan *self);
gint64            sales_payment_plan_get_contract_id  (SalesPaymentPlan *self);
void              sales_payment_plan_set_contract_id  (SalesPaymentPlan *self,
                                                       gint64            contract_id);
const char       *sales_payment_plan_get_due_on       (SalesPaymentPlan *self);
void              sales_payment_plan_set_due_on       (SalesPaymentPlan *self,
                                                       const char       *due_on);
gint64            sales_payment_plan_get_amount_cents (SalesPaymentPlan *self);
void              sales_payment_plan_set_amount_cents (SalesPaymentPlan *self,
                                                       gint64            amount_cents);

GPtrArray        *sales_payment_plan_split            (gint64               amount_cents,
                                                       const SalesPlanSpec *spec,
                                                       GError             **error);
gint64            sales_payment_plan_sum              (GPtrArray        *plan);

G_END_DECLS
