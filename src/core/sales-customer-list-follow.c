/* sales-customer-list-follow.c: the customer list following the store
 *
 * A changed customer is checked against the filters and taken out or put in at the
 * place a binary search over the sort keys finds, so that views hear about that one
 * item; a search runs its query again instead, since its matches change with the
 * customer's text. A deal or a follow-up changes what its customer's row adds up
 * (the SalesCustomerStats of the rows on screen) and, when the list is sorted by one
 * of those sums, the customer's place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-customer-list-private.h"

/* The ids */

/* Replaces the ids, telling views about the one span that differs. */
static void
replace_ids (SalesCustomerList *self,
             GArray            *ids)
{
  g_autoptr(GArray) old = self->ids;
  guint prefix = 0, suffix = 0;

  while (prefix < ids->len && prefix < old->len &&
         g_array_index (ids, gint64, prefix) == g_array_index (old, gint64, prefix))
    prefix++;
  while (suffix < ids->len - prefix && suffix < old->len - prefix &&
         g_array_index (ids, gint64, ids->len - 1 - suffix) ==
         g_array_index (old, gint64, old->len - 1 - suffix))
    suffix++;

  self->ids = g_array_ref (ids);

  if (prefix != old->len || prefix != ids->len)
    sales_customer_list_items_changed (self, prefix, old->len - prefix - suffix, ids->len - prefix - suffix);
}

void
sales_customer_list_reload (SalesCustomerList *self)
{
  g_autoptr(GArray) ids = NULL;

  if (self->search != NULL && !sales_customer_list_run_search (self))
    return;

  ids = sales_customer_list_query_ids (self);
  if (ids != NULL)
    replace_ids (self, ids);
}

/* The search's matches decide which statements the query needs. */
void
sales_customer_list_rebuild (SalesCustomerList *self)
{
  if (!sales_customer_list_run_search (self) || !sales_customer_list_prepare (self))
    return;

  {
    g_autoptr(GArray) ids = sales_customer_list_query_ids (self);

    if (ids != NULL)
      replace_ids (self, ids);
  }
}

static void
remove_at (SalesCustomerList *self,
           guint              index)
{
  g_array_remove_index (self->ids, index);
  sales_customer_list_items_changed (self, index, 1, 0);
}

/* Where @key goes among the ids; FALSE when a row has gone meanwhile. */
static gboolean
find_index (SalesCustomerList          *self,
            const SalesCustomerSortKey *key,
            guint                      *index)
{
  guint lo = 0, hi = self->ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      SalesCustomerSortKey other;
      int order;

      if (!sales_customer_list_read_key (self, g_array_index (self->ids, gint64, mid), &other))
        return FALSE;
      order = sales_customer_list_compare_keys (self, &other, key);
      sales_customer_sort_key_clear (&other);

      if (order < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  *index = lo;
  return TRUE;
}

/* TRUE when the customer at @index still sits between its neighbours. */
static gboolean
is_in_place (SalesCustomerList          *self,
             guint                       index,
             const SalesCustomerSortKey *key)
{
  for (int side = -1; side <= 1; side += 2)
    {
      SalesCustomerSortKey other;
      gint64 neighbour;
      int order;

      if ((side < 0 && index == 0) || (side > 0 && index + 1 >= self->ids->len))
        continue;

      neighbour = g_array_index (self->ids, gint64, (int)index + side);
      if (!sales_customer_list_read_key (self, neighbour, &other))
        return FALSE;
      order = sales_customer_list_compare_keys (self, &other, key);
      sales_customer_sort_key_clear (&other);

      if (order * side < 0)
        return FALSE;
    }

  return TRUE;
}

/* FALSE when the list has to reload instead. */
static gboolean
insert (SalesCustomerList *self,
        gint64             id)
{
  g_auto(SalesCustomerSortKey) key = { { NULL }, 0 };
  guint index;

  if (!sales_customer_list_read_key (self, id, &key) || !find_index (self, &key, &index))
    return FALSE;

  g_array_insert_val (self->ids, index, id);
  sales_customer_list_items_changed (self, index, 0, 1);
  return TRUE;
}

/* Puts the customer @id where it belongs now, or takes it out. */
static void
update_customer (SalesCustomerList *self,
                 gint64             id,
                 gboolean           deleted)
{
  gboolean matches = !deleted && sales_customer_list_matches (self, id);
  g_auto(SalesCustomerSortKey) key = { { NULL }, 0 };
  guint index;

  if (!sales_customer_list_find (self, id, &index))
    {
      if (matches && !insert (self, id))
        sales_customer_list_reload (self);
      return;
    }

  if (!matches)
    {
      remove_at (self, index);
      return;
    }

  if (!sales_customer_list_read_key (self, id, &key))
    {
      sales_customer_list_reload (self);
      return;
    }

  if (!is_in_place (self, index, &key))
    {
      remove_at (self, index);
      if (!insert (self, id))
        sales_customer_list_reload (self);
    }
}

/* Stats */

void
sales_customer_list_stats_disposed (gpointer  data,
                                    GObject  *where_the_object_was)
{
  SalesCustomerList *self = data;
  /* Weak references are told before finalize: the object still reads. */
  gint64 id = sales_customer_stats_get_customer_id ((SalesCustomerStats *)where_the_object_was);

  if (g_hash_table_lookup (self->stats, &id) == (gpointer)where_the_object_was)
    g_hash_table_remove (self->stats, &id);
}

static void
refresh_stats (SalesCustomerList *self,
               gint64             id)
{
  SalesCustomerStats *stats = g_hash_table_lookup (self->stats, &id);

  if (stats != NULL)
    sales_customer_list_load_stats (self, stats);
}

static void
refresh_all_stats (SalesCustomerList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->stats);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sales_customer_list_load_stats (self, value);
}

