/* sales-customer-list-query.c: the SQL of the customer list
 *
 * One query gives the ids of every matching customer in list order; the sort and the
 * filters become its ORDER BY and WHERE, so SQLite does the work with the indexes made
 * for it (schema version 5: each sortable column with the name after it, and partial
 * indexes over open deals and planned follow-ups). NULLs (no industry, no source) are the
 * smallest values, as in SQL, so that the indexes give the order as they stand.
 *
 * Two orders are not one ORDER BY, because SQLite would sort 100 000 rows for them:
 * - by owner: the reps' names decide, so the list reads each rep's customers by name
 *   from the (owner_id, name) index, one rep after the other in name order, customers
 *   of the pool (NULL) first;
 * - by what a customer's follow-ups and deals add up to: the list adds up the sum it sorts
 *   by for every customer the first time, in one grouped query over an index
 *   (SalesCustomerSums, 32 bytes a customer, then kept in step one customer at a time),
 *   and sorts the matching ids in C. Customers with nothing to show (never contacted,
 *   nothing planned) come last in both directions.
 *
 * A search sorted by relevance with no other filter is the search's own list of ids.
 *
 * A search asks the search index (sales-customer-search.c) for the ids of every match
 * first; the query then reads them as a JSON array through json_each(), which keeps the
 * search's own order for the relevance sort.
 *
 * To put one changed customer in its place, the list reads that customer's sort terms
 * (read_key) and compares them in C with the same rules as the ORDER BY.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-customer-list-private.h"
#include "sales-customer-search.h"

static const char * const tier_codes[] = { "A", "B", "C" };

/* Per SalesCustomerSort; RELEVANCE is the name's order when there is no search. */
static const char * const sort_terms[][SALES_CUSTOMER_LIST_MAX_TERMS] = {
  { "c.name", NULL },
  { "c.name", NULL },
  { "c.tier", "c.name" },
  { "c.industry", "c.name" },
  { "(SELECT r.name FROM rep AS r WHERE r.id = c.owner_id)", "c.name" },
  { "c.source", "c.name" },
  { "(SELECT max (a.done_at) FROM activity AS a WHERE a.customer_id = c.id)", NULL },
  { "(SELECT count (*) FROM deal AS d WHERE d.customer_id = c.id AND d.closed_at IS NULL)",
    NULL },
  { "(SELECT coalesce (sum (d.amount_cents), 0) FROM deal AS d "
    "WHERE d.customer_id = c.id AND d.closed_at IS NULL)", NULL },
  { "(SELECT min (a.due_at) FROM activity AS a WHERE a.customer_id = c.id AND a.done_at IS NULL)",
    NULL },
  { "c.created_at", NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (sort_terms) == SALES_CUSTOMER_SORT_CREATED + 1);

#define SUMS_SQL \
  "SELECT (SELECT max (done_at) FROM activity WHERE customer_id = ?1), " \
  "(SELECT count (*) FROM deal WHERE customer_id = ?1 AND closed_at IS NULL), " \
  "(SELECT sum (amount_cents) FROM deal WHERE customer_id = ?1 AND closed_at IS NULL), " \
  "(SELECT min (due_at) FROM activity WHERE customer_id = ?1 AND done_at IS NULL)"

void
sales_customer_list_warn (SalesCustomerList *self,
                          const char        *what,
                          int                rc)
{
  g_autoptr(GError) error = NULL;

  sales_db_set_error (sales_store_get_db (self->store), rc, &error);
  g_warning ("Cannot %s of the customer list: %s", what, error->message);
}

gboolean
sales_customer_list_sorts_by_stats (SalesCustomerList *self)
{
  return self->sort == SALES_CUSTOMER_SORT_LAST_CONTACT ||
         self->sort == SALES_CUSTOMER_SORT_OPEN_DEALS ||
         self->sort == SALES_CUSTOMER_SORT_OPEN_AMOUNT ||
         self->sort == SALES_CUSTOMER_SORT_NEXT_FOLLOWUP;
}

static gboolean
by_rank (SalesCustomerList *self)
{
  return self->sort == SALES_CUSTOMER_SORT_RELEVANCE && self->search_ranks != NULL;
}

void
sales_customer_list_finalize_statements (SalesCustomerList *self)
{
  g_clear_pointer (&self->select_ids, sqlite3_finalize);
  g_clear_pointer (&self->match, sqlite3_finalize);
  g_clear_pointer (&self->read_key, sqlite3_finalize);
}

static sqlite3_stmt *
prepare_one (SalesCustomerList *self,
             const char        *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (sales_db_get_handle (sales_store_get_db (self->store)), sql, -1,
                           SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sales_customer_list_warn (self, "prepare the query", rc);
      return NULL;
    }

  return stmt;
}

static void
append_filters (SalesCustomerList *self,
                GString           *sql)
{
  if (self->tier >= 0)
    g_string_append (sql, " AND c.tier = @tier");
  if (self->owner_id == SALES_CUSTOMER_LIST_PUBLIC_POOL)
    g_string_append (sql, " AND c.owner_id IS NULL");
  else if (self->owner_id > 0)
    g_string_append (sql, " AND c.owner_id = @owner");
  if (self->industry != NULL)
    g_string_append (sql, " AND c.industry = @industry");
  if (self->source != NULL)
    g_string_append (sql, " AND c.source = @source");
  if (self->tag_id > 0)
    g_string_append (sql, " AND c.id IN (SELECT t.customer_id FROM customer_tag AS t "
                          "WHERE t.tag_id = @tag)");
}

/* Builds the statements from the sort and the filters as they are now. */
gboolean
sales_customer_list_prepare (SalesCustomerList *self)
{
  const char * const *terms = sort_terms[self->sort];
  const char *direction = self->descending ? "DESC" : "ASC";
  g_autoptr(GString) sql = g_string_new (NULL);

  sales_customer_list_finalize_statements (self);

  /* The sums are sorted in C. */
  self->n_terms = 0;
  if (!sales_customer_list_sorts_by_stats (self))
    {
      while (self->n_terms < SALES_CUSTOMER_LIST_MAX_TERMS && terms[self->n_terms] != NULL)
        self->n_terms++;
    }

  if (by_rank (self))
    g_string_append (sql, "SELECT c.id FROM json_each (@ids) AS s "
                          "JOIN customer AS c ON c.id = s.value WHERE 1");
  else if (self->search_ranks != NULL)
    g_string_append (sql, "SELECT c.id FROM customer AS c "
                          "WHERE c.id IN (SELECT value FROM json_each (@ids))");
  else
    g_string_append (sql, "SELECT c.id FROM customer AS c WHERE 1");
  append_filters (self, sql);

  if (by_rank (self))
    g_string_append_printf (sql, " ORDER BY s.key %s", direction);
  else if (self->sort == SALES_CUSTOMER_SORT_OWNER)
    g_string_append_printf (sql, " AND c.owner_id IS @current ORDER BY c.name %s, c.id %s",
                            direction, direction);
  else if (self->n_terms > 0)
    {
      g_string_append (sql, " ORDER BY ");
      for (guint i = 0; i < self->n_terms; i++)
        g_string_append_printf (sql, "%s %s, ", terms[i], direction);
      g_string_append_printf (sql, "c.id %s", direction);
    }
  self->select_ids = prepare_one (self, sql->str);

  /* Membership of the search is looked up in search_ranks instead. */
  g_string_assign (sql, "SELECT 1 FROM customer AS c WHERE c.id = @id");
  append_filters (self, sql);
  self->match = prepare_one (self, sql->str);

  g_string_assign (sql, "SELECT ");
  for (guint i = 0; i < self->n_terms; i++)
    g_string_append_printf (sql, "%s, ", terms[i]);
  g_string_append (sql, "c.id FROM customer AS c WHERE c.id = @id");
  self->read_key = prepare_one (self, sql->str);

  return self->select_ids != NULL && self->match != NULL && self->read_key != NULL;
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_int64 (sqlite3_stmt *stmt,
            const char   *name,
            gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

void
sales_customer_list_bind_filters (SalesCustomerList *self,
                                  sqlite3_stmt      *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (self->tier >= 0)
    bind_text (stmt, "@tier", tier_codes[self->tier]);
  bind_int64 (stmt, "@owner", self->owner_id);
  bind_text (stmt, "@industry", self->industry);
  bind_text (stmt, "@source", self->source);
  bind_int64 (stmt, "@tag", self->tag_id);
  bind_text (stmt, "@ids", self->search_json);
}

static gboolean
append_ids (SalesCustomerList *self,
            GArray            *ids,
            gboolean           owner,
            gint64             owner_id)
{
  sqlite3_stmt *stmt = self->select_ids;
  int rc;

  sales_customer_list_bind_filters (self, stmt);
  if (owner && owner_id > 0)
    bind_int64 (stmt, "@current", owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_customer_list_warn (self, "read the customers", rc);
      return FALSE;
    }

  return TRUE;
}

/* The pool first, then each rep's customers, reps by name. */
static gboolean
append_ids_by_owner (SalesCustomerList *self,
                     GArray            *ids)
{
  g_autoptr(GArray) reps = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (sales_store_get_db (self->store),
                           "SELECT id FROM rep ORDER BY name, id", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the reps: %s", error->message);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (reps, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sales_customer_list_warn (self, "read the reps", rc);
      return FALSE;
    }

  for (guint i = 0; i <= reps->len; i++)
    {
      /* Ascending: NULL (the pool), then the reps; descending the other way round. */
      guint k = self->descending ? reps->len - i : i;
      gint64 owner_id = k == 0 ? 0 : g_array_index (reps, gint64, k - 1);

      if (!append_ids (self, ids, TRUE, owner_id))
        return FALSE;
    }

  return TRUE;
}

static const SalesCustomerSums *
lookup_sums (SalesCustomerList *self,
             gint64             id)
{
  static const SalesCustomerSums none = { 0 };

  if (id < 0 || (gsize)id >= self->n_sums)
    return &none;

  return &self->sums[id];
}

static int
compare_sums (SalesCustomerList *self,
              gint64             a,
              gint64             b)
{
  const SalesCustomerSums *sa = lookup_sums (self, a);
  const SalesCustomerSums *sb = lookup_sums (self, b);
  int sign = self->descending ? -1 : 1;
  gboolean nulls = FALSE;
  gint64 va = 0, vb = 0;

  switch (self->sort)
    {
    case SALES_CUSTOMER_SORT_LAST_CONTACT:
      va = sa->last_contact_at, vb = sb->last_contact_at, nulls = TRUE;
      break;
    case SALES_CUSTOMER_SORT_OPEN_DEALS:
      va = sa->open_deals, vb = sb->open_deals;
      break;
    case SALES_CUSTOMER_SORT_OPEN_AMOUNT:
      va = sa->open_cents, vb = sb->open_cents;
      break;
    case SALES_CUSTOMER_SORT_NEXT_FOLLOWUP:
      va = sa->next_followup_at, vb = sb->next_followup_at, nulls = TRUE;
      break;
    default:
      g_assert_not_reached ();
    }

  if (nulls && (va == 0) != (vb == 0))
    return va == 0 ? 1 : -1;
  if (va != vb)
    return sign * (va < vb ? -1 : 1);

  return sign * (a < b ? -1 : a > b);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return compare_sums (user_data, *(const gint64 *)a, *(const gint64 *)b);
}

static gboolean
run_sums_query (SalesCustomerList *self,
                const char        *sql,
                guint              what)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sales_db_prepare (sales_store_get_db (self->store), sql, &error);
  int rc;

  if (stmt == NULL)
    {
      g_warning ("Cannot add up the customers' deals and follow-ups: %s", error->message);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SalesCustomerSums *sums;

      if (id < 0 || (gsize)id >= self->n_sums)
        continue;

      sums = &self->sums[id];
      if (what == SALES_CUSTOMER_SORT_LAST_CONTACT)
        sums->last_contact_at = sqlite3_column_int64 (stmt, 1);
      else if (what == SALES_CUSTOMER_SORT_OPEN_DEALS)
        {
          sums->open_deals = (guint)sqlite3_column_int64 (stmt, 1);
          sums->open_cents = sqlite3_column_int64 (stmt, 2);
        }
      else
        sums->next_followup_at = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_customer_list_warn (self, "add up the deals and follow-ups", rc);
      return FALSE;
    }

  return TRUE;
}

/* The sum the list is sorted by, of every customer, in one pass over an index. */
static gboolean
ensure_sums (SalesCustomerList *self)
{
  g_autoptr(GError) error = NULL;
  SalesCustomerSort what = self->sort == SALES_CUSTOMER_SORT_OPEN_AMOUNT
                           ? SALES_CUSTOMER_SORT_OPEN_DEALS : self->sort;
  const char *sql;

  if (self->sums_known & (1u << what))
    return TRUE;

  if (self->sums == NULL)
    {
      gint64 max_id = 0;

      if (!sales_store_query_int64 (self->store, "SELECT coalesce (max (id), 0) FROM customer",
                                    0, 0, &max_id, &error))
        {
          g_warning ("Cannot count the customers: %s", error->message);
          return FALSE;
        }

      self->n_sums = (gsize)max_id + 1;
      self->sums = g_new0 (SalesCustomerSums, self->n_sums);
    }

  if (what == SALES_CUSTOMER_SORT_LAST_CONTACT)
    sql = "SELECT customer_id, max (done_at) FROM activity "
          "WHERE done_at IS NOT NULL GROUP BY customer_id";
  else if (what == SALES_CUSTOMER_SORT_OPEN_DEALS)
    sql = "SELECT customer_id, count (*), sum (amount_cents) FROM deal "
          "WHERE closed_at IS NULL GROUP BY customer_id";
  else
    sql = "SELECT customer_id, min (due_at) FROM activity "
          "WHERE done_at IS NULL GROUP BY customer_id";

  if (!run_sums_query (self, sql, what))
    {
      sales_customer_list_forget_sums (self);
      return FALSE;
    }

  self->sums_known |= 1u << what;
  return TRUE;
}

void
sales_customer_list_forget_sums (SalesCustomerList *self)
{
  g_clear_pointer (&self->sums, g_free);
  self->n_sums = 0;
  self->sums_known = 0;
}

/* Reads what the customer @id adds up to now. */
gboolean
sales_customer_list_read_sums (SalesCustomerList *self,
                               gint64             id,
                               SalesCustomerSums *sums)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *sums = (SalesCustomerSums) { 0 };

  stmt = sales_db_prepare (sales_store_get_db (self->store), SUMS_SQL, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot add up a customer's deals and follow-ups: %s", error->message);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      sums->last_contact_at = sqlite3_column_int64 (stmt, 0);
      sums->open_deals = (guint)sqlite3_column_int64 (stmt, 1);
      sums->open_cents = sqlite3_column_int64 (stmt, 2);
      sums->next_followup_at = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      sales_customer_list_warn (self, "add up the deals and follow-ups", rc);
      return FALSE;
    }

  return TRUE;
}

/* Brings the kept sums of the customer @id up to date, when the list keeps them. */
void
sales_customer_list_update_sums (SalesCustomerList *self,
                                 gint64             id)
{
  if (self->sums == NULL || id <= 0)
    return;

  if ((gsize)id >= self->n_sums)
    {
      gsize n = MAX ((gsize)id + 1, self->n_sums + self->n_sums / 4);

      self->sums = g_renew (SalesCustomerSums, self->sums, n);
      memset (self->sums + self->n_sums, 0, (n - self->n_sums) * sizeof (SalesCustomerSums));
      self->n_sums = n;
    }

  sales_customer_list_read_sums (self, id, &self->sums[id]);
}

GArray *
sales_customer_list_query_ids (SalesCustomerList *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->select_ids == NULL)
    return NULL;

  /* Without other filters, the search's order is the list. */
  if (by_rank (self) && !self->descending && self->tier == SALES_CUSTOMER_LIST_ANY_TIER &&
      self->owner_id == 0 && self->industry == NULL && self->source == NULL &&
      self->tag_id == 0)
    g_array_append_vals (ids, self->search_ids->data, self->search_ids->len);
  else if (self->sort == SALES_CUSTOMER_SORT_OWNER && !by_rank (self))
    {
      if (!append_ids_by_owner (self, ids))
        return NULL;
    }
  else if (!append_ids (self, ids, FALSE, 0))
    return NULL;

  if (sales_customer_list_sorts_by_stats (self))
    {
      if (!ensure_sums (self))
        return NULL;
      g_array_sort_with_data (ids, compare_ids, self);
    }

  return g_steal_pointer (&ids);
}

