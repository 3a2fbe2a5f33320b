/* sales-pool-preferences.h: the public pool's rules and lead assignment, in the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"

G_BEGIN_DECLS

#define SALES_TYPE_POOL_PREFERENCES (sales_pool_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SalesPoolPreferences, sales_pool_preferences,
                      SALES, POOL_PREFERENCES, AdwPreferencesPage)

GtkWidget *sales_pool_preferences_new (SalesSettings *settings);

G_END_DECLS
