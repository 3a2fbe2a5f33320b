/* sales-store-private.h: what the files of SalesStore share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-pool.h"
#include "sales-record-private.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_N_RECORD_KINDS (SALES_RECORD_PAYMENT + 1)

/* Past this many records touched by one action, one ::reset costs the views
 * less than a ::changed each. */
#define SALES_STORE_MAX_CHANGED_SIGNALS 1000

/* Where applying the public pool's rules calls the hook of
 * sales_store_set_pool_hook(). */
typedef enum
{
  /* On the worker of sales_store_apply_pool_rules_async(), before it checks whether it was
   * cancelled and opens its connection: a cancel from here on still stops it. */
  SALES_POOL_HOOK_OPENING,
  /* On the thread writing, just after the transaction began: from here on the rules are
   * applied whole, cancelled or not. */
  SALES_POOL_HOOK_WRITING,
} SalesPoolHookPoint;

typedef void (*SalesPoolHook) (SalesPoolHookPoint point,
                               gpointer           user_data);

/* One record an action touched, signalled after the commit. */
typedef struct
{
  SalesRecordKind kind;
  gint64          id;
  SalesChange     change;
} SalesRowChange;

/* The before-image of one destructive action; see sales-store-undo.c. */
typedef struct _SalesUndoEntry SalesUndoEntry;

struct _SalesStore
{
  GObject          parent_instance;

  SalesDb         *db;

  /* id -> object, one table per SalesRecordKind. Not owning: a weak
   * reference takes the object out when its last holder lets go. */
  GHashTable      *records[SALES_N_RECORD_KINDS];

  SalesClockFunc   clock;
  gpointer         clock_data;
  GDestroyNotify   clock_destroy;

  /* table name -> the foreign keys pointing at it, read from the schema
   * the first time something is deleted. */
  GHashTable      *tables;
  SalesUndoEntry  *undo;
  /* After an undo: what redoes it, and the entry that undo applied, which
   * becomes the undo entry again once redone. */
  SalesUndoEntry  *redo;
  SalesUndoEntry  *undone;

  /* id -> SalesDeal, detached copies of the deals the current action
   * changes, as they were before it; see sales_store_get_deal_before(). */
  GHashTable      *deal_before;

  /* sales-store-pool.c */
  SalesPoolRules   pool_rules;
  /* sales-store-pool-rules.c */
  SalesPoolHook    pool_hook;
  gpointer         pool_hook_data;
};

/* sales-store.c */
GType            sales_store_get_record_type        (SalesRecordKind  kind);
gboolean         sales_store_kind_for_table         (const char      *table,
                                                     SalesRecordKind *kind);
gpointer         sales_store_get_record_from_row    (SalesStore      *self,
                                                     SalesRecordKind  kind,
                                                     sqlite3_stmt    *stmt);
gboolean         sales_store_step                   (SalesStore      *self,
                                                     sqlite3_stmt    *stmt,
                                                     GError         **error);
gboolean         sales_store_query_int64            (SalesStore      *self,
                                                     const char      *sql,
                                                     gint64           a,
                                                     gint64           b,
                                                     gint64          *result,
                                                     GError         **error);
SalesRecord     *sales_store_read_row               (SalesStore      *self,
                                                     SalesRecordKind  kind,
                                                     gint64           id,
                                                     GError         **error);
gboolean         sales_store_insert_row             (SalesStore      *self,
                                                     SalesRecord     *row,
                                                     GError         **error);
gboolean         sales_store_update_row             (SalesStore      *self,
                                                     SalesRecord     *row,
                                                     GError         **error);
void             sales_store_finish_entry           (SalesStore      *self,
                                                     SalesUndoEntry  *entry,
                                                     gboolean         refresh_deals);
void             sales_store_finish                 (SalesStore      *self,
                                                     GArray          *changes,
                                                     SalesUndoEntry  *undo,
                                                     gboolean         refresh_deals);
void             sales_row_change_add               (GArray          *changes,
                                                     SalesRecordKind  kind,
                                                     gint64           id,
                                                     SalesChange      change);
gboolean         sales_store_begin                  (SalesStore      *self,
                                                     GError         **error);
gboolean         sales_store_commit                 (SalesStore      *self,
                                                     GError         **error);
void             sales_store_keep_deal_before       (SalesStore      *self,
                                                     SalesDeal       *old);
gboolean         sales_store_save_deals_before      (SalesStore      *self,
                                                     SalesUndoEntry  *entry,
                                                     GError         **error);
SalesDeal       *sales_store_get_deal_before        (SalesStore      *self,
                                                     gint64           id);

/* sales-store-rules.c */
gboolean         sales_store_prepare_insert         (SalesStore      *self,
                                                     SalesRecord     *row,
                                                     GError         **error);
gboolean         sales_store_prepare_update         (SalesStore      *self,
                                                     SalesRecord     *old,
                                                     SalesRecord     *row,
                                                     GError         **error);
