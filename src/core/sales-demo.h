/* sales-demo.h: deterministic, realistic sample data
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
} SalesDemoOptions;

/* Called from the thread that runs the generator, after each whole batch. */
typedef void (*SalesDemoProgress) (guint64  done,
                                   guint64  total,
                                   gpointer user_data);

typedef struct
{
  guint64 reps;
  guint64 customers;
  guint64 contacts;
  guint64 deals;
  guint64 activities;
  guint64 contracts;
  guint64 payments;
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
