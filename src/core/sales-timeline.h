/* sales-timeline.h: a customer's history, newest first, a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-store.h"
#include "sales-timeline-item.h"

G_BEGIN_DECLS

#define SALES_TYPE_TIMELINE (sales_timeline_get_type ())

G_DECLARE_FINAL_TYPE (SalesTimeline, sales_timeline, SALES, TIMELINE, GObject)

SalesTimeline *sales_timeline_new          (SalesStore    *store,
                                            gint64         customer_id,
                                            guint          page_size);
gint64         sales_timeline_get_customer_id (SalesTimeline *self);
gboolean       sales_timeline_get_has_more (SalesTimeline *self);
void           sales_timeline_load_more    (SalesTimeline *self);
void           sales_timeline_reload       (SalesTimeline *self);

G_END_DECLS
