/* sales-stage.h: a column of the pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-record.h"

G_BEGIN_DECLS

#define SALES_TYPE_STAGE (sales_stage_get_type ())

G_DECLARE_FINAL_TYPE (SalesStage, sales_stage, SALES, STAGE, SalesRecord)

SalesStage     *sales_stage_new              (void);
SalesStage     *sales_stage_dup              (SalesStage     *self);
const char     *sales_stage_get_name         (SalesStage     *self);
void            sales_stage_set_name         (SalesStage     *self,
                                              const char     *name);
int             sales_stage_get_position     (SalesStage     *self);
void            sales_stage_set_position     (SalesStage     *self,
                                              int             position);
int             sales_stage_get_probability  (SalesStage     *self);
void            sales_stage_set_probability  (SalesStage     *self,
                                              int             probability);
SalesStageKind  sales_stage_get_kind         (SalesStage     *self);
void            sales_stage_set_kind         (SalesStage     *self,
                                              SalesStageKind  kind);
int             sales_stage_get_rot_days     (SalesStage     *self);
void            sales_stage_set_rot_days     (SalesStage     *self,
                                              int             rot_days);
gboolean        sales_stage_is_closed        (SalesStage     *self);

const char     *sales_stage_kind_to_string   (SalesStageKind  kind);
gboolean        sales_stage_kind_from_string (const char     *text,
                                              SalesStageKind *kind);

G_END_DECLS
