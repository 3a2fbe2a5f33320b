/* sales-customer-search.c: instant search over everything known about a customer
 *
 * Three tables of schema version 4 answer a query (README, "Your data"):
 *
 *   customer_search  one row per customer: its searchable text (body) in the folded form
 *                    of sales-search-text.c, its folded name and the pinyin initials of it
 *   customer_fts     FTS5 trigram index of body (external content: customer_search), for
 *                    terms of three characters or more
 *   customer_gram    FTS5 index of every character and pair of adjacent characters of body
 *                    (contentless, detail=none), for terms of one or two characters, which
 *                    trigrams cannot find
 *
 * The body of a customer holds its name, phone (digits), e-mail and notes, the name, phone
 * and e-mail of each contact, and the pinyin initials of the customer's and contacts' names,
 * one per line. Query words never hold a line break, so no match spans two fields.
 *
 * Both FTS5 tables must be told the exact old text of a row to remove it, so
 * customer_search has no foreign key that would delete a row behind their back: a deleted
 * customer keeps its row until the next flush (sales-customer-index.c) removes all three.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sales-customer-search.h"
#include "sales-record-private.h"
#include "sales-search-text.h"
#include "sales-store-private.h"

typedef enum
{
  MATCH_TRIGRAMS = 1 << 0,
  MATCH_GRAMS    = 1 << 1,
} MatchKind;

typedef enum
{
  RANK_NAME,      /* the name starts with the first word */
  RANK_INITIALS,  /* the pinyin initials of the name start with it */
  RANK_OTHER,     /* every other match, the last rank */
  RANK_ALL,       /* blank text: every customer */
} Rank;

typedef struct
{
  char      *fts;         /* MATCH expression of customer_fts */
  char      *grams;       /* MATCH expression of customer_gram */
  char      *prefix;      /* the first word, which the name ranks compare with */
  char      *prefix_end;  /* the least string above every string starting with prefix */
  GPtrArray *verify;      /* long words, looked up by three trigrams and checked in full */
  guint      kind;        /* MatchKind */
  guint      n_terms;
  gboolean   initials;    /* prefix is ASCII letters: pinyin initials may match it */
  gboolean   blank;
} Query;

static void
query_clear (Query *q)
{
  g_free (q->fts);
  g_free (q->grams);
  g_free (q->prefix);
  g_free (q->prefix_end);
  g_clear_pointer (&q->verify, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static void
append_phrase (GString    *expr,
               const char *term)
{
  if (expr->len > 0)
    g_string_append (expr, " AND ");
  g_string_append_c (expr, '"');
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (expr, '"');
      g_string_append_c (expr, *p);
    }
  g_string_append_c (expr, '"');
}

/* A phrase of FTS5 reads the list of every trigram of it, with positions: a word of 11
 * characters read 9 of them, some of which are in half the customers, and took 10 ms. Three
 * of its trigrams (first, middle, last) find the few customers that have all three, and
 * instr() on their text keeps those that have the whole word. */
#define LONG_WORD 6

static void
append_long (Query      *q,
             GString    *expr,
             const char *term)
{
  glong n = g_utf8_strlen (term, -1);
  glong starts[] = { 0, (n - 3) / 2, n - 3 };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      const char *from = g_utf8_offset_to_pointer (term, starts[i]);
      const char *to = g_utf8_offset_to_pointer (from, 3);
      g_autofree char *trigram = g_strndup (from, to - from);

      append_phrase (expr, trigram);
    }

  if (q->verify == NULL)
    q->verify = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (q->verify, g_strdup (term));
}

