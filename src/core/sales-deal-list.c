/* sales-deal-list.c: the deals of one stage, as a list model backed by a query
 *
 * A column of the board may hold 100 000 deals, so the list holds their ids
 * only, in board order, and get_item() asks the store for the object: the
 * rows a view shows are the only deals alive. Open stages list every
 * matching deal by (position, id); won and lost stages list the most
 * recently closed ones, by (closed_at, id) descending, up to a limit.
 *
 * The list follows the store's ::changed::deal one deal at a time instead
 * of running its query again: it checks the deal's row against the same
 * WHERE clause, takes its id out of the array or puts it in (finding the
 * place by a binary search over the rows' sort keys, which the store keeps
 * in the same relative order when it renumbers a stage), and tells views
 * about exactly that one item. The count and the totals are kept the same
 * way, from the deal as it is and as it was (sales_store_get_deal_before());
 * they are computed in SQL, in a thread (sales-deal-list-totals.c), only
 * when the whole list loads (at first, with a new filter, on ::reset).
 *
 * Weighted total: total_cents × probability / 100 of the whole column,
 * rounded half up, so it is the figure a person gets from the header's
 * total, not a sum of per-deal roundings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-deal-list-private.h"

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
  PROP_TOTALS_KNOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64 primary;
  gint64 id;
} SortKey;

/* GListModel */

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

/* Statements */

static gboolean
is_windowed (SalesDealList *self)
{
  return self->closed && self->limit > 0;
}

static void
finalize_statements (SalesDealList *self)
{
  g_clear_pointer (&self->select_ids, sqlite3_finalize);
  g_clear_pointer (&self->count_sql, g_free);
  g_clear_pointer (&self->match, sqlite3_finalize);
  g_clear_pointer (&self->match_before, sqlite3_finalize);
  g_clear_pointer (&self->pattern, g_free);
}

static sqlite3_stmt *
prepare_one (SalesDealList *self,
             const char    *sql)
{
  SalesDb *db = sales_store_get_db (self->store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (sales_db_get_handle (db), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt,
                           NULL);
  if (rc != SQLITE_OK)
    {
      g_autoptr(GError) error = NULL;

      sales_db_set_error (db, rc, &error);
      g_critical ("Cannot prepare the query of a board column: %s", error->message);
      return NULL;
    }

  return stmt;
}

/* The statements of the list read the stage and the filter as they are now,
 * and the date the close ranges are judged against. */
static gboolean
prepare (SalesDealList *self)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  const char *owner_index;

  finalize_statements (self);

  self->closed = sales_stage_is_closed (self->stage);
  where = self->filter != NULL
          ? sales_deal_filter_to_sql (self->filter, sales_store_now (self->store))
          : g_strdup ("");
  self->pattern = self->filter != NULL ? sales_deal_filter_get_like_pattern (self->filter) : NULL;

  /* Without statistics SQLite walks (stage_id, position) for everything,
   * which for the few deals of one rep, or the latest of 300 000 won ones,
   * reads far more rows than the index made for the question. */
  owner_index = self->filter != NULL && sales_deal_filter_get_owner_id (self->filter) != 0
                ? " INDEXED BY deal_owner" : "";
  if (is_windowed (self))
    sql = g_strdup_printf ("SELECT d.id FROM deal AS d "
                           "WHERE +d.stage_id = @stage AND d.closed_at IS NOT NULL%s "
                           "ORDER BY d.closed_at DESC, d.id DESC LIMIT @limit",
                           where);
  else
    sql = g_strdup_printf ("SELECT d.id FROM deal AS d%s WHERE d.stage_id = @stage%s "
                           "ORDER BY %s",
                           owner_index, where,
                           self->closed ? "d.closed_at DESC, d.id DESC" : "d.position, d.id");
  self->select_ids = prepare_one (self, sql);
  g_free (sql);

  self->count_sql = g_strdup_printf ("SELECT count (*), coalesce (sum (d.amount_cents), 0) "
                                     "FROM deal AS d%s WHERE d.stage_id = @stage%s",
                                     owner_index, where);

  sql = g_strdup_printf ("SELECT (d.stage_id = @stage%s), d.amount_cents FROM deal AS d "
                         "WHERE d.id = @id",
                         where);
  self->match = prepare_one (self, sql);
  g_free (sql);

  /* The same conditions over a row that no longer is in the table. */
  sql = g_strdup_printf ("SELECT (d.stage_id = @stage%s) "
                         "FROM (SELECT @stage_id AS stage_id, @title AS title, "
                         "@customer_id AS customer_id, @owner_id AS owner_id, "
                         "@expected_close AS expected_close) AS d",
                         where);
  self->match_before = prepare_one (self, sql);

  return self->select_ids != NULL && self->match != NULL && self->match_before != NULL;
}