/* Asks the search index for every match of the search text. */
gboolean
sales_customer_list_run_search (SalesCustomerList *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = NULL;

  g_clear_pointer (&self->search_ranks, g_hash_table_unref);
  g_clear_pointer (&self->search_json, g_free);
  g_clear_pointer (&self->search_ids, g_array_unref);

  if (self->search == NULL)
    return TRUE;

  ids = sales_customer_search_ids (sales_store_get_db (self->store), self->search, 0, G_MAXUINT,
                                   NULL, &error);
  if (ids == NULL)
    {
      g_warning ("Cannot search the customers: %s", error->message);
      return FALSE;
    }

  self->search_ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  json = g_string_sized_new (16 + ids->len * 8);
  g_string_append_c (json, '[');
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      g_hash_table_insert (self->search_ranks, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER (i + 1));
      g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", id);
    }
  g_string_append_c (json, ']');
  self->search_json = g_string_free (g_steal_pointer (&json), FALSE);
  self->search_ids = g_steal_pointer (&ids);

  return TRUE;
}

/* Whether the customer @id passes the filters now. */
gboolean
sales_customer_list_matches (SalesCustomerList *self,
                             gint64             id)
{
  sqlite3_stmt *stmt = self->match;
  gboolean matches;
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (self->search_ranks != NULL && !g_hash_table_contains (self->search_ranks, &id))
    return FALSE;

  sales_customer_list_bind_filters (self, stmt);
  bind_int64 (stmt, "@id", id);
  rc = sqlite3_step (stmt);
  matches = rc == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    sales_customer_list_warn (self, "check a customer", rc);

  return matches;
}

