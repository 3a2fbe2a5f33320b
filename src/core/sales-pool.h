/* sales-pool.h: the public pool (公海) and lead assignment (线索分配)
 *
 * A customer with no owner (customer.owner_id NULL) is in the public pool.
 * The rules here decide when an owned customer goes back to it, who may
 * claim one, and who gets a new customer nobody owns. Every change of owner
 * they make is written to customer_event, so it shows on the customer's
 * timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-store.h"

G_BEGIN_DECLS

/* Who gets a new customer that was created without an owner. */
typedef enum
{
  SALES_ASSIGN_NONE,         /* nobody: it stays in the pool */
  SALES_ASSIGN_ROUND_ROBIN,  /* the next active rep after the last one assigned */
  SALES_ASSIGN_FEWEST_OPEN,  /* the active rep who holds the fewest customers */
} SalesAssignRule;

typedef struct
{
  guint           followup_days;  /* N: back to the pool after N days without a follow-up
                                   * logged by the owner; 0 turns the rule off */
  guint           won_days;       /* M: after M days without a deal won by the owner; 0: off */
  guint           warn_days;      /* K: the owner is warned K days before; 0: no warning */
  guint           max_per_rep;    /* L: the most customers a rep may hold; 0: no limit */
  SalesAssignRule assign;
} SalesPoolRules;

/* What one application of the rules did. */
typedef struct
{
  guint returned;
  guint warned;
} SalesPoolResult;

#define SALES_POOL_DEFAULT_FOLLOWUP_DAYS 30
#define SALES_POOL_DEFAULT_WON_DAYS      90
#define SALES_POOL_DEFAULT_WARN_DAYS     3

void        sales_pool_rules_init               (SalesPoolRules        *rules);
const char *sales_assign_rule_to_string         (SalesAssignRule        rule);
gboolean    sales_assign_rule_from_string       (const char            *text,
                                                 SalesAssignRule       *rule);

/* The rules the store applies, claims against and assigns new customers by. */
void        sales_store_set_pool_rules          (SalesStore            *self,
                                                 const SalesPoolRules  *rules);
void        sales_store_get_pool_rules          (SalesStore            *self,
                                                 SalesPoolRules        *rules);
gboolean    sales_store_apply_pool_rules        (SalesStore            *self,
                                                 SalesPoolResult       *result,
                                                 GError               **error);
void        sales_store_apply_pool_rules_async  (SalesStore            *self,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
gboolean    sales_store_apply_pool_rules_finish (SalesStore            *self,
                                                 GAsyncResult          *async_result,
                                                 SalesPoolResult       *result,
                                                 GError               **error);
gboolean    sales_store_claim_customer          (SalesStore            *self,
                                                 SalesCustomer         *customer,
                                                 gint64                 rep_id,
                                                 GError               **error);
gboolean    sales_store_assign_new_customers    (SalesStore            *self,
                                                 const gint64          *ids,
                                                 guint                  n_ids,
                                                 guint                 *n_assigned,
                                                 GError               **error);

G_END_DECLS