static gboolean
refresh_everything (gpointer user_data)
{
  SalesCustomerList *self = user_data;

  self->refresh_source = 0;
  refresh_all_stats (self);
  sales_customer_list_forget_sums (self);
  if (sales_customer_list_sorts_by_stats (self))
    sales_customer_list_reload (self);

  return G_SOURCE_REMOVE;
}

/* A deal or follow-up of the customer @id changed. */
static void
customer_sums_changed (SalesCustomerList *self,
                       gint64             id)
{
  refresh_stats (self, id);
  sales_customer_list_update_sums (self, id);
  if (sales_customer_list_sorts_by_stats (self))
    update_customer (self, id, FALSE);
}

/* A deleted follow-up no longer says whose it was, and deleting a customer deletes many
 * at once: the sums are computed again once, when the store is done. */
static void
queue_refresh (SalesCustomerList *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_everything, self,
                                            NULL);
}

/* Following the store */

static gint64
read_customer_id (SalesCustomerList *self,
                  const char        *sql,
                  gint64             id)
{
  g_autoptr(GError) error = NULL;
  gint64 customer_id = 0;

  if (!sales_store_query_int64 (self->store, sql, id, 0, &customer_id, &error) &&
      !g_error_matches (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND))
    g_warning ("Cannot read whose a deal or follow-up is: %s", error->message);

  return customer_id;
}

static void
on_customer_changed (SalesCustomerList *self,
                     SalesRecordKind    kind,
                     gint64             id,
                     SalesChange        change,
                     SalesStore        *store)
{
  if (self->search != NULL)
    {
      sales_customer_list_reload (self);
      return;
    }

  if (change == SALES_CHANGE_INSERTED)
    sales_customer_list_update_sums (self, id);
  update_customer (self, id, change == SALES_CHANGE_DELETED);
  if (change != SALES_CHANGE_DELETED)
    refresh_stats (self, id);
}

static void
on_deal_changed (SalesCustomerList *self,
                 SalesRecordKind    kind,
                 gint64             id,
                 SalesChange        change,
                 SalesStore        *store)
{
  SalesDeal *before = sales_store_get_deal_before (store, id);
  gint64 now_id = 0;

  if (change != SALES_CHANGE_DELETED)
    now_id = read_customer_id (self, "SELECT customer_id FROM deal WHERE id = ?1", id);

  if (before == NULL && change != SALES_CHANGE_INSERTED)
    queue_refresh (self);
  else if (before != NULL && sales_deal_get_customer_id (before) != now_id)
    customer_sums_changed (self, sales_deal_get_customer_id (before));

  if (now_id > 0)
    customer_sums_changed (self, now_id);
}

static void
on_activity_changed (SalesCustomerList *self,
                     SalesRecordKind    kind,
                     gint64             id,
                     SalesChange        change,
                     SalesStore        *store)
{
  gint64 customer_id;

  /* An update may also have moved it away from another customer. */
  if (change != SALES_CHANGE_INSERTED)
    queue_refresh (self);
  if (change == SALES_CHANGE_DELETED)
    return;

  customer_id = read_customer_id (self, "SELECT customer_id FROM activity WHERE id = ?1", id);
  if (customer_id > 0)
    customer_sums_changed (self, customer_id);
}

static void
on_rep_changed (SalesCustomerList *self)
{
  if (self->sort == SALES_CUSTOMER_SORT_OWNER)
    sales_customer_list_reload (self);
}

static void
on_reset (SalesCustomerList *self)
{
  sales_customer_list_forget_sums (self);
  sales_customer_list_rebuild (self);
  refresh_all_stats (self);
}

void
sales_customer_list_follow_store (SalesCustomerList *self)
{
  g_signal_connect_object (self->store, "changed::customer", G_CALLBACK (on_customer_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::deal", G_CALLBACK (on_deal_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::activity", G_CALLBACK (on_activity_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::rep", G_CALLBACK (on_rep_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (on_reset), self, G_CONNECT_SWAPPED);
}