void
sales_customer_sort_key_clear (SalesCustomerSortKey *key)
{
  for (guint i = 0; i < SALES_CUSTOMER_LIST_MAX_TERMS; i++)
    g_clear_pointer (&key->values[i], sqlite3_value_free);
}

/* FALSE when the customer is gone. */
gboolean
sales_customer_list_read_key (SalesCustomerList    *self,
                              gint64                id,
                              SalesCustomerSortKey *key)
{
  sqlite3_stmt *stmt = self->read_key;
  int rc;

  *key = (SalesCustomerSortKey) { { NULL }, id };

  if (by_rank (self) || sales_customer_list_sorts_by_stats (self))
    return TRUE;

  if (stmt == NULL)
    return FALSE;

  sqlite3_reset (stmt);
  bind_int64 (stmt, "@id", id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < self->n_terms; i++)
        key->values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, (int)i));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    sales_customer_list_warn (self, "read the place of a customer", rc);

  return rc == SQLITE_ROW;
}

/* SQLite's order of two values under the BINARY collation, NULLs aside: numbers before
 * text, text by its bytes. */
static int
compare_values (sqlite3_value *a,
                sqlite3_value *b)
{
  int ta = sqlite3_value_type (a);
  int tb = sqlite3_value_type (b);
  gboolean na = ta == SQLITE_INTEGER || ta == SQLITE_FLOAT;
  gboolean nb = tb == SQLITE_INTEGER || tb == SQLITE_FLOAT;

  if (na && nb)
    {
      if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER)
        {
          sqlite3_int64 ia = sqlite3_value_int64 (a), ib = sqlite3_value_int64 (b);

          return ia < ib ? -1 : ia > ib;
        }
      else
        {
          double da = sqlite3_value_double (a), db = sqlite3_value_double (b);

          return da < db ? -1 : da > db;
        }
    }
  if (na != nb)
    return na ? -1 : 1;

  {
    int la = sqlite3_value_bytes (a), lb = sqlite3_value_bytes (b);
    const guchar *sa = sqlite3_value_text (a), *sb = sqlite3_value_text (b);
    int order = memcmp (sa, sb, MIN (la, lb));

    if (order != 0)
      return order;
    return la < lb ? -1 : la > lb;
  }
}

