/* sales-demo-pool.c: the sample customers that the public pool's rules took back
 *
 * The default rules (sales-store-pool-rules.c) return a customer to the pool after 30 days
 * without a follow-up by its owner or 90 without a deal won by the owner. Sample data that
 * ignored them had most owned customers overdue on both counts, so a user's first start
 * sent five in six of them to the pool at once. The generator applies the default rules as
 * the program would have applied them every day: a customer returned on the day it first
 * broke one, with the 'returned' event the store writes (dated that morning) and no owner
 * since. What stays owned is what the rules keep today, so that the first start of the
 * program returns none of them; from the next day on, customers return a few at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-demo-private.h"
#include "sales-pool.h"

/* A customer whose time is before this has gone @days local days without (as
 * sales-store-pool-rules.c counts them on the day of g->now). */
static gint64
day_cutoff (const SalesDemoGenerator *g,
            guint                     days)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_from_unix_local (g->now);
  g_autoptr(GDateTime) cutoff = g_date_time_add_days (midnight, -(int)(days - 1));

  return g_date_time_to_unix (cutoff);
}

/**
 * sales_demo_return_to_pool:
 *
 * After the run's last deal: gives the customers that the default rules took back no owner,
 * with a 'returned' event each, in the order of their ids.
 */
gboolean
sales_demo_return_to_pool (SalesDemoGenerator  *g,
                           GError             **error)
{
  const guint followup_days = SALES_POOL_DEFAULT_FOLLOWUP_DAYS;
  const guint won_days = SALES_POOL_DEFAULT_WON_DAYS;
  gint64 followup_cut = day_cutoff (g, followup_days);
  gint64 won_cut = day_cutoff (g, won_days);
  g_autofree char *followup_text = NULL;
  g_autofree char *won_text = NULL;
  SalesDemoText followup_note, won_note;
  sqlite3_stmt *update;

  /* The notes the store writes. */
  followup_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "No follow-up by the owner for %u day",
                                                "No follow-up by the owner for %u days",
                                                followup_days),
                                   followup_days);
  won_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No deal won by the owner for %u day",
                                           "No deal won by the owner for %u days",
                                           won_days),
                              won_days);
  sales_demo_text_clear (&followup_note);
  sales_demo_text_append (&followup_note, followup_text);
  sales_demo_text_clear (&won_note);
  sales_demo_text_append (&won_note, won_text);

  update = sales_db_prepare (g->db,
                             "UPDATE customer SET owner_id = NULL,"
                             " updated_at = max (updated_at, ?2) WHERE id = ?1",
                             error);
  if (update == NULL)
    return FALSE;

  for (guint i = 0; i < g->n_customers; i++)
    {
      SalesDemoCustomer *c = &g->customers[i];
      gint64 id = g->first_customer_id + i;
      gint64 followed = MAX (c->created_at, c->last_done_at);
      gint64 won = MAX (c->created_at, c->last_won_at);
      gint32 unfollowed_day = sales_demo_day (g, followed) + (gint32)followup_days;
      gint32 unwon_day = sales_demo_day (g, won) + (gint32)won_days;
      gboolean by_followup;
      SalesDemoValue *v;
      gint64 at;
      int rc;

      if (c->owner < 0 || (followed >= followup_cut && won >= won_cut))
        continue;

      /* The rule broken first; on the morning of that day, or at the start of today. */
      by_followup = followed < followup_cut && (won >= won_cut || unfollowed_day <= unwon_day);
      at = sales_demo_ts (g, by_followup ? unfollowed_day : unwon_day, 9 * SALES_DEMO_HOUR);
      at = MIN (at, g->now - 1);

      v = sales_demo_table_row (g, SALES_DEMO_EVENT);
      sales_demo_value_int (&v[0], id);
      sales_demo_value_static (&v[1], "returned");
      sales_demo_value_int (&v[2], g->rep_ids[c->owner]);
      sales_demo_value_null (&v[3]);
      sales_demo_value_text (g, SALES_DEMO_EVENT, &v[4], by_followup ? &followup_note : &won_note);
      sales_demo_value_int (&v[5], at);
      if (!sales_demo_table_add (g, SALES_DEMO_EVENT, error))
        return FALSE;

      sqlite3_bind_int64 (update, 1, id);
      sqlite3_bind_int64 (update, 2, at);
      rc = sqlite3_step (update);
      sqlite3_reset (update);
      if (rc != SQLITE_DONE)
        return sales_db_set_error (g->db, rc, error);

      c->owner = -1;
      c->updated_at = MAX (c->updated_at, at);
    }

  return TRUE;
}
