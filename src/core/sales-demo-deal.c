/* sales-demo-deal.c: one sample deal with its history, follow-ups, contract and payments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-deal.h"
#include "sales-demo-private.h"

#define DAY       SALES_DEMO_DAY
#define HOUR      SALES_DEMO_HOUR
#define MAX_PATH  16             /* stage moves of one deal, creation included */

typedef enum
{
  OUTCOME_WON,
  OUTCOME_LOST,
  OUTCOME_OPEN,
} Outcome;

/* Stage indexes along a path: below n_open an open stage, n_open the won
 * stage, n_open + 1 the lost one. */
typedef struct
{
  guint    stage[MAX_PATH];
  gint64   at[MAX_PATH];
  guint    n;
  gint64   touched_at;   /* an open deal's last follow-up in its stage, or 0 */
} Path;

/* Most deals are small; a few big accounts run to millions of yuan. */
static gint64
deal_amount (SalesDemoRng *rng,
             guint         tier)
{
  static const gint64 bounds[] = { 5000, 20000, 60000, 150000, 400000, 1000000, 3000000 };
  static const guint weights[3][6] = {
    { 5, 10, 20, 30, 25, 10 },
    { 15, 25, 30, 20, 8, 2 },
    { 35, 35, 20, 8, 2, 0 },
  };
  guint bucket = sales_demo_rng_weighted (rng, weights[tier], 6);
  gint64 yuan = sales_demo_rng_range (rng, bounds[bucket], bounds[bucket + 1]);

  /* Quotes are round to a hundred yuan; amounts are stored in cents. */
  return yuan / 100 * 100 * 100;
}

/* The next stage move, by the deal's pace: days to months later, in office hours. */
static gint64
next_move (const SalesDemoGenerator *g,
           SalesDemoRng             *rng,
           gint64                    t,
           guint                     pace)
{
  static const gint32 shortest[] = { 1, 3, 10 };
  static const gint32 longest[] = { 6, 21, 60 };
  gint32 days = (gint32)sales_demo_rng_range (rng, shortest[pace], longest[pace]);

  return sales_demo_ts (g, sales_demo_day (g, t) + days, sales_demo_office_time (rng));
}

/* A time in office hours strictly between @from and @to, which are days apart. */
static gint64
office_between (const SalesDemoGenerator *g,
                SalesDemoRng             *rng,
                gint64                    from,
                gint64                    to)
{
  gint32 day = (gint32)sales_demo_rng_range (rng, sales_demo_day (g, from), sales_demo_day (g, to));
  gint64 t = sales_demo_ts (g, day, sales_demo_office_time (rng));

  return CLAMP (t, from + 60, to - 60);
}

static void
path_append (Path   *path,
             guint   stage,
             gint64  at)
{
  g_assert (path->n < MAX_PATH);
  path->stage[path->n] = stage;
  path->at[path->n] = at;
  path->n++;
}

/* Walks a deal from the first open stage towards the outcome it is heading
 * for, sometimes skipping a stage; a walk that would pass `now` stops there,
 * and the deal is still open. A deal heading nowhere sits at its stage until
 * the rep gives it up as lost, unless that is still ahead. */
static Outcome
walk (const SalesDemoGenerator *g,
      SalesDemoRng             *rng,
      gint64                    created_at,
      gboolean                  public_pool,
      guint                     pace,
      Path                     *path)
{
  static const guint outcome_weights[] = { 38, 44, 18 };
  Outcome intent = sales_demo_rng_weighted (rng, outcome_weights, 3);
  gint64 t = created_at;
  guint target;

  /* Customers go back to the pool when nothing is going on with them. */
  if (public_pool && intent == OUTCOME_OPEN)
    intent = OUTCOME_LOST;

  if (intent == OUTCOME_WON)
    target = g->n_open - 1;
  else if (intent == OUTCOME_LOST)
    {
      guint weights[MAX_PATH];

      /* Early stages lose the most deals. */
      for (guint s = 0; s < g->n_open; s++)
        weights[s] = g->n_open - s;
      target = sales_demo_rng_weighted (rng, weights, g->n_open);
    }
  else
    target = sales_demo_rng_below (rng, g->n_open);

  path->n = 0;
  path->touched_at = 0;
  path_append (path, 0, created_at);

  for (guint s = 1; s <= target; s++)
    {
      if (s < target && sales_demo_rng_chance (rng, 120))
        continue;
      t = next_move (g, rng, t, pace);
      if (t >= g->now)
        return OUTCOME_OPEN;
      path_append (path, s, t);
    }

  if (intent == OUTCOME_OPEN)
    {
      /* A deal that stalls is given up on after weeks to months, so the open
       * deals are the ones still being worked on, not every stall of the years. */
      gint32 patience = (gint32)sales_demo_rng_range (rng, 14, 100);

      t = sales_demo_ts (g, sales_demo_day (g, t) + patience, sales_demo_office_time (rng));
      if (t >= g->now)
        return OUTCOME_OPEN;
      path_append (path, g->n_open + 1, t);
      return OUTCOME_LOST;
    }

  t = next_move (g, rng, t, pace);
  if (t >= g->now)
    return OUTCOME_OPEN;
  path_append (path, intent == OUTCOME_WON ? g->n_open : g->n_open + 1, t);

  return intent;
}

