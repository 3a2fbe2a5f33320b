/* sales-deal-list.c: the deals of one stage, as a list model backed by a query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-deal-list.h"
#include "sales-store-private.h"

struct _SalesDealList
{
  GObject          parent_instance;

  SalesStore      *store;
  SalesStage      *stage;
  SalesDealFilter *filter;
  guint            limit;

  GArray          *ids;
  guint            n_deals;
  gint64           total_cents;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SalesDealList, sales_deal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAGE,
  PROP_FILTER,
  PROP_LIMIT,
  PROP_N_DEALS,
  PROP_TOTAL_CENTS,
  PROP_WEIGHTED_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
sales_deal_list_get_item_type (GListModel *model)
{
  return SALES_TYPE_DEAL;
}

static guint
sales_deal_list_get_n_items (GListModel *model)
{
  return SALES_DEAL_LIST (model)->ids->len;
}

static gpointer
sales_deal_list_get_item (GListModel *model,
                          guint       position)
{
  SalesDealList *self = SALES_DEAL_LIST (model);
  g_autoptr(GError) error = NULL;
  SalesDeal *deal;

  if (position >= self->ids->len)
    return NULL;

  deal = sales_store_get_deal (self->store, g_array_index (self->ids, gint64, position), &error);
  if (deal == NULL)
    g_warning ("Cannot read a deal of the board: %s", error->message);

  return deal;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sales_deal_list_get_item_type;
  iface->get_n_items = sales_deal_list_get_n_items;
  iface->get_item = sales_deal_list_get_item;
}

static void
reload (SalesDealList *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pattern = NULL;
  sqlite3 *db = sales_db_get_handle (sales_store_get_db (self->store));
  gint64 stage_id = sales_record_get_id (SALES_RECORD (self->stage));
  gboolean closed = sales_stage_is_closed (self->stage);
  sqlite3_stmt *stmt = NULL;
  guint prefix = 0, suffix = 0;
  guint n_deals;
  gint64 total;
  int rc;

  where = self->filter != NULL
          ? sales_deal_filter_to_sql (self->filter, sales_store_now (self->store))
          : g_strdup ("");
  pattern = self->filter != NULL ? sales_deal_filter_get_like_pattern (self->filter) : NULL;

  sql = g_strdup_printf ("SELECT d.id FROM deal AS d WHERE d.stage_id = @stage%s ORDER BY %s",
                         where, closed ? "d.closed_at DESC, d.id DESC" : "d.position, d.id");
  if (closed && self->limit > 0)
    {
      g_autofree char *limited = g_strdup_printf ("%s LIMIT %u", sql, self->limit);

      g_free (sql);
      sql = g_steal_pointer (&limited);
    }

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "@stage"), stage_id);
      if (pattern != NULL)
        sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "@search"), pattern, -1,
                           SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (sales_store_get_db (self->store), rc, &error);
      g_warning ("Cannot list the deals of a stage: %s", error->message);
      return;
    }

  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*), coalesce (sum (d.amount_cents), 0) FROM deal AS d "
                         "WHERE d.stage_id = @stage%s", where);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  n_deals = 0;
  total = 0;
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "@stage"), stage_id);
      if (pattern != NULL)
        sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "@search"), pattern, -1,
                           SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          n_deals = (guint)sqlite3_column_int64 (stmt, 0);
          total = sqlite3_column_int64 (stmt, 1);
        }
    }
  sqlite3_finalize (stmt);

  while (prefix < ids->len && prefix < self->ids->len &&
         g_array_index (ids, gint64, prefix) == g_array_index (self->ids, gint64, prefix))
    prefix++;
  while (suffix < ids->len - prefix && suffix < self->ids->len - prefix &&
         g_array_index (ids, gint64, ids->len - 1 - suffix) ==
         g_array_index (self->ids, gint64, self->ids->len - 1 - suffix))
    suffix++;

  old = g_steal_pointer (&self->ids);
  self->ids = g_steal_pointer (&ids);

  if (prefix != old->len || prefix != self->ids->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                                self->ids->len - prefix - suffix);

  if (n_deals != self->n_deals)
    {
      self->n_deals = n_deals;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DEALS]);
    }
  if (total != self->total_cents)
    {
      self->total_cents = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_CENTS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTED_CENTS]);
    }
}

static void
on_store_changed (SalesDealList   *self,
                  SalesRecordKind  kind,
                  gint64           id,
                  SalesChange      change,
                  SalesStore      *store)
{
  reload (self);
}

static void
on_filter_notify (SalesDealList *self)
{
  reload (self);
}

static void
sales_deal_list_dispose (GObject *object)
{
  SalesDealList *self = (SalesDealList *)object;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_notify, self);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (sales_deal_list_parent_class)->dispose (object);
}

static void
sales_deal_list_finalize (GObject *object)
{
  SalesDealList *self = (SalesDealList *)object;

  g_array_unref (self->ids);
  g_clear_object (&self->stage);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_deal_list_parent_class)->finalize (object);
}

static void
sales_deal_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalesDealList *self = SALES_DEAL_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;

    case PROP_N_DEALS:
      g_value_set_uint (value, sales_deal_list_get_n_deals (self));
      break;

    case PROP_TOTAL_CENTS:
      g_value_set_int64 (value, sales_deal_list_get_total_cents (self));
      break;

    case PROP_WEIGHTED_CENTS:
      g_value_set_int64 (value, sales_deal_list_get_weighted_cents (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SalesDealList *self = SALES_DEAL_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_STAGE:
      self->stage = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      sales_deal_list_set_filter (self, g_value_get_object (value));
      break;

    case PROP_LIMIT:
      sales_deal_list_set_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_list_constructed (GObject *object)
{
  SalesDealList *self = (SalesDealList *)object;

  G_OBJECT_CLASS (sales_deal_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed::deal", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
sales_deal_list_class_init (SalesDealListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sales_deal_list_constructed;
  object_class->dispose = sales_deal_list_dispose;
  object_class->finalize = sales_deal_list_finalize;
  object_class->get_property = sales_deal_list_get_property;
  object_class->set_property = sales_deal_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         SALES_TYPE_STAGE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         SALES_TYPE_DEAL_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL,
                       0, G_MAXUINT, SALES_DEAL_LIST_DEFAULT_CLOSED_LIMIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_DEALS] =
    g_param_spec_uint ("n-deals", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL_CENTS] =
    g_param_spec_int64 ("total-cents", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WEIGHTED_CENTS] =
    g_param_spec_int64 ("weighted-cents", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_deal_list_init (SalesDealList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->limit = SALES_DEAL_LIST_DEFAULT_CLOSED_LIMIT;
}

/**
 * sales_deal_list_new:
 * @filter: (nullable): which deals to keep; %NULL for all
 *
 * Returns: (transfer full): the deals of @stage, kept up to date
 */