static char *
word_chars (const char *term)
{
  GString *out = g_string_new (NULL);

  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (sales_search_text_is_word_char (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_ascii_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;

  return *text != '\0';
}

/* Text of one or two characters is looked up in customer_gram, which holds words' characters
 * and pairs only: "a." is looked up as "a". Longer text is a phrase of customer_fts. */
static void
query_parse (Query      *q,
             const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GString) fts = g_string_new (NULL);
  g_autoptr(GString) grams = g_string_new (NULL);
  g_auto(GStrv) terms = NULL;

  memset (q, 0, sizeof *q);

  if (*stripped == '\0')
    {
      q->blank = TRUE;
      return;
    }

  if (sales_search_text_is_phone (stripped))
    {
      terms = g_new0 (char *, 2);
      terms[0] = sales_search_text_phone (stripped);
    }
  else
    {
      g_autofree char *folded = sales_search_text_fold (stripped);

      terms = g_strsplit_set (folded, " \t\n\r\f\v", -1);
    }

  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *term = terms[i];

      if (*term == '\0')
        continue;

      if (q->prefix == NULL)
        q->prefix = g_strdup (term);
      q->n_terms++;

      if (g_utf8_strlen (term, -1) >= LONG_WORD)
        append_long (q, fts, term);
      else if (g_utf8_strlen (term, -1) >= 3)
        append_phrase (fts, term);
      else
        {
          g_autofree char *gram = word_chars (term);

          if (*gram != '\0')
            append_phrase (grams, gram);
        }
    }

  if (fts->len > 0)
    {
      q->kind |= MATCH_TRIGRAMS;
      q->fts = g_strdup (fts->str);
    }
  if (grams->len > 0)
    {
      q->kind |= MATCH_GRAMS;
      q->grams = g_strdup (grams->str);
    }

  if (q->prefix != NULL)
    {
      gsize len = strlen (q->prefix);

      /* Text compares byte by byte, and no byte of UTF-8 is 0xff. */
      q->prefix_end = g_strdup (q->prefix);
      q->prefix_end[len - 1]++;
      q->initials = is_ascii_letters (q->prefix);
    }
}

/* The ids of every match, in id order. Parameters ?1 and ?2 are the MATCH expressions, ?8
 * and on the long words (interned, like every statement text here). */
static const char *
match_sql (const Query *q)
{
  g_autoptr(GString) sql = NULL;
  guint n_verify = q->verify != NULL ? q->verify->len : 0;

  if (q->kind == MATCH_GRAMS)
    return "SELECT rowid FROM customer_gram WHERE customer_gram MATCH ?2";

  g_assert (q->kind & MATCH_TRIGRAMS);

  sql = g_string_new ("SELECT f.rowid FROM customer_fts f");
  if (n_verify > 0)
    g_string_append (sql, " JOIN customer_search v ON v.customer_id = f.rowid");
  g_string_append (sql, " WHERE f.customer_fts MATCH ?1");
  if (q->kind & MATCH_GRAMS)
    g_string_append (sql, " AND f.rowid IN "
                          "(SELECT rowid FROM customer_gram WHERE customer_gram MATCH ?2)");
  for (guint i = 0; i < n_verify; i++)
    g_string_append_printf (sql, " AND instr (v.body, ?%u) > 0", 8 + i);

  return g_intern_string (sql->str);
}

/* The statement that lists (or counts) one rank of a query. Parameters: ?1 and ?2 the MATCH
 * expressions, ?3 and ?4 the prefix range, ?5 whether initials rank, ?6 LIMIT, ?7 OFFSET,
 * ?8 and on the long words. The texts are interned: a query has a few shapes, and SalesDb
 * keeps one statement each. */
static const char *
rank_sql (const Query *q,
          Rank         rank,
          gboolean     count)
{
  g_autofree char *sql = NULL;
  const char *head = count ? "SELECT count(*) FROM (" : "";
  const char *tail = count ? ")" : " LIMIT ?6 OFFSET ?7";
  /* A name that starts with the first word contains it; the other words must be checked. */
  g_autofree char *others = q->n_terms > 1
                            ? g_strdup_printf (" AND customer_id IN (%s)", match_sql (q))
                            : g_strdup ("");

  switch (rank)
    {
    case RANK_NAME:
      sql = g_strdup_printf ("%sSELECT customer_id FROM customer_search"
                             " WHERE name_key >= ?3 AND name_key < ?4%s"
                             " ORDER BY name_key, customer_id%s", head, others, tail);
      break;

    case RANK_INITIALS:
      sql = g_strdup_printf ("%sSELECT customer_id FROM customer_search"
                             " WHERE initials >= ?3 AND initials < ?4"
                             " AND NOT (name_key >= ?3 AND name_key < ?4)%s"
                             " ORDER BY initials, customer_id%s", head, others, tail);
      break;

    case RANK_OTHER:
      sql = g_strdup_printf ("%sSELECT s.customer_id FROM (%s) m"
                             " JOIN customer_search s ON s.customer_id = m.rowid"
                             " WHERE NOT (s.name_key >= ?3 AND s.name_key < ?4)"
                             " AND NOT (?5 AND s.initials >= ?3 AND s.initials < ?4)"
                             " ORDER BY m.rowid%s", head, match_sql (q), tail);
      break;

    case RANK_ALL:
      sql = g_strdup_printf ("%sSELECT customer_id FROM customer_search"
                             " ORDER BY name_key, customer_id%s", head, tail);
      break;

    default:
      g_assert_not_reached ();
    }

  return g_intern_string (sql);
}

