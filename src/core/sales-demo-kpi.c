/* sales-demo-kpi.c: the key figures' derived tables of the sample data, computed in memory
 *
 * The triggers of sales-kpi-summary.c keep the kpi_* tables exact row by row, and
 * sales_kpi_summary_rebuild() computes them with one grouped statement per table: on a
 * million deals that rebuild read every table again and sorted it, about half of the bulk
 * run's time. The generator knows each deal's days, owner, stages and amount, each
 * follow-up's and payment's, as it writes them, so a bulk run adds them up here and writes
 * each derived table once at the end, in the order of its key: kpi_deal as the deals go,
 * the sums per UTC day (and per 8, 64 and 512 days) and the rows that depend on the
 * customer's owner after the last deal. test-demo compares every row with a rebuild.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sales-demo-private.h"

#define LEVELS    4
#define MAX_PARTS 4   /* instalments of a contract, and so payments */

typedef enum
{
  SUM_CLOSED,
  SUM_CREATED,
  SUM_ACTIVITY,
  SUM_DUE,
  SUM_PAYMENT,
  SUM_OVERDUE,
  N_SUMS,
} SumKind;

/* A row of a table of sums at level 0: its key after (lv, bucket, owner_id), as far as the
 * table has one, and the values added up. */
typedef struct
{
  gint64      bucket;
  gint64      owner;
  gint64      stage;
  gint64      reason;
  const char *text;   /* interned: equal texts are the same pointer */
  gint64      v[3];
} Sum;

static const struct
{
  SalesDemoTableId table;
  gboolean         stage_reason;   /* stage_id, reason_id after owner_id */
  gboolean         text;           /* then a text column */
  guint            n_values;
} sum_specs[N_SUMS] = {
  [SUM_CLOSED] = { SALES_DEMO_KPI_CLOSED_SUM, TRUE, TRUE, 3 },
  [SUM_CREATED] = { SALES_DEMO_KPI_CREATED_SUM, FALSE, TRUE, 1 },
  [SUM_ACTIVITY] = { SALES_DEMO_KPI_ACTIVITY_SUM, FALSE, FALSE, 3 },
  [SUM_DUE] = { SALES_DEMO_KPI_DUE_SUM, FALSE, FALSE, 2 },
  [SUM_PAYMENT] = { SALES_DEMO_KPI_PAYMENT_SUM, FALSE, FALSE, 1 },
  [SUM_OVERDUE] = { SALES_DEMO_KPI_OVERDUE_SUM, FALSE, FALSE, 1 },
};

/* A contract's instalments and payments, (day, amount) pairs, until its owner is known. */
typedef struct
{
  gint64 id;
  gint64 amount;
  guint  customer;
  gint32 signed_day;
  guint8 n_plan;
  guint8 n_paid;
  gint32 plan_day[MAX_PARTS];
  gint32 paid_day[MAX_PARTS];
  gint64 plan_amount[MAX_PARTS];
  gint64 paid_amount[MAX_PARTS];
} Contract;

struct _SalesDemoKpi
{
  GHashTable *sums[N_SUMS];    /* Sum → itself, level 0 */
  GHashTable *stage_sets;      /* "1,2,6" → itself, owned */
  GArray     *contracts;
};

static guint
sum_hash (gconstpointer p)
{
  const Sum *s = p;
  guint64 h = (guint64)s->bucket * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  h ^= (guint64)s->owner * G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f);
  h ^= (guint64)s->stage * G_GUINT64_CONSTANT (0x165667b19e3779f9);
  h ^= (guint64)s->reason * G_GUINT64_CONSTANT (0x27d4eb2f165667c5);
  h ^= (guint64)GPOINTER_TO_SIZE (s->text);
  return (guint)(h ^ (h >> 29) ^ (h >> 47));
}

static gboolean
sum_equal (gconstpointer a,
           gconstpointer b)
{
  const Sum *x = a, *y = b;

  return x->bucket == y->bucket && x->owner == y->owner && x->stage == y->stage &&
         x->reason == y->reason && x->text == y->text;
}

