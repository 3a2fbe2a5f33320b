/* sales-record-list.c: all rows of a small table, as a list model
 *
 * For the tables a person can take in at a glance (stages, reps, lost
 * reasons): the list holds every canonical object and runs its query again
 * on each change of its kind, telling views about the one span that differs.
 * Big tables need models that hold ids and load items lazily instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-record-list.h"
#include "sales-store-private.h"

struct _SalesRecordList
{
  GObject          parent_instance;

  SalesStore      *store;
  SalesRecordKind  kind;
  char            *sql;
  /* Bound to ?1 of a filtered list's query. */
  gint64           filter_id;
  GPtrArray       *items;
};

static GType
sales_record_list_get_item_type (GListModel *model)
{
  return sales_store_get_record_type (SALES_RECORD_LIST (model)->kind);
}

static guint
sales_record_list_get_n_items (GListModel *model)
{
  return SALES_RECORD_LIST (model)->items->len;
}

static gpointer
sales_record_list_get_item (GListModel *model,
                            guint       position)
{
  SalesRecordList *self = SALES_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sales_record_list_get_item_type;
  iface->get_n_items = sales_record_list_get_n_items;
  iface->get_item = sales_record_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SalesRecordList, sales_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
sales_record_list_reload (SalesRecordList *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) error = NULL;
  SalesDb *db = sales_store_get_db (self->store);
  sqlite3_stmt *stmt;
  guint prefix = 0, suffix = 0;
  int rc;

  stmt = sales_db_prepare (db, self->sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot list the rows of a table: %s", error->message);
      return;
    }

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, self->filter_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, sales_store_get_record_from_row (self->store, self->kind, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, &error);
      g_warning ("Cannot list the rows of a table: %s", error->message);
      return;
    }

  while (prefix < items->len && prefix < self->items->len &&
         items->pdata[prefix] == self->items->pdata[prefix])
    prefix++;

  while (suffix < items->len - prefix && suffix < self->items->len - prefix &&
         items->pdata[items->len - 1 - suffix] == self->items->pdata[self->items->len - 1 - suffix])
    suffix++;

  old = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&items);

  if (prefix != old->len || prefix != self->items->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix,
                                self->items->len - prefix - suffix);
}

static void
on_store_changed (SalesRecordList *self,
                  SalesRecordKind  kind,
                  gint64           id,
                  SalesChange      change,
                  SalesStore      *store)
{
  /* An update may change the order (a stage's position, a rep's name). */
  if (kind == self->kind)
    sales_record_list_reload (self);
}

static void
sales_record_list_finalize (GObject *object)
{
  SalesRecordList *self = (SalesRecordList *)object;

  g_ptr_array_unref (self->items);
  g_free (self->sql);
  g_object_unref (self->store);

  G_OBJECT_CLASS (sales_record_list_parent_class)->finalize (object);
}

static void
sales_record_list_class_init (SalesRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sales_record_list_finalize;
}

static void
sales_record_list_init (SalesRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * sales_record_list_new:
 * @order_by: an SQL ORDER BY list over the columns of the table
 *
 * Returns: (transfer full): every row of the table of @kind, kept up to date
 */
SalesRecordList *
sales_record_list_new (SalesStore      *store,
                       SalesRecordKind  kind,
                       const char      *order_by)
{
  SalesRecordList *self;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (order_by != NULL, NULL);

  self = g_object_new (SALES_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->sql = g_strdup_printf ("%s ORDER BY %s",
                               sales_record_class_get_sql (g_type_class_peek (
                                                             sales_store_get_record_type (kind)),
                                                           SALES_RECORD_SQL_SELECT),
                               order_by);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (sales_record_list_reload), self,
                           G_CONNECT_SWAPPED);

  sales_record_list_reload (self);

  return self;
}

/**
 * sales_record_list_new_filtered:
 * @column: a column of the table, such as "customer_id"
 * @id: the value @column must have
 * @order_by: an SQL ORDER BY list over the columns of the table
 *
 * For the few rows of a big table that belong to one record, such as the
 * contacts or the deals of a customer; @column should be indexed.
 *
 * Returns: (transfer full): the rows whose @column is @id, kept up to date
 */
SalesRecordList *
sales_record_list_new_filtered (SalesStore      *store,
                                SalesRecordKind  kind,
                                const char      *column,
                                gint64           id,
                                const char      *order_by)
{
  SalesRecordList *self;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (order_by != NULL, NULL);

  self = g_object_new (SALES_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->filter_id = id;
  self->sql = g_strdup_printf ("%s WHERE \"%s\" = ?1 ORDER BY %s",
                               sales_record_class_get_sql (g_type_class_peek (
                                                             sales_store_get_record_type (kind)),
                                                           SALES_RECORD_SQL_SELECT),
                               column, order_by);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (sales_record_list_reload), self,
                           G_CONNECT_SWAPPED);

  sales_record_list_reload (self);

  return self;
}
