/* sales-record-list.h: all rows of a small table, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_RECORD_LIST (sales_record_list_get_type ())

G_DECLARE_FINAL_TYPE (SalesRecordList, sales_record_list, SALES, RECORD_LIST, GObject)

SalesRecordList *sales_record_list_new (SalesStore      *store,
                                        SalesRecordKind  kind,
                                        const char      *order_by);
SalesRecordList *sales_record_list_new_filtered (SalesStore      *store,
                                                 SalesRecordKind  kind,
                                                 const char      *column,
                                                 gint64           id,
                                                 const char      *order_by);

G_END_DECLS
