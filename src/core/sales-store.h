/* sales-store.h: the only writer of the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-activity.h"
#include "sales-contact.h"
#include "sales-contract.h"
#include "sales-customer.h"
#include "sales-db.h"
#include "sales-deal.h"
#include "sales-demo.h"
#include "sales-import.h"
#include "sales-lost-reason.h"
#include "sales-payment.h"
#include "sales-payment-plan.h"
#include "sales-rep.h"
#include "sales-stage.h"
#include "sales-types.h"

G_BEGIN_DECLS

#define SALES_TYPE_STORE (sales_store_get_type ())

G_DECLARE_FINAL_TYPE (SalesStore, sales_store, SALES, STORE, GObject)

/* Returns the current time in Unix seconds (UTC). */
typedef gint64 (*SalesClockFunc) (gpointer user_data);

SalesStore      *sales_store_new               (SalesDb          *db);
SalesDb         *sales_store_get_db            (SalesStore       *self);
void             sales_store_set_clock         (SalesStore       *self,
                                                SalesClockFunc    func,
                                                gpointer          user_data,
                                                GDestroyNotify    destroy);
gint64           sales_store_now               (SalesStore       *self);
/* TRUE when the database holds no customers and no deals (the first-run page). */
gboolean         sales_store_is_empty          (SalesStore       *self);
/* Adds demo data through the generator, then emits ::reset. */
gboolean         sales_store_seed_demo         (SalesStore       *self,
                                                const SalesDemoOptions *options,
                                                SalesDemoProgress progress,
                                                gpointer          user_data,
                                                GCancellable     *cancellable,
                                                SalesDemoResult  *result,
                                                GError          **error);
/* The file was changed by another connection (a worker thread, an import):
 * refreshes every object the store hands out, forgets undo, emits ::reset. */
void             sales_store_reload            (SalesStore       *self);

/* After @other, a store of the same file on another connection, committed an undoable
 * action (an import in a worker thread): reloads @self and makes the action its own undo. */
void             sales_store_adopt_undo        (SalesStore       *self,
                                                SalesStore       *other);

/* Imports a file in one transaction, undoable as a whole (sales-store-import.c). */
gboolean         sales_store_import            (SalesStore       *self,
                                                SalesImport      *job,
                                                SalesImportProgress progress,
                                                gpointer          user_data,
                                                GCancellable     *cancellable,
                                                GError          **error);

/* The identity map: the same id gives the same object while anyone holds it. */
gpointer         sales_store_get_record        (SalesStore       *self,
                                                SalesRecordKind   kind,
                                                gint64            id,
                                                GError          **error);
SalesStage      *sales_store_get_stage         (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);
SalesRep        *sales_store_get_rep           (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);
SalesCustomer   *sales_store_get_customer      (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);
SalesContact    *sales_store_get_contact       (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);
SalesDeal       *sales_store_get_deal          (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);
SalesActivity   *sales_store_get_activity      (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);
SalesLostReason *sales_store_get_lost_reason   (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);

/* Writes: one transaction each, validated first, signalled after the commit. */
gpointer         sales_store_create            (SalesStore       *self,
                                                SalesRecord      *draft,
                                                GError          **error);
gboolean         sales_store_update            (SalesStore       *self,
                                                SalesRecord      *draft,
                                                GError          **error);
gboolean         sales_store_delete            (SalesStore       *self,
                                                SalesRecord      *record,
                                                GError          **error);
gboolean         sales_store_move_deal         (SalesStore       *self,
                                                SalesDeal        *deal,
                                                gint64            stage_id,
                                                int               index,
                                                GError          **error);
gboolean         sales_store_move_deal_above   (SalesStore       *self,
                                                SalesDeal        *deal,
                                                gint64            stage_id,
                                                gint64            above_id,
                                                GError          **error);

/* The pipeline board (sales-store-pipeline.c) */
gboolean         sales_store_mark_won          (SalesStore       *self,
                                                SalesDeal        *deal,
                                                gint64            amount_cents,
                                                GError          **error);
gboolean         sales_store_mark_lost         (SalesStore       *self,
                                                SalesDeal        *deal,
                                                gint64            stage_id,
                                                gint64            lost_reason_id,
                                                const char       *note,
                                                GError          **error);
gboolean         sales_store_delete_stage_moving_deals (SalesStore *self,
                                                SalesStage       *stage,
                                                gint64            target_stage_id,
                                                GError          **error);
