/* sales-customer-search.h: instant search over everything known about a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-db.h"
#include "sales-store.h"

G_BEGIN_DECLS

/**
 * sales_customer_search_ids:
 * @db: the open database (the store's: sales_store_get_db())
 * @text: what the user typed, in any form: Simplified or Traditional Chinese, any case,
 *   pinyin initials ("hw" finds 华为), a phone number with or without spaces, dashes or a
 *   +86 prefix, part of an e-mail address or of the notes. Words separated by spaces must
 *   all match. Blank text matches every customer.
 * @offset: how many matches to skip (the rows already shown)
 * @limit: at most this many ids; a list view asks for its first screenful (about 50)
 *   first and the next ones as it scrolls
 * @has_more: (out) (optional): set to %TRUE when matches remain after the returned ones
 * @error: return location for a #GError
 *
 * Finds the customers whose name, contact names, phones, e-mails or notes contain @text.
 * The order is the same on every call with the same data: customers whose name starts
 * with @text first (by name), then those whose name's pinyin initials start with it
 * (when @text is ASCII letters), then every other match by id. One- and two-character
 * queries are answered from an index as fast as longer ones.
 *
 * Runs on the calling thread with @db's cached statements: call it from the thread that
 * owns @db. The index follows every write committed through the store, so the ids always
 * name existing customers as of the last commit.
 *
 * Returns: (transfer full) (element-type gint64): the customer ids in order, or %NULL
 *   with @error set
 */
GArray     *sales_customer_search_ids    (SalesDb       *db,
                                          const char    *text,
                                          guint          offset,
                                          guint          limit,
                                          gboolean      *has_more,
                                          GError       **error);

/**
 * sales_customer_search_count:
 * @db: the open database
 * @text: as for sales_customer_search_ids()
 * @error: return location for a #GError
 *
 * Counts every match of @text, for a "N customers" label. Costs a few milliseconds on
 * 100 000 customers for a one-letter query; the ids of the first screenful do not need it.
 *
 * Returns: the number of matching customers, or -1 with @error set
 */
gint64      sales_customer_search_count  (SalesDb       *db,
                                          const char    *text,
                                          GError       **error);

GPtrArray  *sales_customer_search_load   (SalesStore    *store,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          GError       **error);

/* The first @limit matches as the store's canonical #SalesCustomer objects (completion). */
GListModel *sales_customer_search        (SalesStore    *store,
                                          const char    *text,
                                          guint          limit,
                                          GError       **error);

/* Recomputes the index rows of @ids (customers that no longer exist lose theirs).
 * Called by sales_customer_index_flush() inside the write transaction. */
gboolean    sales_customer_search_update (SalesDb       *db,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          GError       **error);

G_END_DECLS
