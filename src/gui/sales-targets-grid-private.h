/* sales-targets-grid-private.h: what the files of SalesTargetsGrid share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-targets-grid.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      owner_id;
  char       *name;
  SalesTarget months[12];
  gboolean    exists[12];
} SalesTargetsRow;

struct _SalesTargetsGrid
{
  GtkWidget         parent_instance;

  SalesStore       *store;
  GListModel       *reps;
  int               year;
  SalesTargetField  field;

  GArray           *rows;        /* SalesTargetsRow */
  GtkWidget        *grid;
  GPtrArray        *cells;       /* SalesGridCell, row by row, 12 a row */
  GPtrArray        *row_totals;  /* GtkLabel, one a row */
  GPtrArray        *sum_cells;   /* GtkLabel, 12 sums of the reps and their total */
  GtkWidget        *editor;
  guint             cursor_row;
  guint             cursor_month;
  gboolean          editing;
};

static inline SalesTargetsRow *
sales_targets_grid_row (SalesTargetsGrid *self,
                        guint             row)
{
  return &g_array_index (self->rows, SalesTargetsRow, row);
}

static inline gboolean
sales_target_field_is_amount (SalesTargetField field)
{
  return field != SALES_TARGET_NEW_CUSTOMERS;
}

/* sales-targets-grid.c */
gboolean sales_targets_grid_parse_value   (SalesTargetField   field,
                                           const char        *text,
                                           gint64            *value,
                                           GError           **error);
void     sales_targets_grid_read_values   (SalesTargetsGrid  *self);
void     sales_targets_grid_focus_cursor  (SalesTargetsGrid  *self);
void     sales_targets_grid_stop_editing  (SalesTargetsGrid  *self,
                                           gboolean           refocus);
gboolean sales_targets_grid_write_value   (SalesTargetsGrid  *self,
                                           guint              row,
                                           guint              month,
                                           gint64             value,
                                           GError           **error);
void     sales_targets_grid_emit_written  (SalesTargetsGrid  *self);
void     sales_targets_grid_emit_problem  (SalesTargetsGrid  *self,
                                           const char        *message);

/* sales-targets-grid-input.c */
void     sales_targets_grid_init_input    (SalesTargetsGrid  *self);

G_END_DECLS