gboolean         sales_store_reorder_stage     (SalesStore       *self,
                                                SalesStage       *stage,
                                                guint             new_position,
                                                GError          **error);
SalesFollowupState sales_store_get_deal_followup (SalesStore     *self,
                                                SalesDeal        *deal);
int              sales_store_get_deal_rot_days (SalesStore       *self,
                                                SalesDeal        *deal);

/* Follow-ups (sales-store-activities.c) */
gboolean         sales_store_log_followup      (SalesStore       *self,
                                                SalesActivity    *done,
                                                SalesActivity    *next,
                                                gint64           *done_id,
                                                gint64           *next_id,
                                                GError          **error);

/* The Follow-ups view (sales-store-followups.c) */
gboolean         sales_store_complete_followup (SalesStore       *self,
                                                SalesActivity    *activity,
                                                const char       *note,
                                                GError          **error);
gboolean         sales_store_reschedule_followup (SalesStore     *self,
                                                SalesActivity    *activity,
                                                gint64            due_at,
                                                GError          **error);

/* Duplicates (sales-store-merge.c) */
gboolean         sales_store_merge_customers   (SalesStore       *self,
                                                gint64            keep_id,
                                                gint64            merged_id,
                                                GError          **error);

/* Tags of customers (sales-store-tags.c) */
char           **sales_store_list_tags         (SalesStore       *self,
                                                GArray           *ids,
                                                GError          **error);
char           **sales_store_list_customer_tags (SalesStore      *self,
                                                gint64            customer_id,
                                                GArray           *ids,
                                                GError          **error);
gint64           sales_store_find_tag          (SalesStore       *self,
                                                const char       *name);
gboolean         sales_store_add_tag           (SalesStore       *self,
                                                const gint64     *customer_ids,
                                                guint             n_customers,
                                                const char       *name,
                                                gint64           *tag_id,
                                                GError          **error);
gboolean         sales_store_remove_tag        (SalesStore       *self,
                                                const gint64     *customer_ids,
                                                guint             n_customers,
                                                gint64            tag_id,
                                                GError          **error);

/* One action over many customers (sales-store-bulk.c) */
gboolean         sales_store_assign_customers  (SalesStore       *self,
                                                const gint64     *customer_ids,
                                                guint             n_customers,
                                                gint64            owner_id,
                                                GError          **error);
gboolean         sales_store_set_customers_tier (SalesStore      *self,
                                                const gint64     *customer_ids,
                                                guint             n_customers,
                                                SalesTier         tier,
                                                GError          **error);
gboolean         sales_store_delete_customers  (SalesStore       *self,
                                                const gint64     *customer_ids,
                                                guint             n_customers,
                                                GError          **error);

/* Contracts and payments (sales-store-contracts.c) */
SalesContract   *sales_store_get_contract      (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);
SalesPaymentPlan *sales_store_get_payment_plan (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);
SalesPayment    *sales_store_get_payment       (SalesStore       *self,
                                                gint64            id,
                                                GError          **error);
GPtrArray       *sales_store_list_payment_plan (SalesStore       *self,
                                                gint64            contract_id,
                                                GError          **error);
GPtrArray       *sales_store_list_payments     (SalesStore       *self,
                                                gint64            contract_id,
                                                GError          **error);
char            *sales_store_propose_contract_number (SalesStore *self,
                                                const char       *signed_on);
gboolean         sales_store_contract_number_exists (SalesStore  *self,
                                                const char       *number);
gint64           sales_store_get_deal_contract_id (SalesStore    *self,
                                                gint64            deal_id);
SalesContract   *sales_store_new_contract_draft (SalesStore      *self,
                                                gint64            customer_id,
                                                gint64            deal_id,
                                                GError          **error);
SalesContract   *sales_store_create_contract   (SalesStore       *self,
                                                SalesContract    *draft,
                                                GPtrArray        *plan,
                                                SalesPlanFlags    flags,
                                                GError          **error);
gboolean         sales_store_set_payment_plan  (SalesStore       *self,
                                                SalesContract    *contract,
                                                GPtrArray        *plan,
                                                SalesPlanFlags    flags,
                                                GError          **error);
gboolean         sales_store_record_payment    (SalesStore       *self,
                                                SalesPayment     *draft,
                                                gint64           *payment_id,
                                                GError          **error);
