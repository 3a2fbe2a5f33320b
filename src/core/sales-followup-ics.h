/* sales-followup-ics.h: planned follow-ups as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-store.h"

G_BEGIN_DECLS

/* How long each event lasts in a calendar: a follow-up has a due time only. */
#define SALES_FOLLOWUP_ICS_DURATION_S (30 * 60)

char     *sales_followup_ics_build         (SalesStore          *store,
                                            gint64               owner_id,
                                            guint               *n_followups,
                                            GError             **error);
gboolean  sales_followup_ics_export        (SalesStore          *store,
                                            gint64               owner_id,
                                            GFile               *file,
                                            guint               *n_followups,
                                            GCancellable        *cancellable,
                                            GError             **error);
void      sales_followup_ics_export_async  (SalesStore          *store,
                                            gint64               owner_id,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  sales_followup_ics_export_finish (SalesStore          *store,
                                            GAsyncResult        *result,
                                            guint               *n_followups,
                                            GError             **error);

G_END_DECLS
