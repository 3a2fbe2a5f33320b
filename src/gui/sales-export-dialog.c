/* sales-export-dialog.c: "Export Data…": which table, then the file
 *
 * A message dialog with the tables as radio rows: one choice and a button that
 * goes on to the file chooser, where the file type is picked. The export's
 * toasts go to the window the dialog was opened over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-export-dialog.h"
#include "sales-export-job.h"
#include "sales-export-lists.h"

#define RESPONSE_EXPORT "export"

typedef struct
{
  GtkWindow      *parent;   /* weak */
  SalesStore     *store;
  GtkCheckButton *buttons[SALES_EXPORT_N_TABLES];
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *d = data;

  if (d->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (d->parent), (gpointer *)&d->parent);
  g_clear_object (&d->store);
  g_free (d);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             DialogData       *d)
{
  g_autoptr(SalesExporter) exporter = NULL;
  g_autoptr(SalesExportJob) job = NULL;
  GtkWidget *anchor;
  guint table = 0;

  if (!g_str_equal (response, RESPONSE_EXPORT) || d->parent == NULL)
    return;

  while (table < SALES_EXPORT_N_TABLES - 1 && !gtk_check_button_get_active (d->buttons[table]))
    table++;

  /* The job's toasts go to the nearest toast overlay: the window's content. */
  anchor = ADW_IS_APPLICATION_WINDOW (d->parent)
           ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (d->parent))
           : GTK_WIDGET (d->parent);
  exporter = sales_exporter_new_for_table (d->store, (SalesExportTable)table);
  job = sales_export_job_new (exporter, anchor);
  sales_export_job_choose (job);
}

/**
 * sales_export_dialog_new:
 * @parent: the main window
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
sales_export_dialog_new (GtkWindow  *parent,
                         SalesStore *store)
{
  DialogData *d = g_new0 (DialogData, 1);
  GtkWidget *dialog;
  GtkWidget *list;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  dialog = adw_message_dialog_new (parent, _("Export Data"),
                                   _("Choose what to export. Every row is exported; the next "
                                     "step asks for the file, an Excel workbook or CSV."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    RESPONSE_EXPORT, _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), RESPONSE_EXPORT,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), RESPONSE_EXPORT);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What to export"), -1);
  for (guint i = 0; i < SALES_EXPORT_N_TABLES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sales_export_table_get_label ((SalesExportTable)i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      sales_export_table_get_label ((SalesExportTable)i), -1);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), d->buttons[0]);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      d->buttons[i] = GTK_CHECK_BUTTON (check);
    }
  gtk_check_button_set_active (d->buttons[SALES_EXPORT_CUSTOMERS], TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  d->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *)&d->parent);
  d->store = g_object_ref (store);
  g_object_set_data_full (G_OBJECT (dialog), "sales-export-dialog", d, dialog_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), d);
  return dialog;
}