gboolean         sales_store_delete_contract   (SalesStore       *self,
                                                SalesContract    *contract,
                                                gboolean          force,
                                                GError          **error);

/* Monthly targets (sales-store-targets.c); @owner_id 0 is the whole team. */
typedef struct
{
  gint64 amount_cents;    /* base target (保底目标) */
  gint64 stretch_cents;   /* stretch target (挑战目标) */
  gint64 new_customers;
} SalesTarget;

gboolean         sales_store_get_target        (SalesStore       *self,
                                                gint64            owner_id,
                                                const char       *month,
                                                SalesTarget      *target,
                                                gboolean         *exists,
                                                GError          **error);
gboolean         sales_store_set_targets       (SalesStore       *self,
                                                gint64            owner_id,
                                                const char       *first_month,
                                                const SalesTarget *targets,
                                                guint             n_months,
                                                GError          **error);
/* One month of one owner, e.g. a cell of the targets grid. */
typedef struct
{
  gint64      owner_id;   /* a rep, or 0 for the whole team */
  int         year;
  int         month;      /* 1–12 */
  SalesTarget target;
} SalesTargetCell;

typedef enum
{
  SALES_TARGET_AMOUNT,
  SALES_TARGET_STRETCH,
  SALES_TARGET_NEW_CUSTOMERS,
} SalesTargetField;

gint64           sales_target_get_field        (const SalesTarget *target,
                                                SalesTargetField  field);
void             sales_target_set_field        (SalesTarget      *target,
                                                SalesTargetField  field,
                                                gint64            value);
void             sales_target_raise            (const SalesTarget *last,
                                                int               percent,
                                                SalesTarget      *raised);
void             sales_target_spread           (gint64            total,
                                                const gint64     *weights,
                                                gint64           *months);
gboolean         sales_store_get_year_targets  (SalesStore       *self,
                                                gint64            owner_id,
                                                int               year,
                                                SalesTarget      *targets,
                                                gboolean         *exists,
                                                GError          **error);
gboolean         sales_store_set_target_cells  (SalesStore       *self,
                                                const SalesTargetCell *cells,
                                                guint             n_cells,
                                                GError          **error);
gboolean         sales_store_spread_targets    (SalesStore       *self,
                                                gint64            owner_id,
                                                int               year,
                                                SalesTargetField  field,
                                                gint64            total,
                                                gboolean          like_last_year,
                                                GError          **error);
gboolean         sales_store_spread_year_target (SalesStore      *self,
                                                gint64            owner_id,
                                                int               year,
                                                gint64            amount_cents,
                                                gboolean          like_last_year,
                                                GError          **error);
gboolean         sales_store_copy_targets_from_last_year (SalesStore *self,
                                                gint64            owner_id,
                                                int               year,
                                                int               percent,
                                                GError          **error);
gboolean         sales_store_copy_year_targets (SalesStore       *self,
                                                int               year,
                                                int               percent,
                                                guint            *n_copied,
                                                GError          **error);

/* The team (sales-store-team.c): what a rep owns, which keeps them from being deleted. */
typedef struct
{
  gint64 customers;
  gint64 deals;
  gint64 activities;
} SalesRepRecords;

gboolean         sales_store_check_rep         (SalesStore       *self,
                                                SalesRep         *row,
                                                GError          **error);
gboolean         sales_store_count_rep_records (SalesStore       *self,
                                                gint64            rep_id,
                                                SalesRepRecords  *records,
                                                GError          **error);
gboolean         sales_store_delete_rep        (SalesStore       *self,
                                                SalesRep         *rep,
                                                GError          **error);
gboolean         sales_store_set_rep_active    (SalesStore       *self,
                                                SalesRep         *rep,
                                                gboolean          active,
                                                GError          **error);

gboolean         sales_store_can_undo          (SalesStore       *self);
const char      *sales_store_get_undo_label    (SalesStore       *self);
gboolean         sales_store_undo              (SalesStore       *self,
                                                GError          **error);
gboolean         sales_store_can_redo          (SalesStore       *self);
const char      *sales_store_get_redo_label    (SalesStore       *self);
gboolean         sales_store_redo              (SalesStore       *self,
                                                GError          **error);

/* Kept up to date; items are the canonical objects. */
GListModel      *sales_store_list_stages       (SalesStore       *self);
GListModel      *sales_store_list_reps         (SalesStore       *self);
GListModel      *sales_store_list_lost_reasons (SalesStore       *self);

G_END_DECLS