static inline gint64
stage_id (const SalesDemoGenerator *g,
          guint                     stage)
{
  if (stage < g->n_open)
    return g->open_stages[stage];
  return stage == g->n_open ? g->won_stage : g->lost_stage;
}

static gboolean
add_activity (SalesDemoGenerator  *g,
              gint64               customer_id,
              gint64               deal_id,
              gint64               owner_id,
              SalesDemoNote        note,
              const char          *text,
              gint64               due_at,
              gint64               done_at,
              int                  satisfaction,
              GError             **error)
{
  SalesDemoValue *v = sales_demo_table_row (g, SALES_DEMO_ACTIVITY);

  sales_demo_value_int (&v[0], customer_id);
  sales_demo_value_int (&v[1], deal_id);
  sales_demo_value_int (&v[2], owner_id);
  sales_demo_value_static (&v[3], sales_demo_note_kind (note));
  sales_demo_value_static (&v[4], text);
  if (due_at != 0)
    sales_demo_value_int (&v[5], due_at);
  else
    sales_demo_value_null (&v[5]);
  if (done_at != 0)
    sales_demo_value_int (&v[6], done_at);
  else
    sales_demo_value_null (&v[6]);
  if (satisfaction != 0)
    sales_demo_value_int (&v[7], satisfaction);
  else
    sales_demo_value_null (&v[7]);

  sales_demo_kpi_activity (g, &g->customers[customer_id - g->first_customer_id], owner_id,
                           note == SALES_DEMO_NOTE_SERVICE, due_at, done_at, satisfaction);
  g->pending.activities++;
  return sales_demo_table_add (g, SALES_DEMO_ACTIVITY, error);
}

/* Also notes (@received, @amount) in @paid. */
static gboolean
add_payment (SalesDemoGenerator  *g,
             SalesDemoRng        *rng,
             gint64               contract_id,
             gint32               received,
             gint64               amount,
             gint64              *paid,
             guint               *n_paid,
             GError             **error)
{
  SalesDemoValue *v = sales_demo_table_row (g, SALES_DEMO_PAYMENT);
  SalesDemoText received_on;

  sales_demo_text_clear (&received_on);
  sales_demo_text_date (&received_on, received);

  sales_demo_value_int (&v[0], contract_id);
  sales_demo_value_text (g, SALES_DEMO_PAYMENT, &v[1], &received_on);
  sales_demo_value_int (&v[2], amount);
  sales_demo_value_static (&v[3], sales_demo_payment_method (rng));

  paid[2 * *n_paid] = received;
  paid[2 * *n_paid + 1] = amount;
  (*n_paid)++;
  g->pending.payments++;
  return sales_demo_table_add (g, SALES_DEMO_PAYMENT, error);
}

/* A contract for a won deal, its instalments, and the payments received so
 * far: most on time, some late, some partly or not at all. */
