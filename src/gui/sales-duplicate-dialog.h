/* sales-duplicate-dialog.h: warns that a customer being saved may exist already
 *
 * Usage, from a page that saves a customer (new or edited):
 *
 *   g_autoptr(GArray) matches = sales_duplicates_check (db, draft, contacts, id, &error);
 *   if (matches != NULL && matches->len > 0)
 *     sales_duplicate_dialog_run_async (parent, store, draft, matches, NULL, on_chosen, self);
 *   else
 *     save ();
 *
 *   static void
 *   on_chosen (GObject *source, GAsyncResult *result, gpointer user_data)
 *   {
 *     gint64 id = 0;
 *
 *     switch (sales_duplicate_dialog_run_finish (result, &id))
 *       {
 *       case SALES_DUPLICATE_CHOICE_OPEN:        open customer id, drop the draft
 *       case SALES_DUPLICATE_CHOICE_MERGE:       save the draft, then
 *                                                sales_store_merge_customers (store, id,
 *                                                  draft's id, &error): the existing
 *                                                  customer id is kept
 *       case SALES_DUPLICATE_CHOICE_SAVE_ANYWAY: save the draft as it is
 *       case SALES_DUPLICATE_CHOICE_CANCEL:      keep editing
 *       }
 *   }
 *
 * The dialog only asks; it writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-duplicates.h"
#include "sales-store.h"

G_BEGIN_DECLS

typedef enum
{
  SALES_DUPLICATE_CHOICE_CANCEL,
  SALES_DUPLICATE_CHOICE_OPEN,
  SALES_DUPLICATE_CHOICE_MERGE,
  SALES_DUPLICATE_CHOICE_SAVE_ANYWAY,
} SalesDuplicateChoice;

#define SALES_TYPE_DUPLICATE_DIALOG (sales_duplicate_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SalesDuplicateDialog, sales_duplicate_dialog,
                      SALES, DUPLICATE_DIALOG, AdwMessageDialog)

/* @matches: (element-type SalesDuplicateMatch): from sales_duplicates_check(); copied */
GtkWidget            *sales_duplicate_dialog_new          (GtkWindow            *parent,
                                                           SalesStore           *store,
                                                           SalesCustomer        *draft,
                                                           GArray               *matches);
/* The match selected in the list (the first one until the user picks another). */
gint64                sales_duplicate_dialog_get_selected (SalesDuplicateDialog *self);
void                  sales_duplicate_dialog_set_selected (SalesDuplicateDialog *self,
                                                           gint64                customer_id);

/* Presents the dialog; @callback runs once it is answered or closed. */
void                  sales_duplicate_dialog_run_async    (GtkWindow            *parent,
                                                           SalesStore           *store,
                                                           SalesCustomer        *draft,
                                                           GArray               *matches,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
/* @customer_id: (out) (optional): the existing customer chosen, for Open and Merge */
SalesDuplicateChoice  sales_duplicate_dialog_run_finish   (GAsyncResult         *result,
                                                           gint64               *customer_id);

G_END_DECLS
