/* sales-receivables.c: the instalments overdue and soon due, as a list model
 *
 * What a business chases any morning: every instalment with money still
 * outstanding that is overdue, or due from today to a number of days
 * ahead, with the customer and the rep who owns it, grouped by rep and
 * then customer, the oldest first. The Receivables page looks 30 days
 * ahead with the overdue ones; reminders look K days ahead without them.
 *
 * The list is short (what is still owed, not every instalment ever), so
 * any change to contracts, plans, payments, customers or reps reads it
 * again whole. Today is the store's clock in local time; a view calls
 * sales_receivables_refresh() when the day changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-collections.h"
#include "sales-receivables.h"

struct _SalesReceivables
{
  GObject     parent_instance;

  SalesStore *store;
  guint       days_ahead;
  gboolean    include_overdue;
  gint64      owner_id;
  gint64      customer_id;

  GPtrArray  *items;
  gint64      outstanding_cents;
  gint64      overdue_cents;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SalesReceivables, sales_receivables, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_DAYS_AHEAD,
  PROP_INCLUDE_OVERDUE,
  PROP_OWNER_ID,
  PROP_CUSTOMER_ID,
  PROP_OUTSTANDING_CENTS,
  PROP_OVERDUE_CENTS,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
sales_receivables_get_item_type (GListModel *model)
{
  return SALES_TYPE_RECEIVABLE;
}

static guint
sales_receivables_get_n_items (GListModel *model)
{
  return SALES_RECEIVABLES (model)->items->len;
}

static gpointer
sales_receivables_get_item (GListModel *model,
                            guint       position)
{
  SalesReceivables *self = SALES_RECEIVABLES (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sales_receivables_get_item_type;
  iface->get_n_items = sales_receivables_get_n_items;
  iface->get_item = sales_receivables_get_item;
}

static GPtrArray *
read_items (SalesReceivables  *self,
            const char        *today,
            GError           **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  SalesDb *db = sales_store_get_db (self->store);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (db,
                           SALES_INSTALMENTS_WITH
                           "SELECT i.id, i.contract_id, i.due_on, i.amount_cents, i.paid_cents,"
                           "       c.number, cu.id, cu.name, coalesce (cu.owner_id, 0), r.name "
                           "FROM instalment i "
                           "JOIN contract c ON c.id = i.contract_id "
                           "JOIN customer cu ON cu.id = c.customer_id "
                           "LEFT JOIN rep r ON r.id = cu.owner_id "
                           "WHERE i.paid_cents < i.amount_cents "
                           "AND i.due_on <= date (?1, '+' || ?2 || ' days') "
                           "AND (?3 OR i.due_on >= ?1) "
                           "AND (?4 = 0 OR cu.owner_id = ?4) "
                           "AND (?5 = 0 OR cu.id = ?5) "
                           /* The customers nobody owns (the public pool) come last. */
                           "ORDER BY r.name IS NULL, r.name, cu.owner_id, cu.name, cu.id, "
                           "         i.due_on, i.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)self->days_ahead);
  sqlite3_bind_int (stmt, 3, self->include_overdue);
  sqlite3_bind_int64 (stmt, 4, self->owner_id);
  sqlite3_bind_int64 (stmt, 5, self->customer_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesInstalment instalment = { 0 };

      instalment.id = sqlite3_column_int64 (stmt, 0);
      instalment.contract_id = sqlite3_column_int64 (stmt, 1);
      g_strlcpy (instalment.due_on, (const char *)sqlite3_column_text (stmt, 2),
                 sizeof instalment.due_on);
      instalment.amount_cents = sqlite3_column_int64 (stmt, 3);
      instalment.paid_cents = sqlite3_column_int64 (stmt, 4);
      sales_instalment_fill (&instalment, today);

      g_ptr_array_add (items,
                       sales_receivable_new (&instalment,
                                             (const char *)sqlite3_column_text (stmt, 5),
                                             sqlite3_column_int64 (stmt, 6),
                                             (const char *)sqlite3_column_text (stmt, 7),
                                             sqlite3_column_int64 (stmt, 8),
                                             (const char *)sqlite3_column_text (stmt, 9)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

static void
set_sums (SalesReceivables *self,
          gint64            outstanding_cents,
          gint64            overdue_cents)
{
  if (self->outstanding_cents != outstanding_cents)
    {
      self->outstanding_cents = outstanding_cents;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTSTANDING_CENTS]);
    }

  if (self->overdue_cents != overdue_cents)
    {
      self->overdue_cents = overdue_cents;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_CENTS]);
    }
}

/**
 * sales_receivables_refresh:
 *
 * Reads the list again against the store's clock. Every row is reported
 * changed: a new day changes the days overdue of each.
 */
