/* sales-board-private.h: what the files of SalesBoard share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-board.h"

G_BEGIN_DECLS

struct _SalesBoard
{
  GtkWidget        parent_instance;

  SalesStore      *store;
  SalesSettings   *settings;
  SalesDealFilter *filter;
  GListModel      *stages;
  GListModel      *reps;

  /* The columns in board order (not owned: the box holds them). */
  GPtrArray       *columns;
  /* Ids of the won and lost stages whose column is expanded, kept across rebuilds. */
  GHashTable      *expanded_stages;
  /* The owner filter's choices: 0 for everyone, then rep ids. */
  GArray          *owner_ids;
  /* The stage filter's choices: 0 for every stage, then stage ids in board order. */
  GArray          *stage_ids;

  AdwToast        *toast;
  GtkWindow       *dialog;
  /* When the cards last read their time-dependent state, by the store's clock. */
  gint64           refreshed_at;
  /* Until the first frame at start-up; see sales_board_set_cards_held(). */
  gboolean         cards_held;

  GtkWidget       *box;
  GtkWidget       *filter_bar;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *owner_dropdown;
  GtkDropDown     *stage_dropdown;
  GtkDropDown     *close_dropdown;
  GtkWidget       *scroller;
  GtkWidget       *columns_box;
};

/* sales-board-actions.c */
void sales_board_class_add_actions (GtkWidgetClass *widget_class);
void sales_board_show_error        (SalesBoard     *self,
                                    const GError   *error);
void sales_board_forget_dialog     (SalesBoard     *self);

G_END_DECLS
