/* sales-followup-list.h: the planned follow-ups of one section, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_FOLLOWUP_LIST (sales_followup_list_get_type ())

G_DECLARE_FINAL_TYPE (SalesFollowupList, sales_followup_list, SALES, FOLLOWUP_LIST, GObject)

SalesFollowupList  *sales_followup_list_new             (SalesStore          *store,
                                                         SalesFollowupGroup   group,
                                                         gint64               owner_id);
SalesStore         *sales_followup_list_get_store       (SalesFollowupList   *self);
SalesFollowupGroup  sales_followup_list_get_group       (SalesFollowupList   *self);
gint64              sales_followup_list_get_owner_id    (SalesFollowupList   *self);
void                sales_followup_list_set_owner_id    (SalesFollowupList   *self,
                                                         gint64               owner_id);
void                sales_followup_list_refresh         (SalesFollowupList   *self);
gint64              sales_followup_list_get_activity_id (SalesFollowupList   *self,
                                                         guint                position);
gboolean            sales_followup_list_find            (SalesFollowupList   *self,
                                                         gint64               activity_id,
                                                         guint               *position);

void                sales_followup_group_get_range      (SalesFollowupGroup   group,
                                                         gint64               now,
                                                         gint64              *from,
                                                         gint64              *to);
SalesFollowupGroup  sales_followup_group_for_time       (gint64               due_at,
                                                         gint64               now);
const char         *sales_followup_group_get_title      (SalesFollowupGroup   group);
gint64              sales_followup_next_day_start       (gint64               now);
char               *sales_followup_format_due           (gint64               due_at,
                                                         gint64               now,
                                                         gboolean            *overdue);

G_END_DECLS
