/* sales-search-text.h: the one form in which customer text is indexed and queried
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *sales_search_text_fold         (const char *text);
gboolean  sales_search_text_is_phone     (const char *text);
char     *sales_search_text_phone        (const char *text);
char      sales_search_text_initial      (gunichar    c);
void      sales_search_text_add_initials (GString    *out,
                                          const char *folded);
gboolean  sales_search_text_is_word_char (gunichar    c);
char     *sales_search_text_grams        (const char *body);

G_END_DECLS