/* < 0 when @a comes before @b in the list, as the ORDER BY puts them. */
int
sales_customer_list_compare_keys (SalesCustomerList          *self,
                                  const SalesCustomerSortKey *a,
                                  const SalesCustomerSortKey *b)
{
  int sign = self->descending ? -1 : 1;

  if (by_rank (self))
    {
      guint ra = GPOINTER_TO_UINT (g_hash_table_lookup (self->search_ranks, &a->id));
      guint rb = GPOINTER_TO_UINT (g_hash_table_lookup (self->search_ranks, &b->id));

      return sign * (ra < rb ? -1 : ra > rb);
    }

  if (sales_customer_list_sorts_by_stats (self))
    return compare_sums (self, a->id, b->id);

  for (guint i = 0; i < self->n_terms; i++)
    {
      gboolean a_null = a->values[i] == NULL || sqlite3_value_type (a->values[i]) == SQLITE_NULL;
      gboolean b_null = b->values[i] == NULL || sqlite3_value_type (b->values[i]) == SQLITE_NULL;
      int order;

      /* As in SQL, NULL is smaller than any value. */
      if (a_null || b_null)
        {
          if (a_null != b_null)
            return sign * (a_null ? -1 : 1);
          continue;
        }

      order = compare_values (a->values[i], b->values[i]);
      if (order != 0)
        return sign * order;
    }

  return sign * (a->id < b->id ? -1 : a->id > b->id);
}

