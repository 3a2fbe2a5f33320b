/* sales-read-only.c: the editing actions of a widget, off for a file opened read-only
 *
 * The store refuses every write to a read-only file with a clear message; the widgets
 * also turn off what would only lead to that message, so that the menus, buttons and
 * shortcuts that change data are greyed out rather than offered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-read-only.h"

/**
 * sales_read_only_disable_actions:
 * @widget: a widget whose class installed @actions
 * @store: the store it edits
 * @actions: (array zero-terminated=1): the names of its actions that change data
 *
 * Disables @actions on @widget when @store's file is read-only; does nothing otherwise.
 * For actions that the widget itself never enables again.
 */
void
sales_read_only_disable_actions (GtkWidget          *widget,
                                 SalesStore         *store,
                                 const char * const *actions)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SALES_IS_STORE (store));
  g_return_if_fail (actions != NULL);

  if (!sales_db_is_read_only (sales_store_get_db (store)))
    return;

  for (guint i = 0; actions[i] != NULL; i++)
    gtk_widget_action_set_enabled (widget, actions[i], FALSE);
}
