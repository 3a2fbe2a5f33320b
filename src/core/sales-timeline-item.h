/* sales-timeline-item.h: one line of a customer's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sales-types.h"

G_BEGIN_DECLS

typedef enum
{
  SALES_TIMELINE_FOLLOWUP_DONE,
  SALES_TIMELINE_FOLLOWUP_PLANNED,
  SALES_TIMELINE_STAGE_CHANGE,
  SALES_TIMELINE_OWNER_EVENT,
} SalesTimelineKind;

#define SALES_TYPE_TIMELINE_ITEM (sales_timeline_item_get_type ())

G_DECLARE_FINAL_TYPE (SalesTimelineItem, sales_timeline_item, SALES, TIMELINE_ITEM, GObject)

SalesTimelineItem *sales_timeline_item_new               (SalesTimelineKind  kind,
                                                          gint64             id,
                                                          gint64             at,
                                                          const char        *title,
                                                          const char        *detail);
SalesTimelineKind  sales_timeline_item_get_kind          (SalesTimelineItem *self);
gint64             sales_timeline_item_get_id            (SalesTimelineItem *self);
gint64             sales_timeline_item_get_at            (SalesTimelineItem *self);
const char        *sales_timeline_item_get_title         (SalesTimelineItem *self);
const char        *sales_timeline_item_get_detail        (SalesTimelineItem *self);
SalesActivityKind  sales_timeline_item_get_activity_kind (SalesTimelineItem *self);
void               sales_timeline_item_set_activity_kind (SalesTimelineItem *self,
                                                          SalesActivityKind  kind);

G_END_DECLS
