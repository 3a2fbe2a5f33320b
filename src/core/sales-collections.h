/* sales-collections.h: what is owed and what came in, from the plans and payments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-db.h"
#include "sales-types.h"

G_BEGIN_DECLS

/* One instalment on a local day, with what the payments received by then settled of it. */
typedef struct
{
  gint64               id;
  gint64               contract_id;
  char                 due_on[11];
  gint64               amount_cents;
  gint64               paid_cents;
  SalesInstalmentState state;
  /* Local days from the day asked about to the due day: 0 on it, negative after it. */
  int                  days_until_due;
  /* More than 0 only when the state is SALES_INSTALMENT_OVERDUE. */
  int                  days_overdue;
} SalesInstalment;

char                 *sales_local_date                     (gint64                unix_time);
int                   sales_date_days_between              (const char           *from,
                                                            const char           *to);

SalesInstalmentState  sales_instalment_state_on            (const char           *due_on,
                                                            gint64                amount_cents,
                                                            gint64                paid_cents,
                                                            const char           *on,
                                                            int                  *days_overdue);
char                 *sales_instalment_describe            (const SalesInstalment *instalment);
void                  sales_instalment_fill                (SalesInstalment      *instalment,
                                                            const char           *on);

GArray               *sales_collections_list_instalments   (SalesDb              *db,
                                                            gint64                contract_id,
                                                            const char           *on,
                                                            GError              **error);

/* For the KPIs. @owner_id is the rep who owns the contract's customer; 0 = everyone. */
gboolean              sales_collections_collected_amount   (SalesDb              *db,
                                                            const char           *from,
                                                            const char           *to,
                                                            gint64                owner_id,
                                                            gint64               *cents,
                                                            GError              **error);
gboolean              sales_collections_overdue_amount     (SalesDb              *db,
                                                            const char           *on,
                                                            gint64                owner_id,
                                                            gint64               *cents,
                                                            GError              **error);
gboolean              sales_collections_average_days_to_collect (SalesDb         *db,
                                                            const char           *from,
                                                            const char           *to,
                                                            gint64                owner_id,
                                                            double               *days,
                                                            guint                *n_contracts,
                                                            GError              **error);

/* The WITH clause of SALES_INSTALMENTS_WITH, reading the plans and payments
 * of the contracts @plan_where and @paid_where keep ("" for all of them). */
#define SALES_INSTALMENTS_WHERE_WITH(plan_where, paid_where) \
  "WITH plan AS (" \
  "  SELECT id, contract_id, due_on, amount_cents," \
  "         sum (amount_cents) OVER (PARTITION BY contract_id ORDER BY due_on, id)" \
  "         - amount_cents AS before" \
  "  FROM payment_plan" plan_where "), " \
  "paid AS (" \
  "  SELECT contract_id, sum (amount_cents) AS total FROM payment" \
  "  WHERE received_on <= ?1" paid_where " GROUP BY contract_id), " \
  "instalment AS (" \
  "  SELECT plan.id, plan.contract_id, plan.due_on, plan.amount_cents," \
  "         max (0, min (plan.amount_cents, coalesce (paid.total, 0) - plan.before))" \
  "         AS paid_cents" \
  "  FROM plan LEFT JOIN paid USING (contract_id)) "

/* For the queries of core: a WITH clause that makes the table "instalment"
 * (id, contract_id, due_on, amount_cents, paid_cents) where payments
 * received on or before ?1 settle each contract's instalments oldest first. */
#define SALES_INSTALMENTS_WITH SALES_INSTALMENTS_WHERE_WITH ("", "")

/* The same for the contracts of the customer ?2 only, which reads their rows
 * alone: SQLite does not push a condition on contract_id down into the
 * window and the sum the table is made of. */
#define SALES_CUSTOMER_INSTALMENTS_WITH \
  SALES_INSTALMENTS_WHERE_WITH ( \
    " WHERE contract_id IN (SELECT id FROM contract WHERE customer_id = ?2)", \
    " AND contract_id IN (SELECT id FROM contract WHERE customer_id = ?2)")

G_END_DECLS
