/* sales-customer-list.c: the customers a filter keeps, sorted, as a list model backed by a query
 *
 * The table may hold 100 000 customers, so the list holds their ids only, in list order
 * (800 kB for all of them), and get_item() asks the store for the object: the rows a view
 * shows are the only customers alive. The order and the filters are SQL (see
 * sales-customer-list-query.c); changing either runs the query once.
 *
 * The list follows the store one customer at a time instead of running its query again
 * (sales-customer-list-follow.c): a changed customer is checked against the filters,
 * taken out or put in at the place a binary search over the sort keys finds, and views
 * hear about that one item. A deal or a follow-up changes what its customer's row adds
 * up (SalesCustomerStats, computed for the rows on screen only) and, when the list is
 * sorted by one of those sums, its place. A search is answered by the search index,
 * whose matches change with the customer's text, so a changed customer during a search
 * runs the query again; views still hear only about the span that differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-customer-list-private.h"
#include "sales-enums.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SalesCustomerList, sales_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SORT,
  PROP_DESCENDING,
  PROP_SEARCH,
  PROP_TIER,
  PROP_OWNER_ID,
  PROP_INDUSTRY,
  PROP_SOURCE,
  PROP_TAG_ID,
  PROP_FILTERED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GListModel */

static GType
sales_customer_list_get_item_type (GListModel *model)
{
  return SALES_TYPE_CUSTOMER;
}

static guint
sales_customer_list_get_n_items (GListModel *model)
{
  return SALES_CUSTOMER_LIST (model)->ids->len;
}

static gpointer
sales_customer_list_get_item (GListModel *model,
                              guint       position)
{
  SalesCustomerList *self = SALES_CUSTOMER_LIST (model);
  g_autoptr(GError) error = NULL;
  SalesCustomer *customer;

  if (position >= self->ids->len)
    return NULL;

  customer = sales_store_get_customer (self->store, g_array_index (self->ids, gint64, position),
                                       &error);
  if (customer == NULL)
    g_warning ("Cannot read a customer of the list: %s", error->message);

  return customer;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sales_customer_list_get_item_type;
  iface->get_n_items = sales_customer_list_get_n_items;
  iface->get_item = sales_customer_list_get_item;
}

/* The ids: sales-customer-list-follow.c keeps them up to date. */

void
sales_customer_list_items_changed (SalesCustomerList *self,
                                   guint              position,
                                   guint              removed,
                                   guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* GObject */

static void
sales_customer_list_dispose (GObject *object)
{
  SalesCustomerList *self = (SalesCustomerList *)object;
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  g_hash_table_iter_init (&iter, self->stats);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, sales_customer_list_stats_disposed, self);
  g_hash_table_remove_all (self->stats);

  G_OBJECT_CLASS (sales_customer_list_parent_class)->dispose (object);
}

static void
sales_customer_list_finalize (GObject *object)
{
  SalesCustomerList *self = (SalesCustomerList *)object;

  sales_customer_list_finalize_statements (self);
  g_array_unref (self->ids);
  g_clear_pointer (&self->search_ranks, g_hash_table_unref);
  g_clear_pointer (&self->search_ids, g_array_unref);
  g_clear_pointer (&self->stats, g_hash_table_unref);
  g_free (self->sums);
  g_free (self->search_json);
  g_free (self->search);
  g_free (self->industry);
  g_free (self->source);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_customer_list_parent_class)->finalize (object);
}