/* The order of the tables' primary keys (lv, bucket, owner_id, …); texts compare as bytes,
 * as the BINARY collation does. */
static int
sum_compare (const void *a,
             const void *b)
{
  const Sum *x = *(Sum * const *)a, *y = *(Sum * const *)b;

  if (x->bucket != y->bucket)
    return x->bucket < y->bucket ? -1 : 1;
  if (x->owner != y->owner)
    return x->owner < y->owner ? -1 : 1;
  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;
  if (x->reason != y->reason)
    return x->reason < y->reason ? -1 : 1;
  if (x->text != y->text)
    return strcmp (x->text, y->text);
  return 0;
}

SalesDemoKpi *
sales_demo_kpi_new (void)
{
  SalesDemoKpi *kpi = g_new0 (SalesDemoKpi, 1);

  for (guint i = 0; i < N_SUMS; i++)
    kpi->sums[i] = g_hash_table_new_full (sum_hash, sum_equal, g_free, NULL);
  kpi->stage_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  kpi->contracts = g_array_new (FALSE, FALSE, sizeof (Contract));
  return kpi;
}

void
sales_demo_kpi_free (SalesDemoKpi *kpi)
{
  if (kpi == NULL)
    return;
  for (guint i = 0; i < N_SUMS; i++)
    g_hash_table_unref (kpi->sums[i]);
  g_hash_table_unref (kpi->stage_sets);
  g_array_unref (kpi->contracts);
  g_free (kpi);
}

/* Adds @values to the row of @table keyed like @key (whose values are ignored). */
static void
sum_add (GHashTable *table,
         const Sum  *key,
         gint64      v0,
         gint64      v1,
         gint64      v2)
{
  Sum *s = g_hash_table_lookup (table, key);

  if (s == NULL)
    {
      s = g_new (Sum, 1);
      *s = *key;
      s->v[0] = s->v[1] = s->v[2] = 0;
      g_hash_table_add (table, s);
    }
  s->v[0] += v0;
  s->v[1] += v1;
  s->v[2] += v2;
}

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* The stages a deal has been in as kpi_deal.stages holds them, "1,2,6": distinct ids in
 * ascending order. */
static const char *
stage_set (SalesDemoKpi *kpi,
           const gint64 *stages,
           guint         n_stages)
{
  gint64 sorted[32];
  SalesDemoText text;
  const char *interned;

  g_assert (n_stages <= G_N_ELEMENTS (sorted));
  memcpy (sorted, stages, n_stages * sizeof (gint64));
  qsort (sorted, n_stages, sizeof (gint64), compare_ids);

  sales_demo_text_clear (&text);
  for (guint i = 0; i < n_stages; i++)
    {
      if (i > 0 && sorted[i] == sorted[i - 1])
        continue;
      if (text.len > 0)
        sales_demo_text_append (&text, ",");
      sales_demo_text_digits (&text, (guint64)sorted[i], 1);
    }

  interned = g_hash_table_lookup (kpi->stage_sets, text.str);
  if (interned == NULL)
    {
      char *copy = g_strdup (text.str);

      g_hash_table_add (kpi->stage_sets, copy);
      interned = copy;
    }
  return interned;
}

static gint64
owner_of (const SalesDemoGenerator *g,
          const SalesDemoCustomer  *customer)
{
  return customer->owner >= 0 ? g->rep_ids[customer->owner] : 0;
}

static inline void
touch (SalesDemoCustomer *customer,
       gint64             at)
{
  customer->last_touch_at = MAX (customer->last_touch_at, at);
}

