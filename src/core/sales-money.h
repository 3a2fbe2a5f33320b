/* sales-money.h: amounts in minor units, as people read and type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The translation of @msgid in @context, for words that a document puts in a language of its
 * own. */
typedef const char *(*SalesTranslateFunc) (const char *context,
                                           const char *msgid,
                                           gpointer    user_data);

char     *sales_money_format        (gint64       cents,
                                     const char  *currency);
char     *sales_money_format_plain  (gint64       cents);
char     *sales_money_format_compact (gint64      cents,
                                     const char  *currency);
char     *sales_money_format_compact_full (gint64              cents,
                                          const char         *currency,
                                          SalesTranslateFunc  translate,
                                          gpointer            user_data);
gboolean  sales_money_parse         (const char  *text,
                                     gint64      *cents,
                                     GError     **error);

G_END_DECLS