static void
bind_common (SalesDealList *self,
             sqlite3_stmt  *stmt)
{
  int search = sqlite3_bind_parameter_index (stmt, "@search");

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "@stage"),
                      sales_record_get_id (SALES_RECORD (self->stage)));
  if (search > 0)
    sqlite3_bind_text (stmt, search, self->pattern, -1, SQLITE_STATIC);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   const char   *name,
                   const char   *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  /* A filter that does not look at the column has no parameter for it. */
  if (index > 0 && text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 const char   *name,
                 gint64        id)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0 && id > 0)
    sqlite3_bind_int64 (stmt, index, id);
}

static void
warn_step (SalesDealList *self,
           int            rc)
{
  g_autoptr(GError) error = NULL;

  sales_db_set_error (sales_store_get_db (self->store), rc, &error);
  g_warning ("Cannot read the deals of a board column: %s", error->message);
}

/* Totals; sales-deal-list-totals.c adds them up */

void
sales_deal_list_set_totals (SalesDealList *self,
                            guint          n_deals,
                            gint64         total_cents)
{
  guint old_n = self->n_deals;
  gint64 old_total = self->total_cents;

  self->n_deals = n_deals;
  self->total_cents = total_cents;

  /* A list of all matching deals counts its ids instead; see items_changed(). */
  if (old_n != n_deals && is_windowed (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DEALS]);
  if (old_total != total_cents)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_CENTS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTED_CENTS]);
    }
}

void
sales_deal_list_set_totals_known (SalesDealList *self,
                                  gboolean       known)
{
  if (self->totals_known == known)
    return;

  self->totals_known = known;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTALS_KNOWN]);
}

/* The ids */

static void
items_changed (SalesDealList *self,
               guint          position,
               guint          removed,
               guint          added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added && !is_windowed (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DEALS]);
}

