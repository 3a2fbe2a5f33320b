/* sales-activity.h: a follow-up: a call, visit, meeting… planned or done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"

G_BEGIN_DECLS

#define SALES_TYPE_ACTIVITY (sales_activity_get_type ())

G_DECLARE_FINAL_TYPE (SalesActivity, sales_activity, SALES, ACTIVITY, SalesRecord)

SalesActivity     *sales_activity_new              (void);
SalesActivity     *sales_activity_dup              (SalesActivity     *self);
gint64             sales_activity_get_customer_id  (SalesActivity     *self);
void               sales_activity_set_customer_id  (SalesActivity     *self,
                                                    gint64             customer_id);
gint64             sales_activity_get_deal_id      (SalesActivity     *self);
void               sales_activity_set_deal_id      (SalesActivity     *self,
                                                    gint64             deal_id);
gint64             sales_activity_get_owner_id     (SalesActivity     *self);
void               sales_activity_set_owner_id     (SalesActivity     *self,
                                                    gint64             owner_id);
SalesActivityKind  sales_activity_get_kind         (SalesActivity     *self);
void               sales_activity_set_kind         (SalesActivity     *self,
                                                    SalesActivityKind  kind);
const char        *sales_activity_get_note         (SalesActivity     *self);
void               sales_activity_set_note         (SalesActivity     *self,
                                                    const char        *note);
gint64             sales_activity_get_due_at       (SalesActivity     *self);
void               sales_activity_set_due_at       (SalesActivity     *self,
                                                    gint64             due_at);
gint64             sales_activity_get_done_at      (SalesActivity     *self);
void               sales_activity_set_done_at      (SalesActivity     *self,
                                                    gint64             done_at);
int                sales_activity_get_satisfaction (SalesActivity     *self);
void               sales_activity_set_satisfaction (SalesActivity     *self,
                                                    int                satisfaction);

const char        *sales_activity_kind_to_string   (SalesActivityKind  kind);
gboolean           sales_activity_kind_from_string (const char        *text,
                                                    SalesActivityKind *kind);
const char        *sales_activity_kind_get_label   (SalesActivityKind  kind);

G_END_DECLS
