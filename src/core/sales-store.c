/* sales-store.c: the only writer of the database
 *
 * Every write is one user action in one transaction: validate the draft,
 * BEGIN IMMEDIATE, write, COMMIT, and only then touch the objects handed
 * out (the identity map) and send the signals. A failure rolls back and
 * leaves the database and the objects as they were. What each kind of
 * record adds to that (timestamps, deal stages and positions) is in
 * sales-store-rules.c; undo in sales-store-undo.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-customer-index.h"
#include "sales-enums.h"
#include "sales-record-list.h"
#include "sales-store-private.h"

G_DEFINE_FINAL_TYPE (SalesStore, sales_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB,
  PROP_CAN_UNDO,
  PROP_UNDO_LABEL,
  PROP_CAN_REDO,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  RESET,
  TARGETS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark kind_quarks[SALES_N_RECORD_KINDS];

GType
sales_store_get_record_type (SalesRecordKind kind)
{
  switch (kind)
    {
    case SALES_RECORD_STAGE:
      return SALES_TYPE_STAGE;
    case SALES_RECORD_REP:
      return SALES_TYPE_REP;
    case SALES_RECORD_CUSTOMER:
      return SALES_TYPE_CUSTOMER;
    case SALES_RECORD_CONTACT:
      return SALES_TYPE_CONTACT;
    case SALES_RECORD_DEAL:
      return SALES_TYPE_DEAL;
    case SALES_RECORD_ACTIVITY:
      return SALES_TYPE_ACTIVITY;
    case SALES_RECORD_LOST_REASON:
      return SALES_TYPE_LOST_REASON;
    case SALES_RECORD_CONTRACT:
      return SALES_TYPE_CONTRACT;
    case SALES_RECORD_PAYMENT_PLAN:
      return SALES_TYPE_PAYMENT_PLAN;
    case SALES_RECORD_PAYMENT:
      return SALES_TYPE_PAYMENT;
    default:
      g_assert_not_reached ();
    }
}

static SalesRecordClass *
class_for_kind (SalesRecordKind kind)
{
  /* Referenced for good in class_init. */
  return g_type_class_peek (sales_store_get_record_type (kind));
}

gboolean
sales_store_kind_for_table (const char      *table,
                            SalesRecordKind *kind)
{
  for (guint k = 0; k < SALES_N_RECORD_KINDS; k++)
    {
      if (g_str_equal (sales_record_class_get_table (class_for_kind (k))->name, table))
        {
          *kind = k;
          return TRUE;
        }
    }

  return FALSE;
}

static void
set_not_found (GError          **error,
               SalesRecordKind   kind)
{
  static const char * const messages[] = {
    N_("The stage no longer exists"),
    N_("The rep no longer exists"),
    N_("The customer no longer exists"),
    N_("The contact no longer exists"),
    N_("The deal no longer exists"),
    N_("The follow-up no longer exists"),
    N_("The lost reason no longer exists"),
    N_("The contract no longer exists"),
    N_("The instalment no longer exists"),
    N_("The payment no longer exists"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (messages) == SALES_N_RECORD_KINDS);

  g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND, _(messages[kind]));
}

gboolean
sales_store_step (SalesStore    *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  return TRUE;
}

/* Runs @sql with @a as ?1 and @b as ?2, where the statement has them, and
 * reads one integer. */
