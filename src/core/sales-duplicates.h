/* sales-duplicates.h: likely duplicate customers (查重 / 撞单)
 *
 * Two customers are likely the same when they share a normalised phone
 * number or e-mail address (their own or one of their contacts') or the
 * same name once full-width forms, case, spaces and company suffixes are
 * set aside. The keys are kept in customer_key by the store
 * (sales-customer-index.c); this file only reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-contact.h"
#include "sales-customer.h"
#include "sales-db.h"

G_BEGIN_DECLS

/* Why two customers look like the same one; a match may have several. */
typedef enum
{
  SALES_DUPLICATE_PHONE = 1 << 0,
  SALES_DUPLICATE_EMAIL = 1 << 1,
  SALES_DUPLICATE_NAME  = 1 << 2,
} SalesDuplicateReason;

/* An existing customer that a draft looks like. */
typedef struct
{
  gint64               customer_id;
  SalesDuplicateReason reasons;
} SalesDuplicateMatch;

/* Two existing customers that look like each other; a_id < b_id. */
typedef struct
{
  gint64               a_id;
  gint64               b_id;
  SalesDuplicateReason reasons;
} SalesDuplicatePair;

/* At most this many matches are returned by a check on save. */
#define SALES_DUPLICATES_MAX_MATCHES 50

GArray     *sales_duplicates_check          (SalesDb        *db,
                                             SalesCustomer  *draft,
                                             GPtrArray      *contacts,
                                             gint64          exclude_id,
                                             GError        **error);
GArray     *sales_duplicates_find_all       (SalesDb        *db,
                                             GCancellable   *cancellable,
                                             GError        **error);
char       *sales_duplicate_reason_describe (SalesDuplicateReason reasons);

G_END_DECLS
