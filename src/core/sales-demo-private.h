/* sales-demo-private.h: what sales-demo.c and sales-demo-names.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "sales-db.h"
#include "sales-demo.h"

G_BEGIN_DECLS

/* xoshiro256** seeded through splitmix64 (Blackman and Vigna). The generator
 * carries its own PRNG so that the sample data of a seed never changes with
 * the GLib version, and it seeds one small generator per row from (seed,
 * stream, row id) so that the data does not depend on how rows are batched. */
typedef struct
{
  guint64 s[4];
} SalesDemoRng;

typedef enum
{
  SALES_DEMO_STREAM_REP = 1,
  SALES_DEMO_STREAM_CUSTOMER,
  SALES_DEMO_STREAM_DEAL,
  SALES_DEMO_STREAM_TARGET,
} SalesDemoStream;

static inline guint64
sales_demo_splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline void
sales_demo_rng_init (SalesDemoRng *rng,
                     guint64       seed,
                     guint64       stream,
                     guint64       index)
{
  guint64 x = seed;

  x = sales_demo_splitmix64 (&x) ^ (stream << 56) ^ index;
  for (guint i = 0; i < 4; i++)
    rng->s[i] = sales_demo_splitmix64 (&x);
}

static inline guint64
sales_demo_rotl (guint64 x,
                 int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
sales_demo_rng_next (SalesDemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = sales_demo_rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = sales_demo_rotl (s[3], 45);

  return result;
}

/* A number in [0, n); the bias of the multiply-shift is far below anything
 * sample data could show. */
static inline guint32
sales_demo_rng_below (SalesDemoRng *rng,
                      guint32       n)
{
  return (guint32)(((sales_demo_rng_next (rng) >> 32) * (guint64)n) >> 32);
}

/* A number in [lo, hi]. */
static inline gint64
sales_demo_rng_range (SalesDemoRng *rng,
                      gint64        lo,
                      gint64        hi)
{
  return lo + (gint64)(sales_demo_rng_next (rng) % (guint64)(hi - lo + 1));
}

/* TRUE with a probability of permille / 1000. */
static inline gboolean
sales_demo_rng_chance (SalesDemoRng *rng,
                       guint         permille)
{
  return sales_demo_rng_below (rng, 1000) < permille;
}

/* An index into weights[0..n-1], drawn in proportion to the weights. */
static inline guint
sales_demo_rng_weighted (SalesDemoRng *rng,
                         const guint  *weights,
                         guint         n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = sales_demo_rng_below (rng, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

/* A fixed buffer for composed text; the generator binds it to statements
 * with SQLITE_STATIC, so composing a row allocates nothing. */
typedef struct
{
  char  str[248];
  guint len;
} SalesDemoText;

void sales_demo_text_clear   (SalesDemoText *text);
void sales_demo_text_append  (SalesDemoText *text,
                              const char    *str);
void sales_demo_text_digits  (SalesDemoText *text,
                              guint64        value,
                              guint          width);
void sales_demo_text_date    (SalesDemoText *text,
                              gint32         day);

/* Days since 1970-01-01 in the proleptic Gregorian calendar, and back. */
gint32 sales_demo_days_from_civil (int     year,
                                   int     month,
                                   int     day);
void   sales_demo_civil_from_days (gint32  days,
                                   int    *year,
                                   int    *month,
                                   int    *day);

typedef enum
{
  SALES_DEMO_LANG_ZH,
  SALES_DEMO_LANG_EN,
} SalesDemoLang;

/* What is needed to write a company's name, short name, e-mail domain and
 * deal titles again without storing the strings. */
typedef struct
{
  guint8  lang;
  guint8  industry;
  guint8  place;
  guint8  style;
  guint16 brand;
  guint8  extra;
  guint8  tld;
} SalesDemoCompany;

guint       sales_demo_n_industries      (void);
const char *sales_demo_industry_label    (guint          industry);
guint       sales_demo_industry_pick     (SalesDemoRng  *rng);
const char *sales_demo_source_pick       (SalesDemoRng  *rng);

void        sales_demo_company_pick      (SalesDemoRng          *rng,
                                          SalesDemoCompany      *company);
void        sales_demo_company_name      (const SalesDemoCompany *company,
                                          SalesDemoText         *text);
void        sales_demo_company_short     (const SalesDemoCompany *company,
                                          SalesDemoText         *text);
void        sales_demo_company_domain    (const SalesDemoCompany *company,
                                          SalesDemoText         *text);
void        sales_demo_company_phone     (SalesDemoRng          *rng,
                                          const SalesDemoCompany *company,
                                          SalesDemoText         *text);
void        sales_demo_company_email     (SalesDemoRng          *rng,
                                          const SalesDemoCompany *company,
                                          SalesDemoText         *text);
void        sales_demo_company_address   (SalesDemoRng          *rng,
                                          const SalesDemoCompany *company,
                                          SalesDemoText         *text);
const char *sales_demo_company_note      (SalesDemoRng          *rng,
                                          const SalesDemoCompany *company);

typedef struct
{
  SalesDemoText name;
  SalesDemoText title;
  SalesDemoText phone;
  SalesDemoText email;
  SalesDemoText wechat;
  gboolean      has_wechat;
} SalesDemoPerson;

void        sales_demo_contact_make      (SalesDemoRng          *rng,
                                          const SalesDemoCompany *company,
                                          SalesDemoPerson       *person);
void        sales_demo_rep_make          (guint                  index,
                                          SalesDemoText         *name,
                                          SalesDemoText         *email);

void        sales_demo_deal_title        (SalesDemoRng          *rng,
                                          const SalesDemoCompany *company,
                                          SalesDemoText         *text);

typedef enum
{
  SALES_DEMO_NOTE_CALL,
  SALES_DEMO_NOTE_VISIT,
  SALES_DEMO_NOTE_MEETING,
  SALES_DEMO_NOTE_EMAIL,
  SALES_DEMO_NOTE_MESSAGE,
  SALES_DEMO_NOTE_NOTE,
  SALES_DEMO_NOTE_SERVICE,
  SALES_DEMO_NOTE_LOST,
  SALES_DEMO_N_NOTES,
} SalesDemoNote;

/* The activity kind stored in activity.kind for each note kind but the last. */
const char *sales_demo_note_kind         (SalesDemoNote          note);
const char *sales_demo_note_pick         (SalesDemoRng          *rng,
                                          SalesDemoLang          lang,
                                          SalesDemoNote          note);
const char *sales_demo_payment_method    (SalesDemoRng          *rng);

/* Rows are buffered per table and written with one multi-row INSERT each
 * SALES_DEMO_ROWS_PER_INSERT rows: a single-row INSERT opens and closes a
 * cursor on the table and on every index each time, which cost more than the
 * row itself. */
#define SALES_DEMO_ROWS_PER_INSERT 64
#define SALES_DEMO_TEXT_SLOT       sizeof (((SalesDemoText *)NULL)->str)

typedef enum
{
  SALES_DEMO_VALUE_NULL,
  SALES_DEMO_VALUE_INT,
  SALES_DEMO_VALUE_TEXT,
} SalesDemoValueType;

typedef struct
{
  gint64      i;
  const char *text;
  int         len;
  int         type;
} SalesDemoValue;

/* In the order of their foreign keys, parents first. */
typedef enum
{
  SALES_DEMO_CUSTOMER,
  SALES_DEMO_CONTACT,
  SALES_DEMO_DEAL,
  SALES_DEMO_HISTORY,
  SALES_DEMO_ACTIVITY,
  SALES_DEMO_CONTRACT,
  SALES_DEMO_PLAN,
  SALES_DEMO_PAYMENT,
  SALES_DEMO_EVENT,
  /* The key figures' derived tables (sales-kpi-summary.c), which a bulk run writes itself. */
  SALES_DEMO_KPI_DEAL,
  SALES_DEMO_KPI_CUSTOMER,
  SALES_DEMO_KPI_PAYMENT,
  SALES_DEMO_KPI_CONTRACT,
  SALES_DEMO_KPI_OVERDUE_STEP,
  SALES_DEMO_KPI_CLOSED_SUM,
  SALES_DEMO_KPI_CREATED_SUM,
  SALES_DEMO_KPI_ACTIVITY_SUM,
  SALES_DEMO_KPI_DUE_SUM,
  SALES_DEMO_KPI_PAYMENT_SUM,
  SALES_DEMO_KPI_OVERDUE_SUM,
  SALES_DEMO_N_TABLES,
} SalesDemoTableId;

#define SALES_DEMO_FIRST_DERIVED SALES_DEMO_KPI_DEAL

typedef struct
{
  const char     *sql_head;    /* INSERT INTO t (a, b) VALUES */
  const char     *sql_tail;    /* after the rows: the upsert of a table of sums, or "" */
  guint           n_columns;
  guint           n_rows;
  SalesDemoValue *values;      /* SALES_DEMO_ROWS_PER_INSERT rows of n_columns */
  char           *arena;       /* a text slot per value, for composed text */
  sqlite3_stmt   *full;        /* the INSERT of SALES_DEMO_ROWS_PER_INSERT rows */
} SalesDemoTable;

typedef struct
{
  SalesDemoCompany company;
  gint32           day;        /* created on */
  gint32           owner;      /* index into rep_ids, -1 for the public pool */
  guint8           tier;
  const char      *source;
  gint64           created_at;
  gint64           updated_at;
  gint64           first_won_at;  /* the first close of a won deal, 0: none */
  gint64           last_won_at;   /* the last one by the owner */
  gint64           last_done_at;  /* the newest follow-up done by the owner, 0: none */
  gint64           last_touch_at; /* newest follow-up done, deal created or closed */
} SalesDemoCustomer;

typedef struct _SalesDemoKpi SalesDemoKpi;

typedef struct
{
  SalesDb           *db;
  sqlite3           *handle;
  guint64            seed;
  gint64             now;      /* local midnight starting the day of "now" */
  gint32             today;    /* that day, in days since 1970-01-01 */
  guint              n_deals;
  guint              n_customers;
  guint              n_reps;
  guint              batch_size;
  guint              contacts; /* per customer on average; 0: the default spread */
  gboolean           bulk;     /* one transaction, indexes created at the end */
  GPtrArray         *indexes;  /* the CREATE INDEX statements dropped in bulk */

  gint64            *open_stages;
  gint32            *open_rot_days; /* 0 where the stage never rots */
  guint              n_open;
  gint64             won_stage;
  gint64             lost_stage;
  gint64            *next_position; /* per open stage, then won, then lost */
  gint64            *reasons;
  guint              n_reasons;

  gint64            *rep_ids;
  guint             *rep_cumulative; /* running sum of the reps' weights */
  SalesDemoCustomer *customers;
  guint              customers_written;
  gint64             first_customer_id;
  gint64             first_deal_id;
  gint64             next_contract_id;
  gint64             first_payment_id; /* payments get their ids in the order written */

  gint32             first_month; /* year * 12 + month - 1 */
  guint              n_months;
  gint64            *won;      /* [rep * n_months + month], in cents */
  guint             *new_customers;

  SalesDemoKpi      *kpi;      /* in bulk: the derived tables, written at the end */

  SalesDemoTable     tables[SALES_DEMO_N_TABLES];
  SalesDemoResult    pending;  /* rows of the open batch */
} SalesDemoGenerator;

#define SALES_DEMO_DAY  G_GINT64_CONSTANT (86400)
#define SALES_DEMO_HOUR 3600

static inline gint64
sales_demo_ts (const SalesDemoGenerator *g,
               gint32                    day,
               gint64                    seconds)
{
  return g->now + (gint64)(day - g->today) * SALES_DEMO_DAY + seconds;
}

static inline gint32
sales_demo_day (const SalesDemoGenerator *g,
                gint64                    ts)
{
  gint64 delta = ts - g->now;

  if (delta >= 0)
    return g->today + (gint32)(delta / SALES_DEMO_DAY);
  return g->today - (gint32)((-delta + SALES_DEMO_DAY - 1) / SALES_DEMO_DAY);
}

/* Office hours, 08:30 to 18:00. */
static inline gint64
sales_demo_office_time (SalesDemoRng *rng)
{
  return 8 * SALES_DEMO_HOUR + 1800 + sales_demo_rng_below (rng, 9 * SALES_DEMO_HOUR + 1800);
}

static inline int
sales_demo_month_key (gint32 day)
{
  int y, m, d;

  sales_demo_civil_from_days (day, &y, &m, &d);
  return y * 12 + m - 1;
}

static inline SalesDemoValue *
sales_demo_table_row (SalesDemoGenerator *g,
                      SalesDemoTableId    table)
{
  SalesDemoTable *t = &g->tables[table];

  return &t->values[t->n_rows * t->n_columns];
}

static inline void
sales_demo_value_int (SalesDemoValue *value,
                      gint64          i)
{
  value->type = SALES_DEMO_VALUE_INT;
  value->i = i;
}

static inline void
sales_demo_value_null (SalesDemoValue *value)
{
  value->type = SALES_DEMO_VALUE_NULL;
}

/* @text lives as long as the program (a literal or a pool entry), or is NULL. */
static inline void
sales_demo_value_static (SalesDemoValue *value,
                         const char     *text)
{
  value->type = text != NULL ? SALES_DEMO_VALUE_TEXT : SALES_DEMO_VALUE_NULL;
  value->text = text;
  value->len = -1;
}

void     sales_demo_value_text     (SalesDemoGenerator     *g,
                                    SalesDemoTableId        table,
                                    SalesDemoValue         *value,
                                    const SalesDemoText    *text);
gboolean sales_demo_table_add      (SalesDemoGenerator     *g,
                                    SalesDemoTableId        table,
                                    GError                **error);
guint    sales_demo_pick_rep       (const SalesDemoGenerator *g,
                                    SalesDemoRng           *rng);
guint    sales_demo_eligible       (const SalesDemoGenerator *g,
                                    gint32                  day);
gint32   sales_demo_deal_day       (const SalesDemoGenerator *g,
                                    guint                   index);
gboolean sales_demo_write_deal     (SalesDemoGenerator     *g,
                                    guint                   index,
                                    GError                **error);

/* sales-demo-kpi.c: what each generated row adds to the derived tables of the key figures,
 * and to its customer's touch times. The deal's and follow-ups' owners are final; the money
 * counts for the customer's owner, which is read when the derived rows are written. */
SalesDemoKpi *sales_demo_kpi_new      (void);
void     sales_demo_kpi_free          (SalesDemoKpi           *kpi);
gboolean sales_demo_kpi_deal          (SalesDemoGenerator     *g,
                                       SalesDemoCustomer      *customer,
                                       gint64                  deal_id,
                                       gint64                  owner_id,
                                       gint64                  stage_id,
                                       gint64                  reason_id,
                                       gint64                  amount,
                                       gint64                  created_at,
                                       gint64                  closed_at,
                                       gboolean                won,
                                       const gint64           *stages,
                                       guint                   n_stages,
                                       GError                **error);
void     sales_demo_kpi_activity      (SalesDemoGenerator     *g,
                                       SalesDemoCustomer      *customer,
                                       gint64                  owner_id,
                                       gboolean                service,
                                       gint64                  due_at,
                                       gint64                  done_at,
                                       int                     satisfaction);
/* @plan and @paid hold (day, amount in cents) pairs, in the order they were written. */
void     sales_demo_kpi_contract      (SalesDemoGenerator     *g,
                                       guint                   customer,
                                       gint64                  contract_id,
                                       gint64                  amount,
                                       gint32                  signed_day,
                                       const gint64           *plan,
                                       guint                   n_plan,
                                       const gint64           *paid,
                                       guint                   n_paid);
gboolean sales_demo_kpi_write         (SalesDemoGenerator     *g,
                                       GError                **error);

/* sales-demo-pool.c */
gboolean sales_demo_return_to_pool    (SalesDemoGenerator     *g,
                                       GError                **error);

G_END_DECLS
