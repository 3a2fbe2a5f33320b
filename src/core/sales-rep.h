/* sales-rep.h: a sales rep, who owns customers, deals and follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"

G_BEGIN_DECLS

#define SALES_TYPE_REP (sales_rep_get_type ())

G_DECLARE_FINAL_TYPE (SalesRep, sales_rep, SALES, REP, SalesRecord)

SalesRep   *sales_rep_new        (void);
SalesRep   *sales_rep_dup        (SalesRep   *self);
const char *sales_rep_get_name   (SalesRep   *self);
void        sales_rep_set_name   (SalesRep   *self,
                                  const char *name);
const char *sales_rep_get_email  (SalesRep   *self);
void        sales_rep_set_email  (SalesRep   *self,
                                  const char *email);
gboolean    sales_rep_get_active (SalesRep   *self);
void        sales_rep_set_active (SalesRep   *self,
                                  gboolean    active);

G_END_DECLS
