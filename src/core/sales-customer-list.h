/* sales-customer-list.h: the customers a filter keeps, sorted, as a list model backed by a query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-customer-stats.h"
#include "sales-store.h"

G_BEGIN_DECLS

/* What the list is sorted by; ties go by id. */
typedef enum
{
  SALES_CUSTOMER_SORT_RELEVANCE,     /* the search's order; by name without a search */
  SALES_CUSTOMER_SORT_NAME,
  SALES_CUSTOMER_SORT_TIER,
  SALES_CUSTOMER_SORT_INDUSTRY,
  SALES_CUSTOMER_SORT_OWNER,
  SALES_CUSTOMER_SORT_SOURCE,
  SALES_CUSTOMER_SORT_LAST_CONTACT,
  SALES_CUSTOMER_SORT_OPEN_DEALS,
  SALES_CUSTOMER_SORT_OPEN_AMOUNT,
  SALES_CUSTOMER_SORT_NEXT_FOLLOWUP,
  SALES_CUSTOMER_SORT_CREATED,
} SalesCustomerSort;

/* The owner filter's value for customers without an owner. */
#define SALES_CUSTOMER_LIST_PUBLIC_POOL G_GINT64_CONSTANT (-1)

/* The tier filter's value for every tier. */
#define SALES_CUSTOMER_LIST_ANY_TIER (-1)

#define SALES_TYPE_CUSTOMER_LIST (sales_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (SalesCustomerList, sales_customer_list, SALES, CUSTOMER_LIST, GObject)

SalesCustomerList  *sales_customer_list_new             (SalesStore         *store);
SalesStore         *sales_customer_list_get_store       (SalesCustomerList  *self);

SalesCustomerSort   sales_customer_list_get_sort        (SalesCustomerList  *self);
gboolean            sales_customer_list_get_descending  (SalesCustomerList  *self);
void                sales_customer_list_set_sort        (SalesCustomerList  *self,
                                                         SalesCustomerSort   sort,
                                                         gboolean            descending);

const char         *sales_customer_list_get_search      (SalesCustomerList  *self);
void                sales_customer_list_set_search      (SalesCustomerList  *self,
                                                         const char         *search);
int                 sales_customer_list_get_tier        (SalesCustomerList  *self);
void                sales_customer_list_set_tier        (SalesCustomerList  *self,
                                                         int                 tier);
gint64              sales_customer_list_get_owner_id    (SalesCustomerList  *self);
void                sales_customer_list_set_owner_id    (SalesCustomerList  *self,
                                                         gint64              owner_id);
const char         *sales_customer_list_get_industry    (SalesCustomerList  *self);
void                sales_customer_list_set_industry    (SalesCustomerList  *self,
                                                         const char         *industry);
const char         *sales_customer_list_get_source      (SalesCustomerList  *self);
void                sales_customer_list_set_source      (SalesCustomerList  *self,
                                                         const char         *source);
gint64              sales_customer_list_get_tag_id      (SalesCustomerList  *self);
void                sales_customer_list_set_tag_id      (SalesCustomerList  *self,
                                                         gint64              tag_id);
gboolean            sales_customer_list_is_filtered     (SalesCustomerList  *self);
void                sales_customer_list_clear_filters   (SalesCustomerList  *self);

gint64              sales_customer_list_get_customer_id (SalesCustomerList  *self,
                                                         guint               position);
gboolean            sales_customer_list_find            (SalesCustomerList  *self,
                                                         gint64              customer_id,
                                                         guint              *position);
SalesCustomerStats *sales_customer_list_get_stats       (SalesCustomerList  *self,
                                                         gint64              customer_id);

char              **sales_customer_list_dup_industries  (SalesStore         *store);
char              **sales_customer_list_dup_sources     (SalesStore         *store);
const char         *sales_customer_source_to_label      (const char         *source);

G_END_DECLS