static void
bind_terms (sqlite3_stmt *stmt,
            const Query  *q)
{
  /* Every statement has some of these parameters; binding one it lacks is harmless. */
  sqlite3_bind_text (stmt, 1, q->fts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, q->grams, -1, SQLITE_STATIC);
  for (guint i = 0; q->verify != NULL && i < q->verify->len; i++)
    sqlite3_bind_text (stmt, 8 + (int)i, g_ptr_array_index (q->verify, i), -1, SQLITE_STATIC);
}

static sqlite3_stmt *
prepare_rank (SalesDb      *db,
              const Query  *q,
              Rank          rank,
              gboolean      count,
              GError      **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (db, rank_sql (q, rank, count), error);

  if (stmt == NULL)
    return NULL;

  bind_terms (stmt, q);
  sqlite3_bind_text (stmt, 3, q->prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, q->prefix_end, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, q->initials);
  return stmt;
}

static gint64
count_rank (SalesDb      *db,
            const Query  *q,
            Rank          rank,
            GError      **error)
{
  sqlite3_stmt *stmt = prepare_rank (db, q, rank, TRUE, error);
  gint64 count;
  int rc;

  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      sales_db_set_error (db, rc, error);
      return -1;
    }

  return count;
}

static gboolean
fetch_rank (SalesDb      *db,
            const Query  *q,
            Rank          rank,
            guint         offset,
            guint         limit,
            GArray       *ids,
            GError      **error)
{
  sqlite3_stmt *stmt = prepare_rank (db, q, rank, FALSE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 6, limit);
  sqlite3_bind_int64 (stmt, 7, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  return TRUE;
}

/* One read transaction around the few statements of a search (or a load): each statement
 * would otherwise take and release WAL read locks of its own, a handful of system calls
 * that cost more than the lookups, and the ranks are counted on one snapshot. Inside a
 * caller's transaction there is nothing to do. */
static gboolean
read_begin (SalesDb *db)
{
  sqlite3 *handle = sales_db_get_handle (db);

  return sqlite3_get_autocommit (handle) &&
         sqlite3_exec (handle, "BEGIN DEFERRED", NULL, NULL, NULL) == SQLITE_OK;
}

static void
read_end (SalesDb  *db,
          gboolean  began)
{
  if (began)
    sqlite3_exec (sales_db_get_handle (db), "COMMIT", NULL, NULL, NULL);
}

static gboolean
search_ids (SalesDb      *db,
            const Query  *q,
            guint         offset,
            guint         want,
            GArray       *ids,
            GError      **error)
{
  guint skip = offset;

  if (q->blank)
    return fetch_rank (db, q, RANK_ALL, offset, want, ids, error);

  for (Rank rank = RANK_NAME; q->kind != 0 && rank <= RANK_OTHER && ids->len < want; rank++)
    {
      if (rank == RANK_INITIALS && !q->initials)
        continue;

      /* The ranks come one after the other, so an offset past the end of one skips it
       * whole; the last one streams and needs no count. */
      if (skip > 0 && rank != RANK_OTHER)
        {
          gint64 n = count_rank (db, q, rank, error);

          if (n < 0)
            return FALSE;
          if ((guint64)n <= skip)
            {
              skip -= (guint)n;
              continue;
            }
        }

      if (!fetch_rank (db, q, rank, skip, want - ids->len, ids, error))
        return FALSE;
      skip = 0;
    }

  return TRUE;
}

GArray *
sales_customer_search_ids (SalesDb     *db,
                           const char  *text,
                           guint        offset,
                           guint        limit,
                           gboolean    *has_more,
                           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(Query) q = { 0 };
  /* One more than asked for tells whether more follow. */
  guint want = limit < G_MAXUINT ? limit + 1 : limit;
  gboolean began, ok;

  g_return_val_if_fail (SALES_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  query_parse (&q, text);

  began = read_begin (db);
  ok = search_ids (db, &q, offset, want, ids, error);
  read_end (db, began);
  if (!ok)
    return NULL;

  if (has_more != NULL)
    *has_more = ids->len > limit;
  if (ids->len > limit)
    g_array_set_size (ids, limit);

  return g_steal_pointer (&ids);
}

gint64
sales_customer_search_count (SalesDb     *db,
                             const char  *text,
                             GError     **error)
{
  g_auto(Query) q = { 0 };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (db), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  query_parse (&q, text);

  if (q.blank)
    return count_rank (db, &q, RANK_ALL, error);
  if (q.kind == 0)
    return 0;

  sql = g_strdup_printf ("SELECT count(*) FROM (%s)", match_sql (&q));
  stmt = sales_db_prepare (db, g_intern_string (sql), error);
  if (stmt == NULL)
    return -1;

  bind_terms (stmt, &q);
  rc = sqlite3_step (stmt);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      sales_db_set_error (db, rc, error);
      return -1;
    }

  return count;
}

/**
 * sales_customer_search_load:
 * @store: the store
 * @ids: (array length=n_ids): customer ids, such as a screenful of
 *   sales_customer_search_ids()
 * @error: return location for a #GError
 *
 * Reads the customers of @ids that are not in memory yet with one statement, rather than one
 * each, and hands out the store's canonical objects, in the order of @ids; ids of customers
 * that no longer exist are left out. A list shows its first screenful sooner this way.
 *
 * Returns: (transfer container) (element-type SalesCustomer): the customers, or %NULL with
 *   @error set
 */
GPtrArray *
sales_customer_search_load (SalesStore    *store,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  g_autoptr(GPtrArray) customers = g_ptr_array_new_full (n_ids, g_object_unref);
  g_autoptr(GHashTable) found = NULL;
  g_autofree gint64 *keys = g_new (gint64, MAX (n_ids, 1));
  g_autoptr(GString) list = g_string_new ("[");
  guint n_found = 0;
  g_autofree char *sql = NULL;
  SalesDb *db;
  sqlite3_stmt *stmt;
  gboolean began;
  int rc;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = sales_store_get_db (store);
  found = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (list, ']');

  sql = g_strdup_printf ("%s WHERE id IN (SELECT value FROM json_each (?1))",
                         sales_record_class_get_sql (g_type_class_peek (SALES_TYPE_CUSTOMER),
                                                     SALES_RECORD_SQL_SELECT));
  stmt = sales_db_prepare (db, g_intern_string (sql), error);
  if (stmt == NULL)
    return NULL;

  began = read_begin (db);
  sqlite3_bind_text (stmt, 1, list->str, (int)list->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesRecord *customer = sales_store_get_record_from_row (store, SALES_RECORD_CUSTOMER, stmt);

      /* Each row is a distinct id of @ids, so there are at most n_ids of them. */
      keys[n_found] = sales_record_get_id (customer);
      g_hash_table_replace (found, &keys[n_found++], customer);
    }
  sqlite3_reset (stmt);
  read_end (db, began);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      SalesCustomer *customer = g_hash_table_lookup (found, &ids[i]);

      if (customer != NULL)
        g_ptr_array_add (customers, g_object_ref (customer));
    }

  return g_steal_pointer (&customers);
}

/**
 * sales_customer_search:
 * @text: what was typed; blank gives the first customers by name
 * @limit: at most this many customers
 *
 * Returns: (transfer full): a list of the canonical #SalesCustomer objects of the first
 *   @limit matches of sales_customer_search_ids(), or %NULL with @error set
 */
GListModel *
sales_customer_search (SalesStore  *store,
                       const char  *text,
                       guint        limit,
                       GError     **error)
{
  g_autoptr(GListStore) result = g_list_store_new (SALES_TYPE_CUSTOMER);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) customers = NULL;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = sales_customer_search_ids (sales_store_get_db (store), text, 0, limit, NULL, error);
  if (ids == NULL)
    return NULL;

  customers = sales_customer_search_load (store, (const gint64 *)(gpointer)ids->data, ids->len,
                                          error);
  if (customers == NULL)
    return NULL;

  g_list_store_splice (result, 0, 0, customers->pdata, customers->len);
  return G_LIST_MODEL (g_steal_pointer (&result));
}
