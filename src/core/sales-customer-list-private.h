/* sales-customer-list-private.h: what the files of SalesCustomerList share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-customer-list.h"
#include "sales-store-private.h"

G_BEGIN_DECLS

/* The most sort terms before the id: a key and the name that orders its ties. */
#define SALES_CUSTOMER_LIST_MAX_TERMS 2

/* Where one customer goes in the list: its sort terms, then its id. */
typedef struct
{
  sqlite3_value *values[SALES_CUSTOMER_LIST_MAX_TERMS];
  gint64         id;
} SalesCustomerSortKey;

/* What a customer's follow-ups and open deals add up to; 0 for none. */
typedef struct
{
  gint64 last_contact_at;
  gint64 open_cents;
  gint64 next_followup_at;
  guint  open_deals;
} SalesCustomerSums;

struct _SalesCustomerList
{
  GObject            parent_instance;

  SalesStore        *store;

  SalesCustomerSort  sort;
  gboolean           descending;
  char              *search;
  int                tier;
  gint64             owner_id;
  char              *industry;
  char              *source;
  gint64             tag_id;

  /* gint64: the matching customers in list order */
  GArray            *ids;

  /* With a search: id -> its place in the search's order + 1, and the same ids as a
   * JSON array, which the query reads with json_each(). */
  GHashTable        *search_ranks;
  char              *search_json;
  GArray            *search_ids;

  /* Built from the sort and the filters by sales_customer_list_prepare() */
  guint              n_terms;
  sqlite3_stmt      *select_ids;
  sqlite3_stmt      *match;
  sqlite3_stmt      *read_key;

  /* Indexed by customer id, once the list was sorted by one of them; sums_known has
   * the bit (1 << SalesCustomerSort) of each sum added up for all customers. */
  SalesCustomerSums *sums;
  gsize              n_sums;
  guint              sums_known;

  /* id -> SalesCustomerStats, not owning: the rows on screen hold them */
  GHashTable        *stats;
  guint              refresh_source;
};

/* sales-customer-list.c */
void      sales_customer_list_items_changed  (SalesCustomerList    *self,
                                              guint                 position,
                                              guint                 removed,
                                              guint                 added);

/* sales-customer-list-follow.c */
void      sales_customer_list_reload         (SalesCustomerList    *self);
void      sales_customer_list_rebuild        (SalesCustomerList    *self);
void      sales_customer_list_follow_store   (SalesCustomerList    *self);
void      sales_customer_list_stats_disposed (gpointer              data,
                                              GObject              *where_the_object_was);

/* sales-customer-list-query.c */
gboolean  sales_customer_list_prepare        (SalesCustomerList    *self);
void      sales_customer_list_finalize_statements (SalesCustomerList *self);
gboolean  sales_customer_list_sorts_by_stats (SalesCustomerList    *self);
void      sales_customer_list_bind_filters   (SalesCustomerList    *self,
                                              sqlite3_stmt         *stmt);
GArray   *sales_customer_list_query_ids      (SalesCustomerList    *self);
gboolean  sales_customer_list_run_search     (SalesCustomerList    *self);
gboolean  sales_customer_list_matches        (SalesCustomerList    *self,
                                              gint64                id);
gboolean  sales_customer_list_read_key       (SalesCustomerList    *self,
                                              gint64                id,
                                              SalesCustomerSortKey *key);
void      sales_customer_sort_key_clear      (SalesCustomerSortKey *key);
int       sales_customer_list_compare_keys   (SalesCustomerList    *self,
                                              const SalesCustomerSortKey *a,
                                              const SalesCustomerSortKey *b);
void      sales_customer_list_load_stats     (SalesCustomerList    *self,
                                              SalesCustomerStats   *stats);
gboolean  sales_customer_list_read_sums      (SalesCustomerList    *self,
                                              gint64                id,
                                              SalesCustomerSums    *sums);
void      sales_customer_list_update_sums    (SalesCustomerList    *self,
                                              gint64                id);
void      sales_customer_list_forget_sums    (SalesCustomerList    *self);
void      sales_customer_list_warn           (SalesCustomerList    *self,
                                              const char           *what,
                                              int                   rc);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SalesCustomerSortKey, sales_customer_sort_key_clear)

G_END_DECLS