static gboolean
add_contract (SalesDemoGenerator  *g,
              SalesDemoRng        *rng,
              gint64               customer_id,
              gint64               deal_id,
              gint64               amount,
              gint32               closed_day,
              GError             **error)
{
  static const guint count_weights[] = { 40, 25, 20, 15 };
  /* One payment; a 30 % deposit and the rest; thirds; quarters. */
  static const guint shares[4][4] = { { 1 }, { 3, 7 }, { 1, 1, 1 }, { 1, 1, 1, 1 } };
  static const guint denominators[4] = { 1, 10, 3, 4 };
  gint64 id = g->next_contract_id++;
  /* MIN and MAX evaluate their arguments twice: draw numbers before. */
  gint32 signing = (gint32)sales_demo_rng_range (rng, 0, 5);
  gint32 signed_day = MIN (closed_day + signing, g->today - 1);
  guint n = 1 + sales_demo_rng_weighted (rng, count_weights, 4);
  gint32 interval = n == 4 ? 90 : 30;
  gint32 first_due = signed_day + (gint32)sales_demo_rng_range (rng, 0, 14);
  gint64 remaining = amount;
  SalesDemoValue *v = sales_demo_table_row (g, SALES_DEMO_CONTRACT);
  SalesDemoText number, signed_on;
  gint64 plan[2 * 4], paid[2 * 4];
  guint n_paid = 0;
  int year, month, day;

  sales_demo_civil_from_days (signed_day, &year, &month, &day);
  sales_demo_text_clear (&number);
  sales_demo_text_append (&number, "HT-");
  sales_demo_text_digits (&number, (guint64)year, 4);
  sales_demo_text_append (&number, "-");
  sales_demo_text_digits (&number, (guint64)id, 6);
  sales_demo_text_clear (&signed_on);
  sales_demo_text_date (&signed_on, signed_day);

  sales_demo_value_int (&v[0], id);
  sales_demo_value_int (&v[1], customer_id);
  sales_demo_value_int (&v[2], deal_id);
  sales_demo_value_text (g, SALES_DEMO_CONTRACT, &v[3], &number);
  sales_demo_value_int (&v[4], amount);
  sales_demo_value_text (g, SALES_DEMO_CONTRACT, &v[5], &signed_on);
  g->pending.contracts++;
  if (!sales_demo_table_add (g, SALES_DEMO_CONTRACT, error))
    return FALSE;

  for (guint k = 0; k < n; k++)
    {
      /* The rounding remainder goes on the last instalment, so the plan adds up
       * to the contract to the cent. */
      gint64 part = k + 1 == n ? remaining : amount * shares[n - 1][k] / denominators[n - 1];
      gint32 due = first_due + (gint32)k * interval;
      SalesDemoText due_on;

      remaining -= part;
      plan[2 * k] = due;
      plan[2 * k + 1] = part;
      sales_demo_text_clear (&due_on);
      sales_demo_text_date (&due_on, due);

      v = sales_demo_table_row (g, SALES_DEMO_PLAN);
      sales_demo_value_int (&v[0], id);
      sales_demo_value_text (g, SALES_DEMO_PLAN, &v[1], &due_on);
      sales_demo_value_int (&v[2], part);
      if (!sales_demo_table_add (g, SALES_DEMO_PLAN, error))
        return FALSE;

      if (due < g->today)
        {
          guint r = sales_demo_rng_below (rng, 100);
          gint32 days = (gint32)sales_demo_rng_range (rng, 0, 5);
          gint32 received;

          if (r < 62)
            {
              received = MAX (signed_day, due - days);
              if (!add_payment (g, rng, id, received, part, paid, &n_paid, error))
                return FALSE;
            }
          else if (r < 85)
            {
              /* Late; still outstanding when that is after today. */
              received = due + 3 + days * 14;
              if (received < g->today && !add_payment (g, rng, id, received, part, paid, &n_paid, error))
                return FALSE;
            }
          else if (r < 93)
            {
              received = MAX (signed_day, due - days / 2);
              if (!add_payment (g, rng, id, received, part / 2, paid, &n_paid, error))
                return FALSE;
            }
        }
      else if (sales_demo_rng_chance (rng, 60))
        {
          gint32 early = (gint32)sales_demo_rng_range (rng, 1, 10);
          gint32 received = MAX (signed_day, g->today - early);

          if (!add_payment (g, rng, id, received, part, paid, &n_paid, error))
            return FALSE;
        }
    }

  sales_demo_kpi_contract (g, (guint)(customer_id - g->first_customer_id), id, amount,
                           signed_day, plan, n, paid, n_paid);
  return TRUE;
}

/* How long an open deal has sat idle, since it entered its stage and since
 * its last follow-up done: mostly days, within the stage's rot_days, so that
 * the rotting cards stand out on the board. The last follow-up goes into
 * path->touched_at. A deal meant to rot that entered its stage too recently
 * entered it earlier instead, when the move before leaves room, else it
 * stays fresh: drawing 38 % leaves about a fifth of the open deals rotting. */
