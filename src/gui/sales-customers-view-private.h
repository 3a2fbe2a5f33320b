/* sales-customers-view-private.h: what the files of SalesCustomersView share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-customers-view.h"

G_BEGIN_DECLS

typedef enum
{
  COLUMN_NAME,
  COLUMN_TIER,
  COLUMN_INDUSTRY,
  COLUMN_OWNER,
  COLUMN_SOURCE,
  COLUMN_LAST_CONTACT,
  COLUMN_OPEN_DEALS,
  COLUMN_NEXT_FOLLOWUP,
  COLUMN_CREATED,
  N_COLUMNS
} Column;

typedef struct
{
  SalesCustomersView *view;
  Column              column;
} ColumnInfo;

struct _SalesCustomersView
{
  GtkWidget           parent_instance;

  SalesStore         *store;
  SalesSettings      *settings;
  SalesCustomerList  *list;
  GtkMultiSelection  *selection;
  GListModel         *reps;
  AdwToast           *toast;

  ColumnInfo          columns[N_COLUMNS];
  int                 probe_column;

  /* What each entry of a filter's drop-down stands for, after "any" */
  GArray             *owner_ids;
  GArray             *tag_ids;
  GStrv               industries;
  GStrv               sources;
  gboolean            updating_filters;

  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *tier_filter;
  GtkDropDown        *owner_filter;
  GtkDropDown        *industry_filter;
  GtkDropDown        *source_filter;
  GtkDropDown        *tag_filter;
  GtkWidget          *clear_button;
  GtkLabel           *count_label;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkActionBar       *bulk_bar;
  GtkLabel           *selection_label;
  GtkMenuButton      *assign_button;
  GtkMenuButton      *tag_button;
  GtkPopover         *tag_popover;
  GtkEntry           *tag_entry;
};

/* sales-customers-columns.c */
void sales_customers_view_add_columns (SalesCustomersView *self);

G_END_DECLS
