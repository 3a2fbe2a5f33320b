/* sales-pipeline-preferences.h: the stages and lost reasons, in the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_PIPELINE_PREFERENCES (sales_pipeline_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SalesPipelinePreferences, sales_pipeline_preferences,
                      SALES, PIPELINE_PREFERENCES, AdwPreferencesPage)

GtkWidget *sales_pipeline_preferences_new (SalesStore *store);

G_END_DECLS