gboolean
sales_store_query_int64 (SalesStore  *self,
                         const char  *sql,
                         gint64       a,
                         gint64       b,
                         gint64      *result,
                         GError     **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (self->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return sales_db_set_error (self->db, rc, error);

  return TRUE;
}

/* The identity map */

static gpointer
lookup (SalesStore      *self,
        SalesRecordKind  kind,
        gint64           id)
{
  return g_hash_table_lookup (self->records[kind], &id);
}

static void
record_disposed (gpointer  data,
                 GObject  *where_the_object_was)
{
  SalesStore *self = data;
  SalesRecord *record = (SalesRecord *)where_the_object_was;
  SalesRecordKind kind = sales_record_get_kind (record);
  gint64 id = sales_record_get_id (record);

  if (lookup (self, kind, id) == (gpointer)record)
    g_hash_table_remove (self->records[kind], &id);
}

static void
remember (SalesStore  *self,
          SalesRecord *record)
{
  gint64 id = sales_record_get_id (record);

  g_assert (lookup (self, sales_record_get_kind (record), id) == NULL);

  g_hash_table_insert (self->records[sales_record_get_kind (record)],
                       g_memdup2 (&id, sizeof id), record);
  g_object_weak_ref (G_OBJECT (record), record_disposed, self);
}

static void
forget (SalesStore      *self,
        SalesRecordKind  kind,
        gint64           id)
{
  SalesRecord *record = lookup (self, kind, id);

  if (record != NULL)
    {
      g_object_weak_unref (G_OBJECT (record), record_disposed, self);
      g_hash_table_remove (self->records[kind], &id);
    }
}

/* A detached copy of the row as the database has it, or NULL. */
SalesRecord *
sales_store_read_row (SalesStore       *self,
                      SalesRecordKind   kind,
                      gint64            id,
                      GError          **error)
{
  const char *sql = sales_record_class_get_sql (class_for_kind (kind),
                                                SALES_RECORD_SQL_SELECT_BY_ID);
  SalesRecord *record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record = g_object_new (sales_store_get_record_type (kind), NULL);
      sales_record_load (record, stmt);
    }
  else if (rc == SQLITE_DONE)
    set_not_found (error, kind);
  else
    sales_db_set_error (self->db, rc, error);
  sqlite3_reset (stmt);

  return record;
}

/**
 * sales_store_get_record_from_row:
 * @stmt: positioned on a row of SALES_RECORD_SQL_SELECT of @kind
 *
 * Returns: (transfer full): the canonical object of the row
 */
gpointer
sales_store_get_record_from_row (SalesStore      *self,
                                 SalesRecordKind  kind,
                                 sqlite3_stmt    *stmt)
{
  SalesRecord *record = lookup (self, kind, sqlite3_column_int64 (stmt, 0));

  /* The store writes every change into the canonical object: it is current. */
  if (record != NULL)
    return g_object_ref (record);

  record = g_object_new (sales_store_get_record_type (kind), NULL);
  sales_record_load (record, stmt);
  remember (self, record);

  return record;
}

/* Returns FALSE when the row is gone. */
static gboolean
refresh (SalesStore  *self,
         SalesRecord *record)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db, sales_record_get_sql (record, SALES_RECORD_SQL_SELECT_BY_ID),
                           &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot refresh a %s: %s", sales_record_get_table_name (record), error->message);
      return TRUE;
    }

  sqlite3_bind_int64 (stmt, 1, sales_record_get_id (record));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sales_record_load (record, stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sales_db_set_error (self->db, rc, &error);
      g_warning ("Cannot refresh a %s: %s", sales_record_get_table_name (record), error->message);
      return TRUE;
    }

  return rc == SQLITE_ROW;
}

static void
refresh_loaded (SalesStore      *self,
                SalesRecordKind  kind)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer record;

  /* Notify handlers may drop objects, which changes the map: copy it first. */
  g_hash_table_iter_init (&iter, self->records[kind]);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    g_ptr_array_add (loaded, g_object_ref (record));

  for (guint i = 0; i < loaded->len; i++)
    {
      SalesRecord *r = g_ptr_array_index (loaded, i);

      if (!refresh (self, r))
        forget (self, kind, sales_record_get_id (r));
    }
}

/* After a commit */

