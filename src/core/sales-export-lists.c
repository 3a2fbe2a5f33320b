/* sales-export-lists.c: exporters for the rows the window's lists show
 *
 * A list's export has the list's rows in the list's order: the ids the list
 * model holds are handed to the exporter, which reads the rows themselves
 * from the database. The board holds no list of all its deals, so its export
 * takes the board's filter instead, and has the deals of every stage that
 * the filter keeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-export-lists.h"

static const char *
store_path (SalesStore *store)
{
  return sales_db_get_path (sales_store_get_db (store));
}

/**
 * sales_exporter_new_for_table:
 *
 * Returns: (transfer full): an exporter of every row of @table in the store's database
 */
SalesExporter *
sales_exporter_new_for_table (SalesStore       *store,
                              SalesExportTable  table)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return sales_exporter_new (store_path (store), table);
}

/**
 * sales_exporter_new_for_customers:
 *
 * Returns: (transfer full): an exporter of the customers @list has, as it has them now
 */
SalesExporter *
sales_exporter_new_for_customers (SalesCustomerList *list)
{
  SalesExporter *exporter;
  guint n;
  g_autofree gint64 *ids = NULL;

  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (list), NULL);

  exporter = sales_exporter_new (store_path (sales_customer_list_get_store (list)),
                                 SALES_EXPORT_CUSTOMERS);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  ids = g_new (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    ids[i] = sales_customer_list_get_customer_id (list, i);
  sales_exporter_set_ids (exporter, ids, n);
  return exporter;
}

/**
 * sales_exporter_new_for_deals:
 * @filter: the board's filter
 *
 * Returns: (transfer full): an exporter of the deals of every stage that @filter keeps now
 */
SalesExporter *
sales_exporter_new_for_deals (SalesStore      *store,
                              SalesDealFilter *filter)
{
  SalesExporter *exporter;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_DEAL_FILTER (filter), NULL);

  exporter = sales_exporter_new (store_path (store), SALES_EXPORT_DEALS);
  sales_exporter_set_deal_filter (exporter, filter, sales_store_now (store));
  return exporter;
}

/**
 * sales_exporter_new_for_followups:
 * @lists: (array length=n_lists): the sections of the Follow-ups view, in their order
 *
 * Returns: (transfer full): an exporter of the follow-ups of @lists, one section after the other
 */
SalesExporter *
sales_exporter_new_for_followups (SalesFollowupList * const *lists,
                                  guint                      n_lists)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SalesExporter *exporter;

  g_return_val_if_fail (n_lists > 0 && SALES_IS_FOLLOWUP_LIST (lists[0]), NULL);

  exporter = sales_exporter_new (store_path (sales_followup_list_get_store (lists[0])),
                                 SALES_EXPORT_FOLLOWUPS);
  for (guint l = 0; l < n_lists; l++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (lists[l]));

      for (guint i = 0; i < n; i++)
        {
          gint64 id = sales_followup_list_get_activity_id (lists[l], i);

          g_array_append_val (ids, id);
        }
    }
  sales_exporter_set_ids (exporter, (const gint64 *)(gpointer)ids->data, ids->len);
  return exporter;
}

/**
 * sales_exporter_new_for_receivables:
 *
 * Returns: (transfer full): an exporter of the instalments @list has
 */
SalesExporter *
sales_exporter_new_for_receivables (SalesReceivables *list)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SalesExporter *exporter;
  guint n;

  g_return_val_if_fail (SALES_IS_RECEIVABLES (list), NULL);

  exporter = sales_exporter_new (store_path (sales_receivables_get_store (list)),
                                 SALES_EXPORT_INSTALMENTS);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SalesReceivable) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = sales_receivable_get_instalment (item)->id;

      g_array_append_val (ids, id);
    }
  sales_exporter_set_ids (exporter, (const gint64 *)(gpointer)ids->data, ids->len);
  return exporter;
}
