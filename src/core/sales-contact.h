/* sales-contact.h: a person at a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"

G_BEGIN_DECLS

#define SALES_TYPE_CONTACT (sales_contact_get_type ())

G_DECLARE_FINAL_TYPE (SalesContact, sales_contact, SALES, CONTACT, SalesRecord)

SalesContact *sales_contact_new             (void);
SalesContact *sales_contact_dup             (SalesContact *self);
gint64        sales_contact_get_customer_id (SalesContact *self);
void          sales_contact_set_customer_id (SalesContact *self,
                                             gint64        customer_id);
const char   *sales_contact_get_name        (SalesContact *self);
void          sales_contact_set_name        (SalesContact *self,
                                             const char   *name);
const char   *sales_contact_get_title       (SalesContact *self);
void          sales_contact_set_title       (SalesContact *self,
                                             const char   *title);
const char   *sales_contact_get_phone       (SalesContact *self);
void          sales_contact_set_phone       (SalesContact *self,
                                             const char   *phone);
const char   *sales_contact_get_email       (SalesContact *self);
void          sales_contact_set_email       (SalesContact *self,
                                             const char   *email);
const char   *sales_contact_get_wechat      (SalesContact *self);
void          sales_contact_set_wechat      (SalesContact *self,
                                             const char   *wechat);
gboolean      sales_contact_get_is_primary  (SalesContact *self);
void          sales_contact_set_is_primary  (SalesContact *self,
                                             gboolean      is_primary);

G_END_DECLS
