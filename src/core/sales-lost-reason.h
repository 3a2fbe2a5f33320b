/* sales-lost-reason.h: why a deal was lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"

G_BEGIN_DECLS

#define SALES_TYPE_LOST_REASON (sales_lost_reason_get_type ())

G_DECLARE_FINAL_TYPE (SalesLostReason, sales_lost_reason, SALES, LOST_REASON, SalesRecord)

SalesLostReason *sales_lost_reason_new        (void);
SalesLostReason *sales_lost_reason_dup        (SalesLostReason *self);
const char      *sales_lost_reason_get_name   (SalesLostReason *self);
void             sales_lost_reason_set_name   (SalesLostReason *self,
                                               const char      *name);
gboolean         sales_lost_reason_get_active (SalesLostReason *self);
void             sales_lost_reason_set_active (SalesLostReason *self,
                                               gboolean         active);

G_END_DECLS