static void
sales_customer_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SalesCustomerList *self = SALES_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_TIER:
      g_value_set_int (value, self->tier);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_INDUSTRY:
      g_value_set_string (value, self->industry);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_TAG_ID:
      g_value_set_int64 (value, self->tag_id);
      break;

    case PROP_FILTERED:
      g_value_set_boolean (value, sales_customer_list_is_filtered (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SalesCustomerList *self = SALES_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SORT:
      sales_customer_list_set_sort (self, g_value_get_enum (value), self->descending);
      break;

    case PROP_DESCENDING:
      sales_customer_list_set_sort (self, self->sort, g_value_get_boolean (value));
      break;

    case PROP_SEARCH:
      sales_customer_list_set_search (self, g_value_get_string (value));
      break;

    case PROP_TIER:
      sales_customer_list_set_tier (self, g_value_get_int (value));
      break;

    case PROP_OWNER_ID:
      sales_customer_list_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_INDUSTRY:
      sales_customer_list_set_industry (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      sales_customer_list_set_source (self, g_value_get_string (value));
      break;

    case PROP_TAG_ID:
      sales_customer_list_set_tag_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_list_constructed (GObject *object)
{
  SalesCustomerList *self = (SalesCustomerList *)object;

  G_OBJECT_CLASS (sales_customer_list_parent_class)->constructed (object);

  g_assert (SALES_IS_STORE (self->store));

  sales_customer_list_follow_store (self);

  sales_customer_list_rebuild (self);
}

static void
sales_customer_list_class_init (SalesCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sales_customer_list_constructed;
  object_class->dispose = sales_customer_list_dispose;
  object_class->finalize = sales_customer_list_finalize;
  object_class->get_property = sales_customer_list_get_property;
  object_class->set_property = sales_customer_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       SALES_TYPE_CUSTOMER_SORT, SALES_CUSTOMER_SORT_RELEVANCE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What the user typed; NULL (or blank) for no search. */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A SalesTier, or SALES_CUSTOMER_LIST_ANY_TIER. */
  properties[PROP_TIER] =
    g_param_spec_int ("tier", NULL, NULL,
                      SALES_CUSTOMER_LIST_ANY_TIER, SALES_TIER_C, SALES_CUSTOMER_LIST_ANY_TIER,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A rep, SALES_CUSTOMER_LIST_PUBLIC_POOL, or 0 for any owner. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        SALES_CUSTOMER_LIST_PUBLIC_POOL, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INDUSTRY] =
    g_param_spec_string ("industry", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* 0 for any tags. */
  properties[PROP_TAG_ID] =
    g_param_spec_int64 ("tag-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether a search or a filter leaves customers out. */
  properties[PROP_FILTERED] =
    g_param_spec_boolean ("filtered", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_customer_list_init (SalesCustomerList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tier = SALES_CUSTOMER_LIST_ANY_TIER;
  self->stats = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * sales_customer_list_new:
 *
 * Returns: (transfer full): every customer by name, kept up to date
 */
SalesCustomerList *
sales_customer_list_new (SalesStore *store)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return g_object_new (SALES_TYPE_CUSTOMER_LIST, "store", store, NULL);
}

SalesStore *
sales_customer_list_get_store (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), NULL);

  return self->store;
}

SalesCustomerSort
sales_customer_list_get_sort (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), SALES_CUSTOMER_SORT_RELEVANCE);

  return self->sort;
}

gboolean
sales_customer_list_get_descending (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), FALSE);

  return self->descending;
}

void
sales_customer_list_set_sort (SalesCustomerList *self,
                              SalesCustomerSort  sort,
                              gboolean           descending)
{
  g_return_if_fail (SALES_IS_CUSTOMER_LIST (self));
  g_return_if_fail (sort <= SALES_CUSTOMER_SORT_CREATED);

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->sort != sort)
    {
      self->sort = sort;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
    }
  if (self->descending != descending)
    {
      self->descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
    }

  /* During construction, constructed() loads. */
  if (self->store != NULL)
    sales_customer_list_rebuild (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Sets a filter's field and runs the query; FALSE when nothing changed. */
static gboolean
set_filter_string (SalesCustomerList  *self,
                   char              **field,
                   const char         *value,
                   GParamSpec         *pspec)
{
  g_autofree char *stripped = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (*field, stripped) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

static void
filter_changed (SalesCustomerList *self,
                gboolean           was_filtered)
{
  if (self->store != NULL)
    sales_customer_list_rebuild (self);
  if (was_filtered != sales_customer_list_is_filtered (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED]);
}

const char *
sales_customer_list_get_search (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), NULL);

  return self->search;
}

/**
 * sales_customer_list_set_search:
 * @search: (nullable): what to search for, as sales_customer_search_ids() takes it;
 *   %NULL or blank for every customer
 */
void
sales_customer_list_set_search (SalesCustomerList *self,
                                const char        *search)
{
  gboolean was_filtered;

  g_return_if_fail (SALES_IS_CUSTOMER_LIST (self));

  was_filtered = sales_customer_list_is_filtered (self);
  if (set_filter_string (self, &self->search, search, properties[PROP_SEARCH]))
    filter_changed (self, was_filtered);
}

int
sales_customer_list_get_tier (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), SALES_CUSTOMER_LIST_ANY_TIER);

  return self->tier;
}

/**
 * sales_customer_list_set_tier:
 * @tier: a #SalesTier, or %SALES_CUSTOMER_LIST_ANY_TIER
 */
void
sales_customer_list_set_tier (SalesCustomerList *self,
                              int                tier)
{
  gboolean was_filtered;

  g_return_if_fail (SALES_IS_CUSTOMER_LIST (self));
  g_return_if_fail (tier >= SALES_CUSTOMER_LIST_ANY_TIER && tier <= SALES_TIER_C);

  if (self->tier == tier)
    return;

  was_filtered = sales_customer_list_is_filtered (self);
  self->tier = tier;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
  filter_changed (self, was_filtered);
}

gint64
sales_customer_list_get_owner_id (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), 0);

  return self->owner_id;
}

/**
 * sales_customer_list_set_owner_id:
 * @owner_id: a rep's id, %SALES_CUSTOMER_LIST_PUBLIC_POOL for customers without an
 *   owner, or 0 for any owner
 */
