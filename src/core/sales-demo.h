/* sales-demo.h: deterministic, realistic sample data
 *
 * The generator adds to a database through SalesDb only (SalesStore wraps it
 * as sales_store_seed_demo() and then tells its views to reload). What it
 * writes, so that views, KPIs and people reading the file with sqlite3 know:
 *
 * - Determinism: the same seed, the same `now` (rounded down to the start of
 *   its day in local time) and the same starting database give the same rows.
 *   Every customer, deal and rep draws from its own PRNG seeded from (seed,
 *   id), so the GLib version never changes the data and the batch size only
 *   changes the order in which follow-ups get their ids. No timestamp is later
 *   than the rounded `now`, except planned follow-ups (activity.due_at with no
 *   done_at) and instalments (payment_plan.due_on) that lie in the future.
 * - Stages and lost reasons are the database's own: open stages in position
 *   order, the first won and the first lost stage. Deals walk the open stages
 *   in order (sometimes skipping one). Positions are SALES_DEAL_POSITION_GAP
 *   apart like the store's, from 0 or from a column's last card + the gap.
 * - Deals are created evenly over the 18 months before `now`, and won and
 *   lost ones closed over all of them. Open deals are the ones still being
 *   worked on, mostly created in the last months: a deal that stalls is
 *   given up as lost after two weeks to three months. About a fifth of the
 *   open deals have sat idle (since entering their stage and since their
 *   last done follow-up) past their stage's rot_days; most have a follow-up
 *   planned within two weeks, some an overdue one.
 * - Reps are the same people for every seed: rep i has a fixed name and
 *   e-mail, and a rep already in the database with that e-mail is reused, so a
 *   second run adds no reps (or only the ones past those it finds).
 *   Customers, deals and everything else are always added, with new ids.
 * - Targets: one row per rep and month, from the month 18 months before `now`
 *   to 3 months after it, and a whole-team row (owner_id NULL) every quarter's
 *   first month and in the future months. A (rep, month) that already has a
 *   target keeps it.
 * - A tenth of the customers never had an owner (the public pool). The others
 *   had one, and went back to the pool on the day they first broke one of the
 *   pool's default rules (sales-pool.h: 30 days without a follow-up by the
 *   owner, 90 without a deal won by the owner), with the 'returned'
 *   customer_event the store writes, dated that morning (or just before `now`)
 *   and customer.updated_at moved up to it. So the program's first start,
 *   applying the same rules, returns none of them.
 * - customer.source holds one of these codes: "referral", "exhibition",
 *   "website", "cold_call", "wechat", "partner".
 * - customer.industry holds an industry name translated when the data is
 *   created (like the default stages); names, addresses, titles and notes are
 *   Chinese or English with the customer, as a user would have typed them.
 * - payment.method holds "bank_transfer", "alipay", "wechat_pay" or "cheque".
 * - contract.number is "HT-<year signed>-<contract id, 6 digits>".
 * - Writes come in batches of whole deals (with their customers, history,
 *   follow-ups, contracts and payments), one transaction each; reps come with
 *   the first batch and targets with the last. A cancelled or failed run
 *   leaves the batches committed before it, each complete, and nothing else.
 * - A big run (bulk_deals or more deals, and at least as many as the database
 *   has) is one transaction instead: it drops the indexes of the tables it
 *   writes, writes every batch, and creates the indexes again before the
 *   commit, which is a third faster than keeping them up to date. It also
 *   drops the triggers of the key figures' derived tables (kpi_*) and writes
 *   their rows itself, added up in memory, exactly as
 *   sales_kpi_summary_rebuild() would compute them. Cancelling or failing
 *   leaves nothing; progress still comes after each batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-db.h"

G_BEGIN_DECLS

typedef struct
{
  guint   customers;   /* 0: deals / 5, at least 10 */
  guint   deals;       /* 0: 600 */
  guint   reps;        /* 0: 8 */
  guint64 seed;        /* same seed and same now: same data */
  gint64  now;         /* Unix time the data is "as of"; 0: the current time */
  guint   batch_size;  /* deals per batch; 0: 50 000 */
  guint   bulk_deals;  /* from this many deals on, one transaction; 0: 100 000 */
  guint   contacts;    /* contacts per customer on average, N gives 1 to 2N - 1 each;
                        * 0: one to three, 1.65 on average */
} SalesDemoOptions;

/* Called from the thread that runs the generator, after each whole batch. */
typedef void (*SalesDemoProgress) (guint64  done,
                                   guint64  total,
                                   gpointer user_data);

/* Rows added by committed batches. */
typedef struct
{
  guint64 reps;
  guint64 customers;
  guint64 contacts;
  guint64 deals;
  guint64 activities;
  guint64 contracts;
  guint64 payments;
  guint64 rows;        /* every row added, in every table */
} SalesDemoResult;

void     sales_demo_options_init (SalesDemoOptions  *options);
gboolean sales_demo_generate     (SalesDb           *db,
                                  const SalesDemoOptions *options,
                                  SalesDemoProgress  progress,
                                  gpointer           user_data,
                                  GCancellable      *cancellable,
                                  SalesDemoResult   *result,
                                  GError           **error);

G_END_DECLS
