/* sales-customer-search.h: customers by part of their name, for completion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-store.h"

G_BEGIN_DECLS

GListModel *sales_customer_search (SalesStore  *store,
                                   const char  *text,
                                   guint        limit,
                                   GError     **error);

G_END_DECLS
