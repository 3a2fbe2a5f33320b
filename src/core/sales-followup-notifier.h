/* sales-followup-notifier.h: a desktop notification when a follow-up falls due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_FOLLOWUP_NOTIFIER (sales_followup_notifier_get_type ())

G_DECLARE_FINAL_TYPE (SalesFollowupNotifier, sales_followup_notifier, SALES, FOLLOWUP_NOTIFIER,
                      GObject)

/* What falls due between two checks. */
typedef struct
{
  guint   n_due;
  /* set when n_due is 1 */
  gint64  activity_id;
  gint64  customer_id;
  char   *title;
  char   *body;
} SalesFollowupAlert;

SalesFollowupNotifier *sales_followup_notifier_new          (SalesStore            *store,
                                                             GApplication          *application);
gint64                 sales_followup_notifier_get_owner_id (SalesFollowupNotifier *self);
void                   sales_followup_notifier_set_owner_id (SalesFollowupNotifier *self,
                                                             gint64                 owner_id);
void                   sales_followup_notifier_start        (SalesFollowupNotifier *self);
gboolean               sales_followup_notifier_check        (SalesFollowupNotifier *self,
                                                             SalesFollowupAlert    *alert);
gint64                 sales_followup_notifier_get_next_due (SalesFollowupNotifier *self);

void                   sales_followup_alert_clear           (SalesFollowupAlert    *alert);
GNotification         *sales_followup_alert_to_notification (const SalesFollowupAlert *alert,
                                                             char                 **id);

gboolean               sales_application_has_notification_server (GApplication *application);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SalesFollowupAlert, sales_followup_alert_clear)

G_END_DECLS
