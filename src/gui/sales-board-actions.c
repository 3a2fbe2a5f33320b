/* sales-board-actions.c: what moves the cards of the pipeline board
 *
 * Drops, the cards' context menu and the keyboard shortcuts all end here, in the
 * board's actions; each takes the deal's id and makes one store call (a move, a win, a
 * loss, a delete), after any dialog has been answered. A change that happened shows a
 * toast with Undo; one that did not (a drop back where the card was, a cancelled
 * dialog) shows nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-board-private.h"
#include "sales-contract-actions.h"
#include "sales-deal-editor.h"
#include "sales-export-job.h"
#include "sales-followup-dialog.h"
#include "sales-lost-dialog.h"
#include "sales-toast.h"
#include "sales-undo-toast.h"
#include "sales-won-dialog.h"

/* Long enough to notice a drop in the wrong column and take it back. */
#define UNDO_TIMEOUT_S 10

static SalesDeal *
lookup_deal (SalesBoard *self,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  SalesDeal *deal = sales_store_get_deal (self->store, id, &error);

  if (deal == NULL)
    sales_board_show_error (self, error);

  return deal;
}

static GtkWindow *
parent_window (SalesBoard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
sales_board_show_error (SalesBoard   *self,
                        const GError *error)
{
  sales_toast_show_error (GTK_WIDGET (self), error);
}

/* After a change the store can undo: a toast names it, with Undo. */
static void
show_undo_toast (SalesBoard *self)
{
  g_assert (SALES_IS_BOARD (self));

  sales_undo_toast_show (GTK_WIDGET (self), self->store, UNDO_TIMEOUT_S, &self->toast);
}

/* Moves @deal to @index of @stage_id, or above the card @above_id when @index is
 * negative, and reports it; nothing is shown when it was already there. */
static gboolean
move_deal (SalesBoard *self,
           SalesDeal  *deal,
           gint64      stage_id,
           int         index,
           gint64      above_id)
{
  g_autoptr(GError) error = NULL;
  gint64 old_stage = sales_deal_get_stage_id (deal);
  gint64 old_position = sales_deal_get_position (deal);
  gboolean moved;

  g_assert (SALES_IS_BOARD (self));

  if (index >= 0)
    moved = sales_store_move_deal (self->store, deal, stage_id, index, &error);
  else
    moved = sales_store_move_deal_above (self->store, deal, stage_id, above_id, &error);

  if (!moved)
    {
      sales_board_show_error (self, error);
      return FALSE;
    }

  if (sales_deal_get_stage_id (deal) == old_stage && sales_deal_get_position (deal) == old_position)
    return FALSE;

  show_undo_toast (self);
  return TRUE;
}

static void
on_contract_response (SalesBoard *self)
{
  g_assert (SALES_IS_BOARD (self));

  sales_board_forget_dialog (self);
}

/* The contract of a deal just won, as the won dialog offered: the dialog is
 * the board's until answered, as the won dialog was. */
static void
offer_contract (SalesBoard *self,
                SalesDeal  *deal)
{
  GtkWidget *dialog;

  g_assert (SALES_IS_BOARD (self));

  dialog = sales_contract_actions_new_contract (GTK_WIDGET (self), self->store, self->settings,
                                                0, sales_record_get_id (SALES_RECORD (deal)));
  sales_board_forget_dialog (self);
  self->dialog = g_object_ref (GTK_WINDOW (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_contract_response), self,
                           G_CONNECT_SWAPPED);
}

static void
on_won_response (SalesBoard     *self,
                 const char     *response,
                 SalesWonDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  SalesDeal *deal = sales_won_dialog_get_deal (dialog);
  gint64 amount;

  g_assert (SALES_IS_BOARD (self));

  sales_board_forget_dialog (self);

  if (!g_str_equal (response, "won") || !sales_won_dialog_get_amount (dialog, &amount))
    return;

  if (!sales_store_mark_won (self->store, deal, amount, &error))
    {
      sales_board_show_error (self, error);
      return;
    }

  show_undo_toast (self);
  if (sales_won_dialog_get_create_contract (dialog))
    offer_contract (self, deal);
}

static void
on_lost_response (SalesBoard      *self,
                  const char      *response,
                  SalesLostDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  SalesDeal *deal = sales_lost_dialog_get_deal (dialog);
  gint64 stage_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "stage-id"));

  g_assert (SALES_IS_BOARD (self));

  sales_board_forget_dialog (self);

  if (!g_str_equal (response, "lost"))
    return;

  if (!sales_store_mark_lost (self->store, deal, stage_id,
                              sales_lost_dialog_get_reason_id (dialog),
                              sales_lost_dialog_get_note (dialog), &error))
    sales_board_show_error (self, error);
  else
    show_undo_toast (self);
}