static void
settle_idle (const SalesDemoGenerator *g,
             SalesDemoRng             *rng,
             Path                     *path)
{
  guint stage = path->stage[path->n - 1];
  gint32 rot = g->open_rot_days[stage] > 0 ? g->open_rot_days[stage] : 21;
  gboolean rotting = sales_demo_rng_chance (rng, 380);
  /* MIN evaluates its arguments twice: draw numbers before. */
  gint32 a = (gint32)sales_demo_rng_range (rng, 0, rot - 1);
  gint32 b = (gint32)sales_demo_rng_range (rng, 0, rot - 1);
  gint32 idle = rotting ? rot + 1 + (gint32)sales_demo_rng_range (rng, 0, rot) : MIN (a, b);
  /* Whole days idle at `now` are @idle for any time of this day. */
  gint32 day = g->today - 1 - idle;
  gint32 entered = sales_demo_day (g, path->at[path->n - 1]);
  gint64 at = sales_demo_ts (g, day, sales_demo_office_time (rng));

  if (entered < day)
    path->touched_at = at;
  else if (rotting && entered > day && path->n > 1 && path->at[path->n - 2] < at - DAY)
    path->at[path->n - 1] = at;
}

/* When a follow-up done at @done was due: most are done on time, some days
 * late, and some were never planned (0). */
static gint64
due_of_done (const SalesDemoGenerator *g,
             SalesDemoRng             *rng,
             gint64                    created_at,
             gint64                    done)
{
  guint r = sales_demo_rng_below (rng, 100);

  if (r < 65)
    {
      gint64 ahead = sales_demo_rng_range (rng, 0, 3 * HOUR);

      return MIN (done + ahead, g->now - 1);
    }
  if (r < 85)
    {
      gint64 late = sales_demo_rng_range (rng, 1, 6) * DAY;

      return MAX (created_at, done - late);
    }
  return 0;
}

/* Follow-ups between stage moves (done on time or late), the next one of an
 * open deal (planned, or overdue), and service visits after a win. */