void
sales_receivables_refresh (SalesReceivables *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autofree char *today = NULL;
  gint64 outstanding = 0;
  gint64 overdue = 0;

  g_return_if_fail (SALES_IS_RECEIVABLES (self));

  today = sales_local_date (sales_store_now (self->store));
  items = read_items (self, today, &error);
  if (items == NULL)
    {
      g_warning ("Cannot read the receivables: %s", error->message);
      items = g_ptr_array_new_with_free_func (g_object_unref);
    }

  for (guint i = 0; i < items->len; i++)
    {
      SalesReceivable *item = g_ptr_array_index (items, i);
      gint64 left = sales_receivable_get_outstanding_cents (item);

      outstanding += left;
      if (sales_receivable_get_instalment (item)->state == SALES_INSTALMENT_OVERDUE)
        overdue += left;
    }

  old = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&items);

  g_object_freeze_notify (G_OBJECT (self));
  set_sums (self, outstanding, overdue);
  if (old->len > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);
  if (old->len != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_store_changed (SalesReceivables *self,
                  SalesRecordKind   kind,
                  gint64            id,
                  SalesChange       change,
                  SalesStore       *store)
{
  g_assert (SALES_IS_RECEIVABLES (self));

  /* Deals and follow-ups do not change what is owed. */
  if (kind == SALES_RECORD_CONTRACT || kind == SALES_RECORD_PAYMENT_PLAN ||
      kind == SALES_RECORD_PAYMENT || kind == SALES_RECORD_CUSTOMER || kind == SALES_RECORD_REP)
    sales_receivables_refresh (self);
}

static void
on_store_reset (SalesReceivables *self,
                SalesStore       *store)
{
  g_assert (SALES_IS_RECEIVABLES (self));

  sales_receivables_refresh (self);
}

static void
sales_receivables_constructed (GObject *object)
{
  SalesReceivables *self = (SalesReceivables *)object;

  G_OBJECT_CLASS (sales_receivables_parent_class)->constructed (object);

  g_assert (SALES_IS_STORE (self->store));

  /* An action touches several rows: the list is read again once per row,
   * which is cheap for a list of what is still owed. */
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (on_store_reset), self,
                           G_CONNECT_SWAPPED);

  sales_receivables_refresh (self);
}

static void
sales_receivables_finalize (GObject *object)
{
  SalesReceivables *self = (SalesReceivables *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_receivables_parent_class)->finalize (object);
}

static void
sales_receivables_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SalesReceivables *self = SALES_RECEIVABLES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DAYS_AHEAD:
      g_value_set_uint (value, self->days_ahead);
      break;

    case PROP_INCLUDE_OVERDUE:
      g_value_set_boolean (value, self->include_overdue);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_OUTSTANDING_CENTS:
      g_value_set_int64 (value, self->outstanding_cents);
      break;

    case PROP_OVERDUE_CENTS:
      g_value_set_int64 (value, self->overdue_cents);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_receivables_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SalesReceivables *self = SALES_RECEIVABLES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DAYS_AHEAD:
      self->days_ahead = g_value_get_uint (value);
      break;

    case PROP_INCLUDE_OVERDUE:
      self->include_overdue = g_value_get_boolean (value);
      break;

    case PROP_OWNER_ID:
      sales_receivables_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_ID:
      sales_receivables_set_customer_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_receivables_class_init (SalesReceivablesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sales_receivables_constructed;
  object_class->finalize = sales_receivables_finalize;
  object_class->get_property = sales_receivables_get_property;
  object_class->set_property = sales_receivables_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Instalments due from today to this many days ahead are listed. */
  properties[PROP_DAYS_AHEAD] =
    g_param_spec_uint ("days-ahead", NULL, NULL,
                       0, 3660, SALES_RECEIVABLES_DEFAULT_DAYS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INCLUDE_OVERDUE] =
    g_param_spec_boolean ("include-overdue", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Only the customers of this rep; 0 = everyone's. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Only this customer; 0 = every customer. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The sum still to collect of the instalments listed. */
  properties[PROP_OUTSTANDING_CENTS] =
    g_param_spec_int64 ("outstanding-cents", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The part of it that is overdue. */
  properties[PROP_OVERDUE_CENTS] =
    g_param_spec_int64 ("overdue-cents", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_receivables_init (SalesReceivables *self)
{
  self->days_ahead = SALES_RECEIVABLES_DEFAULT_DAYS;
  self->include_overdue = TRUE;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * sales_receivables_new:
 * @days_ahead: list instalments due from today to this many days ahead
 * @include_overdue: list the overdue ones too
 *
 * Returns: (transfer full): a list kept up to date with @store
 */
SalesReceivables *
sales_receivables_new (SalesStore *store,
                       guint       days_ahead,
                       gboolean    include_overdue)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return g_object_new (SALES_TYPE_RECEIVABLES,
                       "store", store,
                       "days-ahead", days_ahead,
                       "include-overdue", include_overdue,
                       NULL);
}

SalesStore *
sales_receivables_get_store (SalesReceivables *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLES (self), NULL);

  return self->store;
}

guint
sales_receivables_get_days_ahead (SalesReceivables *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLES (self), 0);

  return self->days_ahead;
}

gboolean
sales_receivables_get_include_overdue (SalesReceivables *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLES (self), FALSE);

  return self->include_overdue;
}

gint64
sales_receivables_get_owner_id (SalesReceivables *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLES (self), 0);

  return self->owner_id;
}

void
sales_receivables_set_owner_id (SalesReceivables *self,
                                gint64            owner_id)
{
  g_return_if_fail (SALES_IS_RECEIVABLES (self));

  if (self->owner_id == owner_id)
    return;

  self->owner_id = owner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);

  /* Before construction ends there is no store to read from yet. */
  if (self->store != NULL)
    sales_receivables_refresh (self);
}

gint64
sales_receivables_get_customer_id (SalesReceivables *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLES (self), 0);

  return self->customer_id;
}

void
sales_receivables_set_customer_id (SalesReceivables *self,
                                   gint64            customer_id)
{
  g_return_if_fail (SALES_IS_RECEIVABLES (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);

  if (self->store != NULL)
    sales_receivables_refresh (self);
}

gint64
sales_receivables_get_outstanding_cents (SalesReceivables *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLES (self), 0);

  return self->outstanding_cents;
}

gint64
sales_receivables_get_overdue_cents (SalesReceivables *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLES (self), 0);

  return self->overdue_cents;
}
