/* sales-customer.h: a company or person that buys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"

G_BEGIN_DECLS

#define SALES_TYPE_CUSTOMER (sales_customer_get_type ())

G_DECLARE_FINAL_TYPE (SalesCustomer, sales_customer, SALES, CUSTOMER, SalesRecord)

SalesCustomer *sales_customer_new            (void);
SalesCustomer *sales_customer_dup            (SalesCustomer *self);
const char    *sales_customer_get_name       (SalesCustomer *self);
void           sales_customer_set_name       (SalesCustomer *self,
                                              const char    *name);
const char    *sales_customer_get_industry   (SalesCustomer *self);
void           sales_customer_set_industry   (SalesCustomer *self,
                                              const char    *industry);
SalesTier      sales_customer_get_tier       (SalesCustomer *self);
void           sales_customer_set_tier       (SalesCustomer *self,
                                              SalesTier      tier);
const char    *sales_customer_get_source     (SalesCustomer *self);
void           sales_customer_set_source     (SalesCustomer *self,
                                              const char    *source);
gint64         sales_customer_get_owner_id   (SalesCustomer *self);
void           sales_customer_set_owner_id   (SalesCustomer *self,
                                              gint64         owner_id);
const char    *sales_customer_get_phone      (SalesCustomer *self);
void           sales_customer_set_phone      (SalesCustomer *self,
                                              const char    *phone);
const char    *sales_customer_get_email      (SalesCustomer *self);
void           sales_customer_set_email      (SalesCustomer *self,
                                              const char    *email);
const char    *sales_customer_get_address    (SalesCustomer *self);
void           sales_customer_set_address    (SalesCustomer *self,
                                              const char    *address);
const char    *sales_customer_get_notes      (SalesCustomer *self);
void           sales_customer_set_notes      (SalesCustomer *self,
                                              const char    *notes);
gint64         sales_customer_get_created_at (SalesCustomer *self);
void           sales_customer_set_created_at (SalesCustomer *self,
                                              gint64         created_at);
gint64         sales_customer_get_updated_at (SalesCustomer *self);
void           sales_customer_set_updated_at (SalesCustomer *self,
                                              gint64         updated_at);

const char    *sales_tier_to_string          (SalesTier      tier);
gboolean       sales_tier_from_string        (const char    *text,
                                              SalesTier     *tier);

G_END_DECLS
