/* sales-core.h: everything libsales-core offers, in one include
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-activity.h"
#include "sales-backup.h"
#include "sales-backup-scheduler.h"
#include "sales-collections.h"
#include "sales-contact.h"
#include "sales-contract.h"
#include "sales-customer.h"
#include "sales-db.h"
#include "sales-deal.h"
#include "sales-deal-filter.h"
#include "sales-deal-list.h"
#include "sales-demo.h"
#include "sales-followup-ics.h"
#include "sales-integrity.h"
#include "sales-followup-list.h"
#include "sales-followup-notifier.h"
#include "sales-kpi.h"
#include "sales-enums.h"
#include "sales-lost-reason.h"
#include "sales-payment.h"
#include "sales-payment-plan.h"
#include "sales-receivables.h"
#include "sales-record.h"
#include "sales-record-list.h"
#include "sales-rep.h"
#include "sales-stage.h"
#include "sales-store.h"
#include "sales-types.h"
