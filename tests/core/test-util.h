/* test-util.h: a temporary database and store for each core test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-core.h"

G_BEGIN_DECLS

/* The clock of every fixture starts here: 2023-11-14 22:13:20 UTC. */
#define TEST_T0 G_GINT64_CONSTANT (1700000000)

typedef struct
{
  char       *dir;    /* the temporary folder */
  char       *path;   /* dir/data/sales.db: SalesDb creates the data folder */
  SalesDb    *db;
  SalesStore *store;
  gint64      now;    /* what the store's clock says */
} Fixture;

/* Every ::changed and ::reset, in order. */
typedef struct
{
  GArray *events;     /* TestEvent */
  guint   resets;
  gulong  changed_id;
  gulong  reset_id;
} SignalLog;

typedef struct
{
  SalesRecordKind kind;
  gint64          id;
  SalesChange     change;
} TestEvent;

char            *test_make_temp_dir      (void);
void             test_remove_dir         (const char     *dir);
void             fixture_set_up          (Fixture        *f,
                                          gconstpointer   data);
void             fixture_tear_down       (Fixture        *f,
                                          gconstpointer   data);

void             test_exec               (SalesDb        *db,
                                          const char     *sql);
gint64           test_query_int          (SalesDb        *db,
                                          const char     *sql);
char            *test_query_text         (SalesDb        *db,
                                          const char     *sql);
char            *test_dump_table         (SalesDb        *db,
                                          const char     *table);
char            *test_dump_all           (SalesDb        *db);
char            *test_read_file          (const char     *path,
                                          gsize          *length);

void             signal_log_start        (SignalLog      *log,
                                          SalesStore     *store);
void             signal_log_stop         (SignalLog      *log,
                                          SalesStore     *store);
void             signal_log_clear        (SignalLog      *log);
void             signal_log_assert       (SignalLog      *log,
                                          guint           index,
                                          SalesRecordKind kind,
                                          gint64          id,
                                          SalesChange     change);
gboolean         signal_log_contains     (SignalLog      *log,
                                          SalesRecordKind kind,
                                          gint64          id,
                                          SalesChange     change);

SalesRep        *test_add_rep            (Fixture        *f,
                                          const char     *name);
SalesCustomer   *test_add_customer       (Fixture        *f,
                                          const char     *name,
                                          gint64          owner_id);
SalesContact    *test_add_contact        (Fixture        *f,
                                          gint64          customer_id,
                                          const char     *name,
                                          gboolean        is_primary);
SalesDeal       *test_add_deal           (Fixture        *f,
                                          gint64          customer_id,
                                          gint64          stage_id,
                                          const char     *title,
                                          gint64          amount_cents);
SalesActivity   *test_add_activity       (Fixture        *f,
                                          gint64          customer_id,
                                          gint64          deal_id,
                                          gint64          due_at);

G_END_DECLS
