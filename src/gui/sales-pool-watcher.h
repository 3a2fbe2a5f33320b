/* sales-pool-watcher.h: applies the public pool's rules at start-up and every day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_POOL_WATCHER (sales_pool_watcher_get_type ())

G_DECLARE_FINAL_TYPE (SalesPoolWatcher, sales_pool_watcher, SALES, POOL_WATCHER, GObject)

SalesPoolWatcher *sales_pool_watcher_new   (SalesStore       *store,
                                            SalesSettings    *settings);
void              sales_pool_watcher_start (SalesPoolWatcher *self);
void              sales_pool_watcher_stop  (SalesPoolWatcher *self);

G_END_DECLS