/* Takes the three entries; see the fields of SalesStore. */
static void
set_history (SalesStore     *self,
             SalesUndoEntry *undo,
             SalesUndoEntry *redo,
             SalesUndoEntry *undone)
{
  SalesUndoEntry *old[] = { self->undo, self->redo, self->undone };
  gboolean could_undo = self->undo != NULL;
  gboolean could_redo = self->redo != NULL;
  gboolean undo_changed = self->undo != undo;
  gboolean redo_changed = self->redo != redo;

  g_assert ((redo == NULL) == (undone == NULL));

  self->undo = undo;
  self->redo = redo;
  self->undone = undone;

  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      if (old[i] != undo && old[i] != redo && old[i] != undone)
        sales_undo_entry_free (old[i]);
    }

  if (could_undo != (undo != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (undo_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (could_redo != (redo != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (redo_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
set_undo (SalesStore     *self,
          SalesUndoEntry *entry)
{
  set_history (self, entry, NULL, NULL);
}

void
sales_row_change_add (GArray          *changes,
                      SalesRecordKind  kind,
                      gint64           id,
                      SalesChange      change)
{
  SalesRowChange row = { kind, id, change };

  g_array_append_val (changes, row);
}

static void
finish_with_history (SalesStore     *self,
                     GArray         *changes,
                     SalesUndoEntry *undo,
                     SalesUndoEntry *redo,
                     SalesUndoEntry *undone,
                     gboolean        refresh_deals)
{
  /* @undo is the action just done or redone, @undone the one just taken back. */
  gboolean targets = (undo != NULL && sales_undo_entry_touches_table (undo, "target")) ||
                     (undone != NULL && sales_undo_entry_touches_table (undone, "target"));

  set_history (self, undo, redo, undone);

  if (refresh_deals)
    refresh_loaded (self, SALES_RECORD_DEAL);

  for (guint i = 0; i < changes->len; i++)
    {
      const SalesRowChange *change = &g_array_index (changes, SalesRowChange, i);
      SalesRecord *record;

      if (change->change == SALES_CHANGE_DELETED)
        {
          forget (self, change->kind, change->id);
          continue;
        }

      /* A notify handler may drop the last reference while it refreshes. */
      record = lookup (self, change->kind, change->id);
      if (record != NULL)
        {
          g_object_ref (record);
          if (!refresh (self, record))
            forget (self, change->kind, change->id);
          g_object_unref (record);
        }
    }

  if (changes->len > SALES_STORE_MAX_CHANGED_SIGNALS)
    g_signal_emit (self, signals[RESET], 0);
  else
    {
      for (guint i = 0; i < changes->len; i++)
        {
          SalesRowChange change = g_array_index (changes, SalesRowChange, i);

          g_signal_emit (self, signals[CHANGED], kind_quarks[change.kind],
                         change.kind, change.id, change.change);
        }
    }

  if (targets)
    g_signal_emit (self, signals[TARGETS_CHANGED], 0);

  g_hash_table_remove_all (self->deal_before);
}

/* Brings the objects handed out up to date, then tells everyone. @undo
 * replaces the undo entry: any write but a destructive one forgets it,
 * because undo writes its rows back whole; redo goes with it. */
void
sales_store_finish (SalesStore     *self,
                    GArray         *changes,
                    SalesUndoEntry *undo,
                    gboolean        refresh_deals)
{
  finish_with_history (self, changes, undo, NULL, NULL, refresh_deals);
}

/* Ends an undoable action after its commit: what @entry recorded is what
 * changed, and @entry becomes what Undo takes back. */
void
sales_store_finish_entry (SalesStore     *self,
                          SalesUndoEntry *entry,
                          gboolean        refresh_deals)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));

  sales_undo_entry_get_changes (entry, changes);
  sales_store_finish (self, changes, entry, refresh_deals);
}

/* Every write starts here: the before-images of a failed action go. */
gboolean
sales_store_begin (SalesStore  *self,
                   GError     **error)
{
  g_hash_table_remove_all (self->deal_before);

  return sales_db_begin (self->db, error);
}

/* Every write ends here: what is derived from the customers it changed
 * (sales-customer-index.c) changes in the same transaction. On failure the
 * transaction is still open; the caller rolls it back. */
gboolean
sales_store_commit (SalesStore  *self,
                    GError     **error)
{
  return sales_customer_index_flush (self->db, error) &&
         sales_db_commit (self->db, error);
}

/* @old: a detached copy of the deal's row before the action; kept */
void
sales_store_keep_deal_before (SalesStore *self,
                              SalesDeal  *old)
{
  gint64 id = sales_record_get_id (SALES_RECORD (old));

  if (!g_hash_table_contains (self->deal_before, &id))
    g_hash_table_insert (self->deal_before, g_memdup2 (&id, sizeof id), g_object_ref (old));
}

/* Keeps the deals that applying or completing @entry changes, unless there
 * are so many that the views will get a ::reset anyway. */
gboolean
sales_store_save_deals_before (SalesStore      *self,
                               SalesUndoEntry  *entry,
                               GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  sales_undo_entry_get_deal_ids (entry, ids);
  if (ids->len > SALES_STORE_MAX_CHANGED_SIGNALS)
    return TRUE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SalesRecord) old = NULL;
      g_autoptr(GError) local_error = NULL;

      old = sales_store_read_row (self, SALES_RECORD_DEAL, g_array_index (ids, gint64, i),
                                  &local_error);
      if (old != NULL)
        sales_store_keep_deal_before (self, SALES_DEAL (old));
      else if (!g_error_matches (local_error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sales_store_get_deal_before:
 *
 * For the list models of core, while ::changed is emitted: the row of the
 * deal @id as it was before the action, which the list may have counted.
 *
 * Returns: (transfer none) (nullable): the old row; %NULL for a new deal,
 *   or when the store did not keep it
 */
SalesDeal *
sales_store_get_deal_before (SalesStore *self,
                             gint64      id)
{
  return g_hash_table_lookup (self->deal_before, &id);
}

/* Writing rows */

gboolean
sales_store_insert_row (SalesStore   *self,
            SalesRecord  *row,
            GError      **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (self->db,
                                         sales_record_get_sql (row, SALES_RECORD_SQL_INSERT),
                                         error);

  if (stmt == NULL)
    return FALSE;

  sales_record_bind (row, stmt);
  if (!sales_store_step (self, stmt, error))
    return FALSE;

  sales_record_set_id (row, sqlite3_last_insert_rowid (sales_db_get_handle (self->db)));
  return TRUE;
}

gboolean
sales_store_update_row (SalesStore   *self,
                        SalesRecord  *row,
                        GError      **error)
{
  const SalesTable *table = sales_record_class_get_table (SALES_RECORD_GET_CLASS (row));
  sqlite3_stmt *stmt = sales_db_prepare (self->db,
                                         sales_record_get_sql (row, SALES_RECORD_SQL_UPDATE),
                                         error);

  if (stmt == NULL)
    return FALSE;

  sales_record_bind (row, stmt);
  sqlite3_bind_int64 (stmt, (int)table->n_columns + 1, sales_record_get_id (row));
  if (!sales_store_step (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (sales_db_get_handle (self->db)) != 1)
    {
      set_not_found (error, table->kind);
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_row (SalesStore   *self,
            SalesRecord  *row,
            GError      **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (self->db,
                                         sales_record_get_sql (row, SALES_RECORD_SQL_DELETE),
                                         error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sales_record_get_id (row));
  return sales_store_step (self, stmt, error);
}

/* GObject */

static void
sales_store_dispose (GObject *object)
{
  SalesStore *self = (SalesStore *)object;

  for (guint k = 0; k < SALES_N_RECORD_KINDS; k++)
    {
      GHashTableIter iter;
      gpointer record;

      g_hash_table_iter_init (&iter, self->records[k]);
      while (g_hash_table_iter_next (&iter, NULL, &record))
        {
          g_object_weak_unref (record, record_disposed, self);
          g_hash_table_iter_remove (&iter);
        }
    }

  G_OBJECT_CLASS (sales_store_parent_class)->dispose (object);
}

static void
sales_store_finalize (GObject *object)
{
  SalesStore *self = (SalesStore *)object;

  for (guint k = 0; k < SALES_N_RECORD_KINDS; k++)
    g_hash_table_unref (self->records[k]);
  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  g_clear_pointer (&self->undo, sales_undo_entry_free);
  g_clear_pointer (&self->redo, sales_undo_entry_free);
  g_clear_pointer (&self->undone, sales_undo_entry_free);
  g_hash_table_unref (self->deal_before);
  g_clear_pointer (&self->tables, g_hash_table_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sales_store_parent_class)->finalize (object);
}

static void
sales_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SalesStore *self = SALES_STORE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sales_store_can_undo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, sales_store_get_undo_label (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sales_store_can_redo (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, sales_store_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_store_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SalesStore *self = SALES_STORE (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_store_class_init (SalesStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (SALES_TYPE_RECORD_KIND);

  object_class->dispose = sales_store_dispose;
  object_class->finalize = sales_store_finalize;
  object_class->get_property = sales_store_get_property;
  object_class->set_property = sales_store_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         SALES_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What undo would take back, translated, such as "Deleted customer “…”". */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What redo would do again: the label the action had, such as "Moved “…” to …". */
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesStore::changed:
   * @kind: the table
   * @id: the row
   * @change: inserted, updated or deleted
   *
   * Emitted after a commit, once per record the action touched, with the
   * nick of @kind ("deal", "lost-reason"…) as the detail. The objects
   * handed out are already up to date.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, SALES_TYPE_RECORD_KIND, G_TYPE_INT64, SALES_TYPE_CHANGE);

  /**
   * SalesStore::reset:
   *
   * Emitted when too much changed to say what: views reload everything.
   */
  signals[RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SalesStore::targets-changed:
   *
   * Emitted after a commit, an Undo or a Redo that wrote sales targets (which are not
   * records, so #SalesStore::changed does not name them).
   */
  signals[TARGETS_CHANGED] =
    g_signal_new ("targets-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  for (guint k = 0; k < SALES_N_RECORD_KINDS; k++)
    {
      g_type_class_ref (sales_store_get_record_type (k));
      kind_quarks[k] = g_quark_from_static_string (g_enum_get_value (kinds, k)->value_nick);
    }
}

static void
sales_store_init (SalesStore *self)
{
  for (guint k = 0; k < SALES_N_RECORD_KINDS; k++)
    self->records[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->deal_before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  sales_pool_rules_init (&self->pool_rules);
}

/**
 * sales_store_new:
 * @db: an open database
 *
 * The store is used from one thread, the one that created it.
 *
 * Returns: (transfer full): a new store
 */
SalesStore *
sales_store_new (SalesDb *db)
{
  g_return_val_if_fail (SALES_IS_DB (db), NULL);

  return g_object_new (SALES_TYPE_STORE, "db", db, NULL);
}

SalesDb *
sales_store_get_db (SalesStore *self)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return self->db;
}

/**
 * sales_store_set_clock:
 * @func: (nullable): the clock; %NULL for the system's
 *
 * Tests use a fixed clock so that timestamps can be checked.
 */
void
sales_store_set_clock (SalesStore     *self,
                       SalesClockFunc  func,
                       gpointer        user_data,
                       GDestroyNotify  destroy)
{
  g_return_if_fail (SALES_IS_STORE (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);

  self->clock = func;
  self->clock_data = user_data;
  self->clock_destroy = destroy;
}

/**
 * sales_store_now:
 *
 * Returns: the store's idea of the current time, in Unix seconds
 */
gint64
sales_store_now (SalesStore *self)
{
  g_return_val_if_fail (SALES_IS_STORE (self), 0);

  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
sales_store_is_empty (SalesStore *self)
{
  g_autoptr(GError) error = NULL;
  gint64 empty = 0;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);

  if (!sales_store_query_int64 (self,
                                "SELECT NOT EXISTS (SELECT 1 FROM customer) "
                                "AND NOT EXISTS (SELECT 1 FROM deal)",
                                0, 0, &empty, &error))
    {
      g_warning ("Cannot count the customers and deals: %s", error->message);
      return FALSE;
    }

  return empty != 0;
}

gboolean
sales_store_seed_demo (SalesStore              *self,
                       const SalesDemoOptions  *options,
                       SalesDemoProgress        progress,
                       gpointer                 user_data,
                       GCancellable            *cancellable,
                       SalesDemoResult         *result,
                       GError                 **error)
{
  gboolean ret;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);

  ret = sales_demo_generate (self->db, options, progress, user_data, cancellable, result, error);

  /* Even a failed run may have committed whole batches. */
  sales_store_reload (self);

  return ret;
}

void
sales_store_reload (SalesStore *self)
{
  g_return_if_fail (SALES_IS_STORE (self));

  for (guint k = 0; k < SALES_N_RECORD_KINDS; k++)
    refresh_loaded (self, k);

  set_undo (self, NULL);
  g_signal_emit (self, signals[RESET], 0);
}

void
sales_store_adopt_undo (SalesStore *self,
                        SalesStore *other)
{
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SALES_IS_STORE (self));
  g_return_if_fail (SALES_IS_STORE (other));
  g_return_if_fail (self != other);

  entry = g_steal_pointer (&other->undo);
  set_history (other, NULL, NULL, NULL);
  sales_store_reload (self);

  if (entry == NULL)
    return;

  /* The rows are committed; only the way back is lost. */
  if (!sales_undo_entry_rebind (entry, self, &error))
    {
      g_warning ("The import cannot be undone: %s", error->message);
      return;
    }

  set_undo (self, g_steal_pointer (&entry));
}

/**
 * sales_store_get_record:
 *
 * Returns: (transfer full) (type SalesRecord): the one object of that row,
 *   or %NULL with @error set (%SALES_DB_ERROR_NOT_FOUND when there is no row)
 */
gpointer
sales_store_get_record (SalesStore       *self,
                        SalesRecordKind   kind,
                        gint64            id,
                        GError          **error)
{
  SalesRecord *record;

  g_return_val_if_fail (SALES_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < SALES_N_RECORD_KINDS, NULL);

  record = lookup (self, kind, id);
  if (record != NULL)
    return g_object_ref (record);

  record = sales_store_read_row (self, kind, id, error);
  if (record != NULL)
    remember (self, record);

  return record;
}

SalesStage *
sales_store_get_stage (SalesStore  *self,
                       gint64       id,
                       GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_STAGE, id, error);
}

SalesRep *
sales_store_get_rep (SalesStore  *self,
                     gint64       id,
                     GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_REP, id, error);
}

SalesCustomer *
sales_store_get_customer (SalesStore  *self,
                          gint64       id,
                          GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_CUSTOMER, id, error);
}

SalesContact *
sales_store_get_contact (SalesStore  *self,
                         gint64       id,
                         GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_CONTACT, id, error);
}

SalesDeal *
sales_store_get_deal (SalesStore  *self,
                      gint64       id,
                      GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_DEAL, id, error);
}

SalesActivity *
sales_store_get_activity (SalesStore  *self,
                          gint64       id,
                          GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_ACTIVITY, id, error);
}

SalesLostReason *
sales_store_get_lost_reason (SalesStore  *self,
                             gint64       id,
                             GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_LOST_REASON, id, error);
}

/**
 * sales_store_create:
 * @draft: a new object filled by the caller (its id is ignored); not kept
 *
 * Validates @draft and inserts it. The store sets what it owns: created_at
 * and updated_at; for a deal its position (bottom of its stage),
 * stage_changed_at, closed_at and the first deal_stage_history row; for a
 * stage its position (last).
 *
 * Returns: (transfer full) (type SalesRecord): the canonical object of the
 *   new row, or %NULL with @error set and nothing written
 */
gpointer
sales_store_create (SalesStore   *self,
                    SalesRecord  *draft,
                    GError      **error)
{
  g_autoptr(SalesRecord) row = NULL;
  g_autoptr(GArray) changes = NULL;
  SalesRecordKind kind;
  gint64 id;

  g_return_val_if_fail (SALES_IS_STORE (self), NULL);
  g_return_val_if_fail (SALES_IS_RECORD (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sales_record_validate (draft, error))
    return NULL;

  kind = sales_record_get_kind (draft);
  row = sales_record_dup (draft);
  sales_record_set_id (row, 0);
  changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));

  if (!sales_store_begin (self, error))
    return NULL;

  if (!sales_store_prepare_insert (self, row, error) ||
      !sales_store_insert_row (self, row, error) ||
      !sales_store_after_write (self, NULL, row, changes, error) ||
      !sales_store_commit (self, error))
    {
      sales_db_rollback (self->db);
      return NULL;
    }

  id = sales_record_get_id (row);
  g_array_prepend_val (changes, ((SalesRowChange) { kind, id, SALES_CHANGE_INSERTED }));
  sales_store_finish (self, changes, NULL, FALSE);

  return sales_store_get_record (self, kind, id, error);
}

/**
 * sales_store_update:
 * @draft: a copy of a stored object (sales_record_dup()) with the caller's edits
 *
 * Validates @draft and writes its values over the row of the same id; the
 * canonical object then notifies the properties that changed. What the
 * store owns (see sales_store_create()) is kept; a new stage_id moves the
 * deal as sales_store_move_deal() would, to the bottom of the stage, but
 * without an undo entry.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_update (SalesStore   *self,
                    SalesRecord  *draft,
                    GError      **error)
{
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesRecord) row = NULL;
  g_autoptr(GArray) changes = NULL;
  SalesRecordKind kind;
  SalesRecord *canonical;
  gint64 id;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_RECORD (draft), FALSE);
  g_return_val_if_fail (sales_record_get_id (draft) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kind = sales_record_get_kind (draft);
  id = sales_record_get_id (draft);
  row = sales_record_dup (draft);
  changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));

  if (!sales_record_validate (draft, error))
    goto failed;

  if (!sales_store_begin (self, error))
    goto failed;

  old = sales_store_read_row (self, kind, id, error);
  if (old != NULL && kind == SALES_RECORD_DEAL)
    sales_store_keep_deal_before (self, SALES_DEAL (old));
  if (old == NULL ||
      !sales_store_prepare_update (self, old, row, error) ||
      !sales_store_update_row (self, row, error) ||
      !sales_store_after_write (self, old, row, changes, error) ||
      !sales_store_commit (self, error))
    {
      sales_db_rollback (self->db);
      goto failed;
    }

  g_array_prepend_val (changes, ((SalesRowChange) { kind, id, SALES_CHANGE_UPDATED }));
  sales_store_finish (self, changes, NULL, FALSE);
  return TRUE;

failed:
  /* The caller may have edited the canonical object itself: put it back. */
  canonical = lookup (self, kind, id);
  if (canonical != NULL && !refresh (self, canonical))
    forget (self, kind, id);
  return FALSE;
}

/**
 * sales_store_delete:
 *
 * Deletes the row of @record and, through the foreign keys, what depends
 * on it: a customer takes its contacts, deals (with their history and
 * follow-ups) and contracts (with their plans and payments); a rep's
 * customers, deals and follow-ups go to nobody (NULL), its targets go; a
 * lost reason is cleared from its deals. A stage that holds or held deals
 * is refused. The action can be undone.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_delete (SalesStore   *self,
                    SalesRecord  *record,
                    GError      **error)
{
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  SalesRecordKind kind;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_RECORD (record), FALSE);
  g_return_val_if_fail (sales_record_get_id (record) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kind = sales_record_get_kind (record);

  if (!sales_store_begin (self, error))
    return FALSE;

  old = sales_store_read_row (self, kind, sales_record_get_id (record), error);
  if (old == NULL)
    goto failed;

  label = sales_store_describe_delete (old);
  entry = sales_undo_entry_new (label);

  if ((kind == SALES_RECORD_STAGE &&
       !sales_store_check_stage_delete (self, SALES_STAGE (old), error)) ||
      !sales_undo_entry_save_delete (entry, self, sales_record_get_table_name (old),
                                     sales_record_get_id (old), error) ||
      !sales_store_save_deals_before (self, entry, error) ||
      !delete_row (self, old, error) ||
      !sales_store_commit (self, error))
    goto failed;

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}

gboolean
sales_store_can_undo (SalesStore *self)
{
  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);

  return self->undo != NULL;
}

/**
 * sales_store_get_undo_label:
 *
 * Returns: (nullable): what sales_store_undo() would take back, translated
 */
const char *
sales_store_get_undo_label (SalesStore *self)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return self->undo != NULL ? sales_undo_entry_get_label (self->undo) : NULL;
}

gboolean
sales_store_can_redo (SalesStore *self)
{
  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);

  return self->redo != NULL;
}

/**
 * sales_store_get_redo_label:
 *
 * Returns: (nullable): what sales_store_redo() would do again, translated
 */
const char *
sales_store_get_redo_label (SalesStore *self)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return self->redo != NULL ? sales_undo_entry_get_label (self->redo) : NULL;
}

