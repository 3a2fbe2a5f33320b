/* sales-application.h: the application, its actions and its database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_APPLICATION (sales_application_get_type ())

G_DECLARE_FINAL_TYPE (SalesApplication, sales_application, SALES, APPLICATION, AdwApplication)

SalesApplication *sales_application_new          (const char       *db_path);
const char       *sales_application_get_db_path  (SalesApplication *self);
SalesStore       *sales_application_get_store    (SalesApplication *self);
SalesSettings    *sales_application_get_settings (SalesApplication *self);

G_END_DECLS