static void
present_dialog (SalesBoard *self,
                GtkWidget  *dialog,
                GCallback   on_response)
{
  g_assert (SALES_IS_BOARD (self));

  sales_board_forget_dialog (self);
  self->dialog = g_object_ref (GTK_WINDOW (dialog));
  g_signal_connect_object (dialog, "response", on_response, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sales_board_forget_dialog (SalesBoard *self)
{
  if (self->dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->dialog, self);
  g_clear_object (&self->dialog);
}

static void
ask_won (SalesBoard *self,
         SalesDeal  *deal)
{
  GtkWidget *dialog = sales_won_dialog_new (parent_window (self), self->settings, deal);

  g_assert (SALES_IS_BOARD (self));

  sales_won_dialog_set_offer_contract (SALES_WON_DIALOG (dialog),
                                       sales_store_get_deal_contract_id (
                                         self->store, sales_record_get_id (SALES_RECORD (deal)))
                                       == 0);
  present_dialog (self, dialog, G_CALLBACK (on_won_response));
}

/* @stage_id: the lost stage, or 0 for the first one */
static void
ask_lost (SalesBoard *self,
          SalesDeal  *deal,
          gint64      stage_id)
{
  GtkWidget *dialog = sales_lost_dialog_new (parent_window (self), self->store, deal);

  g_assert (SALES_IS_BOARD (self));

  g_object_set_data (G_OBJECT (dialog), "stage-id", GSIZE_TO_POINTER ((gsize)stage_id));
  present_dialog (self, dialog, G_CALLBACK (on_lost_response));
}

/* A list view keeps the cards on screen where they were when one is inserted above them;
 * the moved card is scrolled to and focused so that it is seen to land. */
static void
focus_deal (SalesBoard *self,
            SalesDeal  *deal)
{
  SalesBoardColumn *column = sales_board_get_column_for_stage (self,
                                                               sales_deal_get_stage_id (deal));

  if (column != NULL)
    sales_board_column_focus_deal (column, deal);
}

/**
 * sales_board_drop_deal:
 * @column: the column @deal was dropped on
 * @position: where in @column's list: before the card at @position, or at the end
 *   when it is the number of cards
 *
 * What a drop does: reorders the card in its column, moves it to another open stage,
 * or asks for the amount (won) or the reason (lost) first. A drop where the card already
 * is changes nothing.
 */
void
sales_board_drop_deal (SalesBoard       *self,
                       SalesDeal        *deal,
                       SalesBoardColumn *column,
                       guint             position)
{
  SalesDealList *deals;
  SalesStage *stage;
  gint64 stage_id;
  guint source;

  g_return_if_fail (SALES_IS_BOARD (self));
  g_return_if_fail (SALES_IS_DEAL (deal));
  g_return_if_fail (SALES_IS_BOARD_COLUMN (column));

  deals = sales_board_column_get_deals (column);
  stage = sales_board_column_get_stage (column);
  stage_id = sales_record_get_id (SALES_RECORD (stage));

  switch (sales_stage_get_kind (stage))
    {
    case SALES_STAGE_KIND_WON:
      if (sales_deal_get_stage_id (deal) != stage_id)
        ask_won (self, deal);
      break;

    case SALES_STAGE_KIND_LOST:
      if (sales_deal_get_stage_id (deal) != stage_id)
        ask_lost (self, deal, stage_id);
      break;

    case SALES_STAGE_KIND_OPEN:
    default:
      /* Dropped on itself or just below itself: the card stays where it is. */
      if (sales_deal_get_stage_id (deal) == stage_id &&
          sales_deal_list_find (deals, sales_record_get_id (SALES_RECORD (deal)), &source) &&
          (position == source || position == source + 1))
        return;

      /* The card it lands above names the place even when a filter hides some cards of
       * the stage; past the last card of the list it goes to the bottom. */
      if (move_deal (self, deal, stage_id, -1, sales_deal_list_get_deal_id (deals, position)))
        focus_deal (self, deal);
      break;
    }
}

/* Moving from the keyboard and the menu */

static void
move_to_stage (SalesBoard *self,
               SalesDeal  *deal,
               SalesStage *stage)
{
  g_assert (SALES_IS_BOARD (self));

  switch (sales_stage_get_kind (stage))
    {
    case SALES_STAGE_KIND_WON:
      ask_won (self, deal);
      break;

    case SALES_STAGE_KIND_LOST:
      ask_lost (self, deal, sales_record_get_id (SALES_RECORD (stage)));
      break;

    case SALES_STAGE_KIND_OPEN:
    default:
      /* The top of the column, where the person looking for it sees it first. */
      if (move_deal (self, deal, sales_record_get_id (SALES_RECORD (stage)), 0, 0))
        focus_deal (self, deal);
      break;
    }
}

static void
move_deal_to_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(SalesDeal) deal = NULL;
  g_autoptr(SalesStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deal_id, stage_id;

  g_variant_get (param, "(xx)", &deal_id, &stage_id);
  if ((deal = lookup_deal (self, deal_id)) == NULL)
    return;

  stage = sales_store_get_stage (self->store, stage_id, &error);
  if (stage == NULL)
    {
      sales_board_show_error (self, error);
      return;
    }

  move_to_stage (self, deal, stage);
}

/* Left and right walk the open stages and then Won; Lost is only reached on purpose,
 * through the menu. From a lost deal, left reopens it in the last open stage. */
static void
move_deal_by_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(SalesDeal) deal = NULL;
  SalesBoardColumn *target = NULL;
  gint64 deal_id;
  int step;
  int current = -1;
  int n_steps = 0;

  g_variant_get (param, "(xi)", &deal_id, &step);
  if ((deal = lookup_deal (self, deal_id)) == NULL)
    return;

  /* The columns run open stages, won stages, lost stages. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      SalesStage *stage = sales_board_column_get_stage (g_ptr_array_index (self->columns, i));

      if (sales_record_get_id (SALES_RECORD (stage)) == sales_deal_get_stage_id (deal))
        current = (int)i;
      if (sales_stage_get_kind (stage) != SALES_STAGE_KIND_LOST)
        n_steps = (int)i + 1;
    }

  if (current < 0)
    return;
  if (current >= n_steps)
    current = n_steps;

  if (current + step >= 0 && current + step < n_steps)
    target = g_ptr_array_index (self->columns, current + step);

  if (target != NULL)
    move_to_stage (self, deal, sales_board_column_get_stage (target));
}

static void
reorder_deal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(SalesDeal) deal = NULL;
  SalesBoardColumn *column;
  gint64 deal_id;
  guint source;
  guint n_items;
  int step;

  g_variant_get (param, "(xi)", &deal_id, &step);
  if ((deal = lookup_deal (self, deal_id)) == NULL)
    return;

  column = sales_board_get_column_for_stage (self, sales_deal_get_stage_id (deal));
  if (column == NULL || sales_stage_is_closed (sales_board_column_get_stage (column)) ||
      !sales_deal_list_find (sales_board_column_get_deals (column), deal_id, &source))
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (sales_board_column_get_deals (column)));
  if ((step < 0 && source == 0) || (step > 0 && source + 1 >= n_items))
    return;

  /* Up: before the card above. Down: before the card after the one below. */
  sales_board_drop_deal (self, deal, column, step < 0 ? source - 1 : source + 2);
  focus_deal (self, deal);
}

static void
mark_won_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(SalesDeal) deal = lookup_deal (self, g_variant_get_int64 (param));

  if (deal != NULL)
    ask_won (self, deal);
}