/* Applies @entry in one transaction. @inverse, when given, gets what
 * applies it the other way, saved first. */
static gboolean
apply_entry (SalesStore      *self,
             SalesUndoEntry  *entry,
             SalesUndoEntry **inverse,
             GArray          *changes,
             gboolean        *positions_restored,
             GError         **error)
{
  if (!sales_store_begin (self, error))
    return FALSE;

  if (inverse != NULL)
    *inverse = sales_undo_entry_new_inverse (entry, self, error);
  if ((inverse != NULL && *inverse == NULL) ||
      !sales_store_save_deals_before (self, entry, error) ||
      !sales_undo_entry_apply (entry, self, changes, positions_restored, error) ||
      !sales_store_commit (self, error))
    {
      if (inverse != NULL)
        g_clear_pointer (inverse, sales_undo_entry_free);
      sales_db_rollback (self->db);
      return FALSE;
    }

  return TRUE;
}

/**
 * sales_store_undo:
 *
 * Takes back the last delete, move or stage change, if nothing was written
 * since: deleted rows come back with their ids, moved deals go back to their
 * stage and place, and the history row of the move goes. sales_store_redo()
 * can then do it again.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_undo (SalesStore  *self,
                  GError     **error)
{
  g_autoptr(GArray) changes = NULL;
  SalesUndoEntry *redo = NULL;
  gboolean positions_restored = FALSE;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->undo == NULL)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND, _("There is nothing to undo"));
      return FALSE;
    }

  changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));
  if (!apply_entry (self, self->undo, &redo, changes, &positions_restored, error))
    return FALSE;

  finish_with_history (self, changes, NULL, redo, self->undo, positions_restored);
  return TRUE;
}

/**
 * sales_store_redo:
 *
 * Does again what sales_store_undo() took back, if nothing was written
 * since; it can then be undone again.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_redo (SalesStore  *self,
                  GError     **error)
{
  g_autoptr(GArray) changes = NULL;
  gboolean positions_restored = FALSE;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->redo == NULL)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND, _("There is nothing to redo"));
      return FALSE;
    }

  changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));
  if (!apply_entry (self, self->redo, NULL, changes, &positions_restored, error))
    return FALSE;

  /* The entry undo applied holds again: the rows are as its action left them. */
  finish_with_history (self, changes, self->undone, NULL, NULL, positions_restored);
  return TRUE;
}

GListModel *
sales_store_list_stages (SalesStore *self)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return G_LIST_MODEL (sales_record_list_new (self, SALES_RECORD_STAGE, "position, id"));
}

GListModel *
sales_store_list_reps (SalesStore *self)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return G_LIST_MODEL (sales_record_list_new (self, SALES_RECORD_REP, "name, id"));
}

GListModel *
sales_store_list_lost_reasons (SalesStore *self)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return G_LIST_MODEL (sales_record_list_new (self, SALES_RECORD_LOST_REASON, "id"));
}