void
sales_customer_list_set_owner_id (SalesCustomerList *self,
                                  gint64             owner_id)
{
  gboolean was_filtered;

  g_return_if_fail (SALES_IS_CUSTOMER_LIST (self));
  g_return_if_fail (owner_id >= SALES_CUSTOMER_LIST_PUBLIC_POOL);

  if (self->owner_id == owner_id)
    return;

  was_filtered = sales_customer_list_is_filtered (self);
  self->owner_id = owner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
  filter_changed (self, was_filtered);
}

const char *
sales_customer_list_get_industry (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), NULL);

  return self->industry;
}

void
sales_customer_list_set_industry (SalesCustomerList *self,
                                  const char        *industry)
{
  gboolean was_filtered;

  g_return_if_fail (SALES_IS_CUSTOMER_LIST (self));

  was_filtered = sales_customer_list_is_filtered (self);
  if (set_filter_string (self, &self->industry, industry, properties[PROP_INDUSTRY]))
    filter_changed (self, was_filtered);
}

const char *
sales_customer_list_get_source (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), NULL);

  return self->source;
}

void
sales_customer_list_set_source (SalesCustomerList *self,
                                const char        *source)
{
  gboolean was_filtered;

  g_return_if_fail (SALES_IS_CUSTOMER_LIST (self));

  was_filtered = sales_customer_list_is_filtered (self);
  if (set_filter_string (self, &self->source, source, properties[PROP_SOURCE]))
    filter_changed (self, was_filtered);
}

gint64
sales_customer_list_get_tag_id (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), 0);

  return self->tag_id;
}

void
sales_customer_list_set_tag_id (SalesCustomerList *self,
                                gint64             tag_id)
{
  gboolean was_filtered;

  g_return_if_fail (SALES_IS_CUSTOMER_LIST (self));
  g_return_if_fail (tag_id >= 0);

  if (self->tag_id == tag_id)
    return;

  was_filtered = sales_customer_list_is_filtered (self);
  self->tag_id = tag_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_ID]);
  filter_changed (self, was_filtered);
}

/**
 * sales_customer_list_is_filtered:
 *
 * Returns: whether a search or a filter leaves customers out, so that an empty list
 *   means "no results" rather than "no customers"
 */
gboolean
sales_customer_list_is_filtered (SalesCustomerList *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), FALSE);

  return self->search != NULL || self->tier != SALES_CUSTOMER_LIST_ANY_TIER ||
         self->owner_id != 0 || self->industry != NULL || self->source != NULL ||
         self->tag_id != 0;
}

/**
 * sales_customer_list_clear_filters:
 *
 * Drops the search and every filter, running the query once.
 */
void
sales_customer_list_clear_filters (SalesCustomerList *self)
{
  gboolean was_filtered;

  g_return_if_fail (SALES_IS_CUSTOMER_LIST (self));

  was_filtered = sales_customer_list_is_filtered (self);
  if (!was_filtered)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  set_filter_string (self, &self->search, NULL, properties[PROP_SEARCH]);
  set_filter_string (self, &self->industry, NULL, properties[PROP_INDUSTRY]);
  set_filter_string (self, &self->source, NULL, properties[PROP_SOURCE]);
  if (self->tier != SALES_CUSTOMER_LIST_ANY_TIER)
    {
      self->tier = SALES_CUSTOMER_LIST_ANY_TIER;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
    }
  if (self->owner_id != 0)
    {
      self->owner_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
    }
  if (self->tag_id != 0)
    {
      self->tag_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_ID]);
    }
  filter_changed (self, was_filtered);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * sales_customer_list_get_customer_id:
 *
 * Returns: the id of the customer at @position, without loading it; 0 past the end
 */
gint64
sales_customer_list_get_customer_id (SalesCustomerList *self,
                                     guint              position)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * sales_customer_list_find:
 * @position: (out) (optional): where the customer is
 *
 * Returns: whether the customer @customer_id is in the list
 */
gboolean
sales_customer_list_find (SalesCustomerList *self,
                          gint64             customer_id,
                          guint             *position)
{
  const gint64 *ids;

  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), FALSE);

  ids = (const gint64 *)(gpointer)self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    {
      if (ids[i] == customer_id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sales_customer_list_get_stats:
 *
 * What the customer's follow-ups and open deals add up to, for its row. The list keeps
 * the object current while anyone holds it; there is one per customer.
 *
 * Returns: (transfer full): the sums of the customer @customer_id
 */
SalesCustomerStats *
sales_customer_list_get_stats (SalesCustomerList *self,
                               gint64             customer_id)
{
  SalesCustomerStats *stats;

  g_return_val_if_fail (SALES_IS_CUSTOMER_LIST (self), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  stats = g_hash_table_lookup (self->stats, &customer_id);
  if (stats != NULL)
    return g_object_ref (stats);

  stats = sales_customer_stats_new (customer_id);
  sales_customer_list_load_stats (self, stats);
  g_hash_table_insert (self->stats, g_memdup2 (&customer_id, sizeof customer_id), stats);
  g_object_weak_ref (G_OBJECT (stats), sales_customer_list_stats_disposed, self);

  return stats;
}