static GArray *
query_ids (SalesDealList *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (self->select_ids == NULL)
    return NULL;

  bind_common (self, self->select_ids);
  if (is_windowed (self))
    sqlite3_bind_int64 (self->select_ids,
                        sqlite3_bind_parameter_index (self->select_ids, "@limit"), self->limit);
  while ((rc = sqlite3_step (self->select_ids)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (self->select_ids, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (self->select_ids);

  if (rc != SQLITE_DONE)
    {
      warn_step (self, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Replaces the ids, telling views about the one span that differs. */
static void
replace_ids (SalesDealList *self,
             GArray        *ids)
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
    items_changed (self, prefix, old->len - prefix - suffix, ids->len - prefix - suffix);
}

static void
reload (SalesDealList *self)
{
  g_autoptr(GArray) ids = query_ids (self);

  if (ids != NULL)
    replace_ids (self, ids);
  sales_deal_list_refresh_totals (self);
}

static void
rebuild (SalesDealList *self)
{
  if (!prepare (self))
    return;
  reload (self);
}

static gboolean
read_sort_key (SalesDealList *self,
               gint64         id,
               SortKey       *key)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (sales_store_get_db (self->store),
                           "SELECT position, coalesce (closed_at, 0) FROM deal WHERE id = ?1",
                           &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the place of a deal: %s", error->message);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      key->primary = sqlite3_column_int64 (stmt, self->closed ? 1 : 0);
      key->id = id;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    warn_step (self, rc);

  return rc == SQLITE_ROW;
}

/* < 0 when @a comes before @b in the column. */
static int
compare_keys (SalesDealList *self,
              const SortKey *a,
              const SortKey *b)
{
  int order = a->primary != b->primary ? (a->primary < b->primary ? -1 : 1)
                                       : (a->id < b->id ? -1 : a->id > b->id);

  return self->closed ? -order : order;
}

/* Where @key goes among the ids; FALSE when a row has gone meanwhile. */
static gboolean
find_index (SalesDealList *self,
            const SortKey *key,
            guint         *index)
{
  guint lo = 0, hi = self->ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      SortKey other;

      if (!read_sort_key (self, g_array_index (self->ids, gint64, mid), &other))
        return FALSE;

      if (compare_keys (self, &other, key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  *index = lo;
  return TRUE;
}

/* TRUE when the deal at @index still sits between its neighbours. */
static gboolean
is_in_place (SalesDealList *self,
             guint          index,
             const SortKey *key)
{
  SortKey other;

  if (index > 0 &&
      (!read_sort_key (self, g_array_index (self->ids, gint64, index - 1), &other) ||
       compare_keys (self, &other, key) > 0))
    return FALSE;

  if (index + 1 < self->ids->len &&
      (!read_sort_key (self, g_array_index (self->ids, gint64, index + 1), &other) ||
       compare_keys (self, key, &other) > 0))
    return FALSE;

  return TRUE;
}

/* Following the store */

/* Whether the deal matches now, and its amount. */
static gboolean
match_now (SalesDealList *self,
           gint64         id,
           gint64        *amount_cents)
{
  gboolean matches = FALSE;
  int rc;

  bind_common (self, self->match);
  sqlite3_bind_int64 (self->match, sqlite3_bind_parameter_index (self->match, "@id"), id);
  rc = sqlite3_step (self->match);
  if (rc == SQLITE_ROW)
    {
      matches = sqlite3_column_int (self->match, 0) != 0;
      *amount_cents = sqlite3_column_int64 (self->match, 1);
    }
  sqlite3_reset (self->match);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    warn_step (self, rc);

  return matches;
}

static gboolean
matched_before (SalesDealList *self,
                SalesDeal     *before)
{
  sqlite3_stmt *stmt = self->match_before;
  gboolean matches = FALSE;
  int rc;

  bind_common (self, stmt);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "@stage_id"),
                      sales_deal_get_stage_id (before));
  bind_text_or_null (stmt, "@title", sales_deal_get_title (before));
  bind_text_or_null (stmt, "@expected_close", sales_deal_get_expected_close (before));
  bind_id_or_null (stmt, "@customer_id", sales_deal_get_customer_id (before));
  bind_id_or_null (stmt, "@owner_id", sales_deal_get_owner_id (before));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    matches = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    warn_step (self, rc);

  return matches;
}

static void
remove_at (SalesDealList *self,
           guint          index)
{
  g_array_remove_index (self->ids, index);
  items_changed (self, index, 1, 0);
}

/* FALSE when the list has to reload instead. */
static gboolean
insert (SalesDealList *self,
        gint64         id)
{
  SortKey key;
  guint index;

  if (!read_sort_key (self, id, &key) || !find_index (self, &key, &index))
    return FALSE;

  g_array_insert_val (self->ids, index, id);
  items_changed (self, index, 0, 1);
  return TRUE;
}

static void
update_all_ids (SalesDealList *self,
                gint64         id,
                SalesChange    change,
                SalesDeal     *before)
{
  gint64 amount_cents = 0;
  gboolean matches = change != SALES_CHANGE_DELETED && match_now (self, id, &amount_cents);
  guint index;
  SortKey key;

  if (!sales_deal_list_find (self, id, &index))
    {
      if (matches)
        {
          if (!insert (self, id))
            {
              reload (self);
              return;
            }
          sales_deal_list_add_to_totals (self, 1, amount_cents);
        }
      return;
    }

  if (!matches)
    {
      remove_at (self, index);
      if (before != NULL)
        sales_deal_list_add_to_totals (self, -1, -sales_deal_get_amount_cents (before));
      else
        sales_deal_list_refresh_totals (self);
      return;
    }

  if (!read_sort_key (self, id, &key))
    {
      reload (self);
      return;
    }

  if (!is_in_place (self, index, &key))
    {
      remove_at (self, index);
      if (!insert (self, id))
        {
          reload (self);
          return;
        }
    }

  if (before != NULL)
    sales_deal_list_add_to_totals (self, 0, amount_cents - sales_deal_get_amount_cents (before));
  else
    sales_deal_list_refresh_totals (self);
}

static void
update_window (SalesDealList *self,
               gint64         id,
               SalesChange    change,
               SalesDeal     *before)
{
  gint64 amount_cents = 0;
  gboolean matches = change != SALES_CHANGE_DELETED && match_now (self, id, &amount_cents);
  gboolean matched = before != NULL && matched_before (self, before);
  g_autoptr(GArray) ids = NULL;

  if (!matches && !matched && !sales_deal_list_find (self, id, NULL))
    {
      /* Without the old row, the totals may have counted the deal. */
      if (before == NULL && change != SALES_CHANGE_INSERTED)
        sales_deal_list_refresh_totals (self);
      return;
    }

  ids = query_ids (self);
  if (ids != NULL)
    {
      guint index;

      /* The deal leaves its old place and takes its new one, and only then
       * may a deal drop out of the window or come into it at the end. */
      if (sales_deal_list_find (self, id, &index))
        remove_at (self, index);
      for (guint i = 0; i < ids->len; i++)
        {
          if (g_array_index (ids, gint64, i) == id)
            {
              index = MIN (i, self->ids->len);
              g_array_insert_val (self->ids, index, id);
              items_changed (self, index, 0, 1);
              break;
            }
        }
      replace_ids (self, ids);
    }

  if (before == NULL && change != SALES_CHANGE_INSERTED)
    sales_deal_list_refresh_totals (self);
  else
    sales_deal_list_add_to_totals (self, (matches ? 1 : 0) - (matched ? 1 : 0),
                   (matches ? amount_cents : 0) -
                   (matched ? sales_deal_get_amount_cents (before) : 0));
}

static void
on_deal_changed (SalesDealList   *self,
                 SalesRecordKind  kind,
                 gint64           id,
                 SalesChange      change,
                 SalesStore      *store)
{
  SalesDeal *before = sales_store_get_deal_before (store, id);

  if (self->match == NULL)
    return;

  if (is_windowed (self))
    update_window (self, id, change, before);
  else
    update_all_ids (self, id, change, before);
}

/* A renamed customer may now match the search, or no longer. */
static void
on_customer_changed (SalesDealList   *self,
                     SalesRecordKind  kind,
                     gint64           id,
                     SalesChange      change,
                     SalesStore      *store)
{
  if (self->pattern != NULL && change == SALES_CHANGE_UPDATED)
    reload (self);
}

static void
on_stage_notify (SalesDealList *self,
                 GParamSpec    *pspec,
                 SalesStage    *stage)
{
  if (g_strcmp0 (pspec->name, "probability") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTED_CENTS]);
  else if (g_strcmp0 (pspec->name, "kind") == 0)
    rebuild (self);
}

static void
on_filter_notify (SalesDealList *self)
{
  rebuild (self);
}

/* GObject */

static void
sales_deal_list_dispose (GObject *object)
{
  SalesDealList *self = (SalesDealList *)object;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_notify, self);
  g_clear_object (&self->filter);
  sales_deal_list_stop_totals (self);

  G_OBJECT_CLASS (sales_deal_list_parent_class)->dispose (object);
}

static void
sales_deal_list_finalize (GObject *object)
{
  SalesDealList *self = (SalesDealList *)object;

  finalize_statements (self);
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

    case PROP_TOTALS_KNOWN:
      g_value_set_boolean (value, self->totals_known);
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

  g_assert (SALES_IS_STORE (self->store));
  g_assert (SALES_IS_STAGE (self->stage));

  g_signal_connect_object (self->store, "changed::deal", G_CALLBACK (on_deal_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::customer", G_CALLBACK (on_customer_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage, "notify", G_CALLBACK (on_stage_notify), self,
                           G_CONNECT_SWAPPED);

  rebuild (self);
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

  /* NULL for every deal of the stage. */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         SALES_TYPE_DEAL_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* How many closed deals a won or lost stage lists; 0 for all. Open
   * stages list all their deals. */
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL,
                       0, G_MAXUINT, SALES_DEAL_LIST_DEFAULT_CLOSED_LIMIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Every matching deal, also those a limit leaves out of the list. */
  properties[PROP_N_DEALS] =
    g_param_spec_uint ("n-deals", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL_CENTS] =
    g_param_spec_int64 ("total-cents", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WEIGHTED_CENTS] =
    g_param_spec_int64 ("weighted-cents", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTALS_KNOWN] =
    g_param_spec_boolean ("totals-known", NULL, NULL,
                          FALSE,
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
 * @stage: a canonical stage of @store
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

/**
 * sales_deal_list_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter
 */
SalesDealFilter *
sales_deal_list_get_filter (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), NULL);

  return self->filter;
}

/**
 * sales_deal_list_set_filter:
 * @filter: (nullable): which deals to keep; %NULL for all
 *
 * The list follows the filter's changes; several lists may share one.
 */
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

  /* During construction, constructed() loads. */
  if (self->stage != NULL)
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

guint
sales_deal_list_get_limit (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  return self->limit;
}

/**
 * sales_deal_list_set_limit:
 * @limit: how many of the most recently closed deals a won or lost stage
 *   lists; 0 for all
 */
void
sales_deal_list_set_limit (SalesDealList *self,
                           guint          limit)
{
  g_return_if_fail (SALES_IS_DEAL_LIST (self));

  if (self->limit == limit)
    return;

  self->limit = limit;
  if (self->stage != NULL)
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

/**
 * sales_deal_list_get_n_deals:
 *
 * Returns: how many deals match, also those a limit leaves out
 */
guint
sales_deal_list_get_n_deals (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  if (!is_windowed (self))
    return self->ids->len;

  return self->n_deals;
}

/**
 * sales_deal_list_get_total_cents:
 *
 * Returns: the sum of the amounts of the matching deals; see
 *   sales_deal_list_get_totals_known()
 */
gint64
sales_deal_list_get_total_cents (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  return self->total_cents;
}

/**
 * sales_deal_list_get_weighted_cents:
 *
 * Returns: the total times the stage's probability, rounded half up
 */
gint64
sales_deal_list_get_weighted_cents (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  return (self->total_cents * sales_stage_get_probability (self->stage) + 50) / 100;
}

/**
 * sales_deal_list_get_totals_known:
 *
 * The totals, and the count of a won or lost column that lists only the
 * latest deals, are added up in a thread when the list loads or its filter
 * changes; until then they are 0, or what they were before. The list then
 * keeps them up to date as deals change, and notifies them.
 *
 * Returns: whether the totals are those of the deals listed now
 */
gboolean
sales_deal_list_get_totals_known (SalesDealList *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), FALSE);

  return self->totals_known;
}

/**
 * sales_deal_list_get_deal_id:
 *
 * Returns: the id of the deal at @position, without loading it; 0 past the end
 */
gint64
sales_deal_list_get_deal_id (SalesDealList *self,
                             guint          position)
{
  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * sales_deal_list_find:
 * @position: (out) (optional): where the deal is
 *
 * Returns: whether the deal @deal_id is in the list
 */
gboolean
sales_deal_list_find (SalesDealList *self,
                      gint64         deal_id,
                      guint         *position)
{
  const gint64 *ids;

  g_return_val_if_fail (SALES_IS_DEAL_LIST (self), FALSE);

  ids = (const gint64 *)(gpointer)self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    {
      if (ids[i] == deal_id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}