void
sales_customer_list_load_stats (SalesCustomerList  *self,
                                SalesCustomerStats *stats)
{
  SalesCustomerSums sums;

  if (sales_customer_list_read_sums (self, sales_customer_stats_get_customer_id (stats), &sums))
    sales_customer_stats_set (stats, sums.last_contact_at, sums.open_deals, sums.open_cents,
                              sums.next_followup_at);
}

static char **
dup_distinct (SalesStore *store,
              const char *sql)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (sales_store_get_db (store), sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot list the values customers have: %s", error->message);
      return g_strv_builder_end (builder);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (sales_store_get_db (store), rc, &error);
      g_warning ("Cannot list the values customers have: %s", error->message);
    }

  return g_strv_builder_end (builder);
}

/**
 * sales_customer_list_dup_industries:
 *
 * Returns: (transfer full): every industry some customer has, sorted, for a filter
 */
char **
sales_customer_list_dup_industries (SalesStore *store)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return dup_distinct (store, "SELECT DISTINCT industry FROM customer "
                              "WHERE industry IS NOT NULL AND industry <> '' ORDER BY industry");
}

/**
 * sales_customer_list_dup_sources:
 *
 * Returns: (transfer full): every source code some customer has, sorted, for a filter;
 *   see sales_customer_source_to_label()
 */
char **
sales_customer_list_dup_sources (SalesStore *store)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return dup_distinct (store, "SELECT DISTINCT source FROM customer "
                              "WHERE source IS NOT NULL AND source <> '' ORDER BY source");
}

/**
 * sales_customer_source_to_label:
 * @source: a customer.source code ("referral", "website"…) or what a user typed
 *
 * Returns: the translated name of a known code, @source itself otherwise
 */
const char *
sales_customer_source_to_label (const char *source)
{
  static const struct {
    const char *code;
    const char *label;
  } labels[] = {
    { "referral", NC_("customer source", "Referral") },
    { "exhibition", NC_("customer source", "Exhibition") },
    { "website", NC_("customer source", "Website") },
    { "cold_call", NC_("customer source", "Cold call") },
    { "wechat", NC_("customer source", "WeChat") },
    { "partner", NC_("customer source", "Partner") },
  };

  g_return_val_if_fail (source != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_equal (source, labels[i].code))
        return g_dpgettext2 (GETTEXT_PACKAGE, "customer source", labels[i].label);
    }

  return source;
}
