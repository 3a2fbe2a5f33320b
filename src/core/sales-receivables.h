/* sales-receivables.h: the instalments overdue and soon due, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-receivable.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_RECEIVABLES (sales_receivables_get_type ())

/* The Receivables list looks this many days ahead. */
#define SALES_RECEIVABLES_DEFAULT_DAYS 30

G_DECLARE_FINAL_TYPE (SalesReceivables, sales_receivables, SALES, RECEIVABLES, GObject)

SalesReceivables *sales_receivables_new                   (SalesStore       *store,
                                                           guint             days_ahead,
                                                           gboolean          include_overdue);
SalesStore       *sales_receivables_get_store             (SalesReceivables *self);
guint             sales_receivables_get_days_ahead        (SalesReceivables *self);
gboolean          sales_receivables_get_include_overdue   (SalesReceivables *self);
gint64            sales_receivables_get_owner_id          (SalesReceivables *self);
void              sales_receivables_set_owner_id          (SalesReceivables *self,
                                                           gint64            owner_id);
gint64            sales_receivables_get_customer_id       (SalesReceivables *self);
void              sales_receivables_set_customer_id       (SalesReceivables *self,
                                                           gint64            customer_id);
gint64            sales_receivables_get_outstanding_cents (SalesReceivables *self);
gint64            sales_receivables_get_overdue_cents     (SalesReceivables *self);
void              sales_receivables_refresh               (SalesReceivables *self);

G_END_DECLS
