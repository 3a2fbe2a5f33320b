/* sales-contract-actions.c: New Contract, Record Payment and Delete, wherever they are offered
 *
 * The customer page, the Receivables list, the board's won flow and the deal
 * editor all offer the same three things, so they do them the same way here:
 * ask with the dialog, make one store call on its answer, and say what
 * happened in a toast, with Undo when the store can take it back.
 *
 * The toast goes to the toast overlay around @anchor, or to the main window
 * when @anchor is a window of its own: a deal editor closes as its contract
 * is offered, and the answer is shown where the user goes back to. The
 * dialogs belong to @anchor's window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-contract-actions.h"
#include "sales-contract-dialog.h"
#include "sales-money.h"
#include "sales-payment-dialog.h"
#include "sales-window.h"

/* Long enough to read the toast and change one's mind. */
#define UNDO_TIMEOUT_S 10

/* Where a dialog's answer is reported: held by the dialog. */
typedef struct
{
  SalesStore *store;
  GtkWidget  *target;
} Report;

static void
report_free (Report *report)
{
  g_clear_object (&report->store);
  g_clear_object (&report->target);
  g_free (report);
}

static GtkWindow *
window_of (GtkWidget *anchor)
{
  GtkRoot *root;

  if (anchor == NULL)
    return NULL;

  root = gtk_widget_get_root (anchor);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The toast overlay around @anchor, or the main window that takes toasts. */
static GtkWidget *
find_target (GtkWidget *anchor)
{
  GtkWidget *overlay;
  GtkWindow *window;

  if (anchor == NULL)
    return NULL;

  overlay = gtk_widget_get_ancestor (anchor, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    return overlay;

  for (window = window_of (anchor); window != NULL;
       window = gtk_window_get_transient_for (window))
    {
      if (SALES_IS_WINDOW (window))
        return GTK_WIDGET (window);
    }

  return NULL;
}

static void
add_toast (Report   *report,
           AdwToast *toast)
{
  if (ADW_IS_TOAST_OVERLAY (report->target))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (report->target), toast);
  else if (SALES_IS_WINDOW (report->target))
    sales_window_add_toast (SALES_WINDOW (report->target), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (Report       *report,
            const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (report, toast);
}

static void
on_undo_clicked (AdwToast   *toast,
                 SalesStore *store)
{
  g_autoptr(GError) error = NULL;

  if (sales_store_can_undo (store) && !sales_store_undo (store, &error))
    g_warning ("Cannot undo: %s", error->message);
}

static void
show_undo_toast (Report *report)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!sales_store_can_undo (report->store))
    return;

  /* The toast's title is markup in libadwaita 1.2, and contract numbers are anything. */
  title = g_markup_escape_text (sales_store_get_undo_label (report->store), -1);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, UNDO_TIMEOUT_S);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked),
                           report->store, 0);
  add_toast (report, toast);
}

static Report *
attach_report (GtkWidget  *dialog,
               GtkWidget  *anchor,
               SalesStore *store)
{
  Report *report = g_new0 (Report, 1);
  GtkWidget *target = find_target (anchor);

  report->store = g_object_ref (store);
  report->target = target != NULL ? g_object_ref (target) : NULL;
  g_object_set_data_full (G_OBJECT (dialog), "report", report, (GDestroyNotify)report_free);
  return report;
}

/* New Contract */

static void
on_contract_response (SalesContractDialog *dialog,
                      const char          *response)
{
  Report *report = g_object_get_data (G_OBJECT (dialog), "report");
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "create"))
    return;

  contract = sales_contract_dialog_create (dialog, &error);
  if (contract == NULL)
    show_error (report, error);
  else
    show_undo_toast (report);
}

/**
 * sales_contract_actions_new_contract:
 * @anchor: (nullable): the widget the action was started from
 * @customer_id: the customer; 0 to take the deal's
 * @deal_id: the won deal the contract is for, or 0
 *
 * Asks for a contract and its plan, and creates them on Create.
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
sales_contract_actions_new_contract (GtkWidget     *anchor,
                                     SalesStore    *store,
                                     SalesSettings *settings,
                                     gint64         customer_id,
                                     gint64         deal_id)
{
  GtkWidget *dialog;

  g_return_val_if_fail (anchor == NULL || GTK_IS_WIDGET (anchor), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (customer_id > 0 || deal_id > 0, NULL);

  dialog = sales_contract_dialog_new (window_of (anchor), store, settings, customer_id, deal_id);
  attach_report (dialog, anchor, store);
  g_signal_connect (dialog, "response", G_CALLBACK (on_contract_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Record Payment */

