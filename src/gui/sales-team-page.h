/* sales-team-page.h: the reps of the team and who "I am", in the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_TEAM_PAGE (sales_team_page_get_type ())

G_DECLARE_FINAL_TYPE (SalesTeamPage, sales_team_page, SALES, TEAM_PAGE, AdwPreferencesPage)

GtkWidget *sales_team_page_new (SalesStore    *store,
                                SalesSettings *settings);

G_END_DECLS
