/* sales-pool.c: the rules of the public pool, as values
 *
 * What the store does with them is in sales-store-pool.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-pool.h"

static const char * const assign_rule_names[] = {
  "none",
  "round-robin",
  "fewest-open",
};

/* The defaults the issue names: 30 days without a follow-up, 90 without a
 * won deal, warned 3 days before; no limit per rep and no assignment. */
void
sales_pool_rules_init (SalesPoolRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->followup_days = SALES_POOL_DEFAULT_FOLLOWUP_DAYS;
  rules->won_days = SALES_POOL_DEFAULT_WON_DAYS;
  rules->warn_days = SALES_POOL_DEFAULT_WARN_DAYS;
  rules->max_per_rep = 0;
  rules->assign = SALES_ASSIGN_NONE;
}

/* The nick GSettings stores the rule as. */
const char *
sales_assign_rule_to_string (SalesAssignRule rule)
{
  g_return_val_if_fail (rule <= SALES_ASSIGN_FEWEST_OPEN, NULL);

  return assign_rule_names[rule];
}

gboolean
sales_assign_rule_from_string (const char      *text,
                               SalesAssignRule *rule)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (assign_rule_names); i++)
    {
      if (g_str_equal (text, assign_rule_names[i]))
        {
          *rule = (SalesAssignRule)i;
          return TRUE;
        }
    }

  return FALSE;
}