SalesDealList *
sales_deal_list_new (SalesStore      *store,
                     SalesStage      *stage,
                     SalesDealFilter *filter)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_STAGE (stage), NULL);
  g_return_val_if_fail (filter == NULL || SALES_IS_DEAL_FILTER (filter), NULL);

  return g_object_new (SALES_TYPE_DEAL_LIST,
                       "store", store,
                       "stage", stage,
                       "filter", filter,
                       NULL);
}

SalesStore *
sales_deal_list_get_store (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), NULL);

  return self->store;
}

SalesStage *
sales_deal_list_get_stage (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), NULL);

  return self->stage;
}

SalesDealFilter *
sales_deal_list_get_filter (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), NULL);

  return self->filter;
}

void
sales_deal_list_set_filter (SalesDealList   *self,
                            SalesDealFilter *filter)
{
  g_return_if_fail (SALES_IS_DEAL_LIST (self));
  g_return_if_fail (filter == NULL || SALES_IS_DEAL_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_notify, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "notify", G_CALLBACK (on_filter_notify), self);

  /* During construction the store is not there yet: constructed() loads. */
  if (self->store != NULL && self->stage != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

guint
sales_deal_list_get_limit (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  return self->limit;
}

void
sales_deal_list_set_limit (SalesDealList *self,
                           guint          limit)
{
  g_return_if_fail (SALES_IS_DEAL_LIST (self));

  if (self->limit == limit)
    return;

  self->limit = limit;
  if (self->store != NULL && self->stage != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

guint
sales_deal_list_get_n_deals (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  return self->n_deals;
}

gint64
sales_deal_list_get_total_cents (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  return self->total_cents;
}

gint64
sales_deal_list_get_weighted_cents (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  return (self->total_cents * sales_stage_get_probability (self->stage) + 50) / 100;
}

gint64
sales_deal_list_get_deal_id (SalesDealList *self,
                             guint          position)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

gboolean
sales_deal_list_find (SalesDealList *self,
                      gint64         deal_id,
                      guint         *position)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), FALSE);

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == deal_id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}