static gboolean
add_activities (SalesDemoGenerator  *g,
                SalesDemoRng        *rng,
                const Path          *path,
                Outcome              outcome,
                gint64               customer_id,
                gint64               deal_id,
                gint64               owner_id,
                SalesDemoLang        lang,
                GError             **error)
{
  static const SalesDemoNote by_phase[3][3] = {
    { SALES_DEMO_NOTE_CALL, SALES_DEMO_NOTE_MESSAGE, SALES_DEMO_NOTE_EMAIL },
    { SALES_DEMO_NOTE_VISIT, SALES_DEMO_NOTE_MEETING, SALES_DEMO_NOTE_CALL },
    { SALES_DEMO_NOTE_MEETING, SALES_DEMO_NOTE_EMAIL, SALES_DEMO_NOTE_VISIT },
  };
  static const guint satisfaction_weights[] = { 4, 8, 18, 35, 35 };
  gint64 created_at = path->at[0];
  gint64 last_at = path->at[path->n - 1];

  for (guint m = 1; m < path->n; m++)
    {
      SalesDemoNote note = by_phase[path->stage[m - 1] * 3 / g->n_open][sales_demo_rng_below (rng, 3)];
      gint64 done;

      if (!sales_demo_rng_chance (rng, 600))
        continue;

      done = office_between (g, rng, path->at[m - 1], path->at[m]);
      if (!add_activity (g, customer_id, deal_id, owner_id, note,
                         sales_demo_note_pick (rng, lang, note),
                         due_of_done (g, rng, created_at, done), done, 0, error))
        return FALSE;
    }

  if (outcome == OUTCOME_OPEN)
    {
      guint phase = path->stage[path->n - 1] * 3 / g->n_open;
      SalesDemoNote note = by_phase[phase][sales_demo_rng_below (rng, 3)];
      gint32 touched_day = sales_demo_day (g, MAX (last_at, path->touched_at));
      gint32 due_day;
      gboolean planned;
      guint r;

      if (path->touched_at != 0 &&
          !add_activity (g, customer_id, deal_id, owner_id, note,
                         sales_demo_note_pick (rng, lang, note),
                         due_of_done (g, rng, created_at, path->touched_at), path->touched_at, 0,
                         error))
        return FALSE;

      /* The next one: mostly within two weeks, some overdue since the last touch. */
      r = sales_demo_rng_below (rng, 100);
      note = by_phase[phase][r % 3];
      planned = r < 90;
      if (r < 20 && touched_day < g->today - 1)
        due_day = (gint32)sales_demo_rng_range (rng, MAX (touched_day + 1, g->today - 14),
                                                g->today - 1);
      else if (r < 28)
        due_day = g->today + (gint32)sales_demo_rng_range (rng, 14, 30);
      else
        due_day = g->today + (gint32)sales_demo_rng_range (rng, 0, 13);

      if (planned &&
          !add_activity (g, customer_id, deal_id, owner_id, note,
                         sales_demo_note_pick (rng, lang, note),
                         sales_demo_ts (g, due_day, sales_demo_office_time (rng)), 0, 0, error))
        return FALSE;
    }
  else if (outcome == OUTCOME_WON)
    {
      static const guint visit_weights[] = { 40, 40, 20 };
      guint visits = sales_demo_rng_weighted (rng, visit_weights, 3);
      gint64 t = last_at;

      for (guint v = 0; v < visits; v++)
        {
          const char *text = sales_demo_note_pick (rng, lang, SALES_DEMO_NOTE_SERVICE);
          gint64 due;
          int satisfaction;

          t = sales_demo_ts (g, sales_demo_day (g, t) + (gint32)sales_demo_rng_range (rng, 14, 150),
                             sales_demo_office_time (rng));
          if (t >= g->now)
            {
              /* The next visit is booked. */
              due = sales_demo_ts (g, g->today + (gint32)sales_demo_rng_range (rng, 1, 30),
                                   sales_demo_office_time (rng));
              if (v == 0 && sales_demo_rng_chance (rng, 300) &&
                  !add_activity (g, customer_id, deal_id, owner_id, SALES_DEMO_NOTE_SERVICE,
                                 text, due, 0, 0, error))
                return FALSE;
              break;
            }

          satisfaction = 1 + (int)sales_demo_rng_weighted (rng, satisfaction_weights, 5);
          if (sales_demo_rng_chance (rng, 800))
            {
              gint64 ahead = sales_demo_rng_range (rng, 0, 3 * HOUR);

              due = MIN (t + ahead, g->now - 1);
            }
          else
            {
              gint64 late = sales_demo_rng_range (rng, 1, 5) * DAY;

              due = MAX (last_at, t - late);
            }

          if (!add_activity (g, customer_id, deal_id, owner_id, SALES_DEMO_NOTE_SERVICE, text,
                             due, t, satisfaction, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Deal number @index of this run (its id is first_deal_id + index); its
 * customer must be written already. */
gboolean
sales_demo_write_deal (SalesDemoGenerator  *g,
                       guint                index,
                       GError             **error)
{
  static const guint pace_weights[] = { 25, 50, 25 };
  static const gint32 pace_days[] = { 4, 12, 35 };
  gint64 id = g->first_deal_id + index;
  gint32 day = sales_demo_deal_day (g, index);
  SalesDemoValue *v = sales_demo_table_row (g, SALES_DEMO_DEAL);
  SalesDemoText title, expected_close;
  SalesDemoCustomer *c;
  SalesDemoRng rng;
  Path path;
  gint64 stages[MAX_PATH];
  gint64 customer_id, owner_id, created_at, amount, last_at, reason_id = 0;
  gint32 planned, slip, expected, closed_day;
  guint customer, rep, pace, final;
  Outcome outcome;

  sales_demo_rng_init (&rng, g->seed, SALES_DEMO_STREAM_DEAL, (guint64)id);

  customer = sales_demo_rng_below (&rng, sales_demo_eligible (g, day));
  g_assert (customer < g->customers_written);
  c = &g->customers[customer];
  customer_id = g->first_customer_id + customer;
  rep = c->owner >= 0 ? (guint)c->owner : sales_demo_pick_rep (g, &rng);
  owner_id = g->rep_ids[rep];

  created_at = sales_demo_ts (g, day, sales_demo_office_time (&rng));
  amount = deal_amount (&rng, c->tier);
  pace = sales_demo_rng_weighted (&rng, pace_weights, 3);
  outcome = walk (g, &rng, created_at, c->owner < 0, pace, &path);
  if (outcome == OUTCOME_OPEN)
    settle_idle (g, &rng, &path);
  final = path.stage[path.n - 1];
  last_at = path.at[path.n - 1];
  closed_day = sales_demo_day (g, last_at);

  planned = day + pace_days[pace] * (gint32)g->n_open + (gint32)sales_demo_rng_range (&rng, 0, 30);
  slip = (gint32)sales_demo_rng_range (&rng, -7, 3);
  if (outcome == OUTCOME_WON)
    expected = MAX (day, closed_day + slip);
  else if (outcome == OUTCOME_OPEN && planned < g->today && sales_demo_rng_chance (&rng, 600))
    expected = g->today + (gint32)sales_demo_rng_range (&rng, 5, 60);
  else
    expected = planned;

  sales_demo_deal_title (&rng, &c->company, &title);
  sales_demo_text_clear (&expected_close);
  sales_demo_text_date (&expected_close, expected);

  sales_demo_value_int (&v[0], id);
  sales_demo_value_text (g, SALES_DEMO_DEAL, &v[1], &title);
  sales_demo_value_int (&v[2], customer_id);
  sales_demo_value_int (&v[3], owner_id);
  sales_demo_value_int (&v[4], stage_id (g, final));
  sales_demo_value_int (&v[5], amount);
  sales_demo_value_static (&v[6], "CNY");
  sales_demo_value_text (g, SALES_DEMO_DEAL, &v[7], &expected_close);
  sales_demo_value_int (&v[8], g->next_position[final]);
  g->next_position[final] += SALES_DEAL_POSITION_GAP;
  sales_demo_value_int (&v[9], created_at);
  sales_demo_value_int (&v[10], last_at);
  if (outcome != OUTCOME_OPEN)
    sales_demo_value_int (&v[11], last_at);
  else
    sales_demo_value_null (&v[11]);
  if (outcome == OUTCOME_LOST && g->n_reasons > 0)
    {
      reason_id = g->reasons[sales_demo_rng_below (&rng, g->n_reasons)];
      sales_demo_value_int (&v[12], reason_id);
    }
  else
    sales_demo_value_null (&v[12]);
  sales_demo_value_static (&v[13], outcome == OUTCOME_LOST && sales_demo_rng_chance (&rng, 350)
                                   ? sales_demo_note_pick (&rng, c->company.lang,
                                                           SALES_DEMO_NOTE_LOST)
                                   : NULL);
  g->pending.deals++;
  if (!sales_demo_table_add (g, SALES_DEMO_DEAL, error))
    return FALSE;

  for (guint m = 0; m < path.n; m++)
    stages[m] = stage_id (g, path.stage[m]);
  if (!sales_demo_kpi_deal (g, c, id, owner_id, stages[path.n - 1], reason_id, amount, created_at,
                            outcome != OUTCOME_OPEN ? last_at : 0, outcome == OUTCOME_WON, stages,
                            path.n, error))
    return FALSE;

  for (guint m = 0; m < path.n; m++)
    {
      v = sales_demo_table_row (g, SALES_DEMO_HISTORY);
      sales_demo_value_int (&v[0], id);
      if (m > 0)
        sales_demo_value_int (&v[1], stage_id (g, path.stage[m - 1]));
      else
        sales_demo_value_null (&v[1]);
      sales_demo_value_int (&v[2], stage_id (g, path.stage[m]));
      sales_demo_value_int (&v[3], path.at[m]);
      if (!sales_demo_table_add (g, SALES_DEMO_HISTORY, error))
        return FALSE;
    }

  /* The first touch, the day the deal was opened. */
  if (sales_demo_rng_chance (&rng, 400))
    {
      SalesDemoNote note = sales_demo_rng_chance (&rng, 500) ? SALES_DEMO_NOTE_CALL
                                                            : SALES_DEMO_NOTE_MESSAGE;

      if (!add_activity (g, customer_id, id, owner_id, note,
                         sales_demo_note_pick (&rng, c->company.lang, note), 0,
                         created_at + sales_demo_rng_range (&rng, 0, 2 * HOUR), 0, error))
        return FALSE;
    }

  if (!add_activities (g, &rng, &path, outcome, customer_id, id, owner_id, c->company.lang,
                       error))
    return FALSE;

  if (outcome == OUTCOME_WON)
    {
      int month = sales_demo_month_key (closed_day) - g->first_month;

      if (month >= 0 && (guint)month < g->n_months)
        g->won[rep * g->n_months + (guint)month] += amount;

      /* A few wins are closed on a handshake, without a contract in the system. */
      if (sales_demo_rng_chance (&rng, 880) &&
          !add_contract (g, &rng, customer_id, id, amount, closed_day, error))
        return FALSE;
    }

  return TRUE;
}
