/* sales-kpi-summary.h: the derived tables behind the key figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-db.h"

G_BEGIN_DECLS

/* Inside a transaction. Drops the triggers that keep the derived tables exact, so that a bulk
 * load pays nothing per row; the tables are then stale until sales_kpi_summary_rebuild(). */
gboolean sales_kpi_summary_suspend (SalesDb  *db,
                                    GError  **error);

/* Inside a transaction, after sales_kpi_summary_suspend(), for a bulk writer that wrote the
 * derived rows itself (the demo generator): creates the triggers again, computing nothing. */
gboolean sales_kpi_summary_resume  (SalesDb  *db,
                                    GError  **error);

/* Inside a transaction. Computes every derived table again from the documented tables, each
 * in one set-based statement, and (re)creates the triggers. */
gboolean sales_kpi_summary_rebuild (SalesDb  *db,
                                    GError  **error);

/* Inside a transaction. Drops and creates again the triggers that keep the derived tables
 * exact, leaving the tables as they are (a migration that changes a trigger). */
gboolean sales_kpi_summary_replace_triggers (SalesDb  *db,
                                             GError  **error);

/* Inside a transaction, for a change of owner of many customers at once: list them in
 * kpi_owner_move before changing customer.owner_id (the triggers then leave them alone), then
 * call this, which carries the new owners into the derived tables set-based and empties
 * kpi_owner_move. */
gboolean sales_kpi_summary_move_owners (SalesDb  *db,
                                        GError  **error);

/* Inside a transaction, around a statement that changes only the owner_id (and updated_at)
 * of customers listed in kpi_owner_move: with @enabled FALSE no trigger runs, not even to
 * find that it has nothing to do, which can cost as much as updating the row.
 * Every trigger such a statement would fire is one that leaves those customers to
 * sales_kpi_summary_move_owners() (test-kpi-summary checks which triggers there are). */
void     sales_kpi_summary_set_triggers (SalesDb  *db,
                                         gboolean  enabled);

G_END_DECLS