static void
mark_lost_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(SalesDeal) deal = lookup_deal (self, g_variant_get_int64 (param));

  if (deal != NULL)
    ask_lost (self, deal, 0);
}

static void
delete_deal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(SalesDeal) deal = lookup_deal (self, g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;

  if (deal == NULL)
    return;

  if (!sales_store_delete (self->store, SALES_RECORD (deal), &error))
    sales_board_show_error (self, error);
  else
    show_undo_toast (self);
}

static void
open_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(SalesDeal) deal = lookup_deal (self, g_variant_get_int64 (param));

  if (deal != NULL)
    gtk_window_present (GTK_WINDOW (sales_deal_editor_new (parent_window (self), self->store,
                                                           self->settings, deal)));
}

static void
log_followup_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(SalesDeal) deal = lookup_deal (self, g_variant_get_int64 (param));
  GtkWidget *dialog;

  if (deal == NULL)
    return;

  /* The card's badge follows the store; the toast offers Undo. */
  dialog = sales_followup_dialog_new (parent_window (self), self->store, self->settings,
                                      sales_deal_get_customer_id (deal),
                                      sales_record_get_id (SALES_RECORD (deal)));
  g_signal_connect_object (dialog, "logged", G_CALLBACK (show_undo_toast), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);

  sales_undo_toast_undo (widget, self->store, &self->toast);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(GError) error = NULL;

  if (!sales_store_can_redo (self->store))
    return;

  if (!sales_store_redo (self->store, &error))
    sales_board_show_error (self, error);
  else
    show_undo_toast (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SalesBoard *self = SALES_BOARD (widget);
  g_autoptr(SalesExporter) exporter = sales_exporter_new_for_deals (self->store, self->filter);
  g_autoptr(SalesExportJob) job = sales_export_job_new (exporter, widget);

  sales_export_job_choose (job);
}

void
sales_board_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "board.open-deal", "x", open_deal_action);
  gtk_widget_class_install_action (widget_class, "board.move-deal-to", "(xx)",
                                   move_deal_to_action);
  gtk_widget_class_install_action (widget_class, "board.move-deal-by", "(xi)",
                                   move_deal_by_action);
  gtk_widget_class_install_action (widget_class, "board.reorder-deal", "(xi)",
                                   reorder_deal_action);
  gtk_widget_class_install_action (widget_class, "board.mark-won", "x", mark_won_action);
  gtk_widget_class_install_action (widget_class, "board.mark-lost", "x", mark_lost_action);
  gtk_widget_class_install_action (widget_class, "board.delete-deal", "x", delete_deal_action);
  gtk_widget_class_install_action (widget_class, "board.log-followup", "x", log_followup_action);
  gtk_widget_class_install_action (widget_class, "board.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "board.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "board.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "board.redo", NULL);
}
