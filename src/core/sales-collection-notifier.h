/* sales-collection-notifier.h: a desktop notification when an instalment is due soon or overdue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_COLLECTION_NOTIFIER (sales_collection_notifier_get_type ())

G_DECLARE_FINAL_TYPE (SalesCollectionNotifier, sales_collection_notifier, SALES,
                      COLLECTION_NOTIFIER, GObject)

/* What is newly due or overdue at a check. */
typedef struct
{
  guint   n_instalments;
  /* set when they are all one customer's */
  gint64  customer_id;
  char   *title;
  char   *body;
} SalesCollectionAlert;

SalesCollectionNotifier *sales_collection_notifier_new            (SalesStore              *store,
                                                                   GApplication            *app);
guint                    sales_collection_notifier_get_days_ahead (SalesCollectionNotifier *self);
void                     sales_collection_notifier_set_days_ahead (SalesCollectionNotifier *self,
                                                                   guint                    days);
gint64                   sales_collection_notifier_get_owner_id   (SalesCollectionNotifier *self);
void                     sales_collection_notifier_set_owner_id   (SalesCollectionNotifier *self,
                                                                   gint64                   owner);
void                     sales_collection_notifier_start          (SalesCollectionNotifier *self);
gboolean                 sales_collection_notifier_check          (SalesCollectionNotifier *self,
                                                                   SalesCollectionAlert    *alert);

void                     sales_collection_alert_clear             (SalesCollectionAlert    *alert);
GNotification           *sales_collection_alert_to_notification   (const SalesCollectionAlert *a,
                                                                   char                   **id);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SalesCollectionAlert, sales_collection_alert_clear)

G_END_DECLS
