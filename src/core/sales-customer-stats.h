/* sales-customer-stats.h: what a customer's follow-ups and open deals add up to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SALES_TYPE_CUSTOMER_STATS (sales_customer_stats_get_type ())

G_DECLARE_FINAL_TYPE (SalesCustomerStats, sales_customer_stats, SALES, CUSTOMER_STATS, GObject)

SalesCustomerStats *sales_customer_stats_new                 (gint64              customer_id);
gint64              sales_customer_stats_get_customer_id     (SalesCustomerStats *self);
gint64              sales_customer_stats_get_last_contact_at (SalesCustomerStats *self);
guint               sales_customer_stats_get_open_deals      (SalesCustomerStats *self);
gint64              sales_customer_stats_get_open_cents      (SalesCustomerStats *self);
gint64              sales_customer_stats_get_next_followup_at (SalesCustomerStats *self);
void                sales_customer_stats_set                 (SalesCustomerStats *self,
                                                              gint64              last_contact_at,
                                                              guint               open_deals,
                                                              gint64              open_cents,
                                                              gint64              next_followup_at);

G_END_DECLS