/* @closed_at is 0 for an open deal. */
gboolean
sales_demo_kpi_deal (SalesDemoGenerator  *g,
                     SalesDemoCustomer   *customer,
                     gint64               deal_id,
                     gint64               owner_id,
                     gint64               stage_id,
                     gint64               reason_id,
                     gint64               amount,
                     gint64               created_at,
                     gint64               closed_at,
                     gboolean             won,
                     const gint64        *stages,
                     guint                n_stages,
                     GError             **error)
{
  SalesDemoKpi *kpi = g->kpi;
  SalesDemoValue *v;
  const char *set;
  Sum key = { 0 };

  touch (customer, created_at);
  if (closed_at != 0)
    touch (customer, closed_at);
  if (won && (customer->first_won_at == 0 || closed_at < customer->first_won_at))
    customer->first_won_at = closed_at;
  if (won && owner_id == owner_of (g, customer))
    customer->last_won_at = MAX (customer->last_won_at, closed_at);

  if (kpi == NULL)
    return TRUE;

  set = stage_set (kpi, stages, n_stages);
  v = sales_demo_table_row (g, SALES_DEMO_KPI_DEAL);
  sales_demo_value_int (&v[0], deal_id);
  sales_demo_value_int (&v[1], created_at / SALES_DEMO_DAY);
  if (closed_at != 0)
    sales_demo_value_int (&v[2], closed_at / SALES_DEMO_DAY);
  else
    sales_demo_value_null (&v[2]);
  sales_demo_value_int (&v[3], owner_id);
  sales_demo_value_int (&v[4], stage_id);
  sales_demo_value_int (&v[5], reason_id);
  sales_demo_value_static (&v[6], customer->source);
  sales_demo_value_int (&v[7], amount);
  if (closed_at != 0)
    sales_demo_value_int (&v[8], closed_at - created_at);
  else
    sales_demo_value_null (&v[8]);
  sales_demo_value_static (&v[9], set);
  if (!sales_demo_table_add (g, SALES_DEMO_KPI_DEAL, error))
    return FALSE;

  key.bucket = created_at / SALES_DEMO_DAY;
  key.owner = owner_id;
  key.text = set;
  sum_add (kpi->sums[SUM_CREATED], &key, 1, 0, 0);

  if (closed_at != 0)
    {
      key.bucket = closed_at / SALES_DEMO_DAY;
      key.stage = stage_id;
      key.reason = reason_id;
      key.text = customer->source;
      sum_add (kpi->sums[SUM_CLOSED], &key, 1, amount, closed_at - created_at);
    }
  return TRUE;
}

/* @due_at and @done_at are 0 when there is none, @satisfaction 0 when not given. */
void
sales_demo_kpi_activity (SalesDemoGenerator *g,
                         SalesDemoCustomer  *customer,
                         gint64              owner_id,
                         gboolean            service,
                         gint64              due_at,
                         gint64              done_at,
                         int                 satisfaction)
{
  Sum key = { .owner = owner_id };

  if (done_at != 0)
    touch (customer, done_at);
  if (done_at != 0 && owner_id == owner_of (g, customer))
    customer->last_done_at = MAX (customer->last_done_at, done_at);

  if (g->kpi == NULL)
    return;

  if (done_at != 0)
    {
      key.bucket = done_at / SALES_DEMO_DAY;
      sum_add (g->kpi->sums[SUM_ACTIVITY], &key, 1, service && satisfaction != 0,
               service ? satisfaction : 0);
    }
  if (due_at != 0)
    {
      key.bucket = due_at / SALES_DEMO_DAY;
      sum_add (g->kpi->sums[SUM_DUE], &key, 1, done_at != 0 && done_at <= due_at, 0);
    }
}

