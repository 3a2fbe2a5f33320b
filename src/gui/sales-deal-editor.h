/* sales-deal-editor.h: every field of a deal, checked as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_DEAL_EDITOR (sales_deal_editor_get_type ())

G_DECLARE_FINAL_TYPE (SalesDealEditor, sales_deal_editor, SALES, DEAL_EDITOR, AdwWindow)

GtkWidget *sales_deal_editor_new      (GtkWindow       *parent,
                                       SalesStore      *store,
                                       SalesSettings   *settings,
                                       SalesDeal       *deal);
SalesDeal *sales_deal_editor_get_deal (SalesDealEditor *self);
gboolean   sales_deal_editor_is_valid (SalesDealEditor *self);
gboolean   sales_deal_editor_save     (SalesDealEditor *self);
gboolean   sales_deal_editor_get_offers_contract (SalesDealEditor *self);

G_END_DECLS
