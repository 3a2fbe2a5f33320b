/* sales-normalize.h: the forms of names, phones and emails that are compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sales_normalize_phone        (const char *phone);
char *sales_normalize_email        (const char *email);
char *sales_normalize_company_name (const char *name);

G_END_DECLS