static void
on_payment_response (SalesPaymentDialog *dialog,
                     const char         *response)
{
  Report *report = g_object_get_data (G_OBJECT (dialog), "report");
  g_autoptr(SalesPayment) payment = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "record"))
    return;

  payment = sales_payment_dialog_dup_payment (dialog);
  if (payment == NULL)
    return;

  if (!sales_store_record_payment (report->store, payment, NULL, &error))
    show_error (report, error);
  else
    show_undo_toast (report);
}

/**
 * sales_contract_actions_record_payment:
 * @anchor: (nullable): the widget the action was started from
 *
 * Asks for a payment against the contract, and records it on Record.
 *
 * Returns: (transfer none) (nullable): the dialog, presented; %NULL when
 *   the contract is gone, which a toast says
 */
GtkWidget *
sales_contract_actions_record_payment (GtkWidget     *anchor,
                                       SalesStore    *store,
                                       SalesSettings *settings,
                                       gint64         contract_id)
{
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (anchor == NULL || GTK_IS_WIDGET (anchor), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  contract = sales_store_get_contract (store, contract_id, &error);
  if (contract == NULL)
    {
      Report report = { store, find_target (anchor) };

      show_error (&report, error);
      return NULL;
    }

  dialog = sales_payment_dialog_new (window_of (anchor), store, settings, contract);
  attach_report (dialog, anchor, store);
  g_signal_connect (dialog, "response", G_CALLBACK (on_payment_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Delete */

static void
delete_contract (Report        *report,
                 SalesContract *contract,
                 gboolean       force)
{
  g_autoptr(GError) error = NULL;

  if (!sales_store_delete_contract (report->store, contract, force, &error))
    show_error (report, error);
  else
    show_undo_toast (report);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response)
{
  Report *report = g_object_get_data (G_OBJECT (dialog), "report");
  SalesContract *contract = g_object_get_data (G_OBJECT (dialog), "contract");

  if (g_str_equal (response, "delete"))
    delete_contract (report, contract, TRUE);
}

/**
 * sales_contract_actions_delete:
 * @anchor: (nullable): the widget the action was started from
 *
 * Deletes the contract with its plan, with Undo. Money received on it is
 * not deleted by a slip: when there are payments, a dialog says how much
 * and asks first.
 *
 * Returns: (transfer none) (nullable): the dialog that asks, presented, or
 *   %NULL when there was nothing to ask
 */
GtkWidget *
sales_contract_actions_delete (GtkWidget     *anchor,
                               SalesStore    *store,
                               SalesSettings *settings,
                               gint64         contract_id)
{
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *received = NULL;
  g_autofree char *body = NULL;
  Report report = { store, NULL };
  GtkWidget *dialog;
  gint64 paid = 0;

  g_return_val_if_fail (anchor == NULL || GTK_IS_WIDGET (anchor), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  report.target = find_target (anchor);
  contract = sales_store_get_contract (store, contract_id, &error);
  if (contract != NULL)
    payments = sales_store_list_payments (store, contract_id, &error);
  if (payments == NULL)
    {
      show_error (&report, error);
      return NULL;
    }

  if (payments->len == 0)
    {
      delete_contract (&report, contract, FALSE);
      return NULL;
    }

  for (guint i = 0; i < payments->len; i++)
    paid += sales_payment_get_amount_cents (g_ptr_array_index (payments, i));
  received = sales_money_format (paid, sales_settings_get_currency (settings));

  /* TRANSLATORS: %s is a contract number */
  heading = g_strdup_printf (_("Delete Contract %s?"), sales_contract_get_number (contract));
  /* TRANSLATORS: %u counts payments; %s is an amount of money such as ¥1,200.00 */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u payment of %s in all was received on it. "
                                       "Deleting the contract deletes the payment too.",
                                       "%u payments of %s in all were received on it. "
                                       "Deleting the contract deletes the payments too.",
                                       payments->len),
                          payments->len, received);

  dialog = adw_message_dialog_new (window_of (anchor), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  attach_report (dialog, anchor, store);
  g_object_set_data_full (G_OBJECT (dialog), "contract", g_steal_pointer (&contract),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