void
sales_demo_kpi_contract (SalesDemoGenerator *g,
                         guint               customer,
                         gint64              contract_id,
                         gint64              amount,
                         gint32              signed_day,
                         const gint64       *plan,
                         guint               n_plan,
                         const gint64       *paid,
                         guint               n_paid)
{
  Contract c = {
    .id = contract_id,
    .amount = amount,
    .customer = customer,
    .signed_day = signed_day,
    .n_plan = (guint8)n_plan,
    .n_paid = (guint8)n_paid,
  };

  if (g->kpi == NULL)
    return;

  g_assert (n_plan <= MAX_PARTS && n_paid <= MAX_PARTS);
  for (guint i = 0; i < n_plan; i++)
    {
      c.plan_day[i] = (gint32)plan[2 * i];
      c.plan_amount[i] = plan[2 * i + 1];
    }
  for (guint i = 0; i < n_paid; i++)
    {
      c.paid_day[i] = (gint32)paid[2 * i];
      c.paid_amount[i] = paid[2 * i + 1];
    }
  g_array_append_val (g->kpi->contracts, c);
}

static gboolean
write_customers (SalesDemoGenerator  *g,
                 GError             **error)
{
  for (guint i = 0; i < g->n_customers; i++)
    {
      const SalesDemoCustomer *c = &g->customers[i];
      SalesDemoValue *v;

      if (c->first_won_at == 0)
        continue;

      v = sales_demo_table_row (g, SALES_DEMO_KPI_CUSTOMER);
      sales_demo_value_int (&v[0], g->first_customer_id + i);
      sales_demo_value_int (&v[1], owner_of (g, c));
      sales_demo_value_int (&v[2], c->first_won_at);
      sales_demo_value_int (&v[3], c->last_touch_at);
      if (!sales_demo_table_add (g, SALES_DEMO_KPI_CUSTOMER, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint32 day;
  gint64 amount;
} Move;

static int
compare_moves (const void *a,
               const void *b)
{
  const Move *x = a, *y = b;

  return x->day < y->day ? -1 : x->day > y->day;
}

static gboolean
add_row4 (SalesDemoGenerator  *g,
          SalesDemoTableId     table,
          gint64               a,
          gint64               b,
          gint64               c,
          gint64               d,
          GError             **error)
{
  SalesDemoValue *v = sales_demo_table_row (g, table);

  sales_demo_value_int (&v[0], a);
  sales_demo_value_int (&v[1], b);
  sales_demo_value_int (&v[2], c);
  sales_demo_value_int (&v[3], d);
  return sales_demo_table_add (g, table, error);
}

/* A contract's payments (kpi_payment), the day they reached its amount (kpi_contract), and
 * its overdue amount, max(0, instalments due − payments received), as its change on each day
 * it changes (kpi_overdue_step): as CONTRACT_ROWS_ALL and OVERDUE_ROWS compute them, with
 * payments of one day counted together. */
static gboolean
write_contract (SalesDemoGenerator  *g,
                const Contract      *c,
                gint64              *payment_id,
                GError             **error)
{
  SalesDemoKpi *kpi = g->kpi;
  gint64 owner = owner_of (g, &g->customers[c->customer]);
  Move moves[2 * MAX_PARTS];
  guint n = 0;
  gint64 paid = 0, due = 0, overdue = 0;
  Sum key = { .owner = owner };

  for (guint i = 0; i < c->n_paid; i++)
    {
      key.bucket = c->paid_day[i];
      sum_add (kpi->sums[SUM_PAYMENT], &key, c->paid_amount[i], 0, 0);
      if (!add_row4 (g, SALES_DEMO_KPI_PAYMENT, (*payment_id)++, c->paid_day[i], owner,
                     c->paid_amount[i], error))
        return FALSE;
      moves[n++] = (Move) { c->paid_day[i], -c->paid_amount[i] };
    }

  qsort (moves, n, sizeof (Move), compare_moves);
  for (guint i = 0; i < n && c->amount > 0; i++)
    {
      paid -= moves[i].amount;
      if (i + 1 < n && moves[i + 1].day == moves[i].day)
        continue;
      if (paid >= c->amount)
        {
          if (!add_row4 (g, SALES_DEMO_KPI_CONTRACT, c->id, owner, moves[i].day,
                         MAX (0, moves[i].day - c->signed_day), error))
            return FALSE;
          break;
        }
    }

  for (guint i = 0; i < c->n_plan; i++)
    moves[n++] = (Move) { c->plan_day[i], c->plan_amount[i] };
  qsort (moves, n, sizeof (Move), compare_moves);
  for (guint i = 0; i < n; i++)
    {
      gint64 now_overdue, delta;

      due += moves[i].amount;
      if (i + 1 < n && moves[i + 1].day == moves[i].day)
        continue;
      now_overdue = MAX (0, due);
      delta = now_overdue - overdue;
      overdue = now_overdue;
      if (delta == 0)
        continue;

      key.bucket = moves[i].day;
      sum_add (kpi->sums[SUM_OVERDUE], &key, delta, 0, 0);
      if (!add_row4 (g, SALES_DEMO_KPI_OVERDUE_STEP, c->id, moves[i].day, owner, delta, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes one level of a table of sums in key order. */
static gboolean
write_level (SalesDemoGenerator  *g,
             SumKind              kind,
             int                  lv,
             GHashTable          *level,
             GError             **error)
{
  SalesDemoTableId table = sum_specs[kind].table;
  g_autofree Sum **rows = (Sum **)g_hash_table_get_keys_as_array (level, NULL);
  guint n_rows = g_hash_table_size (level);

  qsort (rows, n_rows, sizeof (Sum *), sum_compare);
  for (guint i = 0; i < n_rows; i++)
    {
      const Sum *s = rows[i];
      SalesDemoValue *v = sales_demo_table_row (g, table);
      guint c = 0;

      sales_demo_value_int (&v[c++], lv);
      sales_demo_value_int (&v[c++], s->bucket);
      sales_demo_value_int (&v[c++], s->owner);
      if (sum_specs[kind].stage_reason)
        {
          sales_demo_value_int (&v[c++], s->stage);
          sales_demo_value_int (&v[c++], s->reason);
        }
      if (sum_specs[kind].text)
        sales_demo_value_static (&v[c++], s->text);
      for (guint k = 0; k < sum_specs[kind].n_values; k++)
        sales_demo_value_int (&v[c++], s->v[k]);
      if (!sales_demo_table_add (g, table, error))
        return FALSE;
    }
  return TRUE;
}

/* Levels 1–3 are level 0's rows added up by bucket >> 3 × level, as in the rebuild. */
static gboolean
write_sums (SalesDemoGenerator  *g,
            SumKind              kind,
            GError             **error)
{
  GHashTable *day = g->kpi->sums[kind];

  if (!write_level (g, kind, 0, day, error))
    return FALSE;

  for (int lv = 1; lv < LEVELS; lv++)
    {
      g_autoptr(GHashTable) level = g_hash_table_new_full (sum_hash, sum_equal, g_free, NULL);
      GHashTableIter iter;
      gpointer p;

      g_hash_table_iter_init (&iter, day);
      while (g_hash_table_iter_next (&iter, &p, NULL))
        {
          const Sum *s = p;
          Sum key = *s;

          key.bucket = s->bucket >> (3 * lv);
          sum_add (level, &key, s->v[0], s->v[1], s->v[2]);
        }
      if (!write_level (g, kind, lv, level, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * sales_demo_kpi_write:
 *
 * After the run's last deal, with every customer's owner final: writes kpi_customer, the
 * payments, contracts and overdue steps, and every table of sums (added to the rows already
 * there, if any).
 */
gboolean
sales_demo_kpi_write (SalesDemoGenerator  *g,
                      GError             **error)
{
  gint64 payment_id = g->first_payment_id;

  if (g->kpi == NULL)
    return TRUE;

  if (!write_customers (g, error))
    return FALSE;

  for (guint i = 0; i < g->kpi->contracts->len; i++)
    if (!write_contract (g, &g_array_index (g->kpi->contracts, Contract, i), &payment_id, error))
      return FALSE;

  for (SumKind kind = 0; kind < N_SUMS; kind++)
    if (!write_sums (g, kind, error))
      return FALSE;
  return TRUE;
}