gboolean         sales_store_after_write            (SalesStore      *self,
                                                     SalesRecord     *old,
                                                     SalesRecord     *row,
                                                     GArray          *changes,
                                                     GError         **error);
gboolean         sales_store_check_stage_delete     (SalesStore      *self,
                                                     SalesStage      *stage,
                                                     GError         **error);
char            *sales_store_describe_delete        (SalesRecord     *record);
void             sales_store_enter_stage            (SalesDeal       *deal,
                                                     SalesStageKind   from,
                                                     SalesStage      *to,
                                                     gint64           now);
gboolean         sales_store_insert_history         (SalesStore      *self,
                                                     SalesDeal       *deal,
                                                     gint64           from_stage_id,
                                                     SalesUndoEntry  *undo,
                                                     GError         **error);
gboolean         sales_store_check_lost_reason      (SalesDeal       *row,
                                                     SalesStageKind   from,
                                                     SalesStage      *to,
                                                     GError         **error);

/* sales-store-moves.c */
gboolean         sales_store_find_position          (SalesStore      *self,
                                                     gint64           stage_id,
                                                     gint64           deal_id,
                                                     int              index,
                                                     SalesUndoEntry  *undo,
                                                     gint64          *position,
                                                     gboolean        *renumbered,
                                                     GError         **error);

/* sales-store-pool.c */
gboolean         sales_store_insert_customer_event  (SalesStore      *self,
                                                     gint64           customer_id,
                                                     const char      *kind,
                                                     gint64           from_owner_id,
                                                     gint64           to_owner_id,
                                                     const char      *note,
                                                     SalesUndoEntry  *undo,
                                                     GError         **error);
gboolean         sales_store_customer_after_write   (SalesStore      *self,
                                                     SalesCustomer   *old,
                                                     SalesCustomer   *row,
                                                     GError         **error);
gboolean         sales_store_assign_lead            (SalesStore      *self,
                                                     gint64           id,
                                                     gboolean        *assigned,
                                                     GError         **error);

/* sales-store-pool-rules.c; for tests only: they hold the worker at a point to stop the
 * watcher or let go of the file there. */
void             sales_store_set_pool_hook          (SalesStore      *self,
                                                     SalesPoolHook    hook,
                                                     gpointer         user_data);

/* sales-store-contracts.c */
gboolean         sales_store_check_contract         (SalesStore      *self,
                                                     SalesContract   *old,
                                                     SalesContract   *row,
                                                     GError         **error);
gboolean         sales_store_check_payment          (SalesStore      *self,
                                                     SalesPayment    *row,
                                                     GError         **error);

/* sales-store-undo.c */

SalesUndoEntry  *sales_undo_entry_new               (const char      *label);
void             sales_undo_entry_free              (SalesUndoEntry  *entry);
const char      *sales_undo_entry_get_label         (SalesUndoEntry  *entry);
gboolean         sales_undo_entry_save_delete       (SalesUndoEntry  *entry,
                                                     SalesStore      *store,
                                                     const char      *table,
                                                     gint64           id,
                                                     GError         **error);
gboolean         sales_undo_entry_save_row          (SalesUndoEntry  *entry,
                                                     SalesStore      *store,
                                                     const char      *table,
                                                     gint64           id,
                                                     GError         **error);
void             sales_undo_entry_save_position     (SalesUndoEntry  *entry,
                                                     gint64           deal_id,
                                                     gint64           position);
void             sales_undo_entry_save_place        (SalesUndoEntry  *entry,
                                                     gint64           deal_id,
                                                     gint64           stage_id,
                                                     gint64           position);
void             sales_undo_entry_save_history_stages (SalesUndoEntry *entry,
                                                     gint64           history_id,
                                                     gint64           from_stage_id,
                                                     gint64           to_stage_id);
gboolean         sales_undo_entry_rebind            (SalesUndoEntry  *entry,
                                                     SalesStore      *store,
                                                     GError         **error);
void             sales_undo_entry_add_inserted      (SalesUndoEntry  *entry,
                                                     const char      *table,
                                                     gint64           id);
void             sales_undo_entry_get_deal_ids      (SalesUndoEntry  *entry,
                                                     GArray          *ids);
SalesUndoEntry  *sales_undo_entry_new_inverse       (SalesUndoEntry  *entry,
                                                     SalesStore      *store,
                                                     GError         **error);
gboolean         sales_undo_entry_touches_table     (SalesUndoEntry  *entry,
                                                     const char      *table);
void             sales_undo_entry_get_changes       (SalesUndoEntry  *entry,
                                                     GArray          *changes);
gboolean         sales_undo_entry_apply             (SalesUndoEntry  *entry,
                                                     SalesStore      *store,
                                                     GArray          *changes,
                                                     gboolean        *positions_restored,
                                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesUndoEntry, sales_undo_entry_free)

G_END_DECLS
