/* sales-welcome-page.h: the first-run page of an empty database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SALES_TYPE_WELCOME_PAGE (sales_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (SalesWelcomePage, sales_welcome_page, SALES, WELCOME_PAGE, AdwBin)

GtkWidget *sales_welcome_page_new          (void);
gboolean   sales_welcome_page_get_busy     (SalesWelcomePage *self);
void       sales_welcome_page_set_busy     (SalesWelcomePage *self,
                                            gboolean          busy);
double     sales_welcome_page_get_fraction (SalesWelcomePage *self);
void       sales_welcome_page_set_fraction (SalesWelcomePage *self,
                                            double            fraction);

G_END_DECLS
