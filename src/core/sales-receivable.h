/* sales-receivable.h: one instalment still to collect, with whose it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sales-collections.h"

G_BEGIN_DECLS

#define SALES_TYPE_RECEIVABLE (sales_receivable_get_type ())

G_DECLARE_FINAL_TYPE (SalesReceivable, sales_receivable, SALES, RECEIVABLE, GObject)

SalesReceivable       *sales_receivable_new                 (const SalesInstalment *instalment,
                                                             const char            *contract_number,
                                                             gint64                 customer_id,
                                                             const char            *customer_name,
                                                             gint64                 owner_id,
                                                             const char            *owner_name);
const SalesInstalment *sales_receivable_get_instalment      (SalesReceivable       *self);
gint64                 sales_receivable_get_contract_id     (SalesReceivable       *self);
const char            *sales_receivable_get_contract_number (SalesReceivable       *self);
gint64                 sales_receivable_get_customer_id     (SalesReceivable       *self);
const char            *sales_receivable_get_customer_name   (SalesReceivable       *self);
gint64                 sales_receivable_get_owner_id        (SalesReceivable       *self);
const char            *sales_receivable_get_owner_name      (SalesReceivable       *self);
gint64                 sales_receivable_get_outstanding_cents (SalesReceivable     *self);

G_END_DECLS
