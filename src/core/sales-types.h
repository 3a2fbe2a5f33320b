/* sales-types.h: enumerations shared by the core and the interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SALES_STAGE_KIND_OPEN,
  SALES_STAGE_KIND_WON,
  SALES_STAGE_KIND_LOST,
} SalesStageKind;

typedef enum
{
  SALES_TIER_A,
  SALES_TIER_B,
  SALES_TIER_C,
} SalesTier;

typedef enum
{
  SALES_ACTIVITY_KIND_CALL,
  SALES_ACTIVITY_KIND_VISIT,
  SALES_ACTIVITY_KIND_MEETING,
  SALES_ACTIVITY_KIND_EMAIL,
  SALES_ACTIVITY_KIND_MESSAGE,
  SALES_ACTIVITY_KIND_NOTE,
  SALES_ACTIVITY_KIND_SERVICE,
} SalesActivityKind;

/* Which table a change notification is about. */
typedef enum
{
  SALES_RECORD_STAGE,
  SALES_RECORD_REP,
  SALES_RECORD_CUSTOMER,
  SALES_RECORD_CONTACT,
  SALES_RECORD_DEAL,
  SALES_RECORD_ACTIVITY,
  SALES_RECORD_LOST_REASON,
  SALES_RECORD_CONTRACT,
  SALES_RECORD_PAYMENT_PLAN,
  SALES_RECORD_PAYMENT,
} SalesRecordKind;

typedef enum
{
  SALES_CHANGE_INSERTED,
  SALES_CHANGE_UPDATED,
  SALES_CHANGE_DELETED,
} SalesChange;

/* Which deals a board filter keeps by their expected close date, judged in
 * local time against the store's clock. */
typedef enum
{
  SALES_CLOSE_RANGE_ANY,
  SALES_CLOSE_RANGE_THIS_MONTH,
  SALES_CLOSE_RANGE_THIS_QUARTER,
  SALES_CLOSE_RANGE_OVERDUE,
} SalesCloseRange;

/* The follow-up badge of a deal card; days are local days. */
typedef enum
{
  SALES_FOLLOWUP_NONE,
  SALES_FOLLOWUP_PLANNED,
  SALES_FOLLOWUP_DUE_TODAY,
  SALES_FOLLOWUP_OVERDUE,
} SalesFollowupState;

/* The sections of the Follow-ups view: planned follow-ups by their due day,
 * judged in local time against the store's clock; the week starts on Monday. */
typedef enum
{
  SALES_FOLLOWUP_GROUP_OVERDUE,
  SALES_FOLLOWUP_GROUP_TODAY,
  SALES_FOLLOWUP_GROUP_THIS_WEEK,
  SALES_FOLLOWUP_GROUP_LATER,
} SalesFollowupGroup;

/* How a contract's payment plan is made from its amount (sales-payment-plan.c). */
typedef enum
{
  SALES_PLAN_RULE_SINGLE,
  SALES_PLAN_RULE_MONTHLY,
  SALES_PLAN_RULE_DEPOSIT,
} SalesPlanRule;

typedef enum /*< flags >*/
{
  SALES_PLAN_FLAGS_NONE      = 0,
  /* The plan may cover less than the contract's amount. */
  SALES_PLAN_PARTIAL_ALLOWED = 1 << 0,
} SalesPlanFlags;

/* An instalment on a local day. Payments settle instalments oldest first;
 * an instalment past its due day with money outstanding is overdue, even
 * when part of it was paid. */
typedef enum
{
  SALES_INSTALMENT_PAID,
  SALES_INSTALMENT_PARTLY_PAID,
  SALES_INSTALMENT_DUE,
  SALES_INSTALMENT_OVERDUE,
} SalesInstalmentState;

G_END_DECLS
